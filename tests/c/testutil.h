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
