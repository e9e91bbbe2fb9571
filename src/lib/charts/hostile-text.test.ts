/**
 * Issue 7 §2 for charts: text from data (unit names, level labels, month labels, texts) reaches ECharts as
 * text. Charts draw on a canvas, so the only HTML is the tooltip: every tooltip formatter must escape what it
 * is given. No option may turn on rich text (`rich`), which would read `{style|…}` in data as markup, and every
 * label formatter is a function (a string template would read `{a}`/`{b}` in data).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareRow } from '../scoring/compare';
import type { KpiPoint, TotalTrend, TrendBand, TrendKpi } from '../scoring/trends';
import { dumbbellOptions, dumbbellPoints } from './compare-options';
import type { ChartOption } from './echarts';
import { kpiTrendOptions } from './kpi-trend-options';
import { totalTrendOptions } from './total-trend-options';

/** Strings that try to become markup (or ECharts templates), with Thai and long text. */
const hostile = fc.oneof(
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "'><script>alert(1)</script>",
    '{{constructor.constructor("alert(1)")()}}',
    '{a|rich text}{b}{c}',
    '&lt;already escaped&gt; & "quotes"',
    'บางคล้า</div><div onclick=alert(1)>',
    'ก'.repeat(5000)
  ),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', 'a', 'ก', '{', '}', '|', ' ') })
);

/** The tags the formatters themselves write (no data inside them). */
const OWN_TAGS =
  /<div style="[a-z0-9:;#.\- ]*">|<\/div>|<b>|<\/b>|<br\/>|<span style="[a-z0-9:;#.\-() ]*"><\/span>/g;

/** After removing the formatters' own tags, no `<` or `>` is left: every text from data was escaped. */
function expectEscaped(html: string, texts: readonly string[]): void {
  expect(html.replace(OWN_TAGS, ''), html.slice(0, 300)).not.toMatch(/[<>]/);
  for (const text of texts) if (text !== '' && !/[<>&"']/.test(text)) expect(html).toContain(text);
}

/** Every `formatter` anywhere in an option is a function, and nothing sets `rich`. */
function expectNoTemplates(value: unknown, path = 'option'): void {
  if (Array.isArray(value)) value.forEach((item, i) => expectNoTemplates(item, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      expect(key, `${path}.${key}`).not.toBe('rich');
      if (key === 'formatter') expect(typeof inner, `${path}.${key}`).toBe('function');
      expectNoTemplates(inner, `${path}.${key}`);
    }
  }
}

type Formatter = (params: unknown) => string;
const tooltipOf = (option: ChartOption): Formatter => (option.tooltip as { formatter: Formatter }).formatter;

const RUNS = { numRuns: 500 };

describe('tooltips escape text from data', () => {
  it('total trend: unit names, mean and median texts, month labels', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (unit, month, text) => {
        const trend: TotalTrend = {
          months: [{ periodId: '2565-04', month: '2022-04' }],
          units: [{ unitId: '2402', name: unit, totals: [3] }],
          mean: [2],
          median: [2],
          reported: [11],
          maxTotal: 5
        };
        const option = totalTrendOptions(trend, [month], {
          mean: text,
          median: text,
          yAxis: text,
          notReported: text,
          description: text
        });
        expectNoTemplates(option);
        const params = [0, 1, 2].map((seriesIndex) => ({ seriesIndex, dataIndex: 0, marker: '' }));
        expectEscaped(tooltipOf(option)(params), [unit, month]);
      }),
      RUNS
    );
  });

  it('KPI trend: unit names, level labels (from the framework), month labels', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (unit, level, month) => {
        const kpi: TrendKpi = {
          kpi: 'K',
          name: level,
          direction: 1,
          topPoints: 5,
          targetLevel: level,
          measure: 'value',
          unitBands: false
        };
        const bands: TrendBand[] = [
          { level, points: 5, op: '>=', value: 10, value2: null, label: level, start: 10 },
          { level: `${level}2`, points: 4, op: '>=', value: 5, value2: null, label: level, start: 5 }
        ];
        const points: KpiPoint[] = [
          { measured: 12, level, points: 5, status: 'ok' },
          { measured: 1, level: null, points: null, status: 'below' },
          { measured: null, level: null, points: null, status: 'missing' }
        ];
        const option = kpiTrendOptions({
          kpi,
          bands,
          monthLabels: [month, month, month],
          units: [{ name: unit, points }],
          texts: {
            level: (l) => `ระดับ ${l}`,
            below: 'ต่ำกว่าเกณฑ์',
            notReported: 'ไม่ได้รายงาน',
            target: (l) => `เป้าหมาย (ระดับ ${l})`,
            yAxis: level,
            description: level
          }
        });
        expectNoTemplates(option);
        for (const dataIndex of [0, 1, 2]) {
          expectEscaped(tooltipOf(option)([{ seriesIndex: 0, dataIndex, marker: '' }]), [unit]);
        }
      }),
      RUNS
    );
  });

  it('compare: unit names and texts', () => {
    fc.assert(
      fc.property(hostile, hostile, (name, text) => {
        const standing = (total: number) => ({
          total,
          totalPct: total * 20,
          rank: 1,
          missing: 0,
          reported: true
        });
        const rows: CompareRow[] = [
          {
            unitId: '1',
            name,
            before: standing(2),
            after: standing(3),
            deltaTotal: 1,
            deltaPct: 20,
            deltaRank: 0
          }
        ];
        const option = dumbbellOptions(dumbbellPoints(rows), 5, {
          before: text,
          after: text,
          change: text,
          xAxis: text,
          description: text
        });
        expectNoTemplates(option);
        expectEscaped(tooltipOf(option)([{ dataIndex: 0 }]), [name, text]);
      }),
      RUNS
    );
  });
});
