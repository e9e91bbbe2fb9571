/**
 * Random frameworks and results for the property and engine tests (the small builders are testing.ts). Most ladders are monotone by construction (one direction, thresholds sorted,
 * non-overlapping ranges, a floor band only at the bottom, per-unit bands that shift the general ones); the
 * `chaos` style gives bands of any op in any order, overlapping, equal, an `any` band anywhere, and units
 * with random bands of their own — all legal (DESIGN §9.2: tried best first, the first that holds wins), so
 * every framework passes validation; values are quarters and tenths, with ties.
 */
import fc from 'fast-check';
import type { Band, BandOp, Framework, Kpi, UnitTarget } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { districtsOf } from '../domain/units';
import { DISTRICT_IDS, PROVINCE, framework } from './testing';

export const UNIT_NAMES: readonly string[] = districtsOf(PROVINCE).map((d) => d.name);
/** Months of random results: 2022-03 lies outside the framework's round 2 and must be ignored. */
export const RANDOM_MONTHS = ['2022-03', '2022-05', '2022-07', '2022-08', '2022-09'];
/** เมืองปราจีนบุรี: results for it must change nothing in a ฉะเชิงเทรา framework. */
export const OUTSIDER = '2501';
type Style = '>=' | '>' | '<=' | '<' | 'between-up' | 'between-down' | 'mixed' | 'chaos';
type LeafMeasure = 'value' | 'pct_of_target' | 'growth_pct' | 'rank_desc' | 'rank_asc';

interface BandSpec {
  style: Style;
  scale: Kpi['scale'];
  floor: boolean;
  thresholds: number[];
  pointsSet: number;
  /** A unit's own bands: every general band shifted by delta, or only the best one moved further up. */
  overrides: { unit: number; delta: number; bestOnly: boolean }[];
  /** Style `chaos`: each band's op and values, and for the overrides one random band of their own. */
  chaos: ChaosBand[];
}

interface ChaosBand {
  op: BandOp;
  a: number;
  b: number;
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

const chaosBand = (domain: [number, number]): fc.Arbitrary<ChaosBand> =>
  fc.record({
    op: fc.constantFrom<BandOp>('>=', '>', '<=', '<', 'between', 'between', 'any'),
    a: fc.integer({ min: domain[0], max: domain[1] }),
    b: fc.integer({ min: domain[0], max: domain[1] })
  });

const bandSpec = (domain: [number, number]): fc.Arbitrary<BandSpec> =>
  fc.record({
    style: fc.constantFrom<Style>(
      '>=',
      '>',
      '<=',
      '<',
      'between-up',
      'between-down',
      'mixed',
      'chaos',
      'chaos'
    ),
    chaos: fc.array(chaosBand(domain), { minLength: 6, maxLength: 6 }),
    scale: fc.constantFrom<Kpi['scale']>('1-5', 'A-D', 'points'),
    floor: fc.boolean(),
    thresholds: fc.uniqueArray(fc.integer({ min: domain[0], max: domain[1] }), {
      minLength: 1,
      maxLength: 5
    }),
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
                month: fc.option(fc.nat(RANDOM_MONTHS.length - 1), { freq: 2 }),
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

const compositeSpec = compositeOf(
  fc.oneof({ weight: 3, arbitrary: leafSpec }, { weight: 1, arbitrary: compositeOf(leafSpec) })
);

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
  if (spec.style === 'chaos') return chaosBands(kpiId, spec, labels, pointsList);
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

/** Bands in any order and overlap (listed in a scrambled order); units get random bands for some levels. */
function chaosBands(kpiId: string, spec: BandSpec, labels: string[] | null, pointsList: number[]): Band[] {
  const make = (k: number, c: ChaosBand, unit: string | null): Band => {
    const points = pointsList[k];
    const level = labels ? labels[k] : String(points);
    const [value, value2] =
      c.op === 'any'
        ? [null, null]
        : c.op === 'between'
          ? [Math.min(c.a, c.b), Math.max(c.a, c.b)]
          : [c.a, null];
    return { kpi: kpiId, level, points, op: c.op, value, value2, unit, label: `ระดับ ${level}` };
  };
  const n = Math.min(pointsList.length, 1 + spec.thresholds.length);
  // The letter's order: a rotation by the first threshold, so that the best band is not always listed first.
  const order = Array.from({ length: n }, (_, i) => (i + Math.abs(spec.thresholds[0])) % n);
  const general = order.map((k) => make(k, spec.chaos[k], null));
  const own = spec.overrides.map((override) =>
    make(Math.abs(override.delta) % n, spec.chaos[5 - (override.unit % 3)], UNIT_NAMES[override.unit])
  );
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
        const month = t.month === null ? null : RANDOM_MONTHS[t.month];
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
  const fw = framework(`random${++frameworkCounter}`, kpis, bands, { targets });
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
      fc.oneof(
        fc.integer({ min: 0, max: 120 }).map((q) => q / 4),
        fc.integer({ min: 0, max: 300 }).map((t) => t / 10)
      ),
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
      for (const month of RANDOM_MONTHS) {
        const cell = cells[i++];
        if (!cell) continue;
        rows.push({ unitId, kpi: leaf.kpi, month, ...cell, source: 'random.csv', line: i });
        // The same figures for a district of another province (ปราจีนบุรี): not a unit of the framework.
        if (unitId === DISTRICT_IDS[0] && cell.value !== null) {
          rows.push({
            unitId: OUTSIDER,
            kpi: leaf.kpi,
            month,
            ...cell,
            value: cell.value + 1,
            source: 'random.csv',
            line: i
          });
        }
      }
    }
  }
  return rows;
}

/** A random framework (valid: `validateFramework` finds no error) with random results over ฉะเชิงเทรา's districts. */
export interface RandomCase {
  framework: Framework;
  rows: ResultRow[];
}

export const randomCase: fc.Arbitrary<RandomCase> = frameworkSpec.chain((spec) => {
  const size = DISTRICT_IDS.length * buildFramework(spec).leaves.length * RANDOM_MONTHS.length;
  return fc.array(cellSpec, { minLength: size, maxLength: size }).map((cells) => {
    const built = buildFramework(spec);
    return { framework: built.framework, rows: buildResults(built.leaves, cells) };
  });
});
