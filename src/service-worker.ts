/// <reference types="@sveltejs/kit" />
/// <reference lib="webworker" />
/**
 * The offline service worker (issue 15): after one visit the app, its DuckDB engine and the demo data come
 * from Cache Storage, so a repeat visit starts without waiting for the line and works with the network off.
 * What is stored and how each request is answered: src/lib/offline/cache-plan.ts. Registered by
 * src/lib/offline/register.ts in the built site only, once the first visit is idle.
 *
 * Updates: a new version installs beside the running one (its chunks copied from the old cache where the
 * hashed name is the same, so an update downloads only what changed) and waits. The page then offers
 * "มีรุ่นใหม่ — โหลดใหม่"; the button sends `skip-waiting` and the page reloads. Without it, the new version
 * takes over when every tab of the app has been closed. The workspace (IndexedDB) is never touched.
 */
import { build, files, prerendered, version } from '$service-worker';
import {
  NETWORK_TIMEOUT_MS,
  cacheName,
  precacheList,
  staleCaches,
  strategyFor
} from '#lib/offline/cache-plan';
import { hasWasmExceptions } from '#lib/offline/wasm-features';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
const scope = () => sw.registration.scope;

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const urls = precacheList({ build, files, prerendered }, hasWasmExceptions()).map(
    (path) => new URL(path, scope()).href
  );
  await Promise.all(
    urls.map(async (url) => {
      if (strategyFor({ method: 'GET', url }, scope()) === 'cache-first') {
        // Same hashed name in an older version's cache: the same bytes, no download.
        const old = await caches.match(url);
        if (old) return cache.put(url, old);
        // Otherwise the browser's HTTP cache usually has it from the visit that registered this worker.
        return cache.add(url);
      }
      // Pages and demo data: revalidated, so the copy is this version's.
      return cache.add(new Request(url, { cache: 'no-cache' }));
    })
  );
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of staleCaches(await caches.keys(), CACHE)) await caches.delete(key);
      // The first version takes the open tab at once, so that it works offline without a reload.
      await sw.clients.claim();
    })()
  );
});

sw.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'skip-waiting') void sw.skipWaiting();
  // The page is still nobody's after activate's claim (register.svelte.ts askToBeClaimed): take it.
  if (type === 'claim') event.waitUntil(sw.clients.claim().catch(() => undefined));
});

async function fromCache(request: Request): Promise<Response | undefined> {
  const cache = await caches.open(CACHE);
  // Pages are stored under their path; the view is in the query (?framework=…&period=…). The stored copy
  // varies only by Accept-Encoding, which the browser adds below the page's reach.
  return cache.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
}

async function cacheFirst(request: Request): Promise<Response> {
  return (await fromCache(request)) ?? fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
  const network = fetch(request);
  const timeout = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), NETWORK_TIMEOUT_MS)
  );
  try {
    const first = await Promise.race([network, timeout]);
    if (first !== 'timeout') return first;
    const cached = await fromCache(request);
    return cached ?? (await network);
  } catch (error) {
    const cached = await fromCache(request);
    if (cached) return cached;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const strategy = strategyFor(request, scope());
  if (strategy === 'network-only') return;
  event.respondWith(strategy === 'cache-first' ? cacheFirst(request) : networkFirst(request));
});
