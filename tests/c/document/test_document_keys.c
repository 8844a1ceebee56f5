/* Plan documents of other bureaus and notations (issue 21, item 4): each one's
 * draft, imported, equals the plan written by hand from its text (the .yaml
 * beside it): measures with their lead and supporting units (by name),
 * outcomes with deadlines, phases and milestones with their owing units. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define DOC(f) CAMPAIGN_SOURCE_DIR "/tests/data/document/" f

static campaign_db *load(const char *yaml)
{
	campaign_db *db = open_memory();
	int rc = campaign_plan_import_string(db, yaml, "<plan>", "tester", NULL);
	if (rc)
		fprintf(stderr, "import: %s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
	return db;
}

static campaign_db *draft(const char *name, char **report)
{
	char path[512];
	campaign_buf *yaml = NULL, *rep = NULL;
	snprintf(path, sizeof path, DOC("%s.txt"), name);
	assert_int_equal(campaign_plan_from_document(&yaml, &rep, path, NULL), CAMPAIGN_OK);
	campaign_db *db = load(campaign_buf_data(yaml));
	*report = strdup(campaign_buf_data(rep));
	campaign_buf_free(yaml), campaign_buf_free(rep);
	return db;
}

static campaign_db *hand(const char *name)
{
	char path[512];
	FILE *f;
	static char text[65536];
	size_t n;
	snprintf(path, sizeof path, DOC("%s.yaml"), name);
	assert_non_null(f = fopen(path, "rb"));
	n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = 0;
	return load(text);
}

/* The name of unit or group @id of @db. */
static const char *name_of(campaign_db *db, const char *id)
{
	static char out[8][256];
	static int k;
	char *o = out[k++ & 7];
	campaign_cursor *c;
	snprintf(o, 256, "%s", id);
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "id"), id))
			snprintf(o, 256, "%s", campaign_cursor_get(c, "name"));
	campaign_cursor_free(c);
	assert_int_equal(campaign_unit_groups_query(&c, db, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "id"), id))
			snprintf(o, 256, "%s", campaign_cursor_get(c, "name"));
	campaign_cursor_free(c);
	return o;
}

/* "role name|..." for every responsibility of @measure. */
static void resp_of(campaign_db *db, const char *measure, char *o, size_t cap)
{
	campaign_cursor *c;
	o[0] = 0;
	assert_int_equal(campaign_responsibilities_query(&c, db, NULL, measure), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *u = campaign_cursor_get(c, "unit");
		snprintf(o + strlen(o), cap - strlen(o), "%s %s|", campaign_cursor_get(c, "role"),
		         name_of(db, u ? u : campaign_cursor_get(c, "unit_group")));
	}
	campaign_cursor_free(c);
}

/* One row of each cursor at a time: equal in @cols, and the owner (@owner column) equal by name. */
static int same(campaign_db *hd, campaign_cursor *h, campaign_db *dd, campaign_cursor *c, const char *const *cols,
                int resp)
{
	int n = 0;
	char a[2048], b[2048];
	while (campaign_cursor_next(h) == CAMPAIGN_OK) {
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
		for (int i = 0; cols[i]; i++) {
			const char *x = campaign_cursor_get(h, cols[i]), *y = campaign_cursor_get(c, cols[i]);
			assert_string_equal(y ? y : "NULL", x ? x : "NULL");
		}
		if (resp == 1) {
			resp_of(hd, campaign_cursor_get(h, "id"), a, sizeof a);
			resp_of(dd, campaign_cursor_get(c, "id"), b, sizeof b);
			assert_string_equal(b, a);
		} else if (resp == 2) {
			const char *x = campaign_cursor_get(h, "unit"), *y = campaign_cursor_get(c, "unit");
			assert_string_equal(name_of(dd, y ? y : campaign_cursor_get(c, "unit_group")),
			                    name_of(hd, x ? x : campaign_cursor_get(h, "unit_group")));
		}
		n++;
	}
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(h), campaign_cursor_free(c);
	return n;
}

/* @name's draft equals its hand-written plan; the counts of measures, outcomes, phases and milestones. */
static char *keys_equal(const char *name, int measures, int outcomes, int phases, int milestones)
{
	static const char *const mcols[] = {"id", "text", NULL}, *const ocols[] = {"id", "text", "deadline_text", NULL},
	                         *const pcols[] = {"id", "name", "period_text", NULL},
	                         *const scols[] = {"id", "text", "deadline_text", NULL};
	char *report;
	campaign_db *h = hand(name), *d = draft(name, &report);
	campaign_cursor *a, *b;
	assert_int_equal(campaign_measures_query(&a, h, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_measures_query(&b, d, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(same(h, a, d, b, mcols, 1), measures);
	assert_int_equal(campaign_outcomes_query(&a, h, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_outcomes_query(&b, d, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(same(h, a, d, b, ocols, 0), outcomes);
	assert_int_equal(campaign_phases_query(&a, h, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_phases_query(&b, d, NULL), CAMPAIGN_OK);
	assert_int_equal(same(h, a, d, b, pcols, 0), phases);
	assert_int_equal(campaign_milestones_query(&a, h, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_milestones_query(&b, d, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(same(h, a, d, b, scols, 2), milestones);
	campaign_close(h), campaign_close(d);
	return report;
}

/* 牵头单位:X;配合单位:Y on its own line, a heading's (6月底前完成), ASCII [牵头单位:X;责任单位:Y], 由X牵头,Y配合. */
static void test_road(void **state)
{
	char *r = keys_equal("road-2011", 5, 3, 3, 2);
	(void)state;
	assert_non_null(strstr(r, "outcome t1.1.o1 takes its task's deadline 6月底前完成"));
	assert_non_null(strstr(r, "## Lines not placed\n(none)\n"));
	free(r);
}

/* Work steps only: phases and milestones owed by the sentence's subject, no measure. */
static void test_forestry_steps_only(void **state)
{
	char *r = keys_equal("forestry-steps", 0, 0, 3, 3);
	(void)state;
	assert_non_null(strstr(r, "0 measures"));
	assert_non_null(strstr(r, "## Lines not placed\n(none)\n"));
	free(r);
}

/* No period line (the span of the phases taken); 人力资源和社会保障局 one name among supports;
 * a sentence before the first task is named as not placed. */
static void test_water(void **state)
{
	char *r = keys_equal("water-2014", 4, 2, 3, 2);
	(void)state;
	assert_non_null(strstr(r, "## Lines not placed\nL3: 本部分任务按科室职责分解如下。\n\n"));
	assert_non_null(strstr(r, "no campaign period line: the phases' span 2014年4月至2014年12月 taken"));
	free(r);
}

/* An excerpt (no 一、 above (二)): no parent invented; 财政局和审计局 two units; "DATE为NAME阶段,X完成…". */
static void test_hrss_excerpt(void **state)
{
	char *r = keys_equal("hrss-excerpt", 3, 2, 2, 2);
	(void)state;
	assert_non_null(strstr(r, "L2: a task heading before any part heading: an excerpt, no parent invented"));
	assert_non_null(strstr(r, "milestone \"各科室完成自查整改\" has no date: due at its phase's end, 2011年6月"));
	free(r);
}

/* 主要措施:(1)…(2)…(3)… then (责任单位:A、B、C): all three lead all three; 2、NAME(DATE--DATE) phases. */
static void test_health(void **state)
{
	char *r = keys_equal("health-2013", 5, 2, 3, 0);
	(void)state;
	assert_non_null(strstr(r, "L4: 3 items run together on one line, split at their numbers"));
	assert_non_null(strstr(r, "## Lines not placed\n(none)\n"));
	free(r);
}

TEST_MAIN("document_keys", cmocka_unit_test(test_road), cmocka_unit_test(test_forestry_steps_only),
          cmocka_unit_test(test_water), cmocka_unit_test(test_hrss_excerpt), cmocka_unit_test(test_health))
