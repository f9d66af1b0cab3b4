// Horizon beside json-rules-engine (issue 12, item 4), in the same browser, on the same two
// rules and the same data: retain-supported-focus-areas and demote-unsupported-focus-area over
// the Kent 2016 example, and over a what-if of it (a seventh focus area for the least named
// theme that nothing else serves, which the demote rule takes up). bench/rules-engine/ holds the rules written for json-rules-engine and
// says how to rerun this. The test checks the two give the same suggestions (kind, focus area,
// score, rationale) and prints the medians; it asserts nothing about time.
//
// Horizon runs as the page's worker runs it (crates/web/src/worker.rs, `worker_evaluate`): the
// request's JSON in (scenario, rule files, settings, limits), the evaluation's JSON out, each
// rule compiled once and kept. json-rules-engine runs from the scenario's JSON text too: the
// facts worked out from it, the engine (made once) run per focus area, the suggestion written
// by its event handler.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openServed, ROOT } from './harness.mjs';
import { bundle } from '../../bench/rules-engine/bundle.mjs';

const RULES = { retain: 'retain-supported-focus-areas.rhai', demote: 'demote-unsupported-focus-area.rhai' };
// Samples, each the mean of BATCH runs in a row: the page's clock is coarsened to 0.1 ms.
const RUNS = 40;
const BATCH = 10;

function metric(name, value, unit) {
  console.log(`metric: ${name}=${value} ${unit}`);
}

test('rules engines: Horizon and json-rules-engine give the same suggestions on Kent; medians side by side', async (t) => {
  // A page of the test server's own origin with nothing of Horizon running (the server's
  // "not found" page): the modules are imported into it.
  const app = await openServed(t, { path: 'rules-engine-comparison' });
  const { page } = app;
  await page.addScriptTag({ content: bundle() });
  await page.addScriptTag({ content: await readFile(path.join(ROOT, 'bench/rules-engine/horizon-rules.js'), 'utf8') });
  const result = await page.evaluate(async ({ RULES, RUNS, BATCH }) => {
    globalThis.__horizonEmbedded = true;
    const horizon = await import('/horizon_web.js');
    await horizon.default({ module_or_path: '/horizon_web_bg.wasm' });
    const kent = horizon.example_scenario('kent-2016');
    // The what-if: a focus area for the theme fewest districts name among those no focus area,
    // cross-cutting theme, partner priority or law already touches.
    const whatIf = (() => {
      const s = JSON.parse(kent);
      const plan = s.plans.find((p) => p.id === s.under_review);
      const taken = new Set([
        ...plan.focus_areas.flatMap((f) => f.themes), ...plan.cross_cutting_themes.flatMap((c) => c.themes),
        ...s.partner_priorities.flatMap((p) => p.themes), ...s.legislation.flatMap((l) => l.themes),
      ]);
      const named = (t) => Object.keys(s.matrix.find((r) => r.theme === t.id)?.cells ?? {}).length;
      const theme = s.themes.filter((t) => !taken.has(t.id) && named(t) > 0).sort((a, b) => named(a) - named(b))[0];
      plan.focus_areas.push({ id: 'what-if', name: theme.name, themes: [theme.id] });
      return JSON.stringify(s);
    })();
    // The worker's request with the whole scenario and rule pack (crates/web/src/worker.rs).
    const whole = JSON.parse(horizon.review_request(kent));
    const pack = whole.rules.whole;
    const text = (name) => pack.find((r) => r.name === name).text;
    const two = { whole: pack.filter((r) => Object.values(RULES).includes(r.name)) };
    const request = JSON.stringify({ ...whole, rules: two });
    const everything = JSON.stringify(whole);
    // No rules at all: what reading the request, building the review and writing the answer cost.
    const nothing = JSON.stringify({ ...whole, rules: { whole: [] } });
    const whatIfRequest = JSON.stringify({ ...JSON.parse(horizon.review_request(whatIf)), rules: two });
    const jre = HorizonJre.engine({ retain: text(RULES.retain), demote: text(RULES.demote) });

    const round = (x) => Math.round(x * 10) / 10;
    const fromHorizon = (req) => JSON.parse(horizon.worker_evaluate(req, () => {})).evaluated.suggestions.map((s) => ({
      kind: s.kind, focus_area: s.targets.map((x) => x.id).join(' '), score: s.score, rationale: s.rationale,
    }));
    const fromJre = async (json) => (await jre(json)).map((s) => ({ ...s, score: round(s.score) }));
    const same = {
      kent: [fromHorizon(request), await fromJre(kent)],
      whatIf: [fromHorizon(whatIfRequest), await fromJre(whatIf)],
    };

    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };
    const times = { horizon: [], jre: [], horizonAll: [], horizonNone: [] };
    // Each batch starts with one run that is not timed. The worker keeps the rules of its
    // last evaluation compiled, as the page (which always sends the whole pack) needs;
    // the batches here alternate packs, so without it each would time a compilation too.
    const batch = (run) => {
      run();
      const t0 = performance.now();
      for (let j = 0; j < BATCH; j++) run();
      return (performance.now() - t0) / BATCH;
    };
    for (let i = 0; i < 20; i++) { horizon.worker_evaluate(request, () => {}); await jre(kent); }
    for (let i = 0; i < RUNS; i++) {
      times.horizon.push(batch(() => horizon.worker_evaluate(request, () => {})));
      const t0 = performance.now();
      for (let j = 0; j < BATCH; j++) await jre(kent);
      times.jre.push((performance.now() - t0) / BATCH);
      times.horizonNone.push(batch(() => horizon.worker_evaluate(nothing, () => {})));
      if (i % 4 === 0) times.horizonAll.push(batch(() => horizon.worker_evaluate(everything, () => {})));
    }
    return {
      same,
      horizon: median(times.horizon), jre: median(times.jre), horizonAll: median(times.horizonAll), horizonNone: median(times.horizonNone),
      rules: pack.length,
    };
  }, { RULES, RUNS, BATCH });

  const order = (a, b) => `${a.kind} ${a.focus_area}`.localeCompare(`${b.kind} ${b.focus_area}`);
  for (const [name, [fromHorizon, fromJre]] of Object.entries(result.same)) {
    assert.deepEqual([...fromJre].sort(order), [...fromHorizon].sort(order), `${name}: the same suggestions, word for word`);
  }
  const [kent, whatIf] = [result.same.kent[0], result.same.whatIf[0]];
  assert.equal(kent.filter((s) => s.kind === 'retain').length, 5, 'Kent: five of its six focus areas retained');
  assert.ok(whatIf.some((s) => s.focus_area === 'what-if' && ['demote', 'retire'].includes(s.kind)), 'the what-if focus area is demoted');

  metric('kent_two_rules_horizon_page', result.horizon.toFixed(3), 'ms');
  metric('kent_two_rules_json_rules_engine', result.jre.toFixed(3), 'ms');
  metric('kent_two_rules_horizon_over_json_rules_engine', (result.horizon / result.jre).toFixed(2), '×');
  metric('kent_no_rules_horizon_page', result.horizonNone.toFixed(3), 'ms');
  metric(`kent_all_${result.rules}_rules_horizon_page`, result.horizonAll.toFixed(3), 'ms');
  app.assertNoErrors({ ignore: [/404/] });
});
