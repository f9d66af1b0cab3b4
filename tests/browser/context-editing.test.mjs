// Editing partner priorities, legislation, consultation results, votes and the review's
// details in the real built page, and starting a new review from nothing (issue 6, part 2).
// Each test leaves a screenshot in tests/browser/screenshots/.
//
// Selectors these tests rely on (kept stable in crates/web):
//   #add-legislation, #new-law-*            the legislation form (Partners and law view)
//   #legislation tr[data-law]               a piece of legislation's row; th#law-row-<id>
//   #add-partner-priority, #new-partner-*   the partner priority form
//   #consultation tr[data-consultation]     a focus area's consultation row (or "overall");
//                                           #consult-set-<key>, #consult-<key>-responses, -share
//   #votes-<theme>                          a theme's vote box
//   #change-meta, #meta-*                   "About this review" (Data view)
//   #start-new-review                       "Start a new review" (Data view)
//   #task-list li.task[data-task][data-status]   the task list on the Review view

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSettled, settled, go, focusedId, shot } from './app-helpers.mjs';

test('context: a new duty on a theme no focus area covers is suggested, citing the law', async (t) => {
  const app = await openSettled(t);
  await go(app.page, 'context');

  await app.page.click('#add-legislation');
  assert.equal(await focusedId(app.page), 'new-law-title', 'the form opens at its first field');
  // A refused save: the summary is focused, links to the field, and the input is kept.
  await app.page.fill('#new-law-year', 'last year');
  await app.page.click('form button[type="submit"]');
  const summary = app.page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.equal(await app.page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.match(await summary.innerText(), /Enter the year as four digits/);
  assert.equal(await summary.locator('a').first().getAttribute('href'), '#new-law-year');
  assert.equal(await app.page.inputValue('#new-law-year'), 'last year', 'the input is not cleared');
  await shot(app.page.locator('form.item-form'), 'context-law-refused-form');

  // The title is the model's to require: blank, it is refused beside the title.
  await app.page.fill('#new-law-year', '2016');
  await app.page.click('form button[type="submit"]');
  await app.page.waitForFunction(() => /Enter the title of the act or bill/.test(document.querySelector('.error-summary')?.innerText ?? ''));
  assert.match(await app.page.locator('#new-law-title-error').innerText(), /Enter the title/);

  await app.page.fill('#new-law-title', 'Health and Wellbeing Duty Act 2016');
  await app.page.check('#new-law-creates-duty');
  await app.page.fill('#new-law-duty', 'Partners must plan together for residents\u2019 health and wellbeing.');
  await app.page.check('#new-law-theme-health-wellbeing');
  await app.page.click('form button[type="submit"]');
  const row = app.page.locator('#legislation tr[data-law="health-and-wellbeing-duty-act-2016"]');
  await row.waitFor();
  assert.match(await row.innerText(), /2016\s+Enacted\s+Yes/);
  assert.match(await row.innerText(), /Health & Wellbeing/);
  await app.page.waitForFunction(() => document.activeElement?.id === 'law-row-health-and-wellbeing-duty-act-2016');
  await settled(app.page);
  assert.match(await app.page.textContent('#status'), /Piece of legislation “Health and Wellbeing Duty Act 2016” added\./);
  await shot(app.page.locator('section[aria-labelledby="law-heading"]'), 'context-law-added');

  await go(app.page, 'review');
  await app.page.waitForSelector('#suggestions li.suggestion');
  const cards = app.page.locator('#suggestions li.suggestion', { hasText: 'Health and Wellbeing Duty Act 2016' });
  assert.ok((await cards.count()) >= 1, 'a suggestion cites the new act');
  const card = cards.first();
  assert.equal(await card.getAttribute('data-kind'), 'add');
  await shot(card, 'context-law-suggested');
  app.assertNoForeignRequests();
  app.assertNoErrors();
});

test('context: the consultation for a focus area set to 31 % is shown, and reviewed', async (t) => {
  const app = await openSettled(t);
  await go(app.page, 'context');
  const row = app.page.locator('#consultation tr[data-consultation="road-safety"]');
  assert.match(await row.innerText(), /Not recorded/);
  await app.page.click('#consult-set-road-safety');
  assert.equal(await focusedId(app.page), 'consult-road-safety-responses');
  await app.page.fill('#consult-road-safety-responses', '420');
  await app.page.fill('#consult-road-safety-share', '31 %');
  await app.page.press('#consult-road-safety-share', 'Enter');
  await app.page.waitForFunction(() => /31 %/.test(document.querySelector('#consultation tr[data-consultation="road-safety"] .share')?.textContent ?? ''));
  assert.match(await row.innerText(), /Road Safety\s+420\s+31 %/);
  assert.equal(await focusedId(app.page), 'consult-set-road-safety', 'focus returns to the row');
  await settled(app.page);
  await shot(app.page.locator('section[aria-labelledby="consultation-heading"]'), 'context-consultation-31');

  // Over 100 % is refused in percent, not in the file's 0-to-1 words.
  await app.page.click('#consult-set-overall');
  await app.page.fill('#consult-overall-responses', '350');
  await app.page.fill('#consult-overall-share', '120');
  await app.page.press('#consult-overall-share', 'Enter');
  await app.page.locator('#consult-overall-share-error').waitFor();
  await shot(app.page.locator('#consultation tr.editing-row'), 'context-consultation-refused');
  assert.match(await app.page.locator('#consult-overall-share-error').innerText(), /percentage from 0 to 100/);
  await app.page.click('#consultation tr.editing-row button.secondary');

  await go(app.page, 'review');
  const card = app.page.locator('#suggestions li.suggestion', { hasText: '31' }).filter({ hasText: 'Road Safety' });
  await card.first().waitFor();
  await shot(card.first(), 'context-consultation-suggested');
  assert.match(await card.first().innerText(), /420/);
  app.assertNoErrors();
});

test('context: partner priorities are added, moved and removed; votes typed by keyboard', async (t) => {
  const app = await openSettled(t);
  await go(app.page, 'context');
  const rows = app.page.locator('#partner-priorities tbody tr');
  const n = await rows.count();
  await app.page.click('#add-partner-priority');
  await app.page.click('form.item-form button[type="submit"]');
  await app.page.locator('#new-partner-priority-error').waitFor();
  await shot(app.page.locator('form.item-form'), 'context-partner-refused');
  await app.page.fill('#new-partner-partner', 'Kent Fire and Rescue Service');
  await app.page.fill('#new-partner-priority', 'Safer homes');
  await app.page.check('#new-partner-theme-preventing-fires');
  await app.page.click('form button[type="submit"]');
  await app.page.waitForFunction(() => document.activeElement?.id === 'partner-row-safer-homes');
  await shot(app.page.locator('#partner-priorities tbody tr').last(), 'context-partner-added');
  assert.equal(await rows.count(), n + 1);
  assert.match(await rows.last().innerText(), /Safer homes\s+Kent Fire and Rescue Service\s+Preventing Fires/);

  await app.page.click('#partner-up-safer-homes');
  await app.page.waitForFunction((n) => document.querySelectorAll('#partner-priorities tbody tr')[n - 1]?.dataset.partner === 'safer-homes', n);
  await app.page.waitForFunction(() => document.activeElement?.id === 'partner-up-safer-homes');

  await app.page.click('#partner-priorities tr[data-partner="safer-homes"] .actions > button:last-child');
  await app.page.click('#partner-priorities .confirm button.warning');
  await app.page.waitForFunction((n) => document.querySelectorAll('#partner-priorities tbody tr').length === n, n);
  await app.page.waitForFunction(() => document.activeElement?.id === 'add-partner-priority');

  // Votes: type, Enter moves on and saves; a word is refused beside its box.
  await app.page.focus('#votes-domestic-abuse');
  await app.page.keyboard.type('12');
  await app.page.keyboard.press('Enter');
  assert.equal(await focusedId(app.page), 'votes-safeguarding');
  await app.page.keyboard.type('many');
  await app.page.keyboard.press('ArrowDown');
  await app.page.locator('#votes-safeguarding-error').waitFor();
  assert.equal(await app.page.inputValue('#votes-safeguarding'), 'many', 'the input is kept');
  await app.page.waitForFunction(() => /12 votes in all/.test(document.querySelector('#votes-total')?.textContent ?? ''));
  await settled(app.page);
  assert.match(await app.page.textContent('#status'), /Domestic Abuse: 12 stakeholder votes\./);
  await shot(app.page.locator('section[aria-labelledby="votes-heading"]'), 'context-votes');
  app.assertNoErrors();
});

test('data: the review\u2019s details are edited; a new review opens empty with its task list', async (t) => {
  const app = await openSettled(t);
  await go(app.page, 'data');
  await app.page.click('#change-meta');
  assert.equal(await focusedId(app.page), 'meta-title');
  await app.page.fill('#meta-title', '');
  await app.page.click('section[aria-labelledby="about-heading"] button[type="submit"]');
  await app.page.locator('#meta-title-error').waitFor();
  assert.match(await app.page.locator('.error-summary').innerText(), /Enter a title for the review/);
  await shot(app.page.locator('section[aria-labelledby="about-heading"]'), 'data-meta-refused');
  await app.page.fill('#meta-title', 'Kent review, what-if');
  await app.page.click('#add-note');
  await app.page.waitForFunction(() => /^meta-note-\d+$/.test(document.activeElement?.id ?? ''));
  await app.page.keyboard.type('Edited in the page.');
  await app.page.click('section[aria-labelledby="about-heading"] button[type="submit"]');
  await app.page.waitForFunction(() => document.querySelector('#scenario-title')?.textContent === 'Kent review, what-if');
  assert.match(await app.page.locator('#provenance').innerText(), /Edited in the page\./);
  await app.page.waitForFunction(() => document.activeElement?.id === 'change-meta');

  await app.page.check('#new-review-county-agreement');
  await app.page.click('#start-new-review');
  await shot(app.page.locator('section[aria-labelledby="new-review-heading"]'), 'data-new-review-confirm');
  assert.match(await app.page.locator('.confirm').innerText(), /replaces the current scenario/);
  await app.page.click('.confirm button.warning');
  await app.page.waitForSelector('main#main[data-view="review"]');
  await app.page.locator('#task-list').waitFor();
  await settled(app.page);
  const tasks = await app.page.$$eval('#task-list li.task', (items) =>
    items.map((li) => [li.dataset.task, li.dataset.status]),
  );
  assert.deepEqual(tasks, [
    ['name', 'Not yet started'],
    ['districts', 'Not yet started'],
    ['themes', 'Not yet started'],
    ['matrix', 'Cannot start yet'],
    ['plan', 'Cannot start yet'],
    ['horizon', 'Not yet started'],
    ['partners', 'Not yet started'],
  ]);
  assert.match(await app.page.textContent('#task-list-summary'), /completed 0 of 5 required tasks/);
  assert.match(await app.page.locator('h1').innerText(), /Community safety plan/);
  assert.match(await app.page.textContent('.masthead-scenario'), /New review/);
  assert.equal(await app.page.locator('#horizon-crash').count(), 0);
  await app.page.locator('#no-suggestions-yet').waitFor();
  assert.equal(await app.page.locator('#proposed').count(), 0, 'no empty proposed plan');
  await app.screenshot('new-review-task-list');

  // The task's link opens the view where it is done.
  await app.page.click('#task-list li[data-task="name"] a');
  await app.page.waitForSelector('main#main[data-view="data"]');
  assert.equal(await app.page.textContent('#scenario-title'), 'New review');
  await go(app.page, 'context');
  assert.match(await app.page.locator('#consultation').innerText(), /The plan overall/);
  await app.screenshot('new-review-context');
  app.assertNoErrors();
});
