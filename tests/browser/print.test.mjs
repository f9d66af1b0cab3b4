// Printing (www/print.css): the Review and Matrix views printed to PDF by headless
// Chromium, as an officer would print them. A4, the matrix on landscape pages and
// never cut off (also with 13 district columns), evidence printed open, the page's
// chrome left out. The PDFs are kept in tests/browser/screenshots/ to look at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, SCREENSHOTS } from './harness.mjs';
import { openSettled, settled, go } from './app-helpers.mjs';

/** Each page's [width, height] in points, from the PDF's /MediaBox entries. */
function pageSizes(pdf) {
  const text = pdf.toString('latin1');
  const pages = text.split(/\/Type\s*\/Page(?!s)/).slice(1);
  return pages.map((p) => {
    const m = p.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/) ??
      text.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/);
    return [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])];
  });
}

const A4 = [595.3, 841.9];
const near = (a, b) => Math.abs(a - b) < 2;

async function printed(page, name) {
  const pdf = await page.pdf({ preferCSSPageSize: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(path.join(SCREENSHOTS, `${name}.pdf`), pdf);
  const sizes = pageSizes(pdf);
  console.log(`metric: ${name}-pages=${sizes.length}`);
  return sizes;
}

test('print: the Review view prints on A4 portrait pages with its evidence open and no buttons', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  // In print, closed <details> show their contents and the page's chrome is gone.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.suggestion .evidence li').first().isVisible(), 'evidence prints open');
  for (const hidden of ['nav.views', '#export-docx', '.statusbar', '.masthead']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  // page.pdf() prints with print media unless told otherwise: back to no emulation.
  await page.emulateMedia({ media: null });

  // Printing opens every closed <details> and closes them again after.
  const closed = await page.locator('main details:not([open])').count();
  assert.ok(closed > 0);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.locator('.suggestion details:not([open])').count(), 0, 'all open for printing');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.locator('main details:not([open])').count(), closed, 'closed again after');

  const sizes = await printed(page, 'print-review');
  // Kent's eight suggestions with their score parts and every list of evidence open,
  // then the changes not suggested: 13 pages in Chromium 156.
  assert.ok(sizes.length >= 2 && sizes.length <= 15, `the Review prints on ${sizes.length} pages`);
  for (const [w, h] of sizes) assert.ok(near(w, A4[0]) && near(h, A4[1]), `an A4 portrait page, not ${w} × ${h}`);
  app.assertNoErrors();
});

test('print: the Matrix view prints on landscape pages, every district column on the page', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'matrix');
  const sizes = await printed(page, 'print-matrix');
  assert.ok(sizes.length === 1, `Kent's matrix prints on one landscape page, not ${sizes.length}`);
  for (const [w, h] of sizes) assert.ok(near(w, A4[1]) && near(h, A4[0]), `an A4 landscape page, not ${w} × ${h}`);
  app.assertNoErrors();
});

test('print: a matrix of 13 districts still fits the landscape page width', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  const kent = JSON.parse(await readFile(path.join(ROOT, 'scenarios/kent-2016.json'), 'utf8'));
  kent.districts.push({ id: 'medway-test', name: 'Medway (for comparison)' }, { id: 'gravesham-test', name: 'Gravesham (separately)' });
  kent.matrix[0].cells['medway-test'] = 'main';
  kent.matrix[1].cells['gravesham-test'] = 'issue';
  await go(page, 'data');
  await page.setInputFiles('#open-file', { name: 'kent-13.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(kent)) });
  await settled(page);
  await go(page, 'matrix');
  assert.equal(await page.locator('#matrix thead th.district-col').count(), 13);

  // Laid out at the printable width of landscape A4 (297 mm less 20 mm of margins),
  // the table ends inside the page: nothing is cut off at the right.
  await page.setViewportSize({ width: Math.floor((277 / 25.4) * 96), height: 700 });
  await page.emulateMedia({ media: 'print' });
  const { right, width } = await page.evaluate(() => ({
    right: document.querySelector('#matrix').getBoundingClientRect().right,
    width: document.documentElement.clientWidth,
  }));
  assert.ok(right <= width + 1, `the matrix ends at ${right}px of a ${width}px page`);
  // page.pdf() prints with print media unless told otherwise: back to no emulation.
  await page.emulateMedia({ media: null });

  const sizes = await printed(page, 'print-matrix-13');
  assert.ok(sizes.length <= 3, `the matrix prints on ${sizes.length} pages`);
  for (const [w, h] of sizes) assert.ok(w > h, 'landscape');
  app.assertNoErrors();
});

// A matrix wider than the screen draws only the columns in view (matrix_window.rs); printed,
// it is drawn whole, every district's cells in every row, and after printing it goes back.
test('print: a matrix of 59 districts is printed with every cell, not only the columns in view', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  const kent = JSON.parse(await readFile(path.join(ROOT, 'scenarios/kent-2016.json'), 'utf8'));
  for (let i = 0; i < 48; i++) kent.districts.push({ id: `extra-${i}`, name: `Extra district ${i + 1}` });
  const districts = kent.districts.length;
  kent.matrix[0].cells['extra-47'] = 'main';
  await go(page, 'data');
  await page.setInputFiles('#open-file', { name: 'kent-59.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(kent)) });
  await settled(page);
  await go(page, 'matrix');
  const themes = kent.themes.length;
  const cells = () => page.locator('#matrix button.cell-button').count();
  await page.waitForFunction(() => !document.getElementById('matrix').hasAttribute('aria-busy'));
  const onScreen = await cells();
  assert.ok(onScreen < districts * themes, `on screen, only the columns in view are drawn: ${onScreen} cells`);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await cells(), districts * themes, 'printing, every cell is drawn');
  assert.equal(await page.locator('#matrix td.matrix-gap').count(), 0, 'and no empty stand-in cells');
  assert.equal(await page.getAttribute(`#matrix tr[data-theme="${kent.matrix[0].theme}"] button[data-district="extra-47"]`, 'data-level'), 'main');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction((n) => document.querySelectorAll('#matrix button.cell-button').length === n, onScreen);
  app.assertNoErrors();
});
