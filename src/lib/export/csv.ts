/**
 * Tables → CSV for download, safe to open in Excel: UTF-8 with a BOM (so Thai is read as UTF-8), CRLF
 * line ends, and text cells that Excel would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * at the start) prefixed with `'`. Numbers stay numbers, negative ones included.
 */
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert for spreadsheets; a numeric cell (a JS number) passes through unchanged. */
export function safeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toExcelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(safeCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A file name safe on every OS: `อันดับ_chachoengsao-2565-r2_FY2565-R2.csv`. */
export function exportFileName(parts: readonly string[], extension: string): string {
  const stem = parts
    .filter(Boolean)
    .join('_')
    .replace(/[\\/:*?"<>|\s]+/g, '-');
  return `${stem}.${extension}`;
}
