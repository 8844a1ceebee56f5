/* `campaign inspection ...`: catalogues, self-inspection rounds, findings,
 * the rectification ledger and case leads. The commands, their arguments and
 * options are the table at the end of this file (`campaign inspection --help`). */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* ---- catalogues ---- */

static int catalogue(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if (a->npos >= 2 && !strcmp(a->pos[1], "import")) {
		if ((rc = need_pos(a, 3, "inspection catalogue import needs one FILE.yaml")) || (rc = open_writable(a, &db)))
			return rc;
		rc = campaign_catalogue_import_file(db, a->campaign, a->pos[2], a->actor);
		if (rc > 0)
			printf("catalogue %s: version %d\n", a->pos[2], rc);
		campaign_close(db);
		return rc < 0 ? fail() : 0;
	}
	if (a->npos == 2 && !strcmp(a->pos[1], "list")) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_catalogues_query(&c, db, a->campaign), &c, NULL, NULL);
	}
	if (a->npos == 3 && !strcmp(a->pos[1], "show")) {
		const char *v = arg_opt(a, "--version");
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_violation_categories_query(&c, db, a->campaign, a->pos[2], v ? atoi(v) : 0), &c,
		            NULL, NULL);
	}
	return usage_error("inspection catalogue needs import FILE, list or show ID%s", "");
}

/* ---- rounds ---- */

static int round_create(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, 3, "inspection round create needs ROUND (--unit U | --group G) --from D --to D --deadline D")))
		return rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_inspection_round_add(db, a->campaign,
	                                             &(campaign_inspection_round_add_options){CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION,
	                                               a->pos[2], a->unit, arg_opt(a, "--group"), a->from, a->to,
	                                               arg_opt(a, "--deadline")},
	                                             a->actor),
	               "created round", a->pos[2]);
}

static int round_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "create"))
		return round_create(a);
	if (!strcmp(sub, "submit")) {
		if ((rc = need_pos(a, 4, "inspection round submit needs ROUND DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_inspection_round_submit(db, a->campaign,
		                                                &(campaign_inspection_round_submit_options){CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION,
		                                                  a->pos[2], a->pos[3], arg_opt(a, "--document"),
		                                                  a->note},
		                                                a->actor),
		               "reported", a->pos[2]);
	}
	if ((!strcmp(sub, "list") || !strcmp(sub, "missing")) && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		rc = !strcmp(sub, "list")
		             ? campaign_inspection_rounds_query(&c, db, a->campaign, arg_opt(a, "--series"), a->unit, a->as_of)
		             : campaign_inspection_missing_query(&c, db, a->campaign, arg_opt(a, "--series"), a->as_of);
		return list_query(a, db, rc, &c, NULL, NULL);
	}
	return usage_error("inspection round needs create, submit, list or missing%s", "");
}

/* ---- findings ---- */

static int finding_record(args *a)
{
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = need_pos(a, 6, "inspection finding record needs UNIT ORIGIN DATE DESCRIPTION")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_finding_add(&id, db, a->campaign,
	                          &(campaign_finding_add_options){CAMPAIGN_FINDING_ADD_OPTIONS_VERSION,
	                            arg_opt(a, "--id"), a->pos[2], arg_opt(a, "--category"), a->pos[3],
	                            arg_opt(a, "--people"), a->pos[5], arg_opt(a, "--amount"), a->pos[4],
	                            arg_opt(a, "--round")},
	                          a->actor);
	rc = written(db, rc, "recorded finding", campaign_buf_data(id));
	campaign_buf_free(id);
	return rc;
}

static int finding_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "record"))
		return finding_record(a);
	if (!strcmp(sub, "flag")) {
		if ((rc = need_pos(a, 5, "inspection finding flag needs FINDING concealment|falsification DATE")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_finding_flag(db, a->campaign,
		                                         &(campaign_finding_flag_options){CAMPAIGN_FINDING_FLAG_OPTIONS_VERSION,
		                                           a->pos[2], a->pos[3], a->pos[4], a->note},
		                                         a->actor),
		               "flagged", a->pos[2]);
	}
	if (!strcmp(sub, "import")) {
		if ((rc = need_pos(a, 3, "inspection finding import needs one FILE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_findings_import_file(db, a->campaign, a->pos[2], NULL, a->actor), "imported", a->pos[2]);
	}
	if (!strcmp(sub, "list") && a->npos == 2) {
		static const char *const cols[] = {"id", "unit_name", "category", "origin_label", "found_on", "amount",
		                                   "leniency_label", "reason", "status", NULL};
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_findings_query(&c, db, a->campaign, a->unit, arg_opt(a, "--id")), &c,
		            strcmp(a->format, "text") ? NULL : cols, NULL);
	}
	return usage_error("inspection finding needs record, flag, list or import%s", "");
}

/* ---- rectifications ---- */

static int rect_add(args *a)
{
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = need_pos(a, 3, "inspection rectification add needs FINDING --measure --deadline --responsible --criterion")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_rectification_add(&id, db, a->campaign,
	                                &(campaign_rectification_add_options){CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION,
	                                  arg_opt(a, "--id"), a->pos[2], arg_opt(a, "--problem"),
	                                  arg_opt(a, "--measure"), arg_opt(a, "--deadline"),
	                                  arg_opt(a, "--responsible"), arg_opt(a, "--criterion")},
	                                a->actor);
	rc = written(db, rc, "added rectification", campaign_buf_data(id));
	campaign_buf_free(id);
	return rc;
}

static int rect_write(args *a, const char *sub)
{
	campaign_db *db;
	int rc;
	if (!strcmp(sub, "update") || !strcmp(sub, "verify")) {
		if ((rc = need_pos(a, 5, "inspection rectification update|verify needs RECT STATUS|RESULT DATE")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		rc = !strcmp(sub, "update")
		             ? campaign_rectification_update(db, a->campaign,
		                                             &(campaign_rectification_update_options){CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION,
		                                               a->pos[2], a->pos[3], a->pos[4], a->note},
		                                             a->actor)
		             : campaign_rectification_verify(db, a->campaign,
		                                             &(campaign_rectification_verify_options){CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_VERSION,
		                                               a->pos[2], a->pos[3], arg_opt(a, "--verifier"),
		                                               a->pos[4], a->note},
		                                             a->actor);
		return written(db, rc, !strcmp(sub, "update") ? "updated" : "verified", a->pos[2]);
	}
	if ((rc = need_pos(a, 4, "inspection rectification close needs RECT DATE")) || (rc = open_writable(a, &db)))
		return rc;
	return written(db, campaign_rectification_close(db, a->campaign, a->pos[2], a->pos[3], a->actor), "closed",
	               a->pos[2]);
}

static int rect_ledger(args *a, campaign_db *db)
{
	static const char *const cols[] = {"no", "unit_name", "category", "problem", "measure", "deadline", "responsible",
	                                   "criterion", "status_label", "verification_label", "closed_on", "overdue", NULL};
	static const char *const titles[] = {"序号", "单位", "问题类别", "存在问题", "整改措施", "整改时限", "责任人",
	                                     "验收标准", "整改状态", "验收情况", "销号日期", "逾期", NULL};
	campaign_cursor *c = NULL;
	int rc = campaign_rectification_ledger_query(&c, db, a->campaign, a->unit, a->as_of);
	return list_query(a, db, rc, &c, cols, titles);
}

static int rect_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "add"))
		return rect_add(a);
	if (!strcmp(sub, "import")) {
		if ((rc = need_pos(a, 3, "inspection rectification import needs one FILE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_rectifications_import_file(db, a->campaign, a->pos[2], NULL, a->actor), "imported", a->pos[2]);
	}
	if (!strcmp(sub, "update") || !strcmp(sub, "verify") || !strcmp(sub, "close"))
		return rect_write(a, sub);
	if (a->npos != 2 || (strcmp(sub, "list") && strcmp(sub, "overdue") && strcmp(sub, "ledger")))
		return usage_error("inspection rectification needs add, update, verify, close, list, overdue or ledger%s", "");
	if ((rc = open_existing(a, &db)))
		return rc;
	if (!strcmp(sub, "ledger"))
		return rect_ledger(a, db);
	rc = !strcmp(sub, "list") ? campaign_rectifications_query(&c, db, a->campaign, arg_opt(a, "--finding"), a->unit)
	                          : campaign_rectifications_overdue_query(&c, db, a->campaign, a->as_of);
	return list_query(a, db, rc, &c, NULL, NULL);
}

/* ---- case leads ---- */

static int lead_create(args *a)
{
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = need_pos(a, 2, "inspection case-lead create needs --received D --details T")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_case_lead_add(&id, db, a->campaign,
	                            &(campaign_case_lead_add_options){CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION,
	                              arg_opt(a, "--id"), arg_opt(a, "--finding"), a->unit,
	                              arg_opt(a, "--received"), arg_opt(a, "--details"), arg_opt(a, "--reporter"),
	                              arg_opt(a, "--contact")},
	                            a->actor);
	rc = written(db, rc, "recorded case lead", campaign_buf_data(id));
	campaign_buf_free(id);
	return rc;
}

static int lead_list(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if (!arg_opt(a, "--confidential")) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_case_leads_query(&c, db, a->campaign, a->unit), &c, NULL, NULL);
	}
	/* a confidential read is logged, so it needs a writable store */
	if ((rc = open_writable(a, &db)))
		return rc;
	return list_query(a, db, campaign_case_lead_confidential_query(&c, db, a->campaign, arg_opt(a, "--id"), a->actor), &c,
	            NULL, NULL);
}

static int lead_cmd(args *a)
{
	campaign_db *db;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "create"))
		return lead_create(a);
	if (!strcmp(sub, "list") && a->npos == 2)
		return lead_list(a);
	if (!strcmp(sub, "refer")) {
		if ((rc = need_pos(a, 6, "inspection case-lead refer needs LEAD KIND BODY DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_case_lead_refer(db, a->campaign,
		                                        &(campaign_case_lead_refer_options){CAMPAIGN_CASE_LEAD_REFER_OPTIONS_VERSION,
		                                          a->pos[2], a->pos[3], a->pos[4], a->pos[5],
		                                          arg_opt(a, "--reference")},
		                                        a->actor),
		               "referred", a->pos[2]);
	}
	if (!strcmp(sub, "resolve")) {
		if ((rc = need_pos(a, 5, "inspection case-lead resolve needs LEAD OUTCOME DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_case_lead_resolve(db, a->campaign,
		                                              &(campaign_case_lead_resolve_options){CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_VERSION,
		                                                a->pos[2], a->pos[3], a->pos[4], a->note},
		                                              a->actor),
		               "resolved", a->pos[2]);
	}
	return usage_error("inspection case-lead needs create, refer, resolve or list%s", "");
}

/* ---- the command table ---- */

static const cli_command catalogue_commands[] = {
	CMD("import", "FILE.yaml", "load a catalogue of violation categories; prints its version", NULL, NULL, catalogue),
	CMD("list", "", "the catalogues", OPTIONS(O_FORMAT), NULL, catalogue),
	CMD("show", "ID", "a catalogue's categories",
	    OPTIONS(OPT("--version", 0, "N", "an earlier version (default: the current one)"), O_FORMAT), NULL, catalogue),
	CMD_END,
};

static const cli_command round_commands[] = {
	CMD("create", "ROUND", "open a self-inspection round for a unit or a unit group",
	    OPTIONS(O_UNIT("the unit reporting"), OPT("--group", 0, "G", "every unit of group G reports"),
	            O_FROM("the round's first day"), O_TO("the round's last day"),
	            OPT("--deadline", 0, "D|TEXT", "when the report is due (a date or 12月中旬)")),
	    NULL, round_create),
	CMD("submit", "ROUND DATE", "record a unit's report",
	    OPTIONS(OPT("--document", 0, "NO", "the report's document number"), O_NOTE), NULL, round_cmd),
	CMD("list", "", "the rounds and their reports",
	    OPTIONS(OPT("--series", 0, "S", "one series of rounds"), O_UNIT("one unit's rounds"), O_AS_OF, O_FORMAT), NULL,
	    round_cmd),
	CMD("missing", "", "reports missing or late",
	    OPTIONS(OPT("--series", 0, "S", "one series of rounds"), O_AS_OF, O_FORMAT), NULL, round_cmd),
	CMD_END,
};

static const cli_command finding_commands[] = {
	CMD("record", "UNIT ORIGIN DATE DESCRIPTION", "record a finding; prints its id",
	    OPTIONS(O_ID("the finding's id (default: a new one)"), OPT("--category", 0, "CAT/ID", "its category"),
	            OPT("--people", 0, "P", "the people involved"), OPT("--amount", 0, "YUAN", "the sum involved"),
	            OPT("--round", 0, "R", "the self-inspection round it came from")),
	    NULL, finding_record),
	CMD("flag", "FINDING concealment|falsification DATE", "flag concealment or falsification (no leniency)",
	    OPTIONS(O_NOTE), NULL, finding_cmd),
	CMD("list", "", "the findings, with leniency and status",
	    OPTIONS(O_UNIT("one unit's findings"), O_ID("one finding"), O_FORMAT), NULL, finding_cmd),
	CMD("import", "FILE.csv|FILE.yaml", "import findings, all rows or none", NULL, NULL, finding_cmd),
	CMD_END,
};

static const cli_command rectification_commands[] = {
	CMD("add", "FINDING", "add a rectification of a finding",
	    OPTIONS(O_ID("the rectification's id (default: a new one)"), OPT("--problem", 0, "T", "the problem (存在问题)"),
	            OPT("--measure", 0, "T", "the measure (整改措施)"), OPT("--deadline", 0, "D", "the deadline"),
	            OPT("--responsible", 0, "P", "who is responsible"),
	            OPT("--criterion", 0, "T", "how it is judged done (验收标准)")),
	    NULL, rect_add),
	CMD("import", "FILE.csv|FILE.yaml", "import a rectification ledger, all rows or none", NULL, NULL, rect_cmd),
	CMD("update", "RECT STATUS DATE", "record a rectification's progress", OPTIONS(O_NOTE), NULL, rect_cmd),
	CMD("verify", "RECT passed|failed DATE", "record the verification of a done rectification",
	    OPTIONS(OPT("--verifier", 0, "P", "who verified it"), O_NOTE), NULL, rect_cmd),
	CMD("close", "RECT DATE", "close (销号) a verified rectification", NULL, NULL, rect_cmd),
	CMD("list", "", "the rectifications",
	    OPTIONS(OPT("--finding", 0, "F", "one finding's rectifications"), O_UNIT("one unit's"), O_FORMAT), NULL,
	    rect_cmd),
	CMD("overdue", "", "rectifications past their deadline", OPTIONS(O_AS_OF, O_FORMAT), NULL, rect_cmd),
	CMD("ledger", "", "the rectification ledger (整改台账)", OPTIONS(O_UNIT("one unit's ledger"), O_AS_OF, O_FORMAT),
	    NULL, rect_cmd),
	CMD_END,
};

static const cli_command lead_commands[] = {
	CMD("create", "", "record a case lead; prints its id",
	    OPTIONS(O_ID("the lead's id (default: a new one)"), OPT("--finding", 0, "F", "the finding it came from"),
	            O_UNIT("the unit concerned"), OPT("--received", 0, "D", "when it was received (required)"),
	            OPT("--details", 0, "T", "what it says (required)"), OPT("--reporter", 0, "NAME", "who reported it (confidential)"),
	            OPT("--contact", 0, "T", "how to reach the reporter (confidential)")),
	    NULL, lead_create),
	CMD("refer", "LEAD discipline|supervision|procuratorate BODY DATE", "refer a lead to another body",
	    OPTIONS(OPT("--reference", 0, "NO", "the referral's document number")), NULL, lead_cmd),
	CMD("resolve", "LEAD OUTCOME DATE", "record how a lead ended", OPTIONS(O_NOTE), NULL, lead_cmd),
	CMD("list", "", "the case leads (the reporter only with --confidential, and that read is logged)",
	    OPTIONS(O_UNIT("one unit's leads"), FLAG("--confidential", 0, "show the reporter and contact (logged)"),
	            O_ID("one lead (with --confidential)"), O_FORMAT),
	    NULL, lead_cmd),
	CMD_END,
};

const cli_command inspection_commands[] = {
	CMD("catalogue", "", "catalogues of violation categories: import, list, show", NULL, catalogue_commands, NULL),
	CMD("round", "", "self-inspection rounds: create, submit, list, missing", NULL, round_commands, NULL),
	CMD("finding", "", "findings: record, flag, list, import", NULL, finding_commands, NULL),
	CMD("rectification", "", "the rectification ledger: add, import, update, verify, close, list, overdue, ledger",
	    NULL, rectification_commands, NULL),
	CMD("case-lead", "", "case leads: create, refer, resolve, list", NULL, lead_commands, NULL),
	CMD_END,
};
