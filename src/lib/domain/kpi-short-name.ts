/**
 * A KPI's name short enough for a table header: the framework's own `shortName` when it has one, otherwise
 * one derived from the letter's name by dropping the wording every KPI starts with (`ระดับความสำเร็จของการ`,
 * `ร้อยละของ`) and keeping whole Thai words up to `SHORT_NAME_WIDTH` drawn characters (an ellipsis marks a
 * cut). Pure; Thai words are found with `Intl.Segmenter`.
 */
import type { Kpi } from './framework';

/** Drawn characters (Thai marks above and below a letter take no width) a header name may hold. */
export const SHORT_NAME_WIDTH = 12;

/** Opening wording of the letters' KPI names that says nothing about the KPI itself, longest first. */
const LEAD_INS = [
  'ระดับความสำเร็จของการ',
  'ระดับความสำเร็จในการ',
  'ระดับความสำเร็จการ',
  'ระดับความสำเร็จของ',
  'ระดับความสำเร็จ',
  'ร้อยละความสำเร็จของการ',
  'ร้อยละความสำเร็จของ',
  'ร้อยละที่เพิ่มขึ้นของ',
  'ร้อยละของจำนวน',
  'ร้อยละของการ',
  'ร้อยละของ',
  'ร้อยละการ',
  'ผลสำเร็จของการ',
  'ผลสำเร็จของ',
  'ความสำเร็จของการ',
  'จำนวน',
  'การ'
];

/** Width of a text as drawn: Thai vowel and tone marks above or below a letter take none. */
export function drawnWidth(text: string): number {
  return text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length;
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Names derived so far: the league table's headers derive every KPI's at every period switch (~0.1 ms each
 * with the word segmenter). Bounded: emptied when it holds more names than any set of frameworks has.
 */
const derived = new Map<string, string>();

/** A short name derived from a KPI's full name (see the module comment). */
export function deriveShortName(name: string, width = SHORT_NAME_WIDTH): string {
  const key = `${width}\u0000${name}`;
  let short = derived.get(key);
  if (short === undefined) {
    if (derived.size >= 5000) derived.clear();
    short = deriveNow(name, width);
    derived.set(key, short);
  }
  return short;
}

function deriveNow(name: string, width: number): string {
  const whole = name.replace(/\s+/g, ' ').trim();
  let rest = whole;
  for (let again = true; again;) {
    again = false;
    for (const lead of LEAD_INS) {
      if (rest.startsWith(lead) && rest.length > lead.length) {
        rest = rest.slice(lead.length).trim();
        again = true;
        break;
      }
    }
  }
  // Quotes and brackets around a name (`“โคก หนอง นา” โมเดล`) are dropped; the words stay.
  rest = rest.replace(/[“”"'‘’]/g, '').trim();
  if (drawnWidth(rest) <= width) return rest;
  let out = '';
  for (const { segment } of segmenter.segment(rest)) {
    if (drawnWidth(out + segment) > width - 1) break;
    out += segment;
  }
  out = out.replace(/[\s(\-/–,]+$/, '');
  // A first word longer than the whole width is cut inside it rather than left empty.
  if (out === '') out = [...rest].slice(0, width - 1).join('');
  return `${out}…`;
}

/** The header name of a KPI: its own `shortName`, else one derived from its name. */
export function kpiShortName(kpi: Pick<Kpi, 'name' | 'shortName'>): string {
  const own = kpi.shortName?.trim();
  return own ? own : deriveShortName(kpi.name);
}
