/**
 * Excel workbooks (.xlsx) → one `CsvTable` per sheet, so that a sheet is read by exactly the same rules as a
 * CSV file (results.ts). The only file that unzips (fflate); the app loads it with a dynamic import, only
 * when an .xlsx arrives. The parts are read here (ECMA-376: workbook, relationships, shared strings, styles,
 * sheets) because what we must know about a cell is beyond what reading libraries return:
 *
 * - A cell becomes the text a CSV export of the sheet would hold: numbers plainly (15 significant digits, as
 *   Excel keeps them), dates as `YYYY-MM-DD` (read as months by `parseMonth`), booleans as TRUE/FALSE, and a
 *   number formatted as a percentage as Excel shows it: 0.85 → `85%` (xlsx-format.ts).
 * - A formula saved without its result (workbooks written by a program that does not calculate, such as
 *   exceljs or SheetJS) and a formula error (`#DIV/0!`) are cell problems with the cell's address and a Thai
 *   reason: the results reader rejects a line that needs such a cell (the cell's text is empty, or the error
 *   code as a CSV export writes it).
 * - A merged range (`<mergeCell ref="A2:A5"/>`) shows its top-left value over every cell it covers: each of
 *   them gets that value, so a district name merged over its rows names every row. Blank cells that are not
 *   merged stay blank. A number merged across columns could belong to either: its other cells are problems.
 *
 * The line of a record is its row number in the sheet. Never throws: an unreadable file gives a Thai reason.
 */
import { unzipSync } from 'fflate';
import type { CellProblem, CsvRecord, CsvTable } from './csv';
import { MAX_COLUMNS, countText } from './limits';
import { dateText, numberFormat, numberText, percentText, valueKind, type NumberFormat } from './xlsx-format';

export interface WorkbookSheet {
  name: string;
  table: CsvTable;
}

export type WorkbookRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; reason: string };

/**
 * Cells a sheet may become once its rows are padded to its width and its merged ranges filled: 10 million,
 * ≈ 5 × the largest real table (DESIGN §8, a national year in the long layout: 263,400 rows × 8 columns).
 */
export const MAX_SHEET_CELLS = 10_000_000;

/** A workbook that is not one we can read: the reason ends up in the user's message. */
class Unreadable extends Error {}

// ---------------------------------------------------------------------------------------------------------
// XML: the subset that SpreadsheetML parts use (elements, attributes, text, CDATA, the five entities and
// character references). No DTD is read, so no entity can expand.

type Attributes = Readonly<Record<string, string>>;

interface XmlVisitor {
  /** An element starts (a self-closing one is followed by its `close`). Names are without their prefix. */
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

const NO_ATTRIBUTES: Attributes = Object.freeze({});
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi;
const NAMED_ENTITY: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(raw: string): string {
  // Line ends are one line feed in XML (a carriage return is written `_x000D_` or `&#13;`).
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string, decimal: string, name: string) => {
    if (name) return NAMED_ENTITY[name.toLowerCase()];
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The attributes of a tag the scanner matched (so the syntax is known good): names without their prefix. */
function parseAttributes(source: string): Attributes {
  if (source === '') return NO_ATTRIBUTES;
  const attributes: Record<string, string> = {};
  for (let at = 0; ;) {
    const equals = source.indexOf('=', at);
    if (equals === -1) break;
    const name = source.slice(at, equals).trim();
    let open = equals + 1;
    while (source[open] !== '"' && source[open] !== "'" && open < source.length) open++;
    const close = source.indexOf(source[open], open + 1);
    if (close === -1) break;
    if (!name.startsWith('xmlns')) {
      attributes[name.slice(name.lastIndexOf(':') + 1)] = decodeXml(source.slice(open + 1, close));
    }
    at = close + 1;
  }
  return attributes;
}

function scanXml(xml: string, visitor: XmlVisitor): void {
  const token =
    /<(?:(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|!--[\s\S]*?-->|!\[CDATA\[([\s\S]*?)\]\]>|\?[\s\S]*?\?>)/g;
  const between = (text: string): void => {
    // A `<` that starts no token (a DTD, a broken tag) is not XML we read.
    if (text.includes('<')) throw new Unreadable('ส่วนประกอบ XML ในไฟล์เสีย');
    if (visitor.text && text !== '') visitor.text(decodeXml(text));
  };
  let at = 0;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    if (m.index > at) between(xml.slice(at, m.index));
    at = token.lastIndex;
    const name = m[2];
    if (name !== undefined) {
      if (m[1] === '/') visitor.close?.(name);
      else {
        visitor.open(name, parseAttributes(m[3]));
        if (m[4] === '/') visitor.close?.(name);
      }
    } else if (m[5] !== undefined) visitor.text?.(m[5]);
  }
  if (at < xml.length) between(xml.slice(at));
}

/** `_x000D_` and other escapes of characters XML cannot hold (ECMA-376 ST_Xstring); `_x005F_` is `_`. */
function unescapeString(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---------------------------------------------------------------------------------------------------------
// The package: parts and relationships

class Package {
  private readonly parts = new Map<string, Uint8Array>();

  constructor(bytes: Uint8Array) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, { filter: (file) => /\.(?:xml|rels)$/i.test(file.name) });
    } catch (error) {
      throw new Unreadable(`แตกไฟล์ zip ไม่ได้: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Part names are case-insensitive (OPC); some writers use `\`.
    for (const [name, data] of Object.entries(files)) this.parts.set(partKey(name), data);
  }

  has(name: string): boolean {
    return this.parts.has(partKey(name));
  }

  text(name: string): string {
    const bytes = this.parts.get(partKey(name));
    if (!bytes) throw new Unreadable(`ไม่พบส่วน ${name} ในไฟล์`);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
    return new TextDecoder('utf-8').decode(bytes);
  }

  /** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), targets resolved. */
  relationships(source: string): Relationship[] {
    const slash = source.lastIndexOf('/');
    const folder = source.slice(0, slash + 1);
    const relsName = `${folder}_rels/${source.slice(slash + 1)}.rels`;
    if (!this.has(relsName)) return [];
    const found: Relationship[] = [];
    scanXml(this.text(relsName), {
      open(name, a) {
        if (name !== 'Relationship' || a.TargetMode === 'External' || !a.Target) return;
        found.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolveTarget(folder, a.Target) });
      }
    });
    return found;
  }
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function resolveTarget(folder: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // a stray % stays as written
  }
  const segments = (path.startsWith('/') ? path : folder + path).split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') resolved.pop();
    else resolved.push(segment);
  }
  return resolved.join('/');
}

const typeIs = (relationship: Relationship, kind: string) => relationship.type.endsWith(`/${kind}`);

// ---------------------------------------------------------------------------------------------------------
// Shared strings and styles

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(unescapeString(current));
        current = null;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      // Phonetic runs (rPh) are reading aids, not part of the text.
      if (current !== null && inText && phonetic === 0) current += text;
    }
  });
  return strings;
}

/** The number format of every cell style (`<c s="…">` indexes `cellXfs`). */
function readStyles(xml: string): NumberFormat[] {
  const codes = new Map<number, string>();
  const baseFormats: (number | undefined)[] = [];
  const cellFormats: { numFmtId: number | undefined; xfId: number | undefined }[] = [];
  let list: 'base' | 'cell' | null = null;
  const id = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));
  scanXml(xml, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) {
        codes.set(Number(a.numFmtId), a.formatCode);
      } else if (name === 'cellStyleXfs') list = 'base';
      else if (name === 'cellXfs') list = 'cell';
      else if (name === 'xf' && list === 'base') baseFormats.push(id(a.numFmtId));
      else if (name === 'xf' && list === 'cell')
        cellFormats.push({ numFmtId: id(a.numFmtId), xfId: id(a.xfId) });
    },
    close(name) {
      if (name === 'cellStyleXfs' || name === 'cellXfs') list = null;
    }
  });
  const byId = new Map<number, NumberFormat>();
  return cellFormats.map((xf) => {
    const formatId = xf.numFmtId ?? (xf.xfId === undefined ? undefined : baseFormats[xf.xfId]) ?? 0;
    let format = byId.get(formatId);
    if (!format) {
      format = numberFormat(formatId, codes.get(formatId));
      byId.set(formatId, format);
    }
    return format;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Sheets

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

export function readSheet(xml: string, context: SheetContext): CsvTable {
  const rows = new Map<number, SheetRow>();
  const merges: string[] = [];
  let width = 0;
  let overflow = 0;
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

  const rowOf = (n: number): SheetRow => {
    let row = rows.get(n);
    if (!row) {
      row = { cells: [], problems: [] };
      rows.set(n, row);
    }
    return row;
  };

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
    if (read.text === '' && read.problem === null) return;
    if (column >= MAX_COLUMNS) {
      overflow = Math.max(overflow, column + 1);
      return;
    }
    const row = rowOf(rowNumber);
    while (row.cells.length < column) row.cells.push('');
    row.cells[column] = read.text;
    if (read.problem !== null) row.problems.push({ index: column, reason: read.problem });
    width = Math.max(width, column + 1);
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
      } else if (name === 'mergeCell' && a.ref) merges.push(a.ref);
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

  if (overflow > 0) {
    return refusedTable(
      `แผ่นงานนี้มีข้อมูล ${countText(overflow)} คอลัมน์ เกินที่อ่านได้ (${countText(MAX_COLUMNS)} คอลัมน์) — ` +
        'ไม่ได้อ่านแผ่นงานนี้ ตรวจว่าเป็นตารางผลการดำเนินงาน (อำเภอ ตัวชี้วัด เดือน ผลการดำเนินงาน) และบันทึกเฉพาะตารางนั้น'
    );
  }

  let lastRow = 0;
  for (const n of rows.keys()) lastRow = Math.max(lastRow, n);
  let filled = fillMerges(rows, merges, lastRow, (columns) => (width = Math.max(width, columns)));
  if (filled === null) filled = Number.POSITIVE_INFINITY;
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const cellCount = numbers.length * width + filled;
  if (cellCount > MAX_SHEET_CELLS) {
    return refusedTable(
      `แผ่นงานนี้มี ${countText(numbers.length)} แถว × ${countText(width)} คอลัมน์ (รวมช่องที่ผสานไว้) ` +
        `เกินที่อ่านได้ (${countText(MAX_SHEET_CELLS)} ช่อง) — ไม่ได้อ่านแผ่นงานนี้ ` +
        'บันทึกเฉพาะตารางผลการดำเนินงานเป็น CSV UTF-8 แล้วนำเข้าใหม่'
    );
  }

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

// ---------------------------------------------------------------------------------------------------------
// The workbook

function readParts(bytes: Uint8Array): WorkbookSheet[] {
  const pkg = new Package(bytes);
  const office = pkg.relationships('').find((r) => typeIs(r, 'officeDocument'));
  const workbookPart = office?.target ?? 'xl/workbook.xml';
  if (!pkg.has(workbookPart)) throw new Unreadable('ไม่พบสมุดงาน (xl/workbook.xml) — ไม่ใช่ไฟล์ Excel .xlsx');

  const declared: { name: string; id: string }[] = [];
  let date1904 = false;
  scanXml(pkg.text(workbookPart), {
    open(name, a) {
      if (name === 'sheet') declared.push({ name: a.name ?? '', id: a.id ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    }
  });

  const relationships = pkg.relationships(workbookPart);
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const partOf = (kind: string, fallback: string): string | null => {
    const part = relationships.find((r) => typeIs(r, kind))?.target ?? folder + fallback;
    return pkg.has(part) ? part : null;
  };
  const stringsPart = partOf('sharedStrings', 'sharedStrings.xml');
  const stylesPart = partOf('styles', 'styles.xml');
  const context: SheetContext = {
    strings: stringsPart ? readSharedStrings(pkg.text(stringsPart)) : [],
    formats: stylesPart ? readStyles(pkg.text(stylesPart)) : [],
    date1904
  };

  const sheets: WorkbookSheet[] = [];
  for (const sheet of declared) {
    const relationship = relationships.find((r) => r.id === sheet.id);
    // Chart sheets and dialog sheets hold no table.
    if (!relationship || !typeIs(relationship, 'worksheet')) continue;
    sheets.push({ name: sheet.name, table: readSheet(pkg.text(relationship.target), context) });
  }
  return sheets;
}

/** Reads every sheet of a workbook. Never throws: an unreadable file gives a Thai reason. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookRead> {
  try {
    return { ok: true, sheets: readParts(bytes) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `อ่านไฟล์ Excel ไม่ได้ (${detail}) — ไฟล์อาจเสียหรือไม่ใช่ .xlsx ลองเปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx หรือ CSV UTF-8`
    };
  }
}
