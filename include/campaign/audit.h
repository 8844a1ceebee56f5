/**
 * @file campaign/audit.h
 * @brief The audit log: a tamper-evident record of who changed what.
 *
 * Every change through the API is logged: one "call" entry (actor,
 * operation, detail) and one entry per row changed (table, key, object id,
 * the row as JSON before and after), captured by TEMP triggers that exist
 * only in the library's own connections and sealed into the log when the
 * library commits. Entries form a SHA-256 hash chain (OpenSSL's libcrypto). campaign_audit_verify() recomputes the chain and
 * checks every current row against its last logged image, so a change made
 * with raw SQL, an altered or deleted entry, or a rewritten chain (against a
 * signed checkpoint) is found and named.
 */
#ifndef CAMPAIGN_AUDIT_H
#define CAMPAIGN_AUDIT_H

#include "common.h"
#include "store.h"
#include "cursor.h"
#include "plan.h"

CAMPAIGN_BEGIN_DECLS

/**
 * Reads the log, oldest first. Every filter may be NULL.
 * @param object   an object id (e.g. "t1.1.o1") or NULL
 * @param actor    an actor or NULL
 * @param from,to  an inclusive time range ("2010-11-01" or "2010-11-01T08:00:00Z"); NULL for open
 * Columns: seq (int), at, kind ("call"/"insert"/"update"/"delete"), tbl, object, actor, operation,
 * campaign, detail, before, after, call (int), hash. For a row change, actor and operation are those
 * of its call. Rows of confidential tables show "(confidential)" for before and after.
 * @return ::CAMPAIGN_OK and a cursor; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_query(campaign_cursor **out, campaign_db *db, const char *object,
                                      const char *actor, const char *from, const char *to);

/**
 * Verifies the store: the hash chain, every entry sealed by the library,
 * no entry missing, and every row of every table equal to its last logged
 * image (no row changed, added or deleted behind the library's back).
 * With a checkpoint (text from campaign_audit_checkpoint()) and the public
 * key that signed it, also proves the chain up to the checkpoint was not
 * rewritten. SQLite's integrity check runs first: a damaged file fails
 * with ::CAMPAIGN_EIO before any row is read.
 *
 * @param[out] out       a cursor of problems (none: the store verified). Columns: problem
 *                       ("chain_broken", "entry_missing", "entry_unsealed", "row_changed",
 *                       "row_added", "row_deleted", "checkpoint_mismatch", "table_missing"), seq (int, the first
 *                       entry concerned, or 0), tbl, object, message.
 * @param checkpoint     checkpoint text, or NULL
 * @param public_key_pem the signer's Ed25519 public key (PEM text), needed with a checkpoint
 * @return ::CAMPAIGN_OK (look at the cursor); ::CAMPAIGN_EINVALID for a malformed checkpoint or
 *         key, or a checkpoint whose signature does not verify; ::CAMPAIGN_EIO for a store SQLite
 *         finds damaged (the message quotes its integrity check) or a read that fails on a corrupt
 *         page; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_verify(campaign_cursor **out, campaign_db *db, const char *checkpoint,
                                       const char *public_key_pem);

/**
 * Writes a signed checkpoint of the chain head: text with the entry count,
 * the head's seq and hash, the time, and an Ed25519 signature. Print it for a
 * paper record or keep the file; a later campaign_audit_verify() with it
 * proves nothing before it was rewritten.
 * @param[out] out        the checkpoint text; free with campaign_buf_free()
 * @param private_key_pem an Ed25519 private key (PEM text), e.g. from campaign_audit_keygen()
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a bad key or an empty log; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_checkpoint(campaign_buf **out, campaign_db *db, const char *private_key_pem);

/**
 * Makes a new Ed25519 key pair for signing checkpoints.
 * @param[out] out  PEM text holding the private key and then the public key; keep it
 *                  secret, and give verifiers campaign_audit_public_key() of it
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_ERROR if the crypto library fails; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_keygen(campaign_buf **out);

/**
 * Extracts the public key (PEM text) from a key made by campaign_audit_keygen().
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID if @p pem holds no Ed25519 key; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_public_key(campaign_buf **out, const char *pem);

CAMPAIGN_END_DECLS
#endif
