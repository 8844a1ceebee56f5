/* The library's error messages in the user's language. The library keeps a
 * stable English text and a code (programs and logs rely on both), so the
 * tool translates at the last moment: each message is matched against the
 * library's own message formats -- every one, generated from its sources
 * into library_messages.h; the msgids of po/ are those patterns, "%s is
 * required" -- and the pattern's translation is filled with the parts the
 * message had at its conversions, in the same order. Matching patterns keeps
 * the library's API and every domain's error_set() as they are; a message
 * no pattern matches (a text SQLite or libxml2 wrote) is shown in English. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#define NC_(c, s) s /* a msgid with a context, for xgettext (-kNC_:1c,2) */
#include "library_messages.h"

/* The patterns are every message format of the library, extracted from its
 * sources (tools/library_messages.py; the test po.library_messages keeps the
 * list current and each pattern translated); the words are what its helpers
 * fill in ("%s is required" with "the unit"), msgctxt "what". */
static const char *const patterns[] = {LIBRARY_PATTERNS};
static const char *const words[] = {LIBRARY_WORDS};

#define MAX_PARTS 8

typedef struct part {
	const char *at;
	size_t n;
	int quoted; /* "%s" in the pattern: a value as given (a name, an id), never translated */
} part;

/* The length of the conversion at @p ("%s", "%zu", "%.*s", "%lld"), 0 if none. */
static size_t conversion(const char *p)
{
	size_t n = 1;
	if (p[0] != '%' || p[1] == '%')
		return 0;
	while (p[n] && strchr("0123456789.*-lzh#", p[n]))
		n++;
	return p[n] ? n + 1 : 0;
}

/* The characters conversion @c of length @n can take: a number's digits, a
 * hex number's, or anything (a text, "%s", which may be empty). */
static int takes(const char *c, size_t n, char ch)
{
	switch (c[n - 1]) {
	case 'd': case 'i': case 'u': return (ch >= '0' && ch <= '9') || ch == '-';
	case 'x': case 'X': return strchr("0123456789abcdefABCDEF", ch) != NULL;
	case 'c': return 1;
	default: return 1;
	}
}

static int is_word_at(const char *s, size_t n);

/* Does @msg match @pat from here on? A text conversion takes as few
 * characters as let the rest match, none or more; a number as many digits as
 * let the rest match, one or more ("%04d-%02d%s" reads "2010-11" whole).
 * Texts side by side ("%s%s%s": a role, " of ", a unit) split where one of
 * the library's connecting words (" of ", " as ") can stand second after a
 * first part of one character or more, else the first takes all it can. @force: the length
 * this conversion must take, or -1. */
static int match(const char *start, const char *pat, const char *msg, part *parts, int k, long force)
{
	size_t c;
	for (; *pat; pat++, msg++) {
		if ((c = conversion(pat))) {
			size_t run = 0, len = strlen(msg);
			int text = pat[c - 1] == 's', found = 0;
			if (k == MAX_PARTS)
				return 0;
			if (force >= 0) {
				run = (size_t)force;
				for (size_t i = 0; i < run && !text; i++)
					if (!takes(pat, c, msg[i]))
						return 0;
				found = run <= len && (text || run) && match(start, pat + c, msg + run, parts, k + 1, -1);
			} else if (text && conversion(pat + c)) {
				for (run = 1; run <= len && !found; run++)
					for (int w = 0; words[w] && !found; w++) {
						size_t wn = strlen(words[w]);
						found = words[w][0] == ' ' && !strncmp(msg + run, words[w], wn)
						        && match(start, pat + c, msg + run, parts, k + 1, (long)wn);
					}
				if (found)
					run--;
				for (run = found ? run : len + 1; !found && run-- > 0; )
					found = match(start, pat + c, msg + run, parts, k + 1, -1);
			} else if (text) {
				for (run = 0; run <= len && !(found = match(start, pat + c, msg + run, parts, k + 1, -1)); run++)
					;
			} else {
				while (msg[run] && takes(pat, c, msg[run]))
					run++;
				for (; run > 0 && !(found = match(start, pat + c, msg + run, parts, k + 1, -1)); run--)
					;
			}
			if (!found)
				return 0;
			parts[k].at = msg;
			parts[k].n = run;
			parts[k].quoted = pat > start && pat[-1] == '"';
			return 1;
		}
		if (*pat != *msg)
			return 0;
	}
	return !*msg;
}

/* The characters of @pat that are not conversions: the more, the more specific. */
static size_t literal_length(const char *pat)
{
	size_t n = 0, c;
	while (*pat)
		if ((c = conversion(pat)))
			pat += c;
		else
			pat++, n++;
	return n;
}

static const char *translated_at(const char *message, int depth, size_t *score);

/* Part @p in the user's language: a word the library fills in ("the unit"),
 * the message a message passes on at its end ("bundle refused: %s"), or as it is. */
static size_t part_text(const part *p, int last, int depth, char *out, size_t room)
{
	char text[1024];
	const char *tr = NULL;
	size_t n = p->n < sizeof text - 1 ? p->n : sizeof text - 1;
	memcpy(text, p->at, n);
	text[n] = '\0';
	for (int i = 0; words[i] && !tr && !p->quoted; i++)
		if (!strcmp(words[i], text)) {
			tr = cli_what(text);
			if (tr == text || !strcmp(tr, text))
				tr = NULL;
		}
	if (!tr && !p->quoted && strspn(text, "abcdefghijklmnopqrstuvwxyz_") == n && n) {
		tr = cli_column(text); /* a column the message names (found_on) */
		if (!strcmp(tr, text))
			tr = cli_value(text); /* a status it names (draft) */
		if (!strcmp(tr, text))
			tr = NULL;
	}
	if (!tr && !p->quoted && last && n && depth < 3)
		tr = translated_at(text, depth + 1, NULL);
	if (tr) {
		n = strlen(tr) < room ? strlen(tr) : room;
		memcpy(out, tr, n);
	} else {
		n = n < room ? n : room;
		memcpy(out, p->at, n);
	}
	return n;
}

/* The translated pattern @tr with its conversions replaced by the @nparts
 * @parts, in order; @tail: the pattern ends with its last conversion. */
static void fill(const char *tr, const part *parts, int nparts, int tail, int depth, char *out, size_t size)
{
	size_t o = 0, c;
	int k = 0;
	for (const char *p = tr; *p && o + 1 < size; ) {
		if ((c = conversion(p)) && k < nparts) {
			/* "%.0s": a part the language does without ("a" or "an") */
			if (strncmp(p, "%.0s", 4))
				o += part_text(&parts[k], tail && k == nparts - 1, depth, out + o, size - 1 - o);
			k++;
			p += c;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
}

/* The number of conversions of @pat; *@tail: it ends with one. */
static int conversions(const char *pat, int *tail)
{
	int n = 0;
	size_t c;
	*tail = 0;
	while (*pat)
		if ((c = conversion(pat))) {
			pat += c;
			n++;
			*tail = !*pat;
		} else {
			pat++;
		}
	return n;
}

/* What a message passed on at the end of one ("bundle refused: %s") explains
 * by known text: the score of its own best match, 0 when it has none. */
static size_t passed_on(const char *pat, const part *parts, int depth)
{
	char text[1024];
	size_t score = 0;
	int tail, n = conversions(pat, &tail);
	if (!tail || !n || parts[n - 1].quoted || !parts[n - 1].n || depth >= 3 || parts[n - 1].n >= sizeof text)
		return 0;
	memcpy(text, parts[n - 1].at, parts[n - 1].n);
	text[parts[n - 1].n] = '\0';
	return translated_at(text, depth + 1, &score) ? score : 0;
}

/* 1 if the @n characters at @s are one of the words the library fills in. */
static int is_word_at(const char *s, size_t n)
{
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !memcmp(words[i], s, n))
			return 1;
	return 0;
}

static int is_word(const part *p)
{
	return is_word_at(p->at, p->n);
}

/* The translation of @message by the most specific pattern it matches whole,
 * NULL if none: the one that explains the most of it by known text, its
 * literal characters and the library words it fills in ("a reason for the
 * override is required" is "%s is required" with a word, not "a %s is
 * required"); the first of equals. */
static const char *translated_at(const char *message, int depth, size_t *score_out)
{
	static char out[4][2048];
	part parts[MAX_PARTS], best_parts[MAX_PARTS];
	int best = -1, tail;
	size_t best_score = 0, length = strlen(message);
	for (int i = 0; patterns[i]; i++) {
		size_t score = literal_length(patterns[i]);
		/* cheap refusals first: the text before the first conversion, and the length */
		if (strncmp(patterns[i], message, strcspn(patterns[i], "%")) || score > length)
			continue;
		memset(parts, 0, sizeof parts);
		if (!match(patterns[i], patterns[i], message, parts, 0, -1))
			continue;
		for (int k = 0; k < MAX_PARTS && parts[k].at; k++)
			if (!parts[k].quoted && is_word(&parts[k]))
				score += parts[k].n;
		score += passed_on(patterns[i], parts, depth);
		if (best < 0 || score > best_score) {
			best = i;
			best_score = score;
			memcpy(best_parts, parts, sizeof parts);
		}
	}
	if (best < 0)
		return NULL;
	if (score_out)
		*score_out = best_score;
	{
		const char *tr = _(patterns[best]);
		int n = conversions(patterns[best], &tail);
		if (tr == patterns[best])
			return NULL;
		fill(tr, best_parts, n, tail, depth, out[depth], sizeof out[depth]);
		return out[depth];
	}
}

/* @message in the user's language, or @message itself. A located message
 * ("rules.yaml:7:12: rule ...", "FILE: Sheet!B3: ...") keeps its place and has
 * the rest translated: the whole message and each tail after a ": " are
 * tried, and the one whose match explains the most wins (a general pattern
 * "%s \"%s\" is not one of %s" matches the whole, the rule's own the tail). */
const char *cli_error_text(const char *message)
{
	static char out[2300];
	const char *tr, *best = NULL;
	size_t score = 0, best_score = 0;
	int tails = 0;
	if (!cli_zh() || !message)
		return message;
	if ((tr = translated_at(message, 0, &best_score))) {
		snprintf(out, sizeof out, "%s", tr);
		best = out;
	}
	/* a place has a few parts ("FILE: Sheet!B3: "): the first 8 tails are enough */
	for (const char *tail = strstr(message, ": "); tail && tails++ < 8; tail = strstr(tail + 2, ": "))
		if ((tr = translated_at(tail + 2, 0, &score)) && (!best || score > best_score)) {
			snprintf(out, sizeof out, "%.*s：%s", (int)(tail - message), message, tr);
			best = out;
			best_score = score;
		}
	return best ? best : message;
}
