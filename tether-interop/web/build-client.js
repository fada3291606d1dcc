#!/usr/bin/env node
// Renders ActionHero's browser client exactly as actionhero@29.3.5 does when its websocket
// server boots (WebSocketServer#renderClientJS: Primus' library() for the `websockets`
// transformer and the JSON parser, then actionhero's client/ActionheroWebsocketClient.js with
// its default client options), using the installed npm packages: nothing is copied into the
// repository. Usage: node build-client.js OUTPUT_FILE
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const out = process.argv[2];
if (!out) {
  console.error('usage: node build-client.js OUTPUT_FILE');
  process.exit(2);
}
// actionhero reads a config directory when loaded: point it at its own defaults
process.env.ACTIONHERO_CONFIG = path.join(path.dirname(require.resolve('actionhero/package.json')), 'dist', 'config');
const actionhero = require('actionhero');
const { WebSocketServer } = require('actionhero/dist/servers/websocket');
const websocketConfig = require('actionhero/dist/config/websocket').DEFAULT.websocket;
const Primus = require(require.resolve('primus', { paths: [require.resolve('actionhero')] }));

// the Primus actionhero creates: default options (pathname /primus, pingInterval 30 s) with
// the transformer and parser Tether speaks
const primus = new Primus(http.createServer(), { transformer: 'websockets', parser: 'JSON' });
actionhero.api.servers = { servers: { websocket: { server: primus } } };
const config = websocketConfig({ web: { fingerprintOptions: { cookieKey: 'sessionID' } } });
const server = { config, compileActionheroWebsocketClientJS: WebSocketServer.prototype.compileActionheroWebsocketClientJS };
const source = WebSocketServer.prototype.renderClientJS.call(server);

fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, source);
console.log(`build-client: wrote ${out} (${source.length} chars, primus ${primus.version})`);
process.exit(0);
