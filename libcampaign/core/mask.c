/* Names masked for public release (典型案件集中公布), the one rule:
 *
 *   - a Chinese name keeps its surname and becomes 某: 王𠀋明 -> 王某; a
 *     two-character compound surname (欧阳, 司马, 诸葛, ... the list below)
 *     is kept whole: 欧阳修 -> 欧阳某;
 *   - a name in Latin letters keeps its first letter and a full stop:
 *     Smith -> S.
 *
 * mask_names(text, people) (an SQL function) replaces every occurrence in
 * @text of each name of @people (names separated by 、，,;；/ or spaces) by
 * its mask, the longest name first at each place, so that a name inside a
 * finding's free text is caught as well as the people column itself
 * (mask_names(people, people)). Surnames stay: a release names the case,
 * not the person. */
#include <stdlib.h>
#include <string.h>
#include "core/core.h"

static const char *const COMPOUND_SURNAMES[] = {
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
	"司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "赫连", "澹台", "公冶",
	"宗政", "濮阳", "太叔", "申屠", "闻人", "钟离", "万俟", "单于", "司空", "东郭", "拓跋", NULL};

static size_t utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

int mask_name(const char *name, size_t n, struct campaign_buf *out)
{
	unsigned char c = n ? (unsigned char)name[0] : 0;
	if (!n)
		return CAMPAIGN_OK;
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
		char m[3] = {(char)c, '.', '\0'};
		return buf_puts(out, m);
	}
	for (int i = 0; COMPOUND_SURNAMES[i]; i++) {
		size_t k = strlen(COMPOUND_SURNAMES[i]);
		if (n > k && !memcmp(name, COMPOUND_SURNAMES[i], k))
			return buf_append(out, name, k) ? CAMPAIGN_ENOMEM : buf_puts(out, "某");
	}
	return buf_append(out, name, utf8_len(c) < n ? utf8_len(c) : n) ? CAMPAIGN_ENOMEM : buf_puts(out, "某");
}

/* The length of the separator at @s, or 0. */
static size_t separator(const char *s)
{
	static const char *const seps[] = {"、", "，", "；", "／", "　", ",", ";", "/", " ", "\t", "\n", NULL};
	for (int i = 0; seps[i]; i++)
		if (!strncmp(s, seps[i], strlen(seps[i])))
			return strlen(seps[i]);
	return 0;
}

typedef struct name_span {
	const char *s;
	size_t n;
} name_span;

/* The names of @people (at most @max), into @names. */
static int split_names(const char *people, name_span *names, int max)
{
	int k = 0;
	for (const char *p = people; *p && k < max;) {
		size_t sep = separator(p), n = 0;
		if (sep) {
			p += sep;
			continue;
		}
		while (p[n] && !separator(p + n))
			n += utf8_len((unsigned char)p[n]);
		names[k++] = (name_span){p, n};
		p += n;
	}
	return k;
}

int mask_names(const char *text, const char *people, struct campaign_buf *out)
{
	name_span names[64];
	int k = split_names(people ? people : "", names, 64), rc = CAMPAIGN_OK;
	for (const char *p = text; *p && !rc;) {
		int best = -1;
		for (int i = 0; i < k; i++)
			if (!strncmp(p, names[i].s, names[i].n) && (best < 0 || names[i].n > names[best].n))
				best = i;
		if (best >= 0) {
			rc = mask_name(names[best].s, names[best].n, out);
			p += names[best].n;
		} else {
			size_t n = utf8_len((unsigned char)*p);
			rc = buf_append(out, p, strnlen(p, n));
			p += strnlen(p, n);
		}
	}
	return rc;
}

static void sql_mask_names(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct campaign_buf b = {0};
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	(void)argc;
	if (!text) {
		sqlite3_result_null(ctx);
		return;
	}
	if (buf_append(&b, "", 0) || mask_names(text, (const char *)sqlite3_value_text(argv[1]), &b))
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, b.data, (int)b.size, SQLITE_TRANSIENT);
	buf_reset(&b);
}

int mask_register(campaign_db *db)
{
	int rc = sqlite3_create_function(db->sql, "mask_names", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                                 sql_mask_names, NULL, NULL);
	return rc == SQLITE_OK ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, "cannot register mask_names()");
}
