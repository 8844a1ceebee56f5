/* `campaign role grant|revoke|list`: who may do what. */
#include <string.h>
#include "commands.h"

int cmd_role(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc;
	if (a->npos < 1)
		return usage_error("role needs grant, revoke or list%s", "");
	if (!strcmp(a->pos[0], "list")) {
		if ((rc = open_existing(a, &db)))
			return rc;
		rc = campaign_roles_query(&c, db) ? fail() : print_table(c, a->format, NULL, NULL) ? fail() : 0;
		campaign_close(db);
		return rc;
	}
	if (strcmp(a->pos[0], "grant") && strcmp(a->pos[0], "revoke"))
		return usage_error("unknown role command %s", a->pos[0]);
	if ((!strcmp(a->pos[0], "grant") && a->npos != 3) || (!strcmp(a->pos[0], "revoke") && a->npos != 2))
		return usage_error("usage: role grant PERSON ROLE [--unit U] | role revoke PERSON%s", "");
	if (campaign_open(&db, a->db, CAMPAIGN_OPEN_NOCREATE))
		return fail();
	if (!strcmp(a->pos[0], "grant"))
		rc = campaign_role_grant(db, a->pos[1], a->pos[2], a->campaign, a->unit, a->actor) ? fail() : 0;
	else
		rc = campaign_role_revoke(db, a->pos[1], a->actor) ? fail() : 0;
	campaign_close(db);
	if (!rc)
		printf("%s: %s\n", a->pos[0], a->pos[1]);
	return rc;
}
