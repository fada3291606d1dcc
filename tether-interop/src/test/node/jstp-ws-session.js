// Drives the real @metarhia/jstp@2.3.0 client's WebSocket transport (jstp.ws, subprotocol
// metarhia-jstp) against Tether's HTTP listener.
// Usage: node jstp-ws-session.js <host> <httpPort> <jstpPort> <scenario> [wss]
//   api       - the core's actions (api) and chat between two WebSocket clients
//   reconnect - testApp: the WebSocket is dropped; the client's own reconnector restores the session
//   cross     - testApp: a session opened over TCP restores over WebSocket, then back over TCP
// Prints "SESSION-OK <summary json>" and exits 0 when every step matched; exits 1 otherwise.
"use strict";
const assert = require("node:assert/strict");
const jstp = require("@metarhia/jstp");

const [host, httpPort, jstpPort, scenario, secure] = process.argv.slice(2);
const url = `${secure === "wss" ? "wss" : "ws"}://${host}:${httpPort}/jstp`;

function connectWs(app, interfaces, client = null) {
  return new Promise((resolve, reject) => {
    jstp.ws.connectAndInspect(app, client, interfaces, {}, url, (err, connection, api) => {
      if (err) return reject(err);
      connection.on("error", (e) => console.error("connection error (ignored):", e && e.message));
      resolve({ connection, api });
    });
  });
}

function connectTcp(app, interfaces, client = null) {
  return new Promise((resolve, reject) => {
    jstp.net.connectAndInspect(app, client, interfaces, Number(jstpPort), host, (err, connection, api) => {
      if (err) return reject(err);
      connection.on("error", (e) => console.error("connection error (ignored):", e && e.message));
      resolve({ connection, api });
    });
  });
}

function call(proxy, method, ...args) {
  return new Promise((resolve, reject) => {
    proxy[method](...args, (err, ...results) => (err ? reject(err) : resolve(results)));
  });
}

function eventOnce(emitter, event, ms = 15000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' event within ${ms} ms`)), ms);
    emitter.once(event, (...args) => { clearTimeout(timer); resolve(args); });
  });
}

function waitFor(emitter, event, predicate, ms = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching '${event}' within ${ms} ms`)), ms);
    const listener = (...args) => {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      emitter.removeListener(event, listener);
      resolve(args);
    };
    emitter.on(event, listener);
  });
}

// Kills the WebSocket's TCP socket without a close handshake (a lost network).
function dropWs(connection) {
  connection.getTransport().socket.destroy();
}

async function api() {
  const a = await connectWs("tether", ["api", "chat"]);
  const raw = a.connection.getTransport();
  assert.equal(raw.protocol, "metarhia-jstp");
  const [random] = await call(a.api.api, "randomNumber");
  assert.equal(typeof random.randomNumber, "number");
  const invalid = await call(a.api.api, "cacheTest", { key: "ab", value: "abc" }).then(() => null, (e) => e);
  assert.ok(invalid, "validation error expected");
  assert.equal(invalid.message, "inputs should be at least 3 letters long");
  const [cached] = await call(a.api.api, "cacheTest", "wsKey", "wsValue");
  assert.equal(cached.cacheTestResults.loadResp.value, "wsValue");

  const b = await connectWs("tether", ["chat"]);
  assert.deepEqual(await call(a.api.chat, "join", "defaultRoom"), []);
  assert.deepEqual(await call(b.api.chat, "join", "defaultRoom"), []);
  const [view] = await call(a.api.chat, "view", "defaultRoom");
  assert.equal(view.membersCount, 2);
  const heard = waitFor(b.api.chat, "message", (m) => m.message === "hello over ws");
  assert.deepEqual(await call(a.api.chat, "say", "defaultRoom", "hello over ws"), []);
  const [message] = await heard;
  assert.equal(message.room, "defaultRoom");
  assert.deepEqual(await call(b.api.chat, "leave", "defaultRoom"), []);
  a.connection.close();
  b.connection.close();
  return { random: random.randomNumber, validationError: [invalid.code, invalid.message],
    from: message.from, secure: url.startsWith("wss:") };
}

async function reconnect() {
  const { connection, api } = await connectWs("testApp", ["testInterface"]);
  const ti = api.testInterface;
  const [sessionId] = await call(ti, "sessionId");
  await call(ti, "setValue", { kept: ["across", "drops"] });
  const late = eventOnce(ti, "late");
  const restored = eventOnce(connection, "reconnect");
  assert.deepEqual(await call(ti, "emitLater", 300, "late", "while you were away"), []);
  const offlineCall = new Promise((resolve, reject) => {
    connection.once("close", () => call(ti, "add", 2, 3).then(resolve, reject));
  });
  dropWs(connection);
  assert.deepEqual(await restored, [null], "reconnect succeeded");
  assert.deepEqual(await late, ["while you were away"]);
  assert.deepEqual(await offlineCall, [5]);
  assert.deepEqual(await call(ti, "sessionId"), [sessionId], "same session");
  assert.deepEqual(await call(ti, "getValue"), [{ kept: ["across", "drops"] }]);
  connection.close();
  return { sessionId };
}

async function cross() {
  // the reconnector moves the session to the other transport each time it drops
  let next = "ws";
  const client = {
    reconnector: (connection, reconnectFn) => setTimeout(() => {
      if (connection.closedIntentionally) return;
      if (next === "ws") reconnectFn("ws", {}, url);
      else reconnectFn("net", Number(jstpPort), host);
    }, 200),
  };
  const { connection, api } = await connectTcp("testApp", ["testInterface"], client);
  const ti = api.testInterface;
  const [sessionId] = await call(ti, "sessionId");
  await call(ti, "setValue", "opened over tcp");

  const toWs = eventOnce(connection, "reconnect");
  const late = eventOnce(ti, "late");
  assert.deepEqual(await call(ti, "emitLater", 300, "late", "sent while moving"), []);
  connection.getTransport().destroy();
  assert.deepEqual(await toWs, [null], "restored over WebSocket");
  assert.ok(connection.getTransport().protocol === "metarhia-jstp", "now on WebSocket");
  assert.deepEqual(await late, ["sent while moving"]);
  assert.deepEqual(await call(ti, "sessionId"), [sessionId]);
  assert.deepEqual(await call(ti, "getValue"), ["opened over tcp"]);
  await call(ti, "setValue", "changed over ws");

  next = "net";
  const toTcp = eventOnce(connection, "reconnect");
  dropWs(connection);
  assert.deepEqual(await toTcp, [null], "restored over TCP");
  assert.deepEqual(await call(ti, "sessionId"), [sessionId]);
  assert.deepEqual(await call(ti, "getValue"), ["changed over ws"]);
  connection.close();
  return { sessionId };
}

const scenarios = { api, reconnect, cross };
const watchdog = setTimeout(() => { console.error("SESSION-FAILED timed out"); process.exit(1); }, 35000);
scenarios[scenario]().then((summary) => {
  clearTimeout(watchdog);
  console.log("SESSION-OK " + JSON.stringify(summary));
  process.exit(0);
}, (err) => {
  console.error("SESSION-FAILED", (err && err.stack) || err);
  process.exit(1);
});
