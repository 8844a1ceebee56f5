/**
 * @file campaign/export.h
 * @brief Everything a store holds, written as the files its importers read.
 *
 * campaign_export_all() writes a campaign into a new directory: the plan as
 * YAML and every domain as the table its importer reads (CSV in the
 * importer's column names, or xlsx), the tables no importer reads beside them,
 * and `MANIFEST.csv` naming each file, what it holds, its rows, its SHA-256
 * and the import that reads it back. Importing `plan.yaml` into a fresh store
 * and then the other files in the manifest's order (the `import` column)
 * gives the same listings.
 *
 * @code
 * campaign_export_all_options o = CAMPAIGN_EXPORT_ALL_OPTIONS_INIT;
 * o.actor = "张三";
 * if (campaign_export_all(db, NULL, "export-2010-12-01", &o) < 0)
 *     fprintf(stderr, "%s\n", campaign_error_message());
 * @endcode
 */
#ifndef CAMPAIGN_EXPORT_H
#define CAMPAIGN_EXPORT_H

#include "common.h"
#include "store.h"

CAMPAIGN_BEGIN_DECLS

/** Version of ::campaign_export_all_options this header describes. */
#define CAMPAIGN_EXPORT_ALL_OPTIONS_VERSION 1

/**
 * Options of campaign_export_all(). Initialise with ::CAMPAIGN_EXPORT_ALL_OPTIONS_INIT or
 * campaign_export_all_options_init(); NULL options are the defaults.
 */
typedef struct campaign_export_all_options {
	unsigned int version; /**< ::CAMPAIGN_EXPORT_ALL_OPTIONS_VERSION */
	/** the tables' format: "csv" (NULL: the default; UTF-8 with a byte-order mark, CRLF, a
	 * formula-like cell after an apostrophe) or "xlsx" (a workbook per table, one sheet);
	 * plan.yaml and MANIFEST.csv are always YAML and CSV */
	const char *format;
	/** who reads the confidential listings (their reads are logged under this name); NULL: none
	 * is read */
	const char *actor;
	/** the confidential listings (case leads' details and reporters, risk points' confidential
	 * notes): 0 (the default) writes them when @ref actor is given, the store was opened with its
	 * key and the actor has confidential access, and otherwise leaves them out, saying why in the
	 * manifest; 1 requires them (the export fails when they cannot be read); -1 never writes them */
	int confidential;
} campaign_export_all_options;

/** Static initialiser of ::campaign_export_all_options: CSV, no confidential listings read. */
#define CAMPAIGN_EXPORT_ALL_OPTIONS_INIT { CAMPAIGN_EXPORT_ALL_OPTIONS_VERSION, 0, 0, 0 }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_export_all_options_init(campaign_export_all_options *opts, unsigned int version);

/**
 * Writes everything the store holds of a campaign into the new directory @p dir, in the formats
 * the importers read:
 *
 * | file | what | read back by |
 * |---|---|---|
 * | plan.yaml | the plan (campaign_plan_export_yaml()) | campaign_plan_import_file() |
 * | catalogue-ID.vN.yaml | every version of every catalogue, oldest first | campaign_catalogue_import_file() |
 * | model-ID.vN.yaml | every version of every risk model (the default says so) | campaign_risk_model_import_file() |
 * | rules-ID.yaml | each rule set in force: its newest version's rules | campaign_rules_import_file() |
 * | people.yaml | the posts, the people and who held which post when | campaign_people_import_file() |
 * | progress.csv | every progress report, oldest first | campaign_progress_import_file() |
 * | rounds.csv | the self-inspection rounds and their reports (a group's: a row per member) | campaign_inspection_rounds_import_file() |
 * | findings.csv | the findings (catalogue "ID@N": their category's version) | campaign_findings_import_file() |
 * | ledger.csv | the rectifications (整改台账) as recorded | campaign_rectifications_import_file() |
 * | evaluations.csv | every year's conduct evaluations | campaign_evaluations_import_file() |
 * | register.csv | the risk points graded by the default model, or ungraded | campaign_risk_register_import_file() |
 * | register-MODEL.csv | the points graded by another model | the same, with `model` MODEL |
 *
 * and, read by no importer, as listings: posts.csv, holdings.csv, rulesets.csv (every set, retired
 * ones too), rules.csv (parameters as JSON), proposals.csv (with their decisions), actions.csv,
 * catalogues.csv, risk-models.csv, risk-grades.csv (overrides too), risk-controls.csv,
 * rectification-status.csv (updates, verification, closing), case-leads.csv,
 * thresholds.csv, roles.csv; with the key (see campaign_export_all_options.confidential)
 * case-leads-confidential.csv and risk-confidential.csv. Catalogues and models are written from
 * their tables (the store does not keep their text): the same content, not the same comments or
 * layout, and a category's consequence only where it differs from its catalogue's. A retired rule
 * set is listed, not written. `MANIFEST.csv` (UTF-8 with a byte-order mark) has the columns file,
 * what, rows (the records of a table, the people or rules of a YAML file; empty for the plan),
 * sha256 (of the file's bytes), import (the `campaign` command that reads the file back, run in
 * the directory; empty for a listing) and note (why something was left out: then file and sha256
 * are empty); its rows are in import order.
 *
 * The tables are written with every column of their importer, under its names; listing columns
 * the importer ignores are left out. What no importer carries is in the listings only: the
 * rectifications' updates and verification, grade overrides, controls,
 * case leads, proposals and their decisions, roles. Every file
 * is built in memory before it is written. The files are written into a new directory beside @p dir,
 * which is renamed to @p dir at the end: a failure leaves nothing behind.
 * @param campaign  the campaign id, or NULL for the only one
 * @param dir       the directory to create: it must not exist, or be empty
 * @param opts      the format and the confidential listings; NULL: the defaults
 * @return the number of files written (the manifest included); ::CAMPAIGN_EINVALID (NULL @p db or
 *         @p dir, an unknown format, options of an unknown version); ::CAMPAIGN_ECONFLICT (@p dir
 *         exists and is not an empty directory); ::CAMPAIGN_EIO (a file or the directory cannot be
 *         written); ::CAMPAIGN_ENOTFOUND (campaign); ::CAMPAIGN_ELOCKED or ::CAMPAIGN_EPERM when
 *         confidential is 1 and the confidential listings cannot be read.
 */
CAMPAIGN_API int campaign_export_all(campaign_db *db, const char *campaign, const char *dir,
                                     const campaign_export_all_options *opts);

CAMPAIGN_END_DECLS

#endif
