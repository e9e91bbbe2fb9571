/**
 * The trends view on the demo data (ฉะเชิงเทรา, round 2 of FY2565): the default districts are the bottom 3
 * (issue 13.7: who needs attention, the last first) of
 * the round by the reference scorer over the demo CSV; charts are found by their accessible names.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceLeagues } from './support/reference';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const FW = 'chachoengsao-2565-r2';
const TOTAL_CHART = 'คะแนนรวมถ่วงน้ำหนักรายเดือน';
const BANGKHLA = '2402';
const KHLONG_KHUEAN = '2411';

/** The round's league by the reference scorer: the last three that reported anything, the last first. */
const round = referenceLeagues(FW, ['FY2565-R2'])['FY2565-R2'];
const bottom3 = round
  .filter((row) => row.missing < row.kpiCount)
  .reverse()
  .slice(0, 3)
  .map((row) => row.unit);

function chart(page: Page, name: string) {
  return page.locator('figure', { has: page.getByRole('img', { name, exact: true }) });
}

function chips(page: Page) {
  return page.getByRole('group', { name: 'อำเภอที่แสดง' }).locator('ul').first().getByRole('listitem');
}

test('opens on the bottom 3 districts of the round (the last first) against the province mean and median', async ({
  page
}) => {
  await page.goto(`/trends/?f=${FW}&p=FY2565-R2`);
  const total = chart(page, TOTAL_CHART);
  await expect(total).toBeVisible();
  await expect(chips(page)).toHaveText(bottom3.map((name) => new RegExp(name)));
  // one line per district + mean + median
  await expect(total).toHaveAttribute('data-series', '5');
  const image = page.getByRole('img', { name: TOTAL_CHART, exact: true });
  for (const name of [...bottom3, 'ค่าเฉลี่ยจังหวัด', 'ค่ามัธยฐานจังหวัด']) {
    await expect(image).toHaveAccessibleDescription(new RegExp(name));
  }
  await expect(image).toHaveAccessibleDescription(/เม\.ย\. 2565–ก\.ย\. 2565/);

  const kpiChart = chart(page, 'ผลการดำเนินงานรายเดือน T1');
  await expect(kpiChart).toHaveAttribute('data-series', '3');
  await expect(page.getByRole('combobox', { name: /^ตัวชี้วัด/ })).toHaveValue('T1');

  const grid = page.getByRole('list', { name: `ตัวชี้วัดรายเดือนของ ${bottom3[0]}` });
  await expect(grid.getByRole('listitem')).toHaveCount(16);
  await expect(grid.getByRole('img')).toHaveCount(16);
  // A chart starts when it comes near the screen (Chart.svelte); printing starts every one of them.
  await page.emulateMedia({ media: 'print' });
  await expect(grid.locator('canvas')).toHaveCount(16);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('group', { name: 'คำอธิบายสี' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(screenshots, 'trends.png'), fullPage: true });
});

test('a shared URL restores the districts, the KPI and the district of the small multiples', async ({
  page
}) => {
  await page.goto(`/trends/?f=${FW}&p=FY2565-Q4&us=${BANGKHLA},${KHLONG_KHUEAN}&k=I1&u=${KHLONG_KHUEAN}`);
  await expect(chart(page, TOTAL_CHART)).toHaveAttribute('data-series', '4');
  await expect(chips(page)).toHaveText([/บางคล้า/, /คลองเขื่อน/]);
  await expect(page.getByLabel('ช่วงเวลา')).toHaveValue('FY2565-Q4');
  await expect(page.getByRole('combobox', { name: /^ตัวชี้วัด/ })).toHaveValue('I1');
  const kpiChart = chart(page, 'ผลการดำเนินงานรายเดือน I1');
  await expect(kpiChart).toHaveAttribute('data-series', '2');
  // I1 has per-district bands (households remaining, lower is better): the first district's are drawn
  await expect(page.getByText('แถบสีเป็นเกณฑ์ของ บางคล้า')).toBeVisible();
  await expect(page.getByText('ค่าน้อยดีกว่า').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'ตัวชี้วัดทุกตัวของ คลองเขื่อน' })).toBeVisible();
  // Charts start near the screen; printing starts them all (as in the first test).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('list', { name: 'ตัวชี้วัดรายเดือนของ คลองเขื่อน' }).locator('canvas')).toHaveCount(
    16
  );
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(screenshots, 'trends-shared.png'), fullPage: true });
});

test('adding a district and picking a KPI go into the URL; the chart saves as PNG', async ({ page }) => {
  await page.goto(`/trends/?f=${FW}`);
  await expect(chart(page, TOTAL_CHART)).toHaveAttribute('data-series', '5');
  await page.getByText(/^อำเภอที่แสดง \(3\/8\)$/).click();
  // บางคล้า, not one of September's bottom three (สนามชัยเขต, บ้านโพธิ์, คลองเขื่อน) shown by default.
  await page.getByRole('checkbox', { name: 'บางคล้า' }).check();
  await expect(page).toHaveURL(new RegExp(`us=[0-9%2C,]*${BANGKHLA}`));
  await expect(chart(page, TOTAL_CHART)).toHaveAttribute('data-series', '6');
  await expect(chips(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'เอาออก บางคล้า' }).click();
  await expect(chips(page)).toHaveCount(3);

  await page.getByRole('combobox', { name: /^ตัวชี้วัด/ }).selectOption('I5');
  await expect(page).toHaveURL(/k=I5/);
  await expect(chart(page, 'ผลการดำเนินงานรายเดือน I5')).toBeVisible();

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `ดาวน์โหลด PNG: ${TOTAL_CHART}` }).click()
  ]);
  // Demo numbers say so in the file name (issue 11).
  expect(png.suggestedFilename()).toBe(`แนวโน้มรายเดือน_ข้อมูลตัวอย่าง_${FW}.png`);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(10_000);
});

test('a national framework: provinces, twelve months, the mean of all units', async ({ page }) => {
  await page.goto('/trends/?f=cdd-staff-2565');
  const total = chart(page, TOTAL_CHART);
  await expect(total).toHaveAttribute('data-series', '5');
  await expect(page.getByRole('group', { name: 'จังหวัดที่แสดง' })).toBeVisible();
  const image = page.getByRole('img', { name: TOTAL_CHART, exact: true });
  await expect(image).toHaveAccessibleDescription(/ค่าเฉลี่ยทุกหน่วย/);
  await expect(image).toHaveAccessibleDescription(/ต\.ค\. 2564–ก\.ย\. 2565/);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(screenshots, 'trends-national.png'), fullPage: true });
});
