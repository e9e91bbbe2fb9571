/**
 * Read queries of the misses view (DESIGN §4.8, issue 4 §5): every unit × top-level KPI below its target
 * level, or not reported, in a period, with how many periods of the same grain in a row (ending at that
 * period) it has missed.
 *
 * Parameters: `$1` framework, `$2` period, `$3` group (`*` = all), `$4` KPI (`''` = all), `$5` unit
 * (`''` = all), `$6` what counts as a miss: `'target'` = below the target level, `'top'` = below the unit's
 * top level (issue 13 §4), `$7` how many periods back a streak is followed (`MISS_STREAK_ALL`; 0 = the
 * period alone: every streak is 1, for callers that do not show it).
 *
 * Target: the KPI's `target_level` (its points, taken from any band of that level), at most the unit's top
 * points; no target level (or `$6` = `'top'`) = the unit's top band. Bands are the unit's effective bands
 * (its own band for a level replaces the general one), as in scoring.ts.
 *
 * A streak walks `periods.prev_period_id` back from the period; it stops at a period that was met, at a
 * period nobody has any results for (not uploaded yet is not a miss), or where the framework's periods end.
 */

/** `$7` that follows a streak back to its start (the framework's periods end long before). */
export const MISS_STREAK_ALL = 400;

const MISSES_CTE = `WITH RECURSIVE chain AS (
  SELECT p.period_id, p.prev_period_id, 0 AS step
  FROM periods p WHERE p.framework_id = $1 AND p.period_id = $2
  UNION ALL
  SELECT p.period_id, p.prev_period_id, c.step + 1
  FROM chain c JOIN periods p ON p.framework_id = $1 AND p.period_id = c.prev_period_id
  WHERE c.step < $7
),
chain_data AS (
  SELECT c.period_id, c.step,
    EXISTS (SELECT 1 FROM results r JOIN period_months pm ON pm.framework_id = r.framework_id AND pm.month = r.month
      WHERE r.framework_id = $1 AND pm.period_id = c.period_id AND r.value IS NOT NULL) AS has_data
  FROM chain c
),
in_view AS (
  SELECT k.kpi, k.target_level, k.ord
  FROM kpis k
  WHERE k.framework_id = $1 AND k.parent IS NULL AND ($3 = '*' OR k.grp = $3) AND ($4 = '' OR k.kpi = $4)
),
effective AS (
  SELECT fu.unit_id, b.kpi, b.level, b.points
  FROM framework_units fu
  JOIN bands b ON b.framework_id = fu.framework_id AND (b.unit_id IS NULL OR b.unit_id = fu.unit_id)
  JOIN in_view v ON v.kpi = b.kpi
  WHERE fu.framework_id = $1 AND ($5 = '' OR fu.unit_id = $5)
  QUALIFY row_number() OVER (PARTITION BY fu.unit_id, b.kpi, b.level ORDER BY b.unit_id IS NULL) = 1
),
level_points AS (
  SELECT b.kpi, max(b.points) AS points
  FROM bands b JOIN in_view v ON v.kpi = b.kpi AND b.level = v.target_level
  WHERE b.framework_id = $1
  GROUP BY b.kpi
),
goal AS (
  SELECT e.unit_id, e.kpi,
    least(CASE WHEN $6 = 'top' THEN max(e.points) ELSE coalesce(any_value(lp.points), max(e.points)) END,
      max(e.points)) AS target_points
  FROM effective e LEFT JOIN level_points lp ON lp.kpi = e.kpi
  GROUP BY e.unit_id, e.kpi
),
flags AS (
  SELECT s.unit_id, s.kpi, d.step,
    (d.step = 0 OR d.has_data) AND (s.status <> 'ok' OR s.points < coalesce(g.target_points, s.points)) AS missed
  FROM chain_data d
  JOIN kpi_scores s ON s.framework_id = $1 AND s.period_id = d.period_id
  JOIN in_view v ON v.kpi = s.kpi
  LEFT JOIN goal g ON g.unit_id = s.unit_id AND g.kpi = s.kpi
  WHERE $5 = '' OR s.unit_id = $5
),
streaks AS (
  SELECT unit_id, kpi,
    bool_or(missed) FILTER (WHERE step = 0) AS missed_now,
    coalesce(min(step) FILTER (WHERE NOT missed), max(step) + 1)::INTEGER AS streak
  FROM flags
  GROUP BY unit_id, kpi
)`;

/**
 * The misses of a period: value, target, baseline, measured value, level reached, status, target points,
 * streak, the unit's rank, and the KPI's weight with Σ weights of the top-level KPIs of the group (not
 * narrowed by the KPI filter: the total a miss costs points of, as unit_totals in scoring.ts weighs),
 * ordered by KPI (framework order), level reached (worst first), unit name.
 */
export function missesSql(): string {
  return `${MISSES_CTE},
weight_sum AS (
  SELECT sum(k.weight) AS weight_sum
  FROM kpis k WHERE k.framework_id = $1 AND k.parent IS NULL AND ($3 = '*' OR k.grp = $3)
)
SELECT s.unit_id, u.name AS unit, s.kpi, s.value, s.target, s.baseline, s.measured, s.level, s.points, s.score,
  s.status, s.months_reported, g.target_points, st.streak, t.rank, k.weight, w.weight_sum
FROM streaks st
JOIN kpis k ON k.framework_id = $1 AND k.kpi = st.kpi
CROSS JOIN weight_sum w
JOIN kpi_scores s ON s.framework_id = $1 AND s.period_id = $2 AND s.unit_id = st.unit_id AND s.kpi = st.kpi
JOIN units u ON u.unit_id = s.unit_id
JOIN in_view v ON v.kpi = s.kpi
LEFT JOIN goal g ON g.unit_id = s.unit_id AND g.kpi = s.kpi
LEFT JOIN unit_totals t ON t.framework_id = $1 AND t.period_id = $2 AND t.grp = $3 AND t.unit_id = s.unit_id
WHERE st.missed_now
ORDER BY v.ord, s.status = 'missing', coalesce(s.points, -1), u.sort_key, u.name, s.unit_id`;
}

/** Misses per KPI (same parameters; pass `$4` = `''` to count every KPI in view). */
export function missCountsSql(): string {
  return `${MISSES_CTE}
SELECT st.kpi, count(*)::INTEGER AS misses,
  count(*) FILTER (WHERE s.status = 'missing')::INTEGER AS unreported
FROM streaks st
JOIN kpi_scores s ON s.framework_id = $1 AND s.period_id = $2 AND s.unit_id = st.unit_id AND s.kpi = st.kpi
JOIN in_view v ON v.kpi = st.kpi
WHERE st.missed_now
GROUP BY st.kpi, v.ord
ORDER BY v.ord`;
}

/**
 * Bands of the KPIs in view (`$1` framework, `$2` group, `$3` KPI or `''`), general and per-unit, in the
 * order they are tried; gaps are computed from them in src/lib/domain/gaps.ts.
 */
export function missBandsSql(): string {
  return `SELECT b.kpi, b.level, b.points, b.op, b.value, b.value2, b.label, b.unit_id
FROM bands b
JOIN kpis k ON k.framework_id = b.framework_id AND k.kpi = b.kpi AND k.parent IS NULL
WHERE b.framework_id = $1 AND ($2 = '*' OR k.grp = $2) AND ($3 = '' OR b.kpi = $3)
ORDER BY b.kpi, b.ord`;
}
