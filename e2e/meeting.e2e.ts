/**
 * The monthly meeting (issue 13.1, 13.2, 13.6) as a director meets it: the league page opens on the latest
 * month with results, compared with the month before; the headline's average is the mean of the table's
 * totals; "ข้อมูล ณ" is on every view; the round or quarter is one click away; the report for the governor
 * prints every district, the KPI key and the KPIs below target, with page numbers and the data-as-of line
 * (read back from the PDF with pdftotext).
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BURIRAM = 'buriram-2567-q4';

async function ready(page: Page): Promise<void> {
  await expect(page.locator('html[data-idle="true"]')).toBeAttached({ timeout: 60_000 });
}

function periodSelect(page: Page) {
  return page.getByRole('group', { name: 'ตัวเลือกการแสดงผล' }).getByLabel('ช่วงเวลา');
}

function thaiNumber(text: string): number {
  return Number(text.replace(/[^\d.-]/g, ''));
}

test('opens on the latest month against the month before, with the headline and data as of', async ({
  page
}) => {
  await page.goto(`/?f=${BURIRAM}`);
  await ready(page);
  // The demo's last month is September 2567: shown, and compared with August (movement in the table).
  await expect(periodSelect(page)).toHaveValue('2567-09');
  await expect(page.getByTestId('data-as-of')).toContainText('ข้อมูล ณ กันยายน 2567');
  await expect(page.getByTestId('headline-change')).toContainText('จากสิงหาคม 2567');
  await expect(page.getByRole('table', { name: 'อันดับอำเภอ' }).locator('tbody')).toContainText('▲');

  // The round/quarter switch: one click to the quarter holding September, and back to the month.
  const grains = page.getByRole('group', { name: 'ดูเป็น' });
  await grains.getByRole('button', { name: 'ไตรมาส' }).click();
  await expect(page).toHaveURL(/p=FY2567-Q4/);
  await expect(periodSelect(page)).toHaveValue('FY2567-Q4');
  await expect(grains.getByRole('button', { name: 'ไตรมาส' })).toHaveAttribute('aria-pressed', 'true');
  await grains.getByRole('button', { name: 'รายเดือน' }).click();
  await expect(periodSelect(page)).toHaveValue('2567-09');

  // "ข้อมูล ณ" on every view of results.
  for (const view of ['trends', 'compare', 'missions', 'misses', 'district']) {
    await page.goto(`/${view}/?f=${BURIRAM}`);
    await expect(page.getByTestId('data-as-of'), view).toContainText('ข้อมูล ณ กันยายน 2567');
  }
});

test('the headline average is the mean of the totals, and its links lead to the views that explain it', async ({
  page
}) => {
  await page.goto(`/report/?f=${BURIRAM}&p=2567-09`);
  await ready(page);
  // Idle is the background's state, not the view's: the report's rows are drawn when its query answers.
  const rows = page.getByTestId('report-league').locator('tbody tr');
  await expect(rows).toHaveCount(23);
  const totals = await rows.evaluateAll((cells) =>
    cells.map((row) => row.querySelectorAll('td')[2]?.textContent ?? '')
  );
  expect(totals).toHaveLength(23);
  const mean = totals.map(thaiNumber).reduce((sum, total) => sum + total, 0) / totals.length;
  const average = thaiNumber((await page.getByTestId('headline-average').innerText()).split(' ')[0]);
  // Totals are shown to 2 decimals: the mean of the shown numbers is within 0.005 of the real mean.
  expect(Math.abs(average - mean)).toBeLessThanOrEqual(0.0051);

  await page.getByTestId('headline-costly').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/misses\/\?.*k=M\d+/);
});

test('the report for the governor: one click from a view, every district, the key, the misses, page numbers', async ({
  page
}) => {
  await page.addInitScript(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => {
      (window as unknown as { printCalls: number }).printCalls++;
    };
  });
  await page.goto(`/missions/?f=${BURIRAM}`);
  await ready(page);
  await page.getByRole('link', { name: /พิมพ์รายงาน/ }).click();
  await expect(page).toHaveURL(/\/report\/\?f=buriram-2567-q4/);
  await expect(page.getByTestId('report-league').locator('tbody tr')).toHaveCount(23);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
    .toBe(1);
  await ready(page);

  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
  const pdf = path.join(dir, 'report.pdf');
  writeFileSync(
    pdf,
    await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })
  );
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const names = await page.getByTestId('report-league').locator('tbody th').allInnerTexts();
  expect(names).toHaveLength(23);
  for (const name of names) expect(text, name).toContain(name.trim());
  expect(text).toContain('ข้อมูล ณ กันยายน 2567');
  expect(text).toContain('พิมพ์เมื่อ');
  expect(text).toContain('คำอธิบายตัวชี้วัด');
  expect(text).toContain('ตัวชี้วัดที่ไม่ถึงเป้า');
  expect(text).toContain('ข้อมูลตัวอย่าง');
  const pages = text.split('\f').filter((page) => page.trim() !== '');
  expect(pages.length).toBeGreaterThan(1);
  expect(text).toContain(`หน้า 1 / ${pages.length}`);
  expect(text).toContain(`หน้า ${pages.length} / ${pages.length}`);
  // Every KPI of the key and every KPI below target is printed.
  for (const code of await page.getByTestId('report-key').locator('tbody th').allInnerTexts())
    expect(text, code).toMatch(new RegExp(`\\b${code}\\b`));
  for (const code of await page.getByTestId('report-misses').locator('tbody th').allInnerTexts())
    expect(text, code).toMatch(new RegExp(`\\b${code}\\b`));
});

test('the misses list of Buriram prints whole: every row of the list is in the PDF, with the data-as-of line', async ({
  page
}) => {
  await page.goto(`/misses/?f=${BURIRAM}`);
  await ready(page);
  const table = page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' });
  const heading = page.getByRole('heading', { name: /^รายการที่ไม่ถึงเป้าหมาย \(/ });
  const total = Number((await heading.innerText()).match(/\((\d+)\)/)?.[1]);
  expect(total).toBeGreaterThan(200); // more than one "show more" step: the print must draw them all

  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(table.locator('tbody tr')).toHaveCount(total);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map(
        (tr) => `${tr.querySelector('th')!.textContent!.trim()}|${tr.querySelector('td b')!.textContent}`
      )
    );
  const dir = mkdtempSync(path.join(tmpdir(), 'misses-'));
  const pdf = path.join(dir, 'misses.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('ข้อมูล ณ กันยายน 2567');

  // A row prints as one line that starts with the district and its KPI code (the KPI's name may wrap).
  const units = new Set(rows.map((row) => row.split('|')[0]));
  const printed: string[] = [];
  for (const line of text.split('\n')) {
    const match = line.match(/^\s*(\S(?:.*?\S)?)\s{2,}(M\d+)\b/);
    if (match && units.has(match[1])) printed.push(`${match[1]}|${match[2]}`);
  }
  expect(printed.sort()).toEqual([...rows].sort());
});
