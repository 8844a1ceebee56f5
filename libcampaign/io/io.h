/* The io layer's private header: CSV and YAML row sources, the bulk row
 * import, reading files, deadlines. Not installed. */
#ifndef CAMPAIGN_IO_PRIVATE_H
#define CAMPAIGN_IO_PRIVATE_H

#include "core/core.h"

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

/* A row of a bulk import, CSV or YAML: values by column (NULL when absent),
 * where each starts, and the line where the row starts. */
typedef struct csv_row {
	const char *v[CSV_MAX_FIELDS];
	int line[CSV_MAX_FIELDS], col[CSV_MAX_FIELDS];
	int line0;
} csv_row;

/* The columns an importer knows. */
typedef struct csv_table {
	const char *const *fields;
	int nfields;
	const int *required; /* indexes into fields, in the order the header is checked */
	int nrequired;
	const char *empty;   /* the message for an empty file; NULL: the header check names it */
} csv_table;

/* Reads the header (columns in any order), then calls @each for every row,
 * blank lines skipped; *rows counts the rows read. Stops at the first error. */
int csv_import(csv_reader *c, const csv_table *t, long *rows, int (*each)(void *ctx, csv_row *r), void *ctx);

/* ---- deadline.c ---- */

/* A parsed date range. A field is 0 when not set; open_ended means no dates. */
typedef struct deadline_range {
	int open_ended;
	int first_y, first_m, first_d;
	int last_y, last_m, last_d;
} deadline_range;

/* Parses @text (see campaign/deadline.h); @year is the context year or 0.
 * Returns CAMPAIGN_OK or sets the last error (CAMPAIGN_EINVALID, message quoting
 * the text) and returns it. */
int deadline_parse_range(deadline_range *out, const char *text, int year);
/* Formats y-m-d as "YYYY-MM-DD" into @out (11 bytes). */
void deadline_format_date(char out[11], int y, int m, int d);

/* ---- finding_import.c / catalogue.c: reading files ---- */

/* Reads a whole file into @b (NUL-terminated), checking it is UTF-8. */
int file_read_utf8(const char *path, struct campaign_buf *b);


/* ---- row_import.c: bulk import of rows from CSV or YAML ---- */

#define ROW_MAX_FIELDS CSV_MAX_FIELDS

typedef struct row_import row_import;
/* What a row of an import is. */
typedef struct row_spec {
	const char *const *fields; /* column names, at most ROW_MAX_FIELDS */
	int nfields;
	const int *required;       /* indexes into fields */
	int nrequired;
	const char *noun;          /* "finding": "finding 3 must be a mapping" */
	const char *plural;        /* "findings": "expected a list of findings" */
	const char *operation;     /* the audit log's operation, "finding.import" */
	const char *api;           /* the public function, for argument errors */
	const char *file_noun;     /* "a findings file" */
	/* inserts one row (empty fields are NULL); returns a code, the last error set */
	int (*insert)(row_import *im, const char *const *v);
	/* the index of the field an insert's error message is about */
	int (*field_of)(const char *msg, int rc);
} row_spec;

struct row_import {
	stmts c;
	sqlite3_int64 crid;
	const char *campaign, *file, *actor;
	long rows;
	const row_spec *spec;
};

/* Imports @path (.csv or .yaml/.yml) by @spec in one transaction. */
int row_import_file(campaign_db *db, const char *campaign, const char *path, const char *actor, const row_spec *spec);

#endif
