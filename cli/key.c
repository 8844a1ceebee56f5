/* `campaign key status|rotate`: the confidential fields' key. The key itself
 * is never on the command line (where `ps` would show it): the store is
 * opened with --key-file FILE or $CAMPAIGN_KEY_FILE, the new key is read
 * from --new-key-file FILE; each file's first line holds 64 hex digits. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* key: ... then one line per confidential column: sealed and clear-text values. */
static int key_status(args *a)
{
	campaign_db *db;
	campaign_cursor *c;
	long long clear = 0;
	int rc;
	if ((rc = open_existing(a, &db)))
		return rc;
	if (campaign_key_check(db) == CAMPAIGN_OK)
		puts(_("key: opens the confidential fields"));
	else
		printf(_("key: %s\n"), cli_error_text(campaign_error_message()));
	if (campaign_key_status_query(&c, db)) {
		campaign_close(db);
		return fail();
	}
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		printf(_("%s.%s: %s sealed, %s clear\n"), campaign_cursor_get(c, "tbl"), campaign_cursor_get(c, "col"),
		       campaign_cursor_get(c, "sealed"), campaign_cursor_get(c, "clear"));
		clear += atoll(campaign_cursor_get(c, "clear"));
	}
	campaign_cursor_free(c);
	campaign_close(db);
	printf(_("clear text values: %lld%s\n"), clear, clear ? _(" (`campaign key rotate` seals them)") : "");
	return 0;
}

/* The first line of @path, at most 64 hex digits and an end of line, into @out. */
static int read_key_line(const char *path, char out[80])
{
	FILE *f = fopen(path, "rb");
	size_t n;
	if (!f) {
		fprintf(stderr, _("campaign: %s: cannot read the key file\n"), path);
		return EXIT_BAD;
	}
	n = fread(out, 1, 79, f);
	fclose(f);
	out[n] = '\0';
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static int key_rotate(args *a)
{
	const char *file = arg_opt(a, "--new-key-file");
	campaign_db *db;
	char key[80];
	int rc;
	if (!file || !*file)
		return usage_error("`campaign key rotate` needs --new-key-file FILE%s", "");
	if ((rc = read_key_line(file, key)) || (rc = open_writable(a, &db)))
		return rc;
	rc = campaign_key_rotate(db, a->actor, key);
	memset(key, 0, sizeof key);
	campaign_close(db);
	if (rc < 0)
		return fail();
	printf(_("rotated: %d values sealed under the new key\n"), rc);
	return 0;
}

const cli_command key_commands[] = {
	CMD("status", "", "whether the key opens the confidential fields; sealed and clear-text values per column",
	    NULL, NULL, key_status),
	CMD("rotate", "", "re-encrypt every confidential field under a new key (the store then needs it)",
	    OPTIONS(OPT("--new-key-file", 0, "FILE", "the new key: 64 hex digits on the first line")), NULL, key_rotate),
	CMD_END,
};
