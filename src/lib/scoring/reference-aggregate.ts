/**
 * The reference scorer's (reference.ts) aggregation of a period's months per unit and KPI, DESIGN §4.5 read
 * word by word: only months whose row has a value count, the month's target and baseline are the row's own,
 * else the framework's per-unit target for the month, else the month-less one; `last` takes the latest
 * reported month, `sum`/`mean`/`max` aggregate the values (targets, baselines) present. Used only by tests.
 */
import type { Framework, Kpi } from '../domain/framework';
import type { Period } from '../domain/periods';
import type { ResultRow } from '../domain/results';

export interface Aggregated {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number;
}

/** The month's target and baseline: the row's own, else the framework's for the unit and month, else month-less. */
function monthTargets(
  framework: Framework,
  kpiId: string,
  unitId: string,
  month: string,
  row: ResultRow | null,
  resolveUnit: (name: string) => string | null
): { target: number | null; baseline: number | null } {
  let target = row?.target ?? null;
  let baseline = row?.baseline ?? null;
  for (const pass of [month, null]) {
    for (const t of framework.targets) {
      if (t.kpi !== kpiId || t.month !== pass || resolveUnit(t.unit) !== unitId) continue;
      if (target === null) target = t.target;
      if (baseline === null) baseline = t.baseline;
    }
  }
  return { target, baseline };
}

/** A KPI's value, target, baseline and summed adjustment over the period's reported months (§4.5). */
export function aggregate(
  framework: Framework,
  kpi: Kpi,
  results: readonly ResultRow[],
  period: Period,
  unitId: string,
  resolveUnit: (name: string) => string | null
): Aggregated {
  const reported: { month: string; value: number; target: number | null; baseline: number | null }[] = [];
  let adjust = 0;
  for (const month of period.months) {
    for (const row of results) {
      if (row.unitId !== unitId || row.kpi !== kpi.kpi || row.month !== month) continue;
      if (row.value === null) continue;
      if (row.adjust !== null) adjust += row.adjust;
      const { target, baseline } = monthTargets(framework, kpi.kpi, unitId, month, row, resolveUnit);
      reported.push({ month, value: row.value, target, baseline });
    }
  }
  if (reported.length === 0) return { value: null, target: null, baseline: null, adjust };
  if (kpi.aggregate === 'last') {
    let latest = reported[0];
    for (const entry of reported) if (entry.month > latest.month) latest = entry;
    return { value: latest.value, target: latest.target, baseline: latest.baseline, adjust };
  }
  const combine = (values: (number | null)[]): number | null => {
    const present = values.filter((v): v is number => v !== null);
    if (present.length === 0) return null;
    let result = kpi.aggregate === 'max' ? present[0] : 0;
    for (const v of present) {
      if (kpi.aggregate === 'max') result = v > result ? v : result;
      else result += v;
    }
    return kpi.aggregate === 'mean' ? result / present.length : result;
  };
  return {
    value: combine(reported.map((entry) => entry.value)),
    target: combine(reported.map((entry) => entry.target)),
    baseline: combine(reported.map((entry) => entry.baseline)),
    adjust
  };
}
