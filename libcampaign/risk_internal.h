/* Private declarations shared by the integrity-risk modules (risk.c,
 * risk_model.c, risk_grade.c, risk_control.c, risk_publication.c,
 * risk_report.c, risk_import.c). Not installed. */
#ifndef CAMPAIGN_RISK_INTERNAL_H
#define CAMPAIGN_RISK_INTERNAL_H

#include "inspection_internal.h" /* need(), need_date(), bind_opt(), write_begin/end(), CSV ... */

/* ---- inputs: "name=value,name=value" (',' or ';'; a bare name is 1) ---- */

#define RISK_INPUTS_MAX 32
#define RISK_NAME_MAX 48

typedef struct risk_inputs {
	int n;
	struct { char name[RISK_NAME_MAX]; int value; } v[RISK_INPUTS_MAX];
} risk_inputs;

/* Parses @text (NULL or "" gives none) into @out, sorted by name; a later
 * name replaces an earlier one. EINVALID naming @what and the bad part. */
int risk_inputs_parse(risk_inputs *out, const char *text, const char *what);
/* The value of @name, or 0 with *found = 0. */
int risk_inputs_get(const risk_inputs *in, const char *name, int *found);
/* Sets (adds or replaces) @name, keeping the names sorted. */
int risk_inputs_set(risk_inputs *in, const char *name, int value);
/* Writes "a=1,b=2" into @b (cleared first). */
int risk_inputs_format(const risk_inputs *in, struct campaign_buf *b);

/* ---- risk.c ---- */

/* A point's fields, for add and bulk import. */
typedef struct risk_point_in {
	const char *id, *unit, *scope, *scope_name, *type, *name, *description, *manifestations, *owner, *leader;
} risk_point_in;

/* Validates and inserts a point inside the caller's transaction (with its
 * history entry); the id used is written to @id_out (37 bytes or more). */
int risk_point_insert(campaign_db *db, sqlite3_int64 crid, const risk_point_in *p, const char *actor, char *id_out,
                      size_t id_size);
/* Appends one entry to a point's history. */
int risk_history_add(campaign_db *db, const char *point, const char *operation, const char *field,
                     const char *before, const char *after, const char *actor);
/* Checks the caller's @out, then opens a cursor over @sql into @c with ?1
 * bound to the campaign's row id (see query_open()); finish with
 * query_done(out, *c, rc). */
int risk_query(campaign_cursor **out, campaign_cursor **c, campaign_db *db, const char *campaign, const char *sql,
               const char *types, sqlite3_int64 *crid);
/* Checks that @point is a point of the campaign; *unit gets its unit's rid. */
int risk_point_unit(campaign_db *db, sqlite3_int64 crid, const char *point, sqlite3_int64 *unit);

/* ---- risk_model.c ---- */

/* Resolves a model reference ("id" for its newest version, "id@version", or
 * NULL for the campaign's default model) to its row id. */
int risk_model_resolve(campaign_db *db, sqlite3_int64 crid, const char *ref, sqlite3_int64 *rid);

/* ---- risk_grade.c ---- */

/* Grades one point inside the caller's transaction. @model NULL: the
 * point's current model (same version), else the default; @inputs NULL:
 * the stored ones, else merged into them. @reason is stored with the grade. */
int risk_grade_point(campaign_db *db, sqlite3_int64 crid, const char *point, const char *model, const char *inputs,
                     const char *date, const char *reason, const char *actor);
/* Recomputes the residual grade of a graded point after its controls changed
 * (same model, same inputs, same date); nothing when it has no grade. */
int risk_grade_refresh(campaign_db *db, sqlite3_int64 crid, const char *point, const char *actor);

#endif
