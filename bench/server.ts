/**
 * A static server for the built site (build/), as a static host would serve it: gzip for text and WASM when
 * the browser accepts it (compressed once, kept in memory), `immutable` caching for the hashed files under
 * /_app/immutable/ (so a repeat visit takes the WASM from the browser's cache) and revalidation for the rest.
 * It counts the bytes it sends per file, which is how the benchmark knows what a cold start downloads.
 * Extra in-memory files (the benchmark's own page) are served under /__bench/.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.wasm', '.svg', '.txt']);

export interface SentFile {
  path: string;
  /** Bytes on the wire (gzip when sent compressed). */
  bytes: number;
  /** Size of the file itself. */
  rawBytes: number;
  type: string;
}

export interface StaticServer {
  url: string;
  /** Files sent since the last `resetLog()`. */
  log: SentFile[];
  resetLog(): void;
  close(): Promise<void>;
}

interface Entry {
  raw: Buffer;
  gzip: Buffer | null;
  type: string;
  ext: string;
}

export async function startStaticServer(
  root: string,
  port: number,
  extra: Record<string, { body: string | Buffer; type: string }> = {}
): Promise<StaticServer> {
  const cache = new Map<string, Entry>();
  const log: SentFile[] = [];

  const entryOf = (file: string): Entry => {
    let entry = cache.get(file);
    if (!entry) {
      const raw = readFileSync(file);
      const ext = path.extname(file).toLowerCase();
      entry = {
        raw,
        gzip: COMPRESSIBLE.has(ext) ? gzipSync(raw, { level: 6 }) : null,
        type: TYPES[ext] ?? 'application/octet-stream',
        ext
      };
      cache.set(file, entry);
    }
    return entry;
  };

  const resolveFile = (urlPath: string): string | null => {
    const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
    const base = path.join(root, clean);
    if (!base.startsWith(root)) return null;
    for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return null;
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const extraFile = extra[url.pathname];
    let entry: Entry;
    if (extraFile) {
      const raw = Buffer.from(extraFile.body);
      entry = { raw, gzip: null, type: extraFile.type, ext: '' };
    } else {
      const file = resolveFile(url.pathname);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
      entry = entryOf(file);
    }
    const immutable = url.pathname.startsWith('/_app/immutable/');
    const body = acceptsGzip && entry.gzip ? entry.gzip : entry.raw;
    const headers: Record<string, string> = {
      'content-type': entry.type,
      'content-length': String(body.length),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
    };
    if (body === entry.gzip) headers['content-encoding'] = 'gzip';
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
    log.push({
      path: url.pathname,
      bytes: body.length,
      rawBytes: entry.raw.length,
      type: entry.ext || entry.type
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    resetLog: () => log.splice(0, log.length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

/** Compresses every file of the built site once, so that the first measured visit is not slowed by it. */
export function warmServerCache(server: StaticServer, paths: readonly string[]): Promise<void> {
  return Promise.all(
    paths.map((p) =>
      fetch(server.url + p, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.arrayBuffer())
    )
  ).then(() => server.resetLog());
}
