import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import type { Band, BandOp, Framework } from './framework';
import {
  aggregateText,
  bandConditionText,
  bandTableTitle,
  combineText,
  directionText,
  fiscalYearText,
  formatThreshold,
  interpolateText,
  measureText,
  provinceText,
  scaleText,
  scopeText,
  targetLevelText,
  topLevel,
  unitNoun,
  unitTableTitle,
  unreachableText,
  valueRangeText,
  weightText
} from './rules-text';

function framework(id: string): Framework {
  const fw = builtinFramework(id);
  if (!fw) throw new Error(`no built-in framework ${id}`);
  return fw;
}

function bandOf(fw: Framework, kpi: string, level: string, unit: string | null = null): Band {
  const band = fw.bands.find((b) => b.kpi === kpi && b.level === level && b.unit === unit);
  if (!band) throw new Error(`no band ${kpi} ${level} ${unit}`);
  return band;
}

describe('formatThreshold', () => {
  it.each([
    [95, '95'],
    [1180440, '1,180,440'],
    [1020155.28, '1,020,155.28'],
    [89.99, '89.99'],
    [0.75, '0.75'],
    [0, '0'],
    [-0, '0'],
    [-1234.5, '-1,234.5'],
    [2 / 3, '0.6667'],
    [null, '–'],
    [Number.NaN, '–'],
    [Number.POSITIVE_INFINITY, '–']
  ])('%s → %s', (value, text) => {
    expect(formatThreshold(value)).toBe(text);
  });
});

describe('bandConditionText', () => {
  const band = (op: BandOp, value: number | null, value2: number | null = null) => ({ op, value, value2 });
  it.each([
    [band('>=', 95), 'th', '≥ 95'],
    [band('>', 75), 'th', '> 75'],
    [band('<=', 10), 'th', '≤ 10'],
    [band('<', 10), 'th', '< 10'],
    [band('between', 50, 59), 'th', 'ระหว่าง 50 ถึง 59'],
    [band('between', 27.5, 37.49), 'th', 'ระหว่าง 27.5 ถึง 37.49'],
    [band('any', null), 'th', 'ทุกค่าที่เหลือ'],
    [band('>=', 1180440), 'th', '≥ 1,180,440'],
    [band('>=', null), 'th', '≥ –'],
    [band('between', 50, 59), 'en', 'between 50 and 59'],
    [band('any', null), 'en', 'any other value'],
    [band('<=', 67), 'en', '≤ 67']
  ] as const)('%o (%s) → %s', (b, lang, text) => {
    expect(bandConditionText(b, lang)).toBe(text);
  });

  it('writes the seed bands as the letters read them', () => {
    const chachoengsao = framework('chachoengsao-2565-r2');
    expect(bandConditionText(bandOf(chachoengsao, 'I1', '1', 'เมืองฉะเชิงเทรา'))).toBe('≤ 67');
    expect(bandConditionText(bandOf(chachoengsao, 'T1', '5'))).toBe('≥ 100');
    const chaiyaphum = framework('chaiyaphum-2562-r1');
    expect(bandConditionText(bandOf(chaiyaphum, 'T1', '4'))).toBe('ระหว่าง 80 ถึง 89.99');
    expect(bandConditionText(bandOf(chaiyaphum, 'T3', '5'))).toBe('≤ 5');
    const buriram = framework('buriram-2567-q4');
    expect(bandConditionText(bandOf(buriram, 'M6.1', '100'))).toBe('< 10');
    expect(bandConditionText(bandOf(buriram, 'M1', 'D'))).toBe('ทุกค่าที่เหลือ');
    expect(bandConditionText(bandOf(buriram, 'M9.2', '9'))).toBe('≥ 0.75');
  });

  it('shows an op the model does not know as written', () => {
    expect(bandConditionText({ op: '=~' as BandOp, value: 3, value2: null })).toBe('=~ 3');
  });
});

describe('measure, aggregate, scale and combine words', () => {
  it.each([
    ['value', 'ค่าที่รายงาน'],
    ['pct_of_target', 'ร้อยละของค่าเป้าหมาย (ผล × 100 ÷ ค่าเป้าหมาย)'],
    ['growth_pct', 'ร้อยละการเติบโตจากฐาน ((ผล − ฐาน) × 100 ÷ ฐาน)'],
    ['rank_desc', 'อันดับ (มากไปน้อย): ค่ามากที่สุดได้อันดับ 1'],
    ['rank_asc', 'อันดับ (น้อยไปมาก): ค่าน้อยที่สุดได้อันดับ 1'],
    ['combine', 'รวมจากข้อย่อย']
  ] as const)('measure %s → %s', (measure, text) => {
    expect(measureText(measure)).toBe(text);
    expect(measureText(measure, 'en')).not.toBe(text);
  });

  it.each([
    ['last', 'ใช้ค่าเดือนล่าสุด', 'latest month'],
    ['sum', 'รวมทุกเดือน', 'sum of the months'],
    ['mean', 'ค่าเฉลี่ย', 'mean of the months'],
    ['max', 'ค่าสูงสุด', 'highest month']
  ] as const)('aggregate %s → %s / %s', (aggregate, th, en) => {
    expect(aggregateText(aggregate)).toBe(th);
    expect(aggregateText(aggregate, 'en')).toBe(en);
  });

  it.each([
    ['1-5', 'ระดับ 1–5'],
    ['A-D', 'ระดับ A–D'],
    ['points', 'คะแนน']
  ] as const)('scale %s → %s', (scale, text) => {
    expect(scaleText(scale)).toBe(text);
  });

  it.each([
    ['count_top', ['M2.1', 'M2.2', 'M2.3'], 'นับจำนวนข้อที่ได้ระดับสูงสุด (M2.1, M2.2, M2.3)'],
    ['min', ['M5.1', 'M5.2'], 'ต่ำสุดของคะแนนข้อย่อย (M5.1, M5.2)'],
    ['mean', ['M6.1', 'M6.2', 'M6.3'], 'ค่าเฉลี่ยคะแนนข้อย่อย (M6.1, M6.2, M6.3)'],
    ['sum', ['M9.1', 'M9.2'], 'ผลรวมคะแนนข้อย่อย (M9.1, M9.2)'],
    ['sum', [], 'ผลรวมคะแนนข้อย่อย'],
    [null, ['X'], '']
  ] as const)('combine %s of %o → %s', (combine, children, text) => {
    expect(combineText(combine, children)).toBe(text);
  });

  it('keeps a value it does not know instead of inventing words', () => {
    expect(measureText('median' as never)).toBe('median');
    expect(aggregateText('toString' as never)).toBe('toString');
  });

  it.each([
    [false, 'th', 'ได้คะแนนตามระดับที่ผ่าน (ไม่เทียบบัญญัติไตรยางศ์)'],
    [true, 'th', 'เทียบบัญญัติไตรยางศ์ระหว่างเกณฑ์ (คะแนนต่อเนื่อง)'],
    [true, 'en', 'linear between thresholds']
  ] as const)('interpolate %s (%s) → %s', (interpolate, lang, text) => {
    expect(interpolateText(interpolate, lang)).toBe(text);
  });

  it('names the direction', () => {
    expect(directionText(1)).toBe('ยิ่งมากยิ่งดี');
    expect(directionText(-1)).toBe('ยิ่งน้อยยิ่งดี');
  });
});

describe('target level and weight', () => {
  it('reads the top level from the general bands, or from per-unit bands when there are none', () => {
    const chachoengsao = framework('chachoengsao-2565-r2');
    const i1 = chachoengsao.bands.filter((band) => band.kpi === 'I1');
    expect(topLevel(i1)).toBe('5');
    const buriram = framework('buriram-2567-q4');
    expect(topLevel(buriram.bands.filter((band) => band.kpi === 'M1'))).toBe('A');
    expect(topLevel([])).toBeNull();
  });

  it.each([
    [null, 'th', 'ระดับ A (ระดับสูงสุด)'],
    ['B', 'th', 'ระดับ B'],
    [null, 'en', 'level A (top level)']
  ] as const)('target level %s (%s) → %s', (targetLevel, lang, text) => {
    const bands = framework('buriram-2567-q4').bands.filter((band) => band.kpi === 'M1');
    expect(targetLevelText({ targetLevel }, bands, lang)).toBe(text);
  });

  it('says so when a KPI has no bands at all', () => {
    expect(targetLevelText({ targetLevel: null }, [])).toBe('ระดับสูงสุด');
  });

  it.each([
    [20, '20'],
    [7.5, '7.5'],
    [null, 'ไม่กำหนด']
  ])('weight %s → %s', (weight, text) => {
    expect(weightText(weight)).toBe(text);
  });
});

describe('framework scope', () => {
  it.each([
    [
      'chachoengsao-2565-r2',
      'จังหวัดฉะเชิงเทรา',
      'ปีงบประมาณ พ.ศ. 2565',
      'รอบการประเมินที่ 2 (เม.ย. 2565 – ก.ย. 2565)',
      'อำเภอ'
    ],
    ['buriram-2567-q4', 'จังหวัดบุรีรัมย์', 'ปีงบประมาณ พ.ศ. 2567', 'ไตรมาสที่ 4 (ก.ค. 2567 – ก.ย. 2567)', 'อำเภอ'],
    [
      'sakaeo-2567-r1',
      'จังหวัดสระแก้ว',
      'ปีงบประมาณ พ.ศ. 2567',
      'รอบการประเมินที่ 1 (ต.ค. 2566 – มี.ค. 2567)',
      'อำเภอ'
    ],
    [
      'cdd-staff-2565',
      'ทั้งประเทศ (รายจังหวัด)',
      'ปีงบประมาณ พ.ศ. 2565',
      'ทั้งปีงบประมาณ (ต.ค. 2564 – ก.ย. 2565)',
      'จังหวัด'
    ]
  ])('%s: %s, %s, %s', (id, province, year, scope, noun) => {
    const fw = framework(id);
    expect(provinceText(fw)).toBe(province);
    expect(fiscalYearText(fw)).toBe(year);
    expect(scopeText(fw)).toBe(scope);
    expect(unitNoun(fw)).toBe(noun);
  });

  it('names a national framework over all districts and writes English', () => {
    expect(provinceText({ province: '*' })).toBe('ทั้งประเทศ (รายอำเภอ)');
    expect(unitNoun({ province: '*' })).toBe('อำเภอ');
    expect(provinceText({ province: null }, 'en')).toBe('Whole country (by province)');
    expect(scopeText({ fiscalYear: 2567, period: 'Q4' }, 'en')).toBe('Quarter 4 (Jul 2024 – Sep 2024)');
    expect(fiscalYearText({ fiscalYear: 2567 }, 'en')).toBe('Fiscal year 2567 BE');
  });

  it('gives the scope name alone when the calendar cannot place the year', () => {
    expect(scopeText({ fiscalYear: 2567.5, period: 'R1' })).toBe('รอบการประเมินที่ 1');
  });
});

describe('table names', () => {
  it.each([
    ['bands', 'I1', 'ฉะเชิงเทรา', 'th', 'เกณฑ์รายอำเภอ I1'],
    ['target', 'I5', 'ฉะเชิงเทรา', 'th', 'ค่าเป้าหมายรายอำเภอ I5'],
    ['baseline', 'I5', 'ฉะเชิงเทรา', 'th', 'ฐานรายอำเภอ I5'],
    ['target', 'K1', null, 'th', 'ค่าเป้าหมายรายจังหวัด K1'],
    ['bands', 'I1', 'ฉะเชิงเทรา', 'en', 'Bands by district: I1']
  ] as const)('%s of %s (%s, %s) → %s', (kind, kpiId, province, lang, text) => {
    expect(unitTableTitle(kind, kpiId, { province }, lang)).toBe(text);
  });

  it('names a band table by its KPI', () => {
    expect(bandTableTitle('T1')).toBe('เกณฑ์ระดับ T1');
    expect(bandTableTitle('T1', 'en')).toBe('Bands of T1');
  });
});

describe('valid range and unreachable levels', () => {
  it.each([
    [{ min: 0, max: 5 }, '0–5', '0–5'],
    [{ min: 0, max: null }, 'ไม่น้อยกว่า 0', '0 or more'],
    [{ min: null, max: 100 }, 'ไม่เกิน 100', 'at most 100'],
    [{ min: 0, max: 1000000 }, '0–1,000,000', '0–1,000,000'],
    [{ min: null, max: null }, null, null],
    [{}, null, null]
  ])('%o → %s / %s', (kpi, th, en) => {
    expect(valueRangeText(kpi, 'th')).toBe(th);
    expect(valueRangeText(kpi, 'en')).toBe(en);
  });

  it('names the units and levels, and why', () => {
    const note = { units: ['พนมสารคาม', 'แปลงยาว'], levels: ['4', '3', '2', '1'], why: 'shadowed' as const };
    expect(unreachableText(note, null)).toBe(
      'พนมสารคาม, แปลงยาว: ระดับ 4, 3, 2, 1 ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของระดับเหล่านี้ผ่านเกณฑ์ของระดับที่ดีกว่าก่อน (ตรวจจากระดับที่ดีที่สุดลงไป ระดับแรกที่ผ่านคือระดับที่ได้)'
    );
    expect(unreachableText(note, null, 'en')).toMatch(
      /^พนมสารคาม, แปลงยาว: levels 4, 3, 2, 1 can never be reached: /
    );
    const outside = { units: null, levels: ['5'], why: 'out_of_range' as const };
    expect(unreachableText(outside, { min: 0, max: 5 })).toBe(
      'ระดับ 5 ไม่มีทางได้ เพราะไม่มีค่าที่รายงานได้ (0–5) ใดผ่านเกณฑ์ของระดับนี้ก่อนระดับที่ดีกว่า'
    );
  });
});
