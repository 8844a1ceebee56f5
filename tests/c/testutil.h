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

/* The main() of a test program: runs the cmocka tests given, as the group @name, between
 * the group fixtures @setup and @teardown (NULL: none). */
#define TEST_MAIN_AROUND(name, setup, teardown, ...)                                                           \
	int main(void)                                                                                             \
	{                                                                                                          \
		const struct CMUnitTest tests[] = {__VA_ARGS__};                                                       \
		return cmocka_run_group_tests_name(name, tests, setup, teardown);                                      \
	}
#define TEST_MAIN(name, ...) TEST_MAIN_AROUND(name, NULL, NULL, __VA_ARGS__)
/* The confidential fields' key of the test stores (64 hex digits). */
#define TEST_KEY "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
/* Opens @path with @flags and TEST_KEY; fails the test on error. */
campaign_db *open_keyed(const char *path, unsigned int flags);
/* Opens a fresh :memory: store with TEST_KEY (its confidential fields sealed); fails the test on error. */
campaign_db *open_memory(void);
/* Opens a fresh store with the seed plan imported. */
campaign_db *open_seed(void);
/* Counts the rows of a cursor and frees it. */
int count_rows(campaign_cursor *c);
/* The audit log's entries, counted (a refused call adds none). */
long long audit_entries(campaign_db *db);
/* For refusal tests that list every wrong answer before failing: a call's @rc and
 * the last error's message against @want and @message; a mismatch is printed and
 * counted, and test_refusals_held(), run last, fails if there was any. */
void refusal_check(int rc, int want, const char *message);
void test_refusals_held(void **state);
/* Dumps every query of a campaign into one string (for comparing stores); free() it. */
char *dump_store(campaign_db *db);
/* A store file name under /tmp for this process and @name, removed first. */
void tmp_store_path(char *out, size_t n, const char *name);
/* Removes a directory of files (an export) and the files in it. */
void remove_files_dir(const char *dir);
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
/* fixtures shared by the core, io, plan and progress tests */
/* Steps @c to its next row (it must have one) and checks its columns, given as
 * name, value pairs ended by a NULL name; a NULL value: the column is NULL. */
void expect_row(campaign_cursor *c, ...);
/* The same checks on the row @c stands on. */
void expect_columns(campaign_cursor *c, ...);
/* One check of raw_int: @sql on the file gives @want. */
typedef struct raw_check {
	const char *sql;
	long long want;
} raw_check;
/* Runs every raw_int check of @checks on the file at @path. */
void expect_raw_ints(const char *path, const raw_check *checks, size_t n);
#define EXPECT_RAW_INTS(path, checks) expect_raw_ints(path, checks, sizeof checks / sizeof checks[0])
/* Each string of the NULL-ended @present is in @text, none of @absent (NULL-ended or NULL). */
void expect_substrings(const char *text, const char *const *present, const char *const *absent);
/* cmocka fixtures of one test: a fresh seed store in *state, closed after the test. */
int setup_seed(void **state);
int teardown_db(void **state);
#define SEED_TEST(f) cmocka_unit_test_setup_teardown(f, setup_seed, teardown_db)
/* A failed call: @rc is @want, with the message @msg (NULL: not checked). */
void expect_error(int rc, int want, const char *msg);
/* The count of progress reports in the store (its whole history). */
int progress_reports(campaign_db *db);
/* The options of a progress report without note or evidence. */
campaign_progress_report_add_options report_options(const char *outcome, const char *unit, const char *status,
                                                    int percent, const char *date);
#endif

/* fixtures shared by the accountability, inspection and risk tests */
#ifndef CAMPAIGN_TESTUTIL_ACCOUNTABILITY_INSPECTION_RISK
#define CAMPAIGN_TESTUTIL_ACCOUNTABILITY_INSPECTION_RISK
/* A write's options as a compound literal of the current version (OPTIONS_OF), and the
 * inspection writes' options so. */
#define OPTIONS_OF(name, VERSION, ...) (&(campaign_##name##_options){VERSION, __VA_ARGS__})
/* Declares @var, a campaign_<name>_options filled by its _init() for @VERSION, which must succeed. */
#define INIT_OPTIONS(name, VERSION, var)                                                                       \
	campaign_##name##_options var;                                                                             \
	assert_int_equal(campaign_##name##_options_init(&var, VERSION), CAMPAIGN_OK)
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
/* expect_columns / expect_row (above) with the closing NULL written for you. */
#define EXPECT_COLUMNS(c, ...) expect_columns(c, __VA_ARGS__, (const char *)NULL)
#define EXPECT_ROW(c, ...) expect_row(c, __VA_ARGS__, (const char *)NULL)
/* The rows of the cursor a query call (its result: @rc) just opened in *@c; frees it. */
int count_query(int rc, campaign_cursor **c);
/* The @column of the rows of the cursor a query call (its result: @rc) just opened in *@c
 * whose @where column is @is (every row when @where is NULL), each followed by " " ("NULL" for NULL), in a
 * static buffer; frees the cursor. */
const char *column_joined(int rc, campaign_cursor **c, const char *column, const char *where, const char *is);
/* expect_substrings (above) for a list of wanted, or of unwanted, strings. */
#define EXPECT_HOLDS(text, ...) expect_substrings(text, (const char *const[]){__VA_ARGS__, NULL}, NULL)
#define EXPECT_LACKS(text, ...) expect_substrings(text, NULL, (const char *const[]){__VA_ARGS__, NULL})
/* A test run on a fresh store from @open (its state: the store), closed after it. */
typedef struct store_fixture {
	campaign_db *(*open)(void);
} store_fixture;
int store_setup(void **state);
#define STORE_TEST(test, opener)                                                                               \
	cmocka_unit_test_prestate_setup_teardown(test, store_setup, teardown_db, &(store_fixture){opener})
#endif
