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

/** Decodes a file's bytes: a BOM decides; else valid UTF-8 is UTF-8; anything else is read as Windows-874. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('windows-874').decode(bytes), encoding: 'windows-874', bom: false };
  }
}
