/* campaign_backup(): a consistent copy of a live store that opens as a store
 * of its own and verifies; the copy is the store just before the call's own
 * entry, which is written once the copy is in place; a path that exists is
 * never overwritten, and a failed backup leaves no file and no entry. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

static void test_backup_copies_and_verifies(void **state)
{
	char path[512], copy[512];
	campaign_db *db = NULL, *b = NULL;
	long long entries;
	(void)state;
	tmp_store_path(path, sizeof path, "live.db");
	tmp_store_path(copy, sizeof copy, "copy.db");
	unlink(copy);
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "tester", NULL), CAMPAIGN_OK);
	entries = raw_int(path, "SELECT count(*) FROM audit_log");
	assert_int_equal(campaign_backup(db, "clerk", copy), CAMPAIGN_OK);
	/* the copy ends just before its entry, the live store has it last */
	assert_int_equal(raw_int(copy, "SELECT count(*) FROM audit_log"), entries);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM audit_log"), entries + 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log) AND "
	                               "kind = 'call' AND operation = 'store.backup' AND actor = 'clerk'"), 1);
	/* the live store goes on; the copy is the store as it was */
	{
		campaign_progress_report_add_options r = report_options("t1.1.o1", "liyong", "done", 100, "2010-11-29");
		assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "clerk"), CAMPAIGN_OK);
	}
	campaign_close(db);
	assert_int_equal(raw_int(copy, "SELECT count(*) FROM measure"), 35);
	assert_int_equal(raw_int(copy, "SELECT count(*) FROM outcome"), 32);
	assert_int_equal(raw_int(copy, "SELECT count(*) FROM progress_report"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM progress_report"), 1);
	assert_int_equal(raw_int(copy, "SELECT count(*) FROM audit_log WHERE operation = 'store.backup'"), 0);
	{
		char sql[1200];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE kind = 'call' AND operation = 'store.backup' "
		                          "AND actor = 'clerk' AND detail = '%s'", copy);
		assert_int_equal(raw_int(path, sql), 1);
	}
	assert_int_equal(campaign_open(&b, copy, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	assert_string_equal(verify_summary(b, NULL, NULL), "");
	campaign_close(b);
}

static void test_backup_refusals(void **state)
{
	char path[512], dir[600];
	campaign_db *db = NULL;
	long long entries;
	(void)state;
	tmp_store_path(path, sizeof path, "refusals.db");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "tester", NULL), CAMPAIGN_OK);
	entries = raw_int(path, "SELECT count(*) FROM audit_log");
	assert_int_equal(campaign_backup(db, "clerk", path), CAMPAIGN_ECONFLICT);
	snprintf(dir, sizeof dir, "%s: the file exists; a backup never overwrites one", path);
	assert_string_equal(campaign_error_message(), dir);
	assert_int_equal(campaign_backup(db, "clerk", ":memory:"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_backup: a file path is required");
	assert_int_equal(campaign_backup(db, NULL, "/tmp/x.db"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_backup: the actor is required");
	assert_int_equal(campaign_backup(NULL, "clerk", "/tmp/x.db"), CAMPAIGN_EINVALID);
	/* a directory that does not exist: EIO, and nothing left behind */
	assert_int_equal(campaign_backup(db, "clerk", "/nonexistent-dir/copy.db"), CAMPAIGN_EIO);
	assert_int_not_equal(access("/nonexistent-dir", F_OK), 0);
	campaign_close(db);
	/* a refused or failed backup wrote nothing, not even its entry */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM audit_log"), entries);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backup_copies_and_verifies),
		cmocka_unit_test(test_backup_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
