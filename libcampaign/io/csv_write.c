/* CSV out: the one door every CSV a user gets goes through (the CLI's
 * listings by campaign_csv_cell(), campaign_cursor_write_csv(), the files of
 * campaign_export_all()). UTF-8, CRLF line ends, a cell quoted only when it
 * must be (a comma, a quote, a line end); a cell a spreadsheet would read as
 * a formula is written after an apostrophe (OWASP's CSV-injection rule),
 * which the importers take off again (rows.c). */
#include <stdlib.h>
#include <string.h>
#include "io/io.h"

int csv_formula_like(const char *s)
{
	const char *p = s + 1;
	if (!*s || !strchr("=+-@\t\r", *s))
		return 0;
	if (*s != '-' && *s != '+')
		return 1;
	/* a plain number such as -3 or +1.5 stays a number */
	p += strspn(p, "0123456789");
	if (*p == '.' && p[1])
		p += 1 + strspn(p + 1, "0123456789");
	return *p || p == s + 1;
}

int csv_put_cell(struct campaign_buf *b, const char *s)
{
	const char *mark = csv_formula_like(s) ? "'" : "";
	int rc;
	if (!strpbrk(s, ",\"\r\n"))
		return (rc = buf_puts(b, mark)) ? rc : buf_puts(b, s);
	if ((rc = buf_puts(b, "\"")) || (rc = buf_puts(b, mark)))
		return rc;
	for (const char *q; (q = strchr(s, '"')); s = q + 1)
		if ((rc = buf_append(b, s, (size_t)(q - s) + 1)) || (rc = buf_puts(b, "\"")))
			return rc;
	return (rc = buf_puts(b, s)) ? rc : buf_puts(b, "\"");
}

/* Splits the comma-separated @list (copied into @buf) into @out; how many, -1 when more than @max. */
static int split(const char *list, char *buf, size_t n, const char **out, int max)
{
	int k = 0;
	snprintf(buf, n, "%s", list);
	for (char *p = buf, *comma; p; p = comma ? comma + 1 : NULL) {
		if (k == max)
			return -1;
		if ((comma = strchr(p, ',')))
			*comma = '\0';
		out[k++] = p;
	}
	return k;
}

#define CSV_OUT_MAX_COLS 128

int csv_put_cursor(struct campaign_buf *b, campaign_cursor *c, const char *columns, const char *titles, int header,
                   int (*keep)(campaign_cursor *), long long *rows)
{
	return csv_put_cursor_as(b, c, columns, titles, header, keep, NULL, rows);
}

int csv_put_cursor_as(struct campaign_buf *b, campaign_cursor *c, const char *columns, const char *titles, int header,
                      int (*keep)(campaign_cursor *), cell_fn cell, long long *rows)
{
	const char *name[CSV_OUT_MAX_COLS], *title[CSV_OUT_MAX_COLS];
	char names[4096], heads[4096];
	int idx[CSV_OUT_MAX_COLS], n, rc;
	if (!c)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_csv: cursor is NULL");
	n = columns ? split(columns, names, sizeof names, name, CSV_OUT_MAX_COLS) : campaign_cursor_column_count(c);
	if (n < 0 || n > CSV_OUT_MAX_COLS)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_csv: more than %d columns", CSV_OUT_MAX_COLS);
	for (int i = 0; i < n; i++) {
		idx[i] = columns ? campaign_cursor_column_index(c, name[i]) : i;
		if (idx[i] < 0)
			return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_csv: no column \"%s\"", name[i]);
		title[i] = campaign_cursor_column_name(c, idx[i]);
	}
	if (titles) {
		int nt;
		if (utf8_invalid_offset(titles, strlen(titles)) < strlen(titles))
			return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_csv: titles are not UTF-8");
		if ((nt = split(titles, heads, sizeof heads, title, CSV_OUT_MAX_COLS)) != n)
			return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_csv: %d titles \"%s\" for %d columns", nt,
			                 titles, n);
	}
	for (int i = 0; header && i < n; i++)
		if ((i && (rc = buf_puts(b, ","))) || (rc = csv_put_cell(b, title[i])))
			return rc;
	if (header && (rc = buf_puts(b, "\r\n")))
		return rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		if (keep && !keep(c))
			continue;
		for (int i = 0; i < n; i++) {
			char own[512];
			const char *v = cell ? cell(c, idx[i], own, sizeof own) : NULL;
			if (!v)
				v = campaign_cursor_text(c, idx[i]);
			if ((i && (rc = buf_puts(b, ","))) || (rc = csv_put_cell(b, v ? v : "")))
				return rc;
		}
		if ((rc = buf_puts(b, "\r\n")))
			return rc;
		if (rows)
			++*rows;
	}
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

int campaign_csv_cell(campaign_buf **out, const char *text)
{
	struct campaign_buf *b;
	int rc;
	if (!out || !text)
		return error_set(CAMPAIGN_EINVALID, "campaign_csv_cell: %s is NULL", out ? "text" : "out");
	if (utf8_invalid_offset(text, strlen(text)) < strlen(text))
		return error_set(CAMPAIGN_EINVALID, "campaign_csv_cell: the text is not UTF-8");
	if (!(b = calloc(1, sizeof *b)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if ((rc = csv_put_cell(b, text)) || (rc = buf_append(b, "", 0))) {
		campaign_buf_free(b);
		return rc;
	}
	*out = b;
	error_ok();
	return CAMPAIGN_OK;
}

int campaign_cursor_write_csv(campaign_cursor *cursor, const char *path, const char *columns, const char *titles)
{
	struct campaign_buf b = {0};
	int rc;
	if (!cursor || !path)
		return error_set(CAMPAIGN_EINVALID, "campaign_cursor_write_csv: %s is NULL", cursor ? "path" : "cursor");
	if (!(rc = buf_puts(&b, CSV_BOM)) && !(rc = csv_put_cursor(&b, cursor, columns, titles, 1, NULL, NULL)))
		rc = buf_write_file(&b, path);
	buf_reset(&b);
	return rc ? rc : (error_ok(), CAMPAIGN_OK);
}
