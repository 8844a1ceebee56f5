/* The deadline reader: campaign_deadline_parse() with and without a year,
 * campaign_deadline_read() with a context, and every accessor of a result. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"

static void walk(campaign_deadline *d)
{
	size_t n = 0;
	const char *s;
	n += (size_t)campaign_deadline_kind(d) + (size_t)campaign_deadline_is_open_ended(d);
	for (int i = 0; i < campaign_deadline_occurrence_count(d); i++) {
		s = campaign_deadline_occurrence_first(d, i);
		n += s ? strlen(s) : 0;
		s = campaign_deadline_occurrence_last(d, i);
		n += s ? strlen(s) : 0;
	}
	s = campaign_deadline_rule(d);
	n += s ? strlen(s) : 0;
	s = campaign_deadline_first(d);
	n += s ? strlen(s) : 0;
	s = campaign_deadline_last(d);
	n += s ? strlen(s) : 0;
	s = campaign_deadline_text(d);
	if (!s || n == (size_t)-1) /* n is read so that the accessors are not optimised out */
		abort();
	campaign_deadline_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = fuzz_text(data, size);
	campaign_deadline *d = NULL;
	campaign_deadline_read_options o = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;
	int rc = campaign_deadline_parse(&d, text, 2010);
	fuzz_expect(rc, "campaign_deadline_parse");
	if (!rc)
		walk(d);
	if (!campaign_deadline_parse(&d, text, 0))
		walk(d);
	o.year = 2010;
	o.from_date = "2010-10-15";
	o.period_first = "2010-10-01";
	o.period_last = "2011-06-30";
	rc = campaign_deadline_read(&d, text, &o);
	fuzz_expect(rc, "campaign_deadline_read");
	if (!rc)
		walk(d);
	return 0;
}
