// Usage: node scripts/hold-idle-threads.mjs PORT
//
// Keeps the wasm test runner's web server from losing a request. Its server (tiny_http 0.12)
// hands each accepted connection to a task pool that starts with four idle threads; when
// more connections arrive at once than it has idle threads, one can be queued with no
// thread left to serve it, and it waits until another connection closes: minutes, since
// browsers keep theirs open. The test page's module imports open about six connections at
// once, and on a fresh server that lost one import about one load in three ("Loading
// scripts..." until the driver's page-load timeout). Measured with eight connections at
// once on fresh servers: 2 of 8 lost a request; after this script's connections, 0 of 18.
//
// It waits for the server to listen, then opens eight idle connections one at a time, so
// each takes an idle thread (or a new one) before the next arrives. With no idle threads
// left, the pool starts a thread for every browser connection. It exits when the server
// closes them, i.e. when the runner ends.
import net from 'node:net';

const port = Number(process.argv[2]);
const HELD = 8;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function connect() {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(null));
  });
}

let held = 0;
while (held < HELD) {
  const socket = await connect();
  if (socket) {
    socket.on('error', () => {});
    held += 1;
  }
  await sleep(50);
}
