/**
 * Issue 15: after one visit the app works with the network off. The service worker (src/service-worker.ts)
 * is blocked in every other test (playwright.config.ts); here it runs. One visit with an upload, the worker
 * takes the page, the network goes off, and a reload still shows the league table with the uploaded values
 * (the workspace is in IndexedDB; the app, its engine and the demo data in the worker's cache).
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStep, fileInput, importResult, leagueTable, navLink, openData } from './support/pages';

test.use({ serviceWorkers: 'allow' });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '..', 'src', 'lib', 'ingest', 'fixtures', 'seed001-budget-2565-06.csv');

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
  await openData(page);
  await fileInput(page).setInputFiles(fixture);
  await expect(checkStep(page)).toBeVisible();
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page)).toBeVisible();
  await page.goto('/?p=2565-06');
  // บางคล้า 594,515.04 of 721,070 = 82.4% → level 1 (the uploaded value; the demo has none for it).
  await expect(t1Chip(page, 'บางคล้า')).toHaveText('1');

  // The worker registers once the page is idle, stores the app, and takes the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
    timeout: 120_000
  });
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
  expect(await networkAnswers(page)).toBe(true);
});
