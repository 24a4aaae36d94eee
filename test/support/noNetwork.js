// Preloaded (node --require) into a child process that must work offline: any attempt to open a
// connection or resolve a name is reported on stderr and fails, so a test can assert there was none.
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');

const refuse = (what) =>
  function refused(...args) {
    console.error(`NETWORK ATTEMPT: ${what} ${JSON.stringify(args.filter((a) => typeof a !== 'function')).slice(0, 200)}`);
    throw new Error('offline');
  };
net.Socket.prototype.connect = refuse('net.connect');
tls.connect = refuse('tls.connect');
dns.lookup = refuse('dns.lookup');
