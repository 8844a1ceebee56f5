/* The self-inspection domain's private header: catalogue, inspection
 * rounds, findings, rectifications, case leads. Not installed. */
#ifndef CAMPAIGN_INSPECTION_PRIVATE_H
#define CAMPAIGN_INSPECTION_PRIVATE_H

#include "core/core.h"
#include "io/io.h"

/* ---- inspection.c ---- */

/* Field @f of options @o, or NULL when @o is NULL (the write's object and
 * detail are named before its check refuses NULL options). */
#define INSP_OPT(o, f) ((o) ? (o)->f : NULL)

/* A new row's id into @id (@size bytes): @given, which ECONFLICT refuses
 * ("@what \"ID\" exists already") when @exists_sql (?1 = the id) finds it;
 * a new UUIDv7 when @given is NULL. */
int insp_new_id(stmts *c, const char *exists_sql, const char *what, const char *given, char *id, size_t size);

/* query_begin() for a query as of a date: @as_of (NULL: today, the local date) is
 * checked first and bound to ?@n; the caller binds the rest and ends with
 * query_done(). */
int insp_query_as_of(campaign_cursor **out, campaign_cursor **c, campaign_db *db, const char *campaign,
                     const char *sql, const char *types, const char *as_of, int n);

/* One round of the rounds import (round_import.c), as its row gives it: a
 * unit's round (round, unit), a group member's ("SERIES/UNIT" or SERIES, unit,
 * group) or a round for every member of a group (round, group); the deadline
 * as written; the summary report when submitted_on is given. */
typedef struct round_row {
	const char *round, *unit, *group, *first, *last, *deadline, *submitted_on, *document, *note;
} round_row;
/* The field a failed round_import_one() is about. */
enum { RR_ROUND, RR_UNIT, RR_GROUP, RR_FIRST, RR_LAST, RR_DEADLINE, RR_SUBMITTED_ON, RR_DOCUMENT, RR_NOTE };
/* Adds the round(s) of @w inside @op's transaction (and its report, as
 * campaign_inspection_round_submit() records one); on failure *@field is the
 * field the error is about. */
int round_import_one(write_op *op, const round_row *w, int *field);

/* ---- finding.c ---- */

/* The fields of a finding, for record and bulk import. */
typedef struct finding_in {
	const char *id, *unit, *category, *origin, *people, *description, *amount, *found_on, *round;
} finding_in;
/* Validates and inserts one finding inside the caller's transaction; the id
 * used (given or new) is written to @id_out (37 bytes or more). @log writes
 * its own call entry (a bulk import writes one for all its rows). */
int finding_insert(stmts *c, sqlite3_int64 crid, const char *campaign, const finding_in *f, const char *actor,
                   char *id_out, size_t id_size, int log);

/* ---- catalogue.c ---- */

/* Resolves "catalogue/category" or "catalogue@version/category" (latest
 * version when none is given) to the category's row id. */
int category_rid(stmts *c, sqlite3_int64 crid, const char *ref, sqlite3_int64 *rid);

/* One rectification's five fixes (rectification.c), shared with the ledger import. */
typedef struct rect_in {
	const char *id, *finding, *problem, *measure, *deadline, *responsible, *criterion;
	const char *day; /* the deadline's last day (core's deadline_day) */
} rect_in;
/* Checks the fields a rectification needs. */
int rect_check(const rect_in *r);
/* Inserts one rectification inside the caller's transaction; its id goes to @id. */
int rect_insert(stmts *c, sqlite3_int64 crid, const rect_in *r, const char *actor, char id[72]);

#endif
