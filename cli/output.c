/* The listing writer: a cursor as an aligned text table, a Markdown table, CSV or JSON.
 * CSV is UTF-8 with a byte-order mark and CRLF line ends: that is what makes
 * Excel and WPS open Chinese text correctly on a double click, and
 * LibreOffice and Python's csv module accept it too. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "output.h"
#include "i18n.h"

typedef struct table {
	int ncol, nrow, cap;
	int *idx;
	const char **title;
	char **cell; /* nrow * ncol */
} table;

static char *cell_dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* Reads the cursor's rows (selected columns only) into memory. */
static int table_load(table *t, campaign_cursor *c, const char *const *cols, const char *const *titles,
                      row_filter keep)
{
	int rc;
	t->ncol = 0;
	if (cols)
		while (cols[t->ncol])
			t->ncol++;
	else
		t->ncol = campaign_cursor_column_count(c);
	t->idx = calloc((size_t)t->ncol, sizeof *t->idx);
	t->title = calloc((size_t)t->ncol, sizeof *t->title);
	if (!t->idx || !t->title)
		return CAMPAIGN_ENOMEM;
	for (int i = 0; i < t->ncol; i++) {
		t->idx[i] = cols ? campaign_cursor_column_index(c, cols[i]) : i;
		t->title[i] = titles ? titles[i] : campaign_cursor_column_name(c, t->idx[i]);
	}
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		if (keep && !keep(c))
			continue;
		if (t->nrow == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 64;
			t->cell = realloc(t->cell, (size_t)t->cap * (size_t)t->ncol * sizeof *t->cell);
			if (!t->cell)
				return CAMPAIGN_ENOMEM;
		}
		for (int i = 0; i < t->ncol; i++) {
			const char *v = campaign_cursor_text(c, t->idx[i]);
			t->cell[t->nrow * t->ncol + i] = cell_dup(v ? v : "");
		}
		t->nrow++;
	}
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

static void table_free(table *t)
{
	for (int i = 0; i < t->nrow * t->ncol; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->idx);
	free(t->title);
}

/* Text and Markdown are read by people: column names and the status, colour
 * and role codes in their cells are shown in the user's language. CSV and
 * JSON are read by programs and keep the stable English codes. */
static void table_translate(table *t)
{
	for (int i = 0; i < t->ncol; i++)
		t->title[i] = cli_column(t->title[i]);
	for (int k = 0; k < t->nrow * t->ncol; k++) {
		const char *v = cli_value(t->cell[k]);
		if (v != t->cell[k]) {
			char *copy = cell_dup(v);
			if (copy) {
				free(t->cell[k]);
				t->cell[k] = copy;
			}
		}
	}
}

/* A table wider than the terminal is split as libsmartcols does: into
 * groups of columns that fit, one after another, each repeating the first
 * (key) column; a column wider than what is left beside the key is wrapped
 * within its width, over as many lines as its cells need. */
static int output_cells; /* output_width_set(): 0 no limit, -1 not chosen yet */

void output_width_set(const char *option)
{
	output_cells = option ? atoi(option) : -1;
}

int output_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	if (output_cells >= 0 && (output_cells || !isatty(STDOUT_FILENO)))
		return output_cells;
	if (!isatty(STDOUT_FILENO))
		return 0;
	if (env && atoi(env) > 0)
		return atoi(env);
	return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
}

/* One line of a group: the next piece of each cell, each padded to its width. */
static int print_line(FILE *f, const char **rest, const int *col, int n, const int *w)
{
	int more = 0;
	for (int k = 0; k < n; k++) {
		const char *end = text_width(rest[k]) > w[col[k]] ? text_cut(rest[k], w[col[k]]) : rest[k] + strlen(rest[k]);
		int cells;
		char piece[4096];
		size_t len = (size_t)(end - rest[k]) < sizeof piece - 1 ? (size_t)(end - rest[k]) : sizeof piece - 1;
		memcpy(piece, rest[k], len);
		piece[len] = '\0';
		cells = k + 1 < n ? w[col[k]] + 2 : 0;
		text_pad(f, piece, cells);
		rest[k] = end;
		more |= *end != '\0';
	}
	fputc('\n', f);
	return more;
}

/* The rows of @t in the columns @col (@n of them), each wrapped to its width. */
static void print_group(table *t, FILE *f, const int *col, int n, const int *w)
{
	const char **rest = calloc((size_t)n + 1, sizeof *rest);
	for (int r = -1; rest && r < t->nrow; r++) {
		for (int k = 0; k < n; k++)
			rest[k] = r < 0 ? t->title[col[k]] : t->cell[r * t->ncol + col[k]];
		while (print_line(f, rest, col, n, w))
			;
	}
	free(rest);
}

/* The natural width of each column: its widest cell or title. */
static void natural_widths(const table *t, int *w)
{
	for (int i = 0; i < t->ncol; i++) {
		w[i] = text_width(t->title[i]);
		for (int r = 0; r < t->nrow; r++) {
			int cw = text_width(t->cell[r * t->ncol + i]);
			if (cw > w[i])
				w[i] = cw;
		}
	}
}

static void print_text(table *t, FILE *f)
{
	int *w = calloc((size_t)t->ncol + 1, sizeof *w), *col = calloc((size_t)t->ncol + 1, sizeof *col);
	int n = 0, used = 0, width = output_width(), total = -2, groups = 0;
	if (!w || !col)
		goto done;
	natural_widths(t, w);
	for (int i = 0; i < t->ncol; i++)
		total += w[i] + 2;
	if (!width || total <= width || t->ncol < 2) {
		for (int i = 0; i < t->ncol; i++)
			col[i] = i;
		print_group(t, f, col, t->ncol, w);
		goto done;
	}
	/* the key column takes at most a third; every other column at most what is left beside it */
	if (w[0] > width / 3)
		w[0] = width / 3 > 1 ? width / 3 : 1;
	for (int i = 1; i < t->ncol; i++)
		if (w[i] > width - w[0] - 2)
			w[i] = width - w[0] - 2 > 1 ? width - w[0] - 2 : 1;
	for (int i = 1; i <= t->ncol; i++) {
		if (n > 1 && (i == t->ncol || used + 2 + w[i] > width)) {
			if (groups++)
				fputc('\n', f);
			print_group(t, f, col, n, w);
			n = 0;
		}
		if (i == t->ncol)
			break;
		if (!n) {
			col[n++] = 0;
			used = w[0];
		}
		col[n++] = i;
		used += 2 + w[i];
	}
done:
	free(w);
	free(col);
}

static void md_cell(FILE *f, const char *s)
{
	fputs(" ", f);
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", f);
		else if (*s == '\n')
			fputs("<br>", f);
		else
			fputc(*s, f);
	}
	fputs(" |", f);
}

static void print_markdown(table *t, FILE *f)
{
	fputc('|', f);
	for (int i = 0; i < t->ncol; i++)
		md_cell(f, t->title[i]);
	fputs("\n|", f);
	for (int i = 0; i < t->ncol; i++)
		fputs(" --- |", f);
	fputc('\n', f);
	for (int r = 0; r < t->nrow; r++) {
		fputc('|', f);
		for (int i = 0; i < t->ncol; i++)
			md_cell(f, t->cell[r * t->ncol + i]);
		fputc('\n', f);
	}
}

/* A cell as CSV, by the library's one rule (campaign_csv_cell(): quoted when
 * it must be, a formula-like cell after an apostrophe, which the importers
 * take off); a cell it cannot write (out of memory) is left empty. */
static void csv_cell(FILE *f, const char *s)
{
	campaign_buf *b;
	if (campaign_csv_cell(&b, s) == CAMPAIGN_OK) {
		fwrite(campaign_buf_data(b), 1, campaign_buf_size(b), f);
		campaign_buf_free(b);
	}
}

static void print_csv(table *t, FILE *f)
{
	for (int i = 0; i < t->ncol; i++) {
		if (i)
			fputc(',', f);
		csv_cell(f, t->title[i]);
	}
	fputs("\r\n", f);
	for (int r = 0; r < t->nrow; r++) {
		for (int i = 0; i < t->ncol; i++) {
			if (i)
				fputc(',', f);
			csv_cell(f, t->cell[r * t->ncol + i]);
		}
		fputs("\r\n", f);
	}
}

void csv_bom(FILE *f)
{
	fputs("\xef\xbb\xbf", f);
}

const char *const output_formats[] = {"text", "markdown", "csv", "json", "xlsx", NULL};

int print_table_where(campaign_cursor *c, const char *format, const char *const *cols, const char *const *titles,
                      row_filter keep)
{
	table t;
	int rc;
	memset(&t, 0, sizeof t);
	if (!strcmp(format, "json")) {
		json j = {.f = stdout};
		rc = json_cursor(&j, c, keep);
		fputc('\n', stdout);
		return rc;
	}
	if ((rc = table_load(&t, c, cols, titles, keep)) == CAMPAIGN_OK) {
		if (strcmp(format, "csv"))
			table_translate(&t);
		if (!strcmp(format, "markdown"))
			print_markdown(&t, stdout);
		else if (!strcmp(format, "csv"))
			print_csv(&t, stdout);
		else
			print_text(&t, stdout);
	}
	table_free(&t);
	campaign_cursor_free(c);
	return rc;
}

int print_table(campaign_cursor *c, const char *format, const char *const *cols, const char *const *titles)
{
	return print_table_where(c, format, cols, titles, NULL);
}

int print_listing(campaign_cursor *c, const char *format, const char *const *cols, const char *const *titles)
{
	if (!strcmp(format, "csv"))
		csv_bom(stdout);
	return print_table(c, format, cols, titles);
}

void print_heading(const char *format, const char *title)
{
	if (!strcmp(format, "markdown"))
		printf("\n## %s\n\n", title);
	else
		printf("%s%s%s", line_end(format), title, line_end(format));
}

const char *line_end(const char *format)
{
	return strcmp(format, "csv") ? "\n" : "\r\n";
}
