// Drives the real @metarhia/jstp@2.3.0 client against a Tether JSTP listener.
// Usage: node jstp-client-session.js <host> <port> <scenario> [tls]
//   testapp   - testApp: inspect, calls, errors, echo, events both ways, login, versions
//   reconnect - testApp: dropped transports; the client's own reconnector restores the session
//   api       - the core's actions through the api interface (built-in app and testApp)
// Prints "SESSION-OK <summary json>" and exits 0 when every step matched; exits 1 otherwise.
"use strict";
const assert = require("node:assert/strict");
const jstp = require("@metarhia/jstp");

const [host, portText, scenario, secure] = process.argv.slice(2);
const port = Number(portText);
const transport = secure === "tls" ? jstp.tls : jstp.net;

function connect(app, interfaces, client = null) {
  return new Promise((resolve, reject) => {
    transport.connectAndInspect(app, client, interfaces, port, host, (err, connection, api) => {
      if (err) return reject(err);
      connection.on("error", (e) => console.error("connection error (ignored):", e && e.message));
      resolve({ connection, api });
    });
  });
}

// Calls proxy.method(...args) and resolves with the array of results.
function call(proxy, method, ...args) {
  return new Promise((resolve, reject) => {
    proxy[method](...args, (err, ...results) => (err ? reject(err) : resolve(results)));
  });
}

function withResend(proxy, method, ...args) {
  return new Promise((resolve, reject) => {
    proxy[method](...args, (err, ...results) => (err ? reject(err) : resolve(results)), true);
  });
}

function eventOnce(emitter, event, ms = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' event within ${ms} ms`)), ms);
    emitter.once(event, (...args) => { clearTimeout(timer); resolve(args); });
  });
}

async function rejects(promise, code, message) {
  const err = await promise.then(() => null, (e) => e);
  assert.ok(err, `expected error ${code}`);
  assert.equal(err.code, code, `error code of ${err && err.message}`);
  if (message !== undefined) assert.equal(err.message, message);
  return err;
}

function methods(proxy) {
  return Object.keys(proxy).filter((k) => typeof proxy[k] === "function").sort();
}

function deep(n) {
  let v = "bottom";
  for (let i = 0; i < n; i++) v = i % 2 ? { k: v } : [v];
  return v;
}

const TRICKY = [
  "quotes ' \" and \\ backslash",
  "nul \u0000 bell \u0007 esc \u001b tab \t newline \n",
  "line sep \u2028 para sep \u2029",
  "astral \u{1F600} and lone surrogates \ud800 \udfff",
  "",
  0, -1.5, 1e300, 5e-324, Number.MAX_SAFE_INTEGER,
  true, false, null,
  [], {}, [1, "two", [3, [4]]],
  { "a b": 1, "": 2, "ключ": "значение", "0": "zero", "it's": "quoted" },
  deep(64),
];

async function testApp() {
  const { connection, api } = await connect("testApp", ["calculator", "someService", "testInterface"]);
  assert.deepEqual(methods(api.calculator), ["answer", "divide", "doNothing"]);
  assert.deepEqual(methods(api.someService), ["say", "sayHi"]);
  assert.deepEqual(methods(api.testInterface), ["add", "appVersion", "delayedEcho", "dropFirst", "echo",
    "emitBack", "emitLater", "fail", "getClientEvents", "getValue", "multiResult", "sessionId", "setValue",
    "throwError", "whoami"]);
  const calc = api.calculator;
  const ti = api.testInterface;
  assert.deepEqual(await call(calc, "answer"), [42]);
  assert.deepEqual(await call(calc, "divide", 10, 4), [2.5]);
  await rejects(call(calc, "divide", 1, 0), 1, "Zero division");
  assert.deepEqual(await call(calc, "doNothing"), []);
  assert.deepEqual(await call(api.someService, "sayHi", "JSTP"), ["Hi, JSTP!"]);
  assert.deepEqual(await call(ti, "multiResult"), [1, "two", [3]]);
  assert.deepEqual(await call(ti, "add", 2, 3), [5]);
  await rejects(call(ti, "fail", 42, "custom"), 42, "custom");
  await rejects(call(ti, "throwError"), 16);
  assert.deepEqual(await call(calc, "answer"), [42], "connection alive after throwError");
  for (const value of TRICKY) {
    assert.deepEqual(await call(ti, "echo", value), [value], `echo ${JSON.stringify(value)}`);
  }
  const [holey] = await call(ti, "echo", [1, , 3]); // eslint-disable-line no-sparse-arrays
  assert.equal(holey.length, 3);
  assert.ok(holey[1] === undefined || holey[1] === null);
  assert.deepEqual(await call(ti, "echo", { kept: 1, dropped: undefined }), [{ kept: 1 }]);

  // events both ways
  const news = eventOnce(ti, "news");
  const viaConnection = eventOnce(connection, "event");
  assert.deepEqual(await call(ti, "emitBack", "news", { text: "hello", n: 1 }), []);
  assert.deepEqual(await news, [{ text: "hello", n: 1 }]);
  assert.deepEqual(await viaConnection, ["testInterface", "news", [{ text: "hello", n: 1 }]]);
  ti.emit("clientEvent", 1, "a");
  connection.emitRemoteEvent("calculator", "notRecorded", [2]);
  ti.emit("second", { x: [true] });
  assert.deepEqual(await call(ti, "getClientEvents"), [[["clientEvent", [1, "a"]], ["second", [{ x: [true] }]]]]);

  assert.deepEqual(await call(ti, "whoami"), [null]);
  assert.deepEqual(await call(ti, "appVersion"), ["2.0.0"]);
  const [sessionId] = await call(ti, "sessionId");
  assert.equal(sessionId, connection.session.id);
  connection.close();

  const user = await connect("testApp", ["testInterface"], { connectPolicy: new jstp.SimpleConnectPolicy("user", "secret") });
  assert.deepEqual(await call(user.api.testInterface, "whoami"), ["user"]);
  user.connection.close();
  await rejects(connect("testApp", [], { connectPolicy: new jstp.SimpleConnectPolicy("user", "wrong") }), 11);

  const v1 = await connect("testApp@^1.0.0", ["testInterface"]);
  assert.deepEqual(await call(v1.api.testInterface, "appVersion"), ["1.0.0"]);
  v1.connection.close();
  await rejects(connect("testApp@^3.0.0", []), 10);
  await rejects(connect("noSuchApp", []), 10);
  return { sessionId };
}

async function reconnect() {
  const { connection, api } = await connect("testApp", ["testInterface"]);
  const ti = api.testInterface;
  const [sessionId] = await call(ti, "sessionId");
  await call(ti, "setValue", { kept: ["across", "drops"] });

  // 1. the client's socket is destroyed; an event emitted and a call made while offline arrive
  const late = eventOnce(ti, "late", 15000);
  const restored = eventOnce(connection, "reconnect", 15000);
  assert.deepEqual(await call(ti, "emitLater", 300, "late", "while you were away"), []);
  const offlineCall = new Promise((resolve, reject) => {
    connection.once("close", () => {
      call(ti, "add", 2, 3).then(resolve, reject); // made while the transport is down
    });
  });
  connection.getTransport().destroy();
  assert.deepEqual(await restored, [null], "reconnect succeeded");
  assert.deepEqual(await late, ["while you were away"]);
  assert.deepEqual(await offlineCall, [5]);
  assert.deepEqual(await call(ti, "sessionId"), [sessionId], "same session");
  assert.deepEqual(await call(ti, "getValue"), [{ kept: ["across", "drops"] }]);

  // 2. the server drops the transport without answering (dropFirst); callMethodWithResend
  //    sees the callback lost, and re-issues the call on the restored session
  const restoredAgain = eventOnce(connection, "reconnect", 15000);
  const dropped = withResend(ti, "dropFirst");
  assert.deepEqual(await restoredAgain, [null]);
  assert.deepEqual(await dropped, [2], "second dropFirst of the session answers 2");
  assert.deepEqual(await call(ti, "sessionId"), [sessionId]);
  assert.deepEqual(await call(ti, "appVersion"), ["2.0.0"]);
  connection.close();
  return { sessionId };
}

async function actions() {
  const { connection, api } = await connect("tether", ["api"]);
  const encrypted = Boolean(connection.getTransport().encrypted);
  for (const name of ["cacheTest", "randomNumber", "sleepTest", "status"]) {
    assert.ok(methods(api.api).includes(name), `api lists ${name}: ${methods(api.api)}`);
  }
  const [cached] = await call(api.api, "cacheTest", { key: "jstpKey", value: "jstpValue" });
  const r = cached.cacheTestResults;
  assert.equal(r.saveResp, true);
  assert.equal(r.deleteResp, true);
  assert.equal(r.loadResp.key, "cacheTest_jstpKey");
  assert.equal(r.loadResp.value, "jstpValue");
  const [positional] = await call(api.api, "cacheTest", "posKey", "posValue");
  assert.equal(positional.cacheTestResults.loadResp.value, "posValue");
  const [random] = await call(api.api, "randomNumber");
  assert.equal(typeof random.randomNumber, "number");
  assert.equal(random.stringRandomNumber, `Your random number is ${random.randomNumber}`);
  const invalid = await call(api.api, "cacheTest", { key: "ab", value: "abc" }).then(() => null, (e) => e);
  assert.ok(invalid, "validation error expected");
  assert.equal(typeof invalid.code, "number");
  assert.equal(invalid.message, "inputs should be at least 3 letters long");
  connection.close();

  const test = await connect("testApp", ["api", "calculator"]);
  const [again] = await call(test.api.api, "randomNumber");
  assert.equal(typeof again.randomNumber, "number");
  test.connection.close();
  return { validationError: [invalid.code, invalid.message], random: random.randomNumber,
    encrypted };
}

const scenarios = { testapp: testApp, reconnect, api: actions };
const watchdog = setTimeout(() => { console.error("SESSION-FAILED timed out"); process.exit(1); }, 35000);
scenarios[scenario]().then((summary) => {
  clearTimeout(watchdog);
  console.log("SESSION-OK " + JSON.stringify(summary));
  process.exit(0);
}, (err) => {
  console.error("SESSION-FAILED", (err && err.stack) || err);
  process.exit(1);
});
