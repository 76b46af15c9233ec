// A text stacked thousands deep (an import of long, random, overlapping spans): the page
// draws the innermost eight annotations of each piece of text and says how many more there
// are, instead of freezing on bars and tooltips for every one (issue 14, huge imports). And
// choosing an annotation in the list scrolls the text to it.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList } from './helpers.mjs';
import { stackedSpans } from './stacked.mjs';

/** This app's JSON for the open document, with `n` distinct spans of any length. */
async function stackedFile(page, info, n) {
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Download JSON/ }).click()]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const annotations = stackedSpans(n, file.document.text_length);
  file.annotations = annotations;
  file.relations = [];
  delete file.claims;
  const path = info.outputPath(`stacked-${n}.annotations.json`);
  fs.writeFileSync(path, JSON.stringify(file));
  return path;
}

test('3,000 long overlapping spans: imported and saved, eight drawn per piece of text, the rest counted', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await page.locator('input[type=file]').setInputFiles(await stackedFile(page, info, 3_000));
  await expect(page.getByRole('status').first()).toContainText('Imported 3000 annotations', { timeout: 30_000 });
  await expect(page.locator('.status')).toContainText('Saved locally · 3000 annotations', { timeout: 60_000 });

  // Each piece of text names and draws at most the eight innermost annotations on it; the
  // deepest pieces are covered by hundreds.
  const pieces = await page.locator('.doc-text .seg[data-ids]').evaluateAll((segs) => segs.map((s) => ({
    ids: s.dataset.ids.split(' ').length,
    bars: (s.getAttribute('style').match(/gradient\(/g) || []).length,
    title: s.title,
  })));
  expect(pieces.length).toBeGreaterThan(1_000);
  expect(Math.max(...pieces.map((p) => p.ids))).toBe(8);
  expect(Math.max(...pieces.map((p) => p.bars))).toBe(8);
  const deepest = Math.max(...pieces.map((p) => Number(/and (\d+) longer ones around it$/.exec(p.title)?.[1] ?? 0)));
  expect(deepest).toBeGreaterThan(300);
  // Tooltip lines: one per drawn annotation (a quote may hold a line break of its own).
  expect(Math.max(...pieces.map((p) => p.title.match(/(^|\n)(actor|claim|date): /g).length))).toBe(8);

  // A click there lists the twelve shortest and says how many more there are.
  const deep = page.locator('.doc-text .seg[title$="longer ones around it"]').nth(100);
  await deep.click();
  const popover = page.getByRole('dialog', { name: 'Annotations here' });
  await expect(popover.getByRole('button')).toHaveCount(12);
  await expect(popover).toContainText(/and \d+ longer ones: the list has them all/);
  await popover.getByRole('button').nth(3).click();
  await expect(popover).toBeHidden();
  await expect(page.getByRole('button', { name: /^Delete/ }).first()).toBeVisible();
});

test('choosing an annotation in the list scrolls the text to it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 420 });
  await openFresh(page);
  await dragSelect(page, 'Nagorno Karabakh');
  await page.keyboard.press('1');
  const list = annotationList(page);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const start = await page.evaluate(() => document.querySelector('.doc-text .seg[data-ids]').dataset.s);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Escape');
  const inView = () => page.evaluate((start) => {
    const r = document.querySelector(`.doc-text [data-s="${start}"]`).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, start);
  await expect.poll(inView).toBe(false);
  await list.getByRole('button', { name: /Nagorno Karabakh/ }).click();
  await expect.poll(inView).toBe(true);
});
