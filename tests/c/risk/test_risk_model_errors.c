/* Grading model files that are refused (issue 18, coverage): every check of
 * risk/risk_model.c met once, with its exact message and position, and the
 * store unchanged by a refused file (no model, no version, no log entry). */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

#define HEAD "format: 1\nmodel: {id: m, kind: matrix, name: 矩阵}\n"
#define G3 "grades:\n  - {id: \"1\", label: 一级, owner_level: 一级, review_days: 90, color: red}\n" \
           "  - {id: \"2\", label: 二级, owner_level: 二级, review_days: 180, color: yellow}\n"
#define LEVELS "likelihood: [低, 高]\nimpact: [轻, 重]\n"
#define CELLS "cells:\n  - [\"2\", \"2\"]\n  - [\"2\", \"1\"]\n"
#define WHEAD "format: 1\nmodel: {id: w, kind: weighted, name: 加权}\n"
#define WGRADES "grades:\n  - {id: a, label: 高, owner_level: 一级, review_days: 90, color: red, min: 10}\n" \
                "  - {id: b, label: 低, owner_level: 二级, review_days: 180, color: blue, min: 0}\n"
#define CHEAD "format: 1\nmodel: {id: c, kind: criteria, name: 计数}\n"

static long long count_of(campaign_db *db, int (*q)(campaign_cursor **, campaign_db *, const char *))
{
	campaign_cursor *c;
	long long n = 0;
	assert_int_equal(q(&c, db, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n++;
	campaign_cursor_free(c);
	return n;
}

/* @yaml is refused with EINVALID and @want; nothing is written */
static void refused(campaign_db *db, const char *yaml, const char *want)
{
	long long models = count_of(db, campaign_risk_models_query), log = audit_entries(db);
	int rc = campaign_risk_model_import_string(db, NULL, yaml, "m.yaml", "office");
	refusal_check(rc, CAMPAIGN_EINVALID, want);
	assert_int_equal(count_of(db, campaign_risk_models_query), models);
	assert_int_equal(audit_entries(db), log);
}

static void test_file_shape(void **state)
{
	campaign_db *db = *state;
	refused(db, "- a\n- b\n", "m.yaml:1:1: a model file is a mapping with format, model, grades");
	refused(db, "format: 2\n", "m.yaml:1:9: format: 1 is required");
	refused(db, "model: {id: m}\n", "m.yaml:1:1: format: 1 is required");
	refused(db, "format: 1\ncolour: red\n", "m.yaml:2:1: the model file: unknown key \"colour\"");
	refused(db, "format: 1\nformat: 1\n", "m.yaml:2:1: the model file: \"format\" given twice");
	refused(db, "format: 1\n", "m.yaml:1:1: \"model\" is required (id, kind, name)");
	refused(db, "format: 1\nmodel: {id: m, kind: matrix}\n", "m.yaml:2:8: \"name\" is required");
	refused(db, "format: 1\nmodel: {id: m, kind: matrix, name: \"\"}\n", "m.yaml:2:36: \"name\" must be non-empty text");
	refused(db, "format: 1\nmodel: {id: m@2, kind: matrix, name: x}\n",
	        "m.yaml:2:13: model id \"m@2\" may not contain '@' or '/'");
	refused(db, "format: 1\nmodel: {id: m, kind: tree, name: x}\n",
	        "m.yaml:2:22: kind \"tree\" is not one of matrix, weighted, criteria");
	refused(db, "format: 1\nmodel: {id: m, kind: matrix, name: x, default: maybe}\n",
	        "m.yaml:2:48: \"default\" must be true or false");
	refused(db, HEAD, "m.yaml:1:1: \"grades\" is required");
}

static void test_grades(void **state)
{
	campaign_db *db = *state;
	refused(db, HEAD "grades:\n  - {id: \"a b\", label: x, owner_level: x, review_days: 1, color: red}\n",
	        "m.yaml:4:10: grade id \"a b\": use letters, digits, '_' and '-'");
	refused(db, HEAD "grades:\n  - {id: a, label: x, owner_level: x, review_days: soon, color: red}\n",
	        "m.yaml:4:52: \"review_days\" must be a whole number, not \"soon\"");
	refused(db, HEAD "grades:\n  - {id: a, label: x, owner_level: x, review_days: [1], color: red}\n",
	        "m.yaml:4:52: \"review_days\" must be a whole number");
	refused(db, HEAD "grades:\n  - {id: a, label: x, owner_level: x, color: red}\n",
	        "m.yaml:4:5: \"review_days\" is required");
	refused(db, HEAD "grades:\n  - {id: a, label: x, owner_level: x, review_days: 0, color: red}\n",
	        "m.yaml:4:52: \"review_days\" must be 1..3660, not 0");
	refused(db, HEAD "grades:\n  - {id: a, label: x, owner_level: x, review_days: 1, color: red}\n"
	                 "  - {id: a, label: y, owner_level: x, review_days: 1, color: red}\n",
	        "m.yaml:5:5: duplicate grade \"a\"");
	refused(db, HEAD "grades:\n  - {id: a, label: x, owner_level: x, review_days: 1, color: red, min: 3}\n",
	        "m.yaml:4:72: a matrix grade has no \"min\": its cells say where it applies");
	refused(db, WHEAD "grades:\n  - {id: a, label: x, owner_level: x, review_days: 1, color: red}\n",
	        "m.yaml:4:5: grade \"a\" needs \"min\" (the score it starts at)");
	refused(db, WHEAD "grades:\n  - {id: a, label: x, owner_level: x, review_days: 1, color: red, min: 1}\n"
	                  "  - {id: b, label: y, owner_level: x, review_days: 1, color: red, min: 5}\n",
	        "m.yaml:5:72: grades go from the top down: min 5 must be below the previous grade's 1");
	{
		char yaml[4096] = HEAD "grades:\n";
		for (int i = 0; i < 11; i++)
			snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml),
			         "  - {id: g%d, label: x%d, owner_level: x, review_days: 1, color: red}\n", i, i);
		refused(db, yaml, "m.yaml:14:5: too many grades (at most 10)");
	}
}

static void test_matrix(void **state)
{
	campaign_db *db = *state;
	refused(db, HEAD G3 "factors: [a]\n", "m.yaml:6:10: a matrix model has no factors or criteria");
	refused(db, HEAD G3, "m.yaml:1:1: a matrix model needs \"likelihood\": its levels' labels, lowest first");
	refused(db, HEAD G3 "likelihood: 低\n", "m.yaml:6:13: \"likelihood\" must be a list of labels, lowest first");
	refused(db, HEAD G3 "likelihood: [低]\nimpact: [轻, 重]\n", "m.yaml:6:13: \"likelihood\" needs at least 2 levels");
	refused(db, HEAD G3 "likelihood: [[低], 高]\n", "m.yaml:6:14: a level of \"likelihood\" must be a label");
	refused(db, HEAD G3 "likelihood: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n",
	        "m.yaml:6:45: \"likelihood\" has more than 10 levels");
	refused(db, HEAD G3 LEVELS, "m.yaml:1:1: a matrix model needs \"cells\"");
	refused(db, HEAD G3 LEVELS "cells: x\n",
	        "m.yaml:8:8: \"cells\" must be a list of rows, one per likelihood level (1 first)");
	refused(db, HEAD G3 LEVELS "cells:\n  - [\"2\", \"2\"]\n  - [\"2\", \"1\"]\n  - [\"1\", \"1\"]\n",
	        "m.yaml:11:5: \"cells\" has more rows than the 2 likelihood levels");
	refused(db, HEAD G3 LEVELS "cells:\n  - x\n", "m.yaml:9:5: row 1 of \"cells\" must be a list of grade ids");
	refused(db, HEAD G3 LEVELS "cells:\n  - [\"2\", \"2\", \"1\"]\n",
	        "m.yaml:9:16: row 1 of \"cells\" has more cells than the 2 impact levels");
	refused(db, HEAD G3 LEVELS "cells:\n  - [\"2\", \"1\"]\n",
	        "m.yaml:9:3: \"cells\" has 1 rows, not 2 (one per likelihood level)");
	refused(db, HEAD G3 LEVELS "cells:\n  - [\"2\", \"2\"]\n  - [\"2\", \"2\"]\n",
	        "m.yaml:4:5: grade \"1\" is in no cell");
	/* the good one, once: version 1 */
	assert_int_equal(campaign_risk_model_import_string(db, NULL, HEAD G3 LEVELS CELLS, "m.yaml", "office"), 1);
}

static void test_inputs(void **state)
{
	campaign_db *db = *state;
	refused(db, WHEAD WGRADES "likelihood: [a, b]\n", "m.yaml:6:13: only a matrix model has likelihood, impact and cells");
	refused(db, WHEAD WGRADES "criteria: [a]\n", "m.yaml:6:11: a weighted model has factors, not criteria");
	refused(db, CHEAD WGRADES "factors: [a]\n", "m.yaml:6:10: a criteria model has criteria, not factors");
	refused(db, WHEAD WGRADES, "m.yaml:1:1: a weighted model needs \"factors\"");
	refused(db, WHEAD WGRADES "factors: []\n", "m.yaml:6:10: \"factors\" must be a non-empty list");
	refused(db, WHEAD WGRADES "factors:\n  - {id: p, name: 权力, weight: 2, min: 1, max: 5}\n"
	                          "  - {id: p, name: 权力, weight: 2, min: 1, max: 5}\n",
	        "m.yaml:8:10: duplicate id \"p\"");
	refused(db, WHEAD WGRADES "factors:\n  - {id: p, name: 权力, weight: 2, min: 5, max: 5}\n",
	        "m.yaml:7:47: factor \"p\": max 5 must be above min 5");
	refused(db, WHEAD WGRADES "factors:\n  - {id: \"p q\", name: 权力, weight: 2, min: 1, max: 5}\n",
	        "m.yaml:7:10: input id \"p q\": use ASCII letters, digits, '_' and '-'");
	refused(db, WHEAD WGRADES "factors:\n  - {id: "
	                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	                          ", name: 权力, weight: 2, min: 1, max: 5}\n",
	        "m.yaml:7:10: input id \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is too long");
	refused(db, WHEAD "grades:\n  - {id: a, label: 高, owner_level: 一级, review_days: 90, color: red, min: 10}\n"
	                  "  - {id: b, label: 低, owner_level: 二级, review_days: 180, color: blue, min: 3}\n"
	                  "factors:\n  - {id: p, name: 权力, weight: 2, min: 1, max: 5}\n",
	        "m.yaml:5:5: the lowest grade \"b\" starts at 3, above the least possible score 2: some points would get no grade");
	{
		char yaml[8192] = CHEAD WGRADES "criteria:\n";
		for (int i = 0; i < 33; i++)
			snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml), "  - {id: c%d, text: 要素%d}\n", i, i);
		refused(db, yaml, "m.yaml:39:5: too many criteria (at most 32)");
	}
}

static void test_model_refs(void **state)
{
	campaign_db *db = *state;
	assert_int_equal(campaign_risk_model_import_string(db, NULL, HEAD G3 LEVELS CELLS, "m.yaml", "office"), 1);
	assert_int_equal(campaign_risk_model_set_default(db, NULL, "m@1", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the default is a model id (its newest version grades), not \"m@1\"");
	assert_int_equal(campaign_risk_regrade(db, NULL, "@1", NULL, "2011-01-01", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "model \"@1\" is not \"id\" or \"id@version\"");
	assert_int_equal(campaign_risk_regrade(db, NULL, "m@x", NULL, "2011-01-01", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "model \"m@x\": the version is not a number");
	assert_int_equal(campaign_risk_regrade(db, NULL, "m@0", NULL, "2011-01-01", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "model \"m@0\": the version is not a number");
	assert_int_equal(campaign_risk_regrade(db, NULL, "m@2", NULL, "2011-01-01", "office"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "no grading model \"m@2\"");
	/* version 1 named explicitly grades (no points: none regraded) */
	assert_int_equal(campaign_risk_regrade(db, NULL, "m@1", NULL, "2011-01-01", "office"), 0);
}

/* the doors: a NULL text or path, a path that cannot be read */
static void test_doors(void **state)
{
	campaign_db *db = *state;
	assert_int_equal(campaign_risk_model_import_string(db, NULL, NULL, "m.yaml", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_risk_model_import_string: yaml is NULL");
	assert_int_equal(campaign_risk_model_import_file(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_risk_model_import_file: path is NULL");
	/* a directory opens but cannot be read */
	assert_int_equal(campaign_risk_model_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples", "office"), CAMPAIGN_EIO);
	assert_string_equal(campaign_error_message(), CAMPAIGN_SOURCE_DIR "/examples: read error");
	assert_int_equal(count_of(db, campaign_risk_models_query), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {SEED_TEST(test_file_shape), SEED_TEST(test_grades), SEED_TEST(test_matrix),
	                                   SEED_TEST(test_inputs), SEED_TEST(test_model_refs), SEED_TEST(test_doors),
	                                   cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
