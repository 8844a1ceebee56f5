/* Signed chain heads, the witness file, and checkpoints.
 *
 * The hash chain proves that entries were not altered one by one; it cannot
 * prove that the newest were not cut off, or that entries were not appended
 * by someone who has the file and the library but not the host's key. So
 * each transaction's head (its last entry's seq and hash) is signed with the
 * store's Ed25519 key at seal time and kept in audit_head (migration 020),
 * and the library can copy the newest head to a witness file outside the
 * store after each commit. campaign_audit_verify() (audit.c) checks the heads
 * and any witness a host kept. Signatures go through keys.c's one door. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include "core/core.h"

#define HEAD_MAGIC "libcampaign head 1\n"
#define CHECKPOINT_MAGIC "libcampaign checkpoint 1\n"

/* The canonical signed text of a head: versioned, one field a line. */
static int head_text(struct campaign_buf *b, const char *site, long long seq, const char *hash, const char *at,
                     long long first)
{
	return buf_printf(b, HEAD_MAGIC "site: %s\nseq: %lld\nhash: %s\nat: %s\nfirst: %lld\n", site, seq, hash, at, first);
}

static int hex_append(struct campaign_buf *b, const unsigned char *sig, size_t n)
{
	int rc = CAMPAIGN_OK;
	for (size_t i = 0; !rc && i < n; i++)
		rc = buf_printf(b, "%02x", sig[i]);
	return rc;
}

/* 128 hex digits into 64 bytes; 0 if they are not. */
static int hex_signature(const char *hex, unsigned char sig[64])
{
	for (int i = 0; i < 64; i++) {
		unsigned x;
		if (sscanf(hex + 2 * i, "%2x", &x) != 1)
			return 0;
		sig[i] = (unsigned char)x;
	}
	return strlen(hex) >= 128;
}

/* Signs @body (a head or checkpoint) with @key, appending "key: ID\nsignature: HEX\n". */
static int sign_block(struct campaign_buf *body, EVP_PKEY *key, char id[65])
{
	struct campaign_buf pem = {0};
	unsigned char sig[64];
	int rc = key_sign(key, body->data, body->size, sig);
	if (!rc)
		rc = key_id(key, id, &pem);
	if (!rc)
		rc = buf_printf(body, "key: %s\nsignature: ", id);
	if (!rc)
		rc = hex_append(body, sig, 64);
	if (!rc)
		rc = buf_puts(body, "\n");
	buf_reset(&pem);
	return rc;
}

/* ---- the seal's head ---- */

static const char SQL_KEY_RECORD[] =
	"INSERT OR IGNORE INTO audit_key (id, public_key_pem, first_seq, recorded_at) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_HEAD_ADD[] =
	"INSERT INTO audit_head (seq, hash, site, at, key_id, signature, first) VALUES (?1, ?2, '', ?3, ?4, ?5, ?6)";

/* The public key is recorded the first time a key signs (a new key adds a
 * row: rotation). A head vouches for its transaction's entries (@first on);
 * a key's first head vouches for the whole chain before it, as the host
 * adopting the key sees it. */
static int head_key(campaign_db *db, sqlite3_int64 seq, const char *now, char id[65], sqlite3_int64 *first)
{
	struct campaign_buf pem = {0};
	int rc = key_id(db->signing_key, id, &pem);
	if (!rc)
		rc = stmt_run(NULL, db, SQL_KEY_RECORD, "cannot record the signing key", "ttIt", id, pem.data, seq, now);
	if (!rc && sqlite3_changes(db->sql) == 1)
		*first = 1;
	buf_reset(&pem);
	return rc;
}

/* One signature per commit (about 50 µs), and the head kept. */
static int head_sign(campaign_db *db, sqlite3_int64 seq, sqlite3_int64 first, const char *hash, const char *now,
                     const char *id, struct campaign_buf *text)
{
	unsigned char sig[64];
	int rc = db_sign(db, text->data, text->size, sig);
	if (!rc)
		rc = buf_printf(text, "key: %s\nsignature: ", id);
	if (!rc)
		rc = hex_append(text, sig, 64);
	if (!rc)
		rc = stmt_run(NULL, db, SQL_HEAD_ADD, "cannot keep the signed head", "IttttI", seq, hash, now, id,
		              text->data + text->size - 128, first);
	return rc ? rc : buf_puts(text, "\n");
}

int audit_head_seal(campaign_db *db, sqlite3_int64 seq, const char *hash)
{
	struct campaign_buf text = {0};
	sqlite3_int64 first = db->audit_start + 1;
	char now[21], id[65];
	int rc = CAMPAIGN_OK;
	if (!db->signing_key && !db->witness_file)
		return CAMPAIGN_OK;
	db_now(now);
	if (db->signing_key)
		rc = head_key(db, seq, now, id, &first);
	if (!rc)
		rc = head_text(&text, "", (long long)seq, hash, now, (long long)first);
	if (!rc && db->signing_key)
		rc = head_sign(db, seq, first, hash, now, id, &text);
	/* the witness file gets it once COMMIT has succeeded (db_commit) */
	buf_reset(&db->witness_head);
	if (!rc && db->witness_file)
		db->witness_head = text;
	else
		buf_reset(&text);
	return rc;
}

void audit_witness_write(campaign_db *db)
{
	if (db->witness_file && db->witness_head.size)
		/* the commit stands whatever happens here: a witness that could not be
		 * written stays at the previous head, and the next commit rewrites it */
		(void)buf_write_file(&db->witness_head, db->witness_file);
	buf_reset(&db->witness_head);
}

int audit_head_valid(sqlite3_stmt *h, EVP_PKEY *key)
{
	struct campaign_buf text = {0};
	unsigned char sig[64];
	const char *hash = (const char *)sqlite3_column_text(h, 1), *site = (const char *)sqlite3_column_text(h, 2);
	const char *at = (const char *)sqlite3_column_text(h, 3), *hex = (const char *)sqlite3_column_text(h, 4);
	int ok = key && hash && site && at && hex && hex_signature(hex, sig) &&
	         head_text(&text, site, (long long)sqlite3_column_int64(h, 0), hash, at,
	                   (long long)sqlite3_column_int64(h, 5)) == CAMPAIGN_OK &&
	         key_verify(key, text.data, text.size, sig);
	buf_reset(&text);
	return ok;
}

/* ---- witnesses ---- */

static const char SQL_KEY_BY_ID[] = "SELECT public_key_pem FROM audit_key WHERE id = ?1";

/* The recorded public key of id @id, or NULL. */
static EVP_PKEY *recorded_key(campaign_db *db, const char *id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_KEY_BY_ID);
	EVP_PKEY *k = NULL;
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (stmt_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		k = key_read_pem((const char *)sqlite3_column_text(st, 0), 0);
	sqlite3_reset(st);
	return k;
}

/* Checks the signature of the block @start..@sigline (the signed part). */
static int block_signature(campaign_db *db, const char *start, const char *end, EVP_PKEY *key, const char *what)
{
	const char *sigline = strstr(start, "signature: ");
	const char *keyline = strstr(start, "key: ");
	char id[65] = "", hex[129] = "";
	unsigned char sig[64];
	EVP_PKEY *own = NULL;
	int ok;
	if (!sigline || sigline > end || sscanf(sigline, "signature: %128s", hex) != 1 || !hex_signature(hex, sig))
		return error_set(CAMPAIGN_EINVALID, "the %s's signature is missing or not 128 hex digits", what);
	/* a key line comes after the signed text (newer blocks); without one the signature follows it */
	if (keyline && keyline < sigline && sscanf(keyline, "key: %64s", id) == 1 && !key)
		key = own = recorded_key(db, id);
	if (!key)
		return error_set(CAMPAIGN_EINVALID, "a %s needs the Ed25519 public key (PEM) that signed it", what);
	ok = key_verify(key, start, (size_t)((keyline && keyline < sigline ? keyline : sigline) - start), sig);
	EVP_PKEY_free(own);
	return ok ? CAMPAIGN_OK : error_set(CAMPAIGN_EINVALID, "the %s's signature does not verify with this key", what);
}

int audit_witness_next(campaign_db *db, const char **text, EVP_PKEY *key, audit_witness *w)
{
	const char *p = *text, *end, *next;
	int head, rc, n;
	while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return 0;
	head = !strncmp(p, HEAD_MAGIC, strlen(HEAD_MAGIC));
	if (!head && strncmp(p, CHECKPOINT_MAGIC, strlen(CHECKPOINT_MAGIC)))
		return error_set(CAMPAIGN_EINVALID, "not a libcampaign checkpoint or head");
	/* a block ends where the next begins: witness files may be concatenated */
	next = strstr(p + 1, "libcampaign ");
	end = next ? next : p + strlen(p);
	memset(w, 0, sizeof *w);
	w->checkpoint = !head;
	w->entries = -1;
	if (head)
		n = sscanf(p + strlen(HEAD_MAGIC), "site: %*[^\n]\nseq: %lld\nhash: %64s", &w->seq, w->hash) == 2 ||
		    sscanf(p + strlen(HEAD_MAGIC), "site: \nseq: %lld\nhash: %64s", &w->seq, w->hash) == 2;
	else
		n = sscanf(p + strlen(CHECKPOINT_MAGIC), "entries: %lld\nseq: %lld\nhash: %64s", &w->entries, &w->seq,
		           w->hash) == 3;
	if (!n || strlen(w->hash) != 64)
		return error_set(CAMPAIGN_EINVALID, "not a libcampaign checkpoint or head");
	{
		const char *sig = strstr(p, "signature: ");
		w->is_signed = sig && sig < end;
	}
	/* a checkpoint is always signed; a head is when its store had a key */
	if ((!head || w->is_signed) && (rc = block_signature(db, p, end, key, head ? "head" : "checkpoint")))
		return rc;
	*text = end;
	return 1;
}

/* Hands @text over to a new public buffer in *@out when @rc is OK; frees it otherwise. */
static int hand_out(campaign_buf **out, struct campaign_buf *text, int rc)
{
	if (!rc && !(*out = calloc(1, sizeof **out)))
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (rc) {
		buf_reset(text);
		return rc;
	}
	**out = *text;
	error_ok();
	return CAMPAIGN_OK;
}

/* ---- checkpoints ---- */

static const char SQL_HEAD[] = "SELECT seq, hash, (SELECT count(*) FROM audit_log) FROM audit_log ORDER BY seq DESC LIMIT 1";

/* The checkpoint's text, signed with @key. */
static int checkpoint_text(campaign_db *db, EVP_PKEY *key, struct campaign_buf *body)
{
	sqlite3_stmt *st = db_stmt(db, SQL_HEAD);
	char now[21], id[65];
	int rc;
	if (!st)
		return campaign_error_code_last();
	if (stmt_step(st) != SQLITE_ROW || sqlite3_column_type(st, 1) == SQLITE_NULL) {
		sqlite3_reset(st);
		return error_set(CAMPAIGN_EINVALID, "the audit log is empty or its head is unsealed: nothing to checkpoint");
	}
	db_now(now);
	rc = buf_printf(body, CHECKPOINT_MAGIC "entries: %lld\nseq: %lld\nhash: %s\nat: %s\n",
	                (long long)sqlite3_column_int64(st, 2), (long long)sqlite3_column_int64(st, 0),
	                (const char *)sqlite3_column_text(st, 1), now);
	sqlite3_reset(st);
	/* the signer's key id goes after the signed text: older checkpoints, without it, still verify */
	return rc ? rc : sign_block(body, key, id);
}

int campaign_audit_checkpoint(campaign_buf **out, campaign_db *db, const char *private_key_pem)
{
	struct campaign_buf body = {0};
	EVP_PKEY *key = NULL;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_audit_checkpoint: out is required");
	if ((rc = db_check(db)))
		return rc;
	if (!private_key_pem && !db->signing_key)
		return error_set(CAMPAIGN_EINVALID, "campaign_audit_checkpoint: a key is required (or open with a signing key)");
	if (private_key_pem && !(key = key_read_pem(private_key_pem, 1)))
		return error_set(CAMPAIGN_EINVALID, "the key is not an Ed25519 private key in PEM form");
	rc = checkpoint_text(db, key ? key : db->signing_key, &body);
	EVP_PKEY_free(key);
	return hand_out(out, &body, rc);
}

/* ---- keys ---- */

static int bio_to_buf(BIO *bio, campaign_buf **out)
{
	struct campaign_buf text = {0};
	char *data;
	long n = BIO_get_mem_data(bio, &data);
	return hand_out(out, &text, buf_append(&text, data, (size_t)n));
}

int campaign_audit_keygen(campaign_buf **out)
{
	EVP_PKEY *key = NULL;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, NULL);
	BIO *bio = BIO_new(BIO_s_mem());
	int rc;
	if (!out)
		rc = error_set(CAMPAIGN_EINVALID, "campaign_audit_keygen: out is NULL");
	else if (!ctx || !bio || EVP_PKEY_keygen_init(ctx) != 1 || EVP_PKEY_keygen(ctx, &key) != 1 ||
	         PEM_write_bio_PrivateKey(bio, key, NULL, NULL, 0, NULL, NULL) != 1 || PEM_write_bio_PUBKEY(bio, key) != 1)
		rc = error_set(CAMPAIGN_ERROR, "cannot make an Ed25519 key");
	else
		rc = bio_to_buf(bio, out);
	EVP_PKEY_free(key);
	EVP_PKEY_CTX_free(ctx);
	BIO_free(bio);
	if (!rc)
		error_ok();
	return rc;
}

int campaign_audit_public_key(campaign_buf **out, const char *pem)
{
	struct campaign_buf text = {0};
	EVP_PKEY *key;
	int rc;
	if (!out || !pem)
		return error_set(CAMPAIGN_EINVALID, "campaign_audit_public_key: out and pem are required");
	if (!(key = key_read_pem(pem, 0)) && !(key = key_read_pem(pem, 1)))
		return error_set(CAMPAIGN_EINVALID, "no Ed25519 key in this PEM text");
	rc = key_public_pem(key, &text);
	EVP_PKEY_free(key);
	return hand_out(out, &text, rc);
}
