/**
 * Numbers in the downloads are rounded as shown on screen (issue 13 §8): the league CSV and the misses CSV
 * of two demos (ฉะเชิงเทรา, 1–5; บุรีรัมย์) have no number with more than 4 decimals and no float noise, every
 * measured value has at most the 2 decimals the screen shows, and the misses CSV's measured value and points
 * lost are the very digits of the misses table on screen.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { csvCells } from './support/hostile';

const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const PLAIN = /^-?\d+(?:\.\d{1,4})?$/;

async function idle(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
}

async function downloaded(page: Page, name: string): Promise<string[][]> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click()
  ]);
  return csvCells(readFileSync((await file.path())!, 'utf8')).filter((row) => row.some((cell) => cell));
}

/** Every numeric cell is plain with at most 4 decimals; returns how many numeric cells there were. */
function expectPlain(cells: string[][], what: string): number {
  let numbers = 0;
  for (const row of cells.slice(1)) {
    for (const cell of row) {
      if (!NUMBER.test(cell)) continue;
      numbers++;
      expect(cell, `${what}: ${row.join(',')}`).toMatch(PLAIN);
    }
  }
  return numbers;
}

/** A number as the screen writes it (`ร้อยละ 91.99`, `1,234.5 ครัวเรือน`, `อันดับที่ 3`), read back. */
const screenNumber = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

for (const framework of ['chachoengsao-2565-r2', 'buriram-2567-q4']) {
  test(`${framework}: the league and misses CSVs carry the screen's digits, never float noise`, async ({
    page
  }) => {
    test.setTimeout(180_000);
    await page.goto(`/?f=${framework}`);
    await idle(page);
    const league = await downloaded(page, 'ดาวน์โหลด CSV');
    expect(league.length).toBeGreaterThan(5);
    expect(expectPlain(league, 'league')).toBeGreaterThan(league.length * 3);
    const measuredColumns = league[0].flatMap((name, i) => (name.endsWith(' ค่าที่วัด') ? [i] : []));
    expect(measuredColumns.length).toBeGreaterThan(1);
    let measured = 0;
    for (const row of league.slice(1)) {
      for (const i of measuredColumns) {
        if (row[i] === '') continue;
        measured++;
        expect(row[i], `${row[2]} ${league[0][i]}`).toMatch(/^-?\d+(?:\.\d{1,2})?$/);
      }
    }
    expect(measured).toBeGreaterThan(10);

    await page.goto(`/misses/?f=${framework}`);
    await idle(page);
    const table = page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' });
    await expect(table).toBeVisible();
    const misses = await downloaded(page, 'ดาวน์โหลดรายการ (CSV)');
    expect(misses.length).toBeGreaterThan(10);
    expect(expectPlain(misses, 'misses')).toBeGreaterThan(misses.length);
    // The screen's rows are the CSV's, in the same order (by points lost): the same digits.
    const rows = table.locator('tbody tr');
    const count = Math.min(await rows.count(), 15);
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const csv = misses[i + 1];
      await expect(row.locator('th')).toHaveText(csv[0]);
      await expect(row.locator('td.kpi b')).toHaveText(csv[1]);
      const lost = await row.locator('td.lost').innerText();
      expect(Number(csv[7]), `${csv[0]} ${csv[1]} points lost`).toBe(screenNumber(lost));
      const value = await row
        .locator('td')
        .nth(2)
        .evaluate((cell) => (cell.firstChild?.textContent ?? '').trim());
      if (value === '–') expect(csv[2]).toBe('');
      else expect(Number(csv[2]), `${csv[0]} ${csv[1]} value ${value}`).toBe(screenNumber(value));
    }
  });
}
