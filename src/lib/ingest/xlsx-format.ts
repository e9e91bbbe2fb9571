/**
 * Excel number formats (styles.xml `numFmt`, ECMA-376 §18.8.30–31), as far as they change what a number
 * means: a date (the number is a day count), a percentage (Excel shows 0.85 as `85%`), or a plain number.
 * Everything else a format does (decimals, thousands separators, colours, currency signs, the `#,##0,`
 * display in thousands) only changes how the same number is shown, and the stored number is the true one.
 *
 * Pure functions: the workbook reader (xlsx.ts) asks `valueKind(format, value)` for each numeric cell.
 */
import { spreadsheetNumber } from '../domain/numbers';

export type ValueKind = { kind: 'number' } | { kind: 'date' } | { kind: 'percent'; percents: number };

interface Section {
  kind: 'number' | 'date' | 'text';
  /** Unquoted `%` signs: each one multiplies the shown number by 100. */
  percents: number;
  /** `[>=100]`: the values this section is for, when it says. */
  condition: ((value: number) => boolean) | null;
}

export interface NumberFormat {
  sections: Section[];
}

const NUMBER: ValueKind = { kind: 'number' };
const DATE: ValueKind = { kind: 'date' };

/**
 * Built-in formats (no `numFmt` element in the file): the percentages and the dates/times. 9 `0%`, 10
 * `0.00%`; 67 and 68 are the Thai-locale `t0%`, `t0.00%`. Dates and times: 14–22 and 45–47 everywhere,
 * 27–36 and 50–58 in the Chinese, Japanese and Korean locales, 71–81 in the Thai locale (`ว/ด/ปปปป` …).
 */
const BUILTIN_PERCENT = new Set([9, 10, 67, 68]);
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81
]);

const GENERAL: NumberFormat = { sections: [{ kind: 'number', percents: 0, condition: null }] };

/** The format of a cell style: its `numFmtId` and, for a custom one, its `formatCode`. */
export function numberFormat(id: number, code: string | undefined): NumberFormat {
  if (code !== undefined) return parseFormatCode(code);
  if (BUILTIN_PERCENT.has(id)) return { sections: [{ kind: 'number', percents: 1, condition: null }] };
  if (BUILTIN_DATE.has(id)) return { sections: [{ kind: 'date', percents: 0, condition: null }] };
  return GENERAL;
}

/** Splits a format code on the `;` that are not quoted or escaped. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end === -1 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (c === '\\' || c === '_' || c === '*') {
      current += code.slice(i, i + 2);
      i++;
    } else if (c === ';') {
      sections.push(current);
      current = '';
    } else current += c;
  }
  sections.push(current);
  return sections;
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\]/;
/** `[h]`, `[mm]`, `[ss]`: elapsed time, a date-time format. */
const ELAPSED = /^\[(?:h+|m+|s+)\]$/i;
/** Letters that make a section a date or a time once literals are gone: d m y h s, era (e g), BE year (b). */
const DATE_LETTERS = /[dmyhsegb]/;
/** Digit placeholders make a number format, whatever letters a writer left unquoted (`#,##0 baht`). */
const DIGITS = /[0#?]/;

function parseSection(raw: string): Section {
  let condition: Section['condition'] = null;
  let elapsed = false;
  // Literals never format: quoted text, `\x`, `_x` (a space as wide as x), `*x` (fill with x).
  let rest = raw.replace(/"[^"]*"?|\\.|_.|\*./g, ' ');
  rest = rest.replace(/\[[^\]]*\]?/g, (group) => {
    const test = CONDITION.exec(group);
    if (test) {
      const bound = Number(test[2]);
      condition = comparison(test[1], bound);
    } else if (ELAPSED.test(group)) elapsed = true;
    return ' ';
  });
  const plain = rest
    .toLowerCase()
    .replace(/general/g, ' ')
    .replace(/e[+-]/g, ' '); // scientific 0.00E+00
  const percents = (plain.match(/%/g) ?? []).length;
  // Tenths of a second (`ss.0`) are the only digits a time shows.
  const digits = DIGITS.test(plain.replace(/s[.,]0+/g, 's'));
  if (elapsed || (!digits && DATE_LETTERS.test(plain))) return { kind: 'date', percents: 0, condition };
  if (plain.includes('@') && !digits) return { kind: 'text', percents: 0, condition };
  return { kind: 'number', percents, condition };
}

function comparison(op: string, bound: number): (value: number) => boolean {
  switch (op) {
    case '<':
      return (v) => v < bound;
    case '<=':
      return (v) => v <= bound;
    case '>':
      return (v) => v > bound;
    case '>=':
      return (v) => v >= bound;
    case '=':
      return (v) => v === bound;
    default:
      return (v) => v !== bound;
  }
}

export function parseFormatCode(code: string): NumberFormat {
  const sections = splitSections(code).map(parseSection);
  return { sections: sections.length > 0 ? sections : GENERAL.sections };
}

/**
 * The section Excel uses for a number: by condition when the format has `[…]` conditions, else by sign
 * (`positive;negative;zero;text`; with two sections the first is for zero too).
 */
function sectionFor(format: NumberFormat, value: number): Section {
  const numeric = format.sections.filter((section, i) => i < 3 || section.kind !== 'text');
  if (numeric.some((section) => section.condition !== null)) {
    const matched = numeric.find((section) => section.condition?.(value));
    return matched ?? numeric.find((section) => section.condition === null) ?? numeric[0];
  }
  if (numeric.length === 1 || value > 0) return numeric[0];
  if (value < 0) return numeric[1] ?? numeric[0];
  return numeric.length >= 3 ? numeric[2] : numeric[0];
}

/** What a number in a cell of this format means. */
export function valueKind(format: NumberFormat, value: number): ValueKind {
  const section = sectionFor(format, value);
  if (section.kind === 'date') return DATE;
  if (section.percents > 0) return { kind: 'percent', percents: section.percents };
  return NUMBER;
}

/** A number as a CSV export would write it: 15 significant digits, as Excel keeps them. */
export const numberText = spreadsheetNumber;

/**
 * A percentage cell as Excel shows it: 0.85 → `85%`, 0.0725 → `7.25%`, two `%` → `8500%%` (every `%`
 * multiplies by 100). The decimal point is moved in the digits, so no binary rounding is added.
 */
export function percentText(value: number, percents: number): string {
  const digits = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(numberText(value));
  if (!digits) return numberText(value) + '%'.repeat(percents);
  const [, sign, whole, fraction = '', exponent = '0'] = digits;
  const all = whole + fraction;
  const point = whole.length + Number(exponent) + 2 * percents;
  const padded = point <= 0 ? '0'.repeat(1 - point) + all : all.padEnd(point, '0');
  const at = Math.max(point, 1);
  const text = `${padded.slice(0, at)}.${padded.slice(at)}`.replace(/\.?0*$/, '').replace(/^0+(?=\d)/, '');
  return `${sign}${text}${'%'.repeat(percents)}`;
}

/** Days since 1899-12-30 (the 1900 date system past its 1900-02-29 bug) or 1904-01-01 → `YYYY-MM-DD`. */
export function dateText(serial: number, date1904: boolean): string | null {
  let days = Math.floor(serial);
  if (date1904) days += 1462;
  else if (days < 61) days += 1; // Excel counts a 29 February 1900 that never was
  const time = Date.UTC(1899, 11, 30) + days * 86_400_000;
  const date = new Date(time);
  if (!Number.isFinite(time) || Number.isNaN(date.getTime()) || serial < 0) return null;
  const year = date.getUTCFullYear();
  if (year > 9999) return null;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
