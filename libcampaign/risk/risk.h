/* Private declarations shared by the integrity-risk modules (risk.c,
 * risk_model.c, risk_grade.c, risk_control.c, risk_publication.c,
 * risk_report.c, risk_import.c). Not installed. */
#ifndef CAMPAIGN_RISK_PRIVATE_H
#define CAMPAIGN_RISK_PRIVATE_H

#include "core/core.h"
#include "io/io.h"

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

/* ---- SQL shared by the queries: the three lines of defence ---- */

/* The Chinese label of line column @L, and its order (prevention, monitoring, disposal). */
#define RISK_LINE_LABEL(L) "CASE " L " WHEN 'prevention' THEN '前期预防' WHEN 'monitoring' THEN '中期监控' ELSE '后期处置' END"
#define RISK_LINE_ORDER(L) "CASE " L " WHEN 'prevention' THEN 1 WHEN 'monitoring' THEN 2 ELSE 3 END"
/* Whether point @P has a control not retired on line @L. */
#define RISK_HAS_LINE(P, L) \
	"EXISTS (SELECT 1 FROM risk_control k WHERE k.point = " P " AND k.line = '" L "' AND k.status <> 'retired')"

/* ---- risk.c ---- */

/* A point's fields, for add and bulk import. */
typedef struct risk_point_in {
	const char *id, *unit, *scope, *scope_name, *type, *name, *description, *manifestations, *owner, *leader;
} risk_point_in;

/* A point checked for insertion: its id (given or new), unit and type
 * resolved; a bulk import sets its grade before it is written. */
typedef struct risk_point_new {
	char id[128];
	sqlite3_int64 unit;
	char type[64];
	const char *inputs;     /* the stored inputs, NULL for none */
	const char *assessment; /* the grade in force (risk_assessment.id), NULL for none */
} risk_point_new;
/* Validates a point (writes nothing): unit, scope, type, access, id free. */
int risk_point_check(campaign_db *db, sqlite3_int64 crid, const risk_point_in *p, const char *actor,
                     risk_point_new *out);
/* Inserts a checked point with its history entry, in one row write each. */
int risk_point_write(campaign_db *db, sqlite3_int64 crid, const risk_point_in *p, const risk_point_new *n,
                     const char *actor);
/* Validates and inserts a point inside the caller's transaction (with its
 * history entry); the id used is written to @id_out (37 bytes or more). */
int risk_point_insert(campaign_db *db, sqlite3_int64 crid, const risk_point_in *p, const char *actor, char *id_out,
                      size_t id_size);
/* Appends one entry to a point's history. */
int risk_history_add(campaign_db *db, const char *point, const char *operation, const char *field,
                     const char *before, const char *after, const char *actor);
/* What ?2 of a risk query is bound to (?1 is the campaign's row id). */
typedef enum risk_filter {
	RISK_ALL,       /* nothing */
	RISK_UNIT,      /* the units a unit or group names (units_bind(), for UNITS_IN); none (every unit) for NULL */
	RISK_POINT,     /* a point's id, checked to be the campaign's; none (every point) for NULL */
	RISK_ONE_POINT, /* as RISK_POINT, required */
	RISK_MODEL      /* a model's row id, from "id" or "id@version"; NULL: the default model */
} risk_filter;
/* Runs a query of the register through query_begin(), ?2 bound by @by to @key. */
int risk_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql, const char *types,
               risk_filter by, const char *key);
/* Steps the cached @sql with ?1 = @key and, unless @crid is 0, ?2 = @crid:
 * *st is left on the row (the caller reads it, then resets it), or NULL
 * with ENOTFOUND "no @kind \"@key\"" or the SQLite error. */
int risk_row(campaign_db *db, const char *sql, const char *key, sqlite3_int64 crid, const char *kind,
             sqlite3_stmt **st);
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
/* A bulk import's grading model, loaded once for all its points. */
typedef struct risk_grader risk_grader;
int risk_grader_new(campaign_db *db, sqlite3_int64 model, risk_grader **out);
void risk_grader_free(risk_grader *g);
/* Grades a new point (no controls, no grade yet) before it is written:
 * checks @given against the model and computes both grades; the point's
 * stored inputs go to @stored, the new assessment's id to @assessment. */
int risk_grader_compute(risk_grader *g, const char *point, const risk_inputs *given, struct campaign_buf *stored,
                        char assessment[37]);
/* Writes the grade computed last, after its point: the assessment and the
 * history entry, and no update of the point (it was written with them). */
int risk_grader_write(campaign_db *db, risk_grader *g, const char *point, const char *date, const char *actor);
/* Recomputes the residual grade of a graded point after its controls changed
 * (same model, same inputs, same date); nothing when it has no grade. */
int risk_grade_refresh(campaign_db *db, sqlite3_int64 crid, const char *point, const char *actor);

#endif
