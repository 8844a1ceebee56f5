/* The rectification ledger (整改台账): the five fixes of each finding, their
 * status as history, verification (验收) and closing (销号). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inspection/inspection.h"

static const char *const STATUSES[] = {"not_started", "in_progress", "done", "ongoing", NULL};
static const char *const LABELS[] = {"未整改", "整改中", "已整改", "持续整改", NULL};

#define STATUS_LABEL(S)                                                                                          \
	"CASE " S " WHEN 'not_started' THEN '未整改' WHEN 'in_progress' THEN '整改中' WHEN 'done' THEN '已整改' " \
	"ELSE '持续整改' END"

static const char *status_label(const char *status)
{
	for (int k = 0; STATUSES[k]; k++)
		if (!strcmp(STATUSES[k], status))
			return LABELS[k];
	return status;
}

static int status_check(const char *status)
{
	return one_of(status, STATUSES, "status", "not_started, in_progress, done, ongoing");
}

/* ---- adding ---- */

static const char SQL_FINDING_OF[] = "SELECT unit, description FROM finding WHERE campaign = ?1 AND id = ?2";
static const char SQL_RECT_EXISTS[] = "SELECT 1 FROM rectification WHERE id = ?1";
static const char SQL_RECT_INSERT[] =
	"INSERT INTO rectification (id, campaign, finding, unit, problem, measure, deadline, responsible, criterion, status, "
	"recorded_by, recorded_at, deadline_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'not_started', ?10, ?11, ?12)";

int rect_check(const rect_in *r)
{
	int rc;
	if ((rc = need(r->finding, "finding")) || (rc = need(r->measure, "measure")) ||
	    (rc = need(r->deadline, "deadline")) || (rc = need(r->responsible, "responsible")) ||
	    (rc = need(r->criterion, "criterion")))
		return rc;
	if (r->id && (!*r->id || strlen(r->id) > 64))
		return error_set(CAMPAIGN_EINVALID, "rectification id \"%s\" must be 1 to 64 bytes", r->id);
	return CAMPAIGN_OK;
}

int rect_insert(stmts *c, sqlite3_int64 crid, const rect_in *r, const char *actor, char id[72])
{
	sqlite3_int64 unit = 0;
	char *desc = NULL, now[21];
	int rc, found;
	sqlite3_stmt *st = row_first(c, SQL_FINDING_OF, crid, r->finding, &found);
	if (!st)
		return campaign_error_code_last();
	if (found) {
		unit = sqlite3_column_int64(st, 0);
		desc = str_dup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (!unit)
		return error_set(CAMPAIGN_ENOTFOUND, "no finding with id \"%s\"", r->finding);
	if ((rc = access_check(c->db, actor, ACCESS_UNIT, unit, "rectification.add")))
		goto done;
	if ((rc = insp_new_id(c, SQL_RECT_EXISTS, "rectification", r->id, id, 72)))
		goto done;
	db_now(now);
	/* ?12: the deadline as written, when it is not the day itself */
	rc = stmt_run(c, c->db, SQL_RECT_INSERT, "cannot add the rectification", "tItIttttttt" "t", id, crid, r->finding, unit,
	              r->problem && *r->problem ? r->problem : desc, r->measure, r->day, r->responsible, r->criterion, actor,
	              now, strcmp(r->deadline, r->day) ? r->deadline : NULL);
done:
	free(desc);
	return rc;
}

static rect_in rect_of(const campaign_rectification_add_options *o)
{
	return (rect_in){o->id, o->finding, o->problem, o->measure, o->deadline, o->responsible, o->criterion, NULL};
}

static int add_check(void *ctx)
{
	rect_in r;
	int rc = options_check(ctx, CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION, "campaign_rectification_add_options");
	if (rc)
		return rc;
	r = rect_of(ctx);
	return rect_check(&r);
}

static int add_body(write_op *op, void *ctx)
{
	rect_in r = rect_of(ctx);
	char day[11];
	int rc = deadline_day(op->db, op->crid, "deadline", r.deadline, 0, 0, day);
	r.day = day;
	if (rc || (rc = rect_insert(&op->st, op->crid, &r, op->actor, op->id)))
		return rc;
	op->object = op->id; /* the entry names the new rectification; a refusal, the finding */
	return write_result(op, op->id);
}

OPTIONS_INIT_FN(rectification_add, CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION)

static const write_text RECTIFICATION_ADD_TEXTS[] = WRITE_TEXTS(campaign_rectification_add_options);

int campaign_rectification_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                               const campaign_rectification_add_options *o, const char *actor)
{
	write_op op = {.texts = RECTIFICATION_ADD_TEXTS, .text_of = o,
	               .name = "rectification.add", .actor = actor, .campaign = campaign, .object = INSP_OPT(o, finding),
	               .detail = INSP_OPT(o, finding), .access = WRITE_ANY, .check = add_check, .body = add_body};
	return db_write(db, &op, (void *)o, out_id);
}

/* ---- the state of one rectification ---- */

typedef struct rect_state {
	sqlite3_int64 unit;
	char status[16], verification[8], verified_on[11], closed_on[11], last_update[11];
} rect_state;

static const char SQL_STATE[] =
	"SELECT r.unit, r.status, r.verification, r.verified_on, r.closed_on, "
	"(SELECT max(updated_on) FROM rectification_update x WHERE x.rectification = r.id) "
	"FROM rectification r WHERE r.campaign = ?1 AND r.id = ?2";

/* Reads the state, and refuses a closed rectification. */
static int rect_state_get(stmts *c, sqlite3_int64 crid, const char *id, rect_state *s)
{
	int rc = row_copy(c, SQL_STATE, crid, id, "rectification", "Ittttt", &s->unit, s->status, sizeof s->status,
	                  s->verification, sizeof s->verification, s->verified_on, sizeof s->verified_on, s->closed_on,
	                  sizeof s->closed_on, s->last_update, sizeof s->last_update);
	if (rc)
		return rc;
	if (*s->closed_on)
		return error_set(CAMPAIGN_ECONFLICT, "rectification \"%s\" was closed on %s and cannot change", id, s->closed_on);
	return CAMPAIGN_OK;
}

static int not_before(const char *date, const char *earlier, const char *what)
{
	if (*earlier && strcmp(date, earlier) < 0)
		return error_set(CAMPAIGN_EINVALID, "date %s is before %s (%s)", date, what, earlier);
	return CAMPAIGN_OK;
}

static const char SQL_UPDATE_INSERT[] =
	"INSERT INTO rectification_update (id, rectification, status, updated_on, note, actor, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_STATUS_SET[] =
	"UPDATE rectification SET status = ?2, verification = CASE WHEN ?2 = 'done' THEN verification END, "
	"verified_by = CASE WHEN ?2 = 'done' THEN verified_by END, verified_on = CASE WHEN ?2 = 'done' THEN verified_on END, "
	"verification_note = CASE WHEN ?2 = 'done' THEN verification_note END WHERE id = ?1";

/* Appends a status to the history and makes it current. */
static int status_write(stmts *c, const char *rect, const char *status, const char *date, const char *note,
                        const char *actor)
{
	char id[37], now[21];
	int rc;
	db_new_id(id);
	db_now(now);
	if ((rc = stmt_run(c, c->db, SQL_UPDATE_INSERT, "cannot record the update", "ttttott", id, rect, status, date,
	                   note, actor, now)))
		return rc;
	return stmt_run(c, c->db, SQL_STATUS_SET, "cannot update the rectification", "tt", rect, status);
}

static int update_check(void *ctx)
{
	const campaign_rectification_update_options *a = ctx;
	int rc = status_check(a->status);
	return rc ? rc : need_date(a->date, "date");
}

static int update_body(write_op *op, void *ctx)
{
	const campaign_rectification_update_options *a = ctx;
	rect_state s;
	int rc;
	if ((rc = rect_state_get(&op->st, op->crid, a->rectification, &s)) ||
	    (rc = access_check(op->db, op->actor, ACCESS_UNIT, s.unit, op->name)) ||
	    (rc = date_in_campaign(op->db, op->crid, "date", a->date)) ||
	    (rc = not_before(a->date, s.last_update, "its last update")))
		return rc;
	return status_write(&op->st, a->rectification, a->status, a->date, a->note, op->actor);
}

static const write_text RECTIFICATION_UPDATE_TEXTS[] = WRITE_TEXTS(campaign_rectification_update_options);

OPTIONS_WRITE_FN(rectification_update, CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION, rectification, status,
                 .texts = RECTIFICATION_UPDATE_TEXTS, .name = "rectification.update", .object_needed = "rectification",
                 .access = WRITE_ANY, .check = update_check, .body = update_body)

/* ---- verification and closing ---- */

static const char SQL_VERIFY[] =
	"UPDATE rectification SET verification = ?2, verified_by = ?3, verified_on = ?4, verification_note = ?5 WHERE id = ?1";

static int verify_check(void *ctx)
{
	const campaign_rectification_verify_options *a = ctx;
	int rc;
	if ((rc = need(a->result, "result")) || (rc = need_date(a->date, "date")))
		return rc;
	if (strcmp(a->result, "passed") && strcmp(a->result, "failed"))
		return error_set(CAMPAIGN_EINVALID, "result \"%s\" is not passed or failed", a->result);
	return CAMPAIGN_OK;
}

static int verify_body(write_op *op, void *ctx)
{
	const campaign_rectification_verify_options *a = ctx;
	const char *rect = a->rectification;
	const int passed = !strcmp(a->result, "passed");
	rect_state s;
	int rc;
	if ((rc = rect_state_get(&op->st, op->crid, rect, &s)) || (rc = date_in_campaign(op->db, op->crid, "date", a->date)))
		return rc;
	if (strcmp(s.status, "done"))
		return error_set(CAMPAIGN_ECONFLICT, "rectification \"%s\" is %s, not 已整改: only a done rectification can be verified",
		                 rect, status_label(s.status));
	if ((rc = not_before(a->date, s.last_update, "its last update")))
		return rc;
	if (!passed && (rc = status_write(&op->st, rect, "in_progress", a->date, a->note ? a->note : "验收未通过", op->actor)))
		return rc;
	return stmt_run(&op->st, op->db, SQL_VERIFY, "cannot record the verification", "tttto", rect,
	                passed ? "passed" : "failed", a->verifier && *a->verifier ? a->verifier : op->actor, a->date,
	                a->note);
}

OPTIONS_WRITE_FN(rectification_verify, CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_VERSION, rectification, result,
                 .name = "rectification.verify", .object_needed = "rectification",
                 .access = ACCESS_PLAN, .check = verify_check, .body = verify_body)

static const char SQL_CLOSE[] = "UPDATE rectification SET closed_by = ?2, closed_on = ?3 WHERE id = ?1";

static int close_body(write_op *op, void *ctx)
{
	const write_named *a = ctx;
	rect_state s;
	int rc;
	if ((rc = rect_state_get(&op->st, op->crid, a->object, &s)) ||
	    (rc = date_in_campaign(op->db, op->crid, "date", a->detail)))
		return rc;
	if (strcmp(s.verification, "passed"))
		return error_set(CAMPAIGN_ECONFLICT, "rectification \"%s\" cannot be closed before it passes verification",
		                 a->object);
	if ((rc = not_before(a->detail, s.verified_on, "its verification")))
		return rc;
	return stmt_run(&op->st, op->db, SQL_CLOSE, "cannot close the rectification", "ttt", a->object, op->actor,
	                a->detail);
}

int campaign_rectification_close(campaign_db *db, const char *campaign, const char *rectification, const char *date,
                                 const char *actor)
{
	write_op op = {.name = "rectification.close", .actor = actor, .campaign = campaign, .object = rectification,
	               .detail = date, .object_needed = "rectification", .detail_date = "date", .access = ACCESS_PLAN,
	               .body = close_body};
	return db_write_named(db, &op);
}

/* ---- queries ---- */

int campaign_rectifications_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *finding,
                                  const char *unit)
{
	return query_run(out, db, campaign,
	                 "SELECT r.id, r.finding, u.id AS unit, u.name AS unit_name, r.problem, r.measure, r.deadline, "
	                 "r.responsible, r.criterion, r.status, " STATUS_LABEL("r.status") " AS status_label, "
	                 "(SELECT max(updated_on) FROM rectification_update x WHERE x.rectification = r.id) AS updated_on, "
	                 "r.verified_by, r.verified_on, r.verification, r.verification_note, r.closed_by, r.closed_on, "
	                 "coalesce(r.deadline_text, r.deadline) AS deadline_text "
	                 "FROM rectification r JOIN unit u ON u.rid = r.unit "
	                 "WHERE r.campaign = ?1 AND (?2 IS NULL OR r.finding = ?2) AND " UNITS_IN_OPT("u.rid", "?3") " "
	                 "ORDER BY r.deadline, r.id",
	                 "ttttttdttttdtdtttdt", "tu", finding, unit);
}

/* Each rectification of ?1 with its status on ?2 (the latest update dated on
 * or before it), verification and closing as known on ?2. */
#define AS_OF_CTE                                                                                              \
	"WITH s AS (SELECT r.*, coalesce((SELECT x.status FROM rectification_update x WHERE x.rectification = r.id " \
	"AND x.updated_on <= ?2 ORDER BY x.updated_on DESC, x.id DESC LIMIT 1), 'not_started') AS st, "           \
	"r.closed_on IS NOT NULL AND r.closed_on <= ?2 AS closed, "                                                \
	"CASE WHEN r.verified_on <= ?2 THEN r.verification END AS verified FROM rectification r "                  \
	"WHERE r.campaign = ?1 AND " UNITS_IN_OPT("r.unit", "?3") ") "

#define OVERDUE(S) "(" S ".deadline < ?2 AND NOT " S ".closed AND " S ".st IN ('not_started', 'in_progress'))"

static int as_of_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit,
                       const char *as_of, const char *sql, const char *types)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	int rc = insp_query_as_of(out, &c, db, campaign, sql, types, as_of, 2);
	if (!rc && !(rc = db_campaign_rid(db, campaign, &crid)))
		rc = units_bind(db, cursor_stmt(c), 3, crid, unit);
	return query_done(out, c, rc);
}

int campaign_rectifications_overdue_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                          const char *as_of)
{
	return as_of_query(out, db, campaign, NULL, as_of,
	                   AS_OF_CTE "SELECT s.id, s.finding, u.id AS unit, u.name AS unit_name, s.problem, s.deadline, "
	                             "s.responsible, s.st AS status, " STATUS_LABEL("s.st") " AS status_label, "
	                             "CAST(julianday(?2) - julianday(s.deadline) AS INTEGER) AS days_overdue "
	                             "FROM s JOIN unit u ON u.rid = s.unit WHERE s.deadline < ?2 AND " OVERDUE("s")
	                             " ORDER BY days_overdue DESC, u.ord, s.id",
	                   "tttttdttti");
}

int campaign_rectification_ledger_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                        const char *unit, const char *as_of)
{
	return as_of_query(
		out, db, campaign, unit, as_of,
		AS_OF_CTE "SELECT row_number() OVER (ORDER BY u.ord, s.deadline, s.id) AS no, u.name AS unit_name, "
		          "coalesce(g.text, '') AS category, s.problem, s.measure, s.deadline, s.responsible, s.criterion, "
		          STATUS_LABEL("s.st") " AS status_label, "
		          "CASE s.verified WHEN 'passed' THEN '通过(' || s.verified_by || ' ' || s.verified_on || ')' "
		          "WHEN 'failed' THEN '未通过(' || s.verified_by || ' ' || s.verified_on || ')' ELSE '' END "
		          "AS verification_label, CASE WHEN s.closed THEN s.closed_on END AS closed_on, "
		          "CASE WHEN " OVERDUE("s") " THEN '逾期' || CAST(julianday(?2) - julianday(s.deadline) AS INTEGER) "
		          "|| '天' ELSE '' END AS overdue, s.id, s.finding, u.id AS unit, s.st AS status "
		          "FROM s JOIN unit u ON u.rid = s.unit JOIN finding f ON f.id = s.finding "
		          "LEFT JOIN violation_category g ON g.rid = f.category ORDER BY u.ord, s.deadline, s.id",
		"ittttdttttdttttt");
}
