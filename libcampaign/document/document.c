/* document.c: campaign_plan_from_document(): reads the file, splits it into
 * lines, builds the draft (build.c) and writes its YAML and report (emit.c).
 * Also the draft's small helpers: owned strings, the report's notes. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "document/document.h"

int campaign_document_options_init(campaign_document_options *opts, unsigned int version)
{
	if (!opts || version != CAMPAIGN_DOCUMENT_OPTIONS_VERSION)
		return error_set(CAMPAIGN_EINVALID, "campaign_document_options_init: unknown version %u", version);
	*opts = (campaign_document_options)CAMPAIGN_DOCUMENT_OPTIONS_INIT;
	return CAMPAIGN_OK;
}

/* Every string of the draft comes through here. Many callers read a NULL as
 * "none" (no deadline prefix, no title), so a failed allocation also marks
 * the draft: campaign_plan_from_document() then fails with ENOMEM instead of
 * returning a plan with a part silently missing. */
static int own(doc *d, char *s)
{
	if (!s) {
		d->nomem = 1;
		return CAMPAIGN_ENOMEM;
	}
	if (d->nowned == d->capowned) {
		int cap = d->capowned ? d->capowned * 2 : 256;
		char **o = realloc(d->owned, (size_t)cap * sizeof *o);
		if (!o) {
			free(s);
			d->nomem = 1;
			return CAMPAIGN_ENOMEM;
		}
		d->owned = o, d->capowned = cap;
	}
	d->owned[d->nowned++] = s;
	return CAMPAIGN_OK;
}

char *doc_strndup(doc *d, const char *s, size_t n)
{
	char *t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = 0;
	}
	return own(d, t) ? NULL : t;
}

char *doc_strdup(doc *d, const char *s)
{
	return s ? doc_strndup(d, s, strlen(s)) : NULL;
}

int doc_grow(doc *d, void **arr, int n, size_t size)
{
	/* capacities are powers of two: grow when n reaches one */
	if (n == 0 || (n & (n - 1)) == 0) {
		void *p = realloc(*arr, (size_t)(n ? n * 2 : 1) * size);
		if (!p) {
			if (d) /* as own(): some callers' callers read a failure as "not this kind of line" */
				d->nomem = 1;
			return CAMPAIGN_ENOMEM;
		}
		*arr = p;
	}
	return CAMPAIGN_OK;
}

/* Formats a note; NULL on ENOMEM. */
static char *note(doc *d, const char *fmt, va_list ap)
{
	char tmp[512];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	return doc_strdup(d, tmp);
}

/* Line @no's use gets @s; a line used twice (a phase line with a milestone) says both. */
static int note_use(doc *d, int no, char *s)
{
	if (d->use[no]) {
		char *both = malloc(strlen(d->use[no]) + strlen(s) + 3);
		if (own(d, both))
			return CAMPAIGN_ENOMEM;
		sprintf(both, "%s; %s", d->use[no], s);
		s = both;
	}
	d->use[no] = s;
	return CAMPAIGN_OK;
}

int doc_use(doc *d, int no, const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = note(d, fmt, ap);
	va_end(ap);
	return s ? note_use(d, no, s) : CAMPAIGN_ENOMEM;
}

int doc_judge(doc *d, int no, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc;
	va_start(ap, fmt);
	s = note(d, fmt, ap);
	va_end(ap);
	if (!s)
		return CAMPAIGN_ENOMEM;
	rc = no >= 0 ? buf_printf(&d->judgements, "L%d: %s\n", no + 1, s) : buf_printf(&d->judgements, "%s\n", s);
	if (rc)
		d->nomem = 1;
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

int doc_is_deadline(doc *d, const char *text)
{
	deadline_range r;
	int rc = *text ? deadline_parse_range(&r, text, d->year) : CAMPAIGN_EINVALID;
	/* out of memory is not "no deadline" */
	if (rc == CAMPAIGN_ENOMEM)
		d->nomem = 1;
	error_ok();
	return rc == CAMPAIGN_OK;
}

/* Splits the text into trimmed lines (kept in d->lines). */
static int split_lines(doc *d, char *text)
{
	for (char *p = text; p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = 0;
		if (doc_grow(d, (void **)&d->lines, d->nlines, sizeof *d->lines))
			return CAMPAIGN_ENOMEM;
		d->lines[d->nlines++] = doc_trim(p);
		p = nl ? nl + 1 : NULL;
	}
	d->use = calloc((size_t)d->nlines + 1, sizeof *d->use);
	return d->use ? CAMPAIGN_OK : CAMPAIGN_ENOMEM;
}

/* The year of deadlines written without one: the option, else the first "YYYY年" in the text. */
static int find_year(doc *d)
{
	if (d->opts->year)
		return d->opts->year;
	for (int i = 0; i < d->nlines; i++)
		for (const char *p = d->lines[i]; *p; p++)
			if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
			    p[3] >= '0' && p[3] <= '9' && doc_starts(p + 4, "年"))
				return atoi(p);
	return 0;
}

/* The basis document's number (川国土资党委〔2010〕5号) and title (《…》 before it). */
static int basis(doc *d)
{
	const char *s = d->preamble.data, *b, *h, *start, *t1, *t2 = NULL;
	if (!s || !(b = strstr(s, "〔")) || !(h = strstr(b, "号")))
		return CAMPAIGN_OK;
	start = s;
	for (const char *p = s; p < b; p++) /* the number starts after the last bracket before 〔 */
		if (*p == '(')
			start = p + 1;
		else if (doc_starts(p, FW_LP) || doc_starts(p, "》"))
			start = p + 3;
	if (!(d->basis = doc_strndup(d, start, (size_t)(h + strlen("号") - start))))
		return CAMPAIGN_ENOMEM;
	for (t1 = strstr(s, "《"); t1 && t1 < b; t1 = strstr(t1 + 3, "《"))
		t2 = t1;
	if (t2 && (t1 = strstr(t2, "》")) && t1 < b)
		d->basis_title = doc_strndup(d, t2 + 3, (size_t)(t1 - t2 - 3));
	return CAMPAIGN_OK;
}

/* The title (option, first line, or the closing heading) and the issuer (the title up to 局/厅/委员会/政府). */
static int title_issuer(doc *d)
{
	static const char *const ends[] = {"局", "厅", "委员会", "政府", "委", NULL};
	if (d->opts->title)
		d->title = doc_strdup(d, d->opts->title);
	else if (!d->title && d->footer) {
		d->title = d->footer;
		if (doc_judge(d, -1, "no title line: the closing heading \"%s\" taken as the title", d->footer))
			return CAMPAIGN_ENOMEM;
	} else if (!d->title) {
		d->title = doc_strdup(d, "(untitled plan)");
		if (doc_judge(d, -1, "no title found: the plan is named \"(untitled plan)\""))
			return CAMPAIGN_ENOMEM;
	}
	for (int i = 0; d->title && ends[i]; i++) {
		const char *e = strstr(d->title, ends[i]);
		if (e && e - d->title < 60) {
			d->issuer = doc_strndup(d, d->title, (size_t)(e - d->title) + strlen(ends[i]));
			return doc_judge(d, -1, "the issuer \"%s\" read from the title", d->issuer);
		}
	}
	return d->title ? CAMPAIGN_OK : CAMPAIGN_ENOMEM;
}

/* The issuer itself: the unit every other is under (市局, 局机关). */
static int root_unit(doc *d)
{
	const char *canon;
	if (doc_grow(d, (void **)&d->units, d->nunits, sizeof *d->units))
		return CAMPAIGN_ENOMEM;
	memset(&d->units[0], 0, sizeof *d->units);
	snprintf(d->units[0].id, sizeof d->units[0].id, "city");
	d->units[0].name = "(issuer)";
	d->units[0].kind = "bureau";
	d->units[0].aliases = "市局|局机关|本局";
	d->nunits = 1;
	(void)canon;
	return CAMPAIGN_OK;
}

static void doc_free(doc *d)
{
	for (int i = 0; i < d->nowned; i++)
		free(d->owned[i]);
	free(d->owned);
	for (int i = 0; i < d->ntasks; i++) {
		free(d->tasks[i].measures), free(d->tasks[i].outcomes);
		buf_reset(&d->tasks[i].objective);
	}
	for (int i = 0; i < d->nphases; i++)
		free(d->phases[i].ms);
	for (int i = 0; i < d->nbodies; i++)
		free(d->bodies[i].members);
	free(d->tasks), free(d->units), free(d->phases), free(d->lines), free(d->use);
	buf_reset(&d->judgements), buf_reset(&d->preamble), buf_reset(&d->summary), buf_reset(&d->requirements);
}

const char *doc_period_end(const char *p)
{
	const char *e = p, *k;
	for (k = p; (k = strstr(k, "至")); k += 3)
		e = k + 3;
	for (k = p; (k = strstr(k, "--")); k += 2)
		e = e > k + 2 ? e : k + 2;
	return e;
}

/* No 2010年10月开始,至… line: the campaign runs from its first phase's start to its last phase's end. */
static int period_from_phases(doc *d)
{
	const char *first = d->nphases ? d->phases[0].period : NULL, *last, *cut;
	if (!first || !*first || !*(last = d->phases[d->nphases - 1].period))
		return CAMPAIGN_OK;
	size_t n = (cut = strstr(first, "至")) ? (size_t)(cut - first)
	           : (cut = strstr(first, "--")) ? (size_t)(cut - first) : strlen(first);
	struct campaign_buf b = {0};
	int rc = buf_printf(&b, "%.*s至%s", (int)n, first, doc_period_end(last));
	if (!rc && !(d->period = doc_strdup(d, b.data)))
		rc = CAMPAIGN_ENOMEM;
	buf_reset(&b);
	return rc ? rc : doc_judge(d, d->phases[0].line, "no campaign period line: the phases' span %s taken", d->period);
}

static int draft(doc *d, const char *path, struct campaign_buf *text)
{
	struct campaign_buf raw = {0};
	int rc;
	/* a .docx (or any file that is a zip): its paragraphs as lines; else text in its encoding */
	if (doc_ends(path, ".docx") || ooxml_is_zip(path))
		rc = doc_docx_text(path, text);
	else if (!(rc = file_read(path, &raw)))
		rc = doc_decode(raw.data ? raw.data : "", raw.size, d->opts->encoding, text);
	buf_reset(&raw);
	if (rc || (rc = split_lines(d, text->data)) || (rc = root_unit(d)))
		return rc;
	d->year = find_year(d);
	if ((rc = doc_build(d)) || (rc = basis(d)) || (rc = title_issuer(d)))
		return rc;
	if (d->issuer)
		d->units[0].name = d->issuer;
	if (!d->ntasks && !d->nphases)
		return error_set(CAMPAIGN_EINVALID, "%s: no task, measure or phase found in the document", path);
	if (!d->period && (rc = period_from_phases(d)))
		return rc;
	if (!d->period)
		return error_set(CAMPAIGN_EINVALID, "%s: no campaign period found (a line such as 2010年10月开始,至2011年12月)",
		                 path);
	return CAMPAIGN_OK;
}

/* Hands @yaml and @report (when @out_report) over, both or neither. */
static int give(campaign_buf **out_yaml, struct campaign_buf *yaml, campaign_buf **out_report,
                struct campaign_buf *report)
{
	campaign_buf *y = malloc(sizeof *y), *r = out_report ? malloc(sizeof *r) : NULL;
	if (!y || (out_report && !r)) {
		free(y), free(r);
		buf_reset(yaml), buf_reset(report);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	*y = *yaml, *out_yaml = y;
	if (r)
		*r = *report, *out_report = r;
	else
		buf_reset(report);
	return CAMPAIGN_OK;
}

int campaign_plan_from_document(campaign_buf **out_yaml, campaign_buf **out_report, const char *path,
                                const campaign_document_options *opts)
{
	static const campaign_document_options defaults = CAMPAIGN_DOCUMENT_OPTIONS_INIT;
	doc d;
	struct campaign_buf text = {0}, yaml = {0}, report = {0};
	int rc;
	if (!out_yaml || !path)
		return error_set(CAMPAIGN_EINVALID, "campaign_plan_from_document: NULL %s", path ? "out_yaml" : "path");
	if (opts && opts->version != CAMPAIGN_DOCUMENT_OPTIONS_VERSION)
		return error_set(CAMPAIGN_EINVALID, "campaign_plan_from_document: unknown options version %u", opts->version);
	memset(&d, 0, sizeof d);
	d.opts = opts ? opts : &defaults;
	rc = draft(&d, path, &text);
	/* a part may be missing where a string could not be made: nothing is written of it */
	if (d.nomem)
		rc = CAMPAIGN_ENOMEM;
	if (!rc)
		rc = doc_emit_yaml(&d, &yaml);
	if (!rc && out_report)
		rc = doc_emit_report(&d, &report);
	if (d.nomem)
		rc = CAMPAIGN_ENOMEM;
	doc_free(&d);
	buf_reset(&text);
	if (rc) {
		buf_reset(&yaml), buf_reset(&report);
		return rc == CAMPAIGN_ENOMEM ? error_set(rc, "out of memory") : rc;
	}
	if (give(out_yaml, &yaml, out_report, &report))
		return CAMPAIGN_ENOMEM;
	error_ok();
	return CAMPAIGN_OK;
}

int campaign_plan_from_document_yaml(campaign_buf **out, const char *path, const campaign_document_options *opts)
{
	return campaign_plan_from_document(out, NULL, path, opts);
}

int campaign_plan_from_document_report(campaign_buf **out, const char *path, const campaign_document_options *opts)
{
	campaign_buf *yaml = NULL;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_plan_from_document_report: NULL out");
	rc = campaign_plan_from_document(&yaml, out, path, opts);
	campaign_buf_free(yaml);
	return rc;
}
