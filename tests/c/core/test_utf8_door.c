/* Text is checked at the door (core/write.c): a single write given bytes that
 * are not UTF-8 (GBK, as a Chinese Windows program would send them) is
 * refused naming the field and the byte, and the store is unchanged. */
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define GBK "\xc0\xd6\xc9\xbd" /* 乐山 in GBK */

/* Each refusal: the code, the message, and not a row more in the store. */
static void expect_refused(campaign_db *db, int rc, const char *msg, char *before)
{
	char *after;
	assert_int_equal(rc, CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), msg);
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
}

static void test_single_writes_refuse_gbk(void **state)
{
	campaign_db *db = open_seed();
	char *before = dump_store(db);
	campaign_buf *id = NULL;
	(void)state;
	{
		campaign_progress_report_add_options r = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_INIT;
		r.outcome = "t1.1.o1";
		r.unit = "liyong";
		r.status = "in_progress";
		r.percent = 50;
		r.date = "2010-11-20";
		r.note = "进度" GBK;
		expect_refused(db, campaign_progress_report_add(&id, db, NULL, &r, "clerk"),
		               "note is not valid UTF-8 (byte 6)", before);
	}
	{
		campaign_finding_add_options f = CAMPAIGN_FINDING_ADD_OPTIONS_INIT;
		f.unit = "mabian";
		f.origin = "self_reported";
		f.description = GBK "问题";
		f.found_on = "2010-11-20";
		expect_refused(db, campaign_finding_add(&id, db, NULL, &f, "clerk"),
		               "description is not valid UTF-8 (byte 0)", before);
	}
	{
		campaign_person_add_options p = CAMPAIGN_PERSON_ADD_OPTIONS_INIT;
		p.name = "张" GBK;
		p.unit = "caiwu";
		expect_refused(db, campaign_person_add(&id, db, NULL, &p, "clerk"), "name is not valid UTF-8 (byte 3)",
		               before);
	}
	expect_refused(db, campaign_risk_type_add(db, "t9", GBK, "clerk"), "name is not valid UTF-8 (byte 0)", before);
	/* the actor and the campaign are texts of every write */
	expect_refused(db, campaign_risk_type_add(db, "t9", "类型", "clerk" GBK), "actor is not valid UTF-8 (byte 5)",
	               before);
	assert_null(id);
	free(before);
	campaign_close(db);
}

/* A truncated sequence and an overlong form are refused as well, valid text passes. */
static void test_truncated_and_overlong(void **state)
{
	campaign_db *db = open_seed();
	char *before = dump_store(db);
	(void)state;
	expect_refused(db, campaign_risk_type_add(db, "t9", "类\xe5\x9e", "clerk"), "name is not valid UTF-8 (byte 3)",
	               before);
	expect_refused(db, campaign_risk_type_add(db, "t9", "\xc0\xaf", "clerk"), "name is not valid UTF-8 (byte 0)",
	               before);
	assert_int_equal(campaign_risk_type_add(db, "t9", "新类型", "clerk"), CAMPAIGN_OK);
	free(before);
	campaign_close(db);
}

TEST_MAIN("utf8_door", cmocka_unit_test(test_single_writes_refuse_gbk), cmocka_unit_test(test_truncated_and_overlong))
