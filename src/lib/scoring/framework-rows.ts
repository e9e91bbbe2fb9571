/**
 * A framework as the rows of the workspace's tables (src/lib/sql/schema.ts): its units, KPIs, bands (with the
 * levels no value can reach), per-unit targets. Pure: no database here; `Workspace.putFramework` inserts them.
 */
import { bandStart, kpiLadders, kpiReachability, orderBands } from '../domain/bands';
import { totalWeight, type Framework } from '../domain/framework';
import { deriveKpiFacts } from '../domain/framework-validate';
import { matchDistrict, matchProvince, unitsInScope } from '../domain/units';
import type { SqlValue } from '../db/types';
import { TABLE_COLUMNS, type TableName } from '../sql/schema';

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

/** An empty ladder's one row after its key: a null rank and no band. */
const EMPTY_LADDER: SqlValue[] = Array(TABLE_COLUMNS.ladder_bands.length - 3).fill(null);

/**
 * The `ladder_bands` rows of a framework (issue 15.2): per KPI, one ladder for every unit (`ladder` '') and one
 * per unit with bands of its own (by unit code), as `kpiLadders` builds them — a unit's own band for a level
 * replaces the general one; best first (most points, then the framework's order). A band that can never be
 * reached on its ladder (every value it holds for meets a better band first, `kpiReachability`) is left out,
 * so that interpolation and gaps run towards the next band a value can reach; each band carries that next
 * better band and the ladder's top points. A ladder whose every band was left out is one row with a null
 * rank: its units stay on it with no band (and are `below`). One implementation of a ladder: the same domain
 * code the validator and the gaps use.
 */
export function ladderBandRows(id: string, framework: Framework): SqlValue[][] {
  const facts = deriveKpiFacts(framework);
  const rows: SqlValue[][] = [];
  for (const kpi of framework.kpis) {
    const direction = facts.get(kpi.kpi)?.direction ?? 1;
    const bands = framework.bands.flatMap((band) => {
      if (band.kpi !== kpi.kpi) return [];
      if (band.unit === null) return [band];
      const unitId = resolveFrameworkUnit(framework, band.unit);
      return unitId === null ? [] : [{ ...band, unit: unitId }];
    });
    const { ladders, unchecked } = kpiReachability(bands);
    const reached = ladders.map((ladder) => ({
      unit: ladder.unit,
      bands: ladder.bands.filter((_, i) => ladder.reach[i] !== 'shadowed')
    }));
    // Unit ladders past the validator's budget are not checked for reachability: they keep every band (built
    // again only for such a KPI: a hostile file).
    if (unchecked.length > 0) {
      const skipped = new Set(unchecked);
      for (const ladder of kpiLadders(bands))
        if (ladder.unit !== null && skipped.has(ladder.unit)) reached.push(ladder);
    }
    const hasGeneral = bands.some((band) => band.unit === null);
    for (const ladder of reached) {
      if (ladder.unit === null && !hasGeneral) continue; // only units' own bands: no general ladder
      const name = ladder.unit ?? '';
      if (ladder.bands.length === 0) rows.push([id, name, kpi.kpi, ...EMPTY_LADDER]);
      const top = ladder.bands[0]?.points ?? null;
      ladder.bands.forEach((band, rank) => {
        const next = rank > 0 ? ladder.bands[rank - 1] : null;
        rows.push([
          id,
          name,
          kpi.kpi,
          rank + 1,
          band.level,
          band.points,
          band.op,
          band.value,
          band.value2,
          band.label,
          bandStart(band, direction),
          next?.level ?? null,
          next?.points ?? null,
          next ? bandStart(next, direction) : null,
          next?.op ?? null,
          next?.value ?? null,
          next?.value2 ?? null,
          top
        ]);
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
    ['ladder_bands', ladderBandRows(id, framework)],
    ['unit_targets', targetRows(framework)]
  ];
}
