/* Case leads (案件线索): from a finding or a citizen report, referred (移送)
 * to a discipline, supervision or procuratorate body, followed to an outcome.
 * What a lead says and who reported it live in case_lead_confidential and
 * are read only by campaign_case_lead_confidential_query(), which is logged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inspection/inspection.h"

static const char *const BODY_KINDS[] = {"discipline", "supervision", "procuratorate", NULL};
static const char *const OUTCOMES[] = {"filed", "not_filed", "sanctioned", "prosecuted", "cleared", "other", NULL};

/* ---- creating ---- */

static const char SQL_FINDING_UNIT[] = "SELECT unit FROM finding WHERE campaign = ?1 AND id = ?2";
static const char SQL_LEAD_EXISTS[] = "SELECT 1 FROM case_lead WHERE id = ?1";
static const char SQL_LEAD_INSERT[] =
	"INSERT INTO case_lead (id, campaign, source, finding, unit, received_on, recorded_by, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
#define LEAD_SECRET "case_lead_confidential"
static const char SQL_SECRET_INSERT[] =
	"INSERT INTO case_lead_confidential (lead, details, reporter, reporter_contact) VALUES (?1, "
	SEAL(LEAD_SECRET, "details", "?1", "?2") ", " SEAL(LEAD_SECRET, "reporter", "?1", "?3") ", "
	SEAL(LEAD_SECRET, "reporter_contact", "?1", "?4") ")";

typedef struct lead_in {
	const char *id, *finding, *unit, *received_on, *details, *reporter, *contact;
} lead_in;

/* The unit concerned: the finding's, or the one named. */
static int lead_unit(stmts *c, sqlite3_int64 crid, const lead_in *l, sqlite3_int64 *unit)
{
	int rc, found;
	*unit = 0;
	if (l->finding) {
		if ((rc = lookup_rid(c, SQL_FINDING_UNIT, crid, l->finding, unit, &found)))
			return rc;
		if (!found)
			return error_set(CAMPAIGN_ENOTFOUND, "no finding with id \"%s\"", l->finding);
		return CAMPAIGN_OK;
	}
	return l->unit && *l->unit ? db_object_rid(c->db, "unit", crid, l->unit, unit) : CAMPAIGN_OK;
}

static int lead_insert(stmts *c, sqlite3_int64 crid, const lead_in *l, const char *actor, char id[72])
{
	sqlite3_int64 unit;
	char now[21];
	int rc;
	if ((rc = crypt_ready(c->db, 1)) || (rc = lead_unit(c, crid, l, &unit)))
		return rc;
	if ((rc = insp_new_id(c, SQL_LEAD_EXISTS, "case lead", l->id, id, 72)))
		return rc;
	db_now(now);
	if ((rc = stmt_run(c, c->db, SQL_LEAD_INSERT, "cannot record the case lead", "tItorttt", id, crid,
	                   l->finding ? "finding" : "citizen_report", l->finding, unit, l->received_on, actor, now)))
		return rc;
	return stmt_run(c, c->db, SQL_SECRET_INSERT, "cannot record the case lead", "ttoo", id, l->details,
	                l->reporter, l->contact);
}

static lead_in lead_of(const campaign_case_lead_add_options *o)
{
	return (lead_in){o->id,      o->finding && *o->finding ? o->finding : NULL, o->unit, o->received_on,
	                 o->details, o->reporter, o->reporter_contact};
}

static int create_check(void *ctx)
{
	lead_in in = lead_of(ctx), *l = &in;
	int rc;
	if ((rc = need_date(l->received_on, "received_on")) || (rc = need(l->details, "details")))
		return rc;
	if (l->id && (!*l->id || strlen(l->id) > 64))
		return error_set(CAMPAIGN_EINVALID, "case lead id \"%s\" must be 1 to 64 bytes", l->id);
	return CAMPAIGN_OK;
}

static int create_body(write_op *op, void *ctx)
{
	const lead_in in = lead_of(ctx), *l = &in;
	int rc = lead_insert(&op->st, op->crid, l, op->actor, op->id);
	if (rc)
		return rc;
	/* the log names the lead and its source, never what it says */
	op->object = op->id;
	op->detail = l->finding ? "finding" : "citizen_report";
	return write_result(op, op->id);
}

/* the audit log keeps the operation's name, "case_lead.create" */
static const write_text CASE_LEAD_ADD_TEXTS[] = WRITE_TEXTS(campaign_case_lead_add_options);

OPTIONS_ADD_FN(case_lead_add, CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION, id, version,
               .texts = CASE_LEAD_ADD_TEXTS, .name = "case_lead.create", .access = ACCESS_PLAN, .check = create_check, .body = create_body)

/* ---- referral and outcome ---- */

static const char SQL_LEAD_STATE[] =
	"SELECT received_on, referred_on, outcome_on FROM case_lead WHERE campaign = ?1 AND id = ?2";

typedef struct lead_state {
	char received_on[11], referred_on[11], outcome_on[11];
} lead_state;

static int lead_state_get(stmts *c, sqlite3_int64 crid, const char *lead, lead_state *s)
{
	int rc = row_copy(c, SQL_LEAD_STATE, crid, lead, "case lead", "ttt", s->received_on, sizeof s->received_on,
	                  s->referred_on, sizeof s->referred_on, s->outcome_on, sizeof s->outcome_on);
	if (rc)
		return rc;
	if (*s->outcome_on)
		return error_set(CAMPAIGN_ECONFLICT, "case lead \"%s\" was resolved on %s", lead, s->outcome_on);
	return CAMPAIGN_OK;
}

static const char SQL_REFER[] =
	"UPDATE case_lead SET body_kind = ?2, body = ?3, referred_on = ?4, referral_ref = ?5 WHERE id = ?1";

static int refer_check(void *ctx)
{
	const campaign_case_lead_refer_options *a = ctx;
	int rc;
	if ((rc = one_of(a->body_kind, BODY_KINDS, "body_kind", "discipline, supervision, procuratorate")) ||
	    (rc = need(a->body, "body")))
		return rc;
	return need_date(a->date, "date");
}

static int refer_body(write_op *op, void *ctx)
{
	const campaign_case_lead_refer_options *a = ctx;
	lead_state s;
	int rc;
	if ((rc = lead_state_get(&op->st, op->crid, a->lead, &s)))
		return rc;
	if (*s.referred_on)
		return error_set(CAMPAIGN_ECONFLICT, "case lead \"%s\" was referred on %s", a->lead, s.referred_on);
	if (strcmp(a->date, s.received_on) < 0)
		return error_set(CAMPAIGN_EINVALID, "referral date %s is before the lead was received (%s)", a->date,
		                 s.received_on);
	return stmt_run(&op->st, op->db, SQL_REFER, "cannot record the referral", "tttto", a->lead, a->body_kind, a->body,
	                a->date, a->reference);
}

OPTIONS_WRITE_FN(case_lead_refer, CAMPAIGN_CASE_LEAD_REFER_OPTIONS_VERSION, lead, body_kind,
                 .name = "case_lead.refer", .object_needed = "lead",
                 .access = ACCESS_PLAN, .check = refer_check, .body = refer_body)

static const char SQL_RESOLVE[] = "UPDATE case_lead SET outcome = ?2, outcome_on = ?3 WHERE id = ?1";
static const char SQL_RESOLVE_NOTE[] =
	"UPDATE case_lead_confidential SET outcome_note = " SEAL(LEAD_SECRET, "outcome_note", "?1", "?2") " WHERE lead = ?1";

static int resolve_check(void *ctx)
{
	const campaign_case_lead_resolve_options *a = ctx;
	int rc = one_of(a->outcome, OUTCOMES, "outcome", "filed, not_filed, sanctioned, prosecuted, cleared, other");
	return rc ? rc : need_date(a->date, "date");
}

static int resolve_body(write_op *op, void *ctx)
{
	const campaign_case_lead_resolve_options *a = ctx;
	lead_state s;
	int rc;
	if ((a->note && *a->note && (rc = crypt_ready(op->db, 1))) || (rc = lead_state_get(&op->st, op->crid, a->lead, &s)))
		return rc;
	if (strcmp(a->date, *s.referred_on ? s.referred_on : s.received_on) < 0)
		return error_set(CAMPAIGN_EINVALID, "outcome date %s is before the lead was %s (%s)", a->date,
		                 *s.referred_on ? "referred" : "received", *s.referred_on ? s.referred_on : s.received_on);
	if ((rc = stmt_run(&op->st, op->db, SQL_RESOLVE, "cannot record the outcome", "ttt", a->lead, a->outcome,
	                   a->date)) ||
	    !a->note || !*a->note)
		return rc;
	return stmt_run(&op->st, op->db, SQL_RESOLVE_NOTE, "cannot record the outcome", "tt", a->lead, a->note);
}

static const write_text CASE_LEAD_RESOLVE_TEXTS[] = WRITE_TEXTS(campaign_case_lead_resolve_options);

OPTIONS_WRITE_FN(case_lead_resolve, CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_VERSION, lead, outcome,
                 .texts = CASE_LEAD_RESOLVE_TEXTS, .name = "case_lead.resolve", .object_needed = "lead",
                 .access = ACCESS_PLAN, .check = resolve_check, .body = resolve_body)

/* ---- queries ---- */

/* The public columns of a lead (alias l), never a confidential one. */
#define LEAD_COLUMNS                                                                                               \
	"l.id, l.source, l.finding, u.id AS unit, u.name AS unit_name, l.received_on, "                                \
	"CASE WHEN l.outcome_on IS NOT NULL THEN 'resolved' WHEN l.referred_on IS NOT NULL THEN 'referred' ELSE 'open' " \
	"END AS status, l.body_kind, CASE l.body_kind WHEN 'discipline' THEN '纪检' WHEN 'supervision' THEN '监察' "     \
	"WHEN 'procuratorate' THEN '检察' END AS body_kind_label, l.body, l.referred_on, l.referral_ref, l.outcome, "    \
	"CASE l.outcome WHEN 'filed' THEN '立案查处' WHEN 'not_filed' THEN '不予立案' WHEN 'sanctioned' THEN '给予处分' " \
	"WHEN 'prosecuted' THEN '移送司法' WHEN 'cleared' THEN '澄清了结' WHEN 'other' THEN '其他' END AS outcome_label, " \
	"l.outcome_on"
#define LEAD_TYPES "tttttdttttdtttd"

int campaign_case_leads_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit)
{
	return query_run(out, db, campaign,
	                 "SELECT " LEAD_COLUMNS " FROM case_lead l LEFT JOIN unit u ON u.rid = l.unit "
	                 "WHERE l.campaign = ?1 AND " UNITS_IN_OPT("u.rid", "?2") " ORDER BY l.received_on, l.id",
	                 LEAD_TYPES, "u", unit);
}

static const char SQL_LEAD_IN_CAMPAIGN[] = "SELECT 1 FROM case_lead WHERE campaign = ?1 AND id = ?2";

int campaign_case_lead_confidential_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                          const char *lead, const char *actor)
{
	campaign_cursor *c = NULL;
	stmts s = {db, 0, {{0}}};
	sqlite3_int64 crid, one;
	int rc, found = 1;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	if ((rc = db_check_write(db, actor)) || (rc = db_campaign_rid(db, campaign, &crid)))
		return rc == CAMPAIGN_EPERM ? error_set(rc, "confidential records are read only on a writable store, "
		                                            "which can log the read")
		                            : rc;
	if (lead && (rc = lookup_rid(&s, SQL_LEAD_IN_CAMPAIGN, crid, lead, &one, &found)) == CAMPAIGN_OK && !found)
		rc = error_set(CAMPAIGN_ENOTFOUND, "no case lead with id \"%s\"", lead);
	stmts_free(&s);
	if (rc || (rc = access_guard(db, actor, ACCESS_CONFIDENTIAL, 0, "case_lead.read_confidential", campaign, lead)) ||
	    (rc = crypt_ready(db, 0)))
		return rc;
	/* the read is logged before anything is read */
	if ((rc = db_log(db, actor, "case_lead.read_confidential", campaign, lead, lead ? NULL : "all")) ||
	    (rc = query_begin(out, &c, db, campaign,
	                      "SELECT " LEAD_COLUMNS ", " UNSEAL(LEAD_SECRET, "details", "k.lead", "k.details") " AS details, "
	                      UNSEAL(LEAD_SECRET, "reporter", "k.lead", "k.reporter") " AS reporter, "
	                      UNSEAL(LEAD_SECRET, "reporter_contact", "k.lead", "k.reporter_contact") " AS reporter_contact, "
	                      UNSEAL(LEAD_SECRET, "outcome_note", "k.lead", "k.outcome_note") " AS outcome_note "
	                      "FROM case_lead l JOIN case_lead_confidential k ON k.lead = l.id "
	                      "LEFT JOIN unit u ON u.rid = l.unit "
	                      "WHERE l.campaign = ?1 AND (?2 IS NULL OR l.id = ?2) ORDER BY l.received_on, l.id",
	                      LEAD_TYPES "tttt", &crid)))
		return query_done(out, c, rc);
	bind_opt(cursor_stmt(c), 2, lead);
	return query_done(out, c, CAMPAIGN_OK);
}

/* ---- typical cases for public release (典型案件集中公布) ---- */

OPTIONS_INIT_FN(typical_cases, CAMPAIGN_TYPICAL_CASES_OPTIONS_VERSION)

/* Resolved leads that came from a finding: only public fields, the names of
 * the finding's people masked wherever they stand (core/mask.c). */
static const char SQL_TYPICAL[] =
	"SELECT " LEAD_COLUMNS ", g.text AS category, f.found_on, mask_names(f.description, f.people) AS found, "
	"mask_names(f.people, f.people) AS people FROM case_lead l JOIN finding f ON f.id = l.finding "
	"LEFT JOIN violation_category g ON g.rid = f.category LEFT JOIN unit u ON u.rid = l.unit "
	"WHERE l.campaign = ?1 AND l.outcome_on IS NOT NULL AND " UNITS_IN_OPT("u.rid", "?2") " "
	"AND (?3 IS NULL OR l.outcome_on >= ?3) AND (?4 IS NULL OR l.outcome_on <= ?4) ORDER BY l.outcome_on, l.id";

int campaign_typical_cases_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                 const campaign_typical_cases_options *opts, const char *actor)
{
	static const campaign_typical_cases_options none = CAMPAIGN_TYPICAL_CASES_OPTIONS_INIT;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	*out = NULL;
	if (!opts)
		opts = &none;
	if ((rc = options_check(opts, CAMPAIGN_TYPICAL_CASES_OPTIONS_VERSION, "campaign_typical_cases_options")) ||
	    (opts->from && (rc = need_date(opts->from, "from"))) || (opts->to && (rc = need_date(opts->to, "to"))))
		return rc;
	if ((rc = db_check_write(db, actor)))
		return rc == CAMPAIGN_EPERM ? error_set(rc, "a release is logged, which a read-only store cannot do") : rc;
	/* the release is logged before anything is read, as a publication is */
	if ((rc = query_run(out, db, campaign, SQL_TYPICAL, LEAD_TYPES "tdtt", "utt", opts->unit, opts->from, opts->to)) ||
	    (rc = db_log(db, actor, "case_lead.typical_release", campaign, NULL, opts->unit))) {
		campaign_cursor_free(*out);
		*out = NULL;
	}
	return rc;
}
