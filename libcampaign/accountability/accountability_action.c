/* Actions decided on proposals: an interview held and its written
 * explanation received, remedial work done, any action carried out or
 * cancelled; their status on a date; open actions by kind and unit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "accountability/accountability.h"

static const char *const EVENTS[] = {"held", "explanation_received", "done", "cancelled", NULL};

static const char SQL_ACTION[] =
	"SELECT action, decided_on, held_on, explanation_on, done_on, cancelled_on FROM accountability_action "
	"WHERE campaign = ?1 AND id = ?2";
/* One update for every event (?4, checked first): it sets the event's date,
 * an explanation received also ending the interview. */
static const char SQL_EVENT[] =
	"UPDATE accountability_action SET held_on = CASE ?4 WHEN 'held' THEN ?2 ELSE held_on END, "
	"explanation_on = CASE ?4 WHEN 'explanation_received' THEN ?2 ELSE explanation_on END, "
	"done_on = CASE WHEN ?4 IN ('explanation_received', 'done') THEN ?2 ELSE done_on END, "
	"cancelled_on = CASE ?4 WHEN 'cancelled' THEN ?2 ELSE cancelled_on END, note = coalesce(?3, note) WHERE id = ?1";

typedef struct action_state {
	char action[32], decided_on[16], held_on[16], explanation_on[16], done_on[16], cancelled_on[16];
} action_state;

static int state_get(stmts *c, sqlite3_int64 crid, const char *id, action_state *a)
{
	memset(a, 0, sizeof *a);
	return row_copy(c, SQL_ACTION, crid, id, "action", "tttttt", COLUMN_TO(a->action), COLUMN_TO(a->decided_on),
	                COLUMN_TO(a->held_on), COLUMN_TO(a->explanation_on), COLUMN_TO(a->done_on),
	                COLUMN_TO(a->cancelled_on));
}

/* Whether an event applies to the action in its state. */
static int event_check(const action_state *a, const char *id, const char *event, const char *date)
{
	int interview = !strcmp(a->action, "interview");
	if (*a->cancelled_on)
		return error_set(CAMPAIGN_ECONFLICT, "action %s was cancelled on %s", id, a->cancelled_on);
	if (*a->done_on)
		return error_set(CAMPAIGN_ECONFLICT, "action %s was done on %s", id, a->done_on);
	if (strcmp(date, a->decided_on) < 0)
		return error_set(CAMPAIGN_EINVALID, "date %s is before the decision (%s)", date, a->decided_on);
	if (!strcmp(event, "held") || !strcmp(event, "explanation_received")) {
		if (!interview)
			return error_set(CAMPAIGN_EINVALID, "\"%s\" applies to an interview, not to %s", event, a->action);
		if (!strcmp(event, "held") && *a->held_on)
			return error_set(CAMPAIGN_ECONFLICT, "interview %s was held on %s", id, a->held_on);
	}
	return CAMPAIGN_OK;
}

static int update(stmts *c, sqlite3_int64 crid, const char *id, const char *event, const char *date, const char *note)
{
	action_state a;
	int rc;
	if ((rc = state_get(c, crid, id, &a)) || (rc = event_check(&a, id, event, date)))
		return rc;
	return stmt_run(c, c->db, SQL_EVENT, "cannot record the action's progress", "ttot", id, date, note, event);
}

static int update_check(void *ctx)
{
	const campaign_action_update_options *o = ctx;
	int rc;
	if ((rc = need(o->action_id, "action")) || (rc = need_date(o->date, "date")))
		return rc;
	if (!acc_one_of(o->event, EVENTS))
		return error_set(CAMPAIGN_EINVALID, "event \"%s\" is not one of held, explanation_received, done, cancelled",
		                 o->event ? o->event : "");
	return CAMPAIGN_OK;
}

static int update_body(write_op *op, void *ctx)
{
	const campaign_action_update_options *o = ctx;
	int rc = date_in_campaign(op->db, op->crid, "date", o->date);
	return rc ? rc : update(&op->st, op->crid, o->action_id, o->event, o->date, o->note);
}

OPTIONS_WRITE_FN(action_update, CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION, action_id, event,
                 .name = "action.update", .access = ACCESS_PLAN, .check = update_check, .body = update_body)

/* Each action's status on ?2. */
#define STATUS_CTE                                                                                             \
	"WITH s AS (SELECT a.*, CASE WHEN a.cancelled_on <= ?2 THEN 'cancelled' WHEN a.done_on <= ?2 THEN 'done' " \
	"WHEN a.due_on < ?2 THEN 'overdue' ELSE 'open' END AS status FROM accountability_action a "                \
	"WHERE a.campaign = ?1) "

static const char SQL_ACTIONS[] =
	STATUS_CTE "SELECT s.id, s.proposal, p.rule, s.action, " ACC_ACTION_LABEL("s.action")
	" AS action_label, u.id AS unit, u.name AS unit_name, s.person, pe.name AS person_name, s.due_on, "
	"s.decided_on, s.held_on, s.explanation_on, s.done_on, s.cancelled_on, s.status, "
	"CASE WHEN s.status = 'overdue' THEN CAST(julianday(?2) - julianday(s.due_on) AS INTEGER) ELSE 0 END "
	"AS days_overdue, s.note FROM s JOIN accountability_proposal p ON p.id = s.proposal "
	"LEFT JOIN unit u ON u.rid = s.unit LEFT JOIN person pe ON pe.id = s.person "
	"WHERE (?3 IS NULL OR s.action = ?3) AND " UNITS_IN_OPT("u.rid", "?4") " ORDER BY s.action, u.ord, s.due_on, s.id";

int campaign_actions_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *action,
                           const char *unit, const char *as_of)
{
	return query_run(out, db, campaign, SQL_ACTIONS, "ttttttttt" "ddddddtit", "dtu", as_of, action, unit);
}

static const char SQL_ACTIONS_SUMMARY[] =
	STATUS_CTE "SELECT s.action, " ACC_ACTION_LABEL("s.action") " AS action_label, u.id AS unit, "
	"u.name AS unit_name, sum(s.status IN ('open', 'overdue')) AS open, sum(s.status = 'overdue') AS overdue, "
	"sum(s.status = 'done') AS done FROM s LEFT JOIN unit u ON u.rid = s.unit "
	"GROUP BY s.action, s.unit ORDER BY s.action, u.ord";

int campaign_actions_summary_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *as_of)
{
	return query_run(out, db, campaign, SQL_ACTIONS_SUMMARY, "ttttiii", "d", as_of);
}
