/**
 * Paints a league-image layout (league-image-layout.ts) on a canvas and gives the PNG: the thin DOM layer.
 * The app's Thai face is loaded first (`document.fonts.load` for every font the layout uses, with Thai and
 * Latin text, so both subsets of Noto Sans Thai are fetched): a canvas never waits for a web font and would
 * otherwise draw the fallback face.
 */
import type { Headline } from '../scoring/headline';
import type { LeagueTable } from '../scoring/league';
import type { Lang } from '../scoring/kpi-text';
import type { StringKey } from '../i18n/strings';
import { fontCss, leagueImageLayout, type Font, type LeagueImageLayout } from './league-image-layout';

/** Thai and Latin letters and digits: loading with this text fetches every subset the picture needs. */
const SAMPLE = 'กขคอำเภอ ABC 123 –·×';

export async function loadImageFonts(fonts: readonly Font[]): Promise<void> {
  await Promise.all(fonts.map((font) => document.fonts.load(fontCss(font), SAMPLE)));
}

function roundedRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  if (r > 0) ctx.roundRect(x, y, w, h, r);
  else ctx.rect(x, y, w, h);
}

export function paintLayout(
  ctx: CanvasRenderingContext2D,
  layout: LeagueImageLayout,
  background: string
): void {
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  for (const item of layout.items) {
    if (item.kind === 'text') {
      ctx.font = fontCss(item.font);
      ctx.fillStyle = item.color;
      ctx.textAlign = item.align;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(item.text, item.x, item.y);
    } else if (item.kind === 'rect') {
      roundedRect(ctx, item.x, item.y, item.width, item.height, item.radius);
      if (item.fill !== null) {
        ctx.fillStyle = item.fill;
        ctx.fill();
      }
      if (item.dashedStroke !== null) {
        ctx.save();
        ctx.setLineDash([4, 3]);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = item.dashedStroke;
        ctx.stroke();
        ctx.restore();
      }
    } else {
      const half = item.size / 2;
      const sign = item.direction === 'up' ? 1 : -1;
      ctx.beginPath();
      ctx.moveTo(item.x - half, item.y + (sign * half) / 1.2);
      ctx.lineTo(item.x + half, item.y + (sign * half) / 1.2);
      ctx.lineTo(item.x, item.y - (sign * half) / 1.2);
      ctx.closePath();
      ctx.fillStyle = item.color;
      ctx.fill();
    }
  }
}

export interface LeagueImageOptions {
  table: LeagueTable;
  headline: Headline;
  t: (key: StringKey) => string;
  lang: Lang;
  demo: boolean;
  printed?: Date;
}

/** The PNG of the league table with its headline, and the layout it was drawn from. */
export async function leagueImagePng(
  options: LeagueImageOptions
): Promise<{ png: Blob; layout: LeagueImageLayout }> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D is not available');
  const measure = (text: string, font: Font) => {
    ctx.font = fontCss(font);
    return ctx.measureText(text).width;
  };
  // Two passes: the fonts to load are the layout's own, and text is measured only once they are loaded.
  const draft = leagueImageLayout({ ...options, printed: options.printed ?? new Date(), measure });
  await loadImageFonts(draft.fonts);
  const layout = leagueImageLayout({ ...options, printed: options.printed ?? new Date(), measure });
  canvas.width = layout.width;
  canvas.height = layout.height;
  paintLayout(ctx, layout, '#ffffff');
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('the picture could not be encoded as PNG');
  return { png, layout };
}
