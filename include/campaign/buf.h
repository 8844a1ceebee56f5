/**
 * @file campaign/buf.h
 * @brief A buffer of bytes the library gives the caller: an exported plan,
 *        the id of a created record, a report.
 *
 * A call that gives a buffer writes its `campaign_buf **` out-parameter only
 * on success; the caller owns it and frees it with campaign_buf_free().
 */
#ifndef CAMPAIGN_BUF_H
#define CAMPAIGN_BUF_H

#include <stddef.h>
#include "common.h"

CAMPAIGN_BEGIN_DECLS

/** A buffer of bytes owned by the caller; free with campaign_buf_free(). */
typedef struct campaign_buf campaign_buf;

/**
 * Returns the buffer's bytes, NUL-terminated (owned by @p buf).
 * @return the bytes; "" for NULL.
 */
CAMPAIGN_API const char *campaign_buf_data(const campaign_buf *buf);

/**
 * Returns the number of bytes, not counting the final NUL.
 * @return the size; 0 for NULL.
 */
CAMPAIGN_API size_t campaign_buf_size(const campaign_buf *buf);

/** Frees a buffer. Accepts NULL. */
CAMPAIGN_API void campaign_buf_free(campaign_buf *buf);

CAMPAIGN_END_DECLS
#endif
