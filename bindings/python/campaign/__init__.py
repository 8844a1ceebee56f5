"""libcampaign for Python: a government campaign plan in SQLite.

    import campaign
    with campaign.open("plan.db") as db:
        db.import_yaml("leshan-2010.yaml", actor="张三")
        for m in db.measures():
            print(m.id, m.text)

Query methods return iterators of plain :class:`Row` objects whose attributes
are the columns the C API documents (``include/campaign/*.h``); dates are
``datetime.date``. Every error is a :class:`campaign.Error` subclass.
"""

import datetime as _dt
import weakref as _weakref

from . import capi as _c
from .errors import (Busy, Closed, Conflict, Error, InvalidInput, NoMemory, NotFound,
                     PermissionDenied, StoreIOError, VersionError)

__all__ = ["open", "Store", "Row", "Deadline", "parse_deadline", "version", "Error", "NotFound",
           "InvalidInput", "Conflict", "NoMemory", "StoreIOError", "Busy", "PermissionDenied",
           "VersionError", "Closed", "OPEN_READONLY", "OPEN_NOCREATE"]

OPEN_READONLY = _c.CAMPAIGN_OPEN_READONLY
OPEN_NOCREATE = _c.CAMPAIGN_OPEN_NOCREATE


def version():
    """The library version, "MAJOR.MINOR.PATCH"."""
    return _c.campaign_version()


def _date(text):
    return None if text is None else _dt.date.fromisoformat(text)


def _iso(value):
    """A date argument as ISO text: ``datetime.date``, ISO string or None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError("expected a datetime.date or an ISO date string, not %r" % (value,))


class Row:
    """One result row: an attribute per column (also ``row["name"]``)."""

    __slots__ = ("_values",)

    def __init__(self, values):
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name):
        return self._values[name]

    def __setattr__(self, name, value):
        raise AttributeError("rows are read-only")

    def keys(self):
        return list(self._values)

    def as_dict(self):
        return dict(self._values)

    def __eq__(self, other):
        return isinstance(other, Row) and self._values == other._values

    def __repr__(self):
        return "Row(%s)" % ", ".join("%s=%r" % kv for kv in self._values.items())


class Cursor:
    """An iterator over a query's rows. It keeps its store alive, and raises
    :class:`Closed` once the store is closed."""

    def __init__(self, store, handle):
        self._store = store
        self._handle = handle
        n = _c.campaign_cursor_column_count(handle)
        self._names = tuple(_c.campaign_cursor_column_name(handle, i) for i in range(n))
        store._cursors.add(self)

    def __iter__(self):
        return self

    def __next__(self):
        if self._store._handle is None:
            self.close()
            raise Closed(_c.CAMPAIGN_ECLOSED, "the store is closed")
        if self._handle is None:
            raise StopIteration
        # the whole row in one call: None, int, str or datetime.date by column type
        values = _c.campaign_py_cursor_row(self._handle, self._names)
        if values is None:
            self.close()
            raise StopIteration
        return Row(values)

    def close(self):
        if self._handle is not None:
            _c.campaign_cursor_free(self._handle)
            self._handle = None
            self._store._cursors.discard(self)

    def __del__(self):
        # the store outlives its cursors (each holds a reference to it)
        try:
            self.close()
        except Exception:
            pass


class Deadline:
    """A parsed deadline: ``text``, ``first`` and ``last`` (dates, or None
    when open-ended), ``open_ended``."""

    __slots__ = ("text", "first", "last", "open_ended")

    def __init__(self, text, first, last, open_ended):
        self.text, self.first, self.last, self.open_ended = text, first, last, open_ended

    def __repr__(self):
        return "Deadline(%r, %s, %s%s)" % (self.text, self.first, self.last,
                                          ", open_ended" if self.open_ended else "")


def parse_deadline(text, year=None):
    """Parses a Chinese deadline expression ("2010年11月底完成", "12月中旬").
    ``year`` supplies the year for expressions that name none."""
    handle = _c.campaign_deadline_parse(text, year or 0)
    try:
        return Deadline(_c.campaign_deadline_text(handle), _date(_c.campaign_deadline_first(handle)),
                        _date(_c.campaign_deadline_last(handle)),
                        bool(_c.campaign_deadline_is_open_ended(handle)))
    finally:
        _c.campaign_deadline_free(handle)


def _take_buf(handle):
    try:
        return _c.campaign_buf_data(handle)
    finally:
        _c.campaign_buf_free(handle)


class Store:
    """An open store (an SQLite file, or ":memory:"). Use as a context
    manager, or call :meth:`close`. Closing twice is harmless; any use after
    close raises :class:`Closed`."""

    def __init__(self, path, flags=0):
        self._handle = _c.campaign_open(path, flags)
        self._cursors = _weakref.WeakSet()
        self.path = path

    # -- lifetime --
    def close(self):
        if self._handle is not None:
            for cur in list(self._cursors):
                cur.close()
            _c.campaign_close(self._handle)
            self._handle = None

    @property
    def closed(self):
        return self._handle is None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _h(self):
        if self._handle is None:
            raise Closed(_c.CAMPAIGN_ECLOSED, "the store is closed")
        return self._handle

    def _query(self, fn, *args):
        return Cursor(self, fn(self._h(), *args))

    @property
    def schema_version(self):
        return _c.campaign_schema_version(self._h())

    # -- the plan --
    def _options(self, replace):
        opts = _c.campaign_import_options()
        _c.campaign_import_options_init(opts, _c.CAMPAIGN_IMPORT_OPTIONS_VERSION)
        opts.replace = 1 if replace else 0
        return opts

    def import_yaml(self, path, actor, replace=False):
        """Imports a plan file; on any error nothing is written."""
        _c.campaign_plan_import_yaml(self._h(), str(path), actor, self._options(replace))

    def import_yaml_string(self, text, actor, name=None, replace=False):
        _c.campaign_plan_import_yaml_string(self._h(), text, name, actor, self._options(replace))

    def export_yaml(self, campaign=None):
        """The plan as YAML text that re-imports to an identical model."""
        return _take_buf(_c.campaign_plan_export_yaml(self._h(), campaign))

    def export_yaml_file(self, path, campaign=None):
        _c.campaign_plan_export_yaml_file(self._h(), campaign, str(path))

    def delete_campaign(self, campaign, actor):
        _c.campaign_plan_delete(self._h(), campaign, actor)

    def campaigns(self):
        return Cursor(self, _c.campaign_campaigns_query(self._h()))

    def units(self, campaign=None):
        return self._query(_c.campaign_units_query, campaign)

    def unit_groups(self, campaign=None):
        return self._query(_c.campaign_unit_groups_query, campaign)

    def group_members(self, group, campaign=None):
        return self._query(_c.campaign_unit_group_members_query, campaign, group)

    def bodies(self, campaign=None):
        return self._query(_c.campaign_bodies_query, campaign)

    def body_members(self, body=None, campaign=None):
        return self._query(_c.campaign_body_members_query, campaign, body)

    def phases(self, campaign=None):
        return self._query(_c.campaign_phases_query, campaign)

    def milestones(self, phase=None, campaign=None):
        return self._query(_c.campaign_milestones_query, campaign, phase)

    def tasks(self, parent=None, campaign=None):
        return self._query(_c.campaign_tasks_query, campaign, parent)

    def measures(self, task=None, campaign=None):
        return self._query(_c.campaign_measures_query, campaign, task)

    def responsibilities(self, measure=None, campaign=None):
        return self._query(_c.campaign_responsibilities_query, campaign, measure)

    def outcomes(self, task=None, campaign=None):
        return self._query(_c.campaign_outcomes_query, campaign, task)

    def changes(self):
        return Cursor(self, _c.campaign_changes_query(self._h()))

    # -- the responsibility matrix --
    def unit_matrix(self, unit, campaign=None):
        return self._query(_c.campaign_unit_matrix_query, campaign, unit)

    def measure_units(self, measure, campaign=None):
        return self._query(_c.campaign_measure_units_query, campaign, measure)

    def matrix(self, campaign=None):
        return self._query(_c.campaign_matrix_query, campaign)

    def plan_warnings(self, campaign=None):
        return self._query(_c.campaign_plan_warnings_query, campaign)

    def workload(self, start=None, end=None, as_of=None, campaign=None):
        return self._query(_c.campaign_workload_query, campaign, _iso(start), _iso(end), _iso(as_of))

    # -- progress --
    def report_progress(self, outcome, unit, status, percent, date, actor, note=None, evidence=None,
                        campaign=None):
        _c.campaign_progress_report(self._h(), campaign, outcome, unit, status, int(percent), _iso(date), note,
                                    evidence, actor)

    def import_progress(self, path, actor, campaign=None):
        _c.campaign_progress_import(self._h(), campaign, str(path), actor)

    def set_thresholds(self, yellow_days, red_days, actor, campaign=None):
        _c.campaign_thresholds_set(self._h(), campaign, int(yellow_days), int(red_days), actor)

    def thresholds(self, campaign=None):
        return next(self._query(_c.campaign_thresholds_query, campaign))

    def progress_history(self, outcome=None, unit=None, campaign=None):
        return self._query(_c.campaign_progress_history_query, campaign, outcome, unit)

    def share_status(self, as_of=None, campaign=None):
        return self._query(_c.campaign_share_status_query, campaign, _iso(as_of))

    def outcome_status(self, as_of=None, campaign=None):
        return self._query(_c.campaign_outcome_status_query, campaign, _iso(as_of))

    def phase_status(self, as_of=None, campaign=None):
        return self._query(_c.campaign_phase_status_query, campaign, _iso(as_of))

    def supervision(self, as_of=None, campaign=None):
        return self._query(_c.campaign_supervision_query, campaign, _iso(as_of))

    # -- self-inspection, findings, rectifications, case leads --
    def import_catalogue(self, path, actor, campaign=None):
        """Imports a violation catalogue; returns its version (a changed file makes a new one)."""
        return _c.campaign_catalogue_import_yaml(self._h(), campaign, str(path), actor)

    def catalogues(self, campaign=None):
        return self._query(_c.campaign_catalogues_query, campaign)

    def violation_categories(self, catalogue=None, version=0, campaign=None):
        return self._query(_c.campaign_violation_categories_query, campaign, catalogue, int(version))

    def create_round(self, round, actor, unit=None, group=None, start=None, end=None, deadline=None,
                     campaign=None):
        """A self-inspection round for a unit, or one per member of a group ("ROUND/UNIT")."""
        _c.campaign_inspection_round_create(self._h(), campaign, round, unit, group, _iso(start), _iso(end),
                                            _iso(deadline), actor)

    def submit_round(self, round, date, actor, document=None, note=None, campaign=None):
        _c.campaign_inspection_round_submit(self._h(), campaign, round, _iso(date), document, note, actor)

    def rounds(self, series=None, unit=None, as_of=None, campaign=None):
        return self._query(_c.campaign_inspection_rounds_query, campaign, series, unit, _iso(as_of))

    def missing_reports(self, series=None, as_of=None, campaign=None):
        return self._query(_c.campaign_inspection_missing_query, campaign, series, _iso(as_of))

    def record_finding(self, unit, category, origin, description, found_on, actor, id=None, people=None,
                       amount=None, round=None, campaign=None):
        """Records a finding; returns its id (generated when ``id`` is None)."""
        return _take_buf(_c.campaign_finding_record(self._h(), campaign, id, unit, category, origin, people,
                                                    description, None if amount is None else str(amount),
                                                    _iso(found_on), round, actor))

    def flag_finding(self, finding, kind, date, actor, note=None, campaign=None):
        """Records concealment or falsification ("concealment"/"falsification")."""
        _c.campaign_finding_flag(self._h(), campaign, finding, kind, _iso(date), note, actor)

    def import_findings(self, path, actor, campaign=None):
        _c.campaign_findings_import(self._h(), campaign, str(path), actor)

    def findings(self, unit=None, finding=None, campaign=None):
        return self._query(_c.campaign_findings_query, campaign, unit, finding)

    def add_rectification(self, finding, problem, measure, deadline, responsible, criterion, actor, id=None,
                          campaign=None):
        return _take_buf(_c.campaign_rectification_add(self._h(), campaign, id, finding, problem, measure,
                                                       _iso(deadline), responsible, criterion, actor))

    def import_rectifications(self, path, actor, campaign=None):
        """Imports a rectification ledger (CSV or YAML); all rows or none."""
        _c.campaign_rectifications_import(self._h(), campaign, str(path), actor)

    def update_rectification(self, rectification, status, date, actor, note=None, campaign=None):
        _c.campaign_rectification_update(self._h(), campaign, rectification, status, _iso(date), note, actor)

    def verify_rectification(self, rectification, result, verifier, date, actor, note=None, campaign=None):
        _c.campaign_rectification_verify(self._h(), campaign, rectification, result, verifier, _iso(date), note,
                                         actor)

    def close_rectification(self, rectification, date, actor, campaign=None):
        _c.campaign_rectification_close(self._h(), campaign, rectification, _iso(date), actor)

    def rectifications(self, finding=None, unit=None, campaign=None):
        return self._query(_c.campaign_rectifications_query, campaign, finding, unit)

    def overdue_rectifications(self, as_of=None, campaign=None):
        return self._query(_c.campaign_rectifications_overdue_query, campaign, _iso(as_of))

    def rectification_ledger(self, unit=None, as_of=None, campaign=None):
        return self._query(_c.campaign_rectification_ledger_query, campaign, unit, _iso(as_of))

    def create_case_lead(self, received_on, details, actor, finding=None, unit=None, reporter=None, contact=None,
                         id=None, campaign=None):
        return _take_buf(_c.campaign_case_lead_create(self._h(), campaign, id, finding, unit, _iso(received_on),
                                                      details, reporter, contact, actor))

    def refer_case_lead(self, lead, body_kind, body, date, actor, reference=None, campaign=None):
        _c.campaign_case_lead_refer(self._h(), campaign, lead, body_kind, body, _iso(date), reference, actor)

    def resolve_case_lead(self, lead, outcome, date, actor, note=None, campaign=None):
        _c.campaign_case_lead_resolve(self._h(), campaign, lead, outcome, _iso(date), note, actor)

    def case_leads(self, unit=None, campaign=None):
        return self._query(_c.campaign_case_leads_query, campaign, unit)

    def case_lead_confidential(self, lead, actor, campaign=None):
        """A lead with its confidential part (reporter, details); the read is logged."""
        return self._query(_c.campaign_case_lead_confidential_query, campaign, lead, actor)

    def search(self, text, kind=None, campaign=None):
        """Full-text search over findings and rectifications, best first."""
        return self._query(_c.campaign_search_query, campaign, text, kind)

    # -- integrity risk (see include/campaign/risk.h) --
    def add_risk_type(self, id, name, actor):
        _c.campaign_risk_type_add(self._h(), id, name, actor)

    def risk_types(self):
        return Cursor(self, _c.campaign_risk_types_query(self._h()))

    def import_risk_model(self, path, actor, campaign=None):
        return _c.campaign_risk_model_import_yaml(self._h(), campaign, str(path), actor)

    def import_risk_model_string(self, text, actor, name=None, campaign=None):
        return _c.campaign_risk_model_import_yaml_string(self._h(), campaign, text, name, actor)

    def set_default_risk_model(self, model, actor, campaign=None):
        _c.campaign_risk_model_set_default(self._h(), campaign, model, actor)

    def risk_models(self, campaign=None):
        return self._query(_c.campaign_risk_models_query, campaign)

    def risk_model_grades(self, model=None, campaign=None):
        return self._query(_c.campaign_risk_model_grades_query, campaign, model)

    def risk_model_inputs(self, model=None, campaign=None):
        return self._query(_c.campaign_risk_model_inputs_query, campaign, model)

    def add_risk_point(self, unit, scope, scope_name, type, name, actor, id=None, description=None,
                       manifestations=None, owner=None, leader=None, campaign=None):
        """Adds a risk point; returns its id."""
        return _take_buf(_c.campaign_risk_point_add(self._h(), campaign, id, unit, scope, scope_name, type, name,
                                                    description, manifestations, owner, leader, actor))

    def update_risk_point(self, point, field, value, actor, campaign=None):
        _c.campaign_risk_point_update(self._h(), campaign, point, field, value, actor)

    def import_risk_register(self, path, actor, model=None, campaign=None):
        _c.campaign_risk_register_import(self._h(), campaign, str(path), model, actor)

    def risk_points(self, unit=None, campaign=None):
        return self._query(_c.campaign_risk_points_query, campaign, unit)

    def risk_point_history(self, point, campaign=None):
        return self._query(_c.campaign_risk_point_history_query, campaign, point)

    def set_risk_point_confidential(self, point, note, actor, campaign=None):
        _c.campaign_risk_point_confidential_set(self._h(), campaign, point, note, actor)

    def risk_point_confidential(self, point, actor, campaign=None):
        return self._query(_c.campaign_risk_point_confidential_query, campaign, point, actor)

    def grade_risk_point(self, point, inputs, date, actor, model=None, campaign=None):
        _c.campaign_risk_point_grade(self._h(), campaign, point, model, inputs, _iso(date), actor)

    def regrade_risks(self, date, actor, model=None, unit=None, campaign=None):
        return _c.campaign_risk_regrade(self._h(), campaign, model, unit, _iso(date), actor)

    def override_risk_grade(self, point, grade, reason, date, actor, campaign=None):
        _c.campaign_risk_point_override(self._h(), campaign, point, grade, reason, _iso(date), actor)

    def risk_grades(self, point=None, campaign=None):
        return self._query(_c.campaign_risk_grades_query, campaign, point)

    def add_risk_control(self, point, line, measure, actor, owner=None, status=None, due_on=None, effect=None,
                         id=None, campaign=None):
        return _take_buf(_c.campaign_risk_control_add(self._h(), campaign, id, point, line, measure, owner, status,
                                                      _iso(due_on), effect, actor))

    def set_risk_control_status(self, control, status, actor, campaign=None):
        _c.campaign_risk_control_set_status(self._h(), campaign, control, status, actor)

    def risk_controls(self, point=None, campaign=None):
        return self._query(_c.campaign_risk_controls_query, campaign, point)

    def risk_coverage(self, campaign=None):
        return self._query(_c.campaign_risk_coverage_query, campaign)

    def draft_risk_publication(self, unit, date, actor, campaign=None):
        return _take_buf(_c.campaign_risk_publication_draft(self._h(), campaign, unit, _iso(date), actor))

    def approve_risk_publication(self, publication, date, actor, campaign=None):
        _c.campaign_risk_publication_approve(self._h(), campaign, publication, _iso(date), actor)

    def publish_risk_publication(self, publication, date, actor, campaign=None):
        _c.campaign_risk_publication_publish(self._h(), campaign, publication, _iso(date), actor)

    def risk_publications(self, unit=None, campaign=None):
        return self._query(_c.campaign_risk_publications_query, campaign, unit)

    def risk_publication(self, publication=None, unit=None, campaign=None):
        return self._query(_c.campaign_risk_publication_query, campaign, publication, unit)

    def risk_warnings(self, as_of=None, campaign=None):
        return self._query(_c.campaign_risk_warnings_query, campaign, _iso(as_of))

    def risk_distribution(self, campaign=None):
        return self._query(_c.campaign_risk_distribution_query, campaign)

    def risk_heatmap(self, model=None, residual=False, campaign=None):
        return self._query(_c.campaign_risk_heatmap_query, campaign, model, 1 if residual else 0)

    # -- accountability (see include/campaign/accountability.h) --
    def add_post(self, id, unit, name, kind, actor, key_post=False, principal=False, campaign=None):
        _c.campaign_post_add(self._h(), campaign, id, unit, name, kind, 1 if key_post else 0, 1 if principal else 0,
                             actor)

    def add_person(self, name, unit, actor, id=None, retires_on=None, campaign=None):
        return _take_buf(_c.campaign_person_add(self._h(), campaign, id, name, unit, _iso(retires_on), actor))

    def assign_post(self, person, post, start_on, actor, end_on=None, campaign=None):
        _c.campaign_post_assign(self._h(), campaign, person, post, _iso(start_on), _iso(end_on), actor)

    def leave_post(self, person, post, end_on, actor, campaign=None):
        _c.campaign_post_leave(self._h(), campaign, person, post, _iso(end_on), actor)

    def people_from_bodies(self, actor, campaign=None):
        return _c.campaign_people_from_bodies(self._h(), campaign, actor)

    def import_people(self, path, actor, campaign=None):
        _c.campaign_people_import_yaml(self._h(), campaign, str(path), actor)

    def people(self, unit=None, campaign=None):
        return self._query(_c.campaign_people_query, campaign, unit)

    def posts(self, unit=None, campaign=None):
        return self._query(_c.campaign_posts_query, campaign, unit)

    def post_holdings(self, person=None, campaign=None):
        return self._query(_c.campaign_post_holdings_query, campaign, person)

    def tenure(self, as_of=None, campaign=None):
        return self._query(_c.campaign_tenure_query, campaign, _iso(as_of))

    def add_discipline(self, person, decided_on, sanction, actor, details=None, authority=None, campaign=None):
        return _take_buf(_c.campaign_person_discipline_add(self._h(), campaign, person, _iso(decided_on), sanction,
                                                           details, authority, actor))

    def person_record(self, person, actor, campaign=None):
        """A person's record, confidential parts included; the read is logged."""
        return self._query(_c.campaign_person_record_query, campaign, person, actor)

    def record_evaluation(self, year, period, unit, score, evaluated_on, actor, note=None, campaign=None):
        _c.campaign_evaluation_record(self._h(), campaign, int(year), period, unit, str(score), _iso(evaluated_on),
                                      note, actor)

    def import_evaluations(self, path, actor, campaign=None):
        _c.campaign_evaluations_import(self._h(), campaign, str(path), actor)

    def evaluation_ranking(self, year, period=None, group=None, campaign=None):
        return self._query(_c.campaign_evaluation_ranking_query, campaign, int(year), period, group)

    def schedule_tours(self, year, actor, group=None, first=None, last=None, campaign=None):
        return _c.campaign_tour_schedule(self._h(), campaign, int(year), group, _iso(first), _iso(last), actor)

    def record_tour(self, unit, conducted_on, actor, leader=None, note=None, campaign=None):
        _c.campaign_tour_record(self._h(), campaign, unit, _iso(conducted_on), leader, note, actor)

    def record_tour_finding(self, unit, description, found_on, actor, category=None, people=None, amount=None, id=None,
                            campaign=None):
        return _take_buf(_c.campaign_tour_finding_record(self._h(), campaign, id, unit, category, people, description,
                                                         None if amount is None else str(amount), _iso(found_on),
                                                         actor))

    def tours(self, year, group=None, as_of=None, campaign=None):
        return self._query(_c.campaign_tours_query, campaign, int(year), group, _iso(as_of))

    def import_rules(self, path, actor, campaign=None):
        return _c.campaign_rules_import_yaml(self._h(), campaign, str(path), actor)

    def import_rules_string(self, text, actor, name=None, campaign=None):
        return _c.campaign_rules_import_yaml_string(self._h(), campaign, text, name, actor)

    def rules(self, campaign=None):
        return self._query(_c.campaign_rules_query, campaign)

    def evaluate_accountability(self, as_of, actor, campaign=None):
        """Evaluates the rules as of a date; returns the number of new proposals."""
        return _c.campaign_accountability_evaluate(self._h(), campaign, _iso(as_of), actor)

    def proposals(self, status=None, unit=None, campaign=None):
        return self._query(_c.campaign_proposals_query, campaign, status, unit)

    def decide_proposal(self, proposal, decision, date, actor, action=None, due_on=None, note=None, campaign=None):
        _c.campaign_proposal_decide(self._h(), campaign, proposal, decision, action, _iso(due_on), note, _iso(date),
                                    actor)

    def update_action(self, action_id, event, date, actor, note=None, campaign=None):
        _c.campaign_action_update(self._h(), campaign, action_id, event, _iso(date), note, actor)

    def actions(self, action=None, unit=None, as_of=None, campaign=None):
        return self._query(_c.campaign_actions_query, campaign, action, unit, _iso(as_of))

    def actions_summary(self, as_of=None, campaign=None):
        return self._query(_c.campaign_actions_summary_query, campaign, _iso(as_of))

    # -- audit and access --
    def audit_log(self, object=None, actor=None, start=None, end=None):
        return Cursor(self, _c.campaign_audit_query(self._h(), object, actor, _iso(start), _iso(end)))

    def verify(self, checkpoint=None, public_key=None):
        """The problems found (an empty list: the store verified)."""
        return list(Cursor(self, _c.campaign_audit_verify(self._h(), checkpoint, public_key)))

    def checkpoint(self, private_key):
        return _take_buf(_c.campaign_audit_checkpoint(self._h(), private_key))

    def grant_role(self, person, role, actor, unit=None, campaign=None):
        _c.campaign_role_grant(self._h(), person, role, campaign, unit, actor)

    def revoke_role(self, person, actor):
        _c.campaign_role_revoke(self._h(), person, actor)

    def roles(self):
        return Cursor(self, _c.campaign_roles_query(self._h()))


def open(path, flags=0):  # noqa: A001 - the natural name, as sqlite3.connect
    """Opens (creating and migrating if needed) a store."""
    return Store(str(path), flags)


def keygen():
    """A new Ed25519 key (PEM text, private then public) for signing checkpoints."""
    return _take_buf(_c.campaign_audit_keygen())


def public_key(pem):
    """The public half of a key from :func:`keygen`."""
    return _take_buf(_c.campaign_audit_public_key(pem))
