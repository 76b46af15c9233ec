// Trunk post-build hook (see Trunk.toml): runs on the staging folder of every build.
//  1. Content-Security-Policy: Trunk writes one inline module script that starts the wasm;
//     its SHA-256 replaces the placeholder in index.html's CSP, so that script and nothing
//     else inline may run.
//  2. The import worker and the library views: Trunk writes a no-modules build's files under
//     fixed names (formats_worker.js, formats_worker_bg.wasm); they are renamed by a hash of
//     their content, like every other file of a build, the script gets the line that starts
//     the wasm, and index.html names the script in <meta name="formats-worker"> (or
//     "lazy-views") for the page (src/bridge/formats_worker, src/bridge/lazy_views.rs).
//     A service worker or browser cache then never serves one build's module to another.
//  3. Offline use: writes sw.js, a service worker that precaches exactly the files of this
//     build (their names carry content hashes), named by a hash of the whole set.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, renameSync, unlinkSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const PLACEHOLDER = "'sha256-INLINE-SCRIPTS'";
if (!html.includes(PLACEHOLDER)) throw new Error('index.html lacks the CSP placeholder');
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('no inline script found: did Trunk change its output?');
// `trunk serve` adds a live-reload script whose server address is filled in as it is served,
// so no hash can match it: development builds with it allow inline scripts instead. Release
// builds (`trunk build`) never have it and get the hashes.
const liveReload = inline.some((code) => code.includes('WebSocket'));
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
html = html.replace(PLACEHOLDER, liveReload ? "'unsafe-inline'" : hashes.join(' '));

// Each extra module: its script and wasm renamed by their content's hash, the script given
// the line that starts its wasm, and a <meta> naming the script for the page.
function hashModule(name, metaName, start) {
  const glue = join(dir, `${name}.js`);
  const wasm = join(dir, `${name}_bg.wasm`);
  if (!existsSync(glue) || !existsSync(wasm)) return `no ${name}`;
  const hash = createHash('sha256').update(readFileSync(glue)).update(readFileSync(wasm)).digest('hex').slice(0, 16);
  const script = `${name}-${hash}.js`;
  const module = `${name}-${hash}_bg.wasm`;
  renameSync(wasm, join(dir, module));
  writeFileSync(join(dir, script), readFileSync(glue, 'utf8') + start(module));
  unlinkSync(glue);
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  html = html.replace('</head>', `<meta name="${metaName}" content="/${script}" /></head>`);
  return `${name} ${script}`;
}
// wasm-bindgen's no-modules glue defines `wasm_bindgen`; starting it runs the worker's main,
// which listens for jobs and says "ready". A failed start is reported to the page, which
// would otherwise wait for that word.
const workerNote = hashModule('formats_worker', 'formats-worker', (module) =>
  `\nwasm_bindgen({ module_or_path: './${module}' }).catch((e) => postMessage([0, 'crashed', String(e)]));\n`);
// The library views run on the page: their main publishes `annotatorLazyViews`, and the
// page waits on this promise (src/bridge/lazy_views.rs). `wasm_bindgen` is a lexical
// global of this script alone, so the page's own module is not touched by it.
const viewsNote = hashModule('lazy_views', 'lazy-views', (module) =>
  `\nglobalThis.annotatorLazyViewsStarted = wasm_bindgen({ module_or_path: '/${module}' });\n`);
writeFileSync(indexPath, html);

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== 'sw.js') files.push('/' + relative(dir, path).split('\\').join('/'));
  }
};
walk(dir);
files.sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const cache = `text-annotator-${version.digest('hex').slice(0, 16)}`;
const sw = readFileSync(new URL('../assets/sw.js', import.meta.url), 'utf8')
  .replace("'__CACHE_NAME__'", JSON.stringify(cache))
  .replace("['__PRECACHE__']", JSON.stringify(['/', ...files]));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: CSP allows ${liveReload ? 'inline scripts (trunk serve live reload)' : `${hashes.length} inline script(s) by hash`}; ${workerNote}; ${viewsNote}; sw.js precaches ${files.length + 1} files as ${cache}`);
