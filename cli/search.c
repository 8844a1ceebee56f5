/* `campaign search TEXT [--kind finding|rectification]`: full-text search in Chinese. */
#include "commands.h"

static int search(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_search_query(c, db, a->campaign, a->pos[0], arg_opt(a, "--kind"));
}

int cmd_search(args *a)
{
	return list_of(a, search, NULL, NULL);
}
