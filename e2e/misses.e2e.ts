import { expect, test } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUND_MONTHS, bandReached, demoUnits, frameworkTarget, lastReported, unitBands } from './demo-facts';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

test('a known miss: households remaining, on the district’s own table, with the gap in households', async ({
  page
}) => {
  // Seed 001 I1 (lower is better, per-district bands): เมืองฉะเชิงเทรา's last count in round 2.
  const unit = 'เมืองฉะเชิงเทรา';
  const last = lastReported(unit, 'I1');
  const value = last?.value as number;
  const reached = bandReached('I1', unit, value);
  const bands = unitBands('I1', unit);
  const next = bands[bands.findIndex((band) => band.level === reached?.level) - 1];
  expect(reached?.level).not.toBe('5');
  const fewer = value - (next.value as number);

  await page.goto('/misses/');
  const table = page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' });
  await expect(table).toBeVisible();
  await page.getByRole('combobox', { name: 'ตัวชี้วัด', exact: true }).selectOption('I1');
  await expect(page).toHaveURL(/k=I1/);
  const row = table.getByRole('row', { name: new RegExp(`^${unit} I1 `) });
  await expect(row).toContainText(`${value} ครัวเรือน`);
  await expect(row).toContainText(`ระดับ ${next.level}: ลดอีก ${fewer} ครัวเรือน`);

  // Every row is I1, and the count by KPI says how many.
  const rows = table.locator('tbody tr');
  const misses = demoUnits().filter((name) => {
    const reported = lastReported(name, 'I1');
    return reported === null || bandReached('I1', name, reported.value as number)?.level !== '5';
  }).length;
  await expect(rows).toHaveCount(misses);
  const counts = page.getByRole('table', { name: 'จำนวนที่ไม่ถึงเป้าหมายรายตัวชี้วัด' });
  await expect(counts.getByRole('row', { name: /^I1 / })).toContainText(String(misses));
  await page.screenshot({ path: path.join(screenshots, 'misses.png'), fullPage: true });

  // The district filter narrows the list to one district's misses.
  await page.getByRole('combobox', { name: 'ตัวชี้วัด', exact: true }).selectOption('');
  await page.getByRole('combobox', { name: 'อำเภอ', exact: true }).selectOption({ label: unit });
  await expect(page).toHaveURL(/u=2401/);
  await expect
    .poll(async () => [...new Set(await table.locator('tbody th').allInnerTexts())])
    .toEqual([unit]);
});

test('a shared link: a month, one KPI, and how many months in a row it was missed', async ({ page }) => {
  // Budget spent (T1, percent of target, level 5 at ≥ 100 %) month by month, from the CSV and the targets.
  const unit = 'เมืองฉะเชิงเทรา';
  const short = ['เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'];
  const missed = ROUND_MONTHS.map((month) => {
    const row = lastReported(unit, 'T1', [month]);
    if (row === null) return true;
    const target = row.target ?? frameworkTarget('T1', unit);
    return bandReached('T1', unit, ((row.value as number) / (target as number)) * 100)?.level !== '5';
  });
  let streak = 0;
  while (streak < missed.length && missed[missed.length - 1 - streak]) streak++;
  expect(streak).toBeGreaterThan(1);
  const since = `${short[ROUND_MONTHS.length - streak]} 2565`;
  const unreported = demoUnits().find((name) => lastReported(name, 'T1', ['2565-09']) === null);
  expect(unreported).toBeDefined();

  await page.goto('/misses/?f=chachoengsao-2565-r2&p=2565-09&k=T1');
  const table = page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' });
  await expect(page.getByRole('combobox', { name: 'ตัวชี้วัด', exact: true })).toHaveValue('T1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('กันยายน 2565');
  const row = table.getByRole('row', { name: new RegExp(`^${unit} T1 `) });
  await expect(row).toContainText(`${streak} เดือน (ตั้งแต่ ${since})`);
  // The percent-of-target gap is also given in the reported unit.
  await expect(row).toContainText('ผลการดำเนินงานเพิ่มอีก');
  // Not reporting is a miss, said in words.
  await expect(table.getByRole('row', { name: new RegExp(`^${unreported} T1 `) })).toContainText(
    'ไม่ได้รายงาน'
  );
});
