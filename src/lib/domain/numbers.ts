/**
 * Numbers as people type them into Excel and Google Sheets (DESIGN §6): Thai digits, thousands separators,
 * `%` signs, `บาท`/`฿`, `-` for blank, accounting negatives `(12)`. Pure; never throws.
 */
import { stripInvisible, thaiDigitsToAscii } from './thai-text';

export type NumberParse = { ok: true; value: number | null } | { ok: false; reason: string };

/** `parseNumber` with what was written around the number: whether a `%` sign was (issue 11: a `%` on a KPI
 * that is not a percentage is worth a warning). */
export type NumberReading =
  { ok: true; value: number | null; percent: boolean } | { ok: false; reason: string };

/** Dashes that mean "nothing here" when they are the whole cell. */
const BLANK_MARKS = new Set(['', '-', '–', '—', '−']);

/** Error values Excel and Google Sheets write into a cell when a formula fails. */
const SPREADSHEET_ERROR =
  /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|ERROR!|GETTING_DATA)$/i;

const PLAIN = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:\.\d*)?$/;
/** A comma used as the decimal mark (`12,5`, `1.234,5`): European style, which we do not guess at. */
const COMMA_DECIMAL = /^(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;

function notANumber(original: string): NumberReading {
  return { ok: false, reason: `ไม่ใช่ตัวเลข: "${original}"` };
}

/**
 * Parses one cell. Blank, `-`, `–`, `—` (alone, or with only `บาท`/`%` around them) → `{ ok: true, value: null }`.
 * A `%` is dropped and the number kept as written (`85%` → 85).
 */
export function parseNumber(text: string): NumberParse {
  const reading = readNumber(text);
  return reading.ok ? { ok: true, value: reading.value } : reading;
}

/** `parseNumber`, and whether the number was written with a `%` sign (`percent`; false for a blank cell). */
export function readNumber(text: string): NumberReading {
  const original = stripInvisible(String(text ?? ''));
  const cell = thaiDigitsToAscii(original);
  if (BLANK_MARKS.has(cell)) return { ok: true, value: null, percent: false };
  if (SPREADSHEET_ERROR.test(cell)) return { ok: false, reason: `ค่าผิดพลาดจาก Excel: ${original}` };

  let body = cell;
  let negative = false;
  let signs = 0;
  let parentheses = false;
  let percent = false;
  let currency = false;
  for (let changed = true; changed;) {
    changed = false;
    body = body.trim();
    if (!currency && body.endsWith('บาท')) {
      body = body.slice(0, -3);
      currency = changed = true;
    } else if (!currency && (body.startsWith('฿') || body.endsWith('฿'))) {
      body = body.startsWith('฿') ? body.slice(1) : body.slice(0, -1);
      currency = changed = true;
    } else if (!percent && (body.startsWith('%') || body.endsWith('%'))) {
      body = body.startsWith('%') ? body.slice(1) : body.slice(0, -1);
      percent = changed = true;
    } else if (!parentheses && body.startsWith('(') && body.endsWith(')') && body.length >= 2) {
      body = body.slice(1, -1);
      parentheses = changed = true;
      negative = !negative;
    } else if (signs === 0 && /^[+\-\u2212]/.test(body)) {
      if (body[0] !== '+') negative = !negative;
      body = body.slice(1);
      signs = 1;
      changed = true;
    }
  }

  if (body === '') {
    // Only decoration was written (`- บาท`, `-%`): the cell says "nothing", like a lone dash.
    return parentheses ? notANumber(original) : { ok: true, value: null, percent: false };
  }
  if (parentheses && signs > 0) return notANumber(original);

  let digits: string;
  if (PLAIN.test(body)) digits = body;
  else if (COMMA_GROUPED.test(body)) digits = body.replace(/,/g, '');
  else if (SPACE_GROUPED.test(body)) digits = body.replace(/ /g, '');
  else if (COMMA_DECIMAL.test(body)) {
    return {
      ok: false,
      reason: `ไม่รับตัวเลขที่ใช้จุลภาคเป็นทศนิยม (แบบยุโรป): "${original}" — ให้เขียนเป็น 1,234.5 หรือ 1234.5`
    };
  } else return notANumber(original);

  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return { ok: false, reason: `ตัวเลขใหญ่เกินไป: "${original}"` };
  const value = negative ? -magnitude : magnitude;
  return { ok: true, value: value === 0 ? 0 : value, percent };
}

/**
 * Plain output for CSV and tables: no thousands separators, at most `digits` decimals with trailing zeros
 * trimmed, `-0` written as `0`; null and non-finite numbers → ''.
 */
export function formatNumber(value: number | null, digits = 4): string {
  if (value === null || !Number.isFinite(value)) return '';
  const places = Math.min(100, Math.max(0, Math.trunc(digits)));
  let text = value.toFixed(places);
  if (text.includes('.') && !/e/i.test(text)) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * A number as a spreadsheet keeps it: at most 15 significant digits (what a double holds exactly and what
 * Excel keeps), so sums and means computed in binary lose their noise (`0.1 + 0.2` → `0.3`,
 * `5.550000000000001` → `5.55`) while every value a person typed (up to 15 digits) is written as typed.
 */
export function spreadsheetNumber(value: number): string {
  const rounded = Number(value.toPrecision(15));
  return String(Number.isFinite(rounded) ? rounded : value); // near ±1.8e308 rounding up overflows
}

/** A finite number as it is; null, undefined, NaN and ±Infinity as null (an unset or unusable bound). */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
