/* CSV for the bulk importers (RFC 4180, UTF-8, optional BOM), streamed
 * record by record: memory stays one buffer the size of the longest record
 * (64 KiB at least), whatever the size of the file. Fields are unquoted in
 * place; every field keeps the line and column where it starts, so that an
 * importer can name the cell a message is about. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "io/io.h"

#define CSV_CHUNK 65536

void csv_close(csv_reader *c)
{
	if (c->f)
		fclose(c->f);
	free(c->buf);
	memset(c, 0, sizeof *c);
}

/* Moves the unread bytes to the front, grows the buffer when they fill it,
 * and reads more. The byte after the data stays writable: a field at the
 * very end is NUL-terminated there. */
static int fill(csv_reader *c)
{
	size_t keep = (size_t)(c->end - c->p), n;
	if (c->p > c->buf) {
		memmove(c->buf, c->p, keep);
		c->base += c->p - c->buf;
		c->p = c->buf;
		c->end = c->buf + keep;
	}
	if (keep == c->cap) { /* one record longer than the buffer */
		char *nb = realloc(c->buf, c->cap * 2 + 1);
		if (!nb)
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		c->buf = c->p = nb;
		c->end = nb + keep;
		c->cap *= 2;
	}
	n = fread(c->end, 1, c->cap - keep, c->f);
	c->end += n;
	*c->end = '\0';
	if (n == 0) {
		if (ferror(c->f))
			return error_set(CAMPAIGN_EIO, "%s: cannot read the file", c->file);
		c->eof = 1;
	}
	return CAMPAIGN_OK;
}

/* Reads from @f (NULL: EIO naming @path). */
static int open_stream(csv_reader *c, FILE *f, const char *path, int utf8_at_line)
{
	int rc;
	memset(c, 0, sizeof *c);
	c->file = path;
	c->utf8_at_line = utf8_at_line;
	c->line = c->col = 1;
	if (!(c->f = f))
		return error_set(CAMPAIGN_EIO, "%s: cannot open the file", path);
	if (!(c->buf = malloc(CSV_CHUNK + 1))) {
		fclose(c->f);
		c->f = NULL;
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	c->cap = CSV_CHUNK;
	c->p = c->end = c->buf;
	*c->end = '\0';
	if ((rc = fill(c))) {
		csv_close(c);
		return rc;
	}
	if (c->end - c->p >= 3 && !memcmp(c->p, "\xef\xbb\xbf", 3))
		c->p += 3; /* spreadsheets write a BOM */
	return CAMPAIGN_OK;
}

int csv_open(csv_reader *c, const char *path, int utf8_at_line)
{
	return open_stream(c, fopen(path, "rb"), path, utf8_at_line);
}

FILE *csv_text_stream(const char *text, size_t len)
{
	/* an empty text cannot be a memory stream: an empty file stands in */
	return len ? fmemopen((void *)(uintptr_t)text, len, "rb") : tmpfile();
}

int csv_open_string(csv_reader *c, const char *name, const char *text, size_t len, int utf8_at_line)
{
	FILE *f = csv_text_stream(text, len);
	return f ? open_stream(c, f, name, utf8_at_line) : error_set(CAMPAIGN_ENOMEM, "out of memory");
}

/* Where the record at p ends: after the line end that closes it outside
 * quotes ("\n", "\r\n" or a lone "\r", as old Mac files end lines), or at
 * the end of the data. Mirrors csv_next_field's states, so the parser never
 * reads past it; *more says the data ended before the record. */
enum { S_START, S_PLAIN, S_QUOTED, S_QUOTE };
static size_t record_length(const csv_reader *c, size_t from, int *state, int *more)
{
	const char *s = c->p;
	size_t n = (size_t)(c->end - c->p), i;
	for (i = from; i < n; i++) {
		char ch = s[i];
		if (ch == '\r' && *state != S_QUOTED) {
			if (i + 1 == n && !c->eof) { /* a "\n" may follow in the next read: look again then */
				*more = 1;
				return i;
			}
			if (i + 1 == n || s[i + 1] != '\n') {
				*more = 0;
				return i + 1;
			}
			continue; /* the "\n" that follows ends the record */
		}
		switch (*state) {
		case S_START:
			*state = ch == '"' ? S_QUOTED : ch == ',' ? S_START : ch == '\n' ? -1 : S_PLAIN;
			break;
		case S_PLAIN:
			*state = ch == ',' ? S_START : ch == '\n' ? -1 : S_PLAIN;
			break;
		case S_QUOTED:
			*state = ch == '"' ? S_QUOTE : S_QUOTED;
			break;
		default: /* S_QUOTE: a closing quote, or the first of a doubled one */
			*state = ch == '"' ? S_QUOTED : ch == ',' ? S_START : ch == '\n' ? -1 : S_PLAIN;
			break;
		}
		if (*state < 0) {
			*more = 0;
			return i + 1;
		}
	}
	*more = !c->eof;
	return n;
}

static int bad_utf8(const csv_reader *c, const char *bad)
{
	if (c->utf8_at_line)
		return error_set_at(CAMPAIGN_EINVALID, c->file, c->line, 1,
		                    "invalid UTF-8 (byte 0x%02x): save the sheet as CSV UTF-8", (unsigned char)*bad);
	return error_set(CAMPAIGN_EINVALID, "%s: invalid UTF-8 at byte %lld (save the sheet as CSV UTF-8)", c->file,
	                 c->base + (long long)(bad - c->buf));
}

/* Fields are NUL-terminated in place: a NUL byte would silently cut its
 * field short, so it is refused where it stands (line and column counted as
 * the parser counts them). */
static int nul_byte(const csv_reader *c, size_t len)
{
	int line = c->line, col = c->col;
	for (const char *s = c->p; s < c->p + len && *s; s++)
		if (*s == '\n' || (*s == '\r' && s[1] != '\n'))
			line++, col = 1;
		else if (((unsigned char)*s & 0xc0) != 0x80 && *s != '\r')
			col++;
	return error_set_at(CAMPAIGN_EINVALID, c->file, line, col, "a NUL byte (0x00) in a field: CSV text cannot hold one");
}

int csv_record(csv_reader *c, int *got)
{
	size_t len = 0, bad;
	int state = S_START, more = 1, rc;
	*got = 0;
	while ((len = record_length(c, len, &state, &more)), more)
		if ((rc = fill(c)))
			return rc;
	if (len == 0)
		return CAMPAIGN_OK;
	if ((bad = utf8_invalid_offset(c->p, len)) < len)
		return bad_utf8(c, c->p + bad);
	if (memchr(c->p, '\0', len))
		return nul_byte(c, len);
	*got = 1;
	return CAMPAIGN_OK;
}

int csv_blank(csv_reader *c)
{
	if (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
		c->p += *c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n' ? 2 : 1;
		c->line++;
		return 1;
	}
	return 0;
}

/* Advances over one character, counting columns in characters. */
static void advance(csv_reader *c)
{
	if (*c->p == '\n') {
		c->line++;
		c->col = 0;
	}
	if (((unsigned char)*c->p & 0xc0) != 0x80)
		c->col++;
	c->p++;
}

static int quoted(csv_reader *c, char **w)
{
	c->p++;
	c->col++;
	for (;;) {
		if (c->p >= c->end)
			return -1;
		if (*c->p == '"') {
			if (c->p + 1 < c->end && c->p[1] == '"') {
				*(*w)++ = '"';
				c->p += 2;
				c->col += 2;
				continue;
			}
			c->p++;
			c->col++;
			break;
		}
		*(*w)++ = *c->p;
		advance(c);
	}
	return c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r' ? -1 : 0;
}

int csv_next_field(csv_reader *c, char **out, int *line, int *col)
{
	char *w = c->p;
	int sep;
	*out = c->p;
	*line = c->line;
	*col = c->col;
	if (c->p < c->end && *c->p == '"') {
		if (quoted(c, &w) < 0)
			return -1;
	} else {
		while (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r') {
			*w++ = *c->p;
			advance(c);
		}
	}
	if (c->p < c->end && *c->p == '\r' && ++c->p < c->end && *c->p != '\n')
		--c->p, *c->p = '\n'; /* a lone CR ends the line: the byte after it is the next field's */
	if (c->p >= c->end) {
		*w = '\0';
		return 0;
	}
	sep = *c->p++;
	*w = '\0';
	if (sep == '\n') {
		c->line++;
		c->col = 1;
	} else {
		c->col++;
	}
	return sep;
}

/* ---- the CSV row source: a header naming the columns, then one row per record ---- */

typedef struct csv_source {
	csv_reader c;
	row_header h;
} csv_source;

static int header(row_source *src, rows *r)
{
	csv_source *s = src->state;
	csv_reader *c = &s->c;
	const row_schema *t = r->s;
	int sep, rc, got;
	s->h.ncol = 0;
	if ((rc = csv_record(c, &got)))
		return rc;
	if (!got && t->empty && c->base + (c->end - c->buf) == 0)
		return error_set_at(CAMPAIGN_EINVALID, c->file, 1, 1, "%s", t->empty);
	do {
		char *f;
		int line, col;
		if ((sep = csv_next_field(c, &f, &line, &col)) < 0)
			return error_set_at(CAMPAIGN_EINVALID, c->file, line, col, "malformed quoted field");
		if ((rc = row_header_field(&s->h, t, f, c->file, NULL, line, col)))
			return rc;
	} while (sep == ',');
	return row_header_check(&s->h, t, c->file, NULL, 1);
}

static int row(csv_source *s, rows *r)
{
	csv_reader *c = &s->c;
	int n = 0, sep;
	r->line0 = c->line;
	do {
		char *f;
		int line, col;
		if ((sep = csv_next_field(c, &f, &line, &col)) < 0)
			return error_set_at(CAMPAIGN_EINVALID, c->file, line, col, "malformed quoted field");
		if (n >= s->h.ncol)
			return error_set_at(CAMPAIGN_EINVALID, c->file, line, col, "row has more fields than the header");
		if (s->h.map[n] != ROW_SKIP)
			r->v[s->h.map[n]] = (row_value){.s = f, .line = line, .col = col};
		n++;
	} while (sep == ',');
	if (n != s->h.ncol)
		return error_set_at(CAMPAIGN_EINVALID, c->file, r->line0, 1, "row %ld has %d fields, the header %d", r->n, n,
		                    s->h.ncol);
	return CAMPAIGN_OK;
}

static int next(row_source *src, rows *r, int *got)
{
	csv_source *s = src->state;
	int rc;
	while (!(rc = csv_record(&s->c, got)) && *got) {
		if (csv_blank(&s->c))
			continue;
		r->n++;
		return row(s, r);
	}
	return rc;
}

static long long offset(row_source *src)
{
	const csv_reader *c = &((csv_source *)src->state)->c;
	return c->base + (long long)(c->p - c->buf);
}

static void source_close(row_source *src)
{
	if (src->state)
		csv_close(&((csv_source *)src->state)->c);
	free(src->state);
	src->state = NULL;
}

int csv_source_stream(row_source *src, FILE *f, const char *name, long long size, int utf8_at_line)
{
	csv_source *s = calloc(1, sizeof *s);
	int rc;
	*src = (row_source){header, next, offset, source_close, size, s};
	if (!s) {
		if (f)
			fclose(f);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	if ((rc = open_stream(&s->c, f, name, utf8_at_line))) /* which closes f on failure */
		source_close(src);
	return rc;
}

long long csv_stream_size(FILE *f)
{
	long long size;
	return !fseek(f, 0, SEEK_END) && (size = ftell(f)) >= 0 && !fseek(f, 0, SEEK_SET) ? size : 0;
}

static int source_open(row_source *src, const char *path, const char *text, size_t len, int utf8_at_line)
{
	FILE *f = text ? csv_text_stream(text, len) : fopen(path, "rb");
	long long size = (long long)len;
	if (text && !f)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (!text && f)
		size = csv_stream_size(f);
	return csv_source_stream(src, f, path, size, utf8_at_line);
}

int csv_source_file(row_source *src, const char *path, int utf8_at_line)
{
	return source_open(src, path, NULL, 0, utf8_at_line);
}

int csv_source_string(row_source *src, const char *name, const char *text, size_t len, int utf8_at_line)
{
	return source_open(src, name, text, len, utf8_at_line);
}
