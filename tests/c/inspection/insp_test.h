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


#endif
