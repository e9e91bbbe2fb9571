/**
 * The league table in the §9.3 output formats (command line and downloads): plain numbers, scores to
 * 4 decimals, `level` = the band's level label, empty when below every band or missing.
 */
import type { Framework } from '../domain/framework';
import type { Rejection } from '../domain/results';
import type { LeagueTable } from './league';
import { measuredCell, SCORE_DECIMALS, scoreCell } from './kpi-text';

/** Decimals of totals, percentages and scores in outputs (DESIGN §9.3): the downloads' own. */
export const OUTPUT_DECIMALS = SCORE_DECIMALS;

/** A number with exactly 4 decimals (`3.6000`), or '' for null. */
export function fixed(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const text = value.toFixed(OUTPUT_DECIMALS);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

/** A plain number: up to 4 decimals, no trailing zeros, no thousands separators; '' for null. */
export function plain(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(OUTPUT_DECIMALS));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Rounds to 4 decimals for JSON; null stays null. */
export function rounded(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const result = Number(value.toFixed(OUTPUT_DECIMALS));
  return Object.is(result, -0) ? 0 : result;
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

export function leagueCsvHeader(table: LeagueTable): string[] {
  return [
    'rank',
    'unit',
    'province',
    'total',
    'total_pct',
    'missing',
    ...table.kpis.flatMap((kpi) => [`${kpi.kpi}_value`, `${kpi.kpi}_level`, `${kpi.kpi}_score`])
  ];
}

/** Rows of the §9.3 CSV (header first); `<kpi>_value` is the measured value the band was chosen on. */
export function leagueCsvRows(table: LeagueTable): string[][] {
  return [
    leagueCsvHeader(table),
    ...table.rows.map((row) => [
      String(row.rank),
      row.unit,
      row.province,
      fixed(row.total),
      fixed(row.totalPct),
      String(row.missing),
      ...table.kpis.flatMap((kpi) => {
        const cell = row.cells[kpi.kpi];
        return [plain(cell?.measured ?? null), cell?.level ?? '', fixed(cell?.score ?? 0)];
      })
    ])
  ];
}

export function formatLeagueCsv(table: LeagueTable): string {
  return csvLines(leagueCsvRows(table));
}

export function formatLeagueJson(
  table: LeagueTable,
  rejected: readonly Rejection[],
  warnings: readonly string[],
  options: { demo?: boolean } = {}
): string {
  const document = {
    framework: table.framework.id,
    period: table.period.id,
    // Only on a `--demo` run (the rows score a built-in framework's demo data, issue 11); a run on real results
    // keeps exactly the §9.3 keys.
    ...(options.demo ? { demo: true } : {}),
    rows: table.rows.map((row) => ({
      rank: row.rank,
      unit: row.unit,
      province: row.province,
      total: rounded(row.total),
      total_pct: rounded(row.totalPct),
      missing: row.missing,
      kpis: Object.fromEntries(
        table.kpis.map((kpi) => {
          const cell = row.cells[kpi.kpi];
          return [
            kpi.kpi,
            {
              value: rounded(cell?.measured ?? null),
              level: cell?.level ?? '',
              score: rounded(cell?.score ?? 0),
              status: cell?.status ?? 'missing'
            }
          ];
        })
      )
    })),
    rejected: rejected.map((rejection) => ({
      file: rejection.file,
      line: rejection.line,
      reason: rejection.reason
    })),
    warnings: [...warnings]
  };
  return JSON.stringify(document, null, 2) + '\n';
}

/** `npm run score -- --list`: `id,name,province,fiscal_year,period`. */
export function listFrameworksCsv(frameworks: readonly Framework[]): string {
  return csvLines([
    ['id', 'name', 'province', 'fiscal_year', 'period'],
    ...frameworks.map((fw) => [fw.id, fw.name, fw.province ?? '', String(fw.fiscalYear), fw.period ?? ''])
  ]);
}

/**
 * The league table for a spreadsheet download (Thai headers, numbers as numbers): totals, % and scores to
 * 4 decimals at most, each measured value with the digits the screen shows it with (kpi-text `measuredCell`).
 */
export function leagueExportRows(table: LeagueTable): {
  header: string[];
  rows: (string | number | null)[][];
} {
  const header = [
    'อันดับ',
    'เปลี่ยนแปลง',
    table.framework.province === null ? 'จังหวัด' : 'อำเภอ',
    'จังหวัด',
    'คะแนนรวม',
    'ร้อยละของคะแนนเต็ม',
    'ไม่ได้รายงาน',
    ...table.kpis.flatMap((kpi) => [`${kpi.kpi} ค่าที่วัด`, `${kpi.kpi} ระดับ`, `${kpi.kpi} คะแนน`])
  ];
  const rows = table.rows.map((row) => [
    row.rank,
    row.movement,
    row.unit,
    row.province,
    scoreCell(row.total),
    scoreCell(row.totalPct),
    row.missing,
    ...table.kpis.flatMap((kpi) => {
      const cell = row.cells[kpi.kpi];
      const level =
        cell?.status === 'below' ? 'ต่ำกว่าเกณฑ์' : cell?.status === 'ok' ? cell.level : 'ไม่ได้รายงาน';
      return [measuredCell(cell?.measured, kpi), level ?? null, scoreCell(cell?.score ?? 0)];
    })
  ]);
  return { header, rows };
}
