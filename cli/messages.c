/* The library's error messages in the user's language. The library keeps a
 * stable English text and a code (programs and logs rely on both), so the
 * tool translates at the last moment: each message is matched against the
 * library's own message patterns listed here -- the msgids of po/ are those
 * patterns, "%s is required" -- and the pattern's translation is filled with
 * the parts the message had at its conversions, in the same order. Matching
 * patterns keeps the library's API and every domain's error_set() as they
 * are; a message with no pattern here is shown in English. */
#include <stdio.h>
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
	/* the confidential fields' key (core/crypt.c, core/keys.c) */
	N_("the store was opened without its key: confidential fields are locked"),
	N_("the key does not match this store's confidential fields"),
	N_("%s: the key must be 64 hexadecimal digits (256 bits), not %zu characters"),
	N_("%s: the key must be 64 hexadecimal digits (256 bits)"),
	N_("%s: cannot read the key file"),
	N_("%s: not a key file (over 64 KiB)"),
	N_("%s: the signing key is not an Ed25519 private key in PEM form"),
	N_("the store was opened without a signing key"),
	/* backup (core/backup.c) */
	N_("%s: the file exists; a backup never overwrites one"),
	N_("%s: cannot write the backup (%s)"),
	/* the guard of sql rules (accountability/rules_sql.c) */
	N_("rule \"%s\": the SQL calls %s(), which rules may not use"),
	N_("rule \"%s\": the SQL runs PRAGMA %s, which rules may not use"),
	N_("rule \"%s\": the SQL runs ATTACH, which rules may not use"),
	N_("rule \"%s\": the SQL runs DETACH, which rules may not use"),
	N_("rule \"%s\": a sql rule may read only the documented views (rule_*): \"%s\" is not one of them"),
	N_("rule \"%s\": a sql rule may only read: the query would write to \"%s\""),
	N_("rule \"%s\": a sql rule may only read: the query is not a SELECT"),
	N_("rule \"%s\": a sql rule may only read: the query is not read-only"),
	N_("rule \"%s\": the query must be one statement"),
	N_("rule \"%s\": the query is empty"),
	N_("rule \"%s\": the query does not compile: %s"),
	N_("rule \"%s\": the query may use only the parameters :as_of and :campaign (found %s)"),
	N_("rule \"%s\": the query must return the columns unit, person, evidence and reason (missing \"%s\")"),
	/* workbooks (io/xlsx_read.c, io/ooxml.c); a cell's errors start "FILE: Sheet!B3: " */
	N_("%s: not an xlsx workbook (no xl/workbook.xml)"),
	N_("%s: no sheet \"%s\" (the workbook has %s)"),
	N_("%s: the workbook has no sheet"),
	N_("%s: the sheet name is not UTF-8"),
	N_("%s: a cell's reference \"%s\" is not a cell"),
	N_("%s: shared string \"%s\" is not in the workbook"),
	N_("%s: the sheet is empty; expected a header row"),
	N_("%s: a value in a column with no header"),
	N_("%s: not a zip (%s)"),
	N_("%s: cannot open"),
	N_("unknown column \"%s\" (expected %s)"),
	/* signed heads, checkpoints and witnesses (core/audit.c, core/audit_head.c) */
	N_("the signature of head %lld does not verify"),
	N_("the signature of head %lld does not verify (its key is not recorded)"),
	N_("entry %lld, a signed head, is gone"),
	N_("entry %lld no longer has the hash its signed head holds: the chain up to it was rewritten"),
	N_("head %lld was signed by key %.16s, not the expected key %.16s"),
	N_("the store's recorded signing key %.16s is not the expected key %.16s: its heads were signed by another key"),
	N_("the store has never had a signing key: entries %lld to %lld are unsigned, so a cut or appended tail can only "
	   "be found with a witness"),
	N_("entries %lld to %lld are vouched for by no signed head (the last valid one before them: %lld): they were "
	   "written without the store's signing key"),
	N_("trimmed: the checkpoint saw entry %lld with hash %.16s; the log ends at %lld"),
	N_("trimmed: the witness saw entry %lld with hash %.16s; the log ends at %lld"),
	N_("entry %lld, which the checkpoint saw, is gone"),
	N_("entry %lld, which the witness saw, is gone"),
	N_("diverged: entry %lld has hash %.16s, the checkpoint saw %.16s: the chain up to it was rewritten"),
	N_("diverged: entry %lld has hash %.16s, the witness saw %.16s: the chain up to it was rewritten"),
	N_("the checkpoint signed %lld entries up to %lld; %lld remain"),
	/* the chain's own problems (core/audit.c) */
	N_("audit entries %lld to %lld are missing"),
	N_("entry %lld (%s %s %s) was not written through the library"),
	N_("entry %lld (%s %s) was altered: its hash does not match"),
	N_("the digests of batch entry %lld (%s) do not belong to it"),
	N_("the digests of batch entry %lld (%s) were altered"),
	N_("table %s was dropped outside the library"),
	N_("the head's signature is missing or not 128 hex digits"),
	N_("the checkpoint's signature is missing or not 128 hex digits"),
	N_("a head needs the Ed25519 public key (PEM) that signed it"),
	N_("a checkpoint needs the Ed25519 public key (PEM) that signed it"),
	N_("the head's signature does not verify with this key"),
	N_("the checkpoint's signature does not verify with this key"),
	N_("not a libcampaign checkpoint or head"),
	N_("the public key is not an Ed25519 public key in PEM form"),
	N_("the key is not an Ed25519 private key in PEM form"),
	N_("the audit log is empty or its head is unsealed: nothing to checkpoint"),
	N_("actor \"%s\" has no role in this store and may not read the audit log (audit.read)"),
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

/* The translation of @message by the first pattern it matches whole, NULL if none. */
static const char *translated(const char *message)
{
	part parts[MAX_PARTS];
	for (int i = 0; patterns[i]; i++) {
		memset(parts, 0, sizeof parts);
		if (match(patterns[i], message, parts, 0)) {
			const char *tr = _(patterns[i]);
			return tr == patterns[i] ? NULL : fill(tr, parts);
		}
	}
	return NULL;
}

const char *cli_error_text(const char *message)
{
	static char out[2300];
	const char *tr, *tail;
	if (!cli_zh() || !message)
		return message;
	if ((tr = translated(message)))
		return tr;
	/* a located message, "rules.yaml:7:12: rule ...": the place stays, the rest is translated */
	for (tail = strstr(message, ": "); tail; tail = strstr(tail + 2, ": "))
		if ((tr = translated(tail + 2))) {
			snprintf(out, sizeof out, "%.*s：%s", (int)(tail - message), message, tr);
			return out;
		}
	return message;
}
