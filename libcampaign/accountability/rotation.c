/* Rotation (干部轮岗交流) of people in key posts: tenure is the unbroken run
 * of holdings of key posts of the same kind in the same unit (a holding that
 * starts within a day of the previous one's end continues the run); a person
 * in such a run for at least `years` (5 by default) is due for rotation,
 * unless a deferral of the rule applies: retirement within
 * defer_near_retirement_years, or the current holding begun less than
 * defer_in_post_under_years ago. */
#include "accountability/accountability.h"

static const char SQL_TENURE[] =
	ACC_TENURE_CTE "SELECT r.person, pe.name AS person_name, u.id AS unit, u.name AS unit_name, r.kind, "
	ACC_KIND_LABEL("r.kind") " AS kind_label, r.post, r.since, r.current_since, "
	ACC_FULL_YEARS("r.since") " AS years, pe.retires_on "
	"FROM runs r JOIN unit u ON u.rid = r.unit JOIN person pe ON pe.id = r.person "
	"WHERE r.until >= ?2 ORDER BY u.ord, r.kind, pe.name, r.person";

int campaign_tenure_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	/* no rule: every kind of key post ($.kinds absent) */
	return query_run(out, db, campaign, SQL_TENURE, "tttttttddid", "dt", as_of, "{}");
}
