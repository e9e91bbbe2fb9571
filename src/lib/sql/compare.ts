/**
 * Read queries of the compare view (issue 4 §3): two periods of the same grain side by side, from the
 * scored tables. `$1` is always the framework id; period lists travel as one comma-separated parameter
 * (period ids never contain commas). No value is spliced into the SQL text.
 */
import { inCommaListSql } from './identifiers';

/**
 * Periods of one grain that the framework has scored, oldest first, each with whether anything was
 * reported in it (a KPI that is not `missing`). `$1` framework, `$2` grain.
 */
export function grainPeriodsSql(): string {
  return `SELECT p.period_id, p.ord,
  EXISTS (SELECT 1 FROM kpi_scores s WHERE s.framework_id = p.framework_id AND s.period_id = p.period_id
    AND s.status <> 'missing') AS has_data
FROM periods p
WHERE p.framework_id = $1 AND p.grain = $2
ORDER BY p.ord`;
}

/** How many results the framework holds in the given months. `$1` framework, `$2` ISO months `a,b,c`. */
export function resultsInMonthsSql(): string {
  return `SELECT count(*)::INTEGER AS results
FROM results r
WHERE r.framework_id = $1 AND r.value IS NOT NULL AND ${inCommaListSql('r.month', '$2')}`;
}

/**
 * Every unit of the framework with its weighted total, percentage, rank and missing count in two
 * periods (NULL where the period has no scores). `$1` framework, `$2` earlier period, `$3` later period,
 * `$4` group (`*` = all top-level KPIs). Listed in the later period's league order.
 */
export function compareTotalsSql(): string {
  return `SELECT u.unit_id, u.name,
  b.total AS total_before, b.total_pct AS pct_before, b.rank AS rank_before, b.missing AS missing_before,
  a.total AS total_after, a.total_pct AS pct_after, a.rank AS rank_after, a.missing AS missing_after,
  coalesce(a.kpi_count, b.kpi_count) AS kpi_count, coalesce(a.max_total, b.max_total) AS max_total
FROM framework_units fu
JOIN units u ON u.unit_id = fu.unit_id
LEFT JOIN unit_totals b ON b.framework_id = $1 AND b.period_id = $2 AND b.grp = $4 AND b.unit_id = fu.unit_id
LEFT JOIN unit_totals a ON a.framework_id = $1 AND a.period_id = $3 AND a.grp = $4 AND a.unit_id = fu.unit_id
WHERE fu.framework_id = $1
ORDER BY a.rank NULLS LAST, a.top_count DESC, u.sort_key, u.name`;
}

/**
 * Per top-level KPI in view: how many units reached a better level (more points), a worse one, or the
 * same one in the later period than in the earlier; below every band counts as lower than any level, and a
 * unit not reported in either period is not compared. `$1` framework, `$2` earlier, `$3` later, `$4` group.
 */
export function kpiLevelMovesSql(): string {
  return `WITH pairs AS (
  SELECT k.kpi, k.name, k.ord,
    CASE b.status WHEN 'ok' THEN b.points WHEN 'below' THEN -1e9 END AS before_points,
    CASE a.status WHEN 'ok' THEN a.points WHEN 'below' THEN -1e9 END AS after_points
  FROM kpis k
  JOIN framework_units fu ON fu.framework_id = k.framework_id
  LEFT JOIN kpi_scores b ON b.framework_id = $1 AND b.period_id = $2 AND b.kpi = k.kpi AND b.unit_id = fu.unit_id
  LEFT JOIN kpi_scores a ON a.framework_id = $1 AND a.period_id = $3 AND a.kpi = k.kpi AND a.unit_id = fu.unit_id
  WHERE k.framework_id = $1 AND k.parent IS NULL AND ($4 = '*' OR k.grp = $4)
)
SELECT kpi, name,
  count(*) FILTER (WHERE after_points > before_points)::INTEGER AS up,
  count(*) FILTER (WHERE after_points < before_points)::INTEGER AS down,
  count(*) FILTER (WHERE after_points = before_points)::INTEGER AS same,
  count(*) FILTER (WHERE after_points IS NULL OR before_points IS NULL)::INTEGER AS not_compared
FROM pairs
GROUP BY kpi, name, ord
ORDER BY ord`;
}
