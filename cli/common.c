/* What every command body shares: opening the store, reporting an error,
 * printing a query as a listing and reporting a write. */
#include <string.h>
#include <time.h>
#include "commands.h"

int fail(void)
{
	fprintf(stderr, "campaign: %s (%s)\n", campaign_error_message(), campaign_error_name(campaign_error_code_last()));
	return EXIT_BAD;
}

int open_existing(args *a, campaign_db **db)
{
	return campaign_open(db, a->db, CAMPAIGN_OPEN_READONLY) ? fail() : 0;
}

int open_writable(args *a, campaign_db **db)
{
	return campaign_open(db, a->db, CAMPAIGN_OPEN_NOCREATE) ? fail() : 0;
}

int need_pos(args *a, int n, const char *usage)
{
	return a->npos == n ? 0 : usage_error("%s", usage);
}

int list_query(args *a, campaign_db *db, int rc, campaign_cursor **cp, const char *const *cols,
               const char *const *titles)
{
	if (rc)
		rc = fail();
	else
		rc = print_listing(*cp, a->format, cols, titles) ? fail() : 0; /* *cp read after the query wrote it */
	campaign_close(db);
	return rc;
}

int written(campaign_db *db, int rc, const char *done, const char *what)
{
	if (rc < 0)
		rc = fail();
	else if (rc > 0)
		printf("%s %s: %d\n", done, what ? what : "", rc), rc = 0;
	else
		printf("%s %s\n", done, what ? what : "");
	campaign_close(db);
	return rc;
}

const char *today_utc(void)
{
	static char today[11];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	return today;
}
