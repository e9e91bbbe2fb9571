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
 */

import { normalizeThai, stripInvisible, thaiDigitsToAscii } from './thai-text';

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

export type Lang = 'th' | 'en';
export type LabelStyle = 'short' | 'long';

export const BE_OFFSET = 543;

/** Years `parseMonth` and `parsePeriodId` accept: a four-digit year of 2400 or more is BE. */
const BE_MIN = 2400;
const BE_MAX = 2700;
const CE_MIN = 1900;
const CE_MAX = 2200;

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

const ENGLISH_MONTHS_SHORT: readonly string[] = Object.freeze([
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

const ENGLISH_MONTHS_LONG: readonly string[] = Object.freeze([
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

/** Colloquial Thai month names (`มีนา`) and a common misspelling, month number by name. */
const THAI_MONTH_VARIANTS: readonly (readonly [string, number])[] = [
  ['มกรา', 1],
  ['กุมภา', 2],
  ['มีนา', 3],
  ['เมษา', 4],
  ['พฤษภา', 5],
  ['มิถุนา', 6],
  ['กรกฎา', 7],
  ['กรกฏา', 7],
  ['กรกฏาคม', 7],
  ['สิงหา', 8],
  ['กันยา', 9],
  ['ตุลา', 10],
  ['พฤศจิกา', 11],
  ['ธันวา', 12]
];

/** Month names as written without dots and spaces, lower case → month number and script. */
const MONTH_BY_NAME: ReadonlyMap<string, { month: number; thai: boolean }> = (() => {
  const byName = new Map<string, { month: number; thai: boolean }>();
  const key = (name: string): string => name.replace(/[.\s]/g, '').toLowerCase();
  for (let i = 0; i < 12; i++) {
    byName.set(key(THAI_MONTHS_SHORT[i]), { month: i + 1, thai: true });
    byName.set(key(THAI_MONTHS_LONG[i]), { month: i + 1, thai: true });
    byName.set(key(ENGLISH_MONTHS_SHORT[i]), { month: i + 1, thai: false });
    byName.set(key(ENGLISH_MONTHS_LONG[i]), { month: i + 1, thai: false });
  }
  for (const [name, month] of THAI_MONTH_VARIANTS) byName.set(key(name), { month, thai: true });
  byName.set('sept', { month: 9, thai: false });
  return byName;
})();

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

function isWholeBetween(n: number, min: number, max: number): boolean {
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
function splitIsoMonth(isoMonth: string): { year: number; month: number } {
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
function fiscalMonthIndex(month: number): number {
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

function inBeRange(year: number): boolean {
  return year >= BE_MIN && year <= BE_MAX;
}

function inCeRange(year: number): boolean {
  return year >= CE_MIN && year <= CE_MAX;
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

// ---------------------------------------------------------------------------------------------------------
// parseMonth: what Excel and Google Sheets users type in a month column

type Era = 'be' | 'ce' | null;

function daysInMonth(ceYear: number, month: number): number {
  return new Date(Date.UTC(ceYear, month, 0)).getUTCDate();
}

/** The CE year of a four-digit year, BE when 2400 or more; null outside 2400–2700 BE / 1900–2200 CE. */
function ceYearOfFourDigits(year: number, era: Era): number | null {
  if (year >= BE_MIN) return era !== 'ce' && inBeRange(year) ? beToCe(year) : null;
  return era !== 'be' && inCeRange(year) ? year : null;
}

/** The ISO month of a CE year, month and optional day, or null when one of them is out of range. */
function isoMonthOf(ceYear: number | null, month: number, day: number | null): string | null {
  if (ceYear === null || !Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > daysInMonth(ceYear, month))) return null;
  return toIsoMonth(ceYear, month);
}

const TIME = '(?:[ t]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?(?:z|[+-]\\d{2}:?\\d{2}))?)?';
/** `2024-03`, `2567/03` (no dot: `2024.1` is more likely a number than a month). */
const YEAR_MONTH = /^(\d{4}) ?[-/] ?(\d{1,2})$/;
/** `2024-03-15`, `2567/3/15`, with an optional time as Excel and Sheets export it. */
const YEAR_MONTH_DAY = new RegExp(`^(\\d{4}) ?([-/.]) ?(\\d{1,2}) ?\\2 ?(\\d{1,2})${TIME}$`);
/** `03/2567`, `3-2024`, `03.2567`. */
const MONTH_YEAR = /^(\d{1,2}) ?[-/.] ?(\d{4})$/;
/**
 * `15/03/2567`, `15-3-2024`, `15.03.2024`, `3/15/2024`: a day, a month and a four-digit year. With a BE year
 * the day is first, as Thai users write (D/M/BE). With a CE year either order is read when only one of them
 * is a date (`15/3/2024`, `3/15/2024`), and refused when both are (`2/1/2024`: 2 January, or 1 February as
 * Excel with US settings writes it), see `ambiguousMonthReason`.
 */
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2}) ?([-/.]) ?(\\d{1,2}) ?\\2 ?(\\d{4})${TIME}$`);
/**
 * `[วันที่] [15] [เดือน]<month name> [ปี] [พ.ศ.|ค.ศ.] <yy|yyyy>` in Thai or English, with spaces, dots, `-`,
 * `/` or `,` between the parts: `มี.ค. 67`, `มีค 67`, `15 มี.ค. 2567`, `เดือนมีนาคม 2567`, `Mar-24`.
 */
const NAMED_MONTH =
  /^(?:วันที่ ?)?(?:(\d{1,2})[ \-/]*)?(?:เดือน ?)?([a-z\u0E01-\u0E4F][a-z\u0E01-\u0E4F. ]*?)[ \-/,]*(?:ปี ?)?(?:(พ\.? ?ศ|ค\.? ?ศ)\.? ?)?(\d{2}|\d{4})$/;
/** `March 15, 2024`, `Mar 15 2024`. */
const ENGLISH_MONTH_DAY_YEAR = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/;

function fromNamedMonth(
  name: string,
  dayText: string | undefined,
  eraText: string | undefined,
  yearText: string
): string | null {
  const named = MONTH_BY_NAME.get(name.replace(/[.\s]/g, ''));
  if (!named) return null;
  const era: Era = eraText === undefined ? null : eraText.startsWith('พ') ? 'be' : 'ce';
  const year = Number(yearText);
  let ceYear: number | null;
  if (yearText.length === 4) ceYear = ceYearOfFourDigits(year, era);
  // Two digits: BE with a Thai month name (67 → 2567), CE with an English one (24 → 2024, Excel's 1930–2029).
  else if (era === 'be' || (era === null && named.thai)) ceYear = beToCe(2500 + year);
  else ceYear = year < 30 ? 2000 + year : 1900 + year;
  return isoMonthOf(ceYear, named.month, dayText === undefined ? null : Number(dayText));
}

/** What a `n/n/yyyy` date can mean: one month, two (day first or month first), or none. */
function numericDateMonths(first: number, second: number, year: number): string[] {
  const ceYear = ceYearOfFourDigits(year, null);
  if (year >= BE_MIN) {
    const month = isoMonthOf(ceYear, second, first);
    return month === null ? [] : [month];
  }
  const dayFirst = isoMonthOf(ceYear, second, first);
  const monthFirst = isoMonthOf(ceYear, first, second);
  if (dayFirst !== null && monthFirst !== null && first !== second) return [dayFirst, monthFirst];
  const month = dayFirst ?? monthFirst;
  return month === null ? [] : [month];
}

function normalizedMonthText(text: string): string {
  return thaiDigitsToAscii(normalizeThai(text)).toLowerCase();
}

function parseNormalizedMonth(text: string): string | null {
  let m = YEAR_MONTH.exec(text);
  if (m) return isoMonthOf(ceYearOfFourDigits(Number(m[1]), null), Number(m[2]), null);
  m = YEAR_MONTH_DAY.exec(text);
  if (m) {
    const ceYear = ceYearOfFourDigits(Number(m[1]), null);
    return isoMonthOf(ceYear, Number(m[3]), Number(m[4]));
  }
  m = MONTH_YEAR.exec(text);
  if (m) return isoMonthOf(ceYearOfFourDigits(Number(m[2]), null), Number(m[1]), null);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const months = numericDateMonths(Number(m[1]), Number(m[3]), Number(m[4]));
    return months.length === 1 ? months[0] : null;
  }
  m = NAMED_MONTH.exec(text);
  if (m) return fromNamedMonth(m[2], m[1], m[3], m[4]);
  m = ENGLISH_MONTH_DAY_YEAR.exec(text);
  if (m) return fromNamedMonth(m[1], m[2], undefined, m[3]);
  return null;
}

/**
 * The ISO CE month of what a person typed, or null. Accepts `2024-03`, `2567-03` (a four-digit year of 2400
 * or more is BE), `2024/03`, `03/2567`, `3/2567`, `03-2567`, `มี.ค. 67`, `มี.ค.67`, `มีค 67`, `มี.ค. 2567`,
 * `มีนาคม 2567`, `มีนาคม พ.ศ. 2567`, `เดือนมีนาคม 2567`, full dates (`2024-03-15`, `15/03/2567` day first
 * with a BE year, `15/3/2024` and `3/15/2024` with a CE year when only one order is a date, `1/1/2024`,
 * `15 มี.ค. 2567`), `Mar 2024`, `March 2024`, `Mar-24`, Thai digits, stray and invisible characters. A
 * two-digit year is BE after a Thai month name (67 → 2567) and CE after an English one (24 → 2024);
 * two-digit years after a month number are refused as ambiguous, and so is a CE date whose day and month
 * could be swapped (`2/1/2024`, see `ambiguousMonthReason`). Never throws.
 */
export function parseMonth(text: string): string | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  try {
    return parseNormalizedMonth(normalizedMonthText(text));
  } catch {
    return null;
  }
}

/** `2567-01 / ม.ค. 67`: the two ways of writing a month that can never be misread. */
function clearMonthForms(isoMonth: string): string {
  const { year, month } = splitIsoMonth(isoMonth);
  const be = ceToBe(year);
  return `${be}-${String(month).padStart(2, '0')} / ${THAI_MONTHS_SHORT[month - 1]} ${String(be).slice(-2)}`;
}

/**
 * Why `parseMonth` refuses a date with a CE year whose first two numbers could each be the month
 * (`2/1/2024`: 2 January day first, or 1 February as Excel with US settings writes it), in Thai with both
 * readings and how to write the month; null for any other text. Such a date is never guessed (issue 11).
 */
export function ambiguousMonthReason(text: string): string | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  const m = DAY_MONTH_YEAR.exec(normalizedMonthText(text));
  if (!m) return null;
  const months = numericDateMonths(Number(m[1]), Number(m[3]), Number(m[4]));
  if (months.length !== 2) return null;
  const [dayFirst, monthFirst] = months;
  const shown = stripInvisible(text);
  return (
    `เดือนอ่านได้สองแบบ: "${shown}" เป็น ${Number(m[1])} ${monthLabel(dayFirst)} (วัน/เดือน/ปี) ` +
    `หรือ ${Number(m[3])} ${monthLabel(monthFirst)} (เดือน/วัน/ปี แบบ Excel ที่ตั้งค่าภาษาอังกฤษสหรัฐฯ) — ไม่ได้เดาให้ ` +
    `เขียนเดือนให้ชัด: ${clearMonthForms(dayFirst)} ถ้าหมายถึง${THAI_MONTHS_LONG[Number(m[3]) - 1]}, ` +
    `${clearMonthForms(monthFirst)} ถ้าหมายถึง${THAI_MONTHS_LONG[Number(m[1]) - 1]}`
  );
}
