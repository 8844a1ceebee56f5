/* Bulk progress import, for bureaus that collect reports in spreadsheets:
 * CSV (RFC 4180, UTF-8, optional BOM) or YAML (a list of mappings). Rows are
 * checked and inserted in one transaction; the first bad row rolls back
 * everything and is named by line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "internal.h"

enum { F_OUTCOME, F_UNIT, F_STATUS, F_PERCENT, F_DATE, F_NOTE, F_EVIDENCE, F_COUNT };
static const char *const FIELDS[F_COUNT] = {"outcome", "unit", "status", "percent", "date", "note", "evidence"};

/* One report's fields (pointers into the input) and where each starts. */
typedef struct row {
	const char *v[F_COUNT];
	int line[F_COUNT], col[F_COUNT];
	int line0;
} row;

typedef struct importer {
	campaign_db *db;
	sqlite3_int64 crid;
	const char *campaign, *file, *actor;
	long rows;
} importer;

/* Parses a percent field: digits only. */
static int parse_percent(const char *s, int *out)
{
	long v = 0;
	if (!s || !*s)
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > 1000)
			return 0;
		v = v * 10 + (*p - '0');
	}
	*out = (int)v;
	return 1;
}

/* Inserts one row; a failure is re-reported at the row's position. */
static int import_row(importer *im, row *r)
{
	int percent, rc, f;
	for (f = F_OUTCOME; f <= F_DATE; f++)
		if (!r->v[f] || !*r->v[f])
			return error_set_at(CAMPAIGN_EINVALID, im->file, r->line0, 1, "row %ld: %s is required", im->rows,
			                    FIELDS[f]);
	if (!parse_percent(r->v[F_PERCENT], &percent))
		return error_set_at(CAMPAIGN_EINVALID, im->file, r->line[F_PERCENT], r->col[F_PERCENT],
		                    "row %ld: percent \"%s\" is not a whole number 0..100", im->rows, r->v[F_PERCENT]);
	rc = progress_insert(im->db, im->crid, im->campaign, r->v[F_OUTCOME], r->v[F_UNIT], r->v[F_STATUS], percent,
	                     r->v[F_DATE], r->v[F_NOTE] && *r->v[F_NOTE] ? r->v[F_NOTE] : NULL,
	                     r->v[F_EVIDENCE] && *r->v[F_EVIDENCE] ? r->v[F_EVIDENCE] : NULL, im->actor, 0);
	if (rc == CAMPAIGN_OK)
		rc = db_bulk_tick(im->db);
	if (rc == CAMPAIGN_EINVALID || rc == CAMPAIGN_ENOTFOUND || rc == CAMPAIGN_EPERM) {
		/* point at the field the message is about */
		const char *msg = campaign_error_message();
		char copy[1024];
		f = strstr(msg, "status") ? F_STATUS
		    : strstr(msg, "percent") ? F_PERCENT
		    : strstr(msg, "date") ? F_DATE
		    : strstr(msg, "no unit") || !strncmp(msg, "unit ", 5) || rc == CAMPAIGN_EPERM ? F_UNIT
		    : F_OUTCOME;
		snprintf(copy, sizeof copy, "%s", msg);
		return error_set_at(rc == CAMPAIGN_EPERM ? rc : CAMPAIGN_EINVALID, im->file, r->line[f], r->col[f], "row %ld: %s",
		                    im->rows, copy);
	}
	return rc;
}

/* ---- CSV ---- */

typedef struct csv {
	char *p, *end;
	int line, col;
} csv;

/* Reads one field in place (unquoting), NUL-terminates it, and says what
 * ended it: ',' for more fields, '\n' for the end of the record, 0 for EOF.
 * Returns -1 on a malformed quote. */
static int csv_field(csv *c, char **out, int *line, int *col)
{
	char *w = c->p;
	*out = c->p;
	*line = c->line;
	*col = c->col;
	if (c->p < c->end && *c->p == '"') {
		c->p++;
		c->col++;
		for (;;) {
			if (c->p >= c->end)
				return -1;
			if (*c->p == '"') {
				if (c->p + 1 < c->end && c->p[1] == '"') {
					*w++ = '"';
					c->p += 2;
					c->col += 2;
					continue;
				}
				c->p++;
				c->col++;
				break;
			}
			if (*c->p == '\n') {
				c->line++;
				c->col = 0;
			}
			if (((unsigned char)*c->p & 0xc0) != 0x80)
				c->col++;
			*w++ = *c->p++;
		}
		if (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r')
			return -1;
	} else {
		while (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r') {
			if (((unsigned char)*c->p & 0xc0) != 0x80)
				c->col++;
			*w++ = *c->p++;
		}
	}
	if (c->p < c->end && *c->p == '\r')
		c->p++;
	if (c->p >= c->end) {
		*w = '\0';
		return 0;
	}
	{
		int sep = *c->p++;
		*w = '\0';
		if (sep == '\n') {
			c->line++;
			c->col = 1;
		} else {
			c->col++;
		}
		return sep;
	}
}

/* Reads one CSV record (a line, or several while a quoted field is open)
 * into @rec; returns the number of lines read, 0 at the end of the file. */
static int read_record(FILE *f, struct campaign_buf *rec, char **line, size_t *cap)
{
	int lines = 0, quotes = 0;
	ssize_t n;
	rec->size = 0;
	while ((n = getline(line, cap, f)) > 0) {
		lines++;
		for (ssize_t i = 0; i < n; i++)
			quotes ^= (*line)[i] == '"';
		if (buf_append(rec, *line, (size_t)n))
			return -1;
		if (!quotes) /* an even count of quotes: the record is complete */
			break;
	}
	return lines;
}

/* Streams the file record by record: memory stays one record, whatever the
 * file's size. */
static int import_csv(importer *im, FILE *f)
{
	struct campaign_buf rec = {0};
	char *line = NULL;
	size_t cap = 0;
	int map[16], ncol = 0, sep, rc = CAMPAIGN_OK, at = 1, n;
	csv c;
	/* the header names the columns, in any order */
	n = read_record(f, &rec, &line, &cap);
	if (n < 0 || (n == 0 && (rc = error_set_at(CAMPAIGN_EINVALID, im->file, 1, 1, "the file is empty; "
	                                           "expected a header outcome,unit,status,percent,date"))))
		goto done;
	c = (csv){rec.data, rec.data + rec.size, 1, 1};
	if (rec.size >= 3 && !memcmp(rec.data, "\xef\xbb\xbf", 3))
		c.p += 3; /* spreadsheets write a BOM */
	at += n;
	do {
		char *fld;
		int fl, fc, k;
		sep = csv_field(&c, &fld, &fl, &fc);
		if (sep < 0) {
			rc = error_set_at(CAMPAIGN_EINVALID, im->file, fl, fc, "malformed quoted field");
			goto done;
		}
		for (k = 0; k < F_COUNT && strcmp(FIELDS[k], fld); k++)
			;
		if (k == F_COUNT) {
			rc = error_set_at(CAMPAIGN_EINVALID, im->file, fl, fc,
			                  "unknown column \"%s\" (expected outcome, unit, status, percent, date, note, evidence)", fld);
			goto done;
		}
		for (int j = 0; j < ncol; j++)
			if (map[j] == k) {
				rc = error_set_at(CAMPAIGN_EINVALID, im->file, fl, fc, "column \"%s\" given twice", fld);
				goto done;
			}
		if (ncol == 16) {
			rc = error_set_at(CAMPAIGN_EINVALID, im->file, fl, fc, "too many columns");
			goto done;
		}
		map[ncol++] = k;
	} while (sep == ',');
	for (int k = F_OUTCOME; k <= F_DATE; k++) {
		int j;
		for (j = 0; j < ncol && map[j] != k; j++)
			;
		if (j == ncol) {
			rc = error_set_at(CAMPAIGN_EINVALID, im->file, 1, 1, "the header lacks the column \"%s\"", FIELDS[k]);
			goto done;
		}
	}
	while ((n = read_record(f, &rec, &line, &cap)) > 0) {
		row r;
		int nf = 0, start = at;
		size_t bad;
		at += n;
		if (rec.data[0] == '\n' || (rec.data[0] == '\r' && rec.size > 1 && rec.data[1] == '\n'))
			continue; /* a blank line */
		if ((bad = utf8_invalid_offset(rec.data, rec.size)) < rec.size) {
			rc = error_set_at(CAMPAIGN_EINVALID, im->file, start, 1,
			                  "invalid UTF-8 (byte 0x%02x): save the sheet as CSV UTF-8", (unsigned char)rec.data[bad]);
			goto done;
		}
		memset(&r, 0, sizeof r);
		r.line0 = start;
		c = (csv){rec.data, rec.data + rec.size, start, 1};
		do {
			char *fld;
			int fl, fc;
			sep = csv_field(&c, &fld, &fl, &fc);
			if (sep < 0) {
				rc = error_set_at(CAMPAIGN_EINVALID, im->file, fl, fc, "malformed quoted field");
				goto done;
			}
			if (nf >= ncol) {
				rc = error_set_at(CAMPAIGN_EINVALID, im->file, fl, fc, "row has more fields than the header");
				goto done;
			}
			r.v[map[nf]] = fld;
			r.line[map[nf]] = fl;
			r.col[map[nf]] = fc;
			nf++;
		} while (sep == ',');
		im->rows++;
		if (nf != ncol) {
			rc = error_set_at(CAMPAIGN_EINVALID, im->file, r.line0, 1, "row %ld has %d fields, the header %d", im->rows,
			                  nf, ncol);
			goto done;
		}
		if ((rc = import_row(im, &r)))
			goto done;
	}
	if (n < 0)
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
done:
	free(line);
	buf_reset(&rec);
	return rc;
}

/* ---- YAML ---- */

static int import_yaml(importer *im, const char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	int rc = CAMPAIGN_OK;
	if (!yaml_parser_initialize(&parser))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = error_set_at(CAMPAIGN_EINVALID, im->file, (int)parser.problem_mark.line + 1,
		                  (int)parser.problem_mark.column + 1, "not valid YAML: %s",
		                  parser.problem ? parser.problem : "syntax error");
		yaml_parser_delete(&parser);
		return rc;
	}
	yaml_parser_delete(&parser);
	root = yaml_document_get_root_node(&doc);
	if (!root || root->type != YAML_SEQUENCE_NODE) {
		rc = error_set_at(CAMPAIGN_EINVALID, im->file, root ? (int)root->start_mark.line + 1 : 1,
		                  root ? (int)root->start_mark.column + 1 : 1, "expected a list of reports");
		goto done;
	}
	for (yaml_node_item_t *it = root->data.sequence.items.start; it < root->data.sequence.items.top; it++) {
		yaml_node_t *map = yaml_document_get_node(&doc, *it);
		row r;
		memset(&r, 0, sizeof r);
		im->rows++;
		r.line0 = (int)map->start_mark.line + 1;
		if (map->type != YAML_MAPPING_NODE) {
			rc = error_set_at(CAMPAIGN_EINVALID, im->file, r.line0, (int)map->start_mark.column + 1,
			                  "report %ld must be a mapping", im->rows);
			goto done;
		}
		for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(&doc, p->key), *v = yaml_document_get_node(&doc, p->value);
			int f;
			for (f = 0; f < F_COUNT && (k->type != YAML_SCALAR_NODE || strcmp(FIELDS[f], (char *)k->data.scalar.value)); f++)
				;
			if (f == F_COUNT || v->type != YAML_SCALAR_NODE || r.v[f]) {
				rc = error_set_at(CAMPAIGN_EINVALID, im->file, (int)k->start_mark.line + 1,
				                  (int)k->start_mark.column + 1,
				                  f == F_COUNT ? "report %ld: unknown key" : r.v[f] ? "report %ld: key given twice"
				                                                                   : "report %ld: a value must be text",
				                  im->rows);
				goto done;
			}
			r.v[f] = (const char *)v->data.scalar.value;
			r.line[f] = (int)v->start_mark.line + 1;
			r.col[f] = (int)v->start_mark.column + 1;
		}
		if ((rc = import_row(im, &r)))
			goto done;
	}
done:
	yaml_document_delete(&doc);
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

/* A YAML list is read whole (libyaml's document API); CSV is the format for
 * large volumes, and is streamed. */
static int load_file(const char *path, struct campaign_buf *b)
{
	char chunk[65536];
	size_t n, bad;
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_set(CAMPAIGN_EIO, "%s: cannot open the file", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_append(b, chunk, n)) {
			fclose(f);
			return CAMPAIGN_ENOMEM;
		}
	fclose(f);
	if (!b->data && buf_append(b, "", 0))
		return CAMPAIGN_ENOMEM;
	if ((bad = utf8_invalid_offset(b->data, b->size)) < b->size)
		return error_set(CAMPAIGN_EINVALID, "%s: invalid UTF-8 at byte %zu", path, bad);
	return CAMPAIGN_OK;
}

int campaign_progress_import(campaign_db *db, const char *campaign, const char *path, const char *actor)
{
	importer im = {db, 0, campaign, path, actor, 0};
	struct campaign_buf b = {0};
	char detail[64];
	FILE *f = NULL;
	int rc, is_csv;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_progress_import: path is NULL");
	is_csv = ends_with(path, ".csv");
	if (!is_csv && !ends_with(path, ".yaml") && !ends_with(path, ".yml"))
		return error_set(CAMPAIGN_EINVALID, "%s: a progress file must end in .csv, .yaml or .yml", path);
	if (is_csv ? !(f = fopen(path, "rb")) : 0)
		return error_set(CAMPAIGN_EIO, "%s: cannot open the file", path);
	if (!is_csv && (rc = load_file(path, &b))) {
		buf_reset(&b);
		return rc;
	}
	if ((rc = db_begin(db)) == CAMPAIGN_OK) {
		/* the reports are logged as batches of digests (audit_bulk.c) */
		if ((rc = db_bulk_begin(db)) == CAMPAIGN_OK && (rc = db_campaign_rid(db, campaign, &im.crid)) == CAMPAIGN_OK)
			rc = is_csv ? import_csv(&im, f) : import_yaml(&im, b.data, b.size);
		snprintf(detail, sizeof detail, "%ld reports", im.rows);
		/* one call entry for the whole import; the rows are logged by the triggers */
		if (rc == CAMPAIGN_OK && !(rc = db_log(db, actor, "progress.import", campaign, path, detail)))
			rc = db_commit(db);
		if (rc)
			db_rollback(db);
		if (rc == CAMPAIGN_EPERM)
			rc = access_denied(db, actor, "progress.import", campaign, path);
	}
	if (f)
		fclose(f);
	buf_reset(&b);
	if (rc == CAMPAIGN_OK)
		error_ok();
	return rc;
}
