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
 *
 * With a signing key (campaign_open_with()), each commit's chain head is
 * signed, so entries appended without the key show as an unsigned tail; a
 * witness (an earlier head or checkpoint kept outside the store, or the
 * witness file the library keeps) shows a log cut short. docs/audit.md gives
 * the threat model: what someone with the file but not the keys can and
 * cannot do unnoticed.
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
 * This is the host's own read (it takes no actor, as campaign_audit_verify()): a read on
 * behalf of a person goes through campaign_audit_read(), which follows the store's roles.
 * @return ::CAMPAIGN_OK and a cursor; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_query(campaign_cursor **out, campaign_db *db, const char *object,
                                      const char *actor, const char *from, const char *to);

/**
 * Reads the log as campaign_audit_query() does, on behalf of @p reader, following the store's roles.
 * A store without roles is read in full by anyone. Once it has roles, a supervision_office,
 * leadership or auditor reads it in full; a unit_clerk reads only the entries about its unit's
 * objects -- entries whose object is the unit's id, or the id of a row, in any table with an id
 * and a unit column, that belongs to the unit now (its findings, rectifications, reports...) --
 * and the entries of its own calls with the row changes they made; bulk imports' batch entries
 * are not among them. An actor with no role reads nothing: ::CAMPAIGN_EPERM, and the refusal is
 * logged ("denied", operation "audit.read") unless the store is open read-only. Confidential
 * rows' images show "(confidential)" for every reader.
 * @param reader   who reads (required)
 * @param object   an object id or NULL
 * @param actor    entries of one actor, or NULL
 * @param from,to  an inclusive time range, as campaign_audit_query() takes it; NULL for open
 * @return ::CAMPAIGN_OK and a cursor (the columns of campaign_audit_query()); ::CAMPAIGN_EINVALID
 *         (no reader); ::CAMPAIGN_EPERM; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_read(campaign_cursor **out, campaign_db *db, const char *reader, const char *object,
                                     const char *actor, const char *from, const char *to);

/**
 * Verifies the store: the hash chain, every entry sealed by the library,
 * no entry missing, and every row of every table equal to its last logged
 * image (no row changed, added or deleted behind the library's back).
 * Then the signed heads: each must verify with the key the store recorded
 * and still name its entry's hash; entries after the last valid head are an
 * unsigned tail (appended without the key). Given the expected public key
 * (@p public_key_pem, else the handle's signing key), a recorded key that is
 * not it is reported (someone replaced the key and re-signed the heads);
 * heads signed before the expected key was first recorded belong to keys it
 * replaced (rotation) and are accepted.
 *
 * Witnesses: @p checkpoint takes any text a host kept of earlier states --
 * checkpoints (campaign_audit_checkpoint()), heads (the witness file of
 * ::campaign_open_options), several of them concatenated -- and each must
 * still hold: the entry it saw there with the hash it saw ("trimmed" when
 * the log now ends before it, "diverged" when the entry has another hash).
 * SQLite's integrity check runs first: a damaged file fails with
 * ::CAMPAIGN_EIO before any row is read.
 *
 * @param[out] out       a cursor of results. Columns: problem ("chain_broken", "entry_missing",
 *                       "entry_unsealed", "row_changed", "row_added", "row_deleted",
 *                       "checkpoint_mismatch", "table_missing", "unsigned_tail", "head_invalid",
 *                       "key_mismatch", "witness_mismatch"), seq (int, the first entry concerned, or
 *                       0), tbl, object, message, severity ("problem", or "notice"). The store
 *                       verified when no row has severity "problem". The one notice: a store that
 *                       has never had a signing key gets an "unsigned_tail" notice (seq: its first
 *                       entry) saying its entries are unsigned; it comes after every problem.
 * @param checkpoint     witness text (one or more checkpoints or heads), or NULL
 * @param public_key_pem the store's Ed25519 public key (PEM text), or NULL: it checks the
 *                       witnesses' signatures (without it, the recorded key they name, or the
 *                       handle's signing key) and is the expected key of the heads
 * @return ::CAMPAIGN_OK (look at the cursor); ::CAMPAIGN_EINVALID for a malformed witness or
 *         key, or a witness whose signature does not verify; ::CAMPAIGN_EIO for a store SQLite
 *         finds damaged (the message quotes its integrity check) or a read that fails on a corrupt
 *         page; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_audit_verify(campaign_cursor **out, campaign_db *db, const char *checkpoint,
                                       const char *public_key_pem);

/**
 * Writes a signed checkpoint of the chain head: text with the entry count,
 * the head's seq and hash, the time, the signer's key id (the SHA-256 of its
 * public key PEM, as audit_key records it) and an Ed25519 signature. Print it for a
 * paper record or keep the file; a later campaign_audit_verify() with it
 * proves nothing before it was rewritten.
 * @param[out] out        the checkpoint text; free with campaign_buf_free()
 * @param private_key_pem an Ed25519 private key (PEM text), e.g. from campaign_audit_keygen();
 *                        NULL: the handle's signing key
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
