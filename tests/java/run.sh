#!/bin/sh
# Compiles and runs the JUnit 5 suite with Debian's junit5 (the console
# launcher), against campaign.jar and the JNI library of the build tree.
# usage: run.sh JAVAC JAVA JAR LIBDIR SOURCE_DIR WORK_DIR [INTEROP_STORE]
set -eu
javac=$1 java=$2 jar=$3 libdir=$4 src=$5 work=$6 interop=${7:-}
junit=/usr/share/java/junit-platform-console-standalone.jar
[ -f "$junit" ] || { echo "missing $junit (Debian package junit5)"; exit 1; }
rm -rf "$work/classes" && mkdir -p "$work/classes"
"$javac" -encoding UTF-8 -Xlint:all -Werror -d "$work/classes" -cp "$jar:$junit" \
  $(find "$src/tests/java/src" -name '*.java')
exec "$java" -Dfile.encoding=UTF-8 -Djava.library.path="$libdir" -Dcampaign.source.dir="$src" \
  ${interop:+-Dcampaign.interop.store="$interop"} \
  -jar "$junit" --class-path "$work/classes:$jar" --scan-class-path "$work/classes" \
  --fail-if-no-tests --disable-banner --details=tree
