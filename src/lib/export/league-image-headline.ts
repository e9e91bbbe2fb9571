/**
 * The headline panel of the LINE league image (league-image-layout.ts): on a grey panel, the average total
 * (of the maximum, and its change against the previous period with an arrow), how many districts are at
 * target, the KPIs that lose the most points, and the biggest risers and fallers
 * (src/lib/scoring/headline.ts). Pure: text widths come from the caller's `measure`.
 */
import type { StringKey } from '../i18n/strings';
import type { Headline } from '../scoring/headline';
import { fill, unitsWord } from '../scoring/headline-text';
import { formatNumber, type Lang } from '../scoring/kpi-text';
import type { LeagueTable } from '../scoring/league';
import { COLORS, FONTS as F, INNER, PAD, type ImageItems } from './league-image-paint';
import { fitText, type Measure } from './league-image-text';

export interface HeadlineInput {
  table: LeagueTable;
  headline: Headline;
  t: (key: StringKey) => string;
  lang: Lang;
  measure: Measure;
}

/** The panel's text column: its left edge and width. */
interface Column {
  px: number;
  pw: number;
}

const signed = (value: number, lang: Lang, digits = 2) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), lang, digits, digits)}`;

/** The headline panel from `y` on (with a gap above it); the y under it and the panel's box. */
export function headlinePanel(
  items: ImageItems,
  input: HeadlineInput,
  top: number
): { y: number; box: { x: number; y: number; width: number; height: number } } {
  const { table, t } = input;
  let y = top + 20;
  const panelTop = y;
  const panelIndex = items.list.length;
  const column = { px: PAD + 24, pw: INNER - 48 };
  y += 20 + 28;
  items.text(
    t(table.framework.province === null ? 'lineImageAverageAll' : 'lineImageAverage'),
    column.px,
    y - 4,
    F.label,
    COLORS.muted
  );
  y += 50;
  averageLine(items, input, column, y);
  y += 40;
  atTargetLine(items, input, column, y);
  y = lossLines(items, input, column, y);
  y = moverLines(items, input, column, y);
  y += 22;
  items.list.splice(panelIndex, 0, {
    kind: 'rect',
    x: PAD,
    y: panelTop,
    width: INNER,
    height: y - panelTop,
    radius: 10,
    fill: COLORS.panel,
    dashedStroke: null
  });
  return { y, box: { x: PAD, y: panelTop, width: INNER, height: y - panelTop } };
}

/** The average total in large figures, of the maximum, then its change (or "no previous period"). */
function averageLine(items: ImageItems, input: HeadlineInput, { px, pw }: Column, y: number): void {
  const { headline, t, lang, measure } = input;
  const average = formatNumber(headline.average, lang, 2, 2);
  items.text(average, px, y - 6, F.figure);
  let fx = px + measure(average, F.figure) + 12;
  if (headline.maxTotal !== null) {
    const ofMax = fill(t('lineImageOfMax'), {
      max: formatNumber(headline.maxTotal, lang, 2),
      pct: formatNumber(headline.averagePct, lang, 1, 1)
    });
    items.text(ofMax, fx, y - 8, F.body, COLORS.muted);
    fx += measure(ofMax, F.body) + 28;
  }
  if (headline.change === null) {
    items.text(
      fitText(t('lineImageNoChange'), px + pw - fx, F.small, measure),
      fx,
      y - 8,
      F.small,
      COLORS.muted
    );
  } else averageChange(items, input, headline.change, px + pw, fx, y);
}

/** The change of the average from `fx` to `right`: an arrow when it moved, the signed change coloured. */
function averageChange(
  items: ImageItems,
  { t, lang, measure }: HeadlineInput,
  value: number,
  right: number,
  fx: number,
  y: number
): void {
  const change = fill(t('lineImageChange'), { sign: '', change: signed(value, lang) });
  const color = value > 0.00005 ? COLORS.up : value < -0.00005 ? COLORS.down : COLORS.muted;
  if (Math.abs(value) > 0.00005) {
    items.push({
      kind: 'triangle',
      x: fx + 10,
      y: y - 18,
      size: 20,
      direction: value > 0 ? 'up' : 'down',
      color
    });
    fx += 28;
  }
  items.text(fitText(change, right - fx, F.bodyBold, measure), fx, y - 8, F.bodyBold, color);
}

/** "n of m districts at target". */
function atTargetLine(items: ImageItems, input: HeadlineInput, { px, pw }: Column, y: number): void {
  const { table, headline, t, measure } = input;
  const unitWord = unitsWord(t, table.framework.province === null);
  items.text(
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
}

/** The (at most three) KPIs that lose the most points, each with its share of the loss; the y under them. */
function lossLines(items: ImageItems, input: HeadlineInput, { px, pw }: Column, y: number): number {
  const { headline, t, lang, measure } = input;
  const losses = headline.losses.slice(0, 3);
  if (losses.length > 0) {
    y += 40;
    items.text(t('lineImageLosses'), px, y - 6, F.label, COLORS.muted);
    for (const loss of losses) {
      y += 36;
      const share = `${formatNumber(loss.share * 100, lang, 0)}%`;
      items.text(share, px + pw, y - 6, F.bodyBold, COLORS.down, 'right');
      const shareWidth = measure(share, F.bodyBold) + 16;
      items.text(
        fitText(`${loss.kpi.kpi} ${loss.kpi.name}`, pw - shareWidth, F.body, measure),
        px,
        y - 6,
        F.body
      );
    }
  }
  return y;
}

/** One line of risers and one of fallers (each left out when empty); the y under them. */
function moverLines(items: ImageItems, input: HeadlineInput, { px, pw }: Column, y: number): number {
  const { headline, t, lang, measure } = input;
  for (const [key, movers] of [
    ['lineImageRisers', headline.risers],
    ['lineImageFallers', headline.fallers]
  ] as const) {
    if (movers.length === 0) continue;
    y += 38;
    const names = movers.map((m) => `${m.unit} ${signed(m.movement, lang, 0)}`).join(' · ');
    items.text(fitText(`${t(key)}: ${names}`, pw, F.body, measure), px, y - 6, F.body);
  }
  return y;
}
