/**
 * Issue 7 §5 in the browser: no loss under failure. The browser's storage is full (real IndexedDB quota errors,
 * and writes that throw QuotaExceededError), the tab is reloaded or closed in the middle of an import (while the
 * file is read, while the upload record's IndexedDB transaction is still open, right after it committed), and a
 * second tab works on the same workspace (a stale check step, two imports pressed at the same moment). After
 * each, the stored workspace is consistent: what the tab shows and what a fresh page shows match what was
 * stored, every stored upload is whole, and nothing one tab stored is lost or overwritten by the other.
 *
 * Expected values come from the files and the rules, not from the app: seed 001's June budget table gives
 * บางคล้า 594,515.04 of 721,070 baht = 82.4 % → T1 level 1 (bands 80/85/90/95/100 %), the corrected file
 * 640,215.04 = 88.8 % → level 2; a first upload adds all 11 values (it is compared with real data only, never
 * with the demo, issue 11), and the corrected file changes 2 values of the budget table (บางคล้า's result and
 * คลองเขื่อน's target).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStep, fileInput, importResult, leagueTable, navLink, openData, toData } from './support/pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'src', 'lib', 'ingest', 'fixtures');
const BUDGET = path.join(fixtures, 'seed001-budget-2565-06.csv');
const CORRECTED = path.join(fixtures, 'seed001-budget-2565-06-corrected.csv');
const BUDGET_NAME = 'seed001-budget-2565-06.csv';
const CORRECTED_NAME = 'seed001-budget-2565-06-corrected.csv';
const FRAMEWORK_FILES = [
  path.join(here, 'fixtures', 'upload-framework', 'framework.csv'),
  path.join(here, 'fixtures', 'upload-framework', 'kpis.csv'),
  path.join(here, 'fixtures', 'upload-framework', 'levels.csv'),
  path.join(here, 'fixtures', 'upload-results.csv')
];
/** บางคล้า's June T1 chip after each file (see above). */
const LEVEL_AFTER = { [BUDGET_NAME]: '1', [CORRECTED_NAME]: '2' } as Record<string, string>;

/**
 * A results file that takes a while to read (45,000 lines, 2 MB; all but 11 repeat a district, KPI and month),
 * so that the tab can be reloaded or closed while the reading is shown.
 */
function slowFile() {
  const units = ['เมืองฉะเชิงเทรา', 'บางคล้า', 'บางน้ำเปรี้ยว', 'บางปะกง', 'บ้านโพธิ์', 'พนมสารคาม', 'ราชสาส์น'];
  const lines = ['อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน'];
  for (let i = 0; i < 45_000; i++) lines.push(`${units[i % units.length]},T1,2565-06,${i}`);
  return { name: 'ยาว.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

function reading(page: Page) {
  return page.getByRole('progressbar', { name: 'กำลังอ่านไฟล์' });
}

/** What the tests exercised, printed at the end (the note lists the counts). */
const counted = { scenarios: 0, storeChecks: 0, uploadsChecked: 0, pagesCompared: 0 };

interface Hooks {
  __quota: boolean;
  __uploadWrites: number;
  __hold: boolean;
  __held: boolean;
  __reloadWhenStored: boolean;
  __uploadLoads: number;
  __stallLoad: boolean;
  __stalled: boolean;
}

/**
 * In every page of the context, IndexedDB's `add`/`put` are wrapped: they throw QuotaExceededError (as a browser
 * may, synchronously) while `__quota` is set; `__hold` keeps the transaction that writes an upload record open
 * (it commits only once it has nothing left to do, so a chain of reads holds it) until the page goes away, and
 * sets `__held`; `__reloadWhenStored` reloads the page the moment that transaction has committed. `getAll` on
 * the uploads counts `__uploadLoads` (so does `getAllKeys`, which a tab reads before every change), and with
 * `__stallLoad` the next one hands its result to the page only
 * once the test clears `__stalled`: the tab stops right after it read the stored workspace.
 */
async function instrumentStorage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as Hooks;
    Object.assign(w, {
      __quota: false,
      __uploadWrites: 0,
      __hold: false,
      __held: false,
      __reloadWhenStored: false,
      __uploadLoads: 0,
      __stallLoad: false,
      __stalled: false
    });
    // What a tab reads of the uploads before a change: their keys (which records are stored), and all of
    // them when another tab changed something.
    for (const method of ['getAll', 'getAllKeys'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['getAll']>
      ) {
        const request = original.apply(this, args);
        if (this.name !== 'uploads') return request;
        w.__uploadLoads++;
        if (!w.__stallLoad) return request;
        Object.assign(w, { __stallLoad: false, __stalled: true });
        // The page's `onsuccess` is kept aside and called once the test lets go.
        let handler: IDBRequest['onsuccess'] = null;
        Object.defineProperty(request, 'onsuccess', {
          get: () => handler,
          set: (value) => (handler = value)
        });
        request.addEventListener('success', (event) => {
          const deliver = () => (w.__stalled ? setTimeout(deliver, 20) : handler?.call(request, event));
          deliver();
        });
        return request;
      } as IDBObjectStore['getAll'];
    }
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['add']>
      ) {
        if (w.__quota && this.name !== 'settings') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        const request = original.apply(this, args);
        if (this.name === 'uploads') {
          w.__uploadWrites++;
          if (w.__hold) {
            const keepOpen = (store: IDBObjectStore) => {
              const again = () => (store.count().onsuccess = again);
              again();
            };
            keepOpen(this);
            w.__held = true;
          }
          if (w.__reloadWhenStored) this.transaction.addEventListener('complete', () => location.reload());
        }
        return request;
      } as IDBObjectStore['add'];
    }
  });
}

async function setHook(page: Page, hook: Partial<Hooks>): Promise<void> {
  await page.evaluate((values) => Object.assign(window, values), hook);
}

interface StoredUploadShape {
  file: string;
  seq: number;
  counts: Record<string, number>;
  columns: number[];
}

/** The stored uploads, read straight from IndexedDB: file, seq, counts and the length of each packed column. */
async function storedUploads(page: Page): Promise<StoredUploadShape[]> {
  counted.storeChecks++;
  const uploads = await page.evaluate(
    () =>
      new Promise<StoredUploadShape[]>((resolve, reject) => {
        const open = indexedDB.open('scoreboard-workspace');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('uploads').objectStore('uploads').getAll();
          all.onsuccess = () => {
            type Raw = {
              file: string;
              seq: number;
              counts: Record<string, number>;
              rows: Record<string, unknown[]>;
            };
            // Rows DuckDB read stay packed (count rows of eight US-separated fields); others are columns.
            type Packed = { packing: string; count: number; text: string };
            const columns = (rows: Raw['rows']): number[] => {
              if (!('packing' in rows)) return Object.values(rows).map((column) => column.length);
              const packed = rows as unknown as Packed;
              return [packed.count, packed.text === '' ? 0 : packed.text.split('\u001f').length / 8];
            };
            resolve(
              (all.result as Raw[])
                .map((upload) => ({
                  file: upload.file,
                  seq: upload.seq,
                  counts: upload.counts,
                  columns: columns(upload.rows)
                }))
                .sort((a, b) => a.seq - b.seq)
            );
            db.close();
          };
        };
      })
  );
  for (const upload of uploads) expectWhole(upload);
  return uploads;
}

/** An upload is whole: every packed column has one entry per new or changed value. */
function expectWhole(upload: StoredUploadShape): void {
  counted.uploadsChecked++;
  const written = upload.counts.added + upload.counts.changed;
  expect(written, `${upload.file}: values written`).toBeGreaterThan(0);
  expect(upload.columns.length, `${upload.file}: packed columns`).toBeGreaterThan(0);
  expect(upload.columns, `${upload.file}: every column whole`).toEqual(upload.columns.map(() => written));
}

function uploadsTable(page: Page) {
  return page.getByRole('table', { name: 'ไฟล์ที่นำเข้าแล้ว' });
}

/** บางคล้า's T1 chip in the league table. */
function bangKhlaT1(page: Page) {
  return leagueTable(page)
    .locator('tbody tr', { has: page.locator('th', { hasText: /^บางคล้า$/ }) })
    .locator('td.kpi')
    .first();
}

/** Picks files and waits for the check step (nothing is stored yet). */
async function check(page: Page, files: string | string[]): Promise<void> {
  await expect(fileInput(page)).toBeEnabled();
  await fileInput(page).setInputFiles(files);
  await expect(checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true })).toBeEnabled();
}

function confirm(page: Page) {
  return checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
}

/** Picks files, presses "นำเข้า" and waits for the result. */
async function importFiles(page: Page, files: string | string[]): Promise<void> {
  await check(page, files);
  await confirm(page);
  await expect(importResult(page)).toBeVisible();
}

/** June's league table as this tab shows it now (the in-page workspace, no reload: a link in the app). */
async function leagueInTab(page: Page): Promise<string> {
  counted.pagesCompared++;
  await navLink(page, 'อันดับ').click();
  await expect(leagueTable(page).locator('tbody tr')).toHaveCount(11);
  return leagueTable(page).innerText();
}

/** June's league table on a fresh load of the page (rebuilt from the stored workspace). */
async function leagueLoaded(page: Page): Promise<string> {
  counted.pagesCompared++;
  await page.goto('/?f=chachoengsao-2565-r2&p=2565-06');
  await expect(leagueTable(page).locator('tbody tr')).toHaveCount(11);
  return leagueTable(page).innerText();
}

test.afterAll(() => {
  console.log(
    `[failure] ${counted.scenarios} failure scenarios, ${counted.storeChecks} reads of the stored workspace, ` +
      `${counted.uploadsChecked} stored uploads checked whole, ${counted.pagesCompared} league tables compared`
  );
});

test('storage full: the browser refuses every write — an upload or a framework is not imported, what was stored stays', async ({
  playwright,
  launchOptions,
  baseURL
}) => {
  // The browser's own quota: Chromium reads an origin's quota when its storage is first used in a browser, so
  // the quota is lowered (DevTools protocol) in a second browser on the same profile, before the page opens.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'scoreboard-quota-'));
  const browsers: BrowserContext[] = [];
  const launch = async () => {
    const browser = await playwright.chromium.launchPersistentContext(profile, {
      ...launchOptions,
      baseURL,
      locale: 'th-TH',
      viewport: { width: 1440, height: 900 }
    });
    browsers.push(browser);
    return browser;
  };
  try {
    const first = await launch();
    const page = first.pages()[0] ?? (await first.newPage());
    await openData(page);
    await importFiles(page, BUDGET);
    const before = await leagueInTab(page);
    await expect(bangKhlaT1(page)).toHaveText(LEVEL_AFTER[BUDGET_NAME]);
    await first.close();

    const full = await launch();
    await instrumentStorage(full);
    const tab = full.pages()[0] ?? (await full.newPage());
    const cdp = await full.newCDPSession(tab);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1 });
    expect(await leagueLoaded(tab)).toBe(before);

    // An upload: IndexedDB aborts its transaction with QuotaExceededError.
    counted.scenarios++;
    await toData(tab);
    await importFiles(tab, CORRECTED);
    await expect(importResult(tab)).toContainText('พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม (QuotaExceededError)');
    await expect(importResult(tab)).toContainText('ข้อมูลเดิมไม่เปลี่ยน');
    await expect(uploadsTable(tab).locator('tbody tr')).toHaveCount(1);
    expect(await leagueInTab(tab)).toBe(before);

    // A framework with its results: nothing of the import is kept.
    counted.scenarios++;
    await toData(tab);
    await check(tab, FRAMEWORK_FILES);
    await confirm(tab);
    await expect(tab.getByRole('alert').filter({ hasText: 'จึงไม่ได้นำเข้าไฟล์ใดเลย' })).toContainText(
      'QuotaExceededError'
    );
    const frameworkOption = tab
      .getByRole('combobox', { name: 'กรอบการประเมิน' })
      .locator('option', { hasText: 'ทดสอบ: การเบิกจ่าย' });
    await expect(frameworkOption).toHaveCount(0);

    // A write that throws at once (as a browser may when it already knows the quota is gone).
    counted.scenarios++;
    await setHook(tab, { __quota: true });
    await importFiles(tab, CORRECTED);
    await expect(importResult(tab)).toContainText('พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม (QuotaExceededError)');
    await expect(uploadsTable(tab).locator('tbody tr')).toHaveCount(1);
    expect(await leagueInTab(tab)).toBe(before);

    // A fresh page builds the same workspace from the store: the first upload, whole, and nothing else.
    expect(await leagueLoaded(tab)).toBe(before);
    await expect(bangKhlaT1(tab)).toHaveText(LEVEL_AFTER[BUDGET_NAME]);
    expect((await storedUploads(tab)).map((u) => u.file)).toEqual([BUDGET_NAME]);
    await expect(frameworkOption).toHaveCount(0);
    await full.close();
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});

test('reload in the middle of an import: while reading, at the check step, during the store write, right after it', async ({
  page,
  context
}) => {
  await instrumentStorage(context);
  const before = await leagueLoaded(page);

  // While the file is being read, and once the check step is shown (read and compared, not committed): a
  // reload keeps nothing.
  for (const when of ['reading', 'check step'] as const) {
    counted.scenarios++;
    await toData(page);
    if (when === 'reading') {
      await expect(fileInput(page)).toBeEnabled();
      await fileInput(page).setInputFiles(slowFile());
      await expect(reading(page)).toBeVisible();
    } else await check(page, BUDGET);
    await page.reload();
    await expect(fileInput(page)).toBeEnabled();
    await expect(page.getByText('ยังไม่ได้นำเข้าไฟล์ผลการดำเนินงาน')).toBeVisible();
    expect(await storedUploads(page)).toEqual([]);
    expect(await leagueInTab(page)).toBe(before);
  }

  // Reloaded while the upload record's transaction is open: IndexedDB drops it whole.
  counted.scenarios++;
  await toData(page);
  await check(page, BUDGET);
  await setHook(page, { __hold: true });
  await confirm(page);
  await page.waitForFunction(() => (window as unknown as Hooks).__held);
  await page.reload();
  await expect(fileInput(page)).toBeEnabled();
  expect(await storedUploads(page)).toEqual([]);
  await expect(uploadsTable(page)).toHaveCount(0);
  expect(await leagueInTab(page)).toBe(before);

  // Reloaded the moment the record is stored, before the tab has scored or shown it: the next start has it.
  counted.scenarios++;
  await toData(page);
  await check(page, BUDGET);
  await setHook(page, { __reloadWhenStored: true });
  const reloaded = page.waitForEvent('load');
  await confirm(page);
  await reloaded;
  await expect(fileInput(page)).toBeEnabled();
  await expect(uploadsTable(page).locator('tbody tr')).toHaveCount(1);
  const stored = await storedUploads(page);
  expect(stored.map((u) => [u.file, u.counts.added, u.counts.changed])).toEqual([[BUDGET_NAME, 11, 0]]);
  expect(await leagueInTab(page)).not.toBe(before);
  await expect(bangKhlaT1(page)).toHaveText(LEVEL_AFTER[BUDGET_NAME]);
});

test('closing the tab in the middle of an import: the next tab finds the workspace as it was', async ({
  context
}) => {
  await instrumentStorage(context);
  const first = await context.newPage();
  const before = await leagueLoaded(first);

  // Closed while the file is being read.
  counted.scenarios++;
  await toData(first);
  await expect(fileInput(first)).toBeEnabled();
  await fileInput(first).setInputFiles(slowFile());
  await expect(reading(first)).toBeVisible();
  await first.close({ runBeforeUnload: false });

  // Closed while the upload record's transaction is open.
  counted.scenarios++;
  const second = await context.newPage();
  await openData(second);
  await check(second, BUDGET);
  await setHook(second, { __hold: true });
  await confirm(second);
  await second.waitForFunction(() => (window as unknown as Hooks).__held);
  await second.close({ runBeforeUnload: false });

  const next = await context.newPage();
  expect(await leagueLoaded(next)).toBe(before);
  expect(await storedUploads(next)).toEqual([]);
});

test('a second tab with a stale check step: its import is compared with what the other stored, it catches up', async ({
  context
}) => {
  counted.scenarios++;
  const a = await context.newPage();
  const b = await context.newPage();
  await openData(a);
  await openData(b);

  // B checks the corrected file (against no real data yet); meanwhile A imports the budget table.
  await check(b, CORRECTED);
  await importFiles(a, BUDGET);
  await expect(uploadsTable(a).locator('tbody tr')).toHaveCount(1);
  // B commits its (stale) check step: it first catches up with the store, so only 2 values change.
  await confirm(b);
  await expect(importResult(b).getByTestId('added-count')).toHaveText('0');
  await expect(importResult(b).getByTestId('changed-count')).toHaveText('2');
  await expect(uploadsTable(b).locator('tbody tr')).toHaveCount(2);
  // A is told and rebuilds from the store.
  await expect(uploadsTable(a).locator('tbody tr')).toHaveCount(2);

  const stored = await storedUploads(a);
  expect(stored.map((u) => [u.file, u.seq, u.counts.added, u.counts.changed])).toEqual([
    [BUDGET_NAME, 1, 11, 0],
    [CORRECTED_NAME, 2, 0, 2]
  ]);
  const fresh = await context.newPage();
  const texts = [await leagueInTab(a), await leagueInTab(b), await leagueLoaded(fresh)];
  expect(new Set(texts).size).toBe(1);
  for (const page of [a, b, fresh]) await expect(bangKhlaT1(page)).toHaveText(LEVEL_AFTER[CORRECTED_NAME]);

  // One tab removes the first upload while the other has a check step open (busy, it does not rebuild then);
  // once that check step is closed, the other tab catches up too, and nothing comes back.
  await toData(a);
  await toData(b);
  await check(b, BUDGET);
  await uploadsTable(a)
    .locator('tbody tr', { hasText: BUDGET_NAME })
    .getByRole('button', { name: 'ลบ' })
    .click();
  await a.getByRole('group', { name: /ลบ/ }).getByRole('button', { name: 'ยืนยัน' }).click();
  await expect(uploadsTable(a).locator('tbody tr')).toHaveCount(1);
  await checkStep(b).getByRole('button', { name: 'ยกเลิก', exact: true }).click();
  await expect(uploadsTable(b).locator('tbody tr')).toHaveCount(1);
  expect((await storedUploads(b)).map((u) => u.file)).toEqual([CORRECTED_NAME]);
  expect(await leagueInTab(a)).toBe(await leagueInTab(b));
});

test('two tabs press "นำเข้า" at the same moment: one waits for the other, both kept whole, the later wins', async ({
  context
}) => {
  counted.scenarios++;
  await instrumentStorage(context);
  const a = await context.newPage();
  const b = await context.newPage();
  await openData(a);
  await openData(b);
  await check(a, BUDGET);
  await check(b, CORRECTED);

  // A starts its import and stops right after reading the stored workspace (before it writes); B presses
  // "นำเข้า" meanwhile. B must not read the store until A is done: it waits for the workspace lock.
  await setHook(a, { __stallLoad: true });
  await confirm(a);
  await a.waitForFunction(() => (window as unknown as Hooks).__stalled);
  await setHook(b, { __uploadLoads: 0 });
  await confirm(b);
  await b.waitForFunction(async () => {
    const waiting = (await navigator.locks?.query())?.pending?.length ?? 0;
    return waiting > 0 || (window as unknown as Hooks).__uploadLoads > 0;
  });
  await setHook(a, { __stalled: false });
  await expect(importResult(a)).toBeVisible();
  await expect(importResult(b)).toBeVisible();
  await expect(uploadsTable(a).locator('tbody tr')).toHaveCount(2);
  await expect(uploadsTable(b).locator('tbody tr')).toHaveCount(2);

  // A's upload was the first real data (all added), B's compared with A's (2 values differ), and B's comes later.
  const stored = await storedUploads(a);
  expect(stored.map((u) => [u.file, u.seq, u.counts.added, u.counts.changed])).toEqual([
    [BUDGET_NAME, 1, 11, 0],
    [CORRECTED_NAME, 2, 0, 2]
  ]);
  await expect(importResult(b).getByTestId('changed-count')).toHaveText('2');

  const fresh = await context.newPage();
  const texts = [await leagueInTab(a), await leagueInTab(b), await leagueLoaded(fresh)];
  expect(new Set(texts).size).toBe(1);
  for (const page of [a, b, fresh]) await expect(bangKhlaT1(page)).toHaveText(LEVEL_AFTER[CORRECTED_NAME]);
});
