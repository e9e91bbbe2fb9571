/**
 * Trends charts (b) and (c): one KPI's measured value per month, lines over coloured zones, one zone per
 * band in the level colours (below every band in grey), and a dashed line where the target level starts.
 * Zones follow the KPI's direction: for a lower-is-better KPI the best zone is at the bottom.
 */
import type { Direction } from '../domain/bands';
import type { KpiPoint, TrendBand, TrendKpi } from '../scoring/trends';
import type { ChartOption, LineSeriesOption } from './echarts';
import { BELOW_STYLE, levelStyle } from './level-colors';
import {
  HELPER_PREFIX,
  MUTED_COLOR,
  TEXT_COLOR,
  TOOLTIP_BASE,
  baseOption,
  labelRoom,
  lineLegend,
  formatNumber,
  markerOf,
  paramList,
  seriesColor,
  tooltipLine,
  tooltipTitle
} from './options-common';

export interface BandZone {
  /** Level label; null for the zone below every band. */
  level: string | null;
  points: number | null;
  from: number;
  to: number;
  color: string;
}

/**
 * The value ranges of the bands, best first, clipped to `[lo, hi]`; empty ones dropped. A band runs from
 * its start to the start of the next better band (the best band to the edge, or to its upper bound for a
 * range); below the worst band (when there is no floor band `any`) is the grey zone.
 */
export function bandZones(
  bands: readonly TrendBand[],
  direction: Direction,
  topPoints: number | null,
  [lo, hi]: readonly [number, number]
): BandZone[] {
  const zones: BandZone[] = [];
  const push = (level: string | null, points: number | null, low: number, high: number, color: string) => {
    const from = Math.max(lo, low);
    const to = Math.min(hi, high);
    if (from < to) zones.push({ level, points, from, to, color });
  };
  let betterStart: number | null = null;
  let floor = false;
  bands.forEach((band, index) => {
    const color = levelStyle('ok', band.points, topPoints).background;
    const start = band.op === 'any' ? null : band.start;
    const ranged = band.op === 'between';
    if (direction === 1) {
      const high = index === 0 ? (ranged ? (band.value2 ?? Infinity) : Infinity) : (betterStart ?? Infinity);
      push(band.level, band.points, start ?? -Infinity, high, color);
    } else {
      const low = index === 0 ? (ranged ? (band.value ?? -Infinity) : -Infinity) : (betterStart ?? -Infinity);
      push(band.level, band.points, low, start ?? Infinity, color);
    }
    if (start === null) floor = true;
    else betterStart = start;
  });
  if (!floor && betterStart !== null) {
    if (direction === 1) push(null, null, -Infinity, betterStart, BELOW_STYLE.background);
    else push(null, null, betterStart, Infinity, BELOW_STYLE.background);
  }
  return zones;
}

/** A round step near `span / 5`: 1, 2, 2.5 or 5 × a power of ten. */
export function niceStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}

/**
 * The value axis range: every measured value and every band edge, padded and rounded to a nice step, not
 * below 0 when nothing is negative.
 */
export function valueExtent(
  values: readonly (number | null)[],
  bands: readonly TrendBand[]
): [number, number] {
  const numbers = [
    ...values,
    ...bands.flatMap((band) => (band.op === 'any' ? [] : [band.value, band.value2, band.start]))
  ].filter((v): v is number => v !== null && Number.isFinite(v));
  if (numbers.length === 0) return [0, 1];
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 1);
  const step = niceStep(max - min + 2 * pad);
  let lo = Math.floor((min - pad) / step) * step;
  const hi = Math.ceil((max + pad) / step) * step;
  if (min >= 0 && lo < 0) lo = 0;
  return [lo, hi];
}

/** Font size of the zone labels right of the plot, px. */
const ZONE_LABEL_SIZE = 11;
const TARGET_COLOR = '#17324d';

export interface KpiTrendTexts {
  /** `ระดับ 5` from a level label. */
  level: (level: string) => string;
  below: string;
  notReported: string;
  /** `เส้นประ: เป้าหมาย (ระดับ 5)` from the target level label (the dashed line's name, in the axis title). */
  target: (level: string) => string;
  yAxis: string;
  description: string;
}

export interface KpiTrendChartInput {
  kpi: TrendKpi;
  bands: readonly TrendBand[];
  monthLabels: readonly string[];
  units: readonly { name: string; points: readonly KpiPoint[] }[];
  texts: KpiTrendTexts;
  /** Small multiple: no legend, no zone labels, tighter grid. */
  compact?: boolean;
}

/** The band that meets the target: the target level's, else the best band. */
export function targetBand(kpi: TrendKpi, bands: readonly TrendBand[]): TrendBand | null {
  return bands.find((band) => kpi.targetLevel !== null && band.level === kpi.targetLevel) ?? bands[0] ?? null;
}

export function kpiTrendOptions(input: KpiTrendChartInput): ChartOption {
  const { kpi, bands, monthLabels, units, texts, compact = false } = input;
  const extent = valueExtent(
    units.flatMap((unit) => unit.points.map((p) => p.measured)),
    bands
  );
  const zones = bandZones(bands, kpi.direction, kpi.topPoints, extent);
  const target = targetBand(kpi, bands);
  const targetText = target && target.start !== null ? texts.target(target.level) : '';
  const zoneText = (zone: { level: string | null }) =>
    zone.level === null ? texts.below : texts.level(zone.level);
  const zoneRoom = labelRoom(zones.map(zoneText), ZONE_LABEL_SIZE);
  const series: LineSeriesOption[] = units.map((unit, index) => unitLine(unit, index, compact));
  series.push(bandsSeries({ zones, zoneText, zoneRoom, target, monthLabels, compact }));
  return {
    ...baseOption(texts.description),
    legend: compact ? { show: false } : lineLegend(units.map((unit) => unit.name)),
    grid: compact
      ? { left: 4, right: 8, top: 12, bottom: 4 }
      : { left: 8, right: zoneRoom, top: 64, bottom: 8 },
    xAxis: {
      type: 'category',
      data: [...monthLabels],
      boundaryGap: false,
      axisLabel: { hideOverlap: true, fontSize: compact ? 10 : 12 }
    },
    yAxis: {
      type: 'value',
      min: extent[0],
      max: extent[1],
      name: compact ? undefined : targetText ? `${texts.yAxis} · ${targetText}` : texts.yAxis,
      nameTextStyle: { color: MUTED_COLOR, align: 'left' },
      splitLine: { show: false },
      axisLabel: { fontSize: compact ? 10 : 12, formatter: (value: number) => formatNumber(value) }
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      formatter: monthTooltip(units, monthLabels, texts)
    },
    series
  };
}

/** One unit's measured values as a line of hollow markers (in one colour on a small multiple). */
function unitLine(
  unit: KpiTrendChartInput['units'][number],
  index: number,
  compact: boolean
): LineSeriesOption {
  const color = compact ? TEXT_COLOR : seriesColor(index);
  return {
    type: 'line',
    name: unit.name,
    data: unit.points.map((p) => p.measured),
    color,
    connectNulls: false,
    symbol: 'circle',
    symbolSize: compact ? 6 : 8,
    showSymbol: true,
    itemStyle: { color: '#ffffff', borderColor: color, borderWidth: 2 },
    lineStyle: { width: compact ? 2 : 2.5, color },
    z: 4
  };
}

/** The helper series that draws the band zones (labelled right of the plot) and the dashed target line. */
function bandsSeries({
  zones,
  zoneText,
  zoneRoom,
  target,
  monthLabels,
  compact
}: {
  zones: BandZone[];
  zoneText: (zone: { level: string | null }) => string;
  zoneRoom: number;
  target: TrendBand | null;
  monthLabels: readonly string[];
  compact: boolean;
}): LineSeriesOption {
  return {
    id: `${HELPER_PREFIX}bands`,
    type: 'line',
    data: monthLabels.map(() => null),
    silent: true,
    showSymbol: false,
    tooltip: { show: false },
    markArea: {
      silent: true,
      data: zones.map((zone) => [
        {
          yAxis: zone.from,
          itemStyle: { color: zone.color, opacity: zone.level === null ? 0.25 : 0.38 },
          // Right of the plot, where no line runs (issue 13.7: lines crossed them inside the zones).
          label: {
            show: !compact,
            position: 'right',
            distance: 6,
            width: zoneRoom - 12,
            overflow: 'truncate',
            color: TEXT_COLOR,
            fontSize: ZONE_LABEL_SIZE,
            formatter: () => zoneText(zone)
          }
        },
        { yAxis: zone.to }
      ])
    },
    // The dashed target line is named in the y axis's title, above the plot, where no line runs either.
    markLine:
      target && target.start !== null
        ? {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: TARGET_COLOR, width: 1.5 },
            label: { show: false },
            data: [{ yAxis: target.start }]
          }
        : undefined
  };
}

/** The axis tooltip: the month, then each unit's value and level (or "not reported"). */
function monthTooltip(
  units: KpiTrendChartInput['units'],
  monthLabels: readonly string[],
  texts: KpiTrendTexts
): (params: unknown) => string {
  const pointText = (point: KpiPoint | undefined): string => {
    if (!point || point.status === 'missing') return texts.notReported;
    const value = formatNumber(point.measured);
    return point.status === 'below'
      ? `${value} (${texts.below})`
      : `${value} (${texts.level(point.level ?? '')})`;
  };
  return (params: unknown) => {
    const list = paramList(params).filter((p) => (p.seriesIndex ?? 0) < units.length);
    const month = monthLabels[list[0]?.dataIndex ?? 0] ?? '';
    const lines = list.map((p) => {
      const unit = units[p.seriesIndex ?? 0];
      return tooltipLine(markerOf(p), unit.name, pointText(unit.points[p.dataIndex]));
    });
    return tooltipTitle(month) + lines.join('<br/>');
  };
}
