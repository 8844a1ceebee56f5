/* The output layer of the `campaign` tool: every listing is written as text,
 * Markdown, CSV or JSON here (output.c: tables; json.c: the JSON writer;
 * text.c: terminal widths), so a command only chooses columns and titles. */
#ifndef CAMPAIGN_CLI_OUTPUT_H
#define CAMPAIGN_CLI_OUTPUT_H
#include <stdio.h>
#include "campaign/campaign.h"

/* A streaming JSON writer: it tracks whether a comma is due at each level. */
typedef struct json {
	FILE *f;
	int depth;
	int need_comma[64];
	int after_key;
} json;

void json_begin_object(json *j);
void json_end_object(json *j);
void json_begin_array(json *j);
void json_end_array(json *j);
void json_key(json *j, const char *key);
void json_string(json *j, const char *s); /* NULL writes null */
void json_int(json *j, long long v);
void json_bool(json *j, int v);
/* Writes every column of the cursor's current row as "name": value. */
void json_row(json *j, campaign_cursor *c);
/* Keeps a row of a listing when it returns nonzero (NULL: every row). */
typedef int (*row_filter)(campaign_cursor *c);
/* Writes the cursor's remaining rows (those @keep keeps) as an array of
 * objects and frees the cursor; returns 0 or the cursor's error. */
int json_cursor(json *j, campaign_cursor *c, row_filter keep);

/* Display width of UTF-8 text in a terminal (text.c: utf8proc; CJK characters
 * take two cells, combining marks none). */
int text_width(const char *s);
/* Where the first @cells cells of @s end (at least one character). */
const char *text_cut(const char *s, int cells);
/* The width text tables fit: `--width N`; else, on a terminal, $COLUMNS,
 * else the terminal's (TIOCGWINSZ), else 80; not a terminal: 0, no limit, so
 * that a pipe or a file keeps whole rows. */
void output_width_set(const char *option);
int output_width(void);
/* Prints @s and pads it with spaces to @width cells. */
void text_pad(FILE *f, const char *s, int width);

/* The output formats every listing offers, NULL-terminated (for --format). */
extern const char *const output_formats[];

/* Prints (and frees) a cursor as text|markdown|csv|json; @cols selects and
 * orders columns (NULL: all), @titles names them (NULL: column names), @keep
 * filters rows (NULL: all). No byte-order mark: for a section of a report. */
int print_table_where(campaign_cursor *c, const char *format, const char *const *cols, const char *const *titles,
                      row_filter keep);
int print_table(campaign_cursor *c, const char *format, const char *const *cols, const char *const *titles);
/* A whole listing: print_table, with the byte-order mark CSV needs first. */
int print_listing(campaign_cursor *c, const char *format, const char *const *cols, const char *const *titles);
/* A section heading between listings of a report (Markdown: "## title"). */
void print_heading(const char *format, const char *title);
/* The line end of a format: CRLF for CSV, else LF. */
const char *line_end(const char *format);
/* Writes the UTF-8 byte-order mark that spreadsheets need for CSV. */
void csv_bom(FILE *f);
#endif
