/**
 * Tables of a workspace. Frameworks and results are rows; scores are materialised per framework and
 * period by src/lib/sql/scoring.ts so that switching period or filter is a small query.
 */
import { BAND_LADDERS_TABLE_SQL } from './band-ladders';
import type { ColumnSpec, SqlValue } from './types';
import type { ResultRow } from '../domain/results';

function columns(spec: Record<string, ColumnSpec['type']>): ColumnSpec[] {
  return Object.entries(spec).map(([name, type]) => ({ name, type }));
}

/** Column lists, in table order; `insertRows` callers pass every column in this order. */
export const TABLE_COLUMNS = {
  units: columns({
    unit_id: 'VARCHAR',
    kind: 'VARCHAR',
    name: 'VARCHAR',
    province_id: 'VARCHAR',
    province: 'VARCHAR',
    sort_key: 'INTEGER'
  }),
  frameworks: columns({
    framework_id: 'VARCHAR',
    name: 'VARCHAR',
    province: 'VARCHAR',
    fiscal_year: 'INTEGER',
    period: 'VARCHAR',
    unit_kind: 'VARCHAR'
  }),
  framework_units: columns({ framework_id: 'VARCHAR', unit_id: 'VARCHAR' }),
  kpis: columns({
    framework_id: 'VARCHAR',
    kpi: 'VARCHAR',
    name: 'VARCHAR',
    grp: 'VARCHAR',
    weight: 'DOUBLE',
    scale: 'VARCHAR',
    measure: 'VARCHAR',
    aggregate: 'VARCHAR',
    interpolate: 'BOOLEAN',
    target_level: 'VARCHAR',
    parent: 'VARCHAR',
    combine: 'VARCHAR',
    depth: 'INTEGER',
    direction: 'INTEGER',
    top_points: 'DOUBLE',
    ord: 'INTEGER'
  }),
  bands: columns({
    framework_id: 'VARCHAR',
    kpi: 'VARCHAR',
    level: 'VARCHAR',
    points: 'DOUBLE',
    op: 'VARCHAR',
    value: 'DOUBLE',
    value2: 'DOUBLE',
    unit_id: 'VARCHAR',
    label: 'VARCHAR',
    ord: 'INTEGER',
    start: 'DOUBLE'
  }),
  /**
   * Each band ladder of a framework, one row per band (`band_rank` 1 = best; a ladder left with no band is one
   * row with a null rank): `ladder` '' = the general ladder, else the unit with bands of its own. Bands that can
   * never give the level on a ladder are left out (framework-rows.ts `ladderBandRows`); `band_ladders` holds the
   * same as one list per ladder, for scoring.
   */
  ladder_bands: columns({
    framework_id: 'VARCHAR',
    ladder: 'VARCHAR',
    kpi: 'VARCHAR',
    band_rank: 'INTEGER',
    level: 'VARCHAR',
    points: 'DOUBLE',
    op: 'VARCHAR',
    value: 'DOUBLE',
    value2: 'DOUBLE',
    label: 'VARCHAR',
    start: 'DOUBLE',
    next_level: 'VARCHAR',
    next_points: 'DOUBLE',
    next_start: 'DOUBLE',
    next_op: 'VARCHAR',
    next_value: 'DOUBLE',
    next_value2: 'DOUBLE',
    unit_top_points: 'DOUBLE'
  }),
  unit_targets: columns({
    framework_id: 'VARCHAR',
    kpi: 'VARCHAR',
    unit_id: 'VARCHAR',
    month: 'VARCHAR',
    target: 'DOUBLE',
    baseline: 'DOUBLE'
  }),
  results: columns({
    framework_id: 'VARCHAR',
    unit_id: 'VARCHAR',
    kpi: 'VARCHAR',
    month: 'VARCHAR',
    value: 'DOUBLE',
    target: 'DOUBLE',
    baseline: 'DOUBLE',
    adjust: 'DOUBLE',
    source: 'VARCHAR',
    line: 'INTEGER'
  }),
  periods: columns({
    framework_id: 'VARCHAR',
    period_id: 'VARCHAR',
    grain: 'VARCHAR',
    ord: 'INTEGER',
    prev_period_id: 'VARCHAR'
  }),
  period_months: columns({ framework_id: 'VARCHAR', period_id: 'VARCHAR', month: 'VARCHAR' })
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;

/** Scored output, one row per framework, period, unit and KPI (sub-items included). */
const KPI_SCORES = `CREATE TABLE IF NOT EXISTS kpi_scores (
  framework_id VARCHAR, period_id VARCHAR, unit_id VARCHAR, kpi VARCHAR,
  value DOUBLE, target DOUBLE, baseline DOUBLE, adjust DOUBLE, months_reported INTEGER, last_month VARCHAR,
  measured DOUBLE, level VARCHAR, points DOUBLE, band_label VARCHAR, band_start DOUBLE,
  next_level VARCHAR, next_points DOUBLE, next_start DOUBLE, next_op VARCHAR, next_value DOUBLE, next_value2 DOUBLE,
  score DOUBLE, status VARCHAR, is_top BOOLEAN)`;

/** Weighted totals and ranks per framework, period, group (`*` = all top-level KPIs) and unit. */
const UNIT_TOTALS = `CREATE TABLE IF NOT EXISTS unit_totals (
  framework_id VARCHAR, period_id VARCHAR, grp VARCHAR, unit_id VARCHAR,
  total DOUBLE, max_total DOUBLE, total_pct DOUBLE, missing INTEGER, top_count INTEGER, kpi_count INTEGER,
  rank INTEGER)`;

export function createSchemaSql(): string {
  const tables = Object.entries(TABLE_COLUMNS).map(
    ([table, cols]) =>
      `CREATE TABLE IF NOT EXISTS ${table} (${cols.map((column) => `${column.name} ${column.type}`).join(', ')})`
  );
  return [...tables, BAND_LADDERS_TABLE_SQL, KPI_SCORES, UNIT_TOTALS].join(';\n') + ';';
}

/** A result row of a framework as the values of `results`' columns, in `TABLE_COLUMNS.results` order. */
export function resultsValues(frameworkId: string, row: ResultRow): SqlValue[] {
  return [
    frameworkId,
    row.unitId,
    row.kpi,
    row.month,
    row.value,
    row.target,
    row.baseline,
    row.adjust,
    row.source,
    row.line
  ];
}

/** A row read from `results` (or a table shaped like it) as a `ResultRow`: the inverse of `resultsValues`. */
export function resultRowOf(row: Record<string, unknown>): ResultRow {
  const figure = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  return {
    unitId: String(row.unit_id),
    kpi: String(row.kpi),
    month: String(row.month),
    value: figure(row.value),
    target: figure(row.target),
    baseline: figure(row.baseline),
    adjust: figure(row.adjust),
    source: String(row.source),
    line: Number(row.line)
  };
}
