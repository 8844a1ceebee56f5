/* The responsibility matrix as a heat grid (units × outcomes, one cell per
 * share) with each unit's counts, and the supervision list (督查) with the
 * overdue outcomes. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

const char *const CELL_CLASSES[] = {"done", "late", "red", "yellow", "green", "none"};

const char *const GRID_LEGEND[] = {"done", "按时完成 ✓", "late", "逾期完成 迟", "red",
	"逾期未完成（格中为逾期天数）", "yellow", "临期 !", "green", "未到期 ·", "none", "无明确期限 –", NULL};

int class_index(const char *cls)
{
	int i;
	for (i = 0; i < NCLASS; i++)
		if (!strcmp(CELL_CLASSES[i], cls))
			return i;
	return NCLASS - 1;
}

const char *share_words(const share *s)
{
	static _Thread_local char t[128];
	int k = class_index(s->cls), n = snprintf(t, sizeof t, "%s", status_word(CELL_CLASSES[k]));
	if (s->percent > 0 && s->percent < 100)
		n += snprintf(t + n, sizeof t - (size_t)n, "，完成%d%%", s->percent);
	if (s->days_late > 0)
		snprintf(t + n, sizeof t - (size_t)n, "，逾期%d天", s->days_late);
	return t;
}

static void grid_cell(dash *d, const share *s)
{
	static const char *const MARK[] = {"✓", "迟", NULL, "!", "·", "–"};
	int k = class_index(s->cls);
	/* the unit and the outcome head the row and the column: the title says the status */
	putf(d, "<td class=\"s-%s\" title=\"%s\">", CELL_CLASSES[k], share_words(s));
	if (MARK[k])
		put(d, MARK[k]);
	else
		putf(d, "%d", s->days_late);
	put(d, "</td>");
}

static void grid_head(dash *d)
{
	static const char *const COUNTS[] = {"应完成", "按时完成", "逾期完成", "逾期未完成", "临期"};
	int o, k;
	put(d, "<tr><th>单位</th>");
	for (o = 0; o < d->outcomes.n; o++) {
		put(d, "<th class=\"o\" title=\"");
		esc(d, d->outcome_labels.v[o]);
		put(d, "\">");
		esc(d, d->outcomes.v[o]);
		put(d, "</th>");
	}
	for (k = 0; k < 5; k++)
		tag_text(d, "th", NULL, COUNTS[k]);
	put(d, "</tr>\n");
}

/* One unit's row: a cell per outcome (empty where it owes none), then its counts. */
static void grid_row(dash *d, int u, const int *cell)
{
	int o, n[NCLASS] = {0}, owed = 0;
	for (o = 0; o < d->outcomes.n; o++)
		owed += cell[o] > 0;
	if (!owed)
		return;
	put(d, "<tr>");
	tag_text(d, "th", NULL, d->unit_names.v[u]);
	for (o = 0; o < d->outcomes.n; o++) {
		if (!cell[o]) {
			put(d, "<td></td>");
			continue;
		}
		grid_cell(d, &d->shares[cell[o] - 1]);
		n[class_index(d->shares[cell[o] - 1].cls)]++;
	}
	putf(d, "<td class=\"total\">%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>\n", owed, n[0], n[1], n[2],
	     n[3]);
}

int *share_map(dash *d)
{
	int *cell, i, no = d->outcomes.n ? d->outcomes.n : 1;
	if (!(cell = calloc((size_t)(d->units.n ? d->units.n : 1) * (size_t)no, sizeof *cell))) {
		dash_ok(d, error_set(CAMPAIGN_ENOMEM, "out of memory"));
		return NULL;
	}
	for (i = 0; i < d->nshares; i++)
		cell[d->shares[i].unit * no + d->shares[i].outcome] = i + 1;
	return cell;
}

static void matrix_grid(dash *d)
{
	int *cell = share_map(d), u, no = d->outcomes.n ? d->outcomes.n : 1;
	if (!cell)
		return;
	legend(d, GRID_LEGEND);
	put(d, "<div class=\"scroll\"><table class=\"grid\">");
	grid_head(d);
	for (u = 0; u < d->units.n; u++)
		grid_row(d, u, cell + u * no);
	put(d, "</table></div>\n");
	free(cell);
}

const dash_section SECTION_MATRIX = {"matrix", "二、责任分工热力表（单位 × 成果）", {matrix_grid}};

#define SUPERVISION_REASON_CHARS 160

static void supervision_units(dash *d)
{
	campaign_cursor *c;
	int rows = 0;
	if (!dash_ok(d, campaign_supervision_query(&c, d->db, d->campaign, d->as_of)))
		return;
	table_begin(d, "督查名单", (const char *const[]){"单位", "逾期项数", "最长逾期天数", "情况", NULL});
	while (next_kept(d, c)) {
		put(d, "<tr>");
		tag_text(d, "td", "unit", campaign_cursor_get(c, "unit_name"));
		putf(d, "<td>%lld</td><td class=\"s-red\">%lld</td>", campaign_cursor_int(c, 2), campaign_cursor_int(c, 3));
		/* the items overdue, the first of them: all of them are in the supervision query's table */
		put(d, "<td>");
		esc_cut(d, campaign_cursor_get(c, "reason"), SUPERVISION_REASON_CHARS);
		put(d, "</td>");
		put(d, "</tr>\n");
		rows++;
	}
	campaign_cursor_free(c);
	table_end(d);
	if (!rows)
		tag_text(d, "p", "empty", "无逾期单位");
}

#define OWING_CHARS 160

static void supervision_outcomes(dash *d)
{
	const rowset *r = &d->outcome_rows;
	/* the outcomes a unit the filter keeps is overdue on: one pass over the shares */
	char *red = calloc((size_t)(r->n ? r->n : 1), 1);
	int i;
	if (!red) {
		dash_ok(d, error_set(CAMPAIGN_ENOMEM, "out of memory"));
		return;
	}
	for (i = 0; i < d->nshares; i++)
		if (!strcmp(d->shares[i].cls, "red") && d->shares[i].outcome < r->n)
			red[d->shares[i].outcome] = 1;
	table_begin(d, "逾期成果", (const char *const[]){"成果", "内容", "时限", "逾期天数", "未完成单位", NULL});
	for (i = 0; i < r->n; i++) {
		const char *color = rowset_get(r, i, "color");
		if (!color || strcmp(color, "red") || !red[i])
			continue;
		put(d, "<tr>");
		tag_text(d, "td", NULL, rowset_get(r, i, "outcome"));
		tag_text(d, "td", NULL, rowset_get(r, i, "text"));
		tag_text(d, "td", NULL, rowset_get(r, i, "deadline_text"));
		putf(d, "<td class=\"s-red\">%ld</td>", rowset_int(r, i, "days_late"));
		/* the first of them (200 at M): every one is in the heat grid above and the outcome status table */
		put(d, "<td>");
		esc_cut(d, rowset_get(r, i, "owing"), OWING_CHARS);
		put(d, "</td></tr>\n");
	}
	table_end(d);
	free(red);
}

const dash_section SECTION_SUPERVISION = {"supervision", "三、督查名单与逾期成果",
                                          {supervision_units, supervision_outcomes}};
