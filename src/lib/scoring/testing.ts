/**
 * Test builders for scoring tests: tiny frameworks, KPIs, bands and results, so that a test reads like the
 * rule it checks (random frameworks and results: random-case.testing.ts). Defaults: province ฉะเชิงเทรา (11 districts), FY2565 round 2 (Apr–Sep 2022, seed 001).
 */
import type { Band, BandOp, Framework, Kpi, UnitTarget } from '../domain/framework';
import { parsePeriodId, type Period } from '../domain/periods';
import type { ResultRow } from '../domain/results';
import { districtsOf } from '../domain/units';
import type { LeagueTable } from './league';
import { scoreReference, type ReferenceRow } from './reference';
import { frameworkUnitIds, resolveFrameworkUnit, type Workspace } from './workspace';

export const PROVINCE = 'ฉะเชิงเทรา';

/** District code by Thai name in ฉะเชิงเทรา: `unit('บางคล้า')` → `2402`. */
export function unit(name: string): string {
  const district = districtsOf(PROVINCE).find((d) => d.name === name);
  if (!district) throw new Error(`no district ${name} in ${PROVINCE}`);
  return district.id;
}

/** The 11 district codes of ฉะเชิงเทรา, in code order (2401 เมืองฉะเชิงเทรา … 2411 คลองเขื่อน). */
export const DISTRICT_IDS: readonly string[] = districtsOf(PROVINCE).map((d) => d.id);

export function kpi(id: string, fields: Partial<Kpi> = {}): Kpi {
  return {
    kpi: id,
    name: `ตัวชี้วัด ${id}`,
    group: null,
    weight: null,
    scale: '1-5',
    measure: 'value',
    aggregate: 'last',
    interpolate: false,
    targetLevel: null,
    parent: null,
    combine: null,
    ...fields
  };
}

/** A sub-item of a composite. */
export function item(id: string, parent: string, fields: Partial<Kpi> = {}): Kpi {
  return kpi(id, { scale: 'points', parent, ...fields });
}

/** A composite KPI. */
export function composite(id: string, combine: Kpi['combine'], fields: Partial<Kpi> = {}): Kpi {
  return kpi(id, { measure: 'combine', combine, ...fields });
}

export function band(
  kpiId: string,
  level: string | number,
  points: number,
  op: BandOp,
  value: number | null = null,
  value2: number | null = null,
  unitName: string | null = null
): Band {
  const label = op === 'any' ? 'ทุกค่า' : op === 'between' ? `${value}–${value2}` : `${op} ${value}`;
  return { kpi: kpiId, level: String(level), points, op, value, value2, unit: unitName, label };
}

/**
 * A ladder of one-sided bands, best first: `ladder('k', '>=', [100, 95, 90, 85, 80])` gives level 5 `>= 100`
 * … level 1 `>= 80`, points = level. `levels`/`points` override the labels and points (A–D, 10/9/8/7).
 */
export function ladder(
  kpiId: string,
  op: '>=' | '>' | '<=' | '<',
  values: readonly number[],
  options: { levels?: readonly string[]; points?: readonly number[]; unit?: string | null } = {}
): Band[] {
  return values.map((value, i) => {
    const points = options.points?.[i] ?? values.length - i;
    const level = options.levels?.[i] ?? String(points);
    return band(kpiId, level, points, op, value, null, options.unit ?? null);
  });
}

export function target(
  kpiId: string,
  unitName: string,
  month: string | null,
  fields: { target?: number | null; baseline?: number | null }
): UnitTarget {
  return {
    kpi: kpiId,
    unit: unitName,
    month,
    target: fields.target ?? null,
    baseline: fields.baseline ?? null
  };
}

export function framework(
  id: string,
  kpis: Kpi[],
  bands: Band[],
  fields: Partial<Framework> = {}
): Framework {
  return {
    id,
    name: `ชุดเกณฑ์ ${id}`,
    province: PROVINCE,
    fiscalYear: 2565,
    period: 'R2',
    kpis,
    bands,
    targets: [],
    notes: [],
    ...fields
  };
}

/**
 * A: weight 60, target level 4; B: weight 40 (target the top level); both 1–5 ladders, points = level. The
 * headline's and the LINE image's hand-computed cases.
 */
export function twoKpiFramework(id: string): Framework {
  return framework(
    id,
    [kpi('A', { weight: 60, targetLevel: '4' }), kpi('B', { weight: 40 })],
    [...ladder('A', '>=', [100, 90, 80, 70, 60]), ...ladder('B', '>=', [50, 40, 30, 20, 10])]
  );
}

let line = 0;

/** A result row: `result('บางคล้า', 'k', '2022-09', 97, { target: 100 })`; the unit may be a name or a code. */
export function result(
  unitNameOrId: string,
  kpiId: string,
  month: string,
  value: number | null,
  fields: { target?: number | null; baseline?: number | null; adjust?: number | null } = {}
): ResultRow {
  return {
    unitId: /^\d+$/.test(unitNameOrId) ? unitNameOrId : unit(unitNameOrId),
    kpi: kpiId,
    month,
    value,
    target: fields.target ?? null,
    baseline: fields.baseline ?? null,
    adjust: fields.adjust ?? null,
    source: 'test.csv',
    line: ++line
  };
}

export function period(id: string): Period {
  const parsed = parsePeriodId(id);
  if (!parsed) throw new Error(`bad period ${id}`);
  return parsed;
}

/** Scores a framework with the reference scorer over all its units. */
export function referenceTable(
  fw: Framework,
  rows: readonly ResultRow[],
  periodId: string,
  group = '*'
): ReferenceRow[] {
  return scoreReference(
    fw,
    rows,
    period(periodId),
    frameworkUnitIds(fw),
    (name) => resolveFrameworkUnit(fw, name),
    group
  );
}

/** Stores, scores and reads the league table of one framework on a workspace; throws on validation errors. */
export async function scoreOn(
  workspace: Workspace,
  fw: Framework,
  rows: readonly ResultRow[],
  periodId: string,
  group = '*'
): Promise<LeagueTable> {
  const issues = await workspace.putFramework(fw);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new Error(`framework ${fw.id}: ${errors.map((e) => e.message).join('; ')}`);
  await workspace.commit(fw.id, rows);
  const p = period(periodId);
  await workspace.ensurePeriods(fw.id, [p]);
  await workspace.ensure(fw.id, 'all');
  return workspace.leagueTable(fw.id, p.id, group);
}

/** The cell of a unit (name or code) and KPI in a league table. */
export function cellOf(table: LeagueTable, unitNameOrId: string, kpiId: string) {
  const row = rowOf(table, unitNameOrId);
  const cell = row.cells[kpiId];
  if (!cell) throw new Error(`no cell ${kpiId} for ${unitNameOrId}`);
  return cell;
}

export function rowOf(table: LeagueTable, unitNameOrId: string) {
  const id = /^\d+$/.test(unitNameOrId) ? unitNameOrId : unit(unitNameOrId);
  const row = table.rows.find((r) => r.unitId === id);
  if (!row) throw new Error(`no row for ${unitNameOrId}`);
  return row;
}
