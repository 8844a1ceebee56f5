/* Grading risk points: the inherent grade from the inputs, the residual
 * grade after the controls in place, under a model version; re-grading,
 * manual overrides, and the grades' history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "risk/risk.h"

#define GRADES_MAX 10
#define LEVELS_MAX 10

enum { KIND_MATRIX, KIND_WEIGHTED, KIND_CRITERIA };

/* A model loaded for grading. */
typedef struct rmodel {
	sqlite3_int64 rid;
	char ref[160]; /* "id@version" */
	int kind;
	int ngrades;
	struct { sqlite3_int64 rid; int min; char label[128]; } g[GRADES_MAX]; /* by rank: g[0] is the top */
	int ninputs;
	struct { char id[RISK_NAME_MAX]; int weight, min, max, override; } in[RISK_INPUTS_MAX];
	int cell[LEVELS_MAX][LEVELS_MAX]; /* grade index by likelihood-1, impact-1 */
} rmodel;

/* What a set of inputs grades to. */
typedef struct rresult {
	int grade; /* index into rmodel.g */
	int l, i;  /* matrix cell */
	long score;
	risk_inputs used; /* the model's inputs, as used */
} rresult;

static const char SQL_M_HEAD[] = "SELECT id || '@' || version, kind FROM risk_model WHERE rid = ?1";
static const char SQL_M_GRADES[] =
	"SELECT g.rid, coalesce(t.min, 0), g.label FROM risk_grade g "
	"LEFT JOIN risk_model_threshold t ON t.model = g.model AND t.grade = g.rid WHERE g.model = ?1 ORDER BY g.rank";
static const char SQL_M_INPUTS[] =
	"SELECT id, coalesce(weight, 0), min, max, override FROM risk_model_input WHERE model = ?1 ORDER BY ord";
static const char SQL_M_CELLS[] =
	"SELECT c.likelihood, c.impact, g.rank FROM risk_model_cell c JOIN risk_grade g ON g.rid = c.grade "
	"WHERE c.model = ?1";

static int model_load(campaign_db *db, sqlite3_int64 rid, rmodel *m)
{
	sqlite3_stmt *st;
	int rc;
	memset(m, 0, sizeof *m);
	m->rid = rid;
	if (!(st = db_stmt(db, SQL_M_HEAD)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, rid);
	rc = CAMPAIGN_OK;
	if (db_step_row(db, st, "cannot read the model", &rc)) {
		const char *k = db_column_text(st, 1, &rc);
		column_copy(st, 0, m->ref, sizeof m->ref);
		m->kind = !strcmp(k, "matrix") ? KIND_MATRIX : !strcmp(k, "weighted") ? KIND_WEIGHTED : KIND_CRITERIA;
	} else if (!rc)
		rc = error_set(CAMPAIGN_ENOTFOUND, "no grading model with row id %lld", (long long)rid);
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!(st = db_stmt(db, SQL_M_GRADES)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, rid);
	while (m->ngrades < GRADES_MAX && db_step_row(db, st, "cannot read the model's grades", &rc)) {
		m->g[m->ngrades].rid = sqlite3_column_int64(st, 0);
		m->g[m->ngrades].min = sqlite3_column_int(st, 1);
		column_copy(st, 2, m->g[m->ngrades].label, sizeof m->g[0].label);
		m->ngrades++;
	}
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!(st = db_stmt(db, SQL_M_INPUTS)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, rid);
	while (m->ninputs < RISK_INPUTS_MAX && db_step_row(db, st, "cannot read the model's inputs", &rc)) {
		column_copy(st, 0, m->in[m->ninputs].id, sizeof m->in[0].id);
		m->in[m->ninputs].weight = sqlite3_column_int(st, 1);
		m->in[m->ninputs].min = sqlite3_column_int(st, 2);
		m->in[m->ninputs].max = sqlite3_column_int(st, 3);
		m->in[m->ninputs].override = sqlite3_column_int(st, 4);
		m->ninputs++;
	}
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (m->kind != KIND_MATRIX)
		return CAMPAIGN_OK;
	if (!(st = db_stmt(db, SQL_M_CELLS)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, rid);
	while (db_step_row(db, st, "cannot read the model's cells", &rc)) {
		int l = sqlite3_column_int(st, 0), i = sqlite3_column_int(st, 1);
		if (l >= 1 && l <= LEVELS_MAX && i >= 1 && i <= LEVELS_MAX)
			m->cell[l - 1][i - 1] = sqlite3_column_int(st, 2) - 1;
	}
	sqlite3_reset(st);
	return rc;
}

static int model_input(const rmodel *m, const char *name)
{
	for (int k = 0; k < m->ninputs; k++)
		if (!strcmp(m->in[k].id, name))
			return k;
	return -1;
}

/* Checks inputs given to a grading: each an input of the model, in range. */
static int inputs_check(const rmodel *m, const risk_inputs *given)
{
	for (int j = 0; j < given->n; j++) {
		int k = model_input(m, given->v[j].name);
		if (k < 0)
			return error_set(CAMPAIGN_EINVALID, "\"%s\" is not an input of model \"%s\"", given->v[j].name, m->ref);
		if (given->v[j].value < m->in[k].min || given->v[j].value > m->in[k].max)
			return error_set(CAMPAIGN_EINVALID, "%s = %d is outside %d..%d of model \"%s\"", given->v[j].name,
			                 given->v[j].value, m->in[k].min, m->in[k].max, m->ref);
	}
	return CAMPAIGN_OK;
}

/* The first grade, by rank, whose threshold @score reaches. */
static int by_threshold(const rmodel *m, long score)
{
	for (int g = 0; g < m->ngrades; g++)
		if (score >= m->g[g].min)
			return g;
	return m->ngrades - 1;
}

/* Grades @in under @m into @r; @point names the point in errors. */
static int compute(const rmodel *m, const risk_inputs *in, const char *point, rresult *r)
{
	int forced = 0, rc;
	memset(r, 0, sizeof *r);
	for (int k = 0; k < m->ninputs; k++) {
		int found, v = risk_inputs_get(in, m->in[k].id, &found);
		if (!found && m->kind != KIND_CRITERIA)
			return error_set(CAMPAIGN_EINVALID, "risk point \"%s\" has no %s, which model \"%s\" grades from", point,
			                 m->in[k].id, m->ref);
		if (v < m->in[k].min || v > m->in[k].max)
			return error_set(CAMPAIGN_EINVALID, "risk point \"%s\": %s = %d is outside %d..%d of model \"%s\"", point,
			                 m->in[k].id, v, m->in[k].min, m->in[k].max, m->ref);
		if ((rc = risk_inputs_set(&r->used, m->in[k].id, v)))
			return rc;
		if (m->kind == KIND_MATRIX)
			*(k == 0 ? &r->l : &r->i) = v;
		else if (m->kind == KIND_WEIGHTED)
			r->score += (long)m->in[k].weight * v;
		else {
			r->score += v;
			forced |= v && m->in[k].override;
		}
	}
	if (m->kind == KIND_MATRIX)
		r->grade = m->cell[r->l - 1][r->i - 1];
	else
		r->grade = forced ? 0 : by_threshold(m, r->score);
	return CAMPAIGN_OK;
}

/* Applies the effects of the controls in place ("a=-1,b=-1|c=-2": one
 * control per '|') to @in, clamped to the model's ranges; override criteria
 * are never reduced. */
static int apply_effects(const rmodel *m, const risk_inputs *in, const char *effects, risk_inputs *out)
{
	int delta[RISK_INPUTS_MAX] = {0}, rc;
	char one[1024];
	*out = *in;
	for (const char *p = effects; p && *p;) {
		size_t n = strcspn(p, "|");
		risk_inputs e;
		snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), p);
		if ((rc = risk_inputs_parse(&e, one, "a control's effect")))
			return rc;
		for (int j = 0; j < e.n; j++) {
			int k = model_input(m, e.v[j].name);
			if (k >= 0 && !m->in[k].override)
				delta[k] += e.v[j].value;
		}
		p += n;
		if (*p)
			p++;
	}
	for (int k = 0; k < m->ninputs; k++) {
		int found, v = risk_inputs_get(in, m->in[k].id, &found);
		if (!found || !delta[k])
			continue;
		v += delta[k];
		v = v < m->in[k].min ? m->in[k].min : v > m->in[k].max ? m->in[k].max : v;
		if ((rc = risk_inputs_set(out, m->in[k].id, v)))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* ---- a point's state and writing a grade ---- */

#define POINT_STATE_SELECT                                                                                       \
	"SELECT p.id, p.unit, p.status, p.inputs, a.model, a.id, a.graded_on, "                                    \
	"(SELECT group_concat(k.effect, '|') FROM risk_control k WHERE k.point = p.id AND k.status = 'in_place' "  \
	"AND k.effect <> ''), a.inherent_grade, a.residual_grade, a.override_grade, a.override_reason, "           \
	"g.label || ' (' || m.id || '@' || m.version || ')', a.inputs, a.residual_inputs "                         \
	"FROM risk_point p LEFT JOIN risk_assessment a ON a.id = p.assessment "                                   \
	"LEFT JOIN risk_grade g ON g.rid = a.grade LEFT JOIN risk_model m ON m.rid = a.model "

static const char SQL_POINT_STATE[] = POINT_STATE_SELECT "WHERE p.id = ?1 AND p.campaign = ?2";
static const char SQL_POINTS_STATE[] =
	POINT_STATE_SELECT "WHERE p.campaign = ?1 AND p.status = 'active' AND (?2 IS NULL OR p.unit = ?2) ORDER BY p.unit, p.id";

enum { S_ID, S_UNIT, S_STATUS, S_INPUTS, S_MODEL, S_CURRENT, S_GRADED_ON, S_EFFECTS, S_INHERENT, S_RESIDUAL,
       S_OVERRIDE, S_OVERRIDE_REASON, S_LABEL, S_CUR_INPUTS, S_CUR_RESIDUAL };

static const char SQL_ASSESS_INSERT[] =
	"INSERT INTO risk_assessment (id, point, model, inputs, likelihood, impact, score, inherent_grade, residual_inputs, "
	"residual_likelihood, residual_impact, residual_score, residual_grade, override_grade, override_reason, grade, "
	"reason, graded_on, actor, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, coalesce(?14, ?13), ?16, ?17, ?18, ?19)";
static const char SQL_POINT_SET_GRADE[] = "UPDATE risk_point SET assessment = ?2, inputs = ?3 WHERE id = ?1";

/* Binds the numbers of a result (matrix cell or score) at @i, @i+1, @i+2. */
static void bind_result(sqlite3_stmt *st, int i, const rmodel *m, const rresult *r)
{
	if (m->kind == KIND_MATRIX) {
		sqlite3_bind_int(st, i, r->l);
		sqlite3_bind_int(st, i + 1, r->i);
	} else {
		sqlite3_bind_int64(st, i + 2, r->score);
	}
}

/* One grading to write. */
typedef struct grading {
	const rmodel *m;
	rresult inherent, residual;
	sqlite3_int64 override_grade; /* kept from the grade in force, or 0 */
	const char *override_reason, *reason, *date, *actor, *before;
	const char *point, *stored_inputs; /* the point's inputs after this grading */
	const char *id;                    /* the assessment's id; NULL: a new one */
	int point_written;                 /* the point was inserted with this grade (bulk import) */
} grading;

/* Points the point at its new grade, unless it was inserted with it. */
static int point_set_grade(campaign_db *db, const grading *w, const char *id)
{
	if (w->point_written)
		return CAMPAIGN_OK;
	return stmt_run(NULL, db, SQL_POINT_SET_GRADE, "cannot record the grade", "ttt", w->point, id, w->stored_inputs);
}

static int grading_write(campaign_db *db, const grading *w)
{
	struct campaign_buf in = {0}, res = {0};
	sqlite3_stmt *st;
	char id[37], now[21], after[300];
	int rc;
	if ((rc = risk_inputs_format(&w->inherent.used, &in)) || (rc = risk_inputs_format(&w->residual.used, &res)) ||
	    !(st = db_stmt(db, SQL_ASSESS_INSERT))) {
		rc = rc ? rc : campaign_error_code_last();
		goto done;
	}
	if (w->id)
		snprintf(id, sizeof id, "%s", w->id);
	else
		db_new_id(id);
	db_now(now);
	bind_copy(st, 1, id, -1);
	bind_copy(st, 2, w->point, -1);
	sqlite3_bind_int64(st, 3, w->m->rid);
	bind_copy(st, 4, in.data, -1);
	bind_result(st, 5, w->m, &w->inherent);
	sqlite3_bind_int64(st, 8, w->m->g[w->inherent.grade].rid);
	bind_copy(st, 9, res.data, -1);
	bind_result(st, 10, w->m, &w->residual);
	sqlite3_bind_int64(st, 13, w->m->g[w->residual.grade].rid);
	if (w->override_grade) {
		sqlite3_bind_int64(st, 14, w->override_grade);
		bind_copy(st, 15, w->override_reason, -1);
	}
	sqlite3_bind_text(st, 16, w->reason, -1, SQLITE_STATIC);
	bind_copy(st, 17, w->date, -1);
	sqlite3_bind_text(st, 18, w->actor, -1, SQLITE_STATIC);
	bind_copy(st, 19, now, -1);
	if ((rc = db_step_done(db, st, "cannot record the grade")) || (rc = point_set_grade(db, w, id)))
		goto done;
	if (w->override_grade) {
		for (int g = 0; g < w->m->ngrades; g++)
			if (w->m->g[g].rid == w->override_grade)
				snprintf(after, sizeof after, "%s (%s)", w->m->g[g].label, w->m->ref);
	} else {
		snprintf(after, sizeof after, "%s (%s)", w->m->g[w->residual.grade].label, w->m->ref);
	}
	rc = risk_history_add(db, w->point, w->reason, "grade", w->before, after, w->actor);
done:
	buf_reset(&in);
	buf_reset(&res);
	return rc;
}

/* Whether the grade in force (row @st, same model) has the inputs and
 * grades just computed. */
static int same_grading(sqlite3_stmt *st, const grading *w, int *same)
{
	struct campaign_buf in = {0}, res = {0};
	int rc;
	*same = 0;
	if (!(rc = risk_inputs_format(&w->inherent.used, &in)) && !(rc = risk_inputs_format(&w->residual.used, &res)))
		*same = sqlite3_column_int64(st, S_INHERENT) == w->m->g[w->inherent.grade].rid &&
		        sqlite3_column_int64(st, S_RESIDUAL) == w->m->g[w->residual.grade].rid &&
		        !strcmp((const char *)sqlite3_column_text(st, S_CUR_INPUTS), in.data) &&
		        !strcmp((const char *)sqlite3_column_text(st, S_CUR_RESIDUAL), res.data);
	buf_reset(&in);
	buf_reset(&res);
	return rc;
}

/* Grades the point in row @st of a state query. @given: inputs to merge
 * (NULL for none). @keep: the grading keeps the point's date and override
 * (a control changed). @skip_same: leave the point alone when the model and
 * both grades are unchanged. *written says whether a grade was written. */
static int grade_row(campaign_db *db, sqlite3_stmt *st, const rmodel *m, const risk_inputs *given, const char *date,
                     const char *reason, int keep, int skip_same, const char *actor, int *written)
{
	const char *point = (const char *)sqlite3_column_text(st, S_ID);
	struct campaign_buf stored_text = {0};
	risk_inputs stored, residual_in;
	grading w;
	int rc, same = 0;
	*written = 0;
	memset(&w, 0, sizeof w);
	w.m = m;
	if ((rc = risk_inputs_parse(&stored, (const char *)sqlite3_column_text(st, S_INPUTS), "the stored inputs")))
		return rc;
	for (int j = 0; given && j < given->n; j++)
		if ((rc = risk_inputs_set(&stored, given->v[j].name, given->v[j].value)))
			return rc;
	if ((rc = compute(m, &stored, point, &w.inherent)) ||
	    (rc = apply_effects(m, &w.inherent.used, (const char *)sqlite3_column_text(st, S_EFFECTS), &residual_in)) ||
	    (rc = compute(m, &residual_in, point, &w.residual)))
		return rc;
	if (skip_same && sqlite3_column_int64(st, S_MODEL) == m->rid && (rc = same_grading(st, &w, &same)))
		return rc;
	if (skip_same && same)
		return CAMPAIGN_OK;
	if (keep) {
		w.override_grade = sqlite3_column_int64(st, S_OVERRIDE);
		w.override_reason = (const char *)sqlite3_column_text(st, S_OVERRIDE_REASON);
		date = (const char *)sqlite3_column_text(st, S_GRADED_ON);
	}
	if ((rc = risk_inputs_format(&stored, &stored_text)))
		return rc;
	w.reason = reason, w.date = date, w.actor = actor, w.point = point;
	w.before = (const char *)sqlite3_column_text(st, S_LABEL);
	w.stored_inputs = stored_text.data;
	rc = grading_write(db, &w);
	buf_reset(&stored_text);
	*written = rc == CAMPAIGN_OK;
	return rc;
}

/* Steps the one-point state query; ENOTFOUND when there is no such point. */
static int point_state(campaign_db *db, sqlite3_int64 crid, const char *point, sqlite3_stmt **out)
{
	return risk_row(db, SQL_POINT_STATE, point, crid, "risk point", out);
}

int risk_grade_point(campaign_db *db, sqlite3_int64 crid, const char *point, const char *model, const char *inputs,
                     const char *date, const char *reason, const char *actor)
{
	sqlite3_stmt *st = NULL;
	sqlite3_int64 mrid = 0;
	risk_inputs given;
	rmodel *m = NULL;
	int rc, written;
	if ((rc = need(point, "the risk point")) || (rc = need_date(date, "the date graded")) ||
	    (rc = risk_inputs_parse(&given, inputs, "inputs")) || (rc = point_state(db, crid, point, &st)))
		return rc;
	if (strcmp((const char *)sqlite3_column_text(st, S_STATUS), "active")) {
		rc = error_set(CAMPAIGN_ECONFLICT, "risk point \"%s\" is retired and is not graded", point);
		goto done;
	}
	if ((rc = access_check(db, actor, ACCESS_UNIT, sqlite3_column_int64(st, S_UNIT), "risk.point.grade")))
		goto done;
	if (model || sqlite3_column_type(st, S_MODEL) == SQLITE_NULL)
		rc = risk_model_resolve(db, crid, model, &mrid);
	else
		mrid = sqlite3_column_int64(st, S_MODEL);
	if (!rc && !(m = malloc(sizeof *m)))
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (rc || (rc = model_load(db, mrid, m)) || (rc = inputs_check(m, &given)))
		goto done;
	rc = grade_row(db, st, m, &given, date, reason, 0, 0, actor, &written);
done:
	free(m);
	sqlite3_reset(st);
	return rc;
}

int risk_grade_refresh(campaign_db *db, sqlite3_int64 crid, const char *point, const char *actor)
{
	sqlite3_stmt *st = NULL;
	rmodel *m = NULL;
	int rc, written;
	if ((rc = point_state(db, crid, point, &st)))
		return rc;
	if (sqlite3_column_type(st, S_MODEL) == SQLITE_NULL ||
	    strcmp((const char *)sqlite3_column_text(st, S_STATUS), "active"))
		goto done;
	if (!(m = malloc(sizeof *m)))
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	else if (!(rc = model_load(db, sqlite3_column_int64(st, S_MODEL), m)))
		rc = grade_row(db, st, m, NULL, NULL, "control", 1, 1, actor, &written);
done:
	free(m);
	sqlite3_reset(st);
	return rc;
}

/* ---- a bulk import's grading: the model loaded once, a point graded before it is written ---- */

struct risk_grader {
	rmodel m;
	grading w;
	char id[37];
};

int risk_grader_new(campaign_db *db, sqlite3_int64 model, risk_grader **out)
{
	risk_grader *g = calloc(1, sizeof *g);
	int rc;
	if (!g)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if ((rc = model_load(db, model, &g->m))) {
		free(g);
		return rc;
	}
	*out = g;
	return CAMPAIGN_OK;
}

void risk_grader_free(risk_grader *g)
{
	free(g);
}

/* As grade_row() for a point with no stored inputs, no controls and no grade. */
int risk_grader_compute(risk_grader *g, const char *point, const risk_inputs *given, struct campaign_buf *stored,
                        char assessment[37])
{
	risk_inputs residual_in;
	int rc;
	memset(&g->w, 0, sizeof g->w);
	g->w.m = &g->m;
	if ((rc = inputs_check(&g->m, given)) || (rc = compute(&g->m, given, point, &g->w.inherent)) ||
	    (rc = apply_effects(&g->m, &g->w.inherent.used, NULL, &residual_in)) ||
	    (rc = compute(&g->m, &residual_in, point, &g->w.residual)) || (rc = risk_inputs_format(given, stored)))
		return rc;
	db_new_id(g->id);
	snprintf(assessment, 37, "%s", g->id);
	return CAMPAIGN_OK;
}

int risk_grader_write(campaign_db *db, risk_grader *g, const char *point, const char *date, const char *actor)
{
	g->w.reason = "import", g->w.date = date, g->w.actor = actor, g->w.point = point;
	g->w.id = g->id;
	g->w.point_written = 1;
	return grading_write(db, &g->w);
}

static int grade_body(write_op *op, void *ctx)
{
	const campaign_risk_point_grade_options *o = ctx;
	return risk_grade_point(op->db, op->crid, o->point, o->model, o->inputs, o->date, "grade", op->actor);
}

OPTIONS_WRITE_FN(risk_point_grade, CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION, point, inputs,
                 .name = "risk.point.grade", .access = WRITE_ANY, .body = grade_body)

/* ---- re-grading the register ---- */

static int regrade(campaign_db *db, sqlite3_int64 crid, const char *model, const char *unit, const char *date,
                   const char *actor, int *count)
{
	sqlite3_int64 mrid, urid = 0;
	sqlite3_stmt *st;
	rmodel *m;
	int rc, step = SQLITE_DONE, written;
	*count = 0;
	if ((rc = risk_model_resolve(db, crid, model, &mrid)) ||
	    (unit && (rc = db_object_rid(db, "unit", crid, unit, &urid))))
		return rc;
	if (!(m = malloc(sizeof *m)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if ((rc = model_load(db, mrid, m)) || !(st = db_stmt(db, SQL_POINTS_STATE))) {
		rc = rc ? rc : campaign_error_code_last();
		free(m);
		return rc;
	}
	sqlite3_bind_int64(st, 1, crid);
	if (urid)
		sqlite3_bind_int64(st, 2, urid);
	/* one pass over the register; each point's row carries all it needs */
	while (!rc && (step = stmt_step(st)) == SQLITE_ROW)
		if (!(rc = grade_row(db, st, m, NULL, date, "regrade", 0, 1, actor, &written)))
			*count += written;
	if (!rc && step != SQLITE_DONE)
		rc = error_from_sqlite(db->sql, step, "cannot read the register");
	sqlite3_reset(st);
	free(m);
	return rc;
}

typedef struct regrade_args {
	const char *model, *unit, *date;
	int count;
	char detail[96];
} regrade_args;

static int regrade_check(void *ctx)
{
	return need_date(((const regrade_args *)ctx)->date, "the date graded");
}

static int regrade_body(write_op *op, void *ctx)
{
	regrade_args *a = ctx;
	int rc = regrade(op->db, op->crid, a->model, a->unit, a->date, op->actor, &a->count);
	snprintf(a->detail, sizeof a->detail, "%d points", a->count);
	op->detail = a->detail;
	return rc;
}

int campaign_risk_regrade(campaign_db *db, const char *campaign, const char *model, const char *unit,
                          const char *date, const char *actor)
{
	regrade_args a = {model, unit, date, 0, ""};
	write_op op = {.name = "risk.regrade", .actor = actor, .campaign = campaign, .object = model,
	               .access = ACCESS_PLAN, .check = regrade_check, .body = regrade_body};
	int rc = db_write(db, &op, &a, NULL);
	return rc ? rc : a.count;
}

/* ---- overrides ---- */

static const char SQL_GRADE_OF_MODEL[] =
	"SELECT g.rid, g.label || ' (' || m.id || '@' || m.version || ')' FROM risk_grade g "
	"JOIN risk_model m ON m.rid = g.model WHERE g.model = ?1 AND (g.id = ?2 OR g.label = ?2)";
static const char SQL_OVERRIDE_COPY[] =
	"INSERT INTO risk_assessment (id, point, model, inputs, likelihood, impact, score, inherent_grade, residual_inputs, "
	"residual_likelihood, residual_impact, residual_score, residual_grade, override_grade, override_reason, grade, "
	"reason, graded_on, actor, recorded_at) "
	"SELECT ?1, point, model, inputs, likelihood, impact, score, inherent_grade, residual_inputs, residual_likelihood, "
	"residual_impact, residual_score, residual_grade, ?2, ?3, ?2, 'override', ?4, ?5, ?6 FROM risk_assessment WHERE id = ?7";
static const char SQL_POINT_SET_ASSESSMENT[] = "UPDATE risk_point SET assessment = ?2 WHERE id = ?1";

static int override_point(campaign_db *db, sqlite3_int64 crid, const char *point, const char *grade,
                          const char *reason, const char *date, const char *actor)
{
	sqlite3_stmt *st = NULL, *g;
	sqlite3_int64 grid = 0;
	char id[37], now[21], current[64] = "", before[300] = "", after[300] = "";
	int rc;
	if ((rc = point_state(db, crid, point, &st)))
		return rc;
	if (strcmp((const char *)sqlite3_column_text(st, S_STATUS), "active") ||
	    sqlite3_column_type(st, S_MODEL) == SQLITE_NULL)
		rc = error_set(CAMPAIGN_ECONFLICT, "risk point \"%s\" is %s: only a graded point's grade can be overridden",
		               point, sqlite3_column_type(st, S_MODEL) == SQLITE_NULL ? "not graded" : "retired");
	else if (!(g = db_stmt(db, SQL_GRADE_OF_MODEL)))
		rc = campaign_error_code_last();
	else {
		sqlite3_bind_int64(g, 1, sqlite3_column_int64(st, S_MODEL));
		bind_copy(g, 2, grade, -1);
		if (db_step_row(db, g, "cannot read the model's grades", &rc)) {
			grid = sqlite3_column_int64(g, 0);
			column_copy(g, 1, after, sizeof after);
		}
		sqlite3_reset(g);
		column_copy(st, S_CURRENT, current, sizeof current);
		column_copy(st, S_LABEL, before, sizeof before);
		if (!rc && !grid)
			rc = error_set(CAMPAIGN_EINVALID, "\"%s\" is not a grade of the point's model", grade);
	}
	sqlite3_reset(st);
	if (rc || (rc = access_check(db, actor, ACCESS_PLAN, 0, "risk.point.override")))
		return rc;
	db_new_id(id);
	db_now(now);
	if ((rc = stmt_run(NULL, db, SQL_OVERRIDE_COPY, "cannot record the override", "tIttttt", id, grid, reason, date,
	                   actor, now, current)) ||
	    (rc = stmt_run(NULL, db, SQL_POINT_SET_ASSESSMENT, "cannot record the override", "tt", point, id)))
		return rc;
	return risk_history_add(db, point, "override", "grade", before, after, actor);
}

static int override_check(void *ctx)
{
	const campaign_risk_point_override_options *o = ctx;
	int rc;
	if (!(rc = need(o->point, "the risk point")) && !(rc = need(o->grade, "the grade")) &&
	    !(rc = need(o->reason, "a reason for the override")))
		rc = need_date(o->date, "the date");
	return rc;
}

static int override_body(write_op *op, void *ctx)
{
	const campaign_risk_point_override_options *o = ctx;
	return override_point(op->db, op->crid, o->point, o->grade, o->reason, o->date, op->actor);
}

static const write_text RISK_POINT_OVERRIDE_TEXTS[] = WRITE_TEXTS(campaign_risk_point_override_options);

OPTIONS_WRITE_FN(risk_point_override, CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION, point, reason,
                 .texts = RISK_POINT_OVERRIDE_TEXTS, .name = "risk.point.override", .access = WRITE_ANY, .check = override_check, .body = override_body)

/* ---- the grades' history ---- */

int campaign_risk_grades_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *point)
{
	return risk_query(
		out, db, campaign,
		"SELECT a.id, a.point, m.id AS model, m.version AS model_version, m.kind, a.inputs, a.likelihood, a.impact, "
		"a.score, gi.id AS inherent_grade, gi.label AS inherent_label, a.residual_inputs, a.residual_likelihood, "
		"a.residual_impact, a.residual_score, gr.id AS residual_grade, gr.label AS residual_label, "
		"go.id AS override_grade, go.label AS override_label, a.override_reason, g.id AS grade, "
		"g.label AS grade_label, g.rank AS grade_rank, g.color, g.owner_level, a.reason, a.graded_on, a.actor, "
		"a.recorded_at, p.assessment = a.id AS current "
		"FROM risk_point p JOIN risk_assessment a ON a.point = p.id JOIN risk_model m ON m.rid = a.model "
		"JOIN risk_grade gi ON gi.rid = a.inherent_grade JOIN risk_grade gr ON gr.rid = a.residual_grade "
		"LEFT JOIN risk_grade go ON go.rid = a.override_grade JOIN risk_grade g ON g.rid = a.grade "
		"WHERE p.campaign = ?1 AND (?2 IS NULL OR p.id = ?2) ORDER BY p.id, a.recorded_at, a.id",
		"tttitt" "iiitttiiitttttt" "titttdtti", RISK_POINT, point);
}
