#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sqlite3.h>
#include "testutil.h"

void tmp_store_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "/tmp/campaign-test-%d-%s", (int)getpid(), name);
	remove(out);
}

void remove_store(const char *path)
{
	char p[600];
	remove(path);
	snprintf(p, sizeof p, "%s-wal", path);
	remove(p);
	snprintf(p, sizeof p, "%s-shm", path);
	remove(p);
}

/* A SCAN of a base table in @tables is a full scan; a SCAN of a view's
 * co-routine that was itself reached by index is not. */
static int scans_whole(const char *detail, const char *const *tables)
{
	for (int k = 0; tables[k]; k++) {
		size_t n = strlen(tables[k]);
		if (!strncmp(detail, "SCAN ", 5) && !strncmp(detail + 5, tables[k], n) &&
		    (detail[5 + n] == '\0' || detail[5 + n] == ' '))
			return 1;
	}
	return 0;
}

void test_hot_queries_indexed(void **state)
{
	const hot_queries *q = *state;
	char path[512];
	campaign_db *db;
	sqlite3 *s;
	tmp_store_path(path, sizeof path, "plans.db");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	campaign_close(db);
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	for (size_t i = 0; i < q->n; i++) {
		char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", q->sql[i]);
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *detail = (const char *)sqlite3_column_text(st, 3);
			if (scans_whole(detail, q->tables) || (!q->sorts_allowed && strstr(detail, "TEMP B-TREE"))) {
				fprintf(stderr, "full scan or sort in query %zu: %s\n  %s\n", i, q->sql[i], detail);
				fail();
			}
		}
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	sqlite3_close(s);
	remove_store(path);
}

void raw_sql(const char *path, const char *sql)
{
	sqlite3 *s;
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(s);
}

long long raw_int(const char *path, const char *sql)
{
	sqlite3 *s;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(s);
	return v;
}

campaign_db *open_keyed(const char *path, unsigned int flags)
{
	campaign_open_options o = CAMPAIGN_OPEN_OPTIONS_INIT;
	campaign_db *db = NULL;
	o.flags = flags;
	o.key = TEST_KEY;
	assert_int_equal(campaign_open_with(&db, path, &o), CAMPAIGN_OK);
	assert_non_null(db);
	return db;
}

campaign_db *open_memory(void)
{
	return open_keyed(":memory:", 0);
}

campaign_db *open_seed(void)
{
	campaign_db *db = open_memory();
	int rc = campaign_plan_import_file(db, SEED_PLAN, "tester", NULL);
	if (rc)
		fprintf(stderr, "seed import: %s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
	return db;
}

int count_rows(campaign_cursor *c)
{
	int n = 0, rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK)
		n++;
	assert_int_equal(rc, CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	return n;
}

static void append(char **s, size_t *n, const char *t)
{
	size_t k = strlen(t);
	*s = realloc(*s, *n + k + 1);
	memcpy(*s + *n, t, k + 1);
	*n += k;
}

/* Every row of @c, columns separated by '|', rows by '\n'; imported_at is
 * skipped because two imports differ in time only. */
static void dump_cursor(char **s, size_t *n, const char *title, campaign_cursor *c)
{
	append(s, n, title);
	append(s, n, ":\n");
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		for (int i = 0; i < campaign_cursor_column_count(c); i++) {
			const char *v = campaign_cursor_text(c, i);
			if (!strcmp(campaign_cursor_column_name(c, i), "imported_at"))
				continue;
			append(s, n, v ? v : "(null)");
			append(s, n, "|");
		}
		append(s, n, "\n");
	}
	campaign_cursor_free(c);
}

char *dump_store(campaign_db *db)
{
	char *s = NULL;
	size_t n = 0;
	campaign_cursor *c;
	append(&s, &n, "");
	if (campaign_campaigns_query(&c, db) == CAMPAIGN_OK)
		dump_cursor(&s, &n, "campaigns", c);
#define DUMP(name, call)                                                                            \
	if (call == CAMPAIGN_OK)                                                                       \
		dump_cursor(&s, &n, name, c);
	DUMP("units", campaign_units_query(&c, db, NULL))
	DUMP("groups", campaign_unit_groups_query(&c, db, NULL))
	DUMP("bodies", campaign_bodies_query(&c, db, NULL))
	DUMP("body members", campaign_body_members_query(&c, db, NULL, NULL))
	DUMP("phases", campaign_phases_query(&c, db, NULL))
	DUMP("milestones", campaign_milestones_query(&c, db, NULL, NULL))
	DUMP("tasks", campaign_tasks_query(&c, db, NULL, NULL))
	DUMP("measures", campaign_measures_query(&c, db, NULL, NULL))
	DUMP("responsibilities", campaign_responsibilities_query(&c, db, NULL, NULL))
	DUMP("outcomes", campaign_outcomes_query(&c, db, NULL, NULL))
#undef DUMP
	/* group members, for every group */
	if (campaign_unit_groups_query(&c, db, NULL) == CAMPAIGN_OK) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK) {
			campaign_cursor *m;
			if (campaign_unit_group_members_query(&m, db, NULL, campaign_cursor_get(c, "id")) == CAMPAIGN_OK)
				dump_cursor(&s, &n, "members", m);
		}
		campaign_cursor_free(c);
	}
	return s;
}

const char *verify_summary(campaign_db *db, const char *checkpoint, const char *public_key)
{
	static char out[16384];
	campaign_cursor *c;
	out[0] = '\0';
	assert_int_equal(campaign_audit_verify(&c, db, checkpoint, public_key), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *o = campaign_cursor_get(c, "object");
		if (!strcmp(campaign_cursor_get(c, "severity"), "notice"))
			continue; /* a notice (an unsigned tail of a store without key) is no problem */
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s:%s:%s ", campaign_cursor_get(c, "problem"),
		         campaign_cursor_get(c, "seq"), o ? o : "");
	}
	campaign_cursor_free(c);
	return out;
}

/* fixtures shared by the core, io, plan and progress tests */
static void expect_columns_v(campaign_cursor *c, va_list ap)
{
	const char *name;
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *want = va_arg(ap, const char *), *got = campaign_cursor_get(c, name);
		if (want ? !got || strcmp(got, want) : got != NULL)
			print_error("column %s\n", name);
		if (want)
			assert_string_equal(got, want);
		else
			assert_null(got);
	}
}

void expect_columns(campaign_cursor *c, ...)
{
	va_list ap;
	va_start(ap, c);
	expect_columns_v(c, ap);
	va_end(ap);
}

void expect_row(campaign_cursor *c, ...)
{
	va_list ap;
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	va_start(ap, c);
	expect_columns_v(c, ap);
	va_end(ap);
}

void expect_raw_ints(const char *path, const raw_check *checks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		long long got = raw_int(path, checks[i].sql);
		if (got != checks[i].want)
			print_error("%s\n", checks[i].sql);
		assert_int_equal(got, checks[i].want);
	}
}

void expect_substrings(const char *text, const char *const *present, const char *const *absent)
{
	for (; present && *present; present++) {
		if (!strstr(text, *present))
			print_error("missing %s\n", *present);
		assert_non_null(strstr(text, *present));
	}
	for (; absent && *absent; absent++) {
		if (strstr(text, *absent))
			print_error("unexpected %s\n", *absent);
		assert_null(strstr(text, *absent));
	}
}

int setup_seed(void **state)
{
	*state = open_seed();
	return 0;
}

int teardown_db(void **state)
{
	campaign_close(*state);
	return 0;
}

void expect_error(int rc, int want, const char *msg)
{
	assert_int_equal(rc, want);
	if (msg)
		assert_string_equal(campaign_error_message(), msg);
}

int progress_reports(campaign_db *db)
{
	campaign_cursor *c;
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	return count_rows(c);
}

campaign_progress_report_add_options report_options(const char *outcome, const char *unit, const char *status,
                                                    int percent, const char *date)
{
	campaign_progress_report_add_options r = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_INIT;
	r.outcome = outcome;
	r.unit = unit;
	r.status = status;
	r.percent = percent;
	r.date = date;
	return r;
}

/* fixtures shared by the accountability, inspection and risk tests */
int cursor_holds(campaign_cursor *c, const char *needle)
{
	int found = 0;
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		for (int i = 0; i < campaign_cursor_column_count(c); i++) {
			const char *v = campaign_cursor_text(c, i);
			if (v && strstr(v, needle))
				found = 1;
		}
	campaign_cursor_free(c);
	return found;
}

int count_query(int rc, campaign_cursor **c)
{
	assert_int_equal(rc, CAMPAIGN_OK);
	return count_rows(*c);
}

const char *column_joined(int rc, campaign_cursor **c, const char *column, const char *where, const char *is)
{
	static char out[2048];
	out[0] = '\0';
	assert_int_equal(rc, CAMPAIGN_OK);
	while (campaign_cursor_next(*c) == CAMPAIGN_OK) {
		const char *v = campaign_cursor_get(*c, column);
		if (!v)
			v = "NULL";
		if (where && strcmp(campaign_cursor_get(*c, where), is))
			continue;
		assert_true(strlen(out) + strlen(v) + 1 < sizeof out);
		strcat(strcat(out, v), " ");
	}
	campaign_cursor_free(*c);
	return out;
}

int store_setup(void **state)
{
	const store_fixture *f = *state;
	*state = f->open();
	return 0;
}

long long audit_entries(campaign_db *db)
{
	campaign_cursor *c;
	long long n = 0;
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n++;
	campaign_cursor_free(c);
	return n;
}

static int refusals_wrong;

void refusal_check(int rc, int want, const char *message)
{
	if (rc != want || strcmp(campaign_error_message(), message)) {
		print_error("want %s \"%s\"\n got %s \"%s\"\n", campaign_error_name(want), message, campaign_error_name(rc),
		            campaign_error_message());
		refusals_wrong++;
	}
}

void test_refusals_held(void **state)
{
	(void)state;
	assert_int_equal(refusals_wrong, 0);
}

void remove_files_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4400];
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			remove(path);
		}
	if (d)
		closedir(d);
	rmdir(dir);
}
