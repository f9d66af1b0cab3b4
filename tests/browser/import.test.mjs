// Spreadsheets in and out (issue 7), in the real built page: a CSV matrix is previewed
// before anything changes, an unclear name and the tick question are answered, Import is one
// step that one Undo takes back; a bad cell is shown at its place and nothing changes; Cancel
// changes nothing; the whole review downloads as an .xlsx that reads back with no changes.
//
// Selectors these tests rely on (kept stable in crates/web):
//   #open-file                      the Data view's file input (JSON and spreadsheets)
//   #import-preview, #import-heading the preview and its heading (focused as it opens)
//   #import-sheet-<i>               a sheet's "Read as" select
//   #import-themes tr[data-name] select   a theme name's row and its select (id import-theme-<i>)
//   #import-tick-<main|subsidiary|issue>  the tick question's radios
//   #import-file-problems li        the file's problems, each with its place
//   #import-changes li              what importing would change
//   #import-confirm, #import-cancel Import and Cancel; .error-summary when Import is held up
//   #import-done                    the message after an import (focused)
//   #save-xlsx, #csv-part, #save-csv  Save as a spreadsheet

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openServed, openFile, describeViolations, WCAG_TAGS, ROOT } from './harness.mjs';
import { settled, go, focusedId, shot, suggestions } from './app-helpers.mjs';

const TAGS = [...WCAG_TAGS, 'best-practice'];

// Kent districts across the top, seed 004's names down the side, plain ticks; "Serious
// Violence" could be Violent Crime or Serious & Organised Crime.
const MATRIX_CSV = [
  ',Ashford,Canterbury,Dover,Thanet,Swale',
  'Domestic Abuse (inc. sexual offences & serious violence),✓,✓,,✓,',
  'Serious Violence,✓,✓,✓,✓,✓',
  '',
].join('\r\n');

const BAD_CSV = ['Theme,Ashford,Dover', 'Gangs,maybe,Main', 'Prevent,Main,', ''].join('\r\n');

/** The Review view's suggestions as "headline score" lines. */
async function scores(page) {
  return (await suggestions(page)).map((s) => `${s.headline} ${s.score}`);
}

async function choose(page, name, text) {
  await page.setInputFiles('#open-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.locator('#import-preview').waitFor();
}

async function assertAccessible(app, what) {
  const violations = await app.axe({ tags: TAGS });
  assert.equal(violations.length, 0, `${what}: axe found ${violations.length} violation(s):\n${describeViolations(violations)}`);
}

test('import: a CSV matrix is previewed, its unclear name chosen, imported in one step and undone in one', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await app.ready();
  await settled(page);
  const before = await scores(page);

  await go(page, 'data');
  await choose(page, 'kent-matrix.csv', MATRIX_CSV);
  // Focus moves to the preview's heading, and nothing has changed yet.
  assert.equal(await focusedId(page), 'import-heading');
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true', 'nothing to undo: nothing changed');
  assert.match(await page.textContent('#import-heading'), /kent-matrix\.csv/);
  assert.match(await page.textContent('#import-themes-summary'), /1 theme matched .*1 unclear/);
  assert.match(await page.textContent('#import-districts-summary'), /5 districts matched/);

  const row = page.locator('#import-themes tr[data-name="serious violence"]');
  assert.match(await row.innerText(), /Unclear: could be .*Violent Crime/);
  const select = row.locator('select');
  const selectId = await select.getAttribute('id');

  // Import before answering: an error summary links to the select that needs an answer.
  await page.click('#import-confirm');
  const summary = page.locator('#import-preview .error-summary');
  await summary.waitFor();
  assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the error summary takes focus');
  assert.match(await summary.innerText(), /Choose which theme “Serious Violence” is/);
  assert.match(await page.textContent('#import-confirm-hint'), /choose what “Serious Violence” is/);
  await summary.locator('a').first().click();
  assert.equal(await focusedId(page), selectId, 'the link goes to the select');
  await assertAccessible(app, 'the import preview with its error summary');
  await shot(page.locator('#import-preview'), 'import-preview-waiting');

  // Answer: Violent Crime, and a tick is a subsidiary priority.
  await select.selectOption('to:violent-crime');
  await page.check('#import-tick-subsidiary');
  await page.locator('#import-preview .error-summary').waitFor({ state: 'detached' });
  const changes = await page.locator('#import-changes li').allInnerTexts();
  assert.ok(changes.length > 0, 'the changes are listed');
  assert.ok(changes.some((c) => /Swale — Violent Crime/.test(c)), changes.join('\n'));
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true', 'still nothing changed');
  await assertAccessible(app, 'the import preview');
  await shot(page.locator('#import-preview'), 'import-preview-ready');

  await page.click('#import-confirm');
  await page.locator('#import-done').waitFor();
  assert.equal(await focusedId(page), 'import-done', 'focus goes to the message, not <body>');
  assert.equal(await page.locator('#import-preview').count(), 0);
  assert.match(await page.textContent('#status'), /^Imported the priority matrix from kent-matrix\.csv/);
  await settled(page);
  await shot(page.locator('#import-done'), 'import-done');

  await page.click('#import-see-suggestions');
  await page.waitForSelector('main#main[data-view="review"]');
  await settled(page);
  const after = await scores(page);
  assert.notDeepEqual(after, before, 'the import moves the suggestions');

  // One Undo takes the whole import back.
  await page.click('#undo');
  await settled(page);
  assert.deepEqual(await scores(page), before, 'one undo restores every score');
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true', 'the import was one step');
  assert.match(await page.textContent('#status'), /^Undone: Imported the priority matrix/);
  app.assertNoErrors();
});

test('import: a bad cell is shown at its place, Import changes nothing, Cancel leaves all as it was', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await app.ready();
  await settled(page);
  await go(page, 'data');
  const title = await page.textContent('#scenario-title');

  await choose(page, 'matrix.csv', BAD_CSV);
  const problems = await page.locator('#import-file-problems li').allInnerTexts();
  assert.ok(problems.some((p) => /^B2: .*maybe/.test(p)), JSON.stringify(problems));
  assert.match(await page.textContent('#import-changes'), /once the file's problems are put right/);
  await page.click('#import-confirm');
  const summary = page.locator('#import-preview .error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Correct the problem in the file/);
  await summary.locator('a').first().click();
  assert.equal(await focusedId(page), 'import-file-problems');
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true', 'nothing changed');
  await assertAccessible(app, 'the import preview with a problem');
  await shot(page.locator('#import-preview'), 'import-preview-problem');

  await page.click('#import-cancel');
  await page.locator('#import-preview').waitFor({ state: 'detached' });
  assert.equal(await focusedId(page), 'open-file', 'Cancel returns focus to the file input');
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true');
  assert.equal(await page.textContent('#scenario-title'), title);
  assert.match(await page.textContent('#status'), /nothing has changed/);

  // A file dragged onto "Open a file" is previewed the same way.
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  }, MATRIX_CSV);
  await page.dispatchEvent('section[aria-labelledby="open-heading"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('section[aria-labelledby="open-heading"]', 'drop', { dataTransfer });
  await page.locator('#import-preview').waitFor();
  assert.match(await page.textContent('#import-heading'), /dropped\.csv/);
  await page.click('#import-cancel');
  await page.locator('#import-preview').waitFor({ state: 'detached' });

  // An unreadable file is named in the problems box, and the work is unchanged.
  await page.setInputFiles('#open-file', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await page.locator('#import-problems').waitFor();
  assert.match(await page.textContent('#import-problems'), /empty\.csv/);
  assert.match(await page.textContent('#import-problems'), /Your current work is unchanged/);
  assert.equal(await page.locator('#import-preview').count(), 0);
  app.assertNoErrors();
});

// Both forms: the served page fetches the file formats module (crates/formats) once it has
// started; the one-file page holds it inline.
for (const [form, open] of [['', openServed], [' (one file)', openFile]]) test(`export${form}: the workbook downloads and reads back as the whole review with no changes; one table as CSV`, async (t) => {
  const app = await open(t);
  const { page } = app;
  await app.ready();
  await settled(page);
  await go(page, 'data');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-xlsx')]);
  const name = download.suggestedFilename();
  assert.match(name, /^horizon-.+\.xlsx$/);
  const bytes = await readFile(await download.path());
  assert.ok(bytes.length > 1000, `a workbook of ${bytes.length} bytes`);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip file');
  assert.match(await page.textContent('#status'), new RegExp(`as ${name.replace('.', '\\.')}`));

  await page.setInputFiles('#open-file', {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.locator('#import-preview').waitFor();
  assert.match(await page.textContent('#import-preview'), /whole workbook saved by Horizon/);
  assert.match(await page.textContent('#import-changes'), /Nothing would change/);
  await assertAccessible(app, 'the preview of a whole workbook');
  await shot(page.locator('#import-preview'), 'import-preview-whole');
  // Importing what changes nothing adds no step to the history.
  await page.click('#import-confirm');
  await page.locator('#import-preview').waitFor({ state: 'detached' });
  assert.match(await page.textContent('#status'), /^Nothing was imported/);
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true');
  assert.equal(await focusedId(page), 'open-file');

  await page.selectOption('#csv-part', 'horizon');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#save-csv')]);
  assert.equal(csv.suggestedFilename(), 'horizon-horizon.csv');
  const text = await readFile(await csv.path(), 'utf8');
  assert.match(text, /^\uFEFF/, 'a byte order mark, for Excel');
  assert.match(text.split('\r\n')[0], /Category/);
  app.assertNoErrors();
});

test('import: when the file formats module cannot be fetched, reading a spreadsheet says so and changes nothing', async (t) => {
  const app = await openServed(t, { navigate: false });
  await app.context.route('**/horizon_formats_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await app.goto();
  const { page } = app;
  await app.ready();
  await settled(page);
  const before = await scores(page);
  await go(page, 'data');
  await page.setInputFiles('#open-file', { name: 'matrix.csv', mimeType: 'text/csv', buffer: Buffer.from(MATRIX_CSV) });
  await page.locator('#import-problems').waitFor();
  const said = await page.textContent('#import-problems');
  assert.match(said, /matrix\.csv/);
  assert.match(said, /could not load the part of it that reads and writes spreadsheet and Word files \(the server answered 404 for horizon_formats_bg\.wasm\)\. Reload the page and try again\./);
  assert.match(said, /Your current work is unchanged/);
  assert.equal(await page.locator('#import-preview').count(), 0);
  await go(page, 'review');
  assert.deepEqual(await scores(page), before);
  app.assertNoErrors({ ignore: [/404/] });
});

const FIXTURES = path.join(ROOT, 'crates/io/tests/fixtures');

test('import: files saved by real programs are previewed, and unreadable ones are named with nothing changed', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await app.ready();
  await settled(page);
  await go(page, 'data');

  // LibreOffice's OpenDocument matrix: Kent's own, so nothing is unclear.
  await page.setInputFiles('#open-file', path.join(FIXTURES, 'kent-matrix-libreoffice.ods'));
  await page.locator('#import-preview').waitFor();
  assert.equal(await page.inputValue('#import-sheet-0'), 'matrix');
  assert.match(await page.textContent('#import-themes-summary'), /^25 themes matched/);

  // openpyxl's ticks with two wrong totals: the tick question and the counts, row by row.
  await page.setInputFiles('#open-file', path.join(FIXTURES, 'matrix-ticks-openpyxl.xlsx'));
  await page.locator('#import-preview #import-tick').waitFor();
  assert.ok(await page.isChecked('#import-tick-main'), 'a tick is a main priority unless the user says otherwise');
  const counts = await page.locator('#import-preview h3:has-text("Counts that do not add up") + p + ul li').allInnerTexts();
  assert.equal(counts.length, 2, counts.join('\n'));
  assert.match(counts[0], /^Matrix!M11: /);
  await assertAccessible(app, 'the preview of a matrix of ticks');
  await shot(page.locator('#import-preview'), 'import-preview-ticks');

  // A workbook of three sheets: each read as its part, one can be left out.
  await page.setInputFiles('#open-file', path.join(FIXTURES, 'plan-openpyxl.xlsx'));
  await page.locator('#import-preview').waitFor();
  const sheets = await page.locator('#import-preview table.import-sheets tbody tr').count();
  assert.equal(sheets, 3);
  await page.selectOption('#import-sheet-0', 'none');
  assert.equal(await page.inputValue('#import-sheet-0'), 'none');
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true');
  await page.click('#import-cancel');

  // A password, a damaged file, a picture: each named, with the work unchanged.
  for (const name of ['password.xlsx', 'corrupt.xlsx', 'not-a-spreadsheet.xlsx']) {
    await page.setInputFiles('#open-file', path.join(FIXTURES, name));
    await page.waitForFunction((n) => (document.querySelector('#import-problems')?.textContent ?? '').includes(n), name);
    assert.match(await page.textContent('#import-problems'), /Your current work is unchanged/);
    assert.equal(await page.locator('#import-preview').count(), 0);
  }
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true');
  app.assertNoErrors();
});
