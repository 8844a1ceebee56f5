/**
 * @file campaign/search.h
 * @brief Full-text search over findings and rectifications, in Chinese.
 *
 * Every CJK character is indexed as a token (SQLite FTS5 with the library's
 * tokenizer) and a query is matched as a phrase, so one-, two- and
 * many-character words all work ("科", "监察", "土地出让金"); Latin words and
 * numbers are matched whole, ignoring case. Results are ranked by BM25
 * (k1 = 1.2, b = 0.75) with the idf ln(1 + N / n) (N documents searched, n of
 * them holding the text), which stays positive for a word found in most
 * documents, so that its hits still rank by how often it stands in a text and
 * how short the text is; equal scores go to the older document first.
 * Confidential records (case-lead details, reporters) are never indexed.
 */
#ifndef CAMPAIGN_SEARCH_H
#define CAMPAIGN_SEARCH_H

#include "common.h"
#include "store.h"
#include "cursor.h"

CAMPAIGN_BEGIN_DECLS

/**
 * Searches a campaign's findings and rectifications.
 * @param campaign  campaign id, or NULL for the only one
 * @param text      what to find (UTF-8); at least one character that is indexed
 * @param kind      "finding", "rectification", or NULL for both
 * Columns: kind, object (the finding's or rectification's id), unit, unit_name,
 * text (the indexed text with each match in 【】), score (int, the BM25 score
 * in thousandths, higher is better). Best first. Page it with
 * campaign_cursor_page(): the matches are ranked inside the index and the rows
 * of the page are the only ones read.
 * @return ::CAMPAIGN_OK and a cursor; ::CAMPAIGN_EINVALID (empty text, unknown kind);
 *         ::CAMPAIGN_ENOTFOUND (campaign); ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_search_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                       const char *text, const char *kind);

CAMPAIGN_END_DECLS
#endif
