// Browser test harness for Horizon: node's test runner + playwright-core + Debian's Chromium.
//
// Run all browser tests:  cargo xtask test  (or, after `cargo xtask dist`: node --test tests/browser/)
// Test files are tests/browser/*.test.mjs. A test looks like this:
//
//   import { test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { openServed, openFile } from './harness.mjs';
//
//   test('shows the title', async (t) => {
//     const app = await openServed(t);               // dist/ over http://127.0.0.1:<port>/
//     await app.ready();                             // the wasm app has started
//     await app.page.getByText('Horizon', { exact: true }).first().waitFor();
//     app.assertNoForeignRequests();
//     app.assertNoErrors();
//   });
//
// API
//   openServed(t, { path = '', navigate = true, viewport }) → Promise<App>
//       A fresh browser context and page on the served form (dist/index.html), served by a
//       static server on 127.0.0.1 (one per test file, free port). `path` is relative to dist/.
//   openFile(t, { navigate = true, viewport }) → Promise<App>
//       The same on the one-file form, file:///…/dist/horizon.html (no server involved).
//   Both register t.after(): a screenshot to tests/browser/screenshots/<test name>.png (also
//   when the test fails), then the context is closed. Pass navigate: false to set things up
//   (e.g. page.addInitScript, app.timeTo) before the first navigation.
//
//   App
//     page, context         Playwright Page and BrowserContext (playwright-core API)
//     url                   the address the page was opened at
//     goto(url = app.url)   navigate and wait for the 'load' event
//     ready({ timeout })    wait until the app has started: boot.js removed #horizon-loading.
//                           Throws with the page's own message if it could not start (the
//                           loading note turned into an alert) or the app crashed (#horizon-crash)
//     requests              every request the page's context made, in order:
//                           { url, method, resourceType, kind, local, failure }
//                           kind: 'server' (the test server), 'file' (file://), 'inline' (data:,
//                           blob:) or 'foreign' (anything else); local = kind !== 'foreign';
//                           failure: null, or Chromium's reason ('csp' = blocked by the page's
//                           Content-Security-Policy before anything was sent)
//     foreignRequests()     the requests with kind 'foreign'
//     assertNoForeignRequests()  fails listing them, if any request left the test server
//     consoleErrors         console.error messages and other error-level console entries
//                           (CSP violations appear here): { text, location }
//     consoleWarnings       the same for warnings
//     pageErrors            uncaught exceptions and rejections: strings
//     assertNoErrors({ ignore = [] })  fails if consoleErrors/pageErrors has any entry not
//                           matching one of the RegExps in `ignore`
//     timeTo(name, selector, { url = app.url }) → Promise<number>
//                           navigates to url and measures ms from navigation start to the
//                           first moment `selector` matches (timed inside the page by a
//                           MutationObserver); prints `metric: <name>=<ms> ms`. Never assert on it.
//     screenshot(name?)     save a PNG now (default: the test's name), of the whole page
//                           unless app.fullPage is set false (then of the viewport)
//     axe({ context, tags = WCAG_TAGS, rules, disable = [] }) → Promise<violations>
//                           runs axe-core (node_modules/axe-core, installed by `cargo xtask
//                           setup` from package-lock.json) on the page as it is now and returns
//                           axe's `violations` array: [{ id, impact, help, helpUrl, nodes:
//                           [{ target, html, failureSummary }] }]. Checks the WCAG 2.0/2.1/2.2
//                           A and AA rules (`tags`; WCAG_TAGS); `context` is axe's (default: the
//                           whole document), `rules` axe's per-rule options, `disable` rule ids
//                           to skip. Wait until the page has settled first: axe sees the DOM at
//                           that moment. axe.min.js is evaluated into the page over CDP
//                           (page.evaluate), which the page's Content-Security-Policy does not
//                           govern, so no test weakens the CSP (no bypassCSP); axe itself needs
//                           no eval (it would show as an EvalError here and a CSP report in
//                           consoleErrors). Re-injected after every navigation.
//   describeViolations(violations) → string   one line per rule (id, impact, help, node count)
//                           and the first few target selectors, for assertion messages
//   metric(name, ms)        print `metric: <name>=<ms> ms` for any other timing
//   server() → Promise<{ url, port, close() }>   the shared static server
//   browser() → Promise<Browser>                  the shared Chromium (one per test file)
//   ROOT, DIST, SCREENSHOTS, ONE_FILE_URL         paths and the file:// address
//   WCAG_TAGS                                     axe's tags for WCAG 2.0/2.1/2.2 A and AA
//
// Driving the app itself (waiting for its evaluation, changing view, the focused element,
// a screenshot of one part, the suggestions shown): ./app-helpers.mjs, documented at its top.
//
// Chromium: /usr/bin/chromium (Debian's; override with HORIZON_CHROMIUM), headless, with the
// flags below. Playwright gives every launch a fresh temporary --user-data-dir of its own (it
// refuses one in args) and every context is a fresh profile state. Host names other than
// localhost cannot resolve (--host-resolver-rules), so a stray request fails fast instead of
// reaching a network; it is still recorded, and assertNoForeignRequests() catches it.

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'tests/browser/screenshots');
export const ONE_FILE_URL = pathToFileURL(path.join(DIST, 'horizon.html')).href;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

let serverPromise;
let browserPromise;

function requireDist() {
  for (const file of ['index.html', 'horizon.html']) {
    if (!existsSync(path.join(DIST, file))) {
      throw new Error(`dist/${file} is missing: run \`cargo xtask dist\` first`);
    }
  }
}

export function server() {
  requireDist();
  serverPromise ??= startServer({ root: DIST });
  return serverPromise;
}

export function browser() {
  browserPromise ??= chromium.launch({
    executablePath: process.env.HORIZON_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return browserPromise;
}

// One browser and one server per test file (each file runs in its own process).
after(async () => {
  if (browserPromise) await (await browserPromise).close();
  if (serverPromise) await (await serverPromise).close();
});

let axeSource;
function axeSourceText() {
  if (!existsSync(AXE_SOURCE)) {
    throw new Error('node_modules/axe-core is missing: run `cargo xtask setup` (or npm ci) first');
  }
  axeSource ??= readFileSync(AXE_SOURCE, 'utf8');
  return axeSource;
}

/** axe violations as text: each rule's id, impact, help and node count, and a few targets. */
export function describeViolations(violations, { targets = 4 } = {}) {
  return violations
    .map((v) => {
      const shown = v.nodes.slice(0, targets).map((n) => `      ${n.target.join(' ')}`);
      const more = v.nodes.length > targets ? [`      … and ${v.nodes.length - targets} more`] : [];
      return [`  ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${v.help}`, ...shown, ...more].join('\n');
    })
    .join('\n');
}

export function metric(name, value, unit = 'ms') {
  console.log(`metric: ${name}=${unit === 'ms' ? value.toFixed(1) : Math.round(value)} ${unit}`);
}

const usedNames = new Map();
function screenshotPath(name) {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'test';
  const n = (usedNames.get(base) ?? 0) + 1;
  usedNames.set(base, n);
  return path.join(SCREENSHOTS, `${n === 1 ? base : `${base}-${n}`}.png`);
}

async function open(t, url, { navigate = true, viewport = { width: 1280, height: 800 } } = {}) {
  const serverUrl = serverPromise ? (await serverPromise).url : null;
  const context = await (await browser()).newContext({ viewport });
  const page = await context.newPage();

  const kindOf = (u) => {
    if (serverUrl && u.startsWith(serverUrl)) return 'server';
    if (u.startsWith('file:')) return 'file';
    if (u.startsWith('data:') || u.startsWith('blob:')) return 'inline';
    return 'foreign';
  };
  const requests = [];
  const consoleErrors = [];
  const consoleWarnings = [];
  const pageErrors = [];
  context.on('request', (req) => {
    const kind = kindOf(req.url());
    requests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType(), kind, local: kind !== 'foreign', failure: null });
  });
  context.on('requestfailed', (req) => {
    const entry = requests.findLast((r) => r.url === req.url());
    if (entry) entry.failure = req.failure()?.errorText ?? 'failed';
  });
  page.on('console', (msg) => {
    const entry = { text: msg.text(), location: msg.location() };
    if (msg.type() === 'error') consoleErrors.push(entry);
    else if (msg.type() === 'warning') consoleWarnings.push(entry);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
  page.on('crash', () => pageErrors.push('the page crashed'));

  const app = {
    page,
    context,
    url,
    requests,
    consoleErrors,
    consoleWarnings,
    pageErrors,
    async goto(to = url) {
      return page.goto(to, { waitUntil: 'load' });
    },
    async ready({ timeout = 30_000 } = {}) {
      await page.waitForFunction(
        () => {
          const loading = document.getElementById('horizon-loading');
          return !loading || loading.getAttribute('role') === 'alert' || document.getElementById('horizon-crash');
        },
        null,
        { timeout },
      );
      const problem = await page.evaluate(() => {
        const crash = document.getElementById('horizon-crash');
        const loading = document.getElementById('horizon-loading');
        return crash?.textContent ?? loading?.textContent ?? null;
      });
      if (problem !== null) throw new Error(`Horizon did not start: ${problem}`);
    },
    foreignRequests() {
      return requests.filter((r) => r.kind === 'foreign');
    },
    assertNoForeignRequests() {
      const foreign = this.foreignRequests().map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(foreign, [], `requests left the test server:\n${foreign.join('\n')}`);
    },
    assertNoErrors({ ignore = [] } = {}) {
      const keep = (text) => !ignore.some((re) => re.test(text));
      const errors = [
        ...consoleErrors.map((e) => `console.error: ${e.text} (${e.location?.url ?? ''}:${e.location?.lineNumber ?? ''})`),
        ...pageErrors.map((e) => `uncaught: ${e}`),
      ].filter(keep);
      assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
    },
    async timeTo(name, selector, { url: to = url } = {}) {
      const key = `t${Math.random().toString(36).slice(2)}`;
      await page.addInitScript(
        ({ key, selector }) => {
          const metrics = (window.__horizonMetrics ??= {});
          const check = () => {
            if (metrics[key] === undefined && document.querySelector(selector)) {
              metrics[key] = performance.now();
              observer.disconnect();
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
        },
        { key, selector },
      );
      const started = performance.now();
      await page.goto(to, { waitUntil: 'commit' });
      await page.waitForSelector(selector);
      const inPage = await page.evaluate((key) => window.__horizonMetrics?.[key], key);
      const ms = typeof inPage === 'number' ? inPage : performance.now() - started;
      metric(name, ms);
      return ms;
    },
    async axe({ context, tags = WCAG_TAGS, rules = {}, disable = [] } = {}) {
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
        await page.evaluate(axeSourceText());
      }
      const allRules = { ...rules };
      for (const id of disable) allRules[id] = { ...allRules[id], enabled: false };
      return page.evaluate(
        async ({ context, tags, rules }) => {
          const results = await window.axe.run(context ?? document, {
            runOnly: { type: 'tag', values: tags },
            rules,
            resultTypes: ['violations'],
          });
          // Nothing checked at all means the wrong page or context, not a clean one.
          if (results.passes.length + results.violations.length + results.incomplete.length === 0) {
            throw new Error('axe found nothing to check: is the page loaded and the context right?');
          }
          return results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
          }));
        },
        { context, tags, rules: allRules },
      );
    },
    // Screenshots are of the whole page unless a test sets this false (a page of
    // hundreds of suggestions takes Chromium 20 s to shoot whole).
    fullPage: true,
    async screenshot(name = t.name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = screenshotPath(name);
      await page.screenshot({ path: file, fullPage: app.fullPage });
      return file;
    },
  };

  t.after(async () => {
    try {
      if (!page.isClosed()) await app.screenshot();
    } finally {
      await context.close();
    }
  });

  if (navigate) await app.goto();
  return app;
}

/** The served form (dist/index.html over http://127.0.0.1:<free port>/). */
export async function openServed(t, { path: rel = '', ...options } = {}) {
  const { url } = await server();
  return open(t, new URL(rel, url).href, options);
}

/** The one-file form (dist/horizon.html), opened from disk over file://. */
export async function openFile(t, options = {}) {
  requireDist();
  return open(t, ONE_FILE_URL, options);
}
