/* Helpers shared by the C tests (cmocka). */
#ifndef CAMPAIGN_TESTUTIL_H
#define CAMPAIGN_TESTUTIL_H
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "campaign/campaign.h"

#define SEED_PLAN CAMPAIGN_SOURCE_DIR "/examples/plans/leshan-2010.yaml"
#define TEST_DATA(f) CAMPAIGN_SOURCE_DIR "/tests/data/plan/" f

/* Opens a fresh :memory: store; fails the test on error. */
campaign_db *open_memory(void);
/* Opens a fresh store with the seed plan imported. */
campaign_db *open_seed(void);
/* Counts the rows of a cursor and frees it. */
int count_rows(campaign_cursor *c);
/* Dumps every query of a campaign into one string (for comparing stores); free() it. */
char *dump_store(campaign_db *db);
/* A store file name under /tmp for this process and @name, removed first. */
void tmp_store_path(char *out, size_t n, const char *name);
/* Removes a store file and its -wal and -shm companions. */
void remove_store(const char *path);
/* A domain's hot queries and the base tables none of them may scan whole. */
typedef struct hot_queries {
	const char *const *sql;
	size_t n;
	const char *const *tables; /* NULL-ended */
	int sorts_allowed;         /* 0: a temporary b-tree (a sort) fails too */
} hot_queries;
#define HOT_QUERIES(sql, tables, sorts_allowed) { sql, sizeof sql / sizeof sql[0], tables, sorts_allowed }
/* A test (state: a hot_queries, given by cmocka_unit_test_prestate) that fails
 * when a hot query, planned on a fresh file store's schema, scans one of the
 * tables whole or, unless sorts are allowed, sorts: hot queries must be indexed. */
void test_hot_queries_indexed(void **state);
/* Runs @sql on the file with SQLite itself, as someone with the sqlite3 shell would. */
void raw_sql(const char *path, const char *sql);
/* The first column of the first row of @sql on the file (SQLite itself); -1 if none. */
long long raw_int(const char *path, const char *sql);
/* "problem:seq:object " for each problem campaign_audit_verify finds, in a
 * static buffer ("" when the store verifies). */
const char *verify_summary(campaign_db *db, const char *checkpoint, const char *public_key);
#endif

/* fixtures shared by the accountability, inspection and risk tests */
#ifndef CAMPAIGN_TESTUTIL_ACCOUNTABILITY_INSPECTION_RISK
#define CAMPAIGN_TESTUTIL_ACCOUNTABILITY_INSPECTION_RISK
/* A write's options as a compound literal of the current version (OPTIONS_OF), and the
 * inspection writes' options so. */
#define OPTIONS_OF(name, VERSION, ...) (&(campaign_##name##_options){VERSION, __VA_ARGS__})
#define FINDING(...) OPTIONS_OF(finding_add, CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define FINDING_FLAG(...) OPTIONS_OF(finding_flag, CAMPAIGN_FINDING_FLAG_OPTIONS_VERSION, __VA_ARGS__)
#define RECTIFICATION(...) OPTIONS_OF(rectification_add, CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define RECTIFICATION_UPDATE(...)                                                                              \
	OPTIONS_OF(rectification_update, CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION, __VA_ARGS__)
#define RECTIFICATION_VERIFY(...)                                                                              \
	OPTIONS_OF(rectification_verify, CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_VERSION, __VA_ARGS__)
#define ROUND(...) OPTIONS_OF(inspection_round_add, CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define ROUND_SUBMIT(...)                                                                                      \
	OPTIONS_OF(inspection_round_submit, CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION, __VA_ARGS__)
#define CASE_LEAD(...) OPTIONS_OF(case_lead_add, CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define CASE_LEAD_REFER(...) OPTIONS_OF(case_lead_refer, CAMPAIGN_CASE_LEAD_REFER_OPTIONS_VERSION, __VA_ARGS__)
#define CASE_LEAD_RESOLVE(...) OPTIONS_OF(case_lead_resolve, CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_VERSION, __VA_ARGS__)
#define TOUR_FINDING(...) OPTIONS_OF(tour_finding_add, CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_VERSION, __VA_ARGS__)
/* 1 if any text of any row of @c holds @needle; frees @c. */
int cursor_holds(campaign_cursor *c, const char *needle);
/* Checks the row @c is on: @want is column, value pairs ended by a NULL
 * column (a NULL value: the column is NULL). */
void expect_columns(campaign_cursor *c, const char *const *want);
#define EXPECT_COLUMNS(c, ...) expect_columns(c, (const char *const[]){__VA_ARGS__, NULL})
/* Steps @c to its next row and checks it as expect_columns does. */
#define EXPECT_ROW(c, ...)                                                                                     \
	do {                                                                                                       \
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);                                                \
		EXPECT_COLUMNS(c, __VA_ARGS__);                                                                        \
	} while (0)
/* The rows of the cursor a query call (its result: @rc) just opened in *@c; frees it. */
int count_query(int rc, campaign_cursor **c);
/* Fails unless @text holds every string of @want (NULL-ended). */
void expect_holds(const char *text, const char *const *want);
/* Fails if @text holds any string of @unwanted (NULL-ended). */
void expect_lacks(const char *text, const char *const *unwanted);
#define EXPECT_HOLDS(text, ...) expect_holds(text, (const char *const[]){__VA_ARGS__, NULL})
#define EXPECT_LACKS(text, ...) expect_lacks(text, (const char *const[]){__VA_ARGS__, NULL})
/* A test run on a fresh store from @open (its state: the store), closed after it. */
typedef struct store_fixture {
	campaign_db *(*open)(void);
} store_fixture;
int store_setup(void **state);
int store_teardown(void **state);
#define STORE_TEST(test, opener)                                                                               \
	cmocka_unit_test_prestate_setup_teardown(test, store_setup, store_teardown, &(store_fixture){opener})
#endif
