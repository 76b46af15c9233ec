// Layout faults a person meets: a notice over the side panel's buttons, the shortcut sheet
// opening at its end, the annotation list not filling its box after delete and undo, and the
// phone layout (compact toolbar, the selected annotation's actions at hand, "Tap" wording).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, dragSelect, annotationList } from './helpers.mjs';

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'article.annotations.json');
const CLAIM = 'Armenia would leave the CSTO as soon as it received the green light from Washington';

/** Every visible control's box that the notice bar's box overlaps (its own buttons aside). */
async function controlsUnderNotice(page) {
  return page.evaluate(() => {
    const notice = document.querySelector('.notices .notice');
    if (!notice) throw new Error('no notice shown');
    const n = notice.getBoundingClientRect();
    const hits = [];
    for (const el of document.querySelectorAll('button, input, textarea, select, a[href], [role=button], [tabindex="0"]')) {
      // The article text is one focusable box under every bar, the toolbar included.
      if (notice.contains(el) || el.matches('.doc-text') || !el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top) {
        hits.push(`${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}”`);
      }
    }
    return hits;
  });
}

for (const [width, height] of [[1280, 900], [360, 740]]) {
  test(`after linking a claim the notice covers no control (${width} px)`, async ({ page }, info) => {
    await page.setViewportSize({ width, height });
    await openFresh(page);
    await dragSelect(page, 'Ilham Aliyev');
    await page.keyboard.press('a');
    await dragSelect(page, 'December 18, 2024');
    await page.keyboard.press('d');
    await dragSelect(page, CLAIM);
    await page.keyboard.press('c');
    await page.keyboard.press('r');
    await expect(page.getByRole('dialog', { name: 'Link the claim' })).toBeVisible();
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('Escape');
    const notice = page.locator('.notices .notice');
    await expect(notice).toContainText('Linked as when');
    const claimTop = () => page.locator('.seg.is-selected').first().evaluate((e) => Math.round(e.getBoundingClientRect().top));
    const before = await claimTop();
    expect(await controlsUnderNotice(page)).toEqual([]);
    // The side panel's label buttons are whole and in view, below the notice.
    for (const name of ['Make Actor', 'Make Claim', 'Make Date']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await page.screenshot({ path: info.outputPath(`notice-${width}.png`) });
    // Dismissing it moves nothing the person is looking at.
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(notice).toHaveCount(0);
    expect(await claimTop()).toBe(before);
  });
}

test('the shortcut sheet opens at its top', async ({ page }) => {
  await openFresh(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard and mouse' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const box = dialog.locator('.shortcuts').locator('..');
  expect(await page.locator('.dialog.help').evaluate((d) => d.scrollTop)).toBe(0);
  await expect(dialog.getByRole('rowheader').first()).toHaveText('Select with the mouse');
  await expect(dialog.getByRole('rowheader').first()).toBeInViewport({ ratio: 1 });
  await expect(box).toBeVisible();
  // The sheet is longer than the dialog here, so "at the top" is not true by accident.
  expect(await page.locator('.dialog.help').evaluate((d) => d.scrollHeight > d.clientHeight)).toBe(true);
});

/** A file of `count` actor annotations, one per word of the default article. */
function manyAnnotations(count) {
  const file = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  const chars = Array.from(file.document.text);
  const text = chars.join('');
  const annotations = [];
  for (const m of text.matchAll(/[A-Z][a-z]{3,}/g)) {
    // matchAll gives UTF-16 indices; the file counts code points.
    const start = Array.from(text.slice(0, m.index)).length;
    const end = start + Array.from(m[0]).length;
    annotations.push({
      id: `many-${annotations.length}`, label: 'actor', start, end, quote: m[0],
      prefix: chars.slice(Math.max(0, start - 32), start).join(''), suffix: chars.slice(end, end + 32).join(''),
      note: '', created: '2025-01-01T00:00:00.000Z', updated: '2025-01-01T00:00:00.000Z',
    });
    if (annotations.length === count) break;
  }
  return { ...file, annotations, orphans: [], relations: [], claims: [] };
}

test('after delete and undo the annotation list fills its box again', async ({ page }) => {
  await openFresh(page);
  const file = manyAnnotations(60);
  expect(file.annotations.length).toBe(60);
  await page.locator('input[type=file]').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const list = annotationList(page);
  await expect(page.getByRole('heading', { name: 'Annotations (60)' })).toBeVisible();
  // Fewer rows are rendered than there are: the list is virtualised.
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  // Select a row further down: the editor opens above the list, which shrinks and scrolls.
  await list.getByRole('button').nth(15).click();
  await expect(page.locator('.editor')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('heading', { name: 'Annotations (59)' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('heading', { name: 'Annotations (60)' })).toBeVisible();
  // Every row slot in the list's box has its row: the last rendered row reaches its bottom.
  await expect.poll(() => page.locator('.list-viewport').evaluate((viewport) => {
    const box = viewport.getBoundingClientRect();
    const rows = [...viewport.querySelectorAll('li')].map((li) => li.getBoundingClientRect());
    const lowest = Math.max(...rows.map((r) => r.bottom));
    return lowest >= box.bottom - 1 ? 'filled' : `rows end at ${Math.round(lowest - box.top)} of ${Math.round(box.height)} px`;
  })).toBe('filled');
});

test('the sticky-label toggles say what they are without hovering', async ({ page }) => {
  await openFresh(page);
  for (const label of ['Actor', 'Claim', 'Date']) {
    const pin = page.getByRole('button', { name: `Pin ${label}` });
    await expect(pin).toBeVisible();
    await expect(pin).toContainText('Pin');
    await expect(pin).toHaveAttribute('aria-pressed', 'false');
  }
  // The label buttons' names begin with what they show.
  await expect(page.getByRole('button', { name: /^Actor/ })).toHaveAccessibleName(/^Actor 1\b/);
});

test('on a phone the toolbar is compact and the selected annotation has its actions at hand', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openFresh(page);
  // Two rows of controls at most.
  const rows = await page.locator('header.toolbar').evaluate((bar) => {
    const tops = [...bar.querySelectorAll('button')].filter((b) => b.checkVisibility()).map((b) => Math.round(b.getBoundingClientRect().top));
    return new Set(tops.map((t) => Math.round(t / 20))).size;
  });
  expect(rows).toBeLessThanOrEqual(2);

  await page.screenshot({ path: info.outputPath('phone-toolbar.png') });
  await dragSelect(page, 'Ilham Aliyev');
  await page.keyboard.press('a');
  await dragSelect(page, CLAIM);
  await page.getByRole('button', { name: /^Claim/ }).click();
  const bar = page.getByRole('region', { name: 'Selected annotation actions' });
  await expect(bar).toBeInViewport({ ratio: 1 });
  await expect(bar).toContainText('Armenia would leave');
  await expect(bar.getByRole('combobox', { name: 'Label' })).toHaveValue('claim');
  for (const name of ['Link…', 'Note', 'Delete']) await expect(bar.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: info.outputPath('phone-selected.png') });

  // The link list speaks of tapping, not of digits.
  await bar.getByRole('button', { name: 'Link…', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Link the claim' });
  await expect(picker).toContainText('Tap', { useInnerText: true });
  await expect(picker).not.toContainText('Press a digit', { useInnerText: true });
  await picker.getByRole('button', { name: /Ilham Aliyev.*source/ }).click();
  await picker.getByRole('button', { name: 'Done' }).click();
  await page.screenshot({ path: info.outputPath('phone-linked.png') });

  // Relabel and delete from the bar. The claim has a source a date cannot keep: the app asks.
  await bar.getByRole('combobox', { name: 'Label' }).selectOption('date');
  await page.getByRole('alertdialog', { name: /^Relabel as date/ })
    .getByRole('button', { name: /^Relabel and remove 1 link/ }).click();
  await expect(page.locator('.editor-meta')).toContainText('date');
  await bar.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Annotations (1)' })).toBeVisible();

  // The tools that do not fit are one tap away.
  await page.getByRole('button', { name: /^More/ }).click();
  await expect(page.getByRole('button', { name: /^Table of claims/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Theme/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^Table of claims/ })).toBeHidden();
});
