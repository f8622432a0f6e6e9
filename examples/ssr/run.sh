#!/usr/bin/env bash
# Runs the server-side rendering example: builds what is missing, then starts
# dev.wsjs.examples.ssr.SsrServer on http://127.0.0.1:8080/ (options: --port= --runtimes= --feed=).
# Without --feed it also starts the embedded WebSocket server whose /ticks route is the live feed.
# --build-only: build what is missing and stop.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source <(sed -n '/^find_java25()/,/^}/p' ./wsjs)
JAVA_HOME="$(find_java25)" || { echo "run.sh: needs a JDK 25 (set JAVA_HOME)" >&2; exit 2; }
export JAVA_HOME

jar="$(ls runtime/target/wsjs-runtime-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n1 || true)"
if [[ -z "$jar" || ! -d runtime/target/lib || ! -d examples/target/classes/dev/wsjs/examples/ssr \
      || -n "$(find runtime/src/main examples/src/main runtime/pom.xml examples/pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "run.sh: building ..." >&2
  ./mvnw -q -B -DskipTests -pl examples -am package >&2
  jar="$(ls runtime/target/wsjs-runtime-*.jar | grep -v -e sources -e tests | head -n1)"
  touch "$jar" # Maven keeps an unchanged jar's old time
fi

[[ "${1:-}" == --build-only ]] && exit 0

exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
  -Dpolyglotimpl.AttachLibraryFailureAction=ignore \
  --upgrade-module-path=runtime/target/jit -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
  -cp "examples/target/classes:$jar:runtime/target/lib/*" dev.wsjs.examples.ssr.SsrServer "$@"
