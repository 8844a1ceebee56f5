/* `campaign accountability ...`: people and posts, conduct evaluations,
 * rules, evaluation, proposals and decisions, actions, tours, rotation. The
 * commands, their arguments and options are the table at the end of this file
 * (`campaign accountability --help`); the parser has checked the subcommand
 * and its arguments before one runs. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* ---- people and posts ---- */

static int people_from_bodies(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = campaign_people_from_bodies(db, a->campaign, a->actor);
	if (rc >= 0)
		printf(_("added %d people from the bodies\n"), rc), rc = 0;
	return written(db, rc, "checked", "bodies");
}

static int people_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_people_query(c, db, a->campaign, a->unit);
}

static int person_add(campaign_buf **id, campaign_db *db, args *a)
{
	return ADD_WITH_OPTIONS(id, person_add, PERSON_ADD, arg_opt(a, "--id"), a->pos[2], a->unit,
	        arg_opt(a, "--retires"));
}

static int post_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_posts_query(c, db, a->campaign, a->unit);
}

static int post_add(campaign_db *db, args *a)
{
	return WITH_OPTIONS(post_add, POST_ADD, a->pos[2], a->pos[3], a->pos[4], arg_opt(a, "--kind"),
	        arg_opt(a, "--key") != NULL, arg_opt(a, "--principal") != NULL);
}

static int post_assign(campaign_db *db, args *a)
{
	return WITH_OPTIONS(post_assign, POST_ASSIGN, a->pos[2], a->pos[3], a->pos[4], a->to);
}

static int holdings(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_post_holdings_query(c, db, a->campaign, arg_opt(a, "--person"));
}

static int tenure(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_tenure_query(c, db, a->campaign, a->as_of);
}

static int discipline_add(campaign_db *db, args *a)
{
	return ADD_WITH_OPTIONS(NULL, person_discipline_add, PERSON_DISCIPLINE_ADD, a->pos[2], a->pos[3], a->pos[4],
	        arg_opt(a, "--details"), arg_opt(a, "--authority"));
}

static int record(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_person_record_query(c, db, a->campaign, a->pos[1], a->actor);
}

/* ---- evaluations ---- */

static int evaluation_add(campaign_db *db, args *a)
{
	return WITH_OPTIONS(evaluation_add, EVALUATION_ADD, atoi(a->pos[2]), a->pos[3], a->pos[4], a->pos[5], a->pos[6],
	        a->note);
}

static int evaluation_ranking(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_evaluation_ranking_query(c, db, a->campaign, atoi(a->pos[2]), arg_opt(a, "--period"),
	                             arg_opt(a, "--group"));
}

/* ---- rules, evaluation, proposals, actions ---- */

static int rules_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_rules_query(c, db, a->campaign);
}

static int rulesets_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_rulesets_query(c, db, a->campaign);
}

static int evaluate(args *a)
{
	campaign_db *db;
	int rc;
	if (!a->as_of)
		return usage_error("accountability evaluate needs --as-of DATE%s", "");
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = campaign_accountability_evaluate(db, a->campaign, a->as_of, a->actor);
	if (rc >= 0)
		printf(_("evaluated as of %s: %d new proposals\n"), a->as_of, rc);
	campaign_close(db);
	return rc < 0 ? fail() : 0;
}

static int proposals(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_proposals_query(c, db, a->campaign, arg_opt(a, "--status"), a->unit);
}

static const char *const proposal_cols[] = {"id", "rule", "action_label", "unit_name", "person_name", "due_on",
                                            "status", "reason", "evidence", NULL};

static int decide(campaign_db *db, args *a)
{
	return WITH_OPTIONS(proposal_decide, PROPOSAL_DECIDE, a->pos[1], a->pos[2], arg_opt(a, "--action"),
	        arg_opt(a, "--due"), a->note, a->pos[3]);
}

static int actions_query(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_actions_query(c, db, a->campaign, arg_opt(a, "--kind"), a->unit, a->as_of);
}

/* `actions` lists; `actions summary` is its subcommand */
static int actions(args *a)
{
	return list_of(a, actions_query, NULL, NULL);
}

static int actions_summary(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_actions_summary_query(c, db, a->campaign, a->as_of);
}

static int action(campaign_db *db, args *a)
{
	return WITH_OPTIONS(action_update, ACTION_UPDATE, a->pos[1], a->pos[2], a->pos[3], a->note);
}

/* ---- tours ---- */

static int tour_schedule(campaign_db *db, args *a)
{
	return WITH_OPTIONS(tour_add, TOUR_ADD, atoi(a->pos[2]), arg_opt(a, "--group"), a->from, a->to);
}

static int tour_record(campaign_db *db, args *a)
{
	return WITH_OPTIONS(tour_record, TOUR_RECORD, a->pos[2], a->pos[3], arg_opt(a, "--leader"), a->note);
}

static int tour_finding(campaign_buf **id, campaign_db *db, args *a)
{
	return ADD_WITH_OPTIONS(id, tour_finding_add, TOUR_FINDING_ADD, arg_opt(a, "--id"), a->pos[2],
	        arg_opt(a, "--category"), arg_opt(a, "--people"), a->pos[4], arg_opt(a, "--amount"),
	        a->pos[3]);
}

static int tour_list(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_tours_query(c, db, a->campaign, atoi(a->pos[2]), arg_opt(a, "--group"), a->as_of);
}

/* ---- the command table ---- */

#define O_GROUP(help) OPT("--group", 0, "G", help)

static const cli_command people_commands[] = {
	IMPORT("import", "FILE.yaml|FILE.csv", "load people and their posts (a table: people only)", OPTIONS(O_CHECK),
	       campaign_people_import_file),
	LIST("list", "", "the people", OPTIONS(O_UNIT("one unit's people"), O_FORMAT), people_list),
	CMD("from-bodies", "", "add the members of the plan's bodies as people", NULL, NULL, people_from_bodies),
	CMD_END,
};

static const cli_command person_commands[] = {
	ADD("add", "NAME", "add a person; prints the id",
	    OPTIONS(O_NEW_ID("person"), O_UNIT("the person's unit"),
	            OPT("--retires", 0, "D", "when the person retires")),
	    person_add, "added person"),
	CMD_END,
};

static const cli_command post_commands[] = {
	WRITE("add", "ID UNIT NAME", "add a post",
	      OPTIONS(OPT("--kind", 0, "K", "the kind of post"), FLAG("--key", 0, "a key post (rotation applies)"),
	              FLAG("--principal", 0, "the unit's principal post")),
	      post_add, "added post"),
	WRITE("assign", "PERSON POST START", "put a person in a post", OPTIONS(O_TO("the last day in the post")),
	      post_assign, "assigned"),
	CALL3("leave", "PERSON POST END", "end a person's time in a post", NULL, campaign_post_leave, "ended"),
	LIST("list", "", "the posts", OPTIONS(O_UNIT("one unit's posts"), O_FORMAT), post_list),
	CMD_END,
};

static const cli_command discipline_commands[] = {
	WRITE("add", "PERSON DATE SANCTION", "record a disciplinary sanction",
	      OPTIONS(OPT("--details", 0, "T", "what it was for"), OPT("--authority", 0, "T", "who imposed it")),
	      discipline_add, "recorded discipline of"),
	CMD_END,
};

static const cli_command evaluation_commands[] = {
	WRITE_OF("add", "YEAR PERIOD UNIT SCORE DATE", "record a conduct evaluation (行风评议) score", OPTIONS(O_NOTE),
	         evaluation_add, "recorded", 2), /* prints the UNIT */
	IMPORT("import", "FILE.csv|FILE.yaml", "import evaluations, all rows or none", OPTIONS(O_ENCODING),
	       campaign_evaluations_import_file),
	LIST("ranking", "YEAR", "the units ranked by score",
	     OPTIONS(OPT("--period", 0, "P", "one period of the year"), O_GROUP("rank within unit group G"), O_FORMAT),
	     evaluation_ranking),
	CMD_END,
};

static const cli_command rules_commands[] = {
	VERSIONED("import", "FILE.yaml", "load the accountability rules; prints their version", NULL,
	          campaign_rules_import_file, "rules"),
	LIST("list", "", "the rules", OPTIONS(O_FORMAT), rules_list),
	LIST("sets", "", "every rule set, in force or retired, with its retirement", OPTIONS(O_FORMAT), rulesets_list),
	CALL2("retire", "RULESET REASON", "retire a rule set: it no longer evaluates, its history stays", NULL,
	      campaign_rules_retire, "retired rule set"),
	CMD_END,
};

static const cli_command actions_commands[] = {
	LIST("summary", "", "actions counted by kind and unit", OPTIONS(O_AS_OF, O_FORMAT), actions_summary),
	CMD_END,
};

static const cli_command tour_commands[] = {
	WRITE("schedule", "YEAR", "plan a year's inspection tours of a unit group",
	      OPTIONS(O_GROUP("the units toured"), O_FROM("the first day of the tours"), O_TO("the last day")),
	      tour_schedule, "planned tours"),
	WRITE("record", "UNIT DATE", "record a tour held", OPTIONS(OPT("--leader", 0, "L", "who led the tour"), O_NOTE),
	      tour_record, "toured"),
	ADD("finding", "UNIT DATE DESCRIPTION", "record a tour's finding; prints its id",
	    OPTIONS(O_NEW_ID("finding"), OPT("--category", 0, "C", "its category"),
	            OPT("--people", 0, "P", "the people involved"), OPT("--amount", 0, "A", "the sum involved")),
	    tour_finding, "recorded finding"),
	LIST("list", "YEAR", "a year's tours, held or missing", OPTIONS(O_GROUP("one group's tours"), O_AS_OF, O_FORMAT),
	     tour_list),
	CMD_END,
};

const cli_command accountability_commands[] = {
	CMD("people", "", "people: import, list, from-bodies", NULL, people_commands, NULL),
	CMD("person", "", "a person: add", NULL, person_commands, NULL),
	CMD("post", "", "posts: add, assign, leave, list", NULL, post_commands, NULL),
	LIST("holdings", "", "who held which post when", OPTIONS(OPT("--person", 0, "P", "one person's posts"), O_FORMAT),
	     holdings),
	LIST("tenure", "", "time in post, for rotation", OPTIONS(O_AS_OF, O_FORMAT), tenure),
	CMD("discipline", "", "disciplinary sanctions: add", NULL, discipline_commands, NULL),
	LOGGED("record", "PERSON", "a person's whole record (confidential; the read is logged)", OPTIONS(O_FORMAT),
	       record),
	CMD("evaluation", "", "conduct evaluations: add, import, ranking", NULL, evaluation_commands, NULL),
	CMD("rules", "", "accountability rules: import, list, sets, retire", NULL, rules_commands, NULL),
	CMD("evaluate", "", "apply the rules; prints how many new proposals", OPTIONS(O_AS_OF), NULL, evaluate),
	TABLE("proposals", "", "the proposals the rules made",
	      OPTIONS(OPT("--status", 0, "S", "only proposals in status S"), O_UNIT("one unit's proposals"), O_SITE, O_FORMAT),
	      proposals, proposal_cols, NULL),
	WRITE("decide", "PROPOSAL accept|reject|modify DATE", "decide on a proposal",
	      OPTIONS(O_NOTE, OPT("--action", 0, "A", "the action decided (with modify)"),
	              OPT("--due", 0, "D|TEXT", "when the action is due (a date or 2011年1月底)")),
	      decide, "decided"),
	CMD("actions", "", "the actions decided, with their status",
	    OPTIONS(OPT("--kind", 0, "A", "one kind of action"), O_UNIT("one unit's actions"), O_AS_OF, O_FORMAT),
	    actions_commands, actions),
	WRITE_OF("action", "ACTION held|explanation_received|done|cancelled DATE", "record what became of an action",
	         OPTIONS(O_NOTE), action, "recorded", 1), /* prints the event */
	CMD("tour", "", "inspection tours: schedule, record, finding, list", NULL, tour_commands, NULL),
	CMD_END,
};
