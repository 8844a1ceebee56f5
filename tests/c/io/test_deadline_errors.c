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

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_refused)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
