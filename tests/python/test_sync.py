"""Sites and bundles from Python: the plan down from the province through the
city to a county, the county's report up through the city unchanged, a replay
a no-op, a tampered bundle refused (campaign/sync.h)."""
import json
import os

import pytest

import campaign

SEED = os.path.join(os.environ.get("CAMPAIGN_SOURCE_DIR", "."), "examples", "plans", "leshan-2010.yaml")
SITES = [("510000", "四川省", None, None), ("511100", "乐山市", "510000", "city"),
         ("511102", "市中区", "511100", "shizhong")]


def make_sites(tmp_path):
    keys = {code: campaign.audit_keygen() for code, *_ in SITES}
    dbs = {}
    for code, name, parent, unit in SITES:
        dbs[code] = campaign.Store(tmp_path / f"{code}.db", signing_key=keys[code])
        dbs[code].site_init(code=code, name=name, parent=parent, unit=unit, actor="admin")
    for code, *_ in SITES:
        for peer, name, parent, unit in SITES:
            if peer != code:
                dbs[code].site_add_peer(code=peer, name=name, parent=parent, unit=unit,
                                        public_key=campaign.audit_public_key(keys[peer]), actor="admin")
    return dbs


def flow(dbs, tmp_path, src, dst):
    path = str(tmp_path / f"{src}-{dst}.bundle")
    dbs[src].sync_export(to_site=dst, path=path, actor="clerk")
    return path, json.loads(dbs[dst].sync_apply(path, actor="clerk"))


def test_three_levels(tmp_path):
    dbs = make_sites(tmp_path)
    try:
        rows = list(dbs["511100"].sites_query())
        assert [(r.code, r.role) for r in rows] == [("511100", "self"), ("510000", "peer"), ("511102", "peer")]
        dbs["510000"].plan_import_file(SEED, actor="province")
        flow(dbs, tmp_path, "510000", "511100")
        _, report = flow(dbs, tmp_path, "511100", "511102")
        assert [p["origin"] for p in report["parts"]] == ["511100", "510000"]
        dbs["511102"].progress_report_add(outcome="t2.2.o4", unit="shizhong", status="done", percent=100,
                                          date="2010-12-10", actor="county")
        flow(dbs, tmp_path, "511102", "511100")
        up, report = flow(dbs, tmp_path, "511100", "510000")
        assert [p["origin"] for p in report["parts"]] == ["511100", "511102"]
        share = next(r for r in dbs["510000"].share_status_query(as_of="2011-01-15")
                     if r.outcome == "t2.2.o4" and r.unit == "shizhong")
        assert share.status == "done"
        # the rollup by site: the province's rows of the county are the county's own store's
        def by_site(db, query, site, **kw):
            cur = getattr(db, query)(**kw)
            cur.site(site)
            return [r.as_dict() for r in cur]
        for query, kw in (("share_status_query", {"as_of": "2011-01-15"}),
                          ("supervision_query", {"as_of": "2011-01-15"}), ("findings_query", {})):
            assert by_site(dbs["510000"], query, "511102", **kw) == by_site(dbs["511102"], query, "511102", **kw)
        county = by_site(dbs["510000"], "share_status_query", "511102", as_of="2011-01-15")
        assert len(county) == 7 and {r["unit"] for r in county} == {"shizhong"}
        assert [r["status"] for r in county if r["outcome"] == "t2.2.o4"] == ["done"]
        assert len(list(dbs["511102"].share_status_query(as_of="2011-01-15"))) > 7
        assert [r["unit"] for r in by_site(dbs["510000"], "supervision_query", "511102", as_of="2011-01-15")] \
            == ["shizhong"]
        assert by_site(dbs["510000"], "risk_distribution_query", "511102") == []
        assert by_site(dbs["510000"], "proposals_query", "511102") == []
        with pytest.raises(campaign.NotFound, match="site 511199 is not known to this store"):
            dbs["510000"].share_status_query(as_of="2011-01-15").site("511199")
        with pytest.raises(campaign.InvalidInput, match="no unit column"):
            dbs["510000"].outcome_status_query(as_of="2011-01-15").site("511102")
        # a site that has not reported since a date is listed
        assert list(dbs["510000"].sync_silent_query("2000-01-01")) == []
        assert [r.code for r in dbs["510000"].sync_silent_query("2999-01-01")] == ["511100", "511102"]
        status = {r.site: r for r in dbs["510000"].sync_status_query()}
        assert status["511102"].received == 1 and status["511100"].received == 0
        assert list(dbs["510000"].audit_verify()) == []
        # the head the province received from the county is a witness for the county's verify
        witness = dbs["510000"].sync_witness("511102")
        assert witness.startswith("libcampaign head 1\nsite: 511102\nseq: ")
        assert [r for r in dbs["511102"].audit_verify(witness) if r.severity == "problem"] == []
        with pytest.raises(campaign.NotFound, match="nothing has come from site 511199"):
            dbs["510000"].sync_witness("511199")
        # a replay changes nothing
        again = json.loads(dbs["510000"].sync_apply(up, actor="clerk"))
        assert {p["status"] for p in again["parts"]} == {"replay"}
        # a tampered bundle is refused, and nothing is applied
        dbs["511102"].progress_report_add(outcome="t2.2.o4", unit="shizhong", status="done", percent=100,
                                          date="2010-12-11", actor="county")
        path = str(tmp_path / "bad.bundle")
        dbs["511102"].sync_export(to_site="511100", path=path, actor="clerk")
        data = bytearray(open(path, "rb").read())
        data[-70] ^= 1
        open(path, "wb").write(bytes(data))
        before = len(list(dbs["511100"].progress_history_query()))
        with pytest.raises(campaign.InvalidInput, match="does not carry its signature"):
            dbs["511100"].sync_apply(path, actor="clerk")
        assert len(list(dbs["511100"].progress_history_query())) == before
    finally:
        for db in dbs.values():
            db.close()


def test_dashboard_by_site(tmp_path):
    dbs = make_sites(tmp_path)
    try:
        dbs["510000"].plan_import_file(SEED, actor="province")
        flow(dbs, tmp_path, "510000", "511100")
        flow(dbs, tmp_path, "511100", "511102")
        dbs["511102"].progress_report_add(outcome="t2.2.o4", unit="shizhong", status="done", percent=100,
                                          date="2010-12-10", actor="county")
        dbs["511102"].finding_add(unit="shizhong", origin="self_reported", description="违规审批",
                                  found_on="2010-12-10", actor="county")
        flow(dbs, tmp_path, "511102", "511100")
        flow(dbs, tmp_path, "511100", "510000")
        province = dbs["510000"]
        html = province.dashboard_write_buf(as_of="2011-01-15")
        part = html[html.index('<section id="sites">'):]
        received = {r.site: r.received_at for r in province.sync_status_query()}
        # 乐山市 over its subtree: its own units (the departments and the counties with no store: 73 outcome
        # shares, 29 overdue) and 市中区's four outcomes, one done; the overdue items: the city's 51 and 市中区's two
        assert ('<tr><th class="site">511100 乐山市</th><td class="total">77</td><td>1</td><td>0</td>'
                '<td class="s-red">29</td><td>0</td><td class="s-red">53</td><td>1</td><td>0</td><td>0</td>') in part
        # the same units as the site filter of the queries
        c = province.supervision_query(as_of="2011-01-15")
        c.site("511100")
        assert sum(r.overdue for r in c) == 53
        assert ('<tr><th class="site">\u3000\u3000511102 市中区</th><td class="total">4</td><td>1</td>') in part
        assert "<td>%s %s</td></tr>" % (received["511102"][:10], received["511102"][11:16]) in part
        # --site: the county's rows only, no by-site section below a county
        county = province.dashboard_write_buf(as_of="2011-01-15", site="511102")
        assert "<tr><th>市中区分局</th>" in county and "<tr><th>监察室</th>" not in county
        assert '<section id="sites">' not in county and "站点：511102 市中区" in county
        with pytest.raises(campaign.NotFound, match='site "519999" is not a site this store knows'):
            province.dashboard_write_buf(site="519999")
        with pytest.raises(campaign.InvalidInput, match='unit "shawan" is not a unit of site 511102'):
            province.dashboard_write_buf(site="511102", unit="shawan")
    finally:
        for db in dbs.values():
            db.close()


def test_site_init_refuses_a_bad_code(tmp_path):
    with campaign.Store(tmp_path / "x.db", signing_key=campaign.audit_keygen()) as db:
        with pytest.raises(campaign.InvalidInput, match="is not a 6-digit administrative-division code"):
            db.site_init(code="5111", name="乐山市", actor="admin")
        assert list(db.sites_query()) == []


def test_keys_vouched_for_by_the_city(tmp_path):
    """Keys registered by hand only between neighbours: the city vouches for the
    province to its county and for the county to the province."""
    keys = {code: campaign.audit_keygen() for code, *_ in SITES}
    dbs = {}
    try:
        for code, name, parent, unit in SITES:
            dbs[code] = campaign.Store(tmp_path / f"{code}.db", signing_key=keys[code])
            dbs[code].site_init(code=code, name=name, parent=parent, unit=unit, actor="admin")
        for code, _, parent, _ in SITES:
            for peer, name, pparent, unit in SITES:
                if peer == parent or pparent == code:
                    dbs[code].site_add_peer(code=peer, name=name, parent=pparent, unit=unit,
                                            public_key=campaign.audit_public_key(keys[peer]), actor="admin")
        assert [r.code for r in dbs["511102"].sites_query()] == ["511102", "511100"]
        dbs["510000"].plan_import_file(SEED, actor="province")
        flow(dbs, tmp_path, "510000", "511100")
        _, report = flow(dbs, tmp_path, "511100", "511102")
        assert [p["origin"] for p in report["parts"]] == ["511100", "510000"]
        province = {r.code: r for r in dbs["511102"].sites_query()}["510000"]
        assert province.public_key == campaign.audit_public_key(keys["510000"])
        dbs["511102"].progress_report_add(outcome="t2.2.o4", unit="shizhong", status="done", percent=100,
                                          date="2010-12-10", actor="county")
        flow(dbs, tmp_path, "511102", "511100")
        _, report = flow(dbs, tmp_path, "511100", "510000")
        assert [p["origin"] for p in report["parts"]] == ["511100", "511102"]
        county = {r.code: r for r in dbs["510000"].sites_query()}["511102"]
        assert (county.parent, county.unit) == ("511100", "shizhong")
        assert list(dbs["510000"].audit_verify()) == []
    finally:
        for db in dbs.values():
            db.close()


def test_refusals(tmp_path):
    """A gap, a row of another county's unit: refused with a clear report, nothing applied."""
    dbs = make_sites(tmp_path)
    try:
        dbs["510000"].plan_import_file(SEED, actor="province")
        flow(dbs, tmp_path, "510000", "511100")
        flow(dbs, tmp_path, "511100", "511102")
        county, city = dbs["511102"], dbs["511100"]

        def report(date, unit="shizhong"):
            county.progress_report_add(outcome="t2.2.o4", unit=unit, status="done", percent=100, date=date,
                                       actor="county")

        def export(name):
            path = str(tmp_path / name)
            county.sync_export(to_site="511100", path=path, actor="clerk")
            return path

        report("2010-12-10")
        export("first.bundle")
        report("2010-12-11")
        second = export("second.bundle")
        before = len(list(city.progress_history_query()))
        with pytest.raises(campaign.InvalidInput, match="starts at seq 2, but 0 came last: a gap"):
            city.sync_apply(second, actor="clerk")
        assert len(list(city.progress_history_query())) == before
        # a row of a unit that is not the county's
        rogue = tmp_path / "rogue"
        rogue.mkdir()
        dbs2 = make_sites(rogue)
        try:
            dbs2["510000"].plan_import_file(SEED, actor="province")
            flow(dbs2, rogue, "510000", "511100")
            flow(dbs2, rogue, "511100", "511102")
            dbs2["511102"].progress_report_add(outcome="t2.2.o4", unit="shawan", status="done", percent=100,
                                               date="2010-12-10", actor="county")
            path, _ = str(rogue / "r.bundle"), None
            dbs2["511102"].sync_export(to_site="511100", path=path, actor="clerk")
            with pytest.raises(campaign.InvalidInput, match="site 511102 sent a row of progress_report of unit"):
                dbs2["511100"].sync_apply(path, actor="clerk")
            assert list(dbs2["511100"].progress_history_query()) == []
        finally:
            for db in dbs2.values():
                db.close()
    finally:
        for db in dbs.values():
            db.close()
