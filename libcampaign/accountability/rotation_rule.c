/* The rule kind key_post_tenure (rotation, 干部轮岗交流): a person in the
 * same key-post run (see ACC_TENURE_CTE) for at least `years` (5 by default)
 * is due, unless a deferral of the rule applies: retirement within
 * defer_near_retirement_years, or the current holding begun less than
 * defer_in_post_under_years ago. Pure data, so that tests can EXPLAIN it. */
#include "accountability/accountability.h"

#define DEFER_RETIRE ACC_P("defer_near_retirement_years")
#define DEFER_POST ACC_P("defer_in_post_under_years")

const rule_kind ACC_KIND_TENURE = {
	"key_post_tenure",
	ACC_WRAP(ACC_TENURE_CTE
	         "SELECT r.unit AS unit, r.person AS person, "
	         "'person:' || r.person || '/unit:' || u.id || '/' || r.kind || '/since:' || r.since AS key, "
	         "r.ev AS evidence, '{person}自' || r.since || '起在' || u.name || '' || " ACC_KIND_LABEL("r.kind")
	         " || '关键岗位任职,至' || ?2 || '已满' || " ACC_FULL_YEARS("r.since") " || '年(满' || "
	         "coalesce(" ACC_P("years") ", 5) || '年应交流):按照干部轮岗交流制度,应予轮岗交流' AS reason, "
	         "NULL AS due_on, NULL AS ref, NULL AS parent "
	         "FROM runs r JOIN unit u ON u.rid = r.unit JOIN person pe ON pe.id = r.person "
	         "WHERE r.until >= ?2 AND date(r.since, '+' || coalesce(" ACC_P("years") ", 5) || ' years') <= ?2 "
	         "AND NOT (coalesce(" DEFER_RETIRE ", 0) > 0 AND pe.retires_on IS NOT NULL "
	         "AND pe.retires_on < date(?2, '+' || " DEFER_RETIRE " || ' years')) "
	         "AND NOT (coalesce(" DEFER_POST ", 0) > 0 AND date(r.current_since, '+' || " DEFER_POST " || ' years') > ?2)")};

