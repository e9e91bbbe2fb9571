/**
 * The scoring rules of DESIGN §4 as DuckDB SQL. Builders return SQL text with `$1` = framework id;
 * they splice in no user data. See README.md in this folder for the pipeline.
 *
 *   grid (unit × KPI × period) ─ aggregate months ─ measure ─ band ─ score      (leaf KPIs)
 *   children's scores ─ combine ─ band ─ score                                  (composites, deepest first)
 *   top-level scores ─ weighted total ─ competition rank                        (unit_totals)
 */
import { packedNumber, packedText } from './packed';
import { literal, literalList } from './identifiers';

/** Measured values are rounded to this many decimals before banding, so 80% is never 79.999999. */
export const MEASURE_DECIMALS = 9;
/** Totals are ranked on this many decimals (DESIGN §4.7). */
export const RANK_DECIMALS = 4;

/** A KPI's aggregate of a column (§4.5), picked from the `grouped` CTE's four. */
const AGGREGATE = (column: string) =>
  `CASE k.aggregate WHEN 'sum' THEN g.sum_${column} WHEN 'mean' THEN g.mean_${column} ` +
  `WHEN 'max' THEN g.max_${column} ELSE g.last_${column} END`;

/** Whether band `b` (a struct of `band_ladders.bands`) holds for `m.measured`. */
const BAND_HOLDS = `CASE b.op
      WHEN '>=' THEN m.measured >= b.value
      WHEN '>' THEN m.measured > b.value
      WHEN '<=' THEN m.measured <= b.value
      WHEN '<' THEN m.measured < b.value
      WHEN 'between' THEN m.measured >= b.value AND m.measured <= b.value2
      WHEN 'any' THEN TRUE
      ELSE FALSE END`;

/**
 * Bands a measured CTE (columns period_id, unit_id, kpi, value, target, baseline, adjust,
 * months_reported, last_month, measured) into the kpi_scores columns. A unit is scored on its own ladder
 * when it has one, else on the general one (band-ladders.ts); the first band of the ladder that holds is
 * the level (`b`, NULL when none holds or nothing was measured).
 */
function bandStage(name: string, measured: string): string {
  return `${name}_banded AS (
  SELECT m.* EXCLUDE (bands), CASE WHEN m.measured IS NOT NULL
    THEN m.bands[list_position(list_transform(m.bands, lambda b: ${BAND_HOLDS}), TRUE)] END AS b
  FROM (
    SELECT m.*, CASE WHEN o.ladder IS NOT NULL THEN o.bands ELSE g.bands END AS bands
    FROM ${measured} m
    LEFT JOIN band_ladders o ON o.framework_id = $1 AND o.ladder = m.unit_id AND o.kpi = m.kpi
    LEFT JOIN band_ladders g ON g.framework_id = $1 AND g.ladder = '' AND g.kpi = m.kpi
  ) m
),
${name} AS (
  SELECT m.period_id, m.unit_id, m.kpi, m.value, m.target, m.baseline, m.adjust, m.months_reported, m.last_month,
    m.measured, m.b.level, m.b.points, m.b.label AS band_label, m.b.start AS band_start, m.b.next_level,
    m.b.next_points, m.b.next_start, m.b.next_op, m.b.next_value, m.b.next_value2,
    CASE WHEN m.measured IS NULL THEN 'missing' WHEN m.b.level IS NULL THEN 'below' ELSE 'ok' END AS status,
    CASE
      WHEN m.measured IS NULL OR m.b.level IS NULL THEN 0.0
      ELSE greatest(0.0, coalesce(m.adjust, 0.0) + CASE
        WHEN k.interpolate AND m.b.next_start IS NOT NULL AND m.b.start IS NOT NULL AND m.b.next_start <> m.b.start
        THEN m.b.points + least(greatest((m.measured - m.b.start) / (m.b.next_start - m.b.start), 0.0), 1.0)
          * (m.b.next_points - m.b.points)
        ELSE m.b.points END)
    END AS score,
    coalesce(m.b.level IS NOT NULL AND m.b.points >= m.b.unit_top_points, FALSE) AS is_top
  FROM ${name}_banded m
  JOIN kpis k ON k.framework_id = $1 AND k.kpi = m.kpi
)`;
}

/** A composite's measure at one depth: its children's scores combined, or NULL if any child is missing. */
function compositeMeasured(name: string, depth: number, children: string): string {
  return `${name} AS MATERIALIZED (
  SELECT c.period_id, c.unit_id, k.kpi, NULL::DOUBLE AS value, NULL::DOUBLE AS target, NULL::DOUBLE AS baseline,
    NULL::DOUBLE AS adjust, min(c.months_reported)::INTEGER AS months_reported, max(c.last_month) AS last_month,
    CASE WHEN bool_or(c.status = 'missing') THEN NULL
      ELSE round(CASE k.combine
        WHEN 'sum' THEN sum(c.score)
        WHEN 'mean' THEN avg(c.score)
        WHEN 'min' THEN min(c.score)
        WHEN 'count_top' THEN count(*) FILTER (WHERE c.is_top)
      END, ${MEASURE_DECIMALS}) END AS measured
  FROM ${children} c
  JOIN kpis ck ON ck.framework_id = $1 AND ck.kpi = c.kpi
  JOIN kpis k ON k.framework_id = $1 AND k.kpi = ck.parent AND k.depth = ${depth}
  GROUP BY c.period_id, c.unit_id, k.kpi, k.combine
)`;
}

const SCORE_COLUMNS = `period_id, unit_id, kpi, value, target, baseline, adjust, months_reported, last_month,
  measured, level, points, band_label, band_start, next_level, next_points, next_start, next_op, next_value,
  next_value2, score, status, is_top`;

/** Some periods of a framework, and every month they cover. */
export interface PeriodScope {
  periodIds: readonly string[];
  months: readonly string[];
}

/** `AND <column> IN (<the scope's periods>)`, or nothing when every period is scored. */
function inScope(scope: PeriodScope | null, column: string): string {
  return scope === null ? '' : ` AND ${column} IN ${literalList(scope.periodIds)}`;
}

/** Results of framework `$1` (of the scope's months) with per-unit targets filled in where a row has none. */
function resultsEffectiveCte(scope: PeriodScope | null, unitTargets: boolean | undefined): string {
  return `results_effective AS (
${
  unitTargets === false
    ? `  SELECT r.unit_id, r.kpi, r.month, r.value, r.target, r.baseline, r.adjust
  FROM results r`
    : `  SELECT r.unit_id, r.kpi, r.month, r.value,
    coalesce(r.target, tm.target, ta.target) AS target,
    coalesce(r.baseline, tm.baseline, ta.baseline) AS baseline,
    r.adjust
  FROM results r
  LEFT JOIN unit_targets tm ON tm.framework_id = $1 AND tm.kpi = r.kpi AND tm.unit_id = r.unit_id AND tm.month = r.month
  LEFT JOIN unit_targets ta ON ta.framework_id = $1 AND ta.kpi = r.kpi AND ta.unit_id = r.unit_id AND ta.month IS NULL`
}
  WHERE r.framework_id = $1 AND r.value IS NOT NULL${scope === null ? '' : ` AND r.month IN ${literalList(scope.months)}`}
)`;
}

/** Months aggregated per unit, KPI and period every way (`grouped`), then the KPI's own (`aggregated`). */
function aggregateCtes(scope: PeriodScope | null): string {
  const single = scope !== null && scope.periodIds.length === 1 ? scope.periodIds[0] : null;
  return `-- Every aggregate of each unit, KPI and period; the KPI's own is picked below (after grouping, so that the
-- KPI's aggregate is looked up once per group, not once per result).
grouped AS (
  SELECT ${single === null ? 'pm.period_id' : `${literal(single)} AS period_id`}, r.unit_id, r.kpi,
    ${['value', 'target', 'baseline']
      .map(
        (c) =>
          `sum(r.${c}) AS sum_${c}, avg(r.${c}) AS mean_${c}, max(r.${c}) AS max_${c}, arg_max_null(r.${c}, r.month) AS last_${c}`
      )
      .join(',\n    ')},
    sum(r.adjust) AS adjust,
    count(*)::INTEGER AS months_reported,
    max(r.month) AS last_month
  FROM results_effective r
  ${single === null ? `JOIN period_months pm ON pm.framework_id = $1 AND pm.month = r.month${inScope(scope, 'pm.period_id')}` : ''}
  GROUP BY ALL
),
aggregated AS MATERIALIZED (
  SELECT g.period_id, g.unit_id, g.kpi,
    ${['value', 'target', 'baseline'].map((c) => `${AGGREGATE(c)} AS ${c}`).join(',\n    ')},
    g.adjust, g.months_reported, g.last_month
  FROM grouped g
  JOIN kpis k ON k.framework_id = $1 AND k.kpi = g.kpi
)`;
}

/** Every unit × leaf KPI × period of the scope (`grid`), measured (`leaf_measured`). */
function leafMeasuredCtes(scope: PeriodScope | null): string {
  return `grid AS (
  SELECT p.period_id, fu.unit_id, k.kpi, k.measure
  FROM framework_units fu
  JOIN periods p ON p.framework_id = $1${inScope(scope, 'p.period_id')}
  JOIN kpis k ON k.framework_id = $1
  WHERE fu.framework_id = $1 AND k.measure <> 'combine'
),
-- Rank measures need a window over the period's units; only their rows go through it.
leaf_measured AS MATERIALIZED (
  SELECT g.period_id, g.unit_id, g.kpi, a.value, a.target, a.baseline, a.adjust,
    coalesce(a.months_reported, 0)::INTEGER AS months_reported, a.last_month,
    round(CASE g.measure
      WHEN 'value' THEN a.value
      WHEN 'pct_of_target' THEN a.value * 100.0 / nullif(a.target, 0)
      WHEN 'growth_pct' THEN (a.value - a.baseline) * 100.0 / nullif(a.baseline, 0)
    END::DOUBLE, ${MEASURE_DECIMALS}) AS measured
  FROM grid g
  LEFT JOIN aggregated a ON a.period_id = g.period_id AND a.unit_id = g.unit_id AND a.kpi = g.kpi
  WHERE g.measure NOT IN ('rank_desc', 'rank_asc')
  UNION ALL
  SELECT g.period_id, g.unit_id, g.kpi, a.value, a.target, a.baseline, a.adjust,
    coalesce(a.months_reported, 0)::INTEGER AS months_reported, a.last_month,
    round(CASE g.measure
      WHEN 'rank_desc' THEN CASE WHEN a.value IS NOT NULL THEN
        rank() OVER (PARTITION BY g.period_id, g.kpi, a.value IS NULL
          ORDER BY round(a.value, ${MEASURE_DECIMALS}) DESC) END
      WHEN 'rank_asc' THEN CASE WHEN a.value IS NOT NULL THEN
        rank() OVER (PARTITION BY g.period_id, g.kpi, a.value IS NULL
          ORDER BY round(a.value, ${MEASURE_DECIMALS}) ASC) END
    END::DOUBLE, ${MEASURE_DECIMALS}) AS measured
  FROM grid g
  LEFT JOIN aggregated a ON a.period_id = g.period_id AND a.unit_id = g.unit_id AND a.kpi = g.kpi
  WHERE g.measure IN ('rank_desc', 'rank_asc')
)`;
}

/** Composites deepest first, each depth measured, banded and added to the scores so far (`last`: all). */
function compositeStages(compositeDepths: readonly number[]): { stages: string[]; last: string } {
  const stages: string[] = [];
  let scoredSoFar = 'leaf_scored';
  const depths = [...new Set(compositeDepths)].sort((a, b) => b - a);
  for (const depth of depths) {
    stages.push(compositeMeasured(`composite_${depth}_measured`, depth, scoredSoFar));
    stages.push(bandStage(`composite_${depth}_scored`, `composite_${depth}_measured`));
    const union = `scored_upto_${depth}`;
    stages.push(
      `${union} AS (SELECT ${SCORE_COLUMNS} FROM ${scoredSoFar} UNION ALL ` +
        `SELECT ${SCORE_COLUMNS} FROM composite_${depth}_scored)`
    );
    scoredSoFar = union;
  }
  return { stages, last: scoredSoFar };
}

/**
 * INSERT INTO kpi_scores for framework `$1`: every period in `periods`, or only those of `scope` (whose
 * `months` must be every month of those periods). `compositeDepths` lists the depths at which the framework
 * has composites (0 = top level), from `deriveKpiFacts`. `unitTargets: false` says the framework has no
 * per-unit targets (the joins that look them up are left out).
 */
export function scoreKpisSql(
  compositeDepths: readonly number[],
  scope: PeriodScope | null = null,
  options: { unitTargets?: boolean } = {}
): string {
  const composites = compositeStages(compositeDepths);
  return `INSERT INTO kpi_scores
WITH
${resultsEffectiveCte(scope, options.unitTargets)},
${aggregateCtes(scope)},
${leafMeasuredCtes(scope)},
${bandStage('leaf_scored', 'leaf_measured')}${composites.stages.length > 0 ? ',\n' + composites.stages.join(',\n') : ''}
SELECT $1 AS framework_id, ${SCORE_COLUMNS} FROM ${composites.last}`;
}

/**
 * INSERT INTO unit_totals for framework `$1`: weighted totals over the top-level KPIs, for all of
 * them (`grp` = `*`) and for each group, ranked by competition ranking on the rounded total.
 */
export function unitTotalsSql(periodIds: readonly string[] | null = null): string {
  return `INSERT INTO unit_totals
WITH top_level AS (
  SELECT s.period_id, s.unit_id, s.score, s.status, s.is_top, k.weight, k.top_points, k.grp
  FROM kpi_scores s
  JOIN kpis k ON k.framework_id = $1 AND k.kpi = s.kpi AND k.parent IS NULL
  WHERE s.framework_id = $1${periodIds === null ? '' : ` AND s.period_id IN ${literalList(periodIds)}`}
),
grouped AS (
  SELECT period_id, '*' AS grp, unit_id, score, status, is_top, weight, top_points FROM top_level
  UNION ALL
  SELECT period_id, grp, unit_id, score, status, is_top, weight, top_points FROM top_level WHERE grp IS NOT NULL
),
totals AS (
  SELECT period_id, grp, unit_id,
    coalesce(sum(score * weight) / nullif(sum(weight), 0), 0.0) AS total,
    sum(top_points * weight) / nullif(sum(weight), 0) AS max_total,
    count(*) FILTER (WHERE status = 'missing')::INTEGER AS missing,
    count(*) FILTER (WHERE is_top)::INTEGER AS top_count,
    count(*)::INTEGER AS kpi_count
  FROM grouped
  GROUP BY period_id, grp, unit_id
)
SELECT $1 AS framework_id, period_id, grp, unit_id, total, max_total,
  total * 100.0 / nullif(max_total, 0) AS total_pct, missing, top_count, kpi_count,
  rank() OVER (PARTITION BY period_id, grp ORDER BY round(total, ${RANK_DECIMALS}) DESC)::INTEGER AS rank
FROM totals`;
}

/** Removes a framework's scores before re-scoring it. */
export const CLEAR_SCORES_SQL = [
  'DELETE FROM kpi_scores WHERE framework_id = $1',
  'DELETE FROM unit_totals WHERE framework_id = $1'
];

/** Removes the scores of some periods of framework `$1` before re-scoring them. */
export function clearPeriodScoresSql(periodIds: readonly string[]): string[] {
  return [
    `DELETE FROM kpi_scores WHERE framework_id = $1 AND period_id IN ${literalList(periodIds)}`,
    `DELETE FROM unit_totals WHERE framework_id = $1 AND period_id IN ${literalList(periodIds)}`
  ];
}

/**
 * The league table of one framework, period (`$2`) and group (`$3`, `*` for all): every unit with its
 * rank, movement against the previous period of the same grain (when that period has results: any result of
 * the framework in `previousMonths`, the previous period's months), and the tie order of DESIGN §4.7 (rank,
 * then KPIs at top level, then Thai name order).
 */
export function leagueTableSql(previousMonths: readonly string[]): string {
  return `WITH previous AS (
  SELECT p.period_id, p.prev_period_id,
    EXISTS (SELECT 1 FROM results r WHERE r.framework_id = $1 AND r.value IS NOT NULL
      AND r.month IN ${literalList(previousMonths)}) AS has_data
  FROM periods p WHERE p.framework_id = $1 AND p.period_id = $2
)
SELECT t.rank, t.unit_id, u.name AS unit, u.province, t.total, t.max_total, t.total_pct, t.missing,
  t.top_count, t.kpi_count, CASE WHEN p.has_data THEN prev.rank END AS previous_rank,
  CASE WHEN p.has_data AND prev.rank IS NOT NULL THEN prev.rank - t.rank END AS movement
FROM unit_totals t
JOIN units u ON u.unit_id = t.unit_id
JOIN previous p ON p.period_id = t.period_id
-- has_data is applied in the SELECT list: a condition on the left side alone in this ON clause would turn the
-- hash join into a nested loop over every stored total.
LEFT JOIN unit_totals prev ON prev.framework_id = t.framework_id AND prev.period_id = p.prev_period_id
  AND prev.grp = t.grp AND prev.unit_id = t.unit_id
WHERE t.framework_id = $1 AND t.period_id = $2 AND t.grp = $3
ORDER BY t.rank, t.top_count DESC, u.sort_key, u.name`;
}

/**
 * The fields of a packed cell, in order (see `kpiCellsPackedSql`). The first five are what the league page's
 * headline reads of every cell (`unpackCellScores`, src/lib/scoring/league-rows.ts): first, so that reading
 * them stops before the rest of the cell.
 */
export const PACKED_CELL_FIELDS = [
  'kpi',
  'points',
  'score',
  'status',
  'is_top',
  'value',
  'target',
  'baseline',
  'adjust',
  'months_reported',
  'last_month',
  'measured',
  'level',
  'band_label',
  'next_level',
  'next_start',
  'next_op',
  'next_value',
  'next_value2',
  'band_start'
] as const;

const PACKED_TEXT_FIELDS = new Set([
  'kpi',
  'last_month',
  'level',
  'band_label',
  'status',
  'next_level',
  'next_op'
]);

/**
 * The cells of `kpiCellsSql`, one row per unit with its cells packed into one string (cells separated by
 * RS, fields by US, in `PACKED_CELL_FIELDS` order): 878 strings cross from DuckDB to JS instead of 22 000 rows
 * of 21 columns, which is what made a national league table slow (issue 6). Numbers are DuckDB's shortest
 * round-trip text, so `Number(text)` gives back the same double; `is_top` is `t`/`f`.
 */
export function kpiCellsPackedSql(): string {
  const fields = PACKED_CELL_FIELDS.map((field) =>
    field === 'is_top'
      ? `CASE WHEN s.is_top THEN 't' ELSE 'f' END`
      : PACKED_TEXT_FIELDS.has(field)
        ? packedText(`s.${field}`)
        : packedNumber(`s.${field}`)
  );
  return `SELECT s.unit_id, string_agg(concat_ws(chr(31), ${fields.join(', ')}), chr(30)) AS cells
FROM kpi_scores s
WHERE s.framework_id = $1 AND s.period_id = $2
GROUP BY s.unit_id`;
}

/** Every KPI cell of one framework and period (sub-items included), for the league table and exports. */
export function kpiCellsSql(): string {
  return `SELECT s.unit_id, s.kpi, s.value, s.target, s.baseline, s.adjust, s.months_reported, s.last_month,
  s.measured, s.level, s.points, s.band_label, s.score, s.status, s.is_top, s.next_level, s.next_start,
  s.next_op, s.next_value, s.next_value2, s.band_start
FROM kpi_scores s
WHERE s.framework_id = $1 AND s.period_id = $2`;
}
