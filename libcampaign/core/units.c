/* The one door for a unit or group as the user writes it: its id, its name
 * or one of its aliases as the plan writes them (监察室, 纪检监察室, jiancha).
 * Texts match exactly once NFC-normalised, with full-width and half-width
 * parentheses alike, since documents mix them: 各县(市、区)国土资源局(分局)
 * is 各县(市、区)国土资源局(分局). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "core/core.h"

/* ---- the matching key ---- */

static utf8proc_int32_t fold_paren(utf8proc_int32_t c, void *data)
{
	(void)data;
	return c == 0xFF08 ? '(' : c == 0xFF09 ? ')' : c;
}

/* @s NFC-normalised, full-width parentheses made half-width; malloc'd, or
 * NULL when out of memory (@s is valid UTF-8: the door checked it). */
static char *unit_key(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &out,
	                                         UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE, fold_paren, NULL);
	return n < 0 ? NULL : (char *)out;
}

#define NEAR_MAX 64 /* code points: longer texts get no "differs slightly" suggestion */

static int code_points(const char *s, utf8proc_int32_t out[NEAR_MAX])
{
	int n = 0;
	utf8proc_ssize_t k;
	for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s; *p; p += k) {
		if (n == NEAR_MAX || (k = utf8proc_iterate(p, -1, &out[n++])) <= 0)
			return -1;
	}
	return n;
}

/* 1 if @a and @b are at most one edit apart (insert, delete or replace a code point). */
static int one_edit(const char *a, const char *b)
{
	utf8proc_int32_t x[NEAR_MAX], y[NEAR_MAX];
	int n = code_points(a, x), m = code_points(b, y), i = 0, j = 0, edits = 0;
	if (n < 0 || m < 0 || abs(n - m) > 1)
		return 0;
	while (i < n && j < m) {
		if (x[i] == y[j]) {
			i++, j++;
			continue;
		}
		if (++edits > 1)
			return 0;
		if (n > m)
			i++;
		else if (m > n)
			j++;
		else
			i++, j++;
	}
	return edits + (n - i) + (m - j) <= 1;
}

/* A suggestion for @key that matched nothing: it is part of @k, or one edit
 * from it when longer than three bytes (two Chinese characters, four Latin
 * letters: one edit from "室" is any one-character name). */
static int near(const char *key, const char *k)
{
	return strstr(k, key) || (key[0] && strlen(key) > 3 && one_edit(key, k));
}

/* ---- the scan over the campaign's units and groups ---- */

typedef struct found {
	const char *key;             /* what the user wrote, as a key */
	int n;                       /* objects matched */
	int group;                   /* the first match: a group? */
	sqlite3_int64 rid;           /* its row id */
	char id[128], name[256];     /* its id and name */
	struct campaign_buf list;    /* "a (name), b (alias)" */
	int nsug;                    /* objects near the text, when none matched */
	char sug_id[128], sug_name[256];
} found;

static const char SQL_UNIT_BY_ID[] = "SELECT rid FROM unit WHERE campaign = ?1 AND id = ?2";
static const char SQL_GROUP_BY_ID[] = "SELECT rid FROM unit_group WHERE campaign = ?1 AND id = ?2";
static const char SQL_NAMES[] =
	"SELECT 0, rid, id, name, aliases, ord FROM unit WHERE campaign = ?1 "
	"UNION ALL SELECT 1, rid, id, name, aliases, ord FROM unit_group WHERE campaign = ?1 ORDER BY 1, 6";

/* How @text names the row (its id, name or an alias), or NULL; *@close says
 * whether it is near one of them instead. -1 when out of memory. */
static const char *row_match(sqlite3_stmt *st, const char *key, int *close, int *oom)
{
	static const char *const hows[2][3] = {{"id", "name", "alias"}, {"group id", "group name", "group alias"}};
	int g = sqlite3_column_int(st, 0);
	const char *how = NULL;
	char *aliases = str_dup((const char *)sqlite3_column_text(st, 4));
	for (int col = 2; col <= 4 && !how && !*oom; col++) {
		char *next, *s = col < 4 ? (char *)sqlite3_column_text(st, col) : aliases;
		for (; s && !how; s = col < 4 ? NULL : next) {
			char *k;
			if ((next = col < 4 ? NULL : strchr(s, '\n')))
				*next++ = '\0';
			if (!(k = unit_key(s))) {
				*oom = 1;
				break;
			}
			if (!strcmp(k, key))
				how = hows[g][col - 2];
			else
				*close |= near(key, k);
			free(k);
		}
	}
	free(aliases);
	return how;
}

static int scan(campaign_db *db, sqlite3_int64 crid, found *f)
{
	sqlite3_stmt *st = db_stmt(db, SQL_NAMES);
	int rc, oom = 0;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	while (!oom && (rc = stmt_step(st)) == SQLITE_ROW) {
		int close = 0;
		const char *how = row_match(st, f->key, &close, &oom), *id = (const char *)sqlite3_column_text(st, 2),
		           *name = (const char *)sqlite3_column_text(st, 3);
		if (how) {
			if (!f->n++) {
				f->group = sqlite3_column_int(st, 0);
				f->rid = sqlite3_column_int64(st, 1);
				snprintf(f->id, sizeof f->id, "%s", id);
				snprintf(f->name, sizeof f->name, "%s", name);
			}
			oom |= buf_printf(&f->list, "%s%s (%s)", f->list.size ? ", " : "", id, how) != CAMPAIGN_OK;
		} else if (close && !f->nsug++) {
			snprintf(f->sug_id, sizeof f->sug_id, "%s", id);
			snprintf(f->sug_name, sizeof f->sug_name, "%s", name);
		}
	}
	sqlite3_reset(st);
	if (oom)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return rc == SQLITE_DONE ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, "cannot look up the unit");
}

/* Finds what @text names: exactly one unit or group in *@f, or the error
 * (unknown, with a suggestion when one is near; ambiguous, with the
 * candidates), saying @what was asked for: "unit" or "unit group". */
static int find(campaign_db *db, sqlite3_int64 crid, const char *text, const char *what, found *f)
{
	int group = !strcmp(what, "unit group"), rc;
	sqlite3_stmt *st;
	char *key;
	memset(f, 0, sizeof *f);
	if (!text)
		return error_set(CAMPAIGN_EINVALID, "a %s is required", what);
	if (!utf8_valid(text, strlen(text)))
		return error_set(CAMPAIGN_EINVALID, "%s: invalid UTF-8 at byte %zu", what,
		                 utf8_invalid_offset(text, strlen(text)));
	/* an own id, the common case (every row of a bulk import), costs one probe */
	if (!(st = db_stmt(db, group ? SQL_GROUP_BY_ID : SQL_UNIT_BY_ID)))
		return campaign_error_code_last();
	bind_all(st, "It", crid, text);
	if ((rc = stmt_step(st)) == SQLITE_ROW) {
		f->n = 1;
		f->group = group;
		f->rid = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return CAMPAIGN_OK;
	if (rc != SQLITE_DONE)
		return error_from_sqlite(db->sql, rc, "cannot look up the unit");
	if (!(key = unit_key(text)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	f->key = key;
	rc = scan(db, crid, f);
	free(key);
	if (!rc && f->n > 1)
		rc = error_set(CAMPAIGN_EINVALID, "%s \"%s\" is ambiguous: %s", what, text, f->list.data);
	else if (!rc && !f->n && f->nsug == 1)
		rc = error_set(CAMPAIGN_ENOTFOUND, "unknown %s \"%s\" (did you mean %s \"%s\"?)", what, text, f->sug_name,
		               f->sug_id);
	else if (!rc && !f->n)
		rc = error_set(CAMPAIGN_ENOTFOUND, "unknown %s \"%s\"", what, text);
	buf_reset(&f->list);
	return rc;
}

/* ---- the door ---- */

int unit_resolve(campaign_db *db, sqlite3_int64 crid, const char *text, sqlite3_int64 *rid)
{
	found f;
	int rc = find(db, crid, text, "unit", &f);
	if (!rc && f.group)
		return error_set(CAMPAIGN_EINVALID, "unit \"%s\" names the group %s (%s): a single unit is needed", text,
		                 f.id, f.name);
	if (!rc)
		*rid = f.rid;
	return rc;
}

int group_resolve(campaign_db *db, sqlite3_int64 crid, const char *text, sqlite3_int64 *rid)
{
	found f;
	int rc = find(db, crid, text, "unit group", &f);
	if (!rc && !f.group)
		return error_set(CAMPAIGN_EINVALID, "unit group \"%s\" names the unit %s (%s): a group is needed", text,
		                 f.id, f.name);
	if (!rc)
		*rid = f.rid;
	return rc;
}

int unit_rid(stmts *c, sqlite3_int64 crid, const char *unit, sqlite3_int64 *rid)
{
	return unit_resolve(c->db, crid, unit, rid);
}

static const char SQL_MEMBERS[] =
	"SELECT json_group_array(unit) FROM (SELECT m.unit FROM unit_member_of m JOIN unit u ON u.rid = m.unit "
	"WHERE m.grp = ?1 ORDER BY u.ord)";

int units_resolve(campaign_db *db, sqlite3_int64 crid, const char *text, struct campaign_buf *out)
{
	sqlite3_stmt *st;
	found f;
	int rc = find(db, crid, text, "unit", &f);
	if (rc)
		return rc;
	if (!f.group)
		return buf_printf(out, "[%lld]", (long long)f.rid);
	if (!(st = db_stmt(db, SQL_MEMBERS)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, f.rid);
	if ((rc = stmt_step(st)) == SQLITE_ROW)
		rc = buf_puts(out, (const char *)sqlite3_column_text(st, 0));
	else
		rc = error_from_sqlite(db->sql, rc, "cannot read the group's members");
	sqlite3_reset(st);
	return rc;
}

static const char SQL_IDS[] =
	"SELECT coalesce(group_concat(id, char(10)) || char(10), '') FROM (SELECT id FROM unit "
	"WHERE rid IN (SELECT value FROM json_each(?1)) ORDER BY ord)";

int units_resolve_ids(campaign_db *db, sqlite3_int64 crid, const char *text, struct campaign_buf *out)
{
	struct campaign_buf set = {0};
	sqlite3_stmt *st;
	int rc = units_resolve(db, crid, text, &set);
	if (!rc && !(st = db_stmt(db, SQL_IDS)))
		rc = campaign_error_code_last();
	if (!rc) {
		sqlite3_bind_text(st, 1, set.data, (int)set.size, SQLITE_STATIC);
		if ((rc = stmt_step(st)) == SQLITE_ROW)
			rc = buf_puts(out, (const char *)sqlite3_column_text(st, 0));
		else
			rc = error_from_sqlite(db->sql, rc, "cannot read the units' ids");
		sqlite3_reset(st);
	}
	buf_reset(&set);
	return rc;
}

int units_is_group(campaign_db *db, const char *campaign, const char *text)
{
	sqlite3_int64 crid;
	found f;
	if (!text || !*text || db_check(db) || db_campaign_rid(db, campaign, &crid))
		return 0;
	return !find(db, crid, text, "unit", &f) && f.group;
}

int units_bind(campaign_db *db, sqlite3_stmt *st, int n, sqlite3_int64 crid, const char *text)
{
	struct campaign_buf set = {0};
	int rc;
	if (!text || !*text)
		return CAMPAIGN_OK;
	if (!(rc = units_resolve(db, crid, text, &set)) &&
	    bind_copy(st, n, set.data, (int)set.size) != SQLITE_OK)
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	buf_reset(&set);
	return rc;
}
