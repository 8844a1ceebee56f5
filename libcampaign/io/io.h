/* The io layer's private header: CSV and YAML row sources, the bulk row
 * import, reading files, deadlines. Not installed. */
#ifndef CAMPAIGN_IO_PRIVATE_H
#define CAMPAIGN_IO_PRIVATE_H

#include <stdio.h>
#include <yaml.h>
#include "core/core.h"
#include "campaign/import.h"

/* ---- csv.c: CSV files for the bulk importers, streamed record by record ---- */

#define CSV_MAX_FIELDS 16

/* A file read record by record (RFC 4180, UTF-8, optional BOM). */
typedef struct csv_reader {
	FILE *f;
	const char *file;   /* the path, for messages */
	char *buf;          /* cap + 1 bytes */
	size_t cap;
	char *p, *end;      /* the bytes read and not yet parsed */
	long long base;     /* the file offset of buf[0] */
	int eof;
	int utf8_at_line;   /* bad UTF-8 named by the record's line (progress) rather than the byte offset */
	int line, col;      /* where p is, col in characters */
} csv_reader;

/* Opens @path (EIO naming it) and skips a BOM. */
int csv_open(csv_reader *c, const char *path, int utf8_at_line);
/* Reads @len bytes of @text (named @name in messages) the same way. */
int csv_open_string(csv_reader *c, const char *name, const char *text, size_t len, int utf8_at_line);
/* @len bytes of @text as a stream to read (NULL: out of memory). */
FILE *csv_text_stream(const char *text, size_t len);
/* The size of the file @f in bytes (0 when it cannot seek), read from its start. */
long long csv_stream_size(FILE *f);
void csv_close(csv_reader *c);
/* Makes the next record wholly readable by csv_next_field; *got is 0 at the
 * end of the file. EINVALID when the record is not UTF-8. */
int csv_record(csv_reader *c, int *got);
/* 1 (and skips it) when the record is a blank line. */
int csv_blank(csv_reader *c);
/* One field of the record, unquoted in place and NUL-terminated, with where
 * it starts. Returns ',' (more fields), '\n' (end of record), 0 (end of
 * input) or -1 (a malformed quote). */
int csv_next_field(csv_reader *c, char **out, int *line, int *col);

/* ---- csv_write.c: CSV out, the one door (the CLI's listings, campaign_cursor_write_csv(),
 * campaign_export_all()) ---- */

#define CSV_BOM "\xef\xbb\xbf" /* what Excel and WPS need to read UTF-8 */
/* 1 when a spreadsheet would read @s as a formula: it begins with = + - @, a tab or a CR
 * (OWASP's rule against CSV injection) and is not a plain number such as -3 or +1.5. */
int csv_formula_like(const char *s);
/* Appends @s as one CSV cell: quoted when it holds a comma, a quote or a line end (quotes
 * doubled); after an apostrophe when csv_formula_like(), so that it stays text. */
int csv_put_cell(struct campaign_buf *b, const char *s);
/* Appends the cursor's remaining rows that @keep keeps (NULL: all) as CSV records (CRLF), the
 * header first when @header; @columns and @titles comma-separated as campaign_cursor_write_xlsx()
 * takes them (NULL: every column, by name); NULL cells empty. *@rows (may be NULL) counts the
 * records written. The cursor is not freed. */
int csv_put_cursor(struct campaign_buf *b, campaign_cursor *c, const char *columns, const char *titles, int header,
                   int (*keep)(campaign_cursor *), long long *rows);
/* A cell written otherwise than the cursor gives it (csv_put_cursor_as(), xlsx_book_sheet()): the
 * text of column @col of the current row, into @buf (@n bytes) or a pointer the cursor owns;
 * NULL: the cursor's value. (campaign_export_all: a finding's catalogue with its version.) */
typedef const char *(*cell_fn)(campaign_cursor *c, int col, char *buf, size_t n);
int csv_put_cursor_as(struct campaign_buf *b, campaign_cursor *c, const char *columns, const char *titles, int header,
                      int (*keep)(campaign_cursor *), cell_fn cell, long long *rows);

/* ---- deadline.c ---- */

/* A parsed date range. A field is 0 when not set; open_ended means no end:
 * no dates at all, or (kind CAMPAIGN_DEADLINE_START) only the first day. A
 * recurrence is the span of its occurrences in the period. */
typedef struct deadline_range {
	int open_ended;
	int first_y, first_m, first_d;
	int last_y, last_m, last_d;
	int kind; /* campaign_deadline_kind_code */
} deadline_range;

/* Parses @text (see campaign/deadline.h); @year is the context year or 0.
 * Returns CAMPAIGN_OK or sets the last error (CAMPAIGN_EINVALID, message quoting
 * the text) and returns it. */
int deadline_parse_range(deadline_range *out, const char *text, int year);
/* The same with the whole context (@opts may be NULL); the plan import passes
 * the campaign period. */
int deadline_read_range(deadline_range *out, const char *text, const campaign_deadline_read_options *opts);
/* Formats y-m-d as "YYYY-MM-DD" into @out (11 bytes). */
void deadline_format_date(char out[11], int y, int m, int d);

/* ---- calendar.c: days, weekdays, holidays ---- */

enum cal_holiday { H_NEW_YEAR, H_SPRING, H_LANTERN, H_LABOUR, H_DRAGON, H_MIDAUTUMN, H_NATIONAL };

int cal_is_leap(int y);
int cal_days_in_month(int y, int m);
/* Days since 1970-01-01, and back. */
long cal_day_number(int y, int m, int d);
void cal_from_day_number(long n, int *y, int *m, int *d);
/* 1 (Monday) .. 7 (Sunday). */
int cal_weekday(int y, int m, int d);
/* The day of holiday @h in Gregorian year @y; -1 when @y is outside the
 * Chinese-calendar table (1990..2050) and the holiday needs it. */
int cal_holiday(enum cal_holiday h, int y, int *m, int *d);

/* ---- file.c: reading files ---- */

/* Reads a whole file of at most YAML_MAX_BYTES into @b (NUL-terminated):
 * the YAML documents and lists, read whole. Their UTF-8 is checked by the
 * YAML reader (ydoc_load), which names the line and column of a bad byte. */
int file_read(const char *path, struct campaign_buf *b);

/* ---- yaml.c: the one YAML reader ----
 *
 * Every YAML document is loaded by ydoc_load(): UTF-8 checked, nesting
 * deeper than YAML_MAX_DEPTH or a text larger than YAML_MAX_BYTES refused
 * while the events are parsed (a hostile file fails in milliseconds), then
 * libyaml's document. Errors are "file:line:col: msg" (EINVALID). The
 * getters read a mapping's value at a key: absent or null gives NULL (an
 * error when required), a value of the wrong kind an error at its node;
 * @what names the object in messages ("task t1"). */

#define YAML_MAX_DEPTH 64
#define YAML_MAX_BYTES (256 << 20)

typedef struct ydoc {
	yaml_document_t doc;
	const char *file; /* for messages ("<string>" when none) */
	int loaded;
} ydoc;

int ydoc_load(ydoc *d, const char *file, const char *data, size_t len);
/* ydoc_load() in two steps: the checks and the first pass (with @key, also
 * whether the document can be streamed on it, see ydoc_stream), then
 * libyaml's whole document. */
int ydoc_check(ydoc *d, const char *file, const char *data, size_t len, const char *key, int *streamable);
int ydoc_compose(ydoc *d, const char *data, size_t len);
/* A long list read item by item: claim() is offered each scalar key of a
 * mapping as it is read (the mapping holding the keys before it; @is_item:
 * the mapping is an item of a streamed list) and sets *claimed to stream the
 * key's list; each item of a streamed list, once composed, goes to item()
 * and is then freed, and the list stays empty in the document. */
typedef struct ystream {
	int (*claim)(void *ctx, ydoc *d, int map, const char *key, int is_item, int *claimed);
	int (*item)(void *ctx, ydoc *d, int item);
	void *ctx;
} ystream;
/* Composes the document of @data (checked by ydoc_check with streamable
 * set) from libyaml's events, streaming what @s claims. */
int ydoc_stream(ydoc *d, const char *data, size_t len, const ystream *s);
/* ydoc_check() and ydoc_stream() in one pass over the file @f (read as it
 * is parsed, never whole) or over @data when @f is NULL: it fails wherever
 * ydoc_check() would refuse the document or find it not streamable on
 * @key, possibly after some items went to @s, so the caller undoes them
 * and takes the two passes, whose checks give the reference message. */
int ydoc_stream_once(ydoc *d, const char *file, FILE *f, const char *data, size_t len, const char *key,
                     const ystream *s);
void ydoc_free(ydoc *d);
yaml_node_t *ydoc_root(ydoc *d);
yaml_node_t *ydoc_node(ydoc *d, int index);
/* EINVALID at node @n (1:1 when NULL). */
int ydoc_fail(const ydoc *d, const yaml_node_t *n, const char *fmt, ...) CAMPAIGN_PRINTF(3, 4);
int ydoc_line(const yaml_node_t *n);
int ydoc_column(const yaml_node_t *n);
/* "a scalar", "a list", "a mapping". */
const char *ydoc_kind(const yaml_node_t *n);
/* A scalar's text; NULL for anything else. */
const char *ydoc_text(const yaml_node_t *n);
/* A plain scalar YAML reads as null ("", "~", "null"). */
int ydoc_is_null(const yaml_node_t *n);
/* The index of key node @k in the NULL-terminated @keys, -1 when not there. */
int ydoc_key_index(const yaml_node_t *k, const char *const *keys);
/* Only @allowed keys (NULL-terminated), none twice: "what: unknown key \"k\"". */
int ydoc_check_keys(ydoc *d, yaml_node_t *map, const char *what, const char *const *allowed);
/* The top of a document in format 1: a mapping (else @shape at 1:1) with
 * only @keys, keys[0] "format" and its value 1; each key's value node into
 * @nodes (NULL when absent). */
int ydoc_top(ydoc *d, const char *shape, const char *const *keys, yaml_node_t **nodes);
yaml_node_t *ydoc_get(ydoc *d, yaml_node_t *map, const char *key);
int ydoc_string(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, const char **out);
int ydoc_int(ydoc *d, yaml_node_t *map, const char *what, const char *key, long lo, long hi, int required, long *out);
int ydoc_bool(ydoc *d, yaml_node_t *map, const char *what, const char *key, int *out);
int ydoc_date(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, const char **out);
int ydoc_list(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, yaml_node_t **out);
int ydoc_map(ydoc *d, yaml_node_t *map, const char *what, const char *key, int required, yaml_node_t **out);

#define YDOC_EACH(d, list, item)                                                                   \
	for (yaml_node_item_t *it_ = (list) ? (list)->data.sequence.items.start : NULL;             \
	     (list) && it_ < (list)->data.sequence.items.top && ((item) = ydoc_node(d, *it_)); it_++)

/* ---- file.c: a versioned YAML document import ---- */

/* A versioned YAML document import (risk model, catalogue, rules), both
 * doors of one: the handle and actor checked, then @source is the YAML text
 * (@from_text, named @name, NULL: "<string>") or the file to read whole
 * (NULL is EINVALID naming @api); the access (ACCESS_PLAN, before the text
 * is parsed: a refused actor learns nothing of it), the document loaded,
 * s->read outside the transaction, s->store inside it (db_write), whose
 * call entry's detail is "version N". Returns N, or an error. */
typedef struct doc_version_schema {
	const char *operation; /* the audit operation, "catalogue.import" */
	size_t size;           /* the importer's state, zeroed */
	size_t id_at;          /* offsetof its `const char *id`: the call entry's object */
	/* before the transaction: @doc loaded from @file into the state @in */
	int (*read)(void *in, ydoc *doc, const char *file, campaign_db *db);
	/* inside it: store what was read, the version now current into @version */
	int (*store)(write_op *op, void *in, int *version);
	void (*end)(void *in); /* frees what the state holds (not the state); NULL: nothing */
} doc_version_schema;
int doc_version_import(campaign_db *db, const char *campaign, const char *api, int from_text, const char *source,
                       const char *name, const char *actor, const doc_version_schema *s);
/* A document's digest: appends each of the @n fields of @f length-prefixed
 * to @b ("-|" for NULL); OK or ENOMEM. */
int doc_digest_fields(struct campaign_buf *b, const char *const *f, int n);
/* Ends a digest: on @rc OK the SHA-256 of @b into @out; frees @b; returns the outcome. */
int doc_digest_end(struct campaign_buf *b, int rc, char out[65]);
/* The latest stored version of document @id into *latest (0: none) by @st
 * ("SELECT version, digest ... campaign = ?1 AND id = ?2 ... LIMIT 1");
 * 1 when its digest is @hash: the document is unchanged; 0 when it is new
 * or changed; a negative error code (set) when the step failed. */
int doc_version_latest(sqlite3_stmt *st, sqlite3_int64 crid, const char *id, const char *hash, int *latest);
/* Defines the public pair @fn_string / @fn_file of a document import by @schema. */
#define DOC_VERSION_IMPORT_FUNCTIONS(fn, schema)                                                                \
	int fn##_string(campaign_db *db, const char *campaign, const char *yaml, const char *name, const char *actor) \
	{                                                                                                            \
		return doc_version_import(db, campaign, #fn "_string", 1, yaml, name, actor, &(schema));                  \
	}                                                                                                            \
	int fn##_file(campaign_db *db, const char *campaign, const char *path, const char *actor)                   \
	{                                                                                                            \
		return doc_version_import(db, campaign, #fn "_file", 0, path, NULL, actor, &(schema));                    \
	}

/* ---- rows.c: the one row-import pipeline ----
 *
 * A bulk importer declares a row_schema -- its columns (name, type,
 * required, converter) and a body for one row -- and calls
 * rows_import_file() or rows_import_string(). The pipeline does the rest,
 * once for every importer: the options (dry run, error limit, progress),
 * the row source (CSV streamed, or a YAML list; later xlsx), the header,
 * required columns and typed values, positions (file:line:column of the
 * cell), the write envelope (db_write with WRITE_BULK: bulk audit mode, one
 * call entry "N <plural>"), and db_bulk_tick between rows. */

#define ROW_MAX_FIELDS CSV_MAX_FIELDS
/* a header's columns: the schema's and, beside them, a listing's ignored ones */
#define ROW_MAX_HEADER 64

typedef enum row_type {
	ROW_TEXT, /* as given */
	ROW_INT,  /* a whole number lo..hi into v.i: "percent \"x\" is not a whole number 0..100",
	           * "percent 130 is not in 0..100" */
	ROW_DATE, /* YYYY-MM-DD: "found_on \"x\" is not a date (YYYY-MM-DD)" */
	ROW_ENUM, /* one of values: "origin \"x\" is not one of a, b" */
	ROW_EVENT,   /* a ROW_DATE that happened, within the campaign (core's date_in_campaign) */
	ROW_DEADLINE /* a deadline in the one language (core's deadline_day): its last day into v.day */
} row_type;

/* One cell: its text (NULL when absent or empty), the number of a ROW_INT,
 * and where it starts (0 when absent). */
typedef struct row_value {
	const char *s;
	long long i;
	int line, col;
	char day[11]; /* ROW_DEADLINE: the last day of s */
} row_value;

typedef struct rows rows;

typedef struct row_column {
	const char *name;
	row_type type;
	int required;
	const char *const *values; /* ROW_ENUM: the allowed values, NULL-terminated */
	long long lo, hi;          /* ROW_INT: the range */
	/* after the type's check, a present value: OK, or sets the last error
	 * (the pipeline adds the position); NULL: none */
	int (*convert)(row_value *v);
	const char *alias; /* another name the column is read by (the one its listing writes), or NULL */
} row_column;

/* Column declarations: text, a whole number lo..hi, a date, one of @values, text with a converter. */
#define ROW_TEXT_COL(n, req) {.name = (n), .type = ROW_TEXT, .required = (req)}
#define ROW_INT_COL(n, req, l, h) {.name = (n), .type = ROW_INT, .required = (req), .lo = (l), .hi = (h)}
#define ROW_DATE_COL(n, req) {.name = (n), .type = ROW_DATE, .required = (req)}
#define ROW_ENUM_COL(n, req, vals) {.name = (n), .type = ROW_ENUM, .required = (req), .values = (vals)}
#define ROW_EVENT_COL(n, req) {.name = (n), .type = ROW_EVENT, .required = (req)}
#define ROW_DEADLINE_COL(n, req) {.name = (n), .type = ROW_DEADLINE, .required = (req)}
#define ROW_CONVERT_COL(n, req, fn) {.name = (n), .type = ROW_TEXT, .required = (req), .convert = (fn)}

typedef struct row_schema {
	const row_column *cols;
	int ncols;
	const char *noun;      /* a YAML item: "finding 3 must be a mapping" */
	const char *plural;    /* "expected a list of findings"; the call entry "3 findings" */
	const char *operation; /* the audit log's operation, "finding.import" */
	const char *api;       /* the public pair's stem, for argument errors: "campaign_findings_import" */
	const char *file_noun; /* "a findings file must end in .csv, .yaml or .yml" */
	const char *empty;     /* CSV: the message for an empty file; NULL: the header check names it */
	/* the columns of the importer's own listing that are the store's own (id, actor, recorded_at, ...):
	 * accepted and ignored, so that a listing re-imports (NULL-terminated; NULL: none) */
	const char *const *ignored;
	int access;            /* an access_action checked before the transaction, or WRITE_ANY (per row) */
	int utf8_at_line;      /* CSV: bad UTF-8 named by the record's line rather than the byte offset */
	int keep_conflict;     /* a row's ECONFLICT (an id that exists) stays ECONFLICT, positioned; 0: EINVALID */
	size_t state_size;     /* the importer's own state at r->state, zeroed */
	int (*begin)(rows *r); /* inside the transaction, before the first row; NULL: none */
	int (*row)(rows *r);   /* one row: r->v by column; errors through row_fail() */
	void (*end)(rows *r);  /* frees the state; NULL: none */
} row_schema;

struct rows {
	write_op *op;  /* db, crid, st (statements kept for the import), actor, campaign */
	const row_schema *s;
	const campaign_rows_import_options *opts;
	const char *file;
	long n;        /* the row being imported, from 1 */
	int line0;     /* where it starts */
	row_value v[ROW_MAX_FIELDS];
	void *state;
	int failed;    /* row_fail() positioned the error */
	long errors;   /* bad rows (a dry run goes on after one) */
	char first[1024];
	int first_code, first_line, first_col;
	char detail[96]; /* the call entry's detail: "N <plural>" (a document body writes its own) */
	const char *sheet;    /* an xlsx source: positions are cells of this sheet (Sheet1!C7); NULL: line:column */
	char sheet_name[128]; /* where sheet points, kept past the source */
};

/* The column of @s called @name (or by its alias), ROW_SKIP for one of its
 * ignored columns, -1 for none. */
#define ROW_SKIP (-2)
int row_column_index(const row_schema *s, const char *name);
/* A header row (CSV, xlsx): the columns in their order, map[j] the field of
 * the j-th (or ROW_SKIP). */
typedef struct row_header {
	int map[ROW_MAX_HEADER], ncol;
} row_header;
/* One header cell @f at @line/@col (@sheet: a cell of it, else line:column):
 * a column of @t, not given twice, into h->map; EINVALID naming it. */
int row_header_field(row_header *h, const row_schema *t, const char *f, const char *file, const char *sheet,
                     int line, int col);
/* After the header: every required column is in it, else EINVALID at @line. */
int row_header_check(const row_header *h, const row_schema *t, const char *file, const char *sheet, int line);
/* The text of column @col, NULL when absent or empty. */
const char *row_text(const rows *r, int col);
/* Positions the last error (code @rc, set by the call that failed) at the
 * cell of column @col (the row's start when the cell is absent):
 * "file:line:col: row N: message". EPERM stays EPERM; a store error (EIO,
 * ENOMEM, EBUSY, ...) is returned as it is. */
int row_fail(rows *r, int col, int rc);
/* row_fail() at the column @field names: called only for a failed row, it
 * may look things up (the message of @rc is kept) -- so that a row that
 * passes costs no lookup of its own. */
int row_fail_by(rows *r, int rc, int (*field)(rows *r, int rc));

/* A row source: where rows come from (csv.c: CSV; rows.c: a YAML list). */
typedef struct row_source row_source;
struct row_source {
	/* reads what precedes the rows (a CSV header: columns against the schema) */
	int (*begin)(row_source *src, rows *r);
	/* the next row into r->v / r->line0; *got 0 at the end */
	int (*next)(row_source *src, rows *r, int *got);
	long long (*offset)(row_source *src); /* bytes read */
	void (*close)(row_source *src);
	long long size; /* bytes in all */
	void *state;
};
/* CSV: from the file @path, or @len bytes of @text named @name. */
int csv_source_file(row_source *src, const char *path, int utf8_at_line);
int csv_source_string(row_source *src, const char *name, const char *text, size_t len, int utf8_at_line);
/* CSV from the stream @f (taken over: closed with the source, also on failure;
 * NULL: EIO "cannot open" naming @name) of @size bytes, for progress. */
int csv_source_stream(row_source *src, FILE *f, const char *name, long long size, int utf8_at_line);

/* ---- xlsx.c: workbooks out (libxlsxwriter) ----
 * A workbook of one or more sheets, each a cursor's rows (campaign_cursor_write_xlsx()
 * is one of them): open, a sheet per cursor, close -- which writes the file, or on a
 * failure (rc != 0) removes it and returns rc. */
typedef struct xlsx_book xlsx_book;
int xlsx_book_open(xlsx_book **out, const char *path);
/* The rows of @c that @keep (NULL: all) keeps, as the sheet @name (NULL: "SheetN"); columns
 * and titles comma-separated as campaign_cursor_write_xlsx() takes them. */
int xlsx_book_sheet(xlsx_book *b, campaign_cursor *c, const char *name, const char *columns, const char *titles,
                    int (*keep)(campaign_cursor *));
/* The same, a cell's text from @cell where it gives one (written as text). */
int xlsx_book_sheet_as(xlsx_book *b, campaign_cursor *c, const char *name, const char *columns, const char *titles,
                       int (*keep)(campaign_cursor *), cell_fn cell);
int xlsx_book_close(xlsx_book *b, int rc);

/* ---- xlsx_read.c: the xlsx row source ----
 *
 * The sheet named @sheet (NULL: the first) of the workbook @path: its first
 * non-empty row the header (as a CSV header: columns against the schema),
 * then one row per <row>, streamed (see ooxml.c). Sets r->sheet in begin:
 * positions are the sheet's cells (line the row, column the column). */
int xlsx_source_open(row_source *src, const char *path, const char *sheet);

/* ---- ooxml.c: the one door to OOXML files (xlsx, docx) ----
 *
 * A zip read with libzip, a member streamed (never inflated whole) into
 * libxml2's xmlTextReader, a pull parser (no DOM). Guards: a member whose
 * declared size exceeds OOXML_MAX_MEMBER, or that inflates past its declared
 * size, or compresses more than OOXML_MAX_RATIO to one (a zip bomb) is
 * EINVALID; no network, no DTD loading, entities not substituted. Errors
 * name the file and member: "f.xlsx: xl/worksheets/sheet1.xml:3: ...". */

#define OOXML_MAX_MEMBER (1LL << 30)
#define OOXML_MAX_RATIO 500

typedef struct ooxml {
	void *zip; /* zip_t */
	const char *file;
} ooxml;

typedef struct ooxml_part {
	ooxml *o;
	char name[256];
	void *zf;      /* zip_file_t */
	void *reader;  /* xmlTextReaderPtr */
	long long size, done;
	int bomb;      /* the read callback stopped the stream: inflated past the declared size */
	char err[512]; /* libxml2's first error, with its line */
} ooxml_part;

/* 1 when the file @path starts as a zip does ("PK\3\4"): an OOXML file whatever its name. */
int ooxml_is_zip(const char *path);
/* EIO when @path cannot be read, EINVALID when it is not a zip. */
int ooxml_open(ooxml *o, const char *path);
void ooxml_close(ooxml *o);
/* 1 when the member @name exists. */
int ooxml_has(ooxml *o, const char *name);
/* Opens the member @name for reading: EINVALID "file: no name" when absent, or a bomb. */
int ooxml_part_open(ooxml *o, ooxml_part *p, const char *name);
void ooxml_part_close(ooxml_part *p);
/* The next node into the reader; *got 0 at the end. EINVALID for malformed XML. */
int ooxml_next(ooxml_part *p, int *got);
/* 1 when the current node is the start (end: @end) of element @local (its local name). */
int ooxml_at(ooxml_part *p, const char *local, int end);
/* 1 when the current start element is empty (<c/>). */
int ooxml_empty(ooxml_part *p);
/* The attribute @name of the current element (qualified, "r:id"), or NULL; valid until the next node. */
const char *ooxml_attr(ooxml_part *p, const char *name);
/* Appends the text of the current element (its descendants' text) to @out; OK, ENOMEM or a parse error. */
int ooxml_text(ooxml_part *p, struct campaign_buf *out);
/* Skips the current element's subtree. */
int ooxml_skip(ooxml_part *p);
/* EINVALID "file: member: msg". */
int ooxml_fail(ooxml_part *p, const char *fmt, ...) CAMPAIGN_PRINTF(2, 3);
/* The relationship targets of a part: the member @rels's Relationship @id as a member name into @out
 * ("worksheets/sheet1.xml" relative to @base "xl/"); EINVALID when absent. */
int ooxml_rel_target(ooxml *o, const char *rels, const char *base, const char *id, char *out, size_t n);

/* ---- encoding.c: the encodings a CSV comes in ----
 *
 * "utf-8" (the default, NULL or ""), "gb18030" (also "gbk": GB18030 is its
 * superset, as Excel on Chinese Windows saves) or "auto" (UTF-8 when the
 * whole input is valid UTF-8, else GB18030). GB18030 is converted to UTF-8
 * by iconv while it streams: characters and lines stay as they were, so
 * positions (line:column, columns in characters) are those of the file. */
enum { ENC_UTF8, ENC_GB18030, ENC_AUTO };
/* The encoding named @name into *out; EINVALID naming @api and quoting it. */
int encoding_parse(const char *api, const char *name, int *out);
/* The CSV row source of the file @path, or of @len bytes of @text named
 * @path, in @encoding; invalid GB18030 is EINVALID "file: invalid GB18030
 * (byte 0xNN at offset N)". */
int csv_source_encoded(row_source *src, const char *path, const char *text, size_t len, int encoding,
                       int utf8_at_line);

/* Imports by @s; *count (may be NULL) gets the rows read. */
int rows_import_file(campaign_db *db, const char *campaign, const char *path, const campaign_rows_import_options *opts,
                     const char *actor, const row_schema *s, long *count);
int rows_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                       const campaign_rows_import_options *opts, const char *actor, const row_schema *s, long *count);

/* Defines the public pair @fn_file / @fn_string of a bulk importer by @schema
 * (see campaign/import.h for what they take and return). */
#define ROWS_IMPORT_FUNCTIONS(fn, schema)                                                                       \
	int fn##_file(campaign_db *db, const char *campaign, const char *path, const campaign_rows_import_options *opts, \
	              const char *actor)                                                                             \
	{                                                                                                            \
		return rows_import_file(db, campaign, path, opts, actor, &(schema), NULL);                                \
	}                                                                                                            \
	int fn##_string(campaign_db *db, const char *campaign, const char *text, const char *name,                   \
	                const campaign_rows_import_options *opts, const char *actor)                                 \
	{                                                                                                            \
		return rows_import_string(db, campaign, text, name, opts, actor, &(schema), NULL);                        \
	}

/* A whole YAML document through the same envelope (people): @body walks it
 * inside the transaction (bulk mode), doc_tick() between entries, and
 * writes its call entry's detail into r->detail. */
typedef struct doc_schema {
	const char *operation, *api; /* the audit operation; the public pair's stem */
	int access;
	int (*body)(rows *r, ydoc *d);
	/* a file named .csv or .xlsx (a listing fed back): its rows by this schema; NULL: YAML only */
	const row_schema *table;
} doc_schema;
int doc_import(campaign_db *db, const char *campaign, const char *path, const char *text, const char *name,
               const campaign_rows_import_options *opts, const char *actor, const doc_schema *s);
/* Between entries of a document: db_bulk_tick and the progress callback. */
int doc_tick(rows *r);

#endif
