import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, isUtf8, textEncodingOf } from './decode';

/** Windows-874 bytes for Thai letters: U+0E01..U+0E5B map to 0xA1..0xFB. */
function windows874(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0) as number;
      return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0e01 + 0xa1 : code;
    })
  );
}

describe('decodeText', () => {
  it.each([
    ['UTF-8 without BOM', new TextEncoder().encode('อำเภอ,ผล\nบางคล้า,95'), 'utf-8', false],
    [
      'UTF-8 with BOM',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('อำเภอ,ผล\nบางคล้า,95')]),
      'utf-8',
      true
    ],
    ['Windows-874', windows874('อำเภอ,ผล\nบางคล้า,95'), 'windows-874', false]
  ])('%s', (_name, bytes, encoding, bom) => {
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe('อำเภอ,ผล\nบางคล้า,95');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.bom).toBe(bom);
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('kpi,value')).encoding).toBe('utf-8');
  });
});

describe('decodeText on a cut file', () => {
  const bytes = new TextEncoder().encode('อำเภอ,ผล\nบางคล้า,95\nราชสาส์น');
  it.each([1, 2])(
    'stays UTF-8 when the last character lost %i byte(s), marking the cut with U+FFFD',
    (lost) => {
      const decoded = decodeText(bytes.subarray(0, bytes.length - lost));
      expect(decoded.encoding).toBe('utf-8');
      expect(decoded.text).toBe('อำเภอ,ผล\nบางคล้า,95\nราชสาส์\uFFFD');
    }
  );

  it('still reads invalid UTF-8 in the middle as Windows-874', () => {
    expect(decodeText(Uint8Array.from([0xa1, 0x2c, 0xe0, 0xb8])).encoding).toBe('windows-874');
  });
});

describe('isUtf8 and textEncodingOf (the fast reader checks bytes without decoding them)', () => {
  const fatal = (bytes: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  /** Valid UTF-8 with a few bytes changed, cut or inserted: near-misses of every kind. */
  const nearlyUtf8 = fc
    .tuple(
      fc.string({
        unit: fc.constantFrom('a', ',', 'ก', 'ำ', '€', '😀', '\u0e3f', '\ud7ff', '\ue000', '\uffff'),
        maxLength: 30
      }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
      fc.nat()
    )
    .map(([text, changes, cut]) => {
      const bytes = [...new TextEncoder().encode(text)];
      for (const [at, byte] of changes) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return Uint8Array.from(bytes.slice(0, bytes.length - (cut % 4)));
    });
  const edges = [
    [0xc0, 0x80], // overlong NUL
    [0xc1, 0xbf],
    [0xe0, 0x9f, 0xbf], // overlong
    [0xe0, 0xa0, 0x80],
    [0xed, 0xa0, 0x80], // surrogate
    [0xed, 0x9f, 0xbf],
    [0xf0, 0x8f, 0xbf, 0xbf], // overlong
    [0xf0, 0x90, 0x80, 0x80],
    [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF
    [0xf4, 0x90, 0x80, 0x80], // above it
    [0xf5, 0x80, 0x80, 0x80],
    [0xff],
    [0xe0, 0xa0],
    [0x80]
  ].map((bytes) => Uint8Array.from(bytes));

  it('decides as a fatal TextDecoder does, on edge cases and random near-misses', () => {
    for (const bytes of edges) expect(isUtf8(bytes, bytes.length), String([...bytes])).toBe(fatal(bytes));
    fc.assert(
      fc.property(fc.oneof(nearlyUtf8, fc.uint8Array({ maxLength: 12 })), (bytes) => {
        expect(isUtf8(bytes, bytes.length)).toBe(fatal(bytes));
      }),
      { numRuns: 5000 }
    );
  });

  it('names the encoding decodeText reads (and a cut last character)', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyUtf8, fc.uint8Array({ maxLength: 40 })), (bytes) => {
        const decoded = decodeText(bytes);
        const sniffed = textEncodingOf(bytes);
        expect(sniffed.encoding).toBe(decoded.encoding);
        expect(sniffed.bom).toBe(decoded.bom);
        if (sniffed.cut) expect(decoded.text.endsWith('\uFFFD')).toBe(true);
      }),
      { numRuns: 5000 }
    );
    const cut = new TextEncoder().encode('ผล,ก').slice(0, -1);
    expect(textEncodingOf(cut)).toEqual({ encoding: 'utf-8', bom: false, cut: true });
  });
});
