/* Confidential fields sealed at rest: the one door through which every
 * secret text of a *_confidential table is written and read.
 *
 * The cipher is AES-256-GCM from OpenSSL's libcrypto (EVP): libcrypto is
 * already linked for the audit log's hashes and signatures (one crypto
 * library for the project, on every Debian system), its AES-GCM is
 * FIPS-reviewed and runs on AES-NI where the CPU has it; libsodium would
 * add a dependency for the same AEAD.
 *
 * A sealed value is text that says what it is: "enc1:" KEYID ":"
 * base64(nonce 12 | ciphertext | tag 16), with a fresh random 96-bit nonce
 * per value (RAND_bytes). The additional data is the table, the column and
 * the row's key, so that a ciphertext moved to another row or field does
 * not open. The audit triggers image rows as stored: the log holds only the
 * ciphertext, and verify checks it without the key.
 *
 * The domains seal and open in their own statements through SQL functions
 * registered on the connection -- seal(t, c, k, v), unseal(t, c, k, v), and
 * reseal(t, c, k, v, newkey) for a rotation -- after crypt_ready(). They
 * are SQLITE_DIRECTONLY: no view, trigger or imported rule can call them.
 * A value that does not start "enc1:" is clear text written before the
 * store had a key: it reads as such, and campaign_key_status_query() counts
 * it until a rotation seals it. */
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include "core/core.h"

#define NONCE 12
#define TAG 16
#define PREFIX "enc1:"
#define PREFIX_LEN 5
#define KEYID_LEN 8

static const char LOCKED_NO_KEY[] = "the store was opened without its key: confidential fields are locked";
static const char LOCKED_WRONG[] = "the key does not match this store's confidential fields";
static const char CHECK_PLAIN[] = "libcampaign confidential key check 1";

/* Every sealed column: table, the row's key column, column. */
#define SEALED_COLUMNS(X)                                                                                         \
	X("case_lead_confidential", "lead", "details")                                                               \
	X("case_lead_confidential", "lead", "reporter")                                                              \
	X("case_lead_confidential", "lead", "reporter_contact")                                                      \
	X("case_lead_confidential", "lead", "outcome_note")                                                          \
	X("risk_point_confidential", "point", "note")                                                                \
	X("person_record_confidential", "id", "sanction")                                                            \
	X("person_record_confidential", "id", "details")                                                             \
	X("person_record_confidential", "id", "authority")

/* The key's id: 8 hex digits of SHA-256 over a label and the key (the label:
 * never the digest of the bare key, which another use of it might publish). */
static int sealing_key_id(const unsigned char key[32], char out[KEYID_LEN + 1])
{
	static const char label[24] = "libcampaign key id 1";
	unsigned char in[sizeof label + 32];
	char hex[65];
	int rc;
	memcpy(in, label, sizeof label);
	memcpy(in + sizeof label, key, 32);
	rc = sha256_hex(in, sizeof in, hex);
	OPENSSL_cleanse(in, sizeof in);
	memcpy(out, hex, KEYID_LEN);
	out[KEYID_LEN] = '\0';
	return rc;
}

/* The additional data: table, column and row key, each NUL-ended. */
static int aad_of(struct campaign_buf *a, const char *table, const char *column, const char *row_key)
{
	int rc = buf_append(a, table, strlen(table) + 1);
	if (!rc)
		rc = buf_append(a, column, strlen(column) + 1);
	return rc ? rc : buf_append(a, row_key, strlen(row_key) + 1);
}

static int gcm(int enc, const unsigned char key[32], const unsigned char nonce[NONCE], const struct campaign_buf *aad,
               const unsigned char *in, int n, unsigned char *out, unsigned char tag[TAG])
{
	EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
	int len = 0, fin = 0, ok;
	ok = x && EVP_CipherInit_ex(x, EVP_aes_256_gcm(), NULL, key, nonce, enc) == 1 &&
	     (enc || EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_SET_TAG, TAG, tag) == 1) &&
	     EVP_CipherUpdate(x, NULL, &len, (const unsigned char *)aad->data, (int)aad->size) == 1 &&
	     EVP_CipherUpdate(x, out, &len, in, n) == 1 && EVP_CipherFinal_ex(x, out + len, &fin) == 1 &&
	     (!enc || EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_GET_TAG, TAG, tag) == 1);
	EVP_CIPHER_CTX_free(x);
	return ok;
}

static int seal_with(const unsigned char key[32], const struct campaign_buf *aad, const char *plain, size_t n,
                     struct campaign_buf *out)
{
	size_t raw_n = NONCE + n + TAG;
	unsigned char *raw = n < (1u << 30) ? malloc(raw_n) : NULL;
	char *b64 = raw ? malloc(4 * ((raw_n + 2) / 3) + 1) : NULL;
	char id[KEYID_LEN + 1];
	int rc;
	if (!b64)
		rc = error_set(n < (1u << 30) ? CAMPAIGN_ENOMEM : CAMPAIGN_EINVALID, "cannot seal a value of %zu bytes", n);
	else if ((rc = sealing_key_id(key, id)))
		;
	else if (RAND_bytes(raw, NONCE) != 1 ||
	         !gcm(1, key, raw, aad, (const unsigned char *)plain, (int)n, raw + NONCE, raw + NONCE + n))
		rc = error_set(CAMPAIGN_ERROR, "cannot seal a confidential field (AES-256-GCM failed)");
	else {
		EVP_EncodeBlock((unsigned char *)b64, raw, (int)raw_n);
		buf_reset(out);
		rc = buf_printf(out, PREFIX "%s:%s", id, b64);
	}
	free(raw);
	free(b64);
	return rc;
}

/* The bytes of base64 @s (@n characters), into a new block @*raw of *raw_n bytes. */
static int unbase64(const char *s, size_t n, unsigned char **raw, size_t *raw_n)
{
	int got, pad = n >= 2 && s[n - 1] == '=' ? (s[n - 2] == '=' ? 2 : 1) : 0;
	*raw = NULL;
	if (n % 4 || n < 4 || n > (1u << 31))
		return 0;
	if (!(*raw = malloc(n / 4 * 3)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if ((got = EVP_DecodeBlock(*raw, (const unsigned char *)s, (int)n)) < 0 || got - pad < NONCE + TAG) {
		free(*raw);
		*raw = NULL;
		return 0;
	}
	*raw_n = (size_t)(got - pad);
	return 0;
}

static int open_with(const unsigned char key[32], const struct campaign_buf *aad, const char *value,
                     struct campaign_buf *out)
{
	const char *b64 = value + PREFIX_LEN + KEYID_LEN + 1;
	char id[KEYID_LEN + 1];
	unsigned char *raw = NULL;
	size_t raw_n = 0, n;
	int rc;
	if ((rc = sealing_key_id(key, id)))
		return rc;
	if (strlen(value) < PREFIX_LEN + KEYID_LEN + 1 || value[PREFIX_LEN + KEYID_LEN] != ':')
		return error_set(CAMPAIGN_EIO, "a sealed confidential value is damaged (not enc1:KEYID:BASE64)");
	if (memcmp(value + PREFIX_LEN, id, KEYID_LEN))
		return error_set(CAMPAIGN_ELOCKED, "a confidential value is sealed under key %.8s, not the open key %s",
		                 value + PREFIX_LEN, id);
	if ((rc = unbase64(b64, strlen(b64), &raw, &raw_n)))
		return rc;
	if (!raw)
		return error_set(CAMPAIGN_EIO, "a sealed confidential value is damaged (its base64)");
	n = raw_n - NONCE - TAG;
	buf_reset(out);
	if (!(rc = buf_append(out, "", 0)) && !(rc = buf_append(out, (const char *)raw, n))) {
		/* decrypt in place over the copy of the ciphertext */
		if (!gcm(0, key, raw, aad, raw + NONCE, (int)n, (unsigned char *)out->data, raw + NONCE + n)) {
			OPENSSL_cleanse(out->data, out->size);
			buf_reset(out);
			rc = error_set(CAMPAIGN_EIO, "a confidential value does not open: it was altered, or moved from "
			                             "another row or field");
		}
	}
	free(raw);
	return rc;
}

int crypt_seal(campaign_db *db, const char *table, const char *column, const char *row_key, const char *plain,
               struct campaign_buf *out)
{
	struct campaign_buf aad = {0};
	int rc;
	if (!db->has_key)
		return error_set(CAMPAIGN_ELOCKED, LOCKED_NO_KEY);
	if (!(rc = aad_of(&aad, table, column, row_key)))
		rc = seal_with(db->key, &aad, plain, strlen(plain), out);
	buf_reset(&aad);
	return rc;
}

/* @value as it reads with @key (NULL: none): clear text as it is, a sealed one opened. */
static int open_value(const unsigned char *key, const char *table, const char *column, const char *row_key,
                      const char *value, struct campaign_buf *out)
{
	struct campaign_buf aad = {0};
	int rc;
	if (strncmp(value, PREFIX, PREFIX_LEN) != 0) {
		buf_reset(out);
		return buf_puts(out, value);
	}
	if (!key)
		return error_set(CAMPAIGN_ELOCKED, LOCKED_NO_KEY);
	if (!(rc = aad_of(&aad, table, column, row_key)))
		rc = open_with(key, &aad, value, out);
	buf_reset(&aad);
	return rc;
}

int crypt_open(campaign_db *db, const char *table, const char *column, const char *row_key, const char *value,
               struct campaign_buf *out)
{
	return open_value(db->has_key ? db->key : NULL, table, column, row_key, value, out);
}

/* ---- the SQL functions ---- */

/* The four text arguments; 1 when the value is NULL (the result is NULL). */
static int sql_args(sqlite3_context *ctx, sqlite3_value **argv, const char *a[4])
{
	for (int i = 0; i < 4; i++)
		a[i] = (const char *)sqlite3_value_text(argv[i]);
	if (sqlite3_value_type(argv[3]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return 1;
	}
	if (!a[0] || !a[1] || !a[2] || !a[3]) {
		sqlite3_result_error(ctx, "seal/unseal: table, column and row key are required", -1);
		return 1;
	}
	return 0;
}

static void sql_result(sqlite3_context *ctx, int rc, struct campaign_buf *b)
{
	if (rc == CAMPAIGN_ENOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc) {
		sql_function_failed(rc); /* the cursor reports EIO or ELOCKED, not a generic error */
		sqlite3_result_error(ctx, campaign_error_message(), -1);
	} else
		sqlite3_result_text(ctx, b->data ? b->data : "", (int)b->size, SQLITE_TRANSIENT);
	if (b->data)
		OPENSSL_cleanse(b->data, b->size);
	buf_reset(b);
}

static void sql_seal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct campaign_buf b = {0};
	const char *a[4];
	(void)argc;
	if (!sql_args(ctx, argv, a))
		sql_result(ctx, crypt_seal(sqlite3_user_data(ctx), a[0], a[1], a[2], a[3], &b), &b);
}

static void sql_unseal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct campaign_buf b = {0};
	const char *a[4];
	(void)argc;
	if (!sql_args(ctx, argv, a))
		sql_result(ctx, crypt_open(sqlite3_user_data(ctx), a[0], a[1], a[2], a[3], &b), &b);
}

/* reseal(t, c, k, v, newkey): @v opened with the open key (or as clear text)
 * and sealed under the 32-byte blob @newkey. */
static void sql_reseal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct campaign_buf b = {0}, aad = {0};
	const unsigned char *nk = sqlite3_value_blob(argv[4]);
	const char *a[4];
	int rc;
	(void)argc;
	if (sql_args(ctx, argv, a))
		return;
	if (!nk || sqlite3_value_bytes(argv[4]) != 32) {
		sqlite3_result_error(ctx, "reseal: the new key must be 32 bytes", -1);
		return;
	}
	if (!(rc = crypt_open(sqlite3_user_data(ctx), a[0], a[1], a[2], a[3], &b)) &&
	    !(rc = aad_of(&aad, a[0], a[1], a[2]))) {
		struct campaign_buf plain = b;
		b = (struct campaign_buf){0};
		rc = seal_with(nk, &aad, plain.data ? plain.data : "", plain.size, &b);
		if (plain.data)
			OPENSSL_cleanse(plain.data, plain.size);
		buf_reset(&plain);
	}
	buf_reset(&aad);
	sql_result(ctx, rc, &b);
}

int crypt_register(campaign_db *db)
{
	static const struct {
		const char *name;
		int n;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {{"seal", 4, sql_seal}, {"unseal", 4, sql_unseal}, {"reseal", 5, sql_reseal}};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		int rc = sqlite3_create_function(db->sql, fns[i].name, fns[i].n, SQLITE_UTF8 | SQLITE_DIRECTONLY, db,
		                                 fns[i].fn, NULL, NULL);
		if (rc != SQLITE_OK)
			return error_from_sqlite(db->sql, rc, "cannot register the confidential fields' functions");
	}
	return CAMPAIGN_OK;
}

/* ---- the key check ---- */

static const char SQL_CHECK[] = "SELECT key_id, check_value FROM confidential_key WHERE one = 1";
static const char SQL_CHECK_SET[] =
	"INSERT INTO confidential_key (one, key_id, check_value, set_at) VALUES (1, ?1, ?2, ?3) "
	"ON CONFLICT (one) DO UPDATE SET key_id = excluded.key_id, check_value = excluded.check_value, "
	"set_at = excluded.set_at";

/* The seal of the check constant under @key, into @out, and the key's id. */
static int check_of(const unsigned char key[32], char id[KEYID_LEN + 1], struct campaign_buf *out)
{
	struct campaign_buf aad = {0};
	int rc;
	if (!(rc = sealing_key_id(key, id)) && !(rc = aad_of(&aad, "confidential_key", "check_value", id)))
		rc = seal_with(key, &aad, CHECK_PLAIN, sizeof CHECK_PLAIN - 1, out);
	buf_reset(&aad);
	return rc;
}

/* Records @key as the store's key (inside the caller's transaction). */
static int check_set(campaign_db *db, const unsigned char key[32])
{
	struct campaign_buf v = {0};
	char id[KEYID_LEN + 1], now[21];
	int rc;
	db_now(now);
	if (!(rc = check_of(key, id, &v)))
		rc = stmt_run(NULL, db, SQL_CHECK_SET, "cannot record the key check", "ttt", id, v.data, now);
	buf_reset(&v);
	return rc;
}

/* Whether the store has a key check (*keyed); OK if it has none, or the
 * open key opens it; ELOCKED otherwise. */
static int key_matches(campaign_db *db, int *keyed)
{
	struct campaign_buf aad = {0}, plain = {0};
	sqlite3_stmt *st = db_stmt(db, SQL_CHECK);
	char id[KEYID_LEN + 1] = "";
	int rc = CAMPAIGN_OK, ok = 0;
	if (!st)
		return campaign_error_code_last();
	*keyed = db_step_row(db, st, "cannot read the key check", &rc);
	if (*keyed && db->has_key && !(rc = sealing_key_id(db->key, id)) && !strcmp(id, (const char *)sqlite3_column_text(st, 0)) &&
	    !(rc = aad_of(&aad, "confidential_key", "check_value", id)))
		ok = open_with(db->key, &aad, (const char *)sqlite3_column_text(st, 1), &plain) == CAMPAIGN_OK &&
		     plain.size == sizeof CHECK_PLAIN - 1 && !memcmp(plain.data, CHECK_PLAIN, plain.size);
	sqlite3_reset(st);
	buf_reset(&aad);
	buf_reset(&plain);
	if (rc || !*keyed)
		return rc;
	if (!db->has_key)
		return error_set(CAMPAIGN_ELOCKED, LOCKED_NO_KEY);
	return ok ? CAMPAIGN_OK : error_set(CAMPAIGN_ELOCKED, LOCKED_WRONG);
}

int crypt_ready(campaign_db *db, int write)
{
	int keyed, rc;
	if (!db->has_key)
		return error_set(CAMPAIGN_ELOCKED, LOCKED_NO_KEY);
	if ((rc = key_matches(db, &keyed)) || keyed || !write)
		return rc;
	/* the first sealed value: the open key becomes the store's */
	return check_set(db, db->key);
}

int campaign_key_check(campaign_db *db)
{
	int rc = db_check(db);
	if (!rc)
		rc = crypt_ready(db, 0);
	if (!rc)
		error_ok();
	return rc;
}

/* ---- rotation ---- */

#define RESEAL_SQL(t, k, c) \
	"UPDATE " t " SET " c " = reseal('" t "', '" c "', " k ", " c ", ?1) WHERE " c " IS NOT NULL",
static const char *const SQL_RESEAL[] = {SEALED_COLUMNS(RESEAL_SQL)};

typedef struct rotation {
	unsigned char key[32];
	int n; /* the values sealed anew */
} rotation;

static int rotate_body(write_op *op, void *ctx)
{
	rotation *r = ctx;
	int keyed, rc;
	/* the open key must open what is sealed; a store never keyed is all clear text */
	if ((rc = key_matches(op->db, &keyed)))
		return rc;
	for (size_t i = 0; i < sizeof SQL_RESEAL / sizeof SQL_RESEAL[0]; i++) {
		sqlite3_stmt *st = stmts_get(&op->st, SQL_RESEAL[i]);
		if (!st)
			return campaign_error_code_last();
		/* static: r->key outlives the statement, which this call finalizes */
		sqlite3_bind_blob(st, 1, r->key, 32, SQLITE_STATIC);
		rc = db_step_done(op->db, st, "cannot re-encrypt the confidential fields");
		sqlite3_clear_bindings(st);
		if (rc)
			return rc;
		r->n += sqlite3_changes(op->db->sql);
	}
	return check_set(op->db, r->key);
}

int campaign_key_rotate(campaign_db *db, const char *actor, const char *new_key)
{
	rotation r = {{0}, 0};
	write_op op = {.name = "key.rotate", .actor = actor, .access = ACCESS_CONFIDENTIAL, .flags = WRITE_NO_CAMPAIGN,
	               .body = rotate_body};
	int rc;
	if ((rc = db_check(db)))
		return rc;
	if (!new_key)
		return error_set(CAMPAIGN_EINVALID, "campaign_key_rotate: the new key is required");
	if ((rc = key_from_hex(new_key, strlen(new_key), r.key, "campaign_key_rotate")))
		return rc;
	if (!(rc = db_write(db, &op, &r, NULL))) {
		memcpy(db->key, r.key, sizeof db->key);
		db->has_key = 1;
		/* the old pages (secure_delete zeroes those freed in the file) may
		 * still be in the WAL: move it into the file and empty it; a reader
		 * that holds it open only delays this to the next checkpoint */
		sqlite3_wal_checkpoint_v2(db->sql, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
		error_ok();
	}
	OPENSSL_cleanse(r.key, sizeof r.key);
	return rc ? rc : r.n;
}

/* ---- status ---- */

#define STATUS_SQL(t, k, c)                                                                                       \
	" UNION ALL SELECT '" t "', '" c "', count(CASE WHEN substr(" c ", 1, 5) = 'enc1:' THEN 1 END), "            \
	"count(CASE WHEN substr(" c ", 1, 5) <> 'enc1:' THEN 1 END) FROM " t
static const char SQL_STATUS[] = "SELECT * FROM (SELECT NULL AS tbl, NULL AS col, 0 AS sealed, 0 AS clear WHERE 0"
	SEALED_COLUMNS(STATUS_SQL) ")";

int campaign_key_status_query(campaign_cursor **out, campaign_db *db)
{
	campaign_cursor *c = NULL;
	int rc = query_begin(out, &c, db, NULL, SQL_STATUS, "ttii", NULL);
	return query_done(out, c, rc);
}
