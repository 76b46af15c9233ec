// The service worker that lets the annotator start without a network after the first visit.
// scripts/post-build.mjs fills in the cache name and the file list of each build.
const CACHE = '__CACHE_NAME__';
const PRECACHE = ['__PRECACHE__'];

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
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE })));
    return;
  }
  // Only this build's own files: team sync's requests to the server (/couchdb/…, long-polled
  // change feeds among them) go straight to the network, never through here.
  if (!PRECACHE.includes(url.pathname)) return;
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
