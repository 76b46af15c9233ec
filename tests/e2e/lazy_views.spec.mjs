// The views a visit may never open (documents, library claims and entities, the claims table,
// the shortcut sheet) are a third wasm module the page fetches on first use. A person sees
// them open as before; the page does not download them until then; and when the module
// cannot be fetched the person is told so, can close the message, and loses nothing.
import { test, expect } from '@playwright/test';
import { openFresh, dragSelect, stored, documentsButton } from './helpers.mjs';

/** The lazily loaded module's files that this page itself fetched (not its service worker). */
async function lazyFetches(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/lazy_views-')));
}

test('the page fetches the lazily loaded views once, on first use, and they open as before', async ({ page }) => {
  await openFresh(page);
  expect(await lazyFetches(page)).toEqual([]);
  // The page names the module's script, so it can fetch it later.
  await expect(page.locator('meta[name="lazy-views"]')).toHaveAttribute('content', /^\/lazy_views-[0-9a-f]{16}\.js$/);

  await page.locator('.doc-text').focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard and mouse' });
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(help.getByRole('rowheader', { name: 'Select with the mouse' })).toBeVisible();
  const first = await lazyFetches(page);
  expect(first.filter((p) => p.endsWith('.js'))).toHaveLength(1);
  expect(first.filter((p) => p.endsWith('_bg.wasm'))).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.locator('.doc-text')).toBeFocused();

  // Another view of the same module: nothing more is fetched.
  await documentsButton(page).click();
  const documents = page.getByRole('dialog', { name: 'Documents' });
  await expect(documents.getByRole('list', { name: 'Documents' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(documents).toBeHidden();
  await page.keyboard.press('t');
  const table = page.getByRole('dialog', { name: /^Claims/ });
  await expect(table.getByRole('table', { name: 'Claims' })).toBeVisible();
  await table.getByRole('button', { name: 'Close' }).click();
  await expect(table).toBeHidden();
  expect(await lazyFetches(page)).toEqual(first);
});

test('the claims table shows the document as it is when it opens, unsaved edits included', async ({ page }) => {
  await openFresh(page);
  await dragSelect(page, 'Russian-Armenian relations are experiencing a challenging period');
  await page.keyboard.press('2');
  await page.keyboard.press('t');
  const table = page.getByRole('dialog', { name: 'Claims (1)' });
  await expect(table.getByRole('button', { name: 'Russian-Armenian relations are experiencing a challenging period' })).toBeVisible();
  // A row opens its claim in the page: the table closes and the claim is selected.
  await table.getByRole('button', { name: 'Russian-Armenian relations are experiencing a challenging period' }).click();
  await expect(table).toBeHidden();
  await expect(page.locator('.editor-quote')).toHaveText('Russian-Armenian relations are experiencing a challenging period');
});

test.describe('offline on a first visit', () => {
  // The service worker would serve the module from its cache, which is its purpose; here the
  // module is to be missing, as on a first visit that loses the network.
  test.use({ serviceWorkers: 'block' });

  test('a view whose module cannot be fetched says so; Close returns to the work, nothing lost', async ({ page }) => {
    await openFresh(page);
    await dragSelect(page, 'Sergey Lavrov');
    await page.keyboard.press('1');
    await expect.poll(async () => (await stored(page))?.annotations.length).toBe(1);
    // As if offline on a first visit: the module's script cannot be fetched.
    await page.route(/\/lazy_views-[0-9a-f]+\.js$/, (route) => route.abort());
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const failed = page.getByRole('dialog', { name: 'Not opened' });
    await expect(failed.getByRole('alert')).toContainText('Opening the keyboard and mouse sheet failed: its code could not be downloaded');
    await failed.getByRole('button', { name: 'Close' }).click();
    await expect(failed).toBeHidden();
    await expect(page.locator('.doc-text')).toBeFocused();
    expect((await stored(page)).annotations.map((a) => a.quote)).toEqual(['Sergey Lavrov']);

    // Once the network is back, the next try loads it.
    await page.unroute(/\/lazy_views-[0-9a-f]+\.js$/);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard and mouse' })).toBeVisible();
  });
});
