import { describe, expect, it } from 'vitest';
import type { ResultChange } from '../scoring/workspace';
import {
  changeText,
  changesCsv,
  encodingText,
  formatBytes,
  hasChanges,
  linesText,
  unitText
} from './import-text';

const change: ResultChange = {
  unitId: '2402',
  unit: 'บางคล้า',
  kpi: 'B1',
  month: '2022-09',
  before: { value: 1000000, target: 1000000, baseline: null, adjust: null, source: 'ผล.csv', line: 2 },
  after: { value: 800000, target: 1000000, baseline: null, adjust: -0.5, source: '=แก้.csv', line: 2 }
};

describe('import texts', () => {
  it('names only the figures that differ', () => {
    expect(changeText(change)).toBe('ผล 1000000 → 800000; ปรับคะแนน – → -0.5');
    expect(changeText(change, 'en')).toBe('value 1000000 → 800000; adjust – → -0.5');
  });

  it('writes changes as an Excel-safe CSV with numbers as numbers', () => {
    const csv = changesCsv([change]);
    const [header, line] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toBe(
      'หน่วยงาน,รหัสหน่วยงาน,ตัวชี้วัด,เดือน,ผล เดิม,ผล ใหม่,เป้าหมาย เดิม,เป้าหมาย ใหม่,ฐาน เดิม,ฐาน ใหม่,' +
        'ปรับคะแนน เดิม,ปรับคะแนน ใหม่,ไฟล์เดิม,บรรทัดเดิม,ไฟล์ใหม่,บรรทัดใหม่'
    );
    expect(line).toBe("บางคล้า,2402,B1,2022-09,1000000,800000,1000000,1000000,,,,-0.5,ผล.csv,2,'=แก้.csv,2");
  });

  it.each<[number | null, string]>([
    [null, '–'],
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [50 * 1024 * 1024, '50 MB']
  ])('formatBytes(%j) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('shortens long line lists', () => {
    expect(linesText([2, 3, 4], 2)).toBe('2, 3 และอีก 1');
    expect(linesText([2, 3], 2)).toBe('2, 3');
  });

  it('tells whether anything would change', () => {
    expect(hasChanges({ added: 0, changed: 0, unchanged: 5 })).toBe(false);
    expect(hasChanges({ added: 0, changed: 1, unchanged: 5 })).toBe(true);
  });

  it('names the format and encoding', () => {
    expect(encodingText('windows-874', 'csv')).toBe('CSV · Windows-874 (TIS-620)');
    expect(encodingText(null, 'xlsx')).toBe('Excel (.xlsx)');
  });
});

describe('unitText', () => {
  it.each([
    ['2410', 'ท่าตะเกียบ จ.ฉะเชิงเทรา'],
    ['24', 'ฉะเชิงเทรา'],
    ['9999', '9999']
  ])('%s → %s', (id, text) => expect(unitText(id)).toBe(text));
});
