/* Checkpoints, keys and error names: the argument checks of
 * core/audit_head.c and core/error.c (issue 18, coverage), each with its
 * exact code and message. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void test_error_names(void **state)
{
	(void)state;
	static const struct {
		int code;
		const char *name;
	} names[] = {{CAMPAIGN_OK, "OK"},         {CAMPAIGN_ERROR, "ERROR"},       {CAMPAIGN_ENOTFOUND, "ENOTFOUND"},
	             {CAMPAIGN_EINVALID, "EINVALID"}, {CAMPAIGN_ECONFLICT, "ECONFLICT"}, {CAMPAIGN_ENOMEM, "ENOMEM"},
	             {CAMPAIGN_EIO, "EIO"},       {CAMPAIGN_EBUSY, "EBUSY"},       {CAMPAIGN_EPERM, "EPERM"},
	             {CAMPAIGN_EVERSION, "EVERSION"}, {CAMPAIGN_ECLOSED, "ECLOSED"}, {CAMPAIGN_ELOCKED, "ELOCKED"},
	             {CAMPAIGN_ITEROVER, "ITEROVER"}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_string_equal(campaign_error_name(names[i].code), names[i].name);
}

static void test_key_arguments(void **state)
{
	campaign_buf *out = NULL;
	(void)state;
	assert_int_equal(campaign_audit_keygen(NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_audit_keygen: out is NULL");
	assert_int_equal(campaign_audit_public_key(NULL, "x"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_audit_public_key: out and pem are required");
	assert_int_equal(campaign_audit_public_key(&out, "not a key"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "no Ed25519 key in this PEM text");
	assert_null(out);
}

static void test_checkpoint_arguments(void **state)
{
	campaign_db *db = *state;
	campaign_buf *out = NULL, *key = NULL;
	campaign_cursor *c = NULL;
	assert_int_equal(campaign_audit_checkpoint(NULL, db, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_audit_checkpoint: out is required");
	assert_int_equal(campaign_audit_checkpoint(&out, db, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "campaign_audit_checkpoint: a key is required (or open with a signing key)");
	assert_int_equal(campaign_audit_checkpoint(&out, db, "-----BEGIN PRIVATE KEY-----\nxx\n"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the key is not an Ed25519 private key in PEM form");
	assert_null(out);
	assert_int_equal(campaign_audit_keygen(&key), CAMPAIGN_OK);
	/* witness texts verify refuses */
	assert_int_equal(campaign_audit_verify(&c, db, "hello\n", NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "not a libcampaign checkpoint or head");
	assert_int_equal(campaign_audit_checkpoint(&out, db, campaign_buf_data(key)), CAMPAIGN_OK);
	{
		/* the signature cut off, then a checkpoint whose signer is unknown and no key given */
		char text[4096];
		char *sig;
		snprintf(text, sizeof text, "%s", campaign_buf_data(out));
		sig = strstr(text, "signature: ");
		assert_non_null(sig);
		strcpy(sig, "signature: abc\n");
		assert_int_equal(campaign_audit_verify(&c, db, text, NULL), CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "the checkpoint's signature is missing or not 128 hex digits");
		assert_int_equal(campaign_audit_verify(&c, db, campaign_buf_data(out), NULL), CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "a checkpoint needs the Ed25519 public key (PEM) that signed it");
	}
	/* the key verify is given must be a public Ed25519 key; every read needs its cursor */
	assert_int_equal(campaign_audit_verify(&c, db, NULL, "-----BEGIN PUBLIC KEY-----\nxx\n"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the public key is not an Ed25519 public key in PEM form");
	assert_int_equal(campaign_audit_verify(NULL, db, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the cursor out-parameter is NULL");
	assert_int_equal(campaign_audit_query(NULL, db, NULL, NULL, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the cursor out-parameter is NULL");
	assert_int_equal(campaign_audit_read(NULL, db, "office", NULL, NULL, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the cursor out-parameter is NULL");
	assert_null(c);
	assert_int_equal(campaign_key_rotate(db, "office", NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_key_rotate: the new key is required");
	campaign_buf_free(out);
	campaign_buf_free(key);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_error_names), cmocka_unit_test(test_key_arguments),
	                                   SEED_TEST(test_checkpoint_arguments)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
