/* The rectification ledger on the seed plan: the five fixes, status history,
 * overdue on any date, verification before closing, and the ledger. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "insp_test.h"

/* Two findings (峨眉山 self-reported, 马边 by a tour) with three rectifications:
 * R1 due 2011-01-31, R2 due 2011-03-31 (峨眉山), R3 due 2011-02-28 (马边). */
static campaign_db *open_ledger(void)
{
	campaign_db *db = open_seed();
	assert_int_equal(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office"), 1);
	ok(campaign_finding_add(NULL, db, NULL, FINDING("F-E", "emeishan", "ten-categories/c9", "self_reported", "李某",
	                                                "擅自缓缴土地出让金120万元", "1200000", "2010-11-05", NULL), "office"));
	ok(campaign_finding_add(NULL, db, NULL, FINDING("F-M", "mabian", "ten-categories/c10", "inspection_tour", NULL,
	                                                "设\"小金库\"", NULL, "2010-11-20", NULL), "office"));
	ok(campaign_rectification_add(NULL, db, NULL, RECTIFICATION("R1", "F-E", NULL, "追缴出让金", "2011-01-31", "王局长",
	                                                            "出让金全额入库"), "office"));
	ok(campaign_rectification_add(NULL, db, NULL, RECTIFICATION("R2", "F-E", "制度缺失", "建立出让金缴纳台账", "2011-03-31",
	                                                            "财务室", "台账建立并运行"), "office"));
	ok(campaign_rectification_add(NULL, db, NULL, RECTIFICATION("R3", "F-M", NULL, "清理小金库", "2011-02-28", "马边局局长",
	                                                            "资金全部上缴"), "office"));
	return db;
}

/* The ids overdue on @date, " "-joined. */
static const char *overdue(campaign_db *db, const char *date)
{
	campaign_cursor *c;
	return column_joined(campaign_rectifications_overdue_query(&c, db, NULL, date), &c, "id", NULL, NULL);
}

static void test_five_fixes_and_status(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *id = NULL;
	ok(campaign_rectifications_query(&c, db, NULL, "F-E", NULL));
	EXPECT_ROW(c, "id", "R1", "problem", "擅自缓缴土地出让金120万元", "measure", "追缴出让金", "deadline", "2011-01-31",
	           "responsible", "王局长", "criterion", "出让金全额入库", "status", "not_started", "status_label", "未整改");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "problem"), "制度缺失");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	ok(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R2", "ongoing", "2011-01-10", "长期坚持"),
	                                 "clerk"));
	ok(campaign_rectifications_query(&c, db, NULL, NULL, "emeishan"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	EXPECT_ROW(c, "status_label", "持续整改", "updated_on", "2011-01-10");
	campaign_cursor_free(c);
	/* a new id comes back when none is given */
	ok(campaign_rectification_add(&id, db, NULL, RECTIFICATION(NULL, "F-M", NULL, "追责", "2011-06-30", "纪检组长",
	                                                           "处理到位"), "office"));
	assert_int_equal(campaign_buf_size(id), 36);
	campaign_buf_free(id);
}

static void test_overdue_on_any_date(void **state)
{
	campaign_db *db = *state;
	ok(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "in_progress", "2011-01-10", NULL),
	                                 "clerk"));
	ok(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "done", "2011-02-15", "已全额追缴"), "clerk"));
	ok(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R2", "ongoing", "2011-03-01", NULL), "clerk"));
	assert_string_equal(overdue(db, "2011-01-31"), "");
	assert_string_equal(overdue(db, "2011-02-01"), "R1 ");
	/* R1 was done on 02-15, so from then on only R3 (due 02-28) */
	assert_string_equal(overdue(db, "2011-02-15"), "");
	assert_string_equal(overdue(db, "2011-03-01"), "R3 ");
	/* R2 is 持续整改 from 03-01: not overdue after its deadline */
	assert_string_equal(overdue(db, "2011-04-01"), "R3 ");
	{
		campaign_cursor *c;
		ok(campaign_rectifications_overdue_query(&c, db, NULL, "2011-04-01"));
		EXPECT_ROW(c, "unit_name", "马边彝族自治县国土资源局", "status_label", "未整改", "days_overdue", "32");
		campaign_cursor_free(c);
	}
	assert_int_equal(campaign_rectifications_overdue_query(NULL, db, NULL, "2011-04-01"), CAMPAIGN_EINVALID);
}

static void test_verify_and_close_rules(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int before;
	before = audit_entries(db);
	assert_int_equal(campaign_rectification_verify(db, NULL, RECTIFICATION_VERIFY("R1", "passed", "张雷",
	                                                                              "2011-01-20", NULL), "office"),
	                 CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(),
	                    "rectification \"R1\" is 未整改, not 已整改: only a done rectification can be verified");
	assert_int_equal(campaign_rectification_close(db, NULL, "R1", "2011-01-20", "office"), CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(), "rectification \"R1\" cannot be closed before it passes verification");
	assert_int_equal(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "finished", "2011-01-20",
	                                                                              NULL), "clerk"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "status \"finished\" is not one of not_started, in_progress, done, ongoing");
	assert_int_equal(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R9", "done", "2011-01-20", NULL),
	                                               "clerk"), CAMPAIGN_ENOTFOUND);
	assert_int_equal(audit_entries(db), before);
	ok(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "done", "2011-01-25", NULL), "clerk"));
	assert_int_equal(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "done", "2011-01-24", NULL),
	                                               "clerk"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "date 2011-01-24 is before its last update (2011-01-25)");
	/* a failed verification sends it back to 整改中 */
	ok(campaign_rectification_verify(db, NULL, RECTIFICATION_VERIFY("R1", "failed", "张雷", "2011-01-28", "尚欠30万元"),
	                                 "office"));
	ok(campaign_rectifications_query(&c, db, NULL, "F-E", NULL));
	EXPECT_ROW(c, "status_label", "整改中", "verification", "failed");
	campaign_cursor_free(c);
	assert_int_equal(campaign_rectification_close(db, NULL, "R1", "2011-01-29", "office"), CAMPAIGN_ECONFLICT);
	ok(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "done", "2011-02-10", NULL), "clerk"));
	assert_int_equal(campaign_rectification_verify(db, NULL, RECTIFICATION_VERIFY("R1", "passed", "张雷",
	                                                                              "2011-02-09", NULL), "office"),
	                 CAMPAIGN_EINVALID);
	ok(campaign_rectification_verify(db, NULL, RECTIFICATION_VERIFY("R1", "passed", "张雷", "2011-02-12", NULL),
	                                 "office"));
	assert_int_equal(campaign_rectification_close(db, NULL, "R1", "2011-02-11", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "date 2011-02-11 is before its verification (2011-02-12)");
	ok(campaign_rectification_close(db, NULL, "R1", "2011-02-14", "office"));
	before = audit_entries(db);
	assert_int_equal(campaign_rectification_close(db, NULL, "R1", "2011-02-15", "office"), CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(), "rectification \"R1\" was closed on 2011-02-14 and cannot change");
	assert_int_equal(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "in_progress", "2011-02-15",
	                                                                              NULL), "clerk"),
	                 CAMPAIGN_ECONFLICT);
	assert_int_equal(audit_entries(db), before);
	/* the finding is closed when all its rectifications are */
	ok(campaign_findings_query(&c, db, NULL, NULL, "F-E"));
	EXPECT_ROW(c, "status", "rectifying", "rectifications", "2");
	campaign_cursor_free(c);
}

static void test_ledger(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int n = 0;
	ok(campaign_rectification_update(db, NULL, RECTIFICATION_UPDATE("R1", "done", "2011-01-20", NULL), "clerk"));
	ok(campaign_rectification_verify(db, NULL, RECTIFICATION_VERIFY("R1", "passed", "张雷", "2011-01-25", NULL),
	                                 "office"));
	ok(campaign_rectification_close(db, NULL, "R1", "2011-01-26", "office"));
	ok(campaign_rectification_ledger_query(&c, db, NULL, NULL, "2011-03-05"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		/* units in plan order (马边 before 峨眉山), then by deadline */
		static const char *const ids[] = {"R3", "R1", "R2"};
		assert_string_equal(campaign_cursor_get(c, "id"), ids[n]);
		assert_int_equal(campaign_cursor_int(c, 0), n + 1);
		if (n == 1) {
			EXPECT_COLUMNS(c, "unit_name", "峨眉山市国土资源局", "status_label", "已整改",
			               "verification_label", "通过(张雷 2011-01-25)", "closed_on", "2011-01-26",
			               "overdue", "", "category", "擅自减免或缓缴土地出让金和矿产资源规费的行为");
		}
		if (n == 0) {
			EXPECT_COLUMNS(c, "unit_name", "马边彝族自治县国土资源局", "overdue", "逾期5天", "status_label", "未整改");
		}
		n++;
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 3);
	/* as of a date before the closing, R1 is shown as it stood then */
	ok(campaign_rectification_ledger_query(&c, db, NULL, "emeishan", "2011-01-22"));
	EXPECT_ROW(c, "status_label", "已整改", "verification_label", "", "closed_on", NULL);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "id"), "R2");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
}

TEST_MAIN("rectification",
          STORE_TEST(test_five_fixes_and_status, open_ledger),
          STORE_TEST(test_overdue_on_any_date, open_ledger),
          STORE_TEST(test_verify_and_close_rules, open_ledger),
          STORE_TEST(test_ledger, open_ledger))
