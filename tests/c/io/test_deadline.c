/* Tests of campaign_deadline_*: Chinese deadline text -> [first, last].
 *
 * Table-driven: every row of the tables below is its own cmocka test, named
 * after its text, so a failure says which phrasing broke. The conventions
 * tested are the ones in docs/deadlines.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

/* ---- texts that parse to a range ---- */

struct ok_case {
	const char *text;
	int year;          /* the context year passed in */
	const char *first, *last;
};

static const struct ok_case ok_cases[] = {
	/* every deadline phrasing of the seed plan */
	{"2010年11月底完成", 0, "2010-11-21", "2010-11-30"},
	{"2010年11月底", 0, "2010-11-21", "2010-11-30"},
	{"2010年底前完成", 0, "2010-12-01", "2010-12-31"},
	{"2010年底前", 0, "2010-12-01", "2010-12-31"},
	{"2010年底完成", 0, "2010-12-01", "2010-12-31"},
	{"2010年底", 0, "2010-12-01", "2010-12-31"},
	{"2011年底前完成", 0, "2011-12-01", "2011-12-31"},
	{"2011年底完成", 0, "2011-12-01", "2011-12-31"},
	{"2011年完成", 0, "2011-01-01", "2011-12-31"},
	{"2011年", 0, "2011-01-01", "2011-12-31"},
	{"2010年完成", 0, "2010-01-01", "2010-12-31"},
	{"2010年12月完成", 0, "2010-12-01", "2010-12-31"},
	{"2010年12月", 0, "2010-12-01", "2010-12-31"},
	{"2010年10月完成", 0, "2010-10-01", "2010-10-31"},
	{"2010年10月", 0, "2010-10-01", "2010-10-31"},
	{"2010年9月底完成", 0, "2010-09-21", "2010-09-30"},
	{"2011年9月底完成", 0, "2011-09-21", "2011-09-30"},
	{"2011年6月底完成", 0, "2011-06-21", "2011-06-30"},
	{"2011年2月底前完成", 0, "2011-02-21", "2011-02-28"},
	{"2010年12月底前完成", 0, "2010-12-21", "2010-12-31"},
	{"2010年10月底完成", 0, "2010-10-21", "2010-10-31"},
	{"2010年10月底前", 0, "2010-10-21", "2010-10-31"},
	{"2011年11月底前", 0, "2011-11-21", "2011-11-30"},
	{"2010年10月中旬", 0, "2010-10-11", "2010-10-20"},
	{"12月中旬完成", 2010, "2010-12-11", "2010-12-20"},
	{"12月中旬", 2010, "2010-12-11", "2010-12-20"},
	{"11月初", 2010, "2010-11-01", "2010-11-10"},
	{"10月中旬", 2010, "2010-10-11", "2010-10-20"},
	{"10月底", 2010, "2010-10-21", "2010-10-31"},
	{"2010年10月至2010年底", 0, "2010-10-01", "2010-12-31"},
	{"2010年10月开始,至2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2011年1月至2011年6月底", 0, "2011-01-01", "2011-06-30"},
	{"2011年7月至2011年12月", 0, "2011-07-01", "2011-12-31"},
	{"今年底", 2010, "2010-12-01", "2010-12-31"},

	/* range separators */
	{"2010年10月开始，至2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月、2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月到2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月—2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月——2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月~2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月～2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月-2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"2010年10月 - 2011年12月", 0, "2010-10-01", "2011-12-31"},
	{"自2010年10月起至2011年12月止", 0, "2010-10-01", "2011-12-31"},
	{"从2010年10月开始到2011年底", 0, "2010-10-01", "2011-12-31"},
	{"2011年上半年至2011年下半年", 0, "2011-01-01", "2011-12-31"},

	/* the second part takes what it does not name from the first */
	{"2010年10月至12月", 0, "2010-10-01", "2010-12-31"},
	{"2010年10月至12月", 2015, "2010-10-01", "2010-12-31"},
	{"2010年10月至年底", 0, "2010-10-01", "2010-12-31"},
	{"10月至12月", 2010, "2010-10-01", "2010-12-31"},
	{"10月1日至15日", 2010, "2010-10-01", "2010-10-15"},
	{"10月至2011年2月", 2010, "2010-10-01", "2011-02-28"},
	{"2010年11月至2011年2月底", 0, "2010-11-01", "2011-02-28"},
	{"2010年10月至2010年10月10日", 0, "2010-10-01", "2010-10-10"},
	{"2010年10月至2010年10月", 0, "2010-10-01", "2010-10-31"},

	/* 旬 and its synonyms */
	{"2010年10月上旬", 0, "2010-10-01", "2010-10-10"},
	{"2010年10月下旬", 0, "2010-10-21", "2010-10-31"},
	{"2010年11月下旬", 0, "2010-11-21", "2010-11-30"},
	{"2010年10月初", 0, "2010-10-01", "2010-10-10"},
	{"2010年10月中", 0, "2010-10-11", "2010-10-20"},
	{"2010年10月末", 0, "2010-10-21", "2010-10-31"},
	{"2010年4月底", 0, "2010-04-21", "2010-04-30"},
	{"10月份", 2010, "2010-10-01", "2010-10-31"},

	/* the year */
	{"2010年末", 0, "2010-12-01", "2010-12-31"},
	{"2010年初", 0, "2010-01-01", "2010-01-31"},
	{"2010年中", 0, "2010-06-01", "2010-06-30"},
	{"2010年内", 0, "2010-01-01", "2010-12-31"},
	{"2010年全年", 0, "2010-01-01", "2010-12-31"},
	{"全年", 2010, "2010-01-01", "2010-12-31"},
	{"年内", 2010, "2010-01-01", "2010-12-31"},
	{"年内完成", 2010, "2010-01-01", "2010-12-31"},
	{"年底", 2011, "2011-12-01", "2011-12-31"},
	{"年底前完成", 2011, "2011-12-01", "2011-12-31"},
	{"年初", 2011, "2011-01-01", "2011-01-31"},
	{"明年底", 2010, "2011-12-01", "2011-12-31"},
	{"2010年11月底", 2099, "2010-11-21", "2010-11-30"},
	{"1900年", 0, "1900-01-01", "1900-12-31"},
	{"2999年底", 0, "2999-12-01", "2999-12-31"},

	/* quarters and halves */
	{"第一季度", 2011, "2011-01-01", "2011-03-31"},
	{"一季度", 2011, "2011-01-01", "2011-03-31"},
	{"第1季度", 2011, "2011-01-01", "2011-03-31"},
	{"2011年第二季度", 0, "2011-04-01", "2011-06-30"},
	{"2011年第三季度末", 0, "2011-09-01", "2011-09-30"},
	{"三季度末", 2011, "2011-09-01", "2011-09-30"},
	{"二〇一一年第三季度末", 0, "2011-09-01", "2011-09-30"},
	{"2011年第四季度", 0, "2011-10-01", "2011-12-31"},
	{"2011年4季度末", 0, "2011-12-01", "2011-12-31"},
	{"2011年第一季度初", 0, "2011-01-01", "2011-01-31"},
	{"2011年第三季度前完成", 0, "2011-07-01", "2011-09-30"},
	{"2011年Q2", 0, "2011-04-01", "2011-06-30"},
	{"Q3", 2011, "2011-07-01", "2011-09-30"},
	{"2011Q4", 0, "2011-10-01", "2011-12-31"},
	{"上半年", 2011, "2011-01-01", "2011-06-30"},
	{"下半年", 2011, "2011-07-01", "2011-12-31"},
	{"2011年上半年", 0, "2011-01-01", "2011-06-30"},
	{"2011年下半年完成", 0, "2011-07-01", "2011-12-31"},

	/* exact days */
	{"2011年10月10日", 0, "2011-10-10", "2011-10-10"},
	{"2011年10月10日前", 0, "2011-10-10", "2011-10-10"},
	{"2011年10月10日之前", 0, "2011-10-10", "2011-10-10"},
	{"2011年10月1号", 0, "2011-10-01", "2011-10-01"},
	{"10月10日", 2011, "2011-10-10", "2011-10-10"},
	{"10月10号", 2011, "2011-10-10", "2011-10-10"},

	/* ISO */
	{"2011-10-10", 0, "2011-10-10", "2011-10-10"},
	{"2011/10/10", 0, "2011-10-10", "2011-10-10"},
	{"2011.10.10", 0, "2011-10-10", "2011-10-10"},
	{"2011.10.10。", 0, "2011-10-10", "2011-10-10"},
	{"2011-10", 0, "2011-10-01", "2011-10-31"},
	{"2011/2", 0, "2011-02-01", "2011-02-28"},
	{"2011-1-5", 0, "2011-01-05", "2011-01-05"},
	{"2011-10-01至2011-12-31", 0, "2011-10-01", "2011-12-31"},
	{"2011-10-2011-12", 0, "2011-10-01", "2011-12-31"},
	{"2011-10-10前", 0, "2011-10-10", "2011-10-10"},

	/* Chinese and full-width numerals */
	{"二〇一〇年十一月", 0, "2010-11-01", "2010-11-30"},
	{"二零一零年十一月底", 0, "2010-11-21", "2010-11-30"},
	{"二○一○年十二月", 0, "2010-12-01", "2010-12-31"},
	{"二〇一一年十二月三十一日", 0, "2011-12-31", "2011-12-31"},
	{"二〇一一年一月二十一日", 0, "2011-01-21", "2011-01-21"},
	{"二〇一一年十月廿一日", 0, "2011-10-21", "2011-10-21"},
	{"二〇一一年三月三十日", 0, "2011-03-30", "2011-03-30"},
	{"二〇一一年十月十日", 0, "2011-10-10", "2011-10-10"},
	{"十月十日", 2011, "2011-10-10", "2011-10-10"},
	{"２０１０年１１月底", 0, "2010-11-21", "2010-11-30"},
	{"２０１１年１０月１０日", 0, "2011-10-10", "2011-10-10"},

	/* words and punctuation around the date */
	{"于2010年底前完成", 0, "2010-12-01", "2010-12-31"},
	{"在2010年11月底前完成", 0, "2010-11-21", "2010-11-30"},
	{"截至2010年12月31日", 0, "2010-12-31", "2010-12-31"},
	{"截止2010年底", 0, "2010-12-01", "2010-12-31"},
	{"截止到2010年底", 0, "2010-12-01", "2010-12-31"},
	{"到2010年底", 0, "2010-12-01", "2010-12-31"},
	{"2010年底以前", 0, "2010-12-01", "2010-12-31"},
	{"2010年底为止", 0, "2010-12-01", "2010-12-31"},
	{"2010年12月止", 0, "2010-12-01", "2010-12-31"},
	{"2010年10月内", 0, "2010-10-01", "2010-10-31"},
	{"2010年底结束", 0, "2010-12-01", "2010-12-31"},
	{"2010年底左右", 0, "2010-12-01", "2010-12-31"},
	{" 2010年11月底完成 ", 0, "2010-11-21", "2010-11-30"},
	{"\xE3\x80\x80" "2010年11月底完成\t\xE3\x80\x80", 0, "2010-11-21", "2010-11-30"},
	{"2010年 11月 底", 0, "2010-11-21", "2010-11-30"},
	{"2010年11月底完成。", 0, "2010-11-21", "2010-11-30"},
	{"2010年11月底完成，", 0, "2010-11-21", "2010-11-30"},
	{"2010年11月底完成,", 0, "2010-11-21", "2010-11-30"},
	{"2010年11月底完成.", 0, "2010-11-21", "2010-11-30"},

	/* leap years */
	{"2012年2月底", 0, "2012-02-21", "2012-02-29"},
	{"2011年2月底", 0, "2011-02-21", "2011-02-28"},
	{"2000年2月底", 0, "2000-02-21", "2000-02-29"},
	{"2100年2月底", 0, "2100-02-21", "2100-02-28"},
	{"2012年2月29日", 0, "2012-02-29", "2012-02-29"},
	{"2000年2月29日", 0, "2000-02-29", "2000-02-29"},
	{"2月29日", 2012, "2012-02-29", "2012-02-29"},
	{"二〇一二年二月二十九日", 0, "2012-02-29", "2012-02-29"},
	{"2012年2月", 0, "2012-02-01", "2012-02-29"},
};

static void test_ok(void **state)
{
	const struct ok_case *c = *state;
	campaign_deadline *d = NULL;
	int rc = campaign_deadline_parse(&d, c->text, c->year);

	if (rc != CAMPAIGN_OK)
		fail_msg("\"%s\" (year %d): %s", c->text, c->year, campaign_error_message());
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_OK);
	assert_non_null(d);
	assert_string_equal(campaign_deadline_text(d), c->text);
	assert_int_equal(campaign_deadline_is_open_ended(d), 0);
	assert_string_equal(campaign_deadline_first(d), c->first);
	assert_string_equal(campaign_deadline_last(d), c->last);
	campaign_deadline_free(d);
}

/* ---- texts that must be refused ---- */

struct err_case {
	const char *text;
	int year;
	const char *why;     /* a part of the message that says why */
	const char *quoted;  /* how the message quotes the text; NULL: the text itself */
};

static const struct err_case err_cases[] = {
	{"2010年13月底", 0, "month 13 is out of range", NULL},
	{"2010年0月", 0, "month 0 is out of range", NULL},
	{"2010年十三月", 0, "month 13 is out of range", NULL},
	{"2011-13-01", 0, "month 13 is out of range", NULL},
	{"2011年2月30日", 0, "day 30 is out of range for 2011-02", NULL},
	{"2月30日", 2012, "day 30 is out of range for 2012-02", NULL},
	{"2011年2月29日", 0, "not a leap year", NULL},
	{"2月29日", 2011, "day 29 is out of range", NULL},
	{"2100年2月29日", 0, "day 29 is out of range", NULL},
	{"2011年4月31日", 0, "day 31 is out of range", NULL},
	{"2011年10月0日", 0, "day 0 is out of range", NULL},
	{"2011-02-30", 0, "day 30 is out of range", NULL},
	{"2011年二月三十日", 0, "day 30 is out of range", NULL},
	{"", 0, "empty", NULL},
	{"   ", 0, "empty", NULL},
	{"明天吧", 2010, "unexpected \"明\"", NULL},
	{"尽快", 2010, "unexpected", NULL},
	{"2010年11月底完成了", 0, "了", NULL},
	{"12月中旬", 0, "needs a year", NULL},
	{"11月初", 0, "needs a year", NULL},
	{"年内", 0, "needs a year", NULL},
	{"年底", 0, "needs a year", NULL},
	{"第三季度", 0, "needs a year", NULL},
	{"上半年", 0, "needs a year", NULL},
	{"今年底", 0, "needs a year", NULL},
	{"10月至12月", 0, "needs a year", NULL},
	{"1899年底", 0, "year 1899 is out of range", NULL},
	{"3000年", 0, "year 3000 is out of range", NULL},
	{"10年11月", 0, "year 10 is out of range", NULL},
	{"12月", 1800, "year 1800 is out of range", NULL},
	{"季度末", 2011, "季度末 needs a quarter number", NULL},
	{"2011年季度末", 0, "季度末 needs a quarter number", NULL},
	{"第五季度", 2011, "quarter 5 is out of range", NULL},
	{"Q0", 2011, "quarter 0 is out of range", NULL},
	{"2010年底至2010年11月", 0, "before it starts", NULL},
	{"2011年12月至2011年1月", 0, "before it starts", NULL},
	{"2010年11月至2月", 0, "before it starts", NULL},
	{"2010年10月至", 0, "has no end", NULL},
	{"2010年10月—", 0, "has no end", NULL},
	{"至2010年底", 0, "has no start", NULL},
	{"2010年10月12月", 0, "expected the end", NULL},
	{"2011", 0, "after a number", NULL},
	{"2010年10月12", 0, "expected 日 after the day", NULL},
	{"年", 2010, "年 needs a number", NULL},
	{"十十月", 2010, "is not a number", NULL},
	{"二〇一〇〇年", 0, "is not a number", NULL},
	{"2010年10日", 0, "needs a month", NULL},
	{"15日", 2010, "needs a month", NULL},
	{"2010年上旬", 0, "上旬", NULL},
	{"长期坚持2010年底", 0, "expected the end", NULL},
	{"1234567年", 0, "too long", NULL},
	{"\xE5\xB9", 0, "not valid UTF-8", "\\xE5\\xB9"},
	{"2010\xC0\xAF", 0, "not valid UTF-8", "2010\\xC0\\xAF"},
	{"\xED\xA0\x80", 0, "not valid UTF-8", "\\xED\\xA0\\x80"},
};

static void test_err(void **state)
{
	const struct err_case *c = *state;
	campaign_deadline *d = NULL;
	const char *msg;
	int rc = campaign_deadline_parse(&d, c->text, c->year);

	if (rc == CAMPAIGN_OK)
		fail_msg("\"%s\" parsed as %s..%s", c->text, campaign_deadline_first(d),
		         campaign_deadline_last(d));
	assert_int_equal(rc, CAMPAIGN_EINVALID);
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_EINVALID);
	assert_null(d);
	msg = campaign_error_message();
	if (!strstr(msg, c->quoted ? c->quoted : c->text) || !strstr(msg, c->why))
		fail_msg("\"%s\": message \"%s\" lacks \"%s\"", c->text, msg, c->why);
}

/* ---- open-ended phrases ---- */

static const char *const open_cases[] = {
	"长期坚持", "长期", "持续推进", "持续", "立行立改", "常态化", "长期有效",
	"持续开展", "长效", "长期坚持。", " 长期坚持 ",
};

static void test_open(void **state)
{
	const char *text = *state;
	campaign_deadline *d = NULL;

	assert_int_equal(campaign_deadline_parse(&d, text, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_deadline_is_open_ended(d), 1);
	assert_null(campaign_deadline_first(d));
	assert_null(campaign_deadline_last(d));
	assert_string_equal(campaign_deadline_text(d), text);
	campaign_deadline_free(d);
}

/* ---- the public API around the parser ---- */

static void test_text_kept_byte_for_byte(void **state)
{
	static const char text[] = " 于2010年11月底前完成。\xE3\x80\x80";
	campaign_deadline *d = NULL;
	(void)state;

	assert_int_equal(campaign_deadline_parse(&d, text, 0), CAMPAIGN_OK);
	assert_ptr_not_equal(campaign_deadline_text(d), text);
	assert_memory_equal(campaign_deadline_text(d), text, sizeof text);
	campaign_deadline_free(d);
}

static void test_free_and_getters_accept_null(void **state)
{
	(void)state;
	campaign_deadline_free(NULL);
	assert_null(campaign_deadline_text(NULL));
	assert_null(campaign_deadline_first(NULL));
	assert_null(campaign_deadline_last(NULL));
	assert_int_equal(campaign_deadline_is_open_ended(NULL), 0);
}

static void test_out_untouched_on_error(void **state)
{
	static int marker;
	campaign_deadline *sentinel = (campaign_deadline *)&marker, *d = sentinel;
	(void)state;

	assert_int_equal(campaign_deadline_parse(&d, "2010年13月底", 0), CAMPAIGN_EINVALID);
	assert_ptr_equal(d, sentinel);
	assert_int_equal(campaign_deadline_parse(&d, "12月中旬", 0), CAMPAIGN_EINVALID);
	assert_ptr_equal(d, sentinel);
	assert_int_equal(campaign_deadline_parse(&d, NULL, 2010), CAMPAIGN_EINVALID);
	assert_ptr_equal(d, sentinel);
}

static void test_null_arguments(void **state)
{
	campaign_deadline *d = NULL;
	(void)state;

	assert_int_equal(campaign_deadline_parse(&d, NULL, 2010), CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(), "NULL"));
	assert_int_equal(campaign_deadline_parse(NULL, "2010年底", 0), CAMPAIGN_EINVALID);
	assert_null(d);
}

static void test_success_clears_the_error(void **state)
{
	campaign_deadline *d = NULL;
	(void)state;

	assert_int_equal(campaign_deadline_parse(&d, "明天吧", 0), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_deadline_parse(&d, "2010年底", 0), CAMPAIGN_OK);
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_OK);
	assert_string_equal(campaign_error_message(), "");
	campaign_deadline_free(d);
}

/* A text past the token limit is refused, and a long text is cut in the message. */
static void test_long_text(void **state)
{
	char text[3 * 400 + 1];
	campaign_deadline *d = NULL;
	size_t i;
	(void)state;

	for (i = 0; i < 400; i++)
		memcpy(text + 3 * i, "年", 3);
	text[sizeof text - 1] = '\0';
	assert_int_equal(campaign_deadline_parse(&d, text, 2010), CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(), "too long"));
	assert_non_null(strstr(campaign_error_message(), "年年年..."));
	assert_true(strlen(campaign_error_message()) < 400);
	assert_null(d);
}

/* Each parse gives its own object; freeing one leaves the other intact. */
static void test_independent_objects(void **state)
{
	campaign_deadline *a = NULL, *b = NULL;
	(void)state;

	assert_int_equal(campaign_deadline_parse(&a, "2010年11月底完成", 0), CAMPAIGN_OK);
	assert_int_equal(campaign_deadline_parse(&b, "长期坚持", 0), CAMPAIGN_OK);
	campaign_deadline_free(b);
	assert_string_equal(campaign_deadline_first(a), "2010-11-21");
	assert_string_equal(campaign_deadline_last(a), "2010-11-30");
	campaign_deadline_free(a);
}

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Names a row's test "<prefix> <text> [year]"; the caller frees it. */
static char *row_name(const char *prefix, const char *text, int year)
{
	size_t n = strlen(prefix) + strlen(text) + 32;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, year ? "%s \"%s\" (year %d)" : "%s \"%s\"", prefix, text, year);
	return s;
}

int main(void)
{
	static const struct CMUnitTest api[] = {
		cmocka_unit_test(test_text_kept_byte_for_byte),
		cmocka_unit_test(test_free_and_getters_accept_null),
		cmocka_unit_test(test_out_untouched_on_error),
		cmocka_unit_test(test_null_arguments),
		cmocka_unit_test(test_success_clears_the_error),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_independent_objects),
	};
	size_t n = COUNT(ok_cases) + COUNT(err_cases) + COUNT(open_cases) + COUNT(api), k = 0, i;
	struct CMUnitTest *tests = calloc(n, sizeof *tests);
	char **names = calloc(n, sizeof *names);
	int failed;

	if (!tests || !names)
		return 1;
	for (i = 0; i < COUNT(ok_cases); i++, k++) {
		names[k] = row_name("ok", ok_cases[i].text, ok_cases[i].year);
		tests[k] = (struct CMUnitTest){names[k], test_ok, NULL, NULL, (void *)&ok_cases[i]};
	}
	for (i = 0; i < COUNT(err_cases); i++, k++) {
		names[k] = row_name("error", err_cases[i].text, err_cases[i].year);
		tests[k] = (struct CMUnitTest){names[k], test_err, NULL, NULL, (void *)&err_cases[i]};
	}
	for (i = 0; i < COUNT(open_cases); i++, k++) {
		names[k] = row_name("open", open_cases[i], 0);
		tests[k] = (struct CMUnitTest){names[k], test_open, NULL, NULL, (void *)open_cases[i]};
	}
	for (i = 0; i < COUNT(api); i++, k++)
		tests[k] = api[i];
	failed = _cmocka_run_group_tests("deadline", tests, n, NULL, NULL);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(tests);
	return failed;
}
