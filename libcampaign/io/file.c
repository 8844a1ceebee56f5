/* Reading a whole file, checked to be UTF-8 (plans, catalogues, models,
 * rules), and the two doors of a YAML document import. */
#include <stdio.h>
#include <string.h>
#include "io/io.h"

int file_read_utf8(const char *path, struct campaign_buf *b)
{
	char chunk[65536];
	size_t n, bad;
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_set(CAMPAIGN_EIO, "%s: cannot open the file", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		/* a document larger than the YAML reader takes is refused before it fills memory */
		if (b->size + n > (size_t)YAML_MAX_BYTES) {
			fclose(f);
			buf_reset(b);
			return error_set_at(CAMPAIGN_EINVALID, path, 1, 1, "the document is larger than %d MiB",
			                    YAML_MAX_BYTES >> 20);
		}
		if (buf_append(b, chunk, n)) {
			fclose(f);
			buf_reset(b);
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		}
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

int doc_text_import(campaign_db *db, const char *campaign, const char *api, int from_text, const char *source,
                    const char *name, const char *actor, doc_text_fn fn)
{
	struct campaign_buf b = {0};
	const char *path = source;
	int rc;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!source)
		return error_set(CAMPAIGN_EINVALID, "%s: %s is NULL", api, from_text ? "yaml" : "path");
	/* the reader checks the text's UTF-8 and names the place */
	if (from_text)
		return fn(db, campaign, source, strlen(source), name ? name : "<string>", actor);
	if ((rc = file_read_utf8(path, &b)))
		return rc;
	rc = fn(db, campaign, b.data, b.size, path, actor);
	buf_reset(&b);
	return rc;
}
