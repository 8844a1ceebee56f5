/* The dashboard by site (multi-site stores, docs/multisite.md): the sites
 * the store knows, the --site filter, and in a city or province store the
 * by-site section: for each site below, over its subtree, the status counts
 * of its shares, the overdue items of the supervision list, the findings,
 * the rectification ledger's open and overdue rows and the last bundle
 * received from it. Every figure comes from the public queries
 * (campaign_sites_query(), campaign_site_units_query(),
 * campaign_sync_status_query() and those of the other sections), summed by
 * the site the row's unit belongs to (campaign_site_units_query(): a city's
 * departments are the city's), and up its parents. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

/* The site each unit belongs to: its own, or the nearest above it in the plan
 * (a city's departments are the city's), as campaign_site_units_query() says. */
static int owned_read(dash *d)
{
	campaign_cursor *c;
	strs sites = {0};
	int rc = campaign_site_units_query(&c, d->db, NULL), i;
	if (rc)
		return rc;
	while (!rc && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK)
		if (strs_push(&d->owned_units, campaign_cursor_get(c, "unit")) < 0 ||
		    strs_push(&sites, campaign_cursor_get(c, "site")) < 0)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	campaign_cursor_free(c);
	rc = rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
	if (!rc && sites.n && !(d->owned_site = malloc((size_t)sites.n * sizeof *d->owned_site)))
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	for (i = 0; !rc && i < sites.n; i++)
		d->owned_site[i] = strs_find(&d->site_codes, sites.v[i]);
	strs_free(&sites);
	return rc;
}

static int sites_read(dash *d)
{
	campaign_cursor *c;
	strs parents = {0};
	int rc = campaign_sites_query(&c, d->db), i;
	if (rc)
		return rc;
	while (!rc && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		const char *unit = campaign_cursor_get(c, "unit");
		if (strs_push(&d->site_codes, campaign_cursor_get(c, "code")) < 0 ||
		    strs_push(&d->site_names, campaign_cursor_get(c, "name")) < 0 ||
		    strs_push(&d->site_units, unit ? unit : "") < 0 || strs_push(&parents, campaign_cursor_get(c, "parent")) < 0)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
		else if (!strcmp(campaign_cursor_get(c, "role"), "self"))
			d->site_root = d->site_codes.n - 1;
	}
	campaign_cursor_free(c);
	rc = rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
	if (!rc && d->site_codes.n && !(d->site_parent = malloc((size_t)d->site_codes.n * sizeof *d->site_parent)))
		rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	for (i = 0; !rc && i < d->site_codes.n; i++)
		d->site_parent[i] = *parents.v[i] ? strs_find(&d->site_codes, parents.v[i]) : -1;
	strs_free(&parents);
	return rc || !d->site_codes.n ? rc : owned_read(d);
}

/* The filter becomes the units of @site's subtree, or those of them the unit filter kept. */
static int site_filter(dash *d, const char *site, const char *unit)
{
	campaign_cursor *c;
	strs kept = {0};
	int rc = campaign_site_units_query(&c, d->db, site);
	if (rc)
		return rc;
	while (!rc && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		const char *u = campaign_cursor_get(c, "unit");
		if (unit_kept(d, u) && strs_add(&kept, u) < 0)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	campaign_cursor_free(c);
	rc = rc == CAMPAIGN_ITEROVER ? CAMPAIGN_OK : rc;
	if (!rc && d->filtered && !kept.n)
		rc = error_set(CAMPAIGN_EINVALID, "unit \"%s\" is not a unit of site %s or of the sites below it", unit, site);
	if (rc) {
		strs_free(&kept);
		return rc;
	}
	strs_free(&d->filter);
	d->filter = kept;
	d->filtered = 1;
	d->site_given = 1;
	return CAMPAIGN_OK;
}

int sites_load(dash *d, const char *site, const char *unit)
{
	int rc;
	d->site_root = -1;
	if ((rc = sites_read(d)))
		return rc;
	if (!site)
		return CAMPAIGN_OK;
	if (!d->site_codes.n)
		return error_set(CAMPAIGN_EINVALID, "site \"%s\": this store is no site (campaign site init), it has no sites",
		                 site);
	if ((d->site_root = strs_find(&d->site_codes, site)) < 0)
		return error_set(CAMPAIGN_ENOTFOUND, "site \"%s\" is not a site this store knows (see campaign site list)", site);
	return site_filter(d, site, unit);
}

/* The depth of site @s below the root (1: a child), 0 if it is not below it. */
static int depth_below(const dash *d, int s)
{
	int depth = 0, steps;
	/* a loop of parents (hand-registered peers) ends after as many steps as there are sites */
	for (steps = 0; s >= 0 && s != d->site_root && steps <= d->site_codes.n; steps++, depth++)
		s = d->site_parent[s];
	return s == d->site_root && depth > 0 ? depth : 0;
}

int sites_below(const dash *d)
{
	for (int s = 0; d->site_root >= 0 && s < d->site_codes.n; s++)
		if (depth_below(d, s))
			return 1;
	return 0;
}

void sites_free(dash *d)
{
	strs_free(&d->site_codes);
	strs_free(&d->site_names);
	strs_free(&d->site_units);
	strs_free(&d->owned_units);
	free(d->site_parent);
	free(d->owned_site);
	d->site_parent = NULL;
	d->owned_site = NULL;
}

void sites_meta(dash *d)
{
	if (!d->site_given)
		return;
	put(d, "<p class=\"meta\">站点：");
	esc(d, d->site_codes.v[d->site_root]);
	put(d, " ");
	esc(d, d->site_names.v[d->site_root]);
	put(d, "（含下级站点；各部分只计本站点及下级站点单位的数据，风险热力图除外）</p>\n");
}

/* ---- the by-site section ---- */

enum { F_OWED, F_DONE, F_LATE, F_RED, F_YELLOW, F_OVERDUE, F_FINDINGS, F_LEDGER_OPEN, F_LEDGER_OVERDUE, NFIGURES };

typedef struct by_site {
	long long (*fig)[NFIGURES]; /* per site */
	char **received;            /* per site: the last bundle's time, or NULL */
} by_site;

/* Adds @n to figure @f of the site @unit belongs to and of each of its parents up to the root. */
static void site_add(const dash *d, by_site *b, const char *unit, int f, long long n)
{
	int o = unit && *unit ? strs_find(&d->owned_units, unit) : -1, s = o >= 0 ? d->owned_site[o] : -1, steps;
	for (steps = 0; s >= 0 && steps <= d->site_codes.n; steps++) {
		b->fig[s][f] += n;
		if (s == d->site_root)
			break;
		s = d->site_parent[s];
	}
}

static void sites_shares(const dash *d, by_site *b)
{
	static const int BY_CLASS[NCLASS] = {F_DONE, F_LATE, F_RED, F_YELLOW, -1, -1};
	for (int i = 0; i < d->nshares; i++) {
		const char *unit = d->units.v[d->shares[i].unit];
		int f = BY_CLASS[class_index(d->shares[i].cls)];
		site_add(d, b, unit, F_OWED, 1);
		if (f >= 0)
			site_add(d, b, unit, f, 1);
	}
}

static void sites_rows(dash *d, by_site *b)
{
	campaign_cursor *c;
	int n;
	if (dash_ok(d, campaign_supervision_query(&c, d->db, d->campaign, d->as_of))) {
		n = campaign_cursor_column_index(c, "overdue");
		while (next_kept(d, c))
			site_add(d, b, campaign_cursor_get(c, "unit"), F_OVERDUE, campaign_cursor_int(c, n));
		campaign_cursor_free(c);
	}
	if (dash_ok(d, campaign_findings_summary_query(&c, d->db, d->campaign))) {
		n = campaign_cursor_column_index(c, "findings");
		while (next_kept(d, c))
			site_add(d, b, campaign_cursor_get(c, "unit"), F_FINDINGS, campaign_cursor_int(c, n));
		campaign_cursor_free(c);
	}
	if (dash_ok(d, campaign_rectification_ledger_query(&c, d->db, d->campaign, NULL, d->as_of))) {
		while (next_kept(d, c)) {
			const char *closed = campaign_cursor_get(c, "closed_on"), *overdue = campaign_cursor_get(c, "overdue");
			if (closed && *closed)
				continue;
			site_add(d, b, campaign_cursor_get(c, "unit"), F_LEDGER_OPEN, 1);
			if (overdue && *overdue)
				site_add(d, b, campaign_cursor_get(c, "unit"), F_LEDGER_OVERDUE, 1);
		}
		campaign_cursor_free(c);
	}
	if (dash_ok(d, campaign_sync_status_query(&c, d->db))) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK) {
			int s = strs_find(&d->site_codes, campaign_cursor_get(c, "site"));
			const char *at = campaign_cursor_get(c, "received_at");
			if (s >= 0 && at && !(b->received[s] = str_dup(at)))
				dash_ok(d, error_set(CAMPAIGN_ENOMEM, "out of memory"));
		}
		campaign_cursor_free(c);
	}
}

/* Site @s's row, then those of its children (by code, as the sites come), depth first. */
static void site_row(dash *d, const by_site *b, int s, int depth)
{
	const long long *f = b->fig[s];
	int i, k;
	if (d->rc || depth > d->site_codes.n)
		return;
	put(d, "<tr><th class=\"site\">");
	for (i = 1; i < depth; i++)
		put(d, "　　");
	esc(d, d->site_codes.v[s]);
	put(d, " ");
	esc(d, d->site_names.v[s]);
	put(d, "</th>");
	putf(d, "<td class=\"total\">%lld</td>", f[F_OWED]);
	for (k = F_DONE; k < NFIGURES; k++)
		putf(d, (k == F_RED || k == F_OVERDUE || k == F_LEDGER_OVERDUE) && f[k] ? "<td class=\"s-red\">%lld</td>"
		                                                                        : "<td>%lld</td>",
		     f[k]);
	/* the time a bundle from it was last applied here (UTC): "2010-12-20T08:00:00Z" as "2010-12-20 08:00" */
	if (b->received[s]) {
		char at[17];
		snprintf(at, sizeof at, "%s", b->received[s]);
		if (at[10] == 'T')
			at[10] = ' ';
		put(d, "<td>");
		esc(d, at);
		put(d, "</td>");
	} else
		put(d, "<td class=\"empty\">从未收到</td>");
	put(d, "</tr>\n");
	for (i = 0; i < d->site_codes.n; i++)
		if (d->site_parent[i] == s && i != d->site_root)
			site_row(d, b, i, depth + 1);
}

static void sites_table(dash *d)
{
	by_site b = {0};
	int s;
	if (!(b.fig = calloc((size_t)d->site_codes.n, sizeof *b.fig)) ||
	    !(b.received = calloc((size_t)d->site_codes.n, sizeof *b.received))) {
		free(b.fig);
		dash_ok(d, error_set(CAMPAIGN_ENOMEM, "out of memory"));
		return;
	}
	sites_shares(d, &b);
	sites_rows(d, &b);
	tag_text(d, "p", "empty", "每个站点的数字含其下级站点；单位按站点所在单位归属（见 campaign site list）。");
	table_begin(d, "各站点（本级以下）",
	            (const char *const[]){"站点", "应完成", "按时完成", "逾期完成", "逾期未完成", "临期", "督查逾期项",
	                                  "发现问题", "整改未销号", "整改逾期", "最近收到报送", NULL});
	for (s = 0; s < d->site_codes.n; s++)
		if (d->site_parent[s] == d->site_root && s != d->site_root)
			site_row(d, &b, s, 1);
	table_end(d);
	for (s = 0; s < d->site_codes.n; s++)
		free(b.received[s]);
	free(b.received);
	free(b.fig);
}

const dash_section SECTION_SITES = {"sites", "七、各站点情况", {sites_table}};
