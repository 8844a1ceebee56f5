/**
 * @file campaign/import.h
 * @brief The options every bulk import takes (progress, risk register,
 * rounds, findings, rectification ledger, evaluations, people).
 *
 * Every bulk import is a pair, `campaign_<what>_import_file()` (the format
 * chosen by the extension: .csv, .xlsx, .yaml or .yml; a file that starts as
 * a zip does, "PK\3\4", is read as xlsx whatever its name) and
 * `campaign_<what>_import_string()` (the text in memory, the format chosen by
 * @p name's extension, or when @p name is NULL by the text: a YAML list starts
 * with "-" or "["). All rows are checked; one bad row fails the whole import
 * with `file:line:column: row N: message` and nothing is written. Rows are
 * logged in bulk audit mode: one call entry for the import, batches of row
 * digests for the rows.
 *
 * Tables as spreadsheets save them: a CSV may be GB18030/GBK (see
 * campaign_rows_import_options.encoding), a UTF-8 byte-order mark is skipped,
 * and every date column takes 2010-11-15, 2010/11/15, 2010/1/5, 2010.11.15
 * and 2010年11月15日 (stored as YYYY-MM-DD). A CSV cell written after an
 * apostrophe that guards a formula-like text ("'=1+1", as the CLI's CSV
 * listings write it) reads without the apostrophe. A listing fed back: the
 * progress import reads the columns of campaign_progress_history_query()
 * (reported_on is its date; id, actor, recorded_at and current, the store's
 * own, are ignored: the reports are added anew, by the importing actor).
 * Likewise the findings import reads campaign_findings_query() (a category
 * given within its catalogue column); the rectifications import reads
 * campaign_rectifications_query() (deadline_text, the deadline as written,
 * wins over the deadline's day) and campaign_rectification_ledger_query();
 * the rounds import reads campaign_inspection_rounds_query() (with the reports);
 * the risk register import reads campaign_risk_points_query() (graded anew
 * from its inputs); the evaluations import reads
 * campaign_evaluation_ranking_query(); the people import, given a .csv or
 * .xlsx file, reads campaign_people_query(). The columns a listing adds (names,
 * labels, grades, ranks, statuses, who recorded it and when) are the store's
 * own and are ignored: updates, verification and closing of rectifications
 * are not carried by a listing.
 *
 * xlsx (Excel, WPS, LibreOffice, and campaign_cursor_write_xlsx()): the first
 * sheet, or campaign_rows_import_options.sheet; its first non-empty row is the
 * header, matched by name as a CSV header is; text cells (shared or inline
 * strings) are read as they are, a formula-like text ("=1+1") too; a number in
 * a date-formatted cell or in a date column is an Excel date serial
 * (1900 or 1904 system); empty cells are absent. Errors name the cell:
 * `file: Sheet1!C7: row 6: message`. The sheet is streamed: its XML is never
 * held whole. A zip that is not a workbook, a member that inflates past its
 * declared size or beyond 1 GiB, malformed XML or a missing sheet are
 * ::CAMPAIGN_EINVALID, and nothing is written.
 */
#ifndef CAMPAIGN_IMPORT_H
#define CAMPAIGN_IMPORT_H

#include "common.h"

CAMPAIGN_BEGIN_DECLS

/* 2 added sheet; options of version 1 (without it) are still accepted. */
#define CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION 2

/**
 * Called as rows are imported (after the header, then every 256 rows and at
 * the end): @p rows read so far, @p bytes_done of @p bytes_total of the
 * input. Return 0 to go on; anything else stops the import, which then
 * fails with ::CAMPAIGN_EINVALID ("import stopped") and writes nothing.
 */
typedef int (*campaign_import_progress_fn)(void *user, long rows, long long bytes_done, long long bytes_total);

/**
 * Called in a dry run for every bad row, up to error_limit: the error's
 * code, file, line, column and full message (`file:line:column: row N: ...`).
 */
typedef void (*campaign_import_error_fn)(void *user, int code, const char *file, int line, int column,
                                         const char *message);

/**
 * Options of every bulk import. Initialise with ::CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT or
 * campaign_rows_import_options_init(); NULL options are the defaults. A dry run that finds bad
 * rows fails with the first one's code and position, its message ending "(and N more)" when
 * there were more.
 */
typedef struct campaign_rows_import_options {
	unsigned int version;                 /**< ::CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION */
	int dry_run;                          /**< 1: check every row, write nothing, report each bad one */
	int error_limit;                      /**< a dry run stops after this many bad rows; 0: 100 */
	campaign_import_progress_fn progress; /**< NULL, or called as rows are read */
	campaign_import_error_fn error;       /**< NULL, or called for every bad row of a dry run */
	void *user;                           /**< passed to progress and error */
	const char *model;                    /**< risk register: the model grading rows with inputs (NULL: the default) */
	/** CSV: the encoding of the file, "utf-8" (NULL: the default), "gb18030" (or "gbk", its subset: what Excel
	 * and WPS save as "CSV" on Chinese Windows) or "auto" (UTF-8 when the whole file is valid UTF-8, else
	 * GB18030). A UTF-8 byte-order mark is skipped; positions are counted in characters either way. */
	const char *encoding;
	/** xlsx: the sheet to read, by its name as the workbook's tab shows it (NULL: the first sheet). Version 2. */
	const char *sheet;
} campaign_rows_import_options;

#define CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT { CAMPAIGN_ROWS_IMPORT_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_rows_import_options_init(campaign_rows_import_options *opts, unsigned int version);

CAMPAIGN_END_DECLS

#endif
