/* Posts, people and their holdings from one YAML file, in one transaction
 * (io/rows.c's document import: bulk audit mode, options, positions): the
 * first bad entry rolls back everything and is named by line and column.
 *
 *   format: 1
 *   posts:  [{id, unit, name, kind, key, principal}]
 *   people: [{id, name, unit, retires_on, posts: [{post, from, to}]}]
 */
#include <stdio.h>
#include <string.h>
#include "accountability/accountability.h"

typedef struct reader {
	rows *r;
	ydoc *d;
	int posts, people, holdings;
} reader;

static int at(const reader *r, const yaml_node_t *n, const char *fmt, const char *arg)
{
	return ydoc_fail(r->d, n, fmt, arg);
}

/* Reads mapping @map against @keys; scalars into @vals, the node of each key
 * into @nodes (a non-scalar only at index @list_key). */
static int fields(const reader *r, yaml_node_t *map, const char *what, const char *const *keys, const char **vals,
                  yaml_node_t **nodes, int list_key)
{
	if (map->type != YAML_MAPPING_NODE)
		return at(r, map, "%s must be a mapping", what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(r->d, p->key), *v = ydoc_node(r->d, p->value);
		int i = ydoc_key_index(k, keys);
		if (i < 0)
			return at(r, k, "unknown key \"%s\"", ydoc_text(k) ? ydoc_text(k) : "?");
		if (nodes[i])
			return at(r, k, "%s: given twice", keys[i]);
		nodes[i] = v;
		if (i == list_key)
			continue;
		if (!(vals[i] = ydoc_text(v)))
			return at(r, v, "%s: a value must be text", keys[i]);
	}
	return CAMPAIGN_OK;
}

/* A store error for an entry becomes a positioned one. */
static int positioned(const reader *r, const yaml_node_t *n, int rc)
{
	char msg[1024];
	if (rc != CAMPAIGN_EINVALID && rc != CAMPAIGN_ENOTFOUND && rc != CAMPAIGN_ECONFLICT)
		return rc;
	snprintf(msg, sizeof msg, "%s", campaign_error_message());
	return at(r, n, "%s", msg);
}

static int flag(const reader *r, yaml_node_t *n, const char *v, int *out)
{
	*out = 0;
	if (!v || !strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "0"))
		return CAMPAIGN_OK;
	if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "1")) {
		*out = 1;
		return CAMPAIGN_OK;
	}
	return at(r, n, "\"%s\" is not true or false", v);
}

static int read_post(reader *r, yaml_node_t *m)
{
	static const char *const keys[] = {"id", "unit", "name", "kind", "key", "principal", NULL};
	const char *v[6] = {0};
	yaml_node_t *n[6] = {0};
	sqlite3_int64 rid;
	int rc, key = 0, principal = 0, unit_missing;
	if ((rc = fields(r, m, "a post", keys, v, n, -1)) || (rc = flag(r, n[4] ? n[4] : m, v[4], &key)) ||
	    (rc = flag(r, n[5] ? n[5] : m, v[5], &principal)))
		return rc;
	/* a unit that is not there is named at its own value */
	unit_missing = v[1] && *v[1] && unit_rid(&r->r->op->st, r->r->op->crid, v[1], &rid) == CAMPAIGN_ENOTFOUND;
	if ((rc = post_upsert(&r->r->op->st, r->r->op->crid, v[0], v[1], v[2], v[3], key, principal, r->r->op->actor)))
		return positioned(r, unit_missing && n[1] ? n[1] : m, rc);
	r->posts++;
	return CAMPAIGN_OK;
}

static int read_holdings(reader *r, const char *person, yaml_node_t *seq)
{
	static const char *const keys[] = {"post", "from", "to", NULL};
	yaml_node_t *m;
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(r, seq, "posts must be a list%s", "");
	YDOC_EACH(r->d, seq, m) {
		yaml_node_t *n[3] = {0};
		const char *v[3] = {0};
		int rc;
		if ((rc = fields(r, m, "a holding", keys, v, n, -1)))
			return rc;
		if (!v[0] || !v[1])
			return at(r, m, "a holding needs post and from%s", "");
		if ((rc = holding_upsert(&r->r->op->st, r->r->op->crid, person, v[0], v[1], v[2], r->r->op->actor)))
			return positioned(r, m, rc);
		r->holdings++;
	}
	return CAMPAIGN_OK;
}

static int read_person(reader *r, yaml_node_t *m)
{
	static const char *const keys[] = {"id", "name", "unit", "retires_on", "posts", NULL};
	const char *v[5] = {0};
	yaml_node_t *n[5] = {0};
	int rc;
	if ((rc = fields(r, m, "a person", keys, v, n, 4)))
		return rc;
	if (!v[0])
		return at(r, m, "a person needs an id%s", "");
	if ((rc = person_upsert(&r->r->op->st, r->r->op->crid, v[0], v[1], v[2], v[3], r->r->op->actor)))
		return positioned(r, m, rc);
	r->people++;
	return n[4] ? read_holdings(r, v[0], n[4]) : CAMPAIGN_OK;
}

static int read_list(reader *r, yaml_node_t *seq, const char *what, int (*one)(reader *, yaml_node_t *))
{
	yaml_node_t *item;
	int rc;
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(r, seq, "%s must be a list", what);
	YDOC_EACH(r->d, seq, item)
		if ((rc = doc_tick(r->r)) || (rc = one(r, item)))
			return rc;
	return CAMPAIGN_OK;
}

static int people_body(rows *rw, ydoc *d)
{
	static const char *const keys[] = {"format", "posts", "people", NULL};
	reader r = {rw, d, 0, 0, 0};
	yaml_node_t *n[3] = {0};
	int rc;
	if ((rc = ydoc_top(d, "a people file is a mapping with format, posts, people", keys, n)))
		return rc;
	if ((n[1] && (rc = read_list(&r, n[1], "posts", read_post))) ||
	    (n[2] && (rc = read_list(&r, n[2], "people", read_person))))
		return rc;
	snprintf(rw->detail, sizeof rw->detail, "%d posts, %d people, %d holdings", r.posts, r.people, r.holdings);
	return CAMPAIGN_OK;
}

/* ---- a table of people: campaign_people_query()'s listing fed back ---- */

enum { P_ID, P_NAME, P_UNIT, P_RETIRES_ON, P_COUNT };
static const row_column PERSON_COLUMNS[P_COUNT] = {
	ROW_TEXT_COL("id", 1), ROW_TEXT_COL("name", 0), ROW_TEXT_COL("unit", 0), ROW_DATE_COL("retires_on", 0),
};
/* the listing's columns the store derives: the unit's name, the body a member has the name in, the
 * posts held today (holdings come only from a YAML file) */
static const char *const LISTED[] = {"unit_name", "body", "body_role", "posts", NULL};

static int person_row(rows *r)
{
	int rc = person_upsert(&r->op->st, r->op->crid, row_text(r, P_ID), row_text(r, P_NAME), row_text(r, P_UNIT),
	                       row_text(r, P_RETIRES_ON), r->op->actor);
	return rc ? row_fail(r, rc == CAMPAIGN_ENOTFOUND ? P_UNIT : P_ID, rc) : CAMPAIGN_OK;
}

static const row_schema TABLE = {
	.cols = PERSON_COLUMNS, .ncols = P_COUNT, .noun = "person", .plural = "people", .operation = "people.import",
	.api = "campaign_people_import", .file_noun = "a people file", .access = ACCESS_PLAN, .ignored = LISTED,
	.row = person_row,
};

static const doc_schema SCHEMA = {"people.import", "campaign_people_import", ACCESS_PLAN, people_body, &TABLE};

int campaign_people_import_file(campaign_db *db, const char *campaign, const char *path,
                                const campaign_rows_import_options *opts, const char *actor)
{
	return doc_import(db, campaign, path, NULL, NULL, opts, actor, &SCHEMA);
}

int campaign_people_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                  const campaign_rows_import_options *opts, const char *actor)
{
	return doc_import(db, campaign, NULL, text, name, opts, actor, &SCHEMA);
}
