/**
 * Excel workbooks (.xlsx) → one `CsvTable` per sheet, so that a sheet is read by exactly the same rules as a
 * CSV file (results.ts). The only file that imports read-excel-file (STYLE "one wrapper per engine"); the
 * app loads it with a dynamic import, only when an .xlsx arrives.
 *
 * Cells become the text a CSV export of the sheet would hold: numbers plainly (15 significant digits, as
 * Excel keeps them), dates as `YYYY-MM-DD` (read as months by `parseMonth`), booleans as TRUE/FALSE. The line
 * of a record is its row number in the sheet. What the library cannot tell us: a cell's number format, so a
 * percentage typed as `85%` arrives as 0.85; and formula errors (`#DIV/0!`), which arrive as empty cells.
 */
import readXlsxFile from 'read-excel-file/universal';
import type { CsvRecord, CsvTable } from './csv';

export interface WorkbookSheet {
  name: string;
  table: CsvTable;
}

export type WorkbookRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; reason: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** One cell as a CSV export would write it. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return String(Number(cell.toPrecision(15)));
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    return `${pad(cell.getUTCFullYear(), 4)}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  return String(cell);
}

/** Rows of a sheet (row 1 first) → a table: the first non-blank row is the header. */
export function sheetToTable(rows: readonly (readonly unknown[])[]): CsvTable {
  const table: CsvTable = { header: [], rows: [], errors: [] };
  let headerSeen = false;
  rows.forEach((row, index) => {
    const cells = row.map(cellText);
    if (cells.every((cell) => cell.trim() === '')) return;
    if (!headerSeen) {
      table.header = cells;
      headerSeen = true;
      return;
    }
    const record: CsvRecord = { line: index + 1, cells };
    table.rows.push(record);
  });
  return table;
}

/** Reads every sheet of a workbook. Never throws: an unreadable file gives a Thai reason. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookRead> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile(buffer, { trim: false });
    return {
      ok: true,
      sheets: sheets.map((sheet) => ({ name: sheet.sheet, table: sheetToTable(sheet.data) }))
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `อ่านไฟล์ Excel ไม่ได้ (${detail}) — ไฟล์อาจเสียหรือไม่ใช่ .xlsx ลองเปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx หรือ CSV UTF-8`
    };
  }
}
