/* Deadlines written the Chinese way: "2010年11月底完成" -> [2010-11-21, 2010-11-30].
 *
 * Two stages, both linear in the length of the text:
 *
 * 1. A tokenizer turns the UTF-8 text into at most MAX_TOKENS tokens: numbers
 *    in any script (2010, ２０１０, 二〇一〇, 十二, 廿一), unit words (年 月 日
 *    旬 季度 ...), separators and filler words. Whitespace is dropped.
 * 2. A recursive-descent grammar reads the tokens:
 *
 *      text   := lead* ( OPEN | part [start* sep+ part] ) tail* END
 *      part   := iso | year [period] | [year] period
 *      year   := NUM 年 | NUM(4) before Q | 今年 | 明年 | 年 (the context year)
 *      period := 初 | 中 | 底 | 末 | 全年 | 上半年 | 下半年
 *              | [第] NUM 季度 [初|底|末] | Q NUM [初|底|末]
 *              | NUM 月 [上旬|中旬|下旬|初|中|底|末 | NUM 日]
 *              | NUM 日            (only as the end of a range: "10月1日至15日")
 *      iso    := NUM(4) s NUM [s NUM]   with s one of - / .
 *
 *    and resolves each part to a [first, last] range of days.
 *
 * The conventions (what 月底, 上旬, 年中 ... mean) are documented in
 * docs/deadlines.md; keep the two in step. No allocation happens here except
 * the public campaign_deadline itself.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/io.h"

#define MAX_TOKENS 64   /* a deadline is a short phrase; more is not a deadline */
#define QUOTE_MAX 200   /* how much of the text an error message quotes */
#define YEAR_MIN 1900
#define YEAR_MAX 2999

/* ---- UTF-8 ---- */

/* Decodes the code point at s[0..n). Returns its length in bytes, or 0 if the
 * bytes are not well-formed UTF-8 (overlong forms and surrogates included). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t v, min;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2; v = s[0] & 0x1Fu; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; v = s[0] & 0x0Fu; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4; v = s[0] & 0x07u; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

static int utf8_ok(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((len = utf8_next(s + i, n - i, &cp)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

/* Copies @text into @out for an error message: cut to fit with "...", and
 * with invalid bytes and control characters written as \xNN, so that the
 * message itself stays valid UTF-8 (the bindings decode it). */
static void quote_text(char *out, size_t cap, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i = 0, o = 0, len, need;
	uint32_t cp = 0;
	int esc;

	/* Invariant: o + 4 <= cap, room for "..." and the NUL. */
	while (i < n) {
		len = utf8_next(s + i, n - i, &cp);
		esc = len == 0 || cp < 0x20 || cp == 0x7F;
		need = esc ? 4 : len;
		if (o + need + 4 > cap) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (esc) {
			snprintf(out + o, 5, "\\x%02X", (unsigned)s[i]);
			i += 1;
		} else {
			memcpy(out + o, s + i, len);
			i += len;
		}
		o += need;
	}
	out[o] = '\0';
}

/* ---- tokens ---- */

enum tok_kind {
	T_END,      /* end of the text */
	T_NUM,      /* a number: Arabic, full-width or Chinese */
	T_YEAR,     /* 年 */
	T_MONTH,    /* 月 月份 */
	T_DAY,      /* 日 号 */
	T_XUN,      /* 上旬 中旬 下旬: value 1..3 */
	T_BEGIN,    /* 初 */
	T_MID,      /* 中 */
	T_LATE,     /* 底 末 */
	T_QUARTER,  /* 季度 季 */
	T_ORD,      /* 第 */
	T_Q,        /* Q q, as in "Q3" */
	T_HALF,     /* 上半年 下半年: value 1..2 */
	T_ALLYEAR,  /* 全年 */
	T_RELYEAR,  /* 今年 明年: value = offset from the context year */
	T_OPEN,     /* 长期坚持 持续推进 ...: no end date at all */
	T_LEAD,     /* 于 在 截至 截止 从 自: words before the date */
	T_TO,       /* 至 到 (value 1 for 到, which may also lead) */
	T_DASH,     /* - — – － ~ ～ 〜 (value 1 for ASCII '-', also an ISO separator) */
	T_COMMA,    /* , ， */
	T_DUN,      /* 、 */
	T_DOT,      /* . */
	T_SLASH,    /* / */
	T_STOP,     /* 。 */
	T_FILL,     /* 完成 前 之前 以前 止 为止 结束 左右 内 以内: words after the date */
	T_START     /* 开始 起: after the date, or before a range separator */
};

struct token {
	enum tok_kind kind;
	int value;      /* T_NUM: the number; others: see enum tok_kind */
	int ndigits;    /* T_NUM: digits written (positional Chinese counts 2) */
	int arabic;     /* T_NUM: 1 if written with Arabic digits (ASCII or full-width) */
	const char *s;  /* the token in the text, for messages */
	size_t len;
};

/* Fixed words. The tokenizer takes the longest match, so 中旬 wins over 中
 * and 截至 over 至. Numbers are not here: they are scanned separately. */
static const struct keyword {
	const char *word;
	enum tok_kind kind;
	int value;
} keywords[] = {
	{"年", T_YEAR, 0}, {"月", T_MONTH, 0}, {"月份", T_MONTH, 0},
	{"日", T_DAY, 0}, {"号", T_DAY, 0},
	{"上旬", T_XUN, 1}, {"中旬", T_XUN, 2}, {"下旬", T_XUN, 3},
	{"初", T_BEGIN, 0}, {"中", T_MID, 0}, {"底", T_LATE, 0}, {"末", T_LATE, 0},
	{"季度", T_QUARTER, 0}, {"季", T_QUARTER, 0}, {"第", T_ORD, 0},
	{"Q", T_Q, 0}, {"q", T_Q, 0},
	{"上半年", T_HALF, 1}, {"下半年", T_HALF, 2}, {"全年", T_ALLYEAR, 0},
	{"今年", T_RELYEAR, 0}, {"明年", T_RELYEAR, 1},
	{"长期坚持", T_OPEN, 0}, {"长期有效", T_OPEN, 0}, {"长期", T_OPEN, 0},
	{"持续推进", T_OPEN, 0}, {"持续开展", T_OPEN, 0}, {"持续", T_OPEN, 0},
	{"立行立改", T_OPEN, 0}, {"常态化", T_OPEN, 0}, {"长效", T_OPEN, 0},
	{"于", T_LEAD, 0}, {"在", T_LEAD, 0}, {"截至", T_LEAD, 0}, {"截止", T_LEAD, 0},
	{"从", T_LEAD, 0}, {"自", T_LEAD, 0},
	{"至", T_TO, 0}, {"到", T_TO, 1},
	{"-", T_DASH, 1}, {"—", T_DASH, 0}, {"–", T_DASH, 0}, {"－", T_DASH, 0},
	{"~", T_DASH, 0}, {"～", T_DASH, 0}, {"〜", T_DASH, 0},
	{",", T_COMMA, 0}, {"，", T_COMMA, 0}, {"、", T_DUN, 0},
	{".", T_DOT, 0}, {"/", T_SLASH, 0}, {"。", T_STOP, 0},
	{"完成", T_FILL, 0}, {"前", T_FILL, 0}, {"之前", T_FILL, 0}, {"以前", T_FILL, 0},
	{"止", T_FILL, 0}, {"为止", T_FILL, 0}, {"结束", T_FILL, 0}, {"左右", T_FILL, 0},
	{"内", T_FILL, 1}, {"以内", T_FILL, 0},
	{"开始", T_START, 0}, {"起", T_START, 0},
};

#define FILL_IN 1 /* value of 内: after a bare 年 it means the whole year (年内) */

struct parser {
	const char *text;
	int year;                           /* the context year, 0 for none */
	struct token tok[MAX_TOKENS + 1];   /* + 1 for T_END */
	int n, pos;
};

/* Reports an error about the text; returns CAMPAIGN_EINVALID. */
static int fail(const struct parser *ps, const char *fmt, ...) CAMPAIGN_PRINTF(2, 3);
static int fail(const struct parser *ps, const char *fmt, ...)
{
	char why[256], quoted[QUOTE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	quote_text(quoted, sizeof quoted, ps->text);
	return error_set(CAMPAIGN_EINVALID, "invalid deadline \"%s\": %s", quoted, why);
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}

/* Returns the value of an Arabic digit (ASCII or full-width), or -1. */
static int arabic_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

#define CN_TEN 10    /* 十 */
#define CN_TWENTY 20 /* 廿 */

/* Returns the value of a Chinese numeral character (0..9, CN_TEN, CN_TWENTY), or -1.
 * ○ (a white circle) is not a numeral but stands for 〇 in many documents. */
static int chinese_digit(uint32_t cp)
{
	static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
	                                  0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 〇一二三四五六七八九 */
	int i;

	for (i = 0; i < 10; i++)
		if (cp == digits[i])
			return i;
	if (cp == 0x96F6 || cp == 0x25CB) /* 零 ○ */
		return 0;
	if (cp == 0x5341) /* 十 */
		return CN_TEN;
	if (cp == 0x5EFF) /* 廿 */
		return CN_TWENTY;
	return -1;
}

/* Reads a run of Arabic digits at text[i] into @t; sets *used to its length in bytes. */
static int scan_arabic(struct parser *ps, struct token *t, size_t i, size_t n, size_t *used)
{
	const unsigned char *s = (const unsigned char *)ps->text;
	size_t start = i, len;
	uint32_t cp;
	int d;

	t->kind = T_NUM;
	t->arabic = 1;
	while (i < n && (len = utf8_next(s + i, n - i, &cp)) > 0 && (d = arabic_digit(cp)) >= 0) {
		if (++t->ndigits > 6)
			return fail(ps, "the number \"%.*s\" is too long", (int)(i + len - start), ps->text + start);
		t->value = t->value * 10 + d;
		i += len;
	}
	*used = i - start;
	return CAMPAIGN_OK;
}

/* Gives the value of Chinese numerals d[0..n), which come two ways: digit by
 * digit for years (二〇一〇), positionally with 十/廿 for months and days
 * (十二, 二十一, 廿一, 三十). Returns 0 if malformed. */
static int chinese_value(const int *d, int n, int *value, int *ndigits)
{
	int i, at = -1, tens, unit = 0, rest;

	for (i = 0; i < n; i++) {
		if (d[i] < CN_TEN)
			continue;
		if (at >= 0)
			return 0; /* two 十 */
		at = i;
	}
	if (at < 0) {
		if (n > 4)
			return 0;
		for (*value = 0, i = 0; i < n; i++)
			*value = *value * 10 + d[i];
		*ndigits = n;
		return 1;
	}
	/* positional: 十 十D D十 D十D 廿 廿D, D in 1..9 */
	tens = d[at] == CN_TWENTY ? 2 : 1;
	if (at == 1) {
		if (d[at] == CN_TWENTY || d[0] == 0)
			return 0;
		tens = d[0];
	} else if (at != 0) {
		return 0;
	}
	rest = n - at - 1;
	if (rest > 1)
		return 0;
	if (rest == 1 && (unit = d[n - 1]) == 0)
		return 0;
	*value = tens * 10 + unit;
	*ndigits = 2;
	return 1;
}

/* Reads a run of Chinese numerals at text[i] into @t; sets *used to its length in bytes. */
static int scan_chinese(struct parser *ps, struct token *t, size_t i, size_t n, size_t *used)
{
	const unsigned char *s = (const unsigned char *)ps->text;
	size_t start = i, len;
	uint32_t cp;
	int d[8], nd = 0, v, ok = 1;

	while (i < n && (len = utf8_next(s + i, n - i, &cp)) > 0 && (v = chinese_digit(cp)) >= 0) {
		if (nd < 8)
			d[nd++] = v;
		else
			ok = 0; /* keep scanning, to quote the whole run */
		i += len;
	}
	t->kind = T_NUM;
	if (!ok || !chinese_value(d, nd, &t->value, &t->ndigits))
		return fail(ps, "\"%.*s\" is not a number", (int)(i - start), ps->text + start);
	*used = i - start;
	return CAMPAIGN_OK;
}

/* Matches the longest keyword at s[0..n); returns its length, or 0. */
static size_t scan_keyword(const char *s, size_t n, struct token *t)
{
	size_t k, best = 0, len;

	for (k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
		len = strlen(keywords[k].word);
		if (len > best && len <= n && memcmp(s, keywords[k].word, len) == 0) {
			best = len;
			t->kind = keywords[k].kind;
			t->value = keywords[k].value;
		}
	}
	return best;
}

/* Splits ps->text into ps->tok[0..n), ending with T_END. The text is valid UTF-8. */
static int tokenize(struct parser *ps)
{
	const unsigned char *s = (const unsigned char *)ps->text;
	size_t n = strlen(ps->text), i = 0, len, used = 0;
	struct token *t;
	uint32_t cp = 0;
	int rc = CAMPAIGN_OK;

	while (i < n) {
		len = utf8_next(s + i, n - i, &cp);
		if (is_space(cp)) {
			i += len;
			continue;
		}
		if (ps->n == MAX_TOKENS)
			return fail(ps, "the text is too long");
		t = &ps->tok[ps->n++];
		memset(t, 0, sizeof *t);
		t->s = ps->text + i;
		if (arabic_digit(cp) >= 0)
			rc = scan_arabic(ps, t, i, n, &used);
		else if (chinese_digit(cp) >= 0)
			rc = scan_chinese(ps, t, i, n, &used);
		else if ((used = scan_keyword(ps->text + i, n - i, t)) == 0)
			return fail(ps, "not a date: unexpected \"%.*s\"", (int)len, ps->text + i);
		if (rc != CAMPAIGN_OK)
			return rc;
		t->len = used;
		i += used;
	}
	t = &ps->tok[ps->n];
	memset(t, 0, sizeof *t);
	t->kind = T_END;
	t->s = ps->text + n;
	return CAMPAIGN_OK;
}

/* ---- grammar ---- */

static const struct token *peek(const struct parser *ps, int k)
{
	int i = ps->pos + k;
	return &ps->tok[i < ps->n ? i : ps->n];
}

static int accept(struct parser *ps, enum tok_kind kind)
{
	if (peek(ps, 0)->kind != kind)
		return 0;
	ps->pos++;
	return 1;
}

/* Reports the token at the cursor as unexpected. */
static int unexpected(const struct parser *ps, const char *wanted)
{
	const struct token *t = peek(ps, 0);
	if (t->kind == T_END)
		return fail(ps, "%s, found the end of the text", wanted);
	return fail(ps, "%s, found \"%.*s\"", wanted, (int)t->len, t->s);
}

enum part_kind {
	P_YEAR,        /* 2010年, 全年, 年内 */
	P_YEAR_BEGIN,  /* 年初 */
	P_YEAR_MID,    /* 年中 */
	P_YEAR_END,    /* 年底 年末 */
	P_HALF,        /* 上半年 下半年 */
	P_QUARTER,     /* 第三季度 [末] */
	P_MONTH,       /* 10月 [中旬 | 10日] */
	P_DAY_ONLY     /* 15日, the end of "10月1日至15日" */
};

enum year_src { Y_NONE, Y_GIVEN, Y_REL };
enum day_kind { D_WHOLE, D_XUN, D_DAY };

/* One side of a range, as written; part_dates() turns it into days. */
struct part {
	enum part_kind kind;
	enum year_src ysrc;
	int year;         /* Y_GIVEN: the year; Y_REL: offset from the context year */
	int n;            /* P_HALF 1..2; P_QUARTER 1..4; P_MONTH the month */
	int qmonth;       /* P_QUARTER: 0 whole quarter, 1 its first month (初), 3 its last (末) */
	enum day_kind dk; /* P_MONTH, P_DAY_ONLY */
	int day;          /* D_XUN 1..3; D_DAY the day */
};

static int month_ok(const struct parser *ps, const struct token *t)
{
	if (t->value < 1 || t->value > 12)
		return fail(ps, "month %d is out of range", t->value);
	return CAMPAIGN_OK;
}

/* iso := NUM(4) s NUM [s NUM], s one of - / . (the same both times).
 * A 4-digit number after the second s starts the next part, so
 * "2011-10-2011-12" is a range. */
static int iso_sep(const struct token *t)
{
	return (t->kind == T_DASH && t->value == 1) || t->kind == T_SLASH || t->kind == T_DOT;
}

static int is_iso(const struct parser *ps)
{
	const struct token *y = peek(ps, 0), *m = peek(ps, 2);
	return y->kind == T_NUM && y->arabic && y->ndigits == 4 && iso_sep(peek(ps, 1))
		&& m->kind == T_NUM && m->arabic && m->ndigits <= 2;
}

static int parse_iso(struct parser *ps, struct part *p)
{
	const struct token *sep = peek(ps, 1), *d;
	int rc;

	p->kind = P_MONTH;
	p->ysrc = Y_GIVEN;
	p->year = peek(ps, 0)->value;
	if ((rc = month_ok(ps, peek(ps, 2))) != CAMPAIGN_OK)
		return rc;
	p->n = peek(ps, 2)->value;
	ps->pos += 3;
	d = peek(ps, 1);
	if (peek(ps, 0)->kind == sep->kind && peek(ps, 0)->value == sep->value
	    && d->kind == T_NUM && d->arabic && d->ndigits <= 2) {
		p->dk = D_DAY;
		p->day = d->value;
		ps->pos += 2;
	}
	return CAMPAIGN_OK;
}

/* quarter := [第] NUM 季度 [初|底|末] | Q NUM [初|底|末] */
static int parse_quarter(struct parser *ps, struct part *p)
{
	const struct token *num;

	if (accept(ps, T_Q)) {
		if (peek(ps, 0)->kind != T_NUM)
			return unexpected(ps, "Q needs a quarter number (Q1..Q4)");
		num = peek(ps, 0);
		ps->pos++;
	} else {
		accept(ps, T_ORD);
		if (peek(ps, 0)->kind == T_QUARTER) {
			int edge = peek(ps, 1)->kind == T_LATE || peek(ps, 1)->kind == T_BEGIN;
			return fail(ps, "%s needs a quarter number (第N季度%s)",
			            edge ? "季度末" : "季度", edge ? "末" : "");
		}
		if (peek(ps, 0)->kind != T_NUM || peek(ps, 1)->kind != T_QUARTER)
			return unexpected(ps, "expected a quarter (第N季度)");
		num = peek(ps, 0);
		ps->pos += 2;
	}
	if (num->value < 1 || num->value > 4)
		return fail(ps, "quarter %d is out of range", num->value);
	p->kind = P_QUARTER;
	p->n = num->value;
	if (accept(ps, T_BEGIN))
		p->qmonth = 1;
	else if (accept(ps, T_LATE))
		p->qmonth = 3;
	return CAMPAIGN_OK;
}

/* month := NUM 月 [上旬|中旬|下旬|初|中|底|末 | NUM 日]
 * 初 is 上旬, 中 is 中旬, 底/末 is 下旬. */
static int parse_month(struct parser *ps, struct part *p)
{
	const struct token *t;
	int rc;

	if ((rc = month_ok(ps, peek(ps, 0))) != CAMPAIGN_OK)
		return rc;
	p->kind = P_MONTH;
	p->n = peek(ps, 0)->value;
	ps->pos += 2;
	t = peek(ps, 0);
	switch (t->kind) {
	case T_XUN: p->dk = D_XUN; p->day = t->value; break;
	case T_BEGIN: p->dk = D_XUN; p->day = 1; break;
	case T_MID: p->dk = D_XUN; p->day = 2; break;
	case T_LATE: p->dk = D_XUN; p->day = 3; break;
	case T_NUM:
		if (peek(ps, 1)->kind == T_MONTH || peek(ps, 1)->kind == T_YEAR)
			return CAMPAIGN_OK; /* "10月12月": not a day; parse_tail says so */
		if (peek(ps, 1)->kind != T_DAY)
			return unexpected(ps, "expected 日 after the day");
		p->dk = D_DAY;
		p->day = t->value;
		ps->pos++;
		break;
	default:
		return CAMPAIGN_OK; /* the whole month */
	}
	ps->pos++;
	return CAMPAIGN_OK;
}

/* year := NUM 年 | NUM(4) before Q | 今年 | 明年 | 年
 * Sets *bare for a 年 with no number (年底: the context year). Returns 1 if a year was read. */
static int parse_year(struct parser *ps, struct part *p, int *bare)
{
	const struct token *t = peek(ps, 0), *u = peek(ps, 1);

	*bare = 0;
	if (t->kind == T_NUM && (u->kind == T_YEAR || (u->kind == T_Q && t->ndigits == 4))) {
		p->ysrc = Y_GIVEN;
		p->year = t->value;
		ps->pos += u->kind == T_YEAR ? 2 : 1;
		return 1;
	}
	if (t->kind == T_RELYEAR) {
		p->ysrc = Y_REL;
		p->year = t->value;
		ps->pos++;
		return 1;
	}
	if (t->kind == T_YEAR) {
		*bare = 1;
		ps->pos++;
		return 1;
	}
	return 0;
}

/* part := iso | year [period] | [year] period. @second allows a bare day ("至15日"). */
static int parse_part(struct parser *ps, struct part *p, int second)
{
	const struct token *t, *u;
	int has_year, bare;

	memset(p, 0, sizeof *p);
	if (is_iso(ps))
		return parse_iso(ps, p);
	has_year = parse_year(ps, p, &bare);
	t = peek(ps, 0);
	u = peek(ps, 1);
	if (bare && t->kind != T_BEGIN && t->kind != T_MID && t->kind != T_LATE
	    && !(t->kind == T_FILL && t->value == FILL_IN))
		return fail(ps, "年 needs a number before it");
	switch (t->kind) {
	case T_BEGIN:
	case T_MID:
	case T_LATE:
		if (!has_year)
			return unexpected(ps, "expected a date");
		p->kind = t->kind == T_BEGIN ? P_YEAR_BEGIN : t->kind == T_MID ? P_YEAR_MID : P_YEAR_END;
		ps->pos++;
		return CAMPAIGN_OK;
	case T_HALF:
		p->kind = P_HALF;
		p->n = t->value;
		ps->pos++;
		return CAMPAIGN_OK;
	case T_ALLYEAR:
		p->kind = P_YEAR;
		ps->pos++;
		return CAMPAIGN_OK;
	case T_ORD:
	case T_Q:
	case T_QUARTER:
		return parse_quarter(ps, p);
	case T_NUM:
		if (u->kind == T_MONTH)
			return parse_month(ps, p);
		if (u->kind == T_QUARTER)
			return parse_quarter(ps, p);
		if (u->kind == T_DAY) {
			if (!second || has_year)
				return fail(ps, "the day \"%.*s%.*s\" needs a month", (int)t->len, t->s,
				            (int)u->len, u->s);
			p->kind = P_DAY_ONLY;
			p->dk = D_DAY;
			p->day = t->value;
			ps->pos += 2;
			return CAMPAIGN_OK;
		}
		ps->pos++;
		return unexpected(ps, "expected 年, 月, 日 or 季度 after a number");
	default:
		if (has_year) {
			p->kind = P_YEAR; /* 2011年, 年内 */
			return CAMPAIGN_OK;
		}
		return unexpected(ps, "expected a date");
	}
}

static int starts_part(enum tok_kind k)
{
	return k == T_NUM || k == T_YEAR || k == T_RELYEAR || k == T_HALF || k == T_ALLYEAR
		|| k == T_ORD || k == T_Q || k == T_QUARTER;
}

static int is_separator(enum tok_kind k)
{
	return k == T_TO || k == T_DASH || k == T_COMMA || k == T_DUN;
}

/* sep+ between the two parts of a range: "至", ",至", "——", "~" ...
 * Sets *ranged if a second part follows. A lone trailing comma is punctuation. */
static int parse_separator(struct parser *ps, int *ranged)
{
	int start = ps->pos, only_commas = 1;

	*ranged = 0;
	while (is_separator(peek(ps, 0)->kind)) {
		if (peek(ps, 0)->kind != T_COMMA)
			only_commas = 0;
		ps->pos++;
	}
	if (ps->pos == start)
		return CAMPAIGN_OK;
	if (starts_part(peek(ps, 0)->kind))
		*ranged = 1;
	else if (!only_commas)
		return unexpected(ps, "the range has no end");
	return CAMPAIGN_OK;
}

/* tail := (完成 | 前 | 止 | 开始 | 起 | 内 | , | . | 。 ...)* END. */
static int parse_tail(struct parser *ps)
{
	enum tok_kind k;

	while ((k = peek(ps, 0)->kind) == T_FILL || k == T_START || k == T_COMMA || k == T_DOT
	       || k == T_STOP)
		ps->pos++;
	if (peek(ps, 0)->kind != T_END)
		return unexpected(ps, "expected the end of the deadline");
	return CAMPAIGN_OK;
}

/* ---- calendar ---- */

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

struct date {
	int y, m, d;
};

static long date_key(struct date a)
{
	return (long)a.y * 10000 + a.m * 100 + a.d;
}

static void set_month(struct date *first, struct date *last, int y, int m1, int m2)
{
	*first = (struct date){y, m1, 1};
	*last = (struct date){y, m2, days_in_month(y, m2)};
}

/* Resolves the year of @p: written, relative to the context year, or @fallback
 * (the context year for a first part, the first part's year for a second). */
static int part_year(const struct parser *ps, const struct part *p, int fallback, int *y)
{
	switch (p->ysrc) {
	case Y_GIVEN: *y = p->year; break;
	case Y_REL:
		if (ps->year == 0)
			return fail(ps, "needs a year: 今年/明年 are relative to a year, and none was given");
		*y = ps->year + p->year;
		break;
	default:
		if (fallback == 0)
			return fail(ps, "needs a year: the text names none, and none was given");
		*y = fallback;
		break;
	}
	if (*y < YEAR_MIN || *y > YEAR_MAX)
		return fail(ps, "year %d is out of range (%d..%d)", *y, YEAR_MIN, YEAR_MAX);
	return CAMPAIGN_OK;
}

/* Turns a part in year @y into its first and last day (the table in docs/deadlines.md). */
static int part_dates(const struct parser *ps, const struct part *p, int y,
                      struct date *first, struct date *last)
{
	int m1, dim;

	switch (p->kind) {
	case P_YEAR: set_month(first, last, y, 1, 12); break;
	case P_YEAR_BEGIN: set_month(first, last, y, 1, 1); break;
	case P_YEAR_MID: set_month(first, last, y, 6, 6); break;
	case P_YEAR_END: set_month(first, last, y, 12, 12); break;
	case P_HALF: set_month(first, last, y, p->n == 1 ? 1 : 7, p->n == 1 ? 6 : 12); break;
	case P_QUARTER:
		m1 = 3 * p->n - 2;
		if (p->qmonth)
			m1 += p->qmonth - 1;
		set_month(first, last, y, m1, p->qmonth ? m1 : m1 + 2);
		break;
	default: /* P_MONTH */
		set_month(first, last, y, p->n, p->n);
		dim = last->d;
		if (p->dk == D_XUN) {
			first->d = 10 * (p->day - 1) + 1;
			last->d = p->day == 3 ? dim : 10 * p->day;
		} else if (p->dk == D_DAY) {
			if (p->day < 1 || p->day > dim)
				return fail(ps, "day %d is out of range for %04d-%02d%s", p->day, y, p->n,
				            p->n == 2 && p->day == 29 ? " (not a leap year)" : "");
			first->d = last->d = p->day;
		}
		break;
	}
	return CAMPAIGN_OK;
}

/* Resolves part @a, or the range @a to @b, into @r. */
static int resolve(const struct parser *ps, const struct part *a, const struct part *b,
                   deadline_range *r)
{
	struct date a1, a2, b1, b2;
	struct part end;
	int ya = 0, yb = 0, rc; /* set by part_year() before use; 0 quiets -Wmaybe-uninitialized */

	if ((rc = part_year(ps, a, ps->year, &ya)) != CAMPAIGN_OK
	    || (rc = part_dates(ps, a, ya, &a1, &a2)) != CAMPAIGN_OK)
		return rc;
	if (b) {
		end = *b;
		if (end.kind == P_DAY_ONLY) {
			/* "10月1日至15日": the end takes the start's month */
			if (a->kind != P_MONTH)
				return fail(ps, "the end of the range names only a day, and the start no month");
			end.kind = P_MONTH;
			end.n = a->n;
		}
		if ((rc = part_year(ps, &end, ya, &yb)) != CAMPAIGN_OK
		    || (rc = part_dates(ps, &end, yb, &b1, &b2)) != CAMPAIGN_OK)
			return rc;
		if (date_key(b2) < date_key(a1))
			return fail(ps, "the range ends (%04d-%02d-%02d) before it starts (%04d-%02d-%02d)",
			            b2.y, b2.m, b2.d, a1.y, a1.m, a1.d);
		a2 = b2;
	}
	memset(r, 0, sizeof *r);
	r->first_y = a1.y; r->first_m = a1.m; r->first_d = a1.d;
	r->last_y = a2.y; r->last_m = a2.m; r->last_d = a2.d;
	return CAMPAIGN_OK;
}

/* text := lead* ( OPEN | part [start* sep+ part] ) tail* END */
static int parse_text(struct parser *ps, deadline_range *r)
{
	struct part a, b;
	int ranged = 0, rc;

	/* 至 is a range separator only; 到 may also lead ("到2010年底") */
	while (peek(ps, 0)->kind == T_LEAD || (peek(ps, 0)->kind == T_TO && peek(ps, 0)->value == 1))
		ps->pos++;
	if (peek(ps, 0)->kind == T_TO)
		return fail(ps, "the range has no start: 至 only separates its two ends");
	if (accept(ps, T_OPEN)) {
		if ((rc = parse_tail(ps)) != CAMPAIGN_OK)
			return rc;
		memset(r, 0, sizeof *r);
		r->open_ended = 1;
		return CAMPAIGN_OK;
	}
	if ((rc = parse_part(ps, &a, 0)) != CAMPAIGN_OK)
		return rc;
	while (accept(ps, T_START))
		;
	if ((rc = parse_separator(ps, &ranged)) != CAMPAIGN_OK)
		return rc;
	if (ranged && (rc = parse_part(ps, &b, 1)) != CAMPAIGN_OK)
		return rc;
	if ((rc = parse_tail(ps)) != CAMPAIGN_OK)
		return rc;
	return resolve(ps, &a, ranged ? &b : NULL, r);
}

int deadline_parse_range(deadline_range *out, const char *text, int year)
{
	struct parser ps;
	deadline_range r;
	int rc;

	if (!text)
		return error_set(CAMPAIGN_EINVALID, "invalid deadline: the text is NULL");
	ps.text = text;
	ps.year = year;
	ps.n = ps.pos = 0;
	if (!utf8_ok(text, strlen(text)))
		return fail(&ps, "the text is not valid UTF-8");
	if ((rc = tokenize(&ps)) != CAMPAIGN_OK)
		return rc;
	if (ps.n == 0)
		return fail(&ps, "the text is empty");
	if ((rc = parse_text(&ps, &r)) != CAMPAIGN_OK)
		return rc;
	*out = r;
	return CAMPAIGN_OK;
}

/* Writes v as exactly @width decimal digits (negative as 0, too large cut to the
 * low digits), so that the 11 bytes can never overflow whatever the input. */
static void put_digits(char *p, int v, int width)
{
	unsigned u = v < 0 ? 0u : (unsigned)v;
	int i;

	for (i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + u % 10);
		u /= 10;
	}
}

void deadline_format_date(char out[11], int y, int m, int d)
{
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

/* ---- public API ---- */

struct campaign_deadline {
	int open_ended;
	char first[11], last[11]; /* "YYYY-MM-DD", empty when open-ended */
	char text[];              /* the original text, byte for byte */
};

int campaign_deadline_parse(campaign_deadline **out, const char *text, int year)
{
	deadline_range r;
	campaign_deadline *d;
	size_t n;
	int rc;

	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_deadline_parse: out is NULL");
	if ((rc = deadline_parse_range(&r, text, year)) != CAMPAIGN_OK)
		return rc;
	n = strlen(text);
	if (!(d = malloc(sizeof *d + n + 1)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	d->open_ended = r.open_ended;
	d->first[0] = d->last[0] = '\0';
	if (!r.open_ended) {
		deadline_format_date(d->first, r.first_y, r.first_m, r.first_d);
		deadline_format_date(d->last, r.last_y, r.last_m, r.last_d);
	}
	memcpy(d->text, text, n + 1);
	*out = d;
	error_ok();
	return CAMPAIGN_OK;
}

const char *campaign_deadline_text(const campaign_deadline *d)
{
	return d ? d->text : NULL;
}

const char *campaign_deadline_first(const campaign_deadline *d)
{
	return d && !d->open_ended ? d->first : NULL;
}

const char *campaign_deadline_last(const campaign_deadline *d)
{
	return d && !d->open_ended ? d->last : NULL;
}

int campaign_deadline_is_open_ended(const campaign_deadline *d)
{
	return d ? d->open_ended : 0;
}

void campaign_deadline_free(campaign_deadline *d)
{
	free(d);
}
