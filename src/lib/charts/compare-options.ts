/**
 * Compare chart: a dumbbell per unit, the weighted total in the earlier period (grey dot) and in the later
 * one (dark dot) joined by a bar coloured by the direction of the change. Units run best (top) to worst by
 * the later total. Built from two stacked bars (an invisible base up to the lower total, then the span)
 * and two scatter series.
 */
import type { CompareRow } from '../scoring/compare';
import type { BarSeriesOption, ChartOption, ScatterSeriesOption } from './echarts';
import {
  FALL_COLOR,
  HELPER_PREFIX,
  MUTED_COLOR,
  RISE_COLOR,
  TOOLTIP_BASE,
  baseOption,
  formatNumber,
  paramList,
  tooltipLine,
  tooltipTitle
} from './options-common';

export const BEFORE_COLOR = '#9aa3ae';
export const AFTER_COLOR = '#17324d';
const SAME_COLOR = '#9aa3ae';

export interface DumbbellTexts {
  before: string;
  after: string;
  change: string;
  xAxis: string;
  description: string;
}

export interface DumbbellPoint {
  name: string;
  before: number;
  after: number;
}

/** Units with a total in both periods, worst first (the category axis draws its first item at the bottom). */
export function dumbbellPoints(rows: readonly CompareRow[]): DumbbellPoint[] {
  return rows
    .flatMap((row) =>
      row.before && row.after ? [{ name: row.name, before: row.before.total, after: row.after.total }] : []
    )
    .sort((a, b) => a.after - b.after || a.before - b.before);
}

export function changeColor(point: DumbbellPoint): string {
  const delta = Math.round((point.after - point.before) * 10_000);
  return delta > 0 ? RISE_COLOR : delta < 0 ? FALL_COLOR : SAME_COLOR;
}

export function dumbbellOptions(
  points: readonly DumbbellPoint[],
  maxTotal: number | null,
  texts: DumbbellTexts
): ChartOption {
  const names = points.map((point) => point.name);
  return {
    ...baseOption(texts.description),
    legend: { top: 0, left: 0, right: 130, data: [texts.before, texts.after] },
    grid: { left: 8, right: 24, top: 40, bottom: 8 },
    xAxis: {
      type: 'value',
      min: 0,
      max: maxTotal ?? undefined,
      name: texts.xAxis,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: MUTED_COLOR }
    },
    yAxis: { type: 'category', data: names, axisTick: { show: false } },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: dumbbellTooltip(points, texts)
    },
    series: [
      ...dumbbellBars(points),
      dots(points, texts.before, BEFORE_COLOR, (p) => p.before),
      dots(points, texts.after, AFTER_COLOR, (p) => p.after)
    ]
  };
}

/** The bar of each dumbbell: an invisible base up to the lower total, then the span in the change's colour. */
function dumbbellBars(points: readonly DumbbellPoint[]): [BarSeriesOption, BarSeriesOption] {
  const base: BarSeriesOption = {
    id: `${HELPER_PREFIX}base`,
    type: 'bar',
    stack: 'dumbbell',
    silent: true,
    barWidth: 4,
    itemStyle: { color: 'transparent' },
    data: points.map((point) => Math.min(point.before, point.after))
  };
  const span: BarSeriesOption = {
    id: `${HELPER_PREFIX}span`,
    type: 'bar',
    stack: 'dumbbell',
    silent: true,
    barWidth: 4,
    data: points.map((point) => ({
      value: Math.abs(point.after - point.before),
      itemStyle: { color: changeColor(point) }
    }))
  };
  return [base, span];
}

/** One end of every dumbbell: the earlier or the later total as a dot. */
function dots(
  points: readonly DumbbellPoint[],
  name: string,
  color: string,
  pick: (point: DumbbellPoint) => number
): ScatterSeriesOption {
  return {
    type: 'scatter',
    name,
    color,
    symbolSize: 12,
    z: 3,
    data: points.map((point) => [pick(point), point.name])
  };
}

/** The axis tooltip: the unit, its two totals and the change. */
function dumbbellTooltip(points: readonly DumbbellPoint[], texts: DumbbellTexts) {
  return (params: unknown) => {
    const point = points[paramList(params)[0]?.dataIndex ?? -1];
    if (!point) return '';
    const dot = (color: string) =>
      `<span style="display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px;background:${color}"></span>`;
    const delta = point.after - point.before;
    return (
      tooltipTitle(point.name) +
      [
        tooltipLine(dot(BEFORE_COLOR), texts.before, formatNumber(point.before)),
        tooltipLine(dot(AFTER_COLOR), texts.after, formatNumber(point.after)),
        tooltipLine(dot(changeColor(point)), texts.change, `${delta > 0 ? '+' : ''}${formatNumber(delta)}`)
      ].join('<br/>')
    );
  };
}
