/* xlsx in: a workbook's sheet as a row source of the one import pipeline
 * (rows.c), read through the OOXML door (ooxml.c). Before the rows: the
 * workbook (which sheet, the 1904 date system), its relationships (where
 * the sheet is), the styles (which cell styles show a date) and the shared
 * strings, read once into one buffer. Then the sheet is streamed row by row:
 * only the current row's cells are kept. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/io.h"

#define XLSX_MAX_STRINGS_BYTES YAML_MAX_BYTES
#define XLSX_MAX_XF 65536

typedef struct xlsx_source {
	ooxml o;
	ooxml_part sheet;
	char sheet_name[128], sheet_member[256];
	struct campaign_buf strings; /* the shared strings, each NUL-terminated */
	size_t *sst;
	long nsst, capsst;
	unsigned char *date_xf; /* 1 for a cell style (xf) showing a date */
	int nxf;
	int date1904;
	row_header h;
	int hcol[ROW_MAX_HEADER]; /* the column number (from 1) of each header cell */
	int rownum;               /* the number of the last <row> read */
	struct campaign_buf cells, text; /* the row's values; one cell's raw text */
	size_t off[ROW_MAX_FIELDS];
	int at[ROW_MAX_FIELDS]; /* the column of the value, 0 when none */
} xlsx_source;

static int nomem(void)
{
	return error_set(CAMPAIGN_ENOMEM, "out of memory");
}

/* Reads the part @name with @node called at each node; a missing optional part is no error. */
static int each_node(xlsx_source *x, const char *name, int required,
                     int (*node)(xlsx_source *x, ooxml_part *p, void *ctx), void *ctx)
{
	ooxml_part p;
	int rc, got;
	if (!required && !ooxml_has(&x->o, name))
		return CAMPAIGN_OK;
	if ((rc = ooxml_part_open(&x->o, &p, name)))
		return rc;
	while (!(rc = ooxml_next(&p, &got)) && got && !(rc = node(x, &p, ctx)))
		;
	ooxml_part_close(&p);
	return rc;
}

/* ---- the workbook: the sheet asked for (or the first) and its r:id ---- */

typedef struct wb_state {
	const char *want;
	char rid[64], names[512];
	int found;
} wb_state;

static int workbook_node(xlsx_source *x, ooxml_part *p, void *ctx)
{
	wb_state *w = ctx;
	const char *name, *rid, *v;
	if (ooxml_at(p, "workbookPr", 0) && (v = ooxml_attr(p, "date1904")))
		x->date1904 = !strcmp(v, "1") || !strcmp(v, "true");
	if (!ooxml_at(p, "sheet", 0) || !(name = ooxml_attr(p, "name")) || !(rid = ooxml_attr(p, "r:id")))
		return CAMPAIGN_OK;
	snprintf(w->names + strlen(w->names), sizeof w->names - strlen(w->names), "%s\"%s\"", *w->names ? ", " : "",
	         name);
	if (!w->found && (!w->want || !strcmp(w->want, name))) {
		w->found = 1;
		snprintf(w->rid, sizeof w->rid, "%s", rid);
		snprintf(x->sheet_name, sizeof x->sheet_name, "%s", name);
	}
	return CAMPAIGN_OK;
}

static int find_sheet(xlsx_source *x, const char *want)
{
	wb_state w = {.want = want};
	int rc;
	if (!ooxml_has(&x->o, "xl/workbook.xml"))
		return error_set(CAMPAIGN_EINVALID, "%s: not an xlsx workbook (no xl/workbook.xml)", x->o.file);
	if ((rc = each_node(x, "xl/workbook.xml", 1, workbook_node, &w)))
		return rc;
	if (!w.found)
		return want ? error_set(CAMPAIGN_EINVALID, "%s: no sheet \"%s\" (the workbook has %s)", x->o.file, want,
		                        *w.names ? w.names : "none")
		            : error_set(CAMPAIGN_EINVALID, "%s: the workbook has no sheet", x->o.file);
	return ooxml_rel_target(&x->o, "xl/_rels/workbook.xml.rels", "xl/", w.rid, x->sheet_member,
	                        sizeof x->sheet_member);
}

/* ---- the styles: which cell styles show a date ---- */

/* A number format's code shows a date when it has d, m or y outside quotes,
 * brackets (colours, locales) and escapes: "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"". */
static int date_code(const char *code)
{
	for (const char *p = code; *p; p++) {
		if (*p == '"' && (p = strchr(p + 1, '"')) == NULL)
			return 0;
		else if (*p == '[' && (p = strchr(p + 1, ']')) == NULL)
			return 0;
		else if (*p == '\\' && !*++p)
			return 0;
		else if (strchr("dDmMyY", *p))
			return 1;
	}
	return 0;
}

/* Excel's built-in date formats (14-22, and the East Asian 27-36, 50-58). */
static int date_builtin(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

typedef struct style_state {
	long custom[256]; /* custom number formats that show a date */
	int ncustom, in_xfs;
} style_state;

static int is_date_format(const style_state *s, long id)
{
	for (int k = 0; k < s->ncustom; k++)
		if (s->custom[k] == id)
			return 1;
	return date_builtin(id);
}

static int styles_node(xlsx_source *x, ooxml_part *p, void *ctx)
{
	style_state *s = ctx;
	const char *v, *code;
	if (ooxml_at(p, "numFmt", 0) && (v = ooxml_attr(p, "numFmtId")) && (code = ooxml_attr(p, "formatCode")) &&
	    date_code(code) && s->ncustom < 256)
		s->custom[s->ncustom++] = atol(v);
	if (ooxml_at(p, "cellXfs", 0))
		s->in_xfs = !ooxml_empty(p);
	else if (ooxml_at(p, "cellXfs", 1))
		s->in_xfs = 0;
	else if (s->in_xfs && ooxml_at(p, "xf", 0)) {
		if (x->nxf == XLSX_MAX_XF)
			return ooxml_fail(p, "more than %d cell styles", XLSX_MAX_XF);
		if (!(x->nxf & (x->nxf - 1))) {
			unsigned char *d = realloc(x->date_xf, (size_t)(x->nxf ? x->nxf * 2 : 1));
			if (!d)
				return nomem();
			x->date_xf = d;
		}
		x->date_xf[x->nxf++] = (v = ooxml_attr(p, "numFmtId")) && is_date_format(s, atol(v));
	}
	return CAMPAIGN_OK;
}

static int read_styles(xlsx_source *x)
{
	style_state s = {0};
	return each_node(x, "xl/styles.xml", 0, styles_node, &s);
}

/* ---- the shared strings, read once ---- */

/* One <si>: its text runs (<t>, in <r> runs too), not its phonetic guide (<rPh>). */
static int shared_string(xlsx_source *x, ooxml_part *p)
{
	int rc, got;
	if (x->nsst == x->capsst) {
		long cap = x->capsst ? x->capsst * 2 : 1024;
		size_t *n = realloc(x->sst, (size_t)cap * sizeof *n);
		if (!n)
			return nomem();
		x->sst = n, x->capsst = cap;
	}
	x->sst[x->nsst++] = x->strings.size;
	while (!ooxml_empty(p) && !(rc = ooxml_next(p, &got)) && got && !ooxml_at(p, "si", 1)) {
		if (ooxml_at(p, "rPh", 0))
			rc = ooxml_skip(p);
		else if (ooxml_at(p, "t", 0))
			rc = ooxml_text(p, &x->strings);
		if (rc)
			return rc;
	}
	if (x->strings.size > XLSX_MAX_STRINGS_BYTES)
		return ooxml_fail(p, "the shared strings exceed %d bytes", XLSX_MAX_STRINGS_BYTES);
	return buf_append(&x->strings, "", 1) ? nomem() : CAMPAIGN_OK;
}

static int strings_node(xlsx_source *x, ooxml_part *p, void *ctx)
{
	(void)ctx;
	return ooxml_at(p, "si", 0) ? shared_string(x, p) : CAMPAIGN_OK;
}

/* ---- cells ---- */

/* "C7" into its column (3) and row (7); 0 when it is not a cell reference. */
static int cell_ref(const char *ref, int *col, int *row)
{
	int c = 0, r = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z' && c < 20000; p++)
		c = c * 26 + (*p - 'A' + 1);
	for (; *p >= '0' && *p <= '9' && r < 2000000; p++)
		r = r * 10 + (*p - '0');
	if (*p || !c || !r)
		return 0;
	*col = c, *row = r;
	return 1;
}

/* An Excel date serial as YYYY-MM-DD into @out; 0 when @s is not one. The
 * 1900 system counts 1900-02-29, which never was (Lotus's bug): serial 60. */
static int serial_date(const xlsx_source *x, const char *s, char out[11])
{
	char *end;
	double v = strtod(s, &end);
	long day, n;
	int y, m, d;
	if (end == s || *end || !isfinite(v) || v < 1 || v > 2958465)
		return 0;
	n = (long)floor(v);
	if (x->date1904)
		day = cal_day_number(1904, 1, 1) + n;
	else if (n == 60)
		return 0;
	else
		day = cal_day_number(1899, 12, n < 60 ? 31 : 30) + n;
	cal_from_day_number(day, &y, &m, &d);
	deadline_format_date(out, y, m, d);
	return 1;
}

typedef struct cell {
	int col;
	const char *type; /* t: s, inlineStr, str, b, e, d, or NULL (a number) */
	int date_style;
} cell;

/* The value of a cell whose <v> (or <is>) text is in x->text: a shared
 * string's text, a date serial's date, else the text itself. */
static const char *cell_value(xlsx_source *x, const cell *c, int field, const rows *r, char day[11])
{
	const char *t = c->type, *v = x->text.data ? x->text.data : "";
	if (t && !strcmp(t, "s")) {
		char *end;
		long k = strtol(v, &end, 10);
		if (!*v)
			return v; /* a styled empty cell */
		return !*end && k >= 0 && k < x->nsst ? x->strings.data + x->sst[k] : NULL;
	}
	if (t && !strcmp(t, "d") && strlen(v) >= 10) /* ISO 8601: the date part */
		return memcpy(day, v, 10), day[10] = 0, day;
	if (!t || !strcmp(t, "n")) {
		row_type rt = field >= 0 ? r->s->cols[field].type : ROW_TEXT;
		if ((c->date_style || rt == ROW_DATE || rt == ROW_EVENT) && serial_date(x, v, day))
			return day;
	}
	return v;
}

/* Reads the cell's children (<v>, <is>, <f>) to its end; its raw text into x->text. */
static int cell_text(xlsx_source *x, ooxml_part *p)
{
	int rc = CAMPAIGN_OK, got;
	x->text.size = 0;
	if (x->text.data)
		x->text.data[0] = 0;
	if (ooxml_empty(p))
		return CAMPAIGN_OK;
	while (!(rc = ooxml_next(p, &got)) && got && !ooxml_at(p, "c", 1)) {
		if (ooxml_at(p, "rPh", 0) || ooxml_at(p, "f", 0))
			rc = ooxml_skip(p);
		else if (ooxml_at(p, "v", 0) || ooxml_at(p, "t", 0))
			rc = ooxml_text(p, &x->text);
		if (rc)
			return rc;
	}
	if (!rc && !got)
		return ooxml_fail(p, "the sheet ends inside a cell");
	return rc ? rc : buf_append(&x->text, "", 1) ? nomem() : CAMPAIGN_OK;
}

/* Reads one <c>; *col its column and *val its value (NULL: empty), valid until the next cell. */
static int read_cell(xlsx_source *x, ooxml_part *p, rows *r, int prev, int *col, const char **val, char day[11])
{
	cell c = {prev + 1, NULL, 0};
	const char *ref = ooxml_attr(p, "r"), *s;
	char type[16] = "";
	int row, j, rc;
	if (ref && !cell_ref(ref, &c.col, &row))
		return error_set_cell(CAMPAIGN_EINVALID, x->o.file, x->sheet_name, x->rownum, c.col,
		                      "a cell's reference \"%s\" is not a cell", ref);
	if ((s = ooxml_attr(p, "t")))
		snprintf(type, sizeof type, "%s", s), c.type = type;
	if ((s = ooxml_attr(p, "s")) && atol(s) >= 0 && atol(s) < x->nxf)
		c.date_style = x->date_xf[atol(s)];
	if ((rc = cell_text(x, p)))
		return rc;
	for (j = 0; j < x->h.ncol && x->hcol[j] != c.col; j++)
		;
	*col = c.col;
	*val = cell_value(x, &c, j < x->h.ncol && r->s && x->h.map[j] >= 0 ? x->h.map[j] : -1, r, day);
	if (!*val) /* libxml2 gives UTF-8 only: a shared string that is not there is the one bad value */
		return error_set_cell(CAMPAIGN_EINVALID, x->o.file, x->sheet_name, x->rownum, c.col,
		                      "shared string \"%s\" is not in the workbook", x->text.data ? x->text.data : "");
	return CAMPAIGN_OK;
}

/* ---- the rows ---- */

/* Moves to the next <row> (its number into x->rownum); *got 0 at the end of the sheet. */
static int next_row(xlsx_source *x, int *got)
{
	ooxml_part *p = &x->sheet;
	int rc;
	while (!(rc = ooxml_next(p, got)) && *got) {
		if (ooxml_at(p, "sheetData", 1)) {
			*got = 0;
			break;
		}
		if (ooxml_at(p, "row", 0)) {
			const char *n = ooxml_attr(p, "r");
			x->rownum = n && atoi(n) > 0 ? atoi(n) : x->rownum + 1;
			return CAMPAIGN_OK;
		}
	}
	return rc;
}

/* The cells of the current row: @cell called for each with a value; *any set when one had. */
static int row_cells(xlsx_source *x, rows *r, int (*cell)(xlsx_source *x, rows *r, int col, const char *v), int *any)
{
	ooxml_part *p = &x->sheet;
	int rc, got, col = 0;
	*any = 0;
	if (ooxml_empty(p))
		return CAMPAIGN_OK;
	while (!(rc = ooxml_next(p, &got)) && got && !ooxml_at(p, "row", 1)) {
		const char *v = NULL;
		char day[11];
		if (!ooxml_at(p, "c", 0))
			continue;
		if ((rc = read_cell(x, p, r, col, &col, &v, day)))
			return rc;
		if (v && *v) {
			*any = 1;
			if ((rc = cell(x, r, col, v)))
				return rc;
		}
	}
	return rc ? rc : got ? CAMPAIGN_OK : ooxml_fail(p, "the sheet ends inside a row");
}

static int header_cell(xlsx_source *x, rows *r, int col, const char *v)
{
	int rc = row_header_field(&x->h, r->s, v, x->o.file, x->sheet_name, x->rownum, col);
	if (!rc)
		x->hcol[x->h.ncol - 1] = col;
	return rc;
}

/* The header: the first row with a cell that is not empty. */
static int xlsx_begin(row_source *src, rows *r)
{
	xlsx_source *x = src->state;
	int rc, got, any = 0;
	snprintf(r->sheet_name, sizeof r->sheet_name, "%s", x->sheet_name);
	r->sheet = r->sheet_name;
	while (!any) {
		if ((rc = next_row(x, &got)))
			return rc;
		if (!got)
			return error_set_cell(CAMPAIGN_EINVALID, x->o.file, x->sheet_name, 1, 1, "%s",
			                      r->s->empty ? r->s->empty : "the sheet is empty; expected a header row");
		if ((rc = row_cells(x, r, header_cell, &any)))
			return rc;
	}
	return row_header_check(&x->h, r->s, x->o.file, x->sheet_name, x->rownum);
}

static int data_cell(xlsx_source *x, rows *r, int col, const char *v)
{
	int j;
	(void)r;
	for (j = 0; j < x->h.ncol && x->hcol[j] != col; j++)
		;
	if (j == x->h.ncol)
		return error_set_cell(CAMPAIGN_EINVALID, x->o.file, x->sheet_name, x->rownum, col,
		                      "a value in a column with no header");
	if (x->h.map[j] == ROW_SKIP)
		return CAMPAIGN_OK;
	x->off[x->h.map[j]] = x->cells.size;
	x->at[x->h.map[j]] = col;
	return buf_append(&x->cells, v, strlen(v) + 1) ? nomem() : CAMPAIGN_OK;
}

/* The next row with a value; a row of empty cells is skipped, as a blank CSV line is. */
static int xlsx_next(row_source *src, rows *r, int *got)
{
	xlsx_source *x = src->state;
	int rc, any = 0;
	while (!any) {
		if ((rc = next_row(x, got)) || !*got)
			return rc;
		x->cells.size = 0;
		memset(x->at, 0, sizeof x->at);
		if ((rc = row_cells(x, r, data_cell, &any)))
			return rc;
	}
	r->n++;
	r->line0 = x->rownum;
	/* the values' buffer is complete: point into it */
	for (int f = 0; f < r->s->ncols; f++)
		if (x->at[f])
			r->v[f] = (row_value){.s = x->cells.data + x->off[f], .line = x->rownum, .col = x->at[f]};
	return CAMPAIGN_OK;
}

static long long xlsx_offset(row_source *src)
{
	return ((xlsx_source *)src->state)->sheet.done;
}

static void xlsx_close(row_source *src)
{
	xlsx_source *x = src->state;
	if (x) {
		ooxml_part_close(&x->sheet);
		ooxml_close(&x->o);
		buf_reset(&x->strings), buf_reset(&x->cells), buf_reset(&x->text);
		free(x->sst), free(x->date_xf);
	}
	free(x);
	src->state = NULL;
}

int xlsx_source_open(row_source *src, const char *path, const char *sheet)
{
	xlsx_source *x = calloc(1, sizeof *x);
	int rc;
	*src = (row_source){xlsx_begin, xlsx_next, xlsx_offset, xlsx_close, 0, x};
	if (!x)
		return nomem();
	if (sheet && !utf8_valid(sheet, strlen(sheet)))
		rc = error_set(CAMPAIGN_EINVALID, "%s: the sheet name is not UTF-8", path);
	else if (!(rc = ooxml_open(&x->o, path)) && !(rc = find_sheet(x, sheet)) && !(rc = read_styles(x)) &&
	         !(rc = each_node(x, "xl/sharedStrings.xml", 0, strings_node, NULL)))
		rc = ooxml_part_open(&x->o, &x->sheet, x->sheet_member);
	if (rc) {
		xlsx_close(src);
		return rc;
	}
	src->size = x->sheet.size;
	return CAMPAIGN_OK;
}
