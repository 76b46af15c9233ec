// A whole annotation session without the mouse: into the text with Tab, a caret moved by
// arrows, selections with Shift, labels, a link, relabel, delete, undo, export — keys only.
import { test, expect } from '@playwright/test';
import { annotationList, stored, clearStorage } from './helpers.mjs';

const caret = (page) => page.locator('.doc-text').getAttribute('data-caret').then(Number);

/** Moves the caret to a code-point offset with word and character steps, as a person would. */
async function caretTo(page, target, shift = false) {
  const mod = shift ? 'Shift+' : '';
  for (let i = 0; i < 400 && (await caret(page)) < target - 12; i++) await page.keyboard.press(`${mod}Control+ArrowRight`);
  for (let i = 0; i < 400 && (await caret(page)) > target + 12; i++) await page.keyboard.press(`${mod}Control+ArrowLeft`);
  for (let i = 0; i < 40 && (await caret(page)) < target; i++) await page.keyboard.press(`${mod}ArrowRight`);
  for (let i = 0; i < 40 && (await caret(page)) > target; i++) await page.keyboard.press(`${mod}ArrowLeft`);
  expect(await caret(page)).toBe(target);
}

test('annotate, link, relabel, delete and export with the keyboard alone', async ({ page }, info) => {
  await page.goto('/index.html');
  await clearStorage(page);
  await page.reload();
  await expect(page.locator('.doc-text p').first()).toBeVisible();
  const list = annotationList(page);
  const live = page.locator('div.visually-hidden[aria-live=polite]');

  // The first Tab offers the way into the text.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to the article text' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.doc-text')).toBeFocused();
  await expect(page.locator('.kbd-caret')).toBeVisible();

  // "Sergey Lavrov" (291–304): caret to its start, Shift+Ctrl+Right twice, key 1.
  await page.keyboard.press('Control+Home');
  expect(await caret(page)).toBe(0);
  await caretTo(page, 291);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await expect(page.locator('.seg.is-pending')).toHaveText('Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveText(['actorSergey Lavrov']);
  await expect(live).toHaveText('Added actor: Sergey Lavrov');
  // The caret is drawn where it stands, at the end of the new highlight, on its line (it is
  // measured in the frame after the key).
  await expect.poll(async () => page.evaluate(() => {
    const caretBox = document.querySelector('.kbd-caret').getBoundingClientRect();
    const seg = [...document.querySelectorAll('.doc-text [data-ids]')].find((s) => s.textContent.endsWith('Lavrov'));
    const range = document.createRange();
    range.setStart(seg.firstChild, seg.firstChild.data.length - 1);
    range.setEnd(seg.firstChild, seg.firstChild.data.length);
    const last = [...range.getClientRects()].pop();
    return Math.abs(caretBox.left - last.right) <= 2 && caretBox.top <= last.top + 2 && caretBox.bottom >= last.bottom - 2;
  })).toBe(true);

  // A whole claim, selected with Shift and word steps, key 2.
  const claim = 'Russian-Armenian relations are experiencing a challenging period';
  await caretTo(page, 352);
  await caretTo(page, 352 + claim.length, true);
  await page.keyboard.press('2');
  await expect(live).toHaveText(`Added claim: ${claim}`);
  // Link it to its source: r opens the picker, 1 links the first candidate.
  await page.keyboard.press('r');
  const picker = page.getByRole('dialog', { name: /Link/ });
  await expect(picker).toContainText('Sergey Lavrov');
  await page.keyboard.press('1');
  await expect.poll(async () => (await stored(page))?.relations?.length).toBe(1);
  // The picker stays open for more links; Escape closes it.
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  // Tab steps through annotations; Enter on the caret's highlight selects it.
  await expect(page.locator('.doc-text')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(live).toHaveText('actor: Sergey Lavrov');
  expect(await caret(page)).toBe(291);
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('button', { name: /Sergey Lavrov/ })).toHaveAttribute('aria-current', 'true');
  // Relabel as date, then delete, each undone. Lavrov is the claim's source, which a date
  // cannot be: the app asks first, naming the link, and Enter answers yes.
  await page.keyboard.press('3');
  const question = page.getByRole('alertdialog', { name: 'Relabel as date?' });
  await expect(question).toContainText('source of “Russian-Armenian relations are experiencing a challenging p…”');
  await expect(question.getByRole('button', { name: 'Relabel and remove 1 link' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(live).toHaveText('Relabelled as date: Sergey Lavrov');
  await expect(list.getByRole('listitem')).toHaveText([/^dateSergey Lavrov/, /^claim/]);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Delete');
  await expect(live).toHaveText('Deleted actor: Sergey Lavrov');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // A note: n opens the field, Escape leaves it (saved) and returns to the text.
  await page.keyboard.press('Shift+Tab');
  await expect(live).toHaveText('actor: Sergey Lavrov');
  await page.keyboard.press('n');
  await expect(page.locator('#note-field')).toBeFocused();
  await page.keyboard.type('Foreign Minister');
  await page.keyboard.press('Escape');
  await expect(page.locator('.doc-text')).toBeFocused();
  await expect.poll(async () => (await stored(page))?.annotations.find((a) => a.id && a.start === 291)?.note).toBe('Foreign Minister');
  await page.screenshot({ path: info.outputPath('keyboard.png') });

  // A dialog keeps the focus while open (the page behind is inert) and gives it back.
  await expect(page.locator('.doc-text')).toBeFocused();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard and mouse' });
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await help.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.locator('.doc-text')).toBeFocused();

  // Export from the menu: Tab to it, open it with Enter, walk to W3C with the arrows.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.getByRole('button', { name: /^Export/ }).evaluate((b) => b === document.activeElement)) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /^W3C/ })).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.w3c\.jsonld$/);
  await expect(page.getByRole('button', { name: /^Export/ })).toBeFocused();
});
