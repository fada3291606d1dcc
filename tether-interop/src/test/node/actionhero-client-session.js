// Drives the real actionhero-node-client@8.0.1 against a Tether socket listener.
// Usage: node actionhero-client-session.js <host> <port> <secure:true|false> <expected welcome>
// Prints "SESSION-OK <summary json>" and exits 0 when every step matched; exits 1 otherwise.
"use strict";
const assert = require("node:assert/strict");
const ActionheroNodeClient = require("actionhero-node-client").default;

const [host, portText, secureText, expectedWelcome] = process.argv.slice(2);
const params = { host, port: Number(portText), secure: secureText === "true", timeout: 4000 };

function once(emitter, event, ms = 4000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' event within ${ms} ms`)), ms);
    emitter.once(event, (value) => { clearTimeout(timer); resolve(value); });
  });
}

async function connect() {
  const client = new ActionheroNodeClient();
  client.on("error", (err, line) => {
    console.error("SESSION-FAILED client error", err && err.message, line === undefined ? "" : line);
    process.exit(1);
  });
  const welcome = once(client, "welcome");
  const details = await client.connect(params);
  return { client, details, welcome: await welcome };
}

async function main() {
  const a = await connect();
  assert.equal(a.welcome, expectedWelcome);
  assert.equal(a.details.status, "OK");
  assert.equal(a.details.context, "response");
  assert.equal(a.details.data.id, a.client.id);
  assert.equal(a.details.data.fingerprint, a.client.id);
  assert.equal(a.details.data.remoteIP, "127.0.0.1");

  const details = await a.client.detailsView();
  assert.equal(details.data.id, a.client.id);
  assert.deepEqual(details.data.rooms, []);

  await a.client.paramAdd("sleepDuration", "50");
  const sleep = await a.client.action("sleepTest");
  assert.equal(sleep.error, null);
  assert.equal(sleep.data.sleepDuration, 50);
  assert.ok(sleep.data.sleepDelta >= 45, `sleepDelta ${sleep.data.sleepDelta}`);

  const random = await a.client.action("randomNumber");
  assert.equal(random.error, null);
  assert.equal(random.data.stringRandomNumber, `Your random number is ${random.data.randomNumber}`);

  const cache = await a.client.actionWithParams("cacheTest", { key: "nodeKey", value: "nodeValue" });
  assert.equal(cache.error, null);
  const r = cache.data.cacheTestResults;
  assert.equal(r.saveResp, true);
  assert.equal(r.deleteResp, true);
  assert.ok(r.sizeResp >= 1);
  assert.deepEqual(Object.keys(r.loadResp).sort(), ["createdAt", "key", "value"]);
  assert.equal(r.loadResp.key, "cacheTest_nodeKey");
  assert.equal(r.loadResp.value, "nodeValue");

  const tooShort = await a.client.actionWithParams("cacheTest", { key: "ab", value: "abc" });
  assert.equal(tooShort.error.message, "inputs should be at least 3 letters long");
  const unknown = await a.client.action("noSuchAction");
  assert.equal(unknown.error.message, "unknown action or invalid apiVersion");

  const b = await connect();
  assert.notEqual(b.client.id, a.client.id);
  assert.equal((await a.client.roomAdd("defaultRoom")).data.data, true);
  assert.equal((await b.client.roomAdd("defaultRoom")).data.data, true);

  const heard = once(b.client, "say");
  const said = await a.client.say("defaultRoom", "hello from a");
  assert.equal(said.error, null);
  const message = await heard;
  assert.equal(message.message, "hello from a");
  assert.equal(message.from, a.client.id);

  const view = await a.client.roomView("defaultRoom");
  assert.equal(view.data.data.room, "defaultRoom");
  assert.equal(view.data.data.membersCount, 2);
  assert.deepEqual(Object.keys(view.data.data.members).sort(), [a.client.id, b.client.id].sort());

  const ended = once(a.client, "end");
  await a.client.disconnect();
  await ended;
  let after;
  for (let i = 0; i < 20; i++) {
    after = await b.client.roomView("defaultRoom");
    if (after.data.data.membersCount === 1) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  assert.equal(after.data.data.membersCount, 1, "a left the room when it disconnected");
  assert.deepEqual(Object.keys(after.data.data.members), [b.client.id]);

  const bEnded = once(b.client, "end");
  await b.client.disconnect();
  await bEnded;
  console.log("SESSION-OK " + JSON.stringify({ a: a.client.id, b: b.client.id, secure: params.secure,
    heard: message.message, cacheValue: r.loadResp.value }));
}

const watchdog = setTimeout(() => { console.error("session timed out"); process.exit(1); }, 25000);
main().then(() => { clearTimeout(watchdog); process.exit(0); },
  (err) => { console.error("SESSION-FAILED", err && err.stack || err); process.exit(1); });
