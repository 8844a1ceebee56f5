/* Controls on the three lines of defence (三道防线: 前期预防, 中期监控,
 * 后期处置) and the coverage check of top-grade points. */
#include <stdio.h>
#include <string.h>
#include "risk/risk.h"

static const char *const LINES[] = {"prevention", "monitoring", "disposal", NULL};
static const char *const STATUSES[] = {"planned", "in_place", "retired", NULL};

/* An effect: inputs with values 0 or below; @out gets its canonical text. */
static int effect_check(const char *effect, struct campaign_buf *out)
{
	risk_inputs e;
	int rc;
	if ((rc = risk_inputs_parse(&e, effect, "effect")))
		return rc;
	for (int j = 0; j < e.n; j++)
		if (e.v[j].value > 0)
			return error_set(CAMPAIGN_EINVALID, "effect: %s = %d would raise the risk; a control reduces (0 or below)",
			                 e.v[j].name, e.v[j].value);
	return risk_inputs_format(&e, out);
}

static const char SQL_CONTROL_EXISTS[] = "SELECT 1 FROM risk_control WHERE id = ?1";
static const char SQL_CONTROL_INSERT[] =
	"INSERT INTO risk_control (id, campaign, point, line, measure, owner, status, due_on, effect, created_by, created_at, "
	"due_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/* A control being added: the caller's fields, checked, with its id and effect in canonical form. */
typedef struct control_args {
	const campaign_risk_control_add_options *opts;
	const char *status;
	struct campaign_buf effect;
	char id[128];
	char due[11]; /* the due date's day ("" when none), from o->due_on in the deadline language */
} control_args;

static int control_insert(campaign_db *db, sqlite3_int64 crid, const control_args *k, const char *actor)
{
	const campaign_risk_control_add_options *o = k->opts;
	sqlite3_stmt *st;
	char now[21], hist[600];
	int rc, taken;
	if (!(st = db_stmt(db, SQL_CONTROL_EXISTS)))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, k->id, -1, SQLITE_STATIC);
	rc = CAMPAIGN_OK;
	taken = db_step_row(db, st, "cannot read the controls", &rc);
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (taken)
		return error_set(CAMPAIGN_ECONFLICT, "a control \"%s\" exists already", k->id);
	db_now(now);
	/* ?12: the due date as written, when it is not the day itself */
	if ((rc = stmt_run(NULL, db, SQL_CONTROL_INSERT, "cannot add the control", "tItttotottt" "t", k->id, crid, o->point,
	                   o->line, o->measure, o->owner, k->status, k->due, k->effect.data, actor, now,
	                   *k->due && strcmp(o->due_on, k->due) ? o->due_on : NULL)))
		return rc;
	snprintf(hist, sizeof hist, "%s %s: %s", k->id, o->line, o->measure);
	if ((rc = risk_history_add(db, o->point, "control", "control", NULL, hist, actor)))
		return rc;
	return risk_grade_refresh(db, crid, o->point, actor);
}

OPTIONS_INIT_FN(risk_control_add, CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION)

/* Everything that needs no reading; the id is chosen here, so that a refusal names it. */
static int control_check(void *ctx)
{
	control_args *k = ctx;
	const campaign_risk_control_add_options *o = k->opts;
	int rc;
	if ((rc = options_check(o, CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION, "campaign_risk_control_add_options")))
		return rc;
	k->status = o->status ? o->status : "planned";
	if ((rc = need(o->point, "the risk point")) ||
	    (rc = one_of(o->line, LINES, "the line", "prevention, monitoring, disposal")) ||
	    (rc = need(o->measure, "the measure")) ||
	    (rc = one_of(k->status, STATUSES, "the status", "planned, in_place, retired")) ||
	    (rc = effect_check(o->effect, &k->effect)))
		return rc;
	if (o->id && *o->id && strlen(o->id) >= sizeof k->id)
		return error_set(CAMPAIGN_EINVALID, "id \"%s\" is too long", o->id);
	if (o->id && *o->id)
		snprintf(k->id, sizeof k->id, "%s", o->id);
	else
		db_new_id(k->id);
	return CAMPAIGN_OK;
}

static int control_add_body(write_op *op, void *ctx)
{
	control_args *k = ctx;
	const char *due = k->opts->due_on;
	sqlite3_int64 unit;
	int rc;
	if ((due && *due && (rc = deadline_day(op->db, op->crid, "the due date", due, 0, 0, k->due))) ||
	    (rc = risk_point_unit(op->db, op->crid, k->opts->point, &unit)) ||
	    (rc = access_check(op->db, op->actor, ACCESS_UNIT, unit, "risk.control.add")) ||
	    (rc = control_insert(op->db, op->crid, k, op->actor)))
		return rc;
	op->detail = k->opts->point;
	return write_result(op, k->id);
}

static const write_text RISK_CONTROL_ADD_TEXTS[] = WRITE_TEXTS(campaign_risk_control_add_options);

int campaign_risk_control_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                              const campaign_risk_control_add_options *opts, const char *actor)
{
	control_args k = {.opts = opts};
	write_op op = {.texts = RISK_CONTROL_ADD_TEXTS, .text_of = opts,
	               .name = "risk.control.add", .actor = actor, .campaign = campaign, .object = k.id,
	               .access = WRITE_ANY, .check = control_check, .body = control_add_body};
	int rc = db_write(db, &op, &k, out_id);
	buf_reset(&k.effect);
	return rc;
}

static const char SQL_CONTROL_GET[] =
	"SELECT k.point, k.status, p.unit FROM risk_control k JOIN risk_point p ON p.id = k.point "
	"WHERE k.id = ?1 AND k.campaign = ?2";
static const char SQL_CONTROL_STATUS[] = "UPDATE risk_control SET status = ?2 WHERE id = ?1";

static int control_status(campaign_db *db, sqlite3_int64 crid, const char *control, const char *status,
                          const char *actor)
{
	sqlite3_stmt *st;
	sqlite3_int64 unit;
	char point[256], before[32], field[300];
	int rc;
	if ((rc = risk_row(db, SQL_CONTROL_GET, control, crid, "control", &st)))
		return rc;
	column_copy(st, 0, point, sizeof point);
	column_copy(st, 1, before, sizeof before);
	unit = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	if ((rc = access_check(db, actor, ACCESS_UNIT, unit, "risk.control.status")) || !strcmp(before, status))
		return rc;
	snprintf(field, sizeof field, "control %s status", control);
	if ((rc = stmt_run(NULL, db, SQL_CONTROL_STATUS, "cannot change the control", "tt", control, status)) ||
	    (rc = risk_history_add(db, point, "control", field, before, status, actor)))
		return rc;
	return risk_grade_refresh(db, crid, point, actor);
}

static int status_check(void *ctx)
{
	const write_named *a = ctx; /* the control (needed), its status */
	return one_of(a->detail, STATUSES, "the status", "planned, in_place, retired");
}

static int status_body(write_op *op, void *ctx)
{
	const write_named *a = ctx;
	return control_status(op->db, op->crid, a->object, a->detail, op->actor);
}

int campaign_risk_control_set_status(campaign_db *db, const char *campaign, const char *control, const char *status,
                                     const char *actor)
{
	write_op op = {.name = "risk.control.status", .actor = actor, .campaign = campaign, .object = control,
	               .detail = status, .object_needed = "the control", .access = WRITE_ANY, .check = status_check,
	               .body = status_body};
	return db_write_named(db, &op);
}

static const char SQL_CONTROLS[] =
	"SELECT k.id, k.point, p.name AS point_name, u.id AS unit, k.line, " RISK_LINE_LABEL("k.line") " AS line_label, "
	"k.measure, k.owner, k.status, k.due_on, k.effect FROM risk_control k JOIN risk_point p ON p.id = k.point "
	"JOIN unit u ON u.rid = p.unit WHERE k.campaign = ?1 AND (?2 IS NULL OR k.point = ?2) "
	"ORDER BY k.point, " RISK_LINE_ORDER("k.line") ", k.id";

int campaign_risk_controls_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *point)
{
	return risk_query(out, db, campaign, SQL_CONTROLS, "tttttttttdt", RISK_POINT, point);
}

int campaign_risk_coverage_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return risk_query(
		out, db, campaign,
		"WITH top AS (SELECT p.id, p.unit, p.name, g.label, " RISK_HAS_LINE("p.id", "prevention") " AS hp, "
		RISK_HAS_LINE("p.id", "monitoring") " AS hm, " RISK_HAS_LINE("p.id", "disposal") " AS hd "
		"FROM risk_point p JOIN risk_assessment a ON a.id = p.assessment JOIN risk_grade g ON g.rid = a.grade "
		"WHERE p.campaign = ?1 AND p.status = 'active' AND g.rank = 1), "
		"gap AS (SELECT *, rtrim(iif(hp, '', 'prevention,') || iif(hm, '', 'monitoring,') || iif(hd, '', 'disposal,'), ',') "
		"AS missing, rtrim(iif(hp, '', '前期预防、') || iif(hm, '', '中期监控、') || iif(hd, '', '后期处置、'), '、') AS missing_label "
		"FROM top WHERE NOT (hp AND hm AND hd)) "
		"SELECT gap.id AS point, u.id AS unit, u.name AS unit_name, gap.name, gap.label AS grade_label, gap.missing, "
		"gap.missing_label, u.name || '风险点「' || gap.name || '」为' || gap.label || ',缺少' || gap.missing_label || "
		"'防线的防控措施' AS reason FROM gap JOIN unit u ON u.rid = gap.unit ORDER BY u.ord, gap.id",
		"tttttttt", RISK_ALL, NULL);
}
