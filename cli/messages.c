/* The library's error messages in the user's language. The library keeps a
 * stable English text and a code (programs and logs rely on both), so the
 * tool translates at the last moment: each message is matched against the
 * library's own message patterns listed here -- the msgids of po/ are those
 * patterns, "%s is required" -- and the pattern's translation is filled with
 * the parts the message had at its conversions, in the same order. Matching
 * patterns keeps the library's API and every domain's error_set() as they
 * are; a message with no pattern here is shown in English. */
#include <stdlib.h>
#include <string.h>
#include "i18n.h"

static const char *const patterns[] = {
	N_("a %s is required"),
	N_("%s is not valid UTF-8 (byte %zu)"),
	N_("%s: invalid UTF-8 at byte %zu"),
	N_("\"%s\" is not a date (YYYY-MM-DD)"),
	N_("date \"%s\" is not a date (YYYY-MM-DD)"),
	N_("no finding with id \"%s\""),
	N_("no outcome with id \"%s\""),
	N_("no outcome or milestone with id \"%s\""),
	N_("%s: cannot open the file"),
	N_("%s: import stopped"),
	N_("unknown unit \"%s\""),
	N_("unknown unit \"%s\" (did you mean %s?)"),
	N_("unit \"%s\" owes no share of %s \"%s\""),
	N_("status is required (not_started, in_progress, done, blocked)"),
	N_("status \"%s\" is not one of not_started, in_progress, done, blocked"),
	N_("percent %d is not in 0..100"),
	N_("a done report must say 100 percent, not %d"),
	N_("a not_started report must say 0 percent, not %d"),
	N_("outcome and unit are required"),
	N_("date %s is outside the campaign %s – %s"),
	N_("date %s is after today (%s)"),
	N_("the store is open read-only"),
	N_("the store holds several campaigns: name one"),
	N_("the store holds no campaign"),
	N_("unknown encoding \"%s\" (auto, utf-8 or gb18030)"),
	N_("out of memory"),
	/* the general ones after the particular */
	N_("%s is required"),
	N_("%s \"%s\" is not one of %s"),
	N_("%s \"%s\" is not a date (YYYY-MM-DD)"),
	N_("no %s with id \"%s\""),
	N_("%s \"%s\" exists already"),
	NULL,
};

#define MAX_PARTS 8

typedef struct part {
	const char *at;
	size_t n;
} part;

/* The length of the conversion at @p ("%s", "%zu", "%.*s", "%lld"), 0 if none. */
static size_t conversion(const char *p)
{
	size_t n = 1;
	if (p[0] != '%' || p[1] == '%')
		return 0;
	while (p[n] && strchr("0123456789.*-lzh", p[n]))
		n++;
	return p[n] ? n + 1 : 0;
}

/* Does @msg match @pat from here on? Each conversion takes one or more
 * characters, as few as let the rest match. */
static int match(const char *pat, const char *msg, part *parts, int k)
{
	size_t c;
	for (; *pat; pat++, msg++) {
		if ((c = conversion(pat))) {
			if (k == MAX_PARTS)
				return 0;
			for (const char *end = msg + 1; end <= msg + strlen(msg); end++)
				if (match(pat + c, end, parts, k + 1)) {
					parts[k].at = msg;
					parts[k].n = (size_t)(end - msg);
					return 1;
				}
			return 0;
		}
		if (*pat != *msg)
			return 0;
	}
	return !*msg;
}

/* The translated pattern @tr with its conversions replaced by @parts, in order. */
static const char *fill(const char *tr, const part *parts)
{
	static char out[2048];
	size_t o = 0, c;
	int k = 0;
	for (const char *p = tr; *p && o + 1 < sizeof out; ) {
		if ((c = conversion(p)) && k < MAX_PARTS && parts[k].at) {
			size_t n = parts[k].n < sizeof out - 1 - o ? parts[k].n : sizeof out - 1 - o;
			memcpy(out + o, parts[k].at, n);
			o += n;
			k++;
			p += c;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
	return out;
}

const char *cli_error_text(const char *message)
{
	part parts[MAX_PARTS];
	if (!cli_zh() || !message)
		return message;
	for (int i = 0; patterns[i]; i++) {
		memset(parts, 0, sizeof parts);
		if (match(patterns[i], message, parts, 0)) {
			const char *tr = _(patterns[i]);
			return tr == patterns[i] ? message : fill(tr, parts);
		}
	}
	return message;
}
