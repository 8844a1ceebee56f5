/* The core's toolkit for every domain: per-call statements, argument
 * checks, money, writes and query openers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"

sqlite3_stmt *stmts_get(stmts *c, const char *sql)
{
	sqlite3_stmt *st;
	int rc;
	for (int i = 0; i < c->n; i++)
		if (c->s[i].sql == sql) {
			sqlite3_reset(c->s[i].st);
			sqlite3_clear_bindings(c->s[i].st);
			return c->s[i].st;
		}
	if (c->n == STMTS_MAX) {
		error_set(CAMPAIGN_ERROR, "internal: too many statements in one call");
		return NULL;
	}
	rc = sqlite3_prepare_v2(c->db->sql, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		error_from_sqlite(c->db->sql, rc, "cannot prepare a statement");
		return NULL;
	}
	c->s[c->n].sql = sql;
	c->s[c->n++].st = st;
	return st;
}

void stmts_free(stmts *c)
{
	for (int i = 0; i < c->n; i++)
		sqlite3_finalize(c->s[i].st);
	c->n = 0;
}

void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		bind_copy(st, i, s, -1);
	else
		sqlite3_bind_null(st, i);
}

/* bind_all() over a va_list: the one binder, shared with stmt_run(). */
static void bind_list(sqlite3_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types[i]; i++) {
		const char *t;
		switch (types[i]) {
		case 'i': sqlite3_bind_int(st, i + 1, va_arg(ap, int)); break;
		case 'I': sqlite3_bind_int64(st, i + 1, va_arg(ap, sqlite3_int64)); break;
		case 'r': {
			sqlite3_int64 rid = va_arg(ap, sqlite3_int64);
			if (rid)
				sqlite3_bind_int64(st, i + 1, rid);
			else
				sqlite3_bind_null(st, i + 1);
			break;
		}
		case 'T':
			t = va_arg(ap, const char *);
			if (t)
				bind_copy(st, i + 1, t, -1);
			else
				sqlite3_bind_null(st, i + 1);
			break;
		case 'o':
			t = va_arg(ap, const char *);
			if (t && *t)
				sqlite3_bind_text(st, i + 1, t, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, i + 1);
			break;
		default:
			t = va_arg(ap, const char *);
			if (t)
				sqlite3_bind_text(st, i + 1, t, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, i + 1);
		}
	}
}

void bind_all(sqlite3_stmt *st, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	bind_list(st, types, ap);
	va_end(ap);
}

void column_copy(sqlite3_stmt *st, int i, char *out, size_t n)
{
	int null = sqlite3_column_type(st, i) == SQLITE_NULL; /* before: a failed conversion leaves NULL */
	const char *v = (const char *)sqlite3_column_text(st, i);
	if (!v && !null)
		copy_lost_set(); /* out of memory: "" now, and the next step fails */
	snprintf(out, n, "%s", v ? v : "");
}

int need(const char *s, const char *what)
{
	return s && *s ? CAMPAIGN_OK : error_set(CAMPAIGN_EINVALID, "%s is required", what);
}

int one_of(const char *v, const char *const *set, const char *what, const char *list)
{
	if (!v || !*v)
		return error_set(CAMPAIGN_EINVALID, "%s is required (%s)", what, list);
	for (int k = 0; set[k]; k++)
		if (!strcmp(set[k], v))
			return CAMPAIGN_OK;
	return error_set(CAMPAIGN_EINVALID, "%s \"%s\" is not one of %s", what, v, list);
}

int need_date(const char *s, const char *what)
{
	if (!s || !*s)
		return error_set(CAMPAIGN_EINVALID, "%s is required (YYYY-MM-DD)", what);
	return date_valid(s) ? CAMPAIGN_OK : error_set(CAMPAIGN_EINVALID, "%s \"%s\" is not a date (YYYY-MM-DD)", what, s);
}

int insp_as_of(const char *as_of, char out[11])
{
	if (!as_of) {
		db_today(out);
		return CAMPAIGN_OK;
	}
	if (!date_valid(as_of))
		return error_set(CAMPAIGN_EINVALID, "\"%s\" is not a date (YYYY-MM-DD)", as_of);
	memcpy(out, as_of, 11);
	return CAMPAIGN_OK;
}

sqlite3_stmt *row_first(stmts *c, const char *sql, sqlite3_int64 a, const char *b, int *found)
{
	sqlite3_stmt *st = stmts_get(c, sql);
	int rc;
	*found = 0;
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, a);
	/* a copy that cannot be made leaves ?2 NULL: "no such row" for want of memory */
	if (bind_copy(st, 2, b, -1) != SQLITE_OK) {
		error_set(CAMPAIGN_ENOMEM, "out of memory");
		return NULL;
	}
	rc = stmt_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return st;
	/* a failed step is an error, never "no such row" */
	sqlite3_reset(st);
	error_from_sqlite(c->db->sql, rc, "lookup failed");
	return NULL;
}

int lookup_rid(stmts *c, const char *sql, sqlite3_int64 a, const char *b, sqlite3_int64 *out, int *found)
{
	sqlite3_stmt *st = row_first(c, sql, a, b, found);
	if (!st)
		return campaign_error_code_last();
	if (*found)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return CAMPAIGN_OK;
}

/* Through the view (schema 014), so that the domains that read a tour share
 * the one reader without depending on the one that writes it. */
static const char SQL_TOUR_OF[] =
	"SELECT id, conducted_on FROM tour_visit WHERE campaign = ?1 AND unit = ?2 AND year = ?3";

int tour_of(stmts *c, sqlite3_int64 crid, sqlite3_int64 unit, int year, char id[72], char done[16])
{
	sqlite3_stmt *st = stmts_get(c, SQL_TOUR_OF);
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	*id = *done = '\0';
	bind_all(st, "IIi", crid, unit, year);
	if (db_step_row(c->db, st, "cannot read the tours", &rc)) {
		column_copy(st, 0, id, 72);
		column_copy(st, 1, done, 16);
	}
	sqlite3_reset(st);
	return rc;
}

int amount_parse(const char *s, long long *fen)
{
	long long v = 0;
	int digits = 0, decimals = -1;
	for (const char *p = s; p && *p; p++) {
		if (*p == ',' && decimals < 0 && digits)
			continue;
		if (*p == '.' && decimals < 0 && digits) {
			decimals = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || decimals == 2 || v > 99999999999999LL)
			goto bad;
		v = v * 10 + (*p - '0');
		digits++;
		if (decimals >= 0)
			decimals++;
	}
	if (!digits || decimals == 0)
		goto bad;
	for (int i = decimals < 0 ? 0 : decimals; i < 2; i++)
		v *= 10;
	*fen = v;
	return CAMPAIGN_OK;
bad:
	return error_set(CAMPAIGN_EINVALID, "amount \"%s\" is not an amount in yuan (e.g. 12345.67)", s ? s : "");
}

int query_begin(campaign_cursor **out, campaign_cursor **c, campaign_db *db, const char *campaign, const char *sql,
                const char *types, sqlite3_int64 *crid)
{
	int rc;
	*c = NULL;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	*out = NULL;
	if ((rc = db_check(db)) || (crid && (rc = db_campaign_rid(db, campaign, crid))) ||
	    (rc = cursor_prepare(c, db, sql, types)))
		return rc;
	if (crid)
		sqlite3_bind_int64(cursor_stmt(*c), 1, *crid);
	return CAMPAIGN_OK;
}

int query_bind_object(campaign_db *db, campaign_cursor *c, int n, const char *table, sqlite3_int64 crid,
                      const char *id)
{
	sqlite3_int64 rid;
	int rc;
	if (!id)
		return CAMPAIGN_OK;
	if ((rc = db_object_rid(db, table, crid, id, &rid)))
		return rc;
	sqlite3_bind_int64(cursor_stmt(c), n, rid);
	return CAMPAIGN_OK;
}

int query_done(campaign_cursor **out, campaign_cursor *c, int rc)
{
	if (rc) {
		campaign_cursor_free(c);
		return rc;
	}
	*out = c;
	error_ok();
	return CAMPAIGN_OK;
}

int id_buf(struct campaign_buf **out, const char *id)
{
	struct campaign_buf *b = calloc(1, sizeof *b);
	if (!b || buf_puts(b, id)) {
		free(b);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	*out = b;
	return CAMPAIGN_OK;
}

int options_check(const void *opts, unsigned int known, const char *what)
{
	if (!opts)
		return error_set(CAMPAIGN_EINVALID, "%s is NULL (initialise it with its _INIT or _init())", what);
	if (*(const unsigned int *)opts != known)
		return error_set(CAMPAIGN_EINVALID, "%s: unknown version %u (this library knows %u)", what,
		                 *(const unsigned int *)opts, known);
	return CAMPAIGN_OK;
}

int options_init(void *opts, size_t size, unsigned int version, unsigned int known, const char *what)
{
	if (!opts)
		return error_set(CAMPAIGN_EINVALID, "%s_init: the options are NULL", what);
	if (version != known)
		return error_set(CAMPAIGN_EINVALID, "%s_init: unknown version %u (this library knows %u)", what, version,
		                 known);
	memset(opts, 0, size);
	*(unsigned int *)opts = version;
	return CAMPAIGN_OK;
}

/* shared by the domains (dedupe, inspection/risk side) */

int stmt_run(stmts *c, campaign_db *db, const char *sql, const char *what, const char *types, ...)
{
	sqlite3_stmt *st = c ? stmts_get(c, sql) : db_stmt(db, sql);
	va_list ap;
	if (!st)
		return campaign_error_code_last();
	va_start(ap, types);
	bind_list(st, types, ap);
	va_end(ap);
	return db_step_done(db, st, what);
}

int row_copy(stmts *c, const char *sql, sqlite3_int64 a, const char *b, const char *what, const char *types, ...)
{
	int found;
	sqlite3_stmt *st = row_first(c, sql, a, b, &found);
	va_list ap;
	if (!st)
		return campaign_error_code_last();
	va_start(ap, types);
	for (int i = 0; found && types[i]; i++)
		if (types[i] == 'I') {
			*va_arg(ap, sqlite3_int64 *) = sqlite3_column_int64(st, i);
		} else {
			char *out = va_arg(ap, char *);
			column_copy(st, i, out, va_arg(ap, size_t));
		}
	va_end(ap);
	sqlite3_reset(st);
	return found ? CAMPAIGN_OK : error_set(CAMPAIGN_ENOTFOUND, "no %s with id \"%s\"", what, b);
}

/* shared by the domains (dedupe, accountability side) */

void columns_copy(sqlite3_stmt *st, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		char *out = va_arg(ap, char *);
		size_t size = va_arg(ap, size_t);
		column_copy(st, i, out, size);
	}
	va_end(ap);
}

int db_write_count(campaign_db *db, write_op *op, write_count *w)
{
	int rc = db_write(db, op, w, NULL);
	return rc ? rc : w->n;
}

/* The options' const char * member at @at, or NULL. */
static const char *option_at(const void *opts, size_t at)
{
	const char *const *member = opts && at ? (const void *)((const char *)opts + at) : NULL;
	return member ? *member : NULL;
}

int db_write_options(campaign_db *db, const options_write *w, const char *campaign, const void *opts,
                     const char *actor, struct campaign_buf **out)
{
	write_op op = w->op;
	op.actor = actor;
	op.campaign = campaign;
	op.object = option_at(opts, w->object_at);
	op.detail = option_at(opts, w->detail_at);
	op.text_of = opts;
	return db_write(db, &op, (void *)opts, out);
}

int db_write_named(campaign_db *db, write_op *op)
{
	write_named a = {op->object, op->detail};
	return db_write(db, op, &a, NULL);
}

/* ---- query_run(): a whole query of ?1 the campaign and the call's filters ---- */

#define BINDS_MAX 8

typedef union bind_value {
	const char *s;
	int i;
} bind_value;

int query_run(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql, const char *types,
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
