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
	 "outcome,unit,status,percent,date,note,evidence", "campaign progress import %s", 0},
	{"findings", "self-inspection findings", q_findings,
	 "id,unit,catalogue,category,origin,people,description,amount,found_on,round", NULL,
	 "campaign inspection finding import %s", 0},
	{"ledger", "the rectification ledger (整改台账) as recorded; statuses: rectification-status", q_rectifications,
	 "id,finding,problem,measure,deadline,responsible,criterion,deadline_text", NULL,
	 "campaign inspection rectification import %s", 0},
	{"evaluations", "conduct evaluations (行风评议), every year", q_evaluations, NULL, NULL,
	 "campaign accountability evaluation import %s", 0},
};

#define REGISTER_COLUMNS "id,unit,scope,scope_name,type,name,description,manifestations,owner,leader,inputs,graded_on"

/* The listings no importer reads. */
static const table_spec LISTED[] = {
	{"posts", "posts", q_posts, NULL, NULL, NULL, 0},
	{"holdings", "who held which post, and when", q_holdings, NULL, NULL, NULL, 0},
	{"rulesets", "accountability rule sets, every one (in force: rules-ID.yaml)", campaign_rulesets_query,
	 NULL, NULL, NULL, 0},
	{"rules", "the rules in force, parameters as JSON", campaign_rules_query, NULL, NULL, NULL, 0},
	{"proposals", "accountability proposals and their decisions", q_proposals, NULL, NULL, NULL, 0},
	{"actions", "the actions decided, and their status", q_actions, NULL, NULL, NULL, 0},
	{"catalogues", "violation catalogues (YAML documents of their own)", campaign_catalogues_query, NULL,
	 NULL, NULL, 0},
	{"risk-models", "risk models (YAML documents of their own)", campaign_risk_models_query, NULL, NULL,
	 NULL, 0},
	{"risk-grades", "every risk grade given, oldest first", q_grades, NULL, NULL, NULL, 0},
	{"risk-controls", "risk controls (三道防线)", q_controls, NULL, NULL, NULL, 0},
	{"rectification-status", "rectifications with their updates, verification and closing", q_rectifications, NULL,
	 NULL, NULL, 0},
	{"rounds", "self-inspection rounds", q_rounds, NULL, NULL, NULL, 0},
	{"case-leads", "case leads, without their confidential part", q_case_leads, NULL, NULL, NULL, 0},
	{"thresholds", "the warning thresholds", campaign_thresholds_query, NULL, NULL, NULL, 0},
	{"roles", "who may do what", q_roles, NULL, NULL, NULL, 0},
	{"case-leads-confidential", "case leads with their details and reporters (confidential)",
	 q_case_leads_confidential, NULL, NULL, NULL, 1},
	{"risk-confidential", "risk points' confidential notes (confidential)", q_risk_confidential, NULL, NULL, NULL, 1},
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
static int put_table(ex *x, const char *stem, const char *what, table_query query, const char *columns,
                     const char *titles, const char *import)
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
		if (!(rc = buf_puts(&b, CSV_BOM)) && !(rc = csv_put_cursor(&b, c, columns, titles, 1, keep_row, NULL)))
			rc = put_file(x, name, &b, what, keep_state.rows, import);
		campaign_cursor_free(c);
		buf_reset(&b);
		return rc;
	}
	snprintf(path, sizeof path, "%s/%s", x->tmp, name);
	{
		xlsx_book *book;
		if (!(rc = xlsx_book_open(&book, path)))
			rc = xlsx_book_close(book, xlsx_book_sheet(book, c, stem, columns, titles, keep_row));
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
	rc = put_table(x, "register", "the risk register (廉政风险点): points graded by the default model, and the ungraded",
	               q_points, REGISTER_COLUMNS, NULL, "campaign risk register import %s");
	for (int i = 0; i < n && !rc; i++) {
		keep_state.model = models[i];
		keep_state.with_ungraded = 0;
		file_stem(stem, sizeof stem, "register-", models[i]);
		snprintf(what, sizeof what, "the risk register: points graded by the model %s", models[i]);
		snprintf(import, sizeof import, "campaign risk register import %%s --model %s", models[i]);
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
		rc = put_rulesets(x);
	if (!rc)
		rc = put_people(x);
	for (size_t i = 0; !rc && i < sizeof IMPORTED / sizeof IMPORTED[0]; i++) {
		const table_spec *t = &IMPORTED[i];
		rc = put_table(x, t->stem, t->what, t->query, t->columns, t->titles, t->import);
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
