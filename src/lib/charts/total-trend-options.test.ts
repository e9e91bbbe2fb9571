import { expect, test } from 'vitest';
import type { TotalTrend } from '../scoring/trends';
import { MEAN_COLOR, MEDIAN_COLOR, seriesColor, visibleSeriesCount } from './options-common';
import { totalTrendOptions, type TotalTrendTexts } from './total-trend-options';

const TEXTS: TotalTrendTexts = {
  mean: 'ค่าเฉลี่ยจังหวัด',
  median: 'มัธยฐานจังหวัด',
  yAxis: 'คะแนนรวม',
  notReported: 'ไม่ได้รายงาน',
  description: 'คะแนนรวมรายเดือน'
};

const TREND: TotalTrend = {
  months: [
    { periodId: '2565-04', month: '2022-04' },
    { periodId: '2565-05', month: '2022-05' },
    { periodId: '2565-06', month: '2022-06' }
  ],
  units: [
    { unitId: '2402', name: 'บางคล้า', totals: [4, 3, 0] },
    { unitId: '2404', name: 'บางปะกง <b>', totals: [5, null, 4] }
  ],
  mean: [3.4, 2, 1.8667],
  median: [4, 2, 1.6],
  reported: [3, 2, 3],
  maxTotal: 5
};
const LABELS = ['เม.ย. 2565', 'พ.ค. 2565', 'มิ.ย. 2565'];

type Line = {
  name: string;
  data: (number | null)[];
  connectNulls: boolean;
  color: string;
  lineStyle: { type: string };
};

test('one line per chosen district, then the province mean (dashed) and median (dotted)', () => {
  const option = totalTrendOptions(TREND, LABELS, TEXTS);
  const series = option.series as Line[];
  expect(visibleSeriesCount(option)).toBe(4);
  expect(series.map((s) => s.name)).toEqual(['บางคล้า', 'บางปะกง <b>', 'ค่าเฉลี่ยจังหวัด', 'มัธยฐานจังหวัด']);
  expect(series.map((s) => s.data)).toEqual([
    [4, 3, 0],
    [5, null, 4],
    [3.4, 2, 1.8667],
    [4, 2, 1.6]
  ]);
  expect(series.every((s) => s.connectNulls === false)).toBe(true);
  expect(series.map((s) => s.color)).toEqual([seriesColor(0), seriesColor(1), MEAN_COLOR, MEDIAN_COLOR]);
  expect(series.map((s) => s.lineStyle.type)).toEqual(['solid', 'solid', 'dashed', 'dotted']);
  expect(option.xAxis).toMatchObject({ type: 'category', data: LABELS });
  expect(option.yAxis).toMatchObject({ min: 0, max: 5 });
  expect(option.aria).toEqual({ enabled: true, label: { enabled: true, description: 'คะแนนรวมรายเดือน' } });
});

test('the tooltip escapes names and says when a month was not reported', () => {
  const option = totalTrendOptions(TREND, LABELS, TEXTS);
  const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
  const html = formatter([0, 1, 2, 3].map((seriesIndex) => ({ seriesIndex, dataIndex: 1, marker: '' })));
  expect(html).toContain('พ.ค. 2565');
  expect(html).toContain('บางคล้า: <b>3</b>');
  expect(html).toContain('บางปะกง &lt;b&gt;: <b>ไม่ได้รายงาน</b>');
  expect(html).toContain('มัธยฐานจังหวัด: <b>2</b>');
  expect(html).not.toContain('<b>:');
});

test('with no districts chosen only the province lines remain', () => {
  const option = totalTrendOptions({ ...TREND, units: [] }, LABELS, TEXTS);
  expect((option.series as Line[]).map((s) => s.name)).toEqual(['ค่าเฉลี่ยจังหวัด', 'มัธยฐานจังหวัด']);
});

test('the legend is one row across the whole width, paging sideways: it never wraps into the plot or the button', () => {
  const option = totalTrendOptions(TREND, LABELS, TEXTS);
  expect(option.legend).toMatchObject({ type: 'scroll', top: 0, left: 0, right: 0 });
  expect((option.legend as { data: string[] }).data).toEqual([
    'บางคล้า',
    'บางปะกง <b>',
    'ค่าเฉลี่ยจังหวัด',
    'มัธยฐานจังหวัด'
  ]);
  expect(option.grid).toMatchObject({ top: 64 });
});
