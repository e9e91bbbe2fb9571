/**
 * Property test: random small frameworks and results scored by the SQL (DuckDB-WASM, the browser's engine)
 * and by the independent reference scorer (reference.ts) must agree on every rank, total, level, status and
 * score. Counter-examples found here are kept as named regression cases in rules.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupsOf, type Band, type BandOp, type Framework, type Kpi, type UnitTarget } from '../domain/framework';
import { hasErrors, validateFramework } from '../domain/framework-validate';
import type { ResultRow } from '../domain/results';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import type { LeagueTable } from './league';
import type { ReferenceRow } from './reference';
import { DISTRICT_IDS, PROVINCE, framework, period, referenceTable } from './testing';
import { Workspace, resolveFrameworkUnit } from './workspace';
import { districtsOf } from '../domain/units';
import { periodsOfFramework, previousPeriod } from '../domain/periods';

/** More runs or a fixed seed for a longer hunt: SCORING_PROPERTY_RUNS=2000 SCORING_PROPERTY_SEED=42. */
const RUNS = Number(process.env.SCORING_PROPERTY_RUNS ?? 200);
const SEED = process.env.SCORING_PROPERTY_SEED === undefined ? undefined : Number(process.env.SCORING_PROPERTY_SEED);
const UNIT_NAMES = districtsOf(PROVINCE).map((d) => d.name);
/** Months of the results: 2022-03 lies outside the framework's round 2 and must be ignored. */
const MONTHS = ['2022-03', '2022-05', '2022-07', '2022-08', '2022-09'];
/** เมืองปราจีนบุรี: results for it must change nothing in a ฉะเชิงเทรา framework. */
const OUTSIDER = '2501';
/** Periods the workspace scores for a round-2 framework (months, Q3, Q4, R2). */
const STORED = periodsOfFramework(2565, 'R2').map((p) => p.id);
/** Periods compared: two months, quarter 4 and round 2 of FY2565. */
const PERIODS = ['2565-08', '2565-09', 'FY2565-Q4', 'FY2565-R2', 'FY2565-Q3'];

type Style = '>=' | '>' | '<=' | '<' | 'between-up' | 'between-down' | 'mixed';
type LeafMeasure = 'value' | 'pct_of_target' | 'growth_pct' | 'rank_desc' | 'rank_asc';

interface BandSpec {
  style: Style;
  scale: Kpi['scale'];
  floor: boolean;
  thresholds: number[];
  pointsSet: number;
  /** A unit's own bands: every general band shifted by delta, or only the best one moved further up. */
  overrides: { unit: number; delta: number; bestOnly: boolean }[];
}

interface LeafSpec {
  kind: 'leaf';
  measure: LeafMeasure;
  aggregate: Kpi['aggregate'];
  interpolate: boolean;
  bands: BandSpec;
  targets: { unit: number; month: number | null; target: number | null; baseline: number | null }[];
}

interface CompositeSpec {
  kind: 'composite';
  combine: NonNullable<Kpi['combine']>;
  interpolate: boolean;
  bands: BandSpec;
  children: (LeafSpec | CompositeSpec)[];
}

interface TopSpec {
  spec: LeafSpec | CompositeSpec;
  group: string | null;
  weight: number | null;
}

interface FrameworkSpec {
  tops: TopSpec[];
  weighted: boolean;
}

const DOMAIN: Record<LeafMeasure | NonNullable<Kpi['combine']>, [number, number]> = {
  value: [0, 30],
  pct_of_target: [40, 160],
  growth_pct: [-60, 60],
  rank_desc: [1, 11],
  rank_asc: [1, 11],
  sum: [0, 40],
  mean: [0, 12],
  min: [0, 12],
  count_top: [0, 3]
};

const POINT_SETS = [
  [10, 9, 8, 7, 6],
  [100, 75, 50, 25, 10],
  [2, 1, 0]
];

const bandSpec = (domain: [number, number]): fc.Arbitrary<BandSpec> =>
  fc.record({
    style: fc.constantFrom<Style>('>=', '>', '<=', '<', 'between-up', 'between-down', 'mixed'),
    scale: fc.constantFrom<Kpi['scale']>('1-5', 'A-D', 'points'),
    floor: fc.boolean(),
    thresholds: fc.uniqueArray(fc.integer({ min: domain[0], max: domain[1] }), { minLength: 1, maxLength: 5 }),
    pointsSet: fc.nat(POINT_SETS.length - 1),
    overrides: fc.uniqueArray(
      fc.record({
        unit: fc.nat(UNIT_NAMES.length - 1),
        delta: fc.integer({ min: -10, max: 10 }),
        bestOnly: fc.boolean()
      }),
      { selector: (o) => o.unit, maxLength: 2 }
    )
  });

const leafSpec: fc.Arbitrary<LeafSpec> = fc
  .constantFrom<LeafMeasure>('value', 'value', 'pct_of_target', 'growth_pct', 'rank_desc', 'rank_asc')
  .chain((measure) =>
    fc.record({
      kind: fc.constant('leaf' as const),
      measure: fc.constant(measure),
      aggregate: fc.constantFrom<Kpi['aggregate']>('last', 'sum', 'mean', 'max'),
      interpolate: fc.boolean(),
      bands: bandSpec(DOMAIN[measure]),
      targets:
        measure === 'pct_of_target' || measure === 'growth_pct'
          ? fc.array(
              fc.record({
                unit: fc.nat(UNIT_NAMES.length - 1),
                month: fc.option(fc.nat(MONTHS.length - 1), { freq: 2 }),
                target: fc.option(fc.constantFrom(10, 20, 40), { freq: 4 }),
                baseline: fc.option(fc.constantFrom(10, 20, 40), { freq: 4 })
              }),
              { maxLength: 4 }
            )
          : fc.constant([])
    })
  );

const compositeOf = (child: fc.Arbitrary<LeafSpec | CompositeSpec>): fc.Arbitrary<CompositeSpec> =>
  fc.constantFrom<NonNullable<Kpi['combine']>>('sum', 'mean', 'min', 'count_top').chain((combine) =>
    fc.record({
      kind: fc.constant('composite' as const),
      combine: fc.constant(combine),
      interpolate: fc.boolean(),
      bands: bandSpec(DOMAIN[combine]),
      children: fc.array(child, { minLength: 1, maxLength: 3 })
    })
  );

const compositeSpec = compositeOf(fc.oneof({ weight: 3, arbitrary: leafSpec }, { weight: 1, arbitrary: compositeOf(leafSpec) }));

const frameworkSpec: fc.Arbitrary<FrameworkSpec> = fc.record({
  weighted: fc.boolean(),
  tops: fc.array(
    fc.record({
      spec: fc.oneof({ weight: 3, arbitrary: leafSpec }, { weight: 1, arbitrary: compositeSpec }),
      group: fc.constantFrom<string | null>('ทีม', 'รายบุคคล', null),
      weight: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 5 })
    }),
    { minLength: 1, maxLength: 6 }
  )
});

function buildBands(kpiId: string, spec: BandSpec): Band[] {
  const labels =
    spec.scale === '1-5' ? ['5', '4', '3', '2', '1'] : spec.scale === 'A-D' ? ['A', 'B', 'C', 'D'] : null;
  const pointsList =
    spec.scale === '1-5' ? [5, 4, 3, 2, 1] : spec.scale === 'A-D' ? [4, 3, 2, 1] : POINT_SETS[spec.pointsSet];
  const maxLevels = pointsList.length;
  const thresholds = spec.thresholds.slice(0, spec.floor ? maxLevels - 1 : maxLevels).sort((a, b) => a - b);
  const m = thresholds.length;
  const n = m + (spec.floor ? 1 : 0);
  const general: Band[] = [];
  const make = (k: number, op: BandOp, value: number | null, value2: number | null): Band => {
    const points = pointsList[k];
    const level = labels ? labels[k] : String(points);
    return { kpi: kpiId, level, points, op, value, value2, unit: null, label: `ระดับ ${level}` };
  };
  for (let k = 0; k < m; k++) {
    // k = 0 is the best band.
    const up = thresholds[m - 1 - k];
    switch (spec.style) {
      case '>=':
      case '>':
        general.push(make(k, spec.style, up, null));
        break;
      case '<=':
      case '<':
        general.push(make(k, spec.style, thresholds[k], null));
        break;
      case 'between-up':
        general.push(make(k, 'between', up, k === 0 ? 1e6 : thresholds[m - k] - 0.5));
        break;
      case 'between-down':
        general.push(make(k, 'between', k === 0 ? -1e6 : thresholds[k - 1] + 0.5, thresholds[k]));
        break;
      case 'mixed':
        general.push(k === 0 ? make(k, '>=', up, null) : make(k, 'between', up, thresholds[m - k] - 0.5));
        break;
    }
  }
  if (spec.floor) general.push(make(n - 1, 'any', null, null));
  const own: Band[] = [];
  const down = spec.style === '<=' || spec.style === '<' || spec.style === 'between-down';
  for (const override of spec.overrides) {
    // Moving only the best band further from the others keeps the unit's set monotone.
    const delta = override.bestOnly ? (down ? -1 : 1) * Math.abs(override.delta) : override.delta;
    for (const b of override.bestOnly ? general.slice(0, 1) : general) {
      if (b.op === 'any') continue;
      const shift = (v: number | null) => (v === null || Math.abs(v) >= 1e6 ? v : v + delta);
      own.push({ ...b, value: shift(b.value), value2: shift(b.value2), unit: UNIT_NAMES[override.unit] });
    }
  }
  return [...general, ...own];
}

interface Built {
  framework: Framework;
  leaves: Kpi[];
}

let frameworkCounter = 0;

function buildFramework(spec: FrameworkSpec): Built {
  const kpis: Kpi[] = [];
  const bands: Band[] = [];
  const targets: UnitTarget[] = [];
  const leaves: Kpi[] = [];
  const add = (
    id: string,
    node: LeafSpec | CompositeSpec,
    parent: string | null,
    top: TopSpec | null
  ): void => {
    const base: Kpi = {
      kpi: id,
      name: `ตัวชี้วัด ${id}`,
      group: top?.group ?? null,
      weight: top && spec.weighted ? top.weight : null,
      scale: node.bands.scale,
      measure: node.kind === 'leaf' ? node.measure : 'combine',
      aggregate: node.kind === 'leaf' ? node.aggregate : 'last',
      interpolate: node.interpolate,
      targetLevel: null,
      parent,
      combine: node.kind === 'composite' ? node.combine : null
    };
    kpis.push(base);
    bands.push(...buildBands(id, node.bands));
    if (node.kind === 'leaf') {
      leaves.push(base);
      const seen = new Set<string>();
      for (const t of node.targets) {
        const month = t.month === null ? null : MONTHS[t.month];
        const key = `${t.unit}|${month}`;
        if (seen.has(key)) continue;
        seen.add(key);
        targets.push({ kpi: id, unit: UNIT_NAMES[t.unit], month, target: t.target, baseline: t.baseline });
      }
    } else {
      node.children.forEach((child, i) => add(`${id}${String.fromCharCode(97 + i)}`, child, id, null));
    }
  };
  spec.tops.forEach((top, i) => add(`k${i + 1}`, top.spec, null, top));
  const fw = framework(`p${++frameworkCounter}`, kpis, bands, { targets });
  return { framework: fw, leaves };
}

interface CellSpec {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

const cellSpec: fc.Arbitrary<CellSpec | null> = fc.option(
  fc.record({
    value: fc.option(
      fc.integer({ min: 0, max: 120 }).map((q) => q / 4),
      { freq: 12 }
    ),
    target: fc.option(fc.constantFrom(0, 8, 16, 20, 25), { freq: 3 }),
    baseline: fc.option(fc.constantFrom(0, 8, 16, 20, 25), { freq: 3 }),
    adjust: fc.option(fc.constantFrom(-0.5, -1, -3, 0.5), { freq: 10 })
  }),
  { freq: 4 }
);

function buildResults(leaves: Kpi[], cells: (CellSpec | null)[]): ResultRow[] {
  const rows: ResultRow[] = [];
  let i = 0;
  for (const unitId of DISTRICT_IDS) {
    for (const leaf of leaves) {
      for (const month of MONTHS) {
        const cell = cells[i++];
        if (!cell) continue;
        rows.push({ unitId, kpi: leaf.kpi, month, ...cell, source: 'random.csv', line: i });
        // The same figures for a district of another province (ปราจีนบุรี): not a unit of the framework.
        if (unitId === DISTRICT_IDS[0] && cell.value !== null) {
          rows.push({ unitId: OUTSIDER, kpi: leaf.kpi, month, ...cell, value: cell.value + 1, source: 'random.csv', line: i });
        }
      }
    }
  }
  return rows;
}

const caseArb = frameworkSpec.chain((spec) => {
  const built = buildFramework(spec);
  const size = DISTRICT_IDS.length * built.leaves.length * MONTHS.length;
  return fc.record({
    spec: fc.constant(spec),
    cells: fc.array(cellSpec, { minLength: size, maxLength: size })
  });
});

/** What the random cases exercised, so that a generator that stops producing a case fails the test. */
const seen: Record<string, number> = {};
function note(what: string): void {
  seen[what] = (seen[what] ?? 0) + 1;
}

function noteCoverage(fw: Framework, reference: ReferenceRow[]): void {
  const byId = new Map(fw.kpis.map((k) => [k.kpi, k]));
  const ranks = reference.map((r) => r.rank);
  if (new Set(ranks).size < ranks.length) note('tied ranks');
  for (const row of reference) {
    if (row.missing > 0) note('unit with a missing KPI');
    for (const cell of Object.values(row.kpis)) {
      const k = byId.get(cell.kpi)!;
      note(`status ${cell.status}`);
      if (cell.status !== 'ok') continue;
      note(`measure ${k.measure} ok`);
      note(`aggregate ${k.aggregate} ok`);
      if (k.combine) note(`combine ${k.combine} ok`);
      if (k.parent !== null && k.measure === 'combine') note('nested composite ok');
      if (cell.points !== null && Math.abs(cell.score - cell.points) > 1e-9) note('score differs from points');
      if (k.interpolate && !Number.isInteger(cell.score)) note('interpolated score');
      const own = fw.bands.some((b) => b.kpi === k.kpi && b.unit !== null && resolveFrameworkUnit(fw, b.unit) === row.unitId);
      if (own) note('per-unit bands used');
      const band = fw.bands.find((b) => b.kpi === k.kpi && b.level === cell.level);
      if (band) note(`op ${band.op} reached`);
    }
  }
}

/** Compares one league table with the reference; returns the first difference as text, or null. */
function difference(
  table: LeagueTable,
  reference: ReferenceRow[],
  previous: ReferenceRow[] | null
): string | null {
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6;
  const order = table.rows.map((r) => r.unitId).join(',');
  const refOrder = reference.map((r) => r.unitId).join(',');
  for (const ref of reference) {
    const row = table.rows.find((r) => r.unitId === ref.unitId);
    const where = `${table.period.id} group ${table.group} unit ${ref.unitId} ${ref.unit}`;
    if (!row) return `${where}: no SQL row`;
    if (row.rank !== ref.rank) return `${where}: rank sql ${row.rank} ref ${ref.rank}`;
    if (!close(row.total, ref.total)) return `${where}: total sql ${row.total} ref ${ref.total}`;
    if (!close(row.totalPct, ref.totalPct)) return `${where}: total_pct sql ${row.totalPct} ref ${ref.totalPct}`;
    if (row.missing !== ref.missing) return `${where}: missing sql ${row.missing} ref ${ref.missing}`;
    if (row.topCount !== ref.topCount) return `${where}: top count sql ${row.topCount} ref ${ref.topCount}`;
    const before = previous?.find((r) => r.unitId === ref.unitId);
    const movement = before ? before.rank - ref.rank : null;
    if (row.movement !== movement) return `${where}: movement sql ${row.movement} ref ${movement}`;
    for (const [kpiId, refCell] of Object.entries(ref.kpis)) {
      const cell = row.cells[kpiId];
      const at = `${where} kpi ${kpiId}`;
      if (!cell) return `${at}: no SQL cell`;
      if (cell.status !== refCell.status) return `${at}: status sql ${cell.status} ref ${refCell.status}`;
      if (cell.level !== refCell.level) return `${at}: level sql ${cell.level} ref ${refCell.level}`;
      if (!close(cell.measured, refCell.measured))
        return `${at}: measured sql ${cell.measured} ref ${refCell.measured}`;
      if (!close(cell.score, refCell.score)) return `${at}: score sql ${cell.score} ref ${refCell.score}`;
    }
  }
  if (order !== refOrder) return `${table.period.id} group ${table.group}: row order sql ${order} ref ${refOrder}`;
  return null;
}

describe('SQL scorer agrees with the reference scorer (DESIGN §4)', () => {
  let db: Db;
  let workspace: Workspace;
  let runs = 0;
  let started = 0;

  beforeAll(async () => {
    db = await openNodeWasmDb();
    workspace = await Workspace.open(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  test('random frameworks and results: same ranks, totals, levels, statuses and scores', async () => {
    started = performance.now();
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ spec, cells }) => {
        runs++;
        const { framework: fw, leaves } = buildFramework(spec);
        const issues = validateFramework(fw, { resolveUnit: (name) => resolveFrameworkUnit(fw, name) !== null });
        expect(hasErrors(issues), JSON.stringify(issues)).toBe(false);
        const rows = buildResults(leaves, cells);
        try {
          const stored = await workspace.putFramework(fw);
          expect(hasErrors(stored)).toBe(false);
          await workspace.putResults(fw.id, rows);
          await workspace.score(fw.id);
          const checks: [string, string][] = [
            ...PERIODS.map((p): [string, string] => [p, '*']),
            ...groupsOf(fw).map((g): [string, string] => ['FY2565-R2', g])
          ];
          for (const [periodId, group] of checks) {
            const table = await workspace.leagueTable(fw.id, period(periodId).id, group);
            const reference = referenceTable(fw, rows, periodId, group);
            const before = previousPeriod(period(periodId));
            const previous = STORED.includes(before.id) ? referenceTable(fw, rows, before.id, group) : null;
            noteCoverage(fw, reference);
            const diff = difference(table, reference, previous);
            if (diff !== null) {
              throw new Error(
                `${diff}\nframework ${JSON.stringify(fw)}\nresults ${JSON.stringify(rows.filter((r) => r.unitId === diff.split('unit ')[1]?.split(' ')[0]))}`
              );
            }
          }
        } finally {
          await workspace.removeFramework(fw.id);
          await workspace.clearResults(fw.id);
        }
      }),
      { numRuns: RUNS, seed: SEED }
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(`property: ${runs} runs in ${seconds.toFixed(1)} s`, seen);
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    for (const what of [
      'tied ranks',
      'unit with a missing KPI',
      'status ok',
      'status below',
      'status missing',
      ...['value', 'pct_of_target', 'growth_pct', 'rank_desc', 'rank_asc', 'combine'].map((m) => `measure ${m} ok`),
      ...['last', 'sum', 'mean', 'max'].map((a) => `aggregate ${a} ok`),
      ...['sum', 'mean', 'min', 'count_top'].map((c) => `combine ${c} ok`),
      'nested composite ok',
      'score differs from points',
      'interpolated score',
      'per-unit bands used',
      ...['>=', '>', '<=', '<', 'between', 'any'].map((op) => `op ${op} reached`)
    ]) {
      expect(seen[what] ?? 0, what).toBeGreaterThan(0);
    }
  }, 3_600_000);
});
