/**
 * Text in the LINE league image (league-image-layout.ts) without a canvas: the font a text is drawn in, the
 * caller's `measure`, and text cut or wrapped to a width — at word ends (Thai has no spaces: the word
 * segmenter finds them) and whole grapheme clusters, so no Thai vowel is left hanging. Pure.
 */
import type { Lang } from '../scoring/kpi-text';

export const FONT_FAMILY = '"Noto Sans Thai Variable", "Noto Sans Thai", sans-serif';

export interface Font {
  size: number;
  weight: 400 | 600 | 700;
}

/** The CSS font shorthand of a font in the app's Thai face. */
export function fontCss(font: Font): string {
  return `${font.weight} ${font.size}px ${FONT_FAMILY}`;
}

/** Width in px of `text` drawn in `font` (a canvas's measureText in the browser). */
export type Measure = (text: string, font: Font) => number;

const segmenters = new Map<string, Intl.Segmenter>();

/** Words (Thai has no spaces: the word segmenter finds them), each with the spaces after it. */
function words(text: string, lang: Lang): string[] {
  const locale = lang === 'th' ? 'th' : 'en';
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  const parts: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/.test(segment) && parts.length > 0) parts[parts.length - 1] += segment;
    else parts.push(segment);
  }
  return parts;
}

/** `text` cut to `width` with an ellipsis (whole grapheme clusters, so no Thai vowel is left hanging). */
export function fitText(text: string, width: number, font: Font, measure: Measure): string {
  if (measure(text, font) <= width) return text;
  const clusters = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)].map(
    (s) => s.segment
  );
  let kept = clusters.length;
  while (kept > 0 && measure(clusters.slice(0, kept).join('').trimEnd() + '…', font) > width) kept--;
  return clusters.slice(0, kept).join('').trimEnd() + '…';
}

/** `text` broken into lines no wider than `width` at word ends, at most `maxLines` (the last one cut). */
export function wrapText(
  text: string,
  width: number,
  font: Font,
  measure: Measure,
  lang: Lang,
  maxLines = Infinity
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text.trim(), lang)) {
    const candidate = line + word;
    if (line === '' || measure(candidate.trimEnd(), font) <= width) line = candidate;
    else {
      lines.push(line.trimEnd());
      line = word;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  const wide = lines.map((l) => (measure(l, font) > width ? fitText(l, width, font, measure) : l));
  if (wide.length <= maxLines) return wide;
  const kept = wide.slice(0, maxLines);
  kept[maxLines - 1] = fitText(
    wide.slice(maxLines - 1).join(lang === 'th' ? '' : ' ') + '…',
    width,
    font,
    measure
  );
  return kept;
}
