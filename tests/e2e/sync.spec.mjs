// Team sync (issue 17) as a team does it, against a real CouchDB-protocol server: the spec
// starts scripts/sync-server.sh (pouchdb-server) on a free loopback port and serves dist/ with
// /couchdb/ forwarded to it (sync_serve.mjs, as trunk serve's proxy does). Alice and Bob, each
// in their own browser profile, connect through the Sync dialog and annotate the default
// article; each sees the other's layer; one works offline and comes back; the same person on
// two profiles edits one annotation apart; a write into another's layer is refused; the
// server is killed in the middle and restarted. Every annotation arrives exactly once.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './sync_serve.mjs';
import { freePort } from '../../scripts/sync/processes.mjs';
import { dragSelect, annotationList, documentsButton, axeAudit } from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = 'russia-armenia-2025-01-24';

let dir;
let syncPort;
let appPort;
let app;
let server; // { script, pid, output }

async function startServer() {
  const script = spawn('bash', ['scripts/sync-server.sh', '--port', String(syncPort), '--dir', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = { script, output: '', pid: 0 };
  script.stdout.on('data', (d) => (started.output += d));
  script.stderr.on('data', (d) => (started.output += d));
  const until = Date.now() + 120_000;
  while (!/DEVELOPMENT ONLY/.test(started.output)) {
    if (script.exitCode !== null) throw new Error(`sync-server.sh exited:\n${started.output}`);
    if (Date.now() > until) throw new Error(`sync-server.sh not ready:\n${started.output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  started.pid = Number(/pouchdb-server \(pid (\d+)\)/.exec(started.output)?.[1]);
  return started;
}

function kill(started) {
  if (!started) return;
  try { process.kill(started.pid, 'SIGKILL'); } catch { /* gone */ }
  try { started.script.kill('SIGKILL'); } catch { /* gone */ }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = await mkdtemp(path.join(os.tmpdir(), 'sync-e2e-'));
  syncPort = await freePort();
  appPort = await freePort();
  server = await startServer();
  app = await serve(appPort, syncPort);
});

test.afterAll(async () => {
  kill(server);
  if (app) await new Promise((r) => app.close(r));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A person's own browser profile with the app open on the default article. */
async function profile(browser) {
  const base = `http://127.0.0.1:${appPort}`;
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 900 },
    storageState: { cookies: [], origins: [{ origin: base, localStorage: [{ name: 'text-annotator:annotator-asked', value: '1' }] }] },
  });
  const page = await context.newPage();
  await page.goto('/index.html');
  await expect(page.locator('article .doc-text')).toContainText('Relations between Russia and Armenia');
  return { context, page };
}

/** Sync… → Sync dialog → Connect, as the person would; waits for "Synced". */
async function connect(page, user, password = `${user}-password`) {
  await page.getByRole('button', { name: 'Sync…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Server')).toHaveValue('/couchdb/');
  await expect(dialog.getByLabel('Database')).toHaveValue('annotations');
  await dialog.getByLabel('User name').fill(user);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByText(`Connected as ${user}`)).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.sync-status')).toHaveText('Synced', { timeout: 15_000 });
}

async function label(page, needle, key, occurrence = 0) {
  const before = await annotationList(page).getByRole('listitem').count();
  await dragSelect(page, needle, { occurrence });
  await page.keyboard.press(key);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(before + 1);
}

/** The layers panel's line for a colleague's synced layer ("bob (synced): 3 annotations"). */
async function expectLayer(page, owner, count) {
  const panel = page.locator('.layers-panel');
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Layers', exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Layers' }))
    .toContainText(`${owner} (synced): ${count} annotations`, { timeout: 15_000 });
}

/** What the server holds of a user's annotations of the default article, read as admin. */
async function serverAnnotations(owner) {
  const res = await fetch(`http://127.0.0.1:${syncPort}/annotations/_all_docs?include_docs=true&conflicts=true&startkey=${encodeURIComponent(JSON.stringify(`ann:${DOC}:`))}&endkey=${encodeURIComponent(JSON.stringify(`ann:${DOC}:\ufff0`))}`, {
    headers: { authorization: 'Basic ' + Buffer.from('admin:admin-password').toString('base64') },
  });
  const body = await res.json();
  return body.rows.map((r) => r.doc).filter((d) => d && d.owner === owner);
}

test('two annotators see each other’s layers, offline work goes up on return, nothing twice', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const alice = await profile(browser);
  const bob = await profile(browser);
  // Alice's work from before she had an account becomes hers when she connects.
  await label(alice.page, 'Sergey Lavrov', '1');
  await connect(alice.page, 'alice');
  await label(alice.page, 'Nikol Pashinyan', '1');
  await connect(bob.page, 'bob');
  await label(bob.page, 'Armenia', '1');

  await expectLayer(bob.page, 'alice', 2);
  await expectLayer(alice.page, 'bob', 1);
  // A colleague's annotations are a layer, not the person's own highlights.
  await expect(annotationList(bob.page).getByRole('listitem')).toHaveCount(1);
  await expect(bob.page.locator('.layer-mark')).toHaveCount(2);
  await bob.page.screenshot({ path: info.outputPath('synced-layer.png') });
  await bob.page.getByRole('button', { name: 'Sync…', exact: true }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'Sync' });
  await expect(dialog).toContainText('Connected as bob to the database “annotations” at /couchdb/.');
  await expect(dialog.getByRole('status')).toHaveText('Synced');
  await bob.page.screenshot({ path: info.outputPath('sync-dialog.png') });
  await axeAudit(bob.page, 'sync dialog, connected', info);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Bob goes offline, labels two more, sees them waiting; back online they go up.
  await bob.context.setOffline(true);
  await label(bob.page, 'Moscow', '1');
  await label(bob.page, 'Yerevan', '1');
  await expect(bob.page.locator('.sync-status')).toContainText(/Offline|waiting/, { timeout: 15_000 });
  await expect(bob.page.locator('.sync-status')).toContainText('2 changes waiting', { timeout: 15_000 });
  // A reload while offline loses nothing and still knows what is waiting.
  await bob.page.reload();
  await expect(annotationList(bob.page).getByRole('listitem')).toHaveCount(3);
  await expect(bob.page.locator('.sync-status')).toHaveText('Offline · 2 changes waiting', { timeout: 15_000 });
  await bob.context.setOffline(false);
  await expect(bob.page.locator('.sync-status')).toHaveText('Synced', { timeout: 20_000 });
  await expectLayer(alice.page, 'bob', 3);

  // A deletion goes as a tombstone: gone from Bob's layer; Ctrl+Z brings it back to both.
  await alice.page.getByRole('button', { name: 'Close the layers panel' }).click();
  await annotationList(alice.page).getByRole('listitem').filter({ hasText: 'Nikol Pashinyan' }).click();
  await alice.page.keyboard.press('Delete');
  await expect(annotationList(alice.page).getByRole('listitem')).toHaveCount(1);
  await expectLayer(bob.page, 'alice', 1);
  await alice.page.keyboard.press('Control+z');
  await expect(annotationList(alice.page).getByRole('listitem')).toHaveCount(2);
  await expectLayer(bob.page, 'alice', 2);

  // A reload keeps the session and the layers.
  await alice.page.reload();
  await expect(alice.page.locator('.sync-status')).toHaveText('Synced', { timeout: 15_000 });
  await expect(annotationList(alice.page).getByRole('listitem')).toHaveCount(2);
  await expectLayer(alice.page, 'bob', 3);

  // Exactly once on the server, each under its owner, no conflicts.
  const alices = await serverAnnotations('alice');
  const bobs = await serverAnnotations('bob');
  expect(alices.map((d) => d.quote).sort()).toEqual(['Nikol Pashinyan', 'Sergey Lavrov']);
  expect(bobs.map((d) => d.quote).sort()).toEqual(['Armenia', 'Moscow', 'Yerevan']);
  for (const d of [...alices, ...bobs]) expect(d._conflicts).toBeUndefined();

  // No password anywhere in the browser's storage.
  const kept = await alice.page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(kept).not.toContain('alice-password');
  const account = await alice.page.evaluate(() => JSON.parse(localStorage.getItem('text-annotator:sync')));
  expect(account).toEqual({ server: '/couchdb/', database: 'annotations', user: 'alice', connected: true });
  await alice.context.close();
  await bob.context.close();
});

test('a write into another annotator’s layer is refused by the server, with the reason', async ({ browser }) => {
  const bob = await profile(browser);
  await connect(bob.page, 'bob');
  await expectLayer(bob.page, 'alice', 2);
  // The app never edits a colleague's layer; a person who tries it by hand, with their own
  // session, is refused by the server's write rule and nothing changes there.
  const answer = await bob.page.evaluate(async (doc) => {
    const list = await fetch(`/couchdb/annotations/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(`ann:${doc}:`))}&endkey=${encodeURIComponent(JSON.stringify(`ann:${doc}:\ufff0`))}`, { credentials: 'include' });
    const theirs = (await list.json()).rows.map((r) => r.doc).find((d) => d.owner === 'alice');
    const res = await fetch(`/couchdb/annotations/${encodeURIComponent(theirs._id)}`, {
      method: 'PUT',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...theirs, quote: 'changed by bob', owner: 'bob' }),
    });
    return { status: res.status, body: await res.json(), id: theirs._id };
  }, DOC);
  expect(answer.status).toBe(403);
  expect(answer.body.reason).toContain('owned by alice');
  const alices = await serverAnnotations('alice');
  expect(alices.map((d) => d.quote)).not.toContain('changed by bob');
  expect(alices).toHaveLength(2);

  // The session ends (here: logged out behind the app's back): the status says so, the work
  // waits, and Sync… asks for the password again.
  await bob.page.evaluate(() => fetch('/couchdb/_session', { method: 'DELETE', credentials: 'include' }));
  await label(bob.page, 'Kremlin', '1');
  await expect(bob.page.locator('.sync-status')).toContainText('the session has ended', { timeout: 20_000 });
  await bob.page.getByRole('button', { name: 'Sync…', exact: true }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'Sync' });
  await expect(dialog.getByRole('alert')).toContainText('the session has ended');
  await expect(dialog.getByLabel('User name')).toHaveValue('bob');
  await dialog.getByLabel('Password').fill('bob-password');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByText('Connected as bob')).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(bob.page.locator('.sync-status')).toHaveText('Synced', { timeout: 15_000 });
  expect((await serverAnnotations('bob')).map((d) => d.quote)).toContain('Kremlin');
  // Taken back, so that the later tests start from the same three.
  await bob.page.getByRole('button', { name: 'Close the layers panel' }).click();
  await annotationList(bob.page).getByRole('listitem').filter({ hasText: 'Kremlin' }).click();
  await bob.page.keyboard.press('Delete');
  await expect.poll(async () => (await serverAnnotations('bob')).map((d) => d.quote).sort(), { timeout: 15_000 })
    .toEqual(['Armenia', 'Moscow', 'Yerevan']);
  await bob.context.close();
});

test('a document one annotator adds reaches the other, with her annotations as a layer', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const alice = await profile(browser);
  const bob = await profile(browser);
  await connect(alice.page, 'alice');
  // Another origin is refused before anything is sent (the app talks only to its own).
  await bob.page.getByRole('button', { name: 'Sync…', exact: true }).click();
  const elsewhere = bob.page.getByRole('dialog', { name: 'Sync' });
  await elsewhere.getByLabel('Server').fill('https://couch.example.org/');
  await elsewhere.getByLabel('User name').fill('bob');
  await elsewhere.getByLabel('Password').fill('bob-password');
  await elsewhere.getByRole('button', { name: 'Connect' }).click();
  await expect(elsewhere.getByRole('alert')).toContainText('The app talks only to its own origin');
  await elsewhere.getByRole('button', { name: 'Cancel' }).click();
  // A wrong password says so, and nothing is connected.
  await bob.page.getByRole('button', { name: 'Sync…', exact: true }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'Sync' });
  await dialog.getByLabel('User name').fill('bob');
  await dialog.getByLabel('Password').fill('not-his-password');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The user name or password is wrong.');
  await expect(dialog.getByLabel('Password')).toHaveValue('');
  await axeAudit(bob.page, 'sync dialog with an error', info);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(bob.page.locator('.sync-status')).toHaveText('');
  await connect(bob.page, 'bob');

  await documentsButton(alice.page).click();
  const docs = alice.page.getByRole('dialog', { name: 'Documents' });
  await docs.getByLabel('Title').fill('Mirzoyan on talks');
  await docs.getByLabel('Text').fill('Armenian Foreign Minister Ararat Mirzoyan 👨🏻‍🚒 said the talks were constructive, Yerevan said on Monday.');
  await docs.getByRole('button', { name: 'Add and open' }).click();
  await expect(alice.page.locator('.reader-title')).toHaveText('Mirzoyan on talks');
  await label(alice.page, 'Ararat Mirzoyan', '1');
  await label(alice.page, 'the talks were constructive', '2');
  await expect(alice.page.locator('.sync-status')).toHaveText('Synced', { timeout: 15_000 });

  await expect.poll(async () => {
    await documentsButton(bob.page).click();
    const list = bob.page.getByRole('list', { name: 'Documents' });
    const found = await list.getByRole('button', { name: /^Mirzoyan on talks/ }).count();
    if (!found) await bob.page.keyboard.press('Escape');
    return found;
  }, { timeout: 20_000 }).toBe(1);
  await bob.page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /^Mirzoyan on talks/ }).click();
  await expect(bob.page.locator('.reader-title')).toHaveText('Mirzoyan on talks');
  await expect(bob.page.locator('article .doc-text')).toContainText('👨🏻‍🚒 said the talks');
  await expect(annotationList(bob.page).getByRole('listitem')).toHaveCount(0);
  await expectLayer(bob.page, 'alice', 2);
  await alice.context.close();
  await bob.context.close();
});

test('the same annotator on two profiles edits one annotation apart: merged, later edit kept', async ({ browser }) => {
  test.setTimeout(120_000);
  const one = await profile(browser);
  const two = await profile(browser);
  await connect(one.page, 'alice');
  await connect(two.page, 'alice');
  // Her own two annotations came down to the second profile as hers, editable.
  await expect(annotationList(two.page).getByRole('listitem')).toHaveCount(2, { timeout: 15_000 });
  await one.context.setOffline(true);
  await two.context.setOffline(true);
  // Each profile relabels "Sergey Lavrov": first as claim (2), later as date (3).
  for (const [page, key] of [[one.page, '2'], [two.page, '3']]) {
    await annotationList(page).getByRole('listitem').filter({ hasText: 'Sergey Lavrov' }).click();
    await page.keyboard.press(key);
    await page.waitForTimeout(50);
  }
  await one.context.setOffline(false);
  await expect(one.page.locator('.sync-status')).toHaveText('Synced', { timeout: 20_000 });
  await two.context.setOffline(false);
  await expect(two.page.locator('.sync-status')).toHaveText('Synced', { timeout: 20_000 });
  // Both converge on the later edit, the conflict is resolved on the server, nothing lost.
  await expect.poll(async () => {
    const docs = await serverAnnotations('alice');
    const lavrov = docs.find((d) => d.quote === 'Sergey Lavrov');
    return `${docs.length} ${lavrov && lavrov.label} ${lavrov && lavrov._conflicts ? 'conflict' : 'clean'}`;
  }, { timeout: 20_000 }).toBe('2 date clean');
  for (const page of [one.page, two.page]) {
    await expect(annotationList(page).getByRole('listitem').filter({ hasText: 'Sergey Lavrov' }))
      .toContainText(/date/i, { timeout: 15_000 });
  }
  await one.context.close();
  await two.context.close();
});

test('the server killed in the middle of a sync and restarted: converges, nothing twice', async ({ browser }) => {
  test.setTimeout(180_000);
  const bob = await profile(browser);
  await connect(bob.page, 'bob');
  await expect(annotationList(bob.page).getByRole('listitem')).toHaveCount(3, { timeout: 15_000 });
  kill(server);
  await label(bob.page, 'Kremlin', '1');
  await expect(bob.page.locator('.sync-status')).toContainText(/Offline|error|waiting/, { timeout: 20_000 });
  server = await startServer();
  await expect(bob.page.locator('.sync-status')).toHaveText('Synced', { timeout: 30_000 });
  const bobs = await serverAnnotations('bob');
  expect(bobs.map((d) => d.quote).sort()).toEqual(['Armenia', 'Kremlin', 'Moscow', 'Yerevan']);
  await bob.context.close();
});

test('two tabs of one profile both sync, and nothing arrives twice', async ({ browser }) => {
  test.setTimeout(120_000);
  const bob = await profile(browser);
  await connect(bob.page, 'bob');
  const second = await bob.context.newPage();
  await second.goto('/index.html');
  // The session and the account are the profile's: the second tab syncs at once.
  await expect(second.locator('.sync-status')).toHaveText('Synced', { timeout: 15_000 });
  const before = (await serverAnnotations('bob')).length;
  await label(bob.page, 'Dmitry Peskov', '1');
  await expect(annotationList(second).getByRole('listitem').filter({ hasText: 'Dmitry Peskov' })).toHaveCount(1, { timeout: 15_000 });
  await label(second, 'Vladimir Putin', '1');
  await expect(annotationList(bob.page).getByRole('listitem').filter({ hasText: 'Vladimir Putin' })).toHaveCount(1, { timeout: 15_000 });
  for (const page of [bob.page, second]) {
    await expect(page.locator('.sync-status')).toHaveText('Synced', { timeout: 15_000 });
  }
  await expect.poll(async () => {
    const docs = await serverAnnotations('bob');
    const quotes = docs.map((d) => d.quote);
    return [docs.length - before, quotes.filter((q) => q === 'Dmitry Peskov').length, quotes.filter((q) => q === 'Vladimir Putin').length, docs.filter((d) => d._conflicts).length];
  }, { timeout: 15_000 }).toEqual([2, 1, 1, 0]);
  // Disconnecting in one tab stops the other too.
  await bob.page.getByRole('button', { name: 'Sync…', exact: true }).click();
  await bob.page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Disconnect' }).click();
  await expect(bob.page.getByRole('dialog', { name: 'Sync' }).getByLabel('User name')).toHaveValue('bob');
  await expect(second.locator('.sync-status')).toHaveText('', { timeout: 10_000 });
  await bob.context.close();
});
