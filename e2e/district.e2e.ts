import { expect, test } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoRules, frameworkTarget, lastReported } from './demo-facts';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

test('from the league table to a district: the same weighted total, and the why of each score', async ({
  page
}) => {
  const unit = 'เมืองฉะเชิงเทรา';
  await page.goto('/');
  const league = page.getByRole('table', { name: 'อันดับอำเภอ' });
  const leagueRow = league.getByRole('row', { name: new RegExp(unit) });
  await expect(leagueRow).toBeVisible();
  const leagueTotal = (await leagueRow.locator('td').nth(2).innerText()).trim();
  const leagueRank = (await leagueRow.locator('td').first().innerText()).trim();
  await leagueRow.getByRole('link', { name: unit }).click();

  await expect(page).toHaveURL(/\/district\/\?.*u=2401/);
  const card = page.getByRole('table', { name: 'ผลการประเมินตนเองตามตัวชี้วัด' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('status', { name: 'คะแนนรวมถ่วงน้ำหนัก' })).toHaveText(leagueTotal);
  await expect(card).toContainText(`อันดับ ${leagueRank} จาก 11`);

  // The form's columns, every top-level KPI of the framework, weights as the letter gives them.
  const tops = demoRules().kpis.filter((kpi) => kpi.parent === null);
  await expect(card.locator('tbody tr')).toHaveCount(tops.length);
  const weightSum = tops.reduce((sum, kpi) => sum + (kpi.weight ?? 0), 0);
  await expect(card.locator('tfoot tr').first()).toContainText(String(weightSum));

  // T1 = budget spent ÷ allocated × 100, explained with the figures of the last month reported.
  const last = lastReported(unit, 'T1');
  const target = frameworkTarget('T1', unit) as number;
  const percent = (((last?.value as number) / target) * 100).toFixed(2);
  const explanation = page.getByRole('article', { name: /^T1 / });
  const money = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  await expect(explanation).toContainText(
    `${money(last?.value as number)} ÷ ${money(target)} × 100 = ${percent}`
  );
  await expect(explanation).toContainText('ใช้ค่าของเดือนล่าสุดที่รายงาน');
  await expect(explanation).toContainText('ระดับถัดไป');
  await expect(page.getByRole('table', { name: 'อันดับรายเดือน' }).locator('tbody td')).toHaveCount(6);
  await page.screenshot({ path: path.join(screenshots, 'district.png'), fullPage: true });
});

test('a shared link opens that district; the unit selector changes it; the page prints on A4', async ({
  page
}) => {
  await page.goto('/district/?f=chachoengsao-2565-r2&p=FY2565-R2&u=2405&k=I1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('บ้านโพธิ์');
  await expect(page.getByRole('combobox', { name: 'อำเภอ', exact: true })).toHaveValue('2405');
  // I1 households remaining: the district's own bands, lower is better.
  const i1 = page.getByRole('article', { name: /^I1 / });
  await expect(i1).toContainText('ครัวเรือน');
  await expect(i1).toContainText('บ้านโพธิ์: ไม่เกิน');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('group', { name: 'ตัวเลือกการแสดงผล' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'พิมพ์' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'ผลการประเมินตนเองตามตัวชี้วัด' })).toBeVisible();
  await expect(i1).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'district-print.png'), fullPage: true });
  // Printed with the app's own @page rule: A4 (landscape), and the scorecard fits across the page.
  const pdf = await page.pdf({
    path: path.join(screenshots, 'district-print.pdf'),
    preferCSSPageSize: true,
    printBackground: true
  });
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  expect(boxes.length).toBeGreaterThan(0);
  for (const [, width, height] of boxes) {
    expect(Math.round(Number(width))).toBeGreaterThanOrEqual(841);
    expect(Math.round(Number(width))).toBeLessThanOrEqual(843);
    expect(Math.round(Number(height))).toBeGreaterThanOrEqual(594);
    expect(Math.round(Number(height))).toBeLessThanOrEqual(596);
  }
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('combobox', { name: 'อำเภอ', exact: true }).selectOption({ label: 'บางคล้า' });
  await expect(page).toHaveURL(/u=2402/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('บางคล้า');
});
