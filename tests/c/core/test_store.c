/* The store: open/close, migrations, a newer schema refused, flags, WAL and
 * foreign keys, the thread-local last error, indexes for hot queries. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "testutil.h"

static void test_version(void **state)
{
	char v[32];
	(void)state;
	snprintf(v, sizeof v, "%d.%d.%d", CAMPAIGN_VERSION_MAJOR, CAMPAIGN_VERSION_MINOR, CAMPAIGN_VERSION_PATCH);
	assert_string_equal(campaign_version(), v);
	assert_string_equal(campaign_version(), CAMPAIGN_VERSION_STRING);
	assert_string_equal(campaign_error_name(CAMPAIGN_ENOTFOUND), "ENOTFOUND");
	assert_string_equal(campaign_error_name(12345), "EUNKNOWN");
}

static void test_open_file_creates_migrates_wal(void **state)
{
	char path[512];
	campaign_db *db = NULL;
	(void)state;
	tmp_store_path(path, sizeof path, "a.db");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_schema_version(db), campaign_schema_version_supported());
	assert_true(campaign_schema_version_supported() >= 1);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "tester", NULL), CAMPAIGN_OK);
	campaign_close(db);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), campaign_schema_version_supported());
	{
		sqlite3 *s;
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(s, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
		sqlite3_finalize(st);
		sqlite3_close(s);
	}
	/* reopen: data is there, nothing migrates twice */
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	{
		campaign_cursor *c;
		assert_int_equal(campaign_measures_query(&c, db, NULL, NULL), CAMPAIGN_OK);
		assert_int_equal(count_rows(c), 35);
	}
	/* read-only: every write is refused */
	assert_int_equal(campaign_plan_delete(db, "leshan-ltyg-2010", "x"), CAMPAIGN_EPERM);
	assert_string_equal(campaign_error_message(), "the store is open read-only");
	campaign_close(db);
	remove_store(path);
}

static void test_newer_store_refused(void **state)
{
	char path[512], want[600];
	campaign_db *db = NULL;
	(void)state;
	tmp_store_path(path, sizeof path, "newer.db");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	campaign_close(db);
	raw_sql(path, "PRAGMA user_version = 999");
	db = NULL;
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_EVERSION);
	assert_null(db);
	snprintf(want, sizeof want, "%s: the store has schema version 999, newer than this library's %d", path,
	         campaign_schema_version_supported());
	assert_memory_equal(campaign_error_message(), want, strlen(want));
	/* untouched */
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 999);
	remove_store(path);
}

static void test_older_store_migrated(void **state)
{
	char path[512];
	campaign_db *db = NULL;
	(void)state;
	tmp_store_path(path, sizeof path, "old.db");
	/* an empty version-0 database (a file with tables of another application is refused: robust/test_foreign.c) */
	raw_sql(path, "CREATE TABLE unrelated(x); DROP TABLE unrelated");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_schema_version(db), campaign_schema_version_supported());
	campaign_close(db);
	remove_store(path);
}

static void test_open_errors(void **state)
{
	char path[512];
	campaign_db *db = NULL;
	FILE *f;
	(void)state;
	assert_int_equal(campaign_open(NULL, ":memory:", 0), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_open(&db, NULL, 0), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_open(&db, ":memory:", 0x80), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_open: unknown flags 0x80");
	assert_int_equal(campaign_open(&db, "/tmp/does-not-exist.db", CAMPAIGN_OPEN_NOCREATE), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "/tmp/does-not-exist.db: no such store");
	assert_int_equal(campaign_open(&db, "/nonexistent-dir/x.db", 0), CAMPAIGN_EIO);
	tmp_store_path(path, sizeof path, "garbage.db");
	f = fopen(path, "wb");
	for (int i = 0; i < 200; i++)
		fputs("this is not a database file. ", f);
	fclose(f);
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_EIO);
	assert_non_null(strstr(campaign_error_message(), path));
	assert_null(db);
	remove_store(path);
	campaign_close(NULL);
}

static void test_foreign_keys_on(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	/* deleting the campaign cascades to every row */
	assert_int_equal(campaign_plan_delete(db, "leshan-ltyg-2010", "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_campaigns_query(&c, db), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	assert_int_equal(campaign_changes_query(&c, db), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 2);
}

static void *other_thread(void *arg)
{
	campaign_cursor *c;
	(void)arg;
	/* this thread's last error is its own */
	if (campaign_error_code_last() != CAMPAIGN_OK)
		return (void *)1;
	if (campaign_campaigns_query(&c, NULL) != CAMPAIGN_EINVALID)
		return (void *)2;
	return NULL;
}

static void test_last_error_thread_local(void **state)
{
	pthread_t t;
	void *res;
	campaign_db *db = NULL;
	(void)state;
	assert_int_equal(campaign_open(&db, "/tmp/does-not-exist.db", CAMPAIGN_OPEN_NOCREATE), CAMPAIGN_ENOTFOUND);
	assert_int_equal(pthread_create(&t, NULL, other_thread, NULL), 0);
	assert_int_equal(pthread_join(t, &res), 0);
	assert_null(res);
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_ENOTFOUND);
	campaign_error_clear();
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_OK);
	assert_string_equal(campaign_error_message(), "");
	assert_null(campaign_error_file());
}

/* No hot query scans a whole table: every plan query is indexed. */
static const char *const plan_queries_sql[] = {
	"SELECT * FROM measure WHERE campaign = 1 ORDER BY ord",
	"SELECT * FROM measure WHERE task = 1 ORDER BY ord",
	"SELECT * FROM outcome WHERE task = 1 ORDER BY ord",
	"SELECT * FROM outcome WHERE campaign = 1 ORDER BY ord",
	"SELECT * FROM responsibility WHERE measure = 1 ORDER BY ord",
	"SELECT * FROM responsibility WHERE unit = 1",
	"SELECT * FROM task WHERE parent = 1",
	"SELECT * FROM unit WHERE campaign = 1 AND id = 'x'",
	"SELECT * FROM unit_group_member WHERE unit = 1",
	"SELECT * FROM milestone WHERE phase = 1 ORDER BY ord",
	"SELECT * FROM unit_responsibility WHERE unit = 1",
	"SELECT * FROM unit_responsibility WHERE measure = 1",
	"SELECT rowid FROM progress_report WHERE outcome = 1 AND unit = 2 AND reported_on <= '2010-12-01' "
	"ORDER BY reported_on DESC, id DESC LIMIT 1",
	"SELECT * FROM outcome_share WHERE unit = 1",
	"SELECT o.rid FROM outcome o LEFT JOIN outcome_share s ON s.outcome = o.rid WHERE o.campaign = 1 ORDER BY o.ord",
	"SELECT * FROM progress_report WHERE unit = 1",
};
/* a SCAN of one of these (a base table) is a full scan; a SCAN of a view's
 * co-routine that was itself reached by index is not */
static const char *const plan_queries_tables[] = {"campaign", "unit", "unit_group", "unit_group_member", "body",
                                                  "body_member", "phase", "milestone", "task", "measure",
                                                  "responsibility", "outcome", "outcome_share", "progress_report",
                                                  "audit_log", NULL};
static const hot_queries plan_queries = HOT_QUERIES(plan_queries_sql, plan_queries_tables, 0);

TEST_MAIN("store",
          cmocka_unit_test(test_version),
          cmocka_unit_test(test_open_file_creates_migrates_wal),
          cmocka_unit_test(test_newer_store_refused),
          cmocka_unit_test(test_older_store_migrated),
          cmocka_unit_test(test_open_errors),
          SEED_TEST(test_foreign_keys_on),
          cmocka_unit_test(test_last_error_thread_local),
          cmocka_unit_test_prestate(test_hot_queries_indexed, (void *)&plan_queries))
