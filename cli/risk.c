/* `campaign risk ...`: grading models, the risk register, grades, controls,
 * the publication (公示), warnings and reports. The commands, their arguments
 * and options are the table at the end of this file (`campaign risk --help`).
 * D defaults to today (UTC). Exit codes: 0 ok, 1 bad input, 2 usage. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* --date, or today (UTC). */
static const char *date_or_today(args *a)
{
	const char *d = arg_opt(a, "--date");
	return d ? d : today_utc();
}

/* ---- models and types ---- */

static int model_cmd(args *a)
{
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
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
		return list_query(a, db, campaign_risk_models_query(&c, db, a->campaign), &c, NULL, NULL);
	}
	if ((!strcmp(sub, "grades") || !strcmp(sub, "inputs")) && a->npos <= 3) {
		const char *model = a->npos == 3 ? a->pos[2] : NULL;
		if ((rc = open_existing(a, &db)))
			return rc;
		rc = !strcmp(sub, "grades") ? campaign_risk_model_grades_query(&c, db, a->campaign, model)
		                            : campaign_risk_model_inputs_query(&c, db, a->campaign, model);
		return list_query(a, db, rc, &c, NULL, NULL);
	}
	return usage_error("risk model needs import FILE, list, grades [MODEL], inputs [MODEL] or default MODEL%s", "");
}

static int type_cmd(args *a)
{
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 4, "risk type add needs ID NAME")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_risk_type_add(db, a->pos[2], a->pos[3], a->actor), "added type", a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_risk_types_query(&c, db), &c, NULL, NULL);
	}
	return usage_error("risk type needs list or add ID NAME%s", "");
}

/* ---- the register ---- */

static int point_add(args *a)
{
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = need_pos(a, 7, "risk point add needs UNIT SCOPE SCOPE_NAME TYPE NAME")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	campaign_risk_point_add_options p = {CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION, arg_opt(a, "--id"), a->pos[2],
	                                     a->pos[3], a->pos[4], a->pos[5], a->pos[6], arg_opt(a, "--description"),
	                                     arg_opt(a, "--manifestations"), arg_opt(a, "--owner"), arg_opt(a, "--leader")};
	rc = campaign_risk_point_add(&id, db, a->campaign, &p, a->actor);
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
	if (!strcmp(sub, "update")) {
		if ((rc = need_pos(a, 5, "risk point update needs POINT FIELD VALUE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_risk_point_update(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->actor),
		               "updated", a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_risk_points_query(&c, db, a->campaign, a->unit), &c,
		            strcmp(a->format, "text") ? NULL : cols, NULL);
	}
	if (!strcmp(sub, "history")) {
		if ((rc = need_pos(a, 3, "risk point history needs POINT")) || (rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_risk_point_history_query(&c, db, a->campaign, a->pos[2]), &c, NULL, NULL);
	}
	return usage_error("risk point needs add, update, list or history%s", "");
}

static int register_cmd(args *a)
{
	campaign_rows_import_options io = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	campaign_db *db;
	int rc;
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
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, 2, "risk grade needs POINT")) || (rc = open_writable(a, &db)))
		return rc;
	campaign_risk_point_grade_options g = {CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION, a->pos[1], arg_opt(a, "--model"),
	                                       arg_opt(a, "--inputs"), date_or_today(a)};
	return written(db, campaign_risk_point_grade(db, a->campaign, &g, a->actor), "graded", a->pos[1]);
}

static int regrade_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, 1, "risk regrade takes no argument")) ||
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
	if (a->npos > 2)
		return usage_error("risk grades takes at most one POINT%s", "");
	if ((rc = open_existing(a, &db)))
		return rc;
	return list_query(a, db, campaign_risk_grades_query(&c, db, a->campaign, a->npos == 2 ? a->pos[1] : NULL), &c,
	            strcmp(a->format, "text") ? NULL : cols, NULL);
}

static int override_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, 3, "risk override needs POINT GRADE --reason T")))
		return rc;
	if (!arg_opt(a, "--reason") || !*arg_opt(a, "--reason"))
		return usage_error("risk override needs --reason T%s", "");
	if ((rc = open_writable(a, &db)))
		return rc;
	campaign_risk_point_override_options o = {CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION, a->pos[1], a->pos[2],
	                                          arg_opt(a, "--reason"), date_or_today(a)};
	return written(db, campaign_risk_point_override(db, a->campaign, &o, a->actor), "overridden", a->pos[1]);
}

/* ---- controls ---- */

static int control_cmd(args *a)
{
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	campaign_buf *id = NULL;
	int rc;
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 5, "risk control add needs POINT LINE MEASURE")) || (rc = open_writable(a, &db)))
			return rc;
		campaign_risk_control_add_options k = {CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION, arg_opt(a, "--id"), a->pos[2],
		                                       a->pos[3], a->pos[4], arg_opt(a, "--owner"), arg_opt(a, "--status"),
		                                       arg_opt(a, "--due"), arg_opt(a, "--effect")};
		rc = campaign_risk_control_add(&id, db, a->campaign, &k, a->actor);
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
		return list_query(a, db, campaign_risk_controls_query(&c, db, a->campaign, arg_opt(a, "--point")), &c, NULL, NULL);
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
	return list_query(a, db, rc, &c, cols, titles);
}

static int publication_cmd(args *a)
{
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	campaign_buf *id = NULL;
	int rc;
	if (!strcmp(sub, "draft")) {
		if ((rc = need_pos(a, 3, "risk publication draft needs UNIT")) || (rc = open_writable(a, &db)))
			return rc;
		rc = campaign_risk_publication_add(&id, db, a->campaign, a->pos[2], date_or_today(a), a->actor);
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
		return list_query(a, db, campaign_risk_publications_query(&c, db, a->campaign, a->unit), &c, NULL, NULL);
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
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
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
		return list_query(a, db,
		            campaign_risk_point_confidential_query(&c, db, a->campaign, arg_opt(a, "--point"), a->actor), &c,
		            NULL, NULL);
	}
	return usage_error("risk confidential needs set POINT TEXT or show [--point P]%s", "");
}

/* ---- warnings and reports ---- */

static int report_cmd(args *a)
{
	const char *what = a->pos[0];
	static const char *const wcols[] = {"color", "kind", "unit_name", "point", "grade_label", "days", "reason", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if (a->npos != 1)
		return usage_error("risk %s takes no argument", what);
	if ((rc = open_existing(a, &db)))
		return rc;
	if (!strcmp(what, "warnings"))
		return list_query(a, db, campaign_risk_warnings_query(&c, db, a->campaign, a->as_of), &c,
		            strcmp(a->format, "text") ? NULL : wcols, NULL);
	if (!strcmp(what, "coverage"))
		return list_query(a, db, campaign_risk_coverage_query(&c, db, a->campaign), &c, NULL, NULL);
	if (!strcmp(what, "distribution"))
		return list_query(a, db, campaign_risk_distribution_query(&c, db, a->campaign), &c, NULL, NULL);
	rc = campaign_risk_heatmap_query(&c, db, a->campaign, arg_opt(a, "--model"), arg_opt(a, "--residual") != NULL);
	return list_query(a, db, rc, &c, NULL, NULL);
}

/* ---- the command table ---- */

#define O_MODEL(help) OPT("--model", 0, "MODEL", help)

static const cli_command model_commands[] = {
	CMD("import", "FILE.yaml", "load a grading model; prints its version (unchanged: the same)", NULL, NULL,
	    model_cmd),
	CMD("list", "", "the grading models", OPTIONS(O_FORMAT), NULL, model_cmd),
	CMD("grades", "[MODEL]", "a model's grades (default: the default model)", OPTIONS(O_FORMAT), NULL, model_cmd),
	CMD("inputs", "[MODEL]", "the inputs a model grades by", OPTIONS(O_FORMAT), NULL, model_cmd),
	CMD("default", "MODEL", "make MODEL the campaign's default", NULL, NULL, model_cmd),
	CMD_END,
};

static const cli_command type_commands[] = {
	CMD("list", "", "the risk types", OPTIONS(O_FORMAT), NULL, type_cmd),
	CMD("add", "ID NAME", "add a risk type", NULL, NULL, type_cmd),
	CMD_END,
};

static const cli_command point_commands[] = {
	CMD("add", "UNIT SCOPE SCOPE_NAME TYPE NAME", "add a risk point (SCOPE: post, business or process_step)",
	    OPTIONS(O_ID("the point's id (default: a new one)"), OPT("--description", 0, "T", "what the risk is"),
	            OPT("--manifestations", 0, "T", "how it shows (表现形式)"),
	            OPT("--owner", 0, "P", "the department head responsible"),
	            OPT("--leader", 0, "P", "the leader responsible")),
	    NULL, point_add),
	CMD("update", "POINT FIELD VALUE", "change one field of a point", NULL, NULL, point_cmd),
	CMD("list", "", "the register, with current grades", OPTIONS(O_UNIT("one unit's points"), O_FORMAT), NULL,
	    point_cmd),
	CMD("history", "POINT", "a point's changes and grades over time", OPTIONS(O_FORMAT), NULL, point_cmd),
	CMD_END,
};

static const cli_command register_commands[] = {
	CMD("import", "FILE.csv|FILE.yaml", "import a register, all rows or none",
	    OPTIONS(O_MODEL("grade the points with MODEL")), NULL, register_cmd),
	CMD_END,
};

static const cli_command control_commands[] = {
	CMD("add", "POINT LINE MEASURE", "add a control (LINE: prevention, monitoring, ...)",
	    OPTIONS(O_ID("the control's id (default: a new one)"), OPT("--owner", 0, "P", "who carries it out"),
	            OPT("--status", 0, "S", "planned, in_place, ..."), OPT("--due", 0, "D", "when it must be in place"),
	            OPT("--effect", 0, "E", "its effect on the inputs, e.g. likelihood=-2")),
	    NULL, control_cmd),
	CMD("status", "CONTROL STATUS", "set a control's status", NULL, NULL, control_cmd),
	CMD("list", "", "the controls", OPTIONS(OPT("--point", 0, "P", "one point's controls"), O_FORMAT), NULL,
	    control_cmd),
	CMD_END,
};

static const cli_command publication_commands[] = {
	CMD("draft", "UNIT", "draft a unit's publication (公示); prints its id", OPTIONS(O_DATE), NULL, publication_cmd),
	CMD("approve", "PUB", "approve a draft", OPTIONS(O_DATE), NULL, publication_cmd),
	CMD("publish", "PUB", "publish an approved publication", OPTIONS(O_DATE), NULL, publication_cmd),
	CMD("list", "", "the publications", OPTIONS(O_UNIT("one unit's publications"), O_FORMAT), NULL, publication_cmd),
	CMD("export", "[PUB]", "the 公示 table (no confidential field)", OPTIONS(O_UNIT("one unit's table"), O_FORMAT),
	    NULL, publication_cmd),
	CMD_END,
};

static const cli_command confidential_commands[] = {
	CMD("set", "POINT TEXT", "keep a confidential note on a point", NULL, NULL, confidential_cmd),
	CMD("show", "", "the confidential notes (the read is logged)",
	    OPTIONS(OPT("--point", 0, "P", "one point's note"), O_FORMAT), NULL, confidential_cmd),
	CMD_END,
};

const cli_command risk_commands[] = {
	CMD("model", "", "grading models: import, list, grades, inputs, default", NULL, model_commands, NULL),
	CMD("type", "", "risk types: list, add", NULL, type_commands, NULL),
	CMD("point", "", "risk points: add, update, list, history", NULL, point_commands, NULL),
	CMD("register", "", "the register: import", NULL, register_commands, NULL),
	CMD("grade", "POINT", "grade a point",
	    OPTIONS(OPT("--inputs", 0, "LIST", "the inputs, e.g. \"likelihood=4,impact=5\""),
	            O_MODEL("grade with MODEL (default: the default model)"), O_DATE),
	    NULL, grade_cmd),
	CMD("regrade", "", "grade every point again (after a model changed)",
	    OPTIONS(O_MODEL("only points graded with MODEL"), O_UNIT("only one unit's points"), O_DATE), NULL,
	    regrade_cmd),
	CMD("grades", "[POINT]", "every grade given, or one point's", OPTIONS(O_FORMAT), NULL, grades_cmd),
	CMD("override", "POINT GRADE", "override a point's grade, with a reason",
	    OPTIONS(OPT("--reason", 0, "T", "why (required)"), O_DATE), NULL, override_cmd),
	CMD("control", "", "controls: add, status, list", NULL, control_commands, NULL),
	CMD("publication", "", "the publication (公示): draft, approve, publish, list, export", NULL,
	    publication_commands, NULL),
	CMD("confidential", "", "confidential notes: set, show (logged)", NULL, confidential_commands, NULL),
	CMD("warnings", "", "reviews and controls overdue, by colour", OPTIONS(O_AS_OF, O_FORMAT), NULL, report_cmd),
	CMD("coverage", "", "top-grade points and their controls", OPTIONS(O_FORMAT), NULL, report_cmd),
	CMD("distribution", "", "points by unit, scope and grade", OPTIONS(O_FORMAT), NULL, report_cmd),
	CMD("heatmap", "", "points by likelihood and impact",
	    OPTIONS(O_MODEL("a matrix model (default: the default model)"), FLAG("--residual", 0, "after controls"),
	            O_FORMAT),
	    NULL, report_cmd),
	CMD_END,
};
