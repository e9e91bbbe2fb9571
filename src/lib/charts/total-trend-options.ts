/**
 * Trends chart (a): the weighted total per month of the chosen units, one line each, against the province
 * mean and median (dashed and dotted grey). Missing months are gaps: lines are not joined across them.
 */
import type { TotalTrend } from '../scoring/trends';
import type { ChartOption, LineSeriesOption } from './echarts';
import {
  MEAN_COLOR,
  MEDIAN_COLOR,
  MUTED_COLOR,
  TOOLTIP_BASE,
  baseOption,
  lineLegend,
  formatNumber,
  markerOf,
  paramList,
  seriesColor,
  tooltipLine,
  tooltipTitle
} from './options-common';

export interface TotalTrendTexts {
  mean: string;
  median: string;
  yAxis: string;
  notReported: string;
  description: string;
}

export function totalTrendOptions(
  trend: TotalTrend,
  monthLabels: readonly string[],
  texts: TotalTrendTexts
): ChartOption {
  const line = (
    name: string,
    data: (number | null)[],
    color: string,
    dash?: 'dashed' | 'dotted'
  ): LineSeriesOption => ({
    type: 'line',
    name,
    data,
    color,
    connectNulls: false,
    showSymbol: true,
    symbol: dash ? 'none' : 'circle',
    symbolSize: 7,
    lineStyle: { width: dash ? 2 : 2.5, type: dash ?? 'solid', color },
    z: dash ? 2 : 3
  });
  const series: LineSeriesOption[] = [
    ...trend.units.map((unit, index) => line(unit.name, unit.totals, seriesColor(index))),
    line(texts.mean, trend.mean, MEAN_COLOR, 'dashed'),
    line(texts.median, trend.median, MEDIAN_COLOR, 'dotted')
  ];
  const values = (index: number): (number | null)[] =>
    index < trend.units.length
      ? trend.units[index].totals
      : index === trend.units.length
        ? trend.mean
        : trend.median;
  return {
    ...baseOption(texts.description),
    legend: lineLegend(series.map((s) => String(s.name))),
    grid: { left: 8, right: 16, top: 64, bottom: 8 },
    xAxis: { type: 'category', data: [...monthLabels], boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      name: texts.yAxis,
      nameTextStyle: { color: MUTED_COLOR, align: 'left' },
      min: 0,
      max: trend.maxTotal ?? undefined
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = paramList(params);
        const month = monthLabels[list[0]?.dataIndex ?? 0] ?? '';
        const lines = list.map((p) => {
          const index = p.seriesIndex ?? 0;
          const value = values(index)[p.dataIndex] ?? null;
          const text = value === null ? texts.notReported : formatNumber(value);
          return tooltipLine(markerOf(p), String(series[index]?.name ?? ''), text);
        });
        return tooltipTitle(month) + lines.join('<br/>');
      }
    },
    series
  };
}
