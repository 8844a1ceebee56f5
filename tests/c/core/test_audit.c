/* The audit log: every change logged with its actor, before and after;
 * verification finds raw-SQL changes, missing entries, and (with a signed
 * checkpoint) a rewritten chain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "testutil.h"

static const char *verify(campaign_db *db, const char *cp, const char *pub)
{
	return verify_summary(db, cp, pub);
}

static campaign_db *seed_file(const char *path)
{
	campaign_progress_report_add_options r = report_options("t2.4.o1", "jiancha", "done", 100, "2010-10-28");
	campaign_db *db;
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "张三", NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "李四"), CAMPAIGN_OK);
	return db;
}

static void test_every_change_logged(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	int n = 0;
	(void)state;
	assert_string_equal(verify(db, NULL, NULL), "");
	assert_int_equal(campaign_audit_query(&c, db, "t1.1.o1", NULL, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		n++;
		assert_string_equal(campaign_cursor_get(c, "kind"), "insert");
		assert_string_equal(campaign_cursor_get(c, "tbl"), "outcome");
		assert_string_equal(campaign_cursor_get(c, "actor"), "tester");
		assert_string_equal(campaign_cursor_get(c, "operation"), "plan.import");
		assert_null(campaign_cursor_get(c, "before"));
		assert_non_null(strstr(campaign_cursor_get(c, "after"), "\"deadline_text\":\"2010年11月底完成\""));
		assert_int_equal(strlen(campaign_cursor_get(c, "hash")), 64);
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 1);
	/* an update logs before and after */
	assert_int_equal(campaign_thresholds_set(db, NULL, 3, 1, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_thresholds_set(db, NULL, 5, 1, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_audit_query(&c, db, NULL, "office", NULL, NULL), CAMPAIGN_OK);
	n = 0;
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *kind = campaign_cursor_get(c, "kind");
		n++;
		if (!strcmp(kind, "update")) {
			assert_non_null(strstr(campaign_cursor_get(c, "before"), "\"yellow_days\":3"));
			assert_non_null(strstr(campaign_cursor_get(c, "after"), "\"yellow_days\":5"));
		}
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 4); /* two calls, an insert, an update */
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, "2000-01-01", "2000-12-31"), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	assert_int_equal(campaign_audit_query(&c, db, NULL, "nobody", NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	assert_string_equal(verify(db, NULL, NULL), "");
	campaign_close(db);
}

static void test_raw_sql_found(void **state)
{
	char path[256];
	campaign_db *db;
	(void)state;
	tmp_store_path(path, sizeof path, "raw.db");
	db = seed_file(path);
	campaign_close(db);
	/* an UPDATE with the sqlite3 shell: the row no longer matches its last logged image */
	raw_sql(path, "UPDATE outcome SET text = '已完成(伪)' WHERE id = 't1.1.o1'");
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	{
		static const char *const present[] = {"row_changed:", ":t1.1.o1 ", NULL}, *const absent[] = {"entry_unsealed:", NULL};
		expect_substrings(verify(db, NULL, NULL), present, absent);
	}
	campaign_close(db);
	/* more: a changed measure, a deleted task, and an entry forged into the log */
	raw_sql(path, "UPDATE measure SET text = 'x' WHERE id = 't2.1.m1'; DELETE FROM task WHERE id = 't3.4'; "
	          "INSERT INTO audit_log (kind, actor, operation) VALUES ('call', 'forger', 'plan.import')");
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	{
		static const char *const present[] = {"entry_unsealed:", "row_changed:", ":t1.1.o1 ", ":t2.1.m1 ",
		                                      "row_deleted:",    ":t3.4 ",       NULL};
		expect_substrings(verify(db, NULL, NULL), present, NULL);
	}
	campaign_close(db);
	remove(path);
}

static void test_deleted_entry_and_checkpoint(void **state)
{
	char path[256], msg[64];
	campaign_db *db;
	campaign_buf *key, *pub, *cp, *other;
	(void)state;
	tmp_store_path(path, sizeof path, "cp.db");
	db = seed_file(path);
	assert_int_equal(campaign_audit_keygen(&key), CAMPAIGN_OK);
	assert_non_null(strstr(campaign_buf_data(key), "BEGIN PRIVATE KEY"));
	assert_int_equal(campaign_audit_public_key(&pub, campaign_buf_data(key)), CAMPAIGN_OK);
	assert_null(strstr(campaign_buf_data(pub), "PRIVATE"));
	assert_int_equal(campaign_audit_checkpoint(&cp, db, campaign_buf_data(key)), CAMPAIGN_OK);
	assert_string_equal(verify(db, campaign_buf_data(cp), campaign_buf_data(pub)), "");
	/* a key that did not sign it is refused */
	assert_int_equal(campaign_audit_keygen(&other), CAMPAIGN_OK);
	{
		campaign_cursor *c = NULL;
		assert_int_equal(campaign_audit_verify(&c, db, campaign_buf_data(cp), campaign_buf_data(other)),
		                 CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "the checkpoint's signature does not verify with this key");
		assert_null(c);
		assert_int_equal(campaign_audit_verify(&c, db, "not a checkpoint", campaign_buf_data(pub)), CAMPAIGN_EINVALID);
	}
	campaign_close(db);
	/* a log entry deleted with raw SQL */
	raw_sql(path, "DELETE FROM audit_log WHERE seq = 7");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	snprintf(msg, sizeof msg, "entry_missing:7: ");
	assert_memory_equal(verify(db, NULL, NULL), msg, strlen(msg));
	campaign_close(db);
	/* the head of the chain removed: only the checkpoint can tell */
	raw_sql(path, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_non_null(strstr(verify(db, campaign_buf_data(cp), campaign_buf_data(pub)), "checkpoint_mismatch:"));
	campaign_close(db);
	campaign_buf_free(key);
	campaign_buf_free(pub);
	campaign_buf_free(cp);
	campaign_buf_free(other);
	remove(path);
}

static void test_failed_write_logs_nothing(void **state)
{
	campaign_progress_report_add_options r = report_options("t1.1.o1", "guihua", "done", 100, "2010-11-20");
	campaign_db *db = open_seed();
	campaign_cursor *c;
	int before, after;
	(void)state;
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	before = count_rows(c);
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "x"), CAMPAIGN_ENOTFOUND);
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	after = count_rows(c);
	assert_int_equal(before, after);
	campaign_close(db);
}

TEST_MAIN("audit",
          cmocka_unit_test(test_every_change_logged),
          cmocka_unit_test(test_raw_sql_found),
          cmocka_unit_test(test_deleted_entry_and_checkpoint),
          cmocka_unit_test(test_failed_write_logs_nothing))
