/* The rule kind tour_missing: a year of the campaign that ends without a
 * tour of a member of the group is flagged. Pure data, so that tests can
 * EXPLAIN it. */
#include "accountability/accountability.h"

/* Every member of the group (default counties) not toured in a year of the
 * campaign (or first_year..last_year) whose due day (MM-DD, default 12-31)
 * is before ?2. */
#define YEAR_DUE "printf('%04d-', y) || coalesce(" ACC_P("due") ", '12-31')"
const rule_kind ACC_KIND_TOUR = {
	"tour_missing",
	ACC_WRAP("WITH RECURSIVE bounds AS (SELECT coalesce(" ACC_P("first_year") ", "
	         "CAST(substr(c.period_first, 1, 4) AS INTEGER)) AS y0, coalesce(" ACC_P("last_year") ", "
	         "CAST(substr(c.period_last, 1, 4) AS INTEGER)) AS y1 FROM campaign c WHERE c.rid = ?1), "
	         "yrs(y) AS (SELECT y0 FROM bounds WHERE y0 IS NOT NULL UNION ALL "
	         "SELECT y + 1 FROM yrs, bounds WHERE y < y1 AND y < y0 + 100), "
	         "due AS (SELECT y, " YEAR_DUE " AS due_on FROM yrs WHERE " YEAR_DUE " < ?2) "
	         "SELECT gm.unit AS unit, NULL AS person, 'tour:' || due.y || '/unit:' || u.id AS key, "
	         "coalesce('inspection_tour:' || t.id, 'unit_group:' || g.id) AS evidence, "
	         "u.name || due.y || '年度未接受巡视' || CASE WHEN t.planned_on IS NOT NULL THEN '(原定' || t.planned_on || ')' "
	         "ELSE '' END || ':按照方案(三)4(2),每年对各县(市、区)国土资源局(分局)领导班子进行一次巡视,应即安排巡视' "
	         "AS reason, NULL AS due_on, NULL AS ref, NULL AS parent "
	         "FROM due JOIN unit_group g ON g.campaign = ?1 AND g.id = coalesce(" ACC_P("group") ", 'counties') "
	         "JOIN unit_group_member gm ON gm.grp = g.rid JOIN unit u ON u.rid = gm.unit "
	         "LEFT JOIN inspection_tour t ON t.campaign = ?1 AND t.unit = gm.unit AND t.year = due.y "
	         "WHERE t.conducted_on IS NULL OR t.conducted_on > due.due_on")};

