// The import worker: a big import is read and placed off the page's thread, shows its
// progress, and can be cancelled without changing anything; a file over the annotation
// limit is refused while it is read.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList, stored } from './helpers.mjs';

/** This app's JSON for the open (built-in) document, with `n` distinct actor/claim/date spans. */
async function bigFile(page, info, n) {
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Download JSON/ }).click()]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const labels = ['actor', 'claim', 'date'];
  const length = file.document.text_length;
  const annotations = [];
  // Every (label, start, end) once: spans of 1 to 40 code points over the text (plain ASCII
  // at the spans' edges is not needed: the built-in text has no combining marks).
  outer: for (let len = 1; len <= 40; len++) {
    for (let start = 0; start + len <= length; start++) {
      for (const label of labels) {
        annotations.push({ id: `big-${annotations.length + 1}`, label, start, end: start + len });
        if (annotations.length === n) break outer;
      }
    }
  }
  if (annotations.length !== n) throw new Error(`only ${annotations.length} distinct spans`);
  file.annotations = annotations;
  file.relations = [];
  delete file.claims;
  const path = info.outputPath(`big-${n}.annotations.json`);
  fs.writeFileSync(path, JSON.stringify(file));
  return path;
}

test('a big import shows its progress, and Cancel stops it with nothing changed', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openFresh(page);
  const list = annotationList(page);
  await dragSelect(page, 'Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('status').first()).toContainText('Saved locally');
  const before = await stored(page);
  const path = await bigFile(page, info, 199_000);

  // First run: the worker reports its stages while the page stays free; the placing moves so
  // fast on a quick machine that the dialog may go from the percentage straight to "Placed".
  await page.locator('input[type=file]').setInputFiles(path);
  const dialog = page.getByRole('dialog', { name: /^Importing big-199000/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  // The page is not frozen while the worker reads: it still paints frames.
  const paints = () => page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const start = performance.now();
    const tick = () => { n++; if (performance.now() - start < 300) requestAnimationFrame(tick); else resolve(n); };
    requestAnimationFrame(tick);
  }));
  expect(await paints()).toBeGreaterThan(5);
  await expect(dialog).toContainText(/Placing [\d,]+ of 199,000 annotations… \d+ %|Placed 199,000 annotations/, { timeout: 60_000 });
  await page.screenshot({ path: info.outputPath('import-progress.png') });
  // Then the usual question; cancelling it changes nothing.
  const question = page.getByRole('dialog', { name: /^Import .*big-199000/ });
  await expect(question).toBeVisible({ timeout: 60_000 });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // Second run: Cancel while the worker reads stops it, with nothing changed.
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.notice').first()).toContainText('Import cancelled. Nothing was changed.');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  // Nothing arrives later either, and storage holds what it held.
  await page.waitForTimeout(1_500);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await stored(page)).toEqual(before);

  // The next import starts a fresh worker and works.
  const small = info.outputPath('small.annotations.json');
  const file = JSON.parse(fs.readFileSync(path, 'utf8'));
  file.annotations = file.annotations.slice(0, 3);
  fs.writeFileSync(small, JSON.stringify(file));
  await page.locator('input[type=file]').setInputFiles(small);
  await expect(page.getByRole('dialog', { name: /^Import 3 annotations from small/ })).toBeVisible();
});

test('a file of more than 200,000 annotations is refused while it is read, naming the limit', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openFresh(page);
  const path = await bigFile(page, info, 200_001);
  await page.locator('input[type=file]').setInputFiles(path);
  const notice = page.locator('.notice').first();
  await expect(notice).toContainText('the file holds more than 200,000 annotations, the most one import may hold', { timeout: 60_000 });
  await expect(notice).toContainText('Nothing was changed.');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(0);
});
