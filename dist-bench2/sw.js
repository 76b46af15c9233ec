// The service worker that lets the annotator start without a network after the first visit.
// scripts/post-build.mjs fills in the cache name and the file list of each build.
const CACHE = "text-annotator-a225bcf42ef3b4f8";
const PRECACHE = ["/","/annotator-957d5a3d6f3e9381.js","/annotator-957d5a3d6f3e9381_bg.wasm","/app-a70f745fc9b1aa2e.css","/db.js","/favicon-74315f22390108c2.svg","/formats_worker-d3dcae302ada9bde.js","/formats_worker-d3dcae302ada9bde_bg.wasm","/icon-192.png","/icon-512.png","/index.html","/lazy_views-d213a4f5ac9c0c11.js","/lazy_views-d213a4f5ac9c0c11_bg.wasm","/manifest.webmanifest","/pouchdb.min.js"];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('text-annotator-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page: from the network when there is one (a new build is seen at once), else from the
// cache. Everything else, cache first: each precached file name carries its content hash, so
// a cached copy is never stale.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE })));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
