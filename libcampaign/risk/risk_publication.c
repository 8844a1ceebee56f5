/* The publication (公示) of a unit's risk points: draft → approved →
 * published, a snapshot in the columns of practice, without any
 * confidential field (risk_point_confidential is never read here). */
#include <stdio.h>
#include <string.h>
#include "risk/risk.h"

static const char SQL_OPEN_PUB[] =
	"SELECT id, status FROM risk_publication WHERE unit = ?1 AND status IN ('draft', 'approved') "
	"ORDER BY drafted_on DESC, id DESC LIMIT 1";
static const char SQL_UNGRADED[] =
	"SELECT count(*), min(CASE WHEN assessment IS NULL THEN id END), sum(assessment IS NULL) FROM risk_point "
	"WHERE unit = ?1 AND status = 'active'";
#define DRAFT_FAILED "cannot draft the publication"
static const char SQL_PUB_INSERT[] =
	"INSERT INTO risk_publication (id, campaign, unit, status, drafted_by, drafted_on) VALUES (?1, ?2, ?3, 'draft', ?4, ?5)";
static const char SQL_PUB_REDRAFT[] = "UPDATE risk_publication SET drafted_by = ?2, drafted_on = ?3 WHERE id = ?1";
static const char SQL_ITEMS_CLEAR[] = "DELETE FROM risk_publication_item WHERE publication = ?1";
static const char SQL_ITEMS_SNAPSHOT[] =
	"INSERT INTO risk_publication_item (publication, no, point, unit_name, type_name, point_name, manifestations, "
	"grade_label, grade_rank, controls, owner, leader) "
	"SELECT ?1, row_number() OVER (ORDER BY g.rank, t.ord, p.id), p.id, u.name, t.name, p.name, p.manifestations, "
	"g.label, g.rank, (SELECT group_concat(c.lbl || ':' || c.measure, ';') FROM (SELECT "
	RISK_LINE_LABEL("k.line") " AS lbl, k.measure FROM risk_control k WHERE k.point = p.id AND k.status <> 'retired' "
	"ORDER BY " RISK_LINE_ORDER("k.line") ", k.id) c), p.owner, p.leader "
	"FROM risk_point p JOIN unit u ON u.rid = p.unit JOIN risk_type t ON t.id = p.type "
	"JOIN risk_assessment a ON a.id = p.assessment JOIN risk_grade g ON g.rid = a.grade "
	"WHERE p.unit = ?2 AND p.status = 'active'";

/* The unit's open publication: *id gets a draft's id ("" for none); an
 * approved one not yet published is a conflict. */
static int open_publication(campaign_db *db, sqlite3_int64 urid, const char *unit, char *id, size_t n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_OPEN_PUB);
	char status[16] = "";
	int rc = CAMPAIGN_OK;
	*id = '\0';
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, urid);
	if (db_step_row(db, st, "cannot read the publications", &rc)) {
		column_copy(st, 0, id, n);
		column_copy(st, 1, status, sizeof status);
	}
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!strcmp(status, "approved"))
		return error_set(CAMPAIGN_ECONFLICT, "unit \"%s\" has publication \"%s\" approved and not yet published", unit,
		                 id);
	return CAMPAIGN_OK;
}

/* Every active point of the unit must be graded, and there must be one. */
static int check_points(campaign_db *db, sqlite3_int64 urid, const char *unit)
{
	sqlite3_stmt *st = db_stmt(db, SQL_UNGRADED);
	char first[256] = "";
	long long n = 0, ungraded = 0;
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, urid);
	if (db_step_row(db, st, "cannot read the register", &rc)) {
		n = sqlite3_column_int64(st, 0);
		column_copy(st, 1, first, sizeof first);
		ungraded = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!n)
		return error_set(CAMPAIGN_ECONFLICT, "unit \"%s\" has no active risk point to publish", unit);
	if (ungraded)
		return error_set(CAMPAIGN_ECONFLICT, "unit \"%s\" has %lld ungraded risk points (first \"%s\"): grade them "
		                 "before drafting the publication", unit, ungraded, first);
	return CAMPAIGN_OK;
}

static int draft(campaign_db *db, sqlite3_int64 crid, const char *unit, const char *date, const char *actor,
                 char *id, size_t n)
{
	sqlite3_int64 urid;
	int rc, fresh;
	if ((rc = db_object_rid(db, "unit", crid, unit, &urid)) ||
	    (rc = access_check(db, actor, ACCESS_UNIT, urid, "risk.publication.draft")) ||
	    (rc = open_publication(db, urid, unit, id, n)) || (rc = check_points(db, urid, unit)))
		return rc;
	if ((fresh = !*id))
		db_new_id(id);
	rc = fresh ? stmt_run(NULL, db, SQL_PUB_INSERT, DRAFT_FAILED, "tIItt", id, crid, urid, actor, date)
	           : stmt_run(NULL, db, SQL_PUB_REDRAFT, DRAFT_FAILED, "ttt", id, actor, date);
	if (rc || (rc = stmt_run(NULL, db, SQL_ITEMS_CLEAR, DRAFT_FAILED, "t", id)))
		return rc;
	return stmt_run(NULL, db, SQL_ITEMS_SNAPSHOT, DRAFT_FAILED, "tI", id, urid);
}

/* A step of a publication: its draft (@from NULL, @key the unit), or a move
 * on from status @from (@key the publication). */
typedef struct pub_args {
	const char *key, *from, *date;
	char id[128]; /* the draft's id */
} pub_args;

static int pub_check(void *ctx)
{
	const pub_args *a = ctx;
	int rc = need(a->key, a->from ? "the publication" : "the unit");
	return rc ? rc : need_date(a->date, a->from ? "the date" : "the date drafted");
}

/* A refusal names the unit; the entry, the publication. */
static int draft_body(write_op *op, void *ctx)
{
	pub_args *a = ctx;
	int rc = draft(op->db, op->crid, a->key, a->date, op->actor, a->id, sizeof a->id);
	if (rc)
		return rc;
	op->object = a->id;
	return write_result(op, a->id);
}

int campaign_risk_publication_add(campaign_buf **out_id, campaign_db *db, const char *campaign, const char *unit,
                                  const char *date, const char *actor)
{
	pub_args a = {unit, NULL, date, ""};
	write_op op = {.name = "risk.publication.draft", .actor = actor, .campaign = campaign, .object = unit,
	               .detail = unit, .access = WRITE_ANY, .check = pub_check, .body = draft_body};
	return db_write(db, &op, &a, out_id);
}

static const char SQL_PUB_GET[] =
	"SELECT status, coalesce(approved_on, drafted_on) FROM risk_publication WHERE id = ?1 AND campaign = ?2";
static const char SQL_PUB_APPROVE[] =
	"UPDATE risk_publication SET status = 'approved', approved_by = ?2, approved_on = ?3 WHERE id = ?1";
static const char SQL_PUB_PUBLISH[] =
	"UPDATE risk_publication SET status = 'published', published_by = ?2, published_on = ?3 WHERE id = ?1";

/* Moves a publication from @from to the next status. */
static int advance(campaign_db *db, sqlite3_int64 crid, const char *pub, const char *from, const char *date,
                   const char *actor)
{
	sqlite3_stmt *st;
	char status[16], since[16];
	int rc, approve = !strcmp(from, "draft");
	if ((rc = risk_row(db, SQL_PUB_GET, pub, crid, "risk publication", &st)))
		return rc;
	column_copy(st, 0, status, sizeof status);
	column_copy(st, 1, since, sizeof since);
	sqlite3_reset(st);
	if (strcmp(status, from))
		return error_set(CAMPAIGN_ECONFLICT, "publication \"%s\" is %s; only a%s %s one can be %s", pub, status,
		                 approve ? "" : "n", from, approve ? "approved" : "published");
	if (strcmp(date, since) < 0)
		return error_set(CAMPAIGN_ECONFLICT, "publication \"%s\": %s is before it was %s (%s)", pub, date,
		                 approve ? "drafted" : "approved", since);
	if ((rc = access_check(db, actor, ACCESS_PLAN, 0, approve ? "risk.publication.approve" : "risk.publication.publish")))
		return rc;
	return stmt_run(NULL, db, approve ? SQL_PUB_APPROVE : SQL_PUB_PUBLISH, "cannot change the publication", "ttt", pub,
	                actor, date);
}

static int advance_body(write_op *op, void *ctx)
{
	const pub_args *a = ctx;
	return advance(op->db, op->crid, a->key, a->from, a->date, op->actor);
}

static int advance_call(campaign_db *db, const char *campaign, const char *pub, const char *from, const char *date,
                        const char *actor, const char *name)
{
	pub_args a = {pub, from, date, ""};
	write_op op = {.name = name, .actor = actor, .campaign = campaign, .object = pub, .detail = date,
	               .access = WRITE_ANY, .check = pub_check, .body = advance_body};
	return db_write(db, &op, &a, NULL);
}

int campaign_risk_publication_approve(campaign_db *db, const char *campaign, const char *publication,
                                      const char *date, const char *actor)
{
	return advance_call(db, campaign, publication, "draft", date, actor, "risk.publication.approve");
}

int campaign_risk_publication_publish(campaign_db *db, const char *campaign, const char *publication,
                                      const char *date, const char *actor)
{
	return advance_call(db, campaign, publication, "approved", date, actor, "risk.publication.publish");
}

int campaign_risk_publications_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit)
{
	return risk_query(
		out, db, campaign,
		"SELECT pb.id, u.id AS unit, u.name AS unit_name, pb.status, "
		"(SELECT count(*) FROM risk_publication_item i WHERE i.publication = pb.id) AS items, pb.drafted_by, "
		"pb.drafted_on, pb.approved_by, pb.approved_on, pb.published_by, pb.published_on "
		"FROM risk_publication pb JOIN unit u ON u.rid = pb.unit WHERE pb.campaign = ?1 AND "
		UNITS_IN_OPT("pb.unit", "?2") " ORDER BY u.ord, pb.drafted_on, pb.id",
		"ttttitdtdtd", RISK_UNIT, unit);
}

static int publication_exists(campaign_db *db, sqlite3_int64 crid, const char *pub)
{
	sqlite3_stmt *st;
	int rc = risk_row(db, SQL_PUB_GET, pub, crid, "risk publication", &st);
	sqlite3_reset(st);
	return rc;
}

#define ITEM_COLUMNS                                                                                              \
	"SELECT i.no, i.unit_name, i.type_name, i.point_name, i.manifestations, i.grade_label, i.controls, i.owner, "  \
	"i.leader, pb.id AS publication, pb.status, i.point "
#define ITEM_TYPES "ittttttttttt"

int campaign_risk_publication_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                    const char *publication, const char *unit)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	int rc;
	if (publication) {
		rc = query_begin(out, &c, db, campaign,
		                 ITEM_COLUMNS "FROM risk_publication pb JOIN risk_publication_item i ON i.publication = pb.id "
		                 "WHERE pb.campaign = ?1 AND pb.id = ?2 ORDER BY i.no",
		                 ITEM_TYPES, &crid);
		if (!rc && !(rc = publication_exists(db, crid, publication)))
			bind_copy(cursor_stmt(c), 2, publication, -1);
		return query_done(out, c, rc);
	}
	return risk_query(out, db, campaign,
	                  ITEM_COLUMNS "FROM risk_publication pb JOIN unit u ON u.rid = pb.unit "
	                  "JOIN risk_publication_item i ON i.publication = pb.id "
	                  "WHERE pb.campaign = ?1 AND " UNITS_IN_OPT("pb.unit", "?2") " AND pb.id = (SELECT x.id FROM risk_publication x "
	                  "WHERE x.unit = pb.unit AND x.status = 'published' ORDER BY x.published_on DESC, x.id DESC LIMIT 1) "
	                  "ORDER BY u.ord, i.no",
	                  ITEM_TYPES, RISK_UNIT, unit);
}
