#!/usr/bin/python3
"""The ctest bindings.reachable: fails when a function libcampaign.so exports
is reachable from neither a generated method nor a commented allow-list.

For every `campaign_*` symbol of `nm -D --defined-only libcampaign.so`:
  - it is in the generator's manifest (gen/generate.py, manifest.json) with a
    Python name that exists on the imported package (campaign.Store.x,
    campaign.Cursor.x, campaign.x) and a Java name that javap finds on the
    compiled class (org.campaign.Store, Rows, Campaign); an options
    struct's _init() counts when the generated code calls it and the
    generated options class exists; or
  - it is in generate.py's INTERNAL allow-list, whose reason names where the
    hand-written layer calls it, and that hand-written code does call it
    (a reason starting "not needed:" says why no binding calls it).
usage: reachable.py --lib LIB --manifest JSON --bindings DIR [--python-path P] [--jar JAR --javap JAVAP]
"""

import argparse
import glob
import importlib
import json
import os
import re
import subprocess
import sys


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True, text=True).stdout
    return sorted({l.split()[-1].split("@")[0] for l in out.splitlines()
                   if len(l.split()) >= 3 and l.split()[1] in "TtWi" and l.split()[-1].startswith("campaign_")})


def java_members(javap, jar, classes):
    """{class simple name: set of method names} (public and package-private)."""
    out = subprocess.run([javap, "-p", "-cp", jar] + ["org.campaign." + c for c in classes], capture_output=True,
                         text=True)
    members, cls = {}, None
    for line in out.stdout.splitlines():
        m = re.match(r"^(?:public |final |abstract )*(?:class|interface) org\.campaign\.(\w+)", line)
        if m:
            cls = m.group(1)
            members[cls] = set()
            continue
        m = re.search(r"\s(\w+)\(", line)
        if cls and m:
            members[cls].add(m.group(1))
    return members


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lib", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--bindings", required=True, help="the source directory bindings/ (hand-written layers)")
    ap.add_argument("--python-path")
    ap.add_argument("--jar")
    ap.add_argument("--javap")
    a = ap.parse_args()
    man = json.load(open(a.manifest, encoding="utf-8"))
    funcs, internal = man["functions"], man["internal"]
    problems = []

    campaign = api_src = None
    if a.python_path:
        sys.path.insert(0, a.python_path)
        campaign = importlib.import_module("campaign")
        api_src = open(os.path.join(os.path.dirname(campaign.__file__), "_api.py"), encoding="utf-8").read()
    java = {}
    if a.jar:
        classes = {"Store", "Rows", "Campaign"} | {v["java"].split(":")[1] for v in funcs.values()
                                                     if (v.get("java") or "").startswith("options:")}
        java = java_members(a.javap, a.jar, sorted(classes))

    # the hand-written layers, where INTERNAL says the functions are called
    hand = ""
    for pat in ("python/campaign/*.py", "python/*.i", "java/*.i", "java/src/org/campaign/*.java", "campaign.i"):
        for path in glob.glob(os.path.join(a.bindings, pat)):
            hand += open(path, encoding="utf-8").read()
    generated_helpers = (api_src or "") + "".join(
        open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(os.path.dirname(a.manifest), "java", "org",
                                                                        "campaign", "*.java")))

    for name in exported(a.lib):
        if name in internal:
            why = internal[name]
            if not why.startswith("not needed:") and not re.search(r"\b%s\b" % name, hand + generated_helpers):
                problems.append("%s: allow-listed (%s) but no binding code calls it" % (name, why))
            continue
        if name not in funcs:
            why = man.get("skipped", {}).get(name, "not declared with CAMPAIGN_API in include/campaign/*.h")
            problems.append("%s: not reachable from Python or Java (%s)" % (name, why))
            continue
        py, jv = funcs[name].get("python"), funcs[name].get("java")
        if campaign is not None:
            if py is None:
                problems.append("%s: no Python method" % name)
            elif py.startswith("options:"):
                if "_c.%s_init" % py.split(":")[1] not in api_src:
                    problems.append("%s: no generated Python code fills %s" % (name, py.split(":")[1]))
            else:
                obj = campaign
                for part in py.split("."):
                    obj = getattr(obj, {"Store": "Store", "Cursor": "Cursor"}.get(part, part), None)
                if not callable(obj):
                    problems.append("%s: campaign.%s does not exist" % (name, py))
        if a.jar:
            if jv is None:
                problems.append("%s: no Java method" % name)
            elif jv.startswith("options:"):
                if "toNative" not in java.get(jv.split(":")[1], ()):
                    problems.append("%s: no generated Java class %s" % (name, jv.split(":")[1]))
            else:
                cls, meth = jv.split(".")
                # inherited methods (StoreMethods, CursorMethods, CampaignApi) are listed on their class
                parent = {"Store": "StoreMethods", "Rows": "CursorMethods", "Campaign": "CampaignApi"}[cls]
                if meth not in java.get(cls, ()) and meth not in java.get(parent, ()):
                    if parent not in java:
                        java.update(java_members(a.javap, a.jar, [parent]))
                    if meth not in java.get(parent, ()):
                        problems.append("%s: org.campaign.%s.%s does not exist" % (name, cls, meth))
    for p in problems:
        print("bindings.reachable: " + p)
    n = len(exported(a.lib))
    if problems:
        print("bindings.reachable: %d of %d exported functions unreachable" % (len(problems), n))
        return 1
    print("bindings.reachable: all %d exported campaign_* functions reachable from%s%s" % (
        n, " Python" if campaign else "", " and Java" if a.jar else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
