import { expect, test } from 'vitest';
import type { CompareRow, Standing } from '../scoring/compare';
import {
  AFTER_COLOR,
  BEFORE_COLOR,
  dumbbellOptions,
  dumbbellPoints,
  type DumbbellTexts
} from './compare-options';
import { FALL_COLOR, RISE_COLOR, visibleSeriesCount } from './options-common';

const standing = (total: number, rank: number): Standing => ({
  total,
  totalPct: total * 20,
  rank,
  missing: 0,
  reported: true
});

function row(name: string, before: Standing | null, after: Standing | null): CompareRow {
  return { unitId: name, name, before, after, deltaTotal: null, deltaPct: null, deltaRank: null };
}

const ROWS = [
  row('ก', standing(3, 1), standing(2.5, 2)),
  row('ข <script>', standing(2, 2), standing(3.5, 1)),
  row('ค', null, standing(1, 3)),
  row('ง', standing(1, 3), standing(1, 3))
];
const TEXTS: DumbbellTexts = {
  before: 'ไตรมาส 3',
  after: 'ไตรมาส 4',
  change: 'เปลี่ยนแปลง',
  xAxis: 'คะแนนรวม',
  description: 'd'
};

test('points: units with a total in both periods, worst (bottom) to best (top) by the later total', () => {
  expect(dumbbellPoints(ROWS).map((p) => [p.name, p.before, p.after])).toEqual([
    ['ง', 1, 1],
    ['ก', 3, 2.5],
    ['ข <script>', 2, 3.5]
  ]);
});

test('an invisible base up to the lower total, a span coloured by direction, and two dot series', () => {
  const option = dumbbellOptions(dumbbellPoints(ROWS), 5, TEXTS);
  const series = option.series as { type: string; name?: string; color?: string; data: unknown[] }[];
  expect(visibleSeriesCount(option)).toBe(2);
  expect(series[0].data).toEqual([1, 2.5, 2]);
  expect(series[1].data).toEqual([
    { value: 0, itemStyle: { color: '#9aa3ae' } },
    { value: 0.5, itemStyle: { color: FALL_COLOR } },
    { value: 1.5, itemStyle: { color: RISE_COLOR } }
  ]);
  expect(series.slice(2).map((s) => [s.type, s.name, s.color])).toEqual([
    ['scatter', 'ไตรมาส 3', BEFORE_COLOR],
    ['scatter', 'ไตรมาส 4', AFTER_COLOR]
  ]);
  expect(series[3].data).toEqual([
    [1, 'ง'],
    [2.5, 'ก'],
    [3.5, 'ข <script>']
  ]);
  expect(option.yAxis).toMatchObject({ type: 'category', data: ['ง', 'ก', 'ข <script>'] });
  expect(option.xAxis).toMatchObject({ min: 0, max: 5 });
});

test('the tooltip escapes the unit name and shows both totals and the change', () => {
  const option = dumbbellOptions(dumbbellPoints(ROWS), 5, TEXTS);
  const html = (option.tooltip as { formatter: (params: unknown) => string }).formatter([{ dataIndex: 2 }]);
  expect(html).toContain('ข &lt;script&gt;');
  expect(html).not.toContain('<script>');
  expect(html).toContain('ไตรมาส 3: <b>2</b>');
  expect(html).toContain('ไตรมาส 4: <b>3.5</b>');
  expect(html).toContain('เปลี่ยนแปลง: <b>+1.5</b>');
});
