/* The progress report as a workbook (issue 15 item 1): each section of
 * `campaign report` a sheet with Chinese headers, from the same public
 * queries, so that a bureau files one .xlsx instead of six tables. */
#include <string.h>
#include "core/core.h"
#include "io/io.h"

typedef int (*section_query)(campaign_cursor **, campaign_db *, const char *, const char *);

static int workload(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	return campaign_workload_query(out, db, campaign, NULL, NULL, as_of);
}

static int is_red(campaign_cursor *c)
{
	const char *color = campaign_cursor_get(c, "color");
	return color && !strcmp(color, "red");
}

/* One sheet: its query, its columns and their Chinese titles, and a filter. */
static const struct section {
	const char *sheet;
	section_query query;
	const char *columns, *titles;
	int (*keep)(campaign_cursor *);
} SECTIONS[] = {
	{"成果进度", campaign_outcome_status_query,
	 "outcome,text,deadline_text,first,last,shares,done,percent,color,days_late,owing",
	 "成果,内容,完成时限,开始日期,截止日期,责任份数,已完成份数,平均进度,状态,逾期天数,未完成单位", NULL},
	{"各阶段", campaign_phase_status_query, "kind,id,name,first,last,status,shares,done_on_time,done_late",
	 "类别,编号,名称,开始日期,截止日期,状态,责任份数,按期完成,逾期完成", NULL},
	{"各单位", workload, "unit_name,measures_led,measures_supported,outcomes_owed,outcomes_due,outcomes_overdue",
	 "单位,牵头措施,配合措施,应交成果,已到期成果,逾期成果", NULL},
	{"逾期成果", campaign_outcome_status_query, "outcome,text,deadline_text,last,days_late,owing",
	 "成果,内容,完成时限,截止日期,逾期天数,未完成单位", is_red},
	{"督查名单", campaign_supervision_query, "unit_name,overdue,max_days_late,outcomes,reason",
	 "单位,逾期份数,最长逾期天数,逾期成果,督查事由", NULL},
	{"单位进度", campaign_share_status_query, "outcome,unit_name,status,percent,reported_on,last,color,days_late",
	 "成果,单位,进展,进度,报告日期,截止日期,状态,逾期天数", NULL},
};

static int write_sections(xlsx_book *b, campaign_db *db, const char *campaign, const char *as_of)
{
	int rc = CAMPAIGN_OK;
	for (size_t i = 0; !rc && i < sizeof SECTIONS / sizeof SECTIONS[0]; i++) {
		const struct section *s = &SECTIONS[i];
		campaign_cursor *c = NULL;
		if (!(rc = s->query(&c, db, campaign, as_of)))
			rc = xlsx_book_sheet(b, c, s->sheet, s->columns, s->titles, s->keep);
		campaign_cursor_free(c);
	}
	return rc;
}

int campaign_report_write_xlsx(campaign_db *db, const char *campaign, const char *as_of, const char *path)
{
	xlsx_book *b;
	campaign_cursor *probe = NULL;
	int rc;
	if ((rc = db_check(db)))
		return rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_report_write_xlsx: path is NULL");
	/* the campaign and the date are checked before the file is made */
	if ((rc = campaign_phase_status_query(&probe, db, campaign, as_of)))
		return rc;
	campaign_cursor_free(probe);
	if ((rc = xlsx_book_open(&b, path)))
		return rc;
	rc = xlsx_book_close(b, write_sections(b, db, campaign, as_of));
	return rc ? rc : (error_ok(), CAMPAIGN_OK);
}
