/* Allocation failure (issue 18): every allocation of a small case -- open, a
 * plan import, a CSV import, a person, rules, an evaluation, a grading model, a risk register, an
 * export --all (which must leave no directory behind), verify, a backup -- is failed in turn, SQLite's (through
 * sqlite3_config(SQLITE_CONFIG_MALLOC)) and the library's own (the link
 * wraps malloc, calloc and realloc of the static library's objects, see
 * tests/CMakeLists.txt). For every N the call returns CAMPAIGN_OK or
 * CAMPAIGN_ENOMEM, never another code; after ENOMEM the store is exactly as
 * before (the dump compared) and verifies; after OK it is as after an
 * undisturbed call; SQLite's allocations all come back at close (the ASan
 * build checks the library's own for leaks). The inner header is included
 * only so that the test links the static library, whose calls the link wraps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <sqlite3.h>
#include <unistd.h>
#include "testutil.h"
#include "core/core.h"

/* ---- the failing allocators ---- */

#include "alloc_shim.h"
static long sqlite_live; /* SQLite's allocations not yet freed */

static sqlite3_mem_methods base;

static void *s_malloc(int n)
{
	void *p = fail_now() ? NULL : base.xMalloc(n);
	sqlite_live += p != NULL;
	return p;
}

static void s_free(void *p)
{
	sqlite_live -= p != NULL;
	base.xFree(p);
}

static void *s_realloc(void *p, int n) { return fail_now() ? NULL : base.xRealloc(p, n); }
static int s_size(void *p) { return base.xSize(p); }
static int s_roundup(int n) { return base.xRoundup(n); }
static int s_init(void *a) { return base.xInit(a); }
static void s_shutdown(void *a) { base.xShutdown(a); }

/* ---- the case ---- */

static const char PLAN[] = "format: 1\n"
                           "campaign:\n  id: mini\n  title: 测试方案\n  period: \"2010年10月开始,至2011年12月\"\n"
                           "units:\n  - id: city\n    name: 市局\n    kind: bureau\n    units:\n"
                           "      - id: liyong\n        name: 利用科\n        kind: department\n"
                           "unit_groups:\n  - id: depts\n    name: 各科室\n    members: [liyong]\n"
                           "phases:\n  - id: p1\n    name: 动员部署\n    period: 2010年10月\n    milestones:\n"
                           "      - id: p1.m1\n        text: 完成动员部署\n        deadline: 10月底\n        unit: city\n"
                           "tasks:\n  - id: t1\n    label: (一)\n    title: 任务\n    tasks:\n"
                           "      - id: t1.1\n        title: 子任务\n        measures:\n"
                           "          - id: t1.1.m1\n            text: 措施\n            lead: [liyong]\n"
                           "            support: [depts]\n        outcomes:\n"
                           "          - id: t1.1.o1\n            text: 成果\n            deadline: 2010年11月底完成\n";
static const char CSV[] = "outcome,unit,status,percent,date,note,evidence\n"
                          "t1.1.o1,liyong,in_progress,50,2010-11-15,\"清理过半,\"\"二期\"\"\",\n"
                          "t1.1.o1,liyong,done,100,2010-11-28,完成,附件\n";

/* two rules, two proposals at the end of 2011: 利用科 not toured in 2010 (2011 is due on its last day),
   and a sql rule naming a person (checked to exist: out of memory there is no bad rule) */
static const char RULES[] = "format: 1\nruleset:\n  id: mini-rules\n  name: 巡视规则\n"
                            "rules:\n  - id: tour\n    name: 每年巡视一次\n    kind: tour_missing\n    group: depts\n"
                            "  - id: talk\n    name: 约谈\n    kind: sql\n    action: interview\n"
                            "    query: \"SELECT unit, 'zhang' AS person, 'note' AS evidence, '约谈' AS reason "
                            "FROM rule_unit WHERE campaign = :campaign AND unit = 'liyong'\"\n";

enum { OPEN, PLAN_IMPORT, CSV_IMPORT, PERSON_ADD, RULES_IMPORT, EVALUATE, MODEL_IMPORT, REGISTER_IMPORT, EXPORT_ALL,
       VERIFY, BACKUP, STEPS };
static const char *const STEP_NAMES[] = {"open",         "plan import", "csv import",      "person add",
                                         "rules import", "evaluation",  "model import",    "register import",
                                         "export all",   "verify",      "backup"};

/* a 2 x 2 grading model, and a register of two points graded under it */
static const char MODEL[] = "format: 1\nmodel: {id: small, kind: matrix, name: 小矩阵}\n"
                            "grades:\n  - {id: \"1\", label: 高, owner_level: 一级, review_days: 90, color: red}\n"
                            "  - {id: \"2\", label: 低, owner_level: 二级, review_days: 180, color: blue}\n"
                            "likelihood: [低, 高]\nimpact: [轻, 重]\ncells:\n  - [\"2\", \"2\"]\n  - [\"2\", \"1\"]\n";
static const char REGISTER[] = "id,unit,scope,scope_name,type,name,inputs,graded_on\n"
                               "R-1,liyong,business,土地出让审批,process,出让方案审查,\"likelihood=2,impact=2\",2010-11-10\n"
                               "R-2,city,post,局长,post,违规决策,\"likelihood=1,impact=2\",2010-11-12\n";

/* export --all into a directory of this process: after a failure nothing may be left (neither
 * the directory nor its temporary sibling); after success it is removed for the next run. */
static int export_all(campaign_db *db)
{
	char dir[128], path[512];
	DIR *d;
	struct dirent *e;
	int rc, left = 0;
	snprintf(dir, sizeof dir, "/tmp/campaign-alloc-export-%d", (int)getpid());
	rc = campaign_export_all(db, NULL, dir, NULL);
	if ((d = opendir("/tmp"))) {
		while ((e = readdir(d)))
			if (!strncmp(e->d_name, dir + 5, strlen(dir + 5))) {
				left++;
				snprintf(path, sizeof path, "/tmp/%s", e->d_name);
				remove_files_dir(path);
			}
		closedir(d);
	}
	if (rc < 0)
		return left ? error_set(CAMPAIGN_ERROR, "a failed export left %d directories", left) : rc;
	return left == 1 && rc > 20 ? CAMPAIGN_OK : error_set(CAMPAIGN_ERROR, "export: %d files, %d directories", rc, left);
}

/* the backup's file: made anew by each run of that step, and none after a failed one */
static char backup_path[512];

/* Runs step @s on *db (the open makes it). */
static int run(int s, campaign_db **db)
{
	campaign_cursor *c;
	int rc, problems = 0;
	switch (s) {
	case OPEN: return campaign_open(db, ":memory:", 0);
	case PLAN_IMPORT: return campaign_plan_import_string(*db, PLAN, "mini.yaml", "office", NULL);
	case CSV_IMPORT: return campaign_progress_import_string(*db, NULL, CSV, "p.csv", NULL, "office");
	case PERSON_ADD: {
		campaign_person_add_options p = CAMPAIGN_PERSON_ADD_OPTIONS_INIT;
		p.id = "zhang", p.name = "张三", p.unit = "liyong";
		return campaign_person_add(NULL, *db, NULL, &p, "office");
	}
	case RULES_IMPORT: /* the version in force: 1 */
		rc = campaign_rules_import_string(*db, NULL, RULES, "rules.yaml", "office");
		return rc == 1 ? CAMPAIGN_OK : rc > 1 ? error_set(CAMPAIGN_ERROR, "rules version %d", rc) : rc;
	case EVALUATE:
		rc = campaign_accountability_evaluate(*db, NULL, "2011-12-31", "office");
		return rc == 2 ? CAMPAIGN_OK : rc >= 0 ? error_set(CAMPAIGN_ERROR, "evaluation made %d proposals", rc) : rc;
	case MODEL_IMPORT: /* the version in force: 1 */
		rc = campaign_risk_model_import_string(*db, NULL, MODEL, "small.yaml", "office");
		return rc == 1 ? CAMPAIGN_OK : rc > 1 ? error_set(CAMPAIGN_ERROR, "model version %d", rc) : rc;
	case REGISTER_IMPORT: /* two points */
		rc = campaign_risk_register_import_string(*db, NULL, REGISTER, "register.csv", NULL, "office");
		return rc == 2 ? CAMPAIGN_OK : rc >= 0 ? error_set(CAMPAIGN_ERROR, "%d points imported", rc) : rc;
	case EXPORT_ALL:
		return export_all(*db);
	case BACKUP:
		remove_store(backup_path);
		rc = campaign_backup(*db, "office", backup_path);
		problems = armed, armed = 0; /* the checks' own allocations are not failed */
		if (rc && access(backup_path, F_OK) == 0)
			rc = error_set(CAMPAIGN_ERROR, "a failed backup (%s) left its file", campaign_error_name(rc));
		else if (!rc && raw_int(backup_path, "SELECT count(*) FROM outcome") != 1)
			rc = error_set(CAMPAIGN_ERROR, "the backup does not hold the store");
		armed = problems;
		return rc;
	default:
		if ((rc = campaign_audit_verify(&c, *db, NULL, NULL)))
			return rc;
		while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK)
			problems += strcmp(campaign_cursor_get(c, "severity"), "notice") != 0;
		campaign_cursor_free(c);
		if (problems)
			return error_set(CAMPAIGN_ERROR, "verify found %d problems", problems);
		return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
	}
}

/* A store with the steps before @s done, undisturbed. */
static campaign_db *prepared(int s)
{
	campaign_db *db = NULL;
	for (int i = 0; i < s; i++)
		if (run(i, &db) != CAMPAIGN_OK)
			fail_msg("%s, undisturbed: %s (%s)", STEP_NAMES[i], campaign_error_name(campaign_error_code_last()),
			         campaign_error_message());
	return db;
}

/* One run of step @s with allocation @n failed; 1 when the step had fewer
 * allocations than @n (the sweep is over). */
static int sweep_once(int s, long n, const char *want_after)
{
	campaign_db *db = prepared(s);
	char *before = db ? dump_store(db) : NULL, *after;
	long live = sqlite_live;
	long long entries = db ? audit_entries(db) : 0;
	int rc;
	count = 0, fail_at = n, injected = 0, armed = 1;
	rc = run(s, &db);
	armed = 0;
	if (rc != CAMPAIGN_OK && rc != CAMPAIGN_ENOMEM)
		fail_msg("%s, allocation %ld failed: %s (%s)", STEP_NAMES[s], n, campaign_error_name(rc),
		         campaign_error_message());
	if (!injected)
		assert_int_equal(rc, CAMPAIGN_OK);
	if (db) {
		after = dump_store(db);
		if (strcmp(after, rc ? before : want_after) && getenv("CAMPAIGN_ALLOC_DIFF"))
			fprintf(stderr, "---- want\n%s\n---- got\n%s\n", rc ? before : want_after, after);
		if (strcmp(after, rc ? before : want_after))
			fail_msg("%s, allocation %ld failed (%s): the store changed", STEP_NAMES[s], n, campaign_error_name(rc));
		free(after);
		if (rc && audit_entries(db) != entries)
			fail_msg("%s, allocation %ld failed (%s): the audit log went from %lld to %lld entries", STEP_NAMES[s], n,
			         campaign_error_name(rc), entries, audit_entries(db));
		if (strcmp(verify_summary(db, NULL, NULL), ""))
			fail_msg("%s, allocation %ld failed (%s): verify finds %s", STEP_NAMES[s], n, campaign_error_name(rc),
			         verify_summary(db, NULL, NULL));
		campaign_close(db);
	} else if (s == OPEN) {
		assert_int_equal(rc, CAMPAIGN_ENOMEM);
		if (sqlite_live != live)
			fail_msg("open, allocation %ld failed: %ld SQLite allocations leaked", n, sqlite_live - live);
	}
	free(before);
	return !injected;
}

/* How many allocations step @s makes, undisturbed. */
static long allocations(int s)
{
	campaign_db *db = prepared(s);
	count = 0, fail_at = 0, armed = 1;
	assert_int_equal(run(s, &db), CAMPAIGN_OK);
	armed = 0;
	campaign_close(db);
	return count;
}

/* Fails each allocation of step @s in turn -- or, to keep CI short, every
 * k-th from a start that varies by step: CAMPAIGN_ALLOC_EVERY=1 runs them all. */
static void sweep(int s)
{
	campaign_db *db;
	char *want_after;
	const char *every = getenv("CAMPAIGN_ALLOC_EVERY"), *at = getenv("CAMPAIGN_ALLOC_AT");
	const char *only = getenv("CAMPAIGN_ALLOC_ONLY");
	long total, k, n, tried = 0, live = sqlite_live;
	/* CAMPAIGN_ALLOC_ONLY="evaluation" sweeps that step alone (with CAMPAIGN_ALLOC_EVERY=1: all of it) */
	if (only && strcmp(only, STEP_NAMES[s]))
		return;
	total = allocations(s), k = every ? atol(every) : total / 35 + 1;
	db = prepared(s + 1);
	want_after = dump_store(db);
	campaign_close(db);
	assert_int_equal(sqlite_live, live);
	/* CAMPAIGN_ALLOC_AT=N fails the Nth allocation of every step only (to debug one) */
	for (n = at ? atol(at) : 1 + (k > 1 ? s % k : 0); n <= total; n += at ? total : k < 1 ? 1 : k, tried++) {
		/* counts can differ by a few between runs (SQLite's caches): fewer is the end */
		if (sweep_once(s, n, want_after))
			break;
		if (sqlite_live != live)
			fail_msg("%s, allocation %ld failed: %ld SQLite allocations leaked", STEP_NAMES[s], n, sqlite_live - live);
	}
	/* past the last allocation the step runs undisturbed */
	assert_int_equal(sweep_once(s, total + 1, want_after), 1);
	printf("%s: %ld allocations, %ld of them failed in turn\n", STEP_NAMES[s], total, tried);
	free(want_after);
	remove_store(backup_path);
}

static void test_open(void **state) { (void)state, sweep(OPEN); }
static void test_plan_import(void **state) { (void)state, sweep(PLAN_IMPORT); }
static void test_csv_import(void **state) { (void)state, sweep(CSV_IMPORT); }
static void test_person_add(void **state) { (void)state, sweep(PERSON_ADD); }
static void test_rules_import(void **state) { (void)state, sweep(RULES_IMPORT); }
static void test_evaluate(void **state) { (void)state, sweep(EVALUATE); }
static void test_model_import(void **state) { (void)state, sweep(MODEL_IMPORT); }
static void test_register_import(void **state) { (void)state, sweep(REGISTER_IMPORT); }
static void test_export_all(void **state) { (void)state, sweep(EXPORT_ALL); }
static void test_verify(void **state) { (void)state, sweep(VERIFY); }
static void test_backup(void **state) { (void)state, sweep(BACKUP); }

int main(void)
{
	static sqlite3_mem_methods counting = {s_malloc, s_free, s_realloc, s_size, s_roundup, s_init, s_shutdown, NULL};
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_open), cmocka_unit_test(test_plan_import),
	                                   cmocka_unit_test(test_csv_import), cmocka_unit_test(test_person_add),
	                                   cmocka_unit_test(test_rules_import),
	                                   cmocka_unit_test(test_evaluate), cmocka_unit_test(test_model_import),
	                                   cmocka_unit_test(test_register_import), cmocka_unit_test(test_export_all),
	                                   cmocka_unit_test(test_verify),
	                                   cmocka_unit_test(test_backup)};
	/* before SQLite is first used: its allocator can only be set then */
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &base) != SQLITE_OK ||
	    sqlite3_config(SQLITE_CONFIG_MALLOC, &counting) != SQLITE_OK)
		return 1;
	tmp_store_path(backup_path, sizeof backup_path, "alloc-backup.db");
	return cmocka_run_group_tests_name("robust.alloc_failure", tests, NULL, NULL);
}
