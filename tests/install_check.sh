#!/bin/sh
# Installs the build into a temporary prefix, then builds the C example
# against the installed tree with pkg-config alone (shared and static) and
# with CMake's find_package(campaign), and runs each on the seed plan.
# usage: install_check.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
libdir=$(ls -d "$tmp"/prefix/lib*/pkgconfig | head -1 | xargs dirname)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
test -x "$tmp/prefix/bin/campaign"
test -f "$tmp/prefix/include/campaign/campaign.h"

cc -std=c11 -o "$tmp/leads" "$src/examples/c/leads.c" $(pkg-config --cflags --libs libcampaign)
LD_LIBRARY_PATH="$libdir" "$tmp/leads" "$src/examples/plans/leshan-2010.yaml" > "$tmp/shared.out"
grep -q "^利用科	t1.1.m1" "$tmp/shared.out"

cc -std=c11 -DCAMPAIGN_STATIC -o "$tmp/leads-static" "$src/examples/c/leads.c" \
  $(pkg-config --cflags libcampaign) "$libdir/libcampaign.a" $(pkg-config --static --libs-only-l libcampaign | sed 's/-lcampaign//')
"$tmp/leads-static" "$src/examples/plans/leshan-2010.yaml" > "$tmp/static.out"
cmp "$tmp/shared.out" "$tmp/static.out"

mkdir "$tmp/cm"
cat > "$tmp/cm/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.18)
project(consumer C)
find_package(campaign REQUIRED)
add_executable(leads "$src/examples/c/leads.c")
target_link_libraries(leads PRIVATE campaign::campaign)
CM
cmake -S "$tmp/cm" -B "$tmp/cm/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/cm/build" >/dev/null
LD_LIBRARY_PATH="$libdir" "$tmp/cm/build/leads" "$src/examples/plans/leshan-2010.yaml" > "$tmp/cmake.out"
cmp "$tmp/shared.out" "$tmp/cmake.out"
# the installed tool runs with no environment, from its prefix and from a copy of it elsewhere
env -u LD_LIBRARY_PATH "$tmp/prefix/bin/campaign" deadline 2010年11月底 > "$tmp/dl.out"
[ "$(cat "$tmp/dl.out")" = "2010-11-21 2010-11-30" ]
mkdir -p "$tmp/opt" && cp -a "$tmp/prefix" "$tmp/opt/campaign"
env -u LD_LIBRARY_PATH "$tmp/opt/campaign/bin/campaign" deadline 2010年11月底 > "$tmp/dl.out"
[ "$(cat "$tmp/dl.out")" = "2010-11-21 2010-11-30" ]
# the bindings, from the installed tree
pydir="$libdir/python3/dist-packages"
if [ -d "$pydir/campaign" ]; then
  PYTHONPATH="$pydir" /usr/bin/python3 "$src/examples/python/leads.py" "$src/examples/plans/leshan-2010.yaml" > "$tmp/py.out"
  cmp "$tmp/shared.out" "$tmp/py.out"
fi
if [ -f "$tmp/prefix/share/java/campaign.jar" ]; then
  mkdir "$tmp/j"
  javac -encoding UTF-8 -d "$tmp/j" -cp "$tmp/prefix/share/java/campaign.jar" "$src/examples/java/Leads.java"
  java -Djava.library.path="$libdir" -cp "$tmp/j:$tmp/prefix/share/java/campaign.jar" Leads \
    "$src/examples/plans/leshan-2010.yaml" > "$tmp/java.out"
  cmp "$tmp/shared.out" "$tmp/java.out"
fi
echo "install: pkg-config (shared, static), find_package(campaign), Python and Java consumers built and ran"
