/**
 * A results file as the user gave it (bytes and name) → the validation report. The one entry point that the
 * browser (in a worker, see read.worker.ts) and the command line both use, so that both accept the same
 * formats with the same rules and messages:
 *   - .xlsx workbooks (first sheet that holds a results table, or a chosen sheet), loaded on demand;
 *   - text files in UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-874 / TIS-620;
 *   - rows whose month is outside the framework's fiscal year, round or quarter are rejected.
 */
import type { TextEncodingName } from './decode';
import { decodeText } from './decode';
import {
  MAX_RESULTS_FILE_BYTES,
  MAX_WORKBOOK_UNZIPPED_BYTES,
  countText,
  fileSizeProblem,
  sizeText,
  zipUnzippedSize
} from './limits';
import {
  readResultsTable,
  readResultsText,
  type ResultsReadOptions,
  type ResultsReadReport
} from './results';

/** A zip file starts with `PK\3\4`: .xlsx (and .ods, .docx — the workbook reader tells them apart). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The old binary Excel format (.xls, an OLE2 compound file), which we do not read. */
export function looksLikeOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export interface ResultsFileInput {
  name: string;
  bytes: Uint8Array;
  /** For a workbook: the sheet to read (its name); by default the first that holds a results table. */
  sheet?: string | null;
}

export interface ResultsFileReport extends ResultsReadReport {
  format: 'csv' | 'xlsx';
  /** The text encoding found (null for a workbook). */
  encoding: TextEncodingName | null;
  /** A workbook's sheets, in order ([] for a text file). */
  sheets: string[];
  /** The sheet that was read (null for a text file). */
  sheet: string | null;
}

export type ResultsFileOptions = Omit<ResultsReadOptions, 'onlyFrameworkMonths'>;

/** Did the reader find a table (a header it could use)? */
export function foundTable(report: ResultsReadReport): boolean {
  return !report.rejected.some(
    (r) => r.line === 1 && r.column === null && r.reason.startsWith('อ่านตารางไม่ได้')
  );
}

function fileReport(file: string, reason: string, format: 'csv' | 'xlsx'): ResultsFileReport {
  return {
    file,
    layout: 'long',
    rows: [],
    rejected: [{ file, line: 1, column: null, reason }],
    warnings: [],
    unitIssues: [],
    format,
    encoding: null,
    sheets: [],
    sheet: null
  };
}

/**
 * A file that is not text (a program, a picture, a broken workbook) decodes to many NUL characters, which no
 * table of results has: such a file is refused whole with a reason, not read into thousands of odd rows.
 */
function binaryProblem(text: string): string | null {
  let nuls = 0;
  for (let i = text.indexOf('\0'); i !== -1; i = text.indexOf('\0', i + 1)) nuls++;
  // A stray NUL is left to the row it is in (rejected, shown as ␀); many of them mean the file is not text.
  if (nuls < Math.max(10, text.length / 1000)) return null;
  return (
    `ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV (มีอักขระ NUL ${countText(nuls)} ตัว) — อาจเป็นไฟล์ชนิดอื่นหรือไฟล์ที่เสีย ` +
    'เปิดใน Excel แล้วบันทึกเป็น CSV UTF-8 หรือ .xlsx แล้วนำเข้าใหม่'
  );
}

/** Reads one results file. Never throws (a file that cannot be read is one rejection at line 1). */
export async function readResultsFile(
  input: ResultsFileInput,
  options: ResultsFileOptions
): Promise<ResultsFileReport> {
  const name = input.name;
  const readOptions: ResultsReadOptions = { ...options, onlyFrameworkMonths: true };
  try {
    const bytes = input.bytes;
    const tooLarge = fileSizeProblem(bytes.length, MAX_RESULTS_FILE_BYTES, 'results');
    if (tooLarge) return fileReport(name, tooLarge, looksLikeZip(bytes) ? 'xlsx' : 'csv');
    if (looksLikeOldExcel(bytes)) {
      return fileReport(
        name,
        'ไฟล์ Excel รุ่นเก่า (.xls) อ่านไม่ได้ — เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV UTF-8 แล้วนำเข้าใหม่',
        'xlsx'
      );
    }
    if (looksLikeZip(bytes)) {
      const unzipped = zipUnzippedSize(bytes);
      if (unzipped !== null && unzipped > MAX_WORKBOOK_UNZIPPED_BYTES) {
        const size = Number.isFinite(unzipped) ? `${sizeText(unzipped)} ` : '';
        return fileReport(
          name,
          `ไฟล์ Excel นี้เมื่อแตกออกมีขนาด ${size}เกินที่รับได้ (${sizeText(MAX_WORKBOOK_UNZIPPED_BYTES)}) — ` +
            'ไม่ได้อ่านไฟล์นี้ ตรวจว่าเลือกไฟล์ถูกต้อง หรือบันทึกเฉพาะแผ่นงานผลการดำเนินงานเป็น CSV UTF-8',
          'xlsx'
        );
      }
      const { readWorkbook } = await import('./xlsx');
      const workbook = await readWorkbook(bytes);
      if (!workbook.ok) return fileReport(name, workbook.reason, 'xlsx');
      const sheets = workbook.sheets.map((sheet) => sheet.name);
      if (workbook.sheets.length === 0) return fileReport(name, 'ไฟล์ Excel ไม่มีแผ่นงาน', 'xlsx');
      const wanted = input.sheet ?? null;
      const chosen = wanted === null ? null : workbook.sheets.find((sheet) => sheet.name === wanted);
      if (wanted !== null && !chosen) {
        return { ...fileReport(name, `ไม่พบแผ่นงาน "${wanted}" (มี ${sheets.join(', ')})`, 'xlsx'), sheets };
      }
      let report: ResultsReadReport | null = null;
      let sheetName = workbook.sheets[0].name;
      if (chosen) {
        report = readResultsTable(name, chosen.table, readOptions);
        sheetName = chosen.name;
      } else {
        // The first sheet that holds a results table; the first sheet's report when none does.
        const quiet: ResultsReadOptions = { ...readOptions, onProgress: undefined };
        for (const sheet of workbook.sheets) {
          const candidate = readResultsTable(name, sheet.table, quiet);
          if (foundTable(candidate)) {
            report = candidate;
            sheetName = sheet.name;
            break;
          }
          report ??= candidate;
        }
        options.onProgress?.(1);
      }
      const read = report!;
      if (workbook.sheets.length > 1) {
        read.warnings.unshift(`อ่านแผ่นงาน "${sheetName}" จากทั้งหมด ${workbook.sheets.length} แผ่น`);
      }
      return { ...read, format: 'xlsx', encoding: null, sheets, sheet: sheetName };
    }
    const decoded = decodeText(bytes);
    const binary = binaryProblem(decoded.text);
    if (binary) return { ...fileReport(name, binary, 'csv'), encoding: decoded.encoding };
    const report = readResultsText(name, decoded.text, readOptions);
    return { ...report, format: 'csv', encoding: decoded.encoding, sheets: [], sheet: null };
  } catch (error) {
    return fileReport(name, `อ่านไฟล์ไม่ได้: ${String(error)}`, 'csv');
  }
}
