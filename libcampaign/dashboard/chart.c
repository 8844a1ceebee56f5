/* campaign_chart_write(): one chart of the dashboard alone, as a standalone
 * SVG document, drawn by the dashboard's own code (gantt_chart(),
 * risk_heatmap()) or from the data its tables show (the shares of the heat
 * grid; the coverage tallies as bars); and the chart frame both use. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

OPTIONS_INIT_FN(chart, CAMPAIGN_CHART_OPTIONS_VERSION)

#define LEGEND_W 150 /* one swatch and its words */
#define LEGEND_ROW 18

static int legend_rows(int w, const char *const *pairs)
{
	int n = 0, per = w / LEGEND_W > 0 ? w / LEGEND_W : 1;
	while (pairs && pairs[2 * n])
		n++;
	return (n + per - 1) / per;
}

void svg_open(dash *d, int w, int h, const char *title, const char *const *legend_pairs)
{
	if (!d->standalone)
		putf(d, "<div class=\"scroll\"><svg width=\"%d\" height=\"%d\" role=\"img\">", w, h);
	else {
		h += legend_rows(w, legend_pairs) * LEGEND_ROW + (legend_pairs ? 8 : 0);
		putf(d, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		     "role=\"img\">", w, h, w, h);
	}
	tag_text(d, "title", NULL, title);
	if (d->standalone) {
		put(d, "<style>");
		put(d, DASH_CSS);
		putf(d, "</style><rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", w, h);
	}
}

void svg_close(dash *d, int w, int h, const char *const *legend_pairs)
{
	int per = w / LEGEND_W > 0 ? w / LEGEND_W : 1, i;
	if (!d->standalone) {
		put(d, "</svg></div>\n");
		if (legend_pairs)
			legend(d, legend_pairs);
		return;
	}
	for (i = 0; legend_pairs && legend_pairs[2 * i]; i++) {
		int x = 4 + (i % per) * LEGEND_W, y = h + 8 + (i / per) * LEGEND_ROW;
		svg_rect(d, x, y, 12, 12, legend_pairs[2 * i], legend_pairs[2 * i + 1]);
		svg_text(d, x + 16, y + 11, "legend", legend_pairs[2 * i + 1]);
	}
	put(d, "</svg>\n");
}

/* ---- the heat grid of shares, units × outcomes ---- */

#define M_LEFT 210
#define M_TOP 64
#define M_CELL 16

static void matrix_chart(dash *d)
{
	int *cell = share_map(d), no = d->outcomes.n ? d->outcomes.n : 1, rows = 0, u, o, y;
	char title[1024];
	if (!cell)
		return;
	for (u = 0; u < d->units.n; u++)
		for (o = 0; o < d->outcomes.n; o++)
			if (cell[u * no + o]) {
				rows++;
				break;
			}
	svg_open(d, M_LEFT + d->outcomes.n * M_CELL + 10, M_TOP + rows * M_CELL + 4, "责任分工热力表（单位 × 成果）",
	         GRID_LEGEND);
	for (o = 0; o < d->outcomes.n; o++) {
		int x = M_LEFT + o * M_CELL + 12;
		putf(d, "<text x=\"%d\" y=\"%d\" class=\"tick o\" transform=\"rotate(-90 %d %d)\">", x, M_TOP - 4, x, M_TOP - 4);
		esc(d, d->outcomes.v[o]);
		put(d, "<title>");
		esc(d, d->outcome_labels.v[o]);
		put(d, "</title></text>");
	}
	for (u = 0, y = M_TOP; u < d->units.n; u++) {
		int owed = 0;
		for (o = 0; o < d->outcomes.n; o++) {
			const share *s = cell[u * no + o] ? &d->shares[cell[u * no + o] - 1] : NULL;
			if (!s)
				continue;
			if (!owed++)
				svg_text_cut(d, 4, y + 12, "label", d->unit_names.v[u], 14);
			snprintf(title, sizeof title, "%.400s × %.200s：%s", d->unit_names.v[u], d->outcomes.v[o], share_words(s));
			svg_rect(d, M_LEFT + o * M_CELL, y, M_CELL - 1, M_CELL - 1, CELL_CLASSES[class_index(s->cls)], title);
		}
		y += owed ? M_CELL : 0;
	}
	svg_close(d, M_LEFT + d->outcomes.n * M_CELL + 10, M_TOP + rows * M_CELL + 4, GRID_LEGEND);
	free(cell);
}

/* ---- self-inspection coverage as stacked bars ---- */

#define B_LEFT 230
#define B_WIDTH 480
#define B_ROW 18
#define B_HEAD 24

typedef struct bars {
	const char *heading;
	tally t;
	const char *const *classes; /* by column, cycled */
	int nclasses;
} bars;

static int bars_height(const bars *b)
{
	return B_HEAD + (b->t.rows.n ? b->t.rows.n : 1) * B_ROW + 8;
}

static void bars_draw(dash *d, const bars *b, int y)
{
	long long top = 1, sum;
	int r, c, x;
	char title[1024], n[24];
	svg_text(d, 4, y + 16, "head", b->heading);
	y += B_HEAD;
	for (r = 0; r < b->t.rows.n; r++) {
		for (sum = 0, c = 0; c < b->t.cols.n; c++)
			sum += b->t.cell[(size_t)r * TALLY_COLS + (size_t)c];
		top = sum > top ? sum : top;
	}
	if (!b->t.rows.n)
		svg_text(d, B_LEFT, y + 12, "empty", "暂无数据");
	for (r = 0; r < b->t.rows.n; r++, y += B_ROW) {
		svg_text_cut(d, 4, y + 12, "label", b->t.rows.v[r], 16);
		for (sum = 0, x = B_LEFT, c = 0; c < b->t.cols.n; c++) {
			long long k = b->t.cell[(size_t)r * TALLY_COLS + (size_t)c];
			int w = (int)(k * B_WIDTH / top);
			sum += k;
			if (!k)
				continue;
			snprintf(title, sizeof title, "%.400s：%.200s %lld", b->t.rows.v[r], b->t.cols.v[c], k);
			svg_rect(d, x, y + 3, w, B_ROW - 6, b->classes[c % b->nclasses], title);
			x += w < 2 ? 2 : w;
		}
		snprintf(n, sizeof n, "%lld", sum);
		svg_text(d, x + 4, y + 12, "count", n);
	}
}

static const char *const ROUND_CLASSES[] = {"done", "late", "red", "green"};
static const char *const FINDING_CLASSES[] = {"active", "upcoming", "due_soon", "passed", "ended", "none"};
static const char *const LEDGER_CLASSES[] = {"yellow", "red", "done"};

/* Each bar's class with its column's words, for the legend (at most @max pairs). */
static void bars_legend(const bars *b, const char **pairs, int *n, int max)
{
	for (int c = 0; c < b->t.cols.n && *n + 2 < max; c++) {
		pairs[(*n)++] = b->classes[c % b->nclasses];
		pairs[(*n)++] = b->t.cols.v[c];
	}
	pairs[*n] = NULL;
}

static void coverage_chart(dash *d)
{
	bars b[3] = {{.heading = "自查自纠报送情况（按轮次，单位数）", .classes = ROUND_CLASSES, .nclasses = 4},
	             {.heading = "发现问题（按类别与来源）", .classes = FINDING_CLASSES, .nclasses = 6},
	             {.heading = "整改台账", .classes = LEDGER_CLASSES, .nclasses = 3}};
	const char *pairs[4 * TALLY_COLS + 1] = {NULL};
	int i, h = 4, y = 4, n = 0;
	coverage_rounds_tally(d, &b[0].t);
	coverage_findings_tally(d, &b[1].t);
	coverage_ledger_tally(d, &b[2].t);
	for (i = 0; i < 3; i++) {
		h += bars_height(&b[i]);
		bars_legend(&b[i], pairs, &n, 4 * TALLY_COLS);
	}
	svg_open(d, B_LEFT + B_WIDTH + 60, h, "自查自纠与整改", pairs);
	for (i = 0; i < 3; i++) {
		bars_draw(d, &b[i], y);
		y += bars_height(&b[i]);
	}
	svg_close(d, B_LEFT + B_WIDTH + 60, h, pairs);
	for (i = 0; i < 3; i++)
		tally_free(&b[i].t);
}

static const struct {
	const char *kind;
	void (*draw)(dash *d);
} CHARTS[] = {{"gantt", gantt_chart}, {"matrix", matrix_chart}, {"heatmap", risk_heatmap}, {"coverage", coverage_chart}};

int campaign_chart_write_buf(campaign_buf **out, campaign_db *db, const char *campaign,
                             const campaign_chart_options *opts)
{
	dash d = {.standalone = 1};
	size_t i;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_chart_write_buf: out is NULL");
	if ((d.rc = db_check(db)) || (d.rc = options_check(opts, CAMPAIGN_CHART_OPTIONS_VERSION, "campaign_chart_options")))
		return d.rc;
	for (i = 0; i < sizeof CHARTS / sizeof *CHARTS && (!opts->kind || strcmp(opts->kind, CHARTS[i].kind)); i++)
		;
	if (i == sizeof CHARTS / sizeof *CHARTS)
		return error_set(CAMPAIGN_EINVALID, "chart \"%s\" is not one of gantt, matrix, heatmap, coverage",
		                 opts->kind ? opts->kind : "");
	d.rc = dash_start(&d, db, campaign, opts->as_of, opts->unit, opts->site);
	put(&d, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (!d.rc)
		CHARTS[i].draw(&d);
	return dash_finish(&d, out);
}

int campaign_chart_write(campaign_db *db, const char *campaign, const campaign_chart_options *opts, const char *path)
{
	campaign_buf *b = NULL;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_chart_write: path is NULL");
	int rc = campaign_chart_write_buf(&b, db, campaign, opts); /* before @b is read */
	return dash_to_file(rc, b, path);
}
