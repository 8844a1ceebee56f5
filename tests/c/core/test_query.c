/* The one query path: every query's cursor can be paged, and a query whose
 * type letters do not match its columns is refused instead of read past. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"

/* "id id id " of the units, as the cursor gives them. */
static void ids(campaign_cursor *c, char *out, size_t n)
{
	*out = '\0';
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		strncat(out, campaign_cursor_get(c, "id"), n - strlen(out) - 2);
		strcat(out, " ");
	}
	campaign_cursor_free(c);
}

static void test_page(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	char all[2048], page[2048], expect[2048] = "";
	const char *p;
	(void)state;
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	ids(c, all, sizeof all);
	/* the seed's units: the city bureau, its departments and affiliates, and the eleven counties */
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 29);
	/* rows 3 to 5 of the whole list */
	p = all;
	for (int i = 0; i < 5; i++) {
		const char *e = strchr(p, ' ') + 1;
		if (i >= 2)
			strncat(expect, p, (size_t)(e - p));
		p = e;
	}
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, 2, 3), CAMPAIGN_OK);
	ids(c, page, sizeof page);
	assert_string_equal(page, expect);
	/* the last page is short; past the end is empty; a limit of 0 is empty */
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, 28, 10), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 1);
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, 29, 10), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, 0, 0), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	/* -1: no limit */
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, 1, -1), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 28);
	campaign_close(db);
}

static void test_page_refused(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_cursor_page(NULL, 0, 1), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the cursor is NULL");
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, -1, 1), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "a page needs an offset of 0 or more and a limit of -1 (none) or more, not -1 and 1");
	assert_int_equal(campaign_cursor_page(c, 0, -2), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, 0, 1), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "a cursor is paged before its first row is read");
	/* the refused page changed nothing: the rest of the units follow */
	assert_int_equal(count_rows(c), 28);
	campaign_close(db);
}

static void test_types_checked(void **state)
{
	campaign_db *db = open_memory();
	campaign_cursor *c = NULL;
	(void)state;
	/* one letter short: refused, where it was read past its end */
	assert_int_equal(cursor_prepare(&c, db, "SELECT 1 AS a, 2 AS b", "i"), CAMPAIGN_ERROR);
	assert_string_equal(campaign_error_message(), "internal: a query has 2 columns but 1 type letters (\"i\")");
	assert_null(c);
	assert_int_equal(cursor_prepare(&c, db, "SELECT 1 AS a", "x"), CAMPAIGN_ERROR);
	assert_string_equal(campaign_error_message(), "internal: column 0 (a) has the unknown type letter 'x'");
	/* parameters numbered into the page's or the site filter's own are refused */
	assert_int_equal(cursor_prepare(&c, db, "SELECT ?98 AS a", "i"), CAMPAIGN_ERROR);
	assert_string_equal(campaign_error_message(), "internal: a query numbers its parameters below ?97");
	assert_int_equal(cursor_prepare(&c, db, "SELECT ?97 AS a", "i"), CAMPAIGN_ERROR);
	assert_int_equal(cursor_prepare(&c, db, "SELECT ?1 AS a, 'x' AS b;", "it"), CAMPAIGN_OK);
	sqlite3_bind_int(cursor_stmt(c), 1, 7);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_int(c, 0), 7);
	assert_int_equal(campaign_cursor_column_type(c, 1), CAMPAIGN_COLUMN_TEXT);
	/* the page wrapper keeps the query's own column names */
	assert_string_equal(campaign_cursor_column_name(c, 0), "a");
	assert_string_equal(campaign_cursor_column_name(c, 1), "b");
	campaign_cursor_free(c);
	campaign_close(db);
}

/* Paging appends LIMIT to the query; one with a LIMIT of its own, or with a
 * repeated column name, is wrapped instead, and pages the same. */
static void test_page_paths(void **state)
{
	static const char *const sql[] = {
		"WITH s(v) AS (VALUES (1), (2), (3), (4), (5)) SELECT v AS a FROM s ORDER BY v DESC",      /* appended */
		"WITH s(v) AS (VALUES (7), (8), (9), (1)) SELECT v AS a FROM s ORDER BY v DESC LIMIT 3", /* wrapped */
	};
	campaign_db *db = open_memory();
	campaign_cursor *c = NULL;
	(void)state;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(cursor_prepare(&c, db, sql[i], "i"), CAMPAIGN_OK);
		assert_int_equal(campaign_cursor_page(c, 1, 2), CAMPAIGN_OK);
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
		assert_int_equal(campaign_cursor_int(c, 0), i ? 8 : 4);
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
		assert_int_equal(campaign_cursor_int(c, 0), i ? 7 : 3);
		/* the wrapped query's own LIMIT 3 still holds: the page ends there */
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
		campaign_cursor_free(c);
	}
	/* a repeated name: the wrapper tells the two apart */
	assert_int_equal(cursor_prepare(&c, db, "SELECT 1 AS a, 2 AS a", "ii"), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_column_name(c, 0), "a");
	assert_string_equal(campaign_cursor_column_name(c, 1), "a:1");
	campaign_cursor_free(c);
	campaign_close(db);
}

/* bind_all's letters: what each binds, NULL where the value is absent. */
static void test_bind_all(void **state)
{
	campaign_db *db = open_memory();
	sqlite3_stmt *st;
	char copied[8] = "copied";
	(void)state;
	assert_int_equal(sqlite3_prepare_v2(db->sql,
	                                    "SELECT quote(?1), quote(?2), quote(?3), quote(?4), quote(?5), quote(?6), "
	                                    "quote(?7), quote(?8), quote(?9)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	bind_all(st, "ttToorriI", "a", NULL, copied, "", "b", (sqlite3_int64)0, (sqlite3_int64)42, 7,
	         (sqlite3_int64)1 << 40);
	strcpy(copied, "changed");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	{
		const char *expect[] = {"'a'", "NULL", "'copied'", "NULL", "'b'", "NULL", "42", "7", "1099511627776"};
		for (int i = 0; i < 9; i++)
			assert_string_equal((const char *)sqlite3_column_text(st, i), expect[i]);
	}
	sqlite3_finalize(st);
	campaign_close(db);
}

TEST_MAIN("query",
          cmocka_unit_test(test_page),
          cmocka_unit_test(test_page_refused),
          cmocka_unit_test(test_types_checked),
	    cmocka_unit_test(test_page_paths),
          cmocka_unit_test(test_bind_all))
