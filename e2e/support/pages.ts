/** Locators and steps every browser test names the same way (the app's Thai labels and roles). */
import { expect, type Page } from '@playwright/test';

/** The file picker of the upload panel (the league view and the Data view both have one). */
export function fileInput(page: Page) {
  return page.getByLabel('เลือกไฟล์ที่จะนำเข้า');
}

/** The check step shown after files are read, before "นำเข้า". */
export function checkStep(page: Page) {
  return page.getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' });
}

/** The report of the last import. */
export function importResult(page: Page) {
  return page.getByRole('status', { name: 'ผลการนำเข้า' });
}

export function leagueTable(page: Page) {
  return page.getByRole('table', { name: 'อันดับอำเภอ' });
}

export function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'หลัก' }).getByRole('link', { name, exact: true });
}

/** The Data view of the demo's June 2565, loaded and ready for files. */
export async function openData(page: Page): Promise<void> {
  await page.goto('/data/?p=2565-06');
  await expect(fileInput(page)).toBeEnabled();
}

/**
 * To the Data view by its link (the tab keeps its workspace). The league view has an upload panel too, so the
 * file input is only this view's once the address and the heading say so.
 */
export async function toData(page: Page): Promise<void> {
  await navLink(page, 'ข้อมูล').click();
  await expect(page).toHaveURL(/\/data\/(\?|$)/);
  await expect(page.getByRole('heading', { level: 1, name: 'ข้อมูล' })).toBeVisible();
  await expect(fileInput(page)).toBeEnabled();
}

/** Clicks a button of the rules' downloads (the rules and editor pages) and returns the file's name and text. */
export async function downloadRulesFile(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'ดาวน์โหลดเกณฑ์' }).getByRole('button', { name: button }).click()
  ]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}
