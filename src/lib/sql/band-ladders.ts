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
 * The ladders of framework `$1` from its `bands` and `shadowed_bands`. A unit's own band for a level replaces
 * the general one. Each ladder is ranked best first (most points, then the framework's order), with what the
 * next better band that can be reached starts at; a band that can never be reached on its ladder (every value
 * it holds for meets a better band first: `shadowed_bands`) is left out, so that interpolation and gaps run
 * towards the next band a value can reach. A ladder whose every band was left out holds an empty list: its
 * units stay on it (and are `below`), as they did before the ladders were stored.
 */
export const PUT_BAND_LADDERS_SQL = `INSERT INTO band_ladders
WITH own_ladders AS (
  SELECT DISTINCT unit_id, kpi FROM bands WHERE framework_id = $1 AND unit_id IS NOT NULL
),
ladder_bands AS (
  SELECT '' AS ladder, b.kpi, b.level, b.points, b.op, b.value, b.value2, b.label, b.ord, b.start
  FROM bands b WHERE b.framework_id = $1 AND b.unit_id IS NULL
  QUALIFY row_number() OVER (PARTITION BY b.kpi, b.level) = 1
  UNION ALL
  SELECT o.unit_id AS ladder, b.kpi, b.level, b.points, b.op, b.value, b.value2, b.label, b.ord, b.start
  FROM own_ladders o
  JOIN bands b ON b.framework_id = $1 AND b.kpi = o.kpi AND (b.unit_id IS NULL OR b.unit_id = o.unit_id)
  QUALIFY row_number() OVER (PARTITION BY o.unit_id, b.kpi, b.level ORDER BY b.unit_id IS NULL) = 1
),
reachable_bands AS (
  SELECT l.* FROM ladder_bands l
  WHERE NOT EXISTS (SELECT 1 FROM shadowed_bands s
    WHERE s.framework_id = $1 AND s.ladder = l.ladder AND s.kpi = l.kpi AND s.level = l.level)
),
ranked_bands AS (
  SELECT *,
    row_number() OVER w AS band_rank,
    lag(level) OVER w AS next_level, lag(points) OVER w AS next_points, lag(start) OVER w AS next_start,
    lag(op) OVER w AS next_op, lag(value) OVER w AS next_value, lag(value2) OVER w AS next_value2,
    max(points) OVER (PARTITION BY ladder, kpi) AS unit_top_points
  FROM reachable_bands
  WINDOW w AS (PARTITION BY ladder, kpi ORDER BY points DESC, ord)
),
ladders AS (
  SELECT DISTINCT '' AS ladder, kpi FROM bands WHERE framework_id = $1 AND unit_id IS NULL
  UNION ALL
  SELECT unit_id AS ladder, kpi FROM own_ladders
)
SELECT $1 AS framework_id, l.ladder, l.kpi,
  coalesce(list({'level': r.level, 'points': r.points, 'op': r.op, 'value': r.value, 'value2': r.value2,
    'label': r.label, 'start': r.start, 'next_level': r.next_level, 'next_points': r.next_points,
    'next_start': r.next_start, 'next_op': r.next_op, 'next_value': r.next_value, 'next_value2': r.next_value2,
    'unit_top_points': r.unit_top_points} ORDER BY r.band_rank) FILTER (WHERE r.band_rank IS NOT NULL),
    []) AS bands
FROM ladders l
LEFT JOIN ranked_bands r ON r.ladder = l.ladder AND r.kpi = l.kpi
GROUP BY l.ladder, l.kpi`;
