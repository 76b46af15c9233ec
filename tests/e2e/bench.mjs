// Benchmark: opens the release build with a generated ~1 MB article and 10,000 overlapping
// spans (`?bench=<bytes>&spans=<n>`) in headless Chromium and prints figures. Not a test:
// timings vary by machine; goals are ≤ 1 s first render, ≤ 16 ms label key → repaint,
// ≤ 100 ms export.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BYTES = Number(process.env.BENCH_BYTES || 1_000_000);
const SPANS = Number(process.env.BENCH_SPANS || 10_000);
const ADDS = 50;
const PORT = Number(process.env.BENCH_PORT || 4174);
const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');

const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${PORT}/index.html`)).ok) return; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('static server did not start');
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const median = (xs) => pct(xs, 0.5);

await waitForServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

await page.goto(`http://127.0.0.1:${PORT}/index.html?bench=${BYTES}&spans=${SPANS}`);
await page.waitForFunction(() => document.querySelectorAll('.doc-text [data-ids]').length > 0, null, { polling: 'raf', timeout: 60_000 });
const firstRender = await page.evaluate(() => performance.now());
const shape = await page.evaluate(() => ({
  paragraphs: document.querySelectorAll('.doc-text p').length,
  segments: document.querySelectorAll('.doc-text [data-s]').length,
  chars: Array.from(document.querySelector('.doc-text').textContent).length,
  listed: document.querySelectorAll('.ann-list li').length,
}));

// 50 adds: a DOM selection over a word, released like a mouse (pending span), then the
// label key. Measured: key → DOM updated and laid out; and key → the next animation frame.
const timings = await page.evaluate(async (adds) => {
  const root = document.querySelector('.doc-text');
  const paragraphs = root.querySelectorAll('p');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const work = [], toFrame = [];
  for (let i = 0; i < adds; i++) {
    const p = paragraphs[Math.floor((i + 0.5) * paragraphs.length / adds)];
    const seg = p.querySelector('[data-s]:not([data-ids])') || p.querySelector('[data-s]');
    const node = seg.firstChild;
    const words = [...node.data.matchAll(/\p{L}{4,}/gu)];
    const m = words[i % Math.max(1, words.length)] || { index: 0, 0: node.data.slice(0, 1) };
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    await frame();
    await tick();
    const before = document.querySelectorAll('.ann-list li').length;
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ['1', '2', '3'][i % 3], bubbles: true }));
    await Promise.resolve();
    await tick();
    void document.body.offsetHeight; // force style and layout
    const t1 = performance.now();
    await frame();
    const t2 = performance.now();
    if (document.querySelectorAll('.ann-list li').length !== before + 1) throw new Error(`add ${i} did not land`);
    work.push(t1 - t0);
    toFrame.push(t2 - t0);
  }
  return { work, toFrame };
}, ADDS);

// Export: the click on "Download JSON" runs serialisation, Blob and the download start.
await page.getByRole('button', { name: /Export/ }).click();
const [download, exportMs] = await Promise.all([
  page.waitForEvent('download'),
  page.evaluate(() => {
    const item = [...document.querySelectorAll('[role=menuitem]')].find((b) => b.textContent.includes('Download JSON'));
    const t0 = performance.now();
    item.click();
    return performance.now() - t0;
  }),
]);
const exportPath = path.join(process.env.TMPDIR || '/tmp', 'bench-export.json');
await download.saveAs(exportPath);
const exported = JSON.parse(fs.readFileSync(exportPath, 'utf8'));
await browser.close();
stop();

const wasm = fs.readdirSync(dist).find((f) => f.endsWith('.wasm'));
const wasmBytes = fs.readFileSync(path.join(dist, wasm));
const gz = zlib.gzipSync(wasmBytes, { level: 9 }).length;

const f = (x) => x.toFixed(1);
console.log(`benchmark document: ${(BYTES / 1e6).toFixed(2)} MB requested, ${shape.chars} code points, ${shape.paragraphs} paragraphs, ${shape.listed} annotations listed, ${shape.segments} rendered segments`);
console.log(`time to first render:           ${f(firstRender)} ms   (goal ≤ 1000 ms)`);
console.log(`label key → DOM updated+layout: median ${f(median(timings.work))} ms, p95 ${f(pct(timings.work, 0.95))} ms over ${ADDS} adds   (goal ≤ 16 ms)`);
console.log(`label key → next frame:         median ${f(median(timings.toFrame))} ms, p95 ${f(pct(timings.toFrame, 0.95))} ms`);
console.log(`export JSON (click → download): ${f(exportMs)} ms for ${exported.annotations.length} annotations, ${(fs.statSync(exportPath).size / 1e6).toFixed(2)} MB   (goal ≤ 100 ms)`);
console.log(`release wasm: ${wasmBytes.length} bytes raw, ${gz} bytes gzipped (${(gz / 1024).toFixed(1)} KB; budget 300 KB)`);
if (errors.length) { console.error('page errors:', errors); process.exit(1); }
