/* `campaign accountability ...`: people and posts, conduct evaluations,
 * rules, evaluation, proposals and decisions, actions, tours, rotation.
 *
 *   accountability people import FILE.yaml | people list [--unit U] | people from-bodies
 *   accountability person add NAME [--id ID] [--unit U] [--retires D]
 *   accountability post add ID UNIT NAME [--kind K] [--key] [--principal] | post list [--unit U]
 *   accountability post assign PERSON POST START [--to END] | post leave PERSON POST END
 *   accountability holdings [--person P] | tenure [--as-of D]
 *   accountability discipline add PERSON DATE SANCTION [--details T] [--authority T]
 *   accountability record PERSON                                   (confidential; the read is logged)
 *   accountability evaluation add YEAR PERIOD UNIT SCORE DATE [--note T]
 *   accountability evaluation import FILE.csv|FILE.yaml | evaluation ranking YEAR [--period P] [--group G]
 *   accountability rules import FILE.yaml | rules list
 *   accountability evaluate --as-of D
 *   accountability proposals [--status S] [--unit U]
 *   accountability decide PROPOSAL accept|reject|modify DATE [--note T] [--action A] [--due D]
 *   accountability actions [--kind A] [--unit U] [--as-of D] | actions summary [--as-of D]
 *   accountability action ACTION held|explanation_received|done|cancelled DATE [--note T]
 *   accountability tour schedule YEAR --group G --from D --to D | tour list YEAR [--group G] [--as-of D]
 *   accountability tour record UNIT DATE [--leader L]
 *   accountability tour finding UNIT DATE DESCRIPTION [--id ID] [--category C] [--people P] [--amount A] */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

static int open_writable(args *a, campaign_db **db)
{
	return campaign_open(db, a->db, CAMPAIGN_OPEN_NOCREATE) ? fail() : 0;
}

/* Prints a query's cursor (CSV with a BOM for spreadsheets); closes @db. */
static int show(args *a, campaign_db *db, int rc, campaign_cursor **cp)
{
	campaign_cursor *c = *cp; /* read after the query call wrote it */
	if (rc)
		rc = fail();
	else {
		if (!strcmp(a->format, "csv"))
			csv_bom(stdout);
		rc = print_table(c, a->format, NULL, NULL) ? fail() : 0;
	}
	campaign_close(db);
	return rc;
}

/* Ends a write: prints "@done @what" (and a count when @rc > 0); closes @db. */
static int written(campaign_db *db, int rc, const char *done, const char *what)
{
	if (rc < 0)
		rc = fail();
	else if (rc > 0)
		printf("%s %s: %d\n", done, what, rc), rc = 0;
	else
		printf("%s %s\n", done, what);
	campaign_close(db);
	return rc;
}

static int need_pos(args *a, int n, const char *usage)
{
	return a->npos == n ? 0 : usage_error("%s", usage);
}

static const char *sub_of(args *a)
{
	return a->npos >= 2 ? a->pos[1] : "";
}

/* ---- people and posts ---- */

static int people_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, NULL)))
		return rc;
	if (!strcmp(sub_of(a), "import")) {
		if ((rc = need_pos(a, 3, "accountability people import needs one FILE.yaml")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_people_import_file(db, a->campaign, a->pos[2], NULL, a->actor), "imported", a->pos[2]);
	}
	if (!strcmp(sub_of(a), "from-bodies") && a->npos == 2) {
		if ((rc = open_writable(a, &db)))
			return rc;
		rc = campaign_people_from_bodies(db, a->campaign, a->actor);
		if (rc >= 0)
			printf("added %d people from the bodies\n", rc), rc = 0;
		return written(db, rc, "checked", "bodies");
	}
	if (!strcmp(sub_of(a), "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_people_query(&c, db, a->campaign, a->unit), &c);
	}
	return usage_error("accountability people needs import FILE, list or from-bodies%s", "");
}

static int person_cmd(args *a)
{
	static const char *const opts[] = {"--id", "--retires", NULL};
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = arg_only(a, opts)) || strcmp(sub_of(a), "add") ||
	    (rc = need_pos(a, 3, "accountability person add needs NAME")) || (rc = open_writable(a, &db)))
		return rc ? rc : usage_error("accountability person needs add NAME%s", "");
	rc = campaign_person_add(&id, db, a->campaign, arg_opt(a, "--id"), a->pos[2], a->unit, arg_opt(a, "--retires"),
	                         a->actor);
	if (!rc)
		printf("added person %s\n", campaign_buf_data(id));
	campaign_buf_free(id);
	campaign_close(db);
	return rc ? fail() : 0;
}

static int post_cmd(args *a)
{
	static const char *const opts[] = {"--kind", "--key", "--principal", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	const char *sub = sub_of(a);
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_posts_query(&c, db, a->campaign, a->unit), &c);
	}
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 5, "accountability post add needs ID UNIT NAME")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_post_add(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], arg_opt(a, "--kind"),
		                                 arg_opt(a, "--key") != NULL, arg_opt(a, "--principal") != NULL, a->actor),
		               "added post", a->pos[2]);
	}
	if (!strcmp(sub, "assign")) {
		if ((rc = need_pos(a, 5, "accountability post assign needs PERSON POST START")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_post_assign(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->to, a->actor),
		               "assigned", a->pos[2]);
	}
	if (!strcmp(sub, "leave")) {
		if ((rc = need_pos(a, 5, "accountability post leave needs PERSON POST END")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_post_leave(db, a->campaign, a->pos[2], a->pos[3], a->pos[4], a->actor), "ended",
		               a->pos[2]);
	}
	return usage_error("accountability post needs add, assign, leave or list%s", "");
}

static int listing(args *a)
{
	static const char *const opts[] = {"--person", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 1, "accountability holdings|tenure take no argument")) ||
	    (rc = open_existing(a, &db)))
		return rc;
	if (!strcmp(a->pos[0], "holdings"))
		return show(a, db, campaign_post_holdings_query(&c, db, a->campaign, arg_opt(a, "--person")), &c);
	return show(a, db, campaign_tenure_query(&c, db, a->campaign, a->as_of), &c);
}

static int discipline_cmd(args *a)
{
	static const char *const opts[] = {"--details", "--authority", NULL};
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (strcmp(sub_of(a), "add"))
		return usage_error("accountability discipline needs add PERSON DATE SANCTION%s", "");
	if ((rc = need_pos(a, 5, "accountability discipline add needs PERSON DATE SANCTION")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_person_discipline_add(NULL, db, a->campaign, a->pos[2], a->pos[3], a->pos[4],
	                                              arg_opt(a, "--details"), arg_opt(a, "--authority"), a->actor),
	               "recorded discipline of", a->pos[2]);
}

static int record_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	/* a confidential read is logged, so it needs a writable store */
	if ((rc = arg_only(a, NULL)) || (rc = need_pos(a, 2, "accountability record needs PERSON")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return show(a, db, campaign_person_record_query(&c, db, a->campaign, a->pos[1], a->actor), &c);
}

/* ---- evaluations ---- */

static int evaluation_cmd(args *a)
{
	static const char *const opts[] = {"--period", "--group", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	const char *sub = sub_of(a);
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 7, "accountability evaluation add needs YEAR PERIOD UNIT SCORE DATE")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_evaluation_record(db, a->campaign, atoi(a->pos[2]), a->pos[3], a->pos[4], a->pos[5],
		                                          a->pos[6], a->note, a->actor),
		               "recorded", a->pos[4]);
	}
	if (!strcmp(sub, "import")) {
		if ((rc = need_pos(a, 3, "accountability evaluation import needs one FILE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db, campaign_evaluations_import_file(db, a->campaign, a->pos[2], NULL, a->actor), "imported", a->pos[2]);
	}
	if (!strcmp(sub, "ranking")) {
		if ((rc = need_pos(a, 3, "accountability evaluation ranking needs YEAR")) || (rc = open_existing(a, &db)))
			return rc;
		return show(a, db,
		            campaign_evaluation_ranking_query(&c, db, a->campaign, atoi(a->pos[2]), arg_opt(a, "--period"),
		                                              arg_opt(a, "--group")),
		            &c);
	}
	return usage_error("accountability evaluation needs add, import or ranking%s", "");
}

/* ---- rules, evaluation, proposals, actions ---- */

static int rules_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, NULL)))
		return rc;
	if (!strcmp(sub_of(a), "import")) {
		if ((rc = need_pos(a, 3, "accountability rules import needs one FILE.yaml")) || (rc = open_writable(a, &db)))
			return rc;
		rc = campaign_rules_import_file(db, a->campaign, a->pos[2], a->actor);
		if (rc > 0)
			printf("rules %s: version %d\n", a->pos[2], rc);
		campaign_close(db);
		return rc < 0 ? fail() : 0;
	}
	if (!strcmp(sub_of(a), "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_rules_query(&c, db, a->campaign), &c);
	}
	return usage_error("accountability rules needs import FILE or list%s", "");
}

static int evaluate_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, NULL)) || (rc = need_pos(a, 1, "accountability evaluate takes no argument")))
		return rc;
	if (!a->as_of)
		return usage_error("accountability evaluate needs --as-of DATE%s", "");
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = campaign_accountability_evaluate(db, a->campaign, a->as_of, a->actor);
	if (rc >= 0)
		printf("evaluated as of %s: %d new proposals\n", a->as_of, rc);
	campaign_close(db);
	return rc < 0 ? fail() : 0;
}

static int proposals_cmd(args *a)
{
	static const char *const opts[] = {"--status", NULL};
	static const char *const cols[] = {"id", "rule", "action_label", "unit_name", "person_name", "due_on", "status",
	                                   "reason", "evidence", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 1, "accountability proposals takes no argument")) ||
	    (rc = open_existing(a, &db)))
		return rc;
	rc = campaign_proposals_query(&c, db, a->campaign, arg_opt(a, "--status"), a->unit);
	if (rc || strcmp(a->format, "text"))
		return show(a, db, rc, &c);
	rc = print_table(c, a->format, cols, NULL) ? fail() : 0;
	campaign_close(db);
	return rc;
}

static int decide_cmd(args *a)
{
	static const char *const opts[] = {"--action", "--due", NULL};
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, opts)) || (rc = need_pos(a, 4, "accountability decide needs PROPOSAL DECISION DATE")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_proposal_decide(db, a->campaign, a->pos[1], a->pos[2], arg_opt(a, "--action"),
	                                        arg_opt(a, "--due"), a->note, a->pos[3], a->actor),
	               "decided", a->pos[1]);
}

static int actions_cmd(args *a)
{
	static const char *const opts[] = {"--kind", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (a->npos == 2 && !strcmp(a->pos[1], "summary")) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_actions_summary_query(&c, db, a->campaign, a->as_of), &c);
	}
	if ((rc = need_pos(a, 1, "accountability actions takes no argument but summary")) || (rc = open_existing(a, &db)))
		return rc;
	return show(a, db, campaign_actions_query(&c, db, a->campaign, arg_opt(a, "--kind"), a->unit, a->as_of), &c);
}

static int action_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = arg_only(a, NULL)) || (rc = need_pos(a, 4, "accountability action needs ACTION EVENT DATE")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return written(db, campaign_action_update(db, a->campaign, a->pos[1], a->pos[2], a->pos[3], a->note, a->actor),
	               "recorded", a->pos[2]);
}

/* ---- tours ---- */

static int tour_finding(args *a, campaign_db *db)
{
	campaign_buf *id = NULL;
	int rc = campaign_tour_finding_record(&id, db, a->campaign, arg_opt(a, "--id"), a->pos[2], arg_opt(a, "--category"),
	                                      arg_opt(a, "--people"), a->pos[4], arg_opt(a, "--amount"), a->pos[3], a->actor);
	if (!rc)
		printf("recorded finding %s\n", campaign_buf_data(id));
	campaign_buf_free(id);
	campaign_close(db);
	return rc ? fail() : 0;
}

static int tour_cmd(args *a)
{
	static const char *const opts[] = {"--group", "--leader", "--id", "--category", "--people", "--amount", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	const char *sub = sub_of(a);
	int rc;
	if ((rc = arg_only(a, opts)))
		return rc;
	if (!strcmp(sub, "schedule")) {
		if ((rc = need_pos(a, 3, "accountability tour schedule needs YEAR --group G --from D --to D")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_tour_schedule(db, a->campaign, atoi(a->pos[2]), arg_opt(a, "--group"), a->from, a->to,
		                                      a->actor),
		               "planned tours", a->pos[2]);
	}
	if (!strcmp(sub, "record")) {
		if ((rc = need_pos(a, 4, "accountability tour record needs UNIT DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_tour_record(db, a->campaign, a->pos[2], a->pos[3], arg_opt(a, "--leader"), a->note,
		                                    a->actor),
		               "toured", a->pos[2]);
	}
	if (!strcmp(sub, "finding")) {
		if ((rc = need_pos(a, 5, "accountability tour finding needs UNIT DATE DESCRIPTION")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		return tour_finding(a, db);
	}
	if (!strcmp(sub, "list")) {
		if ((rc = need_pos(a, 3, "accountability tour list needs YEAR")) || (rc = open_existing(a, &db)))
			return rc;
		return show(a, db, campaign_tours_query(&c, db, a->campaign, atoi(a->pos[2]), arg_opt(a, "--group"), a->as_of),
		            &c);
	}
	return usage_error("accountability tour needs schedule, record, finding or list%s", "");
}

int cmd_accountability(args *a)
{
	static const struct { const char *name; int (*run)(args *); } subs[] = {
		{"people", people_cmd},       {"person", person_cmd},       {"post", post_cmd},
		{"holdings", listing},        {"tenure", listing},          {"discipline", discipline_cmd},
		{"record", record_cmd},       {"evaluation", evaluation_cmd}, {"rules", rules_cmd},
		{"evaluate", evaluate_cmd},   {"proposals", proposals_cmd}, {"decide", decide_cmd},
		{"actions", actions_cmd},     {"action", action_cmd},       {"tour", tour_cmd},
	};
	const char *what = a->npos ? a->pos[0] : "";
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (!strcmp(what, subs[i].name))
			return subs[i].run(a);
	return usage_error("accountability needs people, person, post, holdings, tenure, discipline, record, evaluation, "
	                   "rules, evaluate, proposals, decide, actions, action or tour%s",
	                   "");
}
