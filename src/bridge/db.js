// The only code that calls PouchDB (loaded by index.html from the app's own origin as
// `pouchdb.min.js`). Everything crosses to Rust as JSON text, so the Rust side needs no
// knowledge of JS objects. Errors are rethrown as `Error`s whose message says what failed.

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

export function dbReady() {
  try {
    open();
    return true;
  } catch (e) {
    return false;
  }
}

/** One record as JSON, or null when there is none (or it was deleted). */
export function dbGet(id) {
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
export function dbRange(prefix, docs) {
  return call('reading the local database', async (db) => {
    const result = await db.allDocs({ startkey: prefix, endkey: prefix + '\ufff0', include_docs: docs });
    return JSON.stringify(docs ? result.rows.map((r) => r.doc) : result.rows.map((r) => r.id));
  });
}

/**
 * Writes records in one transaction of the database (each record is accepted or refused on
 * its own). Returns a JSON list, in order: {id, rev} or {id, status, error}.
 */
export function dbWrite(json) {
  return call('writing to the local database', async (db) => {
    const results = await db.bulkDocs(JSON.parse(json));
    return JSON.stringify(results.map((r) => (r.ok ? { id: r.id, rev: r.rev } : {
      id: r.id, status: r.status || 0, error: describe(r),
    })));
  });
}

/**
 * Calls `onChange(json)` with every record written from now on, by this tab or another, whose
 * id starts with one of `prefixes`. Returns a function that stops listening.
 */
export function dbWatch(prefixes, onChange) {
  const feed = open().changes({
    since: 'now', live: true, include_docs: true,
    filter: (doc) => prefixes.some((p) => doc._id.startsWith(p)),
  });
  feed.on('change', (change) => {
    const doc = change.doc || { _id: change.id, _rev: change.changes[0].rev, _deleted: true };
    onChange(JSON.stringify(doc));
  });
  feed.on('error', () => {});
  return () => feed.cancel();
}

/** {usage, quota} in bytes for this site, or null where the browser cannot say. */
export async function storageEstimate() {
  if (!navigator.storage || !navigator.storage.estimate) return null;
  const { usage, quota } = await navigator.storage.estimate();
  return JSON.stringify({ usage: usage || 0, quota: quota || 0 });
}

/** Asks the browser not to evict this site's data; true when granted. */
export async function storagePersist() {
  if (!navigator.storage || !navigator.storage.persist) return false;
  try {
    return await navigator.storage.persist();
  } catch (e) {
    return false;
  }
}
