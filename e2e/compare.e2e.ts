/**
 * The compare view on the demo data (ฉะเชิงเทรา, round 2 of FY2565), as a director would check it:
 * the expected ranks come from the demo CSV through the plain reference scorer, not from the app.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceLeagues, type ReferenceStanding } from './support/reference';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const FW = 'chachoengsao-2565-r2';
const TABLE = 'เปรียบเทียบคะแนนรวมรายอำเภอ';
const CHART = 'คะแนนรวมของสองช่วงเวลา';

const reference = referenceLeagues(FW, ['FY2565-Q3', 'FY2565-Q4']);

interface Expected {
  unit: string;
  deltaRank: number;
  deltaTotal: number;
  reported: boolean;
  rankAfter: number;
}

/** Per district, Q3 → Q4 from the reference scorer. */
const expected: Expected[] = reference['FY2565-Q4'].map((after: ReferenceStanding) => {
  const before = reference['FY2565-Q3'].find((row) => row.unitId === after.unitId) as ReferenceStanding;
  return {
    unit: after.unit,
    deltaRank: before.rank - after.rank,
    deltaTotal: after.total - before.total,
    reported: before.missing < before.kpiCount && after.missing < after.kpiCount,
    rankAfter: after.rank
  };
});

function movementText(delta: number): string {
  return delta > 0 ? `▲${delta}` : delta < 0 ? `▼${-delta}` : '=';
}

function signed(delta: number): string {
  const text = Math.abs(delta).toFixed(2);
  return Number(text) === 0 ? text : `${delta > 0 ? '+' : '-'}${text}`;
}

function table(page: Page) {
  return page.getByRole('table', { name: TABLE });
}

function rowOf(page: Page, unit: string) {
  return table(page)
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: unit, exact: true }) });
}

test('Q4 against Q3: every Δ rank and Δ total matches the demo CSV; risers, fallers and the dumbbell', async ({
  page
}) => {
  await page.goto(`/compare/?f=${FW}&p=FY2565-Q4&p2=FY2565-Q3`);
  await expect(table(page)).toBeVisible();
  await expect(table(page).locator('tbody tr')).toHaveCount(11);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ไตรมาส 3 ปีงบประมาณ 2565 กับ ไตรมาส 4');
  for (const unit of expected) {
    const cells = rowOf(page, unit.unit).locator('td');
    await expect(cells.last()).toHaveText(movementText(unit.deltaRank));
    await expect(cells.nth(5)).toHaveText(signed(unit.deltaTotal));
    await expect(cells.first()).toHaveText(String(unit.rankAfter));
  }

  const byRise = [...expected]
    .filter((unit) => unit.reported)
    .sort((a, b) => b.deltaRank - a.deltaRank || b.deltaTotal - a.deltaTotal);
  const topRiser = byRise[0];
  const worstFaller = byRise.at(-1) as Expected;
  expect(topRiser.deltaRank).toBeGreaterThan(0);
  expect(worstFaller.deltaRank).toBeLessThan(0);
  const risers = page.getByRole('list', { name: 'อันดับขึ้นมากที่สุด' });
  const fallers = page.getByRole('list', { name: 'อันดับลงมากที่สุด' });
  await expect(risers.getByRole('listitem')).toHaveCount(3);
  await expect(risers.getByRole('listitem').first()).toContainText(topRiser.unit);
  await expect(risers.getByRole('listitem').first()).toContainText(`▲${topRiser.deltaRank} อันดับ`);
  await expect(fallers).toContainText(worstFaller.unit);

  const chart = page.locator('figure', { has: page.getByRole('img', { name: CHART }) });
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(
    page.getByRole('table', { name: 'จำนวนหน่วยที่เปลี่ยนระดับ รายตัวชี้วัด' }).locator('tbody tr')
  ).toHaveCount(16);
  await page.screenshot({ path: path.join(screenshots, 'compare.png'), fullPage: true });
});

test('the whole round has nothing to compare with: it says so and offers quarters', async ({ page }) => {
  await page.goto(`/compare/?f=${FW}&p=FY2565-R2`);
  await expect(page.getByText('ไม่มีช่วงเวลาอื่นในระดับเดียวกันให้เปรียบเทียบ')).toBeVisible();
  await page.getByRole('button', { name: /ลองเปรียบเทียบ ไตรมาส 4 .* กับ ไตรมาส 3/ }).click();
  await expect(page).toHaveURL(/p=FY2565-Q4/);
  await expect(page).toHaveURL(/p2=FY2565-Q3/);
  await expect(table(page)).toBeVisible();
});

test('a month defaults to the month before; a group narrows the KPI table', async ({ page }) => {
  await page.goto(`/compare/?f=${FW}&p=2565-09`);
  await expect(table(page)).toBeVisible();
  await expect(page.getByLabel('เทียบกับ')).toHaveValue('2565-08');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('สิงหาคม 2565 กับ กันยายน 2565');

  await page.goto(`/compare/?f=${FW}&p=FY2565-Q4&p2=FY2565-Q3&g=${encodeURIComponent('ตัวชี้วัดรายทีม')}`);
  const kpis = page.getByRole('table', { name: 'จำนวนหน่วยที่เปลี่ยนระดับ รายตัวชี้วัด' });
  await expect(kpis.locator('tbody tr')).toHaveCount(5);
  await expect(kpis.locator('tbody th').first()).toContainText('T1');
});

test('sorting by Δ rank puts the biggest riser first and goes into the URL; CSV and PNG download', async ({
  page
}) => {
  await page.goto(`/compare/?f=${FW}&p=FY2565-Q4&p2=FY2565-Q3`);
  await expect(table(page)).toBeVisible();
  await table(page).getByRole('button', { name: 'Δ อันดับ' }).click();
  await expect(page).toHaveURL(/s=-drank/);
  const best = Math.max(...expected.map((unit) => unit.deltaRank));
  await expect(table(page).locator('tbody tr').first().locator('td').last()).toHaveText(movementText(best));
  await expect(table(page).getByRole('columnheader', { name: 'Δ อันดับ' })).toHaveAttribute(
    'aria-sort',
    'descending'
  );

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ดาวน์โหลดตาราง (CSV)' }).click()
  ]);
  // Demo numbers say so in the file name (issue 11).
  expect(csv.suggestedFilename()).toMatch(
    /^เปรียบเทียบ_ข้อมูลตัวอย่าง_chachoengsao-2565-r2_FY2565-Q3_FY2565-Q4\.csv$/
  );
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text).toContain('Δ อันดับ');
  const riser = expected.find((unit) => unit.deltaRank === best) as Expected;
  const line = text.split('\r\n').find((row) => row.startsWith(`${riser.unit},`));
  expect(line?.split(',').at(-1)).toBe(String(best));

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `ดาวน์โหลด PNG: ${CHART}` }).click()
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(10_000);
});

test('a national framework compares provinces quarter on quarter', async ({ page }) => {
  await page.goto('/compare/?f=cdd-staff-2565&p=FY2565-Q4');
  const provinces = page.getByRole('table', { name: 'เปรียบเทียบคะแนนรวมรายจังหวัด' });
  await expect(provinces).toBeVisible();
  await expect(page.getByLabel('เทียบกับ')).toHaveValue('FY2565-Q3');
  await expect(provinces.locator('tbody tr')).toHaveCount(76);
  await page.screenshot({ path: path.join(screenshots, 'compare-national.png'), fullPage: true });
});
