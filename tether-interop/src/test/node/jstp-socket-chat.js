// Cross-protocol chat: the real @metarhia/jstp@2.3.0 client (chat interface of the built-in
// application) and the real actionhero-node-client@8.0.1 (socket protocol) in one room of
// one Tether server; each hears the other.
// Usage: node jstp-socket-chat.js <host> <jstpPort> <socketPort>
// Prints "SESSION-OK <summary json>" and exits 0 when every step matched; exits 1 otherwise.
"use strict";
const assert = require("node:assert/strict");
const jstp = require("@metarhia/jstp");
const ActionheroNodeClient = require("actionhero-node-client").default;

const [host, jstpPort, socketPort] = process.argv.slice(2);
const ROOM = "defaultRoom";

function call(proxy, method, ...args) {
  return new Promise((resolve, reject) => {
    proxy[method](...args, (err, ...results) => (err ? reject(err) : resolve(results)));
  });
}

// Resolves with the first emitted args that satisfy the predicate.
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

function connectJstp() {
  return new Promise((resolve, reject) => {
    jstp.net.connectAndInspect("tether", null, ["chat"], Number(jstpPort), host, (err, connection, api) =>
      (err ? reject(err) : resolve({ connection, chat: api.chat })));
  });
}

async function main() {
  const j = await connectJstp();
  assert.deepEqual(Object.keys(j.chat).filter((k) => typeof j.chat[k] === "function").sort(),
    ["join", "leave", "say", "view"]);
  assert.deepEqual(await call(j.chat, "join", ROOM), []);

  const socket = new ActionheroNodeClient();
  socket.on("error", (err) => { console.error("SESSION-FAILED socket client error", err && err.message); process.exit(1); });
  await socket.connect({ host, port: Number(socketPort), timeout: 5000 });
  assert.equal((await socket.roomAdd(ROOM)).data.data, true);

  const [view] = await call(j.chat, "view", ROOM);
  assert.equal(view.room, ROOM);
  assert.equal(view.membersCount, 2);
  assert.ok(Object.keys(view.members).includes(socket.id), "socket client is a member");

  // JSTP -> socket: the raw line has context "user"; the client emits "say"
  const rawLine = waitFor(socket, "data", (line) => line.message === "hello from jstp");
  const heardBySocket = waitFor(socket, "say", (m) => m.message === "hello from jstp");
  assert.deepEqual(await call(j.chat, "say", ROOM, "hello from jstp"), []);
  const [line] = await rawLine;
  assert.equal(line.context, "user");
  assert.equal(line.room, ROOM);
  const [said] = await heardBySocket;
  assert.notEqual(said.from, socket.id);

  // socket -> JSTP: a chat event {event:[-n,'chat'],message:[{message,room,from,sentAt}]}
  const heardByJstp = waitFor(j.connection, "event",
    (iface, name, args) => iface === "chat" && name === "message" && args[0].message === "hello from socket");
  const viaProxy = waitFor(j.chat, "message", (m) => m.message === "hello from socket");
  assert.equal((await socket.say(ROOM, "hello from socket")).error, null);
  const [, , [event]] = await heardByJstp;
  assert.equal(event.room, ROOM);
  assert.equal(event.from, socket.id);
  assert.equal(typeof event.sentAt, "number");
  await viaProxy;

  assert.deepEqual(await call(j.chat, "leave", ROOM), []);
  const after = await socket.roomView(ROOM);
  assert.equal(after.data.data.membersCount, 1);
  await socket.disconnect();
  j.connection.close();
  return { jstpFrom: said.from, socketFrom: event.from, line };
}

const watchdog = setTimeout(() => { console.error("SESSION-FAILED timed out"); process.exit(1); }, 30000);
main().then((summary) => {
  clearTimeout(watchdog);
  console.log("SESSION-OK " + JSON.stringify(summary));
  process.exit(0);
}, (err) => {
  console.error("SESSION-FAILED", (err && err.stack) || err);
  process.exit(1);
});
