import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leagueTable } from './support/pages';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Units in the league table, top to bottom (the row header cell). */
async function unitsInOrder(page: Page): Promise<string[]> {
  return leagueTable(page).locator('tbody th[scope="row"]').allInnerTexts();
}

test('the demo league table opens with a shipped Thai font', async ({ page }) => {
  await page.goto('/');
  await expect(leagueTable(page)).toBeVisible();
  const rows = leagueTable(page).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(rows.first().locator('td').first()).toHaveText('1');
  const fontLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some(
      (face) => face.family.includes('Noto Sans Thai') && face.status === 'loaded'
    );
  });
  expect(fontLoaded).toBe(true);
  await page.screenshot({ path: path.join(screenshots, 'league-demo.png'), fullPage: true });
});

test('uploading a framework and results re-ranks; rejected rows are listed with line and reason', async ({
  page
}) => {
  await page.goto('/');
  await expect(leagueTable(page)).toBeVisible();
  const input = page.getByLabel('เลือกไฟล์ที่จะนำเข้า');
  await input.setInputFiles([
    path.join(fixtures, 'upload-framework', 'framework.csv'),
    path.join(fixtures, 'upload-framework', 'kpis.csv'),
    path.join(fixtures, 'upload-framework', 'levels.csv'),
    path.join(fixtures, 'upload-results.csv')
  ]);
  // Nothing is committed before the check step is confirmed.
  const preview = page.getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' });
  await expect(preview.getByRole('table', { name: 'แถวที่ใช้ไม่ได้' })).toContainText('ท่าตะเกรา');
  await preview.getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(page.getByRole('heading', { name: /ทดสอบ: การเบิกจ่ายงบประมาณ/ })).toBeVisible();
  await expect.poll(() => unitsInOrder(page)).toEqual(expect.arrayContaining(['บางคล้า']));
  const order = await unitsInOrder(page);
  expect(order.slice(0, 3)).toEqual(['บางคล้า', 'ราชสาส์น', 'เมืองฉะเชิงเทรา']);
  expect(order).toHaveLength(11);
  const rejected = page.getByRole('table', { name: 'แถวที่ใช้ไม่ได้' });
  await expect(rejected).toContainText('ท่าตะเกรา');
  await expect(rejected).toContainText('ท่าตะเกียบ');
  await expect(rejected.locator('tbody tr').first().locator('td').nth(1)).toHaveText('8');
  await expect(page).toHaveURL(/f=e2e-budget/);
  await page.screenshot({ path: path.join(screenshots, 'league-uploaded.png'), fullPage: true });

  await input.setInputFiles([path.join(fixtures, 'upload-results-corrected.csv')]);
  await page
    .getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' })
    .getByRole('button', { name: 'นำเข้า', exact: true })
    .click();
  await expect.poll(async () => (await unitsInOrder(page))[0]).toBe('ราชสาส์น');
});

test('a period switch does not make the page jump: the headline and the data-as-of line keep their place', async ({
  page
}) => {
  await page.goto('/');
  await expect(page.getByTestId('headline-change')).toContainText('จาก');
  await expect(page.getByTestId('data-as-of')).toBeVisible();
  const period = page.getByLabel('ช่วงเวลา');
  const options = await period
    .locator('option')
    .evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
  const shown = await period.inputValue();
  const others = options.filter((value) => value !== shown).slice(0, 4);
  expect(others.length).toBe(4);
  for (const value of others) {
    const title = await page.locator('h1 small').innerText();
    // Watches, from before the switch until the page has the new period, whether the headline box or the
    // data-as-of line left the page (the page below them would jump up and back).
    await page.evaluate(() => {
      const w = window as unknown as { gone: string[]; watch: MutationObserver };
      w.gone = [];
      w.watch = new MutationObserver(() => {
        if (!document.querySelector('section.headline')) w.gone.push('headline');
        if (!document.querySelector('[data-testid="data-as-of"]')) w.gone.push('data-as-of');
      });
      w.watch.observe(document.body, { subtree: true, childList: true });
    });
    await period.selectOption(value);
    await expect(page.locator('h1 small')).not.toHaveText(title);
    await expect(page.locator('html')).toHaveAttribute('data-loading', 'false');
    await expect(page.getByTestId('headline-change')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByTestId('data-as-of')).toBeVisible();
    const gone = await page.evaluate(() => {
      const w = window as unknown as { gone: string[]; watch: MutationObserver };
      w.watch.disconnect();
      return w.gone;
    });
    expect(gone, value).toEqual([]);
  }
});
