import { expect, test } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bandReached, demoUnits, frameworkTarget, lastReported } from './demo-facts';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

test('level breakdown: the count of districts at each level of a KPI matches the demo data and rules', async ({
  page
}) => {
  // T2 in round 2 of FY2565: the last month reported, banded ≥ 1..5 (general bands). Computed from the CSV.
  const levels = new Map<string, number>();
  let below = 0;
  let missing = 0;
  for (const unit of demoUnits()) {
    const last = lastReported(unit, 'T2');
    if (!last || last.value === null) missing++;
    else {
      const band = bandReached('T2', unit, last.value);
      if (band) levels.set(band.level, (levels.get(band.level) ?? 0) + 1);
      else below++;
    }
  }
  expect(levels.get('5')).toBeGreaterThan(0);

  await page.goto('/missions/?p=FY2565-R2');
  const breakdown = page.getByRole('table', { name: 'จำนวนอำเภอในแต่ละระดับ' });
  await expect(breakdown).toBeVisible();
  const row = breakdown.getByRole('row', { name: /^T2/ });
  for (const level of ['5', '4', '3', '2', '1']) {
    await expect(row).toContainText(`ระดับ ${level}: ${levels.get(level) ?? 0}`);
  }
  await expect(row).toContainText(`ต่ำกว่าเกณฑ์: ${below}`);
  await expect(row).toContainText(`ไม่ได้รายงาน: ${missing}`);
  await expect(page.getByRole('group', { name: 'คำอธิบายสี' })).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'missions.png'), fullPage: true });
});

test('grid: a cell shows the measured value in the KPI unit, arrow keys move, Enter opens the district page', async ({
  page
}) => {
  const unit = 'เมืองฉะเชิงเทรา';
  const last = lastReported(unit, 'T1');
  const target = frameworkTarget('T1', unit);
  expect(last?.value).not.toBeNull();
  const percent = ((last?.value as number) / (target as number)) * 100;
  const expected = `${percent.toFixed(2)}%`;

  await page.goto('/missions/');
  const grid = page.getByRole('table', { name: 'ตารางระดับรายอำเภอและตัวชี้วัด' });
  await expect(grid).toBeVisible();
  await expect(grid.locator('tbody tr')).toHaveCount(11);
  const cell = grid.getByRole('link', { name: new RegExp(`^${unit} · T1 `) });
  await expect(cell).toContainText(expected);
  const level = bandReached('T1', unit, percent)?.level as string;
  await expect(cell).toHaveAttribute('aria-label', new RegExp(`ระดับ ${level}$`));

  // Keyboard: the grid has one tab stop; arrows move between cells; Enter follows the link.
  await cell.focus();
  await page.keyboard.press('ArrowRight');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', new RegExp(`^${unit} · T2 `));
  await expect(focused).toHaveAttribute('tabindex', '0');
  await expect(cell).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/district\/\?.*u=2401.*k=T2/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(unit);
});

test('the group filter and a shared URL: only the team KPIs, for the period in the link', async ({
  page
}) => {
  await page.goto(`/missions/?f=chachoengsao-2565-r2&p=2565-06&g=${encodeURIComponent('ตัวชี้วัดรายทีม')}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('มิถุนายน 2565');
  const breakdown = page.getByRole('table', { name: 'จำนวนอำเภอในแต่ละระดับ' });
  await expect(breakdown.locator('tbody tr')).toHaveCount(5);
  const grid = page.getByRole('table', { name: 'ตารางระดับรายอำเภอและตัวชี้วัด' });
  await expect(grid.locator('thead th')).toHaveText(['อันดับ', 'อำเภอ', 'T1', 'T2', 'T3', 'T4', 'T5']);

  // June alone: T2 as reported in June (the last month of a one-month period).
  let atFive = 0;
  for (const unit of demoUnits()) {
    const june = lastReported(unit, 'T2', ['2565-06']);
    if (june?.value !== null && june !== null && bandReached('T2', unit, june.value)?.level === '5') atFive++;
  }
  await expect(breakdown.getByRole('row', { name: /^T2/ })).toContainText(`ระดับ 5: ${atFive}`);
});
