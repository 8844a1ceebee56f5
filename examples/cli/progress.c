/* `campaign progress add|import|history`, `status` and `thresholds`. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

static int open_writable(args *a, campaign_db **db)
{
	return campaign_open(db, a->db, CAMPAIGN_OPEN_NOCREATE) ? fail() : 0;
}

static int progress_add(args *a)
{
	campaign_db *db;
	char *end;
	long percent;
	int rc;
	if (a->npos != 6)
		return usage_error("progress add needs OUTCOME UNIT STATUS PERCENT DATE%s", "");
	percent = strtol(a->pos[4], &end, 10);
	if (*end || end == a->pos[4])
		return usage_error("PERCENT %s is not a number", a->pos[4]);
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = campaign_progress_report(db, a->campaign, a->pos[1], a->pos[2], a->pos[3], (int)percent, a->pos[5], a->note,
	                              a->evidence, a->actor)
	             ? fail()
	             : 0;
	if (!rc)
		printf("recorded: %s %s %s %ld%% %s\n", a->pos[1], a->pos[2], a->pos[3], percent, a->pos[5]);
	campaign_close(db);
	return rc;
}

static int progress_import(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc, before = 0, after = 0;
	if (a->npos != 2)
		return usage_error("progress import needs one FILE%s", "");
	if ((rc = open_writable(a, &db)))
		return rc;
	if (campaign_progress_history_query(&c, db, a->campaign, NULL, NULL) == CAMPAIGN_OK) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			before++;
		campaign_cursor_free(c);
	}
	if (campaign_progress_import_file(db, a->campaign, a->pos[1], NULL, a->actor)) {
		rc = fail();
	} else if (campaign_progress_history_query(&c, db, a->campaign, NULL, NULL) == CAMPAIGN_OK) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			after++;
		campaign_cursor_free(c);
		printf("imported %d reports from %s\n", after - before, a->pos[1]);
	}
	campaign_close(db);
	return rc;
}

static int progress_history(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc;
	if ((rc = open_existing(a, &db)))
		return rc;
	if (campaign_progress_history_query(&c, db, a->campaign, a->outcome, a->unit))
		rc = fail();
	else {
		if (!strcmp(a->format, "csv"))
			csv_bom(stdout);
		rc = print_table(c, a->format, NULL, NULL) ? fail() : 0;
	}
	campaign_close(db);
	return rc;
}

int cmd_progress(args *a)
{
	if (a->npos < 1)
		return usage_error("progress needs add, import or history%s", "");
	if (!strcmp(a->pos[0], "add"))
		return progress_add(a);
	if (!strcmp(a->pos[0], "import"))
		return progress_import(a);
	if (!strcmp(a->pos[0], "history"))
		return progress_history(a);
	return usage_error("unknown progress command %s", a->pos[0]);
}

int cmd_status(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc;
	if (a->npos)
		return usage_error("status takes no argument: %s", a->pos[0]);
	if ((rc = open_existing(a, &db)))
		return rc;
	if (campaign_share_status_query(&c, db, a->campaign, a->as_of))
		rc = fail();
	else {
		if (!strcmp(a->format, "csv"))
			csv_bom(stdout);
		rc = print_table(c, a->format, NULL, NULL) ? fail() : 0;
	}
	campaign_close(db);
	return rc;
}

int cmd_thresholds(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc = 0;
	if (a->npos)
		return usage_error("thresholds takes no argument: %s", a->pos[0]);
	if (!a->yellow != !a->red)
		return usage_error("give both --yellow and --red%s", "");
	if (a->yellow) {
		char *e1, *e2;
		long y = strtol(a->yellow, &e1, 10), r = strtol(a->red, &e2, 10);
		if (*e1 || *e2 || e1 == a->yellow || e2 == a->red)
			return usage_error("--yellow and --red take whole numbers of days%s", "");
		if ((rc = open_writable(a, &db)))
			return rc;
		if (campaign_thresholds_set(db, a->campaign, (int)y, (int)r, a->actor))
			rc = fail();
		campaign_close(db);
		if (rc)
			return rc;
	}
	if ((rc = open_existing(a, &db)))
		return rc;
	if (campaign_thresholds_query(&c, db, a->campaign))
		rc = fail();
	else
		rc = print_table(c, a->format, NULL, NULL) ? fail() : 0;
	campaign_close(db);
	return rc;
}
