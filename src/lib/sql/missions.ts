/**
 * Read queries of the missions view (issue 4 §4): how many units sit at each level of each KPI, and the
 * unit × KPI grid coloured by level. From the scored tables `kpi_scores` and `unit_totals`.
 * Parameters: `$1` framework id, `$2` period id, `$3` group (`*` = every top-level KPI).
 */

/** Units per KPI (sub-items included), status and level in one period. `$1` framework, `$2` period. */
export function levelCountsSql(): string {
  return `SELECT s.kpi, s.status, s.level, max(s.points) AS points, count(*)::INTEGER AS units
FROM kpi_scores s
WHERE s.framework_id = $1 AND s.period_id = $2
GROUP BY s.kpi, s.status, s.level`;
}

/**
 * The grid: one row per unit and top-level KPI in view, units in league order (rank, KPIs at top level,
 * Thai name), KPIs in framework order. `$1` framework, `$2` period, `$3` group.
 */
export function levelGridSql(): string {
  return `SELECT t.rank, t.unit_id, u.name AS unit, k.kpi, s.measured, s.level, s.points, s.score,
  coalesce(s.status, 'missing') AS status
FROM unit_totals t
JOIN units u ON u.unit_id = t.unit_id
JOIN kpis k ON k.framework_id = t.framework_id AND k.parent IS NULL AND ($3 = '*' OR k.grp = $3)
LEFT JOIN kpi_scores s ON s.framework_id = t.framework_id AND s.period_id = t.period_id
  AND s.unit_id = t.unit_id AND s.kpi = k.kpi
WHERE t.framework_id = $1 AND t.period_id = $2 AND t.grp = $3
ORDER BY t.rank, t.top_count DESC, u.sort_key, u.name, t.unit_id, k.ord`;
}
