/**
 * The page of the LINE league image (league-image-layout.ts): its width and margins, colours and fonts, the
 * kinds of item the drawing (league-image.ts) paints, and `ImageItems`, the list each part of the layout
 * adds its texts, boxes and arrows to, in drawing order. Pure.
 */
import type { Font } from './league-image-text';

export const IMAGE_WIDTH = 1080;
export const PAD = 36;
export const INNER = IMAGE_WIDTH - 2 * PAD;

export const COLORS = {
  background: '#ffffff',
  text: '#1d2430',
  muted: '#5b6573',
  zebra: '#f3f5f8',
  rule: '#d5dae1',
  panel: '#eef1f5',
  up: '#1f5f99',
  down: '#b4441f',
  demo: '#8a5a00',
  demoText: '#ffffff',
  missingStroke: '#8a8a8a'
} as const;

/** The fonts of the picture, by what they are used for. */
export const FONTS = {
  demo: { size: 26, weight: 700 },
  title: { size: 34, weight: 700 },
  subtitle: { size: 26, weight: 400 },
  label: { size: 24, weight: 400 },
  figure: { size: 40, weight: 700 },
  body: { size: 26, weight: 400 },
  bodyBold: { size: 26, weight: 700 },
  header: { size: 20, weight: 600 },
  chip: { size: 20, weight: 700 },
  small: { size: 22, weight: 400 }
} satisfies Record<string, Font>;

export type DrawItem =
  | {
      kind: 'text';
      text: string;
      x: number;
      /** Baseline. */
      y: number;
      font: Font;
      color: string;
      align: 'left' | 'right' | 'center';
    }
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      radius: number;
      fill: string | null;
      /** A dashed outline (the "not reported" chip). */
      dashedStroke: string | null;
    }
  | { kind: 'triangle'; x: number; y: number; size: number; direction: 'up' | 'down'; color: string };

/** The items of the picture in drawing order, with shorthands for a text and a plain box. */
export class ImageItems {
  readonly list: DrawItem[] = [];

  push(item: DrawItem): void {
    this.list.push(item);
  }

  text(
    value: string,
    x: number,
    y: number,
    font: Font,
    color: string = COLORS.text,
    align: 'left' | 'right' | 'center' = 'left'
  ): void {
    this.list.push({ kind: 'text', text: value, x, y, font, color, align });
  }

  rect(x: number, y: number, width: number, height: number, fillColor: string | null, radius = 0): void {
    this.list.push({ kind: 'rect', x, y, width, height, radius, fill: fillColor, dashedStroke: null });
  }
}
