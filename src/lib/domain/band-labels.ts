/**
 * A band's Thai criterion text and its numbers (issue 14): the text written from the band's op and
 * threshold(s) (`ไม่น้อยกว่าร้อยละ 95`), the numbers a text holds (Thai or Arabic digits), and a text brought
 * in line when a threshold changes (the letter's own wording kept, only the number replaced, in the digits it
 * was written in). Pure.
 */
import type { Band, Kpi } from './framework';
import { thaiDigitsToAscii } from './thai-text';

const THAI_ZERO = 0x0e50;
const NUMBER = /[0-9\u0E50-\u0E59]+(?:,[0-9\u0E50-\u0E59]{3})*(?:\.[0-9\u0E50-\u0E59]+)?/g;

export interface NumberInText {
  value: number;
  /** Where it is in the text, and whether it was written in Thai digits. */
  start: number;
  end: number;
  thai: boolean;
}

/** The numbers of a text, in order: `ร้อยละ ๙๕`, `1,000 ครัวเรือน`, `0.5`. */
export function numbersIn(text: string): NumberInText[] {
  const out: NumberInText[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const written = match[0];
    const value = Number(thaiDigitsToAscii(written).replaceAll(',', ''));
    if (!Number.isFinite(value)) continue;
    out.push({
      value,
      start: match.index,
      end: match.index + written.length,
      thai: /[\u0E50-\u0E59]/.test(written)
    });
  }
  return out;
}

function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(THAI_ZERO + Number(digit)));
}

/** A number as a label writes it: plain digits (no float noise), in Thai digits when asked. */
export function numberWord(value: number, thai = false): string {
  const plain = String(Number(value.toPrecision(12)));
  return thai ? toThaiDigits(plain) : plain;
}

/**
 * The text with every `from` replaced by `to`, each in the digits it was written in; null when the text does
 * not hold `from` (nothing to bring in line).
 */
export function replaceNumber(text: string, from: number, to: number): string | null {
  const found = numbersIn(text).filter((number) => number.value === from);
  if (found.length === 0) return null;
  let out = text;
  for (const number of [...found].reverse()) {
    out = out.slice(0, number.start) + numberWord(to, number.thai) + out.slice(number.end);
  }
  return out;
}

/**
 * True when a threshold changed from `before` to `after` and the label still says `before`, not `after`: the
 * text disagrees with the number that decides the level.
 */
export function labelIsStale(label: string, before: number | null, after: number | null): boolean {
  if (before === null || after === null || before === after) return false;
  const values = numbersIn(label).map((number) => number.value);
  return values.includes(before) && !values.includes(after);
}

/** Units written before the number in Thai (`ร้อยละ 95`); the others after it (`95 ครัวเรือน`). */
const UNIT_BEFORE = new Set(['ร้อยละ']);

/** The unit a band's threshold is in: the KPI's own unit, or ร้อยละ for a percentage measure. */
function unitOf(kpi: Pick<Kpi, 'measure' | 'unitLabel'>): string | null {
  if (kpi.measure === 'pct_of_target' || kpi.measure === 'growth_pct') return 'ร้อยละ';
  if (kpi.measure === 'rank_desc' || kpi.measure === 'rank_asc') return 'อันดับที่';
  return kpi.unitLabel?.trim() || null;
}

function amount(value: number, unit: string | null, thai: boolean): string {
  const number = numberWord(value, thai);
  if (unit === null) return number;
  return UNIT_BEFORE.has(unit) || unit === 'อันดับที่' ? `${unit} ${number}` : `${number} ${unit}`;
}

/**
 * The criterion text written from a band's numbers: `ไม่น้อยกว่าร้อยละ 95`, `มากกว่า 3 ครัวเรือน`,
 * `ร้อยละ 80 – 90`, `ทุกค่าที่ไม่ถึงระดับอื่น`.
 */
export function labelFromNumbers(
  band: Pick<Band, 'op' | 'value' | 'value2'>,
  kpi: Pick<Kpi, 'measure' | 'unitLabel'>,
  thai = false
): string {
  const unit = unitOf(kpi);
  const { value, value2 } = band;
  const glue = (word: string, text: string) =>
    text.startsWith('ร้อยละ') || text.startsWith('อันดับ') ? `${word}${text}` : `${word} ${text}`;
  switch (band.op) {
    case 'any':
      return 'ทุกค่าที่ไม่ถึงระดับอื่น';
    case 'between':
      if (value === null || value2 === null) return '';
      return unit === null
        ? `${numberWord(value, thai)} – ${numberWord(value2, thai)}`
        : UNIT_BEFORE.has(unit)
          ? `${unit} ${numberWord(value, thai)} – ${numberWord(value2, thai)}`
          : `${numberWord(value, thai)} – ${numberWord(value2, thai)} ${unit}`;
    default: {
      if (value === null) return '';
      const words: Record<string, string> = { '>=': 'ไม่น้อยกว่า', '>': 'มากกว่า', '<=': 'ไม่เกิน', '<': 'น้อยกว่า' };
      const word = words[band.op];
      return word ? glue(word, amount(value, unit, thai)) : '';
    }
  }
}
