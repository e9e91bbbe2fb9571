/**
 * The app's only ECharts import. Registers just the parts the charts use (tree-shaken `echarts/core`:
 * line, bar and scatter series; grid, tooltip, legend, markArea, markLine and aria components; the canvas
 * renderer). Add a part here when a chart needs it (DataZoomComponent alone adds ~12 kB gzip).
 * Re-exports what the rest of the app needs: `initChart` and `chartPng` for Chart.svelte, `encodeHTML` for
 * tooltip formatters, and the option type that the pure builders in `*-options.ts` return.
 */
import { format, init, use, type ComposeOption, type ECharts } from 'echarts/core';
import {
  BarChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption
} from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer
]);

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;
export type { LineSeriesOption, BarSeriesOption, ScatterSeriesOption };
export type ChartInstance = ECharts;

/** The page font, for every chart text (the canvas does not inherit CSS). */
export const CHART_FONT = "'Noto Sans Thai Variable', 'Noto Sans Thai', system-ui, sans-serif";

/** Escapes text from data (unit and KPI names, criteria) for ECharts' HTML tooltips. */
export const encodeHTML: (text: string) => string = format.encodeHTML;

/** Starts a chart on an element (browser only). */
export function initChart(element: HTMLElement): ChartInstance {
  return init(element, null, { renderer: 'canvas' });
}

/** A PNG of the chart on a white background, at twice the screen resolution. */
export function chartPng(chart: ChartInstance): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
}
