/**
 * The league page's picture for LINE (issue 13.6): the button downloads a PNG about 1080 px wide, as tall as the
 * rows need, with the title drawn in the app's Thai face (non-blank glyph pixels in the title area, the face
 * loaded), named like the league CSV with the demo prefix. The PNG is decoded by the browser itself
 * (createImageBitmap → canvas → pixels), so no PNG library is needed.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leagueTable } from './support/pages';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

interface Decoded {
  width: number;
  height: number;
  /** Dark pixels (every channel < 120) in the title band (below the demo strip, above the headline panel). */
  titleInk: number;
  /** Runs of the zebra colour down the table's left edge: every second row, with their heights. */
  zebraRuns: number[];
  /** The Thai face is loaded (the drawing waited for it). */
  thaiFace: boolean;
}

async function decode(page: Page, bytes: Buffer): Promise<Decoded> {
  return page.evaluate(async (base64) => {
    const binary = atob(base64);
    const data = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const at = (x: number, y: number) =>
      pixels.subarray((y * bitmap.width + x) * 4, (y * bitmap.width + x) * 4 + 3);
    let titleInk = 0;
    for (let y = 56; y < 150; y++)
      for (let x = 36; x < bitmap.width - 36; x++) {
        const [r, g, b] = at(x, y);
        if (r < 120 && g < 120 && b < 120) titleInk++;
      }
    const zebraRuns: number[] = [];
    let run = 0;
    for (let y = 0; y < bitmap.height; y++) {
      const [r, g, b] = at(38, y);
      if (r === 0xf3 && g === 0xf5 && b === 0xf8) run++;
      else if (run > 0) {
        zebraRuns.push(run);
        run = 0;
      }
    }
    return {
      width: bitmap.width,
      height: bitmap.height,
      titleInk,
      zebraRuns,
      thaiFace: document.fonts.check('700 34px "Noto Sans Thai Variable"', 'ก')
    };
  }, bytes.toString('base64'));
}

test('Buriram (A–D, 23 districts): the LINE picture is 1080 px wide, one band per row, Thai title', async ({
  page
}) => {
  await page.goto('/?f=buriram-2567-q4');
  await expect(leagueTable(page)).toBeVisible();
  const rows = await leagueTable(page).locator('tbody tr').count();
  expect(rows).toBe(23);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ภาพสำหรับ LINE' }).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/^อันดับ_ข้อมูลตัวอย่าง_buriram-2567-q4_[\w-]+\.png$/);
  const bytes = readFileSync(await download.path());
  mkdirSync(screenshots, { recursive: true });
  writeFileSync(path.join(screenshots, 'line-image-buriram.png'), bytes);
  const image = await decode(page, bytes);
  expect(image.width).toBe(1080);
  // Every second row is striped: 11 stripes of one row's height each, and the picture is as tall as the rows
  // need plus the title, headline and legend (not cut, not padded).
  expect(image.zebraRuns).toHaveLength(Math.floor(rows / 2));
  const rowHeight = image.zebraRuns[0];
  expect(rowHeight).toBeGreaterThanOrEqual(50);
  expect(new Set(image.zebraRuns)).toEqual(new Set([rowHeight]));
  expect(image.height).toBeGreaterThan(rows * rowHeight + 400);
  expect(image.height).toBeLessThan(rows * rowHeight + 1100);
  expect(image.titleInk).toBeGreaterThan(3000);
  expect(image.thaiFace).toBe(true);
});

test('Chachoengsao (1–5) in English: the picture follows the language and still draws every row', async ({
  page
}) => {
  await page.goto('/?f=chachoengsao-2565-r2&lang=en');
  await expect(page.getByRole('table', { name: 'District ranking' })).toBeVisible();
  const rows = await page.getByRole('table', { name: 'District ranking' }).locator('tbody tr').count();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Image for LINE' }).click()
  ]);
  const bytes = readFileSync(await download.path());
  writeFileSync(path.join(screenshots, 'line-image-chachoengsao-en.png'), bytes);
  const image = await decode(page, bytes);
  expect(image.width).toBe(1080);
  expect(image.zebraRuns).toHaveLength(Math.floor(rows / 2));
  expect(image.titleInk).toBeGreaterThan(3000);
});
