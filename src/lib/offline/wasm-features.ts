/**
 * Whether this engine runs WebAssembly exception handling — the test DuckDB-WASM's `selectBundle` makes
 * to choose its `eh` bundle over `mvp` (a module whose one function has a try block). The service worker
 * asks the same question so that it stores the bundle the page will load.
 */
const EH_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11
]);

export function hasWasmExceptions(): boolean {
  try {
    return WebAssembly.validate(EH_PROBE);
  } catch {
    return false;
  }
}
