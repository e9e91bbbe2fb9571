/**
 * Read queries of the district page (issue 4 §6): one unit's scorecard for a period, the monthly results
 * behind it, its rank month by month and each KPI's measured value month by month.
 * Parameters: `$1` framework id always; the others are named on each builder.
 */

/** The units a framework ranks, in Thai name order. `$1` framework. */
export function districtUnitsSql(): string {
  return `SELECT u.unit_id, u.name
FROM framework_units fu
JOIN units u ON u.unit_id = fu.unit_id
WHERE fu.framework_id = $1
ORDER BY u.sort_key, u.name, u.unit_id`;
}

/**
 * Every KPI (sub-items included) of one unit in one period, in framework order, with how many units
 * have a measured value for the KPI (the field of a rank measure). `$1` framework, `$2` period, `$3` unit.
 */
export function scorecardSql(): string {
  return `SELECT s.kpi, s.value, s.target, s.baseline, s.adjust, s.months_reported, s.last_month, s.measured,
  s.level, s.points, s.band_label, s.band_start, s.score, s.status, s.is_top,
  s.next_level, s.next_op, s.next_value, s.next_value2, s.next_start,
  (SELECT count(*) FROM kpi_scores o
    WHERE o.framework_id = $1 AND o.period_id = $2 AND o.kpi = s.kpi AND o.measured IS NOT NULL)::INTEGER AS units_measured
FROM kpi_scores s
JOIN kpis k ON k.framework_id = s.framework_id AND k.kpi = s.kpi
WHERE s.framework_id = $1 AND s.period_id = $2 AND s.unit_id = $3
ORDER BY k.ord`;
}

/** The unit's weighted total and rank, and how many units are ranked. `$1` framework, `$2` period, `$3` group, `$4` unit. */
export function unitTotalSql(): string {
  return `SELECT t.total, t.max_total, t.total_pct, t.rank, t.missing, t.top_count, t.kpi_count,
  (SELECT count(*) FROM unit_totals o
    WHERE o.framework_id = $1 AND o.period_id = $2 AND o.grp = $3)::INTEGER AS units
FROM unit_totals t
WHERE t.framework_id = $1 AND t.period_id = $2 AND t.grp = $3 AND t.unit_id = $4`;
}

/**
 * The unit's reported months in the period, per KPI, with the target and baseline scoring used (the row's
 * own, else the framework's per-unit target for that month, else for every month). `$1` framework,
 * `$2` period, `$3` unit.
 */
export function unitMonthsSql(): string {
  return `SELECT r.kpi, r.month, r.value,
  coalesce(r.target, tm.target, ta.target) AS target,
  coalesce(r.baseline, tm.baseline, ta.baseline) AS baseline,
  r.adjust
FROM results r
JOIN period_months pm ON pm.framework_id = $1 AND pm.period_id = $2 AND pm.month = r.month
LEFT JOIN unit_targets tm ON tm.framework_id = $1 AND tm.kpi = r.kpi AND tm.unit_id = r.unit_id AND tm.month = r.month
LEFT JOIN unit_targets ta ON ta.framework_id = $1 AND ta.kpi = r.kpi AND ta.unit_id = r.unit_id AND ta.month IS NULL
WHERE r.framework_id = $1 AND r.unit_id = $3 AND r.value IS NOT NULL
ORDER BY r.kpi, r.month`;
}

/**
 * The unit's rank and total in each month of the framework, whether anybody reported that month, and how
 * many units are ranked. `$1` framework, `$2` group, `$3` unit.
 */
export function rankHistorySql(): string {
  return `SELECT p.period_id, pm.month, t.rank, t.total,
  EXISTS (SELECT 1 FROM results r WHERE r.framework_id = $1 AND r.month = pm.month AND r.value IS NOT NULL) AS has_data,
  (SELECT count(*) FROM unit_totals o WHERE o.framework_id = $1 AND o.period_id = p.period_id AND o.grp = $2)::INTEGER AS units
FROM periods p
JOIN period_months pm ON pm.framework_id = p.framework_id AND pm.period_id = p.period_id
LEFT JOIN unit_totals t ON t.framework_id = $1 AND t.period_id = p.period_id AND t.grp = $2 AND t.unit_id = $3
WHERE p.framework_id = $1 AND p.grain = 'month'
ORDER BY pm.month`;
}

/** Each KPI's measured value, level and status in each month of the framework. `$1` framework, `$2` unit. */
export function kpiTrendSql(): string {
  return `SELECT s.kpi, pm.month, s.measured, s.level, s.points, s.status
FROM kpi_scores s
JOIN periods p ON p.framework_id = s.framework_id AND p.period_id = s.period_id AND p.grain = 'month'
JOIN period_months pm ON pm.framework_id = p.framework_id AND pm.period_id = p.period_id
WHERE s.framework_id = $1 AND s.unit_id = $2
ORDER BY s.kpi, pm.month`;
}

/** The bands that can apply to one unit (general and its own), in the order they are tried. `$1` framework, `$2` unit. */
export function unitBandsSql(): string {
  return `SELECT b.kpi, b.level, b.points, b.op, b.value, b.value2, b.label, b.unit_id
FROM bands b
WHERE b.framework_id = $1 AND (b.unit_id IS NULL OR b.unit_id = $2)
ORDER BY b.kpi, b.ord`;
}
