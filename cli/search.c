/* `campaign search TEXT [--kind finding|rectification]`: full-text search in Chinese. */
#include "commands.h"

int cmd_search(args *a)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc;
	if ((rc = open_existing(a, &db)))
		return rc;
	return list_query(a, db, campaign_search_query(&c, db, a->campaign, a->pos[0], arg_opt(a, "--kind")), &c, NULL,
	                  NULL);
}
