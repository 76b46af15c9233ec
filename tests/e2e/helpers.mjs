// Shared steps for the e2e specs: they drive the app the way a person does.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';

/** Empties the app's storage: the local database (PouchDB over IndexedDB) and localStorage. */
export async function clearStorage(page) {
  await page.evaluate(async () => {
    localStorage.clear();
    // As in playwright.config.mjs: the first export's name question is tested on its own.
    localStorage.setItem('text-annotator:annotator-asked', '1');
    await new PouchDB('text-annotator').destroy();
  });
}

/** Opens the app with empty storage and waits for the article. */
export async function openFresh(page) {
  await page.goto('/index.html');
  await expect(page.locator('article .doc-text')).toBeVisible();
  await clearStorage(page);
  await page.reload();
  await expect(page.locator('article .doc-text')).toContainText('Relations between Russia and Armenia');
}

/**
 * Screen points of the first and last character of `needle` (its n-th occurrence) in the
 * article, found through DOM text nodes, so a real mouse drag can select it.
 */
export async function textPoints(page, needle, occurrence = 0) {
  return page.evaluate(async ([needle, occurrence]) => {
    const root = document.querySelector('.doc-text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = all.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not rendered: ${needle}`);
    const point = (pos) => {
      let k = nodes.length - 1;
      while (nodes[k][1] > pos) k--;
      return [nodes[k][0], pos - nodes[k][1]];
    };
    const rectOf = (pos) => {
      const [node, off] = point(pos);
      const r = document.createRange();
      r.setStart(node, off);
      r.setEnd(node, off + 1);
      const rects = r.getClientRects();
      return rects[rects.length - 1];
    };
    // Scroll the text into view first, as a person would before dragging across it, and
    // wait until the page stops moving (a smooth scroll from the list may still be running).
    point(at)[0].parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let still = 0, last = -1; still < 3; ) {
      await frame();
      still = scrollY === last ? still + 1 : 0;
      last = scrollY;
    }
    const first = rectOf(at);
    const last = rectOf(at + needle.length - 1);
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, [needle, occurrence]);
}

/** Drags the mouse across `needle` like a person selecting it. */
export async function dragSelect(page, needle, { occurrence = 0, alt = false } = {}) {
  const { start, end } = await textPoints(page, needle, occurrence);
  await page.mouse.move(start.x, start.y);
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

export function annotationList(page) {
  return page.getByRole('list', { name: 'Annotations' });
}

/**
 * A document's annotations as the local database holds them, in the shape of the app's JSON
 * file (so a test can import it again); null when nothing is stored.
 */
export async function stored(page, docId = 'russia-armenia-2025-01-24') {
  return page.evaluate(async (docId) => {
    const db = new PouchDB('text-annotator');
    const rows = async (p) => (await db.allDocs({ startkey: p, endkey: p + '\ufff0', include_docs: true })).rows.map((r) => r.doc);
    const records = [...await rows(`ann:${docId}:`), ...await rows(`rel:${docId}:`)];
    const meta = await db.get(`doc:${docId}`).catch(() => null);
    if (!meta && records.length === 0) return null;
    const clean = ({ _id, _rev, type, doc, v, orphan, ...fields }) => fields;
    const inOrder = (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);
    return {
      format: 'text-annotator', version: 3, offset_unit: 'codepoint',
      document: meta && { id: meta.id, title: meta.title, published: meta.published, text_sha256: meta.text_sha256, text_length: meta.text_length },
      labels: ['actor', 'claim', 'date'],
      annotations: records.filter((r) => r.type === 'annotation' && !r.orphan).map(clean).sort(inOrder),
      orphans: records.filter((r) => r.type === 'annotation' && r.orphan).map(clean).sort(inOrder),
      relations: records.filter((r) => r.type === 'relation').map(clean),
    };
  }, docId);
}

/** Code-point slicing, as Python's str does: text[start:end]. */
export function slice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/**
 * *Delete all* from the toolbar, answering its question: the count it names must be
 * `expected` when given.
 */
export async function deleteAll(page, expected) {
  await page.getByRole('button', { name: /^Delete all/ }).click();
  const question = page.getByRole('alertdialog', { name: /^Delete all \d+ annotations?\?/ });
  if (expected !== undefined) await expect(question).toHaveAccessibleName(`Delete all ${expected} annotation${expected === 1 ? '' : 's'}?`);
  await question.getByRole('button', { name: /^Delete \d+ annotations?$/ }).click();
  await expect(question).toBeHidden();
}

/** The toolbar's document switcher: its name is the open document's title, then "— Documents". */
export function documentsButton(page) {
  return page.getByRole('button', { name: /— Documents$/ });
}

// Every rule of WCAG 2.0, 2.1 and 2.2 (A and AA) and of axe's best practices, named one by one:
// axe skips its experimental rules unless they are asked for by id, and selecting by tag would
// silently leave them out (label-content-name-mismatch, WCAG 2.5.3, was one of them until 4.14).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const RULES = [...new Set([...axe.getRules(TAGS).map((r) => r.ruleId), 'label-content-name-mismatch'])];

/** The axe-core audit of what the page shows now (a11y.spec.mjs, library.spec.mjs). */
export async function axeAudit(page, view, info) {
  const results = await new AxeBuilder({ page }).withRules(RULES).analyze();
  // Every rule asked for ran: it passed, failed, needs review, or found nothing to check.
  const ran = new Set(['passes', 'violations', 'incomplete', 'inapplicable'].flatMap((k) => results[k].map((r) => r.id)));
  expect(RULES.filter((id) => !ran.has(id)), `${view}: rules that did not run`).toEqual([]);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = (list) => list.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  console.log(`axe ${view}: ${RULES.length} rules, ${results.passes.length} passed, ${results.violations.length} violations`, summary(results.violations));
  await info.attach(`axe ${view}`, { body: JSON.stringify(summary(results.violations), null, 2), contentType: 'application/json' });
  expect(summary(bad), `${view}: serious or critical accessibility violations`).toEqual([]);
  return results.violations.length;
}
