/**
 * The league table as a picture for a LINE group chat (issue 13.6), laid out without a canvas: every text, box
 * and arrow with its place, so that sizes, rows and wording are unit-tested and the drawing
 * (league-image.ts) only paints the list. 1080 px wide, type large enough to read on a phone once the chat
 * shrinks the picture to the screen: a title (framework, period, "ข้อมูล ณ <latest month with data>"), the
 * headline figures (src/lib/scoring/headline.ts), every row with rank, movement, name, total and a level chip
 * per KPI in the level colours, a legend on the framework's scale, the source line and, for demo data, the
 * demo label at the top and the bottom. Pure: text widths come from the `measure` the caller gives.
 */
import {
  BELOW_STYLE,
  LEVEL_STEPS,
  MISSING_STYLE,
  legendScales,
  legendSwatches,
  levelStyle
} from '../charts/level-colors';
import { deriveKpiFacts } from '../domain/framework-validate';
import { monthLabel, periodLabel } from '../domain/periods';
import type { StringKey } from '../i18n/strings';
import type { Headline } from '../scoring/headline';
import { fill, unitsWord } from '../scoring/headline-text';
import { formatNumber, type Lang } from '../scoring/kpi-text';
import type { LeagueTable } from '../scoring/league';

export const IMAGE_WIDTH = 1080;
export const FONT_FAMILY = '"Noto Sans Thai Variable", "Noto Sans Thai", sans-serif';
const PAD = 36;
const INNER = IMAGE_WIDTH - 2 * PAD;

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

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageRow {
  unitId: string;
  y: number;
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

const F = {
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

const TITLE_LINE = 46;
const TITLE_MAX_LINES = 3;
const ROW_MIN = 54;
const CHIP_HEIGHT = 34;
const CHIP_GAP = 3;
const CHIP_MIN = 24;
const CHIP_MAX = 56;
const CODE_MIN = 14;
const COLUMNS = { rank: 56, movement: 72, total: 100, gap: 14 };
/** The name column: as wide as the longest name needs, within these bounds (long names are cut). */
const NAME_MIN = 150;
const NAME_MAX = 250;

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

const signed = (value: number, lang: Lang, digits = 2) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), lang, digits, digits)}`;

/** Chips of one row: as many per line as fit in `width`, each `chip` wide. */
export function chipGrid(kpis: number, width: number): { chip: number; perLine: number; lines: number } {
  if (kpis === 0) return { chip: CHIP_MAX, perLine: 1, lines: 0 };
  const even = Math.floor((width + CHIP_GAP) / kpis) - CHIP_GAP;
  if (even >= CHIP_MIN) return { chip: Math.min(CHIP_MAX, even), perLine: kpis, lines: 1 };
  const perLine = Math.max(1, Math.floor((width + CHIP_GAP) / (CHIP_MIN + CHIP_GAP)));
  return { chip: CHIP_MIN, perLine, lines: Math.ceil(kpis / perLine) };
}

export function leagueImageLayout(input: LeagueImageInput): LeagueImageLayout {
  const { table, headline, t, lang, demo, measure } = input;
  const items: DrawItem[] = [];
  const text = (
    value: string,
    x: number,
    y: number,
    font: Font,
    color: string = COLORS.text,
    align: 'left' | 'right' | 'center' = 'left'
  ) => items.push({ kind: 'text', text: value, x, y, font, color, align });
  const rect = (x: number, y: number, width: number, height: number, fillColor: string | null, radius = 0) =>
    items.push({ kind: 'rect', x, y, width, height, radius, fill: fillColor, dashedStroke: null });
  const unitWord = unitsWord(t, table.framework.province === null);

  let y = 0;
  if (demo) {
    rect(0, 0, IMAGE_WIDTH, 48, COLORS.demo);
    text(t('demoLabel'), IMAGE_WIDTH / 2, 34, F.demo, COLORS.demoText, 'center');
    y = 48;
  }

  // Title: the framework, the period, the data-as-of month.
  y += PAD - 8;
  const titleTop = y;
  for (const line of wrapText(table.framework.name, INNER, F.title, measure, lang, TITLE_MAX_LINES)) {
    y += TITLE_LINE;
    text(line, PAD, y - 12, F.title);
  }
  const month = latestMonth(table);
  const asOf = fill(t('dataAsOf'), {
    month: month === null ? t('lineImageNoData') : monthLabel(month, lang, 'long')
  });
  y += 38;
  text(
    fitText(`${periodLabel(table.period, lang, 'long')} · ${asOf}`, INNER, F.subtitle, measure),
    PAD,
    y - 8,
    F.subtitle,
    COLORS.muted
  );
  const titleBox = { x: PAD, y: titleTop, width: INNER, height: y - titleTop };

  // Headline figures, on a grey panel.
  y += 20;
  const panelTop = y;
  const panelIndex = items.length;
  const px = PAD + 24;
  const pw = INNER - 48;
  y += 20 + 28;
  text(
    t(table.framework.province === null ? 'lineImageAverageAll' : 'lineImageAverage'),
    px,
    y - 4,
    F.label,
    COLORS.muted
  );
  y += 50;
  const average = formatNumber(headline.average, lang, 2, 2);
  text(average, px, y - 6, F.figure);
  let fx = px + measure(average, F.figure) + 12;
  if (headline.maxTotal !== null) {
    const ofMax = fill(t('lineImageOfMax'), {
      max: formatNumber(headline.maxTotal, lang, 2),
      pct: formatNumber(headline.averagePct, lang, 1, 1)
    });
    text(ofMax, fx, y - 8, F.body, COLORS.muted);
    fx += measure(ofMax, F.body) + 28;
  }
  if (headline.change === null) {
    text(fitText(t('lineImageNoChange'), px + pw - fx, F.small, measure), fx, y - 8, F.small, COLORS.muted);
  } else {
    const change = fill(t('lineImageChange'), { sign: '', change: signed(headline.change, lang) });
    const color =
      headline.change > 0.00005 ? COLORS.up : headline.change < -0.00005 ? COLORS.down : COLORS.muted;
    if (Math.abs(headline.change) > 0.00005) {
      items.push({
        kind: 'triangle',
        x: fx + 10,
        y: y - 18,
        size: 20,
        direction: headline.change > 0 ? 'up' : 'down',
        color
      });
      fx += 28;
    }
    text(fitText(change, px + pw - fx, F.bodyBold, measure), fx, y - 8, F.bodyBold, color);
  }
  y += 40;
  text(
    fitText(
      fill(t('lineImageAtTarget'), { n: headline.atTarget, units: headline.units, unit: unitWord }),
      pw,
      F.body,
      measure
    ),
    px,
    y - 6,
    F.body
  );
  const losses = headline.losses.slice(0, 3);
  if (losses.length > 0) {
    y += 40;
    text(t('lineImageLosses'), px, y - 6, F.label, COLORS.muted);
    for (const loss of losses) {
      y += 36;
      const share = `${formatNumber(loss.share * 100, lang, 0)}%`;
      text(share, px + pw, y - 6, F.bodyBold, COLORS.down, 'right');
      const shareWidth = measure(share, F.bodyBold) + 16;
      text(fitText(`${loss.kpi.kpi} ${loss.kpi.name}`, pw - shareWidth, F.body, measure), px, y - 6, F.body);
    }
  }
  for (const [key, movers] of [
    ['lineImageRisers', headline.risers],
    ['lineImageFallers', headline.fallers]
  ] as const) {
    if (movers.length === 0) continue;
    y += 38;
    const names = movers.map((m) => `${m.unit} ${signed(m.movement, lang, 0)}`).join(' · ');
    text(fitText(`${t(key)}: ${names}`, pw, F.body, measure), px, y - 6, F.body);
  }
  y += 22;
  items.splice(panelIndex, 0, {
    kind: 'rect',
    x: PAD,
    y: panelTop,
    width: INNER,
    height: y - panelTop,
    radius: 10,
    fill: COLORS.panel,
    dashedStroke: null
  });
  const headlineBox = { x: PAD, y: panelTop, width: INNER, height: y - panelTop };

  // The table: header, then one row per district.
  const rankRight = PAD + COLUMNS.rank;
  const moveLeft = rankRight + COLUMNS.gap;
  const nameLeft = moveLeft + COLUMNS.movement;
  const longestName = Math.max(0, ...table.rows.map((row) => measure(row.unit, F.body)));
  const nameWidth = Math.min(NAME_MAX, Math.max(NAME_MIN, Math.ceil(longestName) + 12));
  const totalRight = nameLeft + nameWidth + COLUMNS.total;
  const chipsLeft = totalRight + COLUMNS.gap + 6;
  const chipsWidth = PAD + INNER - chipsLeft;
  const grid = chipGrid(table.kpis.length, chipsWidth);
  const facts = deriveKpiFacts(table.framework);
  const chipX = (index: number) => chipsLeft + (index % grid.perLine) * (grid.chip + CHIP_GAP);
  // KPI codes over their chips: the largest size at which every code fits its column; when even the smallest
  // does not, codes alternate between two lines (each then has two columns of room).
  const codes = table.kpis.map((kpi) => kpi.kpi);
  const codeFits = (size: number, room: number) =>
    codes.every((code) => measure(code, { ...F.header, size }) <= room);
  let codeSize = F.header.size;
  while (codeSize > CODE_MIN && !codeFits(codeSize, grid.chip + CHIP_GAP - 2)) codeSize--;
  const stagger = !codeFits(codeSize, grid.chip + CHIP_GAP - 2);
  if (stagger) {
    codeSize = F.header.size;
    while (codeSize > CODE_MIN && !codeFits(codeSize, 2 * (grid.chip + CHIP_GAP) - 4)) codeSize--;
  }
  const codeFont: Font = { ...F.header, size: codeSize };
  const codeLine = codeSize + 6;

  y += 24;
  const headerHeight = 12 + Math.max(1, grid.lines) * (stagger ? 2 : 1) * codeLine;
  const headerBase = y + headerHeight - 10;
  text(t('rank'), rankRight, headerBase, F.header, COLORS.muted, 'right');
  text(t('lineImageMove'), moveLeft, headerBase, F.header, COLORS.muted);
  text(
    t(table.framework.province === null ? 'lineImageProvinceHeader' : 'unit'),
    nameLeft,
    headerBase,
    F.header,
    COLORS.muted
  );
  text(t('total'), totalRight, headerBase, F.header, COLORS.muted, 'right');
  codes.forEach((code, index) => {
    const line =
      Math.floor(index / grid.perLine) * (stagger ? 2 : 1) + (stagger ? (index % grid.perLine) % 2 : 0);
    const room = stagger ? 2 * (grid.chip + CHIP_GAP) - 4 : grid.chip + CHIP_GAP - 2;
    text(
      fitText(code, room, codeFont, measure),
      chipX(index) + grid.chip / 2,
      y + 12 + (line + 1) * codeLine - 8,
      codeFont,
      COLORS.muted,
      'center'
    );
  });
  y += headerHeight;
  rect(PAD, y, INNER, 2, COLORS.rule);
  y += 2;

  const rowHeight = Math.max(ROW_MIN, grid.lines * (CHIP_HEIGHT + CHIP_GAP) - CHIP_GAP + 16);
  const rows: ImageRow[] = [];
  table.rows.forEach((row, index) => {
    const top = y;
    if (index % 2 === 1) rect(PAD, top, INNER, rowHeight, COLORS.zebra);
    const base = top + rowHeight / 2 + 9;
    text(String(row.rank), rankRight, base, F.bodyBold, COLORS.text, 'right');
    if (row.movement === null) text('–', moveLeft + 8, base, F.body, COLORS.muted);
    else if (row.movement === 0) text('=', moveLeft + 8, base, F.body, COLORS.muted);
    else {
      const up = row.movement > 0;
      const color = up ? COLORS.up : COLORS.down;
      items.push({
        kind: 'triangle',
        x: moveLeft + 9,
        y: top + rowHeight / 2,
        size: 18,
        direction: up ? 'up' : 'down',
        color
      });
      text(String(Math.abs(row.movement)), moveLeft + 24, base, F.bodyBold, color);
    }
    text(fitText(row.unit, nameWidth - 8, F.body, measure), nameLeft, base, F.body);
    text(formatNumber(row.total, lang, 2, 2), totalRight, base, F.bodyBold, COLORS.text, 'right');
    const chipsTop = top + (rowHeight - (grid.lines * (CHIP_HEIGHT + CHIP_GAP) - CHIP_GAP)) / 2;
    table.kpis.forEach((kpi, k) => {
      const cell = row.cells[kpi.kpi];
      const status = cell?.status ?? 'missing';
      const style = levelStyle(status, cell?.points ?? null, facts.get(kpi.kpi)?.topPoints ?? null);
      const cx = chipX(k);
      const cy = chipsTop + Math.floor(k / grid.perLine) * (CHIP_HEIGHT + CHIP_GAP);
      items.push({
        kind: 'rect',
        x: cx,
        y: cy,
        width: grid.chip,
        height: CHIP_HEIGHT,
        radius: 5,
        fill: status === 'missing' ? null : style.background,
        dashedStroke: status === 'missing' ? COLORS.missingStroke : null
      });
      const label = status === 'ok' ? (cell?.level ?? '') : status === 'below' ? '×' : '–';
      text(
        fitText(label, grid.chip - 4, F.chip, measure),
        cx + grid.chip / 2,
        cy + CHIP_HEIGHT / 2 + 7,
        F.chip,
        style.text,
        'center'
      );
    });
    rows.push({ unitId: row.unitId, y: top, height: rowHeight });
    y += rowHeight;
  });
  rect(PAD, y, INNER, 2, COLORS.rule);
  y += 2;

  // Legend on the framework's scale, then the source line.
  y += 20;
  const legendTop = y;
  let lx = PAD;
  let lineTop = legendTop;
  const swatch = 34;
  const place = (width: number) => {
    if (lx > PAD && lx + width > PAD + INNER) {
      lx = PAD;
      lineTop += swatch + 10;
    }
    const at = lx;
    lx += width;
    return at;
  };
  const legendTitle = `${t('legend')}:`;
  text(legendTitle, place(measure(legendTitle, F.small) + 12), lineTop + 25, F.small, COLORS.muted);
  const chipOf = (label: string, background: string | null, color: string, caption: string | null) => {
    const captionWidth = caption === null ? 0 : measure(caption, F.small) + 10;
    const at = place(swatch + captionWidth + 10);
    items.push({
      kind: 'rect',
      x: at,
      y: lineTop,
      width: swatch,
      height: swatch,
      radius: 5,
      fill: background,
      dashedStroke: background === null ? COLORS.missingStroke : null
    });
    text(label, at + swatch / 2, lineTop + swatch / 2 + 7, F.chip, color, 'center');
    if (caption !== null) text(caption, at + swatch + 8, lineTop + 25, F.small, COLORS.muted);
  };
  for (const scale of legendScales(table.framework))
    for (const { label, step } of legendSwatches(scale))
      chipOf(label, LEVEL_STEPS[step - 1].background, LEVEL_STEPS[step - 1].text, null);
  lx += 8;
  chipOf('×', BELOW_STYLE.background, BELOW_STYLE.text, t('levelBelow'));
  chipOf('–', null, MISSING_STYLE.text, t('levelMissing'));
  y = lineTop + swatch + 28;

  const source = fill(t('lineImageSource'), { app: t('appName'), date: printedDate(input.printed, lang) });
  y += 10;
  text(source, PAD, y, F.small, COLORS.muted);
  if (demo) text(t('demoLabel'), PAD + INNER, y, { size: 22, weight: 700 }, COLORS.demo, 'right');
  y += PAD - 6;

  const fonts = [
    ...new Map(
      items.flatMap((item) => (item.kind === 'text' ? [item.font] : [])).map((font) => [fontCss(font), font])
    ).values()
  ];
  return { width: IMAGE_WIDTH, height: Math.ceil(y), items, titleBox, headlineBox, rows, fonts };
}
