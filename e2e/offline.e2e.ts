/**
 * Issue 15: after one visit the app works with the network off. The service worker (src/service-worker.ts)
 * is blocked in every other test (playwright.config.ts); here it runs. One visit with an upload, the worker
 * takes the page, the network goes off, and a reload still shows the league table with the uploaded values
 * (the workspace is in IndexedDB; the app, its engine and the demo data in the worker's cache).
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startServer } from '../scripts/serve';
import { checkStep, fileInput, importResult, leagueTable, navLink, openData } from './support/pages';

test.use({ serviceWorkers: 'allow' });
// Twice in fresh-clone CI runs (63 specs before it on 2 cores) the first worker never took the page within
// 120 s, while the spec passed alone and in other full runs (also with CI=true). The page now registers
// again after a failed first install (register.svelte.ts, INSTALL_RETRY_MS), and a timeout here says where
// the registration stood. It showed the cause: worker activated, caches stored, no controller (activate's
// clients.claim() left the page out); the page now asks an activated worker to claim it (askToBeClaimed).
// One retry stays until runs show the timeout gone.
test.describe.configure({ retries: 1 });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '..', 'src', 'lib', 'ingest', 'fixtures', 'seed001-budget-2565-06.csv');
const buildDir = path.join(here, '..', 'build');
/** The second test's own server (the `npm start` one, on a copy of build/): E2E_PORT + 50. */
const updatePort = Number(process.env.E2E_PORT ?? 4173) + 50;

/** One upload through the Data view, committed. */
async function uploadBudget(page: Page, dataUrl = '/data/?p=2565-06') {
  if (dataUrl === '/data/?p=2565-06') await openData(page);
  else {
    await page.goto(dataUrl);
    await expect(fileInput(page)).toBeEnabled();
  }
  await fileInput(page).setInputFiles(fixture);
  await expect(checkStep(page)).toBeVisible();
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page)).toBeVisible();
}

function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/** Waits until a worker controls the page; if none does, fails saying where the registration stands. */
async function waitForWorker(page: Page) {
  try {
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
      timeout: 120_000
    });
  } catch (error) {
    const where = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const state = (worker: ServiceWorker | null | undefined) => worker?.state ?? 'none';
      return JSON.stringify({
        idle: document.documentElement.dataset.idle,
        registered: Boolean(registration),
        installing: state(registration?.installing),
        waiting: state(registration?.waiting),
        active: state(registration?.active),
        controller: state(navigator.serviceWorker.controller),
        caches: await caches.keys()
      });
    });
    throw new Error(`no worker took the page within 120 s: ${where}`, { cause: error });
  }
}

/** The T1 level chip of a district in the league table (as in data.e2e.ts). */
function t1Chip(page: Page, district: string) {
  return leagueTable(page)
    .locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${district}$`) }) })
    .locator('td.kpi')
    .first();
}

/** Whether a request that the worker leaves to the network gets an answer (false: really offline). */
function networkAnswers(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    fetch(`/_app/version.json?probe=${Date.now()}`, { cache: 'no-store' }).then(
      (response) => response.ok,
      () => false
    )
  );
}

test('after one visit the app and the uploaded data work with the network off', async ({ page, context }) => {
  test.setTimeout(240_000);
  // The one visit: the Data view, an upload (seed 001's budget table for June 2565), the league table.
  await uploadBudget(page);
  await page.goto('/?p=2565-06');
  // บางคล้า 594,515.04 of 721,070 = 82.4% → level 1 (the uploaded value; the demo has none for it).
  await expect(t1Chip(page, 'บางคล้า')).toHaveText('1');

  // The worker registers once the page is idle, stores the app, and takes the page.
  await waitForWorker(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((key) => key.startsWith('scoreboard-'))!);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
  expect(cached).toContain('/');
  expect(cached.some((url) => /duckdb-eh\..*\.wasm$/.test(url))).toBe(true);
  expect(cached.some((url) => /duckdb-mvp/.test(url))).toBe(false); // only the bundle this browser runs
  expect(cached).toContain('/demo/chachoengsao-2565-r2.csv');

  await context.setOffline(true);
  expect(await networkAnswers(page)).toBe(false);
  await page.reload();
  await expect(leagueTable(page).locator('tbody tr').first()).toBeVisible();
  await expect(t1Chip(page, 'บางคล้า')).toHaveText('1');

  // Other views, offline: by link (in the page) and by address (a new page load from the cache).
  await navLink(page, 'ข้อมูล').click();
  await expect(page.getByRole('table', { name: 'ไฟล์ที่นำเข้าแล้ว' })).toContainText('seed001-budget-2565-06.csv');
  await page.goto('/rules/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await context.setOffline(false);
  await expect.poll(() => networkAnswers(page), { timeout: 15_000 }).toBe(true);
});

test('a new version is offered, and taken without losing the stored data', async ({ browser }) => {
  test.setTimeout(360_000);
  // A copy of the build (hard links) served by the `npm start` server, so that its worker can change.
  const dir = mkdtempSync(path.join(tmpdir(), 'scoreboard-update-'));
  execFileSync('cp', ['-al', `${buildDir}/.`, dir]);
  const origin = `http://127.0.0.1:${updatePort}`;
  let server: Server = await startServer(dir, updatePort, '127.0.0.1');
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'th-TH' });
  try {
    const page = await context.newPage();
    await uploadBudget(page, `${origin}/data/?p=2565-06`);
    await waitForWorker(page);
    const version = (
      JSON.parse(readFileSync(path.join(dir, '_app', 'version.json'), 'utf8')) as { version: string }
    ).version;
    expect(await cacheNames(page)).toEqual([`scoreboard-${version}`]);
    await expect(page.getByRole('button', { name: 'โหลดใหม่' })).toHaveCount(0);

    // The next version is deployed: a new service worker (another version, so another cache name).
    const worker = path.join(dir, 'service-worker.js');
    const next = readFileSync(worker, 'utf8').replaceAll(version, `${version}1`);
    // Hard links into build/: replaced, not written through; with its pre-compressed copies, as a build writes.
    for (const [file, bytes] of [
      [worker, Buffer.from(next)],
      [`${worker}.br`, brotliCompressSync(next)],
      [`${worker}.gz`, gzipSync(next)]
    ] as const) {
      rmSync(file, { force: true });
      writeFileSync(file, bytes);
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    server = await startServer(dir, updatePort, '127.0.0.1');

    // The page still runs the old version and offers the new one.
    await page.goto(`${origin}/?p=2565-06`);
    const reload = page.getByRole('button', { name: 'โหลดใหม่' });
    await expect(reload).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('status').filter({ has: reload })).toContainText('มีรุ่นใหม่');
    expect(await cacheNames(page)).toContain(`scoreboard-${version}`);
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await reload.click();
    await reloaded;
    // The new version took over and deleted the old cache; the upload is still there.
    await expect(t1Chip(page, 'บางคล้า')).toHaveText('1');
    await expect
      .poll(() => cacheNames(page).catch(() => []), { timeout: 60_000 })
      .toEqual([`scoreboard-${version}1`]);
    await expect(reload).toHaveCount(0);
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    rmSync(dir, { recursive: true, force: true });
  }
});
