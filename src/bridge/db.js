// The only code that calls PouchDB (loaded by index.html from the app's own origin as
// `pouchdb.min.js`). Everything crosses to Rust as JSON text, so the Rust side needs no
// knowledge of JS objects. Errors are rethrown as `Error`s whose message says what failed.
// A classic script (index.html loads it after PouchDB) that defines `annotatorDb`, not a
// wasm-bindgen module snippet: a snippet would make wasm-bindgen treat package.json's
// dependencies as imports of every module, which the import worker's build refuses.
(() => {

const NAME = 'text-annotator';
let db = null;

function open() {
  if (db) return db;
  if (typeof PouchDB === 'undefined') {
    throw new Error('the local database (PouchDB) did not load');
  }
  // auto_compaction drops superseded revisions, so the database does not grow with every edit.
  db = new PouchDB(NAME, { auto_compaction: true });
  return db;
}

function describe(e) {
  if (!e) return 'unknown error';
  const name = e.name || e.error || '';
  const message = e.message || e.reason || '';
  return name && message ? `${name}: ${message}` : String(name || message || e);
}

async function call(what, fn) {
  try {
    return await fn(open());
  } catch (e) {
    throw new Error(`${what} failed (${describe(e)})`);
  }
}

function dbReady() {
  try {
    open();
    return true;
  } catch (e) {
    return false;
  }
}

/** One record as JSON, or null when there is none (or it was deleted). */
function dbGet(id) {
  return call('reading the local database', async (db) => {
    try {
      return JSON.stringify(await db.get(id));
    } catch (e) {
      if (e && e.status === 404) return null;
      throw e;
    }
  });
}

/** Records whose ids start with `prefix`, in id order: a JSON list (ids only unless `docs`). */
function dbRange(prefix, docs) {
  return call('reading the local database', async (db) => {
    const result = await db.allDocs({ startkey: prefix, endkey: prefix + '\ufff0', include_docs: docs });
    return JSON.stringify(docs ? result.rows.map((r) => r.doc) : result.rows.map((r) => r.id));
  });
}

/** Several records by id in one read: a JSON list in the same order, null where there is none. */
function dbGetMany(json) {
  return call('reading the local database', async (db) => {
    const result = await db.allDocs({ keys: JSON.parse(json), include_docs: true });
    return JSON.stringify(result.rows.map((r) => r.doc || null));
  });
}

/** The records of several id prefixes, read at the same time: one JSON list, prefix by prefix. */
function dbRanges(json) {
  return call('reading the local database', async (db) => {
    const results = await Promise.all(JSON.parse(json).map((prefix) =>
      db.allDocs({ startkey: prefix, endkey: prefix + '\ufff0', include_docs: true })));
    return JSON.stringify(results.flatMap((result) => result.rows.map((r) => r.doc)));
  });
}

/**
 * Writes records in one transaction of the database (each record is accepted or refused on
 * its own). Returns a JSON list, in order: {id, rev} or {id, status, error}.
 */
function dbWrite(json) {
  return call('writing to the local database', async (db) => {
    const records = JSON.parse(json);
    stampOwner(records);
    const results = await db.bulkDocs(records);
    if (results.some((r) => r.ok)) announce();
    return JSON.stringify(results.map((r) => (r.ok ? { id: r.id, rev: r.rev } : {
      id: r.id, status: r.status || 0, error: describe(r),
    })));
  });
}

// With a team-sync account (sync.js), every shared record this person writes names them as
// its owner: the server's write rule lets only the owner change a record.
const SHARED = ['text:', 'ann:', 'rel:'];
function stampOwner(records) {
  const owner = globalThis.annotatorSync ? annotatorSync.owner() : null;
  if (!owner) return;
  for (const record of records) {
    if (record && !record._deleted && record.owner === undefined
        && SHARED.some((p) => String(record._id).startsWith(p))) {
      record.owner = owner;
    }
  }
}

// Other tabs are told of every write on this channel. PouchDB's own cross-tab signal (a
// localStorage value toggled between "a" and "b") is missed when two tabs toggle it at the
// same moment, so a change could wait for the next one to show up.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('text-annotator-changes');
const watchers = new Set();

// Told of this tab's writes (sync.js counts what is waiting to go up).
const writeListeners = new Set();

function announce() {
  if (channel) channel.postMessage('changed');
  for (const catchUp of watchers) catchUp();
  for (const listener of writeListeners) listener();
}

function onWrite(listener) {
  writeListeners.add(listener);
}
if (channel) channel.onmessage = () => { for (const catchUp of watchers) catchUp(); };

// How many changes the watchers read at a time.
const WATCH_PAGE = 500;

/**
 * Calls `onChange(json)` with every record written from now on, by this tab or another, whose
 * id starts with one of `prefixes`: reads the database's changes since the last one seen,
 * whenever this tab or another writes. Returns a function that stops listening.
 */
function dbWatch(prefixes, onChange) {
  const db = open();
  let since = null;
  let running = false;
  let again = false;
  let stopped = false;
  const start = db.info().then((info) => { since = info.update_seq; });
  const catchUp = async () => {
    if (running) { again = true; return; }
    running = true;
    try {
      await start;
      do {
        again = false;
        // In pages: a write of thousands (an import, a first save) read back in one go
        // kept the page busy for a tenth of a second.
        const changes = await db.changes({ since, include_docs: true, limit: WATCH_PAGE });
        since = changes.last_seq;
        if (changes.results.length === WATCH_PAGE) again = true;
        for (const change of changes.results) {
          if (stopped || !prefixes.some((p) => change.id.startsWith(p))) continue;
          const doc = change.doc || { _id: change.id, _rev: change.changes[0].rev, _deleted: true };
          onChange(JSON.stringify(doc));
        }
      } while (again && !stopped);
    } catch (e) {
      // The next write tries again.
    } finally {
      running = false;
    }
  };
  watchers.add(catchUp);
  // PouchDB's own signal as well (it also covers writes made by other code in this tab).
  const feed = db.changes({ since: 'now', live: true });
  feed.on('change', catchUp);
  feed.on('error', () => {});
  const onVisible = () => { if (document.visibilityState === 'visible') catchUp(); };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopped = true;
    watchers.delete(catchUp);
    feed.cancel();
    document.removeEventListener('visibilitychange', onVisible);
  };
}

// The actor names of the whole library, for the suggesters: read once, then kept up to date
// from the database's changes, so a later run reads only what changed since.
const actors = { byId: new Map(), since: null };

/**
 * Every actor annotation's text and entity name in the library, as a JSON list of
 * [text, entity or null], each pair once.
 */
function dbActorNames() {
  return call('reading the library\'s names', async (db) => {
    if (actors.since === null) {
      const info = await db.info();
      const all = await db.allDocs({ startkey: 'ann:', endkey: 'ann:\ufff0', include_docs: true });
      for (const row of all.rows) remember(row.id, row.doc);
      actors.since = info.update_seq;
    } else {
      const changes = await db.changes({ since: actors.since, include_docs: true });
      for (const change of changes.results) {
        if (change.id.startsWith('ann:')) remember(change.id, change.deleted ? null : change.doc);
      }
      actors.since = changes.last_seq;
    }
    const seen = new Set();
    const names = [];
    for (const [text, entity] of actors.byId.values()) {
      const key = text + '\u0000' + (entity || '');
      if (!seen.has(key)) { seen.add(key); names.push([text, entity]); }
    }
    return JSON.stringify(names);
  });
}

function remember(id, doc) {
  if (doc && doc.label === 'actor' && !doc.orphan && typeof doc.quote === 'string') {
    const entity = doc.entity && !doc.entity.inferred && typeof doc.entity.name === 'string' ? doc.entity.name : null;
    actors.byId.set(id, [doc.quote, entity]);
  } else {
    actors.byId.delete(id);
  }
}

/** {usage, quota} in bytes for this site, or null where the browser cannot say. */
async function storageEstimate() {
  if (!navigator.storage || !navigator.storage.estimate) return null;
  const { usage, quota } = await navigator.storage.estimate();
  return JSON.stringify({ usage: usage || 0, quota: quota || 0 });
}

/** Asks the browser not to evict this site's data; true when granted. */
async function storagePersist() {
  if (!navigator.storage || !navigator.storage.persist) return false;
  try {
    return await navigator.storage.persist();
  } catch (e) {
    return false;
  }
}

/**
 * Keeps `text` in the record `_local/<id>`, which PouchDB never replicates and keeps no
 * history of, in place of what it held; removes it when `text` is null. One write, however
 * long the text: the copy of a document's whole work while its records are written in rounds.
 */
function dbKeep(id, text) {
  return call('writing to the local database', async (db) => {
    const key = `_local/${id}`;
    let rev;
    try {
      rev = (await db.get(key))._rev;
    } catch (e) {
      if (!e || e.status !== 404) throw e;
    }
    if (text == null) {
      if (rev) await db.remove(key, rev);
    } else {
      await db.put({ _id: key, _rev: rev, text });
    }
    return null;
  });
}

/** The text `dbKeep` kept under `id`, or null. */
function dbKept(id) {
  return call('reading the local database', async (db) => {
    try {
      return (await db.get(`_local/${id}`)).text;
    } catch (e) {
      if (e && e.status === 404) return null;
      throw e;
    }
  });
}

globalThis.annotatorDb = {
  database: open, onWrite, dbReady, dbGet, dbGetMany, dbRange, dbRanges, dbWrite, dbWatch, dbActorNames, storageEstimate,
  storagePersist, dbKeep, dbKept,
};
})();
