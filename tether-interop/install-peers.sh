#!/usr/bin/env bash
# Installs the npm peers used by the interop tests from the committed package-lock.json.
# Re-runs only when the lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "install-peers: npm not found; the interop tests need Node.js and npm (apt-get install nodejs npm)." >&2
  exit 1
fi
stamp=node_modules/.tether-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then exit 0; fi
echo "install-peers: npm ci (tether-interop)" >&2
# --ignore-scripts: the peers work without their optional native addons (mdsf, ws), and
# mdsf's build script downloads Unicode tables from outside the npm registry.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
