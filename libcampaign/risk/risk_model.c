/* Grading models as versioned YAML data: a likelihood × impact matrix, a
 * weighted-factor score, or a count of yes/no criteria (docs/risk.md). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <yaml.h>
#include "risk/risk.h"

#define GRADES_MAX 10
#define LEVELS_MAX 10

enum { KIND_MATRIX, KIND_WEIGHTED, KIND_CRITERIA };
static const char *const KINDS[] = {"matrix", "weighted", "criteria", NULL};
static const char *const COLORS[] = {"red", "orange", "yellow", "blue", "green", NULL};

typedef struct grade_in {
	const char *id, *label, *owner_level, *color;
	int review_days, min, has_min;
	yaml_node_t *node;
} grade_in;

typedef struct input_in {
	const char *id, *name;
	int weight, min, max, override;
} input_in;

typedef struct model_in {
	const char *file;
	ydoc *doc;
	const char *id, *name;
	int kind, is_default;
	grade_in grades[GRADES_MAX];
	int ngrades;
	input_in inputs[RISK_INPUTS_MAX];
	int ninputs;
	const char *levels[2][LEVELS_MAX]; /* likelihood, impact labels */
	int nlevels[2];
	int cells[LEVELS_MAX][LEVELS_MAX]; /* grade index per likelihood-1, impact-1 */
} model_in;

/* ---- reading the document ---- */

static int at(const model_in *in, const yaml_node_t *n, const char *fmt, ...) CAMPAIGN_PRINTF(3, 4);
static int at(const model_in *in, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return ydoc_fail(in->doc, n, "%s", msg);
}

static const char *key_of(const yaml_node_t *k)
{
	return ydoc_text(k) ? ydoc_text(k) : "?";
}

/* Reads mapping @map against @keys into @vals (nodes, same order). */
static int read_map(const model_in *in, yaml_node_t *map, const char *what, const char *const *keys, yaml_node_t **vals)
{
	if (map->type != YAML_MAPPING_NODE)
		return at(in, map, "%s must be a mapping", what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(in->doc, p->key);
		int i = ydoc_key_index(k, keys);
		if (i < 0)
			return at(in, k, "%s: unknown key \"%s\"", what, key_of(k));
		if (vals[i])
			return at(in, k, "%s: \"%s\" given twice", what, keys[i]);
		vals[i] = ydoc_node(in->doc, p->value);
	}
	return CAMPAIGN_OK;
}

/* A text value; @required says whether it may be absent. */
static int text(const model_in *in, yaml_node_t *map, yaml_node_t *v, const char *key, int required, const char **out)
{
	*out = NULL;
	if (!v)
		return required ? at(in, map, "\"%s\" is required", key) : CAMPAIGN_OK;
	if (v->type != YAML_SCALAR_NODE || !*(const char *)v->data.scalar.value)
		return at(in, v, "\"%s\" must be non-empty text", key);
	*out = (const char *)v->data.scalar.value;
	return CAMPAIGN_OK;
}

/* A whole number in [lo, hi]. */
static int number(const model_in *in, yaml_node_t *map, yaml_node_t *v, const char *key, long lo, long hi, int *out)
{
	char *end;
	long n;
	if (!v)
		return at(in, map, "\"%s\" is required", key);
	if (v->type != YAML_SCALAR_NODE)
		return at(in, v, "\"%s\" must be a whole number", key);
	n = strtol((const char *)v->data.scalar.value, &end, 10);
	if (*end || end == (char *)v->data.scalar.value)
		return at(in, v, "\"%s\" must be a whole number, not \"%s\"", key, (const char *)v->data.scalar.value);
	if (n < lo || n > hi)
		return at(in, v, "\"%s\" must be %ld..%ld, not %ld", key, lo, hi, n);
	*out = (int)n;
	return CAMPAIGN_OK;
}

static int boolean(const model_in *in, yaml_node_t *v, const char *key, int *out)
{
	const char *s;
	*out = 0;
	if (!v)
		return CAMPAIGN_OK;
	s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
	if (!strcmp(s, "true") || !strcmp(s, "yes"))
		*out = 1;
	else if (strcmp(s, "false") && strcmp(s, "no"))
		return at(in, v, "\"%s\" must be true or false", key);
	return CAMPAIGN_OK;
}

static int id_ok(const model_in *in, yaml_node_t *n, const char *id, const char *what)
{
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		      *p == '-' || (unsigned char)*p >= 0x80))
			return at(in, n, "%s id \"%s\": use letters, digits, '_' and '-'", what, id);
	return CAMPAIGN_OK;
}

static int read_grade(model_in *in, yaml_node_t *m)
{
	static const char *const keys[] = {"id", "label", "owner_level", "review_days", "color", "min", NULL};
	yaml_node_t *v[6] = {0};
	grade_in *g = &in->grades[in->ngrades];
	int rc, k;
	if (in->ngrades == GRADES_MAX)
		return at(in, m, "too many grades (at most %d)", GRADES_MAX);
	if ((rc = read_map(in, m, "a grade", keys, v)) || (rc = text(in, m, v[0], "id", 1, &g->id)) ||
	    (rc = id_ok(in, v[0], g->id, "grade")) || (rc = text(in, m, v[1], "label", 1, &g->label)) ||
	    (rc = text(in, m, v[2], "owner_level", 1, &g->owner_level)) ||
	    (rc = number(in, m, v[3], "review_days", 1, 3660, &g->review_days)) ||
	    (rc = text(in, m, v[4], "color", 1, &g->color)))
		return rc;
	for (k = 0; COLORS[k] && strcmp(COLORS[k], g->color); k++)
		;
	if (!COLORS[k])
		return at(in, v[4], "color \"%s\" is not one of red, orange, yellow, blue, green", g->color);
	for (int j = 0; j < in->ngrades; j++)
		if (!strcmp(in->grades[j].id, g->id) || !strcmp(in->grades[j].label, g->label))
			return at(in, m, "duplicate grade \"%s\"", !strcmp(in->grades[j].id, g->id) ? g->id : g->label);
	if ((g->has_min = v[5] != NULL) && (rc = number(in, m, v[5], "min", -100000000, 100000000, &g->min)))
		return rc;
	if (in->kind == KIND_MATRIX && g->has_min)
		return at(in, v[5], "a matrix grade has no \"min\": its cells say where it applies");
	if (in->kind != KIND_MATRIX && !g->has_min)
		return at(in, m, "grade \"%s\" needs \"min\" (the %s it starts at)", g->id,
		          in->kind == KIND_WEIGHTED ? "score" : "count of criteria");
	if (in->ngrades && in->kind != KIND_MATRIX && g->min >= in->grades[in->ngrades - 1].min)
		return at(in, v[5], "grades go from the top down: min %d must be below the previous grade's %d", g->min,
		          in->grades[in->ngrades - 1].min);
	g->node = m;
	in->ngrades++;
	return CAMPAIGN_OK;
}

static int read_grades(model_in *in, yaml_node_t *root, yaml_node_t *seq)
{
	int rc;
	if (!seq)
		return at(in, root, "\"grades\" is required");
	if (seq->type != YAML_SEQUENCE_NODE || seq->data.sequence.items.start == seq->data.sequence.items.top)
		return at(in, seq, "\"grades\" must be a list of grades, top grade first");
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
		if ((rc = read_grade(in, ydoc_node(in->doc, *it))))
			return rc;
	return CAMPAIGN_OK;
}

/* A weighted model's factor or a criteria model's criterion. */
static int read_input(model_in *in, yaml_node_t *m)
{
	static const char *const fkeys[] = {"id", "name", "weight", "min", "max", NULL};
	static const char *const ckeys[] = {"id", "text", "override", NULL};
	yaml_node_t *v[5] = {0};
	input_in *x = &in->inputs[in->ninputs];
	int rc;
	if (in->ninputs == RISK_INPUTS_MAX)
		return at(in, m, "too many %s (at most %d)", in->kind == KIND_WEIGHTED ? "factors" : "criteria",
		          RISK_INPUTS_MAX);
	if ((rc = read_map(in, m, in->kind == KIND_WEIGHTED ? "a factor" : "a criterion",
	                   in->kind == KIND_WEIGHTED ? fkeys : ckeys, v)) ||
	    (rc = text(in, m, v[0], "id", 1, &x->id)))
		return rc;
	for (const char *p = x->id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		      *p == '-'))
			return at(in, v[0], "input id \"%s\": use ASCII letters, digits, '_' and '-'", x->id);
	if (strlen(x->id) >= RISK_NAME_MAX)
		return at(in, v[0], "input id \"%s\" is too long", x->id);
	for (int j = 0; j < in->ninputs; j++)
		if (!strcmp(in->inputs[j].id, x->id))
			return at(in, v[0], "duplicate id \"%s\"", x->id);
	if (in->kind == KIND_WEIGHTED) {
		if ((rc = text(in, m, v[1], "name", 1, &x->name)) || (rc = number(in, m, v[2], "weight", 1, 1000, &x->weight)) ||
		    (rc = number(in, m, v[3], "min", 0, 100, &x->min)) || (rc = number(in, m, v[4], "max", 0, 100, &x->max)))
			return rc;
		if (x->max <= x->min)
			return at(in, v[4], "factor \"%s\": max %d must be above min %d", x->id, x->max, x->min);
	} else {
		if ((rc = text(in, m, v[1], "text", 1, &x->name)) || (rc = boolean(in, v[2], "override", &x->override)))
			return rc;
		x->min = 0, x->max = 1;
	}
	in->ninputs++;
	return CAMPAIGN_OK;
}

static int read_inputs(model_in *in, yaml_node_t *root, yaml_node_t *seq, const char *key)
{
	int rc;
	if (!seq)
		return at(in, root, "a %s model needs \"%s\"", KINDS[in->kind], key);
	if (seq->type != YAML_SEQUENCE_NODE || seq->data.sequence.items.start == seq->data.sequence.items.top)
		return at(in, seq, "\"%s\" must be a non-empty list", key);
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
		if ((rc = read_input(in, ydoc_node(in->doc, *it))))
			return rc;
	return CAMPAIGN_OK;
}

/* The labels of one matrix axis. */
static int read_levels(model_in *in, yaml_node_t *root, yaml_node_t *seq, int axis)
{
	const char *key = axis ? "impact" : "likelihood";
	if (!seq)
		return at(in, root, "a matrix model needs \"%s\": its levels' labels, lowest first", key);
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(in, seq, "\"%s\" must be a list of labels, lowest first", key);
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *n = ydoc_node(in->doc, *it);
		if (in->nlevels[axis] == LEVELS_MAX)
			return at(in, n, "\"%s\" has more than %d levels", key, LEVELS_MAX);
		if (n->type != YAML_SCALAR_NODE || !*(const char *)n->data.scalar.value)
			return at(in, n, "a level of \"%s\" must be a label", key);
		in->levels[axis][in->nlevels[axis]++] = (const char *)n->data.scalar.value;
	}
	if (in->nlevels[axis] < 2)
		return at(in, seq, "\"%s\" needs at least 2 levels", key);
	return CAMPAIGN_OK;
}

static int grade_index(const model_in *in, yaml_node_t *n)
{
	const char *s = n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : "";
	for (int g = 0; g < in->ngrades; g++)
		if (!strcmp(in->grades[g].id, s))
			return g;
	return -1;
}

/* cells: one row per likelihood level (1 first), each a grade id per impact level. */
static int read_cells(model_in *in, yaml_node_t *root, yaml_node_t *seq)
{
	int l = 0, used[GRADES_MAX] = {0};
	if (!seq)
		return at(in, root, "a matrix model needs \"cells\"");
	if (seq->type != YAML_SEQUENCE_NODE)
		return at(in, seq, "\"cells\" must be a list of rows, one per likelihood level (1 first)");
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++, l++) {
		yaml_node_t *row = ydoc_node(in->doc, *it);
		int i = 0;
		if (l == in->nlevels[0])
			return at(in, row, "\"cells\" has more rows than the %d likelihood levels", in->nlevels[0]);
		if (row->type != YAML_SEQUENCE_NODE)
			return at(in, row, "row %d of \"cells\" must be a list of grade ids", l + 1);
		for (yaml_node_item_t *c = row->data.sequence.items.start; c < row->data.sequence.items.top; c++, i++) {
			yaml_node_t *n = ydoc_node(in->doc, *c);
			int g;
			if (i == in->nlevels[1])
				return at(in, n, "row %d of \"cells\" has more cells than the %d impact levels", l + 1, in->nlevels[1]);
			if ((g = grade_index(in, n)) < 0)
				return at(in, n, "\"%s\" is not a grade id of this model",
				          n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : "?");
			in->cells[l][i] = g;
			used[g] = 1;
		}
		if (i != in->nlevels[1])
			return at(in, row, "row %d of \"cells\" has %d cells, not %d (one per impact level)", l + 1, i,
			          in->nlevels[1]);
	}
	if (l != in->nlevels[0])
		return at(in, seq, "\"cells\" has %d rows, not %d (one per likelihood level)", l, in->nlevels[0]);
	for (int g = 0; g < in->ngrades; g++)
		if (!used[g])
			return at(in, in->grades[g].node, "grade \"%s\" is in no cell", in->grades[g].id);
	return CAMPAIGN_OK;
}

/* Every point must reach some grade: the lowest threshold is at most the least possible score. */
static int check_thresholds(model_in *in, yaml_node_t *root)
{
	long least = 0;
	grade_in *last = &in->grades[in->ngrades - 1];
	int any_override = 0;
	for (int i = 0; i < in->ninputs; i++) {
		least += in->kind == KIND_WEIGHTED ? (long)in->inputs[i].weight * in->inputs[i].min : 0;
		any_override |= in->inputs[i].override;
	}
	if (last->min > least)
		return at(in, last->node, "the lowest grade \"%s\" starts at %d, above the least possible %s %ld: "
		          "some points would get no grade", last->id, last->min,
		          in->kind == KIND_WEIGHTED ? "score" : "count", least);
	(void)root;
	(void)any_override;
	return CAMPAIGN_OK;
}

static int read_head(model_in *in, yaml_node_t *root, yaml_node_t *head)
{
	static const char *const keys[] = {"id", "kind", "name", "default", NULL};
	yaml_node_t *v[4] = {0};
	const char *kind;
	int rc, k;
	if (!head)
		return at(in, root, "\"model\" is required (id, kind, name)");
	if ((rc = read_map(in, head, "model", keys, v)) || (rc = text(in, head, v[0], "id", 1, &in->id)) ||
	    (rc = text(in, head, v[1], "kind", 1, &kind)) || (rc = text(in, head, v[2], "name", 1, &in->name)) ||
	    (rc = boolean(in, v[3], "default", &in->is_default)))
		return rc;
	if (strchr(in->id, '@') || strchr(in->id, '/'))
		return at(in, v[0], "model id \"%s\" may not contain '@' or '/'", in->id);
	for (k = 0; KINDS[k] && strcmp(KINDS[k], kind); k++)
		;
	if (!KINDS[k])
		return at(in, v[1], "kind \"%s\" is not one of matrix, weighted, criteria", kind);
	in->kind = k;
	return CAMPAIGN_OK;
}

static int read_model(model_in *in)
{
	static const char *const keys[] = {"format", "model", "grades", "likelihood", "impact", "cells", "factors",
	                                   "criteria", NULL};
	enum { K_FORMAT, K_MODEL, K_GRADES, K_LIKELIHOOD, K_IMPACT, K_CELLS, K_FACTORS, K_CRITERIA };
	yaml_node_t *root = ydoc_root(in->doc), *v[8] = {0};
	int rc;
	if (!root || root->type != YAML_MAPPING_NODE)
		return error_set_at(CAMPAIGN_EINVALID, in->file, 1, 1, "a model file is a mapping with format, model, grades");
	if ((rc = read_map(in, root, "the model file", keys, v)))
		return rc;
	if (!v[K_FORMAT] || v[K_FORMAT]->type != YAML_SCALAR_NODE || strcmp((char *)v[K_FORMAT]->data.scalar.value, "1"))
		return at(in, v[K_FORMAT] ? v[K_FORMAT] : root, "format: 1 is required");
	if ((rc = read_head(in, root, v[K_MODEL])) || (rc = read_grades(in, root, v[K_GRADES])))
		return rc;
	if (in->kind == KIND_MATRIX) {
		yaml_node_t *extra = v[K_FACTORS] ? v[K_FACTORS] : v[K_CRITERIA];
		if (extra)
			return at(in, extra, "a matrix model has no factors or criteria");
		in->inputs[0] = (input_in){"likelihood", "可能性", 0, 1, 0, 0};
		in->inputs[1] = (input_in){"impact", "危害程度", 0, 1, 0, 0};
		in->ninputs = 2;
		if ((rc = read_levels(in, root, v[K_LIKELIHOOD], 0)) || (rc = read_levels(in, root, v[K_IMPACT], 1)))
			return rc;
		in->inputs[0].max = in->nlevels[0];
		in->inputs[1].max = in->nlevels[1];
		return read_cells(in, root, v[K_CELLS]);
	}
	if (v[K_LIKELIHOOD] || v[K_IMPACT] || v[K_CELLS])
		return at(in, v[K_LIKELIHOOD] ? v[K_LIKELIHOOD] : v[K_IMPACT] ? v[K_IMPACT] : v[K_CELLS],
		          "only a matrix model has likelihood, impact and cells");
	if (in->kind == KIND_WEIGHTED && v[K_CRITERIA])
		return at(in, v[K_CRITERIA], "a weighted model has factors, not criteria");
	if (in->kind == KIND_CRITERIA && v[K_FACTORS])
		return at(in, v[K_FACTORS], "a criteria model has criteria, not factors");
	if ((rc = read_inputs(in, root, in->kind == KIND_WEIGHTED ? v[K_FACTORS] : v[K_CRITERIA],
	                      in->kind == KIND_WEIGHTED ? "factors" : "criteria")))
		return rc;
	return check_thresholds(in, root);
}

/* ---- storing ---- */

/* SHA-256 over the content, fields length-prefixed. */
static int digest(const model_in *in, char out[65])
{
	struct campaign_buf b = {0};
	int rc = buf_printf(&b, "%d|%zu:%s|", in->kind, strlen(in->name), in->name);
	for (int g = 0; !rc && g < in->ngrades; g++) {
		const grade_in *x = &in->grades[g];
		rc = buf_printf(&b, "g%zu:%s|%zu:%s|%zu:%s|%d|%s|%d|%d|", strlen(x->id), x->id, strlen(x->label), x->label,
		                strlen(x->owner_level), x->owner_level, x->review_days, x->color, x->has_min, x->min);
	}
	for (int i = 0; !rc && i < in->ninputs; i++) {
		const input_in *x = &in->inputs[i];
		rc = buf_printf(&b, "i%zu:%s|%zu:%s|%d|%d|%d|%d|", strlen(x->id), x->id, strlen(x->name), x->name, x->weight,
		                x->min, x->max, x->override);
	}
	for (int a = 0; !rc && a < 2; a++)
		for (int l = 0; !rc && l < in->nlevels[a]; l++)
			rc = buf_printf(&b, "l%d:%zu:%s|", a, strlen(in->levels[a][l]), in->levels[a][l]);
	for (int l = 0; !rc && l < in->nlevels[0]; l++)
		for (int i = 0; !rc && i < in->nlevels[1]; i++)
			rc = buf_printf(&b, "c%d|", in->cells[l][i]);
	if (rc)
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	return doc_digest_end(&b, rc, out);
}

static const char SQL_LATEST[] =
	"SELECT version, digest FROM risk_model WHERE campaign = ?1 AND id = ?2 ORDER BY version DESC LIMIT 1";
static const char SQL_MODEL_INSERT[] =
	"INSERT INTO risk_model (campaign, id, version, kind, name, digest, imported_by, imported_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_GRADE_INSERT[] =
	"INSERT INTO risk_grade (model, id, rank, label, owner_level, review_days, color) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_THRESHOLD_INSERT[] = "INSERT INTO risk_model_threshold (model, grade, min) VALUES (?1, ?2, ?3)";
static const char SQL_INPUT_INSERT[] =
	"INSERT INTO risk_model_input (model, id, ord, name, weight, min, max, override) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_LEVEL_INSERT[] = "INSERT INTO risk_model_level (model, input, level, label) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_CELL_INSERT[] =
	"INSERT INTO risk_model_cell (model, likelihood, impact, grade) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_DEFAULT_GET[] = "SELECT model FROM risk_model_default WHERE campaign = ?1";
static const char SQL_DEFAULT_SET[] =
	"INSERT INTO risk_model_default (campaign, model) VALUES (?1, ?2) "
	"ON CONFLICT (campaign) DO UPDATE SET model = excluded.model";

static int store_grades(campaign_db *db, sqlite3_int64 mrid, const model_in *in, sqlite3_int64 *grids)
{
	int rc;
	for (int g = 0; g < in->ngrades; g++) {
		const grade_in *x = &in->grades[g];
		if ((rc = stmt_run(NULL, db, SQL_GRADE_INSERT, "cannot store a grade", "Itittit", mrid, x->id, g + 1, x->label,
		                   x->owner_level, x->review_days, x->color)))
			return rc;
		grids[g] = sqlite3_last_insert_rowid(db->sql);
		if (x->has_min &&
		    (rc = stmt_run(NULL, db, SQL_THRESHOLD_INSERT, "cannot store a threshold", "IIi", mrid, grids[g], x->min)))
			return rc;
	}
	return CAMPAIGN_OK;
}

static int store_inputs(campaign_db *db, sqlite3_int64 mrid, const model_in *in)
{
	const int weighted = in->kind == KIND_WEIGHTED;
	int rc;
	for (int i = 0; i < in->ninputs; i++) {
		const input_in *x = &in->inputs[i];
		/* a weight only in a weighted model: elsewhere NULL, as a row id 0 binds NULL */
		if ((rc = stmt_run(NULL, db, SQL_INPUT_INSERT, "cannot store a model input", weighted ? "ItitIiii" : "Ititriii",
		                   mrid, x->id, i + 1, x->name, (sqlite3_int64)(weighted ? x->weight : 0), x->min, x->max,
		                   x->override)))
			return rc;
	}
	return CAMPAIGN_OK;
}

static int store_matrix(campaign_db *db, sqlite3_int64 mrid, const model_in *in, const sqlite3_int64 *grids)
{
	int rc;
	for (int a = 0; a < 2; a++)
		for (int l = 0; l < in->nlevels[a]; l++) {
			if ((rc = stmt_run(NULL, db, SQL_LEVEL_INSERT, "cannot store a level", "Itit", mrid,
			                   a ? "impact" : "likelihood", l + 1, in->levels[a][l])))
				return rc;
		}
	for (int l = 0; l < in->nlevels[0]; l++)
		for (int i = 0; i < in->nlevels[1]; i++) {
			if ((rc = stmt_run(NULL, db, SQL_CELL_INSERT, "cannot store a cell", "IiiI", mrid, l + 1, i + 1,
			                   grids[in->cells[l][i]])))
				return rc;
		}
	return CAMPAIGN_OK;
}

/* Makes the model the default when it says so or when there is none yet. */
static int store_default(campaign_db *db, sqlite3_int64 crid, const model_in *in)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DEFAULT_GET);
	int has, rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	has = db_step_row(db, st, "cannot read the default model", &rc);
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (has && !in->is_default)
		return CAMPAIGN_OK;
	return stmt_run(NULL, db, SQL_DEFAULT_SET, "cannot set the default model", "It", crid, in->id);
}

/* Writes a new version (or nothing when unchanged); *version gets the current one. */
static int store_model(campaign_db *db, sqlite3_int64 crid, const model_in *in, const char *actor, int *version)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LATEST);
	sqlite3_int64 mrid, grids[GRADES_MAX];
	char hash[65], now[21];
	int rc;
	if (!st || (rc = digest(in, hash)))
		return st ? rc : campaign_error_code_last();
	if ((rc = doc_version_latest(st, crid, in->id, hash, version)))
		return rc < 0 ? rc : store_default(db, crid, in);
	++*version;
	db_now(now);
	if ((rc = stmt_run(NULL, db, SQL_MODEL_INSERT, "cannot store the model", "Itittttt", crid, in->id, *version,
	                   KINDS[in->kind], in->name, hash, actor, now)))
		return rc;
	mrid = sqlite3_last_insert_rowid(db->sql);
	if ((rc = store_grades(db, mrid, in, grids)) || (rc = store_inputs(db, mrid, in)) ||
	    (in->kind == KIND_MATRIX && (rc = store_matrix(db, mrid, in, grids))))
		return rc;
	return store_default(db, crid, in);
}

static int model_read(void *in, ydoc *doc, const char *file, campaign_db *db)
{
	model_in *m = in;
	(void)db;
	m->file = file;
	m->doc = doc;
	return read_model(m);
}

static int model_store(write_op *op, void *in, int *version)
{
	return store_model(op->db, op->crid, in, op->actor, version);
}

static const doc_version_schema MODEL_DOC = {
	.operation = "risk.model.import", .size = sizeof(model_in), .id_at = offsetof(model_in, id),
	.read = model_read, .store = model_store};

DOC_VERSION_IMPORT_FUNCTIONS(campaign_risk_model_import, MODEL_DOC)

/* ---- resolving and the default ---- */

static const char SQL_MODEL_REF[] =
	"SELECT rid FROM risk_model WHERE campaign = ?1 AND id = ?2 AND (?3 = 0 AND version = "
	"(SELECT max(version) FROM risk_model WHERE campaign = ?1 AND id = ?2) OR version = ?3)";

int risk_model_resolve(campaign_db *db, sqlite3_int64 crid, const char *ref, sqlite3_int64 *rid)
{
	char id[256];
	const char *atv;
	long version = 0;
	sqlite3_stmt *st;
	int rc;
	if (!ref || !*ref) {
		if (!(st = db_stmt(db, SQL_DEFAULT_GET)))
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, crid);
		rc = CAMPAIGN_OK;
		if (db_step_row(db, st, "cannot read the default model", &rc))
			column_copy(st, 0, id, sizeof id);
		else if (!rc)
			rc = error_set(CAMPAIGN_ENOTFOUND, "the campaign has no grading model: import one first");
		sqlite3_reset(st);
		if (rc)
			return rc;
	} else {
		size_t n = (atv = strchr(ref, '@')) ? (size_t)(atv - ref) : strlen(ref);
		if (n == 0 || n >= sizeof id)
			return error_set(CAMPAIGN_EINVALID, "model \"%s\" is not \"id\" or \"id@version\"", ref);
		memcpy(id, ref, n);
		id[n] = '\0';
		if (atv) {
			char *end;
			version = strtol(atv + 1, &end, 10);
			if (*end || end == atv + 1 || version < 1)
				return error_set(CAMPAIGN_EINVALID, "model \"%s\": the version is not a number", ref);
		}
	}
	if (!(st = db_stmt(db, SQL_MODEL_REF)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, crid);
	bind_copy(st, 2, id, -1);
	sqlite3_bind_int64(st, 3, version);
	rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*rid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return CAMPAIGN_OK;
	return rc == SQLITE_DONE ? error_set(CAMPAIGN_ENOTFOUND, "no grading model \"%s\"", ref ? ref : id)
	                         : error_from_sqlite(db->sql, rc, "cannot look up the model");
}

static int default_check(void *ctx)
{
	const char *model = ctx;
	int rc = need(model, "the model");
	if (!rc && strchr(model, '@'))
		rc = error_set(CAMPAIGN_EINVALID, "the default is a model id (its newest version grades), not \"%s\"", model);
	return rc;
}

static int default_body(write_op *op, void *ctx)
{
	const char *model = ctx;
	sqlite3_int64 mrid;
	int rc;
	if ((rc = risk_model_resolve(op->db, op->crid, model, &mrid)))
		return rc;
	return stmt_run(NULL, op->db, SQL_DEFAULT_SET, "cannot set the default model", "It", op->crid, model);
}

int campaign_risk_model_set_default(campaign_db *db, const char *campaign, const char *model, const char *actor)
{
	write_op op = {.name = "risk.model.default", .actor = actor, .campaign = campaign, .object = model,
	               .access = ACCESS_PLAN, .check = default_check, .body = default_body};
	return db_write(db, &op, (void *)model, NULL);
}

/* ---- queries ---- */

int campaign_risk_models_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return risk_query(
		out, db, campaign,
		"SELECT m.id, m.version, m.kind, m.name, (SELECT count(*) FROM risk_grade g WHERE g.model = m.rid) AS grades, "
		"m.version = (SELECT max(version) FROM risk_model x WHERE x.campaign = m.campaign AND x.id = m.id) AS current, "
		"coalesce(d.model = m.id, 0) AS is_default, m.imported_by, m.imported_at FROM risk_model m "
		"LEFT JOIN risk_model_default d ON d.campaign = m.campaign WHERE m.campaign = ?1 ORDER BY m.id, m.version",
		"tittiiitt", RISK_ALL, NULL);
}

int campaign_risk_model_grades_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *model)
{
	return risk_query(out, db, campaign,
	                  "SELECT m.id AS model, m.version, g.id, g.rank, g.label, g.owner_level, g.review_days, g.color, "
	                  "t.min FROM risk_model m JOIN risk_grade g ON g.model = m.rid "
	                  "LEFT JOIN risk_model_threshold t ON t.model = m.rid AND t.grade = g.rid "
	                  "WHERE m.campaign = ?1 AND m.rid = ?2 ORDER BY g.rank",
	                  "titittiti", RISK_MODEL, model);
}

int campaign_risk_model_inputs_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *model)
{
	return risk_query(out, db, campaign,
	                  "SELECT m.id AS model, m.version, i.id, i.name, i.weight, i.min, i.max, i.override, "
	                  "(SELECT group_concat(level || ' ' || label, '、') FROM (SELECT level, label FROM risk_model_level l "
	                  "WHERE l.model = m.rid AND l.input = i.id ORDER BY level)) AS levels "
	                  "FROM risk_model m JOIN risk_model_input i ON i.model = m.rid "
	                  "WHERE m.campaign = ?1 AND m.rid = ?2 ORDER BY i.ord",
	                  "tittiiiit", RISK_MODEL, model);
}
