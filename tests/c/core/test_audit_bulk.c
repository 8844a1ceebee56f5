/* The audit log in bulk mode: an import's rows are logged as batch entries
 * (digests of their images), verification still finds every row changed,
 * deleted or added behind the library's back, a failed import leaves
 * nothing, and the store goes back to logging row by row afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "testutil.h"

/* 1 500 reports: the first 1 023 are logged one by one, then the import
 * switches to batches (BULK_AFTER in audit_bulk.c) */
#define MANY CAMPAIGN_SOURCE_DIR "/tests/data/progress/many.csv"
#define BAD CAMPAIGN_SOURCE_DIR "/tests/data/progress/bad-unit.csv"

/* The problems verification finds in the store at @path (opened read-only). */
static const char *verify(const char *path)
{
	static char out[16384];
	campaign_db *db;
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	snprintf(out, sizeof out, "%s", verify_summary(db, NULL, NULL));
	campaign_close(db);
	return out;
}

/* The seed plan and many.csv's reports, in a file; returns the batch's seq. */
static long long imported(const char *path)
{
	campaign_db *db;
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "张三", NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_progress_import_file(db, NULL, MANY, NULL, "李四"), CAMPAIGN_OK);
	campaign_close(db);
	return raw_int(path, "SELECT seq FROM audit_log WHERE kind = 'batch'");
}

static void test_one_batch_entry(void **state)
{
	char path[256];
	long long seq;
	(void)state;
	tmp_store_path(path, sizeof path, "one.db");
	seq = imported(path);
	assert_true(seq > 0);
	/* 1 023 single entries, then one batch entry for the other 477 rows, its
	 * digests, and the import's call after it */
	{
		static const raw_check checks[] = {
			{"SELECT count(*) FROM audit_log WHERE tbl = 'progress_report' AND kind = 'insert'", 1023},
			{"SELECT count(*) FROM audit_log WHERE tbl = 'progress_report' AND kind = 'batch'", 1},
			{"SELECT length(digests) FROM audit_batch", 477 * 32},
			{"SELECT first FROM audit_batch", 1024},
			{"SELECT last FROM audit_batch", 1500},
			{"SELECT call - seq FROM audit_log WHERE kind = 'batch'", 1},
			{"SELECT count(*) FROM audit_log WHERE seq = (SELECT call FROM audit_log WHERE kind = 'batch') "
			 "AND operation = 'progress.import' AND actor = '李四'", 1},
		};
		EXPECT_RAW_INTS(path, checks);
	}
	assert_string_equal(verify(path), "");
	remove(path);
}

static void test_object_query_finds_batch(void **state)
{
	char path[256], id[64];
	campaign_db *db;
	campaign_cursor *c;
	sqlite3 *s;
	sqlite3_stmt *st;
	(void)state;
	tmp_store_path(path, sizeof path, "object.db");
	imported(path);
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s, "SELECT id FROM progress_report WHERE note = '第1200次报告'", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(s);
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	assert_int_equal(campaign_audit_query(&c, db, id, NULL, NULL, NULL), CAMPAIGN_OK);
	expect_row(c, "kind", "batch", "tbl", "progress_report", "actor", "李四", "operation", "progress.import", "detail",
	           "{\"first\":1024,\"last\":1500,\"rows\":477}", NULL);
	assert_int_equal(strlen(campaign_cursor_get(c, "after")), 64);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	campaign_close(db);
	remove(path);
}

static void test_raw_sql_on_batch_rows(void **state)
{
	char path[256], want[128];
	long long seq;
	const char *r;
	(void)state;
	tmp_store_path(path, sizeof path, "raw.db");
	seq = imported(path);
	raw_sql(path, "UPDATE progress_report SET note = '第1200次报告(伪)' WHERE note = '第1200次报告'; "
	          "DELETE FROM progress_report WHERE rowid = 1300");
	r = verify(path);
	snprintf(want, sizeof want, "row_changed:%lld:", seq);
	assert_non_null(strstr(r, want));
	snprintf(want, sizeof want, "row_deleted:%lld:1300 ", seq);
	assert_non_null(strstr(r, want));
	/* a row added with raw SQL above the batch is no one's */
	raw_sql(path, "INSERT INTO progress_report (rowid, id, outcome, unit, status, percent, reported_on, note, evidence, "
	          "actor, recorded_at) SELECT 2000, '01ffffff-0000-7000-8000-000000000000', outcome, unit, status, "
	          "percent, reported_on, note, evidence, actor, recorded_at FROM progress_report WHERE rowid = 1100");
	assert_non_null(strstr(verify(path), "row_added:0:01ffffff-0000-7000-8000-000000000000 "));
	remove(path);
}

static void test_digests_tampered(void **state)
{
	char path[256], want[128];
	long long seq;
	(void)state;
	tmp_store_path(path, sizeof path, "digests.db");
	seq = imported(path);
	/* digests rewritten to match a forged row: the entry's hash covers their SHA-256 */
	raw_sql(path, "UPDATE audit_batch SET digests = zeroblob(477 * 32)");
	snprintf(want, sizeof want, "chain_broken:%lld: ", seq);
	assert_string_equal(verify(path), want);
	/* digests removed: the entry names what is missing, and the rows are no one's */
	raw_sql(path, "DELETE FROM audit_batch");
	{
		const char *r = verify(path);
		snprintf(want, sizeof want, "entry_missing:%lld: ", seq);
		assert_non_null(strstr(r, want));
		assert_non_null(strstr(r, "row_added:0:"));
	}
	remove(path);
}

static void test_failed_import_then_row_by_row(void **state)
{
	char path[256];
	campaign_db *db;
	long long entries;
	(void)state;
	tmp_store_path(path, sizeof path, "failed.db");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "张三", NULL), CAMPAIGN_OK);
	campaign_close(db);
	entries = raw_int(path, "SELECT count(*) FROM audit_log");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_progress_import_file(db, NULL, BAD, NULL, "李四"), CAMPAIGN_EINVALID);
	/* a bad row after the switch to batches: the triggers come back with the rollback */
	{
		char bad[256], line[256];
		FILE *in = fopen(MANY, "r"), *out;
		tmp_store_path(bad, sizeof bad, "late-bad.csv");
		assert_non_null(in);
		assert_non_null(out = fopen(bad, "w"));
		while (fgets(line, sizeof line, in))
			fputs(line, out);
		fputs("t1.2.o1,guihua,in_progress,10,2010-11-15,,\n", out);
		fclose(in);
		fclose(out);
		assert_int_equal(campaign_progress_import_file(db, NULL, bad, NULL, "李四"), CAMPAIGN_EINVALID);
		assert_non_null(strstr(campaign_error_message(), "late-bad.csv:1502:"));
		remove(bad);
	}
	/* the same handle, after the rollback: an ordinary report is logged with its image */
	{
		campaign_progress_report_add_options r = report_options("t2.4.o1", "jiancha", "done", 100, "2010-10-28");
		r.note = "按期完成";
		assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "王五"), CAMPAIGN_OK);
	}
	campaign_close(db);
	{
		const raw_check checks[] = {
			{"SELECT count(*) FROM progress_report", 1},
			{"SELECT count(*) FROM audit_batch", 0},
			{"SELECT count(*) FROM audit_log WHERE kind = 'batch'", 0},
			{"SELECT count(*) FROM audit_log WHERE tbl = 'progress_report' AND kind = 'insert' "
			 "AND instr(after, '按期完成') > 0", 1},
			{"SELECT count(*) FROM audit_log", entries + 2},
		};
		EXPECT_RAW_INTS(path, checks);
	}
	assert_string_equal(verify(path), "");
	remove(path);
}

TEST_MAIN("audit_bulk",
          cmocka_unit_test(test_one_batch_entry),
          cmocka_unit_test(test_object_query_finds_batch),
          cmocka_unit_test(test_raw_sql_on_batch_rows),
          cmocka_unit_test(test_digests_tampered),
          cmocka_unit_test(test_failed_import_then_row_by_row))
