/**
 * `parseMonth`: the month of what Excel and Google Sheets users type in a month column — ISO and BE months,
 * numeric dates (D/M/BE, either order with a CE year when only one is a date), Thai and English month names
 * with two- or four-digit years, Thai digits and stray characters — and `ambiguousMonthReason`, why a CE date
 * whose day and month could be swapped is refused. On the calendar of thai-calendar.ts; exported from
 * periods.ts too.
 */

import {
  BE_MIN,
  ENGLISH_MONTHS_LONG,
  ENGLISH_MONTHS_SHORT,
  THAI_MONTHS_LONG,
  THAI_MONTHS_SHORT,
  beToCe,
  ceToBe,
  inBeRange,
  inCeRange,
  monthLabel,
  splitIsoMonth,
  toIsoMonth
} from './thai-calendar';
import { normalizeThai, stripInvisible, thaiDigitsToAscii } from './thai-text';

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
