/* campaign: the command-line tool over libcampaign. This file holds the
 * top-level command table (what `campaign --help` lists) and the plan
 * commands; the domains' subcommand tables end their own files.
 *
 * Exit codes: 0 ok, 1 bad input or a failed operation, 2 usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"

static int cmd_import(args *a)
{
	campaign_import_options opts = CAMPAIGN_IMPORT_OPTIONS_INIT;
	campaign_db *db;
	campaign_cursor *c;
	if (is_document(a->pos[0]))
		return cmd_import_document(a);
	if (arg_opt(a, "--check"))
		return usage_error("--check is for a plan document (.docx or .txt), not %s", a->pos[0]);
	if (open_store(a, &db, 0))
		return EXIT_BAD;
	opts.replace = a->replace;
	if (campaign_plan_import_file(db, a->pos[0], a->actor, &opts)) {
		campaign_close(db);
		return fail();
	}
	if (campaign_campaigns_query(&c, db) == CAMPAIGN_OK) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			printf(_("imported %s: %s\n"), campaign_cursor_get(c, "id"), campaign_cursor_get(c, "title"));
		campaign_cursor_free(c);
	}
	campaign_close(db);
	return 0;
}

static int cmd_backup(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = open_writable(a, &db)))
		return rc;
	rc = campaign_backup(db, a->actor, a->pos[0]) ? fail() : 0;
	if (!rc)
		printf(_("backed up to %s\n"), a->pos[0]);
	campaign_close(db);
	return rc;
}

static const char *const show_formats[] = {"text", "json", NULL};

static int cmd_show_(args *a)
{
	campaign_db *db;
	int rc;
	if ((rc = open_existing(a, &db)))
		return rc;
	rc = cmd_show(db, a->campaign, a->format) ? fail() : 0;
	campaign_close(db);
	return rc;
}

/* export --all: every file the importers read, and the listings beside them, into a new directory. */
static int cmd_export_all(args *a)
{
	campaign_export_all_options o = CAMPAIGN_EXPORT_ALL_OPTIONS_INIT;
	campaign_db *db;
	int rc;
	if (!a->output)
		return usage_error("export --all writes a directory: give --output DIR%s", "");
	o.format = strcmp(a->format, "xlsx") ? "csv" : "xlsx";
	o.actor = a->actor;
	o.confidential = arg_opt(a, "--confidential") ? 1 : 0;
	/* writable: the reads of confidential fields are logged */
	if ((rc = open_writable(a, &db)))
		return rc;
	if ((rc = campaign_export_all(db, a->campaign, a->output, &o)) < 0)
		rc = fail();
	else {
		printf(_("exported %d files to %s (MANIFEST.csv lists them)\n"), rc, a->output);
		rc = 0;
	}
	campaign_close(db);
	return rc;
}

static const char *const export_formats[] = {"csv", "xlsx", NULL};

static int cmd_export(args *a)
{
	campaign_db *db;
	campaign_buf *b;
	int rc;
	if (arg_opt(a, "--all"))
		return cmd_export_all(a);
	if (strcmp(a->format, "text") || arg_opt(a, "--confidential"))
		return usage_error("--format and --confidential are for export --all%s", "");
	if ((rc = open_existing(a, &db)))
		return rc;
	if (a->output)
		rc = campaign_plan_export_yaml_file(db, a->campaign, a->output) ? fail() : 0;
	else if (!(rc = campaign_plan_export_yaml(&b, db, a->campaign)))
		rc = print_buf(b);
	else
		rc = fail();
	campaign_close(db);
	return rc;
}

/* Prints FIRST LAST (a start: FIRST -; or open-ended); a recurrence adds its
 * rule and one line per occurrence in the period. */
static int cmd_deadline(args *a)
{
	campaign_deadline_read_options o = CAMPAIGN_DEADLINE_READ_OPTIONS_INIT;
	campaign_deadline *d;
	char *end;
	long year = 0;
	if (a->year) {
		year = strtol(a->year, &end, 10);
		if (*end || year < 1 || year > 9999)
			return usage_error("--year %s is not a year", a->year);
	}
	o.year = (int)year;
	o.from_date = arg_opt(a, "--from");
	o.period_first = arg_opt(a, "--period-first");
	o.period_last = arg_opt(a, "--period-last");
	if (campaign_deadline_read(&d, a->pos[0], &o))
		return fail();
	if (campaign_deadline_kind(d) == CAMPAIGN_DEADLINE_OPEN_ENDED)
		puts(_("open-ended"));
	else
		printf("%s %s\n", campaign_deadline_first(d) ? campaign_deadline_first(d) : "-",
		       campaign_deadline_last(d) ? campaign_deadline_last(d) : "-");
	if (campaign_deadline_kind(d) == CAMPAIGN_DEADLINE_RECURRING) {
		printf("rule %s\n", campaign_deadline_rule(d));
		for (int i = 0; i < campaign_deadline_occurrence_count(d); i++)
			printf("  %s %s\n", campaign_deadline_occurrence_first(d, i), campaign_deadline_occurrence_last(d, i));
	}
	campaign_deadline_free(d);
	return 0;
}

static int cmd_version(args *a)
{
	(void)a;
	printf("campaign %s\n", campaign_version());
	return 0;
}

/* Never runs: `campaign help` is read before the tables (parse.c); the row gives its help. */
static int cmd_help(args *a)
{
	(void)a;
	return 0;
}

static const cli_command root = CMD(
	"campaign", "", "The command-line tool over libcampaign: plans, progress, risk, inspection, accountability, audit.",
	NULL,
	COMMANDS(
		CMD("import", "PLAN.yaml|FILE.docx|FILE.txt", "load a plan into the store, or straight from its document",
		    OPTIONS(FLAG("--replace", 0, "replace the campaign if the store has it"),
		            FLAG("--check", 0, "a document: draft and check the plan, print the report, write nothing")),
		    NULL, cmd_import),
		CMD("plan", "", "plans from their documents: from-document", NULL, plan_commands, NULL),
		CMD("show", "", "the task tree with responsibilities and deadlines",
		    OPTIONS({"--format", 'f', OPT_VALUE, "F", N_("text or json (default text)"), show_formats, NULL}), NULL,
		    cmd_show_),
		CMD("backup", "FILE", "a consistent copy of the live store into a new FILE (SQLite's online backup)", NULL, NULL,
		    cmd_backup),
		CMD("export", "", "the plan as YAML; with --all, everything the store holds, as its importers read it",
		    OPTIONS(OPT("--output", 'o', "FILE|DIR", "write to FILE, not stdout (--all: the new directory DIR)"),
		            FLAG("--all", 0, "every table in its importer's columns, the listings and MANIFEST.csv, into DIR"),
		            {"--format", 'f', OPT_VALUE, "F", N_("--all: the tables as csv or xlsx (default csv)"), export_formats,
		             NULL},
		            FLAG("--confidential", 0, "--all: fail unless the confidential listings can be read (the key)")),
		    NULL, cmd_export),
		CMD("deadline", "TEXT", "parse a deadline: prints FIRST LAST (a start: FIRST -), or open-ended",
		    OPTIONS(OPT("--year", 0, "N", "the year of a date written without one"),
		            OPT("--from", 0, "D", "the date 即日/从今 means"),
		            OPT("--period-first", 0, "D", "first day of the period a recurrence is listed in"),
		            OPT("--period-last", 0, "D", "last day of that period")), NULL, cmd_deadline),
		CMD("matrix", "", "the 任务分工表, or one unit's row of it",
		    OPTIONS(O_UNIT("one unit's measures, roles and deadlines (a group: each member's)"), O_FORMAT), NULL, cmd_matrix),
		CMD("warnings", "", "measures without a lead, units with no measure, scoped leads", OPTIONS(O_FORMAT), NULL,
		    cmd_warnings),
		CMD("workload", "", "per unit: measures led and supported, outcomes due and overdue",
		    OPTIONS(O_FROM("count outcomes due from D"), O_TO("count outcomes due up to D"), O_AS_OF, O_FORMAT),
		    NULL, cmd_workload),
		CMD("progress", "", "progress reports: add one, import many, the history", NULL, progress_commands, NULL),
		CMD("status", "", "each unit's share of each outcome, with its colour", OPTIONS(O_AS_OF, O_SITE, O_FORMAT), NULL,
		    cmd_status),
		CMD("supervision", "", "the units that lag, for supervision (督查名单), most overdue first",
		    OPTIONS(O_AS_OF, O_SITE, O_FORMAT), NULL, cmd_supervision),
		CMD("dashboard", "", "the one-page HTML dashboard: Gantt chart, heat grid, supervision, risk, inspection",
		    OPTIONS(O_AS_OF, OPT("--output", 'o', "FILE.html", "write to FILE.html, not stdout"),
		            O_UNIT("only this unit's rows (a group: its members')"),
		            OPT("--site", 0, "CODE", "only the units of site CODE and of the sites below it")),
		    NULL, cmd_dashboard),
		CMD("chart", "gantt|matrix|heatmap|coverage", "one chart of the dashboard alone, as SVG",
		    OPTIONS(O_AS_OF, OPT("--output", 'o', "FILE.svg", "write to FILE.svg, not stdout"),
		            O_UNIT("only this unit's rows (a group: its members')"),
		            OPT("--site", 0, "CODE", "only the units of site CODE and of the sites below it")),
		    NULL, cmd_chart),
		CMD("report", "", "overall progress, phases, units, overdue outcomes, the supervision list",
		    OPTIONS(O_AS_OF, O_FORMAT), NULL, cmd_report),
		CMD("thresholds", "", "warning days before / after a deadline; sets them with --yellow and --red",
		    OPTIONS(OPT("--yellow", 0, "N", "days before a deadline a share turns yellow"),
		            OPT("--red", 0, "N", "days after a deadline a share turns red"), O_FORMAT),
		    NULL, cmd_thresholds),
		CMD("inspection", "", "self-inspection: catalogues, rounds, findings, the rectification ledger, case leads",
		    NULL, inspection_commands, NULL),
		CMD("risk", "", "the integrity-risk register: models, points, grades, controls, publication", NULL,
		    risk_commands, NULL),
		CMD("accountability", "", "people and posts, evaluations, rules, proposals, actions, tours", NULL,
		    accountability_commands, NULL),
		CMD("search", "TEXT", "full-text search in Chinese",
		    OPTIONS(OPT("--kind", 0, "K", "finding or rectification (default: both)"),
		            OPT("--offset", 0, "N", "skip the N best hits (default 0)"),
		            OPT("--limit", 0, "N", "print at most N hits (default: all)"), O_FORMAT),
		    NULL, cmd_search),
		CMD("role", "", "who may do what: grant, revoke, list", NULL, role_commands, NULL),
		CMD("key", "", "the confidential fields' key: status, rotate", NULL, key_commands, NULL),
		CMD("cases", "", "typical cases for public release", NULL, cases_commands, NULL),
		CMD("site", "", "this store's site (county, city, province) and its peers", NULL, site_commands, NULL),
		CMD("sync", "", "bundles between sites: export, apply, status", NULL, sync_commands, NULL),
		CMD("log", "", "the audit log, oldest first",
		    OPTIONS(OPT("--object", 0, "ID", "entries about one object"), OPT("--by", 0, "ACTOR", "entries by one actor"),
		            O_FROM("entries from D"), O_TO("entries up to D"), O_FORMAT),
		    NULL, cmd_log),
		CMD("verify", "[WITNESS...]", "check the hash chain, the signed heads and every row against the log (exit 1 on a problem)",
		    OPTIONS(OPT("--checkpoint", 0, "FILE", "a signed checkpoint the chain must still hold"),
		            OPT("--witness", 0, "FILE", "an earlier head or checkpoint (more: as arguments) the log must still hold"),
		            OPT("--pubkey", 0, "FILE", "the store's public key: checks witnesses and the recorded key")),
		    NULL, cmd_verify),
		CMD("checkpoint", "", "a signed checkpoint of the chain head",
		    OPTIONS(OPT("--key", 0, "FILE", "the private key (from `campaign keygen`)"),
		            OPT("--output", 'o', "FILE", "write to FILE, not stdout")),
		    NULL, cmd_checkpoint),
		CMD("keygen", "", "an Ed25519 key for checkpoints; prints the public key",
		    OPTIONS(OPT("--output", 'o', "FILE", "where the private key goes")), NULL, cmd_keygen),
		CMD("version", "", "the library version", NULL, NULL, cmd_version),
		CMD("help", "[COMMAND...]", "a command's usage and options",
		    OPTIONS(FLAG("--commands", 0, "list every command and subcommand, one a line")), NULL, cmd_help)),
	NULL);

int main(int argc, char **argv)
{
	cli_i18n_init();
	if (argc == 2 && !strcmp(argv[1], "--version"))
		return cmd_version(NULL);
	return cli_main(&root, argc, argv);
}
