// The promise that nothing leaves the browser, kept under hostile input and without a network:
// a strict Content-Security-Policy, no request to any other origin in a whole session, hostile
// text shown as text, and the app starting, annotating and exporting offline.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { openFresh, dragSelect, annotationList, deleteAll, documentsButton } from './helpers.mjs';

/** Counts CSP violations and any sign that injected script ran. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('a whole session requests nothing outside the app and breaks no CSP rule', async ({ page, baseURL }, info) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await watch(page);
  await openFresh(page);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'/);
  expect(csp).not.toContain('INLINE-SCRIPTS');

  const list = annotationList(page);
  await dragSelect(page, 'Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Download JSON/ }).click()]);
  const file = info.outputPath('session.json');
  await download.saveAs(file);
  await deleteAll(page);
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await documentsButton(page).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');

  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(elsewhere, 'requests to other origins').toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test('hostile titles, text, notes and links are shown as text and never run', async ({ page }, info) => {
  await watch(page);
  await openFresh(page);
  const text = [
    'Breaking: <script>window.__pwned = "text"</script> said <img src=x onerror="window.__pwned=\'img\'">.',
    'Reversed \u202Eevil\u202C text and zero\u200Bwidth\u200Dmarks, <a href="javascript:window.__pwned=1">click</a>.',
  ].join('\n');
  const title = '<img src=x onerror="window.__pwned=\'title\'"> Title';
  const note = '<script>window.__pwned="note"</script> & <b>bold</b>';
  const start = [...text].indexOf('<');
  const quote = '<script>window.__pwned = "text"</script>';
  const workspace = {
    format: 'text-annotator-workspace', version: 1, exported: '2025-01-01T00:00:00.000Z',
    documents: [{
      format: 'text-annotator', version: 3, offset_unit: 'codepoint',
      document: {
        id: 'hostile-1', title, source_url: 'javascript:window.__pwned="url"', text,
        text_sha256: createHash('sha256').update(text, 'utf8').digest('hex'), text_length: [...text].length,
      },
      labels: ['actor', 'claim', 'date'],
      annotations: [{ id: '<b>x</b>', label: 'claim', start, end: start + [...quote].length, quote, note, created: '2025-01-01T00:00:00.000Z', updated: '2025-01-01T00:00:00.000Z' }],
      orphans: [], relations: [],
    }],
  };
  const path = info.outputPath('hostile.workspace.json');
  fs.writeFileSync(path, JSON.stringify(workspace));
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(page.getByRole('status').first()).toContainText('Imported the workspace');
  await documentsButton(page).click();
  await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /Title/ }).first().click();

  await expect(page.locator('.reader-title')).toHaveText(title);
  const shown = await page.locator('.doc-text').innerText();
  expect(shown).toContain('<script>window.__pwned = "text"</script>');
  // Bidi overrides and zero-width spaces are shown as marks, not applied: "evil" still reads
  // "evil"; the joiner (which shapes emoji) stays as it is.
  expect(shown).not.toContain('\u202E');
  await expect(page.locator('.doc-text .ctrl')).toHaveText(['RLO', 'PDF', 'ZWSP']);
  expect(shown).toMatch(/RLO\s*evil\s*PDF/);
  expect(shown).toContain('width\u200Dmarks');
  const list = annotationList(page);
  await list.getByRole('button', { name: /script/ }).click();
  await expect(page.locator('textarea')).toHaveValue(note);
  // No element was made from the hostile markup, and nothing ran.
  expect(await page.locator('.doc-text img, .doc-text script, .doc-text a, .reader-title img, aside img').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  await page.screenshot({ path: info.outputPath('hostile.png') });
  // Selecting across the marks maps to the model's own characters.
  await dragSelect(page, 'evil');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // The model keeps the text as it is: the controls are in the export, offsets unchanged.
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Download JSON/ }).click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(exported.document.text).toBe(text);
  expect(exported.annotations[0]).toMatchObject({ start, quote, note });
  const evil = exported.annotations[1];
  expect(evil.label).toBe('actor');
  expect(evil.quote.replace(/[\u202A-\u202E]/g, '')).toBe('evil');
  expect([...text].slice(evil.start, evil.end).join('')).toBe(evil.quote);
});

test('after the first visit the app starts, annotates and exports with the network off', async ({ page, context }, info) => {
  await openFresh(page);
  // The service worker has cached this build once it controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('article .doc-text')).toContainText('Relations between Russia and Armenia');
  const list = annotationList(page);
  await dragSelect(page, 'Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveText(['actorSergey Lavrov']);
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^W3C/ }).click()]);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).first.items[0].target.selector[1]).toMatchObject({ start: 291, end: 304 });
  await context.setOffline(false);
  // Installable: the manifest and its icons are served.
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
});
