/* The progress domain's private header. Not installed. */
#ifndef CAMPAIGN_PROGRESS_PRIVATE_H
#define CAMPAIGN_PROGRESS_PRIVATE_H

#include "core/core.h"
#include "io/io.h"

/* ---- progress.c ---- */

/* Checks a report's status, percent and date. */
int progress_check(const char *status, int percent, const char *date);
/* Validates and inserts one report inside the caller's transaction; @log
 * writes its own call entry (a bulk import writes one for all its rows). */
int progress_insert(campaign_db *db, sqlite3_int64 crid, const char *campaign, const char *outcome,
                    const char *unit, const char *status, int percent, const char *date, const char *note,
                    const char *evidence, const char *actor, int log);

#endif
