"""Listings fed back through Python (issue 15 item 4): the findings and the
rectifications written as xlsx, and the people listing written as CSV by
Python's csv module, re-import into a fresh store with the same plan, giving
the same values byte for byte (Chinese, 𠀋); --check's dry run writes nothing."""
import csv

import pytest

import campaign
from conftest import KEY, SEED, SOURCE

CATALOGUES = [SOURCE / "examples" / "catalogues" / f for f in ("ten-categories.yaml", "five-behaviours.yaml")]
INSP = SOURCE / "tests" / "data" / "inspection"
RARE = "𠀋"


def fresh():
    db = campaign.open(":memory:", key=KEY)
    db.plan_import_file(SEED, actor="tester")
    for c in CATALOGUES:
        db.catalogue_import_file(path=c, actor="office")
    return db


def values(cursor, cols):
    return [tuple(row.as_dict()[c] for c in cols) for row in cursor]


FINDING_COLS = ("id", "unit", "catalogue", "category", "origin", "people", "description", "amount", "found_on")
RECT_COLS = ("id", "finding", "problem", "measure", "deadline", "deadline_text", "responsible", "criterion")


def test_findings_and_ledger_as_xlsx(tmp_path):
    with fresh() as src, fresh() as dst:
        src.findings_import_file(path=INSP / "findings.csv", actor="office")
        src.findings_import_string(text=f"id,unit,origin,description,found_on\nF-{RARE},liyong,audit,多收{RARE},2010-12-03\n",
                                   name="f.csv", actor="office")
        src.rectifications_import_file(path=INSP / "ledger.csv", actor="office")
        src.rectifications_import_string(
            text=f"id,finding,measure,deadline,responsible,criterion\nR-{RARE},F-{RARE},退还{RARE},2011年1月底,科长,全额\n",
            name="l.csv", actor="office")
        for name, query, importer in (("f", "findings_query", "findings_import_file"),
                                      ("r", "rectifications_query", "rectifications_import_file")):
            out = tmp_path / f"{name}.xlsx"
            getattr(src, query)().write_xlsx(path=str(out), sheet_name="清单")
            getattr(dst, importer)(path=str(out), actor="clerk", dry_run=1)
            assert list(getattr(dst, query)()) == []
            getattr(dst, importer)(path=str(out), actor="clerk")
        assert values(dst.findings_query(), FINDING_COLS) == values(src.findings_query(), FINDING_COLS)
        assert values(dst.rectifications_query(), RECT_COLS) == values(src.rectifications_query(), RECT_COLS)
        assert [r.deadline_text for r in dst.rectifications_query() if r.id == "R-" + RARE] == ["2011年1月底"]
        assert any(r.description.encode() == f"多收{RARE}".encode() for r in dst.findings_query())


def test_people_listing_as_csv(tmp_path):
    with fresh() as src, fresh() as dst:
        src.people_import_file(path=SOURCE / "examples" / "people" / "leshan-2010-people.yaml", actor="office")
        src.people_import_string(text=f"id,name,unit\nP-{RARE},王{RARE},liyong\n", name="p.csv", actor="office")
        rows = [r.as_dict() for r in src.people_query()]
        out = tmp_path / "people.csv"
        with open(out, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            for r in rows:
                w.writerow({k: "" if v is None else v for k, v in r.items()})
        dst.people_import_file(path=str(out), actor="clerk")
        cols = ("id", "name", "unit", "unit_name", "retires_on", "body", "body_role")
        assert values(dst.people_query(), cols) == values(src.people_query(), cols)
        assert len(rows) == 18


def test_unknown_column_still_refused():
    with fresh() as db:
        with pytest.raises(campaign.InvalidInput) as info:
            db.rectifications_import_string(text="id,finding,colour\n", name="x.csv", actor="office")
        assert 'unknown column "colour"' in str(info.value)
