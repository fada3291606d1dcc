// Loads ActionHero's browser client (the file web/build-client.js rendered: Primus' client
// library + ActionheroWebsocketClient) into node, unchanged, with the `ws` package as the
// browser's WebSocket: the script runs in a vm context that stands in for `window`.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const webRequire = require("node:module").createRequire(path.join(__dirname, "../../../web/package.json"));
const WebSocket = webRequire("ws");

/** Returns the ActionheroWebsocketClient constructor of `scriptFile`, for a page at `origin`. */
function load(scriptFile, origin) {
  const window = {
    WebSocket, location: { origin, href: origin + "/" }, setTimeout, clearTimeout, setInterval, clearInterval,
    console, Date, Math, JSON, Object, Array, Error, TypeError, RegExp, String, Number, Function, Boolean,
  };
  window.window = window;
  const context = vm.createContext(window);
  vm.runInContext(fs.readFileSync(scriptFile, "utf8"), context, { filename: scriptFile });
  if (typeof context.ActionheroWebsocketClient !== "function") {
    throw new Error("the script defined no ActionheroWebsocketClient");
  }
  return context.ActionheroWebsocketClient;
}

module.exports = { load };
