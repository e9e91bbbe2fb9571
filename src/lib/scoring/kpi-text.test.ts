/**
 * KPI values, band conditions and gap sentences in the KPI's own unit and direction, with cases from the
 * seeds: seed 001 (households remaining, budget percent of target), seed 003 (rank and range bands),
 * seed 000 (composites counted in items or points).
 */
import { describe, expect, test } from 'vitest';
import type { BandGap } from '../domain/gaps';
import {
  aggregateText,
  bandCondition,
  formatAmount,
  formatMeasured,
  formatNumber,
  gapText,
  measuredCell,
  measuredDecimals,
  rawGapText,
  roundAsShown,
  roundGapUp,
  scoreCell,
  streakText,
  type KpiUnit
} from './kpi-text';

const PERCENT: KpiUnit = { measure: 'pct_of_target', unitLabel: 'ร้อยละ', combine: null };
const HOUSEHOLDS: KpiUnit = { measure: 'value', unitLabel: 'ครัวเรือน', combine: null };
const STEPS: KpiUnit = { measure: 'value', unitLabel: 'ขั้นตอน', combine: null };
const RANK: KpiUnit = { measure: 'rank_desc', unitLabel: 'อันดับ', combine: null };
const COUNT_TOP: KpiUnit = { measure: 'combine', unitLabel: null, combine: 'count_top' };
const SUM: KpiUnit = { measure: 'combine', unitLabel: null, combine: 'sum' };
const PLAIN: KpiUnit = { measure: 'value', unitLabel: null, combine: null };
const BAHT: KpiUnit = { measure: 'value', unitLabel: 'บาท', combine: null };
const GROWTH: KpiUnit = { measure: 'growth_pct', unitLabel: null, combine: null };

function gap(fields: Partial<BandGap>): BandGap {
  return {
    level: '5',
    reached: false,
    change: 'up',
    amount: 0,
    threshold: null,
    strict: false,
    raw: null,
    ...fields
  };
}

describe('formatNumber', () => {
  test.each([
    [1085864.12, 'th', '1,085,864.12'],
    [91.98808241, 'th', '91.99'],
    [34, 'th', '34'],
    [-0, 'th', '0'],
    [null, 'th', '–'],
    [Number.NaN, 'en', '–']
  ] as const)('%s (%s) → %s', (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });
});

describe('roundGapUp: adding the shown gap really reaches the band', () => {
  test.each([
    [3.2000000000000028, 3.2],
    [3.011917589999996, 3.02],
    [5, 5],
    [0.001, 0.01]
  ])('%s → %s', (amount, expected) => {
    expect(roundGapUp(amount)).toBe(expected);
  });
});

describe('formatMeasured', () => {
  test.each([
    [91.98808241, PERCENT, 'full', 'ร้อยละ 91.99'],
    [91.98808241, PERCENT, 'compact', '91.99%'],
    [34, HOUSEHOLDS, 'full', '34 ครัวเรือน'],
    [34, HOUSEHOLDS, 'compact', '34'],
    [3, RANK, 'full', 'อันดับที่ 3'],
    [3, RANK, 'compact', '#3'],
    [2, COUNT_TOP, 'full', '2 ข้อ'],
    [8, SUM, 'full', '8 คะแนน'],
    [1250000, PLAIN, 'full', '1,250,000'],
    [null, HOUSEHOLDS, 'full', '–']
  ] as const)('%s → %s', (value, kpi, style, expected) => {
    expect(formatMeasured(value, kpi, 'th', style)).toBe(expected);
  });

  test('English uses English unit words', () => {
    expect(formatMeasured(34, HOUSEHOLDS, 'en')).toBe('34 households');
    expect(formatMeasured(97, PERCENT, 'en')).toBe('97%');
  });
});

/** The number a screen text shows (`1,085,864.12 baht`, `91.99%`, `rank 3`), read back as a number. */
function shownNumber(text: string): number {
  return Number(text.replace(/[^\d.-]/g, ''));
}

describe('numbers for downloads, rounded as the screen shows them (issue 13 §8)', () => {
  test.each([
    [5.550000000000001, 5.55],
    [2.707317073170732, 2.7073],
    [3.6, 3.6],
    [0.1 + 0.2, 0.3],
    [-0.00001, 0],
    [1.00005, 1.0001],
    [100, 100],
    [null, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null]
  ])('score %s → %s', (value, expected) => {
    expect(scoreCell(value)).toBe(expected);
  });

  test('a score rounds to the digits the screen shows at 4 decimals', () => {
    for (const value of [5.550000000000001, 2.707317073170732, 1.00005, 0.33333333, 12.34565, -1.23455]) {
      expect(scoreCell(value)).toBe(Number(formatNumber(value, 'en', 4).replace(/,/g, '')));
    }
  });

  test.each([
    [2.707317073170732, PERCENT, 2.71],
    [5.550000000000001, PERCENT, 5.55],
    [91.98808241, PERCENT, 91.99],
    [12.345678, GROWTH, 12.35],
    [1085864.1234, BAHT, 1085864.12],
    [2.675, BAHT, 2.68],
    [34, HOUSEHOLDS, 34],
    [33.666666666666664, HOUSEHOLDS, 33.67],
    [4.5, STEPS, 4.5],
    [3, RANK, 3],
    [2.5, RANK, 3],
    [2, COUNT_TOP, 2],
    [8.333333333333334, SUM, 8.33],
    [1250000, PLAIN, 1250000],
    [null, HOUSEHOLDS, null]
  ] as const)('measured %s (%o) → %s', (value, kpi, expected) => {
    expect(measuredCell(value, kpi)).toBe(expected);
  });

  test('a measured value has exactly the digits formatMeasured shows, in every unit', () => {
    const values = [2.707317073170732, 5.550000000000001, 1085864.125, 0.005, 33.666666666666664, 7, 2.5];
    for (const kpi of [PERCENT, GROWTH, BAHT, HOUSEHOLDS, STEPS, RANK, COUNT_TOP, SUM, PLAIN]) {
      for (const value of values) {
        expect(measuredCell(value, kpi)).toBe(shownNumber(formatMeasured(value, kpi, 'en', 'full')));
      }
    }
  });

  test('a rank has no decimals; every other unit two', () => {
    expect(measuredDecimals(RANK)).toBe(0);
    expect(measuredDecimals({ measure: 'rank_asc', unitLabel: null, combine: null })).toBe(0);
    for (const kpi of [PERCENT, GROWTH, BAHT, HOUSEHOLDS, STEPS, COUNT_TOP, SUM, PLAIN])
      expect(measuredDecimals(kpi)).toBe(2);
  });

  test('large and negative numbers keep every integer digit', () => {
    expect(roundAsShown(123456789012.345, 2)).toBe(123456789012.35);
    expect(roundAsShown(-1234.5, 0)).toBe(-1235);
    expect(roundAsShown(-2.675, 2)).toBe(-2.68);
  });
});

describe('bandCondition', () => {
  test.each([
    [{ op: '>=', value: 95, value2: null }, PERCENT, 'ตั้งแต่ ร้อยละ 95'],
    [{ op: '>', value: 89, value2: null }, PERCENT, 'มากกว่า ร้อยละ 89'],
    [{ op: '<=', value: 29, value2: null }, HOUSEHOLDS, 'ไม่เกิน 29 ครัวเรือน'],
    [{ op: '<', value: 10, value2: null }, PERCENT, 'น้อยกว่า ร้อยละ 10'],
    [{ op: 'between', value: 70, value2: 79.99 }, PERCENT, 'ร้อยละ 70–79.99'],
    [{ op: '<=', value: 5, value2: null }, RANK, 'อันดับที่ 1–5'],
    [{ op: '<', value: 11, value2: null }, RANK, 'อันดับที่ 1–10'],
    [{ op: 'any', value: null, value2: null }, PERCENT, 'ทุกค่า']
  ] as const)('%o → %s', (band, kpi, expected) => {
    expect(bandCondition(band, kpi, 'th')).toBe(expected);
  });
});

describe('gapText', () => {
  test.each([
    [
      'percent points up',
      gap({ change: 'up', amount: 3.2000000000000028, threshold: 100 }),
      PERCENT,
      'ต้องเพิ่มอีก 3.2 จุดร้อยละ'
    ],
    [
      'households down (seed 001 I1, 38 → ≤ 29)',
      gap({ change: 'down', amount: 9, threshold: 29 }),
      HOUSEHOLDS,
      'ลดอีก 9 ครัวเรือน'
    ],
    ['households down by 4', gap({ change: 'down', amount: 4, threshold: 10 }), HOUSEHOLDS, 'ลดอีก 4 ครัวเรือน'],
    ['steps up', gap({ change: 'up', amount: 1, threshold: 5 }), STEPS, 'ต้องเพิ่มอีก 1 ขั้นตอน'],
    [
      'strictly more (seed 003 T1 level 5: มากกว่าร้อยละ 89)',
      gap({ change: 'up', amount: 1.5, threshold: 89, strict: true }),
      PERCENT,
      'ต้องเพิ่มอีกมากกว่า 1.5 จุดร้อยละ (ให้มากกว่าร้อยละ 89)'
    ],
    [
      'rank needed (seed 003 T3: อันดับ 1–5)',
      gap({ change: 'down', amount: 3, threshold: 5 }),
      RANK,
      'ต้องได้อันดับที่ 5 หรือดีกว่า'
    ],
    [
      'rank with a strict band',
      gap({ change: 'down', amount: 3, threshold: 6, strict: true }),
      RANK,
      'ต้องได้อันดับที่ 5 หรือดีกว่า'
    ],
    ['count of items', gap({ change: 'up', amount: 2, threshold: 3 }), COUNT_TOP, 'ต้องเพิ่มอีก 2 ข้อ'],
    ['reached', gap({ reached: true, change: null }), PERCENT, 'ถึงแล้ว'],
    ['not reported', null, PERCENT, 'ไม่ได้รายงาน']
  ] as const)('%s', (_name, input, kpi, expected) => {
    expect(gapText(input, kpi, 'th')).toBe(expected);
  });

  test('English', () => {
    expect(gapText(gap({ change: 'down', amount: 9, threshold: 29 }), HOUSEHOLDS, 'en')).toBe(
      'reduce by 9 households'
    );
    expect(gapText(gap({ change: 'up', amount: 3.2, threshold: 100 }), PERCENT, 'en')).toBe(
      'needs 3.2 percentage points more'
    );
  });
});

describe('rawGapText: a percent-of-target gap in the reported unit', () => {
  test('seed 001 T1: 970,000 of 1,000,000 → 30,000 more', () => {
    const input = gap({
      change: 'up',
      amount: 3,
      threshold: 100,
      raw: { amount: 30_000, threshold: 1_000_000 }
    });
    expect(rawGapText(input, 'th')).toBe('ผลการดำเนินงานเพิ่มอีก 30,000 ให้ถึง 1,000,000');
  });

  test('none without a target', () => {
    expect(rawGapText(gap({ change: 'up', amount: 3 }), 'th')).toBeNull();
  });
});

test('amounts and aggregations in words', () => {
  expect(formatAmount(2, RANK, 'th')).toBe('2 อันดับ');
  expect(aggregateText('last', 'th')).toBe('ใช้ค่าของเดือนล่าสุดที่รายงาน');
  expect(aggregateText('sum', 'en')).toBe('the sum of the months reported');
});

test.each([
  [6, '2565-04', 'th', '6 เดือน (ตั้งแต่ เม.ย. 2565)'],
  [1, '2565-09', 'th', '1 เดือน'],
  [2, 'FY2565-Q3', 'th', '2 ไตรมาส (ตั้งแต่ ไตรมาส 3/2565)'],
  [3, '2565-07', 'en', '3 months (since Jul 2022)'],
  [1, 'FY2565', 'en', '1 year']
] as const)('streak %s since %s (%s) → %s', (streak, since, lang, expected) => {
  expect(streakText(streak, since, lang)).toBe(expected);
});
