/* The one write envelope (core/write.c): the order of its steps, what a
 * failure leaves (nothing but a refusal's entry), and logged reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"

/* What each step of a write saw, in order, and what it should return. */
typedef struct trace {
	char steps[128];
	int check_rc, prepare_rc, body_rc;
	int in_transaction_at_prepare, in_transaction_at_body;
} trace;

static int t_check(void *ctx)
{
	trace *t = ctx;
	strcat(t->steps, "check ");
	return t->check_rc ? error_set(t->check_rc, "check failed") : CAMPAIGN_OK;
}

static int t_prepare(write_op *op, void *ctx)
{
	trace *t = ctx;
	strcat(t->steps, "prepare ");
	t->in_transaction_at_prepare = !sqlite3_get_autocommit(op->db->sql);
	return t->prepare_rc ? error_set(t->prepare_rc, "prepare failed") : CAMPAIGN_OK;
}

/* Sets the thresholds (a row the test can count), then fails when asked. */
static int t_body(write_op *op, void *ctx)
{
	trace *t = ctx;
	sqlite3_stmt *st = stmts_get(&op->st, "INSERT INTO campaign_threshold (campaign, yellow_days, red_days) "
	                                      "VALUES (?1, 3, 1)");
	int rc;
	strcat(t->steps, "body ");
	t->in_transaction_at_body = !sqlite3_get_autocommit(op->db->sql);
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, op->crid);
	if ((rc = db_step_done(op->db, st, "cannot insert")))
		return rc;
	if (t->body_rc)
		return error_set(t->body_rc, "body failed");
	return write_result(op, "made");
}

/* Runs the test write as @actor; it fails at the step whose code @t gives. */
static int run(campaign_db *db, const char *actor, int flags, trace *t, campaign_buf **out)
{
	write_op op = {.name = "test.write", .actor = actor, .object = "thing", .detail = "detail", .access = ACCESS_PLAN,
	               .flags = flags, .check = t_check, .prepare = t_prepare, .body = t_body};
	t->steps[0] = '\0';
	return db_write(db, &op, t, out);
}

static long long count(campaign_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

#define ROWS(db) count(db, "SELECT count(*) FROM campaign_threshold")
#define ENTRIES(db, op) count(db, "SELECT count(*) FROM audit_log WHERE kind = 'call' AND operation = '" op "'")

static void test_steps_in_order(void **state)
{
	campaign_db *db = open_seed();
	campaign_buf *out = NULL;
	trace t = {.check_rc = 0};
	(void)state;
	assert_int_equal(run(db, "tester", 0, &t, &out), CAMPAIGN_OK);
	assert_string_equal(t.steps, "check prepare body ");
	assert_false(t.in_transaction_at_prepare);
	assert_true(t.in_transaction_at_body);
	assert_string_equal(campaign_buf_data(out), "made");
	campaign_buf_free(out);
	assert_int_equal(ROWS(db), 1);
	assert_int_equal(ENTRIES(db, "test.write"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log WHERE operation = 'test.write' AND object = 'thing' "
	                           "AND detail = 'detail' AND campaign IS NULL AND actor = 'tester'"),
	                 1);
	assert_int_equal(campaign_error_code_last(), CAMPAIGN_OK);
	campaign_close(db);
}

static void test_failures_leave_nothing(void **state)
{
	campaign_db *db = open_seed();
	campaign_buf *out = NULL;
	trace check = {.check_rc = CAMPAIGN_EINVALID}, prepare = {.prepare_rc = CAMPAIGN_EIO},
	      body = {.body_rc = CAMPAIGN_ECONFLICT}, none = {.check_rc = 0};
	(void)state;
	/* the checks come first: nothing else runs */
	assert_int_equal(run(db, "tester", 0, &check, &out), CAMPAIGN_EINVALID);
	assert_string_equal(check.steps, "check ");
	/* a failed preparation: no transaction was begun */
	assert_int_equal(run(db, "tester", 0, &prepare, &out), CAMPAIGN_EIO);
	assert_string_equal(prepare.steps, "check prepare ");
	/* a failed body: its row is rolled back, its result freed, no entry written */
	assert_int_equal(run(db, "tester", 0, &body, &out), CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(), "body failed");
	assert_null(out);
	assert_int_equal(ROWS(db), 0);
	assert_int_equal(ENTRIES(db, "test.write"), 0);
	/* no actor: refused before anything */
	assert_int_equal(run(db, NULL, 0, &none, &out), CAMPAIGN_EINVALID);
	assert_string_equal(none.steps, "");
	campaign_close(db);
}

#define DENIED(db, actor) count(db, "SELECT count(*) FROM audit_log WHERE operation = 'denied' AND actor = '" actor "'")

static void test_refusals_are_logged(void **state)
{
	campaign_db *db = open_seed();
	trace t = {.check_rc = 0}, refused = {.body_rc = CAMPAIGN_EPERM};
	(void)state;
	assert_int_equal(campaign_role_grant(db, "督查办", "supervision_office", NULL, NULL, "督查办"), CAMPAIGN_OK);
	/* refused by the access check: the call's own steps never run */
	assert_int_equal(run(db, "路人", 0, &t, NULL), CAMPAIGN_EPERM);
	assert_string_equal(t.steps, "check ");
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log WHERE operation = 'denied' AND actor = '路人' "
	                           "AND object = 'thing' AND detail = 'test.write'"),
	                 1);
	/* refused inside the body (an access that depends on the row): rolled back, then logged */
	assert_int_equal(run(db, "督查办", 0, &refused, NULL), CAMPAIGN_EPERM);
	assert_string_equal(campaign_error_message(), "body failed");
	assert_int_equal(ROWS(db), 0);
	assert_int_equal(DENIED(db, "督查办"), 1);
	/* unless the write says it is not to be */
	assert_int_equal(run(db, "督查办", WRITE_NOT_DENIED, &refused, NULL), CAMPAIGN_EPERM);
	assert_int_equal(DENIED(db, "督查办"), 1);
	campaign_close(db);
}

static void test_logged_read(void **state)
{
	campaign_db *db = open_seed();
	(void)state;
	assert_int_equal(db_log_read(db, "王局长", "test.read", "leshan-ltyg-2010", "record", NULL), CAMPAIGN_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log WHERE kind = 'call' AND operation = 'test.read' "
	                           "AND actor = '王局长' AND campaign = 'leshan-ltyg-2010' AND object = 'record'"),
	                 1);
	assert_true(sqlite3_get_autocommit(db->sql));
	/* db_log outside a transaction is a logged read */
	assert_int_equal(db_log(db, "王局长", "test.read", NULL, "record", "again"), CAMPAIGN_OK);
	assert_int_equal(ENTRIES(db, "test.read"), 2);
	assert_int_equal(db_log_read(db, NULL, "test.read", NULL, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(verify_summary(db, NULL, NULL), "");
	campaign_close(db);
}

TEST_MAIN("write",
          cmocka_unit_test(test_steps_in_order),
          cmocka_unit_test(test_failures_leave_nothing),
          cmocka_unit_test(test_refusals_are_logged),
          cmocka_unit_test(test_logged_read))
