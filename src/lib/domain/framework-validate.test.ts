import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Band, BandOp, Framework, FrameworkIssue, Kpi, UnitTarget } from './framework';
import { MAX_BANDS, MAX_KPIS, deriveKpiFacts, hasErrors, validateFramework } from './framework-validate';

function kpi(id: string, over: Partial<Kpi> = {}): Kpi {
  return {
    kpi: id,
    name: `ตัวชี้วัด ${id}`,
    group: 'ทีม',
    weight: 50,
    scale: '1-5',
    measure: 'value',
    aggregate: 'last',
    interpolate: false,
    targetLevel: null,
    parent: null,
    combine: null,
    ...over
  };
}

function band(
  kpiId: string,
  level: string | number,
  op: BandOp,
  value: number | null = null,
  value2: number | null = null,
  over: Partial<Band> = {}
): Band {
  const points = typeof level === 'number' ? level : 0;
  return { kpi: kpiId, level: String(level), points, op, value, value2, unit: null, label: '', ...over };
}

/** Levels 1–5 at `>=` thresholds 60, 70, 80, 90, 100 (seed 001 style). */
function fiveLevels(kpiId: string, thresholds = [60, 70, 80, 90, 100]): Band[] {
  return thresholds.map((value, i) => band(kpiId, i + 1, '>=', value));
}

function framework(kpis: Kpi[], bands: Band[], over: Partial<Framework> = {}): Framework {
  return {
    id: 'test',
    name: 'ชุดทดสอบ',
    province: 'ฉะเชิงเทรา',
    fiscalYear: 2565,
    period: 'R2',
    kpis,
    bands,
    targets: [],
    notes: [],
    ...over
  };
}

/** Two team KPIs weighted 50/50, each with five `>=` levels: valid, no warnings. */
function base(over: Partial<Framework> = {}): Framework {
  return framework([kpi('1'), kpi('2')], [...fiveLevels('1'), ...fiveLevels('2')], over);
}

/** A composite `M` (sum of two 10/9/8/7 sub-items) banded A–D, as seed 000 mission 9. */
function composite(
  over: { parent?: Partial<Kpi>; child?: Partial<Kpi>; extraKpis?: Kpi[]; extraBands?: Band[] } = {}
): Framework {
  const subBands = (id: string) => [
    band(id, '10', '>=', 100, null, { points: 10 }),
    band(id, '9', '>=', 90, null, { points: 9 }),
    band(id, '8', '>=', 80, null, { points: 8 }),
    band(id, '7', 'any', null, null, { points: 7 })
  ];
  return framework(
    [
      kpi('M', {
        group: 'ภารกิจ',
        weight: 100,
        scale: 'A-D',
        measure: 'combine',
        combine: 'sum',
        ...over.parent
      }),
      kpi('Ma', { group: 'ภารกิจ', weight: null, scale: 'points', parent: 'M', ...over.child }),
      kpi('Mb', { group: 'ภารกิจ', weight: null, scale: 'points', parent: 'M' }),
      ...(over.extraKpis ?? [])
    ],
    [
      band('M', 'A', '>=', 20, null, { points: 4 }),
      band('M', 'B', 'between', 17, 19, { points: 3 }),
      band('M', 'C', 'between', 15, 16, { points: 2 }),
      band('M', 'D', 'any', null, null, { points: 1 }),
      ...subBands('Ma'),
      ...subBands('Mb'),
      ...(over.extraBands ?? [])
    ]
  );
}

function matching(issues: FrameworkIssue[], severity: 'error' | 'warning', pattern: string | RegExp) {
  return issues.filter(
    (issue) =>
      issue.severity === severity &&
      (typeof pattern === 'string' ? issue.message.includes(pattern) : pattern.test(issue.message))
  );
}

function replaceBand(fw: Framework, kpiId: string, level: string, over: Partial<Band>): Framework {
  return {
    ...fw,
    bands: fw.bands.map((b) => (b.kpi === kpiId && b.level === level ? { ...b, ...over } : b))
  };
}

describe('validateFramework: the valid building blocks', () => {
  it.each([
    ['two weighted 1–5 KPIs', base()],
    ['a composite of two points sub-items (seed 000 mission 9)', composite()]
  ])('%s has no issues', (_name, fw) => {
    expect(validateFramework(fw)).toEqual([]);
  });
});

interface RuleCase {
  rule: string;
  severity: 'error' | 'warning';
  /** Text the issue's message must contain. */
  match: string | RegExp;
  bad: () => Framework;
  good: () => Framework;
}

const twoKpis =
  (a: Partial<Kpi>, b: Partial<Kpi> = {}) =>
  (bands = [...fiveLevels('1'), ...fiveLevels('2')]) =>
    framework([kpi('1', a), kpi('2', b)], bands);

/** KPIs 1 and 2 as in `base`, with the given bands. */
const withBands = (bands: Band[]) => framework([kpi('1'), kpi('2')], bands);

const errorRules: RuleCase[] = [
  {
    rule: 'empty framework id',
    severity: 'error',
    match: 'ไม่มีรหัสชุดเกณฑ์',
    bad: () => base({ id: ' ' }),
    good: base
  },
  {
    rule: 'empty framework name',
    severity: 'error',
    match: 'ไม่มีชื่อชุดเกณฑ์',
    bad: () => base({ name: '' }),
    good: base
  },
  {
    rule: 'fiscal year in CE suggests BE',
    severity: 'error',
    match: 'ให้ใช้ปี พ.ศ. 2567',
    bad: () => base({ fiscalYear: 2024 }),
    good: () => base({ fiscalYear: 2567 })
  },
  {
    rule: 'fiscal year out of the BE range',
    severity: 'error',
    match: 'อยู่นอกช่วง',
    bad: () => base({ fiscalYear: 3000 }),
    good: () => base({ fiscalYear: 2700 })
  },
  {
    rule: 'fiscal year not a whole number',
    severity: 'error',
    match: 'fiscal_year',
    bad: () => base({ fiscalYear: Number.NaN }),
    good: () => base({ fiscalYear: 2400 })
  },
  {
    rule: 'unknown period',
    severity: 'error',
    match: 'period',
    bad: () => base({ period: 'Q5' as Framework['period'] }),
    good: () => base({ period: null })
  },
  {
    rule: 'KPI without id',
    severity: 'error',
    match: 'ไม่มีรหัส (kpi)',
    bad: () => framework([kpi('1'), kpi('')], fiveLevels('1')),
    good: base
  },
  {
    rule: 'KPI without name',
    severity: 'error',
    match: 'ตัวชี้วัด 2: ไม่มีชื่อ',
    bad: twoKpis({}, { name: '  ' }),
    good: base
  },
  {
    rule: 'duplicate KPI id',
    severity: 'error',
    match: 'รหัสตัวชี้วัด 1 ซ้ำกัน',
    bad: () => framework([kpi('1'), kpi('1')], fiveLevels('1')),
    good: base
  },
  {
    rule: 'unknown scale',
    severity: 'error',
    match: 'ไม่รู้จัก scale "1-10"',
    bad: twoKpis({ scale: '1-10' as Kpi['scale'] }),
    good: twoKpis({ scale: 'points' })
  },
  {
    rule: 'unknown measure',
    severity: 'error',
    match: 'ไม่รู้จัก measure "ratio"',
    bad: twoKpis({ measure: 'ratio' as Kpi['measure'] }),
    good: twoKpis({ measure: 'pct_of_target' })
  },
  {
    rule: 'unknown aggregate',
    severity: 'error',
    match: 'ไม่รู้จัก aggregate "median"',
    bad: twoKpis({ aggregate: 'median' as Kpi['aggregate'] }),
    good: twoKpis({ aggregate: 'sum' })
  },
  {
    rule: 'unknown combine',
    severity: 'error',
    match: 'ไม่รู้จัก combine "product"',
    bad: () => composite({ parent: { combine: 'product' as Kpi['combine'] } }),
    good: () => composite({ parent: { combine: 'count_top' } })
  },
  {
    rule: 'unknown op',
    severity: 'error',
    match: 'ไม่รู้จัก op "=="',
    bad: () => replaceBand(base(), '1', '3', { op: '==' as BandOp }),
    good: () => replaceBand(base(), '1', '3', { op: '>' })
  },
  {
    rule: 'missing op',
    severity: 'error',
    match: 'ไม่ได้ระบุ op',
    bad: () => replaceBand(base(), '1', '3', { op: '' as BandOp }),
    good: base
  },
  {
    rule: 'negative weight',
    severity: 'error',
    match: 'ติดลบ',
    bad: twoKpis({ weight: -10 }, { weight: 110 }),
    good: base
  },
  {
    rule: 'parent that does not exist',
    severity: 'error',
    match: 'ไม่พบตัวชี้วัดหลัก (parent) "X"',
    bad: () => composite({ child: { parent: 'X' } }),
    good: composite
  },
  {
    rule: 'parent that is not a composite',
    severity: 'error',
    match: 'ไม่ใช่ตัวชี้วัดรวม',
    bad: () =>
      framework(
        [kpi('1', { weight: 100 }), kpi('1a', { parent: '1', weight: null, scale: 'points' })],
        [...fiveLevels('1'), ...fiveLevels('1a')]
      ),
    good: composite
  },
  {
    rule: 'a rank measure on a composite (fine on a sub-item)',
    severity: 'error',
    match: 'วัดแบบอันดับ (rank_desc)',
    bad: () => composite({ parent: { measure: 'rank_desc', combine: null } }),
    good: () => composite({ child: { measure: 'rank_desc' } })
  },
  {
    rule: 'a cycle of parents',
    severity: 'error',
    match: /กันเป็นวง: (A → B → A|B → A → B)/,
    bad: () =>
      framework(
        [
          kpi('A', { measure: 'combine', combine: 'sum', parent: 'B', weight: null }),
          kpi('B', { measure: 'combine', combine: 'sum', parent: 'A', weight: null }),
          kpi('C', { weight: 100 })
        ],
        [...fiveLevels('A'), ...fiveLevels('B'), ...fiveLevels('C')]
      ),
    good: composite
  },
  {
    rule: 'a KPI that is its own parent',
    severity: 'error',
    match: 'กันเป็นวง: A → A',
    bad: () =>
      framework(
        [kpi('A', { measure: 'combine', combine: 'sum', parent: 'A' }), kpi('B')],
        [...fiveLevels('A'), ...fiveLevels('B')]
      ),
    good: base
  },
  {
    rule: 'composite without children',
    severity: 'error',
    match: 'ไม่มีตัวชี้วัดย่อย',
    bad: () => twoKpis({ measure: 'combine', combine: 'sum' })(),
    good: composite
  },
  {
    rule: 'composite without combine',
    severity: 'error',
    match: 'ต้องระบุวิธีรวม (combine)',
    bad: () => composite({ parent: { combine: null } }),
    good: composite
  },
  {
    rule: 'combine on a non-composite',
    severity: 'error',
    match: 'ระบุ combine ได้เฉพาะตัวชี้วัดรวม',
    bad: twoKpis({ combine: 'sum' }),
    good: base
  },
  {
    rule: 'top-level KPI without bands',
    severity: 'error',
    match: 'ตัวชี้วัด 2: ไม่มีเกณฑ์ระดับ',
    bad: () => framework([kpi('1'), kpi('2')], fiveLevels('1')),
    good: base
  },
  {
    rule: 'sub-item without bands',
    severity: 'error',
    match: 'ตัวชี้วัด Mb: ไม่มีเกณฑ์ระดับ',
    bad: () => {
      const fw = composite();
      return { ...fw, bands: fw.bands.filter((b) => b.kpi !== 'Mb') };
    },
    good: composite
  },
  {
    rule: 'bands for an unknown KPI',
    severity: 'error',
    match: 'เกณฑ์ระดับ 5: ไม่พบตัวชี้วัด 9',
    bad: () => base({ bands: [...base().bands, band('9', 5, '>=', 1)] }),
    good: base
  },
  {
    rule: 'threshold band without a value',
    severity: 'error',
    match: 'ต้องมีค่า (value)',
    bad: () => replaceBand(base(), '1', '3', { value: null }),
    good: base
  },
  {
    rule: 'band value NaN',
    severity: 'error',
    match: 'ได้ NaN',
    bad: () => replaceBand(base(), '1', '3', { value: Number.NaN }),
    good: base
  },
  {
    rule: 'band value Infinity',
    severity: 'error',
    match: 'ได้ Infinity',
    bad: () => replaceBand(base(), '1', '5', { value: Number.POSITIVE_INFINITY }),
    good: base
  },
  {
    rule: 'between without value2',
    severity: 'error',
    match: 'ปลายช่วง (value2)',
    bad: () => replaceBand(composite(), 'M', 'B', { value2: null }),
    good: composite
  },
  {
    rule: 'between with value > value2',
    severity: 'error',
    match: 'value ไม่เกิน value2',
    bad: () => replaceBand(composite(), 'M', 'B', { value: 19, value2: 17 }),
    good: () => replaceBand(composite(), 'M', 'B', { value: 17, value2: 17 })
  },
  {
    rule: 'duplicate band (same KPI, level and unit)',
    severity: 'error',
    match: 'ซ้ำกับเกณฑ์ระดับเดียวกัน',
    bad: () => base({ bands: [...base().bands, band('1', 5, '>=', 110)] }),
    good: () => base({ bands: [...base().bands, band('1', 5, '>=', 110, null, { unit: 'บางคล้า' })] })
  },
  {
    rule: 'duplicate per-unit band',
    severity: 'error',
    match: 'ตัวชี้วัด 1 ระดับ 5 หน่วยงาน บางคล้า: ซ้ำกับเกณฑ์ระดับเดียวกัน',
    bad: () =>
      base({
        bands: [
          ...base().bands,
          band('1', 5, '>=', 110, null, { unit: 'บางคล้า' }),
          band('1', 5, '>=', 120, null, { unit: 'บางคล้า' })
        ]
      }),
    good: base
  },
  {
    rule: 'non-finite points',
    severity: 'error',
    match: 'คะแนน (points) ต้องเป็นตัวเลข',
    bad: () => replaceBand(base(), '1', '2', { points: Number.NaN }),
    good: () => replaceBand(base(), '1', '2', { points: 2.5 })
  },
  {
    rule: 'target level not among the levels',
    severity: 'error',
    match: 'ระดับเป้าหมาย (target_level) "6" ไม่มี',
    bad: twoKpis({ targetLevel: '6' }),
    good: twoKpis({ targetLevel: '4' })
  },
  {
    rule: 'min that is not a number',
    severity: 'error',
    match: 'ค่าต่ำสุดที่รายงานได้ (min) ต้องเป็นตัวเลขหรือเว้นว่าง: ได้ NaN',
    bad: twoKpis({ min: Number.NaN }),
    good: twoKpis({ min: 0 })
  },
  {
    rule: 'max that is Infinity',
    severity: 'error',
    match: 'ค่าสูงสุดที่รายงานได้ (max) ต้องเป็นตัวเลขหรือเว้นว่าง: ได้ Infinity',
    bad: twoKpis({ max: Number.POSITIVE_INFINITY }),
    good: twoKpis({ max: 100 })
  },
  {
    rule: 'min above max',
    severity: 'error',
    match: 'ค่าต่ำสุด (min) 100 มากกว่าค่าสูงสุด (max) 0',
    bad: twoKpis({ min: 100, max: 0 }),
    good: twoKpis({ min: 0, max: 100 })
  },
  {
    rule: 'per-unit target for an unknown KPI',
    severity: 'error',
    match: 'ค่าเป้าหมายของตัวชี้วัด 9 หน่วยงาน บางคล้า: ไม่พบตัวชี้วัด 9',
    bad: () => base({ targets: [target('9', 'บางคล้า', null, 100)] }),
    good: () => base({ targets: [target('1', 'บางคล้า', null, 100)] })
  },
  {
    rule: 'per-unit target with a month that is not YYYY-MM',
    severity: 'error',
    match: 'ไม่ใช่รูปแบบ YYYY-MM',
    bad: () => base({ targets: [target('1', 'บางคล้า', 'เม.ย. 65', 100)] }),
    good: () => base({ targets: [target('1', 'บางคล้า', '2022-04', 100)] })
  },
  {
    rule: 'duplicate per-unit target',
    severity: 'error',
    match: 'ซ้ำกับแถวก่อนหน้า',
    bad: () =>
      base({ targets: [target('1', 'บางคล้า', '2022-04', 100), target('1', 'บางคล้า', '2022-04', 120)] }),
    good: () =>
      base({ targets: [target('1', 'บางคล้า', '2022-04', 100), target('1', 'บางคล้า', '2022-05', 120)] })
  }
];

function target(kpiId: string, unit: string, month: string | null, value: number | null): UnitTarget {
  return { kpi: kpiId, unit, month, target: value, baseline: null };
}

const warningRules: RuleCase[] = [
  {
    rule: "a group's weights do not sum to 100",
    severity: 'warning',
    match: 'น้ำหนัก (weight) ของกลุ่ม ทีม รวมกันได้ 90 ไม่ใช่ 100',
    bad: twoKpis({ weight: 50 }, { weight: 40 }),
    good: base
  },
  {
    rule: 'groups that share one 100 are fine',
    severity: 'warning',
    match: 'ไม่ใช่ 100',
    bad: twoKpis({ weight: 50, group: 'ทีม' }, { weight: 40, group: 'รายบุคคล' }),
    good: twoKpis({ weight: 60, group: 'ทีม' }, { weight: 40, group: 'รายบุคคล' })
  },
  {
    rule: 'a sub-item with a weight',
    severity: 'warning',
    match: 'เป็นตัวชี้วัดย่อยของ M จึงไม่ใช้น้ำหนัก (weight 5)',
    bad: () => composite({ child: { weight: 5 } }),
    good: composite
  },
  {
    rule: 'some top-level KPIs weighted, others not',
    severity: 'warning',
    match: 'ตัวชี้วัด 2 ไม่มีน้ำหนัก',
    bad: twoKpis({ weight: 100 }, { weight: null }),
    good: base
  },
  {
    rule: 'no KPI has a weight',
    severity: 'warning',
    match: 'ทุกตัวชี้วัดหลักนับน้ำหนักเท่ากัน',
    bad: twoKpis({ weight: null }, { weight: null }),
    good: base
  },
  {
    rule: 'A-D scale with levels that are not A–D',
    severity: 'warning',
    match: 'ใช้มาตรา A-D แต่มีระดับที่ไม่ใช่ A–D: 1, 2, 3, 4, 5',
    bad: twoKpis({ scale: 'A-D' }),
    good: composite
  },
  // DESIGN §9.2: bands are tried best first and the first that holds wins, so overlapping, equal and unordered
  // bands are legal (an earlier issue made them errors; §9.2 is the contract). What is told is a level that
  // can never be reached.
  {
    rule: 'bands out of order, higher is better: level 4 (>= 90) is caught by level 5 (>= 80)',
    severity: 'warning',
    match: 'ตัวชี้วัด 1: ระดับ 4 ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของระดับนี้ผ่านเกณฑ์ของระดับ 5 ก่อน',
    bad: () => withBands([...fiveLevels('1', [60, 70, 75, 90, 80]), ...fiveLevels('2')]),
    good: base
  },
  {
    rule: 'bands with equal starts: level 3 (>= 80) is caught by level 4 (>= 80)',
    severity: 'warning',
    match: 'ตัวชี้วัด 1: ระดับ 3 ไม่มีทางได้',
    bad: () => withBands([...fiveLevels('1', [60, 70, 80, 80, 100]), ...fiveLevels('2')]),
    good: base
  },
  {
    rule: 'a shared edge: ">= 100" above "> 100" leaves "> 100" nothing (not the other way)',
    severity: 'warning',
    match: 'ตัวชี้วัด 1: ระดับ 4 ไม่มีทางได้',
    bad: () => withBands([...fiveLevels('2'), band('1', 5, '>=', 100), band('1', 4, '>', 100)]),
    good: () => withBands([...fiveLevels('2'), band('1', 5, '>', 100), band('1', 4, '>=', 100)])
  },
  {
    rule: 'bands out of order, lower is better',
    severity: 'warning',
    match: 'ตัวชี้วัด 2: ระดับ 4 ไม่มีทางได้',
    bad: () =>
      withBands([...fiveLevels('1'), band('2', 5, '<=', 20), band('2', 4, '<=', 10), band('2', 3, '<=', 30)]),
    good: () =>
      withBands([...fiveLevels('1'), band('2', 5, '<=', 10), band('2', 4, '<=', 20), band('2', 3, '<=', 30)])
  },
  {
    rule: 'a range inside a better range',
    severity: 'warning',
    match: 'ตัวชี้วัด 2: ระดับ 3 ไม่มีทางได้',
    bad: () =>
      withBands([
        ...fiveLevels('1'),
        band('2', 5, '>=', 1),
        band('2', 4, 'between', 0.5, 0.99),
        band('2', 3, 'between', 0.6, 0.7)
      ]),
    good: () =>
      withBands([
        ...fiveLevels('1'),
        band('2', 5, '>=', 1),
        band('2', 4, 'between', 0.75, 0.99),
        band('2', 3, 'between', 0.5, 0.75)
      ])
  },
  {
    rule: 'a range covered by two better ones together (0–5 and 5–10 before 2–8)',
    severity: 'warning',
    match: 'ตัวชี้วัด 2: ระดับ 3 ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของระดับนี้ผ่านเกณฑ์ของระดับ 5, 4 ก่อน',
    bad: () =>
      withBands([
        ...fiveLevels('1'),
        band('2', 5, 'between', 0, 5),
        band('2', 4, 'between', 5, 10),
        band('2', 3, 'between', 2, 8)
      ]),
    good: () =>
      withBands([
        ...fiveLevels('1'),
        band('2', 5, 'between', 0, 5),
        band('2', 4, 'between', 6, 10),
        band('2', 3, 'between', 2, 8)
      ])
  },
  {
    rule: 'an any band that is not the worst: the worse levels are never reached',
    severity: 'warning',
    match: 'ตัวชี้วัด M: ระดับ D ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของระดับนี้ผ่านเกณฑ์ของระดับ A, B, C ก่อน',
    bad: () => replaceBand(composite(), 'M', 'C', { op: 'any', value: null, value2: null }),
    good: composite
  },
  {
    rule: 'an any band at the top: every other level is never reached',
    severity: 'warning',
    match: 'ตัวชี้วัด M: ระดับ B, C, D ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของระดับเหล่านี้ผ่านเกณฑ์ของระดับ A ก่อน',
    bad: () => replaceBand(composite(), 'M', 'A', { op: 'any', value: null }),
    good: composite
  },
  {
    rule: "a unit's own band caught by the general band of a better level",
    severity: 'warning',
    match: 'ตัวชี้วัด 1 หน่วยงาน บางคล้า: ระดับ 4 ไม่มีทางได้',
    bad: () => base({ bands: [...base().bands, band('1', 4, '>=', 105, null, { unit: 'บางคล้า' })] }),
    good: () => base({ bands: [...base().bands, band('1', 4, '>=', 95, null, { unit: 'บางคล้า' })] })
  },
  {
    rule: 'a band beyond the valid range (steps 0–5, level 5 "> 5")',
    severity: 'warning',
    match: 'ตัวชี้วัด 1: ระดับ 5 ไม่มีทางได้ เพราะค่าที่รายงานได้อยู่ในช่วง 0–5',
    bad: () =>
      framework(
        [kpi('1', { min: 0, max: 5 }), kpi('2')],
        [...[1, 2, 3, 4].map((k) => band('1', k, '>=', k)), band('1', 5, '>', 5), ...fiveLevels('2')]
      ),
    good: () =>
      framework(
        [kpi('1', { min: 0, max: 5 }), kpi('2')],
        [...[1, 2, 3, 4, 5].map((k) => band('1', k, '>=', k)), ...fiveLevels('2')]
      )
  },
  {
    rule: 'a valid range on a composite is not used',
    severity: 'warning',
    match: 'ตัวชี้วัดรวม (measure combine) ไม่มีค่าที่รายงานเอง จึงไม่ใช้ min/max',
    bad: () => composite({ parent: { min: 0, max: 20 } }),
    good: () => composite({ child: { min: 0, max: 100 } })
  }
];

/**
 * Legal by DESIGN §9.2 and every level reachable: no error and no warning (an earlier issue refused them).
 * How they score is in src/lib/scoring/rules.test.ts.
 */
describe('validateFramework: bands legal by DESIGN §9.2', () => {
  it.each([
    [
      'ranges that share an edge (seed 000 garbled C 0.50–0.75 vs B 0.75–0.99): 0.75 goes to the better level',
      withBands([
        ...fiveLevels('1'),
        band('2', 5, '>=', 1),
        band('2', 4, 'between', 0.75, 0.99),
        band('2', 3, 'between', 0.5, 0.75)
      ])
    ],
    ['a floor written "<= 59" under ">=" bands', replaceBand(base(), '1', '1', { op: '<=', value: 59 })],
    ['a floor written "< 60" under ">=" bands', replaceBand(base(), '1', '1', { op: '<', value: 60 })],
    [
      'an any band with values given (they are not used)',
      replaceBand(composite(), 'M', 'D', { value: 3, value2: 4 })
    ],
    [
      'seed 003 KPI 2 as written: level 1 "<= 80", levels 2–4 ranges, level 5 "> 95"',
      framework(
        [kpi('1', { weight: 50 }), kpi('2', { weight: 50 })],
        [
          ...fiveLevels('1'),
          band('2', 1, '<=', 80),
          band('2', 2, 'between', 81, 85),
          band('2', 3, 'between', 86, 90),
          band('2', 4, 'between', 91, 95),
          band('2', 5, '>', 95)
        ]
      )
    ],
    [
      'ranges listed in no order, none inside another',
      withBands([
        ...fiveLevels('1'),
        band('2', 3, 'between', 40, 50),
        band('2', 5, 'between', 60, 70),
        band('2', 4, 'between', 10, 20)
      ])
    ]
  ])('%s', (_name, fw) => {
    expect(validateFramework(fw)).toEqual([]);
  });
});

describe('validateFramework: unreachable levels of seed 001 households remaining', () => {
  // "จำนวนครัวเรือนเป้าหมายคงเหลือตามระดับคะแนน": พนมสารคาม ๐ ๐ ๐ ๐ ๐, copied row by row.
  const households = () =>
    framework(
      [kpi('I1', { weight: 100, min: 0 })],
      [
        ...[67, 58, 48, 38, 29].map((v, i) => band('I1', i + 1, '<=', v, null, { unit: 'เมืองฉะเชิงเทรา' })),
        ...[1, 2, 3, 4, 5].map((k) => band('I1', k, '<=', 0, null, { unit: 'พนมสารคาม' })),
        ...[1, 2, 3, 4, 5].map((k) => band('I1', k, '<=', 0, null, { unit: 'แปลงยาว' }))
      ]
    );

  it('five "<= 0" bands of one unit: warnings only, naming the KPI, the unit and levels 4, 3, 2, 1', () => {
    const issues = validateFramework(households());
    expect(hasErrors(issues), JSON.stringify(issues, null, 1)).toBe(false);
    expect(issues.map((issue) => [issue.severity, issue.where, issue.message])).toEqual(
      ['พนมสารคาม', 'แปลงยาว'].map((unit) => [
        'warning',
        'I1',
        `ตัวชี้วัด I1 หน่วยงาน ${unit}: ระดับ 4, 3, 2, 1 ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของระดับเหล่านี้ผ่านเกณฑ์ของระดับ 5 ก่อน ` +
          '(ตรวจจากระดับที่ได้คะแนนมากที่สุดลงไป ระดับแรกที่ผ่านคือระดับที่ได้)'
      ])
    );
  });

  it('names the line of the first unreachable band when the file is known', () => {
    const fw = households();
    const issues = validateFramework(fw, {
      locations: { bands: fw.bands.map((_, i) => `levels.csv:${i + 2}`) }
    });
    // พนมสารคาม's level 4 is the 9th band (levels.csv:10).
    expect(issues[0].where).toBe('levels.csv:10');
  });
});

describe.each([...errorRules, ...warningRules])('rule: $rule', ({ severity, match, bad, good }) => {
  it(`the bad case gives a ${severity}`, () => {
    const issues = validateFramework(bad());
    expect(matching(issues, severity, match), JSON.stringify(issues, null, 1)).not.toHaveLength(0);
  });
  it('the good case does not, and has no errors', () => {
    const issues = validateFramework(good());
    expect(matching(issues, severity, match)).toEqual([]);
    expect(hasErrors(issues), JSON.stringify(issues, null, 1)).toBe(false);
  });
});

describe('validateFramework: sizes of a hostile file', () => {
  it.each([
    { kpis: MAX_KPIS + 1, bands: 0, match: `เกินกว่าที่รับได้ (${MAX_KPIS})` },
    { kpis: 1, bands: MAX_BANDS + 1, match: `เกินกว่าที่รับได้ (${MAX_BANDS})` }
  ])('$kpis KPIs and $bands bands → error', ({ kpis, bands, match }) => {
    const fw = framework(
      Array.from({ length: kpis }, (_, i) => kpi(`k${i}`, { weight: null })),
      Array.from({ length: bands }, (_, i) => band('k0', `L${i}`, '>=', i, null, { points: i }))
    );
    const issues = validateFramework(fw);
    expect(matching(issues, 'error', match)).toHaveLength(1);
    expect(issues).toHaveLength(1);
  });

  it(`${MAX_KPIS} KPIs with ${MAX_BANDS} bands is accepted`, () => {
    const kpis = Array.from({ length: MAX_KPIS }, (_, i) => kpi(`k${i}`, { weight: null }));
    const bands = kpis.flatMap((k) =>
      Array.from({ length: MAX_BANDS / MAX_KPIS }, (_, level) => band(k.kpi, level + 1, '>=', level * 10))
    );
    const issues = validateFramework(framework(kpis, bands));
    expect(hasErrors(issues), JSON.stringify(issues.slice(0, 3))).toBe(false);
  });

  it('lists at most 1,000 issues and counts the rest in one last issue', () => {
    const bands = Array.from({ length: 1500 }, (_, i) => band(`ghost${i}`, 5, '>=', i));
    const issues = validateFramework(base({ bands: [...base().bands, ...bands] }));
    expect(issues).toHaveLength(1001);
    expect(issues[1000]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('อีก 500 รายการ')
    });
  });

  it('a long parent chain and a big cycle finish quickly', () => {
    const n = MAX_KPIS;
    const kpis = Array.from({ length: n }, (_, i) =>
      kpi(`k${i}`, { measure: 'combine', combine: 'sum', parent: `k${(i + 1) % n}`, weight: null })
    );
    const bands = kpis.map((k) => band(k.kpi, 1, 'any'));
    const issues = validateFramework(framework(kpis, bands));
    expect(matching(issues, 'error', 'กันเป็นวง')).toHaveLength(1);
  });
});

describe('validateFramework: per-unit bands and unit names', () => {
  // Seed 002: OTOP revenue scored against each district's own minimum / standard / high values.
  const seed002 = (units: string[]) =>
    framework(
      [kpi('otop', { weight: 100, group: 'รายบุคคล', scale: '1-5', measure: 'value', aggregate: 'sum' })],
      units.flatMap((unit, i) => [
        band('otop', 3, '>=', 100_000 * (i + 1), null, { unit, label: 'ขั้นต่ำ' }),
        band('otop', 4, '>=', 120_000 * (i + 1), null, { unit, label: 'มาตรฐาน' }),
        band('otop', 5, '>=', 150_000 * (i + 1), null, { unit, label: 'ขั้นสูง' })
      ])
    );

  it('units with only their own bands are valid', () => {
    expect(validateFramework(seed002(['เมืองสระแก้ว', 'วังน้ำเย็น']))).toEqual([]);
  });

  it('warns about unit names that resolveUnit rejects, once per name', () => {
    const known = new Set(['เมืองสระแก้ว']);
    const fw = seed002(['เมืองสระแก้ว', 'วังน้ำเยน']);
    fw.targets = [target('otop', 'วังน้ำเยน', '2022-06', 10)];
    const issues = validateFramework(fw, { resolveUnit: (name) => known.has(name) });
    expect(issues).toEqual([
      {
        severity: 'warning',
        where: 'otop',
        message: 'ไม่รู้จักหน่วยงาน "วังน้ำเยน" (ใช้ในเกณฑ์หรือค่าเป้าหมายของตัวชี้วัด otop): ตรวจการสะกดชื่อ'
      }
    ]);
  });

  it('skips the unit-name check without a callback, and survives a throwing one', () => {
    const fw = seed002(['ไม่มีอำเภอนี้']);
    expect(validateFramework(fw)).toEqual([]);
    const issues = validateFramework(fw, {
      resolveUnit: () => {
        throw new Error('boom');
      }
    });
    expect(matching(issues, 'warning', 'ไม่รู้จักหน่วยงาน "ไม่มีอำเภอนี้"')).toHaveLength(1);
  });
});

describe('validateFramework: where and order', () => {
  it('names file:line from locations, else the KPI id; errors come before warnings', () => {
    const fw = twoKpis(
      { weight: 50 },
      { weight: 40 }
    )([...fiveLevels('1'), ...fiveLevels('2').map((b) => (b.level === '3' ? { ...b, value: null } : b))]);
    const bare = validateFramework(fw);
    expect(bare.map((i) => [i.severity, i.where])).toEqual([
      ['error', '2'],
      ['warning', '1']
    ]);
    const located = validateFramework(fw, {
      locations: {
        framework: 'framework.csv:2',
        kpis: ['kpis.csv:2', 'kpis.csv:3'],
        bands: fw.bands.map((_, i) => `levels.csv:${i + 2}`)
      }
    });
    expect(located.map((i) => [i.severity, i.where])).toEqual([
      ['error', 'levels.csv:9'],
      ['warning', 'kpis.csv:2']
    ]);
    expect(located[0].message).toBe('ตัวชี้วัด 2 ระดับ 3: เกณฑ์ >= ต้องมีค่า (value) เป็นตัวเลข: ได้ (ว่าง)');
  });
});

describe('validateFramework: seeds', () => {
  it('seed 001: individual weights that sum to 110 are a warning, not an error', () => {
    // 5 team KPIs at 20% (100) and 11 individual KPIs at 10% (110), levels 1–5.
    const team = Array.from({ length: 5 }, (_, i) => kpi(`T${i + 1}`, { group: 'ทีม', weight: 20 }));
    const individual = Array.from({ length: 11 }, (_, i) =>
      kpi(`I${i + 1}`, { group: 'รายบุคคล', weight: 10 })
    );
    const kpis = [...team, ...individual];
    const fw = framework(
      kpis,
      kpis.flatMap((k) => fiveLevels(k.kpi, [80, 85, 90, 95, 100]))
    );
    const issues = validateFramework(fw);
    expect(hasErrors(issues)).toBe(false);
    expect(issues).toEqual([
      {
        severity: 'warning',
        where: 'I1',
        message:
          'น้ำหนัก (weight) ของกลุ่ม รายบุคคล รวมกันได้ 110 ไม่ใช่ 100: คะแนนรวมถ่วงน้ำหนักยังคำนวณได้ (หารด้วยผลรวมน้ำหนัก)'
      }
    ]);
  });

  it('seed 003: bands that start at level 3, a rank KPI and ranges are valid', () => {
    const fw = framework(
      [
        kpi('1', { weight: 15, measure: 'pct_of_target' }),
        kpi('2', { weight: 15, measure: 'pct_of_target' }),
        kpi('3', { weight: 15, measure: 'rank_asc', aggregate: 'last' }),
        kpi('4', { weight: 15 }),
        kpi('5', { weight: 15 }),
        kpi('6', { weight: 15 }),
        kpi('7', { weight: 10 })
      ],
      [
        // KPI 1: 50–59 → 1, 60–69 → 2, 70–79 → 3, 80–89 → 4, more than 89 → 5.
        band('1', 1, 'between', 50, 59),
        band('1', 2, 'between', 60, 69),
        band('1', 3, 'between', 70, 79),
        band('1', 4, 'between', 80, 89),
        band('1', 5, '>', 89),
        // KPI 2: "≤ 80" → 1 is the floor (any), 81–85 → 2, …, more than 95 → 5.
        band('2', 1, 'any'),
        band('2', 2, 'between', 81, 85),
        band('2', 3, 'between', 86, 90),
        band('2', 4, 'between', 91, 95),
        band('2', 5, '>', 95),
        // KPI 3: rank 1–5 → 5, 6–10 → 4, beyond 10 → 3 (no levels 1–2).
        band('3', 5, '<=', 5),
        band('3', 4, '<=', 10),
        band('3', 3, 'any'),
        ...fiveLevels('4', [1, 2, 3, 4, 5]),
        ...fiveLevels('5', [1, 2, 3, 4, 5]),
        ...fiveLevels('6', [1, 2, 3, 4, 5]),
        // KPI 7: milestones counted, levels 3–5 only.
        band('7', 3, '>=', 3),
        band('7', 4, '>=', 4),
        band('7', 5, '>=', 5)
      ],
      { province: 'ชัยภูมิ', fiscalYear: 2562, period: 'R1' }
    );
    expect(validateFramework(fw)).toEqual([]);
    const facts = deriveKpiFacts(fw);
    expect(facts.get('3')).toEqual({ direction: -1, depth: 0, topPoints: 5, children: [] });
    expect(facts.get('1')?.direction).toBe(1);
  });
});

describe('deriveKpiFacts', () => {
  it('gives direction, depth, top points and children', () => {
    const fw = composite();
    const facts = deriveKpiFacts(fw);
    expect(facts.get('M')).toEqual({ direction: 1, depth: 0, topPoints: 4, children: ['Ma', 'Mb'] });
    expect(facts.get('Ma')).toEqual({ direction: 1, depth: 1, topPoints: 10, children: [] });
  });

  it.each([
    { name: 'lower is better', bands: [band('x', 5, '<=', 10), band('x', 4, '<=', 20)], direction: -1 },
    {
      name: 'ranges rising',
      bands: [band('x', 5, 'between', 90, 100), band('x', 4, 'between', 80, 89)],
      direction: 1
    },
    {
      name: 'ranges falling',
      bands: [band('x', 5, 'between', 0, 9), band('x', 4, 'between', 10, 19)],
      direction: -1
    },
    { name: 'no bands', bands: [], direction: 1 }
  ])('direction: $name', ({ bands, direction }) => {
    const facts = deriveKpiFacts(framework([kpi('x')], bands));
    expect(facts.get('x')?.direction).toBe(direction);
    expect(facts.get('x')?.topPoints).toBe(bands.length ? 5 : null);
  });

  it('uses general bands for direction and top points when per-unit bands exist', () => {
    const fw = framework(
      [kpi('x')],
      [
        band('x', 5, '>=', 90),
        band('x', 4, '>=', 80),
        band('x', 9, '<=', 1, null, { unit: 'บางคล้า', points: 9 })
      ]
    );
    expect(deriveKpiFacts(fw).get('x')).toEqual({ direction: 1, depth: 0, topPoints: 5, children: [] });
  });

  it('is safe on cycles and missing parents', () => {
    const fw = framework(
      [
        kpi('A', { parent: 'B' }),
        kpi('B', { parent: 'A' }),
        kpi('C', { parent: 'nowhere' }),
        kpi('D', { parent: 'C' })
      ],
      []
    );
    const facts = deriveKpiFacts(fw);
    expect(facts.get('A')?.depth).toBe(2);
    expect(facts.get('C')?.depth).toBe(1);
    expect(facts.get('D')?.depth).toBe(2);
    expect(facts.get('A')?.children).toEqual(['B']);
  });
});

describe('validateFramework never throws', () => {
  const anyValue = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 4 }),
    fc.constantFrom('1', 'M', '>=', '<=', 'between', 'any', 'combine', 'A-D', '1-5', 'sum', 'rank_desc')
  );
  const kpiArb = fc.record({
    kpi: fc.constantFrom('1', '2', 'M', ''),
    name: anyValue,
    group: anyValue,
    weight: anyValue,
    scale: anyValue,
    measure: anyValue,
    aggregate: anyValue,
    interpolate: fc.boolean(),
    targetLevel: anyValue,
    parent: fc.constantFrom(null, '1', '2', 'M', 'x'),
    combine: anyValue
  });
  const bandArb = fc.record({
    kpi: fc.constantFrom('1', '2', 'M', 'x'),
    level: fc.constantFrom('1', '2', '3', 'A', ''),
    points: anyValue,
    op: anyValue,
    value: anyValue,
    value2: anyValue,
    unit: fc.constantFrom(null, 'บางคล้า', 'x'),
    label: anyValue
  });

  it('on random frameworks', () => {
    fc.assert(
      fc.property(
        fc.array(kpiArb, { maxLength: 6 }),
        fc.array(bandArb, { maxLength: 12 }),
        anyValue,
        (kpis, bands, year) => {
          const fw = { ...base(), kpis, bands, fiscalYear: year } as unknown as Framework;
          const issues = validateFramework(fw, { resolveUnit: (name) => name === 'บางคล้า' });
          expect(Array.isArray(issues)).toBe(true);
          deriveKpiFacts(fw);
        }
      ),
      { numRuns: 500 }
    );
  });

  it('on values that are not frameworks at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(validateFramework(value as Framework))).toBe(true);
        expect(deriveKpiFacts(value as Framework)).toBeInstanceOf(Map);
      })
    );
  });
});
