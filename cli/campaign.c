/* campaign: the command-line tool over libcampaign.
 *
 *   campaign import PLAN.yaml [--db FILE] [--actor NAME] [--replace]
 *   campaign show [--db FILE] [--campaign ID] [--format text|json]
 *   campaign export [--db FILE] [--campaign ID] [--output FILE]
 *   campaign deadline TEXT [--year N]
 *
 * Exit codes: 0 ok, 1 bad input or a failed operation, 2 usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#include "commands.h"

static void usage(FILE *f)
{
	fputs("usage: campaign <command> [options]\n"
	      "  import PLAN.yaml [--db FILE] [--actor NAME] [--replace]   load a plan into the store\n"
	      "  show [--db FILE] [--campaign ID] [--format text|json]     the task tree with responsibilities\n"
	      "  export [--db FILE] [--campaign ID] [--output FILE]         the plan as YAML\n"
	      "  deadline TEXT [--year N]                                   parse a deadline: FIRST LAST\n"
	      "  matrix [--unit U] [--format F]                             the 任务分工表, or one unit's row\n"
	      "  warnings [--format F]                                      measures without lead, idle units, scoped leads\n"
	      "  workload [--from D] [--to D] [--as-of D] [--format F]      per unit: measures led/supported, due, overdue\n"
	      "  progress add OUTCOME UNIT STATUS PERCENT DATE [--note T] [--evidence T]\n"
	      "  progress import FILE.csv|FILE.yaml                         many reports, all or nothing\n"
	      "  progress history [--outcome O] [--unit U] [--format F]     every report, newest last\n"
	      "  status [--as-of D] [--format F]                            each unit's share of each outcome\n"
	      "  report [--as-of D] [--format F]                            overall, phases, units, overdue, supervision\n"
	      "  thresholds [--yellow N --red N]                            warning days before / after a deadline\n"
	      "  inspection ...                                             self-inspection, findings, ledger, case leads\n"
	      "  risk ...                                                   integrity-risk register, models, grades\n"
	      "  accountability ...                                         people, evaluations, rules, proposals\n"
	      "  search TEXT [--kind finding|rectification]                 full-text search in Chinese\n"
	      "  role grant PERSON ROLE [--unit U] | role revoke PERSON | role list\n"
	      "  log [--object ID] [--by ACTOR] [--from D] [--to D]         the audit log, oldest first\n"
	      "  verify [--checkpoint FILE --pubkey FILE]                   check the hash chain and every row\n"
	      "  checkpoint --key FILE [--output FILE]                      a signed checkpoint of the chain head\n"
	      "  keygen --output FILE                                       an Ed25519 key; prints the public key\n"
	      "F is text, markdown, csv or json; D is YYYY-MM-DD (default: today).\n"
	      "  version                                                    the library version\n"
	      "The store defaults to ./campaign.db; the actor to $CAMPAIGN_ACTOR, else $USER.\n",
	      f);
}

const char *arg_opt(args *a, const char *name)
{
	for (int i = 0; i < a->nextra; i++)
		if (!strcmp(a->extra_name[i], name))
			return a->extra_value[i];
	return NULL;
}

int arg_only(args *a, const char *const *allowed)
{
	for (int i = 0; i < a->nextra; i++) {
		int k;
		for (k = 0; allowed && allowed[k] && strcmp(allowed[k], a->extra_name[i]); k++)
			;
		if (!allowed || !allowed[k])
			return usage_error("unknown option %s", a->extra_name[i]);
	}
	return 0;
}

int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "campaign: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	usage(stderr);
	return EXIT_USAGE;
}

/* Parses options after the command; returns 0 or EXIT_USAGE. */
static int parse_args(int argc, char **argv, args *a)
{
	static const char *const opts[] = {"--db", "--actor", "--campaign", "--format", "--output", "--year",
	                                   "--unit", "--as-of", "--from", "--to", "--note", "--evidence",
	                                   "--outcome", "--yellow", "--red", "--object", "--by"};
	for (int i = 2; i < argc; i++) {
		const char **slot[] = {&a->db, &a->actor, &a->campaign, &a->format, &a->output, &a->year,
		                       &a->unit, &a->as_of, &a->from, &a->to, &a->note, &a->evidence,
		                       &a->outcome, &a->yellow, &a->red, &a->object, &a->actor_filter};
		size_t k;
		if (!strcmp(argv[i], "--replace")) {
			a->replace = 1;
			continue;
		}
		for (k = 0; k < sizeof opts / sizeof opts[0]; k++)
			if (!strcmp(argv[i], opts[k]))
				break;
		if (k < sizeof opts / sizeof opts[0]) {
			if (i + 1 >= argc)
				return usage_error("%s needs a value", argv[i]);
			*slot[k] = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1] == '-') {
			if (a->nextra == 16)
				return usage_error("too many options at %s", argv[i]);
			a->extra_name[a->nextra] = argv[i];
			a->extra_value[a->nextra++] =
				i + 1 < argc && strncmp(argv[i + 1], "--", 2) ? argv[++i] : "";
		} else if (a->npos < 8) {
			a->pos[a->npos++] = argv[i];
		} else {
			return usage_error("too many arguments at %s", argv[i]);
		}
	}
	if (!a->db)
		a->db = "campaign.db";
	if (!a->actor)
		a->actor = getenv("CAMPAIGN_ACTOR");
	if (!a->actor || !*a->actor)
		a->actor = getenv("USER");
	if (!a->actor || !*a->actor)
		a->actor = "cli";
	return 0;
}

int fail(void)
{
	fprintf(stderr, "campaign: %s (%s)\n", campaign_error_message(), campaign_error_name(campaign_error_code_last()));
	return EXIT_BAD;
}

static int cmd_import(args *a)
{
	campaign_import_options opts = CAMPAIGN_IMPORT_OPTIONS_INIT;
	campaign_db *db;
	campaign_cursor *c;
	if (a->npos != 1)
		return usage_error("import needs one PLAN.yaml%s", "");
	if (campaign_open(&db, a->db, 0))
		return fail();
	opts.replace = a->replace;
	if (campaign_plan_import_yaml(db, a->pos[0], a->actor, &opts)) {
		campaign_close(db);
		return fail();
	}
	if (campaign_campaigns_query(&c, db) == CAMPAIGN_OK) {
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			printf("imported %s: %s\n", campaign_cursor_get(c, "id"), campaign_cursor_get(c, "title"));
		campaign_cursor_free(c);
	}
	campaign_close(db);
	return 0;
}

int open_existing(args *a, campaign_db **db)
{
	return campaign_open(db, a->db, CAMPAIGN_OPEN_READONLY) ? fail() : 0;
}

static int cmd_show_(args *a)
{
	campaign_db *db;
	int rc;
	if (a->npos)
		return usage_error("show takes no argument: %s", a->pos[0]);
	if (a->format && strcmp(a->format, "text") && strcmp(a->format, "json"))
		return usage_error("unknown format %s (text or json)", a->format);
	if ((rc = open_existing(a, &db)))
		return rc;
	rc = cmd_show(db, a->campaign, a->format ? a->format : "text") ? fail() : 0;
	campaign_close(db);
	return rc;
}

static int cmd_export(args *a)
{
	campaign_db *db;
	campaign_buf *b;
	int rc;
	if (a->npos)
		return usage_error("export takes no argument: %s", a->pos[0]);
	if ((rc = open_existing(a, &db)))
		return rc;
	if (a->output)
		rc = campaign_plan_export_yaml_file(db, a->campaign, a->output) ? fail() : 0;
	else if (campaign_plan_export_yaml(&b, db, a->campaign))
		rc = fail();
	else {
		fwrite(campaign_buf_data(b), 1, campaign_buf_size(b), stdout);
		campaign_buf_free(b);
	}
	campaign_close(db);
	return rc;
}

static int cmd_deadline(args *a)
{
	campaign_deadline *d;
	char *end;
	long year = 0;
	if (a->npos != 1)
		return usage_error("deadline needs one TEXT%s", "");
	if (a->year) {
		year = strtol(a->year, &end, 10);
		if (*end || year < 1 || year > 9999)
			return usage_error("--year %s is not a year", a->year);
	}
	if (campaign_deadline_parse(&d, a->pos[0], (int)year))
		return fail();
	if (campaign_deadline_is_open_ended(d))
		puts("open-ended");
	else
		printf("%s %s\n", campaign_deadline_first(d) ? campaign_deadline_first(d) : "-", campaign_deadline_last(d));
	campaign_deadline_free(d);
	return 0;
}

int main(int argc, char **argv)
{
	args a;
	int rc;
	memset(&a, 0, sizeof a);
	if (argc < 2)
		return usage_error("a command is required%s", "");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
		printf("campaign %s\n", campaign_version());
		return 0;
	}
	if ((rc = parse_args(argc, argv, &a)))
		return rc;
	/* only the domain subcommands read options of their own */
	if (strcmp(argv[1], "risk") && strcmp(argv[1], "inspection") && strcmp(argv[1], "accountability") &&
	    strcmp(argv[1], "verify") && strcmp(argv[1], "checkpoint") && strcmp(argv[1], "search") &&
	    (rc = arg_only(&a, NULL)))
		return rc;
	if (!strcmp(argv[1], "import"))
		return cmd_import(&a);
	if (!strcmp(argv[1], "show"))
		return cmd_show_(&a);
	if (!strcmp(argv[1], "export"))
		return cmd_export(&a);
	if (!strcmp(argv[1], "deadline"))
		return cmd_deadline(&a);
	if (a.format && strcmp(a.format, "text") && strcmp(a.format, "markdown") && strcmp(a.format, "csv") &&
	    strcmp(a.format, "json"))
		return usage_error("unknown format %s (text, markdown, csv or json)", a.format);
	if (!a.format)
		a.format = "text";
	if (!strcmp(argv[1], "matrix"))
		return cmd_matrix(&a);
	if (!strcmp(argv[1], "warnings"))
		return cmd_warnings(&a);
	if (!strcmp(argv[1], "workload"))
		return cmd_workload(&a);
	if (!strcmp(argv[1], "progress"))
		return cmd_progress(&a);
	if (!strcmp(argv[1], "status"))
		return cmd_status(&a);
	if (!strcmp(argv[1], "report"))
		return cmd_report(&a);
	if (!strcmp(argv[1], "thresholds"))
		return cmd_thresholds(&a);
	if (!strcmp(argv[1], "search"))
		return cmd_search(&a);
	if (!strcmp(argv[1], "role"))
		return cmd_role(&a);
	if (!strcmp(argv[1], "log"))
		return cmd_log(&a);
	if (!strcmp(argv[1], "verify"))
		return cmd_verify(&a);
	if (!strcmp(argv[1], "checkpoint"))
		return cmd_checkpoint(&a);
	if (!strcmp(argv[1], "keygen"))
		return cmd_keygen(&a);
	if (!strcmp(argv[1], "risk"))
		return cmd_risk(&a);
	if (!strcmp(argv[1], "inspection"))
		return cmd_inspection(&a);
	if (!strcmp(argv[1], "accountability"))
		return cmd_accountability(&a);
	return usage_error("unknown command %s", argv[1]);
}
