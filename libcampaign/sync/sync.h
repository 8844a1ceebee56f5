/* sync/'s inner door: the capture the write envelope calls (core/write.c),
 * and what the files of sync/ share. Not installed. */
#ifndef CAMPAIGN_SYNC_PRIVATE_H
#define CAMPAIGN_SYNC_PRIVATE_H

#include "core/core.h"

/* db->site once read: the store is no site, a site, a site whose
 * *_confidential rows travel (they are encrypted at rest). */
enum sync_site_state { SYNC_SITE_UNKNOWN = 0, SYNC_NO_SITE, SYNC_SITE, SYNC_SITE_CONFIDENTIAL };

/* The store's site state (reads the site table once per handle). */
int sync_site_state(campaign_db *db, int *state);
/* This store's site code into @code ("" when it is no site). */
int sync_self_code(campaign_db *db, char code[8]);

#endif

/* ---- part.c: the bundle file ----
 * A bundle is "CAMPAIGN-BUNDLE 1\n" and one or more parts. A part is the
 * line "CAMPAIGN-PART M C A\n", a manifest of M bytes (JSON), a changeset
 * of C bytes, the origin's audit entries as A bytes of JSON, and the
 * origin's Ed25519 signature (64 bytes) of everything before it in the part.
 * Parts relayed by a city are copied byte for byte. */
#define BUNDLE_MAGIC "CAMPAIGN-BUNDLE 1\n"

typedef struct sync_part {
	const unsigned char *bytes; /* the whole part */
	size_t size;
	const char *manifest;
	size_t mlen;
	const unsigned char *changeset;
	size_t clen;
	const char *audit;
	size_t alen;
	size_t signed_len; /* the signature is at bytes + signed_len */
} sync_part;

/* The part at @p (@n bytes left) into @out, its length in *used; EINVALID "bundle refused: ..." if malformed. */
int part_parse(const unsigned char *p, size_t n, sync_part *out, size_t *used);
/* Appends a signed part of @manifest, @cs and @audit to @out. */
int part_write(campaign_db *db, struct campaign_buf *out, const char *manifest, const struct campaign_buf *cs,
               const struct campaign_buf *audit);
/* The hex SHA-256 of a part's changeset and audit entries (the manifest names it). */
int part_digest(const void *cs, size_t clen, const void *audit, size_t alen, char out[65]);

/* The session extension's streams: out into a campaign_buf (@ctx), in from memory. */
int sync_to_buf(void *ctx, const void *data, int n);
typedef struct sync_mem_in {
	const unsigned char *p;
	size_t n, at;
} sync_mem_in;
int sync_mem_read(void *ctx, void *data, int *n);

/* Appends to @out the tables of changeset @in that travel @dir ("up" or "down"). */
int changeset_keep(write_op *op, const struct campaign_buf *in, const char *dir, struct campaign_buf *out);

/* "up" when @code is below this site, "down" when it is above, NULL otherwise. */
int site_direction(campaign_db *db, stmts *c, const char *code, const char **dir);
