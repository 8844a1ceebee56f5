/* `campaign <command> --help`, written from the command tables. The help
 * lines live in the tables with room for a Chinese line beside each; the
 * language is chosen here, once. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

#define HELP_COLUMN 28

const char *cli_text(const char *en, const char *zh)
{
	return zh && cli_zh() ? zh : _(en);
}

/* "  LEFT   help", the help starting at HELP_COLUMN cells (or on the next line). */
static void help_row(FILE *f, const char *left, const char *help)
{
	fprintf(f, "  %s", left);
	if (text_width(left) + 4 > HELP_COLUMN) { /* at least two spaces before the help */
		fputc('\n', f);
		text_pad(f, "", HELP_COLUMN);
	} else {
		text_pad(f, "", HELP_COLUMN - 2 - text_width(left));
	}
	fprintf(f, "%s\n", help);
}

static void option_rows(FILE *f, const cli_option *table)
{
	for (const cli_option *o = table; o && o->name; o++) {
		char left[96], shortname[8] = "    ";
		if (o->short_name)
			snprintf(shortname, sizeof shortname, "-%c, ", o->short_name);
		snprintf(left, sizeof left, "%s%s%s%s", shortname, o->name, o->value ? " " : "", o->value ? o->value : "");
		help_row(f, left, cli_text(o->help, o->help_zh));
	}
}

void cli_help(FILE *f, const cli_command *cmd, const char *path)
{
	fprintf(f, _("usage: %s%s%s%s%s [options]\n"), path, cmd->subs && !cmd->run ? _(" <command>") : "",
	        cmd->params && *cmd->params ? " " : "", cmd->params ? cmd->params : "",
	        cmd->subs && !cmd->run ? " ..." : "");
	if (cmd->subs && cmd->run)
		fprintf(f, _("   or: %s <command> ... [options]\n"), path);
	fprintf(f, "%s\n", cli_text(cmd->help, cmd->help_zh));
	if (cmd->subs) {
		fputs(_("\ncommands:\n"), f);
		for (const cli_command *s = cmd->subs; s->name; s++) {
			char left[160];
			snprintf(left, sizeof left, "%s%s%s", s->name, s->params && *s->params ? " " : "", s->params ? s->params : "");
			help_row(f, left, cli_text(s->help, s->help_zh));
		}
		fprintf(f, _("`%s <command> --help` tells more.\n"), path);
	}
	if (cmd->options && cmd->options->name) {
		fputs(_("\noptions:\n"), f);
		option_rows(f, cmd->options);
	}
	fputs(_("\ncommon options:\n"), f);
	option_rows(f, common_options);
	fputs(_("\nF is text, markdown, csv or json; D is YYYY-MM-DD; a unit U is its id, name or an alias as the plan\n"
	      "writes them (jiancha, 监察室), and a group where a list is asked for (counties, 各县(市、区)国土资源局(分局)).\n"
	      "Exit codes: 0 ok, 1 bad input or a failed operation, 2 usage.\n"),
	      f);
}

void cli_walk(FILE *f, const cli_command *cmd, const char *path, cli_visit visit)
{
	visit(f, cmd, path);
	for (const cli_command *s = cmd->subs; s && s->name; s++) {
		/* the path sized to fit: a deep command is listed whole, never cut */
		size_t n = strlen(path) + strlen(s->name) + 2;
		char *sub = malloc(n);
		if (!sub)
			return;
		snprintf(sub, n, "%s %s", path, s->name);
		cli_walk(f, s, sub, visit);
		free(sub);
	}
}

static void list_one(FILE *f, const cli_command *cmd, const char *path)
{
	(void)cmd;
	fprintf(f, "%s\n", path);
}

void cli_list(FILE *f, const cli_command *cmd, const char *path)
{
	cli_walk(f, cmd, path, list_one);
}
