/**
 * @file campaign/accountability.h
 * @brief Accountability: people and posts, evaluations, rules, interviews, tours, look-back, rotation.
 *
 * Sections (二)3, (三)2(3), (三)4 and phase four of the plan turn facts into
 * consequences (责任追究). The library keeps the facts — people and the posts
 * they hold, conduct evaluations (行风评议), inspection tours (巡视) — and
 * accountability *rules* as versioned YAML data (docs/accountability.md,
 * examples/rules/). campaign_accountability_evaluate() applies the rules in
 * force to the store as of a date and stores *proposals*, each naming its
 * rule, the rows that triggered it, the unit and person concerned and a
 * reason in Chinese. A proposal is decided (accepted, rejected, modified);
 * an accepted one becomes an *action* (interview, suspension, removal,
 * remedial work, leadership adjustment, accountability, rotation …) with its
 * own dates.
 *
 * Actions a proposal may name: "suspension" (停职), "removal" (免职),
 * "interview" (约谈), "leadership_adjustment" (干部调整), "accountability"
 * (问责), "strict_accountability" (严格责任追究), "remedial_work" (补课),
 * "inspection_tour" (巡视), "rotation" (轮岗交流).
 *
 * Determinism: the same store and date give the same proposals in the same
 * order; a proposal is unique by (rule, key), so evaluating again never
 * duplicates one, decided or not.
 *
 * Confidentiality: a person's disciplinary record is kept apart (table
 * person_record_confidential) and is read only through
 * campaign_person_record_query(), which checks the actor's access and logs
 * the read.
 *
 * Authorisation (when roles are granted, see access.h): every write here
 * needs the supervision office.
 */
#ifndef CAMPAIGN_ACCOUNTABILITY_H
#define CAMPAIGN_ACCOUNTABILITY_H

#include "common.h"
#include "store.h"
#include "cursor.h"
#include "import.h"
#include "plan.h"

CAMPAIGN_BEGIN_DECLS

/* ---- posts and people ---- */

#define CAMPAIGN_POST_ADD_OPTIONS_VERSION 1

/** What campaign_post_add() adds.
 * Initialise with ::CAMPAIGN_POST_ADD_OPTIONS_INIT or campaign_post_add_options_init(). */
typedef struct campaign_post_add_options {
	unsigned int version; /**< ::CAMPAIGN_POST_ADD_OPTIONS_VERSION */
	const char *id;       /**< the post's id (unique in the store; e.g. "caiwu.budget"); required */
	const char *unit;     /**< the unit's id; required */
	const char *name;     /**< the post's name, e.g. "财务室主任"; required */
	const char *kind;     /**< for a key post: "budget" (管预算), "projects" (管项目), "enforcement" (管执法) or
	                           "personnel" (管人事); NULL otherwise */
	int key_post;         /**< 1 for a key post (关键岗位; needs a kind), else 0 */
	int principal;        /**< 1 if the post is the unit's principal (主要负责人), else 0 */
} campaign_post_add_options;

#define CAMPAIGN_POST_ADD_OPTIONS_INIT { CAMPAIGN_POST_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, 0 }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL or 0; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_post_add_options_init(campaign_post_add_options *opts, unsigned int version);

/**
 * Adds a post (岗位) of a unit, or changes the post with that id.
 * @param opts  the post (see ::campaign_post_add_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version included);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit); ::CAMPAIGN_ECONFLICT (the id belongs to another campaign);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_post_add(campaign_db *db, const char *campaign, const campaign_post_add_options *opts,
                                   const char *actor);

#define CAMPAIGN_PERSON_ADD_OPTIONS_VERSION 1

/** What campaign_person_add() adds.
 * Initialise with ::CAMPAIGN_PERSON_ADD_OPTIONS_INIT or campaign_person_add_options_init(). */
typedef struct campaign_person_add_options {
	unsigned int version;   /**< ::CAMPAIGN_PERSON_ADD_OPTIONS_VERSION */
	const char *id;         /**< the id (unique in the store), or NULL for a new UUIDv7 */
	const char *name;       /**< the name; required */
	const char *unit;       /**< the unit the person works in, or NULL */
	const char *retires_on; /**< the expected retirement date "YYYY-MM-DD", or NULL */
} campaign_person_add_options;

#define CAMPAIGN_PERSON_ADD_OPTIONS_INIT { CAMPAIGN_PERSON_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_person_add_options_init(campaign_person_add_options *opts, unsigned int version);

/**
 * Adds a person, or changes the person with that id.
 * @param[out] out_id  the person's id (free with campaign_buf_free()); NULL if not wanted
 * @param opts         the person (see ::campaign_person_add_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version included);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit); ::CAMPAIGN_ECONFLICT (the id belongs to another campaign);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_person_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                     const campaign_person_add_options *opts, const char *actor);

#define CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION 1

/** The holding campaign_post_assign() records.
 * Initialise with ::CAMPAIGN_POST_ASSIGN_OPTIONS_INIT or campaign_post_assign_options_init(). */
typedef struct campaign_post_assign_options {
	unsigned int version; /**< ::CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION */
	const char *person;   /**< the person's id; required */
	const char *post;     /**< the post's id; required */
	const char *start_on; /**< the first day held "YYYY-MM-DD"; required */
	const char *end_on;   /**< the last day held "YYYY-MM-DD", or NULL while still held */
} campaign_post_assign_options;

#define CAMPAIGN_POST_ASSIGN_OPTIONS_INIT { CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_post_assign_options_init(campaign_post_assign_options *opts, unsigned int version);

/**
 * Records that a person holds a post from opts->start_on (to opts->end_on, or NULL
 * while still held). A holding is unique by (person, post, start_on); giving
 * it again sets its end.
 * @param opts  the holding (see ::campaign_post_assign_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (dates, end before start; NULL @p opts or an unknown version);
 *         ::CAMPAIGN_ENOTFOUND (campaign, person, post); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_post_assign(campaign_db *db, const char *campaign, const campaign_post_assign_options *opts,
                                      const char *actor);

/**
 * Ends the person's open holding of a post on @p end_on.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a date before the start); ::CAMPAIGN_ENOTFOUND
 *         (campaign, person, post, or no open holding); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_post_leave(campaign_db *db, const char *campaign, const char *person, const char *post,
                                     const char *end_on, const char *actor);

/**
 * Makes a person of every named member of the plan's bodies (the leading
 * group and its office) who is not yet a person of that name: the leading
 * group's members are people. Their unit is the body's seat, else the
 * campaign's top unit. Their ids are "body:NAME".
 * @return the number of people added (0 or more); ::CAMPAIGN_ENOTFOUND (campaign);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_people_from_bodies(campaign_db *db, const char *campaign, const char *actor);

/**
 * Imports posts, people and their holdings from a YAML file (format in
 * docs/accountability.md, examples/people/). Existing ids are updated.
 * A file named .csv or .xlsx is a table of people (id, name, unit,
 * retires_on): campaign_people_query()'s listing fed back, whose unit_name,
 * body, body_role and posts are ignored (holdings come only from YAML).
 * One transaction: a bad file writes nothing and the error says
 * `file:line:column: message`.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_EIO; ::CAMPAIGN_ENOTFOUND (campaign);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 * @p opts: dry run, error limit, progress (campaign/import.h); NULL for the defaults.
 */
CAMPAIGN_API int campaign_people_import_file(campaign_db *db, const char *campaign, const char *path,
                                             const campaign_rows_import_options *opts, const char *actor);
/** As campaign_people_import_file(), from @p text in memory, named @p name in messages (NULL: "<string>");
 *  the format by @p name's extension, or without a name by the text (see campaign/import.h).
 * @return as campaign_people_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p text.
 */
CAMPAIGN_API int campaign_people_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                               const campaign_rows_import_options *opts, const char *actor);

/**
 * People, by unit order then name.
 * @param unit  a unit id, or NULL for all
 * Columns: id, name, unit, unit_name, retires_on (date), body (the body a member of which
 * has this name, or NULL), body_role (e.g. 组长), posts (current posts' names on today, "、"-joined).
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_people_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                       const char *unit);

/**
 * Posts, by unit order then id.
 * Columns: id, unit, unit_name, name, kind, kind_label (管预算/管项目/管执法/管人事), key_post (int),
 * principal (int).
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_posts_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                      const char *unit);

/**
 * Holdings of posts, by person then start.
 * @param person  a person id, or NULL for all
 * Columns: id, person, person_name, post, post_name, unit, unit_name, kind, key_post (int),
 * start_on (date), end_on (date or NULL).
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_post_holdings_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                              const char *person);

/**
 * Key-post tenure on @p as_of (NULL: today): for each person now in a key
 * post, the unbroken run in key posts of the same kind in the same unit
 * (holdings that follow each other within a day are one run).
 * Columns: person, person_name, unit, unit_name, kind, kind_label, post (the current one),
 * since (date: the run's start), current_since (date: the current holding's start),
 * years (int: full years since @c since), retires_on (date or NULL).
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out, a bad @p as_of);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_tenure_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                       const char *as_of);

#define CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_VERSION 1

/** The entry campaign_person_discipline_add() adds. Initialise with ::CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_INIT
 * or campaign_person_discipline_add_options_init(). */
typedef struct campaign_person_discipline_add_options {
	unsigned int version;   /**< ::CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_VERSION */
	const char *person;     /**< the person's id; required */
	const char *decided_on; /**< the date of the decision "YYYY-MM-DD"; required */
	const char *sanction;   /**< the sanction, e.g. "警告", "记过"; required */
	const char *details;    /**< what it was for, or NULL */
	const char *authority;  /**< who decided, or NULL */
} campaign_person_discipline_add_options;

#define CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_INIT \
	{ CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_person_discipline_add_options_init(campaign_person_discipline_add_options *opts,
                                                             unsigned int version);

/**
 * Adds an entry to a person's disciplinary record (confidential). The audit
 * entry names the person, never what the record says.
 * @param[out] out_id  the entry's id (free with campaign_buf_free()); NULL if not wanted
 * @param opts         the entry (see ::campaign_person_discipline_add_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version included);
 *         ::CAMPAIGN_ENOTFOUND (campaign, person); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_person_discipline_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                                                const campaign_person_discipline_add_options *opts,
                                                const char *actor);

/**
 * A person's record: disciplinary entries, findings naming them (in their
 * unit), proposals and actions about them, by date. The actor must have
 * confidential access (see access.h); the read is logged
 * ("person.read_record"), and a refusal too.
 * Columns: kind ("discipline"/"finding"/"proposal"/"action"), date (date), id, what
 * (sanction, finding category or action), text, status.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_ENOTFOUND (campaign, person);
 *         ::CAMPAIGN_EPERM (no confidential access, or a read-only store, which cannot log the read).
 */
CAMPAIGN_API int campaign_person_record_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                              const char *person, const char *actor);

/* ---- conduct evaluations (行风评议) ---- */

#define CAMPAIGN_EVALUATION_ADD_OPTIONS_VERSION 1

/** The score campaign_evaluation_add() adds. Initialise with ::CAMPAIGN_EVALUATION_ADD_OPTIONS_INIT or
 * campaign_evaluation_add_options_init(). */
typedef struct campaign_evaluation_add_options {
	unsigned int version;     /**< ::CAMPAIGN_EVALUATION_ADD_OPTIONS_VERSION */
	int year;                 /**< the year evaluated (1900..9999) */
	const char *period;       /**< the period, e.g. "全年" or "上半年"; required */
	const char *unit;         /**< the unit's id; required */
	const char *score;        /**< the score as decimal text, at most two decimals, 0..1000 ("87.5"); required */
	const char *evaluated_on; /**< the date the result was given "YYYY-MM-DD"; required */
	const char *note;         /**< free text, or NULL */
} campaign_evaluation_add_options;

#define CAMPAIGN_EVALUATION_ADD_OPTIONS_INIT \
	{ CAMPAIGN_EVALUATION_ADD_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL or 0; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_evaluation_add_options_init(campaign_evaluation_add_options *opts, unsigned int version);

/**
 * Adds a unit's conduct evaluation score (行风评议) for a year and period, or
 * replaces the score given for them. (Formerly campaign_evaluation_record().)
 * @param opts  the score (see ::campaign_evaluation_add_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version included);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_evaluation_add(campaign_db *db, const char *campaign,
                                         const campaign_evaluation_add_options *opts, const char *actor);

/**
 * Imports scores from a CSV file (UTF-8, optional BOM, header naming year, period,
 * unit, score, evaluated_on and optionally note, in any order) or a YAML file
 * (a list of mappings with those keys), by extension. One transaction: a bad row
 * fails the whole import with `file:line:column: row N: message` and nothing is written.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID; ::CAMPAIGN_EIO; ::CAMPAIGN_ENOTFOUND (campaign);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 * @p opts: dry run, error limit, progress (campaign/import.h); NULL for the defaults.
 */
CAMPAIGN_API int campaign_evaluations_import_file(campaign_db *db, const char *campaign, const char *path,
                                                  const campaign_rows_import_options *opts, const char *actor);
/** As campaign_evaluations_import_file(), from @p text in memory, named @p name in messages (NULL: "<string>");
 *  the format by @p name's extension, or without a name by the text (see campaign/import.h).
 * @return as campaign_evaluations_import_file(); ::CAMPAIGN_EINVALID also for a NULL @p text.
 */
CAMPAIGN_API int campaign_evaluations_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                                    const campaign_rows_import_options *opts, const char *actor);

/**
 * The ranking of an evaluation, best first. Ties share a rank and the next
 * rank skips (standard competition ranking: 1, 2, 2, 4); rank_from_bottom is
 * the same ranking from the lowest score (the lowest scores have 1).
 * @param year    the year
 * @param period  the period, or NULL for every period of the year
 * @param group   a unit group id to rank within, or NULL for every unit scored
 * Columns: year (int), period, unit, unit_name, score (text "87.50"), rank (int),
 * rank_from_bottom (int), units (int: how many were ranked), evaluated_on (date), id.
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_evaluation_ranking_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                   int year, const char *period, const char *group);

/* ---- inspection tours (巡视) ---- */

#define CAMPAIGN_TOUR_ADD_OPTIONS_VERSION 1

/** The year's schedule campaign_tour_add() plans. Initialise with ::CAMPAIGN_TOUR_ADD_OPTIONS_INIT or
 * campaign_tour_add_options_init(). */
typedef struct campaign_tour_add_options {
	unsigned int version; /**< ::CAMPAIGN_TOUR_ADD_OPTIONS_VERSION */
	int year;             /**< the year of the tours */
	const char *group;    /**< the unit group whose members are toured, e.g. "counties"; required */
	const char *first;    /**< the window's first day, in @c year: "YYYY-MM-DD" or a deadline expression
	                           ("第二季度": its first day; a year left out is @c year); not before the campaign
	                           starts; required */
	const char *last;     /**< the window's last day, in @c year, not before @c first: "YYYY-MM-DD" or a deadline
	                           expression ("6月底": its last day); required */
} campaign_tour_add_options;

#define CAMPAIGN_TOUR_ADD_OPTIONS_INIT { CAMPAIGN_TOUR_ADD_OPTIONS_VERSION, 0, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL or 0; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_tour_add_options_init(campaign_tour_add_options *opts, unsigned int version);

/**
 * Adds the year's planned inspection tours (巡视): one planned tour of every
 * member of opts->group (in the group's order) with dates spread evenly from
 * opts->first to opts->last. Units that already have a tour that year keep it.
 * (Formerly campaign_tour_schedule().)
 * @param opts  the year and window (see ::campaign_tour_add_options)
 * @return the number of tours added (0 or more); ::CAMPAIGN_EINVALID (dates outside the
 *         year or out of order; NULL @p opts or an unknown version); ::CAMPAIGN_ENOTFOUND (campaign, group);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_tour_add(campaign_db *db, const char *campaign, const campaign_tour_add_options *opts,
                                   const char *actor);

#define CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION 1

/** The visit campaign_tour_record() records. Initialise with ::CAMPAIGN_TOUR_RECORD_OPTIONS_INIT or
 * campaign_tour_record_options_init(). */
typedef struct campaign_tour_record_options {
	unsigned int version;     /**< ::CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION */
	const char *unit;         /**< the unit toured; required */
	const char *conducted_on; /**< the day of the visit "YYYY-MM-DD" (its year is the tour's), within the campaign period (examples/plans/FORMAT.md, "Dates checked"); required */
	const char *leader;       /**< the tour group's leader (巡视组组长), or NULL */
	const char *note;         /**< free text, or NULL */
} campaign_tour_record_options;

#define CAMPAIGN_TOUR_RECORD_OPTIONS_INIT { CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_tour_record_options_init(campaign_tour_record_options *opts, unsigned int version);

/**
 * Records that a unit was toured on opts->conducted_on (its year is the tour's).
 * A planned tour of that unit and year is completed; otherwise one is added.
 * @param opts  the visit (see ::campaign_tour_record_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version included);
 *         ::CAMPAIGN_ENOTFOUND (campaign, unit); ::CAMPAIGN_ECONFLICT (toured already that year);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_tour_record(campaign_db *db, const char *campaign, const campaign_tour_record_options *opts,
                                      const char *actor);

/* A tour's findings: campaign_tour_finding_add() in inspection.h (the findings register). */

/**
 * The tours of a year as of @p as_of (NULL: today), by unit order.
 * @param group  a unit group id: every member is listed, toured or not; NULL: the tours only
 * Columns: year (int), unit, unit_name, id (NULL when none is planned), planned_on (date),
 * conducted_on (date), leader, findings (int), status ("done"; "planned"; "overdue": the
 * planned date passed; "missing": the year ended untoured; "unscheduled").
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out, a bad @p as_of);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_tours_query(campaign_cursor **out, campaign_db *db, const char *campaign, int year,
                                      const char *group, const char *as_of);

/* ---- rules ---- */

/**
 * Imports a rule set from a YAML file (format and kinds: docs/accountability.md;
 * examples/rules/). Every rule is validated (kind, action, parameters, a `sql`
 * rule's query checked read-only over the documented views) with
 * `file:line:column: message`. The first import of a rule set is version 1;
 * a changed one adds the next version; an identical one changes nothing.
 * A rule id must be unique among the rule sets in force.
 * @return the version now in force (1 or more); ::CAMPAIGN_EINVALID; ::CAMPAIGN_EIO;
 *         ::CAMPAIGN_ENOTFOUND (campaign); ::CAMPAIGN_ECONFLICT (a rule id of another set);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_rules_import_file(campaign_db *db, const char *campaign, const char *path,
                                            const char *actor);

/**
 * As campaign_rules_import_file(), from YAML text; @p name is used in error positions (NULL: "<string>").
 * @return as campaign_rules_import_file() (::CAMPAIGN_EINVALID for NULL @p yaml or invalid UTF-8).
 */
CAMPAIGN_API int campaign_rules_import_string(campaign_db *db, const char *campaign, const char *yaml,
                                              const char *name, const char *actor);

/**
 * The rules in force (the newest version of each rule set not retired), by set and order.
 * Columns: ruleset, version (int), id, kind, action, action_label, name, source, params (JSON).
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_rules_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/**
 * Retires a rule set: its rules no longer evaluate, and its newest version records who retired it,
 * when and why. Nothing is deleted: its versions, the proposals made under it and their decisions
 * stay, and its rule ids stay taken. Importing a changed version of it puts the set in force again
 * (an identical one changes nothing: the set stays retired).
 * @param ruleset  the rule set's id; required
 * @param reason   why it is retired; required
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a missing @p ruleset or @p reason, invalid UTF-8);
 *         ::CAMPAIGN_ENOTFOUND ("no rule set with id \"X\"", or the campaign);
 *         ::CAMPAIGN_ECONFLICT ("rule set \"X\" (version N) is retired already"); ::CAMPAIGN_EPERM;
 *         ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_rules_retire(campaign_db *db, const char *campaign, const char *ruleset, const char *reason,
                                       const char *actor);

/**
 * Every rule set, in force or retired, as its newest version, by id.
 * Columns: id, version (int), name, source, rules (int: its rules), imported_by, imported_at,
 * status ("in_force" or "retired"), retired_by, retired_at, retired_reason (NULL while in force),
 * proposals (int: the proposals made under any version of it).
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_rulesets_query(campaign_cursor **out, campaign_db *db, const char *campaign);

/* ---- evaluation, proposals and decisions ---- */

/**
 * Applies the rules in force to the store as of @p as_of and stores the new
 * proposals, in one transaction. A proposal already made (by rule and key,
 * whatever became of it) is not made again.
 * @param as_of  "YYYY-MM-DD"; required (an evaluation is always of a stated date)
 * @return the number of new proposals (0 or more); ::CAMPAIGN_EINVALID (a date; a sql rule that
 *         fails); ::CAMPAIGN_ENOTFOUND (campaign); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_accountability_evaluate(campaign_db *db, const char *campaign, const char *as_of,
                                                  const char *actor);

/**
 * Proposals, in evaluation order: by the date evaluated, rule set, rule order, unit order and key.
 * @param status  "pending", "accepted", "rejected", "modified", or NULL for all
 * @param unit    a unit id, or NULL
 * Columns: id, rule, ruleset, version (int), kind, action, action_label, unit, unit_name, person,
 * person_name, key, evidence, reason, due_on (date), as_of (date), status, decided_by,
 * decided_on (date), decision_note, action_id (the action decided, or NULL), parent.
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_proposals_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                          const char *status, const char *unit);

#define CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION 1

/** The decision campaign_proposal_decide() records. Initialise with ::CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_INIT or
 * campaign_proposal_decide_options_init(). */
typedef struct campaign_proposal_decide_options {
	unsigned int version; /**< ::CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION */
	const char *proposal; /**< the proposal's id; required */
	const char *decision; /**< "accept", "reject" (a note giving the reason is required) or "modify"
	                           (the action carried out differs: another @c action and/or @c due_on) */
	const char *action;   /**< for "modify": the action instead, or NULL to keep it; else NULL */
	const char *due_on;   /**< for "modify": the due date instead, "YYYY-MM-DD" or a deadline expression as outcomes
	                           take ("2011年1月底": its last day, the text kept), not before the campaign starts;
	                           or NULL to keep it; else NULL */
	const char *note;     /**< the reason or remark; required to reject */
	const char *date;     /**< the date of the decision "YYYY-MM-DD", within the campaign period (examples/plans/FORMAT.md, "Dates checked"); required */
} campaign_proposal_decide_options;

#define CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_INIT \
	{ CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_proposal_decide_options_init(campaign_proposal_decide_options *opts, unsigned int version);

/**
 * Decides a pending proposal; an accepted or modified one becomes an action.
 * @param opts  the decision (see ::campaign_proposal_decide_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL @p opts or an unknown version included);
 *         ::CAMPAIGN_ENOTFOUND (campaign, proposal); ::CAMPAIGN_ECONFLICT (decided already);
 *         ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_proposal_decide(campaign_db *db, const char *campaign,
                                          const campaign_proposal_decide_options *opts, const char *actor);

#define CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION 1

/** What campaign_action_update() records. Initialise with ::CAMPAIGN_ACTION_UPDATE_OPTIONS_INIT or
 * campaign_action_update_options_init(). */
typedef struct campaign_action_update_options {
	unsigned int version;  /**< ::CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION */
	const char *action_id; /**< the action's id; required */
	const char *event;     /**< "held" (an interview took place), "explanation_received" (an interview's
	                            written explanation came in: the interview is done), "done" (carried out,
	                            e.g. the remedial work finished) or "cancelled" */
	const char *date;      /**< "YYYY-MM-DD", not before the decision, within the campaign period (examples/plans/FORMAT.md, "Dates checked"); required */
	const char *note;      /**< free text, or NULL to keep the action's note */
} campaign_action_update_options;

#define CAMPAIGN_ACTION_UPDATE_OPTIONS_INIT { CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (every field NULL; for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_action_update_options_init(campaign_action_update_options *opts, unsigned int version);

/**
 * Records what happened to an action.
 * @param opts  the event (see ::campaign_action_update_options)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (an event that does not apply to the action; NULL @p opts
 *         or an unknown version); ::CAMPAIGN_ENOTFOUND; ::CAMPAIGN_ECONFLICT (done or cancelled already,
 *         or the event recorded already); ::CAMPAIGN_EPERM; ::CAMPAIGN_EBUSY.
 */
CAMPAIGN_API int campaign_action_update(campaign_db *db, const char *campaign,
                                        const campaign_action_update_options *opts, const char *actor);

/**
 * Actions and their status on @p as_of (NULL: today), by action, unit order and due date.
 * @param action  an action ("interview" …), or NULL for all
 * @param unit    a unit id, or NULL
 * Columns: id, proposal, rule, action, action_label, unit, unit_name, person, person_name,
 * due_on (date), decided_on (date), held_on (date), explanation_on (date), done_on (date),
 * cancelled_on (date), status ("open", "overdue": the due date passed, "done", "cancelled"),
 * days_overdue (int), note.
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out, a bad @p as_of);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_actions_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                        const char *action, const char *unit, const char *as_of);

/**
 * Open actions by kind and unit on @p as_of (NULL: today).
 * Columns: action, action_label, unit, unit_name, open (int: not done nor cancelled),
 * overdue (int: of those, past their due date), done (int).
 * @return ::CAMPAIGN_OK and the cursor in @p out; ::CAMPAIGN_EINVALID (a NULL @p out, a bad @p as_of);
 *         ::CAMPAIGN_ENOTFOUND (campaign).
 */
CAMPAIGN_API int campaign_actions_summary_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                                const char *as_of);

CAMPAIGN_END_DECLS
#endif
