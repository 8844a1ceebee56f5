/* A risk model (YAML) imported into the process's store. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int rc = campaign_risk_model_import_string(fuzz_store(), NULL, fuzz_text(data, size), "model.yaml", "fuzz");
	fuzz_expect(rc, "campaign_risk_model_import_string");
	if (rc > 0)
		fuzz_wrote();
	return 0;
}
