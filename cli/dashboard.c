/* campaign dashboard: the campaign's one-page HTML dashboard (campaign/dashboard.h). */
#include <stdio.h>
#include "commands.h"

int cmd_dashboard(args *a)
{
	campaign_dashboard_options opts = CAMPAIGN_DASHBOARD_OPTIONS_INIT;
	campaign_db *db;
	campaign_buf *b;
	int rc;
	if ((rc = open_existing(a, &db)))
		return rc;
	opts.as_of = a->as_of;
	opts.unit = a->unit;
	opts.site = arg_opt(a, "--site");
	if (a->output)
		rc = campaign_dashboard_write(db, a->campaign, &opts, a->output) ? fail() : 0;
	else if (!(rc = campaign_dashboard_write_buf(&b, db, a->campaign, &opts)))
		rc = print_buf(b);
	else
		rc = fail();
	campaign_close(db);
	return rc;
}
