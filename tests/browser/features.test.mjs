// Feature tests of the Horizon page in headless Chromium (issue 3, item 7): what a user
// sees and does, on the served form and the one-file form. Each test leaves a screenshot in
// tests/browser/screenshots/ (the harness takes it when the test ends).
//
// Selectors these tests rely on (kept stable in crates/web):
//   #nav-<view>                    the navigation links (review, matrix, horizon, rules, data)
//   main#main[data-view]           the open view
//   #eval-time                     "Last evaluated in N ms"; data-revision (edits so far),
//                                  data-evaluated-revision, data-pending, data-ms
//   #suggestions li.suggestion     one suggested change: data-kind, data-score, h3.headline
//   #rule-failures                 the Review view's list of rules that could not run
//   #matrix button.cell-button     a matrix cell: data-district, data-theme, data-level
//   button.rule-pick[data-rule]    a rule in the Rules view's list
//   #rule-code                     the selected rule's code; li.diagnostic its problems
//                                  (data-kind, data-line, data-column)
//   #add-rule                      add a rule from the template
//   #open-file, #import-problems, #scenario-title   the Data view
//   #notices .notice               banners about the saved work
//   #add-horizon-item, #new-item-*, .item-title      the Horizon view

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openServed, openFile, metric } from './harness.mjs';
import { settled, go, suggestions } from './app-helpers.mjs';

const KENT = {
  consolidate: 'Consolidate Violent Crime and Acquisitive Crime into Serious & Organised Crime',
  add: 'Add Safeguarding',
  retain: ['Retain Domestic Abuse', 'Retain Anti-Social Behaviour', 'Retain Substance Misuse', 'Retain Road Safety'],
};
const SAVE_KEY = 'horizon.autosave.v1';
const ASIDE_KEY = 'horizon.autosave.unreadable.1';

function headlines(list) {
  return list.map((s) => s.headline);
}

function assertKent(list) {
  const h = headlines(list);
  for (const expected of [KENT.consolidate, KENT.add, ...KENT.retain]) {
    assert.ok(h.includes(expected), `"${expected}" is suggested (got: ${h.join(' | ')})`);
  }
}

test('review: after load the Kent suggestions are shown, highest score first', async (t) => {
  const app = await openServed(t, { navigate: false });
  await app.timeTo('load_to_first_suggestions', '#suggestions li.suggestion');
  const mark = await app.page.evaluate(
    () => performance.getEntriesByName('horizon:first-suggestions')[0]?.startTime ?? null,
  );
  if (typeof mark === 'number') metric('load_to_first_suggestions_app_mark', mark);
  await settled(app.page);

  const list = await suggestions(app.page);
  assertKent(list);
  const scores = list.map((s) => s.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'highest score first');
  const consolidate = list.find((s) => s.headline === KENT.consolidate);
  assert.equal(consolidate.tag, 'Consolidate', 'the kind is a word, not only a colour');

  // Evidence opens to a list in words; the score opens to its parts, in words.
  const first = app.page.locator('#suggestions li.suggestion').first();
  await first.locator('details.evidence summary').click();
  assert.match(await first.locator('details.evidence').innerText(), /names Safeguarding as a main priority/);
  await first.locator('details.score-parts summary').click();
  const parts = await first.locator('details.score-parts').innerText();
  assert.match(parts, /districts naming Safeguarding \(9 of 11 districts, 7 as a main priority\): [\d.]+ of 75 points/);
  assert.match(parts, /3 rules agree/);
  assert.doesNotMatch(await first.innerText(), /add-unaddressed-group|version [0-9a-f]{12}/, 'no rule ids on a card');
  // What it takes in is shown under it, not beside it.
  assert.match(await first.locator('.also-covers').innerText(), /Watch Prevent/);
  assert.ok(!list.some((s) => s.headline === 'Watch Prevent'), 'Watch Prevent is not listed on its own');
  // The answer comes first; ids and versions wait in "How this was worked out".
  const order = await app.page.evaluate(() => ['proposed-heading', 'suggestions-heading', 'conflicts-heading', 'not-suggested-heading', 'worked-out']
    .map((id) => document.getElementById(id).getBoundingClientRect().top));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'proposed, suggestions, conflicts, not suggested, worked out');
  assert.match(await app.page.locator('#quiet-rules').innerText(), /Keep the number of priorities within what the partnership can resource: The plan has 6 focus areas/);
  await app.page.locator('#worked-out summary').click();
  assert.match(await app.page.locator('#rules-used').innerText(), /retain-supported-focus-areas\s+[0-9a-f]{12}/);

  // The proposed set, as a diff: the two crime focus areas gone into one, Safeguarding new.
  const proposed = await app.page.locator('#proposed tbody').innerText();
  assert.match(proposed, /Serious & Organised Crime\n[^\n]*Gangs[^\n]*\s+Consolidated \(from Violent Crime and Acquisitive Crime\)\s+62\.7/);
  assert.match(proposed, /Safeguarding\n[^\n]*Prevent[^\n]*\s+New\s+91\.5/);
  assert.match(await app.page.textContent('#eval-time'), /Last evaluated in [\d.]+ ms/);
  assert.equal(await app.page.getAttribute('#nav-review', 'aria-current'), 'page');
  app.assertNoForeignRequests();
  app.assertNoErrors();
});

test('matrix: taking Safeguarding out of the districts lowers or removes "Add Safeguarding"', async (t) => {
  const app = await openServed(t);
  const before = (await suggestions(app.page)).find((s) => s.headline === KENT.add);
  assert.ok(before, 'Kent suggests adding Safeguarding');

  await go(app.page, 'matrix');
  const row = app.page.locator('#matrix tr[data-theme="safeguarding"]');
  // Keyboard first: Enter and Space on a focused cell move it on, like a click.
  const cell = row.locator('button.cell-button[data-district="canterbury"]');
  assert.equal(await cell.getAttribute('data-level'), 'none');
  await cell.focus();
  await app.page.keyboard.press('Enter');
  await app.page.waitForSelector('#matrix tr[data-theme="safeguarding"] button[data-district="canterbury"][data-level="main"]');
  await app.page.keyboard.press('Space');
  await app.page.waitForSelector('#matrix tr[data-theme="safeguarding"] button[data-district="canterbury"][data-level="subsidiary"]');
  assert.match(await cell.getAttribute('aria-label'), /^Canterbury — Safeguarding: subsidiary priority or cross-cutting theme\. Activate to change\.$/);
  // The arrow keys move between cells; only one cell is in the Tab order.
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.press('ArrowDown');
  assert.deepEqual(
    await app.page.evaluate(() => [document.activeElement.dataset.district, document.activeElement.dataset.theme]),
    ['dartford-gravesham', 'substance-misuse'],
  );
  assert.equal(await app.page.locator('#matrix button.cell-button[tabindex="0"]').count(), 1);

  // Then clear the whole row by clicking each named cell round to "not named".
  for (let guard = 0; guard < 60; guard++) {
    const named = row.locator('button.cell-button:not([data-level="none"])');
    if ((await named.count()) === 0) break;
    await named.first().click();
  }
  await settled(app.page);
  assert.equal(await row.locator('td.count').innerText(), '0');
  assert.match(await app.page.locator('#matrix-changes').innerText(), /Add Safeguarding|Suggestions|Nothing/);
  await app.screenshot('matrix-after-clearing-safeguarding');

  await go(app.page, 'review');
  const after = (await suggestions(app.page)).find((s) => s.headline === KENT.add);
  assert.ok(!after || after.score < before.score, `Add Safeguarding ${before.score} → ${after ? after.score : 'gone'}`);
  app.assertNoErrors();
});

test('matrix: a cell edit changes only its own row on screen (rows keep their identity), and the keyboard still moves between cells', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'matrix');
  // The Tab stop moves to the cell clicked (a change to two rows): click in the row first.
  const cells = app.page.locator('#matrix tr[data-theme="gangs"] button.cell-button');
  let revision = Number(await app.page.getAttribute('#eval-time', 'data-evaluated-revision'));
  await cells.nth(0).click();
  await app.page.waitForFunction((r) => Number(document.querySelector('#eval-time').dataset.evaluatedRevision) > r, revision);
  await settled(app.page);
  // Every change the page makes to the table's rows after the next click, by row.
  await app.page.evaluate(() => {
    window.__rowsChanged = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const row = node?.closest('tr[data-theme]');
        window.__rowsChanged.add(row ? row.dataset.theme : '(not a row)');
      }
    }).observe(document.querySelector('#matrix tbody'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  revision = Number(await app.page.getAttribute('#eval-time', 'data-evaluated-revision'));
  await cells.nth(1).click();
  await app.page.waitForFunction((r) => Number(document.querySelector('#eval-time').dataset.evaluatedRevision) > r, revision);
  await settled(app.page);
  const changed = await app.page.evaluate(() => [...window.__rowsChanged]);
  assert.deepEqual(changed, ['gangs'], `rows redrawn: ${changed.join(', ')}`);
  // The clicked cell is the Tab stop; the arrows move from it, across rows too.
  const focused = () => app.page.evaluate(() => [document.activeElement.dataset.theme, document.activeElement.dataset.district]);
  const [theme, district] = await focused();
  assert.equal(theme, 'gangs');
  await app.page.keyboard.press('ArrowRight');
  const [, next] = await focused();
  assert.notEqual(next, district);
  await app.page.keyboard.press('ArrowDown');
  const [below] = await focused();
  assert.notEqual(below, 'gangs');
  assert.equal(await app.page.locator('#matrix button.cell-button[tabindex="0"]').count(), 1);
  app.assertNoErrors();
});

test('matrix: median re-evaluation time after a cell edit', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'matrix');
  // Timed in the page: from the click on a cell to the moment the new evaluation is in the
  // DOM (the render that updates #eval-time also updates every suggestion).
  await app.page.evaluate(() => {
    const h = (window.__reeval = { started: null, spans: [] });
    document.addEventListener('click', (e) => {
      if (e.target.closest('.cell-button')) h.started = performance.now();
    }, true);
    new MutationObserver(() => {
      if (h.started !== null) {
        h.spans.push(performance.now() - h.started);
        h.started = null;
      }
    }).observe(document.querySelector('#eval-time'), { attributes: true, attributeFilter: ['data-evaluated-revision'] });
  });
  const cells = app.page.locator('#matrix tr[data-theme="gangs"] button.cell-button');
  const evalMs = [];
  for (let i = 0; i < 11; i++) {
    const revision = Number(await app.page.getAttribute('#eval-time', 'data-revision'));
    await cells.nth(i).click();
    await app.page.waitForFunction(
      (r) => Number(document.querySelector('#eval-time').dataset.evaluatedRevision) > r,
      revision,
    );
    evalMs.push(Number(await app.page.getAttribute('#eval-time', 'data-ms')));
  }
  const spans = await app.page.evaluate(() => window.__reeval.spans);
  assert.equal(spans.length, 11);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  metric('reeval_median_after_matrix_edit', median(evalMs));
  metric('matrix_click_to_updated_suggestions_median', median(spans));
  app.assertNoErrors();
});

test('rules: a syntax error shows its line and column while the other suggestions remain', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'rules');
  await app.page.click('button.rule-pick[data-rule="retain-supported-focus-areas"]');
  const code = await app.page.inputValue('#rule-code');
  const lines = code.split('\n');
  const at = lines.findIndex((l) => l.startsWith('for fa in'));
  lines.splice(at, 0, 'let broken = ;');
  await app.page.fill('#rule-code', lines.join('\n'));
  await settled(app.page);

  const diagnostic = app.page.locator('li.diagnostic').first();
  await diagnostic.waitFor();
  assert.equal(await diagnostic.getAttribute('data-line'), String(at + 1), 'the line of the error');
  assert.ok(Number(await diagnostic.getAttribute('data-column')) > 0, 'a column');
  assert.match(await diagnostic.innerText(), new RegExp(`Syntax error Line ${at + 1}, column \\d+: `));
  assert.equal(await app.page.locator('#rule-status').textContent(), 'Failed');
  await app.screenshot('rules-syntax-error');

  await go(app.page, 'review');
  const list = await suggestions(app.page);
  const h = headlines(list);
  assert.ok(h.includes(KENT.add) && h.includes(KENT.consolidate), 'the other rules still suggest');
  assert.ok(!h.some((x) => x.startsWith('Retain')), 'the broken rule contributes nothing');
  assert.match(await app.page.locator('#rule-failures').innerText(), /Retain focus areas the districts still name/);
  app.assertNoErrors();
});

test('rules: a `loop {}` rule is stopped by the operations limit and the page still responds', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'rules');
  await app.page.click('#add-rule');
  await app.page.waitForSelector('button.rule-pick[data-rule="my-rule-1"][aria-current="true"]');
  await settled(app.page);
  assert.match(await app.page.locator('.no-problems').innerText(), /No problems/, 'the template works as it is');

  const header = (await app.page.inputValue('#rule-code')).split('\n').filter((l) => l.startsWith('//!')).join('\n');
  await app.page.fill('#rule-code', `${header}\n\nloop {}\n`);
  const limit = app.page.locator('li.diagnostic[data-kind="OperationsLimit"]');
  await limit.waitFor();
  assert.match(await limit.innerText(), /operations limit/);
  await app.screenshot('rules-loop-stopped');

  // Runaway recursion and a text that doubles forever are stopped by their own limits.
  for (const [body, kind, words] of [
    ['fn deeper(x) { deeper(x + 1) }\ndeeper(0);', 'CallDepthLimit', /call depth limit/],
    ['let s = "x";\nloop { s += s; }', 'StringSizeLimit', /text size limit/],
  ]) {
    await app.page.fill('#rule-code', `${header}\n\n${body}\n`);
    const d = app.page.locator(`li.diagnostic[data-kind="${kind}"]`);
    await d.waitFor();
    assert.match(await d.innerText(), words);
  }

  // The page answers: a click changes view, and another edit re-evaluates.
  const started = Date.now();
  await go(app.page, 'matrix');
  metric('click_after_loop_rule_to_view', Date.now() - started);
  await app.page.locator('#matrix button.cell-button').first().click();
  await settled(app.page);
  await go(app.page, 'review');
  assertKent(await suggestions(app.page));
  app.assertNoErrors();
});

test('rules: a setting changes the suggestions; switching a rule off removes its own', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'rules');
  await app.page.click('button.rule-pick[data-rule="too-many-priorities"]');
  // Allow only three focus areas: the weakest are suggested for demotion, which
  // conflicts with retaining them.
  await app.page.fill('#param-max_focus_areas', '3');
  await settled(app.page);
  assert.match(await app.page.locator('#rule-status').textContent(), /Fired/);
  await app.page.fill('#param-max_focus_areas', '99');
  assert.match(await app.page.locator('#param-max_focus_areas-error').innerText(), /at most 30/);
  await app.page.fill('#param-max_focus_areas', '3');
  await go(app.page, 'review');
  const list = await suggestions(app.page);
  assert.ok(list.some((s) => s.kind === 'demote'), 'demotions are suggested');
  assert.ok((await app.page.locator('#conflicts li').count()) > 0, 'and conflicts are listed');
  await app.screenshot('review-with-conflicts');

  await go(app.page, 'rules');
  await app.page.click('button.rule-pick[data-rule="watch-emerging-issues"]');
  await app.page.click('#rule-enabled');
  await settled(app.page);
  assert.equal(await app.page.locator('#rule-status').textContent(), 'Switched off');
  await go(app.page, 'review');
  assert.ok(!(await suggestions(app.page)).some((s) => s.kind === 'watch'), 'no watch suggestions');
  app.assertNoErrors();
});

test('saved work: an edit survives a reload, and the open view too', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'matrix');
  const cell = app.page.locator('#matrix tr[data-theme="gangs"] button[data-district="ashford"]');
  const before = await cell.getAttribute('data-level');
  await cell.click();
  await settled(app.page);
  const after = await cell.getAttribute('data-level');
  assert.notEqual(after, before);

  await app.goto();
  await app.page.waitForSelector('main#main[data-view="matrix"]');
  assert.equal(
    await app.page.locator('#matrix tr[data-theme="gangs"] button[data-district="ashford"]').getAttribute('data-level'),
    after,
  );
  assert.equal(await app.page.locator('#notices').count(), 0, 'no warnings');
  app.assertNoErrors();
});

test('data: a malformed file is reported with line and column, and the work is kept', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'data');
  const title = await app.page.textContent('#scenario-title');

  await app.page.setInputFiles('#open-file', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "schema_version": 1,\n  "meta": { "title": "Half a file", }\n}\n'),
  });
  const problems = app.page.locator('#import-problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /broken\.json could not be opened/);
  assert.match(await problems.innerText(), /Line 3, column \d+: /);
  assert.equal(await app.page.textContent('#scenario-title'), title, 'the scenario is unchanged');
  await app.screenshot('data-malformed-file');

  // A well-formed file with several mistakes: every one is listed.
  const kent = JSON.parse(await app.page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).history.base.scenario;
  kent.horizon[0].likelihood = 9;
  kent.horizon[1].themes = ['no-such-theme'];
  kent.plans[0].focus_areas[0].themes.push('another-missing-theme');
  await app.page.setInputFiles('#open-file', {
    name: 'three-mistakes.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(kent, null, 2)),
  });
  await app.page.waitForFunction(() => /three-mistakes/.test(document.querySelector('#import-problems')?.innerText ?? ''));
  const items = await app.page.locator('#import-problems li').allInnerTexts();
  assert.equal(items.length, 3, items.join('\n'));
  assert.ok(items.some((i) => i.startsWith('horizon[0].likelihood')));
  assert.equal(await app.page.textContent('#scenario-title'), title, 'still unchanged');

  // And a good file opens.
  kent.horizon[0].likelihood = 2;
  kent.horizon[1].themes = [];
  kent.plans[0].focus_areas[0].themes.pop();
  kent.meta.title = 'Kent, edited by hand';
  await app.page.setInputFiles('#open-file', {
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(kent)),
  });
  await app.page.waitForFunction(() => document.querySelector('#scenario-title')?.textContent === 'Kent, edited by hand');
  assert.equal(await app.page.locator('#import-problems').count(), 0);

  // Saving downloads the scenario as scenario.json, which reads back as the same scenario.
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('#save-scenario')]);
  assert.equal(download.suggestedFilename(), 'scenario.json');
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.meta.title, 'Kent, edited by hand');
  assert.deepEqual(saved.matrix, kent.matrix);
  app.assertNoErrors();
});

test('data: starting again from the Thanet example, a district plan', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  await go(app.page, 'data');
  await app.page.selectOption('#example', 'thanet-2016-17');
  await app.page.click('#reset-example');
  await app.page.click('.confirm button.warning');
  // Thanet's 2016-17 plan is in Kent's file: the scenario keeps Kent's title, and its plan is Thanet's.
  await app.page.waitForFunction(() => /Thanet/.test(document.querySelector('#status')?.textContent ?? ''));
  await settled(app.page);
  await go(app.page, 'review');
  await app.page.waitForFunction(() => /Thanet/.test(document.querySelector('h1')?.textContent ?? ''));
  // Judged as Thanet would judge it: its three broad focus areas first, each on
  // Thanet's own column and consultation; county priorities folded in, none added.
  const thanet = await suggestions(app.page);
  assert.deepEqual(thanet.slice(0, 3).map((x) => x.headline).sort(), [
    'Retain Improving community confidence and agency collaboration',
    'Retain Reducing Offending and Reoffending',
    'Retain Safeguarding our most vulnerable people',
  ]);
  assert.ok(thanet.some((x) => x.headline === 'Retain Reducing Offending and Reoffending, taking in Substance Misuse'));
  assert.ok(!thanet.some((x) => x.kind === 'add'), thanet.map((x) => x.headline).join('\n'));
  const first = await app.page.locator('#suggestions li.suggestion').first().innerText();
  assert.match(first, /Thanet's own column of the matrix names/);
  assert.match(first, /78 % of 350 respondents/);
  await app.screenshot('thanet-review');
  await go(app.page, 'matrix');
  assert.match(await app.page.locator('#matrix th.own-district').innerText(), /Thanet\s+this plan/i);
  await go(app.page, 'horizon');
  await app.page.locator('section[data-category="safeguarding"] h2').waitFor();
  app.assertNoErrors();
});

test('saved work: a corrupt save is reported and kept aside, never overwritten unseen', async (t) => {
  const app = await openServed(t, { navigate: false });
  const corrupt = '{"app":"horizon","format":1,"scenario":{"schema_version":1, …cut off';
  await app.page.addInitScript(
    ({ key, corrupt }) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, corrupt);
        sessionStorage.setItem('seeded', 'yes');
      }
    },
    { key: SAVE_KEY, corrupt },
  );
  await app.goto();
  const notice = app.page.locator('#notices .notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be read/);
  assert.match(await notice.innerText(), new RegExp(ASIDE_KEY.replaceAll('.', '\\.')));
  assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), ASIDE_KEY), corrupt, 'kept aside exactly');
  assertKent(await suggestions(app.page));
  await app.screenshot('corrupt-save-notice');

  // The app goes on from the Kent example and saves normally; the kept copy stays.
  await settled(app.page);
  await app.goto();
  await app.page.waitForSelector('#suggestions li.suggestion');
  assert.equal(await app.page.locator('#notices').count(), 0, 'the new save reads back');
  assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), ASIDE_KEY), corrupt);
  app.assertNoErrors();
});

test('horizon: an item titled like HTML renders as text and runs nothing', async (t) => {
  const app = await openServed(t);
  const dialogs = [];
  app.page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await settled(app.page);
  await go(app.page, 'horizon');
  const title = '<img src=x onerror=alert(1)>';
  await app.page.click('#add-horizon-item');
  await app.page.click('form.item-form button[type="submit"]');
  assert.match(await app.page.locator('.error-summary').innerText(), /has no title/, 'problems in words');
  await app.page.fill('#new-item-title', title);
  await app.page.selectOption('#new-item-category', 'technological');
  await app.page.selectOption('#new-item-likelihood', '3');
  await app.page.selectOption('#new-item-impact', '4');
  await app.page.check('#new-item-theme-digital-crime');
  await app.page.click('form.item-form button[type="submit"]');

  const shown = app.page.locator('section[data-category="technological"] .item-title', { hasText: '<img' });
  await shown.waitFor();
  assert.equal(await shown.textContent(), title, 'the title is text');
  assert.equal(await app.page.locator('img').count(), 0, 'no image element was made');
  await settled(app.page);
  await app.page.waitForTimeout(200);
  assert.deepEqual(dialogs, [], 'no dialog opened');
  app.assertNoErrors();
});

test('privacy: no request goes to any host but the test server', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  for (const view of ['matrix', 'horizon', 'rules', 'data', 'review']) await go(app.page, view);
  await app.page.locator('#suggestions li.suggestion details.evidence summary').first().click();
  const counts = app.requests.reduce((acc, r) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }), {});
  console.log(`requests: ${app.requests.length} in all, by kind ${JSON.stringify(counts)}`);
  app.assertNoForeignRequests();
  assert.ok(app.requests.every((r) => r.kind === 'server' || r.kind === 'inline'), 'only the test server');
  app.assertNoErrors();
});

test('one file: dist/horizon.html opened from file:// shows the suggestions', async (t) => {
  const app = await openFile(t, { navigate: false });
  await app.timeTo('one_file_load_to_first_suggestions', '#suggestions li.suggestion');
  assertKent(await suggestions(app.page));
  const network = app.requests.filter((r) => r.kind !== 'inline' && r.url !== app.url);
  assert.deepEqual(network, [], 'nothing but the page itself');
  app.assertNoErrors();
});

test('views: every view at 1280 × 800, for a look', async (t) => {
  const app = await openServed(t);
  await settled(app.page);
  for (const view of ['review', 'matrix', 'horizon', 'rules', 'data']) {
    await go(app.page, view);
    assert.equal(await app.page.getAttribute(`#nav-${view}`, 'aria-current'), 'page');
    assert.equal(
      await app.page.evaluate(() => document.activeElement?.tagName),
      'H1',
      'focus moves to the view heading',
    );
    await app.screenshot(`view-${view}`);
  }
  app.assertNoErrors();
});

test('views: the Review view at 400 px wide', async (t) => {
  const app = await openServed(t, { viewport: { width: 400, height: 800 } });
  assertKent(await suggestions(app.page));
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  app.assertNoErrors();
});
