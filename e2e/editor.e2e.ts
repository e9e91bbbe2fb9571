/**
 * Issue 14.1 as a director meets it: the Chachoengsao framework (seed 001, R2/2565) copied for R1/2566 in the
 * editor, a weight and a band changed, the warnings seen (a group's weights off 100, the monthly targets of
 * the old round, a band text that still says the old threshold), saved into the workspace, downloaded as its
 * §9.2 folder, imported in a fresh browser: the same framework (deep-equal, as JSON) that scores the same
 * (`npm run score` on both folders, with results filled in from the command line's own template).
 */
import { expect, test, type Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStep, downloadRulesFile, fileInput } from './support/pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const screenshots = path.join(here, 'screenshots');
const COPY = 'chachoengsao-2566-r1';
const FILES = ['framework.csv', 'kpis.csv', 'levels.csv', 'targets.csv'];

function score(args: string[]) {
  const run = spawnSync('npx', ['tsx', 'cli/score.ts', ...args], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Imports a framework folder into a fresh browser context and returns what its rules page downloads. */
async function importFolder(browser: Browser, folder: string): Promise<{ json: string; files: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/data/');
  await expect(fileInput(page)).toBeEnabled();
  await fileInput(page).setInputFiles(FILES.map((name) => path.join(folder, name)));
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(checkStep(page)).toBeHidden();
  await page.goto(`/rules/?f=${COPY}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const json = (await downloadRulesFile(page, `${COPY}.json`)).text;
  const files = [];
  for (const name of FILES) files.push((await downloadRulesFile(page, name)).text);
  await context.close();
  return { json, files };
}

test('copy for the next round, edit, save, download, import elsewhere: the same framework, the same scores', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  await page.goto('/rules/?f=chachoengsao-2565-r2');
  await page.getByRole('link', { name: 'แก้ไข / คัดลอกสำหรับรอบถัดไป' }).click();
  await expect(page).toHaveURL(/\/editor\/\?f=chachoengsao-2565-r2/);
  await page.getByRole('button', { name: 'คัดลอกสำหรับรอบถัดไป' }).click();

  // What the copy changed, and the monthly targets of Apr–Sep 2565 that no longer fall in Oct 2565 – Mar 2566.
  const changes = page.getByRole('region', { name: 'สิ่งที่เปลี่ยนเมื่อคัดลอก' });
  await expect(changes).toContainText(`เป็น ${COPY} (R1 ปีงบประมาณ 2566)`);
  await expect(changes).toContainText('ค่าเป้าหมายรายเดือน 66 แถว');
  const checks = page.getByRole('region', { name: 'ผลการตรวจ' });
  await expect(checks).toContainText('อยู่นอกช่วงของชุดเกณฑ์ (ต.ค. 2565 – มี.ค. 2566)');
  await expect(page.getByLabel('รหัสชุดเกณฑ์')).toHaveValue(COPY);

  // A weight: T1 40 → 45, and the team group's sum says 105, with the validator's warning.
  const weight = page.getByLabel('T1: น้ำหนัก (ร้อยละ)', { exact: true });
  const before = Number(await weight.inputValue());
  await weight.fill(String(before + 5));
  await weight.press('Tab');
  await expect(page.getByRole('status', { name: 'น้ำหนักรวม' })).toContainText(`${100 + 5}`);
  await expect(checks).toContainText('ไม่ใช่ 100');

  // A band: T1 level 4 from 95 to 94; its text (the letter's, in Thai digits) still says ๙๕ — then fixed.
  await page.locator('details.kpi-bands', { hasText: 'T1' }).first().locator(':scope > summary').click();
  const threshold = page.getByLabel('T1 ระดับ 4: เกณฑ์', { exact: true });
  await expect(threshold).toHaveValue('95');
  await threshold.fill('94');
  await threshold.press('Tab');
  await expect(page.getByText('คำอธิบายยังเขียนว่า ๙๕ แต่เกณฑ์เป็น ๙๔')).toBeVisible();
  await page.screenshot({ path: `${screenshots}/editor-warnings.png` });
  await page.getByRole('button', { name: 'แก้เป็น ๙๔' }).click();
  const text = page.getByLabel('T1 ระดับ 4: คำอธิบายเกณฑ์', { exact: true });
  await expect(text).toHaveValue('ไม่น้อยกว่าร้อยละ ๙๔ ของงบประมาณที่ได้รับการจัดสรร');
  // Undo takes the text back, redo brings the fix again.
  await page.getByRole('button', { name: 'เลิกทำ' }).click();
  await expect(text).toHaveValue('ไม่น้อยกว่าร้อยละ ๙๕ ของงบประมาณที่ได้รับการจัดสรร');
  await page.getByRole('button', { name: 'ทำซ้ำ' }).click();
  await expect(text).toHaveValue('ไม่น้อยกว่าร้อยละ ๙๔ ของงบประมาณที่ได้รับการจัดสรร');
  // The preview: the demo's R2/2565 results under the edited rules, beside the rules as they were.
  const preview = page.getByRole('table', { name: 'ตัวอย่างอันดับตามเกณฑ์นี้' });
  await expect(preview.locator('tbody tr')).toHaveCount(11);
  await expect(page.getByRole('region', { name: 'ตัวอย่างอันดับตามเกณฑ์นี้' })).toContainText(
    '(ข้อมูลตัวอย่าง ไม่ใช่ผลจริง)'
  );
  // T1 weighs more: some district's % of the maximum is not what it was under the old rules.
  await expect
    .poll(async () =>
      (await preview.locator('tbody tr').allInnerTexts()).some((line) => {
        const [, , now, before] = line.split('\t');
        return before !== undefined && !before.includes(`(${now.trim()})`);
      })
    )
    .toBe(true);

  // Per-unit targets: a block pasted from Excel into the first cell of the grid (T1's budget, I2's target).
  const grid = page.getByRole('table', { name: 'ค่าเป้าหมายรายหน่วย (ทุกเดือน)' });
  const first = grid.getByLabel('เมืองฉะเชิงเทรา T1 เป้าหมาย', { exact: true });
  await first.evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    );
  }, '900000\t95\n800000\t96\n');
  await expect(first).toHaveValue('900000');
  await expect(grid.getByLabel('เมืองฉะเชิงเทรา I2 เป้าหมาย', { exact: true })).toHaveValue('95');
  await expect(grid.getByLabel('บางคล้า I2 เป้าหมาย', { exact: true })).toHaveValue('96');

  // Per-unit bands: seed 001's I1 ceilings per district, a grid under the KPI's ladder; one changed.
  await page.locator('details.kpi-bands', { hasText: 'I1' }).first().locator(':scope > summary').click();
  const ceilings = page.getByRole('table', { name: 'I1 เกณฑ์เฉพาะอำเภอ/จังหวัด' });
  const ceiling = ceilings.getByLabel('เมืองฉะเชิงเทรา ระดับ 2 (<=)', { exact: true });
  await expect(ceiling).toHaveValue('58');
  await ceiling.fill('57');
  await ceiling.press('Tab');

  // A reload keeps the unsaved draft: offered back, with every edit in it.
  await page.waitForTimeout(700); // the draft is written once the edits settle (500 ms)
  await page.reload();
  await page.getByRole('button', { name: 'แก้ร่างนั้นต่อ' }).click();
  await expect(weight).toHaveValue(String(before + 5));
  await expect(first).toHaveValue('900000');
  await page.locator('details.kpi-bands', { hasText: 'T1' }).first().locator(':scope > summary').click();
  await expect(text).toHaveValue('ไม่น้อยกว่าร้อยละ ๙๔ ของงบประมาณที่ได้รับการจัดสรร');

  // Wide tables scroll inside their box: the page itself is never wider than the window, on a phone neither.
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${screenshots}/editor-390.png` });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Saved into the workspace: the rules page of the new framework.
  await page.getByRole('button', { name: 'บันทึกลงพื้นที่ทำงาน' }).click();
  await expect(page).toHaveURL(new RegExp(`/rules/\\?f=${COPY}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('รอบการประเมินที่ ๑ ปีงบประมาณ พ.ศ. ๒๕๖๖');

  // Its folder and JSON, downloaded.
  const folder = mkdtempSync(path.join(tmpdir(), 'editor-a-'));
  const json = (await downloadRulesFile(page, `${COPY}.json`)).text;
  for (const name of FILES)
    writeFileSync(path.join(folder, name), (await downloadRulesFile(page, name)).text);
  const saved = JSON.parse(json);
  expect(saved.kpis.find((k: { kpi: string }) => k.kpi === 'T1').weight).toBe(before + 5);
  const level4 = saved.bands.find(
    (b: { kpi: string; level: string; unit: null }) => b.kpi === 'T1' && b.level === '4' && b.unit === null
  );
  expect([level4.value, level4.label]).toEqual([94, 'ไม่น้อยกว่าร้อยละ ๙๔ ของงบประมาณที่ได้รับการจัดสรร']);
  const t1Target = saved.targets.find(
    (x: { kpi: string; unit: string; month: string | null }) =>
      x.kpi === 'T1' && x.unit === 'เมืองฉะเชิงเทรา' && x.month === null
  );
  expect(t1Target.target).toBe(900000);
  const i1 = saved.bands.find(
    (b: { kpi: string; level: string; unit: string | null }) =>
      b.kpi === 'I1' && b.level === '2' && b.unit === 'เมืองฉะเชิงเทรา'
  );
  expect([i1.value, i1.label.endsWith('(เมืองฉะเชิงเทรา: ไม่เกิน ๕๗ ครัวเรือน)')]).toEqual([57, true]);

  // Imported in a fresh browser: the same framework, and the same files again.
  const again = await importFolder(browser, folder);
  expect(JSON.parse(again.json)).toEqual(saved);
  const second = mkdtempSync(path.join(tmpdir(), 'editor-b-'));
  FILES.forEach((name, i) => writeFileSync(path.join(second, name), again.files[i]));

  // The same scores from the command line, on results filled into its own template for R1/2566.
  const template = path.join(folder, 'template.csv');
  score(['--framework', folder, '--period', 'FY2566-R1', '--template', template]);
  const lines = readFileSync(template, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  const header = lines[0].split(',');
  const valueAt = header.findIndex((name) => /ผล|value/i.test(name));
  expect(valueAt).toBeGreaterThan(0);
  const filled = [
    lines[0],
    ...lines.slice(1).map((line, i) => {
      const cells = line.split(',');
      cells[valueAt] = String((i * 7) % 5);
      return cells.join(',');
    })
  ];
  const results = path.join(folder, 'results.csv');
  writeFileSync(results, filled.join('\n'));
  const args = (dir: string) => ['--framework', dir, '--results', results, '--period', 'FY2566-R1'];
  const scored = score(args(folder));
  expect(scored.trim().split('\n').length).toBeGreaterThan(5);
  expect(score(args(second))).toBe(scored);
});
