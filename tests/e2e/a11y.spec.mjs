// An automated accessibility audit (axe-core) of every main view, in the light and the dark
// theme and on a phone-sized screen: no serious or critical violation may remain.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { openFresh, annotationList, documentsButton, axeAudit as audit } from './helpers.mjs';

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'article.annotations.json');

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical axe violations in the main views (${scheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openFresh(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background === 'rgb(251, 250, 247)', `${scheme} page background ${background}`).toBe(scheme === 'light');
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    const list = annotationList(page);
    await expect(list.getByRole('listitem')).toHaveCount(4);
    // Overlapping spans, a selected claim with its links outlined, the editor open.
    await list.getByRole('button', { name: /Russian-Armenian relations/ }).click();
    await audit(page, 'article + list + editor', info);
    await page.screenshot({ path: info.outputPath(`main-${scheme}.png`) });

    await page.keyboard.press('r');
    await expect(page.getByRole('dialog', { name: /Link/ })).toBeVisible();
    await audit(page, 'link picker', info);
    await page.keyboard.press('Escape');

    // The suggestions panel with one under review, its ghosts over the text.
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Suggestions' })).toBeVisible({ timeout: 20_000 });
    await page.keyboard.press(']');
    await expect(page.locator('.ghost.current').first()).toBeVisible();
    await audit(page, 'suggestions', info);
    await page.screenshot({ path: info.outputPath(`suggestions-${scheme}.png`) });
    await page.getByRole('button', { name: 'Close suggestions' }).click();

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard and mouse' })).toBeVisible();
    await audit(page, 'help', info);
    await page.keyboard.press('Escape');

    await page.keyboard.press('t');
    await expect(page.getByRole('dialog', { name: /claims/i })).toBeVisible();
    await audit(page, 'claims table', info);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Library claims/ }).click();
    const libraryClaims = page.getByRole('dialog', { name: 'Claims across the library' });
    await expect(libraryClaims.locator('.collection-count')).toContainText('claim');
    await audit(page, 'claims across the library', info);
    await page.keyboard.press('Escape');

    // Entities across the library, with an entity chosen and a merge asked about.
    await page.getByRole('button', { name: /^Library entities/ }).click();
    const libraryEntities = page.getByRole('dialog', { name: 'Entities across the library' });
    await expect(libraryEntities.locator('.collection-count')).toContainText('2 entities');
    await libraryEntities.getByRole('button', { name: 'Sergey Lavrov', exact: true }).click();
    await libraryEntities.getByLabel('Merge another entity into “Sergey Lavrov”').selectOption('russian-armenian');
    await libraryEntities.getByRole('button', { name: 'Merge “Russian-Armenian” into “Sergey Lavrov”…' }).click();
    await expect(libraryEntities.getByRole('group', { name: /^Merge/ })).toBeVisible();
    await audit(page, 'entities across the library', info);
    await page.keyboard.press('Escape');

    await documentsButton(page).click();
    await expect(page.getByRole('dialog', { name: 'Documents' })).toBeVisible();
    await audit(page, 'documents', info);
    await page.keyboard.press('Escape');

    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await expect(page.getByRole('dialog', { name: /^Import/ })).toBeVisible();
    await audit(page, 'import question', info);
    // The same file as a colleague's layer; one of my actors removed, so that there are two
    // disagreements to curate (the actor, and the claim that was linked to it).
    await page.getByRole('button', { name: "Add as a colleague's layer" }).click();
    await expect(page.locator('.notice')).toContainText("layer (4 annotations)");
    await list.getByRole('button', { name: 'actor Sergey Lavrov' }).click();
    await page.keyboard.press('Delete');
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await page.keyboard.press('l');
    const layers = page.getByRole('complementary', { name: 'Layers' });
    await expect(layers.getByRole('button', { name: 'Curate into a gold document' })).toBeEnabled();
    await expect(page.locator('.layer-mark').first()).toBeAttached();
    await audit(page, 'layers', info);
    await layers.getByRole('button', { name: 'Curate into a gold document' }).click();
    const curate = page.getByRole('complementary', { name: 'Curate' });
    await expect(curate.locator('.curate-summary')).toContainText('2 disagreements: 0 decided');
    await page.keyboard.press(']');
    await expect(curate.locator('.curate-item.current')).toBeFocused();
    await audit(page, 'curate', info);
    await page.screenshot({ path: info.outputPath(`curate-${scheme}.png`) });
    await curate.getByRole('button', { name: 'Close the layers panel' }).click();

    await page.getByRole('button', { name: /^Export/ }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await audit(page, 'export menu', info);
    await page.keyboard.press('Escape');

    // The question for the annotator's name before a first export.
    await page.evaluate(() => localStorage.removeItem('text-annotator:annotator-asked'));
    await page.getByRole('button', { name: /^Export/ }).click();
    await page.getByRole('menuitem', { name: /^Download JSON/ }).click();
    const ask = page.getByRole('dialog', { name: 'Your name as annotator' });
    await expect(ask.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await audit(page, 'name question', info);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();

    await page.setViewportSize({ width: 360, height: 740 });
    await audit(page, 'phone width', info);
    await page.screenshot({ path: info.outputPath(`narrow-${scheme}.png`), fullPage: false });
  });
}

test('the theme toggle switches, is remembered, and wins over the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openFresh(page);
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /^Theme/ });
  await expect(toggle).toHaveAccessibleName(/^Theme: light/);
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName(/^Theme: dark/);
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toBe('rgb(251, 250, 247)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('text-annotator:theme'))).toBe('dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: /^Theme/ }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(251, 250, 247)');
});
