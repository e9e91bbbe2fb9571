/**
 * The fast reader's bytes (fast-results.ts): the text as DuckDB reads it (UTF-8 as it is, Windows-874
 * re-encoded; UTF-16, cut and BOM-less-invalid files refused with `Fallback`), one pass over them (line ends,
 * cell counts, blank lines: `scanLines`; quotes and lone CRs hand the file over), the delimiter check
 * (`checkDelimiter`: the comma, as `parseCsv` would guess it) and the file-wide `leavesOutEmptyCells`.
 */
import { parseCsv } from './csv';
import { decodeText, isUtf8 } from './decode';
import type { FileCheck } from './reading-rules';
import type { ResultsFileInput } from './read-file';

/** Lines of the file that decide the delimiter (parseCsv guesses from its first 50 records). */
const DELIMITER_LINES = 200;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Why the fast reader hands a file over to the page's reader (`fallbackReason`). */
export class Fallback extends Error {}

export interface Scan {
  /** Byte offset of each physical line's start (line n at index n - 1), and one past the end. */
  starts: number[];
  /** Byte offset of each physical line's end (before CR LF / LF). */
  ends: number[];
  width: number;
  /** Non-blank indexes (1 = header) of the lines whose cell count differs from the header's. */
  irregular: number[];
  /** Non-blank index (1 = header) → physical line breakpoints: from `k` on, add `offset`. */
  breakpoints: { k: number; offset: number }[];
  nonBlank: number;
  /** The most cells a line has. */
  widest: number;
}

/** One pass over the bytes: line ends, cell counts, blank lines; throws Fallback on quotes and lone CRs. */
export function scanLines(bytes: Uint8Array, from: number): Scan {
  const starts: number[] = [];
  const ends: number[] = [];
  const irregular: number[] = [];
  const breakpoints: { k: number; offset: number }[] = [];
  let width = -1;
  let widest = 0;
  let nonBlank = 0;
  let blanks = 0;
  if (bytes.indexOf(QUOTE, from) !== -1) throw new Fallback('the file has quoted cells');
  const hasCr = bytes.indexOf(CR, from) !== -1;
  let position = from;
  let line = 0;
  while (position < bytes.length) {
    let newline = bytes.indexOf(LF, position);
    if (newline === -1) newline = bytes.length;
    let end = newline;
    if (end > position && bytes[end - 1] === CR) end--;
    line++;
    starts.push(position);
    ends.push(end);
    let commas = 0;
    for (let i = bytes.indexOf(COMMA, position); i !== -1 && i < end; i = bytes.indexOf(COMMA, i + 1))
      commas++;
    if (hasCr) {
      const cr = bytes.indexOf(CR, position);
      if (cr !== -1 && cr < end) throw new Fallback('the file has a line ending in CR alone');
    }
    if (end === position) {
      if (line === 1) throw new Fallback('the first line is blank');
      blanks++;
    } else {
      nonBlank++;
      widest = Math.max(widest, commas + 1);
      if (line === 1) width = commas + 1;
      else if (commas + 1 !== width) irregular.push(nonBlank);
      if (blanks > 0 && line - nonBlank !== (breakpoints.at(-1)?.offset ?? 0)) {
        breakpoints.push({ k: nonBlank, offset: line - nonBlank });
      }
    }
    position = newline + 1;
  }
  if (width < 0) throw new Fallback('the file is empty');
  return { starts, ends, width, irregular, breakpoints, nonBlank, widest };
}

/** The physical line of the `k`-th non-blank line (1 = header). */
function physicalLine(scan: Scan, k: number): number {
  let offset = 0;
  for (const point of scan.breakpoints) {
    if (point.k > k) break;
    offset = point.offset;
  }
  return k + offset;
}

/**
 * The bytes DuckDB reads: UTF-8 as it is (checked, not decoded), a Windows-874 file re-encoded (the same text
 * the reader sees): DuckDB reads UTF-8 only. Throws Fallback for what it cannot read that way.
 */
export function duckDbBytes(input: ResultsFileInput, check: FileCheck): Uint8Array {
  const encoding = check.encoding!;
  if (encoding.encoding === 'utf-16le' || encoding.encoding === 'utf-16be') throw new Fallback('UTF-16');
  if (encoding.cut) throw new Fallback('the file ends inside a character');
  let bytes: Uint8Array;
  if (encoding.encoding === 'utf-8') {
    bytes = encoding.bom ? input.bytes.subarray(3) : input.bytes;
    if (encoding.bom && !isUtf8(bytes, bytes.length))
      throw new Fallback('not UTF-8 after its byte-order mark');
  } else bytes = new TextEncoder().encode(check.text ?? decodeText(input.bytes, encoding).text);
  // U+FFFD last (EF BF BD): a character the reader cannot tell from a cut one.
  const n = bytes.length;
  if (n >= 3 && bytes[n - 3] === 0xef && bytes[n - 2] === 0xbf && bytes[n - 1] === 0xbd)
    throw new Fallback('the file ends inside a character');
  return bytes;
}

/** The text of physical line `line` (1 = the header). */
export function lineTextOf(bytes: Uint8Array, scan: Scan): (line: number) => string {
  const utf8 = new TextDecoder('utf-8');
  return (line: number) => utf8.decode(bytes.subarray(scan.starts[line - 1], scan.ends[line - 1]));
}

/** The delimiter parseCsv would guess must be the comma: it guesses from the file's first records. */
export function checkDelimiter(
  scan: Scan,
  lineText: (line: number) => string,
  header: readonly string[]
): void {
  const head = parseCsv(
    Array.from({ length: Math.min(DELIMITER_LINES, scan.starts.length) }, (_, i) => lineText(i + 1)).join(
      '\n'
    )
  );
  if (scan.starts.length > DELIMITER_LINES && head.rows.length < 50)
    throw new Fallback('too many blank lines at the top');
  if (head.header.length !== header.length || head.header.some((cell, i) => cell !== header[i])) {
    throw new Fallback('the delimiter is not a comma');
  }
}

/**
 * `leavesOutEmptyCells` of reading-rules.ts on the records the CSV parser would give: lines with a cell that
 * is not blank; is one with fewer cells than the header before the last of them?
 */
export function leavesOutEmptyCells(scan: Scan, lineText: (line: number) => string): boolean {
  const isRecord = (line: number) =>
    lineText(line)
      .split(',')
      .some((cell) => cell.trim() !== '');
  let last = scan.starts.length;
  while (last > 1 && !isRecord(last)) last--;
  for (const k of scan.irregular) {
    const line = physicalLine(scan, k);
    if (line >= last) break;
    if (lineText(line).split(',').length < scan.width && isRecord(line)) return true;
  }
  return false;
}
