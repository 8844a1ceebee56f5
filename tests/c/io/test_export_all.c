/* campaign_export_all() (issue 15 item 4): a store with progress, findings, a
 * ledger, a register graded by two models, people, rules, evaluations and
 * decided proposals is exported; every file the manifest gives an import
 * for is imported into a fresh store (the plan first, then the manifest's
 * order) and the two stores' listings are the same, value for value. An
 * existing directory is refused, a failure leaves nothing, the confidential
 * listings need the key. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "testutil.h"

#define EXAMPLE(d, f) CAMPAIGN_SOURCE_DIR "/examples/" d "/" f
#define DATA(d, f) CAMPAIGN_SOURCE_DIR "/tests/data/" d "/" f
#define RARE "\xF0\xA0\x80\x8B" /* U+2000B, outside the BMP */

static void ok(int rc)
{
	if (rc < 0)
		fprintf(stderr, "unexpected: %s\n", campaign_error_message());
	assert_true(rc >= 0);
}

/* The YAML documents the tables need: catalogues and models (matrix-5x5 the default); the export
 * writes each version back as YAML. */
static void documents(campaign_db *db)
{
	ok(campaign_catalogue_import_file(db, NULL, EXAMPLE("catalogues", "ten-categories.yaml"), "office"));
	ok(campaign_catalogue_import_file(db, NULL, EXAMPLE("catalogues", "five-behaviours.yaml"), "office"));
	ok(campaign_risk_model_import_file(db, NULL, EXAMPLE("models", "matrix-5x5.yaml"), "office"));
	ok(campaign_risk_model_import_file(db, NULL, EXAMPLE("models", "weighted-factors.yaml"), "office"));
}

static const char PROGRESS[] = "outcome,unit,status,percent,date,note,evidence\n"
                               "t1.2.o1,kuangguan,in_progress,50,2010-11-15,已部署" RARE ",\n"
                               "t1.2.o1,kuangguan,in_progress,60,2010/11/16,=1+1,\"文号 1, 2\"\n";
static const char FINDING_RARE[] = "id,unit,origin,description,amount,found_on,people\n"
                                   "F-" RARE ",liyong,audit,\"=审计发现" RARE ",\"\"多收\"\"\",12.5,2010/12/03,王" RARE "\n";
static const char FINDING_IN_ROUND[] = "id,unit,origin,description,found_on,round\n"
                                       "F-R,mabian,self_reported,自查发现" RARE ",2010-12-01,spot-2010/mabian\n";
static const char POINT_5X5[] = "id,unit,scope,scope_name,type,name,description,inputs,graded_on\n"
                                "P-" RARE ",liyong,post,出让岗" RARE ",post,审批" RARE ",\"-说明,\"\"引号\"\"\","
                                "\"likelihood=4,impact=5\",2010-11-20\n"
                                "P-2,liyong,post,出让岗,post,未评级,,,\n";

static const char BEHAVIOURS_2[] = "format: 1\n"
                                   "catalogue: {id: five-behaviours, name: 五类行为, source: x, consequence: suspension}\n"
                                   "categories:\n"
                                   "  - {id: b1, label: 一, text: \"在审批中\\\"弄虚作假\\\"\"}\n"
                                   "  - {id: b6, label: 六, text: 新增" RARE ", consequence: removal}\n";

/* The source store: every table its importers fill, then what only single writes make. */
static campaign_db *source(void)
{
	campaign_db *db = open_seed();
	campaign_rows_import_options weighted = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	campaign_cursor *c;
	char id[128] = "";
	weighted.model = "weighted-factors";
	documents(db);
	ok(campaign_rules_import_file(db, NULL, EXAMPLE("rules", "leshan-2010.yaml"), "office"));
	/* a rule set of every other kind's parameters (a list, a month-day, a flag, text with quotes) */
	ok(campaign_rules_import_string(db, NULL,
	                                "format: 1\nruleset: {id: extra, name: \"另\\\"一\\\"套\", source: x}\nrules:\n"
	                                "  - {id: r1, kind: key_post_tenure, years: 3, kinds: [budget, projects]}\n",
	                                "extra.yaml", "office"));
	ok(campaign_progress_import_string(db, NULL, PROGRESS, "p.csv", NULL, "office"));
	/* the rounds (a group's, a unit's with its report, a group member's of its own series) before the
	 * findings, one of which names a round */
	ok(campaign_inspection_rounds_import_file(db, NULL, DATA("inspection", "rounds.csv"), NULL, "office"));
	ok(campaign_findings_import_file(db, NULL, DATA("inspection", "findings.csv"), NULL, "office"));
	ok(campaign_findings_import_string(db, NULL, FINDING_RARE, "f.csv", NULL, "office"));
	ok(campaign_findings_import_string(db, NULL, FINDING_IN_ROUND, "f.csv", NULL, "office"));
	ok(campaign_rectifications_import_file(db, NULL, DATA("inspection", "ledger.csv"), NULL, "office"));
	/* a second version of a catalogue without the category a finding is of (it keeps version 1) */
	assert_int_equal(campaign_catalogue_import_string(db, NULL, BEHAVIOURS_2, "b2.yaml", "office"), 2);
	assert_int_equal(campaign_risk_register_import_file(db, NULL, DATA("risk", "register.yaml"), &weighted, "office"), 2);
	assert_int_equal(campaign_risk_register_import_string(db, NULL, POINT_5X5, "p.csv", NULL, "office"), 2);
	ok(campaign_risk_point_confidential_set(db, NULL, "P-2", "举报人 王" RARE, "office"));
	ok(campaign_evaluations_import_file(db, NULL, DATA("accountability", "evaluations.yaml"), NULL, "office"));
	ok(campaign_people_import_file(db, NULL, EXAMPLE("people", "leshan-2010-people.yaml"), NULL, "office"));
	ok(campaign_case_lead_add(NULL, db, NULL,
	                          &(campaign_case_lead_add_options){CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION, "L-1", NULL,
	                                                            "mabian", "2010-11-18", "收受红包" RARE, "李某", NULL},
	                          "office"));
	/* proposals, one of them decided */
	assert_true(campaign_accountability_evaluate(db, NULL, "2011-02-01", "office") > 0);
	ok(campaign_proposals_query(&c, db, NULL, "pending", NULL));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	snprintf(id, sizeof id, "%s", campaign_cursor_get(c, "id"));
	campaign_cursor_free(c);
	ok(campaign_proposal_decide(db, NULL,
	                            &(campaign_proposal_decide_options){CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, id,
	                                                                "accept", NULL, NULL, "同意", "2011-02-02"},
	                            "领导"));
	return db;
}

static void export_dir(char *out, size_t n, const char *name)
{
	snprintf(out, n, "/tmp/campaign-export-%d-%s", (int)getpid(), name);
}

/* How many entries @dir's parent has whose name starts with @dir's (the export and its temporary). */
static int siblings(const char *dir)
{
	const char *slash = strrchr(dir, '/');
	char parent[512], *base;
	DIR *d;
	struct dirent *e;
	int n = 0;
	snprintf(parent, sizeof parent, "%.*s", (int)(slash - dir), dir);
	base = (char *)slash + 1;
	assert_non_null(d = opendir(parent));
	while ((e = readdir(d)))
		n += !strncmp(e->d_name, base, strlen(base));
	closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	char *s;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* Imports the file @file of @dir as the manifest's command @cmd says. */
static void import_as(campaign_db *db, const char *dir, const char *file, const char *cmd)
{
	char path[1024];
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	const char *model = strstr(cmd, "--model ");
	char m[128];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	if (model) {
		snprintf(m, sizeof m, "%s", model + 8);
		o.model = m;
	}
	if (!strncmp(cmd, "campaign import ", 16))
		ok(campaign_plan_import_file(db, path, "clerk", NULL));
	else if (strstr(cmd, "catalogue import"))
		ok(campaign_catalogue_import_file(db, NULL, path, "clerk"));
	else if (strstr(cmd, "model import"))
		ok(campaign_risk_model_import_file(db, NULL, path, "clerk"));
	else if (strstr(cmd, "rules import"))
		ok(campaign_rules_import_file(db, NULL, path, "clerk"));
	else if (strstr(cmd, "people import"))
		ok(campaign_people_import_file(db, NULL, path, &o, "clerk"));
	else if (strstr(cmd, "progress import"))
		ok(campaign_progress_import_file(db, NULL, path, &o, "clerk"));
	else if (strstr(cmd, "round import"))
		ok(campaign_inspection_rounds_import_file(db, NULL, path, &o, "clerk"));
	else if (strstr(cmd, "finding import"))
		ok(campaign_findings_import_file(db, NULL, path, &o, "clerk"));
	else if (strstr(cmd, "rectification import"))
		ok(campaign_rectifications_import_file(db, NULL, path, &o, "clerk"));
	else if (strstr(cmd, "evaluation import"))
		ok(campaign_evaluations_import_file(db, NULL, path, &o, "clerk"));
	else if (strstr(cmd, "register import"))
		ok(campaign_risk_register_import_file(db, NULL, path, &o, "clerk"));
	else
		fail_msg("no importer for %s", cmd);
}

/* The manifest's rows as file/import pairs, in order; returns how many files it lists. */
static int replay(campaign_db *db, const char *dir, int *imported)
{
	char path[1024], *text, *line, *save = NULL;
	int files = 0;
	snprintf(path, sizeof path, "%s/MANIFEST.csv", dir);
	text = slurp(path);
	assert_memory_equal(text, "\xef\xbb\xbf" "file,what,rows,sha256,import,note\r\n", 38);
	*imported = 0;
	for (line = strtok_r(text + 38, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		/* file,"what",rows,sha256,import,note: the import is the cell after the 64 hex digits */
		char file[256], cmd[512];
		const char *sha, *end;
		assert_true(sscanf(line, "%255[^,]", file) == 1 || line[0] == ',');
		if (line[0] == ',')
			continue; /* left out: a note */
		files++;
		for (sha = strchr(line, ','); sha; sha = strchr(sha + 1, ','))
			if (strspn(sha + 1, "0123456789abcdef") == 64 && sha[65] == ',')
				break;
		assert_non_null(sha);
		end = strchr(sha + 66, ',');
		snprintf(cmd, sizeof cmd, "%.*s", (int)(end - (sha + 66)), sha + 66);
		if (*cmd) {
			import_as(db, dir, file, cmd);
			++*imported;
		}
	}
	free(text);
	return files + 1; /* the manifest itself */
}

/* Every value of @cols (comma-separated) in every row, "|"-joined; free() it. */
static char *values(campaign_cursor *c, const char *cols, int *rows)
{
	size_t cap = 1 << 18, n = 0;
	char *out = malloc(cap), list[1024];
	assert_non_null(out);
	*rows = 0;
	out[0] = '\0';
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		snprintf(list, sizeof list, "%s", cols);
		for (char *k = strtok(list, ","); k; k = strtok(NULL, ",")) {
			const char *v = campaign_cursor_get(c, k);
			assert_true(campaign_cursor_column_index(c, k) >= 0);
			n += (size_t)snprintf(out + n, cap - n, "%s|", v ? v : "<NULL>");
			assert_true(n < cap);
		}
		n += (size_t)snprintf(out + n, cap - n, "\n");
		++*rows;
	}
	campaign_cursor_free(c);
	return out;
}

static int q_progress(campaign_cursor **c, campaign_db *db)
{
	return campaign_progress_history_query(c, db, NULL, NULL, NULL);
}
static int q_findings(campaign_cursor **c, campaign_db *db)
{
	return campaign_findings_query(c, db, NULL, NULL, NULL);
}
static int q_rounds(campaign_cursor **c, campaign_db *db)
{
	return campaign_inspection_rounds_query(c, db, NULL, NULL, NULL, "2011-02-01");
}
static int q_ledger(campaign_cursor **c, campaign_db *db)
{
	return campaign_rectification_ledger_query(c, db, NULL, NULL, "2011-01-01");
}
static int q_points(campaign_cursor **c, campaign_db *db)
{
	return campaign_risk_points_query(c, db, NULL, NULL);
}
static int q_ranking(campaign_cursor **c, campaign_db *db)
{
	return campaign_evaluation_ranking_query(c, db, NULL, 2011, NULL, NULL);
}
static int q_people(campaign_cursor **c, campaign_db *db)
{
	return campaign_people_query(c, db, NULL, NULL);
}
static int q_rules(campaign_cursor **c, campaign_db *db)
{
	return campaign_rules_query(c, db, NULL);
}
static int q_posts(campaign_cursor **c, campaign_db *db)
{
	return campaign_posts_query(c, db, NULL, NULL);
}
static int q_holdings(campaign_cursor **c, campaign_db *db)
{
	return campaign_post_holdings_query(c, db, NULL, NULL);
}
static int q_catalogues(campaign_cursor **c, campaign_db *db)
{
	return campaign_catalogues_query(c, db, NULL);
}
static int q_categories(campaign_cursor **c, campaign_db *db)
{
	return campaign_violation_categories_query(c, db, NULL, "ten-categories", 0);
}
static int q_behaviours(campaign_cursor **c, campaign_db *db)
{
	return campaign_violation_categories_query(c, db, NULL, "five-behaviours", 0);
}
static int q_behaviours_1(campaign_cursor **c, campaign_db *db)
{
	return campaign_violation_categories_query(c, db, NULL, "five-behaviours", 1);
}
static int q_models(campaign_cursor **c, campaign_db *db)
{
	return campaign_risk_models_query(c, db, NULL);
}
static int q_matrix_grades(campaign_cursor **c, campaign_db *db)
{
	return campaign_risk_model_grades_query(c, db, NULL, "matrix-5x5");
}
static int q_weighted_grades(campaign_cursor **c, campaign_db *db)
{
	return campaign_risk_model_grades_query(c, db, NULL, "weighted-factors");
}
static int q_matrix_inputs(campaign_cursor **c, campaign_db *db)
{
	return campaign_risk_model_inputs_query(c, db, NULL, "matrix-5x5");
}
static int q_weighted_inputs(campaign_cursor **c, campaign_db *db)
{
	return campaign_risk_model_inputs_query(c, db, NULL, "weighted-factors");
}
static int q_outcomes(campaign_cursor **c, campaign_db *db)
{
	return campaign_outcome_status_query(c, db, NULL, "2010-12-01");
}

typedef struct listing {
	const char *name;
	int (*query)(campaign_cursor **, campaign_db *);
	const char *cols;
	int rows; /* what the source has */
} listing;

static const listing LISTINGS[] = {
	{"progress", q_progress, "outcome,unit,status,percent,reported_on,note,evidence,current,kind", 2},
	{"findings", q_findings,
	 "id,unit,unit_name,catalogue,version,category,category_text,origin,people,description,amount_fen,amount,"
	 "found_on,round,leniency,reason",
	 5},
	{"rounds", q_rounds,
	 "id,series,unit,unit_name,unit_group,window_first,window_last,deadline,deadline_text,submitted_on,document,"
	 "note,status,findings",
	 13},
	{"ledger", q_ledger,
	 "no,unit_name,category,problem,measure,deadline,responsible,criterion,status_label,overdue,id,finding,unit", 2},
	{"register", q_points,
	 "id,unit,scope,scope_name,type,type_name,name,description,manifestations,owner,leader,inputs,model,grade,"
	 "grade_rank,graded_on,next_review",
	 4},
	{"evaluations", q_ranking, "year,period,unit,unit_name,score,rank,rank_from_bottom,units,evaluated_on", 3},
	{"people", q_people, "id,name,unit,unit_name,retires_on,body,body_role,posts", 17},
	{"posts", q_posts, "id,unit,unit_name,name,kind,kind_label,key_post,principal", 17},
	{"holdings", q_holdings, "person,person_name,post,post_name,unit,kind,key_post,start_on,end_on", 17},
	{"rules", q_rules, "ruleset,version,id,kind,action,action_label,name,source,params", 9},
	{"catalogues", q_catalogues, "id,version,name,source,consequence,categories,current", 3},
	{"ten categories", q_categories, "catalogue,version,id,ref,label,text,consequence", 10},
	{"five behaviours", q_behaviours, "catalogue,version,id,ref,label,text,consequence", 2},
	{"five behaviours v1", q_behaviours_1, "catalogue,version,id,ref,label,text,consequence", 5},
	{"models", q_models, "id,version,kind,name,grades,current,is_default", 2},
	{"matrix grades", q_matrix_grades, "model,version,id,rank,label,owner_level,review_days,color,min", 3},
	{"weighted grades", q_weighted_grades, "model,version,id,rank,label,owner_level,review_days,color,min", 3},
	{"matrix inputs", q_matrix_inputs, "model,version,id,name,weight,min,max,override,levels", 2},
	{"weighted inputs", q_weighted_inputs, "model,version,id,name,weight,min,max,override,levels", 5},
	{"outcome status", q_outcomes, "outcome,shares,done,percent,color,days_late,owing", -1},
};

static void same_listings(campaign_db *from, campaign_db *to)
{
	for (size_t i = 0; i < sizeof LISTINGS / sizeof LISTINGS[0]; i++) {
		const listing *l = &LISTINGS[i];
		campaign_cursor *c;
		int n_from, n_to;
		char *want, *got;
		ok(l->query(&c, from));
		want = values(c, l->cols, &n_from);
		ok(l->query(&c, to));
		got = values(c, l->cols, &n_to);
		if (strcmp(want, got))
			fprintf(stderr, "%s differs:\n--- source\n%s--- imported\n%s", l->name, want, got);
		assert_string_equal(got, want);
		if (l->rows >= 0)
			assert_int_equal(n_from, l->rows);
		free(want);
		free(got);
	}
}

static void round_trip(const char *format)
{
	campaign_export_all_options o = CAMPAIGN_EXPORT_ALL_OPTIONS_INIT;
	campaign_db *from = source(), *to = open_keyed(":memory:", 0);
	char dir[256], path[512], *text;
	int files, listed, imported;
	export_dir(dir, sizeof dir, format);
	o.format = format;
	o.actor = "office";
	files = campaign_export_all(from, NULL, dir, &o);
	ok(files);
	listed = replay(to, dir, &imported);
	assert_int_equal(listed, files);
	/* plan, 3 catalogue versions, 2 models, 2 rule sets, people, progress, rounds, findings, ledger,
	 * evaluations, register (5x5), register-weighted-factors */
	assert_int_equal(imported, 16);
	same_listings(from, to);
	/* the listings beside them, and the confidential ones with the key */
	snprintf(path, sizeof path, "%s/register-weighted-factors.%s", dir, format);
	assert_int_equal(access(path, R_OK), 0);
	if (!strcmp(format, "csv")) {
		snprintf(path, sizeof path, "%s/case-leads-confidential.csv", dir);
		text = slurp(path);
		assert_non_null(strstr(text, "收受红包" RARE));
		free(text);
		snprintf(path, sizeof path, "%s/risk-confidential.csv", dir);
		text = slurp(path);
		assert_non_null(strstr(text, "举报人 王" RARE));
		free(text);
		snprintf(path, sizeof path, "%s/proposals.csv", dir);
		text = slurp(path);
		assert_non_null(strstr(text, ",accepted,领导,2011-02-02,同意,"));
		free(text);
		snprintf(path, sizeof path, "%s/progress.csv", dir);
		text = slurp(path);
		/* the importer's names; the formula-like note after its apostrophe, a comma quoted */
		assert_memory_equal(text, "\xef\xbb\xbf" "outcome,unit,status,percent,date,note,evidence\r\n", 51);
		assert_non_null(strstr(text, ",2010-11-16,'=1+1,\"文号 1, 2\"\r\n"));
		free(text);
		snprintf(path, sizeof path, "%s/rounds.csv", dir);
		text = slurp(path);
		/* the rounds importer's names; a group's rounds a row per member */
		assert_memory_equal(text, "\xef\xbb\xbf" "round,unit,group,window_first,window_last,deadline,deadline_text,"
		                          "submitted_on,document,note\r\n", 96);
		assert_non_null(strstr(text, "\r\nspot-2010/mabian,mabian,counties,2010-11-01,2010-12-31,2010-12-31,12月底,"
		                             "2011-01-05,马国土发〔2011〕1号,\r\n"));
		assert_non_null(strstr(text, ",2010-12-18,乐国土监〔2010〕9号,\"按时报送,附清单\"\r\n"));
		free(text);
		snprintf(path, sizeof path, "%s/MANIFEST.csv", dir);
		text = slurp(path);
		/* the rounds import before the findings that name them */
		assert_non_null(strstr(text, ",campaign inspection round import rounds.csv,"));
		assert_true(strstr(text, "round import rounds.csv") < strstr(text, "finding import findings.csv"));
		free(text);
	}
	remove_files_dir(dir);
	campaign_close(to);
	campaign_close(from);
}

static void test_csv_round_trip(void **state)
{
	(void)state;
	round_trip("csv");
}

static void test_xlsx_round_trip(void **state)
{
	(void)state;
	round_trip("xlsx");
}

/* An existing file or non-empty directory is refused and left as it was; an empty one is taken. */
static void test_existing_directory(void **state)
{
	campaign_db *db = open_seed();
	char dir[256], path[512];
	FILE *f;
	(void)state;
	export_dir(dir, sizeof dir, "existing");
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/keep.txt", dir);
	assert_non_null(f = fopen(path, "w"));
	fclose(f);
	assert_int_equal(campaign_export_all(db, NULL, dir, NULL), CAMPAIGN_ECONFLICT);
	assert_non_null(strstr(campaign_error_message(), "is not empty: an export goes into a new directory"));
	assert_int_equal(siblings(dir), 1);
	assert_int_equal(access(path, R_OK), 0);
	remove(path);
	assert_true(campaign_export_all(db, NULL, dir, NULL) > 0); /* empty now */
	snprintf(path, sizeof path, "%s/plan.yaml", dir);
	assert_int_equal(access(path, R_OK), 0);
	remove_files_dir(dir);
	assert_int_equal(campaign_export_all(db, NULL, SEED_PLAN, NULL), CAMPAIGN_ECONFLICT);
	expect_error(campaign_export_all(db, NULL, NULL, NULL), CAMPAIGN_EINVALID, "campaign_export_all: dir is NULL");
	expect_error(campaign_export_all(db, NULL, dir, &(campaign_export_all_options){
	                                     CAMPAIGN_EXPORT_ALL_OPTIONS_VERSION, "ods", NULL, 0}),
	             CAMPAIGN_EINVALID, "campaign_export_all: format \"ods\" is not csv or xlsx");
	assert_int_equal(siblings(dir), 0);
	campaign_close(db);
}

/* A directory that cannot be made (its parent is a file: root cannot either): nothing is left,
 * the error says where. */
static void test_unwritable(void **state)
{
	campaign_db *db = open_seed();
	char parent[256], dir[512];
	FILE *f;
	(void)state;
	export_dir(parent, sizeof parent, "file");
	assert_non_null(f = fopen(parent, "w"));
	fclose(f);
	snprintf(dir, sizeof dir, "%s/out", parent);
	expect_error(campaign_export_all(db, NULL, dir, NULL), CAMPAIGN_EIO, NULL);
	assert_non_null(strstr(campaign_error_message(), "/out: cannot create a directory beside it (Not a directory)"));
	assert_int_equal(siblings(parent), 1); /* the file alone */
	remove(parent);
	campaign_close(db);
}

/* A failure half-way (a file of the export cannot be written): nothing is left behind. */
static void test_failure_leaves_nothing(void **state)
{
	campaign_db *db = source();
	char dir[256], blocker[512];
	campaign_export_all_options o = CAMPAIGN_EXPORT_ALL_OPTIONS_INIT;
	(void)state;
	export_dir(dir, sizeof dir, "fail");
	/* the confidential listings required, from a handle without the key: refused after the tables */
	campaign_close(db);
	(void)blocker;
	{
		char store[256];
		campaign_db *keyed, *bare;
		tmp_store_path(store, sizeof store, "export-fail");
		keyed = open_keyed(store, 0);
		ok(campaign_plan_import_file(keyed, SEED_PLAN, "office", NULL));
		ok(campaign_case_lead_add(NULL, keyed, NULL,
		                          &(campaign_case_lead_add_options){CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION, "L-1",
		                                                            NULL, "mabian", "2010-11-18", "收受红包", NULL,
		                                                            NULL},
		                          "office"));
		campaign_close(keyed);
		ok(campaign_open(&bare, store, 0));
		o.actor = "office";
		o.confidential = 1;
		assert_int_equal(campaign_export_all(bare, NULL, dir, &o), CAMPAIGN_ELOCKED);
		assert_int_equal(siblings(dir), 0);
		/* by default the confidential listings are left out, the manifest saying why */
		o.confidential = 0;
		assert_true(campaign_export_all(bare, NULL, dir, &o) > 0);
		{
			char path[600], *text;
			snprintf(path, sizeof path, "%s/MANIFEST.csv", dir);
			text = slurp(path);
			assert_non_null(strstr(text, ",case leads with their details and reporters (confidential),,,,left out: "));
			free(text);
			snprintf(path, sizeof path, "%s/case-leads-confidential.csv", dir);
			assert_int_equal(access(path, F_OK), -1);
			snprintf(path, sizeof path, "%s/case-leads.csv", dir);
			assert_int_equal(access(path, R_OK), 0);
		}
		remove_files_dir(dir);
		campaign_close(bare);
		remove_store(store);
	}
}

/* An actor without confidential access: the listings are left out, the manifest says why (and the
 * refusal is logged); -1 leaves them out without a word; 1 fails. */
static void test_confidential_access(void **state)
{
	campaign_db *db = open_seed();
	campaign_export_all_options o = CAMPAIGN_EXPORT_ALL_OPTIONS_INIT;
	char dir[256], path[512], *text;
	(void)state;
	export_dir(dir, sizeof dir, "access");
	ok(campaign_role_grant(db, "office", "supervision_office", NULL, NULL, "office"));
	ok(campaign_role_grant(db, "clerk", "unit_clerk", NULL, "liyong", "office"));
	o.actor = "clerk";
	ok(campaign_export_all(db, NULL, dir, &o));
	snprintf(path, sizeof path, "%s/MANIFEST.csv", dir);
	text = slurp(path);
	assert_non_null(strstr(text, ",case leads with their details and reporters (confidential),,,,\"left out: actor \"\"clerk\"\" "
	                             "(unit_clerk of 利用科) may not read confidential records (case_lead.read_confidential)\"\r\n"));
	assert_non_null(strstr(text, ",risk points' confidential notes (confidential),,,,\"left out: actor "));
	free(text);
	remove_files_dir(dir);
	o.confidential = -1;
	ok(campaign_export_all(db, NULL, dir, &o));
	text = slurp(path);
	assert_null(strstr(text, "(confidential)"));
	free(text);
	remove_files_dir(dir);
	o.confidential = 1;
	assert_int_equal(campaign_export_all(db, NULL, dir, &o), CAMPAIGN_EPERM);
	assert_int_equal(siblings(dir), 0);
	o.actor = "office"; /* the supervision office may */
	ok(campaign_export_all(db, NULL, dir, &o));
	snprintf(path, sizeof path, "%s/case-leads-confidential.csv", dir);
	assert_int_equal(access(path, R_OK), 0);
	remove_files_dir(dir);
	campaign_close(db);
}

TEST_MAIN("export_all", cmocka_unit_test(test_confidential_access), cmocka_unit_test(test_csv_round_trip), cmocka_unit_test(test_xlsx_round_trip),
          cmocka_unit_test(test_existing_directory), cmocka_unit_test(test_unwritable),
          cmocka_unit_test(test_failure_leaves_nothing))
