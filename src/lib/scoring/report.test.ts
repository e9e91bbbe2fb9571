import { describe, expect, it } from 'vitest';
import { BUILTIN_FRAMEWORKS } from '../frameworks/builtin';
import { reportSource } from './report';

describe('reportSource', () => {
  it('names the letter without the seed file it was transcribed from', () => {
    expect(
      reportSource({ source: 'seed 000 (000_f342c1fb05375bab.txt): หนังสือจังหวัดบุรีรัมย์ ที่ บร 0019/ว 3724' })
    ).toBe('หนังสือจังหวัดบุรีรัมย์ ที่ บร 0019/ว 3724');
    expect(reportSource({ source: 'หนังสือ ที่ มท 0402.2/ว 2573' })).toBe('หนังสือ ที่ มท 0402.2/ว 2573');
  });
  it('is null without a source', () => {
    expect(reportSource({ source: null })).toBeNull();
    expect(reportSource({})).toBeNull();
    expect(reportSource({ source: '  ' })).toBeNull();
  });
  it('every built-in names a letter (หนังสือ…)', () => {
    for (const framework of BUILTIN_FRAMEWORKS)
      expect(reportSource(framework), framework.id).toMatch(/^หนังสือ/);
  });
});
