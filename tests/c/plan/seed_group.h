/* A test group over one seed store, opened before its tests and closed after. */
#ifndef CAMPAIGN_TEST_SEED_GROUP_H
#define CAMPAIGN_TEST_SEED_GROUP_H
#include "testutil.h"

static campaign_db *seed;

static int setup(void **state)
{
	(void)state;
	seed = open_seed();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	campaign_close(seed);
	return 0;
}
#endif
