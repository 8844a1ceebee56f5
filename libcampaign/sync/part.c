/* The bundle file's parts: written signed, read back checked for shape. */
#include <stdlib.h>
#include <string.h>
#include "sync/sync.h"

#define REFUSED "bundle refused: "

int sync_to_buf(void *ctx, const void *data, int n)
{
	return buf_append(ctx, data, (size_t)n) ? SQLITE_NOMEM : SQLITE_OK;
}

int sync_mem_read(void *ctx, void *data, int *n)
{
	sync_mem_in *in = ctx;
	size_t k = in->n - in->at < (size_t)*n ? in->n - in->at : (size_t)*n;
	if (k) /* an emptied outbox row holds no changeset: NULL, 0 bytes */
		memcpy(data, in->p + in->at, k);
	in->at += k;
	*n = (int)k;
	return SQLITE_OK;
}

int part_digest(const void *cs, size_t clen, const void *audit, size_t alen, char out[65])
{
	struct campaign_buf b = {0};
	int rc = buf_append(&b, cs ? cs : "", clen);
	if (!rc)
		rc = buf_append(&b, audit ? audit : "", alen);
	if (!rc)
		rc = sha256_hex(b.data ? b.data : "", b.size, out);
	buf_reset(&b);
	return rc;
}

int part_write(campaign_db *db, struct campaign_buf *out, const char *manifest, const struct campaign_buf *cs,
               const struct campaign_buf *audit)
{
	size_t start = out->size;
	unsigned char sig[64];
	int rc = buf_printf(out, "CAMPAIGN-PART %zu %zu %zu\n", strlen(manifest), cs->size, audit->size);
	if (!rc)
		rc = buf_puts(out, manifest);
	if (!rc && cs->size)
		rc = buf_append(out, cs->data, cs->size);
	if (!rc && audit->size)
		rc = buf_append(out, audit->data, audit->size);
	if (!rc)
		rc = db_sign(db, out->data + start, out->size - start, sig);
	return rc ? rc : buf_append(out, (const char *)sig, sizeof sig);
}

/* One decimal size of the part line at *p, followed by @end. */
static int size_field(const char **p, const char *stop, char end, size_t *v)
{
	char *e;
	unsigned long long n;
	if (*p >= stop || **p < '0' || **p > '9')
		return -1;
	n = strtoull(*p, &e, 10);
	if (e >= stop || *e != end)
		return -1;
	*v = (size_t)n;
	*p = e + 1;
	return 0;
}

int part_parse(const unsigned char *p, size_t n, sync_part *out, size_t *used)
{
	static const char head[] = "CAMPAIGN-PART ";
	const char *s = (const char *)p, *stop = s + (n < 80 ? n : 80);
	size_t need;
	memset(out, 0, sizeof *out);
	if (n < sizeof head - 1 || memcmp(s, head, sizeof head - 1))
		return error_set(CAMPAIGN_EINVALID, REFUSED "a part does not start with \"CAMPAIGN-PART\"");
	s += sizeof head - 1;
	if (size_field(&s, stop, ' ', &out->mlen) || size_field(&s, stop, ' ', &out->clen) ||
	    size_field(&s, stop, '\n', &out->alen))
		return error_set(CAMPAIGN_EINVALID, REFUSED "a part's sizes cannot be read");
	need = (size_t)(s - (const char *)p);
	if (out->mlen > n || out->clen > n || out->alen > n || need + out->mlen + out->clen + out->alen + 64 > n)
		return error_set(CAMPAIGN_EINVALID, REFUSED "a part is cut short");
	out->bytes = p;
	out->manifest = s;
	out->changeset = (const unsigned char *)s + out->mlen;
	out->audit = (const char *)out->changeset + out->clen;
	out->signed_len = need + out->mlen + out->clen + out->alen;
	out->size = out->signed_len + 64;
	*used = out->size;
	return CAMPAIGN_OK;
}

/* the chain of parents from this site up, and from @code up */
static const char SQL_ABOVE[] =
	"WITH RECURSIVE up(code, depth) AS (SELECT ?2, 0 UNION SELECT s.parent, u.depth + 1 FROM site s "
	"JOIN up u ON s.code = u.code WHERE s.parent IS NOT NULL AND u.depth < 64) "
	"SELECT count(*) FROM up WHERE code = (SELECT code FROM site WHERE self = 1) AND ?1 IS NOT NULL";
static const char SQL_BELOW_SELF[] =
	"WITH RECURSIVE up(code, depth) AS (SELECT code, 0 FROM site WHERE self = 1 UNION SELECT s.parent, u.depth + 1 "
	"FROM site s JOIN up u ON s.code = u.code WHERE s.parent IS NOT NULL AND u.depth < 64) "
	"SELECT count(*) FROM up WHERE code = ?2 AND ?1 IS NOT NULL";

static int chain_has(stmts *c, const char *sql, const char *code, int *yes)
{
	sqlite3_int64 n = 0;
	int found = 0, rc = lookup_rid(c, sql, 1, code, &n, &found);
	*yes = !rc && found && n > 0;
	return rc;
}

int site_direction(campaign_db *db, stmts *c, const char *code, const char **dir)
{
	int below = 0, above = 0, rc = chain_has(c, SQL_ABOVE, code, &below);
	(void)db;
	*dir = NULL;
	if (!rc && below)
		*dir = "up";
	else if (!rc && !(rc = chain_has(c, SQL_BELOW_SELF, code, &above)) && above)
		*dir = "down";
	return rc;
}

/* ---- one direction of a changeset ----
 * The outbox records every write (a city's own findings, which travel up,
 * and at the top the plan, which travels down, may sit in one transaction);
 * a part carries only the tables that travel its way. The changeset's format
 * (sqlite3session.c): per table 'T', a varint column count, one primary-key
 * byte per column, the name and a NUL; then its changes: the operation, the
 * indirect flag, and one record (INSERT, DELETE) or two (UPDATE) of one value
 * per column -- a type byte, then 8 bytes (integer, real) or a varint length
 * and the bytes (text, blob), or nothing (NULL, undefined). */

/* SQLite's varint at *p (at most 9 bytes); 0 if it runs past @end. */
static int varint_get(const unsigned char **p, const unsigned char *end, sqlite3_uint64 *v)
{
	*v = 0;
	for (int i = 0; i < 9; i++) {
		if (*p >= end)
			return 0;
		if (i == 8) {
			*v = (*v << 8) | *(*p)++;
			return 1;
		}
		*v = (*v << 7) | (**p & 0x7f);
		if (!(*(*p)++ & 0x80))
			return 1;
	}
	return 1;
}

/* Skips one record of @ncol values; 0 if it is malformed. */
static int record_skip(const unsigned char **p, const unsigned char *end, sqlite3_uint64 ncol)
{
	for (sqlite3_uint64 i = 0; i < ncol; i++) {
		sqlite3_uint64 n;
		if (*p >= end)
			return 0;
		switch (*(*p)++) {
		case 0: /* undefined */
		case 5: /* NULL */
			break;
		case 1: /* integer */
		case 2: /* real */
			if ((size_t)(end - *p) < 8)
				return 0;
			*p += 8;
			break;
		case 3: /* text */
		case 4: /* blob */
			if (!varint_get(p, end, &n) || n > (sqlite3_uint64)(end - *p))
				return 0;
			*p += n;
			break;
		default: return 0;
		}
	}
	return 1;
}

static const char SQL_TABLE_DIR[] = "SELECT direction FROM sync_table WHERE name = ?2 AND ?1 IS NOT NULL";

int changeset_keep(write_op *op, const struct campaign_buf *in, const char *dir, struct campaign_buf *out)
{
	const unsigned char *p = (const unsigned char *)in->data, *end = p + in->size;
	int rc = CAMPAIGN_OK;
	while (!rc && p < end) {
		const unsigned char *table = p, *name;
		sqlite3_uint64 ncol;
		int found = 0, keep = 0;
		sqlite3_stmt *st;
		if (*p++ != 'T' || !varint_get(&p, end, &ncol) || ncol > (sqlite3_uint64)(end - p))
			break;
		p += ncol;
		name = p;
		if (!(p = memchr(p, 0, (size_t)(end - p))))
			break;
		p++;
		if (!(st = row_first(&op->st, SQL_TABLE_DIR, 1, (const char *)name, &found)))
			return campaign_error_code_last();
		keep = found && !strcmp((const char *)sqlite3_column_text(st, 0), dir);
		sqlite3_reset(st);
		/* its changes, up to the next table */
		while (p < end && *p != 'T') {
			int op_kind = *p;
			if (op_kind != SQLITE_INSERT && op_kind != SQLITE_DELETE && op_kind != SQLITE_UPDATE)
				return error_set(CAMPAIGN_ERROR, "internal: the changes of table %s cannot be read", name);
			p += 2;
			if (!record_skip(&p, end, ncol) || (op_kind == SQLITE_UPDATE && !record_skip(&p, end, ncol)))
				return error_set(CAMPAIGN_ERROR, "internal: the changes of table %s cannot be read", name);
		}
		if (keep)
			rc = buf_append(out, (const char *)table, (size_t)(p - table));
	}
	if (!rc && p && p < end)
		return error_set(CAMPAIGN_ERROR, "internal: the changes recorded cannot be read");
	return rc;
}
