/* The outcomes (with their status), the phases and the outcome shares on the
 * as-of date, read once: the heat grid, the supervision list and the Gantt
 * chart use them. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

static int units_load(dash *d)
{
	campaign_cursor *c;
	int rc = campaign_units_query(&c, d->db, d->campaign);
	while (!rc && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK)
		if (unit_kept(d, campaign_cursor_get(c, "id")) &&
		    (strs_push(&d->units, campaign_cursor_get(c, "id")) < 0 ||
		     strs_push(&d->unit_names, campaign_cursor_get(c, "name")) < 0))
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

static int outcomes_load(dash *d)
{
	campaign_cursor *c;
	int rc = campaign_outcome_status_query(&c, d->db, d->campaign, d->as_of), i;
	if (!(rc = rowset_load(&d->outcome_rows, rc, c)))
		rc = campaign_phase_status_query(&c, d->db, d->campaign, d->as_of);
	if (!rc)
		rc = rowset_load(&d->phase_rows, rc, c);
	for (i = 0; !rc && i < d->outcome_rows.n; i++)
		/* labels repeat across tasks ("1."); the id is unique */
		if (strs_push(&d->outcomes, rowset_get(&d->outcome_rows, i, "outcome")) < 0 ||
		    strs_push(&d->outcome_labels, rowset_get(&d->outcome_rows, i, "text")) < 0)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	return rc;
}

/* The share query's columns, found once (64 000 rows at M). */
enum { COL_KIND, COL_UNIT, COL_OUTCOME, COL_COLOR, COL_COMPLETION, COL_PERCENT, COL_DAYS_LATE, NCOLS };
static const char *const COLUMNS[NCOLS] = {"kind", "unit", "outcome", "color", "completion", "percent", "days_late"};

static int share_push(dash *d, campaign_cursor *c, const int *col, int unit, int outcome)
{
	const char *color = campaign_cursor_text(c, col[COL_COLOR]), *completion = campaign_cursor_text(c, col[COL_COMPLETION]);
	share *s;
	if (d->nshares == d->cap_shares) {
		int cap = d->cap_shares ? d->cap_shares * 2 : 256;
		if (!(s = realloc(d->shares, (size_t)cap * sizeof *s)))
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		d->shares = s;
		d->cap_shares = cap;
	}
	s = &d->shares[d->nshares++];
	s->unit = unit;
	s->outcome = outcome;
	snprintf(s->cls, sizeof s->cls, "%s", completion && !strcmp(completion, "late") ? "late" : color ? color : "none");
	s->percent = (int)campaign_cursor_int(c, col[COL_PERCENT]);
	s->days_late = (int)campaign_cursor_int(c, col[COL_DAYS_LATE]);
	return CAMPAIGN_OK;
}

int shares_load(dash *d)
{
	campaign_cursor *c;
	const char *kind;
	int rc, u, o, i, col[NCOLS];
	if ((rc = units_load(d)) || (rc = outcomes_load(d)) ||
	    (rc = campaign_share_status_query(&c, d->db, d->campaign, d->as_of)))
		return rc;
	for (i = 0; i < NCOLS; i++)
		if ((col[i] = campaign_cursor_column_index(c, COLUMNS[i])) < 0) {
			campaign_cursor_free(c);
			return error_set(CAMPAIGN_ERROR, "dashboard: the share status has no column \"%s\"", COLUMNS[i]);
		}
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		/* milestone shares are in the Gantt chart; the grid is of outcomes */
		if (!(kind = campaign_cursor_text(c, col[COL_KIND])) || strcmp(kind, "outcome"))
			continue;
		u = strs_find(&d->units, campaign_cursor_text(c, col[COL_UNIT]));
		o = strs_find(&d->outcomes, campaign_cursor_text(c, col[COL_OUTCOME]));
		if (u >= 0 && o >= 0 && (rc = share_push(d, c, col, u, o)))
			break;
	}
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
}

void shares_free(dash *d)
{
	strs_free(&d->units);
	strs_free(&d->unit_names);
	strs_free(&d->outcomes);
	strs_free(&d->outcome_labels);
	rowset_free(&d->outcome_rows);
	rowset_free(&d->phase_rows);
	strs_free(&d->filter);
	free(d->shares);
	d->shares = NULL;
}
