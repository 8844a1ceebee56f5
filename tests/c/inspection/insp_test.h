/* What the self-inspection suites share: where the catalogues and the test
 * data are, a checked call, and the length of the audit log. */
#ifndef INSP_TEST_H
#define INSP_TEST_H

#include <stdio.h>
#include "testutil.h"

#define INSP(f) CAMPAIGN_SOURCE_DIR "/tests/data/inspection/" f
#define CATALOGUE(f) CAMPAIGN_SOURCE_DIR "/examples/catalogues/" f

/* A call that must succeed; the message says why it did not. */
static inline void ok(int rc)
{
	if (rc)
		fprintf(stderr, "unexpected: %s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
}

/* The number of audit log entries: every write adds some, a failed one none. */
static inline int audit_count(campaign_db *db)
{
	campaign_cursor *c;
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	return count_rows(c);
}

#endif
