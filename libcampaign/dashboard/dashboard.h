/* The dashboard's private header: the page being written, the shares read
 * once for the sections that need them, a tally for the pivot tables and the
 * small HTML/SVG writer every section uses. Not installed.
 *
 * The dashboard reads the store only through the public queries (so every
 * figure is also a table); the unit filter alone is resolved by the core's
 * door (core/units.c), as every unit argument is. */
#ifndef CAMPAIGN_DASHBOARD_PRIVATE_H
#define CAMPAIGN_DASHBOARD_PRIVATE_H

#include "core/core.h"

/* A list of owned strings in the order added, with a hash index for
 * strs_find(): the shares (64 000 at M) are placed by unit and outcome id. */
typedef struct strs {
	char **v;
	int n, cap;
	int *slot; /* nslot (a power of two, > 2 n) indexes + 1 into v; 0: empty */
	int nslot;
} strs;

/* One outcome share, as campaign_share_status_query() gives it. */
typedef struct share {
	int unit;      /* index into dash.units */
	int outcome;   /* index into dash.outcomes */
	char cls[12];  /* its class: done, late (done late), red, yellow, green, none */
	int percent, days_late;
} share;

/* A query's rows kept in memory (rowset.c): several parts read them, the
 * query runs once. A cell is NULL where the query gave NULL. */
typedef struct rowset {
	strs names; /* the columns */
	char **cells; /* n rows of ncols */
	int ncols, n, ncells, cap;
} rowset;
/* Keeps the rows of @c (then frees it); @rc is the query's result, returned (with @c untouched) when not OK. */
int rowset_load(rowset *r, int rc, campaign_cursor *c);
/* Column @col of row @row; NULL when NULL or unknown. */
const char *rowset_get(const rowset *r, int row, const char *col);
long rowset_int(const rowset *r, int row, const char *col);
void rowset_free(rowset *r);

/* The page being written. The first error sticks: later writes do nothing. */
typedef struct dash {
	campaign_db *db;
	const char *campaign;
	char as_of[11];
	int rc;
	struct campaign_buf out;
	strs filter;            /* the unit ids the filter keeps; empty: every unit */
	int filtered;
	strs units, unit_names; /* units that owe shares, in plan order */
	strs outcomes, outcome_labels;
	rowset outcome_rows;    /* campaign_outcome_status_query(), once */
	rowset phase_rows;      /* campaign_phase_status_query(), once */
	share *shares;
	int nshares, cap_shares;
	int standalone;         /* a chart alone (chart.c): its <svg> is the document's root */
	/* the sites the store knows (campaign_sites_query(), sites.c), parallel lists; none if it is no site */
	strs site_codes, site_names, site_units;
	strs owned_units;       /* every unit some site owns (campaign_site_units_query()) ... */
	int *owned_site;        /* ... and the index of the site it belongs to */
	int *site_parent;       /* index of each site's parent, -1 at the top or when it is not known */
	int site_root;          /* the site the page is of (--site, else this store's), -1: none */
	int site_given;         /* --site restricts the page to site_root's subtree */
} dash;

/* dashboard.c: the page's start (the as-of date, the filter, the shares read)
 * and its end (the buffer handed to *out, or freed on failure); the styles. */
int dash_start(dash *d, campaign_db *db, const char *campaign, const char *as_of, const char *unit, const char *site);
int dash_finish(dash *d, campaign_buf **out);
/* A public _write(): the page @b made with result @rc, written to @path whole and freed. */
int dash_to_file(int rc, campaign_buf *b, const char *path);
extern const char DASH_CSS[];

/* html.c: the writer */
void put(dash *d, const char *s);
void putf(dash *d, const char *fmt, ...) CAMPAIGN_PRINTF(2, 3);
/* @s with & < > " ' as entities; NULL writes nothing. */
void esc(dash *d, const char *s);
/* @s escaped, cut to @chars characters and "…" when longer. */
void esc_cut(dash *d, const char *s, int chars);
/* <tag class="cls">escaped text</tag> */
void tag_text(dash *d, const char *tag, const char *cls, const char *text);
void svg_rect(dash *d, int x, int y, int w, int h, const char *cls, const char *title);
void svg_text(dash *d, int x, int y, const char *cls, const char *text);
/* The same, cut to @chars characters and "…" (the full text stays in the shape's title). */
void svg_text_cut(dash *d, int x, int y, const char *cls, const char *text, int chars);
/* One legend swatch per class/word pair, a NULL class ending them. */
void legend(dash *d, const char *const *pairs);
/* A chart's frame (chart.c), @w × @h with its @title: in the page a
 * scrolling <svg> and the HTML @legend after it; alone (d->standalone) the
 * root <svg> with its namespace and styles, the @legend drawn below @h inside
 * it. @legend may be NULL. */
void svg_open(dash *d, int w, int h, const char *title, const char *const *legend);
void svg_close(dash *d, int w, int h, const char *const *legend);
/* The Chinese word of a status class ("red" -> "逾期"). */
const char *status_word(const char *cls);
/* Records @rc as the page's error; 1 when it is OK. */
int dash_ok(dash *d, int rc);
/* 1 if the filter keeps @unit (every unit when there is no filter). */
int unit_kept(const dash *d, const char *unit);
/* Steps @c to its next row whose "unit" the filter keeps; 1 if there is one. */
int next_kept(const dash *d, campaign_cursor *c);
/* An <h3> @heading and a scrolling table with a header row of @heads (NULL-ended); its end. */
void table_begin(dash *d, const char *heading, const char *const *heads);
void table_end(dash *d);
/* Days since 1970-01-01 of an ISO date; 0 for NULL or a bad date. */
long date_days(const char *iso);
/* The ISO date @days after 1970-01-01. */
void days_date(long days, char out[11]);

/* strs */
int strs_find(const strs *s, const char *key);
/* Index of @key, added at the end if new; -1 out of memory. */
int strs_add(strs *s, const char *key);
/* Appends @key even if present (for lists parallel to another); its index or -1. */
int strs_push(strs *s, const char *key);
void strs_free(strs *s);

/* tally.c: counts by row and column key, for the pivot tables */
#define TALLY_COLS 32
#define TALLY_UNNAMED "（未注明）" /* the row or column of an empty key */
typedef struct tally {
	strs rows, cols;
	long long *cell; /* cap rows of TALLY_COLS */
	int cap;
} tally;
void tally_add(dash *d, tally *t, const char *row, const char *col, long long n);
/* Counts one under the word of @key in @pairs (key, word, ..., NULL; the key
 * itself when absent), the pairs' words being the first columns, in order. */
void tally_word(dash *d, tally *t, const char *row, const char *const *pairs, const char *key);
/* The same, counting @n. */
void tally_words(dash *d, tally *t, const char *row, const char *const *pairs, const char *key, long long n);
/* The table: @corner heads the row keys' column; a total column at the end. */
void tally_table(dash *d, const tally *t, const char *corner);
void tally_free(tally *t);
/* The table under its @heading (NULL: none), then frees @t. */
void tally_end(dash *d, tally *t, const char *heading, const char *corner);

/* sites.c: the sites known, the --site filter (the units of the site's
 * subtree, campaign_site_units_query(), intersected with the unit filter),
 * and whether the page has a by-site section (sites below site_root). */
int sites_load(dash *d, const char *site, const char *unit);
int sites_below(const dash *d);
void sites_free(dash *d);
/* The page's subtitle: the site shown, with its subtree. */
void sites_meta(dash *d);

/* shares.c: outcomes and shares read once */
int shares_load(dash *d);
void shares_free(dash *d);

/* The charts that chart.c also writes alone (gantt.c, tallies.c), and the
 * coverage tallies the page shows as tables and the chart as bars. */
void gantt_chart(dash *d);
void risk_heatmap(dash *d);
void coverage_rounds_tally(dash *d, tally *t);
void coverage_findings_tally(dash *d, tally *t);
void coverage_ledger_tally(dash *d, tally *t);
extern const char *const COVERAGE_ROUND_STATES[], *const COVERAGE_LEDGER_STATES[], *const FINDING_ORIGINS[];
/* grid.c: a share's class as an index into CELL_CLASSES (NCLASS of them) */
#define NCLASS 6
extern const char *const CELL_CLASSES[], *const GRID_LEGEND[];
int class_index(const char *cls);
/* The shares by unit and outcome: cell [unit * outcomes + outcome] is the
 * share's index + 1, 0 where the unit owes none (free() it); NULL out of memory. */
int *share_map(dash *d);
/* The grid's cell in words: "逾期未完成，完成50%，逾期3天" (a static buffer). */
const char *share_words(const share *s);

/* A section of the page: its anchor, its heading and the parts it writes in order. */
typedef struct dash_section {
	const char *id, *title;
	void (*parts[5])(dash *d);
} dash_section;
/* Writes @s: its heading, then each part, unless the page has failed already. */
void section_write(dash *d, const dash_section *s);
/* The sections, in the page's order (gantt.c, grid.c, tallies.c). */
extern const dash_section SECTION_GANTT, SECTION_MATRIX, SECTION_SUPERVISION, SECTION_RISK, SECTION_COVERAGE,
	SECTION_ACCOUNTABILITY, SECTION_SITES;

#endif
