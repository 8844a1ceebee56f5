/* The two shapes of the accountability queries, both through the query path
 * (query_begin/query_done): optional text filters, and a date as of which
 * the rows are read. */
#include "accountability/accountability.h"

int acc_query_opt(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql, const char *types,
                  const char *a, const char *b)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	int rc = query_begin(out, &c, db, campaign, sql, types, &crid);
	if (!rc) {
		bind_opt(cursor_stmt(c), 2, a);
		bind_opt(cursor_stmt(c), 3, b);
	}
	return query_done(out, c, rc);
}

int acc_query_dated(campaign_cursor **out, campaign_cursor **c, campaign_db *db, const char *campaign,
                    const char *sql, const char *types, const char *as_of, int param)
{
	sqlite3_int64 crid;
	char date[11];
	int rc;
	*c = NULL;
	/* the cursor out-parameter, then the date, then the store: as each query checked them */
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	if ((rc = insp_as_of(as_of, date)) || (rc = query_begin(out, c, db, campaign, sql, types, &crid)))
		return rc;
	sqlite3_bind_text(cursor_stmt(*c), param, date, -1, SQLITE_TRANSIENT);
	return CAMPAIGN_OK;
}
