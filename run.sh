#!/usr/bin/env bash
# Builds what is needed and runs Hopfield Lab (no other setup: embedded database, Node fetched from the npm registry).
#   ./run.sh          the server: Vaadin + Spring Boot with the embedded H2 database, on http://localhost:8080
#   ./run.sh lab      only the static in-browser lab, served by the JDK's jwebserver on http://127.0.0.1:8000
# PORT overrides the port. Needs a JDK 21+ (JAVA_HOME, or one under /usr/lib/jvm) and npm on the PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

java_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME")" -lt 21 ]] 2>/dev/null; then
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$d/bin/java" && "$(java_major "$d")" -ge 21 ]] 2>/dev/null; then JAVA_HOME="$d"; break; fi
  done
fi
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME")" -lt 21 ]] 2>/dev/null; then
  echo "run.sh: needs a JDK 21 or newer; set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

case "${1:-server}" in
  lab)
    ./mvnw -B -q -pl simulator,webapp -am package -DskipTests
    echo "Hopfield Lab (static lab): http://127.0.0.1:${PORT:-8000}/"
    exec jwebserver -b 127.0.0.1 -p "${PORT:-8000}" -d "$PWD/webapp/target/lab"
    ;;
  server)
    ./mvnw -B -q -pl server -am package -DskipTests
    exec java -jar server/target/hopfield-server.jar ${PORT:+--server.port=$PORT}
    ;;
  *)
    echo "usage: ./run.sh [server|lab]" >&2
    exit 2
    ;;
esac
