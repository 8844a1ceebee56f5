#!/usr/bin/python3
"""The Python binding's side: a bulk import and iterating rows, through the
existing API (campaign.Store.progress_import_file, Store.progress_history_query).

    PYTHONPATH=BUILD/python /usr/bin/python3 bench/iter.py iterate STORE ROWS
    PYTHONPATH=BUILD/python /usr/bin/python3 bench/iter.py import STORE progress.csv
"""
import json
import resource
import sys
import time

import campaign


def emit(what, t0, rows):
    print(json.dumps(dict(what=what, seconds=round(time.monotonic() - t0, 6), rows=rows,
                          maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)), flush=True)


def main():
    mode, store = sys.argv[1], sys.argv[2]
    with campaign.open(store) as db:
        t0 = time.monotonic()
        if mode == "import":
            db.progress_import_file(path=sys.argv[3], actor="bench")
            emit("import.progress.python", t0, 0)
            return
        want, n = int(sys.argv[3]), 0
        while n < want:
            before = n
            for row in db.progress_history_query():
                n += 1
                if n == want:
                    break
            if n == before:
                break
        emit("iterate.python", t0, n)


if __name__ == "__main__":
    main()
