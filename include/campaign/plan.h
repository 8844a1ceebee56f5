/**
 * @file campaign/plan.h
 * @brief The plan: campaign, units and groups, leading bodies, phases and
 *        milestones, the task tree, measures with responsibilities, outcomes.
 *
 * A store may hold several campaigns. Every query takes a @p campaign id;
 * NULL means "the only campaign in the store" and fails with
 * ::CAMPAIGN_ENOTFOUND if there is none and ::CAMPAIGN_EINVALID if there are
 * several. Ids are the plan's own text ids. Columns are listed per query;
 * dates are ISO text (type ::CAMPAIGN_COLUMN_DATE). Rows come in plan order.
 *
 * Every query returns ::CAMPAIGN_OK and a cursor in @p out (free it with
 * campaign_cursor_free()), ::CAMPAIGN_EINVALID for a NULL @p out or @p db,
 * ::CAMPAIGN_ENOTFOUND for an unknown campaign or parent id, ::CAMPAIGN_ECLOSED
 * for a closed store, or ::CAMPAIGN_ENOMEM.
 */
#ifndef CAMPAIGN_PLAN_H
#define CAMPAIGN_PLAN_H

#include <stddef.h>
#include "common.h"
#include "buf.h"
#include "store.h"
#include "cursor.h"

CAMPAIGN_BEGIN_DECLS

#define CAMPAIGN_IMPORT_OPTIONS_VERSION 1

/** Options for plan import. Initialise with ::CAMPAIGN_IMPORT_OPTIONS_INIT or campaign_import_options_init(). */
typedef struct campaign_import_options {
	unsigned int version; /**< ::CAMPAIGN_IMPORT_OPTIONS_VERSION */
	int replace;          /**< 1: a campaign with the same id is replaced; 0: it is a ::CAMPAIGN_ECONFLICT */
} campaign_import_options;

#define CAMPAIGN_IMPORT_OPTIONS_INIT { CAMPAIGN_IMPORT_OPTIONS_VERSION, 0 }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_import_options_init(campaign_import_options *opts, unsigned int version);

/**
 * Imports a plan from a YAML file (format: README.md, "The plan format").
 *
 * The whole file is validated first; the plan is then written in one
 * transaction. On any error nothing is written and the last error carries
 * `file:line:column: message` (also campaign_error_file(), _line(), _column()).
 *
 * @param db     the store
 * @param path   the YAML file
 * @param actor  who imports (recorded with every row written); not NULL or empty
 * @param opts   options, or NULL for the defaults
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for bad arguments or a bad plan;
 *         ::CAMPAIGN_EIO if the file cannot be read; ::CAMPAIGN_ECONFLICT if the
 *         campaign exists and opts->replace is 0; ::CAMPAIGN_EPERM for a
 *         read-only store; ::CAMPAIGN_EBUSY; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_plan_import_file(campaign_db *db, const char *path, const char *actor,
                                           const campaign_import_options *opts);

/**
 * Imports a plan from YAML text in memory; as campaign_plan_import_file().
 * @param yaml   the YAML text, NUL-terminated UTF-8
 * @param name   the name used in error positions (e.g. "<string>"); NULL for "<string>"
 * @return as campaign_plan_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p yaml.
 */
CAMPAIGN_API int campaign_plan_import_string(campaign_db *db, const char *yaml, const char *name,
                                                  const char *actor, const campaign_import_options *opts);

/**
 * Exports a campaign as YAML that re-imports to an identical model.
 * @param[out] out  the YAML text, written only on success; free with campaign_buf_free()
 * @param campaign  the campaign id, or NULL for the only one
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_plan_export_yaml(campaign_buf **out, campaign_db *db, const char *campaign);

/**
 * Exports a campaign as YAML to a file (written whole, then renamed into place).
 * @return as campaign_plan_export_yaml(); ::CAMPAIGN_EIO if the file cannot be written.
 */
CAMPAIGN_API int campaign_plan_export_yaml_file(campaign_db *db, const char *campaign, const char *path);

/**
 * Deletes a campaign and everything in it, in one transaction.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_EINVALID; ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_plan_delete(campaign_db *db, const char *campaign, const char *actor);

/**
 * The campaigns in the store (this query takes no campaign id).
 * Columns: id, title, issuer, basis, basis_title, period_text, period_first (date),
 * period_last (date), preamble, summary, requirements, imported_by, imported_at.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_campaigns_query(campaign_cursor **out, campaign_db *db);

/**
 * Units, parents before children. Columns: id, name, kind (department / affiliate /
 * subordinate_bureau / bureau / other), parent (NULL at the root), aliases (one per line, or NULL).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign (or a store with none); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_units_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Unit groups. Columns: id, name, aliases (one per line, or NULL), member_count (int),
 * derive (how a derived group's members are computed at import, e.g. "lead-departments"
 * for 各牵头科室, the departments that lead at least one measure; NULL for a listed group).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign (or a store with none); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_unit_groups_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Members of group @p group (an id). Columns: group_id, unit, unit_name.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out, @p db or @p group, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or group; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_unit_group_members_query(campaign_cursor **out, campaign_db *db,
                                                   const char *campaign, const char *group);

/**
 * Leading bodies (领导小组, 办公室).
 * Columns: id, name, parent (NULL or a body id), seat (unit id or NULL), duty.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign (or a store with none); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_bodies_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Members of body @p body, or of all bodies when NULL.
 * Columns: body, name, role, title, unit, unit_group, concurrent (int 0/1).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or body; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_body_members_query(campaign_cursor **out, campaign_db *db,
                                             const char *campaign, const char *body);

/**
 * Phases. Columns: id, ordinal (int), name, period_text, first (date), last (date), focus.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign (or a store with none); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_phases_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Milestones of @p phase, or of all phases when NULL. Columns: id, phase, text,
 * deadline_text, first (date), last (date), unit, unit_group.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or phase; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_milestones_query(campaign_cursor **out, campaign_db *db,
                                           const char *campaign, const char *phase);

/**
 * The task tree in document order (depth first). @p parent limits it to the
 * subtree below that task (not included); NULL gives all.
 * Columns: id, parent (NULL for an area), depth (int, 0 for an area), label ("(一)", "1."),
 * title, objective.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or parent task; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_tasks_query(campaign_cursor **out, campaign_db *db,
                                      const char *campaign, const char *parent);

/**
 * Measures of @p task (NULL: all, in document order). Columns: id, task, label, text.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or task; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_measures_query(campaign_cursor **out, campaign_db *db,
                                         const char *campaign, const char *task);

/**
 * Responsibilities of @p measure (NULL: all). One row per unit or group named.
 * Columns: measure, role ("lead" / "support"), unit (id or NULL), unit_group (id or NULL),
 * name (as the document writes it), condition (the scope a lead holds for, or NULL).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or measure; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_responsibilities_query(campaign_cursor **out, campaign_db *db,
                                                 const char *campaign, const char *measure);

/**
 * Outcomes of @p task (NULL: all). Columns: id, task, label, text, deadline_text,
 * first (date), last (date), open_ended (int 0/1), owners (the ids of the units that owe a
 * share, ","-joined in unit order, or NULL), owners_named (the plan's `owners:` as written,
 * unit or group ids ","-joined; NULL when the outcome names none and the leads of its task's
 * measures owe it), owner_names (the owing units' names, "、"-joined, or NULL).
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or task; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_outcomes_query(campaign_cursor **out, campaign_db *db,
                                         const char *campaign, const char *task);

/**
 * Changes made through the API. Columns: seq (int), at (UTC "YYYY-MM-DDTHH:MM:SSZ"), actor,
 * operation, campaign, object, detail. Newest last.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_changes_query(campaign_cursor **out, campaign_db *db);

CAMPAIGN_END_DECLS
#endif
