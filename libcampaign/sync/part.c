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
