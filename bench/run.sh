#!/bin/sh
# The benchmark in one command: bench/run.sh [S|M|L] [run.py options] (see bench/run.py).
size=${1:-S}
[ $# -gt 0 ] && shift
exec /usr/bin/python3 "$(dirname "$0")/run.py" --size "$size" "$@"
