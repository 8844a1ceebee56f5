/* Posts, people and holdings that are refused (issue 18, coverage): each
 * check of accountability/people.c with its exact code and message, and the
 * audit log's entry count unchanged by a refused call. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void expect(campaign_db *db, long long log, int rc, int want, const char *message)
{
	refusal_check(rc, want, message);
	assert_int_equal(audit_entries(db), log);
}

static int post(campaign_db *db, const char *id, const char *kind, int key_post, int principal)
{
	campaign_post_add_options o = CAMPAIGN_POST_ADD_OPTIONS_INIT;
	o.id = id, o.unit = "liyong", o.name = "科长", o.kind = kind, o.key_post = key_post, o.principal = principal;
	return campaign_post_add(db, NULL, &o, "office");
}

static void test_posts_and_holdings(void **state)
{
	campaign_db *db = *state;
	campaign_person_add_options p = CAMPAIGN_PERSON_ADD_OPTIONS_INIT;
	campaign_post_assign_options a = CAMPAIGN_POST_ASSIGN_OPTIONS_INIT;
	char long_id[80];
	long long log = audit_entries(db);
	expect(db, log, post(db, "kz", "cooking", 0, 0), CAMPAIGN_EINVALID,
	       "kind \"cooking\" is not one of budget, projects, enforcement, personnel");
	expect(db, log, post(db, "kz", NULL, 1, 0), CAMPAIGN_EINVALID,
	       "key post \"kz\" needs a kind (budget, projects, enforcement, personnel)");
	expect(db, log, post(db, "kz", "budget", 2, 0), CAMPAIGN_EINVALID, "key_post and principal are 0 or 1");
	expect(db, log, post(db, "kz", NULL, 0, -1), CAMPAIGN_EINVALID, "key_post and principal are 0 or 1");
	memset(long_id, 'k', sizeof long_id - 1);
	long_id[sizeof long_id - 1] = '\0';
	{
		char want[160];
		snprintf(want, sizeof want, "post id \"%s\" must be 1 to 64 bytes", long_id);
		expect(db, log, post(db, long_id, NULL, 0, 0), CAMPAIGN_EINVALID, want);
	}
	assert_int_equal(post(db, "kz", "budget", 1, 1), CAMPAIGN_OK);
	p.id = "zhang", p.name = "张三", p.unit = "liyong";
	assert_int_equal(campaign_person_add(NULL, db, NULL, &p, "office"), CAMPAIGN_OK);
	a.person = "zhang", a.post = "kz", a.start_on = "2010-03-01";
	assert_int_equal(campaign_post_assign(db, NULL, &a, "office"), CAMPAIGN_OK);
	log = audit_entries(db);
	expect(db, log, campaign_post_leave(db, NULL, "zhang", "kz", "2010-02-01", "office"), CAMPAIGN_EINVALID,
	       "end_on 2010-02-01 is before the holding began (2010-03-01)");
	expect(db, log, campaign_post_leave(db, NULL, "li", "kz", "2010-12-01", "office"), CAMPAIGN_ENOTFOUND,
	       "no person with id \"li\"");
	assert_int_equal(campaign_post_leave(db, NULL, "zhang", "kz", "2010-12-01", "office"), CAMPAIGN_OK);
	log = audit_entries(db);
	expect(db, log, campaign_post_leave(db, NULL, "zhang", "kz", "2010-12-02", "office"), CAMPAIGN_ENOTFOUND,
	       "person \"zhang\" holds no open post \"kz\"");
}

/* An id is the store's: a second campaign cannot take over a post or a person of the first */
static void test_ids_of_another_campaign(void **state)
{
	campaign_db *db = *state;
	campaign_person_add_options p = CAMPAIGN_PERSON_ADD_OPTIONS_INIT;
	campaign_post_add_options o = CAMPAIGN_POST_ADD_OPTIONS_INIT;
	long long log;
	static const char OTHER[] = "format: 1\ncampaign:\n  id: other\n  title: 另一方案\n  period: \"2011年1月开始,至2011年12月\"\n"
	                            "units:\n  - {id: other-unit, name: 另一单位, kind: bureau}\n"
	                            "tasks:\n  - id: t1\n    title: 任务\n    measures:\n"
	                            "      - {id: t1.m1, text: 措施, lead: [other-unit]}\n";
	assert_int_equal(post(db, "kz", NULL, 0, 0), CAMPAIGN_OK);
	p.id = "zhang", p.name = "张三";
	assert_int_equal(campaign_person_add(NULL, db, NULL, &p, "office"), CAMPAIGN_OK);
	if (campaign_plan_import_string(db, OTHER, "other.yaml", "office", NULL) != CAMPAIGN_OK)
		fail_msg("%s", campaign_error_message());
	log = audit_entries(db);
	o.id = "kz", o.unit = "other-unit", o.name = "科长";
	expect(db, log, campaign_post_add(db, "other", &o, "office"), CAMPAIGN_ECONFLICT,
	       "post \"kz\" belongs to another campaign");
	expect(db, log, campaign_person_add(NULL, db, "other", &p, "office"), CAMPAIGN_ECONFLICT,
	       "person \"zhang\" belongs to another campaign");
}

int main(void)
{
	const struct CMUnitTest tests[] = {SEED_TEST(test_posts_and_holdings), SEED_TEST(test_ids_of_another_campaign),
	                                   cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
