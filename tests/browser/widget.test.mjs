// Horizon as a widget in another page: the example host page (www/embed-example.html,
// a council intranet page with its own broad styles) holds two <horizon-review>
// elements, the county review and Thanet's district plan.
//
// Selectors (Playwright's locators reach into open shadow roots):
//   #county-widget, #district-widget   the two <horizon-review> elements
//   #county-status, #district-status   the host page's own lines, written from the widget's event
//   .horizon-widget-problems           the box in a widget that lists a scenario's problems
//   #undo                              each widget's Undo button

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeViolations, metric, openServed } from './harness.mjs';

const PAGE = 'embed-example.html';
const OWN_FILES = ['/embed-example.html', '/embed-example.css', '/embed-example.js', '/horizon-widget.js', '/horizon-widget.css', '/horizon_web.js', '/horizon_web_bg.wasm', '/horizon_formats_bg.wasm'];

async function openExample(t) {
  const started = Date.now();
  const app = await openServed(t, { path: PAGE });
  for (const id of ['county-status', 'district-status']) {
    await app.page.waitForFunction((id) => document.getElementById(id).textContent.startsWith('Horizon suggests'), id, { timeout: 30_000 });
  }
  metric('widget_page_to_both_widgets_suggesting', Date.now() - started);
  return app;
}

const widget = (page, id) => page.locator(`#${id}`);

test('widget: two widgets in a host page start, tell the page their suggestions, keep out its styles and ask for nothing but their own files', async (t) => {
  const app = await openExample(t);
  const { page } = app;
  // Each widget's event carried the review JSON: the host's count agrees with the cards drawn.
  const county = await widget(page, 'county-widget').locator('.suggestion').count();
  assert.ok(county > 0);
  assert.equal(await page.locator('#county-status').innerText(), `Horizon suggests ${county} changes here.`);
  assert.match(await page.locator('#district-status').innerText(), /^Horizon suggests \d+ changes? here\.$/);
  // The landmarks are the host's: a widget's content is a region named for its view,
  // with no second main, banner or footer and no skip link of its own.
  const county_ = widget(page, 'county-widget');
  assert.equal(await county_.locator('main, header, footer, .skip-link').count(), 0);
  assert.equal(await county_.locator('#main').getAttribute('role'), 'region');
  assert.equal(await county_.locator('#main').getAttribute('aria-label'), 'Horizon: Review');
  // Each opened on the view its element named.
  assert.equal(await widget(page, 'county-widget').locator('#main').getAttribute('data-view'), 'review');
  assert.equal(await widget(page, 'district-widget').locator('#main').getAttribute('data-view'), 'matrix');

  // The host's broad rules (every button pink and round, Georgia everywhere) stop at the widget...
  const inside = await widget(page, 'county-widget').locator('nav button, nav a').first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, font: s.fontFamily, radius: s.borderTopLeftRadius };
  });
  assert.notEqual(inside.background, 'rgb(173, 20, 87)', 'the host page’s button colour reached into the widget');
  assert.doesNotMatch(inside.font, /Georgia/, 'the host page’s font reached into the widget');
  // ...and the widget's (a black header, system fonts, its own h1) stay inside it.
  const host = await page.evaluate(() => ({
    h1: getComputedStyle(document.querySelector('h1')).fontFamily,
    button: getComputedStyle(document.getElementById('headless')).backgroundColor,
    body: getComputedStyle(document.body).backgroundColor,
  }));
  assert.match(host.h1, /Georgia/);
  assert.equal(host.button, 'rgb(173, 20, 87)');
  assert.equal(host.body, 'rgb(238, 240, 244)');

  // Moving between views leaves the host's address and title alone.
  const title = await page.title();
  await widget(page, 'county-widget').locator('nav').getByText('Matrix', { exact: true }).click();
  await widget(page, 'county-widget').locator('#main[data-view="matrix"]').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.equal(await page.title(), title);
  // A link to a place inside the widget goes there, not to the host's address bar.
  await widget(page, 'county-widget').locator('nav').getByText('Review', { exact: true }).click();
  await widget(page, 'county-widget').locator('#main[data-view="review"]').waitFor();
  const link = widget(page, 'county-widget').locator('a[href^="#suggestion-"]').first();
  await link.click();
  assert.equal(await page.evaluate(() => location.hash), '');
  const focused = await page.evaluate(() => document.getElementById('county-widget').shadowRoot.activeElement?.id ?? null);
  assert.match(focused ?? '', /^suggestion-\d+$/, 'the link moved focus to its suggestion in the widget');

  // Nothing saved in the browser's storage, nothing asked of any other place.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  app.assertNoForeignRequests();
  const asked = app.requests.filter((r) => r.kind === 'server').map((r) => new URL(r.url).pathname);
  assert.deepEqual([...new Set(asked)].filter((p) => !OWN_FILES.includes(p)), [], 'only the page and Horizon’s own files');
  app.assertNoErrors();
});

test('widget: two widgets on one page keep their own work, undo and suggestions', async (t) => {
  const app = await openExample(t);
  const { page } = app;
  const county = widget(page, 'county-widget');
  const district = widget(page, 'district-widget');
  const countyBefore = await page.locator('#county-status').innerText();
  const countyCards = await county.locator('.suggestion h3, .suggestion .headline').allInnerTexts();

  // An edit in the district's matrix...
  const cell = district.locator('#matrix button.cell-button').first();
  const level = await cell.getAttribute('data-level');
  await cell.click();
  await page.waitForFunction((before) => {
    const b = document.getElementById('district-widget').shadowRoot.querySelector('#matrix button.cell-button');
    return b && b.dataset.level !== before;
  }, level);
  assert.notEqual(await district.locator('#undo').getAttribute('aria-disabled'), 'true', 'the district can undo its edit');
  // ...is not the county's.
  assert.equal(await county.locator('#undo').getAttribute('aria-disabled'), 'true', 'the county has nothing to undo');
  assert.equal(await page.locator('#county-status').innerText(), countyBefore);
  assert.deepEqual(await county.locator('.suggestion h3, .suggestion .headline').allInnerTexts(), countyCards);

  // Ctrl+Z in the district undoes the district's edit only.
  await district.locator('#matrix button.cell-button').first().focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction((before) => {
    const b = document.getElementById('district-widget').shadowRoot.querySelector('#matrix button.cell-button');
    return b && b.dataset.level === before;
  }, level);
  assert.equal(await county.locator('#undo').getAttribute('aria-disabled'), 'true');
  app.assertNoErrors();
});

test('widget: a scenario with problems is shown inside the widget, the work is kept and nothing is thrown into the page', async (t) => {
  const app = await openExample(t);
  const { page } = app;
  const cards = await widget(page, 'county-widget').locator('.suggestion').count();

  // A widget given a broken scenario from the start lists its problems in its own box.
  await page.evaluate(async () => {
    const { HorizonWidget } = await import('./horizon-widget.js');
    const box = document.createElement('section');
    box.id = 'third';
    document.querySelector('main').append(box);
    window.third = HorizonWidget.mount(box, { scenario: '{ "schema_version": 2,\n  "themes": 7 }' });
  });
  const problems = page.locator('#third horizon-review .horizon-widget-problems');
  await problems.waitFor({ state: 'visible' });
  assert.match(await problems.innerText(), /^Horizon could not open the scenario this page gave it\. The problem:\n.*line 2, column \d+/s);
  assert.equal(await problems.getAttribute('role'), 'alert');

  // A running widget given a broken one keeps its work and says why.
  const returned = await page.evaluate(() => document.getElementById('county-widget').setScenario('{"districts": [}'));
  assert.equal(returned.length, 1);
  const countyProblems = widget(page, 'county-widget').locator('.horizon-widget-problems');
  assert.match(await countyProblems.innerText(), /the work is unchanged\. The problem:\n+line 1, column \d+: expected value/);
  assert.equal(await widget(page, 'county-widget').locator('.suggestion').count(), cards);
  app.fullPage = false;
  await countyProblems.scrollIntoViewIfNeeded();
  await app.screenshot('widget-problems-shown');

  // A good one replaces the work, the event follows, and the problems go.
  await page.evaluate(async () => {
    const { HorizonWidget } = await import('./horizon-widget.js');
    document.getElementById('county-widget').scenario = await HorizonWidget.example('medway-2016-20');
  });
  await widget(page, 'county-widget').getByText('Medway', { exact: false }).first().waitFor();
  await countyProblems.waitFor({ state: 'hidden' });
  assert.notEqual(await widget(page, 'county-widget').locator('#undo').getAttribute('aria-disabled'), 'true', 'opening it can be undone');
  assert.deepEqual(app.pageErrors, []);
  app.assertNoErrors();
});

test('widget: the headless review gives the same suggestions as the widget, and refuses a broken scenario with its problems', async (t) => {
  const app = await openExample(t);
  const { page } = app;
  const cards = await widget(page, 'county-widget').locator('.suggestion').count();
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await page.click('#headless');
  await page.waitForFunction(() => document.getElementById('headless-result').textContent !== '');
  assert.equal(await page.locator('#headless-result').innerText(), `The shipped rules make ${cards} suggestions for this review.`);
  assert.equal(workers.length, 1, 'the rules ran in a worker of their own, off the host page’s thread');
  const refused = await page.evaluate(async () => {
    const { HorizonWidget } = await import('./horizon-widget.js');
    try {
      await HorizonWidget.review('{"themes": 7}');
      return null;
    } catch (error) {
      return { message: error.message, problems: error.problems };
    }
  });
  assert.ok(refused, 'a broken scenario is refused');
  assert.match(refused.message, /^The scenario has a problem: line 1, column \d+/);
  assert.equal(refused.problems.length, 1);
  app.assertNoErrors();
});

test('widget: a scenario written inside the element is the one it shows, and the host page’s Back is the host’s', async (t) => {
  const app = await openExample(t);
  const { page } = app;
  await page.evaluate(async () => {
    const { HorizonWidget } = await import('./horizon-widget.js');
    const medway = await HorizonWidget.example('medway-2016-20');
    const box = document.createElement('section');
    box.innerHTML = '<horizon-review id="inline-widget" view="plan"><script type="application/json"></script></horizon-review>';
    box.querySelector('script').textContent = JSON.stringify(medway);
    document.querySelector('main').append(box);
  });
  const inline = widget(page, 'inline-widget');
  await inline.locator('#main[data-view="plan"]').waitFor();
  assert.match(await inline.locator('.masthead').innerText(), /Medway/);
  // The host moves through its own history; the widgets stay where they are.
  await page.evaluate(() => { history.pushState(null, '', '#about'); history.pushState(null, '', '#county'); });
  await widget(page, 'county-widget').locator('nav').getByText('Matrix', { exact: true }).click();
  await widget(page, 'county-widget').locator('#main[data-view="matrix"]').waitFor();
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#about');
  await page.waitForTimeout(200);
  assert.equal(await widget(page, 'county-widget').locator('#main').getAttribute('data-view'), 'matrix');
  assert.equal(await inline.locator('#main').getAttribute('data-view'), 'plan');
  app.assertNoErrors();
});

test('widget: the example host page with two widgets passes axe', async (t) => {
  const app = await openExample(t);
  app.fullPage = false;
  const violations = await app.axe();
  assert.deepEqual(violations, [], `axe found:\n${describeViolations(violations)}`);
});

// On a slow intranet line each widget's own box says how much of Horizon has arrived, with
// one download for both; the lines go once the widgets have started.
test('widget: on a slow line each widget counts the wasm in, in its own box', async (t) => {
  const app = await openServed(t, { path: PAGE, navigate: false });
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('Network.enable');
  // Lighthouse's "slow 4G" (delivery.test.mjs).
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await app.goto();
  const line = (id) => widget(app.page, id).locator('.horizon-widget-loading');
  await app.page.waitForFunction(() => ['county-widget', 'district-widget'].every((id) =>
    /Loading Horizon… [1-9]\d?%/.test(document.getElementById(id)?.shadowRoot?.querySelector('.horizon-widget-loading')?.textContent ?? '')));
  await app.screenshot('widget-each-box-counts-the-wasm-in-on-a-slow-line');
  for (const id of ['county-widget', 'district-widget']) {
    assert.equal(await line(id).locator('progress').getAttribute('aria-label'), 'Loading Horizon');
  }
  const [a, b] = await Promise.all(['county-widget', 'district-widget'].map((id) => line(id).locator('progress').evaluate((p) => p.value)));
  await app.page.waitForTimeout(500);
  const later = await line('county-widget').locator('progress').evaluate((p) => p.value);
  assert.ok(later > a, `the county widget's bar moved on (${a} → ${later})`);
  assert.ok(Math.abs(a - b) < 200_000, 'both boxes count the same download');
  for (const id of ['county-status', 'district-status']) {
    await app.page.waitForFunction((id) => document.getElementById(id).textContent.startsWith('Horizon suggests'), id, { timeout: 60_000 });
  }
  assert.equal(await widget(app.page, 'county-widget').locator('.horizon-widget-loading').count(), 0);
  assert.equal(app.requests.filter((r) => r.url.endsWith('/horizon_web_bg.wasm')).length, 1, 'one download of the wasm for both');
  app.assertNoErrors();
});

// In a widget the presentation first fills the widget's box; Full screen puts it on the
// whole screen, as on Horizon's own page.
test('widget: the presentation goes on the whole screen from inside a widget', async (t) => {
  const app = await openExample(t);
  const county = widget(app.page, 'county-widget');
  await county.locator('#nav-present').click();
  await county.locator('#presentation').waitFor();
  await county.locator('#present-full-screen').click();
  await app.page.waitForFunction(() => document.getElementById('county-widget').shadowRoot.fullscreenElement?.id === 'presentation');
  const box = await county.locator('#presentation').boundingBox();
  const viewport = app.page.viewportSize();
  assert.ok(Math.abs(box.width - viewport.width) <= 1 && Math.abs(box.height - viewport.height) <= 1,
    `the presentation fills the screen: ${JSON.stringify(box)} in ${JSON.stringify(viewport)}`);
  assert.equal(await county.locator('#present-full-screen').textContent(), 'Leave full screen');
  await county.locator('#present-leave').click();
  await app.page.waitForFunction(() => document.fullscreenElement === null);
  await county.locator('main, #main').first().waitFor();
  app.assertNoErrors();
});

// Bootstrap 3 and many intranet themes set `html { font-size: 10px }` (or 62.5 %): the widget
// keeps the sizes Horizon has on its own page, the browser's default font size being its base.
test('widget: a host page that shrinks its root font size does not shrink the widget', async (t) => {
  const app = await openExample(t);
  const { page } = app;
  const sizes = () => page.evaluate(() => {
    const root = document.getElementById('county-widget').shadowRoot;
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      text: style('.horizon-widget').fontSize,
      heading: style('h1').fontSize,
      button: style('.button').paddingLeft,
      nav: style('nav a, nav button').fontSize,
    };
  });
  const before = await sizes();
  assert.equal(before.text, '17px', 'the text is as on Horizon’s own page (1.0625 × 16px)');
  assert.equal(before.heading, '32px');
  await page.addStyleTag({ content: 'html { font-size: 10px !important; }' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '10px', 'the host page’s root is 10px');
  assert.deepEqual(await sizes(), before, 'and the widget’s sizes are unchanged');
  app.assertNoErrors();
});
