// Several annotators, as two people would do it (issue 16): Ana annotates the default article
// and exports (asked for her name on the first export); Ben, in a fresh browser profile,
// annotates it differently and exports; Ana adds Ben's file as his layer, reads the agreement
// figures, sees his layer in the text, curates every disagreement by keys into a gold
// document (undoing one decision on the way), and exports the gold, which holds exactly what
// was decided.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { dragSelect, annotationList, clearStorage } from './helpers.mjs';

async function freshProfile(browser) {
  // A new context has its own storage: a second person's browser. The name question is on.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/index.html');
  await expect(page.locator('article .doc-text')).toBeVisible();
  await clearStorage(page);
  await page.evaluate(() => localStorage.removeItem('text-annotator:annotator-asked'));
  await page.reload();
  await expect(page.locator('article .doc-text')).toContainText('Relations between Russia and Armenia');
  return { context, page };
}

async function label(page, needle, key) {
  const before = await annotationList(page).getByRole('listitem').count();
  await dragSelect(page, needle);
  await page.keyboard.press(key);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(before + 1);
}

/** Export ▾ → Download JSON; on the first export, the name question is answered with `name`. */
async function exportJson(page, info, file, name) {
  await page.getByRole('button', { name: /^Export/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /^Download JSON/ }).click();
  if (name) {
    const ask = page.getByRole('dialog', { name: 'Your name as annotator' });
    await expect(ask).toBeVisible();
    await ask.getByRole('textbox', { name: 'Name' }).fill(name);
    await ask.getByRole('button', { name: 'Save and export' }).click();
  }
  const download = await downloading;
  const out = info.outputPath(file);
  await download.saveAs(out);
  return { path: out, json: JSON.parse(fs.readFileSync(out, 'utf8')) };
}

const key = (a) => `${a.label}:${a.quote}`;

test('two annotators: layer, agreement, curation by keys into a gold document, and its export', async ({ browser }, info) => {
  test.setTimeout(120_000);
  // Ana: three actors, a claim and a date.
  const ana = await freshProfile(browser);
  await label(ana.page, 'Sergey Lavrov', '1');
  await label(ana.page, 'Dmitry Peskov', '1');
  await label(ana.page, 'Nikol Pashinyan', '1');
  await label(ana.page, 'January 24', '3');
  await label(ana.page, 'Armenia has not expressed an intention to leave the CSTO', '2');
  const anaFile = await exportJson(ana.page, info, 'ana.json', 'Ana Lima');
  expect(anaFile.json.annotations.map((a) => a.annotator)).toEqual(Array(5).fill('Ana Lima'));

  // Ben: the same Lavrov and date; Peskov as "Kremlin spokesman Dmitry Peskov" (a boundary
  // difference); no Pashinyan; Vladimir Putin, which Ana has not; the claim labelled a date
  // (a label conflict).
  const ben = await freshProfile(browser);
  await label(ben.page, 'Sergey Lavrov', '1');
  await label(ben.page, 'Kremlin spokesman Dmitry Peskov', '1');
  await label(ben.page, 'Vladimir Putin', '1');
  await label(ben.page, 'January 24', '3');
  await label(ben.page, 'Armenia has not expressed an intention to leave the CSTO', '3');
  const benFile = await exportJson(ben.page, info, 'ben.json', 'Ben Ode');
  expect(new Set(benFile.json.annotations.map((a) => a.annotator))).toEqual(new Set(['Ben Ode']));
  await ben.context.close();

  // Ana adds Ben's file: offered as his layer first (it names someone else).
  const page = ana.page;
  await page.locator('input[type=file]').setInputFiles(benFile.path);
  const question = page.getByRole('dialog', { name: /^Import 5 annotations/ });
  await expect(question).toContainText('made by Ben Ode');
  await expect(question.getByRole('button', { name: "Add as a colleague's layer" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.notice')).toContainText("Added Ben Ode's layer (5 annotations)");
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(5);

  // The agreement figures: actor exact P = R = 1/3 (Lavrov only), date 1 of 2 against 1.
  await page.getByRole('button', { name: /^Agreement/ }).click();
  const agreement = page.getByRole('dialog', { name: 'Agreement' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    agreement.getByRole('button', { name: 'Download agreement (JSON)' }).click(),
  ]);
  const reportPath = info.outputPath('agreement.json');
  await download.saveAs(reportPath);
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
  expect(report.annotators).toEqual(['Ana Lima', 'Ben Ode']);
  const actor = report.pairs.find((r) => r.label === 'actor');
  expect([actor.matches, actor.a_spans, actor.b_spans]).toEqual([1, 3, 3]);
  expect(actor.f1).toBeCloseTo(1 / 3, 9);
  const date = report.pairs.find((r) => r.label === 'date');
  expect([date.matches, date.a_spans, date.b_spans]).toEqual([1, 1, 2]);

  // The layers panel, from the Agreement view: Ben's annotations are thin marks in the text.
  await agreement.getByRole('button', { name: 'Layers and curation…' }).click();
  const panel = page.getByRole('complementary', { name: 'Layers' });
  await expect(panel.getByRole('list', { name: 'Layers' })).toContainText('Ben Ode: 5 annotations');
  await expect(page.locator('.layer-mark').first()).toBeAttached();
  const marks = await page.locator('.layer-mark').count();
  expect(marks).toBeGreaterThanOrEqual(5);
  await panel.getByRole('checkbox', { name: /Ben Ode/ }).uncheck();
  await expect(page.locator('.layer-mark')).toHaveCount(0);
  await panel.getByRole('checkbox', { name: /Ben Ode/ }).check();
  await expect(page.locator('.layer-mark')).toHaveCount(marks);

  // Curate: a gold document opens with the walk; Lavrov and the date are agreed and taken.
  await panel.getByRole('button', { name: 'Curate into a gold document' }).click();
  const curate = page.getByRole('complementary', { name: 'Curate' });
  await expect(curate).toBeVisible();
  await expect(page).toHaveURL(/#doc=russia-armenia-2025-01-24-gold/);
  await expect(page.locator('.doc-switch-name')).toContainText('(gold)');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
  const summary = curate.locator('.curate-summary');
  await expect(summary).toContainText('4 disagreements: 0 decided, 4 to go');
  const rows = curate.getByRole('list', { name: 'Disagreements' }).getByRole('listitem');
  await expect(rows).toHaveCount(4);

  // In reading order: Peskov (boundary), the claim/date conflict, Pashinyan (Ana only), Putin
  // (Ben only). Take Ben's Peskov, Ana's claim, drop Pashinyan, take Putin.
  await page.keyboard.press(']');
  await expect(rows.nth(0)).toBeFocused();
  await expect(rows.nth(0)).toContainText('Peskov');
  await page.keyboard.press('2');
  await expect(rows.nth(0)).toContainText('taken: Ben Ode');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('1');
  await expect(rows.nth(1)).toContainText('taken: Ana Lima');
  await expect(rows.nth(2)).toContainText('Pashinyan');
  // The README's picture: the walk half done, the layers' lines under the text.
  await page.screenshot({ path: info.outputPath('curate.png') });
  await page.keyboard.press('x');
  await expect(rows.nth(3)).toContainText('Putin');
  // Both first (the same as Ben's here); Ctrl+Z undoes it, and 2 decides again.
  await page.keyboard.press('b');
  await expect(summary).toContainText('4 decided, 0 to go');
  await page.keyboard.press('Control+z');
  await expect(summary).toContainText('3 decided, 1 to go');
  await expect(rows.nth(3)).toContainText('to decide');
  await expect(rows.nth(3)).toBeFocused();
  await page.keyboard.press('2');
  await expect(summary).toContainText('4 decided, 0 to go');
  await expect(curate).toContainText('Every disagreement is decided.');

  // The gold export holds exactly the decisions, under the curator's name.
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(5);
  const gold = await exportJson(page, info, 'gold.json', null);
  expect(gold.json.annotations.map(key).sort()).toEqual([
    'actor:Kremlin spokesman Dmitry Peskov',
    'actor:Sergey Lavrov',
    'actor:Vladimir Putin',
    'claim:Armenia has not expressed an intention to leave the CSTO',
    'date:January 24',
  ]);
  const text = Array.from(gold.json.document.text);
  for (const a of gold.json.annotations) {
    expect(text.slice(a.start, a.end).join('')).toBe(a.quote);
    expect(a.annotator).toBe('Ana Lima');
  }
  // The gold survives a reload, with the walk's state.
  await page.reload();
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(5);
  await page.keyboard.press('l');
  await expect(page.getByRole('complementary', { name: 'Curate' }).locator('.curate-summary')).toContainText('4 decided, 0 to go');
  await ana.context.close();
});
