/* Dates checked against the campaign period, and the one deadline language
 * of every deadline field (see core.h, "dates.c"). A date that happened (a
 * report, a finding, a decision, a visit) lies within the campaign: not
 * before its start, not after today, not after its end and grace period. A
 * planned date (a window, a deadline, a due date) only may not fall before
 * the campaign starts: deadlines often run past a campaign's end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "campaign/deadline.h"

static const char SQL_PERIOD[] =
	"SELECT period_first, period_last, date(period_last, '+' || grace_days || ' days'), grace_days "
	"FROM campaign WHERE rid = ?1";

int period_get(campaign_db *db, sqlite3_int64 crid, period_info *p)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PERIOD);
	int rc;
	memset(p, 0, sizeof *p);
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	if ((rc = stmt_step(st)) == SQLITE_ROW) {
		column_copy(st, 0, p->first, sizeof p->first);
		column_copy(st, 1, p->last, sizeof p->last);
		column_copy(st, 2, p->until, sizeof p->until);
		p->grace_days = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? error_set(CAMPAIGN_ENOTFOUND, "no campaign with row id %lld", (long long)crid)
		                         : error_from_sqlite(db->sql, rc, "cannot read the campaign period");
	p->year = atoi(p->first);
	return CAMPAIGN_OK;
}

/* "outside the campaign F – L", with the grace period when there is one. */
static int outside(const period_info *p, const char *what, const char *date)
{
	if (p->grace_days)
		return error_set(CAMPAIGN_EINVALID, "%s %s is outside the campaign %s – %s (late reports until %s)", what,
		                 date, p->first, p->last, p->until);
	return error_set(CAMPAIGN_EINVALID, "%s %s is outside the campaign %s – %s", what, date, p->first, p->last);
}

int date_in_campaign(campaign_db *db, sqlite3_int64 crid, const char *what, const char *date)
{
	period_info p;
	char today[11];
	int rc;
	if ((rc = need_date(date, what)) || (rc = period_get(db, crid, &p)) || (rc = insp_as_of(NULL, today)))
		return rc;
	if (*p.first && strcmp(date, p.first) < 0)
		return outside(&p, what, date);
	if (strcmp(date, today) > 0)
		return error_set(CAMPAIGN_EINVALID, "%s %s is after today (%s)", what, date, today);
	return *p.until && strcmp(date, p.until) > 0 ? outside(&p, what, date) : CAMPAIGN_OK;
}

int date_planned(campaign_db *db, sqlite3_int64 crid, const char *what, const char *date)
{
	period_info p;
	int rc;
	if ((rc = need_date(date, what)) || (rc = period_get(db, crid, &p)))
		return rc;
	if (*p.first && strcmp(date, p.first) < 0)
		return error_set(CAMPAIGN_EINVALID, "%s %s is before the campaign %s – %s", what, date, p.first, p.last);
	return CAMPAIGN_OK;
}

/* "dddd-dd-dd": meant as an ISO date, and refused as one when it is none. */
static int iso_shaped(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (!s[i] || (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')))
			return 0;
	return !s[10];
}

/* Parses @text with context year @year into @d (the last day, or the first when @first). */
static int parse_day(const char *what, const char *text, int year, int first, char day[11])
{
	campaign_deadline *d = NULL;
	const char *v;
	char why[512];
	if (campaign_deadline_parse(&d, text, year)) {
		snprintf(why, sizeof why, "%s", campaign_error_message()); /* the message is the buffer written */
		return error_set(CAMPAIGN_EINVALID, "%s: %s", what, why);
	}
	v = first ? campaign_deadline_first(d) : campaign_deadline_last(d);
	if (!v) {
		campaign_deadline_free(d);
		return error_set(CAMPAIGN_EINVALID, "%s \"%s\" is open-ended; it needs a %s day", what, text,
		                 first ? "first" : "last");
	}
	memcpy(day, v, 11);
	campaign_deadline_free(d);
	return CAMPAIGN_OK;
}

int deadline_day(campaign_db *db, sqlite3_int64 crid, const char *what, const char *text, int year, int first,
                 char day[11])
{
	period_info p;
	int rc;
	if ((rc = need(text, what)))
		return rc;
	if (!utf8_valid(text, strlen(text)))
		return error_set(CAMPAIGN_EINVALID, "%s is not valid UTF-8", what);
	if ((rc = period_get(db, crid, &p)))
		return rc;
	if (iso_shaped(text)) {
		if ((rc = need_date(text, what)))
			return rc;
		memcpy(day, text, 11);
	}
	else if ((rc = parse_day(what, text, year ? year : p.year, first, day)))
		return rc;
	/* as in plans: a deadline without a year that would fall before the campaign starts is next year's */
	else if (!year && p.year && strcmp(day, p.first) < 0 && (rc = parse_day(what, text, p.year + 1, first, day)))
		return rc;
	return date_planned(db, crid, what, day);
}

int grace_days_set(campaign_db *db, sqlite3_int64 crid, long days)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE campaign SET grace_days = ?2 WHERE rid = ?1");
	if (!st)
		return campaign_error_code_last();
	bind_all(st, "Ii", crid, (int)days);
	return db_step_done(db, st, "cannot set the campaign's grace period");
}
