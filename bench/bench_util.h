/* Small helpers shared by the benchmark programs: a monotonic clock, peak
 * memory, a streaming CSV reader and per-character FTS5 tokenizing. */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Peak resident memory of this process so far, in KiB. */
static inline long bench_maxrss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* A streaming CSV reader (RFC 4180, UTF-8, optional BOM): one record at a
 * time, fields unquoted in place in a buffer that holds one record. */
typedef struct csv_in {
	FILE *f;
	char *rec;       /* the current record, fields NUL-terminated */
	size_t cap, len;
	char *line;
	size_t line_cap;
	char *field[32];
	int nfield;
	long rows;
} csv_in;

static inline int csv_open(csv_in *c, const char *path)
{
	memset(c, 0, sizeof *c);
	c->f = fopen(path, "rb");
	return c->f ? 0 : -1;
}

static inline void csv_close(csv_in *c)
{
	if (c->f)
		fclose(c->f);
	free(c->rec);
	free(c->line);
}

/* Reads the next record; returns the number of fields, 0 at the end, -1 on error. */
static inline int csv_next(csv_in *c)
{
	ssize_t n;
	int quotes = 0;
	c->len = 0;
	while ((n = getline(&c->line, &c->line_cap, c->f)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			quotes ^= c->line[i] == '"';
		if (c->len + (size_t)n + 1 > c->cap) {
			c->cap = (c->len + (size_t)n + 1) * 2;
			c->rec = realloc(c->rec, c->cap);
			if (!c->rec)
				return -1;
		}
		memcpy(c->rec + c->len, c->line, (size_t)n);
		c->len += (size_t)n;
		if (!quotes)
			break;
	}
	if (c->len == 0)
		return 0;
	c->rec[c->len] = '\0';
	{
		char *p = c->rec, *end = c->rec + c->len, *w;
		if (c->rows == 0 && c->len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
			p += 3;
		c->nfield = 0;
		for (;;) {
			char *start = w = p;
			if (p < end && *p == '"') {
				p++;
				for (;;) {
					if (p >= end)
						return -1;
					if (*p == '"') {
						if (p + 1 < end && p[1] == '"') {
							*w++ = '"';
							p += 2;
							continue;
						}
						p++;
						break;
					}
					*w++ = *p++;
				}
			} else {
				while (p < end && *p != ',' && *p != '\n' && *p != '\r')
					*w++ = *p++;
			}
			if (c->nfield < 32)
				c->field[c->nfield++] = start;
			if (p < end && *p == '\r')
				p++;
			if (p >= end || *p == '\n') {
				*w = '\0';
				break;
			}
			*w = '\0'; /* *p == ',' */
			p++;
		}
	}
	c->rows++;
	return c->nfield;
}

#endif
