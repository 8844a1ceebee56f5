/**
 * @file campaign/sync.h
 * @brief Sites and bundles: county → city → province (see docs/multisite.md).
 *
 * A store belongs to one site once campaign_site_init() has run: a 6-digit
 * administrative-division code (511102 市中区), its parent site, and the unit
 * it is in the plan received from above. From then on every write
 * transaction's changes are recorded (SQLite's session extension) in an
 * outbox in the same transaction. campaign_sync_export() writes what a peer
 * has not received into one bundle file, signed with the store's Ed25519
 * signing key (campaign_open_with()); campaign_sync_apply() checks a bundle
 * (signature, schema version, sequence, ownership, the sender's audit chain)
 * before it applies anything, in one transaction. A city relays the parts
 * it received from its counties upward unchanged, so the province checks
 * each county's own signature and chain.
 */
#ifndef CAMPAIGN_SYNC_H
#define CAMPAIGN_SYNC_H

#include "common.h"
#include "buf.h"
#include "store.h"
#include "cursor.h"

CAMPAIGN_BEGIN_DECLS

#define CAMPAIGN_SITE_OPTIONS_VERSION 1

/**
 * A site, for campaign_site_init() (this store's own) and campaign_site_add_peer().
 * Initialise with ::CAMPAIGN_SITE_OPTIONS_INIT or campaign_site_options_init().
 */
typedef struct campaign_site_options {
	unsigned int version;     /**< ::CAMPAIGN_SITE_OPTIONS_VERSION */
	const char *code;         /**< 6-digit administrative-division code, "511102" */
	const char *name;         /**< its name, "市中区" (UTF-8) */
	const char *parent;       /**< the parent site's code, or NULL at the top */
	const char *unit;         /**< the unit id it is in the plan received from above ("shizhong"), or NULL */
	const char *public_key;   /**< a peer's Ed25519 public key (PEM); NULL for campaign_site_init() (the store's signing key's) */
	const char *confidential; /**< campaign_site_init(): "none" (default: *_confidential rows never travel) or "encrypted" */
} campaign_site_options;

#define CAMPAIGN_SITE_OPTIONS_INIT { CAMPAIGN_SITE_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_site_options_init(campaign_site_options *opts, unsigned int version);

/**
 * Makes this store a site, once: from then on every write is recorded in the outbox.
 * The store must have been opened with a signing key (campaign_open_with()); its
 * public half becomes the site's key.
 * @param db     the store
 * @param opts   code, name, parent, unit, confidential (public_key must be NULL)
 * @param actor  who; not NULL or empty
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a code that is not 6 digits, a name that is
 *         missing or not UTF-8, a public_key given, an unknown confidential value, a store
 *         without a signing key, or a store that is a site already; ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_site_init(campaign_db *db, const campaign_site_options *opts, const char *actor);

/**
 * Records a peer site and its public key: bundles from it are checked with that key.
 * A site already known is updated (a new key replaces the old one).
 * @param db     the store (a site already)
 * @param opts   code, name, parent, unit, public_key (required)
 * @param actor  who; not NULL or empty
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a bad code or name, a missing or bad key,
 *         the store's own code, or a store that is no site; ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_site_add_peer(campaign_db *db, const campaign_site_options *opts, const char *actor);

/**
 * Lists the sites the store knows: columns code, name, parent, unit, role ("self" or
 * "peer"), public_key; this store first, then by code.
 * @param[out] out  the cursor; free with campaign_cursor_free()
 * @param db        the store
 * @return ::CAMPAIGN_OK (no rows for a store that is no site); ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_sites_query(campaign_cursor **out, campaign_db *db);

/**
 * Per peer: columns site, name, sent (the last outbox seq sent to it), acked (the last it
 * acknowledged), received (the last seq received from it), head_seq (its audit chain head
 * received), received_at; by code.
 * @param[out] out  the cursor; free with campaign_cursor_free()
 * @param db        the store
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_sync_status_query(campaign_cursor **out, campaign_db *db);

/**
 * The sites below this store (its descendants among the known sites) that have applied
 * nothing here since @p since: columns code, name, received_at (NULL: never); by code.
 * @param[out] out  the cursor; free with campaign_cursor_free()
 * @param db        the store
 * @param since     "YYYY-MM-DD"
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a bad date; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_sync_silent_query(campaign_cursor **out, campaign_db *db, const char *since);

/**
 * The units of a site's subtree, each with the site it belongs to: the unit
 * each known site at or below @p site is in the plan (site.unit), and the units
 * below it in the plan that are no site's own (a city's departments), which
 * belong to the nearest such site. Columns site, name (the site's), unit (the
 * unit id in the plan); by site code, then unit. These are the units
 * campaign_cursor_site() keeps rows of, and those a bundle from that site may
 * carry rows of.
 * @param[out] out  the cursor; free with campaign_cursor_free()
 * @param db        the store
 * @param site      a site code (this store's or a peer's); NULL: this store's
 * @return ::CAMPAIGN_OK (no rows for a site not known or with no unit); ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_site_units_query(campaign_cursor **out, campaign_db *db, const char *site);

/**
 * The chain head this store received from site @p site, as a witness text
 * ("libcampaign head 1", site, seq, hash: unsigned, taken as given) for
 * campaign_audit_verify() at that site: a county that trimmed its log since
 * its last bundle up fails the check ("witness_mismatch"). Keep it off the
 * county's machine (the province is).
 * @param[out] out  the text; free with campaign_buf_free()
 * @param db        the store (a site that received bundles from @p site)
 * @param site      the site's code
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL argument; ::CAMPAIGN_ENOTFOUND when
 *         nothing came from that site (or it is not known); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_sync_witness(campaign_buf **out, campaign_db *db, const char *site);

#define CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION 1

/**
 * What to export, for campaign_sync_export().
 * Initialise with ::CAMPAIGN_SYNC_EXPORT_OPTIONS_INIT or campaign_sync_export_options_init().
 */
typedef struct campaign_sync_export_options {
	unsigned int version; /**< ::CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION */
	const char *to_site;  /**< the peer's code: the parent (up) or a child (down) */
	const char *path;     /**< the bundle file to write (replaced whole) */
	int resend;           /**< 0: what was not sent yet; 1: everything the peer has not acknowledged */
} campaign_sync_export_options;

#define CAMPAIGN_SYNC_EXPORT_OPTIONS_INIT { CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION, NULL, NULL, 0 }

/**
 * Initialises @p opts to the defaults of @p version.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_sync_export_options_init(campaign_sync_export_options *opts, unsigned int version);

/**
 * Writes a bundle for a peer: this site's part (a changegroup of the outbox after what
 * was sent, the audit entries since, a manifest, its signature), then the parts received
 * from other sites that travel on that way, byte for byte.
 * @param[out] out         a JSON summary {"to":..,"parts":[{"origin":..,"first":..,"last":..}]}, or NULL
 * @param db       the store (a site, with its signing key)
 * @param opts     to_site, path, resend
 * @param actor    who; not NULL or empty
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a store that is no site or has no signing
 *         key, or an unknown peer; ::CAMPAIGN_EIO if the file cannot be written; ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_sync_export(campaign_buf **out, campaign_db *db,
                                      const campaign_sync_export_options *opts, const char *actor);

/**
 * Applies a bundle, all of it or nothing. Each part is checked before anything is
 * applied: its signature (the origin's key recorded by campaign_site_add_peer()), the
 * schema version, sequence continuity (a gap is refused; a part already applied is a
 * no-op), ownership (rows up only from the site whose unit they belong to, inside the
 * sender's subtree; plan, rules, models and catalogues only from above), and the
 * origin's audit chain (continuing from the head received, every hash recomputed).
 * A refused bundle is kept in the quarantine with the reason.
 * @param[out] out         a JSON report {"parts":[{"origin":..,"first":..,"last":..,"status":"applied"|"replay","changes":N}]}, or NULL
 * @param db       the store (a site)
 * @param path     the bundle file
 * @param actor    who; not NULL or empty
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a refused bundle (the message says why:
 *         "bundle refused: ..."); ::CAMPAIGN_EIO if it cannot be read; ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_sync_apply(campaign_buf **out, campaign_db *db, const char *path, const char *actor);

CAMPAIGN_END_DECLS

#endif
