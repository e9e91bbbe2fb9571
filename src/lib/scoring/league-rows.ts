/**
 * League rows from the rows of `leagueTableSql` and a unit's packed cells (`kpiCellsPackedSql`), read by
 * field name (`PACKED_CELL_FIELDS`, src/lib/sql/scoring.ts), never by a position written out here.
 */
import { FIELD_SEPARATOR, RECORD_SEPARATOR, unpackNumber, unpackText } from '../sql/packed';
import { PACKED_CELL_FIELDS } from '../sql/scoring';
import type { CellScore, KpiCell, KpiStatus, LeagueRow } from './league';
import { numberOrNull } from './results-diff';

type CellField = (typeof PACKED_CELL_FIELDS)[number];

/** Each field's position, found by name once (not once per cell: a national table has 22 000 cells). */
const AT = Object.fromEntries(PACKED_CELL_FIELDS.map((field, i) => [field, i])) as Record<CellField, number>;

/**
 * A unit's cells from `kpiCellsPackedSql`: the cells of `kpiCellsSql`'s rows (packed-cells.test.ts). The
 * league page's headline reads every unit's cells, so this runs over every row of a table once.
 */
export function unpackCells(packed: string): Record<string, KpiCell> {
  const cells: Record<string, KpiCell> = {};
  for (const record of packed.split(RECORD_SEPARATOR)) {
    const f = record.split(FIELD_SEPARATOR);
    const kpi = String(unpackText(f[AT.kpi]));
    const nextLevel = unpackText(f[AT.next_level]);
    cells[kpi] = {
      kpi,
      value: unpackNumber(f[AT.value]),
      target: unpackNumber(f[AT.target]),
      baseline: unpackNumber(f[AT.baseline]),
      adjust: unpackNumber(f[AT.adjust]),
      monthsReported: unpackNumber(f[AT.months_reported]) ?? 0,
      lastMonth: unpackText(f[AT.last_month]),
      measured: unpackNumber(f[AT.measured]),
      level: unpackText(f[AT.level]),
      points: unpackNumber(f[AT.points]),
      bandLabel: unpackText(f[AT.band_label]),
      score: unpackNumber(f[AT.score]) ?? 0,
      status: String(unpackText(f[AT.status])) as KpiStatus,
      isTop: f[AT.is_top] === 't',
      next:
        nextLevel === null
          ? null
          : {
              level: nextLevel,
              op: String(unpackText(f[AT.next_op])),
              value: unpackNumber(f[AT.next_value]),
              value2: unpackNumber(f[AT.next_value2]),
              start: unpackNumber(f[AT.next_start])
            }
    };
  }
  return cells;
}

/** The headline's fields, first in `PACKED_CELL_FIELDS` (a test keeps them first). */
const SCORE_FIELDS = ['kpi', 'points', 'score', 'status', 'is_top'] as const;
const LAST_SCORE_FIELD = Math.max(...SCORE_FIELDS.map((field) => AT[field]));

/**
 * A unit's cells from `kpiCellsPackedSql`, only what the headline reads of each (`CellScore`): the same
 * values as `unpackCells` gives (league-rows.test.ts), about three times faster, because it stops reading
 * a cell after its first five fields and makes no strings of the rest.
 */
export function unpackCellScores(packed: string): Record<string, CellScore> {
  const scores: Record<string, CellScore> = {};
  const f: string[] = new Array<string>(LAST_SCORE_FIELD + 1);
  const end = packed.length;
  let start = 0;
  while (start <= end) {
    let recordEnd = packed.indexOf(RECORD_SEPARATOR, start);
    if (recordEnd < 0) recordEnd = end;
    let at = start;
    for (let i = 0; i <= LAST_SCORE_FIELD; i++) {
      let next = packed.indexOf(FIELD_SEPARATOR, at);
      if (next < 0 || next > recordEnd) next = recordEnd;
      f[i] = packed.slice(at, next);
      at = Math.min(next + 1, recordEnd);
    }
    scores[String(unpackText(f[AT.kpi]))] = {
      points: unpackNumber(f[AT.points]),
      score: unpackNumber(f[AT.score]) ?? 0,
      status: String(unpackText(f[AT.status])) as KpiStatus,
      isTop: f[AT.is_top] === 't'
    };
    start = recordEnd + 1;
  }
  return scores;
}

/**
 * A league row of `leagueTableSql`, its `cells` read from the unit's packed cells the first time they are
 * asked for: a view draws the cells of the rows in sight, so a national table decodes ~50 units' cells, not
 * 878 (issue 6). Its `cellScores()` reads the headline's part of every cell (from the whole cells when those
 * are read already).
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
  let cells: Record<string, KpiCell> | null = null;
  Object.defineProperty(league, 'cells', {
    enumerable: true,
    configurable: true,
    get() {
      cells = packed === undefined ? {} : unpackCells(packed);
      Object.defineProperty(league, 'cells', { value: cells, enumerable: true });
      return cells;
    }
  });
  const cellScores = () => cells ?? (packed === undefined ? {} : unpackCellScores(packed));
  Object.defineProperty(league, 'cellScores', { value: cellScores, enumerable: false });
  return league as LeagueRow;
}
