/**
 * The CSV downloads of the misses, compare, district and missions views (the league's is leagueExportRows
 * in league-format.ts): header and rows for toExcelCsv, every number rounded as the screen shows it
 * (kpi-text `scoreCell` for scores, totals and points lost, `measuredCell` for measured values); values a
 * person typed (weights) are written as typed. Pure; the pages only call them and download the text.
 */
import type { StringKey } from '../i18n/strings';
import type { CsvCell } from '../domain/excel-csv';
import type { Comparison } from './compare';
import type { DistrictScorecard } from './district-queries';
import type { KpiStatus } from './league';
import type { MissRow } from './misses-queries';
import type { LevelGrid } from './missions-queries';
import { gapText, measuredCell, scoreCell, streakText, type Lang } from './kpi-text';

export type Translate = (key: StringKey) => string;

export interface ExportRows {
  header: string[];
  rows: CsvCell[][];
}

function levelText(status: KpiStatus, level: string | null, t: Translate): string | null {
  return status === 'ok' ? level : status === 'below' ? t('levelBelow') : t('levelMissing');
}

/**
 * The misses list (rows in the order shown: by points lost). Points lost go last, so the columns a
 * spreadsheet already reads keep their places (the hostile-data spec reads the value as the third column).
 */
export function missesExportRows(
  rows: readonly MissRow[],
  t: Translate,
  lang: Lang,
  provinces: boolean
): ExportRows {
  const header = [
    provinces ? t('unitProvince') : t('unit'),
    t('missionsKpi'),
    t('missesValue'),
    t('missesLevel'),
    t('missesGapNext'),
    t('missesGapTarget'),
    t('missesStreak'),
    t('missesLost')
  ];
  const gap = (row: MissRow, which: 'next' | 'target') => {
    const found = row.gaps[which];
    return found ? `${t('level')} ${found.band.level}: ${gapText(found, row.kpi, lang)}` : t('levelMissing');
  };
  return {
    header,
    rows: rows.map((row) => [
      row.unit,
      row.kpi.kpi,
      measuredCell(row.measured, row.kpi),
      levelText(row.status, row.level, t),
      gap(row, 'next'),
      gap(row, 'target'),
      streakText(row.streak, row.since, lang),
      scoreCell(row.pointsLost)
    ])
  };
}

/** Two periods side by side: totals and their changes to 4 decimals, ranks as they are. */
export function compareExportRows(
  comparison: Comparison,
  t: Translate,
  lang: Lang,
  provinces: boolean
): ExportRows {
  const before = comparison.before.id;
  const after = comparison.after.id;
  const header = [
    provinces ? t('unitProvince') : t('unit'),
    `${t('total')} ${before}`,
    `${t('rank')} ${before}`,
    `${t('total')} ${after}`,
    `${t('rank')} ${after}`,
    t('compareDeltaTotal'),
    `${t('compareDeltaPct')} (${lang === 'th' ? 'จุด' : 'points'})`,
    t('compareDeltaRank')
  ];
  return {
    header,
    rows: comparison.rows.map((row) => [
      row.name,
      scoreCell(row.before?.total),
      row.before?.rank ?? null,
      scoreCell(row.after?.total),
      row.after?.rank ?? null,
      scoreCell(row.deltaTotal),
      scoreCell(row.deltaPct),
      row.deltaRank
    ])
  };
}

/** One district's scorecard: weight as typed, measured value as shown, score and weighted score to 4 decimals. */
export function scorecardExportRows(card: DistrictScorecard, t: Translate): ExportRows {
  const header = [
    t('missionsKpi'),
    t('districtWeight'),
    t('districtResult'),
    t('level'),
    t('districtScore'),
    t('districtWeighted')
  ];
  const rows: CsvCell[][] = card.rows.map((row) => [
    `${row.kpi.kpi} ${row.kpi.name}`,
    row.depth === 0 ? row.kpi.weight : null,
    measuredCell(row.cell.measured, row.kpi),
    levelText(row.cell.status, row.cell.level, t),
    scoreCell(row.cell.score),
    scoreCell(row.weightedScore)
  ]);
  rows.push([t('districtSum'), card.weightSum, null, null, null, scoreCell(card.weightedSum)]);
  rows.push([t('districtTotal'), null, null, null, null, scoreCell(card.total?.total)]);
  return { header, rows };
}

/** The missions grid: each district's measured value (as shown) and level for every KPI. */
export function missionsExportRows(grid: LevelGrid, t: Translate, provinces: boolean): ExportRows {
  const header = [t('rank'), provinces ? t('unitProvince') : t('unit')];
  for (const kpi of grid.kpis) header.push(`${kpi.kpi} value`, `${kpi.kpi} ${t('level')}`);
  return {
    header,
    rows: grid.rows.map((row) => [
      row.rank,
      row.unit,
      ...grid.kpis.flatMap((kpi) => {
        const cell = row.cells[kpi.kpi];
        return [
          measuredCell(cell?.measured, kpi),
          cell ? levelText(cell.status, cell.level, t) : t('levelMissing')
        ];
      })
    ])
  };
}
