// The Word report from the page: "Download Word report" on the Review view gives a
// .docx (made by horizon-docx, the crate the CLI uses) whose document names the
// proposed focus areas and says which snapshot it was made from; after a matrix cell
// is edited, it says how the inputs differ from the Baseline.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { openSettled, settled, go } from './app-helpers.mjs';

/** One file out of a zip archive (stored or deflated), found by its central directory. */
export function zipEntry(bytes, name) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, 'a zip file has an end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const entry = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entry === name) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} is not in the zip`);
}

/** The text a reader sees: every w:t run of the document, paragraphs on their own lines. */
function wordText(xml) {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((p) => p)
    .join('\n')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"');
}

async function downloadReport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-docx')]);
  const name = download.suggestedFilename();
  assert.match(name, /^horizon-review-\d{4}-\d{2}-\d{2}\.docx$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip file');
  assert.match(await page.textContent('#status'), new RegExp(`The Word report was downloaded as ${name.replace('.', '\\.')}`));
  return { name, bytes, text: wordText(zipEntry(bytes, 'word/document.xml')) };
}

test('Word report: the download names the proposed focus areas and the snapshot it was made from', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  const proposed = await page.$$eval('#proposed tbody tr', (rows) => rows.map((r) => r.textContent));
  const { name, bytes, text } = await downloadReport(page);
  console.log(`metric: docx-bytes=${bytes.length}`);
  assert.match(text, /^Suggested changes to Kent Community Safety Agreement 2014-17$/m);
  for (const focusArea of ['Serious & Organised Crime', 'Safeguarding', 'Domestic Abuse', 'Anti-Social Behaviour', 'Substance Misuse', 'Road Safety']) {
    assert.ok(text.includes(focusArea), `${focusArea} is in the report`);
  }
  assert.ok(proposed.length === 6, 'the page shows the same six proposed focus areas');
  const date = name.match(/(\d{4})-(\d{2})-(\d{2})/);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  assert.match(text, new RegExp(`^Date of this report: ${Number(date[3])} ${months[Number(date[2]) - 1]} ${date[1]}$`, 'm'));
  assert.match(text, /^Made from: the snapshot “Baseline”, unchanged$/m);
  assert.match(text, /^Baseline: the inputs are the same as the Baseline snapshot$/m);
  assert.match(text, /^Priority matrix$/m);
  // Heading styles, not just bold text: Word's own Heading 1 for each section.
  const xml = zipEntry(bytes, 'word/document.xml');
  assert.equal((xml.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length, 6, "Summary, Suggested changes, Conflicts, Changes not suggested, Priority matrix, Appendix");
  app.assertNoErrors();
});

test('Word report: after a matrix cell is edited, the report says how it differs from the Baseline', async (t) => {
  const app = await openSettled(t);
  const { page } = app;
  await go(page, 'matrix');
  const cell = page.locator('.cell-button[data-level="main"]').first();
  const district = await cell.getAttribute('data-district');
  const theme = await cell.getAttribute('data-theme');
  const label = await cell.getAttribute('aria-label');
  const [districtName, themeName] = label.split(':')[0].split(' — ');
  await cell.click();
  await settled(page);
  assert.equal(await page.getAttribute(`.cell-button[data-district="${district}"][data-theme="${theme}"]`, 'data-level'), 'subsidiary');
  await go(page, 'review');
  await settled(page);
  const { text } = await downloadReport(page);
  assert.match(text, /^Made from: the working copy, changed since the snapshot “Baseline”$/m);
  assert.match(text, /^Baseline: the inputs differ from the Baseline snapshot in one way:$/m);
  assert.ok(
    text.includes(`${districtName} — ${themeName}: named main priority → subsidiary priority or cross-cutting theme`),
    `the difference is said in names:\n${text.split('\n').slice(0, 12).join('\n')}`,
  );
  // The Markdown says the same: a pasted what-if never passes for the baseline.
  await page.locator('section.export details summary').click();
  const md = await page.inputValue('#export-text');
  assert.match(md, /^- \*\*Made from:\*\* the working copy, changed since the snapshot “Baseline”$/m);
  assert.match(md, /^- \*\*Baseline:\*\* the inputs differ from the Baseline snapshot in one way:$/m);
  assert.match(md, /^- \*\*Date of this report:\*\* \d{1,2} [A-Z][a-z]+ \d{4}$/m);
  assert.ok(md.indexOf('### Proposed focus areas') < md.indexOf('### Suggested changes'), 'the answer first');
  app.assertNoErrors();
});
