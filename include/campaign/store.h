/**
 * @file campaign/store.h
 * @brief Opening and closing a store (one SQLite file, or ":memory:").
 */
#ifndef CAMPAIGN_STORE_H
#define CAMPAIGN_STORE_H

#include "common.h"
#include "cursor.h"

CAMPAIGN_BEGIN_DECLS

/**
 * An open store. Opaque; obtain with campaign_open(), free with campaign_close().
 * A handle and its cursors are used by one thread at a time (open a handle per
 * thread: several handles, in one process or many, share a file safely). The
 * handle holds its own statement cache and write state, so it takes no lock of
 * its own, and its SQLite connection is opened without one (SQLITE_OPEN_NOMUTEX).
 */
typedef struct campaign_db campaign_db;

/** Flags for campaign_open(). 0 opens read-write and creates the file if missing. */
#define CAMPAIGN_OPEN_DEFAULT  0x0u
/** Open read-only: every write fails with ::CAMPAIGN_EPERM. The file must exist. */
#define CAMPAIGN_OPEN_READONLY 0x1u
/** Fail with ::CAMPAIGN_ENOTFOUND instead of creating a missing file. */
#define CAMPAIGN_OPEN_NOCREATE 0x2u

/**
 * Opens (and if needed creates and migrates) a store.
 *
 * The store is put in WAL mode (files only), with foreign keys on and a busy
 * timeout of 5 seconds. An older schema is migrated in one transaction; a
 * store whose schema is newer than this library is refused.
 *
 * @param[out] out   the new handle, written only on success; free it with campaign_close()
 * @param path       a file path (UTF-8) or ":memory:"
 * @param flags      CAMPAIGN_OPEN_* flags, or'ed
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL argument or unknown flag;
 *         ::CAMPAIGN_ENOTFOUND if the file is missing and may not be created;
 *         ::CAMPAIGN_EVERSION if the store was written by a newer library;
 *         ::CAMPAIGN_EIO if the file is not a store or cannot be opened;
 *         ::CAMPAIGN_EBUSY if it stays locked; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_open(campaign_db **out, const char *path, unsigned int flags);

/** Version of ::campaign_open_options this header describes. */
#define CAMPAIGN_OPEN_OPTIONS_VERSION 1

/**
 * Options of campaign_open_with(): the flags, and the secrets the host holds
 * for the store. None of them is ever written into the store.
 * Initialise with ::CAMPAIGN_OPEN_OPTIONS_INIT or campaign_open_options_init().
 */
typedef struct campaign_open_options {
	unsigned int version;         /**< ::CAMPAIGN_OPEN_OPTIONS_VERSION */
	unsigned int flags;           /**< CAMPAIGN_OPEN_* flags, or'ed */
	/** The key of the confidential fields: 64 hexadecimal digits (256 bits); NULL: none (key_file, or none) */
	const char *key;
	/** A file whose first line holds the key as 64 hexadecimal digits; NULL: none. Not with key. */
	const char *key_file;
	/** The store's Ed25519 signing key, a private key in PEM form (campaign_audit_keygen()); NULL: none */
	const char *signing_key;
	/** A file holding the signing key in PEM form; NULL: none. Not with signing_key. */
	const char *signing_key_file;
	/** NULL, or a file outside the store to which the signed chain head is written after each commit */
	const char *witness_file;
} campaign_open_options;

/** Static initialiser of ::campaign_open_options: no flags, no keys. */
#define CAMPAIGN_OPEN_OPTIONS_INIT { CAMPAIGN_OPEN_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0 }

/**
 * Initialises @p opts to the defaults of ::CAMPAIGN_OPEN_OPTIONS_INIT.
 * @param opts     the options to initialise
 * @param version  ::CAMPAIGN_OPEN_OPTIONS_VERSION
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_open_options_init(campaign_open_options *opts, unsigned int version);

/**
 * Opens a store as campaign_open() does, with the host's keys.
 *
 * The confidential-field key and the signing key are read and checked before
 * the store is touched; they stay in the handle (the key wiped at close).
 *
 * @param[out] out   the new handle, written only on success; free it with campaign_close()
 * @param path       a file path (UTF-8) or ":memory:"
 * @param options    the flags and keys; NULL: as campaign_open(path, 0)
 * @return what campaign_open() returns; ::CAMPAIGN_EINVALID also for an unknown options version,
 *         a key that is not 64 hex digits, a signing key that is not an Ed25519 private key in PEM form,
 *         or both a key and its file given; ::CAMPAIGN_EIO if a key file cannot be read.
 */
CAMPAIGN_API int campaign_open_with(campaign_db **out, const char *path, const campaign_open_options *options);

/**
 * Copies the open store, consistently, to a new file (SQLite's online backup
 * API): the copy is the store as of one moment, even while other connections
 * write, and opens as a store of its own. The copy is written next to @p path
 * and linked into place, so a failed backup leaves no partial file. The call
 * is logged ("store.backup", the path as its detail) once the copy is in
 * place, and only if no other connection committed since it was taken
 * (PRAGMA data_version; else the copy is taken again, up to 3 times): the
 * copy is the store just before that entry. A failed backup leaves the store
 * as it was, without an entry, and no file.
 *
 * @param db     the store (read-only handles may be backed up; their copy is not logged)
 * @param actor  who takes the copy, for the audit log
 * @param path   the new file (UTF-8); it must not exist
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL argument or ":memory:" as @p path;
 *         ::CAMPAIGN_ECONFLICT if @p path exists; ::CAMPAIGN_EIO if it cannot be written;
 *         ::CAMPAIGN_EBUSY if the store stays locked or kept changing while it was copied;
 *         ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_backup(campaign_db *db, const char *actor, const char *path);

/**
 * Checks that the store's confidential fields open with the key the handle
 * was opened with (campaign_open_with()).
 * @param db  the store
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_ELOCKED "the store was opened without its key: confidential fields
 *         are locked" or "the key does not match this store's confidential fields".
 */
CAMPAIGN_API int campaign_key_check(campaign_db *db);

/**
 * Re-encrypts every confidential field under a new key, in one transaction:
 * from the open key, or from clear text (a store written before its fields
 * were sealed, or the first time a key is set). The key check is replaced;
 * afterwards the handle uses the new key and reopening needs it. The WAL is
 * then checkpointed and emptied, so that no old image stays in it.
 * Needs confidential access; logged as "key.rotate".
 * @param db       the store
 * @param actor    who rotates the key
 * @param new_key  the new key: 64 hexadecimal digits (256 bits)
 * @return the number of values sealed anew (>= 0); ::CAMPAIGN_EINVALID for a key that is not 64 hex
 *         digits; ::CAMPAIGN_ELOCKED when the store's values are sealed and the handle has no key or the
 *         wrong one; ::CAMPAIGN_EPERM without confidential access.
 */
CAMPAIGN_API int campaign_key_rotate(campaign_db *db, const char *actor, const char *new_key);

/**
 * How many values of each confidential column are sealed and how many are
 * still clear text (written before the store had a key; a rotation seals
 * them). Reads no confidential value and needs no key.
 * Columns: tbl, col (text), sealed, clear (integers); one row per column.
 * @param[out] out  the cursor
 * @param db        the store
 * @return ::CAMPAIGN_OK or an error code
 */
CAMPAIGN_API int campaign_key_status_query(campaign_cursor **out, campaign_db *db);

/** Closes a store and frees the handle. Accepts NULL. Open cursors stay usable until freed. */
CAMPAIGN_API void campaign_close(campaign_db *db);

/**
 * Returns the schema version of the open store (PRAGMA user_version), or a negative error code.
 * @return the schema version (positive); ::CAMPAIGN_EINVALID for a NULL @p db;
 *         another negative ::campaign_error_code if it cannot be read.
 */
CAMPAIGN_API int campaign_schema_version(campaign_db *db);

/**
 * Returns the newest schema version this library knows.
 * @return the newest schema version (never an error).
 */
CAMPAIGN_API int campaign_schema_version_supported(void);

CAMPAIGN_END_DECLS
#endif
