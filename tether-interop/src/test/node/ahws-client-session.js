// Drives ActionHero's own browser client (ActionheroWebsocketClient over Primus, rendered from
// actionhero@29.3.5 by web/build-client.js) against Tether's Primus endpoint, in node.
// Usage: node ahws-client-session.js <client script> <origin http://host:port> <expected welcome>
// Prints "SESSION-OK <summary json>" and exits 0 when every step matched; exits 1 otherwise.
"use strict";
const assert = require("node:assert/strict");
const { load } = require("./ahws-client.js");

const [scriptFile, origin, expectedWelcome] = process.argv.slice(2);
const ActionheroWebsocketClient = load(scriptFile, origin);

function within(promise, what, ms = 8000) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const call = (fn) => within(new Promise((resolve) => fn(resolve)), fn.toString());
const next = (client, event) => within(new Promise((resolve) => client.once(event, resolve)), `event ${event}`);

async function connect() {
  const client = new ActionheroWebsocketClient();
  const welcome = next(client, "welcome");
  const details = await within(new Promise((resolve, reject) =>
    client.connect((err, d) => (err ? reject(err) : resolve(d)))), "connect");
  return { client, details, welcome: await welcome };
}

async function main() {
  const a = await connect();
  assert.equal(a.welcome.welcome, expectedWelcome);
  assert.equal(a.welcome.context, "api");
  assert.equal(a.client.state, "connected");
  assert.equal(a.details.status, "OK");
  assert.equal(a.details.context, "response");
  assert.equal(a.details.data.id, a.client.id);
  assert.equal(a.details.data.remoteIP, "127.0.0.1");
  assert.deepEqual(a.details.data.rooms, []);

  const random = await call((cb) => a.client.action("randomNumber", cb));
  assert.equal(random.context, "response");
  assert.equal(typeof random.randomNumber, "number");
  assert.equal(random.error, undefined);

  const invalid = await call((cb) => a.client.action("cacheTest", { key: "k" }, cb));
  assert.match(invalid.error, /inputs should be at least 3 letters long|required/);
  const cached = await call((cb) => a.client.action("cacheTest", { key: "nodeKey", value: "nodeValue" }, cb));
  assert.equal(cached.cacheTestResults.loadResp.value, "nodeValue");
  const missing = await call((cb) => a.client.action("noSuchAction", cb));
  assert.match(missing.error, /unknown action or invalid apiVersion/);

  const added = await call((cb) => a.client.roomAdd("defaultRoom", cb));
  assert.equal(added.status, "OK");
  assert.deepEqual(a.client.rooms, ["defaultRoom"]);
  const b = await connect();
  await call((cb) => b.client.roomAdd("defaultRoom", cb));
  const view = await call((cb) => a.client.roomView("defaultRoom", cb));
  assert.equal(view.data.room, "defaultRoom");
  assert.equal(view.data.membersCount, 2);
  assert.ok(view.data.members[b.client.id]);

  const heard = next(a.client, "say");
  const said = await call((cb) => b.client.say("defaultRoom", "hello from b", cb));
  assert.equal(said.status, "OK");
  const message = await heard;
  assert.equal(message.message, "hello from b");
  assert.equal(message.room, "defaultRoom");
  assert.equal(message.from, b.client.id);
  assert.equal(message.context, "user");

  const notIn = await call((cb) => a.client.roomView("otherRoom", cb));
  assert.match(notIn.error, /^Error: /);
  const left = await call((cb) => a.client.roomLeave("defaultRoom", cb));
  assert.equal(left.status, "OK");
  assert.deepEqual(a.client.rooms, []);

  const docs = await call((cb) => a.client.documentation(cb));
  assert.ok(docs.data.randomNumber, "documentation lists randomNumber");
  const file = await call((cb) => a.client.file("no-such-file.txt", cb));
  assert.equal(file.error, "that file is not found");
  const unknown = await call((cb) => a.client.send({ event: "nope" }, cb));
  assert.equal(unknown.error, "Error: verb not found or not allowed (nope)");

  // a frame that is not JSON: a clear error, and the connection goes on
  const errorReply = next(a.client, "api");
  a.client.client.socket.send("{not json");
  const frameError = await errorReply;
  assert.equal(frameError.status, "error");
  assert.match(frameError.error, /^malformed JSON/);
  const again = await call((cb) => a.client.action("randomNumber", cb));
  assert.equal(typeof again.randomNumber, "number");

  const summary = { a: a.client.id, b: b.client.id, heard: message.message, invalid: invalid.error,
    frameError: frameError.error, unknown: unknown.error };
  a.client.disconnect();
  b.client.disconnect();
  console.log("SESSION-OK " + JSON.stringify(summary));
  process.exit(0);
}

main().catch((err) => {
  console.error("SESSION-FAILED", err && err.stack ? err.stack : err);
  process.exit(1);
});
