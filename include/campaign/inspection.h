/**
 * @file campaign/inspection.h
 * @brief Self-inspection rounds, findings, leniency, the rectification ledger and case leads.
 *
 * Section (二)2–4 and phase two of the plan (自查自纠): every unit inspects
 * itself against a violation catalogue within a window and reports by a
 * deadline; each problem found is a *finding*; findings are rectified through
 * the rectification ledger (整改台账); case leads go to the discipline,
 * supervision or procuratorate bodies.
 *
 * Ids. Catalogues, categories and rounds have the caller's text ids.
 * Findings, rectifications and case leads are created at a site: the caller
 * may give an id (unique in the store; use a site prefix), or pass NULL and
 * get a new UUIDv7 back through a ::campaign_buf (pass NULL for @p out_id
 * when the id is not wanted).
 *
 * Leniency (自纠从宽,被查从严), computed whenever findings are read:
 * - concealment or falsification recorded on the finding → strict, and the
 *   finding is flagged for accountability (column accountability = 1);
 * - found by others (investigated, inspection_tour, citizen_report, audit) → strict;
 * - self-reported on or before the last day of the unit's round window → lenient
 *   (before the window opens counts as within: it was reported of the unit's own accord);
 * - self-reported after the window, or without any round to judge by → strict.
 * Each finding carries the reason in Chinese.
 *
 * Confidentiality. A case lead's details and a citizen reporter's identity
 * are kept apart (table case_lead_confidential) and are read only through
 * campaign_case_lead_confidential_query(), which checks the actor's access
 * and logs the read. No other query or export returns them.
 *
 * Authorisation (when roles are granted, see access.h): catalogues, rounds,
 * concealment flags, verification, closing and case leads need the
 * supervision office; a unit clerk may submit its unit's round, record its
 * unit's self-reported findings and add and update its rectifications.
 */
#ifndef CAMPAIGN_INSPECTION_H
#define CAMPAIGN_INSPECTION_H

#include "common.h"
#include "store.h"
#include "cursor.h"
#include "import.h"
#include "plan.h"

CAMPAIGN_BEGIN_DECLS

/* ---- violation catalogues ---- */

/**
 * Imports a violation catalogue from a YAML file (format: docs/inspection.md,
 * examples/catalogues/). The first import of a catalogue id is version 1; a
 * re-import with different content adds the next version; an identical
 * re-import changes nothing. One transaction; a bad file writes nothing and
 * the error says `file:line:column: message`.
 *
 * @param campaign  the campaign id, or NULL for the only one
 * @param path      the YAML file
 * @param actor     who imports; not NULL or empty
 * @return the catalogue's version now current (1 or more) on success;
 *         ::CAMPAIGN_EINVALID (bad file or argument); ::CAMPAIGN_EIO; ::CAMPAIGN_ENOTFOUND
 *         (campaign); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_catalogue_import_file(campaign_db *db, const char *campaign, const char *path,
                                                const char *actor);

/**
 * As campaign_catalogue_import_file(), from YAML text in memory.
 * @param yaml  the YAML text, NUL-terminated UTF-8
 * @param name  the name used in error positions; NULL for "<string>"
 * @return as campaign_catalogue_import_file(): the version now current on success;
 *         ::CAMPAIGN_EINVALID also for NULL @p yaml or invalid UTF-8.
 */
CAMPAIGN_API int campaign_catalogue_import_string(campaign_db *db, const char *campaign, const char *yaml,
                                                  const char *name, const char *actor);

/**
 * Every version of every catalogue, by id then version.
 * Columns: id, version (int), name, source, consequence, categories (int),
 * current (int 1 for the newest version), imported_by, imported_at.
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_catalogues_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * The categories of a catalogue version, in document order.
 * @param catalogue  a catalogue id, or NULL for every catalogue
 * @param version    a version, or 0 for each catalogue's newest
 * Columns: catalogue, version (int), id, ref (the text findings use:
 * "catalogue@version/id"), label, text, consequence (the category's or its catalogue's).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db, a negative @p version);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_violation_categories_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                     const char *catalogue, int version);

/* ---- self-inspection rounds ---- */

#define CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION 1

/**
 * A new self-inspection round, for campaign_inspection_round_add(). Initialise with
 * ::CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_INIT or campaign_inspection_round_add_options_init().
 */
typedef struct campaign_inspection_round_add_options {
	unsigned int version;     /**< ::CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION */
	const char *round;        /**< the round id; for a group each member's round is "ROUND/UNIT" and ROUND is the
	                              series they share */
	const char *unit;         /**< a unit id, or NULL when @p group is given */
	const char *group;        /**< a unit group id, or NULL when @p unit is given */
	const char *window_first; /**< the window's first day "YYYY-MM-DD", not before the campaign starts */
	const char *window_last;  /**< its last day, not before the first */
	const char *deadline;     /**< the summary report's deadline: a date "YYYY-MM-DD" or a Chinese expression
	                              ("12月中旬完成", its last day counts; a year left out is the window's), the
	                              expressions outcome deadlines take */
} campaign_inspection_round_add_options;

#define CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_INIT \
	{ CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_inspection_round_add_options_init(campaign_inspection_round_add_options *opts,
                                                            unsigned int version);

/**
 * Adds a self-inspection round for one unit, or one round per member of a
 * unit group (every county bureau), in one transaction.
 *
 * @param campaign  the campaign id, or NULL for the only one
 * @param opts      the round (see ::campaign_inspection_round_add_options); not NULL
 * @param actor     who adds it
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version, a bad or
 *         missing field, both or neither of unit and group, window or deadline out of order);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit, group); ::CAMPAIGN_ECONFLICT (a round
 *         id exists); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_inspection_round_add(campaign_db *db, const char *campaign,
                                               const campaign_inspection_round_add_options *opts, const char *actor);

#define CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION 1

/**
 * A round's summary report, for campaign_inspection_round_submit(). Initialise with
 * ::CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_INIT or campaign_inspection_round_submit_options_init().
 */
typedef struct campaign_inspection_round_submit_options {
	unsigned int version; /**< ::CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION */
	const char *round;    /**< the round id (a group member's is "SERIES/UNIT") */
	const char *date;     /**< the date submitted "YYYY-MM-DD", not before the window opens, within the campaign period (examples/plans/FORMAT.md, "Dates checked") */
	const char *document; /**< the report's document number (文号), or NULL */
	const char *note;     /**< free text, or NULL */
} campaign_inspection_round_submit_options;

#define CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_INIT \
	{ CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_inspection_round_submit_options_init(campaign_inspection_round_submit_options *opts,
                                                               unsigned int version);

/**
 * Records a round's summary report (总结报告): its date and document number.
 * A round has one report.
 * @param opts  the report (see ::campaign_inspection_round_submit_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND (campaign, round); ::CAMPAIGN_ECONFLICT (already reported);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_inspection_round_submit(campaign_db *db, const char *campaign,
                                                  const campaign_inspection_round_submit_options *opts,
                                                  const char *actor);

/**
 * Imports many self-inspection rounds, with their summary reports, from a CSV
 * or xlsx file (a header naming the columns round, unit, group, window_first,
 * window_last, deadline, submitted_on, document, note, deadline_text in any
 * order; round, window_first, window_last and deadline are required) or a YAML
 * list of mappings with those keys, by extension (see campaign/import.h). A row
 * is what campaign_inspection_round_add() takes: a unit's round (round, unit);
 * a round for every member of a group (round, group: "ROUND/UNIT" each); or
 * one member's round of a group's series (unit and group; round "SERIES/UNIT"
 * or SERIES), so that a listing's rows re-import one by one. A row with
 * submitted_on (and document, note) records the round's report as
 * campaign_inspection_round_submit() does (not for a whole group's row). The
 * deadline takes what campaign_inspection_round_add() takes; deadline_text,
 * when given, wins over it. campaign_inspection_rounds_query()'s listing
 * re-imports (id is round, unit_group is group; series, unit_name, status and
 * findings are ignored). One transaction: a bad row fails the whole import
 * with `file:line:column: row N: message` and nothing is written.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a bad row, also an unknown unit
 *         or group); ::CAMPAIGN_ECONFLICT (a round id that exists, or given
 *         twice: `file:line:column: row N: round "ID" exists already`);
 *         ::CAMPAIGN_EIO; ::CAMPAIGN_ENOTFOUND (campaign); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 * @p opts: dry run, error limit, progress (campaign/import.h); NULL for the defaults.
 */
CAMPAIGN_API int campaign_inspection_rounds_import_file(campaign_db *db, const char *campaign, const char *path,
                                                        const campaign_rows_import_options *opts, const char *actor);
/** As campaign_inspection_rounds_import_file(), from @p text in memory, named @p name in messages (NULL: "<string>");
 *  the format by @p name's extension, or without a name by the text (see campaign/import.h).
 * @return as campaign_inspection_rounds_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p text.
 */
CAMPAIGN_API int campaign_inspection_rounds_import_string(campaign_db *db, const char *campaign, const char *text,
                                                          const char *name, const campaign_rows_import_options *opts,
                                                          const char *actor);

/**
 * Rounds and their status on @p as_of (NULL: today, the local date of the time zone), by series then unit order.
 * @param series  a series (the id given at creation), or NULL for all
 * @param unit    a unit id, or NULL for all
 * Columns: id, series, unit, unit_name, unit_group, window_first (date), window_last (date),
 * deadline (date), deadline_text, submitted_on (date or NULL), document, note (the report's),
 * status ("open": not reported, deadline not passed; "submitted": reported by the
 * deadline; "late": reported after it; "missing": not reported and the deadline passed),
 * findings (int).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db, a bad @p as_of); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_inspection_rounds_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                  const char *series, const char *unit, const char *as_of);

/**
 * Units that had not reported by their round's deadline, as of @p as_of
 * (NULL: today): every round whose deadline is before @p as_of and that has no
 * report dated on or before the deadline. Most days late first, then by unit order.
 * @param series  a series, or NULL for all
 * Columns: round, series, unit, unit_name, deadline (date), status ("missing": no
 * report by @p as_of; "late": reported after the deadline), submitted_on (date or NULL),
 * days_late (int: days from the deadline to the report, or to @p as_of).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db, a bad @p as_of); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_inspection_missing_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                   const char *series, const char *as_of);

/* ---- findings ---- */

#define CAMPAIGN_FINDING_ADD_OPTIONS_VERSION 1

/**
 * A new finding's fields, for campaign_finding_add(). Initialise with
 * ::CAMPAIGN_FINDING_ADD_OPTIONS_INIT or campaign_finding_add_options_init().
 */
typedef struct campaign_finding_add_options {
	unsigned int version;    /**< ::CAMPAIGN_FINDING_ADD_OPTIONS_VERSION */
	const char *id;          /**< the id to give it (unique in the store), or NULL for a new UUIDv7 */
	const char *unit;        /**< the unit concerned; required */
	const char *category;    /**< "catalogue/category" (the catalogue's newest version) or
	                             "catalogue@version/category"; NULL when none applies */
	const char *origin;      /**< "self_reported", "investigated", "inspection_tour", "citizen_report" or "audit" */
	const char *people;      /**< the people involved (names, free text), or NULL */
	const char *description; /**< what was found; required */
	const char *amount;      /**< money concerned, in yuan as decimal text ("12345.67"), or NULL */
	const char *found_on;    /**< the date found (self-reported: the date reported) "YYYY-MM-DD", within the campaign
	                             period (examples/plans/FORMAT.md, "Dates checked") */
	const char *round;       /**< the unit's round it was found in, or NULL: the unit's round whose window holds
	                             found_on, else the latest one begun before it, else its first; none when the
	                             unit has no round */
} campaign_finding_add_options;

#define CAMPAIGN_FINDING_ADD_OPTIONS_INIT \
	{ CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_finding_add_options_init(campaign_finding_add_options *opts, unsigned int version);

/**
 * Adds a finding (问题), in one transaction.
 *
 * @param[out] out_id  the finding's id, written only on success (free with
 *                     campaign_buf_free()); NULL if not wanted
 * @param campaign     the campaign id, or NULL for the only one
 * @param opts         the finding (see ::campaign_finding_add_options); not NULL
 * @param actor        who records it
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version; the message
 *         names the field); ::CAMPAIGN_ENOTFOUND (campaign, unit, category, round, or a round of
 *         another unit); ::CAMPAIGN_ECONFLICT (the id exists); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_finding_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                      const campaign_finding_add_options *opts, const char *actor);

#define CAMPAIGN_FINDING_FLAG_OPTIONS_VERSION 1

/**
 * Concealment or falsification on a finding, for campaign_finding_flag(). Initialise with
 * ::CAMPAIGN_FINDING_FLAG_OPTIONS_INIT or campaign_finding_flag_options_init().
 */
typedef struct campaign_finding_flag_options {
	unsigned int version; /**< ::CAMPAIGN_FINDING_FLAG_OPTIONS_VERSION */
	const char *finding;  /**< the finding's id */
	const char *kind;     /**< "concealment" or "falsification" */
	const char *date;     /**< the date established "YYYY-MM-DD" */
	const char *note;     /**< what was concealed or falsified, or NULL */
} campaign_finding_flag_options;

#define CAMPAIGN_FINDING_FLAG_OPTIONS_INIT { CAMPAIGN_FINDING_FLAG_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_finding_flag_options_init(campaign_finding_flag_options *opts, unsigned int version);

/**
 * Records concealment (掩盖问题) or falsification (弄虚作假) on a finding: it
 * becomes strict and is flagged for accountability. Both may be recorded.
 * @param opts  what was established (see ::campaign_finding_flag_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT (already recorded); ::CAMPAIGN_EPERM;
 *         ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_finding_flag(campaign_db *db, const char *campaign, const campaign_finding_flag_options *opts,
                                       const char *actor);

#define CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_VERSION 1

/**
 * A tour's finding, for campaign_tour_finding_add(). Initialise with
 * ::CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_INIT or campaign_tour_finding_add_options_init().
 */
typedef struct campaign_tour_finding_add_options {
	unsigned int version;    /**< ::CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_VERSION */
	const char *id;          /**< the id to give it (unique in the store), or NULL for a new UUIDv7 */
	const char *unit;        /**< the unit toured; required */
	const char *category;    /**< as for ::campaign_finding_add_options, or NULL */
	const char *people;      /**< the people involved, or NULL */
	const char *description; /**< what was found; required */
	const char *amount;      /**< money concerned, in yuan as decimal text, or NULL */
	const char *found_on;    /**< the date found "YYYY-MM-DD", within the campaign period; its year is the tour's */
} campaign_tour_finding_add_options;

#define CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_INIT \
	{ CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_tour_finding_add_options_init(campaign_tour_finding_add_options *opts,
                                                        unsigned int version);

/**
 * Adds a finding of an inspection tour (巡视, see accountability.h): it enters
 * the findings register with origin "inspection_tour" (see campaign_finding_add())
 * and is linked to the tour of the unit in the year of found_on, which must
 * have been conducted by then.
 * @param[out] out_id  the finding's id (free with campaign_buf_free()); NULL if not wanted
 * @param opts         the finding (see ::campaign_tour_finding_add_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit, category, or no tour conducted that year);
 *         ::CAMPAIGN_ECONFLICT (the id exists); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_tour_finding_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                           const campaign_tour_finding_add_options *opts, const char *actor);

/**
 * Imports many findings from a CSV file (UTF-8, optional BOM, a header naming
 * the columns id, unit, category, origin, people, description, amount,
 * found_on, round in any order; unit, origin, description and found_on are
 * required) or a YAML file (a list of mappings with those keys), by extension
 * (.csv, .yaml, .yml). One transaction: a bad row fails the whole import with
 * `file:line:column: row N: message` and nothing is written.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_EIO; ::CAMPAIGN_ENOTFOUND (campaign);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 * @p opts: dry run, error limit, progress (campaign/import.h); NULL for the defaults.
 */
CAMPAIGN_API int campaign_findings_import_file(campaign_db *db, const char *campaign, const char *path,
                                               const campaign_rows_import_options *opts, const char *actor);
/** As campaign_findings_import_file(), from @p text in memory, named @p name in messages (NULL: "<string>");
 *  the format by @p name's extension, or without a name by the text (see campaign/import.h).
 * @return as campaign_findings_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p text.
 */
CAMPAIGN_API int campaign_findings_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                                 const campaign_rows_import_options *opts, const char *actor);

/**
 * Findings, by date found then id, with leniency and status.
 * @param unit     a unit id, or NULL for all
 * @param finding  a finding id, or NULL for all
 * Columns: id, unit, unit_name, catalogue, version (int), category, category_text,
 * origin, origin_label (自查发现, 查办发现, 巡视发现, 群众举报, 审计发现), people, description,
 * amount_fen (int or NULL), amount (yuan text "12345.67" or NULL), found_on (date), round,
 * leniency ("lenient"/"strict"), leniency_label (从宽/从严), reason (Chinese),
 * concealed (int), falsified (int), accountability (int 1: flagged), flag_note,
 * status ("open": no rectification; "rectifying"; "closed": every rectification closed),
 * rectifications (int), recorded_by, recorded_at.
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_findings_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                         const char *unit, const char *finding);

/**
 * Findings counted by unit, category and origin: the figures of a picture of
 * the campaign (the dashboard's findings by category and origin, and by site)
 * without reading each finding. By catalogue, category (document order), unit
 * order, then origin in the order of origin_label below; a finding without a
 * category has NULL catalogue, version, category and category_text (last).
 * Columns: unit, unit_name, catalogue, version (int), category, category_text,
 * origin, origin_label (自查发现, 查办发现, 巡视发现, 群众举报, 审计发现), findings (int).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_findings_summary_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/* ---- the rectification ledger (整改台账) ---- */

#define CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION 1

/**
 * A rectification's five fixes, for campaign_rectification_add(). Initialise with
 * ::CAMPAIGN_RECTIFICATION_ADD_OPTIONS_INIT or campaign_rectification_add_options_init().
 */
typedef struct campaign_rectification_add_options {
	unsigned int version;    /**< ::CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION */
	const char *id;          /**< an id to give it, or NULL for a new UUIDv7 */
	const char *finding;     /**< the finding's id */
	const char *problem;     /**< the problem (存在问题); NULL for the finding's description */
	const char *measure;     /**< the measure (整改措施); required */
	const char *deadline;    /**< the deadline (整改时限): "YYYY-MM-DD" or a deadline expression as outcomes take
	                             ("2011年1月底", "12月中旬": the year from the campaign); its last day is stored as
	                             the deadline, the text as deadline_text; not before the campaign starts */
	const char *responsible; /**< the responsible person (责任人); required */
	const char *criterion;   /**< the acceptance criterion (验收标准); required */
} campaign_rectification_add_options;

#define CAMPAIGN_RECTIFICATION_ADD_OPTIONS_INIT \
	{ CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_rectification_add_options_init(campaign_rectification_add_options *opts,
                                                         unsigned int version);

/**
 * Adds a rectification to a finding: the five fixes. Status starts "not_started".
 * @param[out] out_id  the rectification's id (free with campaign_buf_free()); NULL if not wanted
 * @param opts         the fixes (see ::campaign_rectification_add_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND (campaign, finding); ::CAMPAIGN_ECONFLICT (the id exists);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_rectification_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                            const campaign_rectification_add_options *opts, const char *actor);

#define CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION 1

/**
 * A rectification's new status, for campaign_rectification_update(). Initialise with
 * ::CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_INIT or campaign_rectification_update_options_init().
 */
typedef struct campaign_rectification_update_options {
	unsigned int version;      /**< ::CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION */
	const char *rectification; /**< the rectification's id */
	const char *status;        /**< "not_started" (未整改), "in_progress" (整改中), "done" (已整改) or "ongoing" (持续整改) */
	const char *date;          /**< the date of the update "YYYY-MM-DD", within the campaign period (examples/plans/FORMAT.md, "Dates checked") */
	const char *note;          /**< free text, or NULL */
} campaign_rectification_update_options;

#define CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_INIT \
	{ CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_rectification_update_options_init(campaign_rectification_update_options *opts,
                                                            unsigned int version);

/**
 * Records a rectification's status as of a date (kept as history).
 * A change away from "done" clears a verification.
 * @param opts  the update (see ::campaign_rectification_update_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT (closed: "rectification X was closed on D
 *         and cannot change"); ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_rectification_update(campaign_db *db, const char *campaign,
                                               const campaign_rectification_update_options *opts, const char *actor);

#define CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_VERSION 1

/**
 * A verification, for campaign_rectification_verify(). Initialise with
 * ::CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_INIT or campaign_rectification_verify_options_init().
 */
typedef struct campaign_rectification_verify_options {
	unsigned int version;      /**< ::CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_VERSION */
	const char *rectification; /**< the rectification's id */
	const char *result;        /**< "passed" or "failed" */
	const char *verifier;      /**< who verified; NULL for the actor */
	const char *date;          /**< the date "YYYY-MM-DD", not before its last update, within the campaign period (examples/plans/FORMAT.md, "Dates checked") */
	const char *note;          /**< the finding of the verification, or NULL */
} campaign_rectification_verify_options;

#define CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_INIT \
	{ CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_rectification_verify_options_init(campaign_rectification_verify_options *opts,
                                                            unsigned int version);

/**
 * Records the verification (验收) of a done rectification: who, when, the
 * result. A failed verification puts the rectification back "in_progress".
 * @param opts  the verification (see ::campaign_rectification_verify_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT (not done: "rectification X is 整改中,
 *         not 已整改: only a done rectification can be verified"; closed); ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_rectification_verify(campaign_db *db, const char *campaign,
                                               const campaign_rectification_verify_options *opts, const char *actor);

/**
 * Closes (销号) a rectification that passed verification.
 * @param date  the date "YYYY-MM-DD", not before the verification
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT
 *         ("rectification X cannot be closed before it passes verification";
 *         already closed); ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_rectification_close(campaign_db *db, const char *campaign, const char *rectification,
                                              const char *date, const char *actor);

/**
 * Imports a rectification ledger: a CSV file (UTF-8, optional BOM, a header
 * naming the columns id, finding, problem, measure, deadline, responsible,
 * criterion — id and problem optional) or a YAML list of mappings with those
 * keys, by the file's extension. One transaction: a bad row fails the whole
 * import with `file:line:column: row N: message` and nothing is written. The
 * deadline takes what campaign_rectification_add() takes.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a bad row or extension); ::CAMPAIGN_EIO;
 *         ::CAMPAIGN_EPERM (a row for a unit the actor may not write); ::CAMPAIGN_ENOTFOUND (campaign).
 * @p opts: dry run, error limit, progress (campaign/import.h); NULL for the defaults.
 */
CAMPAIGN_API int campaign_rectifications_import_file(campaign_db *db, const char *campaign, const char *path,
                                                     const campaign_rows_import_options *opts, const char *actor);
/** As campaign_rectifications_import_file(), from @p text in memory, named @p name in messages (NULL: "<string>");
 *  the format by @p name's extension, or without a name by the text (see campaign/import.h).
 * @return as campaign_rectifications_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p text.
 */
CAMPAIGN_API int campaign_rectifications_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                                       const campaign_rows_import_options *opts, const char *actor);

/**
 * Rectifications, by deadline then id.
 * @param finding  a finding id, or NULL
 * @param unit     a unit id, or NULL
 * Columns: id, finding, unit, unit_name, problem, measure, deadline (date), responsible,
 * criterion, status, status_label (未整改/整改中/已整改/持续整改), updated_on (date or NULL),
 * verified_by, verified_on (date), verification ("passed"/"failed"/NULL), verification_note,
 * closed_by, closed_on (date), deadline_text (the deadline as written: "2011年1月底", or the date).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_rectifications_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                               const char *finding, const char *unit);

/**
 * Rectifications overdue on @p as_of (NULL: today): the deadline is before
 * @p as_of, it was not closed by then, and its status on @p as_of (its latest
 * update dated on or before it) was 未整改 or 整改中. Most days overdue first.
 * Columns: id, finding, unit, unit_name, problem, deadline (date), responsible,
 * status, status_label (both as of @p as_of), days_overdue (int).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db, a bad @p as_of); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_rectifications_overdue_query(campaign_cursor **out, campaign_db *db,
                                                       const char *campaign, const char *as_of);

/**
 * The rectification ledger (整改台账) on @p as_of (NULL: today), in the
 * columns bureaus use, by unit order, deadline and id; statuses are those on
 * @p as_of.
 * @param unit  a unit id, or NULL for every unit
 * Columns: no (int, 序号), unit_name (单位), category (问题类别), problem (存在问题),
 * measure (整改措施), deadline (date, 整改时限), responsible (责任人), criterion (验收标准),
 * status_label (整改状态), verification_label (验收情况: "通过(张雷 2011-03-01)", "未通过(…)" or ""),
 * closed_on (date, 销号日期), overdue ("逾期N天" or ""), id, finding, unit, status.
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db, a bad @p as_of); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_rectification_ledger_query(campaign_cursor **out, campaign_db *db,
                                                     const char *campaign, const char *unit, const char *as_of);

/* ---- case leads (案件线索) ---- */

#define CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION 1

/**
 * A new case lead, for campaign_case_lead_add(). Initialise with
 * ::CAMPAIGN_CASE_LEAD_ADD_OPTIONS_INIT or campaign_case_lead_add_options_init().
 */
typedef struct campaign_case_lead_add_options {
	unsigned int version;         /**< ::CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION */
	const char *id;               /**< an id to give it, or NULL for a new UUIDv7 */
	const char *finding;          /**< the finding it comes from, or NULL for a citizen report */
	const char *unit;             /**< the unit concerned, or NULL (a finding's unit is taken from it) */
	const char *received_on;      /**< the date received "YYYY-MM-DD" */
	const char *details;          /**< what the lead says; required; confidential */
	const char *reporter;         /**< a citizen reporter's name, or NULL; confidential */
	const char *reporter_contact; /**< how to reach the reporter, or NULL; confidential */
} campaign_case_lead_add_options;

#define CAMPAIGN_CASE_LEAD_ADD_OPTIONS_INIT \
	{ CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_case_lead_add_options_init(campaign_case_lead_add_options *opts, unsigned int version);

/**
 * Adds a case lead, from a finding or from a citizen report (群众举报).
 * The details and the reporter are stored apart and are confidential.
 * @param[out] out_id  the lead's id (free with campaign_buf_free()); NULL if not wanted
 * @param opts         the lead (see ::campaign_case_lead_add_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND (campaign, finding, unit); ::CAMPAIGN_ECONFLICT (the id exists);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_case_lead_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                        const campaign_case_lead_add_options *opts, const char *actor);

#define CAMPAIGN_CASE_LEAD_REFER_OPTIONS_VERSION 1

/**
 * A referral, for campaign_case_lead_refer(). Initialise with
 * ::CAMPAIGN_CASE_LEAD_REFER_OPTIONS_INIT or campaign_case_lead_refer_options_init().
 */
typedef struct campaign_case_lead_refer_options {
	unsigned int version;  /**< ::CAMPAIGN_CASE_LEAD_REFER_OPTIONS_VERSION */
	const char *lead;      /**< the lead's id */
	const char *body_kind; /**< "discipline" (纪检), "supervision" (监察) or "procuratorate" (检察) */
	const char *body;      /**< the body's name, e.g. "乐山市纪委"; required */
	const char *date;      /**< the date referred, not before the lead was received */
	const char *reference; /**< the referral's document number, or NULL */
} campaign_case_lead_refer_options;

#define CAMPAIGN_CASE_LEAD_REFER_OPTIONS_INIT \
	{ CAMPAIGN_CASE_LEAD_REFER_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_case_lead_refer_options_init(campaign_case_lead_refer_options *opts, unsigned int version);

/**
 * Refers (移送) a lead to an outside body.
 * @param opts  the referral (see ::campaign_case_lead_refer_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT (already referred or resolved); ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_case_lead_refer(campaign_db *db, const char *campaign,
                                          const campaign_case_lead_refer_options *opts, const char *actor);

#define CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_VERSION 1

/**
 * A lead's outcome, for campaign_case_lead_resolve(). Initialise with
 * ::CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_INIT or campaign_case_lead_resolve_options_init().
 */
typedef struct campaign_case_lead_resolve_options {
	unsigned int version; /**< ::CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_VERSION */
	const char *lead;     /**< the lead's id */
	const char *outcome;  /**< "filed" (立案查处), "not_filed" (不予立案), "sanctioned" (给予处分), "prosecuted" (移送司法),
	                          "cleared" (澄清了结) or "other" */
	const char *date;     /**< the date, not before the referral (or receipt) */
	const char *note;     /**< the outcome's particulars, or NULL; confidential */
} campaign_case_lead_resolve_options;

#define CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_INIT { CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL), for bindings,
 * which cannot use the macro.
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_case_lead_resolve_options_init(campaign_case_lead_resolve_options *opts,
                                                         unsigned int version);

/**
 * Records what became of a lead.
 * @param opts  the outcome (see ::campaign_case_lead_resolve_options); not NULL
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (also NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT (already resolved); ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_case_lead_resolve(campaign_db *db, const char *campaign,
                                            const campaign_case_lead_resolve_options *opts, const char *actor);

/**
 * Case leads without their confidential part, by date received then id.
 * @param unit  a unit id, or NULL
 * Columns: id, source ("finding"/"citizen_report"), finding, unit, unit_name, received_on (date),
 * status ("open"/"referred"/"resolved"), body_kind, body_kind_label (纪检/监察/检察), body,
 * referred_on (date), referral_ref, outcome, outcome_label, outcome_on (date).
 * @return ::CAMPAIGN_OK (the rows in *@p out; free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID (NULL @p out or @p db); ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_case_leads_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                           const char *unit);

/**
 * Case leads with their confidential part: the columns of
 * campaign_case_leads_query() and details, reporter, reporter_contact, outcome_note.
 * The actor must have confidential access (see access.h); the read is logged
 * ("case_lead.read_confidential"), and a refusal too.
 * @param lead   a lead id, or NULL for all
 * @param actor  who reads; not NULL or empty
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND (campaign, lead);
 *         ::CAMPAIGN_EPERM (no confidential access, or a read-only store, which cannot log the read).
 */
CAMPAIGN_API int campaign_case_lead_confidential_query(campaign_cursor **out, campaign_db *db,
                                                       const char *campaign, const char *lead, const char *actor);

/** Version of ::campaign_typical_cases_options this header describes. */
#define CAMPAIGN_TYPICAL_CASES_OPTIONS_VERSION 1

/** Filters of campaign_typical_cases_query(). */
typedef struct campaign_typical_cases_options {
	unsigned int version; /**< ::CAMPAIGN_TYPICAL_CASES_OPTIONS_VERSION */
	const char *unit;     /**< a unit or group, or NULL: every unit */
	const char *from;     /**< decided on or after this date "YYYY-MM-DD", or NULL */
	const char *to;       /**< decided on or before this date "YYYY-MM-DD", or NULL */
} campaign_typical_cases_options;

/** Static initialiser of ::campaign_typical_cases_options: no filter. */
#define CAMPAIGN_TYPICAL_CASES_OPTIONS_INIT { CAMPAIGN_TYPICAL_CASES_OPTIONS_VERSION, NULL, NULL, NULL }

/**
 * Initialises @p opts to ::CAMPAIGN_TYPICAL_CASES_OPTIONS_INIT.
 * @param opts     the options
 * @param version  ::CAMPAIGN_TYPICAL_CASES_OPTIONS_VERSION
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_typical_cases_options_init(campaign_typical_cases_options *opts, unsigned int version);

/**
 * Typical cases for public release (典型案件集中公布): the case leads that came
 * from a finding and were resolved, by date decided, with only public fields
 * -- what was found, its category, what was decided -- and the names of the
 * finding's people masked wherever they stand (in people and in found): a
 * Chinese name keeps its surname and becomes 某 (王𠀋明 -> 王某; a compound
 * surname stays whole: 欧阳修 -> 欧阳某), a Latin one its first letter (Smith -> S.).
 * No confidential field is read. The release is logged ("case_lead.typical_release").
 * Columns: those of campaign_case_leads_query(), then category, found_on (date), found, people.
 * @param[out] out  the cursor
 * @param db        the store (writable: the release is logged)
 * @param campaign  the campaign, or NULL for the only one
 * @param opts      the filters, or NULL: none
 * @param actor     who releases them
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a bad date, an unknown version); ::CAMPAIGN_EPERM (read-only
 *         store); ::CAMPAIGN_ENOTFOUND (campaign, unit).
 */
CAMPAIGN_API int campaign_typical_cases_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                              const campaign_typical_cases_options *opts, const char *actor);

CAMPAIGN_END_DECLS
#endif
