/* Sites and bundles: two counties (511102 市中区, 511111 沙湾区), their city
 * (511100 乐山市) and the province (510000 四川省), from the seed plan. The
 * plan flows down, the counties' reports and findings flow up through the
 * city unchanged, and the province answers as one store holding it all would. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define ok(x) assert_int_equal((x), CAMPAIGN_OK)
#define AS_OF "2011-01-15"

enum { PROVINCE, CITY, SHIZHONG, SHAWAN, NSITES };
static const char *const CODE[] = {"510000", "511100", "511102", "511111"};
static const char *const NAME[] = {"四川省", "乐山市", "市中区", "沙湾区"};
static const char *const PARENT[] = {NULL, "510000", "511100", "511100"};
static const char *const UNIT[] = {NULL, "city", "shizhong", "shawan"};

typedef struct level {
	campaign_db *db[NSITES];
	char path[NSITES][256];
	char *key[NSITES], *pub[NSITES];
} level;

static char *buf_take(campaign_buf *b)
{
	char *s = strdup(campaign_buf_data(b));
	campaign_buf_free(b);
	return s;
}

static void open_site(level *l, int i)
{
	campaign_open_options o = CAMPAIGN_OPEN_OPTIONS_INIT;
	o.signing_key = l->key[i];
	ok(campaign_open_with(&l->db[i], l->path[i], &o));
}

static void make_sites_keys(level *l, int mesh);
static void expect_refused(level *l, int at, const char *path, const char *msg);
static void make_sites(level *l)
{
	make_sites_keys(l, 1);
}

static void add_peer(level *l, int at, int peer, const char *unit)
{
	ok(campaign_site_add_peer(l->db[at],
	                          &(campaign_site_options){CAMPAIGN_SITE_OPTIONS_VERSION, CODE[peer], NAME[peer],
	                                                   PARENT[peer], unit, l->pub[peer], NULL},
	                          "admin"));
}

/* mesh: every site knows every key; else each knows only its parent's and its children's */
static void make_sites_keys(level *l, int mesh)
{
	char name[32];
	for (int i = 0; i < NSITES; i++) {
		campaign_buf *k, *p;
		snprintf(name, sizeof name, "site-%s.db", CODE[i]);
		tmp_store_path(l->path[i], sizeof l->path[i], name);
		ok(campaign_audit_keygen(&k));
		l->key[i] = buf_take(k);
		ok(campaign_audit_public_key(&p, l->key[i]));
		l->pub[i] = buf_take(p);
		open_site(l, i);
		ok(campaign_site_init(l->db[i], &(campaign_site_options){CAMPAIGN_SITE_OPTIONS_VERSION, CODE[i], NAME[i],
		                                                         PARENT[i], UNIT[i], NULL, NULL},
		                      "admin"));
	}
	/* the keys registered by hand, as the bureaus exchange them */
	for (int i = 0; i < NSITES; i++)
		for (int j = 0; j < NSITES; j++)
			if (i != j && (mesh || (PARENT[i] && !strcmp(PARENT[i], CODE[j])) ||
			               (PARENT[j] && !strcmp(PARENT[j], CODE[i]))))
				add_peer(l, i, j, UNIT[j]);
}

static void free_sites(level *l)
{
	for (int i = 0; i < NSITES; i++) {
		campaign_close(l->db[i]);
		remove_store(l->path[i]);
		free(l->key[i]);
		free(l->pub[i]);
	}
}

static void bundle_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "/tmp/campaign-test-%d-%s.bundle", (int)getpid(), name);
}

/* Exports from site @from to site @to into the bundle @name; returns the report. */
static char *export_to(level *l, int from, int to, const char *name, char *path, size_t n)
{
	campaign_buf *r;
	bundle_path(path, n, name);
	ok(campaign_sync_export(&r, l->db[from],
	                        &(campaign_sync_export_options){CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION, CODE[to], path, 0},
	                        "clerk"));
	return buf_take(r);
}

static char *apply_at(level *l, int at, const char *path)
{
	campaign_buf *r;
	int rc = campaign_sync_apply(&r, l->db[at], path, "clerk");
	if (rc)
		fail_msg("apply at %s: %s", CODE[at], campaign_error_message());
	return buf_take(r);
}

static void flow(level *l, int from, int to, const char *name)
{
	char path[300];
	free(export_to(l, from, to, name, path, sizeof path));
	free(apply_at(l, to, path));
	remove(path);
}

/* a county's work: a report on t2.2.o4 (due 2010-12-20) and a finding */
static void county_work(campaign_db *db, const char *unit, const char *status, int percent, const char *date)
{
	campaign_progress_report_add_options r = report_options("t2.2.o4", unit, status, percent, date);
	ok(campaign_progress_report_add(NULL, db, NULL, &r, "county-clerk"));
	ok(campaign_finding_add(NULL, db, NULL,
	                        &(campaign_finding_add_options){CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, NULL, unit, NULL,
	                                                        "self_reported", NULL, "违规审批", NULL, date, NULL},
	                        "county-clerk"));
}

/* every column of every row of a query, for comparing two stores */
static char *rows_of(int rc, campaign_cursor **cp)
{
	size_t n = 0, cap = 1 << 16;
	char *s = calloc(1, cap);
	campaign_cursor *c = *cp;
	ok(rc);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		for (int i = 0; i < campaign_cursor_column_count(c); i++) {
			const char *v = campaign_cursor_text(c, i);
			size_t k = strlen(v ? v : "NULL") + 1;
			if (n + k + 1 > cap)
				s = realloc(s, cap *= 2);
			n += (size_t)snprintf(s + n, cap - n, "%s|", v ? v : "NULL");
		}
	campaign_cursor_free(c);
	return s;
}

static void expect_same_answers(campaign_db *a, campaign_db *b)
{
	campaign_cursor *c;
	char *x = rows_of(campaign_share_status_query(&c, a, NULL, AS_OF), &c);
	char *y = rows_of(campaign_share_status_query(&c, b, NULL, AS_OF), &c);
	assert_string_equal(x, y);
	assert_non_null(strstr(x, "t2.2.o4|shizhong|"));
	free(x), free(y);
	x = rows_of(campaign_supervision_query(&c, a, NULL, AS_OF), &c);
	y = rows_of(campaign_supervision_query(&c, b, NULL, AS_OF), &c);
	assert_string_equal(x, y);
	assert_non_null(strstr(x, "shawan|"));
	free(x), free(y);
}

static long long count(level *l, int i, const char *sql)
{
	return raw_int(l->path[i], sql);
}

static void build_levels(level *l)
{
	make_sites(l);
	ok(campaign_plan_import_file(l->db[PROVINCE], SEED_PLAN, "province", NULL));
	flow(l, PROVINCE, CITY, "p-c");
	flow(l, CITY, SHIZHONG, "c-a");
	flow(l, CITY, SHAWAN, "c-b");
	county_work(l->db[SHIZHONG], "shizhong", "done", 100, "2010-12-10");
	county_work(l->db[SHAWAN], "shawan", "in_progress", 50, "2010-12-15");
	flow(l, SHIZHONG, CITY, "a-c");
	flow(l, SHAWAN, CITY, "b-c");
	flow(l, CITY, PROVINCE, "c-p");
}

static void test_three_levels(void **state)
{
	level l = {0};
	campaign_db *one;
	(void)state;
	build_levels(&l);
	/* the plan came down with the province's rids */
	assert_int_equal(count(&l, SHAWAN, "SELECT count(*) FROM outcome"), 32);
	assert_int_equal(count(&l, SHAWAN, "SELECT max(rid) FROM unit"), count(&l, PROVINCE, "SELECT max(rid) FROM unit"));
	/* the counties' rows are at the city and the province */
	assert_int_equal(count(&l, CITY, "SELECT count(*) FROM progress_report"), 2);
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM progress_report"), 2);
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM finding"), 2);
	/* the province holds each county's chain, checked, and the city's */
	assert_int_equal(count(&l, PROVINCE, "SELECT count(DISTINCT site) FROM audit_remote"), 3);
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM audit_remote WHERE site = '511102'"),
	                 count(&l, PROVINCE, "SELECT head_seq FROM sync_peer WHERE site = '511102'"));
	/* one store holding the same data answers alike; a store that is no site has no outbox */
	one = open_seed();
	county_work(one, "shizhong", "done", 100, "2010-12-10");
	county_work(one, "shawan", "in_progress", 50, "2010-12-15");
	expect_same_answers(l.db[PROVINCE], one);
	expect_same_answers(l.db[CITY], one);
	campaign_close(one);
	/* by site: the city's subtree holds all 29 units of the plan; the two counties' own units are
	 * theirs, the city's 17 departments and the 9 counties with no store of their own are the city's */
	{
		campaign_cursor *c;
		int city = 0, departments = 0;
		ok(campaign_site_units_query(&c, l.db[PROVINCE], "511100"));
		while (campaign_cursor_next(c) == CAMPAIGN_OK && !strcmp(campaign_cursor_get(c, "site"), "511100")) {
			assert_string_equal(campaign_cursor_get(c, "name"), "乐山市");
			city++;
			departments += !strcmp(campaign_cursor_get(c, "unit"), "liyong") ||
			               !strcmp(campaign_cursor_get(c, "unit"), "wutongqiao") ||
			               !strcmp(campaign_cursor_get(c, "unit"), "city");
		}
		assert_int_equal(city, 27);
		assert_int_equal(departments, 3);
		assert_string_equal(campaign_cursor_get(c, "site"), "511102");
		assert_string_equal(campaign_cursor_get(c, "unit"), "shizhong");
		EXPECT_ROW(c, "site", "511111", "unit", "shawan");
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
		campaign_cursor_free(c);
		/* a county's: its own unit alone */
		ok(campaign_site_units_query(&c, l.db[PROVINCE], "511102"));
		EXPECT_ROW(c, "site", "511102", "unit", "shizhong");
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
		campaign_cursor_free(c);
		ok(campaign_sync_silent_query(&c, l.db[PROVINCE], "2000-01-01"));
		assert_int_equal(count_rows(c), 0);
		ok(campaign_sync_silent_query(&c, l.db[PROVINCE], "2999-01-01"));
		assert_int_equal(count_rows(c), 3);
	}
	assert_string_equal(verify_summary(l.db[PROVINCE], NULL, NULL), "");
	assert_string_equal(verify_summary(l.db[CITY], NULL, NULL), "");
	assert_string_equal(verify_summary(l.db[SHIZHONG], NULL, NULL), "");
	free_sites(&l);
}

/* The dashboard of site @site (NULL: the store's own) at store @at, as a string. */
static char *site_page(level *l, int at, const char *site, const char *unit)
{
	campaign_dashboard_options o = CAMPAIGN_DASHBOARD_OPTIONS_INIT;
	campaign_buf *b;
	o.as_of = AS_OF, o.site = site, o.unit = unit;
	ok(campaign_dashboard_write_buf(&b, l->db[at], NULL, &o));
	return buf_take(b);
}

/* The section of @page from its anchor @id to the next section. */
static char *section_of(const char *page, const char *id)
{
	char anchor[64];
	const char *a, *e;
	snprintf(anchor, sizeof anchor, "<section id=\"%s\">", id);
	if (!(a = strstr(page, anchor)))
		return strdup("");
	e = strstr(a + 1, "<section");
	return strndup(a, e ? (size_t)(e - a) : strlen(a));
}

static void test_dashboard_by_site(void **state)
{
	level l = {0};
	campaign_dashboard_options o = CAMPAIGN_DASHBOARD_OPTIONS_INIT;
	campaign_buf *b = NULL;
	campaign_cursor *c;
	char *page, *part;
	(void)state;
	build_levels(&l);
	/* the province: a row per site below, each over its subtree; the counties' own rows indented */
	page = site_page(&l, PROVINCE, NULL, NULL);
	part = section_of(page, "sites");
	EXPECT_HOLDS(part, "<h2>七、各站点情况</h2>",
	             /* 乐山市 over its subtree: its own units (the city's 17 departments and the 9 counties with no
	              * store, 69 outcome shares, 28 of them overdue and not done) and the two counties' 4 each; the
	              * supervision list's items are outcomes and milestones (the city's 48, 市中区 2, 沙湾区 3) */
	             "<tr><th class=\"site\">511100 乐山市</th><td class=\"total\">77</td><td>1</td><td>0</td>"
	             "<td class=\"s-red\">29</td><td>0</td><td class=\"s-red\">53</td><td>2</td><td>0</td><td>0</td>",
	             /* 市中区 reported t2.2.o4 done on time; 沙湾区 is 50 % on it, overdue since 2010-12-20 */
	             "<tr><th class=\"site\">　　511102 市中区</th><td class=\"total\">4</td><td>1</td><td>0</td>"
	             "<td>0</td><td>0</td><td class=\"s-red\">2</td><td>1</td><td>0</td><td>0</td>",
	             "<tr><th class=\"site\">　　511111 沙湾区</th><td class=\"total\">4</td><td>0</td><td>0</td>"
	             "<td class=\"s-red\">1</td><td>0</td><td class=\"s-red\">3</td><td>1</td><td>0</td><td>0</td>");
	assert_string_equal(column_joined(campaign_supervision_query(&c, l.db[PROVINCE], NULL, AS_OF), &c, "overdue",
	                                  "unit", "shawan"),
	                    "3 ");
	/* the last bundle applied from each, as campaign_sync_status_query() gives it */
	ok(campaign_sync_status_query(&c, l.db[PROVINCE]));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		char want[64];
		snprintf(want, sizeof want, "%s %s</th>", campaign_cursor_get(c, "site"), campaign_cursor_get(c, "name"));
		assert_non_null(strstr(part, want));
		snprintf(want, sizeof want, "<td>%.10s %.5s</td></tr>", campaign_cursor_get(c, "received_at"),
		         campaign_cursor_get(c, "received_at") + 11);
		assert_non_null(strstr(strstr(part, campaign_cursor_get(c, "name")), want));
	}
	campaign_cursor_free(c);
	free(part);
	free(page);
	/* --site: the county's subtree only; no by-site section below a county */
	page = site_page(&l, PROVINCE, "511102", NULL);
	EXPECT_HOLDS(page, "站点：511102 市中区（含下级站点", "<tr><th>市中区分局</th>");
	EXPECT_LACKS(page, "<section id=\"sites\">", "<tr><th>沙湾区分局</th>", "<tr><th>监察室</th>");
	part = section_of(page, "coverage");
	EXPECT_HOLDS(part, "<td class=\"total\">1</td>");
	free(part);
	free(page);
	/* --site of the city at the province: its two counties below it */
	page = site_page(&l, PROVINCE, "511100", NULL);
	part = section_of(page, "sites");
	EXPECT_HOLDS(part, "<tr><th class=\"site\">511102 市中区</th>", "<tr><th class=\"site\">511111 沙湾区</th>");
	EXPECT_LACKS(part, "511100 乐山市</th>");
	free(part);
	free(page);
	/* a site registered by hand, with a hostile name, that never sent a bundle: text, "never" */
	ok(campaign_site_add_peer(l.db[PROVINCE],
	                          &(campaign_site_options){CAMPAIGN_SITE_OPTIONS_VERSION, "511199", "<script>x</script>区",
	                                                   "511100", NULL, l.pub[SHAWAN], NULL},
	                          "admin"));
	page = site_page(&l, PROVINCE, NULL, NULL);
	EXPECT_HOLDS(page, "<tr><th class=\"site\">　　511199 &lt;script&gt;x&lt;/script&gt;区</th><td class=\"total\">0</td>",
	             "<td class=\"empty\">从未收到</td></tr>");
	EXPECT_LACKS(page, "<script");
	free(page);
	/* the city's own store: the same rows for its counties */
	page = site_page(&l, CITY, NULL, NULL);
	EXPECT_HOLDS(page, "<tr><th class=\"site\">511102 市中区</th><td class=\"total\">4</td><td>1</td>");
	free(page);
	/* a unit and a site together keep the unit if it is in the site's subtree */
	page = site_page(&l, PROVINCE, "511100", "沙湾区分局");
	EXPECT_HOLDS(page, "<tr><th>沙湾区分局</th>");
	EXPECT_LACKS(page, "<tr><th>市中区分局</th>");
	free(page);
	o.as_of = AS_OF;
	o.site = "519999";
	expect_error(campaign_dashboard_write_buf(&b, l.db[PROVINCE], NULL, &o), CAMPAIGN_ENOTFOUND,
	             "site \"519999\" is not a site this store knows (see campaign site list)");
	o.site = "511102", o.unit = "shawan";
	expect_error(campaign_dashboard_write_buf(&b, l.db[PROVINCE], NULL, &o), CAMPAIGN_EINVALID,
	             "unit \"shawan\" is not a unit of site 511102 or of the sites below it");
	assert_null(b);
	/* a chart takes the site too */
	{
		campaign_chart_options c = CAMPAIGN_CHART_OPTIONS_INIT;
		c.kind = "matrix", c.as_of = AS_OF, c.site = "511111";
		ok(campaign_chart_write_buf(&b, l.db[PROVINCE], NULL, &c));
		page = buf_take(b);
		EXPECT_HOLDS(page, ">沙湾区分局</text>");
		EXPECT_LACKS(page, ">市中区分局</text>");
		free(page);
	}
	free_sites(&l);
}

/* @rc's cursor filtered to @site, as rows_of() gives it */
static char *site_rows(int rc, campaign_cursor **cp, const char *site)
{
	ok(rc);
	ok(campaign_cursor_site(*cp, site));
	return rows_of(rc, cp);
}

static void expect_same_site(campaign_db *a, campaign_db *b, const char *site)
{
	campaign_cursor *c;
	char *x = site_rows(campaign_share_status_query(&c, a, NULL, AS_OF), &c, site);
	char *y = site_rows(campaign_share_status_query(&c, b, NULL, AS_OF), &c, site);
	assert_string_equal(x, y);
	free(x), free(y);
	x = site_rows(campaign_supervision_query(&c, a, NULL, AS_OF), &c, site);
	y = site_rows(campaign_supervision_query(&c, b, NULL, AS_OF), &c, site);
	assert_string_equal(x, y);
	free(x), free(y);
	x = site_rows(campaign_findings_query(&c, a, NULL, NULL, NULL), &c, site);
	y = site_rows(campaign_findings_query(&c, b, NULL, NULL, NULL), &c, site);
	assert_string_equal(x, y);
	free(x), free(y);
}

/* The rollup by site: at the province, a county's rows are its own store's. */
static void test_rollup_by_site(void **state)
{
	level l = {0};
	campaign_cursor *c;
	char *x, *y;
	(void)state;
	build_levels(&l);
	expect_same_site(l.db[PROVINCE], l.db[SHIZHONG], "511102");
	expect_same_site(l.db[PROVINCE], l.db[SHAWAN], "511111");
	expect_same_site(l.db[CITY], l.db[SHAWAN], "511111");
	/* a county's share status: its 7 shares of the seed plan, t2.2.o4 done */
	ok(campaign_share_status_query(&c, l.db[PROVINCE], NULL, AS_OF));
	ok(campaign_cursor_site(c, "511102"));
	assert_int_equal(count_rows(c), 7);
	ok(campaign_share_status_query(&c, l.db[SHIZHONG], NULL, AS_OF));
	assert_true(count_rows(c) > 7); /* unfiltered: every unit's shares of the plan */
	x = site_rows(campaign_share_status_query(&c, l.db[PROVINCE], NULL, AS_OF), &c, "511102");
	assert_non_null(strstr(x, "t2.2.o4|shizhong|"));
	assert_null(strstr(x, "|shawan|"));
	free(x);
	/* supervision at the province for one county: that county alone */
	ok(campaign_supervision_query(&c, l.db[PROVINCE], NULL, AS_OF));
	ok(campaign_cursor_site(c, "511111"));
	EXPECT_ROW(c, "unit", "shawan");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	/* findings: one county's, both counties' under the city; the top keeps every row */
	ok(campaign_findings_query(&c, l.db[PROVINCE], NULL, NULL, NULL));
	ok(campaign_cursor_site(c, "511111"));
	EXPECT_ROW(c, "unit", "shawan", "description", "违规审批");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	ok(campaign_findings_query(&c, l.db[PROVINCE], NULL, NULL, NULL));
	ok(campaign_cursor_site(c, "511100"));
	assert_int_equal(count_rows(c), 2);
	x = rows_of(campaign_share_status_query(&c, l.db[PROVINCE], NULL, AS_OF), &c);
	y = site_rows(campaign_share_status_query(&c, l.db[PROVINCE], NULL, AS_OF), &c, "510000");
	assert_string_equal(x, y);
	free(x), free(y);
	/* a page counts the rows kept: the second and third of the county's shares */
	x = site_rows(campaign_share_status_query(&c, l.db[PROVINCE], NULL, AS_OF), &c, "511102");
	ok(campaign_share_status_query(&c, l.db[PROVINCE], NULL, AS_OF));
	ok(campaign_cursor_page(c, 1, 2));
	ok(campaign_cursor_site(c, "511102"));
	y = rows_of(CAMPAIGN_OK, &c);
	assert_non_null(strstr(x, y));
	assert_true(strlen(y) > 0 && strncmp(x, y, strlen(y)));
	free(x), free(y);
	/* risk distribution and proposals take the filter too (no rows in this scenario) */
	ok(campaign_risk_distribution_query(&c, l.db[PROVINCE], NULL));
	ok(campaign_cursor_site(c, "511102"));
	assert_int_equal(count_rows(c), 0);
	ok(campaign_proposals_query(&c, l.db[PROVINCE], NULL, NULL, NULL));
	ok(campaign_cursor_site(c, "511102"));
	assert_int_equal(count_rows(c), 0);
	/* clear errors: an unknown site, a bad code, a listing without units, too late */
	ok(campaign_share_status_query(&c, l.db[PROVINCE], NULL, AS_OF));
	expect_error(campaign_cursor_site(c, "511199"), CAMPAIGN_ENOTFOUND, "site 511199 is not known to this store");
	expect_error(campaign_cursor_site(c, "5111"), CAMPAIGN_EINVALID,
	             "the site \"5111\" is not a 6-digit administrative-division code");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	expect_error(campaign_cursor_site(c, "511102"), CAMPAIGN_EINVALID, "a cursor is filtered by site before its first row is read");
	campaign_cursor_free(c);
	ok(campaign_outcome_status_query(&c, l.db[PROVINCE], NULL, AS_OF));
	expect_error(campaign_cursor_site(c, "511102"), CAMPAIGN_EINVALID, "this listing has no unit column: it cannot be filtered by site");
	campaign_cursor_free(c);
	free_sites(&l);
}

/* A city's own records travel up (a department's finding: a unit below the
 * city's in the plan), and the plan still goes down past them. */
static void test_city_records(void **state)
{
	level l = {0};
	campaign_cursor *c;
	(void)state;
	build_levels(&l);
	ok(campaign_finding_add(NULL, l.db[CITY], NULL,
	                        &(campaign_finding_add_options){CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, NULL, "liyong", NULL,
	                                                        "self_reported", NULL, "违规出让", NULL, "2010-12-16", NULL},
	                        "city-clerk"));
	flow(&l, CITY, PROVINCE, "c-p2");
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM finding"), 3);
	ok(campaign_findings_query(&c, l.db[PROVINCE], NULL, NULL, NULL));
	ok(campaign_cursor_site(c, "511100"));
	assert_int_equal(count_rows(c), 3);
	ok(campaign_findings_query(&c, l.db[PROVINCE], NULL, NULL, NULL));
	ok(campaign_cursor_site(c, "511102"));
	assert_int_equal(count_rows(c), 1);
	/* the province changes the thresholds: down to the city, on to a county, past the city's finding */
	ok(campaign_thresholds_set(l.db[PROVINCE], NULL, 5, 2, "province"));
	flow(&l, PROVINCE, CITY, "p-c2");
	flow(&l, CITY, SHIZHONG, "c-a2");
	assert_int_equal(count(&l, SHIZHONG, "SELECT count(*) FROM finding"), 1);
	assert_int_equal(count(&l, SHIZHONG, "SELECT yellow_days FROM campaign_threshold"), 5);
	assert_string_equal(verify_summary(l.db[PROVINCE], NULL, NULL), "");
	free_sites(&l);
}

/* What the parent acknowledged leaves the outbox; what travels down stays. */
static void test_outbox_pruned(void **state)
{
	level l = {0};
	char path[300];
	long long plan;
	(void)state;
	build_levels(&l);
	/* the county's two writes, sent, not yet acknowledged */
	assert_int_equal(count(&l, SHIZHONG, "SELECT count(*) FROM sync_outbox"), 2);
	/* the city's next bundle down acknowledges them: the last row stays, empty, for the seq */
	flow(&l, CITY, SHIZHONG, "ack");
	assert_int_equal(count(&l, SHIZHONG, "SELECT count(*) FROM sync_outbox"), 1);
	assert_int_equal(count(&l, SHIZHONG, "SELECT count(*) FROM sync_outbox WHERE seq = 2 AND length(changeset) = 0"), 1);
	county_work(l.db[SHIZHONG], "shizhong", "done", 100, "2010-12-11");
	assert_int_equal(count(&l, SHIZHONG, "SELECT min(seq) FROM sync_outbox WHERE length(changeset) > 0"), 3);
	flow(&l, SHIZHONG, CITY, "a-c2");
	assert_int_equal(count(&l, CITY, "SELECT count(*) FROM progress_report"), 3);
	assert_int_equal(count(&l, SHIZHONG, "SELECT count(*) FROM sync_outbox"), 3);
	flow(&l, CITY, SHIZHONG, "ack2");
	assert_int_equal(count(&l, SHIZHONG, "SELECT count(*) FROM sync_outbox"), 1);
	/* nothing to resend: the part carries no change, only the county's audit entries since */
	{
		campaign_buf *r;
		char *report;
		bundle_path(path, sizeof path, "resend");
		ok(campaign_sync_export(&r, l.db[SHIZHONG],
		                        &(campaign_sync_export_options){CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION, "511100", path, 1},
		                        "clerk"));
		campaign_buf_free(r);
		report = apply_at(&l, CITY, path);
		assert_non_null(strstr(report, "\"first\":5,\"last\":4,"));
		assert_non_null(strstr(report, "\"changes\":0}"));
		free(report);
		remove(path);
	}
	/* the city relayed the county's rows: the province has all three reports */
	assert_true(count(&l, CITY, "SELECT count(*) FROM sync_held WHERE direction = 'up'") > 0);
	flow(&l, CITY, PROVINCE, "c-p3");
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM progress_report"), 3);
	/* the province's next bundle down names the county heads it has: the city lets go of those parts;
	 * the province's parts, held to go down to counties, stay */
	flow(&l, PROVINCE, CITY, "p-c-ack");
	assert_int_equal(count(&l, CITY, "SELECT count(*) FROM sync_held WHERE direction = 'up'"), 0);
	assert_int_equal(count(&l, CITY, "SELECT count(*) FROM sync_forwarded WHERE peer = '510000'"), 0);
	assert_true(count(&l, CITY, "SELECT count(*) FROM sync_held WHERE direction = 'down'") > 0);
	/* at the top the plan stays (a site added below starts from it); its own up rows go */
	plan = count(&l, PROVINCE, "SELECT count(*) FROM sync_outbox");
	assert_true(plan > 0);
	ok(campaign_finding_add(NULL, l.db[PROVINCE], NULL,
	                        &(campaign_finding_add_options){CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, NULL, "city", NULL,
	                                                        "self_reported", NULL, "省厅发现", NULL, "2010-12-16", NULL},
	                        "province"));
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM sync_outbox"), plan + 1);
	flow(&l, CITY, PROVINCE, "c-p4");
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM sync_outbox WHERE length(changeset) > 0"), plan);
	/* the plan still goes down after it */
	ok(campaign_thresholds_set(l.db[PROVINCE], NULL, 4, 2, "province"));
	flow(&l, PROVINCE, CITY, "p-c3");
	assert_int_equal(count(&l, CITY, "SELECT yellow_days FROM campaign_threshold"), 4);
	assert_string_equal(verify_summary(l.db[PROVINCE], NULL, NULL), "");
	assert_string_equal(verify_summary(l.db[SHIZHONG], NULL, NULL), "");
	free_sites(&l);
}

/* Keys by hand only between neighbours: the city vouches for its counties to
 * the province and for the province to its counties. */
static void test_keys_vouched(void **state)
{
	level l = {0};
	campaign_cursor *c;
	char path[300];
	(void)state;
	make_sites_keys(&l, 0);
	ok(campaign_sites_query(&c, l.db[PROVINCE]));
	assert_int_equal(count_rows(c), 2);
	ok(campaign_plan_import_file(l.db[PROVINCE], SEED_PLAN, "province", NULL));
	flow(&l, PROVINCE, CITY, "p-c");
	/* the county checks the province's part, relayed, with the key the city vouched for */
	flow(&l, CITY, SHIZHONG, "c-a");
	assert_int_equal(count(&l, SHIZHONG, "SELECT count(*) FROM outcome"), 32);
	ok(campaign_sites_query(&c, l.db[SHIZHONG]));
	EXPECT_ROW(c, "code", "511102", "role", "self");
	EXPECT_ROW(c, "code", "510000", "role", "peer", "public_key", l.pub[PROVINCE]);
	EXPECT_ROW(c, "code", "511100", "role", "peer");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	county_work(l.db[SHIZHONG], "shizhong", "done", 100, "2010-12-10");
	flow(&l, SHIZHONG, CITY, "a-c");
	/* the province learns both counties from the city, and checks the county's own part */
	flow(&l, CITY, PROVINCE, "c-p");
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM progress_report"), 1);
	ok(campaign_sites_query(&c, l.db[PROVINCE]));
	EXPECT_ROW(c, "code", "510000", "role", "self");
	EXPECT_ROW(c, "code", "511100", "role", "peer");
	EXPECT_ROW(c, "code", "511102", "parent", "511100", "unit", "shizhong", "public_key", l.pub[SHIZHONG]);
	EXPECT_ROW(c, "code", "511111", "parent", "511100", "unit", "shawan", "public_key", l.pub[SHAWAN]);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	assert_string_equal(verify_summary(l.db[PROVINCE], NULL, NULL), "");
	/* a county cannot vouch for a site in a unit not its own (it would send the city's rows) */
	flow(&l, CITY, SHAWAN, "c-b");
	ok(campaign_site_add_peer(l.db[SHAWAN],
	                          &(campaign_site_options){CAMPAIGN_SITE_OPTIONS_VERSION, "511199", "假站点", "511111",
	                                                   "city", l.pub[SHAWAN], NULL},
	                          "admin"));
	free(export_to(&l, SHAWAN, CITY, "vouch", path, sizeof path));
	expect_refused(&l, CITY, path, "bundle refused: site 511111 vouches for site 511199 in unit city, which is not one of its units");
	remove(path);
	/* nor for a site known here with another key */
	raw_sql(l.path[SHAWAN], "UPDATE site SET unit = 'shawan', public_key = (SELECT public_key FROM site WHERE "
	                        "code = '511100') WHERE code = '511199'");
	raw_sql(l.path[CITY], "INSERT INTO site (code, name, parent, unit, public_key, recorded_at) SELECT '511199', "
	                      "'假站点', '511111', 'shawan', public_key, '2010-12-01' FROM site WHERE code = '511102'");
	{ /* everything not acknowledged again: the refused part's range */
		campaign_buf *r;
		bundle_path(path, sizeof path, "vouch2");
		ok(campaign_sync_export(&r, l.db[SHAWAN],
		                        &(campaign_sync_export_options){CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION, "511100", path, 1},
		                        "clerk"));
		campaign_buf_free(r);
	}
	expect_refused(&l, CITY, path, "bundle refused: site 511111 vouches for site 511199 with another key");
	remove(path);
	free_sites(&l);
}

/* The head the province received from a county witnesses against a trim there. */
static void test_witness_of_a_county(void **state)
{
	level l = {0};
	campaign_buf *w;
	char *witness, summary[16384];
	long long head;
	(void)state;
	build_levels(&l);
	ok(campaign_sync_witness(&w, l.db[PROVINCE], "511102"));
	witness = buf_take(w);
	head = count(&l, PROVINCE, "SELECT head_seq FROM sync_peer WHERE site = '511102'");
	assert_non_null(strstr(witness, "libcampaign head 1\nsite: 511102\nseq: "));
	assert_string_equal(verify_summary(l.db[SHIZHONG], witness, NULL), "");
	expect_error(campaign_sync_witness(&w, l.db[PROVINCE], "511199"), CAMPAIGN_ENOTFOUND,
	             "nothing has come from site 511199 to this store");
	/* the county trims its log's tail, heads and all, behind the library's back */
	campaign_close(l.db[SHIZHONG]);
	raw_sql(l.path[SHIZHONG], "DELETE FROM audit_head WHERE seq >= (SELECT max(seq) - 5 FROM audit_log)");
	raw_sql(l.path[SHIZHONG], "DELETE FROM audit_log WHERE seq >= (SELECT max(seq) - 5 FROM audit_log)");
	open_site(&l, SHIZHONG);
	assert_true(count(&l, SHIZHONG, "SELECT max(seq) FROM audit_log") < head);
	snprintf(summary, sizeof summary, "%s", verify_summary(l.db[SHIZHONG], witness, NULL));
	assert_non_null(strstr(summary, "witness_mismatch"));
	free(witness);
	free_sites(&l);
}

/* A bundle lost between the city and the province: resent, the county parts the city relayed go again. */
static void test_resend_relayed(void **state)
{
	level l = {0};
	campaign_buf *r;
	char path[300], *report;
	(void)state;
	build_levels(&l);
	flow(&l, PROVINCE, CITY, "ack"); /* the province acknowledges what it has */
	county_work(l.db[SHIZHONG], "shizhong", "done", 100, "2010-12-11");
	flow(&l, SHIZHONG, CITY, "a-c2");
	free(export_to(&l, CITY, PROVINCE, "lost", path, sizeof path));
	remove(path); /* lost on the way */
	/* the next bundle would leave a gap: refused */
	free(export_to(&l, CITY, PROVINCE, "again", path, sizeof path));
	expect_refused(&l, PROVINCE, path, "bundle refused: the audit entries from site 511100 start at");
	remove(path);
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM progress_report"), 2);
	/* resent: everything the province has not acknowledged, the county's parts still held included */
	bundle_path(path, sizeof path, "resend");
	ok(campaign_sync_export(&r, l.db[CITY],
	                        &(campaign_sync_export_options){CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION, "510000", path, 1},
	                        "clerk"));
	campaign_buf_free(r);
	report = apply_at(&l, PROVINCE, path);
	assert_non_null(strstr(report, "\"origin\":\"511102\""));
	free(report);
	remove(path);
	assert_int_equal(count(&l, PROVINCE, "SELECT count(*) FROM progress_report"), 3);
	assert_string_equal(verify_summary(l.db[PROVINCE], NULL, NULL), "");
	free_sites(&l);
}

static void test_replay_is_a_no_op(void **state)
{
	level l = {0};
	char path[300], *report;
	long long audit;
	(void)state;
	build_levels(&l);
	county_work(l.db[SHIZHONG], "shizhong", "done", 100, "2010-12-11");
	free(export_to(&l, SHIZHONG, CITY, "again", path, sizeof path));
	free(apply_at(&l, CITY, path));
	assert_int_equal(count(&l, CITY, "SELECT count(*) FROM progress_report"), 3);
	audit = count(&l, CITY, "SELECT count(*) FROM audit_log");
	report = apply_at(&l, CITY, path);
	assert_non_null(strstr(report, "\"status\":\"replay\""));
	free(report);
	assert_int_equal(count(&l, CITY, "SELECT count(*) FROM progress_report"), 3);
	/* the apply's own call entry alone */
	assert_int_equal(count(&l, CITY, "SELECT count(*) FROM audit_log"), audit + 1);
	remove(path);
	free_sites(&l);
}

/* @path is refused at site @at with @msg (a prefix); nothing changes there, the bundle is quarantined. */
static void expect_refused(level *l, int at, const char *path, const char *msg)
{
	long long reports = count(l, at, "SELECT count(*) FROM progress_report");
	long long quarantined = count(l, at, "SELECT count(*) FROM sync_quarantine");
	long long received = count(l, at, "SELECT sum(received) + sum(head_seq) FROM sync_peer");
	campaign_buf *r = NULL;
	int rc = campaign_sync_apply(&r, l->db[at], path, "clerk");
	assert_int_equal(rc, CAMPAIGN_EINVALID);
	if (strncmp(campaign_error_message(), msg, strlen(msg)))
		fail_msg("message \"%s\", expected \"%s...\"", campaign_error_message(), msg);
	assert_null(r);
	assert_int_equal(count(l, at, "SELECT count(*) FROM progress_report"), reports);
	assert_int_equal(count(l, at, "SELECT sum(received) + sum(head_seq) FROM sync_peer"), received);
	assert_int_equal(count(l, at, "SELECT count(*) FROM sync_quarantine"), quarantined + 1);
}

static void test_refusals(void **state)
{
	level l = {0};
	char first[300], second[300], msg[200];
	FILE *f;
	long size;
	(void)state;
	build_levels(&l);
	/* the plan only from above: a county's change of the thresholds stays at the county (a part
	 * carries only what travels its way); one that claims the thresholds travel up is refused */
	ok(campaign_thresholds_set(l.db[SHIZHONG], NULL, 3, 1, "county-clerk"));
	raw_sql(l.path[SHIZHONG], "UPDATE sync_table SET direction = 'up' WHERE name = 'campaign_threshold'");
	free(export_to(&l, SHIZHONG, CITY, "plan-up", first, sizeof first));
	expect_refused(&l, CITY, first, "bundle refused: site 511102 sent rows of campaign_threshold, which travel only down");
	remove(first);
	/* a gap: the second bundle without the first */
	county_work(l.db[SHIZHONG], "shizhong", "done", 100, "2010-12-11");
	free(export_to(&l, SHIZHONG, CITY, "first", first, sizeof first));
	county_work(l.db[SHIZHONG], "shizhong", "done", 100, "2010-12-12");
	free(export_to(&l, SHIZHONG, CITY, "second", second, sizeof second));
	snprintf(msg, sizeof msg, "bundle refused: the part from site 511102 starts at seq");
	expect_refused(&l, CITY, second, msg);
	assert_non_null(strstr(campaign_error_message(), "a gap"));
	/* a bad signature: one byte of the first bundle changed */
	f = fopen(first, "r+b");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, size - 70, SEEK_SET);
	fputc('#', f);
	fclose(f);
	expect_refused(&l, CITY, first, "bundle refused: the part from site 511102 does not carry its signature");
	remove(first), remove(second);
	/* a row of another county's unit */
	county_work(l.db[SHAWAN], "shizhong", "done", 100, "2010-12-11");
	free(export_to(&l, SHAWAN, CITY, "rogue", first, sizeof first));
	expect_refused(&l, CITY, first, "bundle refused: site 511111 sent a row of ");
	remove(first);
	free_sites(&l);
}

static void test_rewritten_chain(void **state)
{
	level l = {0};
	char path[300];
	(void)state;
	build_levels(&l);
	county_work(l.db[SHAWAN], "shawan", "done", 100, "2010-12-18");
	/* an entry not yet sent is altered behind the library's back */
	raw_sql(l.path[SHAWAN], "UPDATE audit_log SET actor = 'someone else' WHERE seq = (SELECT max(seq) FROM audit_log "
	                        "WHERE kind = 'call')");
	free(export_to(&l, SHAWAN, CITY, "rewritten", path, sizeof path));
	expect_refused(&l, CITY, path, "bundle refused: the audit chain of site 511111 is broken at entry");
	remove(path);
	free_sites(&l);
}

static void test_sites(void **state)
{
	campaign_db *db = open_memory();
	campaign_cursor *c;
	(void)state;
	/* a store of today is no site and records nothing */
	ok(campaign_sites_query(&c, db));
	assert_int_equal(count_rows(c), 0);
	expect_error(campaign_site_init(db, &(campaign_site_options){CAMPAIGN_SITE_OPTIONS_VERSION, "51110", "乐山市", NULL, NULL, NULL, NULL},
	                                "admin"),
	             CAMPAIGN_EINVALID, "the site code \"51110\" is not a 6-digit administrative-division code");
	expect_error(campaign_site_init(db, &(campaign_site_options){CAMPAIGN_SITE_OPTIONS_VERSION, "511100", "\xff", NULL, NULL, NULL, NULL},
	                                "admin"),
	             CAMPAIGN_EINVALID, "the site name is not valid UTF-8");
	expect_error(campaign_site_init(db, &(campaign_site_options){CAMPAIGN_SITE_OPTIONS_VERSION, "511100", "乐山市", NULL, NULL, NULL, NULL},
	                                "admin"),
	             CAMPAIGN_EINVALID, "a site signs its bundles: open the store with a signing key");
	ok(campaign_sites_query(&c, db));
	assert_int_equal(count_rows(c), 0);
	campaign_close(db);
	/* a store that is no site knows no site to filter by */
	db = open_seed();
	ok(campaign_share_status_query(&c, db, NULL, AS_OF));
	expect_error(campaign_cursor_site(c, "511102"), CAMPAIGN_ENOTFOUND, "site 511102 is not known to this store");
	assert_int_equal(count_rows(c), 120); /* the cursor reads on, unfiltered */
	campaign_close(db);
}

TEST_MAIN("sync", cmocka_unit_test(test_sites), cmocka_unit_test(test_three_levels), cmocka_unit_test(test_dashboard_by_site),
          cmocka_unit_test(test_rollup_by_site), cmocka_unit_test(test_city_records),
          cmocka_unit_test(test_outbox_pruned), cmocka_unit_test(test_keys_vouched),
          cmocka_unit_test(test_witness_of_a_county), cmocka_unit_test(test_resend_relayed),
          cmocka_unit_test(test_replay_is_a_no_op), cmocka_unit_test(test_refusals),
          cmocka_unit_test(test_rewritten_chain))
