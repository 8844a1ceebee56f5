/* Confidential fields sealed at rest (core/crypt.c): the raw bytes of the
 * store, its WAL and a backup hold neither a reporter's name nor phone
 * number; without the key or with a wrong one every confidential call is
 * ELOCKED and changes nothing; a rotation re-seals every value; the audit
 * log holds only ciphertext and verifies with and without the key. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "testutil.h"

#define NAME "王𠀋明"
#define PHONE "13912345678"
#define DETAILS "举报沐川局某科长收受红包"
#define KEY2 "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"
#define NO_KEY "the store was opened without its key: confidential fields are locked"
#define WRONG_KEY "the key does not match this store's confidential fields"

static char path[512];

static void ok(int rc)
{
	if (rc < 0)
		fprintf(stderr, "%s\n", campaign_error_message());
	assert_true(rc >= 0);
}

static campaign_db *open_with_key(const char *key)
{
	campaign_open_options o = CAMPAIGN_OPEN_OPTIONS_INIT;
	campaign_db *db = NULL;
	o.key = key;
	assert_int_equal(campaign_open_with(&db, path, &o), CAMPAIGN_OK);
	return db;
}

static void add_lead(campaign_db *db, const char *id, const char *name, const char *phone)
{
	campaign_case_lead_add_options o = CAMPAIGN_CASE_LEAD_ADD_OPTIONS_INIT;
	o.id = id;
	o.unit = "mabian";
	o.received_on = "2010-11-18";
	o.details = DETAILS;
	o.reporter = name;
	o.reporter_contact = phone;
	ok(campaign_case_lead_add(NULL, db, NULL, &o, "office"));
}

/* The lead's confidential row as read by the confidential call: "details|reporter|contact". */
static int read_lead(campaign_db *db, const char *lead, char *out, size_t n)
{
	campaign_cursor *c;
	int rc = campaign_case_lead_confidential_query(&c, db, NULL, lead, "office");
	if (rc)
		return rc;
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	snprintf(out, n, "%s|%s|%s", campaign_cursor_get(c, "details"), campaign_cursor_get(c, "reporter"),
	         campaign_cursor_get(c, "reporter_contact"));
	campaign_cursor_free(c);
	return CAMPAIGN_OK;
}

static int setup(void **state)
{
	campaign_db *db;
	tmp_store_path(path, sizeof path, "crypt.db");
	db = open_keyed(path, 0);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "tester", NULL), CAMPAIGN_OK);
	add_lead(db, "L-1", NAME, PHONE);
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	campaign_close(*state);
	remove_store(path);
	return 0;
}

/* 1 if the file at @p (absent: 0) holds the bytes of @needle. */
static int file_holds(const char *p, const char *needle)
{
	FILE *f = fopen(p, "rb");
	char *data;
	long n;
	int found;
	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	found = memmem(data, (size_t)n, needle, strlen(needle)) != NULL;
	free(data);
	return found;
}

static void expect_no_secret(const char *p)
{
	if (file_holds(p, NAME) || file_holds(p, PHONE) || file_holds(p, DETAILS))
		fail_msg("%s holds a confidential value in clear text", p);
}

static void backup_to(const char *from, const char *to)
{
	sqlite3 *a, *b;
	sqlite3_backup *k;
	assert_int_equal(sqlite3_open(from, &a), SQLITE_OK);
	assert_int_equal(sqlite3_open(to, &b), SQLITE_OK);
	assert_non_null(k = sqlite3_backup_init(b, "main", a, "main"));
	assert_int_equal(sqlite3_backup_step(k, -1), SQLITE_DONE);
	sqlite3_backup_finish(k);
	sqlite3_close(b);
	sqlite3_close(a);
}

static void test_raw_bytes_hold_no_secret(void **state)
{
	campaign_db *db = *state;
	char got[512], wal[600], bak[600];
	assert_int_equal(read_lead(db, "L-1", got, sizeof got), CAMPAIGN_OK);
	assert_string_equal(got, DETAILS "|" NAME "|" PHONE);
	/* while open, the WAL holds the latest pages */
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_true(raw_int(path, "SELECT count(*) FROM case_lead_confidential") == 1);
	expect_no_secret(wal);
	expect_no_secret(path);
	campaign_close(db);
	*state = NULL;
	assert_true(file_holds(path, "mabian")); /* the reader sees what is not confidential */
	expect_no_secret(path);
	expect_no_secret(wal);
	snprintf(bak, sizeof bak, "%s.bak", path);
	remove_store(bak);
	backup_to(path, bak);
	expect_no_secret(bak);
	/* the stored values and the log's images are ciphertext */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM case_lead_confidential WHERE details LIKE 'enc1:%' "
	                                "AND reporter LIKE 'enc1:%' AND reporter_contact LIKE 'enc1:%'"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM audit_log WHERE tbl = 'case_lead_confidential' "
	                                "AND after LIKE '%enc1:%'"), 1);
	remove_store(bak);
	*state = open_keyed(path, 0);
}

static void expect_unchanged_after(campaign_db *db, int rc, const char *msg, long long log, long long leads)
{
	expect_error(rc, CAMPAIGN_ELOCKED, msg);
	(void)db;
	assert_int_equal(raw_int(path, "SELECT count(*) FROM audit_log"), log);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM case_lead"), leads);
}

static void expect_locked(const char *key, const char *msg)
{
	campaign_db *db = open_with_key(key);
	campaign_cursor *c;
	char got[512];
	long long log = raw_int(path, "SELECT count(*) FROM audit_log");
	campaign_case_lead_add_options o = CAMPAIGN_CASE_LEAD_ADD_OPTIONS_INIT;
	o.id = "L-2";
	o.received_on = "2010-11-19";
	o.details = "x";
	expect_unchanged_after(db, read_lead(db, "L-1", got, sizeof got), msg, log, 1);
	expect_unchanged_after(db, campaign_case_lead_add(NULL, db, NULL, &o, "office"), msg, log, 1);
	expect_unchanged_after(db, campaign_key_check(db), msg, log, 1);
	expect_unchanged_after(db, campaign_key_rotate(db, "office", KEY2), msg, log, 1);
	/* what is not confidential works without the key */
	assert_int_equal(count_query(campaign_case_leads_query(&c, db, NULL, NULL), &c), 1);
	assert_string_equal(verify_summary(db, NULL, NULL), "");
	campaign_close(db);
}

static void test_no_key_and_wrong_key(void **state)
{
	campaign_close(*state);
	*state = NULL;
	expect_locked(NULL, NO_KEY);
	expect_locked(KEY2, WRONG_KEY);
	*state = open_keyed(path, 0);
	assert_int_equal(campaign_key_check(*state), CAMPAIGN_OK);
	assert_string_equal(verify_summary(*state, NULL, NULL), "");
}

static void test_rotation(void **state)
{
	campaign_db *db = *state;
	char before[512], after[512];
	char wal[600];
	assert_int_equal(read_lead(db, "L-1", before, sizeof before), CAMPAIGN_OK);
	expect_error(campaign_key_rotate(db, "office", "abc"), CAMPAIGN_EINVALID,
	             "campaign_key_rotate: the key must be 64 hexadecimal digits (256 bits), not 3 characters");
	/* details, reporter and contact; no outcome note */
	assert_int_equal(campaign_key_rotate(db, "office", KEY2), 3);
	snprintf(wal, sizeof wal, "%s-wal", path);
	expect_no_secret(wal);
	assert_int_equal(read_lead(db, "L-1", after, sizeof after), CAMPAIGN_OK);
	assert_string_equal(after, before);
	campaign_close(db);
	*state = NULL;
	db = open_keyed(path, 0); /* the old key */
	expect_error(read_lead(db, "L-1", after, sizeof after), CAMPAIGN_ELOCKED, WRONG_KEY);
	campaign_close(db);
	*state = db = open_with_key(KEY2);
	assert_int_equal(read_lead(db, "L-1", after, sizeof after), CAMPAIGN_OK);
	assert_string_equal(after, before);
	assert_string_equal(verify_summary(db, NULL, NULL), "");
}

static void expect_status(campaign_db *db, const char *col, const char *sealed, const char *clear)
{
	campaign_cursor *c;
	ok(campaign_key_status_query(&c, db));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "tbl"), "case_lead_confidential") && !strcmp(campaign_cursor_get(c, "col"), col)) {
			EXPECT_COLUMNS(c, "sealed", sealed, "clear", clear);
			campaign_cursor_free(c);
			return;
		}
	fail_msg("no status row for %s", col);
}

/* A value written before the store had a key reads as clear text, is
 * counted, and is sealed by the first rotation. */
static void test_clear_text_from_before(void **state)
{
	campaign_db *db = *state;
	char got[512];
	campaign_close(db);
	raw_sql(path, "UPDATE case_lead_confidential SET reporter = '李四' WHERE lead = 'L-1'");
	*state = db = open_keyed(path, 0);
	expect_status(db, "reporter", "0", "1");
	expect_status(db, "details", "1", "0");
	assert_int_equal(read_lead(db, "L-1", got, sizeof got), CAMPAIGN_OK);
	assert_string_equal(got, DETAILS "|李四|" PHONE);
	assert_int_equal(campaign_key_rotate(db, "office", TEST_KEY), 3);
	expect_status(db, "reporter", "1", "0");
	assert_int_equal(read_lead(db, "L-1", got, sizeof got), CAMPAIGN_OK);
	assert_string_equal(got, DETAILS "|李四|" PHONE);
}

/* A ciphertext copied to another field does not open: an error, never garbage. */
static void test_moved_ciphertext(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_close(db);
	raw_sql(path, "UPDATE case_lead_confidential SET details = reporter WHERE lead = 'L-1'");
	*state = db = open_keyed(path, 0);
	ok(campaign_case_lead_confidential_query(&c, db, NULL, "L-1", "office"));
	assert_int_not_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_non_null(strstr(campaign_error_message(),
	                       "a confidential value does not open: it was altered, or moved from another row or field"));
	campaign_cursor_free(c);
}

/* A sealed value damaged by @sql: reading it fails with @code and @message, never garbage (issue 18):
 * EIO for a damaged value, ELOCKED for another key's (before, a generic CAMPAIGN_ERROR). */
static void damaged(void **state, const char *sql, int code, const char *message)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_close(db);
	raw_sql(path, sql);
	*state = db = open_keyed(path, 0);
	ok(campaign_case_lead_confidential_query(&c, db, NULL, "L-1", "office"));
	assert_int_equal(campaign_cursor_next(c), code);
	if (!strstr(campaign_error_message(), message))
		fail_msg("got \"%s\"", campaign_error_message());
	campaign_cursor_free(c);
}

static void test_damaged_shape(void **state)
{
	damaged(state, "UPDATE case_lead_confidential SET details = 'enc1:abc' WHERE lead = 'L-1'", CAMPAIGN_EIO,
	        "query failed: a sealed confidential value is damaged (not enc1:KEYID:BASE64)");
}

static void test_damaged_base64(void **state)
{
	damaged(state, "UPDATE case_lead_confidential SET details = substr(details, 1, 14) || '!!!!' WHERE lead = 'L-1'",
	        CAMPAIGN_EIO, "query failed: a sealed confidential value is damaged (its base64)");
}

static void test_sealed_under_another_key(void **state)
{
	damaged(state, "UPDATE case_lead_confidential SET details = 'enc1:ffffffff' || substr(details, 14) WHERE lead = 'L-1'",
	        CAMPAIGN_ELOCKED, "query failed: a confidential value is sealed under key ffffffff, not the open key ");
}

/* The search index never holds confidential text. */
static void test_search_finds_no_secret(void **state)
{
	campaign_cursor *c;
	assert_int_equal(count_query(campaign_search_query(&c, *state, NULL, "沐川局某科长", NULL), &c), 0);
	assert_int_equal(count_query(campaign_search_query(&c, *state, NULL, NAME, NULL), &c), 0);
}

/* A store opened without a key, never keyed: a first write needs the key. */
static void test_fresh_store_without_key(void **state)
{
	campaign_db *db = NULL;
	(void)state;
	assert_int_equal(campaign_open(&db, ":memory:", 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "tester", NULL), CAMPAIGN_OK);
	campaign_case_lead_add_options o = CAMPAIGN_CASE_LEAD_ADD_OPTIONS_INIT;
	o.received_on = "2010-11-19";
	o.details = "x";
	expect_error(campaign_case_lead_add(NULL, db, NULL, &o, "office"), CAMPAIGN_ELOCKED, NO_KEY);
	/* the first key of a store that has none: a rotation from nothing */
	assert_int_equal(campaign_key_rotate(db, "office", KEY2), 0);
	ok(campaign_case_lead_add(NULL, db, NULL, &o, "office"));
	assert_int_equal(campaign_key_check(db), CAMPAIGN_OK);
	campaign_close(db);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
TEST_MAIN("crypt", T(test_raw_bytes_hold_no_secret), T(test_no_key_and_wrong_key), T(test_rotation),
          T(test_clear_text_from_before), T(test_moved_ciphertext), T(test_damaged_shape),
          T(test_damaged_base64), T(test_sealed_under_another_key),
          T(test_search_finds_no_secret),
          cmocka_unit_test(test_fresh_store_without_key))
