/**
 * @file campaign/deadline.h
 * @brief Deadlines written the Chinese way ("2010年11月底完成", "12月中旬").
 *
 * A deadline is a date range [first, last] parsed from text, with the text
 * kept. The conventions (what 月底, 年底, 上旬, 季度, 春节前, 每季度末, X起 ...
 * mean) are listed in docs/deadlines.md. A deadline is one of four kinds
 * (campaign_deadline_kind()): a range; a start ("2010年10月1日起": first is the
 * start, last NULL); open-ended (长期坚持, 持续推进, 立行立改, 常态化: first and
 * last NULL); or recurring (每月5日前, 每季度末: its occurrences inside a period,
 * first/last the span of them).
 */
#ifndef CAMPAIGN_DEADLINE_H
#define CAMPAIGN_DEADLINE_H

#include "common.h"

CAMPAIGN_BEGIN_DECLS

/** A parsed deadline. Opaque. */
typedef struct campaign_deadline campaign_deadline;

/**
 * Parses a deadline expression: campaign_deadline_read() with only @p year as context (a
 * recurrence is listed in that year).
 *
 * @param[out] out  the parsed deadline, written only on success; free with campaign_deadline_free()
 * @param text      the expression, UTF-8 (e.g. "2010年11月底完成", "二〇一一年第三季度末")
 * @param year      the year for expressions that name none ("12月中旬"); 0 for none
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID if the text is not a deadline, names an
 *         impossible date ("2010年13月底", "2月30日"), or needs a year and none was given;
 *         the message quotes the text. ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_deadline_parse(campaign_deadline **out, const char *text, int year);

/** The kinds of deadline, as campaign_deadline_kind() returns them. */
typedef enum campaign_deadline_kind_code {
	CAMPAIGN_DEADLINE_RANGE = 0,      /**< a range of days [first, last] */
	CAMPAIGN_DEADLINE_START = 1,      /**< from first on, no end: "2010年10月1日起" */
	CAMPAIGN_DEADLINE_OPEN_ENDED = 2, /**< no dates: "长期坚持" */
	CAMPAIGN_DEADLINE_RECURRING = 3   /**< a recurrence: "每月5日前"; see campaign_deadline_occurrence_count() */
} campaign_deadline_kind_code;

#define CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION 1

/** Options for campaign_deadline_read(). Initialise with ::CAMPAIGN_DEADLINE_READ_OPTIONS_INIT or
 * campaign_deadline_read_options_init(). */
typedef struct campaign_deadline_read_options {
	unsigned int version;     /**< ::CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION */
	int year;                 /**< the year for expressions that name none ("12月中旬"); 0 for none
	                               (then the year of @c from_date, if given) */
	const char *from_date;    /**< the context date "YYYY-MM-DD" that 即日起/从今起 mean; NULL: January 1 of @c year */
	const char *period_first; /**< first day "YYYY-MM-DD" of the period whose occurrences a recurrence lists;
	                               NULL: January 1 of @c year */
	const char *period_last;  /**< last day "YYYY-MM-DD" of that period; NULL: December 31 of the year of
	                               @c period_first (or of @c year) */
} campaign_deadline_read_options;

#define CAMPAIGN_DEADLINE_READ_OPTIONS_INIT { CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION, 0, NULL, NULL, NULL }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_deadline_read_options_init(campaign_deadline_read_options *opts, unsigned int version);

/**
 * Reads a deadline expression with its context: the year, the date 即日 means,
 * and the period whose occurrences a recurrence lists.
 *
 * @param[out] out  the deadline, written only on success; free with campaign_deadline_free()
 * @param text      the expression, UTF-8 ("2010年10月1日起", "即日起至2011年6月30日", "每季度末")
 * @param opts      the context, or NULL for none (as campaign_deadline_parse() with year 0)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID if the text is not a deadline (the message quotes
 *         the part that cannot be read: `cannot read "x月底"`), names an impossible date, needs a
 *         year or a context date and none was given, or @p opts is of an unknown
 *         version or holds a malformed date; the message quotes the text. ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_deadline_read(campaign_deadline **out, const char *text,
                                        const campaign_deadline_read_options *opts);

/** @return the kind of @p d, one of ::campaign_deadline_kind_code (::CAMPAIGN_DEADLINE_RANGE for NULL). */
CAMPAIGN_API int campaign_deadline_kind(const campaign_deadline *d);
/** @return the number of occurrences of a recurring deadline inside the period it was read
 *          with; 1 for a range or a start; 0 for an open-ended deadline or NULL. */
CAMPAIGN_API int campaign_deadline_occurrence_count(const campaign_deadline *d);
/** @return the first day "YYYY-MM-DD" of occurrence @p i (0-based; owned by @p d), or NULL when
 *          @p i is out of range. Occurrence 0 of a range or a start is the deadline itself. */
CAMPAIGN_API const char *campaign_deadline_occurrence_first(const campaign_deadline *d, int i);
/** @return the last day "YYYY-MM-DD" of occurrence @p i (owned by @p d), or NULL when @p i is out
 *          of range or the deadline is a start. */
CAMPAIGN_API const char *campaign_deadline_occurrence_last(const campaign_deadline *d, int i);
/** @return the recurrence rule of a recurring deadline as text ("monthly: day 5", "quarterly:
 *          the last month"; owned by @p d), or NULL when @p d does not recur. */
CAMPAIGN_API const char *campaign_deadline_rule(const campaign_deadline *d);

/** @return the original text (owned by @p d). */
CAMPAIGN_API const char *campaign_deadline_text(const campaign_deadline *d);
/** @return the first day "YYYY-MM-DD" (owned by @p d), or NULL when open-ended. */
CAMPAIGN_API const char *campaign_deadline_first(const campaign_deadline *d);
/** @return the last day "YYYY-MM-DD" (owned by @p d), or NULL when open-ended or a start. */
CAMPAIGN_API const char *campaign_deadline_last(const campaign_deadline *d);
/** @return 1 if the deadline has no end: open-ended (长期坚持 ...) or a start (X起), else 0. */
CAMPAIGN_API int campaign_deadline_is_open_ended(const campaign_deadline *d);
/** Frees a deadline. Accepts NULL. */
CAMPAIGN_API void campaign_deadline_free(campaign_deadline *d);

CAMPAIGN_END_DECLS
#endif
