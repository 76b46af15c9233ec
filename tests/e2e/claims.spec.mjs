// Who claimed what, when, on the default article, like a person with the keyboard: annotate
// Aliyev's claim with its actor and date, link them with r and digits, see the claims
// table, export CSV and JSON and check them.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList, slice } from './helpers.mjs';

const CLAIM = 'Armenia would leave the CSTO as soon as it received the green light from Washington';

test('link a claim to its actor and date by keyboard; claims table, CSV and JSON', async ({ page }, info) => {
  await openFresh(page);
  await dragSelect(page, 'Ilham Aliyev');
  await page.keyboard.press('a');
  await dragSelect(page, 'December 18, 2024');
  await page.keyboard.press('d');
  await dragSelect(page, CLAIM);
  await page.keyboard.press('c');
  await expect(page.locator('.editor-quote')).toHaveText(CLAIM);

  // r opens the picker with the claim's own sentence first: Aliyev, then the date.
  await page.keyboard.press('r');
  const picker = page.getByRole('dialog', { name: 'Link the claim' });
  const candidates = picker.getByRole('list', { name: 'Actors and dates to link' }).getByRole('listitem');
  await expect(candidates.nth(0)).toContainText('Ilham Aliyev');
  await expect(candidates.nth(1)).toContainText('December 18, 2024');
  await expect(candidates.nth(1)).toContainText('→ 2024-12-18');
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect(candidates.nth(0).getByRole('button', { name: /source/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  // The editor lists the links; the linked spans are marked in the text.
  const links = page.getByRole('list', { name: 'Links of this claim' });
  await expect(links.getByRole('listitem')).toHaveText([/source\s*Ilham Aliyev/, /when\s*December 18, 2024\s*→ 2024-12-18/]);
  await expect(page.locator('.seg.is-linked')).toHaveText(['December 18, 2024', 'Ilham Aliyev']);
  await page.screenshot({ path: info.outputPath('linked-claim.png') });

  // Group the actor under an entity name.
  await annotationList(page).getByRole('button', { name: /Ilham Aliyev/ }).click();
  await page.getByLabel('Entity (the same actor under any name)').fill('Ilham Aliyev (President of Azerbaijan)');
  await page.getByLabel('Entity (the same actor under any name)').press('Enter');
  await page.keyboard.press('Tab');

  // The claims table (t) shows the row; clicking it jumps to the claim.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('t');
  const table = page.getByRole('table', { name: 'Claims' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(CLAIM);
  await expect(table.getByRole('row').nth(1)).toContainText('Ilham Aliyev (President of Azerbaijan)');
  await expect(table.getByRole('row').nth(1)).toContainText('2024-12-18');
  await page.screenshot({ path: info.outputPath('claims-table.png') });

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csvPath = info.outputPath('claims.csv');
  await csvDownload.saveAs(csvPath);
  const csv = fs.readFileSync(csvPath, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('claim_id,claim,sources,targets,dates,date_modifiers,start,end');
  expect(lines[1]).toContain(`,${CLAIM},Ilham Aliyev (President of Azerbaijan),,2024-12-18,,`);
  expect(lines[2]).toBe('');

  await table.getByRole('button', { name: CLAIM }).click();
  await expect(table).toBeHidden();
  await expect(page.locator('.editor-quote')).toHaveText(CLAIM);

  // The JSON export carries the relations, the entity, the date value and the claims table.
  await page.getByRole('button', { name: /Export/ }).click();
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Download JSON/ }).click(),
  ]);
  const jsonPath = info.outputPath('export.json');
  await jsonDownload.saveAs(jsonPath);
  const exported = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  expect(exported.version).toBe(3);
  const byId = Object.fromEntries(exported.annotations.map((a) => [a.id, a]));
  expect(exported.relations).toHaveLength(2);
  for (const r of exported.relations) {
    expect(byId[r.claim].quote).toBe(CLAIM);
    expect(byId[r.annotation].label).toBe(r.role === 'when' ? 'date' : 'actor');
  }
  const actor = exported.annotations.find((a) => a.label === 'actor');
  expect(actor.entity).toEqual({ id: 'ilham-aliyev-president-of-azerbaijan', name: 'Ilham Aliyev (President of Azerbaijan)' });
  expect(exported.annotations.find((a) => a.label === 'date').date).toEqual({ value: '2024-12-18', manual: false });
  expect(exported.claims).toEqual([{
    claim: byId[exported.relations[0].claim].id, quote: CLAIM,
    start: byId[exported.relations[0].claim].start, end: byId[exported.relations[0].claim].end,
    sources: ['Ilham Aliyev (President of Azerbaijan)'], targets: [], dates: ['2024-12-18'], date_modifiers: [null],
  }]);
  for (const a of exported.annotations) expect(slice(exported.document.text, a.start, a.end)).toBe(a.quote);

  // A date value set by hand is what the list, the links and the table show.
  await annotationList(page).getByRole('button', { name: /December 18, 2024/ }).click();
  await page.getByLabel('Date value (ISO 8601; empty = computed)').fill('2024-12-18T14:00');
  await page.getByLabel('Date value (ISO 8601; empty = computed)').press('Enter');
  await page.keyboard.press('Tab');
  await expect(annotationList(page)).toContainText('December 18, 2024→ 2024-12-18T14:00');
  await expect(page.locator('.editor-date')).toHaveText('Date value: 2024-12-18T14:00 (set by hand)');

  // Deleting the actor deletes its link; undo brings both back.
  await annotationList(page).getByRole('button', { name: /Ilham Aliyev/ }).click();
  await page.keyboard.press('Delete');
  await annotationList(page).getByRole('button', { name: /Armenia would leave/ }).click();
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(links.getByRole('listitem')).toHaveCount(2);
});
