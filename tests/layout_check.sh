#!/bin/sh
# The layers of libcampaign/: core/ includes only core; io/ core and io; a
# domain only core/core.h, io/io.h and its own folder's headers. Another
# domain's data is read through the views of schema/ (issue 13).
set -eu
root=${1:-$(dirname "$0")/../libcampaign}
bad=0
for f in "$root"/*/*.c "$root"/*/*.h; do
  dir=$(basename "$(dirname "$f")")
  for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
    top=${inc%%/*}
    [ "$top" = "$inc" ] && continue          # a file of the same folder
    case "$dir:$top" in
      *:campaign|core:core|io:core|io:io) ;;
      core:*|io:*) echo "$f includes $inc: $dir/ may include only $( [ "$dir" = core ] && echo core || echo 'core and io')"; bad=1 ;;
      *:core|*:io) ;;
      *) [ "$top" = "$dir" ] || { echo "$f includes $inc: a domain includes only core/, io/ and its own headers"; bad=1; } ;;
    esac
  done
done
# One write envelope: transactions begin and end only in the store and the
# envelope; nothing else calls the former doors.
for f in "$root"/*/*.c; do
  case "$f" in */core/store.c|*/core/write.c) continue ;; esac
  if grep -nE '\b(db_begin|db_commit|db_rollback|write_begin|write_end|query_open)\(|"(BEGIN|COMMIT|ROLLBACK)' "$f"; then
    echo "$f: begins or ends a transaction itself; use db_write() (core/write.c) or query_begin()"; bad=1
  fi
done
[ $bad -eq 0 ] && echo "layout: every include stays in its layer; transactions begin and commit only in core/store.c and core/write.c"
exit $bad
