/*
 * CalmDesk service worker: lets the app shell and the breathing pacer (/breathe) open offline
 * after one visit, and never touches the API.
 *
 * - The precache list comes from /sw-precache.js, written by the build (vite.config.ts) with the
 *   hashed file names of this build. The browser re-checks imported scripts for changes, so a new
 *   build installs a new worker and drops the old caches.
 * - Navigations: network first (always the newest app when online); offline, the cached app shell.
 * - Built files (/assets/…, hashed): cache first, then the network (and kept for next time).
 * - /api/… and anything not GET or not same-origin: straight to the network, never cached, so no
 *   private self-care entry ever lands in a cache.
 */
/* global self, caches, fetch, importScripts, URL, Response */
importScripts('/sw-precache.js');

const PRECACHE = self.CALMDESK_PRECACHE || { version: 'dev', urls: [] };
const CACHE_NAME = `calmdesk-${PRECACHE.version}`;
const SHELL_URL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE_NAME)
      .then((cache) => cache.addAll(PRECACHE.urls))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('calmdesk-') && key !== CACHE_NAME).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

function isApi(url) {
  return url.pathname === '/api' || url.pathname.startsWith('/api/');
}

async function networkFirstNavigation(request) {
  try {
    const response = await fetch(request);
    // Every client-side route answers with the same index.html: keep the newest as the shell.
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const cache = await caches.open(CACHE_NAME);
      await cache.put(SHELL_URL, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(SHELL_URL, { cacheName: CACHE_NAME });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE_NAME });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE_NAME);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstNavigation(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.urls.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
