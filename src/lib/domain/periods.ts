/**
 * The Thai fiscal calendar (DESIGN §5).
 *
 * Months are stored as ISO CE months `YYYY-MM`; people see Buddhist-Era years (BE = CE + 543) and Thai month
 * names. The fiscal year runs 1 Oct–30 Sep and is named by the BE year it ends in: FY2567 = Oct 2566 BE
 * (2023-10) .. Sep 2567 BE (2024-09). Quarters: Q1 Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep. Evaluation
 * rounds: R1 = Q1 + Q2 (Oct–Mar), R2 = Q3 + Q4 (Apr–Sep).
 *
 * Period ids: a month is `2567-09` (the BE calendar year of that month, not its fiscal year: `2566-12` is
 * Dec 2023 = FY2567), a quarter `FY2567-Q4`, a round `FY2567-R2`, a fiscal year `FY2567`.
 *
 * This module holds the periods (made, parsed from their ids, stepped, listed for a framework, labelled);
 * the calendar under them (BE years, ISO months, month names, `monthLabel`) is thai-calendar.ts and reading
 * typed months (`parseMonth`, `ambiguousMonthReason`) month-parse.ts, both exported from here too.
 */

import {
  BE_MIN,
  ENGLISH_MONTHS_SHORT,
  addMonths,
  beToCe,
  ceToBe,
  fiscalMonthIndex,
  fiscalYearMonths,
  fiscalYearOfMonth,
  inBeRange,
  inCeRange,
  isWholeBetween,
  monthLabel,
  splitIsoMonth,
  toIsoMonth,
  type LabelStyle,
  type Lang
} from './thai-calendar';

export {
  BE_OFFSET,
  THAI_MONTHS_LONG,
  THAI_MONTHS_SHORT,
  addMonths,
  beToCe,
  ceToBe,
  fiscalYearMonths,
  fiscalYearOfMonth,
  isIsoMonth,
  monthLabel,
  quarterOfMonth,
  roundOfMonth,
  toIsoMonth,
  type LabelStyle,
  type Lang
} from './thai-calendar';
export { ambiguousMonthReason, parseMonth } from './month-parse';

export type Grain = 'month' | 'quarter' | 'round' | 'year';

export interface Period {
  /** `2567-09` (month, BE calendar year) | `FY2567-Q4` | `FY2567-R2` | `FY2567`. */
  id: string;
  grain: Grain;
  /** Fiscal year, BE. */
  fiscalYear: number;
  /** month: 1..12 within the fiscal year (Oct = 1); quarter 1..4; round 1..2; year 1. */
  index: number;
  /** ISO CE months `YYYY-MM`, ascending. */
  months: string[];
}

/** The period a framework covers: a round, a quarter, or null for the whole fiscal year. */
export type FrameworkScope = 'R1' | 'R2' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | null;

/** The month period of an ISO CE month. */
export function monthPeriod(isoMonth: string): Period {
  const { year, month } = splitIsoMonth(isoMonth);
  return {
    id: `${ceToBe(year)}-${String(month).padStart(2, '0')}`,
    grain: 'month',
    fiscalYear: fiscalYearOfMonth(isoMonth),
    index: fiscalMonthIndex(month),
    months: [isoMonth]
  };
}

function assertFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`not a fiscal year: ${fiscalYear}`);
}

export function quarterPeriod(fiscalYear: number, quarter: number): Period {
  assertFiscalYear(fiscalYear);
  if (!isWholeBetween(quarter, 1, 4)) throw new RangeError(`not a quarter: ${quarter}`);
  return {
    id: `FY${fiscalYear}-Q${quarter}`,
    grain: 'quarter',
    fiscalYear,
    index: quarter,
    months: fiscalYearMonths(fiscalYear).slice((quarter - 1) * 3, quarter * 3)
  };
}

export function roundPeriod(fiscalYear: number, round: number): Period {
  assertFiscalYear(fiscalYear);
  if (round !== 1 && round !== 2) throw new RangeError(`not an evaluation round: ${round}`);
  return {
    id: `FY${fiscalYear}-R${round}`,
    grain: 'round',
    fiscalYear,
    index: round,
    months: fiscalYearMonths(fiscalYear).slice((round - 1) * 6, round * 6)
  };
}

export function fiscalYearPeriod(fiscalYear: number): Period {
  assertFiscalYear(fiscalYear);
  return { id: `FY${fiscalYear}`, grain: 'year', fiscalYear, index: 1, months: fiscalYearMonths(fiscalYear) };
}

/** A period of the given grain, fiscal year and index (for a month, the index within the fiscal year). */
function periodAt(grain: Grain, fiscalYear: number, index: number): Period {
  switch (grain) {
    case 'month':
      return monthPeriod(fiscalYearMonths(fiscalYear)[index - 1]);
    case 'quarter':
      return quarterPeriod(fiscalYear, index);
    case 'round':
      return roundPeriod(fiscalYear, index);
    case 'year':
      return fiscalYearPeriod(fiscalYear);
  }
}

/**
 * The period of an id: `2567-09`, `FY2567-Q4`, `FY2567-R2`, `FY2567` (`fy`, `q`, `r` in any case; spaces
 * around are ignored). A month id with a year below 2400 is read as CE: `2024-09` gives the period
 * `2567-09`. Null for anything else (month 13, `FY2567-Q5`, a CE fiscal year such as `FY2024`, '').
 */
export function parsePeriodId(id: string): Period | null {
  if (typeof id !== 'string') return null;
  const text = id.trim();
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month) {
    const year = Number(month[1]);
    if (inBeRange(year)) return monthPeriod(toIsoMonth(beToCe(year), Number(month[2])));
    if (year < BE_MIN && inCeRange(year)) return monthPeriod(text);
    return null;
  }
  const fiscal = /^fy(\d{4})(?:-([qr])(\d))?$/i.exec(text);
  if (!fiscal) return null;
  const fiscalYear = Number(fiscal[1]);
  if (!inBeRange(fiscalYear)) return null;
  if (fiscal[2] === undefined) return fiscalYearPeriod(fiscalYear);
  const index = Number(fiscal[3]);
  const isQuarter = fiscal[2].toLowerCase() === 'q';
  if (!isWholeBetween(index, 1, isQuarter ? 4 : 2)) return null;
  return isQuarter ? quarterPeriod(fiscalYear, index) : roundPeriod(fiscalYear, index);
}

/** The period of the same grain just before `p`; quarter 1, round 1 and the year step into the previous FY. */
export function previousPeriod(p: Period): Period {
  switch (p.grain) {
    case 'month':
      return monthPeriod(addMonths(p.months[0], -1));
    case 'quarter':
      return p.index > 1 ? quarterPeriod(p.fiscalYear, p.index - 1) : quarterPeriod(p.fiscalYear - 1, 4);
    case 'round':
      return p.index > 1 ? roundPeriod(p.fiscalYear, p.index - 1) : roundPeriod(p.fiscalYear - 1, 2);
    case 'year':
      return fiscalYearPeriod(p.fiscalYear - 1);
  }
}

/** The period of the same grain and index one fiscal year earlier. */
export function samePeriodLastYear(p: Period): Period {
  return periodAt(p.grain, p.fiscalYear - 1, p.index);
}

/**
 * Every period a framework's scope contains, months first (ascending), then quarters, rounds and the year:
 * R2 → Apr..Sep, Q3, Q4, R2; Q4 → Jul..Sep, Q4; null → 12 months, Q1..Q4, R1, R2, FY.
 */
export function periodsOfFramework(fiscalYear: number, period: FrameworkScope): Period[] {
  const months = fiscalYearMonths(fiscalYear).map(monthPeriod);
  if (period === null) {
    return [
      ...months,
      ...[1, 2, 3, 4].map((q) => quarterPeriod(fiscalYear, q)),
      roundPeriod(fiscalYear, 1),
      roundPeriod(fiscalYear, 2),
      fiscalYearPeriod(fiscalYear)
    ];
  }
  const index = Number(period.slice(1));
  if (period[0] === 'Q') {
    const quarter = quarterPeriod(fiscalYear, index);
    return [...months.slice((index - 1) * 3, index * 3), quarter];
  }
  const round = roundPeriod(fiscalYear, index);
  const quarters = [index * 2 - 1, index * 2].map((q) => quarterPeriod(fiscalYear, q));
  return [...months.slice((index - 1) * 6, index * 6), ...quarters, round];
}

export function containsMonth(p: Period, isoMonth: string): boolean {
  return p.months.includes(isoMonth);
}

/** `Jul–Sep 2024`, or `Oct 2023–Mar 2024` when the span crosses a calendar year. */
function englishSpan(months: readonly string[]): string {
  const first = splitIsoMonth(months[0]);
  const last = splitIsoMonth(months[months.length - 1]);
  const head = ENGLISH_MONTHS_SHORT[first.month - 1];
  const tail = `${ENGLISH_MONTHS_SHORT[last.month - 1]} ${last.year}`;
  return first.year === last.year ? `${head}–${tail}` : `${head} ${first.year}–${tail}`;
}

/**
 * A period as people read it.
 * th short: `ก.ย. 2567`, `ไตรมาส 4/2567`, `รอบ 2/2567`, `ปีงบฯ 2567`;
 * th long: `กันยายน 2567`, `ไตรมาส 4 ปีงบประมาณ 2567`, `รอบการประเมินที่ 2 ปีงบประมาณ 2567`, `ปีงบประมาณ 2567`;
 * en short: `Sep 2024`, `FY2567 Q4`, `FY2567 R2`, `FY2567`;
 * en long: `September 2024`, `Quarter 4, FY2567 (Jul–Sep 2024)`, `Round 2, FY2567 (Apr–Sep 2024)`,
 * `Fiscal year 2567 (Oct 2023–Sep 2024)`.
 */
export function periodLabel(p: Period, lang: Lang = 'th', style: LabelStyle = 'short'): string {
  if (p.grain === 'month') return monthLabel(p.months[0], lang, style);
  const fy = p.fiscalYear;
  if (lang === 'th') {
    if (style === 'short') {
      if (p.grain === 'quarter') return `ไตรมาส ${p.index}/${fy}`;
      if (p.grain === 'round') return `รอบ ${p.index}/${fy}`;
      return `ปีงบฯ ${fy}`;
    }
    if (p.grain === 'quarter') return `ไตรมาส ${p.index} ปีงบประมาณ ${fy}`;
    if (p.grain === 'round') return `รอบการประเมินที่ ${p.index} ปีงบประมาณ ${fy}`;
    return `ปีงบประมาณ ${fy}`;
  }
  if (style === 'short') {
    if (p.grain === 'quarter') return `FY${fy} Q${p.index}`;
    if (p.grain === 'round') return `FY${fy} R${p.index}`;
    return `FY${fy}`;
  }
  const span = englishSpan(p.months);
  if (p.grain === 'quarter') return `Quarter ${p.index}, FY${fy} (${span})`;
  if (p.grain === 'round') return `Round ${p.index}, FY${fy} (${span})`;
  return `Fiscal year ${fy} (${span})`;
}
