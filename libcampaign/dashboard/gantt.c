/* The Gantt chart: the phases, their milestones and every outcome's
 * deadline range on one time axis, coloured by status, with the as-of line. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

#define G_LEFT 300  /* the labels' column */
#define G_WIDTH 760 /* the time axis */
#define G_ROW 18
#define G_TOP 28 /* the year and month labels */

typedef struct axis {
	long first, last; /* days since 1970 */
	int rows;
} axis;

static int axis_x(const axis *a, const char *iso)
{
	long day = date_days(iso), span = a->last - a->first;
	day = day < a->first ? a->first : day > a->last ? a->last : day;
	return G_LEFT + (int)((day - a->first) * G_WIDTH / (span ? span : 1));
}

/* The axis spans every phase's, milestone's and outcome's dates. */
static void axis_widen(axis *a, const char *iso)
{
	long day = date_days(iso);
	if (!iso || !day)
		return;
	if (!a->first || day < a->first)
		a->first = day;
	if (day > a->last)
		a->last = day;
}

static int outcome_shown(const dash *d, const char *outcome)
{
	int o = strs_find(&d->outcomes, outcome), i;
	for (i = 0; d->filtered && i < d->nshares; i++)
		if (d->shares[i].outcome == o)
			return 1;
	return !d->filtered;
}

/* A tick and a label "10年11月" at the 1st of every month of the axis. */
static void axis_months(dash *d, const axis *a, int height)
{
	int y, m, x;
	char iso[11], label[16];
	days_date(a->first, iso);
	if (!a->first || sscanf(iso, "%4d-%2d", &y, &m) != 2)
		return;
	for (;; m = m == 12 ? 1 : m + 1, y += m == 1) {
		snprintf(iso, sizeof iso, "%04d-%02d-01", y, m);
		if (date_days(iso) > a->last)
			break;
		x = axis_x(a, iso);
		putf(d, "<line class=\"tick\" x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"%d\"/>", x, x, height);
		/* the year above its first month on the axis */
		if (m == 1 || date_days(iso) - a->first < 28) {
			snprintf(label, sizeof label, "%d年", y);
			svg_text(d, x + 2, 11, "head", label);
		}
		snprintf(label, sizeof label, "%d月", m);
		svg_text(d, x + 2, 24, "tick", label);
	}
}

/* One bar from @first (NULL: a mark on @last) to @last, its label on the left. */
static void gantt_bar(dash *d, const axis *a, int row, const char *label, const char *first, const char *last,
                      const char *cls, const char *title)
{
	int y = G_TOP + row * G_ROW, x0, x1;
	svg_text_cut(d, 4, y + 12, "label", label, 24);
	if (!last)
		return;
	x0 = axis_x(a, first ? first : last);
	x1 = axis_x(a, last);
	svg_rect(d, first ? x0 : x1 - 3, y + 3, first ? x1 - x0 : 6, G_ROW - 6, cls, title);
}

/* "label：status (first – last)" for a bar's title, in a static buffer. */
static const char *bar_title(const char *label, const char *cls, const char *first, const char *last, long days_late)
{
	static _Thread_local char t[1024];
	int n = snprintf(t, sizeof t, "%.600s：%s（%s – %s）", label ? label : "", status_word(cls), first ? first : "",
	                 last ? last : "无明确期限");
	if (days_late > 0 && n > 0 && (size_t)n < sizeof t)
		snprintf(t + n, sizeof t - (size_t)n, "，逾期%ld天", days_late);
	return t;
}

/* The chart's rows: the phases with their milestones (@phases), or the
 * outcomes the filter keeps. With no @a, only counts them and widens @grow. */
static int gantt_rows(dash *d, const axis *a, axis *grow, int row, int phases)
{
	const rowset *r = phases ? &d->phase_rows : &d->outcome_rows;
	char label[700];
	for (int i = 0; i < r->n && !d->rc; i++) {
		const char *cls = rowset_get(r, i, phases ? "status" : "color");
		const char *first = rowset_get(r, i, "first"), *last = rowset_get(r, i, "last");
		const char *kind = rowset_get(r, i, "kind"), *name = rowset_get(r, i, "name");
		if (!phases && !outcome_shown(d, rowset_get(r, i, "outcome")))
			continue;
		if (phases)
			snprintf(label, sizeof label, "%s%.600s", kind && strcmp(kind, "phase") ? "  ◆ " : "", name ? name : "");
		else
			snprintf(label, sizeof label, "%s %.600s", rowset_get(r, i, "outcome"), rowset_get(r, i, "text"));
		if (grow) {
			axis_widen(grow, first);
			axis_widen(grow, last);
		} else
			gantt_bar(d, a, row, label, first, last, cls ? cls : "none",
			          bar_title(label, cls ? cls : "none", first, last, phases ? 0 : rowset_int(r, i, "days_late")));
		row++;
	}
	return row;
}

static const char *const GANTT_LEGEND[] = {"upcoming", "未开始", "active", "进行中", "ended", "已结束", "passed",
	"节点已过", "due_soon", "节点临近", "done", "成果完成", "green", "未到期", "yellow", "临期", "red", "逾期",
	"none", "无明确期限", "asof", "统计日", NULL};

void gantt_chart(dash *d)
{
	axis a = {0};
	int height, row, x;
	a.rows = gantt_rows(d, NULL, &a, gantt_rows(d, NULL, &a, 0, 1), 0);
	axis_widen(&a, d->as_of);
	height = G_TOP + 4 + a.rows * G_ROW;
	svg_open(d, G_LEFT + G_WIDTH + 10, height, "阶段、节点与成果期限", GANTT_LEGEND);
	axis_months(d, &a, height);
	row = gantt_rows(d, &a, NULL, 0, 1);
	gantt_rows(d, &a, NULL, row, 0);
	x = axis_x(&a, d->as_of);
	putf(d, "<line class=\"asof\" x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"%d\"><title>统计日 %s</title></line>", x, x, height,
	     d->as_of);
	svg_close(d, G_LEFT + G_WIDTH + 10, height, GANTT_LEGEND);
}

const dash_section SECTION_GANTT = {"gantt", "一、阶段与成果时间表（甘特图）", {gantt_chart}};
