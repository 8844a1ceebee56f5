/* `campaign cases typical`: typical cases for public release (典型案件集中公布),
 * names masked by the library's rule (王某); the release is logged. */
#include "commands.h"

static int typical_query(campaign_cursor **c, campaign_db *db, args *a)
{
	campaign_typical_cases_options o = CAMPAIGN_TYPICAL_CASES_OPTIONS_INIT;
	o.unit = a->unit;
	o.from = a->from;
	o.to = a->to;
	return campaign_typical_cases_query(c, db, a->campaign, &o, a->actor);
}

const cli_command cases_commands[] = {
	LOGGED("typical", "", "resolved cases from findings for public release, names masked (王某); logged",
	       OPTIONS(O_UNIT("one unit's cases (a group: its members')"), O_FROM("cases decided from D"),
	               O_TO("cases decided up to D"), O_FORMAT),
	       typical_query),
	CMD_END,
};
