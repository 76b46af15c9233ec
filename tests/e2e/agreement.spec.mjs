// Several annotators (issue 16): a colleague's file of the same text is added as a read-only
// layer (not merged into mine), the Agreement view compares the layers per label, and its
// download holds the figures with their definitions. The layer survives a reload.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, annotationList } from './helpers.mjs';

const COLLEAGUE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'article.annotations.json');

async function downloadAgreement(page, info) {
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download agreement (JSON)' }).click(),
  ]);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const row = (report, label) => report.pairs.find((r) => r.label === label);

test("a colleague's file becomes a layer; Agreement compares it with mine and downloads the figures", async ({ page }, info) => {
  await openFresh(page);
  // My annotations: the same file, merged into mine (the document is empty, so at once).
  await page.locator('input[type=file]').setInputFiles(COLLEAGUE);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(4);

  // The colleague's copy: kept apart as a layer, mine unchanged.
  await page.locator('input[type=file]').setInputFiles(COLLEAGUE);
  const question = page.getByRole('dialog', { name: /^Import 4 annotations/ });
  await question.getByRole('button', { name: "Add as a colleague's layer" }).click();
  await expect(page.locator('.notice')).toContainText("Added article's layer (4 annotations)");
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(4);

  await page.getByRole('button', { name: /^Agreement/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  await expect(dialog.getByRole('list', { name: 'Layers' }).getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('table', { name: 'Agreement by pair and label' })).toBeVisible();
  let report = await downloadAgreement(page, info);
  expect(report.annotators).toHaveLength(2);
  expect(report.definitions).toMatch(/token/i);
  for (const label of ['actor', 'claim', 'date', 'all']) {
    const r = row(report, label);
    expect(r.f1, label).toBe(1);
    expect(r.precision, label).toBe(1);
    expect(r.recall, label).toBe(1);
    expect(r.kappa, label).toBe(1);
    expect(r.alpha, label).toBe(1);
  }
  // The same figures as CSV on the clipboard, their definitions in the last row.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await dialog.getByRole('button', { name: 'Copy (CSV)' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  const csv = await page.evaluate(() => navigator.clipboard.readText());
  expect(csv.split('\r\n')[0]).toMatch(/^section,annotator_a,annotator_b,item,/);
  expect(csv).toMatch(/\r\ndefinitions,,,"[^]*token[^]*"/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // I drop one of my actors: actor recall of the colleague against me stays, precision drops.
  await annotationList(page).getByRole('button', { name: 'actor Sergey Lavrov' }).click();
  await page.keyboard.press('Delete');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(3);

  // After a reload the layer is still there.
  await page.reload();
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: /^Agreement/ }).click();
  await expect(dialog.getByRole('list', { name: 'Layers' }).getByRole('listitem')).toHaveCount(2);
  report = await downloadAgreement(page, info);
  const actor = row(report, 'actor');
  expect(actor.a_spans).toBe(1);
  expect(actor.b_spans).toBe(2);
  expect(actor.matches).toBe(1);
  expect(actor.precision).toBe(0.5);
  expect(actor.recall).toBe(1);
  expect(actor.f1).toBeCloseTo(2 / 3, 9);
  expect(actor.kappa).toBeLessThan(1);
  expect(row(report, 'claim').f1).toBe(1);

  // Removing the layer leaves nothing to compare.
  await dialog.getByRole('button', { name: 'Remove the layer of article' }).click();
  await expect(dialog.getByRole('list', { name: 'Layers' }).getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Download agreement (JSON)' })).toBeDisabled();
});

test("a file made by someone else is offered as their layer first, even in an empty document", async ({ page }, info) => {
  await openFresh(page);
  // My name first (in the Agreement view): a file naming someone else is then a colleague's.
  await page.getByRole('button', { name: /^Agreement/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  await dialog.getByLabel('Your name as annotator').fill('Ben Ode');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const file = JSON.parse(fs.readFileSync(COLLEAGUE, 'utf8'));
  for (const a of file.annotations) a.annotator = 'Ana Lima';
  const named = info.outputPath('ana.json');
  fs.writeFileSync(named, JSON.stringify(file));
  await page.locator('input[type=file]').setInputFiles(named);
  const question = page.getByRole('dialog', { name: /^Import 4 annotations/ });
  await expect(question).toContainText('made by Ana Lima');
  const layer = question.getByRole('button', { name: "Add as a colleague's layer" });
  await expect(layer).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.notice')).toContainText("Added Ana Lima's layer (4 annotations)");
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: /^Agreement/ }).click();
  await expect(dialog.getByRole('list', { name: 'Layers' })).toContainText('Ana Lima: 4 annotations');
  // My name names my layer in the figures.
  await expect(dialog.getByRole('list', { name: 'Layers' })).toContainText('Ben Ode (yours)');
  const report = await downloadAgreement(page, info);
  expect(report.annotators).toEqual(['Ben Ode', 'Ana Lima']);
  // Nothing of mine yet: recall of Ana against me is undefined, precision 0.
  const all = row(report, 'all');
  expect(all.recall).toBeNull();
  expect(all.precision).toBe(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // What I make from now on carries my name.
  await page.locator('.doc-text').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  const saved = await page.evaluate(async () => {
    const db = new PouchDB('text-annotator');
    const rows = (await db.allDocs({ startkey: 'ann:', endkey: 'ann:\ufff0', include_docs: true })).rows;
    return rows.map((r) => r.doc.annotator);
  });
  expect(saved).toEqual(['Ben Ode']);
});
