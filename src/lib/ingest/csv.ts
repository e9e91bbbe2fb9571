/**
 * CSV text → header and records, with the physical line each record starts on. The only file that imports
 * PapaParse (STYLE "one wrapper per engine"); everything else uses `parseCsv` and `formatCsv`.
 *
 * Kept small on purpose: encodings (Windows-874) and streaming big files are added here later.
 */
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based physical line in the file where the record starts (the header is on line 1). */
  line: number;
  /** Cells as written, unquoted; not trimmed. */
  cells: string[];
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
    Papa.parse<string[]>(source, {
      delimiter: options.delimiter || guessDelimiter(source),
      skipEmptyLines: false,
      step(result) {
        const line = lines.lineAt(recordStart);
        recordStart = result.meta.cursor;
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
 * PapaParse's guess over the first records, blank lines left out (with them, a trailing empty line makes
 * a semicolon file look like one column). Comma when nothing fits better.
 */
function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...CSV_DELIMITERS]
  });
  return preview.meta.delimiter || ',';
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
