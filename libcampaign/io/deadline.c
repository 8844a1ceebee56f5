/* Deadlines written the Chinese way: "2010年11月底完成" -> [2010-11-21, 2010-11-30].
 *
 * Two stages, both linear in the length of the text:
 *
 * 1. A tokenizer turns the UTF-8 text into at most MAX_TOKENS tokens: numbers
 *    in any script (2010, ２０１０, 二〇一〇, 十二, 廿一), unit words (年 月 日
 *    旬 季度 ...), holidays, separators and filler words. Whitespace is dropped.
 * 2. A recursive-descent grammar reads the tokens:
 *
 *      text   := lead* ( OPEN | [range] every [within] | range [within | 起 [span] | 后] ) tail* END
 *      range  := part time? [start* sep+ part time?]
 *      within := [结束]后 NUM (日|天) [内]          span := NUM (日|天) | NUM [个] 月
 *      every  := 每 [个] ( 月 [month-rest] | 季度 [初|底|末] | 半年 [初|底|末]
 *                        | 年 [part] | 周 [NUM|日] )
 *      part   := iso | m.d | NOW | 本月 [month-rest] | 本季度 [初|末]
 *              | [year] HOLIDAY [前] | year [period] | [year] period
 *      year   := NUM 年 | NUM(4) before Q | 今年 | 明年 | 次年 ... | 年 (the context year)
 *      period := 初 | 中 | 底 | 末 | 全年 | 上半年 | 下半年
 *              | [第] NUM 季度 [初|底|末] | Q NUM [初|底|末] | NUM sep NUM 季度
 *              | NUM 月 [上旬|中旬|下旬|上中旬|中下旬|初|中|底|末 | NUM 日]
 *              | NUM sep NUM 月          (the first end borrows the unit: "1—6月")
 *              | NUM 日            (only as the end of a range: "10月1日至15日")
 *      time   := [上午|下午|晚上 ...] [NUM (时|点 [NUM 分] | : NUM)] note   (read, then ignored)
 *      note   := [ ( 含 | 星期 NUM ) ]
 *      iso    := NUM(4) s NUM [s NUM]   with s one of - / .
 *
 *    and resolves each part to a [first, last] range of days; a recurrence
 *    to its occurrences inside the period.
 *
 * The conventions (what 月底, 上旬, 年中, 春节前, 每季度末 ... mean) are
 * documented in docs/deadlines.md; keep the two in step. Allocation: the
 * public campaign_deadline, and the occurrences of a recurrence.
 */
#include <limits.h>
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
	T_YEAR,     /* 年 年度 */
	T_MONTH,    /* 月 月份 */
	T_DAY,      /* 日 号 */
	T_XUN,      /* 上旬 中旬 下旬: value 1..3; 上中旬 12, 中下旬 23 (first and last third) */
	T_BEGIN,    /* 初 */
	T_MID,      /* 中 */
	T_LATE,     /* 底 末 */
	T_QUARTER,  /* 季度 季 */
	T_ORD,      /* 第 */
	T_Q,        /* Q q, as in "Q3" */
	T_HALF,     /* 上半年 下半年: value 1..2 */
	T_HALFYEAR, /* 半年, as in 每半年 */
	T_ALLYEAR,  /* 全年 */
	T_RELYEAR,  /* 今年 明年 上年 ...: value = offset from the context year */
	T_SEQYEAR,  /* 次年 翌年: value = offset from the year named before (or the context year) */
	T_JANUARY,  /* 元月 正月: the tokenizer writes them as NUM 1 and 月 */
	T_NOW,      /* 即日 今日 今天 现在 今: the context date */
	T_RELMONTH, /* 本月 当月 下月 次月 上月: value = offset from the month of the context date */
	T_RELQUARTER, /* 本季度 下季度 上季度: value = offset from the quarter of the context date */
	T_LPAREN,   /* ( （ */
	T_RPAREN,   /* ) ） */
	T_INCL,     /* 含: "(含)", the day included */
	T_HOLIDAY,  /* 春节 国庆节 ...: value = enum cal_holiday */
	T_FESTIVAL, /* 节前 节后: a holiday not named */
	T_EVERY,    /* 每 */
	T_GE,       /* 个, as in 每个月 */
	T_WEEK,     /* 周 星期 礼拜: value 0, a weekday number follows; 周日 星期天 ...: value 7 */
	T_AMPM,     /* 上午 下午 晚上 ...: value 12 for the afternoon */
	T_HOUR,     /* 时 点 点钟 */
	T_MINUTE,   /* 分 */
	T_COLON,    /* : ： */
	T_OPEN,     /* 长期坚持 持续推进 ...: no end date at all */
	T_LEAD,     /* 于 在 截至 截止 从 自: words before the date */
	T_TO,       /* 至 到 (value 1 for 到, which may also lead) */
	T_DASH,     /* - — – － ~ ～ 〜 (value 1 for ASCII '-', also an ISO separator) */
	T_COMMA,    /* , ， */
	T_DUN,      /* 、 */
	T_DOT,      /* . */
	T_SLASH,    /* / */
	T_STOP,     /* 。 */
	T_FILL,     /* 完成 前 之前 以前 止 为止 结束 左右 内 以内 实施: words after the date */
	T_AFTER,    /* 后 以后 之后: from the next day on */
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

#define FILL_IN 1     /* value of 内: after a bare 年 it means the whole year (年内) */
#define FILL_BEFORE 2 /* value of 前 之前 以前: before a holiday, its eve */
#define PM 12         /* value of 下午 晚上: the hour is in the afternoon */

/* Fixed words. The tokenizer takes the longest match, so 中旬 wins over 中
 * and 截至 over 至. Numbers are not here: they are scanned separately, after
 * the words (so that 五一 is the holiday, not the number 51). */
static const struct keyword {
	const char *word;
	enum tok_kind kind;
	int value;
} keywords[] = {
	{"年", T_YEAR, 0}, {"年度", T_YEAR, 0}, {"月", T_MONTH, 0}, {"月份", T_MONTH, 0},
	{"日", T_DAY, 0}, {"号", T_DAY, 0},
	{"上旬", T_XUN, 1}, {"中旬", T_XUN, 2}, {"下旬", T_XUN, 3}, {"上中旬", T_XUN, 12}, {"中下旬", T_XUN, 23},
	{"初", T_BEGIN, 0}, {"中", T_MID, 0}, {"底", T_LATE, 0}, {"末", T_LATE, 0}, {"终", T_LATE, 0},
	{"季度", T_QUARTER, 0}, {"季", T_QUARTER, 0}, {"第", T_ORD, 0},
	{"Q", T_Q, 0}, {"q", T_Q, 0},
	{"上半年", T_HALF, 1}, {"下半年", T_HALF, 2}, {"半年", T_HALFYEAR, 0}, {"全年", T_ALLYEAR, 0},
	{"今年", T_RELYEAR, 0}, {"今年度", T_RELYEAR, 0}, {"本年", T_RELYEAR, 0}, {"本年度", T_RELYEAR, 0},
	{"当年", T_RELYEAR, 0}, {"明年", T_RELYEAR, 1}, {"明年度", T_RELYEAR, 1}, {"来年", T_RELYEAR, 1},
	{"上年", T_RELYEAR, -1}, {"上年度", T_RELYEAR, -1}, {"去年", T_RELYEAR, -1},
	{"次年", T_SEQYEAR, 1}, {"翌年", T_SEQYEAR, 1}, {"第二年", T_SEQYEAR, 1},
	{"元月", T_JANUARY, 0}, {"正月", T_JANUARY, 0},
	{"本月", T_RELMONTH, 0}, {"当月", T_RELMONTH, 0}, {"下月", T_RELMONTH, 1}, {"次月", T_RELMONTH, 1},
	{"下个月", T_RELMONTH, 1}, {"上月", T_RELMONTH, -1}, {"上个月", T_RELMONTH, -1},
	{"本季度", T_RELQUARTER, 0}, {"本季", T_RELQUARTER, 0}, {"当季", T_RELQUARTER, 0}, {"当季度", T_RELQUARTER, 0},
	{"下季度", T_RELQUARTER, 1}, {"下一季度", T_RELQUARTER, 1}, {"上季度", T_RELQUARTER, -1},
	{"上一季度", T_RELQUARTER, -1},
	{"(", T_LPAREN, 0}, {"（", T_LPAREN, 0}, {")", T_RPAREN, 0}, {"）", T_RPAREN, 0},
	{"含", T_INCL, 0}, {"含当日", T_INCL, 0}, {"含当天", T_INCL, 0}, {"天", T_DAY, 0},
	{"结束后", T_AFTER, 0}, {"期满后", T_AFTER, 0},
	{"即日", T_NOW, 0}, {"今日", T_NOW, 0}, {"今天", T_NOW, 0}, {"现在", T_NOW, 0}, {"今", T_NOW, 0},
	{"元旦", T_HOLIDAY, H_NEW_YEAR}, {"元旦节", T_HOLIDAY, H_NEW_YEAR},
	{"春节", T_HOLIDAY, H_SPRING}, {"农历春节", T_HOLIDAY, H_SPRING}, {"新春", T_HOLIDAY, H_SPRING}, {"元宵", T_HOLIDAY, H_LANTERN}, {"元宵节", T_HOLIDAY, H_LANTERN},
	{"五一", T_HOLIDAY, H_LABOUR}, {"五·一", T_HOLIDAY, H_LABOUR}, {"五•一", T_HOLIDAY, H_LABOUR}, {"五一节", T_HOLIDAY, H_LABOUR}, {"劳动节", T_HOLIDAY, H_LABOUR},
	{"五一劳动节", T_HOLIDAY, H_LABOUR}, {"端午", T_HOLIDAY, H_DRAGON}, {"端午节", T_HOLIDAY, H_DRAGON},
	{"中秋", T_HOLIDAY, H_MIDAUTUMN}, {"中秋节", T_HOLIDAY, H_MIDAUTUMN},
	{"国庆", T_HOLIDAY, H_NATIONAL}, {"国庆节", T_HOLIDAY, H_NATIONAL},
	{"节前", T_FESTIVAL, 0}, {"节后", T_FESTIVAL, 1},
	{"每", T_EVERY, 0}, {"个", T_GE, 0},
	{"周", T_WEEK, 0}, {"星期", T_WEEK, 0}, {"礼拜", T_WEEK, 0},
	{"周日", T_WEEK, 7}, {"周天", T_WEEK, 7}, {"星期日", T_WEEK, 7}, {"星期天", T_WEEK, 7},
	{"礼拜日", T_WEEK, 7}, {"礼拜天", T_WEEK, 7},
	{"上午", T_AMPM, 0}, {"早上", T_AMPM, 0}, {"凌晨", T_AMPM, 0}, {"中午", T_AMPM, 0},
	{"下午", T_AMPM, PM}, {"晚上", T_AMPM, PM}, {"晚", T_AMPM, PM},
	{"时", T_HOUR, 0}, {"点", T_HOUR, 0}, {"点钟", T_HOUR, 0}, {"分", T_MINUTE, 0},
	{":", T_COLON, 0}, {"：", T_COLON, 0},
	{"长期坚持", T_OPEN, 0}, {"长期有效", T_OPEN, 0}, {"长期", T_OPEN, 0},
	{"持续推进", T_OPEN, 0}, {"持续开展", T_OPEN, 0}, {"持续", T_OPEN, 0},
	{"立行立改", T_OPEN, 0}, {"常态化", T_OPEN, 0}, {"长效", T_OPEN, 0},
	{"于", T_LEAD, 0}, {"在", T_LEAD, 0}, {"截至", T_LEAD, 0}, {"截止", T_LEAD, 0},
	{"从", T_LEAD, 0}, {"自", T_LEAD, 0}, {"不迟于", T_LEAD, 0}, {"不晚于", T_LEAD, 0}, {"最迟", T_LEAD, 0},
	{"最晚", T_LEAD, 0}, {"力争", T_LEAD, 0}, {"争取", T_LEAD, 0}, {"务必", T_LEAD, 0}, {"必须", T_LEAD, 0},
	{"须", T_LEAD, 0}, {"应", T_LEAD, 0}, {"要", T_LEAD, 0}, {"需", T_LEAD, 0}, {"预计", T_LEAD, 0},
	{"计划", T_LEAD, 0}, {"拟", T_LEAD, 0}, {"原则上", T_LEAD, 0},
	{"至", T_TO, 0}, {"到", T_TO, 1},
	{"-", T_DASH, 1}, {"—", T_DASH, 0}, {"–", T_DASH, 0}, {"－", T_DASH, 0},
	{"~", T_DASH, 0}, {"～", T_DASH, 0}, {"〜", T_DASH, 0},
	{",", T_COMMA, 0}, {"，", T_COMMA, 0}, {"、", T_DUN, 0},
	{".", T_DOT, 0}, {"/", T_SLASH, 0}, {"。", T_STOP, 0},
	{"完成", T_FILL, 0}, {"前", T_FILL, FILL_BEFORE}, {"之前", T_FILL, FILL_BEFORE},
	{"以前", T_FILL, FILL_BEFORE}, {"前夕", T_FILL, FILL_BEFORE}, {"止", T_FILL, 0}, {"为止", T_FILL, 0}, {"结束", T_FILL, 0},
	{"左右", T_FILL, 0}, {"内", T_FILL, FILL_IN}, {"以内", T_FILL, 0}, {"整", T_FILL, 0},
	{"实施", T_FILL, 0}, {"施行", T_FILL, 0}, {"执行", T_FILL, 0}, {"上报", T_FILL, 0}, {"报送", T_FILL, 0},
	{"提交", T_FILL, 0}, {"办结", T_FILL, 0}, {"完毕", T_FILL, 0},
	{"后", T_AFTER, 0}, {"以后", T_AFTER, 0}, {"之后", T_AFTER, 0},
	{"开始", T_START, 0}, {"起", T_START, 0},
};

struct parser {
	const char *text;
	const campaign_deadline_read_options *opts; /* the context, never NULL */
	int year;                           /* the context year, 0 for none */
	struct token tok[MAX_TOKENS + 1];   /* + 1 for T_END */
	int n, pos;
};

/* Reports an error about the text; returns CAMPAIGN_EINVALID. */
static int fail(const struct parser *ps, const char *fmt, ...) CAMPAIGN_PRINTF(2, 3);
static int fail(const struct parser *ps, const char *fmt, ...)
{
	char why[2 * QUOTE_MAX + 112], quoted[QUOTE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	quote_text(quoted, sizeof quoted, ps->text);
	return error_set(CAMPAIGN_EINVALID, "invalid deadline \"%s\": %s", quoted, why);
}

/* Spaces, and the quotation marks documents put around a holiday ("“五一”前"): read as nothing. */
static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000 || cp == '"'
		|| cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;
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

/* Refuses the text from text[i] on: the part that cannot be read. */
static int cannot_read(const struct parser *ps, size_t i, size_t len)
{
	char rest[QUOTE_MAX];

	quote_text(rest, sizeof rest, ps->text + i);
	return fail(ps, "cannot read \"%s\" (unexpected \"%.*s\")", rest, (int)len, ps->text + i);
}

/* Adds a token; the text is too long past MAX_TOKENS. */
static struct token *new_token(struct parser *ps, size_t i)
{
	struct token *t;

	if (ps->n == MAX_TOKENS) {
		fail(ps, "the text is too long");
		return NULL;
	}
	t = &ps->tok[ps->n++];
	memset(t, 0, sizeof *t);
	t->s = ps->text + i;
	return t;
}

/* 元月 and 正月 are January: NUM 1 and 月, both quoting the word. */
static int split_january(struct parser *ps, struct token *t, size_t i, size_t used)
{
	struct token *m;

	t->kind = T_NUM;
	t->value = 1;
	t->ndigits = 1;
	t->len = used;
	if (!(m = new_token(ps, i)))
		return CAMPAIGN_EINVALID;
	m->kind = T_MONTH;
	m->len = used;
	return CAMPAIGN_OK;
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
		if (!(t = new_token(ps, i)))
			return CAMPAIGN_EINVALID;
		if ((used = scan_keyword(ps->text + i, n - i, t)) > 0) {
			if (t->kind == T_JANUARY && (rc = split_january(ps, t, i, used)) != CAMPAIGN_OK)
				return rc;
		} else if (arabic_digit(cp) >= 0) {
			rc = scan_arabic(ps, t, i, n, &used);
		} else if (chinese_digit(cp) >= 0) {
			rc = scan_chinese(ps, t, i, n, &used);
		} else {
			return cannot_read(ps, i, len);
		}
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

struct date {
	int y, m, d;
};

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

/* Reports the token at the cursor as unexpected, quoting the part of the
 * text from there on that cannot be read. */
static int unexpected(const struct parser *ps, const char *wanted)
{
	const struct token *t = peek(ps, 0);
	char rest[QUOTE_MAX];

	if (t->kind == T_END)
		return fail(ps, "%s, found the end of the text", wanted);
	quote_text(rest, sizeof rest, t->s);
	return fail(ps, "cannot read \"%s\": %s, found \"%.*s\"", rest, wanted, (int)t->len, t->s);
}

enum part_kind {
	P_YEAR,        /* 2010年, 全年, 年内 */
	P_YEAR_BEGIN,  /* 年初 */
	P_YEAR_MID,    /* 年中 */
	P_YEAR_END,    /* 年底 年末 */
	P_HALF,        /* 上半年 下半年 */
	P_QUARTER,     /* 第三季度 [末] */
	P_MONTH,       /* 10月 [中旬 | 10日] */
	P_DAY_ONLY,    /* 15日, the end of "10月1日至15日" */
	P_NOW,         /* 即日: the context date */
	P_HOLIDAY      /* 春节 [前] */
};

enum year_src { Y_NONE, Y_GIVEN, Y_REL, Y_SEQ };
enum day_kind { D_WHOLE, D_XUN, D_DAY };

/* One side of a range, as written; part_dates() turns it into days. */
struct part {
	enum part_kind kind;
	enum year_src ysrc;
	int year;         /* Y_GIVEN: the year; Y_REL, Y_SEQ: the offset */
	int n;            /* P_HALF 1..2; P_QUARTER 1..4; P_MONTH the month; P_HOLIDAY enum cal_holiday */
	int edge;         /* P_QUARTER, P_HALF: 0 the whole, 1 its first month (初), 3 its last (末);
	                     P_HOLIDAY: 1 its eve (前) */
	enum day_kind dk; /* P_MONTH, P_DAY_ONLY */
	int day, day2;    /* D_XUN: the first and last third 1..3; D_DAY: the day */
};

static int month_ok(const struct parser *ps, int month)
{
	if (month < 1 || month > 12)
		return fail(ps, "month %d is out of range", month);
	return CAMPAIGN_OK;
}

static int quarter_ok(const struct parser *ps, int quarter)
{
	if (quarter < 1 || quarter > 4)
		return fail(ps, "quarter %d is out of range", quarter);
	return CAMPAIGN_OK;
}

/* iso := NUM(4) s NUM [s NUM], s one of - / . (the same both times).
 * A 4-digit number after the second s starts the next part, so
 * "2011-10-2011-12" is a range. */
static int iso_sep(const struct token *t)
{
	return (t->kind == T_DASH && t->value == 1) || t->kind == T_SLASH || t->kind == T_DOT;
}

static int small_arabic(const struct token *t)
{
	return t->kind == T_NUM && t->arabic && t->ndigits <= 2;
}

static int is_iso(const struct parser *ps)
{
	const struct token *y = peek(ps, 0);
	return y->kind == T_NUM && y->arabic && y->ndigits == 4 && iso_sep(peek(ps, 1)) && small_arabic(peek(ps, 2));
}

/* m.d or m/d without a year: "6.30前", "6/30" (a dash would be a range of months, "1-6月") */
static int is_month_day(const struct parser *ps)
{
	enum tok_kind s = peek(ps, 1)->kind;
	return small_arabic(peek(ps, 0)) && (s == T_DOT || s == T_SLASH) && small_arabic(peek(ps, 2));
}

static int parse_iso(struct parser *ps, struct part *p)
{
	const struct token *sep = peek(ps, 1), *d;
	int rc;

	p->kind = P_MONTH;
	p->ysrc = Y_GIVEN;
	p->year = peek(ps, 0)->value;
	if ((rc = month_ok(ps, peek(ps, 2)->value)) != CAMPAIGN_OK)
		return rc;
	p->n = peek(ps, 2)->value;
	ps->pos += 3;
	d = peek(ps, 1);
	if (peek(ps, 0)->kind == sep->kind && peek(ps, 0)->value == sep->value && small_arabic(d)) {
		p->dk = D_DAY;
		p->day = d->value;
		ps->pos += 2;
	}
	return CAMPAIGN_OK;
}

/* The month numbered at the cursor, checked. */
static int month_at(struct parser *ps, struct part *p)
{
	p->kind = P_MONTH;
	p->n = peek(ps, 0)->value;
	return month_ok(ps, p->n);
}

static int parse_month_day(struct parser *ps, struct part *p)
{
	int rc = month_at(ps, p);

	p->dk = D_DAY;
	p->day = peek(ps, 2)->value;
	ps->pos += 3;
	return rc;
}

/* The edge of a quarter or a half: 初 its first month, 底/末 its last. */
static void parse_edge(struct parser *ps, struct part *p)
{
	if (accept(ps, T_BEGIN))
		p->edge = 1;
	else if (accept(ps, T_LATE))
		p->edge = 3;
}

/* 初 中 底 末 旬: what may follow 年 or 月 */
static int is_edge(enum tok_kind k)
{
	return k == T_BEGIN || k == T_MID || k == T_LATE || k == T_XUN;
}

static int is_range_sep(enum tok_kind k)
{
	return k == T_TO || k == T_DASH || k == T_DUN;
}

/* For NUM sep NUM UNIT ("1—6月", "一至三季度", "1至15日") at the cursor:
 * the unit the first number borrows, else T_END. */
static enum tok_kind borrowed_unit(const struct parser *ps)
{
	int k = 1;

	if (!is_range_sep(peek(ps, k)->kind))
		return T_END;
	while (is_range_sep(peek(ps, k)->kind))
		k++;
	k += peek(ps, k)->kind == T_ORD; /* 第一至第三季度 */
	if (peek(ps, k)->kind != T_NUM)
		return T_END;
	return peek(ps, k + 1)->kind;
}

/* quarter := [第] NUM 季度 [初|底|末] | Q NUM [初|底|末] */
static int parse_quarter(struct parser *ps, struct part *p)
{
	const struct token *num;
	int rc;

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
		if (peek(ps, 0)->kind != T_NUM || (peek(ps, 1)->kind != T_QUARTER && borrowed_unit(ps) != T_QUARTER))
			return unexpected(ps, "expected a quarter (第N季度)");
		num = peek(ps, 0);
		ps->pos += peek(ps, 1)->kind == T_QUARTER ? 2 : 1; /* 第一、二季度: the first borrows 季度 */
	}
	if ((rc = quarter_ok(ps, num->value)) != CAMPAIGN_OK)
		return rc;
	p->kind = P_QUARTER;
	p->n = num->value;
	parse_edge(ps, p);
	return CAMPAIGN_OK;
}

/* What follows "NUM 月": [上旬|中旬|下旬|上中旬|中下旬|初|中|底|末 | NUM 日 | NUM before "至15日"].
 * 初 is 上旬, 中 is 中旬, 底/末 is 下旬. */
static int parse_month_rest(struct parser *ps, struct part *p)
{
	const struct token *t = peek(ps, 0);

	if (t->kind == T_MONTH && is_edge(peek(ps, 1)->kind)) { /* 12月月底: 月 said twice */
		ps->pos++;
		t = peek(ps, 0);
	}
	switch (t->kind) {
	case T_XUN:
		p->dk = D_XUN;
		p->day = t->value < 10 ? t->value : t->value / 10;
		p->day2 = t->value < 10 ? t->value : t->value % 10;
		break;
	case T_BEGIN: p->dk = D_XUN; p->day = p->day2 = 1; break;
	case T_MID: p->dk = D_XUN; p->day = p->day2 = 2; break;
	case T_LATE: p->dk = D_XUN; p->day = p->day2 = 3; break;
	case T_NUM:
		if (peek(ps, 1)->kind == T_MONTH || peek(ps, 1)->kind == T_YEAR)
			return CAMPAIGN_OK; /* "10月12月": not a day; parse_tail says so */
		if (peek(ps, 1)->kind != T_DAY && borrowed_unit(ps) != T_DAY)
			return unexpected(ps, "expected 日 after the day");
		p->dk = D_DAY;
		p->day = t->value;
		ps->pos += peek(ps, 1)->kind == T_DAY;
		break;
	default:
		return CAMPAIGN_OK; /* the whole month */
	}
	ps->pos++;
	return CAMPAIGN_OK;
}

/* month := NUM 月 month-rest */
static int parse_month(struct parser *ps, struct part *p)
{
	int rc;

	if ((rc = month_at(ps, p)) != CAMPAIGN_OK)
		return rc;
	ps->pos += 2;
	return parse_month_rest(ps, p);
}

/* year := NUM 年 | NUM(4) before Q | 今年 | 明年 | 次年 ... | 年
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
	if (t->kind == T_RELYEAR || t->kind == T_SEQYEAR) {
		p->ysrc = t->kind == T_RELYEAR ? Y_REL : Y_SEQ;
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

/* [year] HOLIDAY [前]; 节前/节后 name no holiday. */
static int parse_holiday(struct parser *ps, struct part *p)
{
	const struct token *t = peek(ps, 0);

	if (t->kind == T_FESTIVAL)
		return fail(ps, "\"%.*s\" names no holiday: write 春节%s, 国庆节%s ...", (int)t->len, t->s,
		            t->value ? "后" : "前", t->value ? "后" : "前");
	p->kind = P_HOLIDAY;
	p->n = t->value;
	ps->pos++;
	if (peek(ps, 0)->kind == T_FILL && peek(ps, 0)->value == FILL_BEFORE) {
		p->edge = 1;
		ps->pos++;
	}
	return CAMPAIGN_OK;
}

static int now_date(const struct parser *ps, struct date *a);

/* 本月 下月 ... [month-rest], 本季度 下季度 ... [初|末]: a month or a quarter counted
 * from the context date's. */
static int parse_relative(struct parser *ps, struct part *p)
{
	int size = peek(ps, 0)->kind == T_RELQUARTER ? 3 : 1, rc, i;
	struct date now = {0};

	if ((rc = now_date(ps, &now)) != CAMPAIGN_OK)
		return rc;
	i = (now.y * 12 + now.m - 1) / size + peek(ps, 0)->value; /* months or quarters since year 0 */
	p->kind = size == 3 ? P_QUARTER : P_MONTH;
	p->ysrc = Y_GIVEN;
	p->year = i * size / 12;
	p->n = i * size % 12 / size + 1;
	ps->pos++;
	if (size == 3) {
		parse_edge(ps, p);
		return CAMPAIGN_OK;
	}
	return parse_month_rest(ps, p);
}

/* A number before 年/月/日/季度 or, borrowing the unit of the next end, before a dash or 至. */
static int parse_number_part(struct parser *ps, struct part *p, int second, int has_year)
{
	const struct token *t = peek(ps, 0), *u = peek(ps, 1);
	enum tok_kind unit;
	int rc;

	if (u->kind == T_MONTH)
		return parse_month(ps, p);
	if (u->kind == T_QUARTER)
		return parse_quarter(ps, p);
	if (u->kind == T_DAY) {
		if (!second || has_year)
			return fail(ps, "the day \"%.*s%.*s\" needs a month", (int)t->len, t->s, (int)u->len, u->s);
		p->kind = P_DAY_ONLY;
		p->dk = D_DAY;
		p->day = t->value;
		ps->pos += 2;
		return CAMPAIGN_OK;
	}
	if (!t->arabic && t->value == 11 && (u->kind == T_AFTER || (u->kind == T_FILL && u->value == FILL_BEFORE))) {
		/* 十一前, 十一后: the National Day (October 1), as 国庆 */
		p->kind = P_HOLIDAY;
		p->n = H_NATIONAL;
		p->edge = u->kind == T_FILL;
		ps->pos += 1 + (u->kind == T_FILL);
		return CAMPAIGN_OK;
	}
	unit = borrowed_unit(ps);
	if (unit == T_MONTH || unit == T_QUARTER) {
		rc = unit == T_MONTH ? month_ok(ps, t->value) : quarter_ok(ps, t->value);
		if (rc != CAMPAIGN_OK)
			return rc;
		p->kind = unit == T_MONTH ? P_MONTH : P_QUARTER;
		p->n = t->value;
		ps->pos++;
		return CAMPAIGN_OK;
	}
	ps->pos++;
	return unexpected(ps, "expected 年, 月, 日 or 季度 after a number");
}

/* part := iso | m.d | NOW | year [period] | [year] period. @second allows a bare day ("至15日"). */
static int parse_part(struct parser *ps, struct part *p, int second)
{
	const struct token *t;
	int has_year, bare;

	memset(p, 0, sizeof *p);
	if (is_iso(ps))
		return parse_iso(ps, p);
	if (is_month_day(ps))
		return parse_month_day(ps, p);
	if (accept(ps, T_NOW)) {
		p->kind = P_NOW;
		return CAMPAIGN_OK;
	}
	if (peek(ps, 0)->kind == T_RELMONTH || peek(ps, 0)->kind == T_RELQUARTER)
		return parse_relative(ps, p);
	has_year = parse_year(ps, p, &bare);
	if (has_year && !bare && peek(ps, 0)->kind == T_YEAR && is_edge(peek(ps, 1)->kind))
		ps->pos++; /* 2010年年底: 年 said twice */
	t = peek(ps, 0);
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
		parse_edge(ps, p);
		return CAMPAIGN_OK;
	case T_ALLYEAR:
		p->kind = P_YEAR;
		ps->pos++;
		return CAMPAIGN_OK;
	case T_HOLIDAY:
	case T_FESTIVAL:
		return parse_holiday(ps, p);
	case T_ORD:
	case T_Q:
	case T_QUARTER:
		return parse_quarter(ps, p);
	case T_NUM:
		return parse_number_part(ps, p, second, has_year);
	default:
		if (has_year) {
			p->kind = P_YEAR; /* 2011年, 年内 */
			return CAMPAIGN_OK;
		}
		return unexpected(ps, "expected a date");
	}
}

/* note := ( [含 | 周 NUM | 星期 NUM] ): "(含)", "（星期五）" after a date, read and ignored. */
static int parse_note(struct parser *ps)
{
	if (!accept(ps, T_LPAREN))
		return CAMPAIGN_OK;
	if (!accept(ps, T_INCL) && accept(ps, T_WEEK) && peek(ps, -1)->value == 0)
		accept(ps, T_NUM);
	if (!accept(ps, T_RPAREN))
		return unexpected(ps, "expected 含 or a weekday between the brackets");
	return CAMPAIGN_OK;
}

/* time := [上午|下午 ...] NUM (时|点) [NUM 分] | [上午 ...] NUM : NUM [: NUM]
 * A time of day after a date is read and checked, then ignored: the day is the deadline. */
static int parse_time(struct parser *ps)
{
	int pm = peek(ps, 0)->kind == T_AMPM, hour, k = pm;
	enum tok_kind after = peek(ps, k + 1)->kind;

	if (peek(ps, k)->kind != T_NUM || (after != T_HOUR && !(after == T_COLON && peek(ps, k + 2)->kind == T_NUM))) {
		ps->pos += pm; /* 下午 alone: a part of the day, ignored as a time is */
		return parse_note(ps);
	}
	hour = peek(ps, k)->value + (pm && peek(ps, 0)->value == PM && peek(ps, k)->value < 12 ? 12 : 0);
	if (hour > 24)
		return fail(ps, "hour %d is out of range (0..24)", hour);
	ps->pos += k + 2;
	while (peek(ps, 0)->kind == T_NUM && (after == T_COLON || peek(ps, 1)->kind == T_MINUTE)) {
		if (peek(ps, 0)->value > 59)
			return fail(ps, "minute %d is out of range (0..59)", peek(ps, 0)->value);
		ps->pos += 1;
		if (!accept(ps, T_MINUTE) && !accept(ps, T_COLON))
			break;
	}
	return parse_note(ps);
}

static int starts_part(enum tok_kind k)
{
	return k == T_NUM || k == T_YEAR || k == T_RELYEAR || k == T_SEQYEAR || k == T_HALF || k == T_ALLYEAR
		|| k == T_ORD || k == T_Q || k == T_QUARTER || k == T_NOW || k == T_HOLIDAY || k == T_FESTIVAL
		|| k == T_RELMONTH || k == T_RELQUARTER;
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
	else if (!only_commas && peek(ps, 0)->kind != T_EVERY)
		return unexpected(ps, "the range has no end");
	return CAMPAIGN_OK;
}

/* tail := (完成 | 前 | 止 | 开始 | 起 | 内 | 须 | , | . | 。 ...)* END. */
static int parse_tail(struct parser *ps)
{
	enum tok_kind k;
	int rc;

	while ((k = peek(ps, 0)->kind) == T_FILL || k == T_START || k == T_COMMA || k == T_DOT
	       || k == T_STOP || k == T_LEAD || k == T_LPAREN) {
		if (k == T_LPAREN && (rc = parse_note(ps)) != CAMPAIGN_OK)
			return rc;
		ps->pos += k != T_LPAREN;
	}
	if (peek(ps, 0)->kind != T_END)
		return unexpected(ps, "expected the end of the deadline");
	return CAMPAIGN_OK;
}

/* ---- calendar ---- */

static long day_of(struct date a)
{
	return cal_day_number(a.y, a.m, a.d);
}

static struct date date_of(long n)
{
	struct date a = {0};
	cal_from_day_number(n, &a.y, &a.m, &a.d);
	return a;
}

static void set_month(struct date *first, struct date *last, int y, int m1, int m2)
{
	*first = (struct date){y, m1, 1};
	*last = (struct date){y, m2, cal_days_in_month(y, m2)};
}

/* Reads an option's date "YYYY-MM-DD" (@what names it); *n stays as it is for NULL. */
static int option_date(const struct parser *ps, const char *s, const char *what, long *n)
{
	struct date a = {0};

	if (!s)
		return CAMPAIGN_OK;
	if (!date_valid(s) || sscanf(s, "%4d-%2d-%2d", &a.y, &a.m, &a.d) != 3)
		return fail(ps, "%s \"%.10s\" is not a date (YYYY-MM-DD)", what, s);
	*n = day_of(a);
	return CAMPAIGN_OK;
}

/* Resolves the year of @p: written, relative to the context year, or @fallback
 * (the context year for a first part, the first part's year for a second). */
static int part_year(const struct parser *ps, const struct part *p, int fallback, int *y)
{
	int base;

	switch (p->ysrc) {
	case Y_GIVEN: *y = p->year; break;
	case Y_REL:
	case Y_SEQ:
		/* 明年 counts from the context year, 次年 from the year named before; with no
		 * context year, 明年 in a range's end counts from its start ("2010年10月至明年3月") */
		base = p->ysrc == Y_REL && ps->year ? ps->year : fallback;
		if (base == 0)
			return fail(ps, "needs a year: 今年/明年/次年/上年 are relative to a year, and none was given");
		*y = base + p->year;
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

/* 春节 ... in year @y; 前 makes it the eve. */
static int holiday_dates(const struct parser *ps, const struct part *p, int y, struct date *first,
                         struct date *last)
{
	struct date h = {0};

	if (cal_holiday((enum cal_holiday)p->n, y, &h.m, &h.d) != 0)
		return fail(ps, "the Chinese calendar is known for 1990..2050, not for %d", y);
	h.y = y;
	*first = *last = p->edge ? date_of(day_of(h) - 1) : h;
	return CAMPAIGN_OK;
}

/* The days of a month part: whole, thirds (上旬 1..10, 中旬 11..20, 下旬 21..end) or a day. */
static int month_dates(const struct parser *ps, const struct part *p, int y, struct date *first,
                       struct date *last)
{
	int dim;

	set_month(first, last, y, p->n, p->n);
	dim = last->d;
	if (p->dk == D_XUN) {
		first->d = 10 * (p->day - 1) + 1;
		last->d = p->day2 == 3 ? dim : 10 * p->day2;
	} else if (p->dk == D_DAY) {
		if (p->day < 1 || p->day > dim)
			return fail(ps, "day %d is out of range for %04d-%02d%s", p->day, y, p->n,
			            p->n == 2 && p->day == 29 ? " (not a leap year)" : "");
		first->d = last->d = p->day;
	}
	return CAMPAIGN_OK;
}

/* Turns a part in year @y into its first and last day (the table in docs/deadlines.md). */
static int part_dates(const struct parser *ps, const struct part *p, int y,
                      struct date *first, struct date *last)
{
	int m1;

	switch (p->kind) {
	case P_YEAR: set_month(first, last, y, 1, 12); break;
	case P_YEAR_BEGIN: set_month(first, last, y, 1, 1); break;
	case P_YEAR_MID: set_month(first, last, y, 6, 6); break;
	case P_YEAR_END: set_month(first, last, y, 12, 12); break;
	case P_HALF:
	case P_QUARTER:
		/* a half is six months, a quarter three; the edge takes its first or last month */
		m1 = p->kind == P_HALF ? 6 * p->n - 5 : 3 * p->n - 2;
		if (p->edge)
			m1 += p->edge == 1 ? 0 : (p->kind == P_HALF ? 5 : 2);
		set_month(first, last, y, m1, p->edge ? m1 : m1 + (p->kind == P_HALF ? 5 : 2));
		break;
	case P_HOLIDAY: return holiday_dates(ps, p, y, first, last);
	default: return month_dates(ps, p, y, first, last);
	}
	return CAMPAIGN_OK;
}

/* The context date 即日 means: the option "from", else January 1 of the year. */
static int now_date(const struct parser *ps, struct date *a)
{
	long n = 0;
	int rc;

	if (!ps->opts->from_date) {
		if (!ps->year)
			return fail(ps, "needs a date: 即日/今 is the context date, and none was given");
		*a = (struct date){ps->year, 1, 1};
		return CAMPAIGN_OK;
	}
	if ((rc = option_date(ps, ps->opts->from_date, "the context date", &n)) != CAMPAIGN_OK)
		return rc;
	*a = date_of(n);
	return CAMPAIGN_OK;
}

/* Resolves one part; @fallback is the year of a part that names none, *y the year used. */
static int part_resolve(const struct parser *ps, const struct part *p, int fallback, int *y,
                        struct date *first, struct date *last)
{
	int rc;

	if (p->kind == P_NOW) {
		if ((rc = now_date(ps, first)) != CAMPAIGN_OK)
			return rc;
		*last = *first;
		*y = first->y;
		return CAMPAIGN_OK;
	}
	if ((rc = part_year(ps, p, fallback, y)) != CAMPAIGN_OK)
		return rc;
	return part_dates(ps, p, *y, first, last);
}

/* Resolves part @a, or the range @a to @b, into [*first, *last]. */
static int resolve(const struct parser *ps, const struct part *a, const struct part *b,
                   struct date *first, struct date *last)
{
	struct date b1, b2;
	struct part end;
	int ya = 0, yb = 0, rc; /* set by part_resolve() before use; 0 quiets -Wmaybe-uninitialized */

	if ((rc = part_resolve(ps, a, ps->year, &ya, first, last)) != CAMPAIGN_OK || !b)
		return rc;
	end = *b;
	if (end.kind == P_DAY_ONLY) {
		/* "10月1日至15日": the end takes the start's month */
		if (a->kind != P_MONTH)
			return fail(ps, "the end of the range names only a day, and the start no month");
		end.kind = P_MONTH;
		end.n = a->n;
	}
	if ((rc = part_resolve(ps, &end, ya, &yb, &b1, &b2)) != CAMPAIGN_OK)
		return rc;
	if (day_of(b2) < day_of(*first))
		return fail(ps, "the range ends (%04d-%02d-%02d) before it starts (%04d-%02d-%02d)",
		            b2.y, b2.m, b2.d, first->y, first->m, first->d);
	*last = b2;
	return CAMPAIGN_OK;
}

/* ---- recurrences: 每月5日前, 每季度末, 每半年, 每年, 每周五 ---- */

enum every_unit { E_WEEK, E_MONTH, E_QUARTER, E_HALF, E_YEAR };

struct every {
	enum every_unit unit;
	struct part tpl;     /* one occurrence, its number (month, quarter ...) and year filled in per occurrence */
	int weekday;         /* E_WEEK: 1..7, 0 the whole week (Monday..Sunday) */
	int within;          /* 后N日内: each occurrence is the N days after it, else 0 */
	const char *words;   /* E_YEAR: the words after 每年, for the rule */
	size_t nwords;
};

/* 每年 [part]: a part without a year ("6月底", "春节前", "第三季度"), or the whole year. */
static int parse_every_year(struct parser *ps, struct every *ev)
{
	const struct token *t = peek(ps, 0);
	int rc;

	ev->unit = E_YEAR;
	ev->words = t->s;
	if (t->kind == T_BEGIN || t->kind == T_MID || t->kind == T_LATE) {
		ev->words = peek(ps, -1)->s; /* 年底: the rule says 年 too */
		ev->tpl.kind = t->kind == T_BEGIN ? P_YEAR_BEGIN : t->kind == T_MID ? P_YEAR_MID : P_YEAR_END;
		ps->pos++;
	} else if (starts_part(t->kind)) {
		if ((rc = parse_part(ps, &ev->tpl, 0)) != CAMPAIGN_OK)
			return rc;
		if (ev->tpl.ysrc != Y_NONE || ev->tpl.kind == P_NOW)
			return fail(ps, "每年 recurs every year: what follows it names no year");
	} else {
		ev->tpl.kind = P_YEAR;
	}
	ev->nwords = (size_t)(peek(ps, 0)->s - ev->words);
	return CAMPAIGN_OK;
}

/* 每周 [NUM | 日]: a weekday, or the whole week. */
static int parse_every_week(struct parser *ps, struct every *ev)
{
	const struct token *t = peek(ps, 0);

	ev->unit = E_WEEK;
	if (t->value == 0 && peek(ps, 1)->kind == T_NUM) {
		ps->pos++;
		t = peek(ps, 0);
		if (t->value < 1 || t->value > 7)
			return fail(ps, "weekday %d is out of range (1..7)", t->value);
	}
	ev->weekday = t->value;
	ps->pos++;
	return CAMPAIGN_OK;
}

/* every := 每 [个] (月 month-rest | 季度 [初|末] | 半年 [初|末] | 年 [part] | 周 [NUM]) */
static int parse_every(struct parser *ps, struct every *ev)
{
	const struct token *t;
	int rc;

	memset(ev, 0, sizeof *ev);
	ps->pos++; /* 每 */
	if (peek(ps, 0)->kind == T_NUM && peek(ps, 0)->value == 1)
		ps->pos++; /* 每一季度, 每一个月 */
	accept(ps, T_GE);
	t = peek(ps, 0);
	switch (t->kind) {
	case T_MONTH:
		ev->unit = E_MONTH;
		ev->tpl.kind = P_MONTH;
		ps->pos++;
		if ((rc = parse_month_rest(ps, &ev->tpl)) != CAMPAIGN_OK)
			return rc;
		if (ev->tpl.dk == D_DAY && (ev->tpl.day < 1 || ev->tpl.day > 31))
			return fail(ps, "day %d is out of range (1..31)", ev->tpl.day);
		return CAMPAIGN_OK;
	case T_QUARTER:
	case T_HALFYEAR:
		ev->unit = t->kind == T_QUARTER ? E_QUARTER : E_HALF;
		ev->tpl.kind = t->kind == T_QUARTER ? P_QUARTER : P_HALF;
		ps->pos++;
		parse_edge(ps, &ev->tpl);
		return CAMPAIGN_OK;
	case T_YEAR:
		ps->pos++;
		return parse_every_year(ps, ev);
	case T_WEEK:
		return parse_every_week(ps, ev);
	default:
		return unexpected(ps, "expected 月, 季度, 半年, 年 or 周 after 每");
	}
}

/* The rule as text: "monthly: day 5", "quarterly: the last month", "weekly: Friday". */
static void every_rule(const struct every *ev, char *out, size_t cap)
{
	static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	                                   "Sunday"};
	const struct part *p = &ev->tpl;
	char end[8];

	switch (ev->unit) {
	case E_WEEK:
		snprintf(out, cap, "weekly: %s", ev->weekday ? days[ev->weekday - 1] : "the whole week (Monday..Sunday)");
		break;
	case E_MONTH:
		snprintf(end, sizeof end, "%d", 10 * p->day2);
		if (p->dk == D_DAY)
			snprintf(out, cap, "monthly: day %d%s", p->day, p->day > 28 ? " (or the last day of a shorter month)" : "");
		else if (p->dk == D_XUN)
			snprintf(out, cap, "monthly: days %d..%s", 10 * (p->day - 1) + 1, p->day2 == 3 ? "end" : end);
		else
			snprintf(out, cap, "monthly: the whole month");
		break;
	case E_QUARTER:
	case E_HALF:
		if (p->edge == 0)
			snprintf(out, cap, "%s: the whole %s", ev->unit == E_QUARTER ? "quarterly" : "half-yearly",
			         ev->unit == E_QUARTER ? "quarter" : "half");
		else
			snprintf(out, cap, "%s: its %s month", ev->unit == E_QUARTER ? "quarterly" : "half-yearly",
			         p->edge == 1 ? "first" : "last");
		break;
	default:
		if (ev->nwords)
			snprintf(out, cap, "yearly: %.*s", (int)ev->nwords, ev->words);
		else
			snprintf(out, cap, "yearly: the whole year");
		break;
	}
	if (ev->within)
		snprintf(out + strlen(out), cap - strlen(out), "; the %d days after it", ev->within);
}

/* Receives occurrences: counts them, and stores them when @occ is set. */
struct sink {
	long (*occ)[2];
	int n;
};

static void sink_add(struct sink *s, long first, long last)
{
	if (s->occ) {
		s->occ[s->n][0] = first;
		s->occ[s->n][1] = last;
	}
	s->n++;
}

/* Occurrence @i (month 1..12, quarter 1..4, half 1..2; 1 for a year) of @ev in year @y. */
static int every_dates(const struct parser *ps, const struct every *ev, int y, int i, long *first, long *last)
{
	struct part p = ev->tpl;
	struct date a = {0}, b = {0};
	int dim, rc;

	if (ev->unit != E_YEAR)
		p.n = i;
	if (ev->unit == E_MONTH && p.dk == D_DAY && p.day > (dim = cal_days_in_month(y, i)))
		p.day = dim; /* 每月31日 in a shorter month: its last day */
	if ((rc = part_dates(ps, &p, y, &a, &b)) != CAMPAIGN_OK)
		return rc;
	*first = ev->within ? day_of(b) + 1 : day_of(a);
	*last = day_of(b) + ev->within;
	return CAMPAIGN_OK;
}

/* Lists the occurrences of @ev whose last day lies in [pf, pl]. */
static int every_list(const struct parser *ps, const struct every *ev, long pf, long pl, struct sink *s)
{
	static const int per_year[] = {[E_MONTH] = 12, [E_QUARTER] = 4, [E_HALF] = 2, [E_YEAR] = 1};
	struct date a = date_of(pf), b = date_of(pl);
	long f, l, n;
	int y, i, rc;

	if (pl < pf)
		return CAMPAIGN_OK;
	if (ev->unit == E_WEEK) {
		/* n: the day (or the Sunday ending the week); with 后N日内 the N days after it */
		for (n = pf - ev->within; n <= pl - ev->within; n++)
			if (cal_weekday(date_of(n).y, date_of(n).m, date_of(n).d) == (ev->weekday ? ev->weekday : 7))
				sink_add(s, ev->within ? n + 1 : ev->weekday ? n : n - 6, n + ev->within);
		return CAMPAIGN_OK;
	}
	/* the year after the period too: 每年元旦前 falls on December 31 of the year before */
	for (y = a.y; y <= b.y + 1 && y <= YEAR_MAX; y++)
		for (i = 1; i <= per_year[ev->unit]; i++) {
			if ((rc = every_dates(ps, ev, y, i, &f, &l)) != CAMPAIGN_OK)
				return y > b.y ? CAMPAIGN_OK : rc;
			if (l >= pf && l <= pl)
				sink_add(s, f, l);
		}
	return CAMPAIGN_OK;
}

/* ---- the text ---- */

#define RULE_MAX 96

/* What a text means, before its occurrences are listed. */
struct reading {
	int kind;             /* campaign_deadline_kind_code */
	long first, last;     /* day numbers; last unused for a start */
	struct every ev;      /* CAMPAIGN_DEADLINE_RECURRING */
	long pf, pl;          /* the period a recurrence is listed in */
};

/* The period of a recurrence: written before it ("2011年每月5日前"; after a start,
 * to the end of the options' period), else the options, else the context year. */
static int every_period(const struct parser *ps, const struct date *written, int started, struct reading *rd)
{
	int rc;

	if (written && !started) {
		rd->pf = day_of(written[0]);
		rd->pl = day_of(written[1]);
		return CAMPAIGN_OK;
	}
	if (written) { /* "2010年10月起每月5日前": from the start to the end of the period (or of its year) */
		rd->pf = day_of(written[0]);
		rd->pl = cal_day_number(written[0].y, 12, 31);
		if ((rc = option_date(ps, ps->opts->period_last, "the period's last day", &rd->pl)) != CAMPAIGN_OK)
			return rc;
		return rd->pl < rd->pf ? fail(ps, "the period ends before it starts") : CAMPAIGN_OK;
	}
	rd->pf = rd->pl = 0;
	if (ps->year) {
		rd->pf = cal_day_number(ps->year, 1, 1);
		rd->pl = cal_day_number(ps->year, 12, 31);
	}
	if ((rc = option_date(ps, ps->opts->period_first, "the period's first day", &rd->pf)) != CAMPAIGN_OK)
		return rc;
	if (ps->opts->period_first && !ps->opts->period_last)
		rd->pl = cal_day_number(date_of(rd->pf).y, 12, 31);
	if ((rc = option_date(ps, ps->opts->period_last, "the period's last day", &rd->pl)) != CAMPAIGN_OK)
		return rc;
	if (!rd->pf || !rd->pl) {
		rd->pf = 1; /* no period known: the rule, and no occurrences */
		rd->pl = 0;
		return CAMPAIGN_OK;
	}
	if (rd->pl < rd->pf)
		return fail(ps, "the period ends before it starts");
	return CAMPAIGN_OK;
}

/* part time? [start* sep+ part time?], resolved into dates[0..1]; *started for a 起 after a lone part. */
static int parse_range(struct parser *ps, struct date dates[2], int *started)
{
	struct part a, b;
	int ranged = 0, rc;

	if ((rc = parse_part(ps, &a, 0)) != CAMPAIGN_OK || (rc = parse_time(ps)) != CAMPAIGN_OK)
		return rc;
	*started = 0;
	while (accept(ps, T_START))
		*started = 1;
	if ((rc = parse_separator(ps, &ranged)) != CAMPAIGN_OK)
		return rc;
	if (ranged) {
		*started = 0;
		if ((rc = parse_part(ps, &b, 1)) != CAMPAIGN_OK || (rc = parse_time(ps)) != CAMPAIGN_OK)
			return rc;
	}
	return resolve(ps, &a, ranged ? &b : NULL, &dates[0], &dates[1]);
}

/* within := [结束]后 NUM (日|天) [内]: the N days after a date ("每季度结束后10日内"); *n stays 0 without. */
static int parse_within(struct parser *ps, int *n)
{
	*n = 0;
	if (peek(ps, 0)->kind != T_AFTER || peek(ps, 1)->kind != T_NUM || peek(ps, 2)->kind != T_DAY)
		return CAMPAIGN_OK;
	if (peek(ps, 1)->value < 1 || peek(ps, 1)->value > 366)
		return fail(ps, "%d days after is out of range (1..366)", peek(ps, 1)->value);
	*n = peek(ps, 1)->value;
	ps->pos += 3;
	return CAMPAIGN_OK;
}

/* span := NUM (日|天) | NUM [个] 月, after 起: "即日起30日内", "自2010年10月1日起3个月内".
 * Sets *last to the last day of the span that starts on @first; leaves it without a span. */
static int parse_span(struct parser *ps, long first, long *last)
{
	const struct token *n = peek(ps, 0);
	int k = 1 + (peek(ps, 1)->kind == T_GE), y, m, d, dim;

	if (n->kind != T_NUM || (peek(ps, 1)->kind != T_DAY && peek(ps, k)->kind != T_MONTH))
		return CAMPAIGN_OK;
	if (n->value < 1 || n->value > 1200)
		return fail(ps, "a span of %d is out of range (1..1200)", n->value);
	if (peek(ps, 1)->kind == T_DAY) {
		*last = first + n->value - 1;
		ps->pos += 2;
		return CAMPAIGN_OK;
	}
	/* N months: to the day before the same day N months on (the month's last day if shorter) */
	cal_from_day_number(first, &y, &m, &d);
	m += n->value;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	dim = cal_days_in_month(y, m);
	*last = cal_day_number(y, m, d > dim ? dim : d) - (d > dim ? 0 : 1);
	ps->pos += k + 1;
	return CAMPAIGN_OK;
}

/* text := lead* ( OPEN | [range] every [within] | range [within | 起 [span] | 后] ) tail* END */
static int parse_text(struct parser *ps, struct reading *rd)
{
	struct date dates[2];
	int started = 0, has_range, within, rc;

	memset(rd, 0, sizeof *rd);
	/* 至 is a range separator only; 到 may also lead ("到2010年底") */
	while (peek(ps, 0)->kind == T_LEAD || (peek(ps, 0)->kind == T_TO && peek(ps, 0)->value == 1))
		ps->pos++;
	if (peek(ps, 0)->kind == T_TO)
		return fail(ps, "the range has no start: 至 only separates its two ends");
	if (accept(ps, T_OPEN)) {
		rd->kind = CAMPAIGN_DEADLINE_OPEN_ENDED;
		return parse_tail(ps);
	}
	has_range = peek(ps, 0)->kind != T_EVERY;
	if (has_range && (rc = parse_range(ps, dates, &started)) != CAMPAIGN_OK)
		return rc;
	if (peek(ps, 0)->kind == T_EVERY) {
		rd->kind = CAMPAIGN_DEADLINE_RECURRING;
		if ((rc = parse_every(ps, &rd->ev)) != CAMPAIGN_OK || (rc = parse_time(ps)) != CAMPAIGN_OK
		    || (rc = parse_within(ps, &rd->ev.within)) != CAMPAIGN_OK
		    || (rc = every_period(ps, has_range ? dates : NULL, started, rd)) != CAMPAIGN_OK)
			return rc;
		return parse_tail(ps);
	}
	rd->first = day_of(dates[0]);
	rd->last = day_of(dates[1]);
	if ((rc = parse_within(ps, &within)) != CAMPAIGN_OK)
		return rc;
	if (within) { /* "2011年6月底后10日内": the ten days after it */
		rd->first = rd->last + 1;
		rd->last += within;
		started = 0;
	} else if (accept(ps, T_AFTER)) { /* "春节后": from the next day on */
		started = 1;
		rd->first = rd->last + 1;
	} else if (started) {
		rd->last = LONG_MIN; /* no span */
		if ((rc = parse_span(ps, rd->first, &rd->last)) != CAMPAIGN_OK)
			return rc;
		started = rd->last == LONG_MIN;
	}
	rd->kind = started ? CAMPAIGN_DEADLINE_START : CAMPAIGN_DEADLINE_RANGE;
	return parse_tail(ps);
}

/* Reads @text in the context @opts into @rd; the last error says why not. */
static int read_text(struct reading *rd, const char *text, const campaign_deadline_read_options *opts)
{
	static const campaign_deadline_read_options none = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;
	struct parser ps;
	long from = 0;
	int rc;

	if (!text)
		return error_set(CAMPAIGN_EINVALID, "invalid deadline: the text is NULL");
	if (opts && (rc = options_check(opts, CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION,
	                                "campaign_deadline_read_options")) != CAMPAIGN_OK)
		return rc;
	ps.text = text;
	ps.opts = opts ? opts : &none;
	ps.year = ps.opts->year;
	ps.n = ps.pos = 0;
	if (!utf8_ok(text, strlen(text)))
		return fail(&ps, "the text is not valid UTF-8");
	if (!ps.year && ps.opts->from_date) {
		if ((rc = option_date(&ps, ps.opts->from_date, "the context date", &from)) != CAMPAIGN_OK)
			return rc;
		ps.year = date_of(from).y;
	}
	if ((rc = tokenize(&ps)) != CAMPAIGN_OK)
		return rc;
	if (ps.n == 0)
		return fail(&ps, "the text is empty");
	return parse_text(&ps, rd);
}

/* Lists the occurrences of @rd (a recurrence) into @s. */
static int reading_list(const struct reading *rd, const char *text, struct sink *s)
{
	static const campaign_deadline_read_options none = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;
	struct parser ps;

	ps.text = text;
	ps.opts = &none;
	s->n = 0;
	return every_list(&ps, &rd->ev, rd->pf, rd->pl, s);
}

static void range_set(deadline_range *r, int kind, const long *first, const long *last)
{
	struct date a = {0};

	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->open_ended = !last;
	if (first) {
		a = date_of(*first);
		r->first_y = a.y; r->first_m = a.m; r->first_d = a.d;
	}
	if (last) {
		a = date_of(*last);
		r->last_y = a.y; r->last_m = a.m; r->last_d = a.d;
	}
}

int deadline_read_range(deadline_range *out, const char *text, const campaign_deadline_read_options *opts)
{
	struct reading rd;
	long (*occ)[2] = NULL;
	struct sink s = {NULL, 0};
	int rc;

	if ((rc = read_text(&rd, text, opts)) != CAMPAIGN_OK)
		return rc;
	if (rd.kind == CAMPAIGN_DEADLINE_RECURRING) {
		/* the span of the occurrences: the first's first day, the last's last */
		if ((rc = reading_list(&rd, text, &s)) != CAMPAIGN_OK)
			return rc;
		if (s.n && !(occ = malloc(sizeof *occ * (size_t)s.n)))
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		s.occ = occ;
		if (s.n && (rc = reading_list(&rd, text, &s)) == CAMPAIGN_OK)
			range_set(out, rd.kind, &occ[0][0], &occ[s.n - 1][1]);
		else
			range_set(out, rd.kind, NULL, NULL);
		free(occ);
		return rc;
	}
	range_set(out, rd.kind, rd.kind == CAMPAIGN_DEADLINE_OPEN_ENDED ? NULL : &rd.first,
	          rd.kind == CAMPAIGN_DEADLINE_RANGE ? &rd.last : NULL);
	return CAMPAIGN_OK;
}

int deadline_parse_range(deadline_range *out, const char *text, int year)
{
	campaign_deadline_read_options o = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;

	o.year = year;
	return deadline_read_range(out, text, &o);
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

static void format_day(char out[11], long n)
{
	struct date a = date_of(n);
	deadline_format_date(out, a.y, a.m, a.d);
}

/* ---- public API ---- */

struct campaign_deadline {
	int kind;
	char first[11], last[11]; /* "YYYY-MM-DD", empty when none */
	char rule[RULE_MAX];      /* empty unless recurring */
	int count;                /* occurrences */
	char (*occ)[2][11];       /* a recurrence's occurrences */
	char text[];              /* the original text, byte for byte */
};

OPTIONS_INIT_FN(deadline_read, CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION)

/* Fills the occurrences of a recurrence, and first/last from their span. */
static int deadline_occurrences(campaign_deadline *d, const struct reading *rd)
{
	struct sink s = {NULL, 0};
	int rc, i;

	every_rule(&rd->ev, d->rule, sizeof d->rule);
	if ((rc = reading_list(rd, d->text, &s)) != CAMPAIGN_OK)
		return rc;
	if (s.n == 0)
		return CAMPAIGN_OK;
	if (!(s.occ = malloc(sizeof *s.occ * (size_t)s.n)) || !(d->occ = malloc(sizeof *d->occ * (size_t)s.n))) {
		free(s.occ);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	if ((rc = reading_list(rd, d->text, &s)) == CAMPAIGN_OK) {
		for (i = 0; i < s.n; i++) {
			format_day(d->occ[i][0], s.occ[i][0]);
			format_day(d->occ[i][1], s.occ[i][1]);
		}
		d->count = s.n;
		memcpy(d->first, d->occ[0][0], 11);
		memcpy(d->last, d->occ[s.n - 1][1], 11);
	}
	free(s.occ);
	return rc;
}

int campaign_deadline_read(campaign_deadline **out, const char *text, const campaign_deadline_read_options *opts)
{
	struct reading rd;
	campaign_deadline *d;
	size_t n;
	int rc;

	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_deadline_read: out is NULL");
	if ((rc = read_text(&rd, text, opts)) != CAMPAIGN_OK)
		return rc;
	n = strlen(text);
	if (!(d = calloc(1, sizeof *d + n + 1)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	memcpy(d->text, text, n + 1);
	d->kind = rd.kind;
	if (rd.kind == CAMPAIGN_DEADLINE_RECURRING) {
		if ((rc = deadline_occurrences(d, &rd)) != CAMPAIGN_OK) {
			campaign_deadline_free(d);
			return rc;
		}
	} else if (rd.kind != CAMPAIGN_DEADLINE_OPEN_ENDED) {
		format_day(d->first, rd.first);
		if (rd.kind == CAMPAIGN_DEADLINE_RANGE)
			format_day(d->last, rd.last);
		d->count = 1;
	}
	*out = d;
	error_ok();
	return CAMPAIGN_OK;
}

int campaign_deadline_parse(campaign_deadline **out, const char *text, int year)
{
	campaign_deadline_read_options o = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;

	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_deadline_parse: out is NULL");
	o.year = year;
	return campaign_deadline_read(out, text, &o);
}

const char *campaign_deadline_text(const campaign_deadline *d)
{
	return d ? d->text : NULL;
}

const char *campaign_deadline_first(const campaign_deadline *d)
{
	return d && d->first[0] ? d->first : NULL;
}

const char *campaign_deadline_last(const campaign_deadline *d)
{
	return d && d->last[0] ? d->last : NULL;
}

int campaign_deadline_is_open_ended(const campaign_deadline *d)
{
	return d ? d->kind == CAMPAIGN_DEADLINE_OPEN_ENDED || d->kind == CAMPAIGN_DEADLINE_START : 0;
}

int campaign_deadline_kind(const campaign_deadline *d)
{
	return d ? d->kind : CAMPAIGN_DEADLINE_RANGE;
}

int campaign_deadline_occurrence_count(const campaign_deadline *d)
{
	return d ? d->count : 0;
}

const char *campaign_deadline_occurrence_first(const campaign_deadline *d, int i)
{
	if (!d || i < 0 || i >= d->count)
		return NULL;
	return d->occ ? d->occ[i][0] : campaign_deadline_first(d);
}

const char *campaign_deadline_occurrence_last(const campaign_deadline *d, int i)
{
	if (!d || i < 0 || i >= d->count)
		return NULL;
	return d->occ ? d->occ[i][1] : campaign_deadline_last(d);
}

const char *campaign_deadline_rule(const campaign_deadline *d)
{
	return d && d->rule[0] ? d->rule : NULL;
}

void campaign_deadline_free(campaign_deadline *d)
{
	if (d)
		free(d->occ);
	free(d);
}
