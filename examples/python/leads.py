#!/usr/bin/env python3
"""Load a plan and print what each unit leads, with the deadlines of each
measure's task — the same output as examples/c/leads.c.

    python3 leads.py PLAN.yaml [STORE]
"""
import sys

import campaign


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: leads.py PLAN.yaml [STORE]", file=sys.stderr)
        return 2
    with campaign.open(argv[2] if len(argv) == 3 else ":memory:") as db:
        db.plan_import_file(argv[1], actor="example")
        task_of = {m.id: m.task for m in db.measures_query()}
        leads = {}
        for r in db.responsibilities_query():
            if r.unit and r.role == "lead":
                leads.setdefault(r.unit, []).append(r.measure)
        for unit in db.units_query():
            measures = leads.get(unit.id)
            if not measures:
                continue
            print("%s\t%s" % (unit.name, " ".join(measures)))
            for m in measures:
                lasts = [o.last.isoformat() if o.last else "-" for o in db.outcomes_query(task=task_of[m])]
                print("  %s\t%s" % (m, " ".join(lasts)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
