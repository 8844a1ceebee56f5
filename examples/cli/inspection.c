/* `campaign inspection ...`: catalogues, self-inspection rounds, findings,
 * the rectification ledger and case leads.
 *
 *   inspection catalogue import FILE.yaml | catalogue list | catalogue show ID [--version N]
 *   inspection round create ROUND (--unit U | --group G) --from D --to D --deadline D|TEXT
 *   inspection round submit ROUND DATE [--document NO] [--note T]
 *   inspection round list [--series S] [--unit U] [--as-of D] | round missing [--series S] [--as-of D]
 *   inspection finding record UNIT ORIGIN DATE DESCRIPTION [--id ID] [--category CAT/ID]
 *                             [--people P] [--amount YUAN] [--round R]
 *   inspection finding flag FINDING concealment|falsification DATE [--note T]
 *   inspection finding list [--unit U] [--id F] | finding import FILE.csv|FILE.yaml
 *   inspection rectification add FINDING --measure T --deadline D --responsible P --criterion T
 *                                [--problem T] [--id ID]
 *   inspection rectification update RECT STATUS DATE [--note T]
 *   inspection rectification verify RECT passed|failed DATE [--verifier P] [--note T]
 *   inspection rectification close RECT DATE
 *   inspection rectification list [--finding F] [--unit U] | overdue [--as-of D]
 *   inspection rectification ledger [--unit U] [--as-of D] [--format F]
 *   inspection case-lead create --received D --details T [--finding F] [--unit U]
 *                               [--reporter NAME] [--contact T] [--id ID]
 *   inspection case-lead refer LEAD discipline|supervision|procuratorate BODY DATE [--reference NO]
 *   inspection case-lead resolve LEAD OUTCOME DATE [--note T]
 *   inspection case-lead list [--unit U] | case-lead list --confidential [--id L]   (logged) */
#include <stdlib.h>
#include <string.h>
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

/* Runs a write; prints @done on success. */
static int written(campaign_db *db, int rc, const char *done, const char *what)
{
	rc = rc < 0 ? fail() : 0;
	if (!rc)
		printf("%s %s\n", done, what);
	campaign_close(db);
	return rc;
}

static int need_pos(args *a, int n, const char *usage)
{
	return a->npos == n ? 0 : usage_error("%s", usage);
}

/* ---- catalogues ---- */

static int catalogue(args *a)
{
	static const char *const opts[] = {"--version", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
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
		return show(a, db, campaign_catalogues_query(&c, db, a->campaign), &c, NULL, NULL);
	}
	if (a->npos == 3 && !strcmp(a->pos[1], "show")) {
		const char *v = arg_opt(a, "--version");
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_violation_categories_query(&c, db, a->campaign, a->pos[2], v ? atoi(v) : 0), &c,
		            NULL, NULL);
	}
	return usage_error("inspection catalogue needs import FILE, list or show ID%s", "");
}

/* ---- rounds ---- */

static int round_create(args *a)
{
	static const char *const opts[] = {"--group", "--deadline", NULL};
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, opts)) ||
	    (rc = need_pos(a, 3, "inspection round create needs ROUND (--unit U | --group G) --from D --to D --deadline D")))
		return rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_inspection_round_create(db, a->campaign, a->pos[2], a->unit, arg_opt(a, "--group"),
	                                                a->from, a->to, arg_opt(a, "--deadline"), a->actor),
	               "created round", a->pos[2]);
}

static int round_cmd(args *a)
{
	static const char *const opts[] = {"--document", "--series", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "create"))
		return round_create(a);
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "submit")) {
		if ((rc = need_pos(a, 4, "inspection round submit needs ROUND DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_inspection_round_submit(db, a->campaign, a->pos[2], a->pos[3],
		                                                arg_opt(a, "--document"), a->note, a->actor),
		               "reported", a->pos[2]);
	}
	if ((!strcmp(sub, "list") || !strcmp(sub, "missing")) && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		rc = !strcmp(sub, "list")
		             ? campaign_inspection_rounds_query(&c, db, a->campaign, arg_opt(a, "--series"), a->unit, a->as_of)
		             : campaign_inspection_missing_query(&c, db, a->campaign, arg_opt(a, "--series"), a->as_of);
		return show(a, db, rc, &c, NULL, NULL);
	}
	return usage_error("inspection round needs create, submit, list or missing%s", "");
}

/* ---- findings ---- */

static int finding_record(args *a)
{
	static const char *const opts[] = {"--id", "--category", "--people", "--amount", "--round", NULL};
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = arg_only(a, opts)) ||
	    (rc = need_pos(a, 6, "inspection finding record needs UNIT ORIGIN DATE DESCRIPTION")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_finding_record(&id, db, a->campaign, arg_opt(a, "--id"), a->pos[2], arg_opt(a, "--category"),
	                             a->pos[3], arg_opt(a, "--people"), a->pos[5], arg_opt(a, "--amount"), a->pos[4],
	                             arg_opt(a, "--round"), a->actor);
	rc = written(db, rc, "recorded finding", campaign_buf_data(id));
	campaign_buf_free(id);
	return rc;
}

static int finding_cmd(args *a)
{
	static const char *const opts[] = {"--id", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "record"))
		return finding_record(a);
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "flag")) {
		if ((rc = need_pos(a, 5, "inspection finding flag needs FINDING concealment|falsification DATE")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_finding_flag(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->note, a->actor),
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
		return show(a, db, campaign_findings_query(&c, db, a->campaign, a->unit, arg_opt(a, "--id")), &c,
		            strcmp(a->format, "text") ? NULL : cols, NULL);
	}
	return usage_error("inspection finding needs record, flag, list or import%s", "");
}

/* ---- rectifications ---- */

static int rect_add(args *a)
{
	static const char *const opts[] = {"--id", "--problem", "--measure", "--deadline", "--responsible", "--criterion",
	                                   NULL};
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = arg_only(a, opts)) ||
	    (rc = need_pos(a, 3, "inspection rectification add needs FINDING --measure --deadline --responsible --criterion")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_rectification_add(&id, db, a->campaign, arg_opt(a, "--id"), a->pos[2], arg_opt(a, "--problem"),
	                                arg_opt(a, "--measure"), arg_opt(a, "--deadline"), arg_opt(a, "--responsible"),
	                                arg_opt(a, "--criterion"), a->actor);
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
		             ? campaign_rectification_update(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->note, a->actor)
		             : campaign_rectification_verify(db, a->campaign, a->pos[2], a->pos[3], arg_opt(a, "--verifier"),
		                                             a->pos[4], a->note, a->actor);
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
	return show(a, db, rc, &c, cols, titles);
}

static int rect_cmd(args *a)
{
	static const char *const opts[] = {"--verifier", "--finding", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "add"))
		return rect_add(a);
	if ((rc = arg_only(a, opts)))
		return rc;
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
	return show(a, db, rc, &c, NULL, NULL);
}

/* ---- case leads ---- */

static int lead_create(args *a)
{
	static const char *const opts[] = {"--id", "--finding", "--received", "--details", "--reporter", "--contact", NULL};
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 2, "inspection case-lead create needs --received D --details T")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_case_lead_create(&id, db, a->campaign, arg_opt(a, "--id"), arg_opt(a, "--finding"), a->unit,
	                               arg_opt(a, "--received"), arg_opt(a, "--details"), arg_opt(a, "--reporter"),
	                               arg_opt(a, "--contact"), a->actor);
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
		return show(a, db, campaign_case_leads_query(&c, db, a->campaign, a->unit), &c, NULL, NULL);
	}
	/* a confidential read is logged, so it needs a writable store */
	if ((rc = open_writable(a, &db)))
		return rc;
	return show(a, db, campaign_case_lead_confidential_query(&c, db, a->campaign, arg_opt(a, "--id"), a->actor), &c,
	            NULL, NULL);
}

static int lead_cmd(args *a)
{
	static const char *const opts[] = {"--reference", "--confidential", "--id", NULL};
	campaign_db *db;
	int rc;
	const char *sub = a->npos >= 2 ? a->pos[1] : "";
	if (!strcmp(sub, "create"))
		return lead_create(a);
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "list") && a->npos == 2)
		return lead_list(a);
	if (!strcmp(sub, "refer")) {
		if ((rc = need_pos(a, 6, "inspection case-lead refer needs LEAD KIND BODY DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_case_lead_refer(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->pos[5],
		                                        arg_opt(a, "--reference"), a->actor),
		               "referred", a->pos[2]);
	}
	if (!strcmp(sub, "resolve")) {
		if ((rc = need_pos(a, 5, "inspection case-lead resolve needs LEAD OUTCOME DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_case_lead_resolve(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->note, a->actor),
		               "resolved", a->pos[2]);
	}
	return usage_error("inspection case-lead needs create, refer, resolve or list%s", "");
}

int cmd_inspection(args *a)
{
	const char *what = a->npos ? a->pos[0] : "";
	if (!strcmp(what, "catalogue"))
		return catalogue(a);
	if (!strcmp(what, "round"))
		return round_cmd(a);
	if (!strcmp(what, "finding"))
		return finding_cmd(a);
	if (!strcmp(what, "rectification"))
		return rect_cmd(a);
	if (!strcmp(what, "case-lead"))
		return lead_cmd(a);
	return usage_error("inspection needs catalogue, round, finding, rectification or case-lead%s", "");
}
