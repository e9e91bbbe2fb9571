/**
 * CSV text → header and records, with the physical line each record starts on. The only file that imports
 * PapaParse (STYLE "one wrapper per engine"); everything else uses `parseCsv` and `formatCsv`.
 *
 * Encodings are decoded before (decode.ts); spreadsheets become a `CsvTable` in xlsx.ts.
 */
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based physical line in the file where the record starts (the header is on line 1). */
  line: number;
  /** Cells as written, unquoted; not trimmed. */
  cells: string[];
  /**
   * Cells whose value the file does not hold (a workbook's formula saved without its result, a formula
   * error), by column index, with a Thai reason: the results reader rejects the line when it reads one of
   * those columns. Absent for CSV text, which always holds what it shows.
   */
  problems?: CellProblem[];
}

export interface CellProblem {
  /** 0-based column index in `cells`. */
  index: number;
  /** Thai, for users. */
  reason: string;
}

export interface CsvError {
  line: number;
  /** Thai, for users. */
  reason: string;
}

export interface CsvTable {
  /** Cells of the first non-blank record; empty when the file has none. */
  header: string[];
  rows: CsvRecord[];
  errors: CsvError[];
}

export interface CsvOptions {
  /** Force a delimiter; by default comma, tab or semicolon is detected. */
  delimiter?: string;
  /** Called now and then with the share of the text parsed (0–1). */
  onProgress?: (fraction: number) => void;
}

/** Delimiters that real exports use: Excel and Google Sheets (comma, tab), Excel in some locales (semicolon). */
export const CSV_DELIMITERS = [',', '\t', ';'] as const;

const BOM = '\uFEFF';

/**
 * Parse CSV text. Never throws: problems (an unclosed quote, a stray quote) come back in `errors` with the
 * line of the record they are in. Lines that hold nothing but whitespace and delimiters are skipped.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  const table: CsvTable = { header: [], rows: [], errors: [] };
  try {
    const source = text.startsWith(BOM) ? text.slice(BOM.length) : text;
    const lines = lineCounter(source);
    let recordStart = 0;
    let headerSeen = false;
    const progressStep = Math.max(1, Math.floor(source.length / 50));
    let nextProgress = progressStep;
    Papa.parse<string[]>(source, {
      delimiter: options.delimiter || guessDelimiter(source),
      skipEmptyLines: false,
      step(result) {
        const line = lines.lineAt(recordStart);
        recordStart = result.meta.cursor;
        if (options.onProgress && recordStart >= nextProgress) {
          options.onProgress(recordStart / source.length);
          nextProgress = recordStart + progressStep;
        }
        for (const error of result.errors) {
          const reason = errorReason(error);
          if (reason !== null) table.errors.push({ line, reason });
        }
        const cells = result.data;
        if (cells.every((cell) => cell.trim() === '')) return;
        if (headerSeen) table.rows.push({ line, cells });
        else {
          table.header = cells;
          headerSeen = true;
        }
      }
    });
  } catch (error) {
    table.errors.push({ line: 1, reason: `อ่านไฟล์ CSV ไม่ได้: ${String(error)}` });
  }
  return table;
}

/**
 * The delimiter under which the first records agree best: for each of comma, tab and semicolon, the largest
 * number of records (of two cells or more) that have the same number of cells. Title lines (one cell) count
 * for none, and a tab-separated file whose numbers carry thousands separators (`10,000`) stays tab-separated,
 * where counting commas would go wrong. Comma when nothing fits better (ties go to the earlier delimiter).
 */
function guessDelimiter(text: string): string {
  let best: string = CSV_DELIMITERS[0];
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const preview = Papa.parse<string[]>(text, { preview: 50, skipEmptyLines: 'greedy', delimiter });
    const recordsByWidth = new Map<number, number>();
    for (const record of preview.data) {
      const width = record.length;
      if (width >= 2) recordsByWidth.set(width, (recordsByWidth.get(width) ?? 0) + 1);
    }
    const score = Math.max(0, ...recordsByWidth.values());
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function errorReason(error: Papa.ParseError): string | null {
  switch (error.code) {
    case 'UndetectableDelimiter':
      return null; // a one-column file: comma is right
    case 'MissingQuotes':
      return 'มีเครื่องหมายคำพูด (") เปิดไว้แต่ไม่ได้ปิด ข้อมูลตั้งแต่จุดนั้นถึงท้ายไฟล์รวมอยู่ในช่องเดียว';
    case 'InvalidQuotes':
      return 'เครื่องหมายคำพูด (") อยู่ผิดที่ในช่องที่ครอบด้วยคำพูด';
    default:
      return `อ่านแถวนี้ไม่ได้ (${error.message})`;
  }
}

/**
 * Maps increasing character offsets to 1-based line numbers; `\r\n`, `\n` and `\r` each end a line. In a
 * file with mixed line ends PapaParse may split a record between `\r` and `\n`: that record is on the next line.
 */
function lineCounter(text: string): { lineAt(offset: number): number } {
  let position = 0;
  let line = 1;
  return {
    lineAt(offset: number): number {
      for (; position < offset && position < text.length; position++) {
        const char = text[position];
        if (char === '\n') line++;
        else if (char === '\r' && text[position + 1] !== '\n') line++;
      }
      return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? line + 1 : line;
    }
  };
}

/**
 * Rows → CSV text with `\r\n` line ends; a cell is quoted only when it must be (delimiter, quote, line break,
 * or space at either end). `bom` (default true) starts the text with a BOM so that Excel reads Thai as UTF-8.
 */
export function formatCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(quoteCell).join(',')).join('\r\n');
  return (options.bom === false ? '' : BOM) + body + '\r\n';
}

function quoteCell(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
