/**
 * The command line reads results files through the same ingest module as the upload page (issue 5): the
 * Windows-874 Excel export and the workbook of seed 001's budget table score exactly like the clean file,
 * and the same rejections are reported.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { score } from './score.testing';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'lib',
  'ingest',
  'fixtures'
);

const args = (file: string, ...more: string[]) => [
  '--framework',
  'chachoengsao-2565-r2',
  '--results',
  path.join(fixtures, file),
  '--period',
  '2565-06',
  ...more
];

describe('npm run score over real-shaped files', () => {
  it('scores the messy budget files exactly like the clean one', async () => {
    const clean = await score(...args('seed001-budget-2565-06.clean.csv'));
    expect(clean.code).toBe(0);
    expect(clean.stderr).not.toContain('rejected:');
    for (const file of ['seed001-budget-2565-06.csv', 'seed001-budget-2565-06.xlsx']) {
      const messy = await score(...args(file));
      expect(messy.code, file).toBe(0);
      expect(messy.stdout, file).toBe(clean.stdout);
      expect(messy.stderr.match(/^rejected: .*เป็นกลุ่มงานของสำนักงานจังหวัด ไม่ใช่อำเภอ$/gm), file).toHaveLength(4);
    }
    // บางปะกง: 504,980 of 506,480 = 99.7% of its budget → T1 level 4.
    const row = clean.stdout.split('\n').find((line) => line.includes(',บางปะกง,'))!;
    const header = clean.stdout.split('\n')[0].split(',');
    expect(row.split(',')[header.indexOf('T1_level')]).toBe('4');
  });

  it('reads a chosen sheet and says so when it is missing', async () => {
    const chosen = await score(...args('seed001-budget-2565-06.xlsx', '--sheet', 'งบประมาณ มิ.ย. 65'));
    expect(chosen.code).toBe(0);
    const missing = await score(...args('seed001-budget-2565-06.xlsx', '--sheet', 'ไม่มี'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ไม่พบแผ่นงาน "ไม่มี"');
  });

  // The default (native) engine reads files with DuckDB's own reader (src/lib/ingest/fast-results.ts); the
  // DuckDB-WASM engine with the upload page's reader. Both must say exactly the same: table, rejections,
  // warnings, for clean, messy (Windows-874, group rows), corrected and workbook files, CSV and JSON.
  it.each([
    ['seed001-budget-2565-06.clean.csv'],
    ['seed001-budget-2565-06.csv'],
    ['seed001-budget-2565-06-corrected.csv'],
    ['seed001-budget-2565-06.xlsx']
  ])('%s: the fast reader (native) and the page reader (wasm) give the same output', async (file) => {
    for (const format of ['csv', 'json']) {
      const native = await score(...args(file, '--format', format));
      const wasm = await score(...args(file, '--format', format, '--engine', 'wasm'));
      expect(native.code, `${file} ${format}`).toBe(0);
      expect(native.stdout, `${file} ${format}`).toBe(wasm.stdout);
      expect(native.stderr, `${file} ${format}`).toBe(wasm.stderr);
    }
  });
});
