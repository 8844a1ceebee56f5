/* `campaign role grant|revoke|list`: who may do what. */
#include <string.h>
#include "commands.h"

static int role_list(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = need_pos(a, 1, "role list takes no argument")) || (rc = open_existing(a, &db)))
		return rc;
	return list_query(a, db, campaign_roles_query(&c, db), &c, NULL, NULL);
}

/* grant PERSON ROLE, or revoke PERSON */
static int role_change(args *a)
{
	int grant = !strcmp(a->pos[0], "grant");
	campaign_db *db;
	int rc;
	if ((rc = need_pos(a, grant ? 3 : 2, grant ? "role grant needs PERSON ROLE" : "role revoke needs PERSON")))
		return rc;
	if (campaign_open(&db, a->db, CAMPAIGN_OPEN_NOCREATE))
		return fail();
	if (grant)
		rc = campaign_role_grant(db, a->pos[1], a->pos[2], a->campaign, a->unit, a->actor) ? fail() : 0;
	else
		rc = campaign_role_revoke(db, a->pos[1], a->actor) ? fail() : 0;
	campaign_close(db);
	if (!rc)
		printf("%s: %s\n", a->pos[0], a->pos[1]);
	return rc;
}

const cli_command role_commands[] = {
	CMD("grant", "PERSON ROLE", "give PERSON a role, for the whole campaign or one unit",
	    OPTIONS(O_UNIT("the role holds for this unit only")), NULL, role_change),
	CMD("revoke", "PERSON", "take PERSON's roles away", NULL, NULL, role_change),
	CMD("list", "", "every role granted", OPTIONS(O_FORMAT), NULL, role_list),
	CMD_END,
};
