/* xlsx out: a cursor's rows as a worksheet of a workbook (io.h: xlsx_book_*,
 * one or several sheets), with libxlsxwriter (Debian's libxlsxwriter-dev). Cells keep their kind -- integers are numbers, dates
 * Excel dates, text a shared string (which Excel never reads as a formula,
 * unlike a CSV cell) -- under a bold header row frozen in view, each column
 * as wide as its widest text. The sheet is built in memory and written at
 * the end (libxlsxwriter's default mode, which can size the columns). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xlsxwriter.h>
#include "core/core.h"
#include "io/io.h"

#define XLSX_MAX_COLS 128
#define WIDTH_MAX 60 /* a long note wraps in Excel rather than making a column wider than a screen */

struct xlsx_book {
	lxw_workbook *wb;
	lxw_format *bold, *date;
	char *path;
};

typedef struct sheet {
	xlsx_book *book;
	cell_fn own; /* a cell's text otherwise than the cursor's, or NULL */
	lxw_worksheet *ws;
	int n, idx[XLSX_MAX_COLS], width[XLSX_MAX_COLS];
	char names[4096], heads[4096];
	const char *title[XLSX_MAX_COLS];
} sheet;

/* Display width: CJK characters take two cells. */
static int text_cells(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	int w = 0;
	while (*s && (k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp)) > 0) {
		w += utf8proc_charwidth(cp);
		s += k;
	}
	return w;
}

static void widen(sheet *t, int i, const char *s)
{
	int w = text_cells(s) + 2;
	if (w > t->width[i])
		t->width[i] = w < WIDTH_MAX ? w : WIDTH_MAX;
}

/* Splits the comma-separated @list (copied into @buf) into @out; returns how many, -1 when too many. */
static int split(const char *list, char *buf, size_t n, const char **out)
{
	int k = 0;
	snprintf(buf, n, "%s", list);
	for (char *p = buf, *comma; p; p = comma ? comma + 1 : NULL) {
		if (k == XLSX_MAX_COLS)
			return -1;
		if ((comma = strchr(p, ',')))
			*comma = '\0';
		out[k++] = p;
	}
	return k;
}

static int columns_of(sheet *t, campaign_cursor *c, const char *columns, const char *titles)
{
	const char *names[XLSX_MAX_COLS];
	int nt;
	t->n = columns ? split(columns, t->names, sizeof t->names, names) : campaign_cursor_column_count(c);
	if (t->n < 0 || t->n > XLSX_MAX_COLS)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: more than %d columns", XLSX_MAX_COLS);
	for (int i = 0; i < t->n; i++) {
		t->idx[i] = columns ? campaign_cursor_column_index(c, names[i]) : i;
		if (t->idx[i] < 0)
			return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: no column \"%s\"", names[i]);
		t->title[i] = campaign_cursor_column_name(c, t->idx[i]);
	}
	if (!titles)
		return CAMPAIGN_OK;
	if (utf8_invalid_offset(titles, strlen(titles)) < strlen(titles))
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: titles are not UTF-8");
	if ((nt = split(titles, t->heads, sizeof t->heads, t->title)) != t->n)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: %d titles \"%s\" for %d columns", nt, titles,
		                 t->n);
	return CAMPAIGN_OK;
}

static int sheet_begin(sheet *t, const char *name)
{
	lxw_workbook *wb = t->book->wb;
	lxw_error e;
	if (name && utf8_invalid_offset(name, strlen(name)) < strlen(name))
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: the sheet name is not UTF-8");
	if (name && (e = workbook_validate_sheet_name(wb, name)))
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: sheet name \"%s\": %s", name,
		                 lxw_strerror(e));
	if (!(t->ws = workbook_add_worksheet(wb, name)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	for (int i = 0; i < t->n; i++) {
		worksheet_write_string(t->ws, 0, (lxw_col_t)i, t->title[i], t->book->bold);
		widen(t, i, t->title[i]);
	}
	worksheet_freeze_panes(t->ws, 1, 0);
	return CAMPAIGN_OK;
}

static lxw_error cell(sheet *t, campaign_cursor *c, lxw_row_t row, int i)
{
	int k = t->idx[i];
	char buf[512];
	const char *s = t->own ? t->own(c, k, buf, sizeof buf) : NULL;
	if (s) {
		widen(t, i, s);
		return worksheet_write_string(t->ws, row, (lxw_col_t)i, s, NULL);
	}
	s = campaign_cursor_text(c, k);
	if (campaign_cursor_is_null(c, k) || !s)
		return LXW_NO_ERROR;
	widen(t, i, s);
	if (campaign_cursor_column_type(c, k) == CAMPAIGN_COLUMN_INT)
		return worksheet_write_number(t->ws, row, (lxw_col_t)i, (double)campaign_cursor_int(c, k), NULL);
	if (campaign_cursor_column_type(c, k) == CAMPAIGN_COLUMN_DATE && date_valid(s)) {
		lxw_datetime d = {atoi(s), atoi(s + 5), atoi(s + 8), 0, 0, 0};
		return worksheet_write_datetime(t->ws, row, (lxw_col_t)i, &d, t->book->date);
	}
	/* text, and a date column's text that is not a date */
	return worksheet_write_string(t->ws, row, (lxw_col_t)i, s, NULL);
}

static int rows_of(sheet *t, campaign_cursor *c, int (*keep)(campaign_cursor *))
{
	int rc;
	lxw_row_t row = 1;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		if (keep && !keep(c))
			continue;
		for (int i = 0; i < t->n; i++) {
			lxw_error e = cell(t, c, row, i);
			if (e)
				return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: row %u, column \"%s\": %s",
				                 (unsigned)row, t->title[i], lxw_strerror(e));
		}
		if (++row == LXW_ROW_MAX)
			return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: more rows than a sheet holds");
	}
	if (rc != CAMPAIGN_ITEROVER)
		return rc;
	for (int i = 0; i < t->n; i++)
		worksheet_set_column(t->ws, (lxw_col_t)i, (lxw_col_t)i, t->width[i], NULL);
	return CAMPAIGN_OK;
}

int xlsx_book_open(xlsx_book **out, const char *path)
{
	xlsx_book *b;
	FILE *f;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: path is NULL");
	/* a file that cannot be written is found before the work, and named here
	 * (libxlsxwriter would find it only at the end, and print to stderr) */
	if (!(f = fopen(path, "wb")))
		return error_set(CAMPAIGN_EIO, "%s: cannot write the workbook", path);
	fclose(f);
	if (!(b = calloc(1, sizeof *b)) || !(b->path = str_dup(path)) || !(b->wb = workbook_new(path)) ||
	    !(b->bold = workbook_add_format(b->wb)) || !(b->date = workbook_add_format(b->wb))) {
		xlsx_book_close(b, CAMPAIGN_ENOMEM);
		remove(path);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	format_set_bold(b->bold);
	format_set_num_format(b->date, "yyyy-mm-dd");
	*out = b;
	return CAMPAIGN_OK;
}

int xlsx_book_sheet(xlsx_book *b, campaign_cursor *c, const char *name, const char *columns, const char *titles,
                    int (*keep)(campaign_cursor *))
{
	return xlsx_book_sheet_as(b, c, name, columns, titles, keep, NULL);
}

int xlsx_book_sheet_as(xlsx_book *b, campaign_cursor *c, const char *name, const char *columns, const char *titles,
                       int (*keep)(campaign_cursor *), cell_fn own)
{
	sheet t;
	int rc;
	memset(&t, 0, sizeof t);
	t.book = b;
	t.own = own;
	if (!c)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: cursor is NULL");
	if (!(rc = columns_of(&t, c, columns, titles)) && !(rc = sheet_begin(&t, name)))
		rc = rows_of(&t, c, keep);
	return rc;
}

int xlsx_book_close(xlsx_book *b, int rc)
{
	lxw_error e;
	if (!b)
		return rc;
	if (b->wb) {
		e = workbook_close(b->wb); /* writes the file; frees the workbook either way */
		if (!rc && e)
			rc = error_set(CAMPAIGN_EIO, "%s: cannot write the workbook (%s)", b->path, lxw_strerror(e));
	}
	if (rc && b->path)
		remove(b->path);
	free(b->path);
	free(b);
	return rc;
}

int campaign_cursor_write_xlsx(campaign_cursor *cursor, const char *path, const char *sheet_name, const char *columns,
                               const char *titles)
{
	xlsx_book *b;
	int rc;
	if (!cursor || !path)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_xlsx: %s is NULL", cursor ? "path" : "cursor");
	if ((rc = xlsx_book_open(&b, path)))
		return rc;
	rc = xlsx_book_close(b, xlsx_book_sheet(b, cursor, sheet_name, columns, titles, NULL));
	return rc ? rc : (error_ok(), CAMPAIGN_OK);
}
