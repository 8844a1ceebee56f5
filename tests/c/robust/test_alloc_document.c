/* Allocation failure in the plan document reader (issue 18): a text
 * document, a GB18030 one and a docx are read with one of the library's own
 * allocations failed at a time (the link wraps malloc, calloc and realloc of
 * the static library, tests/CMakeLists.txt; libxml2's and libzip's are not
 * reached), and the deadline parser alone. Each read returns CAMPAIGN_OK with exactly the undisturbed YAML
 * and report, or CAMPAIGN_ENOMEM with no output; the ASan pass checks leaks.
 * No store is opened, so a sweep is quick: CI fails every few allocations,
 * CAMPAIGN_ALLOC_EVERY=1 all of them. The inner header is included only so
 * that the test links the static library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"

#include "alloc_shim.h"

#define DOC(name) CAMPAIGN_SOURCE_DIR "/tests/data/document/" name

static int read_doc(const char *path, const char *encoding, campaign_buf **yaml, campaign_buf **report)
{
	campaign_document_options o = CAMPAIGN_DOCUMENT_OPTIONS_INIT;
	o.encoding = encoding;
	*yaml = *report = NULL;
	return campaign_plan_from_document(yaml, report, path, &o);
}

static void sweep(const char *path, const char *encoding)
{
	campaign_buf *want_yaml, *want_report, *yaml, *report;
	const char *every = getenv("CAMPAIGN_ALLOC_EVERY"), *at = getenv("CAMPAIGN_ALLOC_AT");
	long total, k, tried = 0;
	count = 0, fail_at = 0, armed = 1;
	assert_int_equal(read_doc(path, encoding, &want_yaml, &want_report), CAMPAIGN_OK);
	armed = 0;
	total = count;
	k = every ? atol(every) : total / 150 + 1;
	/* CAMPAIGN_ALLOC_AT=N fails the Nth allocation only (to debug one) */
	for (long n = at ? atol(at) : 1; n <= total + 1; n += at ? total + 1 : k < 1 ? 1 : k, tried++) {
		int rc;
		count = 0, fail_at = n, injected = 0, armed = 1;
		rc = read_doc(path, encoding, &yaml, &report);
		armed = 0;
		if (rc == CAMPAIGN_ENOMEM && injected) {
			if (yaml || report)
				fail_msg("%s, allocation %ld failed: ENOMEM with an output", path, n);
			continue;
		}
		if (rc != CAMPAIGN_OK)
			fail_msg("%s, allocation %ld failed: %s (%s)", path, n, campaign_error_name(rc), campaign_error_message());
		/* a failure the reader may absorb (a judgement it could not note) must not change the plan */
		if (strcmp(campaign_buf_data(yaml), campaign_buf_data(want_yaml)) && getenv("CAMPAIGN_ALLOC_DIFF"))
			fprintf(stderr, "---- want\n%s\n---- got\n%s\n", campaign_buf_data(want_yaml), campaign_buf_data(yaml));
		if (strcmp(campaign_buf_data(yaml), campaign_buf_data(want_yaml)))
			fail_msg("%s, allocation %ld failed: OK with another YAML", path, n);
		if (!injected && strcmp(campaign_buf_data(report), campaign_buf_data(want_report)))
			fail_msg("%s, undisturbed: another report", path);
		campaign_buf_free(yaml);
		campaign_buf_free(report);
	}
	printf("%s: %ld allocations, %ld of them failed in turn\n", path, total, tried);
	campaign_buf_free(want_yaml);
	campaign_buf_free(want_report);
}

/* The deadline parser's own allocations (a recurrence's occurrences), every one failed in turn. */
static void test_deadline(void **state)
{
	static const char *const texts[] = {"每季度结束后10日内", "每月25日前", "2010年10月底前完成", "2011年上半年"};
	(void)state;
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		campaign_deadline *want, *d;
		long total;
		count = 0, fail_at = 0, armed = 1;
		assert_int_equal(campaign_deadline_parse(&want, texts[t], 2010), CAMPAIGN_OK);
		armed = 0, total = count;
		for (long n = 1; n <= total + 1; n++) {
			int rc;
			d = NULL;
			count = 0, fail_at = n, injected = 0, armed = 1;
			rc = campaign_deadline_parse(&d, texts[t], 2010);
			armed = 0;
			if (rc == CAMPAIGN_ENOMEM && injected) {
				assert_null(d);
				continue;
			}
			if (rc != CAMPAIGN_OK)
				fail_msg("%s, allocation %ld failed: %s (%s)", texts[t], n, campaign_error_name(rc),
				         campaign_error_message());
			assert_int_equal(campaign_deadline_occurrence_count(d), campaign_deadline_occurrence_count(want));
			assert_string_equal(campaign_deadline_first(d), campaign_deadline_first(want));
			assert_string_equal(campaign_deadline_last(d), campaign_deadline_last(want));
			campaign_deadline_free(d);
		}
		printf("%s: %ld allocations, each failed in turn\n", texts[t], total);
		campaign_deadline_free(want);
	}
}

static void test_text(void **state) { (void)state, sweep(DOC("leshan-2010.txt"), NULL); }
static void test_gb18030(void **state) { (void)state, sweep(DOC("county-2012.gb18030.txt"), "gb18030"); }
static void test_docx(void **state) { (void)state, sweep(DOC("seed.docx"), NULL); }

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_deadline), cmocka_unit_test(test_text), cmocka_unit_test(test_gb18030),
	                                   cmocka_unit_test(test_docx)};
	return cmocka_run_group_tests_name("robust.alloc_document", tests, NULL, NULL);
}
