// Claims across the library: a generated 30-article workspace imported through the UI, the
// view opened from the toolbar, filtered by an entity and a date range (the count checked
// against one worked out here, in JS, from the file alone), sorted, downloaded as CSV and
// JSON, and a row followed to its claim in another document.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh } from './helpers.mjs';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const FROM = '2024-06-01';
const TO = '2024-11-30';

/** Writes the generated workspace with the repository's generator. */
function generate(out) {
  execFileSync('cargo', ['run', '--quiet', '--locked', '--example', 'generate_library', '--', out, '--count', '30', '--seed', '14'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

// ---- The expected rows, from the file alone --------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const day = (y, m, d) => new Date(Date.UTC(y, m, d));
const iso = (date) => date.toISOString().slice(0, 10);
const addDays = (date, n) => new Date(date.getTime() + n * 86_400_000);
const monthPeriod = (y, m) => [day(y, m, 1), day(y, m + 1, 0)];

/** The period (first and last day) a generated date phrase means in an article of `published`. */
function period(quote, published) {
  const p = new Date(`${published}T00:00:00Z`);
  let m;
  if (quote === 'yesterday') return [addDays(p, -1), addDays(p, -1)];
  if (quote === 'last week') {
    const d = addDays(p, -7);
    const monday = addDays(d, -((d.getUTCDay() + 6) % 7));
    return [monday, addDays(monday, 6)];
  }
  if (quote === 'last month') return monthPeriod(p.getUTCFullYear(), p.getUTCMonth() - 1);
  if (WEEKDAYS.includes(quote)) {
    // The latest such weekday before publication.
    let d = addDays(p, -1);
    while (WEEKDAYS[d.getUTCDay()] !== quote) d = addDays(d, -1);
    return [d, d];
  }
  if ((m = quote.match(/^the end of (\d{4})$/))) return [day(+m[1], 0, 1), day(+m[1], 11, 31)];
  if ((m = quote.match(/^(\w+) (\d{4})$/))) return monthPeriod(+m[2], MONTHS.indexOf(m[1]));
  if ((m = quote.match(/^(\w+) (\d+), (\d{4})$/))) { const d = day(+m[3], MONTHS.indexOf(m[1]), +m[2]); return [d, d]; }
  if ((m = quote.match(/^(\d+) (\w+) (\d{4})$/))) { const d = day(+m[3], MONTHS.indexOf(m[2]), +m[1]); return [d, d]; }
  if ((m = quote.match(/^(\w+) (\d+)$/))) {
    // The latest such day not after publication.
    let d = day(p.getUTCFullYear(), MONTHS.indexOf(m[1]), +m[2]);
    if (d > p) d = day(p.getUTCFullYear() - 1, MONTHS.indexOf(m[1]), +m[2]);
    return [d, d];
  }
  throw new Error(`a date phrase this test does not know: ${quote}`);
}

/** Every claim of the workspace with its actor names and date periods. */
function claimsOf(workspace) {
  return workspace.documents.flatMap((file) => {
    const byId = new Map(file.annotations.map((a) => [a.id, a]));
    const linked = (claim, role) => file.relations.filter((r) => r.claim === claim.id && r.role === role).map((r) => byId.get(r.annotation));
    const name = (actor) => actor.entity?.name ?? actor.quote;
    return file.annotations.filter((a) => a.label === 'claim').map((claim) => ({
      document: file.document,
      claim,
      sources: linked(claim, 'source').map(name),
      targets: linked(claim, 'target').map(name),
      periods: linked(claim, 'when').map((d) => period(d.quote, file.document.published)),
    }));
  });
}

/** A minimal RFC 4180 reader: quoted cells may hold commas, quotes and line breaks. */
function readCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  expect(cell + row.join(''), 'the file ends with a line end').toBe('');
  return rows;
}

/** The first day of a date value as the table shows it (a day, a month, an ISO week). */
function valueStart(value) {
  let m;
  if ((m = value.match(/^(\d{4})-W(\d{2})/))) {
    const jan4 = day(+m[1], 0, 4);
    return iso(addDays(jan4, -((jan4.getUTCDay() + 6) % 7) + (+m[2] - 1) * 7));
  }
  if ((m = value.match(/^\d{4}-\d{2}-\d{2}/))) return m[0];
  if ((m = value.match(/^\d{4}-\d{2}/))) return `${m[0]}-01`;
  throw new Error(`not a date value of this library: ${value}`);
}

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

test('claims across a 30-article library: filter, count, sort, download and jump', async ({ page }, info) => {
  test.setTimeout(240_000);
  const workspace = generate(info.outputPath('library.json'));
  const all = claimsOf(workspace);
  const [from, to] = [new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T23:59:59Z`)];
  const inRange = all.filter((c) => c.periods.some(([first, last]) => first >= from && last <= to));
  const about = (claims, needle) => claims.filter((c) => [...c.sources, ...c.targets].some((n) => n.toLowerCase().includes(needle)));
  // The entity (typed in lower case) that speaks or is spoken of most in the range.
  const names = [...new Set(all.flatMap((c) => [...c.sources, ...c.targets]))].map((n) => n.toLowerCase());
  const entity = names.reduce((best, n) => (about(inRange, n).length > about(inRange, best).length ? n : best));
  const expected = about(inRange, entity);
  const expectedDocs = new Set(expected.map((c) => c.document.id));
  expect(expected.length, 'the filter keeps some claims, not all').toBeGreaterThan(3);
  expect(expected.length, 'one page holds them').toBeLessThan(Math.min(100, all.length / 4));

  await openFresh(page);
  await page.locator('input[type=file]').first().setInputFiles(info.outputPath('library.json'));
  await expect(page.getByRole('status').first()).toContainText('30 documents added');

  // Opened from the toolbar; its name starts with what it shows.
  const opener = page.getByRole('button', { name: /^Library claims/ });
  await expect(opener).toHaveText('Library claims');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Claims across the library' });
  const count = dialog.locator('.collection-count');
  await expect(count).toHaveText(`${all.length} claims in 30 documents`);
  // The built-in article, the 31st document, has no claims in a fresh browser.

  await dialog.getByLabel('Entity or actor').fill(entity);
  await dialog.getByLabel('From', { exact: true }).fill(FROM);
  await dialog.getByLabel('To', { exact: true }).fill(TO);
  await expect(count).toHaveText(`${expected.length} claims in ${expectedDocs.size} documents (of ${all.length} claims in 30 documents)`);
  const rows = dialog.locator('tbody tr');
  await expect(rows).toHaveCount(expected.length);

  // A bad bound says what to write; fixing it brings the rows back.
  await dialog.getByLabel('To', { exact: true }).fill('2024-13');
  await expect(dialog.getByRole('alert')).toContainText('“2024-13” is not a date for “to”');
  await dialog.getByLabel('To', { exact: true }).fill(TO);
  await expect(rows).toHaveCount(expected.length);

  // Sorted by date, earliest first, by default; the header switches to latest first.
  const whenColumn = async () => (await dialog.locator('tbody tr td:nth-child(5)').allInnerTexts()).map(valueStart);
  const ascending = await whenColumn();
  expect(ascending).toEqual([...ascending].sort());
  await dialog.getByRole('button', { name: /^When/ }).click();
  await expect(dialog.getByRole('columnheader', { name: /^When/ })).toHaveAttribute('aria-sort', 'descending');
  const descending = await whenColumn();
  expect(descending[0] >= descending[descending.length - 1]).toBe(true);
  // By source: the names in order, ignoring case and accents.
  await dialog.getByRole('button', { name: /^Source/ }).click();
  await expect(dialog.getByRole('columnheader', { name: /^Source/ })).toHaveAttribute('aria-sort', 'ascending');
  const sources = (await dialog.locator('tbody tr td:nth-child(3)').allInnerTexts()).map(fold);
  expect(sources).toEqual([...sources].sort());
  await page.screenshot({ path: info.outputPath('library-claims.png') });

  // The CSV holds exactly the filtered rows, each quote the text at its code-point offsets.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^text-annotator-library-claims-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvPath = info.outputPath('claims.csv');
  await csvDownload.saveAs(csvPath);
  const [header, ...lines] = readCsv(fs.readFileSync(csvPath, 'utf8'));
  expect(header).toEqual(['document_id', 'document_title', 'published', 'claim_id', 'claim', 'sources', 'targets', 'dates', 'date_modifiers', 'start', 'end']);
  const key = (doc, claim) => `${doc}/${claim}`;
  expect(lines.map((l) => key(l[0], l[3])).sort()).toEqual(expected.map((c) => key(c.document.id, c.claim.id)).sort());
  const texts = new Map(workspace.documents.map((f) => [f.document.id, [...f.document.text]]));
  for (const [doc, title, published, , quote, , , , , start, end] of lines) {
    expect(texts.get(doc).slice(+start, +end).join('')).toBe(quote);
    expect(workspace.documents.find((f) => f.document.id === doc).document).toMatchObject({ title, published });
  }
  // In the order shown: by source.
  expect(lines.map((l) => fold(l[5]))).toEqual(sources);

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const json = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
  expect(json.format).toBe('text-annotator-library-claims');
  expect(json.claims.map((c) => key(c.document_id, c.claim))).toEqual(lines.map((l) => key(l[0], l[3])));

  // Following a row (the last, with the keyboard) opens its document with the claim selected.
  const target = lines[lines.length - 1];
  await expect(rows.last()).toContainText(target[4]);
  await rows.last().getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#doc=${target[0]}$`));
  await expect(page.locator('.reader-title')).toHaveText(target[1]);
  await expect(page.locator('.editor-quote')).toHaveText(target[4]);

  // From the open document, a row of the same document selects without a reload.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Library claims/ }).click();
  await expect(count).toContainText(`${all.length} claims in 30 documents`);
  await dialog.getByLabel('Words').fill(target[4]);
  const here = rows.filter({ hasText: target[1] });
  await here.first().getByRole('button').click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#doc=${target[0]}$`));
  await expect(page.locator('.editor-quote')).toHaveText(target[4]);
});
