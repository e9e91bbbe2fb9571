/**
 * The words of the rules page (เกณฑ์): a framework's bands, measures, period aggregation, composites and
 * scope written out the way the letters write them. Pure: no DOM, no Svelte.
 */
import type { ValueRange } from './bands';
import type { Aggregate, Band, Combine, Framework, Kpi, Measure, Scale } from './framework';
import { formatNumber } from './numbers';
import { fiscalYearPeriod, monthLabel, quarterPeriod, roundPeriod, type Lang } from './periods';

type Words<K extends string> = Record<Lang, Record<K, string>>;

const MEASURE_WORDS: Words<Measure> = {
  th: {
    value: 'ค่าที่รายงาน',
    pct_of_target: 'ร้อยละของค่าเป้าหมาย (ผล × 100 ÷ ค่าเป้าหมาย)',
    growth_pct: 'ร้อยละการเติบโตจากฐาน ((ผล − ฐาน) × 100 ÷ ฐาน)',
    rank_desc: 'อันดับ (มากไปน้อย): ค่ามากที่สุดได้อันดับ 1',
    rank_asc: 'อันดับ (น้อยไปมาก): ค่าน้อยที่สุดได้อันดับ 1',
    combine: 'รวมจากข้อย่อย'
  },
  en: {
    value: 'reported value',
    pct_of_target: 'percent of target (value × 100 ÷ target)',
    growth_pct: 'growth over baseline ((value − baseline) × 100 ÷ baseline)',
    rank_desc: 'rank (descending): the highest value ranks 1',
    rank_asc: 'rank (ascending): the lowest value ranks 1',
    combine: 'combined from sub-items'
  }
};

const AGGREGATE_WORDS: Words<Aggregate> = {
  th: { last: 'ใช้ค่าเดือนล่าสุด', sum: 'รวมทุกเดือน', mean: 'ค่าเฉลี่ย', max: 'ค่าสูงสุด' },
  en: { last: 'latest month', sum: 'sum of the months', mean: 'mean of the months', max: 'highest month' }
};

const COMBINE_WORDS: Words<Combine> = {
  th: {
    count_top: 'นับจำนวนข้อที่ได้ระดับสูงสุด',
    min: 'ต่ำสุดของคะแนนข้อย่อย',
    mean: 'ค่าเฉลี่ยคะแนนข้อย่อย',
    sum: 'ผลรวมคะแนนข้อย่อย'
  },
  en: {
    count_top: 'number of sub-items at their top level',
    min: 'lowest of the sub-items’ points',
    mean: 'mean of the sub-items’ points',
    sum: 'sum of the sub-items’ points'
  }
};

const SCALE_WORDS: Words<Scale> = {
  th: { '1-5': 'ระดับ 1–5', 'A-D': 'ระดับ A–D', points: 'คะแนน' },
  en: { '1-5': 'levels 1–5', 'A-D': 'levels A–D', points: 'points' }
};

/** A word of a table, or the raw value when a file holds something the model does not know. */
function word<K extends string>(words: Words<K>, key: unknown, lang: Lang): string {
  const table = words[lang] as Record<string, string>;
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : String(key ?? '');
}

export function measureText(measure: Measure, lang: Lang = 'th'): string {
  return word(MEASURE_WORDS, measure, lang);
}

export function aggregateText(aggregate: Aggregate, lang: Lang = 'th'): string {
  return word(AGGREGATE_WORDS, aggregate, lang);
}

export function scaleText(scale: Scale, lang: Lang = 'th'): string {
  return word(SCALE_WORDS, scale, lang);
}

/** How a composite combines its sub-items: `ต่ำสุดของคะแนนข้อย่อย (M5.1, M5.2)`. */
export function combineText(combine: Combine | null, children: readonly string[], lang: Lang = 'th'): string {
  if (combine === null) return '';
  const text = word(COMBINE_WORDS, combine, lang);
  return children.length > 0 ? `${text} (${children.join(', ')})` : text;
}

export function interpolateText(interpolate: boolean, lang: Lang = 'th'): string {
  if (lang === 'en') return interpolate ? 'linear between thresholds' : 'points of the level reached';
  return interpolate ? 'เทียบบัญญัติไตรยางศ์ระหว่างเกณฑ์ (คะแนนต่อเนื่อง)' : 'ได้คะแนนตามระดับที่ผ่าน (ไม่เทียบบัญญัติไตรยางศ์)';
}

export function directionText(direction: 1 | -1, lang: Lang = 'th'): string {
  if (lang === 'en') return direction === 1 ? 'higher is better' : 'lower is better';
  return direction === 1 ? 'ยิ่งมากยิ่งดี' : 'ยิ่งน้อยยิ่งดี';
}

/** A threshold as people read it: thousands separators, at most 4 decimals; `–` when there is none. */
export function formatThreshold(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const plain = formatNumber(value, 4);
  const negative = plain.startsWith('-');
  const [whole, fraction] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The condition of a band: `≥ 95`, `> 4`, `≤ 10`, `< 10`, `ระหว่าง 50 ถึง 59.99`, `ทุกค่าที่เหลือ`. */
export function bandConditionText(band: Pick<Band, 'op' | 'value' | 'value2'>, lang: Lang = 'th'): string {
  const value = formatThreshold(band.value);
  switch (band.op) {
    case '>=':
      return `≥ ${value}`;
    case '>':
      return `> ${value}`;
    case '<=':
      return `≤ ${value}`;
    case '<':
      return `< ${value}`;
    case 'between': {
      const value2 = formatThreshold(band.value2);
      return lang === 'en' ? `between ${value} and ${value2}` : `ระหว่าง ${value} ถึง ${value2}`;
    }
    case 'any':
      return lang === 'en' ? 'any other value' : 'ทุกค่าที่เหลือ';
    default:
      return `${String(band.op)} ${value}`;
  }
}

/** Level label of the best band (most points; general bands first, else any band); null without bands. */
export function topLevel(bands: readonly Band[]): string | null {
  const general = bands.filter((band) => band.unit === null);
  let best: Band | null = null;
  for (const band of general.length > 0 ? general : bands) {
    if (Number.isFinite(band.points) && (best === null || band.points > best.points)) best = band;
  }
  return best?.level ?? null;
}

/** `ระดับ 3`, or `ระดับ 5 (ระดับสูงสุด)` when the KPI names no target level. */
export function targetLevelText(
  kpi: Pick<Kpi, 'targetLevel'>,
  bands: readonly Band[],
  lang: Lang = 'th'
): string {
  const level = kpi.targetLevel ?? topLevel(bands);
  const top = kpi.targetLevel === null;
  if (lang === 'en') return level === null ? 'top level' : `level ${level}${top ? ' (top level)' : ''}`;
  return level === null ? 'ระดับสูงสุด' : `ระดับ ${level}${top ? ' (ระดับสูงสุด)' : ''}`;
}

/** A weight, or `ไม่กำหนด` when there is none. */
export function weightText(weight: number | null, lang: Lang = 'th'): string {
  if (weight === null || !Number.isFinite(weight)) return lang === 'en' ? 'none' : 'ไม่กำหนด';
  return formatThreshold(weight);
}

/** Units of a framework: districts (อำเภอ) of a province or of the country, or provinces (จังหวัด). */
export function unitNoun(fw: Pick<Framework, 'province'>, lang: Lang = 'th'): string {
  if (lang === 'en') return fw.province === null ? 'province' : 'district';
  return fw.province === null ? 'จังหวัด' : 'อำเภอ';
}

/** `จังหวัดฉะเชิงเทรา`, `ทั้งประเทศ (รายจังหวัด)`, `ทั้งประเทศ (รายอำเภอ)`. */
export function provinceText(fw: Pick<Framework, 'province'>, lang: Lang = 'th'): string {
  if (lang === 'en') {
    if (fw.province === null) return 'Whole country (by province)';
    if (fw.province === '*') return 'Whole country (by district)';
    return `${fw.province} province`;
  }
  if (fw.province === null) return 'ทั้งประเทศ (รายจังหวัด)';
  if (fw.province === '*') return 'ทั้งประเทศ (รายอำเภอ)';
  return `จังหวัด${fw.province}`;
}

/** `ปีงบประมาณ พ.ศ. 2565`. */
export function fiscalYearText(fw: Pick<Framework, 'fiscalYear'>, lang: Lang = 'th'): string {
  return lang === 'en' ? `Fiscal year ${fw.fiscalYear} BE` : `ปีงบประมาณ พ.ศ. ${fw.fiscalYear}`;
}

/** `รอบการประเมินที่ 2 (เม.ย. 2565 – ก.ย. 2565)`, `ไตรมาสที่ 4 (…)`, `ทั้งปีงบประมาณ (…)`. */
export function scopeText(fw: Pick<Framework, 'fiscalYear' | 'period'>, lang: Lang = 'th'): string {
  const scope = fw.period;
  const index = scope === null ? 0 : Number(scope.slice(1));
  const round = scope !== null && scope.startsWith('R');
  const name =
    lang === 'en'
      ? scope === null
        ? 'Whole year'
        : `${round ? 'Round' : 'Quarter'} ${index}`
      : scope === null
        ? 'ทั้งปีงบประมาณ'
        : `${round ? 'รอบการประเมินที่' : 'ไตรมาสที่'} ${index}`;
  let months: string[];
  try {
    const period =
      scope === null
        ? fiscalYearPeriod(fw.fiscalYear)
        : round
          ? roundPeriod(fw.fiscalYear, index)
          : quarterPeriod(fw.fiscalYear, index);
    months = period.months;
  } catch {
    return name; // a fiscal year or scope the calendar cannot place: the name alone
  }
  return `${name} (${monthLabel(months[0], lang)} – ${monthLabel(months[months.length - 1], lang)})`;
}

export type UnitTableKind = 'bands' | 'target' | 'baseline';

/** Accessible name of a per-unit table: `เกณฑ์รายอำเภอ I1`, `ค่าเป้าหมายรายอำเภอ I5`, `ฐานรายอำเภอ I5`. */
export function unitTableTitle(
  kind: UnitTableKind,
  kpiId: string,
  fw: Pick<Framework, 'province'>,
  lang: Lang = 'th'
): string {
  const noun = unitNoun(fw, lang);
  if (lang === 'en') {
    const what = kind === 'bands' ? 'Bands' : kind === 'target' ? 'Targets' : 'Baselines';
    return `${what} by ${noun}: ${kpiId}`;
  }
  const what = kind === 'bands' ? 'เกณฑ์' : kind === 'target' ? 'ค่าเป้าหมาย' : 'ฐาน';
  return `${what}ราย${noun} ${kpiId}`;
}

/** Accessible name of a KPI's band table: `เกณฑ์ระดับ T1`. */
export function bandTableTitle(kpiId: string, lang: Lang = 'th'): string {
  return lang === 'en' ? `Bands of ${kpiId}` : `เกณฑ์ระดับ ${kpiId}`;
}

/** The valid range of a reported value: `0–5`, `ไม่น้อยกว่า 0`, `ไม่เกิน 100`; null when the KPI has none. */
export function valueRangeText(kpi: Pick<Kpi, 'min' | 'max'>, lang: Lang = 'th'): string | null {
  const min = typeof kpi.min === 'number' && Number.isFinite(kpi.min) ? kpi.min : null;
  const max = typeof kpi.max === 'number' && Number.isFinite(kpi.max) ? kpi.max : null;
  if (min !== null && max !== null) return `${formatThreshold(min)}–${formatThreshold(max)}`;
  if (min !== null)
    return lang === 'en' ? `${formatThreshold(min)} or more` : `ไม่น้อยกว่า ${formatThreshold(min)}`;
  if (max !== null)
    return lang === 'en' ? `at most ${formatThreshold(max)}` : `ไม่เกิน ${formatThreshold(max)}`;
  return null;
}

/**
 * Why some levels of a KPI are never given (a note next to its bands): `ระดับ 4, 3, 2, 1 ไม่มีทางได้ …`,
 * for every unit, or for the units named.
 */
export function unreachableText(
  note: { units: readonly string[] | null; levels: readonly string[]; why: 'shadowed' | 'out_of_range' },
  range: ValueRange | null,
  lang: Lang = 'th'
): string {
  const levels = note.levels.join(', ');
  const many = note.levels.length > 1;
  if (lang === 'en') {
    const who = note.units === null ? '' : `${note.units.join(', ')}: `;
    const what = `${who}level${many ? 's' : ''} ${levels} can never be reached`;
    if (note.why === 'out_of_range' && range) {
      return `${what}: no reportable value (${valueRangeText(range, 'en')}) meets ${many ? 'them' : 'it'} before a better level`;
    }
    return `${what}: every value that meets ${many ? 'them' : 'it'} meets a better level first (levels are tried from the best down; the first that holds is given)`;
  }
  const who = note.units === null ? '' : `${note.units.join(', ')}: `;
  const what = `${who}ระดับ ${levels} ไม่มีทางได้`;
  if (note.why === 'out_of_range' && range) {
    return `${what} เพราะไม่มีค่าที่รายงานได้ (${valueRangeText(range, 'th')}) ใดผ่านเกณฑ์ของ${many ? 'ระดับเหล่านี้' : 'ระดับนี้'}ก่อนระดับที่ดีกว่า`;
  }
  return `${what} เพราะทุกค่าที่ผ่านเกณฑ์ของ${many ? 'ระดับเหล่านี้' : 'ระดับนี้'}ผ่านเกณฑ์ของระดับที่ดีกว่าก่อน (ตรวจจากระดับที่ดีที่สุดลงไป ระดับแรกที่ผ่านคือระดับที่ได้)`;
}
