import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';

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
