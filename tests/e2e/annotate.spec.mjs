// The path, driven like a person: mouse selections, keys and buttons, reload,
// export checked by an outside reader, and a broken import that changes nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList, slice, stored } from './helpers.mjs';

const CLAIM =
  'This was reported by the Russian Ministry of Foreign Affairs (MFA) on January 24 in response to media questions ahead of a press conference by Foreign Minister Sergey Lavrov summarizing Russian diplomacy’s 2024 results';

test('annotate actor, claim and date, reload, export, reject a broken import', async ({ page }, info) => {
  await openFresh(page);
  const list = annotationList(page);

  // 1. Drag-select "Sergey Lavrov" and press 1.
  await dragSelect(page, 'Sergey Lavrov');
  await expect(page.locator('.seg.is-pending')).toHaveText('Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('actorSergey Lavrov');

  // 2. Select the whole claim sentence (a little sloppily: from inside "This" to the period)
  //    and click the Claim button.
  await dragSelect(page, 'his was reported by the Russian Ministry of Foreign Affairs (MFA) on January 24 in response to media questions ahead of a press conference by Foreign Minister Sergey Lavrov summarizing Russian diplomacy’s 2024 results.');
  await page.getByRole('button', { name: /^Claim/ }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // 3. Select "January 24" and press d.
  await dragSelect(page, 'January 24');
  await page.keyboard.press('d');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(page.locator('.status')).toContainText('Saved locally · 3 annotations (1 actor, 1 claim, 1 date)');
  // The date gets its normalised value: the latest such day up to the publication date.
  await expect(list).toContainText('dateJanuary 24→ 2025-01-24');
  await expect(page.locator('.editor-date')).toHaveText('Date value: 2025-01-24 (the latest January 24 not after the publication date, 2025-01-24)');

  // Overlap is visible: the name is covered by both the claim and the actor.
  const nameSegment = page.locator('.seg[data-ids]', { hasText: 'Sergey Lavrov' });
  await expect(nameSegment).toHaveAttribute('data-ids', /^\S+ \S+$/);
  await expect(nameSegment).toHaveAttribute('title', /claim: This was reported[\s\S]*actor: Sergey Lavrov/);
  await page.mouse.click(10, 10); // away from the text
  await page.keyboard.press('Escape');
  await page.screenshot({ path: info.outputPath('overlapping-spans.png'), fullPage: true });

  // Reload: all three come back.
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Sergey Lavrov');
  await expect(list).toContainText('January 24');
  await expect(list).toContainText('This was reported');

  // Export: the downloaded JSON's spans equal the code-point slices of its own text.
  await page.getByRole('button', { name: /Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Download JSON/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('russia-armenia-2025-01-24.annotations.json');
  const file = info.outputPath('export.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.offset_unit).toBe('codepoint');
  expect(exported.annotations).toHaveLength(3);
  const byLabel = Object.fromEntries(exported.annotations.map((a) => [a.label, a]));
  expect(byLabel.actor.quote).toBe('Sergey Lavrov');
  expect(byLabel.date.quote).toBe('January 24');
  expect(byLabel.claim.quote).toBe(CLAIM);
  for (const a of exported.annotations) {
    expect(slice(exported.document.text, a.start, a.end)).toBe(a.quote);
  }
  // The curly apostrophe before the claim's end makes UTF-16 and code points agree here, but
  // the offsets are code points: check against the text by code points, not String.slice.
  expect(Array.from(exported.document.text).length).toBe(exported.document.text_length);

  // A broken import is rejected whole, with the reason, and nothing changes.
  const broken = structuredClone(exported);
  broken.annotations[1].quote = 'not the text';
  const brokenPath = info.outputPath('broken.json');
  fs.writeFileSync(brokenPath, JSON.stringify(broken));
  const before = await stored(page);
  await page.locator('input[type=file]').setInputFiles(brokenPath);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('rejected');
  await expect(alert).toContainText('annotation 2: quote “not the text” does not match the text at');
  await expect(alert).toContainText('Nothing was changed');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  expect(await stored(page)).toEqual(before);
});
