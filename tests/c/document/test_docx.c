/* A plan drafted from a .docx (issue 21): the seed as Word saves it -- its
 * numbering Word's own (numbering.xml), first-level headings in a heading
 * style -- drafts the very plan its text does (35 measures, 32 outcomes); a
 * county plan with a multi-level list, a style that numbers its paragraphs
 * and a table; straight into a store, or a dry run that writes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define DOC(f) CAMPAIGN_SOURCE_DIR "/tests/data/document/" f
#define XLSX(f) CAMPAIGN_SOURCE_DIR "/tests/data/xlsx/" f

static char *draft(const char *path, char **report)
{
	campaign_buf *yaml, *rep;
	char *y;
	assert_int_equal(campaign_plan_from_document(&yaml, &rep, path, NULL), CAMPAIGN_OK);
	y = strdup(campaign_buf_data(yaml));
	*report = strdup(campaign_buf_data(rep));
	campaign_buf_free(yaml);
	campaign_buf_free(rep);
	return y;
}

/* The .docx drafts the text's plan exactly: the same YAML, the same report. */
static void test_seed_docx_equals_text(void **state)
{
	char *rt, *rd, *yt = draft(DOC("leshan-2010.txt"), &rt), *yd = draft(DOC("seed.docx"), &rd);
	(void)state;
	assert_string_equal(yd, yt);
	assert_string_equal(rd, rt);
	assert_non_null(strstr(rd, "# Drafted plan: 3 areas, 10 tasks, 35 measures, 32 outcomes (27 with a deadline), 4 phases"));
	free(yt), free(yd), free(rt), free(rd);
}

/* The rows of a query writing the cursor c (the call runs before c is read). */
#define ROWS(call) (assert_int_equal(call, CAMPAIGN_OK), count_rows(c))

/* Straight into a store: a dry run writes nothing (and needs no campaign of its id), then the import. */
static void test_import_document(void **state)
{
	campaign_db *db = open_memory();
	campaign_buf *report = NULL;
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_plan_import_document(&report, db, DOC("seed.docx"), "tester", NULL, 0, 1), CAMPAIGN_OK);
	assert_non_null(strstr(campaign_buf_data(report), "35 measures, 32 outcomes"));
	campaign_buf_free(report);
	assert_int_equal(ROWS(campaign_campaigns_query(&c, db)), 0);
	assert_int_equal(campaign_plan_import_document(NULL, db, DOC("seed.docx"), "tester", NULL, 0, 0), CAMPAIGN_OK);
	assert_int_equal(ROWS(campaign_measures_query(&c, db, NULL, NULL)), 35);
	assert_int_equal(ROWS(campaign_outcomes_query(&c, db, NULL, NULL)), 32);
	/* the same again: its campaign is there, in a dry run too */
	expect_error(campaign_plan_import_document(NULL, db, DOC("seed.docx"), "tester", NULL, 0, 1), CAMPAIGN_ECONFLICT,
	             DOC("seed.docx") " (draft): campaign \"campaign\" is already in the store (import with replace to "
	                              "overwrite it)");
	expect_error(campaign_plan_import_document(NULL, db, DOC("seed.docx"), "tester", NULL, 0, 0), CAMPAIGN_ECONFLICT,
	             NULL);
	assert_non_null(strstr(campaign_error_message(), "campaign \"campaign\" is already in the store"));
	expect_error(campaign_plan_import_document(NULL, NULL, DOC("seed.docx"), "tester", NULL, 0, 1),
	             CAMPAIGN_EINVALID, NULL);
	assert_int_equal(ROWS(campaign_measures_query(&c, db, NULL, NULL)), 35);
	campaign_close(db);
}

/* A multi-level list (一、 / 1、 / ①), a style numbering its paragraphs, and a table whose rows are lines. */
static void test_county_docx(void **state)
{
	char *rt, *rd, *yt = draft(DOC("county-2012.txt"), &rt), *yd = draft(DOC("county-2012.docx"), &rd);
	(void)state;
	assert_string_equal(yd, yt);
	assert_non_null(strstr(rd, "## Lines not placed\nL25: 1\t廉政风险点排查\t监察室\t2010年11月底\n"
	                           "L26: 2\t自查自纠\t各科室\t12月中旬\n"));
	free(yt), free(yd), free(rt), free(rd);
}

/* Not a document: a workbook, a damaged zip. */
static void test_docx_errors(void **state)
{
	campaign_buf *yaml;
	(void)state;
	expect_error(campaign_plan_from_document(&yaml, NULL, XLSX("progress.xlsx"), NULL), CAMPAIGN_EINVALID,
	             XLSX("progress.xlsx") ": not a .docx document (no word/document.xml)");
	expect_error(campaign_plan_from_document(&yaml, NULL, XLSX("notzip.xlsx") ".docx", NULL), CAMPAIGN_EIO,
	             XLSX("notzip.xlsx") ".docx: cannot open");
}

TEST_MAIN("docx", cmocka_unit_test(test_seed_docx_equals_text), cmocka_unit_test(test_import_document),
          cmocka_unit_test(test_county_docx), cmocka_unit_test(test_docx_errors))
