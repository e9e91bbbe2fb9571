import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // The engine's worker starter (src/lib/db/engine-worker.js) is a file of its own: a worker from a data:
    // URL would have no origin (and no service worker), so it is never inlined however small.
    assetsInlineLimit: (file) => (file.endsWith('/engine-worker.js') ? false : undefined)
  },
  server: { fs: { allow: ['..'] } },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core (Vitest's default leaves one idle: on the 2-core CI machine the files ran one at a time), and
    // the modules every file loads (DuckDB-WASM's bindings, the built-in frameworks, the unit lists) loaded
    // once per worker instead of once per file. No test keeps state in a shared module or mocks one
    // (settle.test.ts's fake timers are undone after each test). Unit suite 600 s → 258 s on 2 cores.
    maxWorkers: Math.max(2, availableParallelism()),
    isolate: false
  }
});
