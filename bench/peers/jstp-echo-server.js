'use strict';
// JSTP peer for bench/compare.sh: @metarhia/jstp 2.3.0 TCP server with one
// application `bench` whose interface `bench` has a trivial `echo(x)` method.
// Usage: node jstp-echo-server.js PORT   (binds 127.0.0.1, prints "listening PORT")
const jstp = require('@metarhia/jstp');

const port = Number(process.argv[2] || 4000);
const app = new jstp.Application('bench', {
  bench: {
    echo(connection, value, callback) {
      callback(null, value);
    },
  },
});
const server = jstp.net.createServer([app]);
server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
