/* The fixture every fuzz target shares (see fuzz.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"

#define FUZZ_REOPEN_AFTER 2000
#define SRC(p) CAMPAIGN_SOURCE_DIR "/" p

static campaign_db *store;
static long writes;
static char *text;

static void must(int rc, const char *what)
{
	if (rc < 0) {
		fprintf(stderr, "fuzz fixture: %s: %s\n", what, campaign_error_message());
		abort();
	}
}

static void close_all(void)
{
	campaign_close(store);
	free(text);
	store = NULL;
	text = NULL;
}

static void seed(void)
{
	must(campaign_open(&store, ":memory:", 0), "open");
	must(campaign_plan_import_file(store, SRC("examples/plans/leshan-2010.yaml"), "fuzz", NULL), "plan");
	must(campaign_catalogue_import_file(store, NULL, SRC("examples/catalogues/ten-categories.yaml"), "fuzz"),
	     "catalogue");
	must(campaign_catalogue_import_file(store, NULL, SRC("examples/catalogues/five-behaviours.yaml"), "fuzz"),
	     "catalogue");
	must(campaign_risk_model_import_file(store, NULL, SRC("examples/models/matrix-5x5.yaml"), "fuzz"), "model");
	must(campaign_people_import_file(store, NULL, SRC("examples/people/leshan-2010-people.yaml"), NULL, "fuzz"),
	     "people");
	must(campaign_findings_import_file(store, NULL, SRC("tests/data/inspection/findings.csv"), NULL, "fuzz"),
	     "findings");
}

campaign_db *fuzz_store(void)
{
	if (!store) {
		seed();
		atexit(close_all);
	}
	return store;
}

void fuzz_wrote(void)
{
	if (++writes % FUZZ_REOPEN_AFTER)
		return;
	campaign_close(store);
	store = NULL;
	seed();
}

const char *fuzz_text(const uint8_t *data, size_t size)
{
	free(text);
	text = malloc(size + 1);
	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

void fuzz_expect(int rc, const char *what)
{
	if (rc >= 0 || rc == CAMPAIGN_EINVALID || rc == CAMPAIGN_ENOTFOUND || rc == CAMPAIGN_ECONFLICT)
		return;
	fprintf(stderr, "%s: unexpected code %d: %s\n", what, rc, campaign_error_message());
	abort();
}
