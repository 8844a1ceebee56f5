/* Tests of the phrasings other bureaus write (docs/deadlines.md): starts,
 * relative years, combined thirds, ranges sharing a unit, holidays, times of
 * day, recurrences with their occurrences, and the exact errors, through
 * campaign_deadline_read() with its context. Each table is one test that
 * names the row that broke. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Reads @text with the context; fails the test naming the text on error. */
static campaign_deadline *read_ok(const char *text, int year, const char *from, const char *pf, const char *pl)
{
	campaign_deadline_read_options o = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;
	campaign_deadline *d = NULL;

	o.year = year;
	o.from_date = from;
	o.period_first = pf;
	o.period_last = pl;
	if (campaign_deadline_read(&d, text, &o) != CAMPAIGN_OK)
		fail_msg("\"%s\": %s", text, campaign_error_message());
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_OK);
	assert_string_equal(campaign_deadline_text(d), text);
	return d;
}

static void expect_date(const char *text, const char *what, const char *got, const char *want)
{
	if (!want && got)
		fail_msg("\"%s\": %s is %s, expected none", text, what, got);
	if (want && (!got || strcmp(got, want) != 0))
		fail_msg("\"%s\": %s is %s, expected %s", text, what, got ? got : "NULL", want);
}

/* ---- ranges and starts ---- */

struct form {
	const char *text;
	int year;
	const char *from;   /* the context date, or "" */
	int kind;
	const char *first, *last; /* last "" for none */
};

#define R CAMPAIGN_DEADLINE_RANGE
#define S CAMPAIGN_DEADLINE_START

static const struct form forms[] = {
	/* starts: from X on, or a range from X (or the context date) to Y */
	{"2010年10月1日起", 0, "", S, "2010-10-01", ""},
	{"自2010年10月1日起", 0, "", S, "2010-10-01", ""},
	{"2010年10月起", 0, "", S, "2010-10-01", ""},
	{"2010年10月开始", 0, "", S, "2010-10-01", ""},
	{"自2010年10月1日起施行", 0, "", S, "2010-10-01", ""},
	{"即日起", 0, "2010-10-15", S, "2010-10-15", ""},
	{"自即日起", 2010, "", S, "2010-01-01", ""},
	{"即日起至2011年6月30日", 0, "2010-10-15", R, "2010-10-15", "2011-06-30"},
	{"从今起至2010年底", 0, "2010-10-15", R, "2010-10-15", "2010-12-31"},
	{"从即日起到12月31日止", 0, "2010-10-15", R, "2010-10-15", "2010-12-31"},
	{"2010年10月起至2011年6月", 0, "", R, "2010-10-01", "2011-06-30"},
	{"2010年10月10日以后", 0, "", S, "2010-10-11", ""},
	{"即日起30日内", 0, "2010-11-15", R, "2010-11-15", "2010-12-14"},
	{"自2010年10月1日起3个月内", 0, "", R, "2010-10-01", "2010-12-31"},
	{"2011年1月31日起1个月内", 0, "", R, "2011-01-31", "2011-02-28"},
	/* relative years */
	{"今年底", 2010, "", R, "2010-12-01", "2010-12-31"},
	{"本年度", 2010, "", R, "2010-01-01", "2010-12-31"},
	{"本年度内", 2010, "", R, "2010-01-01", "2010-12-31"},
	{"明年6月底", 2010, "", R, "2011-06-21", "2011-06-30"},
	{"次年3月", 2010, "", R, "2011-03-01", "2011-03-31"},
	{"翌年上半年", 2010, "", R, "2011-01-01", "2011-06-30"},
	{"上年度", 2010, "", R, "2009-01-01", "2009-12-31"},
	{"2010年10月至次年6月", 0, "", R, "2010-10-01", "2011-06-30"},
	{"2010年10月至明年3月", 0, "", R, "2010-10-01", "2011-03-31"},
	{"12月中旬", 0, "2010-10-15", R, "2010-12-11", "2010-12-20"},
	{"本月底前", 0, "2010-12-15", R, "2010-12-21", "2010-12-31"},
	{"下月10日前", 0, "2010-12-15", R, "2011-01-10", "2011-01-10"},
	/* combined thirds, half edges */
	{"12月上中旬", 2010, "", R, "2010-12-01", "2010-12-20"},
	{"2011年2月中下旬", 0, "", R, "2011-02-11", "2011-02-28"},
	{"2011年上半年末", 0, "", R, "2011-06-01", "2011-06-30"},
	/* ranges with dashes or 至/到, the first end borrowing the unit */
	{"1—6月", 2011, "", R, "2011-01-01", "2011-06-30"},
	{"10月-12月", 2010, "", R, "2010-10-01", "2010-12-31"},
	{"2011年1月至6月", 0, "", R, "2011-01-01", "2011-06-30"},
	{"2011年11月--2011年12月", 0, "", R, "2011-11-01", "2011-12-31"},
	{"一至六月", 2011, "", R, "2011-01-01", "2011-06-30"},
	{"3-5月份", 2011, "", R, "2011-03-01", "2011-05-31"},
	{"2011年1-6月", 0, "", R, "2011-01-01", "2011-06-30"},
	{"一至三季度", 2011, "", R, "2011-01-01", "2011-09-30"},
	{"10月1-15日", 2010, "", R, "2010-10-01", "2010-10-15"},
	{"2010.10-2011.12", 0, "", R, "2010-10-01", "2011-12-31"},
	/* 年度 全年 元月 正月 号, times of day, dotted and slashed dates */
	{"2011年度", 0, "", R, "2011-01-01", "2011-12-31"},
	{"全年", 2011, "", R, "2011-01-01", "2011-12-31"},
	{"2011年元月", 0, "", R, "2011-01-01", "2011-01-31"},
	{"正月底", 2011, "", R, "2011-01-21", "2011-01-31"},
	{"元月10号前", 2011, "", R, "2011-01-10", "2011-01-10"},
	{"2011年6月30日24时前", 0, "", R, "2011-06-30", "2011-06-30"},
	{"2011年6月30日17:00前", 0, "", R, "2011-06-30", "2011-06-30"},
	{"2011年6月30日17：30前", 0, "", R, "2011-06-30", "2011-06-30"},
	{"6月30日下午5时前", 2011, "", R, "2011-06-30", "2011-06-30"},
	{"6月30日下午5时30分前", 2011, "", R, "2011-06-30", "2011-06-30"},
	{"2011.6.30", 0, "", R, "2011-06-30", "2011-06-30"},
	{"2011/6/30前", 0, "", R, "2011-06-30", "2011-06-30"},
	{"2011.06", 0, "", R, "2011-06-01", "2011-06-30"},
	{"6.30前", 2011, "", R, "2011-06-30", "2011-06-30"},
	{"２０１１年６月３０日前", 0, "", R, "2011-06-30", "2011-06-30"},
	{"二〇一一年元月底", 0, "", R, "2011-01-21", "2011-01-31"},
	/* a word said twice, 年终, lists with 、 */
	{"2010年年底前完成", 0, "", R, "2010-12-01", "2010-12-31"},
	{"今年年底", 2010, "", R, "2010-12-01", "2010-12-31"},
	{"12月月底", 2010, "", R, "2010-12-21", "2010-12-31"},
	{"2010年终", 0, "", R, "2010-12-01", "2010-12-31"},
	{"2011年第一、二季度", 0, "", R, "2011-01-01", "2011-06-30"},
	{"第一至第三季度", 2011, "", R, "2011-01-01", "2011-09-30"},
	{"12月31日下午", 2010, "", R, "2010-12-31", "2010-12-31"},
	{"2010年12月31日前（含）", 0, "", R, "2010-12-31", "2010-12-31"},
	{"12月10日（星期五）前", 2010, "", R, "2010-12-10", "2010-12-10"},
	{"2011年6月底后10日内", 0, "", R, "2011-07-01", "2011-07-10"},
	{"本季度末", 0, "2010-11-15", R, "2010-12-01", "2010-12-31"},
	{"下季度", 0, "2010-11-15", R, "2011-01-01", "2011-03-31"},
	{"上一季度", 0, "2010-11-15", R, "2010-07-01", "2010-09-30"},
	{"不迟于2011年6月30日", 0, "", R, "2011-06-30", "2011-06-30"},
	{"力争2011年底前完成", 0, "", R, "2011-12-01", "2011-12-31"},
	{"2011年6月底前须完成", 0, "", R, "2011-06-21", "2011-06-30"},
	/* holidays: 前 is the eve; 后 starts the day after */
	{"2011年春节前", 0, "", R, "2011-02-02", "2011-02-02"},
	{"春节前", 2010, "", R, "2010-02-13", "2010-02-13"},
	{"2011年元旦前", 0, "", R, "2010-12-31", "2010-12-31"},
	{"国庆节前", 2010, "", R, "2010-09-30", "2010-09-30"},
	{"国庆前完成", 2010, "", R, "2010-09-30", "2010-09-30"},
	{"五一前", 2011, "", R, "2011-04-30", "2011-04-30"},
	{"2010年中秋前", 0, "", R, "2010-09-21", "2010-09-21"},
	{"中秋节前", 2011, "", R, "2011-09-11", "2011-09-11"},
	{"2011年端午节前", 0, "", R, "2011-06-05", "2011-06-05"},
	{"2011年元宵节", 0, "", R, "2011-02-17", "2011-02-17"},
	{"2011年春节", 0, "", R, "2011-02-03", "2011-02-03"},
	{"2011年春节前夕", 0, "", R, "2011-02-02", "2011-02-02"},
	{"2011年农历春节前", 0, "", R, "2011-02-02", "2011-02-02"},
	{"“五一”前", 2011, "", R, "2011-04-30", "2011-04-30"},
	{"五·一前", 2011, "", R, "2011-04-30", "2011-04-30"},
	{"十一前", 2010, "", R, "2010-09-30", "2010-09-30"},
	{"1990年春节", 0, "", R, "1990-01-27", "1990-01-27"},
	{"2050年中秋", 0, "", R, "2050-09-30", "2050-09-30"},
	/* after a holiday: a start from the next day */
	{"2011年春节后", 0, "", S, "2011-02-04", ""},
	{"2010年国庆节后", 0, "", S, "2010-10-02", ""},
	{"2010年十一后", 0, "", S, "2010-10-02", ""},
};

static void test_forms(void **state)
{
	size_t i;
	(void)state;

	for (i = 0; i < COUNT(forms); i++) {
		const struct form *f = &forms[i];
		const char *last = *f->last ? f->last : NULL;
		campaign_deadline *d = read_ok(f->text, f->year, *f->from ? f->from : NULL, NULL, NULL);

		if (campaign_deadline_kind(d) != f->kind)
			fail_msg("\"%s\": kind %d, expected %d", f->text, campaign_deadline_kind(d), f->kind);
		expect_date(f->text, "first", campaign_deadline_first(d), f->first);
		expect_date(f->text, "last", campaign_deadline_last(d), last);
		assert_int_equal(campaign_deadline_occurrence_count(d), 1);
		expect_date(f->text, "occurrence 0 first", campaign_deadline_occurrence_first(d, 0), f->first);
		expect_date(f->text, "occurrence 0 last", campaign_deadline_occurrence_last(d, 0), last);
		assert_null(campaign_deadline_occurrence_first(d, 1));
		assert_null(campaign_deadline_rule(d));
		assert_int_equal(campaign_deadline_is_open_ended(d), f->kind == S);
		campaign_deadline_free(d);
	}
}

/* ---- recurrences ---- */

struct recurrence {
	const char *text;
	int year;
	const char *pf, *pl;  /* the period, or NULL */
	const char *rule;
	int count;
	const char *days; /* "FIRST LAST [FIRST1 LAST1]": the span, and occurrence 1 if any; "" for none */
};

static const struct recurrence recurrences[] = {
	{"每月5日前", 0, "2010-10-01", "2011-12-31", "monthly: day 5", 15, "2010-10-05 2011-12-05 2010-11-05 2010-11-05"},
	{"每月底", 2011, NULL, NULL, "monthly: days 21..end", 12, "2011-01-21 2011-12-31 2011-02-21 2011-02-28"},
	{"每个月", 2011, NULL, NULL, "monthly: the whole month", 12, "2011-01-01 2011-12-31 2011-02-01 2011-02-28"},
	{"每月31日", 2011, NULL, NULL, "monthly: day 31 (or the last day of a shorter month)", 12, "2011-01-31 2011-12-31 2011-02-28 2011-02-28"},
	{"每月上中旬", 2011, NULL, NULL, "monthly: days 1..20", 12, "2011-01-01 2011-12-20 2011-02-01 2011-02-20"},
	{"每季度末", 0, "2010-10-01", "2011-12-31", "quarterly: its last month", 5, "2010-12-01 2011-12-31 2011-03-01 2011-03-31"},
	{"每季度", 2011, NULL, NULL, "quarterly: the whole quarter", 4, "2011-01-01 2011-12-31 2011-04-01 2011-06-30"},
	{"2011年每季度初", 0, NULL, NULL, "quarterly: its first month", 4, "2011-01-01 2011-10-31 2011-04-01 2011-04-30"},
	{"每半年", 0, "2010-10-01", "2011-12-31", "half-yearly: the whole half", 3, "2010-07-01 2011-12-31 2011-01-01 2011-06-30"},
	{"每年", 0, "2010-10-01", "2011-12-31", "yearly: the whole year", 2, "2010-01-01 2011-12-31 2011-01-01 2011-12-31"},
	{"每年底前", 0, "2010-10-01", "2011-12-31", "yearly: 年底", 2, "2010-12-01 2011-12-31 2011-12-01 2011-12-31"},
	{"每年6月底前", 0, "2010-10-01", "2011-12-31", "yearly: 6月底", 1, "2011-06-21 2011-06-30"},
	{"每年元旦前", 0, "2010-10-01", "2011-12-31", "yearly: 元旦前", 2, "2010-12-31 2011-12-31 2011-12-31 2011-12-31"},
	{"每年春节前", 0, "2010-10-01", "2011-12-31", "yearly: 春节前", 1, "2011-02-02 2011-02-02"},
	{"每周五", 0, "2010-10-01", "2010-10-31", "weekly: Friday", 5, "2010-10-01 2010-10-29 2010-10-08 2010-10-08"},
	{"每星期一前", 0, "2010-10-01", "2010-10-31", "weekly: Monday", 4, "2010-10-04 2010-10-25 2010-10-11 2010-10-11"},
	{"每周日", 0, "2010-10-01", "2010-10-31", "weekly: Sunday", 5, "2010-10-03 2010-10-31 2010-10-10 2010-10-10"},
	{"每周", 0, "2010-10-01", "2010-10-31", "weekly: the whole week (Monday..Sunday)", 5, "2010-09-27 2010-10-31 2010-10-04 2010-10-10"},
	{"2010年10月至12月每月10日前", 0, NULL, NULL, "monthly: day 10", 3, "2010-10-10 2010-12-10 2010-11-10 2010-11-10"},
	{"每月5日前", 0, "2010-10-06", "2010-10-31", "monthly: day 5", 0, ""},
	{"每季度末", 0, NULL, NULL, "quarterly: its last month", 0, ""},
	{"每季结束后10日内", 0, "2010-10-01", "2011-03-31", "quarterly: the whole quarter; the 10 days after it", 2, "2010-10-01 2011-01-10 2011-01-01 2011-01-10"},
	{"每周五后3天内", 0, "2010-10-01", "2010-10-31", "weekly: Friday; the 3 days after it", 4, "2010-10-02 2010-10-25 2010-10-09 2010-10-11"},
	{"2010年11月起每月5日前", 0, NULL, "2011-02-28", "monthly: day 5", 4, "2010-11-05 2011-02-05 2010-12-05 2010-12-05"},
	{"每一季度", 2011, NULL, NULL, "quarterly: the whole quarter", 4, "2011-01-01 2011-12-31 2011-04-01 2011-06-30"},
	{"每月月底", 2011, NULL, NULL, "monthly: days 21..end", 12, "2011-01-21 2011-12-31 2011-02-21 2011-02-28"},
	{"每周五下午5时前", 0, "2010-10-01", "2010-10-31", "weekly: Friday", 5, "2010-10-01 2010-10-29 2010-10-08 2010-10-08"},
};

static void test_recurrences(void **state)
{
	size_t i;
	(void)state;

	for (i = 0; i < COUNT(recurrences); i++) {
		const struct recurrence *r = &recurrences[i];
		campaign_deadline *d = read_ok(r->text, r->year, NULL, r->pf, r->pl);
		int n = campaign_deadline_occurrence_count(d);
		char days[4][11] = {"", "", "", ""};
		int nd = sscanf(r->days, "%10s %10s %10s %10s", days[0], days[1], days[2], days[3]);

		assert_int_equal(campaign_deadline_kind(d), CAMPAIGN_DEADLINE_RECURRING);
		assert_int_equal(campaign_deadline_is_open_ended(d), 0);
		if (!campaign_deadline_rule(d) || strcmp(campaign_deadline_rule(d), r->rule) != 0)
			fail_msg("\"%s\": rule \"%s\", expected \"%s\"", r->text, campaign_deadline_rule(d), r->rule);
		if (n != r->count)
			fail_msg("\"%s\": %d occurrences, expected %d", r->text, n, r->count);
		expect_date(r->text, "first", campaign_deadline_first(d), nd >= 2 ? days[0] : NULL);
		expect_date(r->text, "last", campaign_deadline_last(d), nd >= 2 ? days[1] : NULL);
		expect_date(r->text, "occurrence 0 first", campaign_deadline_occurrence_first(d, 0), nd >= 2 ? days[0] : NULL);
		expect_date(r->text, "occurrence 1 first", campaign_deadline_occurrence_first(d, 1), nd == 4 ? days[2] : NULL);
		expect_date(r->text, "occurrence 1 last", campaign_deadline_occurrence_last(d, 1), nd == 4 ? days[3] : NULL);
		if (n > 0)
			expect_date(r->text, "the last occurrence's last", campaign_deadline_occurrence_last(d, n - 1), days[1]);
		assert_null(campaign_deadline_occurrence_first(d, n));
		assert_null(campaign_deadline_occurrence_last(d, -1));
		campaign_deadline_free(d);
	}
}

/* The old entry point lists a recurrence in its year, and keeps every old form. */
static void test_parse_is_read_with_a_year(void **state)
{
	campaign_deadline *d = NULL;
	(void)state;

	assert_int_equal(campaign_deadline_parse(&d, "每季度末", 2011), CAMPAIGN_OK);
	assert_int_equal(campaign_deadline_occurrence_count(d), 4);
	assert_string_equal(campaign_deadline_first(d), "2011-03-01");
	assert_string_equal(campaign_deadline_last(d), "2011-12-31");
	campaign_deadline_free(d);
	assert_int_equal(campaign_deadline_parse(&d, "长期坚持", 0), CAMPAIGN_OK);
	assert_int_equal(campaign_deadline_kind(d), CAMPAIGN_DEADLINE_OPEN_ENDED);
	assert_int_equal(campaign_deadline_occurrence_count(d), 0);
	assert_null(campaign_deadline_occurrence_first(d, 0));
	campaign_deadline_free(d);
	assert_int_equal(campaign_deadline_read(&d, "2010年11月底完成", NULL), CAMPAIGN_OK);
	assert_string_equal(campaign_deadline_first(d), "2010-11-21");
	campaign_deadline_free(d);
	assert_int_equal(campaign_deadline_kind(NULL), CAMPAIGN_DEADLINE_RANGE);
	assert_int_equal(campaign_deadline_occurrence_count(NULL), 0);
	assert_null(campaign_deadline_rule(NULL));
}

/* ---- errors: the exact message ---- */

struct refusal {
	const char *text;
	int year;
	const char *pf;
	const char *why; /* the message after `invalid deadline "<text>": ` */
};

static const struct refusal refusals[] = {
	/* the part that cannot be read */
	{"2011年x月底", 0, NULL, "cannot read \"x月底\" (unexpected \"x\")"},
	{"2011年6月底报告", 0, NULL, "cannot read \"报告\" (unexpected \"报\")"},
	{"2011年6月底了", 0, NULL, "cannot read \"了\" (unexpected \"了\")"},
	{"2011年6月底完成月", 0, NULL, "cannot read \"月\": expected the end of the deadline, found \"月\""},
	/* impossible dates and times */
	{"2011年2月30日起", 0, NULL, "day 30 is out of range for 2011-02"},
	{"2011年13月起", 0, NULL, "month 13 is out of range"},
	{"1—13月", 2011, NULL, "month 13 is out of range"},
	{"13-14月", 2011, NULL, "month 13 is out of range"},
	{"五至三季度", 2011, NULL, "quarter 5 is out of range"},
	{"6月底至3月", 2011, NULL, "the range ends (2011-03-31) before it starts (2011-06-21)"},
	{"2011年6月30日25时", 0, NULL, "hour 25 is out of range (0..24)"},
	{"2011年6月30日17:60", 0, NULL, "minute 60 is out of range (0..59)"},
	/* holidays */
	{"2051年春节前", 0, NULL, "the Chinese calendar is known for 1990..2050, not for 2051"},
	{"节后", 2011, NULL, "\"节后\" names no holiday: write 春节后, 国庆节后 ..."},
	/* a context the text needs and was not given */
	{"春节前", 0, NULL, "needs a year: the text names none, and none was given"},
	{"明年", 0, NULL, "needs a year: 今年/明年/次年/上年 are relative to a year, and none was given"},
	{"即日起", 0, NULL, "needs a date: 即日/今 is the context date, and none was given"},
	/* recurrences */
	{"每月32日", 2011, NULL, "day 32 is out of range (1..31)"},
	{"每周八", 2011, NULL, "weekday 8 is out of range (1..7)"},
	{"每天", 2011, NULL, "cannot read \"天\": expected 月, 季度, 半年, 年 or 周 after 每, found \"天\""},
	{"2011年6月底（暂定）", 0, NULL, "cannot read \"暂定）\" (unexpected \"暂\")"},
	{"2011年6月底（星期五", 0, NULL, "expected 含 or a weekday between the brackets, found the end of the text"},
	{"每", 2011, NULL, "expected 月, 季度, 半年, 年 or 周 after 每, found the end of the text"},
	{"每年2011年6月", 0, NULL, "每年 recurs every year: what follows it names no year"},
	{"每月5日前", 0, "2011-02-30", "the period's first day \"2011-02-30\" is not a date (YYYY-MM-DD)"},
};

static void test_refusals(void **state)
{
	campaign_deadline_read_options o = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;
	static int marker;
	char message[512];
	size_t i;
	(void)state;

	for (i = 0; i < COUNT(refusals); i++) {
		campaign_deadline *sentinel = (campaign_deadline *)&marker, *d = sentinel;
		int rc;

		o.year = refusals[i].year;
		o.period_first = refusals[i].pf;
		rc = campaign_deadline_read(&d, refusals[i].text, &o);
		if (rc == CAMPAIGN_OK)
			fail_msg("\"%s\" was read as %s..%s", refusals[i].text, campaign_deadline_first(d),
			         campaign_deadline_last(d));
		assert_int_equal(rc, CAMPAIGN_EINVALID);
		assert_ptr_equal(d, sentinel);
		snprintf(message, sizeof message, "invalid deadline \"%s\": %s", refusals[i].text, refusals[i].why);
		if (strcmp(campaign_error_message(), message) != 0)
			fail_msg("\"%s\": message\n  %s\nexpected\n  %s", refusals[i].text, campaign_error_message(),
			         message);
	}
}

static void test_options_checked(void **state)
{
	campaign_deadline_read_options o;
	campaign_deadline *d = NULL;
	(void)state;

	assert_int_equal(campaign_deadline_read_options_init(&o, 99), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_deadline_read_options_init(&o, CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION), CAMPAIGN_OK);
	assert_int_equal(o.year, 0);
	assert_null(o.from_date);
	o.version = 7;
	assert_int_equal(campaign_deadline_read(&d, "2010年底", &o), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "campaign_deadline_read_options: unknown version 7 (this library knows 1)");
	assert_null(d);
	assert_int_equal(campaign_deadline_read(NULL, "2010年底", NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_deadline_read: out is NULL");
	o.version = CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION;
	o.from_date = "2010/10/01";
	assert_int_equal(campaign_deadline_read(&d, "即日起", &o), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "invalid deadline \"即日起\": the context date \"2010/10/01\" is not a date (YYYY-MM-DD)");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_recurrences),
		cmocka_unit_test(test_parse_is_read_with_a_year),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_options_checked),
	};
	return cmocka_run_group_tests_name("deadline forms", tests, NULL, NULL);
}
