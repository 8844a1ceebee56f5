/* Bulk import of a rectification ledger (整改台账) (row_import.c reads the
 * file; this says what a ledger row is). */
#include <stdio.h>
#include <string.h>
#include "inspection/inspection.h"

enum { F_ID, F_FINDING, F_PROBLEM, F_MEASURE, F_DEADLINE, F_RESPONSIBLE, F_CRITERION, F_COUNT };
static const char *const FIELDS[F_COUNT] = {"id", "finding", "problem", "measure", "deadline", "responsible",
                                            "criterion"};
static const int REQUIRED[] = {F_FINDING, F_MEASURE, F_DEADLINE, F_RESPONSIBLE, F_CRITERION};

/* The field an error message is about. */
static int field_of(const char *msg, int rc)
{
	static const struct { const char *word; int field; } words[] = {
		{"deadline", F_DEADLINE}, {"measure", F_MEASURE}, {"responsible", F_RESPONSIBLE},
		{"criterion", F_CRITERION}, {"rectification", F_ID}, {"finding", F_FINDING},
	};
	if (rc == CAMPAIGN_EPERM)
		return F_FINDING;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(msg, words[i].word))
			return words[i].field;
	return F_FINDING;
}

static int insert(row_import *im, const char *const *v)
{
	rect_in r = {v[F_ID], v[F_FINDING], v[F_PROBLEM], v[F_MEASURE], v[F_DEADLINE], v[F_RESPONSIBLE], v[F_CRITERION]};
	char id[72];
	int rc = rect_check(&r);
	return rc ? rc : rect_insert(&im->c, im->crid, &r, im->actor, id);
}

static const row_spec SPEC = {FIELDS, F_COUNT, REQUIRED, 5, "rectification", "rectifications", "rectification.import",
                              "campaign_rectifications_import", "a ledger file", insert, field_of};

int campaign_rectifications_import(campaign_db *db, const char *campaign, const char *path, const char *actor)
{
	return row_import_file(db, campaign, path, actor, &SPEC);
}
