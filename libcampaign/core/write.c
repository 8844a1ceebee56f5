/* The one write envelope (see core.h): every public write of every domain
 * runs through db_write(), so that a feature added here -- a check, a log,
 * a changeset, an encrypted field -- reaches every write at once. */
#include <stdlib.h>
#include <string.h>
#include "core/core.h"

/* The transaction's part: BEGIN, campaign, bulk mode, body, call entry, COMMIT. */
static int write_run(campaign_db *db, write_op *op, void *ctx)
{
	sync_capture cap = {0};
	int rc = db_begin(db);
	if (rc)
		return rc;
	/* a site records the transaction's changes for its peers (sync/) */
	if (!(op->flags & WRITE_NO_CAPTURE))
		rc = sync_capture_begin(db, &cap);
	if (!rc && !(op->flags & WRITE_NO_CAMPAIGN))
		rc = db_campaign_rid(db, op->campaign, &op->crid);
	if (!rc && (op->flags & WRITE_BULK))
		rc = db_bulk_begin(db);
	if (!rc)
		rc = op->body(op, ctx);
	if (!rc && !(op->flags & WRITE_OWN_LOG))
		rc = db_log(db, op->actor, op->name, op->campaign, op->object, op->detail);
	stmts_free(&op->st);
	if (!rc)
		rc = sync_capture_end(db, &cap);
	sync_capture_free(&cap);
	if (!rc)
		rc = db_commit(db);
	if (rc)
		db_rollback(db);
	return rc;
}

int text_check(const char *field, const char *s)
{
	size_t n = s ? strlen(s) : 0, bad;
	if (s && (bad = utf8_invalid_offset(s, n)) < n)
		return error_set(CAMPAIGN_EINVALID, "%s is not valid UTF-8 (byte %zu)", field, bad);
	return CAMPAIGN_OK;
}

/* The door for text: every text input the write declares, before it is used. */
static int texts_check(const write_op *op)
{
	const char *base = op->text_of;
	int rc;
	if ((rc = text_check("actor", op->actor)) || (rc = text_check("campaign", op->campaign)))
		return rc;
	for (const write_text *t = op->texts; base && t && t->field; t++)
		if ((rc = text_check(t->field, *(const char *const *)(const void *)(base + t->at))))
			return rc;
	for (const char *const *a = op->text_args; a && a[0]; a += 2)
		if ((rc = text_check(a[0], a[1])))
			return rc;
	return CAMPAIGN_OK;
}

int db_write(campaign_db *db, write_op *op, void *ctx, struct campaign_buf **out)
{
	int rc;
	op->db = db;
	op->st.db = db;
	op->st.n = 0;
	op->result = NULL;
	op->crid = 0;
	if ((rc = db_check_write(db, op->actor)) ||
	    (op->options_name && (rc = options_check(ctx, op->options, op->options_name))) ||
	    (rc = texts_check(op)) ||
	    (op->object_needed && (rc = need(op->object, op->object_needed))) ||
	    (op->detail_date && (rc = need_date(op->detail, op->detail_date))) ||
	    (op->check && (rc = op->check(ctx))))
		return rc;
	if (op->access != WRITE_ANY &&
	    (rc = access_guard(db, op->actor, (access_action)op->access, op->unit, op->name, op->campaign, op->object)))
		return rc;
	if (op->prepare && (rc = op->prepare(op, ctx)))
		return rc;
	if ((rc = write_run(db, op, ctx))) {
		campaign_buf_free(op->result);
		op->result = NULL;
		/* a refusal met inside the body leaves its trace once the transaction is gone */
		return rc == CAMPAIGN_EPERM && !db->readonly && !(op->flags & WRITE_NOT_DENIED)
		               ? access_denied(db, op->actor, op->name, op->campaign, op->object)
		               : rc;
	}
	if (out)
		*out = op->result;
	else
		campaign_buf_free(op->result);
	op->result = NULL;
	error_ok();
	return CAMPAIGN_OK;
}

int write_result(write_op *op, const char *s)
{
	campaign_buf_free(op->result);
	op->result = NULL;
	return id_buf(&op->result, s);
}

/* A logged read's transaction holds nothing but its call entry. */
static int no_body(write_op *op, void *ctx)
{
	(void)op;
	(void)ctx;
	return CAMPAIGN_OK;
}

int db_log_read(campaign_db *db, const char *actor, const char *operation, const char *campaign, const char *object,
                const char *detail)
{
	write_op op = {.name = operation, .actor = actor, .campaign = campaign, .object = object, .detail = detail,
	               .access = WRITE_ANY, .flags = WRITE_NO_CAMPAIGN | WRITE_NOT_DENIED, .body = no_body};
	/* not denied: this also writes a refusal's own entry, which must not recurse */
	return db_write(db, &op, NULL, NULL);
}
