/**
 * Pieces every chart option shares: the Thai font, series colours that do not clash with the level
 * colours, number formatting, and a tooltip row whose text from data is HTML-escaped.
 */
import { drawnWidth } from '../domain/kpi-short-name';
import { CHART_FONT, encodeHTML, type ChartOption } from './echarts';

/** Lines of chosen units: dark, distinct from each other and from the (light) level zones behind them. */
export const SERIES_COLORS = [
  '#6a3d9a',
  '#1b7837',
  '#c51b7d',
  '#01665e',
  '#8c510a',
  '#252525',
  '#2c7fb8',
  '#d95f02'
] as const;
export const MEAN_COLOR = '#5b6573';
export const MEDIAN_COLOR = '#9aa3ae';
export const RISE_COLOR = '#1f5f99';
export const FALL_COLOR = '#b4441f';
export const TEXT_COLOR = '#1d2430';
export const MUTED_COLOR = '#5b6573';

/** Helper series (zones, stacked bases) carry ids with this prefix; they are not "series" to a reader. */
export const HELPER_PREFIX = 'helper:';

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/**
 * The legend of a chart with several lines: one row above the plot that pages sideways when it is wider
 * than the chart (a wrapped legend's height is unknown to the grid below it, and ran into the y-axis name on
 * a phone); the PNG button sits under the chart, so the whole row is the legend's.
 */
export function lineLegend(names: readonly string[]) {
  return { type: 'scroll' as const, top: 0, left: 0, right: 0, itemGap: 14, data: [...names] };
}

/** Labels right of the plot take at most this room, px; a longer label is cut short with an ellipsis. */
export const LABEL_ROOM_MAX = 120;

/** Room right of the plot for labels drawn there (`fontSize` px, Thai marks taking no width), px: the
 * widest label and a gap, at most `LABEL_ROOM_MAX` (a level label from a file can be any length). */
export function labelRoom(labels: readonly string[], fontSize: number): number {
  const widest = Math.max(0, ...labels.map(drawnWidth));
  return Math.min(LABEL_ROOM_MAX, Math.ceil(widest * fontSize * 0.62) + 12);
}

/** Tooltip settings every chart shares: the Thai font, kept inside the chart. */
export const TOOLTIP_BASE = { confine: true, textStyle: { fontFamily: CHART_FONT } } as const;

/** Options every chart starts from: font, no animation (slow office PCs, stable screenshots), aria. */
export function baseOption(description: string): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: TEXT_COLOR },
    aria: { enabled: true, label: { enabled: true, description } }
  };
}

/** The description a chart's option gives its readers (`baseOption`), '' when it has none. */
export function chartDescription(option: ChartOption): string {
  const aria = option.aria as { label?: { description?: unknown } } | undefined;
  return typeof aria?.label?.description === 'string' ? aria.label.description : '';
}

/** How many series a reader sees (helper series left out). */
export function visibleSeriesCount(option: ChartOption): number {
  const series =
    option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series];
  return series.filter((s) => !String(s.id ?? '').startsWith(HELPER_PREFIX)).length;
}

const formatters = new Map<number, Intl.NumberFormat>();

/** `1,234.56` (Thai locale, Arabic digits), at most `digits` decimals; '–' for null. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let format = formatters.get(digits);
  if (!format)
    formatters.set(digits, (format = new Intl.NumberFormat('th-TH', { maximumFractionDigits: digits })));
  return format.format(value);
}

/** One tooltip line: the series marker (ECharts' own HTML), the escaped name and the escaped value text. */
export function tooltipLine(marker: string, name: string, valueText: string): string {
  return `${marker}${encodeHTML(name)}: <b>${encodeHTML(valueText)}</b>`;
}

/** Tooltip heading (escaped). */
export function tooltipTitle(text: string): string {
  return `<div style="font-weight:600;margin-bottom:2px">${encodeHTML(text)}</div>`;
}

/** What ECharts hands an axis tooltip formatter, as far as the charts use it. */
export interface AxisTooltipParam {
  seriesIndex?: number;
  seriesId?: string;
  seriesName?: string;
  dataIndex: number;
  marker?: unknown;
  color?: unknown;
}

/** Axis-tooltip params as a list (ECharts passes one object or an array). */
export function paramList(params: unknown): AxisTooltipParam[] {
  const list = Array.isArray(params) ? params : [params];
  return list.filter((p): p is AxisTooltipParam => typeof p === 'object' && p !== null && 'dataIndex' in p);
}

/** ECharts' marker is its own HTML (a coloured dot); anything else is dropped. */
export function markerOf(param: AxisTooltipParam): string {
  return typeof param.marker === 'string' ? param.marker : '';
}
