/* `campaign matrix`, `warnings` and `workload`. */
#include <string.h>
#include "commands.h"

static int q_matrix(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_matrix_query(c, db, a->campaign);
}

static int q_unit_matrix(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_unit_matrix_query(c, db, a->campaign, a->unit);
}

int cmd_matrix(args *a)
{
	/* the 任务分工表 columns bureaus use */
	static const char *const cols[] = {"seq", "task_title", "text", "lead", "support", "deadline_text", NULL};
	static const char *const titles[] = {"序号", "任务", "具体措施", "牵头单位", "配合单位", "完成时限"};
	/* the unit first: --unit may name a group (各县(市、区)国土资源局(分局)), whose members' rows follow each other */
	static const char *const ucols[] = {"measure", "unit_name", "task_title", "role", "written", "via_group",
	                                    "condition", "deadline_text", "deadline_last", "outcomes_owed", NULL};
	static const char *const utitles[] = {"措施", "单位", "任务", "职责", "名称(原文)", "经由单位组", "范围", "完成时限",
	                                      "截止日期", "承担成果"};
	if (a->unit)
		return list_of(a, q_unit_matrix, strcmp(a->format, "json") ? ucols : NULL, utitles);
	return list_of(a, q_matrix, strcmp(a->format, "json") ? cols : NULL, titles);
}

static int q_warnings(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_plan_warnings_query(c, db, a->campaign);
}

int cmd_warnings(args *a)
{
	return list_of(a, q_warnings, NULL, NULL);
}

static int q_workload(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_workload_query(c, db, a->campaign, a->from, a->to, a->as_of);
}

int cmd_workload(args *a)
{
	return list_of(a, q_workload, NULL, NULL);
}
