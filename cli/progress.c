/* `campaign progress add|import|history`, `status` and `thresholds`. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

static int progress_add(args *a)
{
	campaign_db *db;
	char *end;
	long percent;
	int rc;
	percent = strtol(a->pos[4], &end, 10);
	if (*end || end == a->pos[4])
		return usage_error("PERCENT %s is not a number", a->pos[4]);
	if ((rc = open_writable(a, &db)))
		return rc;
	campaign_progress_report_add_options r = {.version = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION,
	                                          .outcome = a->pos[1], .unit = a->pos[2], .status = a->pos[3],
	                                          .percent = (int)percent, .date = a->pos[5], .note = a->note,
	                                          .evidence = a->evidence};
	rc = campaign_progress_report_add(NULL, db, a->campaign, &r, a->actor) ? fail() : 0;
	if (!rc)
		printf(_("recorded: %s %s %s %ld%% %s\n"), a->pos[1], a->pos[2], a->pos[3], percent, a->pos[5]);
	campaign_close(db);
	return rc;
}

static int progress_import(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc, before = 0, after = 0;
	if ((rc = open_writable(a, &db)))
		return rc;
	if (campaign_progress_history_query(&c, db, a->campaign, NULL, NULL) == CAMPAIGN_OK) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			before++;
		campaign_cursor_free(c);
	}
	campaign_rows_import_options io = import_options(a);
	if ((rc = campaign_progress_import_file(db, a->campaign, a->pos[1], &io, a->actor))) {
		rc = fail();
	} else if (import_checked(a, rc, a->pos[1])) {
		rc = 0;
	} else if (campaign_progress_history_query(&c, db, a->campaign, NULL, NULL) == CAMPAIGN_OK) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			after++;
		campaign_cursor_free(c);
		meter_finish();
		printf(_("imported %d reports from %s\n"), after - before, a->pos[1]);
	}
	campaign_close(db);
	return rc;
}

static int progress_history(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_progress_history_query(c, db, a->campaign, a->outcome, a->unit);
}

static int share_status(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_share_status_query(c, db, a->campaign, a->as_of);
}

int cmd_status(args *a)
{
	return list_of(a, share_status, NULL, NULL);
}

static int supervision(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_supervision_query(c, db, a->campaign, a->as_of);
}

int cmd_supervision(args *a)
{
	return list_of(a, supervision, NULL, NULL);
}

int cmd_thresholds(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc = 0;
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

const cli_command progress_commands[] = {
	CMD("add", "OUTCOME UNIT STATUS PERCENT DATE", "record one unit's progress on an outcome",
	    OPTIONS(O_NOTE, OPT("--evidence", 0, "T", "what shows it (a document number, a file)")), NULL, progress_add),
	CMD("import", "FILE.csv|FILE.yaml", "many reports, all or nothing (a bad row is named by line and column)",
	    OPTIONS(O_ENCODING),
	    NULL, progress_import),
	LIST("history", "", "every report, newest last",
	     OPTIONS(OPT("--outcome", 0, "O", "one outcome's reports"), O_UNIT("one unit's reports"), O_FORMAT),
	     progress_history),
	CMD_END,
};
