#!/bin/sh
# The README's second command, and CI's: every test, C, Python and Java, on
# a normal build, then the C suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer (with coverage measured in the same pass), the
# fuzz targets for a short while. Fails loudly: any failure exits non-zero.
set -eu
cd "$(dirname "$0")/.."
. ./.ci/deps.sh
jobs=$(nproc)
echo "== build, optimised (-O2 warnings such as format-truncation are errors too)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython3_EXECUTABLE=/usr/bin/python3 -DCAMPAIGN_REQUIRE_BINDINGS=ON -DCAMPAIGN_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
echo "== tests: C, Python, Java"
ctest --test-dir build --output-on-failure -j"$jobs"
echo "== benchmark harness at size S (kept working; no timing is asserted)"
/usr/bin/python3 bench/run.py --size S --build build --work build/bench
echo "== build, Release (C only: -O3 warnings such as maybe-uninitialized are errors too)"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DCAMPAIGN_PYTHON=OFF -DCAMPAIGN_JAVA=OFF -DCAMPAIGN_WERROR=ON >/dev/null
cmake --build build-release -j"$jobs"
echo "== tests under ASan + UBSan (C suite), measuring coverage in the same pass"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCAMPAIGN_SANITIZE=ON -DCAMPAIGN_COVERAGE=ON -DCAMPAIGN_PYTHON=OFF \
  -DCAMPAIGN_JAVA=OFF -DCAMPAIGN_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
echo "== fuzz targets, 15 s each (libFuzzer, ASan + UBSan; the long run: docs/testing.md)"
sh tests/fuzz/run.sh 15
echo "== coverage of libcampaign/ over the ASan pass (gcc --coverage, gcovr; fails under the floors of tests/coverage.sh)"
sh tests/coverage.sh --from build-asan
echo "== all tests passed"
