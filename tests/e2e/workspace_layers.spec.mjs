// A document's side records travel in the workspace file (issue 16: layers "stored locally, in
// the workspace export, and survive reload"): a colleague's layer and the rejected
// suggestions are in the downloaded file without their revisions, and a workspace import in
// another browser brings the layer back (Agreement lists it) and joins the rejections with
// the ones there.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, annotationList } from './helpers.mjs';

const COLLEAGUE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'article.annotations.json');
const DOC = 'russia-armenia-2025-01-24';

/** Writes the document's rejections as the suggestions panel does. */
async function putRejections(page, rejected) {
  await page.evaluate(async ([id, doc, rejected]) => {
    const db = new PouchDB('text-annotator');
    await db.put({ _id: id, type: 'suggestions', doc, v: 3, rejected });
  }, [`suggest:${DOC}`, DOC, rejected]);
}

async function record(page, id) {
  return page.evaluate(async (id) => {
    try { return await new PouchDB('text-annotator').get(id); } catch (e) { return null; }
  }, id);
}

test("a colleague's layer and the rejections are in the workspace file and come back with its import", async ({ page, browser }, info) => {
  await openFresh(page);
  // Mine first (the document is empty, so the file is merged at once), then the colleague's.
  await page.locator('input[type=file]').setInputFiles(COLLEAGUE);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(4);
  await page.locator('input[type=file]').setInputFiles(COLLEAGUE);
  const question = page.getByRole('dialog', { name: /^Import 4 annotations/ });
  await question.getByRole('button', { name: "Add as a colleague's layer" }).click();
  await expect(page.locator('.notice')).toContainText("Added article's layer (4 annotations)");
  await putRejections(page, [{ l: 'actor', q: 'lavrov' }]);

  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Download workspace/ }).click(),
  ]);
  const file = info.outputPath('workspace.json');
  await download.saveAs(file);
  const workspace = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entry = workspace.documents.find((d) => d.document.id === DOC);
  const side = entry.side_records;
  expect(side.map((r) => r._id).sort()).toEqual([`layer:${DOC}:article`, `suggest:${DOC}`]);
  for (const r of side) expect(r).not.toHaveProperty('_rev');
  const layer = side.find((r) => r.type === 'layer');
  expect(layer.doc).toBe(DOC);
  expect(layer.file.annotations).toHaveLength(4);

  // Another browser, with a rejection of its own.
  const context = await browser.newContext({ baseURL: info.project.use.baseURL, viewport: info.project.use.viewport });
  const other = await context.newPage();
  await other.goto('/index.html');
  await expect(other.locator('article .doc-text')).toContainText('Relations between Russia and Armenia');
  await putRejections(other, [{ l: 'claim', q: 'talks are going well' }]);
  await other.locator('input[type=file]').setInputFiles(file);
  await expect(other.getByText(/Imported the workspace/).first()).toContainText('2 side records written');

  await expect(other.locator('article .doc-text')).toContainText('Relations between Russia and Armenia');
  await other.getByRole('button', { name: /^Agreement/ }).click();
  const dialog = other.getByRole('dialog', { name: 'Agreement' });
  const layers = dialog.getByRole('list', { name: 'Layers' });
  await expect(layers.getByRole('listitem')).toHaveCount(2);
  await expect(layers).toContainText('article: 4 annotations');

  const joined = await record(other, `suggest:${DOC}`);
  expect(joined.rejected).toEqual(expect.arrayContaining([{ l: 'actor', q: 'lavrov' }, { l: 'claim', q: 'talks are going well' }]));
  expect(joined.rejected).toHaveLength(2);
  await context.close();
});
