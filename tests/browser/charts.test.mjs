// The scan at a glance (issue 10, item 5): the PESTELO radar, its table and the 4 × 4
// likelihood × impact grid in the Horizon view.
//
// Selectors relied on: #horizon-charts, .radar-svg, .radar-mark[data-number],
// .radar-sector-label, #radar-caption, #radar-table tbody tr, #li-grid td.li-cell[data-count],
// #open-file and #scenario-title (the Data view).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeViolations, WCAG_TAGS } from './harness.mjs';
import { openSettled, settled, go, shot } from './app-helpers.mjs';

const SAVE_KEY = 'horizon.autosave.v1';

async function saved(page) {
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).history.base.scenario;
}

async function counts(page) {
  return {
    marks: await page.locator('.radar-svg .radar-mark').count(),
    sectors: await page.locator('.radar-sector-label').count(),
    rows: await page.locator('#radar-table tbody tr').count(),
    grid: await page.$$eval('#li-grid td.li-cell', (cells) => cells.reduce((n, c) => n + Number(c.dataset.count), 0)),
    cells: await page.locator('#li-grid td.li-cell').count(),
  };
}

/** Marks whose boxes overlap on screen (there should be none). */
async function overlaps(page) {
  return page.$$eval('.radar-svg .radar-mark .mark-shape', (shapes) => {
    const boxes = shapes.map((s) => s.getBoundingClientRect());
    let n = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      // Centres closer than the two marks' half-widths (less a pixel for the outline).
      const d = Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
      if (d < (Math.min(a.width, a.height) + Math.min(b.width, b.height)) / 2 - 1) n++;
    }
    return n;
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test(`charts: the Kent radar, table and grid agree at ${viewport.width}×${viewport.height}`, async (t) => {
    const app = await openSettled(t, { viewport });
    const page = app.page;
    const kent = await saved(page);
    await go(page, 'horizon');
    await page.waitForSelector('#horizon-charts .radar-mark');
    const c = await counts(page);
    assert.equal(c.marks, kent.horizon.length, 'one mark per horizon item');
    assert.equal(c.sectors, kent.categories.length, 'one sector per category');
    assert.equal(c.rows, kent.horizon.length, 'the table has every item');
    assert.equal(c.cells, 16);
    assert.equal(c.grid, kent.horizon.length, 'the grid counts every item once');
    assert.equal(await overlaps(page), 0, 'no two marks overlap');

    // The numbers in the table are the marks' numbers.
    const markNumbers = await page.$$eval('.radar-svg .radar-mark', (ms) => ms.map((m) => m.dataset.number).sort());
    const rowNumbers = await page.$$eval('#radar-table tbody tr', (rs) => rs.map((r) => r.dataset.number).sort());
    assert.deepEqual(markNumbers, rowNumbers);

    // The SVG scales to its container and no sector label is cut off.
    const svg = await page.locator('.radar-svg').boundingBox();
    assert.ok(svg.width > 400, `radar ${svg.width}px wide`);
    const outside = await page.$$eval('.radar-sector-label', (ls) => {
      const box = document.querySelector('.radar-svg').getBoundingClientRect();
      return ls.map((l) => l.getBoundingClientRect()).filter((r) => r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom).length;
    });
    assert.equal(outside, 0, 'every sector label is inside the drawing');

    await shot(page.locator('#horizon-charts .radar'), `charts-radar-${viewport.width}`);
    await shot(page.locator('#horizon-charts .li-grid'), `charts-grid-${viewport.width}`);
    app.assertNoErrors();
  });
}

test('charts: a mark takes focus by Tab and shows its title', async (t) => {
  const app = await openSettled(t, { viewport: { width: 1280, height: 720 } });
  const page = app.page;
  await go(page, 'horizon');
  await page.waitForSelector('.radar-mark');
  // The link at the top takes focus to the charts' heading, and Tab goes on into them.
  await page.click('#go-to-charts');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'charts-heading');
  // Focus the control just before the radar, then Tab onto the first mark.
  const first = page.locator('.radar-mark[data-number="1"]');
  const title = await first.locator('title').textContent();
  await page.locator('.radar-mark[data-number="2"]').focus();
  await page.keyboard.press('Shift+Tab');
  const active = await page.evaluate(() => document.activeElement?.dataset?.number ?? document.activeElement?.tagName);
  assert.equal(active, '1', 'Shift+Tab from mark 2 reaches mark 1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const third = await page.evaluate(() => document.activeElement?.dataset?.number);
  assert.equal(third, '3', 'Tab moves from mark to mark in number order');
  const caption = await page.textContent('#radar-caption');
  const thirdTitle = await page.locator('.radar-mark[data-number="3"] title').textContent();
  assert.equal(caption.trim(), thirdTitle.trim(), 'the focused mark’s title is shown');
  assert.match(title, /^1\. .+likelihood \d × impact \d = grade \d+/);
  assert.match(await page.locator('.radar-mark[data-number="3"]').getAttribute('aria-label'), /^3\. /);
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
  await shot(page.locator('#horizon-charts .radar-layout'), 'charts-radar-focused');
  app.assertNoErrors();
});

test('charts: the Horizon view with its charts has no axe violations', async (t) => {
  const app = await openSettled(t);
  await go(app.page, 'horizon');
  await app.page.waitForSelector('.radar-mark');
  const violations = await app.axe({ tags: [...WCAG_TAGS, 'best-practice'] });
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s):\n${describeViolations(violations)}`);
  app.assertNoErrors();
});

/** Kent with `n` categories: the first n (items in the others move to the first), or extra ones added. */
function withCategories(kent, n) {
  const s = structuredClone(kent);
  const kept = s.categories.slice(0, Math.min(n, s.categories.length));
  for (let i = kept.length; i < n; i++) kept.push({ id: `extra-${i}`, name: `Extra heading ${i + 1}` });
  const ids = new Set(kept.map((c) => c.id));
  for (const h of s.horizon) if (!ids.has(h.category)) h.category = kept[0].id;
  s.categories = kept;
  s.meta.title = `Kent with ${n} categories`;
  return s;
}

for (const n of [5, 7, 9]) {
  test(`charts: a scenario with ${n} categories draws ${n} sectors`, async (t) => {
    const app = await openSettled(t, { viewport: { width: 1280, height: 720 } });
    const page = app.page;
    const s = withCategories(await saved(page), n);
    await go(page, 'data');
    await page.setInputFiles('#open-file', { name: `kent-${n}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
    await page.waitForFunction((title) => document.querySelector('#scenario-title')?.textContent === title, s.meta.title);
    await settled(page);
    await go(page, 'horizon');
    await page.waitForSelector('.radar-mark');
    const c = await counts(page);
    assert.equal(c.sectors, n);
    assert.equal(c.marks, s.horizon.length);
    assert.equal(c.rows, s.horizon.length);
    assert.equal(c.grid, s.horizon.length);
    await shot(page.locator('#horizon-charts .radar'), `charts-radar-${n}-categories`);
    app.assertNoErrors();
  });
}

test('charts: printed, the radar fits the page and its marks keep their shades', async (t) => {
  const app = await openSettled(t, { viewport: { width: 1280, height: 720 } });
  const page = app.page;
  await go(page, 'horizon');
  await page.waitForSelector('.radar-mark');
  await page.emulateMedia({ media: 'print' });
  const svg = await page.locator('.radar-svg').boundingBox();
  const body = await page.evaluate(() => document.body.getBoundingClientRect().width);
  assert.ok(svg.width <= body + 1, `radar ${svg.width}px in a ${body}px page`);
  assert.equal(await page.locator('#radar-caption').isVisible(), false, 'the focus caption is not printed');
  const fill = await page.$eval('.radar-svg .radar-mark.band-severe .mark-shape', (p) => getComputedStyle(p).fill);
  assert.equal(fill, 'rgb(11, 42, 74)');
  await shot(page.locator('#horizon-charts .radar'), 'charts-radar-print');
  app.assertNoErrors();
});
