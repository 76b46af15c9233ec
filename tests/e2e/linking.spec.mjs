// Linking on the default article annotated the way an analyst does it (every actor and date,
// the MFA's six claims, Peskov's and Aliyev's): the picker reaches every actor and date by
// typing a filter, links from a date or an actor to a claim, and the questions before a
// relabel that drops links and before Delete all. Keyboard and mouse, like a person.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openFresh, annotationList, stored, textPoints } from './helpers.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const FIXTURE = path.join(HERE, '..', 'fixtures', 'article.annotations.json');
const TEXT = fs.readFileSync(path.join(HERE, '..', '..', 'assets', 'russia-armenia-2025-01-24.txt'), 'utf8');

const MFA_CLAIMS = [
  'Relations between Russia and Armenia are going through a challenging period',
  'Russian-Armenian relations are experiencing a challenging period',
  'Armenian authorities took in the unsubstantiated promises from Washington and Brussels',
  'it is the Collective Security Treaty Organization (CSTO) that ensures Armenia’s security',
  'Eurasian integration and EU membership are incompatible',
  'Moscow has always valued and continues to value its brotherly relations with Yerevan',
];
const ALIYEV_CLAIM = 'Armenia would leave the CSTO as soon as it received the green light from Washington';
// [label, quote, occurrence]
const SPANS = [
  ['actor', 'Russian Ministry of Foreign Affairs', 0], ['actor', 'MFA', 0], ['date', 'January 24', 0],
  ['actor', 'Sergey Lavrov', 0], ['date', '2024', 0], ['actor', 'Izvestiya', 0], ['date', 'the past year', 0],
  ['actor', 'The MFA', 0], ['actor', 'the MFA', 0], ['actor', 'The Russian MFA', 0], ['date', 'the end of 2024', 0],
  ['actor', 'The Ministry', 0], ['actor', 'the MFA', 1], ['date', 'January 23', 0], ['actor', 'Dmitry Peskov', 0],
  ['actor', 'Nikol Pashinyan', 0], ['actor', 'Vladimir Putin', 0], ['date', 'December 18, 2024', 0],
  ['actor', 'Ilham Aliyev', 0], ['date', 'December 4', 0], ['date', 'November 2022', 0],
  ...MFA_CLAIMS.map((q) => ['claim', q, 0]),
  ['claim', 'Armenia has not expressed an intention to leave the CSTO', 0], ['claim', ALIYEV_CLAIM, 0],
];
const ACTORS_AND_DATES = SPANS.filter(([label]) => label !== 'claim').length;

/** Code-point offsets of the n-th occurrence of `needle`, as the file format counts. */
function codePoints(needle, n) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = TEXT.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not in the text: ${needle}`);
  const start = Array.from(TEXT.slice(0, at)).length;
  return [start, start + Array.from(needle).length];
}

/** The analyst's annotations as this app's JSON file, imported through the file picker. */
async function importAnalystFile(page, info) {
  const reference = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  const time = '2025-01-25T10:00:00.000Z';
  const file = {
    format: reference.format, version: reference.version, offset_unit: reference.offset_unit,
    document: reference.document, labels: reference.labels,
    annotations: SPANS.map(([label, quote, n], i) => {
      const [start, end] = codePoints(quote, n);
      return { id: `a${i}`, label, start, end, quote, prefix: '', suffix: '', note: '', created: time, updated: time };
    }),
    orphans: [], relations: [],
  };
  const where = info.outputPath('analyst.json');
  fs.writeFileSync(where, JSON.stringify(file));
  await page.locator('input[type=file]').setInputFiles(where);
  // The list renders only the rows near its viewport; the status line counts them all.
  await expect(page.getByRole('status').filter({ hasText: 'Saved locally' })).toContainText(`${SPANS.length} annotations`);
}

async function selectInList(page, label, quote) {
  await annotationList(page).getByRole('button', { name: new RegExp(`^${label}\\s*${quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

/** Links in storage as "claim quote | role | other quote". */
async function storedLinks(page) {
  const file = await stored(page);
  const quote = (id) => { const a = file.annotations.find((x) => x.id === id); return Array.from(TEXT).slice(a.start, a.end).join(''); };
  return (file.relations ?? []).map((r) => `${quote(r.claim)} | ${r.role} | ${quote(r.annotation)}`).sort();
}

test('the picker reaches every actor and date: "January 24" links to each of the MFA claims', async ({ page }, info) => {
  await openFresh(page);
  await importAnalystFile(page, info);
  const picker = page.getByRole('dialog', { name: 'Link the claim' });
  const rows = picker.getByRole('list', { name: 'Actors and dates to link' }).getByRole('listitem');
  const filter = picker.getByRole('textbox', { name: 'Filter' });

  for (const [i, claim] of MFA_CLAIMS.entries()) {
    await selectInList(page, 'claim', claim);
    await page.keyboard.press('r');
    await expect(filter).toBeFocused();
    // Every actor and date of the document is in the list, not only the nearest nine.
    await expect(rows).toHaveCount(ACTORS_AND_DATES);
    if (i === 4) {
      // The case: for the fifth claim, "January 24" is not among the first nine (no digit).
      const position = (await rows.allInnerTexts()).findIndex((t) => t.includes('January 24'));
      expect(position).toBeGreaterThanOrEqual(9);
      await page.screenshot({ path: info.outputPath('picker-unfiltered.png') });
    }
    await page.keyboard.type('january 24');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('January 24');
    await expect(picker).toContainText('1 of 21 match');
    if (i % 2 === 0) {
      await page.keyboard.press('Enter'); // the keyboard: Enter links the highlighted row
    } else {
      await rows.first().getByRole('button', { name: /when$/ }).click(); // the mouse
    }
    await expect(rows.first().getByRole('button', { name: /when/ })).toBeDisabled();
    if (i === 4) await page.screenshot({ path: info.outputPath('picker-filtered.png') });
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();
    await expect(page.getByRole('list', { name: 'Links of this claim' }).getByRole('listitem')).toHaveText([/when\s*January 24\s*→ 2025-01-24/]);
  }
  await expect.poll(() => storedLinks(page)).toEqual(MFA_CLAIMS.map((c) => `${c} | when | January 24`).sort());

  // Arrows walk to the last row of the whole list; Shift+Enter links an actor as target.
  // (A click on the claim's words in the article selects it.)
  const { start, end } = await textPoints(page, 'going through a challenging');
  await page.mouse.click((start.x + end.x) / 2, (start.y + end.y) / 2);
  await expect(page.locator('.editor-quote')).toHaveText(MFA_CLAIMS[0]);
  await page.keyboard.press('r');
  await page.keyboard.press('End'); // in the field, End moves the text cursor, not the list
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect(rows.last()).toHaveClass(/active/);
  await expect(rows.last()).toBeInViewport();
  // A number filters once the field has text: " 2024" lists the dates of 2024.
  await page.keyboard.type(' 2024');
  await expect(rows).toHaveText([/2024/, /the end of 2024/, /December 18, 2024/]);
  await filter.fill('');
  await page.keyboard.type('peskov');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => storedLinks(page)).toContain(`${MFA_CLAIMS[0]} | target | Dmitry Peskov`);
});

test('from a date or an actor, r lists the claims and links to one', async ({ page }, info) => {
  await openFresh(page);
  await importAnalystFile(page, info);

  // A date: its own sentence's claim first; Enter makes the date the claim's when.
  await selectInList(page, 'date', 'December 18, 2024');
  await page.keyboard.press('r');
  const picker = page.getByRole('dialog', { name: 'Link the date to a claim' });
  const rows = picker.getByRole('list', { name: 'Claims to link' }).getByRole('listitem');
  await expect(rows).toHaveCount(MFA_CLAIMS.length + 2);
  await expect(rows.first()).toContainText(ALIYEV_CLAIM);
  await page.screenshot({ path: info.outputPath('picker-from-date.png') });
  await page.keyboard.press('Enter');
  await expect(rows.first().getByRole('button', { name: /when/ })).toBeDisabled();
  await page.keyboard.press('Escape');

  // An actor, by keyboard: digit 1 links the nearest claim with it as source.
  await selectInList(page, 'actor', 'Ilham Aliyev');
  await page.keyboard.press('r');
  await page.getByRole('dialog', { name: 'Link the actor to a claim' }).waitFor();
  await page.keyboard.press('1');
  await page.keyboard.press('Escape');

  // An actor, by mouse: the editor's button, a filter, the "target" button.
  await selectInList(page, 'actor', 'Nikol Pashinyan');
  await page.getByRole('button', { name: 'Link to a claim… (r)' }).click();
  const actorPicker = page.getByRole('dialog', { name: 'Link the actor to a claim' });
  await actorPicker.getByRole('textbox', { name: 'Filter' }).fill('green light');
  await actorPicker.getByRole('listitem').first().getByRole('button', { name: /target$/ }).click();
  await actorPicker.getByRole('button', { name: 'Done' }).click();
  await expect(actorPicker).toBeHidden();

  await expect.poll(() => storedLinks(page)).toEqual([
    `${ALIYEV_CLAIM} | source | Ilham Aliyev`,
    `${ALIYEV_CLAIM} | target | Nikol Pashinyan`,
    `${ALIYEV_CLAIM} | when | December 18, 2024`,
  ]);
  // Undo takes back the last link only.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedLinks(page)).length).toBe(2);
});

test('relabelling an annotation that has links asks first; Delete all asks naming the count', async ({ page }, info) => {
  await openFresh(page);
  await page.locator('input[type=file]').setInputFiles(FIXTURE);
  const list = annotationList(page);
  await expect(list.getByRole('listitem')).toHaveCount(4);
  const claimLinks = async () => (await stored(page)).relations.length;
  await expect.poll(claimLinks).toBe(3);

  // Sergey Lavrov is the claim's source: "Make Claim" asks, Cancel keeps everything.
  await selectInList(page, 'actor', 'Sergey Lavrov');
  await page.getByRole('button', { name: 'Make Claim' }).click();
  const question = page.getByRole('alertdialog', { name: 'Relabel as claim?' });
  await expect(question).toContainText('“Sergey Lavrov” has 1 link that a claim cannot keep');
  await expect(question.getByRole('listitem')).toHaveText(['source of “Russian-Armenian relations are experiencing a challenging p…”']);
  await page.screenshot({ path: info.outputPath('relabel-question.png') });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(list.getByRole('listitem').filter({ hasText: 'Sergey Lavrov' })).toHaveText(/^actor/);
  expect(await claimLinks()).toBe(3);

  // Yes relabels and removes the link; one Ctrl+Z brings back both.
  await page.keyboard.press('2');
  await question.getByRole('button', { name: 'Relabel and remove 1 link' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'Sergey Lavrov' })).toHaveText(/^claim/);
  await expect.poll(claimLinks).toBe(2);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem').filter({ hasText: 'Sergey Lavrov' })).toHaveText(/^actor/);
  await expect.poll(claimLinks).toBe(3);

  // Delete all: the question names the count; Cancel has the focus, Escape keeps everything.
  await page.getByRole('button', { name: /^Delete all/ }).click();
  const deleteAll = page.getByRole('alertdialog', { name: 'Delete all 4 annotations?' });
  await expect(deleteAll).toContainText('Their 3 links go too.');
  await expect(deleteAll).toContainText('only until the page is reloaded');
  await expect(deleteAll.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: info.outputPath('delete-all-question.png') });
  await page.keyboard.press('Escape');
  await expect(deleteAll).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await page.getByRole('button', { name: /^Delete all/ }).click();
  await deleteAll.getByRole('button', { name: 'Delete 4 annotations' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect.poll(claimLinks).toBe(3);
});
