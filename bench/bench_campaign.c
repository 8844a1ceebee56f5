/* libcampaign's side of the benchmark, through the public C API.
 *
 *   bench_campaign setup STORE PLAN MODEL CATALOGUE... [--rules RULES]
 *   bench_campaign import STORE progress|risk|findings FILE [--no-audit]
 *   bench_campaign query STORE UNIT OUTCOME AS_OF WORD REPEAT
 *   bench_campaign evaluate STORE AS_OF
 *   bench_campaign iterate STORE ROWS
 *
 * Each prints JSON lines: what was timed, seconds, rows, and the process's
 * peak memory (getrusage), so the harness can run each import in a process of
 * its own and see its peak alone.
 *
 * --no-audit is for measurement only: it drops the library's TEMP audit
 * triggers in this process's connection after campaign_open (the handle is
 * caught by wrapping sqlite3_open_v2, which the library calls through the
 * dynamic linker), so the import runs without staging, hashing or sealing
 * row entries. The store file is not changed by it; the library never
 * offers this.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>
#include <sqlite3.h>
#include <campaign/campaign.h>
#include "bench_util.h"

#define ACTOR "bench"

static sqlite3 *last_db;

/* Wraps SQLite's open to remember the library's connection (see above). */
int sqlite3_open_v2(const char *filename, sqlite3 **pp, int flags, const char *vfs)
{
	static int (*real)(const char *, sqlite3 **, int, const char *);
	int rc;
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_open_v2");
	rc = real(filename, pp, flags, vfs);
	last_db = *pp;
	return rc;
}

static int no_audit;

/* With --no-audit, the library's switch of its audit triggers (to the bulk
 * set at the start of an import, back at its end) is skipped too, so the
 * connection stays without triggers. */
int sqlite3_exec(sqlite3 *db, const char *sql, int (*cb)(void *, int, char **, char **), void *arg, char **err)
{
	static int (*real)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_exec");
	if (no_audit && sql && (!strncmp(sql, "DROP TRIGGER IF EXISTS temp.\"audit_", 35) ||
	                        !strncmp(sql, "CREATE TEMP TRIGGER \"audit_", 27)))
		return SQLITE_OK;
	return real(db, sql, cb, arg, err);
}

/* With --no-audit, bulk mode's read-back of the new rows reads their rowids
 * only, with an empty image: the batches it writes still drive the search
 * index (as in a real import), but no row is imaged or really digested. */
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **st, const char **tail)
{
	static int (*real)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
	static char cheap[1024];
	const char *from;
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v2");
	if (no_audit && sql && !strncmp(sql, "SELECT T.rowid, ", 16) && strstr(sql, "WHERE T.rowid > ?1") &&
	    (from = strstr(sql, " FROM main.")) != NULL) {
		snprintf(cheap, sizeof cheap, "SELECT T.rowid, NULL, NULL, ''%s", from);
		sql = cheap, n = -1;
	}
	return real(db, sql, n, st, tail);
}

static void fail(const char *what)
{
	fprintf(stderr, "bench_campaign: %s: %s (%s)\n", what, campaign_error_message(),
	        campaign_error_name(campaign_error_code_last()));
	exit(1);
}

static campaign_db *open_store(const char *path)
{
	campaign_db *db;
	if (campaign_open(&db, path, 0))
		fail(path);
	return db;
}

static void report(const char *what, const char *detail, double seconds, long rows)
{
	printf("{\"what\": \"%s\", \"detail\": \"%s\", \"seconds\": %.6f, \"rows\": %ld, \"maxrss_kb\": %ld}\n", what,
	       detail ? detail : "", seconds, rows, bench_maxrss_kb());
	fflush(stdout);
}

static void drop_audit_triggers(void)
{
	sqlite3_stmt *st;
	char names[256][80];
	int n = 0;
	if (!last_db || sqlite3_prepare_v2(last_db, "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' "
	                                            "AND name LIKE 'audit\\_%' ESCAPE '\\'", -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_campaign: cannot find the audit triggers\n");
		exit(1);
	}
	while (n < 256 && sqlite3_step(st) == SQLITE_ROW)
		snprintf(names[n++], sizeof names[0], "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++) {
		char *sql = sqlite3_mprintf("DROP TRIGGER temp.\"%w\"", names[i]);
		sqlite3_exec(last_db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	fprintf(stderr, "bench_campaign: measurement only: %d audit triggers dropped in this connection\n", n);
}

static int setup(int argc, char **argv)
{
	campaign_db *db;
	double t0;
	int i;
	unlink(argv[2]);
	db = open_store(argv[2]);
	t0 = bench_now();
	if (campaign_plan_import_file(db, argv[3], ACTOR, NULL))
		fail(argv[3]);
	report("import.plan", argv[3], bench_now() - t0, 0);
	if (campaign_risk_model_import_file(db, NULL, argv[4], ACTOR) < 0)
		fail(argv[4]);
	for (i = 5; i < argc && strcmp(argv[i], "--rules"); i++)
		if (campaign_catalogue_import_file(db, NULL, argv[i], ACTOR) < 0)
			fail(argv[i]);
	if (i + 1 < argc && campaign_rules_import_file(db, NULL, argv[i + 1], ACTOR) < 0)
		fail(argv[i + 1]);
	campaign_close(db);
	return 0;
}

static int import(int argc, char **argv)
{
	campaign_db *db = open_store(argv[2]);
	const char *kind = argv[3], *file = argv[4];
	int rc;
	double t0;
	char what[64];
	no_audit = argc > 5 && !strcmp(argv[5], "--no-audit");
	if (no_audit)
		drop_audit_triggers();
	t0 = bench_now();
	rc = !strcmp(kind, "progress") ? campaign_progress_import_file(db, NULL, file, NULL, ACTOR)
	     : !strcmp(kind, "risk")   ? campaign_risk_register_import_file(db, NULL, file, NULL, ACTOR)
	     : !strcmp(kind, "findings") ? campaign_findings_import_file(db, NULL, file, NULL, ACTOR)
	                                 : (fprintf(stderr, "unknown kind %s\n", kind), exit(2), 0);
	if (rc < 0)
		fail(file);
	snprintf(what, sizeof what, "import.%s%s", kind, no_audit ? ".no_audit" : "");
	report(what, file, bench_now() - t0, rc > 0 ? rc : 0);
	campaign_close(db);
	return 0;
}

/* Runs a query to the end, returns the rows. */
static long drain(campaign_cursor *c)
{
	long n = 0;
	int ncol = campaign_cursor_column_count(c);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		for (int i = 0; i < ncol; i++)
			(void)campaign_cursor_text(c, i);
		n++;
	}
	campaign_cursor_free(c);
	return n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

enum { Q_MATRIX, Q_HISTORY, Q_RISK_UNIT, Q_FINDINGS_UNIT, Q_SEARCH, Q_OUTCOMES, Q_SUPERVISION, Q_RISK_WARNINGS,
       Q_SHARES, Q_COUNT };
static const char *const QNAMES[Q_COUNT] = {
	"unit_matrix_row", "share_history", "unit_risk_grades", "unit_findings", "search_2char",
	"outcomes_overdue", "supervision", "risk_warnings", "share_status_all"};

static int run_query(campaign_db *db, int q, char **a, long *rows)
{
	campaign_cursor *c = NULL;
	int rc;
	const char *unit = a[0], *outcome = a[1], *as_of = a[2], *word = a[3];
	switch (q) {
	case Q_MATRIX: rc = campaign_unit_matrix_query(&c, db, NULL, unit); break;
	case Q_HISTORY: rc = campaign_progress_history_query(&c, db, NULL, outcome, unit); break;
	case Q_RISK_UNIT: rc = campaign_risk_points_query(&c, db, NULL, unit); break;
	case Q_FINDINGS_UNIT: rc = campaign_findings_query(&c, db, NULL, unit, NULL); break;
	case Q_SEARCH: rc = campaign_search_query(&c, db, NULL, word, NULL); break;
	case Q_OUTCOMES: rc = campaign_outcome_status_query(&c, db, NULL, as_of); break;
	case Q_SUPERVISION: rc = campaign_supervision_query(&c, db, NULL, as_of); break;
	case Q_RISK_WARNINGS: rc = campaign_risk_warnings_query(&c, db, NULL, as_of); break;
	default: rc = campaign_share_status_query(&c, db, NULL, as_of); break;
	}
	if (rc)
		return rc;
	if (q == Q_OUTCOMES) { /* the overdue ones: colour red */
		long n = 0;
		int color = campaign_cursor_column_index(c, "color");
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			n += !strcmp(campaign_cursor_text(c, color), "red");
		campaign_cursor_free(c);
		*rows = n;
	} else {
		*rows = drain(c);
	}
	return 0;
}

static int query(int argc, char **argv)
{
	campaign_db *db = open_store(argv[2]);
	int repeat = argc > 7 ? atoi(argv[7]) : 5;
	(void)argc;
	for (int q = 0; q < Q_COUNT; q++) {
		double t[64];
		long rows = 0;
		int n = repeat < 64 ? repeat : 64;
		if (q == Q_SHARES && n > 2)
			n = 2; /* linear in the shares: a couple of runs is enough */
		for (int i = 0; i < n; i++) {
			double t0 = bench_now();
			if (run_query(db, q, argv + 3, &rows))
				fail(QNAMES[q]);
			t[i] = bench_now() - t0;
		}
		qsort(t, (size_t)n, sizeof t[0], cmp_double);
		printf("{\"what\": \"query.%s\", \"seconds\": %.6f, \"min\": %.6f, \"runs\": %d, \"rows\": %ld, "
		       "\"maxrss_kb\": %ld}\n", QNAMES[q], t[n / 2], t[0], n, rows, bench_maxrss_kb());
		fflush(stdout);
	}
	campaign_close(db);
	return 0;
}

static int evaluate(char **argv)
{
	campaign_db *db = open_store(argv[2]);
	double t0 = bench_now();
	int n = campaign_accountability_evaluate(db, NULL, argv[3], ACTOR);
	if (n < 0)
		fail("evaluate");
	report("accountability_evaluate", argv[3], bench_now() - t0, n);
	campaign_close(db);
	return 0;
}

static int iterate(char **argv)
{
	campaign_db *db = open_store(argv[2]);
	long want = atol(argv[3]), n = 0;
	double t0 = bench_now();
	while (n < want) {
		campaign_cursor *c;
		long before = n;
		int ncol;
		if (campaign_progress_history_query(&c, db, NULL, NULL, NULL))
			fail("progress history");
		ncol = campaign_cursor_column_count(c);
		while (n < want && campaign_cursor_next(c) == CAMPAIGN_OK) {
			for (int i = 0; i < ncol; i++)
				(void)campaign_cursor_text(c, i);
			n++;
		}
		campaign_cursor_free(c);
		if (n == before)
			break;
	}
	report("iterate.c", "progress_history", bench_now() - t0, n);
	campaign_close(db);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 6 && !strcmp(argv[1], "setup"))
		return setup(argc, argv);
	if (argc >= 5 && !strcmp(argv[1], "import"))
		return import(argc, argv);
	if (argc >= 7 && !strcmp(argv[1], "query"))
		return query(argc, argv);
	if (argc == 4 && !strcmp(argv[1], "evaluate"))
		return evaluate(argv);
	if (argc == 4 && !strcmp(argv[1], "iterate"))
		return iterate(argv);
	fprintf(stderr, "usage: bench_campaign setup|import|query|evaluate|iterate ... (see the source)\n");
	return 2;
}
