/* The one YAML reader: every YAML document (plans, risk models, catalogues,
 * rules, people, row lists) is loaded here. A hostile file is refused while
 * its events are parsed -- deeper than YAML_MAX_DEPTH, larger than
 * YAML_MAX_BYTES -- before libyaml builds a document (its loader takes
 * seconds, then minutes, on a 20,000-deep file). The getters give every
 * error the node's file:line:column. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/io.h"

/* Position (1-based line, column in characters) of byte @offset. */
static void position_of(const char *data, size_t offset, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < offset; i++) {
		if (data[i] == '\n') {
			++*line;
			*column = 1;
		} else if (((unsigned char)data[i] & 0xc0) != 0x80) {
			++*column;
		}
	}
}

static int parser_error(const ydoc *d, yaml_parser_t *p)
{
	/* libyaml fails without recording an error only when an allocation failed
	 * (yaml_strdup() in its loader) */
	if (p->error == YAML_MEMORY_ERROR || p->error == YAML_NO_ERROR)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return error_set_at(CAMPAIGN_EINVALID, d->file, (int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1,
	                    "not valid YAML: %s%s%s", p->problem ? p->problem : "syntax error", p->context ? " " : "",
	                    p->context ? p->context : "");
}

static void parser_start(yaml_parser_t *p, const char *data, size_t len)
{
	yaml_parser_set_input_string(p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(p, YAML_UTF8_ENCODING);
}

/* The first pass' view of one open collection: for the streamed key's
 * shape, whether it is the top mapping, a mapping listed under the key, or
 * the key's list, and for a mapping whether its next node is a key. */
enum { FRAME_OTHER, FRAME_TOP, FRAME_LIST, FRAME_ITEM };
typedef struct frame {
	int role, is_map, at_key, saw_key, value_is_key;
} frame;

/* A node starts under @parent (NULL at the top): a key after the streamed
 * key, or the streamed key's value that is no list, forbids streaming. */
static void shape_node(frame *parent, const char *key, const yaml_event_t *ev, int *streamable)
{
	int top_or_item = parent && (parent->role == FRAME_TOP || parent->role == FRAME_ITEM);
	if (ev->type == YAML_ALIAS_EVENT)
		*streamable = 0; /* an alias may point into a freed item */
	if (!parent || !parent->is_map || !top_or_item)
		return;
	if (parent->at_key) {
		if (parent->saw_key)
			*streamable = 0;
		parent->value_is_key = ev->type == YAML_SCALAR_EVENT && !strcmp((const char *)ev->data.scalar.value, key);
		parent->saw_key |= parent->value_is_key;
	} else if (parent->value_is_key && ev->type != YAML_SEQUENCE_START_EVENT) {
		*streamable = 0;
	}
}

/* A node under @parent is complete: a mapping's next node is the other half. */
static void shape_done(frame *parent)
{
	if (parent && parent->is_map)
		parent->at_key = !parent->at_key;
}

static int shape_role(const frame *parent, const yaml_event_t *ev)
{
	if (!parent)
		return ev->type == YAML_MAPPING_START_EVENT ? FRAME_TOP : FRAME_OTHER;
	if (parent->role == FRAME_LIST)
		return ev->type == YAML_MAPPING_START_EVENT ? FRAME_ITEM : FRAME_OTHER;
	return parent->is_map && !parent->at_key && parent->value_is_key ? FRAME_LIST : FRAME_OTHER;
}

/* The first pass' state: the open collections and what the shape allows. */
typedef struct shape {
	frame frames[YAML_MAX_DEPTH + 1];
	const char *key;
	int depth, ok, docs;
} shape;

static void shape_init(shape *sh, const char *key)
{
	memset(sh, 0, sizeof *sh);
	sh->key = key;
	sh->ok = key != NULL;
}

/* One event of the first pass: nesting counted as it comes, so that a deep
 * file stops at its 65th level. With a key, it also follows whether the
 * document can be streamed (ydoc_stream): no aliases, and wherever the key
 * stands in the top mapping or in a mapping listed under it, it is the
 * mapping's last key and holds a list. */
static int shape_step(shape *sh, const ydoc *d, const yaml_event_t *ev)
{
	frame *parent = sh->depth ? &sh->frames[sh->depth - 1] : NULL;
	if (sh->ok && sh->docs == 1 && (ev->type == YAML_SCALAR_EVENT || ev->type == YAML_ALIAS_EVENT ||
	                                ev->type == YAML_SEQUENCE_START_EVENT || ev->type == YAML_MAPPING_START_EVENT))
		shape_node(parent, sh->key, ev, &sh->ok);
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (++sh->depth > YAML_MAX_DEPTH)
			return error_set_at(CAMPAIGN_EINVALID, d->file, (int)ev->start_mark.line + 1,
			                    (int)ev->start_mark.column + 1, "nested deeper than %d levels", YAML_MAX_DEPTH);
		sh->frames[sh->depth - 1] = (frame){shape_role(parent, ev), ev->type == YAML_MAPPING_START_EVENT, 1, 0, 0};
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		sh->depth--;
		shape_done(sh->depth ? &sh->frames[sh->depth - 1] : NULL);
		break;
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT: shape_done(parent); break;
	case YAML_DOCUMENT_START_EVENT: sh->docs++; break;
	default: break;
	}
	return CAMPAIGN_OK;
}

/* The first pass: events only, to the end of the stream. */
static int check_depth(const ydoc *d, const char *data, size_t len, const char *key, int *streamable)
{
	yaml_parser_t p;
	yaml_event_t ev;
	shape sh;
	int rc = CAMPAIGN_OK, done = 0;
	if (!yaml_parser_initialize(&p))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	parser_start(&p, data, len);
	shape_init(&sh, key);
	while (!rc && !done) {
		if (!yaml_parser_parse(&p, &ev)) {
			rc = parser_error(d, &p);
			break;
		}
		rc = shape_step(&sh, d, &ev);
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	if (streamable)
		*streamable = sh.ok;
	return rc;
}

int ydoc_check(ydoc *d, const char *file, const char *data, size_t len, const char *key, int *streamable)
{
	size_t bad;
	int line, col;
	memset(d, 0, sizeof *d);
	d->file = file ? file : "<string>";
	if (len > YAML_MAX_BYTES)
		return error_set_at(CAMPAIGN_EINVALID, d->file, 1, 1, "the document is larger than %d MiB",
		                    YAML_MAX_BYTES >> 20);
	if ((bad = utf8_invalid_offset(data, len)) < len) {
		position_of(data, bad, &line, &col);
		return error_set_at(CAMPAIGN_EINVALID, d->file, line, col, "invalid UTF-8 (byte 0x%02x)",
		                    (unsigned char)data[bad]);
	}
	return check_depth(d, data, len, key, streamable);
}

int ydoc_compose(ydoc *d, const char *data, size_t len)
{
	yaml_parser_t p;
	int rc = CAMPAIGN_OK;
	if (!yaml_parser_initialize(&p))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	parser_start(&p, data, len);
	if (!yaml_parser_load(&p, &d->doc))
		rc = parser_error(d, &p);
	else
		d->loaded = 1;
	yaml_parser_delete(&p);
	return rc;
}

int ydoc_load(ydoc *d, const char *file, const char *data, size_t len)
{
	int rc = ydoc_check(d, file, data, len, NULL, NULL);
	return rc ? rc : ydoc_compose(d, data, len);
}

/* ---- streaming: the document composed from events, the long lists item by item ---- */

typedef struct sframe {
	int node;    /* the collection's node */
	int key;     /* a mapping's key node waiting for its value; 0: none */
	int claimed; /* a mapping: the pending key's list is streamed; a list: it is streamed */
	int item;    /* a streamed list: the node count before its current item */
} sframe;

/* Frees the nodes after the first @keep: a streamed item once handled. */
static void nodes_truncate(yaml_document_t *doc, int keep)
{
	while (doc->nodes.top - doc->nodes.start > keep) {
		yaml_node_t *n = --doc->nodes.top;
		free(n->tag);
		if (n->type == YAML_SCALAR_NODE)
			free(n->data.scalar.value);
		else if (n->type == YAML_SEQUENCE_NODE)
			free(n->data.sequence.items.start);
		else if (n->type == YAML_MAPPING_NODE)
			free(n->data.mapping.pairs.start);
	}
}

static int node_count(const ydoc *d)
{
	return (int)(d->doc.nodes.top - d->doc.nodes.start);
}

static int add_node(ydoc *d, const yaml_event_t *ev)
{
	yaml_char_t *tag = NULL;
	int n = 0;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		tag = ev->data.scalar.tag;
		n = yaml_document_add_scalar(&d->doc, tag && strcmp((char *)tag, "!") ? tag : NULL, ev->data.scalar.value,
		                             (int)ev->data.scalar.length, ev->data.scalar.style);
		break;
	case YAML_SEQUENCE_START_EVENT:
		tag = ev->data.sequence_start.tag;
		n = yaml_document_add_sequence(&d->doc, tag && strcmp((char *)tag, "!") ? tag : NULL,
		                               ev->data.sequence_start.style);
		break;
	default:
		tag = ev->data.mapping_start.tag;
		n = yaml_document_add_mapping(&d->doc, tag && strcmp((char *)tag, "!") ? tag : NULL,
		                              ev->data.mapping_start.style);
		break;
	}
	if (!n)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	d->doc.nodes.start[n - 1].start_mark = ev->start_mark;
	d->doc.nodes.start[n - 1].end_mark = ev->end_mark;
	return n;
}

/* Node @n starts under @parent: a list item, a mapping's key (offered to
 * claim()) or its value. An item of a streamed list is attached nowhere. */
static int attach(ydoc *d, sframe *parent, int parent_is_item, int n, const ystream *s)
{
	yaml_node_t *pn = &d->doc.nodes.start[parent->node - 1];
	if (pn->type == YAML_SEQUENCE_NODE)
		return parent->claimed || yaml_document_append_sequence_item(&d->doc, parent->node, n)
		               ? CAMPAIGN_OK
		               : error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (!parent->key) {
		const char *key = ydoc_text(&d->doc.nodes.start[n - 1]);
		parent->key = n;
		parent->claimed = 0;
		return key ? s->claim(s->ctx, d, parent->node, key, parent_is_item, &parent->claimed) : CAMPAIGN_OK;
	}
	if (!yaml_document_append_mapping_pair(&d->doc, parent->node, parent->key, n))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	parent->key = 0;
	return CAMPAIGN_OK;
}

/* A node under the streamed list @parent is complete: handled, then freed. */
static int item_done(ydoc *d, sframe *parent, int n, const ystream *s)
{
	int rc = s->item(s->ctx, d, n);
	nodes_truncate(&d->doc, parent->item);
	return rc;
}

static int stream_event(ydoc *d, sframe *st, int *depth, const yaml_event_t *ev, const ystream *s)
{
	sframe *parent = *depth ? &st[*depth - 1] : NULL;
	int parent_is_item = *depth >= 2 && st[*depth - 2].claimed &&
	                     d->doc.nodes.start[st[*depth - 2].node - 1].type == YAML_SEQUENCE_NODE;
	int n, rc = CAMPAIGN_OK, claimed_list;
	if (ev->type == YAML_SEQUENCE_END_EVENT || ev->type == YAML_MAPPING_END_EVENT) {
		sframe *up = *depth >= 2 ? &st[*depth - 2] : NULL;
		d->doc.nodes.start[parent->node - 1].end_mark = ev->end_mark;
		--*depth;
		return up && up->claimed && d->doc.nodes.start[up->node - 1].type == YAML_SEQUENCE_NODE
		               ? item_done(d, up, parent->node, s)
		               : CAMPAIGN_OK;
	}
	if (ev->type != YAML_SCALAR_EVENT && ev->type != YAML_SEQUENCE_START_EVENT && ev->type != YAML_MAPPING_START_EVENT)
		return CAMPAIGN_OK;
	claimed_list = parent && parent->key && parent->claimed && ev->type == YAML_SEQUENCE_START_EVENT;
	if (parent && parent->claimed && d->doc.nodes.start[parent->node - 1].type == YAML_SEQUENCE_NODE)
		parent->item = node_count(d);
	if ((n = add_node(d, ev)) < 0)
		return n;
	if (parent && (rc = attach(d, parent, parent_is_item, n, s)))
		return rc;
	if (ev->type == YAML_SCALAR_EVENT)
		return parent && parent->claimed && d->doc.nodes.start[parent->node - 1].type == YAML_SEQUENCE_NODE
		               ? item_done(d, parent, n, s)
		               : CAMPAIGN_OK;
	st[(*depth)++] = (sframe){n, 0, claimed_list, 0};
	return CAMPAIGN_OK;
}

/* Composes the first document from @p's events; with @sh, the first
 * pass's checks run on the same events, to the end of the stream. */
static int stream_run(ydoc *d, yaml_parser_t *p, const ystream *s, shape *sh)
{
	yaml_event_t ev;
	sframe st[YAML_MAX_DEPTH + 1];
	int depth = 0, rc = CAMPAIGN_OK, done = 0, composed = 0;
	if (!yaml_document_initialize(&d->doc, NULL, NULL, NULL, 1, 1))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	d->loaded = 1;
	while (!rc && !done) {
		if (!yaml_parser_parse(p, &ev)) {
			rc = parser_error(d, p);
			break;
		}
		if (sh && !(rc = shape_step(sh, d, &ev)) && !sh->ok)
			rc = error_set_at(CAMPAIGN_EINVALID, d->file, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
			                  "the document cannot be read in one pass");
		/* the first document only, as libyaml's loader */
		if (!rc && !composed) {
			composed = ev.type == YAML_DOCUMENT_END_EVENT || ev.type == YAML_STREAM_END_EVENT;
			rc = stream_event(d, st, &depth, &ev, s);
		}
		done = sh ? ev.type == YAML_STREAM_END_EVENT : composed;
		yaml_event_delete(&ev);
	}
	return rc;
}

int ydoc_stream(ydoc *d, const char *data, size_t len, const ystream *s)
{
	yaml_parser_t p;
	int rc;
	if (!yaml_parser_initialize(&p))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	parser_start(&p, data, len);
	rc = stream_run(d, &p, s, NULL);
	yaml_parser_delete(&p);
	return rc;
}

/* A file read by libyaml, refused past YAML_MAX_BYTES as file_read() does. */
typedef struct capped {
	FILE *f;
	size_t left;
} capped;

static int capped_read(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	capped *c = data;
	size_t n = fread(buffer, 1, size <= c->left ? size : c->left + 1, c->f);
	if (n > c->left || ferror(c->f))
		return 0;
	c->left -= n;
	*size_read = n;
	return 1;
}

int ydoc_stream_once(ydoc *d, const char *file, FILE *f, const char *data, size_t len, const char *key,
                     const ystream *s)
{
	yaml_parser_t p;
	capped in = {f, YAML_MAX_BYTES};
	shape sh;
	int rc;
	memset(d, 0, sizeof *d);
	d->file = file ? file : "<string>";
	if (!yaml_parser_initialize(&p))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (f) {
		yaml_parser_set_input(&p, capped_read, &in);
		yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	} else {
		parser_start(&p, data, len);
	}
	shape_init(&sh, key);
	rc = stream_run(d, &p, s, &sh);
	yaml_parser_delete(&p);
	return rc;
}

void ydoc_free(ydoc *d)
{
	if (d->loaded)
		yaml_document_delete(&d->doc);
	d->loaded = 0;
}

yaml_node_t *ydoc_root(ydoc *d)
{
	return d->loaded ? yaml_document_get_root_node(&d->doc) : NULL;
}

yaml_node_t *ydoc_node(ydoc *d, int index)
{
	return yaml_document_get_node(&d->doc, index);
}

int ydoc_line(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 1;
}

int ydoc_column(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.column + 1 : 1;
}

int ydoc_fail(const ydoc *d, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set_at(CAMPAIGN_EINVALID, d->file, ydoc_line(n), ydoc_column(n), "%s", msg);
}

const char *ydoc_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "a scalar";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE: return "a mapping";
	default: return "nothing";
	}
}

const char *ydoc_text(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

int ydoc_is_null(const yaml_node_t *n)
{
	const char *v;
	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	v = (const char *)n->data.scalar.value;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") || !strcmp(v, "NULL");
}

int ydoc_key_index(const yaml_node_t *k, const char *const *keys)
{
	int i;
	if (!k || k->type != YAML_SCALAR_NODE)
		return -1;
	for (i = 0; keys[i]; i++)
		if (!strcmp((const char *)k->data.scalar.value, keys[i]))
			return i;
	return -1;
}

int ydoc_check_keys(ydoc *d, yaml_node_t *map, const char *what, const char *const *allowed)
{
	unsigned long long seen = 0;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(d, p->key);
		int i;
		if (k->type != YAML_SCALAR_NODE)
			return ydoc_fail(d, k, "%s: a key must be text", what);
		if ((i = ydoc_key_index(k, allowed)) < 0)
			return ydoc_fail(d, k, "%s: unknown key \"%s\"", what, (const char *)k->data.scalar.value);
		if (i < 64 && (seen & (1ull << i)))
			return ydoc_fail(d, k, "%s: key \"%s\" given twice", what, allowed[i]);
		seen |= i < 64 ? 1ull << i : 0;
	}
	return CAMPAIGN_OK;
}

yaml_node_t *ydoc_get(ydoc *d, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(d, p->key);
		if (k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
			return ydoc_node(d, p->value);
	}
	return NULL;
}

int ydoc_string(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, const char **out)
{
	yaml_node_t *n = ydoc_get(d, map, key);
	*out = NULL;
	if (!n || ydoc_is_null(n))
		return required ? ydoc_fail(d, n ? n : map, "%s: \"%s\" is required", what, key) : CAMPAIGN_OK;
	if (n->type != YAML_SCALAR_NODE)
		return ydoc_fail(d, n, "%s: \"%s\" must be text, not %s", what, key, ydoc_kind(n));
	if (strlen((const char *)n->data.scalar.value) != n->data.scalar.length)
		return ydoc_fail(d, n, "%s: \"%s\" contains a NUL character", what, key);
	*out = (const char *)n->data.scalar.value;
	if (required && !**out)
		return ydoc_fail(d, n, "%s: \"%s\" must not be empty", what, key);
	return CAMPAIGN_OK;
}

int ydoc_int(ydoc *d, yaml_node_t *map, const char *what, const char *key, long lo, long hi, int required, long *out)
{
	const char *v;
	char *end;
	long n;
	int rc = ydoc_string(d, map, what, key, required, &v);
	if (rc || !v)
		return rc;
	n = strtol(v, &end, 10);
	if (end == v || *end || n < lo || n > hi)
		return ydoc_fail(d, ydoc_get(d, map, key), "%s: \"%s\" must be a whole number %ld..%ld, not \"%s\"", what,
		                 key, lo, hi, v);
	*out = n;
	return CAMPAIGN_OK;
}

int ydoc_bool(ydoc *d, yaml_node_t *map, const char *what, const char *key, int *out)
{
	yaml_node_t *n = ydoc_get(d, map, key);
	const char *v;
	*out = 0;
	if (!n)
		return CAMPAIGN_OK;
	if (n->type != YAML_SCALAR_NODE)
		return ydoc_fail(d, n, "%s: \"%s\" must be true or false, not %s", what, key, ydoc_kind(n));
	v = (const char *)n->data.scalar.value;
	if (!strcmp(v, "true") || !strcmp(v, "yes"))
		*out = 1;
	else if (strcmp(v, "false") && strcmp(v, "no"))
		return ydoc_fail(d, n, "%s: \"%s\" must be true or false, not \"%s\"", what, key, v);
	return CAMPAIGN_OK;
}

int ydoc_date(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, const char **out)
{
	int rc = ydoc_string(d, map, what, key, required, out);
	if (rc || !*out || date_valid(*out))
		return rc;
	return ydoc_fail(d, ydoc_get(d, map, key), "%s: \"%s\" is not a date (YYYY-MM-DD): \"%s\"", what, key, *out);
}

static int get_node(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, yaml_node_type_t type,
                    const char *kind, yaml_node_t **out)
{
	yaml_node_t *n = ydoc_get(d, map, key);
	*out = NULL;
	if (!n || ydoc_is_null(n))
		return required ? ydoc_fail(d, n ? n : map, "%s: \"%s\" is required", what, key) : CAMPAIGN_OK;
	if (n->type != type)
		return ydoc_fail(d, n, "%s: \"%s\" must be %s, not %s", what, key, kind, ydoc_kind(n));
	*out = n;
	return CAMPAIGN_OK;
}

int ydoc_list(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, yaml_node_t **out)
{
	return get_node(d, map, what, key, required, YAML_SEQUENCE_NODE, "a list", out);
}

int ydoc_map(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, yaml_node_t **out)
{
	return get_node(d, map, what, key, required, YAML_MAPPING_NODE, "a mapping", out);
}

int ydoc_top(ydoc *d, const char *shape, const char *const *keys, yaml_node_t **nodes)
{
	yaml_node_t *root = ydoc_root(d);
	if (!root || root->type != YAML_MAPPING_NODE)
		return error_set_at(CAMPAIGN_EINVALID, d->file, 1, 1, "%s", shape);
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(d, p->key);
		int i = ydoc_key_index(k, keys);
		if (i < 0)
			return ydoc_fail(d, k, "unknown key \"%s\"", ydoc_text(k) ? ydoc_text(k) : "?");
		nodes[i] = ydoc_node(d, p->value);
	}
	if (!ydoc_text(nodes[0]) || strcmp(ydoc_text(nodes[0]), "1"))
		return nodes[0] ? ydoc_fail(d, nodes[0], "format must be 1")
		                : error_set_at(CAMPAIGN_EINVALID, d->file, 1, 1, "format: 1 is required");
	return CAMPAIGN_OK;
}
