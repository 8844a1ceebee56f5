/* The one YAML reader (libcampaign/io/yaml.c): hostile nesting refused in
 * milliseconds by every YAML document loader, unknown keys, typed getters
 * and the file:line:column of every error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "testutil.h"
#include "core/core.h"
#include "io/io.h"

/* @n opening brackets then @n closing ones, a flow list nested @n deep. */
static char *deep(size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	char *s = malloc(k + 2 * n + 2);
	assert_non_null(s);
	memcpy(s, prefix, k);
	memset(s + k, '[', n);
	memset(s + k + n, ']', n);
	strcpy(s + k + 2 * n, "\n");
	return s;
}

static double seconds_since(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/* The reader itself: 20,000 and 100,000 deep, in well under a second. */
static void test_deep_refused_fast(void **state)
{
	size_t sizes[] = {20000, 100000};
	(void)state;
	for (size_t i = 0; i < 2; i++) {
		char *text = deep(sizes[i], "");
		clock_t t0 = clock();
		ydoc d;
		assert_int_equal(ydoc_load(&d, "deep.yaml", text, strlen(text)), CAMPAIGN_EINVALID);
		assert_true(seconds_since(t0) < 0.5);
		assert_string_equal(campaign_error_message(), "deep.yaml:1:65: nested deeper than 64 levels");
		assert_int_equal(campaign_error_line(), 1);
		assert_int_equal(campaign_error_column(), 65);
		free(text);
	}
}

/* 64 levels are fine; mappings count as levels too. */
static void test_depth_limit_exact(void **state)
{
	char *ok = deep(64, ""), *maps = malloc(65 * 4 + 65 + 2);
	ydoc d;
	size_t n = 0;
	(void)state;
	assert_int_equal(ydoc_load(&d, "ok.yaml", ok, strlen(ok)), CAMPAIGN_OK);
	ydoc_free(&d);
	for (int i = 0; i < 65; i++)
		n += (size_t)sprintf(maps + n, "{a: ");
	maps[n++] = '1';
	for (int i = 0; i < 65; i++)
		maps[n++] = '}';
	maps[n] = '\0';
	assert_int_equal(ydoc_load(&d, "maps.yaml", maps, n), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "maps.yaml:1:257: nested deeper than 64 levels");
	free(ok);
	free(maps);
}

/* Every YAML document loader goes through the reader: a hostile file is refused fast, with the position. */
static void test_every_loader_refuses_deep(void **state)
{
	campaign_db *db = open_seed();
	char *text = deep(100000, "format: 1\nx: ");
	clock_t t0 = clock();
	(void)state;
	assert_int_equal(campaign_plan_import_string(db, text, "p.yaml", "office", NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "p.yaml:2:67: nested deeper than 64 levels");
	assert_int_equal(campaign_risk_model_import_string(db, NULL, text, "m.yaml", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "m.yaml:2:67: nested deeper than 64 levels");
	assert_int_equal(campaign_catalogue_import_string(db, NULL, text, "c.yaml", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "c.yaml:2:67: nested deeper than 64 levels");
	assert_int_equal(campaign_rules_import_string(db, NULL, text, "r.yaml", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "r.yaml:2:67: nested deeper than 64 levels");
	assert_int_equal(campaign_people_import_string(db, NULL, text, "people.yaml", NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "people.yaml:2:67: nested deeper than 64 levels");
	free(text);
	text = deep(100000, "- ");
	assert_int_equal(campaign_findings_import_string(db, NULL, text, "f.yaml", NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "f.yaml:1:66: nested deeper than 64 levels");
	assert_true(seconds_since(t0) < 2.0);
	free(text);
	campaign_close(db);
}

static void load(ydoc *d, const char *text)
{
	assert_int_equal(ydoc_load(d, "t.yaml", text, strlen(text)), CAMPAIGN_OK);
}

static void test_unknown_key_and_twice(void **state)
{
	static const char *const keys[] = {"id", "name", NULL};
	ydoc d;
	(void)state;
	load(&d, "id: a\nname: b\ncolour: red\n");
	assert_int_equal(ydoc_check_keys(&d, ydoc_root(&d), "unit u", keys), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:3:1: unit u: unknown key \"colour\"");
	ydoc_free(&d);
	load(&d, "id: a\n  \nid: b\n");
	assert_int_equal(ydoc_check_keys(&d, ydoc_root(&d), "unit u", keys), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:3:1: unit u: key \"id\" given twice");
	ydoc_free(&d);
}

static void test_typed_getters(void **state)
{
	ydoc d;
	yaml_node_t *root, *list;
	const char *s;
	long n;
	int b;
	(void)state;
	load(&d, "text: 中文\nn: 42\nbad: 4x\nflag: yes\nday: 2010-02-30\nlist: [1, 2]\nmap: {a: 1}\nnone: ~\n");
	root = ydoc_root(&d);
	assert_int_equal(ydoc_string(&d, root, "x", "text", 1, &s), CAMPAIGN_OK);
	assert_string_equal(s, "中文");
	assert_int_equal(ydoc_string(&d, root, "x", "list", 1, &s), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:6:7: x: \"list\" must be text, not a list");
	assert_int_equal(ydoc_string(&d, root, "x", "none", 1, &s), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:8:7: x: \"none\" is required");
	assert_int_equal(ydoc_string(&d, root, "x", "absent", 0, &s), CAMPAIGN_OK);
	assert_null(s);
	assert_int_equal(ydoc_int(&d, root, "x", "n", 0, 100, 1, &n), CAMPAIGN_OK);
	assert_int_equal(n, 42);
	assert_int_equal(ydoc_int(&d, root, "x", "n", 0, 10, 1, &n), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:2:4: x: \"n\" must be a whole number 0..10, not \"42\"");
	assert_int_equal(ydoc_int(&d, root, "x", "bad", 0, 10, 1, &n), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_error_line(), 3);
	assert_int_equal(ydoc_bool(&d, root, "x", "flag", &b), CAMPAIGN_OK);
	assert_int_equal(b, 1);
	assert_int_equal(ydoc_bool(&d, root, "x", "text", &b), CAMPAIGN_EINVALID);
	assert_int_equal(ydoc_date(&d, root, "x", "day", 1, &s), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:5:6: x: \"day\" is not a date (YYYY-MM-DD): \"2010-02-30\"");
	assert_int_equal(ydoc_list(&d, root, "x", "list", 1, &list), CAMPAIGN_OK);
	assert_int_equal(list->data.sequence.items.top - list->data.sequence.items.start, 2);
	assert_int_equal(ydoc_list(&d, root, "x", "map", 1, &list), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:7:6: x: \"map\" must be a list, not a mapping");
	assert_int_equal(ydoc_map(&d, root, "x", "map", 1, &list), CAMPAIGN_OK);
	ydoc_free(&d);
}

static void test_positions_of_bad_text(void **state)
{
	ydoc d;
	(void)state;
	assert_int_equal(ydoc_load(&d, "t.yaml", "a: 1\nb: [\n", 10), CAMPAIGN_EINVALID);
	assert_memory_equal(campaign_error_message(), "t.yaml:3:1: not valid YAML: ", 28);
	assert_int_equal(ydoc_load(&d, "t.yaml", "a: 1\nb: \"x\xffy\"\n", 13), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "t.yaml:2:6: invalid UTF-8 (byte 0xff)");
	assert_int_equal(ydoc_load(&d, NULL, "", 0), CAMPAIGN_OK);
	assert_null(ydoc_root(&d));
	ydoc_free(&d);
}

TEST_MAIN("yaml",
          cmocka_unit_test(test_deep_refused_fast),
          cmocka_unit_test(test_depth_limit_exact),
          cmocka_unit_test(test_every_loader_refuses_deep),
          cmocka_unit_test(test_unknown_key_and_twice),
          cmocka_unit_test(test_typed_getters),
          cmocka_unit_test(test_positions_of_bad_text))
