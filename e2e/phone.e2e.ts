/**
 * A phone (390 × 844, issue 13): every view fits the screen — no sideways scroll of the page, wide tables
 * scroll inside their own box — and the views fold into a menu that opens, navigates and closes.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leagueTable } from './support/pages';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The views, each on a framework that shows its widest content (Buriram: 23 districts, A–D grades). */
const VIEWS: { path: string; name: string; ready: (page: Page) => Promise<void> }[] = [
  { path: '/', name: 'league', ready: (page) => expect(leagueTable(page)).toBeVisible() },
  {
    path: '/?f=buriram-2567-q4',
    name: 'league-buriram',
    ready: (page) => expect(leagueTable(page)).toBeVisible()
  },
  {
    path: '/trends/',
    name: 'trends',
    ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  },
  {
    path: '/compare/?p=FY2565-Q4&vs=FY2565-Q3',
    name: 'compare',
    ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  },
  {
    path: '/missions/?f=buriram-2567-q4',
    name: 'missions',
    ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  },
  {
    path: '/misses/?f=buriram-2567-q4',
    name: 'misses',
    ready: (page) => expect(page.getByRole('table', { name: /ไม่ถึงเป้า|ต่ำกว่าเป้า/ }).first()).toBeVisible()
  },
  {
    path: '/district/',
    name: 'district',
    ready: (page) => expect(page.getByRole('table', { name: 'ผลการประเมินตนเองตามตัวชี้วัด' })).toBeVisible()
  },
  {
    path: '/rules/?f=buriram-2567-q4',
    name: 'rules',
    ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  },
  {
    path: '/data/',
    name: 'data',
    ready: (page) => expect(page.getByLabel('เลือกไฟล์ที่จะนำเข้า')).toBeEnabled()
  }
];

/** How far the page reaches past the right edge of the screen, and what reaches there (outside scroll boxes). */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const clientWidth = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= clientWidth + 1) continue;
      let parent = element.parentElement;
      let inBox = false;
      for (; parent && parent !== document.body; parent = parent.parentElement) {
        if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(parent).overflowX)) inBox = true;
      }
      if (!inBox) wide.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth, wide: wide.slice(0, 5) };
  });
}

for (const view of VIEWS) {
  test(`${view.name} fits a 390 px phone`, async ({ page }) => {
    await page.goto(view.path);
    await view.ready(page);
    await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
    const measured = await overflow(page);
    expect(measured.wide, `elements wider than the screen on ${view.path}`).toEqual([]);
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
    await page.screenshot({ path: path.join(screenshots, `phone-${view.name}.png`) });
  });
}

test('on a phone the views are behind a menu that opens, takes you there and closes', async ({ page }) => {
  await page.goto('/');
  await expect(leagueTable(page)).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'หลัก' });
  const menu = page.getByRole('button', { name: /เมนู/ });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'เกณฑ์', exact: true })).toBeVisible();
  await page.keyboard.press('Tab'); // into the menu's first link
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();

  await menu.click();
  await nav.getByRole('link', { name: 'ข้อมูล', exact: true }).click();
  await expect(page).toHaveURL(/\/data\/(\?|$)/);
  await expect(nav).toBeHidden(); // closed after the move
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('on a laptop the views stay in the bar and there is no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(leagueTable(page)).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'หลัก' }).getByRole('link', { name: 'เกณฑ์' })
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /เมนู/ })).toBeHidden();
  expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
});

test('on a phone the rules fold to one heading per KPI; a KPI opens on a tap; a laptop shows them open', async ({
  page
}) => {
  await page.goto('/rules/?f=chachoengsao-2565-r2');
  const kpi = page.getByRole('article', { name: /^T1 / });
  await expect(kpi).toBeVisible();
  const bands = kpi.locator('details.kpi-rules > :not(summary)').first();
  await expect(bands).toBeHidden();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await kpi.locator('summary').click();
  await expect(bands).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(height);
  // Folded, the page is a list of KPIs (it was 63,000 px long with every ladder open).
  expect(height).toBeLessThan(8000);
  await page.getByRole('button', { name: 'ขยายทุกตัวชี้วัด' }).click();
  await expect(page.locator('details.kpi-rules:not([open])')).toHaveCount(0);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/rules/?f=buriram-2567-q4');
  await expect(page.getByRole('article', { name: /^M1 / })).toBeVisible();
  await expect(page.locator('details.kpi-rules:not([open])')).toHaveCount(0);
});
