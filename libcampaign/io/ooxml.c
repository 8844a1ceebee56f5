/* The one door to OOXML files (xlsx in io/xlsx_read.c, .docx in document/):
 * a zip read with libzip, one member at a time streamed into libxml2's
 * xmlTextReader. libzip inflates a member as it is read (zip_fread), and the
 * reader is a pull parser that frees each node once passed, so neither the
 * member nor its tree is ever held whole (see io.h for the guards). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "io/io.h"

#define BOMB_FLOOR (1 << 20) /* below a mebibyte no ratio is a bomb: small members of a few bytes compress well */

int ooxml_is_zip(const char *path)
{
	char head[4] = {0};
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(head, 1, sizeof head, f) : 0;
	if (f)
		fclose(f);
	return n == 4 && !memcmp(head, "PK\3\4", 4);
}

int ooxml_open(ooxml *o, const char *path)
{
	int err = 0;
	FILE *f = fopen(path, "rb");
	memset(o, 0, sizeof *o);
	o->file = path;
	if (!f)
		return error_set(CAMPAIGN_EIO, "%s: cannot open", path);
	fclose(f);
	xmlInitParser();
	if (!(o->zip = zip_open(path, ZIP_RDONLY, &err))) {
		zip_error_t ze;
		int rc;
		zip_error_init_with_code(&ze, err);
		rc = error_set(err == ZIP_ER_MEMORY ? CAMPAIGN_ENOMEM : CAMPAIGN_EINVALID, "%s: not a zip (%s)", path,
		               zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	return CAMPAIGN_OK;
}

void ooxml_close(ooxml *o)
{
	if (o->zip)
		zip_discard(o->zip);
	o->zip = NULL;
}

int ooxml_has(ooxml *o, const char *name)
{
	return zip_name_locate(o->zip, name, 0) >= 0;
}

int ooxml_fail(ooxml_part *p, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(CAMPAIGN_EINVALID, "%s: %s: %s", p->o->file, p->name, msg);
}

/* libxml2 pulls bytes through here: they are inflated as asked, never past
 * the member's declared size (a bomb's declared size is small). */
static int part_read(void *ctx, char *buf, int len)
{
	ooxml_part *p = ctx;
	zip_int64_t n = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (n < 0)
		return -1;
	if (p->done + n > p->size) {
		p->bomb = 1;
		return -1;
	}
	p->done += n;
	return (int)n;
}

static int part_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* libxml2's errors are kept (the first, with its line), not printed. */
static void on_error(void *ctx, xmlErrorPtr e)
{
	ooxml_part *p = ctx;
	size_t n;
	if (p->err[0] || !e || e->level < XML_ERR_ERROR)
		return;
	snprintf(p->err, sizeof p->err, "line %d: %s", e->line, e->message ? e->message : "malformed XML");
	n = strlen(p->err);
	while (n && (p->err[n - 1] == '\n' || p->err[n - 1] == ' '))
		p->err[--n] = 0;
}

int ooxml_part_open(ooxml *o, ooxml_part *p, const char *name)
{
	zip_stat_t st;
	memset(p, 0, sizeof *p);
	p->o = o;
	snprintf(p->name, sizeof p->name, "%s", name);
	zip_stat_init(&st);
	if (zip_stat(o->zip, name, 0, &st) || !(st.valid & ZIP_STAT_SIZE))
		return ooxml_fail(p, "no such member in the zip");
	if ((long long)st.size > OOXML_MAX_MEMBER)
		return ooxml_fail(p, "inflates to %llu bytes, more than %lld (a zip bomb?)", (unsigned long long)st.size,
		                  (long long)OOXML_MAX_MEMBER);
	if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > BOMB_FLOOR &&
	    st.size / (st.comp_size ? st.comp_size : 1) > OOXML_MAX_RATIO)
		return ooxml_fail(p, "compressed %llu:1, more than %d:1 (a zip bomb?)",
		                  (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)), OOXML_MAX_RATIO);
	p->size = (long long)st.size;
	if (!(p->zf = zip_fopen(o->zip, name, 0)))
		return ooxml_fail(p, "cannot inflate (%s)", zip_strerror(o->zip));
	/* no network, no DTD, entities left as references: a workbook needs none */
	p->reader = xmlReaderForIO(part_read, part_close, p, name, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
	if (!p->reader) {
		ooxml_part_close(p);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	xmlTextReaderSetStructuredErrorHandler(p->reader, on_error, p);
	return CAMPAIGN_OK;
}

void ooxml_part_close(ooxml_part *p)
{
	if (p->reader)
		xmlFreeTextReader(p->reader);
	if (p->zf)
		zip_fclose(p->zf);
	p->reader = p->zf = NULL;
}

int ooxml_next(ooxml_part *p, int *got)
{
	int r = xmlTextReaderRead(p->reader);
	*got = r == 1;
	if (r >= 0)
		return CAMPAIGN_OK;
	if (p->bomb)
		return ooxml_fail(p, "inflates past its declared size of %lld bytes (a zip bomb?)", p->size);
	return ooxml_fail(p, "%s", p->err[0] ? p->err : "malformed XML (or a damaged zip)");
}

int ooxml_at(ooxml_part *p, const char *local, int end)
{
	const xmlChar *name;
	int type = xmlTextReaderNodeType(p->reader);
	if (type != (end ? XML_READER_TYPE_END_ELEMENT : XML_READER_TYPE_ELEMENT))
		return 0;
	name = xmlTextReaderConstLocalName(p->reader);
	return name && !strcmp((const char *)name, local);
}

int ooxml_empty(ooxml_part *p)
{
	return xmlTextReaderIsEmptyElement(p->reader) == 1;
}

const char *ooxml_attr(ooxml_part *p, const char *name)
{
	const xmlChar *v = NULL;
	if (xmlTextReaderMoveToAttribute(p->reader, (const xmlChar *)name) == 1) {
		v = xmlTextReaderConstValue(p->reader);
		xmlTextReaderMoveToElement(p->reader);
	}
	return (const char *)v;
}

/* Reads to the end of the current element, appending its text to @out (NULL: skips it). */
static int subtree(ooxml_part *p, struct campaign_buf *out)
{
	int depth = xmlTextReaderDepth(p->reader), got, rc, type;
	if (ooxml_empty(p))
		return CAMPAIGN_OK;
	for (;;) {
		if ((rc = ooxml_next(p, &got)))
			return rc;
		if (!got)
			return ooxml_fail(p, "the document ends inside an element");
		type = xmlTextReaderNodeType(p->reader);
		if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(p->reader) == depth)
			return CAMPAIGN_OK;
		if (out && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
		            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)) {
			const char *s = (const char *)xmlTextReaderConstValue(p->reader);
			if (s && buf_puts(out, s))
				return error_set(CAMPAIGN_ENOMEM, "out of memory");
		}
	}
}

int ooxml_text(ooxml_part *p, struct campaign_buf *out)
{
	return subtree(p, out);
}

int ooxml_skip(ooxml_part *p)
{
	return subtree(p, NULL);
}

int ooxml_rel_target(ooxml *o, const char *rels, const char *base, const char *id, char *out, size_t n)
{
	ooxml_part p;
	int rc, got, found = 0;
	if ((rc = ooxml_part_open(o, &p, rels)))
		return rc;
	while (!found && !(rc = ooxml_next(&p, &got)) && got) {
		const char *rid, *target;
		if (!ooxml_at(&p, "Relationship", 0) || !(rid = ooxml_attr(&p, "Id")) || strcmp(rid, id))
			continue;
		if (!(target = ooxml_attr(&p, "Target")))
			break;
		/* "/xl/worksheets/sheet1.xml" is from the zip's root, "worksheets/sheet1.xml" from the part's folder */
		snprintf(out, n, "%s%s", *target == '/' ? "" : base, *target == '/' ? target + 1 : target);
		found = 1;
	}
	if (!rc && !found)
		rc = ooxml_fail(&p, "no relationship \"%s\" with a target", id);
	ooxml_part_close(&p);
	return rc;
}
