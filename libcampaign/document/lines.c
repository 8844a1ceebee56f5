/* lines.c: decoding a document, the numbering recogniser and the line
 * classifier's pieces (section labels, items run together on one line). */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include "document/document.h"

int doc_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int doc_ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* The bytes of a space at @s: ASCII space/tab, U+3000 or U+00A0; 0 if none. */
static size_t space_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r')
		return 1;
	if (doc_starts(s, "\xE3\x80\x80"))
		return 3;
	if (doc_starts(s, "\xC2\xA0"))
		return 2;
	return 0;
}

char *doc_trim(char *s)
{
	size_t k, n;
	if (!s) /* a string that could not be made: trimmed, it is still none */
		return NULL;
	while ((k = space_at(s)))
		s += k;
	n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
			n--;
		else if (n >= 3 && !memcmp(s + n - 3, "\xE3\x80\x80", 3))
			n -= 3;
		else
			break;
	}
	s[n] = 0;
	return s;
}

void doc_strip_stop(char *s)
{
	size_t n = strlen(s);
	if (doc_ends(s, "。"))
		s[n - strlen("。")] = 0;
}

static const char *const cn_digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/* A Chinese numeral 一..九十九 at @s: its value and length; 0 if none. */
static int cn_number(const char *s, size_t *len)
{
	int v = 0, cur = 0, any = 0;
	size_t n = 0;
	for (;;) {
		int d = -1;
		for (int i = 0; i < 10; i++)
			if (doc_starts(s + n, cn_digits[i]))
				d = i + 1;
		if (d < 0)
			break;
		any = 1;
		n += 3;
		if (d == 10)
			v += (cur ? cur : 1) * 10, cur = 0;
		else
			cur = d;
	}
	*len = n;
	return any ? v + cur : 0;
}

static size_t open_paren(const char *s)
{
	return *s == '(' ? 1 : doc_starts(s, FW_LP) ? 3 : 0;
}

static size_t close_paren(const char *s)
{
	return *s == ')' ? 1 : doc_starts(s, FW_RP) ? 3 : 0;
}

/* Digits at @s: their value and count. */
static int arabic(const char *s, size_t *len)
{
	int v = 0;
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9' && n < 3)
		v = v * 10 + (s[n++] - '0');
	*len = n;
	return v;
}

/* The label in parentheses: (一) or (1). */
static num_kind paren_label(const char *s, int *value, size_t *len)
{
	size_t o = open_paren(s), n, c;
	int v;
	num_kind k = NUM_CN_PAREN;
	if (!o)
		return NUM_NONE;
	if (!(v = cn_number(s + o, &n))) {
		v = arabic(s + o, &n);
		k = NUM_PAREN;
	}
	if (!n || !v || !(c = close_paren(s + o + n)))
		return NUM_NONE;
	*value = v;
	*len = o + n + c;
	return k;
}

/* 1. 1、 1. but not 2010年 or 1.5 */
static num_kind arabic_label(const char *s, int *value, size_t *len)
{
	size_t n, p;
	int v = arabic(s, &n);
	if (!n || !v)
		return NUM_NONE;
	if (s[n] == '.' && !(s[n + 1] >= '0' && s[n + 1] <= '9'))
		p = 1;
	else if (doc_starts(s + n, "、") || doc_starts(s + n, FW_STOP))
		p = 3;
	else
		return NUM_NONE;
	*value = v;
	*len = n + p;
	return NUM_ARABIC;
}

num_kind doc_numbering(const char *s, int *value, size_t *label_len, const char **body)
{
	size_t n = 0, k;
	num_kind kind = NUM_NONE;
	int v = 0;
	if ((v = cn_number(s, &n)) && doc_starts(s + n, "、"))
		kind = NUM_CN, n += 3;
	else if ((kind = paren_label(s, &v, &n)) != NUM_NONE)
		;
	else if ((kind = arabic_label(s, &v, &n)) != NUM_NONE)
		;
	else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 && (unsigned char)s[2] >= 0xA0 &&
	         (unsigned char)s[2] <= 0xB3)
		kind = NUM_CIRCLED, v = (unsigned char)s[2] - 0xA0 + 1, n = 3;
	if (kind == NUM_NONE)
		return NUM_NONE;
	*value = v;
	*label_len = n;
	s += n;
	while ((k = space_at(s)))
		s += k;
	*body = s;
	return kind;
}

static const struct { const char *word; sect_kind kind; } section_words[] = {
	{"目标任务", SECT_OBJECTIVE}, {"工作任务", SECT_OBJECTIVE},
	{"具体措施", SECT_MEASURES}, {"主要措施", SECT_MEASURES}, {"工作措施", SECT_MEASURES},
	{"预期成果", SECT_OUTCOMES}, {"工作目标", SECT_OUTCOMES}, {"完成时限", SECT_OUTCOMES}, {"预期目标", SECT_OUTCOMES},
	{"责任单位", SECT_RESP}, {"牵头单位", SECT_RESP}, {"责任部门", SECT_RESP}, {"牵头部门", SECT_RESP},
};

sect_kind doc_section_label(const char *s, const char **rest)
{
	for (size_t i = 0; i < sizeof section_words / sizeof *section_words; i++) {
		const char *p = s, *w = section_words[i].word;
		size_t k;
		if (!doc_starts(p, w))
			continue;
		p += strlen(w);
		while ((k = space_at(p)))
			p += k;
		if (*p == ':')
			p++;
		else if (doc_starts(p, FW_COLON))
			p += 3;
		else
			continue;
		while ((k = space_at(p)))
			p += k;
		*rest = p;
		/* "牵头单位:…" keeps its word: the responsibility parser reads the role from it */
		if (section_words[i].kind == SECT_RESP && !doc_starts(s, "责任"))
			*rest = s;
		return section_words[i].kind;
	}
	return SECT_NONE;
}

int doc_split_items(const char *s, const char **at, int max)
{
	int n = 0, v, want;
	size_t len;
	const char *body;
	num_kind k = doc_numbering(s, &v, &len, &body);
	at[n++] = s;
	if (k != NUM_PAREN && k != NUM_CIRCLED)
		return n;
	want = v + 1;
	for (const char *p = s + len; *p && n < max; p++) {
		int w;
		if (doc_numbering(p, &w, &len, &body) == k && w == want) {
			at[n++] = p;
			want++;
			p += len - 1;
		}
	}
	return n;
}

static int decode_gb18030(const char *bytes, size_t n, struct campaign_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char *in = (char *)bytes, chunk[4096];
	size_t left = n;
	if (cd == (iconv_t)-1)
		return error_set(CAMPAIGN_EINVALID, "the encoding \"gb18030\" is not available (iconv)");
	while (left) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &room);
		if (buf_append(out, chunk, (size_t)(o - chunk))) {
			iconv_close(cd);
			return CAMPAIGN_ENOMEM;
		}
		if (r == (size_t)-1 && errno != E2BIG) {
			iconv_close(cd);
			return error_set(CAMPAIGN_EINVALID, "the document is not GB18030 text: bad bytes at offset %zu",
			                 (size_t)(in - bytes));
		}
	}
	iconv_close(cd);
	return buf_append(out, "", 0);
}

int doc_decode(const char *bytes, size_t n, const char *encoding, struct campaign_buf *out)
{
	int utf8 = utf8_valid(bytes, n);
	if (!encoding || !strcmp(encoding, "auto"))
		encoding = utf8 ? "utf-8" : "gb18030";
	if (!strcmp(encoding, "gb18030") || !strcmp(encoding, "GB18030"))
		return decode_gb18030(bytes, n, out);
	if (strcmp(encoding, "utf-8") && strcmp(encoding, "UTF-8"))
		return error_set(CAMPAIGN_EINVALID, "unknown encoding \"%s\" (auto, utf-8 or gb18030)", encoding);
	if (!utf8)
		return error_set(CAMPAIGN_EINVALID, "the document is not UTF-8: bad byte at offset %zu",
		                 utf8_invalid_offset(bytes, n));
	if (n >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
		bytes += 3, n -= 3;
	return buf_append(out, bytes, n) ? CAMPAIGN_ENOMEM : buf_append(out, "", 0);
}
