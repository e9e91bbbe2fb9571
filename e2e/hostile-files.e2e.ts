/**
 * Issue 7 §4 in the browser: broken and hostile results files (random bytes, cut UTF-8 and Windows-874, a
 * 200 MB file, 10,000 columns, a 1 MB line, NUL bytes, formulas, dates in ten formats, a file of 1.2 million bad
 * lines) each get a clear message on the Data view; the page answers while a big file is read, the tab never
 * crashes, and the workspace is exactly as it was — also after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HEADER = 'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน\n';

function csvFile(name: string, bytes: Uint8Array | string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(bytes) };
}

/** Thai text in Windows-874 (Thai letters U+0E01…U+0E5B are 0xA1…0xFB). */
function windows874(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0e01 + 0xa1 : code;
    })
  );
}

function check(page: Page) {
  return page.getByRole('region', { name: 'ตรวจสอบก่อนนำเข้า' });
}

async function leagueText(page: Page): Promise<string> {
  await page.goto('/?p=2565-06');
  const table = page.getByRole('table', { name: 'อันดับอำเภอ' });
  await expect(table.locator('tbody tr')).toHaveCount(11);
  return table.innerText();
}

test('broken and hostile files: a clear message each, the page answers, the workspace stays as it was', async ({
  page
}) => {
  test.setTimeout(300_000);
  page.on('crash', () => {
    throw new Error('the tab crashed');
  });
  const before = await leagueText(page);
  await page.goto('/data/');
  const input = page.getByLabel('เลือกไฟล์ที่จะนำเข้า');
  await expect(input).toBeEnabled();

  /** Uploads one file, expects `messages` in the check step, then cancels it. */
  async function refused(file: Parameters<typeof input.setInputFiles>[0], messages: (string | RegExp)[]) {
    await input.setInputFiles(file);
    const region = check(page);
    await expect(region).toBeVisible();
    for (const message of messages) await expect(region).toContainText(message);
    await region.getByRole('button', { name: 'ยกเลิก' }).click();
    await expect(region).toHaveCount(0);
  }

  await test.step('random bytes', async () => {
    let seed = 11;
    const bytes = new Uint8Array(300_000).map(
      () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >>> 23
    );
    await refused(csvFile('สุ่ม.csv', bytes), [/ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV \(มีอักขระ NUL [\d,]+ ตัว\)/]);
  });

  await test.step('NUL bytes', async () => {
    await refused(csvFile('nul.csv', new Uint8Array(50_000)), ['อักขระ NUL 50,000 ตัว']);
    // A stray NUL: only its line, and the NUL is shown.
    await refused(csvFile('nul-แถว.csv', `${HEADER}บาง\0คล้า,T1,2565-06,5\n`), ['ไม่พบอำเภอ "บาง␀คล้า"']);
  });

  await test.step('UTF-8 cut inside a Thai letter, and Windows-874 cut short', async () => {
    const utf8 = Buffer.from(`${HEADER}บางคล้า,T1,2565-06,5\nราชสาส์น`, 'utf8');
    await input.setInputFiles(csvFile('ตัด-utf8.csv', utf8.subarray(0, utf8.length - 1)));
    await expect(check(page).getByTestId('accepted-count')).toHaveText('1');
    await expect(check(page)).toContainText('ราชสาส์\uFFFD');
    await check(page).getByRole('button', { name: 'ยกเลิก' }).click();
    const cp874 = windows874(`${HEADER}บางคล้า,T1,2565-06,5\nราชสาส์น,T1,2565-06,7`);
    await input.setInputFiles(csvFile('ตัด-874.csv', cp874.subarray(0, cp874.length - 8)));
    await expect(check(page)).toContainText('Windows-874');
    await expect(check(page).getByTestId('accepted-count')).toHaveText('1');
    await check(page).getByRole('button', { name: 'ยกเลิก' }).click();
  });

  await test.step('a 200 MB file is not even read: the message names its size and the limit', async () => {
    const big = path.join(os.tmpdir(), `scoreboard-200mb-${process.pid}.csv`);
    const fd = openSync(big, 'w');
    writeSync(fd, HEADER);
    writeSync(fd, Buffer.alloc(1), 0, 1, 200 * 1024 * 1024 - 1); // sparse: 200 MB without writing them
    closeSync(fd);
    await input.setInputFiles(big);
    const alert = page.getByRole('alert', { name: 'ไฟล์ที่ไม่ได้อ่าน' });
    await expect(alert).toContainText('ไฟล์ใหญ่ 200 MB เกินขนาดที่รับได้ (50 MB');
    await expect(check(page)).toHaveCount(0);
  });

  await test.step('10,000 columns and a line of 1 MB', async () => {
    const header = ['อำเภอ', 'เดือน', ...Array.from({ length: 9_998 }, (_, i) => `T${i}`)].join(',');
    await refused(csvFile('กว้าง.csv', `${header}\nบางคล้า,2565-06,1\n`), [
      '10,000 คอลัมน์',
      'เกินที่อ่านได้ (2,100 คอลัมน์)'
    ]);
    const line = 'ก'.repeat(1_000_000);
    await input.setInputFiles(csvFile('ยาว.csv', `${HEADER}บางคล้า,T1,2565-06,5\n${line},T1,2565-06,5\n`));
    const rejected = check(page).getByRole('table', { name: 'แถวที่ใช้ไม่ได้' });
    await expect(rejected).toContainText(/ตัดออก [\d,]+ ตัวอักษร/);
    expect((await rejected.innerText()).length).toBeLessThan(5_000);
    await check(page).getByRole('button', { name: 'ยกเลิก' }).click();
  });

  await test.step('formulas in cells are rejected as values, not run', async () => {
    const text = `${HEADER}บางคล้า,T1,2565-06,=SUM(A1:A3)\nราชสาส์น,T1,2565-06,#DIV/0!\n"=HYPERLINK(""http://x.invalid"")",T1,2565-06,5\n`;
    await refused(csvFile('สูตร.csv', text), [
      'ไม่ใช่ตัวเลข: "=SUM(A1:A3)"',
      'ค่าผิดพลาดจาก Excel: #DIV/0!',
      'ไม่พบอำเภอ "=HYPERLINK("http://x.invalid")"'
    ]);
  });

  await test.step('dates in ten formats: read, or refused with the reason', async () => {
    const formats = [
      '2565-06',
      '2022-06',
      '06/2565',
      'มิ.ย. 65',
      'มิถุนายน 2565',
      '15/06/2565',
      '2022-06-15',
      'Jun 2022',
      'June 2022',
      '๐๖/๒๕๖๕'
    ];
    const units = [
      'เมืองฉะเชิงเทรา',
      'บางคล้า',
      'บางน้ำเปรี้ยว',
      'บางปะกง',
      'บ้านโพธิ์',
      'พนมสารคาม',
      'ราชสาส์น',
      'สนามชัยเขต',
      'แปลงยาว',
      'ท่าตะเกียบ'
    ];
    const rows = formats.map((month, i) => `${units[i]},T1,${month},5`);
    rows.push('คลองเขื่อน,T1,06/15/2022,5', 'คลองเขื่อน,T2,44713,5', 'คลองเขื่อน,I1,6/22,5');
    await input.setInputFiles(csvFile('วันที่.csv', HEADER + rows.join('\n')));
    await expect(check(page).getByTestId('accepted-count')).toHaveText('10');
    const rejected = check(page).getByRole('table', { name: 'แถวที่ใช้ไม่ได้' });
    await expect(rejected.locator('tbody tr')).toHaveCount(3);
    await expect(rejected).toContainText('อ่านเดือนไม่ได้: "06/15/2022"');
    await expect(rejected).toContainText('อ่านเดือนไม่ได้: "44713"');
    await check(page).getByRole('button', { name: 'ยกเลิก' }).click();
  });

  await test.step('1.2 million bad lines (40 MB): the page answers while it is read, then it is refused whole', async () => {
    const big = path.join(os.tmpdir(), `scoreboard-40mb-${process.pid}.csv`);
    const line = 'บางคล้า,T1,2565-06,ไม่ใช่ตัวเลข\n';
    writeFileSync(big, HEADER + line.repeat(1_200_000));
    await input.setInputFiles(big);
    const reading = page.getByRole('progressbar', { name: 'กำลังอ่าน' });
    const answers: number[] = [];
    while ((await reading.count()) > 0 && answers.length < 200) {
      const started = Date.now();
      await page.evaluate(() => document.title);
      answers.push(Date.now() - started);
    }
    expect(Math.max(0, ...answers)).toBeLessThan(1_000);
    await expect(check(page)).toContainText('หยุดอ่านที่บรรทัด 50,002', { timeout: 120_000 });
    await expect(check(page)).toContainText('จึงไม่นำเข้าไฟล์นี้เลย');
    await check(page).getByRole('button', { name: 'ยกเลิก' }).click();
  });

  await expect(page.getByText('ยังไม่ได้นำเข้าไฟล์ผลการดำเนินงาน')).toBeVisible();
  expect(await leagueText(page)).toBe(before);
  await page.reload();
  await expect(page.getByRole('table', { name: 'อันดับอำเภอ' }).locator('tbody tr')).toHaveCount(11);
  expect(await page.getByRole('table', { name: 'อันดับอำเภอ' }).innerText()).toBe(before);
});
