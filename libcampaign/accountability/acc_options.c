/* The versioned options structs of the public calls here: every one starts
 * with its `unsigned int version`, so that one check serves them all. */
#include <string.h>
#include "accountability/accountability.h"

int acc_options_init(void *opts, size_t size, unsigned int version, unsigned int known, const char *what)
{
	if (!opts || version != known)
		return error_set(CAMPAIGN_EINVALID, "%s_options_init: unknown version %u", what, version);
	memset(opts, 0, size);
	*(unsigned int *)opts = version;
	return CAMPAIGN_OK;
}

int acc_options_check(const void *opts, unsigned int known, const char *what)
{
	if (!opts)
		return error_set(CAMPAIGN_EINVALID, "%s: the options are NULL", what);
	if (*(const unsigned int *)opts != known)
		return error_set(CAMPAIGN_EINVALID, "%s: unknown options version %u (this library knows %u)", what,
		                 *(const unsigned int *)opts, known);
	return CAMPAIGN_OK;
}
