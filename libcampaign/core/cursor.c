/* The one query path. A cursor wraps one prepared statement of its own (not
 * a cached one), so several cursors can be open at once and outlive
 * campaign_close(): SQLite's close_v2 keeps the connection until the last
 * statement is finalized. Every query is prepared here, wrapped so that it
 * can be paged (LIMIT ?98 OFFSET ?99: fixed numbers, since a query may leave
 * a gap in its own ?1..?N, and a name would take the gap), and its column types are checked against the
 * statement, so that a query and its type letters cannot drift apart. */
#include <stdlib.h>
#include <string.h>
#include "core/core.h"

struct campaign_cursor {
	sqlite3_stmt *stmt;
	char *types;
	int ncol;
	int done;
	int has_row;
	int started; /* campaign_cursor_next was called: too late to page */
	char *sql; /* the query as given, for campaign_cursor_site() to wrap */
};

/* Paging: LIMIT ?98 OFFSET ?99 appended to the query itself, so that SQLite
 * plans the query as written (a LIMIT on an ORDER BY becomes a sorter that
 * keeps only the page) and streams its rows. A query that cannot take a
 * LIMIT at its end (it has its own) or names two columns alike is wrapped
 * instead: SELECT * FROM (query) LIMIT ... (the wrapper renames a repeated
 * name). The wrapper made SQLite copy an ordered result into a temporary
 * table before the first row: 0.51 s -> 0.80 s for risk warnings at M. */
static const char PAGE_HEAD[] = "SELECT * FROM (\n";
#define PAGE_LIMIT 98 /* a query's own parameters are numbered below ?97 (campaign_cursor_site()'s) */
#define PAGE_OFFSET 99
static const char PAGE_TAIL[] = "\n LIMIT ?98 OFFSET ?99";
static const char PAGE_WRAP_TAIL[] = "\n) LIMIT ?98 OFFSET ?99";

/* The type letters must name every column of the statement. (Names are
 * unique: a query that repeats one is wrapped, and the wrapper renames it.) */
static int types_check(sqlite3_stmt *st, const char *types)
{
	int n = sqlite3_column_count(st);
	size_t k = strlen(types);
	if (k != (size_t)n)
		return error_set(CAMPAIGN_ERROR, "internal: a query has %d columns but %zu type letters (\"%s\")", n, k, types);
	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st, i);
		if (!strchr("tid", types[i]))
			return error_set(CAMPAIGN_ERROR, "internal: column %d (%s) has the unknown type letter '%c'", i,
			                 name ? name : "?", types[i]);
		if (!name)
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	return CAMPAIGN_OK;
}

/* 1 if two columns of @st have the same name (or a name is out of memory:
 * the wrapper's prepare then reports it). */
static int names_repeat(sqlite3_stmt *st)
{
	int n = sqlite3_column_count(st);
	for (int i = 0; i < n; i++) {
		const char *a = sqlite3_column_name(st, i);
		for (int j = 0; a && j < i; j++)
			if (!strcmp(a, sqlite3_column_name(st, j)))
				return 1;
		if (!a)
			return 1;
	}
	return 0;
}

static int prepare_text(sqlite3 *db, const char *head, const char *sql, size_t n, const char *tail,
                        sqlite3_stmt **st)
{
	struct campaign_buf b = {0};
	int rc;
	if (buf_puts(&b, head) || buf_append(&b, sql, n) || buf_puts(&b, tail)) {
		buf_reset(&b);
		return SQLITE_NOMEM;
	}
	rc = sqlite3_prepare_v2(db, b.data, (int)b.size, st, NULL);
	buf_reset(&b);
	return rc;
}

static int prepare_paged(campaign_db *db, const char *sql, sqlite3_stmt **st)
{
	size_t n = strlen(sql);
	int rc;
	if (strstr(sql, "?97") || strstr(sql, "?98") || strstr(sql, "?99"))
		return error_set(CAMPAIGN_ERROR, "internal: a query numbers its parameters below ?97");
	while (n && (sql[n - 1] == ';' || sql[n - 1] == ' ' || sql[n - 1] == '\n'))
		n--;
	rc = prepare_text(db->sql, "", sql, n, PAGE_TAIL, st);
	if (rc == SQLITE_NOMEM || rc == SQLITE_IOERR_NOMEM)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (rc == SQLITE_OK && !names_repeat(*st))
		return CAMPAIGN_OK;
	sqlite3_finalize(*st);
	*st = NULL;
	rc = prepare_text(db->sql, PAGE_HEAD, sql, n, PAGE_WRAP_TAIL, st);
	if (rc == SQLITE_NOMEM)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return rc == SQLITE_OK ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, "cannot prepare a query");
}

int cursor_prepare(campaign_cursor **out, campaign_db *db, const char *sql, const char *types)
{
	campaign_cursor *c = calloc(1, sizeof *c);
	int rc;
	if (!c || !(c->types = str_dup(types)) || !(c->sql = str_dup(sql))) {
		if (c)
			free(c->types);
		free(c);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	if ((rc = prepare_paged(db, sql, &c->stmt)) || (rc = types_check(c->stmt, types))) {
		campaign_cursor_free(c);
		return rc;
	}
	c->ncol = sqlite3_column_count(c->stmt);
	sqlite3_bind_int64(c->stmt, PAGE_LIMIT, -1);
	sqlite3_bind_int64(c->stmt, PAGE_OFFSET, 0);
	*out = c;
	return CAMPAIGN_OK;
}

int campaign_cursor_page(campaign_cursor *c, long long offset, long long limit)
{
	if (!c)
		return error_set(CAMPAIGN_EINVALID, "the cursor is NULL");
	if (c->started)
		return error_set(CAMPAIGN_EINVALID, "a cursor is paged before its first row is read");
	if (offset < 0 || limit < -1)
		return error_set(CAMPAIGN_EINVALID, "a page needs an offset of 0 or more and a limit of -1 (none) or more, not %lld and %lld",
		                 offset, limit);
	sqlite3_bind_int64(c->stmt, PAGE_LIMIT, limit);
	sqlite3_bind_int64(c->stmt, PAGE_OFFSET, offset);
	error_ok();
	return CAMPAIGN_OK;
}

/* ---- by site: the rows of the units of a site's subtree ----
 * The query is prepared again inside a filter on its unit column, its
 * parameters moved over: SELECT * FROM (query) WHERE unit IN (the units)
 * LIMIT ?98 OFFSET ?99. SQLite pushes the term down into the query, so one
 * county's rows cost about that county's rows, not every unit's. */

/* The site, and whether it is the top (no parent, no unit: it holds every unit). */
static const char SQL_SITE_OF[] = "SELECT parent IS NULL AND unit IS NULL FROM site WHERE code = ?1";
/* The units of a site's subtree, as a JSON array (SQL_SITE_OWNED, core.h: the
 * same units a bundle from that site may carry rows of, sync/apply.c). */
static const char SQL_SITE_UNITS[] =
	SQL_SITE_OWNED("?1") "SELECT json_group_array(DISTINCT u.id) FROM unit u JOIN owned o ON o.rid = u.rid";
static const char SITE_HEAD[] = "SELECT * FROM (\n";
static const char SITE_TAIL[] = "\n) WHERE unit IN (SELECT value FROM json_each(?97))\n LIMIT ?98 OFFSET ?99";
#define SITE_UNITS 97

/* The units of @site's subtree into @units (a JSON array); *top = 1 for the top site (no filter). */
static int site_units_read(sqlite3 *db, const char *site, int *top, struct campaign_buf *units)
{
	sqlite3_stmt *st = NULL;
	int rc = CAMPAIGN_OK, src, found = 0;
	*top = 0;
	if ((src = sqlite3_prepare_v2(db, SQL_SITE_OF, -1, &st, NULL)) != SQLITE_OK)
		return error_from_sqlite(db, src, "cannot read the sites");
	sqlite3_bind_text(st, 1, site, -1, SQLITE_STATIC);
	if ((src = stmt_step(st)) == SQLITE_ROW) {
		found = 1;
		*top = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		return error_from_sqlite(db, src, "cannot read the sites");
	if (!found)
		return error_set(CAMPAIGN_ENOTFOUND, "site %s is not known to this store", site);
	if (*top)
		return CAMPAIGN_OK;
	if ((src = sqlite3_prepare_v2(db, SQL_SITE_UNITS, -1, &st, NULL)) != SQLITE_OK)
		return error_from_sqlite(db, src, "cannot read the units of a site");
	sqlite3_bind_text(st, 1, site, -1, SQLITE_STATIC);
	if ((src = stmt_step(st)) != SQLITE_ROW || !sqlite3_column_text(st, 0))
		rc = src == SQLITE_NOMEM || src == SQLITE_ROW ? error_set(CAMPAIGN_ENOMEM, "out of memory")
		                                              : error_from_sqlite(db, src, "cannot read the units of a site");
	else if (buf_puts(units, (const char *)sqlite3_column_text(st, 0)))
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	sqlite3_finalize(st);
	return rc;
}

int campaign_cursor_site(campaign_cursor *c, const char *site)
{
	struct campaign_buf units = {0};
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	size_t n;
	int top, rc, src;
	if (!c)
		return error_set(CAMPAIGN_EINVALID, "the cursor is NULL");
	if (c->started)
		return error_set(CAMPAIGN_EINVALID, "a cursor is filtered by site before its first row is read");
	if (!site || strlen(site) != 6 || strspn(site, "0123456789") != 6)
		return error_set(CAMPAIGN_EINVALID, "the site \"%s\" is not a 6-digit administrative-division code",
		                 site ? site : "");
	if (campaign_cursor_column_index(c, "unit") < 0)
		return error_set(CAMPAIGN_EINVALID, "this listing has no unit column: it cannot be filtered by site");
	db = sqlite3_db_handle(c->stmt);
	if ((rc = site_units_read(db, site, &top, &units)) || top) {
		buf_reset(&units);
		return rc ? rc : (error_ok(), CAMPAIGN_OK); /* the top site's subtree is the whole store */
	}
	n = strlen(c->sql);
	while (n && (c->sql[n - 1] == ';' || c->sql[n - 1] == ' ' || c->sql[n - 1] == '\n'))
		n--;
	src = prepare_text(db, SITE_HEAD, c->sql, n, SITE_TAIL, &st);
	if (src != SQLITE_OK)
		rc = src == SQLITE_NOMEM ? error_set(CAMPAIGN_ENOMEM, "out of memory")
		                         : error_from_sqlite(db, src, "cannot filter the query by site");
	/* the same parameters (?1.. and ?97..?99): the query's values move over */
	else if (sqlite3_bind_parameter_count(st) != sqlite3_bind_parameter_count(c->stmt) ||
	         sqlite3_transfer_bindings(c->stmt, st) != SQLITE_OK)
		rc = error_set(CAMPAIGN_ERROR, "internal: the query's parameters cannot be moved to its filter by site");
	else if (bind_copy(st, SITE_UNITS, units.data, (int)units.size) != SQLITE_OK)
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	else
		rc = types_check(st, c->types);
	buf_reset(&units);
	if (rc) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(c->stmt);
	c->stmt = st;
	error_ok();
	return CAMPAIGN_OK;
}

sqlite3_stmt *cursor_stmt(campaign_cursor *c)
{
	return c->stmt;
}

int campaign_cursor_next(campaign_cursor *c)
{
	int rc;
	if (!c)
		return error_set(CAMPAIGN_EINVALID, "the cursor is NULL");
	if (c->done)
		return CAMPAIGN_ITEROVER;
	c->started = 1;
	rc = stmt_step(c->stmt);
	if (rc == SQLITE_ROW) {
		c->has_row = 1;
		return CAMPAIGN_OK;
	}
	c->done = 1;
	c->has_row = 0;
	if (rc == SQLITE_DONE)
		return CAMPAIGN_ITEROVER;
	return error_from_sqlite(sqlite3_db_handle(c->stmt), rc, "query failed");
}

int campaign_cursor_column_count(const campaign_cursor *c)
{
	return c ? c->ncol : 0;
}

const char *campaign_cursor_column_name(const campaign_cursor *c, int i)
{
	if (!c || i < 0 || i >= c->ncol)
		return NULL;
	return sqlite3_column_name(c->stmt, i);
}

int campaign_cursor_column_type(const campaign_cursor *c, int i)
{
	if (!c || i < 0 || i >= c->ncol)
		return CAMPAIGN_EINVALID;
	switch (c->types[i]) {
	case 'i': return CAMPAIGN_COLUMN_INT;
	case 'd': return CAMPAIGN_COLUMN_DATE;
	default: return CAMPAIGN_COLUMN_TEXT;
	}
}

int campaign_cursor_column_index(const campaign_cursor *c, const char *name)
{
	if (!c || !name)
		return -1;
	for (int i = 0; i < c->ncol; i++)
		if (strcmp(sqlite3_column_name(c->stmt, i), name) == 0)
			return i;
	return -1;
}

int campaign_cursor_is_null(const campaign_cursor *c, int i)
{
	if (!c || !c->has_row || i < 0 || i >= c->ncol)
		return 1;
	return sqlite3_column_type(c->stmt, i) == SQLITE_NULL;
}

const char *campaign_cursor_text(campaign_cursor *c, int i)
{
	if (campaign_cursor_is_null(c, i))
		return NULL;
	return (const char *)sqlite3_column_text(c->stmt, i);
}

long long campaign_cursor_int(campaign_cursor *c, int i)
{
	if (campaign_cursor_is_null(c, i))
		return 0;
	return sqlite3_column_int64(c->stmt, i);
}

const char *campaign_cursor_get(campaign_cursor *c, const char *name)
{
	return campaign_cursor_text(c, campaign_cursor_column_index(c, name));
}

void campaign_cursor_free(campaign_cursor *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->stmt);
	free(c->sql);
	free(c->types);
	free(c);
}
