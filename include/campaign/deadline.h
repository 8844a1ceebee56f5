/**
 * @file campaign/deadline.h
 * @brief Deadlines written the Chinese way ("2010年11月底完成", "12月中旬").
 *
 * A deadline is a date range [first, last] parsed from text, with the text
 * kept. The conventions (what 月底, 年底, 上旬, 季度 ... mean) are listed in
 * README.md, section "Deadlines". Open-ended phrases (长期坚持, 持续推进,
 * 立行立改, 常态化) parse as open-ended: first and last are NULL.
 */
#ifndef CAMPAIGN_DEADLINE_H
#define CAMPAIGN_DEADLINE_H

#include "common.h"

CAMPAIGN_BEGIN_DECLS

/** A parsed deadline. Opaque. */
typedef struct campaign_deadline campaign_deadline;

/**
 * Parses a deadline expression.
 *
 * @param[out] out  the parsed deadline, written only on success; free with campaign_deadline_free()
 * @param text      the expression, UTF-8 (e.g. "2010年11月底完成", "二〇一一年第三季度末")
 * @param year      the year for expressions that name none ("12月中旬"); 0 for none
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID if the text is not a deadline, names an
 *         impossible date ("2010年13月底", "2月30日"), or needs a year and none was given;
 *         the message quotes the text. ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_deadline_parse(campaign_deadline **out, const char *text, int year);

/** @return the original text (owned by @p d). */
CAMPAIGN_API const char *campaign_deadline_text(const campaign_deadline *d);
/** @return the first day "YYYY-MM-DD" (owned by @p d), or NULL when open-ended. */
CAMPAIGN_API const char *campaign_deadline_first(const campaign_deadline *d);
/** @return the last day "YYYY-MM-DD" (owned by @p d), or NULL when open-ended. */
CAMPAIGN_API const char *campaign_deadline_last(const campaign_deadline *d);
/** @return 1 if the deadline is open-ended (长期坚持 ...), else 0. */
CAMPAIGN_API int campaign_deadline_is_open_ended(const campaign_deadline *d);
/** Frees a deadline. Accepts NULL. */
CAMPAIGN_API void campaign_deadline_free(campaign_deadline *d);

CAMPAIGN_END_DECLS
#endif
