/* Search ranked and paged cheaply: a word found in most documents still
 * ranks by how often it stands in a text and how short the text is (FTS5's
 * bm25 gave it 0 everywhere), ties go to the older document, and pages of
 * the cursor are the whole listing cut into pieces. */
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

/* 土地 in five of the six descriptions: FTS5's own idf is floored for it. */
static const char *const texts[] = {"土地违法", "土地土地土地", "违规占用耕地", "土地违法违规占用耕地", "土地", "土地违法"};

static int setup(void **state)
{
	(void)state;
	db = open_seed();
	assert_true(campaign_catalogue_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/catalogues/ten-categories.yaml",
	                                           "office") > 0);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char id[8];
		campaign_finding_add_options o = {CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, id, "emeishan", "ten-categories/c1",
		                                  "self_reported", NULL, texts[i], NULL, "2010-11-01", NULL};
		snprintf(id, sizeof id, "P-%zu", i + 1);
		ok(campaign_finding_add(NULL, db, NULL, &o, "office"));
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	campaign_close(db);
	return 0;
}

/* "object=score" of each hit of one page (limit -1: all of them). */
static char *page(const char *text, const char *kind, long long offset, long long limit)
{
	static char out[1024];
	campaign_cursor *c;
	out[0] = '\0';
	ok(campaign_search_query(&c, db, NULL, text, kind));
	ok(campaign_cursor_page(c, offset, limit));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s=%lld ", campaign_cursor_get(c, "object"),
		         campaign_cursor_int(c, campaign_cursor_column_index(c, "score")));
	campaign_cursor_free(c);
	return out;
}

static void test_common_word_ranked(void **state)
{
	(void)state;
	/* 6 documents, 5 with 土地: idf ln(1 + 6/5); score in thousandths of
	 * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / (32 / 6))) */
	assert_string_equal(page("土地", NULL, 0, -1), "P-2=1207 P-5=1059 P-1=878 P-6=878 P-4=581 ");
	/* a rarer word scores higher than a common one in the same text */
	assert_string_equal(page("耕地", NULL, 0, -1), "P-3=1319 P-4=1021 ");
}

static void test_pages_cut_the_listing(void **state)
{
	char whole[1024], cut[1024] = "";
	(void)state;
	snprintf(whole, sizeof whole, "%s", page("土地", NULL, 0, -1));
	for (int offset = 0; offset < 6; offset += 2)
		strcat(cut, page("土地", NULL, offset, 2));
	assert_string_equal(cut, whole);
	assert_string_equal(page("土地", NULL, 1, 2), "P-5=1059 P-1=878 ");
	assert_string_equal(page("土地", "finding", 4, 10), "P-4=581 ");
	assert_string_equal(page("土地", "rectification", 0, 2), "");
	assert_string_equal(page("土地", NULL, 5, 3), "");
}

static void test_page_after_first_row_refused(void **state)
{
	campaign_cursor *c;
	(void)state;
	ok(campaign_search_query(&c, db, NULL, "土地", NULL));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_page(c, 0, 2), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "a cursor is paged before its first row is read");
	campaign_cursor_free(c);
}

TEST_MAIN_AROUND("search_paging", setup, teardown,
                 cmocka_unit_test(test_common_word_ranked),
                 cmocka_unit_test(test_pages_cut_the_listing),
                 cmocka_unit_test(test_page_after_first_row_refused))
