#!/usr/bin/env node
// The team-sync load benchmark (issue 17): many annotators replicating one project database on
// pouchdb-server at once. Not a test (figures vary with the machine); see docs/sync-load.md.
//
//   node scripts/sync/load.mjs [--annotators 20] [--documents 20] [--annotations 500]
//        [--relations N] [--timeout 1800] [--keep]
//   node scripts/sync/load.mjs --ten-k [--annotations 10000] [--keep]
//
// It starts its own scripts/sync-server.sh on a free loopback port with a temporary --dir and one
// user per annotator (u01:pw01, u02:pw02, ...), and stops it at the end. Each annotator is a
// PouchDB 9 in this Node process (leveldb in the temporary folder: the memory adapter holds
// about 4 KB per record, too much for 20 copies of 200,000), logged in as its own user with a
// _session cookie. Each writes, for every document, the annotation and link records the app
// writes (the first annotator also the document's text record), in the synced layout of
// docs/sync.md (`ann:<doc>:<owner>:<id>`, `rel:<doc>:<owner>:<id>`, every record with `owner`).
//
// Default mode: every annotator writes its records locally, then all start
// `local.sync(remote, {live: true, retry: true})` at the same moment, as the app will. The
// server's record count is polled (admin, every 500 ms) for "all uploaded", every annotator's
// local count for "everyone has everything"; then each local database is read whole and checked
// (every expected record exactly once, with the content written, no _conflicts). Exit 1 if not.
//
// --ten-k: one annotator, one document with --annotations (default 10,000): replicate up once
// (live: false), then a fresh second annotator replicates it down once; seconds, records/s and
// the bytes on the wire (counted on the client's sockets, HTTP headers included).
//
// Server memory: VmRSS and VmHWM of the pouchdb-server process from /proc every 250 ms.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { freePort, alive } from './processes.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');
// The app's own replication filters (what goes up, what comes down).
const appSync = require('../../src/bridge/sync.js');
const nodeFetch = require('node-fetch');
const DB = 'annotations';
const ADMIN = 'admin:admin-password';
const LABELS = ['actor', 'claim', 'date'];

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = { annotators: 20, documents: 20, annotations: null, relations: null, timeout: 1800, keep: false, tenK: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number`);
      return v;
    };
    if (a === '--annotators') o.annotators = num();
    else if (a === '--documents') o.documents = num();
    else if (a === '--annotations') o.annotations = num();
    else if (a === '--relations') o.relations = num();
    else if (a === '--timeout') o.timeout = num();
    else if (a === '--keep') o.keep = true;
    else if (a === '--ten-k') o.tenK = true;
    else if (a === '-h' || a === '--help') o.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (o.annotations === null) o.annotations = o.tenK ? 10_000 : 500;
  if (o.relations === null) o.relations = Math.floor(o.annotations / 10);
  if (o.annotators < 1 || o.annotators > 99) throw new Error('--annotators must be 1 to 99');
  return o;
}

// ---------------------------------------------------------------------------------------------
// The server

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer(dir, users) {
  const port = await freePort();
  const pairs = users.map((u) => `${u.name}:${u.password}`).join(',');
  const script = spawn('bash', ['scripts/sync-server.sh', '--port', String(port), '--dir', dir, '--users', pairs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  script.stdout.on('data', (d) => (output += d));
  script.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => script.once('exit', (code, signal) => resolve({ code, signal })));
  const until = Date.now() + 120_000;
  while (!/DEVELOPMENT ONLY/.test(output)) {
    if (script.exitCode !== null) throw new Error(`sync-server.sh exited early:\n${output}`);
    if (Date.now() > until) throw new Error(`sync-server.sh not ready after 120 s:\n${output}`);
    await sleep(100);
  }
  const pid = Number(/pouchdb-server \(pid (\d+)\)/.exec(output)?.[1]);
  if (!(pid > 0)) throw new Error(`sync-server.sh did not print the server's pid:\n${output}`);
  for (const u of users) {
    if (!output.includes(`user   ${u.name} / `)) throw new Error(`sync-server.sh did not set up ${u.name}:\n${output}`);
  }
  const base = `http://127.0.0.1:${port}/`;
  async function stop() {
    if (script.exitCode === null && script.signalCode === null) {
      script.kill('SIGTERM');
      const late = await Promise.race([exited, sleep(5000).then(() => 'late')]);
      if (late === 'late') script.kill('SIGKILL');
    }
    for (const sig of ['SIGTERM', 'SIGKILL']) {
      if (!alive(pid)) break;
      process.kill(pid, sig);
      for (let i = 0; i < 30 && alive(pid); i++) await sleep(100);
    }
  }
  return { port, base, pid, stop, output: () => output };
}

/** One admin request (basic auth). */
async function admin(base, method, p, body) {
  const res = await fetch(base + p, {
    method,
    headers: {
      accept: 'application/json',
      authorization: 'Basic ' + Buffer.from(ADMIN).toString('base64'),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Samples the server's resident memory and CPU time, and the machine's load, every 250 ms. */
function monitor(pid) {
  const m = { rssPeak: 0, hwm: 0, rssLast: 0, cpu: 0, loadPeak: 0, samples: 0 };
  const tick = async () => {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] || 0);
      m.rssLast = kb('VmRSS');
      m.rssPeak = Math.max(m.rssPeak, m.rssLast);
      m.hwm = Math.max(m.hwm, kb('VmHWM'));
      const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
      m.cpu = (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks (100/s)
      m.samples++;
    } catch {
      // the server is gone
    }
    const load = Number((await readFile('/proc/loadavg', 'utf8')).split(' ')[0]);
    m.loadPeak = Math.max(m.loadPeak, load);
  };
  const timer = setInterval(tick, 250);
  tick();
  m.stop = async () => {
    clearInterval(timer);
    await tick();
  };
  return m;
}

async function duBytes(p) {
  let total = 0;
  let entries;
  try {
    entries = await readdir(p, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const q = path.join(p, e.name);
    if (e.isDirectory()) total += await duBytes(q);
    else if (e.isFile()) total += (await stat(q)).size;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// The annotators: a local PouchDB each, and the remote database as that user

/** An http.Agent that adds up the bytes its sockets read and wrote. */
class CountingAgent extends http.Agent {
  constructor() {
    super({ keepAlive: true });
    this.open = new Set();
    this.closed = { read: 0, written: 0 };
  }
  createConnection(options, cb) {
    const s = super.createConnection(options, cb);
    this.open.add(s);
    s.once('close', () => {
      this.open.delete(s);
      this.closed.read += s.bytesRead;
      this.closed.written += s.bytesWritten;
    });
    return s;
  }
  bytes() {
    let { read, written } = this.closed;
    for (const s of this.open) {
      read += s.bytesRead;
      written += s.bytesWritten;
    }
    return { read, written };
  }
}

/** Logs in through _session; PouchDB's own Node fetch keeps one cookie jar for the whole process
 * (fetch-cookie), which would mix 20 users' cookies, so each annotator has its own fetch with its
 * own cookie, renewed from every response (the server sends a fresh one each time) and by
 * logging in again on a 401. */
async function remoteFor(base, user, agent) {
  let cookie = null;
  async function login() {
    const res = await nodeFetch(base + '_session', {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user.name, password: user.password }),
    });
    const m = /AuthSession=[^;]*/.exec(res.headers.get('set-cookie') || '');
    if (res.status !== 200 || !m) throw new Error(`${user.name} cannot log in: HTTP ${res.status} ${await res.text()}`);
    await res.text();
    cookie = m[0];
  }
  await login();
  const stats = { relogins: 0, requests: {} };
  const fetchAs = async (url, opts = {}) => {
    const kind = /\/(_[a-z_]+)/.exec(new URL(url).pathname.slice(DB.length + 1))?.[1] || 'other';
    const r = (stats.requests[kind] ||= { count: 0, body: 0 });
    r.count++;
    r.body += typeof opts.body === 'string' ? Buffer.byteLength(opts.body) : 0;
    for (let attempt = 0; ; attempt++) {
      opts.headers.set('Cookie', cookie);
      const res = await nodeFetch(url, { ...opts, agent });
      const m = /AuthSession=([^;]*)/.exec(res.headers.get('set-cookie') || '');
      if (m && m[1]) cookie = m[0];
      if (res.status === 401 && attempt === 0) {
        await res.text();
        stats.relogins++;
        await login();
        continue;
      }
      return res;
    }
  };
  const db = new PouchDB(base + DB, { skip_setup: true, fetch: fetchAs });
  return { db, stats };
}

// ---------------------------------------------------------------------------------------------
// The records, as the app writes them (src/model/records, docs/storage.md), with owner

const RECORD_VERSION = 3; // src/model/formats/native/mod.rs SCHEMA_VERSION (docs/storage.md: "v ... 3")
const CONTEXT_CHARS = 32; // src/model/annotation.rs

/** A small deterministic generator (mulberry32), so every run writes the same texts. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the minister said on tuesday that talks with the delegation would continue next week after ' +
  'officials in the capital denied reports of a new agreement on trade and energy while the ' +
  'opposition party accused the government of hiding the costs from parliament and analysts ' +
  'warned that prices could rise again in spring according to a statement published by the ' +
  'central bank on monday morning the president of the commission met the ambassador'
).split(' ');

function makeText(n, chars) {
  const r = rng(1000 + n);
  const out = [];
  let len = 0;
  let sentence = 0;
  while (len < chars) {
    let w = WORDS[Math.floor(r() * WORDS.length)];
    if (sentence === 0) w = w[0].toUpperCase() + w.slice(1);
    sentence++;
    if (sentence > 8 + Math.floor(r() * 14)) {
      w += r() < 0.15 ? '.\n\n' : '. ';
      sentence = 0;
    } else w += ' ';
    out.push(w);
    len += w.length;
  }
  return out.join('').trimEnd();
}

/** `a-3f9c2e71b04d`: 48 random bits, as bridge/clock.rs fresh_id. */
const freshId = () => 'a-' + randomBytes(6).toString('hex');

/** An entity id as model::annotation::entity_id: lower case, runs of other characters one dash. */
const entityId = (name) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

function makeDocuments(count, textChars) {
  const docs = [];
  for (let n = 0; n < count; n++) {
    const title = `Load test article ${String(n + 1).padStart(2, '0')}`;
    const id = `load-test-article-${String(n + 1).padStart(2, '0')}-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
    const text = makeText(n, textChars);
    docs.push({ id, title, text, chars: [...text] });
  }
  return docs;
}

function textRecord(doc, owner) {
  return {
    _id: `text:${doc.id}`,
    type: 'text',
    doc: doc.id,
    v: RECORD_VERSION,
    owner,
    id: doc.id,
    title: doc.title,
    published: '2026-11-02',
    source_url: `https://example.org/news/${doc.id}`,
    text: doc.text,
    text_sha256: createHash('sha256').update(doc.text).digest('hex'),
  };
}

/** One annotator's annotation and link records for one document. `taken` holds every id used,
 * so a (vanishingly rare) repeated random id is drawn again: the check counts distinct ids. */
function annotatorRecords(doc, owner, annotations, relations, taken, clock) {
  const out = [];
  const byLabel = { actor: [], claim: [], date: [] };
  const n = doc.chars.length;
  const newId = () => {
    let id;
    do id = freshId();
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  for (let k = 0; k < annotations; k++) {
    const id = newId();
    const label = LABELS[k % 3];
    const length = 4 + Math.floor(Math.random() * 40);
    const start = Math.floor(Math.random() * Math.max(1, n - length));
    const end = Math.min(n, start + length);
    const quote = doc.chars.slice(start, end).join('');
    const time = new Date(clock.t++ * 1000).toISOString();
    const rec = {
      _id: `ann:${doc.id}:${id}`,
      type: 'annotation',
      doc: doc.id,
      v: RECORD_VERSION,
      owner,
      id,
      label,
      start,
      end,
      quote,
      prefix: doc.chars.slice(Math.max(0, start - CONTEXT_CHARS), start).join(''),
      suffix: doc.chars.slice(end, end + CONTEXT_CHARS).join(''),
      note: '',
      created: time,
      updated: time,
    };
    if (!rec.prefix) delete rec.prefix;
    if (!rec.suffix) delete rec.suffix;
    // What native::placed_record adds with the text: an actor's inferred entity, a date's value.
    if (label === 'actor') rec.entity = { id: entityId(quote), name: quote, inferred: true };
    if (label === 'date') rec.date = { value: '', manual: false };
    byLabel[label].push(id);
    out.push(rec);
  }
  for (let k = 0; k < relations && byLabel.claim.length; k++) {
    const role = ['source', 'target', 'when'][k % 3];
    const pool = role === 'when' ? byLabel.date : byLabel.actor;
    if (!pool.length) continue;
    const id = newId();
    out.push({
      _id: `rel:${doc.id}:${id}`,
      type: 'relation',
      doc: doc.id,
      v: RECORD_VERSION,
      owner,
      id,
      claim: byLabel.claim[k % byLabel.claim.length],
      role,
      annotation: pool[Math.floor(k / 3) % pool.length],
      created: new Date(clock.t++ * 1000).toISOString(),
    });
  }
  return out;
}

/** JSON with object keys sorted, for comparing what arrived with what was written. */
function canonical(v) {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

function bodyOf(doc) {
  const { _rev, _conflicts, _revisions, ...rest } = doc;
  return canonical(rest);
}

async function writeLocal(db, records) {
  for (let i = 0; i < records.length; i += 1000) {
    const res = await db.bulkDocs(records.slice(i, i + 1000));
    const bad = res.filter((r) => r.error);
    if (bad.length) throw new Error(`local write refused: ${JSON.stringify(bad[0])}`);
  }
}

/** Reads a whole local database and compares it with what was written. */
async function check(db, expected) {
  const r = { rows: 0, missing: 0, unexpected: 0, changed: 0, conflicts: 0, design: 0, annotationIds: new Set(), relations: 0 };
  const seen = new Set();
  let startkey;
  for (;;) {
    const page = await db.allDocs({ include_docs: true, conflicts: true, limit: 5000, ...(startkey ? { startkey, skip: 1 } : {}) });
    if (!page.rows.length) break;
    for (const row of page.rows) {
      startkey = row.id;
      if (row.id.startsWith('_design/')) {
        r.design++;
        continue;
      }
      r.rows++;
      if (row.doc._conflicts?.length) r.conflicts++;
      const want = expected.get(row.id);
      if (want === undefined) {
        r.unexpected++;
        continue;
      }
      if (seen.has(row.id)) r.unexpected++;
      seen.add(row.id);
      if (bodyOf(row.doc) !== want) r.changed++;
      if (row.doc.type === 'annotation') r.annotationIds.add(`${row.doc.doc}\u0000${row.doc.owner}\u0000${row.doc.id}`);
      if (row.doc.type === 'relation') r.relations++;
    }
    if (page.rows.length < 5000) break;
  }
  r.missing = expected.size - seen.size;
  r.annotations = r.annotationIds.size;
  delete r.annotationIds;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Reporting

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const mb = (bytes) => `${fmt(bytes / 1048576, 1)} MiB`;
function table(rows) {
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
}
const log = (s) => console.log(`[sync load] ${s}`);
const loadavg = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

// ---------------------------------------------------------------------------------------------
// The runs

async function runMany(o, dir, server, mon, users) {
  const docs = makeDocuments(o.documents, Math.max(6000, Math.min(60_000, o.annotations * 40)));
  const taken = new Set();
  const clock = { t: Date.parse('2026-12-01T09:00:00Z') / 1000 };
  const expected = new Map();
  const annotators = [];
  let genMs = 0;
  let writeMs = 0;
  for (const [i, user] of users.entries()) {
    let t = performance.now();
    const records = [];
    for (const doc of docs) {
      if (i === 0) records.push(textRecord(doc, user.name));
      records.push(...annotatorRecords(doc, user.name, o.annotations, o.relations, taken, clock));
    }
    for (const rec of records) expected.set(rec._id, canonical(rec));
    genMs += performance.now() - t;
    const local = new PouchDB(path.join(dir, 'clients', user.name));
    t = performance.now();
    await writeLocal(local, records);
    writeMs += performance.now() - t;
    const agent = new CountingAgent();
    const remote = await remoteFor(server.base, user, agent);
    annotators.push({ user, local, agent, ...remote, wrote: records.length });
  }
  const total = expected.size;
  const annotationsTotal = o.annotators * o.documents * o.annotations;
  const relationsTotal = total - annotationsTotal - o.documents;
  log(`${o.annotators} annotators wrote ${fmt(total)} records locally (${fmt(annotationsTotal)} annotations, ${fmt(relationsTotal)} links, ${o.documents} texts) in ${fmt(writeMs / 1000, 1)} s`);

  const designDocs = (await admin(server.base, 'GET', `${DB}/_all_docs?startkey=%22_design%2F%22&endkey=%22_design0%22`)).rows.length;
  const loadBefore = await loadavg();
  const events = { denied: 0, errors: 0, pausedWithError: 0, lastError: null };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const serverCpu0 = mon.cpu;
  for (const a of annotators) {
    // As the app does (src/bridge/sync.js): a live push of the annotator's own records and a
    // live pull of the shared ones, each with the app's own filter.
    const push = a.local.replicate.to(a.db, { live: true, retry: true, filter: appSync.pushFilter(a.user.name) });
    const pull = a.local.replicate.from(a.db, { live: true, retry: true, filter: appSync.pullFilter });
    a.sync = { cancel() { push.cancel(); pull.cancel(); } };
    for (const rep of [push, pull]) {
      rep.on('denied', (e) => {
        events.denied++;
        events.lastError = JSON.stringify(e);
      });
      rep.on('error', (e) => {
        events.errors++;
        events.lastError = String(e?.message || e);
      });
      rep.on('paused', (e) => {
        if (e) {
          events.pausedWithError++;
          events.lastError = String(e?.message || e);
        }
      });
    }
  }
  let uploadedAt = null;
  let convergedAt = null;
  let lastLog = 0;
  const deadline = t0 + o.timeout * 1000;
  while (convergedAt === null && performance.now() < deadline) {
    await sleep(500);
    const now = performance.now();
    if (uploadedAt === null) {
      const info = await admin(server.base, 'GET', DB);
      if (info.doc_count >= total + designDocs) uploadedAt = now;
    }
    const counts = await Promise.all(annotators.map(async (a) => (await a.local.info()).doc_count));
    const done = counts.filter((c) => c >= total).length;
    if (uploadedAt !== null && done === annotators.length) convergedAt = now;
    if (now - lastLog > 15_000) {
      lastLog = now;
      const min = Math.min(...counts);
      log(`${fmt((now - t0) / 1000)} s: ${uploadedAt ? 'all uploaded' : 'uploading'}; ${done}/${annotators.length} complete, the furthest behind has ${fmt(min)} of ${fmt(total)}; server RSS ${mb(mon.rssLast * 1024)}; load ${await loadavg()}`);
    }
  }
  const stoppedAt = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const serverCpu = mon.cpu - serverCpu0;
  const loadAfter = await loadavg();
  for (const a of annotators) a.sync.cancel();
  await sleep(200);
  const bytes = annotators.reduce(
    (s, a) => {
      const b = a.agent.bytes();
      return { read: s.read + b.read, written: s.written + b.written };
    },
    { read: 0, written: 0 },
  );

  const requests = {};
  for (const a of annotators) {
    for (const [k, v] of Object.entries(a.stats.requests)) {
      const r = (requests[k] ||= { count: 0, body: 0 });
      r.count += v.count;
      r.body += v.body;
    }
  }
  const serverInfo = await admin(server.base, 'GET', DB);
  log(convergedAt ? 'converged; reading every local database back' : `NOT converged after ${o.timeout} s; checking what arrived`);
  const tc = performance.now();
  const checks = [];
  for (const a of annotators) checks.push({ user: a.user.name, ...(await check(a.local, expected)) });
  const checkMs = performance.now() - tc;
  const sum = (k) => checks.reduce((s, c) => s + c[k], 0);
  const bad = checks.filter(
    (c) => c.missing || c.unexpected || c.changed || c.conflicts || c.annotations !== annotationsTotal || c.rows !== total,
  );
  const ok = convergedAt !== null && bad.length === 0 && serverInfo.doc_count === total + designDocs;

  for (const a of annotators) {
    await a.local.close();
    await a.db.close();
    a.agent.destroy();
  }
  await mon.stop();
  const dbBytes = await duBytes(path.join(dir, 'server', DB));
  const serverBytes = await duBytes(path.join(dir, 'server'));
  const oneLocal = await duBytes(path.join(dir, 'clients', users[0].name));
  const upS = uploadedAt ? (uploadedAt - t0) / 1000 : NaN;
  const convS = convergedAt ? (convergedAt - t0) / 1000 : NaN;
  const endS = (stoppedAt - t0) / 1000;
  const arrived = sum('rows') - total; // records that came down, in all local databases
  const delivered = total * o.annotators; // every record in every local database
  const downloaded = delivered - total; // what came down (each annotator had its own already)

  console.log(`\nSync load: ${o.annotators} annotators × ${o.documents} documents × ${o.annotations} annotations (+ ${fmt(o.relations)} links each), pouchdb-server 4.2.0, PouchDB ${PouchDB.version} clients (leveldb), live sync with retry`);
  table([
    ['records in the project', `${fmt(total)} (${fmt(annotationsTotal)} annotations, ${fmt(relationsTotal)} links, ${o.documents} texts)`],
    ['local writes before sync', `${fmt(writeMs / 1000, 1)} s (${fmt(total / (writeMs / 1000))} records/s, all annotators one after another)`],
    ['all uploaded (server has every record)', uploadedAt ? `${fmt(upS, 1)} s  (${fmt(total / upS)} records/s up)` : 'not within the time allowed'],
    convergedAt
      ? ['converged (everyone has everything)', `${fmt(convS, 1)} s  (${fmt(downloaded / convS)} records/s down, ${fmt(delivered / convS)} records/s held)`]
      : ['NOT converged', `stopped after ${fmt(endS)} s: ${fmt(arrived)} of ${fmt(downloaded)} records down (${fmt((100 * arrived) / downloaded, 1)} %), ${fmt(arrived / endS)} records/s`],
    ['bytes on the wire (all clients)', `${mb(bytes.written)} sent, ${mb(bytes.read)} received (responses gzip-compressed by the server, requests not)`],
    ['requests (count, request bodies)', Object.entries(requests).sort((a, b) => b[1].count - a[1].count).map(([k, v]) => `${k} ${fmt(v.count)} (${mb(v.body)})`).join(', ')],
    ['server RSS peak (250 ms samples)', `${mb(mon.rssPeak * 1024)} (VmHWM ${mb(mon.hwm * 1024)}); at the end ${mb(mon.rssLast * 1024)}`],
    ['server CPU during sync', `${fmt(serverCpu, 1)} s; this process (${o.annotators} clients) ${fmt((cpu.user + cpu.system) / 1e6, 1)} s`],
    ['server database on disk', `${mb(dbBytes)} (${DB}/, leveldb; the whole server folder ${mb(serverBytes)})`],
    ['one annotator\'s local database', mb(oneLocal)],
    ['load average (1/5/15 min)', `before ${loadBefore}, after ${loadAfter}, 1-min peak ${mon.loadPeak}`],
    ['sync events', `${events.denied} denied, ${events.errors} errors, ${events.pausedWithError} retries${events.lastError ? ` (last: ${events.lastError.slice(0, 160)})` : ''}; ${annotators.reduce((s, a) => s + a.stats.relogins, 0)} re-logins; the design document pulled by ${sum('design')}`],
    ['check (every local database read whole)', `${fmt(checkMs / 1000, 1)} s: ${fmt(sum('rows'))} records, ${fmt(sum('missing'))} missing, ${sum('unexpected')} unexpected or repeated, ${sum('changed')} differing, ${sum('conflicts')} with _conflicts; distinct annotation ids per annotator ${[...new Set(checks.map((c) => fmt(c.annotations)))].join('/')} (expected ${fmt(annotationsTotal)}); server doc_count ${fmt(serverInfo.doc_count)} (expected ${fmt(total + designDocs)})`],
    ['result', ok ? 'OK: every record arrived exactly once at every annotator, unchanged, without conflicts' : `FAILED: ${bad.map((c) => c.user).join(', ') || (convergedAt ? 'server count' : 'not converged')}`],
  ]);
  return ok;
}

async function runTenK(o, dir, server, mon, users) {
  const [doc] = makeDocuments(1, Math.max(6000, Math.min(1_000_000, o.annotations * 100)));
  const [up, down] = users;
  const records = [textRecord(doc, up.name), ...annotatorRecords(doc, up.name, o.annotations, o.relations, new Set(), { t: Date.parse('2026-12-01T09:00:00Z') / 1000 })];
  const expected = new Map(records.map((r) => [r._id, canonical(r)]));
  const jsonBytes = records.reduce((s, r) => s + JSON.stringify(r).length, 0);
  const upLocal = new PouchDB(path.join(dir, 'clients', up.name));
  let t = performance.now();
  await writeLocal(upLocal, records);
  const writeS = (performance.now() - t) / 1000;
  const loadBefore = await loadavg();

  const upAgent = new CountingAgent();
  const upRemote = await remoteFor(server.base, up, upAgent);
  const b0 = upAgent.bytes();
  t = performance.now();
  const pushed = await upLocal.replicate.to(upRemote.db);
  const upS = (performance.now() - t) / 1000;
  const upBytes = upAgent.bytes();
  const rssAfterUp = mon.rssLast;

  const downLocal = new PouchDB(path.join(dir, 'clients', down.name));
  const downAgent = new CountingAgent();
  const downRemote = await remoteFor(server.base, down, downAgent);
  const d0 = downAgent.bytes();
  t = performance.now();
  const pulled = await downLocal.replicate.from(downRemote.db);
  const downS = (performance.now() - t) / 1000;
  const downBytes = downAgent.bytes();
  const loadAfter = await loadavg();
  const c = await check(downLocal, expected);
  const ok = pushed.ok && pulled.ok && !pushed.doc_write_failures && !pulled.doc_write_failures && !c.missing && !c.unexpected && !c.changed && !c.conflicts;
  for (const x of [upLocal, downLocal, upRemote.db, downRemote.db]) await x.close();
  upAgent.destroy();
  downAgent.destroy();
  await mon.stop();
  const dbBytes = await duBytes(path.join(dir, 'server', DB));
  const n = records.length;
  console.log(`\nSync of one document with ${fmt(o.annotations)} annotations (+ ${fmt(o.relations)} links, the text ${fmt(doc.text.length)} characters): ${fmt(n)} records, ${mb(jsonBytes)} as JSON; pouchdb-server 4.2.0 on loopback, PouchDB ${PouchDB.version} (leveldb), one replication each way (live: false)`);
  table([
    ['local write', `${fmt(writeS, 2)} s`],
    ['up (one annotator → server)', `${fmt(upS, 1)} s, ${fmt(n / upS)} records/s, ${mb(upBytes.written - b0.written)} sent, ${mb(upBytes.read - b0.read)} received; ${pushed.docs_written} written`],
    ['down (a fresh annotator ← server)', `${fmt(downS, 1)} s, ${fmt(n / downS)} records/s, ${mb(downBytes.read - d0.read)} received, ${mb(downBytes.written - d0.written)} sent; ${pulled.docs_written} written`],
    ['server RSS peak (250 ms samples)', `${mb(mon.rssPeak * 1024)} (VmHWM ${mb(mon.hwm * 1024)}); after the upload ${mb(rssAfterUp * 1024)}`],
    ['server database on disk', mb(dbBytes)],
    ['load average (1/5/15 min)', `before ${loadBefore}, after ${loadAfter}`],
    ['check (the second annotator read whole)', `${fmt(c.rows)} records, ${c.missing} missing, ${c.unexpected} unexpected, ${c.changed} differing, ${c.conflicts} with _conflicts`],
    ['result', ok ? 'OK' : 'FAILED'],
  ]);
  return ok;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    console.log('usage: node scripts/sync/load.mjs [--annotators 20] [--documents 20] [--annotations 500] [--relations N] [--timeout 1800] [--keep]');
    console.log('       node scripts/sync/load.mjs --ten-k [--annotations 10000] [--keep]');
    return 0;
  }
  const count = o.tenK ? 2 : o.annotators;
  const users = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { name: `u${n}`, password: `pw${n}` };
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sync-load-'));
  let server;
  let ok = false;
  const cleanup = async () => {
    if (server) await server.stop();
    if (o.keep) log(`kept ${dir} (server/ holds the server's files, clients/ the annotators' databases)`);
    else await rm(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
  try {
    log(`starting scripts/sync-server.sh with ${count} users (files in ${dir}/server)`);
    await mkdir(path.join(dir, 'clients'));
    server = await startServer(path.join(dir, 'server'), users);
    log(`pouchdb-server pid ${server.pid} on ${server.base}`);
    const sec = await admin(server.base, 'GET', `${DB}/_security`);
    const missing = users.filter((u) => !sec.members?.names?.includes(u.name));
    if (missing.length) throw new Error(`not members of ${DB}: ${missing.map((u) => u.name).join(', ')}`);
    const mon = monitor(server.pid);
    ok = o.tenK ? await runTenK(o, dir, server, mon, users) : await runMany(o, dir, server, mon, users);
  } catch (e) {
    console.error(`[sync load] failed: ${e.stack || e}`);
    if (server) console.error(server.output().split('\n').slice(-20).join('\n'));
  } finally {
    await cleanup();
  }
  return ok ? 0 : 1;
}

process.exit(await main());
