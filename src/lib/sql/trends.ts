/**
 * Read queries of the trends view (DESIGN §7, issue 4 §2): month by month over the framework's month
 * periods (`periods.grain = 'month'`), from the scored tables `unit_totals` and `kpi_scores`.
 * Parameters: `$1` is always the framework id; unit lists travel as one comma-separated parameter
 * (unit codes never contain commas) and are split in SQL, so no value is spliced into the text.
 */
import { inCommaListSql } from './identifiers';

/** The framework's month periods with their ISO month, oldest first. `$1` framework. */
export function monthPeriodsSql(): string {
  return `SELECT p.period_id, pm.month
FROM periods p
JOIN period_months pm ON pm.framework_id = p.framework_id AND pm.period_id = p.period_id
WHERE p.framework_id = $1 AND p.grain = 'month'
ORDER BY pm.month`;
}

/** The units a framework ranks, in Thai name order. `$1` framework. */
export function frameworkUnitsSql(): string {
  return `SELECT u.unit_id, u.name
FROM framework_units fu
JOIN units u ON u.unit_id = fu.unit_id
WHERE fu.framework_id = $1
ORDER BY u.sort_key, u.name, u.unit_id`;
}

/**
 * The first `count` units of a period in league order (rank, KPIs at top level, name) from the `top` or the
 * `bottom` of the league (the last first), leaving out units that reported nothing. `$1` framework, `$2`
 * period, `$3` group (`*` = all).
 */
export function leagueEndUnitsSql(count: number, end: 'top' | 'bottom'): string {
  const limit = Math.max(0, Math.trunc(count));
  const order =
    end === 'top'
      ? 't.rank, t.top_count DESC, u.sort_key, u.name'
      : 't.rank DESC, t.top_count, u.sort_key DESC, u.name DESC';
  return `SELECT t.unit_id
FROM unit_totals t
JOIN units u ON u.unit_id = t.unit_id
WHERE t.framework_id = $1 AND t.period_id = $2 AND t.grp = $3 AND t.missing < t.kpi_count
ORDER BY ${order}
LIMIT ${limit}`;
}

/**
 * Weighted totals of a month: NULL for a unit that reported nothing that month (a gap, not a zero).
 * Used by the two queries below.
 */
const MONTH_TOTALS = `month_totals AS (
  SELECT t.period_id, t.unit_id,
    CASE WHEN t.missing < t.kpi_count THEN t.total END AS total,
    CASE WHEN t.missing < t.kpi_count THEN t.total_pct END AS total_pct,
    t.max_total
  FROM unit_totals t
  JOIN periods p ON p.framework_id = t.framework_id AND p.period_id = t.period_id AND p.grain = 'month'
  WHERE t.framework_id = $1 AND t.grp = $2
)`;

/**
 * Per month: mean and median weighted total over the units that reported something that month, how many
 * did, and the framework's maximum total. Months nobody reported have NULL mean and median.
 * `$1` framework, `$2` group.
 */
export function monthlyTotalStatsSql(): string {
  return `WITH ${MONTH_TOTALS}
SELECT t.period_id, avg(t.total) AS mean, median(t.total) AS median,
  count(t.total)::INTEGER AS reported, max(t.max_total) AS max_total
FROM month_totals t
GROUP BY t.period_id`;
}

/** Monthly weighted totals of the chosen units. `$1` framework, `$2` group, `$3` unit codes `a,b,c`. */
export function monthlyUnitTotalsSql(): string {
  return `WITH ${MONTH_TOTALS}
SELECT t.period_id, t.unit_id, t.total, t.total_pct
FROM month_totals t
WHERE ${inCommaListSql('t.unit_id', '$3')}`;
}

/**
 * A KPI's facts for charts: name, direction (1 higher is better, -1 lower), top points, target level,
 * measure, and whether any unit has its own bands. `$1` framework, `$2` KPI, or every top-level KPI when
 * `$2` is NULL.
 */
export function kpiFactsSql(): string {
  return `SELECT k.kpi, k.name, k.direction, k.top_points, k.target_level, k.measure, k.parent, k.ord,
  EXISTS (SELECT 1 FROM bands b WHERE b.framework_id = k.framework_id AND b.kpi = k.kpi AND b.unit_id IS NOT NULL)
    AS unit_bands
FROM kpis k
WHERE k.framework_id = $1 AND (k.kpi = $2 OR ($2 IS NULL AND k.parent IS NULL))
ORDER BY k.ord`;
}

/**
 * The bands that apply to one unit (its own band for a level replaces the general one, as in scoring),
 * best first; `$3` = '' gives the general bands. `$1` framework, `$2` KPI (NULL = every KPI), `$3` unit.
 */
export function effectiveBandsSql(): string {
  return `SELECT b.kpi, b.level, b.points, b.op, b.value, b.value2, b.label, b.start, b.unit_id
FROM bands b
WHERE b.framework_id = $1 AND ($2 IS NULL OR b.kpi = $2) AND (b.unit_id IS NULL OR b.unit_id = $3)
QUALIFY row_number() OVER (PARTITION BY b.kpi, b.level ORDER BY b.unit_id IS NULL) = 1
ORDER BY b.kpi, b.points DESC, b.ord`;
}

/**
 * Monthly measured values (the number that was banded: a composite's combined value) with level and
 * status. `$1` framework, `$2` KPI or NULL (= every top-level KPI), `$3` unit codes `a,b,c`.
 */
export function monthlyKpiValuesSql(): string {
  return `SELECT s.period_id, s.unit_id, s.kpi, s.measured, s.level, s.points, s.status
FROM kpi_scores s
JOIN periods p ON p.framework_id = s.framework_id AND p.period_id = s.period_id AND p.grain = 'month'
JOIN kpis k ON k.framework_id = s.framework_id AND k.kpi = s.kpi
WHERE s.framework_id = $1 AND (s.kpi = $2 OR ($2 IS NULL AND k.parent IS NULL))
  AND ${inCommaListSql('s.unit_id', '$3')}`;
}
