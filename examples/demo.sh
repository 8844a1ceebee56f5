#!/bin/sh
# The README's first command: install what is missing, build, and show the
# seed plan loaded into an SQLite store (build/demo.db).
set -eu
cd "$(dirname "$0")/.."
. ./.ci/deps.sh
cmake -S . -B build -DPython3_EXECUTABLE=/usr/bin/python3 -DCAMPAIGN_REQUIRE_BINDINGS=ON >/dev/null
cmake --build build -j"$(nproc)"
build/cli/campaign import examples/plans/leshan-2010.yaml --db build/demo.db --replace --actor demo
build/cli/campaign show --db build/demo.db
echo
echo "store: build/demo.db    try: build/cli/campaign show --db build/demo.db --format json"
