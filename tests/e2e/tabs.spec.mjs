// Two tabs on one document: each sees the other's changes, and neither overwrites the
// other's newer work.
import { test, expect } from '@playwright/test';
import { openFresh, dragSelect, annotationList, stored } from './helpers.mjs';

test('two pages on the same document merge their work', async ({ page, context }) => {
  await openFresh(page);
  const other = await context.newPage();
  await other.goto('/index.html');
  await expect(other.locator('article .doc-text')).toContainText('Relations between Russia');

  // Tab A adds an actor: tab B shows it.
  await dragSelect(page, 'Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(annotationList(other).getByRole('listitem')).toHaveText(['actorSergey Lavrov']);
  await expect(other.getByRole('status').first()).toContainText('Updated with changes made in another tab');

  // Both add something before seeing the other's change: nothing is lost.
  await dragSelect(other, 'Dmitry Peskov');
  await other.keyboard.press('1');
  await dragSelect(page, 'January 24');
  await page.keyboard.press('3');
  const expected = ['dateJanuary 24→ 2025-01-24', 'actorSergey Lavrov', 'actorDmitry Peskov'];
  await expect(annotationList(page).getByRole('listitem')).toHaveText(expected);
  await expect(annotationList(other).getByRole('listitem')).toHaveText(expected);
  await expect.poll(async () => (await stored(page))?.annotations.length).toBe(3);

  // A deletion in one tab stays deleted in both.
  await annotationList(other).getByRole('button', { name: /Sergey Lavrov/ }).click();
  await other.keyboard.press('Delete');
  await expect(annotationList(page).getByRole('listitem')).toHaveText(['dateJanuary 24→ 2025-01-24', 'actorDmitry Peskov']);

  // A note edited in one tab reaches the other.
  await annotationList(page).getByRole('button', { name: /Dmitry Peskov/ }).click();
  await page.keyboard.press('n');
  await page.keyboard.type('Kremlin spokesman');
  await page.keyboard.press('Tab');
  await expect(annotationList(other).getByRole('listitem').nth(1)).toContainText('✎');
  await expect.poll(async () => (await stored(other))?.annotations.find((a) => a.id && a.note)?.note).toBe('Kremlin spokesman');
});
