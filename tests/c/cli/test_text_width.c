/* The tool's display widths (cli/text.c, from utf8proc): what a terminal
 * draws, cell by cell. Built with the static library (core/core.h) for its
 * utf8proc link. */
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"
#include "../../../cli/text.c"

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("监察室"), 6);           /* wide: two cells each */
	assert_int_equal(text_width("（ｊ）"), 6);           /* fullwidth forms */
	assert_int_equal(text_width("e\xcc\x81"), 1);        /* e + U+0301 combining acute: one cell */
	assert_int_equal(text_width("\xe2\x80\x8b"), 0);     /* U+200B zero width space */
	assert_int_equal(text_width("\xe2\x80\x9c" "a" "\xe2\x80\x9d"), 3); /* “a”: ambiguous, narrow by default */
	assert_int_equal(text_width("\xe2\x91\xa0"), 1);     /* ① */
	assert_int_equal(text_width("\xff"), 1);             /* a bad byte: one cell */
	assert_int_equal(text_width(""), 0);
}

static void test_cut(void **state)
{
	const char *s = "利用科e\xcc\x81x";
	(void)state;
	assert_string_equal(text_cut(s, 4), "科e\xcc\x81x");   /* two wide characters */
	assert_string_equal(text_cut(s, 5), "科e\xcc\x81x");   /* half a wide character does not fit */
	assert_string_equal(text_cut(s, 7), "x");             /* the mark stays with its e */
	assert_string_equal(text_cut(s, 1), "用科e\xcc\x81x"); /* at least one character */
}

/* CAMPAIGN_AMBIGUOUS_WIDTH=2: a terminal set to draw them wide (read once, so its own process) */
static void test_ambiguous_wide(void **state)
{
	(void)state;
	assert_int_equal(system("CAMPAIGN_AMBIGUOUS_WIDTH=2 ./test_text_width --ambiguous 2>/dev/null"), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_widths), cmocka_unit_test(test_cut),
	                                   cmocka_unit_test(test_ambiguous_wide)};
	if (argc == 2 && !strcmp(argv[1], "--ambiguous"))
		return text_width("\xe2\x80\x9c" "a" "\xe2\x80\x9d") == 5 && text_width("\xc3\x97") == 2 ? 0 : 1;
	return cmocka_run_group_tests_name("text_width", tests, NULL, NULL);
}
