/* What every command body shares: opening the store, reporting an error,
 * printing a query as a listing and reporting a write. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "commands.h"

int fail(void)
{
	meter_finish();
	fprintf(stderr, "campaign: %s (%s)\n", cli_error_text(campaign_error_message()), campaign_error_name(campaign_error_code_last()));
	return EXIT_BAD;
}

/* An option's value, else the environment's. */
static const char *opt_or_env(args *a, const char *name, const char *env)
{
	const char *v = arg_opt(a, name);
	return v && *v ? v : getenv(env) && *getenv(env) ? getenv(env) : NULL;
}

int open_store(args *a, campaign_db **db, unsigned int flags)
{
	campaign_open_options o = CAMPAIGN_OPEN_OPTIONS_INIT;
	o.flags = flags;
	o.key_file = opt_or_env(a, "--key-file", "CAMPAIGN_KEY_FILE");
	o.signing_key_file = opt_or_env(a, "--signing-key-file", "CAMPAIGN_SIGNING_KEY_FILE");
	o.witness_file = opt_or_env(a, "--witness-file", "CAMPAIGN_WITNESS_FILE");
	return campaign_open_with(db, a->db, &o) ? fail() : 0;
}

int open_existing(args *a, campaign_db **db)
{
	return open_store(a, db, CAMPAIGN_OPEN_READONLY);
}

int open_writable(args *a, campaign_db **db)
{
	return open_store(a, db, CAMPAIGN_OPEN_NOCREATE);
}

const char *arg_at(args *a, int k)
{
	return k < a->nargs ? a->pos[a->npos - a->nargs + k] : NULL;
}

const char *first_arg(args *a)
{
	return arg_at(a, 0);
}

/* @list's names joined by commas into @out (NULL for none). */
static const char *joined(const char *const *list, char *out, size_t n)
{
	size_t k = 0;
	if (!list)
		return NULL;
	out[0] = '\0';
	for (int i = 0; list[i] && k < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s%s", i ? "," : "", list[i]);
	return out;
}

/* A listing as a workbook of one sheet named after the command. */
static int xlsx_listing(args *a, campaign_cursor *c, const char *const *cols, const char *const *titles)
{
	char names[2048], heads[4096];
	int rc;
	if (!a->output)
		rc = usage_error("--format xlsx writes a workbook: give --output FILE.xlsx%s", "");
	else
		rc = campaign_cursor_write_xlsx(c, a->output, a->cmd->name, joined(cols, names, sizeof names),
		                                joined(titles, heads, sizeof heads)) ? fail() : 0;
	campaign_cursor_free(c);
	return rc;
}

int list_query(args *a, campaign_db *db, int rc, campaign_cursor **cp, const char *const *cols,
               const char *const *titles)
{
	/* --site CODE: the rollup of one site's subtree (a listing with a unit column) */
	if (!rc && arg_opt(a, "--site") && (rc = campaign_cursor_site(*cp, arg_opt(a, "--site"))))
		campaign_cursor_free(*cp);
	if (rc)
		rc = fail();
	else if (!strcmp(a->format, "xlsx"))
		rc = xlsx_listing(a, *cp, cols, titles);
	else
		rc = print_listing(*cp, a->format, cols, titles) ? fail() : 0; /* *cp read after the query wrote it */
	campaign_close(db);
	return rc;
}

int list_of(args *a, cli_query query, const char *const *cols, const char *const *titles)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc = open_existing(a, &db);
	return rc ? rc : list_query(a, db, query(&c, db, a), &c, cols, titles);
}

int list_logged(args *a, cli_query query)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	int rc = open_writable(a, &db); /* the read is logged, so it needs a writable store */
	return rc ? rc : list_query(a, db, query(&c, db, a), &c, NULL, NULL);
}

int run_listing(args *a)
{
	const cli_command *cmd = a->cmd;
	/* titles name their columns in every format; columns alone are the terminal's short view */
	const char *const *cols = cmd->titles || !strcmp(a->format, "text") ? cmd->cols : NULL;
	return cmd->logged ? list_logged(a, cmd->query) : list_of(a, cmd->query, cols, cmd->titles);
}

/* The change a row names, however the row names it. */
static int run_change(const cli_command *cmd, campaign_db *db, args *a, campaign_buf **id)
{
	if (cmd->add)
		return cmd->add(id, db, a);
	if (cmd->rows) {
		campaign_rows_import_options io = import_options(a);
		return cmd->rows(db, a->campaign, arg_at(a, 0), &io, a->actor);
	}
	if (cmd->call1)
		return cmd->call1(db, a->campaign, arg_at(a, 0), a->actor);
	if (cmd->call2)
		return cmd->call2(db, a->campaign, arg_at(a, 0), arg_at(a, 1), a->actor);
	if (cmd->call3)
		return cmd->call3(db, a->campaign, arg_at(a, 0), arg_at(a, 1), arg_at(a, 2), a->actor);
	return cmd->write(db, a);
}

int run_write(args *a)
{
	const cli_command *cmd = a->cmd;
	campaign_db *db;
	campaign_buf *id = NULL;
	int rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = run_change(cmd, db, a, &id);
	if (cmd->rows && import_checked(a, rc, arg_at(a, 0))) {
		campaign_close(db);
		return 0;
	}
	rc = written(db, rc, cmd->done, cmd->add ? campaign_buf_data(id) : arg_at(a, cmd->object));
	campaign_buf_free(id);
	return rc;
}

int run_import_versioned(args *a)
{
	const char *path = first_arg(a);
	campaign_db *db;
	int rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = a->cmd->versioned(db, a->campaign, path, a->actor);
	if (rc > 0)
		printf("%s %s: version %d\n", a->cmd->done, path, rc);
	campaign_close(db);
	return rc < 0 ? fail() : 0;
}

int written(campaign_db *db, int rc, const char *done, const char *what)
{
	meter_finish();
	if (rc < 0)
		rc = fail();
	else if (rc > 0)
		printf("%s %s: %d\n", _(done), what ? what : "", rc), rc = 0;
	else
		printf("%s %s\n", _(done), what ? what : "");
	campaign_close(db);
	return rc;
}

const char *const import_encodings[] = {"utf-8", "gb18030", "gbk", "auto", NULL};

/* A dry run's bad row, each on its line; the first again in the summary fail() prints. */
static void check_error(void *user, int code, const char *file, int line, int column, const char *message)
{
	(void)user, (void)code, (void)file, (void)line, (void)column;
	meter_finish();
	fprintf(stderr, "%s\n", cli_error_text(message));
}

campaign_rows_import_options import_options(args *a)
{
	campaign_rows_import_options io = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	const char *max = arg_opt(a, "--max-errors");
	char *end = NULL;
	io.encoding = arg_opt(a, "--encoding");
	io.sheet = arg_opt(a, "--sheet");
	io.dry_run = arg_opt(a, "--check") != NULL;
	io.error = io.dry_run ? check_error : NULL;
	if (max) {
		long n = strtol(max, &end, 10);
		/* not a count: a negative limit, which the import refuses by name */
		io.error_limit = *max && !*end && n > 0 && n <= 1000000 ? (int)n : -1;
	}
	meter_attach(a, &io);
	return io;
}

int import_checked(args *a, int rc, const char *path)
{
	if (rc < 0 || !arg_opt(a, "--check"))
		return 0;
	meter_finish();
	printf(_("checked %s: no errors, nothing written\n"), path);
	return 1;
}

const char *today_local(void)
{
	static char today[11];
	/* as the library's today (core.h: db_today): the local date of the time zone */
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	return today;
}

int print_buf(campaign_buf *b)
{
	fwrite(campaign_buf_data(b), 1, campaign_buf_size(b), stdout);
	campaign_buf_free(b);
	return 0;
}
