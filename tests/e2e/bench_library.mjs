// Benchmark of a large library: imports a generated workspace of news articles (1,000 by
// default, 50 annotations each) through the UI of the release build in headless Chromium,
// then times app start, switching documents by `#doc=`, the Documents dialog, a search
// keystroke and scrolling its list. Prints figures; not a test (timings vary by machine).
// Goals: start (reload → open document shown) ≤ 1 s, a switch ≤ 150 ms.
//
//   node tests/e2e/bench_library.mjs WORKSPACE.json
//
// BENCH_PORT moves the static server, BENCH_DIST the built site; BENCH_PROFILE=1 prints the
// functions with the most self time during the switches.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tests/e2e/bench_library.mjs WORKSPACE.json');
  process.exit(2);
}
const PORT = Number(process.env.BENCH_PORT || 4174);
const dist = process.env.BENCH_DIST || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');
const PROFILE = process.env.BENCH_PROFILE === '1';
const SWITCHES = 20;

const workspace = JSON.parse(fs.readFileSync(file, 'utf8'));
const articles = workspace.documents.map((d) => ({ id: d.document.id, title: d.document.title, annotations: d.annotations.length }));
const fileMB = fs.statSync(file).size / 1e6;

const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
const stop = () => server.kill();
process.on('exit', stop);
for (let i = 0; ; i++) {
  try { if ((await fetch(`http://127.0.0.1:${PORT}/index.html`)).ok) break; } catch {}
  if (i > 100) throw new Error('static server did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const median = (xs) => pct(xs, 0.5);
const f = (x) => x.toFixed(1);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// A first export asks for the annotator's name (issue 16): taken as asked here.
await page.addInitScript(() => localStorage.setItem('text-annotator:annotator-asked', '1'));
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

/** The page's JS heap in use (bytes), from CDP; sampled every 100 ms while `watch` runs. */
async function heapNow() {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}
async function peakHeapDuring(work) {
  let peak = await heapNow();
  let running = true;
  const sampler = (async () => {
    while (running) {
      try { peak = Math.max(peak, await heapNow()); } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try { return { result: await work(), peak: () => peak }; } finally { running = false; await sampler; }
}
/** The wasm module's linear memory (bytes): it holds the Rust heap, which the JS heap does not count. */
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => { window.benchWasmMemory = e.detail.wasm.memory; });
});
const wasmMemory = () => page.evaluate(() => window.benchWasmMemory?.buffer.byteLength ?? NaN);
/** The same for the views loaded on first use (the workspace import runs there), 0 if not loaded. */
const lazyMemory = () => page.evaluate(async () => (await globalThis.annotatorLazyViewsStarted)?.memory?.buffer.byteLength ?? 0);

const base = `http://127.0.0.1:${PORT}/index.html`;
await page.goto(base);
await page.locator('article .doc-text').waitFor();
await page.evaluate(async () => { localStorage.clear(); await new PouchDB('text-annotator').destroy(); });
await page.reload();
await page.locator('article .doc-text').waitFor();

// ---- Import through the UI -------------------------------------------------------------
const heapBefore = await heapNow();
const t0 = Date.now();
const imported = await peakHeapDuring(async () => {
  await page.locator('input[type=file]').first().setInputFiles(file);
  await page.getByText(/Imported the workspace/).first().waitFor({ timeout: 900_000 });
  return Date.now() - t0;
});
const importMs = imported.result;
const importNotice = await page.getByText(/Imported the workspace/).first().textContent();
const heapAfterImport = await heapNow();
const mb = (b) => `${(b / 1_048_576).toFixed(1)} MB`;
console.log(`library: ${articles.length} articles, ${articles.reduce((n, a) => n + a.annotations, 0)} annotations, ${f(fileMB)} MB workspace file`);
console.log(`import through the UI (file chosen → report shown): ${f(importMs / 1000)} s   (${importNotice.trim().slice(0, 120)}…)`);
console.log(`  JS heap: ${mb(heapBefore)} before, peak ${mb(imported.peak())} during, ${mb(heapAfterImport)} after; wasm memory (only grows, so its peak): the page ${mb(await wasmMemory())}, the views loaded on first use (which write the workspace) ${mb(await lazyMemory())}`);

// ---- App start: reload with an article open -------------------------------------------
const shown = (title) => page.waitForFunction((title) =>
  document.querySelector('.reader-title')?.textContent === title
  && document.querySelectorAll('.doc-text [data-ids]').length > 0, title, { polling: 'raf', timeout: 60_000 });
const starts = [];
for (let i = 0; i < 3; i++) {
  const a = articles[(i * 337) % articles.length];
  await page.goto(`${base}#doc=${a.id}`);
  await page.reload();
  await shown(a.title);
  starts.push(await page.evaluate(() => performance.now()));
}
const wasmAfterStart = await wasmMemory();
console.log(`app start (reload → article with its highlights shown): ${starts.map(f).join(', ')} ms   (goal ≤ 1000 ms)`);
console.log(`  wasm memory after a restart: ${mb(wasmAfterStart)}`);

// ---- Workspace export (right after a restart, so the wasm memory starts small) --------------
{
  const before = await wasmMemory();
  const t = Date.now();
  const exported = await peakHeapDuring(async () => {
    await page.getByRole('button', { name: /^Export/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 600_000 }),
      page.getByRole('menuitem', { name: /Download workspace/ }).click(),
    ]);
    return { ms: Date.now() - t, path: await download.path() };
  });
  const { size } = await import('node:fs').then((fs) => fs.promises.stat(exported.result.path));
  console.log(`workspace export (menu → file downloaded): ${f(exported.result.ms / 1000)} s, ${f(size / 1_048_576)} MB`);
  console.log(`  JS heap peak ${mb(exported.peak())}; wasm memory ${mb(before)} before, ${mb(await wasmMemory())} after (it only grows, so this is its peak)`);
}

// ---- Switching documents by #doc= ------------------------------------------------------
if (PROFILE) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}
const picks = Array.from({ length: SWITCHES }, (_, i) => articles[(i * 53 + 7) % articles.length]);
const switches = await page.evaluate(async (picks) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const out = [];
  for (const a of picks) {
    const t0 = performance.now();
    location.hash = `#doc=${a.id}`;
    for (;;) {
      await frame();
      if (document.querySelector('.reader-title')?.textContent === a.title
        && document.querySelectorAll('.doc-text [data-ids]').length > 0) break;
      if (performance.now() - t0 > 30_000) throw new Error(`switch to ${a.id} never showed`);
    }
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}, picks);
console.log(`switch by #doc= (hash set → article with highlights): median ${f(median(switches))} ms, p95 ${f(pct(switches, 0.95))} ms, max ${f(Math.max(...switches))} ms over ${SWITCHES}   (goal ≤ 150 ms)`);
if (PROFILE) {
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const fr = byId.get(id).callFrame;
    const name = `${fr.functionName || '(anonymous)'} ${fr.url.split('/').pop()}`;
    self.set(name, (self.get(name) || 0) + (profile.timeDeltas[i] || 0) / 1000);
  });
  console.log('self time during the switches:');
  for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 140)}`);
}

// ---- The Documents dialog --------------------------------------------------------------
const documentsButton = await page.getByRole('button', { name: /— Documents$/ }).elementHandle();
const dialogMs = await page.evaluate(async (button) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const t0 = performance.now();
  button.click();
  for (;;) {
    await frame();
    if (document.querySelector('.doc-list .doc-row') && document.querySelector('.doc-count')) break;
  }
  return performance.now() - t0;
}, documentsButton);
const rowsInDom = await page.locator('.doc-list .doc-row').count();
const countLine = await page.locator('.doc-count').textContent();
console.log(`Documents dialog (click → list shown): ${f(dialogMs)} ms; ${rowsInDom} rows in the DOM; "${countLine}"`);

// A search: the first keystroke (titles at once; the texts are read then), the texts
// arriving, and the keystrokes after it. Each: input event → the count line changed.
const search = await page.evaluate(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const input = document.querySelector('.doc-search input');
  const count = () => document.querySelector('.doc-count').textContent;
  // Input event → the app re-rendered and laid out (Yew renders in a task after the event),
  // and → the next frame.
  const type = async (value) => {
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight;
    const t1 = performance.now();
    await frame();
    return { ms: t1 - t0, frameMs: performance.now() - t0, line: count() };
  };
  const first = await type('m');
  const t0 = performance.now();
  while (/reading the texts/.test(count())) await frame();
  const textsMs = performance.now() - t0 + first.ms;
  const after = [];
  for (const value of ['mi', 'min', 'mini', 'minis', 'minist', 'ministe', 'minister', 'minister ', 'minister s', 'minister sa', 'minister sai', 'minister said', 'minister said t']) {
    after.push(await type(value));
  }
  return { first, textsMs, after, line: count() };
});

console.log(`search, first keystroke (titles): ${f(search.first.ms)} ms (to next frame ${f(search.first.frameMs)}); texts read and searched: ${f(search.textsMs)} ms`);
console.log(`search, keystrokes after (input → re-rendered and laid out): median ${f(median(search.after.map((s) => s.ms)))} ms, max ${f(Math.max(...search.after.map((s) => s.ms)))} ms; to next frame median ${f(median(search.after.map((s) => s.frameMs)))} ms; "${search.line}"`);

// Scrolling the list from top to bottom, 300 px a frame: frames over 50 ms.
await page.evaluate(() => {
  const input = document.querySelector('.doc-search input');
  input.value = '';
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
});
await page.waitForFunction(() => !/match/.test(document.querySelector('.doc-count').textContent));
const scroll = await page.evaluate(async () => {
  const viewport = document.querySelector('.doc-viewport');
  const frames = [];
  let last = performance.now();
  const t0 = last;
  viewport.scrollTop = 0;
  while (viewport.scrollTop + viewport.clientHeight < viewport.scrollHeight - 1) {
    viewport.scrollTop += 300;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  await new Promise((r) => requestAnimationFrame(() => r()));
  const rows = [...document.querySelectorAll('.doc-list .doc-row')];
  return {
    frames, ms: performance.now() - t0,
    lastRow: rows.at(-1)?.getAttribute('aria-posinset'), setsize: rows.at(-1)?.getAttribute('aria-setsize'),
    rendered: rows.length,
  };
});
console.log(`scroll the list to the end (300 px a frame): ${scroll.frames.length} frames in ${f(scroll.ms)} ms, ${scroll.frames.filter((x) => x > 50).length} over 50 ms (longest ${f(Math.max(...scroll.frames))} ms); last row ${scroll.lastRow} of ${scroll.setsize}, ${scroll.rendered} rows in the DOM`);
const heapEnd = await heapNow();
await browser.close();
stop();

console.log(`JS heap at the end: ${mb(heapEnd)}`);
if (errors.length) { console.error('page errors:', errors); process.exit(1); }
