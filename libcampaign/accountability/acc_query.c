/* The one shape of the accountability queries, through the query path
 * (query_begin/query_done): ?1 the campaign, then ?2... from the call's
 * filters, as the letters of @binds say. */
#include <stdarg.h>
#include "accountability/accountability.h"

#define BINDS_MAX 8

typedef union bind_value {
	const char *s;
	int i;
} bind_value;

int acc_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql, const char *types,
              const char *binds, ...)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	bind_value v[BINDS_MAX];
	char dates[BINDS_MAX][11];
	va_list ap;
	int rc = CAMPAIGN_OK, n = 0;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	va_start(ap, binds);
	for (; binds[n] && n < BINDS_MAX; n++) {
		if (binds[n] == 'i')
			v[n].i = va_arg(ap, int);
		else
			v[n].s = va_arg(ap, const char *);
	}
	va_end(ap);
	/* a date is checked before the store is read */
	for (int k = 0; !rc && k < n; k++)
		if (binds[k] == 'd' && !(rc = insp_as_of(v[k].s, dates[k])))
			v[k].s = dates[k];
	if (rc || (rc = query_begin(out, &c, db, campaign, sql, types, &crid)))
		return rc;
	for (int k = 0; !rc && k < n; k++) {
		if (binds[k] == 'i')
			sqlite3_bind_int(cursor_stmt(c), k + 2, v[k].i);
		else if (binds[k] == 'u')
			rc = units_bind(db, cursor_stmt(c), k + 2, crid, v[k].s);
		else
			bind_opt(cursor_stmt(c), k + 2, v[k].s);
	}
	return query_done(out, c, rc);
}
