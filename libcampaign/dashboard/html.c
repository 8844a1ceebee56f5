/* The dashboard's writer: text, escaping, SVG shapes, legends, statuses in
 * words, and the small lists and date arithmetic the sections share. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "dashboard/dashboard.h"

int dash_ok(dash *d, int rc)
{
	if (rc && !d->rc)
		d->rc = rc;
	return !d->rc;
}

void put(dash *d, const char *s)
{
	if (!d->rc)
		dash_ok(d, buf_puts(&d->out, s));
}

void putf(dash *d, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	/* the format's own text is ours and short; store text goes through esc() */
	if (n < 0 || (size_t)n >= sizeof small)
		dash_ok(d, error_set(CAMPAIGN_ERROR, "dashboard: a line is too long"));
	else
		put(d, small);
}

void esc(dash *d, const char *s)
{
	const char *run = s;
	for (; s && *s && !d->rc; s++) {
		const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
		              : *s == '"' ? "&quot;" : *s == '\'' ? "&#39;" : NULL;
		if (!e)
			continue;
		dash_ok(d, buf_append(&d->out, run, (size_t)(s - run)));
		put(d, e);
		run = s + 1;
	}
	if (run && !d->rc)
		dash_ok(d, buf_puts(&d->out, run));
}

void tag_text(dash *d, const char *tag, const char *cls, const char *text)
{
	putf(d, cls ? "<%s class=\"%s\">" : "<%s>", tag, cls);
	esc(d, text);
	putf(d, "</%s>", tag);
}

void svg_rect(dash *d, int x, int y, int w, int h, const char *cls, const char *title)
{
	putf(d, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"s-%s\">", x, y, w < 2 ? 2 : w, h, cls);
	tag_text(d, "title", NULL, title);
	put(d, "</rect>");
}

void esc_cut(dash *d, const char *text, int chars)
{
	const char *p = text ? text : "";
	char *cut;
	int n = 0;
	/* count code points (bytes that do not continue a UTF-8 sequence) */
	for (; *p && n <= chars; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	if (!*p && n <= chars) {
		esc(d, text);
		return;
	}
	while (p > text && ((unsigned char)*p & 0xC0) == 0x80)
		p--;
	if (!(cut = malloc((size_t)(p - text) + 4))) {
		dash_ok(d, error_set(CAMPAIGN_ENOMEM, "out of memory"));
		return;
	}
	memcpy(cut, text, (size_t)(p - text));
	memcpy(cut + (p - text), "…", 4);
	esc(d, cut);
	free(cut);
}

void svg_text_cut(dash *d, int x, int y, const char *cls, const char *text, int chars)
{
	putf(d, "<text x=\"%d\" y=\"%d\" class=\"%s\">", x, y, cls);
	esc_cut(d, text, chars);
	put(d, "</text>");
}

void svg_text(dash *d, int x, int y, const char *cls, const char *text)
{
	putf(d, "<text x=\"%d\" y=\"%d\" class=\"%s\">", x, y, cls);
	esc(d, text);
	put(d, "</text>");
}

void legend(dash *d, const char *const *pairs)
{
	put(d, "<p class=\"legend\">图例：");
	for (; pairs[0]; pairs += 2) {
		putf(d, "<span class=\"sw s-%s\"></span>", pairs[0]);
		tag_text(d, "span", NULL, pairs[1]);
	}
	put(d, "</p>\n");
}

static const char *const WORDS[] = {
	"done", "按时完成", "late", "逾期完成", "red", "逾期未完成", "yellow", "临期", "green", "未到期",
	"none", "无明确期限", "upcoming", "未开始", "active", "进行中", "ended", "已结束", "passed", "已过期",
	"due_soon", "临近", "asof", "统计日", NULL};

const char *status_word(const char *cls)
{
	const char *const *w;
	for (w = WORDS; *w; w += 2)
		if (!strcmp(*w, cls))
			return w[1];
	return cls;
}

void section_write(dash *d, const dash_section *s)
{
	int i;
	if (d->rc)
		return;
	putf(d, "<section id=\"%s\">", s->id);
	tag_text(d, "h2", NULL, s->title);
	put(d, "\n");
	for (i = 0; i < 5 && s->parts[i]; i++)
		s->parts[i](d);
	put(d, "</section>\n");
}

int unit_kept(const dash *d, const char *unit)
{
	return !d->filtered || (unit && strs_find(&d->filter, unit) >= 0);
}

int next_kept(const dash *d, campaign_cursor *c)
{
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (unit_kept(d, campaign_cursor_get(c, "unit")))
			return 1;
	return 0;
}

void table_begin(dash *d, const char *heading, const char *const *heads)
{
	tag_text(d, "h3", NULL, heading);
	put(d, "<div class=\"scroll\"><table><tr>");
	for (; *heads; heads++)
		tag_text(d, "th", NULL, *heads);
	put(d, "</tr>\n");
}

void table_end(dash *d)
{
	put(d, "</table></div>\n");
}

/* days from civil (H. Hinnant's algorithm) */
long date_days(const char *iso)
{
	int y, m, dd;
	long era, yoe, doy, doe;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &dd) != 3)
		return 0;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* civil from days (the same algorithm's inverse) */
void days_date(long z, char out[11])
{
	unsigned yy, mm, ddd;
	long era, doe, yoe, y, doy, mp, dd, m;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dd = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	yy = (unsigned)(y + (m <= 2)) % 10000u, mm = (unsigned)m % 13u, ddd = (unsigned)dd % 32u;
	snprintf(out, 11, "%04u-%02u-%02u", yy, mm, ddd);
}

static unsigned str_hash(const char *key)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

/* The slot of @key: where it is, or the empty slot where it would go. */
static int *strs_slot(const strs *s, const char *key)
{
	unsigned m = (unsigned)s->nslot - 1, i = str_hash(key) & m;
	while (s->slot[i] && strcmp(s->v[s->slot[i] - 1], key))
		i = (i + 1) & m;
	return &s->slot[i];
}

/* Rebuilds the index at twice the size when it is half full. */
static int strs_rehash(strs *s)
{
	int n = s->nslot ? s->nslot * 2 : 64, *slot = calloc((size_t)n, sizeof *slot), i;
	if (!slot)
		return -1;
	free(s->slot);
	s->slot = slot;
	s->nslot = n;
	for (i = 0; i < s->n; i++) {
		int *at = strs_slot(s, s->v[i]);
		if (!*at) /* strs_push() keeps duplicates: the first is found */
			*at = i + 1;
	}
	return 0;
}

int strs_find(const strs *s, const char *key)
{
	int *at;
	if (!key || !s->nslot)
		return -1;
	at = strs_slot(s, key);
	return *at ? *at - 1 : -1;
}

int strs_push(strs *s, const char *key)
{
	char **v;
	int *at;
	if (s->n == s->cap) {
		if (!(v = realloc(s->v, (size_t)(s->cap ? s->cap * 2 : 16) * sizeof *v)))
			return -1;
		s->v = v;
		s->cap = s->cap ? s->cap * 2 : 16;
	}
	if (2 * (s->n + 1) > s->nslot && strs_rehash(s))
		return -1;
	if (!(s->v[s->n] = str_dup(key ? key : "")))
		return -1;
	if (!*(at = strs_slot(s, s->v[s->n])))
		*at = s->n + 1;
	return s->n++;
}

int strs_add(strs *s, const char *key)
{
	int i = strs_find(s, key);
	return i >= 0 ? i : strs_push(s, key);
}

void strs_free(strs *s)
{
	int i;
	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->slot);
	memset(s, 0, sizeof *s);
}
