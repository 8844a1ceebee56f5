/**
 * @file campaign/progress.h
 * @brief Progress reports on outcomes, status on a date, and supervision (督查).
 *
 * An outcome is owed by the units or groups its `owners:` name, groups
 * expanded to their members (each county bureau owes its own share of
 * "各县…12月中旬完成"); an outcome that names none is owed by the lead units
 * of its task's measures, and where a task names no lead, by all its units.
 * A milestone is owed by its unit, or by each member of its group. Each
 * (outcome, unit) and (milestone, unit) pair is a *share*. A unit reports on
 * its share (a report's outcome id may name a milestone); reports are history:
 * the newest (by report date, then by time recorded) is current, none is ever lost.
 *
 * Lateness: a share whose current report says done, dated after the last day
 * of its deadline, was completed late, by (reported_on - last) days.
 *
 * Status on a date: a share is "done" when its current report says done;
 * otherwise, against the outcome's last day, "red" (overdue) once the date is
 * more than red_days past it, "yellow" (due soon) from yellow_days before it,
 * "green" before that, and "none" when the outcome has no dated deadline.
 * The thresholds are per campaign (default yellow_days 7, red_days 0).
 */
#ifndef CAMPAIGN_PROGRESS_H
#define CAMPAIGN_PROGRESS_H

#include "common.h"
#include "buf.h"
#include "store.h"
#include "cursor.h"
#include "import.h"

CAMPAIGN_BEGIN_DECLS

#define CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION 1

/**
 * A unit's report on an outcome, for campaign_progress_report_add().
 * Initialise with ::CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_INIT or
 * campaign_progress_report_add_options_init().
 */
typedef struct campaign_progress_report_add_options {
	unsigned int version; /**< ::CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION */
	const char *outcome;  /**< outcome id, or a milestone id */
	const char *unit;     /**< unit id; it must owe a share of the outcome */
	const char *status;   /**< "not_started", "in_progress", "done" or "blocked" */
	int percent;          /**< 0..100; "done" requires 100 and "not_started" 0 */
	const char *date;     /**< the report's date "YYYY-MM-DD", within the campaign period (examples/plans/FORMAT.md, "Dates checked") */
	const char *note;     /**< free text, or NULL */
	const char *evidence; /**< a reference to evidence (document number, file), or NULL */
} campaign_progress_report_add_options;

#define CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_INIT \
	{ CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION, NULL, NULL, NULL, 0, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_progress_report_add_options_init(campaign_progress_report_add_options *opts,
                                                           unsigned int version);

/**
 * Records a unit's report on an outcome, in one transaction.
 *
 * @param out_id    receives the new report's id (free it with campaign_buf_free()), or NULL
 * @param db        the store
 * @param campaign  campaign id, or NULL for the only one
 * @param opts      the report (see ::campaign_progress_report_add_options)
 * @param actor     who reports; not NULL or empty
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a bad argument (the message names it), NULL
 *         @p opts or an unknown opts->version; ::CAMPAIGN_ENOTFOUND for an unknown campaign,
 *         outcome (or milestone) or unit, or a unit that owes no share of it; ::CAMPAIGN_EPERM
 *         (read-only store, or an actor who may not write for the unit: the refusal is
 *         logged); ::CAMPAIGN_EBUSY; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_progress_report_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                              const campaign_progress_report_add_options *opts, const char *actor);

/**
 * Imports many reports from a CSV file (UTF-8, optional BOM, header
 * `outcome,unit,status,percent,date,note,evidence`) or a YAML file (a list of
 * mappings with those keys), chosen by the file's extension (.csv, .yaml/.yml).
 * All rows are checked first; one bad row fails the whole import with
 * `file:line:column: message` and nothing is written.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a bad row, an unknown extension);
 *         ::CAMPAIGN_EIO; ::CAMPAIGN_EPERM; ::CAMPAIGN_ENOTFOUND (campaign).
 * @p opts: dry run, error limit, progress (campaign/import.h); NULL for the defaults.
 */
CAMPAIGN_API int campaign_progress_import_file(campaign_db *db, const char *campaign, const char *path,
                                               const campaign_rows_import_options *opts, const char *actor);
/** As campaign_progress_import_file(), from @p text in memory, named @p name in messages (NULL: "<string>");
 *  the format by @p name's extension, or without a name by the text (see campaign/import.h).
 * @return as campaign_progress_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p text.
 */
CAMPAIGN_API int campaign_progress_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                                 const campaign_rows_import_options *opts, const char *actor);

/**
 * Sets the warning thresholds of a campaign (days before the last day a share
 * turns yellow; days after it that it turns red).
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for negative days; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_thresholds_set(campaign_db *db, const char *campaign, int yellow_days, int red_days,
                                         const char *actor);

/**
 * The thresholds. Columns: yellow_days (int), red_days (int). One row.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign (or a store with none); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_thresholds_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Report history of outcome shares, then of milestone shares, each in plan
 * order and newest last. @p outcome (an outcome's or a milestone's id) and
 * @p unit (a unit or group, by id, name or alias) filter when not NULL.
 * Columns: id, outcome (the outcome's or milestone's id), unit, status, percent (int),
 * reported_on (date), note, evidence, actor, recorded_at, current (int 1 for the report
 * in force for its share), kind ("outcome" / "milestone").
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign, outcome or milestone ("no outcome or milestone
 *         with id ...") or unit; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_progress_history_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                 const char *outcome, const char *unit);

/**
 * Each share's status on @p as_of ("YYYY-MM-DD"; NULL for today (the local date)): outcome shares in
 * plan order, then milestone shares in plan order.
 * Columns: outcome (the outcome's or milestone's id), unit, unit_name, status (current
 * report's, or "not_started"), percent (int), reported_on (date or NULL), first (date),
 * last (date), color ("done"/"green"/"yellow"/"red"/"none"), days_late (int: days past the
 * last day when red, days after it that the done report is dated when completed late,
 * else 0), kind ("outcome"/"milestone"), completion ("on_time"/"late" for a done share
 * with a dated deadline, else NULL).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, a bad @p as_of, or no campaign named in a
 *         store of several; ::CAMPAIGN_ENOTFOUND for an unknown campaign; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_share_status_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                             const char *as_of);

/**
 * Each outcome's status on @p as_of: the worst of its shares.
 * Columns: outcome, task, label, text, deadline_text, first (date), last (date),
 * shares (int), done (int: shares done), percent (int: mean over shares),
 * color ("done"/"green"/"yellow"/"red"/"none"), days_late (int),
 * owing (names of the units not done, "、"-joined, or NULL), done_on_time (int: shares
 * done by the last day, or done with no dated deadline), done_late (int: shares done after it).
 * days_late is that of the most overdue share not done.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, a bad @p as_of, or no campaign named in a
 *         store of several; ::CAMPAIGN_ENOTFOUND for an unknown campaign; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_outcome_status_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                               const char *as_of);

/**
 * Phases and milestones on @p as_of.
 * Columns: kind ("phase"/"milestone"), id, phase, name (phase name or milestone text),
 * first (date), last (date), status ("upcoming"/"active"/"ended" for a phase;
 * "upcoming"/"due_soon"/"passed" for a milestone), unit, unit_group, shares (int: the
 * milestone's shares, or for a phase those of its milestones), done_on_time (int),
 * done_late (int).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, a bad @p as_of, or no campaign named in a
 *         store of several; ::CAMPAIGN_ENOTFOUND for an unknown campaign; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_phase_status_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                             const char *as_of);

/**
 * Units that lag on @p as_of, for supervision (督查): units with at least one
 * overdue (red) share of an outcome or a milestone, most overdue first.
 * Columns: unit, unit_name, overdue (int: outcome and milestone shares), max_days_late (int),
 * outcomes (outcome ids, ","-joined, or NULL), reason (Chinese text: which outcomes and
 * milestones ("节点 <id>"), how late), milestones (milestone ids, ","-joined, or NULL).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, a bad @p as_of, or no campaign named in a
 *         store of several; ::CAMPAIGN_ENOTFOUND for an unknown campaign; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_supervision_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                            const char *as_of);

/**
 * Writes the progress report on @p as_of as a workbook (.xlsx, replaced if it exists), one
 * sheet per section with Chinese headers, frozen header rows and dates as dates (as
 * campaign_cursor_write_xlsx() writes a sheet): 成果进度 (campaign_outcome_status_query()),
 * 各阶段 (campaign_phase_status_query()), 各单位 (campaign_workload_query()), 逾期成果 (the red
 * outcomes), 督查名单 (campaign_supervision_query()) and 单位进度 (campaign_share_status_query()).
 * A failed call leaves no file.
 * @param db        the store
 * @param campaign  campaign id, or NULL for the only one
 * @param as_of     the date judged ("YYYY-MM-DD"); NULL for today (the local date)
 * @param path      the workbook to write
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL @p db or @p path or a bad @p as_of;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign; ::CAMPAIGN_EIO when the file cannot be
 *         written; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_report_write_xlsx(campaign_db *db, const char *campaign, const char *as_of, const char *path);

CAMPAIGN_END_DECLS
#endif
