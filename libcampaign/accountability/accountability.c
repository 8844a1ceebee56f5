/* Evaluation of the accountability rules in force as of a date, the
 * proposals it stores, and decisions on them. Each rule runs one query
 * (its kind's, or a `sql` rule's own, under the read-only authorizer); the
 * candidates are inserted unless a proposal with the same (rule, key)
 * exists already, whatever became of it. A kind's candidates are inserted
 * as its query returns them (memory does not follow their number); those
 * of a query that reads the proposals themselves (the look-back's
 * escalation) and of a `sql` rule (read under the authorizer, checked
 * before any is stored) are collected first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "accountability/accountability.h"

/* A bound on the candidates of one rule that are held in memory until they
 * are inserted (see above): a rule over ten million is a mistake in the rule. */
#define CANDIDATES_MAX 10000000

typedef struct candidate {
	sqlite3_int64 unit;
	char *person, *key, *evidence, *reason, *due_on, *ref, *parent;
} candidate;

typedef struct candidates {
	candidate *v;
	size_t n, cap;
} candidates;

static void candidates_clear(candidates *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		candidate *c = &cs->v[i];
		free(c->person), free(c->key), free(c->evidence), free(c->reason), free(c->due_on), free(c->ref),
			free(c->parent);
	}
	cs->n = 0;
}

/* *@out: a copy of column @i, NULL for none (@i < 0) or SQL NULL; a copy
 * that cannot be made is ENOMEM, never a NULL that reads as "none". */
static int column_dup(sqlite3_stmt *st, int i, char **out)
{
	const char *v;
	*out = NULL;
	if (i < 0 || sqlite3_column_type(st, i) == SQLITE_NULL)
		return CAMPAIGN_OK;
	if (!(v = (const char *)sqlite3_column_text(st, i)) || !(*out = str_dup(v)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return CAMPAIGN_OK;
}

/* Appends the current row; @col maps unit, person, key, evidence, reason,
 * due_on, ref, parent to columns (-1: none). The unit is a rid, or for a
 * `sql` rule (unit_is_id) a text id resolved by the caller. */
static int candidate_add(candidates *cs, sqlite3_stmt *st, const int col[8], char **unit_id)
{
	candidate *c;
	int rc;
	if (cs->n == CANDIDATES_MAX)
		return error_set(CAMPAIGN_EINVALID, "a rule may propose at most %d things at once", CANDIDATES_MAX);
	if (cs->n == cs->cap) {
		size_t cap = cs->cap ? cs->cap * 2 : 64;
		candidate *v = realloc(cs->v, cap * sizeof *v);
		if (!v)
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		cs->v = v, cs->cap = cap;
	}
	c = &cs->v[cs->n++];
	memset(c, 0, sizeof *c);
	if (!unit_id)
		c->unit = sqlite3_column_int64(st, col[0]);
	/* the candidate is counted already: candidates_reset() frees what was copied */
	if ((unit_id && (rc = column_dup(st, col[0], unit_id))) || (rc = column_dup(st, col[1], &c->person)) ||
	    (rc = column_dup(st, col[2], &c->key)) || (rc = column_dup(st, col[3], &c->evidence)) ||
	    (rc = column_dup(st, col[4], &c->reason)) || (rc = column_dup(st, col[5], &c->due_on)) ||
	    (rc = column_dup(st, col[6], &c->ref)) || (rc = column_dup(st, col[7], &c->parent)))
		return rc;
	return CAMPAIGN_OK;
}

/* What a rule proposes under: the rule, its action and the evaluation's
 * date, actor and time (one for all its proposals); added counts the
 * proposals stored. */
typedef struct proposing {
	const rule_row *r;
	const char *as_of, *action, *actor;
	int *added;
	char now[21];
} proposing;

static const char SQL_PROPOSE[] =
	"INSERT INTO accountability_proposal (id, campaign, rule, ruleset, version, rule_ord, kind, action, key, unit, "
	"person, evidence, ref, parent, reason, due_on, as_of, proposed_by, proposed_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) "
	"ON CONFLICT (campaign, rule, key) DO NOTHING";

/* Inserts the candidates @cs under @p. */
static int propose(stmts *s, sqlite3_int64 crid, const proposing *p, const candidates *cs)
{
	const rule_row *r = p->r;
	for (size_t i = 0; i < cs->n; i++) {
		const candidate *c = &cs->v[i];
		sqlite3_stmt *st = stmts_get(s, SQL_PROPOSE);
		char id[37];
		int rc;
		if (!st)
			return campaign_error_code_last();
		db_new_id(id);
		bind_all(st, "tIttiitt" "tro" "toot" "ottt", id, crid, r->id, r->ruleset, r->version, r->ord, r->kind, p->action,
		         c->key, c->unit, c->person, c->evidence, c->ref, c->parent, c->reason, c->due_on, p->as_of, p->actor, p->now);
		if ((rc = db_step_done(s->db, st, "cannot store a proposal")))
			return rc;
		*p->added += sqlite3_changes(s->db->sql);
	}
	return CAMPAIGN_OK;
}

/* Runs a built-in kind's query; each candidate is proposed at once unless
 * the query reads the proposals (then into @cs, proposed by the caller:
 * rows inserted into a table a running statement reads are undefined). */
static int run_kind(stmts *s, sqlite3_int64 crid, const proposing *p, const rule_kind *k, candidates *cs)
{
	static const int col[8] = {0, 1, 2, 3, 4, 5, 6, 7};
	sqlite3_stmt *st = stmts_get(s, k->sql);
	int rc = CAMPAIGN_OK, step, stream = !strstr(k->sql, "accountability_proposal");
	if (!st)
		return campaign_error_code_last();
	bind_all(st, "Itttt", crid, p->as_of, p->r->params, p->r->id, p->action);
	while (!rc && (step = stmt_step(st)) == SQLITE_ROW) {
		rc = candidate_add(cs, st, col, NULL);
		if (!rc && stream) {
			rc = propose(s, crid, p, cs);
			candidates_clear(cs);
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = error_from_sqlite(s->db->sql, step, "rule query failed");
	sqlite3_reset(st);
	return rc;
}

/* A `sql` rule: its rows are read under the authorizer, then checked. */
static int run_sql(stmts *s, sqlite3_int64 crid, const char *campaign_id, const char *as_of, const rule_row *r,
                   candidates *cs)
{
	static const char *const names[8] = {"unit", "person", "key", "evidence", "reason", "due_on", NULL, NULL};
	sql_guard g = {.db = s->db};
	sqlite3_stmt *st;
	char *query = NULL, **units = NULL;
	size_t first = cs->n, bytes = 0;
	int rc, step, col[8];
	{
		sqlite3_stmt *q = stmts_get(s, "SELECT json_extract(?1, '$.query')");
		if (!q)
			return campaign_error_code_last();
		bind_copy(q, 1, r->params, -1);
		rc = CAMPAIGN_OK;
		if (db_step_row(s->db, q, "cannot read the rule", &rc))
			rc = column_dup(q, 0, &query);
		sqlite3_reset(q);
		if (rc)
			return rc;
	}
	if (!query)
		return error_set(CAMPAIGN_EINVALID, "rule \"%s\": no query", r->id);
	rc = rules_sql_prepare(&g, r->id, query, &st);
	free(query);
	if (rc)
		return rc;
	for (int i = 0; i < 8; i++) {
		col[i] = -1;
		for (int j = 0; names[i] && j < sqlite3_column_count(st); j++)
			if (!strcmp(sqlite3_column_name(st, j), names[i]))
				col[i] = j;
	}
	if (sqlite3_bind_parameter_index(st, ":as_of"))
		bind_copy(st, sqlite3_bind_parameter_index(st, ":as_of"), as_of, -1);
	if (sqlite3_bind_parameter_index(st, ":campaign"))
		bind_copy(st, sqlite3_bind_parameter_index(st, ":campaign"), campaign_id, -1);
	while (!rc && (step = stmt_step(st)) == SQLITE_ROW) {
		char **grown = realloc(units, (cs->n - first + 1) * sizeof *units);
		if (!grown) {
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
			break;
		}
		units = grown;
		units[cs->n - first] = NULL;
		for (int i = 0; i < 8; i++)
			bytes += col[i] >= 0 ? (size_t)sqlite3_column_bytes(st, col[i]) : 0;
		if (!(rc = rules_sql_rows_check(r->id, cs->n - first + 1, bytes)))
			rc = candidate_add(cs, st, col, &units[cs->n - first]);
	}
	if (!rc && step != SQLITE_DONE)
		rc = rules_sql_failed(&g, r->id, step);
	sqlite3_finalize(st);
	rules_sql_end(&g);
	/* now outside the authorizer: resolve units, check people and fields */
	for (size_t i = first; !rc && i < cs->n; i++) {
		candidate *c = &cs->v[i];
		char why[512] = ""; /* copied: the message is the buffer error_set() rewrites */
		int found = units[i - first] ? unit_rid(s, crid, units[i - first], &c->unit) : CAMPAIGN_OK;
		if (found && found != CAMPAIGN_ENOTFOUND && found != CAMPAIGN_EINVALID)
			rc = found; /* out of memory, a busy or damaged store: not the rule's fault */
		else if (found)
			snprintf(why, sizeof why, "%s", campaign_error_message());
		if (rc)
			break;
		/* a person the rule names must exist; out of memory or a busy store is not the rule's fault */
		if (!*why && c->person && (found = person_check(s, crid, c->person)) && found != CAMPAIGN_ENOTFOUND) {
			rc = found;
			break;
		}
		if (*why)
			rc = error_set(CAMPAIGN_EINVALID, "rule \"%s\": row %zu: %s", r->id, i - first + 1, why);
		else if (c->person && found)
			rc = error_set(CAMPAIGN_EINVALID, "rule \"%s\": row %zu: no person with id \"%s\"", r->id, i - first + 1,
			               c->person);
		else if (!c->evidence || !*c->evidence || !c->reason || !*c->reason)
			rc = error_set(CAMPAIGN_EINVALID, "rule \"%s\": row %zu: evidence and reason are required", r->id,
			               i - first + 1);
		else if (c->due_on && !date_valid(c->due_on))
			rc = error_set(CAMPAIGN_EINVALID, "rule \"%s\": row %zu: due_on \"%s\" is not a date", r->id,
			               i - first + 1, c->due_on);
		else if (!c->key && !(c->key = str_dup(c->evidence)))
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	for (size_t i = first; units && i < cs->n; i++)
		free(units[i - first]);
	free(units);
	return rc;
}

static const rule_kind *const KINDS[] = {&ACC_KIND_BEHAVIOUR, &ACC_KIND_EVALUATION, &ACC_KIND_RECTIFICATION,
                                         &ACC_KIND_CASES,     &ACC_KIND_CONCEALMENT, &ACC_KIND_LOOKBACK,
                                         &ACC_KIND_TOUR,      &ACC_KIND_TENURE,      NULL};

/* Applies one rule: its kind's query (for a look-back, both steps). */
static int apply(stmts *s, sqlite3_int64 crid, const char *campaign_id, const char *as_of, const rule_row *r,
                 const char *escalation, const char *actor, int *added)
{
	candidates cs = {0};
	proposing p = {r, as_of, r->action, actor, added, ""};
	int rc = CAMPAIGN_OK, k;
	db_now(p.now);
	if (!strcmp(r->kind, "sql")) {
		if (!(rc = run_sql(s, crid, campaign_id, as_of, r, &cs)))
			rc = propose(s, crid, &p, &cs);
	} else {
		for (k = 0; KINDS[k] && strcmp(KINDS[k]->kind, r->kind); k++)
			;
		if (!KINDS[k])
			rc = error_set(CAMPAIGN_ERROR, "internal: rule \"%s\" has an unknown kind \"%s\"", r->id, r->kind);
		else if (!(rc = run_kind(s, crid, &p, KINDS[k], &cs)))
			rc = propose(s, crid, &p, &cs);
	}
	candidates_clear(&cs);
	p.action = escalation;
	if (!rc && !strcmp(r->kind, "lookback") && !(rc = run_kind(s, crid, &p, &ACC_KIND_LOOKBACK_ESCALATION, &cs)))
		rc = propose(s, crid, &p, &cs);
	candidates_clear(&cs);
	free(cs.v);
	return rc;
}

static const char SQL_RULES[] =
	"SELECT s.id, s.version, r.id, r.ord, r.kind, r.action, r.params, "
	"coalesce(json_extract(r.params, '$.escalation'), 'accountability'), c.id "
	"FROM accountability_ruleset s JOIN accountability_rule r ON r.ruleset = s.rid JOIN campaign c ON c.rid = s.campaign "
	"WHERE s.campaign = ?1 AND s.retired_at IS NULL AND s.version = (SELECT max(version) FROM accountability_ruleset m "
	"WHERE m.campaign = s.campaign AND m.id = s.id) ORDER BY s.id, r.ord";

/* Reads the rules in force, then applies each in order. */
static int evaluate(stmts *s, sqlite3_int64 crid, const char *as_of, const char *actor, int *added)
{
	sqlite3_stmt *st = stmts_get(s, SQL_RULES);
	rule_row *rules = NULL;
	char (*esc)[32] = NULL, campaign_id[256] = "";
	size_t n = 0;
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	while (!rc && db_step_row(s->db, st, "cannot read the rules", &rc)) {
		rule_row *grown = realloc(rules, (n + 1) * sizeof *rules);
		char (*esc2)[32] = realloc(esc, (n + 1) * sizeof *esc);
		if (grown)
			rules = grown;
		if (esc2)
			esc = esc2;
		if (!grown || !esc2) {
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
			break;
		}
		memset(&rules[n], 0, sizeof rules[n]);
		column_copy(st, 0, rules[n].ruleset, sizeof rules[n].ruleset);
		rules[n].version = sqlite3_column_int(st, 1);
		column_copy(st, 2, rules[n].id, sizeof rules[n].id);
		rules[n].ord = sqlite3_column_int(st, 3);
		column_copy(st, 4, rules[n].kind, sizeof rules[n].kind);
		column_copy(st, 5, rules[n].action, sizeof rules[n].action);
		column_copy(st, 7, esc[n], sizeof esc[n]);
		column_copy(st, 8, campaign_id, sizeof campaign_id);
		rc = column_dup(st, 6, &rules[n++].params);
	}
	sqlite3_reset(st);
	for (size_t i = 0; !rc && i < n; i++)
		rc = apply(s, crid, campaign_id, as_of, &rules[i], esc[i], actor, added);
	for (size_t i = 0; i < n; i++)
		free(rules[i].params);
	free(rules);
	free(esc);
	return rc;
}

static int evaluate_check(void *ctx)
{
	return need_date(((write_count *)ctx)->in, "as_of");
}

static int evaluate_body(write_op *op, void *ctx)
{
	write_count *w = ctx;
	int rc = evaluate(&op->st, op->crid, w->in, op->actor, &w->n);
	snprintf(w->detail, sizeof w->detail, "as of %s: %d new proposals", (const char *)w->in, w->n);
	return rc;
}

int campaign_accountability_evaluate(campaign_db *db, const char *campaign, const char *as_of, const char *actor)
{
	write_count w = {as_of, 0, ""};
	write_op op = {.name = "accountability.evaluate", .actor = actor, .campaign = campaign, .detail = w.detail,
	               .access = ACCESS_PLAN, .check = evaluate_check, .body = evaluate_body};
	return db_write_count(db, &op, &w);
}

/* ---- proposals ---- */

static const char SQL_PROPOSALS[] =
	"SELECT p.id, p.rule, p.ruleset, p.version, p.kind, p.action, " ACC_ACTION_LABEL("p.action")
	" AS action_label, u.id AS unit, u.name AS unit_name, p.person, pe.name AS person_name, p.key, "
	"p.evidence, p.reason, p.due_on, p.as_of, p.status, p.decided_by, p.decided_on, p.decision_note, "
	"a.id AS action_id, p.parent FROM accountability_proposal p LEFT JOIN unit u ON u.rid = p.unit "
	"LEFT JOIN person pe ON pe.id = p.person LEFT JOIN accountability_action a ON a.proposal = p.id "
	"WHERE p.campaign = ?1 AND (?2 IS NULL OR p.status = ?2) AND " UNITS_IN_OPT("u.rid", "?3") " "
	"ORDER BY p.as_of, p.ruleset, p.rule_ord, u.ord, p.key";

int campaign_proposals_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *status,
                             const char *unit)
{
	return query_run(out, db, campaign, SQL_PROPOSALS, "tttittt" "tttttt" "tddttdttt", "tu", status, unit);
}

static const char SQL_PROPOSAL[] =
	"SELECT status, action, unit, person, due_on, decided_by, decided_on FROM accountability_proposal "
	"WHERE campaign = ?1 AND id = ?2";
static const char SQL_DECIDE[] =
	"UPDATE accountability_proposal SET status = ?2, decided_by = ?3, decided_on = ?4, decision_note = ?5 WHERE id = ?1";
static const char SQL_ACTION_ADD[] =
	"INSERT INTO accountability_action (id, campaign, proposal, action, unit, person, due_on, decided_on, note, "
	"recorded_by, recorded_at, due_text) SELECT ?1, campaign, id, coalesce(?2, action), unit, person, coalesce(?3, due_on), ?4, "
	"?5, ?6, ?7, ?9 FROM accountability_proposal WHERE id = ?8";

/* @due_on is the changed due date's day, @due_text as it was written (NULL: unchanged). */
static int decide(stmts *s, sqlite3_int64 crid, const char *proposal, const char *decision, const char *action,
                  const char *due_on, const char *due_text, const char *note, const char *date, const char *actor)
{
	static const char *const STATUS[][2] = {{"accept", "accepted"}, {"reject", "rejected"}, {"modify", "modified"}};
	sqlite3_stmt *st = stmts_get(s, SQL_PROPOSAL);
	char status[16] = "", by[128] = "", on[16] = "", id[37];
	const char *to = NULL;
	int rc = CAMPAIGN_OK;
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(decision, STATUS[i][0]))
			to = STATUS[i][1];
	if (!st)
		return campaign_error_code_last();
	bind_all(st, "It", crid, proposal);
	if (db_step_row(s->db, st, "cannot read the proposal", &rc)) {
		column_copy(st, 0, status, sizeof status);
		column_copy(st, 5, by, sizeof by);
		column_copy(st, 6, on, sizeof on);
	}
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!*status)
		return error_set(CAMPAIGN_ENOTFOUND, "no proposal with id \"%s\"", proposal);
	if (strcmp(status, "pending"))
		return error_set(CAMPAIGN_ECONFLICT, "proposal %s was %s by %s on %s", proposal, status, by, on);
	if (!(st = stmts_get(s, SQL_DECIDE)))
		return campaign_error_code_last();
	bind_all(st, "tttto", proposal, to, actor, date, note);
	if ((rc = db_step_done(s->db, st, "cannot record the decision")) || !strcmp(decision, "reject"))
		return rc;
	if (!(st = acc_insert_new(s, SQL_ACTION_ADD, id)))
		return campaign_error_code_last();
	/* ?6 and ?7 are the recorded pair; ?9 the due date as written, when it is not the date itself */
	bind_all(st, "tooto" "tt" "tt", id, action, due_on, date, note, NULL, NULL, proposal,
	         due_text && strcmp(due_text, due_on) ? due_text : NULL);
	return acc_step_recorded(s->db, st, 6, actor, "cannot record the action");
}

static int decision_check(const char *decision, const char *action, const char *due_on, const char *note)
{
	if (!decision || (strcmp(decision, "accept") && strcmp(decision, "reject") && strcmp(decision, "modify")))
		return error_set(CAMPAIGN_EINVALID, "decision \"%s\" is not one of accept, reject, modify",
		                 decision ? decision : "");
	if (!strcmp(decision, "reject") && (!note || !*note))
		return error_set(CAMPAIGN_EINVALID, "a rejection needs a note giving the reason");
	if (strcmp(decision, "modify") && ((action && *action) || (due_on && *due_on)))
		return error_set(CAMPAIGN_EINVALID, "only a \"modify\" decision changes the action or the due date");
	if (!strcmp(decision, "modify") && (!action || !*action) && (!due_on || !*due_on))
		return error_set(CAMPAIGN_EINVALID, "a \"modify\" decision names another action or due date");
	if (action && *action && !acc_one_of(action, ACC_ACTIONS))
		return error_set(CAMPAIGN_EINVALID, "action \"%s\" is not one of suspension, removal, interview, "
		                 "leadership_adjustment, accountability, strict_accountability, remedial_work, "
		                 "inspection_tour, rotation", action);
	return CAMPAIGN_OK; /* a due date is read in the body, in the campaign's deadline language */
}

static int decide_check(void *ctx)
{
	const campaign_proposal_decide_options *o = ctx;
	int rc = decision_check(o->decision, o->action, o->due_on, o->note);
	return rc ? rc : need_date(o->date, "date");
}

static int decide_body(write_op *op, void *ctx)
{
	const campaign_proposal_decide_options *o = ctx;
	const char *due = o->due_on && *o->due_on ? o->due_on : NULL;
	char day[11];
	int rc;
	if ((rc = date_in_campaign(op->db, op->crid, "date", o->date)) ||
	    (due && (rc = deadline_day(op->db, op->crid, "due_on", due, 0, 0, day))))
		return rc;
	return decide(&op->st, op->crid, o->proposal, o->decision, o->action && *o->action ? o->action : NULL,
	              due ? day : NULL, due, o->note, o->date, op->actor);
}

static const write_text PROPOSAL_DECIDE_TEXTS[] = WRITE_TEXTS(campaign_proposal_decide_options);

OPTIONS_WRITE_FN(proposal_decide, CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, proposal, decision,
                 .texts = PROPOSAL_DECIDE_TEXTS, .name = "proposal.decide", .object_needed = "proposal",
                 .access = ACCESS_PLAN, .check = decide_check, .body = decide_body)
