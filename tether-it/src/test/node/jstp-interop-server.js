'use strict';
// A real @metarhia/jstp 2.3.0 server for JstpInteropIT. Prints "PORT <n>" when listening
// and exits when its stdin closes (the Java test owns the process).
const path = require('path');
const fs = require('fs');

const modules = path.join(__dirname, '../../../../tether-interop/node_modules');
const jstpPath = path.join(modules, '@metarhia/jstp');
if (!fs.existsSync(jstpPath)) {
  console.error('MISSING ' + jstpPath + ' - run tether-interop/install-peers.sh');
  process.exit(2);
}
const jstp = require(jstpPath);

const clientEvents = new Map(); // session id -> [[name, args]]

const api = {
  calculator: {
    answer: (connection, callback) => callback(null, 42),
    add: (connection, a, b, callback) => callback(null, a + b),
  },
  interop: {
    emitBack: (connection, name, payload, callback) => {
      connection.emitRemoteEvent('interop', name, [payload]);
      callback(null);
    },
    emitLater: (connection, delay, name, payload, callback) => {
      const session = connection.session;
      callback(null);
      setTimeout(() => session.connection.emitRemoteEvent('interop', name, [payload]), delay);
    },
    clientEvents: (connection, callback) =>
      callback(null, clientEvents.get(connection.session.id) || []),
    callClient: (connection, iface, method, args, callback) => {
      connection.callMethod(iface, method, args, (error, ...result) => {
        callback(null, error ? ['error', error.code] : ['ok', result]);
      });
    },
    inspectClient: (connection, iface, callback) => {
      connection.inspectInterface(iface, (error, proxy) => {
        callback(null, error ? ['error', error.code] : ['ok', Object.keys(proxy).filter(k => !k.startsWith('_'))]);
      });
    },
    dropTransport: (connection, callback) => {
      // never answers: the client sees its callback lost (-1) after restoring the session
      const transport = connection.transport;
      setImmediate(() => transport.getRawTransport().destroy());
    },
    sessionId: (connection, callback) => callback(null, connection.session.id),
  },
};

const eventHandlers = {
  interop: new Proxy({}, {
    get: (target, name) => (connection, ...args) => {
      const id = connection.session.id;
      if (!clientEvents.has(id)) clientEvents.set(id, []);
      clientEvents.get(id).push([name, args]);
    },
  }),
};

const app = new jstp.Application('interopApp', api, eventHandlers);
const server = jstp.net.createServer({ applications: [app] });
server.on('error', error => console.error('server error', error));
server.listen(0, '127.0.0.1', () => {
  console.log('PORT ' + server.address().port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
