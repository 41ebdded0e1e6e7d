// Duet's service worker: keeps the app itself (the page and its scripts) so a
// translator who reloads while the server is out of reach still gets the
// editor, which then works from the copy of the article kept in IndexedDB.
// The page is fetched network first, so a deployment is picked up as soon as
// the server answers; the API and the websocket are never cached.
const CACHE = 'duet-app-v1';

// Vite names every built asset after its content, so a cached one never goes
// stale: it is served from the cache without asking the network, and with the
// code cache Chromium made when it was stored, instead of being fetched and
// stored again on every load.
const ASSETS = '/assets/';

function assetsIn(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/', response);
  await cache.addAll(assetsIn(html));
}

// After a deployment the page names other assets; the old build's go, so the
// cache holds one build (its lazily loaded parts are cached when first used).
async function forgetOtherBuilds(cache, previousPage, page) {
  const html = await page.text();
  const previous = previousPage ? assetsIn(await previousPage.text()) : [];
  const current = new Set(assetsIn(html));
  if (previous.every((path) => current.has(path))) return;
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(ASSETS) && !current.has(path)) await cache.delete(request);
  }
}

// Storing a response waits for nothing the page needs: the page gets the
// response at once and the worker is kept alive (waitUntil) until it is stored.
async function rememberPage(cache, response) {
  const previous = await cache.match('/');
  await cache.put('/', response.clone());
  await forgetOtherBuilds(cache, previous, response);
}

async function networkFirstPage(event) {
  const cache = await caches.open(CACHE);
  try {
    // Navigation preload (enabled at activation) has the browser ask the network
    // while this worker starts, instead of after.
    const response = (await event.preloadResponse) ?? (await fetch(event.request));
    if (response.ok) event.waitUntil(rememberPage(cache, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match('/');
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirstAsset(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(event.request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

async function activate() {
  if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)));
  await self.clients.claim();
}

self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/collab')) return;
  // Every page of the app is the same index.html (client-side routes).
  if (request.mode === 'navigate') event.respondWith(networkFirstPage(event));
  else if (url.pathname.startsWith(ASSETS)) event.respondWith(cacheFirstAsset(event));
  else event.respondWith(networkFirst(event));
});
