/* Opening a store a read-only handle cannot use (issue 18, coverage): one
 * that needs migrating is refused with EPERM and left as it was. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void test_read_only_needs_migrating(void **state)
{
	campaign_db *db = NULL;
	char path[256], want[600];
	int newest = campaign_schema_version_supported();
	(void)state;
	tmp_store_path(path, sizeof path, "old.db");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	campaign_close(db);
	/* the store as a library one migration older left it (by its version number) */
	{
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", newest - 1);
		raw_sql(path, sql);
	}
	db = NULL;
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_EPERM);
	snprintf(want, sizeof want, "%s: the store needs migrating from schema %d to %d, which a read-only handle cannot do",
	         path, newest - 1, newest);
	assert_string_equal(campaign_error_message(), want);
	assert_null(db);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), newest - 1);
	remove_store(path);
}

TEST_MAIN("store_errors", cmocka_unit_test(test_read_only_needs_migrating))
