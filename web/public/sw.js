// The service worker: the app shell works offline, and items seen recently stay readable without a network.
// - pages: network first, else the cached index.html (the app routes itself);
// - /assets/: cache first (their names carry a content hash, so a cached one is never stale);
// - a few API reads (an item, its history, who I am, the reference lists): network first, else the last answer.
// Signing out deletes the API cache (web/src/api/sign-out.ts).
const shell = 'eis-shell-v1';
const apiCache = 'eis-api-v1';
const keepItems = 50;
const offlineReads = [
  /^\/api\/v1\/items\/\d+(\/history)?$/,
  /^\/api\/v1\/auth\/me$/,
  /^\/api\/v1\/(locations|categories|suppliers)$/,
  /^\/api\/v1\/categories\/\d+\/fields$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shell);
      const response = await fetch('/', { cache: 'no-cache' });
      const html = await response.clone().text();
      await cache.put('/index.html', response);
      const assets = [
        ...html.matchAll(/(?:src|href)="(\/(?:assets|icons)\/[^"]+|\/manifest\.webmanifest)"/g),
      ];
      await cache.addAll(assets.map((match) => match[1]));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== shell && name !== apiCache) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, cacheKey) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(cacheKey ?? request, response.clone());
      if (cacheName === apiCache) await trim(cache);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(cacheKey ?? request, { ignoreVary: true, ignoreSearch: false });
    if (cached) return cached;
    throw error;
  }
}

async function trim(cache) {
  const keys = await cache.keys();
  const items = keys.filter((request) => /\/api\/v1\/items\/\d+$/.test(new URL(request.url).pathname));
  for (const stale of items.slice(0, Math.max(0, items.length - keepItems))) await cache.delete(stale);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(shell)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, shell, '/index.html'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (offlineReads.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(networkFirst(request, apiCache));
  }
});
