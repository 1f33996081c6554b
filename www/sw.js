// Offline support: on first visit this service worker stores the app's files;
// afterwards they are served from the cache, so the app works with no server.
// It only ever fetches the app's own files. The build (xtask/src/postbuild.rs) fills in the
// version (a hash of the files) and the file list.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `claimlens-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('claimlens-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    // A page address (the app's folder or index.html) is answered with the cached index.html.
    const key = request.mode === 'navigate' && (url.href === self.registration.scope || url.href.endsWith('/'))
      ? new URL('index.html', self.registration.scope).href
      : url.href;
    const hit = await cache.match(key);
    if (hit) return hit;
    return fetch(request);
  })());
});
