// The real @metarhia/jstp@2.3.0 client hosting an application that a Tether server calls.
// Usage: node jstp-server-calls.js <host> <port>
// Connects to peerApp, hosts clientApi {hello, add, flaky}, asks the server for its public
// session id and prints "READY <id>". Then prints what the server does to it:
//   CALL <method> <args json>    a hosted method ran
//   PING <id>                    a ping arrived (a server heartbeat)
//   EVENT <iface>.<event> <args> an event arrived
//   RECONNECTED <error>          the client's reconnector restored the session
// Reads "quit" on stdin to close and exit 0. flaky drops the transport without answering on its
// first run (its callback is lost), and answers 'run 2' on the second.
"use strict";
const jstp = require("@metarhia/jstp");
const readline = require("node:readline");

const [host, portText] = process.argv.slice(2);
const port = Number(portText);
let flakyRuns = 0;
let connection = null;

const out = (line) => console.log(line);

const clientApi = {
  hello(conn, name, callback) {
    out(`CALL hello ${JSON.stringify([name])}`);
    callback(null, `hi ${name}`);
  },
  add(conn, a, b, callback) {
    out(`CALL add ${JSON.stringify([a, b])}`);
    callback(null, a + b);
  },
  flaky(conn, callback) {
    flakyRuns += 1;
    out(`CALL flaky [${flakyRuns}]`);
    if (flakyRuns === 1) {
      conn.getTransport().destroy(); // the answer is lost with this transport
      setTimeout(() => callback(null, "run 1 (lost)"), 100);
      return;
    }
    callback(null, `run ${flakyRuns}`);
  },
};

const client = { application: new jstp.Application("jstp", { clientApi }) };
jstp.net.connectAndInspect("peerApp", client, ["server"], port, host, (err, conn, api) => {
  if (err) {
    console.error("CONNECT-FAILED", err);
    process.exit(1);
  }
  connection = conn;
  conn.on("error", (e) => console.error("connection error (ignored):", e && e.message));
  conn.on("incomingMessage", (message) => {
    if (message.ping) out(`PING ${message.ping[0]}`);
  });
  conn.on("event", (iface, event, args) => out(`EVENT ${iface}.${event} ${JSON.stringify(args)}`));
  conn.on("reconnect", (error) => out(`RECONNECTED ${error || null}`));
  api.server.whoami((e, id) => {
    if (e) {
      console.error("WHOAMI-FAILED", e);
      process.exit(1);
    }
    out(`READY ${id}`);
  });
});

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "quit") {
    if (connection) connection.close();
    out("BYE");
    process.exit(0);
  }
});
setTimeout(() => { console.error("SERVER-CALLS timed out"); process.exit(1); }, 60000);
