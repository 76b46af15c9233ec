// Storage that never loses work: unreadable saved data is kept and offered for download;
// a failed write says so and keeps the work in memory.
import { test, expect } from '@playwright/test';
import { openFresh, dragSelect, annotationList } from './helpers.mjs';

const KEY = 'text-annotator:doc:russia-armenia-2025-01-24';

test('corrupt saved data is backed up, announced, downloadable and not overwritten', async ({ page }) => {
  await openFresh(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"format": "text-annotator", "version": 1, oops'), KEY);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText('not valid JSON');
  const backupKey = await page.evaluate((key) => Object.keys(localStorage).find((k) => k.startsWith(key + ':unreadable:')), KEY);
  expect(backupKey).toBeTruthy();
  expect(await page.evaluate((k) => localStorage.getItem(k), backupKey)).toBe('{"format": "text-annotator", "version": 1, oops');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  expect(download.suggestedFilename()).toContain('unreadable-backup');

  // New work is saved, and the backup stays.
  await dragSelect(page, 'Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(page.locator('.status')).toContainText('Saved locally · 1 annotation');
  expect(await page.evaluate((k) => localStorage.getItem(k), backupKey)).toContain('oops');
});

test('a saved file from a future version is kept, not read as empty', async ({ page }) => {
  await openFresh(page);
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ format: 'text-annotator', version: 9, offset_unit: 'codepoint' })), KEY);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('schema version 9, newer than this app understands');
});

test('a full storage shows a persistent warning and keeps the work', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await dragSelect(page, 'Sergey Lavrov');
  await page.keyboard.press('1');
  const status = page.locator('.status');
  await expect(status).toContainText('Not saved: local storage is full');
  await expect(status).toContainText('export it now');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  // Export still works.
  await page.getByRole('button', { name: /Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Download JSON/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/annotations\.json$/);
});
