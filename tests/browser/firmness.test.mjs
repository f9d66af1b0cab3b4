// "How firm is this?" on a suggestion card: worked out on request, shown in place in a
// live region, focus kept on the button; cleared by an edit; the Review view stays
// accessible with it open. Prints metric: firmness_top_suggestion (the engine's search for
// Kent's top suggestion, timed in the page) and firmness_click_to_answer.
//
// Selectors relied on: #suggestion-1 (the first card), #suggestion-1-firmness-button,
// #suggestion-1-firmness (the live region), .firmness-sentences li,
// .firmness-cost[data-ms][data-evaluations], #nav-matrix, #matrix button.cell-button (a matrix cell).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeViolations, metric, WCAG_TAGS } from './harness.mjs';
import { openSettled, settled, go, focusedId, shot } from './app-helpers.mjs';

test('firmness: the first card says how firm it is, in numbers, with focus kept and axe passing', async (t) => {
  const app = await openSettled(t, { viewport: { width: 1280, height: 900 } });
  const { page } = app;
  const button = page.locator('#suggestion-1-firmness-button');
  const region = page.locator('#suggestion-1-firmness');
  assert.equal(await button.textContent(), 'How firm is this?');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  assert.equal(await button.getAttribute('aria-controls'), 'suggestion-1-firmness');

  // By keyboard: focus the button, press Enter.
  await button.focus();
  const started = Date.now();
  await page.keyboard.press('Enter');
  await region.locator('.firmness-sentences li').first().waitFor();
  metric('firmness_click_to_answer', Date.now() - started);
  const cost = region.locator('.firmness-cost');
  metric('firmness_top_suggestion', Number(await cost.getAttribute('data-ms')));
  const evaluations = Number(await cost.getAttribute('data-evaluations'));
  const oneEvaluation = Number(await page.locator('#eval-time').getAttribute('data-ms'));
  console.log(`firmness: ${evaluations} evaluations; the page's last evaluation took ${oneEvaluation.toFixed(1)} ms`);

  const sentences = await region.locator('.firmness-sentences li').allTextContents();
  console.log(sentences.map((s) => `  ${s}`).join('\n'));
  const withNumber = sentences.find((s) => /\b\d+ of the \d+ districts\b|\b\d+ more districts?\b|above \d|below \d/.test(s));
  assert.ok(withNumber, `a sentence with a number in it: ${sentences.join(' | ')}`);
  assert.match(sentences.join(' '), /Safeguarding/);
  assert.equal(await focusedId(page), 'suggestion-1-firmness-button', 'focus stays on the button');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await button.textContent(), 'Hide how firm this is');
  await shot(page.locator('#suggestion-1'), 'firmness-card-1280');

  await assertAccessible(app, 'the Review view with a firmness answer open');

  // Pressed again, it hides the answer.
  await page.keyboard.press('Enter');
  await region.locator('.firmness-sentences').waitFor({ state: 'detached' });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');

  // Asked again, then an edit elsewhere: the answer was about the old matrix, so it goes.
  await button.click();
  await region.locator('.firmness-sentences li').first().waitFor();
  await go(page, 'matrix');
  await page.locator('#matrix button.cell-button').first().click();
  await settled(page);
  await go(page, 'review');
  await settled(page);
  assert.equal(await page.locator('#suggestion-1-firmness .firmness-sentences').count(), 0, 'cleared by the edit');
  assert.equal(await page.locator('#suggestion-1-firmness-button').textContent(), 'How firm is this?');
  app.assertNoErrors();
});

async function assertAccessible(app, what) {
  const violations = await app.axe({ tags: [...WCAG_TAGS, 'best-practice'] });
  assert.equal(violations.length, 0, `${what}: axe found ${violations.length} violation(s):\n${describeViolations(violations)}`);
}
