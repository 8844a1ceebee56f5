/* Plan import and export: every bad input in tests/data is refused with
 * file:line:column and leaves the store unchanged; export re-imports to an
 * identical model; conflicts, replacement and arguments. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

/* The expectation a bad file carries in its last line: "# expect: CODE MESSAGE". */
static int read_expectation(const char *path, char *code, char *msg, size_t n)
{
	char line[2048], last[2048] = "";
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "# expect: ", 10))
			strcpy(last, line + 10);
	fclose(f);
	last[strcspn(last, "\n")] = '\0';
	if (!*last)
		return 0;
	sscanf(last, "%31s", code);
	snprintf(msg, n, "%s", strchr(last, ' ') + 1);
	return 1;
}

static int bad_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 5 && !strcmp(e->d_name + n - 5, ".yaml");
}

static void test_bad_inputs_refused_store_unchanged(void **state)
{
	struct dirent **list;
	campaign_db *db = open_seed();
	char *before = dump_store(db);
	int n = scandir(TEST_DATA(""), &list, bad_file, alphasort);
	(void)state;
	assert_true(n >= 20);
	for (int i = 0; i < n; i++) {
		char path[1024], code[32], msg[1024], want[2048];
		int line, col;
		char *after;
		snprintf(path, sizeof path, "%s%s", TEST_DATA(""), list[i]->d_name);
		assert_true(read_expectation(path, code, msg, sizeof msg));
		assert_string_equal(code, "EINVALID");
		assert_int_equal(campaign_plan_import_file(db, path, "tester", NULL), CAMPAIGN_EINVALID);
		assert_int_equal(campaign_error_code_last(), CAMPAIGN_EINVALID);
		snprintf(want, sizeof want, "%s:%s", path, msg);
		assert_string_equal(campaign_error_message(), want);
		assert_string_equal(campaign_error_file(), path);
		assert_int_equal(sscanf(msg, "%d:%d:", &line, &col), 2);
		assert_int_equal(campaign_error_line(), line);
		assert_int_equal(campaign_error_column(), col);
		after = dump_store(db);
		assert_string_equal(before, after);
		free(after);
		free(list[i]);
	}
	free(list);
	free(before);
	campaign_close(db);
}

static void test_round_trip(void **state)
{
	campaign_db *a = open_seed(), *b = open_memory();
	campaign_buf *ya, *yb;
	char *da, *db_;
	(void)state;
	assert_int_equal(campaign_plan_export_yaml(&ya, a, NULL), CAMPAIGN_OK);
	assert_true(campaign_buf_size(ya) > 30000);
	assert_int_equal(campaign_plan_import_string(b, campaign_buf_data(ya), "export", "tester", NULL), CAMPAIGN_OK);
	da = dump_store(a);
	db_ = dump_store(b);
	assert_string_equal(da, db_);
	/* and the second export is byte for byte the first */
	assert_int_equal(campaign_plan_export_yaml(&yb, b, "leshan-ltyg-2010"), CAMPAIGN_OK);
	assert_int_equal(campaign_buf_size(ya), campaign_buf_size(yb));
	assert_string_equal(campaign_buf_data(ya), campaign_buf_data(yb));
	/* Chinese text is written as UTF-8, never escaped */
	assert_non_null(strstr(campaign_buf_data(ya), "川国土资党委〔2010〕5号"));
	assert_null(strstr(campaign_buf_data(ya), "\\u"));
	free(da);
	free(db_);
	campaign_buf_free(ya);
	campaign_buf_free(yb);
	campaign_buf_free(NULL);
	campaign_close(a);
	campaign_close(b);
}

static void test_export_file(void **state)
{
	campaign_db *a = open_seed(), *b = open_memory();
	char path[] = "/tmp/campaign-export-XXXXXX";
	char *da, *db_;
	int fd = mkstemp(path);
	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(campaign_plan_export_yaml_file(a, NULL, path), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(b, path, "tester", NULL), CAMPAIGN_OK);
	da = dump_store(a);
	db_ = dump_store(b);
	assert_string_equal(da, db_);
	assert_int_equal(campaign_plan_export_yaml_file(a, NULL, "/nonexistent-dir/x.yaml"), CAMPAIGN_EIO);
	free(da);
	free(db_);
	remove(path);
	campaign_close(a);
	campaign_close(b);
}

static const char MINI[] =
	"format: 1\n"
	"campaign: {id: mini, title: 小方案, period: 2010年10月至2011年12月}\n"
	"units:\n"
	"  - {id: u1, name: \"𠀀𪚥科\", kind: department}\n"
	"tasks:\n"
	"  - id: t1\n"
	"    title: 任务\n"
	"    outcomes:\n"
	"      - {id: o1, text: 成果, deadline: 3月底}\n"
	"      - {id: o2, text: 长期, deadline: 长期坚持}\n";

static void test_conflict_and_replace(void **state)
{
	campaign_db *db = open_seed();
	campaign_import_options opts;
	campaign_cursor *c;
	char *before;
	(void)state;
	assert_int_equal(campaign_import_options_init(&opts, CAMPAIGN_IMPORT_OPTIONS_VERSION), CAMPAIGN_OK);
	assert_int_equal(opts.replace, 0);
	assert_int_equal(campaign_import_options_init(&opts, 99), CAMPAIGN_EINVALID);
	before = dump_store(db);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "tester", NULL), CAMPAIGN_ECONFLICT);
	assert_non_null(strstr(campaign_error_message(), "campaign \"leshan-ltyg-2010\" is already in the store"));
	assert_int_equal(campaign_error_line(), 5); /* "  id: leshan-ltyg-2010" */
	opts.replace = 1;
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "replacer", &opts), CAMPAIGN_OK);
	{
		char *after = dump_store(db);
		/* same model; only the importing actor differs */
		assert_int_equal(strlen(before), strlen(after) + strlen("tester") - strlen("replacer"));
		free(after);
	}
	/* a second campaign: queries without an id become ambiguous */
	assert_int_equal(campaign_plan_import_string(db, MINI, NULL, "tester", NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_measures_query(&c, db, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the store holds several campaigns: name one");
	assert_int_equal(campaign_measures_query(&c, db, "leshan-ltyg-2010", NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 35);
	assert_int_equal(campaign_plan_delete(db, "mini", "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_delete(db, "mini", "tester"), CAMPAIGN_ENOTFOUND);
	assert_int_equal(campaign_measures_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 35);
	free(before);
	campaign_close(db);
}

static void test_string_import_non_bmp_and_year_context(void **state)
{
	campaign_db *db = open_memory();
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_plan_import_string(db, MINI, NULL, "tester", NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "name"), "𠀀𪚥科");
	campaign_cursor_free(c);
	assert_int_equal(campaign_outcomes_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	/* 3月底 in a campaign from October 2010 is March 2011 */
	assert_string_equal(campaign_cursor_get(c, "first"), "2011-03-21");
	assert_string_equal(campaign_cursor_get(c, "last"), "2011-03-31");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_null(campaign_cursor_get(c, "first"));
	assert_null(campaign_cursor_get(c, "last"));
	assert_int_equal(campaign_cursor_int(c, 7), 1);
	campaign_cursor_free(c);
	campaign_close(db);
}

static void test_bad_arguments(void **state)
{
	campaign_db *db = open_memory();
	campaign_import_options opts = {42, 0};
	(void)state;
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "an actor is required for every write");
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "", NULL), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_plan_import_file(NULL, SEED_PLAN, "x", NULL), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_plan_import_file(db, NULL, "x", NULL), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "x", &opts), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_plan_import_file(db, "/nonexistent.yaml", "x", NULL), CAMPAIGN_EIO);
	assert_string_equal(campaign_error_message(), "/nonexistent.yaml: cannot open the file");
	assert_int_equal(campaign_plan_import_string(db, NULL, NULL, "x", NULL), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_plan_export_yaml(NULL, db, NULL), CAMPAIGN_EINVALID);
	{
		campaign_buf *b = NULL;
		assert_int_equal(campaign_plan_export_yaml(&b, db, NULL), CAMPAIGN_ENOTFOUND);
		assert_null(b);
	}
	campaign_close(db);
}

TEST_MAIN("import",
          cmocka_unit_test(test_bad_inputs_refused_store_unchanged),
          cmocka_unit_test(test_round_trip),
          cmocka_unit_test(test_export_file),
          cmocka_unit_test(test_conflict_and_replace),
          cmocka_unit_test(test_string_import_non_bmp_and_year_context),
          cmocka_unit_test(test_bad_arguments))
