/* Damaged stores (issue 18, bug 2): verify runs SQLite's integrity check
 * first, so a file with pages overwritten fails (EIO, the check quoted)
 * instead of verifying; a table dropped outside the library is reported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

/* A seed store in the file @path, checkpointed into the main file and closed. */
static void seed_file(const char *path)
{
	campaign_db *db;
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "office", NULL), CAMPAIGN_OK);
	campaign_close(db);
	raw_sql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static void test_dropped_table_reported(void **state)
{
	char path[256];
	campaign_db *db;
	(void)state;
	tmp_store_path(path, sizeof path, "dropped.db");
	seed_file(path);
	raw_sql(path, "PRAGMA foreign_keys = OFF; DROP TABLE outcome_owner");
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	{
		static const char *const present[] = {"table_missing:", NULL};
		expect_substrings(verify_summary(db, NULL, NULL), present, NULL);
	}
	campaign_close(db);
	remove_store(path);
}

/* Index pages overwritten with bytes: verify fails, never "verified". */
static void test_overwritten_pages_fail(void **state)
{
	char path[256];
	campaign_db *db;
	campaign_cursor *c = NULL;
	long long page = 0, pages;
	FILE *f;
	int rc;
	(void)state;
	tmp_store_path(path, sizeof path, "pages.db");
	seed_file(path);
	/* the root page of an index of a table the seed fills */
	page = raw_int(path, "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' LIMIT 1");
	pages = raw_int(path, "PRAGMA page_count");
	assert_true(page > 1 && page <= pages);
	assert_non_null(f = fopen(path, "r+b"));
	assert_int_equal(fseek(f, (page - 1) * raw_int(path, "PRAGMA page_size") + 8, SEEK_SET), 0);
	for (int i = 0; i < 512; i++)
		fputc((i * 131 + 7) & 0xff, f);
	fclose(f);
	rc = campaign_open(&db, path, CAMPAIGN_OPEN_READONLY);
	if (rc == CAMPAIGN_OK) {
		expect_error(campaign_audit_verify(&c, db, NULL, NULL), CAMPAIGN_EIO, NULL);
		assert_null(c);
		assert_non_null(strstr(campaign_error_message(), "the store is damaged"));
		campaign_close(db);
	} else {
		assert_int_equal(rc, CAMPAIGN_EIO);
	}
	remove_store(path);
}

TEST_MAIN("robust.damaged", cmocka_unit_test(test_dropped_table_reported), cmocka_unit_test(test_overwritten_pages_fail))
