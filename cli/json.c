/* A minimal streaming JSON writer for the CLI's --format json. */
#include <string.h>
#include "output.h"

static void sep(json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0 && j->need_comma[j->depth - 1])
		fputc(',', j->f);
	if (j->depth > 0)
		j->need_comma[j->depth - 1] = 1;
}

static void open_(json *j, char c)
{
	sep(j);
	fputc(c, j->f);
	j->need_comma[j->depth++] = 0;
}

void json_begin_object(json *j) { open_(j, '{'); }
void json_begin_array(json *j) { open_(j, '['); }
void json_end_object(json *j) { j->depth--; fputc('}', j->f); }
void json_end_array(json *j) { j->depth--; fputc(']', j->f); }

static void quoted(json *j, const char *s)
{
	fputc('"', j->f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(j->f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", j->f);
		else if (c == '\t')
			fputs("\\t", j->f);
		else if (c == '\r')
			fputs("\\r", j->f);
		else if (c < 0x20)
			fprintf(j->f, "\\u%04x", c);
		else
			fputc(c, j->f); /* UTF-8 passes through byte for byte */
	}
	fputc('"', j->f);
}

void json_key(json *j, const char *key)
{
	sep(j);
	quoted(j, key);
	fputc(':', j->f);
	j->after_key = 1;
}

void json_string(json *j, const char *s)
{
	sep(j);
	if (s)
		quoted(j, s);
	else
		fputs("null", j->f);
}

void json_int(json *j, long long v)
{
	sep(j);
	fprintf(j->f, "%lld", v);
}

void json_bool(json *j, int v)
{
	sep(j);
	fputs(v ? "true" : "false", j->f);
}

void json_row(json *j, campaign_cursor *c)
{
	for (int i = 0; i < campaign_cursor_column_count(c); i++) {
		json_key(j, campaign_cursor_column_name(c, i));
		if (campaign_cursor_is_null(c, i))
			json_string(j, NULL);
		else if (campaign_cursor_column_type(c, i) == CAMPAIGN_COLUMN_INT)
			json_int(j, campaign_cursor_int(c, i));
		else
			json_string(j, campaign_cursor_text(c, i));
	}
}

int json_cursor(json *j, campaign_cursor *c, row_filter keep)
{
	int rc;
	json_begin_array(j);
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		if (keep && !keep(c))
			continue;
		json_begin_object(j);
		json_row(j, c);
		json_end_object(j);
	}
	json_end_array(j);
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? 0 : rc;
}
