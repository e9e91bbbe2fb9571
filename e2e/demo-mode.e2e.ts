/**
 * Demo data is a mode, not data (issue 11), as a user meets it: the demo of a built-in framework is labelled
 * ข้อมูลตัวอย่าง on every view; the first real upload starts the framework's real data from nothing (the check
 * step says the demo goes; a one-row file leaves every other district "not reported"); the label is gone from
 * the real views; clearing the workspace leaves no real data (the labelled demo comes back); an imported
 * framework without results says so instead of ranking everyone first.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStep, fileInput, importResult, leagueTable, navLink, openData, toData } from './support/pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const screenshots = path.join(here, 'screenshots');

/** The views of results: each labels demo data. */
const VIEWS = ['อันดับ', 'แนวโน้ม', 'เปรียบเทียบ', 'ภารกิจ', 'ไม่ถึงเป้า', 'รายอำเภอ'];

function demoBanner(page: Page) {
  return page.getByRole('note', { name: 'ข้อมูลตัวอย่าง' });
}

/** Goes through every view by its link (one tab, one workspace) and checks the demo label on each. */
async function everyView(page: Page, labelled: boolean) {
  for (const name of VIEWS) {
    await navLink(page, name).click();
    await expect(navLink(page, name)).toHaveAttribute('aria-current', 'page');
    // The view's heading is up: the page has rendered what it shows.
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    if (labelled) await expect(demoBanner(page), name).toBeVisible();
    else await expect(demoBanner(page), name).toHaveCount(0);
  }
}

test('a one-row upload into a built-in framework leaves the other districts "not reported"; the demo label is on every demo view and absent from real ones; clearing the workspace leaves nothing', async ({
  page
}) => {
  await page.goto('/?p=2565-06');
  await expect(leagueTable(page)).toBeVisible();
  await expect(demoBanner(page)).toContainText('ไม่ใช่ผลการดำเนินงานจริง');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(screenshots, 'demo-mode-league.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(demoBanner(page)).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'demo-mode-league-390.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await everyView(page, true);

  // The first real upload: the check step says the demo goes, and counts against real data only.
  await toData(page);
  await fileInput(page).setInputFiles(path.join(fixtures, 'demo-one-row.csv'));
  const check = checkStep(page);
  await expect(check.getByTestId('demo-removed')).toContainText('ข้อมูลตัวอย่างของกรอบนี้จะถูกนำออก');
  await expect(check.getByTestId('accepted-count')).toHaveText('1');
  await expect(check.getByTestId('added-count')).toHaveText('1');
  await expect(check.getByTestId('changed-count')).toHaveText('0');
  await check.getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(importResult(page).getByTestId('added-count')).toHaveText('1');

  // June's league: บางคล้า's T1 is the only reported value; every other cell is "not reported" (–).
  await navLink(page, 'อันดับ').click();
  const table = leagueTable(page);
  await expect(table.locator('tbody tr')).toHaveCount(11);
  await expect(demoBanner(page)).toHaveCount(0);
  const bangKhla = table.locator('tbody tr', { has: page.locator('th', { hasText: /^บางคล้า$/ }) });
  await expect(bangKhla.locator('td.kpi').first()).not.toHaveText('–');
  const chips = await table.locator('tbody tr td.kpi').allInnerTexts();
  expect(chips.filter((text) => text.trim() !== '–')).toHaveLength(1);
  await page.screenshot({ path: path.join(screenshots, 'demo-mode-one-row.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshots, 'demo-mode-one-row-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await everyView(page, false);

  // The same after a reload.
  await navLink(page, 'อันดับ').click();
  await expect(navLink(page, 'อันดับ')).toHaveAttribute('aria-current', 'page');
  await page.reload();
  await expect(leagueTable(page).locator('tbody tr')).toHaveCount(11);
  await expect(demoBanner(page)).toHaveCount(0);

  // The demo can be looked at apart, labelled, and left again.
  await toData(page);
  await page.getByRole('group', { name: 'ข้อมูลที่แสดงของกรอบนี้' }).getByLabel('ข้อมูลตัวอย่าง').check();
  await expect(page).toHaveURL(/d=demo/);
  await navLink(page, 'อันดับ').click();
  await expect(demoBanner(page)).toContainText('แยกจากผลจริง');
  await demoBanner(page)
    .getByRole('link', { name: /กลับไปดูผลจริง/ })
    .click();
  await expect(demoBanner(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/d=demo/);

  // Clearing the workspace: no uploads, no real data; the built-in is back in its labelled demo mode.
  await toData(page);
  await page.getByRole('button', { name: 'ล้างพื้นที่ทำงาน' }).click();
  await page
    .getByRole('group', { name: /ลบทุกอย่างที่นำเข้า/ })
    .getByRole('button', { name: 'ยืนยัน' })
    .click();
  await expect(page.getByText('ยังไม่ได้นำเข้าไฟล์ผลการดำเนินงาน')).toBeVisible();
  await navLink(page, 'อันดับ').click();
  await expect(demoBanner(page)).toBeVisible();
  // Its real results, asked for: there are none.
  await page.goto('/?p=2565-06&d=real');
  await expect(page.getByRole('status', { name: 'ยังไม่มีผลการดำเนินงาน' })).toBeVisible();
  await expect(leagueTable(page)).toHaveCount(0);
  await expect(demoBanner(page)).toHaveCount(0);
});

test('an imported framework without results says so, with the way to upload, instead of a table of ties', async ({
  page
}) => {
  await openData(page);
  await fileInput(page).setInputFiles(
    ['framework.csv', 'kpis.csv', 'levels.csv'].map((name) => path.join(fixtures, 'upload-framework', name))
  );
  await checkStep(page).getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(page).toHaveURL(/f=e2e-budget/);
  for (const name of ['อันดับ', 'แนวโน้ม', 'ภารกิจ', 'ไม่ถึงเป้า', 'รายอำเภอ', 'เปรียบเทียบ']) {
    await navLink(page, name).click();
    const empty = page.getByRole('status', { name: 'ยังไม่มีผลการดำเนินงาน' });
    await expect(empty, name).toBeVisible();
    await expect(demoBanner(page)).toHaveCount(0);
    await expect(empty.getByRole('link', { name: 'นำเข้าไฟล์ผลการดำเนินงานที่หน้าข้อมูล' })).toBeVisible();
    // An imported framework has no demo to offer.
    await expect(empty.getByRole('link', { name: 'ดูข้อมูลตัวอย่าง' })).toHaveCount(0);
    // …and points to the reporting template districts fill in (issue 14).
    await expect(empty.getByRole('link', { name: 'ดาวน์โหลดแบบรายงานผลให้อำเภอกรอก' })).toHaveAttribute(
      'href',
      /\/data\/.*#template$/
    );
  }
  await expect(leagueTable(page)).toHaveCount(0);
  await navLink(page, 'อันดับ').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshots, 'demo-mode-no-results-390.png'), fullPage: true });
  await page
    .getByRole('status', { name: 'ยังไม่มีผลการดำเนินงาน' })
    .getByRole('link', { name: 'นำเข้าไฟล์ผลการดำเนินงานที่หน้าข้อมูล' })
    .click();
  await expect(page).toHaveURL(/\/data\/.*#upload$/);
  await expect(fileInput(page)).toBeEnabled();
});
