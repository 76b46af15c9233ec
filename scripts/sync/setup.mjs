#!/usr/bin/env node
// Sets up a CouchDB-protocol server for the annotator's team sync (issue 17): the users, the
// project database, its _security (members and admins) and the design document
// _design/annotator whose validate_doc_update (validate_doc_update.js beside this file) lets each
// user write only what they own. Only HTTP through fetch, so it works the same against
// pouchdb-server (development, scripts/sync-server.sh) and Apache CouchDB 3.x (production).
// Idempotent: running it again changes nothing that is already as asked.
//
//   node scripts/sync/setup.mjs --url http://ADMIN:PASSWORD@HOST:5984 [--db annotations]
//        [--users alice:alice-password,bob:bob-password] [--wait SECONDS]
//
// The URL's user must be a server admin. On a server in "admin party" (no admin yet, as a fresh
// pouchdb-server) that admin is created first with the URL's name and password.
// Passwords are never printed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const DESIGN_ID = '_design/annotator';
export const DEV_USERS = [
  { name: 'alice', password: 'alice-password' },
  { name: 'bob', password: 'bob-password' },
];

const HERE = new URL('.', import.meta.url);

/** The validate_doc_update source, as the server is given it. */
export async function validateSource() {
  return (await readFile(new URL('validate_doc_update.js', HERE), 'utf8')).trim() + '\n';
}

/** A client for one server: `url` may hold the admin's credentials (fetch refuses them in URLs,
 * so they move to an Authorization header) and a path prefix (e.g. behind a proxy). */
export function client(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  const base = u.toString();
  const basic = name ? 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64') : null;
  async function req(method, path, body, { auth = true, headers = {} } = {}) {
    const h = { accept: 'application/json', ...headers };
    if (auth && basic) h.authorization = basic;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { raw: text };
    }
    return { status: res.status, json, headers: res.headers };
  }
  return { base, name, password, req };
}

function fail(what, r) {
  const reason = r.json ? JSON.stringify(r.json) : '';
  return new Error(`${what}: HTTP ${r.status} ${reason}`);
}

const enc = encodeURIComponent;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls the server's root until it answers, at most `seconds`. */
export async function waitUntilUp(url, seconds) {
  const { req } = client(url);
  const until = Date.now() + seconds * 1000;
  let last;
  for (;;) {
    try {
      const r = await req('GET', '', undefined, { auth: false });
      if (r.status === 200) return r.json;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.cause?.code || e.message;
    }
    if (Date.now() > until) throw new Error(`no server at ${client(url).base} after ${seconds} s (${last})`);
    await sleep(200);
  }
}

/**
 * Sets up users, database, security and design document. Returns what it did, one line each.
 * @param {{url: string, db?: string, users?: {name: string, password: string}[], log?: (s: string) => void}} o
 */
export async function setup({ url, db = 'annotations', users = DEV_USERS, log = () => {} }) {
  const c = client(url);
  const { req } = c;
  const done = [];
  const say = (s) => {
    done.push(s);
    log(s);
  };
  if (!c.name) throw new Error('the URL needs a server admin, e.g. http://admin:PASSWORD@127.0.0.1:5984');
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) throw new Error(`"${db}" is not a valid CouchDB database name`);

  // Admin party (a fresh pouchdb-server): everyone is admin until one exists. Create it.
  const anon = await req('GET', '_session', undefined, { auth: false });
  if (anon.status === 200 && anon.json?.userCtx?.roles?.includes('_admin')) {
    let r = await req('PUT', `_node/_local/_config/admins/${enc(c.name)}`, c.password, { auth: false });
    if (r.status === 404 || r.status === 400) {
      // pouchdb-server has the CouchDB 1.x path only.
      r = await req('PUT', `_config/admins/${enc(c.name)}`, c.password, { auth: false });
    }
    if (r.status !== 200) throw fail(`creating server admin ${c.name}`, r);
    say(`server admin ${c.name}: created (the server had none)`);
  }
  const me = await req('GET', '_session');
  if (me.status !== 200 || !me.json?.userCtx?.roles?.includes('_admin')) {
    throw fail(`${c.name} is not a server admin there (wrong name or password?)`, me);
  }

  // Sessions that outlive a restart, as on CouchDB, which keeps its secret in its config:
  // pouchdb-server makes a new one at every start unless its config.json holds one, and a
  // restart would log every browser out. Writing the current secret back keeps it (and keeps
  // the sessions already given). CouchDB 3.x has no such path (404) and needs nothing.
  const secret = await req('GET', '_config/couch_httpd_auth/secret');
  if (secret.status === 200 && typeof secret.json === 'string') {
    const kept = await req('PUT', '_config/couch_httpd_auth/secret', secret.json);
    if (kept.status !== 200) throw fail('keeping the session secret across restarts', kept);
  }

  // The users database: CouchDB 3.x has none until it is set up (pouchdb-server has one).
  for (const sys of ['_users']) {
    const r = await req('PUT', sys);
    if (![201, 202, 412].includes(r.status)) throw fail(`creating ${sys}`, r);
    if (r.status !== 412) say(`database ${sys}: created`);
  }

  for (const u of users) {
    const id = `org.couchdb.user:${u.name}`;
    const got = await req('GET', `_users/${enc(id)}`);
    if (got.status === 200) {
      // Already there: keep it if the password works, else set the one asked for.
      const login = await req('POST', '_session', { name: u.name, password: u.password }, { auth: false });
      if (login.status === 200) {
        say(`user ${u.name}: already there`);
        continue;
      }
      const doc = { ...got.json, password: u.password };
      const put = await req('PUT', `_users/${enc(id)}`, doc);
      if (![201, 202].includes(put.status)) throw fail(`updating user ${u.name}`, put);
      say(`user ${u.name}: password reset`);
    } else if (got.status === 404) {
      const doc = { _id: id, name: u.name, password: u.password, roles: [], type: 'user' };
      const put = await req('PUT', `_users/${enc(id)}`, doc);
      if (![201, 202].includes(put.status)) throw fail(`creating user ${u.name}`, put);
      say(`user ${u.name}: created`);
    } else {
      throw fail(`reading user ${u.name}`, got);
    }
  }

  const made = await req('PUT', enc(db));
  if (![201, 202, 412].includes(made.status)) throw fail(`creating database ${db}`, made);
  say(`database ${db}: ${made.status === 412 ? 'already there' : 'created'}`);

  // _security: the admin is the database's admin, the users its members (anyone else, the
  // anonymous included, can neither read nor write). Names already listed are kept.
  const sec = await req('GET', `${enc(db)}/_security`);
  if (sec.status !== 200) throw fail(`reading ${db}/_security`, sec);
  const cur = sec.json || {};
  const union = (a, b) => [...new Set([...(a || []), ...b])];
  const want = {
    ...cur,
    admins: { names: union(cur.admins?.names, [c.name]), roles: cur.admins?.roles || [] },
    members: { names: union(cur.members?.names, users.map((u) => u.name)), roles: cur.members?.roles || [] },
  };
  if (JSON.stringify(want) === JSON.stringify(cur)) {
    say(`${db}/_security: already as asked`);
  } else {
    const put = await req('PUT', `${enc(db)}/_security`, want);
    if (put.status !== 200) throw fail(`writing ${db}/_security`, put);
    say(`${db}/_security: admins ${want.admins.names.join(', ')}; members ${want.members.names.join(', ')}`);
  }

  // The design document with the write rule.
  const source = await validateSource();
  const ddoc = await req('GET', `${enc(db)}/${DESIGN_ID}`);
  if (ddoc.status === 200 && ddoc.json.validate_doc_update === source) {
    say(`${db}/${DESIGN_ID}: already up to date`);
  } else if (ddoc.status === 200 || ddoc.status === 404) {
    const doc = ddoc.status === 200 ? { ...ddoc.json } : { _id: DESIGN_ID };
    doc.language = 'javascript';
    doc.validate_doc_update = source;
    const put = await req('PUT', `${enc(db)}/${DESIGN_ID}`, doc);
    if (![201, 202].includes(put.status)) throw fail(`writing ${db}/${DESIGN_ID}`, put);
    say(`${db}/${DESIGN_ID}: ${ddoc.status === 200 ? 'updated' : 'created'} (validate_doc_update)`);
  } else {
    throw fail(`reading ${db}/${DESIGN_ID}`, ddoc);
  }
  return done;
}

function parseArgs(argv) {
  const o = { url: null, db: 'annotations', users: DEV_USERS, wait: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--url') o.url = val();
    else if (a === '--db') o.db = val();
    else if (a === '--wait') o.wait = Number(val());
    else if (a === '--users') {
      o.users = val()
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf(':');
          if (at < 1 || at === pair.length - 1) throw new Error(`--users wants name:password pairs, not "${pair}"`);
          return { name: pair.slice(0, at), password: pair.slice(at + 1) };
        });
    } else if (a === '-h' || a === '--help') {
      o.help = true;
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const o = parseArgs(process.argv.slice(2));
    if (o.help || !o.url) {
      console.log('usage: node scripts/sync/setup.mjs --url http://ADMIN:PASSWORD@HOST:5984 [--db annotations]');
      console.log('       [--users name:password,...] [--wait SECONDS]');
      process.exit(o.help ? 0 : 2);
    }
    if (o.wait > 0) await waitUntilUp(o.url, o.wait);
    const base = client(o.url).base;
    console.log(`[sync setup] ${base} (database ${o.db})`);
    await setup({ url: o.url, db: o.db, users: o.users, log: (s) => console.log(`[sync setup] ${s}`) });
  } catch (e) {
    console.error(`[sync setup] failed: ${e.message}`);
    process.exit(1);
  }
}
