/* Crashes (issue 18): a child process opens a file store, imports the seed
 * plan, a progress CSV of 3,000 rows and a second plan, and is killed with
 * SIGKILL at a random moment of that work. After each kill the store opens,
 * verifies clean, and holds each import whole or not at all.
 *   CAMPAIGN_CRASH_KILLS=300 (default 30)  more kills
 *   CAMPAIGN_CRASH_SEED=N                  the random moments of a run again */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "testutil.h"

#define PROGRESS CAMPAIGN_SOURCE_DIR "/tests/data/progress/many.csv"

static char *progress_csv, *copy_plan; /* the second import's text, the third's */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	char *s;
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	assert_non_null(s = malloc((size_t)n + 1));
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* many.csv's 1,500 reports twice over; the seed plan under another id */
static void make_inputs(void)
{
	char *csv = slurp(PROGRESS), *body = strchr(csv, '\n') + 1, *plan = slurp(SEED_PLAN), *id;
	size_t head = (size_t)(body - csv), nb = strlen(body);
	assert_non_null(progress_csv = malloc(head + 2 * nb + 1));
	memcpy(progress_csv, csv, head);
	memcpy(progress_csv + head, body, nb);
	memcpy(progress_csv + head + nb, body, nb + 1);
	assert_non_null(id = strstr(plan, "id: leshan-ltyg-2010"));
	assert_non_null(copy_plan = malloc(strlen(plan) + 8));
	snprintf(copy_plan, strlen(plan) + 8, "%.*sid: leshan-crash-2010%s", (int)(id - plan), plan,
	         id + strlen("id: leshan-ltyg-2010"));
	free(csv);
	free(plan);
}

/* The child's work; exits 0 when all of it was done. */
static void child_work(const char *path)
{
	campaign_db *db;
	if (campaign_open(&db, path, 0) || campaign_plan_import_file(db, SEED_PLAN, "office", NULL) ||
	    campaign_progress_import_string(db, "leshan-ltyg-2010", progress_csv, "p.csv", NULL, "office") ||
	    campaign_plan_import_string(db, copy_plan, "copy.yaml", "office", NULL))
		_exit(2);
	campaign_close(db);
	_exit(0);
}

/* The counts that show an import whole or absent. */
typedef struct counts {
	long long campaigns, seed_units, copy_units, reports;
} counts;

static counts count_store(const char *path)
{
	counts c;
	c.campaigns = raw_int(path, "SELECT count(*) FROM campaign");
	c.seed_units = raw_int(path, "SELECT count(*) FROM unit JOIN campaign c ON c.rid = unit.campaign "
	                             "WHERE c.id = 'leshan-ltyg-2010'");
	c.copy_units = raw_int(path, "SELECT count(*) FROM unit JOIN campaign c ON c.rid = unit.campaign "
	                             "WHERE c.id = 'leshan-crash-2010'");
	c.reports = raw_int(path, "SELECT count(*) FROM progress_report");
	return c;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Runs the child to its end (killed after @kill_ms when >= 0); its exit status. */
static int run_child(const char *path, double kill_ms)
{
	int status;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		child_work(path);
	if (kill_ms >= 0) {
		struct timespec t = {(time_t)(kill_ms / 1e3), (long)((kill_ms - (long)(kill_ms / 1e3) * 1e3) * 1e6)};
		nanosleep(&t, NULL);
		kill(pid, SIGKILL);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static int none_or(long long n, long long whole)
{
	return n == 0 || n == whole;
}

/* The store opens, verifies, and holds every import whole or not at all. */
static void check_after_kill(const char *path, const counts *full, unsigned seed, int i)
{
	campaign_db *db;
	counts c;
	if (campaign_open(&db, path, 0) != CAMPAIGN_OK) {
		print_error("seed %u kill %d: open: %s\n", seed, i, campaign_error_message());
		fail();
	}
	assert_string_equal(verify_summary(db, NULL, NULL), "");
	campaign_close(db);
	c = count_store(path);
	/* each import whole or absent, and none without the one before it */
	if (!none_or(c.seed_units, full->seed_units) || !none_or(c.copy_units, full->copy_units) ||
	    !none_or(c.reports, full->reports) || (c.reports && !c.seed_units) || (c.copy_units && !c.reports) ||
	    c.campaigns != (c.seed_units > 0) + (c.copy_units > 0)) {
		print_error("seed %u kill %d: campaigns %lld, units %lld + %lld, reports %lld (whole: %lld + %lld, %lld)\n",
		            seed, i, c.campaigns, c.seed_units, c.copy_units, c.reports, full->seed_units, full->copy_units,
		            full->reports);
		fail();
	}
}

static void test_killed_imports_all_or_nothing(void **state)
{
	char path[256];
	const char *env = getenv("CAMPAIGN_CRASH_KILLS"), *senv = getenv("CAMPAIGN_CRASH_SEED");
	int kills = env ? atoi(env) : 30;
	unsigned seed = senv ? (unsigned)strtoul(senv, NULL, 10) : (unsigned)time(NULL);
	double t0, whole_ms;
	counts full;
	(void)state;
	make_inputs();
	tmp_store_path(path, sizeof path, "crash.db");
	/* an undisturbed run: how long the work takes, and its counts */
	t0 = now_ms();
	assert_int_equal(run_child(path, -1), 0);
	whole_ms = now_ms() - t0;
	full = count_store(path);
	assert_int_equal(full.reports, 3000);
	assert_true(full.seed_units > 0 && full.copy_units == full.seed_units && full.campaigns == 2);
	srand(seed);
	for (int i = 0; i < kills; i++) {
		remove_store(path);
		run_child(path, whole_ms * rand() / RAND_MAX);
		check_after_kill(path, &full, seed, i);
	}
	remove_store(path);
	free(progress_csv);
	free(copy_plan);
}

TEST_MAIN("robust.crash", cmocka_unit_test(test_killed_imports_all_or_nothing))
