/* Findings (问题): what was found, where, by whom; leniency (自纠从宽,被查从严)
 * is computed by the view finding_leniency whenever findings are read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inspection/inspection.h"

static const char *const ORIGINS[] = {"self_reported", "investigated", "inspection_tour", "citizen_report", "audit",
                                      NULL};

static int origin_check(const char *origin)
{
	return one_of(origin, ORIGINS, "origin", "self_reported, investigated, inspection_tour, citizen_report, audit");
}

/* Checks the fields that need no store. */
static int finding_check(const finding_in *f, long long *fen)
{
	int rc;
	if ((rc = need(f->unit, "unit")) || (rc = origin_check(f->origin)) || (rc = need(f->description, "description")) ||
	    (rc = need_date(f->found_on, "found_on")))
		return rc;
	if (f->id && (!*f->id || strlen(f->id) > 64))
		return error_set(CAMPAIGN_EINVALID, "finding id \"%s\" must be 1 to 64 bytes", f->id);
	*fen = -1;
	return f->amount && *f->amount ? amount_parse(f->amount, fen) : CAMPAIGN_OK;
}

static const char SQL_ROUND_OF_UNIT[] = "SELECT rid, unit FROM inspection_round WHERE campaign = ?1 AND id = ?2";
/* the unit's round whose window holds the date, else the latest begun before
 * it, else the first */
static const char SQL_ROUND_FOR_DATE[] =
	"SELECT rid FROM inspection_round WHERE unit = ?1 ORDER BY "
	"(window_first <= ?2 AND window_last >= ?2) DESC, (window_first <= ?2) DESC, "
	"CASE WHEN window_first <= ?2 THEN window_first END DESC, window_first, rid LIMIT 1";
static const char SQL_FINDING_EXISTS[] = "SELECT 1 FROM finding WHERE id = ?1";
static const char SQL_FINDING_INSERT[] =
	"INSERT INTO finding (id, campaign, unit, category, round, origin, people, description, amount_fen, found_on, "
	"recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/* The round a finding is judged by (0 when the unit has none). */
static int finding_round(stmts *c, sqlite3_int64 crid, sqlite3_int64 unit, const finding_in *f, sqlite3_int64 *round)
{
	sqlite3_stmt *st;
	int found, rc = CAMPAIGN_OK;
	*round = 0;
	if (f->round && *f->round) {
		if (!(st = row_first(c, SQL_ROUND_OF_UNIT, crid, f->round, &found)))
			return campaign_error_code_last();
		if (found && sqlite3_column_int64(st, 1) == unit)
			*round = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (!*round)
			return error_set(CAMPAIGN_ENOTFOUND, found ? "round \"%s\" is not a round of unit %s"
			                                           : "no round with id \"%s\"%s",
			                 f->round, found ? f->unit : "");
		return CAMPAIGN_OK;
	}
	if (!(st = stmts_get(c, SQL_ROUND_FOR_DATE)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, unit);
	sqlite3_bind_text(st, 2, f->found_on, -1, SQLITE_STATIC);
	if (db_step_row(c->db, st, "cannot read the rounds", &rc))
		*round = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc;
}

int finding_insert(stmts *c, sqlite3_int64 crid, const char *campaign, const finding_in *f, const char *actor,
                   char *id, size_t id_size, int log)
{
	sqlite3_int64 unit, category = 0, round;
	long long fen;
	char now[21];
	int rc;
	if ((rc = finding_check(f, &fen)) || (rc = db_object_rid(c->db, "unit", crid, f->unit, &unit)) ||
	    (f->category && *f->category && (rc = category_rid(c, crid, f->category, &category))) ||
	    (rc = finding_round(c, crid, unit, f, &round)) ||
	    (rc = access_check(c->db, actor, strcmp(f->origin, "self_reported") ? ACCESS_PLAN : ACCESS_UNIT, unit,
	                       "finding.record")) ||
	    (rc = insp_new_id(c, SQL_FINDING_EXISTS, "finding", f->id, id, id_size)))
		return rc;
	db_now(now);
	/* the amount: NULL when none was given (fen < 0), as a row id 0 binds NULL */
	if ((rc = stmt_run(c, c->db, SQL_FINDING_INSERT, "cannot record the finding",
	                   fen >= 0 ? "tIIrrtotIttt" : "tIIrrtotrttt", id, crid, unit, category, round, f->origin,
	                   f->people, f->description, (sqlite3_int64)(fen >= 0 ? fen : 0), f->found_on, actor, now)) ||
	    !log)
		return rc;
	return db_log(c->db, actor, "finding.record", campaign, id, f->origin);
}

static finding_in finding_of(const campaign_finding_add_options *o)
{
	return (finding_in){o->id,     o->unit,   o->category, o->origin, o->people, o->description,
	                    o->amount, o->found_on, o->round};
}

static int record_check(void *ctx)
{
	finding_in f;
	long long fen;
	int rc = options_check(ctx, CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, "campaign_finding_add_options");
	if (rc)
		return rc;
	f = finding_of(ctx);
	return finding_check(&f, &fen);
}

/* finding_insert() writes the call entry, naming the new finding */
static int record_body(write_op *op, void *ctx)
{
	finding_in f = finding_of(ctx);
	int rc = date_in_campaign(op->db, op->crid, "found_on", f.found_on);
	if (rc || (rc = finding_insert(&op->st, op->crid, op->campaign, &f, op->actor, op->id, sizeof op->id, 1)))
		return rc;
	return write_result(op, op->id);
}

static const write_text FINDING_ADD_TEXTS[] = WRITE_TEXTS(campaign_finding_add_options);

OPTIONS_INIT_FN(finding_add, CAMPAIGN_FINDING_ADD_OPTIONS_VERSION)

int campaign_finding_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                         const campaign_finding_add_options *o, const char *actor)
{
	/* the audit log keeps the operation's name, "finding.record" */
	write_op op = {.texts = FINDING_ADD_TEXTS, .text_of = o,
	               .name = "finding.record", .actor = actor, .campaign = campaign,
	               .object = INSP_OPT(o, id) ? o->id : INSP_OPT(o, unit), .access = WRITE_ANY, .flags = WRITE_OWN_LOG,
	               .check = record_check, .body = record_body};
	return db_write(db, &op, (void *)o, out_id);
}

/* ---- concealment and falsification ---- */

static const char SQL_FLAGS[] = "SELECT unit, concealed, falsified, flagged_on FROM finding WHERE campaign = ?1 AND id = ?2";
static const char SQL_FLAG_SET[] =
	"UPDATE finding SET concealed = concealed OR ?2, falsified = falsified OR ?3, "
	"flag_note = CASE WHEN ?4 IS NULL THEN flag_note WHEN flag_note IS NULL THEN ?4 ELSE flag_note || ';' || ?4 END, "
	"flagged_on = coalesce(flagged_on, ?5), flagged_by = coalesce(flagged_by, ?6) WHERE id = ?1";

static int flag_check(void *ctx)
{
	const campaign_finding_flag_options *a = ctx;
	int rc;
	if ((rc = need(a->kind, "kind")) || (rc = need_date(a->date, "date")))
		return rc;
	if (strcmp(a->kind, "concealment") && strcmp(a->kind, "falsification"))
		return error_set(CAMPAIGN_EINVALID, "kind \"%s\" is not concealment or falsification", a->kind);
	return CAMPAIGN_OK;
}

static int flag_body(write_op *op, void *ctx)
{
	const campaign_finding_flag_options *a = ctx;
	const int conceal = !strcmp(a->kind, "concealment");
	int found, already = 0;
	sqlite3_stmt *st = row_first(&op->st, SQL_FLAGS, op->crid, a->finding, &found);
	if (!st)
		return campaign_error_code_last();
	if (found)
		already = sqlite3_column_int(st, conceal ? 1 : 2);
	sqlite3_reset(st);
	if (!found)
		return error_set(CAMPAIGN_ENOTFOUND, "no finding with id \"%s\"", a->finding);
	if (already)
		return error_set(CAMPAIGN_ECONFLICT, "%s is already recorded on finding \"%s\"",
		                 conceal ? "concealment" : "falsification", a->finding);
	return stmt_run(&op->st, op->db, SQL_FLAG_SET, "cannot flag the finding", "tiiott", a->finding, conceal, !conceal,
	                a->note, a->date, op->actor);
}

OPTIONS_WRITE_FN(finding_flag, CAMPAIGN_FINDING_FLAG_OPTIONS_VERSION, finding, kind,
                 .name = "finding.flag", .object_needed = "finding",
                 .access = ACCESS_PLAN, .check = flag_check, .body = flag_body)

/* ---- query ---- */

/* The findings' columns; the WHERE is chosen by the filters given. */
#define FINDINGS_SELECT \
	"SELECT f.id, u.id AS unit, u.name AS unit_name, k.id AS catalogue, k.version, g.id AS category, " \
	"g.text AS category_text, f.origin, CASE f.origin WHEN 'self_reported' THEN '自查发现' " \
	"WHEN 'investigated' THEN '查办发现' WHEN 'inspection_tour' THEN '巡视发现' " \
	"WHEN 'citizen_report' THEN '群众举报' ELSE '审计发现' END AS origin_label, f.people, f.description, " \
	"f.amount_fen, CASE WHEN f.amount_fen IS NOT NULL THEN (f.amount_fen / 100) || '.' || " \
	"substr('0' || (f.amount_fen % 100), -2) END AS amount, f.found_on, r.id AS round, l.leniency, " \
	"CASE l.leniency WHEN 'lenient' THEN '从宽' ELSE '从严' END AS leniency_label, l.reason, f.concealed, " \
	"f.falsified, l.accountability, f.flag_note, " \
	"(SELECT CASE WHEN count(*) = 0 THEN 'open' WHEN count(*) = count(closed_on) THEN 'closed' " \
	"ELSE 'rectifying' END FROM rectification WHERE finding = f.id) AS status, " \
	"(SELECT count(*) FROM rectification WHERE finding = f.id) AS rectifications, f.recorded_by, f.recorded_at " \
	"FROM finding f JOIN unit u ON u.rid = f.unit JOIN finding_leniency l ON l.finding = f.id " \
	"LEFT JOIN violation_category g ON g.rid = f.category LEFT JOIN violation_catalogue k ON k.rid = g.catalogue " \
	"LEFT JOIN inspection_round r ON r.rid = f.round "
#define FINDINGS_ORDER " ORDER BY f.found_on, f.id"
/* the units' row ids (units_bind), so that finding_unit serves the filter
 * (the "+" keeps SQLite from the campaign's index, which would scan it whole) */
#define FINDINGS_UNIT UNITS_IN("f.unit", "?2") " AND +f.campaign = ?1"

/* One statement per filter combination, so that SQLite uses the index of
 * the filter given ("?2 IS NULL OR ..." can use none and would scan the
 * campaign). Indexed by (unit given) | (finding given) << 1. */
static const char *const FINDINGS_SQL[4] = {
	FINDINGS_SELECT "WHERE f.campaign = ?1" FINDINGS_ORDER,
	FINDINGS_SELECT "WHERE " FINDINGS_UNIT FINDINGS_ORDER,
	FINDINGS_SELECT "WHERE f.id = ?3 AND f.campaign = ?1" FINDINGS_ORDER,
	FINDINGS_SELECT "WHERE f.id = ?3 AND " FINDINGS_UNIT FINDINGS_ORDER,
};

int campaign_findings_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit,
                            const char *finding)
{
	int by_unit = unit && *unit, by_finding = finding && *finding;
	/* a statement without the filter's parameter takes no value for it */
	return query_run(out, db, campaign, FINDINGS_SQL[by_unit | by_finding << 1], "ttttittttttitdttttiiittitt", "ut",
	                 unit, finding);
}

/* Counted from finding alone (50 000 rows at M: 0.05 s, where reading them
 * through campaign_findings_query() took 0.2 s), then named. */
int campaign_findings_summary_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return query_run(out, db, campaign,
	                 "SELECT u.id AS unit, u.name AS unit_name, k.id AS catalogue, k.version, g.id AS category, "
	                 "g.text AS category_text, x.origin, CASE x.origin WHEN 'self_reported' THEN '自查发现' "
	                 "WHEN 'investigated' THEN '查办发现' WHEN 'inspection_tour' THEN '巡视发现' "
	                 "WHEN 'citizen_report' THEN '群众举报' ELSE '审计发现' END AS origin_label, x.n AS findings "
	                 "FROM (SELECT f.unit, f.category, f.origin, count(*) AS n FROM finding f WHERE f.campaign = ?1 "
	                 "GROUP BY f.unit, f.category, f.origin) x JOIN unit u ON u.rid = x.unit "
	                 "LEFT JOIN violation_category g ON g.rid = x.category "
	                 "LEFT JOIN violation_catalogue k ON k.rid = g.catalogue "
	                 "ORDER BY g.rid IS NULL, k.id, k.version, g.ord, u.ord, CASE x.origin WHEN 'self_reported' "
	                 "THEN 1 WHEN 'investigated' THEN 2 WHEN 'inspection_tour' THEN 3 WHEN 'citizen_report' THEN 4 "
	                 "ELSE 5 END",
	                 "tttitttti", "");
}
