"""store.export_all(campaign, dir, format=, actor=, confidential=) (issue 15 item 4): everything a
store holds, as its importers read it; the manifest's files re-imported into a fresh store give the
same listings. Also the one CSV door: Cursor.write_csv and campaign.csv_cell."""
import csv

import pytest

import campaign
from conftest import KEY, SEED, SOURCE

EX = SOURCE / "examples"
TESTS = SOURCE / "tests" / "data"
RARE = "𠀋"


def documents(db):
    for c in ("ten-categories.yaml", "five-behaviours.yaml"):
        db.catalogue_import_file(path=EX / "catalogues" / c, actor="office")
    db.risk_model_import_file(path=EX / "models" / "weighted-factors.yaml", actor="office")


def source():
    db = campaign.open(":memory:", key=KEY)
    db.plan_import_file(SEED, actor="tester")
    documents(db)
    db.rules_import_file(path=EX / "rules" / "leshan-2010.yaml", actor="office")
    db.progress_import_string(text=f"outcome,unit,status,percent,date,note\nt1.2.o1,kuangguan,in_progress,50,2010-11-15,=已部署{RARE}\n",
                              name="p.csv", actor="office")
    # the rounds before the findings, one of which names a round
    db.inspection_rounds_import_file(path=TESTS / "inspection" / "rounds.csv", actor="office")
    db.findings_import_file(path=TESTS / "inspection" / "findings.csv", actor="office")
    db.findings_import_string(text="unit,origin,description,found_on,round\n"
                                   f"mabian,self_reported,自查发现{RARE},2010-12-01,spot-2010/mabian\n",
                              name="f.csv", actor="office")
    db.rectifications_import_file(path=TESTS / "inspection" / "ledger.csv", actor="office")
    db.risk_register_import_file(path=TESTS / "risk" / "register.yaml", actor="office", model="weighted-factors")
    db.evaluations_import_file(path=TESTS / "accountability" / "evaluations.yaml", actor="office")
    db.people_import_file(path=EX / "people" / "leshan-2010-people.yaml", actor="office")
    return db


def replay(db, out):
    """The manifest's imports, in its order; the files it lists."""
    rows = list(csv.DictReader(open(out / "MANIFEST.csv", encoding="utf-8-sig")))
    for r in rows:
        cmd, path = r["import"], str(out / r["file"])
        if not cmd:
            continue
        if cmd.startswith("campaign import "):
            db.plan_import_file(path, actor="clerk")
        elif "catalogue import" in cmd:
            db.catalogue_import_file(path=path, actor="clerk")
        elif "model import" in cmd:
            db.risk_model_import_file(path=path, actor="clerk")
        elif "rules import" in cmd:
            db.rules_import_file(path=path, actor="clerk")
        elif "people import" in cmd:
            db.people_import_file(path=path, actor="clerk")
        elif "progress import" in cmd:
            db.progress_import_file(path=path, actor="clerk")
        elif "round import" in cmd:
            db.inspection_rounds_import_file(path=path, actor="clerk")
        elif "finding import" in cmd:
            db.findings_import_file(path=path, actor="clerk")
        elif "rectification import" in cmd:
            db.rectifications_import_file(path=path, actor="clerk")
        elif "evaluation import" in cmd:
            db.evaluations_import_file(path=path, actor="clerk")
        elif "register import" in cmd:
            db.risk_register_import_file(path=path, actor="clerk", model=cmd.split("--model ")[1] if "--model" in cmd else None)
        else:
            raise AssertionError(cmd)
    return rows


OWN = {"actor", "recorded_at", "recorded_by", "imported_by", "imported_at", "updated_on"}


def listings(db):
    out = {}
    for name, rows in (("progress", db.progress_history_query()), ("findings", db.findings_query()),
                       ("rectifications", db.rectifications_query()), ("points", db.risk_points_query()),
                       ("ranking", db.evaluation_ranking_query(year=2011)), ("people", db.people_query()),
                       ("holdings", db.post_holdings_query()), ("rules", db.rules_query()),
                       ("catalogues", db.catalogues_query()), ("models", db.risk_models_query()),
                       ("categories", db.violation_categories_query(catalogue="ten-categories", version=0)),
                       ("factors", db.risk_model_inputs_query(model="weighted-factors")),
                       ("rounds", db.inspection_rounds_query(as_of="2011-02-01"))):
        out[name] = [{k: v for k, v in r.as_dict().items() if k not in OWN and not (name in ("progress", "holdings", "ranking") and k == "id")}
                     for r in rows]
    return out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip(tmp_path, fmt):
    out = tmp_path / "export"
    with source() as src, campaign.open(":memory:", key=KEY) as dst:
        files = src.export_all(None, str(out), format=fmt, actor="office")
        rows = replay(dst, out)
        assert files == len([r for r in rows if r["file"]]) + 1
        assert [r["file"] for r in rows if r["import"]] == [
            "plan.yaml", "catalogue-five-behaviours.v1.yaml", "catalogue-ten-categories.v1.yaml",
            "model-weighted-factors.v1.yaml", "rules-leshan-2010.yaml", "people.yaml", f"progress.{fmt}", f"rounds.{fmt}",
            f"findings.{fmt}",
            f"ledger.{fmt}", f"evaluations.{fmt}", f"register.{fmt}"]
        before, after = listings(src), listings(dst)
        assert after == before
        assert [len(before[k]) for k in before] == [1, 4, 2, 2, 3, 17, 17, 8, 2, 1, 10, 5, 13]
        spot = [r for r in after["rounds"] if r["id"] == "spot-2010/mabian"]
        assert [(r["series"], r["unit_group"], r["submitted_on"].isoformat(), r["document"], r["status"], r["findings"])
                for r in spot] == [("spot-2010", "counties", "2011-01-05", "马国土发〔2011〕1号", "late", 2)]
        assert [r["round"] for r in after["findings"] if r["description"] == f"自查发现{RARE}"] == ["spot-2010/mabian"]
        assert before["progress"][0]["note"] == f"=已部署{RARE}"
        assert all(p["posts"] for p in after["people"] if p["id"] != "jiancha.p2")


def test_rounds_import_errors(tmp_path):
    """A bad row fails the whole rounds import, positioned, and the store is unchanged."""
    head = "round,unit,group,window_first,window_last,deadline,submitted_on\n"
    with source() as db:
        before = [r.as_dict() for r in db.inspection_rounds_query(as_of="2011-02-01")]
        cases = [
            (campaign.InvalidInput, "r1,jiancha,,2010-11-01,2010-11-30,2010-11-30,\nr2,nowhere,,2010-11-01,2010-11-30,2010-11-30,\n",
             'r.csv:3:4: row 2: unknown unit "nowhere"'),
            (campaign.Conflict, "self-2010-jiancha,jiancha,,2010-11-01,2010-11-30,2010-11-30,\n",
             'r.csv:2:1: row 1: round "self-2010-jiancha" exists already'),
            (campaign.InvalidInput, "r1,jiancha,,2010-11-01,2010-13-30,2010-11-30,\n",
             'r.csv:2:24: row 1: window_last "2010-13-30" is not a date (YYYY-MM-DD)'),
        ]
        for error, rows, message in cases:
            with pytest.raises(error) as info:
                db.inspection_rounds_import_string(text=head + rows, name="r.csv", actor="office")
            assert message in str(info.value)
        bad = tmp_path / "r.csv"
        bad.write_bytes((head + "r1,jiancha,,2010-11-01,2010-11-30,2010-11-30,\n").encode() + b"r2,\xff,,2010-11-01,2010-11-30,2010-11-30,\n")
        with pytest.raises(campaign.InvalidInput) as info:
            db.inspection_rounds_import_file(path=bad, actor="office")
        assert "invalid UTF-8 at byte 113" in str(info.value)
        assert [r.as_dict() for r in db.inspection_rounds_query(as_of="2011-02-01")] == before
        assert len(before) == 13


def test_existing_directory_and_csv_door(tmp_path):
    with source() as db:
        (tmp_path / "taken").mkdir()
        (tmp_path / "taken" / "x").write_text("keep")
        with pytest.raises(campaign.Conflict) as info:
            db.export_all(None, str(tmp_path / "taken"), actor="office")
        assert "taken is not empty: an export goes into a new directory" in str(info.value)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
        with pytest.raises(campaign.InvalidInput):
            db.export_all(None, str(tmp_path / "x"), format="ods")
        # the one CSV door
        assert campaign.csv_cell("=1+1") == "'=1+1"
        assert campaign.csv_cell("-3") == "-3"
        assert campaign.csv_cell('他说"好",') == '"他说""好"","'
        path = tmp_path / "h.csv"
        db.progress_history_query().write_csv(path=str(path), columns="unit,percent,note", titles="单位,进度,备注")
        assert path.read_bytes().decode("utf-8") == f"\ufeff单位,进度,备注\r\nkuangguan,50,'=已部署{RARE}\r\n"
