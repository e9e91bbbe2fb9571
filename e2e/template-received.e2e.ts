/**
 * Issue 14.2 and 14.3 as a user meets them: the Data page's reporting template is downloaded, filled in by
 * another workbook library (SheetJS, here in the test) for some districts — one of them only partly — and
 * imported with zero rejections; the "who has sent what" grid then shows received (file and date), partly
 * received (the KPIs missing) and not received, at 1366 px and at 390 px (scrolling inside, the district column
 * sticky), and on paper. `/data/#received` scrolls to the grid.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { checkStep, fileInput, importResult } from './support/pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.join(here, 'screenshots');
const LONG = 'แบบรายงาน (แถวละตัวชี้วัด)';
const DATA = '/data/?f=chachoengsao-2565-r2&p=FY2565-R2';

/** Districts that send June and July whole, and one that sends June without these KPIs. */
const FULL = ['บางคล้า', 'บางปะกง'];
const PARTLY = 'พนมสารคาม';
const LEFT_OUT = ['T1', 'I2', 'I3'];

function grid(page: Page) {
  return page.getByTestId('received-grid');
}

function cell(page: Page, district: string, month: string) {
  return grid(page).locator(`tr[data-unit="${district}"] td[data-month="${month}"]`);
}

async function openGrid(page: Page) {
  await page.goto(DATA);
  await expect(fileInput(page)).toBeEnabled();
  await expect(grid(page)).toBeVisible();
}

/** Fills the long sheet of the downloaded template with SheetJS: a value every KPI accepts, within its range. */
function fill(bytes: Buffer): Buffer {
  const book = XLSX.read(bytes, { type: 'buffer' });
  const sheet = book.Sheets[LONG];
  const rows = XLSX.utils.sheet_to_json<(string | null)[]>(sheet, { header: 1, defval: null });
  const [header, ...lines] = rows;
  const col = (name: string) => header.indexOf(name);
  lines.forEach((line, i) => {
    const [district, month, kpi] = [line[col('อำเภอ')], line[col('เดือน')], line[col('รหัสตัวชี้วัด')]];
    const sends =
      (FULL.includes(district!) && (month === 'มิ.ย. 2565' || month === 'ก.ค. 2565')) ||
      (district === PARTLY && month === 'มิ.ย. 2565' && !LEFT_OUT.includes(kpi!));
    if (!sends) return;
    sheet[XLSX.utils.encode_cell({ r: i + 1, c: col('ผลการดำเนินงาน') })] = { t: 'n', v: 3 };
    // T1, I2, I3 are % of a target, I5 a growth on a baseline: the figures that go with them.
    if (col('ค่าเป้าหมาย') >= 0 && ['T1', 'I2', 'I3'].includes(kpi!))
      sheet[XLSX.utils.encode_cell({ r: i + 1, c: col('ค่าเป้าหมาย') })] = { t: 'n', v: 4 };
    if (kpi === 'I5') sheet[XLSX.utils.encode_cell({ r: i + 1, c: col('ฐาน') })] = { t: 'n', v: 2 };
  });
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

test('the template downloaded, filled in and imported; the received grid says who sent what', async ({
  page
}) => {
  await openGrid(page);
  const section = page.locator('section#received');
  await expect(section.getByRole('heading', { level: 2 })).toContainText('การส่งผลรายเดือน');
  // Nothing uploaded yet: the demo does not count; every district × month of the round is not received.
  await expect(page.getByTestId('received-summary')).toHaveText(
    'ส่งครบ 0 · ส่งบางส่วน 0 · ยังไม่ส่ง 66 (หน่วย × เดือน)'
  );
  await expect(grid(page).locator('tbody tr')).toHaveCount(11);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ดาวน์โหลด Excel (.xlsx)' }).click()
  ]);
  expect(download.suggestedFilename()).toBe('แบบรายงาน_chachoengsao-2565-r2_FY2565-R2.xlsx');
  const written = readFileSync((await download.path())!);
  // The CSV (long layout, UTF-8 with BOM for Excel) and one workbook per district, zipped.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV', exact: true }).click()
  ]);
  expect(csv.suggestedFilename()).toBe('แบบรายงาน_chachoengsao-2565-r2_FY2565-R2.csv');
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.startsWith('\uFEFFอำเภอ,เดือน,รหัสตัวชี้วัด,ผลการดำเนินงาน,ค่าเป้าหมาย,ฐาน\r\n')).toBe(true);
  expect(csvText.trimEnd().split('\r\n')).toHaveLength(1 + 11 * 16 * 6);
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'แยกไฟล์รายอำเภอ (.zip)' }).click()
  ]);
  expect(zip.suggestedFilename()).toBe('แบบรายงาน_chachoengsao-2565-r2_FY2565-R2.zip');
  expect(Object.keys(unzipSync(readFileSync((await zip.path())!)))).toHaveLength(11);
  const filled = fill(written);

  await fileInput(page).setInputFiles({
    name: 'ผลเดือนมิถุนายน.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: filled
  });
  const check = checkStep(page);
  await expect(check).toBeVisible();
  const rows = 2 * 2 * 16 + (16 - LEFT_OUT.length);
  await expect(check.getByTestId('accepted-count')).toHaveText(String(rows));
  await expect(check.getByRole('table', { name: 'แถวที่ใช้ไม่ได้' })).toHaveCount(0);
  await check.getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page).getByTestId('added-count')).toHaveText(String(rows));

  await expect(page.getByTestId('received-summary')).toHaveText(
    'ส่งครบ 4 · ส่งบางส่วน 1 · ยังไม่ส่ง 61 (หน่วย × เดือน)'
  );
  for (const district of FULL) {
    for (const month of ['2022-06', '2022-07']) {
      await expect(cell(page, district, month)).toHaveAttribute('data-status', 'received');
      await expect(cell(page, district, month)).toContainText('ผลเดือนมิถุนายน.xlsx');
    }
    await expect(cell(page, district, '2022-08')).toHaveAttribute('data-status', 'none');
  }
  const partly = cell(page, PARTLY, '2022-06');
  await expect(partly).toHaveAttribute('data-status', 'partial');
  await expect(partly).toContainText('ส่งบางส่วน');
  await expect(partly).toContainText(`ขาด ${LEFT_OUT.join(', ')}`);
  // The date it came in (today, in Thai).
  const today = new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium' }).format(new Date());
  await expect(partly).toContainText(today);
  await expect(cell(page, PARTLY, '2022-07')).toHaveAttribute('data-status', 'none');
  await expect(cell(page, 'เมืองฉะเชิงเทรา', '2022-06')).toContainText('ยังไม่ส่ง');

  // The league of June has the numbers filled in: บางคล้า reported T2 = 3 steps.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('section#received').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, 'data-received-1366.png'), fullPage: true });

  // 390 px: the grid scrolls inside itself, the page does not; the district column stays in view.
  await page.setViewportSize({ width: 390, height: 844 });
  const scroll = grid(page).locator('xpath=..');
  const widths = await scroll.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const unitCell = grid(page).locator(`tr[data-unit="${PARTLY}"] th`);
  const before = await unitCell.boundingBox();
  await scroll.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const after = await unitCell.boundingBox();
  expect(after!.x).toBeCloseTo(before!.x, 0);
  // Scrolled to the end: September's cell is on screen sideways, beside the sticky district column.
  const september = (await cell(page, PARTLY, '2022-09').boundingBox())!;
  expect(september.x + september.width).toBeLessThanOrEqual(390);
  expect(september.x).toBeGreaterThanOrEqual(after!.x + after!.width - 1);
  await page
    .locator('section#received')
    .screenshot({ path: path.join(screenshots, 'data-received-390.png') });
  await page.screenshot({ path: path.join(screenshots, 'data-390.png'), fullPage: true });

  // On paper: the whole grid, no scrolling box, no template buttons.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'ดาวน์โหลด Excel (.xlsx)' })).toBeHidden();
  const printed = await scroll.evaluate((el) => ({
    overflow: getComputedStyle(el).overflowX,
    scroll: el.scrollWidth,
    client: el.clientWidth
  }));
  expect(printed.overflow).toBe('visible');
  await page
    .locator('section#received')
    .screenshot({ path: path.join(screenshots, 'data-received-print.png') });
  await page.pdf({ path: path.join(screenshots, 'data-received.pdf'), format: 'A4', landscape: true });
  await page.emulateMedia({ media: 'screen' });
});

test('/data/#received scrolls to the grid', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${DATA}#received`);
  await expect(grid(page)).toBeVisible();
  await expect(page.locator('#received h2')).toBeInViewport();
});
