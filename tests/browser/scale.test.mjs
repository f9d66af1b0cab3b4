// Horizon at national scale (issue 12, part 3): Kent's review widened to 350 districts and
// 60 themes (21,000 matrix cells). Timings are printed as metrics, never asserted; what is
// asserted is that the page works at this size.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openServed, metric, describeViolations } from './harness.mjs';
import { settled, go } from './app-helpers.mjs';

const SAVE_KEY = 'horizon.autosave.v1';
const LEVELS = ['main', 'subsidiary', 'issue'];

/** Kent's scenario with `districts` districts and `themes` themes, every cell filled from a fixed sequence. */
function national(kent, districts, themes) {
  const s = structuredClone(kent);
  s.meta.title = `National: ${districts} districts × ${themes} themes`;
  s.plans = s.plans.filter((p) => p.kind === 'county_agreement');
  s.under_review = s.plans[0].id;
  s.horizon = s.horizon.filter((h) => !h.district);
  s.districts = Array.from({ length: districts }, (_, i) => ({ id: `d${i}`, name: `District ${i + 1}` }));
  const group = s.themes[0].group;
  for (let i = s.themes.length; i < themes; i++) s.themes.push({ id: `t${i}`, name: `Theme ${i + 1}`, group });
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  s.matrix = s.themes.map((t) => {
    const cells = {};
    for (const d of s.districts) {
      const r = next() % 7;
      if (r < 3) cells[d.id] = LEVELS[r];
    }
    return { theme: t.id, cells };
  });
  return s;
}

/**
 * ms from a click on the cell to the next frame after the page has handled it (`frame`),
 * and to the start of that frame, when the edit can first be painted (`paint`).
 */
async function clickToFrame(page, selector) {
  return page.evaluate((selector) => new Promise((resolve) => {
    const button = document.querySelector(selector);
    const started = performance.now();
    button.click();
    requestAnimationFrame(() => {
      const paint = performance.now() - started;
      setTimeout(() => resolve({ frame: performance.now() - started, paint }), 0);
    });
  }), selector);
}

/** The served page, started, and the Kent example's scenario as it saved it. */
async function openWithKent(t) {
  const app = await openServed(t, { viewport: { width: 1280, height: 800 } });
  const { page } = app;
  await app.ready();
  await settled(page);
  const kent = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).history.base.scenario;
  return { app, page, kent };
}

test('scale: a 350 × 60 matrix opens, edits and keeps its suggestions coming', async (t) => {
  const { app, page, kent } = await openWithKent(t);
  const s = national(kent, 350, 60);
  // The size of each request the page posts its evaluation's worker.
  await page.evaluate(() => {
    window.__requestBytes = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (typeof message?.request === 'string') window.__requestBytes.push(message.request.length);
      return post.call(this, message, ...rest);
    };
  });
  await go(page, 'data');
  await page.setInputFiles('#open-file', { name: 'national.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction((title) => document.querySelector('#scenario-title')?.textContent === title, s.meta.title, { timeout: 60_000 });
  await settled(page);
  // The Matrix view's first frame, then every row, drawn a few at a time; the longest
  // task meanwhile is how long a click could wait.
  const opened = await page.evaluate(() => new Promise((resolve) => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const started = performance.now();
    let first = null;
    document.getElementById('nav-matrix').click();
    const check = () => {
      const table = document.getElementById('matrix');
      if (first === null && table?.querySelector('tbody tr')) first = performance.now() - started;
      if (table && !table.hasAttribute('aria-busy')) {
        requestAnimationFrame(() => setTimeout(() => {
          observer.disconnect();
          resolve({ first, all: performance.now() - started, longest: Math.max(0, ...tasks) });
        }, 0));
      } else requestAnimationFrame(check);
    };
    check();
  }));
  metric('national_matrix_first_frame', opened.first);
  metric('national_matrix_every_row_drawn', opened.all);
  metric('national_matrix_longest_task_while_drawing', opened.longest);
  // Every row and every district's name is there; of the cells, only the columns in
  // view and some either side are drawn (the rest of each row is one empty cell).
  assert.equal(await page.locator('#matrix tbody tr').count(), 60);
  assert.equal(await page.locator('#matrix thead th.district-col').count(), 350);
  const drawnCells = await page.locator('#matrix button.cell-button').count();
  metric('national_matrix_cells_drawn', drawnCells, 'cells');
  assert.ok(drawnCells >= 60 * 14 && drawnCells <= 60 * 64, `the columns in view are drawn, not all 350: ${drawnCells} cells`);
  // Cell edits: to the next frame, and to the new suggestions.
  const frames = [];
  const paints = [];
  const settledMs = [];
  // Each edit's evaluation, as the page times it (posted to answered).
  const evaluations = [];
  const beforeEdits = await page.evaluate(() => window.__requestBytes.length);
  for (let i = 0; i < 7; i++) {
    const revision = Number(await page.getAttribute('#eval-time', 'data-evaluated-revision'));
    const started = Date.now();
    const { frame, paint } = await clickToFrame(page, `#matrix tr[data-theme="t${40 + i}"] button.cell-button[data-district="d${2 * i}"]`);
    frames.push(frame);
    paints.push(paint);
    await page.waitForFunction((r) => Number(document.querySelector('#eval-time').dataset.evaluatedRevision) > r, revision, { timeout: 60_000 });
    settledMs.push(Date.now() - started);
    evaluations.push(Number(await page.getAttribute('#eval-time', 'data-ms')));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  metric('national_matrix_edit_to_next_frame_median', median(frames));
  metric('national_matrix_edit_to_paint_median', median(paints));
  metric('national_matrix_edit_to_new_suggestions_median', median(settledMs));
  metric('national_evaluation_median', median(evaluations));
  // After the scenario is sent once, each cell edit sends the worker the edit alone.
  const sent = await page.evaluate(() => window.__requestBytes);
  const whole = Math.max(...sent.slice(0, beforeEdits));
  const edits = sent.slice(beforeEdits);
  metric('national_request_whole', whole, 'bytes');
  metric('national_request_after_edit_median', median(edits), 'bytes');
  assert.equal(edits.length, 7, `one request per edit: ${sent}`);
  assert.ok(Math.max(...edits) * 50 < whole, `an edit's request is a small part of the whole scenario's: ${sent}`);
  // An undo goes back to a scenario the worker still holds: it is sent none of it.
  const undoRevision = Number(await page.getAttribute('#eval-time', 'data-evaluated-revision'));
  await page.click('#undo');
  await page.waitForFunction((r) => Number(document.querySelector('#eval-time').dataset.evaluatedRevision) > r, undoRevision, { timeout: 60_000 });
  const afterUndo = (await page.evaluate(() => window.__requestBytes)).at(-1);
  metric('national_request_after_undo', afterUndo, 'bytes');
  assert.ok(afterUndo * 50 < whole, `an undo's request is a small part of the whole scenario's: ${afterUndo} of ${whole} bytes`);
  assert.equal(await page.locator('#matrix tr[data-theme="t40"] button.cell-button[data-district="d0"]').getAttribute('data-level') !== null, true);

  // Scrolled across in steps of a screen's width, as a user drags the scroll bar, the
  // cells under each district's name are drawn; the longest task meanwhile is how long
  // a click could wait.
  const swept = await page.evaluate(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const box = document.getElementById('matrix-scroll');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const missing = [];
    // The district whose name is in the middle of the box, and how many of its 60 cells are drawn.
    const middle = () => {
      const mid = box.getBoundingClientRect().left + box.clientWidth / 2;
      const head = [...document.querySelectorAll('#matrix thead th.district-col')]
        .find((th) => { const r = th.getBoundingClientRect(); return r.left <= mid && mid < r.right; });
      const column = head ? [...head.parentNode.children].indexOf(head) - 1 : -1;
      return { column, cells: document.querySelectorAll(`#matrix tbody button.cell-button[data-district="d${column}"]`).length };
    };
    let slowest = 0;
    for (let left = 0; left <= box.scrollWidth - box.clientWidth; left += box.clientWidth) {
      box.scrollLeft = left;
      // Drawn within a few frames (the rows in view first, then each other row).
      let frames = 0;
      for (; frames < 30 && middle().cells !== 60; frames++) await frame();
      slowest = Math.max(slowest, frames);
      if (middle().cells !== 60) missing.push({ left, ...middle() });
    }
    await frame();
    observer.disconnect();
    return { missing, slowest, longest: Math.max(0, ...tasks) };
  });
  assert.deepEqual(swept.missing, [], 'each district in view has its cells drawn');
  metric('national_matrix_longest_task_while_scrolling', swept.longest);
  metric('national_matrix_frames_to_cells_after_scrolling_most', swept.slowest, 'frames');
  // Frozen panes: scrolled far right and down in its box, the matrix still shows the
  // district names along its top and the theme names down its left.
  await page.evaluate(() => {
    const box = document.getElementById('matrix-scroll');
    box.scrollLeft = box.scrollWidth / 2;
    box.scrollTop = box.scrollHeight / 2;
  });
  const panes = await page.evaluate(() => {
    const box = document.getElementById('matrix-scroll').getBoundingClientRect();
    const header = document.querySelector('#matrix thead th.district-col:nth-child(180)').getBoundingClientRect();
    const rows = [...document.querySelectorAll('#matrix tbody tr')];
    const visible = rows.find((r) => r.getBoundingClientRect().top > box.top + 60);
    const name = visible.querySelector('th.theme-name').getBoundingClientRect();
    return { boxTop: box.top, boxLeft: box.left, headerTop: header.top, nameLeft: name.left, boxHeight: box.height, viewport: innerHeight };
  });
  assert.ok(Math.abs(panes.headerTop - panes.boxTop) <= 2, `the district names stay at the top of the matrix: ${JSON.stringify(panes)}`);
  assert.ok(Math.abs(panes.nameLeft - panes.boxLeft) <= 2, `the theme names stay at its left: ${JSON.stringify(panes)}`);
  assert.ok(panes.boxHeight <= panes.viewport, 'the matrix box is no taller than the window');
  // A cell scrolled to is drawn and takes an edit like any other.
  const far = page.locator('#matrix tr[data-theme="t45"] button.cell-button[data-district="d180"]');
  const farBefore = await far.getAttribute('data-level');
  await far.click();
  await page.waitForFunction((before) => document.querySelector('#matrix tr[data-theme="t45"] button.cell-button[data-district="d180"]').dataset.level !== before, farBefore);
  app.fullPage = false;
  await app.screenshot('scale-matrix-scrolled');
  // The matrix with only some columns drawn (the rest of each row one empty cell) is
  // still a table axe finds nothing wrong with.
  const violations = await app.axe({ context: '#matrix-scroll' });
  assert.equal(violations.length, 0, `axe on the national matrix:\n${describeViolations(violations)}`);
  // A cell reached by keyboard is never left under the frozen names (WCAG 2.4.11).
  await page.evaluate(() => document.querySelector('#matrix thead th.district-col:nth-child(202)').scrollIntoView({ inline: 'center' }));
  const cell = page.locator('#matrix tr[data-theme="t30"] button.cell-button[data-district="d200"]');
  await cell.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  const clear = await page.evaluate(() => {
    const f = document.activeElement.getBoundingClientRect();
    const name = document.activeElement.closest('tr').querySelector('th.theme-name').getBoundingClientRect();
    const head = document.querySelector('#matrix thead th.district-col').getBoundingClientRect();
    return { left: f.left, top: f.top, nameRight: name.right, headBottom: head.bottom, district: document.activeElement.dataset.district };
  });
  assert.equal(clear.district, 'd194');
  assert.ok(clear.left >= clear.nameRight - 1, `the focused cell is clear of the theme names: ${JSON.stringify(clear)}`);
  assert.ok(clear.top >= clear.headBottom - 1, `the focused cell is clear of the district names: ${JSON.stringify(clear)}`);
  // By keyboard to columns not yet drawn: End goes to the last district, far past the
  // drawn columns, Home back to the first; focus always lands on the cell, in view.
  const row = await page.evaluate(() => document.activeElement.dataset.theme);
  const focused = () => page.evaluate(() => {
    const f = document.activeElement;
    const box = document.getElementById('matrix-scroll').getBoundingClientRect();
    const r = f.getBoundingClientRect();
    return { district: f.dataset.district ?? f.tagName, theme: f.dataset.theme, inView: r.left >= box.left && r.right <= box.right + 1 };
  });
  await page.keyboard.press('End');
  assert.deepEqual(await focused(), { district: 'd349', theme: row, inView: true });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await focused(), { district: 'd346', theme: row, inView: true });
  await page.keyboard.press('Home');
  assert.deepEqual(await focused(), { district: 'd0', theme: row, inView: true });
  // Tab away and back: the matrix keeps its place, even when scrolled far from it.
  await page.evaluate(() => { document.getElementById('matrix-scroll').scrollLeft = 20000; });
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(), { district: 'd0', theme: row, inView: true });
  app.assertNoErrors();
});

// Ten times national: 3,500 districts, past the 2,000 Horizon handles (crates/model/src/size.rs).
// The page says what it is reading, with the file's size, before the work that holds it up;
// then which limit the file passes; the work is as it was.
test('scale: a scenario ten times national is shown being read, then refused by the limit it passes, with the work kept', async (t) => {
  const { app, page, kent } = await openWithKent(t);
  const s = national(kent, 3500, 60);
  const bytes = Buffer.from(JSON.stringify(s));
  await go(page, 'data');
  const title = await page.textContent('#scenario-title');
  // Every text the status line shows, as it shows it, and the longest task meanwhile.
  await page.evaluate(() => {
    const seen = (globalThis.__readingSeen = []);
    const status = document.getElementById('open-file-reading');
    new MutationObserver(() => seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    globalThis.__tasks = [];
    new PerformanceObserver((list) => globalThis.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    globalThis.__chosen = performance.now();
  });
  await page.setInputFiles('#open-file', { name: 'national-ten-times.json', mimeType: 'application/json', buffer: bytes });
  await page.locator('#import-problems').waitFor({ timeout: 60_000 });
  const problems = await page.textContent('#import-problems');
  const { seen, refusedAfter, longest } = await page.evaluate(() => ({
    seen: globalThis.__readingSeen, refusedAfter: performance.now() - globalThis.__chosen, longest: Math.max(0, ...globalThis.__tasks),
  }));
  const megabytes = (bytes.length / 1e6).toFixed(1).replace(/\.0$/, '');
  assert.ok(seen.some((text) => text.includes(`Reading national-ten-times.json (${megabytes} MB)…`)), `the file is shown being read: ${JSON.stringify(seen)}`);
  assert.equal(await page.textContent('#open-file-reading'), '', 'and no longer once it is read');
  assert.match(problems, /national-ten-times\.json/);
  assert.match(problems, /This scenario has 3,500 districts; Horizon handles at most 2,000\./);
  assert.match(problems, /Your current work is unchanged/);
  assert.equal(await page.textContent('#scenario-title'), title);
  metric('ten_times_national_bytes', bytes.length, 'bytes');
  metric('ten_times_national_chosen_to_refused', refusedAfter);
  metric('ten_times_national_longest_task', longest);
  app.assertNoErrors();
});
