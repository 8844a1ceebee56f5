/* The one row-import pipeline (libcampaign/io/rows.c), through the public
 * imports: options, dry run with every error up to a limit, the progress
 * callback, imports from a string (format by name or by text), and the
 * cell positions of typed columns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define HEADER "outcome,unit,status,percent,date\n"
#define GOOD1 "t1.2.o1,kuangguan,in_progress,50,2010-11-15\n"
#define GOOD2 "t2.2.o4,emeishan,done,100,2010-12-15\n"

typedef struct seen {
	int calls, errors, stop_at;
	long rows;
	long long done, total;
	char first[512];
	int line[8], col[8];
} seen;

static int on_progress(void *user, long rows, long long done, long long total)
{
	seen *s = user;
	s->calls++;
	s->rows = rows;
	s->done = done;
	s->total = total;
	return s->stop_at && s->calls >= s->stop_at;
}

static void on_error(void *user, int code, const char *file, int line, int column, const char *message)
{
	seen *s = user;
	assert_int_equal(code, CAMPAIGN_EINVALID);
	assert_string_equal(file, "t.csv");
	if (!s->errors)
		snprintf(s->first, sizeof s->first, "%s", message);
	if (s->errors < 8) {
		s->line[s->errors] = line;
		s->col[s->errors] = column;
	}
	s->errors++;
}

/* The fixture of a test with options and callbacks: the seed store, default
 * options, nothing seen yet. */
typedef struct run {
	campaign_db *db;
	campaign_rows_import_options o;
	seen s;
} run;

static int setup_run(void **state)
{
	run *r = calloc(1, sizeof *r);
	assert_non_null(r);
	r->db = open_seed();
	r->o = (campaign_rows_import_options)CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	*state = r;
	return 0;
}

static int teardown_run(void **state)
{
	run *r = *state;
	campaign_close(r->db);
	free(r);
	return 0;
}
#define RUN_TEST(f) cmocka_unit_test_setup_teardown(f, setup_run, teardown_run)

static void test_options(void **state)
{
	campaign_db *db = *state;
	campaign_rows_import_options o;
	assert_int_equal(campaign_rows_import_options_init(NULL, 1), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_rows_import_options_init(&o, 99), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_rows_import_options_init(&o, CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION), CAMPAIGN_OK);
	assert_int_equal(o.dry_run, 0);
	assert_null(o.progress);
	o.version = 7;
	assert_int_equal(campaign_progress_import_string(db, NULL, HEADER GOOD1, "t.csv", &o, "office"), CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(), "version 7"));
	o.version = CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION;
	o.error_limit = -1;
	assert_int_equal(campaign_progress_import_string(db, NULL, HEADER GOOD1, "t.csv", &o, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_progress_import_string(db, NULL, NULL, "t.csv", NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_progress_import_string: text is NULL");
	assert_int_equal(campaign_progress_import_file(db, NULL, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_progress_import_file: path is NULL");
	assert_int_equal(campaign_progress_import_string(db, NULL, HEADER GOOD1, "t.txt", NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.txt: a progress file must end in .csv, .xlsx, .yaml or .yml");
	assert_int_equal(progress_reports(db), 0);
}

/* A dry run checks every row, reports each bad one, writes nothing. */
static void test_dry_run(void **state)
{
	run *r = *state;
	campaign_db *db = r->db;
	char *before = dump_store(db), *after;
	r->o.dry_run = 1;
	r->o.error = on_error;
	r->o.user = &r->s;
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 HEADER GOOD1 "t1.2.o1,kuangguan,finished,50,2010-11-15\n" GOOD2
	                                                 "t1.2.o1,kuangguan,in_progress,5x,2010-11-15\n"
	                                                 "t1.2.o1,nowhere,in_progress,5,2010-11-31\n",
	                                                 "t.csv", &r->o, "office"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.csv:3:19: row 2: status \"finished\" is not one of not_started, "
	                                              "in_progress, done, blocked (and 2 more)");
	assert_int_equal(campaign_error_line(), 3);
	assert_int_equal(r->s.errors, 3);
	assert_string_equal(r->s.first, "t.csv:3:19: row 2: status \"finished\" is not one of not_started, in_progress, "
	                             "done, blocked");
	assert_int_equal(r->s.line[1], 5);
	assert_int_equal(r->s.col[1], 31);
	assert_int_equal(r->s.line[2], 6);
	assert_int_equal(r->s.col[2], 31); /* the date: the unit is looked up only once the columns are good */
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
	/* the limit stops it */
	memset(&r->s, 0, sizeof r->s);
	r->o.error_limit = 1;
	assert_int_equal(campaign_progress_import_string(db, NULL, HEADER "x,y,finished,1,2010-01-01\n" GOOD1
	                                                 "x,y,finished,1,2010-01-01\n", "t.csv", &r->o, "office"),
	                 CAMPAIGN_EINVALID);
	assert_int_equal(r->s.errors, 1);
	assert_string_equal(campaign_error_message(), "t.csv:2:5: row 1: status \"finished\" is not one of not_started, "
	                                              "in_progress, done, blocked");
	/* a clean dry run succeeds and writes nothing */
	assert_int_equal(campaign_progress_import_string(db, NULL, HEADER GOOD1 GOOD2, "t.csv", &r->o, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 0);
	after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
	free(before);
	/* and the same rows for real */
	assert_int_equal(campaign_progress_import_string(db, NULL, HEADER GOOD1 GOOD2, "t.csv", NULL, "office"),
	                 CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 2);
}

static void test_progress_callback(void **state)
{
	run *r = *state;
	campaign_db *db = r->db;
	size_t cap = 1 << 20, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	n += (size_t)snprintf(text + n, cap - n, HEADER);
	for (int i = 0; i < 1000; i++)
		n += (size_t)snprintf(text + n, cap - n, "t1.2.o1,kuangguan,in_progress,%d,2010-11-15\n", i % 100);
	r->o.progress = on_progress;
	r->o.user = &r->s;
	assert_int_equal(campaign_progress_import_string(db, NULL, text, "t.csv", &r->o, "office"), CAMPAIGN_OK);
	assert_int_equal(r->s.calls, 1 + 1000 / 256 + 1); /* after the header, every 256 rows, at the end */
	assert_int_equal(r->s.rows, 1000);
	assert_int_equal(r->s.total, (long long)n);
	assert_int_equal(r->s.done, (long long)n);
	assert_int_equal(progress_reports(db), 1000);
	/* a callback that says stop: nothing is written */
	memset(&r->s, 0, sizeof r->s);
	r->s.stop_at = 2;
	assert_int_equal(campaign_progress_import_string(db, NULL, text, "t.csv", &r->o, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.csv: import stopped");
	assert_int_equal(progress_reports(db), 1000);
	free(text);
}

/* Strings: the format by the name, or without one by the text. Each case:
 * which import, the text, its name, the code, the message (NULL: not
 * checked) and the cell of the error (line 0: not checked). */
static const struct {
	int risk; /* 0: the findings import */
	const char *text, *name;
	int rc;
	const char *msg;
	int line, column;
} strings[] = {
	{0, "id,unit,origin,description,found_on\n"
	    "F-1,emeishan,self_reported,擅自缓缴土地出让金,2010-11-05\n",
	 NULL, CAMPAIGN_OK, NULL, 0, 0},
	{0, "- id: F-2\n  unit: emeishan\n  origin: audit\n"
	    "  description: 虚报\n  found_on: 2010-11-06\n",
	 NULL, CAMPAIGN_OK, NULL, 0, 0},
	{0, "- id: F-3\n  unit: emeishan\n  origin: nowhere\n"
	    "  description: 虚报\n  found_on: 2010-11-06\n",
	 "f.yaml", CAMPAIGN_EINVALID, "f.yaml:3:11: row 1: origin \"nowhere\" is not one of "
	                              "self_reported, investigated, inspection_tour, citizen_report, audit", 0, 0},
	{0, "- id: F-4\n  colour: red\n", NULL, CAMPAIGN_EINVALID, "<string>:2:3: finding 1: unknown key", 0, 0},
	/* a lookup that fails is placed at its own cell */
	{0, "id,unit,category,origin,description,found_on\n"
	    "F-9,emeishan,nowhere/c1,audit,x,2010-11-05\n",
	 "f.csv", CAMPAIGN_EINVALID, NULL, 2, 14},
	{1, "unit,scope,scope_name,type,name\n"
	    "liyong,post,土地供应岗,nosuchtype,供地条件把关\n",
	 "r.csv", CAMPAIGN_EINVALID, "r.csv:2:19: row 1: no risk type \"nosuchtype\" (see campaign_risk_types_query)", 0, 0},
	/* the register's count comes back from a string too */
	{1, "unit,scope,scope_name,type,name\n"
	    "liyong,post,土地供应岗,岗位职责,供地条件把关\n",
	 "r.csv", 1, NULL, 0, 0},
};

static void test_strings(void **state)
{
	campaign_db *db = *state;
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		expect_error(strings[i].risk
		                 ? campaign_risk_register_import_string(db, NULL, strings[i].text, strings[i].name, NULL, "office")
		                 : campaign_findings_import_string(db, NULL, strings[i].text, strings[i].name, NULL, "office"),
		             strings[i].rc, strings[i].msg);
		if (strings[i].line) {
			assert_int_equal(campaign_error_line(), strings[i].line);
			assert_int_equal(campaign_error_column(), strings[i].column);
		}
	}
}

static int people(campaign_db *db)
{
	campaign_cursor *c;
	assert_int_equal(campaign_people_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	return count_rows(c);
}

/* A whole document (people) through the same envelope: dry run, progress. */
static void test_document_import(void **state)
{
	run *r = *state;
	campaign_db *db = r->db;
	const char *path = CAMPAIGN_SOURCE_DIR "/examples/people/leshan-2010-people.yaml";
	int before = people(db);
	r->o.dry_run = 1;
	r->o.progress = on_progress;
	r->o.user = &r->s;
	assert_int_equal(campaign_people_import_file(db, NULL, path, &r->o, "tester"), CAMPAIGN_OK);
	assert_int_equal(people(db), before);
	assert_true(r->s.calls >= 1);
	assert_true(r->s.rows > 0);
	r->o.dry_run = 0;
	assert_int_equal(campaign_people_import_file(db, NULL, path, &r->o, "tester"), CAMPAIGN_OK);
	assert_true(people(db) > before);
	assert_int_equal(campaign_people_import_string(db, NULL, "format: 2\n", NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "<string>:1:9: format must be 1");
}

/* A YAML list reports its progress by the bytes of the items read. */
static void test_yaml_list_progress(void **state)
{
	run *r = *state;
	campaign_db *db = r->db;
	const char *text = "- {outcome: t1.2.o1, unit: kuangguan, status: in_progress, percent: 50, date: 2010-11-15}\n"
	                   "- {outcome: t2.2.o4, unit: emeishan, status: done, percent: 100, date: 2010-12-15}\n";
	r->o.progress = on_progress;
	r->o.user = &r->s;
	assert_int_equal(campaign_progress_import_string(db, NULL, text, "p.yaml", &r->o, "office"), CAMPAIGN_OK);
	assert_int_equal(r->s.calls, 2);
	assert_int_equal(r->s.rows, 2);
	assert_int_equal(r->s.done, (long long)strlen(text));
	assert_int_equal(r->s.total, (long long)strlen(text));
	assert_int_equal(progress_reports(db), 2);
	assert_int_equal(campaign_progress_import_string(db, NULL, "- {outcome: t1.2.o1, percent: [1]}\n", "p.yaml", NULL,
	                                                 "office"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "p.yaml:1:22: report 1: a value must be text");
}

TEST_MAIN("rows",
          SEED_TEST(test_options),
          RUN_TEST(test_dry_run),
          RUN_TEST(test_progress_callback),
          SEED_TEST(test_strings),
          RUN_TEST(test_document_import),
          RUN_TEST(test_yaml_list_progress))
