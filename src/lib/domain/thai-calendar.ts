/**
 * The Thai calendar under the fiscal periods (periods.ts, DESIGN §5): Buddhist-Era years (BE = CE + 543),
 * ISO CE months `YYYY-MM` (made, split, stepped), Thai and English month names, where a month falls in the
 * fiscal year (1 Oct–30 Sep, named by the BE year it ends in; quarters Q1 Oct–Dec .. Q4 Jul–Sep, rounds
 * R1 Oct–Mar, R2 Apr–Sep) and a month as people read it (`monthLabel`). Everything here is exported from
 * periods.ts too.
 */

export type Lang = 'th' | 'en';
export type LabelStyle = 'short' | 'long';

export const BE_OFFSET = 543;

/** Years `parseMonth` and `parsePeriodId` accept: a four-digit year of 2400 or more is BE. */
export const BE_MIN = 2400;
export const BE_MAX = 2700;
export const CE_MIN = 1900;
export const CE_MAX = 2200;

export const THAI_MONTHS_SHORT: readonly string[] = Object.freeze([
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.'
]);

export const THAI_MONTHS_LONG: readonly string[] = Object.freeze([
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม'
]);

export const ENGLISH_MONTHS_SHORT: readonly string[] = Object.freeze([
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec'
]);

export const ENGLISH_MONTHS_LONG: readonly string[] = Object.freeze([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]);

const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function beToCe(year: number): number {
  return year - BE_OFFSET;
}

export function ceToBe(year: number): number {
  return year + BE_OFFSET;
}

/** True for a well-formed ISO CE month `YYYY-MM`. */
export function isIsoMonth(value: string): boolean {
  return typeof value === 'string' && ISO_MONTH.test(value);
}

export function isWholeBetween(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

/** The ISO month of a CE year and a month 1..12; throws a RangeError for anything else. */
export function toIsoMonth(year: number, month: number): string {
  if (!isWholeBetween(year, 0, 9999) || !isWholeBetween(month, 1, 12)) {
    throw new RangeError(`not a month: year ${year}, month ${month}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** CE year and month (1..12) of an ISO month; throws a RangeError when it is not one. */
export function splitIsoMonth(isoMonth: string): { year: number; month: number } {
  const match = typeof isoMonth === 'string' ? ISO_MONTH.exec(isoMonth) : null;
  if (!match) throw new RangeError(`not an ISO month (YYYY-MM): ${String(isoMonth)}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The ISO month `n` months after `isoMonth` (before, for negative `n`). */
export function addMonths(isoMonth: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of months: ${n}`);
  const { year, month } = splitIsoMonth(isoMonth);
  const serial = year * 12 + (month - 1) + n;
  return toIsoMonth(Math.floor(serial / 12), (((serial % 12) + 12) % 12) + 1);
}

/** The fiscal year (BE) a month belongs to: `2023-10` → 2567, `2024-09` → 2567. */
export function fiscalYearOfMonth(isoMonth: string): number {
  const { year, month } = splitIsoMonth(isoMonth);
  return ceToBe(month >= 10 ? year + 1 : year);
}

/** Position of a month in its fiscal year: Oct = 1 .. Sep = 12. */
export function fiscalMonthIndex(month: number): number {
  return month >= 10 ? month - 9 : month + 3;
}

export function quarterOfMonth(isoMonth: string): 1 | 2 | 3 | 4 {
  const { month } = splitIsoMonth(isoMonth);
  return Math.ceil(fiscalMonthIndex(month) / 3) as 1 | 2 | 3 | 4;
}

export function roundOfMonth(isoMonth: string): 1 | 2 {
  const { month } = splitIsoMonth(isoMonth);
  return fiscalMonthIndex(month) <= 6 ? 1 : 2;
}

/** The 12 ISO months of a fiscal year (BE), Oct .. Sep. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  const first = toIsoMonth(beToCe(fiscalYear) - 1, 10);
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i));
}

export function inBeRange(year: number): boolean {
  return year >= BE_MIN && year <= BE_MAX;
}

export function inCeRange(year: number): boolean {
  return year >= CE_MIN && year <= CE_MAX;
}

/** `ต.ค. 2566` (th short), `ตุลาคม 2566` (th long), `Oct 2023` (en short), `October 2023` (en long). */
export function monthLabel(isoMonth: string, lang: Lang = 'th', style: LabelStyle = 'short'): string {
  const { year, month } = splitIsoMonth(isoMonth);
  if (lang === 'th') {
    const names = style === 'long' ? THAI_MONTHS_LONG : THAI_MONTHS_SHORT;
    return `${names[month - 1]} ${ceToBe(year)}`;
  }
  const names = style === 'long' ? ENGLISH_MONTHS_LONG : ENGLISH_MONTHS_SHORT;
  return `${names[month - 1]} ${year}`;
}
