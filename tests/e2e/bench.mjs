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
const dist = process.env.BENCH_DIST || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');
// BENCH_PROFILE=1 prints the functions with the most self time during the 50 adds (build
// with names kept for readable output).
// BENCH_PROFILE=stored does the same for the stored phase (the 50 adds with saving).
const PROFILE = process.env.BENCH_PROFILE === '1';
const PROFILE_STORED = process.env.BENCH_PROFILE === 'stored';
// BENCH_STORED_ONLY=1 skips the first phase (render, adds without storage, exports, imports)
// and measures the stored document alone.
const STORED_ONLY = process.env.BENCH_STORED_ONLY === '1';
// BENCH_KEYS_ONLY=1 measures the label keys alone: the first phase's render and 50 adds (no
// exports, imports or suggestions), then the stored document's 50 adds.
const KEYS_ONLY = process.env.BENCH_KEYS_ONLY === '1';

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
// A first export asks for the annotator's name (issue 16); the benchmark times the export,
// so the question counts as asked.
const asked = () => localStorage.setItem('text-annotator:annotator-asked', '1');
await page.addInitScript(asked);
// When a download is offered (the app clicks a hidden link to the file): the end of an
// export, whether the page wrote the file or the import worker did.
await page.addInitScript(() => {
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.benchOfferedAt = performance.now();
    return click.call(this);
  };
});
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

// Selects the i-th of `adds` words spread through the document, in an unannotated stretch
// when there is one, and releases it like a mouse (the pending span a label key then labels).
const selectWordHelpers = () => {
  window.benchParagraph = (i, adds) => {
    const paragraphs = document.querySelectorAll('.doc-text p');
    return paragraphs[Math.floor((i + 0.5) * paragraphs.length / adds)];
  };
  window.benchSelectWord = (i, adds) => {
    const root = document.querySelector('.doc-text');
    const p = window.benchParagraph(i, adds);
    const segs = [...p.querySelectorAll('[data-s]')].filter((s) => /\p{L}{4,}/u.test(s.textContent));
    const seg = segs.find((s) => !s.hasAttribute('data-ids')) || segs[i % segs.length];
    const node = seg.firstChild;
    const words = [...node.data.matchAll(/\p{L}{4,}/gu)];
    const m = words[i % words.length];
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
  };
};
await page.addInitScript(selectWordHelpers);

async function firstPhase() {
  await page.goto(`http://127.0.0.1:${PORT}/index.html?bench=${BYTES}&spans=${SPANS}`);
  await page.waitForFunction(() => document.querySelectorAll('.doc-text [data-ids]').length > 0, null, { polling: 'raf', timeout: 60_000 });
  const firstRender = await page.evaluate(() => performance.now());
  const marks = await page.evaluate(() => Object.fromEntries(
    ['annotator:start', 'annotator:data-ready', 'annotator:first-render'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])));
  const shape = await page.evaluate(() => ({
    paragraphs: document.querySelectorAll('.doc-text p').length,
    segments: document.querySelectorAll('.doc-text [data-s]').length,
    chars: Array.from(document.querySelector('.doc-text').textContent).length,
    listed: Number(/(\d+) annotations/.exec(document.querySelector('.status').textContent)[1]),
  }));

  let cdp;
  if (PROFILE) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing'] });
  }
  // 50 adds: a DOM selection over a word, released like a mouse (pending span), then the
  // label key. Measured: key → DOM updated and laid out; and key → the next animation frame.
  const timings = await page.evaluate(async (adds) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const count = () => Number(/(\d+) annotations/.exec(document.querySelector('.status').textContent)[1]);
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const work = [], toFrame = [];
    for (let i = 0; i < adds; i++) {
      window.benchSelectWord(i, adds);
      await frame();
      await tick();
      const before = count();
      const t0 = performance.now();
      performance.mark('bench:key');
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ['1', '2', '3'][i % 3], bubbles: true }));
      await Promise.resolve();
      await tick();
      void document.body.offsetHeight; // force style and layout
      const t1 = performance.now();
      await frame();
      const t2 = performance.now();
      performance.mark('bench:free');
      if (count() !== before + 1) {
        throw new Error(`add ${i} did not land: ${document.querySelector('.notice')?.textContent}`);
      }
      work.push(t1 - t0);
      toFrame.push(t2 - t0);
    }
    return { work, toFrame };
  }, ADDS);

  if (PROFILE) await printProfile(cdp);
  if (KEYS_ONLY) return { firstRender, marks, shape, timings };
  // Exports: click → the download offered (the file written, by the page or the import worker,
  // and handed to the browser), and how long the click's handler held the page. Then each
  // file is imported back: choose → the merge/replace question is on screen (parsed,
  // validated, placed).
  const formats = ['Download JSON', 'W3C Web Annotation', 'brat standoff', 'spaCy / Prodigy JSONL', 'doccano JSONL', 'CSV, a row per annotation'];
  const exportsMs = [];
  for (const title of formats) {
    await page.getByRole('button', { name: /^Export/ }).click();
    const [download, { ms, handlerMs }] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(async (title) => {
        const item = [...document.querySelectorAll('[role=menuitem]')].find((b) => b.textContent.startsWith(title));
        window.benchOfferedAt = undefined;
        const t0 = performance.now();
        item.click();
        const handlerMs = performance.now() - t0;
        while (window.benchOfferedAt === undefined) await new Promise((r) => setTimeout(r, 1));
        return { ms: window.benchOfferedAt - t0, handlerMs };
      }, title),
    ]);
    const file = path.join(process.env.TMPDIR || '/tmp', download.suggestedFilename());
    await download.saveAs(file);
    exportsMs.push({ title, ms, handlerMs, file, bytes: fs.statSync(file).size });
  }
  const exportPath = exportsMs[0].file;
  const exported = JSON.parse(fs.readFileSync(exportPath, 'utf8'));
  for (const entry of exportsMs) {
    const t0 = Date.now();
    await page.locator('input[type=file]').setInputFiles(entry.file);
    const question = page.getByRole('dialog', { name: /^Import/ });
    await question.waitFor({ timeout: 60_000 });
    entry.importMs = Date.now() - t0;
    await question.getByRole('button', { name: 'Cancel' }).click();
  }
  // Suggestions on the whole document: Suggest → the list shown (the suggesters run in the
  // worker; the page keeps painting), and the page's longest task meanwhile.
  const suggestion = await page.evaluate(async () => {
    const long = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
    observer.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Suggest').click();
    while (!document.querySelector('.suggest-list, .suggest-empty, .suggest-panel .form-error')) {
      if (performance.now() - t0 > 120_000) throw new Error('no suggestions after 120 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    const shown = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    observer.disconnect();
    const heads = [...document.querySelectorAll('.suggest-group h3')].map((h) => h.textContent);
    return { shown, long, heads, ghosts: document.querySelectorAll('.ghost').length };
  });
  return { firstRender, marks, shape, timings, exportsMs, exported, suggestion };
}
const first = STORED_ONLY ? null : await firstPhase();
// The same document stored in the local database (`&store=1`, a fresh browser profile):
// the first save writes every annotation as its own record; then each add writes one record.
// Measured per add: key → main thread free again (a task queued after the next animation
// frame), key → the status says "Saved" (the database confirmed the write), and tasks over
// 50 ms (PerformanceObserver "longtask") while adding. Then a reload opens it from the database.
const storedContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const stored = await storedContext.newPage();
await stored.addInitScript(asked);
// Tasks over 50 ms from the page's start, so the first save's are counted too (an import of a
// document this size is one change as well).
await stored.addInitScript(() => {
  window.benchLong = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLong.push({ start: e.startTime, ms: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
});
await stored.addInitScript(selectWordHelpers);
stored.on('pageerror', (e) => errors.push(String(e)));
const storedUrl = `http://127.0.0.1:${PORT}/index.html?bench=${BYTES}&spans=${SPANS}&store=1`;
await stored.goto(storedUrl);
await stored.waitForFunction(() => document.querySelectorAll('.doc-text [data-ids]').length > 0, null, { polling: 'raf', timeout: 60_000 });
const shown = await stored.evaluate(() => performance.now());
await stored.waitForFunction(() => /^Saved locally/.test(document.querySelector('.status').textContent), null, { timeout: 300_000, polling: 100 });
const firstSaveMs = (await stored.evaluate(() => performance.now())) - shown;
const storedListed = await stored.evaluate(() => Number(/(\d+) annotations/.exec(document.querySelector('.status').textContent)[1]));
// BENCH_SETTLE_MS: wait this long after the first save before adding (work the first save
// left behind, such as the change feed reading the 10,000 records back, is then over).
await stored.waitForTimeout(Number(process.env.BENCH_SETTLE_MS || 0));
// Long tasks from the highlights shown to the first save confirmed, and from then to the adds.
const firstSaveLong = await stored.evaluate(([from, to]) =>
  window.benchLong.filter((t) => t.start + t.ms > from).map((t) => ({ ...t, during: t.start < to })), [shown, shown + firstSaveMs]);
let storedCdp;
if (PROFILE_STORED) {
  storedCdp = await storedContext.newCDPSession(stored);
  await storedCdp.send('Profiler.enable');
  await storedCdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await storedCdp.send('Profiler.start');
  // BENCH_HEAP=<file>: also sample what the adds allocate, the collected objects included (an
  // allocation profile, .heapprofile, which the Memory panel opens); prints the biggest.
  if (process.env.BENCH_HEAP) {
    await storedCdp.send('HeapProfiler.enable');
    await storedCdp.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  await browser.startTracing(stored, { categories: ['devtools.timeline', 'blink', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing', ...(process.env.BENCH_TRACE_SAMPLES === '1' ? ['disabled-by-default-v8.cpu_profiler'] : []), ...(process.env.BENCH_INVALIDATIONS === '1' ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])] });
}
const storedTimings = await stored.evaluate(async (adds) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const status = () => document.querySelector('.status').textContent;
  const count = () => Number(/(\d+) annotations/.exec(status())[1]);
  const long = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const free = [], saved = [], painted = [];
  for (let i = 0; i < adds; i++) {
    window.benchSelectWord(i, adds);
    await frame();
    await tick();
    const before = count();
    const t0 = performance.now();
    performance.mark('bench:key');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ['1', '2', '3'][i % 3], bubbles: true }));
    await frame();
    painted.push(performance.now() - t0);
    await tick();
    performance.mark('bench:free');
    free.push(performance.now() - t0);
    const waitFrom = performance.now();
    while (!(status().startsWith('Saved locally') && count() === before + 1)) {
      if (performance.now() - waitFrom > 10_000) throw new Error(`stored add ${i} did not land: ${document.querySelector('.notice')?.textContent}`);
      await new Promise((r) => setTimeout(r, 1));
    }
    saved.push(performance.now() - t0);
  }
  await tick();
  observer.disconnect();
  return { free, saved, long, painted };
}, ADDS);
// The same adds made with real key presses, through the browser's input pipeline as a
// person's are (the adds above dispatch the key from the page). The Event Timing API's
// duration of each keydown is key → the next paint presented, what Interaction to Next Paint
// measures; it is rounded to 8 ms, and only those of 16 ms or more are reported.
// Event Timing entries of keydowns: [duration, handlers' time (processingEnd − processingStart)].
const watchKeyPaints = () => {
  window.benchKeyPaints = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown') window.benchKeyPaints.push([e.duration, e.processingEnd - e.processingStart]);
  }).observe({ type: 'event', durationThreshold: 16 });
};
await stored.evaluate(watchKeyPaints);
for (let i = 0; i < ADDS; i++) {
  // Other words than the adds above: the (i + 0.5)-th of 2 × ADDS lie between them.
  // Scrolled to first, as a person reads before selecting: the paragraph's highlights are
  // then drawn, so the word picked is one not labelled yet.
  await stored.evaluate(async ([i, adds]) => {
    window.benchParagraph(i, adds).scrollIntoView({ block: 'center' });
    for (let f = 0; f < 3; f++) await new Promise((r) => requestAnimationFrame(r));
  }, [2 * i + 1, 2 * ADDS]);
  const before = await stored.evaluate(([i, adds]) => {
    window.benchSelectWord(i, adds);
    return Number(/(\d+) annotations/.exec(document.querySelector('.status').textContent)[1]);
  }, [2 * i + 1, 2 * ADDS]);
  await stored.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await stored.keyboard.press(['1', '2', '3'][i % 3]);
  await stored.waitForFunction((before) => {
    const status = document.querySelector('.status').textContent;
    return status.startsWith('Saved locally') && Number(/(\d+) annotations/.exec(status)[1]) === before + 1;
  }, before, { polling: 'raf', timeout: 10_000 }).catch(async (e) => {
    console.error(await stored.evaluate(() => [document.activeElement?.outerHTML?.slice(0, 200), document.querySelector('.status').textContent, document.querySelector('.notice')?.textContent]));
    throw e;
  });
}
await stored.waitForTimeout(300);
const keyPaints = await stored.evaluate(() => window.benchKeyPaints);
// The floor on this machine: the same presses on a page whose key handler changes one word.
// Its paint still waits for the next frame (at 60 Hz, up to 16.7 ms) and for the compositor.
const floorPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await floorPage.setContent('<p id="word">word</p>');
await floorPage.evaluate(watchKeyPaints);
await floorPage.evaluate(() => addEventListener('keydown', (e) => { document.getElementById('word').textContent = e.key; }));
for (let i = 0; i < ADDS; i++) {
  await floorPage.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await floorPage.keyboard.press(['1', '2', '3'][i % 3]);
  await floorPage.waitForTimeout(30);
}
await floorPage.waitForTimeout(300);
const floorPaints = await floorPage.evaluate(() => window.benchKeyPaints);
await floorPage.close();
if (PROFILE_STORED && process.env.BENCH_HEAP) await printHeap(storedCdp);
if (PROFILE_STORED) await printProfile(storedCdp);
const records = await stored.evaluate(async () => (await new PouchDB('text-annotator').allDocs()).rows.length);
const t0 = Date.now();
await stored.reload();
await stored.waitForFunction(() => document.querySelectorAll('.doc-text [data-ids]').length > 0, null, { polling: 'raf', timeout: 60_000 });
const reopenMs = Date.now() - t0;
const reopenMarks = await stored.evaluate(() => Object.fromEntries(
  ['annotator:start', 'annotator:data-ready', 'annotator:first-render'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])));
// Single changes of every annotation at once: Delete all, its undo, its redo. Each is saved in
// rounds; counted: the page's tasks over 50 ms from the change until "Saved" and 1 s after.
const bigChanges = [];
{
  const savedNow = () => stored.waitForFunction(() => /^Saved locally/.test(document.querySelector('.status').textContent), null, { timeout: 120_000, polling: 50 });
  await savedNow();
  const steps = [
    // Clicked from the page: Playwright's role queries walk the whole DOM of 10,000 highlights
    // in the page's own thread, a task over 50 ms of the benchmark's, not of the app's.
    ['Delete all', async () => {
      await stored.evaluate(() => [...document.querySelectorAll('button')].find((b) => /^Delete all/.test(b.textContent)).click());
      await stored.waitForSelector('[role=alertdialog] button');
      await stored.evaluate(() => [...document.querySelectorAll('[role=alertdialog] button')].find((b) => /^Delete \d+ annotations?$/.test(b.textContent)).click());
    }],
    ['its undo (Ctrl+Z)', async () => { await stored.locator('.doc-text').focus(); await stored.keyboard.press('Control+z'); }],
    ['its redo (Ctrl+Shift+Z)', async () => { await stored.keyboard.press('Control+Shift+z'); }],
  ];
  for (const [name, act] of steps) {
    const t0 = await stored.evaluate(() => performance.now());
    await act();
    await stored.waitForFunction(() => !/^Saved locally/.test(document.querySelector('.status').textContent), null, { timeout: 10_000, polling: 'raf' }).catch(() => {});
    await savedNow();
    const ms = (await stored.evaluate(() => performance.now())) - t0;
    await stored.waitForTimeout(1000);
    const long = await stored.evaluate((t0) => window.benchLong.filter((t) => t.start >= t0).map((t) => t.ms), t0);
    bigChanges.push({ name, ms, long });
  }
}
await browser.close();
stop();

const wasm = fs.readdirSync(dist).find((f) => f.startsWith('annotator-') && f.endsWith('.wasm'));
const wasmBytes = fs.readFileSync(path.join(dist, wasm));
const gz = zlib.gzipSync(wasmBytes, { level: 9 }).length;

const f = (x) => x.toFixed(1);
if (first) {
const { firstRender, marks, shape, timings, exportsMs, exported } = first;
console.log(`benchmark document: ${(BYTES / 1e6).toFixed(2)} MB requested, ${shape.chars} code points, ${shape.paragraphs} paragraphs, ${shape.listed} annotations listed, ${shape.segments} segments rendered at first (highlights are built as chunks near the viewport)`);
console.log(`time to first render:           ${f(firstRender)} ms   (goal ≤ 1000 ms)`);
console.log(`  of which: page + wasm load ${f(marks['annotator:start'])} ms, text index + spans ${f(marks['annotator:data-ready'] - marks['annotator:start'])} ms, building the DOM ${f(marks['annotator:first-render'] - marks['annotator:data-ready'])} ms, first layout + paint ${f(firstRender - marks['annotator:first-render'])} ms`);
console.log(`label key → DOM updated+layout: median ${f(median(timings.work))} ms, p95 ${f(pct(timings.work, 0.95))} ms over ${ADDS} adds   (goal ≤ 16 ms)`);
console.log(`label key → next frame:         median ${f(median(timings.toFrame))} ms, p95 ${f(pct(timings.toFrame, 0.95))} ms`);
if (!KEYS_ONLY) {
console.log(`export JSON (click → download): ${f(exportsMs[0].ms)} ms for ${exported.annotations.length} annotations, ${(exportsMs[0].bytes / 1e6).toFixed(2)} MB   (goal ≤ 100 ms)`);
console.log(`suggest (click → list shown, suggesters in the worker): ${f(first.suggestion.shown)} ms; ${first.suggestion.heads.join(', ')}; ${first.suggestion.ghosts} ghost boxes drawn near the viewport; page tasks over 50 ms meanwhile: ${first.suggestion.long.length}${first.suggestion.long.length ? ` (longest ${f(Math.max(...first.suggestion.long))} ms)` : ''}`);
for (const e of exportsMs) {
  console.log(`  ${e.title.padEnd(27)} export ${f(e.ms).padStart(7)} ms (its click handler ${f(e.handlerMs).padStart(5)} ms), ${(e.bytes / 1e6).toFixed(2).padStart(5)} MB; import (choose → question shown) ${String(e.importMs).padStart(5)} ms`);
}
}
}
console.log(`stored in the local database (&store=1): first save of all ${storedListed} annotations ${f(firstSaveMs)} ms; ${records} records after ${2 * ADDS} adds`);
{
  const during = firstSaveLong.filter((t) => t.during).map((t) => t.ms), after = firstSaveLong.filter((t) => !t.during).map((t) => t.ms);
  const list = (xs) => `${xs.length}${xs.length ? ` (longest ${f(Math.max(...xs))} ms, ${f(xs.reduce((a, b) => a + b, 0))} ms in all)` : ''}`;
  console.log(`  tasks over 50 ms during the first save: ${list(during)}; after it, before the adds: ${list(after)}`);
}
console.log(`  label key → next frame:         median ${f(median(storedTimings.painted))} ms, p95 ${f(pct(storedTimings.painted, 0.95))} ms   (goal: p95 ≤ 16.7 ms)`);
console.log(`  label key → main thread free:  median ${f(median(storedTimings.free))} ms, p95 ${f(pct(storedTimings.free, 0.95))} ms   (a task queued after that frame; goal: no task over 50 ms)`);
{
  // Rounded to 8 ms by the browser; entries under 16 ms are not reported.
  const paints = (entries) => {
    const ms = entries.map(([d]) => d);
    const at = (d) => ms.filter((x) => x === d).length;
    const over = [...new Set(ms.filter((d) => d > 16))].sort((a, b) => a - b).map((d) => `${at(d)} at ${d}`);
    return `${ADDS - ms.length} under 16 ms, ${at(16)} at 16${over.length ? `, ${over.join(', ')}` : ''}`;
  };
  const handlers = keyPaints.map(([, h]) => h);
  console.log(`  real key presses → next paint presented (Event Timing): ${paints(keyPaints)}; handlers median ${handlers.length ? f(median(handlers)) : '–'} ms`);
  console.log(`    the floor, a page whose key changes one word: ${paints(floorPaints)}`);
}
console.log(`  label key → "Saved" shown:     median ${f(median(storedTimings.saved))} ms, p95 ${f(pct(storedTimings.saved, 0.95))} ms (the database confirmed the one-record write)`);
console.log(`  tasks over 50 ms while adding: ${storedTimings.long.length}${storedTimings.long.length ? ` (longest ${f(Math.max(...storedTimings.long))} ms)` : ''}`);
console.log(`  reopen from the database (reload → highlights shown): ${reopenMs} ms; reading the records ${f(reopenMarks['annotator:data-ready'] - reopenMarks['annotator:start'])} ms of it`);
for (const c of bigChanges) {
  console.log(`  ${c.name}: saved in ${f(c.ms)} ms; tasks over 50 ms: ${c.long.length}${c.long.length ? ` (longest ${f(Math.max(...c.long))} ms)` : ''}`);
}
console.log(`release wasm of this build: ${wasmBytes.length} bytes raw, ${gz} bytes gzipped (${(gz / 1024).toFixed(1)} KB; scripts/bench.sh builds with the benchmark's entry, which the shipped page leaves out: scripts/size.sh prints its size and budget)`);
if (errors.length) { console.error('page errors:', errors); process.exit(1); }


async function printProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  // BENCH_CPUPROFILE=<file> keeps the sampled profile (a .cpuprofile the Performance panel opens).
  if (process.env.BENCH_CPUPROFILE) fs.writeFileSync(process.env.BENCH_CPUPROFILE, JSON.stringify(profile));
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`;
    self.set(name, (self.get(name) || 0) + (dt[i] || 0) / 1000);
  });
  const traceText = (await browser.stopTracing()).toString();
  // BENCH_TRACE=<file> keeps the trace (open it in the Performance panel, or read it with a script).
  if (process.env.BENCH_TRACE) fs.writeFileSync(process.env.BENCH_TRACE, traceText);
  const trace = JSON.parse(traceText);
  const byName = new Map();
  for (const e of trace.traceEvents) {
    if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) || 0) + e.dur / 1000);
  }
  const layouts = trace.traceEvents.filter((e) => e.name === 'Layout' && e.ph === 'X').slice(0, 400);
  const big = layouts.sort((a, b) => b.dur - a.dur).slice(0, 6);
  for (const e of big) console.log('layout', (e.dur / 1000).toFixed(1), 'ms', JSON.stringify(e.args?.beginData || {}).slice(0, 200));
  console.log('layouts:', layouts.length);
  console.log('trace events by total duration:');
  for (const [name, ms] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [name, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 140)}`);
  // Where the heaviest functions are called from (four callers up), with BENCH_PROFILE_CALLERS=1.
  if (process.env.BENCH_PROFILE_CALLERS === '1') {
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const label = (n) => `${n.callFrame.functionName || '(anonymous)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    for (const [name] of top.slice(1, 8)) {
      const chains = new Map();
      profile.samples.forEach((id, i) => {
        const node = byId.get(id);
        const f = node.callFrame;
        if (`${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}` !== name) return;
        const chain = [];
        for (let p = parent.get(id); p && chain.length < 6; p = parent.get(p)) chain.push(label(byId.get(p)));
        const key = chain.join(' < ');
        chains.set(key, (chains.get(key) || 0) + (dt[i] || 0) / 1000);
      });
      console.log(`callers of ${name}:`);
      for (const [chain, ms] of [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${chain.slice(0, 400)}`);
    }
  }
}
async function printHeap(cdp) {
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  fs.writeFileSync(process.env.BENCH_HEAP, JSON.stringify(profile));
  const self = new Map();
  let total = 0;
  const walk = (n, chain) => {
    const f = n.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    const here = [...chain, name];
    if (n.selfSize) {
      total += n.selfSize;
      const key = here.slice(-3).reverse().join(' < ');
      self.set(key, (self.get(key) || 0) + n.selfSize);
    }
    for (const c of n.children || []) walk(c, here);
  };
  walk(profile.head, []);
  console.log(`allocated during the stored adds (sampled, collected objects included): ${(total / 1e6).toFixed(1)} MB`);
  for (const [name, bytes] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(bytes / 1e3).toFixed(0).padStart(8)} KB  ${name.slice(0, 300)}`);
}
