/**
 * Bytes → text. Directors' files are UTF-8 (with or without BOM) or Windows-874/TIS-620 (Thai Excel's
 * "CSV"); DuckDB reads only UTF-8, so every file is decoded here first (TECH-NOTES).
 */

export type TextEncodingName = 'utf-8' | 'windows-874' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/**
 * Decodes a file's bytes: a BOM decides; else valid UTF-8 is UTF-8 (also when only its last character was cut
 * off, which becomes U+FFFD so that the cell it was in is rejected, not silently changed); anything else is
 * read as Windows-874. `known`: what `textEncodingOf(bytes)` said, when the caller asked already.
 */
export function decodeText(
  bytes: Uint8Array,
  known: ReturnType<typeof textEncodingOf> = textEncodingOf(bytes)
): DecodedText {
  const { encoding, bom, cut } = known;
  if (cut) {
    const whole = bytes.subarray(0, bytes.length - incompleteUtf8Tail(bytes));
    return { text: new TextDecoder('utf-8').decode(whole) + '\uFFFD', encoding, bom };
  }
  const start = !bom ? 0 : encoding === 'utf-8' ? 3 : 2;
  return { text: new TextDecoder(encoding).decode(bytes.subarray(start)), encoding, bom };
}

/**
 * Which encoding `decodeText` reads the bytes as, without building the text when they are UTF-8 (issue 6: the
 * fast reader hands UTF-8 bytes to DuckDB as they are; decoding 18 MB only to check them took ~0.1 s).
 * `cut`: UTF-8 whose last character was cut off (decodeText ends its text with U+FFFD then).
 */
export function textEncodingOf(bytes: Uint8Array): {
  encoding: TextEncodingName;
  bom: boolean;
  cut: boolean;
} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bom: true, cut: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true, cut: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true, cut: false };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false, cut: false };
  if (isUtf8(bytes, bytes.length)) return { encoding: 'utf-8', bom: false, cut: false };
  const cut = incompleteUtf8Tail(bytes);
  if (cut > 0 && isUtf8(bytes, bytes.length - cut)) return { encoding: 'utf-8', bom: false, cut: true };
  return { encoding: 'windows-874', bom: false, cut: false };
}

/** Whether `bytes[0, end)` is well-formed UTF-8, exactly as a fatal TextDecoder decides (decode.test.ts). */
export function isUtf8(bytes: Uint8Array, end: number): boolean {
  let i = 0;
  while (i < end) {
    const c = bytes[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const c1 = i + 1 < end ? bytes[i + 1] : 0;
    if (c >= 0xc2 && c <= 0xdf) {
      if ((c1 & 0xc0) !== 0x80) return false;
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      const c2 = i + 2 < end ? bytes[i + 2] : 0;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return false;
      if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return false; // overlong; surrogate
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      const c2 = i + 2 < end ? bytes[i + 2] : 0;
      const c3 = i + 3 < end ? bytes[i + 3] : 0;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return false;
      if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return false; // overlong; above U+10FFFF
      i += 4;
    } else return false;
  }
  return true;
}

/**
 * UTF-16 written without a BOM (some exports do): the ASCII characters of a table (digits, commas, line ends)
 * have a zero byte every other byte, on the odd bytes for little-endian and the even ones for big-endian.
 * Neither UTF-8 nor Windows-874 text has zero bytes, so a fifth of one side being zero and almost none of the
 * other is UTF-16. (Thai letters in UTF-16 have no zero byte; tables always have enough ASCII.)
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** How many bytes at the end start a UTF-8 sequence that the file ends before finishing (0 when none). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    if (byte < 0xc0) return 0;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return length > back ? back : 0;
  }
  return 0;
}
