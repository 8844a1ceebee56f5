/* Reading a whole file, checked to be UTF-8 (plans, catalogues, models, rules). */
#include <stdio.h>
#include "io/io.h"

int file_read_utf8(const char *path, struct campaign_buf *b)
{
	char chunk[65536];
	size_t n, bad;
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_set(CAMPAIGN_EIO, "%s: cannot open the file", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_append(b, chunk, n)) {
			fclose(f);
			buf_reset(b);
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		}
	fclose(f);
	if (!b->data && buf_append(b, "", 0))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if ((bad = utf8_invalid_offset(b->data, b->size)) < b->size) {
		buf_reset(b);
		return error_set(CAMPAIGN_EINVALID, "%s: invalid UTF-8 at byte %zu (save the sheet as CSV UTF-8)", path, bad);
	}
	return CAMPAIGN_OK;
}
