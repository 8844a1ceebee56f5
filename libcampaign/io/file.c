/* Reading a whole file, checked to be UTF-8 (plans, catalogues, models,
 * rules), and the two doors of a YAML document import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/io.h"

int file_read(const char *path, struct campaign_buf *b)
{
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_set(CAMPAIGN_EIO, "%s: cannot open the file", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		/* a document larger than the YAML reader takes is refused before it fills memory */
		if (b->size + n > (size_t)YAML_MAX_BYTES) {
			fclose(f);
			buf_reset(b);
			return error_set_at(CAMPAIGN_EINVALID, path, 1, 1, "the document is larger than %d MiB",
			                    YAML_MAX_BYTES >> 20);
		}
		if (buf_append(b, chunk, n)) {
			fclose(f);
			buf_reset(b);
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		}
	}
	if (ferror(f)) {
		fclose(f);
		buf_reset(b);
		return error_set(CAMPAIGN_EIO, "%s: read error", path);
	}
	fclose(f);
	if (!b->data && buf_append(b, "", 0))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return CAMPAIGN_OK;
}

int doc_digest_fields(struct campaign_buf *b, const char *const *f, int n)
{
	int rc = CAMPAIGN_OK;
	for (int i = 0; !rc && i < n; i++)
		rc = f[i] ? buf_printf(b, "%zu:%s|", strlen(f[i]), f[i]) : buf_puts(b, "-|");
	return rc;
}

int doc_digest_end(struct campaign_buf *b, int rc, char out[65])
{
	if (!rc)
		rc = sha256_hex(b->data, b->size, out);
	buf_reset(b);
	return rc;
}

int doc_version_latest(sqlite3_stmt *st, sqlite3_int64 crid, const char *id, const char *hash, int *latest)
{
	char old[65] = "";
	*latest = 0;
	int s;
	bind_all(st, "It", crid, id);
	if ((s = stmt_step(st)) == SQLITE_ROW) {
		*latest = sqlite3_column_int(st, 0);
		column_copy(st, 1, old, sizeof old);
	} else if (s != SQLITE_DONE) { /* a failed step is not "no version yet" */
		s = error_from_sqlite(sqlite3_db_handle(st), s, "cannot read the latest version");
		sqlite3_reset(st);
		return s;
	}
	sqlite3_reset(st);
	return *latest && !strcmp(old, hash);
}

/* One document import's call: its text, its state and what the transaction gives back. */
typedef struct doc_version_call {
	const doc_version_schema *s;
	int from_text;
	const char *source, *name; /* the text or the file's path; the name in positions */
	struct campaign_buf bytes; /* a file's bytes */
	ydoc doc;
	int loaded;      /* doc holds the document */
	void *in;
	int version;     /* the version now current */
	char detail[32]; /* the call entry's detail */
} doc_version_call;

static const char *doc_version_id(const doc_version_call *c)
{
	return *(const char *const *)((const char *)c->in + c->s->id_at);
}

/* Parses and reads the document once the access is granted, before BEGIN. */
static int doc_version_prepare(write_op *op, void *ctx)
{
	doc_version_call *c = ctx;
	int rc;
	if (!(c->in = calloc(1, c->s->size)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (!c->from_text && (rc = file_read(c->source, &c->bytes)))
		return rc;
	/* the reader checks the text's UTF-8 and names the place */
	if ((rc = c->from_text ? ydoc_load(&c->doc, c->name, c->source, strlen(c->source))
	                       : ydoc_load(&c->doc, c->name, c->bytes.data, c->bytes.size)))
		return rc;
	c->loaded = 1;
	if ((rc = c->s->read(c->in, &c->doc, c->name, op->db)))
		return rc;
	op->object = doc_version_id(c); /* known once read: the entry and a refusal name the document */
	return CAMPAIGN_OK;
}

static int doc_version_body(write_op *op, void *ctx)
{
	doc_version_call *c = ctx;
	int rc = c->s->store(op, c->in, &c->version);
	if (!rc) {
		snprintf(c->detail, sizeof c->detail, "version %d", c->version);
		op->detail = c->detail;
	}
	return rc;
}

int doc_version_import(campaign_db *db, const char *campaign, const char *api, int from_text, const char *source,
                       const char *name, const char *actor, const doc_version_schema *s)
{
	doc_version_call c = {.s = s, .from_text = from_text, .source = source,
	                      .name = from_text ? (name ? name : "<string>") : source};
	write_op op = {.name = s->operation, .actor = actor, .campaign = campaign, .access = ACCESS_PLAN,
	               .prepare = doc_version_prepare, .body = doc_version_body};
	int rc;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!source)
		return error_set(CAMPAIGN_EINVALID, "%s: %s is NULL", api, from_text ? "yaml" : "path");
	rc = db_write(db, &op, &c, NULL);
	if (c.loaded && s->end)
		s->end(c.in);
	if (c.loaded)
		ydoc_free(&c.doc);
	free(c.in);
	buf_reset(&c.bytes);
	return rc ? rc : c.version;
}
