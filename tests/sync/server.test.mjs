// The team-sync server groundwork (issue 17) against a real server: scripts/sync-server.sh starts
// pouchdb-server on a free loopback port with a temporary --dir and sets it up; these tests check
// the cookie login, the members-only database, the write rule (validate_doc_update), a deletion
// replicating as a tombstone to a PouchDB in Node, and that stopping the script stops the server.
//   node --test tests/sync/
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { freePort, alive } from '../../scripts/sync/processes.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');
// The app's own sync code (src/bridge/sync.js): its filters and conflict rule, run here.
const sync = require('../../src/bridge/sync.js');
const DB = 'annotations';
const START_SECONDS = 120; // npm ci runs first when node_modules is missing

function answers(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/** Resolves to the promise's value, or to `fallback` after `ms`. */
function within(promise, ms, fallback) {
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

let port;
let base;
let dir;
let script;
let exited;
let output = '';
let serverPid;

/** One request to the server: JSON in and out, with a session cookie or basic auth. */
async function http(method, p, { body, cookie, basic } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  if (basic) headers.authorization = 'Basic ' + Buffer.from(basic).toString('base64');
  const res = await fetch(base + p, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json, headers: res.headers };
}

/** Logs in through _session and returns the AuthSession cookie ("name=value"). */
async function login(name, password) {
  const r = await http('POST', '_session', { body: { name, password } });
  assert.equal(r.status, 200, `${name} logs in: ${JSON.stringify(r.json)}`);
  assert.equal(r.json.name, name);
  const set = r.headers.get('set-cookie') || '';
  const m = /AuthSession=[^;]*/.exec(set);
  assert.ok(m, `_session sets an AuthSession cookie (got "${set}")`);
  return m[0];
}

const ADMIN = 'admin:admin-password';
const cookies = {};

before(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'sync-server-test-'));
  script = spawn('bash', ['scripts/sync-server.sh', '--port', String(port), '--dir', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => script.once('exit', (code, signal) => resolve({ code, signal })));
  script.stdout.on('data', (d) => (output += d));
  script.stderr.on('data', (d) => (output += d));
  const until = Date.now() + START_SECONDS * 1000;
  // Ready once the script has printed the users, which it does after the setup.
  while (!/DEVELOPMENT ONLY/.test(output)) {
    if (script.exitCode !== null) throw new Error(`sync-server.sh exited early:\n${output}`);
    if (Date.now() > until) throw new Error(`sync-server.sh not ready after ${START_SECONDS} s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  serverPid = Number(/pouchdb-server \(pid (\d+)\)/.exec(output)?.[1]);
});

after(async () => {
  if (script && script.exitCode === null && script.signalCode === null) {
    script.kill('SIGTERM');
    if ((await within(exited, 5000, 'late')) === 'late') script.kill('SIGKILL');
  }
  if (serverPid && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('sync server (pouchdb-server set up by scripts/sync-server.sh)', () => {
  test('it answers on loopback and prints the development users', async () => {
    assert.ok(serverPid > 0, `the script names the server's pid:\n${output}`);
    const r = await http('GET', '');
    assert.equal(r.status, 200);
    assert.equal(r.json.version, '4.2.0', 'the pouchdb-server version pinned in package.json');
    assert.match(output, /DEVELOPMENT ONLY/);
    assert.match(output, /alice \/ alice-password/);
    assert.match(output, /bob \/ bob-password/);
  });

  test('the setup is in place: security, design document, users', async () => {
    const sec = await http('GET', `${DB}/_security`, { basic: ADMIN });
    assert.equal(sec.status, 200);
    assert.deepEqual([...sec.json.members.names].sort(), ['alice', 'bob']);
    assert.deepEqual(sec.json.admins.names, ['admin']);
    const ddoc = await http('GET', `${DB}/_design/annotator`, { basic: ADMIN });
    assert.equal(ddoc.status, 200);
    assert.match(ddoc.json.validate_doc_update, /^function \(newDoc, oldDoc, userCtx, secObj\)/);
    const wrong = await http('POST', '_session', { body: { name: 'alice', password: 'not-her-password' } });
    assert.equal(wrong.status, 401, 'a wrong password is refused');
  });

  test('running the setup again changes nothing (idempotent)', async () => {
    const before = await http('GET', `${DB}/_design/annotator`, { basic: ADMIN });
    const { setup } = await import('../../scripts/sync/setup.mjs');
    const done = await setup({ url: `http://${ADMIN}@127.0.0.1:${port}`, db: DB });
    assert.deepEqual(done, [
      'user alice: already there',
      'user bob: already there',
      `database ${DB}: already there`,
      `${DB}/_security: already as asked`,
      `${DB}/_design/annotator: already up to date`,
    ]);
    const again = await http('GET', `${DB}/_design/annotator`, { basic: ADMIN });
    assert.equal(again.json._rev, before.json._rev);
  });

  test('an anonymous request can neither read nor write the database (members only)', async () => {
    const info = await http('GET', DB);
    assert.equal(info.status, 401, JSON.stringify(info.json));
    const all = await http('GET', `${DB}/_all_docs`);
    assert.equal(all.status, 401);
    const put = await http('PUT', `${DB}/ann:anon`, { body: { owner: 'alice' } });
    assert.equal(put.status, 401);
    const check = await http('GET', `${DB}/ann:anon`, { basic: ADMIN });
    assert.equal(check.status, 404, 'nothing was written');
  });

  test('alice logs in via _session (cookie) and writes her annotation', async () => {
    cookies.alice = await login('alice', 'alice-password');
    const me = await http('GET', '_session', { cookie: cookies.alice });
    assert.equal(me.json.userCtx.name, 'alice');
    const put = await http('PUT', `${DB}/ann:d1:a1`, {
      cookie: cookies.alice,
      body: { owner: 'alice', doc: 'd1', start: 0, end: 5, label: 'Person' },
    });
    assert.equal(put.status, 201, JSON.stringify(put.json));
    const got = await http('GET', `${DB}/ann:d1:a1`, { cookie: cookies.alice });
    assert.equal(got.json.label, 'Person');
  });

  test("bob cannot change, take over or delete alice's annotation (403, clear message)", async () => {
    cookies.bob = await login('bob', 'bob-password');
    const cur = (await http('GET', `${DB}/ann:d1:a1`, { cookie: cookies.bob })).json;
    assert.equal(cur.owner, 'alice', 'bob, a member, can read it');
    const edit = await http('PUT', `${DB}/ann:d1:a1`, { cookie: cookies.bob, body: { ...cur, label: 'Place' } });
    assert.equal(edit.status, 403);
    assert.equal(edit.json.error, 'forbidden');
    assert.equal(edit.json.reason, '"ann:d1:a1" is owned by alice; bob may not change it.');
    const take = await http('PUT', `${DB}/ann:d1:a1`, { cookie: cookies.bob, body: { ...cur, owner: 'bob' } });
    assert.equal(take.status, 403);
    assert.match(take.json.reason, /owned by alice; bob may not change it/);
    const del = await http('DELETE', `${DB}/ann:d1:a1?rev=${cur._rev}`, { cookie: cookies.bob });
    assert.equal(del.status, 403);
    assert.equal(del.json.reason, '"ann:d1:a1" is owned by alice; bob may not delete it.');
    const after = (await http('GET', `${DB}/ann:d1:a1`, { cookie: cookies.alice })).json;
    assert.equal(after._rev, cur._rev, 'nothing changed');
    assert.equal(after.label, 'Person');
  });

  test('bob cannot create a document owned by alice, nor one without owner', async () => {
    const forged = await http('PUT', `${DB}/ann:d1:forged`, { cookie: cookies.bob, body: { owner: 'alice', doc: 'd1' } });
    assert.equal(forged.status, 403);
    assert.equal(forged.json.reason, 'bob may not create "ann:d1:forged" owned by alice: a new document\'s owner must be its author (bob).');
    const none = await http('PUT', `${DB}/ann:d1:ownerless`, { cookie: cookies.bob, body: { doc: 'd1' } });
    assert.equal(none.status, 403);
    assert.match(none.json.reason, /needs a string owner/);
    const bulk = await http('POST', `${DB}/_bulk_docs`, {
      cookie: cookies.bob,
      body: { docs: [{ _id: 'ann:d1:bulk-forged', owner: 'alice' }] },
    });
    assert.equal(bulk.json[0].error, 'forbidden', 'refused through _bulk_docs too (what replication uses)');
    for (const id of ['ann:d1:forged', 'ann:d1:ownerless', 'ann:d1:bulk-forged']) {
      assert.equal((await http('GET', `${DB}/${id}`, { basic: ADMIN })).status, 404, `${id} does not exist`);
    }
  });

  test('bob writes, changes and deletes his own, but cannot give it to alice', async () => {
    const put = await http('PUT', `${DB}/ann:d1:b1`, { cookie: cookies.bob, body: { owner: 'bob', doc: 'd1', label: 'Org' } });
    assert.equal(put.status, 201, JSON.stringify(put.json));
    const edit = await http('PUT', `${DB}/ann:d1:b1`, {
      cookie: cookies.bob,
      body: { _rev: put.json.rev, owner: 'bob', doc: 'd1', label: 'Place' },
    });
    assert.equal(edit.status, 201, JSON.stringify(edit.json));
    const give = await http('PUT', `${DB}/ann:d1:b1`, {
      cookie: cookies.bob,
      body: { _rev: edit.json.rev, owner: 'alice', doc: 'd1', label: 'Place' },
    });
    assert.equal(give.status, 403);
    assert.match(give.json.reason, /owner may not be changed/);
    const del = await http('DELETE', `${DB}/ann:d1:b1?rev=${edit.json.rev}`, { cookie: cookies.bob });
    assert.equal(del.status, 200, JSON.stringify(del.json));
    assert.equal((await http('GET', `${DB}/ann:d1:b1`, { cookie: cookies.bob })).status, 404);
  });

  test('only an admin writes design documents', async () => {
    const bob = await http('PUT', `${DB}/_design/evil`, { cookie: cookies.bob, body: { validate_doc_update: 'function () {}' } });
    assert.ok([401, 403].includes(bob.status), `refused (got ${bob.status} ${JSON.stringify(bob.json)})`);
    assert.equal((await http('GET', `${DB}/_design/evil`, { basic: ADMIN })).status, 404);
    const admin = await http('PUT', `${DB}/_design/other`, { basic: ADMIN, body: { views: {} } });
    assert.equal(admin.status, 201, JSON.stringify(admin.json));
    const adminAny = await http('PUT', `${DB}/ann:admin`, { basic: ADMIN, body: { note: 'no owner' } });
    assert.equal(adminAny.status, 201, 'an admin may write anything');
  });

  test('alice deletes her own and the deletion replicates as a tombstone (PouchDB in Node)', async (t) => {
    const local = new PouchDB(path.join(dir, 'local-replica'));
    t.after(() => local.close());
    const remote = new PouchDB(base + DB, {
      skip_setup: true,
      fetch: (url, opts) => {
        opts.headers.set('Cookie', cookies.alice);
        return PouchDB.fetch(url, opts);
      },
    });
    t.after(() => remote.close());
    const first = await PouchDB.replicate(remote, local);
    assert.equal(first.ok, true);
    assert.equal((await local.get('ann:d1:a1')).owner, 'alice', 'the live annotation arrived first');

    const cur = (await http('GET', `${DB}/ann:d1:a1`, { cookie: cookies.alice })).json;
    const del = await http('DELETE', `${DB}/ann:d1:a1?rev=${cur._rev}`, { cookie: cookies.alice });
    assert.equal(del.status, 200, JSON.stringify(del.json));
    assert.match(del.json.rev, /^2-/);

    const second = await PouchDB.replicate(remote, local);
    assert.equal(second.ok, true);
    assert.equal(second.doc_write_failures, 0);
    await assert.rejects(local.get('ann:d1:a1'), (e) => e.status === 404 && e.reason === 'deleted');
    const changes = await local.changes({ doc_ids: ['ann:d1:a1'] });
    assert.equal(changes.results.length, 1);
    assert.equal(changes.results[0].deleted, true, 'a tombstone, not a missing document');
    assert.equal(changes.results[0].changes[0].rev, del.json.rev);
  });

  /** A PouchDB in Node and the project database as `who` (their session cookie). */
  function replicas(t, who, name) {
    const local = new PouchDB(path.join(dir, name));
    const remote = new PouchDB(base + DB, {
      skip_setup: true,
      fetch: (url, opts) => {
        opts.headers.set('Cookie', cookies[who]);
        return PouchDB.fetch(url, opts);
      },
    });
    t.after(async () => {
      await local.close();
      await remote.close();
    });
    return { local, remote };
  }

  test('an edit replicated up arrives (pouchdb-server issue 419, corrected by the preloaded file)', async (t) => {
    const { local, remote } = replicas(t, 'alice', 'edit-replica');
    const filter = sync.pushFilter('alice');
    await local.put({ _id: 'ann:d2:a1', type: 'annotation', owner: 'alice', label: 'actor', updated: '2026-01-01T00:00:00.000Z' });
    await local.replicate.to(remote, { filter });
    const doc = await local.get('ann:d2:a1');
    await local.put({ ...doc, label: 'claim', updated: '2026-01-02T00:00:00.000Z' });
    const pushed = await local.replicate.to(remote, { filter });
    assert.equal(pushed.doc_write_failures, 0);
    const stored = await http('GET', `${DB}/ann:d2:a1`, { cookie: cookies.alice });
    assert.equal(stored.json.label, 'claim', 'the server holds the edit, not the first revision');
    assert.match(stored.json._rev, /^2-/);
  });

  test("bob's replica cannot push a change to alice's annotation: denied with the reason", async (t) => {
    const { local, remote } = replicas(t, 'bob', 'bob-replica');
    await local.replicate.from(remote, { filter: sync.pullFilter });
    const hers = await local.get('ann:d2:a1');
    await local.put({ ...hers, quote: 'changed by bob' });
    // The app would never push it (its filter sends only bob's own); forced without filter:
    const pushed = await local.replicate.to(remote);
    assert.equal(pushed.doc_write_failures, 1);
    assert.match(pushed.errors[0].message, /owned by alice; bob may not change it/);
    assert.equal(sync.pushFilter('bob')({ ...hers }), false, "the app's push filter leaves it out");
    const stored = await http('GET', `${DB}/ann:d2:a1`, { cookie: cookies.alice });
    assert.equal(stored.json.quote, undefined, 'nothing changed on the server');
  });

  test('alice on two devices edits one annotation apart: the later edit wins, the losers go only after', async (t) => {
    const one = replicas(t, 'alice', 'device-one');
    const two = replicas(t, 'alice', 'device-two');
    await one.local.replicate.from(one.remote, { filter: sync.pullFilter });
    await two.local.replicate.from(two.remote, { filter: sync.pullFilter });
    const base1 = await one.local.get('ann:d2:a1');
    await one.local.put({ ...base1, label: 'date', updated: '2026-01-03T00:00:00.000Z' });
    const base2 = await two.local.get('ann:d2:a1');
    await two.local.put({ ...base2, label: 'actor', note: 'later', updated: '2026-01-04T00:00:00.000Z' });
    const filter = sync.pushFilter('alice');
    await one.local.replicate.to(one.remote, { filter });
    await two.local.replicate.to(two.remote, { filter });
    // Both revisions are on the server now: a conflict, nothing dropped.
    const onServer = await http('GET', `${DB}/ann:d2:a1?conflicts=true`, { cookie: cookies.alice });
    assert.equal(onServer.json._conflicts.length, 1, 'the server keeps both revisions');
    await one.local.replicate.from(one.remote, { filter: sync.pullFilter });
    assert.equal(await sync.resolveConflicts(one.local, ['ann:d2:a1'], 'alice'), 1);
    const merged = await one.local.get('ann:d2:a1', { conflicts: true });
    assert.equal(merged.label, 'actor');
    assert.equal(merged.note, 'later', 'the later edit whole, not a mix');
    assert.equal(merged._conflicts, undefined);
    await one.local.replicate.to(one.remote, { filter });
    await two.local.replicate.from(two.remote, { filter: sync.pullFilter });
    const there = await two.local.get('ann:d2:a1', { conflicts: true });
    assert.equal(there.label, 'actor');
    assert.equal(there._conflicts, undefined, 'the resolution reached the other device');
    // A colleague's conflicts are not for alice to settle.
    assert.equal(await sync.resolveConflicts(one.local, ['ann:elsewhere'], 'alice'), 0);
  });

  test('work made before an account becomes the owner’s in one write; a text keeps the copy on the server', async (t) => {
    const { local, remote } = replicas(t, 'bob', 'adopt-replica');
    await local.bulkDocs([
      { _id: 'ann:d3:a1', type: 'annotation', label: 'actor' },
      { _id: 'text:d3', type: 'text', text: 'x', text_sha256: 'h' },
      { _id: 'doc:d3', type: 'document' },
      { _id: 'ann:d3:a2', type: 'annotation', owner: 'bob' },
    ]);
    assert.equal(await sync.adoptOwnerless(local, 'bob'), 2, 'the annotation and the text, not the list entry');
    assert.equal((await local.get('ann:d3:a1')).owner, 'bob');
    assert.equal((await local.get('doc:d3')).owner, undefined, 'the list entry stays personal');
    // Alice had put the same text on the server first: bob's copy conflicts, and the copy on
    // the server is kept, bob's removed here (it was never accepted there).
    const hers = await http('PUT', `${DB}/text:d3`, { cookie: cookies.alice, body: { type: 'text', owner: 'alice', text: 'x', text_sha256: 'h' } });
    assert.equal(hers.status, 201, JSON.stringify(hers.json));
    await local.replicate.from(remote, { filter: sync.pullFilter });
    assert.equal(await sync.resolveConflicts(local, ['text:d3'], 'bob'), 1);
    const text = await local.get('text:d3', { conflicts: true });
    assert.equal(text.owner, 'alice');
    assert.equal(text._conflicts, undefined);
    assert.equal(sync.pushFilter('bob')({ _id: 'text:d3', _deleted: true }), false, 'its removal never goes up');
  });

  test('stopping the script stops the server', async () => {
    assert.ok(alive(serverPid), 'the server runs before');
    script.kill('SIGTERM');
    const end = await within(exited, 10000, null);
    assert.ok(end, 'the script ended within 10 s of SIGTERM');
    for (let i = 0; i < 50 && alive(serverPid); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(alive(serverPid), false, `pouchdb-server (pid ${serverPid}) is gone`);
    assert.equal(await answers(port), false, `nothing answers on 127.0.0.1:${port}`);
  });
});
