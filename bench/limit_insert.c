/* The insert limit: the rows libcampaign's bulk imports write, inserted with
 * plain prepared statements, one transaction per file, into the very same
 * schema and indexes (a store that libcampaign created: plan, grading model
 * and catalogues imported), with the store's own settings (WAL,
 * synchronous=NORMAL, foreign_keys=ON, a 64 MiB page cache). No validation
 * beyond what the schema itself enforces, no audit log.
 *
 * Per progress report: one progress_report row. Per risk point: risk_point,
 * risk_assessment (the matrix cell's grade) and two risk_point_history rows
 * (as libcampaign writes them). Per finding: finding, search_doc and a
 * search_fts row (a per-character tokenizer like the library's).
 *
 *   limit_insert STORE progress=FILE risk=FILE findings=FILE ...
 * prints one JSON line per file; the time includes reading the CSV (see
 * limit_parse for that alone) and the commit.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <sqlite3.h>
#include "bench_util.h"

#include <stdarg.h>
static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("limit_insert: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}
#define DIE die

static sqlite3 *db;

static void exec(const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		DIE("%s: %s", sql, err);
}

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		DIE("%s: %s", sql, sqlite3_errmsg(db));
	return st;
}

static void step(sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		DIE("insert failed: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
}

/* ---- a string → integer map (open addressing), for the id lookups ---- */

typedef struct map {
	char **key;
	long long *val;
	size_t cap, n;
} map;

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static void map_put(map *m, const char *k, long long v)
{
	if (2 * (m->n + 1) > m->cap) {
		map old = *m;
		m->cap = m->cap ? m->cap * 2 : 1024;
		m->key = calloc(m->cap, sizeof *m->key);
		m->val = calloc(m->cap, sizeof *m->val);
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.key[i])
				map_put(m, old.key[i], old.val[i]), free(old.key[i]);
		free(old.key), free(old.val);
	}
	for (size_t i = hash(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
		if (!m->key[i]) {
			m->key[i] = strdup(k);
			m->val[i] = v;
			m->n++;
			return;
		}
}

static int map_get(const map *m, const char *k, long long *v)
{
	if (!m->cap)
		return 0;
	for (size_t i = hash(k) & (m->cap - 1); m->key[i]; i = (i + 1) & (m->cap - 1))
		if (!strcmp(m->key[i], k)) {
			*v = m->val[i];
			return 1;
		}
	return 0;
}

static void map_load(map *m, const char *sql)
{
	sqlite3_stmt *st = prep(sql);
	while (sqlite3_step(st) == SQLITE_ROW)
		map_put(m, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
}

/* ---- ids shaped like UUIDv7 (time-ordered, 36 characters) ---- */

static void new_id(char out[37])
{
	static unsigned long long counter;
	static uint64_t rnd = 0x9e3779b97f4a7c15u;
	struct timespec ts;
	unsigned long long ms;
	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (unsigned long long)ts.tv_sec * 1000u + (unsigned long long)ts.tv_nsec / 1000000u;
	rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
	counter++;
	unsigned long long a = (ms >> 16) & 0xffffffffull, b = ms & 0xffff, c = counter & 0xfff,
	                   d = 0x8000 | (unsigned long long)(rnd & 0x3fff), e = (unsigned long long)(rnd >> 16) & 0xffffffffffffull;
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%08llx-%04llx-7%03llx-%04llx-%012llx", a, b, c, d, e);
	memcpy(out, tmp, 36);
	out[36] = '\0';
}

/* ---- a per-character tokenizer for search_fts (as the library's campaign_cjk) ---- */

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx, (void)argv, (void)argc;
	*out = (Fts5Tokenizer *)1;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int tok_run(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
                   int (*emit)(void *, int, const char *, int, int, int))
{
	const unsigned char *p = (const unsigned char *)text, *end = p + n;
	(void)t, (void)flags;
	while (p < end) {
		int len = *p < 0x80 ? 1 : *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 1;
		if (p + len > end)
			len = 1;
		if (len >= 3) { /* CJK (and other wide) characters: one token each */
			int rc = emit(ctx, 0, (const char *)p, len, (int)(p - (const unsigned char *)text),
			              (int)(p + len - (const unsigned char *)text));
			if (rc)
				return rc;
			p += len;
		} else if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
			const unsigned char *s = p;
			char w[64];
			int k = 0, rc;
			while (p < end && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
				if (k < 63)
					w[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
				p++;
			}
			if ((rc = emit(ctx, 0, w, k, (int)(s - (const unsigned char *)text), (int)(p - (const unsigned char *)text))))
				return rc;
		} else {
			p += len;
		}
	}
	return SQLITE_OK;
}

static void register_tokenizer(void)
{
	static fts5_tokenizer tok = {tok_create, tok_delete, tok_run};
	fts5_api *api = NULL;
	sqlite3_stmt *st = prep("SELECT fts5(?1)");
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->xCreateTokenizer(api, "campaign_cjk", NULL, &tok, NULL) != SQLITE_OK)
		DIE("no FTS5");
}

/* ---- the files ---- */

static map units, outcomes, categories;
static long long campaign_rid, model_rid;
static char now[21];

static int col(csv_in *c, const char *name)
{
	for (int i = 0; i < c->nfield; i++)
		if (!strcmp(c->field[i], name))
			return i;
	return -1;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static long load_progress(csv_in *c)
{
	sqlite3_stmt *ins = prep("INSERT INTO progress_report (id, outcome, unit, status, percent, reported_on, note, "
	                         "evidence, actor, recorded_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
	int o, u, s, p, d, n, e;
	long rows = 0;
	char id[37];
	if (csv_next(c) <= 0)
		DIE("empty file");
	o = col(c, "outcome"), u = col(c, "unit"), s = col(c, "status"), p = col(c, "percent"), d = col(c, "date"),
	n = col(c, "note"), e = col(c, "evidence");
	while (csv_next(c) > 0) {
		long long orid, urid;
		if (!map_get(&outcomes, c->field[o], &orid) || !map_get(&units, c->field[u], &urid))
			DIE("unknown outcome or unit in row %ld", c->rows);
		new_id(id);
		sqlite3_bind_text(ins, 1, id, 36, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 2, orid);
		sqlite3_bind_int64(ins, 3, urid);
		sqlite3_bind_text(ins, 4, c->field[s], -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 5, atoi(c->field[p]));
		sqlite3_bind_text(ins, 6, c->field[d], -1, SQLITE_STATIC);
		bind_opt(ins, 7, c->field[n]);
		bind_opt(ins, 8, c->field[e]);
		sqlite3_bind_text(ins, 9, "bench", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 10, now, -1, SQLITE_STATIC);
		step(ins);
		rows++;
	}
	sqlite3_finalize(ins);
	return rows;
}

static const char *const TYPES[][2] = {{"思想道德", "moral"}, {"制度机制", "institutional"}, {"岗位职责", "post"},
                                       {"业务流程", "process"}, {"外部环境", "external"}};

static long load_risk(csv_in *c)
{
	sqlite3_stmt *pt = prep("INSERT INTO risk_point (id, campaign, unit, scope, scope_name, type, name, description, "
	                        "manifestations, owner, leader, status, inputs, assessment, created_by, created_at) "
	                        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,'active',?12,?13,?14,?15)");
	sqlite3_stmt *as = prep("INSERT INTO risk_assessment (id, point, model, inputs, likelihood, impact, inherent_grade, "
	                        "residual_inputs, residual_likelihood, residual_impact, residual_grade, grade, reason, "
	                        "graded_on, actor, recorded_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?4,?5,?6,?7,?7,'import',?8,?9,?10)");
	sqlite3_stmt *hi = prep("INSERT INTO risk_point_history (id, point, operation, field, before, after, actor, "
	                        "recorded_at) VALUES (?1,?2,?3,?4,NULL,?5,?6,?7)");
	sqlite3_stmt *cells = prep("SELECT c.likelihood, c.impact, c.grade, g.label FROM risk_model_cell c "
	                           "JOIN risk_grade g ON g.rid = c.grade WHERE c.model = ?1");
	long long cell[11][11] = {{0}};
	char label[11][11][64];
	int f[12];
	static const char *const names[] = {"id", "unit", "scope", "scope_name", "type", "name", "description",
	                                    "manifestations", "owner", "leader", "inputs", "graded_on"};
	long rows = 0;
	sqlite3_bind_int64(cells, 1, model_rid);
	while (sqlite3_step(cells) == SQLITE_ROW) {
		int l = sqlite3_column_int(cells, 0), i = sqlite3_column_int(cells, 1);
		cell[l][i] = sqlite3_column_int64(cells, 2);
		snprintf(label[l][i], sizeof label[l][i], "%s (matrix-5x5@1)", (const char *)sqlite3_column_text(cells, 3));
	}
	sqlite3_finalize(cells);
	if (csv_next(c) <= 0)
		DIE("empty file");
	for (int i = 0; i < 12; i++)
		f[i] = col(c, names[i]);
	while (csv_next(c) > 0) {
		long long urid;
		const char *type = NULL;
		char aid[37], hid[37], inputs[64];
		int l = 0, im = 0;
		if (!map_get(&units, c->field[f[1]], &urid))
			DIE("unknown unit in row %ld", c->rows);
		for (int i = 0; i < 5; i++)
			if (!strcmp(TYPES[i][0], c->field[f[4]]) || !strcmp(TYPES[i][1], c->field[f[4]]))
				type = TYPES[i][1];
		if (!type || sscanf(c->field[f[10]], "likelihood=%d,impact=%d", &l, &im) != 2 || l < 1 || l > 10 || im < 1 ||
		    im > 10 || !cell[l][im])
			DIE("bad type or inputs in row %ld", c->rows);
		snprintf(inputs, sizeof inputs, "impact=%d,likelihood=%d", im, l);
		new_id(aid);
		sqlite3_bind_text(pt, 1, c->field[f[0]], -1, SQLITE_STATIC);
		sqlite3_bind_int64(pt, 2, campaign_rid);
		sqlite3_bind_int64(pt, 3, urid);
		sqlite3_bind_text(pt, 4, c->field[f[2]], -1, SQLITE_STATIC);
		sqlite3_bind_text(pt, 5, c->field[f[3]], -1, SQLITE_STATIC);
		sqlite3_bind_text(pt, 6, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(pt, 7, c->field[f[5]], -1, SQLITE_STATIC);
		for (int i = 6; i < 10; i++)
			bind_opt(pt, i + 2, c->field[f[i]]);
		sqlite3_bind_text(pt, 12, inputs, -1, SQLITE_STATIC);
		sqlite3_bind_text(pt, 13, aid, 36, SQLITE_STATIC);
		sqlite3_bind_text(pt, 14, "bench", -1, SQLITE_STATIC);
		sqlite3_bind_text(pt, 15, now, -1, SQLITE_STATIC);
		step(pt);
		sqlite3_bind_text(as, 1, aid, 36, SQLITE_STATIC);
		sqlite3_bind_text(as, 2, c->field[f[0]], -1, SQLITE_STATIC);
		sqlite3_bind_int64(as, 3, model_rid);
		sqlite3_bind_text(as, 4, inputs, -1, SQLITE_STATIC);
		sqlite3_bind_int(as, 5, l);
		sqlite3_bind_int(as, 6, im);
		sqlite3_bind_int64(as, 7, cell[l][im]);
		sqlite3_bind_text(as, 8, c->field[f[11]], -1, SQLITE_STATIC);
		sqlite3_bind_text(as, 9, "bench", -1, SQLITE_STATIC);
		sqlite3_bind_text(as, 10, now, -1, SQLITE_STATIC);
		step(as);
		for (int k = 0; k < 2; k++) {
			new_id(hid);
			sqlite3_bind_text(hi, 1, hid, 36, SQLITE_STATIC);
			sqlite3_bind_text(hi, 2, c->field[f[0]], -1, SQLITE_STATIC);
			sqlite3_bind_text(hi, 3, k ? "import" : "add", -1, SQLITE_STATIC);
			sqlite3_bind_text(hi, 4, k ? "grade" : "name", -1, SQLITE_STATIC);
			sqlite3_bind_text(hi, 5, k ? label[l][im] : c->field[f[5]], -1, SQLITE_STATIC);
			sqlite3_bind_text(hi, 6, "bench", -1, SQLITE_STATIC);
			sqlite3_bind_text(hi, 7, now, -1, SQLITE_STATIC);
			step(hi);
		}
		rows++;
	}
	sqlite3_finalize(pt), sqlite3_finalize(as), sqlite3_finalize(hi);
	return rows;
}

static long long fen(const char *s)
{
	long long y = 0, f = 0;
	int k = 0;
	for (; *s && *s != '.'; s++)
		y = y * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s && k < 2; s++, k++)
			f = f * 10 + (*s - '0');
	for (; k < 2; k++)
		f *= 10;
	return y * 100 + f;
}

static long load_findings(csv_in *c)
{
	sqlite3_stmt *fi = prep("INSERT INTO finding (id, campaign, unit, category, round, origin, people, description, "
	                        "amount_fen, found_on, recorded_by, recorded_at) VALUES (?1,?2,?3,?4,NULL,?5,?6,?7,?8,?9,?10,?11)");
	sqlite3_stmt *doc = prep("INSERT INTO search_doc (kind, rid, campaign) VALUES ('finding', ?1, ?2)");
	sqlite3_stmt *fts = prep("INSERT INTO search_fts (rowid, body) VALUES (?1, ?2)");
	int f[9];
	static const char *const names[] = {"id", "unit", "category", "origin", "people", "description", "amount",
	                                    "found_on", "round"};
	long rows = 0;
	char *body = NULL;
	size_t cap = 0;
	if (csv_next(c) <= 0)
		DIE("empty file");
	for (int i = 0; i < 9; i++)
		f[i] = col(c, names[i]);
	while (csv_next(c) > 0) {
		long long urid, cat = 0, rid;
		const char *desc = c->field[f[5]], *people = c->field[f[4]];
		size_t need;
		if (!map_get(&units, c->field[f[1]], &urid) || (*c->field[f[2]] && !map_get(&categories, c->field[f[2]], &cat)))
			DIE("unknown unit or category in row %ld", c->rows);
		sqlite3_bind_text(fi, 1, c->field[f[0]], -1, SQLITE_STATIC);
		sqlite3_bind_int64(fi, 2, campaign_rid);
		sqlite3_bind_int64(fi, 3, urid);
		if (cat)
			sqlite3_bind_int64(fi, 4, cat);
		else
			sqlite3_bind_null(fi, 4);
		sqlite3_bind_text(fi, 5, c->field[f[3]], -1, SQLITE_STATIC);
		bind_opt(fi, 6, people);
		sqlite3_bind_text(fi, 7, desc, -1, SQLITE_STATIC);
		if (*c->field[f[6]])
			sqlite3_bind_int64(fi, 8, fen(c->field[f[6]]));
		else
			sqlite3_bind_null(fi, 8);
		sqlite3_bind_text(fi, 9, c->field[f[7]], -1, SQLITE_STATIC);
		sqlite3_bind_text(fi, 10, "bench", -1, SQLITE_STATIC);
		sqlite3_bind_text(fi, 11, now, -1, SQLITE_STATIC);
		step(fi);
		rid = sqlite3_last_insert_rowid(db);
		sqlite3_bind_int64(doc, 1, rid);
		sqlite3_bind_int64(doc, 2, campaign_rid);
		step(doc);
		need = strlen(desc) + strlen(people) + 8;
		if (need > cap)
			body = realloc(body, cap = need * 2);
		snprintf(body, cap, *people ? "%s；%s" : "%s", desc, people);
		sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
		sqlite3_bind_text(fts, 2, body, -1, SQLITE_STATIC);
		step(fts);
		rows++;
	}
	free(body);
	sqlite3_finalize(fi), sqlite3_finalize(doc), sqlite3_finalize(fts);
	return rows;
}

int main(int argc, char **argv)
{
	sqlite3_stmt *st;
	time_t t = time(NULL);
	struct tm tm;
	if (argc < 3)
		DIE("usage: limit_insert STORE progress=FILE|risk=FILE|findings=FILE ...");
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		DIE("%s: cannot open", argv[1]);
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	register_tokenizer();
	exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL");
	st = prep("SELECT rid FROM campaign");
	if (sqlite3_step(st) != SQLITE_ROW)
		DIE("no campaign in the store");
	campaign_rid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = prep("SELECT max(rid) FROM risk_model");
	if (sqlite3_step(st) == SQLITE_ROW)
		model_rid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	map_load(&units, "SELECT id, rid FROM unit");
	map_load(&outcomes, "SELECT id, rid FROM outcome");
	map_load(&categories, "SELECT k.id || '/' || c.id, c.rid FROM violation_category c "
	                      "JOIN violation_catalogue k ON k.rid = c.catalogue");
	for (int i = 2; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		csv_in c;
		long rows;
		double t0;
		if (!eq)
			DIE("%s: expected KIND=FILE", argv[i]);
		*eq = '\0';
		if (csv_open(&c, eq + 1))
			DIE("%s: cannot open", eq + 1);
		t0 = bench_now();
		exec("BEGIN IMMEDIATE");
		rows = !strcmp(argv[i], "progress") ? load_progress(&c)
		       : !strcmp(argv[i], "risk")   ? load_risk(&c)
		       : !strcmp(argv[i], "findings") ? load_findings(&c)
		                                      : (die("unknown kind %s", argv[i]), 0L);
		exec("COMMIT");
		printf("{\"kind\": \"%s\", \"file\": \"%s\", \"rows\": %ld, \"seconds\": %.6f, \"maxrss_kb\": %ld}\n", argv[i],
		       eq + 1, rows, bench_now() - t0, bench_maxrss_kb());
		fflush(stdout);
		csv_close(&c);
	}
	sqlite3_close(db);
	return 0;
}
