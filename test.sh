#!/usr/bin/env bash
# Runs every test of Hopfield Lab on this machine, doing its own set-up first (the README's test command; .ci/run
# calls exactly this). Works from a fresh clone with the default JDK 17 and no Chromium:
#   1. selects a JDK >= 21 under /usr/lib/jvm (Maven's enforcer needs 21+);
#   2. installs Debian's chromium + chromium-driver when missing (as root, or with sudo), else says what to install;
#   3. puts Node 24 (fetched from the npm registry by tools/node24.sh) first on the PATH;
#   4. starts PostgreSQL 15 with role/database "hopfield" when it is installed or installable (always in CI, where
#      CI=true makes the PostgreSQL tests fail instead of skipping);
#   5. runs ./mvnw -B verify with any extra arguments given to this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

say() { echo "==> $*"; }
die() { echo "test.sh: $*" >&2; exit 1; }

# Root runs apt directly; otherwise sudo without a password prompt, or nothing.
as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}
apt_install() {
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# 1. JDK >= 21 (prefer Temurin 25).
pick_jdk() {
  local d major
  for d in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*/; do
    d="${d%/}"
    [[ -n "$d" && -x "$d/bin/javac" && -f "$d/release" ]] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then echo "$d"; return 0; fi
  done
  return 1
}
JAVA_HOME="$(pick_jdk)" || die "needs a JDK 21 or newer under /usr/lib/jvm (e.g. apt install temurin-25-jdk, or set JAVA_HOME)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
say "JAVA_HOME=$JAVA_HOME"

# 2. Chromium + ChromeDriver from Debian for the browser tests (nothing downloads a browser).
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  say "installing chromium chromium-driver"
  apt_install chromium chromium-driver \
    || die "the browser tests need Debian's chromium and chromium-driver: run  sudo apt-get install chromium chromium-driver"
fi

# 3. Node 24 + npm 11 (TeaVM's Wasm GC output needs Node >= 22), first on the PATH.
command -v npm >/dev/null || apt_install npm || die "needs npm on the PATH (any version): sudo apt-get install npm"
NODE_BIN="$(tools/node24.sh)"
export PATH="$NODE_BIN:$PATH"
say "node $(node --version), npm $(npm --version 2>/dev/null)"

# 4. PostgreSQL 15 for PostgresProfileTest: required in CI, used when available elsewhere.
start_postgres() {
  if [[ ! -x /usr/lib/postgresql/15/bin/postgres ]]; then
    say "installing postgresql"
    apt_install --no-install-recommends postgresql || return 1
  fi
  as_root true || return 1
  pg_lsclusters -h 15 main >/dev/null 2>&1 || as_root pg_createcluster 15 main
  pg_lsclusters -h 15 main | grep -q online || as_root pg_ctlcluster 15 main start
  pg() { as_root runuser -u postgres -- psql -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
  [[ "$(pg "select 1 from pg_roles where rolname = 'hopfield'")" == 1 ]] || pg "create role hopfield login password 'hopfield'"
  [[ "$(pg "select 1 from pg_database where datname = 'hopfield'")" == 1 ]] || pg "create database hopfield owner hopfield"
  export HOPFIELD_DB_URL="jdbc:postgresql://localhost:$(pg 'show port')/hopfield" HOPFIELD_DB_USER=hopfield \
    HOPFIELD_DB_PASSWORD=hopfield
  say "PostgreSQL $(pg 'show server_version') at $HOPFIELD_DB_URL"
}
if [[ -z "${HOPFIELD_DB_URL:-}" ]]; then
  if ! start_postgres; then
    [[ "${CI:-}" == true ]] && die "CI needs PostgreSQL 15 for the PostgreSQL profile tests and could not install it"
    say "no PostgreSQL here: the PostgreSQL profile tests will be skipped (they say so)"
  fi
fi

# 5. Every test.
say "./mvnw -B verify $*"
exec ./mvnw -B verify "$@"
