// envgrid service worker (hand-written; built into dist/sw.js by the precache plugin in vite.config.ts).
// - App shell: index.html, the entry chunk, the login and field-app chunks and their CSS are cached on
//   install, so the field app opens with no network.
// - Navigations: network first, the cached shell when offline.
// - /assets/*: hashed and immutable, cache first (anything not precached is cached on first use).
// - GET /api/session: network first, the last answer when offline (the app needs to know who is signed in).
//   Other API calls are never cached here; the field app keeps its own due list and outbox.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const SHELL = `envgrid-shell-${VERSION}`;
const RUNTIME = "envgrid-runtime";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(["/", ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("envgrid-shell-") && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackKey) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(fallbackKey ?? request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(fallbackKey ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(RUNTIME);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, SHELL, "/"));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === "/api/session") {
    event.respondWith(networkFirst(request, RUNTIME));
  }
});
