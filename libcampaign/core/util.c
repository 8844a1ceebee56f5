/* Small helpers: a growable buffer (also the public campaign_buf), strings, UTF-8. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <time.h>
#include <unistd.h>
#include "core/core.h"

static int buf_reserve(struct campaign_buf *b, size_t extra)
{
	size_t need = b->size + extra + 1, cap = b->cap ? b->cap : 256;
	char *p;
	if (need <= b->cap)
		return CAMPAIGN_OK;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	b->data = p;
	b->cap = cap;
	return CAMPAIGN_OK;
}

int buf_append(struct campaign_buf *b, const char *s, size_t n)
{
	int rc = buf_reserve(b, n);
	if (rc)
		return rc;
	if (n) /* nothing to copy may come as NULL (an empty blob) */
		memcpy(b->data + b->size, s, n);
	b->size += n;
	b->data[b->size] = '\0';
	return CAMPAIGN_OK;
}

int buf_puts(struct campaign_buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int buf_printf(struct campaign_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n, rc;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return error_set(CAMPAIGN_ERROR, "bad format");
	if ((rc = buf_reserve(b, (size_t)n)))
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->size, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->size += (size_t)n;
	return CAMPAIGN_OK;
}

void buf_reset(struct campaign_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->size = b->cap = 0;
}

int buf_write_file(const struct campaign_buf *b, const char *path)
{
	char *tmp = malloc(strlen(path) + 8);
	FILE *f;
	int rc = CAMPAIGN_OK;
	if (!tmp)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	sprintf(tmp, "%s.tmp~", path);
	f = fopen(tmp, "wb");
	/* flushed to the disk before the rename: a crash leaves the old file or the new, never an empty one */
	if (!f || fwrite(b->data, 1, b->size, f) != b->size || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		if (f)
			fclose(f);
		f = NULL;
	}
	if (!f || fclose(f) != 0 || rename(tmp, path) != 0) {
		rc = error_set(CAMPAIGN_EIO, "%s: cannot write the file", path);
		remove(tmp);
	}
	free(tmp);
	return rc;
}

char *str_dup(const char *s)
{
	size_t n;
	char *p;
	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

size_t utf8_invalid_offset(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		unsigned c = *p;
		size_t len;
		unsigned cp;
		if (c < 0x80) { p++; continue; }
		if (c >= 0xc2 && c <= 0xdf) { len = 2; cp = c & 0x1f; }
		else if (c >= 0xe0 && c <= 0xef) { len = 3; cp = c & 0x0f; }
		else if (c >= 0xf0 && c <= 0xf4) { len = 4; cp = c & 0x07; }
		else return (size_t)(p - (const unsigned char *)s);
		if ((size_t)(end - p) < len)
			return (size_t)(p - (const unsigned char *)s);
		for (size_t i = 1; i < len; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return (size_t)(p - (const unsigned char *)s);
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		/* reject overlong forms, surrogates and values past U+10FFFF */
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return (size_t)(p - (const unsigned char *)s);
		p += len;
	}
	return n;
}

int utf8_valid(const char *s, size_t n)
{
	return utf8_invalid_offset(s, n) == n;
}

const char *campaign_buf_data(const campaign_buf *buf)
{
	return buf && buf->data ? buf->data : "";
}

size_t campaign_buf_size(const campaign_buf *buf)
{
	return buf ? buf->size : 0;
}

void campaign_buf_free(campaign_buf *buf)
{
	if (!buf)
		return;
	free(buf->data);
	free(buf);
}

int sha256_hex(const void *data, size_t n, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[32];
	unsigned int len = 0;
	if (!EVP_Digest(data, n, md, &len, EVP_sha256(), NULL))
		return error_set(CAMPAIGN_ERROR, "SHA-256 failed");
	/* by table, not snprintf: the audit log hashes every entry it seals */
	for (unsigned i = 0; i < len; i++)
		out[2 * i] = hex[md[i] >> 4], out[2 * i + 1] = hex[md[i] & 15];
	out[2 * len] = '\0';
	return CAMPAIGN_OK;
}

/* ---- ids: UUIDv7 text (48-bit ms time, then random), time-ordered and
 * unique across the sites that will merge their stores ---- */

void db_new_id(char out[37])
{
	static _Thread_local unsigned long long last_ms;
	static _Thread_local unsigned counter;
	unsigned char b[16];
	struct timespec ts;
	unsigned long long ms;
	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (unsigned long long)ts.tv_sec * 1000u + (unsigned long long)ts.tv_nsec / 1000000u;
	sqlite3_randomness(sizeof b, b);
	/* within one millisecond a counter in rand_a keeps ids in creation order */
	counter = ms == last_ms ? counter + 1 : 0;
	last_ms = ms;
	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | ((counter >> 8) & 0x0f));
	b[7] = (unsigned char)(counter & 0xff);
	b[8] = (unsigned char)(0x80 | (b[8] & 0x3f));
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2],
	         b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* ---- dates ---- */

int date_valid(const char *s)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, n = 0;
	if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || s[4] != '-' ||
	    s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	if (m < 1 || m > 12 || d < 1)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return d <= 29;
	return d <= mdays[m - 1];
}
