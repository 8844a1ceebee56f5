/* A query's rows kept for the page: the outcome status feeds the grid, the
 * Gantt chart (counted, then drawn) and the overdue list, the phases the
 * chart twice; each is queried once and read from here. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

static int cell_push(rowset *r, const char *s)
{
	char **v;
	if (r->ncells == r->cap) {
		int cap = r->cap ? r->cap * 2 : 256;
		if (!(v = realloc(r->cells, (size_t)cap * sizeof *v)))
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		r->cells = v;
		r->cap = cap;
	}
	if (s && !(s = str_dup(s)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	r->cells[r->ncells++] = (char *)s;
	return CAMPAIGN_OK;
}

int rowset_load(rowset *r, int rc, campaign_cursor *c)
{
	int i;
	if (rc)
		return rc;
	r->ncols = campaign_cursor_column_count(c);
	for (i = 0; !rc && i < r->ncols; i++)
		if (strs_push(&r->names, campaign_cursor_column_name(c, i)) < 0)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	while (!rc && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		for (i = 0; !rc && i < r->ncols; i++)
			rc = cell_push(r, campaign_cursor_text(c, i));
		r->n += !rc;
	}
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

const char *rowset_get(const rowset *r, int row, const char *col)
{
	int i = strs_find(&r->names, col);
	return i < 0 || row < 0 || row >= r->n ? NULL : r->cells[(size_t)row * (size_t)r->ncols + (size_t)i];
}

long rowset_int(const rowset *r, int row, const char *col)
{
	const char *s = rowset_get(r, row, col);
	return s ? strtol(s, NULL, 10) : 0;
}

void rowset_free(rowset *r)
{
	int i;
	for (i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	free(r->cells);
	strs_free(&r->names);
	memset(r, 0, sizeof *r);
}
