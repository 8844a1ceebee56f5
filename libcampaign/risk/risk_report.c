/* Warnings (风险预警) on a date, the grade distribution and the heat map:
 * one SQL statement each over the register. */
#include <stdio.h>
#include <string.h>
#include "risk/risk.h"

#define HAS_LINE(L) RISK_HAS_LINE("c.id", L)

/* An active point of ?1 with its grade in force (columns id, unit, name,
 * label, rank, color, review_days, graded_on, due), for points looked up by
 * id: the LEFT JOINs keep an ungraded point. */
#define POINT_GRADE                                                                                          \
	"(SELECT p.id, p.unit, p.name, g.label, g.rank, g.color, g.review_days, a.graded_on, "                  \
	"date(a.graded_on, '+' || g.review_days || ' days') AS due FROM risk_point p "                           \
	"LEFT JOIN risk_assessment a ON a.id = p.assessment LEFT JOIN risk_grade g ON g.rid = a.grade "          \
	"WHERE p.campaign = ?1 AND p.status = 'active')"
/* The same for the graded points whose assessment in force meets COND, found
 * from the grades through risk_assessment_grade (migration 013) rather than
 * by reading every point of the register. An assessment that is no longer
 * a point's is skipped by the p.assessment join. */
#define GRADED(COND)                                                                                         \
	"(SELECT p.id, p.unit, p.name, g.label, g.rank, g.color, g.review_days, a.graded_on, "                  \
	"date(a.graded_on, '+' || g.review_days || ' days') AS due FROM risk_grade g "                           \
	"CROSS JOIN risk_assessment a CROSS JOIN risk_point p WHERE " COND " AND a.grade = g.rid "               \
	"AND p.assessment = a.id AND p.campaign = ?1 AND p.status = 'active')"

/* Each branch finds its own points through an index (the review date's
 * range, the top grade, the overdue controls, the publications) instead of
 * materializing every active point of the campaign first, which read the
 * whole register (200 000 points at M) on every call. The review range
 * "graded_on < as_of - review_days" is the same test as "due < as_of"
 * (kept too) for the dates the library stores, in the form an index takes. */
int campaign_risk_warnings_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	char date[11];
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	if ((rc = insp_as_of(as_of, date)))
		return rc;
	rc = query_begin(
		out, &c, db, campaign,
		"WITH gap AS (SELECT c.*, " HAS_LINE("prevention") " AS hp, " HAS_LINE("monitoring") " AS hm, "
		HAS_LINE("disposal") " AS hd FROM " GRADED("g.rank = 1") " c), "
		"pub AS (SELECT i.point, i.grade_label, i.grade_rank, pb.published_on FROM risk_publication pb "
		"JOIN risk_publication_item i ON i.publication = pb.id WHERE pb.campaign = ?1 AND pb.id = (SELECT x.id FROM "
		"risk_publication x WHERE x.unit = pb.unit AND x.status = 'published' AND x.published_on <= ?2 "
		"ORDER BY x.published_on DESC, x.id DESC LIMIT 1)), "
		"w AS ("
		"SELECT 'review_overdue' AS kind, 1 AS ko, c.id, c.unit, c.name, c.label, c.rank, c.color, NULL AS control, "
		"c.due AS since, CAST(julianday(?2) - julianday(c.due) AS INTEGER) AS days, "
		"'「' || c.name || '」(' || c.label || ')上次评估于' || c.graded_on || ',复核周期' || c.review_days || "
		"'天,应于' || c.due || '前复核,已逾期' || CAST(julianday(?2) - julianday(c.due) AS INTEGER) || '天' AS reason "
		"FROM " GRADED("a.graded_on < date(?2, '-' || g.review_days || ' days')") " c WHERE c.due < ?2 "
		"UNION ALL "
		"SELECT 'uncontrolled', 2, g.id, g.unit, g.name, g.label, g.rank, g.color, NULL, g.graded_on, 0, "
		"'「' || g.name || '」为' || g.label || ',缺少' || rtrim(iif(hp, '', '前期预防、') || iif(hm, '', '中期监控、') || "
		"iif(hd, '', '后期处置、'), '、') || '防线的防控措施' FROM gap g WHERE NOT (hp AND hm AND hd) "
		"UNION ALL "
		"SELECT 'control_overdue', 3, c.id, c.unit, c.name, c.label, c.rank, coalesce(c.color, 'yellow'), k.id, k.due_on, "
		"CAST(julianday(?2) - julianday(k.due_on) AS INTEGER), "
		"'「' || c.name || '」的防控措施「' || k.measure || '」(' || " RISK_LINE_LABEL("k.line") " || ')应于' || k.due_on || "
		"'前落实,已逾期' || CAST(julianday(?2) - julianday(k.due_on) AS INTEGER) || '天' "
		"FROM risk_control k CROSS JOIN " POINT_GRADE " c ON c.id = k.point WHERE k.campaign = ?1 "
		"AND k.status = 'planned' "
		"AND k.due_on < ?2 "
		"UNION ALL "
		"SELECT 'grade_raised', 4, c.id, c.unit, c.name, c.label, c.rank, c.color, NULL, pub.published_on, "
		"pub.grade_rank - c.rank, '「' || c.name || '」风险等级由' || pub.grade_label || '升为' || c.label || "
		"'(上次公示于' || pub.published_on || ')' FROM pub CROSS JOIN " POINT_GRADE " c "
		"ON c.id = pub.point WHERE c.rank < pub.grade_rank) "
		"SELECT w.kind, w.color, u.id AS unit, u.name AS unit_name, w.id AS point, w.name AS point_name, "
		"w.label AS grade_label, w.rank AS grade_rank, w.control, w.since AS date, w.days, w.reason "
		"FROM w JOIN unit u ON u.rid = w.unit ORDER BY w.rank IS NULL, w.rank, w.ko, u.ord, w.id, w.control",
		"ttttttti" "tdit", &crid);
	if (!rc)
		bind_copy(cursor_stmt(c), 2, date, -1);
	return query_done(out, c, rc);
}

int campaign_risk_distribution_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return risk_query(
		out, db, campaign,
		/* counted by grade row id from the two covering indexes (migration 035), then named: the unit,
		 * type and grade are looked up per count (3 000 at M), not per point (200 000) */
		"SELECT u.id AS unit, u.name AS unit_name, t.id AS type, t.name AS type_name, g.rank AS grade_rank, "
		"coalesce(g.label, '未评定') AS grade_label, sum(x.n) AS points "
		"FROM (SELECT p.unit, p.type, a.grade, count(*) AS n FROM risk_point p INDEXED BY risk_point_grading "
		"LEFT JOIN risk_assessment a INDEXED BY risk_assessment_cell ON a.id = p.assessment "
		"WHERE p.campaign = ?1 AND p.status = 'active' GROUP BY p.unit, p.type, a.grade) x "
		"JOIN unit u ON u.rid = x.unit JOIN risk_type t ON t.id = x.type LEFT JOIN risk_grade g ON g.rid = x.grade "
		"GROUP BY x.unit, x.type, g.rank, g.label ORDER BY u.ord, t.ord, g.rank IS NULL, g.rank",
		"ttttiti", RISK_ALL, NULL);
}

static const char SQL_MODEL_KIND[] = "SELECT kind, id || '@' || version FROM risk_model WHERE rid = ?1";

int campaign_risk_heatmap_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *model,
                                int residual)
{
	campaign_cursor *c;
	sqlite3_int64 crid, mrid = 0;
	sqlite3_stmt *st;
	char kind[16] = "", ref[160] = "";
	int rc = query_begin(
		out, &c, db, campaign,
		"WITH cnt AS (SELECT iif(?3, a.residual_likelihood, a.likelihood) AS l, iif(?3, a.residual_impact, a.impact) AS i, "
		/* the campaign's active points through the covering indexes of migration 035, their
		 * assessments in force kept when of a version of the model */
		"count(*) AS n FROM risk_point p INDEXED BY risk_point_grading "
		"CROSS JOIN risk_assessment a INDEXED BY risk_assessment_cell ON a.id = p.assessment "
		"WHERE p.campaign = ?1 AND p.status = 'active' AND a.model IN (SELECT v.rid FROM risk_model m "
		"JOIN risk_model v ON v.campaign = m.campaign AND v.id = m.id WHERE m.rid = ?2) GROUP BY 1, 2) "
		"SELECT c.likelihood, ll.label AS likelihood_label, c.impact, il.label AS impact_label, g.label AS grade_label, "
		"g.color, coalesce(cnt.n, 0) AS points FROM risk_model_cell c JOIN risk_grade g ON g.rid = c.grade "
		"JOIN risk_model_level ll ON ll.model = c.model AND ll.input = 'likelihood' AND ll.level = c.likelihood "
		"JOIN risk_model_level il ON il.model = c.model AND il.input = 'impact' AND il.level = c.impact "
		"LEFT JOIN cnt ON cnt.l = c.likelihood AND cnt.i = c.impact WHERE c.model = ?2 "
		"ORDER BY c.likelihood DESC, c.impact",
		"itittti", &crid);
	if (!rc && !(rc = risk_model_resolve(db, crid, model, &mrid))) {
		if (!(st = db_stmt(db, SQL_MODEL_KIND)))
			rc = campaign_error_code_last();
		else {
			sqlite3_bind_int64(st, 1, mrid);
			if (db_step_row(db, st, "cannot read the model", &rc)) {
				column_copy(st, 0, kind, sizeof kind);
				column_copy(st, 1, ref, sizeof ref);
			}
			sqlite3_reset(st);
			if (!rc && strcmp(kind, "matrix"))
				rc = error_set(CAMPAIGN_EINVALID, "model \"%s\" is a %s model; a heat map needs a matrix model", ref,
				               kind);
		}
	}
	if (!rc) {
		sqlite3_bind_int64(cursor_stmt(c), 2, mrid);
		sqlite3_bind_int(cursor_stmt(c), 3, residual ? 1 : 0);
	}
	return query_done(out, c, rc);
}
