/* `campaign accountability ...`: people and posts, conduct evaluations,
 * rules, evaluation, proposals and decisions, actions, tours, rotation. The
 * commands, their arguments and options are the table at the end of this file
 * (`campaign accountability --help`). */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

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
		return list_query(a, db, campaign_people_query(&c, db, a->campaign, a->unit), &c, NULL, NULL);
	}
	return usage_error("accountability people needs import FILE, list or from-bodies%s", "");
}

static int person_cmd(args *a)
{
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc = 0;
	if (strcmp(sub_of(a), "add") ||
	    (rc = need_pos(a, 3, "accountability person add needs NAME")) || (rc = open_writable(a, &db)))
		return rc ? rc : usage_error("accountability person needs add NAME%s", "");
	rc = campaign_person_add(&id, db, a->campaign,
	                         &(campaign_person_add_options){CAMPAIGN_PERSON_ADD_OPTIONS_VERSION, arg_opt(a, "--id"),
	                                                        a->pos[2], a->unit, arg_opt(a, "--retires")},
	                         a->actor);
	if (!rc)
		printf("added person %s\n", campaign_buf_data(id));
	campaign_buf_free(id);
	campaign_close(db);
	return rc ? fail() : 0;
}

static int post_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	const char *sub = sub_of(a);
	int rc;
	if (!strcmp(sub, "list") && a->npos == 2) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_posts_query(&c, db, a->campaign, a->unit), &c, NULL, NULL);
	}
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 5, "accountability post add needs ID UNIT NAME")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_post_add(db, a->campaign,
		                                 &(campaign_post_add_options){CAMPAIGN_POST_ADD_OPTIONS_VERSION, a->pos[2],
		                                                              a->pos[3], a->pos[4], arg_opt(a, "--kind"),
		                                                              arg_opt(a, "--key") != NULL,
		                                                              arg_opt(a, "--principal") != NULL},
		                                 a->actor),
		               "added post", a->pos[2]);
	}
	if (!strcmp(sub, "assign")) {
		if ((rc = need_pos(a, 5, "accountability post assign needs PERSON POST START")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_post_assign(db, a->campaign,
		                                    &(campaign_post_assign_options){CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION,
		                                                                    a->pos[2], a->pos[3], a->pos[4], a->to},
		                                    a->actor),
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
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = need_pos(a, 1, "accountability holdings|tenure take no argument")) ||
	    (rc = open_existing(a, &db)))
		return rc;
	if (!strcmp(a->pos[0], "holdings"))
		return list_query(a, db, campaign_post_holdings_query(&c, db, a->campaign, arg_opt(a, "--person")), &c, NULL, NULL);
	return list_query(a, db, campaign_tenure_query(&c, db, a->campaign, a->as_of), &c, NULL, NULL);
}

static int discipline_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if (strcmp(sub_of(a), "add"))
		return usage_error("accountability discipline needs add PERSON DATE SANCTION%s", "");
	if ((rc = need_pos(a, 5, "accountability discipline add needs PERSON DATE SANCTION")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_person_discipline_add(NULL, db, a->campaign,
	                                              &(campaign_person_discipline_add_options){
	                                                  CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_VERSION, a->pos[2],
	                                                  a->pos[3], a->pos[4], arg_opt(a, "--details"),
	                                                  arg_opt(a, "--authority")},
	                                              a->actor),
	               "recorded discipline of", a->pos[2]);
}

static int record_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	/* a confidential read is logged, so it needs a writable store */
	if ((rc = need_pos(a, 2, "accountability record needs PERSON")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return list_query(a, db, campaign_person_record_query(&c, db, a->campaign, a->pos[1], a->actor), &c, NULL, NULL);
}

/* ---- evaluations ---- */

static int evaluation_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	const char *sub = sub_of(a);
	int rc;
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 7, "accountability evaluation add needs YEAR PERIOD UNIT SCORE DATE")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_evaluation_add(db, a->campaign,
		                                       &(campaign_evaluation_add_options){
		                                           CAMPAIGN_EVALUATION_ADD_OPTIONS_VERSION, atoi(a->pos[2]), a->pos[3],
		                                           a->pos[4], a->pos[5], a->pos[6], a->note},
		                                       a->actor),
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
		return list_query(a, db,
		            campaign_evaluation_ranking_query(&c, db, a->campaign, atoi(a->pos[2]), arg_opt(a, "--period"),
		                                              arg_opt(a, "--group")),
		            &c, NULL, NULL);
	}
	return usage_error("accountability evaluation needs add, import or ranking%s", "");
}

/* ---- rules, evaluation, proposals, actions ---- */

static int rules_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
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
		return list_query(a, db, campaign_rules_query(&c, db, a->campaign), &c, NULL, NULL);
	}
	return usage_error("accountability rules needs import FILE or list%s", "");
}

static int evaluate_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, 1, "accountability evaluate takes no argument")))
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
	static const char *const cols[] = {"id", "rule", "action_label", "unit_name", "person_name", "due_on", "status",
	                                   "reason", "evidence", NULL};
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = need_pos(a, 1, "accountability proposals takes no argument")) ||
	    (rc = open_existing(a, &db)))
		return rc;
	rc = campaign_proposals_query(&c, db, a->campaign, arg_opt(a, "--status"), a->unit);
	return list_query(a, db, rc, &c, strcmp(a->format, "text") ? NULL : cols, NULL);
}

static int decide_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, 4, "accountability decide needs PROPOSAL DECISION DATE")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_proposal_decide(db, a->campaign,
	                                        &(campaign_proposal_decide_options){
	                                            CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, a->pos[1], a->pos[2],
	                                            arg_opt(a, "--action"), arg_opt(a, "--due"), a->note, a->pos[3]},
	                                        a->actor),
	               "decided", a->pos[1]);
}

static int actions_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if (a->npos == 2 && !strcmp(a->pos[1], "summary")) {
		if ((rc = open_existing(a, &db)))
			return rc;
		return list_query(a, db, campaign_actions_summary_query(&c, db, a->campaign, a->as_of), &c, NULL, NULL);
	}
	if ((rc = need_pos(a, 1, "accountability actions takes no argument but summary")) || (rc = open_existing(a, &db)))
		return rc;
	return list_query(a, db, campaign_actions_query(&c, db, a->campaign, arg_opt(a, "--kind"), a->unit, a->as_of), &c, NULL, NULL);
}

static int action_cmd(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, 4, "accountability action needs ACTION EVENT DATE")) ||
	    (rc = open_writable(a, &db)))
		return rc;
	return written(db,
	               campaign_action_update(db, a->campaign,
	                                      &(campaign_action_update_options){CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION,
	                                                                        a->pos[1], a->pos[2], a->pos[3], a->note},
	                                      a->actor),
	               "recorded", a->pos[2]);
}

/* ---- tours ---- */

static int tour_finding(args *a, campaign_db *db)
{
	campaign_buf *id = NULL;
	int rc = campaign_tour_finding_add(&id, db, a->campaign,
	                                   &(campaign_tour_finding_add_options){CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_VERSION,
	                                     arg_opt(a, "--id"), a->pos[2], arg_opt(a, "--category"),
	                                     arg_opt(a, "--people"), a->pos[4], arg_opt(a, "--amount"), a->pos[3]},
	                                   a->actor);
	if (!rc)
		printf("recorded finding %s\n", campaign_buf_data(id));
	campaign_buf_free(id);
	campaign_close(db);
	return rc ? fail() : 0;
}

static int tour_cmd(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	const char *sub = sub_of(a);
	int rc;
	if (!strcmp(sub, "schedule")) {
		if ((rc = need_pos(a, 3, "accountability tour schedule needs YEAR --group G --from D --to D")) ||
		    (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_tour_add(db, a->campaign,
		                                 &(campaign_tour_add_options){CAMPAIGN_TOUR_ADD_OPTIONS_VERSION,
		                                                              atoi(a->pos[2]), arg_opt(a, "--group"), a->from,
		                                                              a->to},
		                                 a->actor),
		               "planned tours", a->pos[2]);
	}
	if (!strcmp(sub, "record")) {
		if ((rc = need_pos(a, 4, "accountability tour record needs UNIT DATE")) || (rc = open_writable(a, &db)))
			return rc;
		return written(db,
		               campaign_tour_record(db, a->campaign,
		                                    &(campaign_tour_record_options){CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION,
		                                                                    a->pos[2], a->pos[3],
		                                                                    arg_opt(a, "--leader"), a->note},
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
		return list_query(a, db, campaign_tours_query(&c, db, a->campaign, atoi(a->pos[2]), arg_opt(a, "--group"), a->as_of),
		            &c, NULL, NULL);
	}
	return usage_error("accountability tour needs schedule, record, finding or list%s", "");
}

/* ---- the command table ---- */

#define O_GROUP(help) OPT("--group", 0, "G", help)

static const cli_command people_commands[] = {
	CMD("import", "FILE.yaml", "load people and their posts", NULL, NULL, people_cmd),
	CMD("list", "", "the people", OPTIONS(O_UNIT("one unit's people"), O_FORMAT), NULL, people_cmd),
	CMD("from-bodies", "", "add the members of the plan's bodies as people", NULL, NULL, people_cmd),
	CMD_END,
};

static const cli_command person_commands[] = {
	CMD("add", "NAME", "add a person; prints the id",
	    OPTIONS(O_ID("the person's id (default: a new one)"), O_UNIT("the person's unit"),
	            OPT("--retires", 0, "D", "when the person retires")),
	    NULL, person_cmd),
	CMD_END,
};

static const cli_command post_commands[] = {
	CMD("add", "ID UNIT NAME", "add a post",
	    OPTIONS(OPT("--kind", 0, "K", "the kind of post"), FLAG("--key", 0, "a key post (rotation applies)"),
	            FLAG("--principal", 0, "the unit's principal post")),
	    NULL, post_cmd),
	CMD("assign", "PERSON POST START", "put a person in a post", OPTIONS(O_TO("the last day in the post")), NULL,
	    post_cmd),
	CMD("leave", "PERSON POST END", "end a person's time in a post", NULL, NULL, post_cmd),
	CMD("list", "", "the posts", OPTIONS(O_UNIT("one unit's posts"), O_FORMAT), NULL, post_cmd),
	CMD_END,
};

static const cli_command discipline_commands[] = {
	CMD("add", "PERSON DATE SANCTION", "record a disciplinary sanction",
	    OPTIONS(OPT("--details", 0, "T", "what it was for"), OPT("--authority", 0, "T", "who imposed it")), NULL,
	    discipline_cmd),
	CMD_END,
};

static const cli_command evaluation_commands[] = {
	CMD("add", "YEAR PERIOD UNIT SCORE DATE", "record a conduct evaluation (行风评议) score", OPTIONS(O_NOTE), NULL,
	    evaluation_cmd),
	CMD("import", "FILE.csv|FILE.yaml", "import evaluations, all rows or none", NULL, NULL, evaluation_cmd),
	CMD("ranking", "YEAR", "the units ranked by score",
	    OPTIONS(OPT("--period", 0, "P", "one period of the year"), O_GROUP("rank within unit group G"), O_FORMAT), NULL,
	    evaluation_cmd),
	CMD_END,
};

static const cli_command rules_commands[] = {
	CMD("import", "FILE.yaml", "load the accountability rules; prints their version", NULL, NULL, rules_cmd),
	CMD("list", "", "the rules", OPTIONS(O_FORMAT), NULL, rules_cmd),
	CMD_END,
};

static const cli_command actions_commands[] = {
	CMD("summary", "", "actions counted by kind and unit", OPTIONS(O_AS_OF, O_FORMAT), NULL, actions_cmd),
	CMD_END,
};

static const cli_command tour_commands[] = {
	CMD("schedule", "YEAR", "plan a year's inspection tours of a unit group",
	    OPTIONS(O_GROUP("the units toured"), O_FROM("the first day of the tours"), O_TO("the last day")), NULL,
	    tour_cmd),
	CMD("record", "UNIT DATE", "record a tour held",
	    OPTIONS(OPT("--leader", 0, "L", "who led the tour"), O_NOTE), NULL, tour_cmd),
	CMD("finding", "UNIT DATE DESCRIPTION", "record a tour's finding; prints its id",
	    OPTIONS(O_ID("the finding's id (default: a new one)"), OPT("--category", 0, "C", "its category"),
	            OPT("--people", 0, "P", "the people involved"), OPT("--amount", 0, "A", "the sum involved")),
	    NULL, tour_cmd),
	CMD("list", "YEAR", "a year's tours, held or missing", OPTIONS(O_GROUP("one group's tours"), O_AS_OF, O_FORMAT),
	    NULL, tour_cmd),
	CMD_END,
};

const cli_command accountability_commands[] = {
	CMD("people", "", "people: import, list, from-bodies", NULL, people_commands, NULL),
	CMD("person", "", "a person: add", NULL, person_commands, NULL),
	CMD("post", "", "posts: add, assign, leave, list", NULL, post_commands, NULL),
	CMD("holdings", "", "who held which post when", OPTIONS(OPT("--person", 0, "P", "one person's posts"), O_FORMAT),
	    NULL, listing),
	CMD("tenure", "", "time in post, for rotation", OPTIONS(O_AS_OF, O_FORMAT), NULL, listing),
	CMD("discipline", "", "disciplinary sanctions: add", NULL, discipline_commands, NULL),
	CMD("record", "PERSON", "a person's whole record (confidential; the read is logged)", OPTIONS(O_FORMAT), NULL,
	    record_cmd),
	CMD("evaluation", "", "conduct evaluations: add, import, ranking", NULL, evaluation_commands, NULL),
	CMD("rules", "", "accountability rules: import, list", NULL, rules_commands, NULL),
	CMD("evaluate", "", "apply the rules; prints how many new proposals", OPTIONS(O_AS_OF), NULL, evaluate_cmd),
	CMD("proposals", "", "the proposals the rules made",
	    OPTIONS(OPT("--status", 0, "S", "only proposals in status S"), O_UNIT("one unit's proposals"), O_FORMAT), NULL,
	    proposals_cmd),
	CMD("decide", "PROPOSAL accept|reject|modify DATE", "decide on a proposal",
	    OPTIONS(O_NOTE, OPT("--action", 0, "A", "the action decided (with modify)"),
	            OPT("--due", 0, "D", "when the action is due")),
	    NULL, decide_cmd),
	CMD("actions", "", "the actions decided, with their status",
	    OPTIONS(OPT("--kind", 0, "A", "one kind of action"), O_UNIT("one unit's actions"), O_AS_OF, O_FORMAT),
	    actions_commands, actions_cmd),
	CMD("action", "ACTION held|explanation_received|done|cancelled DATE", "record what became of an action",
	    OPTIONS(O_NOTE), NULL, action_cmd),
	CMD("tour", "", "inspection tours: schedule, record, finding, list", NULL, tour_commands, NULL),
	CMD_END,
};
