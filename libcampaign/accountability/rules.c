/* Accountability rules as versioned YAML data: each rule has an id, a kind
 * from a documented set with plain parameters, and the action it proposes
 * (docs/accountability.md). Parameters are validated here and stored as a
 * JSON object that the kind's query reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <yaml.h>
#include "accountability/accountability.h"

#define RULES_MAX 100
#define PARAMS_MAX 8

/* Parameter types: 'n' an integer >= 1, 'z' an integer >= 0, 'p' a percent
 * 1..100, 'y' a year, 'd' a date, 'm' a month-day "MM-DD", 't' text, 'g' a
 * unit group of the campaign, 'l' a list of text, 'k' a list of post kinds,
 * 'o' a list of case outcomes, 'b' true/false, 'a' an action, 'q' a query. */
typedef struct param_spec {
	const char *name;
	char type;
	int required;
} param_spec;

typedef struct kind_spec {
	const char *kind;
	const char *action; /* the default action; NULL: the rule must name one */
	param_spec params[PARAMS_MAX];
} kind_spec;

static const kind_spec KINDS[] = {
	{"behaviour_finding", "suspension", {{"catalogue", 't', 0}, {"categories", 'l', 0}, {"since", 'd', 0}}},
	{"evaluation_bottom",
	 "interview",
	 {{"n", 'n', 0},
	  {"percent", 'p', 0},
	  {"group", 'g', 0},
	  {"year", 'y', 0},
	  {"period", 't', 0},
	  {"explanation_days", 'z', 0},
	  {"explanation_due", 'd', 0}}},
	{"rectification_overdue", "leadership_adjustment", {{"more_than", 'z', 1}}},
	{"case_count", "accountability", {{"at_least", 'n', 1}, {"from", 'd', 0}, {"to", 'd', 0}, {"outcomes", 'o', 0}}},
	{"concealment", "strict_accountability", {{"refusal", 'b', 0}, {"grace_days", 'z', 0}}},
	{"lookback",
	 "remedial_work",
	 {{"from", 'd', 1},
	  {"remedial_days", 'n', 0},
	  {"remedial_deadline", 'd', 0},
	  {"outcomes", 'b', 0},
	  {"rectifications", 'b', 0},
	  {"escalation", 'a', 0}}},
	{"tour_missing", "inspection_tour", {{"group", 'g', 0}, {"due", 'm', 0}, {"first_year", 'y', 0}, {"last_year", 'y', 0}}},
	{"key_post_tenure",
	 "rotation",
	 {{"years", 'n', 0}, {"kinds", 'k', 0}, {"defer_near_retirement_years", 'z', 0}, {"defer_in_post_under_years", 'z', 0}}},
	{"sql", NULL, {{"query", 'q', 1}}},
};

const char *const ACC_ACTIONS[] = {"suspension",     "removal",       "interview",       "leadership_adjustment",
                                   "accountability", "strict_accountability", "remedial_work", "inspection_tour",
                                   "rotation",       NULL};
static const char *const LABELS[] = {"停职", "免职", "约谈", "干部调整", "问责", "严格责任追究", "补课", "巡视", "轮岗交流"};

const char *acc_action_label(const char *action)
{
	for (int i = 0; ACC_ACTIONS[i]; i++)
		if (action && !strcmp(action, ACC_ACTIONS[i]))
			return LABELS[i];
	return NULL;
}

static const char *const POST_KINDS[] = {"budget", "projects", "enforcement", "personnel", NULL};
static const char *const OUTCOMES[] = {"filed", "not_filed", "sanctioned", "prosecuted", "cleared", "other", NULL};

typedef struct rule_in {
	const char *id, *kind, *action, *name, *source;
	struct campaign_buf params; /* JSON */
	int line, col;
} rule_in;

typedef struct ruleset_in {
	campaign_db *db;
	stmts c;
	sqlite3_int64 crid;
	ydoc *doc;
	const char *file;
	const char *id, *name, *source;
	rule_in rules[RULES_MAX];
	int n;
} ruleset_in;

static int at(const ruleset_in *in, const yaml_node_t *n, const char *fmt, const char *a, const char *b)
{
	return error_set_at(CAMPAIGN_EINVALID, in->file, ydoc_line(n), ydoc_column(n), fmt, a, b);
}

static const char *scalar_of(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int json_string(struct campaign_buf *b, const char *s)
{
	int rc = buf_puts(b, "\"");
	for (; !rc && *s; s++) {
		if (*s == '"' || *s == '\\')
			rc = buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			rc = buf_printf(b, "\\u%04x", (unsigned char)*s);
		else
			rc = buf_append(b, s, 1);
	}
	return rc ? rc : buf_puts(b, "\"");
}

static const char SQL_GROUP[] = "SELECT rid FROM unit_group WHERE campaign = ?1 AND id = ?2";

/* Validates one scalar parameter value and appends it as JSON. */
static int scalar_param(ruleset_in *in, const rule_in *r, const param_spec *p, yaml_node_t *v, struct campaign_buf *b)
{
	const char *s = scalar_of(v);
	char *end;
	long n;
	if (!s)
		return at(in, v, "rule \"%s\": %s must be a single value", r->id, p->name);
	switch (p->type) {
	case 'n': case 'z': case 'p': case 'y':
		n = strtol(s, &end, 10);
		if (!*s || *end || (p->type == 'n' && n < 1) || (p->type == 'z' && n < 0) ||
		    (p->type == 'p' && (n < 1 || n > 100)) || (p->type == 'y' && (n < 1900 || n > 9999)) || n > 100000)
			return at(in, v,
			          p->type == 'n'   ? "rule \"%s\": %s must be a whole number of at least 1"
			          : p->type == 'z' ? "rule \"%s\": %s must be a whole number of at least 0"
			          : p->type == 'p' ? "rule \"%s\": %s must be a percent from 1 to 100"
			                           : "rule \"%s\": %s must be a year",
			          r->id, p->name);
		return buf_printf(b, "%ld", n);
	case 'd':
		if (!date_valid(s))
			return at(in, v, "rule \"%s\": %s must be a date (YYYY-MM-DD)", r->id, p->name);
		return json_string(b, s);
	case 'm': {
		char full[16];
		snprintf(full, sizeof full, "2000-%s", s);
		if (strlen(s) != 5 || !date_valid(full))
			return at(in, v, "rule \"%s\": %s must be a month and day (MM-DD)", r->id, p->name);
		return json_string(b, s);
	}
	case 'b':
		if (strcmp(s, "true") && strcmp(s, "false"))
			return at(in, v, "rule \"%s\": %s must be true or false", r->id, p->name);
		return buf_puts(b, s);
	case 'a':
		if (!acc_one_of(s, ACC_ACTIONS))
			return at(in, v, "rule \"%s\": %s is not an action (see docs/accountability.md)", r->id, p->name);
		return json_string(b, s);
	case 'g': {
		sqlite3_int64 rid;
		int found, rc = lookup_rid(&in->c, SQL_GROUP, in->crid, s, &rid, &found);
		if (rc)
			return rc;
		if (!found)
			return at(in, v, "rule \"%s\": no unit group with id \"%s\"", r->id, s);
		return json_string(b, s);
	}
	case 'q': {
		char msg[1024];
		int rc = rules_sql_check(in->db, r->id, s);
		if (rc != CAMPAIGN_EINVALID)
			return rc ? rc : json_string(b, s);
		snprintf(msg, sizeof msg, "%s", campaign_error_message());
		return at(in, v, "%s%s", msg, "");
	}
	default:
		return *s ? json_string(b, s) : at(in, v, "rule \"%s\": %s must not be empty", r->id, p->name);
	}
}

/* A list parameter: a sequence of text (or one text, taken as a list of one). */
static int list_param(ruleset_in *in, const rule_in *r, const param_spec *p, yaml_node_t *v, struct campaign_buf *b)
{
	const char *const *allowed = p->type == 'k' ? POST_KINDS : p->type == 'o' ? OUTCOMES : NULL;
	int rc = buf_puts(b, "["), k = 0;
	yaml_node_item_t *it, *end;
	yaml_node_item_t one;
	if (v->type == YAML_SCALAR_NODE) {
		one = 0;
		it = &one, end = &one + 1;
	} else if (v->type == YAML_SEQUENCE_NODE) {
		it = v->data.sequence.items.start, end = v->data.sequence.items.top;
	} else {
		return at(in, v, "rule \"%s\": %s must be a list", r->id, p->name);
	}
	for (; !rc && it < end; it++) {
		yaml_node_t *e = v->type == YAML_SCALAR_NODE ? v : ydoc_node(in->doc, *it);
		const char *s = scalar_of(e);
		if (!s || !*s)
			return at(in, e, "rule \"%s\": %s must be a list of text", r->id, p->name);
		if (allowed && !acc_one_of(s, allowed))
			return at(in, e, p->type == 'k' ? "rule \"%s\": \"%s\" is not a post kind (budget, projects, enforcement, personnel)"
			                                : "rule \"%s\": \"%s\" is not a case outcome",
			          r->id, s);
		if ((rc = k++ ? buf_puts(b, ",") : 0) || (rc = json_string(b, s)))
			return rc;
	}
	return rc ? rc : buf_puts(b, "]");
}

/* Kind-wide checks after every parameter was read. */
static int kind_check(ruleset_in *in, const rule_in *r, yaml_node_t *m, const int *given)
{
	if (!strcmp(r->kind, "evaluation_bottom") && given[0] == given[1])
		return at(in, m, "rule \"%s\": %s", r->id, "an evaluation_bottom rule needs exactly one of n and percent");
	if (!strcmp(r->kind, "lookback") && given[1] && given[2])
		return at(in, m, "rule \"%s\": %s", r->id, "give remedial_days or remedial_deadline, not both");
	if (!strcmp(r->kind, "evaluation_bottom") && given[5] && given[6])
		return at(in, m, "rule \"%s\": %s", r->id, "give explanation_days or explanation_due, not both");
	return CAMPAIGN_OK;
}

static int read_rule(ruleset_in *in, yaml_node_t *m, rule_in *r)
{
	static const char *const common[] = {"id", "kind", "action", "name", "source", NULL};
	const char *cv[5] = {0};
	const kind_spec *k = NULL;
	int given[PARAMS_MAX] = {0}, rc, np = 0;
	if (m->type != YAML_MAPPING_NODE)
		return at(in, m, "a rule must be a mapping%s%s", "", "");
	r->line = ydoc_line(m), r->col = ydoc_column(m);
	/* the common keys first, so that messages can name the rule and kind */
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *key = scalar_of(ydoc_node(in->doc, p->key));
		yaml_node_t *v = ydoc_node(in->doc, p->value);
		for (int i = 0; key && common[i]; i++)
			if (!strcmp(key, common[i])) {
				if (!scalar_of(v) || !*scalar_of(v))
					return at(in, v, "%s must be text%s", key, "");
				cv[i] = scalar_of(v);
			}
	}
	if (!cv[0] || strlen(cv[0]) > 100 || strchr(cv[0], '/'))
		return at(in, m, "a rule needs an id (at most 100 bytes, without '/')%s%s", "", "");
	r->id = cv[0], r->kind = cv[1], r->name = cv[3], r->source = cv[4];
	for (size_t i = 0; cv[1] && i < sizeof KINDS / sizeof KINDS[0]; i++)
		if (!strcmp(KINDS[i].kind, cv[1]))
			k = &KINDS[i];
	if (!k)
		return at(in, m, "rule \"%s\": kind \"%s\" is not one of behaviour_finding, evaluation_bottom, "
		                 "rectification_overdue, case_count, concealment, lookback, tour_missing, key_post_tenure, sql",
		          r->id, cv[1] ? cv[1] : "");
	r->action = cv[2] ? cv[2] : k->action;
	if (!r->action)
		return at(in, m, "rule \"%s\": a %s rule must name its action", r->id, k->kind);
	if (!acc_one_of(r->action, ACC_ACTIONS))
		return at(in, m, "rule \"%s\": action \"%s\" is not one of suspension, removal, interview, "
		                 "leadership_adjustment, accountability, strict_accountability, remedial_work, "
		                 "inspection_tour, rotation",
		          r->id, r->action);
	if ((rc = buf_puts(&r->params, "{")))
		return rc;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = ydoc_node(in->doc, p->key), *v = ydoc_node(in->doc, p->value);
		const char *key = scalar_of(kn);
		int i;
		if (key && acc_one_of(key, common))
			continue;
		for (i = 0; i < PARAMS_MAX && k->params[i].name && (!key || strcmp(key, k->params[i].name)); i++)
			;
		if (i == PARAMS_MAX || !k->params[i].name)
			return at(in, kn, "rule \"%s\": unknown parameter \"%s\"", r->id, key ? key : "?");
		if (given[i]++)
			return at(in, kn, "rule \"%s\": %s given twice", r->id, key);
		if ((rc = buf_printf(&r->params, "%s\"%s\":", np++ ? "," : "", key)) ||
		    (rc = strchr("lko", k->params[i].type) ? list_param(in, r, &k->params[i], v, &r->params)
		                                            : scalar_param(in, r, &k->params[i], v, &r->params)))
			return rc;
	}
	for (int i = 0; i < PARAMS_MAX && k->params[i].name; i++)
		if (k->params[i].required && !given[i])
			return at(in, m, "rule \"%s\": %s is required", r->id, k->params[i].name);
	return (rc = kind_check(in, r, m, given)) ? rc : buf_puts(&r->params, "}");
}

static int read_rules(ruleset_in *in, yaml_node_t *seq)
{
	int rc;
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(in, seq, "rules must be a list%s%s", "", "");
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *m = ydoc_node(in->doc, *it);
		if (in->n == RULES_MAX)
			return at(in, m, "too many rules (at most 100)%s%s", "", "");
		if ((rc = read_rule(in, m, &in->rules[in->n++])))
			return rc;
		for (int j = 0; j < in->n - 1; j++)
			if (!strcmp(in->rules[j].id, in->rules[in->n - 1].id))
				return at(in, m, "duplicate rule id \"%s\"%s", in->rules[j].id, "");
	}
	return in->n ? CAMPAIGN_OK : at(in, seq, "a rule set needs at least one rule%s%s", "", "");
}

static int read_ruleset(ruleset_in *in)
{
	static const char *const top[] = {"format", "ruleset", "rules", NULL};
	static const char *const head[] = {"id", "name", "source", NULL};
	yaml_node_t *nodes[3] = {0};
	const char *hv[3] = {0};
	int rc;
	if ((rc = ydoc_top(in->doc, "a rules file is a mapping with format, ruleset, rules", top, nodes)))
		return rc;
	if (!nodes[1] || nodes[1]->type != YAML_MAPPING_NODE)
		return nodes[1] ? at(in, nodes[1], "ruleset must be a mapping%s%s", "", "")
		                : error_set_at(CAMPAIGN_EINVALID, in->file, 1, 1, "ruleset: is required");
	for (yaml_node_pair_t *p = nodes[1]->data.mapping.pairs.start; p < nodes[1]->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(in->doc, p->key), *v = ydoc_node(in->doc, p->value);
		int i = ydoc_key_index(k, head);
		if (i < 0)
			return at(in, k, "unknown key \"%s\"%s", scalar_of(k) ? scalar_of(k) : "?", "");
		if (!scalar_of(v))
			return at(in, v, "%s must be text%s", head[i], "");
		hv[i] = scalar_of(v);
	}
	if (!hv[0] || !*hv[0] || strchr(hv[0], '/') || strchr(hv[0], '@'))
		return at(in, nodes[1], "ruleset needs an id without '/' or '@'%s%s", "", "");
	if (!hv[1] || !*hv[1])
		return at(in, nodes[1], "ruleset needs a name%s%s", "", "");
	in->id = hv[0], in->name = hv[1], in->source = hv[2];
	if (!nodes[2])
		return error_set_at(CAMPAIGN_EINVALID, in->file, 1, 1, "rules: is required");
	return read_rules(in, nodes[2]);
}

/* SHA-256 over the content, each field length-prefixed. */
static int digest(const ruleset_in *in, char out[65])
{
	struct campaign_buf b = {0};
	const char *head[] = {in->name, in->source};
	int rc = doc_digest_fields(&b, head, 2);
	for (int j = 0; !rc && j < in->n; j++) {
		const rule_in *r = &in->rules[j];
		const char *f[] = {r->id, r->kind, r->action, r->name, r->source, r->params.data};
		rc = doc_digest_fields(&b, f, 6);
	}
	return doc_digest_end(&b, rc, out);
}

static const char SQL_LATEST[] =
	"SELECT version, digest FROM accountability_ruleset WHERE campaign = ?1 AND id = ?2 ORDER BY version DESC LIMIT 1";
static const char SQL_TAKEN[] =
	"SELECT s.id FROM accountability_ruleset s JOIN accountability_rule r ON r.ruleset = s.rid "
	"WHERE s.campaign = ?1 AND s.id <> ?2 AND r.id = ?3 AND s.version = (SELECT max(version) "
	"FROM accountability_ruleset m WHERE m.campaign = s.campaign AND m.id = s.id)";
static const char SQL_SET_INSERT[] =
	"INSERT INTO accountability_ruleset (campaign, id, version, name, source, digest, imported_by, imported_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_RULE_INSERT[] =
	"INSERT INTO accountability_rule (ruleset, id, ord, kind, action, name, source, params) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static int rule_ids_free(ruleset_in *in)
{
	for (int j = 0; j < in->n; j++) {
		sqlite3_stmt *st = stmts_get(&in->c, SQL_TAKEN);
		int taken, rc = CAMPAIGN_OK;
		char other[128] = "";
		if (!st)
			return campaign_error_code_last();
		bind_all(st, "Itt", in->crid, in->id, in->rules[j].id);
		taken = db_step_row(in->c.db, st, "cannot read the rules", &rc);
		if (taken)
			column_copy(st, 0, other, sizeof other);
		sqlite3_reset(st);
		if (rc)
			return rc;
		if (taken)
			return error_set_at(CAMPAIGN_ECONFLICT, in->file, in->rules[j].line, in->rules[j].col,
			                    "rule id \"%s\" is already a rule of rule set \"%s\"", in->rules[j].id, other);
	}
	return CAMPAIGN_OK;
}

static int store_rules(ruleset_in *in, sqlite3_int64 set)
{
	for (int j = 0; j < in->n; j++) {
		const rule_in *r = &in->rules[j];
		sqlite3_stmt *st = stmts_get(&in->c, SQL_RULE_INSERT);
		int rc;
		if (!st)
			return campaign_error_code_last();
		bind_all(st, "Itittoot", set, r->id, j + 1, r->kind, r->action, r->name, r->source, r->params.data);
		if ((rc = db_step_done(in->db, st, "cannot store a rule")))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* Writes a new version (or nothing when unchanged); returns the version. */
static int store_ruleset(ruleset_in *in, const char *actor, int *version)
{
	sqlite3_stmt *st = stmts_get(&in->c, SQL_LATEST);
	char hash[65];
	int rc;
	if (!st || (rc = digest(in, hash)))
		return st ? rc : campaign_error_code_last();
	if ((rc = doc_version_latest(st, in->crid, in->id, hash, version)))
		return rc < 0 ? rc : CAMPAIGN_OK;
	if ((rc = rule_ids_free(in)) || !(st = stmts_get(&in->c, SQL_SET_INSERT)))
		return rc ? rc : campaign_error_code_last();
	++*version;
	bind_all(st, "Ititot", in->crid, in->id, *version, in->name, in->source, hash);
	if ((rc = acc_step_recorded(in->db, st, 7, actor, "cannot store the rule set")))
		return rc;
	return store_rules(in, sqlite3_last_insert_rowid(in->db->sql));
}

/* Before the transaction: the state; the rules are read against the store, inside it. */
static int ruleset_read(void *in, ydoc *doc, const char *file, campaign_db *db)
{
	*(ruleset_in *)in = (ruleset_in){.db = db, .c = {db, 0, {{0}}}, .doc = doc, .file = file};
	return CAMPAIGN_OK;
}

/* The transaction's part of an import: read the rules against the store, store them. */
static int ruleset_store(write_op *op, void *ctx, int *version)
{
	ruleset_in *in = ctx;
	int rc;
	in->crid = op->crid;
	if (!(rc = read_ruleset(in)))
		rc = store_ruleset(in, op->actor, version);
	stmts_free(&in->c);
	return rc;
}

static void ruleset_end(void *ctx)
{
	ruleset_in *in = ctx;
	for (int j = 0; j < RULES_MAX; j++)
		buf_reset(&in->rules[j].params);
}

static const doc_version_schema RULESET_DOC = {
	.operation = "rules.import", .size = sizeof(ruleset_in), .id_at = offsetof(ruleset_in, id),
	.read = ruleset_read, .store = ruleset_store, .end = ruleset_end};

DOC_VERSION_IMPORT_FUNCTIONS(campaign_rules_import, RULESET_DOC)

static const char SQL_RULES_IN_FORCE[] =
	"SELECT s.id AS ruleset, s.version, r.id, r.kind, r.action, " ACC_ACTION_LABEL("r.action")
	" AS action_label, r.name, r.source, r.params FROM accountability_ruleset s "
	"JOIN accountability_rule r ON r.ruleset = s.rid WHERE s.campaign = ?1 AND s.retired_at IS NULL AND s.version = "
	"(SELECT max(version) FROM accountability_ruleset m WHERE m.campaign = s.campaign AND m.id = s.id) "
	"ORDER BY s.id, r.ord";

int campaign_rules_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return query_run(out, db, campaign, SQL_RULES_IN_FORCE, "titttt" "ttt", "");
}
