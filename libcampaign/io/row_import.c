/* Bulk import of rows from CSV (RFC 4180, UTF-8, optional BOM) or YAML (a
 * list of mappings), in one transaction: the first bad row rolls back
 * everything and is named by line and column. What a row is (its columns,
 * which are required, how it is inserted) comes from a row_spec; findings
 * and the rectification ledger are read through here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "io/io.h"

typedef csv_row row;

static int import_row(void *ctx, row *r)
{
	row_import *im = ctx;
	const row_spec *s = im->spec;
	const char *v[ROW_MAX_FIELDS];
	char copy[1024];
	int rc, k;
	if ((rc = db_bulk_tick(im->c.db)))
		return rc;
	for (int f = 0; f < s->nfields; f++)
		v[f] = r->v[f] && *r->v[f] ? r->v[f] : NULL;
	for (int i = 0; i < s->nrequired; i++)
		if (!v[s->required[i]])
			return error_set_at(CAMPAIGN_EINVALID, im->file, r->line0, 1, "row %ld: %s is required", im->rows,
			                    s->fields[s->required[i]]);
	rc = s->insert(im, v);
	if (rc != CAMPAIGN_EINVALID && rc != CAMPAIGN_ENOTFOUND && rc != CAMPAIGN_EPERM && rc != CAMPAIGN_ECONFLICT)
		return rc;
	/* point at the field the message is about */
	snprintf(copy, sizeof copy, "%s", campaign_error_message());
	k = s->field_of(copy, rc);
	return error_set_at(rc == CAMPAIGN_EPERM ? rc : CAMPAIGN_EINVALID, im->file, r->line[k] ? r->line[k] : r->line0,
	                    r->col[k] ? r->col[k] : 1, "row %ld: %s", im->rows, copy);
}

/* ---- YAML ---- */

static int yaml_row(row_import *im, yaml_document_t *doc, yaml_node_t *map, row *r)
{
	const row_spec *s = im->spec;
	memset(r, 0, sizeof *r);
	r->line0 = (int)map->start_mark.line + 1;
	if (map->type != YAML_MAPPING_NODE)
		return error_set_at(CAMPAIGN_EINVALID, im->file, r->line0, (int)map->start_mark.column + 1,
		                    "%s %ld must be a mapping", s->noun, im->rows);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
		int f;
		for (f = 0; f < s->nfields && (k->type != YAML_SCALAR_NODE || strcmp(s->fields[f], (char *)k->data.scalar.value));
		     f++)
			;
		if (f == s->nfields || v->type != YAML_SCALAR_NODE || r->v[f])
			return error_set_at(CAMPAIGN_EINVALID, im->file, (int)k->start_mark.line + 1, (int)k->start_mark.column + 1,
			                    "%s %ld: %s", s->noun, im->rows,
			                    f == s->nfields ? "unknown key" : r->v[f] ? "key given twice" : "a value must be text");
		r->v[f] = (const char *)v->data.scalar.value;
		r->line[f] = (int)v->start_mark.line + 1;
		r->col[f] = (int)v->start_mark.column + 1;
	}
	return CAMPAIGN_OK;
}

static int import_yaml(row_import *im, const char *data, size_t len)
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
		                  root ? (int)root->start_mark.column + 1 : 1, "expected a list of %s", im->spec->plural);
	} else {
		for (yaml_node_item_t *it = root->data.sequence.items.start; !rc && it < root->data.sequence.items.top; it++) {
			row r;
			im->rows++;
			if (!(rc = yaml_row(im, &doc, yaml_document_get_node(&doc, *it), &r)))
				rc = import_row(im, &r);
		}
	}
	yaml_document_delete(&doc);
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

int row_import_file(campaign_db *db, const char *campaign, const char *path, const char *actor, const row_spec *spec)
{
	row_import im = {{db, 0, {{0}}}, 0, campaign, path, actor, 0, spec};
	const csv_table table = {spec->fields, spec->nfields, spec->required, spec->nrequired, NULL};
	struct campaign_buf b = {0};
	csv_reader csv = {0};
	char detail[64];
	int rc, is_csv;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "%s: path is NULL", spec->api);
	is_csv = ends_with(path, ".csv");
	if (!is_csv && !ends_with(path, ".yaml") && !ends_with(path, ".yml"))
		return error_set(CAMPAIGN_EINVALID, "%s: %s must end in .csv, .yaml or .yml", path, spec->file_noun);
	/* CSV is streamed; a YAML list is read whole */
	if ((rc = is_csv ? csv_open(&csv, path, 0) : file_read_utf8(path, &b)) || (rc = db_begin(db))) {
		csv_close(&csv);
		buf_reset(&b);
		return rc;
	}
	if (!(rc = db_bulk_begin(db)) && !(rc = db_campaign_rid(db, campaign, &im.crid)))
		rc = is_csv ? csv_import(&csv, &table, &im.rows, import_row, &im) : import_yaml(&im, b.data, b.size);
	stmts_free(&im.c);
	csv_close(&csv);
	if (!rc) {
		snprintf(detail, sizeof detail, "%ld %s", im.rows, spec->plural);
		rc = db_log(db, actor, spec->operation, campaign, path, detail);
	}
	buf_reset(&b);
	return write_end(db, rc, actor, spec->operation, campaign, path);
}
