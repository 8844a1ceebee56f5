/* The tables bureaus keep, as Excel and WPS on Chinese Windows save them:
 * CSV in GB18030/GBK (told, or detected by "auto"), a UTF-8 byte-order
 * mark, and dates re-saved as 2010/11/15, 2010/1/5, 2010.11.15 or
 * 2010年11月15日 -- through the one import pipeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define FHEADER "id,unit,origin,description,found_on\n"
/* 擅自缓缴土地出让金 in GB18030 (the same bytes in GBK) */
#define GB_DESC "\xc9\xc3\xd7\xd4\xbb\xba\xbd\xc9\xcd\xc1\xb5\xd8\xb3\xf6\xc8\xc3\xbd\xf0"
#define UTF8_DESC "擅自缓缴土地出让金"
#define PHEADER "outcome,unit,status,percent,date\n"

static campaign_rows_import_options in_encoding(const char *encoding)
{
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	o.encoding = encoding;
	return o;
}

static const char *descriptions(campaign_db *db)
{
	campaign_cursor *c;
	return column_joined(campaign_findings_query(&c, db, NULL, NULL, NULL), &c, "description", NULL, NULL);
}

/* One finding F-@n of @desc found on @date, imported in @encoding. */
static int import_finding(campaign_db *db, const char *encoding, int n, const char *desc, const char *date)
{
	campaign_rows_import_options o = in_encoding(encoding);
	char text[512];
	snprintf(text, sizeof text, FHEADER "F-%d,emeishan,audit,%s,%s\n", n, desc, date);
	return campaign_findings_import_string(db, NULL, text, "f.csv", &o, "office");
}

/* GBK told: converted while read, stored as UTF-8; "gbk" names the same encoding, in any case. */
static void test_gb18030_told(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(import_finding(db, "gb18030", 1, GB_DESC, "2010/11/5"), CAMPAIGN_OK);
	assert_string_equal(descriptions(db), UTF8_DESC " ");
	assert_string_equal(column_joined(campaign_findings_query(&c, db, NULL, NULL, NULL), &c, "found_on", NULL, NULL),
	                    "2010-11-05 ");
	assert_int_equal(import_finding(db, "GBK", 2, GB_DESC, "2010-11-06"), CAMPAIGN_OK);
	assert_string_equal(descriptions(db), UTF8_DESC " " UTF8_DESC " ");
}

/* "auto": UTF-8 when the whole text is UTF-8, else GB18030. */
static void test_gb18030_auto(void **state)
{
	campaign_db *db = *state;
	assert_int_equal(import_finding(db, "auto", 1, GB_DESC, "2010-11-05"), CAMPAIGN_OK);
	assert_int_equal(import_finding(db, "auto", 2, UTF8_DESC, "2010-11-05"), CAMPAIGN_OK);
	assert_string_equal(descriptions(db), UTF8_DESC " " UTF8_DESC " ");
	/* the default refuses the GBK text, as before */
	expect_error(import_finding(db, NULL, 3, GB_DESC, "2010-11-05"), CAMPAIGN_EINVALID,
	             "f.csv: invalid UTF-8 at byte 55 (save the sheet as CSV UTF-8)");
}

/* Without an encoding a GBK file is refused as before, nothing written. */
static void test_gb18030_refused_as_utf8(void **state)
{
	campaign_db *db = *state;
	campaign_rows_import_options o = in_encoding("latin1");
	expect_error(campaign_findings_import_string(db, NULL, FHEADER "F-1,emeishan,audit,x,2010-11-05\n", "f.csv", &o,
	                                             "office"),
	             CAMPAIGN_EINVALID,
	             "campaign_findings_import_string: encoding \"latin1\" is not one of utf-8, gb18030, gbk, auto");
	/* bytes that are not GB18030 either */
	o.encoding = "gb18030";
	expect_error(campaign_findings_import_string(db, NULL, FHEADER "F-1,emeishan,audit,\x81\x20,2010-11-05\n", "f.csv",
	                                             &o, "office"),
	             CAMPAIGN_EINVALID, "f.csv: invalid GB18030 (byte 0x81 at offset 55)");
	assert_string_equal(descriptions(db), "");
}

/* Positions are those of the file: columns in characters, after GBK's two-byte ones. */
static void test_gb18030_positions(void **state)
{
	campaign_db *db = *state;
	campaign_rows_import_options o = in_encoding("gb18030");
	expect_error(campaign_findings_import_string(db, NULL,
	                                             FHEADER "F-1,emeishan,audit," GB_DESC ",2010-11-05\n"
	                                                     "F-2,emeishan,audit," GB_DESC ",2010/13/05\n",
	                                             "f.csv", &o, "office"),
	             CAMPAIGN_EINVALID, "f.csv:3:30: row 2: found_on \"2010/13/05\" is not a date (YYYY-MM-DD)");
	assert_int_equal(campaign_error_line(), 3);
	assert_int_equal(campaign_error_column(), 30);
	assert_string_equal(descriptions(db), "");
}

typedef struct seen {
	long long done, total;
	long rows;
} seen;

static int on_progress(void *user, long rows, long long done, long long total)
{
	seen *s = user;
	s->rows = rows;
	s->done = done;
	s->total = total;
	return 0;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	fclose(f);
}

/* Files stream the same way; progress counts the file's own bytes. */
static void test_files(void **state)
{
	campaign_db *db = *state;
	/* 2010年11月5日, in GBK too */
	const char *text = FHEADER "F-1,emeishan,audit," GB_DESC ",2010\xc4\xea" "11\xd4\xc2" "5\xc8\xd5\n";
	char path[256];
	seen s = {0};
	campaign_rows_import_options o = in_encoding("auto");
	o.progress = on_progress;
	o.user = &s;
	snprintf(path, sizeof path, "/tmp/campaign-tables-%d.csv", (int)getpid());
	write_file(path, text);
	assert_int_equal(campaign_findings_import_file(db, NULL, path, &o, "office"), CAMPAIGN_OK);
	assert_int_equal(s.rows, 1);
	assert_int_equal(s.total, (long long)strlen(text));
	assert_int_equal(s.done, (long long)strlen(text));
	/* a UTF-8 file with the byte-order mark Excel writes, detected as UTF-8 */
	write_file(path, "\xef\xbb\xbf" FHEADER "F-2,emeishan,audit," UTF8_DESC ",2010.11.06\n");
	assert_int_equal(campaign_findings_import_file(db, NULL, path, &o, "office"), CAMPAIGN_OK);
	assert_string_equal(descriptions(db), UTF8_DESC " " UTF8_DESC " ");
	/* a missing file is named */
	remove(path);
	expect_error(campaign_findings_import_file(db, NULL, path, &o, "office"), CAMPAIGN_EIO, NULL);
	assert_non_null(strstr(campaign_error_message(), "cannot open the file"));
}

/* Every date column takes the dates spreadsheets re-save; other text stays refused. */
static void test_dates_as_saved(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	static const char *const bad[] = {"2010/13/5", "2010/11/31", "2010年11月5", "10/11/5", "2010/11-05", "2010/1/5/",
	                                  "2010年11月05日x"};
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 PHEADER "t1.2.o1,kuangguan,in_progress,10,2010/11/15\n"
	                                                         "t1.2.o1,kuangguan,in_progress,20,2010/11/5\n"
	                                                         "t1.2.o1,kuangguan,in_progress,30,2010年11月16日\n"
	                                                         "t1.2.o1,kuangguan,in_progress,40,2010.11.17\n"
	                                                         "t1.2.o1,kuangguan,in_progress,50,2010-11-18\n",
	                                                 "p.csv", NULL, "office"),
	                 CAMPAIGN_OK);
	assert_string_equal(column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, "reported_on",
	                                  NULL, NULL),
	                    "2010-11-05 2010-11-15 2010-11-16 2010-11-17 2010-11-18 ");
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		char text[256], msg[256];
		snprintf(text, sizeof text, PHEADER "t1.2.o1,kuangguan,in_progress,60,%s\n", bad[k]);
		snprintf(msg, sizeof msg, "p.csv:2:34: row 1: date \"%s\" is not a date (YYYY-MM-DD)", bad[k]);
		expect_error(campaign_progress_import_string(db, NULL, text, "p.csv", NULL, "office"), CAMPAIGN_EINVALID, msg);
	}
	assert_int_equal(progress_reports(db), 5);
}

/* The history listing's columns re-import: the store's own ignored, reported_on read as date, a
 * cell the listing marked with an apostrophe read as it was; other unknown columns still refused. */
static void test_history_fed_back(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 "id,outcome,unit,status,percent,reported_on,note,evidence,actor,"
	                                                 "recorded_at,current\r\n"
	                                                 "01a23c25-c32b-7000-bf97-c0b8d4ca88e6,t1.2.o1,kuangguan,in_progress,"
	                                                 "50,2010-11-15,'=1+1,'@x,someone,2026-12-03T13:43:57Z,0\r\n",
	                                                 "h.csv", NULL, "office"),
	                 CAMPAIGN_OK);
	assert_string_equal(column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, "note", NULL, NULL),
	                    "=1+1 ");
	assert_string_equal(
		column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, "evidence", NULL, NULL), "@x ");
	assert_string_equal(column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, "actor", NULL, NULL),
	                    "office ");
	/* in YAML too; an apostrophe before anything else is the text's own */
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 "- {id: x, outcome: t1.2.o1, unit: kuangguan, status: in_progress, "
	                                                 "percent: 60, reported_on: 2010-11-16, note: \"'a\", current: 1}\n",
	                                                 NULL, NULL, "office"),
	                 CAMPAIGN_OK);
	assert_string_equal(column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, "note", NULL, NULL),
	                    "=1+1 'a ");
	expect_error(campaign_progress_import_string(db, NULL, "outcome,unit,status,percent,date,reported_on\n", "h.csv",
	                                             NULL, "office"),
	             CAMPAIGN_EINVALID, "h.csv:1:34: column \"reported_on\" given twice");
	expect_error(campaign_progress_import_string(db, NULL, "outcome,unit,status,percent,date,rid\n", "h.csv", NULL,
	                                             "office"),
	             CAMPAIGN_EINVALID,
	             "h.csv:1:34: unknown column \"rid\" (expected outcome, unit, status, percent, date, note, evidence)");
	assert_int_equal(progress_reports(db), 2);
}

/* A sheet headed in Chinese, as a bureau heads its 进度表 (the titles the tool writes under
 * LANG=zh_CN, po/zh_CN.po): each title is its column; a title no column has is refused by name,
 * and a column given in English and in Chinese is given twice. */
static void test_chinese_headers(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 "成果,单位编号,状态,进度,日期,备注,证明材料\n"
	                                                 "t1.2.o1,kuangguan,in_progress,60,2010-11-20,中文表头𠀋,国土资发〔2010〕68号\n",
	                                                 "zh.csv", NULL, "office"),
	                 CAMPAIGN_OK);
	assert_string_equal(column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, "note", NULL, NULL),
	                    "中文表头𠀋 ");
	assert_string_equal(
		column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, "percent", NULL, NULL), "60 ");
	expect_error(campaign_progress_import_string(db, NULL, "成果,单位编号,状态,进度,日期,负责人\n", "zh.csv", NULL,
	                                             "office"),
	             CAMPAIGN_EINVALID,
	             "zh.csv:1:18: unknown column \"负责人\" (expected outcome, unit, status, percent, date, note, evidence)");
	expect_error(campaign_progress_import_string(db, NULL, "outcome,单位编号,状态,进度,日期,成果\n", "zh.csv", NULL,
	                                             "office"),
	             CAMPAIGN_EINVALID, "zh.csv:1:23: column \"成果\" given twice");
	assert_int_equal(progress_reports(db), 1);
}

/* A listing as a workbook: an xlsx file (a zip), and the arguments' errors. */
static void test_xlsx_out(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	char path[256], head[2] = {0};
	FILE *f;
	snprintf(path, sizeof path, "/tmp/campaign-tables-%d.xlsx", (int)getpid());
	assert_int_equal(campaign_progress_import_string(db, NULL, PHEADER "t1.2.o1,kuangguan,in_progress,10,2010/11/15\n",
	                                                 "p.csv", NULL, "office"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_write_xlsx(c, path, "进度", "outcome,unit,percent,reported_on", "成果,单位,进度,日期"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER); /* every row was written */
	campaign_cursor_free(c);
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fread(head, 1, 2, f), 2);
	fclose(f);
	assert_memory_equal(head, "PK", 2);
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	expect_error(campaign_cursor_write_xlsx(c, path, NULL, "outcome,colour", NULL), CAMPAIGN_EINVALID,
	             "campaign_cursor_write_xlsx: no column \"colour\"");
	expect_error(campaign_cursor_write_xlsx(c, path, NULL, "outcome,unit", "成果"), CAMPAIGN_EINVALID,
	             "campaign_cursor_write_xlsx: 1 titles \"成果\" for 2 columns");
	expect_error(campaign_cursor_write_xlsx(c, path, "a/b", NULL, NULL), CAMPAIGN_EINVALID, NULL);
	assert_non_null(strstr(campaign_error_message(), "sheet name \"a/b\""));
	expect_error(campaign_cursor_write_xlsx(c, NULL, NULL, NULL, NULL), CAMPAIGN_EINVALID,
	             "campaign_cursor_write_xlsx: path is NULL");
	expect_error(campaign_cursor_write_xlsx(c, "/nonexistent/dir/x.xlsx", NULL, NULL, NULL), CAMPAIGN_EIO,
	             "/nonexistent/dir/x.xlsx: cannot write the workbook");
	campaign_cursor_free(c);
	remove(path);
}

TEST_MAIN("tables", SEED_TEST(test_xlsx_out), SEED_TEST(test_history_fed_back), SEED_TEST(test_chinese_headers), SEED_TEST(test_gb18030_told), SEED_TEST(test_gb18030_auto), SEED_TEST(test_gb18030_refused_as_utf8),
          SEED_TEST(test_gb18030_positions), SEED_TEST(test_files), SEED_TEST(test_dates_as_saved))
