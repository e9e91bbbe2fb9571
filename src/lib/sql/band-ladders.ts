/**
 * A framework's band ladders, worked out once when the framework is stored (Workspace.putFramework) instead
 * of in every scoring query (issue 15.2): one row per ladder — the general one of each KPI (`ladder` = '')
 * and one per unit and KPI for the units with bands of their own (`ladder` = the unit) — holding its bands
 * best first as a list, each band with the next better band that can be reached. A scoring query then finds
 * a value's band by position in that list (`bandStage` in scoring.ts), not by joining every measured value
 * with every band of its ladder and grouping again.
 */

/** One band of a ladder as the list holds it (`band_ladders.bands`). */
const BAND_STRUCT = `STRUCT(level VARCHAR, points DOUBLE, op VARCHAR, value DOUBLE, value2 DOUBLE, label VARCHAR,
  start DOUBLE, next_level VARCHAR, next_points DOUBLE, next_start DOUBLE, next_op VARCHAR, next_value DOUBLE,
  next_value2 DOUBLE, unit_top_points DOUBLE)`;

export const BAND_LADDERS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS band_ladders (
  framework_id VARCHAR, ladder VARCHAR, kpi VARCHAR, bands ${BAND_STRUCT}[])`;

/**
 * The ladders of framework `$1` as lists, from its `ladder_bands` rows (worked out in TypeScript from the
 * domain's own ladders when the framework is stored: framework-rows.ts `ladderBandRows`). A ladder whose every
 * band was left out (its one row has a null rank) holds an empty list: its units stay on it (and are `below`).
 * One aggregate, no windows: planning the window version cost 20–140 ms per framework in DuckDB-WASM.
 */
export const PUT_BAND_LADDERS_SQL = `INSERT INTO band_ladders
SELECT $1 AS framework_id, ladder, kpi,
  coalesce(list({'level': level, 'points': points, 'op': op, 'value': value, 'value2': value2, 'label': label,
    'start': start, 'next_level': next_level, 'next_points': next_points, 'next_start': next_start,
    'next_op': next_op, 'next_value': next_value, 'next_value2': next_value2, 'unit_top_points': unit_top_points}
    ORDER BY band_rank) FILTER (WHERE band_rank IS NOT NULL), []) AS bands
FROM ladder_bands WHERE framework_id = $1
GROUP BY ladder, kpi`;
