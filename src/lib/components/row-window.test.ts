import { describe, expect, it } from 'vitest';
import { rowWindow, widestName, type RowWindowInput } from './row-window';

/** The national league table: 878 districts, 33 px rows, a 675 px scroller (75vh of 900). */
const national: RowWindowInput = {
  count: 878,
  scrollTop: 0,
  viewport: 675,
  rowHeight: 33,
  overscan: 10,
  all: false
};

describe('rowWindow', () => {
  it.each([
    ['top of the table', { scrollTop: 0 }, { start: 0, end: 32, before: 0, after: 846 * 33 }],
    ['scrolled to row 100', { scrollTop: 3300 }, { start: 90, end: 132, before: 90 * 33, after: 746 * 33 }],
    ['half a row past row 100', { scrollTop: 3316 }, { start: 90, end: 132, before: 2970, after: 746 * 33 }],
    [
      'bottom of the table',
      { scrollTop: 878 * 33 - 675 },
      { start: 846, end: 878, before: 846 * 33, after: 0 }
    ],
    // After a search shrank the rows the scroller's old scrollTop is past the end: still show the last rows.
    [
      'scrollTop past the end (rows shrank)',
      { scrollTop: 20_000, count: 40 },
      { start: 8, end: 40, before: 8 * 33, after: 0 }
    ],
    [
      'scrollTop past the end, 100 rows',
      { scrollTop: 20_000, count: 100 },
      { start: 68, end: 100, before: 68 * 33, after: 0 }
    ],
    ['every row (printing)', { scrollTop: 3300, all: true }, { start: 0, end: 878, before: 0, after: 0 }],
    ['no rows', { count: 0 }, { start: 0, end: 0, before: 0, after: 0 }],
    ['row height not measured yet', { rowHeight: 0 }, { start: 0, end: 878, before: 0, after: 0 }],
    ['negative scrollTop (overscroll)', { scrollTop: -40 }, { start: 0, end: 32, before: 0, after: 846 * 33 }]
  ])('%s', (_name, patch, expected) => {
    expect(rowWindow({ ...national, ...patch })).toEqual(expected);
  });

  it('keeps the spacers and the rendered rows equal to the whole table, wherever it is scrolled', () => {
    for (let scrollTop = 0; scrollTop <= 878 * 33; scrollTop += 97) {
      const { start, end, before, after } = rowWindow({ ...national, scrollTop });
      expect(before + (end - start) * 33 + after).toBe(878 * 33);
      // the rows in view are rendered
      const firstInView = Math.min(Math.floor(scrollTop / 33), 878 - 1);
      expect(start).toBeLessThanOrEqual(firstInView);
      expect(end).toBeGreaterThanOrEqual(Math.min(878, Math.ceil((scrollTop + 675) / 33)));
    }
  });
});

describe('widestName', () => {
  it('counts letters, not the Thai marks above and below them', () => {
    // น้ำ has two marks: three code points but one letter's width beside ำ (which takes width).
    expect(widestName(['บางน้ำเปรี้ยว', 'เฉลิมพระเกียรติ', 'ปาย'])).toBe('เฉลิมพระเกียรติ');
    expect(widestName(['กิ่ง', 'กขค'])).toBe('กขค');
    expect(widestName([])).toBe('');
  });
});
