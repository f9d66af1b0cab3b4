// Helpers for driving Horizon itself in browser tests (harness.mjs opens the page;
// these speak the app's own language: its views, its evaluation, its focus).
//
//   import { openSettled, settled, go, focusedId, shot, suggestions } from './app-helpers.mjs';
//
//   openSettled(t, options) → Promise<App>
//       openServed(t, options), then waits until the app has started and its first
//       evaluation is on screen.
//   settled(page)       waits until the suggestions shown are for the latest edit
//                       (#eval-time: nothing pending, the evaluated revision is the current one)
//   go(page, view)      clicks the nav link to `view` ('review', 'matrix', 'context', 'data', …)
//                       and waits for <main data-view="view">
//   focusedId(page)     the id of the focused element ('' when it has none)
//   shot(locator, name) scrolls `locator` into view and saves a screenshot of it alone as
//                       tests/browser/screenshots/<name>.png, beside the tests' full-page ones
//   suggestions(page)   the Review view's suggestions, in order: [{ headline, kind, tag, score }]

import path from 'node:path';
import { openServed, SCREENSHOTS } from './harness.mjs';

export async function openSettled(t, options) {
  const app = await openServed(t, options);
  await app.ready();
  await settled(app.page);
  return app;
}

export async function settled(page) {
  await page.waitForFunction(() => {
    const e = document.querySelector('#eval-time');
    return e && e.dataset.pending === 'false' && e.dataset.evaluatedRevision === e.dataset.revision;
  });
}

export async function go(page, view) {
  await page.click(`#nav-${view}`);
  await page.waitForSelector(`main#main[data-view="${view}"]`);
}

export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

export async function shot(locator, name) {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export async function suggestions(page) {
  await page.waitForSelector('#suggestions li.suggestion');
  return page.$$eval('#suggestions li.suggestion', (items) =>
    items.map((li) => ({
      headline: li.querySelector('h3.headline').textContent.trim(),
      kind: li.dataset.kind,
      tag: li.querySelector('.kind').textContent.trim(),
      score: Number(li.dataset.score),
    })),
  );
}
