#!/usr/bin/env bash
# Builds a minimal actionhero 29 project (plain JS, no TypeScript) in $1 that serves
# actionhero's own randomNumber action over actionhero-socket-server (servers only:
# the plugin's demo actions are not loaded). Needs node_modules in $1 (see compare.sh).
set -euo pipefail
P="$1"
AH="$P/node_modules/actionhero/dist"
mkdir -p "$P/dist/config" "$P/dist/actions"
for f in api errors logger redis tasks routes web websocket; do cp "$AH/config/$f.js" "$P/dist/config/"; done
sed 's#require("./../index")#require("actionhero")#' "$AH/actions/randomNumber.js" > "$P/dist/actions/randomNumber.js"
cat > "$P/dist/config/plugins.js" <<'JS'
"use strict";
const path = require("path");
exports.DEFAULT = {
  plugins: () => ({
    "actionhero-socket-server": {
      path: path.join(__dirname, "..", "..", "node_modules", "actionhero-socket-server"),
      actions: false, tasks: false, initializers: false, servers: true, public: false, cli: false,
    },
  }),
};
JS
cat > "$P/dist/config/socket.js" <<'JS'
"use strict";
exports.DEFAULT = {
  socket: () => ({
    enabled: true, secure: false, serverOptions: {},
    port: Number(process.env.SOCKET_PORT || 5000), bindIP: "127.0.0.1",
    setKeepAlive: false, delimiter: "\n", maxDataLength: 0,
  }),
};
JS
# the web and websocket servers are not part of the comparison
sed -i 's/enabled: true,/enabled: false,/' "$P/dist/config/web.js" "$P/dist/config/websocket.js"
