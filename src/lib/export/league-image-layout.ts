/**
 * The league table as a picture for a LINE group chat (issue 13.6), laid out without a canvas: every text, box
 * and arrow with its place, so that sizes, rows and wording are unit-tested and the drawing
 * (league-image.ts) only paints the list. 1080 px wide, type large enough to read on a phone once the chat
 * shrinks the picture to the screen: a title (framework, period, "ข้อมูล ณ <latest month with data>"), the
 * headline figures (src/lib/scoring/headline.ts), every row with rank, movement, name, total and a level chip
 * per KPI in the level colours, a legend on the framework's scale, the source line and, for demo data, the
 * demo label at the top and the bottom. Pure: text widths come from the `measure` the caller gives.
 *
 * This module lays out the title, the legend and the source line and puts the parts together; the page
 * (sizes, colours, fonts, item kinds) is league-image-paint.ts, text fitting league-image-text.ts, the
 * headline panel league-image-headline.ts and the table league-image-table.ts.
 */
import {
  BELOW_STYLE,
  LEVEL_STEPS,
  MISSING_STYLE,
  legendScales,
  legendSwatches
} from '../charts/level-colors';
import { monthLabel, periodLabel } from '../domain/periods';
import type { StringKey } from '../i18n/strings';
import type { Headline } from '../scoring/headline';
import { fill } from '../scoring/headline-text';
import type { Lang } from '../scoring/kpi-text';
import type { LeagueTable } from '../scoring/league';
import { headlinePanel } from './league-image-headline';
import { COLORS, FONTS as F, IMAGE_WIDTH, INNER, ImageItems, PAD, type DrawItem } from './league-image-paint';
import { leagueTableRows, type ImageRow } from './league-image-table';
import { fitText, fontCss, wrapText, type Font, type Measure } from './league-image-text';

export { COLORS, IMAGE_WIDTH, type DrawItem } from './league-image-paint';
export { chipGrid, type ImageRow } from './league-image-table';
export { FONT_FAMILY, fitText, fontCss, wrapText, type Font, type Measure } from './league-image-text';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LeagueImageLayout {
  width: number;
  height: number;
  items: DrawItem[];
  /** Where the framework's name, the period and the data-as-of line are drawn. */
  titleBox: Box;
  /** Where the headline figures are drawn. */
  headlineBox: Box;
  rows: ImageRow[];
  /** Every font the drawing uses (to be loaded before drawing). */
  fonts: Font[];
}

export interface LeagueImageInput {
  table: LeagueTable;
  headline: Headline;
  t: (key: StringKey) => string;
  lang: Lang;
  demo: boolean;
  printed: Date;
  measure: Measure;
}

const TITLE_LINE = 46;
const TITLE_MAX_LINES = 3;
const SWATCH = 34;

/** The latest month any district reported in, as an ISO month; null when nothing was reported. */
export function latestMonth(table: LeagueTable): string | null {
  let latest: string | null = null;
  for (const row of table.rows)
    for (const cell of Object.values(row.cells))
      if (cell.lastMonth !== null && (latest === null || cell.lastMonth > latest)) latest = cell.lastMonth;
  return latest;
}

/** `3 ธันวาคม 2569` / `3 December 2026`. */
export function printedDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', { dateStyle: 'long' }).format(date);
}

export function leagueImageLayout(input: LeagueImageInput): LeagueImageLayout {
  const items = new ImageItems();
  let y = demoBand(items, input);
  const title = titleBlock(items, input, y);
  const headline = headlinePanel(items, input, title.y);
  const table = leagueTableRows(items, input, headline.y + 24);
  y = legend(items, input, table.y + 20);
  y = sourceLine(items, input, y);
  const fonts = [
    ...new Map(
      items.list
        .flatMap((item) => (item.kind === 'text' ? [item.font] : []))
        .map((font) => [fontCss(font), font])
    ).values()
  ];
  return {
    width: IMAGE_WIDTH,
    height: Math.ceil(y),
    items: items.list,
    titleBox: title.box,
    headlineBox: headline.box,
    rows: table.rows,
    fonts
  };
}

/** For demo data, the demo label on a band across the top; the y under it. */
function demoBand(items: ImageItems, { t, demo }: LeagueImageInput): number {
  if (!demo) return 0;
  items.rect(0, 0, IMAGE_WIDTH, 48, COLORS.demo);
  items.text(t('demoLabel'), IMAGE_WIDTH / 2, 34, F.demo, COLORS.demoText, 'center');
  return 48;
}

/** The framework's name (up to three lines), the period and the data-as-of month; the y under them. */
function titleBlock(items: ImageItems, input: LeagueImageInput, top: number): { y: number; box: Box } {
  const { table, t, lang, measure } = input;
  let y = top + PAD - 8;
  const titleTop = y;
  for (const line of wrapText(table.framework.name, INNER, F.title, measure, lang, TITLE_MAX_LINES)) {
    y += TITLE_LINE;
    items.text(line, PAD, y - 12, F.title);
  }
  const month = latestMonth(table);
  const asOf = fill(t('dataAsOf'), {
    month: month === null ? t('lineImageNoData') : monthLabel(month, lang, 'long')
  });
  y += 38;
  items.text(
    fitText(`${periodLabel(table.period, lang, 'long')} · ${asOf}`, INNER, F.subtitle, measure),
    PAD,
    y - 8,
    F.subtitle,
    COLORS.muted
  );
  return { y, box: { x: PAD, y: titleTop, width: INNER, height: y - titleTop } };
}

/** The legend on the framework's scale, then below and not reported, wrapped to the width; the y under it. */
function legend(items: ImageItems, { table, t, measure }: LeagueImageInput, legendTop: number): number {
  let lx = PAD;
  let lineTop = legendTop;
  const place = (width: number) => {
    if (lx > PAD && lx + width > PAD + INNER) {
      lx = PAD;
      lineTop += SWATCH + 10;
    }
    const at = lx;
    lx += width;
    return at;
  };
  const legendTitle = `${t('legend')}:`;
  items.text(legendTitle, place(measure(legendTitle, F.small) + 12), lineTop + 25, F.small, COLORS.muted);
  const chipOf = (label: string, background: string | null, color: string, caption: string | null) => {
    const captionWidth = caption === null ? 0 : measure(caption, F.small) + 10;
    const at = place(SWATCH + captionWidth + 10);
    items.push({
      kind: 'rect',
      x: at,
      y: lineTop,
      width: SWATCH,
      height: SWATCH,
      radius: 5,
      fill: background,
      dashedStroke: background === null ? COLORS.missingStroke : null
    });
    items.text(label, at + SWATCH / 2, lineTop + SWATCH / 2 + 7, F.chip, color, 'center');
    if (caption !== null) items.text(caption, at + SWATCH + 8, lineTop + 25, F.small, COLORS.muted);
  };
  for (const scale of legendScales(table.framework))
    for (const { label, step } of legendSwatches(scale))
      chipOf(label, LEVEL_STEPS[step - 1].background, LEVEL_STEPS[step - 1].text, null);
  lx += 8;
  chipOf('×', BELOW_STYLE.background, BELOW_STYLE.text, t('levelBelow'));
  chipOf('–', null, MISSING_STYLE.text, t('levelMissing'));
  return lineTop + SWATCH + 28;
}

/** The source line (app and printed date) and, for demo data, the demo label at its right; the bottom. */
function sourceLine(items: ImageItems, { t, lang, demo, printed }: LeagueImageInput, top: number): number {
  const source = fill(t('lineImageSource'), { app: t('appName'), date: printedDate(printed, lang) });
  const y = top + 10;
  items.text(source, PAD, y, F.small, COLORS.muted);
  if (demo) items.text(t('demoLabel'), PAD + INNER, y, { size: 22, weight: 700 }, COLORS.demo, 'right');
  return y + PAD - 6;
}
