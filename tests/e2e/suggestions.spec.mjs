// Suggestions (issue 15), the way a person reviews them: Suggest (or s) opens the panel, the
// proposals show as ghost highlights and in a list by label; ] and [ step through them, Enter
// accepts, x rejects, Shift+→ moves an edge first; Accept all / Reject all; what is accepted
// is an ordinary annotation (saved, undoable, exported), what is rejected is not proposed
// again in that document; and a name annotated in one document is proposed in another.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openFresh, stored, slice, annotationList } from './helpers.mjs';

const panelList = (page) => page.getByRole('list', { name: 'Suggestions' });
const count = async (page) => Number(/(\d+) annotations?/.exec(await page.locator('.status').textContent())[1]);

/** Suggest from the toolbar, and wait for the suggesters' answer (a list, or none). */
async function suggest(page) {
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(page.locator('.suggest-list, .suggest-empty')).toBeVisible({ timeout: 20_000 });
}

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test('review by keys: step, accept, reject, move an edge; accepted ones are saved annotations with their links', async ({ page }) => {
  await openFresh(page);
  await page.locator('.doc-text').focus();
  await page.keyboard.press('s');
  const list = panelList(page);
  await expect(list).toBeVisible({ timeout: 20_000 });
  // Grouped by label with a count; each has a ghost over the text, dashed, not an annotation.
  await expect(list.getByRole('heading', { name: /^Actor \(\d+\)$/ })).toBeVisible();
  await expect(list.getByRole('heading', { name: /^Claim \(\d+\)$/ })).toBeVisible();
  await expect(list.getByRole('heading', { name: /^Date \(\d+\)$/ })).toBeVisible();
  const ghosts = page.locator('.ghost');
  await expect(ghosts.first()).toBeVisible();
  expect(await ghosts.first().evaluate((g) => getComputedStyle(g).borderTopStyle)).toBe('dashed');
  expect(await count(page)).toBe(0);

  // ] steps to the first in reading order: the lead claim, read out with how to accept it.
  await page.keyboard.press(']');
  const current = page.locator('.suggest-row.current .suggest-item');
  await expect(current).toBeFocused();
  await expect(current).toHaveAccessibleName(/^suggested claim: Relations between Russia and Armenia are going through a challenging period.*, accept with Enter$/);
  await expect(page.locator('.ghost.current').first()).toBeVisible();
  await page.keyboard.press('Enter');
  // The claim with its proposed source and date: three annotations, two links, one step.
  await expect(page.locator('.status')).toContainText('Saved locally · 3 annotations (1 actor, 1 claim, 1 date)');
  const afterAccept = await stored(page);
  const claim = afterAccept.annotations.find((a) => a.label === 'claim');
  expect(claim.quote).toMatch(/^Relations between Russia and Armenia are going through a challenging period/);
  expect(afterAccept.relations.map((r) => r.role).sort()).toEqual(['source', 'when']);
  const byId = new Map(afterAccept.annotations.map((a) => [a.id, a]));
  const source = afterAccept.relations.find((r) => r.role === 'source');
  expect(byId.get(source.claim).label).toBe('claim');
  expect(byId.get(source.annotation).quote).toBe('Russian Ministry of Foreign Affairs');

  // The next one is under review now; x rejects it, and every other suggestion of that
  // label and text goes with it.
  const next = (await current.getAttribute('aria-label')).replace(/^suggested \w+: |, accept with Enter$/g, '');
  const sameText = list.locator('.suggest-quote', { hasText: exactly(next) });
  expect(await sameText.count()).toBeGreaterThan(0);
  await page.keyboard.press('x');
  await expect(sameText).toHaveCount(0);
  expect(await count(page)).toBe(3);

  // Shift+→ moves the end of the one under review by a word before it is accepted.
  const sergey = list.getByRole('button', { name: /^suggested actor: Sergey Lavrov,/ });
  await sergey.click();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.suggest-row.current .suggest-quote')).toHaveText('Sergey Lavrov summarizing');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.locator('.suggest-row.current .suggest-quote')).toHaveText('Sergey Lavrov');
  await page.keyboard.press('y');
  await expect(page.locator('.status')).toContainText('Saved locally · 4 annotations');
  const saved = await stored(page);
  const text = fs.readFileSync(new URL('../../assets/russia-armenia-2025-01-24.txt', import.meta.url), 'utf8');
  for (const a of saved.annotations) expect(slice(text, a.start, a.end)).toBe(a.quote);
  expect(saved.annotations.map((a) => a.quote)).toContain('Sergey Lavrov');

  // Undo takes an accept back as one step (the claim and its two ends).
  await page.keyboard.press('Escape');
  await page.locator('.doc-text').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.status')).toContainText('3 annotations');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.status')).toContainText('0 annotations');
});

test('Accept all, Reject all, and a rejection that lasts: not proposed again after a reload unless asked', async ({ page }) => {
  await openFresh(page);
  await suggest(page);
  const list = panelList(page);
  // Reject every date at once through its rows, then accept all actors.
  const dates = list.getByRole('list', { name: 'Suggested dates' });
  const dateCount = await dates.getByRole('listitem').count();
  expect(dateCount).toBeGreaterThan(2);
  const firstDate = (await dates.locator('.suggest-quote').first().textContent()).trim();
  await dates.getByRole('button', { name: `Reject suggested date: ${firstDate}` }).first().click();
  await expect(dates.locator('.suggest-quote', { hasText: exactly(firstDate) })).toHaveCount(0);
  const actors = Number(/\((\d+)\)/.exec(await list.getByRole('heading', { name: /^Actor/ }).textContent())[1]);
  await list.getByRole('button', { name: 'Accept all actors' }).click();
  await expect(page.locator('.status')).toContainText(`(${actors} actor, 0 claim, 0 date)`);
  await expect(list.getByRole('heading', { name: /^Actor/ })).toHaveCount(0);
  // Reject all: nothing left to review; nothing was added.
  await page.getByRole('button', { name: 'Reject all', exact: true }).click();
  await expect(page.locator('.suggest-panel')).toContainText('Nothing to suggest in this document');
  expect(await count(page)).toBe(actors);
  // Said kept only once the database has them.
  await expect(page.locator('.suggest-saved')).toHaveText('Rejections saved locally.');

  // After a reload the rejected ones stay away…
  await page.reload();
  await expect(page.locator('.status')).toContainText(`${actors} annotations`);
  await suggest(page);
  await expect(page.locator('.suggest-panel')).toContainText('Nothing to suggest in this document');
  // …until "Show rejected" brings them back, flagged, with Restore.
  await page.locator('.suggest-options summary').click();
  await page.getByLabel('Show rejected').check();
  await expect(list.getByRole('button', { name: `rejected date: ${firstDate}`, exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await list.getByRole('button', { name: `Restore suggested date: ${firstDate}` }).first().click();
  await expect(list.getByRole('button', { name: `suggested date: ${firstDate}, accept with Enter` }).first()).toBeVisible();
});

test('a name annotated in one document is proposed in another, and accepted suggestions export like any annotation', async ({ page }, info) => {
  await openFresh(page);
  const addDocument = async (title, text) => {
    await page.getByRole('button', { name: /— Documents$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Documents' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Text', { exact: true }).fill(text);
    await dialog.getByRole('button', { name: 'Add and open' }).click();
    await expect(page.locator('.doc-text')).toContainText(text.slice(0, 20));
  };
  // No rule finds this name: no role before it, no reporting verb, no organisation word.
  const second = 'The prize went to Zorvath Quellin, whose garden impressed everyone.';
  await addDocument('Garden prize', second);
  await suggest(page);
  await expect(page.locator('.suggest-panel')).not.toContainText('Zorvath Quellin');
  await page.getByRole('button', { name: 'Close suggestions' }).click();

  await addDocument('Garden notes', 'Zorvath Quellin planted tulips in March 2024.');
  const text = page.locator('.doc-text');
  await text.focus();
  // Select the name by keys and label it an actor by hand.
  await page.keyboard.press('Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  await expect(annotationList(page)).toContainText('Zorvath Quellin');

  // Back in the first document, the name is proposed: learnt from the person.
  await page.getByRole('button', { name: /— Documents$/ }).click();
  await page.getByRole('dialog', { name: 'Documents' }).getByRole('button', { name: /^Garden prize/ }).first().click();
  await expect(text).toContainText('The prize went to');
  await suggest(page);
  const known = panelList(page).getByRole('button', { name: 'suggested actor: Zorvath Quellin, accept with Enter' });
  await expect(known).toBeVisible();
  await expect(page.locator('.suggest-row', { hasText: 'Zorvath Quellin' })).toContainText('known actor');
  await panelList(page).getByRole('button', { name: 'Accept suggested actor: Zorvath Quellin' }).click();
  await expect(page.locator('.status')).toContainText('1 annotation');

  // Exported as any other annotation: Python's text[start:end] gives its quote.
  await page.getByRole('button', { name: 'Close suggestions' }).click();
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /^Download JSON/ }).click(),
  ]);
  const file = info.outputPath('garden.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.annotations).toHaveLength(1);
  const [a] = exported.annotations;
  expect(a.label).toBe('actor');
  expect(slice(exported.document.text, a.start, a.end)).toBe('Zorvath Quellin');
});

test('suggestions when a document is opened: an option that is remembered', async ({ page }) => {
  await openFresh(page);
  await suggest(page);
  await page.locator('.suggest-options summary').click();
  await page.getByLabel('Suggest when a document is opened').check();
  await page.reload();
  await expect(panelList(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.ghost').first()).toBeVisible();
  await page.locator('.suggest-options summary').click();
  await page.getByLabel('Suggest when a document is opened').uncheck();
  await page.reload();
  await expect(page.locator('.doc-text [data-s]').first()).toBeVisible();
  await page.waitForTimeout(500);
  await expect(panelList(page)).toHaveCount(0);
});

test('the whole review by keys, as the issue describes it: every suggestion decided, an edge moved, an accept undone, rejections kept over a reload, the export holds exactly what was accepted, and an accepted actor is proposed in another document', async ({ page }, info) => {
  await openFresh(page);
  await page.locator('.doc-text').focus();
  await page.keyboard.press('s');
  await expect(panelList(page)).toBeVisible({ timeout: 20_000 });
  const current = page.locator('.suggest-row.current');
  // Accepted (label, text) with how many times; rejected (label, text).
  const accepted = new Map();
  const accept = (key) => accepted.set(key, (accepted.get(key) || 0) + 1);
  const rejected = new Set();
  let moved = null;
  let lastAccept = null;
  const empty = page.locator('.suggest-empty');
  await page.keyboard.press(']');
  let previous = null;
  for (let i = 0; i < 200; i++) {
    // The panel has drawn the next one under review (or has nothing left).
    await expect(current.or(empty)).toHaveCount(1);
    if (previous) await expect(current.locator('.suggest-item').or(empty)).not.toHaveAttribute('aria-label', previous);
    if (await empty.count() > 0) break;
    const name = await current.locator('.suggest-item').getAttribute('aria-label');
    previous = name;
    const [, label, quote] = /^suggested (\w+): (.*), accept with Enter$/.exec(name);
    const detail = await current.locator('.suggest-why').textContent();
    if (i % 3 === 0) {
      let q = quote;
      if (!moved && label === 'actor' && /^\S+ \S+$/.test(quote)) {
        // One edge moved before accepting: the start a word on ("Sergey Lavrov" → "Lavrov").
        q = quote.split(' ')[1];
        await page.keyboard.press('Control+Shift+ArrowRight');
        await expect(current.locator('.suggest-quote')).toHaveText(q);
        moved = q;
      }
      const before = await count(page);
      await page.keyboard.press('y');
      await expect.poll(() => count(page)).toBeGreaterThan(before);
      accept(`${label}:${q}`);
      // A claim brings its proposed source and date (shown before accepting, in its row).
      for (const m of detail.matchAll(/(source|when): ([^·]+?)(?: ·|$)/g)) {
        accept(`${m[1] === 'source' ? 'actor' : 'date'}:${m[2].trim()}`);
      }
      lastAccept = { added: (await count(page)) - before, key: `${label}:${q}` };
    } else {
      await page.keyboard.press('x');
      rejected.add(`${label}:${quote}`);
    }
  }
  await expect(page.locator('.suggest-panel')).toContainText('Nothing to suggest in this document');
  expect(moved).toBeTruthy();
  expect(accepted.size).toBeGreaterThan(5);
  expect(rejected.size).toBeGreaterThan(5);

  await expect(page.locator('.suggest-saved')).toHaveText('Rejections saved locally.');
  // Undo the last accept: the count drops by what it added.
  const total = await count(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => count(page)).toBe(total - lastAccept.added);
  if (lastAccept.added === 1) accepted.set(lastAccept.key, accepted.get(lastAccept.key) - 1);

  // After a reload, the rejected ones are not proposed again.
  await page.reload();
  await expect(page.locator('.status')).toContainText(`${total - lastAccept.added} annotations`);
  await suggest(page);
  const offered = await page.locator('.suggest-item').evaluateAll((items) => items.map((b) => b.getAttribute('aria-label')));
  for (const name of offered) {
    const [, label, quote] = /^suggested (\w+): (.*), accept with Enter$/.exec(name);
    expect(rejected.has(`${label}:${quote}`), `${label} ${quote} was rejected`).toBe(false);
  }

  // The export holds exactly what was accepted, at offsets Python would slice.
  await page.getByRole('button', { name: 'Close suggestions' }).click();
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /^Download JSON/ }).click(),
  ]);
  const file = info.outputPath('reviewed.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  const text = exported.document.text;
  const shorten = (q) => (Array.from(q).length > 80 ? Array.from(q).slice(0, 79).join('') + '…' : q);
  const exportedKeys = new Map();
  for (const a of exported.annotations) {
    expect(slice(text, a.start, a.end)).toBe(a.quote);
    const key = `${a.label}:${shorten(a.quote)}`;
    exportedKeys.set(key, (exportedKeys.get(key) || 0) + 1);
    expect(rejected.has(key), `${a.label} ${a.quote} was rejected`).toBe(false);
  }
  const wanted = new Map([...accepted].filter(([, n]) => n > 0));
  expect(exportedKeys).toEqual(wanted);
  expect(exported.annotations.length).toBe(total - lastAccept.added);

  // A second document that mentions an actor accepted here: proposed as a known actor.
  // The name whose start was moved before it was accepted: learnt as it was accepted.
  const name = moved;
  await page.getByRole('button', { name: /— Documents$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Documents' });
  await dialog.getByLabel('Title').fill('A later note');
  await dialog.getByLabel('Text', { exact: true }).fill(`A dinner was held; ${name} arrived late and left early.`);
  await dialog.getByRole('button', { name: 'Add and open' }).click();
  await expect(page.locator('.doc-text')).toContainText('A dinner was held');
  await suggest(page);
  await expect(panelList(page).getByRole('button', { name: `suggested actor: ${name}, accept with Enter` })).toBeVisible();
  await expect(page.locator('.suggest-row', { hasText: name })).toContainText('known actor');
});
