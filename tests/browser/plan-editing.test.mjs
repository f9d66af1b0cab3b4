// Editing the plan, themes and districts in the page (issue 6, "Edit everything in the
// page"), in headless Chromium on the built app. Each test leaves a screenshot in
// tests/browser/screenshots/ (the harness takes it when the test ends).
//
// Selectors these tests rely on (kept stable in crates/web):
//   #nav-<view>                               the navigation links
//   #focus-area-<id>-edit|-up|-down           a focus area's Change / Move buttons
//   #focus-area-row-<id>                      a focus area's row (focused after adding)
//   #add-focus-area, #focus-area-new-*, #focus-area-edit-*   the focus-area forms
//   #change-plan, #plan-*                     the plan's details and their form
//   #proposed                                 the Review view's proposed focus areas
//   #district-new-name, #district-row-<id>    add a district; its row
//   #theme-row-<id>, #group-row-<id>          a theme's / a theme group's row
//   #matrix button.cell-button                a matrix cell: data-district, data-theme, data-level
//   #status                                   the status line
//   .error-summary                            a form's error summary

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSettled, settled, go, focusedId, shot } from './app-helpers.mjs';

const focusAreaNames = (page) =>
  page.$$eval('#focus-area-list .plan-item-name', (xs) => xs.map((x) => x.textContent.trim()));
const proposedNames = (page) =>
  page.$$eval('#proposed tbody th .fa-name', (xs) => xs.map((x) => x.textContent.trim()));

test('plan: rename a focus area and add one, and the proposed plan changes', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'review');
  const before = await proposedNames(page);
  assert.ok(before.includes('Road Safety'), `proposed before: ${before.join(' | ')}`);

  await go(page, 'plan');
  await page.click('#focus-area-road-safety-edit');
  assert.equal(await focusedId(page), 'focus-area-edit-name', 'the form opens on its name');
  await page.fill('#focus-area-edit-name', 'Road and Fire Safety');
  await page.check('#focus-area-edit-theme-preventing-fires');
  await page.click('#focus-area-edit-heading >> xpath=.. >> button[type=submit]');
  await settled(page);
  assert.equal(await focusedId(page), 'focus-area-road-safety-edit', 'focus returns to the Change button');
  assert.match(await page.textContent('#status'), /Focus area “Road Safety” renamed to “Road and Fire Safety”\./);
  assert.match(
    await page.textContent('#focus-area-row-road-safety .plan-item-themes'),
    /Themes: Road Safety, Preventing Fires/,
  );

  await page.click('#add-focus-area');
  await page.fill('#focus-area-new-name', 'Hate Crime');
  await page.check('#focus-area-new-theme-emerging-communities');
  await page.click('button:has-text("Add the focus area")');
  await settled(page);
  assert.equal(await focusedId(page), 'focus-area-row-hate-crime', 'focus goes to the new row');
  assert.deepEqual((await focusAreaNames(page)).slice(-2), ['Acquisitive Crime', 'Hate Crime']);
  assert.match(await page.textContent('#focus-area-row-hate-crime'), /Themes: Emerging & Changing Communities/);

  await go(page, 'review');
  await page.waitForSelector('#proposed');
  const after = await proposedNames(page);
  assert.ok(after.includes('Road and Fire Safety'), `proposed after: ${after.join(' | ')}`);
  assert.ok(after.includes('Hate Crime'), `proposed after: ${after.join(' | ')}`);
  assert.ok(!after.includes('Road Safety'), 'the old name is gone from the proposed plan');
  const hate = await page
    .locator('#proposed tbody tr', { has: page.locator('th .fa-name', { hasText: /^Hate Crime$/ }) })
    .textContent();
  assert.match(hate, /Emerging & Changing Communities/);
  app.assertNoForeignRequests();
  app.assertNoErrors();
});

test('plan: reorder focus areas with the keyboard, and the focus stays on the moved button', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'plan');
  await page.focus('#focus-area-road-safety-up');
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(await focusedId(page), 'focus-area-road-safety-up');
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(await focusedId(page), 'focus-area-road-safety-up');
  assert.deepEqual((await focusAreaNames(page)).slice(0, 3), ['Domestic Abuse', 'Road Safety', 'Anti-Social Behaviour']);
  assert.match(await page.textContent('#status'), /Focus area “Road Safety” moved to position 2\./);
  // At the top, Move up does nothing and says so to assistive technology.
  assert.equal(await page.getAttribute('#focus-area-domestic-abuse-up', 'aria-disabled'), 'true');
  app.assertNoErrors();
});

test('plan: a refused save shows an error summary and keeps what was typed', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'plan');
  await page.click('#focus-area-violent-crime-edit');
  await page.fill('#focus-area-edit-name', 'domestic abuse');
  await page.click('#focus-area-edit-heading >> xpath=.. >> button[type=submit]');
  const summary = page.locator('form .error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.match(await summary.textContent(), /Another focus area is already called "domestic abuse"\./);
  assert.equal(await summary.locator('a').getAttribute('href'), '#focus-area-edit-name');
  assert.equal(await page.inputValue('#focus-area-edit-name'), 'domestic abuse', 'the input is kept');
  assert.match(await page.textContent('#focus-area-edit-name-error'), /already called/);
  await app.screenshot('plan-refused-save-error-summary');
  await summary.locator('a').click();
  assert.equal(await focusedId(page), 'focus-area-edit-name');

  // The plan becomes a district plan: the district choice appears only then.
  await page.click('#focus-area-edit-heading >> xpath=.. >> button:has-text("Cancel")');
  await page.click('#change-plan');
  assert.equal(await page.locator('#plan-district').count(), 0);
  await page.check('#plan-kind-district');
  await page.selectOption('#plan-district', 'thanet');
  await app.screenshot('plan-details-form-district-plan');
  // The county agreement cannot become a district plan: district plans are read against it.
  await page.click('button:has-text("Save the plan\'s details")');
  await page.locator('form .error-summary').waitFor();
  assert.match(await page.textContent('form .error-summary'), /read against the county agreement, and the scenario has none/);
  await page.click('button:has-text("Cancel")');
  assert.equal(await focusedId(page), 'change-plan');
  // Thanet's own plan, chosen as the plan under review, is Thanet's district plan.
  await page.selectOption('#plan-under-review', 'thanet');
  await page.waitForFunction(() => /Thanet/.test(document.querySelector('#plan-district')?.textContent ?? ''));
  await settled(page);
  assert.equal((await page.textContent('#plan-district')).trim(), 'Thanet');
  await go(page, 'matrix');
  assert.match(await page.textContent('#matrix th.own-district'), /Thanet/);
  app.assertNoErrors();
});

test('matrix: add a district and fill two of its cells', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'matrix');
  await page.fill('#district-new-name', 'Medway');
  await page.click('button:has-text("Add the district")');
  await settled(page);
  assert.equal(await focusedId(page), 'district-row-medway');
  assert.match(await page.textContent('#status'), /District “Medway” added\./);
  assert.equal(await page.inputValue('#district-new-name'), '', 'the add field is ready for another');

  const headers = await page.$$eval('#matrix thead th.district-col', (xs) => xs.map((x) => x.textContent.trim()));
  assert.equal(headers.at(-1), 'Medway');
  const cells = page.locator('#matrix button.cell-button[data-district="medway"]');
  assert.equal(await cells.count(), 25, 'one empty cell per theme');
  const da = page.locator('#matrix button.cell-button[data-district="medway"][data-theme="domestic-abuse"]');
  const gangs = page.locator('#matrix button.cell-button[data-district="medway"][data-theme="gangs"]');
  const daCount = Number(await page.textContent('#matrix tr[data-theme="domestic-abuse"] td.count'));
  await da.click();
  await settled(page);
  await gangs.click();
  await settled(page);
  await gangs.click();
  await settled(page);
  assert.equal(await da.getAttribute('data-level'), 'main');
  assert.equal(await gangs.getAttribute('data-level'), 'subsidiary');
  assert.equal(Number(await page.textContent('#matrix tr[data-theme="domestic-abuse"] td.count')), daCount + 1);
  assert.match(await page.textContent('#status'), /Medway — Gangs: now subsidiary priority/);
  assert.match(await page.textContent('#district-row-medway'), /2 filled cells/);

  // Its removal says how many cells go with it.
  await page.click('#district-row-medway button:has-text("Remove")');
  assert.match(
    await page.textContent('#district-row-medway .confirm-question'),
    /Remove the district “Medway”\? Its column in the matrix, with 2 filled cells, goes with it\./,
  );
  await page.click('#district-row-medway button:has-text("Cancel")');
  await page.evaluate(() => window.scrollTo(0, 0)); // the matrix's sticky header, where it belongs
  app.assertNoErrors();
});

test('matrix: remove a theme and read the status message', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'matrix');
  const cells = await page.$$eval('#matrix tr[data-theme="gangs"] button[data-level]:not([data-level="none"])', (xs) => xs.length);
  await page.click('#theme-row-gangs button:has-text("Remove")');
  const question = await page.textContent('#theme-row-gangs .confirm-question');
  await shot(page.locator('#theme-row-gangs'), 'matrix-remove-theme-question');
  assert.match(question, new RegExp(`^Remove the theme “Gangs”\\? Its ${cells} matrix cells`));
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Yes, remove it', 'focus is on Yes');
  await page.click('#theme-row-gangs button:has-text("Yes, remove it")');
  await settled(page);
  const status = await page.textContent('#status');
  assert.match(status, new RegExp(`^Theme “Gangs” removed, with its ${cells} matrix cells`));
  assert.equal(await page.locator('#matrix tr[data-theme="gangs"]').count(), 0);
  assert.equal(await focusedId(page), 'add-theme');
  app.assertNoErrors();
});

test('matrix: rename and merge themes, and a group that holds themes is not removed', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'matrix');
  await page.click('#theme-gangs-change');
  await page.fill('#theme-edit-name', 'Gangs and county lines');
  await page.selectOption('#theme-edit-group', 'safeguarding');
  await page.click('button:has-text("Save the theme")');
  await settled(page);
  assert.equal(await focusedId(page), 'theme-gangs-change');
  assert.match(await page.textContent('#theme-row-gangs'), /Also called: Gangs/);
  assert.match(await page.textContent('#status'), /renamed to “Gangs and county lines”; the old name is kept as an alias/);

  await page.click('#theme-violent-crime-merge');
  await page.click('button:has-text("Continue")');
  assert.match(await page.textContent('form .error-summary'), /Choose the theme to merge “Violent Crime” into/);
  await page.selectOption('#theme-merge-into', 'serious-organised-crime');
  await page.click('button:has-text("Continue")');
  assert.match(
    await page.textContent('#theme-merge-what'),
    /“Violent Crime” will be merged into “Serious & Organised Crime”\. Its \d+ matrix cells move/,
  );
  await shot(page.locator('form:has(#theme-merge-into)'), 'matrix-merge-confirmation');
  await page.click('button:has-text("Yes, merge them")');
  await settled(page);
  assert.match(await page.textContent('#status'), /Theme “Violent Crime” merged into “Serious & Organised Crime”/);
  assert.match(await page.textContent('#theme-row-serious-organised-crime'), /Violent Crime/);

  await page.click('#group-row-crime button:has-text("Remove")');
  await page.click('#group-row-crime button:has-text("Yes, remove it")');
  const refusal = page.locator('#group-row-crime .refusal');
  await refusal.waitFor();
  await shot(page.locator('#group-row-crime'), 'matrix-group-removal-refused');
  assert.match(await refusal.textContent(), /The theme group “Crime” still holds \d+ themes: .*Move them to another group or remove them first\./);
  app.assertNoErrors();
});
