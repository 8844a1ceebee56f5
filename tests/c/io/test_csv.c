/* The bulk importers' CSV reader (libcampaign/csv.c), through the public
 * imports that stream it: quoting, CRLF, BOM, blank lines, records split
 * across buffer refills, bad UTF-8 and malformed quotes named exactly, and
 * the store unchanged after a failed import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define HEADER "outcome,unit,status,percent,date,note,evidence"
#define BUFFER 65536 /* the reader's first buffer: bigger records make it refill and grow */

static char dir[64];
static char path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/campaign-csv-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(dir);
}

/* Writes @n bytes of @data to DIR/@name; returns the path. */
static const char *write_file(const char *name, const char *data, size_t n)
{
	FILE *f;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	return path;
}

static const char *write_text(const char *name, const char *text)
{
	return write_file(name, text, strlen(text));
}

/* The one report of (outcome, unit) has the note @want ("": none). */
static void expect_note(campaign_db *db, const char *outcome, const char *unit, const char *want)
{
	campaign_cursor *c;
	const char *note;
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, outcome, unit), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	note = campaign_cursor_get(c, "note");
	assert_string_equal(note ? note : "", want);
	campaign_cursor_free(c);
}

/* Fails an import and checks the exact message and that nothing changed. */
static void fails_unchanged(campaign_db *db, int rc, int want_rc, const char *want_msg, const char *before)
{
	char *after;
	assert_int_equal(rc, want_rc);
	assert_string_equal(campaign_error_message(), want_msg);
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
}

/* A file that fails to import: its text (NULL: the file as it is), which
 * import, and the message after the file's path. */
typedef struct bad_file {
	const char *text;
	int findings; /* 0: the progress import */
	const char *msg;
} bad_file;

/* Each bad file fails with CAMPAIGN_EINVALID and its message, the seed store unchanged. */
static void expect_bad_files(const bad_file *cases, size_t n)
{
	campaign_db *db = open_seed();
	char *before = dump_store(db), want[512];
	for (size_t i = 0; i < n; i++) {
		if (cases[i].text)
			write_text("t.csv", cases[i].text);
		snprintf(want, sizeof want, "%s%s", path, cases[i].msg);
		fails_unchanged(db,
		                cases[i].findings ? campaign_findings_import_file(db, NULL, path, NULL, "office")
		                                  : campaign_progress_import_file(db, NULL, path, NULL, "office"),
		                CAMPAIGN_EINVALID, want, before);
	}
	free(before);
	campaign_close(db);
}

/* A table of bad files, run as one test (its state: the table). */
typedef struct bad_files {
	const bad_file *cases;
	size_t n;
} bad_files;

static void test_bad_files(void **state)
{
	const bad_files *t = *state;
	expect_bad_files(t->cases, t->n);
}
#define BAD_FILES_TEST(cases) {#cases, test_bad_files, NULL, NULL, &(bad_files){cases, sizeof cases / sizeof cases[0]}}

static void test_quotes_crlf_bom_blank(void **state)
{
	campaign_db *db = open_seed();
	(void)state;
	write_text("t.csv", "\xef\xbb\xbf" HEADER "\r\n"
	                    "t1.2.o1,kuangguan,in_progress,50,2010-11-15,\"清理过半,\"\"二期\"\"\",\r\n"
	                    "\r\n"
	                    "t2.2.o4,emeishan,done,100,2010-12-15,\"第一行\r\n第二行\",峨国土资〔2010〕88号\r\n"
	                    "\n"
	                    "t2.2.o4,mabian,in_progress,80,2010-12-10,,");
	assert_int_equal(campaign_progress_import_file(db, NULL, path, NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 3);
	expect_note(db, "t1.2.o1", "kuangguan", "清理过半,\"二期\"");
	/* a quoted line break is kept as written */
	expect_note(db, "t2.2.o4", "emeishan", "第一行\r\n第二行");
	expect_note(db, "t2.2.o4", "mabian", "");
	campaign_close(db);
}

/* Records longer than the buffer, and records that straddle a refill. */
static void test_records_across_refills(void **state)
{
	campaign_db *db = open_seed();
	size_t big = 3 * BUFFER + 17, cap = 4 * big, n = 0;
	char *data = malloc(cap), *note = malloc(big + 1);
	campaign_cursor *c;
	(void)state;
	assert_non_null(data);
	assert_non_null(note);
	/* a note of 3.x buffers of "土地" with quotes doubled in the middle */
	for (size_t i = 0; i + 6 <= big - 2; i += 6)
		memcpy(note + i, "土地", 6), note[i + 6] = '\0';
	n += (size_t)snprintf(data + n, cap - n, HEADER "\n");
	/* many short rows first, so that the long one starts mid-buffer */
	for (int i = 0; i < 2000; i++)
		n += (size_t)snprintf(data + n, cap - n, "t1.1.o1,liyong,in_progress,%d,2010-11-%02d,第%d次,\n", i % 101,
		                      1 + i % 28, i);
	n += (size_t)snprintf(data + n, cap - n, "t1.2.o1,kuangguan,in_progress,50,2010-11-15,\"\"\"%s\"\"\",\n", note);
	n += (size_t)snprintf(data + n, cap - n, "t2.2.o4,mabian,in_progress,80,2010-12-10,末行,");
	write_file("t.csv", data, n);
	assert_int_equal(campaign_progress_import_file(db, NULL, path, NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 2002);
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, "t1.2.o1", "kuangguan"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(strlen(campaign_cursor_get(c, "note")), strlen(note) + 2);
	assert_memory_equal(campaign_cursor_get(c, "note") + 1, note, strlen(note));
	campaign_cursor_free(c);
	expect_note(db, "t2.2.o4", "mabian", "末行");
	free(data);
	free(note);
	campaign_close(db);
}

/* Bad UTF-8: the progress import names the record's line and the byte. */
static const bad_file progress_bad_utf8[] = {
	{HEADER "\n"
	        "t1.2.o1,kuangguan,in_progress,50,2010-11-15,\"两行\n的备注\",\n"
	        "t2.2.o4,mabian,in_progress,80,2010-12-10,坏\xff字节,\n",
	 0, ":4:1: invalid UTF-8 (byte 0xff): save the sheet as CSV UTF-8"},
};

/* Bad UTF-8 in a findings file: named by its byte offset in the file, past
 * a refill of the buffer. */
static void test_findings_bad_utf8_offset(void **state)
{
	size_t cap = 2 * BUFFER + 4096, n = 0, bad;
	char *data = malloc(cap), msg[128];
	(void)state;
	assert_non_null(data);
	n += (size_t)snprintf(data + n, cap - n, "\xef\xbb\xbfid,unit,origin,description,found_on\n");
	for (int i = 0; n < BUFFER + 1000; i++)
		n += (size_t)snprintf(data + n, cap - n, "F-%d,emeishan,self_reported,擅自缓缴土地出让金,2010-11-05\n", i);
	n += (size_t)snprintf(data + n, cap - n, "F-X,emeishan,self_reported,坏");
	bad = n;
	n += (size_t)snprintf(data + n, cap - n, "\xe5\xb9,2010-11-05\n");
	snprintf(msg, sizeof msg, ": invalid UTF-8 at byte %zu (save the sheet as CSV UTF-8)", bad);
	expect_bad_files(&(bad_file){data, 1, msg}, 1);
	free(data);
}

static const bad_file malformed_quotes[] = {
	/* text after a closing quote: named at the field's start (characters, not bytes) */
	{HEADER "\n"
	        "t1.2.o1,kuangguan,in_progress,50,2010-11-15,清理,\n"
	        "t2.2.o4,mabian,进行,80,2010-12-10,\"备注\"x,\n",
	 0, ":3:33: malformed quoted field"},
	/* a quote left open runs to the end of the file */
	{"id,unit,origin,description,found_on\n"
	 "F-1,emeishan,self_reported,\"未闭合\n,2010-11-05\n",
	 1, ":2:28: malformed quoted field"},
};

static const bad_file header_and_fields[] = {
	{"", 0, ":1:1: the file is empty; expected a header outcome,unit,status,percent,date"},
	/* the same empty file, to the findings import */
	{NULL, 1,
	 ":1:1: unknown column \"\" (expected id, unit, category, origin, people, description, amount, found_on, "
	 "round, catalogue)"},
	{"\xef\xbb\xbfoutcome,unit,status,percent,date,单位\n", 0,
	 ":1:34: unknown column \"单位\" (expected outcome, unit, status, percent, date, note, evidence)"},
	{"outcome,unit,status,percent,date\nt1.2.o1,kuangguan,in_progress,50,2010-11-15,多余\n", 0,
	 ":2:45: row has more fields than the header"},
	{"outcome,unit,status,percent,date\r\nt1.2.o1,kuangguan,in_progress,50\r\n", 0,
	 ":2:1: row 1 has 4 fields, the header 5"},
};

TEST_MAIN_AROUND("csv", setup, teardown,
                 cmocka_unit_test(test_quotes_crlf_bom_blank),
                 cmocka_unit_test(test_records_across_refills),
                 BAD_FILES_TEST(progress_bad_utf8),
                 cmocka_unit_test(test_findings_bad_utf8_offset),
                 BAD_FILES_TEST(malformed_quotes),
                 BAD_FILES_TEST(header_and_fields))
