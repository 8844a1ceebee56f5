package org.campaign;

import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.campaign.jni.campaign_import_options;
import org.campaign.jni.capi;
import org.campaign.jni.campaign_error_code;
import org.campaign.jni.capiConstants;

/**
 * An open store (an SQLite file or ":memory:"). Close it (try-with-resources);
 * closing twice is harmless, and any use after close throws
 * {@link ClosedException}. Queries return {@link Rows} whose columns are those
 * the C API documents ({@code include/campaign/*.h}). A campaign argument may
 * be null: the only campaign in the store.
 */
public final class Store implements AutoCloseable {
    private long handle;
    private final Set<Rows> open = Collections.newSetFromMap(new IdentityHashMap<>());

    Store(String path, long flags) {
        long[] out = new long[1];
        capi.campaign_open(out, path, flags);
        handle = out[0];
    }

    public boolean isClosed() {
        return handle == 0;
    }

    @Override
    public synchronized void close() {
        if (handle != 0) {
            for (Rows r : open.toArray(new Rows[0])) {
                r.close();
            }
            capi.campaign_close(handle);
            handle = 0;
        }
    }

    synchronized void track(Rows r) { open.add(r); }
    synchronized void untrack(Rows r) { open.remove(r); }

    long h() {
        if (handle == 0) {
            throw new ClosedException(campaign_error_code.CAMPAIGN_ECLOSED, "the store is closed", null, 0, 0);
        }
        return handle;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String take(long buf) {
        try {
            return capi.campaign_buf_data(buf);
        } finally {
            capi.campaign_buf_free(buf);
        }
    }

    public int schemaVersion() { return capi.campaign_schema_version(h()); }

    // ---- the plan ----

    private static campaign_import_options options(boolean replace) {
        campaign_import_options o = new campaign_import_options();
        capi.campaign_import_options_init(o, capiConstants.CAMPAIGN_IMPORT_OPTIONS_VERSION);
        o.setReplace(replace ? 1 : 0);
        return o;
    }

    /** Imports a plan file; on any error nothing is written. */
    public void importYaml(String path, String actor) { importYaml(path, actor, false); }

    public void importYaml(String path, String actor, boolean replace) {
        campaign_import_options o = options(replace);
        try {
            capi.campaign_plan_import_yaml(h(), path, actor, o);
        } finally {
            o.delete();
        }
    }

    public void importYamlString(String yaml, String name, String actor, boolean replace) {
        campaign_import_options o = options(replace);
        try {
            capi.campaign_plan_import_yaml_string(h(), yaml, name, actor, o);
        } finally {
            o.delete();
        }
    }

    public String exportYaml(String campaign) {
        long[] out = new long[1];
        capi.campaign_plan_export_yaml(out, h(), campaign);
        return take(out[0]);
    }

    public void exportYamlFile(String campaign, String path) { capi.campaign_plan_export_yaml_file(h(), campaign, path); }

    public void deleteCampaign(String campaign, String actor) { capi.campaign_plan_delete(h(), campaign, actor); }

    private interface Query { int run(long[] out); }

    private Rows rows(Query q) {
        long[] out = new long[1];
        q.run(out);
        return new Rows(this, out[0]);
    }

    public Rows campaigns() { long d = h(); return rows(o -> capi.campaign_campaigns_query(o, d)); }
    public Rows units(String campaign) { long d = h(); return rows(o -> capi.campaign_units_query(o, d, campaign)); }
    public Rows unitGroups(String campaign) { long d = h(); return rows(o -> capi.campaign_unit_groups_query(o, d, campaign)); }
    public Rows groupMembers(String campaign, String group) { long d = h(); return rows(o -> capi.campaign_unit_group_members_query(o, d, campaign, group)); }
    public Rows bodies(String campaign) { long d = h(); return rows(o -> capi.campaign_bodies_query(o, d, campaign)); }
    public Rows bodyMembers(String campaign, String body) { long d = h(); return rows(o -> capi.campaign_body_members_query(o, d, campaign, body)); }
    public Rows phases(String campaign) { long d = h(); return rows(o -> capi.campaign_phases_query(o, d, campaign)); }
    public Rows milestones(String campaign, String phase) { long d = h(); return rows(o -> capi.campaign_milestones_query(o, d, campaign, phase)); }
    public Rows tasks(String campaign, String parent) { long d = h(); return rows(o -> capi.campaign_tasks_query(o, d, campaign, parent)); }
    public Rows measures(String campaign, String task) { long d = h(); return rows(o -> capi.campaign_measures_query(o, d, campaign, task)); }
    public Rows responsibilities(String campaign, String measure) { long d = h(); return rows(o -> capi.campaign_responsibilities_query(o, d, campaign, measure)); }
    public Rows outcomes(String campaign, String task) { long d = h(); return rows(o -> capi.campaign_outcomes_query(o, d, campaign, task)); }
    public Rows changes() { long d = h(); return rows(o -> capi.campaign_changes_query(o, d)); }

    // ---- the responsibility matrix ----

    public Rows unitMatrix(String campaign, String unit) { long d = h(); return rows(o -> capi.campaign_unit_matrix_query(o, d, campaign, unit)); }
    public Rows measureUnits(String campaign, String measure) { long d = h(); return rows(o -> capi.campaign_measure_units_query(o, d, campaign, measure)); }
    public Rows matrix(String campaign) { long d = h(); return rows(o -> capi.campaign_matrix_query(o, d, campaign)); }
    public Rows planWarnings(String campaign) { long d = h(); return rows(o -> capi.campaign_plan_warnings_query(o, d, campaign)); }
    public Rows workload(String campaign, LocalDate from, LocalDate to, LocalDate asOf) {
        long d = h();
        return rows(o -> capi.campaign_workload_query(o, d, campaign, iso(from), iso(to), iso(asOf)));
    }

    // ---- progress ----

    public void reportProgress(String campaign, String outcome, String unit, String status, int percent, LocalDate date,
                               String note, String evidence, String actor) {
        capi.campaign_progress_report(h(), campaign, outcome, unit, status, percent, iso(date), note, evidence, actor);
    }

    public void importProgress(String campaign, String path, String actor) { capi.campaign_progress_import(h(), campaign, path, actor); }
    public void setThresholds(String campaign, int yellowDays, int redDays, String actor) { capi.campaign_thresholds_set(h(), campaign, yellowDays, redDays, actor); }
    public Rows thresholds(String campaign) { long d = h(); return rows(o -> capi.campaign_thresholds_query(o, d, campaign)); }
    public Rows progressHistory(String campaign, String outcome, String unit) { long d = h(); return rows(o -> capi.campaign_progress_history_query(o, d, campaign, outcome, unit)); }
    public Rows shareStatus(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_share_status_query(o, d, campaign, iso(asOf))); }
    public Rows outcomeStatus(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_outcome_status_query(o, d, campaign, iso(asOf))); }
    public Rows phaseStatus(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_phase_status_query(o, d, campaign, iso(asOf))); }
    public Rows supervision(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_supervision_query(o, d, campaign, iso(asOf))); }

    // ---- self-inspection, findings, rectifications, case leads ----

    /** Imports a violation catalogue; returns its version. */
    public int importCatalogue(String campaign, String path, String actor) { return capi.campaign_catalogue_import_yaml(h(), campaign, path, actor); }
    public Rows catalogues(String campaign) { long d = h(); return rows(o -> capi.campaign_catalogues_query(o, d, campaign)); }
    public Rows violationCategories(String campaign, String catalogue, int version) { long d = h(); return rows(o -> capi.campaign_violation_categories_query(o, d, campaign, catalogue, version)); }
    public void createRound(String campaign, String round, String unit, String group, LocalDate first, LocalDate last, String deadline, String actor) {
        capi.campaign_inspection_round_create(h(), campaign, round, unit, group, iso(first), iso(last), deadline, actor);
    }
    public void submitRound(String campaign, String round, LocalDate date, String document, String note, String actor) { capi.campaign_inspection_round_submit(h(), campaign, round, iso(date), document, note, actor); }
    public Rows rounds(String campaign, String series, String unit, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_inspection_rounds_query(o, d, campaign, series, unit, iso(asOf))); }
    public Rows missingReports(String campaign, String series, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_inspection_missing_query(o, d, campaign, series, iso(asOf))); }
    /** Records a finding; returns its id (generated when {@code id} is null). */
    public String recordFinding(String campaign, String id, String unit, String category, String origin, String people,
                                String description, String amount, LocalDate foundOn, String round, String actor) {
        long[] out = new long[1];
        capi.campaign_finding_record(out, h(), campaign, id, unit, category, origin, people, description, amount, iso(foundOn), round, actor);
        return take(out[0]);
    }
    public void flagFinding(String campaign, String finding, String kind, LocalDate date, String note, String actor) { capi.campaign_finding_flag(h(), campaign, finding, kind, iso(date), note, actor); }
    public void importFindings(String campaign, String path, String actor) { capi.campaign_findings_import(h(), campaign, path, actor); }
    public Rows findings(String campaign, String unit, String finding) { long d = h(); return rows(o -> capi.campaign_findings_query(o, d, campaign, unit, finding)); }
    public String addRectification(String campaign, String id, String finding, String problem, String measure, LocalDate deadline,
                                   String responsible, String criterion, String actor) {
        long[] out = new long[1];
        capi.campaign_rectification_add(out, h(), campaign, id, finding, problem, measure, iso(deadline), responsible, criterion, actor);
        return take(out[0]);
    }
    public void importRectifications(String campaign, String path, String actor) { capi.campaign_rectifications_import(h(), campaign, path, actor); }
    public void updateRectification(String campaign, String rect, String status, LocalDate date, String note, String actor) { capi.campaign_rectification_update(h(), campaign, rect, status, iso(date), note, actor); }
    public void verifyRectification(String campaign, String rect, String result, String verifier, LocalDate date, String note, String actor) { capi.campaign_rectification_verify(h(), campaign, rect, result, verifier, iso(date), note, actor); }
    public void closeRectification(String campaign, String rect, LocalDate date, String actor) { capi.campaign_rectification_close(h(), campaign, rect, iso(date), actor); }
    public Rows rectifications(String campaign, String finding, String unit) { long d = h(); return rows(o -> capi.campaign_rectifications_query(o, d, campaign, finding, unit)); }
    public Rows overdueRectifications(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_rectifications_overdue_query(o, d, campaign, iso(asOf))); }
    public Rows rectificationLedger(String campaign, String unit, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_rectification_ledger_query(o, d, campaign, unit, iso(asOf))); }
    public String createCaseLead(String campaign, String id, String finding, String unit, LocalDate receivedOn, String details,
                                 String reporter, String contact, String actor) {
        long[] out = new long[1];
        capi.campaign_case_lead_create(out, h(), campaign, id, finding, unit, iso(receivedOn), details, reporter, contact, actor);
        return take(out[0]);
    }
    public void referCaseLead(String campaign, String lead, String bodyKind, String body, LocalDate date, String reference, String actor) { capi.campaign_case_lead_refer(h(), campaign, lead, bodyKind, body, iso(date), reference, actor); }
    public void resolveCaseLead(String campaign, String lead, String outcome, LocalDate date, String note, String actor) { capi.campaign_case_lead_resolve(h(), campaign, lead, outcome, iso(date), note, actor); }
    public Rows caseLeads(String campaign, String unit) { long d = h(); return rows(o -> capi.campaign_case_leads_query(o, d, campaign, unit)); }
    /** A lead with its confidential part; the read is logged. */
    public Rows caseLeadConfidential(String campaign, String lead, String actor) { long d = h(); return rows(o -> capi.campaign_case_lead_confidential_query(o, d, campaign, lead, actor)); }
    /** Full-text search over findings and rectifications, best first. */
    public Rows search(String campaign, String text, String kind) { long d = h(); return rows(o -> capi.campaign_search_query(o, d, campaign, text, kind)); }

    // ---- integrity risk (see include/campaign/risk.h) ----

    public void addRiskType(String id, String name, String actor) { capi.campaign_risk_type_add(h(), id, name, actor); }
    public Rows riskTypes() { long d = h(); return rows(o -> capi.campaign_risk_types_query(o, d)); }
    public int importRiskModel(String campaign, String path, String actor) { return capi.campaign_risk_model_import_yaml(h(), campaign, path, actor); }
    public int importRiskModelString(String campaign, String yaml, String name, String actor) { return capi.campaign_risk_model_import_yaml_string(h(), campaign, yaml, name, actor); }
    public void setDefaultRiskModel(String campaign, String model, String actor) { capi.campaign_risk_model_set_default(h(), campaign, model, actor); }
    public Rows riskModels(String campaign) { long d = h(); return rows(o -> capi.campaign_risk_models_query(o, d, campaign)); }
    public Rows riskModelGrades(String campaign, String model) { long d = h(); return rows(o -> capi.campaign_risk_model_grades_query(o, d, campaign, model)); }
    public Rows riskModelInputs(String campaign, String model) { long d = h(); return rows(o -> capi.campaign_risk_model_inputs_query(o, d, campaign, model)); }
    /** Adds a risk point; returns its id (generated when {@code id} is null). */
    public String addRiskPoint(String campaign, String id, String unit, String scope, String scopeName, String type, String name,
                               String description, String manifestations, String owner, String leader, String actor) {
        long[] out = new long[1];
        capi.campaign_risk_point_add(out, h(), campaign, id, unit, scope, scopeName, type, name, description, manifestations, owner, leader, actor);
        return take(out[0]);
    }
    public void updateRiskPoint(String campaign, String point, String field, String value, String actor) { capi.campaign_risk_point_update(h(), campaign, point, field, value, actor); }
    public void importRiskRegister(String campaign, String path, String model, String actor) { capi.campaign_risk_register_import(h(), campaign, path, model, actor); }
    public Rows riskPoints(String campaign, String unit) { long d = h(); return rows(o -> capi.campaign_risk_points_query(o, d, campaign, unit)); }
    public Rows riskPointHistory(String campaign, String point) { long d = h(); return rows(o -> capi.campaign_risk_point_history_query(o, d, campaign, point)); }
    public void setRiskPointConfidential(String campaign, String point, String note, String actor) { capi.campaign_risk_point_confidential_set(h(), campaign, point, note, actor); }
    public Rows riskPointConfidential(String campaign, String point, String actor) { long d = h(); return rows(o -> capi.campaign_risk_point_confidential_query(o, d, campaign, point, actor)); }
    public void gradeRiskPoint(String campaign, String point, String model, String inputs, LocalDate date, String actor) { capi.campaign_risk_point_grade(h(), campaign, point, model, inputs, iso(date), actor); }
    public int regradeRisks(String campaign, String model, String unit, LocalDate date, String actor) { return capi.campaign_risk_regrade(h(), campaign, model, unit, iso(date), actor); }
    public void overrideRiskGrade(String campaign, String point, String grade, String reason, LocalDate date, String actor) { capi.campaign_risk_point_override(h(), campaign, point, grade, reason, iso(date), actor); }
    public Rows riskGrades(String campaign, String point) { long d = h(); return rows(o -> capi.campaign_risk_grades_query(o, d, campaign, point)); }
    public String addRiskControl(String campaign, String id, String point, String line, String measure, String owner, String status,
                                 LocalDate dueOn, String effect, String actor) {
        long[] out = new long[1];
        capi.campaign_risk_control_add(out, h(), campaign, id, point, line, measure, owner, status, iso(dueOn), effect, actor);
        return take(out[0]);
    }
    public void setRiskControlStatus(String campaign, String control, String status, String actor) { capi.campaign_risk_control_set_status(h(), campaign, control, status, actor); }
    public Rows riskControls(String campaign, String point) { long d = h(); return rows(o -> capi.campaign_risk_controls_query(o, d, campaign, point)); }
    public Rows riskCoverage(String campaign) { long d = h(); return rows(o -> capi.campaign_risk_coverage_query(o, d, campaign)); }
    public String draftRiskPublication(String campaign, String unit, LocalDate date, String actor) {
        long[] out = new long[1];
        capi.campaign_risk_publication_draft(out, h(), campaign, unit, iso(date), actor);
        return take(out[0]);
    }
    public void approveRiskPublication(String campaign, String publication, LocalDate date, String actor) { capi.campaign_risk_publication_approve(h(), campaign, publication, iso(date), actor); }
    public void publishRiskPublication(String campaign, String publication, LocalDate date, String actor) { capi.campaign_risk_publication_publish(h(), campaign, publication, iso(date), actor); }
    public Rows riskPublications(String campaign, String unit) { long d = h(); return rows(o -> capi.campaign_risk_publications_query(o, d, campaign, unit)); }
    public Rows riskPublication(String campaign, String publication, String unit) { long d = h(); return rows(o -> capi.campaign_risk_publication_query(o, d, campaign, publication, unit)); }
    public Rows riskWarnings(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_risk_warnings_query(o, d, campaign, iso(asOf))); }
    public Rows riskDistribution(String campaign) { long d = h(); return rows(o -> capi.campaign_risk_distribution_query(o, d, campaign)); }
    public Rows riskHeatmap(String campaign, String model, boolean residual) { long d = h(); return rows(o -> capi.campaign_risk_heatmap_query(o, d, campaign, model, residual ? 1 : 0)); }

    // ---- accountability (see include/campaign/accountability.h) ----

    public void addPost(String campaign, String id, String unit, String name, String kind, boolean keyPost, boolean principal, String actor) { capi.campaign_post_add(h(), campaign, id, unit, name, kind, keyPost ? 1 : 0, principal ? 1 : 0, actor); }
    public String addPerson(String campaign, String id, String name, String unit, LocalDate retiresOn, String actor) {
        long[] out = new long[1];
        capi.campaign_person_add(out, h(), campaign, id, name, unit, iso(retiresOn), actor);
        return take(out[0]);
    }
    public void assignPost(String campaign, String person, String post, LocalDate start, LocalDate end, String actor) { capi.campaign_post_assign(h(), campaign, person, post, iso(start), iso(end), actor); }
    public void leavePost(String campaign, String person, String post, LocalDate end, String actor) { capi.campaign_post_leave(h(), campaign, person, post, iso(end), actor); }
    public int peopleFromBodies(String campaign, String actor) { return capi.campaign_people_from_bodies(h(), campaign, actor); }
    public void importPeople(String campaign, String path, String actor) { capi.campaign_people_import_yaml(h(), campaign, path, actor); }
    public Rows people(String campaign, String unit) { long d = h(); return rows(o -> capi.campaign_people_query(o, d, campaign, unit)); }
    public Rows posts(String campaign, String unit) { long d = h(); return rows(o -> capi.campaign_posts_query(o, d, campaign, unit)); }
    public Rows postHoldings(String campaign, String person) { long d = h(); return rows(o -> capi.campaign_post_holdings_query(o, d, campaign, person)); }
    public Rows tenure(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_tenure_query(o, d, campaign, iso(asOf))); }
    public String addDiscipline(String campaign, String person, LocalDate decidedOn, String sanction, String details, String authority, String actor) {
        long[] out = new long[1];
        capi.campaign_person_discipline_add(out, h(), campaign, person, iso(decidedOn), sanction, details, authority, actor);
        return take(out[0]);
    }
    /** A person's record with its confidential parts; the read is logged. */
    public Rows personRecord(String campaign, String person, String actor) { long d = h(); return rows(o -> capi.campaign_person_record_query(o, d, campaign, person, actor)); }
    public void recordEvaluation(String campaign, int year, String period, String unit, String score, LocalDate evaluatedOn, String note, String actor) { capi.campaign_evaluation_record(h(), campaign, year, period, unit, score, iso(evaluatedOn), note, actor); }
    public void importEvaluations(String campaign, String path, String actor) { capi.campaign_evaluations_import(h(), campaign, path, actor); }
    public Rows evaluationRanking(String campaign, int year, String period, String group) { long d = h(); return rows(o -> capi.campaign_evaluation_ranking_query(o, d, campaign, year, period, group)); }
    public int scheduleTours(String campaign, int year, String group, LocalDate first, LocalDate last, String actor) { return capi.campaign_tour_schedule(h(), campaign, year, group, iso(first), iso(last), actor); }
    public void recordTour(String campaign, String unit, LocalDate conductedOn, String leader, String note, String actor) { capi.campaign_tour_record(h(), campaign, unit, iso(conductedOn), leader, note, actor); }
    public String recordTourFinding(String campaign, String id, String unit, String category, String people, String description, String amount, LocalDate foundOn, String actor) {
        long[] out = new long[1];
        capi.campaign_tour_finding_record(out, h(), campaign, id, unit, category, people, description, amount, iso(foundOn), actor);
        return take(out[0]);
    }
    public Rows tours(String campaign, int year, String group, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_tours_query(o, d, campaign, year, group, iso(asOf))); }
    public int importRules(String campaign, String path, String actor) { return capi.campaign_rules_import_yaml(h(), campaign, path, actor); }
    public int importRulesString(String campaign, String yaml, String name, String actor) { return capi.campaign_rules_import_yaml_string(h(), campaign, yaml, name, actor); }
    public Rows rules(String campaign) { long d = h(); return rows(o -> capi.campaign_rules_query(o, d, campaign)); }
    /** Evaluates the rules as of a date; returns the number of new proposals. */
    public int evaluateAccountability(String campaign, LocalDate asOf, String actor) { return capi.campaign_accountability_evaluate(h(), campaign, iso(asOf), actor); }
    public Rows proposals(String campaign, String status, String unit) { long d = h(); return rows(o -> capi.campaign_proposals_query(o, d, campaign, status, unit)); }
    public void decideProposal(String campaign, String proposal, String decision, String action, LocalDate dueOn, String note, LocalDate date, String actor) { capi.campaign_proposal_decide(h(), campaign, proposal, decision, action, iso(dueOn), note, iso(date), actor); }
    public void updateAction(String campaign, String actionId, String event, LocalDate date, String note, String actor) { capi.campaign_action_update(h(), campaign, actionId, event, iso(date), note, actor); }
    public Rows actions(String campaign, String action, String unit, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_actions_query(o, d, campaign, action, unit, iso(asOf))); }
    public Rows actionsSummary(String campaign, LocalDate asOf) { long d = h(); return rows(o -> capi.campaign_actions_summary_query(o, d, campaign, iso(asOf))); }

    // ---- audit and access ----

    public Rows auditLog(String object, String actor, String from, String to) { long d = h(); return rows(o -> capi.campaign_audit_query(o, d, object, actor, from, to)); }
    public Rows verify(String checkpoint, String publicKey) { long d = h(); return rows(o -> capi.campaign_audit_verify(o, d, checkpoint, publicKey)); }
    public String checkpoint(String privateKey) {
        long[] out = new long[1];
        capi.campaign_audit_checkpoint(out, h(), privateKey);
        return take(out[0]);
    }
    public void grantRole(String person, String role, String campaign, String unit, String actor) { capi.campaign_role_grant(h(), person, role, campaign, unit, actor); }
    public void revokeRole(String person, String actor) { capi.campaign_role_revoke(h(), person, actor); }
    public Rows roles() { long d = h(); return rows(o -> capi.campaign_roles_query(o, d)); }

    static String takeBuffer(long buf) { return take(buf); }
}
