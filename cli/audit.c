/* `campaign log`, `verify`, `checkpoint` and `keygen`: the audit trail. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* Reads a whole text file; NULL (with a message printed) on failure. */
char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n;
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) || !(data = malloc((size_t)n + 1)) ||
	    fread(data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, _("campaign: %s: cannot read the file\n"), path);
		free(data);
		data = NULL;
	} else {
		data[n] = '\0';
	}
	if (f)
		fclose(f);
	return data;
}

static int write_out(const char *path, campaign_buf *b)
{
	FILE *f = path ? fopen(path, "wb") : stdout;
	int ok = f && fwrite(campaign_buf_data(b), 1, campaign_buf_size(b), f) == campaign_buf_size(b);
	if (path && f)
		ok = fclose(f) == 0 && ok;
	if (!ok)
		fprintf(stderr, _("campaign: %s: cannot write the file\n"), path);
	return ok ? 0 : EXIT_BAD;
}

/* The log as the actor may read it (a refusal is logged: the store opens for writing). */
static int audit_log(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_audit_read(c, db, a->actor, a->object, a->actor_filter, a->from, a->to);
}

int cmd_log(args *a)
{
	return list_logged(a, audit_log);
}

/* The witnesses: --checkpoint, --witness and every argument, one text. */
static char *witnesses(args *a, const char *cp_path)
{
	const char *w = arg_opt(a, "--witness");
	size_t n = 0;
	char *all = calloc(1, 1);
	for (int i = -2; all && i < a->nargs; i++) {
		const char *path = i == -2 ? cp_path : i == -1 ? w : arg_at(a, i);
		char *t = path ? slurp(path) : NULL, *grown;
		if (path && !t) {
			free(all);
			return NULL;
		}
		if (t && (grown = realloc(all, n + strlen(t) + 2))) {
			all = grown;
			n += (size_t)sprintf(all + n, "%s\n", t);
		} else if (t) {
			free(all), all = NULL;
		}
		free(t);
	}
	return all;
}

int cmd_verify(args *a)
{
	const char *cp_path = arg_opt(a, "--checkpoint"), *pub_path = arg_opt(a, "--pubkey");
	char *cp = NULL, *pub = NULL;
	campaign_db *db;
	campaign_cursor *c;
	int rc, problems = 0;
	if (cp_path && !pub_path)
		return usage_error("give --checkpoint FILE and --pubkey FILE together%s", "");
	if (!(cp = witnesses(a, cp_path)) || (pub_path && !(pub = slurp(pub_path)))) {
		free(cp);
		return EXIT_BAD;
	}
	if ((rc = open_existing(a, &db)) == 0) {
		if (campaign_audit_verify(&c, db, *cp ? cp : NULL, pub))
			rc = fail();
		else {
			while (campaign_cursor_next(c) == CAMPAIGN_OK) {
				int notice = !strcmp(campaign_cursor_get(c, "severity"), "notice");
				printf(_("%s%s\tentry %s\t%s\n"), notice ? _("notice: ") : "", campaign_cursor_get(c, "problem"),
				       campaign_cursor_get(c, "seq"), cli_error_text(campaign_cursor_get(c, "message")));
				problems += !notice;
			}
			campaign_cursor_free(c);
			if (problems)
				rc = EXIT_BAD;
			else
				printf(_("verified: the chain is whole and every row matches the log%s\n"),
				       *cp ? _("; the witnesses hold") : "");
		}
		campaign_close(db);
	}
	free(cp);
	free(pub);
	return rc;
}

int cmd_checkpoint(args *a)
{
	const char *key_path = arg_opt(a, "--key");
	campaign_db *db;
	campaign_buf *b;
	char *key;
	int rc;
	if (!key_path)
		return usage_error("checkpoint needs --key FILE (from `campaign keygen`)%s", "");
	if (!(key = slurp(key_path)))
		return EXIT_BAD;
	if ((rc = open_existing(a, &db)) == 0) {
		if (campaign_audit_checkpoint(&b, db, key)) {
			rc = fail();
		} else {
			rc = write_out(a->output, b);
			campaign_buf_free(b);
		}
		campaign_close(db);
	}
	free(key);
	return rc;
}

int cmd_keygen(args *a)
{
	campaign_buf *key, *pub;
	int rc;
	if (!a->output)
		return usage_error("keygen needs --output FILE for the private key%s", "");
	if (campaign_audit_keygen(&key))
		return fail();
	if (campaign_audit_public_key(&pub, campaign_buf_data(key))) {
		campaign_buf_free(key);
		return fail();
	}
	rc = write_out(a->output, key);
	if (!rc) {
		fputs(campaign_buf_data(pub), stdout); /* the public key, for verifiers */
	}
	campaign_buf_free(key);
	campaign_buf_free(pub);
	return rc;
}
