// Big imports into the built-in article, measured (not part of the test run). Two shapes:
// `short` is every distinct span of 1 to 40 code points in turn (as the import worker's e2e
// test makes them), `stacked` is spans of any length at random (seeded), which stack each
// piece of text hundreds or thousands deep, and `long` spans nearly the whole text each (the
// longest records this article gives: each carries a quote of 2,000 code points or more). For each: the file chosen → the annotations
// applied (the notice), then → "Saved locally"; the tasks over 50 ms in each stretch and the
// longest wait between two animation frames. Prints the figures.
//
//   trunk build --release && BENCH_PORT=4194 node tests/e2e/bench_import.mjs
//   BENCH_IMPORTS=stacked:134000 … (a list of shape:count; the default is below)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stackedSpans } from './stacked.mjs';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const PORT = Number(process.env.BENCH_PORT || 4194);
const RUNS = (process.env.BENCH_IMPORTS || 'short:10000,short:100000,stacked:2000,stacked:20000')
  .split(',').map((run) => { const [shape, n] = run.split(':'); return { shape, n: Number(n) }; });

function annotationsOf(shape, n, length) {
  const labels = ['actor', 'claim', 'date'];
  const out = [];
  if (shape === 'short') {
    for (let len = 1; len <= 40 && out.length < n; len++) {
      for (let start = 0; start + len <= length && out.length < n; start++) {
        for (const label of labels) if (out.length < n) out.push({ id: `big-${out.length + 1}`, label, start, end: start + len });
      }
    }
  } else if (shape === 'long') {
    // Every span from the first 300 code points to the last 300: nearly the whole text each.
    for (let a = 0; a < 300 && out.length < n; a++) {
      for (let b = length - 300; b < length && out.length < n; b++) {
        out.push({ id: `big-${out.length + 1}`, label: labels[out.length % 3], start: a, end: b });
      }
    }
  } else if (shape === 'stacked') {
    return stackedSpans(n, length, { idPrefix: 'big' });
  } else {
    throw new Error(`unknown shape ${shape}`);
  }
  if (out.length !== n) throw new Error(`only ${out.length} distinct ${shape} spans`);
  return out;
}

const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', DIST], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
const base = `http://127.0.0.1:${PORT}`;
const fresh = async (page) => {
  await page.goto(`${base}/index.html`);
  await page.waitForSelector('article .doc-text');
  await page.evaluate(async () => { localStorage.clear(); localStorage.setItem('text-annotator:annotator-asked', '1'); await new PouchDB('text-annotator').destroy(); });
  await page.reload();
  await page.waitForSelector('article .doc-text');
  await page.waitForFunction(() => /^Saved locally/.test(document.querySelector('.status')?.textContent ?? ''));
};
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.benchLong = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.benchLong.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  });
  let page = await context.newPage();
  await fresh(page);
  // The built-in article as this app's JSON, the frame every file below is built on.
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Download JSON/ }).click()]);
  const template = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  await page.close();
  console.log(`built-in article: ${template.document.text_length} code points`);
  for (const { shape, n } of RUNS) {
    const file = { ...template, annotations: annotationsOf(shape, n, template.document.text_length), relations: [] };
    delete file.claims;
    const name = path.join(dir, `${shape}-${n}.json`);
    fs.writeFileSync(name, JSON.stringify(file));
    page = await context.newPage();
    await fresh(page);
    const t0 = await page.evaluate(() => {
      window.benchFrames = [];
      const tick = (t) => { window.benchFrames.push(t); if (!window.benchStop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      return performance.now();
    });
    await page.locator('input[type=file]').setInputFiles(name);
    await page.waitForFunction(() => /^Imported/.test(document.querySelector('.notice')?.textContent ?? ''), null, { timeout: 600_000, polling: 50 });
    const t1 = await page.evaluate(() => performance.now());
    await page.waitForFunction((n) => document.querySelector('.status')?.textContent.startsWith(`Saved locally · ${n} `), n, { timeout: 1_800_000, polling: 100 });
    const t2 = await page.evaluate(() => performance.now());
    const r = await page.evaluate(([t0, t1, t2]) => {
      window.benchStop = true;
      const tasks = (a, b) => window.benchLong.filter(([s]) => s >= a && s < b).map(([, d]) => d);
      const f = window.benchFrames.filter((t) => t >= t0 && t <= t2);
      let gap = 0;
      for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
      return { applying: tasks(t0, t1), saving: tasks(t1, t2), gap };
    }, [t0, t1, t2]);
    const describe = (ts) => `${ts.length} tasks over 50 ms${ts.length ? `, longest ${Math.max(...ts).toFixed(0)} ms, ${(ts.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all` : ''}`;
    console.log(`${shape} ${n.toLocaleString('en')} (${(fs.statSync(name).size / 1e6).toFixed(1)} MB): chosen → applied ${((t1 - t0) / 1000).toFixed(1)} s (${describe(r.applying)}); → saved ${((t2 - t1) / 1000).toFixed(1)} s more (${describe(r.saving)}); longest wait between frames ${r.gap.toFixed(0)} ms`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
