/**
 * Issue 7 §2 and §3 in the browser: a framework and results whose every text holds markup (an `onerror` that
 * would record which field leaked), template syntax, formula starts and very long text are imported through the
 * check step, then every view, a chart tooltip and the print view are opened. No script may run, no element may
 * come from data, and the texts must appear literally. Every CSV download of that data must be inert in a
 * spreadsheet (no cell starts like a formula; negative numbers stay numbers; UTF-8 BOM).
 *
 * The page's Content-Security-Policy would block inline handlers even if escaping failed: it is bypassed here,
 * so that this test proves the escaping itself (e2e/privacy.e2e.ts proves the policy).
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALIAS_NAME,
  BAD_KPI_CELL,
  CORRECTED_FILE,
  CRITERION,
  FORMULA_CRITERION,
  FRAMEWORK_ID,
  FRAMEWORK_NAME,
  GROUP,
  HOW_TO_REPORT,
  K1,
  K1_NAME,
  K2,
  K2_NAME,
  NOTE,
  RESULTS_FILE,
  SOURCE,
  TOP_LEVEL,
  UNIT_LABEL,
  correctedResults,
  csvCells,
  hostileFramework,
  hostileResults,
  looksLikeFormula,
  valueOf
} from './support/hostile';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

test.use({ bypassCSP: true });

const VIEW = `f=${encodeURIComponent(FRAMEWORK_ID)}`;

/** Nothing from data ran or became an element. */
async function expectInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss: number[] }).__xss), where).toEqual([]);
  expect(await page.locator('img[src="x"], [onerror], [onload]').count(), where).toBe(0);
}

/** A download's CSV cells, after checking it is Excel-safe: BOM, no formula start; numbers plain. */
async function excelSafe(download: Download): Promise<string[][]> {
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF'), download.suggestedFilename()).toBe(true);
  const cells = csvCells(text);
  for (const row of cells) {
    for (const cell of row)
      expect(looksLikeFormula(cell), `${download.suggestedFilename()}: ${cell}`).toBe(false);
  }
  return cells;
}

async function download(page: Page, button: ReturnType<Page['getByRole']>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return file;
}

test('hostile text from files: shown as text in every view, tooltip and print; every CSV export inert', async ({
  page,
  context
}) => {
  test.setTimeout(300_000);
  await context.addInitScript(() => {
    (window as unknown as { __xss: number[] }).__xss = [];
  });
  const checked: string[] = [];

  await test.step('import through the check step, accepting a suggested name for a district with markup', async () => {
    await page.goto('/data/');
    const input = page.getByLabel('เลือกไฟล์ที่จะนำเข้า');
    await expect(input).toBeEnabled();
    await input.setInputFiles([...hostileFramework(), hostileResults()]);
    const check = page.getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' });
    await expect(check).toContainText(FRAMEWORK_NAME);
    const rejected = check.getByRole('table', { name: 'แถวที่ใช้ไม่ได้' });
    await expect(rejected).toContainText(`ไม่รู้จักตัวชี้วัด "${BAD_KPI_CELL}"`);
    await expect(rejected).toContainText('{{7*7}}');
    const unknown = check.getByRole('list', { name: 'ชื่อหน่วยงานที่ไม่รู้จัก' });
    await expect(unknown).toContainText(ALIAS_NAME);
    await expectInert(page, 'check step');
    await unknown
      .getByRole('listitem')
      .filter({ hasText: ALIAS_NAME })
      .getByRole('button', { name: 'ใช้ บางคล้า' })
      .click();
    await expect(check.getByRole('list', { name: 'ชื่อหน่วยงานที่ไม่รู้จัก' })).not.toContainText(ALIAS_NAME);
    await check.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    const result = page.getByRole('status', { name: 'ผลการนำเข้า' });
    await expect(result.getByTestId('added-count')).toHaveText(String(11 * 3 * 2 + 1));

    const rejections = await excelSafe(
      await download(page, result.getByRole('button', { name: 'ดาวน์โหลดแถวที่ใช้ไม่ได้ (CSV)' }))
    );
    expect(rejections[0]).toEqual(['file', 'line', 'column', 'reason', 'suggestions']);
    expect(rejections[1][0]).toBe(`'${RESULTS_FILE}`);
    checked.push('rejected rows');

    await input.setInputFiles([correctedResults()]);
    await page
      .getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' })
      .getByRole('button', { name: 'นำเข้า', exact: true })
      .click();
    await expect(result.getByTestId('changed-count')).toHaveText('11');
    const changes = await excelSafe(
      await download(page, result.getByRole('button', { name: 'ดาวน์โหลดรายการค่าที่เปลี่ยน (CSV)' }))
    );
    const bangkhla = changes.find((row) => row[0] === 'บางคล้า')!;
    expect(bangkhla.slice(2, 6)).toEqual([
      `'${K2}`,
      '2022-09',
      String(valueOf(K2, 1, 2)),
      String(valueOf(K2, 1, 2) - 10)
    ]);
    expect(bangkhla).toContain(`'${RESULTS_FILE}`);
    expect(bangkhla).toContain(`'${CORRECTED_FILE}`);
    checked.push('changed values');

    const uploads = page.getByRole('table', { name: 'ไฟล์ที่นำเข้าแล้ว' });
    await expect(uploads).toContainText(RESULTS_FILE);
    await expect(uploads).toContainText(CORRECTED_FILE);
    await expect(page.getByRole('table', { name: 'ชื่อที่จับคู่ไว้' })).toContainText(ALIAS_NAME);
    await expectInert(page, 'data view');
  });

  await test.step('league table and its CSV', async () => {
    await page.goto(`/?${VIEW}&p=FY2565-Q4`);
    const table = page.getByRole('table', { name: 'อันดับอำเภอ' });
    await expect(table.locator('tbody tr')).toHaveCount(11);
    await expect(table).toContainText(K1);
    await expect(table).toContainText(TOP_LEVEL);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(FRAMEWORK_NAME);
    await expectInert(page, 'league');
    const cells = await excelSafe(await download(page, page.getByRole('button', { name: 'ดาวน์โหลด CSV' })));
    expect(cells[0]).toContain(`'${K1} ค่าที่วัด`);
    const banphot = cells.find((row) => row[2] === 'บ้านโพธิ์')!;
    expect(banphot).toContain(`'${TOP_LEVEL}`);
    expect(banphot).toContain(String(valueOf(K2, 4, 2) - 10)); // negative (and corrected): a plain number
    checked.push('league');
  });

  await test.step('rules: every text of the framework, and its CSV files', async () => {
    await page.goto(`/rules/?${VIEW}`);
    await page.getByText(/^หมายเหตุ \(การอ่านหนังสือ\)/).click(); // the notes are folded
    for (const text of [
      FRAMEWORK_NAME,
      K1_NAME,
      CRITERION,
      FORMULA_CRITERION,
      NOTE,
      SOURCE,
      UNIT_LABEL,
      HOW_TO_REPORT,
      GROUP
    ]) {
      await expect(
        page.getByText(text, { exact: false }).filter({ visible: true }).first(),
        text
      ).toBeVisible();
    }
    await expect(
      page.getByText(K2_NAME.slice(0, 60), { exact: false }).filter({ visible: true }).first()
    ).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, 'hostile-rules.png'), fullPage: true });
    await expectInert(page, 'rules');
    const region = page.getByRole('region', { name: 'ดาวน์โหลดเกณฑ์' });
    for (const name of ['framework.csv', 'kpis.csv', 'levels.csv']) {
      const cells = await excelSafe(await download(page, region.getByRole('button', { name })));
      if (name === 'kpis.csv') expect(cells[1].slice(0, 3)).toEqual([`'${K1}`, K1_NAME, `'${GROUP}`]);
      if (name === 'levels.csv') {
        expect(cells[1].slice(0, 2)).toEqual([`'${K1}`, `'${TOP_LEVEL}`]);
        expect(cells.find((row) => row[0] === `'${K2}` && row[1] === '2')?.[4]).toBe('-40'); // a number
      }
      checked.push(`rules ${name}`);
    }
  });

  await test.step('district page, its CSV, and its print view', async () => {
    await page.goto(`/district/?${VIEW}&p=FY2565-Q4&u=2405`);
    const card = page.getByRole('table', { name: 'ผลการประเมินตนเองตามตัวชี้วัด' });
    await expect(card).toContainText(K1_NAME);
    await expect(card).toContainText(TOP_LEVEL);
    await expect(page.getByText(CRITERION).filter({ visible: true }).first()).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    ).toBeLessThanOrEqual(0);
    await expectInert(page, 'district');
    const cells = await excelSafe(
      await download(page, page.getByRole('button', { name: 'ดาวน์โหลดแบบรายงาน (CSV)' }))
    );
    expect(cells[1][0]).toBe(`'${K1} ${K1_NAME}`);
    expect(cells[1][3]).toBe(`'${TOP_LEVEL}`);
    expect(cells[2][2]).toBe(String(valueOf(K2, 4, 2) - 10));
    checked.push('district');

    await page.emulateMedia({ media: 'print' });
    await expect(card).toContainText(K1_NAME);
    await expect(page.getByText(CRITERION).filter({ visible: true }).first()).toBeVisible();
    await page.screenshot({ path: path.join(screenshots, 'hostile-district-print.png'), fullPage: true });
    expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
    await expectInert(page, 'print');
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('missions, misses and compare, with their CSVs', async () => {
    await page.goto(`/missions/?${VIEW}&p=FY2565-Q4`);
    const grid = page.getByRole('table', { name: 'ตารางระดับรายอำเภอและตัวชี้วัด' });
    await expect(grid).toContainText(K1);
    await expectInert(page, 'missions');
    const missions = await excelSafe(
      await download(page, page.getByRole('button', { name: 'ดาวน์โหลดตาราง (CSV)' }))
    );
    expect(missions[0]).toContain(`'${K1} value`);
    expect(missions[0]).toContain(`'${K2} value`);
    checked.push('missions');

    await page.goto(`/misses/?${VIEW}&p=FY2565-Q4`);
    await expect(page.getByRole('table', { name: 'รายการที่ไม่ถึงเป้าหมาย' })).toContainText(K2);
    await expectInert(page, 'misses');
    const misses = await excelSafe(
      await download(page, page.getByRole('button', { name: 'ดาวน์โหลดรายการ (CSV)' }))
    );
    expect(misses.some((row) => row[1] === `'${K2}`)).toBe(true);
    expect(misses.some((row) => /^-\d+(\.\d+)?$/.test(row[2]))).toBe(true);
    checked.push('misses');

    await page.goto(`/compare/?${VIEW}&p=2565-09&p2=2565-08`);
    await expect(page.getByRole('img', { name: 'คะแนนรวมของสองช่วงเวลา', exact: true })).toBeVisible();
    await expectInert(page, 'compare');
    const compare = await excelSafe(
      await download(page, page.getByRole('button', { name: 'ดาวน์โหลดตาราง (CSV)' }))
    );
    expect(compare.slice(1).some((row) => /^-\d/.test(row[5]))).toBe(true); // a fall: a negative number
    checked.push('compare');
  });

  await test.step('trends: the KPI chart tooltip shows a level label from the file as text', async () => {
    await page.goto(`/trends/?${VIEW}&p=FY2565-Q4&k=${encodeURIComponent(K1)}&us=2405`);
    const name = `ผลการดำเนินงานรายเดือน ${K1}`;
    const figure = page.locator('figure', { has: page.getByRole('img', { name, exact: true }) });
    await expect(figure.locator('canvas').first()).toBeVisible();
    await expect(page.getByRole('combobox', { name: /^ตัวชี้วัด/ })).toHaveValue(K1);
    await figure.scrollIntoViewIfNeeded();
    // Hover once nothing runs in the background: the chart is drawn again when the other frameworks come in
    // after start-up, and a redraw hides a tooltip already open.
    await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
    const box = (await figure.locator('canvas').first().boundingBox())!;
    // September, the last month: บ้านโพธิ์ reached the top level there. The plot ends left of the zone labels
    // (up to 120 px of room, LABEL_ROOM_MAX, as wide as the widest label drawn): coming in from the right,
    // the first point where the axis tooltip opens is the last month.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = figure.getByText(`ระดับ ${TOP_LEVEL}`, { exact: false });
    for (let dx = 90; dx <= 200; dx += 10) {
      await page.mouse.move(box.x + box.width - dx, box.y + box.height / 2, { steps: 2 });
      if (await tooltip.isVisible()) break;
    }
    await expect(tooltip).toBeVisible();
    await page.screenshot({ path: path.join(screenshots, 'hostile-trends-tooltip.png') });
    await expectInert(page, 'trends tooltip');
    checked.push('trends tooltip');
  });

  console.log(`[hostile-data] checked: ${checked.join(', ')}`);
});
