#!/bin/sh
# The ABI against its stored baseline (libabigail): an incompatible change
# fails; any other change (a new function) fails too until the baseline is
# written anew with `abi_baseline.sh LIB INCLUDE_DIR BASELINE --update` and
# the change is entered in CHANGELOG.md -- so no change to the ABI is silent.
# usage: abi_baseline.sh LIBRARY INCLUDE_DIR BASELINE [--update]
set -eu
lib=$1 inc=$2 base=$3
dump() {
  abidw --headers-dir "$inc/campaign" --no-show-locs --no-corpus-path --drop-private-types "$lib"
}
if [ "${4:-}" = "--update" ]; then
  dump > "$base"
  echo "abi baseline written: $base ($(grep -c '<function-decl' "$base") functions)"
  exit 0
fi
[ -f "$base" ] || { echo "no ABI baseline at $base: write one with --update"; exit 1; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
dump > "$tmp"
set +e
abidiff --no-show-locs "$base" "$tmp"
rc=$?
set -e
if [ $rc -eq 0 ]; then
  echo "abi: unchanged from $base ($(grep -c '<function-decl' "$base") functions)"
  exit 0
fi
[ $((rc & 1)) -ne 0 ] && { echo "abidiff failed (exit $rc)"; exit 1; }
[ $((rc & 8)) -ne 0 ] && { echo "abi: INCOMPATIBLE change against $base: bump the SONAME or undo it"; exit 1; }
echo "abi: changed against $base (compatible): record it in CHANGELOG.md and run with --update"
exit 1
