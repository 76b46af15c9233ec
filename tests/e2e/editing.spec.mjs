// Editing like a person: relabel, note, boundaries, delete, undo/redo, overlap popover,
// sticky labels, merge import.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList, stored, textPoints, deleteAll } from './helpers.mjs';

test('relabel, note, nudge, delete and undo/redo every change', async ({ page }) => {
  await openFresh(page);
  const list = annotationList(page);
  await dragSelect(page, 'Dmitry Peskov');
  await page.keyboard.press('a');
  await expect(list).toContainText('actorDmitry Peskov');

  // Relabel by key, then back by the editor button.
  await page.keyboard.press('3');
  await expect(list).toContainText('dateDmitry Peskov⚠ no value');
  await page.getByRole('button', { name: 'Make Actor' }).click();
  await expect(list).toContainText('actorDmitry Peskov');

  // Boundaries: extend the start by a word with Ctrl+Shift+←, the end with Shift+→.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect(list).toContainText('spokesman Dmitry Peskov');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(list).toContainText('spokesman Dmitry Peskov stated');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(list.getByRole('listitem')).toHaveText(['actorDmitry Peskov']);

  // A note, saved as it is typed, survives a reload.
  await page.keyboard.press('n');
  await page.keyboard.type('Kremlin spokesman — “official”');
  await page.keyboard.press('Tab');
  await expect(list.getByRole('listitem').first()).toContainText('✎');
  await page.reload();
  await list.getByRole('button', { name: /Dmitry Peskov/ }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Kremlin spokesman — “official”');

  // Delete with the key; undo brings it back with its note; redo deletes again.
  await page.keyboard.press('Delete');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('status').first()).toContainText('Deleted actor');
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect.poll(async () => (await stored(page))?.annotations[0]?.note).toBe('Kremlin spokesman — “official”');
  await page.keyboard.press('Control+Shift+Z');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // Identical span with the same label is refused with a message.
  await dragSelect(page, 'Dmitry Peskov');
  await page.keyboard.press('1');
  await expect(page.getByRole('alert')).toContainText('“Dmitry Peskov” is already labelled actor');
  await expect(list.getByRole('listitem')).toHaveCount(1);
});

test('clicking overlapping spans selects the shortest and lists them all', async ({ page }) => {
  await openFresh(page);
  const list = annotationList(page);
  await dragSelect(page, 'Ilham Aliyev claimed that Armenia would leave the CSTO');
  await page.keyboard.press('c');
  await dragSelect(page, 'Ilham Aliyev');
  await page.keyboard.press('a');
  await dragSelect(page, 'Aliyev');
  await page.keyboard.press('2'); // same word, another label: allowed
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.keyboard.press('Escape');

  const { start } = await textPoints(page, 'Aliyev');
  await page.mouse.click(start.x + 3, start.y);
  const popover = page.getByRole('dialog', { name: 'Annotations here' });
  await expect(popover.getByRole('button')).toHaveCount(3);
  // The shortest is selected: the editor shows a 6-character span.
  await expect(page.locator('.editor-quote')).toHaveText('Aliyev');
  await popover.getByRole('button', { name: /claim\s*Ilham Aliyev claimed/ }).click();
  await expect(page.locator('.editor-quote')).toHaveText('Ilham Aliyev claimed that Armenia would leave the CSTO');
});

test('sticky label, exact (Alt) selection, delete all and its undo', async ({ page }) => {
  await openFresh(page);
  const list = annotationList(page);
  await page.getByRole('button', { name: 'Pin Date' }).click();
  await dragSelect(page, 'December 18, 2024');
  await dragSelect(page, 'November 2022');
  await expect(list.getByRole('listitem')).toHaveText(['dateDecember 18, 2024→ 2024-12-18', 'dateNovember 2022→ 2022-11']);
  await page.keyboard.press('Shift+Digit3'); // unpin by key
  await expect(page.getByRole('button', { name: 'Pin Date' })).toHaveAttribute('aria-pressed', 'false');

  // Word snapping extends "cemb" to the whole word; Alt keeps exact characters.
  await dragSelect(page, 'ecember 4');
  await page.keyboard.press('3');
  await expect(list).toContainText('dateDecember 4→ 2024-12-04');
  await dragSelect(page, 'Kremlin spok', { alt: true });
  await page.keyboard.press('1');
  await expect(list).toContainText('actorKremlin spok');

  await deleteAll(page, 4);
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(4);
});

test('a valid import asks replace or merge, and is undoable', async ({ page }, info) => {
  await openFresh(page);
  const list = annotationList(page);
  await dragSelect(page, 'Vladimir Putin');
  await page.keyboard.press('1');
  await expect.poll(async () => (await stored(page))?.annotations.length).toBe(1);
  const file = await stored(page);
  // Make an export-like file with a different annotation, by editing the stored one.
  await page.keyboard.press('Delete');
  await dragSelect(page, 'Nikol Pashinyan');
  await page.keyboard.press('1');
  const path = info.outputPath('putin.json');
  fs.writeFileSync(path, JSON.stringify(file));

  await page.locator('input[type=file]').setInputFiles(path);
  const dialog = page.getByRole('dialog', { name: /Import 1 annotation/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /Merge/ }).click();
  await expect(list.getByRole('listitem')).toHaveText(['actorNikol Pashinyan', 'actorVladimir Putin']);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveText(['actorNikol Pashinyan']);

  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByRole('dialog').getByRole('button', { name: /Replace/ }).click();
  await expect(list.getByRole('listitem')).toHaveText(['actorVladimir Putin']);
});

test('the help sheet lists the shortcuts and closes with Escape', async ({ page }) => {
  await openFresh(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard and mouse' });
  await expect(help).toContainText('Ctrl+Shift+Z');
  await expect(help).toContainText('Shift+1');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('dropping a file on the page imports it; a broken JSON file is refused', async ({ page }) => {
  await openFresh(page);
  const list = annotationList(page);
  await dragSelect(page, 'Vladimir Putin');
  await page.keyboard.press('1');
  await expect.poll(async () => (await stored(page))?.annotations.length).toBe(1);
  const file = JSON.stringify(await stored(page));
  await deleteAll(page);
  await expect(list.getByRole('listitem')).toHaveCount(0);

  const drop = async (name, content) => {
    const transfer = await page.evaluateHandle(([name, content]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: 'application/json' }));
      return dt;
    }, [name, content]);
    await page.locator('.app').dispatchEvent('dragover', { dataTransfer: transfer });
    await expect(page.getByText(/Drop a file to import annotations/)).toBeVisible();
    await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop('notes.json', 'just some notes, not JSON');
  await expect(page.getByRole('alert')).toContainText('Import of notes.json rejected: the file is not valid JSON');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await drop('putin.json', file);
  // Nothing to merge with: imported at once, and undoable.
  await expect(list.getByRole('listitem')).toHaveText(['actorVladimir Putin']);
  await expect(page.getByRole('status').first()).toContainText('Imported 1 annotation from putin.json');
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(0);
});
