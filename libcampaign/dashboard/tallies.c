/* The risk heat map and grade distribution, self-inspection coverage with
 * findings and the rectification ledger, and accountability proposals. */
#include <ctype.h>
#include <string.h>
#include "dashboard/dashboard.h"

#define H_CELL 64
#define H_LEFT 90 /* the likelihood labels */
#define H_TOP 24

/* A model's colour goes into a style attribute: only "#rgb"/"#rrggbb" or a word. */
static const char *safe_color(const char *c)
{
	const char *p;
	if (!c || !*c || strlen(c) > 20)
		return "#bdbdbd";
	for (p = c + (*c == '#'); *p; p++)
		if (!isalnum((unsigned char)*p))
			return "#bdbdbd";
	return c;
}

static void heat_cell(dash *d, campaign_cursor *c, int x, int y)
{
	long long points = campaign_cursor_int(c, campaign_cursor_column_index(c, "points"));
	char n[24];
	putf(d, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" style=\"fill:%s\" stroke=\"#fff\"><title>", x, y,
	     H_CELL, H_CELL, safe_color(campaign_cursor_get(c, "color")));
	putf(d, "可能性%lld × 影响%lld：", campaign_cursor_int(c, 0), campaign_cursor_int(c, 2));
	esc(d, campaign_cursor_get(c, "grade_label"));
	putf(d, "，%lld个风险点</title></rect>", points);
	snprintf(n, sizeof n, "%lld", points);
	if (x == H_LEFT)
		svg_text(d, 2, y + H_CELL / 2, "axis", campaign_cursor_get(c, "likelihood_label"));
	svg_text(d, x + H_CELL / 2 - 4, y + H_CELL / 2 - 2, "count", n);
	svg_text(d, x + 4, y + H_CELL - 6, "grade", campaign_cursor_get(c, "grade_label"));
}

/* The likelihood × impact grid of the default model, if it is a matrix. */
void risk_heatmap(dash *d)
{
	campaign_cursor *c;
	long long top = 0, l, i;
	if (campaign_risk_heatmap_query(&c, d->db, d->campaign, NULL, 0)) {
		if (d->standalone) { /* a chart asked for alone: say why there is none */
			dash_ok(d, campaign_error_code_last());
			return;
		}
		tag_text(d, "p", "empty", "本次活动的默认风险模型不是矩阵模型（或尚无模型），见下方等级分布。");
		error_ok();
		return;
	}
	if (d->filtered && !d->standalone)
		tag_text(d, "p", "empty", "热力图为全活动的风险点（不按单位筛选）。");
	svg_open(d, 440, 400, "风险热力图：可能性 × 影响", NULL);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		l = campaign_cursor_int(c, 0), i = campaign_cursor_int(c, 2);
		top = top ? top : l; /* rows come by likelihood descending */
		heat_cell(d, c, H_LEFT + (int)(i - 1) * H_CELL, H_TOP + (int)(top - l) * H_CELL);
		if (l == 1)
			svg_text(d, H_LEFT + (int)(i - 1) * H_CELL + 4, H_TOP + (int)top * H_CELL + 14, "axis",
			         campaign_cursor_get(c, "impact_label"));
	}
	svg_text(d, H_LEFT, H_TOP + (int)top * H_CELL + 32, "head", "影响 →");
	svg_text(d, 2, 14, "head", "可能性 ↓");
	svg_close(d, 440, 400, NULL);
	campaign_cursor_free(c);
}

/* The default model's grades, top first, as the columns (none without a default model). */
static void grade_columns(dash *d, tally *t)
{
	campaign_cursor *c;
	if (campaign_risk_model_grades_query(&c, d->db, d->campaign, NULL)) {
		error_ok();
		return;
	}
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (strs_add(&t->cols, campaign_cursor_get(c, "label")) < 0)
			dash_ok(d, error_set(CAMPAIGN_ENOMEM, "out of memory"));
	campaign_cursor_free(c);
}

/* One pass over the distribution: the grades of all points (the whole
 * picture for a weighted or criteria model, which has no heat map), by unit
 * and by risk type (the business area a point belongs to). */
static void risk_distribution(dash *d)
{
	static const char *const HEADINGS[] = {"风险等级分布（风险点数）", "各单位风险等级分布（风险点数）",
		"各业务领域（风险类别）风险等级分布（风险点数）"};
	static const char *const CORNERS[] = {"", "单位", "风险类别"};
	campaign_cursor *c;
	tally t[3];
	int i, points;
	memset(t, 0, sizeof t);
	for (i = 0; i < 3; i++)
		grade_columns(d, &t[i]);
	if (!dash_ok(d, campaign_risk_distribution_query(&c, d->db, d->campaign))) {
		for (i = 0; i < 3; i++)
			tally_free(&t[i]);
		return;
	}
	points = campaign_cursor_column_index(c, "points");
	while (next_kept(d, c)) {
		const char *grade = campaign_cursor_get(c, "grade_label");
		long long n = campaign_cursor_int(c, points);
		tally_add(d, &t[0], "全部风险点", grade, n);
		tally_add(d, &t[1], campaign_cursor_get(c, "unit_name"), grade, n);
		tally_add(d, &t[2], campaign_cursor_get(c, "type_name"), grade, n);
	}
	campaign_cursor_free(c);
	for (i = 0; i < 3; i++)
		tally_end(d, &t[i], HEADINGS[i], CORNERS[i]);
}

const dash_section SECTION_RISK = {"risk", "四、廉政风险热力图", {risk_heatmap, risk_distribution}};

/* Reported / not reported per round series. */
const char *const COVERAGE_ROUND_STATES[] = {"submitted", "已按时报送", "late", "逾期报送", "missing",
	"未报送（已过期）", "open", "未报送（未到期）", NULL};

void coverage_rounds_tally(dash *d, tally *t)
{
	campaign_cursor *c;
	if (!dash_ok(d, campaign_inspection_rounds_query(&c, d->db, d->campaign, NULL, NULL, d->as_of)))
		return;
	while (next_kept(d, c))
		tally_word(d, t, campaign_cursor_get(c, "series"), COVERAGE_ROUND_STATES, campaign_cursor_get(c, "status"));
	campaign_cursor_free(c);
}

static void coverage_rounds(dash *d)
{
	tally t = {0};
	coverage_rounds_tally(d, &t);
	tally_end(d, &t, "自查自纠报送情况（按轮次，单位数）", "轮次");
}

static void coverage_missing(dash *d)
{
	campaign_cursor *c;
	if (!dash_ok(d, campaign_inspection_missing_query(&c, d->db, d->campaign, NULL, d->as_of)))
		return;
	table_begin(d, "未按时报送的单位", (const char *const[]){"单位", "轮次", "报送期限", "情况", "逾期天数", NULL});
	while (next_kept(d, c)) {
		put(d, "<tr>");
		tag_text(d, "td", NULL, campaign_cursor_get(c, "unit_name"));
		tag_text(d, "td", NULL, campaign_cursor_get(c, "series"));
		tag_text(d, "td", NULL, campaign_cursor_get(c, "deadline"));
		tag_text(d, "td", NULL, strcmp(campaign_cursor_get(c, "status"), "late") ? "未报送" : "逾期报送");
		putf(d, "<td class=\"s-red\">%lld</td></tr>\n", campaign_cursor_int(c, campaign_cursor_column_index(c, "days_late")));
	}
	campaign_cursor_free(c);
	table_end(d);
}

/* The five origins, always in this order (the summary's). */
const char *const FINDING_ORIGINS[] = {"self_reported", "自查发现", "investigated", "查办发现", "inspection_tour",
	"巡视发现", "citizen_report", "群众举报", "audit", "审计发现", NULL};

void coverage_findings_tally(dash *d, tally *t)
{
	campaign_cursor *c;
	int n;
	if (!dash_ok(d, campaign_findings_summary_query(&c, d->db, d->campaign)))
		return;
	n = campaign_cursor_column_index(c, "findings");
	while (next_kept(d, c))
		tally_words(d, t, campaign_cursor_get(c, "category_text"), FINDING_ORIGINS, campaign_cursor_get(c, "origin"),
		            campaign_cursor_int(c, n));
	campaign_cursor_free(c);
}

static void coverage_findings(dash *d)
{
	tally t = {0};
	coverage_findings_tally(d, &t);
	tally_end(d, &t, "发现问题（按类别与来源）", "问题类别");
}

/* The ledger's rows by state on the as-of date: closed, overdue, open. */
const char *const COVERAGE_LEDGER_STATES[] = {"open", "未销号", "overdue", "逾期", "closed", "已销号", NULL};

void coverage_ledger_tally(dash *d, tally *t)
{
	campaign_cursor *c;
	if (!dash_ok(d, campaign_rectification_ledger_query(&c, d->db, d->campaign, NULL, d->as_of)))
		return;
	while (next_kept(d, c)) {
		const char *closed = campaign_cursor_get(c, "closed_on"), *overdue = campaign_cursor_get(c, "overdue");
		tally_word(d, t, "整改台账", COVERAGE_LEDGER_STATES,
		           closed && *closed ? "closed" : overdue && *overdue ? "overdue" : "open");
	}
	campaign_cursor_free(c);
}

static void coverage_ledger(dash *d)
{
	tally t = {0};
	coverage_ledger_tally(d, &t);
	tally_end(d, &t, "整改台账", "");
}

const dash_section SECTION_COVERAGE = {"coverage", "五、自查自纠与整改",
                                       {coverage_rounds, coverage_missing, coverage_findings, coverage_ledger}};

static void accountability_proposals(dash *d)
{
	static const char *const DECISIONS[] = {"pending", "待决定", "accepted", "采纳", "modified", "修改后采纳",
		"rejected", "不采纳", NULL};
	campaign_cursor *c;
	tally t = {0};
	if (!dash_ok(d, campaign_proposals_query(&c, d->db, d->campaign, NULL, NULL)))
		return;
	while (next_kept(d, c))
		tally_word(d, &t, campaign_cursor_get(c, "action_label"), DECISIONS, campaign_cursor_get(c, "status"));
	campaign_cursor_free(c);
	tally_end(d, &t, NULL, "建议类别");
}

const dash_section SECTION_ACCOUNTABILITY = {"accountability", "六、责任追究建议与决定", {accountability_proposals}};
