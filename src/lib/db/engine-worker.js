/*
 * Starts DuckDB-WASM's own worker (its URL is this worker's name: same origin only) so that the browser keeps
 * the compiled engine between visits. DuckDB-WASM fetches its .wasm through a TransformStream when one exists
 * (to report download progress, which the app does not use); the compile then sees a Response made in script,
 * for which Chromium never keeps compiled code, so every start compiled the 34 MB engine again. Without the
 * TransformStream it compiles the fetched Response itself (WebAssembly.instantiateStreaming), whose compiled
 * code Chromium's code cache keeps. Loaded as a file of its own (browser.ts imports its URL), not bundled.
 */
/* global importScripts */
(() => {
  const url = new URL(self.name, self.location.href);
  if (url.origin !== self.location.origin) throw new Error('engine-worker.js: DuckDB worker not same-origin');
  Reflect.set(self, 'TransformStream', undefined);
  importScripts(url.href);
})();
