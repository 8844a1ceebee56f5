/* A plan imported straight from its document: the draft's YAML through the
 * plan import, or (a dry run) through a scratch store, writing nothing. */
#include <string.h>
#include "document/document.h"

/* The draft's campaign in @db already: ECONFLICT unless replacing. */
static int conflict(campaign_db *db, campaign_db *scratch, const char *name, int replace)
{
	campaign_cursor *mine, *theirs;
	int rc;
	if ((rc = campaign_campaigns_query(&mine, scratch)))
		return rc;
	if (campaign_cursor_next(mine) != CAMPAIGN_OK || (rc = campaign_campaigns_query(&theirs, db))) {
		campaign_cursor_free(mine);
		return rc ? rc : error_set(CAMPAIGN_EINVALID, "%s: the draft has no campaign", name);
	}
	while (!rc && campaign_cursor_next(theirs) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(theirs, "id"), campaign_cursor_get(mine, "id")) && !replace)
			rc = error_set(CAMPAIGN_ECONFLICT, "%s: campaign \"%s\" is already in the store (import with replace to "
			               "overwrite it)", name, campaign_cursor_get(mine, "id"));
	campaign_cursor_free(theirs);
	campaign_cursor_free(mine);
	return rc;
}

/* Every check of the plan import, in a store in memory that is then dropped. */
static int dry_import(campaign_db *db, const char *yaml, const char *name, const char *actor, int replace)
{
	campaign_db *scratch;
	char msg[2048], file[600], prefix[700];
	int rc, line, col;
	if ((rc = campaign_open(&scratch, ":memory:", 0)))
		return rc;
	if (!(rc = campaign_plan_import_string(scratch, yaml, name, actor, NULL)))
		rc = conflict(db, scratch, name, replace);
	/* the error outlives the scratch store's close, with its position */
	snprintf(msg, sizeof msg, "%s", campaign_error_message());
	snprintf(file, sizeof file, "%s", campaign_error_file() ? campaign_error_file() : "");
	line = campaign_error_line(), col = campaign_error_column();
	campaign_close(scratch);
	if (!rc)
		return CAMPAIGN_OK;
	error_cell_prefix(prefix, sizeof prefix, file, NULL, line, col);
	if (line && !strncmp(msg, prefix, strlen(prefix)))
		return error_set_at(rc, file, line, col, "%s", msg + strlen(prefix));
	return error_set(rc, "%s", msg);
}

int campaign_plan_import_document(campaign_buf **out, campaign_db *db, const char *path, const char *actor,
                                  const campaign_document_options *opts, int replace, int dry_run)
{
	campaign_import_options io = CAMPAIGN_IMPORT_OPTIONS_INIT;
	campaign_buf *yaml = NULL, *report = NULL;
	char name[600];
	int rc;
	if ((rc = db_check(db)))
		return rc;
	if ((rc = campaign_plan_from_document(&yaml, &report, path, opts)))
		return rc;
	snprintf(name, sizeof name, "%s (draft)", path);
	io.replace = replace;
	rc = dry_run ? dry_import(db, campaign_buf_data(yaml), name, actor, replace)
	             : campaign_plan_import_string(db, campaign_buf_data(yaml), name, actor, &io);
	campaign_buf_free(yaml);
	if (rc || !out)
		campaign_buf_free(report);
	else
		*out = report;
	return rc;
}
