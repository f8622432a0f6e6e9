#!/usr/bin/env bash
# wpt-runner: runs a web-platform-tests checkout's testharness.js tests against the wsjs runtime.
#   ./wpt-runner.sh --wpt DIR [TEST_PATH...] [options]   (--help lists the options)
# (The name has .sh because wpt-runner/ is the Maven module directory.)
# Builds the project on first use, and again when a source under runtime/ or wpt-runner/ changed.
#
# Environment:
#   JAVA_HOME        a JDK 25 (default: java on the PATH)
#   WSJS_JIT=0       run GraalJS interpreter-only instead of with the Graal optimizing compiler
#   JAVA_OPTS        extra JVM options
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TARGET="$HERE/wpt-runner/target"
LIB="$TARGET/lib"
JIT_DIR="$HERE/runtime/target/jit"

runner_jar() { compgen -G "$TARGET/wsjs-wpt-runner-*.jar" | grep -v -- '-sources\|-tests' | head -n 1 || true; }

needs_build() {
  local jar; jar="$(runner_jar)"
  [[ -z "$jar" || ! -d "$LIB" ]] && return 0
  # Any source or build file newer than the jar means a rebuild.
  [[ -n "$(find "$HERE/pom.xml" "$HERE/runtime/pom.xml" "$HERE/runtime/src/main" \
            "$HERE/wpt-runner/pom.xml" "$HERE/wpt-runner/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

if needs_build; then
  echo "wpt-runner: building (./mvnw -q -B -DskipTests package) ..." >&2
  (cd "$HERE" && ./mvnw -q -B -DskipTests package -pl wpt-runner -am) >&2
fi
JAR="$(runner_jar)"
[[ -n "$JAR" ]] || { echo "wpt-runner: build produced no jar in $TARGET" >&2; exit 3; }

FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
       -Dpolyglotimpl.AttachLibraryFailureAction=ignore)
if [[ "${WSJS_JIT:-1}" != "0" ]] && compgen -G "$JIT_DIR/compiler-*.jar" >/dev/null; then
  FLAGS+=(--upgrade-module-path="$JIT_DIR" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI)
fi
# shellcheck disable=SC2086
exec "$JAVA" "${FLAGS[@]}" ${JAVA_OPTS:-} -cp "$JAR:$LIB/*" dev.wsjs.wpt.Main "$@"
