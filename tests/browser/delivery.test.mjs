// Delivery (issue 12, part 1): the served form arrives compressed, and on a slow line the
// first suggestions come in the time the compressed bytes allow.
//
//   dist/<file>.br, .gz   pre-compressed copies written by `cargo xtask dist`; the test
//                         server sends one in place of the file, with Content-Encoding,
//                         to a browser that accepts it (static-server.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openServed, openFile, metric, describeViolations } from './harness.mjs';
import { acceptedEncodings } from './static-server.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const SERVED = ['index.html', 'boot.js', 'horizon_web.js', 'horizon_web_bg.wasm', 'style.css', 'style.print.css'];

// Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

test('delivery: every served file has brotli and gzip copies that read back as the file', () => {
  for (const name of SERVED) {
    const raw = readFileSync(new URL(name, DIST));
    assert.deepEqual(brotliDecompressSync(readFileSync(new URL(`${name}.br`, DIST))), raw, `${name}.br`);
    assert.deepEqual(gunzipSync(readFileSync(new URL(`${name}.gz`, DIST))), raw, `${name}.gz`);
  }
  // The one-file form is opened from disk, not served: no copies of it.
  assert.throws(() => statSync(new URL('horizon.html.br', DIST)));
});

test('delivery: the server takes the encodings a browser accepts, and refuses those given q=0', () => {
  assert.deepEqual([...acceptedEncodings('gzip, deflate, br, zstd')], ['gzip', 'deflate', 'br', 'zstd']);
  assert.deepEqual([...acceptedEncodings('br;q=0, gzip;q=0.8')], ['gzip']);
  assert.deepEqual([...acceptedEncodings('')], []);
  assert.deepEqual([...acceptedEncodings(undefined)], []);
});

/** What the page's own files cost to send: encoded (on the wire) and decoded bytes, per file. */
async function transfer(page) {
  return page.evaluate(() =>
    [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')].map((e) => ({
      name: new URL(e.name).pathname.split('/').pop() || 'index.html',
      encoded: e.encodedBodySize,
      decoded: e.decodedBodySize,
    })),
  );
}

test('delivery: the served page arrives brotli-compressed, a third of its size, and works', async (t) => {
  const app = await openServed(t, { navigate: false });
  const encodings = new Map();
  app.page.on('response', async (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() || 'index.html';
    encodings.set(name, (await r.allHeaders())['content-encoding'] ?? 'identity');
  });
  await app.goto();
  await app.ready();
  await app.page.waitForSelector('#suggestions li.suggestion');
  for (const name of SERVED.filter((n) => n !== 'style.print.css')) {
    assert.equal(encodings.get(name), 'br', `${name} is sent as brotli (got ${encodings.get(name)})`);
  }
  const files = await transfer(app.page);
  const wasm = files.find((f) => f.name === 'horizon_web_bg.wasm');
  assert.ok(wasm.encoded * 2 < wasm.decoded, `the wasm crosses the wire at ${wasm.encoded} of ${wasm.decoded} bytes`);
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  metric('served_transfer_bytes', sum('encoded'), 'bytes');
  metric('served_decoded_bytes', sum('decoded'), 'bytes');
  app.assertNoForeignRequests();
  app.assertNoErrors();
});

// Timed on Lighthouse's slow-4G line (network only; the CPU is not slowed): navigation to
// the first suggestion on screen, compressed as served, then with compression refused (as
// a server that ignores the .br and .gz copies would send it). Printed, never asserted.
for (const encoding of ['br', 'identity']) {
  test(`delivery: first suggestions on a slow-4G line, sent as ${encoding}`, async (t) => {
    const app = await openServed(t, { navigate: false });
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    if (encoding === 'identity') await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    const ms = await app.timeTo(`slow_4g_first_suggestions_${encoding}`, '#suggestions li.suggestion');
    assert.ok(ms > 0);
    const files = await transfer(app.page);
    metric(`slow_4g_transfer_bytes_${encoding}`, files.reduce((n, f) => n + f.encoded, 0), 'bytes');
    app.assertNoErrors();
  });
}

// A facilitator on the venue's Wi-Fi sees the page is coming: the loading line counts up as
// the wasm arrives (decoded bytes of the size boot.js was given), says when it is starting,
// and goes once the app has started.
test('delivery: on a slow line the loading line says how much of Horizon has arrived', async (t) => {
  const app = await openServed(t, { navigate: false });
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await app.page.addInitScript(() => {
    globalThis.__loadingSeen = [];
    new MutationObserver(() => {
      const line = document.getElementById('horizon-loading');
      const bar = line?.querySelector('progress');
      const words = line?.textContent ?? null;
      const last = globalThis.__loadingSeen.at(-1);
      if (bar && words !== last?.words) {
        globalThis.__loadingSeen.push({ words, value: bar.value, max: bar.max, label: bar.getAttribute('aria-label') });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await app.goto();
  await app.page.waitForFunction(() => /Loading Horizon… [1-9]\d?%/.test(document.getElementById('horizon-loading')?.textContent ?? ''));
  await app.screenshot('delivery-the-loading-line-on-a-slow-line');
  const violations = await app.axe({ context: '#horizon-loading' });
  assert.deepEqual(violations, [], describeViolations(violations));
  await app.ready();
  await app.page.waitForSelector('#suggestions li.suggestion');
  const seen = await app.page.evaluate(() => globalThis.__loadingSeen);
  const percents = seen.map((x) => /(\d+)%/.exec(x.words)).filter(Boolean).map((m) => Number(m[1]));
  assert.ok(percents.length >= 5, `the line counted up in steps (saw ${seen.map((x) => x.words).join(' | ')})`);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'it only counts up');
  assert.equal(percents[0], 0);
  assert.equal(seen.at(-1).words, 'Starting Horizon…', 'once it is all in, it says Horizon is starting');
  const wasmSize = statSync(new URL('horizon_web_bg.wasm', DIST)).size;
  for (const x of seen) {
    assert.equal(x.max, wasmSize, 'the bar runs to the wasm\'s size');
    assert.ok(x.value <= x.max);
    assert.equal(x.label, 'Loading Horizon');
  }
  assert.equal(await app.page.$('#horizon-loading'), null, 'the loading line goes once Horizon has started');
  app.assertNoErrors();
});

test('delivery: the one-file form inflates its inlined wasm and starts', async (t) => {
  const app = await openFile(t, { navigate: false });
  const ms = await app.timeTo('one_file_first_suggestions', '#suggestions li.suggestion');
  assert.ok(ms > 0);
  assert.ok(statSync(new URL('horizon.html', DIST)).size < statSync(new URL('horizon_web_bg.wasm', DIST)).size,
    'horizon.html is smaller than the wasm it holds');
  app.assertNoErrors();
});
