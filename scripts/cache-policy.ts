/**
 * Cache-Control for each path of the built site, the same for `scripts/serve.ts` (npm start) and the host
 * configs in deploy/:
 * - `/_app/immutable/…` has the content hash in its name: cached for a year, never revalidated;
 * - everything else (pages, `service-worker.js`, `_app/version.json`, the demo CSVs, fonts outside
 *   `_app`) is revalidated on every use (`no-cache` = "ask first", answered 304 when unchanged), so a new
 *   version is seen at once and the service worker is never stuck on an old copy.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function cacheControlFor(pathname: string): string {
  return pathname.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE;
}
