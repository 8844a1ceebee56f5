/* `campaign search TEXT [--kind finding|rectification]`: full-text search in Chinese. */
#include <string.h>
#include "commands.h"

int cmd_search(args *a)
{
	static const char *const allowed[] = {"--kind", NULL};
	campaign_db *db;
	campaign_cursor *c;
	int rc;
	if ((rc = arg_only(a, allowed)))
		return rc;
	if (a->npos != 1)
		return usage_error("search needs one TEXT%s", "");
	if ((rc = open_existing(a, &db)))
		return rc;
	if (campaign_search_query(&c, db, a->campaign, a->pos[0], arg_opt(a, "--kind")))
		rc = fail();
	else {
		if (!strcmp(a->format, "csv"))
			csv_bom(stdout);
		rc = print_table(c, a->format, NULL, NULL) ? fail() : 0;
	}
	campaign_close(db);
	return rc;
}
