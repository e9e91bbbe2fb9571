/**
 * A framework as the rows of the workspace's tables (src/lib/sql/schema.ts): its units, KPIs, bands (with the
 * levels no value can reach), per-unit targets. Pure: no database here; `Workspace.putFramework` inserts them.
 */
import { bandStart, kpiReachability, orderBands } from '../domain/bands';
import { totalWeight, type Framework } from '../domain/framework';
import { deriveKpiFacts } from '../domain/framework-validate';
import { matchDistrict, matchProvince, unitsInScope } from '../domain/units';
import type { SqlValue } from '../db/types';
import type { TableName } from '../sql/schema';

export type UnitKind = 'province' | 'district';

/** Units a framework ranks (DESIGN §9.2): a province's districts, all provinces, or all districts. */
export function frameworkUnitKind(framework: Pick<Framework, 'province'>): UnitKind {
  return framework.province === null ? 'province' : 'district';
}

export function frameworkUnitIds(framework: Pick<Framework, 'province'>): string[] {
  return unitsInScope(framework.province).map((unit) => unit.id);
}

/** Resolves a unit name used inside a framework (per-unit bands and targets) to a unit code, or null. */
export function resolveFrameworkUnit(framework: Pick<Framework, 'province'>, name: string): string | null {
  if (framework.province === null) {
    const match = matchProvince(name);
    return match.kind === 'match' ? match.province.id : null;
  }
  const match = matchDistrict(name, framework.province === '*' ? null : framework.province);
  return match.kind === 'match' ? match.district.id : null;
}

/**
 * The `shadowed_bands` rows of a framework: per KPI and ladder (the general one, '', and each unit with bands
 * of its own, by unit code, as the scoring SQL builds them), the levels no measured value can reach.
 */
export function shadowedBandRows(id: string, framework: Framework): SqlValue[][] {
  const rows: SqlValue[][] = [];
  for (const kpi of framework.kpis) {
    const bands = framework.bands.flatMap((band) => {
      if (band.kpi !== kpi.kpi) return [];
      if (band.unit === null) return [band];
      const unitId = resolveFrameworkUnit(framework, band.unit);
      return unitId === null ? [] : [{ ...band, unit: unitId }];
    });
    for (const ladder of kpiReachability(bands).ladders) {
      ladder.bands.forEach((band, i) => {
        if (ladder.reach[i] === 'shadowed') rows.push([id, ladder.unit ?? '', kpi.kpi, band.level]);
      });
    }
  }
  return rows;
}

function kpiRows(framework: Framework): SqlValue[][] {
  const facts = deriveKpiFacts(framework);
  const effectiveWeight = totalWeight(framework);
  return framework.kpis.map((kpi, ord) => {
    const fact = facts.get(kpi.kpi);
    return [
      framework.id,
      kpi.kpi,
      kpi.name,
      kpi.group,
      effectiveWeight(kpi),
      kpi.scale,
      kpi.measure,
      kpi.aggregate,
      kpi.interpolate,
      kpi.targetLevel,
      kpi.parent,
      kpi.combine,
      fact?.depth ?? 0,
      fact?.direction ?? 1,
      fact?.topPoints ?? null,
      ord
    ];
  });
}

function bandRows(framework: Framework): SqlValue[][] {
  const facts = deriveKpiFacts(framework);
  const rows: SqlValue[][] = [];
  for (const kpi of framework.kpis) {
    const direction = facts.get(kpi.kpi)?.direction ?? 1;
    const bands = orderBands(framework.bands.filter((band) => band.kpi === kpi.kpi));
    bands.forEach((band, ord) => {
      const unitId = band.unit === null ? null : resolveFrameworkUnit(framework, band.unit);
      if (band.unit !== null && unitId === null) return; // reported as a warning by validation
      rows.push([
        framework.id,
        band.kpi,
        band.level,
        band.points,
        band.op,
        band.value,
        band.value2,
        unitId,
        band.label,
        ord,
        bandStart(band, direction)
      ]);
    });
  }
  return rows;
}

/** Per-unit targets by unit code; the first of several for the same KPI, unit and month counts. */
function targetRows(framework: Framework): SqlValue[][] {
  const rows: SqlValue[][] = [];
  const seen = new Set<string>();
  for (const target of framework.targets) {
    const unitId = resolveFrameworkUnit(framework, target.unit);
    const key = `${target.kpi}\u0000${unitId}\u0000${target.month}`;
    if (unitId === null || seen.has(key)) continue;
    seen.add(key);
    rows.push([framework.id, target.kpi, unitId, target.month, target.target, target.baseline]);
  }
  return rows;
}

/** A (valid) framework's rows, table by table, in the order they are inserted. */
export function frameworkTableRows(framework: Framework): [TableName, SqlValue[][]][] {
  const id = framework.id;
  const head = [
    id,
    framework.name,
    framework.province,
    framework.fiscalYear,
    framework.period,
    frameworkUnitKind(framework)
  ];
  return [
    ['frameworks', [head]],
    ['framework_units', frameworkUnitIds(framework).map((unitId) => [id, unitId])],
    ['kpis', kpiRows(framework)],
    ['bands', bandRows(framework)],
    ['shadowed_bands', shadowedBandRows(id, framework)],
    ['unit_targets', targetRows(framework)]
  ];
}
