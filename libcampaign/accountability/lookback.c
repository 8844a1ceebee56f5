/* The look-back (回头看) of phase four, in two steps:
 * 1. as of a date on or after the rule's `from`: every share of an outcome
 *    whose deadline has passed and that is not done, and every overdue
 *    rectification → remedial work (补课) with a new deadline;
 * 2. a remedial work not rejected whose new deadline has passed without the
 *    item being done by it → accountability of the unit's principal. */
#include "accountability/accountability.h"

#define REMEDIAL_DUE                                                                                           \
	"coalesce(" ACC_P("remedial_deadline") ", date(?2, '+' || coalesce(" ACC_P("remedial_days") ", 30) || ' days'))"

const rule_kind ACC_KIND_LOOKBACK = {
	"lookback",
	ACC_WRAP(
		"SELECT s.unit AS unit, " ACC_PRINCIPAL("s.unit") " AS person, 'outcome:' || o.id || '/unit:' || u.id AS key, "
		"'outcome_share:' || o.id || '@' || u.id AS evidence, u.name || '承担的预期成果' || o.id || '(' || "
		"CASE WHEN length(o.text) > 30 THEN substr(o.text, 1, 30) || '…' ELSE o.text END || ')完成时限为' || o.last || "
		"',“回头看”检查(' || ?2 || ')时仍未完成:责令“补课”,限' || " REMEDIAL_DUE " || '前完成' AS reason, "
		REMEDIAL_DUE " AS due_on, 'outcome:' || o.id AS ref, NULL AS parent "
		"FROM outcome o JOIN outcome_share s ON s.outcome = o.rid JOIN unit u ON u.rid = s.unit "
		"WHERE o.campaign = ?1 AND ?2 >= " ACC_P("from") " AND coalesce(" ACC_P("outcomes") ", 1) "
		"AND o.last IS NOT NULL AND o.last < ?2 "
		"AND coalesce((SELECT p.status FROM progress_report p WHERE p.outcome = s.outcome AND p.unit = s.unit "
		"AND p.reported_on <= ?2 ORDER BY p.reported_on DESC, p.id DESC LIMIT 1), '') <> 'done' "
		"UNION ALL "
		"SELECT x.unit, " ACC_PRINCIPAL("x.unit") ", 'rectification:' || x.id, 'rectification:' || x.id, "
		"u.name || '的整改' || x.id || '整改时限为' || x.deadline || ',“回头看”检查(' || ?2 || ')时整改仍不到位:"
		"责令“补课”,限' || " REMEDIAL_DUE " || '前完成', " REMEDIAL_DUE ", 'rectification:' || x.id, NULL "
		"FROM (" ACC_OVERDUE_RECTIFICATIONS ") x JOIN unit u ON u.rid = x.unit "
		"WHERE ?2 >= " ACC_P("from") " AND coalesce(" ACC_P("rectifications") ", 1)")};

/* The remedial work's deadline: the action's (a decision may change it), else the proposal's. */
#define DUE "coalesce(a.due_on, rp.due_on)"

const rule_kind ACC_KIND_LOOKBACK_ESCALATION = {
	"lookback",
	ACC_WRAP(
		"SELECT rp.unit AS unit, " ACC_PRINCIPAL("rp.unit") " AS person, 'escalation:' || rp.id AS key, "
		"'accountability_proposal:' || rp.id || coalesce(',accountability_action:' || a.id, '') AS evidence, "
		"u.name || '经“回头看”责令“补课”(' || rp.ref || '),至' || " DUE " || '仍未完成,存在问题整改仍不到位:"
		"对单位主要负责人{person}实行问责' AS reason, NULL AS due_on, rp.ref AS ref, rp.id AS parent "
		"FROM accountability_proposal rp JOIN unit u ON u.rid = rp.unit "
		"LEFT JOIN accountability_action a ON a.proposal = rp.id "
		"WHERE rp.campaign = ?1 AND rp.rule = ?4 AND rp.action = 'remedial_work' AND rp.status <> 'rejected' "
		"AND coalesce(a.action, rp.action) = 'remedial_work' AND a.cancelled_on IS NULL AND " DUE " < ?2 "
		"AND NOT (a.done_on IS NOT NULL AND a.done_on <= " DUE ") "
		"AND NOT (rp.ref LIKE 'outcome:%' AND coalesce((SELECT p.status FROM outcome o JOIN progress_report p "
		"ON p.outcome = o.rid AND p.unit = rp.unit WHERE o.campaign = ?1 AND o.id = substr(rp.ref, 9) "
		"AND p.reported_on <= " DUE " ORDER BY p.reported_on DESC, p.id DESC LIMIT 1), '') = 'done') "
		"AND NOT (rp.ref LIKE 'rectification:%' AND EXISTS (SELECT 1 FROM rectification r "
		"WHERE r.id = substr(rp.ref, 15) AND ((r.closed_on IS NOT NULL AND r.closed_on <= " DUE ") OR "
		ACC_RECT_STATUS("r.id", DUE) " IN ('done', 'ongoing'))))")};
