/* campaign_dashboard_write(): the page's frame (head, print CSS, title), the
 * unit filter, and the sections in priority order. */
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

OPTIONS_INIT_FN(dashboard, CAMPAIGN_DASHBOARD_OPTIONS_VERSION)

/* Colours by status class, shared by HTML cells (background) and SVG shapes (fill). */
const char DASH_CSS[] =
	"svg{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"SimSun\",sans-serif}body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"SimSun\",sans-serif;margin:12px;color:#222}"
	"h1{font-size:20px}h2{font-size:16px;border-bottom:2px solid #8b0000;padding-bottom:2px}"
	"table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #bbb;padding:2px 5px}"
	"th{background:#f2f2f2;text-align:left;font-weight:normal}td.total{font-weight:bold}"
	".scroll{max-height:520px;overflow:auto;margin-bottom:8px}"
	".grid th{white-space:nowrap}.grid td{width:20px;height:16px;padding:0;text-align:center;font-size:10px}"
	".legend{font-size:12px}.sw{display:inline-block;width:12px;height:12px;margin:0 3px 0 10px;"
	"vertical-align:middle;border:1px solid #888}.empty{color:#888}"
	".s-done{background:#2e7d32;fill:#2e7d32;color:#fff}.s-late{background:#8e24aa;fill:#8e24aa;color:#fff}"
	".s-red{background:#d32f2f;fill:#d32f2f;color:#fff}.s-yellow{background:#fbc02d;fill:#fbc02d}"
	".s-green{background:#a5d6a7;fill:#a5d6a7}.s-none{background:#e0e0e0;fill:#bdbdbd}"
	".s-upcoming{background:#90caf9;fill:#90caf9}.s-active{background:#1e88e5;fill:#1e88e5}"
	".s-ended{background:#9e9e9e;fill:#9e9e9e}.s-passed{background:#616161;fill:#616161}"
	".s-due_soon{background:#fbc02d;fill:#fbc02d}.s-asof{background:#d32f2f;fill:#d32f2f}"
	"svg text{font-size:11px;fill:#222}svg text.head{font-weight:bold}svg line.asof{stroke:#d32f2f;stroke-width:2}"
	"svg line.tick{stroke:#ddd}"
	"@page{size:A4 landscape;margin:10mm}"
	"@media print{.scroll{max-height:none;overflow:visible}section{page-break-inside:auto}h2{page-break-after:avoid}}";

static void page_head(dash *d)
{
	campaign_cursor *c;
	if (d->rc)
		return;
	put(d, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
	if (!dash_ok(d, campaign_campaigns_query(&c, d->db)))
		return;
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!d->campaign || !strcmp(campaign_cursor_get(c, "id"), d->campaign)) {
			tag_text(d, "title", NULL, campaign_cursor_get(c, "title"));
			put(d, "<style>");
			put(d, DASH_CSS);
			put(d, "</style></head>\n<body>\n");
			tag_text(d, "h1", NULL, campaign_cursor_get(c, "title"));
			break;
		}
	campaign_cursor_free(c);
	put(d, "<p class=\"meta\">统计日：");
	esc(d, d->as_of);
	put(d, "</p>\n");
	sites_meta(d);
}

/* The unit ids the filter keeps: the core's door resolves the name, a group
 * to its members, as for every unit argument. */
static int filter_resolve(dash *d, const char *unit)
{
	struct campaign_buf ids = {0};
	sqlite3_int64 crid;
	char *line, *next;
	int rc;
	if (!unit || !*unit)
		return CAMPAIGN_OK;
	d->filtered = 1;
	if ((rc = db_campaign_rid(d->db, d->campaign, &crid)) || (rc = units_resolve_ids(d->db, crid, unit, &ids))) {
		buf_reset(&ids);
		return rc;
	}
	for (line = ids.data; !rc && line && (next = strchr(line, '\n')); line = next + 1) {
		*next = 0;
		if (strs_add(&d->filter, line) < 0)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	buf_reset(&ids);
	return rc;
}

int dash_start(dash *d, campaign_db *db, const char *campaign, const char *as_of, const char *unit, const char *site)
{
	int rc;
	d->db = db;
	d->campaign = campaign;
	if (as_of && !date_valid(as_of))
		return error_set(CAMPAIGN_EINVALID, "\"%s\" is not a date (YYYY-MM-DD)", as_of);
	if (as_of)
		snprintf(d->as_of, sizeof d->as_of, "%s", as_of);
	else {
		char now[21];
		db_now(now);
		snprintf(d->as_of, sizeof d->as_of, "%.10s", now);
	}
	if ((rc = filter_resolve(d, unit)) || (rc = sites_load(d, site, unit)))
		return rc;
	return shares_load(d);
}

int dash_finish(dash *d, campaign_buf **out)
{
	struct campaign_buf *b = NULL;
	shares_free(d);
	sites_free(d);
	if (!d->rc && !(b = malloc(sizeof *b)))
		d->rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (d->rc) {
		buf_reset(&d->out);
		return d->rc;
	}
	*b = d->out;
	*out = b;
	error_ok();
	return CAMPAIGN_OK;
}

/* In priority order: where the phases stand, who is late, the risks, inspection, accountability; in a
 * city or province store, the same by site (only when the page's site has sites below it). */
static const dash_section *const SECTIONS[] = {&SECTION_GANTT, &SECTION_MATRIX, &SECTION_SUPERVISION, &SECTION_RISK,
	&SECTION_COVERAGE, &SECTION_ACCOUNTABILITY, &SECTION_SITES};

int campaign_dashboard_write_buf(campaign_buf **out, campaign_db *db, const char *campaign,
                                 const campaign_dashboard_options *opts)
{
	dash d = {0};
	size_t i;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_dashboard_write_buf: out is NULL");
	if ((d.rc = db_check(db)) ||
	    (opts && (d.rc = options_check(opts, CAMPAIGN_DASHBOARD_OPTIONS_VERSION, "campaign_dashboard_options"))))
		return d.rc;
	d.rc = dash_start(&d, db, campaign, opts ? opts->as_of : NULL, opts ? opts->unit : NULL, opts ? opts->site : NULL);
	page_head(&d);
	for (i = 0; i < sizeof SECTIONS / sizeof *SECTIONS; i++)
		if (SECTIONS[i] != &SECTION_SITES || sites_below(&d))
			section_write(&d, SECTIONS[i]);
	put(&d, "<footer><p class=\"empty\">本看板由 libcampaign 依据公开查询生成，各图数据均可按表导出。</p></footer>\n"
	        "</body></html>\n");
	return dash_finish(&d, out);
}

int dash_to_file(int rc, campaign_buf *b, const char *path)
{
	if (rc)
		return rc;
	rc = buf_write_file(b, path);
	campaign_buf_free(b);
	return rc;
}

int campaign_dashboard_write(campaign_db *db, const char *campaign, const campaign_dashboard_options *opts,
                             const char *path)
{
	campaign_buf *b = NULL;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_dashboard_write: path is NULL");
	int rc = campaign_dashboard_write_buf(&b, db, campaign, opts); /* before @b is read */
	return dash_to_file(rc, b, path);
}
