/* Every bulk importer's row source through the import pipeline. The first
 * byte chooses: bits 0-2 the importer (progress, risk register, findings,
 * rectification ledger, evaluations, people), bit 3 the format (CSV, YAML),
 * bit 4 a dry run, bit 5 GB18030 instead of UTF-8 (CSV). */
#include "fuzz.h"

typedef int (*import_fn)(campaign_db *, const char *, const char *, const char *,
                         const campaign_rows_import_options *, const char *);

static const import_fn IMPORTERS[] = {
	campaign_progress_import_string,  campaign_risk_register_import_string, campaign_findings_import_string,
	campaign_rectifications_import_string, campaign_evaluations_import_string, campaign_people_import_string,
};
#define NIMPORTERS (sizeof IMPORTERS / sizeof IMPORTERS[0])

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	campaign_db *db = fuzz_store();
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	int rc;
	if (size < 1 || (data[0] & 7) >= NIMPORTERS)
		return 0;
	o.dry_run = (data[0] >> 4) & 1;
	o.encoding = (data[0] & 32) ? "gb18030" : NULL;
	rc = IMPORTERS[data[0] & 7](db, NULL, fuzz_text(data + 1, size - 1), (data[0] & 8) ? "rows.yaml" : "rows.csv",
	                            &o, "fuzz");
	fuzz_expect(rc, "import");
	if (rc >= 0 && !o.dry_run)
		fuzz_wrote();
	return 0;
}
