/**
 * Misses that lead to action (issue 13 §4) on the default demo (ฉะเชิงเทรา, round 2 of FY2565): the list
 * ordered by weighted points lost, the below-target / below-top switch kept in the URL, the next steps on
 * the district page, the whole list in print, and no sideways scroll at 390 px. Expected figures come from
 * the demo's CSV and JSON rules (demo-facts.ts), not from the app.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoRules, frameworkTarget, lastReported, unitBands } from './demo-facts';

const rules = demoRules();
const tops = rules.kpis.filter((kpi) => kpi.parent === null);
const weightSum = tops.reduce((sum, kpi) => sum + (kpi.weight ?? 0), 0);
const weightOf = (kpi: string) => rules.kpis.find((k) => k.kpi === kpi)?.weight ?? 0;
const shown = (n: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** The demo's last-month measure of a KPI (value, or percent of target); null when not reported. */
function measured(unit: string, kpi: string): number | null {
  const row = lastReported(unit, kpi);
  if (row === null || row.value === null) return null;
  const measure = (rules.kpis as { kpi: string; measure?: string }[]).find((k) => k.kpi === kpi)?.measure;
  if (measure === 'pct_of_target') {
    const target = row.target ?? frameworkTarget(kpi, unit);
    return target ? (row.value / target) * 100 : null;
  }
  return measure === 'value' ? row.value : null;
}

async function idle(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
}

test('the misses list opens ordered by weighted points lost, largest first, ties by district name', async ({
  page
}) => {
  await page.goto('/misses/');
  const table = page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'คะแนนที่เสีย' })).toHaveAttribute(
    'aria-sort',
    'descending'
  );
  // เมืองฉะเชิงเทรา's I1 (households remaining, its own bands): level 4 of 5, weight 10 of 205 in all.
  const i1 = table.getByRole('row', { name: /^เมืองฉะเชิงเทรา I1 / });
  await expect(i1.locator('td').nth(1)).toHaveText(shown(((5 - 4) * weightOf('I1')) / weightSum));
  const rows = table.locator('tbody tr');
  const lost = (await rows.locator('td.lost').allInnerTexts()).map(Number);
  const units = await rows.locator('th').allInnerTexts();
  expect(lost.length).toBeGreaterThan(10);
  const collator = new Intl.Collator('th');
  for (let i = 1; i < lost.length; i++) {
    expect(lost[i]).toBeLessThanOrEqual(lost[i - 1]);
    if (lost[i] === lost[i - 1]) expect(collator.compare(units[i - 1], units[i])).toBeLessThanOrEqual(0);
  }

  // The other orders are kept: by KPI, and back to points lost.
  await table.getByRole('button', { name: 'ตัวชี้วัด' }).click();
  await expect(page).toHaveURL(/s=kpi/);
  await expect(rows.first().locator('td.kpi b')).toHaveText('T1');
  await table.getByRole('button', { name: 'คะแนนที่เสีย' }).click();
  await expect(page).not.toHaveURL(/s=/);
  await expect(rows.first().locator('td.lost')).toHaveText(shown(lost[0]));
});

test('the switch: below the top level, kept in the URL, the counts follow', async ({ page }) => {
  await page.goto('/misses/');
  const choice = page.getByRole('combobox', { name: 'แสดง', exact: true });
  await expect(choice).toHaveValue('target');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ตัวชี้วัดที่ยังไม่ถึงเป้าหมาย');
  const targetCount = await page
    .getByRole('table', { name: 'จำนวนที่ไม่ถึงเป้าหมายรายตัวชี้วัด' })
    .locator('tfoot td')
    .first()
    .innerText();
  await choice.selectOption('top');
  await expect(page).toHaveURL(/m=top/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ตัวชี้วัดที่ยังไม่ถึงระดับสูงสุด');
  const counts = page.getByRole('table', { name: 'จำนวนที่ต่ำกว่าระดับสูงสุดรายตัวชี้วัด' });
  await expect(counts).toBeVisible();
  // No KPI of this framework sets a target level below its top, so both lists hold the same cells.
  expect(rules.kpis.every((kpi) => (kpi as { targetLevel?: string | null }).targetLevel == null)).toBe(true);
  await expect(counts.locator('tfoot td').first()).toHaveText(targetCount);
  await expect(page.getByRole('table', { name: 'รายการที่ต่ำกว่าระดับสูงสุด' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'แสดง', exact: true })).toHaveValue('top');
});

test('the district page: up to three next steps, worth (next level − level) × weight ÷ 205 each', async ({
  page
}) => {
  const unit = 'เมืองฉะเชิงเทรา';
  await page.goto('/district/?u=2401');
  const section = page.getByRole('region', { name: 'สิ่งที่ควรทำต่อ' });
  const items = section.locator('ol li');
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(3);
  const gains: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const kpi = (await item.locator('b').innerText()).trim();
    const gain = Number((await item.locator('.gain').innerText()).replace(/[^\d.]/g, ''));
    gains.push(gain);
    const value = measured(unit, kpi);
    if (value === null) continue; // growth or not reported: checked by the unit tests
    const bands = unitBands(kpi, unit);
    const at = bands.findIndex((band) => {
      const edge = band.value as number;
      return band.op === '>='
        ? value >= edge
        : band.op === '<='
          ? value <= edge
          : band.op === '>'
            ? value > edge
            : value < edge;
    });
    const next = at === -1 ? bands[bands.length - 1] : bands[at - 1];
    const points = at === -1 ? 0 : bands[at].points;
    await expect(item).toContainText(`ระดับ ${next.level}:`);
    expect(shown(gain)).toBe(shown(((next.points - points) * weightOf(kpi)) / weightSum));
  }
  expect(gains).toEqual([...gains].sort((a, b) => b - a));
});

for (const width of [1366, 390]) {
  test(`Buriram at ${width} px: no sideways page scroll on misses and district; the list prints whole`, async ({
    page
  }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    for (const url of ['/misses/?f=buriram-2567-q4', '/district/?f=buriram-2567-q4']) {
      await page.goto(url);
      await idle(page);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.goto('/misses/?f=buriram-2567-q4');
    const heading = page.getByRole('heading', { name: /^รายการที่ไม่ถึงเป้าหมาย \(/ });
    const total = Number((await heading.innerText()).match(/\((\d+)\)/)?.[1]);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const rows = page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' }).locator('tbody tr');
    await expect(rows).toHaveCount(total);
    const box = await page.locator('.scroller').evaluate((el) => getComputedStyle(el).maxHeight);
    expect(box).toBe('none');
  });
}
