/**
 * What the service worker (src/service-worker.ts) keeps and how it answers each request. Pure: no DOM, no
 * service-worker globals, so it is unit-tested (cache-plan.test.ts).
 *
 * - One Cache Storage cache per app version (`scoreboard-<version>`); on activate every other cache of
 *   ours is deleted, never anything else (the workspace lives in IndexedDB, which the worker never touches).
 * - The precache: the app shell (every prerendered page, the JS/CSS chunks, the fonts), the DuckDB worker
 *   and WASM of the bundle this browser runs (DuckDB-WASM's `selectBundle` picks the exception-handling
 *   build where WebAssembly exceptions work, MVP elsewhere: only that one is stored, 34 MB, not both), and
 *   the demo data (static/).
 * - Hashed files (`/_app/immutable/…`) never change under their name: cache first.
 * - Pages and the unhashed files (demo CSVs, version.json …): network first, so an online visit always gets
 *   the current version, falling back to this version's copy when the network fails or is slower than
 *   `NETWORK_TIMEOUT_MS` (a slow line). What the network returns is never written into the cache: the
 *   cached pages always belong to the cached chunks of the same version.
 */
export const CACHE_PREFIX = 'scoreboard-';
export const NETWORK_TIMEOUT_MS = 4000;

export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** Our caches other than the current one (to delete on activate); other caches are left alone. */
export function staleCaches(keys: readonly string[], current: string): string[] {
  return keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== current);
}

const DUCKDB_EH = /\/duckdb-(browser-)?eh[.-][^/]*$/;
const DUCKDB_MVP = /\/duckdb-(browser-)?mvp[.-][^/]*$/;

/**
 * The URLs to store at install: `build` and `files` of `$service-worker` and the prerendered pages, with
 * the DuckDB bundle this browser does not run left out.
 */
export function precacheList(
  assets: { build: readonly string[]; files: readonly string[]; prerendered: readonly string[] },
  wasmExceptions: boolean
): string[] {
  const unused = wasmExceptions ? DUCKDB_MVP : DUCKDB_EH;
  const all = [...assets.prerendered, ...assets.build, ...assets.files].filter(
    (url) => !unused.test(url) && !/\.(br|gz)$/.test(url)
  );
  return [...new Set(all)];
}

export type Strategy = 'cache-first' | 'network-first' | 'network-only';

/** How the worker answers a request (`scope` is the site's base URL, e.g. `http://host/` or `http://host/app/`). */
export function strategyFor(request: { method: string; url: string }, scope: string): Strategy {
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return 'network-only';
  const path = request.url.slice(scope.length).split(/[?#]/)[0];
  // SvelteKit's version check must see the server's answer; the worker script is fetched by the browser.
  if (path === '_app/version.json' || path === 'service-worker.js') return 'network-only';
  if (path.startsWith('_app/immutable/')) return 'cache-first';
  return 'network-first';
}
