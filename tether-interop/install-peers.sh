#!/usr/bin/env bash
# Installs the npm peers used by the interop tests from the committed package-lock.json files:
# this directory's (actionhero-node-client, @metarhia/jstp, mdsf) and web/'s (actionhero@29.3.5,
# whose browser client web/build-client.js renders for the browser tests).
# Re-runs each only when its lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "install-peers: npm not found; the interop tests need Node.js and npm (apt-get install nodejs npm)." >&2
  exit 1
fi
install_dir() {
  local dir=$1 stamp want
  stamp=$dir/node_modules/.tether-lock.sha
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return 0; fi
  echo "install-peers: npm ci ($dir)" >&2
  # --ignore-scripts: the peers work without their optional native addons (mdsf, ws), and
  # mdsf's build script downloads Unicode tables from outside the npm registry.
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}
install_dir .
install_dir web
