import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readViewParams, viewAfterImport, viewSearch, type ViewParams } from './view-params';

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

  it('after an import: goes to a new framework, to the latest month after new rows, else stays', () => {
    const file = (added: number, changed: number) => ({ added, changed });
    const report = (frameworkId: string | null, error: string | null, files = [file(0, 0)]) => ({
      frameworkId,
      error,
      files
    });
    expect(viewAfterImport(report('new', null), 'old')).toEqual({
      framework: 'new',
      period: null,
      group: '*',
      data: null
    });
    // A framework that could not be stored is not opened; the view stays.
    expect(viewAfterImport(report('new', 'framework'), 'old')).toBeNull();
    expect(viewAfterImport(report('old', null, [file(0, 0), file(0, 2)]), 'old')).toEqual({ data: null });
    expect(viewAfterImport(report('old', null, [file(0, 0)]), 'old')).toBeNull();
    expect(viewAfterImport(report('old', 'cancelled', []), 'old')).toBeNull();
  });
});
