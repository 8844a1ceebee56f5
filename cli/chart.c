/* campaign chart KIND: one chart of the dashboard alone, as an SVG file (campaign/dashboard.h). */
#include <stdio.h>
#include "commands.h"

int cmd_chart(args *a)
{
	campaign_chart_options opts = CAMPAIGN_CHART_OPTIONS_INIT;
	campaign_db *db;
	campaign_buf *b;
	int rc;
	if ((rc = open_existing(a, &db)))
		return rc;
	opts.kind = first_arg(a);
	opts.as_of = a->as_of;
	opts.unit = a->unit;
	opts.site = arg_opt(a, "--site");
	if (a->output)
		rc = campaign_chart_write(db, a->campaign, &opts, a->output) ? fail() : 0;
	else if (!(rc = campaign_chart_write_buf(&b, db, a->campaign, &opts)))
		rc = print_buf(b);
	else
		rc = fail();
	campaign_close(db);
	return rc;
}
