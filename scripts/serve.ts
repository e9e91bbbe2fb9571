/**
 * `npm start` serves the built site (build/) with sirv, a maintained static file server (the one
 * `vite preview` uses inside), as a host in a province office would: the pre-compressed `.br`/`.gz` copies
 * that `scripts/precompress.ts` wrote when the browser accepts them (with `Vary: Accept-Encoding`), the
 * content types of build-files.ts (application/wasm for the DuckDB WASM), and the cache headers of
 * cache-policy.ts (a year for the hashed `_app/immutable/` files, revalidation for pages and the service
 * worker, ETags for the 304s).
 *
 *   tsx scripts/serve.ts [--port 4173] [--host 127.0.0.1] [--dir build]
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { buildFileType } from './build-files';
import { cacheControlFor } from './cache-policy';

/** What was sent for one request (for the benchmark, bench/offline.ts). */
export interface Sent {
  path: string;
  status: number;
  /** Bytes of the body on the wire (compressed when `encoding` is set). */
  bytes: number;
  encoding: string | null;
  type: string | null;
}

export function startServer(
  dir: string,
  port: number,
  host: string,
  onSent?: (sent: Sent) => void
): Promise<Server> {
  const serve = sirv(dir, {
    brotli: true,
    gzip: true,
    etag: true,
    // No SPA fallback: every page is prerendered (svelte.config.js has `fallback: undefined`).
    single: false,
    setHeaders(response, pathname) {
      response.setHeader('Cache-Control', cacheControlFor(pathname));
      const known = buildFileType(pathname);
      if (known) response.setHeader('Content-Type', known.type);
      response.setHeader('X-Content-Type-Options', 'nosniff');
    }
  });
  const server = createServer((request, response) => {
    if (onSent)
      response.once('finish', () =>
        onSent({
          path: new URL(request.url ?? '/', 'http://x').pathname,
          status: response.statusCode,
          bytes: Number(response.getHeader('content-length') ?? 0),
          encoding: (response.getHeader('content-encoding') as string | undefined) ?? null,
          type: (response.getHeader('content-type') as string | undefined) ?? null
        })
      );
    serve(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.setHeader('Cache-Control', 'no-cache');
      response.end('ไม่พบหน้านี้ (404 not found)');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : fallback;
  };
  const dir = path.resolve(option('dir', 'build'));
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`${dir}/index.html not found: run \`npm run build\` first`);
    process.exit(1);
  }
  const port = Number(option('port', '4173'));
  const host = option('host', 'localhost');
  await startServer(dir, port, host);
  console.log(`Scoreboard: http://${host}:${port}/ (serving ${path.relative(process.cwd(), dir) || '.'})`);
}
