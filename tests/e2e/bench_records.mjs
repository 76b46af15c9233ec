// Measures the local database's record layouts side by side (issue 14's granularity
// question): 10,000 annotations stored one record each, or in blocks of 100 per record.
// For each: the first write of all of them, opening them all (a range read), and one edit
// (read the record if needed, write it back), median and p95 over 50 edits. PouchDB only, in
// headless Chromium against the built dist/ (pouchdb.min.js). Not a test; figures vary.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import path from 'node:path';

const PORT = Number(process.env.BENCH_PORT || 4176);
const N = Number(process.env.BENCH_SPANS || 10_000);
const dist = process.env.BENCH_DIST || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');
const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
process.on('exit', () => server.kill());
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(`http://127.0.0.1:${PORT}/pouchdb.min.js`)).ok) break; } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${PORT}/pouchdb.min.js`);
await page.setContent('<p>bench</p>');
await page.addScriptTag({ url: `http://127.0.0.1:${PORT}/pouchdb.min.js` });
const results = await page.evaluate(async (n) => {
  const annotation = (i) => ({
    id: `a-${i.toString(16).padStart(12, '0')}`, label: ['actor', 'claim', 'date'][i % 3], start: i * 97, end: i * 97 + 23,
    quote: 'Russian-Armenian relations', prefix: 'said that the ', suffix: ' are going through a ',
    note: '', created: '2025-01-24T10:00:00.000Z', updated: '2025-01-24T10:00:00.000Z',
    entity: i % 3 === 0 ? { id: 'sergey-lavrov', name: 'Sergey Lavrov' } : undefined,
  });
  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  const out = {};
  for (const [layout, perRecord] of [['one record per annotation', 1], ['blocks of 100 annotations', 100]]) {
    const name = `bench-${perRecord}`;
    await new PouchDB(name).destroy();
    const db = new PouchDB(name, { auto_compaction: true });
    const docs = [];
    for (let b = 0; b < n / perRecord; b++) {
      const list = Array.from({ length: perRecord }, (_, k) => annotation(b * perRecord + k));
      docs.push(perRecord === 1 ? { _id: `ann:bench:${list[0].id}`, type: 'annotation', doc: 'bench', v: 3, ...list[0] }
        : { _id: `block:bench:${String(b).padStart(4, '0')}`, type: 'block', doc: 'bench', v: 3, annotations: list });
    }
    let t = performance.now();
    await db.bulkDocs(docs);
    const firstWrite = performance.now() - t;
    t = performance.now();
    const all = await db.allDocs({ startkey: perRecord === 1 ? 'ann:bench:' : 'block:bench:', endkey: (perRecord === 1 ? 'ann:bench:' : 'block:bench:') + '\ufff0', include_docs: true });
    const open = performance.now() - t;
    const revs = new Map(all.rows.map((r) => [r.id, r.doc]));
    const edits = [];
    for (let e = 0; e < 50; e++) {
      const i = Math.floor((e + 0.5) * n / 50);
      t = performance.now();
      if (perRecord === 1) {
        const id = `ann:bench:${annotation(i).id}`;
        const doc = { ...revs.get(id), note: `edit ${e}` };
        const [r] = await db.bulkDocs([doc]);
        revs.set(id, { ...doc, _rev: r.rev });
      } else {
        const id = `block:bench:${String(Math.floor(i / perRecord)).padStart(4, '0')}`;
        const doc = revs.get(id);
        const next = { ...doc, annotations: doc.annotations.map((a, k) => (k === i % perRecord ? { ...a, note: `edit ${e}` } : a)) };
        const [r] = await db.bulkDocs([next]);
        revs.set(id, { ...next, _rev: r.rev });
      }
      edits.push(performance.now() - t);
    }
    const bytes = JSON.stringify(all.rows.map((r) => r.doc)).length;
    out[layout] = { records: all.rows.length, firstWrite, open, editMedian: pct(edits, 0.5), editP95: pct(edits, 0.95), bytes };
    await db.destroy();
  }
  return out;
}, N);
await browser.close();
const f = (x) => x.toFixed(1).padStart(8);
console.log(`${N} annotations, PouchDB ${'9.0.0'} over IndexedDB, headless Chromium`);
console.log('layout                        records  first write ms  open all ms  one edit median / p95 ms   JSON bytes');
for (const [layout, r] of Object.entries(results)) {
  console.log(`${layout.padEnd(30)}${String(r.records).padStart(7)} ${f(r.firstWrite)}        ${f(r.open)}     ${f(r.editMedian)} / ${f(r.editP95)}   ${r.bytes}`);
}
console.log('A conflict between two tabs (or devices) costs one record: one annotation in the first layout, 100 in the second.');
