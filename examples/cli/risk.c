/* `campaign risk ...`: grading models, the risk register, grades, controls,
 * the publication (公示), warnings and reports.
 *
 *   risk model import FILE.yaml | model list | model grades [MODEL] | model inputs [MODEL]
 *   risk model default MODEL
 *   risk type list | type add ID NAME
 *   risk point add UNIT SCOPE SCOPE_NAME TYPE NAME [--id ID] [--description T]
 *                  [--manifestations T] [--owner P] [--leader P]
 *   risk point update POINT FIELD VALUE | point list [--unit U] | point history POINT
 *   risk register import FILE.csv|FILE.yaml [--model MODEL]
 *   risk grade POINT [--inputs "likelihood=4,impact=5"] [--model MODEL] [--date D]
 *   risk regrade [--model MODEL] [--unit U] [--date D]
 *   risk grades [POINT]
 *   risk override POINT GRADE --reason T [--date D]
 *   risk control add POINT LINE MEASURE [--id ID] [--owner P] [--status S] [--due D] [--effect E]
 *   risk control status CONTROL STATUS | control list [--point P]
 *   risk coverage
 *   risk publication draft UNIT [--date D] | approve PUB [--date D] | publish PUB [--date D]
 *   risk publication list [--unit U] | export [PUB] [--unit U] [--format F]
 *   risk confidential set POINT TEXT | confidential show [--point P]      (logged)
 *   risk warnings [--as-of D] | distribution | heatmap [--model MODEL] [--residual]
 *
 * D defaults to today (UTC). Exit codes: 0 ok, 1 bad input, 2 usage. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "commands.h"

static int open_writable(args *a, campaign_db **db)
{
	return campaign_open(db, a->db, CAMPAIGN_OPEN_NOCREATE) ? fail() : 0;
}

/* Prints a query's cursor (CSV with a BOM for spreadsheets); closes @db. */
static int show(args *a, campaign_db *db, int rc, campaign_cursor **cp, const char *const *cols,
                const char *const *titles)
{
	campaign_cursor *c = *cp;
	if (rc)
		rc = fail();
	else {
		if (!strcmp(a->format, "csv"))
			csv_bom(stdout);
		rc = print_table(c, a->format, cols, titles) ? fail() : 0;
	}
	campaign_close(db);
	return rc;
}

/* Reports a write; prints @done and @what on success; closes @db. */
static int written(campaign_db *db, int rc, const char *done, const char *what)
{
	rc = rc < 0 ? fail() : 0;
	if (!rc)
		printf("%s %s\n", done, what ? what : "");
	campaign_close(db);
	return rc;
}

static int need_pos(args *a, int n, const char *usage)
{
	return a->npos == n ? 0 : usage_error("%s", usage);
}

/* --date, or today (UTC). */
static const char *date_or_today(args *a)
{
	static char today[11];
	const char *d = arg_opt(a, "--date");
	time_t t;
	if (d)
		return d;
	t = time(NULL);
	strftime(today, sizeof today, "%Y-%m-%d", gmtime(&t));
	return today;
}

/* ---- models and types ---- */

static int model_cmd(args *a)
{
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, NULL)))
		return rc;
	if (!strcmp(sub, "import")) {
		if ((rc = need_pos(a, 3, "risk model import needs one FILE.yaml")) || (rc = open_writable(a, &db)))
			return rc;
		rc = campaign_risk_model_import_file(db, a->campaign, a->pos[2], a->actor);
		if (rc > 0)
			printf("model %s: version %d\n", a->pos[2], rc);
		campaign_close(db);
		return rc < 0 ? fail() : 0;
	}
	if (!strcmp(sub, "default")) {
		if ((rc = need_pos(a, 3, "risk model default needs MODEL")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_risk_model_set_default(db, a->campaign, a->pos[2], a->actor), "default model",
		               a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_risk_models_query(&c, db, a->campaign), &c, NULL, NULL);
	}
	if ((!strcmp(sub, "grades") || !strcmp(sub, "inputs")) && a->npos <= 3) {
		const char *model = a->npos == 3 ? a->pos[2] : NULL;
		if ((rc = open_existing(a, &db)))
			return rc;
		rc = !strcmp(sub, "grades") ? campaign_risk_model_grades_query(&c, db, a->campaign, model)
		                            : campaign_risk_model_inputs_query(&c, db, a->campaign, model);
		return show(a, db, rc, &c, NULL, NULL);
	}
	return usage_error("risk model needs import FILE, list, grades [MODEL], inputs [MODEL] or default MODEL%s", "");
}

static int type_cmd(args *a)
{
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, NULL)))
		return rc;
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 4, "risk type add needs ID NAME")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_risk_type_add(db, a->pos[2], a->pos[3], a->actor), "added type", a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_risk_types_query(&c, db), &c, NULL, NULL);
	}
	return usage_error("risk type needs list or add ID NAME%s", "");
}

/* ---- the register ---- */

static int point_add(args *a)
{
	static const char *const opts[] = {"--id", "--description", "--manifestations", "--owner", "--leader", NULL};
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 7, "risk point add needs UNIT SCOPE SCOPE_NAME TYPE NAME")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_risk_point_add(&id, db, a->campaign, arg_opt(a, "--id"), a->pos[2], a->pos[3], a->pos[4], a->pos[5],
	                             a->pos[6], arg_opt(a, "--description"), arg_opt(a, "--manifestations"),
	                             arg_opt(a, "--owner"), arg_opt(a, "--leader"), a->actor);
	rc = written(db, rc, "added risk point", campaign_buf_data(id));
	campaign_buf_free(id);
	return rc;
}

static int point_cmd(args *a)
{
	static const char *const cols[] = {"id", "unit_name", "scope_label", "scope_name", "type_name", "name",
	                                   "grade_label", "owner_level", "graded_on", "next_review", "controls", NULL};
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if (!strcmp(sub, "add"))
		return point_add(a);
	if ((rc = arg_only(a, NULL)))
		return rc;
	if (!strcmp(sub, "update")) {
		if ((rc = need_pos(a, 5, "risk point update needs POINT FIELD VALUE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_risk_point_update(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->actor),
		               "updated", a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_risk_points_query(&c, db, a->campaign, a->unit), &c,
		            strcmp(a->format, "text") ? NULL : cols, NULL);
	}
	if (!strcmp(sub, "history")) {
		if ((rc = need_pos(a, 3, "risk point history needs POINT")) || (rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_risk_point_history_query(&c, db, a->campaign, a->pos[2]), &c, NULL, NULL);
	}
	return usage_error("risk point needs add, update, list or history%s", "");
}

static int register_cmd(args *a)
{
	static const char *const opts[] = {"--model", NULL};
	campaign_rows_import_options io = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (a->npos != 3 || strcmp(a->pos[1], "import"))
		return usage_error("risk register needs import FILE.csv|FILE.yaml%s", "");
	if ((rc = open_writable(a, &db)))
		return rc;
	io.model = arg_opt(a, "--model");
	rc = campaign_risk_register_import_file(db, a->campaign, a->pos[2], &io, a->actor);
	if (rc >= 0)
		printf("imported %d risk points from %s\n", rc, a->pos[2]);
	campaign_close(db);
	return rc < 0 ? fail() : 0;
}

/* ---- grading ---- */

static int grade_cmd(args *a)
{
	static const char *const opts[] = {"--inputs", "--model", "--date", NULL};
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 2, "risk grade needs POINT")) || (rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_risk_point_grade(db, a->campaign, a->pos[1], arg_opt(a, "--model"), arg_opt(a, "--inputs"),
	                                         date_or_today(a), a->actor),
	               "graded", a->pos[1]);
}

static int regrade_cmd(args *a)
{
	static const char *const opts[] = {"--model", "--date", NULL};
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 1, "risk regrade takes no argument")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_risk_regrade(db, a->campaign, arg_opt(a, "--model"), a->unit, date_or_today(a), a->actor);
	if (rc >= 0)
		printf("regraded %d risk points\n", rc);
	campaign_close(db);
	return rc < 0 ? fail() : 0;
}

static int grades_cmd(args *a)
{
	static const char *const cols[] = {"point", "model", "model_version", "inputs", "inherent_label", "residual_inputs",
	                                   "residual_label", "override_label", "grade_label", "reason", "graded_on",
	                                   "actor", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, NULL)))
		return rc;
	if (a->npos > 2)
		return usage_error("risk grades takes at most one POINT%s", "");
	if ((rc = open_existing(a, &db)))
		return rc;
	return show(a, db, campaign_risk_grades_query(&c, db, a->campaign, a->npos == 2 ? a->pos[1] : NULL), &c,
	            strcmp(a->format, "text") ? NULL : cols, NULL);
}

static int override_cmd(args *a)
{
	static const char *const opts[] = {"--reason", "--date", NULL};
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 3, "risk override needs POINT GRADE --reason T")))
		return rc;
	if (!arg_opt(a, "--reason") || !*arg_opt(a, "--reason"))
		return usage_error("risk override needs --reason T%s", "");
	if ((rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_risk_point_override(db, a->campaign, a->pos[1], a->pos[2], arg_opt(a, "--reason"),
	                                            date_or_today(a), a->actor),
	               "overridden", a->pos[1]);
}

/* ---- controls ---- */

static int control_cmd(args *a)
{
	static const char *const opts[] = {"--id", "--owner", "--status", "--due", "--effect", "--point", NULL};
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 5, "risk control add needs POINT LINE MEASURE")) || (rc = open_writable(a, &db)))
			return rc;
		rc = campaign_risk_control_add(&id, db, a->campaign, arg_opt(a, "--id"), a->pos[2], a->pos[3], a->pos[4],
		                               arg_opt(a, "--owner"), arg_opt(a, "--status"), arg_opt(a, "--due"),
		                               arg_opt(a, "--effect"), a->actor);
		rc = written(db, rc, "added control", campaign_buf_data(id));
		campaign_buf_free(id);
		return rc;
	}
	if (!strcmp(sub, "status")) {
		if ((rc = need_pos(a, 4, "risk control status needs CONTROL STATUS")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_risk_control_set_status(db, a->campaign, a->pos[2], a->pos[3], a->actor),
		               "control", a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_risk_controls_query(&c, db, a->campaign, arg_opt(a, "--point")), &c, NULL, NULL);
	}
	return usage_error("risk control needs add, status or list%s", "");
}

/* ---- publication ---- */

static int publication_export(args *a, campaign_db *db)
{
	static const char *const cols[] = {"no", "unit_name", "type_name", "point_name", "manifestations", "grade_label",
	                                   "controls", "owner", "leader", NULL};
	static const char *const titles[] = {"序号", "单位科室", "风险类别", "风险点", "表现形式", "风险等级",
	                                     "防控措施", "部门负责人", "责任领导", NULL};
	campaign_cursor *c = NULL;
	int rc = campaign_risk_publication_query(&c, db, a->campaign, a->npos == 3 ? a->pos[2] : NULL, a->unit);
	return show(a, db, rc, &c, cols, titles);
}

static int publication_cmd(args *a)
{
	static const char *const opts[] = {"--date", NULL};
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "draft")) {
		if ((rc = need_pos(a, 3, "risk publication draft needs UNIT")) || (rc = open_writable(a, &db)))
			return rc;
		rc = campaign_risk_publication_draft(&id, db, a->campaign, a->pos[2], date_or_today(a), a->actor);
		rc = written(db, rc, "drafted publication", campaign_buf_data(id));
		campaign_buf_free(id);
		return rc;
	}
	if (!strcmp(sub, "approve") || !strcmp(sub, "publish")) {
		if ((rc = need_pos(a, 3, "risk publication approve|publish needs PUB")) || (rc = open_writable(a, &db)))
			return rc;
		rc = !strcmp(sub, "approve")
		             ? campaign_risk_publication_approve(db, a->campaign, a->pos[2], date_or_today(a), a->actor)
		             : campaign_risk_publication_publish(db, a->campaign, a->pos[2], date_or_today(a), a->actor);
		return written(db, rc, !strcmp(sub, "approve") ? "approved" : "published", a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_risk_publications_query(&c, db, a->campaign, a->unit), &c, NULL, NULL);
	}
	if (!strcmp(sub, "export") && a->npos <= 3) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return publication_export(a, db);
	}
	return usage_error("risk publication needs draft UNIT, approve PUB, publish PUB, list or export [PUB]%s", "");
}

static int confidential_cmd(args *a)
{
	static const char *const opts[] = {"--point", NULL};
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "set")) {
		if ((rc = need_pos(a, 4, "risk confidential set needs POINT TEXT")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_risk_point_confidential_set(db, a->campaign, a->pos[2], a->pos[3], a->actor),
		               "confidential note set on", a->pos[2]);
	}
	if (!strcmp(sub, "show") && a->npos == 2) {
		/* a confidential read is logged, so it needs a writable store */
		if ((rc = open_writable(a, &db)))
			return rc;
		return show(a, db,
		            campaign_risk_point_confidential_query(&c, db, a->campaign, arg_opt(a, "--point"), a->actor), &c,
		            NULL, NULL);
	}
	return usage_error("risk confidential needs set POINT TEXT or show [--point P]%s", "");
}

/* ---- warnings and reports ---- */

static int report_cmd(args *a, const char *what)
{
	static const char *const wcols[] = {"color", "kind", "unit_name", "point", "grade_label", "days", "reason", NULL};
	static const char *const hopts[] = {"--model", "--residual", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, !strcmp(what, "heatmap") ? hopts : NULL)))
		return rc;
	if (a->npos != 1)
		return usage_error("risk %s takes no argument", what);
	if ((rc = open_existing(a, &db)))
		return rc;
	if (!strcmp(what, "warnings"))
		return show(a, db, campaign_risk_warnings_query(&c, db, a->campaign, a->as_of), &c,
		            strcmp(a->format, "text") ? NULL : wcols, NULL);
	if (!strcmp(what, "coverage"))
		return show(a, db, campaign_risk_coverage_query(&c, db, a->campaign), &c, NULL, NULL);
	if (!strcmp(what, "distribution"))
		return show(a, db, campaign_risk_distribution_query(&c, db, a->campaign), &c, NULL, NULL);
	rc = campaign_risk_heatmap_query(&c, db, a->campaign, arg_opt(a, "--model"), arg_opt(a, "--residual") != NULL);
	return show(a, db, rc, &c, NULL, NULL);
}

int cmd_risk(args *a)
{
	const char *what = a->npos ? a->pos[0] : "";
	if (!strcmp(what, "model"))
		return model_cmd(a);
	if (!strcmp(what, "type"))
		return type_cmd(a);
	if (!strcmp(what, "point"))
		return point_cmd(a);
	if (!strcmp(what, "register"))
		return register_cmd(a);
	if (!strcmp(what, "grade"))
		return grade_cmd(a);
	if (!strcmp(what, "regrade"))
		return regrade_cmd(a);
	if (!strcmp(what, "grades"))
		return grades_cmd(a);
	if (!strcmp(what, "override"))
		return override_cmd(a);
	if (!strcmp(what, "control"))
		return control_cmd(a);
	if (!strcmp(what, "publication"))
		return publication_cmd(a);
	if (!strcmp(what, "confidential"))
		return confidential_cmd(a);
	if (!strcmp(what, "warnings") || !strcmp(what, "coverage") || !strcmp(what, "distribution") ||
	    !strcmp(what, "heatmap"))
		return report_cmd(a, what);
	return usage_error("risk needs model, type, point, register, grade, regrade, grades, override, control, "
	                   "publication, confidential, warnings, coverage, distribution or heatmap%s", "");
}
