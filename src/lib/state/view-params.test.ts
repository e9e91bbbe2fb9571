import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readViewParams, viewSearch, type ViewParams } from './view-params';

describe('view params', () => {
  it('round-trips a full view through the URL', () => {
    const view: ViewParams = {
      framework: 'chachoengsao-2565-r2',
      data: 'demo',
      period: 'FY2565-R2',
      group: 'ตัวชี้วัดรายทีม',
      unit: '2401',
      kpi: 'T1',
      period2: 'FY2565-R1',
      units: ['2401', '2402'],
      search: 'บาง',
      sort: '-total',
      lang: 'en',
      missLevel: 'top'
    };
    expect(readViewParams(new URLSearchParams(viewSearch(view)))).toEqual(view);
  });

  it('leaves defaults out of the URL', () => {
    expect(viewSearch(DEFAULT_VIEW)).toBe('');
    expect(readViewParams(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
  });

  it('reads d=demo / d=real and ignores other values', () => {
    expect(readViewParams(new URLSearchParams('d=real')).data).toBe('real');
    expect(readViewParams(new URLSearchParams('d=x')).data).toBeNull();
    expect(viewSearch({ ...DEFAULT_VIEW, data: 'demo' })).toBe('?d=demo');
  });

  it('keeps the misses switch: m=top, target by default, anything else is the default', () => {
    expect(viewSearch({ ...DEFAULT_VIEW, missLevel: 'top' })).toBe('?m=top');
    expect(readViewParams(new URLSearchParams('m=top')).missLevel).toBe('top');
    expect(readViewParams(new URLSearchParams('m=target')).missLevel).toBe('target');
    expect(readViewParams(new URLSearchParams('m=x')).missLevel).toBe('target');
    expect(viewSearch({ ...DEFAULT_VIEW, missLevel: 'target' })).toBe('');
  });

  it('ignores an unknown language', () => {
    expect(readViewParams(new URLSearchParams('lang=fr')).lang).toBe('th');
  });
});
