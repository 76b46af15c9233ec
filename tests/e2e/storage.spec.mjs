// Storage that never loses work: the local database (PouchDB over IndexedDB), fault by fault.
// Each test sets up the moment where work used to be lost and checks that every annotation is
// still there, exactly once, in the tab(s) and in the database.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openFresh, dragSelect, annotationList, stored, documentsButton, deleteAll } from './helpers.mjs';

const DOC = 'russia-armenia-2025-01-24';

/** Every record of the local database whose id starts with `prefix`. */
async function records(page, prefix = '') {
  return page.evaluate(async (prefix) => {
    const db = new PouchDB('text-annotator');
    const all = await db.allDocs({ startkey: prefix, endkey: prefix + '\ufff0', include_docs: true });
    return all.rows.map((r) => r.doc);
  }, prefix);
}

async function put(page, record) {
  return page.evaluate(async (record) => {
    const db = new PouchDB('text-annotator');
    const existing = await db.get(record._id).catch(() => null);
    return db.put(existing ? { ...record, _rev: existing._rev } : record);
  }, record);
}

/** Labels `needle` with the key. The page comes to the front first: a page behind another
 *  gets no animation frames, which the drag waits for. */
async function label(page, needle, key = '1') {
  await page.bringToFront();
  await dragSelect(page, needle);
  await page.keyboard.press(key);
}

async function addDocument(page, title, text) {
  await documentsButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Documents' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Text').fill(text);
  await dialog.getByRole('button', { name: 'Add and open' }).click();
  await expect(page.locator('.reader-title')).toHaveText(title);
}

const status = (page) => page.locator('.status');

test('an annotation record that cannot be read is named, offered for download, kept, and the rest loads', async ({ page }) => {
  await openFresh(page);
  await label(page, 'Sergey Lavrov');
  await label(page, 'Dmitry Peskov');
  await expect.poll(async () => (await stored(page))?.annotations.length).toBe(2);
  const [first] = await records(page, `ann:${DOC}:`);
  await put(page, { ...first, start: 3 });
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText(first._id);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  expect(download.suggestedFilename()).toContain('unreadable-backup');

  // New work is saved, and the unreadable record stays exactly as it was.
  await label(page, 'Nikol Pashinyan');
  await expect(status(page)).toContainText('Saved locally · 2 annotations');
  const after = (await records(page, `ann:${DOC}:`)).find((r) => r._id === first._id);
  expect(after.start).toBe(3);
});

test('records written by a newer version are never written over: saving pauses and says why', async ({ page }) => {
  await openFresh(page);
  await label(page, 'Sergey Lavrov');
  await expect.poll(async () => (await stored(page))?.annotations.length).toBe(1);
  const [record] = await records(page, `ann:${DOC}:`);
  await put(page, { ...record, v: 4, new_field: 'from the future' });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('version 4, newer than this app understands');
  await expect(status(page)).toContainText('Saving is paused');
  await label(page, 'Dmitry Peskov');
  await page.waitForTimeout(300);
  const kept = (await records(page, `ann:${DOC}:`)).find((r) => r._id === record._id);
  expect(kept.v).toBe(4);
  expect(kept.new_field).toBe('from the future');
});

test('a copy of the whole work that cannot be read back is said, offered for download and kept; a newer version\'s pauses saving', async ({ page }) => {
  await openFresh(page);
  await label(page, 'Sergey Lavrov');
  await expect(status(page)).toContainText('Saved locally · 1 annotation');
  // The copy a save in rounds keeps (`_local/whole:<doc>`), as the page closed mid-rounds
  // would leave it, but damaged: cut short.
  const keepCopy = (text) => page.evaluate(async (text) => {
    const db = new PouchDB('text-annotator');
    const old = await db.get('_local/whole:russia-armenia-2025-01-24').catch(() => null);
    await db.put({ _id: '_local/whole:russia-armenia-2025-01-24', _rev: old?._rev, text });
  }, text);
  const copy = () => page.evaluate(() => new PouchDB('text-annotator').get('_local/whole:russia-armenia-2025-01-24').then((r) => r.text, (e) => e.status));
  await keepCopy('{"format":"text-annotator","version":3,"annotations":[{"id":"a1"');
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText('the copy of the whole work');
  await expect(alert).toContainText('not valid JSON');
  // The records load; the copy is offered for download as it is stored (its text, as it is
  // not JSON), in the list of what could not be read.
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  const unreadableData = async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the unreadable data' }).click(),
    ]);
    return JSON.parse(readFileSync(await download.path(), 'utf8'));
  };
  expect(await unreadableData()).toEqual(['{"format":"text-annotator","version":3,"annotations":[{"id":"a1"']);
  // New work is saved as usual, and the copy stays as it was.
  await label(page, 'Dmitry Peskov');
  await expect(status(page)).toContainText('Saved locally · 2 annotations');
  expect(await copy()).toContain('"id":"a1"');
  // Changes put back from localStorage in the same open (a note the last visit left unsaved)
  // are saved, and the copy, which was not put back, still stays.
  const [held] = await records(page, `ann:${DOC}:`);
  await page.addInitScript(([key, record]) => {
    if (sessionStorage.getItem('unsaved-put')) return;
    sessionStorage.setItem('unsaved-put', '1');
    localStorage.setItem(key, JSON.stringify([record]));
  }, [`text-annotator:unsaved:${DOC}`, { ...held, note: 'put back' }]);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('the copy of the whole work');
  await expect.poll(async () => (await records(page, `ann:${DOC}:`)).find((r) => r._id === held._id).note).toBe('put back');
  await expect(status(page)).toContainText('Saved locally · 2 annotations');
  expect(await copy()).toContain('"id":"a1"');

  // A copy written by a newer version of the app, and a record that no longer matches the
  // text: both are named, saving stops (as for a newer version's records), and the download
  // holds both, the record as stored and the copy as JSON.
  await keepCopy('{"format":"text-annotator","version":4,"offset_unit":"codepoint","annotations":[]}');
  await put(page, { ...held, start: 3 });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('version 4, newer than this app understands');
  await expect(page.getByRole('alert')).toContainText(held._id);
  await expect(status(page)).toContainText('Saving is paused');
  const both = await unreadableData();
  expect(both).toHaveLength(2);
  expect(both[0]).toMatchObject({ _id: held._id, start: 3 });
  expect(both[1]).toEqual({ format: 'text-annotator', version: 4, offset_unit: 'codepoint', annotations: [] });
  await label(page, 'Nikol Pashinyan');
  await page.waitForTimeout(300);
  expect((await stored(page)).annotations.length).toBe(2);
  expect(await copy()).toContain('"version":4');
});

/**
 * Makes the local database refuse writes while `window.failWrites` is true, as a full disk
 * does: PouchDB is wrapped as the page loads it, before the app opens the database.
 */
async function injectWriteFailures(page) {
  await page.addInitScript(() => {
    let wrapped;
    Object.defineProperty(window, 'PouchDB', {
      configurable: true,
      get: () => wrapped,
      set: (PouchDB) => {
        wrapped = class extends PouchDB {
          constructor(...args) {
            super(...args);
            const write = this.bulkDocs;
            // window.writesBeforeFailure: that many more writes go through, then all fail.
            this.bulkDocs = (...a) => {
              if (typeof window.writesBeforeFailure === 'number') {
                if (window.writesBeforeFailure === 0) window.failWrites = true;
                else window.writesBeforeFailure -= 1;
              }
              return window.failWrites
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : write.apply(this, a);
            };
          }
        };
      },
    });
  });
}

test('a failed write says so, keeps the work, and is retried when space comes back', async ({ page }) => {
  await injectWriteFailures(page);
  await openFresh(page);
  await page.evaluate(() => { window.failWrites = true; });
  await label(page, 'Sergey Lavrov');
  await expect(status(page)).toContainText('Not saved');
  await expect(status(page)).toContainText('QuotaExceededError');
  await expect(status(page)).toContainText('export it now');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  // Export still works.
  await page.getByRole('button', { name: /Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Download JSON/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/annotations\.json$/);
  // Space comes back: the waiting change is written with no further edit.
  await page.evaluate(() => { window.failWrites = false; });
  await expect(status(page)).toContainText('Saved locally · 1 annotation', { timeout: 10_000 });
  expect((await stored(page)).annotations.map((a) => a.quote)).toEqual(['Sergey Lavrov']);
});

test('a save of thousands goes in rounds: a failure halfway keeps what was written, and the rest follows when space comes back', async ({ page }, info) => {
  // 1,300 annotations of the article (every run of one to four words), in one file.
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/article.annotations.json', import.meta.url), 'utf8'));
  const text = Array.from(fixture.document.text);
  const joined = text.join('');
  const words = [...joined.matchAll(/\p{L}+/gu)].map((m) => {
    const start = Array.from(joined.slice(0, m.index)).length;
    return { start, end: start + Array.from(m[0]).length };
  });
  const spans = [1, 2, 3, 4].flatMap((n) => words.slice(n - 1).map((w, i) => ({ start: words[i].start, end: w.end }))).slice(0, 1300);
  expect(spans).toHaveLength(1300);
  const labels = ['actor', 'claim', 'date'];
  fixture.annotations = spans.map((s, i) => ({
    id: `many-${i}`, label: labels[i % 3], start: s.start, end: s.end, quote: text.slice(s.start, s.end).join(''),
    note: '', created: '2025-01-01T00:00:00.000Z', updated: '2025-01-01T00:00:00.000Z',
  }));
  fixture.relations = [];
  delete fixture.claims;
  const file = info.outputPath('many.annotations.json');
  (await import('node:fs')).writeFileSync(file, JSON.stringify(fixture));

  await injectWriteFailures(page);
  await openFresh(page);
  // Every text the status line shows from now on.
  await page.evaluate(() => {
    window.statusSeen = [];
    const status = document.querySelector('.status');
    new MutationObserver(() => window.statusSeen.push(document.querySelector('.status').textContent))
      .observe(status.parentElement, { subtree: true, childList: true, characterData: true });
  });
  // The first round (250 records) goes through; the database is full from the second on.
  await page.evaluate(() => { window.writesBeforeFailure = 1; });
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(status(page)).toContainText('Not saved', { timeout: 20_000 });
  await expect(status(page)).toContainText('1300 annotations');
  expect((await records(page, `ann:${DOC}:`)).length).toBe(250);

  await page.evaluate(() => { window.writesBeforeFailure = undefined; window.failWrites = false; });
  await expect(status(page)).toContainText('Saved locally · 1300 annotations', { timeout: 20_000 });
  // The rounds showed how far they got, and "Saved" came only after the last.
  const seen = await page.evaluate(() => window.statusSeen);
  const progress = seen.findIndex((t) => t.startsWith('Saving… 250 records written so far · 1300 annotations'));
  expect(progress, seen.join('\n')).toBeGreaterThan(-1);
  expect(seen.findIndex((t) => t.startsWith('Saved locally · 1300'))).toBeGreaterThan(progress);
  const ids = (await records(page, `ann:${DOC}:`)).map((r) => r.id);
  expect(ids).toHaveLength(1300);
  expect(new Set(ids).size).toBe(1300);
  await page.reload();
  await expect(status(page)).toContainText('Saved locally · 1300 annotations');
});

test('storage use shows in the documents view and warns from 80 %', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.storage.estimate = async () => ({ usage: 85 * 1024 * 1024, quota: 100 * 1024 * 1024 });
  });
  await openFresh(page);
  await label(page, 'Sergey Lavrov');
  await expect(status(page)).toContainText('storage for the app is 85% full');
  await documentsButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Documents' })).toContainText('85.0 MB used of the 100 MB');
});

test('a document deleted in another tab: this tab is told at once, and nothing of its work is lost', async ({ page, context }) => {
  await openFresh(page);
  await addDocument(page, 'Doc two', 'Ararat Mirzoyan met Sergey Lavrov and Maria Zakharova in Moscow with Nikol Pashinyan and Dmitry Peskov.');
  const url = page.url();
  await label(page, 'Ararat Mirzoyan');
  await label(page, 'Sergey Lavrov');
  await expect(status(page)).toContainText('Saved locally · 2 annotations');

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('.reader-title')).toHaveText('Doc two');
  await other.bringToFront();
  await documentsButton(other).click();
  await other.getByRole('button', { name: 'Delete “Doc two”' }).click();
  await other.getByRole('button', { name: 'Delete it' }).click();

  await expect(page.getByRole('alert')).toContainText('“Doc two” was deleted in another tab');
  await label(page, 'Maria Zakharova');
  await label(page, 'Nikol Pashinyan');
  await label(page, 'Dmitry Peskov');
  await expect(status(page)).toContainText('Saved locally · 5 annotations');

  // The trash keeps the text and all five annotations; restoring brings them back.
  await other.bringToFront();
  await documentsButton(other).click();
  await other.getByRole('button', { name: 'Restore “Doc two”' }).click();
  await expect(other.locator('.reader-title')).toHaveText('Doc two');
  await expect(annotationList(other).getByRole('listitem')).toHaveCount(5);
});

test('a note or entity name being typed survives a reload, leaving the page, and a #doc= change', async ({ page }) => {
  await openFresh(page);
  await addDocument(page, 'Second', 'A short text about Yerevan.');
  await page.goto(`/index.html#doc=${DOC}`);
  await expect(page.locator('.reader-title')).toContainText('Russian MFA');
  const list = annotationList(page);
  await label(page, 'Dmitry Peskov');
  const note = page.getByRole('textbox', { name: 'Note' });
  const entity = page.getByRole('combobox', { name: /Entity/ });

  // Reload straight after typing, without leaving the field.
  await note.click();
  await page.keyboard.type('Kremlin spokesman');
  await page.reload();
  await list.getByRole('button', { name: /Dmitry Peskov/ }).click();
  await expect(note).toHaveValue('Kremlin spokesman');

  // An entity name, then straight to another document by its address, and back.
  await entity.click();
  await page.keyboard.type('Dmitry Peskov (Kremlin)');
  await page.evaluate(() => { location.hash = '#doc=' + document.title; });
  await page.goBack();
  await page.goto(`/index.html#doc=${DOC}`);
  await list.getByRole('button', { name: /Dmitry Peskov/ }).click();
  await expect(entity).toHaveValue('Dmitry Peskov (Kremlin)');

  // Navigating away to another page and back.
  await note.click();
  await page.keyboard.press('End');
  await page.keyboard.type(', quoted by TASS');
  await page.goto('/manifest.webmanifest');
  await page.goto(`/index.html#doc=${DOC}`);
  await list.getByRole('button', { name: /Dmitry Peskov/ }).click();
  await expect(note).toHaveValue('Kremlin spokesman, quoted by TASS');
  await expect.poll(async () => (await stored(page)).annotations[0].note).toBe('Kremlin spokesman, quoted by TASS');
});

test('Delete all, another document and back: Ctrl+Z still brings the annotations back', async ({ page }) => {
  await openFresh(page);
  await addDocument(page, 'Elsewhere', 'Another text.');
  const other = page.url();
  await page.goto(`/index.html#doc=${DOC}`);
  await expect(page.locator('.reader-title')).toContainText('Russian MFA');
  await label(page, 'Sergey Lavrov');
  await label(page, 'Dmitry Peskov');
  await deleteAll(page, 2);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(0);
  await page.goto(other);
  await expect(page.locator('.reader-title')).toHaveText('Elsewhere');
  await page.goto(`/index.html#doc=${DOC}`);
  await expect(page.locator('.reader-title')).toContainText('Russian MFA');
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
  await expect.poll(async () => (await stored(page))?.annotations.length).toBe(2);
});

test('two tabs labelling at the same moment: every annotation is kept exactly once, 20 times over', async ({ page, context }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  const other = await context.newPage();
  await other.goto('/index.html');
  await expect(other.locator('article .doc-text')).toContainText('Relations between Russia');
  // 40 different words of the article (none the start of another), first occurrences.
  const text = await page.locator('.doc-text').innerText();
  const words = [];
  for (const w of text.match(/[A-Za-z]{6,}/g)) {
    if (words.length < 40 && !words.some((x) => x.startsWith(w) || w.startsWith(x))) words.push(w);
  }
  expect(words).toHaveLength(40);
  for (let trial = 0; trial < 20; trial++) {
    // Select in both tabs once they have settled (the other tab's changes redraw the text),
    await expect(status(page)).toContainText(`· ${2 * trial} annotation`);
    await expect(status(other)).toContainText(`· ${2 * trial} annotation`);
    await page.bringToFront();
    await dragSelect(page, words[2 * trial]);
    await other.bringToFront();
    await dragSelect(other, words[2 * trial + 1]);
    // then press both keys at once (the spread between them is well under 25 ms).
    await Promise.all([page.keyboard.press('1'), other.keyboard.press('1')]);
  }
  await expect.poll(async () => (await stored(page))?.annotations.length, { timeout: 20_000 }).toBe(40);
  const ids = (await stored(page)).annotations.map((a) => a.id);
  expect(new Set(ids).size).toBe(40);
  // The list is virtualised: the status line gives the count each tab holds.
  await expect(status(page)).toContainText('Saved locally · 40 annotations (40 actor');
  await expect(status(other)).toContainText('Saved locally · 40 annotations (40 actor');
});

test('closing or reloading the page right after an edit loses nothing', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  const words = ['Russia', 'Armenia', 'Yerevan', 'Ministry', 'Lavrov', 'Western', 'Sergey', 'January'];
  let current = page;
  for (let trial = 0; trial < words.length; trial++) {
    await dragSelect(current, words[trial]);
    await current.keyboard.press('1');
    if (trial % 2 === 0) {
      await current.close();
      current = await context.newPage();
      await current.goto('/index.html');
    } else {
      await current.reload();
    }
    await expect(annotationList(current).getByRole('listitem')).toHaveCount(trial + 1);
  }
  expect((await stored(current)).annotations).toHaveLength(words.length);
});

test('a missing list entry is rebuilt from the text; the workspace export leaves out only what cannot be read, by name', async ({ page }) => {
  await openFresh(page);
  await addDocument(page, 'Kept', 'Ararat Mirzoyan spoke in Yerevan.');
  await label(page, 'Ararat Mirzoyan');
  await addDocument(page, 'Damaged', 'A second text.');
  await expect(status(page)).toContainText('Saved locally');
  const ids = (await records(page, 'doc:')).map((r) => r._id);
  const kept = ids.find((id) => id.startsWith('doc:kept-'));
  const damaged = ids.find((id) => id.startsWith('doc:damaged-'));
  // The list entry of "Kept" vanishes; the text of "Damaged" no longer matches its fingerprint.
  await page.evaluate(async (id) => {
    const db = new PouchDB('text-annotator');
    await db.remove(await db.get(id));
  }, kept);
  const text = (await records(page, damaged.replace('doc:', 'text:')))[0];
  await put(page, { ...text, text: 'Altered.' });

  await page.goto(`/index.html#doc=${DOC}`);
  await documentsButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Documents' });
  await expect(dialog.getByRole('list', { name: 'Documents' })).toContainText('Kept');
  await expect(dialog.getByRole('alert')).toContainText('the list entry of “Kept” was missing and has been rebuilt');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /workspace/i }).click(),
  ]);
  const workspace = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const titles = workspace.documents.map((d) => d.document.title).sort();
  expect(titles).toEqual(['Kept', 'Russian MFA: relations with Armenia are going through a challenging period']);
  expect(workspace.documents.find((d) => d.document.title === 'Kept').annotations).toHaveLength(1);
  await expect(page.getByRole('alert')).toContainText('Damaged');
  await expect(page.getByRole('alert')).toContainText('fingerprint');
});

test('work saved by earlier versions in localStorage moves into the database once, verified, for every stored version', async ({ page }) => {
  const v1 = readFileSync(new URL('../fixtures/v1-storage.json', import.meta.url), 'utf8');
  const v2 = readFileSync(new URL('../fixtures/v2-storage.json', import.meta.url), 'utf8');
  const v3 = JSON.stringify({ ...JSON.parse(v2), version: 3, relations: [] });
  const counts = [v1, v2, v3].map((v) => JSON.parse(v).annotations.length);
  for (const [n, value] of [v1, v2, v3].entries()) {
    await openFresh(page);
    const text = 'Ararat Mirzoyan met the press in Yerevan.';
    await page.evaluate(async ([value, text]) => {
      await new PouchDB('text-annotator').destroy();
      const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))))
        .map((b) => b.toString(16).padStart(2, '0')).join('');
      localStorage.setItem('text-annotator:doc:russia-armenia-2025-01-24', value);
      localStorage.setItem('text-annotator:text:older-doc', text);
      localStorage.setItem('text-annotator:library', JSON.stringify({
        format: 'text-annotator-library', version: 1,
        documents: [{ id: 'older-doc', title: 'Older doc', created: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z', text_sha256: digest, text_length: text.length, counts: [0, 0, 0] }],
      }));
    }, [value, text]);
    await page.reload();
    await expect(page.getByRole('status').first()).toContainText('moved from local storage into this browser\'s local database: 2 documents');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(counts[n]);
    expect((await stored(page)).annotations).toHaveLength(counts[n]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('text-annotator:doc:') || k === 'text-annotator:library'))).toEqual([]);
    await page.goto('/index.html#doc=older-doc');
    await expect(page.locator('.reader-title')).toHaveText('Older doc');
    // Once only: a reload moves nothing again.
    await page.reload();
    await expect(page.locator('.reader-title')).toHaveText('Older doc');
    await expect(page.getByRole('status').first()).not.toContainText('moved from local storage');
  }
});
