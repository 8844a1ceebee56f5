/* campaign plan from-document: a plan drafted from its document's text, as
 * YAML (stdout or --output) with the report a clerk checks (--report). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"

static const char *const encodings[] = {"auto", "utf-8", "gb18030", NULL};

/* Writes @b to @path, or stdout for NULL; returns 0 or EXIT_BAD. */
static int write_out(const char *path, const campaign_buf *b)
{
	FILE *f = path ? fopen(path, "wb") : stdout;
	int bad;
	if (!f) {
		fprintf(stderr, _("campaign: cannot write %s\n"), path);
		return EXIT_BAD;
	}
	bad = fwrite(campaign_buf_data(b), 1, campaign_buf_size(b), f) != campaign_buf_size(b);
	if (path && fclose(f))
		bad = 1;
	if (bad)
		fprintf(stderr, _("campaign: cannot write %s\n"), path ? path : "stdout");
	return bad ? EXIT_BAD : 0;
}

static int cmd_from_document(args *a)
{
	campaign_document_options opts = CAMPAIGN_DOCUMENT_OPTIONS_INIT;
	campaign_buf *yaml, *report;
	const char *report_path = arg_opt(a, "--report");
	char *end;
	int rc;
	if (a->year) {
		long y = strtol(a->year, &end, 10);
		if (*end || y < 1 || y > 9999)
			return usage_error("--year %s is not a year", a->year);
		opts.year = (int)y;
	}
	opts.encoding = arg_opt(a, "--encoding");
	opts.campaign = arg_opt(a, "--id");
	opts.title = arg_opt(a, "--title");
	if (campaign_plan_from_document(&yaml, report_path ? &report : NULL, first_arg(a), &opts))
		return fail();
	rc = write_out(a->output, yaml);
	if (!rc && report_path)
		rc = write_out(report_path, report);
	campaign_buf_free(yaml);
	if (report_path)
		campaign_buf_free(report);
	return rc;
}

static int ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

int is_document(const char *path)
{
	char head[4] = {0};
	FILE *f;
	size_t n;
	if (!path || ends(path, ".yaml") || ends(path, ".yml"))
		return 0;
	if (ends(path, ".docx") || ends(path, ".txt"))
		return 1;
	if (!(f = fopen(path, "rb")))
		return 0;
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n == 4 && !memcmp(head, "PK\3\4", 4);
}

/* campaign import FILE.docx|FILE.txt [--check]: the document drafted and imported (or only checked). */
int cmd_import_document(args *a)
{
	campaign_buf *report;
	campaign_db *db;
	int check = arg_opt(a, "--check") != NULL;
	if (campaign_open(&db, a->db, check ? CAMPAIGN_OPEN_READONLY : 0)) {
		/* a check needs no store: a missing one checks against an empty one */
		if (!check || campaign_open(&db, ":memory:", 0))
			return fail();
	}
	if (campaign_plan_import_document(check ? &report : NULL, db, a->pos[0], a->actor, NULL, a->replace, check)) {
		campaign_close(db);
		return fail();
	}
	campaign_close(db);
	if (!check) {
		printf(_("imported %s\n"), a->pos[0]);
		return 0;
	}
	fwrite(campaign_buf_data(report), 1, campaign_buf_size(report), stdout);
	printf(_("check: %s drafts a plan that imports; nothing written\n"), a->pos[0]);
	campaign_buf_free(report);
	return 0;
}

const cli_command plan_commands[] = {
	CMD("from-document", "FILE", "draft a plan's YAML from its document (.docx, or UTF-8 or GB18030 text)",
	    OPTIONS(OPT("--output", 'o', "FILE", "write the YAML to FILE, not stdout"),
	            OPT("--report", 0, "FILE", "write the report (lines used, not placed, judgements) to FILE"),
	            {"--encoding", 0, OPT_VALUE, "E", N_("auto, utf-8 or gb18030 (default auto)"), encodings, NULL},
	            OPT("--id", 0, "ID", "the campaign id (default: campaign)"),
	            OPT("--title", 0, "T", "the campaign title (default: from the document)"),
	            OPT("--year", 0, "N", "the year of deadlines written without one")),
	    NULL, cmd_from_document),
	CMD_END,
};
