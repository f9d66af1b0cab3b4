// Presentation mode (#present): the review on a projector at 1280 × 720. Large type
// (body text at least 28 px), one idea per screen, presenter keys (Page Down / Page Up,
// arrows, Space, B or . to blank, Esc to leave without losing anything), and no axe
// violations on any screen.
//
// Selectors relied on: #nav-present, #presentation (the stage, focused on entry),
// #present-screen[data-screen], #present-counter, .present-rationale, .present-matrix.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { describeViolations, WCAG_TAGS, SCREENSHOTS } from './harness.mjs';
import { openSettled, go, focusedId } from './app-helpers.mjs';

const counter = (page) => page.textContent('#present-counter');
const fontPx = (page, selector) =>
  page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));

test('present: the Kent review on a projector, screen by screen with presenter keys', async (t) => {
  const app = await openSettled(t, { viewport: { width: 1280, height: 720 } });
  const { page } = app;
  await go(page, 'present');
  assert.equal(await focusedId(page), 'presentation', 'the stage has the keys');
  assert.equal(await page.locator('.masthead, nav, .footer').count(), 0, 'nothing but the presentation');
  const total = Number((await counter(page)).match(/of (\d+)/)[1]);
  // Title, the matrix five themes a screen (25 themes → 5), the radar, the grid,
  // 8 suggestions, the proposed plan.
  assert.equal(total, 1 + 5 + 2 + 8 + 1);
  assert.match(await counter(page), /^1 of 17: Title$/);
  assert.ok((await fontPx(page, '.present-screen p')) >= 28, 'body text of at least 28 px');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'present-title-1280x720.png') });

  await page.keyboard.press('PageDown');
  assert.match(await counter(page), /^2 of 17: Priority matrix, 1 of 5$/);
  assert.equal(await page.locator('.present-matrix tbody tr').count(), 5);
  const fits = await page.$eval('#presentation', (el) => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'present-matrix-1280x720.png') });
  assert.ok(fits, 'the matrix screen fits 1280 × 720 with no scrolling');
  assert.match(await page.textContent('.present-matrix tbody tr:first-child th'), /Domestic Abuse/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'present-matrix-1280x720.png') });

  for (const key of ['ArrowRight', 'Space', 'ArrowDown', 'PageDown']) await page.keyboard.press(key);
  assert.match(await counter(page), /^6 of 17: Priority matrix, 5 of 5$/);
  await page.keyboard.press('PageDown');
  assert.match(await counter(page), /^7 of 17: Horizon scan radar$/);
  assert.ok(await page.isVisible('#present-screen svg.radar-svg'));
  const radarFits = await page.$eval('#presentation', (el) => el.scrollHeight <= el.clientHeight);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'present-radar-1280x720.png') });
  assert.ok(radarFits, 'the radar fits the screen');
  // The radar's numbers as drawn on the projector: the SVG is scaled to the screen.
  const markPx = await page.$eval('#present-screen .mark-number', (el) => el.getBoundingClientRect().height);
  console.log(`metric: present_radar_number_px ${markPx.toFixed(1)}`);
  await page.keyboard.press('PageDown');
  assert.match(await counter(page), /^8 of 17: Likelihood × impact grid$/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'present-grid-1280x720.png') });
  await page.keyboard.press('PageDown');
  assert.match(await counter(page), /^9 of 17: Suggestion 1 of 8$/);
  assert.match(await page.textContent('#present-screen h1'), /^Add Safeguarding$/);
  assert.ok((await fontPx(page, '.present-rationale')) >= 28);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'present-suggestion-1280x720.png') });
  await page.keyboard.press('PageUp');
  assert.match(await counter(page), /^8 of 17/);

  // B blanks the screen and brings it back; the place is kept.
  await page.keyboard.press('b');
  assert.equal(await page.isHidden('#present-screen'), true, 'blank');
  await page.keyboard.press('b');
  assert.equal(await page.isVisible('#present-screen'), true);
  assert.match(await counter(page), /^8 of 17/);

  await page.keyboard.press('End');
  assert.match(await counter(page), /^17 of 17: Proposed focus areas$/);
  assert.match(await page.textContent('#present-screen'), /Serious & Organised Crime — Consolidated/);

  // Every screen passes axe.
  await page.keyboard.press('Home');
  for (let i = 0; i < total; i += 1) {
    const violations = await app.axe({ tags: WCAG_TAGS });
    assert.equal(violations.length, 0, `${await counter(page)}: ${describeViolations(violations)}`);
    await page.keyboard.press('PageDown');
  }

  // Esc leaves for the Review view, with the work as it was.
  await page.keyboard.press('Escape');
  await page.waitForSelector('main#main[data-view="review"]');
  assert.equal(await page.locator('#suggestions li.suggestion').count(), 8);
  app.assertNoErrors();
});

test('present: the type grows on a 1920 × 1080 screen', async (t) => {
  const app = await openSettled(t, { viewport: { width: 1920, height: 1080 } });
  await go(app.page, 'present');
  const px = await fontPx(app.page, '.present-screen p');
  assert.ok(px >= 40, `body text ${px} px at 1920 wide`);
  app.assertNoErrors();
});

// A facilitator puts the slides on the whole projector with one key or button, not the
// browser's F11: F, or "Full screen"; Esc (the browser's own key for it) takes them off
// and a second Esc leaves presentation mode.
test('present: F or the Full screen button puts the presentation on the whole screen', async (t) => {
  const app = await openSettled(t, { viewport: { width: 1280, height: 720 } });
  const { page } = app;
  await go(page, 'present');
  const full = () => page.evaluate(() => document.fullscreenElement?.id ?? null);
  assert.equal(await page.textContent('#present-full-screen'), 'Full screen');
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement?.id === 'presentation');
  await page.waitForFunction(() => document.getElementById('present-full-screen').textContent === 'Leave full screen');
  assert.equal(await focusedId(page), 'presentation', 'the keys stay with the stage');
  await page.keyboard.press('PageDown');
  assert.match(await counter(page), /^2 of 17/, 'the presenter keys still work on the whole screen');
  await page.click('#present-full-screen');
  await page.waitForFunction(() => document.fullscreenElement === null);
  assert.equal(await page.textContent('#present-full-screen'), 'Full screen');
  await page.click('#present-full-screen');
  await page.waitForFunction(() => document.fullscreenElement?.id === 'presentation');
  const violations = await app.axe({ tags: WCAG_TAGS });
  assert.equal(violations.length, 0, describeViolations(violations));
  // Esc takes the whole screen off and stays in the presentation; the next Esc would leave.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.fullscreenElement === null);
  assert.match(await counter(page), /^2 of 17/);
  await page.click('#present-full-screen');
  await page.waitForFunction(() => document.fullscreenElement?.id === 'presentation');
  // Leave goes back to the Review view, and the whole screen goes with it.
  await page.click('#present-leave');
  await page.waitForSelector('main#main[data-view="review"]');
  assert.equal(await full(), null);
  app.assertNoErrors();
});
