/**
 * @file campaign/cursor.h
 * @brief Query results: a forward-only cursor over rows of named columns.
 *
 * Every `*_query` call gives a cursor. Call campaign_cursor_next() until it
 * returns ::CAMPAIGN_ITEROVER, read columns by index or by name, then free
 * it with campaign_cursor_free(). Each query documents its columns.
 *
 * @code
 * campaign_cursor *c;
 * if (campaign_units_query(&c, db, NULL) == CAMPAIGN_OK) {
 *     while (campaign_cursor_next(c) == CAMPAIGN_OK)
 *         printf("%s\n", campaign_cursor_get(c, "name"));
 *     campaign_cursor_free(c);
 * }
 * @endcode
 */
#ifndef CAMPAIGN_CURSOR_H
#define CAMPAIGN_CURSOR_H

#include "common.h"
#include "buf.h"

CAMPAIGN_BEGIN_DECLS

/** A query result. Opaque. */
typedef struct campaign_cursor campaign_cursor;

/** The declared type of a column, so that bindings can convert values. */
typedef enum campaign_column_type {
	CAMPAIGN_COLUMN_TEXT = 1,  /**< UTF-8 text */
	CAMPAIGN_COLUMN_INT = 2,   /**< 64-bit integer (flags are 0/1) */
	CAMPAIGN_COLUMN_DATE = 3   /**< ISO-8601 date text "YYYY-MM-DD" */
} campaign_column_type;

/**
 * Advances to the next row.
 * @return ::CAMPAIGN_OK when a row is available; ::CAMPAIGN_ITEROVER at the end
 *         (and on every later call); ::CAMPAIGN_EINVALID for NULL;
 *         ::CAMPAIGN_EBUSY or ::CAMPAIGN_EIO if the store fails.
 */
CAMPAIGN_API int campaign_cursor_next(campaign_cursor *cursor);

/**
 * Restricts the cursor to one page of its rows: skips @p offset rows and
 * yields at most @p limit (-1: no limit). Every query's cursor can be paged,
 * and SQLite stops reading once the page is full. Call it after the query
 * and before the first campaign_cursor_next().
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL cursor, a negative
 *         offset, a limit below -1, or a cursor already read from.
 */
CAMPAIGN_API int campaign_cursor_page(campaign_cursor *cursor, long long offset, long long limit);

/**
 * Restricts the cursor to the rows of one site's subtree (the rollup by site,
 * docs/multisite.md): rows whose `unit` column names a unit of site @p site or
 * of a known site below it (its `unit` in the plan, and the units below that
 * unit in the plan), the same units a bundle from that site may carry rows of.
 * The top site (no parent, no unit: the one that imported the plan) keeps every
 * row. Every listing with a `unit` column can be filtered: status
 * (campaign_share_status_query()), supervision, risk distribution, findings,
 * proposals ... At the province, a county's rows filtered so are that county's
 * own store's rows filtered alike. Call it after the query and before the first
 * campaign_cursor_next(); a page (campaign_cursor_page()) counts the rows kept.
 * @param cursor  a query's cursor
 * @param site    a 6-digit site code known to the store (campaign_sites_query())
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL cursor, a code that is not 6 digits,
 *         a listing without a `unit` column, or a cursor already read from;
 *         ::CAMPAIGN_ENOTFOUND for a site not known to the store; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_cursor_site(campaign_cursor *cursor, const char *site);

/**
 * Returns the number of columns (0 for NULL).
 * @return the column count, or 0 for NULL.
 */
CAMPAIGN_API int campaign_cursor_column_count(const campaign_cursor *cursor);

/**
 * Returns the name of column @p i (static for the cursor's life), or NULL if out of range.
 * @return the name, or NULL if @p i is out of range or @p cursor is NULL.
 */
CAMPAIGN_API const char *campaign_cursor_column_name(const campaign_cursor *cursor, int i);

/**
 * Returns the ::campaign_column_type of column @p i, or ::CAMPAIGN_EINVALID if out of range.
 * @return a ::campaign_column_type, or ::CAMPAIGN_EINVALID if @p i is out of range or
 *         @p cursor is NULL.
 */
CAMPAIGN_API int campaign_cursor_column_type(const campaign_cursor *cursor, int i);

/**
 * Returns the index of the column called @p name, or -1.
 * @return the index, or -1 if there is no such column.
 */
CAMPAIGN_API int campaign_cursor_column_index(const campaign_cursor *cursor, const char *name);

/**
 * Returns 1 if column @p i of the current row is NULL (or out of range), else 0.
 * @return 1 or 0.
 */
CAMPAIGN_API int campaign_cursor_is_null(const campaign_cursor *cursor, int i);

/**
 * Returns column @p i of the current row as UTF-8 text, or NULL when the value
 * is NULL or @p i is out of range. The string belongs to the cursor and stays
 * valid until the next campaign_cursor_next() or campaign_cursor_free().
 * @return the text, or NULL.
 */
CAMPAIGN_API const char *campaign_cursor_text(campaign_cursor *cursor, int i);

/**
 * Returns column @p i of the current row as an integer (0 when NULL or out of range).
 * @return the value, or 0.
 */
CAMPAIGN_API long long campaign_cursor_int(campaign_cursor *cursor, int i);

/**
 * Like campaign_cursor_text() for the column called @p name; NULL if there is none.
 * @return the text, or NULL (a NULL value or no such column).
 */
CAMPAIGN_API const char *campaign_cursor_get(campaign_cursor *cursor, const char *name);

/**
 * Writes the cursor's remaining rows to the workbook @p path (.xlsx, replaced if it exists): one
 * sheet called @p sheet_name (NULL: "Sheet1"), a bold header row frozen in view, each column as
 * wide as its text; integers as numbers, dates as Excel dates (shown yyyy-mm-dd), text as text --
 * a text that looks like a formula ("=1+1") too, never a formula. The cursor is not freed.
 * Written with libxlsxwriter.
 * @param columns the columns to write, comma-separated ("id,unit_name"); NULL: every column
 * @param titles  their titles, comma-separated, one per column ("编号,单位"); NULL: the column names
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a NULL cursor or path, an unknown column, titles
 *         that do not match the columns, a sheet name Excel refuses, text that is not UTF-8);
 *         ::CAMPAIGN_EIO when the file cannot be written; or the cursor's error.
 */
CAMPAIGN_API int campaign_cursor_write_xlsx(campaign_cursor *cursor, const char *path, const char *sheet_name,
                                            const char *columns, const char *titles);

/**
 * Writes the cursor's remaining rows to the file @p path as CSV (replaced if it exists, written
 * whole beside it and then renamed): UTF-8 with a byte-order mark (what Excel and WPS need), CRLF
 * line ends, a header row, a NULL value as an empty cell, a cell quoted only when it holds a
 * comma, a quote or a line end. A cell that a spreadsheet would read as a formula (it begins with
 * `=`, `+`, `-`, `@`, a tab or a CR, a plain number such as `-3` aside) is written after an
 * apostrophe (`'=1+1`), which every importer takes off again (see campaign_csv_cell()). The
 * cursor is not freed. The CLI's `--format csv` listings are written the same way.
 * @param columns the columns to write, comma-separated ("id,unit_name"); NULL: every column
 * @param titles  the header's names, comma-separated, one per column; NULL: the column names
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (a NULL cursor or path, an unknown column, titles
 *         that do not match the columns or are not UTF-8); ::CAMPAIGN_EIO when the file cannot
 *         be written; or the cursor's error.
 */
CAMPAIGN_API int campaign_cursor_write_csv(campaign_cursor *cursor, const char *path, const char *columns,
                                           const char *titles);

/**
 * One CSV cell as the library writes it: @p text as it is, or in double quotes (quotes doubled)
 * when it holds a comma, a quote or a line end; after an apostrophe when a spreadsheet would read
 * it as a formula (OWASP's CSV-injection rule: `=`, `+`, `-`, `@`, a tab or a CR first, a plain
 * number such as `-3` or `+1.5` aside). The one rule behind campaign_cursor_write_csv(),
 * campaign_export_all() and the CLI's CSV listings.
 * @param[out] out  the cell's text, written only on success; free with campaign_buf_free()
 * @param text      the value (UTF-8)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (NULL, or text that is not UTF-8); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_csv_cell(campaign_buf **out, const char *text);

/** Frees a cursor. Accepts NULL. */
CAMPAIGN_API void campaign_cursor_free(campaign_cursor *cursor);

CAMPAIGN_END_DECLS
#endif
