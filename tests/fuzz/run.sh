#!/bin/sh
# Builds the libFuzzer targets in build-fuzz (clang, ASan + UBSan) and runs
# each for SECONDS (default 20) from its seed corpus; fails on any crash,
# leak, undefined behaviour, unexpected error code or timeout. New inputs
# go to build-fuzz/corpus/<target>/ (never into the tree); a finding is
# written as build-fuzz/crash-* (or leak-*, timeout-*) and re-run with
#   build-fuzz/tests/fuzz/fuzz_<target> build-fuzz/crash-...
# Usage: sh tests/fuzz/run.sh [SECONDS] [TARGET...]
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-20}
[ $# -gt 0 ] && shift
targets=${*:-deadline plan rows rules model sql}
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCAMPAIGN_FUZZ=ON -DCAMPAIGN_TESTS=OFF -DCAMPAIGN_PYTHON=OFF \
  -DCAMPAIGN_JAVA=OFF -DCAMPAIGN_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz --target fuzz -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in $targets; do
  mkdir -p build-fuzz/corpus/$t
  echo "== fuzz $t for ${secs}s"
  build-fuzz/tests/fuzz/fuzz_$t -max_total_time="$secs" -timeout=10 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/ build-fuzz/corpus/$t tests/fuzz/corpus/$t >build-fuzz/fuzz-$t.log 2>&1 || {
    tail -60 build-fuzz/fuzz-$t.log
    echo "fuzz $t: a finding (log: build-fuzz/fuzz-$t.log)" >&2
    exit 1
  }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build-fuzz/fuzz-$t.log | tr '\n' ' '
  echo
done
echo "== fuzz: no finding"
