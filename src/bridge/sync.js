// Team sync (issue 17): PouchDB's own replication between the local database (db.js) and a
// project database on a CouchDB-protocol server (Apache CouchDB, or pouchdb-server in
// development), reached through this origin (`/couchdb/` by default: trunk serve's proxy, a
// reverse proxy in production), so the Content-Security-Policy keeps connect-src 'self'.
// Nothing of our own goes over the wire: login is CouchDB's `_session` cookie, the records are
// the store's own, and revisions and conflicts are the engine's.
//
// What is kept in this browser: the account (server, database, user name; never the password)
// in localStorage, and the session cookie the server set. Every record the app writes while an
// account is set carries `owner` (db.js adds it); the server's write rule refuses records of
// another owner, so a person's annotations are theirs alone, and a colleague's arrive here as
// records of their owner, shown as read-only layers.
//
// Loaded by index.html after db.js as a classic script; also `require`d by the Node tests
// (tests/sync/), which drive `resolveConflicts` and `pushFilter` against PouchDB in Node.
(() => {

const ACCOUNT_KEY = 'text-annotator:sync';
// Records that replicate: texts, annotations and links. A document's list entry (`doc:`) is
// personal state (counts, trash, title edits); layers imported from files, rejections and
// curation records stay in this browser.
const SHARED = ['text:', 'ann:', 'rel:'];

function isShared(id) {
  return SHARED.some((prefix) => id.startsWith(prefix));
}

/** Which records go up: this person's shared records (and deletions of them). */
function pushFilter(owner) {
  return (doc) => {
    if (!isShared(doc._id)) return false;
    // A deletion carries no owner; the server judges it by the revision it deletes.
    if (doc._deleted) return !doc._id.startsWith('text:');
    return doc.owner === owner;
  };
}

/** Which records come down: everything shared (not the server's design documents). */
function pullFilter(doc) {
  return isShared(doc._id);
}

function storage() {
  try {
    return globalThis.localStorage || null;
  } catch (e) {
    return null;
  }
}

/** The saved account: {server, database, user, connected}, or null. */
function account() {
  const store = storage();
  if (!store) return null;
  try {
    const value = JSON.parse(store.getItem(ACCOUNT_KEY) || 'null');
    return value && typeof value.user === 'string' ? value : null;
  } catch (e) {
    return null;
  }
}

function saveAccount(value) {
  const store = storage();
  if (store) store.setItem(ACCOUNT_KEY, JSON.stringify(value));
}

/** The user name records are written under: the account's, kept after disconnecting. */
function owner() {
  const value = account();
  return value ? value.user : null;
}

function serverBase(server) {
  let base = (server || '/couchdb/').trim();
  if (!base.endsWith('/')) base += '/';
  return base;
}

function absolute(url) {
  return /^https?:\/\//.test(url) ? url : new URL(url, globalThis.location.href).href;
}

function withCookies(url, options) {
  options = options || {};
  options.credentials = 'include';
  return PouchDB.fetch(url, options);
}

async function request(url, options) {
  let response;
  try {
    response = await fetch(url, Object.assign({ credentials: 'include', headers: { accept: 'application/json' } }, options));
  } catch (e) {
    throw new Error(`the server at ${url} could not be reached (${e.message || e})`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, body };
}

function reasonOf(body) {
  return body && (body.reason || body.error) ? String(body.reason || body.error) : '';
}

// ---- the status line ---------------------------------------------------------------------

const listeners = new Set();
let status = { state: 'off', waiting: 0, message: '' };
let resolved = 0;

function label(s) {
  const waiting = s.waiting === 1 ? '1 change waiting' : `${s.waiting} changes waiting`;
  switch (s.state) {
    case 'synced': return 'Synced';
    case 'connecting': return 'Connecting…';
    case 'active': return s.waiting ? `Syncing · ${waiting}` : 'Syncing…';
    case 'waiting': return waiting;
    case 'offline': return s.waiting ? `Offline · ${waiting}` : 'Offline';
    case 'error': return `Sync error: ${s.message}`;
    default: return '';
  }
}

function describeStatus() {
  const value = account();
  return JSON.stringify({
    state: status.state,
    waiting: status.waiting,
    message: status.message,
    label: label(status),
    user: value && value.connected ? value.user : null,
    server: value ? value.server : null,
    database: value ? value.database : null,
    resolved,
    login: loginNeeded,
  });
}

function setStatus(next) {
  status = Object.assign({}, status, next);
  const text = describeStatus();
  for (const listener of listeners) {
    try {
      listener(text);
    } catch (e) {
      // A listener that failed (a closed view) does not stop the others.
    }
  }
}

/** Calls `listener(json)` now and on every change of the status; returns a function that stops. */
function onStatus(listener) {
  listeners.add(listener);
  listener(describeStatus());
  return () => listeners.delete(listener);
}

// ---- replication -------------------------------------------------------------------------

let replication = null;
let remoteDb = null;
// The local database's update sequence when the replication last caught up both ways: what
// was written after it is waiting to go up.
let caughtUpSeq = null;
// Kept across reloads, so that a page opened offline can still say how much is waiting.
const CAUGHT_UP_KEY = 'text-annotator:sync-caught-up';

function rememberCaughtUp(seq) {
  caughtUpSeq = seq;
  const store = storage();
  if (store) store.setItem(CAUGHT_UP_KEY, JSON.stringify(seq));
}

function recalledCaughtUp() {
  try {
    const store = storage();
    const seq = store ? JSON.parse(store.getItem(CAUGHT_UP_KEY) || 'null') : null;
    return typeof seq === 'number' ? seq : null;
  } catch (e) {
    return null;
  }
}

function isNetworkError(err) {
  if (!err) return false;
  if (globalThis.navigator && navigator.onLine === false) return true;
  const status = err.status || 0;
  return status === 0 || status === 502 || status === 503 || status === 504
    || /fetch|network|Failed to fetch|ECONNREFUSED/i.test(String(err.message || err.name || ''));
}

// The server answered 401: the session ended (expired, or the server forgot it). The dialog
// then asks for the password again instead of showing the connection.
let loginNeeded = false;

function describeError(err) {
  if (!err) return 'unknown error';
  if (err.status === 401) {
    loginNeeded = true;
    return 'the session has ended: log in again (Sync…)';
  }
  if (err.status === 403) return reasonOf(err) || 'the server refused the access';
  return err.reason || err.message || err.name || String(err);
}

// What the pull wrote here since the push last caught up, by id → revision: the server has
// those already, so they are not waiting to go up.
const pulled = new Map();

// Records changed here since the push last caught up (ids and revisions only: cheap at any
// size), less what came down from the server.
async function countWaiting(db) {
  if (caughtUpSeq === null) return status.waiting;
  const changes = await db.changes({ since: caughtUpSeq });
  return changes.results.filter((c) => isShared(c.id) && pulled.get(c.id) !== c.changes[0].rev).length;
}

/**
 * This person's shared records changed here since the push last caught up that the server
 * does not have (in their current revision): `_revs_diff`, the replication's own question.
 * Returns {waiting, seq}: the count, and the local sequence it is true at.
 */
async function missingOnServer(db, remote, who) {
  const seq = (await db.info()).update_seq;
  const changes = await db.changes({ since: caughtUpSeq === null ? 0 : caughtUpSeq, style: 'all_docs', include_docs: true });
  const filter = pushFilter(who);
  const asked = {};
  for (const change of changes.results) {
    const doc = change.doc || { _id: change.id, _deleted: true };
    if (filter(doc)) asked[change.id] = change.changes.map((c) => c.rev);
  }
  if (Object.keys(asked).length === 0) return { waiting: 0, seq };
  const missing = await remote.revsDiff(asked);
  return { waiting: Object.keys(missing).length, seq };
}

async function refreshWaiting() {
  if (!replication) return;
  try {
    // A count begun before the push caught up again is stale when it ends: dropped.
    const base = caughtUpSeq;
    const waiting = await countWaiting(annotatorDb.database());
    if (base !== caughtUpSeq) return;
    if (waiting !== status.waiting) {
      status.waiting = waiting;
      setStatus(combine());
    }
  } catch (e) {
    // Counting is only for the status line.
  }
}

/**
 * Two devices of one person edited the same record apart: PouchDB keeps every revision and
 * picks one winner by its own rule. The app's rule is the one tabs use (model::sync): the
 * later `updated` wins; an edit beats a deletion (a deleted branch is never among the
 * conflicts). The chosen content is written first as a new revision on top of the winner,
 * and only then are the losing revisions deleted, so nothing is dropped before the merge is
 * stored. A text (the same for everyone, as its id is its fingerprint) keeps the copy that is
 * on the server: the revisions are compared by their `text_sha256` and the others removed
 * here only. Returns how many records were resolved.
 */
async function resolveConflicts(db, ids, who) {
  let count = 0;
  for (const id of ids) {
    if (!isShared(id)) continue;
    let doc;
    try {
      doc = await db.get(id, { conflicts: true });
    } catch (e) {
      continue;
    }
    if (!doc._conflicts || doc._conflicts.length === 0) continue;
    const others = await Promise.all(doc._conflicts.map((rev) => db.get(id, { rev }).catch(() => null)));
    const leaves = [doc].concat(others.filter(Boolean));
    if (id.startsWith('text:')) {
      const same = leaves.every((l) => l.text_sha256 === doc.text_sha256);
      if (!same) continue; // not ours to decide: shown as is, reported by the loader
      // Keep a colleague's copy (the one the server holds); remove this person's own.
      const keep = leaves.find((l) => l.owner && l.owner !== who) || doc;
      const drop = leaves.filter((l) => l._rev !== keep._rev);
      await db.bulkDocs(drop.map((l) => ({ _id: id, _rev: l._rev, _deleted: true })));
      count += 1;
      continue;
    }
    // Only this person's records are theirs to merge; a colleague's conflicts are theirs.
    if (doc.owner && who && doc.owner !== who) continue;
    let best = doc;
    for (const leaf of leaves) {
      if (String(leaf.updated || '') > String(best.updated || '')) best = leaf;
    }
    if (best !== doc) {
      const merged = Object.assign({}, best, { _rev: doc._rev });
      delete merged._conflicts;
      const written = await db.put(merged);
      if (!written.ok) continue;
    }
    await db.bulkDocs(doc._conflicts.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
    count += 1;
  }
  return count;
}

/**
 * Work made before an account was set names no owner: it becomes this person's, in one
 * write, before anything goes up (the server refuses records without an owner).
 */
async function adoptOwnerless(db, who) {
  const found = await Promise.all(SHARED.map((prefix) =>
    db.allDocs({ startkey: prefix, endkey: prefix + '\ufff0', include_docs: true })));
  const rewrites = [];
  for (const result of found) {
    for (const row of result.rows) {
      if (row.doc && typeof row.doc.owner !== 'string') rewrites.push(Object.assign({}, row.doc, { owner: who }));
    }
  }
  if (rewrites.length === 0) return 0;
  const results = await db.bulkDocs(rewrites);
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} records could not be marked as yours (${failed[0].message || failed[0].error})`);
  return rewrites.length;
}

function stopReplication() {
  if (replication) {
    replication.cancel();
    replication = null;
  }
  remoteDb = null;
}

// Each direction's state: 'connecting', 'active', 'paused' (caught up), 'offline' or 'error'.
const directions = { push: 'connecting', pull: 'connecting' };
let directionError = '';

function combine() {
  const states = [directions.push, directions.pull];
  if (states.includes('error')) return { state: 'error', message: directionError };
  if (states.includes('offline') || (globalThis.navigator && navigator.onLine === false)) {
    return { state: 'offline', message: directionError };
  }
  if (states.includes('connecting')) return { state: 'connecting', message: '' };
  if (states.includes('active')) return { state: 'active', message: '' };
  return { state: status.waiting > 0 ? 'waiting' : 'synced', message: '' };
}

function startReplication() {
  stopReplication();
  const value = account();
  let db;
  try {
    db = annotatorDb.database();
  } catch (e) {
    return; // no local database: nothing to sync (the page says why)
  }
  if (!value || !value.connected) return;
  const who = value.user;
  remoteDb = new PouchDB(absolute(serverBase(value.server) + encodeURIComponent(value.database)), {
    skip_setup: true,
    fetch: withCookies,
  });
  if (caughtUpSeq === null) caughtUpSeq = recalledCaughtUp();
  directions.push = 'connecting';
  directions.pull = 'connecting';
  directionError = '';
  setStatus(combine());
  const options = {
    live: true,
    retry: true,
    // A server that went away is tried again after 1, 2, 4, 8 then every 10 seconds (and at
    // once when the browser is back online).
    back_off_function: (delay) => (delay === 0 ? 1000 : Math.min(delay * 2, 10000)),
  };
  const push = db.replicate.to(remoteDb, Object.assign({ filter: pushFilter(who) }, options));
  const pull = db.replicate.from(remoteDb, Object.assign({ filter: pullFilter }, options));
  const current = { cancel() { push.cancel(); pull.cancel(); } };
  replication = current;
  const live = () => replication === current;
  const set = (direction, state, err) => {
    if (!live()) return;
    directions[direction] = state;
    if (err) directionError = describeError(err);
    else if (!['error', 'offline'].includes(directions.push) && !['error', 'offline'].includes(directions.pull)) directionError = '';
    setStatus(combine());
  };
  const failed = (direction) => (err) => {
    set(direction, isNetworkError(err) ? 'offline' : 'error', err);
    refreshWaiting();
  };
  for (const [direction, rep] of [['push', push], ['pull', pull]]) {
    rep.on('active', () => set(direction, 'active'));
    rep.on('error', failed(direction));
    rep.on('denied', (err) => {
      if (!live()) return;
      const id = err && (err.id || (err.doc && err.doc.id));
      directions[direction] = 'error';
      directionError = `the server refused ${id ? `“${id}”` : 'a record'}: ${describeError(err)}`;
      setStatus(combine());
    });
  }
  // Caught up (as far as the replication knows): ask the server which of this person's
  // changes since the last check it still lacks. Exact, and it corrects the count if an
  // event was missed; offline, the local count stands.
  const settle = async () => {
    if (!live()) return;
    try {
      const { waiting, seq } = await missingOnServer(db, remoteDb, who);
      if (!live()) return;
      pulled.clear();
      if (waiting === 0) rememberCaughtUp(seq);
      status.waiting = waiting;
    } catch (e) {
      status.waiting = await countWaiting(db).catch(() => status.waiting);
    }
    setStatus(combine());
  };
  push.on('paused', async (err) => {
    if (err) return failed('push')(err);
    set('push', 'paused');
    settle();
  });
  pull.on('paused', (err) => {
    if (err) return failed('pull')(err);
    set('pull', 'paused');
    if (status.waiting > 0) settle();
  });
  push.on('change', () => refreshWaiting());
  pull.on('change', async (info) => {
    if (!live()) return;
    for (const doc of info.docs) pulled.set(doc._id, doc._rev);
    refreshWaiting();
    try {
      const n = await resolveConflicts(db, info.docs.map((d) => d._id), who);
      if (n) {
        resolved += n;
        setStatus({});
      }
    } catch (e) {
      // The next change tries again.
    }
  });
}

/**
 * Logs in (the password goes to the server once and is not kept), checks the database can be
 * read, makes earlier work this person's, and starts syncing both ways. Resolves to the
 * status JSON; rejects with what went wrong, in words.
 */
async function connect(server, database, user, password) {
  const base = serverBase(server);
  user = (user || '').trim();
  database = (database || '').trim();
  if (new URL(absolute(base)).origin !== globalThis.location.origin) {
    throw new Error(`The app talks only to its own origin (${globalThis.location.origin}): serve the CouchDB server under a path of it, such as /couchdb/ (see the README's reverse proxy).`);
  }
  if (!user) throw new Error('Enter your user name.');
  if (!database) throw new Error('Enter the project database’s name.');
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(database)) {
    throw new Error(`“${database}” is not a database name (lower-case letters, digits and _$()+-/, starting with a letter).`);
  }
  const previous = owner();
  const db = annotatorDb.database();
  if (previous && previous !== user) {
    const mine = await db.allDocs({ startkey: 'ann:', endkey: 'ann:\ufff0', include_docs: true, limit: 100000 });
    if (mine.rows.some((r) => r.doc && r.doc.owner === previous)) {
      throw new Error(`This browser’s annotations belong to ${previous}. Connect as ${previous}, or use another browser profile for ${user}.`);
    }
  }
  setStatus({ state: 'connecting', message: '' });
  try {
    const login = await request(absolute(base + '_session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user, password }),
    });
    if (login.status === 401) throw new Error('The user name or password is wrong.');
    if (login.status === 404) throw new Error(`There is no CouchDB server at ${base} (it answered 404).`);
    if (login.status >= 300) throw new Error(`The server refused the login (${login.status}${reasonOf(login.body) ? `: ${reasonOf(login.body)}` : ''}).`);
    const probe = await request(absolute(base + encodeURIComponent(database) + '/'), { method: 'GET' });
    if (probe.status === 404) throw new Error(`The server has no database “${database}”.`);
    if (probe.status === 401 || probe.status === 403) {
      throw new Error(`${user} is not a member of “${database}”${reasonOf(probe.body) ? ` (${reasonOf(probe.body)})` : ''}.`);
    }
    if (probe.status >= 300) throw new Error(`The database “${database}” could not be read (${probe.status}).`);
    saveAccount({ server: base, database, user, connected: true });
    loginNeeded = false;
    await adoptOwnerless(db, user);
  } catch (e) {
    setStatus({ state: owner() && account().connected ? status.state : 'off', message: '' });
    throw e;
  }
  rememberCaughtUp((await db.info()).update_seq);
  startReplication();
  return describeStatus();
}

/** Stops syncing and ends the session. The account's user name stays: this work is theirs. */
async function disconnect() {
  stopReplication();
  const value = account();
  if (value) {
    saveAccount(Object.assign({}, value, { connected: false }));
    await request(absolute(serverBase(value.server) + '_session'), { method: 'DELETE' }).catch(() => null);
  }
  setStatus({ state: 'off', waiting: 0, message: '' });
  return describeStatus();
}

/** Starts again at once (after a server came back, or to retry a refusal). */
function syncNow() {
  startReplication();
  return describeStatus();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => { if (replication) startReplication(); });
  window.addEventListener('offline', () => { if (replication) setStatus(combine()); });
  // Connected or disconnected in another tab: this one follows.
  window.addEventListener('storage', (event) => {
    if (event.key !== ACCOUNT_KEY) return;
    const value = account();
    if (value && value.connected && !replication) startReplication();
    if (!(value && value.connected) && replication) {
      stopReplication();
      setStatus({ state: 'off', waiting: 0, message: '' });
    }
  });
  // Local writes change how many are waiting.
  if (globalThis.annotatorDb) annotatorDb.onWrite(() => refreshWaiting());
  // A session from an earlier visit: sync again (an expired one says so in the status).
  if (account() && account().connected) {
    setTimeout(startReplication, 0);
  }
}

const api = {
  account, owner, connect, disconnect, syncNow, onStatus, resolveConflicts, adoptOwnerless,
  pushFilter, pullFilter, label,
};
globalThis.annotatorSync = api;
if (typeof module !== 'undefined') module.exports = api;
})();
