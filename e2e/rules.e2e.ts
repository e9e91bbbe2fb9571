import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadRulesFile } from './support/pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const fixtures = path.join(here, 'fixtures');
const screenshots = path.join(here, 'screenshots');

/** The built-in frameworks, read from the list in src/lib/frameworks/builtin.ts and their JSON files. */
function builtinFrameworks(): { id: string; name: string; kpis: number; bands: number }[] {
  const source = readFileSync(path.join(root, 'src/lib/frameworks/builtin.ts'), 'utf8');
  const list = source.slice(source.indexOf('const SOURCES'));
  const files = [...list.matchAll(/file: '([^']+\.json)'/g)].map((match) => match[1]);
  return files.map((file) => {
    const json = JSON.parse(readFileSync(path.join(root, 'src/lib/frameworks/builtin', file), 'utf8'));
    return { id: json.id, name: json.name, kpis: json.kpis.length, bands: json.bands.length };
  });
}

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** The cells (not the row header) of the row of a table whose header cell is `rowName`. */
function rowCells(page: Page, table: string, rowName: string) {
  return page
    .getByRole('table', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) })
    .getByRole('cell');
}

function kpiArticle(page: Page, heading: string | RegExp) {
  return page.getByRole('article', { name: heading });
}

/** What each built-in framework's rules page must show beyond its name. A new built-in needs an entry. */
const CHECKS: Record<string, (page: Page) => Promise<void>> = {
  'chachoengsao-2565-r2': async (page) => {
    await expect(page.getByText('จังหวัดฉะเชิงเทรา', { exact: true })).toBeVisible();
    await expect(page.getByText('รอบการประเมินที่ 2 (เม.ย. 2565 – ก.ย. 2565)')).toBeVisible();
    // The letter's individual weights sum to 105 (10+15+10×7+5+5): a warning at the top, never hidden.
    await expect(region(page, 'ผลการตรวจสอบเกณฑ์')).toContainText(
      'น้ำหนัก (weight) ของกลุ่ม ตัวชี้วัดรายบุคคล รวมกันได้ 105 ไม่ใช่ 100'
    );
    await expect(page.getByRole('heading', { level: 2, name: 'ตัวชี้วัดรายบุคคล น้ำหนักรวม 105' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'ตัวชี้วัดรายทีม น้ำหนักรวม 100' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'T1 ร้อยละของการใช้จ่ายเงินงบประมาณ' })).toBeVisible();
    await expect(rowCells(page, 'เกณฑ์ระดับ T1', '5').nth(1)).toHaveText('≥ 100');
    // Seed 001: households remaining per level in เมืองฉะเชิงเทรา (level 1 … 5).
    await expect(rowCells(page, 'เกณฑ์รายอำเภอ I1', 'เมืองฉะเชิงเทรา')).toHaveText([
      '≤ 67',
      '≤ 58',
      '≤ 48',
      '≤ 38',
      '≤ 29'
    ]);
    // The letter's all-zero row (๐ ๐ ๐ ๐ ๐) as written: five "≤ 0" bands; levels 4–1 can never be reached
    // (level 5 takes 0 first), said next to the KPI's ladder and at the top.
    await expect(rowCells(page, 'เกณฑ์รายอำเภอ I1', 'พนมสารคาม')).toHaveText([
      '≤ 0',
      '≤ 0',
      '≤ 0',
      '≤ 0',
      '≤ 0'
    ]);
    const i1 = kpiArticle(page, 'I1 ร้อยละของครัวเรือนยากจนเป้าหมายที่มีรายได้ต่ำกว่าเกณฑ์ จปฐ. คงเหลือ');
    await expect(i1.getByRole('note', { name: 'ระดับที่ไม่มีทางได้ I1' })).toContainText(
      'พนมสารคาม, แปลงยาว, ท่าตะเกียบ: ระดับ 4, 3, 2, 1 ไม่มีทางได้'
    );
    await expect(i1).toContainText(/ค่าที่รายงานได้\s*ไม่น้อยกว่า 0/);
    await expect(region(page, 'ผลการตรวจสอบเกณฑ์')).toContainText(
      'ตัวชี้วัด I1 หน่วยงาน ท่าตะเกียบ: ระดับ 4, 3, 2, 1 ไม่มีทางได้'
    );
    await expect(kpiArticle(page, /^T2 /)).toContainText(/ค่าที่รายงานได้\s*0–5/);
    await expect(rowCells(page, 'ค่าเป้าหมายรายอำเภอ I5', 'เมืองฉะเชิงเทรา')).toHaveText([
      '83,000',
      '83,000',
      '83,000',
      '83,000',
      '84,000',
      '84,000'
    ]);
    await expect(rowCells(page, 'ค่าเป้าหมายรายอำเภอ T1', 'ท่าตะเกียบ')).toHaveText(['1,020,155.28']);
    const i5 = kpiArticle(page, 'I5 ร้อยละที่เพิ่มขึ้นของรายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP) โดยผ่านช่องทางออนไลน์');
    await expect(i5).toContainText('ร้อยละการเติบโตจากฐาน');
    await expect(i5).toContainText('รวมทุกเดือน');
  },
  'buriram-2567-q4': async (page) => {
    await expect(page.getByText('จังหวัดบุรีรัมย์', { exact: true })).toBeVisible();
    await expect(page.getByText('ไตรมาสที่ 4 (ก.ค. 2567 – ก.ย. 2567)')).toBeVisible();
    await expect(region(page, 'ผลการตรวจสอบเกณฑ์')).toContainText('ไม่มีตัวชี้วัดใดกำหนดน้ำหนัก');
    const m2 = kpiArticle(page, 'M2 การสร้างความมั่นคงทางอาหาร');
    await expect(m2).toContainText('นับจำนวนข้อที่ได้ระดับสูงสุด (M2.1, M2.2, M2.3)');
    await expect(region(page, 'ข้อย่อย M2').getByRole('article')).toHaveCount(3);
    await expect(kpiArticle(page, 'M5 โครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์ (OTOP)')).toContainText(
      'ต่ำสุดของคะแนนข้อย่อย (M5.1, M5.2)'
    );
    await expect(rowCells(page, 'เกณฑ์ระดับ M6.1', '100').nth(1)).toHaveText('< 10');
    await expect(rowCells(page, 'เกณฑ์ระดับ M1', 'D').nth(1)).toHaveText('ทุกค่าที่เหลือ');
  },
  'sakaeo-2567-r1': async (page) => {
    await expect(page.getByText('รอบการประเมินที่ 1 (ต.ค. 2566 – มี.ค. 2567)')).toBeVisible();
    await expect(region(page, 'ผลการตรวจสอบเกณฑ์')).toContainText('ตรวจสอบเกณฑ์แล้ว ไม่พบปัญหา');
    await expect(page.getByRole('heading', { level: 2, name: 'ตัวชี้วัดรายบุคคล น้ำหนักรวม 100' })).toBeVisible();
    await expect(rowCells(page, 'เกณฑ์ระดับ T2', '5').nth(1)).toHaveText('> 95');
    await expect(rowCells(page, 'เกณฑ์ระดับ I5b', '4').nth(1)).toHaveText('ระหว่าง 80 ถึง 89.99');
    await expect(region(page, 'ข้อย่อย I5')).toBeVisible();
  },
  'chaiyaphum-2562-r1': async (page) => {
    await expect(page.getByText('จังหวัดชัยภูมิ', { exact: true })).toBeVisible();
    const t3 = kpiArticle(page, 'T3 ระดับความสำเร็จของการส่งรายงาน');
    await expect(t3).toContainText('อันดับ (มากไปน้อย)');
    await expect(t3).toContainText('รวมทุกเดือน');
    await expect(rowCells(page, 'เกณฑ์ระดับ T3', '5').nth(1)).toHaveText('≤ 5');
    await expect(rowCells(page, 'เกณฑ์ระดับ T1', '4').nth(1)).toHaveText('ระหว่าง 80 ถึง 89.99');
  },
  'cdd-staff-2565': async (page) => {
    await expect(page.getByText('ทั้งประเทศ (รายจังหวัด)')).toBeVisible();
    await expect(page.getByText('ทั้งปีงบประมาณ (ต.ค. 2564 – ก.ย. 2565)')).toBeVisible();
    await expect(region(page, 'ผลการตรวจสอบเกณฑ์')).toContainText('ไม่มีตัวชี้วัดใดกำหนดน้ำหนัก');
    const k3 = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /^K3 / }) });
    await expect(k3).toContainText('ค่าเฉลี่ย');
    await expect(rowCells(page, 'เกณฑ์ระดับ K2', '1').nth(1)).toHaveText('ทุกค่าที่เหลือ');
  }
};

for (const framework of builtinFrameworks()) {
  test(`rules page of ${framework.id}`, async ({ page }) => {
    const check = CHECKS[framework.id];
    expect(check, `no rules-page check for built-in framework ${framework.id}`).toBeDefined();
    await page.goto(`/rules?f=${framework.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(framework.name);
    await check(page);
    // The framework as JSON: the same rules as the built-in file.
    const json = await downloadRulesFile(page, `${framework.id}.json`);
    expect(json.name).toBe(`${framework.id}.json`);
    const downloaded = JSON.parse(json.text);
    expect([downloaded.id, downloaded.kpis.length, downloaded.bands.length]).toEqual([
      framework.id,
      framework.kpis,
      framework.bands
    ]);
    // The §9.2 levels.csv: its header, then at least one line per band (a label may hold a line break).
    const levels = await downloadRulesFile(page, 'levels.csv');
    expect(levels.name).toBe('levels.csv');
    const lines = levels.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).toBe('kpi,level,points,op,value,value2,unit,label');
    expect(lines.length).toBeGreaterThanOrEqual(framework.bands + 1);
    await page.screenshot({ path: path.join(screenshots, `rules-${framework.id}.png`), fullPage: true });
  });
}

test('an imported framework shows the same validation warning as the command line', async ({ page }) => {
  const folder = path.join(fixtures, 'weights-90');
  const cli = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'score',
      '--',
      '--framework',
      folder,
      '--results',
      path.join(fixtures, 'upload-results.csv'),
      '--period',
      'FY2565-R2'
    ],
    { cwd: root, encoding: 'utf8' }
  );
  expect(cli.status, cli.stderr).toBe(0);
  // `warning: <where>: <message>` lines about the framework's own files.
  const warnings = cli.stderr
    .split('\n')
    .filter((line) => /^warning: (framework|kpis|levels)\.csv/.test(line))
    .map((line) => line.slice('warning: '.length));
  expect(warnings.some((line) => line.includes('รวมกันได้ 90 ไม่ใช่ 100'))).toBe(true);

  await page.goto('/');
  await expect(page.getByRole('table', { name: 'อันดับอำเภอ' })).toBeVisible();
  const input = page.getByLabel('เลือกไฟล์ที่จะนำเข้า');
  await expect(input).toBeEnabled();
  await input.setInputFiles(
    ['framework.csv', 'kpis.csv', 'levels.csv'].map((file) => path.join(folder, file))
  );
  const upload = region(page, 'นำเข้าข้อมูล');
  for (const warning of warnings) await expect(upload).toContainText(warning);
  // Imports that show their validation report first wait for "นำเข้า".
  const confirm = upload.getByRole('button', { name: 'นำเข้า', exact: true });
  if (await confirm.isVisible()) await confirm.click();
  const name = 'ทดสอบ: น้ำหนักรวม 90 ฉะเชิงเทรา';
  const frameworkSelect = page.getByRole('combobox', { name: 'กรอบการประเมิน' });
  await expect(frameworkSelect.getByRole('option', { name })).toHaveCount(1);

  await page.getByRole('navigation', { name: 'หลัก' }).getByRole('link', { name: 'เกณฑ์' }).click();
  await page.getByRole('combobox', { name: 'กรอบการประเมิน' }).selectOption({ label: name });
  await expect(page).toHaveURL(/\/rules\/?\?(.*&)?f=e2e-weights-90/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  // Right after the import the rules page names the file and line too, as the command line does.
  for (const warning of warnings) await expect(region(page, 'ผลการตรวจสอบเกณฑ์')).toContainText(warning);
  await expect(
    region(page, 'ผลการตรวจสอบเกณฑ์').getByRole('listitem').filter({ hasText: 'รวมกันได้ 90 ไม่ใช่ 100' })
  ).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'ทีม น้ำหนักรวม 90' })).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'rules-imported-weights-90.png'), fullPage: true });
});

test('the rules page reads in English too', async ({ page }) => {
  await page.goto('/rules?f=sakaeo-2567-r1&lang=en');
  await expect(page.getByText('Round 1 (Oct 2023 – Mar 2024)')).toBeVisible();
  await expect(rowCells(page, 'Bands of I5b', '4').nth(1)).toHaveText('between 80 and 89.99');
  await expect(region(page, 'Framework check')).toContainText('Framework checked: no problems found');
});
