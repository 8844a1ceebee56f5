/* The host's keys: the confidential fields' key and the store's Ed25519
 * signing key, given to campaign_open_with() and kept only in the handle.
 * Neither is ever written into the store: someone holding the file alone
 * can read no confidential field and sign no chain head.
 * Keys and signatures come from OpenSSL's libcrypto, as the audit log's
 * hashing does (one crypto library, on every Debian system). */
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include "core/core.h"

#define KEY_HEX 64 /* 32 bytes */

static int hex_digit(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* 64 hex digits, then nothing but an end of line, into @key. */
int key_from_hex(const char *hex, size_t n, unsigned char key[32], const char *where)
{
	while (n > 0 && (hex[n - 1] == '\n' || hex[n - 1] == '\r'))
		n--;
	if (n != KEY_HEX)
		return error_set(CAMPAIGN_EINVALID, "%s: the key must be 64 hexadecimal digits (256 bits), not %zu characters",
		                 where, n);
	for (size_t i = 0; i < 32; i++) {
		int hi = hex_digit((unsigned char)hex[2 * i]), lo = hex_digit((unsigned char)hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return error_set(CAMPAIGN_EINVALID, "%s: the key must be 64 hexadecimal digits (256 bits)", where);
		key[i] = (unsigned char)(hi << 4 | lo);
	}
	return CAMPAIGN_OK;
}

/* A key file's text, whole (small: a key or a PEM block). */
static int read_secret_file(const char *path, struct campaign_buf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[1024];
	size_t n;
	int rc = CAMPAIGN_OK;
	if (!f)
		return error_set(CAMPAIGN_EIO, "%s: cannot read the key file", path);
	while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = out->size + n > 65536 ? error_set(CAMPAIGN_EINVALID, "%s: not a key file (over 64 KiB)", path)
		                           : buf_append(out, chunk, n);
	if (!rc && ferror(f))
		rc = error_set(CAMPAIGN_EIO, "%s: cannot read the key file", path);
	fclose(f);
	return rc;
}

/* @text, or the contents of @file (exactly one of them, or neither), into @out. */
static int secret_text(const char *text, const char *file, const char *what, struct campaign_buf *out)
{
	if (text && file)
		return error_set(CAMPAIGN_EINVALID, "campaign_open_with: give %s or %s_file, not both", what, what);
	if (file)
		return read_secret_file(file, out);
	return text ? buf_puts(out, text) : CAMPAIGN_OK;
}

static int load_key(campaign_db *db, const campaign_open_options *o)
{
	struct campaign_buf t = {0};
	int rc = secret_text(o->key, o->key_file, "key", &t);
	if (!rc && t.size) {
		rc = key_from_hex(t.data, t.size, db->key, o->key_file ? o->key_file : "campaign_open_with");
		db->has_key = rc == CAMPAIGN_OK;
	}
	OPENSSL_cleanse(t.data, t.size);
	buf_reset(&t);
	return rc;
}

static int load_signing_key(campaign_db *db, const campaign_open_options *o)
{
	struct campaign_buf t = {0};
	int rc = secret_text(o->signing_key, o->signing_key_file, "signing_key", &t);
	if (!rc && t.size && !(db->signing_key = key_read_pem(t.data, 1)))
		rc = error_set(CAMPAIGN_EINVALID, "%s: the signing key is not an Ed25519 private key in PEM form",
		               o->signing_key_file ? o->signing_key_file : "campaign_open_with");
	OPENSSL_cleanse(t.data, t.size);
	buf_reset(&t);
	return rc;
}

int keys_load(campaign_db *db, const campaign_open_options *o)
{
	int rc;
	if (!o)
		return CAMPAIGN_OK;
	if ((rc = load_key(db, o)) || (rc = load_signing_key(db, o)))
		return rc;
	if (o->witness_file && !(db->witness_file = str_dup(o->witness_file)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return CAMPAIGN_OK;
}

void keys_free(campaign_db *db)
{
	OPENSSL_cleanse(db->key, sizeof db->key);
	db->has_key = 0;
	EVP_PKEY_free(db->signing_key);
	db->signing_key = NULL;
	free(db->witness_file);
	db->witness_file = NULL;
}

EVP_PKEY *key_read_pem(const char *pem, int private_key)
{
	BIO *bio = BIO_new_mem_buf(pem, -1);
	EVP_PKEY *k = NULL;
	if (!bio)
		return NULL;
	k = private_key ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
	BIO_free(bio);
	if (k && EVP_PKEY_get_id(k) != EVP_PKEY_ED25519) {
		EVP_PKEY_free(k);
		k = NULL;
	}
	return k;
}

int key_sign(EVP_PKEY *key, const void *msg, size_t n, unsigned char sig[64])
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	size_t siglen = 64;
	int ok = md && EVP_DigestSignInit(md, NULL, NULL, NULL, key) == 1 && EVP_DigestSign(md, sig, &siglen, msg, n) == 1 &&
	         siglen == 64;
	EVP_MD_CTX_free(md);
	return ok ? CAMPAIGN_OK : error_set(CAMPAIGN_ERROR, "signing failed");
}

int db_sign(campaign_db *db, const void *msg, size_t n, unsigned char sig[64])
{
	if (!db->signing_key)
		return error_set(CAMPAIGN_EINVALID, "the store was opened without a signing key");
	return key_sign(db->signing_key, msg, n, sig);
}

int key_verify(EVP_PKEY *key, const void *msg, size_t n, const unsigned char sig[64])
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	int ok = md && EVP_DigestVerifyInit(md, NULL, NULL, NULL, key) == 1 && EVP_DigestVerify(md, sig, 64, msg, n) == 1;
	EVP_MD_CTX_free(md);
	return ok;
}

int key_public_pem(EVP_PKEY *key, struct campaign_buf *out)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *data;
	long n;
	int rc;
	buf_reset(out);
	if (!bio || PEM_write_bio_PUBKEY(bio, key) != 1)
		rc = error_set(CAMPAIGN_ENOMEM, "cannot write the public key");
	else {
		n = BIO_get_mem_data(bio, &data);
		rc = buf_append(out, data, (size_t)n);
	}
	BIO_free(bio);
	return rc;
}

int key_id(EVP_PKEY *key, char id[65], struct campaign_buf *pem)
{
	int rc = key_public_pem(key, pem);
	return rc ? rc : sha256_hex(pem->data, pem->size, id);
}
