/* Concurrent writers (issue 18): four processes add progress reports to one
 * file store at once; every write succeeds (SQLite's busy waiting, inside the
 * library), none is lost, and the store verifies. A write that meets a lock
 * held the whole time fails with EBUSY, and only after the busy timeout
 * (5 s: store.c's sqlite3_busy_timeout; no option sets it yet).
 *   CAMPAIGN_CONCURRENT_WRITES=N (default 100)  writes per process */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>
#include "testutil.h"

#define WRITERS 4
#define BUSY_TIMEOUT_MS 5000

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void seed_file(const char *path)
{
	campaign_db *db;
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "office", NULL), CAMPAIGN_OK);
	campaign_close(db);
}

/* A writer's work: @n reports, each its own transaction; exits with the
 * number of writes that failed (0: all done). */
static void writer(const char *path, int w, int n)
{
	static const char *const units[WRITERS] = {"emeishan", "mabian", "emeishan", "mabian"};
	campaign_db *db;
	int failed = 0;
	if (campaign_open(&db, path, 0))
		_exit(100);
	for (int i = 0; i < n; i++) {
		campaign_progress_report_add_options r = report_options("t2.2.o4", units[w], "in_progress", i % 100,
		                                                         "2010-11-20");
		char actor[16];
		snprintf(actor, sizeof actor, "writer%d", w);
		if (campaign_progress_report_add(NULL, db, NULL, &r, actor)) {
			fprintf(stderr, "writer %d, write %d: %s\n", w, i, campaign_error_message());
			failed++;
		}
	}
	campaign_close(db);
	_exit(failed > 99 ? 99 : failed);
}

static void test_four_writers_lose_nothing(void **state)
{
	char path[256];
	const char *env = getenv("CAMPAIGN_CONCURRENT_WRITES");
	int n = env ? atoi(env) : 100, status;
	pid_t pids[WRITERS];
	campaign_db *db;
	(void)state;
	tmp_store_path(path, sizeof path, "concurrent.db");
	seed_file(path);
	for (int w = 0; w < WRITERS; w++) {
		assert_true((pids[w] = fork()) >= 0);
		if (pids[w] == 0)
			writer(path, w, n);
	}
	for (int w = 0; w < WRITERS; w++) {
		assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(raw_int(path, "SELECT count(*) FROM progress_report"), WRITERS * n);
	assert_int_equal(raw_int(path, "SELECT count(DISTINCT actor) FROM progress_report"), WRITERS);
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), WRITERS * n);
	assert_string_equal(verify_summary(db, NULL, NULL), "");
	campaign_close(db);
	remove_store(path);
}

/* Another connection holds the write lock: the library waits the busy
 * timeout out, then fails with EBUSY and writes nothing. */
static void test_held_lock_busy_after_timeout(void **state)
{
	char path[256];
	campaign_db *db;
	sqlite3 *other;
	campaign_progress_report_add_options r = report_options("t2.2.o4", "emeishan", "in_progress", 50, "2010-11-20");
	double t0, waited;
	(void)state;
	tmp_store_path(path, sizeof path, "busy.db");
	seed_file(path);
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	t0 = now_ms();
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "office"), CAMPAIGN_EBUSY);
	waited = now_ms() - t0;
	assert_true(strstr(campaign_error_message(), "locked") != NULL);
	/* the timeout, not the first try: SQLite sleeps in steps, so allow a little under it */
	if (waited < BUSY_TIMEOUT_MS * 0.9)
		print_error("EBUSY after %.0f ms, before the %d ms busy timeout\n", waited, BUSY_TIMEOUT_MS);
	assert_true(waited >= BUSY_TIMEOUT_MS * 0.9);
	assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	/* the lock gone, the same write goes through */
	assert_int_equal(progress_reports(db), 0);
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 1);
	campaign_close(db);
	remove_store(path);
}

TEST_MAIN("robust.concurrency", cmocka_unit_test(test_four_writers_lose_nothing),
          cmocka_unit_test(test_held_lock_busy_after_timeout))
