/**
 * Seeded synthetic frameworks and results files for the benchmarks (issue 6). Three sizes:
 * - province: the 25 districts of เชียงใหม่ × 25 reported KPIs × 12 months;
 * - national: all 878 districts (framework `province: '*'`, DESIGN §9.2) × 25 KPIs × 12 months ≈ 263k rows;
 * - national5: five fiscal years of national results (≈ 1.3M rows): one framework and one file per year, as
 *   headquarters would load them (a framework covers one fiscal year at most, DESIGN §5).
 *
 * The framework mixes every measure (value, pct_of_target, growth_pct, rank_desc, rank_asc, combine), every
 * aggregation (last, sum, mean, max), interpolation, A–D and points scales, per-unit bands and two groups, so
 * that the scoring query does the work a real framework asks for. Files are long-format §9.1 CSV with Thai
 * headers, BE months, a province column (district names repeat across provinces), ~1.5 % blank values (not
 * reported) and a handful of rows that must be rejected (misspelt district, text in a number column).
 */
import type { Band, Framework, Kpi } from '../src/lib/domain/framework';
import { fiscalYearMonths } from '../src/lib/domain/periods';
import { DISTRICTS, districtsOf, type District } from '../src/lib/domain/units';

/** mulberry32: small, seeded, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SizeName = 'province' | 'national' | 'national5';

export interface SizeSpec {
  name: SizeName;
  /** `*` for every district, else a province name. */
  province: string;
  /** Fiscal years (BE): one whole-year framework and one results file each. */
  fiscalYears: number[];
}

export const SIZES: Record<SizeName, SizeSpec> = {
  province: { name: 'province', province: 'เชียงใหม่', fiscalYears: [2569] },
  national: { name: 'national', province: '*', fiscalYears: [2569] },
  national5: { name: 'national5', province: '*', fiscalYears: [2565, 2566, 2567, 2568, 2569] }
};

type LeafPlan = Pick<Kpi, 'measure' | 'aggregate' | 'interpolate' | 'scale'> & {
  /** Band ladder, best first; `<=`/`<` = lower is better. */
  op: '>=' | '<=' | 'between';
  values: number[];
  /** Typical monthly value (value measures), or % of target / growth % for the others. */
  centre: number;
  spread: number;
};

/** 22 top-level leaf KPIs; cycled variations give the mix. */
const LEAVES: LeafPlan[] = [
  {
    measure: 'value',
    aggregate: 'sum',
    interpolate: false,
    scale: '1-5',
    op: '>=',
    values: [600, 500, 400, 300, 200],
    centre: 40,
    spread: 15
  },
  {
    measure: 'pct_of_target',
    aggregate: 'last',
    interpolate: true,
    scale: '1-5',
    op: '>=',
    values: [100, 90, 80, 70, 60],
    centre: 88,
    spread: 18
  },
  {
    measure: 'pct_of_target',
    aggregate: 'sum',
    interpolate: false,
    scale: '1-5',
    op: '>=',
    values: [100, 95, 90, 85, 80],
    centre: 92,
    spread: 12
  },
  {
    measure: 'growth_pct',
    aggregate: 'mean',
    interpolate: false,
    scale: '1-5',
    op: '>=',
    values: [10, 7.5, 5, 2.5, 0],
    centre: 5,
    spread: 6
  },
  {
    measure: 'rank_desc',
    aggregate: 'last',
    interpolate: false,
    scale: '1-5',
    op: '<=',
    values: [100, 250, 450, 650, 878],
    centre: 50,
    spread: 20
  },
  {
    measure: 'rank_asc',
    aggregate: 'sum',
    interpolate: false,
    scale: '1-5',
    op: '<=',
    values: [150, 300, 500, 700, 878],
    centre: 12,
    spread: 5
  },
  {
    measure: 'value',
    aggregate: 'mean',
    interpolate: false,
    scale: 'A-D',
    op: '>=',
    values: [80, 70, 60, 50],
    centre: 68,
    spread: 14
  },
  {
    measure: 'value',
    aggregate: 'max',
    interpolate: false,
    scale: '1-5',
    op: 'between',
    values: [90, 75, 60, 45, 0],
    centre: 70,
    spread: 20
  },
  {
    measure: 'value',
    aggregate: 'last',
    interpolate: false,
    scale: '1-5',
    op: '<=',
    values: [5, 10, 15, 20, 30],
    centre: 14,
    spread: 7
  },
  {
    measure: 'pct_of_target',
    aggregate: 'mean',
    interpolate: true,
    scale: '1-5',
    op: '>=',
    values: [100, 90, 80, 70, 60],
    centre: 85,
    spread: 15
  },
  {
    measure: 'value',
    aggregate: 'sum',
    interpolate: true,
    scale: '1-5',
    op: '>=',
    values: [1200, 1000, 800, 600, 400],
    centre: 75,
    spread: 25
  }
];

const A_TO_D = ['A', 'B', 'C', 'D'];

function bandsFor(kpi: string, plan: LeafPlan): Band[] {
  const levels = plan.scale === 'A-D' ? A_TO_D : plan.values.map((_, i) => String(plan.values.length - i));
  return plan.values.map((value, i) => {
    const points = plan.values.length - i;
    if (plan.op === 'between') {
      const upper = i === 0 ? 1_000_000 : plan.values[i - 1] - 0.01;
      return {
        kpi,
        level: levels[i],
        points,
        op: 'between',
        value,
        value2: upper,
        unit: null,
        label: `${value}–${upper}`
      };
    }
    return {
      kpi,
      level: levels[i],
      points,
      op: plan.op,
      value,
      value2: null,
      unit: null,
      label: `${plan.op} ${value}`
    };
  });
}

export interface SyntheticFramework {
  framework: Framework;
  /** Reported (leaf) KPIs with their data plans. */
  leaves: { kpi: string; plan: LeafPlan }[];
}

/** The 25-KPI synthetic framework of a size: 22 top-level leaves in two groups + one composite of 3 items. */
export function syntheticFramework(size: SizeSpec, fiscalYear: number): SyntheticFramework {
  const kpis: Kpi[] = [];
  const bands: Band[] = [];
  const leaves: { kpi: string; plan: LeafPlan }[] = [];
  const units = unitsOf(size);
  const unitCount = units.length;
  for (let i = 0; i < 22; i++) {
    const id = `${i < 12 ? 1 : 2}.${(i % 12) + 1}`;
    const base = LEAVES[i % LEAVES.length];
    // Rank thresholds scale with the number of units ranked.
    const plan = base.measure.startsWith('rank')
      ? {
          ...base,
          values: base.values.map((v) => Math.max(1, Math.ceil((v * unitCount) / DISTRICTS.length)))
        }
      : base;
    kpis.push({
      kpi: id,
      name: `ตัวชี้วัดสังเคราะห์ที่ ${id}`,
      group: i < 12 ? 'ตัวชี้วัดรายทีม' : 'ตัวชี้วัดรายบุคคล',
      weight: i % 3 === 0 ? 5 : 4,
      scale: plan.scale,
      measure: plan.measure,
      aggregate: plan.aggregate,
      interpolate: plan.interpolate,
      targetLevel: null,
      parent: null,
      combine: null
    });
    bands.push(...bandsFor(id, plan));
    leaves.push({ kpi: id, plan });
  }
  // Per-unit bands: a few districts get an easier level 5 on KPI 1.1 (550 instead of 600) (DESIGN §9.2 `unit`).
  for (const district of units.slice(0, 3)) {
    const unitName = size.province === '*' ? `${district.name} จ.${district.province}` : district.name;
    bands.push({
      kpi: '1.1',
      level: '5',
      points: 5,
      op: '>=',
      value: 550,
      value2: null,
      unit: unitName,
      label: '>= 550'
    });
  }
  // A composite of three points sub-items, combined by sum (0..6) into levels 1–5.
  kpis.push({
    kpi: '3',
    name: 'ตัวชี้วัดรวม (สังเคราะห์)',
    group: 'ตัวชี้วัดรายบุคคล',
    weight: 8,
    scale: '1-5',
    measure: 'combine',
    aggregate: 'last',
    interpolate: false,
    targetLevel: null,
    parent: null,
    combine: 'sum'
  });
  bands.push(...bandsFor('3', { ...LEAVES[0], values: [6, 5, 4, 3, 2] }));
  for (let j = 1; j <= 3; j++) {
    const id = `3.${j}`;
    const plan: LeafPlan = {
      measure: 'value',
      aggregate: j === 1 ? 'last' : 'max',
      interpolate: false,
      scale: 'points',
      op: '>=',
      values: [8, 5],
      centre: 6,
      spread: 3
    };
    kpis.push({
      kpi: id,
      name: `ตัวชี้วัดย่อย 3.${j}`,
      group: 'ตัวชี้วัดรายบุคคล',
      weight: null,
      scale: 'points',
      measure: 'value',
      aggregate: plan.aggregate,
      interpolate: false,
      targetLevel: null,
      parent: '3',
      combine: null
    });
    bands.push(
      { kpi: id, level: '2', points: 2, op: '>=', value: 8, value2: null, unit: null, label: '>= 8' },
      { kpi: id, level: '1', points: 1, op: '>=', value: 5, value2: null, unit: null, label: '>= 5' }
    );
    leaves.push({ kpi: id, plan });
  }
  const where = size.province === '*' ? 'ทุกอำเภอทั่วประเทศ' : `จังหวัด${size.province}`;
  return {
    framework: {
      id: size.fiscalYears.length === 1 ? `bench-${size.name}` : `bench-${size.name}-${fiscalYear}`,
      name: `ชุดทดสอบความเร็ว ${where} (${size.name}) ปีงบประมาณ ${fiscalYear}`,
      province: size.province,
      fiscalYear,
      period: null,
      kpis,
      bands,
      targets: [],
      notes: ['ข้อมูลสังเคราะห์สำหรับวัดความเร็ว (bench/synthetic.ts)'],
      source: null
    },
    leaves
  };
}

export function unitsOf(size: SizeSpec): District[] {
  return size.province === '*' ? [...DISTRICTS] : districtsOf(size.province);
}

/** Header of the generated results files (Thai §9.1 names). */
export const RESULTS_HEADER = ['จังหวัด', 'อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน', 'ค่าเป้าหมาย', 'ฐาน'];

export interface ResultsFileFacts {
  lines: number;
  /** Data lines with a value. */
  reported: number;
  blank: number;
  /** Lines written to be rejected. */
  bad: number;
}

/**
 * Writes the results CSV of one fiscal year of a size through `write` (called with chunks of text). Rows are
 * ordered by month, then unit, then KPI — the way a month's export is appended to a running file. Each unit's
 * ability and trend come from `seed` alone, so they carry on from one year's file to the next.
 */
export function writeResults(
  size: SizeSpec,
  synthetic: SyntheticFramework,
  fiscalYear: number,
  seed: number,
  write: (chunk: string) => void
): ResultsFileFacts {
  const units = unitsOf(size);
  const profile = seededRandom(seed);
  const ability = units.map(() => 0.55 + profile() * 0.6);
  const trend = units.map(() => (profile() - 0.4) * 0.02);
  const random = seededRandom(seed + fiscalYear);
  const yearOffset = (fiscalYear - size.fiscalYears[0]) * 12;
  const months = fiscalYearMonths(fiscalYear);
  const facts: ResultsFileFacts = { lines: 0, reported: 0, blank: 0, bad: 0 };
  write(RESULTS_HEADER.join(',') + '\n');
  let chunk: string[] = [];
  for (let m = 0; m < months.length; m++) {
    const [year, month] = months[m].split('-');
    const monthText = `${Number(year) + 543}-${month}`;
    for (let u = 0; u < units.length; u++) {
      const unit = units[u];
      const quality = ability[u] + trend[u] * (yearOffset + m);
      for (const { kpi, plan } of synthetic.leaves) {
        facts.lines++;
        let value: string;
        let target = '';
        let baseline = '';
        let name = unit.name;
        const roll = random();
        const noise = (random() - 0.5) * 2 * plan.spread;
        const figure = plan.centre * quality + noise;
        if (plan.measure === 'pct_of_target') {
          const t = Math.round(50 + random() * 150);
          target = String(t);
          value = ((t * Math.max(0, figure)) / 100).toFixed(2);
        } else if (plan.measure === 'growth_pct') {
          const b = Math.round(100 + random() * 900);
          baseline = String(b);
          value = ((b * (100 + figure)) / 100).toFixed(2);
        } else {
          value = Math.max(0, figure).toFixed(plan.scale === 'points' ? 0 : 2);
        }
        if (roll < 0.015) {
          value = '';
          facts.blank++;
        } else if (roll > 0.99998) {
          // About 1 in 50 000 lines: a misspelt district or text where a number belongs.
          if (random() < 0.5) name = name + 'ซซ';
          else value = 'ไม่มีข้อมูล';
          facts.bad++;
        } else facts.reported++;
        chunk.push(`${unit.province},${name},${kpi},${monthText},${value},${target},${baseline}`);
      }
      if (chunk.length >= 20_000) {
        write(chunk.join('\n') + '\n');
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) write(chunk.join('\n') + '\n');
  return facts;
}
