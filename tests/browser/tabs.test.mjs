// Two tabs of one browser on the same saved work, and a browser whose storage is full
// (issue 11, part 7). Nothing is overwritten silently: the tab whose saved work
// changed under it stops saving and asks; the full browser offers the whole project
// as a file.
//
//   #other-tab                 the banner of a tab whose saved work another tab changed
//   #other-tab-keep            take up the other tab's work, keeping this tab's as a snapshot
//   #other-tab-reload          take up the other tab's work, discarding this tab's
//   #notice-save-project       a banner's offer to save the whole project to a file

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openServed } from './harness.mjs';
import { settled, go } from './app-helpers.mjs';

const SAVE_KEY = 'horizon.autosave.v1';

async function cycle(page, district, theme) {
  await go(page, 'matrix');
  const cell = page.locator(`#matrix tr[data-theme="${theme}"] button.cell-button[data-district="${district}"]`);
  const before = await cell.getAttribute('data-level');
  await cell.click();
  await page.waitForFunction(
    ({ district, theme, before }) =>
      document.querySelector(`#matrix tr[data-theme="${theme}"] button.cell-button[data-district="${district}"]`)?.dataset.level !== before,
    { district, theme, before },
  );
  await settled(page);
  return page.evaluate(({ district, theme }) =>
    document.querySelector(`#matrix tr[data-theme="${theme}"] button.cell-button[data-district="${district}"]`).dataset.level,
    { district, theme });
}

const saved = (page) => page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);

test('two tabs: a change in one stops the other saving; it asks, and keeps its own work as a snapshot', async (t) => {
  const first = await openServed(t);
  await first.ready();
  await settled(first.page);
  // A second tab of the same browser (one context shares one localStorage).
  const second = await first.context.newPage();
  const errors = [];
  second.on('pageerror', (e) => errors.push(String(e)));
  await second.goto(first.url, { waitUntil: 'load' });
  await settled(second);

  // The second tab changes a cell: its save reaches the first tab, which had older work.
  const level = await cycle(second, 'ashford', 'gangs');
  const banner = first.page.locator('#other-tab');
  await banner.waitFor({ timeout: 5000 });
  assert.match(await banner.innerText(), /changed in another tab/);
  assert.match(await banner.innerText(), /stopped saving/);
  // The second tab hears that the first stopped, and says so.
  const told = second.locator('#notices .notice', { hasText: 'also open in another tab' });
  await told.waitFor({ timeout: 5000 });

  // The first tab changes something else: it does not overwrite the second tab's save.
  const afterSecond = await saved(first.page);
  await cycle(first.page, 'dover', 'gangs');
  assert.equal(await saved(first.page), afterSecond, 'the first tab wrote nothing over the second tab\'s work');
  assert.match(await first.page.locator('footer').innerText(), /not being saved in this browser while another tab/);
  await first.screenshot('two-tabs-banner');

  // Keep: the first tab now shows the second tab's work, and its own as a snapshot.
  await first.page.click('#other-tab-keep');
  await banner.waitFor({ state: 'detached' });
  await settled(first.page);
  await go(first.page, 'matrix');
  assert.equal(
    await first.page.locator('#matrix tr[data-theme="gangs"] button.cell-button[data-district="ashford"]').getAttribute('data-level'),
    level,
  );
  const project = JSON.parse(await saved(first.page));
  const names = project.snapshots.map((s) => s.name);
  assert.ok(names.includes('Work kept from a second tab'), names.join(', '));
  // Focus stays on something the user can act on, not the page body.
  assert.notEqual(await first.page.evaluate(() => document.activeElement?.tagName), 'BODY');

  // The second tab takes up the first tab's snapshot quietly: same work, no banner.
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await second.locator('#other-tab').count(), 0);
  await cycle(second, 'thanet', 'gangs');
  const after = JSON.parse(await saved(second));
  assert.ok(after.snapshots.some((s) => s.name === 'Work kept from a second tab'), 'the second tab did not drop the kept snapshot');
  assert.deepEqual(errors, []);
  first.assertNoErrors();

  const violations = await first.axe();
  assert.deepEqual(violations.map((v) => v.id), []);
});

test('storage full: the banner offers the whole project as a file, rules and settings included', async (t) => {
  const app = await openServed(t);
  await app.ready();
  await settled(app.page);
  // Fill this origin's storage to the last character.
  await app.page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler.${n++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  // A rule's code is changed and a cell too: neither can be saved in the browser now.
  await go(app.page, 'rules');
  await app.page.click('button.rule-pick[data-rule="retain-supported-focus-areas"]');
  const code = `// kept only in the project file\n${await app.page.inputValue('#rule-code')}`;
  await app.page.fill('#rule-code', code);
  await settled(app.page);
  await cycle(app.page, 'ashford', 'gangs');
  const notice = app.page.locator('#notices .notice', { hasText: 'not being saved' });
  await notice.waitFor();
  await app.screenshot('storage-full-notice');
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('#notice-save-project')]);
  assert.equal(download.suggestedFilename(), 'horizon-project.json');
  const project = JSON.parse(await readFile(await download.path(), 'utf8'));
  const text = JSON.stringify(project);
  assert.ok(text.includes('// kept only in the project file'), 'the edited rule is in the file');
  assert.ok(text.includes('"ashford"'), 'the scenario is in the file');
  assert.match(await app.page.locator('#status').innerText(), /saved to your downloads/);
  await app.page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k);
  });
  app.assertNoErrors();
});
