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
 *
 * Its parts: xlsx-xml.ts (the XML scanner), xlsx-sheet.ts (a worksheet → a table: cells, formats, merged
 * ranges, the size limits); this file reads the package (zip, relationships), the shared strings and styles,
 * and the workbook's sheets in order.
 */
import { unzipSync } from 'fflate';
import type { CsvTable } from './csv';
import { numberFormat, type NumberFormat } from './xlsx-format';
import { readSheet, type SheetContext } from './xlsx-sheet';
import { Unreadable, scanXml, unescapeString } from './xlsx-xml';

export { MAX_SHEET_CELLS, readSheet, type SheetContext } from './xlsx-sheet';

export interface WorkbookSheet {
  name: string;
  table: CsvTable;
}

export type WorkbookRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; reason: string };

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
