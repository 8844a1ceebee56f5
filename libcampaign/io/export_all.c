/* campaign_export_all(): everything a store holds of a campaign, as the files
 * its importers read (see campaign/export.h for the list), plus MANIFEST.csv.
 *
 * The files are written into a fresh directory beside the target
 * ("DIR.tmp-XXXXXX", mkdtemp) and the directory is renamed into place at the
 * end: a failure removes it, so nothing is left behind, and a reader never
 * sees half an export. Each table is built in memory (CSV) or by
 * libxlsxwriter (xlsx), its SHA-256 taken over the bytes written. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "io/io.h"
#include "campaign/campaign.h"

OPTIONS_INIT_FN(export_all, CAMPAIGN_EXPORT_ALL_OPTIONS_VERSION)

static const campaign_export_all_options DEFAULTS = CAMPAIGN_EXPORT_ALL_OPTIONS_INIT;

typedef int (*table_query)(campaign_cursor **c, campaign_db *db, const char *campaign);

/* One file of the export: a query, the columns written (the importer's, under its names). */
typedef struct table_spec {
	const char *stem;    /* the file's name without its extension */
	const char *what;    /* the manifest's description */
	table_query query;
	const char *columns; /* NULL: every column of the listing */
	const char *titles;  /* NULL: the column names */
	const char *import;  /* the command reading it back, "%s" the file; NULL: a listing */
	int confidential;
	cell_fn cell;        /* a cell written otherwise, or NULL */
} table_spec;

typedef struct ex {
	campaign_db *db;
	const char *campaign;
	const campaign_export_all_options *o;
	int xlsx;
	char tmp[4096];
	struct campaign_buf manifest;
	int files;
} ex;

/* The rows a table keeps, and how many it wrote (the keep callback has no user pointer). */
static _Thread_local struct {
	const char *model;   /* register: only the points graded by this model; NULL: any */
	int with_ungraded;   /* register: and the ungraded points */
	long long rows;
} keep_state;

/* A finding's catalogue with the version its category is of ("ten-categories@1"), which the
 * findings import reads as such: re-imported after every version of the catalogue, each
 * finding keeps its version. */
static const char *versioned_catalogue(campaign_cursor *c, int col, char *buf, size_t n)
{
	const char *name = campaign_cursor_column_name(c, col), *id;
	int v = campaign_cursor_column_index(c, "version");
	if (!name || strcmp(name, "catalogue") || v < 0 || campaign_cursor_is_null(c, v) ||
	    !(id = campaign_cursor_text(c, col)))
		return NULL;
	snprintf(buf, n, "%s@%lld", id, campaign_cursor_int(c, v));
	return buf;
}

static int keep_row(campaign_cursor *c)
{
	if (keep_state.model) {
		const char *m = campaign_cursor_get(c, "model");
		if (m ? strcmp(m, keep_state.model) != 0 : !keep_state.with_ungraded)
			return 0;
	}
	keep_state.rows++;
	return 1;
}

/* A name safe as a file's: what is not a letter, digit, '.', '-' or '_' (or UTF-8) becomes '_'. */
static void file_stem(char *out, size_t n, const char *prefix, const char *id)
{
	size_t k = (size_t)snprintf(out, n, "%s", prefix);
	for (; *id && k + 1 < n; id++)
		out[k++] = ((unsigned char)*id >= 0x80 || strchr("._-", *id) || (*id >= '0' && *id <= '9') ||
		            ((*id | 0x20) >= 'a' && (*id | 0x20) <= 'z'))
		               ? *id
		               : '_';
	out[k < n ? k : n - 1] = '\0';
}

/* ---- the queries, as table_query ---- */

static int q_progress(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_progress_history_query(c, db, k, NULL, NULL);
}
static int q_findings(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_findings_query(c, db, k, NULL, NULL);
}
static int q_rectifications(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_rectifications_query(c, db, k, NULL, NULL);
}
static int q_points(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_risk_points_query(c, db, k, NULL);
}
static int q_posts(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_posts_query(c, db, k, NULL);
}
static int q_holdings(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_post_holdings_query(c, db, k, NULL);
}
static int q_proposals(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_proposals_query(c, db, k, NULL, NULL);
}
static int q_actions(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_actions_query(c, db, k, NULL, NULL, NULL);
}
static int q_grades(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_risk_grades_query(c, db, k, NULL);
}
static int q_controls(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_risk_controls_query(c, db, k, NULL);
}
static int q_rounds(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_inspection_rounds_query(c, db, k, NULL, NULL, NULL);
}
static int q_case_leads(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_case_leads_query(c, db, k, NULL);
}
static int q_roles(campaign_cursor **c, campaign_db *db, const char *k)
{
	(void)k;
	return campaign_roles_query(c, db);
}

/* Every year's evaluations in the importer's columns (the ranking listing is one year's). */
#define SQL_EVALUATIONS                                                                                        \
	"SELECT e.year, e.period, u.id AS unit, printf('%d.%02d', e.score_centi / 100, e.score_centi % 100) AS score," \
	" e.evaluated_on, e.note FROM conduct_evaluation e JOIN unit u ON u.rid = e.unit"                          \
	" WHERE e.campaign = ?1 ORDER BY e.year, e.period, u.ord, e.id"

static int q_evaluations(campaign_cursor **c, campaign_db *db, const char *k)
{
	return query_run(c, db, k, SQL_EVALUATIONS, "itttdt", "");
}

/* The confidential part; the actor reads (and the read is logged). */
static _Thread_local const char *confidential_actor;

static int q_case_leads_confidential(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_case_lead_confidential_query(c, db, k, NULL, confidential_actor);
}
static int q_risk_confidential(campaign_cursor **c, campaign_db *db, const char *k)
{
	return campaign_risk_point_confidential_query(c, db, k, NULL, confidential_actor);
}

/* The importable tables, in the order they import (after the plan). */
static const table_spec IMPORTED[] = {
	{"progress", "progress reports, oldest first", q_progress, "outcome,unit,status,percent,reported_on,note,evidence",
	 "outcome,unit,status,percent,date,note,evidence", "campaign progress import %s", 0, NULL},
	{"rounds", "self-inspection rounds and their reports", q_rounds,
	 "id,unit,unit_group,window_first,window_last,deadline,deadline_text,submitted_on,document,note",
	 "round,unit,group,window_first,window_last,deadline,deadline_text,submitted_on,document,note",
	 "campaign inspection round import %s", 0, NULL},
	{"findings", "self-inspection findings", q_findings,
	 "id,unit,catalogue,category,origin,people,description,amount,found_on,round", NULL,
	 "campaign inspection finding import %s", 0, versioned_catalogue},
	{"ledger", "the rectification ledger (整改台账) as recorded; statuses: rectification-status", q_rectifications,
	 "id,finding,problem,measure,deadline,responsible,criterion,deadline_text", NULL,
	 "campaign inspection rectification import %s", 0, NULL},
	{"evaluations", "conduct evaluations (行风评议), every year", q_evaluations, NULL, NULL,
	 "campaign accountability evaluation import %s", 0, NULL},
};

#define REGISTER_COLUMNS "id,unit,scope,scope_name,type,name,description,manifestations,owner,leader,inputs,graded_on"

/* The listings no importer reads. */
static const table_spec LISTED[] = {
	{"posts", "posts", q_posts, NULL, NULL, NULL, 0, NULL},
	{"holdings", "who held which post, and when", q_holdings, NULL, NULL, NULL, 0, NULL},
	{"rulesets", "accountability rule sets, every one (in force: rules-ID.yaml)", campaign_rulesets_query,
	 NULL, NULL, NULL, 0, NULL},
	{"rules", "the rules in force, parameters as JSON", campaign_rules_query, NULL, NULL, NULL, 0, NULL},
	{"proposals", "accountability proposals and their decisions", q_proposals, NULL, NULL, NULL, 0, NULL},
	{"actions", "the actions decided, and their status", q_actions, NULL, NULL, NULL, 0, NULL},
	{"catalogues", "violation catalogues, every version (catalogue-ID.vN.yaml)", campaign_catalogues_query, NULL,
	 NULL, NULL, 0, NULL},
	{"risk-models", "risk models, every version (model-ID.vN.yaml)", campaign_risk_models_query, NULL, NULL,
	 NULL, 0, NULL},
	{"risk-grades", "every risk grade given, oldest first", q_grades, NULL, NULL, NULL, 0, NULL},
	{"risk-controls", "risk controls (三道防线)", q_controls, NULL, NULL, NULL, 0, NULL},
	{"rectification-status", "rectifications with their updates, verification and closing", q_rectifications, NULL,
	 NULL, NULL, 0, NULL},
	{"case-leads", "case leads, without their confidential part", q_case_leads, NULL, NULL, NULL, 0, NULL},
	{"thresholds", "the warning thresholds", campaign_thresholds_query, NULL, NULL, NULL, 0, NULL},
	{"roles", "who may do what", q_roles, NULL, NULL, NULL, 0, NULL},
	{"case-leads-confidential", "case leads with their details and reporters (confidential)",
	 q_case_leads_confidential, NULL, NULL, NULL, 1, NULL},
	{"risk-confidential", "risk points' confidential notes (confidential)", q_risk_confidential, NULL, NULL, NULL, 1,
	 NULL},
};

/* ---- the manifest ---- */

static int manifest_row(ex *x, const char *file, const char *what, long long rows, const char *sha,
                        const char *import, const char *note)
{
	struct campaign_buf *m = &x->manifest;
	char n[32];
	int rc;
	snprintf(n, sizeof n, "%lld", rows);
	if ((rc = csv_put_cell(m, file)) || (rc = buf_puts(m, ",")) || (rc = csv_put_cell(m, what)) ||
	    (rc = buf_puts(m, ",")) || (rc = buf_puts(m, rows >= 0 ? n : "")) || (rc = buf_puts(m, ",")) ||
	    (rc = csv_put_cell(m, sha)) || (rc = buf_puts(m, ",")) || (rc = csv_put_cell(m, import)) ||
	    (rc = buf_puts(m, ",")) || (rc = csv_put_cell(m, note)) || (rc = buf_puts(m, "\r\n")))
		return rc;
	return CAMPAIGN_OK;
}

/* Writes @b as the file @name of the export and lists it. */
static int put_file(ex *x, const char *name, const struct campaign_buf *b, const char *what, long long rows,
                    const char *import)
{
	char path[4200], sha[65], cmd[512] = "";
	int rc;
	snprintf(path, sizeof path, "%s/%s", x->tmp, name);
	if ((rc = buf_write_file(b, path)))
		return rc;
	x->files++;
	if ((rc = sha256_hex(b->data ? b->data : "", b->size, sha)))
		return rc;
	if (import)
		snprintf(cmd, sizeof cmd, import, name);
	return manifest_row(x, name, what, rows, sha, cmd, "");
}

/* One table: the query's rows that keep_row() keeps, as CSV or as a one-sheet workbook. */
static int put_table_as(ex *x, const char *stem, const char *what, table_query query, const char *columns,
                        const char *titles, const char *import, cell_fn cell)
{
	campaign_cursor *c = NULL;
	char name[256], path[4400], sha[65], cmd[512] = "";
	struct campaign_buf b = {0};
	int rc;
	keep_state.rows = 0;
	snprintf(name, sizeof name, "%s.%s", stem, x->xlsx ? "xlsx" : "csv");
	if ((rc = query(&c, x->db, x->campaign)))
		return rc;
	if (!x->xlsx) {
		if (!(rc = buf_puts(&b, CSV_BOM)) && !(rc = csv_put_cursor_as(&b, c, columns, titles, 1, keep_row, cell, NULL)))
			rc = put_file(x, name, &b, what, keep_state.rows, import);
		campaign_cursor_free(c);
		buf_reset(&b);
		return rc;
	}
	snprintf(path, sizeof path, "%s/%s", x->tmp, name);
	{
		xlsx_book *book;
		if (!(rc = xlsx_book_open(&book, path)))
			rc = xlsx_book_close(book, xlsx_book_sheet_as(book, c, stem, columns, titles, keep_row, cell));
	}
	campaign_cursor_free(c);
	if (rc)
		return rc;
	x->files++;
	if (!(rc = file_read(path, &b)) && !(rc = sha256_hex(b.data ? b.data : "", b.size, sha))) {
		if (import)
			snprintf(cmd, sizeof cmd, import, name);
		rc = manifest_row(x, name, what, keep_state.rows, sha, cmd, "");
	}
	buf_reset(&b);
	return rc;
}

static int put_table(ex *x, const char *stem, const char *what, table_query query, const char *columns,
                     const char *titles, const char *import)
{
	return put_table_as(x, stem, what, query, columns, titles, import, NULL);
}

/* The register, a file per grading model: the default model's points (and the ungraded) in
 * register, another model's in register-MODEL, read back with that model. */
static int put_register(ex *x)
{
	campaign_cursor *c;
	char models[32][128], default_model[128] = "", stem[200], what[300], import[400];
	int n = 0, rc;
	if ((rc = campaign_risk_models_query(&c, x->db, x->campaign)))
		return rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK)
		if (campaign_cursor_int(c, campaign_cursor_column_index(c, "is_default")))
			snprintf(default_model, sizeof default_model, "%s", campaign_cursor_get(c, "id"));
	campaign_cursor_free(c);
	if (rc != CAMPAIGN_ITEROVER || (rc = campaign_risk_points_query(&c, x->db, x->campaign, NULL)))
		return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		const char *m = campaign_cursor_get(c, "model");
		int seen = !m || !strcmp(m, default_model);
		for (int i = 0; i < n && !seen; i++)
			seen = !strcmp(models[i], m);
		if (!seen && n < 32)
			snprintf(models[n++], sizeof models[0], "%s", m);
		else if (!seen) {
			campaign_cursor_free(c);
			return error_set(CAMPAIGN_EINVALID, "campaign_export_all: points graded by more than 32 models");
		}
	}
	campaign_cursor_free(c);
	if (rc != CAMPAIGN_ITEROVER)
		return rc;
	keep_state.model = default_model;
	keep_state.with_ungraded = 1;
	rc = put_table(x, "register",
	               "the risk register (廉政风险点): points graded by the default model, and the ungraded",
	               q_points, REGISTER_COLUMNS, NULL, "campaign risk register import %s");
	for (int i = 0; i < n && !rc; i++) {
		keep_state.model = models[i];
		keep_state.with_ungraded = 0;
		file_stem(stem, sizeof stem, "register-", models[i]);
		snprintf(what, sizeof what, "the risk register: points graded by the model %.127s", models[i]);
		snprintf(import, sizeof import, "campaign risk register import %%s --model %.127s", models[i]);
		rc = put_table(x, stem, what, q_points, REGISTER_COLUMNS, NULL, import);
	}
	keep_state.model = NULL;
	return rc;
}

/* A confidential listing, or the note saying why it is left out (opts->confidential 0). */
static int put_confidential(ex *x, const table_spec *t)
{
	char note[600];
	int rc;
	if (x->o->confidential < 0)
		return CAMPAIGN_OK;
	if (!x->o->actor || !*x->o->actor) {
		if (x->o->confidential > 0)
			return error_set(CAMPAIGN_EINVALID, "campaign_export_all: the confidential listings need an actor");
		return manifest_row(x, "", t->what, -1, "", "", "left out: no actor given to read confidential fields");
	}
	confidential_actor = x->o->actor;
	rc = put_table(x, t->stem, t->what, t->query, t->columns, t->titles, NULL);
	/* a refusal (no key, the wrong one, no access) leaves the file out, saying why; nothing was written */
	if ((rc == CAMPAIGN_ELOCKED || rc == CAMPAIGN_EPERM) && x->o->confidential == 0) {
		snprintf(note, sizeof note, "left out: %s", campaign_error_message());
		return manifest_row(x, "", t->what, -1, "", "", note);
	}
	return rc;
}

/* ---- YAML documents: people (with posts and holdings), rule sets ---- */

/* @s as a YAML double-quoted scalar (UTF-8 as it is; quotes, backslashes and controls escaped). */
static int yq(struct campaign_buf *b, const char *s)
{
	int rc = buf_puts(b, "\"");
	for (; !rc && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			rc = buf_printf(b, "\\%c", ch);
		else if (ch == '\n')
			rc = buf_puts(b, "\\n");
		else if (ch < 0x20 || ch == 0x7f)
			rc = buf_printf(b, "\\x%02x", ch);
		else
			rc = buf_append(b, s, 1);
	}
	return rc ? rc : buf_puts(b, "\"");
}

/* ", key: "value"" when the column @col of @c is not NULL (@first: without the comma). */
static int yfield(struct campaign_buf *b, campaign_cursor *c, const char *key, const char *col, int first)
{
	const char *v = campaign_cursor_get(c, col);
	int rc;
	if (!v)
		return CAMPAIGN_OK;
	if ((rc = buf_printf(b, "%s%s: ", first ? "" : ", ", key)))
		return rc;
	return yq(b, v);
}

/* The people file the people import reads: posts, then people with the posts they held. */
static int people_yaml(ex *x, struct campaign_buf *b, long long *rows)
{
	campaign_cursor *c = NULL, *h = NULL;
	int rc;
	if ((rc = buf_puts(b, "# campaign export --all: people and their posts, as `campaign accountability people "
	                      "import` reads them\nformat: 1\nposts:\n")) ||
	    (rc = campaign_posts_query(&c, x->db, x->campaign, NULL)))
		return rc;
	while (!rc && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		const char *kind = campaign_cursor_get(c, "kind");
		if (!(rc = buf_puts(b, "  - {")) && !(rc = yfield(b, c, "id", "id", 1)) && !(rc = yfield(b, c, "unit", "unit", 0)) &&
		    !(rc = yfield(b, c, "name", "name", 0)) && !(rc = kind && *kind ? yfield(b, c, "kind", "kind", 0) : 0))
			rc = buf_printf(b, ", key: %s, principal: %s}\n",
			                campaign_cursor_int(c, campaign_cursor_column_index(c, "key_post")) ? "true" : "false",
			                campaign_cursor_int(c, campaign_cursor_column_index(c, "principal")) ? "true" : "false");
	}
	campaign_cursor_free(c);
	if (rc != CAMPAIGN_ITEROVER)
		return rc;
	if ((rc = buf_puts(b, "people:\n")) || (rc = campaign_people_query(&c, x->db, x->campaign, NULL)))
		return rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		int n = 0;
		const char *id = campaign_cursor_get(c, "id");
		if ((rc = buf_puts(b, "  - {")) || (rc = yfield(b, c, "id", "id", 1)) || (rc = yfield(b, c, "name", "name", 0)) ||
		    (rc = yfield(b, c, "unit", "unit", 0)) || (rc = yfield(b, c, "retires_on", "retires_on", 0)) ||
		    (rc = campaign_post_holdings_query(&h, x->db, x->campaign, id)))
			break;
		while (!rc && (rc = campaign_cursor_next(h)) == CAMPAIGN_OK)
			if (!(rc = buf_puts(b, n++ ? ", {" : ", posts: [{")) && !(rc = yfield(b, h, "post", "post", 1)) &&
			    !(rc = yfield(b, h, "from", "start_on", 0)) && !(rc = yfield(b, h, "to", "end_on", 0)))
				rc = buf_puts(b, "}");
		campaign_cursor_free(h);
		if (rc != CAMPAIGN_ITEROVER || (rc = buf_puts(b, n ? "]}\n" : "}\n")))
			break;
		++*rows;
	}
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

/* A rule's parameters (its params JSON) as "key: value" pairs of its flow mapping. */
static int rule_params(ex *x, struct campaign_buf *b, const char *json)
{
	sqlite3_stmt *st = db_stmt(x->db, "SELECT key, type, atom, value FROM json_each(?1)");
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	if (bind_copy(st, 1, json ? json : "{}", -1) != SQLITE_OK) {
		sqlite3_reset(st);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	while (!rc && db_step_row(x->db, st, "a rule's parameters", &rc)) {
		const char *key = (const char *)sqlite3_column_text(st, 0), *type = (const char *)sqlite3_column_text(st, 1);
		const char *atom = (const char *)sqlite3_column_text(st, 2), *value = (const char *)sqlite3_column_text(st, 3);
		if (!key || !type || !strcmp(type, "null"))
			continue;
		if ((rc = buf_printf(b, ", %s: ", key)))
			break;
		if (!strcmp(type, "text"))
			rc = yq(b, atom ? atom : "");
		else if (!strcmp(type, "true") || !strcmp(type, "false"))
			rc = buf_puts(b, type); /* json_each's atom of a flag is 1 or 0 */
		else if (!strcmp(type, "array") || !strcmp(type, "object"))
			rc = buf_puts(b, value ? value : "[]"); /* JSON is YAML's flow style */
		else
			rc = buf_puts(b, atom ? atom : (value ? value : ""));
	}
	sqlite3_reset(st);
	return rc;
}

/* The rule set @id (in force) as the rules import reads it: its newest version's rules. */
static int ruleset_yaml(ex *x, struct campaign_buf *b, campaign_cursor *set, long long *rows)
{
	const char *id = campaign_cursor_get(set, "id");
	campaign_cursor *c;
	int rc;
	if ((rc = buf_puts(b, "# campaign export --all: a rule set, as `campaign accountability rules import` reads "
	                      "it\nformat: 1\nruleset: {")) ||
	    (rc = yfield(b, set, "id", "id", 1)) || (rc = yfield(b, set, "name", "name", 0)) ||
	    (rc = yfield(b, set, "source", "source", 0)) || (rc = buf_puts(b, "}\nrules:\n")) ||
	    (rc = campaign_rules_query(&c, x->db, x->campaign)))
		return rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		const char *set_of = campaign_cursor_get(c, "ruleset");
		if (!set_of || strcmp(set_of, id))
			continue;
		if ((rc = buf_puts(b, "  - {")) || (rc = yfield(b, c, "id", "id", 1)) || (rc = yfield(b, c, "name", "name", 0)) ||
		    (rc = yfield(b, c, "source", "source", 0)) || (rc = yfield(b, c, "kind", "kind", 0)) ||
		    (rc = yfield(b, c, "action", "action", 0)) || (rc = rule_params(x, b, campaign_cursor_get(c, "params"))) ||
		    (rc = buf_puts(b, "}\n")))
			break;
		++*rows;
	}
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

/* ---- catalogues and risk models, every version, as their imports read them ---- */

/* The catalogue @c's current row (catalogues_query) at its version, with its categories. */
static int catalogue_yaml(ex *x, struct campaign_buf *b, campaign_cursor *cat, long long *rows)
{
	const char *id = campaign_cursor_get(cat, "id"), *consequence = campaign_cursor_get(cat, "consequence");
	int version = (int)campaign_cursor_int(cat, campaign_cursor_column_index(cat, "version"));
	campaign_cursor *c;
	int rc;
	if ((rc = buf_printf(b, "# campaign export --all: version %d of a violation catalogue, as `campaign inspection "
	                        "catalogue import` reads it\nformat: 1\ncatalogue: {", version)) ||
	    (rc = yfield(b, cat, "id", "id", 1)) || (rc = yfield(b, cat, "name", "name", 0)) ||
	    (rc = yfield(b, cat, "source", "source", 0)) || (rc = yfield(b, cat, "consequence", "consequence", 0)) ||
	    (rc = buf_puts(b, "}\ncategories:\n")) ||
	    (rc = campaign_violation_categories_query(&c, x->db, x->campaign, id, version)))
		return rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		const char *own = campaign_cursor_get(c, "consequence");
		/* the column gives the category's consequence or its catalogue's: written when it is its own */
		int differs = own && (!consequence || strcmp(own, consequence));
		if ((rc = buf_puts(b, "  - {")) || (rc = yfield(b, c, "id", "id", 1)) || (rc = yfield(b, c, "label", "label", 0)) ||
		    (rc = yfield(b, c, "text", "text", 0)) || (differs && (rc = yfield(b, c, "consequence", "consequence", 0))) ||
		    (rc = buf_puts(b, "}\n")))
			break;
		++*rows;
	}
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

/* Column @i of @st as a YAML scalar: an integer as it is, text quoted, NULL as null. */
static int ycol(struct campaign_buf *b, sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	if (sqlite3_column_type(st, i) == SQLITE_NULL || !v)
		return buf_puts(b, "null");
	return sqlite3_column_type(st, i) == SQLITE_INTEGER ? buf_puts(b, v) : yq(b, v);
}

#define SQL_MODEL "SELECT rid, kind, name FROM risk_model WHERE campaign = ?1 AND id = ?2 AND version = ?3"
#define SQL_MODEL_GRADES                                                                                       \
	"SELECT g.id, g.label, g.owner_level, g.review_days, g.color, t.min FROM risk_grade g"                     \
	" LEFT JOIN risk_model_threshold t ON t.model = g.model AND t.grade = g.rid WHERE g.model = ?1 ORDER BY g.rank"
#define SQL_MODEL_LEVELS "SELECT label FROM risk_model_level WHERE model = ?1 AND input = ?2 ORDER BY level"
#define SQL_MODEL_CELLS                                                                                        \
	"SELECT c.likelihood, g.id FROM risk_model_cell c JOIN risk_grade g ON g.rid = c.grade WHERE c.model = ?1" \
	" ORDER BY c.likelihood, c.impact"
#define SQL_MODEL_INPUTS \
	"SELECT id, name, weight, min, max, override FROM risk_model_input WHERE model = ?1 ORDER BY ord"

/* The model @id at @version as the model import reads it (default: true when it is the default). */
static int model_yaml(ex *x, struct campaign_buf *b, const char *id, int version, int is_default, long long *rows)
{
	sqlite3_int64 crid, mrid;
	sqlite3_stmt *st;
	char kind[16] = "";
	int rc, n = 0;
	if ((rc = db_campaign_rid(x->db, x->campaign, &crid)) || !(st = db_stmt(x->db, SQL_MODEL)))
		return rc ? rc : campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	sqlite3_bind_int(st, 3, version);
	if (bind_copy(st, 2, id, -1) != SQLITE_OK) {
		sqlite3_reset(st);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	if (!db_step_row(x->db, st, "cannot read the model", &rc)) {
		sqlite3_reset(st);
		return rc ? rc : error_set(CAMPAIGN_ENOTFOUND, "no model \"%s\" version %d", id, version);
	}
	mrid = sqlite3_column_int64(st, 0);
	snprintf(kind, sizeof kind, "%s", (const char *)sqlite3_column_text(st, 1));
	if (!(rc = buf_printf(b, "# campaign export --all: version %d of a risk model, as `campaign risk model import` "
	                         "reads it\nformat: 1\nmodel: {id: ", version)) &&
	    !(rc = yq(b, id)) && !(rc = buf_printf(b, ", kind: %s, name: ", kind)) && !(rc = ycol(b, st, 2)))
		rc = buf_puts(b, is_default ? ", default: true}\ngrades:\n" : "}\ngrades:\n");
	sqlite3_reset(st);
	if (rc || !(st = db_stmt(x->db, SQL_MODEL_GRADES)))
		return rc ? rc : campaign_error_code_last();
	sqlite3_bind_int64(st, 1, mrid);
	while (!rc && db_step_row(x->db, st, "cannot read the model's grades", &rc)) {
		static const char *const keys[] = {"id", "label", "owner_level", "review_days", "color", "min"};
		rc = buf_puts(b, "  - {");
		for (int i = 0; !rc && i < 6; i++)
			if (sqlite3_column_type(st, i) != SQLITE_NULL)
				rc = (rc = buf_printf(b, "%s%s: ", i ? ", " : "", keys[i])) ? rc : ycol(b, st, i);
		if (!rc)
			rc = buf_puts(b, "}\n");
	}
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!strcmp(kind, "matrix")) {
		static const char *const axes[] = {"likelihood", "impact"};
		for (int a = 0; !rc && a < 2; a++) {
			if (!(st = db_stmt(x->db, SQL_MODEL_LEVELS)))
				return campaign_error_code_last();
			sqlite3_bind_int64(st, 1, mrid);
			sqlite3_bind_text(st, 2, axes[a], -1, SQLITE_STATIC);
			rc = buf_printf(b, "%s: [", axes[a]);
			for (n = 0; !rc && db_step_row(x->db, st, "cannot read the model's levels", &rc);)
				rc = (rc = buf_puts(b, n++ ? ", " : "")) ? rc : ycol(b, st, 0);
			sqlite3_reset(st);
			if (!rc)
				rc = buf_puts(b, "]\n");
		}
		if (rc || !(st = db_stmt(x->db, SQL_MODEL_CELLS)))
			return rc ? rc : campaign_error_code_last();
		sqlite3_bind_int64(st, 1, mrid);
		rc = buf_puts(b, "cells:\n");
		for (long long row = 0; !rc && db_step_row(x->db, st, "cannot read the model's cells", &rc);) {
			long long l = sqlite3_column_int64(st, 0);
			if (!rc && l != row)
				rc = buf_puts(b, row ? "]\n  - [" : "  - ["), row = l, n = 0;
			if (!rc)
				rc = (rc = buf_puts(b, n++ ? ", " : "")) ? rc : ycol(b, st, 1);
		}
		sqlite3_reset(st);
		if (!rc)
			rc = buf_puts(b, "]\n");
	} else {
		int weighted = !strcmp(kind, "weighted");
		if (!(st = db_stmt(x->db, SQL_MODEL_INPUTS)))
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, mrid);
		rc = buf_puts(b, weighted ? "factors:\n" : "criteria:\n");
		while (!rc && db_step_row(x->db, st, "cannot read the model's inputs", &rc)) {
			if ((rc = buf_puts(b, "  - {id: ")) || (rc = ycol(b, st, 0)) ||
			    (rc = buf_puts(b, weighted ? ", name: " : ", text: ")) || (rc = ycol(b, st, 1)))
				break;
			if (weighted) {
				if ((rc = buf_puts(b, ", weight: ")) || (rc = ycol(b, st, 2)) || (rc = buf_puts(b, ", min: ")) ||
				    (rc = ycol(b, st, 3)) || (rc = buf_puts(b, ", max: ")) || (rc = ycol(b, st, 4)))
					break;
			} else if (sqlite3_column_int(st, 5) && (rc = buf_puts(b, ", override: true")))
				break;
			rc = buf_puts(b, "}\n");
			++*rows;
		}
		sqlite3_reset(st);
	}
	return rc;
}

/* Every version of every catalogue, then of every model, oldest first: catalogue-ID.vN.yaml, model-ID.vN.yaml. */
static int put_documents(ex *x)
{
	campaign_cursor *c;
	int rc;
	for (int pass = 0; pass < 2; pass++) {
		if ((rc = pass ? campaign_risk_models_query(&c, x->db, x->campaign)
		               : campaign_catalogues_query(&c, x->db, x->campaign)))
			return rc;
		while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
			struct campaign_buf b = {0};
			const char *id = campaign_cursor_get(c, "id");
			int version = (int)campaign_cursor_int(c, campaign_cursor_column_index(c, "version"));
			char stem[300], what[400];
			long long rows = 0;
			file_stem(stem, sizeof stem, pass ? "model-" : "catalogue-", id);
			snprintf(stem + strlen(stem), sizeof stem - strlen(stem), ".v%d.yaml", version);
			snprintf(what, sizeof what, "%s %s, version %d%s", pass ? "the risk model" : "the violation catalogue", id,
			         version, pass ? "" : " (its categories)");
			rc = pass ? model_yaml(x, &b, id, version,
			                       (int)campaign_cursor_int(c, campaign_cursor_column_index(c, "is_default")), &rows)
			          : catalogue_yaml(x, &b, c, &rows);
			if (!rc)
				rc = put_file(x, stem, &b, what, rows,
				              pass ? "campaign risk model import %s" : "campaign inspection catalogue import %s");
			buf_reset(&b);
			if (rc)
				break;
		}
		campaign_cursor_free(c);
		if (rc != CAMPAIGN_ITEROVER)
			return rc;
	}
	return CAMPAIGN_OK;
}

static int put_rulesets(ex *x)
{
	campaign_cursor *sets;
	int rc;
	if ((rc = campaign_rulesets_query(&sets, x->db, x->campaign)))
		return rc;
	while ((rc = campaign_cursor_next(sets)) == CAMPAIGN_OK) {
		struct campaign_buf b = {0};
		char stem[300], what[400];
		long long rows = 0;
		const char *status = campaign_cursor_get(sets, "status");
		snprintf(what, sizeof what, "the accountability rule set %s", campaign_cursor_get(sets, "id"));
		if (status && strcmp(status, "in_force")) {
			if ((rc = manifest_row(x, "", what, -1, "", "", "left out: retired (rulesets.csv lists it)")))
				break;
			continue;
		}
		file_stem(stem, sizeof stem, "rules-", campaign_cursor_get(sets, "id"));
		strcat(stem, ".yaml");
		if (!(rc = ruleset_yaml(x, &b, sets, &rows)))
			rc = put_file(x, stem, &b, what, rows, "campaign accountability rules import %s");
		buf_reset(&b);
		if (rc)
			break;
	}
	campaign_cursor_free(sets);
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

static int put_people(ex *x)
{
	struct campaign_buf b = {0};
	long long rows = 0;
	int rc = people_yaml(x, &b, &rows);
	if (!rc)
		rc = put_file(x, "people.yaml", &b, "people, their posts and who held which post (the people import)", rows,
		              "campaign accountability people import %s");
	buf_reset(&b);
	return rc;
}

static int put_all(ex *x)
{
	campaign_buf *plan;
	int rc;
	if ((rc = buf_puts(&x->manifest, CSV_BOM "file,what,rows,sha256,import,note\r\n")))
		return rc;
	if ((rc = campaign_plan_export_yaml(&plan, x->db, x->campaign)))
		return rc;
	rc = put_file(x, "plan.yaml", plan, "the plan (campaign, units, groups, bodies, phases, tasks)", -1,
	              "campaign import %s");
	campaign_buf_free(plan);
	if (!rc)
		rc = put_documents(x);
	if (!rc)
		rc = put_rulesets(x);
	if (!rc)
		rc = put_people(x);
	for (size_t i = 0; !rc && i < sizeof IMPORTED / sizeof IMPORTED[0]; i++) {
		const table_spec *t = &IMPORTED[i];
		rc = put_table_as(x, t->stem, t->what, t->query, t->columns, t->titles, t->import, t->cell);
	}
	if (!rc)
		rc = put_register(x);
	for (size_t i = 0; !rc && i < sizeof LISTED / sizeof LISTED[0]; i++) {
		const table_spec *t = &LISTED[i];
		rc = t->confidential ? put_confidential(x, t) : put_table(x, t->stem, t->what, t->query, NULL, NULL, NULL);
	}
	if (!rc)
		rc = put_file(x, "MANIFEST.csv", &x->manifest, "this list", -1, NULL);
	return rc;
}

/* Removes the temporary directory and whatever is in it (files only: the export writes no others). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4400];
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			remove(path);
		}
	if (d)
		closedir(d);
	rmdir(dir);
}

/* ECONFLICT unless @dir is absent or an empty directory. */
static int target_free(const char *dir)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int empty = 1;
	if (stat(dir, &st) != 0)
		return CAMPAIGN_OK; /* absent (or unreachable: creating the directory beside it says why) */
	if (!S_ISDIR(st.st_mode))
		return error_set(CAMPAIGN_ECONFLICT, "%s exists and is not a directory: an export goes into a new directory",
		                 dir);
	if (!(d = opendir(dir)))
		return error_set(CAMPAIGN_EIO, "%s: %s", dir, strerror(errno));
	while (empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(d);
	return empty ? CAMPAIGN_OK
	             : error_set(CAMPAIGN_ECONFLICT, "%s is not empty: an export goes into a new directory", dir);
}

int campaign_export_all(campaign_db *db, const char *campaign, const char *dir, const campaign_export_all_options *opts)
{
	ex x;
	size_t n;
	int rc;
	if ((rc = db_check(db)))
		return rc;
	if (!dir || !*dir)
		return error_set(CAMPAIGN_EINVALID, "campaign_export_all: dir is %s", dir ? "empty" : "NULL");
	if (!opts)
		opts = &DEFAULTS;
	if ((rc = options_check(opts, CAMPAIGN_EXPORT_ALL_OPTIONS_VERSION, "campaign_export_all_options")))
		return rc;
	if (opts->format && strcmp(opts->format, "csv") && strcmp(opts->format, "xlsx"))
		return error_set(CAMPAIGN_EINVALID, "campaign_export_all: format \"%s\" is not csv or xlsx", opts->format);
	memset(&x, 0, sizeof x);
	x.db = db;
	x.campaign = campaign;
	x.o = opts;
	x.xlsx = opts->format && !strcmp(opts->format, "xlsx");
	if ((rc = target_free(dir)))
		return rc;
	n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n + 16 > sizeof x.tmp)
		return error_set(CAMPAIGN_EINVALID, "campaign_export_all: the directory's name is too long");
	snprintf(x.tmp, sizeof x.tmp, "%.*s.tmp-XXXXXX", (int)n, dir);
	if (!mkdtemp(x.tmp))
		return error_set(CAMPAIGN_EIO, "%.*s: cannot create a directory beside it (%s)", (int)n, dir,
		                 strerror(errno));
	rc = put_all(&x);
	/* rename(2) replaces an empty directory */
	if (!rc && rename(x.tmp, dir) != 0)
		rc = error_set(CAMPAIGN_EIO, "%s: cannot rename %s to it (%s)", dir, x.tmp, strerror(errno));
	if (rc)
		remove_tree(x.tmp);
	buf_reset(&x.manifest);
	keep_state.model = NULL;
	confidential_actor = NULL;
	return rc ? rc : (error_ok(), x.files);
}
