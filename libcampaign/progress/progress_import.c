/* Bulk progress import, for bureaus that collect reports in spreadsheets:
 * CSV (RFC 4180, UTF-8, optional BOM) or YAML (a list of mappings). Rows are
 * checked and inserted in one transaction; the first bad row rolls back
 * everything and is named by line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "progress/progress.h"

enum { F_OUTCOME, F_UNIT, F_STATUS, F_PERCENT, F_DATE, F_NOTE, F_EVIDENCE, F_COUNT };
static const char *const FIELDS[F_COUNT] = {"outcome", "unit", "status", "percent", "date", "note", "evidence"};

static const int REQUIRED[] = {F_OUTCOME, F_UNIT, F_STATUS, F_PERCENT, F_DATE};

/* One report's fields (pointers into the input) and where each starts. */
typedef csv_row row;

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
static int import_row(void *ctx, row *r)
{
	importer *im = ctx;
	int percent, rc, f;
	if ((rc = db_bulk_tick(im->db)))
		return rc;
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
	static const csv_table table = {FIELDS, F_COUNT, REQUIRED, sizeof REQUIRED / sizeof REQUIRED[0],
	                                "the file is empty; expected a header outcome,unit,status,percent,date"};
	struct campaign_buf b = {0};
	csv_reader csv = {0};
	char detail[64];
	int rc, is_csv;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_progress_import: path is NULL");
	is_csv = ends_with(path, ".csv");
	if (!is_csv && !ends_with(path, ".yaml") && !ends_with(path, ".yml"))
		return error_set(CAMPAIGN_EINVALID, "%s: a progress file must end in .csv, .yaml or .yml", path);
	if (is_csv && (rc = csv_open(&csv, path, 1)))
		return rc;
	if (!is_csv && (rc = load_file(path, &b))) {
		buf_reset(&b);
		return rc;
	}
	if ((rc = db_begin(db)) == CAMPAIGN_OK) {
		/* the reports are logged as batches of digests (audit_bulk.c) */
		if (!(rc = db_bulk_begin(db)) && (rc = db_campaign_rid(db, campaign, &im.crid)) == CAMPAIGN_OK)
			rc = is_csv ? csv_import(&csv, &table, &im.rows, import_row, &im) : import_yaml(&im, b.data, b.size);
		snprintf(detail, sizeof detail, "%ld reports", im.rows);
		/* one call entry for the whole import, after the batches of its rows */
		if (rc == CAMPAIGN_OK && !(rc = db_log(db, actor, "progress.import", campaign, path, detail)))
			rc = db_commit(db);
		if (rc)
			db_rollback(db);
		if (rc == CAMPAIGN_EPERM)
			rc = access_denied(db, actor, "progress.import", campaign, path);
	}
	csv_close(&csv);
	buf_reset(&b);
	if (rc == CAMPAIGN_OK)
		error_ok();
	return rc;
}
