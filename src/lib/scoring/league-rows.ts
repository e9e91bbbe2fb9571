/**
 * League rows from the rows of `leagueTableSql` and a unit's packed cells (`kpiCellsPackedSql`), read by
 * field name (`PACKED_CELL_FIELDS`, src/lib/sql/scoring.ts), never by a position written out here.
 */
import { FIELD_SEPARATOR, RECORD_SEPARATOR, unpackNumber, unpackText } from '../sql/packed';
import { PACKED_CELL_FIELDS } from '../sql/scoring';
import type { KpiCell, KpiStatus, LeagueRow } from './league';
import { numberOrNull } from './results-diff';

type CellField = (typeof PACKED_CELL_FIELDS)[number];

const POSITION = new Map<CellField, number>(PACKED_CELL_FIELDS.map((field, i) => [field, i]));

/** A unit's cells from `kpiCellsPackedSql`: the cells of `kpiCellsSql`'s rows (packed-cells.test.ts). */
export function unpackCells(packed: string): Record<string, KpiCell> {
  const cells: Record<string, KpiCell> = {};
  for (const record of packed.split(RECORD_SEPARATOR)) {
    const fields = record.split(FIELD_SEPARATOR);
    const raw = (name: CellField): string => fields[POSITION.get(name)!];
    const text = (name: CellField): string | null => unpackText(raw(name));
    const num = (name: CellField): number | null => unpackNumber(raw(name));
    const kpi = String(text('kpi'));
    const nextLevel = text('next_level');
    cells[kpi] = {
      kpi,
      value: num('value'),
      target: num('target'),
      baseline: num('baseline'),
      adjust: num('adjust'),
      monthsReported: num('months_reported') ?? 0,
      lastMonth: text('last_month'),
      measured: num('measured'),
      level: text('level'),
      points: num('points'),
      bandLabel: text('band_label'),
      score: num('score') ?? 0,
      status: String(text('status')) as KpiStatus,
      isTop: raw('is_top') === 't',
      next:
        nextLevel === null
          ? null
          : {
              level: nextLevel,
              op: String(text('next_op')),
              value: num('next_value'),
              value2: num('next_value2'),
              start: num('next_start')
            }
    };
  }
  return cells;
}

/**
 * A league row of `leagueTableSql`, its `cells` read from the unit's packed cells the first time they are
 * asked for: a view draws the cells of the rows in sight, so a national table decodes ~50 units' cells, not
 * 878 (issue 6).
 */
export function leagueRowOf(row: Record<string, unknown>, packed: string | undefined): LeagueRow {
  const league: Omit<LeagueRow, 'cells'> = {
    rank: Number(row.rank),
    unitId: String(row.unit_id),
    unit: String(row.unit),
    province: String(row.province),
    total: Number(row.total),
    maxTotal: numberOrNull(row.max_total),
    totalPct: numberOrNull(row.total_pct),
    missing: Number(row.missing),
    topCount: Number(row.top_count),
    previousRank: numberOrNull(row.previous_rank),
    movement: numberOrNull(row.movement)
  };
  Object.defineProperty(league, 'cells', {
    enumerable: true,
    configurable: true,
    get() {
      const cells = packed === undefined ? {} : unpackCells(packed);
      Object.defineProperty(league, 'cells', { value: cells, enumerable: true });
      return cells;
    }
  });
  return league as LeagueRow;
}
