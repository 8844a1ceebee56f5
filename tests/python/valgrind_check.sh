#!/bin/sh
# Runs part of the Python suite under valgrind and fails on any error or
# definitely-lost block whose stack passes through libcampaign (the
# interpreter's own noise is not ours to judge).
# usage: valgrind_check.sh VALGRIND PYTHON TESTS_DIR
set -eu
valgrind=$1 python=$2 dir=$3
log=$(mktemp)
trap 'rm -f "$log"' EXIT
PYTHONMALLOC=malloc "$valgrind" --quiet --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --num-callers=40 --log-file="$log" \
  "$python" -m pytest -q -p no:cacheprovider "$dir/test_plan.py" "$dir/test_progress.py" "$dir/test_export_all.py" \
  -k "round_trip or csv_door or close_twice or deadline or report_as_of or checkpoint or clerk or (bad_input and (month or utf8 or syntax or duplicate))" >/dev/null
# valgrind separates records with blank lines ("==PID== ")
awk '/^==[0-9]+== $/ { if (rec ~ /libcampaign|_capi/) { print rec; bad = 1 } rec = ""; next }
     { rec = rec $0 "\n" }
     END { if (rec ~ /libcampaign|_capi/) { print rec; bad = 1 } exit bad }' "$log" || {
  echo "valgrind: errors or leaks in libcampaign (above)"; exit 1; }
echo "valgrind: no error and no definite leak in libcampaign"
