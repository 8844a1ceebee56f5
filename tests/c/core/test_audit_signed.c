/* Signed chain heads and witnesses (issue 16): a cut tail is found by a
 * witness, an appended one (correctly hashed, without the key) as an
 * unsigned tail, a replaced public key when verify is given the real one;
 * a store without signing key verifies with a notice. And who reads the log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = calloc(1, 65536);
	assert_non_null(f);
	assert_true(fread(s, 1, 65535, f) > 0);
	fclose(f);
	return s;
}

/* A key pair: private PEM in *key, public in *pub. */
static void keypair(campaign_buf **key, campaign_buf **pub)
{
	assert_int_equal(campaign_audit_keygen(key), CAMPAIGN_OK);
	assert_int_equal(campaign_audit_public_key(pub, campaign_buf_data(*key)), CAMPAIGN_OK);
}

/* The seed store at @path, written with signing key @key (NULL: none) and witness file @witness. */
static campaign_db *open_signed(const char *path, const char *key, const char *witness)
{
	campaign_open_options o = CAMPAIGN_OPEN_OPTIONS_INIT;
	campaign_db *db;
	o.signing_key = key;
	o.witness_file = witness;
	assert_int_equal(campaign_open_with(&db, path, &o), CAMPAIGN_OK);
	return db;
}

static void report(campaign_db *db, const char *outcome, const char *unit, const char *actor)
{
	campaign_progress_report_add_options r = report_options(outcome, unit, "done", 100, "2010-10-28");
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, actor), CAMPAIGN_OK);
}

static campaign_db *seed_signed(const char *path, const char *key, const char *witness)
{
	campaign_db *db;
	unlink(path);
	db = open_signed(path, key, witness);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "张三", NULL), CAMPAIGN_OK);
	report(db, "t2.4.o1", "jiancha", "李四");
	return db;
}

static void test_heads_signed_and_verified(void **state)
{
	char path[256], sql[256];
	campaign_buf *key, *pub, *cp;
	campaign_cursor *c;
	campaign_db *db;
	long long last;
	(void)state;
	tmp_store_path(path, sizeof path, "signed.db");
	keypair(&key, &pub);
	db = seed_signed(path, campaign_buf_data(key), NULL);
	/* nothing to report, not even a notice */
	assert_int_equal(campaign_audit_verify(&c, db, NULL, campaign_buf_data(pub)), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	/* a checkpoint signed with the handle's key names it, and holds */
	assert_int_equal(campaign_audit_checkpoint(&cp, db, NULL), CAMPAIGN_OK);
	assert_non_null(strstr(campaign_buf_data(cp), "\nkey: "));
	assert_string_equal(verify_summary(db, campaign_buf_data(cp), campaign_buf_data(pub)), "");
	campaign_close(db);
	/* the migration's baseline, the import and the report: three heads, one key */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM audit_head"), 3);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM audit_key"), 1);
	last = raw_int(path, "SELECT max(seq) FROM audit_log");
	assert_int_equal(raw_int(path, "SELECT max(seq) FROM audit_head"), last);
	/* a head whose signature was tampered with */
	snprintf(sql, sizeof sql, "UPDATE audit_head SET signature = replace(signature, substr(signature, 1, 2), "
	                          "CASE substr(signature, 1, 2) WHEN '00' THEN '11' ELSE '00' END) WHERE seq = %lld", last);
	raw_sql(path, sql);
	db = open_signed(path, NULL, NULL);
	snprintf(sql, sizeof sql, "head_invalid:%lld: unsigned_tail:%lld: ", last,
	         raw_int(path, "SELECT min(seq) FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_head WHERE seq < "
	                       "(SELECT max(seq) FROM audit_head))"));
	assert_string_equal(verify_summary(db, NULL, NULL), sql);
	campaign_close(db);
	campaign_buf_free(cp), campaign_buf_free(key), campaign_buf_free(pub);
	unlink(path);
}

/* The last entry deleted with raw SQL: the witness file the library kept tells. */
static void test_trimmed_log_found_by_witness(void **state)
{
	char path[256], witness[300], want[512], *w, *w2;
	campaign_buf *key, *pub;
	campaign_cursor *c;
	campaign_db *db;
	long long last;
	(void)state;
	tmp_store_path(path, sizeof path, "trim.db");
	snprintf(witness, sizeof witness, "%s.head", path);
	keypair(&key, &pub);
	db = seed_signed(path, campaign_buf_data(key), witness);
	campaign_close(db);
	last = raw_int(path, "SELECT max(seq) FROM audit_log");
	w = slurp(witness);
	snprintf(want, sizeof want, "libcampaign head 1\nsite: \nseq: %lld\nhash: ", last);
	assert_memory_equal(w, want, strlen(want));
	assert_non_null(strstr(w, "\nsignature: "));
	/* a failed write leaves the witness as it was */
	db = open_signed(path, campaign_buf_data(key), witness);
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, NULL, "x"), CAMPAIGN_EINVALID);
	campaign_close(db);
	w2 = slurp(witness);
	assert_string_equal(w2, w);
	free(w2);
	/* the last entry cut off, and its head with it */
	raw_sql(path, "DELETE FROM audit_head WHERE seq = (SELECT max(seq) FROM audit_log); "
	              "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
	db = open_signed(path, NULL, NULL);
	assert_int_equal(campaign_audit_verify(&c, db, w, campaign_buf_data(pub)), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "problem"), "witness_mismatch");
	snprintf(want, sizeof want, "trimmed: the witness saw entry %lld with hash ", last);
	assert_memory_equal(campaign_cursor_get(c, "message"), want, strlen(want));
	snprintf(want, sizeof want, "; the log ends at %lld", last - 1);
	assert_non_null(strstr(campaign_cursor_get(c, "message"), want));
	campaign_cursor_free(c);
	/* a witness signed by another key is refused */
	{
		campaign_buf *k2, *p2;
		keypair(&k2, &p2);
		assert_int_equal(campaign_audit_verify(&c, db, w, campaign_buf_data(p2)), CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "the head's signature does not verify with this key");
		campaign_buf_free(k2), campaign_buf_free(p2);
	}
	assert_int_equal(campaign_audit_verify(&c, db, "a head?", NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "not a libcampaign checkpoint or head");
	campaign_close(db);
	free(w);
	campaign_buf_free(key), campaign_buf_free(pub);
	unlink(path), unlink(witness);
}

/* Entries appended, correctly hashed, by someone without the key (the
 * library opened without it computes the hashes as audit.c does). */
static void test_forged_append_is_unsigned_tail(void **state)
{
	char path[256], want[64];
	campaign_buf *key, *pub;
	campaign_db *db;
	long long first;
	(void)state;
	tmp_store_path(path, sizeof path, "forged.db");
	keypair(&key, &pub);
	db = seed_signed(path, campaign_buf_data(key), NULL);
	campaign_close(db);
	first = raw_int(path, "SELECT max(seq) FROM audit_log") + 1;
	db = open_signed(path, NULL, NULL);
	report(db, "t2.2.o4", "emeishan", "伪造者");
	snprintf(want, sizeof want, "unsigned_tail:%lld: ", first);
	assert_string_equal(verify_summary(db, NULL, NULL), want);
	campaign_close(db);
	/* the host's next commit, signed, does not vouch for what came before it */
	db = open_signed(path, campaign_buf_data(key), NULL);
	report(db, "t2.4.o1", "jiancha", "李四");
	assert_string_equal(verify_summary(db, NULL, NULL), want);
	campaign_close(db);
	campaign_buf_free(key), campaign_buf_free(pub);
	unlink(path);
}

/* The recorded key replaced and every head re-signed with the forger's key:
 * consistent on its own, caught when verify is given the real public key. */
static void test_replaced_key_found_with_real_key(void **state)
{
	char path[256];
	campaign_buf *key, *pub, *forger, *forger_pub;
	campaign_cursor *c;
	campaign_db *db;
	(void)state;
	tmp_store_path(path, sizeof path, "rekey.db");
	keypair(&key, &pub);
	keypair(&forger, &forger_pub);
	db = seed_signed(path, campaign_buf_data(key), NULL);
	campaign_close(db);
	raw_sql(path, "DELETE FROM audit_head; DELETE FROM audit_key");
	db = open_signed(path, campaign_buf_data(forger), NULL);
	report(db, "t2.2.o4", "emeishan", "伪造者");
	campaign_close(db);
	db = open_signed(path, NULL, NULL);
	assert_string_equal(verify_summary(db, NULL, NULL), "");
	assert_int_equal(campaign_audit_verify(&c, db, NULL, campaign_buf_data(pub)), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "problem"), "key_mismatch");
	assert_non_null(strstr(campaign_cursor_get(c, "message"), "its heads were signed by another key"));
	campaign_cursor_free(c);
	campaign_close(db);
	/* the real key, back at the host, catches it as well */
	db = open_signed(path, campaign_buf_data(key), NULL);
	assert_memory_equal(verify_summary(db, NULL, NULL), "key_mismatch:", 13);
	campaign_close(db);
	campaign_buf_free(key), campaign_buf_free(pub), campaign_buf_free(forger), campaign_buf_free(forger_pub);
	unlink(path);
}

/* A store that never had a signing key verifies, with one notice. */
static void test_no_key_verifies_with_notice(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_audit_verify(&c, db, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	EXPECT_COLUMNS(c, "problem", "unsigned_tail", "seq", "1", "severity", "notice");
	assert_non_null(strstr(campaign_cursor_get(c, "message"), "the store has never had a signing key: entries 1 to "));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	assert_string_equal(verify_summary(db, NULL, NULL), "");
	campaign_close(db);
}

/* Once a store has roles: the clerk reads its unit's entries, a stranger nothing (logged). */
static void test_log_follows_roles(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	int all, clerk = 0, own = 0;
	(void)state;
	/* no roles yet: anyone reads it all */
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	all = count_rows(c);
	assert_int_equal(campaign_audit_read(&c, db, "anyone", NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), all);
	assert_int_equal(campaign_role_grant(db, "督查办", "supervision_office", NULL, NULL, "setup"), CAMPAIGN_OK);
	assert_int_equal(campaign_role_grant(db, "峨眉文员", "unit_clerk", NULL, "emeishan", "督查办"), CAMPAIGN_OK);
	assert_int_equal(campaign_role_grant(db, "审计", "auditor", NULL, NULL, "督查办"), CAMPAIGN_OK);
	report(db, "t2.2.o4", "emeishan", "峨眉文员");
	report(db, "t2.4.o1", "jiancha", "督查办");
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	all = count_rows(c);
	assert_int_equal(campaign_audit_read(&c, db, "审计", NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), all);
	/* the clerk: its own report (call and row), and the entries about its unit -- never jiancha's report */
	assert_int_equal(campaign_audit_read(&c, db, "峨眉文员", NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *actor = campaign_cursor_get(c, "actor"), *object = campaign_cursor_get(c, "object");
		clerk++;
		own += actor && !strcmp(actor, "峨眉文员");
		assert_true((actor && !strcmp(actor, "峨眉文员")) || (object && !strcmp(object, "emeishan")));
	}
	campaign_cursor_free(c);
	/* its report's row and call, and the unit's own row (the import's baseline); nothing of jiancha's */
	assert_int_equal(own, 2);
	assert_int_equal(clerk, 3);
	/* a stranger reads nothing, and the refusal is logged */
	assert_int_equal(campaign_audit_read(&c, db, "路人", NULL, NULL, NULL, NULL), CAMPAIGN_EPERM);
	assert_null(c);
	assert_string_equal(campaign_error_message(),
	                    "actor \"路人\" has no role in this store and may not read the audit log (audit.read)");
	assert_string_equal(column_joined(campaign_audit_query(&c, db, NULL, "路人", NULL, NULL), &c, "operation", NULL, NULL),
	                    "denied ");
	assert_int_equal(campaign_audit_read(&c, db, NULL, NULL, NULL, NULL, NULL), CAMPAIGN_EINVALID);
	campaign_close(db);
}

TEST_MAIN("audit_signed",
          cmocka_unit_test(test_heads_signed_and_verified),
          cmocka_unit_test(test_trimmed_log_found_by_witness),
          cmocka_unit_test(test_forged_append_is_unsigned_tail),
          cmocka_unit_test(test_replaced_key_found_with_real_key),
          cmocka_unit_test(test_no_key_verifies_with_notice),
          cmocka_unit_test(test_log_follows_roles))
