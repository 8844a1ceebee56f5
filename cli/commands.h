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
 * To add a command, add one row to its group's table with its OPTIONS:
 *   LIST / TABLE / LOGGED  a listing: write its cli_query (the library query,
 *                          reading options with arg_opt() or the shared fields
 *                          and positional words from pos[]); run_listing opens
 *                          the store and prints it;
 *   WRITE / WRITE_OF / ADD a change: write its cli_write / cli_add; run_write
 *                          opens the store and prints "<done> <object>";
 *   CALL1 / CALL2 / CALL3  a change that is one library call with the
 *                          command's first 1-3 arguments: name the call;
 *   IMPORT / VERSIONED     a file import (rows; or a versioned file, printed
 *                          "<done> FILE: version N"): name the library import;
 *   CMD                    anything else: `static int thing(args *a)`, using
 *                          open_existing/open_writable, list_query, written.
 * The parser checks the subcommand and the argument count (from the row's
 * usage words) before a command runs, so a command does not check them again;
 * --help and the help test (tests/cli/help.sh) follow from the row. */
#ifndef CAMPAIGN_COMMANDS_H
#define CAMPAIGN_COMMANDS_H
#include "output.h"
#include "i18n.h"

#define EXIT_BAD 1
#define EXIT_USAGE 2

#define MAX_POS 16
#define MAX_OPTS 32

/* A parsed command line. The shared fields are the values of the options of
 * the same name (NULL when not given); pos[] holds the words after the
 * top-level command, subcommand names included (so `risk point add U` has
 * pos[0] "point", pos[1] "add", pos[2] "U"). */
struct cli_command;

typedef struct args {
	const char *db, *actor, *campaign, *format, *output, *year;
	const char *unit, *as_of, *from, *to, *note, *evidence, *outcome, *yellow, *red, *object, *actor_filter;
	int replace;
	const char *pos[MAX_POS];
	int npos;
	/* every option given, for a command to read with arg_opt() */
	const char *opt_name[MAX_OPTS], *opt_value[MAX_OPTS];
	int nopt;
	const struct cli_command *cmd; /* the command running */
	int nargs;                     /* its arguments: the last nargs of pos[] */
} args;

/* A listing's query: writes the cursor *c from the store @db as @a asks. */
typedef int (*cli_query)(campaign_cursor **c, campaign_db *db, args *a);
/* A change to the store @db as @a asks; returns as the library call does. */
typedef int (*cli_write)(campaign_db *db, args *a);
/* A change that adds an object and sets *id to the new object's id. */
typedef int (*cli_add)(campaign_buf **id, campaign_db *db, args *a);
/* A library change called straight from a row with the command's first one,
 * two or three arguments between the campaign and the actor
 * (campaign_rectification_close(db, campaign, RECT, DATE, actor), ...). */
typedef int (*cli_call1)(campaign_db *db, const char *campaign, const char *arg0, const char *actor);
typedef int (*cli_call2)(campaign_db *db, const char *campaign, const char *arg0, const char *arg1, const char *actor);
typedef int (*cli_call3)(campaign_db *db, const char *campaign, const char *arg0, const char *arg1, const char *arg2,
                         const char *actor);
/* A library import of rows from a file (campaign_findings_import_file, ...). */
typedef int (*cli_rows_import)(campaign_db *db, const char *campaign, const char *path,
                               const campaign_rows_import_options *opts, const char *actor);
/* A library import of a file that keeps versions (campaign_catalogue_import_file, ...): returns the version. */
typedef int (*cli_versioned_import)(campaign_db *db, const char *campaign, const char *path, const char *actor);

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
	/* what run_listing and run_write read (NULL in other rows) */
	cli_query query;                /* a listing: the query it prints */
	const char *const *cols;        /* the columns shown: with @titles in every format, alone only as text
	                                   (the other formats carry every column); NULL: all */
	const char *const *titles;      /* the columns' titles (NULL: column names) */
	int logged;                     /* a confidential read, which is logged: it opens the store for writing */
	cli_write write;                /* a change, printed as "@done ARG" (ARG: its first argument) */
	cli_add add;                    /* a change that adds an object, printed as "@done ID" */
	cli_call1 call1;                /* a library change of the first argument(s), printed as "@done ARG" */
	cli_call2 call2;
	cli_call3 call3;
	cli_rows_import rows;           /* an import of the rows of its first argument, a file: "@done FILE" */
	cli_versioned_import versioned; /* an import of a versioned file: "@done FILE: version N" */
	const char *done;               /* "added risk point" */
	int object;                     /* which argument @write prints (0: the first) */
} cli_command;

/* Table rows (by field name, so a field added later, such as a Chinese help
 * line, touches no row). */
#define OPT(name, short_name, value, help) {name, short_name, OPT_VALUE, value, help, NULL, NULL}
#define FLAG(name, short_name, help) {name, short_name, OPT_FLAG, NULL, help, NULL, NULL}
#define OPT_END {NULL, 0, OPT_FLAG, NULL, NULL, NULL, NULL}
#define OPTIONS(...) ((const cli_option[]){__VA_ARGS__, OPT_END})
#define CMD(n, p, h, o, s, r) {.name = n, .params = p, .help = h, .options = o, .subs = s, .run = r}
#define LIST(n, p, h, o, q) {.name = n, .params = p, .help = h, .options = o, .run = run_listing, .query = q}
#define TABLE(n, p, h, o, q, c, t) \
	{.name = n, .params = p, .help = h, .options = o, .run = run_listing, .query = q, .cols = c, .titles = t}
#define LOGGED(n, p, h, o, q) {.name = n, .params = p, .help = h, .options = o, .run = run_listing, .query = q, .logged = 1}
#define WRITE(n, p, h, o, w, d) {.name = n, .params = p, .help = h, .options = o, .run = run_write, .write = w, .done = d}
#define WRITE_OF(n, p, h, o, w, d, k) \
	{.name = n, .params = p, .help = h, .options = o, .run = run_write, .write = w, .done = d, .object = k}
#define CALL1(n, p, h, o, f, d) {.name = n, .params = p, .help = h, .options = o, .run = run_write, .call1 = f, .done = d}
#define CALL2(n, p, h, o, f, d) {.name = n, .params = p, .help = h, .options = o, .run = run_write, .call2 = f, .done = d}
#define CALL3(n, p, h, o, f, d) {.name = n, .params = p, .help = h, .options = o, .run = run_write, .call3 = f, .done = d}
#define IMPORT(n, p, h, o, i) {.name = n, .params = p, .help = h, .options = o, .run = run_write, .rows = i, .done = N_("imported")}
#define VERSIONED(n, p, h, o, i, d) \
	{.name = n, .params = p, .help = h, .options = o, .run = run_import_versioned, .versioned = i, .done = d}
#define ADD(n, p, h, o, w, d) {.name = n, .params = p, .help = h, .options = o, .run = run_write, .add = w, .done = d}
#define CMD_END {.name = NULL}
#define COMMANDS(...) ((const cli_command[]){__VA_ARGS__, CMD_END})

/* A cli_write / cli_add body that is one library call taking its versioned
 * options struct (campaign_NAME_options, CAMPAIGN_UPPER_OPTIONS_VERSION),
 * whose fields after the version are the arguments after UPPER:
 *   return WITH_OPTIONS(post_assign, POST_ASSIGN, a->pos[2], a->pos[3], a->pos[4], a->to);
 * ADD_WITH_OPTIONS passes the new id's buffer @out first. */
#define WITH_OPTIONS(name, UPPER, ...) \
	campaign_##name(db, a->campaign, &(campaign_##name##_options){CAMPAIGN_##UPPER##_OPTIONS_VERSION, __VA_ARGS__}, a->actor)
#define ADD_WITH_OPTIONS(out, name, UPPER, ...) \
	campaign_##name(out, db, a->campaign, &(campaign_##name##_options){CAMPAIGN_##UPPER##_OPTIONS_VERSION, __VA_ARGS__}, \
	                a->actor)

/* Options many commands share. */
#define O_FORMAT                                                                                       \
	{"--format", 'f', OPT_VALUE, "F", N_("text, markdown, csv, json or xlsx (with --output; default text)"),     \
	 output_formats, NULL},                                                                                \
	OPT("--output", 'o', "FILE", "the workbook --format xlsx writes")
/* --check: a dry run of a bulk import (every row checked, each bad one reported, nothing written) */
#define O_CHECK                                                                                        \
	FLAG("--check", 0, N_("check every row, report each error with its position, write nothing")),    \
	OPT("--max-errors", 0, "N", N_("--check reports at most N errors (default 100)"))
/* The options of a bulk import of rows: --check, the CSV's encoding, the xlsx sheet. */
#define O_ENCODING                                                                                     \
	O_CHECK,                                                                                           \
	{"--encoding", 0, OPT_VALUE, "E", N_("a CSV's encoding: utf-8 (default), gb18030 or gbk, or auto (UTF-8 if valid)"), \
	 import_encodings, "CSV 文件的编码：utf-8（默认）、gb18030 或 gbk，或 auto（是 UTF-8 即按 UTF-8）"}, \
	{"--sheet", 0, OPT_VALUE, "S", N_("an xlsx workbook's sheet, by name (default: the first)"), NULL, \
	 "xlsx 工作簿中要读的工作表名（默认第一个）"}
#define O_UNIT(help) OPT("--unit", 'u', "U", help)
#define O_SITE OPT("--site", 0, "CODE", "only the rows of site CODE and the sites below it")
#define O_AS_OF OPT("--as-of", 0, "D", "judge as of this date (default: today)")
#define O_FROM(help) OPT("--from", 0, "D", help)
#define O_TO(help) OPT("--to", 0, "D", help)
#define O_NOTE OPT("--note", 0, "T", "a note to keep with it")
#define O_DATE OPT("--date", 0, "D", "the date it takes effect (default: today)")
#define O_ID(help) OPT("--id", 0, "ID", help)
/* The --id of the object a command adds: "the WHAT's id (default: a new one)". */
#define O_NEW_ID(what) O_ID(NEW_ID_HELP(what))
#define NEW_ID_HELP(what) "the " what "'s id (default: a new one)" /* po/update.sh lists each use */

/* The subcommand tables of the domain files. */
extern const cli_command progress_commands[], role_commands[], risk_commands[], inspection_commands[],
	accountability_commands[], plan_commands[], key_commands[], cases_commands[];
extern const cli_command site_commands[], sync_commands[];
/* audit.c: reads a whole text file; NULL (with a message printed) on failure. */
char *slurp(const char *path);

/* parse.c: reads argv against the tables and runs the command; returns the exit code. */
int cli_main(const cli_command *root, int argc, char **argv);
/* help.c: prints @cmd's usage, options and subcommands; @path names it ("campaign risk"). */
void cli_help(FILE *f, const cli_command *cmd, const char *path);
/* help.c: prints every command path under @cmd, one a line. */
void cli_list(FILE *f, const cli_command *cmd, const char *path);
/* help.c: calls @visit for @cmd (named @path) and every command under it, in table order. */
typedef void (*cli_visit)(FILE *f, const cli_command *cmd, const char *path);
void cli_walk(FILE *f, const cli_command *cmd, const char *path, cli_visit visit);
/* man.c: the manual page campaign(1) in roff, from the tables (`campaign help --man`). */
void cli_man(FILE *f, const cli_command *root);
/* help.c: the help line in the user's language (CAMPAIGN_LANG, else LANG: zh…). */
const char *cli_text(const char *en, const char *zh);
/* The values --encoding takes, NULL-terminated. */
extern const char *const import_encodings[];
/* The options of a bulk import from the command line (--encoding, --sheet, --check, --max-errors). */
campaign_rows_import_options import_options(args *a);
/* After a bulk import that returned @rc: with --check and no error, prints that @path was checked
 * and nothing written, and returns 1 (the caller is done); else 0. */
int import_checked(args *a, int rc, const char *path);
/* meter.c: the progress line of an import (stderr a terminal or --progress; not --quiet). */
void meter_attach(args *a, campaign_rows_import_options *io);
/* Ends the line (drawn once more, final), before what follows it is printed. */
void meter_finish(void);
/* The common options every command accepts (--db, --actor, --campaign, --help). */
extern const cli_option common_options[];

/* The value of an option given on the command line (e.g. "--model"), or
 * NULL; a flag given reads as "". */
const char *arg_opt(args *a, const char *name);

/* Prints "campaign: <message>" and where to find the command's help; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);
/* Prints the last error and returns EXIT_BAD. */
int fail(void);
/* Opens the store with @flags and the host's keys: --key-file, --signing-key-file and
 * --witness-file, else $CAMPAIGN_KEY_FILE, $CAMPAIGN_SIGNING_KEY_FILE and $CAMPAIGN_WITNESS_FILE
 * (no key: confidential fields are locked); returns 0 or an exit code. */
int open_store(args *a, campaign_db **db, unsigned int flags);
/* Opens the store read-only; returns 0 or an exit code. */
int open_existing(args *a, campaign_db **db);
/* Opens an existing store for writing; returns 0 or an exit code. */
int open_writable(args *a, campaign_db **db);
/* The command's argument @k, from 0 (NULL: none). */
const char *arg_at(args *a, int k);
/* The command's first argument (NULL: none). */
const char *first_arg(args *a);
/* Prints a query's cursor as a listing (--format, CSV with a BOM) when the
 * query's @rc is 0, else the error; closes @db. */
int list_query(args *a, campaign_db *db, int rc, campaign_cursor **cp, const char *const *cols,
               const char *const *titles);
/* Opens the store read-only and prints @query's rows as list_query() does. */
int list_of(args *a, cli_query query, const char *const *cols, const char *const *titles);
/* A confidential listing, whose read the library logs: as list_of() with every
 * column, but the store opened for writing. */
int list_logged(args *a, cli_query query);
/* Runs a LIST, TABLE or LOGGED row: its query, printed with its columns. */
int run_listing(args *a);
/* Runs a WRITE, WRITE_OF, CALL1-3, IMPORT or ADD row: opens the store for writing and
 * reports the change with written(). */
int run_write(args *a);
/* Runs a VERSIONED row: imports its file and prints "<done> FILE: version N". */
int run_import_versioned(args *a);
/* Ends a write: prints "@done @what" (with ": N" when @rc is a count N > 0),
 * or the error when @rc < 0; closes @db. */
int written(campaign_db *db, int rc, const char *done, const char *what);
/* Prints a buffer a call gave to stdout and frees it; returns 0. */
int print_buf(campaign_buf *b);
/* Today's date in the local time zone, the library's today, as YYYY-MM-DD. */
const char *today_local(void);

/* A plan document (.docx, .txt, or a zip), not a plan's YAML: `campaign import` drafts it (cli/document.c). */
int is_document(const char *path);
int cmd_import_document(args *a);
int cmd_show(campaign_db *db, const char *campaign, const char *format);
int cmd_matrix(args *a);
int cmd_warnings(args *a);
int cmd_workload(args *a);
int cmd_status(args *a);
int cmd_supervision(args *a);
int cmd_report(args *a);
int cmd_dashboard(args *a);
int cmd_chart(args *a);
int cmd_thresholds(args *a);
int cmd_log(args *a);
int cmd_verify(args *a);
int cmd_checkpoint(args *a);
int cmd_keygen(args *a);
int cmd_search(args *a);
#endif
