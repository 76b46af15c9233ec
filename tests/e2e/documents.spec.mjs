// A person's own documents: add one by pasting (emoji, Armenian, Arabic), annotate, reload,
// switch, rename, export the workspace, clear storage, import it back, see everything again.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList, slice, documentsButton, clearStorage } from './helpers.mjs';

const TEXT = [
  'Yerevan 🇦🇲 — On March 3, 2025, Armenian Foreign Minister Ararat Mirzoyan said talks were “constructive”.',
  'Հայաստանի ԱԳ նախարար Արարատ Միրզոյանը հայտարարեց, որ բանակցությունները կառուցողական էին։',
  'وقال الوزير إن المحادثات كانت بناءة 👨🏻‍🚒.',
].join('\r\n');

test('add, annotate, switch, rename, and move a workspace through export and import', async ({ page }, info) => {
  await openFresh(page);
  const list = annotationList(page);
  await dragSelect(page, 'Sergey Lavrov');
  await page.keyboard.press('1');

  // Add a document by pasting text (with Windows line endings).
  await documentsButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Documents' });
  await dialog.getByLabel('Title').fill('Mirzoyan on talks');
  await dialog.getByLabel('Published').fill('2025-03-03');
  await dialog.getByLabel('Source URL').fill('https://example.org/mirzoyan');
  await dialog.getByLabel('Text').fill(TEXT);
  await dialog.getByRole('button', { name: 'Add and open' }).click();
  await expect(page).toHaveURL(/#doc=mirzoyan-on-talks-[0-9a-f]{8}$/);
  await expect(page.locator('.reader-title')).toHaveText('Mirzoyan on talks');
  await expect(page.locator('.doc-text p')).toHaveCount(3);

  await dragSelect(page, 'Ararat Mirzoyan');
  await page.keyboard.press('1');
  await dragSelect(page, 'March 3, 2025');
  await page.keyboard.press('3');
  await dragSelect(page, 'Արարատ Միրզոյանը');
  await page.keyboard.press('1');
  await dragSelect(page, 'المحادثات كانت بناءة');
  await page.keyboard.press('2');
  await expect(list.getByRole('listitem')).toHaveCount(4);
  const url = page.url();

  // Reload: same document, same annotations.
  await page.reload();
  await expect(page.locator('.reader-title')).toHaveText('Mirzoyan on talks');
  await expect(list.getByRole('listitem')).toHaveCount(4);

  // Switch to the built-in article and back, through the list.
  await documentsButton(page).click();
  const docs = page.getByRole('list', { name: 'Documents' });
  await expect(docs.getByRole('listitem')).toHaveCount(2);
  await expect(docs).toContainText('1 actor · 0 claim · 0 date');
  await expect(docs).toContainText('2 actor · 1 claim · 1 date');
  await page.screenshot({ path: info.outputPath('documents-dialog.png') });
  await docs.getByRole('button', { name: /^Russian MFA/ }).click();
  await expect(list.getByRole('listitem')).toHaveText(['actorSergey Lavrov']);
  await page.goto(url);
  await expect(list.getByRole('listitem')).toHaveCount(4);

  // Rename the open document.
  await documentsButton(page).click();
  await page.getByRole('button', { name: 'Rename “Mirzoyan on talks”' }).click();
  await page.getByLabel('New title').fill('Mirzoyan: talks constructive');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.reader-title')).toHaveText('Mirzoyan: talks constructive');

  // Export the workspace, clear the browser's storage, import it back.
  await page.getByRole('button', { name: /Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Download workspace/ }).click(),
  ]);
  const path = info.outputPath('workspace.json');
  await download.saveAs(path);
  const workspace = JSON.parse(fs.readFileSync(path, 'utf8'));
  expect(workspace.format).toBe('text-annotator-workspace');
  expect(workspace.documents).toHaveLength(2);
  const mine = workspace.documents.find((d) => d.document.title === 'Mirzoyan: talks constructive');
  expect(mine.document.text).not.toContain('\r');
  expect(mine.document.source_url).toBe('https://example.org/mirzoyan');
  for (const file of workspace.documents) {
    for (const a of file.annotations) expect(slice(file.document.text, a.start, a.end)).toBe(a.quote);
  }

  await clearStorage(page);
  await page.goto('/index.html');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await page.locator('input[type=file]').first().setInputFiles(path);
  await expect(page.getByRole('status').first()).toContainText('1 document added, 1 merged');
  await page.goto(url);
  await expect(page.locator('.reader-title')).toHaveText('Mirzoyan: talks constructive');
  await expect(list.getByRole('listitem')).toHaveText([
    'dateMarch 3, 2025→ 2025-03-03', 'actorArarat Mirzoyan', 'actorԱրարատ Միրզոյանը', 'claimالمحادثات كانت بناءة',
  ]);
  await page.goto('/index.html#doc=russia-armenia-2025-01-24');
  await expect(list.getByRole('listitem')).toHaveText(['actorSergey Lavrov']);
});

test('a dropped text file opens the add form; deleting a document can be undone by restoring it', async ({ page }) => {
  await openFresh(page);
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['First line of a note 🇦🇲\nSecond line.'], 'field-notes_march.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: 'Documents' });
  await expect(dialog.getByLabel('Title')).toHaveValue('field notes march');
  await expect(dialog.getByLabel('Text')).toHaveValue('First line of a note 🇦🇲\nSecond line.');
  await dialog.getByRole('button', { name: 'Add and open' }).click();
  await expect(page.locator('.reader-title')).toHaveText('field notes march');
  await dragSelect(page, 'Second line');
  await page.keyboard.press('2');

  await documentsButton(page).click();
  await page.getByRole('button', { name: 'Delete “field notes march”' }).click();
  await page.getByRole('button', { name: 'Delete it' }).click();
  await expect(page).toHaveURL(/#doc=russia-armenia-2025-01-24$/);
  await documentsButton(page).click();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Restore “field notes march”' }).click();
  await expect(page.locator('.reader-title')).toHaveText('field notes march');
  await expect(annotationList(page).getByRole('listitem')).toHaveText(['claimSecond line']);
});
