/* `campaign inspection ...`: catalogues, self-inspection rounds, findings,
 * the rectification ledger and case leads. The commands, their arguments and
 * options are the table at the end of this file (`campaign inspection --help`);
 * the parser has checked the subcommand and its arguments before one runs. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* ---- catalogues ---- */

static int catalogue_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_catalogues_query(c, db, a->campaign);
}

static int catalogue_show(campaign_cursor **c, campaign_db *db, args *a)
{
	const char *v = arg_opt(a, "--version");
	return campaign_violation_categories_query(c, db, a->campaign, a->pos[2], v ? atoi(v) : 0);
}

/* ---- rounds ---- */

static int round_create(campaign_db *db, args *a)
{
	return WITH_OPTIONS(inspection_round_add, INSPECTION_ROUND_ADD, a->pos[2], a->unit, arg_opt(a, "--group"),
	        a->from, a->to, arg_opt(a, "--deadline"));
}

static int round_submit(campaign_db *db, args *a)
{
	return WITH_OPTIONS(inspection_round_submit, INSPECTION_ROUND_SUBMIT, a->pos[2], a->pos[3],
	        arg_opt(a, "--document"), a->note);
}

static int round_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_inspection_rounds_query(c, db, a->campaign, arg_opt(a, "--series"), a->unit, a->as_of);
}

static int round_missing(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_inspection_missing_query(c, db, a->campaign, arg_opt(a, "--series"), a->as_of);
}

/* ---- findings ---- */

static int finding_record(campaign_buf **id, campaign_db *db, args *a)
{
	return ADD_WITH_OPTIONS(id, finding_add, FINDING_ADD, arg_opt(a, "--id"), a->pos[2], arg_opt(a, "--category"),
	        a->pos[3], arg_opt(a, "--people"), a->pos[5], arg_opt(a, "--amount"), a->pos[4],
	        arg_opt(a, "--round"));
}

static int finding_flag(campaign_db *db, args *a)
{
	return WITH_OPTIONS(finding_flag, FINDING_FLAG, a->pos[2], a->pos[3], a->pos[4], a->note);
}

static int finding_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_findings_query(c, db, a->campaign, a->unit, arg_opt(a, "--id"));
}

static const char *const finding_cols[] = {"id", "unit_name", "category", "origin_label", "found_on", "amount",
                                           "leniency_label", "reason", "status", NULL};

/* ---- rectifications ---- */

static int rect_add(campaign_buf **id, campaign_db *db, args *a)
{
	return ADD_WITH_OPTIONS(id, rectification_add, RECTIFICATION_ADD, arg_opt(a, "--id"), a->pos[2],
	        arg_opt(a, "--problem"), arg_opt(a, "--measure"), arg_opt(a, "--deadline"),
	        arg_opt(a, "--responsible"), arg_opt(a, "--criterion"));
}

static int rect_update(campaign_db *db, args *a)
{
	return WITH_OPTIONS(rectification_update, RECTIFICATION_UPDATE, a->pos[2], a->pos[3], a->pos[4], a->note);
}

static int rect_verify(campaign_db *db, args *a)
{
	return WITH_OPTIONS(rectification_verify, RECTIFICATION_VERIFY, a->pos[2], a->pos[3], arg_opt(a, "--verifier"),
	        a->pos[4], a->note);
}

static int rect_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_rectifications_query(c, db, a->campaign, arg_opt(a, "--finding"), a->unit);
}

static int rect_overdue(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_rectifications_overdue_query(c, db, a->campaign, a->as_of);
}

static int rect_ledger(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_rectification_ledger_query(c, db, a->campaign, a->unit, a->as_of);
}

static const char *const ledger_cols[] = {"no", "unit_name", "category", "problem", "measure", "deadline",
                                          "responsible", "criterion", "status_label", "verification_label",
                                          "closed_on", "overdue", NULL};
static const char *const ledger_titles[] = {"序号", "单位", "问题类别", "存在问题", "整改措施", "整改时限",
                                            "责任人", "验收标准", "整改状态", "验收情况", "销号日期", "逾期", NULL};

/* ---- case leads ---- */

static int lead_create(campaign_buf **id, campaign_db *db, args *a)
{
	return ADD_WITH_OPTIONS(id, case_lead_add, CASE_LEAD_ADD, arg_opt(a, "--id"), arg_opt(a, "--finding"), a->unit,
	        arg_opt(a, "--received"), arg_opt(a, "--details"), arg_opt(a, "--reporter"),
	        arg_opt(a, "--contact"));
}

static int lead_confidential(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_case_lead_confidential_query(c, db, a->campaign, arg_opt(a, "--id"), a->actor);
}

static int lead_list_query(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_case_leads_query(c, db, a->campaign, a->unit);
}

/* The ordinary listing, or with --confidential the reporter's view (logged). */
static int lead_list(args *a)
{
	return arg_opt(a, "--confidential") ? list_logged(a, lead_confidential) : list_of(a, lead_list_query, NULL, NULL);
}

static int lead_refer(campaign_db *db, args *a)
{
	return WITH_OPTIONS(case_lead_refer, CASE_LEAD_REFER, a->pos[2], a->pos[3], a->pos[4], a->pos[5],
	        arg_opt(a, "--reference"));
}

static int lead_resolve(campaign_db *db, args *a)
{
	return WITH_OPTIONS(case_lead_resolve, CASE_LEAD_RESOLVE, a->pos[2], a->pos[3], a->pos[4], a->note);
}

/* ---- the command table ---- */

static const cli_command catalogue_commands[] = {
	VERSIONED("import", "FILE.yaml", "load a catalogue of violation categories; prints its version", NULL,
	          campaign_catalogue_import_file, "catalogue"),
	LIST("list", "", "the catalogues", OPTIONS(O_FORMAT), catalogue_list),
	LIST("show", "ID", "a catalogue's categories",
	     OPTIONS(OPT("--version", 0, "N", "an earlier version (default: the current one)"), O_FORMAT), catalogue_show),
	CMD_END,
};

static const cli_command round_commands[] = {
	WRITE("create", "ROUND", "open a self-inspection round for a unit or a unit group",
	      OPTIONS(O_UNIT("the unit reporting"), OPT("--group", 0, "G", "every unit of group G reports"),
	              O_FROM("the round's first day"), O_TO("the round's last day"),
	              OPT("--deadline", 0, "D|TEXT", "when the report is due (a date or 12月中旬)")),
	      round_create, "created round"),
	WRITE("submit", "ROUND DATE", "record a unit's report",
	      OPTIONS(OPT("--document", 0, "NO", "the report's document number"), O_NOTE), round_submit, "reported"),
	IMPORT("import", "FILE.csv|FILE.yaml", "import rounds and their reports, all rows or none", OPTIONS(O_ENCODING),
	       campaign_inspection_rounds_import_file),
	LIST("list", "", "the rounds and their reports",
	     OPTIONS(OPT("--series", 0, "S", "one series of rounds"), O_UNIT("one unit's rounds"), O_AS_OF, O_FORMAT),
	     round_list),
	LIST("missing", "", "reports missing or late",
	     OPTIONS(OPT("--series", 0, "S", "one series of rounds"), O_AS_OF, O_FORMAT), round_missing),
	CMD_END,
};

static const cli_command finding_commands[] = {
	ADD("record", "UNIT ORIGIN DATE DESCRIPTION", "record a finding; prints its id",
	    OPTIONS(O_NEW_ID("finding"), OPT("--category", 0, "CAT/ID", "its category"),
	            OPT("--people", 0, "P", "the people involved"), OPT("--amount", 0, "YUAN", "the sum involved"),
	            OPT("--round", 0, "R", "the self-inspection round it came from")),
	    finding_record, "recorded finding"),
	WRITE("flag", "FINDING concealment|falsification DATE", "flag concealment or falsification (no leniency)",
	      OPTIONS(O_NOTE), finding_flag, "flagged"),
	TABLE("list", "", "the findings, with leniency and status",
	      OPTIONS(O_UNIT("one unit's findings"), O_ID("one finding"), O_SITE, O_FORMAT), finding_list, finding_cols, NULL),
	IMPORT("import", "FILE.csv|FILE.yaml", "import findings, all rows or none", OPTIONS(O_ENCODING),
	       campaign_findings_import_file),
	CMD_END,
};

static const cli_command rectification_commands[] = {
	ADD("add", "FINDING", "add a rectification of a finding",
	    OPTIONS(O_NEW_ID("rectification"), OPT("--problem", 0, "T", "the problem (存在问题)"),
	            OPT("--measure", 0, "T", "the measure (整改措施)"), OPT("--deadline", 0, "D|TEXT", "the deadline (a date or 2011年1月底)"),
	            OPT("--responsible", 0, "P", "who is responsible"),
	            OPT("--criterion", 0, "T", "how it is judged done (验收标准)")),
	    rect_add, "added rectification"),
	IMPORT("import", "FILE.csv|FILE.yaml", "import a rectification ledger, all rows or none", OPTIONS(O_ENCODING),
	       campaign_rectifications_import_file),
	WRITE("update", "RECT STATUS DATE", "record a rectification's progress", OPTIONS(O_NOTE), rect_update, "updated"),
	WRITE("verify", "RECT passed|failed DATE", "record the verification of a done rectification",
	      OPTIONS(OPT("--verifier", 0, "P", "who verified it"), O_NOTE), rect_verify, "verified"),
	CALL2("close", "RECT DATE", "close (销号) a verified rectification", NULL, campaign_rectification_close, "closed"),
	LIST("list", "", "the rectifications",
	     OPTIONS(OPT("--finding", 0, "F", "one finding's rectifications"), O_UNIT("one unit's"), O_FORMAT), rect_list),
	LIST("overdue", "", "rectifications past their deadline", OPTIONS(O_AS_OF, O_FORMAT), rect_overdue),
	TABLE("ledger", "", "the rectification ledger (整改台账)", OPTIONS(O_UNIT("one unit's ledger"), O_AS_OF, O_FORMAT),
	      rect_ledger, ledger_cols, ledger_titles),
	CMD_END,
};

static const cli_command lead_commands[] = {
	ADD("create", "", "record a case lead; prints its id",
	    OPTIONS(O_NEW_ID("lead"), OPT("--finding", 0, "F", "the finding it came from"),
	            O_UNIT("the unit concerned"), OPT("--received", 0, "D", "when it was received (required)"),
	            OPT("--details", 0, "T", "what it says (required)"), OPT("--reporter", 0, "NAME", "who reported it (confidential)"),
	            OPT("--contact", 0, "T", "how to reach the reporter (confidential)")),
	    lead_create, "recorded case lead"),
	WRITE("refer", "LEAD discipline|supervision|procuratorate BODY DATE", "refer a lead to another body",
	      OPTIONS(OPT("--reference", 0, "NO", "the referral's document number")), lead_refer, "referred"),
	WRITE("resolve", "LEAD OUTCOME DATE", "record how a lead ended", OPTIONS(O_NOTE), lead_resolve, "resolved"),
	CMD("list", "", "the case leads (the reporter only with --confidential, and that read is logged)",
	    OPTIONS(O_UNIT("one unit's leads"), FLAG("--confidential", 0, "show the reporter and contact (logged)"),
	            O_ID("one lead (with --confidential)"), O_FORMAT),
	    NULL, lead_list),
	CMD_END,
};

const cli_command inspection_commands[] = {
	CMD("catalogue", "", "catalogues of violation categories: import, list, show", NULL, catalogue_commands, NULL),
	CMD("round", "", "self-inspection rounds: create, submit, import, list, missing", NULL, round_commands, NULL),
	CMD("finding", "", "findings: record, flag, list, import", NULL, finding_commands, NULL),
	CMD("rectification", "", "the rectification ledger: add, import, update, verify, close, list, overdue, ledger",
	    NULL, rectification_commands, NULL),
	CMD("case-lead", "", "case leads: create, refer, resolve, list", NULL, lead_commands, NULL),
	CMD_END,
};
