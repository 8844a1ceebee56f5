/* The subcommands of the `campaign` tool and what they share. */
#ifndef CAMPAIGN_COMMANDS_H
#define CAMPAIGN_COMMANDS_H
#include "cli.h"

#define EXIT_BAD 1
#define EXIT_USAGE 2

typedef struct args {
	const char *db, *actor, *campaign, *format, *output, *year;
	const char *unit, *as_of, *from, *to, *note, *evidence, *outcome, *yellow, *red, *object, *actor_filter;
	int replace;
	const char *pos[8];
	int npos;
	/* options no shared command knows, for a subcommand to read with arg_opt() */
	const char *extra_name[16], *extra_value[16];
	int nextra;
} args;

/* The value of a subcommand's own option (e.g. "--model"), or NULL. An
 * option given without a value reads as "". */
const char *arg_opt(args *a, const char *name);
/* Fails with a usage error if an option outside @allowed (NULL-terminated) was given. */
int arg_only(args *a, const char *const *allowed);

int usage_error(const char *fmt, const char *arg);
/* Prints the last error and returns EXIT_BAD. */
int fail(void);
/* Opens the store read-only; returns 0 or an exit code. */
int open_existing(args *a, campaign_db **db);

int cmd_show(campaign_db *db, const char *campaign, const char *format);
int cmd_matrix(args *a);
int cmd_warnings(args *a);
int cmd_workload(args *a);
int cmd_progress(args *a);
int cmd_status(args *a);
int cmd_report(args *a);
int cmd_thresholds(args *a);
int cmd_risk(args *a);
int cmd_inspection(args *a);
int cmd_accountability(args *a);
int cmd_log(args *a);
int cmd_verify(args *a);
int cmd_checkpoint(args *a);
int cmd_keygen(args *a);
int cmd_role(args *a);
int cmd_search(args *a);
#endif
