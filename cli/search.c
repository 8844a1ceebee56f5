/* `campaign search TEXT [--kind finding|rectification] [--offset N] [--limit N]`:
 * full-text search in Chinese, best first, one page of it if asked. */
#include <stdlib.h>
#include "commands.h"

static long long offset, limit = -1;

/* --offset and --limit: whole numbers of rows, 0 or more. */
static int rows_arg(const char *name, const char *text, long long *out)
{
	char *end;
	if (!text)
		return 0;
	*out = strtoll(text, &end, 10);
	if (*end || end == text || *out < 0)
		return usage_error(name, text);
	return 0;
}

static int search(campaign_cursor **c, campaign_db *db, args *a)
{
	int rc = campaign_search_query(c, db, a->campaign, a->pos[0], arg_opt(a, "--kind"));
	return rc ? rc : campaign_cursor_page(*c, offset, limit);
}

int cmd_search(args *a)
{
	int rc;
	if ((rc = rows_arg("--offset %s is not a number of rows", arg_opt(a, "--offset"), &offset)) ||
	    (rc = rows_arg("--limit %s is not a number of rows", arg_opt(a, "--limit"), &limit)))
		return rc;
	return list_of(a, search, NULL, NULL);
}
