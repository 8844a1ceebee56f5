/**
 * @file campaign/store.h
 * @brief Opening and closing a store (one SQLite file, or ":memory:").
 */
#ifndef CAMPAIGN_STORE_H
#define CAMPAIGN_STORE_H

#include "common.h"

CAMPAIGN_BEGIN_DECLS

/** An open store. Opaque; obtain with campaign_open(), free with campaign_close(). */
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
