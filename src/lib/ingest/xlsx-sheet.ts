/**
 * One worksheet of a workbook (xlsx.ts) → a `CsvTable` (`readSheet`): each `<c>` as a CSV export would write
 * it (`readCell`: shared strings, numbers by their format in xlsx-format.ts, dates, booleans, errors), formulas
 * without a result and formula errors as cell problems with the cell's address, merged ranges filled
 * (`fillMerges`), and sheets too wide or too large refused with their size (`อ่านตารางไม่ได้:`). The line of a
 * record is its row number in the sheet.
 */
import type { CellProblem, CsvRecord, CsvTable } from './csv';
import { MAX_COLUMNS, countText } from './limits';
import { dateText, numberFormat, numberText, percentText, valueKind, type NumberFormat } from './xlsx-format';
import { Unreadable, scanXml, unescapeString } from './xlsx-xml';

/**
 * Cells a sheet may become once its rows are padded to its width and its merged ranges filled: 10 million,
 * ≈ 5 × the largest real table (DESIGN §8, a national year in the long layout: 263,400 rows × 8 columns).
 */
export const MAX_SHEET_CELLS = 10_000_000;

export interface SheetContext {
  strings: readonly string[];
  formats: readonly NumberFormat[];
  date1904: boolean;
}

interface SheetRow {
  cells: string[];
  problems: CellProblem[];
}

const GENERAL_FORMAT = numberFormat(0, undefined);

/** `AB12` (or `$AB$12`) → column 27 (0-based), row 12; null when it is not a cell reference. */
function parseReference(ref: string): { column: number; row: number } | null {
  let at = 0;
  let column = 0;
  let letters = 0;
  if (ref.charCodeAt(at) === 36) at++; // $
  for (; at < ref.length; at++, letters++) {
    const code = ref.charCodeAt(at) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (ref.charCodeAt(at) === 36) at++;
  const digits = ref.length - at;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7) return null;
  let row = 0;
  for (; at < ref.length; at++) {
    const digit = ref.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  return { column: column - 1, row };
}

function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** What Excel's error values mean, for the reason of a rejected line. */
const ERROR_MEANING: Readonly<Record<string, string>> = {
  '#DIV/0!': 'หารด้วยศูนย์',
  '#N/A': 'ไม่พบค่าที่สูตรค้นหา',
  '#VALUE!': 'ชนิดข้อมูลในสูตรไม่ถูกต้อง',
  '#REF!': 'สูตรอ้างถึงช่องที่ถูกลบ',
  '#NAME?': 'ชื่อในสูตรไม่ถูกต้อง',
  '#NUM!': 'ตัวเลขในสูตรไม่ถูกต้อง',
  '#NULL!': 'ช่วงในสูตรไม่ตัดกัน'
};

function formulaReason(address: string, formula: string): string {
  const shown =
    formula.trim() === '' ? '' : ` (=${formula.length > 60 ? `${formula.slice(0, 60)}…` : formula})`;
  return (
    `ช่อง ${address} เป็นสูตร${shown} ที่ไม่มีค่าคำนวณเก็บไว้ในไฟล์ ` +
    '(ไฟล์สร้างด้วยโปรแกรมที่ไม่ได้คำนวณสูตร) — เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง หรือบันทึกเป็น CSV UTF-8 แล้วนำเข้าใหม่'
  );
}

function errorReason(address: string, code: string): string {
  const meaning = ERROR_MEANING[code.toUpperCase()];
  return (
    `ช่อง ${address} เป็นค่าผิดพลาดจาก Excel: ${code}${meaning ? ` (${meaning})` : ''} — ` +
    'แก้สูตรหรือข้อมูลของช่องนี้ใน Excel แล้วนำเข้าใหม่'
  );
}

interface CellRead {
  text: string;
  problem: string | null;
}

const EMPTY_CELL: CellRead = { text: '', problem: null };

/** One `<c>` as a CSV export would write it, or its problem. */
function readCell(
  context: SheetContext,
  address: string,
  type: string,
  style: string | undefined,
  value: string | undefined,
  formula: string | null,
  inline: string
): CellRead {
  if (type === 'inlineStr') return { text: unescapeString(inline), problem: null };
  // A formula without a cached result: a string formula's empty `<v></v>` is an empty string, not missing.
  if (value === undefined || (value === '' && type !== 'str')) {
    return formula === null ? EMPTY_CELL : { text: '', problem: formulaReason(address, formula) };
  }
  switch (type) {
    case 's': {
      const text = context.strings[Number(value)];
      if (text === undefined || !/^\d+$/.test(value.trim())) {
        throw new Unreadable(`ช่อง ${address} อ้างถึงข้อความที่ไม่มีในไฟล์`);
      }
      return { text, problem: null };
    }
    case 'str':
      return { text: unescapeString(value), problem: null };
    case 'b':
      return { text: value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value, problem: null };
    case 'e':
      return { text: value, problem: errorReason(address, value) };
    case 'd':
      return { text: /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value, problem: null };
    case 'n': {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) return { text: value, problem: null };
      const format = (style === undefined ? undefined : context.formats[Number(style)]) ?? GENERAL_FORMAT;
      const kind = valueKind(format, number);
      if (kind.kind === 'date')
        return { text: dateText(number, context.date1904) ?? numberText(number), problem: null };
      if (kind.kind === 'percent') return { text: percentText(number, kind.percents), problem: null };
      return { text: numberText(number), problem: null };
    }
    default:
      return { text: value, problem: null };
  }
}

/** A sheet that is not read, with the reason (`อ่านตารางไม่ได้:` so that another sheet can be chosen). */
function refusedTable(reason: string): CsvTable {
  return { header: [], rows: [], errors: [{ line: 1, reason: `อ่านตารางไม่ได้: ${reason}` }] };
}

/** The cells of a sheet's XML, by row number; its merged ranges; its width; past the column limit, how wide. */
interface SheetCells {
  rows: Map<number, SheetRow>;
  merges: string[];
  width: number;
  /** The widest row past `MAX_COLUMNS` (0: none). */
  overflow: number;
}

export function readSheet(xml: string, context: SheetContext): CsvTable {
  const sheet = scanSheet(xml, context);
  const { rows, merges } = sheet;
  if (sheet.overflow > 0) {
    return refusedTable(
      `แผ่นงานนี้มีข้อมูล ${countText(sheet.overflow)} คอลัมน์ เกินที่อ่านได้ (${countText(MAX_COLUMNS)} คอลัมน์) — ` +
        'ไม่ได้อ่านแผ่นงานนี้ ตรวจว่าเป็นตารางผลการดำเนินงาน (อำเภอ ตัวชี้วัด เดือน ผลการดำเนินงาน) และบันทึกเฉพาะตารางนั้น'
    );
  }

  let lastRow = 0;
  for (const n of rows.keys()) lastRow = Math.max(lastRow, n);
  let filled = fillMerges(rows, merges, lastRow, (columns) => (sheet.width = Math.max(sheet.width, columns)));
  if (filled === null) filled = Number.POSITIVE_INFINITY;
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const width = sheet.width;
  const cellCount = numbers.length * width + filled;
  if (cellCount > MAX_SHEET_CELLS) {
    return refusedTable(
      `แผ่นงานนี้มี ${countText(numbers.length)} แถว × ${countText(width)} คอลัมน์ (รวมช่องที่ผสานไว้) ` +
        `เกินที่อ่านได้ (${countText(MAX_SHEET_CELLS)} ช่อง) — ไม่ได้อ่านแผ่นงานนี้ ` +
        'บันทึกเฉพาะตารางผลการดำเนินงานเป็น CSV UTF-8 แล้วนำเข้าใหม่'
    );
  }
  return tableOfRows(rows, numbers, width);
}

/** Reads the `<c>` elements of a sheet (and its `<mergeCell>`s): every cell with a text or a problem. */
function scanSheet(xml: string, context: SheetContext): SheetCells {
  const sheet: SheetCells = { rows: new Map(), merges: [], width: 0, overflow: 0 };
  let rowNumber = 0;
  let column = -1;

  // The cell being read.
  let cell: { ref: string | undefined; type: string; style: string | undefined } | null = null;
  let value: string | undefined;
  let formula: string | null = null;
  let inline = '';
  let capture: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;

  const endCell = (): void => {
    if (!cell) return;
    const where = cell.ref === undefined ? null : parseReference(cell.ref);
    if (where) {
      rowNumber = where.row;
      column = where.column;
    } else column++;
    const address = `${columnLetters(column)}${rowNumber}`;
    const read = readCell(context, address, cell.type, cell.style, value, formula, inline);
    cell = null;
    placeCell(sheet, rowNumber, column, read);
  };

  scanXml(xml, {
    open(name, a) {
      if (name === 'row') {
        const r = Number(a.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        column = -1;
      } else if (name === 'c') {
        cell = { ref: a.r, type: a.t ?? 'n', style: a.s };
        value = undefined;
        formula = null;
        inline = '';
      } else if (cell) {
        if (name === 'v') {
          value = '';
          capture = 'v';
        } else if (name === 'f') {
          formula = '';
          capture = 'f';
        } else if (name === 'is') inInline = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && inInline && phonetic === 0) capture = 't';
      } else if (name === 'mergeCell' && a.ref) sheet.merges.push(a.ref);
    },
    close(name) {
      if (name === 'c') endCell();
      else if (name === 'v' || name === 'f' || name === 't') capture = null;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      if (capture === 'v') value += text;
      else if (capture === 'f') formula += text;
      else if (capture === 't') inline += text;
    }
  });
  return sheet;
}

/** Puts a read cell in its row (a blank one nowhere; one past the column limit only widens `overflow`). */
function placeCell(sheet: SheetCells, rowNumber: number, column: number, read: CellRead): void {
  if (read.text === '' && read.problem === null) return;
  if (column >= MAX_COLUMNS) {
    sheet.overflow = Math.max(sheet.overflow, column + 1);
    return;
  }
  let row = sheet.rows.get(rowNumber);
  if (!row) {
    row = { cells: [], problems: [] };
    sheet.rows.set(rowNumber, row);
  }
  while (row.cells.length < column) row.cells.push('');
  row.cells[column] = read.text;
  if (read.problem !== null) row.problems.push({ index: column, reason: read.problem });
  sheet.width = Math.max(sheet.width, column + 1);
}

/** The rows (in `numbers` order) as a table: blank rows skipped, each padded to `width`, the first the header. */
function tableOfRows(rows: Map<number, SheetRow>, numbers: readonly number[], width: number): CsvTable {
  const table: CsvTable = { header: [], rows: [], errors: [] };
  let headerSeen = false;
  for (const n of numbers) {
    const row = rows.get(n)!;
    if (row.problems.length === 0 && row.cells.every((text) => text.trim() === '')) continue;
    const cells = row.cells;
    while (cells.length < width) cells.push('');
    if (!headerSeen) {
      table.header = cells;
      headerSeen = true;
      continue;
    }
    const record: CsvRecord = { line: n, cells };
    if (row.problems.length > 0) record.problems = row.problems.sort((a, b) => a.index - b.index);
    table.rows.push(record);
  }
  return table;
}

/** A number as a cell's text holds it (`12`, `-0.5`, `85%`, `1e-7`). */
const NUMBER_TEXT = /^\s*-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%*\s*$/i;

function mergedNumberReason(address: string, origin: string, ref: string, text: string): string {
  return (
    `ช่อง ${address} อยู่ในช่องที่ผสานไว้ข้ามหลายคอลัมน์ (${ref}) กับตัวเลข ${text} ในช่อง ${origin} — ` +
    'ไม่แน่ชัดว่าตัวเลขนี้เป็นของคอลัมน์ใด ยกเลิกการผสานเซลล์แล้วใส่ค่าในแต่ละช่อง แล้วนำเข้าใหม่'
  );
}

/**
 * Gives every cell of each merged range its top-left cell's value (and problem), within the rows and columns
 * that hold data. A number merged across columns (over a value and its target, or two KPIs) could belong to
 * either: the other cells get a problem instead, so a line that reads one of them is refused, not guessed.
 * Text merged across columns (a title, a header) and anything merged down rows fill. Returns the number of
 * cells filled, or null past `MAX_SHEET_CELLS`.
 */
function fillMerges(
  rows: Map<number, SheetRow>,
  merges: readonly string[],
  lastRow: number,
  widen: (columns: number) => void
): number | null {
  let filled = 0;
  for (const ref of merges) {
    const [from, to = from] = ref.split(':').map(parseReference);
    if (!from || !to) continue;
    const top = Math.min(from.row, to.row);
    const left = Math.min(from.column, to.column);
    const bottom = Math.min(Math.max(from.row, to.row), lastRow);
    const right = Math.min(Math.max(from.column, to.column), MAX_COLUMNS - 1);
    const origin = rows.get(top);
    const text = origin?.cells[left] ?? '';
    const originProblem = origin?.problems.find((p) => p.index === left)?.reason ?? null;
    if (text === '' && originProblem === null) continue;
    const acrossColumns = right > left && originProblem === null && NUMBER_TEXT.test(text);
    const originAddress = `${columnLetters(left)}${top}`;
    const area = (bottom - top + 1) * (right - left + 1) - 1;
    if (area <= 0) continue;
    filled += area;
    if (filled > MAX_SHEET_CELLS) return null;
    widen(right + 1);
    for (let r = top; r <= bottom; r++) {
      let row = rows.get(r);
      if (!row) {
        row = { cells: [], problems: [] };
        rows.set(r, row);
      }
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (row.cells.length < c) row.cells.push('');
        const problem = acrossColumns
          ? mergedNumberReason(`${columnLetters(c)}${r}`, originAddress, ref, text)
          : originProblem;
        row.cells[c] = acrossColumns ? '' : text;
        row.problems = row.problems.filter((p) => p.index !== c);
        if (problem !== null) row.problems.push({ index: c, reason: problem });
      }
    }
  }
  return filled;
}
