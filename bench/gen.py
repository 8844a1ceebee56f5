#!/usr/bin/python3
"""Deterministic synthetic campaigns for the benchmark (Python 3 standard library only).

    /usr/bin/python3 bench/gen.py --size M --seed 1 --out /tmp/campaign-bench/M

Writes, in the project's own formats:
  plan.yaml      the plan (S: the seed plan itself; M/L: a province / the country,
                 the seed's departments, task tree and phases, every county-level
                 bureau in the group `counties`, and a task section (四) whose
                 outcomes the group leads, so each (outcome, bureau) is a share)
  progress.csv   progress reports, several dated ones per share
  risk.csv       the integrity-risk register (graded under matrix-5x5)
  findings.csv   self-inspection findings (categories of the two shipped catalogues)
  manifest.json  sizes, the seed, ids used by the queries

Everything is streamed row by row: memory does not grow with the size.
The same size and seed give byte-identical files.
"""
import argparse
import csv
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED_PLAN = os.path.join(ROOT, "examples", "plans", "leshan-2010.yaml")

SIZES = {
    # bureaus, progress reports, risk points, findings, reports per share
    "S": dict(bureaus=11, progress=5_000, risk=2_000, findings=1_000, per_share=8),
    "M": dict(bureaus=200, progress=500_000, risk=200_000, findings=50_000, per_share=8),
    "L": dict(bureaus=3_000, progress=5_000_000, risk=2_000_000, findings=1_000_000, per_share=8),
}

# the seed's departments and affiliates (ids and names as in leshan-2010.yaml)
DEPARTMENTS = [("liyong", "利用科"), ("guihua", "规划科"), ("gengbao", "耕保科"), ("diji", "地籍科"),
               ("fagui", "法规科"), ("jiancha", "监察室"), ("xinfang", "信访科"), ("kuangguan", "矿管科"),
               ("caiwu", "财务室"), ("bangongshi", "办公室"), ("dangweiban", "党委办"),
               ("jiguan-dangban", "机关党办"), ("renshi", "人事科"), ("shenpi", "行政审批科")]
AFFILIATES = [("jiaoyi", "交易中心"), ("zhifa", "执法支队"), ("xinxi", "信息中心")]
SEED_COUNTIES = ["shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei", "jingyan", "jiajiang", "muchuan",
                 "ebian", "mabian", "emeishan"]

# place-name characters for county-level bureaus (composed, not real places)
PLACE = ("安宁平江山川河阳城丰源华泰兴隆昌盛宜宾南充遂德广元达巴资眉雅凉攀绵剑阁苍溪旺通朝天利州罗江"
         "中江射洪蓬溪大英乐至简仁寿彭山洪雅丹棱青神荣威内峨金堂新都温郫双流邛崃崇州都江蒲什邡")
PLACE_KIND = [("县国土资源局", 6), ("市国土资源局", 2), ("区国土资源分局", 2)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌波辉宁林峰鹏飞雪梅琳东海燕春晓云亮成荣新利清"

SCOPES = [("post", ["土地供应岗", "出纳岗", "预算管理岗", "执法巡查岗", "登记发证岗", "测绘审核岗", "项目验收岗", "档案管理岗"]),
          ("business", ["土地使用权出让审批", "采矿权审批", "专项资金管理", "干部选拔任用", "行政复议", "征地补偿", "土地整治项目", "地质灾害防治"]),
          ("process_step", ["建设用地预审", "矿产资源储量评审", "出让方案审查", "招拍挂公告发布", "补偿标准核定", "规划调整论证", "执法案件审理", "资金拨付审核"])]
RISK_TYPES = ["思想道德", "制度机制", "岗位职责", "业务流程", "外部环境"]
ORIGINS = [("self_reported", 6), ("investigated", 2), ("inspection_tour", 1), ("citizen_report", 1), ("audit", 1)]
DEADLINES = ["2010年11月底完成", "2010年12月中旬完成", "2010年底前完成", "2011年3月底完成", "2011年6月底完成",
             "2011年第三季度末", "2011年9月底完成", "2011年11月底前", "2011年底前完成", "2011年完成"]


def vocabulary():
    """Clauses of the seed plan (Chinese text between punctuation), for composing text."""
    with open(SEED_PLAN, encoding="utf-8") as f:
        text = f.read()
    clauses = set()
    for run in re.findall(r"[\u4e00-\u9fff“”《》()()、]+", text):
        for c in re.split(r"[、“”《》()()]", run):
            if 4 <= len(c) <= 24:
                clauses.add(c)
    return sorted(clauses)


class Text:
    """Chinese text of a realistic length, composed from the seed's clauses."""

    def __init__(self, rng, words):
        self.rng, self.words = rng, words

    def sentence(self, lo, hi):
        out, n = [], 0
        target = self.rng.randint(lo, hi)
        while n < target:
            w = self.rng.choice(self.words)
            out.append(w)
            n += len(w) + 1
        s = ",".join(out)
        return s[:hi - 1].rstrip(",") + "。"

    def person(self):
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.randrange(total)
    for v, w in pairs:
        if x < w:
            return v
        x -= w
    return pairs[-1][0]


def bureau_names(rng, n):
    seen, names = set(), []
    while len(names) < n:
        name = rng.choice(PLACE) + rng.choice(PLACE)
        if name[0] == name[1] or name in seen:
            continue
        seen.add(name)
        names.append(name + weighted(rng, PLACE_KIND))
    return names


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def date_add(y, m, d, days):
    import datetime
    t = datetime.date(y, m, d) + datetime.timedelta(days=days)
    return t.isoformat()


def write_plan(path, size, cfg, rng, text):
    """The plan of a province (M) or the country (L), streamed."""
    with open(SEED_PLAN, encoding="utf-8") as f:
        seed = f.read()
    phases = seed[seed.index("\nphases:\n") + 1:seed.index("\ntasks:\n") + 1].replace("unit: city", "unit: top")
    tasks = seed[seed.index("\ntasks:\n") + 1:]
    n = cfg["bureaus"]
    bureaus = [("b%04d" % (i + 1), name) for i, name in enumerate(bureau_names(rng, n))]
    top = "国土资源部" if size == "L" else "某省国土资源厅"
    outcomes = -(-cfg["progress"] // (n * cfg["per_share"]))  # ceil: shares enough for the reports
    per_task = 8
    ntasks = -(-outcomes // per_task)
    out_ids = []
    with open(path, "w", encoding="utf-8") as w:
        w.write("# SYNTHETIC: generated by bench/gen.py (size %s); not a real plan.\n" % size)
        w.write("format: 1\ncampaign:\n  id: bench-%s\n" % size.lower())
        w.write("  title: %s\n" % q(top + "开展“两整治一改革”专项行动实施方案"))
        w.write("  issuer: %s\n  basis: \"国土资党组〔2010〕5号\"\n" % q(top))
        w.write("  period: \"2010年10月开始,至2011年12月\"\n")
        w.write("  preamble: %s\n" % q(text.sentence(120, 200)))
        w.write("  summary: %s\n" % q(text.sentence(200, 320)))
        w.write("units:\n  - id: top\n    name: %s\n    kind: bureau\n    units:\n" % q(top))
        for uid, name in DEPARTMENTS:
            w.write("      - {id: %s, name: %s, kind: department}\n" % (uid, q(name)))
        for uid, name in AFFILIATES:
            w.write("      - {id: %s, name: %s, kind: affiliate}\n" % (uid, q(name)))
        for uid, name in bureaus:
            w.write("      - {id: %s, name: %s, kind: subordinate_bureau}\n" % (uid, q(name)))
        w.write("unit_groups:\n")
        for gid, name, members in (
                ("departments", "各科室", [d for d, _ in DEPARTMENTS]),
                ("affiliates", "直属单位", [a for a, _ in AFFILIATES]),
                ("other-departments", "其他行政科室", [d for d, _ in DEPARTMENTS]),
                ("counties", "各县(市、区)国土资源局(分局)", [b for b, _ in bureaus]),
                ("heads", "各科室和直属单位负责人", [d for d, _ in DEPARTMENTS + AFFILIATES])):
            w.write("  - id: %s\n    name: %s\n    members:\n" % (gid, q(name)))
            for m in members:
                w.write("      - %s\n" % m)
        # 各牵头科室, which the seed's phases name: derived, as in the seed
        w.write("  - id: lead-departments\n    name: \"各牵头科室\"\n    derive: lead-departments\n")
        w.write("bodies:\n  - id: leading-group\n    name: \"领导小组\"\n    members:\n")
        for role in ("组长", "副组长", "副组长"):
            w.write("      - {name: %s, role: %s}\n" % (q(text.person()), q(role)))
        w.write("      - {role: \"成员\", unit_group: heads}\n")
        w.write(phases)
        w.write(tasks.rstrip("\n") + "\n")
        # (四): the share-bearing section, led by every county-level bureau
        w.write("  - id: t4\n    label: \"(四)\"\n    title: \"各地落实专项行动情况\"\n    tasks:\n")
        k = 0
        for t in range(ntasks):
            tid = "t4.%d" % (t + 1)
            w.write("      - id: %s\n        label: \"%d.\"\n        title: %s\n" % (tid, t + 1, q(text.sentence(10, 24).rstrip("。"))))
            w.write("        objective: %s\n" % q(text.sentence(80, 160)))
            w.write("        measures:\n          - id: %s.m1\n            text: %s\n" % (tid, q(text.sentence(60, 140))))
            w.write("            lead:\n              - {unit_group: counties, as: \"各县(市、区)国土资源局(分局)\"}\n")
            w.write("            support: [departments]\n        outcomes:\n")
            for o in range(per_task):
                if k == outcomes:
                    break
                oid = "%s.o%d" % (tid, o + 1)
                dl = DEADLINES[k % len(DEADLINES)]
                w.write("          - id: %s\n            label: \"(%d)\"\n            text: %s\n            deadline: %s\n"
                        % (oid, o + 1, q(text.sentence(30, 90).rstrip("。") + "," + dl + "。"), q(dl)))
                out_ids.append(oid)
                k += 1
    return bureaus, out_ids


def write_progress(path, cfg, rng, text, shares_units, shares_outcomes):
    """Reports in rounds: each round, every unit reports on each of its shares,
    dated about a month after the last (as a province collects them)."""
    total, per = cfg["progress"], cfg["per_share"]
    written = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff")
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["outcome", "unit", "status", "percent", "date", "note", "evidence"])
        for r in range(per):
            for u in shares_units:
                for o in shares_outcomes(u):
                    if written == total:
                        return written
                    pct = min(100, (r + 1) * 100 // per + rng.randint(-5, 5)) if r < per - 1 else 100
                    if r == per - 1 and rng.random() < 0.25:
                        pct = rng.randint(80, 99)
                    pct = max(1, pct)
                    status = "done" if pct == 100 else ("blocked" if rng.random() < 0.02 else "in_progress")
                    date = date_add(2010, 10, 15, r * 30 + rng.randint(0, 20))
                    note = text.sentence(20, 80) if rng.random() < 0.8 else ""
                    ev = ("国土资发〔%d〕%d号" % (2010 + (r > 2), rng.randint(1, 400))) if rng.random() < 0.3 else ""
                    w.writerow([o, u, status, pct, date, note, ev])
                    written += 1
    return written


def write_risk(path, cfg, rng, text, units, size):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff")
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "unit", "scope", "scope_name", "type", "name", "description", "manifestations", "owner",
                    "leader", "inputs", "graded_on"])
        for i in range(cfg["risk"]):
            scope, names = rng.choice(SCOPES)
            u = units[i % len(units)]
            w.writerow(["%s-R%07d" % (size, i + 1), u, scope, rng.choice(names), rng.choice(RISK_TYPES),
                        text.sentence(8, 20).rstrip("。"), text.sentence(40, 120), text.sentence(20, 60),
                        text.person(), text.person(),
                        "likelihood=%d,impact=%d" % (rng.randint(1, 5), rng.randint(1, 5)),
                        date_add(2010, 11, 1, rng.randint(0, 60))])


def write_findings(path, cfg, rng, text, units, size):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff")
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "unit", "category", "origin", "people", "description", "amount", "found_on", "round"])
        for i in range(cfg["findings"]):
            u = units[i % len(units)]
            x = rng.random()
            cat = ("ten-categories/c%d" % rng.randint(1, 10)) if x < 0.7 else (
                "five-behaviours/b%d" % rng.randint(1, 5)) if x < 0.75 else ""
            people = "、".join(text.person() for _ in range(rng.randint(1, 3))) if rng.random() < 0.6 else ""
            amount = "%d.%02d" % (rng.randint(1000, 5_000_000), rng.randint(0, 99)) if rng.random() < 0.4 else ""
            w.writerow(["%s-F%07d" % (size, i + 1), u, cat, weighted(rng, ORIGINS), people, text.sentence(30, 120),
                        amount, date_add(2010, 10, 20, rng.randint(0, 400)), ""])


def write_big_plan(path, measures, rng, text):
    """A plan of @measures tasks of one measure and one outcome each, led by the
    bureaus in turn (one share per outcome): the streamed-import benchmark
    (issue 19: 200,000 measures, about 110 MB)."""
    base = path + ".head"
    write_plan(base, "M", dict(SIZES["M"], progress=1), rng, text)
    with open(base, encoding="utf-8") as f:
        head = f.read()
    os.remove(base)
    bureaus = ["b%04d" % (i + 1) for i in range(SIZES["M"]["bureaus"])]
    with open(path, "w", encoding="utf-8") as w:
        w.write(head[:head.index("  - id: t4\n")])
        w.write("  - id: t5\n    label: \"(五)\"\n    title: \"逐项落实\"\n    tasks:\n")
        for t in range(measures):
            tid = "t5.%d" % (t + 1)
            w.write("      - id: %s\n        title: %s\n" % (tid, q(text.sentence(10, 24).rstrip("。"))))
            w.write("        measures:\n          - id: %s.m1\n            text: %s\n" % (tid, q(text.sentence(40, 80))))
            w.write("            lead: [%s]\n" % bureaus[t % len(bureaus)])
            w.write("        outcomes:\n          - id: %s.o1\n            text: %s\n            deadline: %s\n"
                    % (tid, q(text.sentence(20, 50)), q(DEADLINES[t % len(DEADLINES)])))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=sorted(SIZES), required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output directory (outside the git tree)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the row counts (for quick trials)")
    ap.add_argument("--plan-measures", type=int, default=0,
                    help="write only plan.yaml: this many tasks of one measure and one outcome (size M's units)")
    a = ap.parse_args()
    if a.plan_measures:
        os.makedirs(a.out, exist_ok=True)
        rng = random.Random(a.seed * 1000 + ord("P"))
        write_big_plan(os.path.join(a.out, "plan.yaml"), a.plan_measures, rng, Text(rng, vocabulary()))
        return
    cfg = dict(SIZES[a.size])
    for k in ("progress", "risk", "findings"):
        cfg[k] = max(1, int(cfg[k] * a.scale))
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed * 1000 + ord(a.size))
    text = Text(rng, vocabulary())
    plan = os.path.join(a.out, "plan.yaml")
    if a.size == "S":
        # the seed plan itself; shares: counties' outcomes of t2.2, and outcomes of single leads
        with open(SEED_PLAN, encoding="utf-8") as src, open(plan, "w", encoding="utf-8") as dst:
            dst.write(src.read())
        # (the seed's outcome owners: t3.1.o2 is 矿管科's, t3.1.o1 and o3 人事科's)
        fixed = {"liyong": ["t1.1.o1", "t1.1.o2", "t1.1.o3"],
                 "kuangguan": ["t1.2.o1", "t1.2.o2", "t1.2.o3", "t1.2.o4", "t3.1.o2"],
                 "renshi": ["t3.1.o1", "t3.1.o3"], "bangongshi": ["t3.3.o1", "t3.3.o2", "t3.3.o3"]}
        for c in SEED_COUNTIES:
            fixed[c] = ["t2.2.o1", "t2.2.o2", "t2.2.o3", "t2.2.o4"]
        share_units = sorted(fixed)
        def share_outcomes(u):
            return fixed[u]
        risk_units = [d for d, _ in DEPARTMENTS + AFFILIATES] + SEED_COUNTIES
        campaign, bureaus = "leshan-ltyg-2010", SEED_COUNTIES
        outcome_ids = fixed["shizhong"]
    else:
        bl, outcome_ids = write_plan(plan, a.size, cfg, rng, text)
        bureaus = [b for b, _ in bl]
        share_units = bureaus
        def share_outcomes(u):
            return outcome_ids
        risk_units = [d for d, _ in DEPARTMENTS + AFFILIATES] + bureaus
        campaign = "bench-%s" % a.size.lower()
    n = write_progress(os.path.join(a.out, "progress.csv"), cfg, rng, text, share_units, share_outcomes)
    write_risk(os.path.join(a.out, "risk.csv"), cfg, rng, text, risk_units, a.size)
    write_findings(os.path.join(a.out, "findings.csv"), cfg, rng, text, risk_units, a.size)
    manifest = dict(size=a.size, seed=a.seed, campaign=campaign, bureaus=len(bureaus), progress=n,
                    risk=cfg["risk"], findings=cfg["findings"], unit=bureaus[len(bureaus) // 2],
                    outcome=outcome_ids[0], group="counties", as_of="2011-01-05",
                    files={k: os.path.join(a.out, k) for k in ("plan.yaml", "progress.csv", "risk.csv", "findings.csv")})
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(json.dumps(manifest, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
