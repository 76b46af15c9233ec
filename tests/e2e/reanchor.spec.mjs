// Importing annotations made for an edited copy of the text: re-anchored with a report,
// orphans listed and re-attachable, everything kept across a reload.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { openFresh, dragSelect, annotationList } from './helpers.mjs';

const article = fs.readFileSync(new URL('../../assets/russia-armenia-2025-01-24.txt', import.meta.url), 'utf8');

/** An annotation on `text` at the n-th occurrence of `quote`, in code points. */
function annotation(text, id, label, quote) {
  const chars = Array.from(text);
  const utf16 = text.indexOf(quote);
  const start = Array.from(text.slice(0, utf16)).length;
  const end = start + Array.from(quote).length;
  return {
    id, label, start, end, quote,
    prefix: chars.slice(Math.max(0, start - 32), start).join(''),
    suffix: chars.slice(end, end + 32).join(''),
    note: '', created: '2025-01-25T10:00:00.000Z', updated: '2025-01-25T10:00:00.000Z',
  };
}

test('annotations for an edited text are re-anchored, reported, and orphans can be re-attached', async ({ page }, info) => {
  await openFresh(page);
  // The file was made for a re-published version: a new first line (with emoji and Armenian)
  // shifts everything, one name is spelled differently, and one sentence does not exist in ours.
  const edited = '🇦🇲 Re-published on Հայաստան desk, with a correction.\n' +
    article.replace('Dmitry Peskov', 'Dmitri Peskov') + '\nLavrov later called the talks constructive.';
  const file = {
    format: 'text-annotator', version: 2, offset_unit: 'codepoint',
    document: {
      id: 'russia-armenia-2025-01-24', title: 'Edited copy', text: edited,
      text_sha256: crypto.createHash('sha256').update(edited, 'utf8').digest('hex'),
      text_length: Array.from(edited).length,
    },
    labels: ['actor', 'claim', 'date'],
    annotations: [
      annotation(edited, 'x1', 'actor', 'Sergey Lavrov'),
      annotation(edited, 'x2', 'actor', 'Dmitri Peskov'),
      annotation(edited, 'x3', 'claim', 'Lavrov later called the talks constructive'),
    ],
    orphans: [],
    relations: [],
  };
  const path = info.outputPath('edited.json');
  fs.writeFileSync(path, JSON.stringify(file));
  await page.locator('input[type=file]').setInputFiles(path);

  const status = page.getByRole('status').first();
  await expect(status).toContainText('Imported 2 annotations from edited.json');
  await expect(status).toContainText('0 placed exactly, 1 moved, 1 matched fuzzily, 1 orphaned');
  const list = annotationList(page);
  // The fuzzy match takes our text: the quote is our spelling now.
  await expect(list.getByRole('listitem')).toHaveText(['actorSergey Lavrov', 'actorDmitry Peskov']);
  const orphans = page.getByRole('list', { name: 'Orphans' });
  await expect(orphans.getByRole('listitem')).toHaveCount(1);
  await expect(orphans).toContainText('Lavrov later called the talks constructive');

  // Orphans survive a reload and are part of the export.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Orphans' }).getByRole('listitem')).toHaveCount(1);

  // Re-attach it to a selection of our text.
  await dragSelect(page, 'Russian-Armenian relations are experiencing a challenging period');
  await page.screenshot({ path: info.outputPath('orphan-and-pending-selection.png') });
  await page.getByRole('button', { name: 'Attach to selection' }).click();
  await expect(page.getByRole('list', { name: 'Orphans' })).toHaveCount(0);
  await expect(list).toContainText('claimRussian-Armenian relations are experiencing a challenging period');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('list', { name: 'Orphans' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Orphans' })).toHaveCount(0);
  await expect(list.getByRole('listitem')).toHaveCount(2);
});
