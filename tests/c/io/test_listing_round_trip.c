/* Listings fed back (issue 15 item 4): each listing, written as CSV (every
 * column, as the CLI writes it) or as xlsx (campaign_cursor_write_xlsx), re-imports
 * into its importer in a fresh store with the same plan, giving the same rows,
 * values byte for byte (Chinese, U+2000B 𠀋); the store's own columns (names,
 * labels, grades, ranks, who recorded) are ignored by the importer's schema. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define CATALOGUE(f) CAMPAIGN_SOURCE_DIR "/examples/catalogues/" f
#define MODEL(f) CAMPAIGN_SOURCE_DIR "/examples/models/" f
#define DATA(d, f) CAMPAIGN_SOURCE_DIR "/tests/data/" d "/" f
#define RARE "\xF0\xA0\x80\x8B" /* U+2000B, outside the BMP */

typedef int (*import_fn)(campaign_db *, const char *, const char *, const campaign_rows_import_options *,
                         const char *);
typedef int (*query_fn)(campaign_cursor **, campaign_db *);

static void ok(int rc)
{
	if (rc)
		fprintf(stderr, "unexpected: %s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
}

/* The same plan, catalogues and models as the source, nothing else. */
static campaign_db *fresh(void)
{
	campaign_db *db = open_seed();
	assert_true(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office") > 0);
	assert_true(campaign_catalogue_import_file(db, NULL, CATALOGUE("five-behaviours.yaml"), "office") > 0);
	assert_int_equal(campaign_risk_model_import_file(db, NULL, MODEL("weighted-factors.yaml"), "office"), 1);
	return db;
}

static const char FINDING_RARE[] = "id,unit,origin,description,amount,found_on,people\n"
                                   "F-" RARE ",liyong,audit,\"=审计发现" RARE ",\"\"多收\"\"\",12.5,2010/12/03,王" RARE "\n";
static const char LEDGER_RARE[] = "id,finding,measure,deadline,responsible,criterion\n"
                                  "R-" RARE ",F-" RARE ",退还" RARE ",2011年1月底,利用科科长,全额退还\n";
static const char POINT_RARE[] = "id,unit,scope,scope_name,type,name,description\n"
                                 "P-" RARE ",liyong,post,出让岗" RARE ",post,审批" RARE ",\"-说明,\"\"引号\"\"\"\n";

/* The source: findings, a ledger, a graded register and evaluations, with rare characters. */
static campaign_db *source(void)
{
	campaign_db *db = fresh();
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	o.model = "weighted-factors";
	ok(campaign_inspection_rounds_import_file(db, NULL, DATA("inspection", "rounds.csv"), NULL, "office"));
	ok(campaign_findings_import_file(db, NULL, DATA("inspection", "findings.csv"), NULL, "office"));
	ok(campaign_findings_import_string(db, NULL, FINDING_RARE, "f.csv", NULL, "office"));
	ok(campaign_rectifications_import_file(db, NULL, DATA("inspection", "ledger.csv"), NULL, "office"));
	ok(campaign_rectifications_import_string(db, NULL, LEDGER_RARE, "l.csv", NULL, "office"));
	assert_int_equal(campaign_risk_register_import_file(db, NULL, DATA("risk", "register.yaml"), &o, "office"), 2);
	assert_int_equal(campaign_risk_register_import_string(db, NULL, POINT_RARE, "p.csv", NULL, "office"), 1);
	ok(campaign_evaluations_import_file(db, NULL, DATA("accountability", "evaluations.yaml"), NULL, "office"));
	ok(campaign_people_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/people/leshan-2010-people.yaml", NULL,
	                               "office"));
	ok(campaign_people_import_string(db, NULL, "id,name,unit,retires_on\nP-" RARE ",王" RARE ",liyong,2030/1/5\n",
	                                 "people.csv", NULL, "office"));
	return db;
}

/* One CSV cell: quoted, quotes doubled, NULL empty. */
static void csv_cell(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++)
		fputs(*s == '"' ? "\"\"" : (char[]){*s, 0}, f);
	fputc('"', f);
}

/* Writes every column of @c as CSV to @path. */
static void write_csv(campaign_cursor *c, const char *path)
{
	FILE *f = fopen(path, "wb");
	int n = campaign_cursor_column_count(c), rc;
	assert_non_null(f);
	for (int i = 0; i < n; i++)
		fputs(i ? "," : "", f), fputs(campaign_cursor_column_name(c, i), f);
	fputs("\r\n", f);
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		for (int i = 0; i < n; i++) {
			fputs(i ? "," : "", f);
			csv_cell(f, campaign_cursor_is_null(c, i) ? NULL : campaign_cursor_text(c, i));
		}
		fputs("\r\n", f);
	}
	assert_int_equal(rc, CAMPAIGN_ITEROVER);
	fclose(f);
}

/* Every value of @cols (comma-separated) in every row, "|"-joined; free() it. */
static char *values(campaign_cursor *c, const char *cols)
{
	size_t cap = 1 << 16, n = 0;
	char *out = malloc(cap), list[512];
	assert_non_null(out);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		snprintf(list, sizeof list, "%s", cols);
		for (char *k = strtok(list, ","); k; k = strtok(NULL, ",")) {
			const char *v = campaign_cursor_get(c, k);
			assert_true(campaign_cursor_column_index(c, k) >= 0);
			n += (size_t)snprintf(out + n, cap - n, "%s|", v ? v : "<NULL>");
			assert_true(n < cap);
		}
		n += (size_t)snprintf(out + n, cap - n, "\n");
	}
	campaign_cursor_free(c);
	return out;
}

/* @got is @want, line by line (so that a difference is shown on its own), in @rows lines. */
static void expect_same_lines(char *got, char *want, int rows)
{
	char *g = got, *w = want, *ge, *we;
	int lines = 0;
	for (; (we = strchr(w, '\n')); w = we + 1, g = ge + 1, lines++) {
		assert_non_null(ge = strchr(g, '\n'));
		*ge = *we = '\0';
		assert_string_equal(g, w);
	}
	assert_string_equal(g, "");
	assert_int_equal(lines, rows);
}

typedef struct pair {
	const char *name;
	query_fn query;
	import_fn import;
	const char *compared; /* the columns that must come back byte for byte */
	int rows;
	const campaign_rows_import_options *opts;
} pair;

/* @p's listing from @from as @ext (csv or xlsx) into @to, then the same values. */
static void round_trip(campaign_db *from, campaign_db *to, const pair *p, const char *ext)
{
	campaign_cursor *c;
	char path[256], *want, *got;
	int rc;
	snprintf(path, sizeof path, "/tmp/campaign-listing-%d-%s.%s", (int)getpid(), p->name, ext);
	ok(p->query(&c, from));
	if (!strcmp(ext, "csv"))
		write_csv(c, path);
	else
		ok(campaign_cursor_write_xlsx(c, path, "清单", NULL, NULL));
	campaign_cursor_free(c);
	rc = p->import(to, NULL, path, p->opts, "clerk");
	ok(rc > 0 ? CAMPAIGN_OK : rc); /* the register import answers its count */
	remove(path);
	ok(p->query(&c, from));
	want = values(c, p->compared);
	ok(p->query(&c, to));
	got = values(c, p->compared);
	expect_same_lines(got, want, p->rows);
	free(want);
	free(got);
}

static int findings(campaign_cursor **c, campaign_db *db)
{
	return campaign_findings_query(c, db, NULL, NULL, NULL);
}
static int rectifications(campaign_cursor **c, campaign_db *db)
{
	return campaign_rectifications_query(c, db, NULL, NULL, NULL);
}
static int ledger(campaign_cursor **c, campaign_db *db)
{
	return campaign_rectification_ledger_query(c, db, NULL, NULL, "2011-01-01");
}
static int register_points(campaign_cursor **c, campaign_db *db)
{
	return campaign_risk_points_query(c, db, NULL, NULL);
}
static int ranking(campaign_cursor **c, campaign_db *db)
{
	return campaign_evaluation_ranking_query(c, db, NULL, 2011, NULL, NULL);
}

static int rounds(campaign_cursor **c, campaign_db *db)
{
	return campaign_inspection_rounds_query(c, db, NULL, NULL, NULL, "2011-02-01");
}

static int people(campaign_cursor **c, campaign_db *db)
{
	return campaign_people_query(c, db, NULL, NULL);
}

static const campaign_rows_import_options WEIGHTED = {
	.version = CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION, .model = "weighted-factors"};

static const pair FINDINGS = {"findings", findings, campaign_findings_import_file,
                              "id,unit,unit_name,catalogue,version,category,category_text,origin,people,description,"
                              "amount_fen,amount,found_on,round,leniency,reason",
                              4, NULL};
/* the rounds before the findings, which name them */
static const pair ROUNDS = {"rounds", rounds, campaign_inspection_rounds_import_file,
                            "id,series,unit,unit_name,unit_group,window_first,window_last,deadline,deadline_text,"
                            "submitted_on,document,note,status",
                            13, NULL};
static const pair RECTIFICATIONS = {"rectifications", rectifications, campaign_rectifications_import_file,
                                    "id,finding,unit,problem,measure,deadline,responsible,criterion,status,"
                                    "deadline_text",
                                    3, NULL};
static const pair LEDGER = {"ledger", ledger, campaign_rectifications_import_file,
                            "no,unit_name,category,problem,measure,deadline,responsible,criterion,status_label,"
                            "overdue,id,finding,unit,status",
                            3, NULL};
static const pair REGISTER = {"register", register_points, campaign_risk_register_import_file,
                              "id,unit,scope,scope_name,type,type_name,name,description,manifestations,owner,leader,"
                              "inputs,model,grade,grade_rank,graded_on,next_review",
                              3, &WEIGHTED};
static const pair RANKING = {"evaluations", ranking, campaign_evaluations_import_file,
                             "year,period,unit,unit_name,score,rank,rank_from_bottom,units,evaluated_on", 3, NULL};

/* holdings (the posts column) come only from a YAML file */
static const pair PEOPLE = {"people", people, campaign_people_import_file,
                            "id,name,unit,unit_name,retires_on,body,body_role", 18, NULL};

/* Every pair in both formats, each into its own fresh store (the ledger after the findings). */
static void each_format(const char *ext)
{
	const pair *alone[] = {&REGISTER, &RANKING, &PEOPLE};
	campaign_db *from = source(), *to = fresh();
	round_trip(from, to, &ROUNDS, ext);
	round_trip(from, to, &FINDINGS, ext);
	round_trip(from, to, &RECTIFICATIONS, ext);
	campaign_close(to);
	to = fresh();
	round_trip(from, to, &ROUNDS, ext);
	round_trip(from, to, &FINDINGS, ext);
	round_trip(from, to, &LEDGER, ext);
	for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++)
		round_trip(from, to, alone[i], ext);
	campaign_close(to);
	campaign_close(from);
}

static void test_csv(void **state)
{
	(void)state;
	each_format("csv");
}

static void test_xlsx(void **state)
{
	(void)state;
	each_format("xlsx");
}

/* A column that is neither the importer's nor its listing's is still refused, by name. */
static void test_unknown_column_still_refused(void **state)
{
	campaign_db *db = fresh();
	(void)state;
	expect_error(campaign_findings_import_string(db, NULL, "id,unit,colour\n", "x.csv", NULL, "office"),
	             CAMPAIGN_EINVALID,
	             "x.csv:1:9: unknown column \"colour\" (expected id, unit, category, origin, people, description, "
	             "amount, found_on, round, catalogue)");
	campaign_close(db);
}

TEST_MAIN("listing_round_trip", cmocka_unit_test(test_csv), cmocka_unit_test(test_xlsx),
          cmocka_unit_test(test_unknown_column_still_refused))
