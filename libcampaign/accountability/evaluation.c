/* Conduct evaluations (行风评议): a score per unit, year and period; the
 * ranking with ties (standard competition ranking: 1, 2, 2, 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "accountability/accountability.h"

/* A score: decimal text with at most two decimals, 0..1000, into hundredths:
 * an amount's syntax (amount_parse) without its thousands separators. */
static int score_parse(const char *s, long long *centi)
{
	if (s && !strchr(s, ',') && !amount_parse(s, centi) && *centi <= 100000)
		return CAMPAIGN_OK;
	return error_set(CAMPAIGN_EINVALID, "score \"%s\" is not a number from 0 to 1000 with at most two decimals",
	                 s ? s : "");
}

static const char SQL_EVAL_UPSERT[] =
	"INSERT INTO conduct_evaluation (id, campaign, year, period, unit, score_centi, evaluated_on, note, recorded_by, "
	"recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (campaign, year, period, unit) "
	"DO UPDATE SET score_centi = excluded.score_centi, evaluated_on = excluded.evaluated_on, note = excluded.note, "
	"recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at";

int evaluation_insert(stmts *c, sqlite3_int64 crid, int year, const char *period, const char *unit,
                      const char *score, const char *evaluated_on, const char *note, const char *actor)
{
	sqlite3_int64 urid;
	sqlite3_stmt *st;
	long long centi = 0;
	char id[37];
	int rc;
	if (year < 1900 || year > 9999)
		return error_set(CAMPAIGN_EINVALID, "year %d is not a year", year);
	if ((rc = need(period, "period")) || (rc = need(unit, "unit")) || (rc = need(score, "score")) ||
	    (rc = score_parse(score, &centi)) || (rc = need_date(evaluated_on, "evaluated_on")))
		return rc;
	if ((rc = unit_rid(c, crid, unit, &urid)))
		return rc;
	if (!(st = acc_insert_new(c, SQL_EVAL_UPSERT, id)))
		return campaign_error_code_last();
	bind_all(st, "tIitIIto", id, crid, year, period, urid, (sqlite3_int64)centi, evaluated_on, note);
	return acc_step_recorded(c->db, st, 9, actor, "cannot record the evaluation");
}

ACC_OPTIONS(evaluation_add, CAMPAIGN_EVALUATION_ADD_OPTIONS_VERSION)

typedef struct evaluation_in {
	const campaign_evaluation_add_options *o;
	char detail[64]; /* "YEAR PERIOD", the call entry's detail */
} evaluation_in;

static int evaluation_check(void *ctx)
{
	evaluation_in *in = ctx;
	int rc;
	if ((rc = evaluation_add_options_check(in->o)) ||
	    (rc = need(in->o->unit, "unit")))
		return rc;
	snprintf(in->detail, sizeof in->detail, "%d %s", in->o->year, in->o->period ? in->o->period : "");
	return CAMPAIGN_OK;
}

static int evaluation_body(write_op *op, void *ctx)
{
	const campaign_evaluation_add_options *o = ((const evaluation_in *)ctx)->o;
	return evaluation_insert(&op->st, op->crid, o->year, o->period, o->unit, o->score, o->evaluated_on, o->note,
	                         op->actor);
}

static const write_text EVALUATION_ADD_TEXTS[] = WRITE_TEXTS(campaign_evaluation_add_options);

int campaign_evaluation_add(campaign_db *db, const char *campaign, const campaign_evaluation_add_options *opts,
                            const char *actor)
{
	evaluation_in in = {opts, ""};
	/* the entry keeps the operation's former name, so that audit logs read alike before and after the rename */
	write_op op = {.texts = EVALUATION_ADD_TEXTS, .text_of = opts,
	               .name = "evaluation.record", .actor = actor, .campaign = campaign,
	               .object = opts ? opts->unit : NULL, .detail = in.detail, .access = ACCESS_PLAN,
	               .check = evaluation_check, .body = evaluation_body};
	return db_write(db, &op, &in, NULL);
}

static const char SQL_RANKING[] =
	"WITH e AS (SELECT ev.* FROM conduct_evaluation ev WHERE ev.campaign = ?1 AND ev.year = ?2 "
	"AND (?3 IS NULL OR ev.period = ?3) AND (?4 IS NULL OR ev.unit IN (SELECT gm.unit FROM unit_group g "
	"JOIN unit_group_member gm ON gm.grp = g.rid WHERE g.campaign = ?1 AND g.id = ?4))) "
	"SELECT e.year, e.period, u.id AS unit, u.name AS unit_name, printf('%.2f', e.score_centi / 100.0) AS score, "
	"rank() OVER (PARTITION BY e.period ORDER BY e.score_centi DESC) AS rank, "
	"rank() OVER (PARTITION BY e.period ORDER BY e.score_centi) AS rank_from_bottom, "
	"count(*) OVER (PARTITION BY e.period) AS units, e.evaluated_on, e.id "
	"FROM e JOIN unit u ON u.rid = e.unit ORDER BY e.period, rank, u.ord";

/* Ranks within (year, period), optionally among the members of a group.
 * rank() over the score descending is standard competition ranking. */
int campaign_evaluation_ranking_query(campaign_cursor **out, campaign_db *db, const char *campaign, int year,
                                      const char *period, const char *group)
{
	return query_run(out, db, campaign, SQL_RANKING, "itttti" "iidt", "itt", year, period, group);
}
