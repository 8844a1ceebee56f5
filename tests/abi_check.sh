#!/bin/sh
# The shared library exports campaign_* symbols only, each declared in a
# public header, under the SONAME libcampaign.so.0.
# usage: abi_check.sh LIBRARY INCLUDE_DIR
set -eu
lib=$1 inc=$2
soname=$(objdump -p "$lib" | awk '$1 == "SONAME" {print $2}')
[ "$soname" = "libcampaign.so.0" ] || { echo "SONAME is '$soname', want libcampaign.so.0"; exit 1; }
syms=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sed 's/@.*//' | sort -u)
bad=$(printf '%s\n' "$syms" | grep -v '^campaign_' | grep -v '^LIBCAMPAIGN_' || true)
[ -z "$bad" ] || { echo "symbols exported outside campaign_*:"; echo "$bad"; exit 1; }
n=0
for s in $syms; do
  case $s in LIBCAMPAIGN_*) continue ;; esac
  grep -q "^CAMPAIGN_API [^;]*[ *]$s(" "$inc"/campaign/*.h || { echo "exported but not declared with CAMPAIGN_API in a public header: $s"; exit 1; }
  n=$((n + 1))
done
# every CAMPAIGN_API function in the headers is exported
for s in $(grep -ho '^CAMPAIGN_API [^;(]*(' "$inc"/campaign/*.h | sed 's/($//; s/.*[ *]//'); do
  printf '%s\n' "$syms" | grep -qx "$s" || { echo "declared but not exported: $s"; exit 1; }
done
echo "abi: $n symbols, all campaign_*, all declared; SONAME $soname"
