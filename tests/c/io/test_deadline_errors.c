/* Deadline texts the parser refuses (issue 18, coverage): quarters without a
 * number, spans and "days after" out of range, each with the exact message. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void refused(const char *text, const char *why)
{
	campaign_deadline *d = NULL;
	char want[512];
	snprintf(want, sizeof want, "invalid deadline \"%s\": %s", text, why);
	assert_int_equal(campaign_deadline_parse(&d, text, 2010), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), want);
	assert_null(d);
}

static void test_refused(void **state)
{
	(void)state;
	refused("2010年Q", "Q needs a quarter number (Q1..Q4), found the end of the text");
	refused("2010年第季度", "季度 needs a quarter number (第N季度)");
	refused("2010年第一", "cannot read \"一\": expected a quarter (第N季度), found \"一\"");
	refused("2010年10月起0日内", "a span of 0 is out of range (1..1200)");
	refused("2010年10月起1300日内", "a span of 1300 is out of range (1..1200)");
	refused("每季度结束后400日内", "400 days after is out of range (1..366)");
	refused("每季度结束后0日内", "0 days after is out of range (1..366)");
}

/* A recurrence's period from the options: the first day alone runs to the end of its year; a period that
   ends before it starts is refused */
static void test_period_options(void **state)
{
	campaign_deadline_read_options o = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;
	campaign_deadline *d = NULL;
	(void)state;
	o.period_first = "2010-10-01";
	assert_int_equal(campaign_deadline_read(&d, "每月25日前", &o), CAMPAIGN_OK);
	assert_int_equal(campaign_deadline_occurrence_count(d), 3);
	assert_string_equal(campaign_deadline_occurrence_last(d, 0), "2010-10-25");
	assert_string_equal(campaign_deadline_occurrence_last(d, 2), "2010-12-25");
	campaign_deadline_free(d);
	d = NULL;
	o.period_first = "2011-03-01", o.period_last = "2011-01-31";
	assert_int_equal(campaign_deadline_read(&d, "每月25日前", &o), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "invalid deadline \"每月25日前\": the period ends before it starts");
	assert_null(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_refused), cmocka_unit_test(test_period_options)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
