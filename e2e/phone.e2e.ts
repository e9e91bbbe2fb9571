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

/**
 * Every view of two frameworks (issue 13's done-when): Chachoengsao (levels 1–5, 11 districts) and Buriram
 * (A–D grades, 23 districts, the widest tables). Ready when the engine is idle and the view's heading or
 * table is drawn.
 */
const PATHS = [
  '/',
  '/trends/',
  '/compare/',
  '/missions/',
  '/misses/',
  '/district/',
  '/rules/',
  '/data/',
  '/report/'
];
const FRAMEWORKS = ['chachoengsao-2565-r2', 'buriram-2567-q4'];
const VIEWS: { path: string; name: string; ready: (page: Page) => Promise<void> }[] = FRAMEWORKS.flatMap(
  (framework) =>
    PATHS.map((view) => ({
      path: `${view}?f=${framework}`,
      name: `${view.replace(/\//g, '') || 'league'}-${framework}`,
      ready: async (page: Page) => {
        await expect(page.locator('main').locator('h1, table').first()).toBeVisible({ timeout: 60_000 });
      }
    }))
);

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

for (const view of VIEWS) {
  test(`${view.name} fits a 1366 px laptop, nav in the bar`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(view.path);
    await view.ready(page);
    await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
    const measured = await overflow(page);
    expect(measured.scrollWidth).toBeLessThanOrEqual(1366);
    const nav = page.getByRole('navigation', { name: 'หลัก' });
    for (const name of ['อันดับ', 'แนวโน้ม', 'ไม่ถึงเป้า', 'เกณฑ์', 'ข้อมูล'])
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
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
