/**
 * Issue 5 as a user meets it: real-shaped files from seed 001 (src/lib/ingest/fixtures, made by
 * scripts/gen-ingest-fixtures.ts) go through the check step, are committed, survive a reload; the same file
 * again changes nothing; a corrected month says how many values changed; names are matched once and
 * remembered; the workspace is exported, cleared and imported again.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStep, fileInput, importResult, openData } from './support/pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'src', 'lib', 'ingest', 'fixtures');
const screenshots = path.join(here, 'screenshots');
const fixture = (name: string) => path.join(fixtures, name);

/** The demo's June 2565 T1 rows (read from the CSV, not from the app): which districts already have one. */
function demoJuneT1Units(): Set<string> {
  const lines = readFileSync(
    path.join(here, '..', 'static', 'demo', 'chachoengsao-2565-r2.csv'),
    'utf8'
  ).split('\n');
  return new Set(lines.filter((line) => /^[^,]+,T1,2565-06,/.test(line)).map((line) => line.split(',')[0]));
}
const DISTRICTS_IN_FILE = [
  'บางปะกง',
  'แปลงยาว',
  'บ้านโพธิ์',
  'เมืองฉะเชิงเทรา',
  'คลองเขื่อน',
  'พนมสารคาม',
  'บางคล้า',
  'สนามชัยเขต',
  'ท่าตะเกียบ',
  'ราชสาส์น',
  'บางน้ำเปรี้ยว'
];

async function upload(page: Page, ...names: string[]) {
  await fileInput(page).setInputFiles(names.map(fixture));
  await expect(checkStep(page)).toBeVisible();
}

/** The T1 level chip of a district in the league table (June 2565). */
function t1Chip(page: Page, district: string) {
  return page
    .getByRole('table', { name: 'อันดับอำเภอ' })
    .locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${district}$`) }) })
    .locator('td.kpi')
    .first();
}

async function leagueText(page: Page): Promise<string> {
  return page.getByRole('table', { name: 'อันดับอำเภอ' }).innerText();
}

test('an upload survives a reload; the same file changes nothing; a corrected month says what changed', async ({
  page
}) => {
  await openData(page);
  // Seed 001's budget table exported by Excel in Windows-874, with the provincial work-group rows.
  await upload(page, 'seed001-budget-2565-06.csv');
  const check = checkStep(page);
  await expect(check.getByRole('list', { name: /กลุ่มงานของสำนักงานจังหวัด/ })).toContainText('ยุทธศาสตร์');
  await expect(check.getByRole('table', { name: 'แถวที่ใช้ไม่ได้' }).locator('tbody tr')).toHaveCount(4);
  await expect(check.getByTestId('accepted-count')).toHaveText('11');
  // The first real upload into the built-in framework: its demo goes, and the counts are against real data
  // only — every row is new, none "changed" against a demo value (issue 11).
  await expect(check.getByTestId('demo-removed')).toContainText('ข้อมูลตัวอย่างของกรอบนี้จะถูกนำออก');
  expect(demoJuneT1Units().size).toBeGreaterThan(0); // the demo has June values of its own
  await expect(check.getByTestId('added-count')).toHaveText(String(DISTRICTS_IN_FILE.length));
  await expect(check.getByTestId('changed-count')).toHaveText('0');
  await expect(check).toContainText('CSV · Windows-874 (TIS-620)');
  await page.screenshot({ path: path.join(screenshots, 'data-preview.png'), fullPage: true });
  await check.getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page).getByTestId('added-count')).toHaveText('11');
  await expect(importResult(page).getByTestId('changed-count')).toHaveText('0');

  // The league table of June: บางคล้า 594,515.04 of 721,070 = 82.4% → level 1; คลองเขื่อน 90.4% → level 3.
  await page.goto('/?p=2565-06');
  await expect(t1Chip(page, 'บางคล้า')).toHaveText('1');
  await expect(t1Chip(page, 'คลองเขื่อน')).toHaveText('3');
  await expect(t1Chip(page, 'สนามชัยเขต')).toHaveText('✕');
  const before = await leagueText(page);
  await page.reload();
  await expect(t1Chip(page, 'บางคล้า')).toHaveText('1');
  expect(await leagueText(page)).toBe(before);

  // The same file again: nothing changes.
  await openData(page);
  await upload(page, 'seed001-budget-2565-06.csv');
  await expect(checkStep(page).getByTestId('no-changes')).toHaveText('ไม่มีการเปลี่ยนแปลง');
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page).getByTestId('no-changes')).toHaveText('ไม่มีการเปลี่ยนแปลง');

  // A corrected June: two values change, before → after.
  await upload(page, 'seed001-budget-2565-06-corrected.csv');
  await expect(checkStep(page).getByTestId('changed-count')).toHaveText('2');
  const changes = checkStep(page).getByRole('table', { name: 'ค่าที่เปลี่ยน (เดิม → ใหม่)' });
  await expect(changes).toContainText('ผล 594515.04 → 640215.04');
  await expect(changes).toContainText('เป้าหมาย 483150 → 500000');
  await page.screenshot({ path: path.join(screenshots, 'data-corrected.png'), fullPage: true });
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page).getByTestId('changed-count')).toHaveText('2');
  const uploads = page.getByRole('table', { name: 'ไฟล์ที่นำเข้าแล้ว' });
  await expect(uploads.locator('tbody tr')).toHaveCount(2); // the unchanged re-upload wrote nothing

  // บางคล้า 640,215.04 / 721,070 = 88.8% → 2; คลองเขื่อน 436,974.72 / 500,000 = 87.4% → 2.
  await page.goto('/?p=2565-06');
  await expect(t1Chip(page, 'บางคล้า')).toHaveText('2');
  await expect(t1Chip(page, 'คลองเขื่อน')).toHaveText('2');
  await page.reload();
  await expect(t1Chip(page, 'คลองเขื่อน')).toHaveText('2');
});

test('a workbook is read from its table sheet; misspelt names are matched once and remembered', async ({
  page
}) => {
  await openData(page);
  await upload(page, 'seed001-budget-2565-06.xlsx');
  await expect(checkStep(page)).toContainText('Excel (.xlsx)');
  await expect(checkStep(page).getByTestId('accepted-count')).toHaveText('11');
  await checkStep(page).getByRole('button', { name: 'ยกเลิก' }).click();
  await expect(checkStep(page)).toHaveCount(0);

  await upload(page, 'seed001-loan-villages.txt');
  const unknown = checkStep(page).getByRole('list', { name: 'ชื่อหน่วยงานที่ไม่รู้จัก' });
  await expect(unknown).toContainText('ท่าตะเกรา');
  await unknown.getByRole('button', { name: 'ใช้ ท่าตะเกียบ' }).click();
  await unknown.getByRole('button', { name: 'ใช้ คลองเขื่อน' }).click();
  await expect(checkStep(page).getByRole('list', { name: 'ชื่อหน่วยงานที่ไม่รู้จัก' })).toHaveCount(0);
  await expect(checkStep(page).getByTestId('accepted-count')).toHaveText('6');
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page).getByTestId('added-count')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('เลือกไฟล์ที่จะนำเข้า')).toBeEnabled();
  const aliases = page.getByRole('table', { name: 'ชื่อที่จับคู่ไว้' });
  await expect(aliases).toContainText('ท่าตะเกรา');
  await expect(aliases).toContainText('ท่าตะเกียบ จ.ฉะเชิงเทรา');
  // Remembered: the same file now reads without asking.
  await upload(page, 'seed001-loan-villages.txt');
  await expect(checkStep(page).getByRole('list', { name: 'ชื่อหน่วยงานที่ไม่รู้จัก' })).toHaveCount(0);
  await expect(checkStep(page).getByTestId('no-changes')).toBeVisible();
  await checkStep(page).getByRole('button', { name: 'ยกเลิก' }).click();
});

test('the workspace is exported to one file, cleared with a confirmation, and imported again', async ({
  page
}) => {
  await openData(page);
  await upload(page, 'seed001-budget-2565-06.csv');
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  const uploads = page.getByRole('table', { name: 'ไฟล์ที่นำเข้าแล้ว' });
  await expect(uploads.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('storage-usage')).not.toHaveText('–');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ส่งออกพื้นที่ทำงาน (ไฟล์เดียว)' }).click();
  const file = await (await downloading).path();

  await page.getByRole('button', { name: 'ล้างพื้นที่ทำงาน' }).click();
  await page
    .getByRole('group', { name: /ลบทุกอย่างที่นำเข้า/ })
    .getByRole('button', { name: 'ยืนยัน' })
    .click();
  await expect(uploads).toHaveCount(0);
  await expect(page.getByText('ยังไม่ได้นำเข้าไฟล์ผลการดำเนินงาน')).toBeVisible();
  await page.reload();
  await expect(page.getByText('ยังไม่ได้นำเข้าไฟล์ผลการดำเนินงาน')).toBeVisible();

  await page.getByLabel('นำเข้าพื้นที่ทำงานจากไฟล์').setInputFiles(file);
  await page.getByRole('button', { name: /^นำเข้าพื้นที่ทำงานจากไฟล์: / }).click();
  await page
    .getByRole('group', { name: 'แทนที่พื้นที่ทำงานปัจจุบันด้วยไฟล์นี้?' })
    .getByRole('button', { name: 'ยืนยัน' })
    .click();
  await expect(uploads.locator('tbody tr')).toHaveCount(1);
  await expect(uploads).toContainText('seed001-budget-2565-06.csv');
  await page.screenshot({ path: path.join(screenshots, 'data-view.png'), fullPage: true });
  await page.goto('/?p=2565-06');
  await expect(t1Chip(page, 'คลองเขื่อน')).toHaveText('3');
});
