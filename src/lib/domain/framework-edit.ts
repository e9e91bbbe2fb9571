/**
 * Edits of a framework draft (issue 14's editor), each a pure function from a framework to a new one: a field
 * of the framework, a KPI or a band; a KPI or band added or removed; a KPI renamed everywhere it is named.
 * The choices' Thai names (the §9.2 codes stay the file format) are here too. Nothing here validates: the
 * editor shows `validateFramework`'s issues, the same as an import.
 */
import type { Band, Framework, Kpi } from './framework';

/** Thai names of the codes a field may take, for the editor's choices (DESIGN §4, §9.2). */
export const CHOICE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  scale: { '1-5': 'ระดับ 1–5', 'A-D': 'ระดับ A–D', points: 'คะแนนตามเกณฑ์' },
  measure: {
    value: 'ค่าที่รายงาน',
    pct_of_target: 'ร้อยละของค่าเป้าหมาย',
    growth_pct: 'ร้อยละที่เพิ่มจากฐาน',
    rank_desc: 'อันดับ (ค่ามากดีกว่า)',
    rank_asc: 'อันดับ (ค่าน้อยดีกว่า)',
    combine: 'รวมจากตัวชี้วัดย่อย'
  },
  aggregate: { last: 'เดือนล่าสุด (ยอดสะสม)', sum: 'รวมทุกเดือน', mean: 'เฉลี่ยทุกเดือน', max: 'เดือนที่สูงสุด' },
  combine: { sum: 'ผลรวมคะแนน', mean: 'คะแนนเฉลี่ย', min: 'คะแนนต่ำสุด', count_top: 'นับตัวที่ได้ระดับสูงสุด' },
  op: {
    '>=': '≥ ไม่น้อยกว่า',
    '>': '> มากกว่า',
    '<=': '≤ ไม่เกิน',
    '<': '< น้อยกว่า',
    between: 'ระหว่าง',
    any: 'ทุกค่า'
  },
  period: {
    R1: 'รอบที่ 1 (ต.ค.–มี.ค.)',
    R2: 'รอบที่ 2 (เม.ย.–ก.ย.)',
    Q1: 'ไตรมาส 1 (ต.ค.–ธ.ค.)',
    Q2: 'ไตรมาส 2 (ม.ค.–มี.ค.)',
    Q3: 'ไตรมาส 3 (เม.ย.–มิ.ย.)',
    Q4: 'ไตรมาส 4 (ก.ค.–ก.ย.)'
  }
};

type Header = Omit<Framework, 'kpis' | 'bands' | 'targets'>;

/** The framework with one of its own fields set. */
export function setHeader<K extends keyof Header>(fw: Framework, key: K, value: Framework[K]): Framework {
  return { ...fw, [key]: value };
}

/** The framework with one field of a KPI set; a new KPI id follows into its bands, targets and sub-items. */
export function setKpi<K extends keyof Kpi>(fw: Framework, index: number, key: K, value: Kpi[K]): Framework {
  const before = fw.kpis[index];
  if (!before) return fw;
  const kpis = fw.kpis.map((kpi, i) => (i === index ? { ...kpi, [key]: value } : kpi));
  if (key !== 'kpi' || typeof value !== 'string' || value === before.kpi) return { ...fw, kpis };
  const from = before.kpi;
  return {
    ...fw,
    kpis: kpis.map((kpi) => (kpi.parent === from ? { ...kpi, parent: value } : kpi)),
    bands: fw.bands.map((band) => (band.kpi === from ? { ...band, kpi: value } : band)),
    targets: fw.targets.map((target) => (target.kpi === from ? { ...target, kpi: value } : target))
  };
}

/** The framework with one field of a band set. */
export function setBand<K extends keyof Band>(
  fw: Framework,
  index: number,
  key: K,
  value: Band[K]
): Framework {
  if (!fw.bands[index]) return fw;
  return { ...fw, bands: fw.bands.map((band, i) => (i === index ? { ...band, [key]: value } : band)) };
}

/** A KPI id not used yet: `K1`, `K2`, … */
function freeId(fw: Framework, prefix: string): string {
  const used = new Set(fw.kpis.map((kpi) => kpi.kpi));
  for (let n = fw.kpis.length + 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/**
 * A new KPI at the end with a 1–5 ladder (`>=` thresholds to fill in; level 1 for any value), in the group of
 * the last KPI.
 */
export function addKpi(fw: Framework): Framework {
  const id = freeId(fw, 'K');
  const last = fw.kpis[fw.kpis.length - 1];
  const kpi: Kpi = {
    kpi: id,
    name: 'ตัวชี้วัดใหม่',
    group: last?.group ?? null,
    weight: null,
    scale: '1-5',
    measure: 'value',
    aggregate: 'last',
    interpolate: false,
    targetLevel: null,
    parent: null,
    combine: null
  };
  const bands: Band[] = [5, 4, 3, 2, 1].map((level) => ({
    kpi: id,
    level: String(level),
    points: level,
    op: level === 1 ? 'any' : '>=',
    value: null,
    value2: null,
    unit: null,
    label: ''
  }));
  return { ...fw, kpis: [...fw.kpis, kpi], bands: [...fw.bands, ...bands] };
}

/** The framework without a KPI and what names it (its bands and targets; its sub-items become top-level). */
export function removeKpi(fw: Framework, index: number): Framework {
  const gone = fw.kpis[index];
  if (!gone) return fw;
  return {
    ...fw,
    kpis: fw.kpis
      .filter((_, i) => i !== index)
      .map((kpi) => (kpi.parent === gone.kpi ? { ...kpi, parent: null } : kpi)),
    bands: fw.bands.filter((band) => band.kpi !== gone.kpi),
    targets: fw.targets.filter((target) => target.kpi !== gone.kpi)
  };
}

/** A band added below a KPI's last general band: one level and one point lower, `>=` a threshold to fill in. */
export function addBand(fw: Framework, kpiId: string): Framework {
  const own = fw.bands.filter((band) => band.kpi === kpiId && band.unit === null);
  const lowest = own.reduce<Band | null>(
    (low, band) => (low === null || band.points < low.points ? band : low),
    null
  );
  const points = lowest ? lowest.points - 1 : 1;
  const at = fw.bands.lastIndexOf(own[own.length - 1]);
  const band: Band = {
    kpi: kpiId,
    level: String(points),
    points,
    op: '>=',
    value: null,
    value2: null,
    unit: null,
    label: ''
  };
  const bands = [...fw.bands];
  bands.splice(at < 0 ? bands.length : at + 1, 0, band);
  return { ...fw, bands };
}

export function removeBand(fw: Framework, index: number): Framework {
  return { ...fw, bands: fw.bands.filter((_, i) => i !== index) };
}

/** Weight per KPI group (top-level KPIs with a weight), in the order the groups first appear. */
export function groupWeights(fw: Framework): { group: string | null; sum: number; count: number }[] {
  const groups = new Map<string | null, { sum: number; count: number }>();
  for (const kpi of fw.kpis) {
    if (kpi.parent !== null || kpi.weight === null || !Number.isFinite(kpi.weight)) continue;
    const entry = groups.get(kpi.group) ?? { sum: 0, count: 0 };
    entry.sum = Number((entry.sum + kpi.weight).toFixed(9));
    entry.count++;
    groups.set(kpi.group, entry);
  }
  return [...groups].map(([group, entry]) => ({ group, ...entry }));
}
