/**
 * A results file as the user gave it (bytes and name) → the validation report. The one entry point that the
 * browser (in a worker, see read.worker.ts) and the command line both use, so that both accept the same
 * formats with the same rules and messages:
 *   - .xlsx workbooks (the first sheet holding a results table with data in it — else the first holding a
 *     table —, or a chosen sheet), loaded on demand;
 *   - text files in UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-874 / TIS-620;
 *   - rows whose month is outside the framework's fiscal year, round or quarter are rejected.
 */
import type { TextEncodingName } from './decode';
import { decodeText } from './decode';
import { checkResultsFile, looksLikeOldExcel, looksLikeZip, type FileRefusal } from './reading-rules';
import {
  readResultsTable,
  readResultsText,
  type ResultsReadOptions,
  type ResultsReadReport
} from './results';

export { looksLikeOldExcel, looksLikeZip };

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

/** Does a table hold anything written below its header (a row read, or a line rejected)? */
function holdsData(report: ResultsReadReport): boolean {
  return report.rows.length > 0 || report.rejected.length > 0;
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

/** The report of a file refused whole by `checkResultsFile` (reading-rules.ts): its one rejection, line 1. */
export function refusedFileReport(file: string, refusal: FileRefusal): ResultsFileReport {
  return { ...fileReport(file, refusal.reason, refusal.format), encoding: refusal.encoding };
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
    // Size, old Excel, zip size, not text: decided on the bytes, by the rules both readers share.
    const check = checkResultsFile(bytes);
    if (check.refusal) return refusedFileReport(name, check.refusal);
    if (check.format === 'xlsx') {
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
        // The first sheet that holds a results table with something written in it (a reporting template has
        // a sheet per layout, and a district fills one: issue 14); else the first that holds a table; else
        // the first sheet's report.
        const quiet: ResultsReadOptions = { ...readOptions, onProgress: undefined };
        let firstTable: { report: ResultsReadReport; sheet: string } | null = null;
        let withData = false;
        for (const sheet of workbook.sheets) {
          const candidate = readResultsTable(name, sheet.table, quiet);
          if (foundTable(candidate)) {
            if (holdsData(candidate)) {
              report = candidate;
              sheetName = sheet.name;
              withData = true;
              break;
            }
            firstTable ??= { report: candidate, sheet: sheet.name };
          }
          report ??= candidate;
        }
        if (!withData && firstTable) {
          report = firstTable.report;
          sheetName = firstTable.sheet;
        }
        options.onProgress?.(1);
      }
      const read = report!;
      if (workbook.sheets.length > 1) {
        read.warnings.unshift(`อ่านแผ่นงาน "${sheetName}" จากทั้งหมด ${workbook.sheets.length} แผ่น`);
      }
      return { ...read, format: 'xlsx', encoding: null, sheets, sheet: sheetName };
    }
    const text = check.text ?? decodeText(bytes, check.encoding!).text;
    const report = readResultsText(name, text, readOptions);
    return { ...report, format: 'csv', encoding: check.encoding!.encoding, sheets: [], sheet: null };
  } catch (error) {
    return fileReport(name, `อ่านไฟล์ไม่ได้: ${String(error)}`, 'csv');
  }
}
