/**
 * KPI values, band conditions and gaps as people read them, in the KPI's own unit and direction:
 * `ร้อยละ 91.99`, `34 ครัวเรือน`, `อันดับที่ 3`, `ต้องเพิ่มอีก 3.01 จุดร้อยละ`, `ลดอีก 9 ครัวเรือน`.
 * Pure (Intl only); Thai by default, English on request. Missing values print as `–`.
 */
import type { Aggregate, BandOp, Combine, Kpi, Measure } from '../domain/framework';
import type { BandGap } from '../domain/gaps';
import { parsePeriodId, periodLabel, type Grain } from '../domain/periods';

export type Lang = 'th' | 'en';

/** What a KPI's unit depends on. */
export type KpiUnit = Pick<Kpi, 'measure' | 'unitLabel' | 'combine'>;

export const MISSING_MARK = '–';

/** English for the unit labels the built-in frameworks use; other labels are shown as written. */
const UNIT_EN: Record<string, string> = {
  ร้อยละ: '%',
  ครัวเรือน: 'households',
  ขั้นตอน: 'steps',
  ระดับ: 'levels',
  คะแนน: 'points',
  ข้อ: 'items',
  อันดับ: 'rank',
  ครั้ง: 'times',
  ผลิตภัณฑ์: 'products',
  ราย: 'cases',
  ผลงาน: 'works',
  บาท: 'baht',
  หมู่บ้าน: 'villages'
};

const numberFormats = new Map<string, Intl.NumberFormat>();

/** `1,085,864.12` — grouped, at most `maxDigits` decimals (at least `minDigits`); null → `–`. */
export function formatNumber(value: number | null, lang: Lang = 'th', maxDigits = 2, minDigits = 0): string {
  if (value === null || !Number.isFinite(value)) return MISSING_MARK;
  const key = `${lang}:${maxDigits}:${minDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-US', {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: Math.min(minDigits, maxDigits)
    });
    numberFormats.set(key, format);
  }
  const text = format.format(value === 0 ? 0 : value);
  return text === '-0' ? '0' : text;
}

/**
 * Downloads round every number as the screen shows it (issue 13 §8), one rule per kind of number:
 * - scores, totals, % of the maximum, weighted scores and points lost: `SCORE_DECIMALS` (the §9.3 outputs'
 *   4 decimals; the screen shows them with up to 4 where it shows them in full, e.g. points lost);
 * - a measured value: `measuredDecimals` of its KPI, the digits `formatMeasured` shows;
 * - a value a person typed (a result, a target, a weight): as typed (`safeCell` removes only binary noise).
 */
export const SCORE_DECIMALS = 4;

/** Decimals of a measured value on screen and in downloads, whatever the unit (percent, baht, households…). */
export const MEASURED_DECIMALS = 2;

/** The decimals `formatMeasured` shows a KPI's measured value with: 0 for a rank, else `MEASURED_DECIMALS`. */
export function measuredDecimals(kpi: KpiUnit): number {
  return isRank(kpi) ? 0 : MEASURED_DECIMALS;
}

const plainFormats = new Map<number, Intl.NumberFormat>();

/**
 * `value` rounded exactly as `formatNumber(value, lang, digits)` shows it (same Intl rounding: `2.675` → 2.68),
 * as a plain number for a spreadsheet cell (no separators, `-0` → 0); null, NaN and ±Infinity → null.
 */
export function roundAsShown(value: number | null | undefined, digits: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  let format = plainFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: false });
    plainFormats.set(digits, format);
  }
  const rounded = Number(format.format(value));
  return rounded === 0 ? 0 : rounded;
}

/** A score, total, % of the maximum, weighted score or points lost for a download (4 decimals at most). */
export function scoreCell(value: number | null | undefined): number | null {
  return roundAsShown(value, SCORE_DECIMALS);
}

/** A KPI's measured value for a download, with the digits the screen shows it with. */
export function measuredCell(value: number | null | undefined, kpi: KpiUnit): number | null {
  return roundAsShown(value, measuredDecimals(kpi));
}

/** `1.1M` / `1.1 ล้าน`: large values in grid cells. */
export function formatCompact(value: number, lang: Lang = 'th'): string {
  return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-US', {
    notation: 'compact',
    maximumFractionDigits: 1
  }).format(value);
}

/** Rounds a gap up at 2 decimals (after removing float noise), so that adding it really reaches the band. */
export function roundGapUp(amount: number): number {
  return Math.ceil(Math.round(amount * 1e6) / 1e4 - 1e-9) / 100;
}

function isPercent(kpi: KpiUnit): boolean {
  return kpi.measure === 'pct_of_target' || kpi.measure === 'growth_pct' || kpi.unitLabel === 'ร้อยละ';
}

function isRank(kpi: KpiUnit): boolean {
  return kpi.measure === 'rank_desc' || kpi.measure === 'rank_asc';
}

/** The unit word of a KPI's measured value (`ครัวเรือน`; a composite: `คะแนน`, or `ข้อ` for count_top). */
export function unitWord(kpi: KpiUnit, lang: Lang): string {
  let word = kpi.unitLabel ?? null;
  if (kpi.measure === 'combine' && (word === null || word === ''))
    word = kpi.combine === 'count_top' ? 'ข้อ' : 'คะแนน';
  if (!word) return '';
  return lang === 'en' ? (UNIT_EN[word] ?? word) : word;
}

/**
 * A measured value in its unit. `compact` for grid cells (`91.99%`, `34`, `#3`); `full` for sentences
 * (`ร้อยละ 91.99`, `34 ครัวเรือน`, `อันดับที่ 3`).
 */
export function formatMeasured(
  value: number | null,
  kpi: KpiUnit,
  lang: Lang,
  style: 'compact' | 'full' = 'full'
): string {
  if (value === null || !Number.isFinite(value)) return MISSING_MARK;
  const digits = measuredDecimals(kpi);
  if (isRank(kpi)) {
    const rank = formatNumber(value, lang, digits);
    if (style === 'compact') return `#${rank}`;
    return lang === 'th' ? `อันดับที่ ${rank}` : `rank ${rank}`;
  }
  if (isPercent(kpi)) {
    const number = formatNumber(value, lang, digits);
    if (style === 'compact' || lang === 'en') return `${number}%`;
    return `ร้อยละ ${number}`;
  }
  if (style === 'compact')
    return Math.abs(value) >= 100_000 ? formatCompact(value, lang) : formatNumber(value, lang, digits);
  const number = formatNumber(value, lang, digits);
  const word = unitWord(kpi, lang);
  return word ? `${number} ${word}` : number;
}

/** An amount of change in the measured unit: `3.01 จุดร้อยละ`, `9 ครัวเรือน`, `2 อันดับ`. */
export function formatAmount(amount: number, kpi: KpiUnit, lang: Lang): string {
  const number = formatNumber(roundGapUp(amount), lang, 2);
  if (isRank(kpi)) return lang === 'th' ? `${number} อันดับ` : `${number} places`;
  if (isPercent(kpi)) return lang === 'th' ? `${number} จุดร้อยละ` : `${number} percentage points`;
  const word = unitWord(kpi, lang);
  return word ? `${number} ${word}` : number;
}

const CONDITION: Record<Lang, Record<Exclude<BandOp, 'between' | 'any'>, string>> = {
  th: { '>=': 'ตั้งแต่', '>': 'มากกว่า', '<=': 'ไม่เกิน', '<': 'น้อยกว่า' },
  en: { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than' }
};

/** A band's condition in words: `ตั้งแต่ร้อยละ 95`, `ไม่เกิน 29 ครัวเรือน`, `ร้อยละ 70–79.99`, `อันดับที่ 1–5`. */
export function bandCondition(
  band: { op: BandOp; value: number | null; value2: number | null },
  kpi: KpiUnit,
  lang: Lang
): string {
  if (band.op === 'any') return lang === 'th' ? 'ทุกค่า' : 'any value';
  if (band.value === null) return MISSING_MARK;
  if (isRank(kpi) && (band.op === '<=' || band.op === '<')) {
    const best = band.op === '<' ? Math.ceil(band.value) - 1 : Math.floor(band.value);
    return lang === 'th' ? `อันดับที่ 1–${formatNumber(best, lang, 0)}` : `rank 1–${formatNumber(best, lang, 0)}`;
  }
  if (band.op === 'between') {
    const low = formatNumber(band.value, lang, 2);
    const range = band.value2 === null ? low : `${low}–${formatNumber(band.value2, lang, 2)}`;
    if (isRank(kpi)) return lang === 'th' ? `อันดับที่ ${range}` : `rank ${range}`;
    if (isPercent(kpi)) return lang === 'th' ? `ร้อยละ ${range}` : `${range}%`;
    const word = unitWord(kpi, lang);
    return word ? `${range} ${word}` : range;
  }
  const words = CONDITION[lang][band.op];
  return `${words} ${formatMeasured(band.value, kpi, lang, 'full')}`;
}

/** The rank a rank KPI must get to: `อันดับที่ 5 หรือดีกว่า`. */
function neededRank(gap: BandGap, lang: Lang): string {
  const threshold = gap.threshold as number;
  if (gap.change === 'down') {
    const rank = gap.strict ? Math.ceil(threshold) - 1 : Math.floor(threshold);
    return lang === 'th' ? `ต้องได้อันดับที่ ${rank} หรือดีกว่า` : `needs rank ${rank} or better`;
  }
  const rank = gap.strict ? Math.floor(threshold) + 1 : Math.ceil(threshold);
  return lang === 'th' ? `ต้องได้อันดับที่ ${rank} หรือต่ำกว่า` : `needs rank ${rank} or lower`;
}

/**
 * What a gap asks for: `ต้องเพิ่มอีก 3.01 จุดร้อยละ`, `ลดอีก 9 ครัวเรือน`, `ต้องเพิ่มอีกมากกว่า 1.5 จุดร้อยละ
 * (ให้มากกว่าร้อยละ 89)`, `ต้องได้อันดับที่ 5 หรือดีกว่า`; `ไม่ได้รายงาน` without a gap; `ถึงแล้ว` when reached.
 */
export function gapText(gap: BandGap | null, kpi: KpiUnit, lang: Lang, withThreshold = true): string {
  if (gap === null) return lang === 'th' ? 'ไม่ได้รายงาน' : 'not reported';
  if (gap.reached) return lang === 'th' ? 'ถึงแล้ว' : 'reached';
  if (isRank(kpi) && gap.threshold !== null) return neededRank(gap, lang);
  const amount = formatAmount(gap.amount, kpi, lang);
  const threshold = gap.threshold === null ? '' : formatMeasured(gap.threshold, kpi, lang, 'full');
  if (lang === 'th') {
    const verb = gap.change === 'up' ? 'ต้องเพิ่มอีก' : 'ลดอีก';
    if (!gap.strict) return `${verb} ${amount}`;
    const edge = gap.change === 'up' ? 'มากกว่า' : 'น้อยกว่า';
    return `${verb}มากกว่า ${amount}${withThreshold ? ` (ให้${edge}${threshold})` : ''}`;
  }
  const verb = gap.change === 'up' ? 'needs' : 'reduce by';
  const more = gap.change === 'up' ? ' more' : '';
  if (!gap.strict) return `${verb} ${amount}${more}`;
  const edge = gap.change === 'up' ? 'above' : 'below';
  return `${verb} more than ${amount}${more}${withThreshold ? ` (${edge} ${threshold})` : ''}`;
}

/** The same gap in the reported value's unit, when the measure is a formula of it: `ผลการดำเนินงานเพิ่มอีก 30,000 ให้ถึง 1,000,000`. */
export function rawGapText(gap: BandGap | null, lang: Lang): string | null {
  if (gap === null || gap.reached || gap.raw === null) return null;
  const amount = formatNumber(roundGapUp(gap.raw.amount), lang, 2);
  const threshold = formatNumber(gap.raw.threshold, lang, 2);
  const up = gap.change === 'up';
  if (lang === 'th') {
    const edge = gap.strict ? (up ? 'ให้มากกว่า' : 'ให้น้อยกว่า') : up ? 'ให้ถึง' : 'ให้เหลือ';
    return `ผลการดำเนินงาน${up ? 'เพิ่ม' : 'ลด'}อีก ${amount} ${edge} ${threshold}`;
  }
  const edge = gap.strict ? (up ? 'above' : 'below') : 'to';
  return `reported value ${up ? 'up' : 'down'} by ${amount} (${edge} ${threshold})`;
}

/** How a period's months make one value, in words. */
export function aggregateText(aggregate: Aggregate, lang: Lang): string {
  const th: Record<Aggregate, string> = {
    last: 'ใช้ค่าของเดือนล่าสุดที่รายงาน',
    sum: 'รวมค่าของทุกเดือนที่รายงาน',
    mean: 'เฉลี่ยค่าของเดือนที่รายงาน',
    max: 'ใช้ค่าสูงสุดของเดือนที่รายงาน'
  };
  const en: Record<Aggregate, string> = {
    last: 'the latest month reported',
    sum: 'the sum of the months reported',
    mean: 'the mean of the months reported',
    max: 'the highest month reported'
  };
  return (lang === 'th' ? th : en)[aggregate];
}

/** The name of a measure: `ร้อยละของเป้าหมาย`, `ร้อยละที่เพิ่มขึ้นจากฐาน`, … */
export function measureName(measure: Measure, lang: Lang): string {
  const th: Record<Measure, string> = {
    value: 'ค่าที่รายงาน',
    pct_of_target: 'ร้อยละของเป้าหมาย',
    growth_pct: 'ร้อยละที่เพิ่มขึ้นจากฐาน',
    rank_desc: 'อันดับ (ค่ามากได้อันดับดีกว่า)',
    rank_asc: 'อันดับ (ค่าน้อยได้อันดับดีกว่า)',
    combine: 'รวมจากรายการย่อย'
  };
  const en: Record<Measure, string> = {
    value: 'reported value',
    pct_of_target: 'percent of target',
    growth_pct: 'growth over baseline (%)',
    rank_desc: 'rank (highest value first)',
    rank_asc: 'rank (lowest value first)',
    combine: 'combined from sub-items'
  };
  return (lang === 'th' ? th : en)[measure];
}

/** How a composite combines its sub-items' points. */
export function combineName(combine: Combine, lang: Lang): string {
  const th: Record<Combine, string> = {
    sum: 'ผลรวมคะแนนของรายการย่อย',
    mean: 'ค่าเฉลี่ยคะแนนของรายการย่อย',
    min: 'คะแนนต่ำสุดของรายการย่อย (ต้องผ่านทุกเงื่อนไข)',
    count_top: 'จำนวนรายการย่อยที่ได้ระดับสูงสุด'
  };
  const en: Record<Combine, string> = {
    sum: 'sum of the sub-items’ points',
    mean: 'mean of the sub-items’ points',
    min: 'lowest of the sub-items’ points (all conditions must hold)',
    count_top: 'number of sub-items at their top level'
  };
  return (lang === 'th' ? th : en)[combine];
}

const GRAIN_WORD: Record<Lang, Record<Grain, string>> = {
  th: { month: 'เดือน', quarter: 'ไตรมาส', round: 'รอบ', year: 'ปี' },
  en: { month: 'months', quarter: 'quarters', round: 'rounds', year: 'years' }
};

/** How long a miss has lasted: `6 เดือน (ตั้งแต่ เม.ย. 2565)`; `1 เดือน` when it is new this period. */
export function streakText(streak: number, sinceId: string, lang: Lang): string {
  const since = parsePeriodId(sinceId);
  const plural = since ? GRAIN_WORD[lang][since.grain] : '';
  const word = lang === 'en' && streak === 1 ? plural.replace(/s$/, '') : plural;
  const count = `${formatNumber(streak, lang, 0)} ${word}`.trim();
  if (streak <= 1 || !since) return count;
  return `${count} (${lang === 'th' ? 'ตั้งแต่' : 'since'} ${periodLabel(since, lang, 'short')})`;
}
