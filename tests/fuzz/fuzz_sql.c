/* The checker of the rules' SQL escape hatch: a query must be one read-only
 * SELECT over the documented views, with only :as_of and :campaign. Every
 * query it accepts is also run once (bounded by a progress handler) with the
 * guard on, as an evaluation runs it. */
#include <string.h>
#include "fuzz.h"
#include "core/core.h"
#include "accountability/accountability.h"

static int stop(void *n)
{
	return ++*(int *)n > 200; /* about 200,000 virtual machine steps: a recursive query ends */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	campaign_db *db = fuzz_store();
	sql_guard g = {.db = db};
	sqlite3_stmt *st;
	int rc = rules_sql_check(db, "fuzz", fuzz_text(data, size)), n = 0;
	fuzz_expect(rc, "rules_sql_check");
	if (rc || rules_sql_prepare(&g, "fuzz", fuzz_text(data, size), &st))
		return 0;
	/* randomblob(1e9) is a valid query: values are kept small here */
	sqlite3_limit(db->sql, SQLITE_LIMIT_LENGTH, 1 << 20);
	sqlite3_progress_handler(db->sql, 1000, stop, &n);
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_progress_handler(db->sql, 0, NULL, NULL);
	sqlite3_limit(db->sql, SQLITE_LIMIT_LENGTH, 1000000000);
	sqlite3_finalize(st);
	rules_sql_end(&g);
	return 0;
}
