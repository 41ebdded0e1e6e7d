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

// The page's own references, to tell one build from another.
function assetsIn(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

// Every file of the build, the lazily loaded ones too (Vite's manifest, see
// vite.config.ts): a page opened offline may need any of them.
async function buildFiles() {
  const response = await fetch('/.vite/manifest.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`no build manifest (${response.status})`);
  const files = new Set();
  for (const chunk of Object.values(await response.json())) {
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) if (file) files.add(`/${file}`);
  }
  return [...files];
}

// Stores the current build and forgets any other, so the cache holds one build.
async function keepBuild(cache) {
  const files = await buildFiles();
  await cache.addAll(files);
  const current = new Set(files);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(ASSETS) && !current.has(path)) await cache.delete(request);
  }
}

async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-store' });
  if (!response.ok) return;
  await cache.put('/', response);
  await keepBuild(cache);
}

// After a deployment the page names other assets: the new build is stored and
// the old one dropped.
async function isNewBuild(previousPage, page) {
  if (!previousPage) return true;
  const previous = new Set(assetsIn(await previousPage.text()));
  return assetsIn(await page.text()).some((path) => !previous.has(path));
}

// The page, kept for a reload offline; with a new build's files when it names them.
async function rememberPage(cache, response) {
  const previous = await cache.match('/');
  await cache.put('/', response.clone());
  if (await isNewBuild(previous, response)) await keepBuild(cache);
}

// Network first, for what may change under the same address: the page, and
// files outside the build. Navigation preload (enabled at activation) has the
// browser ask the network for a page while this worker starts, not after.
// Storing waits for nothing the page needs: the page gets the response at once
// and the worker is kept alive (waitUntil) until it is stored.
async function networkFirst(event, key, store) {
  const cache = await caches.open(CACHE);
  try {
    const response = (await event.preloadResponse) ?? (await fetch(event.request));
    if (response.ok) event.waitUntil(store(cache, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(key);
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
  if (request.mode === 'navigate') event.respondWith(networkFirst(event, '/', rememberPage));
  else if (url.pathname.startsWith(ASSETS)) event.respondWith(cacheFirstAsset(event));
  else event.respondWith(networkFirst(event, request, (cache, response) => cache.put(request, response)));
});
