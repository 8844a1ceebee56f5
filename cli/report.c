/* `campaign report --as-of DATE`: overall progress, phases, units, the
 * overdue outcomes and the supervision list, in text, Markdown, CSV or JSON,
 * or as a workbook of one sheet per section (campaign_report_write_xlsx()). */
#include <string.h>
#include "commands.h"

typedef struct overall {
	int outcomes, done, green, yellow, red, none;
	int on_time, late; /* outcome shares done by their last day, and after it */
	long percent_sum;
} overall;

static int count_overall(campaign_db *db, args *a, overall *o)
{
	campaign_cursor *c;
	int rc;
	memset(o, 0, sizeof *o);
	if ((rc = campaign_outcome_status_query(&c, db, a->campaign, a->as_of)))
		return rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		const char *color = campaign_cursor_get(c, "color");
		o->outcomes++;
		o->percent_sum += campaign_cursor_int(c, campaign_cursor_column_index(c, "percent"));
		o->on_time += campaign_cursor_int(c, campaign_cursor_column_index(c, "done_on_time"));
		o->late += campaign_cursor_int(c, campaign_cursor_column_index(c, "done_late"));
		if (!strcmp(color, "done")) o->done++;
		else if (!strcmp(color, "green")) o->green++;
		else if (!strcmp(color, "yellow")) o->yellow++;
		else if (!strcmp(color, "red")) o->red++;
		else o->none++;
	}
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? 0 : rc;
}

static const char *as_of_text(args *a)
{
	return a->as_of ? a->as_of : today_local();
}

static int is_red(campaign_cursor *c)
{
	return !strcmp(campaign_cursor_get(c, "color"), "red");
}

/* The overdue outcomes: outcome status filtered to red, since the query serves every colour. */
static int print_overdue_table(campaign_db *db, args *a)
{
	static const char *const cols[] = {"outcome", "text", "deadline_text", "last", "days_late", "owing", NULL};
	static const char *const titles[] = {"成果", "内容", "完成时限", "截止日期", "逾期天数", "未完成单位"};
	campaign_cursor *c;
	int rc;
	if ((rc = campaign_outcome_status_query(&c, db, a->campaign, a->as_of)))
		return rc;
	return print_table_where(c, a->format, cols, titles, is_red);
}

/* The plan's deadline warnings (an outcome due before the campaign starts ...):
 * shown, so that such an outcome is not silently red. */
static int is_deadline_warning(campaign_cursor *c)
{
	return !strncmp(campaign_cursor_get(c, "kind"), "deadline_", 9);
}

static void heading(args *a, const char *title)
{
	print_heading(a->format, title);
}

static int report_tables(campaign_db *db, args *a)
{
	campaign_cursor *c;
	overall o;
	int rc;
	if ((rc = count_overall(db, a, &o)))
		return rc;
	if (!strcmp(a->format, "csv"))
		csv_bom(stdout);
	if (!strcmp(a->format, "markdown"))
		printf("# 进度报告 (截至 %s)\n\n", as_of_text(a));
	else if (!strcmp(a->format, "csv"))
		printf("进度报告,截至 %s\r\n", as_of_text(a));
	else
		printf("进度报告 (截至 %s)\n", as_of_text(a));
	heading(a, "总体进度");
	printf("成果 %d 项: 已完成 %d, 正常 %d, 临近 %d, 逾期 %d, 未定时限 %d; 平均进度 %ld%%; "
	       "各单位完成 %d 份, 其中按期 %d 份, 逾期完成 %d 份%s",
	       o.outcomes, o.done, o.green, o.yellow, o.red, o.none, o.outcomes ? o.percent_sum / o.outcomes : 0,
	       o.on_time + o.late, o.on_time, o.late, line_end(a->format));
	heading(a, "各阶段");
	if ((rc = campaign_phase_status_query(&c, db, a->campaign, a->as_of)) ||
	    (rc = print_table(c, a->format, NULL, NULL)))
		return rc;
	heading(a, "各单位");
	if ((rc = campaign_workload_query(&c, db, a->campaign, NULL, NULL, a->as_of)) ||
	    (rc = print_table(c, a->format, NULL, NULL)))
		return rc;
	heading(a, "逾期成果");
	if ((rc = print_overdue_table(db, a)))
		return rc;
	heading(a, "督查名单");
	if ((rc = campaign_supervision_query(&c, db, a->campaign, a->as_of)) ||
	    (rc = print_table(c, a->format, NULL, NULL)))
		return rc;
	heading(a, "时限提示");
	if ((rc = campaign_plan_warnings_query(&c, db, a->campaign)) ||
	    (rc = print_table_where(c, a->format, NULL, NULL, is_deadline_warning)))
		return rc;
	return 0;
}

/* JSON: the overdue outcomes with the units that owe them, found by walking
 * the outcome and share cursors together (both are in plan order). */
static int json_overdue(json *j, campaign_db *db, args *a)
{
	campaign_cursor *o, *s;
	int rc, have_share;
	if ((rc = campaign_outcome_status_query(&o, db, a->campaign, a->as_of)))
		return rc;
	if ((rc = campaign_share_status_query(&s, db, a->campaign, a->as_of))) {
		campaign_cursor_free(o);
		return rc;
	}
	have_share = campaign_cursor_next(s) == CAMPAIGN_OK;
	json_begin_array(j);
	while ((rc = campaign_cursor_next(o)) == CAMPAIGN_OK) {
		const char *id = campaign_cursor_get(o, "outcome");
		int red = !strcmp(campaign_cursor_get(o, "color"), "red");
		if (red) {
			json_begin_object(j);
			json_key(j, "id"), json_string(j, id);
			json_key(j, "text"), json_string(j, campaign_cursor_get(o, "text"));
			json_key(j, "deadline");
			json_begin_object(j);
			json_key(j, "text"), json_string(j, campaign_cursor_get(o, "deadline_text"));
			json_key(j, "first"), json_string(j, campaign_cursor_get(o, "first"));
			json_key(j, "last"), json_string(j, campaign_cursor_get(o, "last"));
			json_end_object(j);
			json_key(j, "days_late"), json_int(j, campaign_cursor_int(o, campaign_cursor_column_index(o, "days_late")));
			json_key(j, "units");
			json_begin_array(j);
		}
		while (have_share && !strcmp(campaign_cursor_get(s, "outcome"), id)) {
			if (red && !strcmp(campaign_cursor_get(s, "color"), "red"))
				json_string(j, campaign_cursor_get(s, "unit_name"));
			have_share = campaign_cursor_next(s) == CAMPAIGN_OK;
		}
		if (red) {
			json_end_array(j);
			json_end_object(j);
		}
	}
	json_end_array(j);
	campaign_cursor_free(o);
	campaign_cursor_free(s);
	return rc == CAMPAIGN_ITEROVER ? 0 : rc;
}

static int json_query(json *j, const char *key, int rc, campaign_cursor *c)
{
	if (rc)
		return rc;
	json_key(j, key);
	return json_cursor(j, c, NULL);
}

static int report_json(campaign_db *db, args *a)
{
	json j = {.f = stdout};
	campaign_cursor *c = NULL;
	overall o;
	int rc;
	if ((rc = count_overall(db, a, &o)))
		return rc;
	json_begin_object(&j);
	json_key(&j, "as_of"), json_string(&j, as_of_text(a));
	json_key(&j, "overall");
	json_begin_object(&j);
	json_key(&j, "outcomes"), json_int(&j, o.outcomes);
	json_key(&j, "done"), json_int(&j, o.done);
	json_key(&j, "green"), json_int(&j, o.green);
	json_key(&j, "yellow"), json_int(&j, o.yellow);
	json_key(&j, "red"), json_int(&j, o.red);
	json_key(&j, "none"), json_int(&j, o.none);
	json_key(&j, "percent"), json_int(&j, o.outcomes ? o.percent_sum / o.outcomes : 0);
	json_key(&j, "shares_done_on_time"), json_int(&j, o.on_time);
	json_key(&j, "shares_done_late"), json_int(&j, o.late);
	json_end_object(&j);
	/* each query runs before its cursor is handed on (argument order is unspecified in C) */
	rc = campaign_phase_status_query(&c, db, a->campaign, a->as_of);
	if ((rc = json_query(&j, "phases", rc, c)))
		return rc;
	rc = campaign_workload_query(&c, db, a->campaign, NULL, NULL, a->as_of);
	if ((rc = json_query(&j, "units", rc, c)))
		return rc;
	rc = campaign_outcome_status_query(&c, db, a->campaign, a->as_of);
	if ((rc = json_query(&j, "outcomes", rc, c)))
		return rc;
	json_key(&j, "overdue");
	if ((rc = json_overdue(&j, db, a)))
		return rc;
	rc = campaign_supervision_query(&c, db, a->campaign, a->as_of);
	if ((rc = json_query(&j, "supervision", rc, c)))
		return rc;
	if ((rc = campaign_plan_warnings_query(&c, db, a->campaign)))
		return rc;
	json_key(&j, "deadline_warnings");
	if ((rc = json_cursor(&j, c, is_deadline_warning)))
		return rc;
	json_end_object(&j);
	fputc('\n', stdout);
	return 0;
}

int cmd_report(args *a)
{
	campaign_db *db;
	int rc;
	if (!strcmp(a->format, "xlsx") && !a->output)
		return usage_error("--format xlsx writes a workbook: give --output FILE.xlsx%s", "");
	if ((rc = open_existing(a, &db)))
		return rc;
	if (!strcmp(a->format, "xlsx"))
		rc = campaign_report_write_xlsx(db, a->campaign, a->as_of, a->output) ? fail() : 0;
	else
		rc = (!strcmp(a->format, "json") ? report_json(db, a) : report_tables(db, a)) ? fail() : 0;
	campaign_close(db);
	return rc;
}
