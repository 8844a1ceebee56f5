/* A failed step is reported, never read as the end of the rows (issue 18):
 * one sqlite3_step() in turn is interrupted (a progress handler that stops
 * the Nth virtual-machine step only), and the call either succeeds with the
 * undisturbed result or fails with the interruption's error -- a YAML export
 * is never cut short (it was, before), and a re-import of an unchanged rule
 * set never stores a version again. (doc_version_latest's lookup itself is
 * too short for the handler to stop: SQLite calls it on loops only.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"

#define RULES CAMPAIGN_SOURCE_DIR "/examples/rules/leshan-2010.yaml"

static long calls, fail_at;

/* Stops the statement at its fail_at-th step only. */
static int interrupt_once(void *arg)
{
	(void)arg;
	return ++calls == fail_at;
}

static void arm(campaign_db *db, long at)
{
	calls = 0, fail_at = at;
	sqlite3_progress_handler(db->sql, 1, interrupt_once, NULL);
}

static void disarm(campaign_db *db)
{
	sqlite3_progress_handler(db->sql, 0, NULL, NULL);
}

static char *export_text(campaign_db *db, int *rc)
{
	campaign_buf *b = NULL;
	char *text = NULL;
	*rc = campaign_plan_export_yaml(&b, db, NULL);
	if (!*rc)
		text = strdup(campaign_buf_data(b));
	campaign_buf_free(b);
	return text;
}

static void test_export(void **state)
{
	campaign_db *db = *state;
	int rc, failures = 0;
	char *want = export_text(db, &rc);
	long n;
	assert_int_equal(rc, CAMPAIGN_OK);
	for (n = 1;; n += 1 + n / 64) {
		char *got;
		arm(db, n);
		got = export_text(db, &rc);
		disarm(db);
		if (calls < n) { /* the whole export ran before the Nth step */
			assert_int_equal(rc, CAMPAIGN_OK);
			assert_string_equal(got, want);
			free(got);
			break;
		}
		if (rc) {
			assert_int_equal(rc, CAMPAIGN_ERROR);
			assert_non_null(strstr(campaign_error_message(), "interrupted"));
			failures++;
		} else
			assert_string_equal(got, want);
		free(got);
	}
	assert_true(failures > 0);
	free(want);
}

static void test_unchanged_rules(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int rc, failures = 0;
	assert_int_equal(campaign_rules_import_file(db, NULL, RULES, "tester"), 1);
	for (long n = 1;; n++) {
		arm(db, n);
		rc = campaign_rules_import_file(db, NULL, RULES, "tester");
		disarm(db);
		if (rc != 1) {
			assert_int_equal(rc, CAMPAIGN_ERROR);
			failures++;
		}
		/* never a second version of the unchanged set */
		assert_int_equal(campaign_rulesets_query(&c, db, NULL), CAMPAIGN_OK);
		EXPECT_ROW(c, "id", "leshan-2010", "version", "1");
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
		campaign_cursor_free(c);
		if (calls < n)
			break;
	}
	assert_true(failures > 0);
}

TEST_MAIN("step_failure",
          STORE_TEST(test_export, open_seed),
          STORE_TEST(test_unchanged_rules, open_seed))
