// The worst hostile rules, typed into the page (issue 11, part 8): each is contained
// with a located diagnostic while the page answers clicks, the other rules'
// suggestions stay, and a run long enough to need it is ended by Stop.
//
//   #stop-evaluation           Stop, shown while an evaluation takes longer than a moment
//   #evaluation-running        "Still working: running the rule “…”."
//   li.diagnostic[data-kind]   a rule's problems in the Rules view

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openServed, openFile, metric } from './harness.mjs';
import { settled, go, suggestions } from './app-helpers.mjs';

const KENT_ADD = 'Add Safeguarding';
const KENT_CONSOLIDATE = 'Consolidate Violent Crime and Acquisitive Crime into Serious & Organised Crime';

// How long a real click (Chromium's input pipeline, not a synthetic event) waits for
// the page: `answered`, from the input event's own time stamp to the next frame after
// the page's handler ran (what "the page answers a click" means: were the rules on the
// page's thread, this would be the rule's whole run); `shown`, to the next frame after
// the view it opens is on screen (that view's own drawing included).
async function clickToFrame(page, view) {
  await page.evaluate((view) => {
    window.__pressAnswered = false;
    window.__clicked = new Promise((resolve) => {
      const link = document.getElementById(`nav-${view}`);
      link.addEventListener(
        'pointerdown',
        (e) => {
          const at = e.timeStamp;
          let answered = null;
          requestAnimationFrame(() => {
            answered = performance.now() - at;
            window.__pressAnswered = true;
          });
          const check = () => {
            if (answered !== null && document.querySelector(`main#main[data-view="${view}"]`)) {
              requestAnimationFrame(() => resolve({ answered, shown: performance.now() - at }));
            } else requestAnimationFrame(check);
          };
          check();
        },
        { once: true, capture: true },
      );
    });
  }, view);
  // Press, then release once the press is answered: the view the click opens is drawn
  // after the release, so `answered` is the page's own delay, not that view's drawing.
  const link = page.locator(`#nav-${view}`);
  await link.scrollIntoViewIfNeeded();
  const box = await link.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForFunction(() => window.__pressAnswered === true || null, null, { polling: 'raf' }).catch(() => {});
  await page.mouse.up();
  return page.evaluate(() =>
    Promise.race([window.__clicked, new Promise((_, no) => setTimeout(() => no(new Error('the click was never answered')), 10_000))]),
  );
}

async function addRule(page, title, body) {
  await go(page, 'rules');
  const before = await page.locator('button.rule-pick').count();
  await page.click('#add-rule');
  await page.waitForFunction((n) => document.querySelectorAll('button.rule-pick').length === n + 1, before);
  const header = (await page.inputValue('#rule-code'))
    .split('\n')
    .filter((l) => l.startsWith('//!'))
    .map((l) => (l.startsWith('//! title:') ? `//! title: ${title}` : l))
    .join('\n');
  await page.fill('#rule-code', `${header}\n\n${body}\n`);
}

function assertOthersKept(list) {
  const h = list.map((s) => s.headline);
  assert.ok(h.includes(KENT_ADD) && h.includes(KENT_CONSOLIDATE), `the other rules still suggest: ${h.join('; ')}`);
}

const WORST = [
  {
    name: 'a sort whose comparator is not a total order (it crashed the page)',
    body: 'let c = 0;\nlet a = [];\nfor i in 0..200 { a.push(i); }\na.sort(|x, y| { c += 1; if c % 3 == 0 { -1 } else { 1 } });\nthrow "sorted " + a.len();',
    kind: 'Runtime',
    words: /sorted 200/,
  },
  {
    name: 'a list nested a million deep (it overflowed the stack)',
    body: 'let a = [];\nfor i in 0..1000000 { a = [a]; }',
    // Refused where it is built, at the nesting limit, long before any stack runs out.
    kind: 'NestingLimit',
    words: /inside one another more than 64 deep/,
  },
  {
    name: 'copying the largest list over and over (it froze the page for 15 to 53 seconds)',
    body: 'let t = [];\nt.pad(190000, 1);\nloop { let u = t; let v = t; }',
    kind: /TimeLimit|OperationsLimit/,
    words: /limit/,
  },
  {
    name: 'a million suggestions (they filled the memory)',
    body: 'for i in 0..1000000 { suggest(#{ kind: "watch", themes: [review.themes()[0].id], score: 50, rationale: "again " + i }); }',
    kind: /OperationsLimit|TimeLimit|BadSuggestion/,
    words: /limit|only the first 500/,
  },
  {
    name: 'a thrown message of half a megabyte (it was printed whole)',
    body: 'let s = "x";\nfor i in 0..19 { s += s; }\nthrow s;',
    kind: 'Runtime',
    words: /x/,
    maxChars: 5000,
  },
];

for (const c of WORST) {
  test(`hostile rule: ${c.name} is contained, located and the page answers`, async (t) => {
    const app = await openServed(t);
    await app.ready();
    await settled(app.page);
    await addRule(app.page, 'Hostile rule', c.body);
    // While it runs the page answers a click at once (the rules run in a worker).
    const { answered, shown } = await clickToFrame(app.page, 'matrix');
    metric('click_answered_during_hostile_rule', answered);
    metric('click_to_view_during_hostile_rule', shown);
    assert.ok(answered < 100, `a click took ${answered.toFixed(0)} ms to answer during the run`);
    await go(app.page, 'rules');
    await app.page.click('button.rule-pick[data-rule="my-rule-1"]');
    await settled(app.page);
    const kinds = await app.page.$$eval('li.diagnostic', (ds) => ds.map((d) => [d.dataset.kind, d.dataset.line, d.innerText]));
    const found = kinds.find(([kind]) => (typeof c.kind === 'string' ? kind === c.kind : c.kind.test(kind)));
    assert.ok(found, `expected a ${c.kind} diagnostic, got ${JSON.stringify(kinds.map((k) => k[0]))}`);
    assert.match(found[2], c.words);
    // A limit names the line it stopped at, unless the time limit fell inside a call
    // into Horizon (which has no line of its own).
    if (found[0] !== 'TimeLimit') assert.ok(Number(found[1]) > 0, `the diagnostic names its line: ${JSON.stringify(found)}`);
    if (c.maxChars) assert.ok(found[2].length < c.maxChars, `the message is cut short (${found[2].length} characters)`);
    await go(app.page, 'review');
    assertOthersKept(await suggestions(app.page));
    app.assertNoErrors();
  });
}

test('hostile rule: 500 splits of one focus area, every pair in conflict, list the first 1,000 conflicts and count the rest', async (t) => {
  const app = await openServed(t);
  await app.ready();
  await settled(app.page);
  // 500 different splits (two parts, each on its own four themes): 124,750 conflicting
  // pairs among them, which the page once listed whole.
  await addRule(
    app.page,
    'Many splits',
    'let f = review.focus_areas()[0].id;\nlet t = review.themes();\nlet n = t.len();\nlet i = 0;\n' +
      'for a in 0..n { for b in a+1..n { for c in b+1..n { for d in c+1..n {\n' +
      '  if i < 500 { suggest(#{ kind: "split", focus_areas: [f], score: 10, rationale: "r", ' +
      'split_into: [#{ themes: [t[a].id, t[b].id] }, #{ themes: [t[c].id, t[d].id] }] }); }\n' +
      '  i += 1;\n} } } }',
  );
  await settled(app.page);
  await go(app.page, 'review');
  await app.page.locator('#conflicts-unlisted').waitFor({ timeout: 20_000 });
  assert.equal(await app.page.locator('#conflicts > li').count(), 1000);
  const more = await app.page.locator('#conflicts-unlisted').innerText();
  assert.match(more, /^1[\d,]+ more conflicts are not listed here: only the first 1,000 are\.$/);
  const { answered } = await clickToFrame(app.page, 'matrix');
  metric('click_answered_with_1000_conflicts_listed', answered);
  assert.ok(answered < 100, `a click took ${answered.toFixed(0)} ms to answer`);
  await go(app.page, 'review');
  assertOthersKept(await suggestions(app.page));
  // The page holds 500 suggestions: shoot the viewport, at the end of the conflicts.
  app.fullPage = false;
  await app.page.locator('#conflicts-unlisted').scrollIntoViewIfNeeded();
  await app.screenshot('hostile-conflicts-unlisted');
  const violations = await app.axe({ context: 'section[aria-labelledby="conflicts-heading"]' });
  assert.deepEqual(violations.map((v) => v.id), []);
  app.assertNoErrors();
});

for (const open of [openServed, openFile]) test(`hostile rules (${open === openFile ? 'one-file form' : 'served'}): a run that takes seconds shows Stop, which ends it and names the rule; the other suggestions stay`, async (t) => {
  const app = await open(t);
  await app.ready();
  await settled(app.page);
  // Each of these runs to the engine's own time limit (250 ms): together, seconds.
  const slow = 'let t = [];\nt.pad(190000, 1);\nloop { let u = t; }';
  for (let i = 1; i <= 8; i++) await addRule(app.page, `Slow rule ${i}`, slow);
  await settled(app.page);
  // A change makes all of them run again.
  await go(app.page, 'matrix');
  await app.page.locator('#matrix button.cell-button').first().click();
  const stop = app.page.locator('#stop-evaluation');
  await stop.waitFor({ timeout: 5000 });
  const running = await app.page.locator('#evaluation-running').innerText();
  assert.match(running, /running the rule “(Slow rule \d|[^”]+)”/);
  const { answered, shown } = await clickToFrame(app.page, 'review');
  metric('click_answered_during_long_run', answered);
  metric('click_to_view_during_long_run', shown);
  assert.ok(answered < 100, `a click took ${answered.toFixed(0)} ms to answer during the run`);
  // The previous run's suggestions are on screen meanwhile.
  assertOthersKept(await suggestions(app.page));
  await app.screenshot('hostile-stop-shown');

  const started = Date.now();
  await stop.click();
  const notice = app.page.locator('#notices .notice', { hasText: 'Horizon stopped the rule' });
  await notice.waitFor({ timeout: 2000 });
  metric('stop_to_notice_ms', Date.now() - started);
  const said = await notice.innerText();
  assert.match(said, /you pressed Stop/);
  assert.ok(!/my-rule-\d/.test(said), 'the rule is named by its title, not its id');
  // Focus goes to the banner, not the page body.
  assert.notEqual(await app.page.evaluate(() => document.activeElement?.tagName), 'BODY');
  await app.screenshot('hostile-stopped');
  // The stopped rule is switched off; the others run on, and the suggestions come back.
  await settled(app.page);
  assertOthersKept(await suggestions(app.page));
  app.assertNoErrors();
});

test('hostile rules: a browser that will not start the worker still gets its suggestions, and is told what that means', async (t) => {
  const app = await openServed(t, { navigate: false });
  await app.page.addInitScript(() => {
    window.Worker = function Worker() {
      throw new Error('workers are switched off in this browser');
    };
  });
  await app.goto();
  await app.ready();
  await settled(app.page);
  const notice = app.page.locator('#notices .notice', { hasText: 'running on this page itself' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /no Stop button/);
  assertOthersKept(await suggestions(app.page));
  app.assertNoErrors();
});
