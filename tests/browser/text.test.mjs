// The users' own text on screen (issue 11, part 6): names and titles as long as the
// model allows, unbroken, never widen the page; user text is isolated for
// bidirectional display.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openServed, ROOT } from './harness.mjs';
import { settled, go } from './app-helpers.mjs';

const VIEWS = ['review', 'plan', 'alignment', 'matrix', 'horizon', 'context', 'rules', 'compare', 'data', 'event'];

test('text: the longest names and titles the model allows, unbroken, never make a view wider than the screen', async (t) => {
  const app = await openServed(t);
  await app.ready();
  await settled(app.page);
  // The model's limits (crates/model/src/lib.rs, `limits`): a name 100 characters, a
  // title 200, a detail 4,000; each one unbroken word.
  const s = JSON.parse(readFileSync(path.join(ROOT, 'scenarios/kent-2016.json'), 'utf8'));
  s.districts[0].name = 'D'.repeat(100);
  s.themes[0].name = 'G'.repeat(100);
  s.groups[0].name = 'R'.repeat(100);
  s.horizon[0].title = 'T'.repeat(200);
  s.horizon[0].detail = 'X'.repeat(4000);
  s.meta.title = 'M'.repeat(200);
  s.partner_priorities[0].priority = 'P'.repeat(200);
  s.partner_priorities[0].partner = 'Q'.repeat(100);
  s.legislation[0].title = 'L'.repeat(200);
  await go(app.page, 'data');
  await app.page.setInputFiles('#open-file', { name: 'long-names.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  await app.page.waitForFunction(() => /long-names\.json/.test(document.querySelector('#status')?.textContent ?? ''));
  assert.match(await app.page.locator('#status').innerText(), /^Opened long-names\.json/);
  const widths = {};
  for (const view of VIEWS) {
    await go(app.page, view);
    await settled(app.page);
    widths[view] = await app.page.evaluate(() => document.documentElement.scrollWidth);
  }
  const viewport = app.page.viewportSize().width;
  const wide = Object.entries(widths).filter(([, w]) => w > viewport);
  assert.deepEqual(wide, [], `views wider than the ${viewport} px screen: ${JSON.stringify(widths)}`);
  // The full name is on screen, wrapped, not cut off.
  await go(app.page, 'matrix');
  assert.equal((await app.page.locator('#matrix th.district-col').first().innerText()).replace(/\s/g, '').length >= 100, true);
  await app.screenshot('text-long-names-matrix');
  app.assertNoErrors();
});

test('text: names are isolated for bidirectional display, and typed text takes its own direction', async (t) => {
  const app = await openServed(t);
  await app.ready();
  await settled(app.page);
  await go(app.page, 'matrix');
  const style = (selector) => app.page.$eval(selector, (e) => getComputedStyle(e).unicodeBidi);
  assert.equal(await style('#matrix th.district-col'), 'isolate');
  assert.equal(await style('#matrix th.theme-name'), 'isolate');
  await go(app.page, 'review');
  assert.equal(await style('#suggestions li.suggestion h3.headline'), 'isolate');
  await go(app.page, 'horizon');
  assert.equal(await style('.item-title'), 'isolate');
  await go(app.page, 'rules');
  await app.page.click('#add-rule');
  assert.equal(await app.page.$eval('#rule-code', (e) => getComputedStyle(e).unicodeBidi), 'plaintext');
});

test('text: a file whose theme name hides a right-to-left override, or that is not UTF-8, is refused at its place; the work is kept', async (t) => {
  const app = await openServed(t);
  await app.ready();
  await settled(app.page);
  await go(app.page, 'data');
  const title = await app.page.textContent('#scenario-title');
  const s = JSON.parse(readFileSync(path.join(ROOT, 'scenarios/kent-2016.json'), 'utf8'));
  s.themes[0].name = `Gangs\u202E and knives`;
  await app.page.setInputFiles('#open-file', { name: 'override.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  const problems = app.page.locator('#import-problems');
  await problems.waitFor();
  const said = await problems.innerText();
  assert.match(said, /themes\[0\]/);
  assert.match(said, /right-to-left override character \(U\+202E\)/);
  assert.ok(!said.includes('\u202E'), 'the character itself is not shown, to reorder the message');

  const bytes = Buffer.concat([Buffer.from('{\n  "schema_version": 2,\n  "meta": { "title": "Caf'), Buffer.from([0xe9]), Buffer.from('" }\n}\n')]);
  await app.page.setInputFiles('#open-file', { name: 'latin1.json', mimeType: 'application/json', buffer: bytes });
  await app.page.waitForFunction(() => /byte \d+ \(line 3\)/.test(document.querySelector('#import-problems')?.textContent ?? ''));
  assert.equal(await app.page.textContent('#scenario-title'), title, 'the work is unchanged');
  await app.screenshot('text-refused-files');
  app.assertNoErrors();
});
