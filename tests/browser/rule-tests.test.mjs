// Rule tests in the page (issue 9, item 6): the Rules view runs the pack's given/expect
// tests against the rules as edited and says per rule how many pass; a broken rule's test
// says why it failed; a test made from the current review downloads, and `horizon
// test-rules` passes it (checked here by running the CLI on the downloaded file).
//
// Selectors (kept stable in crates/web):
//   #run-rule-tests-all          "Run the rule tests"; #rule-tests-overall its summary
//   section.rule-tests-panel     data-passed, data-of, data-ms (the last run's time)
//   .rule-pick-tests             "Tests: 3 of 3 pass" in each rule's list entry
//   #run-rule-tests              one rule's tests; #rule-tests-summary; li.test-result
//                                (data-file, data-passed), .test-failure
//   #make-test                   make a test: select[data-suggestion], #test-name,
//                                #keep-test, #download-test

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServed, metric, describeViolations, WCAG_TAGS, ROOT } from './harness.mjs';
import { settled, go, focusedId, shot } from './app-helpers.mjs';

const RETAIN = 'retain-supported-focus-areas';

async function runAll(page) {
  await page.click('#run-rule-tests-all');
  await page.waitForFunction(() => {
    const p = document.querySelector('section.rule-tests-panel');
    return p && p.dataset.of && !/Running/.test(document.querySelector('#rule-tests-overall').textContent);
  });
}

test('rule tests: every shipped rule passes; a broken threshold fails its test with the reason', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await settled(page);
  await go(page, 'rules');
  await runAll(page);
  const panel = page.locator('section.rule-tests-panel');
  const [passed, of] = [Number(await panel.getAttribute('data-passed')), Number(await panel.getAttribute('data-of'))];
  assert.ok(of >= 40, `the shipped tests ran (${of})`);
  assert.equal(passed, of, await page.locator('#rule-tests-overall').innerText());
  metric('rule_tests_all_in_page_click_to_results', Number(await panel.getAttribute('data-ms')));
  metric('rule_tests_all_in_page_working', Number(await panel.getAttribute('data-working-ms')));
  assert.match(await page.locator('#rule-tests-overall').innerText(), new RegExp(`^All pass\\s*${of} of ${of} tests pass`, 'i'));
  // Every rule in the list says its tests pass, in words.
  const picks = await page.$$eval('button.rule-pick', (bs) => bs.map((b) => [b.dataset.rule, b.querySelector('.rule-pick-tests')?.textContent ?? '']));
  for (const [rule, words] of picks) assert.match(words, /^Tests: (\d+) of \1 tests? pass(es)?$/, `${rule}: ${words}`);
  assert.ok(picks.some(([r]) => r === 'split-broad-focus-area'), 'the split rule is in the pack');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page.locator('main#main'), 'rule-tests-all-pass-1280');

  // Break the retain rule's threshold in the editor, then run its tests.
  await page.click(`button.rule-pick[data-rule="${RETAIN}"]`);
  const code = await page.inputValue('#rule-code');
  await page.fill('#rule-code', code.replace(/min_support \| number \| [0-9.]+/, 'min_support | number | 0.95'));
  await settled(page);
  await page.click('#run-rule-tests');
  await page.waitForFunction(() => /tests? pass/.test(document.querySelector('#rule-tests-summary').textContent));
  assert.equal(await focusedId(page), 'run-rule-tests', 'focus stays on the button');
  const summary = await page.locator('#rule-tests-summary').innerText();
  assert.match(summary, /^Failing\s*\d+ of \d+ tests? pass(es)?\. \d+ failed: see why below\./i, summary);
  const failed = page.locator('li.test-result[data-file="tests/retain-kent.json"]');
  assert.equal(await failed.getAttribute('data-passed'), 'false');
  const why = await failed.innerText();
  assert.match(why, /^Failed/i);
  assert.match(why, /It should suggest: Retain Domestic Abuse, score at least \d+/);
  assert.match(why, /The rules suggest nothing now\./);
  assert.ok(!why.includes('domestic-abuse'), 'names, not ids');
  assert.match(await page.locator(`button.rule-pick[data-rule="${RETAIN}"] .rule-pick-tests`).innerText(), /^Tests: \d+ of \d+ tests? pass/);
  await shot(page.locator('section.rule-tests'), 'rule-tests-failed');

  const violations = await app.axe({ tags: [...WCAG_TAGS, 'best-practice'] });
  assert.equal(violations.length, 0, describeViolations(violations));
  await page.setViewportSize({ width: 400, height: 900 });
  await shot(page.locator('section.rule-tests-panel'), 'rule-tests-panel-400');
  await shot(page.locator('section.rule-tests'), 'rule-tests-failed-400');
  const narrow = await app.axe({ tags: [...WCAG_TAGS, 'best-practice'] });
  assert.equal(narrow.length, 0, describeViolations(narrow));
  app.assertNoErrors();
});

test('rule tests: a test made from the current review downloads and passes with horizon test-rules', async (t) => {
  const app = await openServed(t);
  const { page } = app;
  await settled(page);
  await go(page, 'rules');
  await page.click(`button.rule-pick[data-rule="${RETAIN}"]`);
  await page.click('#make-test summary');
  // Nothing chosen, no name: both problems are said, and focus goes to the first.
  await page.click('#keep-test');
  assert.equal(await focusedId(page), 'test-name');
  assert.match(await page.locator('#test-name-error').innerText(), /Say what the test checks/);
  assert.match(await page.locator('#test-choices-error').innerText(), /Choose at least one suggestion/);

  const choices = await page.$$eval('#make-test select[data-suggestion]', (ss) => ss.map((s) => [s.dataset.suggestion, s.labels[0].textContent]));
  assert.ok(choices.some(([id, label]) => id === 'retain:domestic-abuse' && label === 'Retain Domestic Abuse'), JSON.stringify(choices));
  await page.selectOption('select[data-suggestion="retain:domestic-abuse"]', 'expect');
  await page.selectOption('select[data-suggestion="retain:road-safety"]', 'expect');
  await page.fill('#test-name', 'Kent: Domestic Abuse and Road Safety are retained');
  await shot(page.locator('#make-test'), 'rule-tests-make-test');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-test')]);
  const name = download.suggestedFilename();
  assert.equal(name, `${RETAIN}-kent-domestic-abuse-and-road-safety-are.json`, 'the name, shortened');
  const saved = path.join(await mkdtemp(path.join(os.tmpdir(), 'horizon-download-')), name);
  await download.saveAs(saved);
  const made = JSON.parse(await readFile(saved, 'utf8'));
  assert.deepEqual(made.rules, [RETAIN]);
  assert.ok(made.given.scenario, 'the scenario is written out whole');
  assert.deepEqual(made.expect.map((e) => e.focus_areas), [['domestic-abuse'], ['road-safety']]);

  // Added back from the downloaded file, it is kept with the project, runs at once and passes.
  await page.click('details.add-test summary');
  await page.setInputFiles('#add-test-file', saved);
  const back = page.locator(`li.test-result[data-file="tests/${name}"]`);
  await back.waitFor();
  await page.waitForFunction(() => /tests? pass/.test(document.querySelector('#rule-tests-summary').textContent));
  assert.equal(await back.getAttribute('data-passed'), 'true', await back.innerText());

  // Kept straight from the form under another name, it runs and passes too.
  await page.fill('#test-name', 'Kent: two retained, kept');
  await page.click('#keep-test');
  const kept = page.locator(`li.test-result[data-file="tests/${RETAIN}-kent-two-retained-kept.json"]`);
  await kept.waitFor();
  await page.waitForFunction(() => /tests? pass/.test(document.querySelector('#rule-tests-summary').textContent));
  assert.equal(await kept.getAttribute('data-passed'), 'true', await kept.innerText());
  // A file that is not a test says why and where.
  const bad = path.join(await mkdtemp(path.join(os.tmpdir(), 'horizon-bad-test-')), 'bad.json');
  await writeFile(bad, '{\n  "rules": 3\n}\n');
  await page.setInputFiles('#add-test-file', bad);
  await page.locator('#add-test-file-error').waitFor();
  assert.match(await page.locator('#add-test-file-error').innerText(), /bad\.json is not a rule test: line 2, column/);

  // The command line passes the downloaded test, beside the rule it tests.
  const bin = path.join(ROOT, 'target/debug/horizon');
  if (existsSync(bin)) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'horizon-made-test-'));
    await mkdir(path.join(dir, 'tests'));
    await copyFile(path.join(ROOT, 'rules', `${RETAIN}.rhai`), path.join(dir, `${RETAIN}.rhai`));
    await copyFile(saved, path.join(dir, 'tests', name));
    const out = execFileSync(bin, ['test-rules', '--rules', dir], { encoding: 'utf8' });
    assert.match(out, /1 passed, 0 failed/, out);
  } else {
    t.diagnostic('target/debug/horizon is not built: the CLI check is in crates/cli/tests (a_test_made_from_the_review_passes_with_test_rules)');
  }
  app.assertNoErrors();
});
