/* Posts, people and their holdings from one YAML file, in one transaction:
 * the first bad entry rolls back everything and is named by line and column.
 *
 *   format: 1
 *   posts:  [{id, unit, name, kind, key, principal}]
 *   people: [{id, name, unit, retires_on, posts: [{post, from, to}]}]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "accountability/accountability.h"

typedef struct reader {
	stmts c;
	sqlite3_int64 crid;
	yaml_document_t *doc;
	const char *file, *actor;
	int posts, people, holdings;
} reader;

static int at(const reader *r, const yaml_node_t *n, int code, const char *fmt, const char *arg)
{
	return error_set_at(code, r->file, (int)n->start_mark.line + 1, (int)n->start_mark.column + 1, fmt, arg);
}

/* Reads mapping @map against @keys; scalars into @vals, the node of each key
 * into @nodes (a non-scalar only where @lists allows it by index). */
static int fields(const reader *r, yaml_node_t *map, const char *what, const char *const *keys, const char **vals,
                  yaml_node_t **nodes, int list_key)
{
	if (map->type != YAML_MAPPING_NODE)
		return at(r, map, CAMPAIGN_EINVALID, "%s must be a mapping", what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, p->key), *v = yaml_document_get_node(r->doc, p->value);
		int i;
		for (i = 0; keys[i] && (k->type != YAML_SCALAR_NODE || strcmp(keys[i], (char *)k->data.scalar.value)); i++)
			;
		if (!keys[i])
			return at(r, k, CAMPAIGN_EINVALID, "unknown key \"%s\"",
			          k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value : "?");
		if (nodes[i])
			return at(r, k, CAMPAIGN_EINVALID, "%s: given twice", keys[i]);
		nodes[i] = v;
		if (i == list_key)
			continue;
		if (v->type != YAML_SCALAR_NODE)
			return at(r, v, CAMPAIGN_EINVALID, "%s: a value must be text", keys[i]);
		vals[i] = (const char *)v->data.scalar.value;
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
	return at(r, n, CAMPAIGN_EINVALID, "%s", msg);
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
	return at(r, n, CAMPAIGN_EINVALID, "\"%s\" is not true or false", v);
}

static int read_post(reader *r, yaml_node_t *m)
{
	static const char *const keys[] = {"id", "unit", "name", "kind", "key", "principal", NULL};
	const char *v[6] = {0};
	yaml_node_t *n[6] = {0};
	int rc, key = 0, principal = 0;
	if ((rc = fields(r, m, "a post", keys, v, n, -1)) || (rc = flag(r, n[4] ? n[4] : m, v[4], &key)) ||
	    (rc = flag(r, n[5] ? n[5] : m, v[5], &principal)))
		return rc;
	if ((rc = post_upsert(&r->c, r->crid, v[0], v[1], v[2], v[3], key, principal, r->actor)))
		return positioned(r, strstr(campaign_error_message(), "unit") && n[1] ? n[1] : m, rc);
	r->posts++;
	return CAMPAIGN_OK;
}

static int read_holdings(reader *r, const char *person, yaml_node_t *seq)
{
	static const char *const keys[] = {"post", "from", "to", NULL};
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(r, seq, CAMPAIGN_EINVALID, "posts must be a list%s", "");
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *m = yaml_document_get_node(r->doc, *it), *n[3] = {0};
		const char *v[3] = {0};
		int rc;
		if ((rc = fields(r, m, "a holding", keys, v, n, -1)))
			return rc;
		if (!v[0] || !v[1])
			return at(r, m, CAMPAIGN_EINVALID, "a holding needs post and from%s", "");
		if ((rc = holding_upsert(&r->c, r->crid, person, v[0], v[1], v[2], r->actor)))
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
		return at(r, m, CAMPAIGN_EINVALID, "a person needs an id%s", "");
	if ((rc = person_upsert(&r->c, r->crid, v[0], v[1], v[2], v[3], r->actor)))
		return positioned(r, m, rc);
	r->people++;
	return n[4] ? read_holdings(r, v[0], n[4]) : CAMPAIGN_OK;
}

static int read_list(reader *r, yaml_node_t *seq, const char *what, int (*one)(reader *, yaml_node_t *))
{
	int rc = CAMPAIGN_OK;
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(r, seq, CAMPAIGN_EINVALID, "%s must be a list", what);
	for (yaml_node_item_t *it = seq->data.sequence.items.start; !rc && it < seq->data.sequence.items.top; it++)
		if (!(rc = db_bulk_tick(r->c.db)))
			rc = one(r, yaml_document_get_node(r->doc, *it));
	return rc;
}

static int read_document(reader *r)
{
	static const char *const keys[] = {"format", "posts", "people", NULL};
	yaml_node_t *root = yaml_document_get_root_node(r->doc), *n[3] = {0};
	const char *v[3] = {0};
	int rc;
	if (!root || root->type != YAML_MAPPING_NODE)
		return error_set_at(CAMPAIGN_EINVALID, r->file, 1, 1, "a people file is a mapping with format, posts, people");
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
		int i;
		for (i = 0; keys[i] && (k->type != YAML_SCALAR_NODE || strcmp(keys[i], (char *)k->data.scalar.value)); i++)
			;
		if (!keys[i])
			return at(r, k, CAMPAIGN_EINVALID, "unknown key \"%s\"",
			          k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value : "?");
		n[i] = yaml_document_get_node(r->doc, p->value);
		if (n[i]->type == YAML_SCALAR_NODE)
			v[i] = (const char *)n[i]->data.scalar.value;
	}
	if (!v[0] || strcmp(v[0], "1"))
		return n[0] ? at(r, n[0], CAMPAIGN_EINVALID, "format must be 1%s", "")
		            : error_set_at(CAMPAIGN_EINVALID, r->file, 1, 1, "format: 1 is required");
	if (n[1] && (rc = read_list(r, n[1], "posts", read_post)))
		return rc;
	return n[2] ? read_list(r, n[2], "people", read_person) : CAMPAIGN_OK;
}

int campaign_people_import_yaml(campaign_db *db, const char *campaign, const char *path, const char *actor)
{
	struct campaign_buf b = {0};
	yaml_parser_t parser;
	yaml_document_t doc;
	reader r = {{db, 0, {{0}}}, 0, &doc, path, actor, 0, 0, 0};
	char detail[96];
	int rc;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_people_import_yaml: path is NULL");
	if ((rc = access_guard(db, actor, ACCESS_PLAN, 0, "people.import", campaign, path)) ||
	    (rc = file_read_utf8(path, &b)))
		return rc;
	if (!yaml_parser_initialize(&parser)) {
		buf_reset(&b);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)b.data, b.size);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = error_set_at(CAMPAIGN_EINVALID, path, (int)parser.problem_mark.line + 1,
		                  (int)parser.problem_mark.column + 1, "not valid YAML: %s",
		                  parser.problem ? parser.problem : "syntax error");
		yaml_parser_delete(&parser);
		buf_reset(&b);
		return rc;
	}
	yaml_parser_delete(&parser);
	if (!(rc = db_begin(db))) {
		if (!(rc = db_bulk_begin(db)) && !(rc = db_campaign_rid(db, campaign, &r.crid)) && !(rc = read_document(&r))) {
			snprintf(detail, sizeof detail, "%d posts, %d people, %d holdings", r.posts, r.people, r.holdings);
			rc = db_log(db, actor, "people.import", campaign, path, detail);
		}
		stmts_free(&r.c);
		rc = write_end(db, rc, actor, "people.import", campaign, path);
	}
	yaml_document_delete(&doc);
	buf_reset(&b);
	return rc;
}
