/* `campaign help --man`: the manual page campaign(1), written from the same
 * command tables as --help, so that docs/campaign.1 (its output, kept in
 * the tree and installed) cannot drift from the tool: tests/doc_check.sh
 * regenerates it and fails on a difference. Always English: the page is
 * the reference; `campaign COMMAND --help` speaks the user's language. */
#include <string.h>
#include "commands.h"

/* Text as roff: backslashes escaped, hyphens as \-, a leading dot or quote guarded. */
static void roff(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

static void options(FILE *f, const cli_option *table)
{
	for (const cli_option *o = table; o && o->name; o++) {
		fputs(".TP\n\\fB", f);
		if (o->short_name)
			fprintf(f, "\\-%c\\fR, \\fB", o->short_name);
		roff(f, o->name);
		fputs("\\fR", f);
		if (o->value) {
			fputs(" \\fI", f);
			roff(f, o->value);
			fputs("\\fR", f);
		}
		fputc('\n', f);
		roff(f, o->help);
		fputc('\n', f);
	}
}

/* A command that runs: its usage as a subsection, its help line, its options. */
static void command(FILE *f, const cli_command *cmd, const char *path)
{
	if (!cmd->run || !strcmp(path, "campaign"))
		return;
	fputs(".SS \"", f);
	roff(f, path);
	if (cmd->params && *cmd->params) {
		fputc(' ', f);
		roff(f, cmd->params);
	}
	fputs("\"\n", f);
	roff(f, cmd->help);
	fputs(".\n", f);
	options(f, cmd->options);
}

void cli_man(FILE *f, const cli_command *root)
{
	fputs(".\\\" campaign(1), written by `campaign help --man` from the tool's command tables: do not edit\n"
	      ".TH CAMPAIGN 1 \"\" \"libcampaign\" \"User Commands\"\n"
	      ".SH NAME\ncampaign \\- ",
	      f);
	roff(f, root->help);
	fputs("\n.SH SYNOPSIS\n\\fBcampaign\\fR \\fIcommand\\fR [\\fIsubcommand\\fR ...] [\\fIarguments\\fR] [\\fIoptions\\fR]\n"
	      ".br\n\\fBcampaign help\\fR [\\fIcommand\\fR ...] [\\fB\\-\\-commands\\fR]\n"
	      ".SH DESCRIPTION\nEvery command works on a store, an SQLite file (\\fB\\-\\-db\\fR, default ./campaign.db), "
	      "and prints listings as text, Markdown, CSV (UTF\\-8 with a byte\\-order mark, for Excel and WPS) or JSON. "
	      "\\fBcampaign\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR prints a command's usage in the user's language.\n"
	      ".SH COMMANDS\n",
	      f);
	cli_walk(f, root, "campaign", command);
	fputs(".SH COMMON OPTIONS\nEvery command accepts these.\n", f);
	options(f, common_options);
	fputs(".SH ENVIRONMENT\n"
	      ".TP\n\\fBLC_ALL\\fR, \\fBLC_MESSAGES\\fR, \\fBLANG\\fR\n"
	      "The first set decides the language: Chinese for zh* (zh_CN.UTF\\-8), English otherwise. "
	      "Help, messages, the library's errors, and the column names and status values of text tables follow it; "
	      "CSV and JSON keep the stable English codes. No zh_CN locale needs to be generated.\n"
	      ".TP\n\\fBCAMPAIGN_LANG\\fR\nChooses the language over the locale.\n"
	      ".TP\n\\fBCAMPAIGN_ACTOR\\fR\nWho acts, when \\fB\\-\\-actor\\fR is not given (else \\fBUSER\\fR).\n"
	      ".TP\n\\fBCOLUMNS\\fR\nThe width text tables fit on a terminal, when \\fB\\-\\-width\\fR is not given.\n"
	      ".TP\n\\fBCAMPAIGN_AMBIGUOUS_WIDTH\\fR\n2 for a terminal that draws East Asian ambiguous characters wide.\n"
	      ".TP\n\\fBCAMPAIGN_LOCALEDIR\\fR\nWhere the translations are (default: ../share/locale beside the binary).\n"
	      ".SH EXIT STATUS\n0 ok, 1 bad input or a failed operation, 2 usage.\n"
	      ".SH SEE ALSO\nThe API reference (Doxygen, \\fBcmake \\-\\-build build \\-\\-target doc\\fR) and README.md.\n",
	      f);
}
