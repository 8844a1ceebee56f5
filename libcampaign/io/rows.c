/* The one row-import pipeline (see io.h): every bulk importer declares its
 * columns and one row's body; reading, checking, positions, options, the
 * transaction and its audit are here, once. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/io.h"
#include "io/column_titles.h"

#define DEFAULT_ERROR_LIMIT 100
#define PROGRESS_EVERY 256
#define ROWS_DRY 1 /* the body's code for a dry run: roll back, report what was found */

/* The options of version 1 end before sheet (version 2). */
#define OPTIONS_V1_SIZE offsetof(campaign_rows_import_options, sheet)

int campaign_rows_import_options_init(campaign_rows_import_options *opts, unsigned int version)
{
	/* a caller built against version 1 passes the shorter struct: only its fields are written */
	if (opts && version == 1)
		return options_init(opts, OPTIONS_V1_SIZE, 1, 1, "campaign_rows_import_options");
	return options_init(opts, sizeof *opts, version, CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION,
	                    "campaign_rows_import_options");
}

static const campaign_rows_import_options DEFAULTS = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;

/* Options of version 1 are read into @v2 (sheet NULL), so that the rest reads one struct. */
static int check_options(const char *api, const campaign_rows_import_options **opts,
                         campaign_rows_import_options *v2, int *encoding)
{
	int rc;
	if (!*opts)
		*opts = &DEFAULTS;
	if ((*opts)->version == 1) {
		*v2 = DEFAULTS;
		memcpy(v2, *opts, OPTIONS_V1_SIZE);
		v2->version = CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION;
		*opts = v2;
	}
	if ((rc = options_check(*opts, CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION, "campaign_rows_import_options")))
		return rc;
	if ((*opts)->error_limit < 0)
		return error_set(CAMPAIGN_EINVALID, "%s: error_limit %d is negative", api, (*opts)->error_limit);
	return encoding_parse(api, (*opts)->encoding, encoding);
}

/* The column @name names in @s, by its English name or alias; ROW_SKIP for
 * one the schema ignores; -1. */
static int column_named(const row_schema *s, const char *name)
{
	for (int k = 0; k < s->ncols; k++)
		if (!strcmp(s->cols[k].name, name) || (s->cols[k].alias && !strcmp(s->cols[k].alias, name)))
			return k;
	for (int k = 0; s->ignored && s->ignored[k]; k++)
		if (!strcmp(s->ignored[k], name))
			return ROW_SKIP;
	return -1;
}

static int title_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const struct column_title *)entry)->title);
}

/* A header cell is a column's English name, or the Chinese title the tool
 * writes for it (column_titles.h, from po/zh_CN.po): a listing saved under
 * LANG=zh_CN, or a sheet a bureau headed in Chinese, re-imports. A title that
 * names several columns is the one this schema has. */
int row_column_index(const row_schema *s, const char *name)
{
	size_t n = sizeof COLUMN_TITLES / sizeof *COLUMN_TITLES;
	const struct column_title *t;
	int k = column_named(s, name);
	if (k != -1 || (unsigned char)*name < 0x80)
		return k;
	if (!(t = bsearch(name, COLUMN_TITLES, n, sizeof *t, title_cmp)))
		return -1;
	while (t > COLUMN_TITLES && !strcmp(t[-1].title, name))
		t--;
	for (; t < COLUMN_TITLES + n && !strcmp(t->title, name); t++)
		if ((k = column_named(s, t->name)) != -1)
			return k;
	return -1;
}

int row_header_field(row_header *h, const row_schema *t, const char *f, const char *file, const char *sheet,
                     int line, int col)
{
	int k = row_column_index(t, f);
	if (k < 0 && k != ROW_SKIP) {
		char expected[256] = "";
		for (int i = 0; i < t->ncols; i++)
			snprintf(expected + strlen(expected), sizeof expected - strlen(expected), "%s%s", i ? ", " : "",
			         t->cols[i].name);
		return error_set_cell(CAMPAIGN_EINVALID, file, sheet, line, col, "unknown column \"%s\" (expected %s)", f,
		                      expected);
	}
	for (int j = 0; j < h->ncol && k != ROW_SKIP; j++)
		if (h->map[j] == k)
			return error_set_cell(CAMPAIGN_EINVALID, file, sheet, line, col, "column \"%s\" given twice", f);
	if (h->ncol == ROW_MAX_HEADER)
		return error_set_cell(CAMPAIGN_EINVALID, file, sheet, line, col, "too many columns");
	h->map[h->ncol++] = k;
	return CAMPAIGN_OK;
}

int row_header_check(const row_header *h, const row_schema *t, const char *file, const char *sheet, int line)
{
	for (int i = 0; i < t->ncols; i++) {
		int j;
		for (j = 0; j < h->ncol && h->map[j] != i; j++)
			;
		if (t->cols[i].required && j == h->ncol)
			return error_set_cell(CAMPAIGN_EINVALID, file, sheet, line, 1, "the header lacks the column \"%s\"",
			                      t->cols[i].name);
	}
	return CAMPAIGN_OK;
}

const char *row_text(const rows *r, int col)
{
	return r->v[col].s && *r->v[col].s ? r->v[col].s : NULL;
}

/* An error of a row's content, as opposed to one of the store. */
static int row_error(int rc)
{
	return rc == CAMPAIGN_EINVALID || rc == CAMPAIGN_ENOTFOUND || rc == CAMPAIGN_EPERM || rc == CAMPAIGN_ECONFLICT;
}

static int fail_at(rows *r, int line, int col, int rc)
{
	char copy[1024];
	snprintf(copy, sizeof copy, "%s", campaign_error_message());
	r->failed = 1;
	return error_set_cell(rc == CAMPAIGN_EPERM || (rc == CAMPAIGN_ECONFLICT && r->s->keep_conflict) ? rc
	                                                                                                   : CAMPAIGN_EINVALID, r->file, r->sheet, line, col, "row %ld: %s",
	                      r->n, copy);
}

int row_fail(rows *r, int col, int rc)
{
	if (!row_error(rc))
		return rc;
	return r->v[col].line ? fail_at(r, r->v[col].line, r->v[col].col, rc) : fail_at(r, r->line0, 1, rc);
}

int row_fail_by(rows *r, int rc, int (*field)(rows *r, int rc))
{
	char msg[1024];
	int f;
	if (!row_error(rc))
		return rc;
	/* the lookups that find the cell may overwrite the message: keep it */
	snprintf(msg, sizeof msg, "%s", campaign_error_message());
	f = field(r, rc);
	error_set(rc, "%s", msg);
	return row_fail(r, f, rc);
}

/* ---- typed columns ---- */

static int check_int(const row_column *c, row_value *v)
{
	const char *p = v->s;
	long long n = 0;
	int neg = c->lo < 0 && *p == '-';
	for (p += neg; *p; p++) {
		if (*p < '0' || *p > '9' || n > c->hi * 10 + 10)
			break;
		n = n * 10 + (*p - '0');
	}
	if (*p || p == v->s + neg)
		return error_set(CAMPAIGN_EINVALID, "%s \"%s\" is not a whole number %lld..%lld", c->name, v->s, c->lo, c->hi);
	v->i = neg ? -n : n;
	if (v->i < c->lo || v->i > c->hi)
		return error_set(CAMPAIGN_EINVALID, "%s %lld is not in %lld..%lld", c->name, v->i, c->lo, c->hi);
	return CAMPAIGN_OK;
}

static int check_enum(const row_column *c, const row_value *v)
{
	char list[256] = "";
	for (int k = 0; c->values[k]; k++)
		if (!strcmp(c->values[k], v->s))
			return CAMPAIGN_OK;
	for (int k = 0; c->values[k]; k++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", c->values[k]);
	return error_set(CAMPAIGN_EINVALID, "%s \"%s\" is not one of %s", c->name, v->s, list);
}

/* A number of 1..@max digits at *p, moved past it; -1 when none. */
static int digits(const char **p, int max)
{
	int n = 0, k = 0;
	for (; k < max && **p >= '0' && **p <= '9'; k++, (*p)++)
		n = n * 10 + (**p - '0');
	return k ? n : -1;
}

/* A date as spreadsheets save it: 2010-11-15, and 2010/11/15, 2010.11.15,
 * 2010/1/5 or 2010年11月15日 (Excel and WPS re-save ISO dates in the
 * system's short or long date format). A real date is rewritten in place
 * as YYYY-MM-DD into v->day; returns 1 then, 0 when it is not a date. */
static int date_as_saved(row_value *v)
{
	static const char *const seps[][3] = {{"-", "-", ""}, {"/", "/", ""}, {".", ".", ""}, {"年", "月", "日"}};
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
		const char *p = v->s;
		int y = digits(&p, 4), m, d;
		if (p - v->s != 4 || strncmp(p, seps[k][0], strlen(seps[k][0])))
			continue;
		p += strlen(seps[k][0]);
		if ((m = digits(&p, 2)) < 0 || strncmp(p, seps[k][1], strlen(seps[k][1])))
			continue;
		p += strlen(seps[k][1]);
		if ((d = digits(&p, 2)) < 0 || strcmp(p, seps[k][2]))
			continue;
		deadline_format_date(v->day, y, m, d);
		if (!date_valid(v->day))
			return 0;
		v->s = v->day;
		return 1;
	}
	return 0;
}

static int check_value(const rows *r, const row_column *c, row_value *v)
{
	int rc = CAMPAIGN_OK;
	switch (c->type) {
	case ROW_INT: rc = check_int(c, v); break;
	case ROW_DATE:
	case ROW_EVENT:
		if (!date_as_saved(v))
			rc = error_set(CAMPAIGN_EINVALID, "%s \"%s\" is not a date (YYYY-MM-DD)", c->name, v->s);
		else if (c->type == ROW_EVENT)
			rc = date_in_campaign(r->op->db, r->op->crid, c->name, v->s);
		break;
	case ROW_DEADLINE: rc = deadline_day(r->op->db, r->op->crid, c->name, v->s, 0, 0, v->day); break;
	case ROW_ENUM: rc = check_enum(c, v); break;
	default: break;
	}
	return !rc && c->convert ? c->convert(v) : rc;
}

/* Empty cells become absent; required ones present, then every value of its type. */
static int check_row(rows *r)
{
	const row_schema *s = r->s;
	int rc;
	for (int f = 0; f < s->ncols; f++)
		if (r->v[f].s && !*r->v[f].s)
			r->v[f].s = NULL;
	for (int f = 0; f < s->ncols; f++)
		if (s->cols[f].required && !r->v[f].s)
			return error_set_cell(CAMPAIGN_EINVALID, r->file, r->sheet, r->line0, 1, "row %ld: %s is required",
			                      r->n, s->cols[f].name);
	for (int f = 0; f < s->ncols; f++)
		if (r->v[f].s && (rc = check_value(r, &s->cols[f], &r->v[f])))
			return row_fail(r, f, rc);
	return CAMPAIGN_OK;
}

/* ---- the YAML row source: a list of mappings, read whole ---- */

typedef struct yaml_source {
	struct campaign_buf text;
	ydoc d;
	yaml_node_item_t *it, *top;
} yaml_source;

static int yaml_begin(row_source *src, rows *r)
{
	yaml_source *y = src->state;
	yaml_node_t *root;
	int rc;
	if ((rc = ydoc_load(&y->d, r->file, y->text.data, y->text.size)))
		return rc;
	root = ydoc_root(&y->d);
	if (!root || root->type != YAML_SEQUENCE_NODE)
		return ydoc_fail(&y->d, root, "expected a list of %s", r->s->plural);
	y->it = root->data.sequence.items.start;
	y->top = root->data.sequence.items.top;
	return CAMPAIGN_OK;
}

static int yaml_next(row_source *src, rows *r, int *got)
{
	yaml_source *y = src->state;
	const row_schema *s = r->s;
	yaml_node_t *map;
	if (!(*got = y->it < y->top))
		return CAMPAIGN_OK;
	map = ydoc_node(&y->d, *y->it++);
	r->n++;
	r->line0 = ydoc_line(map);
	if (map->type != YAML_MAPPING_NODE)
		return ydoc_fail(&y->d, map, "%s %ld must be a mapping", s->noun, r->n);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(&y->d, p->key), *v = ydoc_node(&y->d, p->value);
		int f = k->type == YAML_SCALAR_NODE ? row_column_index(s, (const char *)k->data.scalar.value) : -1;
		if (f == ROW_SKIP)
			continue;
		if (f < 0 || v->type != YAML_SCALAR_NODE || r->v[f].s)
			return ydoc_fail(&y->d, k, "%s %ld: %s", s->noun, r->n,
			                 f < 0 ? "unknown key" : r->v[f].s ? "key given twice" : "a value must be text");
		r->v[f] = (row_value){.s = (const char *)v->data.scalar.value, .line = ydoc_line(v), .col = ydoc_column(v)};
	}
	return CAMPAIGN_OK;
}

static long long yaml_offset(row_source *src)
{
	yaml_source *y = src->state;
	/* a list read whole: done up to the next item */
	if (!y->d.loaded)
		return 0;
	return y->it < y->top ? (long long)ydoc_node(&y->d, *y->it)->start_mark.index : src->size;
}

static void yaml_close(row_source *src)
{
	yaml_source *y = src->state;
	if (y) {
		ydoc_free(&y->d);
		buf_reset(&y->text);
	}
	free(y);
	src->state = NULL;
}

static int yaml_source_open(row_source *src, const char *path, const char *text)
{
	yaml_source *y = calloc(1, sizeof *y);
	int rc;
	*src = (row_source){yaml_begin, yaml_next, yaml_offset, yaml_close, 0, y};
	if (!y)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	rc = text ? buf_puts(&y->text, text) ? error_set(CAMPAIGN_ENOMEM, "out of memory") : CAMPAIGN_OK
	          : file_read(path, &y->text);
	if (rc) {
		yaml_close(src);
		return rc;
	}
	src->size = (long long)y->text.size;
	return CAMPAIGN_OK;
}

/* ---- the import ---- */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

enum { FMT_NONE = -1, FMT_YAML, FMT_CSV, FMT_XLSX };

/* By the name (a file's bytes first: a zip is xlsx), else (a string without one) by the text. */
static int format_of(const char *path, const char *name, const char *text)
{
	if (path && ooxml_is_zip(path))
		return FMT_XLSX;
	if (name && ends_with(name, ".xlsx"))
		return FMT_XLSX;
	if (name && ends_with(name, ".csv"))
		return FMT_CSV;
	if (name && (ends_with(name, ".yaml") || ends_with(name, ".yml")))
		return FMT_YAML;
	if (name || !text)
		return FMT_NONE;
	text += strspn(text, " \t\r\n");
	return *text == '-' || *text == '[' ? FMT_YAML : FMT_CSV;
}

typedef struct import_call {
	const row_schema *s;
	const doc_schema *ds;
	const char *path, *text, *name;
	const campaign_rows_import_options *opts;
	campaign_rows_import_options v2; /* options of version 1, read as version 2 */
	int fmt, is_string, encoding;
	rows r;
	row_source src;
	struct campaign_buf bytes; /* a document's file, read whole */
	ydoc doc;                  /* and parsed, when loaded */
	int loaded;
} import_call;

static int progress(rows *r, row_source *src)
{
	if (!r->opts->progress)
		return CAMPAIGN_OK;
	if (r->opts->progress(r->opts->user, r->n, src->offset ? src->offset(src) : 0, src->size))
		return error_set(CAMPAIGN_EINVALID, "%s: import stopped", r->file);
	return CAMPAIGN_OK;
}

/* The message of the last error without its "file:line:col: " (a dry run
 * reports the first bad row under its own position). */
static const char *bare_message(void)
{
	char prefix[640], sheet[640];
	const char *m = campaign_error_message();
	size_t n;
	error_cell_prefix(prefix, sizeof prefix, campaign_error_file(), NULL, campaign_error_line(),
	                  campaign_error_column());
	if (!strncmp(m, prefix, n = strlen(prefix)))
		return m + n;
	/* "file: Sheet1!C7: ": a sheet's name has no colon (Excel refuses one) */
	snprintf(sheet, sizeof sheet, "%s: ", campaign_error_file() ? campaign_error_file() : "");
	return !strncmp(m, sheet, n = strlen(sheet)) && strstr(m + n, ": ") ? strstr(m + n, ": ") + 2 : m;
}

/* A dry run notes a bad row and goes on; at the limit it ends as a dry run. */
static int note_error(rows *r, int rc)
{
	int limit = r->opts->error_limit ? r->opts->error_limit : DEFAULT_ERROR_LIMIT;
	if (!r->errors++) {
		snprintf(r->first, sizeof r->first, "%s", bare_message());
		r->first_code = rc;
		r->first_line = campaign_error_line();
		r->first_col = campaign_error_column();
	}
	if (r->opts->error)
		r->opts->error(r->opts->user, rc, r->file, campaign_error_line(), campaign_error_column(),
		               campaign_error_message());
	return r->errors >= limit ? ROWS_DRY : CAMPAIGN_OK;
}

/* A CSV cell our listings wrote after an apostrophe, lest a spreadsheet
 * read it as a formula ("'=1+1", see cli/output.c), reads as it was. */
static void formulas_unmarked(rows *r)
{
	for (int f = 0; f < r->s->ncols; f++)
		if (r->v[f].s && r->v[f].s[0] == '\'' && r->v[f].s[1] && strchr("=+-@\t\r", r->v[f].s[1]))
			r->v[f].s++;
}

static int one_row(import_call *ic)
{
	rows *r = &ic->r;
	int rc;
	r->failed = 0;
	if (ic->fmt == FMT_CSV)
		formulas_unmarked(r);
	if ((rc = db_bulk_tick(r->op->db)) || (rc = check_row(r)))
		return rc;
	rc = r->s->row(r);
	/* a content error the body did not place is placed at the row */
	return rc && row_error(rc) && !r->failed ? fail_at(r, r->line0, 1, rc) : rc;
}

/* A bad row stops the import, or in a dry run is noted; a bad source
 * (malformed CSV, a file that cannot be read) always stops it. */
static int each_row(import_call *ic)
{
	rows *r = &ic->r;
	int rc, got;
	for (;;) {
		memset(r->v, 0, sizeof r->v);
		if ((rc = ic->src.next(&ic->src, r, &got)))
			return rc;
		if (!got)
			return progress(r, &ic->src);
		if ((rc = one_row(ic)) && (!r->opts->dry_run || !row_error(rc) || (rc = note_error(r, rc))))
			return rc;
		if (r->n % PROGRESS_EVERY == 0 && (rc = progress(r, &ic->src)))
			return rc;
	}
}

static int rows_body(write_op *op, void *ctx)
{
	import_call *ic = ctx;
	rows *r = &ic->r;
	int rc;
	r->op = op;
	if (r->s->state_size && !(r->state = calloc(1, r->s->state_size)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (!(rc = ic->src.begin(&ic->src, r)) && !(rc = progress(r, &ic->src)) && !(rc = r->s->begin ? r->s->begin(r) : 0))
		rc = each_row(ic);
	if (r->s->end)
		r->s->end(r);
	free(r->state);
	r->state = NULL;
	if (!rc)
		snprintf(r->detail, sizeof r->detail, "%ld %s", r->n, r->s->plural);
	return rc || !r->opts->dry_run ? rc : ROWS_DRY;
}

static int open_source(import_call *ic)
{
	const char *file = ic->r.file;
	if (ic->fmt == FMT_XLSX)
		return ic->path ? xlsx_source_open(&ic->src, ic->path, ic->opts->sheet)
		                : error_set(CAMPAIGN_EINVALID, "%s: an xlsx workbook is read from a file, not a string", file);
	if (ic->fmt == FMT_CSV)
		return csv_source_encoded(&ic->src, file, ic->text, ic->text ? strlen(ic->text) : 0, ic->encoding,
		                          ic->s->utf8_at_line);
	return yaml_source_open(&ic->src, ic->path, ic->text);
}

static int rows_check(void *ctx)
{
	import_call *ic = ctx;
	char api[96];
	int rc;
	/* the public function's name: the importer's, then _file or _string */
	snprintf(api, sizeof api, "%s_%s", ic->s ? ic->s->api : ic->ds->api, ic->is_string ? "string" : "file");
	if ((rc = check_options(api, &ic->opts, &ic->v2, &ic->encoding)))
		return rc;
	ic->r.opts = ic->opts;
	if (!ic->path && !ic->text)
		return error_set(CAMPAIGN_EINVALID, "%s: %s is NULL", api, ic->is_string ? "text" : "path");
	if (!ic->s)
		return CAMPAIGN_OK;
	if ((ic->fmt = format_of(ic->path, ic->path ? ic->path : ic->name, ic->text)) == FMT_NONE)
		return error_set(CAMPAIGN_EINVALID, "%s: %s must end in .csv, .xlsx, .yaml or .yml", ic->r.file,
		                 ic->s->file_noun);
	return CAMPAIGN_OK;
}

/* Runs @ic through the write envelope; a clean dry run rolls back and succeeds. */
static int run(campaign_db *db, const char *campaign, const char *actor, import_call *ic, write_op *op)
{
	int rc;
	op->actor = actor;
	op->campaign = campaign;
	op->object = ic->r.file;
	op->detail = ic->r.detail;
	op->flags = WRITE_BULK;
	rc = db_write(db, op, ic, NULL);
	if (ic->src.close)
		ic->src.close(&ic->src);
	if (rc == ROWS_DRY && ic->r.errors) {
		/* the first bad row as it was, and how many more */
		rc = ic->r.first_code == CAMPAIGN_EPERM ? CAMPAIGN_EPERM : CAMPAIGN_EINVALID;
		if (ic->r.errors > 1)
			error_set_cell(rc, ic->r.file, ic->r.sheet, ic->r.first_line, ic->r.first_col, "%s (and %ld more)",
			               ic->r.first, ic->r.errors - 1);
		else
			error_set_cell(rc, ic->r.file, ic->r.sheet, ic->r.first_line, ic->r.first_col, "%s", ic->r.first);
	} else if (rc == ROWS_DRY) {
		error_ok();
		rc = CAMPAIGN_OK;
	}
	return rc;
}

/* The source is opened once the access is granted, before BEGIN: a YAML
 * list is read and parsed outside the transaction. */
static int rows_prepare(write_op *op, void *ctx)
{
	(void)op;
	return open_source(ctx);
}

static int rows_import(campaign_db *db, const char *campaign, import_call *ic, const char *actor, long *count)
{
	write_op op = {.name = ic->s->operation, .access = ic->s->access, .check = rows_check, .prepare = rows_prepare,
	               .body = rows_body};
	int rc;
	ic->r.s = ic->s;
	ic->r.opts = &DEFAULTS;
	rc = run(db, campaign, actor, ic, &op);
	if (count)
		*count = ic->r.n;
	return rc;
}

int rows_import_file(campaign_db *db, const char *campaign, const char *path, const campaign_rows_import_options *opts,
                     const char *actor, const row_schema *s, long *count)
{
	import_call ic = {.s = s, .path = path, .opts = opts};
	ic.r.file = path;
	return rows_import(db, campaign, &ic, actor, count);
}

int rows_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                       const campaign_rows_import_options *opts, const char *actor, const row_schema *s, long *count)
{
	/* without a name the format comes from the text */
	import_call ic = {.s = s, .text = text, .name = name, .opts = opts, .is_string = 1};
	ic.r.file = name ? name : "<string>";
	return rows_import(db, campaign, &ic, actor, count);
}

/* ---- a whole YAML document through the same envelope ---- */

int doc_tick(rows *r)
{
	int rc = db_bulk_tick(r->op->db);
	r->n++;
	if (rc || !r->opts->progress || r->n % PROGRESS_EVERY)
		return rc;
	return r->opts->progress(r->opts->user, r->n, 0, 0) ? error_set(CAMPAIGN_EINVALID, "%s: import stopped", r->file)
	                                                    : CAMPAIGN_OK;
}

/* A document is read and parsed before BEGIN (see rows_prepare). */
static int doc_prepare(write_op *op, void *ctx)
{
	import_call *ic = ctx;
	int rc;
	(void)op;
	if (!ic->text && (rc = file_read(ic->path, &ic->bytes)))
		return rc;
	if ((rc = ydoc_load(&ic->doc, ic->r.file, ic->text ? ic->text : ic->bytes.data,
	                    ic->text ? strlen(ic->text) : ic->bytes.size)))
		return rc;
	ic->loaded = 1;
	return CAMPAIGN_OK;
}

static int doc_body(write_op *op, void *ctx)
{
	import_call *ic = ctx;
	int rc;
	ic->r.op = op;
	rc = ic->ds->body(&ic->r, &ic->doc);
	if (!rc && ic->opts->progress && ic->opts->progress(ic->opts->user, ic->r.n, 1, 1))
		rc = error_set(CAMPAIGN_EINVALID, "%s: import stopped", ic->r.file);
	return rc || !ic->opts->dry_run ? rc : ROWS_DRY;
}

int doc_import(campaign_db *db, const char *campaign, const char *path, const char *text, const char *name,
               const campaign_rows_import_options *opts, const char *actor, const doc_schema *s)
{
	import_call ic = {.ds = s, .path = path, .text = text, .name = name, .opts = opts, .is_string = !path};
	write_op op = {.name = s->operation, .access = s->access, .check = rows_check, .prepare = doc_prepare,
	               .body = doc_body};
	/* only a name says it is a table: a nameless text stays the document it always was */
	int fmt = path || name ? format_of(path, path ? path : name, NULL) : FMT_NONE, rc;
	if (s->table && (fmt == FMT_CSV || fmt == FMT_XLSX))
		return path ? rows_import_file(db, campaign, path, opts, actor, s->table, NULL)
		            : rows_import_string(db, campaign, text, name, opts, actor, s->table, NULL);
	ic.r.file = path ? path : name ? name : "<string>";
	ic.r.opts = &DEFAULTS;
	rc = run(db, campaign, actor, &ic, &op);
	if (ic.loaded)
		ydoc_free(&ic.doc);
	buf_reset(&ic.bytes);
	return rc;
}
