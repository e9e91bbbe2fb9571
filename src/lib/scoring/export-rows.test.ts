/**
 * Every CSV download of the views rounds its numbers as the screen shows them (issue 13 §8), on the demo of
 * seed 001 (ฉะเชิงเทรา, round 2 of FY2565) scored on DuckDB-WASM: each numeric cell equals the number the
 * screen's own formatter prints (formatMeasured for a measured value, formatNumber at 4 decimals for a score,
 * total or points lost), and no cell of the CSV text has more than 4 decimals. The raw figures are checked
 * to carry more digits than that, so that the rounding is really exercised.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import type { Framework, Kpi } from '../domain/framework';
import { parsePeriodId } from '../domain/periods';
import { toExcelCsv, type CsvCell } from '../domain/excel-csv';
import { STRINGS, type StringKey } from '../i18n/strings';
import { comparePeriods } from './compare';
import { districtScorecard, districtUnits } from './district-queries';
import { compareExportRows, missesExportRows, missionsExportRows, scorecardExportRows } from './export-rows';
import { formatMeasured, formatNumber } from './kpi-text';
import { leagueCsvRows, leagueExportRows } from './league-format';
import { findMisses, missesByPointsLost } from './misses-queries';
import { levelGrid } from './missions-queries';
import { putDemo } from './demo.testing';
import { Workspace } from './workspace';

let db: Db;
let workspace: Workspace;
let demo: Framework;
const DEMO = 'chachoengsao-2565-r2';
const ROUND = 'FY2565-R2';
const t = (key: StringKey): string => STRINGS.th[key];

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
  demo = await putDemo(workspace, DEMO);
});

afterAll(async () => {
  await db?.close();
});

/** The number a screen text shows (`1,085,864.12 baht`, `91.99%`, `rank 3`), read back as a number. */
function shown(text: string): number | null {
  return text === '–' ? null : Number(text.replace(/[^\d.-]/g, ''));
}

/** What the screen shows for a measured value (formatMeasured, as the league grid, misses and district do). */
const screenMeasured = (value: number | null | undefined, kpi: Kpi) =>
  shown(formatMeasured(value ?? null, kpi, 'en', 'full'));

/** What the screen shows for a score, total or points lost in full (formatNumber at 4 decimals). */
const screenScore = (value: number | null | undefined) =>
  value === null || value === undefined ? null : shown(formatNumber(value, 'en', 4));

/** Decimals of a number as JavaScript writes it. */
const decimals = (value: number) => (String(value).split('.')[1] ?? '').length;

/** Every cell of the CSV text that is a number has at most 4 decimals and no float noise. */
function expectPlainNumbers(header: string[], rows: readonly (readonly CsvCell[])[]) {
  const lines = toExcelCsv(header, rows)
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1);
  let numbers = 0;
  for (const line of lines) {
    for (const cell of line.split(',')) {
      if (!/^-?[\d.]+(e[+-]?\d+)?$/i.test(cell)) continue;
      numbers++;
      expect(cell, line).toMatch(/^-?\d+(\.\d{1,4})?$/);
    }
  }
  expect(numbers).toBeGreaterThan(0);
}

describe('downloads of the demo round: numbers as the screen shows them', () => {
  test('league: totals, % and scores to 4 decimals, each measured value as formatMeasured shows it', async () => {
    const table = await workspace.leagueTable(DEMO, ROUND);
    const { header, rows } = leagueExportRows(table);
    const kpis = table.kpis;
    let longMeasured = 0;
    let longScores = 0;
    table.rows.forEach((row, i) => {
      const cells = rows[i];
      expect(cells[4]).toBe(screenScore(row.total));
      expect(cells[5]).toBe(screenScore(row.totalPct));
      if (decimals(row.total) > 4 || decimals(row.totalPct ?? 0) > 4) longScores++;
      kpis.forEach((kpi, k) => {
        const cell = row.cells[kpi.kpi];
        expect(cells[7 + 3 * k], `${row.unit} ${kpi.kpi}`).toBe(screenMeasured(cell?.measured, kpi));
        expect(cells[9 + 3 * k]).toBe(screenScore(cell?.score ?? 0));
        if (cell?.measured != null && decimals(cell.measured) > 2) longMeasured++;
      });
    });
    // The demo's percents of target and totals carry more digits than the screen shows.
    expect(longMeasured).toBeGreaterThan(5);
    expect(longScores).toBeGreaterThan(5);
    expectPlainNumbers(header, rows);
    // The same totals and scores as the §9.3 command line's CSV (which writes them with trailing zeros).
    const cli = leagueCsvRows(table).slice(1);
    table.rows.forEach((row, i) => {
      expect(rows[i][4]).toBe(Number(cli[i][3]));
      expect(rows[i][5]).toBe(Number(cli[i][4]));
      kpis.forEach((kpi, k) => expect(rows[i][9 + 3 * k]).toBe(Number(cli[i][8 + 3 * k])));
    });
  });

  test('misses (below the top level): measured value as shown, points lost to 4 decimals, columns kept', async () => {
    const { rows: found } = await findMisses(db, demo, {
      periodId: ROUND,
      group: '*',
      kpi: null,
      unit: null,
      level: 'top'
    });
    const ordered = missesByPointsLost(found, demo);
    const { header, rows } = missesExportRows(ordered, t, 'th', false);
    expect(header[2]).toBe(t('missesValue'));
    expect(header.at(-1)).toBe(t('missesLost'));
    let longLost = 0;
    ordered.forEach((row, i) => {
      expect(rows[i][2], `${row.unit} ${row.kpi.kpi}`).toBe(screenMeasured(row.measured, row.kpi));
      expect(rows[i][7]).toBe(screenScore(row.pointsLost));
      if (decimals(row.pointsLost) > 4) longLost++;
    });
    expect(longLost).toBeGreaterThan(5);
    expectPlainNumbers(header, rows);
  });

  test('compare Q3 with Q4: totals and their changes to 4 decimals, ranks whole', async () => {
    const comparison = await comparePeriods(
      db,
      DEMO,
      parsePeriodId('FY2565-Q3')!,
      parsePeriodId('FY2565-Q4')!,
      '*'
    );
    const { header, rows } = compareExportRows(comparison, t, 'th', false);
    let long = 0;
    comparison.rows.forEach((row, i) => {
      expect(rows[i]).toEqual([
        row.name,
        screenScore(row.before?.total),
        row.before?.rank ?? null,
        screenScore(row.after?.total),
        row.after?.rank ?? null,
        screenScore(row.deltaTotal),
        screenScore(row.deltaPct),
        row.deltaRank
      ]);
      if (decimals(row.deltaTotal ?? 0) > 4) long++;
    });
    expect(long).toBeGreaterThan(0);
    expectPlainNumbers(header, rows);
  });

  test('district scorecard of every district: weight as typed, measured as shown, scores to 4 decimals', async () => {
    let longMeasured = 0;
    for (const { unitId } of await districtUnits(db, DEMO)) {
      const card = await districtScorecard(db, demo, ROUND, '*', unitId);
      const { header, rows } = scorecardExportRows(card, t);
      card.rows.forEach((row, i) => {
        expect(rows[i][1]).toBe(row.depth === 0 ? row.kpi.weight : null);
        expect(rows[i][2], `${card.unit} ${row.kpi.kpi}`).toBe(screenMeasured(row.cell.measured, row.kpi));
        expect(rows[i][4]).toBe(screenScore(row.cell.score));
        expect(rows[i][5]).toBe(screenScore(row.weightedScore));
        if (row.cell.measured !== null && decimals(row.cell.measured) > 2) longMeasured++;
      });
      expect(rows.at(-2)).toEqual([
        t('districtSum'),
        card.weightSum,
        null,
        null,
        null,
        screenScore(card.weightedSum)
      ]);
      expect(rows.at(-1)).toEqual([
        t('districtTotal'),
        null,
        null,
        null,
        null,
        screenScore(card.total?.total)
      ]);
      expectPlainNumbers(header, rows);
    }
    expect(longMeasured).toBeGreaterThan(5);
  });

  test('missions grid: each measured value as the grid shows it in full', async () => {
    const grid = await levelGrid(db, demo, ROUND, '*');
    const { header, rows } = missionsExportRows(grid, t, false);
    expect(header.slice(0, 4)).toEqual([
      t('rank'),
      t('unit'),
      `${grid.kpis[0].kpi} value`,
      `${grid.kpis[0].kpi} ${t('level')}`
    ]);
    grid.rows.forEach((row, i) => {
      expect(rows[i].slice(0, 2)).toEqual([row.rank, row.unit]);
      grid.kpis.forEach((kpi, k) => {
        expect(rows[i][2 + 2 * k], `${row.unit} ${kpi.kpi}`).toBe(
          screenMeasured(row.cells[kpi.kpi]?.measured, kpi)
        );
      });
    });
    expectPlainNumbers(header, rows);
  });
});
