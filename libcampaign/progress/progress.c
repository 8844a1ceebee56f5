/* Progress reports on outcome shares, the status of shares, outcomes,
 * phases and milestones on a date, supervision and workload. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "progress/progress.h"

static const char *const STATUSES[] = {"not_started", "in_progress", "done", "blocked", NULL};

/* ---- thresholds ---- */

static const char SQL_THRESHOLDS[] =
	"SELECT coalesce((SELECT yellow_days FROM campaign_threshold WHERE campaign = ?1), 7), "
	"coalesce((SELECT red_days FROM campaign_threshold WHERE campaign = ?1), 0)";

static int thresholds(campaign_db *db, sqlite3_int64 crid, int *yellow, int *red)
{
	sqlite3_stmt *st = db_stmt(db, SQL_THRESHOLDS);
	int rc;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		*yellow = sqlite3_column_int(st, 0);
		*red = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, "cannot read the thresholds");
}

static const char SQL_THRESHOLDS_SET[] =
	"INSERT INTO campaign_threshold (campaign, yellow_days, red_days) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (campaign) DO UPDATE SET yellow_days = excluded.yellow_days, red_days = excluded.red_days";

typedef struct thresholds_in {
	int yellow_days, red_days;
} thresholds_in;

static int thresholds_check(void *ctx)
{
	const thresholds_in *t = ctx;
	if (t->yellow_days < 0 || t->red_days < 0 || t->yellow_days > 3660 || t->red_days > 3660)
		return error_set(CAMPAIGN_EINVALID, "thresholds must be 0..3660 days (yellow %d, red %d)", t->yellow_days,
		                 t->red_days);
	return CAMPAIGN_OK;
}

static int thresholds_body(write_op *op, void *ctx)
{
	const thresholds_in *t = ctx;
	sqlite3_stmt *st = db_stmt(op->db, SQL_THRESHOLDS_SET);
	if (!st)
		return campaign_error_code_last();
	bind_all(st, "Iii", op->crid, t->yellow_days, t->red_days);
	return db_step_done(op->db, st, "cannot set the thresholds");
}

int campaign_thresholds_set(campaign_db *db, const char *campaign, int yellow_days, int red_days, const char *actor)
{
	thresholds_in t = {yellow_days, red_days};
	char detail[64];
	write_op op = {.name = "thresholds.set", .actor = actor, .campaign = campaign, .detail = detail,
	               .access = ACCESS_PLAN, .check = thresholds_check, .body = thresholds_body};
	snprintf(detail, sizeof detail, "yellow_days=%d red_days=%d", yellow_days, red_days);
	return db_write(db, &op, &t, NULL);
}

/* ---- reports ---- */

/* A report's outcome id may name a milestone (ids are unique across the
 * plan): index 0 looks up outcome shares, 1 milestone shares. */
static const char *const SQL_SHARE[2] = {
	"SELECT o.rid, u.rid, EXISTS (SELECT 1 FROM outcome_share s WHERE s.outcome = o.rid AND s.unit = u.rid) "
	"FROM outcome o, unit u WHERE o.campaign = ?1 AND o.id = ?2 AND u.rid = ?3",
	"SELECT m.rid, u.rid, EXISTS (SELECT 1 FROM milestone_share s WHERE s.milestone = m.rid AND s.unit = u.rid) "
	"FROM milestone m, unit u WHERE m.campaign = ?1 AND m.id = ?2 AND u.rid = ?3",
};
static const char *const SQL_REPORT[2] = {
	"INSERT INTO progress_report (id, outcome, unit, status, percent, reported_on, note, evidence, actor, recorded_at) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
	"INSERT INTO milestone_report (id, milestone, unit, status, percent, reported_on, note, evidence, actor, "
	"recorded_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
};

/* Checks one report's fields; the message names the bad one. */
int progress_check(const char *status, int percent, const char *date)
{
	int k;
	if (!status)
		return error_set(CAMPAIGN_EINVALID, "status is required (not_started, in_progress, done, blocked)");
	for (k = 0; STATUSES[k] && strcmp(STATUSES[k], status); k++)
		;
	if (!STATUSES[k])
		return error_set(CAMPAIGN_EINVALID, "status \"%s\" is not one of not_started, in_progress, done, blocked",
		                 status);
	if (percent < 0 || percent > 100)
		return error_set(CAMPAIGN_EINVALID, "percent %d is not in 0..100", percent);
	if (!strcmp(status, "done") && percent != 100)
		return error_set(CAMPAIGN_EINVALID, "a done report must say 100 percent, not %d", percent);
	if (!strcmp(status, "not_started") && percent != 0)
		return error_set(CAMPAIGN_EINVALID, "a not_started report must say 0 percent, not %d", percent);
	if (!date_valid(date))
		return error_set(CAMPAIGN_EINVALID, "date \"%s\" is not a date (YYYY-MM-DD)", date ? date : "(null)");
	return CAMPAIGN_OK;
}

/* Resolves the share (outcome or milestone, unit) of a campaign; *@kind
 * receives 0 for an outcome, 1 for a milestone. */
static int share_rids(campaign_db *db, sqlite3_int64 crid, const char *outcome, const char *unit,
                      sqlite3_int64 *orid, sqlite3_int64 *urid, int *kind)
{
	static const char *const NOUN[2] = {"outcome", "milestone"};
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, owes = 0;
	if (!outcome || !unit)
		return error_set(CAMPAIGN_EINVALID, "outcome and unit are required");
	if ((rc = unit_resolve(db, crid, unit, urid)))
		return rc;
	rc = SQLITE_DONE;
	for (*kind = 0; *kind < 2 && rc == SQLITE_DONE; ++*kind) {
		if (!(st = db_stmt(db, SQL_SHARE[*kind])))
			return campaign_error_code_last();
		bind_all(st, "ItI", crid, outcome, *urid);
		rc = stmt_step(st);
		if (rc == SQLITE_ROW) {
			*orid = sqlite3_column_int64(st, 0);
			*urid = sqlite3_column_int64(st, 1);
			owes = sqlite3_column_int(st, 2);
		}
		sqlite3_reset(st);
	}
	--*kind;
	if (rc == SQLITE_ROW)
		return owes ? CAMPAIGN_OK
		            : error_set(CAMPAIGN_ENOTFOUND, "unit \"%s\" owes no share of %s \"%s\"", unit, NOUN[*kind],
		                        outcome);
	if (rc != SQLITE_DONE)
		return error_from_sqlite(db->sql, rc, "cannot look up the outcome");
	/* the unit is known: no row means no such outcome or milestone */
	return error_set(CAMPAIGN_ENOTFOUND, "no outcome with id \"%s\"", outcome);
}

OPTIONS_INIT_FN(progress_report_add, CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION)

/* Checks and inserts report @r, its id into @id; the unit's access is checked here. */
static int report_insert(campaign_db *db, sqlite3_int64 crid, const campaign_progress_report_add_options *r,
                         const char *actor, char id[37])
{
	sqlite3_int64 orid = 0, urid = 0;
	sqlite3_stmt *st;
	char now[21];
	int rc, kind = 0;
	if ((rc = progress_check(r->status, r->percent, r->date)) ||
	    (rc = share_rids(db, crid, r->outcome, r->unit, &orid, &urid, &kind)) ||
	    (rc = access_check(db, actor, ACCESS_UNIT, urid, "progress.report")))
		return rc;
	if (!(st = db_stmt(db, SQL_REPORT[kind])))
		return campaign_error_code_last();
	db_new_id(id);
	db_now(now);
	bind_all(st, "tIItittttt", id, orid, urid, r->status, r->percent, r->date, r->note, r->evidence, actor, now);
	return db_step_done(db, st, "cannot record the report");
}

int progress_insert(campaign_db *db, sqlite3_int64 crid, const char *campaign, const char *outcome,
                    const char *unit, const char *status, int percent, const char *date, const char *note,
                    const char *evidence, const char *actor, int log)
{
	campaign_progress_report_add_options r = {CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION, outcome, unit, status,
	                                          percent, date, note, evidence};
	char id[37];
	int rc = report_insert(db, crid, &r, actor, id);
	return !rc && log ? db_log(db, actor, "progress.report", campaign, id, outcome) : rc;
}

static int report_check(void *ctx)
{
	const campaign_progress_report_add_options *r = ctx;
	int rc = options_check(r, CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION, "campaign_progress_report_add_options");
	return rc ? rc : progress_check(r->status, r->percent, r->date);
}

/* The access check is the unit's (ACCESS_UNIT, in report_insert); the call
 * entry names the new report, its detail the outcome. */
static int report_body(write_op *op, void *ctx)
{
	const campaign_progress_report_add_options *r = ctx;
	int rc = date_in_campaign(op->db, op->crid, "date", r->date);
	if (rc || (rc = report_insert(op->db, op->crid, r, op->actor, op->id)))
		return rc;
	op->object = op->id;
	op->detail = r->outcome;
	return write_result(op, op->id);
}

static const write_text PROGRESS_REPORT_ADD_TEXTS[] = WRITE_TEXTS(campaign_progress_report_add_options);

int campaign_progress_report_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                 const campaign_progress_report_add_options *opts, const char *actor)
{
	write_op op = {.texts = PROGRESS_REPORT_ADD_TEXTS, .text_of = opts,
	               .name = "progress.report", .actor = actor, .campaign = campaign,
	               .object = opts ? opts->outcome : NULL, .access = WRITE_ANY, .check = report_check,
	               .body = report_body};
	return db_write(db, &op, (void *)opts, out_id);
}

/* ---- queries on a date ---- */

/* Opens a cursor into *@c with ?1 campaign, ?2 as_of, ?3 yellow_days,
 * ?4 red_days; the caller binds its own and ends with query_done(). */
static int dated_begin(campaign_cursor **out, campaign_cursor **c, campaign_db *db, const char *campaign,
                       const char *as_of, const char *sql, const char *types)
{
	sqlite3_int64 crid;
	char date[11];
	int rc, yellow = 7, red = 0;
	if ((rc = query_begin(out, c, db, NULL, sql, types, NULL)) || (rc = insp_as_of(as_of, date)) ||
	    (rc = db_campaign_rid(db, campaign, &crid)) || (rc = thresholds(db, crid, &yellow, &red)))
		return rc;
	bind_all(cursor_stmt(*c), "ITii", crid, date, yellow, red);
	return CAMPAIGN_OK;
}

static int dated_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of,
                       const char *sql, const char *types)
{
	campaign_cursor *c;
	int rc = dated_begin(out, &c, db, campaign, as_of, sql, types);
	return query_done(out, c, rc);
}

/* The report in force on ?2 for share (S.outcome|milestone, S.unit) in table T. */
#define CURRENT_REPORT(T, ITEM)                                                                            \
	"LEFT JOIN " T " p ON p.rowid = (SELECT p2.rowid FROM " T " p2 "                                       \
	"WHERE p2." ITEM " = s." ITEM " AND p2.unit = s.unit AND p2.reported_on <= ?2 "                        \
	"ORDER BY p2.reported_on DESC, p2.id DESC LIMIT 1) "

/* Every outcome with each of its shares (unit NULL when it has none) and
 * every milestone share (kind says which), the report in force on ?2, the
 * resulting colour, and for a done share whether it was done on time: a
 * done report dated after the last day is late by (reported_on - last). */
#define SHARE_OUTCOMES                                                                                     \
	"SELECT 'outcome' AS kind, o.rid AS outcome, o.ord AS o_ord, o.first, o.last, s.unit, "               \
	"coalesce(p.status, 'not_started') AS status, coalesce(p.percent, 0) AS percent, p.reported_on "       \
	"FROM outcome o LEFT JOIN outcome_share s ON s.outcome = o.rid "                                      \
	CURRENT_REPORT("progress_report", "outcome") "WHERE o.campaign = ?1 "
#define SHARE_MILESTONES                                                                                   \
	"SELECT 'milestone' AS kind, m.rid AS outcome, m.ord AS o_ord, m.first, m.last, s.unit, "             \
	"coalesce(p.status, 'not_started') AS status, coalesce(p.percent, 0) AS percent, p.reported_on "       \
	"FROM milestone m JOIN milestone_share s ON s.milestone = m.rid "                                     \
	CURRENT_REPORT("milestone_report", "milestone") "WHERE m.campaign = ?1"
/* The shares of ARMS (SHARE_OUTCOMES, SHARE_MILESTONES or both) as st. */
#define SHARE_STATUS_OF(ARMS)                                                                              \
	"WITH share AS (" ARMS "), "                                                                          \
	"st AS (SELECT *, CASE WHEN status = 'done' THEN 'done' WHEN last IS NULL THEN 'none' "               \
	"WHEN julianday(?2) - julianday(last) > ?4 THEN 'red' "                                               \
	"WHEN julianday(last) - julianday(?2) <= ?3 THEN 'yellow' ELSE 'green' END AS color, "                \
	"CASE WHEN status <> 'done' OR last IS NULL THEN NULL WHEN reported_on > last THEN 'late' "          \
	"ELSE 'on_time' END AS completion, "                                                                  \
	"CASE WHEN status = 'done' AND last IS NOT NULL AND reported_on > last "                             \
	"THEN CAST(julianday(reported_on) - julianday(last) AS INTEGER) "                                     \
	"WHEN status <> 'done' AND last IS NOT NULL AND julianday(?2) - julianday(last) > ?4 "               \
	"THEN CAST(julianday(?2) - julianday(last) AS INTEGER) ELSE 0 END AS days_late FROM share) "
#define SHARE_STATUS_CTE SHARE_STATUS_OF(SHARE_OUTCOMES "UNION ALL " SHARE_MILESTONES)

#define COLOR_RANK(C)                                                                                     \
	"CASE " C " WHEN 'red' THEN 4 WHEN 'yellow' THEN 3 WHEN 'green' THEN 2 WHEN 'none' THEN 1 ELSE 0 END"

/* The id of a share's outcome or milestone, from st. */
#define SHARE_ITEM_ID                                                                                     \
	"CASE st.kind WHEN 'outcome' THEN (SELECT id FROM outcome WHERE rid = st.outcome) "                    \
	"ELSE (SELECT id FROM milestone WHERE rid = st.outcome) END"

/* Outcome shares first, in plan order, then milestone shares. */
int campaign_share_status_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	return dated_query(out, db, campaign, as_of,
	                   SHARE_STATUS_CTE
	                   "SELECT " SHARE_ITEM_ID " AS outcome, u.id AS unit, u.name AS unit_name, st.status, st.percent, "
	                   "st.reported_on, st.first, st.last, st.color, st.days_late, st.kind, st.completion FROM st "
	                   "JOIN unit u ON u.rid = st.unit ORDER BY st.kind = 'milestone', st.o_ord, u.ord",
	                   "ttttidddtitt");
}

/* How many of a group of st rows were done on time (or done with no dated deadline) and how many late. */
#define COMPLETIONS                                                                                        \
	"sum(completion = 'on_time' OR (color = 'done' AND completion IS NULL)) AS done_on_time, "            \
	"sum(completion = 'late') AS done_late"

int campaign_outcome_status_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	return dated_query(
		out, db, campaign, as_of,
		SHARE_STATUS_OF(SHARE_OUTCOMES) /* its rows are of outcome shares only */
		", agg AS (SELECT outcome, count(unit) AS shares, sum(unit IS NOT NULL AND color = 'done') AS done, "
		"CAST(round(avg(percent)) AS INTEGER) AS percent, max(" COLOR_RANK("color") ") AS rank, "
		"max(CASE WHEN color <> 'done' THEN days_late ELSE 0 END) AS days_late, " COMPLETIONS ", "
		/* the units owing it, in unit order, in the same pass (not a second reading of st per outcome) */
		"group_concat(CASE WHEN color <> 'done' THEN name END, '、') AS owing "
		"FROM (SELECT st.*, u.name FROM st LEFT JOIN unit u ON u.rid = st.unit ORDER BY st.o_ord, u.ord) "
		"GROUP BY outcome) "
		"SELECT o.id AS outcome, t.id AS task, o.label, o.text, o.deadline_text, o.first, o.last, agg.shares, agg.done, "
		"agg.percent, CASE agg.rank WHEN 4 THEN 'red' WHEN 3 THEN 'yellow' WHEN 2 THEN 'green' WHEN 1 THEN 'none' "
		"ELSE 'done' END AS color, agg.days_late, agg.owing, "
		"coalesce(agg.done_on_time, 0) AS done_on_time, coalesce(agg.done_late, 0) AS done_late "
		"FROM agg JOIN outcome o ON o.rid = agg.outcome JOIN task t ON t.rid = o.task ORDER BY o.ord",
		"tttttddiiititii");
}

/* A milestone row counts its shares and its on-time and late completions; a
 * phase row, those of its milestones. */
int campaign_phase_status_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	return dated_query(out, db, campaign, as_of,
	                   SHARE_STATUS_OF(SHARE_MILESTONES) /* the outcome shares are none of a phase's (64 000 at M) */
	                   ", ms AS (SELECT outcome AS milestone, count(*) AS shares, " COMPLETIONS " FROM st "
	                   "WHERE kind = 'milestone' GROUP BY outcome), "
	                   /* a phase's milestones summed in one pass */
	                   "ps AS (SELECT m.phase, sum(ms.shares) AS shares, sum(ms.done_on_time) AS done_on_time, "
	                   "sum(ms.done_late) AS done_late FROM milestone m JOIN ms ON ms.milestone = m.rid GROUP BY m.phase) "
	                   "SELECT kind, id, phase, name, first, last, status, unit, unit_group, shares, done_on_time, "
	                   "done_late FROM ("
	                   "SELECT p.ord AS po, 0 AS mo, 'phase' AS kind, p.id, p.id AS phase, p.name, p.first, p.last, "
	                   "CASE WHEN ?2 < p.first THEN 'upcoming' WHEN ?2 > p.last THEN 'ended' ELSE 'active' END AS status, "
	                   "NULL AS unit, NULL AS unit_group, coalesce(ps.shares, 0) AS shares, "
	                   "coalesce(ps.done_on_time, 0) AS done_on_time, coalesce(ps.done_late, 0) AS done_late "
	                   "FROM phase p LEFT JOIN ps ON ps.phase = p.rid WHERE p.campaign = ?1 "
	                   "UNION ALL "
	                   "SELECT p.ord, m.ord, 'milestone', m.id, p.id, m.text, m.first, m.last, "
	                   "CASE WHEN ?2 > m.last THEN 'passed' WHEN julianday(m.last) - julianday(?2) <= ?3 "
	                   "THEN 'due_soon' ELSE 'upcoming' END, u.id, g.id, coalesce(ms.shares, 0), "
	                   "coalesce(ms.done_on_time, 0), coalesce(ms.done_late, 0) FROM milestone m "
	                   "JOIN phase p ON p.rid = m.phase LEFT JOIN unit u ON u.rid = m.unit "
	                   "LEFT JOIN unit_group g ON g.rid = m.grp LEFT JOIN ms ON ms.milestone = m.rid "
	                   "WHERE m.campaign = ?1) ORDER BY po, mo",
	                   "ttttddtttiii");
}

/* The overdue (red) shares of T (outcome or milestone, its shares in T_share,
 * its reports in REPORT): columns unit, kind, item, days_late, o_ord. Only
 * the items whose last day is more than ?4 days before ?2 can be red, so
 * they are found through T_last (campaign, last) -- "julianday(?2) -
 * julianday(last) > ?4" of SHARE_STATUS_CTE in the form an index takes --
 * and the report in force is read for their shares only: the cost follows
 * the shares past their deadline, not all of the campaign's. */
#define LATE_SHARES(T, REPORT)                                                                             \
	"SELECT s.unit, '" T "' AS kind, o.id AS item, CAST(julianday(?2) - julianday(o.last) AS INTEGER) AS days_late, " \
	"o.ord AS o_ord FROM " T " o JOIN " T "_share s ON s." T " = o.rid "              \
	"WHERE o.campaign = ?1 AND o.last < date(?2, '-' || ?4 || ' days') AND coalesce((SELECT p.status FROM " \
	REPORT " p WHERE p." T " = s." T " AND p.unit = s.unit AND p.reported_on <= ?2 "                        \
	"ORDER BY p.reported_on DESC, p.id DESC LIMIT 1), '') <> 'done'"

/* Overdue shares of outcomes and of milestones, per unit; a milestone is
 * named "节点 <id>" in the reason. */
int campaign_supervision_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	return dated_query(out, db, campaign, as_of,
	                   "WITH late AS (SELECT * FROM (" LATE_SHARES("outcome", "progress_report") " UNION ALL "
	                   LATE_SHARES("milestone", "milestone_report") ") ORDER BY unit, kind = 'milestone', o_ord) "
	                   "SELECT u.id AS unit, u.name AS unit_name, count(*) AS overdue, max(late.days_late) AS max_days_late, "
	                   "group_concat(CASE WHEN late.kind = 'outcome' THEN late.item END, ',') AS outcomes, "
	                   "u.name || ' 逾期未完成 ' || count(*) || ' 项: ' || "
	                   "group_concat(CASE WHEN late.kind = 'milestone' THEN '节点 ' ELSE '' END || late.item || "
	                   "'(逾期' || late.days_late || '天)', '、') AS reason, "
	                   "group_concat(CASE WHEN late.kind = 'milestone' THEN late.item END, ',') AS milestones "
	                   "FROM late JOIN unit u ON u.rid = late.unit GROUP BY late.unit "
	                   "ORDER BY count(*) DESC, max(late.days_late) DESC, u.ord",
	                   "ttiittt");
}

int campaign_workload_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *from,
                            const char *to, const char *as_of)
{
	campaign_cursor *c;
	int rc;
	if ((from && !date_valid(from)) || (to && !date_valid(to)))
		return error_set(CAMPAIGN_EINVALID, "the window \"%s\"..\"%s\" is not two dates (YYYY-MM-DD)",
		                 from ? from : "", to ? to : "");
	/* one pass over the shares and one over the responsibilities, grouped by
	 * unit, rather than a subquery per unit */
	rc = dated_begin(out, &c, db, campaign, as_of,
	                 SHARE_STATUS_CTE
	                 ", owed AS (SELECT unit, count(*) AS owed, sum(last >= ?5 AND last <= ?6) AS due, "
	                 "sum(color = 'red') AS overdue FROM st WHERE unit IS NOT NULL AND kind = 'outcome' GROUP BY unit), "
	                 "resp AS (SELECT ru.unit, count(DISTINCT CASE WHEN ru.role = 'lead' THEN ru.measure END) AS led, "
	                 "count(DISTINCT CASE WHEN ru.role = 'support' THEN ru.measure END) AS supported "
	                 "FROM unit_responsibility ru JOIN measure m ON m.rid = ru.measure WHERE m.campaign = ?1 "
	                 "GROUP BY ru.unit) "
	                 "SELECT u.id AS unit, u.name AS unit_name, resp.led AS measures_led, "
	                 "resp.supported AS measures_supported, coalesce(owed.owed, 0) AS outcomes_owed, "
	                 "coalesce(owed.due, 0) AS outcomes_due, coalesce(owed.overdue, 0) AS outcomes_overdue "
	                 "FROM resp JOIN unit u ON u.rid = resp.unit LEFT JOIN owed ON owed.unit = resp.unit "
	                 "ORDER BY u.ord",
	                 "ttiiiii");
	if (rc == CAMPAIGN_OK) {
		/* an absent window end is open */
		bind_copy(cursor_stmt(c), 5, from ? from : "0000-00-00", -1);
		bind_copy(cursor_stmt(c), 6, to ? to : "9999-99-99", -1);
	}
	return query_done(out, c, rc);
}

int campaign_thresholds_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return dated_query(out, db, campaign, NULL,
	                   "SELECT ?3 AS yellow_days, ?4 AS red_days WHERE ?1 IS NOT NULL AND ?2 IS NOT NULL", "ii");
}

/* The history's columns. "current" marks the newest report of its share
 * (by report date, then id, which is time-ordered). Measured at M (500 000
 * reports), the correlated subquery costs next to nothing (a seek in the
 * covering index progress_report_share whose pages the row just read);
 * row_number() OVER (PARTITION BY outcome, unit ...) took the whole
 * history from 4.3 s to 7.4 s and lead() to 5.3 s, both for the extra
 * sort of every row. The joins run in plan order (CROSS JOIN fixes it):
 * outcomes by outcome_order, units by unit_order, then each share's reports
 * from progress_report_share, already by date and id, so with the row ids
 * as tie-breakers the ORDER BY needs no sort at all and the first row comes
 * at once. The cost is a probe per (outcome, unit) pair, shares or not. */
#define HISTORY_SELECT(ITEM, REPORT, KEY)                                                                  \
	"SELECT p.id, o.id AS outcome, u.id AS unit, p.status, p.percent, p.reported_on, p.note, p.evidence, "  \
	"p.actor, p.recorded_at, p.rowid = (SELECT p2.rowid FROM " REPORT " p2 WHERE p2." KEY " = p." KEY " "     \
	"AND p2.unit = p.unit ORDER BY p2.reported_on DESC, p2.id DESC LIMIT 1) AS current, '" ITEM "' AS kind " \
	"FROM " ITEM " o CROSS JOIN unit u CROSS JOIN " REPORT " p "                                            \
	"WHERE p." KEY " = o.rid AND p.unit = u.rid AND o.campaign = ?1 AND u.campaign = ?1"
#define HISTORY_ORDER " ORDER BY o.ord, o.rid, u.ord, u.rid, p.reported_on, p.id"
#define OUTCOME_HISTORY(FILTER) HISTORY_SELECT("outcome", "progress_report", "outcome") FILTER HISTORY_ORDER
#define MILESTONE_HISTORY(FILTER) HISTORY_SELECT("milestone", "milestone_report", "milestone") FILTER HISTORY_ORDER
/* Outcome reports, then milestone reports, each in plan order: two ordered
 * co-routines one after the other, so neither needs a sort. */
#define ALL_HISTORY(FILTER)                                                                                \
	"SELECT * FROM (" OUTCOME_HISTORY(FILTER) ") UNION ALL SELECT * FROM (" MILESTONE_HISTORY(FILTER) ")"

/* One statement per filter combination, so that SQLite can use the index
 * of the filter given: "(?2 IS NULL OR p.outcome = ?2)" can use none and
 * would scan the whole campaign to return one share. Indexed by what ?2
 * names (0 nothing, 1 an outcome, 2 a milestone) + 3 when a unit is given. */
#define UNIT_FILTER " AND " UNITS_IN("u.rid", "?3")
static const char *const HISTORY_SQL[6] = {
	ALL_HISTORY(""),
	OUTCOME_HISTORY(" AND o.rid = ?2"),
	MILESTONE_HISTORY(" AND o.rid = ?2"),
	ALL_HISTORY(UNIT_FILTER),
	OUTCOME_HISTORY(" AND o.rid = ?2" UNIT_FILTER),
	MILESTONE_HISTORY(" AND o.rid = ?2" UNIT_FILTER),
};

/* Which item ?2 of the history names: 1 an outcome, 2 a milestone (ids are
 * unique across both), 0 none given; its row id in *@rid. */
static int history_item(campaign_db *db, const char *campaign, const char *id, sqlite3_int64 *rid, int *item)
{
	sqlite3_int64 crid;
	int rc;
	*item = 0;
	if (!id)
		return CAMPAIGN_OK;
	if ((rc = db_campaign_rid(db, campaign, &crid)))
		return rc;
	*item = 1;
	if ((rc = db_object_rid(db, "outcome", crid, id, rid)) != CAMPAIGN_ENOTFOUND)
		return rc;
	*item = 2;
	if ((rc = db_object_rid(db, "milestone", crid, id, rid)) == CAMPAIGN_ENOTFOUND)
		return error_set(CAMPAIGN_ENOTFOUND, "no outcome or milestone with id \"%s\"", id);
	return rc;
}

int campaign_progress_history_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                    const char *outcome, const char *unit)
{
	sqlite3_int64 crid, item_rid = 0;
	campaign_cursor *c;
	int item, rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	*out = NULL;
	if ((rc = db_check(db)) || (rc = history_item(db, campaign, outcome, &item_rid, &item)))
		return rc;
	rc = query_begin(out, &c, db, campaign, HISTORY_SQL[item + 3 * (unit != NULL)], "ttttidtttti" "t", &crid);
	if (!rc && outcome)
		sqlite3_bind_int64(cursor_stmt(c), 2, item_rid);
	if (!rc)
		rc = units_bind(db, cursor_stmt(c), 3, crid, unit);
	return query_done(out, c, rc);
}
