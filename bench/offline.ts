/**
 * Issue 15: the first visit on a slow office line and the repeat visit with the network off, in headless
 * Chromium against the server `npm start` runs (scripts/serve.ts: the pre-compressed .br/.gz copies, the
 * cache headers). `npm run bench -- first-visit` runs these alone (bench/run.ts).
 *
 * - First visit: a fresh profile; Chromium's network throttled over CDP (`Network.emulateNetworkConditions`:
 *   10 Mbit/s down, 5 Mbit/s up, 40 ms round trip) on the page's target (DuckDB's worker fetches the WASM
 *   itself: `workerThrottled` checks that its download took the time 10 Mbit/s needs); time from navigation start to
 *   the frame that paints the demo league table's first rows. The bytes are counted by the server.
 * - Then the service worker registers (the page idle) and stores the app: time until it controls the page.
 * - Repeat visit, offline: the same profile, the server stopped and CDP `offline: true`; time from
 *   navigation start to the table's first rows, a few times.
 */
import { chromium, type CDPSession, type Page } from 'playwright-core';
import type { Server } from 'node:http';
import { statSync } from 'node:fs';
import path from 'node:path';
import { startServer, type Sent } from '../scripts/serve';
import { REPO_DIR } from './child';
import { timing } from './stats';

const BUILD_DIR = path.join(REPO_DIR, 'build');
const TABLE_NAME = 'อันดับอำเภอ';
export const SLOW_LINE = {
  offline: false,
  latency: 40,
  downloadThroughput: 10e6 / 8,
  uploadThroughput: 5e6 / 8
};
export const TARGETS = { firstVisitMs: 8000, repeatOfflineMs: 1500 };

/** performance.now() (from navigation start) of the frame after the league table has its first row. */
async function tableShownAt(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForFunction(
    (name) =>
      (document.querySelector(`table[aria-label="${name}"]`)?.querySelectorAll('tbody tr').length ?? 0) > 0,
    TABLE_NAME,
    { polling: 'raf', timeout: timeoutMs }
  );
  return page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))
  );
}

/** Applies network conditions to the page's target (Chromium applies them to its dedicated workers too). */
async function emulate(session: CDPSession, conditions: typeof SLOW_LINE): Promise<void> {
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', conditions);
}

function sizeOf(file: string): number | null {
  try {
    return statSync(path.join(BUILD_DIR, file)).size;
  } catch {
    return null;
  }
}

export async function runOfflineBench(options: { port: number; log: (line: string) => void; runs?: number }) {
  const { port, log } = options;
  const runs = options.runs ?? 2;
  const sent: Sent[] = [];
  let server: Server | null = await startServer(BUILD_DIR, port, '127.0.0.1', (s) => sent.push(s));
  const url = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic'
    ],
    headless: true
  });
  const first: number[] = [];
  const offline: number[] = [];
  // For comparison, on the same machine at the same moment: no throttling and no service worker — the cold
  // start (what the CPU costs) and the repeat visit from the browser's HTTP cache (online).
  const unthrottledCold: number[] = [];
  const httpCacheRepeat: number[] = [];
  let firstBytes: {
    total: number;
    byType: Record<string, number>;
    encodings: Record<string, number>;
  } | null = null;
  let workerReadyMs: number | null = null;
  let workerThrottled: boolean | null = null;
  try {
    {
      const context = await browser.newContext({
        locale: 'th-TH',
        viewport: { width: 1440, height: 900 },
        serviceWorkers: 'block'
      });
      const page = await context.newPage();
      await page.goto(url);
      unthrottledCold.push(await tableShownAt(page, 120_000));
      await page.waitForLoadState('networkidle');
      for (let i = 0; i < 2; i++) {
        await page.goto('about:blank');
        await page.goto(url);
        httpCacheRepeat.push(await tableShownAt(page, 60_000));
      }
      log(
        `  offline-bench comparison: unthrottled cold start ${Math.round(unthrottledCold[0])} ms, repeat from the HTTP cache ${httpCacheRepeat.map(Math.round).join(', ')} ms`
      );
      await context.close();
    }
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ locale: 'th-TH', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const session = await context.newCDPSession(page);
      await emulate(session, SLOW_LINE);
      sent.length = 0;
      await page.goto(url);
      const shown = await tableShownAt(page, 120_000);
      first.push(shown);
      log(`  offline-bench first visit ${run + 1}: ${Math.round(shown)} ms`);
      // What reached the table: everything the server sent until then (the worker's own later work aside).
      if (run === 0) {
        const byType: Record<string, number> = {};
        const encodings: Record<string, number> = {};
        for (const s of sent) {
          const kind = path.extname(s.path) || 'page';
          byType[kind] = (byType[kind] ?? 0) + s.bytes;
          encodings[s.encoding ?? 'none'] = (encodings[s.encoding ?? 'none'] ?? 0) + 1;
        }
        firstBytes = { total: sent.reduce((sum, s) => sum + s.bytes, 0), byType, encodings };
        // At 10 Mbit/s the WASM alone takes (bytes × 8 / 10⁷) s: a table sooner than that means the worker's
        // download was not throttled.
        const wasm = sent.find((s) => s.path.endsWith('.wasm'));
        workerThrottled = wasm ? shown >= ((wasm.bytes * 8) / 10e6) * 1000 : null;
      }
      if (run < runs - 1) {
        await context.close();
        continue;
      }
      // The service worker: registered once the page is idle, then it stores the app.
      const readyAt = await page.waitForFunction(
        () => (navigator.serviceWorker?.controller?.state === 'activated' ? performance.now() : false),
        undefined,
        { polling: 250, timeout: 180_000 }
      );
      workerReadyMs = Math.round((await readyAt.jsonValue()) as number);
      log(`  offline-bench service worker in control: ${workerReadyMs} ms after navigation start`);
      // Offline: the server is gone and Chromium is told the network is off.
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server!.closeAllConnections?.();
      server = null;
      await emulate(session, { ...SLOW_LINE, offline: true });
      await context.setOffline(true);
      for (let i = 0; i < 3; i++) {
        await page.goto('about:blank');
        await page.goto(url);
        const ms = await tableShownAt(page, 60_000);
        offline.push(ms);
        log(`  offline-bench repeat visit offline ${i + 1}: ${Math.round(ms)} ms`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  }
  const wasmFiles = ['duckdb-eh', 'duckdb-mvp'].map((name) => {
    const file = (sent.find((s) => s.path.includes(name))?.path ?? '').slice(1);
    return file ? { file, raw: sizeOf(file), br: sizeOf(`${file}.br`), gz: sizeOf(`${file}.gz`) } : { name };
  });
  const firstVisitMs = timing(first);
  const repeatOfflineMs = timing(offline);
  return {
    conditions: SLOW_LINE,
    firstVisitMs,
    firstVisitBytes: firstBytes,
    workerThrottled,
    serviceWorkerInControlMs: workerReadyMs,
    repeatOfflineMs,
    comparison: { unthrottledColdMs: timing(unthrottledCold), httpCacheRepeatMs: timing(httpCacheRepeat) },
    wasm: wasmFiles,
    targets: {
      firstVisit: { target: TARGETS.firstVisitMs, met: firstVisitMs.median < TARGETS.firstVisitMs },
      repeatOffline: {
        target: TARGETS.repeatOfflineMs,
        met: repeatOfflineMs.median < TARGETS.repeatOfflineMs
      }
    }
  };
}

type OfflineResult = Awaited<ReturnType<typeof runOfflineBench>> & {
  buildMs?: number | null;
  error?: string;
};

/** The Markdown section of these figures (its own file for `first-visit`, appended to a full run's). */
export function renderOfflineMarkdown(result: OfflineResult): string {
  const lines = ['## First visit on a slow line, repeat visit offline (issue 15)', ''];
  if (result.error) return [...lines, `Failed: ${result.error.slice(0, 1500)}`, ''].join('\n');
  const mb = (bytes: number | null | undefined) => (bytes == null ? 'n/a' : `${(bytes / 1e6).toFixed(2)} MB`);
  const ms = (t: { median: number; samples: number[] }) =>
    `${Math.round(t.median)} ms (runs: ${t.samples.map((s) => Math.round(s)).join(', ')})`;
  const c = result.conditions;
  lines.push(
    `Server: \`npm start\` (scripts/serve.ts, pre-compressed files). Chromium throttled over CDP: ` +
      `${(c.downloadThroughput * 8) / 1e6} Mbit/s down, ${(c.uploadThroughput * 8) / 1e6} Mbit/s up, ${c.latency} ms latency.`,
    '',
    '| measure | target | measured | met |',
    '|---|---|---|---|',
    `| first visit → demo league table | < ${result.targets.firstVisit.target} ms | ${ms(result.firstVisitMs)} | ${result.targets.firstVisit.met ? 'yes' : '**no**'} |`,
    `| repeat visit offline → demo league table | < ${result.targets.repeatOffline.target} ms | ${ms(result.repeatOfflineMs)} | ${result.targets.repeatOffline.met ? 'yes' : '**no**'} |`,
    `| for comparison: cold start, no throttling, no service worker | | ${ms(result.comparison.unthrottledColdMs)} | |`,
    `| for comparison: repeat visit online from the HTTP cache, no service worker | | ${ms(result.comparison.httpCacheRepeatMs)} | |`,
    '',
    `- Sent on the first visit: ${mb(result.firstVisitBytes?.total)} (` +
      Object.entries(result.firstVisitBytes?.byType ?? {})
        .sort((a, b) => b[1] - a[1])
        .map(([kind, bytes]) => `${kind} ${mb(bytes)}`)
        .join(', ') +
      `); responses by encoding: ${JSON.stringify(result.firstVisitBytes?.encodings ?? {})}.`,
    `- The WASM download was throttled too (took at least its bytes at 10 Mbit/s): ${result.workerThrottled}.`,
    `- Service worker in control of the page ${result.serviceWorkerInControlMs} ms after the first visit's navigation start.`,
    ...result.wasm.map((w) =>
      'file' in w && w.file
        ? `- ${w.file}: ${mb(w.raw)} raw, ${mb(w.br)} brotli, ${mb(w.gz)} gzip`
        : `- ${'name' in w ? w.name : '?'}: not fetched`
    ),
    result.buildMs ? `- Build (with precompress): ${result.buildMs} ms.` : '',
    ''
  );
  return lines.join('\n');
}
