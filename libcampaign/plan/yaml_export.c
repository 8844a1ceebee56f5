/* Plan export to YAML (libyaml's emitter), in the format the importer reads,
 * so that export → import gives an identical model. Trees (units, tasks) are
 * stored in pre-order, so they are written in one pass with a stack of open
 * parents rather than a query per node. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "plan/plan.h"

typedef struct exp_ {
	yaml_emitter_t em;
	campaign_db *db;
	sqlite3_int64 crid;
	struct campaign_buf *out;
	int failed;
} exp_;

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	return buf_append((struct campaign_buf *)data, (const char *)buffer, size) == CAMPAIGN_OK;
}

static void emit(exp_ *x, yaml_event_t *ev)
{
	if (!x->failed && !yaml_emitter_emit(&x->em, ev))
		x->failed = 1;
}

/* Text that the importer would read as null, or that YAML would take for
 * another type, is quoted so it comes back as the same text. */
static yaml_scalar_style_t style_for(const char *v)
{
	if (!*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") || !strcmp(v, "NULL") ||
	    !strcmp(v, "true") || !strcmp(v, "false") || !strcmp(v, "yes") || !strcmp(v, "no"))
		return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (strchr(v, '\n'))
		return YAML_LITERAL_SCALAR_STYLE;
	return YAML_ANY_SCALAR_STYLE;
}

/* Emits @ev when it was made (@made) and nothing failed before. */
static void emit_made(exp_ *x, int made, yaml_event_t *ev)
{
	if (!made)
		x->failed = 1;
	else
		emit(x, ev);
}

static void scalar_styled(exp_ *x, const char *v, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (!x->failed)
		emit_made(x, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)v, (int)strlen(v), 1, 1, style),
		          &ev);
}

static void scalar(exp_ *x, const char *v)
{
	scalar_styled(x, v, style_for(v));
}

/* Opens a mapping or (@seq) a sequence, in flow style {...} [...] or block style. */
static void node_start(exp_ *x, int seq, int flow)
{
	yaml_event_t ev;
	int made = seq ? yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE
	                                                                               : YAML_BLOCK_SEQUENCE_STYLE)
	               : yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE
	                                                                              : YAML_BLOCK_MAPPING_STYLE);
	if (!x->failed)
		emit_made(x, made, &ev);
}

static void node_end(exp_ *x, int seq)
{
	yaml_event_t ev;
	int made = seq ? yaml_sequence_end_event_initialize(&ev) : yaml_mapping_end_event_initialize(&ev);
	if (!x->failed)
		emit_made(x, made, &ev);
}

static void map_start(exp_ *x, int flow) { node_start(x, 0, flow); }
static void map_end(exp_ *x) { node_end(x, 0); }
static void seq_start(exp_ *x, int flow) { node_start(x, 1, flow); }
static void seq_end(exp_ *x) { node_end(x, 1); }

/* A list under @key that is written only when it has an item: call before
 * each item with the count *@n of items so far, and list_end() after. */
static void list_item(exp_ *x, int *n, const char *key)
{
	if (!(*n)++) {
		scalar(x, key);
		seq_start(x, 0);
	}
}

static void list_end(exp_ *x, int n)
{
	if (n)
		seq_end(x);
}

/* key: value, skipped when the value is NULL */
static void kv(exp_ *x, const char *k, const char *v)
{
	if (!v)
		return;
	scalar(x, k);
	scalar(x, v);
}

/* key: [a, b] from a list stored one per line */
static void kv_aliases(exp_ *x, const char *k, const char *joined)
{
	const char *sep = "\n", *p = joined;
	if (!joined)
		return;
	scalar(x, k);
	seq_start(x, 1);
	while (p) {
		const char *q = strstr(p, sep);
		size_t n = q ? (size_t)(q - p) : strlen(p);
		char *item = malloc(n + 1);
		if (!item) {
			x->failed = 1;
			return;
		}
		memcpy(item, p, n);
		item[n] = '\0';
		scalar(x, item);
		free(item);
		p = q ? q + strlen(sep) : NULL;
	}
	seq_end(x);
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Prepares a statement for this export with ?1 = the campaign. */
static sqlite3_stmt *query(exp_ *x, const char *sql)
{
	sqlite3_stmt *st;
	if (x->failed)
		return NULL;
	if (sqlite3_prepare_v2(x->db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		error_from_sqlite(x->db->sql, sqlite3_errcode(x->db->sql), "export failed");
		x->failed = 2;
		return NULL;
	}
	sqlite3_bind_int64(st, 1, x->crid);
	return st;
}

/* Restarts @child on the rows of parent @rid (its ?1). */
static void child_of(sqlite3_stmt *child, sqlite3_int64 rid)
{
	sqlite3_reset(child);
	sqlite3_bind_int64(child, 1, rid);
}

/* Steps @st: 1 on a row; 0 at the end, after an earlier failure, or when
 * the step failed (the export then fails with its error: a failed step is
 * never read as the end of the rows). */
static int step_row(exp_ *x, sqlite3_stmt *st)
{
	int rc = CAMPAIGN_OK;
	if (x->failed)
		return 0;
	if (db_step_row(x->db, st, "export failed", &rc))
		return 1;
	if (rc)
		x->failed = 2;
	return 0;
}

/* A stack of open tree nodes: each entry is a node's rid and whether its
 * child list ("units:" / "tasks:") has been opened. */
typedef struct tree {
	sqlite3_int64 rid[256];
	int open_children[256];
	int depth;
} tree;

/* Closes open nodes until @parent is on top (0 = the root list). */
static void tree_close_to(exp_ *x, tree *t, sqlite3_int64 parent)
{
	while (t->depth > 0 && t->rid[t->depth - 1] != parent) {
		if (t->open_children[t->depth - 1])
			seq_end(x);
		map_end(x);
		t->depth--;
	}
}

/* Opens the child list of the node on top, if not yet open. */
static void tree_open_children(exp_ *x, tree *t, const char *key)
{
	if (t->depth > 0 && !t->open_children[t->depth - 1]) {
		scalar(x, key);
		seq_start(x, 0);
		t->open_children[t->depth - 1] = 1;
	}
}

static int tree_push(exp_ *x, tree *t, sqlite3_int64 rid)
{
	/* Not reached by any test, and by no store the library wrote: a plan is
	 * imported from YAML nested at most YAML_MAX_DEPTH (64) deep, so its task
	 * tree is far shallower. Only rows written around the library could make
	 * one this deep; the check keeps the fixed arrays of @t safe from them. */
	if (t->depth == 256) {
		error_set(CAMPAIGN_EINVALID, "export: the tree is deeper than 256 levels");
		x->failed = 2;
		return 0;
	}
	t->rid[t->depth] = rid;
	t->open_children[t->depth++] = 0;
	return 1;
}

/* key: value for the columns from @first on, one key each (NULL-terminated). */
static void kv_row(exp_ *x, sqlite3_stmt *st, int first, const char *const keys[])
{
	for (int i = 0; keys[i]; i++)
		kv(x, keys[i], col(st, first + i));
}

/* A list of rows, each a mapping: its key, the keys of its columns, and
 * what else each item writes. */
typedef struct list_spec list_spec;
struct list_spec {
	const char *key;         /* "milestones" */
	int flow;                /* each item as a flow mapping {...} */
	int first;               /* the column of keys[0] */
	const char *const *keys; /* one key per column from @first, NULL-terminated */
	void (*extra)(exp_ *x, sqlite3_stmt *row, void *ctx); /* the item's other keys, or NULL */
};

/* The rows of @st as the list @l, written only when there is a row. */
static void export_list(exp_ *x, sqlite3_stmt *st, const list_spec *l, void *ctx)
{
	int n = 0;
	while (step_row(x, st)) {
		list_item(x, &n, l->key);
		map_start(x, l->flow);
		kv_row(x, st, l->first, l->keys);
		if (l->extra)
			l->extra(x, st, ctx);
		map_end(x);
	}
	list_end(x, n);
}

/* The rows of @st (column 0 the rid, 1 the parent's or 0) as the tree @l:
 * each node's children in a list under the same key. */
static void export_tree(exp_ *x, sqlite3_stmt *st, const list_spec *l, void *ctx)
{
	tree t = {.depth = 0};
	scalar(x, l->key);
	seq_start(x, 0);
	while (step_row(x, st)) {
		tree_close_to(x, &t, sqlite3_column_int64(st, 1));
		tree_open_children(x, &t, l->key);
		map_start(x, 0);
		kv_row(x, st, l->first, l->keys);
		if (l->extra)
			l->extra(x, st, ctx);
		tree_push(x, &t, sqlite3_column_int64(st, 0));
	}
	tree_close_to(x, &t, 0);
	seq_end(x);
}

/* A statement of child rows and how they are written. */
typedef struct children {
	sqlite3_stmt *st;
	const list_spec *spec;
} children;

/* An item's children: the rows of ctx's statement for the item's rid (column 0). */
static void with_children(exp_ *x, sqlite3_stmt *row, void *ctx)
{
	children *c = ctx;
	child_of(c->st, sqlite3_column_int64(row, 0));
	export_list(x, c->st, c->spec, NULL);
}

/* The list @l of the rows of @sql, each with its children from @child_sql. */
static void export_parents(exp_ *x, const list_spec *l, const char *sql, const char *child_sql,
                           const list_spec *child_spec)
{
	sqlite3_stmt *st = query(x, sql);
	children c = {query(x, child_sql), child_spec};
	if (st && c.st)
		export_list(x, st, l, &c);
	sqlite3_finalize(st);
	sqlite3_finalize(c.st);
}

static void export_campaign(exp_ *x)
{
	static const char *const keys[] = {"id", "title", "issuer", "basis", "basis_title", "period",
	                                   "preamble", "summary", "requirements", "grace_days", NULL};
	sqlite3_stmt *st = query(x, "SELECT id, title, issuer, basis, basis_title, period_text, preamble, summary, "
	                            "requirements, CAST(nullif(grace_days, 0) AS TEXT) FROM campaign WHERE rid = ?1");
	if (!st)
		return;
	scalar(x, "campaign");
	map_start(x, 0);
	if (step_row(x, st))
		kv_row(x, st, 0, keys);
	map_end(x);
	sqlite3_finalize(st);
}

static void unit_aliases(exp_ *x, sqlite3_stmt *row, void *ctx)
{
	(void)ctx;
	kv_aliases(x, "aliases", col(row, 5));
}

static void export_units(exp_ *x)
{
	static const char *const keys[] = {"id", "name", "kind", NULL};
	static const list_spec units = {"units", 0, 2, keys, unit_aliases};
	sqlite3_stmt *st = query(x, "SELECT rid, coalesce(parent, 0), id, name, kind, aliases FROM unit "
	                            "WHERE campaign = ?1 ORDER BY ord");
	if (!st)
		return;
	export_tree(x, st, &units, NULL);
	sqlite3_finalize(st);
}

/* The ids of @st's rows for @rid (column 0), as a flow list under @key. */
static void kv_ids(exp_ *x, const char *key, sqlite3_stmt *st, sqlite3_int64 rid)
{
	scalar(x, key);
	seq_start(x, 1);
	child_of(st, rid);
	while (step_row(x, st))
		scalar(x, col(st, 0));
	seq_end(x);
}

/* A group's aliases and its members, as a flow list of unit ids; a derived
 * group says how its members are computed instead. */
static void group_members(exp_ *x, sqlite3_stmt *row, void *ctx)
{
	children *c = ctx;
	kv_aliases(x, "aliases", col(row, 3));
	if (col(row, 4))
		kv(x, "derive", col(row, 4));
	else
		kv_ids(x, "members", c->st, sqlite3_column_int64(row, 0));
}

static void export_groups(exp_ *x)
{
	static const char *const keys[] = {"id", "name", NULL};
	static const list_spec groups = {"unit_groups", 0, 1, keys, group_members};
	export_parents(x, &groups, "SELECT g.rid, g.id, g.name, g.aliases, g.derive FROM unit_group g WHERE g.campaign = ?1 "
	                           "ORDER BY g.ord",
	               "SELECT u.id FROM unit_group_member m JOIN unit u ON u.rid = m.unit WHERE m.grp = ?1 ORDER BY m.ord",
	               NULL);
}

static void member_concurrent(exp_ *x, sqlite3_stmt *row, void *ctx)
{
	(void)ctx;
	if (sqlite3_column_int(row, 5)) {
		scalar(x, "concurrent");
		scalar_styled(x, "true", YAML_PLAIN_SCALAR_STYLE);
	}
}

static void export_bodies(exp_ *x)
{
	static const char *const keys[] = {"id", "name", "parent", "seat", "duty", NULL};
	static const char *const member_keys[] = {"name", "role", "title", "unit", "unit_group", NULL};
	static const list_spec members = {"members", 1, 0, member_keys, member_concurrent};
	static const list_spec bodies = {"bodies", 0, 1, keys, with_children};
	export_parents(x, &bodies,
	               "SELECT b.rid, b.id, b.name, p.id, s.id, b.duty FROM body b LEFT JOIN body p ON p.rid = b.parent "
	               "LEFT JOIN unit s ON s.rid = b.seat WHERE b.campaign = ?1 ORDER BY b.ord",
	               "SELECT m.name, m.role, m.title, u.id, g.id, m.concurrent FROM body_member m "
	               "LEFT JOIN unit u ON u.rid = m.unit LEFT JOIN unit_group g ON g.rid = m.grp "
	               "WHERE m.body = ?1 ORDER BY m.ord",
	               &members);
}

static void export_phases(exp_ *x)
{
	static const char *const keys[] = {"id", "name", "period", "focus", NULL};
	static const char *const milestone_keys[] = {"id", "text", "deadline", "unit", "unit_group", NULL};
	static const list_spec milestones = {"milestones", 0, 0, milestone_keys, NULL};
	static const list_spec phases = {"phases", 0, 1, keys, with_children};
	export_parents(x, &phases, "SELECT rid, id, name, period_text, focus FROM phase WHERE campaign = ?1 ORDER BY ord",
	               "SELECT m.id, m.text, m.deadline_text, u.id, g.id FROM milestone m "
	               "LEFT JOIN unit u ON u.rid = m.unit LEFT JOIN unit_group g ON g.rid = m.grp "
	               "WHERE m.phase = ?1 ORDER BY m.ord",
	               &milestones);
}

/* A reference is written as a plain id when it carries nothing but the id. */
static void export_refs(exp_ *x, sqlite3_stmt *refs, sqlite3_int64 measure, const char *role)
{
	int n = 0;
	child_of(refs, measure);
	sqlite3_bind_text(refs, 2, role, -1, SQLITE_STATIC);
	while (step_row(x, refs)) {
		const char *unit = col(refs, 0), *grp = col(refs, 1), *written = col(refs, 2), *name = col(refs, 3),
		           *cond = col(refs, 4);
		list_item(x, &n, role);
		if (!cond && strcmp(written, name) == 0) {
			scalar(x, unit ? unit : grp);
			continue;
		}
		map_start(x, 1);
		kv(x, "unit", unit);
		kv(x, "unit_group", grp);
		if (strcmp(written, name) != 0)
			kv(x, "as", written);
		kv(x, "condition", cond);
		map_end(x);
	}
	list_end(x, n);
}

/* A measure's lead and support units (ctx: the responsibility statement). */
static void measure_refs(exp_ *x, sqlite3_stmt *row, void *ctx)
{
	export_refs(x, ctx, sqlite3_column_int64(row, 0), "lead");
	export_refs(x, ctx, sqlite3_column_int64(row, 0), "support");
}

typedef struct task_stmts {
	sqlite3_stmt *ms, *refs, *os, *owners;
} task_stmts;

/* An outcome's owners, when the plan names them (ctx: their statement). */
static void outcome_owners(exp_ *x, sqlite3_stmt *row, void *ctx)
{
	if (sqlite3_column_int(row, 5))
		kv_ids(x, "owners", ctx, sqlite3_column_int64(row, 4));
}

/* A task's measures and outcomes. */
static void task_body(exp_ *x, sqlite3_stmt *row, void *ctx)
{
	static const char *const measure_keys[] = {"id", "label", "text", NULL};
	static const char *const outcome_keys[] = {"id", "label", "text", "deadline", NULL};
	static const list_spec measures = {"measures", 0, 1, measure_keys, measure_refs};
	static const list_spec outcomes = {"outcomes", 0, 0, outcome_keys, outcome_owners};
	task_stmts *t = ctx;
	child_of(t->ms, sqlite3_column_int64(row, 0));
	export_list(x, t->ms, &measures, t->refs);
	child_of(t->os, sqlite3_column_int64(row, 0));
	export_list(x, t->os, &outcomes, t->owners);
}

static void export_tasks(exp_ *x)
{
	static const char *const keys[] = {"id", "label", "title", "objective", NULL};
	static const list_spec tasks = {"tasks", 0, 2, keys, task_body};
	sqlite3_stmt *st = query(x, "SELECT rid, coalesce(parent, 0), id, label, title, objective FROM task "
	                            "WHERE campaign = ?1 ORDER BY ord");
	task_stmts t = {
		query(x, "SELECT rid, id, label, text FROM measure WHERE task = ?1 ORDER BY ord"),
		query(x, "SELECT u.id, g.id, r.written, coalesce(u.name, g.name), r.condition "
		         "FROM responsibility r LEFT JOIN unit u ON u.rid = r.unit "
		         "LEFT JOIN unit_group g ON g.rid = r.grp WHERE r.measure = ?1 AND r.role = ?2 ORDER BY r.ord"),
		query(x, "SELECT id, label, text, deadline_text, rid, "
		         "EXISTS (SELECT 1 FROM outcome_owner w WHERE w.outcome = outcome.rid) FROM outcome "
		         "WHERE task = ?1 ORDER BY ord"),
		query(x, "SELECT coalesce(u.id, g.id) FROM outcome_owner w LEFT JOIN unit u ON u.rid = w.unit "
		         "LEFT JOIN unit_group g ON g.rid = w.grp WHERE w.outcome = ?1 ORDER BY w.ord"),
	};
	if (st && t.ms && t.refs && t.os && t.owners)
		export_tree(x, st, &tasks, &t);
	sqlite3_finalize(st);
	sqlite3_finalize(t.ms);
	sqlite3_finalize(t.refs);
	sqlite3_finalize(t.os);
	sqlite3_finalize(t.owners);
}

int plan_export(struct campaign_buf *out, campaign_db *db, sqlite3_int64 campaign)
{
	exp_ x;
	yaml_event_t ev;
	memset(&x, 0, sizeof x);
	x.db = db;
	x.crid = campaign;
	x.out = out;
	if (!yaml_emitter_initialize(&x.em))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	yaml_emitter_set_output(&x.em, write_handler, out);
	yaml_emitter_set_unicode(&x.em, 1); /* Chinese as UTF-8, never \u escapes */
	yaml_emitter_set_width(&x.em, -1);  /* never fold long lines */
	yaml_emitter_set_indent(&x.em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&x, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&x, &ev);
	map_start(&x, 0);
	scalar(&x, "format");
	scalar_styled(&x, "1", YAML_PLAIN_SCALAR_STYLE);
	export_campaign(&x);
	export_units(&x);
	export_groups(&x);
	export_bodies(&x);
	export_phases(&x);
	export_tasks(&x);
	map_end(&x);
	if (!x.failed) {
		yaml_document_end_event_initialize(&ev, 1);
		emit(&x, &ev);
		yaml_stream_end_event_initialize(&ev);
		emit(&x, &ev);
	}
	if (!x.failed && !yaml_emitter_flush(&x.em))
		x.failed = 1;
	yaml_emitter_delete(&x.em);
	if (x.failed == 1)
		return error_set(CAMPAIGN_ENOMEM, "export: the YAML emitter failed (out of memory)");
	if (x.failed)
		return campaign_error_code_last();
	return CAMPAIGN_OK;
}
