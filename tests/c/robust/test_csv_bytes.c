/* Bytes the CSV reader once mishandled (issue 18, bugs 5 and 6): a lone CR
 * (old Mac line endings, or a stray one) ends the line and never eats the
 * byte after it; a NUL byte is refused at its line and column instead of
 * silently cutting its field short. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define HEADER "outcome,unit,status,percent,date,note,evidence"

/* The note of the one report of (outcome, unit). */
static void expect_note(campaign_db *db, const char *outcome, const char *unit, const char *want)
{
	campaign_cursor *c;
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, outcome, unit), CAMPAIGN_OK);
	expect_row(c, "outcome", outcome, "unit", unit, "note", want, NULL);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
}

static char path[128];

/* Imports @len bytes of @text (a NUL may be among them) from a file. */
static int import(campaign_db *db, const char *text, size_t len)
{
	FILE *f;
	snprintf(path, sizeof path, "/tmp/campaign-csv-bytes-%d.csv", (int)getpid());
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
	return campaign_progress_import_file(db, NULL, path, NULL, "office");
}

/* The last error is @want at @where of the file imported. */
static void expect_at(int rc, const char *where)
{
	char want[256];
	snprintf(want, sizeof want, "%s%s", path, where);
	expect_error(rc, CAMPAIGN_EINVALID, want);
	unlink(path);
}

/* CR-only line endings: every record is read whole, the outcome of the
 * second one keeps its first byte. */
static void test_cr_line_endings(void **state)
{
	campaign_db *db = open_seed();
	static const char text[] = HEADER "\r"
	                           "t1.2.o1,kuangguan,in_progress,50,2010-11-15,清理过半,\r"
	                           "\r"
	                           "t2.2.o4,mabian,in_progress,80,2010-12-10,\"第一行\r第二行\",\r"
	                           "t2.2.o4,emeishan,done,100,2010-12-15,末行,";
	(void)state;
	assert_int_equal(import(db, text, sizeof text - 1), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 3);
	expect_note(db, "t1.2.o1", "kuangguan", "清理过半");
	/* inside quotes a CR is the field's own */
	expect_note(db, "t2.2.o4", "mabian", "第一行\r第二行");
	expect_note(db, "t2.2.o4", "emeishan", "末行");
	campaign_close(db);
}

/* A stray CR before a record's first byte: the byte is kept, so the outcome
 * "Xt2.2.o4" is refused by name instead of importing as "t2.2.o4". */
static void test_stray_cr_keeps_next_byte(void **state)
{
	campaign_db *db = open_seed();
	char *before = dump_store(db), *after;
	static const char text[] = HEADER "\n"
	                           "t1.2.o1,kuangguan,in_progress,50,2010-11-15,a,\r"
	                           "Xt2.2.o4,mabian,in_progress,80,2010-12-10,b,\n";
	(void)state;
	expect_error(import(db, text, sizeof text - 1), CAMPAIGN_EINVALID, NULL);
	assert_non_null(strstr(campaign_error_message(), ".csv:3:1: row 2: no outcome with id \"Xt2.2.o4\""));
	unlink(path);
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
	/* a CR in an unquoted field ends the line there: the row is short */
	expect_at(import(db, HEADER "\nt1.2.o1,kuangguan,in_progress,50,2010-11-15,ab\rcd,\n", strlen(HEADER) + 50),
	          ":2:1: row 1 has 6 fields, the header 7");
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
	free(before);
	campaign_close(db);
}

/* A NUL byte is an error naming its line and column, the store unchanged. */
static void test_nul_byte_refused(void **state)
{
	campaign_db *db = open_seed();
	char *before = dump_store(db), *after;
	static const char text[] = HEADER "\n"
	                           "t1.2.o1,kuangguan,in_progress,50,2010-11-15,ok,\n"
	                           "t2.2.o4,mabian,in_progress,80,2010-12-10,\"两行\n的\"备注,before\0after\n";
	static const char quoted[] = HEADER "\nt2.2.o4,mabian,in_progress,80,2010-12-10,\"a\0b\",\n";
	(void)state;
	expect_at(import(db, text, sizeof text - 1), ":4:12: a NUL byte (0x00) in a field: CSV text cannot hold one");
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
	expect_at(import(db, quoted, sizeof quoted - 1), ":2:44: a NUL byte (0x00) in a field: CSV text cannot hold one");
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
	free(before);
	campaign_close(db);
}

TEST_MAIN("robust.csv_bytes", cmocka_unit_test(test_cr_line_endings), cmocka_unit_test(test_stray_cr_keeps_next_byte),
          cmocka_unit_test(test_nul_byte_refused))
