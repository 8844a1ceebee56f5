/* Bulk import of findings (row_import.c reads the file; this says what a
 * finding row is). */
#include <stdio.h>
#include <string.h>
#include "inspection/inspection.h"

enum { F_ID, F_UNIT, F_CATEGORY, F_ORIGIN, F_PEOPLE, F_DESCRIPTION, F_AMOUNT, F_FOUND_ON, F_ROUND, F_COUNT };
static const char *const FIELDS[F_COUNT] = {"id",     "unit",        "category", "origin",  "people",
                                            "description", "amount", "found_on", "round"};
static const int REQUIRED[] = {F_UNIT, F_ORIGIN, F_DESCRIPTION, F_FOUND_ON};

/* The field an error message is about. */
static int field_of(const char *msg, int rc)
{
	static const struct { const char *word; int field; } words[] = {
		{"round", F_ROUND},   {"category", F_CATEGORY}, {"amount", F_AMOUNT}, {"found_on", F_FOUND_ON},
		{"origin", F_ORIGIN}, {"description", F_DESCRIPTION}, {"finding", F_ID},
	};
	if (rc == CAMPAIGN_EPERM)
		return F_UNIT;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(msg, words[i].word))
			return words[i].field;
	return F_UNIT;
}

static int insert(row_import *im, const char *const *v)
{
	finding_in f = {v[F_ID],     v[F_UNIT],   v[F_CATEGORY], v[F_ORIGIN], v[F_PEOPLE],
	                v[F_DESCRIPTION], v[F_AMOUNT], v[F_FOUND_ON], v[F_ROUND]};
	char id[72];
	/* the import's one call entry stands for every finding; the rows are logged by the triggers */
	return finding_insert(&im->c, im->crid, im->campaign, &f, im->actor, id, sizeof id, 0);
}

static const row_spec SPEC = {FIELDS,       F_COUNT,          REQUIRED,           4,        "finding", "findings",
                              "finding.import", "campaign_findings_import", "a findings file", insert, field_of};

int campaign_findings_import(campaign_db *db, const char *campaign, const char *path, const char *actor)
{
	return row_import_file(db, campaign, path, actor, &SPEC);
}
