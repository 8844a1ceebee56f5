/* Full-text search in Chinese over findings and rectifications: one-, two-
 * and many-character words, ranked; confidential records never found. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static campaign_db *db;

static void ok(int rc)
{
	if (rc)
		fprintf(stderr, "%s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
}

/* The findings searched: one-, two- and many-character words in their descriptions. */
static const campaign_finding_add_options findings[] = {
	{CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, "F-1", "emeishan", "ten-categories/c1", "self_reported", "张某",
	 "擅自批准改变土地用途,低价出让国有建设用地", NULL, "2010-11-01", NULL},
	{CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, "F-2", "mabian", "ten-categories/c9", "investigated", NULL, "违规缓缴土地出让金",
	 "120000.50", "2010-11-20", NULL},
	{CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, "F-3", "liyong", "ten-categories/c3", "inspection_tour", NULL,
	 "擅自修改土地利用规划", NULL, "2010-12-02", NULL},
};

static int setup(void **state)
{
	(void)state;
	db = open_seed();
	assert_true(campaign_catalogue_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/catalogues/ten-categories.yaml",
	                                           "office") > 0);
	for (size_t i = 0; i < sizeof findings / sizeof findings[0]; i++)
		ok(campaign_finding_add(NULL, db, NULL, &findings[i], "office"));
	ok(campaign_rectification_add(NULL, db, NULL,
	                              &(campaign_rectification_add_options){CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION,
	                                "R-1", "F-2", "土地出让金未按期缴纳", "限期追缴出让金", "2011-01-31", "马边县局局长", "出让金全额入库"},
	                              "office"));
	ok(campaign_case_lead_add(NULL, db, NULL,
	                          &(campaign_case_lead_add_options){CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION, "L-1",
	                            "F-1", NULL, "2010-11-05", "举报峨眉山市局干部插手出让", "王举报人", "13800000000"},
	                          "office"));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	campaign_close(db);
	return 0;
}

/* "kind:object" of each hit, best first. */
static char *hits(const char *text, const char *kind)
{
	static char out[1024];
	campaign_cursor *c;
	out[0] = '\0';
	ok(campaign_search_query(&c, db, NULL, text, kind));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s:%s ", campaign_cursor_get(c, "kind"),
		         campaign_cursor_get(c, "object"));
	campaign_cursor_free(c);
	return out;
}

static void test_words_of_any_length(void **state)
{
	(void)state;
	/* two characters inside a longer text */
	assert_string_equal(hits("规划", NULL), "finding:F-3 ");
	assert_string_equal(hits("出让金", NULL), "rectification:R-1 finding:F-2 ");
	/* one character */
	assert_string_equal(hits("缓", NULL), "finding:F-2 ");
	/* many; characters that do not stand together do not match */
	assert_string_equal(hits("擅自批准改变土地用途", NULL), "finding:F-1 ");
	assert_string_equal(hits("土用", NULL), "");
	assert_string_equal(hits("出让金", "finding"), "finding:F-2 ");
	/* people named in a finding are searchable */
	assert_string_equal(hits("张某", NULL), "finding:F-1 ");
}

static void test_highlight_and_unit(void **state)
{
	campaign_cursor *c;
	(void)state;
	ok(campaign_search_query(&c, db, NULL, "规划", NULL));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "unit_name"), "利用科");
	assert_string_equal(campaign_cursor_get(c, "text"), "擅自修改土地利用【规划】");
	assert_true(campaign_cursor_int(c, 5) > 0);
	campaign_cursor_free(c);
}

static void test_confidential_never_found(void **state)
{
	(void)state;
	assert_string_equal(hits("王举报人", NULL), "");
	assert_string_equal(hits("13800000000", NULL), "");
	assert_string_equal(hits("举报", NULL), "");
}

static void test_index_follows_changes(void **state)
{
	(void)state;
	ok(campaign_rectification_update(db, NULL,
	                                 &(campaign_rectification_update_options){CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION,
	                                   "R-1", "in_progress", "2010-12-10", "已追缴一半"},
	                                 "office"));
	assert_string_equal(hits("限期追缴", NULL), "rectification:R-1 ");
	assert_int_equal(campaign_plan_delete(db, "leshan-ltyg-2010", "office"), CAMPAIGN_OK);
	{
		campaign_cursor *c = NULL;
		assert_int_equal(campaign_search_query(&c, db, NULL, "规划", NULL), CAMPAIGN_ENOTFOUND);
	}
	ok(campaign_plan_import_file(db, SEED_PLAN, "office", NULL));
	assert_string_equal(hits("规划", NULL), "");
}

static void test_bad_queries(void **state)
{
	campaign_cursor *c = NULL;
	(void)state;
	assert_int_equal(campaign_search_query(&c, db, NULL, "，。", NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "search for at least one Chinese character, letter or digit, not \"，。\"");
	assert_int_equal(campaign_search_query(&c, db, NULL, "规划", "case_lead"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_search_query(&c, db, NULL, NULL, NULL), CAMPAIGN_EINVALID);
	/* a quote in the text is just a character */
	assert_string_equal(hits("规\"划", NULL), "finding:F-3 ");
	assert_null(c);
}

/* A findings import past 1 024 rows logs them as batches (audit_bulk.c):
 * the index follows the batches too. */
static void test_bulk_import_indexed(void **state)
{
	char path[256];
	campaign_cursor *c;
	campaign_db *shared = db;
	FILE *f;
	int n = 0;
	(void)state;
	/* a store of its own: the tests before deleted the plan */
	db = open_seed();
	assert_true(campaign_catalogue_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/catalogues/ten-categories.yaml",
	                                           "office") > 0);
	tmp_store_path(path, sizeof path, "bulk-findings.csv");
	assert_non_null(f = fopen(path, "w"));
	fputs("id,unit,category,origin,people,description,amount,found_on,round\n", f);
	for (int i = 1; i <= 1100; i++)
		fprintf(f, "B-%d,emeishan,ten-categories/c1,self_reported,,批量清查第%d宗%s,,2010-11-05,\n", i, i,
		        i == 1100 ? "鹅卵石" : "");
	fclose(f);
	ok(campaign_findings_import_file(db, NULL, path, NULL, "office"));
	remove(path);
	assert_string_equal(hits("鹅卵石", NULL), "finding:B-1100 ");
	ok(campaign_search_query(&c, db, NULL, "清查", "finding"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n++;
	campaign_cursor_free(c);
	assert_int_equal(n, 1100);
	campaign_close(db);
	db = shared;
}

TEST_MAIN_AROUND("search", setup, teardown,
                 cmocka_unit_test(test_words_of_any_length),
                 cmocka_unit_test(test_highlight_and_unit),
                 cmocka_unit_test(test_confidential_never_found),
                 cmocka_unit_test(test_bad_queries),
                 cmocka_unit_test(test_index_follows_changes),
                 cmocka_unit_test(test_bulk_import_indexed))
