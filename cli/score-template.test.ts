/**
 * `npm run score -- --template` (issue 14.2, DESIGN §9.3 extended): the reporting template written by the command
 * line, filled in by another workbook library (SheetJS), scored by the command line with zero rejections to the
 * league table of the same numbers written as a plain §9.1 CSV.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../src/lib/frameworks/builtin';
import { parseMonth } from '../src/lib/domain/periods';
import { toExcelCsv } from '../src/lib/domain/excel-csv';
import { score } from './score.testing';

const FRAMEWORK = builtinFramework('sakaeo-2567-r1')!;
const LONG = 'แบบรายงาน (แถวละตัวชี้วัด)';

describe('npm run score -- --template', () => {
  it('writes a workbook that, filled in by SheetJS, scores with zero rejections as the same numbers do', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'template-'));
    const out = path.join(dir, 'แบบรายงาน.xlsx');
    const written = await score('--framework', FRAMEWORK.id, '--period', 'FY2567-R1', '--template', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`wrote ${out}: 9 unit(s) × 11 KPI(s) × 6 month(s) of FY2567-R1`);

    const book = XLSX.read(await readFile(out), { type: 'buffer' });
    const sheet = book.Sheets[LONG];
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
    const [header, ...lines] = rows;
    expect(header).toEqual(['อำเภอ', 'เดือน', 'รหัสตัวชี้วัด', 'ผลการดำเนินงาน']);
    const plain: (string | number)[][] = [];
    lines.forEach((line, i) => {
      if (i % 5 === 4) return; // some results not sent
      const kpi = FRAMEWORK.kpis.find((k) => k.kpi === line[2])!;
      const value = (kpi.min ?? 0) + ((i * 7) % ((kpi.max ?? 50) - (kpi.min ?? 0) + 1));
      sheet[XLSX.utils.encode_cell({ r: i + 1, c: 3 })] = { t: 'n', v: value };
      plain.push([line[0], line[2], parseMonth(line[1])!, value]);
    });
    const filled = path.join(dir, 'filled.xlsx');
    await writeFile(filled, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const csv = path.join(dir, 'plain.csv');
    await writeFile(csv, toExcelCsv(['district', 'kpi', 'month', 'value'], plain));

    const fromTemplate = await score(
      '--framework',
      FRAMEWORK.id,
      '--results',
      filled,
      '--period',
      'FY2567-R1',
      '--format',
      'json'
    );
    const fromCsv = await score(
      '--framework',
      FRAMEWORK.id,
      '--results',
      csv,
      '--period',
      'FY2567-R1',
      '--format',
      'json'
    );
    expect(fromTemplate.code).toBe(0);
    expect(fromTemplate.stderr).not.toContain('rejected:');
    const table = JSON.parse(fromTemplate.stdout);
    expect(table.rejected).toEqual([]);
    expect(table.rows).toEqual(JSON.parse(fromCsv.stdout).rows);
    expect(table.rows.filter((row: { missing: number }) => row.missing === 0).length).toBeGreaterThan(0);
  });

  it('writes the CSV in either layout, and one workbook per district as a zip', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'template-'));
    const long = path.join(dir, 'long.csv');
    const wide = path.join(dir, 'wide.csv');
    expect((await score('--framework', FRAMEWORK.id, '--period', '2566-12', '--template', long)).code).toBe(
      0
    );
    expect(
      (
        await score(
          '--framework',
          FRAMEWORK.id,
          '--period',
          '2566-12',
          '--template',
          wide,
          '--layout',
          'wide'
        )
      ).code
    ).toBe(0);
    const longText = await readFile(long, 'utf8');
    expect(longText.startsWith('\uFEFFอำเภอ,เดือน,รหัสตัวชี้วัด,ผลการดำเนินงาน\r\n')).toBe(true);
    expect(longText.trimEnd().split('\r\n')).toHaveLength(1 + 9 * 11);
    const wideText = await readFile(wide, 'utf8');
    expect(wideText.split('\r\n')[0]).toContain('อำเภอ,เดือน,T1 (ร้อยละ),T2 (ร้อยละ)');
    const scored = await score('--framework', FRAMEWORK.id, '--results', long, '--period', '2566-12');
    // Nothing filled in: no rejection, nothing to score.
    expect(scored.stderr).not.toContain('rejected:');
    expect(scored.code).toBe(1);

    const zip = path.join(dir, 'districts.zip');
    expect((await score('--framework', FRAMEWORK.id, '--period', '2566-12', '--template', zip)).code).toBe(0);
    expect(Object.keys(unzipSync(await readFile(zip)))).toHaveLength(9);
  });

  it('is wrong usage with --results, without --period, with an unknown extension, or --layout alone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'template-'));
    const out = path.join(dir, 't.xlsx');
    for (const argv of [
      ['--framework', FRAMEWORK.id, '--period', 'FY2567-R1', '--template', out, '--results', out],
      ['--framework', FRAMEWORK.id, '--template', out],
      ['--framework', FRAMEWORK.id, '--period', 'FY2567-R1', '--template', path.join(dir, 't.ods')],
      ['--framework', FRAMEWORK.id, '--period', 'FY2567-R1', '--template', out, '--layout', 'wide'],
      ['--framework', FRAMEWORK.id, '--period', 'FY2567-R1', '--results', out, '--layout', 'wide']
    ]) {
      const run = await score(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage:');
    }
    const outside = await score('--framework', FRAMEWORK.id, '--period', 'FY2566-R1', '--template', out);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('is not inside');
  });
});
