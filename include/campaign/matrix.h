/**
 * @file campaign/matrix.h
 * @brief The responsibility matrix (任务分工表): who leads and who supports
 *        each measure, what each unit owes, and the plan's warnings.
 *
 * A responsibility that names a unit group (各科室) is expanded to the
 * group's member units; the group stays visible in `via_group` and the name
 * as the document writes it in `written`. A scoped lead keeps its scope in
 * `condition`. A measure's deadlines are those of the outcomes of its task.
 *
 * All queries: @p campaign NULL means the only campaign in the store. They
 * return ::CAMPAIGN_OK and a cursor (free with campaign_cursor_free());
 * ::CAMPAIGN_EINVALID for NULL @p out / @p db or a bad date;
 * ::CAMPAIGN_ENOTFOUND for an unknown campaign, unit or measure; ::CAMPAIGN_ENOMEM.
 */
#ifndef CAMPAIGN_MATRIX_H
#define CAMPAIGN_MATRIX_H

#include "common.h"
#include "store.h"
#include "cursor.h"

CAMPAIGN_BEGIN_DECLS

/**
 * What one unit leads and supports, in plan order: one row per measure and
 * way of owing it (directly, or through each group that names the unit).
 * @p unit is a unit's id, name or alias as the plan writes them, or a group
 * (id, name or alias): then the rows of each member, by measure, then unit.
 * Columns: measure, task, task_title, label, text, role ("lead"/"support"),
 * via_group (group id or NULL), written (the name as the document writes it),
 * condition (scope of a scoped lead, or NULL), deadline_text (the task's
 * outcome deadlines, "；"-joined, or NULL), deadline_first (date), deadline_last (date),
 * outcomes_owed (the ids of the task's outcomes the unit owes a share of, ","-joined, or NULL:
 * a unit may lead a measure and owe none of its task's outcomes when they name other owners),
 * unit (the unit's id), unit_name.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out, @p db or @p unit, an ambiguous unit name (the message lists the
 *         candidates), or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or unit; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_unit_matrix_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                            const char *unit);

/**
 * The units of one measure, groups expanded, leads first.
 * Columns: measure, role, unit, unit_name, via_group, written, condition.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out, @p db or @p measure, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or measure; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_measure_units_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                              const char *measure);

/**
 * The whole matrix as the 任务分工表: one row per measure in plan order.
 * Columns: seq (int, 1-based), task, task_label, task_title, measure, label, text,
 * lead (names as written, "、"-joined, a scope in parentheses), support (likewise),
 * deadline_text (the task's outcome deadlines, "；"-joined, or NULL), deadline_last (date).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign (or a store with none); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_matrix_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Warnings about the plan (not errors): measures with no lead unit, units that
 * appear in no measure (directly or through a group), scoped leads, and
 * deadlines the document sets outside its own dates (accepted as written):
 * an outcome or milestone due before the campaign starts, a milestone due
 * outside its phase, an outcome due after the campaign ends.
 * Columns: kind ("measure_without_lead" / "unit_without_measure" / "scoped_lead" /
 * "deadline_before_campaign" / "deadline_outside_phase" / "deadline_after_campaign"),
 * object (measure, unit, outcome or milestone id), message (Chinese text naming the
 * object; for a deadline, the outcome's or milestone's text, its last day and the
 * campaign's or phase's dates).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign (or a store with none); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_plan_warnings_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Workload per unit (units with any responsibility, in plan order).
 * @param from, to  a window "YYYY-MM-DD" (inclusive) for outcomes due; NULL for none
 * @param as_of     the date for counting overdue outcome shares; NULL for today (the local date of the time zone)
 * Columns: unit, unit_name, measures_led (int), measures_supported (int),
 * outcomes_owed (int), outcomes_due (int, last date within the window),
 * outcomes_overdue (int, past due and not done as of @p as_of).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, a bad @p as_of or window end, or no campaign named in a
 *         store of several; ::CAMPAIGN_ENOTFOUND for an unknown campaign; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_workload_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                         const char *from, const char *to, const char *as_of);

CAMPAIGN_END_DECLS
#endif
