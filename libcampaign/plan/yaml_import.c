/* Plan import from YAML (libyaml's document API: a plan is small, and the
 * node marks give every error its line and column). The document is walked
 * in a fixed order (campaign, units, groups, bodies, phases, tasks) inside
 * one transaction; the first problem rolls everything back, so a refused
 * plan leaves no trace. The format is examples/plans/FORMAT.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "plan/plan.h"

/* ---- a set of ids, to report duplicates across the campaign's one namespace ---- */

typedef struct idset {
	const char **keys;
	size_t cap, n;
	char *blocks, *next; /* the ids are copied: a streamed plan frees its nodes */
	size_t left;
} idset;

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* A copy of @id in blocks of 64 KiB, each holding the previous one's address first. */
static const char *idset_copy(idset *set, const char *id)
{
	size_t n = strlen(id) + 1;
	char *copy;
	if (n > set->left) {
		size_t size = n + sizeof(char *) > 65536 ? n + sizeof(char *) : 65536;
		char *b = malloc(size);
		if (!b)
			return NULL;
		memcpy(b, &set->blocks, sizeof(char *));
		set->blocks = b;
		set->next = b + sizeof(char *);
		set->left = size - sizeof(char *);
	}
	copy = memcpy(set->next, id, n);
	set->next += n;
	set->left -= n;
	return copy;
}

static void idset_free(idset *set)
{
	while (set->blocks) {
		char *b = set->blocks;
		memcpy(&set->blocks, b, sizeof(char *));
		free(b);
	}
	free(set->keys);
}

static void idset_put(idset *set, const char *id)
{
	size_t i = hash_str(id) & (set->cap - 1);
	while (set->keys[i])
		i = (i + 1) & (set->cap - 1);
	set->keys[i] = id;
	set->n++;
}

/* Adds a copy of @id; returns 1 if it was new, 0 if present, -1 when out of memory. */
static int idset_add(idset *set, const char *id)
{
	size_t i;
	if (set->n * 2 >= set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 256;
		const char **keys = calloc(cap, sizeof(char *)), **old = set->keys;
		if (!keys)
			return -1;
		set->keys = keys;
		set->n = 0;
		for (i = 0, set->cap = cap; old && i < cap / 2; i++)
			if (old[i])
				idset_put(set, old[i]);
		free(old);
	}
	for (i = hash_str(id) & (set->cap - 1); set->keys[i]; i = (i + 1) & (set->cap - 1))
		if (strcmp(set->keys[i], id) == 0)
			return 0;
	if (!(id = idset_copy(set, id)))
		return -1;
	idset_put(set, id);
	return 1;
}

/* ---- the importer's state ---- */

/* A deadline already read in this import: a plan repeats a few dozen texts
 * (2011年6月底前完成) across thousands of measures and outcomes, and reading
 * one costs more than its row's insert. Keyed by the text and the context
 * it was read in (year, period); only texts that read are kept. */
typedef struct deadline_memo {
	char text[96];
	int year, open_ended;
	char pf[11], pl[11], first[11], last[11];
} deadline_memo;

typedef struct imp {
	campaign_db *db;
	ydoc d;
	const char *file;
	const char *actor;
	const char *campaign_id;
	sqlite3_int64 crid;
	int year;            /* context year for deadlines that name none */
	char period_first[11];
	char period_last[11];
	idset ids;
	int ord;             /* one running order for every kind of row */
	deadline_memo dl[64]; /* deadlines read so far, by a hash of their text */
} imp;

static int expect_map(imp *im, yaml_node_t *n, const char *what)
{
	if (n->type != YAML_MAPPING_NODE)
		return ydoc_fail(&im->d, n, "%s must be a mapping, not %s", what, ydoc_kind(n));
	return CAMPAIGN_OK;
}

/* Reads and registers the object's id. */
static int get_id(imp *im, yaml_node_t *map, const char *what, const char **out)
{
	yaml_node_t *n = ydoc_get(&im->d, map, "id");
	int rc = ydoc_string(&im->d, map, what, "id", 1, out);
	if (rc)
		return rc;
	for (const char *p = *out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '.' || *p == '-'))
			return ydoc_fail(&im->d, n, "%s: id \"%s\" may hold only A-Z a-z 0-9 _ . -", what, *out);
	switch (idset_add(&im->ids, *out)) {
	case 0: return ydoc_fail(&im->d, n, "%s: duplicate id \"%s\"", what, *out);
	case -1: return error_set(CAMPAIGN_ENOMEM, "out of memory");
	default: return CAMPAIGN_OK;
	}
}

/* Joins a list of alias strings, one per line (names such as
 * 各县(市、区)国土资源局 contain "、", so that cannot separate them). */
static int get_aliases(imp *im, yaml_node_t *map, const char *what, struct campaign_buf *b)
{
	yaml_node_t *list, *item;
	int rc = ydoc_list(&im->d, map, what, "aliases", 0, &list);
	if (rc)
		return rc;
	YDOC_EACH(&im->d, list, item) {
		const char *v = (const char *)item->data.scalar.value;
		if (item->type != YAML_SCALAR_NODE || !*v)
			return ydoc_fail(&im->d, item, "%s: an alias must be non-empty text", what);
		if (strchr(v, '\n'))
			return ydoc_fail(&im->d, item, "%s: an alias must be one line", what);
		if ((b->size && buf_puts(b, "\n")) || buf_puts(b, v))
			return CAMPAIGN_ENOMEM;
	}
	return CAMPAIGN_OK;
}

static int sql_fail(imp *im, const char *what)
{
	return error_from_sqlite(im->db->sql, sqlite3_errcode(im->db->sql), what);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_rid(sqlite3_stmt *st, int i, sqlite3_int64 rid)
{
	if (rid)
		sqlite3_bind_int64(st, i, rid);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a cached INSERT and returns the new row id in *rid (if wanted). */
/* The start of every object: a mapping with only @keys, its id registered. */
static int object_head(imp *im, yaml_node_t *map, const char *what, const char *const *keys, const char **id)
{
	int rc;
	if ((rc = expect_map(im, map, what)) || (rc = ydoc_check_keys(&im->d, map, what, keys)))
		return rc;
	return get_id(im, map, what, id);
}

/* An object's insert, bound ?1 the campaign, then @parent (unless 0), its
 * id and the running order; NULL with the last error set. */
static sqlite3_stmt *object_insert(imp *im, const char *sql, sqlite3_int64 parent, const char *id)
{
	sqlite3_stmt *st = db_stmt(im->db, sql);
	int i = 1;
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, i++, im->crid);
	if (parent)
		sqlite3_bind_int64(st, i++, parent);
	bind_text(st, i++, id);
	sqlite3_bind_int(st, i, ++im->ord);
	return st;
}

static int insert(imp *im, sqlite3_stmt *st, sqlite3_int64 *rid)
{
	int rc = stmt_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return error_from_sqlite(im->db->sql, rc, "cannot store the plan");
	if (rid)
		*rid = sqlite3_last_insert_rowid(im->db->sql);
	return CAMPAIGN_OK;
}

/* ---- deadlines ---- */

/* Parses a deadline at @key, taking the campaign's context year; a date that
 * would fall before the campaign starts belongs to the next year. */
static deadline_memo *memo_slot(imp *im, const char *text)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		h = (h ^ *p) * 16777619u;
	return &im->dl[h % (sizeof im->dl / sizeof im->dl[0])];
}

static int memo_hit(const deadline_memo *m, const imp *im, const char *text)
{
	return m->text[0] && m->year == im->year && !strcmp(m->text, text) && !strcmp(m->pf, im->period_first) &&
	       !strcmp(m->pl, im->period_last);
}

/* Reads @text as a deadline in the campaign's context: FIRST and LAST
 * (empty when open-ended or without a start). */
static int read_deadline(imp *im, const char *text, char first[11], char last[11], int *open_ended)
{
	deadline_range r;
	const char *pf = im->period_first[0] ? im->period_first : NULL, *pl = im->period_last[0] ? im->period_last : NULL;
	int rc = deadline_read_range(&r, text, &(campaign_deadline_read_options){CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION,
	                                                                         im->year, pf, pf, pl});
	if (rc)
		return rc;
	if (!r.open_ended && im->year && im->period_first[0]) {
		char l[11];
		deadline_format_date(l, r.last_y, r.last_m, r.last_d);
		/* "3月底" in a campaign that starts in October means next March;
		 * on success the call overwrites r, otherwise r stays as it was */
		if (strcmp(l, im->period_first) < 0)
			(void)deadline_parse_range(&r, text, im->year + 1);
	}
	*open_ended = r.open_ended;
	if (!r.open_ended) {
		if (r.first_y)
			deadline_format_date(first, r.first_y, r.first_m, r.first_d);
		deadline_format_date(last, r.last_y, r.last_m, r.last_d);
	}
	return CAMPAIGN_OK;
}

static int get_deadline(imp *im, yaml_node_t *map, const char *what, const char *key, int required,
                        const char **text, char first[11], char last[11], int *open_ended)
{
	int rc = ydoc_string(&im->d, map, what, key, required, text);
	deadline_memo *m;
	first[0] = last[0] = '\0';
	*open_ended = 0;
	if (rc || !*text)
		return rc;
	m = memo_slot(im, *text);
	if (memo_hit(m, im, *text)) {
		memcpy(first, m->first, 11);
		memcpy(last, m->last, 11);
		*open_ended = m->open_ended;
		return CAMPAIGN_OK;
	}
	if (read_deadline(im, *text, first, last, open_ended))
		return ydoc_fail(&im->d, ydoc_get(&im->d, map, key), "%s: %s", what, campaign_error_message());
	if (strlen(*text) < sizeof m->text) {
		snprintf(m->text, sizeof m->text, "%s", *text);
		m->year = im->year;
		m->open_ended = *open_ended;
		memcpy(m->pf, im->period_first, 11);
		memcpy(m->pl, im->period_last, 11);
		memcpy(m->first, first, 11);
		memcpy(m->last, last, 11);
	}
	return CAMPAIGN_OK;
}

static void bind_date(sqlite3_stmt *st, int i, const char *d)
{
	if (d[0])
		sqlite3_bind_text(st, i, d, -1, SQLITE_STATIC); /* d outlives the insert; a copy could fail unseen */
	else
		sqlite3_bind_null(st, i);
}

/* ---- campaign ---- */

static const char SQL_CAMPAIGN[] =
	"INSERT INTO campaign (id, title, issuer, basis, basis_title, period_text, period_first, period_last, "
	"preamble, summary, requirements, imported_by, imported_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)";
static const char SQL_CAMPAIGN_EXISTS[] = "SELECT rid FROM campaign WHERE id = ?1";
static const char SQL_CAMPAIGN_DELETE[] = "DELETE FROM campaign WHERE rid = ?1";
static const char SQL_CAMPAIGN_REPORTS[] =
	"SELECT (SELECT count(*) FROM progress_report p JOIN outcome o ON o.rid = p.outcome WHERE o.campaign = ?1) + "
	"(SELECT count(*) FROM milestone_report p JOIN milestone m ON m.rid = p.milestone WHERE m.campaign = ?1)";

/* Counts the rows recorded against a campaign beyond the plan itself:
 * progress reports, and the rows of every other table with a campaign
 * column (findings, rounds, risk points ... whatever modules exist). */
static const char *const PLAN_TABLES[] = {"campaign", "unit", "unit_group", "body", "phase", "milestone", "task",
                                          "measure", "outcome", "campaign_threshold", NULL};

static int recorded_data(imp *im, sqlite3_int64 crid, const char **what, long long *n)
{
	sqlite3_stmt *st, *tables;
	int rc = CAMPAIGN_OK;
	*n = 0;
	if (!(st = db_stmt(im->db, SQL_CAMPAIGN_REPORTS)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	if (db_step_row(im->db, st, "cannot read the progress reports", &rc))
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	*what = "progress reports";
	if (rc || *n)
		return rc;
	if (sqlite3_prepare_v2(im->db->sql,
	                       "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c "
	                       "WHERE m.type = 'table' AND c.name = 'campaign' ORDER BY m.name",
	                       -1, &tables, NULL) != SQLITE_OK)
		return error_from_sqlite(im->db->sql, sqlite3_errcode(im->db->sql), "cannot read the schema");
	while (!rc && !*n && db_step_row(im->db, tables, "cannot read the schema", &rc)) {
		const char *t = db_column_text(tables, 0, &rc);
		char *sql;
		int k;
		for (k = 0; PLAN_TABLES[k] && strcmp(PLAN_TABLES[k], t); k++)
			;
		if (PLAN_TABLES[k] || !(sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\" WHERE campaign = ?1", t)))
			continue;
		if (sqlite3_prepare_v2(im->db->sql, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, crid);
			if (db_step_row(im->db, st, "cannot read the recorded data", &rc) && (*n = sqlite3_column_int64(st, 0)))
				*what = t; /* named by its table, copied below before the statement ends */
			sqlite3_finalize(st);
		}
		sqlite3_free(sql);
	}
	if (*n) {
		static _Thread_local char label[96];
		snprintf(label, sizeof label, "rows of %s", *what);
		*what = label;
	}
	sqlite3_finalize(tables);
	return rc;
}

/* grace_days: late reports accepted that many days after the campaign ends (core's dates.c). */
static int import_grace(imp *im, yaml_node_t *map)
{
	long days = 0;
	int rc = ydoc_int(&im->d, map, "campaign", "grace_days", 0, 3660, 0, &days);
	return rc || !days ? rc : grace_days_set(im->db, im->crid, days);
}

static int import_campaign(imp *im, yaml_node_t *map, const campaign_import_options *opts)
{
	static const char *const keys[] = {"id", "title", "issuer", "basis", "basis_title", "period",
	                                   "preamble", "summary", "requirements", "grace_days", NULL};
	const char *v[9], *what = "campaign", *what_data = "";
	yaml_node_t *id_node;
	char first[11], last[11], now[21];
	long long n = 0;
	deadline_range r;
	sqlite3_stmt *st;
	int rc, step;
	if ((rc = expect_map(im, map, what)) || (rc = ydoc_check_keys(&im->d, map, what, keys)) ||
	    (rc = get_id(im, map, what, &v[0])))
		return rc;
	id_node = ydoc_get(&im->d, map, "id");
	for (int i = 1; i < 9; i++)
		if ((rc = ydoc_string(&im->d, map, what, keys[i], i == 1 || i == 5, &v[i])))
			return rc;
	if (deadline_parse_range(&r, v[5], 0))
		return ydoc_fail(&im->d, ydoc_get(&im->d, map, "period"),
		                 "campaign period: %s", campaign_error_message());
	if (r.open_ended || !r.first_y)
		return ydoc_fail(&im->d, ydoc_get(&im->d, map, "period"),
		                 "campaign period \"%s\" must have a start and an end", v[5]);
	deadline_format_date(first, r.first_y, r.first_m, r.first_d);
	deadline_format_date(last, r.last_y, r.last_m, r.last_d);
	memcpy(im->period_first, first, sizeof first);
	memcpy(im->period_last, last, sizeof last);
	im->year = r.first_y;
	im->campaign_id = v[0];

	if (!(st = db_stmt(im->db, SQL_CAMPAIGN_EXISTS)))
		return campaign_error_code_last();
	bind_text(st, 1, v[0]);
	step = stmt_step(st);
	if (step == SQLITE_ROW) {
		sqlite3_int64 old = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (!opts || !opts->replace)
			return error_set_at(CAMPAIGN_ECONFLICT, im->file, ydoc_line(id_node), ydoc_column(id_node),
			                    "campaign \"%s\" is already in the store (import with replace to overwrite it)",
			                    v[0]);
		/* replacing a plan must never drop what was recorded against it */
		if ((rc = recorded_data(im, old, &what_data, &n)))
			return rc;
		if (n > 0)
			return error_set_at(CAMPAIGN_ECONFLICT, im->file, ydoc_line(id_node), ydoc_column(id_node),
			                    "campaign \"%s\" has %lld %s recorded against it; a replaced plan would lose them "
			                    "(import it under a new id)", v[0], n, what_data);
		if (!(st = db_stmt(im->db, SQL_CAMPAIGN_DELETE)))
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, old);
		if ((rc = db_step_done(im->db, st, "cannot replace the campaign")))
			return rc;
	} else {
		sqlite3_reset(st);
		if (step != SQLITE_DONE)
			return sql_fail(im, "cannot look up the campaign");
	}
	if (!(st = db_stmt(im->db, SQL_CAMPAIGN)))
		return campaign_error_code_last();
	for (int i = 0; i < 6; i++)
		bind_text(st, i + 1, v[i]);
	bind_date(st, 7, first);
	bind_date(st, 8, last);
	bind_text(st, 9, v[6]);
	bind_text(st, 10, v[7]);
	bind_text(st, 11, v[8]);
	bind_text(st, 12, im->actor);
	db_now(now);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_STATIC); /* no copy: a failed one bound NULL */
	return (rc = insert(im, st, &im->crid)) ? rc : import_grace(im, map);
}

/* ---- units and groups ---- */

static const char SQL_UNIT[] =
	"INSERT INTO unit (campaign, id, ord, name, kind, parent, aliases) VALUES (?1,?2,?3,?4,?5,?6,?7)";

static int import_units(imp *im, yaml_node_t *list, sqlite3_int64 parent)
{
	static const char *const keys[] = {"id", "name", "kind", "aliases", "units", NULL};
	static const char *const kinds[] = {"bureau", "department", "affiliate", "subordinate_bureau", "other", NULL};
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		const char *id, *name, *kind, *what = "unit";
		struct campaign_buf aliases = {0};
		yaml_node_t *children;
		sqlite3_int64 rid = 0;
		sqlite3_stmt *st;
		int rc, k;
		if ((rc = object_head(im, map, what, keys, &id)) ||
		    (rc = ydoc_string(&im->d, map, what, "name", 1, &name)) ||
		    (rc = ydoc_string(&im->d, map, what, "kind", 1, &kind)))
			return rc;
		for (k = 0; kinds[k] && strcmp(kinds[k], kind); k++)
			;
		if (!kinds[k])
			return ydoc_fail(&im->d, ydoc_get(&im->d, map, "kind"),
			            "unit \"%s\": kind \"%s\" is not one of bureau, department, affiliate, "
			            "subordinate_bureau, other", id, kind);
		if ((rc = get_aliases(im, map, what, &aliases)) ||
		    (rc = ydoc_list(&im->d, map, what, "units", 0, &children)) ||
		    !(st = object_insert(im, SQL_UNIT, 0, id))) {
			buf_reset(&aliases);
			return rc ? rc : campaign_error_code_last();
		}
		bind_text(st, 4, name);
		bind_text(st, 5, kind);
		bind_rid(st, 6, parent);
		bind_text(st, 7, aliases.data);
		rc = insert(im, st, &rid);
		buf_reset(&aliases);
		if (rc || (children && (rc = import_units(im, children, rid))))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* Resolves a unit id at node @n. */
static int unit_ref(imp *im, yaml_node_t *n, const char *what, const char *id, sqlite3_int64 *rid)
{
	if (db_object_rid(im->db, "unit", im->crid, id, rid))
		return campaign_error_code_last() == CAMPAIGN_ENOTFOUND ? ydoc_fail(&im->d, n, "%s: unknown unit \"%s\"", what, id)
		                                                          : campaign_error_code_last();
	return CAMPAIGN_OK;
}

static int group_ref(imp *im, yaml_node_t *n, const char *what, const char *id, sqlite3_int64 *rid)
{
	if (db_object_rid(im->db, "unit_group", im->crid, id, rid))
		return campaign_error_code_last() == CAMPAIGN_ENOTFOUND
		               ? ydoc_fail(&im->d, n, "%s: unknown unit group \"%s\"", what, id)
		               : campaign_error_code_last();
	return CAMPAIGN_OK;
}

/* Optional `unit:` or `unit_group:` keys of @map (not both). */
static int unit_or_group(imp *im, yaml_node_t *map, const char *what, sqlite3_int64 *unit, sqlite3_int64 *grp)
{
	const char *u, *g;
	int rc;
	*unit = *grp = 0;
	if ((rc = ydoc_string(&im->d, map, what, "unit", 0, &u)) ||
	    (rc = ydoc_string(&im->d, map, what, "unit_group", 0, &g)))
		return rc;
	if (u && g)
		return ydoc_fail(&im->d, ydoc_get(&im->d, map, "unit_group"),
		                 "%s: give unit or unit_group, not both", what);
	if (u)
		return unit_ref(im, ydoc_get(&im->d, map, "unit"), what, u, unit);
	if (g)
		return group_ref(im, ydoc_get(&im->d, map, "unit_group"), what, g, grp);
	return CAMPAIGN_OK;
}

static const char SQL_GROUP[] =
	"INSERT INTO unit_group (campaign, id, ord, name, aliases, derive) VALUES (?1,?2,?3,?4,?5,?6)";
static const char SQL_GROUP_MEMBER[] = "INSERT INTO unit_group_member (grp, unit, ord) VALUES (?1,?2,?3)";

static int import_group_members(imp *im, yaml_node_t *list, const char *gid, sqlite3_int64 grid)
{
	yaml_node_t *item;
	int ord = 0;
	if (list->data.sequence.items.start == list->data.sequence.items.top)
		return ydoc_fail(&im->d, list, "unit group \"%s\": members must name at least one unit", gid);
	YDOC_EACH(&im->d, list, item) {
		sqlite3_int64 urid;
		sqlite3_stmt *st;
		int rc;
		if (item->type != YAML_SCALAR_NODE)
			return ydoc_fail(&im->d, item, "unit group \"%s\": a member must be a unit id, not %s", gid, ydoc_kind(item));
		if ((rc = unit_ref(im, item, "unit group member", (const char *)item->data.scalar.value, &urid)))
			return rc;
		if (!(st = db_stmt(im->db, SQL_GROUP_MEMBER)))
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, grid);
		sqlite3_bind_int64(st, 2, urid);
		sqlite3_bind_int(st, 3, ++ord);
		if ((rc = stmt_step(st)) != SQLITE_DONE) {
			/* only the unique key says "twice": out of memory or a bad page is no validation error */
			if ((rc & 0xff) != SQLITE_CONSTRAINT) {
				rc = error_from_sqlite(im->db->sql, rc, "cannot store the plan");
				sqlite3_reset(st);
				return rc;
			}
			sqlite3_reset(st);
			return ydoc_fail(&im->d, item, "unit group \"%s\": unit \"%s\" listed twice", gid,
			            (const char *)item->data.scalar.value);
		}
		sqlite3_reset(st);
	}
	return CAMPAIGN_OK;
}

/* `derive:` names how the members are computed, and then lists none. */
static int check_derive(imp *im, yaml_node_t *map, const char *id, const char *derive, yaml_node_t *members)
{
	if (strcmp(derive, "lead-departments") != 0)
		return ydoc_fail(&im->d, ydoc_get(&im->d, map, "derive"),
		                 "unit group \"%s\": derive \"%s\" is not known (lead-departments)", id, derive);
	if (members)
		return ydoc_fail(&im->d, members, "unit group \"%s\": a derived group lists no members", id);
	return CAMPAIGN_OK;
}

static int import_groups(imp *im, yaml_node_t *list)
{
	static const char *const keys[] = {"id", "name", "aliases", "members", "derive", NULL};
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		const char *id, *name, *derive, *what = "unit group";
		struct campaign_buf aliases = {0};
		yaml_node_t *members;
		sqlite3_int64 rid = 0;
		sqlite3_stmt *st;
		int rc;
		if ((rc = object_head(im, map, what, keys, &id)) ||
		    (rc = ydoc_string(&im->d, map, what, "name", 1, &name)) ||
		    (rc = ydoc_string(&im->d, map, what, "derive", 0, &derive)) ||
		    (rc = ydoc_list(&im->d, map, what, "members", !derive, &members)) ||
		    (derive && (rc = check_derive(im, map, id, derive, members))))
			return rc;
		if ((rc = get_aliases(im, map, what, &aliases)) || !(st = object_insert(im, SQL_GROUP, 0, id))) {
			buf_reset(&aliases);
			return rc ? rc : campaign_error_code_last();
		}
		bind_text(st, 4, name);
		bind_text(st, 5, aliases.data);
		bind_text(st, 6, derive);
		rc = insert(im, st, &rid);
		buf_reset(&aliases);
		/* a derived group's members are computed once the measures are in (derive_groups) */
		if (rc || (!derive && (rc = import_group_members(im, members, id, rid))))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* ---- bodies (领导小组, 办公室) ---- */

static const char SQL_BODY[] =
	"INSERT INTO body (campaign, id, ord, name, parent, seat, duty) VALUES (?1,?2,?3,?4,?5,?6,?7)";
static const char SQL_BODY_MEMBER[] =
	"INSERT INTO body_member (body, ord, name, role, title, unit, grp, concurrent) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)";

static int import_body_members(imp *im, yaml_node_t *list, sqlite3_int64 brid)
{
	static const char *const keys[] = {"name", "role", "title", "unit", "unit_group", "concurrent", NULL};
	yaml_node_t *map;
	int ord = 0;
	YDOC_EACH(&im->d, list, map) {
		const char *name, *role, *title, *what = "body member";
		sqlite3_int64 unit, grp;
		sqlite3_stmt *st;
		int rc, conc;
		if ((rc = expect_map(im, map, what)) || (rc = ydoc_check_keys(&im->d, map, what, keys)) ||
		    (rc = ydoc_string(&im->d, map, what, "name", 0, &name)) ||
		    (rc = ydoc_string(&im->d, map, what, "role", 1, &role)) ||
		    (rc = ydoc_string(&im->d, map, what, "title", 0, &title)) ||
		    (rc = unit_or_group(im, map, what, &unit, &grp)) ||
		    (rc = ydoc_bool(&im->d, map, what, "concurrent", &conc)))
			return rc;
		if (!name && !unit && !grp)
			return ydoc_fail(&im->d, map, "body member: give a name, a unit or a unit_group");
		if (!(st = db_stmt(im->db, SQL_BODY_MEMBER)))
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, brid);
		sqlite3_bind_int(st, 2, ++ord);
		bind_text(st, 3, name);
		bind_text(st, 4, role);
		bind_text(st, 5, title);
		bind_rid(st, 6, unit);
		bind_rid(st, 7, grp);
		sqlite3_bind_int(st, 8, conc);
		if ((rc = insert(im, st, NULL)))
			return rc;
	}
	return CAMPAIGN_OK;
}

static int import_bodies(imp *im, yaml_node_t *list)
{
	static const char *const keys[] = {"id", "name", "parent", "seat", "duty", "members", NULL};
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		const char *id, *name, *parent, *seat, *duty, *what = "body";
		sqlite3_int64 prid = 0, srid = 0, rid = 0;
		yaml_node_t *members;
		sqlite3_stmt *st;
		int rc;
		if ((rc = object_head(im, map, what, keys, &id)) ||
		    (rc = ydoc_string(&im->d, map, what, "name", 1, &name)) ||
		    (rc = ydoc_string(&im->d, map, what, "parent", 0, &parent)) ||
		    (rc = ydoc_string(&im->d, map, what, "seat", 0, &seat)) ||
		    (rc = ydoc_string(&im->d, map, what, "duty", 0, &duty)) ||
		    (rc = ydoc_list(&im->d, map, what, "members", 0, &members)))
			return rc;
		if (parent && db_object_rid(im->db, "body", im->crid, parent, &prid))
			return ydoc_fail(&im->d, ydoc_get(&im->d, map, "parent"),
			                 "body \"%s\": unknown parent body \"%s\" (list parents first)",
			            id, parent);
		if (seat && (rc = unit_ref(im, ydoc_get(&im->d, map, "seat"), "body seat", seat, &srid)))
			return rc;
		if (!(st = object_insert(im, SQL_BODY, 0, id)))
			return campaign_error_code_last();
		bind_text(st, 4, name);
		bind_rid(st, 5, prid);
		bind_rid(st, 6, srid);
		bind_text(st, 7, duty);
		if ((rc = insert(im, st, &rid)) || (members && (rc = import_body_members(im, members, rid))))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* ---- phases and milestones ---- */

static const char SQL_PHASE[] =
	"INSERT INTO phase (campaign, id, ord, name, period_text, first, last, focus) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)";
static const char SQL_MILESTONE[] =
	"INSERT INTO milestone (campaign, phase, id, ord, text, deadline_text, first, last, unit, grp) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)";

static int import_milestones(imp *im, yaml_node_t *list, sqlite3_int64 prid)
{
	static const char *const keys[] = {"id", "text", "deadline", "unit", "unit_group", NULL};
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		const char *id, *text, *dl, *what = "milestone";
		char first[11], last[11];
		sqlite3_int64 unit, grp;
		sqlite3_stmt *st;
		int rc, open;
		if ((rc = object_head(im, map, what, keys, &id)) ||
		    (rc = ydoc_string(&im->d, map, what, "text", 1, &text)) ||
		    (rc = get_deadline(im, map, what, "deadline", 1, &dl, first, last, &open)) ||
		    (rc = unit_or_group(im, map, what, &unit, &grp)))
			return rc;
		if (!(st = object_insert(im, SQL_MILESTONE, prid, id)))
			return campaign_error_code_last();
		bind_text(st, 5, text);
		bind_text(st, 6, dl);
		bind_date(st, 7, first);
		bind_date(st, 8, last);
		bind_rid(st, 9, unit);
		bind_rid(st, 10, grp);
		if ((rc = insert(im, st, NULL)))
			return rc;
	}
	return CAMPAIGN_OK;
}

static int import_phases(imp *im, yaml_node_t *list)
{
	static const char *const keys[] = {"id", "name", "period", "focus", "milestones", NULL};
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		const char *id, *name, *period, *focus, *what = "phase";
		char first[11], last[11];
		yaml_node_t *ms;
		sqlite3_int64 rid = 0;
		sqlite3_stmt *st;
		int rc, open;
		if ((rc = object_head(im, map, what, keys, &id)) ||
		    (rc = ydoc_string(&im->d, map, what, "name", 1, &name)) ||
		    (rc = get_deadline(im, map, what, "period", 1, &period, first, last, &open)) ||
		    (rc = ydoc_string(&im->d, map, what, "focus", 0, &focus)) ||
		    (rc = ydoc_list(&im->d, map, what, "milestones", 0, &ms)))
			return rc;
		if (!(st = object_insert(im, SQL_PHASE, 0, id)))
			return campaign_error_code_last();
		bind_text(st, 4, name);
		bind_text(st, 5, period);
		bind_date(st, 6, first);
		bind_date(st, 7, last);
		bind_text(st, 8, focus);
		if ((rc = insert(im, st, &rid)) || (ms && (rc = import_milestones(im, ms, rid))))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* ---- tasks, measures, responsibilities, outcomes ---- */

static const char SQL_TASK[] =
	"INSERT INTO task (campaign, id, ord, parent, depth, label, title, objective) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)";
static const char SQL_MEASURE[] =
	"INSERT INTO measure (campaign, task, id, ord, label, text) VALUES (?1,?2,?3,?4,?5,?6)";
static const char SQL_RESPONSIBILITY[] =
	"INSERT INTO responsibility (measure, ord, role, unit, grp, written, condition) VALUES (?1,?2,?3,?4,?5,?6,?7)";
static const char SQL_UNIT_NAME[] = "SELECT name, NULL FROM unit WHERE rid = ?1";
static const char SQL_GROUP_NAME[] = "SELECT name, derive FROM unit_group WHERE rid = ?1";
static const char SQL_OUTCOME[] =
	"INSERT INTO outcome (campaign, task, id, ord, label, text, deadline_text, first, last, open_ended) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)";
static const char SQL_OUTCOME_OWNER[] = "INSERT INTO outcome_owner (outcome, ord, unit, grp) VALUES (?1,?2,?3,?4)";

/* A unit's or else a group's row id for @id: ENOTFOUND only when it is
 * neither -- a failed lookup (out of memory) is not an unknown id. */
static int unit_or_group_rid(imp *im, const char *id, sqlite3_int64 *unit, sqlite3_int64 *grp)
{
	int rc = db_object_rid(im->db, "unit", im->crid, id, unit);
	/* EINVALID: the id names a group, looked up next */
	if (rc == CAMPAIGN_ENOTFOUND || rc == CAMPAIGN_EINVALID)
		rc = db_object_rid(im->db, "unit_group", im->crid, id, grp);
	return rc == CAMPAIGN_EINVALID ? CAMPAIGN_ENOTFOUND : rc;
}

/* Resolves one reference: a plain id (unit first, then group) or a mapping. */
static int resolve_ref(imp *im, yaml_node_t *ref, sqlite3_int64 *unit, sqlite3_int64 *grp, const char **as,
                       const char **condition)
{
	static const char *const keys[] = {"unit", "unit_group", "as", "condition", NULL};
	const char *what = "responsibility";
	int rc;
	*unit = *grp = 0;
	*as = *condition = NULL;
	if (ref->type == YAML_SCALAR_NODE) {
		const char *id = (const char *)ref->data.scalar.value;
		if ((rc = unit_or_group_rid(im, id, unit, grp)) != CAMPAIGN_ENOTFOUND)
			return rc;
		return ydoc_fail(&im->d, ref, "responsibility: unknown unit or unit group \"%s\"", id);
	}
	if ((rc = expect_map(im, ref, what)) || (rc = ydoc_check_keys(&im->d, ref, what, keys)) ||
	    (rc = unit_or_group(im, ref, what, unit, grp)) || (rc = ydoc_string(&im->d, ref, what, "as", 0, as)) ||
	    (rc = ydoc_string(&im->d, ref, what, "condition", 0, condition)))
		return rc;
	if (!*unit && !*grp)
		return ydoc_fail(&im->d, ref, "responsibility: give unit or unit_group");
	return CAMPAIGN_OK;
}

static int import_refs(imp *im, yaml_node_t *list, sqlite3_int64 mrid, const char *role, int *ord)
{
	yaml_node_t *ref;
	YDOC_EACH(&im->d, list, ref) {
		const char *as, *cond;
		sqlite3_int64 unit, grp;
		sqlite3_stmt *st, *name;
		int rc;
		if ((rc = resolve_ref(im, ref, &unit, &grp, &as, &cond)))
			return rc;
		if (!(name = db_stmt(im->db, unit ? SQL_UNIT_NAME : SQL_GROUP_NAME)))
			return campaign_error_code_last();
		sqlite3_bind_int64(name, 1, unit ? unit : grp);
		if (stmt_step(name) != SQLITE_ROW) {
			sqlite3_reset(name);
			return sql_fail(im, "cannot read a unit name");
		}
		/* a derived group is computed from the leads: it cannot be one */
		if (sqlite3_column_type(name, 1) != SQLITE_NULL) {
			rc = ydoc_fail(&im->d, ref, "responsibility: unit group \"%s\" is derived (%s) and cannot lead or "
			               "support a measure", (const char *)sqlite3_column_text(name, 0),
			               (const char *)sqlite3_column_text(name, 1));
			sqlite3_reset(name);
			return rc;
		}
		if (!(st = db_stmt(im->db, SQL_RESPONSIBILITY))) {
			sqlite3_reset(name);
			return campaign_error_code_last();
		}
		sqlite3_bind_int64(st, 1, mrid);
		sqlite3_bind_int(st, 2, ++*ord);
		bind_text(st, 3, role);
		bind_rid(st, 4, unit);
		bind_rid(st, 5, grp);
		if (as)
			bind_text(st, 6, as);
		else
			bind_copy(st, 6, (const char *)sqlite3_column_text(name, 0), -1);
		bind_text(st, 7, cond);
		rc = insert(im, st, NULL);
		sqlite3_reset(name);
		if (rc)
			return rc;
	}
	return CAMPAIGN_OK;
}

static int import_measures(imp *im, yaml_node_t *list, sqlite3_int64 trid)
{
	static const char *const keys[] = {"id", "label", "text", "lead", "support", NULL};
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		const char *id, *label, *text, *what = "measure";
		yaml_node_t *lead, *support;
		sqlite3_int64 rid = 0;
		sqlite3_stmt *st;
		int rc, ord = 0;
		if ((rc = object_head(im, map, what, keys, &id)) ||
		    (rc = ydoc_string(&im->d, map, what, "label", 0, &label)) ||
		    (rc = ydoc_string(&im->d, map, what, "text", 1, &text)) ||
		    (rc = ydoc_list(&im->d, map, what, "lead", 0, &lead)) ||
		    (rc = ydoc_list(&im->d, map, what, "support", 0, &support)))
			return rc;
		if (!(st = object_insert(im, SQL_MEASURE, trid, id)))
			return campaign_error_code_last();
		bind_text(st, 5, label);
		bind_text(st, 6, text);
		if ((rc = insert(im, st, &rid)) || (rc = import_refs(im, lead, rid, "lead", &ord)) ||
		    (rc = import_refs(im, support, rid, "support", &ord)))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* An outcome's `owners:`: unit or group ids (a unit first, as in lead lists). */
static int import_owners(imp *im, yaml_node_t *list, const char *oid, sqlite3_int64 orid)
{
	yaml_node_t *item;
	int ord = 0;
	if (list->data.sequence.items.start == list->data.sequence.items.top)
		return ydoc_fail(&im->d, list, "outcome \"%s\": owners must name at least one unit or group "
		                 "(leave the key out for the leads of the task's measures)", oid);
	YDOC_EACH(&im->d, list, item) {
		sqlite3_int64 unit = 0, grp = 0;
		const char *id;
		sqlite3_stmt *st;
		int rc;
		if (item->type != YAML_SCALAR_NODE)
			return ydoc_fail(&im->d, item, "outcome \"%s\": an owner must be a unit or group id, not %s", oid,
			                 ydoc_kind(item));
		id = (const char *)item->data.scalar.value;
		if ((rc = unit_or_group_rid(im, id, &unit, &grp)) && rc != CAMPAIGN_ENOTFOUND)
			return rc;
		if (rc)
			return ydoc_fail(&im->d, item, "outcome \"%s\": unknown unit or unit group \"%s\"", oid, id);
		if (!(st = db_stmt(im->db, SQL_OUTCOME_OWNER)))
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, orid);
		sqlite3_bind_int(st, 2, ++ord);
		bind_rid(st, 3, unit);
		bind_rid(st, 4, grp);
		if ((rc = insert(im, st, NULL)))
			return rc;
	}
	return CAMPAIGN_OK;
}

static int import_outcomes(imp *im, yaml_node_t *list, sqlite3_int64 trid)
{
	static const char *const keys[] = {"id", "label", "text", "deadline", "owners", NULL};
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		const char *id, *label, *text, *dl, *what = "outcome";
		char first[11], last[11];
		yaml_node_t *owners;
		sqlite3_int64 rid = 0;
		sqlite3_stmt *st;
		int rc, open;
		if ((rc = object_head(im, map, what, keys, &id)) ||
		    (rc = ydoc_string(&im->d, map, what, "label", 0, &label)) ||
		    (rc = ydoc_string(&im->d, map, what, "text", 1, &text)) ||
		    (rc = get_deadline(im, map, what, "deadline", 0, &dl, first, last, &open)) ||
		    (rc = ydoc_list(&im->d, map, what, "owners", 0, &owners)))
			return rc;
		if (!(st = object_insert(im, SQL_OUTCOME, trid, id)))
			return campaign_error_code_last();
		bind_text(st, 5, label);
		bind_text(st, 6, text);
		bind_text(st, 7, dl);
		bind_date(st, 8, first);
		bind_date(st, 9, last);
		sqlite3_bind_int(st, 10, open);
		if ((rc = insert(im, st, &rid)) || (owners && (rc = import_owners(im, owners, id, rid))))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* One task: its row, then its measures and outcomes; its subtasks' list in
 * *children (NULL: none, or streamed and still to come). */
static int import_task(imp *im, yaml_node_t *map, sqlite3_int64 parent, int depth, sqlite3_int64 *rid,
                       yaml_node_t **children)
{
	static const char *const keys[] = {"id", "label", "title", "objective", "tasks", "measures", "outcomes", NULL};
	const char *id, *label, *title, *objective, *what = "task";
	yaml_node_t *measures, *outcomes;
	sqlite3_stmt *st;
	int rc;
	if ((rc = object_head(im, map, what, keys, &id)) || (rc = ydoc_string(&im->d, map, what, "label", 0, &label)) ||
	    (rc = ydoc_string(&im->d, map, what, "title", 1, &title)) ||
	    (rc = ydoc_string(&im->d, map, what, "objective", 0, &objective)) ||
	    (rc = ydoc_list(&im->d, map, what, "tasks", 0, children)) ||
	    (rc = ydoc_list(&im->d, map, what, "measures", 0, &measures)) ||
	    (rc = ydoc_list(&im->d, map, what, "outcomes", 0, &outcomes)))
		return rc;
	if (!(st = object_insert(im, SQL_TASK, 0, id)))
		return campaign_error_code_last();
	bind_rid(st, 4, parent);
	sqlite3_bind_int(st, 5, depth);
	bind_text(st, 6, label);
	bind_text(st, 7, title);
	bind_text(st, 8, objective);
	/* measures and outcomes before subtasks keeps document order for the usual plan shape */
	if ((rc = insert(im, st, rid)) || (rc = import_measures(im, measures, *rid)) ||
	    (rc = import_outcomes(im, outcomes, *rid)))
		return rc;
	/* the plan's rows are logged as batches past the first thousand (bulk mode) */
	return db_bulk_tick(im->db);
}

static int import_tasks(imp *im, yaml_node_t *list, sqlite3_int64 parent, int depth)
{
	yaml_node_t *map;
	YDOC_EACH(&im->d, list, map) {
		yaml_node_t *children;
		sqlite3_int64 rid = 0;
		int rc;
		if ((rc = import_task(im, map, parent, depth, &rid, &children)) ||
		    (children && (rc = import_tasks(im, children, rid, depth + 1))))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* Derived groups first (各牵头科室: the departments that lead a measure,
 * directly or through a group), then who owes what: an outcome's owners
 * (schema 015), groups expanded; where it names none, the lead units of its
 * task's measures (schema 002), or every unit named where the task has no
 * lead; a milestone's unit or group members (schema 016). */
static const char *const SQL_DERIVE[] = {
	"INSERT INTO unit_group_member (grp, unit, ord) "
	"SELECT g.rid, u.rid, row_number() OVER (PARTITION BY g.rid ORDER BY u.ord) FROM unit_group g "
	"JOIN unit u ON u.campaign = g.campaign WHERE g.campaign = ?1 AND g.derive = 'lead-departments' "
	"AND u.kind = 'department' AND EXISTS (SELECT 1 FROM unit_responsibility ru JOIN measure m "
	"ON m.rid = ru.measure WHERE ru.unit = u.rid AND ru.role = 'lead' AND m.campaign = ?1)",
	"INSERT OR IGNORE INTO outcome_share (outcome, unit) "
	"SELECT o.rid, coalesce(w.unit, gm.unit) FROM outcome o JOIN outcome_owner w ON w.outcome = o.rid "
	"LEFT JOIN unit_group_member gm ON gm.grp = w.grp WHERE o.campaign = ?1 AND coalesce(w.unit, gm.unit) IS NOT NULL",
	"INSERT OR IGNORE INTO outcome_share (outcome, unit) "
	"SELECT o.rid, ru.unit FROM outcome o JOIN measure m ON m.task = o.task "
	"JOIN unit_responsibility ru ON ru.measure = m.rid WHERE o.campaign = ?1 "
	"AND NOT EXISTS (SELECT 1 FROM outcome_owner w WHERE w.outcome = o.rid) AND (ru.role = 'lead' "
	"OR NOT EXISTS (SELECT 1 FROM measure m2 JOIN responsibility r2 ON r2.measure = m2.rid "
	"WHERE m2.task = o.task AND r2.role = 'lead'))",
	"INSERT OR IGNORE INTO milestone_share (milestone, unit) "
	"SELECT m.rid, coalesce(m.unit, gm.unit) FROM milestone m LEFT JOIN unit_group_member gm ON gm.grp = m.grp "
	"WHERE m.campaign = ?1 AND coalesce(m.unit, gm.unit) IS NOT NULL",
};

static int derive_shares(imp *im)
{
	for (size_t k = 0; k < sizeof SQL_DERIVE / sizeof *SQL_DERIVE; k++) {
		sqlite3_stmt *st = db_stmt(im->db, SQL_DERIVE[k]);
		int rc;
		if (!st)
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, im->crid);
		if ((rc = db_step_done(im->db, st, "cannot derive the groups and shares")))
			return rc;
	}
	return CAMPAIGN_OK;
}

/* ---- the document ---- */

/* Everything before the tasks; their list into *tasks, or NULL when they
 * are streamed (the plan's last key, read item by item). */
static int import_head(imp *im, yaml_node_t *root, const campaign_import_options *opts, yaml_node_t **tasks)
{
	static const char *const keys[] = {"format", "campaign", "units", "unit_groups", "bodies", "phases", "tasks", NULL};
	const char *format, *what = "plan";
	yaml_node_t *campaign, *units, *groups, *bodies, *phases;
	int rc;
	if (root->type != YAML_MAPPING_NODE)
		return ydoc_fail(&im->d, root, "a plan must be a mapping with format, campaign, units and tasks; found %s",
		            ydoc_kind(root));
	if ((rc = ydoc_check_keys(&im->d, root, what, keys)) ||
	    (rc = ydoc_string(&im->d, root, what, "format", 1, &format)))
		return rc;
	if (strcmp(format, "1") != 0)
		return ydoc_fail(&im->d, ydoc_get(&im->d, root, "format"),
		                 "plan: format %s is not supported (this library reads format 1)",
		            format);
	if (!(campaign = ydoc_get(&im->d, root, "campaign")))
		return ydoc_fail(&im->d, root, "plan: \"campaign\" is required");
	if ((rc = ydoc_list(&im->d, root, what, "units", 1, &units)) ||
	    (rc = ydoc_list(&im->d, root, what, "unit_groups", 0, &groups)) ||
	    (rc = ydoc_list(&im->d, root, what, "bodies", 0, &bodies)) ||
	    (rc = ydoc_list(&im->d, root, what, "phases", 0, &phases)) ||
	    (tasks && (rc = ydoc_list(&im->d, root, what, "tasks", 1, tasks))))
		return rc;
	if ((rc = import_campaign(im, campaign, opts)) || (rc = import_units(im, units, 0)) ||
	    (groups && (rc = import_groups(im, groups))) || (bodies && (rc = import_bodies(im, bodies))))
		return rc;
	return phases ? import_phases(im, phases) : CAMPAIGN_OK;
}

/* After the tasks: the derived shares and the call's own log entry. */
static int import_tail(imp *im, const campaign_import_options *opts)
{
	int rc = derive_shares(im);
	return rc ? rc : db_log(im->db, im->actor, opts && opts->replace ? "plan.import.replace" : "plan.import",
	                        im->campaign_id, im->campaign_id, im->file);
}

static int import_root(imp *im, yaml_node_t *root, const campaign_import_options *opts)
{
	yaml_node_t *tasks;
	int rc;
	if ((rc = import_head(im, root, opts, &tasks)) || (rc = import_tasks(im, tasks, 0, 0)))
		return rc;
	return import_tail(im, opts);
}

/* ---- streamed: a big plan's tasks read one by one (ydoc_stream) ---- */

typedef struct plan_stream {
	imp *im;
	const campaign_import_options *opts;
	int head_done;                          /* the root's "tasks" key was reached */
	int depth;                              /* open tasks whose subtasks are being read */
	int map[YAML_MAX_DEPTH];                /* their nodes */
	sqlite3_int64 rid[YAML_MAX_DEPTH];      /* and rows */
} plan_stream;

/* The "tasks" key of the plan, or of a task: all that stands before it is
 * imported (the check of ydoc_check made it the last key). */
static int stream_claim(void *ctx, ydoc *d, int map, const char *key, int is_item, int *claimed)
{
	plan_stream *ps = ctx;
	yaml_node_t *children, *node = ydoc_node(d, map);
	sqlite3_int64 rid = 0;
	int rc;
	if (strcmp(key, "tasks"))
		return CAMPAIGN_OK;
	if (!is_item && node == ydoc_root(d) && !ps->head_done) {
		*claimed = ps->head_done = 1;
		return import_head(ps->im, node, ps->opts, NULL);
	}
	if (!is_item || ps->depth >= YAML_MAX_DEPTH)
		return CAMPAIGN_OK;
	if ((rc = import_task(ps->im, node, ps->depth ? ps->rid[ps->depth - 1] : 0, ps->depth, &rid, &children)))
		return rc;
	ps->map[ps->depth] = map;
	ps->rid[ps->depth++] = rid;
	*claimed = 1;
	return CAMPAIGN_OK;
}

/* An item of a tasks list, read whole: a task with no subtasks is imported;
 * one whose subtasks were streamed is closed. */
static int stream_item(void *ctx, ydoc *d, int item)
{
	plan_stream *ps = ctx;
	yaml_node_t *children;
	sqlite3_int64 rid = 0;
	if (ps->depth && ps->map[ps->depth - 1] == item) {
		ps->depth--;
		return CAMPAIGN_OK;
	}
	return import_task(ps->im, ydoc_node(d, item), ps->depth ? ps->rid[ps->depth - 1] : 0, ps->depth, &rid,
	                   &children);
}

/* The plan composed item by item: checked beforehand (ydoc_check), or in
 * the same pass when @once (then from @f, or @data when @f is NULL). */
static int import_streamed(imp *im, int once, FILE *f, const char *data, size_t len,
                           const campaign_import_options *opts)
{
	plan_stream ps = {im, opts, 0, 0, {0}, {0}};
	ystream s = {stream_claim, stream_item, &ps};
	int rc = once ? ydoc_stream_once(&im->d, im->file, f, data, len, "tasks", &s) : ydoc_stream(&im->d, data, len, &s);
	if (rc)
		return rc;
	if (!ydoc_root(&im->d))
		return error_set_at(CAMPAIGN_EINVALID, im->file, 1, 1, "the file is empty; expected a plan");
	/* no "tasks" key: the whole document is here, and says what is missing */
	return ps.head_done ? import_tail(im, opts) : import_root(im, ydoc_root(&im->d), opts);
}

/* Checks the plan; one that can be streamed is composed later, inside the
 * transaction, else libyaml's whole document now. */
static int load(imp *im, const char *data, size_t len, int *streamed)
{
	int rc = ydoc_check(&im->d, im->file, data, len, "tasks", streamed);
	if (rc || *streamed || (rc = ydoc_compose(&im->d, data, len)))
		return rc;
	if (!ydoc_root(&im->d)) {
		ydoc_free(&im->d);
		return error_set_at(CAMPAIGN_EINVALID, im->file, 1, 1, "the file is empty; expected a plan");
	}
	return CAMPAIGN_OK;
}

/* A plan is first read in one pass (ydoc_stream_once: a file is never
 * held whole, nor parsed twice); should that pass fail for any reason, the
 * transaction is rolled back and the plan read again in two (the checks,
 * then the import), whose messages are the reference ones. */
typedef struct plan_call {
	imp *im;
	const campaign_import_options *opts;
	int from_text;
	const char *source;     /* the text, or the file's path */
	struct campaign_buf b;  /* a file's bytes */
	int loaded;             /* im->d holds the document */
	int streamed;           /* composed item by item in the body (ydoc_stream) */
	int once;               /* the one pass: 1 to try it, 2 once it ran */
	FILE *f;                /* the file it reads */
	const char *data;       /* the plan's text */
	size_t len;
} plan_call;

static int plan_check(void *ctx)
{
	const campaign_import_options *o = ((plan_call *)ctx)->opts;
	/* NULL: the defaults */
	return o ? options_check(o, CAMPAIGN_IMPORT_OPTIONS_VERSION, "campaign_import_options") : CAMPAIGN_OK;
}

/* Reads and parses the plan once the access is granted, before BEGIN. */
static int plan_prepare(write_op *op, void *ctx)
{
	plan_call *pc = ctx;
	const char *data = pc->source;
	size_t len;
	int rc;
	(void)op;
	if (!pc->source)
		return error_set(CAMPAIGN_EINVALID, "campaign_plan_import_%s: %s is NULL", pc->from_text ? "string" : "file",
		                 pc->from_text ? "yaml" : "path");
	if (pc->once) {
		if (!pc->from_text && !(pc->f = fopen(pc->source, "rb")))
			return error_set(CAMPAIGN_EIO, "%s: cannot open the file", pc->source);
		pc->loaded = pc->streamed = 1;
		pc->data = data;
		pc->len = pc->from_text ? strlen(data) : 0;
		return CAMPAIGN_OK;
	}
	if (pc->from_text)
		len = strlen(data);
	else if ((rc = file_read(pc->source, &pc->b)))
		return rc;
	else
		data = pc->b.data, len = pc->b.size;
	if ((rc = load(pc->im, data, len, &pc->streamed)))
		return rc;
	pc->loaded = 1;
	pc->data = data;
	pc->len = len;
	return CAMPAIGN_OK;
}

static int plan_body(write_op *op, void *ctx)
{
	plan_call *pc = ctx;
	(void)op;
	if (pc->once)
		pc->once = 2;
	if (pc->streamed)
		return import_streamed(pc->im, pc->once, pc->f, pc->data, pc->len, pc->opts);
	return import_root(pc->im, ydoc_root(&pc->im->d), pc->opts);
}

/* One attempt: the write with a fresh importer, then its memory freed. */
static int plan_write(campaign_db *db, imp *im, plan_call *pc, const char *name, const char *actor)
{
	/* the plan names its campaign and writes its own call entry (plan.import or plan.import.replace) */
	write_op op = {.name = "plan.import", .actor = actor, .object = name, .access = ACCESS_PLAN,
	               .flags = WRITE_NO_CAMPAIGN | WRITE_OWN_LOG | WRITE_BULK, .check = plan_check, .prepare = plan_prepare,
	               .body = plan_body};
	int rc;
	memset(im, 0, sizeof *im);
	im->db = db;
	im->file = name;
	im->actor = actor;
	rc = db_write(db, &op, pc, NULL);
	idset_free(&im->ids);
	if (pc->loaded)
		ydoc_free(&im->d);
	if (pc->f)
		fclose(pc->f);
	buf_reset(&pc->b);
	return rc;
}

int plan_import(campaign_db *db, int from_text, const char *source, const char *name, const char *actor,
                const campaign_import_options *opts)
{
	imp im;
	plan_call pc = {&im, opts, from_text, source, {0}, 0, 0, 1, NULL, NULL, 0};
	int rc = plan_write(db, &im, &pc, name, actor);
	if (rc && pc.once == 2) {
		pc = (plan_call){&im, opts, from_text, source, {0}, 0, 0, 0, NULL, NULL, 0};
		rc = plan_write(db, &im, &pc, name, actor);
	}
	return rc;
}
