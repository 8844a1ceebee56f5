/* `campaign site` and `campaign sync`: this store's site, its peers, and the
 * bundles that travel between them (libcampaign's campaign/sync.h). */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* Opens the store for writing with the host's keys (the global --signing-key-file, else
 * $CAMPAIGN_SIGNING_KEY_FILE: the one key that signs both the chain heads and the bundles);
 * `site init` may create it (a new site's first step, before any plan comes). */
static int open_signing(args *a, campaign_db **db, int create)
{
	return open_store(a, db, create ? 0 : CAMPAIGN_OPEN_NOCREATE);
}

/* site init CODE --name N [--parent P] [--unit U] (with --signing-key-file); site add-peer CODE --name N --pubkey FILE */
static int site_write(args *a)
{
	int peer = !strcmp(a->pos[0], "add-peer");
	campaign_site_options o = CAMPAIGN_SITE_OPTIONS_INIT;
	campaign_db *db;
	char *pub = NULL;
	int rc;
	o.code = first_arg(a);
	o.name = arg_opt(a, "--name");
	o.parent = arg_opt(a, "--parent");
	o.unit = arg_opt(a, "--unit");
	o.confidential = arg_opt(a, "--confidential");
	if (peer && arg_opt(a, "--pubkey") && !(pub = slurp(arg_opt(a, "--pubkey"))))
		return EXIT_BAD;
	o.public_key = pub;
	if ((rc = open_signing(a, &db, !peer)) == 0)
		rc = written(db, peer ? campaign_site_add_peer(db, &o, a->actor) : campaign_site_init(db, &o, a->actor),
		             peer ? N_("added peer") : N_("site"), o.code);
	free(pub);
	return rc;
}

static int site_list(campaign_cursor **c, campaign_db *db, args *a)
{
	(void)a;
	return campaign_sites_query(c, db);
}

static int sync_status(campaign_cursor **c, campaign_db *db, args *a)
{
	(void)a;
	return campaign_sync_status_query(c, db);
}

static int sync_silent(campaign_cursor **c, campaign_db *db, args *a)
{
	return campaign_sync_silent_query(c, db, arg_opt(a, "--since") ? arg_opt(a, "--since") : today_local());
}

/* sync export --to CODE --output FILE (with --signing-key-file): prints the report (JSON) */
static int sync_export(args *a)
{
	campaign_sync_export_options o = CAMPAIGN_SYNC_EXPORT_OPTIONS_INIT;
	campaign_db *db;
	campaign_buf *r;
	int rc;
	o.to_site = arg_opt(a, "--to");
	o.path = a->output;
	o.resend = arg_opt(a, "--resend") != NULL;
	if (!o.to_site || !o.path)
		return usage_error("sync export needs --to CODE and --output FILE%s", "");
	if ((rc = open_signing(a, &db, 0)) != 0)
		return rc;
	rc = campaign_sync_export(&r, db, &o, a->actor) ? fail() : print_buf(r);
	campaign_close(db);
	return rc;
}

/* sync apply FILE: prints the report (JSON), or why the bundle was refused (exit 1) */
static int sync_apply(args *a)
{
	campaign_db *db;
	campaign_buf *r;
	int rc = open_writable(a, &db);
	if (rc)
		return rc;
	rc = campaign_sync_apply(&r, db, first_arg(a), a->actor) ? fail() : print_buf(r);
	campaign_close(db);
	return rc;
}

/* sync witness CODE [--output FILE]: the chain head received from a site, a witness for its `verify` */
static int sync_witness(args *a)
{
	campaign_db *db;
	campaign_buf *w;
	int rc = open_existing(a, &db);
	if (rc)
		return rc;
	if (campaign_sync_witness(&w, db, first_arg(a)))
		rc = fail();
	else if (a->output) {
		FILE *f = fopen(a->output, "wb");
		int ok = f && fputs(campaign_buf_data(w), f) >= 0;
		if (f && fclose(f))
			ok = 0;
		if (!ok)
			fprintf(stderr, _("campaign: cannot write %s\n"), a->output);
		rc = ok ? 0 : EXIT_BAD;
		campaign_buf_free(w);
	} else
		rc = print_buf(w);
	campaign_close(db);
	return rc;
}

const cli_command site_commands[] = {
	CMD("init", "CODE", "make this store the site CODE (6 digits), once",
	    OPTIONS(OPT("--name", 0, "NAME", "the site's name (乐山市)"), OPT("--parent", 0, "CODE", "the parent site"),
	            OPT("--unit", 0, "UNIT", "the unit it is in the plan received from above"),
	            OPT("--confidential", 0, "C", "none (default) or encrypted: whether *_confidential rows travel")),
	    NULL, site_write),
	CMD("add-peer", "CODE", "record a peer site and its public key",
	    OPTIONS(OPT("--name", 0, "NAME", "the site's name"), OPT("--parent", 0, "CODE", "its parent site"),
	            OPT("--unit", 0, "UNIT", "its unit in the plan"),
	            OPT("--pubkey", 0, "FILE", "its public key (PEM, from `campaign keygen`)")),
	    NULL, site_write),
	LIST("list", "", "this site and its peers", OPTIONS(O_FORMAT), site_list),
	CMD_END,
};

const cli_command sync_commands[] = {
	CMD("export", "", "write a bundle of what a peer has not received",
	    OPTIONS(OPT("--to", 0, "CODE", "the peer site"), OPT("--output", 'o', "FILE", "the bundle file"),
	            FLAG("--resend", 0, "everything the peer has not acknowledged")),
	    NULL, sync_export),
	CMD("apply", "FILE", "check a bundle and apply it, all or nothing", NULL, NULL, sync_apply),
	LIST("status", "", "per peer: last sequence sent, acknowledged, received", OPTIONS(O_FORMAT), sync_status),
	LIST("silent", "", "the sites below that have not reported since a date",
	     OPTIONS(OPT("--since", 0, "D", "the date (default: today)"), O_FORMAT), sync_silent),
	CMD("witness", "CODE", "the chain head received from site CODE: a witness for `verify` there",
	    OPTIONS(OPT("--output", 'o', "FILE", "write to FILE, not stdout")), NULL, sync_witness),
	CMD_END,
};
