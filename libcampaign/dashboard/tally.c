/* Counts by a row key and a column key, written as a pivot table: findings by
 * category and origin, proposals by kind and decision, grades by unit. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

static int tally_grow(tally *t)
{
	long long *cell;
	int cap = t->cap ? t->cap * 2 : 16;
	if (t->rows.n < t->cap)
		return CAMPAIGN_OK;
	if (!(cell = realloc(t->cell, (size_t)cap * TALLY_COLS * sizeof *cell)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	memset(cell + (size_t)t->cap * TALLY_COLS, 0, (size_t)(cap - t->cap) * TALLY_COLS * sizeof *cell);
	t->cell = cell;
	t->cap = cap;
	return CAMPAIGN_OK;
}

void tally_add(dash *d, tally *t, const char *row, const char *col, long long n)
{
	int r, c;
	/* a key the store left empty (a finding without a category) is one row, not one per count */
	row = row && *row ? row : TALLY_UNNAMED;
	col = col && *col ? col : TALLY_UNNAMED;
	/* grow the cells before the rows, so that a new row always has its cells */
	if (!dash_ok(d, tally_grow(t)))
		return;
	r = strs_add(&t->rows, row);
	c = t->cols.n < TALLY_COLS || strs_find(&t->cols, col) >= 0 ? strs_add(&t->cols, col) : TALLY_COLS - 1;
	if (r < 0 || c < 0)
		dash_ok(d, error_set(CAMPAIGN_ENOMEM, "out of memory"));
	else
		t->cell[(size_t)r * TALLY_COLS + (size_t)c] += n;
}

void tally_word(dash *d, tally *t, const char *row, const char *const *pairs, const char *key)
{
	tally_words(d, t, row, pairs, key, 1);
}

void tally_words(dash *d, tally *t, const char *row, const char *const *pairs, const char *key, long long n)
{
	const char *const *k;
	/* every column, in the pairs' order, before the first count */
	if (!t->cols.n)
		for (k = pairs; *k; k += 2)
			tally_add(d, t, row, k[1], 0);
	for (k = pairs; *k && (!key || strcmp(*k, key)); k += 2)
		;
	tally_add(d, t, row, *k ? k[1] : key, n);
}

void tally_table(dash *d, const tally *t, const char *corner)
{
	int r, c;
	long long sum;
	if (!t->rows.n) {
		tag_text(d, "p", "empty", "暂无数据");
		return;
	}
	put(d, "<div class=\"scroll\"><table class=\"tally\"><tr>");
	tag_text(d, "th", NULL, corner);
	for (c = 0; c < t->cols.n; c++)
		tag_text(d, "th", NULL, t->cols.v[c]);
	put(d, "<th>合计</th></tr>\n");
	for (r = 0; r < t->rows.n; r++) {
		put(d, "<tr>");
		tag_text(d, "th", NULL, t->rows.v[r]);
		for (sum = 0, c = 0; c < t->cols.n; c++) {
			sum += t->cell[(size_t)r * TALLY_COLS + (size_t)c];
			putf(d, "<td>%lld</td>", t->cell[(size_t)r * TALLY_COLS + (size_t)c]);
		}
		putf(d, "<td class=\"total\">%lld</td></tr>\n", sum);
	}
	put(d, "</table></div>\n");
}

void tally_free(tally *t)
{
	strs_free(&t->rows);
	strs_free(&t->cols);
	free(t->cell);
	t->cell = NULL;
	t->cap = 0;
}

void tally_end(dash *d, tally *t, const char *heading, const char *corner)
{
	if (heading)
		tag_text(d, "h3", NULL, heading);
	tally_table(d, t, corner);
	tally_free(t);
}
