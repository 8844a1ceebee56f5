/* The dashboard: the seed plan with a few reports on 2010-12-01 gives the
 * supervision list's units and days, red and done cells, every section; the
 * page is escaped, self-contained and its tags balance; errors are exact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define SRC(f) CAMPAIGN_SOURCE_DIR "/" f

static char *page(campaign_db *db, const char *unit)
{
	campaign_dashboard_options o = CAMPAIGN_DASHBOARD_OPTIONS_INIT;
	campaign_buf *b;
	char *s;
	o.as_of = "2010-12-01";
	o.unit = unit;
	assert_int_equal(campaign_dashboard_write_buf(&b, db, NULL, &o), CAMPAIGN_OK);
	s = strdup(campaign_buf_data(b));
	assert_int_equal(strlen(s), campaign_buf_size(b));
	campaign_buf_free(b);
	return s;
}

static void report(campaign_db *db, const char *o, const char *u, const char *date)
{
	campaign_progress_report_add_options r = report_options(o, u, "done", 100, date);
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "clerk"), CAMPAIGN_OK);
}

/* Every element opened is closed, in order (void elements aside). */
static void expect_balanced(const char *s)
{
	static const char *const VOID[] = {"meta", "line", "br", "!DOCTYPE", NULL};
	char stack[256][16], name[16];
	int depth = 0, i, n;
	for (; (s = strchr(s, '<')); s++) {
		int closing = s[1] == '/';
		const char *const *v;
		for (n = 0, i = closing + 1; s[i] && !strchr(" >/", s[i]) && n < 15; i++)
			name[n++] = s[i];
		name[n] = 0;
		for (v = VOID; *v && strcmp(*v, name); v++)
			;
		if (*v || strchr(s, '>')[-1] == '/')
			continue;
		if (!closing) {
			assert_true(depth < 256);
			strcpy(stack[depth++], name);
			continue;
		}
		assert_true(depth > 0);
		assert_string_equal(stack[--depth], name);
	}
	assert_int_equal(depth, 0);
}

/* The heat grid's row of @unit holds each of @parts, in order. */
static void expect_grid_row(const char *page_text, const char *unit, const char *const *parts)
{
	char head[128], *row, *end;
	snprintf(head, sizeof head, "<tr><th>%s</th>", unit);
	assert_non_null(row = strstr(page_text, head));
	assert_non_null(end = strstr(row, "</tr>"));
	row = strndup(row, (size_t)(end - row) + 5);
	for (end = row; *parts; parts++) {
		char *at = strstr(end, *parts);
		if (!at)
			fprintf(stderr, "row %s lacks %s\n", unit, *parts);
		assert_non_null(at);
		end = at + strlen(*parts);
	}
	free(row);
}

static void test_seed_figures(void **state)
{
	campaign_db *db = *state;
	char *s;
	report(db, "t2.1.o1", "jiancha", "2010-11-29");
	report(db, "t1.1.o1", "liyong", "2010-12-01");
	s = page(db, NULL);
	expect_substrings(s, (const char *const[]){
		"<!DOCTYPE html>", "<meta charset=\"utf-8\">", "统计日：2010-12-01",
		"<section id=\"gantt\">", "<section id=\"matrix\">", "<section id=\"supervision\">",
		"<section id=\"risk\">", "<section id=\"coverage\">", "<section id=\"accountability\">",
		/* the supervision list: 监察室 lags most: 3 shares now (t2.1.o1 is done), 62 days */
		"<tr><td class=\"unit\">监察室</td><td>3</td><td class=\"s-red\">62</td>",
		"@page{size:A4 landscape", NULL},
		(const char *const[]){"<script", "http://", "https://", "url(", NULL});
	expect_grid_row(s, "监察室", (const char *const[]){
		/* t2.1.o1 done on time, t2.4.o1 and t2.4.o2 31 days late, t3.2.o4 62; 14 shares */
		"<td class=\"s-done\" title=\"按时完成\">✓</td>",
		"<td class=\"s-red\" title=\"逾期未完成，逾期31天\">31</td><td class=\"s-red\" title=\"逾期未完成，逾期31天\">31</td>",
		"<td class=\"s-red\" title=\"逾期未完成，逾期62天\">62</td>",
		"<td class=\"total\">14</td><td>1</td><td>0</td><td>3</td><td>0</td></tr>", NULL});
	expect_grid_row(s, "利用科", (const char *const[]){
		"<tr><th>利用科</th><td class=\"s-late\" title=\"逾期完成，逾期1天\">迟</td>",
		"<td class=\"total\">3</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>", NULL});
	expect_balanced(s);
	free(s);
}

static void test_unit_filter(void **state)
{
	campaign_db *db = *state;
	char *s = page(db, "纪检监察室"); /* an alias */
	expect_substrings(s, (const char *const[]){"<tr><td class=\"unit\">监察室</td><td>4</td><td class=\"s-red\">62</td>",
		NULL}, (const char *const[]){"利用科", NULL});
	free(s);
}

static void test_errors(void **state)
{
	campaign_db *db = *state;
	campaign_dashboard_options o = CAMPAIGN_DASHBOARD_OPTIONS_INIT;
	campaign_buf *b = NULL;
	o.as_of = "2010-13-01";
	expect_error(campaign_dashboard_write_buf(&b, db, NULL, &o), CAMPAIGN_EINVALID,
	             "\"2010-13-01\" is not a date (YYYY-MM-DD)");
	o.as_of = NULL;
	o.site = "511100";
	expect_error(campaign_dashboard_write_buf(&b, db, NULL, &o), CAMPAIGN_EINVALID,
	             "site \"511100\": this store is no site (campaign site init), it has no sites");
	o.site = NULL;
	o.unit = "nobody";
	expect_error(campaign_dashboard_write_buf(&b, db, NULL, &o), CAMPAIGN_ENOTFOUND, NULL);
	o.unit = NULL;
	o.version = 99;
	expect_error(campaign_dashboard_write_buf(&b, db, NULL, &o), CAMPAIGN_EINVALID, NULL);
	expect_error(campaign_dashboard_write_buf(NULL, db, NULL, NULL), CAMPAIGN_EINVALID,
	             "campaign_dashboard_write_buf: out is NULL");
	expect_error(campaign_dashboard_write(db, NULL, NULL, NULL), CAMPAIGN_EINVALID,
	             "campaign_dashboard_write: path is NULL");
	expect_error(campaign_dashboard_write(db, NULL, NULL, "/nonexistent/d.html"), CAMPAIGN_EIO,
	             "/nonexistent/d.html: cannot write the file");
	assert_null(b);
}

/* A hostile unit name is text, never markup. */
static void test_escaped(void **state)
{
	campaign_db *db = open_memory();
	FILE *f = fopen(SEED_PLAN, "rb");
	static char yaml[1 << 20];
	size_t n = fread(yaml, 1, sizeof yaml - 1, f);
	char *at = strstr(yaml, "name: \"监察室\""), *s;
	char hostile[sizeof yaml];
	(void)state;
	fclose(f);
	yaml[n] = 0;
	assert_non_null(at);
	snprintf(hostile, sizeof hostile, "%.*sname: \"<script>监察室 & \\\"x\\\" 'y'\"%s", (int)(at - yaml), yaml,
	         at + strlen("name: \"监察室\""));
	assert_int_equal(campaign_plan_import_string(db, hostile, NULL, "t", NULL), CAMPAIGN_OK);
	s = page(db, NULL);
	expect_substrings(s, (const char *const[]){"&lt;script&gt;监察室 &amp; &quot;x&quot; &#39;y&#39;", NULL},
	                  (const char *const[]){"<script", NULL});
	expect_balanced(s);
	free(s);
	campaign_close(db);
}

static void test_file(void **state)
{
	campaign_db *db = *state;
	char path[256];
	FILE *f;
	char head[16] = {0};
	snprintf(path, sizeof path, "/tmp/test_dashboard_%d.html", (int)getpid());
	assert_int_equal(campaign_dashboard_write(db, NULL, NULL, path), CAMPAIGN_OK);
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fread(head, 1, 15, f), 15);
	fclose(f);
	remove(path);
	assert_string_equal(head, "<!DOCTYPE html>");
}

/* Risk points, a round, findings, a ledger and proposals, as of 2011-03-01. */
static char *full_page(campaign_db *db)
{
	campaign_inspection_round_add_options r = CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_INIT;
	campaign_inspection_round_submit_options sub = CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_INIT;
	campaign_dashboard_options o = CAMPAIGN_DASHBOARD_OPTIONS_INIT;
	campaign_buf *b;
	char *s;
	assert_int_equal(campaign_risk_model_import_file(db, NULL, SRC("examples/models/matrix-5x5.yaml"), "office"), 1);
	assert_int_equal(campaign_risk_register_import_file(db, NULL, SRC("examples/risk/register.csv"), NULL, "office"), 13);
	assert_int_equal(campaign_catalogue_import_file(db, NULL, SRC("examples/catalogues/ten-categories.yaml"), "office"), 1);
	assert_int_equal(campaign_catalogue_import_file(db, NULL, SRC("examples/catalogues/five-behaviours.yaml"), "office"), 1);
	assert_int_equal(campaign_findings_import_file(db, NULL, SRC("tests/data/inspection/findings.csv"), NULL, "office"), 0);
	assert_int_equal(campaign_rectifications_import_file(db, NULL, SRC("tests/data/inspection/ledger.csv"), NULL, "office"), 0);
	r.round = "self-2010", r.group = "counties", r.window_first = "2010-10-15", r.window_last = "2010-12-20";
	r.deadline = "2010-12-20";
	assert_int_equal(campaign_inspection_round_add(db, NULL, &r, "office"), CAMPAIGN_OK);
	sub.round = "self-2010/emeishan", sub.date = "2010-12-15";
	assert_int_equal(campaign_inspection_round_submit(db, NULL, &sub, "office"), CAMPAIGN_OK);
	sub.round = "self-2010/mabian", sub.date = "2010-12-25";
	assert_int_equal(campaign_inspection_round_submit(db, NULL, &sub, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_rules_import_file(db, NULL, SRC("examples/rules/leshan-2010.yaml"), "office"), 1);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2011-03-01", "office"), 22);
	o.as_of = "2011-03-01";
	assert_int_equal(campaign_dashboard_write_buf(&b, db, NULL, &o), CAMPAIGN_OK);
	s = strdup(campaign_buf_data(b));
	campaign_buf_free(b);
	return s;
}

static void test_domain_sections(void **state)
{
	char *s = full_page(*state);
	expect_substrings(s, (const char *const[]){
		/* the heat map of the 5×5 matrix: 25 cells, the register's 13 points */
		"<title>可能性4 × 影响5：一级风险，2个风险点</title></rect><text x=\"374\" y=\"118\" class=\"count\">2</text>",
		"<title>可能性1 × 影响4：三级风险，1个风险点</title>",
		"<th>单位</th><th>一级风险</th><th>二级风险</th><th>三级风险</th><th>合计</th>",
		"<tr><th>矿管科</th><td>2</td><td>0</td><td>0</td><td class=\"total\">2</td></tr>",
		/* the counties' round: 1 on time, 1 late, 9 missing of 11 */
		"<tr><th>self-2010</th><td>1</td><td>1</td><td>9</td><td>0</td><td class=\"total\">11</td></tr>",
		"<tr><td>马边彝族自治县国土资源局</td><td>self-2010</td><td>2010-12-20</td><td>逾期报送</td><td class=\"s-red\">5</td></tr>",
		"<tr><td>市中区分局</td><td>self-2010</td><td>2010-12-20</td><td>未报送</td><td class=\"s-red\">71</td></tr>",
		/* the five origins always, in campaign_findings_summary_query()'s order */
		"<th>问题类别</th><th>自查发现</th><th>查办发现</th><th>巡视发现</th><th>群众举报</th><th>审计发现</th><th>合计</th>",
		"<tr><th>在项目实施和资金使用中违规操作、弄虚作假</th><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td>",
		"<tr><th>擅自减免或缓缴土地出让金和矿产资源规费的行为</th><td>1</td><td>0</td><td>0</td>",
		"<tr><th>整改台账</th><td>0</td><td>2</td><td>0</td><td class=\"total\">2</td></tr>",
		"<th>建议类别</th><th>待决定</th><th>采纳</th><th>修改后采纳</th><th>不采纳</th><th>合计</th>",
		"<tr><th>巡视</th><td>11</td><td>0</td><td>0</td><td>0</td><td class=\"total\">11</td></tr>",
		"<tr><th>严格责任追究</th><td>10</td><td>0</td><td>0</td><td>0</td><td class=\"total\">10</td></tr>", NULL},
		(const char *const[]){"emeishan", "<td>未报送</td><td class=\"s-red\">71</td></tr>\n<tr><td>峨眉山市", NULL});
	expect_balanced(s);
	free(s);
}

TEST_MAIN("dashboard", SEED_TEST(test_seed_figures), SEED_TEST(test_unit_filter), SEED_TEST(test_errors),
          cmocka_unit_test(test_escaped), SEED_TEST(test_file), SEED_TEST(test_domain_sections))
