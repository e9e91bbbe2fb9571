import { describe, expect, test } from 'vitest';
import type { BandOp } from '../domain/framework';
import type { KpiPoint, TrendBand, TrendKpi } from '../scoring/trends';
import { BELOW_STYLE, LEVEL_STEPS } from './level-colors';
import {
  bandZones,
  kpiTrendOptions,
  niceStep,
  targetBand,
  valueExtent,
  type KpiTrendTexts
} from './kpi-trend-options';
import { labelRoom, visibleSeriesCount } from './options-common';

function bandsOf(op: BandOp, values: number[], levels?: string[], points?: number[]): TrendBand[] {
  return values.map((value, i) => ({
    level: levels?.[i] ?? String(values.length - i),
    points: points?.[i] ?? values.length - i,
    op,
    value,
    value2: null,
    label: `${op} ${value}`,
    start: value
  }));
}

const C = (step: number) => LEVEL_STEPS[step - 1].background;
const zoneRows = (zones: ReturnType<typeof bandZones>) => zones.map((z) => [z.level, z.from, z.to, z.color]);

describe('band zones', () => {
  test('lower is better (households remaining, seed 001): best zone lowest, best colour first', () => {
    const zones = bandZones(bandsOf('<=', [10, 20, 30, 40, 50]), -1, 5, [0, 60]);
    expect(zoneRows(zones)).toEqual([
      ['5', 0, 10, C(5)],
      ['4', 10, 20, C(4)],
      ['3', 20, 30, C(3)],
      ['2', 30, 40, C(2)],
      ['1', 40, 50, C(1)],
      [null, 50, 60, BELOW_STYLE.background]
    ]);
  });

  test('higher is better: best zone on top, below every band at the bottom', () => {
    const zones = bandZones(bandsOf('>=', [100, 90, 80, 70, 60]), 1, 5, [40, 120]);
    expect(zoneRows(zones)).toEqual([
      ['5', 100, 120, C(5)],
      ['4', 90, 100, C(4)],
      ['3', 80, 90, C(3)],
      ['2', 70, 80, C(2)],
      ['1', 60, 70, C(1)],
      [null, 40, 60, BELOW_STYLE.background]
    ]);
  });

  test('a floor band (seed 000: D catches everything) leaves no grey zone; A–D colours', () => {
    const bands = [
      ...bandsOf('>=', [90, 80, 70], ['A', 'B', 'C'], [4, 3, 2]),
      { level: 'D', points: 1, op: 'any' as const, value: null, value2: null, label: 'ต่ำกว่า 70', start: null }
    ];
    expect(zoneRows(bandZones(bands, 1, 4, [0, 100]))).toEqual([
      ['A', 90, 100, C(5)],
      ['B', 80, 90, C(4)],
      ['C', 70, 80, C(3)],
      ['D', 0, 70, C(1)] // the worst grade in the worst colour
    ]);
  });

  test('ranges: the best one ends at its upper bound, gaps between ranges are closed', () => {
    const bands: TrendBand[] = [
      { level: '3', points: 3, op: 'between', value: 90, value2: 100, label: '90–100', start: 90 },
      { level: '2', points: 2, op: 'between', value: 80, value2: 89, label: '80–89', start: 80 }
    ];
    expect(zoneRows(bandZones(bands, 1, 3, [0, 120]))).toEqual([
      ['3', 90, 100, C(5)],
      ['2', 80, 90, C(4)],
      [null, 0, 80, BELOW_STYLE.background]
    ]);
  });

  test('zones are clipped to the axis and empty ones dropped', () => {
    const zones = bandZones(bandsOf('<=', [10, 20, 30, 40, 50]), -1, 5, [0, 35]);
    expect(zoneRows(zones)).toEqual([
      ['5', 0, 10, C(5)],
      ['4', 10, 20, C(4)],
      ['3', 20, 30, C(3)],
      ['2', 30, 35, C(2)]
    ]);
  });
});

describe('value axis', () => {
  test.each([
    [0, 1],
    [5.8, 2],
    [63.8, 20],
    [1200, 250]
  ])('niceStep(%s) = %s', (span, step) => {
    expect(niceStep(span)).toBe(step);
  });

  test('covers the data and every threshold, rounded, not below 0 for non-negative data', () => {
    expect(valueExtent([50, 105, null], bandsOf('>=', [100, 90, 80, 70, 60]))).toEqual([40, 120]);
    expect(valueExtent([0, 5], bandsOf('>=', [5, 4, 3, 2, 1]))).toEqual([0, 6]);
    expect(valueExtent([], [])).toEqual([0, 1]);
    expect(valueExtent([-12, 8], [])).toEqual([-15, 10]);
  });
});

const TEXTS: KpiTrendTexts = {
  level: (level) => `ระดับ ${level}`,
  below: 'ต่ำกว่าเกณฑ์',
  notReported: 'ไม่ได้รายงาน',
  target: (level) => `เป้าหมาย (ระดับ ${level})`,
  yAxis: 'ครัวเรือน',
  description: 'กราฟ'
};

function kpi(direction: 1 | -1, targetLevel: string | null = null): TrendKpi {
  return {
    kpi: 'I1',
    name: 'ครัวเรือน',
    direction,
    topPoints: 5,
    targetLevel,
    measure: 'value',
    unitBands: false
  };
}

const point = (measured: number | null, level: string | null = null): KpiPoint => ({
  measured,
  level,
  points: level === null ? null : Number(level),
  status: measured === null ? 'missing' : level === null ? 'below' : 'ok'
});

describe('KPI trend chart', () => {
  const units = [
    { name: 'บางคล้า', points: [point(15, '4'), point(null), point(60)] },
    { name: '<img src=x onerror=alert(1)>', points: [point(5, '5'), point(25, '3'), point(null)] }
  ];
  const option = kpiTrendOptions({
    kpi: kpi(-1),
    bands: bandsOf('<=', [10, 20, 30, 40, 50]),
    monthLabels: ['เม.ย. 2565', 'พ.ค. 2565', 'มิ.ย. 2565'],
    units,
    texts: TEXTS
  });
  const series = option.series as {
    id?: string;
    data: unknown[];
    markArea?: { data: unknown[] };
    markLine?: { data: { yAxis: number }[] };
  }[];

  test('one line per unit with gaps kept, plus one helper series carrying the zones and the target', () => {
    expect(visibleSeriesCount(option)).toBe(2);
    expect(series[0].data).toEqual([15, null, 60]);
    expect(series[1].data).toEqual([5, 25, null]);
    const zones = series[2].markArea?.data as [
      { yAxis: number; itemStyle: { color: string } },
      { yAxis: number }
    ][];
    expect(zones.map(([from, to]) => [from.yAxis, to.yAxis, from.itemStyle.color])).toEqual([
      [0, 10, C(5)],
      [10, 20, C(4)],
      [20, 30, C(3)],
      [30, 40, C(2)],
      [40, 50, C(1)],
      [50, 80, BELOW_STYLE.background]
    ]);
    expect(series[2].markLine?.data).toEqual([{ yAxis: 10 }]);
    expect(option.yAxis).toMatchObject({ min: 0, max: 80 });
  });

  /** Higher is better, target level 4 (≥ 90). */
  const withTarget = kpiTrendOptions({
    kpi: kpi(1, '4'),
    bands: bandsOf('>=', [100, 90, 80, 70, 60]),
    monthLabels: ['ก.ค. 2565'],
    units: [{ name: 'ก', points: [point(85, '3')] }],
    texts: TEXTS
  });

  test('the target line sits where the target level starts', () => {
    const helper = (withTarget.series as { markLine?: { data: { yAxis: number }[] } }[])[1];
    expect(helper.markLine?.data).toEqual([{ yAxis: 90 }]);
    expect(targetBand(kpi(1, 'X'), bandsOf('>=', [100, 90]))?.level).toBe('2');
  });

  test('zone labels stand right of the plot, in room kept for the widest; the target is named in the axis title', () => {
    const helper = (
      withTarget.series as {
        markArea?: { data: [{ label: { position: string; formatter: () => string } }, unknown][] };
        markLine?: { label: { show: boolean } };
      }[]
    )[1];
    const labels = helper.markArea!.data.map(([from]) => from.label);
    // Outside each zone's right edge, which is the plot's: no line of a unit runs there.
    expect(labels.every((label) => label.position === 'right')).toBe(true);
    const texts = labels.map((label) => label.formatter());
    expect(texts).toEqual(['ระดับ 5', 'ระดับ 4', 'ระดับ 3', 'ระดับ 2', 'ระดับ 1', 'ต่ำกว่าเกณฑ์']);
    // ต่ำกว่าเกณฑ์ is the widest as drawn (9 of its 12 characters take width) at 11 px.
    const right = (withTarget.grid as { right: number }).right;
    expect(right).toBe(labelRoom(texts, 11));
    expect(right).toBeGreaterThanOrEqual(9 * 11 * 0.6);
    expect(labelRoom(['ระดับ 5'], 11)).toBeLessThan(right);
    // A level label from a file can be any length: the room stops at 120 px and the label is cut short.
    expect(labelRoom(['x'.repeat(200)], 11)).toBe(120);
    // The dashed line has no label over the plot; its name is in the y axis's title, above the plot.
    expect(helper.markLine?.label.show).toBe(false);
    expect((withTarget.yAxis as { name: string }).name).toBe('ครัวเรือน · เป้าหมาย (ระดับ 4)');
    expect((option.yAxis as { name: string }).name).toBe('ครัวเรือน · เป้าหมาย (ระดับ 5)');
  });

  test('the legend is one row across the whole width that pages sideways (the PNG button is under the chart)', () => {
    expect(option.legend).toEqual({
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemGap: 14,
      data: ['บางคล้า', '<img src=x onerror=alert(1)>']
    });
  });

  test('tooltip escapes unit names and tells levels, below and not reported apart', () => {
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter([
      { seriesIndex: 0, dataIndex: 2, marker: '' },
      { seriesIndex: 1, dataIndex: 2, marker: '' }
    ]);
    expect(html).toContain('มิ.ย. 2565');
    expect(html).toContain('บางคล้า: <b>60 (ต่ำกว่าเกณฑ์)</b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;: <b>ไม่ได้รายงาน</b>');
    expect(html).not.toContain('<img');
    expect(formatter([{ seriesIndex: 0, dataIndex: 0, marker: '' }])).toContain('15 (ระดับ 4)');
  });

  test('small multiples have no legend and no zone labels', () => {
    const small = kpiTrendOptions({
      kpi: kpi(-1),
      bands: bandsOf('<=', [10]),
      monthLabels: ['a'],
      units: [units[0]],
      texts: TEXTS,
      compact: true
    });
    expect(small.legend).toEqual({ show: false });
    const zone = (small.series as { markArea?: { data: [{ label: { show: boolean } }][] } }[])[1].markArea
      ?.data[0][0];
    expect(zone?.label.show).toBe(false);
  });
});
