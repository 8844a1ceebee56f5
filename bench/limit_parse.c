/* The parse limit: reading the benchmark's files and doing nothing else.
 * A .yaml file is parsed with libyaml's event parser (every event taken,
 * nothing built); a .csv file is split into records and fields, unquoted in
 * place, streamed (what any importer has to do at least).
 *
 *   limit_parse FILE...      prints one JSON line per file
 */
#define _POSIX_C_SOURCE 200809L
#include <yaml.h>
#include "bench_util.h"

static int parse_yaml(const char *path, long *events, long *scalars)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t p;
	yaml_event_t e;
	int done = 0, rc = 0;
	if (!f || !yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &e)) {
			fprintf(stderr, "%s:%lu: %s\n", path, (unsigned long)p.problem_mark.line + 1, p.problem);
			rc = -1;
			break;
		}
		++*events;
		if (e.type == YAML_SCALAR_EVENT)
			++*scalars;
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	fclose(f);
	return rc;
}

static int parse_csv(const char *path, long *rows, long *fields)
{
	csv_in c;
	int n;
	if (csv_open(&c, path))
		return -1;
	while ((n = csv_next(&c)) > 0) {
		++*rows;
		*fields += n;
	}
	csv_close(&c);
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *path = argv[i];
		size_t len = strlen(path);
		long a = 0, b = 0;
		int yaml = len > 5 && !strcmp(path + len - 5, ".yaml");
		double t0 = bench_now();
		int rc = yaml ? parse_yaml(path, &a, &b) : parse_csv(path, &a, &b);
		double t = bench_now() - t0;
		if (rc) {
			fprintf(stderr, "limit_parse: %s: cannot parse\n", path);
			return 1;
		}
		printf("{\"file\": \"%s\", \"kind\": \"%s\", \"seconds\": %.6f, \"%s\": %ld, \"%s\": %ld, \"maxrss_kb\": %ld}\n",
		       path, yaml ? "yaml-events" : "csv", t, yaml ? "events" : "rows", a, yaml ? "scalars" : "fields", b,
		       bench_maxrss_kb());
	}
	return 0;
}
