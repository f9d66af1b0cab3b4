// The Alignment view (issue 8, items 2 and 3) and choosing the plan under review, in
// headless Chromium on the built app: Thanet 2016-17 read against the Kent agreement,
// the Kent agreement's districts side by side, switching the plan and undoing it.
// Each test leaves a screenshot in tests/browser/screenshots/.
//
// Selectors these tests rely on (kept stable in crates/web):
//   #nav-alignment, main#main[data-view="alignment"]   the view
//   #alignment[data-form="district"|"county"]          which reading it shows
//   #alignment-plan, #plan-under-review                the "Plan under review" selects
//   #county-priorities tr[data-priority-name][data-standing]   a district's alignment
//   #local-focus-areas tr[data-focus-area-name][data-distinctive]
//   #alignment-summary, #alignment-sentences li
//   #county-summary, #county-view tr[data-district-name] td[data-standing]
//   #undo, #plan-name, #example, #reset-example

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSettled, settled, go, focusedId, shot } from './app-helpers.mjs';
import { describeViolations, WCAG_TAGS } from './harness.mjs';

const TAGS = [...WCAG_TAGS, 'best-practice'];

async function openExample(page, name) {
  await go(page, 'data');
  await page.selectOption('#example', name);
  await page.click('#reset-example');
  await page.click('.confirm button.warning');
  await settled(page);
}

/** The county priorities table: name → { standing, text }. */
const priorities = (page) =>
  page.$$eval('#county-priorities tbody tr', (rows) =>
    rows.map((r) => ({
      name: r.dataset.priorityName,
      standing: r.dataset.standing,
      text: r.innerText.replace(/\s+/g, ' ').trim(),
    })),
  );

async function assertAccessible(app, what) {
  const violations = await app.axe({ tags: TAGS });
  assert.equal(violations.length, 0, `${what}: axe found ${violations.length} violation(s):\n${describeViolations(violations)}`);
}

test('alignment: Thanet 2016-17 read against the Kent agreement', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await openExample(page, 'thanet-2016-17');
  await go(page, 'alignment');
  await page.waitForSelector('#alignment[data-form="district"]');
  assert.match(await page.locator('h1').innerText(), /How “Thanet Community Safety Plan 2016-17” aligns/);
  assert.equal(await page.inputValue('#alignment-plan'), 'thanet');

  const rows = await priorities(page);
  assert.equal(rows.length, 10, 'ten county priorities and cross-cutting themes');
  const named = (standing) => rows.filter((r) => r.standing === standing).map((r) => r.name);
  assert.equal(named('covered').length, 6, `covered: ${named('covered').join(' | ')}`);
  assert.deepEqual(named('named'), ['Substance Misuse', 'Road Safety', 'Early intervention, prevention and education']);
  assert.deepEqual(named('absent'), ['Acquisitive Crime']);
  // Words in every cell, not colour alone.
  for (const r of rows) {
    const word = { covered: 'Covered', named: 'Named locally only', absent: 'Not addressed locally' }[r.standing];
    assert.ok(r.text.includes(word), `${r.name}: “${r.text}” says ${word}`);
  }
  const da = rows.find((r) => r.name === 'Domestic Abuse');
  assert.match(da.text, /Within the broader focus area “Safeguarding our most vulnerable people”/);
  assert.match(da.text, /Named main priority|Subsidiary|Issue/i, 'Thanet\'s own level is shown');
  const acq = rows.find((r) => r.name === 'Acquisitive Crime');
  assert.match(acq.text, /Not named/);

  const summary = await page.locator('#alignment-summary').innerText();
  assert.match(summary, /^Of the 10 priorities and cross-cutting themes of Kent Community Safety Agreement 2014-17, 6 are covered by Thanet's plan, 3 named in Thanet's column of the matrix only, and 1 not addressed locally\.$/);

  const safeguarding = page.locator('#local-focus-areas tr[data-focus-area-name="Safeguarding our most vulnerable people"]');
  assert.match(await safeguarding.innerText(), /Domestic Abuse/, 'Safeguarding takes in Domestic Abuse');
  const confidence = page.locator('#local-focus-areas tr[data-focus-area-name^="Improving community confidence"]');
  assert.equal(await confidence.getAttribute('data-distinctive'), 'true');
  assert.match(await confidence.innerText(), /Distinctive to Thanet[\s\S]*Community Confidence/);

  // The third way: Thanet's own column, each theme with its level, the plan and the agreement.
  const column = page.locator('#own-column tr[data-theme-name="Community Confidence"]');
  assert.match((await column.innerText()).replace(/\s+/g, ' '), /Community Confidence .* Yes, in “Improving community confidence and agency collaboration” No$/);

  const sentences = await page.$$eval('#alignment-sentences li', (xs) => xs.map((x) => x.textContent));
  assert.ok(sentences.some((s) => /^Acquisitive Crime: not addressed locally\.$/.test(s)), sentences.join('\n'));
  assert.ok(sentences.some((s) => /^Domestic Abuse: covered within the broader focus area “Safeguarding our most vulnerable people”/.test(s)));
  assert.ok(sentences.some((s) => /^“Improving community confidence.*distinctive to Thanet: .*Community Confidence/.test(s)));

  await assertAccessible(app, 'Alignment of Thanet 2016-17');
  await shot(page.locator('#main'), 'alignment-thanet');
  app.assertNoErrors();
});

test('alignment: Kent 2016 shows the districts side by side, Sevenoaks furthest', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'alignment');
  await page.waitForSelector('#alignment[data-form="county"]');
  assert.equal(await page.inputValue('#alignment-plan'), 'kent-csa');
  const summary = await page.locator('#county-summary').innerText();
  assert.match(summary, /Furthest from the agreement: Sevenoaks/);
  assert.match(summary, /Sevenoaks does not address/);

  const districts = await page.$$eval('#county-view tbody tr', (rows) => rows.map((r) => r.dataset.districtName));
  assert.equal(districts.length, 11, districts.join(' | '));
  const thanet = page.locator('#county-view tr[data-district-name="Thanet"]');
  assert.match(await thanet.locator('th').innerText(), /own plan in this scenario/);
  // Each cell says its standing in words; a covered one names the focus area.
  const cells = await page.$$eval('#county-view tbody td[data-standing]', (tds) =>
    tds.map((td) => ({ standing: td.dataset.standing, text: td.innerText.replace(/\s+/g, ' ').trim() })),
  );
  assert.equal(cells.length, 110);
  for (const c of cells) {
    const word = { covered: 'Covered', named: 'Named only', absent: 'Absent' }[c.standing];
    assert.ok(c.text.includes(word), `“${c.text}” says ${word}`);
  }
  const headers = await page.$$eval('#county-view thead th', (ths) => ths.map((th) => th.innerText.split('\n')[0].trim()));
  const da = headers.indexOf('Domestic Abuse');
  assert.ok(da > 0, headers.join(' | '));
  const thanetDa = await thanet.locator('td').nth(da - 1).innerText(); // the header row's first th is the district's
  assert.match(thanetDa, /Covered[\s\S]*by “Safeguarding our most vulnerable people”/);

  await assertAccessible(app, 'the county view of Kent 2016');
  await shot(page.locator('#main'), 'alignment-kent-county');
  app.assertNoErrors();
});

test('alignment: switching the plan under review, and Undo switching it back', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'alignment');
  await page.focus('#alignment-plan');
  await page.selectOption('#alignment-plan', 'thanet');
  await page.waitForSelector('#alignment[data-form="district"]');
  await settled(page);
  assert.equal(await focusedId(page), 'alignment-plan', 'focus stays on the select, not <body>');
  assert.match(await page.locator('h1').innerText(), /Thanet/);
  assert.match(await page.locator('#status').innerText(), /Now reviewing “Thanet Community Safety Plan 2016-17”/);
  assert.match(await page.locator('#undo-what').innerText(), /Undo: Now reviewing “Thanet/);
  await shot(page.locator('#main'), 'alignment-switched-to-thanet');

  await page.click('#undo');
  await page.waitForSelector('#alignment[data-form="county"]');
  await settled(page);
  assert.equal(await page.inputValue('#alignment-plan'), 'kent-csa', 'the select follows the undo');
  assert.equal(await focusedId(page), 'undo', 'focus stays on Undo');
  assert.match(await page.locator('#status').innerText(), /Undone: Now reviewing/);

  // The same choice in the Plan view, by keyboard: the plan shown follows it.
  await go(page, 'plan');
  assert.match(await page.locator('#plan-name').innerText(), /Kent Community Safety Agreement/);
  await page.focus('#plan-under-review');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /Thanet/.test(document.querySelector('#plan-name')?.textContent ?? ''));
  await settled(page);
  assert.equal(await focusedId(page), 'plan-under-review', 'focus stays on the select, not <body>');
  assert.equal(await page.inputValue('#plan-under-review'), 'thanet');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => /Kent/.test(document.querySelector('#plan-name')?.textContent ?? ''));
  await settled(page);
  assert.equal(await focusedId(page), 'plan-under-review');
  await page.click('#undo');
  await page.waitForFunction(() => /Thanet/.test(document.querySelector('#plan-name')?.textContent ?? ''));
  assert.equal(await page.inputValue('#plan-under-review'), 'thanet', 'the select follows the undo');
  await shot(page.locator('#main'), 'plan-under-review');

  // A form left open is for the plan it was opened on: choosing another plan closes it.
  await page.click('#change-plan');
  await page.locator('#plan-form-heading').waitFor();
  await page.focus('#plan-under-review');
  await page.selectOption('#plan-under-review', 'kent-csa');
  await page.waitForFunction(() => /Kent/.test(document.querySelector('dd#plan-name')?.textContent ?? ''));
  await settled(page);
  assert.equal(await page.locator('#plan-form-heading').count(), 0, 'the form for Thanet\'s plan has closed');
  assert.equal(await focusedId(page), 'plan-under-review', 'focus stays on the select, not <body>');
  app.assertNoErrors();
});
