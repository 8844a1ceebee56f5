/* The subcommands of the `campaign` tool and what they share.
 *
 * Every command is a row of a command table (cli_command): its name, its
 * positional arguments and one help line, the options it accepts (a
 * cli_option table: long name, short name, arity, value name, help line) and
 * its subcommands or the function that runs it. One parser (parse.c) reads
 * every command line against these tables and one help writer (help.c)
 * prints `campaign <command> --help` from them. The top-level table is in
 * campaign.c; each domain file ends with the table of its subcommands.
 *
 * To add a command: write `static int thing_cmd(args *a)` (read options with
 * arg_opt() or the shared fields, positional words from pos[], open the store
 * with open_existing/open_writable, print a query with list_query() and a
 * write with written()), and add one CMD row to its group's table with its
 * OPTIONS. The parser, the argument count (from the row's usage words),
 * --help and the help test (tests/cli_help.sh) follow from the row. */
#ifndef CAMPAIGN_COMMANDS_H
#define CAMPAIGN_COMMANDS_H
#include "output.h"

#define EXIT_BAD 1
#define EXIT_USAGE 2

#define MAX_POS 16
#define MAX_OPTS 32

/* A parsed command line. The shared fields are the values of the options of
 * the same name (NULL when not given); pos[] holds the words after the
 * top-level command, subcommand names included (so `risk point add U` has
 * pos[0] "point", pos[1] "add", pos[2] "U"). */
typedef struct args {
	const char *db, *actor, *campaign, *format, *output, *year;
	const char *unit, *as_of, *from, *to, *note, *evidence, *outcome, *yellow, *red, *object, *actor_filter;
	int replace;
	const char *pos[MAX_POS];
	int npos;
	/* every option given, for a command to read with arg_opt() */
	const char *opt_name[MAX_OPTS], *opt_value[MAX_OPTS];
	int nopt;
} args;

typedef enum cli_arity { OPT_FLAG, OPT_VALUE } cli_arity;

/* One option a command accepts. */
typedef struct cli_option {
	const char *name;           /* "--unit" */
	char short_name;            /* 'u' for -u, or 0 */
	cli_arity arity;            /* a flag, or takes a value */
	const char *value;          /* the value's name in help ("U"); NULL for a flag */
	const char *help;           /* one line of help, English */
	const char *const *choices; /* the values allowed, NULL-terminated (NULL: any) */
	const char *help_zh;        /* the line in Chinese (NULL: the English line) */
} cli_option;

/* One command or subcommand. */
typedef struct cli_command {
	const char *name;               /* "add" */
	const char *params;             /* the positional arguments as usage shows them, "" for none */
	const char *help;               /* one line of help, English */
	const cli_option *options;      /* its own options, ended by an empty row; NULL: none */
	const struct cli_command *subs; /* its subcommands, ended by an empty row; NULL: none */
	int (*run)(args *a);            /* NULL: only a subcommand runs */
	const char *help_zh;            /* the line in Chinese (NULL: the English line) */
} cli_command;

/* Table rows; a Chinese help line is the last field, so adding one later
 * touches no other row. */
#define OPT(name, short_name, value, help) {name, short_name, OPT_VALUE, value, help, NULL, NULL}
#define FLAG(name, short_name, help) {name, short_name, OPT_FLAG, NULL, help, NULL, NULL}
#define OPT_END {NULL, 0, OPT_FLAG, NULL, NULL, NULL, NULL}
#define OPTIONS(...) ((const cli_option[]){__VA_ARGS__, OPT_END})
#define CMD(name, params, help, options, subs, run) {name, params, help, options, subs, run, NULL}
#define CMD_END {NULL, NULL, NULL, NULL, NULL, NULL, NULL}
#define COMMANDS(...) ((const cli_command[]){__VA_ARGS__, CMD_END})

/* Options many commands share. */
#define O_FORMAT {"--format", 'f', OPT_VALUE, "F", "text, markdown, csv or json (default text)", output_formats, NULL}
#define O_UNIT(help) OPT("--unit", 'u', "U", help)
#define O_AS_OF OPT("--as-of", 0, "D", "judge as of this date (default: today)")
#define O_FROM(help) OPT("--from", 0, "D", help)
#define O_TO(help) OPT("--to", 0, "D", help)
#define O_NOTE OPT("--note", 0, "T", "a note to keep with it")
#define O_DATE OPT("--date", 0, "D", "the date it takes effect (default: today, UTC)")
#define O_ID(help) OPT("--id", 0, "ID", help)

/* The subcommand tables of the domain files. */
extern const cli_command progress_commands[], role_commands[], risk_commands[], inspection_commands[],
	accountability_commands[];

/* parse.c: reads argv against the tables and runs the command; returns the exit code. */
int cli_main(const cli_command *root, int argc, char **argv);
/* help.c: prints @cmd's usage, options and subcommands; @path names it ("campaign risk"). */
void cli_help(FILE *f, const cli_command *cmd, const char *path);
/* help.c: prints every command path under @cmd, one a line. */
void cli_list(FILE *f, const cli_command *cmd, const char *path);
/* help.c: the help line in the user's language (CAMPAIGN_LANG, else LANG: zh…). */
const char *cli_text(const char *en, const char *zh);
/* The common options every command accepts (--db, --actor, --campaign, --help). */
extern const cli_option common_options[];

/* The value of an option given on the command line (e.g. "--model"), or
 * NULL; a flag given reads as "". */
const char *arg_opt(args *a, const char *name);

/* Prints "campaign: <message>" and where to find the command's help; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);
/* Prints the last error and returns EXIT_BAD. */
int fail(void);
/* Opens the store read-only; returns 0 or an exit code. */
int open_existing(args *a, campaign_db **db);
/* Opens an existing store for writing; returns 0 or an exit code. */
int open_writable(args *a, campaign_db **db);
/* A usage error unless exactly @n words follow the top-level command. */
int need_pos(args *a, int n, const char *usage);
/* Prints a query's cursor as a listing (--format, CSV with a BOM) when the
 * query's @rc is 0, else the error; closes @db. */
int list_query(args *a, campaign_db *db, int rc, campaign_cursor **cp, const char *const *cols,
               const char *const *titles);
/* Ends a write: prints "@done @what" (with ": N" when @rc is a count N > 0),
 * or the error when @rc < 0; closes @db. */
int written(campaign_db *db, int rc, const char *done, const char *what);
/* Today's date (UTC) as YYYY-MM-DD. */
const char *today_utc(void);

int cmd_show(campaign_db *db, const char *campaign, const char *format);
int cmd_matrix(args *a);
int cmd_warnings(args *a);
int cmd_workload(args *a);
int cmd_status(args *a);
int cmd_report(args *a);
int cmd_thresholds(args *a);
int cmd_log(args *a);
int cmd_verify(args *a);
int cmd_checkpoint(args *a);
int cmd_keygen(args *a);
int cmd_search(args *a);
#endif
