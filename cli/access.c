/* `campaign role grant|revoke|list`: who may do what. */
#include <string.h>
#include "commands.h"

static int role_list(campaign_cursor **c, campaign_db *db, args *a)
{
	(void)a;
	return campaign_roles_query(c, db);
}

/* grant PERSON ROLE, or revoke PERSON; prints "grant: PERSON" or "revoke: PERSON" */
static int role_change(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	if (!strcmp(a->pos[0], "grant"))
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
	LIST("list", "", "every role granted", OPTIONS(O_FORMAT), role_list),
	CMD_END,
};
