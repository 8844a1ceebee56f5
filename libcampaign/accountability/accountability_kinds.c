/* The rule kinds over findings, evaluations, rectifications and cases: one
 * query each, set-based (no query per row of a table), parameters read from
 * the rule's JSON (?3). See accountability_internal.h for the columns. */
#include "accountability/accountability.h"

/* (二)3: a finding in a category of the catalogue (the five behaviours)
 * proposes suspension or removal of each person of the unit it names. */
const rule_kind ACC_KIND_BEHAVIOUR = {
	"behaviour_finding",
	ACC_WRAP("SELECT f.unit AS unit, pe.id AS person, 'finding:' || f.id || coalesce('/person:' || pe.id, '') AS key, "
	         "'finding:' || f.id AS evidence, u.name || "
	         "CASE WHEN pe.id IS NOT NULL THEN '{person}' ELSE coalesce(f.people, '有关人员') END || "
	         "'存在“' || g.text || '”行为(问题' || f.id || ',' || f.found_on || '发现):按照方案二(二)3,应先' || "
	         ACC_ACTION_LABEL("?5") " || ',并按有关规定和程序予以处理' AS reason, "
	         "NULL AS due_on, NULL AS ref, NULL AS parent "
	         "FROM violation_catalogue c JOIN violation_category g ON g.catalogue = c.rid "
	         "JOIN finding f ON f.category = g.rid JOIN unit u ON u.rid = f.unit "
	         "LEFT JOIN person pe ON pe.unit = f.unit AND f.people IS NOT NULL AND instr(f.people, pe.name) > 0 "
	         "WHERE c.campaign = ?1 AND c.id = coalesce(" ACC_P("catalogue") ", 'five-behaviours') "
	         "AND f.found_on <= ?2 AND f.found_on >= coalesce(" ACC_P("since") ", '0000-00-00') "
	         "AND (" ACC_P("categories") " IS NULL OR g.id IN (SELECT value FROM json_each(?3, '$.categories')))")};

/* (三)4(1): the bottom N (or P%) of each conduct evaluation given by the
 * date; ties at the boundary are all in (rank from the bottom <= N). */
const rule_kind ACC_KIND_EVALUATION = {
	"evaluation_bottom",
	ACC_WRAP(
		"WITH e AS (SELECT ev.id, ev.unit, ev.year, ev.period, ev.score_centi, ev.evaluated_on "
		"FROM conduct_evaluation ev WHERE ev.campaign = ?1 AND ev.evaluated_on <= ?2 "
		"AND (" ACC_P("year") " IS NULL OR ev.year = " ACC_P("year") ") "
		"AND (" ACC_P("period") " IS NULL OR ev.period = " ACC_P("period") ") "
		"AND (" ACC_P("group") " IS NULL OR ev.unit IN (SELECT gm.unit FROM unit_group g "
		"JOIN unit_group_member gm ON gm.grp = g.rid WHERE g.campaign = ?1 AND g.id = " ACC_P("group") "))), "
		"r AS (SELECT e.*, rank() OVER (PARTITION BY year, period ORDER BY score_centi) AS from_bottom, "
		"rank() OVER (PARTITION BY year, period ORDER BY score_centi DESC) AS rnk, "
		"count(*) OVER (PARTITION BY year, period) AS cnt, "
		"max(evaluated_on) OVER (PARTITION BY year, period) AS published FROM e), "
		"b AS (SELECT r.*, coalesce(" ACC_P("n") ", (r.cnt * " ACC_P("percent") " + 99) / 100) AS lim, "
		"coalesce(" ACC_P("explanation_due") ", date(r.published, '+' || coalesce(" ACC_P("explanation_days") ", 30) "
		"|| ' days')) AS due FROM r) "
		"SELECT b.unit AS unit, " ACC_PRINCIPAL("b.unit") " AS person, "
		"'evaluation:' || b.year || '/' || b.period || '/unit:' || u.id AS key, 'conduct_evaluation:' || b.id AS evidence, "
		"u.name || '在' || b.year || '年' || b.period || '行风评议中得分' || printf('%.2f', b.score_centi / 100.0) || "
		"',在' || b.cnt || '个单位中排名第' || b.rnk || '(倒数第' || b.from_bottom || '),评价较差、排名靠后(' || "
		"CASE WHEN " ACC_P("n") " IS NOT NULL THEN '倒数' || " ACC_P("n") " || '名' ELSE '后' || " ACC_P("percent")
		" || '%' END || '以内):由上一级国土资源部门党委(组)约谈单位主要负责人{person},被约谈单位党组织于' || "
		"b.due || '前作出书面说明' AS reason, b.due AS due_on, NULL AS ref, NULL AS parent "
		"FROM b JOIN unit u ON u.rid = b.unit WHERE b.from_bottom <= b.lim")};

/* (三)4(1): more than K rectifications of a unit overdue. */
const rule_kind ACC_KIND_RECTIFICATION = {
	"rectification_overdue",
	ACC_WRAP("WITH s AS (" ACC_OVERDUE_RECTIFICATIONS "), "
	         "g AS (SELECT unit, count(*) AS n, group_concat('rectification:' || id, ',') AS ev "
	         "FROM (SELECT unit, id FROM s ORDER BY unit, id) GROUP BY unit) "
	         "SELECT g.unit AS unit, " ACC_PRINCIPAL("g.unit") " AS person, 'unit:' || u.id AS key, g.ev AS evidence, "
	         "u.name || '有' || g.n || '项整改逾期未完成(超过' || " ACC_P("more_than") " || '项),问题较多又不能及时整改:"
	         "由国土资源部门会同纪检监察机关和组织部门,按照干部管理权限提出干部调整的意见和建议(单位主要负责人{person})' "
	         "AS reason, NULL AS due_on, NULL AS ref, NULL AS parent "
	         "FROM g JOIN unit u ON u.rid = g.unit WHERE g.n > " ACC_P("more_than"))};

/* (三)4 目标任务: at least C cases (case leads received in the period, or
 * those with the given outcomes) in a unit → accountability of its principal. */
const rule_kind ACC_KIND_CASES = {
	"case_count",
	ACC_WRAP("WITH l AS (SELECT id, unit FROM case_lead WHERE campaign = ?1 AND unit IS NOT NULL "
	         "AND received_on <= ?2 AND received_on >= coalesce(" ACC_P("from") ", '0000-00-00') "
	         "AND received_on <= coalesce(" ACC_P("to") ", '9999-12-31') "
	         "AND (" ACC_P("outcomes") " IS NULL OR (outcome_on <= ?2 AND outcome IN "
	         "(SELECT value FROM json_each(?3, '$.outcomes'))))), "
	         "g AS (SELECT unit, count(*) AS n, group_concat('case_lead:' || id, ',') AS ev "
	         "FROM (SELECT unit, id FROM l ORDER BY unit, id) GROUP BY unit) "
	         "SELECT g.unit AS unit, " ACC_PRINCIPAL("g.unit") " AS person, "
	         "'unit:' || u.id || '/' || coalesce(" ACC_P("from") ", '') || '..' || coalesce(" ACC_P("to") ", '') AS key, "
	         "g.ev AS evidence, u.name || CASE WHEN " ACC_P("from") " IS NOT NULL AND " ACC_P("to") " IS NOT NULL "
	         "THEN '在' || " ACC_P("from") " || '至' || " ACC_P("to") " || '期间' WHEN " ACC_P("from") " IS NOT NULL "
	         "THEN '自' || " ACC_P("from") " || '以来' ELSE '' END || '发生案件' || g.n || '件(达到' || "
	         ACC_P("at_least") " || '件),腐败案件多发频发:对主要责任人{person}实行行政问责,严格责任追究' AS reason, "
	         "NULL AS due_on, NULL AS ref, NULL AS parent "
	         "FROM g JOIN unit u ON u.rid = g.unit WHERE g.n >= " ACC_P("at_least"))};

/* 工作要求(二): concealment or falsification recorded on a finding, and
 * refusal to self-inspect (no summary report by the round's deadline plus
 * grace_days) → strict accountability. */
#define GRACE_DEADLINE "date(r.deadline, '+' || coalesce(" ACC_P("grace_days") ", 0) || ' days')"
const rule_kind ACC_KIND_CONCEALMENT = {
	"concealment",
	ACC_WRAP("SELECT f.unit AS unit, coalesce(pe.id, " ACC_PRINCIPAL("f.unit") ") AS person, "
	         "'finding:' || f.id || coalesce('/person:' || pe.id, '') AS key, 'finding:' || f.id AS evidence, "
	         "u.name || CASE WHEN pe.id IS NOT NULL THEN '{person}' ELSE coalesce(f.people, '') END || '在问题' || "
	         "f.id || '中存在' || CASE WHEN f.concealed AND f.falsified THEN '掩盖问题、弄虚作假' "
	         "WHEN f.concealed THEN '掩盖问题' ELSE '弄虚作假' END || '行为:按照工作要求(二),实施严格的责任追究' || "
	         "CASE WHEN pe.id IS NULL THEN '(单位主要负责人{person})' ELSE '' END AS reason, "
	         "NULL AS due_on, NULL AS ref, NULL AS parent "
	         "FROM finding f JOIN unit u ON u.rid = f.unit "
	         "LEFT JOIN person pe ON pe.unit = f.unit AND f.people IS NOT NULL AND instr(f.people, pe.name) > 0 "
	         "WHERE f.campaign = ?1 AND (f.concealed = 1 OR f.falsified = 1) "
	         "AND coalesce(f.flagged_on, f.found_on) <= ?2 "
	         "UNION ALL "
	         "SELECT r.unit, " ACC_PRINCIPAL("r.unit") ", 'round:' || r.id, 'inspection_round:' || r.id, "
	         "u.name || '未在期限(' || " GRACE_DEADLINE " || ')前上报自查自纠总结报告(自查自纠' || r.id || '),"
	         "视为拒不自查:按照工作要求(二),对单位主要负责人{person}实施严格的责任追究', NULL, NULL, NULL "
	         "FROM inspection_round r JOIN unit u ON u.rid = r.unit "
	         "WHERE r.campaign = ?1 AND coalesce(" ACC_P("refusal") ", 1) AND " GRACE_DEADLINE " < ?2 "
	         "AND NOT EXISTS (SELECT 1 FROM inspection_submission s WHERE s.round = r.rid "
	         "AND s.submitted_on <= " GRACE_DEADLINE ")")};
