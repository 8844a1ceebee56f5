/* A YAML plan imported into the process's store (replacing the campaign
 * when it has the seed's id), then exported again when it imported. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	campaign_db *db = fuzz_store();
	campaign_import_options o = CAMPAIGN_IMPORT_OPTIONS_INIT;
	const char *yaml = fuzz_text(data, size);
	int rc;
	o.replace = 1;
	rc = campaign_plan_import_string(db, yaml, "fuzz.yaml", "fuzz", &o);
	fuzz_expect(rc, "campaign_plan_import_string");
	if (rc == CAMPAIGN_OK)
		fuzz_wrote();
	return 0;
}
