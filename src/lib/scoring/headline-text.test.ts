import { describe, expect, it } from 'vitest';
import { STRINGS, type StringKey } from '../i18n/strings';
import type { Headline } from './headline';
import { fill, headlineWords, lossText } from './headline-text';

const t = (key: StringKey) => STRINGS.th[key];
const headline = (patch: Partial<Headline>): Headline => ({
  units: 23,
  average: 1.94347,
  maxTotal: 4,
  averagePct: 48.58675,
  previousAverage: 1.77,
  change: 0.17347,
  atTarget: 0,
  belowTarget: 23,
  losses: [],
  risers: [],
  fallers: [],
  ...patch
});

describe('headline words', () => {
  it('says the average of the maximum and the change in the Thai of the page', () => {
    const words = headlineWords(headline({}), t, 'th', 'สิงหาคม 2567');
    expect(words.average).toBe('1.94');
    expect(words.ofMax).toBe('จาก 4 (ร้อยละ 48.6)');
    expect(words.change).toBe('▲ 0.17 จากสิงหาคม 2567');
    expect(words.direction).toBe('up');
    expect(words.atTargetOf).toBe('จาก 23 อำเภอ');
    expect(words.belowTarget).toBe('ต่ำกว่าเป้าอย่างน้อย 1 ตัวชี้วัด: 23 อำเภอ');
  });
  it('a fall, no change (below 0.00005 is no change), nothing to compare with; provinces', () => {
    expect(headlineWords(headline({ change: -0.5 }), t, 'th', 'ก.ค.').change).toBe('▼ 0.50 จากก.ค.');
    const same = headlineWords(headline({ change: 0.00004 }), t, 'th', 'ก.ค.');
    expect([same.change, same.direction]).toEqual(['เท่าเดิมเมื่อเทียบกับก.ค.', 'same']);
    const none = headlineWords(headline({ change: null, previousAverage: null }), t, 'th', 'ก.ค.');
    expect([none.change, none.direction]).toEqual(['ยังไม่มีผลของก.ค.ให้เทียบ', null]);
    expect(headlineWords(headline({}), t, 'th', 'x', true).atTargetOf).toBe('จาก 23 จังหวัด');
  });
  it('while the period before is read: says it is comparing, the rest as with the change', () => {
    const { change: _change, previousAverage: _previous, ...facts } = headline({});
    const pending = headlineWords(facts, t, 'th', 'ก.ค.');
    expect([pending.change, pending.direction]).toEqual(['กำลังเทียบกับก.ค.…', null]);
    expect({ ...pending, change: '', direction: null }).toEqual({
      ...headlineWords(headline({}), t, 'th', 'ก.ค.'),
      change: '',
      direction: null
    });
  });
  it('a loss per district and its share', () => {
    const loss = { kpi: null as never, lost: 6.44, perUnit: 0.28, share: 0.1312, missed: 23 };
    expect(lossText(loss, t, 'th')).toBe('เสียเฉลี่ย 0.28 คะแนนต่ออำเภอ (13% ของที่เสียทั้งหมด)');
  });
  it('fill leaves unknown placeholders alone', () => {
    expect(fill('{a} และ {b}', { a: 1 })).toBe('1 และ {b}');
  });
});
