// A text stacked thousands deep (an import of long, random, overlapping spans): the page
// draws the innermost eight annotations of each piece of text and says how many more there
// are, instead of freezing on bars and tooltips for every one (issue 14, huge imports). And
// choosing an annotation in the list scrolls the text to it.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList, stored } from './helpers.mjs';
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

test('closing the tab while an import of 12,000 is still being saved in rounds loses none of them', async ({ page, context }, info) => {
  test.setTimeout(180_000);
  await openFresh(page);
  const file = await stackedFile(page, info, 12_000);
  const imported = JSON.parse(fs.readFileSync(file, 'utf8')).annotations.map((a) => `${a.id} ${a.label} ${a.start} ${a.end}`).sort();
  await page.locator('input[type=file]').setInputFiles(file);
  // The rounds are under way: some records are in the database, most are not. What is left
  // (some 14 MB of records with their quotes) is more than localStorage holds.
  await expect(page.locator('.status')).toContainText(/records written so far/, { timeout: 60_000 });
  // One more annotation during the rounds, by keys: "Relations", the text's first word.
  await page.locator('.doc-text').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('1');
  await expect(page.locator('.status')).toContainText(/records written so far · 12001 annotations/);
  // Meanwhile the database keeps a copy of the whole work, written before the first round.
  const copy = () => new PouchDB('text-annotator').get('_local/whole:russia-armenia-2025-01-24').then((r) => JSON.parse(r.text).annotations.length, (e) => e.status);
  expect(await page.evaluate(copy)).toBe(12_000);
  await page.close();

  const again = await context.newPage();
  // The status of every frame: it must not say "Saved" before the records hold everything.
  await again.addInitScript(() => {
    window.statusSeen = [];
    const tick = () => {
      const text = document.querySelector('.status')?.textContent;
      if (text && window.statusSeen.at(-1) !== text) window.statusSeen.push(text);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await again.goto('/index.html');
  // The next visit starts from the copy of the whole work kept for the rounds, and writes
  // what the records lack.
  await expect.poll(async () => (await stored(again)).annotations.length, { timeout: 120_000 }).toBe(12_001);
  await expect(again.locator('.status')).toContainText('Saved locally · 12001 annotations', { timeout: 60_000 });
  const seen = await again.evaluate(() => window.statusSeen);
  // From its first frame: the work put back is not in the records yet.
  expect(seen[0]).toMatch(/^Saving…/);
  const records = (await stored(again)).annotations;
  const held = records.map((a) => `${a.id} ${a.label} ${a.start} ${a.end}`).sort();
  const known = new Set(imported);
  expect(held.filter((a) => !known.has(a))).toEqual([expect.stringMatching(/ actor 0 9$/)]);
  expect(held.filter((a) => known.has(a))).toEqual(imported);
  // The copy kept for the rounds is gone once the records hold everything.
  expect(await again.evaluate(copy)).toBe(404);
  await again.reload();
  await expect(again.locator('.status')).toContainText('Saved locally · 12001 annotations');
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
