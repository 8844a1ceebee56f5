/* Bulk import of self-inspection rounds (issue 15): a group's rounds, a
 * unit's round with its report, a group member's round of its own series;
 * a listing re-imports; a finding names an imported round; a dry run writes
 * nothing; a bad row (an unknown unit, a round that exists, a bad date,
 * invalid UTF-8) fails the whole import with its position and the store is
 * unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "insp_test.h"

static int round_rows(campaign_db *db)
{
	campaign_cursor *c;
	return count_query(campaign_inspection_rounds_query(&c, db, NULL, NULL, NULL, "2011-02-01"), &c);
}

static const char *round_field(campaign_db *db, const char *round, const char *col)
{
	campaign_cursor *c;
	return column_joined(campaign_inspection_rounds_query(&c, db, NULL, NULL, NULL, "2011-02-01"), &c, col, "id",
	                     round);
}

static void test_rounds_csv(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	ok(campaign_inspection_rounds_import_file(db, NULL, INSP("rounds.csv"), NULL, "office"));
	/* 11 county bureaus, 监察室 (by its name), and mabian's spot check */
	assert_int_equal(round_rows(db), 13);
	assert_string_equal(round_field(db, "self-2010/mabian", "deadline"), "2010-12-20 ");
	assert_string_equal(round_field(db, "self-2010/mabian", "deadline_text"), "12月中旬 ");
	assert_string_equal(round_field(db, "self-2010/mabian", "status"), "missing ");
	assert_string_equal(round_field(db, "self-2010-jiancha", "unit"), "jiancha ");
	assert_string_equal(round_field(db, "self-2010-jiancha", "submitted_on"), "2010-12-18 ");
	assert_string_equal(round_field(db, "self-2010-jiancha", "document"), "乐国土监〔2010〕9号 ");
	assert_string_equal(round_field(db, "self-2010-jiancha", "status"), "submitted ");
	assert_string_equal(round_field(db, "self-2010-jiancha", "note"), "按时报送,附清单 ");
	assert_string_equal(round_field(db, "spot-2010/mabian", "series"), "spot-2010 ");
	assert_string_equal(round_field(db, "spot-2010/mabian", "unit_group"), "counties ");
	assert_string_equal(round_field(db, "spot-2010/mabian", "deadline"), "2010-12-31 ");
	assert_string_equal(round_field(db, "spot-2010/mabian", "status"), "late ");
	/* the report's note, as the submit records it */
	ok(campaign_inspection_missing_query(&c, db, NULL, "spot-2010", "2011-02-01"));
	EXPECT_ROW(c, "round", "spot-2010/mabian", "status", "late", "days_late", "5");
	campaign_cursor_free(c);
	/* a finding names an imported round */
	ok(campaign_findings_import_string(db, NULL,
	                                   "unit,origin,description,found_on,round\n"
	                                   "mabian,self_reported,自查发现,2010-12-01,spot-2010/mabian\n",
	                                   "f.csv", NULL, "office"));
	assert_string_equal(round_field(db, "spot-2010/mabian", "findings"), "1 ");
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *out = calloc(1, 1 << 16);
	assert_non_null(f);
	assert_non_null(out);
	assert_true(fread(out, 1, (1 << 16) - 1, f) > 0);
	fclose(f);
	return out;
}

/* The rounds listing written as CSV to @path; returns its text (free() it). */
static char *listing(campaign_db *db, const char *path)
{
	campaign_cursor *c;
	ok(campaign_inspection_rounds_query(&c, db, NULL, NULL, NULL, "2011-02-01"));
	ok(campaign_cursor_write_csv(c, path, NULL, NULL));
	campaign_cursor_free(c);
	return slurp(path);
}

/* The listing of campaign_inspection_rounds_query() (CSV) imports into a fresh store as the same listing. */
static void test_listing_round_trip(void **state)
{
	campaign_db *db = *state, *to = open_seed();
	char path[256], *want, *got;
	snprintf(path, sizeof path, "/tmp/campaign-rounds-%d.csv", (int)getpid());
	ok(campaign_inspection_rounds_import_file(db, NULL, INSP("rounds.csv"), NULL, "office"));
	want = listing(db, path);
	ok(campaign_inspection_rounds_import_file(to, NULL, path, NULL, "clerk"));
	got = listing(to, path);
	assert_string_equal(got, want);
	assert_non_null(strstr(got, "spot-2010/mabian,spot-2010,mabian,"));
	remove(path);
	free(want);
	free(got);
	campaign_close(to);
}

static void test_dry_run_and_yaml(void **state)
{
	campaign_db *db = *state;
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	o.dry_run = 1;
	ok(campaign_inspection_rounds_import_file(db, NULL, INSP("rounds.csv"), &o, "office"));
	assert_int_equal(round_rows(db), 0);
	ok(campaign_inspection_rounds_import_string(db, NULL,
	                                            "- {round: r1, unit: jiancha, window_first: 2010-11-01, "
	                                            "window_last: 2010-11-30, deadline: 11月底}\n",
	                                            "r.yaml", NULL, "office"));
	assert_string_equal(round_field(db, "r1", "deadline"), "2010-11-30 ");
}

/* @text fails with @code, its message beginning "r.csv:@at: row N: " and holding @holds; nothing written. */
static void fails(campaign_db *db, const char *text, int code, const char *message)
{
	char *before = dump_store(db), *after;
	int audit = audit_entries(db);
	assert_int_equal(campaign_inspection_rounds_import_string(db, NULL, text, "r.csv", NULL, "office"), code);
	assert_string_equal(campaign_error_message(), message);
	after = dump_store(db);
	assert_string_equal(after, before);
	assert_int_equal(audit_entries(db), audit);
	free(before);
	free(after);
}

static void test_bad_rows_write_nothing(void **state)
{
	campaign_db *db = *state;
	static const char HEAD[] = "round,unit,group,window_first,window_last,deadline,submitted_on\n";
	char text[512];
	ok(campaign_inspection_rounds_import_file(db, NULL, INSP("rounds.csv"), NULL, "office"));
	/* an unknown unit: the first row is good, the second fails, neither is written */
	snprintf(text, sizeof text, "%sr1,jiancha,,2010-11-01,2010-11-30,2010-11-30,\nr2,nowhere,,2010-11-01,2010-11-30,"
	         "2010-11-30,\n", HEAD);
	fails(db, text, CAMPAIGN_EINVALID, "r.csv:3:4: row 2: unknown unit \"nowhere\"");
	/* a round that exists, and one given twice */
	snprintf(text, sizeof text, "%sself-2010-jiancha,jiancha,,2010-11-01,2010-11-30,2010-11-30,\n", HEAD);
	fails(db, text, CAMPAIGN_ECONFLICT, "r.csv:2:1: row 1: round \"self-2010-jiancha\" exists already");
	snprintf(text, sizeof text, "%sr1,jiancha,,2010-11-01,2010-11-30,2010-11-30,\nr1,jiancha,,2010-11-01,2010-11-30,"
	         "2010-11-30,\n", HEAD);
	fails(db, text, CAMPAIGN_ECONFLICT, "r.csv:3:1: row 2: round \"r1\" exists already");
	/* a bad date, and a report before the window */
	snprintf(text, sizeof text, "%sr1,jiancha,,2010-11-01,2010-13-30,2010-11-30,\n", HEAD);
	fails(db, text, CAMPAIGN_EINVALID, "r.csv:2:24: row 1: window_last \"2010-13-30\" is not a date (YYYY-MM-DD)");
	snprintf(text, sizeof text, "%sr1,jiancha,,2010-11-01,2010-11-30,2010-11-30,2010-10-30\n", HEAD);
	fails(db, text, CAMPAIGN_EINVALID,
	      "r.csv:2:46: row 1: report date 2010-10-30 is before the round's window begins (2010-11-01)");
	/* invalid UTF-8 */
	snprintf(text, sizeof text, "%sr1,jiancha,,2010-11-01,2010-11-30,2010-11-30,\nr2,\xff\xfe,,2010-11-01,2010-11-30,"
	         "2010-11-30,\n", HEAD);
	fails(db, text, CAMPAIGN_EINVALID, "r.csv: invalid UTF-8 at byte 113 (save the sheet as CSV UTF-8)");
	/* a member's round that is not the unit's, a unit outside the group, a group's round with a report */
	snprintf(text, sizeof text, "%ss/emeishan,mabian,counties,2010-11-01,2010-11-30,2010-11-30,\n", HEAD);
	fails(db, text, CAMPAIGN_EINVALID,
	      "r.csv:2:1: row 1: round \"s/emeishan\" is not unit \"mabian\"'s round (\"SERIES/mabian\")");
	snprintf(text, sizeof text, "%ss,jiancha,counties,2010-11-01,2010-11-30,2010-11-30,\n", HEAD);
	fails(db, text, CAMPAIGN_EINVALID, "r.csv:2:3: row 1: unit \"jiancha\" is not a member of unit group \"counties\"");
	snprintf(text, sizeof text, "%ss,,counties,2010-11-01,2010-11-30,2010-11-30,2010-11-20\n", HEAD);
	fails(db, text, CAMPAIGN_EINVALID,
	      "r.csv:2:46: row 1: round \"s\" is one per member of unit group \"counties\": give each member's report on "
	      "its own row (its round \"s/UNIT\", unit and group)");
	assert_int_equal(round_rows(db), 13);
}

TEST_MAIN("round_import",
          STORE_TEST(test_rounds_csv, open_seed),
          STORE_TEST(test_listing_round_trip, open_seed),
          STORE_TEST(test_dry_run_and_yaml, open_seed),
          STORE_TEST(test_bad_rows_write_nothing, open_seed))
