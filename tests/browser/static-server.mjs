// A tiny static file server for dist/, on 127.0.0.1 only. Used by the browser tests
// (startServer) and by `cargo xtask serve` (run as a program):
//
//   node tests/browser/static-server.mjs [--root dist] [--port 8080]
//
// It sends no Content-Security-Policy header on purpose: the pages carry their own policy in a
// <meta> tag, which is what has to work on any static host. Nothing is cached (no-store).
// A file's `.br` or `.gz` copy (written by `cargo xtask dist`) is sent in its place, with
// Content-Encoding, to a browser that accepts it: what a council web server should do too
// (README, "Putting Horizon on a web server").

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.rhai': 'text/plain; charset=utf-8',
};

/** The encodings an Accept-Encoding header takes (those not given q=0). */
export function acceptedEncodings(header = '') {
  const out = new Set();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/**
 * Serves `root` on http://127.0.0.1:`port`/ (port 0 = any free port).
 * Resolves to { url, port, close() }; `url` ends with '/'.
 */
export async function startServer({ root, port = 0, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad path');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, 'not found');
    }
    if (!info.isFile()) return send(404, 'not found');
    // The pre-compressed copy `cargo xtask dist` wrote beside the file, if the browser
    // takes its encoding: brotli first, then gzip, else the file as it is.
    const accepts = acceptedEncodings(req.headers['accept-encoding']);
    let body = file;
    let encoding = null;
    let size = info.size;
    for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepts.has(name)) continue;
      const packed = await stat(file + ext).catch(() => null);
      if (packed?.isFile()) {
        [body, encoding, size] = [file + ext, name, packed.size];
        break;
      }
    }
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      Vary: 'Accept-Encoding',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(body).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// Run as a program: `node tests/browser/static-server.mjs --root dist --port 8080`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const root = option('--root', 'dist');
  const port = Number(option('--port', '8080'));
  const server = await startServer({ root, port });
  console.log(`Serving ${root}/ on ${server.url} (Ctrl-C stops)`);
}
