// Entities across the library: a generated 6-article workspace imported through the UI, the
// view opened from the toolbar, an entity's counts checked against ones worked out here, in
// JS, from the file alone; a mention followed to its document; one entity merged into another,
// the stored records read back from the database, the open document updated, and a reload
// keeping it all.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, stored } from './helpers.mjs';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const COUNT = 6;

/** Writes the generated workspace with the repository's generator. */
function generate(out) {
  execFileSync('cargo', ['run', '--quiet', '--locked', '--example', 'generate_library', '--', out, '--count', String(COUNT), '--seed', '14'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

/**
 * The entities of the workspace, from the file alone: actors grouped by their entity's id
 * (the file writes one for every actor, the text's own when none was set), with their
 * mentions, documents and the claims they are a source or target of (each claim once).
 */
function entitiesOf(workspace) {
  const entities = new Map();
  for (const file of workspace.documents) {
    const byId = new Map(file.annotations.map((a) => [a.id, a]));
    for (const a of file.annotations.filter((a) => a.label === 'actor')) {
      const key = a.entity.id;
      if (!entities.has(key)) entities.set(key, { id: key, name: a.entity.name, mentions: [], documents: new Set(), source: new Set(), target: new Set() });
      const e = entities.get(key);
      e.mentions.push({ doc: file.document.id, id: a.id, quote: a.quote });
      e.documents.add(file.document.id);
    }
    for (const r of file.relations.filter((r) => r.role !== 'when')) {
      const actor = byId.get(r.annotation);
      entities.get(actor.entity.id)[r.role].add(`${file.document.id}/${r.claim}`);
    }
  }
  return [...entities.values()];
}

test('entities across a 6-article library: counts, a mention followed, a merge written and kept', async ({ page }, info) => {
  test.setTimeout(150_000);
  const workspace = generate(info.outputPath('library.json'));
  const entities = entitiesOf(workspace);
  const mentions = entities.reduce((n, e) => n + e.mentions.length, 0);
  // A: the most mentioned; B: one in two documents or more (fewest mentions first), to merge into A.
  const byMentions = [...entities].sort((x, y) => y.mentions.length - x.mentions.length || (x.name < y.name ? -1 : 1));
  const a = byMentions[0];
  const b = byMentions.filter((e) => e !== a && e.documents.size >= 2).at(-1);
  expect(a.source.size + a.target.size, 'A is linked to claims').toBeGreaterThan(0);
  expect(b, 'an entity in two documents to merge').toBeTruthy();

  await openFresh(page);
  await page.locator('input[type=file]').first().setInputFiles(info.outputPath('library.json'));
  await expect(page.getByRole('status').first()).toContainText(`${COUNT} documents added`);
  // Open one of B's documents: the merge must reach the open document too.
  const bDoc = [...b.documents][0];
  const bFile = workspace.documents.find((f) => f.document.id === bDoc);
  await page.evaluate((id) => { location.hash = `doc=${encodeURIComponent(id)}`; }, bDoc);
  await expect(page.locator('.reader-title')).toHaveText(bFile.document.title);

  // Opened from the toolbar; its name starts with what it shows.
  const opener = page.getByRole('button', { name: /^Library entities/ });
  await expect(opener).toHaveText('Library entities');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Entities across the library' });
  const count = dialog.locator('.collection-count');
  // The built-in article, the 7th document, has no actors in a fresh browser.
  await expect(count).toHaveText(`${entities.length} entities with ${mentions} mentions in ${COUNT + 1} documents`);
  await expect(dialog.getByLabel('Filter by name')).toBeFocused();

  // A's row, found by its name (filtered without its accents and in capitals), with its counts.
  const rowOf = (e) => dialog.getByRole('row').filter({ has: page.getByRole('button', { name: e.name, exact: true }) });
  const plain = a.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  await dialog.getByLabel('Filter by name').fill(plain);
  const cells = async (e) => (await rowOf(e).locator('td.num').allInnerTexts()).map(Number);
  await expect(rowOf(a)).toBeVisible();
  expect(await cells(a)).toEqual([a.mentions.length, a.documents.size, a.source.size, a.target.size]);
  await dialog.getByLabel('Filter by name').fill('');
  // Sorted by mentions, most first, by default.
  const column = (await dialog.locator('tbody tr td:nth-child(2)').allInnerTexts()).map(Number);
  expect(column).toEqual([...column].sort((x, y) => y - x));
  expect(column.length).toBe(entities.length);

  // A chosen: its mentions by document (links), its claims.
  await rowOf(a).getByRole('button').click();
  const detail = dialog.locator('.entity-detail');
  await expect(detail.getByRole('heading', { level: 3 })).toHaveText(a.name);
  await expect(detail.locator('.entity-mentions a')).toHaveCount(a.mentions.length);
  await expect(detail.locator('.entity-docs > li')).toHaveCount(a.documents.size);
  await expect(detail.locator('.entity-claims li')).toHaveCount(a.source.size + a.target.size);

  // A mention in another document opens it with the mention selected.
  const elsewhere = a.mentions.find((m) => m.doc !== bDoc);
  const elsewhereFile = workspace.documents.find((f) => f.document.id === elsewhere.doc);
  await detail.locator(`a[href="#doc=${encodeURIComponent(elsewhere.doc)}&select=${encodeURIComponent(elsewhere.id)}"]`).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.reader-title')).toHaveText(elsewhereFile.document.title);
  await expect(page.locator('.editor-quote')).toHaveText(elsewhere.quote);
  // Back to B's document for the merge.
  await page.keyboard.press('Escape');
  await page.evaluate((id) => { location.hash = `doc=${encodeURIComponent(id)}`; }, bDoc);
  await expect(page.locator('.reader-title')).toHaveText(bFile.document.title);
  await opener.click();
  await expect(count).toContainText(`${entities.length} entities`);
  await rowOf(a).getByRole('button').click();

  // Merge B into A: the question names what changes; Cancel has the focus.
  const choose = dialog.getByLabel(`Merge another entity into “${a.name}”`);
  await choose.selectOption(b.id);
  await dialog.getByRole('button', { name: `Merge “${b.name}” into “${a.name}”…` }).click();
  const question = dialog.getByRole('group', { name: `Merge “${b.name}” into “${a.name}”?` });
  await expect(question).toContainText(`${b.mentions.length} mentions in ${b.documents.size} documents get the entity name “${a.name}”`);
  await expect(question).toContainText('cannot be undone');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: info.outputPath('merge-question.png') });
  await question.getByRole('button', { name: `Merge “${b.name}” into “${a.name}”`, exact: true }).click();
  await expect(dialog.locator('.merge-report')).toHaveText(
    `Merged “${b.name}” into “${a.name}”: ${b.mentions.length} mentions in ${b.documents.size} documents now name “${a.name}”.`,
  );
  // The library is read again: A has B's mentions, B is gone.
  await expect(count).toHaveText(`${entities.length - 1} entities with ${mentions} mentions in ${COUNT + 1} documents`);
  const merged = {
    mentions: a.mentions.length + b.mentions.length,
    documents: new Set([...a.documents, ...b.documents]).size,
    source: new Set([...a.source, ...b.source]).size,
    target: new Set([...a.target, ...b.target]).size,
  };
  const expectedCells = [merged.mentions, merged.documents, merged.source, merged.target];
  await expect.poll(() => cells(a)).toEqual(expectedCells);
  await expect(rowOf(b)).toHaveCount(0);
  await expect(detail.locator('.entity-mentions a')).toHaveCount(merged.mentions);
  await page.screenshot({ path: info.outputPath('entities.png') });

  // The database holds it: in each of B's documents B's actors name A, and nothing else moved.
  const bIds = new Set(b.mentions.map((m) => `${m.doc}/${m.id}`));
  for (const doc of b.documents) {
    const file = workspace.documents.find((f) => f.document.id === doc);
    const now = await stored(page, doc);
    expect(now.annotations.map((x) => x.id).sort()).toEqual(file.annotations.map((x) => x.id).sort());
    expect(now.relations.length).toBe(file.relations.length);
    for (const before of file.annotations) {
      const after = now.annotations.find((x) => x.id === before.id);
      if (bIds.has(`${doc}/${before.id}`)) {
        expect(after.entity).toEqual({ id: a.id, name: a.name });
        expect(after.updated > before.updated).toBe(true);
      } else {
        expect(after.entity ?? null).toEqual(before.entity ?? null);
        expect(after.updated).toBe(before.updated);
      }
    }
  }

  // The open document (one of B's) took the change in: its B mention, selected from the
  // view without leaving the document, names A in the editor, and nothing is left to save.
  const bMention = b.mentions.find((m) => m.doc === bDoc);
  await detail.locator(`a[href="#doc=${encodeURIComponent(bDoc)}&select=${encodeURIComponent(bMention.id)}"]`).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.editor-quote')).toHaveText(bMention.quote);
  await expect(page.locator('.editor').getByLabel(/^Entity/)).toHaveValue(a.name);
  await expect(page.locator('.status')).toContainText('Saved locally');
  expect((await stored(page, bDoc)).annotations.find((x) => x.id === bMention.id).entity).toEqual({ id: a.id, name: a.name });

  // A reload keeps it.
  await page.reload();
  await expect(page.locator('.reader-title')).toHaveText(bFile.document.title);
  await opener.click();
  await expect(count).toHaveText(`${entities.length - 1} entities with ${mentions} mentions in ${COUNT + 1} documents`);
  await expect.poll(() => cells(a)).toEqual(expectedCells);
  await expect(rowOf(b)).toHaveCount(0);
});
