/* The encodings a CSV comes in (see io.h): Excel and WPS on Chinese Windows
 * save "CSV" in GBK (code page 936), of which GB18030 is the superset. Such
 * a file is converted to UTF-8 by iconv while it streams, through a stdio
 * stream of our own (fopencookie), so the one CSV reader reads it as any
 * other: memory stays a buffer, whatever the size of the file. */
#define _GNU_SOURCE
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/io.h"

#define ENC_CHUNK 8192

int encoding_parse(const char *api, const char *name, int *out)
{
	static const char *const names[] = {"utf-8", "gb18030", "auto"};
	*out = ENC_UTF8;
	if (!name || !*name)
		return CAMPAIGN_OK;
	for (int k = 0; k < 3; k++)
		if (!strcasecmp(name, names[k]) || (k == ENC_UTF8 && !strcasecmp(name, "utf8"))) {
			*out = k;
			return CAMPAIGN_OK;
		}
	if (!strcasecmp(name, "gbk")) {
		*out = ENC_GB18030;
		return CAMPAIGN_OK;
	}
	return error_set(CAMPAIGN_EINVALID, "%s: encoding \"%s\" is not one of utf-8, gb18030, gbk, auto", api, name);
}

/* ---- a GB18030 stream read as UTF-8 ---- */

typedef struct enc_stream {
	FILE *raw;
	iconv_t cd;
	char in[ENC_CHUNK];
	size_t inlen;
	int eof;
	long long done; /* raw bytes converted */
	int bad;        /* a byte that is not GB18030 at offset done */
	unsigned char bad_byte;
} enc_stream;

/* Refills the raw bytes; -1 on a read error. */
static int refill(enc_stream *e)
{
	size_t k;
	if (e->eof || e->inlen == sizeof e->in)
		return 0;
	k = fread(e->in + e->inlen, 1, sizeof e->in - e->inlen, e->raw);
	e->inlen += k;
	if (k == 0 && ferror(e->raw))
		return -1;
	e->eof = k == 0;
	return 0;
}

static ssize_t enc_read(void *cookie, char *out, size_t n)
{
	enc_stream *e = cookie;
	char *o = out;
	size_t left = n;
	for (;;) {
		char *ip = e->in;
		size_t il, r;
		int err;
		if (refill(e))
			return -1;
		il = e->inlen;
		r = iconv(e->cd, &ip, &il, &o, &left);
		err = r == (size_t)-1 ? errno : 0;
		e->done += (long long)(e->inlen - il);
		memmove(e->in, ip, il);
		e->inlen = il;
		/* a bad byte, or a character cut by the end of the input */
		if (err == EILSEQ || (err == EINVAL && e->eof)) {
			e->bad = 1;
			e->bad_byte = (unsigned char)e->in[0];
			if (o > out)
				return o - out;
			errno = EILSEQ;
			return -1;
		}
		if (o > out || (e->eof && !e->inlen))
			return o - out;
	}
}

static int enc_close(void *cookie)
{
	enc_stream *e = cookie;
	/* e itself outlives the stream (enc_source_close frees it): a failed
	 * first read still says which byte was bad */
	fclose(e->raw);
	iconv_close(e->cd);
	return 0;
}

/* @raw (taken over) read as UTF-8; NULL when out of memory. */
static FILE *gb18030_stream(FILE *raw, enc_stream **out)
{
	enc_stream *e = calloc(1, sizeof *e);
	cookie_io_functions_t io = {.read = enc_read, .close = enc_close};
	FILE *f;
	if (e && (e->cd = iconv_open("UTF-8", "GB18030")) != (iconv_t)-1) {
		e->raw = raw;
		if ((f = fopencookie(e, "r", io))) {
			*out = e;
			return f;
		}
		iconv_close(e->cd);
	}
	free(e);
	fclose(raw);
	return NULL;
}

/* 1 when the whole of @f is UTF-8 (read through, then rewound). */
static int all_utf8(FILE *f)
{
	char b[ENC_CHUNK];
	size_t keep = 0, n, bad;
	int ok = 1;
	while (ok && (n = keep + fread(b + keep, 1, sizeof b - keep, f)) > keep) {
		bad = utf8_invalid_offset(b, n);
		/* a character cut by the chunk's end is read again with the next */
		keep = bad < n && n - bad < 4 ? n - bad : 0;
		ok = bad == n || keep;
		memmove(b, b + n - keep, keep);
	}
	rewind(f);
	return ok && !keep;
}

/* ---- the row source: a CSV source over the converted stream ---- */

typedef struct enc_source {
	row_source inner;
	enc_stream *e;
	const char *file;
} enc_source;

/* A read error of the converted stream is the byte that is not GB18030. */
static int placed(enc_source *s, int rc)
{
	if (rc && s->e->bad)
		return error_set(CAMPAIGN_EINVALID, "%s: invalid GB18030 (byte 0x%02x at offset %lld)", s->file,
		                 s->e->bad_byte, s->e->done);
	return rc;
}

static int enc_begin(row_source *src, rows *r)
{
	enc_source *s = src->state;
	return placed(s, s->inner.begin(&s->inner, r));
}

static int enc_next(row_source *src, rows *r, int *got)
{
	enc_source *s = src->state;
	return placed(s, s->inner.next(&s->inner, r, got));
}

static long long enc_offset(row_source *src)
{
	return ((enc_source *)src->state)->e->done;
}

static void enc_source_close(row_source *src)
{
	enc_source *s = src->state;
	if (s && s->inner.close)
		s->inner.close(&s->inner); /* closes the stream */
	if (s)
		free(s->e);
	free(s);
	src->state = NULL;
}

static int gb18030_source(row_source *src, FILE *raw, const char *name, long long size, int utf8_at_line)
{
	enc_source *s = calloc(1, sizeof *s);
	FILE *f;
	int rc;
	*src = (row_source){enc_begin, enc_next, enc_offset, enc_source_close, size, s};
	if (!s || !(f = gb18030_stream(raw, &s->e))) {
		if (!s)
			fclose(raw);
		free(s);
		src->state = NULL;
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	s->file = name;
	/* the first read is made here: a bad first byte is placed too, never "cannot read" */
	if ((rc = placed(s, csv_source_stream(&s->inner, f, name, size, utf8_at_line))))
		enc_source_close(src);
	return rc;
}

int csv_source_encoded(row_source *src, const char *path, const char *text, size_t len, int encoding,
                       int utf8_at_line)
{
	FILE *raw;
	long long size = (long long)len;
	if (encoding == ENC_UTF8 || (text && encoding == ENC_AUTO && utf8_invalid_offset(text, len) == len))
		return text ? csv_source_string(src, path, text, len, utf8_at_line) : csv_source_file(src, path, utf8_at_line);
	if (!(raw = text ? csv_text_stream(text, len) : fopen(path, "rb")))
		return text ? error_set(CAMPAIGN_ENOMEM, "out of memory")
		            : error_set(CAMPAIGN_EIO, "%s: cannot open the file", path);
	if (!text)
		size = csv_stream_size(raw);
	if (!text && encoding == ENC_AUTO && all_utf8(raw))
		return csv_source_stream(src, raw, path, size, utf8_at_line);
	return gb18030_source(src, raw, path, size, utf8_at_line);
}
