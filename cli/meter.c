/* The progress line of a long import, on stderr: rows read, their rate and,
 * when the input's size is known, the share done and the time left. Drawn
 * when stderr is a terminal, or with --progress; never with --quiet. It is
 * the import pipeline's progress callback (campaign_rows_import_options.progress),
 * redrawn at most ten times a second, and finished with a newline
 * (meter_finish) before the import's result or error is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "commands.h"

typedef struct meter {
	double start, drawn;
	long rows;
	long long done, total;
	int shown;
} meter;

static meter the_meter;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void draw(meter *m)
{
	double elapsed = now() - m->start, rate = elapsed > 0 ? (double)m->rows / elapsed : 0;
	fputc('\r', stderr); /* back to the line's start, outside the message (gettext keeps no '\r') */
	fprintf(stderr, _("%ld rows, %.0f rows/s"), m->rows, rate);
	if (m->total > 0 && m->done <= m->total) {
		double left = m->done > 0 ? elapsed * (double)(m->total - m->done) / (double)m->done : 0;
		fprintf(stderr, _(", %d%%, %.0f s left"), (int)(100 * m->done / m->total), left);
	}
	fputs("   ", stderr); /* over the tail of a longer line before */
	fflush(stderr);
	m->drawn = now();
	m->shown = 1;
}

void meter_finish(void)
{
	if (the_meter.shown) {
		draw(&the_meter);
		fputc('\n', stderr);
		the_meter.shown = 0;
	}
}

static int meter_tick(void *user, long rows, long long done, long long total)
{
	meter *m = user;
	m->rows = rows;
	m->done = done;
	m->total = total;
	if (!m->shown || now() - m->drawn >= 0.1)
		draw(m);
	return 0;
}

void meter_attach(args *a, campaign_rows_import_options *io)
{
	static int registered;
	if (arg_opt(a, "--quiet") || (!arg_opt(a, "--progress") && !isatty(STDERR_FILENO)))
		return;
	the_meter.start = now();
	io->progress = meter_tick;
	io->user = &the_meter;
	if (!registered++)
		atexit(meter_finish);
}
