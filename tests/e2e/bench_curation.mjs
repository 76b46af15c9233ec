// Curation on a long document, measured (not part of the test run): a ~210 KB text (the
// default article 70 times), two annotators' layers of about 4,000 annotations each that
// differ in a fifth of the places; then Layers → Curate into a gold document (the gold made,
// opened, the agreements taken, the walk shown) and ten decisions by key (key → the walk's
// summary updated). Prints the figures.
//
//   trunk build --release && BENCH_PORT=4193 node tests/e2e/bench_curation.mjs
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const PORT = Number(process.env.BENCH_PORT || 4193);
const COPIES = Number(process.env.BENCH_COPIES || 70);

const article = fs.readFileSync(path.join(ROOT, 'assets', 'russia-armenia-2025-01-24.txt'), 'utf8').trim();
const text = Array(COPIES).fill(article).join('\n');
const chars = Array.from(text);

function layerFile(annotator, vary) {
  const annotations = [];
  const re = /[A-Z][a-z]+/g;
  let k = 0;
  // Code point offsets: the article's characters are all in the BMP, so UTF-16 indices are
  // code points; checked below.
  for (const m of text.matchAll(re)) {
    k += 1;
    let start = m.index;
    let end = start + m[0].length;
    let label = 'actor';
    if (vary) {
      if (k % 5 === 0) continue; // not annotated
      if (k % 7 === 0) { // a longer span: the next word too
        const next = text.slice(end).match(/^ [A-Za-z]+/);
        if (next) end += next[0].length;
      }
      if (k % 11 === 0) label = 'date'; // another label
    }
    annotations.push({ id: `${annotator[0]}-${k}`, label, start, end, quote: text.slice(start, end), note: '', annotator, created: '2025-01-01T00:00:00.000Z', updated: '2025-01-01T00:00:00.000Z' });
  }
  return { format: 'text-annotator', version: 3, offset_unit: 'codepoint', document: { id: 'bench-curation', title: 'Curation bench', text, text_sha256: crypto.createHash('sha256').update(text).digest('hex'), text_length: chars.length }, annotations, orphans: [], relations: [] };
}

if (chars.length !== text.length) throw new Error('the bench text must be BMP-only');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-curation-'));
const ana = path.join(dir, 'ana.json');
const ben = path.join(dir, 'ben.json');
fs.writeFileSync(ana, JSON.stringify(layerFile('Ana', false)));
fs.writeFileSync(ben, JSON.stringify(layerFile('Ben', true)));

const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', DIST], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const base = `http://127.0.0.1:${PORT}`;
  await page.goto(`${base}/index.html`);
  await page.waitForSelector('article .doc-text');
  await page.evaluate(async () => { localStorage.clear(); localStorage.setItem('text-annotator:annotator', 'Ana'); localStorage.setItem('text-annotator:annotator-asked', '1'); await new PouchDB('text-annotator').destroy(); });
  await page.reload();
  await page.waitForSelector('article .doc-text');
  // The long document, then Ana's file into it and Ben's as his layer.
  await page.locator('.doc-switch').click();
  const docs = page.getByRole('dialog', { name: 'Documents' });
  await docs.getByLabel('Title').fill('Curation bench');
  await docs.getByLabel('Text').fill(text);
  await docs.getByRole('button', { name: 'Add and open' }).click();
  await page.waitForFunction(() => document.querySelector('.reader-title')?.textContent === 'Curation bench');
  await page.locator('input[type=file]').setInputFiles(ana);
  await page.getByRole('status').filter({ hasText: /annotations/ }).first().waitFor();
  await page.waitForFunction(() => /Saved locally · [1-9]/.test(document.body.innerText), null, { timeout: 60_000 });
  await page.locator('input[type=file]').setInputFiles(ben);
  await page.getByRole('button', { name: "Add as a colleague's layer" }).click();
  await page.locator('.notice').filter({ hasText: "Added Ben's layer" }).waitFor({ timeout: 60_000 });
  const counts = [layerFile('Ana', false).annotations.length, layerFile('Ben', true).annotations.length];

  await page.keyboard.press('l');
  const curateButton = page.getByRole('button', { name: 'Curate into a gold document' });
  await curateButton.waitFor();
  const t0 = Date.now();
  await curateButton.click();
  const summary = page.locator('.curate-summary');
  await page.waitForFunction(() => /disagreements: 0 decided/.test(document.querySelector('.curate-summary')?.textContent || ''), null, { timeout: 120_000 });
  await page.waitForFunction(() => /Saved locally/.test(document.body.innerText) && /Agreements: (\d+) of \1 in the gold/.test(document.querySelector('.curate-summary')?.textContent || ''), null, { timeout: 120_000 });
  const open = Date.now() - t0;
  const firstSummary = await summary.textContent();

  if (process.env.BENCH_HIDE_LAYERS) {
    await page.locator('.curate-layers summary').click();
    for (const box of await page.locator('.curate-layers input[type=checkbox]').all()) await box.uncheck();
    await page.locator('.curate-layers summary').click();
  }
  await page.keyboard.press(']');
  const decisions = [];
  for (let i = 0; i < 10; i++) {
    const before = await summary.textContent();
    const start = await page.evaluate(() => performance.now());
    await page.keyboard.press(i % 2 ? '2' : '1');
    await page.waitForFunction((b) => document.querySelector('.curate-summary')?.textContent !== b, before);
    const shown = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
    decisions.push(shown - start);
  }
  decisions.sort((a, b) => a - b);
  console.log(`text: ${(text.length / 1024).toFixed(0)} KB; layers: Ana ${counts[0]}, Ben ${counts[1]} annotations`);
  console.log(`walk at the start: ${firstSummary}`);
  console.log(`Curate into a gold document → the walk shown with the agreements in the gold: ${open} ms`);
  console.log(`decision key → the walk's summary updated, next frame (10 decisions): median ${decisions[5].toFixed(1)} ms, max ${decisions[9].toFixed(1)} ms`);
} catch (e) {
  if (process.env.BENCH_SHOT) await browser.contexts()[0]?.pages()[0]?.screenshot({ path: process.env.BENCH_SHOT });
  throw e;
} finally {
  await browser.close();
  server.kill();
}
