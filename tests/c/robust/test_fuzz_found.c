/* What the fuzz targets (tests/fuzz/) found, each kept as a regression test. */
#include <string.h>
#include "testutil.h"

static int progress_rows(campaign_db *db)
{
	campaign_cursor *c;
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	return count_rows(c);
}

/* fuzz_rows: a GB18030 CSV whose very first byte is not GB18030 failed with
 * EIO "cannot read the file" (the first read is made while the source opens,
 * where the bad byte was not placed); it is EINVALID at offset 0, as later ones. */
static void test_gb18030_bad_first_byte(void **state)
{
	campaign_db *db = open_seed();
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	int before = progress_rows(db);
	(void)state;
	o.encoding = "gb18030";
	expect_error(campaign_progress_import_string(db, NULL, "\x80\x81unit,outcome\n", "p.csv", &o, "fuzz"),
	             CAMPAIGN_EINVALID, "p.csv: invalid GB18030 (byte 0x80 at offset 0)");
	assert_int_equal(progress_rows(db), before);
	campaign_close(db);
}

TEST_MAIN("robust.fuzz_found", cmocka_unit_test(test_gb18030_bad_first_byte))
