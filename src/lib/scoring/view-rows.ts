/**
 * Row readers shared by the missions, misses and district query modules: engine rows (plain JS values,
 * see src/lib/db/types.ts) into typed fields; missing and non-finite numbers become null, never 0.
 */
import type { BandOp, Framework, Kpi } from '../domain/framework';
import type { RuleBand } from '../domain/gaps';
import type { Row } from '../db/types';
import type { KpiStatus } from './league';

export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function statusOf(value: unknown): KpiStatus {
  return value === 'ok' || value === 'below' ? value : 'missing';
}

/** A `bands` row (kpi, level, points, op, value, value2, label, unit_id) as a gap-computation band. */
export function ruleBandOf(row: Row): RuleBand {
  return {
    level: String(row.level),
    points: Number(row.points),
    op: String(row.op) as BandOp,
    value: numberOrNull(row.value),
    value2: numberOrNull(row.value2),
    label: String(row.label ?? ''),
    unitId: stringOrNull(row.unit_id)
  };
}

/** Bands rows grouped by KPI, each list in the order the rows came (the order bands are tried). */
export function bandsByKpi(rows: readonly Row[]): Map<string, RuleBand[]> {
  const byKpi = new Map<string, RuleBand[]>();
  for (const row of rows) {
    const kpi = String(row.kpi);
    let list = byKpi.get(kpi);
    if (!list) byKpi.set(kpi, (list = []));
    list.push(ruleBandOf(row));
  }
  return byKpi;
}

/** Points of a KPI's best band (any unit's), for level colours; null without bands. */
export function topPointsOf(framework: Framework, kpi: string): number | null {
  let top: number | null = null;
  for (const band of framework.bands)
    if (band.kpi === kpi && (top === null || band.points > top)) top = band.points;
  return top;
}

/** Top-level KPIs of a group (`*` = all), in framework order. */
export function kpisInView(framework: Framework, group: string): Kpi[] {
  return framework.kpis.filter((kpi) => kpi.parent === null && (group === '*' || kpi.group === group));
}

/** The direct sub-items of a composite, in framework order. */
export function childrenOf(framework: Framework, kpi: string): Kpi[] {
  return framework.kpis.filter((candidate) => candidate.parent === kpi);
}
