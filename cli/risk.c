/* `campaign risk ...`: grading models, the risk register, grades, controls,
 * the publication (公示), warnings and reports. The commands, their arguments
 * and options are the table at the end of this file (`campaign risk --help`);
 * the parser has checked the subcommand and its arguments before one runs.
 * D defaults to today. Exit codes: 0 ok, 1 bad input, 2 usage. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* --date, or today. */
static const char *date_or_today(args *a)
{
	const char *d = arg_opt(a, "--date");
	return d ? d : today_local();
}

/* ---- models and types ---- */

static int model_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_models_query(c, db, a->campaign);
}

/* grades [MODEL] and inputs [MODEL]: the default model without one */
static int model_grades(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_model_grades_query(c, db, a->campaign, first_arg(a));
}

static int model_inputs(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_model_inputs_query(c, db, a->campaign, first_arg(a));
}

static int type_add(campaign_db *db, args *a)
{
	return campaign_risk_type_add(db, a->pos[2], a->pos[3], a->actor);
}

static int type_list(campaign_cursor **c, campaign_db *db, args *a)
{
	(void)a;
	return campaign_risk_types_query(c, db);
}

/* ---- the register ---- */

static int point_add(campaign_buf **id, campaign_db *db, args *a)
{
	campaign_risk_point_add_options p = {CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION, arg_opt(a, "--id"), a->pos[2],
	                                     a->pos[3], a->pos[4], a->pos[5], a->pos[6], arg_opt(a, "--description"),
	                                     arg_opt(a, "--manifestations"), arg_opt(a, "--owner"), arg_opt(a, "--leader")};
	return campaign_risk_point_add(id, db, a->campaign, &p, a->actor);
}

static int point_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_points_query(c, db, a->campaign, a->unit);
}

static const char *const point_cols[] = {"id", "unit_name", "scope_label", "scope_name", "type_name", "name",
                                         "grade_label", "owner_level", "graded_on", "next_review", "controls", NULL};

static int point_history(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_point_history_query(c, db, a->campaign, a->pos[2]);
}

static int register_import(args *a)
{
	campaign_rows_import_options io = import_options(a);
	campaign_db *db;
	int rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	io.model = arg_opt(a, "--model");
	rc = campaign_risk_register_import_file(db, a->campaign, a->pos[2], &io, a->actor);
	meter_finish();
	if (rc >= 0 && !import_checked(a, rc, a->pos[2]))
		printf(_("imported %d risk points from %s\n"), rc, a->pos[2]);
	campaign_close(db);
	return rc < 0 ? fail() : 0;
}

/* ---- grading ---- */

static int grade(campaign_db *db, args *a)
{
	campaign_risk_point_grade_options g = {CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION, a->pos[1], arg_opt(a, "--model"),
	                                       arg_opt(a, "--inputs"), date_or_today(a)};
	return campaign_risk_point_grade(db, a->campaign, &g, a->actor);
}

static int regrade(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = campaign_risk_regrade(db, a->campaign, arg_opt(a, "--model"), a->unit, date_or_today(a), a->actor);
	if (rc >= 0)
		printf(_("regraded %d risk points\n"), rc);
	campaign_close(db);
	return rc < 0 ? fail() : 0;
}

static int grades(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_grades_query(c, db, a->campaign, first_arg(a));
}

static const char *const grade_cols[] = {"point", "model", "model_version", "inputs", "inherent_label",
                                         "residual_inputs", "residual_label", "override_label", "grade_label",
                                         "reason", "graded_on", "actor", NULL};

static int override(args *a)
{
	const char *reason = arg_opt(a, "--reason");
	campaign_db *db;
	int rc;
	if (!reason || !*reason)
		return usage_error("risk override needs --reason T%s", "");
	if ((rc = open_writable(a, &db)))
		return rc;
	campaign_risk_point_override_options o = {CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION, a->pos[1], a->pos[2],
	                                          reason, date_or_today(a)};
	return written(db, campaign_risk_point_override(db, a->campaign, &o, a->actor), "overridden", a->pos[1]);
}

/* ---- controls ---- */

static int control_add(campaign_buf **id, campaign_db *db, args *a)
{
	campaign_risk_control_add_options k = {CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION, arg_opt(a, "--id"), a->pos[2],
	                                       a->pos[3], a->pos[4], arg_opt(a, "--owner"), arg_opt(a, "--status"),
	                                       arg_opt(a, "--due"), arg_opt(a, "--effect")};
	return campaign_risk_control_add(id, db, a->campaign, &k, a->actor);
}

static int control_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_controls_query(c, db, a->campaign, arg_opt(a, "--point"));
}

/* ---- publication ---- */

static int publication_draft(campaign_buf **id, campaign_db *db, args *a)
{
	return campaign_risk_publication_add(id, db, a->campaign, a->pos[2], date_or_today(a), a->actor);
}

static int publication_approve(campaign_db *db, args *a)
{
	return campaign_risk_publication_approve(db, a->campaign, a->pos[2], date_or_today(a), a->actor);
}

static int publication_publish(campaign_db *db, args *a)
{
	return campaign_risk_publication_publish(db, a->campaign, a->pos[2], date_or_today(a), a->actor);
}

static int publication_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_publications_query(c, db, a->campaign, a->unit);
}

/* export [PUB]: without one, the units' current publications */
static int publication_export(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_publication_query(c, db, a->campaign, first_arg(a), a->unit);
}

static const char *const export_cols[] = {"no", "unit_name", "type_name", "point_name", "manifestations",
                                          "grade_label", "controls", "owner", "leader", NULL};
static const char *const export_titles[] = {"序号", "单位科室", "风险类别", "风险点", "表现形式", "风险等级",
                                            "防控措施", "部门负责人", "责任领导", NULL};

static int confidential_show(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_point_confidential_query(c, db, a->campaign, arg_opt(a, "--point"), a->actor);
}

/* ---- warnings and reports ---- */

static int warnings(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_warnings_query(c, db, a->campaign, a->as_of);
}

static const char *const warning_cols[] = {"color", "kind", "unit_name", "point", "grade_label", "days", "reason",
                                           NULL};

static int coverage(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_coverage_query(c, db, a->campaign);
}

static int distribution(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_distribution_query(c, db, a->campaign);
}

static int heatmap(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_risk_heatmap_query(c, db, a->campaign, arg_opt(a, "--model"), arg_opt(a, "--residual") != NULL);
}

/* ---- the command table ---- */

#define O_MODEL(help) OPT("--model", 0, "MODEL", help)

static const cli_command model_commands[] = {
	VERSIONED("import", "FILE.yaml", "load a grading model; prints its version (unchanged: the same)", NULL,
	          campaign_risk_model_import_file, "model"),
	LIST("list", "", "the grading models", OPTIONS(O_FORMAT), model_list),
	LIST("grades", "[MODEL]", "a model's grades (default: the default model)", OPTIONS(O_FORMAT), model_grades),
	LIST("inputs", "[MODEL]", "the inputs a model grades by", OPTIONS(O_FORMAT), model_inputs),
	CALL1("default", "MODEL", "make MODEL the campaign's default", NULL, campaign_risk_model_set_default, "default model"),
	CMD_END,
};

static const cli_command type_commands[] = {
	LIST("list", "", "the risk types", OPTIONS(O_FORMAT), type_list),
	WRITE("add", "ID NAME", "add a risk type", NULL, type_add, "added type"),
	CMD_END,
};

static const cli_command point_commands[] = {
	ADD("add", "UNIT SCOPE SCOPE_NAME TYPE NAME", "add a risk point (SCOPE: post, business or process_step)",
	    OPTIONS(O_NEW_ID("point"), OPT("--description", 0, "T", "what the risk is"),
	            OPT("--manifestations", 0, "T", "how it shows (表现形式)"),
	            OPT("--owner", 0, "P", "the department head responsible"),
	            OPT("--leader", 0, "P", "the leader responsible")),
	    point_add, "added risk point"),
	CALL3("update", "POINT FIELD VALUE", "change one field of a point", NULL, campaign_risk_point_update, "updated"),
	TABLE("list", "", "the register, with current grades", OPTIONS(O_UNIT("one unit's points"), O_FORMAT), point_list,
	      point_cols, NULL),
	LIST("history", "POINT", "a point's changes and grades over time", OPTIONS(O_FORMAT), point_history),
	CMD_END,
};

static const cli_command register_commands[] = {
	CMD("import", "FILE.csv|FILE.yaml", "import a register, all rows or none",
	    OPTIONS(O_MODEL("grade the points with MODEL"), O_ENCODING), NULL, register_import),
	CMD_END,
};

static const cli_command control_commands[] = {
	ADD("add", "POINT LINE MEASURE", "add a control (LINE: prevention, monitoring, ...)",
	    OPTIONS(O_NEW_ID("control"), OPT("--owner", 0, "P", "who carries it out"),
	            OPT("--status", 0, "S", "planned, in_place, ..."), OPT("--due", 0, "D", "when it must be in place"),
	            OPT("--effect", 0, "E", "its effect on the inputs, e.g. likelihood=-2")),
	    control_add, "added control"),
	CALL2("status", "CONTROL STATUS", "set a control's status", NULL, campaign_risk_control_set_status, "control"),
	LIST("list", "", "the controls", OPTIONS(OPT("--point", 0, "P", "one point's controls"), O_FORMAT), control_list),
	CMD_END,
};

static const cli_command publication_commands[] = {
	ADD("draft", "UNIT", "draft a unit's publication (公示); prints its id", OPTIONS(O_DATE), publication_draft,
	    "drafted publication"),
	WRITE("approve", "PUB", "approve a draft", OPTIONS(O_DATE), publication_approve, "approved"),
	WRITE("publish", "PUB", "publish an approved publication", OPTIONS(O_DATE), publication_publish, "published"),
	LIST("list", "", "the publications", OPTIONS(O_UNIT("one unit's publications"), O_FORMAT), publication_list),
	TABLE("export", "[PUB]", "the 公示 table (no confidential field)", OPTIONS(O_UNIT("one unit's table"), O_FORMAT),
	      publication_export, export_cols, export_titles),
	CMD_END,
};

static const cli_command confidential_commands[] = {
	CALL2("set", "POINT TEXT", "keep a confidential note on a point", NULL, campaign_risk_point_confidential_set,
	      "confidential note set on"),
	LOGGED("show", "", "the confidential notes (the read is logged)",
	       OPTIONS(OPT("--point", 0, "P", "one point's note"), O_FORMAT), confidential_show),
	CMD_END,
};

const cli_command risk_commands[] = {
	CMD("model", "", "grading models: import, list, grades, inputs, default", NULL, model_commands, NULL),
	CMD("type", "", "risk types: list, add", NULL, type_commands, NULL),
	CMD("point", "", "risk points: add, update, list, history", NULL, point_commands, NULL),
	CMD("register", "", "the register: import", NULL, register_commands, NULL),
	WRITE("grade", "POINT", "grade a point",
	      OPTIONS(OPT("--inputs", 0, "LIST", "the inputs, e.g. \"likelihood=4,impact=5\""),
	              O_MODEL("grade with MODEL (default: the default model)"), O_DATE),
	      grade, "graded"),
	CMD("regrade", "", "grade every point again (after a model changed)",
	    OPTIONS(O_MODEL("only points graded with MODEL"), O_UNIT("only one unit's points"), O_DATE), NULL, regrade),
	TABLE("grades", "[POINT]", "every grade given, or one point's", OPTIONS(O_FORMAT), grades, grade_cols, NULL),
	CMD("override", "POINT GRADE", "override a point's grade, with a reason",
	    OPTIONS(OPT("--reason", 0, "T", "why (required)"), O_DATE), NULL, override),
	CMD("control", "", "controls: add, status, list", NULL, control_commands, NULL),
	CMD("publication", "", "the publication (公示): draft, approve, publish, list, export", NULL,
	    publication_commands, NULL),
	CMD("confidential", "", "confidential notes: set, show (logged)", NULL, confidential_commands, NULL),
	TABLE("warnings", "", "reviews and controls overdue, by colour", OPTIONS(O_AS_OF, O_FORMAT), warnings,
	      warning_cols, NULL),
	LIST("coverage", "", "top-grade points and their controls", OPTIONS(O_FORMAT), coverage),
	LIST("distribution", "", "points by unit, scope and grade", OPTIONS(O_SITE, O_FORMAT), distribution),
	LIST("heatmap", "", "points by likelihood and impact",
	     OPTIONS(O_MODEL("a matrix model (default: the default model)"), FLAG("--residual", 0, "after controls"),
	             O_FORMAT),
	     heatmap),
	CMD_END,
};
