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

static void scalar_styled(exp_ *x, const char *v, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (x->failed)
		return;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)v, (int)strlen(v), 1, 1, style)) {
		x->failed = 1;
		return;
	}
	emit(x, &ev);
}

static void scalar(exp_ *x, const char *v)
{
	scalar_styled(x, v, style_for(v));
}

static void map_start(exp_ *x, int flow)
{
	yaml_event_t ev;
	if (x->failed)
		return;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	emit(x, &ev);
}

static void map_end(exp_ *x)
{
	yaml_event_t ev;
	if (x->failed)
		return;
	yaml_mapping_end_event_initialize(&ev);
	emit(x, &ev);
}

static void seq_start(exp_ *x, int flow)
{
	yaml_event_t ev;
	if (x->failed)
		return;
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	emit(x, &ev);
}

static void seq_end(exp_ *x)
{
	yaml_event_t ev;
	if (x->failed)
		return;
	yaml_sequence_end_event_initialize(&ev);
	emit(x, &ev);
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

static void finish(exp_ *x, sqlite3_stmt *st)
{
	int rc = sqlite3_errcode(x->db->sql);
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW && !x->failed) {
		error_from_sqlite(x->db->sql, rc, "export failed");
		x->failed = 2;
	}
	sqlite3_finalize(st);
}

static void export_campaign(exp_ *x)
{
	static const char *const keys[] = {"id", "title", "issuer", "basis", "basis_title", "period",
	                                   "preamble", "summary", "requirements"};
	sqlite3_stmt *st = query(x, "SELECT id, title, issuer, basis, basis_title, period_text, preamble, summary, "
	                            "requirements FROM campaign WHERE rid = ?1");
	if (!st)
		return;
	scalar(x, "campaign");
	map_start(x, 0);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < 9; i++)
			kv(x, keys[i], col(st, i));
	map_end(x);
	finish(x, st);
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
	if (t->depth == 256) {
		error_set(CAMPAIGN_EINVALID, "export: the tree is deeper than 256 levels");
		x->failed = 2;
		return 0;
	}
	t->rid[t->depth] = rid;
	t->open_children[t->depth++] = 0;
	return 1;
}

static void export_units(exp_ *x)
{
	tree t = {.depth = 0};
	sqlite3_stmt *st = query(x, "SELECT rid, coalesce(parent, 0), id, name, kind, aliases FROM unit "
	                            "WHERE campaign = ?1 ORDER BY ord");
	if (!st)
		return;
	scalar(x, "units");
	seq_start(x, 0);
	while (!x->failed && sqlite3_step(st) == SQLITE_ROW) {
		tree_close_to(x, &t, sqlite3_column_int64(st, 1));
		tree_open_children(x, &t, "units");
		map_start(x, 0);
		kv(x, "id", col(st, 2));
		kv(x, "name", col(st, 3));
		kv(x, "kind", col(st, 4));
		kv_aliases(x, "aliases", col(st, 5));
		tree_push(x, &t, sqlite3_column_int64(st, 0));
	}
	tree_close_to(x, &t, 0);
	seq_end(x);
	finish(x, st);
}

static void export_groups(exp_ *x)
{
	sqlite3_stmt *st = query(x, "SELECT g.rid, g.id, g.name, g.aliases FROM unit_group g WHERE g.campaign = ?1 "
	                            "ORDER BY g.ord");
	sqlite3_stmt *mem = query(x, "SELECT u.id FROM unit_group_member m JOIN unit u ON u.rid = m.unit "
	                             "WHERE m.grp = ?1 ORDER BY m.ord");
	int any = 0;
	while (st && mem && !x->failed && sqlite3_step(st) == SQLITE_ROW) {
		if (!any++) {
			scalar(x, "unit_groups");
			seq_start(x, 0);
		}
		map_start(x, 0);
		kv(x, "id", col(st, 1));
		kv(x, "name", col(st, 2));
		kv_aliases(x, "aliases", col(st, 3));
		scalar(x, "members");
		seq_start(x, 1);
		sqlite3_reset(mem);
		sqlite3_bind_int64(mem, 1, sqlite3_column_int64(st, 0));
		while (sqlite3_step(mem) == SQLITE_ROW)
			scalar(x, col(mem, 0));
		seq_end(x);
		map_end(x);
	}
	if (any)
		seq_end(x);
	if (st)
		finish(x, st);
	if (mem)
		finish(x, mem);
}

/* `unit: id` or `unit_group: id` from two nullable columns */
static void kv_unit_or_group(exp_ *x, sqlite3_stmt *st, int unit_col)
{
	kv(x, "unit", col(st, unit_col));
	kv(x, "unit_group", col(st, unit_col + 1));
}

static void export_bodies(exp_ *x)
{
	sqlite3_stmt *st = query(x, "SELECT b.rid, b.id, b.name, p.id, s.id, b.duty FROM body b "
	                            "LEFT JOIN body p ON p.rid = b.parent LEFT JOIN unit s ON s.rid = b.seat "
	                            "WHERE b.campaign = ?1 ORDER BY b.ord");
	sqlite3_stmt *mem = query(x, "SELECT m.name, m.role, m.title, u.id, g.id, m.concurrent FROM body_member m "
	                             "LEFT JOIN unit u ON u.rid = m.unit LEFT JOIN unit_group g ON g.rid = m.grp "
	                             "WHERE m.body = ?1 ORDER BY m.ord");
	int any = 0;
	while (st && mem && !x->failed && sqlite3_step(st) == SQLITE_ROW) {
		int members = 0;
		if (!any++) {
			scalar(x, "bodies");
			seq_start(x, 0);
		}
		map_start(x, 0);
		kv(x, "id", col(st, 1));
		kv(x, "name", col(st, 2));
		kv(x, "parent", col(st, 3));
		kv(x, "seat", col(st, 4));
		kv(x, "duty", col(st, 5));
		sqlite3_reset(mem);
		sqlite3_bind_int64(mem, 1, sqlite3_column_int64(st, 0));
		while (sqlite3_step(mem) == SQLITE_ROW) {
			if (!members++) {
				scalar(x, "members");
				seq_start(x, 0);
			}
			map_start(x, 1);
			kv(x, "name", col(mem, 0));
			kv(x, "role", col(mem, 1));
			kv(x, "title", col(mem, 2));
			kv_unit_or_group(x, mem, 3);
			if (sqlite3_column_int(mem, 5)) {
				scalar(x, "concurrent");
				scalar_styled(x, "true", YAML_PLAIN_SCALAR_STYLE);
			}
			map_end(x);
		}
		if (members)
			seq_end(x);
		map_end(x);
	}
	if (any)
		seq_end(x);
	if (st)
		finish(x, st);
	if (mem)
		finish(x, mem);
}

static void export_phases(exp_ *x)
{
	sqlite3_stmt *st = query(x, "SELECT rid, id, name, period_text, focus FROM phase WHERE campaign = ?1 ORDER BY ord");
	sqlite3_stmt *ms = query(x, "SELECT m.id, m.text, m.deadline_text, u.id, g.id FROM milestone m "
	                            "LEFT JOIN unit u ON u.rid = m.unit LEFT JOIN unit_group g ON g.rid = m.grp "
	                            "WHERE m.phase = ?1 ORDER BY m.ord");
	int any = 0;
	while (st && ms && !x->failed && sqlite3_step(st) == SQLITE_ROW) {
		int n = 0;
		if (!any++) {
			scalar(x, "phases");
			seq_start(x, 0);
		}
		map_start(x, 0);
		kv(x, "id", col(st, 1));
		kv(x, "name", col(st, 2));
		kv(x, "period", col(st, 3));
		kv(x, "focus", col(st, 4));
		sqlite3_reset(ms);
		sqlite3_bind_int64(ms, 1, sqlite3_column_int64(st, 0));
		while (sqlite3_step(ms) == SQLITE_ROW) {
			if (!n++) {
				scalar(x, "milestones");
				seq_start(x, 0);
			}
			map_start(x, 0);
			kv(x, "id", col(ms, 0));
			kv(x, "text", col(ms, 1));
			kv(x, "deadline", col(ms, 2));
			kv_unit_or_group(x, ms, 3);
			map_end(x);
		}
		if (n)
			seq_end(x);
		map_end(x);
	}
	if (any)
		seq_end(x);
	if (st)
		finish(x, st);
	if (ms)
		finish(x, ms);
}

/* A reference is written as a plain id when it carries nothing but the id. */
static void export_refs(exp_ *x, sqlite3_stmt *refs, sqlite3_int64 measure, const char *role)
{
	int n = 0;
	sqlite3_reset(refs);
	sqlite3_bind_int64(refs, 1, measure);
	sqlite3_bind_text(refs, 2, role, -1, SQLITE_STATIC);
	while (sqlite3_step(refs) == SQLITE_ROW) {
		const char *unit = col(refs, 0), *grp = col(refs, 1), *written = col(refs, 2), *name = col(refs, 3),
		           *cond = col(refs, 4);
		if (!n++) {
			scalar(x, role);
			seq_start(x, 0);
		}
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
	if (n)
		seq_end(x);
}

static void export_task_body(exp_ *x, sqlite3_int64 task, sqlite3_stmt *ms, sqlite3_stmt *refs, sqlite3_stmt *os)
{
	int n = 0;
	sqlite3_reset(ms);
	sqlite3_bind_int64(ms, 1, task);
	while (!x->failed && sqlite3_step(ms) == SQLITE_ROW) {
		if (!n++) {
			scalar(x, "measures");
			seq_start(x, 0);
		}
		map_start(x, 0);
		kv(x, "id", col(ms, 1));
		kv(x, "label", col(ms, 2));
		kv(x, "text", col(ms, 3));
		export_refs(x, refs, sqlite3_column_int64(ms, 0), "lead");
		export_refs(x, refs, sqlite3_column_int64(ms, 0), "support");
		map_end(x);
	}
	if (n)
		seq_end(x);
	n = 0;
	sqlite3_reset(os);
	sqlite3_bind_int64(os, 1, task);
	while (!x->failed && sqlite3_step(os) == SQLITE_ROW) {
		if (!n++) {
			scalar(x, "outcomes");
			seq_start(x, 0);
		}
		map_start(x, 0);
		kv(x, "id", col(os, 0));
		kv(x, "label", col(os, 1));
		kv(x, "text", col(os, 2));
		kv(x, "deadline", col(os, 3));
		map_end(x);
	}
	if (n)
		seq_end(x);
}

static void export_tasks(exp_ *x)
{
	tree t = {.depth = 0};
	sqlite3_stmt *st = query(x, "SELECT rid, coalesce(parent, 0), id, label, title, objective FROM task "
	                            "WHERE campaign = ?1 ORDER BY ord");
	sqlite3_stmt *ms = query(x, "SELECT rid, id, label, text FROM measure WHERE task = ?1 ORDER BY ord");
	sqlite3_stmt *refs = query(x, "SELECT u.id, g.id, r.written, coalesce(u.name, g.name), r.condition "
	                              "FROM responsibility r LEFT JOIN unit u ON u.rid = r.unit "
	                              "LEFT JOIN unit_group g ON g.rid = r.grp WHERE r.measure = ?1 AND r.role = ?2 "
	                              "ORDER BY r.ord");
	sqlite3_stmt *os = query(x, "SELECT id, label, text, deadline_text FROM outcome WHERE task = ?1 ORDER BY ord");
	if (st && ms && refs && os) {
		scalar(x, "tasks");
		seq_start(x, 0);
		while (!x->failed && sqlite3_step(st) == SQLITE_ROW) {
			tree_close_to(x, &t, sqlite3_column_int64(st, 1));
			tree_open_children(x, &t, "tasks");
			map_start(x, 0);
			kv(x, "id", col(st, 2));
			kv(x, "label", col(st, 3));
			kv(x, "title", col(st, 4));
			kv(x, "objective", col(st, 5));
			export_task_body(x, sqlite3_column_int64(st, 0), ms, refs, os);
			tree_push(x, &t, sqlite3_column_int64(st, 0));
		}
		tree_close_to(x, &t, 0);
		seq_end(x);
	}
	if (st)
		finish(x, st);
	if (ms)
		finish(x, ms);
	if (refs)
		finish(x, refs);
	if (os)
		finish(x, os);
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
