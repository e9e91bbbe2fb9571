-- shape-district: every period scored, then its league table

SELECT period_id, ord FROM periods WHERE framework_id = ? ORDER BY ord
-- params: ["shape-district"];

DELETE FROM kpi_scores WHERE framework_id = $1
-- params: ["shape-district"];

DELETE FROM unit_totals WHERE framework_id = $1
-- params: ["shape-district"];

INSERT INTO kpi_scores
WITH
results_effective AS (
  SELECT r.unit_id, r.kpi, r.month, r.value,
    coalesce(r.target, tm.target, ta.target) AS target,
    coalesce(r.baseline, tm.baseline, ta.baseline) AS baseline,
    r.adjust
  FROM results r
  LEFT JOIN unit_targets tm ON tm.framework_id = $1 AND tm.kpi = r.kpi AND tm.unit_id = r.unit_id AND tm.month = r.month
  LEFT JOIN unit_targets ta ON ta.framework_id = $1 AND ta.kpi = r.kpi AND ta.unit_id = r.unit_id AND ta.month IS NULL
  WHERE r.framework_id = $1 AND r.value IS NOT NULL
),
-- Every aggregate of each unit, KPI and period; the KPI's own is picked below (after grouping, so that the
-- KPI's aggregate is looked up once per group, not once per result).
grouped AS (
  SELECT pm.period_id, r.unit_id, r.kpi,
    sum(r.value) AS sum_value, avg(r.value) AS mean_value, max(r.value) AS max_value, arg_max_null(r.value, r.month) AS last_value,
    sum(r.target) AS sum_target, avg(r.target) AS mean_target, max(r.target) AS max_target, arg_max_null(r.target, r.month) AS last_target,
    sum(r.baseline) AS sum_baseline, avg(r.baseline) AS mean_baseline, max(r.baseline) AS max_baseline, arg_max_null(r.baseline, r.month) AS last_baseline,
    sum(r.adjust) AS adjust,
    count(*)::INTEGER AS months_reported,
    max(r.month) AS last_month
  FROM results_effective r
  JOIN period_months pm ON pm.framework_id = $1 AND pm.month = r.month
  GROUP BY ALL
),
aggregated AS MATERIALIZED (
  SELECT g.period_id, g.unit_id, g.kpi,
    CASE k.aggregate WHEN 'sum' THEN g.sum_value WHEN 'mean' THEN g.mean_value WHEN 'max' THEN g.max_value ELSE g.last_value END AS value,
    CASE k.aggregate WHEN 'sum' THEN g.sum_target WHEN 'mean' THEN g.mean_target WHEN 'max' THEN g.max_target ELSE g.last_target END AS target,
    CASE k.aggregate WHEN 'sum' THEN g.sum_baseline WHEN 'mean' THEN g.mean_baseline WHEN 'max' THEN g.max_baseline ELSE g.last_baseline END AS baseline,
    g.adjust, g.months_reported, g.last_month
  FROM grouped g
  JOIN kpis k ON k.framework_id = $1 AND k.kpi = g.kpi
),
grid AS (
  SELECT p.period_id, fu.unit_id, k.kpi, k.measure
  FROM framework_units fu
  JOIN periods p ON p.framework_id = $1
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
    END::DOUBLE, 9) AS measured
  FROM grid g
  LEFT JOIN aggregated a ON a.period_id = g.period_id AND a.unit_id = g.unit_id AND a.kpi = g.kpi
  WHERE g.measure NOT IN ('rank_desc', 'rank_asc')
  UNION ALL
  SELECT g.period_id, g.unit_id, g.kpi, a.value, a.target, a.baseline, a.adjust,
    coalesce(a.months_reported, 0)::INTEGER AS months_reported, a.last_month,
    round(CASE g.measure
      WHEN 'rank_desc' THEN CASE WHEN a.value IS NOT NULL THEN
        rank() OVER (PARTITION BY g.period_id, g.kpi, a.value IS NULL
          ORDER BY round(a.value, 9) DESC) END
      WHEN 'rank_asc' THEN CASE WHEN a.value IS NOT NULL THEN
        rank() OVER (PARTITION BY g.period_id, g.kpi, a.value IS NULL
          ORDER BY round(a.value, 9) ASC) END
    END::DOUBLE, 9) AS measured
  FROM grid g
  LEFT JOIN aggregated a ON a.period_id = g.period_id AND a.unit_id = g.unit_id AND a.kpi = g.kpi
  WHERE g.measure IN ('rank_desc', 'rank_asc')
),
leaf_scored_banded AS (
  SELECT m.* EXCLUDE (bands), CASE WHEN m.measured IS NOT NULL
    THEN m.bands[list_position(list_transform(m.bands, lambda b: CASE b.op
      WHEN '>=' THEN m.measured >= b.value
      WHEN '>' THEN m.measured > b.value
      WHEN '<=' THEN m.measured <= b.value
      WHEN '<' THEN m.measured < b.value
      WHEN 'between' THEN m.measured >= b.value AND m.measured <= b.value2
      WHEN 'any' THEN TRUE
      ELSE FALSE END), TRUE)] END AS b
  FROM (
    SELECT m.*, CASE WHEN o.ladder IS NOT NULL THEN o.bands ELSE g.bands END AS bands
    FROM leaf_measured m
    LEFT JOIN band_ladders o ON o.framework_id = $1 AND o.ladder = m.unit_id AND o.kpi = m.kpi
    LEFT JOIN band_ladders g ON g.framework_id = $1 AND g.ladder = '' AND g.kpi = m.kpi
  ) m
),
leaf_scored AS (
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
  FROM leaf_scored_banded m
  JOIN kpis k ON k.framework_id = $1 AND k.kpi = m.kpi
)
SELECT $1 AS framework_id, period_id, unit_id, kpi, value, target, baseline, adjust, months_reported, last_month,
  measured, level, points, band_label, band_start, next_level, next_points, next_start, next_op, next_value,
  next_value2, score, status, is_top FROM leaf_scored
-- params: ["shape-district"];

INSERT INTO unit_totals
WITH top_level AS (
  SELECT s.period_id, s.unit_id, s.score, s.status, s.is_top, k.weight, k.top_points, k.grp
  FROM kpi_scores s
  JOIN kpis k ON k.framework_id = $1 AND k.kpi = s.kpi AND k.parent IS NULL
  WHERE s.framework_id = $1
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
  rank() OVER (PARTITION BY period_id, grp ORDER BY round(total, 4) DESC)::INTEGER AS rank
FROM totals
-- params: ["shape-district"];

WITH previous AS (
  SELECT p.period_id, p.prev_period_id,
    EXISTS (SELECT 1 FROM results r WHERE r.framework_id = $1 AND r.value IS NOT NULL
      AND r.month IN ('2022-08')) AS has_data
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
ORDER BY t.rank, t.top_count DESC, u.sort_key, u.name
-- params: ["shape-district","2565-09","*"];

SELECT s.unit_id, string_agg(concat_ws(chr(31), CASE WHEN s.kpi IS NULL THEN '' ELSE '=' || replace(replace(replace(s.kpi, '\', '\\'), chr(31), '\u'), chr(30), '\r') END, coalesce(CAST(s.points AS VARCHAR), ''), coalesce(CAST(s.score AS VARCHAR), ''), CASE WHEN s.status IS NULL THEN '' ELSE '=' || replace(replace(replace(s.status, '\', '\\'), chr(31), '\u'), chr(30), '\r') END, CASE WHEN s.is_top THEN 't' ELSE 'f' END, coalesce(CAST(s.value AS VARCHAR), ''), coalesce(CAST(s.target AS VARCHAR), ''), coalesce(CAST(s.baseline AS VARCHAR), ''), coalesce(CAST(s.adjust AS VARCHAR), ''), coalesce(CAST(s.months_reported AS VARCHAR), ''), CASE WHEN s.last_month IS NULL THEN '' ELSE '=' || replace(replace(replace(s.last_month, '\', '\\'), chr(31), '\u'), chr(30), '\r') END, coalesce(CAST(s.measured AS VARCHAR), ''), CASE WHEN s.level IS NULL THEN '' ELSE '=' || replace(replace(replace(s.level, '\', '\\'), chr(31), '\u'), chr(30), '\r') END, CASE WHEN s.band_label IS NULL THEN '' ELSE '=' || replace(replace(replace(s.band_label, '\', '\\'), chr(31), '\u'), chr(30), '\r') END, CASE WHEN s.next_level IS NULL THEN '' ELSE '=' || replace(replace(replace(s.next_level, '\', '\\'), chr(31), '\u'), chr(30), '\r') END, coalesce(CAST(s.next_start AS VARCHAR), ''), CASE WHEN s.next_op IS NULL THEN '' ELSE '=' || replace(replace(replace(s.next_op, '\', '\\'), chr(31), '\u'), chr(30), '\r') END, coalesce(CAST(s.next_value AS VARCHAR), ''), coalesce(CAST(s.next_value2 AS VARCHAR), ''), coalesce(CAST(s.band_start AS VARCHAR), '')), chr(30)) AS cells
FROM kpi_scores s
WHERE s.framework_id = $1 AND s.period_id = $2
GROUP BY s.unit_id
-- params: ["shape-district","2565-09"];
