// Undo and redo, snapshots and compare, and views in the address bar (issue 6), in the
// real built page. Each test leaves a screenshot in tests/browser/screenshots/.
//
// Selectors these tests rely on (kept stable in crates/web):
//   #undo, #redo                   the status bar's buttons (disabled when there is nothing)
//   #started-from                  which snapshot the working copy started from, and whether
//                                  it has changed since
//   #snapshot-name, #save-snapshot the Compare view's form; tr[data-snapshot] its rows
//   #compare-before, #compare-after the two sides; #suggestion-changes tr[data-suggestion]

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openServed } from './harness.mjs';
import { settled, go, suggestions } from './app-helpers.mjs';

/** The Review view's suggestions as "headline score" lines. */
async function scores(page) {
  return (await suggestions(page)).map((s) => `${s.headline} ${s.score}`);
}

/** Clears a matrix cell by clicking it round to "not named". */
async function clearCell(page, theme, district) {
  const cell = page.locator(`#matrix tr[data-theme="${theme}"] button[data-district="${district}"]`);
  assert.notEqual(await cell.getAttribute('data-level'), 'none', `${district} names ${theme} to start with`);
  for (let i = 0; i < 4 && (await cell.getAttribute('data-level')) !== 'none'; i++) {
    await cell.click();
    await settled(page);
  }
  assert.equal(await cell.getAttribute('data-level'), 'none');
}

test('undo: three edits taken back with the keyboard return the suggestions to the baseline', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await settled(page);
  const baseline = await scores(page);
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true', 'nothing to undo at the start');
  assert.match(await page.textContent('#started-from'), /“Baseline”, unchanged/);

  await go(page, 'matrix');
  for (const d of ['ashford', 'canterbury', 'dover']) {
    const cell = page.locator(`#matrix tr[data-theme="domestic-abuse"] button[data-district="${d}"]`);
    await cell.click();
    await settled(page);
  }
  assert.match(await page.textContent('#started-from'), /changed since/);
  await go(page, 'review');
  assert.notDeepEqual(await scores(page), baseline, 'three edits move the suggestions');

  // Focus on the page, not in a text field: Ctrl+Z belongs to the page.
  await page.locator('main#main h1').focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+z');
    await settled(page);
  }
  assert.deepEqual(await scores(page), baseline, 'three undos restore every score');
  assert.match(await page.textContent('#status'), /^Undone: Ashford — Domestic Abuse/);
  assert.match(await page.textContent('#started-from'), /unchanged/);
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), 'true');
  // Redo three times by keyboard, and once more with nothing left: the button stays
  // focusable, so focus never drops to <body>.
  await page.focus('#redo');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Enter');
    await settled(page);
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'redo');
  assert.equal(await page.getAttribute('#redo', 'aria-disabled'), 'true');
  assert.equal(await page.textContent('#status'), 'There is nothing to redo.');
  for (let i = 0; i < 3; i++) {
    await page.click('#undo');
    await settled(page);
  }
  assert.deepEqual(await scores(page), baseline);

  await page.keyboard.press('Control+y');
  await settled(page);
  assert.notDeepEqual(await scores(page), baseline, 'redo makes the edit again');
  await page.click('#undo');
  await settled(page);
  assert.deepEqual(await scores(page), baseline);
  app.assertNoErrors();
});

test('compare: a snapshot against a what-if names the score change of Retain Domestic Abuse', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await settled(page);
  await go(page, 'matrix');
  await clearCell(page, 'domestic-abuse', 'swale');
  await clearCell(page, 'domestic-abuse', 'dover');

  await go(page, 'compare');
  // The Baseline (Kent as opened) against the working copy is the default comparison.
  const row = page.locator('#suggestion-changes tr[data-suggestion="retain:domestic-abuse"]');
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(await row.locator('th').innerText(), 'Retain Domestic Abuse');
  assert.match(cells[0], /^Score down by \d+\.\d$/);
  assert.equal(cells[1], '64.9');
  assert.ok(Number(cells[2]) < 64.9, cells.join(' | '));
  assert.equal(await page.locator('#suggestion-changes tbody tr').count(), 1, 'nothing else moves');
  const inputs = await page.locator('#input-changes').innerText();
  assert.match(inputs, /Swale — Domestic Abuse/);
  assert.match(inputs, /Dover — Domestic Abuse/);

  // Save the what-if, change more, and compare the what-if with the working copy.
  await page.fill('#snapshot-name', 'What if Swale and Dover drop DA');
  await page.click('#save-snapshot');
  await page.locator('tr[data-snapshot="What if Swale and Dover drop DA"]').waitFor();
  assert.match(
    await page.locator('tr[data-snapshot="What if Swale and Dover drop DA"] th').innerText(),
    /taken \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}/,
    'the list says when each what-if was saved',
  );
  assert.match(await page.textContent('#started-from'), /What if Swale and Dover drop DA.*unchanged/);
  await page.fill('#snapshot-name', 'what if swale and dover drop da');
  await page.click('#save-snapshot');
  assert.match(await page.textContent('#snapshot-name-error'), /already a snapshot called/);
  assert.equal(await page.inputValue('#snapshot-name'), 'what if swale and dover drop da', 'input kept');
  await app.screenshot('compare-baseline-vs-what-if');
  app.assertNoErrors();
});

test('reload: snapshots, undo history and the open view survive; #matrix opens the Matrix; Back returns', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await settled(page);
  await go(page, 'matrix');
  await clearCell(page, 'domestic-abuse', 'maidstone');
  await go(page, 'compare');
  await page.fill('#snapshot-name', 'Maidstone without DA');
  await page.click('#save-snapshot');
  await page.locator('tr[data-snapshot="Maidstone without DA"]').waitFor();
  assert.match(page.url(), /#compare$/);

  await page.reload();
  await app.ready();
  await page.waitForSelector('main#main[data-view="compare"]');
  await page.locator('tr[data-snapshot="Maidstone without DA"]').waitFor();
  assert.equal(await page.locator('tr[data-snapshot]').count(), 2, 'the Baseline and the what-if');
  assert.equal(await page.getAttribute('#undo', 'aria-disabled'), null, 'the history came back');
  await page.click('#undo');
  await settled(page);
  assert.match(await page.textContent('#status'), /^Undone: Maidstone — Domestic Abuse/);

  // The address bar names each view; Back and Forward move between them.
  await page.goto(app.url.replace(/#.*$/, '') + '#matrix');
  await page.waitForSelector('main#main[data-view="matrix"]');
  await go(page, 'review');
  assert.match(page.url(), /#review$/);
  await page.goBack();
  await page.waitForSelector('main#main[data-view="matrix"]');
  assert.equal(
    await page.evaluate(() => document.activeElement?.tagName),
    'H1',
    'focus goes to the heading, not the page body',
  );
  await page.goForward();
  await page.waitForSelector('main#main[data-view="review"]');
  app.assertNoErrors();
});

test('horizon: a saved item keeps focus on its row; deleting asks within the row and can be undone', async (t) => {
  const app = await openServed(t, { viewport: { width: 1280, height: 800 } });
  const { page } = app;
  await settled(page);
  await go(page, 'horizon');
  const row = page.locator('tr[data-item="pol-pcc-elections"]');
  await row.locator('button', { hasText: 'Edit' }).click();
  await page.fill('#edit-item-title', 'Police and Crime Commissioner elections, May 2016');
  await page.click('form.item-form button[type="submit"]');
  await settled(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'item-pol-pcc-elections', 'focus is on the saved row');

  await row.locator('button', { hasText: 'Delete' }).click();
  const question = row.locator('.confirm');
  await question.waitFor();
  const [r, q] = [await row.boundingBox(), await question.boundingBox()];
  assert.ok(q.x >= r.x && q.x + q.width <= r.x + r.width + 0.5, `the question stays inside its row (${JSON.stringify({ r, q })})`);
  assert.ok(q.height <= 200, `the question is compact (${q.height} px high)`);
  await row.screenshot({ path: new URL('./screenshots/horizon-delete-question-in-its-row.png', import.meta.url).pathname });
  await question.locator('button', { hasText: 'Yes, delete' }).click();
  await settled(page);
  assert.equal(await page.locator('tr[data-item="pol-pcc-elections"]').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-horizon-item', 'focus moves to the add button');
  await page.click('#undo');
  await settled(page);
  assert.equal(await page.locator('tr[data-item="pol-pcc-elections"]').count(), 1, 'undo brings the item back');
  app.assertNoErrors();
});
