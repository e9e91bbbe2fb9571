/**
 * XML for the workbook reader (xlsx.ts, xlsx-sheet.ts): the subset that SpreadsheetML parts use (elements,
 * attributes, text, CDATA, the five entities and character references), read by `scanXml` with a visitor. No
 * DTD is read, so no entity can expand. Also `Unreadable` (a workbook we cannot read, with the Thai reason) and
 * the `_x000D_` string escapes (`unescapeString`).
 */

/** A workbook that is not one we can read: the reason ends up in the user's message. */
export class Unreadable extends Error {}

export type Attributes = Readonly<Record<string, string>>;

export interface XmlVisitor {
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

export function scanXml(xml: string, visitor: XmlVisitor): void {
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
export function unescapeString(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
