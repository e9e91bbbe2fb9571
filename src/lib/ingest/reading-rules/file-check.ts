/**
 * File-level refusals, a part of the reading rules (../reading-rules.ts): decided once, on the bytes, before
 * either reader reads a line (`checkResultsFile`: size, old .xls, zip size, NUL characters; `looksLikeZip`,
 * `looksLikeOldExcel`, `binaryProblem`).
 */
import { decodeText, textEncodingOf, type TextEncodingName } from '../decode';
import {
  MAX_RESULTS_FILE_BYTES,
  MAX_WORKBOOK_UNZIPPED_BYTES,
  countText,
  fileSizeProblem,
  sizeText,
  zipUnzippedSize
} from '../limits';

/** A zip file starts with `PK\3\4`: .xlsx (and .ods, .docx — the workbook reader tells them apart). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The old binary Excel format (.xls, an OLE2 compound file), which we do not read. */
export function looksLikeOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Fewer NUL characters than this are left to the lines they are in (rejected, shown as ␀). */
const BINARY_MIN_NULS = 10;

/**
 * A file that is not text (a program, a picture, a broken workbook) decodes to many NUL characters, which no
 * table of results has: such a file is refused whole with a reason, not read into thousands of odd rows.
 */
export function binaryProblem(text: string): string | null {
  let nuls = 0;
  for (let i = text.indexOf('\0'); i !== -1; i = text.indexOf('\0', i + 1)) nuls++;
  // A stray NUL is left to the row it is in (rejected, shown as ␀); many of them mean the file is not text.
  if (nuls < Math.max(BINARY_MIN_NULS, text.length / 1000)) return null;
  return (
    `ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV (มีอักขระ NUL ${countText(nuls)} ตัว) — อาจเป็นไฟล์ชนิดอื่นหรือไฟล์ที่เสีย ` +
    'เปิดใน Excel แล้วบันทึกเป็น CSV UTF-8 หรือ .xlsx แล้วนำเข้าใหม่'
  );
}

export interface FileRefusal {
  /** Thai, for users (the file's one rejection, line 1). */
  reason: string;
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  /** Short English, for the fast reader's `fallbackReason` and logs. */
  code: string;
}

export interface FileCheck {
  /** Set when the file is refused whole, before any line is read. */
  refusal: FileRefusal | null;
  format: 'csv' | 'xlsx';
  /** For a text file: how `decodeText` reads it. */
  encoding: ReturnType<typeof textEncodingOf> | null;
  /** The decoded text, when the check had to decode it (UTF-16, or a file with NUL bytes); else null. */
  text: string | null;
}

const OLD_EXCEL = 'ไฟล์ Excel รุ่นเก่า (.xls) อ่านไม่ได้ — เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV UTF-8 แล้วนำเข้าใหม่';

/**
 * The file-level refusals of a results file, in order: its size (`MAX_RESULTS_FILE_BYTES`), the old .xls
 * format, a workbook that unzips to more than `MAX_WORKBOOK_UNZIPPED_BYTES`, a text file of NUL characters
 * (`binaryProblem`). Both readers call it first, so a file is refused by both with the same reason. UTF-8 and
 * Windows-874 text is not decoded unless it holds NUL bytes (a NUL byte is a NUL character in both).
 */
export function checkResultsFile(bytes: Uint8Array): FileCheck {
  const zip = looksLikeZip(bytes);
  const refused = (
    reason: string,
    format: 'csv' | 'xlsx',
    code: string,
    encoding: TextEncodingName | null = null
  ) => ({
    refusal: { reason, format, encoding, code },
    format,
    encoding: null,
    text: null
  });
  const tooLarge = fileSizeProblem(bytes.length, MAX_RESULTS_FILE_BYTES, 'results');
  if (tooLarge) return refused(tooLarge, zip ? 'xlsx' : 'csv', 'over the size limit');
  if (looksLikeOldExcel(bytes)) return refused(OLD_EXCEL, 'xlsx', 'an old Excel file (.xls)');
  if (zip) {
    const unzipped = zipUnzippedSize(bytes);
    if (unzipped !== null && unzipped > MAX_WORKBOOK_UNZIPPED_BYTES) {
      const size = Number.isFinite(unzipped) ? `${sizeText(unzipped)} ` : '';
      return refused(
        `ไฟล์ Excel นี้เมื่อแตกออกมีขนาด ${size}เกินที่รับได้ (${sizeText(MAX_WORKBOOK_UNZIPPED_BYTES)}) — ` +
          'ไม่ได้อ่านไฟล์นี้ ตรวจว่าเลือกไฟล์ถูกต้อง หรือบันทึกเฉพาะแผ่นงานผลการดำเนินงานเป็น CSV UTF-8',
        'xlsx',
        'a workbook over the unzipped size limit'
      );
    }
    return { refusal: null, format: 'xlsx', encoding: null, text: null };
  }
  const encoding = textEncodingOf(bytes);
  let text: string | null = null;
  let nuls = 0;
  if (encoding.encoding === 'utf-16le' || encoding.encoding === 'utf-16be') {
    text = decodeText(bytes, encoding).text;
    nuls = text.includes('\0') ? BINARY_MIN_NULS : 0;
  } else {
    for (let i = bytes.indexOf(0); i !== -1 && nuls < BINARY_MIN_NULS; i = bytes.indexOf(0, i + 1)) nuls++;
  }
  if (nuls >= BINARY_MIN_NULS) {
    text ??= decodeText(bytes, encoding).text;
    const binary = binaryProblem(text);
    if (binary) return refused(binary, 'csv', 'not a text file (NUL characters)', encoding.encoding);
  }
  return { refusal: null, format: 'csv', encoding, text };
}
