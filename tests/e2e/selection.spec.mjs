// Selections as a person makes them: the mouse and the keyboard caret agree, keyboard
// selections lose their edge spaces, word snapping stops before an English possessive, and a
// byte-order mark neither stays at the start of an added document nor turns a line right to left.
import { test, expect } from '@playwright/test';
import { openFresh, textPoints, dragSelect, annotationList, stored, documentsButton } from './helpers.mjs';

const caret = (page) => page.locator('.doc-text').getAttribute('data-caret').then(Number);
/** The pending span's text, across the segments other highlights cut it into. */
const pendingText = (page) =>
  page.locator('.seg.is-pending').allTextContents().then((parts) => parts.join(''));

test('a click moves the caret, so Ctrl+Shift+Right selects from the click', async ({ page }) => {
  await openFresh(page);
  // The caret starts at "Relations between", the article's first words.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Home');
  expect(await caret(page)).toBe(0);

  // "Sergey Lavrov" is 291–304 (see keyboard.spec.mjs); click just inside its first letter.
  const { start } = await textPoints(page, 'Sergey');
  await page.mouse.click(start.x, start.y);
  expect(await caret(page)).toBe(291);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await expect.poll(() => pendingText(page)).toBe('Sergey');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await expect.poll(() => pendingText(page)).toBe('Sergey Lavrov');
});

test('a keyboard selection over " Sergey Lavrov " saves "Sergey Lavrov"', async ({ page }) => {
  await openFresh(page);
  const list = annotationList(page);
  const { start } = await textPoints(page, 'Sergey');
  await page.mouse.click(start.x, start.y);
  // Back over the space, then two words and the space after them.
  await page.keyboard.press('ArrowLeft');
  expect(await caret(page)).toBe(290);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await caret(page)).toBe(305);
  await expect.poll(() => pendingText(page)).toBe('Sergey Lavrov');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveText(['actorSergey Lavrov']);
  await expect.poll(async () => {
    const a = (await stored(page))?.annotations?.[0];
    return a && [a.start, a.end];
  }).toEqual([291, 304]);
  await page.keyboard.press('Delete');
  await expect(page.getByText('Deleted actor: “Sergey Lavrov”. Ctrl+Z brings it back.')).toBeVisible();
});

test('word snapping stops before a possessive; a byte-order mark is dropped and has no direction', async ({ page }, info) => {
  await openFresh(page);
  await documentsButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Documents' });
  await dialog.getByLabel('Title').fill('Pashinyan’s office');
  await dialog.getByLabel('Text').fill([
    '\uFEFFYerevan — Nikol Pashinyan’s office said the talks weren\'t over.',
    '\uFEFFA second line that starts with a stray byte-order mark.',
  ].join('\n'));
  await dialog.getByRole('button', { name: 'Add and open' }).click();
  await expect(page.locator('.reader-title')).toHaveText('Pashinyan’s office');
  const lines = page.locator('.doc-text p');
  await expect(lines).toHaveCount(2);

  // The leading mark is gone: the text and its offsets start at "Yerevan".
  await expect(lines.first()).toHaveAttribute('data-start', '0');
  await expect(lines.first()).toHaveText(/^Yerevan/);
  // The one inside stays (shown as a mark), and neither line turns right to left.
  await expect(lines.nth(1).locator('.ctrl')).toHaveText('BOM');
  for (const line of await lines.all()) await expect(line).not.toHaveAttribute('dir', 'rtl');

  const list = annotationList(page);
  // Exactly over the name: the "’s" stays out.
  await dragSelect(page, 'Nikol Pashinyan');
  await expect.poll(() => pendingText(page)).toBe('Nikol Pashinyan');
  await page.keyboard.press('1');
  // Ending inside "were" of "weren't": the word, without the "n't".
  await dragSelect(page, 'talks wer');
  await expect.poll(() => pendingText(page)).toBe('talks were');
  await page.keyboard.press('2');
  // Into the suffix: it is kept.
  await dragSelect(page, 'Pashinyan’s off');
  await expect.poll(() => pendingText(page)).toBe('Pashinyan’s office');
  await page.keyboard.press('1');
  await expect(list.getByRole('listitem')).toHaveText([
    'actorNikol Pashinyan',
    'actorPashinyan’s office',
    'claimtalks were',
  ]);
  await page.screenshot({ path: info.outputPath('possessive.png') });
});
