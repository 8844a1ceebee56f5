/**
 * @file campaign/risk.h
 * @brief Integrity-risk points, grading models, controls, publication and warnings.
 *
 * Section (二)1 of the plan (廉政风险点排查): every post, core business and
 * key step is searched for integrity-risk points; each point is graded, the
 * grades are published (公示) and managed at their own level (分级负责), and
 * controls on three lines of defence (三道防线: prevention, monitoring,
 * disposal) are put in place, with early warning. The full guide, with the
 * model format, is docs/risk.md.
 *
 * Grading models are YAML data (examples/models/), of one of three kinds:
 * - `matrix`: likelihood (1..N) × impact (1..M), each cell a grade;
 * - `weighted`: factors with integer weights; score = Σ weight × value; the
 *   first grade (by rank) whose threshold the score reaches;
 * - `criteria`: yes/no criteria; the first grade whose threshold the count
 *   of criteria held reaches; an `override` criterion held forces the top grade.
 * Each grade has a rank (1 is the top), a label, a managing level
 * (owner_level), a review interval in days and a warning colour. Models are
 * versioned (a changed model imported again is the next version) and a
 * campaign has one default model.
 *
 * Inputs are text: "likelihood=4,impact=5", "power=4,discretion=3",
 * "approval,past_case" (a bare name is 1; ';' separates too). A point keeps
 * its inputs; grading merges new ones into them. A control states what it
 * reduces once in place, in the same form with negative values
 * ("likelihood=-1"); the residual grade applies the reductions of every
 * control in place, clamped to each input's range (override criteria are
 * facts and are never reduced). The grade in force is the override when one
 * was given, else the residual grade.
 *
 * Ids. Types and models have the caller's text ids. Points, controls and
 * publications are created at a site: the caller may give an id (unique in
 * the store; use a site prefix), or pass NULL and get a new UUIDv7 back
 * through a ::campaign_buf (pass NULL for @p out_id when it is not wanted).
 *
 * Confidentiality. A point may carry a confidential note (e.g. a person's
 * disciplinary record behind it), stored apart (table
 * risk_point_confidential) and read only through
 * campaign_risk_point_confidential_query(), which checks the actor's access
 * and logs the read. No other query, publication or report returns it.
 *
 * Authorisation (when roles are granted, see access.h): models, types, the
 * default model, regrading, overrides, approval, publication and
 * confidential notes need the supervision office; a unit clerk may add and
 * change its unit's points, grade them, add and update their controls and
 * draft its unit's publication.
 */
#ifndef CAMPAIGN_RISK_H
#define CAMPAIGN_RISK_H

#include "common.h"
#include "store.h"
#include "cursor.h"
#include "import.h"
#include "plan.h"

CAMPAIGN_BEGIN_DECLS

/* ---- risk types ---- */

/**
 * Adds a risk type (风险类别) to the store. The five of practice are there
 * from the start: moral 思想道德, institutional 制度机制, post 岗位职责,
 * process 业务流程, external 外部环境.
 * @param id    the type's id (letters, digits, '_' and '-')
 * @param name  its name, e.g. "廉洁自律"; unique
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ECONFLICT (id or name exists);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_type_add(campaign_db *db, const char *id, const char *name, const char *actor);

/**
 * The risk types, in order. Columns: id, name, ord (int).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db).
 */
CAMPAIGN_API int campaign_risk_types_query(campaign_cursor **out, campaign_db *db);

/* ---- grading models ---- */

/**
 * Imports a grading model from a YAML file (format: docs/risk.md). The first
 * import of a model id is version 1; a re-import with different content adds
 * the next version; an identical re-import changes nothing. The first model
 * of a campaign, or one that says `default: true`, becomes the default.
 * Everything is checked first; a bad file writes nothing and the error says
 * `file:line:column: message`.
 * @return the model's version now current (1 or more) on success;
 *         ::CAMPAIGN_EINVALID (bad file or argument); ::CAMPAIGN_EIO;
 *         ::CAMPAIGN_ENOTFOUND (campaign); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_model_import_file(campaign_db *db, const char *campaign, const char *path,
                                                 const char *actor);

/**
 * As campaign_risk_model_import_file(), from YAML text in memory.
 * @param name  the name used in error positions; NULL for "<string>"
 * @return as campaign_risk_model_import_file(): the version now current on success;
 *         ::CAMPAIGN_EINVALID also for NULL @p yaml or invalid UTF-8.
 */
CAMPAIGN_API int campaign_risk_model_import_string(campaign_db *db, const char *campaign, const char *yaml,
                                                   const char *name, const char *actor);

/**
 * Makes a model the campaign's default (its newest version grades when no
 * model is named).
 * @param model  a model id
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND (campaign, model);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_model_set_default(campaign_db *db, const char *campaign, const char *model,
                                                 const char *actor);

/**
 * Every version of every model, by id then version.
 * Columns: id, version (int), kind ("matrix"/"weighted"/"criteria"), name, grades (int),
 * current (int 1 for the newest version), is_default (int 1 for the default model's versions),
 * imported_by, imported_at.
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_risk_models_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * The grades of a model, top first.
 * @param model  "id" (newest version), "id@version", or NULL for the default model
 * Columns: model, version (int), id, rank (int, 1 = top), label, owner_level,
 * review_days (int), color, min (int: the score or count threshold; NULL for a matrix).
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND (campaign, model, no default).
 */
CAMPAIGN_API int campaign_risk_model_grades_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                  const char *model);

/**
 * What a model grades from, in order: a matrix's likelihood and impact (with
 * their level labels, "1 极少、2 不太可能 …"), a weighted model's factors, a
 * criteria model's criteria.
 * @param model  as for campaign_risk_model_grades_query()
 * Columns: model, version (int), id, name, weight (int or NULL), min (int), max (int),
 * override (int 1: forces the top grade), levels (text or NULL).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign, model, no default).
 */
CAMPAIGN_API int campaign_risk_model_inputs_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                  const char *model);

/* ---- the risk register ---- */

#define CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION 1

/**
 * A new risk point's fields, for campaign_risk_point_add(). Initialise with
 * ::CAMPAIGN_RISK_POINT_ADD_OPTIONS_INIT or campaign_risk_point_add_options_init().
 */
typedef struct campaign_risk_point_add_options {
	unsigned int version;       /**< ::CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION */
	const char *id;             /**< the id to give it (unique in the store), or NULL for a new UUIDv7 */
	const char *unit;           /**< the unit (单位科室) id; required */
	const char *scope;          /**< "post" (岗位), "business" (核心业务) or "process_step" (重点环节) */
	const char *scope_name;     /**< the post, business or step, e.g. "采矿权审批"; required */
	const char *type;           /**< a risk type id or name ("process" or "业务流程") */
	const char *name;           /**< the risk point (风险点); required */
	const char *description;    /**< free text, or NULL */
	const char *manifestations; /**< how the risk shows (表现形式), or NULL */
	const char *owner;          /**< the department head (部门负责人), or NULL */
	const char *leader;         /**< the responsible leader (责任领导), or NULL */
} campaign_risk_point_add_options;

#define CAMPAIGN_RISK_POINT_ADD_OPTIONS_INIT \
	{ CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings, which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_risk_point_add_options_init(campaign_risk_point_add_options *opts, unsigned int version);

/**
 * Adds a risk point, in one transaction.
 * @param[out] out_id  the point's id, written only on success (free with
 *                     campaign_buf_free()); NULL if not wanted
 * @param campaign     the campaign id, or NULL for the only one
 * @param opts         the point's fields (see ::campaign_risk_point_add_options); not NULL
 * @param actor        who adds it
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version; the message
 *         names the field); ::CAMPAIGN_ENOTFOUND (campaign, unit, type); ::CAMPAIGN_ECONFLICT
 *         (the id exists); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_point_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                         const campaign_risk_point_add_options *opts, const char *actor);

/**
 * Changes one field of a point; the history keeps the value before and after.
 * @param field  "unit", "scope", "scope_name", "type", "name", "description",
 *               "manifestations", "owner", "leader" or "status" ("active"/"retired")
 * @param value  the new value; NULL or "" clears an optional field
 * @return ::CAMPAIGN_OK (also when the value is unchanged: nothing is written);
 *         ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND (campaign, point, unit, type);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_point_update(campaign_db *db, const char *campaign, const char *point,
                                            const char *field, const char *value, const char *actor);

/**
 * Imports a risk register from a CSV file (UTF-8, optional BOM, a header
 * naming the columns id, unit, scope, scope_name, type, name, description,
 * manifestations, owner, leader, inputs, graded_on in any order; unit, scope,
 * scope_name, type and name are required) or a YAML file (a list of mappings
 * with those keys), by extension (.csv, .yaml, .yml). A row with inputs is
 * graded under @p model (NULL: the default) as of graded_on (then required).
 * One transaction: a bad row fails the whole import with
 * `file:line:column: row N: message` and nothing is written.
 * @return the number of points imported (0 or more); ::CAMPAIGN_EINVALID; ::CAMPAIGN_EIO;
 *         ::CAMPAIGN_ENOTFOUND (campaign, model); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 * The grading model is opts->model (NULL: the default). @p opts: dry run, error limit, progress
 * (campaign/import.h); NULL for the defaults.
 */
CAMPAIGN_API int campaign_risk_register_import_file(campaign_db *db, const char *campaign, const char *path,
                                                    const campaign_rows_import_options *opts, const char *actor);
/** As campaign_risk_register_import_file(), from @p text in memory, named @p name in messages (NULL: "<string>");
 *  the format by @p name's extension, or without a name by the text (see campaign/import.h).
 * @return as campaign_risk_register_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p text.
 */
CAMPAIGN_API int campaign_risk_register_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                                      const campaign_rows_import_options *opts, const char *actor);

/**
 * The register, by unit order then id, with the grade in force.
 * @param unit  a unit id, or NULL for all
 * Columns: id, unit, unit_name, scope, scope_label (岗位/核心业务/重点环节), scope_name, type,
 * type_name, name, description, manifestations, owner, leader, status, inputs,
 * model, model_version (int), grade (the grade's id), grade_label, grade_rank (int),
 * color, owner_level, overridden (int 1), graded_on (date), next_review (date),
 * controls (int: controls not retired). Grade columns are NULL for an ungraded point.
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit).
 */
CAMPAIGN_API int campaign_risk_points_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                            const char *unit);

/**
 * A point's history, oldest first: its creation, every field changed, every
 * grade given (field "grade": before and after as "一级风险 (matrix-5x5@1)").
 * Columns: point, operation ("add", "update", "grade", "regrade", "control",
 * "override", "import", "confidential"), field, before, after, actor, recorded_at.
 * A confidential note's text never appears ("(confidential)").
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_ENOTFOUND (campaign, point).
 */
CAMPAIGN_API int campaign_risk_point_history_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                   const char *point);

/**
 * Sets (or with NULL/"" clears) a point's confidential note.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_point_confidential_set(campaign_db *db, const char *campaign, const char *point,
                                                      const char *note, const char *actor);

/**
 * Points with their confidential note. The actor must have confidential
 * access (see access.h); the read is logged ("risk.read_confidential"), and a refusal too.
 * @param point  a point id, or NULL for every point that has a note
 * Columns: point, unit, name, note, recorded_by, recorded_at.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND;
 *         ::CAMPAIGN_EPERM (no access, or a read-only store, which cannot log the read).
 */
CAMPAIGN_API int campaign_risk_point_confidential_query(campaign_cursor **out, campaign_db *db,
                                                        const char *campaign, const char *point,
                                                        const char *actor);

/* ---- grading ---- */

#define CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION 1

/**
 * What campaign_risk_point_grade() grades, and how. Initialise with
 * ::CAMPAIGN_RISK_POINT_GRADE_OPTIONS_INIT or campaign_risk_point_grade_options_init().
 */
typedef struct campaign_risk_point_grade_options {
	unsigned int version; /**< ::CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION */
	const char *point;    /**< the point's id; required */
	const char *model;    /**< "id", "id@version", or NULL: the point's current model (its version), else the
	                           campaign's default */
	const char *inputs;   /**< inputs to set ("likelihood=4,impact=5"), merged into the point's; NULL or "" to
	                           grade from the stored ones. Each must be an input of the model, within its range. */
	const char *date;     /**< the date graded (the review clock starts here) "YYYY-MM-DD"; required */
} campaign_risk_point_grade_options;

#define CAMPAIGN_RISK_POINT_GRADE_OPTIONS_INIT { CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings, which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_risk_point_grade_options_init(campaign_risk_point_grade_options *opts,
                                                        unsigned int version);

/**
 * Grades a point: the inherent grade from its inputs, the residual grade
 * after the controls in place, stored with the model and its version. The
 * previous grade stays in the history. Grading with neither model nor inputs
 * is a review: the same grade, dated opts->date.
 * @param campaign  the campaign id, or NULL for the only one
 * @param opts      the point, model, inputs and date (see ::campaign_risk_point_grade_options); not NULL
 * @param actor     who grades
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version, bad inputs,
 *         a missing input the model needs, a bad date); ::CAMPAIGN_ENOTFOUND (campaign, point,
 *         model, no default); ::CAMPAIGN_ECONFLICT (a retired point); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_point_grade(campaign_db *db, const char *campaign,
                                           const campaign_risk_point_grade_options *opts, const char *actor);

/**
 * Re-grades every active point (of a unit) under a model from the stored
 * inputs, in one transaction; old grades stay in the history. Points already
 * graded under that very model version with the same result are left alone.
 * @param model  "id", "id@version", or NULL for the default model
 * @param unit   a unit id, or NULL for every unit
 * @param date   the date graded "YYYY-MM-DD"
 * @return the number of points re-graded (0 or more); ::CAMPAIGN_EINVALID (a point
 *         lacks an input the model needs: the message names it; nothing is written);
 *         ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_regrade(campaign_db *db, const char *campaign, const char *model, const char *unit,
                                       const char *date, const char *actor);

#define CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION 1

/**
 * The point and the grade that campaign_risk_point_override() puts in force. Initialise with
 * ::CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_INIT or campaign_risk_point_override_options_init().
 */
typedef struct campaign_risk_point_override_options {
	unsigned int version; /**< ::CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION */
	const char *point;    /**< the point's id; required */
	const char *grade;    /**< a grade of the point's current model: its id or label ("1" or "一级风险") */
	const char *reason;   /**< why; required */
	const char *date;     /**< the date decided "YYYY-MM-DD"; required */
} campaign_risk_point_override_options;

#define CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_INIT \
	{ CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings, which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_risk_point_override_options_init(campaign_risk_point_override_options *opts,
                                                           unsigned int version);

/**
 * Overrides the grade in force of a graded point by hand; it holds until the
 * point is graded again, and stays in the history.
 * @param campaign  the campaign id, or NULL for the only one
 * @param opts      the point, grade, reason and date (see ::campaign_risk_point_override_options); not NULL
 * @param actor     who decides
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version, no reason,
 *         unknown grade, bad date); ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT (an ungraded or
 *         retired point); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_point_override(campaign_db *db, const char *campaign,
                                              const campaign_risk_point_override_options *opts, const char *actor);

/**
 * Every grade given, oldest first.
 * @param point  a point id, or NULL for every point
 * Columns: id, point, model, model_version (int), kind, inputs, likelihood (int), impact (int),
 * score (int), inherent_grade, inherent_label, residual_inputs, residual_likelihood (int),
 * residual_impact (int), residual_score (int), residual_grade, residual_label,
 * override_grade, override_label, override_reason, grade, grade_label, grade_rank (int),
 * color, owner_level, reason ("grade", "regrade", "control", "override", "import"),
 * graded_on (date), actor, recorded_at, current (int 1 for the grade in force).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign, point).
 */
CAMPAIGN_API int campaign_risk_grades_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                            const char *point);

/* ---- controls (三道防线) ---- */

#define CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION 1

/**
 * A new control's fields, for campaign_risk_control_add(). Initialise with
 * ::CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_INIT or campaign_risk_control_add_options_init().
 */
typedef struct campaign_risk_control_add_options {
	unsigned int version; /**< ::CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION */
	const char *id;       /**< an id to give it, or NULL for a new UUIDv7 */
	const char *point;    /**< the risk point's id; required */
	const char *line;     /**< "prevention" (前期预防), "monitoring" (中期监控) or "disposal" (后期处置) */
	const char *measure;  /**< the measure (防控措施); required */
	const char *owner;    /**< who is responsible, or NULL */
	const char *status;   /**< "planned", "in_place" or "retired"; NULL for "planned" */
	const char *due_on;   /**< when it is due in place: "YYYY-MM-DD" or a deadline expression as outcomes take
	                           ("2011年3月底": its last day, the text kept), not before the campaign starts; or NULL */
	const char *effect;   /**< reductions once in place ("likelihood=-1,impact=-1"), each value 0 or
	                           negative; NULL or "" for none */
} campaign_risk_control_add_options;

#define CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_INIT \
	{ CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings, which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_risk_control_add_options_init(campaign_risk_control_add_options *opts,
                                                        unsigned int version);

/**
 * Adds a control to a point. A control in place lowers the residual grade by
 * its effect; the point is re-graded at once (same model, inputs and date).
 * @param[out] out_id  the control's id (free with campaign_buf_free()); NULL if not wanted
 * @param campaign     the campaign id, or NULL for the only one
 * @param opts         the control's fields (see ::campaign_risk_control_add_options); not NULL
 * @param actor        who adds it
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version, a bad field);
 *         ::CAMPAIGN_ENOTFOUND (campaign, point); ::CAMPAIGN_ECONFLICT (the id exists);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_control_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                           const campaign_risk_control_add_options *opts, const char *actor);

/**
 * Changes a control's status ("planned", "in_place", "retired"); the point's
 * residual grade follows.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_control_set_status(campaign_db *db, const char *campaign, const char *control,
                                                  const char *status, const char *actor);

/**
 * Controls, by point then line (prevention, monitoring, disposal) then id.
 * @param point  a point id, or NULL for all
 * Columns: id, point, point_name, unit, line, line_label (前期预防/中期监控/后期处置),
 * measure, owner, status, due_on (date), effect.
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign, point).
 */
CAMPAIGN_API int campaign_risk_controls_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                              const char *point);

/**
 * Active points whose grade in force is the top grade (rank 1) and that lack a
 * control (not retired) on at least one line, by unit order then id.
 * Columns: point, unit, unit_name, name, grade_label, missing (lines, ","-joined:
 * "monitoring,disposal"), missing_label (中期监控、后期处置), reason (Chinese).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_risk_coverage_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/* ---- publication (公示) ---- */

/**
 * Adds a unit's publication as a draft: a snapshot of its active points with
 * their grades and controls. An open draft of the unit is refreshed instead
 * (same id). (Formerly campaign_risk_publication_draft(); the audit entry is
 * still "risk.publication.draft".)
 * @param[out] out_id  the publication's id (free with campaign_buf_free()); NULL if not wanted
 * @param campaign     the campaign id, or NULL for the only one
 * @param unit         the unit id
 * @param date         the date drafted "YYYY-MM-DD"
 * @param actor        who drafts it
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND (campaign, unit);
 *         ::CAMPAIGN_ECONFLICT (no active point, an ungraded point, or an approved
 *         publication not yet published); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_publication_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                               const char *unit, const char *date, const char *actor);

/**
 * Approves a draft (draft → approved).
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT
 *         (not a draft, or a date before drafting); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_publication_approve(campaign_db *db, const char *campaign, const char *publication,
                                                   const char *date, const char *actor);

/**
 * Publishes an approved publication (approved → published).
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT
 *         (not approved, or a date before approval); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_risk_publication_publish(campaign_db *db, const char *campaign, const char *publication,
                                                   const char *date, const char *actor);

/**
 * Publications, by unit order then date drafted.
 * @param unit  a unit id, or NULL for all
 * Columns: id, unit, unit_name, status ("draft"/"approved"/"published"), items (int),
 * drafted_by, drafted_on (date), approved_by, approved_on (date), published_by, published_on (date).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit).
 */
CAMPAIGN_API int campaign_risk_publications_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                  const char *unit);

/**
 * The items of a publication, in the columns of practice. No confidential field.
 * @param publication  a publication id; or NULL for the latest published one of
 *                     @p unit, or of every unit when @p unit is NULL too
 * @param unit         a unit id, or NULL
 * Columns: no (int, 序号), unit_name (单位科室), type_name (风险类别), point_name (风险点),
 * manifestations (表现形式), grade_label (风险等级), controls (防控措施: "前期预防:…;中期监控:…"),
 * owner (部门负责人), leader (责任领导), publication, status, point.
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign, publication, unit).
 */
CAMPAIGN_API int campaign_risk_publication_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                 const char *publication, const char *unit);

/* ---- warnings and reports ---- */

/**
 * Warnings (风险预警) on @p as_of (NULL: today (the local date)), most severe grade first:
 * - "review_overdue": the grade in force was given more than its review interval
 *   before @p as_of;
 * - "uncontrolled": a top-grade point lacks a control on some line;
 * - "control_overdue": a planned control's due date is before @p as_of;
 * - "grade_raised": the grade in force is higher than in the unit's latest
 *   publication published on or before @p as_of.
 * Columns: kind, color (the point's grade colour), unit, unit_name, point, point_name,
 * grade_label, grade_rank (int), control, date (the date the warning counts from),
 * days (int: days overdue, or grade steps raised), reason (Chinese).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db, or @p as_of not a date);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_risk_warnings_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                              const char *as_of);

/**
 * Grade distribution of the active points by unit and type.
 * Columns: unit, unit_name, type, type_name, grade_rank (int; NULL: ungraded),
 * grade_label ("未评定" when ungraded), points (int).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_risk_distribution_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * The heat map of a matrix model: every cell, with the number of active
 * points whose grade in force was given under that model (any version) and
 * falls in the cell.
 * @param model     "id", "id@version" (whose cells and labels are shown), or NULL for the default
 * @param residual  0: cells by the inherent likelihood and impact; 1: by the residual ones
 * Columns: likelihood (int), likelihood_label, impact (int), impact_label, grade_label, color,
 * points (int); by likelihood descending, then impact.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (not a matrix model); ::CAMPAIGN_ENOTFOUND.
 */
CAMPAIGN_API int campaign_risk_heatmap_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                             const char *model, int residual);

CAMPAIGN_END_DECLS
#endif
