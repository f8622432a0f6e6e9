#!/usr/bin/env bash
# wpt-runner: runs a web-platform-tests checkout's testharness.js tests against the wsjs runtime.
#   ./wpt-runner.sh --wpt DIR [TEST_PATH...] [options]   (--help lists the options)
# The name has .sh because wpt-runner/ is the Maven module directory. Finds a JDK 25, builds on first
# use (and again when a source under runtime/ or wpt-runner/ changed), then runs the runner.
#
# Environment:
#   JAVA_HOME        a JDK 25 (default: the first one found, as ./wsjs does)
#   WSJS_JIT=0       run GraalJS interpreter-only instead of with the Graal optimizing compiler
#   JAVA_OPTS        extra JVM options
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"

find_java25() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25*; do
    [[ -d "$d" ]] && candidates+=("$d")
  done
  for home in "${candidates[@]}"; do
    if [[ -x "$home/bin/java" ]] && "$home/bin/java" -version 2>&1 | grep -q 'version "25'; then
      echo "$home"; return 0
    fi
  done
  if command -v java >/dev/null && java -version 2>&1 | grep -q 'version "25'; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0
  fi
  return 1
}

if ! JAVA_HOME="$(find_java25)"; then
  echo "wpt-runner: needs a JDK 25 (set JAVA_HOME to one, e.g. Temurin 25)" >&2
  exit 3
fi
export JAVA_HOME

target="$here/wpt-runner/target"
jit="$here/runtime/target/jit"
runner_jar() { ls "$target"/wsjs-wpt-runner-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n1 || true; }

jar="$(runner_jar)"
if [[ -z "$jar" || ! -d "$target/lib" \
      || -n "$(find "$here/pom.xml" "$here/runtime/pom.xml" "$here/runtime/src/main" \
                    "$here/wpt-runner/pom.xml" "$here/wpt-runner/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "wpt-runner: building ..." >&2
  (cd "$here" && ./mvnw -q -B -DskipTests -pl wpt-runner -am package >&2)
  jar="$(runner_jar)"
fi
[[ -n "$jar" ]] || { echo "wpt-runner: the build produced no jar in $target" >&2; exit 3; }

# Java code (GraalJS's interpreter, the Graal compiler itself) is compiled by C1 only, as ./wsjs does:
# tests are short and mostly cold, and C2 compiling the Graal compiler takes the cores from them.
# Measured on 2 cores, both idlharness variants at --jobs 2: 8.0-10.2 s instead of 11.9-13.2 s.
flags=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED
       -Dpolyglotimpl.AttachLibraryFailureAction=ignore -XX:TieredStopAtLevel=1)
# The Graal compiler speeds up long runs; it needs a JVM with JVMCI (probed once per JDK, as ./wsjs does).
if [[ "${WSJS_JIT:-1}" != "0" ]] && ls "$jit"/compiler-*.jar >/dev/null 2>&1; then
  probe="$jit/.jvmci-ok-$(echo "$JAVA_HOME" | cksum | cut -d' ' -f1)"
  if [[ -f "$probe" ]] || "$JAVA_HOME/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -version >/dev/null 2>&1; then
    touch "$probe"
    flags+=(--upgrade-module-path="$jit" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI)
  fi
fi
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" "${flags[@]}" ${JAVA_OPTS:-} -cp "$jar:$target/lib/*" dev.wsjs.wpt.Main "$@"
