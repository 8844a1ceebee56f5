/* Violation catalogues as versioned YAML data: the ten categories of
 * (二)2(2), the five behaviours of (二)3, and whatever a bureau adds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <yaml.h>
#include "inspection/inspection.h"

#define CATEGORIES_MAX 200

typedef struct cat_entry {
	const char *id, *label, *text, *consequence;
	int line, col;
} cat_entry;

typedef struct catalogue_in {
	const char *file;
	const char *id, *name, *source, *consequence;
	cat_entry cats[CATEGORIES_MAX];
	int n;
} catalogue_in;

static int at(const catalogue_in *in, const yaml_node_t *n, const char *fmt, const char *arg)
{
	return error_set_at(CAMPAIGN_EINVALID, in->file, ydoc_line(n), ydoc_column(n), fmt, arg);
}

/* A scalar value for @key, or an error. */
static int scalar(const catalogue_in *in, yaml_node_t *k, yaml_node_t *v, const char **out)
{
	if (v->type != YAML_SCALAR_NODE)
		return at(in, v, "%s: a value must be text", (char *)k->data.scalar.value);
	if (*out)
		return at(in, k, "%s: given twice", (char *)k->data.scalar.value);
	*out = (const char *)v->data.scalar.value;
	return CAMPAIGN_OK;
}

/* Reads the mapping @map against @keys into @vals (same order). */
static int read_map(const catalogue_in *in, ydoc *doc, yaml_node_t *map, const char *what,
                    const char *const *keys, const char **vals)
{
	if (map->type != YAML_MAPPING_NODE)
		return at(in, map, "%s must be a mapping", what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(doc, p->key), *v = ydoc_node(doc, p->value);
		int i = ydoc_key_index(k, keys), rc;
		if (i < 0)
			return at(in, k, "unknown key \"%s\"", ydoc_text(k) ? ydoc_text(k) : "?");
		if ((rc = scalar(in, k, v, &vals[i])))
			return rc;
	}
	return CAMPAIGN_OK;
}

static int read_categories(catalogue_in *in, ydoc *doc, yaml_node_t *seq)
{
	static const char *const keys[] = {"id", "label", "text", "consequence", NULL};
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(in, seq, "categories must be a list%s", "");
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *m = ydoc_node(doc, *it);
		const char *v[4] = {NULL, NULL, NULL, NULL};
		int rc;
		if (in->n == CATEGORIES_MAX)
			return at(in, m, "too many categories (at most 200)%s", "");
		if ((rc = read_map(in, doc, m, "a category", keys, v)))
			return rc;
		if (!v[0] || !*v[0])
			return at(in, m, "a category needs an id%s", "");
		if (strchr(v[0], '/') || strchr(v[0], '@'))
			return at(in, m, "category id \"%s\" may not contain '/' or '@'", v[0]);
		if (!v[2] || !*v[2])
			return at(in, m, "category \"%s\" needs a text", v[0]);
		for (int j = 0; j < in->n; j++)
			if (!strcmp(in->cats[j].id, v[0]))
				return at(in, m, "duplicate category id \"%s\"", v[0]);
		in->cats[in->n] = (cat_entry){v[0], v[1], v[2], v[3], ydoc_line(m), ydoc_column(m)};
		in->n++;
	}
	if (!in->n)
		return at(in, seq, "a catalogue needs at least one category%s", "");
	return CAMPAIGN_OK;
}

/* Validates the whole document into @in (pointers into @doc). */
static int read_catalogue(catalogue_in *in, ydoc *doc)
{
	static const char *const top[] = {"format", "catalogue", "categories", NULL};
	static const char *const head[] = {"id", "name", "source", "consequence", NULL};
	yaml_node_t *nodes[3] = {NULL, NULL, NULL};
	const char *hv[4] = {NULL, NULL, NULL, NULL};
	int rc;
	if ((rc = ydoc_top(doc, "a catalogue file is a mapping with format, catalogue, categories", top, nodes)))
		return rc;
	if (!nodes[1])
		return error_set_at(CAMPAIGN_EINVALID, in->file, 1, 1, "catalogue: is required");
	if ((rc = read_map(in, doc, nodes[1], "catalogue", head, hv)))
		return rc;
	if (!hv[0] || !*hv[0] || strchr(hv[0], '/') || strchr(hv[0], '@'))
		return at(in, nodes[1], "catalogue needs an id without '/' or '@'%s", "");
	if (!hv[1] || !*hv[1])
		return at(in, nodes[1], "catalogue needs a name%s", "");
	in->id = hv[0], in->name = hv[1], in->source = hv[2], in->consequence = hv[3];
	if (!nodes[2])
		return error_set_at(CAMPAIGN_EINVALID, in->file, 1, 1, "categories: is required");
	return read_categories(in, doc, nodes[2]);
}

/* SHA-256 over the content, fields length-prefixed. */
static int digest(const catalogue_in *in, char out[65])
{
	struct campaign_buf b = {0};
	const char *head[] = {in->name, in->source, in->consequence};
	int rc = doc_digest_fields(&b, head, 3);
	for (int j = 0; !rc && j < in->n; j++) {
		const char *f[] = {in->cats[j].id, in->cats[j].label, in->cats[j].text, in->cats[j].consequence};
		rc = doc_digest_fields(&b, f, 4);
	}
	return doc_digest_end(&b, rc, out);
}

static const char SQL_LATEST[] =
	"SELECT version, digest FROM violation_catalogue WHERE campaign = ?1 AND id = ?2 ORDER BY version DESC LIMIT 1";
static const char SQL_CAT_INSERT[] =
	"INSERT INTO violation_catalogue (campaign, id, version, name, source, consequence, digest, imported_by, imported_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_CATEGORY_INSERT[] =
	"INSERT INTO violation_category (catalogue, id, ord, label, text, consequence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* Writes a new version (or nothing when unchanged); returns the version. */
static int store_catalogue(stmts *c, sqlite3_int64 crid, const catalogue_in *in, const char *actor, int *version)
{
	sqlite3_stmt *st = stmts_get(c, SQL_LATEST);
	sqlite3_int64 rid;
	char hash[65], now[21];
	int rc;
	if (!st || (rc = digest(in, hash)))
		return st ? rc : campaign_error_code_last();
	if ((rc = doc_version_latest(st, crid, in->id, hash, version)))
		return rc < 0 ? rc : CAMPAIGN_OK;
	++*version;
	db_now(now);
	if ((rc = stmt_run(c, c->db, SQL_CAT_INSERT, "cannot store the catalogue", "Itittottt", crid, in->id, *version,
	                   in->name, in->source, in->consequence, hash, actor, now)))
		return rc;
	rid = sqlite3_last_insert_rowid(c->db->sql);
	for (int j = 0; j < in->n; j++)
		if ((rc = stmt_run(c, c->db, SQL_CATEGORY_INSERT, "cannot store a category", "Itioto", rid, in->cats[j].id,
		                   j + 1, in->cats[j].label, in->cats[j].text, in->cats[j].consequence)))
			return rc;
	return CAMPAIGN_OK;
}

static int catalogue_read(void *in, ydoc *doc, const char *file, campaign_db *db)
{
	(void)db;
	((catalogue_in *)in)->file = file;
	return read_catalogue(in, doc);
}

static int catalogue_store(write_op *op, void *in, int *version)
{
	return store_catalogue(&op->st, op->crid, in, op->actor, version);
}

static const doc_version_schema CATALOGUE_DOC = {
	.operation = "catalogue.import", .size = sizeof(catalogue_in), .id_at = offsetof(catalogue_in, id),
	.read = catalogue_read, .store = catalogue_store};

DOC_VERSION_IMPORT_FUNCTIONS(campaign_catalogue_import, CATALOGUE_DOC)

/* ---- resolving a category reference ---- */

static const char SQL_CATEGORY_REF[] =
	"SELECT g.rid FROM violation_catalogue c JOIN violation_category g ON g.catalogue = c.rid "
	"WHERE c.campaign = ?1 AND c.id = ?2 AND g.id = ?4 AND (?3 = 0 AND c.version = "
	"(SELECT max(version) FROM violation_catalogue WHERE campaign = ?1 AND id = ?2) OR c.version = ?3)";

int category_rid(stmts *c, sqlite3_int64 crid, const char *ref, sqlite3_int64 *rid)
{
	char cat[128];
	const char *slash = strchr(ref, '/'), *atv = strchr(ref, '@');
	long version = 0;
	sqlite3_stmt *st;
	size_t n;
	int rc;
	if (!slash || slash == ref || !slash[1])
		return error_set(CAMPAIGN_EINVALID, "category \"%s\" is not \"catalogue/category\"", ref);
	n = (size_t)((atv && atv < slash ? atv : slash) - ref);
	if (n >= sizeof cat)
		return error_set(CAMPAIGN_EINVALID, "category \"%s\": the catalogue id is too long", ref);
	memcpy(cat, ref, n);
	cat[n] = '\0';
	if (atv && atv < slash) {
		char *end;
		version = strtol(atv + 1, &end, 10);
		if (end != slash || version < 1)
			return error_set(CAMPAIGN_EINVALID, "category \"%s\": the version is not a number", ref);
	}
	if (!(st = stmts_get(c, SQL_CATEGORY_REF)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	bind_copy(st, 2, cat, -1);
	sqlite3_bind_int64(st, 3, version);
	bind_copy(st, 4, slash + 1, -1);
	rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*rid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return CAMPAIGN_OK;
	return rc == SQLITE_DONE ? error_set(CAMPAIGN_ENOTFOUND, "no category \"%s\"", ref)
	                         : error_from_sqlite(c->db->sql, rc, "cannot look up the category");
}

/* ---- queries ---- */

int campaign_catalogues_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	int rc = query_begin(
		out, &c, db, campaign,
		"SELECT c.id, c.version, c.name, c.source, c.consequence, "
		"(SELECT count(*) FROM violation_category g WHERE g.catalogue = c.rid) AS categories, "
		"c.version = (SELECT max(version) FROM violation_catalogue m WHERE m.campaign = c.campaign AND m.id = c.id) "
		"AS current, c.imported_by, c.imported_at FROM violation_catalogue c WHERE c.campaign = ?1 "
		"ORDER BY c.id, c.version",
		"titttiitt", &crid);
	return query_done(out, c, rc);
}

int campaign_violation_categories_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                        const char *catalogue, int version)
{
	if (out && version < 0)
		return error_set(CAMPAIGN_EINVALID, "version %d is negative", version);
	return query_run(
		out, db, campaign,
		"SELECT c.id AS catalogue, c.version, g.id, c.id || '@' || c.version || '/' || g.id AS ref, g.label, g.text, "
		"coalesce(g.consequence, c.consequence) AS consequence "
		"FROM violation_catalogue c JOIN violation_category g ON g.catalogue = c.rid "
		"WHERE c.campaign = ?1 AND (?2 IS NULL OR c.id = ?2) AND (?3 = c.version OR ?3 = 0 AND c.version = "
		"(SELECT max(version) FROM violation_catalogue m WHERE m.campaign = c.campaign AND m.id = c.id)) "
		"ORDER BY c.id, c.version, g.ord",
		"tittttt", "ti", catalogue, version);
}
