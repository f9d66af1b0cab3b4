// The stakeholder event (#event, #ballot/<round>, #present): a facilitator runs the
// December event on one laptop. Set the event up, choose and order the screens,
// present with the keyboard, take ballots one person at a time (the running count
// hidden; a ballot over the limit refused whole; a reload mid-event losing nothing),
// reveal and see how the suggestions moved, take a tally and a rating, and leave with
// the record in the project file. axe on every screen of it.
//
// Selectors relied on: #nav-event, #set-up-event, #event-name/-date/-venue/-participants,
// #add-round, #round-question, #round-way-*, #round-most, #round-theme-<id>,
// #round-item, #open-ballot-box, #ballot-option-N, #ballot-cast, #ballot-next,
// #ballot-count, #ballot-error, #ballot-close, #round-entries, #reveal, #moved,
// .vote-results, #screen-list, #start-presenting, #present-counter, #tally-count-N,
// #rating-count-N, #undo-entry, #accept-rating, #save-project.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { openServed, openFile, describeViolations, WCAG_TAGS, SCREENSHOTS, metric } from './harness.mjs';
import { openSettled, settled, go } from './app-helpers.mjs';

const THEMES = ['road-safety', 'digital-crime', 'health-wellbeing', 'gangs'];

async function axeClean(app, where) {
  const violations = await app.axe({ tags: WCAG_TAGS });
  assert.equal(violations.length, 0, `${where}: ${describeViolations(violations)}`);
}

async function setUpEvent(page) {
  await page.click('#set-up-event');
  await page.fill('#event-name', 'Thanet practitioner stakeholder event');
  await page.fill('#event-date', '7 December 2016');
  await page.fill('#event-venue', 'Margate Winter Gardens');
  await page.fill('#event-participants', '55');
  await page.click('form[aria-labelledby="event-heading"] button[type="submit"]');
  await page.waitForSelector('#event-details');
}

async function addRound(page, { question, way, most, themes = [], item }) {
  await page.click('#add-round');
  await page.fill('#round-question', question);
  await page.check(`#round-way-${way}`);
  if (most !== undefined) await page.fill('#round-most', String(most));
  for (const t of themes) await page.check(`#round-theme-${t}`);
  if (item) {
    const value = item === 'first' ? await page.$eval('#round-item option:nth-child(2)', (o) => o.value) : item;
    await page.selectOption('#round-item', value);
  }
  await page.click('form[aria-labelledby="round-heading"] button[type="submit"]');
  await page.waitForSelector(`#round-heading:text("${question}")`);
}

async function castBallot(page, picks) {
  await page.waitForSelector('#ballot-cast');
  for (const i of picks) await page.check(`#ballot-option-${i}`);
  await page.click('#ballot-cast');
}

async function runEvent(app, { label }) {
  const { page } = app;
  await go(page, 'event');
  await axeClean(app, 'the Event view, before the event');
  await setUpEvent(page);
  await addRound(page, { question: 'Which two themes should the partnership watch next year?', way: 'ballots', most: 2, themes: THEMES });
  assert.match(await page.textContent('#round-entries'), /Ballots · 0 ballots cast · each person chooses up to 2/);

  // Choose the screens: leave out the grid, put the radar first.
  await page.click('#screen-list li:has-text("likelihood × impact") input');
  await page.waitForSelector('.screen-list.unchosen li:has-text("likelihood × impact")');
  await page.waitForFunction(() => document.activeElement?.id === 'screen-grid', null, { timeout: 2000 });
  await page.click('#screen-list li:has-text("radar") button:has-text("Move up")');
  await page.click('#screen-list li:has-text("radar") button:has-text("Move up")');
  await page.waitForFunction(() => document.activeElement?.id === 'screen-radar', null, { timeout: 2000 });
  const order = await page.$$eval('#screen-list li label', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(order.slice(0, 3), ['The horizon scan radar', 'Title', 'The priority matrix']);
  assert.ok(!order.includes('The likelihood × impact grid'));
  await axeClean(app, 'the Event view with a round');
  await page.screenshot({ path: path.join(SCREENSHOTS, `event-view-${label}.png`), fullPage: true });

  // Present with the keyboard: the radar first, as chosen.
  await page.click('#start-presenting');
  await page.waitForSelector('#presentation');
  assert.match(await page.textContent('#present-counter'), /^1 of \d+: Horizon scan radar$/);
  await page.keyboard.press('PageDown');
  assert.match(await page.textContent('#present-counter'), /^2 of \d+: Title$/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('main#main[data-view="event"]');

  // Ten ballots, one person at a time; a reload after the fifth loses none.
  await page.click('#open-ballot-box');
  await page.waitForSelector('main#main[data-view="ballot"]');
  await axeClean(app, 'the ballot box');
  const ballots = [[0], [0, 1], [1], [0, 2], [0], [3], [0, 1], [2], [0], [1, 3]];
  for (const [n, picks] of ballots.entries()) {
    if (n === 5) {
      await page.reload();
      await app.ready();
      await page.waitForSelector('main#main[data-view="ballot"]');
      assert.match(await page.textContent('.ballot-kicker'), /5 ballots cast so far/, 'every ballot is still there after a reload');
    }
    await castBallot(page, picks);
    await page.waitForSelector('#ballot-count');
    assert.match(await page.textContent('#ballot-count'), new RegExp(`^${n + 1} ballots? so far`));
    // The screen keeps no trace, and the running count is not on it.
    assert.equal(await page.locator('.vote-results').count(), 0);
    assert.doesNotMatch(await page.textContent('#ballot'), /Road Safety|vote(s)? for/);
    if (n === 0) await axeClean(app, 'the ballot box, thanks screen');
    await page.click('#ballot-next');
    await page.waitForSelector('#ballot-cast');
    assert.equal(await page.locator('.ballot-check:checked').count(), 0, 'the next person starts with nothing ticked');
  }
  // A ballot choosing three is refused whole, with a message.
  await castBallot(page, [0, 1, 2]);
  await page.waitForSelector('#ballot-error');
  assert.match(await page.textContent('#ballot-error'), /chooses 3, and each person may choose up to 2/);
  assert.match(await page.textContent('.ballot-kicker'), /10 ballots cast so far/);
  await page.screenshot({ path: path.join(SCREENSHOTS, `event-ballot-refused-${label}.png`) });
  await axeClean(app, 'the ballot box with a refused ballot');
  await page.click('#ballot-close');
  await page.waitForSelector('main#main[data-view="event"]');
  assert.match(await page.textContent('#round-entries'), /10 ballots cast/);
  assert.equal(await page.locator('.vote-results').count(), 0, 'nothing shown before Reveal');

  // Reveal: bars with numbers, and how the suggestions moved.
  await settled(page);
  const t0 = await page.evaluate(() => performance.now());
  await page.click('#reveal');
  await page.waitForSelector('#moved, #moved-none');
  const revealMs = (await page.evaluate(() => performance.now())) - t0;
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading', null, { timeout: 2000 });
  metric(`reveal_to_moved_suggestions_${label}`, revealMs);
  const bars = await page.$$eval('.vote-results tbody tr', (rows) => rows.map((r) => r.textContent));
  assert.equal(bars.length, 4);
  assert.match(bars[0], /Road Safety.*6 votes/);
  const moved = await page.$$eval('#moved li', (ls) => ls.map((l) => l.textContent));
  console.log(`moved (${label}): ${JSON.stringify(moved)}`);
  // The room's six votes for Road Safety (of 14) strengthen the case for keeping it.
  assert.equal(moved[0], 'Retain Road Safety: 34.1 → 44.1, now 5th', `how the suggestions moved: ${moved}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `event-revealed-${label}.png`), fullPage: true });
  await axeClean(app, 'the Event view after Reveal');
  return { revealMs, moved };
}

test('event: a facilitator runs the stakeholder event end to end on the served page', async (t) => {
  const app = await openSettled(t, { viewport: { width: 1280, height: 720 } });
  const { page } = app;
  await runEvent(app, { label: 'served' });

  // The round's results are a presentation screen once revealed; every screen passes axe.
  await page.click('.screen-list.unchosen li:has-text("Results") input');
  await page.waitForSelector('#screen-list li:has-text("Results")');
  await page.click('#start-presenting');
  await page.waitForSelector('#presentation');
  await page.keyboard.press('End');
  assert.match(await page.textContent('#present-counter'), /Vote results$/);
  assert.match(await page.textContent('#present-screen'), /Road Safety\s*6 votes/);
  const px = await page.$eval('#present-screen .vote-results th', (el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(px >= 24, `results readable from the back: ${px} px`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'present-results-1280x720.png') });
  await page.keyboard.press('Home');
  const total = Number((await page.textContent('#present-counter')).match(/of (\d+)/)[1]);
  for (let i = 0; i < total; i += 1) {
    await axeClean(app, await page.textContent('#present-counter'));
    await page.keyboard.press('PageDown');
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('main#main[data-view="event"]');

  // A tally, keyboard-fast: digits, + and −, arrows; never below nothing; undo.
  await addRound(page, { question: 'Show of hands: which matters most?', way: 'tally', themes: ['road-safety', 'gangs'] });
  await page.fill('#tally-count-0', '12');
  await page.press('#tally-count-0', 'ArrowDown');
  await page.waitForFunction(() => document.activeElement?.id === 'tally-count-1');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('-');
  await page.waitForFunction(() => document.querySelector('#tally-count-1').value === '1');
  await page.keyboard.press('-');
  await page.waitForFunction(() => document.querySelector('#tally-count-1').value === '0');
  await page.keyboard.press('-');
  await page.waitForSelector('#tally-count-1-error');
  assert.match(await page.textContent('#tally-count-1-error'), /has 0 votes; a tally cannot go below nothing/);
  assert.match(await page.textContent('#round-entries'), /12 votes counted/);
  await page.click('#undo-entry');
  await page.waitForFunction(() => document.querySelector('#tally-count-1').value === '1');
  await axeClean(app, 'a tally round');

  // A rating of one horizon item: median and spread, and the room's grades taken in.
  await addRound(page, { question: 'How likely, and how serious?', way: 'rating', item: 'first' });
  for (const [i, n] of [[1, 2], [2, 5], [3, 1], [6, 3], [7, 4]]) await page.fill(`#rating-count-${i}`, String(n)).then(() => page.press(`#rating-count-${i}`, 'Tab'));
  await page.waitForFunction(() => /15 ratings/.test(document.querySelector('#round-entries').textContent));
  await settled(page);
  await page.click('#reveal');
  await page.waitForSelector('.vote-results');
  assert.match(await page.textContent('.vote-results'), /Likelihood: median 3, from 2 to 4 \(8 ratings\)/);
  assert.match(await page.textContent('.vote-results'), /Impact: median 4, from 3 to 4 \(7 ratings\)/);
  if (await page.isVisible('#accept-rating')) {
    await page.click('#accept-rating');
    await page.waitForSelector('.round-results p:has-text("match the scan")');
  }
  await axeClean(app, 'a revealed rating round');

  // The record leaves as Markdown from the Event view, and with the project file.
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#download-record')]);
  assert.equal(md.suggestedFilename(), 'stakeholder-event.md');
  const record = await readFile(await md.path(), 'utf8');
  assert.match(record, /Thanet practitioner stakeholder event/);
  assert.match(record, /10 ballots cast/);
  assert.match(record, /Retain Road Safety: 34\.1 → 44\.1, now 5th/);
  assert.match(record, /Likelihood: median 3, from 2 to 4 \(8 ratings\)/);
  await go(page, 'data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-project')]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  const event = saved.work.scenario.events[0];
  assert.equal(event.name, 'Thanet practitioner stakeholder event');
  assert.equal(event.participants, 55);
  assert.equal(event.rounds.length, 3);
  assert.equal(event.rounds[0].ballots, 10);
  assert.deepEqual(event.rounds[0].options.map((o) => o.votes), [6, 4, 2, 2]);
  assert.ok(event.rounds[0].before.length > 0 && event.rounds[0].after.length > 0, 'suggestions before and after are kept');
  assert.equal(JSON.stringify(event.rounds[0]).includes('"choices"'), false, 'no single ballot is kept in the record');
  app.assertNoForeignRequests();
  app.assertNoErrors();
});

test('event: the one-file build runs the same event from file:// with no request', async (t) => {
  const app = await openFile(t, { viewport: { width: 1280, height: 720 } });
  await app.ready();
  await settled(app.page);
  await runEvent(app, { label: 'one-file' });
  const network = app.requests.filter((r) => r.kind !== 'inline' && r.url !== app.url);
  assert.deepEqual(network.map((r) => r.url), [], 'no request beyond the file itself');
  app.assertNoErrors();
});
