// The release build (dist/) on loopback with /couchdb/ forwarded to a CouchDB-protocol server,
// as `trunk serve`'s proxy does in development: the team-sync tests (sync.spec.mjs) reach the
// server through the app's own origin, as a person does.
//   node tests/e2e/sync_serve.mjs <port> <couchdb port>   (prints "listening" when ready)
// Also `serve(port, backendPort)` for a test that starts it itself.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

function proxy(req, res, backendPort) {
  const forwarded = http.request({
    host: '127.0.0.1',
    port: backendPort,
    method: req.method,
    path: req.url.slice('/couchdb'.length) || '/',
    headers: { ...req.headers, host: `127.0.0.1:${backendPort}` },
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  forwarded.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'bad_gateway', reason: 'the sync server is not running' }));
  });
  req.pipe(forwarded);
}

async function file(req, res) {
  let name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (name === '/') name = '/index.html';
  const full = path.join(DIST, path.normalize(name));
  if (!full.startsWith(DIST)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(full);
    res.writeHead(200, { 'content-type': TYPES[path.extname(full)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

export function serve(port, backendPort) {
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/couchdb/')) proxy(req, res, backendPort);
    else file(req, res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port, backend] = process.argv.slice(2).map(Number);
  await serve(port, backend);
  console.log('listening');
}
