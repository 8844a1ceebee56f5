/**
 * @file campaign/dashboard.h
 * @brief The dashboard (工作看板): one self-contained HTML page in Chinese that a
 *        leading group reads at a glance.
 *
 * The page holds, in this order: the Gantt chart of the phases, milestones
 * and outcome deadlines with the as-of line; the responsibility matrix as a
 * heat grid of shares (units × outcomes) with each unit's counts; the
 * supervision list (督查) and the overdue outcomes; the risk heat map and the
 * grade distribution of all points, by unit and by business area (risk type);
 * self-inspection coverage, findings and the
 * rectification ledger; accountability proposals and their decisions; and
 * in a city or province store (a site with sites below it), the same by
 * site: for each site below, over its subtree, the status counts of its
 * shares, its overdue items, findings, the ledger's open and overdue rows
 * and when a bundle from it was last applied here.
 *
 * It is built only from the public queries (campaign_phase_status_query(),
 * campaign_outcome_status_query(), campaign_share_status_query(),
 * campaign_supervision_query(), campaign_risk_heatmap_query(),
 * campaign_risk_distribution_query(), campaign_inspection_rounds_query(),
 * campaign_findings_summary_query(), campaign_rectification_ledger_query(),
 * campaign_proposals_query(), campaign_sites_query(), campaign_site_units_query(),
 * campaign_sync_status_query()), so every figure can also be had as a table.
 * Inline CSS and SVG only: no script, no font or image fetched from anywhere,
 * so it opens from a USB stick on an offline PC and prints on A4 landscape.
 * Every text from the store is escaped; every colour has a legend and each
 * cell's title gives its status in words. Each chart can also be written
 * alone as a standalone SVG (campaign_chart_write()).
 */
#ifndef CAMPAIGN_DASHBOARD_H
#define CAMPAIGN_DASHBOARD_H

#include "common.h"
#include "buf.h"
#include "store.h"

CAMPAIGN_BEGIN_DECLS

#define CAMPAIGN_DASHBOARD_OPTIONS_VERSION 1

/**
 * What the dashboard shows. Initialise with ::CAMPAIGN_DASHBOARD_OPTIONS_INIT or
 * campaign_dashboard_options_init().
 */
typedef struct campaign_dashboard_options {
	unsigned int version; /**< ::CAMPAIGN_DASHBOARD_OPTIONS_VERSION */
	const char *as_of;    /**< the date judged "YYYY-MM-DD", or NULL for today (UTC) */
	const char *unit;     /**< a unit or a group (id, name or alias as the plan writes them), or NULL for all:
	                           the grid, lists and tallies keep that unit's (or the group's members') rows */
	const char *site;     /**< a site code (docs/multisite.md) this store knows, or NULL: the page keeps the rows
	                           of the units of that site's subtree (campaign_site_units_query()),
	                           and of those only the unit filter's when both are given; its by-site section lists
	                           the sites below it */
} campaign_dashboard_options;

#define CAMPAIGN_DASHBOARD_OPTIONS_INIT { CAMPAIGN_DASHBOARD_OPTIONS_VERSION, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_dashboard_options_init(campaign_dashboard_options *opts, unsigned int version);

/**
 * Writes the dashboard of a campaign into a new buffer (UTF-8 HTML).
 * @param[out] out  the page, written only on success; free with campaign_buf_free()
 * @param db        the store
 * @param campaign  campaign id, or NULL for the only one
 * @param opts      what to show, or NULL for the defaults
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL @p out or @p db, an unknown opts->version,
 *         a bad as_of date, a site given to a store that is no site, a unit not in the site's subtree,
 *         an ambiguous unit, or no campaign named in a store of several;
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign, unit or site; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_dashboard_write_buf(campaign_buf **out, campaign_db *db, const char *campaign,
                                              const campaign_dashboard_options *opts);

/**
 * Writes the dashboard of a campaign to the file @p path (replaced whole: a
 * reader never sees half a page).
 * @return as campaign_dashboard_write_buf(); ::CAMPAIGN_EINVALID also for a NULL @p path;
 *         ::CAMPAIGN_EIO if the file cannot be written.
 */
CAMPAIGN_API int campaign_dashboard_write(campaign_db *db, const char *campaign,
                                          const campaign_dashboard_options *opts, const char *path);

#define CAMPAIGN_CHART_OPTIONS_VERSION 1

/**
 * Which chart campaign_chart_write() writes, and as of when. Initialise with ::CAMPAIGN_CHART_OPTIONS_INIT or
 * campaign_chart_options_init().
 */
typedef struct campaign_chart_options {
	unsigned int version; /**< ::CAMPAIGN_CHART_OPTIONS_VERSION */
	const char *kind;     /**< "gantt" (phases, milestones, outcome deadlines), "matrix" (the heat grid of shares,
	                           units × outcomes), "heatmap" (the risk heat map of the default matrix model) or
	                           "coverage" (self-inspection reports per round, findings, the rectification ledger);
	                           required */
	const char *as_of;    /**< the date judged "YYYY-MM-DD", or NULL for today (UTC) */
	const char *unit;     /**< a unit or a group, or NULL for all (as campaign_dashboard_options.unit) */
	const char *site;     /**< a site code, or NULL (as campaign_dashboard_options.site) */
} campaign_chart_options;

#define CAMPAIGN_CHART_OPTIONS_INIT { CAMPAIGN_CHART_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_chart_options_init(campaign_chart_options *opts, unsigned int version);

/**
 * Writes one chart of the dashboard alone, as a standalone SVG document (an XML declaration, the SVG
 * namespace, its styles and legend inside; Chinese text; every text from the store escaped), drawn by
 * the same code as the dashboard's, for pasting into a report.
 * @param[out] out  the SVG, written only on success; free with campaign_buf_free()
 * @param campaign  campaign id, or NULL for the only one
 * @param opts      the chart; required (its kind is)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID for a NULL @p out, @p db or @p opts, an unknown opts->version,
 *         a kind not one of gantt, matrix, heatmap, coverage ("chart \"pie\" is not one of gantt, matrix,
 *         heatmap, coverage"), a heat map without a default matrix model, and as campaign_dashboard_write_buf();
 *         ::CAMPAIGN_ENOTFOUND for an unknown campaign or unit; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_chart_write_buf(campaign_buf **out, campaign_db *db, const char *campaign,
                                          const campaign_chart_options *opts);

/**
 * Writes one chart to the file @p path as campaign_chart_write_buf() makes it (replaced whole).
 * @return as campaign_chart_write_buf(); ::CAMPAIGN_EINVALID also for a NULL @p path;
 *         ::CAMPAIGN_EIO if the file cannot be written.
 */
CAMPAIGN_API int campaign_chart_write(campaign_db *db, const char *campaign, const campaign_chart_options *opts,
                                      const char *path);

CAMPAIGN_END_DECLS
#endif
