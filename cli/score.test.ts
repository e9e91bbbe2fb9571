import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FRAMEWORKS } from '../src/lib/frameworks/builtin';
import { DEMO_WARNING, USAGE } from './score-command';
import { score } from './score.testing';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'e2e', 'fixtures');
const frameworkFolder = path.join(fixtures, 'upload-framework');
const results = path.join(fixtures, 'upload-results.csv');

function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

describe('npm run score (DESIGN §9.3)', () => {
  it('prints the league table as CSV with the §9.3 columns, every district, rank order', async () => {
    const { code, stdout, stderr } = await score(
      '--framework',
      frameworkFolder,
      '--results',
      results,
      '--period',
      'FY2565-R2'
    );
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual([
      'rank',
      'unit',
      'province',
      'total',
      'total_pct',
      'missing',
      'B1_value',
      'B1_level',
      'B1_score',
      'H1_value',
      'H1_level',
      'H1_score'
    ]);
    expect(rows).toHaveLength(11); // every district of ฉะเชิงเทรา
    expect(rows[0]).toEqual([
      '1',
      'บางคล้า',
      'ฉะเชิงเทรา',
      '5.0000',
      '100.0000',
      '0',
      '100',
      '5',
      '5.0000',
      '0',
      '5',
      '5.0000'
    ]);
    // ราชสาส์น: 96% of budget → level 4; 5 households left → level 4 (≤ 10).
    expect(rows[1]).toEqual([
      '2',
      'ราชสาส์น',
      'ฉะเชิงเทรา',
      '4.0000',
      '80.0000',
      '0',
      '96',
      '4',
      '4.0000',
      '5',
      '4',
      '4.0000'
    ]);
    // เมืองฉะเชิงเทรา (written เมืองฯ, Thai digits): 85% → 2; 38 households → 1; 0.6×2 + 0.4×1 = 1.6.
    expect(rows[2].slice(0, 6)).toEqual(['3', 'เมืองฉะเชิงเทรา', 'ฉะเชิงเทรา', '1.6000', '32.0000', '0']);
    // The eight districts that reported nothing tie at rank 4 with both KPIs missing.
    expect(rows.slice(3).every((row) => row[0] === '4' && row[3] === '0.0000' && row[5] === '2')).toBe(true);
    expect(rows.slice(3)[0].slice(6)).toEqual(['', '', '0.0000', '', '', '0.0000']);
    // The misspelt district is rejected on stderr with file, line and reason (and a suggestion).
    expect(stderr).toMatch(/rejected: .*upload-results\.csv:8: .*ท่าตะเกรา.*ท่าตะเกียบ/);
  });

  it('prints JSON with the §9.3 shape', async () => {
    const { code, stdout } = await score(
      '--framework',
      frameworkFolder,
      '--results',
      results,
      '--period',
      'FY2565-R2',
      '--format',
      'json'
    );
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['framework', 'period', 'rows', 'rejected', 'warnings']);
    expect(document.framework).toBe('e2e-budget');
    expect(document.period).toBe('FY2565-R2');
    expect(document.rows[0]).toEqual({
      rank: 1,
      unit: 'บางคล้า',
      province: 'ฉะเชิงเทรา',
      total: 5,
      total_pct: 100,
      missing: 0,
      kpis: {
        B1: { value: 100, level: '5', score: 5, status: 'ok' },
        H1: { value: 0, level: '5', score: 5, status: 'ok' }
      }
    });
    expect(document.rows[3].kpis.B1).toEqual({ value: null, level: '', score: 0, status: 'missing' });
    expect(document.rejected).toHaveLength(1);
    expect(document.rejected[0]).toMatchObject({ line: 8 });
    expect(Object.keys(document.rejected[0])).toEqual(['file', 'line', 'reason']);
  });

  it('reads several results files; a later file replaces the same district, KPI and month', async () => {
    const { code, stdout } = await score(
      '--framework',
      frameworkFolder,
      '--results',
      results,
      '--results',
      path.join(fixtures, 'upload-results-corrected.csv'),
      '--period',
      '2565-09'
    );
    expect(code).toBe(0);
    const rows = parseCsv(stdout).slice(1);
    expect(rows[0].slice(0, 2)).toEqual(['1', 'ราชสาส์น']);
  });

  it('gives the same table on DuckDB-WASM as on native DuckDB', async () => {
    const args = ['--framework', frameworkFolder, '--results', results, '--period', 'FY2565-R2'];
    const native = await score(...args);
    const wasm = await score(...args, '--engine', 'wasm');
    expect(wasm.code).toBe(0);
    expect(wasm.stdout).toBe(native.stdout);
  });

  it('lists the built-in frameworks', async () => {
    const { code, stdout } = await score('--list');
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual(['id', 'name', 'province', 'fiscal_year', 'period']);
    expect(rows.map((row) => row[0])).toEqual(BUILTIN_FRAMEWORKS.map((fw) => fw.id));
  });

  it.each(BUILTIN_FRAMEWORKS.map((fw) => [fw.id, fw]))(
    'scores the demo data of %s: every unit, no rejected rows',
    async (_id, framework) => {
      const period = framework.period
        ? `FY${framework.fiscalYear}-${framework.period}`
        : `FY${framework.fiscalYear}`;
      const { code, stdout, stderr } = await score(
        '--framework',
        framework.id,
        '--demo',
        '--period',
        period,
        '--format',
        'json'
      );
      expect(stderr).not.toMatch(/rejected/);
      expect(code).toBe(0);
      const document = JSON.parse(stdout);
      // Labelled as demo data: the first stderr line and `"demo": true` (issue 11).
      expect(stderr.split('\n')[0]).toBe(DEMO_WARNING);
      expect(stderr).toContain('ข้อมูลตัวอย่าง');
      expect(document.demo).toBe(true);
      expect(document.warnings[0]).toBe(DEMO_WARNING);
      expect(document.rejected).toEqual([]);
      const expectedUnits = framework.province === null ? 76 : framework.province === '*' ? 878 : undefined;
      if (expectedUnits) expect(document.rows).toHaveLength(expectedUnits);
      expect(document.rows.length).toBeGreaterThan(2);
      expect(document.rows[0].rank).toBe(1);
    }
  );

  it('labels a --demo CSV run on stderr; a run on real results says nothing of demo and has no "demo" key', async () => {
    const demo = await score('--framework', 'chachoengsao-2565-r2', '--demo', '--period', 'FY2565-R2');
    expect(demo.code).toBe(0);
    expect(demo.stderr.split('\n')[0]).toBe(DEMO_WARNING);
    expect(demo.stdout.split('\n')[0]).toMatch(/^rank,unit,province,total,total_pct,missing,/);
    const real = await score(
      '--framework',
      frameworkFolder,
      '--results',
      results,
      '--period',
      'FY2565-R2',
      '--format',
      'json'
    );
    expect(real.code).toBe(0);
    expect(real.stderr).not.toContain('ข้อมูลตัวอย่าง');
    const document = JSON.parse(real.stdout);
    expect('demo' in document).toBe(false);
    expect(document.warnings).not.toContain(DEMO_WARNING);
  });

  it('refuses --demo together with --results as wrong usage (exit 2, the usage text), never mixing them', async () => {
    const { code, stdout, stderr } = await score(
      '--framework',
      'chachoengsao-2565-r2',
      '--demo',
      '--results',
      results,
      '--period',
      'FY2565-R2'
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^--demo and --results cannot be used together/);
    expect(stderr).toContain(USAGE);
  });

  describe('exit codes and one-line reasons', () => {
    it.each([
      [
        ['--framework', 'no-such-framework', '--results', results, '--period', 'FY2565'],
        1,
        /unknown framework/
      ],
      [['--framework', frameworkFolder, '--results', '/no/such.csv', '--period', 'FY2565'], 1, /cannot read/],
      [['--framework', frameworkFolder, '--results', results, '--period', 'FY2565-Q5'], 1, /bad period/],
      [['--framework', frameworkFolder, '--results', results], 2, /missing/],
      [['--frobnicate'], 2, /unknown argument/],
      [
        ['--framework', frameworkFolder, '--results', results, '--period', 'FY2565', '--format', 'xml'],
        2,
        /format/
      ]
    ])('%j → exit %i', async (argv, expected, message) => {
      const { code, stderr, stdout } = await score(...(argv as string[]));
      expect(code).toBe(expected);
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
    });

    it('refuses an invalid framework file with its first error', async () => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'score-'));
      const file = path.join(folder, 'bad.json');
      await writeFile(file, '{"id": "x", "kpis": [');
      const { code, stderr } = await score('--framework', file, '--results', results, '--period', 'FY2565');
      expect(code).toBe(1);
      expect(stderr).toMatch(/not valid/);
    });

    it('fails when no result row is usable', async () => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'score-'));
      const file = path.join(folder, 'bad.csv');
      await writeFile(file, 'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน\nไม่มีอำเภอนี้,B1,2565-09,5\n');
      const { code, stderr } = await score(
        '--framework',
        frameworkFolder,
        '--results',
        file,
        '--period',
        'FY2565-R2'
      );
      expect(code).toBe(1);
      expect(stderr).toMatch(/rejected: .*bad\.csv:2/);
      expect(stderr).toMatch(/no usable result rows/);
    });
  });
});
