/* campaign_open_with(): the host's keys are read and checked before the
 * store is touched, and a bad one opens nothing. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define KEY "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF"

static void expect_refused(const campaign_open_options *o, int code, const char *message)
{
	char path[512];
	campaign_db *db = NULL;
	tmp_store_path(path, sizeof path, "keys.db");
	unlink(path);
	assert_int_equal(campaign_open_with(&db, path, o), code);
	assert_null(db);
	assert_string_equal(campaign_error_message(), message);
	/* refused before the file: nothing was created */
	assert_int_not_equal(access(path, F_OK), 0);
}

static void test_bad_keys_open_nothing(void **state)
{
	campaign_open_options o = CAMPAIGN_OPEN_OPTIONS_INIT;
	(void)state;
	o.key = "abc";
	expect_refused(&o, CAMPAIGN_EINVALID,
	               "campaign_open_with: the key must be 64 hexadecimal digits (256 bits), not 3 characters");
	o.key = KEY "\n";
	o.key_file = "/nonexistent/key";
	expect_refused(&o, CAMPAIGN_EINVALID, "campaign_open_with: give key or key_file, not both");
	o.key = NULL;
	expect_refused(&o, CAMPAIGN_EIO, "/nonexistent/key: cannot read the key file");
	o.key_file = NULL;
	o.key = "zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
	expect_refused(&o, CAMPAIGN_EINVALID, "campaign_open_with: the key must be 64 hexadecimal digits (256 bits)");
	o.key = NULL;
	o.signing_key = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n";
	expect_refused(&o, CAMPAIGN_EINVALID,
	               "campaign_open_with: the signing key is not an Ed25519 private key in PEM form");
	o.signing_key = NULL;
	o.version = 99;
	expect_refused(&o, CAMPAIGN_EINVALID, "campaign_open_options: unknown version 99 (this library knows 1)");
	o.version = CAMPAIGN_OPEN_OPTIONS_VERSION;
	o.flags = 0x80;
	expect_refused(&o, CAMPAIGN_EINVALID, "campaign_open: unknown flags 0x80");
}

static void test_good_keys_open(void **state)
{
	char path[512], keyfile[512];
	campaign_open_options o;
	campaign_buf *pem = NULL;
	campaign_db *db = NULL;
	FILE *f;
	(void)state;
	assert_int_equal(campaign_open_options_init(&o, CAMPAIGN_OPEN_OPTIONS_VERSION), CAMPAIGN_OK);
	assert_int_equal(campaign_open_options_init(&o, 7), CAMPAIGN_EINVALID);
	tmp_store_path(path, sizeof path, "keys-ok.db");
	tmp_store_path(keyfile, sizeof keyfile, "keys-ok.key");
	f = fopen(keyfile, "w");
	assert_non_null(f);
	fputs(KEY "\r\n", f);
	fclose(f);
	assert_int_equal(campaign_audit_keygen(&pem), CAMPAIGN_OK);
	o.key_file = keyfile;
	o.signing_key = campaign_buf_data(pem);
	o.witness_file = "/tmp/unused-witness";
	assert_int_equal(campaign_open_with(&db, path, &o), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "tester", NULL), CAMPAIGN_OK);
	campaign_close(db);
	/* NULL options: as campaign_open(path, 0) */
	assert_int_equal(campaign_open_with(&db, path, NULL), CAMPAIGN_OK);
	campaign_close(db);
	campaign_buf_free(pem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_keys_open_nothing),
		cmocka_unit_test(test_good_keys_open),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
