/**
 * Tables → CSV for download, safe to open in Excel: UTF-8 with a BOM (so Thai is read as UTF-8), CRLF
 * line ends, and text cells that Excel would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * at the start) prefixed with `'`. Numbers stay numbers, negative ones included,
 * written to 15 significant digits (no binary noise: `5.55`, never `5.550000000000001`). The views'
 * downloads round computed numbers as shown on screen before they get here (scoring/kpi-text `scoreCell`,
 * `measuredCell`); a typed value passes as typed.
 */
import { spreadsheetNumber } from './numbers';
import { frameworkFilePart } from './demo';

export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
/** A text that Excel, LibreOffice or Google Sheets would run as a formula starts with one of these. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Would a spreadsheet take this text for a formula? */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text cell made inert for spreadsheets; a numeric cell (a JS number) passes through unchanged. */
export function safeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? spreadsheetNumber(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const ESCAPED_FORMULA = /^'*[=+\-@\t\r]/;
const UNESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * The reversible form of `safeCell`'s rule, for data files that are read back (the framework CSVs): a text that
 * starts like a formula gets a `'` in front — and so does one that already starts with `'` before such a
 * character, so that `unescapeFormulaText` gives back exactly the text written.
 */
export function escapeFormulaText(text: string): string {
  return ESCAPED_FORMULA.test(text) ? `'${text}` : text;
}

/** Undoes `escapeFormulaText` (one `'` before a formula start is removed); other texts pass unchanged. */
export function unescapeFormulaText(text: string): string {
  return UNESCAPED_FORMULA.test(text) ? text.slice(1) : text;
}

export function toExcelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(safeCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * A file name safe on every OS: `อันดับ_chachoengsao-2565-r2_FY2565-R2.csv`. A demo framework's id (`demo:<id>`,
 * src/lib/domain/demo.ts) is written `ข้อมูลตัวอย่าง_<id>`: every download of demo numbers says so in its name.
 */
export function exportFileName(parts: readonly string[], extension: string): string {
  const stem = parts
    .filter(Boolean)
    .map(frameworkFilePart)
    .join('_')
    .replace(/[\\/:*?"<>|\s]+/g, '-');
  return `${stem}.${extension}`;
}
