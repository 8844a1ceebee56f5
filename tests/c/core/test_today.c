/* "Today" is the local date of the process's time zone, the one place it is
 * taken (core.h: db_today), under a fixed clock: with TZ=Asia/Shanghai,
 * between 00:00 and 08:00 Beijing time the UTC date is still yesterday's, and
 * no status may be a day behind; with TZ=UTC it is the UTC date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"

static time_t fixed;
static time_t fixed_clock(void)
{
	return fixed;
}

/* 2026-12-01T18:36:00Z: 02:36 on 12-02 in Beijing */
#define DEC1_1836Z 1796150160

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void test_beijing_date(void **state)
{
	char today[11], now[21];
	(void)state;
	set_tz("Asia/Shanghai");
	db_clock_set(fixed_clock);
	fixed = DEC1_1836Z;
	db_today(today);
	db_now(now);
	assert_string_equal(today, "2026-12-02");
	assert_string_equal(now, "2026-12-01T18:36:00Z"); /* what is recorded stays UTC */
	fixed = DEC1_1836Z - (2 * 3600 + 36 * 60 + 1);     /* 23:59:59 on 12-01 in Beijing */
	db_today(today);
	assert_string_equal(today, "2026-12-01");
	fixed += 1;
	db_today(today);
	assert_string_equal(today, "2026-12-02");
	assert_int_equal(insp_as_of(NULL, today), CAMPAIGN_OK);
	assert_string_equal(today, "2026-12-02");
	/* the same moment on a machine kept in UTC, or in a POSIX zone string (no tz database needed) */
	set_tz("UTC");
	db_today(today);
	assert_string_equal(today, "2026-12-01");
	set_tz("CST-8");
	db_today(today);
	assert_string_equal(today, "2026-12-02");
	db_clock_set(NULL);
	set_tz("Asia/Shanghai");
}

/* "not after today" judges by the local date (TZ=Asia/Shanghai): a report dated 2010-11-16 at 01:00 on 11-16 in
 * Beijing (17:00 UTC on 11-15) is today's, at 23:00 on 11-15 it is tomorrow's. */
static void test_not_after_today(void **state)
{
	campaign_db *db = *state;
	const char *row = "outcome,unit,status,percent,date\nt1.2.o1,kuangguan,in_progress,50,2010-11-16\n";
	set_tz("Asia/Shanghai");
	db_clock_set(fixed_clock);
	fixed = 1289779200 + 15 * 3600; /* 2010-11-15T15:00:00Z */
	expect_error(campaign_progress_import_string(db, NULL, row, "p.csv", NULL, "office"), CAMPAIGN_EINVALID,
	             "p.csv:2:34: row 1: date 2010-11-16 is after today (2010-11-15)");
	fixed += 2 * 3600; /* 17:00Z */
	assert_int_equal(campaign_progress_import_string(db, NULL, row, "p.csv", NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 1);
	db_clock_set(NULL);
}

TEST_MAIN("today", cmocka_unit_test(test_beijing_date), SEED_TEST(test_not_after_today))
