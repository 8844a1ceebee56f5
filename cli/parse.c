/* The one command-line parser: the words name a command of the tables, the
 * options are read against that command's table (so each has its arity and
 * an unknown one is an error naming it), and the command runs. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

const cli_option common_options[] = {
	OPT("--db", 0, "FILE", "the store (default ./campaign.db)"),
	OPT("--actor", 0, "NAME", "who acts, for the audit log (default $CAMPAIGN_ACTOR, else $USER)"),
	OPT("--campaign", 0, "ID", "the campaign (default: the store's only one)"),
	OPT("--width", 0, "N", "fit text tables to N columns (default: the terminal's; 0: no limit)"),
	FLAG("--progress", 0, "show an import's progress line even when stderr is not a terminal"),
	FLAG("--quiet", 'q', "no progress line"),
	OPT("--key-file", 0, "FILE", "the key of the confidential fields, 64 hex digits (default $CAMPAIGN_KEY_FILE)"),
	OPT("--signing-key-file", 0, "FILE", "the store's Ed25519 signing key (default $CAMPAIGN_SIGNING_KEY_FILE)"),
	OPT("--witness-file", 0, "FILE", "write the signed chain head there after each commit ($CAMPAIGN_WITNESS_FILE)"),
	FLAG("--help", 'h', "print this help and exit"),
	OPT_END,
};

/* The command being parsed, for usage_error()'s pointer to its help. */
static char where[160] = "campaign";

int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "campaign: ");
	fprintf(stderr, _(fmt), arg);
	fprintf(stderr, _("\nsee `%s --help`\n"), where);
	return EXIT_USAGE;
}

const char *arg_opt(args *a, const char *name)
{
	for (int i = 0; i < a->nopt; i++)
		if (!strcmp(a->opt_name[i], name))
			return a->opt_value[i];
	return NULL;
}

static const cli_command *find_sub(const cli_command *cmd, const char *name)
{
	for (const cli_command *s = cmd->subs; s && s->name; s++)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

/* The option @word names (a long name up to @len, or "-x") in @table, or NULL. */
static const cli_option *find_in(const cli_option *table, const char *word, size_t len)
{
	for (const cli_option *o = table; o && o->name; o++) {
		if (word[1] != '-' ? len == 2 && o->short_name == word[1] : strlen(o->name) == len && !strncmp(o->name, word, len))
			return o;
	}
	return NULL;
}

static int choice_ok(const cli_option *o, const char *value)
{
	for (const char *const *c = o->choices; c && *c; c++)
		if (!strcmp(*c, value))
			return 1;
	return !o->choices;
}

/* "--format xml: not one of text, markdown, csv, json" */
static int bad_choice(const cli_option *o, const char *value)
{
	char msg[256];
	size_t n = (size_t)snprintf(msg, sizeof msg, _("%s %s: not one of"), o->name, value);
	for (const char *const *c = o->choices; *c && n < sizeof msg; c++)
		n += (size_t)snprintf(msg + n, sizeof msg - n, "%s %s", c == o->choices ? "" : ",", *c);
	return usage_error("%s", msg);
}

/* "`campaign risk` needs a command: model, type, ..." */
static int needs_sub(const cli_command *cmd)
{
	char msg[512];
	size_t n = (size_t)snprintf(msg, sizeof msg, _("`%s` needs a command:"), where);
	for (const cli_command *s = cmd->subs; s->name && n < sizeof msg; s++)
		n += (size_t)snprintf(msg + n, sizeof msg - n, "%s %s", s == cmd->subs ? "" : ",", s->name);
	return usage_error("%s", msg);
}

static void add_to_where(const char *name)
{
	size_t n = strlen(where);
	snprintf(where + n, sizeof where - n, " %s", name);
}

/* Records option @o with @value; a repeated option keeps the last value. */
static void set_option(args *a, const cli_option *o, const char *value)
{
	for (int i = 0; i < a->nopt; i++)
		if (!strcmp(a->opt_name[i], o->name)) {
			a->opt_value[i] = value;
			return;
		}
	a->opt_name[a->nopt] = o->name;
	a->opt_value[a->nopt++] = value;
}

/* Reads the option at argv[*i] (and its value) for @cmd; returns 0, or
 * EXIT_USAGE, or -1 for --help. */
static int read_option(args *a, const cli_command *cmd, int argc, char **argv, int *i)
{
	const char *word = argv[*i], *eq = word[1] == '-' ? strchr(word, '=') : NULL;
	size_t len = eq ? (size_t)(eq - word) : strlen(word);
	const cli_option *o = find_in(cmd->options, word, len);
	const char *value = "";
	if (!o)
		o = find_in(common_options, word, len);
	if (!o) {
		char msg[256];
		snprintf(msg, sizeof msg, _("unknown option %.*s for `%s`"), (int)len, word, where);
		return usage_error("%s", msg);
	}
	if (!strcmp(o->name, "--help"))
		return -1;
	if (o->arity == OPT_VALUE) {
		if (eq)
			value = eq + 1;
		else if (*i + 1 < argc)
			value = argv[++*i];
		else
			return usage_error("%s needs a value", o->name);
		if (!choice_ok(o, value))
			return bad_choice(o, value);
	} else if (eq) {
		return usage_error("%s takes no value", o->name);
	}
	if (a->nopt == MAX_OPTS)
		return usage_error("too many options at %s", word);
	set_option(a, o, value);
	return 0;
}

/* The shared fields, the defaults, and the actor. */
static void fill_shared(args *a)
{
	static const char *const names[] = {"--db", "--actor", "--campaign", "--format", "--output", "--year",
	                                    "--unit", "--as-of", "--from", "--to", "--note", "--evidence",
	                                    "--outcome", "--yellow", "--red", "--object", "--by"};
	const char **slot[] = {&a->db, &a->actor, &a->campaign, &a->format, &a->output, &a->year,
	                       &a->unit, &a->as_of, &a->from, &a->to, &a->note, &a->evidence,
	                       &a->outcome, &a->yellow, &a->red, &a->object, &a->actor_filter};
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		*slot[k] = arg_opt(a, names[k]);
	a->replace = arg_opt(a, "--replace") != NULL;
	if (!a->db)
		a->db = "campaign.db";
	if (!a->format)
		a->format = "text";
	if (!a->actor || !*a->actor)
		a->actor = getenv("CAMPAIGN_ACTOR");
	if (!a->actor || !*a->actor)
		a->actor = getenv("USER");
	if (!a->actor || !*a->actor)
		a->actor = "cli";
}

/* How many arguments the command's usage allows: a WORD is required, a
 * [WORD] optional, and "..." allows any number more. */
static void params_range(const char *params, int *min, int *max)
{
	*min = *max = 0;
	for (const char *p = params; p && *p;) {
		size_t n = strcspn(p, " ");
		if (n >= 3 && !strncmp(p + n - 3 - (p[n - 1] == ']'), "...", 3))
			*max = MAX_POS;
		else
			++*max;
		if (*p != '[')
			++*min;
		p += n + (p[n] == ' ');
	}
}

/* A usage error unless the command was given as many arguments as its usage shows. */
static int check_count(const cli_command *cmd, int nargs, const char *first_extra)
{
	char msg[256];
	int min, max;
	params_range(cmd->params, &min, &max);
	if (nargs >= min && nargs <= max)
		return 0;
	if (!max)
		snprintf(msg, sizeof msg, _("`%s` takes no argument: %s"), where, first_extra);
	else
		snprintf(msg, sizeof msg, _("`%s` takes %s, not %d argument%s"), where, cmd->params, nargs, nargs == 1 ? "" : "s");
	return usage_error("%s", msg);
}

/* Finds the command the words name and reads its options; *cmd is the
 * command reached and *nargs the words after it. Returns 0, EXIT_USAGE, or -1
 * when help was asked for. */
static int parse(args *a, const cli_command **cmd, int *nargs, int argc, char **argv)
{
	int rc, only_pos = 0, descend = 1, words = 0;
	for (int i = 1; i < argc; i++) {
		const char *w = argv[i];
		const cli_command *sub;
		if (!only_pos && w[0] == '-' && w[1]) {
			if (!strcmp(w, "--"))
				only_pos = 1;
			else if ((rc = read_option(a, *cmd, argc, argv, &i)))
				return rc;
			continue;
		}
		if (descend && (*cmd)->subs && (sub = find_sub(*cmd, w))) {
			*cmd = sub;
			add_to_where(w);
		} else if (descend && (*cmd)->subs && !(*cmd)->run) {
			char msg[256];
			snprintf(msg, sizeof msg, _("unknown command `%s %s`"), where, w);
			return usage_error("%s", msg);
		} else {
			descend = 0;
			++*nargs;
		}
		if (!words++)
			continue; /* the top-level command is not one of pos[], wherever the common options put it */
		if (a->npos == MAX_POS)
			return usage_error("too many arguments at %s", w);
		a->pos[a->npos++] = w;
	}
	return 0;
}

/* `campaign help [COMMAND...] [--commands]`: the words name the command. */
static int run_help(const cli_command *root, int argc, char **argv)
{
	const cli_command *cmd = root;
	int list = 0;
	for (int i = 2; i < argc; i++) {
		const cli_command *sub;
		if (!strcmp(argv[i], "--commands")) {
			list = 1;
		} else if (!strcmp(argv[i], "--man")) {
			cli_man(stdout, root);
			return 0;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			if (cmd == root) {
				cmd = find_sub(root, "help");
				add_to_where("help");
			}
		} else if ((sub = find_sub(cmd, argv[i]))) {
			cmd = sub;
			add_to_where(argv[i]);
		} else {
			return usage_error(argv[i][0] == '-' ? "unknown option %s" : "unknown command %s", argv[i]);
		}
	}
	if (list)
		cli_list(stdout, cmd, where);
	else
		cli_help(stdout, cmd, where);
	return 0;
}

int cli_main(const cli_command *root, int argc, char **argv)
{
	const cli_command *cmd = root;
	args a;
	int rc, nargs = 0;
	memset(&a, 0, sizeof a);
	if (argc >= 2 && !strcmp(argv[1], "help"))
		return run_help(root, argc, argv);
	if ((rc = parse(&a, &cmd, &nargs, argc, argv)) < 0) {
		cli_help(stdout, cmd, where);
		return 0;
	}
	if (rc)
		return rc;
	if (cmd == root)
		return usage_error("a command is required%s", "");
	if (!cmd->run)
		return needs_sub(cmd);
	if ((rc = check_count(cmd, nargs, nargs ? a.pos[a.npos - nargs] : "")))
		return rc;
	fill_shared(&a);
	if (arg_opt(&a, "--width") && strspn(arg_opt(&a, "--width"), "0123456789") != strlen(arg_opt(&a, "--width")))
		return usage_error("--width %s is not a number of columns", arg_opt(&a, "--width"));
	output_width_set(arg_opt(&a, "--width"));
	a.cmd = cmd;
	a.nargs = nargs;
	return cmd->run(&a);
}
