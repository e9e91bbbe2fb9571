/**
 * A long league table (issue 6): above a few dozen units only the rows in view are in the DOM. The table
 * still counts every row for screen readers, scrolls to every row, finds any unit by search, sorts all
 * rows, follows the keyboard (Tab) down the rows, and prints every row.
 */
import { expect, test, type Page } from '@playwright/test';
import { DISTRICTS, nationalFramework, writeTempFiles } from './support/national';

const UNITS = DISTRICTS.length;

/** A national framework (every district), `kpiCount` KPIs (K1, K2, …), one month of results for every
 * district: Kn = 40 + (i × (n = 1 ? 1 : n = 2 ? 7 : n)) mod 60 for the i-th district. */
function writeFiles(kpiCount = 2): string[] {
  const kpis = Array.from({ length: kpiCount }, (_, n) => `K${n + 1}`);
  const step = (n: number) => (n === 1 ? 1 : n === 2 ? 7 : n);
  const framework = nationalFramework('window-national-2567', 'ทดสอบตารางยาว: ทุกอำเภอ ปีงบประมาณ 2567', kpis);
  const lines = ['จังหวัด,อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน'];
  DISTRICTS.forEach((district, i) => {
    kpis.forEach((kpi, n) =>
      lines.push(`${district.province},${district.name},${kpi},2566-10,${40 + ((i * step(n + 1)) % 60)}`)
    );
  });
  return writeTempFiles('scoreboard-window-', {
    'window-national-2567.json': JSON.stringify(framework),
    'ผลทดสอบตารางยาว.csv': lines.join('\n') + '\n'
  });
}

/** Imports the national framework and its results (the league view shows it once scored). */
async function importNational(page: Page, kpiCount = 2) {
  await page.goto('/');
  await expect(league(page)).toBeVisible();
  await page.getByLabel('เลือกไฟล์ที่จะนำเข้า').setInputFiles(writeFiles(kpiCount));
  await page
    .getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' })
    .getByRole('button', { name: 'นำเข้า', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: /ทดสอบตารางยาว/ })).toBeVisible();
  // Start-up's other frameworks and the new one's other periods come in the background: the table is walked
  // once they are in (a fresh-clone CI run once lost the keyboard's place mid-walk, 6 s into this test, and
  // never here; the lead's note on issue 15 says so).
  await expect(page.locator('html[data-idle="true"]')).toBeAttached({ timeout: 60_000 });
  // The upload panel is under the table, so the page is still scrolled down to its report.
  await page.evaluate(() => window.scrollTo(0, 0));
}

function league(page: Page) {
  return page.getByRole('table', { name: 'อันดับอำเภอ' });
}

/** aria-rowindex of the body rows in the DOM. */
function rowIndexes(page: Page): Promise<number[]> {
  return league(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
}

test('a long league table draws the rows in view and still reaches, finds, sorts and prints every row', async ({
  page
}) => {
  await importNational(page);
  const table = league(page);
  await expect(table).toHaveAttribute('aria-rowcount', String(UNITS + 1));

  // Only the rows in view (and a few more) are drawn, numbered for screen readers from the header's 1.
  const drawn = await rowIndexes(page);
  expect(drawn.length).toBeGreaterThan(10);
  expect(drawn.length).toBeLessThan(80);
  expect(drawn).toEqual(drawn.map((_, i) => i + 2));
  await page.screenshot({ path: 'e2e/screenshots/league-window.png' });

  // The spacers stand for the rows left out: the page scrolls (the table has no box of its own), and
  // scrolled anywhere, the row just under the header (which follows the view) is the one the whole table
  // would show there.
  const probe = await table.evaluate(async (node) => {
    const frames = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const tableTop = node.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, tableTop + 10_000);
    await frames();
    await frames();
    const rows = [...node.querySelectorAll('tbody tr')];
    const height = rows[1].getBoundingClientRect().top - rows[0].getBoundingClientRect().top;
    const head = node.querySelector('thead th')!.getBoundingClientRect();
    const first = rows.find((row) => row.getBoundingClientRect().bottom > head.bottom + 2)!;
    return {
      headAtTop: Math.abs(head.top) <= 2,
      expected: Math.floor((window.scrollY - tableTop) / height) + 2,
      actual: Number(first.getAttribute('aria-rowindex'))
    };
  });
  expect(probe.headAtTop).toBe(true);
  expect(Math.abs(probe.actual - probe.expected)).toBeLessThanOrEqual(1);

  // Scrolling to the end draws the last rows; the last one is the 878th.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => (await rowIndexes(page)).at(-1)).toBe(UNITS + 1);
  const lastRow = table.locator('tbody tr').last();
  await lastRow.evaluate((row) => row.scrollIntoView({ block: 'center' }));
  await expect(lastRow).toBeInViewport();
  const lastUnit = await lastRow.locator('th').innerText();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(async () => (await rowIndexes(page))[0]).toBe(2);
  if (DISTRICTS.filter((d) => d.name === lastUnit).length === 1)
    await expect(table.locator('tbody th', { hasText: new RegExp(`^${lastUnit}$`) })).toHaveCount(0);

  // Search finds a unit that is not drawn.
  await page.getByRole('searchbox').fill(lastUnit);
  await expect(table.locator('tbody th').first()).toHaveText(lastUnit);
  await page.getByRole('searchbox').fill('');
  await expect(table).toHaveAttribute('aria-rowcount', String(UNITS + 1));

  // Sorting sorts every row, not the drawn ones: by name, the first unit in Thai order of all 878.
  const thaiFirst = [...DISTRICTS.map((d) => d.name)].sort(new Intl.Collator('th').compare)[0];
  await table.getByRole('button', { name: 'อำเภอ', exact: true }).click();
  await expect(table.locator('tbody th').first()).toHaveText(thaiFirst);
  await expect(page).toHaveURL(/s=unit/);
  await table.getByRole('button', { name: 'อันดับ', exact: true }).click();
  await expect(table.locator('tbody td.rank').first()).toHaveText('1');

  // The keyboard walks down past the drawn rows: Tab from the first unit link 60 times.
  await table.locator('tbody th a').first().focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    inTable: !!document.activeElement?.closest('table[aria-label="อันดับอำเภอ"]'),
    row: Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'))
  }));
  expect(focused).toEqual({ inTable: true, row: 62 });
  await expect(page.locator(':focus')).toBeInViewport();

  // Printing draws every row (the print media query, and beforeprint as the print button fires it).
  await page.emulateMedia({ media: 'print' });
  await expect(table.locator('tbody tr')).toHaveCount(UNITS);
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(async () => (await rowIndexes(page)).length).toBeLessThan(80);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  expect(await table.locator('tbody tr').count()).toBe(UNITS);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(async () => (await rowIndexes(page)).length).toBeLessThan(80);

  // The misses of all districts are drawn 200 at a time. Below level 5 (≥ 90): K1 = 40 + i mod 60 misses
  // for 878 − 140 districts, K2 = 40 + 7i mod 60 for 878 − 146 (7i mod 60 ≥ 50 for 10 of every 60 i and
  // for 6 of i = 840…877): 738 + 732 = 1,470.
  await page.getByRole('navigation').getByRole('link', { name: 'ไม่ถึงเป้า', exact: true }).click();
  const misses = page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' });
  await expect(misses.locator('tbody tr')).toHaveCount(200);
  await expect(page.getByText('แสดง 200 จาก 1,470 รายการ')).toBeVisible();
  await page.getByRole('button', { name: 'แสดงเพิ่มอีก 200 รายการ' }).click();
  await expect(misses.locator('tbody tr')).toHaveCount(400);
  await expect(page.getByText('แสดง 400 จาก 1,470 รายการ')).toBeVisible();
});

test('the missions grid of all districts × 25 KPIs draws the rows in view; arrows walk past them; print draws all', async ({
  page
}) => {
  await importNational(page, 25);
  const started = Date.now();
  await page.getByRole('navigation').getByRole('link', { name: 'ภารกิจ', exact: true }).click();
  const grid = page.getByRole('table', { name: 'ตารางระดับรายอำเภอและตัวชี้วัด' });
  await expect(grid.locator('tbody tr').first()).toBeVisible();
  console.log(`missions grid of ${UNITS} × 25 drawn in ${Date.now() - started} ms`);
  await expect(grid).toHaveAttribute('aria-rowcount', String(UNITS + 1));
  await expect(grid.locator('thead th')).toHaveCount(2 + 25);

  const drawn = await grid
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
  expect(drawn.length).toBeGreaterThan(10);
  expect(drawn.length).toBeLessThan(200);
  expect(drawn).toEqual(drawn.map((_, i) => i + 2));

  // Arrow keys walk down past the drawn rows: 60 × ArrowDown from the first cell reaches the 61st row.
  await grid.locator('a[data-row="0"][data-col="0"]').focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-row', '60');
  await expect(focused).toHaveAttribute('data-col', '0');
  await expect(focused).toHaveAttribute('tabindex', '0');
  await expect(focused.locator('xpath=ancestor::tr')).toHaveAttribute('aria-rowindex', '62');
  await expect(focused).toBeInViewport();
  await page.screenshot({ path: 'e2e/screenshots/missions-window.png' });

  // Printing draws every row (the print media query, and beforeprint as the print button fires it).
  await page.emulateMedia({ media: 'print' });
  await expect(grid.locator('tbody tr')).toHaveCount(UNITS);
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(() => grid.locator('tbody tr').count()).toBeLessThan(200);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  expect(await grid.locator('tbody tr').count()).toBe(UNITS);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(() => grid.locator('tbody tr').count()).toBeLessThan(200);
});
