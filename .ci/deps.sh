#!/bin/sh
# Installs the Debian 12 packages libcampaign needs to build and test, if any
# is missing. Sourced by examples/demo.sh and tests/run-all.sh.
CAMPAIGN_DEPS="build-essential cmake pkg-config libsqlite3-dev sqlite3 libyaml-dev libssl-dev libutf8proc-dev
  libxlsxwriter-dev libcmocka-dev swig python3 python3-dev python3-pytest python3-yaml python3-openpyxl
  tzdata default-jdk-headless junit5 valgrind binutils abigail-tools clang libclang-rt-14-dev gcovr
  libzip-dev libxml2-dev python3-docx gettext doxygen chromium"
missing=""
for p in $CAMPAIGN_DEPS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then
    echo "run as root, or install these Debian packages first:$missing" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || exit 1
fi
