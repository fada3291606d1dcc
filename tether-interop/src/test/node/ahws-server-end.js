// ActionHero's own browser client (rendered by web/build-client.js) connects to Tether's Primus
// endpoint and waits for the server to shut down: a Primus server that ends its sparks sends
// "primus::server::close", so the client ends ('end') instead of scheduling a reconnect.
// Usage: node ahws-server-end.js <client script> <origin http://host:port>
// Prints "CONNECTED <id>", then "ENDED" when the client ended, then, 3 s later,
// "AFTER-END <json>" with the reconnects it scheduled meanwhile, and exits 0; exits 1 on an error.
"use strict";
const { load } = require("./ahws-client.js");

const [scriptFile, origin] = process.argv.slice(2);
const ActionheroWebsocketClient = load(scriptFile, origin);
const client = new ActionheroWebsocketClient();
const seen = { reconnectScheduled: 0, reconnecting: 0, closeEvents: 0 };
const watchdog = setTimeout(() => { console.error("FAILED: no end within 60 s"); process.exit(1); }, 60000);

client.connect((err, details) => {
  if (err) {
    console.error("FAILED: connect", err);
    process.exit(1);
  }
  const primus = client.client;
  primus.on("reconnect scheduled", () => seen.reconnectScheduled++);
  primus.on("close", () => seen.closeEvents++);
  client.on("reconnecting", () => seen.reconnecting++);
  primus.once("end", () => {
    clearTimeout(watchdog);
    console.log("ENDED");
    setTimeout(() => {
      console.log("AFTER-END " + JSON.stringify({ ...seen, state: client.state, readyState: primus.readyState }));
      process.exit(0);
    }, 3000);
  });
  console.log("CONNECTED " + details.data.id);
});
