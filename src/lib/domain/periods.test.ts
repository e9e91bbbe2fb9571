import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  THAI_MONTHS_LONG,
  THAI_MONTHS_SHORT,
  addMonths,
  ambiguousMonthReason,
  beToCe,
  ceToBe,
  containsMonth,
  fiscalYearMonths,
  fiscalYearOfMonth,
  fiscalYearPeriod,
  monthLabel,
  monthPeriod,
  parseMonth,
  parsePeriodId,
  periodLabel,
  periodsOfFramework,
  previousPeriod,
  quarterOfMonth,
  quarterPeriod,
  roundOfMonth,
  roundPeriod,
  samePeriodLastYear,
  toIsoMonth,
  type FrameworkScope,
  type Period
} from './periods';

/** The period of an id the test knows is valid. */
function period(id: string): Period {
  const p = parsePeriodId(id);
  if (p === null) throw new Error(`test fixture: bad period id ${id}`);
  return p;
}

const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

describe('Buddhist Era', () => {
  it.each([
    [2567, 2024],
    [2566, 2023],
    [2565, 2022],
    [2562, 2019],
    [2400, 1857]
  ])('BE %i = CE %i', (be, ce) => {
    expect(beToCe(be)).toBe(ce);
    expect(ceToBe(ce)).toBe(be);
  });
});

describe('months of the fiscal year', () => {
  it.each([
    // [ISO month, fiscal year, quarter, round]
    ['2023-09', 2566, 4, 2],
    ['2023-10', 2567, 1, 1],
    ['2023-12', 2567, 1, 1],
    ['2024-01', 2567, 2, 1],
    ['2024-03', 2567, 2, 1],
    ['2024-04', 2567, 3, 2],
    ['2024-06', 2567, 3, 2],
    ['2024-07', 2567, 4, 2],
    ['2024-09', 2567, 4, 2],
    ['2024-10', 2568, 1, 1]
  ])('%s is in FY%i, Q%i, R%i', (iso, fiscalYear, quarter, round) => {
    expect(fiscalYearOfMonth(iso)).toBe(fiscalYear);
    expect(quarterOfMonth(iso)).toBe(quarter);
    expect(roundOfMonth(iso)).toBe(round);
  });

  it('FY2567 = Oct 2566 BE (2023-10) .. Sep 2567 BE (2024-09)', () => {
    expect(fiscalYearMonths(2567)).toEqual([
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09'
    ]);
    expect(fiscalYearPeriod(2567).months.map((m) => monthPeriod(m).id)).toEqual([
      '2566-10',
      '2566-11',
      '2566-12',
      '2567-01',
      '2567-02',
      '2567-03',
      '2567-04',
      '2567-05',
      '2567-06',
      '2567-07',
      '2567-08',
      '2567-09'
    ]);
  });

  it.each([
    ['2023-10', '2566-10', 2567, 1],
    ['2023-12', '2566-12', 2567, 3],
    ['2024-01', '2567-01', 2567, 4],
    ['2024-09', '2567-09', 2567, 12],
    ['2022-04', '2565-04', 2565, 7]
  ])('monthPeriod(%s) is %s, FY%i, month %i of the year', (iso, id, fiscalYear, index) => {
    expect(monthPeriod(iso)).toEqual({ id, grain: 'month', fiscalYear, index, months: [iso] });
  });
});

describe('seed documents', () => {
  it('seed 000: the letter of 15 Jul 2567 is about Q4 of FY2567 = Jul–Sep 2024', () => {
    const q4 = period('FY2567-Q4');
    expect(q4.months).toEqual(['2024-07', '2024-08', '2024-09']);
    const letterDate = parseMonth('๑๕ กรกฎาคม ๒๕๖๗');
    expect(letterDate).toBe('2024-07');
    expect(containsMonth(q4, '2024-07')).toBe(true);
    // "ในไตรมาสที่ ๔ (เดือนกรกฎาคม ๒๕๖๗ - สิงหาคม ๒๕๖๗)"
    expect(parseMonth('เดือนกรกฎาคม ๒๕๖๗')).toBe('2024-07');
    expect(parseMonth('สิงหาคม ๒๕๖๗')).toBe('2024-08');
    expect(periodLabel(q4)).toBe('ไตรมาส 4/2567');
  });

  it('seed 001: round 2 of FY2565 = Apr–Sep 2022 (2565-04 .. 2565-09)', () => {
    const r2 = period('FY2565-R2');
    expect(r2.months).toEqual(['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09']);
    expect(r2.months.map((m) => monthPeriod(m).id)).toEqual([
      '2565-04',
      '2565-05',
      '2565-06',
      '2565-07',
      '2565-08',
      '2565-09'
    ]);
    expect(periodLabel(r2, 'th', 'long')).toBe('รอบการประเมินที่ 2 ปีงบประมาณ 2565');
    // the letter's dates: "๖ กรกฎาคม ๒๕๖๕", "มิถุนายน พ.ศ. 2565", "กรกฎาคม 65", debt base "๑ ต.ค. ๖๔"
    expect(parseMonth('๖ กรกฎาคม ๒๕๖๕')).toBe('2022-07');
    expect(parseMonth('มิถุนายน พ.ศ. 2565')).toBe('2022-06');
    expect(parseMonth('กรกฎาคม 65')).toBe('2022-07');
    expect(parseMonth('๑ ต.ค. ๖๔')).toBe('2021-10');
    expect(fiscalYearOfMonth('2021-10')).toBe(2565);
  });

  it('seed 002: round 1 of FY2567 = Oct 2023–Mar 2024', () => {
    const r1 = period('FY2567-R1');
    expect(r1.months).toEqual(['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
    expect(periodLabel(r1, 'en', 'long')).toBe('Round 1, FY2567 (Oct 2023–Mar 2024)');
    expect(parseMonth('ตุลาคม ๒๕๖๖')).toBe('2023-10');
    expect(parseMonth('มีนาคม ๒๕๖๗')).toBe('2024-03');
  });

  it.each([
    // seed 004: four follow-up rounds a year, one in each quarter of FY2565
    ['๑๕ พ.ย. ๒๕๖๔', '2021-11', 1],
    ['๑๕ ก.พ. ๒๕๖๕', '2022-02', 2],
    ['๑๗ พ.ค. ๒๕๖๕', '2022-05', 3],
    ['๑๕ ส.ค. ๒๕๖๕', '2022-08', 4]
  ])('seed 004: follow-up %s is %s, Q%i of FY2565', (text, iso, quarter) => {
    expect(parseMonth(text)).toBe(iso);
    expect(fiscalYearOfMonth(iso)).toBe(2565);
    expect(quarterOfMonth(iso)).toBe(quarter);
  });
});

describe('parsePeriodId', () => {
  it.each([
    ['2567-09', '2567-09', 'month', 2567, 12, ['2024-09']],
    ['2566-10', '2566-10', 'month', 2567, 1, ['2023-10']],
    ['2024-09', '2567-09', 'month', 2567, 12, ['2024-09']],
    ['FY2567-Q4', 'FY2567-Q4', 'quarter', 2567, 4, ['2024-07', '2024-08', '2024-09']],
    ['fy2567-q1', 'FY2567-Q1', 'quarter', 2567, 1, ['2023-10', '2023-11', '2023-12']],
    [
      'Fy2565-r2',
      'FY2565-R2',
      'round',
      2565,
      2,
      ['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09']
    ],
    [' FY2567 ', 'FY2567', 'year', 2567, 1, fiscalYearMonths(2567)]
  ])('%j → %s', (input, id, grain, fiscalYear, index, months) => {
    expect(parsePeriodId(input)).toEqual({ id, grain, fiscalYear, index, months });
  });

  it.each([
    '',
    'garbage',
    '2567-13',
    '2567-00',
    '2567-9',
    '256709',
    'FY2567-Q5',
    'FY2567-Q0',
    'FY2567-R3',
    'FY2567-',
    'FY2567-H1',
    'FY25670',
    'FY2024',
    'FY2567Q4',
    '2300-01',
    '2701-01',
    '1899-12'
  ])('rejects %j', (input) => {
    expect(parsePeriodId(input)).toBeNull();
  });

  it('round-trips every period of FY2560..FY2570', () => {
    const ids: string[] = [];
    for (let fy = 2560; fy <= 2570; fy++) {
      for (const p of periodsOfFramework(fy, null)) {
        const parsed = parsePeriodId(p.id);
        expect(parsed).toEqual(p);
        ids.push(p.id);
      }
    }
    expect(ids).toHaveLength(11 * 19);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('previousPeriod and samePeriodLastYear', () => {
  it.each([
    ['FY2567-Q1', 'FY2566-Q4'],
    ['FY2567-Q4', 'FY2567-Q3'],
    ['FY2567-Q2', 'FY2567-Q1'],
    ['FY2567-R1', 'FY2566-R2'],
    ['FY2567-R2', 'FY2567-R1'],
    ['FY2567', 'FY2566'],
    ['2566-10', '2566-09'],
    ['2567-01', '2566-12'],
    ['2567-09', '2567-08']
  ])('before %s comes %s', (id, previous) => {
    expect(previousPeriod(period(id))).toEqual(period(previous));
  });

  it('the month before the first month of FY2567 is in FY2566', () => {
    const p = previousPeriod(period('2566-10'));
    expect(p.fiscalYear).toBe(2566);
    expect(p.index).toBe(12);
    expect(p.months).toEqual(['2023-09']);
  });

  it.each([
    ['2567-09', '2566-09'],
    ['2566-10', '2565-10'],
    ['FY2567-Q1', 'FY2566-Q1'],
    ['FY2567-R2', 'FY2566-R2'],
    ['FY2567', 'FY2566']
  ])('a year before %s is %s', (id, lastYear) => {
    expect(samePeriodLastYear(period(id))).toEqual(period(lastYear));
  });
});

describe('periodsOfFramework', () => {
  const cases: [FrameworkScope, string[]][] = [
    [
      'R2',
      [
        '2567-04',
        '2567-05',
        '2567-06',
        '2567-07',
        '2567-08',
        '2567-09',
        'FY2567-Q3',
        'FY2567-Q4',
        'FY2567-R2'
      ]
    ],
    [
      'R1',
      [
        '2566-10',
        '2566-11',
        '2566-12',
        '2567-01',
        '2567-02',
        '2567-03',
        'FY2567-Q1',
        'FY2567-Q2',
        'FY2567-R1'
      ]
    ],
    ['Q1', ['2566-10', '2566-11', '2566-12', 'FY2567-Q1']],
    ['Q2', ['2567-01', '2567-02', '2567-03', 'FY2567-Q2']],
    ['Q3', ['2567-04', '2567-05', '2567-06', 'FY2567-Q3']],
    ['Q4', ['2567-07', '2567-08', '2567-09', 'FY2567-Q4']],
    [
      null,
      [
        ...['10', '11', '12'].map((m) => `2566-${m}`),
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((m) => `2567-${m}`),
        'FY2567-Q1',
        'FY2567-Q2',
        'FY2567-Q3',
        'FY2567-Q4',
        'FY2567-R1',
        'FY2567-R2',
        'FY2567'
      ]
    ]
  ];

  it.each(cases)('FY2567 %s contains %j', (scope, ids) => {
    const periods = periodsOfFramework(2567, scope);
    expect(periods.map((p) => p.id)).toEqual(ids);
    const scopeMonths = periods[periods.length - 1].months;
    for (const p of periods) {
      expect(p.fiscalYear).toBe(2567);
      expect(p.months.every((m) => scopeMonths.includes(m))).toBe(true);
    }
  });
});

describe('containsMonth', () => {
  it.each([
    ['FY2567', '2023-10', true],
    ['FY2567', '2024-10', false],
    ['FY2567-R1', '2024-03', true],
    ['FY2567-R1', '2024-04', false],
    ['FY2565-R2', '2022-09', true],
    ['FY2567-Q4', '2023-07', false],
    ['2567-09', '2024-09', true],
    ['2567-09', '2567-09', false]
  ])('%s contains %s: %s', (id, iso, expected) => {
    expect(containsMonth(period(id), iso)).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    ['2567-09', 'ก.ย. 2567', 'กันยายน 2567', 'Sep 2024', 'September 2024'],
    ['2566-10', 'ต.ค. 2566', 'ตุลาคม 2566', 'Oct 2023', 'October 2023'],
    [
      'FY2567-Q4',
      'ไตรมาส 4/2567',
      'ไตรมาส 4 ปีงบประมาณ 2567',
      'FY2567 Q4',
      'Quarter 4, FY2567 (Jul–Sep 2024)'
    ],
    [
      'FY2567-Q1',
      'ไตรมาส 1/2567',
      'ไตรมาส 1 ปีงบประมาณ 2567',
      'FY2567 Q1',
      'Quarter 1, FY2567 (Oct–Dec 2023)'
    ],
    [
      'FY2567-R2',
      'รอบ 2/2567',
      'รอบการประเมินที่ 2 ปีงบประมาณ 2567',
      'FY2567 R2',
      'Round 2, FY2567 (Apr–Sep 2024)'
    ],
    ['FY2567', 'ปีงบฯ 2567', 'ปีงบประมาณ 2567', 'FY2567', 'Fiscal year 2567 (Oct 2023–Sep 2024)']
  ])('%s: %s | %s | %s | %s', (id, thShort, thLong, enShort, enLong) => {
    const p = period(id);
    expect(periodLabel(p)).toBe(thShort);
    expect(periodLabel(p, 'th', 'short')).toBe(thShort);
    expect(periodLabel(p, 'th', 'long')).toBe(thLong);
    expect(periodLabel(p, 'en')).toBe(enShort);
    expect(periodLabel(p, 'en', 'long')).toBe(enLong);
  });

  it.each([
    ['2023-10', 'th', 'short', 'ต.ค. 2566'],
    ['2024-03', 'th', 'long', 'มีนาคม 2567'],
    ['2024-02', 'en', 'short', 'Feb 2024'],
    ['2024-05', 'en', 'long', 'May 2024']
  ] as const)('monthLabel(%s, %s, %s) = %s', (iso, lang, style, expected) => {
    expect(monthLabel(iso, lang, style)).toBe(expected);
  });

  it('has the twelve Thai month names of the glossary', () => {
    expect(THAI_MONTHS_SHORT.join(' ')).toBe('ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.');
    expect(THAI_MONTHS_LONG.join(' ')).toBe(
      'มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม'
    );
  });
});

describe('month arithmetic', () => {
  it.each([
    [2024, 3, '2024-03'],
    [2023, 10, '2023-10'],
    [987, 1, '0987-01']
  ])('toIsoMonth(%i, %i) = %s', (year, month, expected) => {
    expect(toIsoMonth(year, month)).toBe(expected);
  });

  it.each([
    [2024, 0],
    [2024, 13],
    [2024.5, 3],
    [Number.NaN, 3]
  ])('toIsoMonth(%d, %d) throws', (year, month) => {
    expect(() => toIsoMonth(year, month)).toThrow(RangeError);
  });

  it.each([
    ['2024-03', 1, '2024-04'],
    ['2023-12', 1, '2024-01'],
    ['2024-01', -1, '2023-12'],
    ['2024-03', -12, '2023-03'],
    ['2024-03', 0, '2024-03'],
    ['2024-03', -27, '2021-12'],
    ['2024-03', 30, '2026-09']
  ])('addMonths(%s, %i) = %s', (iso, n, expected) => {
    expect(addMonths(iso, n)).toBe(expected);
  });

  it.each(['2024-13', '2024-3', 'garbage'])('rejects the ISO month %j', (iso) => {
    expect(() => addMonths(iso, 1)).toThrow(RangeError);
    expect(() => monthPeriod(iso)).toThrow(RangeError);
  });
});

describe('parseMonth', () => {
  it.each([
    ['2024-03', '2024-03'],
    ['2567-03', '2024-03'],
    ['2024/03', '2024-03'],
    ['2024-3', '2024-03'],
    ['03/2567', '2024-03'],
    ['3/2567', '2024-03'],
    ['03/2024', '2024-03'],
    ['03-2567', '2024-03'],
    ['03.2567', '2024-03'],
    ['มี.ค. 67', '2024-03'],
    ['มี.ค.67', '2024-03'],
    ['มีค 67', '2024-03'],
    ['มี.ค.-67', '2024-03'],
    ['มี.ค. 2567', '2024-03'],
    ['มีนาคม 2567', '2024-03'],
    ['มีนาคม 67', '2024-03'],
    ['มีนา 67', '2024-03'],
    ['เดือนมีนาคม 2567', '2024-03'],
    ['เดือน มีนาคม 2567', '2024-03'],
    ['มีนาคม พ.ศ. 2567', '2024-03'],
    ['มีนาคม พ.ศ.2567', '2024-03'],
    ['มีนาคม ค.ศ. 2024', '2024-03'],
    ['กรกฏาคม 2567', '2024-07'],
    ['2024-03-15', '2024-03'],
    ['2024-03-15T00:00:00', '2024-03'],
    ['2024-03-15 00:00:00', '2024-03'],
    ['2024-03-15T00:00:00.000Z', '2024-03'],
    ['15/03/2567', '2024-03'],
    ['15/3/2024', '2024-03'],
    // a CE date in either order when only one order is a date; the same month both ways
    ['3/15/2024', '2024-03'],
    ['03/15/2024 0:00', '2024-03'],
    ['1/1/2024', '2024-01'],
    ['12/12/2023', '2023-12'],
    // a BE year: day first, as Thai users write
    ['1/2/2567', '2024-02'],
    ['2/1/2567', '2024-01'],
    ['15-03-2024', '2024-03'],
    ['15.03.2567', '2024-03'],
    ['15 มี.ค. 2567', '2024-03'],
    ['วันที่ 15 มีนาคม 2567', '2024-03'],
    ['29/02/2567', '2024-02'],
    ['Mar 2024', '2024-03'],
    ['March 2024', '2024-03'],
    ['MARCH 2024', '2024-03'],
    ['Mar-24', '2024-03'],
    ['Mar-2024', '2024-03'],
    ['Sept 2024', '2024-09'],
    ['15-Mar-2024', '2024-03'],
    ['March 15, 2024', '2024-03'],
    ['Mar 2567', '2024-03'],
    ['Oct-99', '1999-10'],
    ['๐๓/๒๕๖๗', '2024-03'],
    ['มี.ค. ๖๗', '2024-03'],
    ['๒๕๖๗-๐๓', '2024-03'],
    ['  03 / 2567  ', '2024-03'],
    ['2024 - 03', '2024-03'],
    ['มี.ค.   2567', '2024-03'],
    ['\u200B03/2567\uFEFF', '2024-03'],
    ['มี.ค.\u200C67', '2024-03'],
    ['\u2060มีนาคม\u00A02567\u200D', '2024-03'],
    ['มี.ค.\u00A067', '2024-03'],
    ['10/2566', '2023-10'],
    ['ต.ค. 66', '2023-10'],
    ['2400-01', '1857-01'],
    ['2700-12', '2157-12'],
    ['1900-01', '1900-01'],
    ['2200-12', '2200-12']
  ])('%j → %s', (text, expected) => {
    expect(parseMonth(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'garbage',
    '2024-13',
    '2567-00',
    '13/2567',
    '0/2567',
    '32/03/2567',
    '31/04/2567',
    '29/02/2566',
    '30/02/2024',
    '2024-02-30',
    '2024-03-32',
    '03/67',
    // a CE date whose day and month could be swapped is refused, not guessed (issue 11)
    '2/1/2024',
    '1/2/2024',
    '02/01/2024',
    '2/1/2024 0:00',
    '2-1-2024',
    '2.1.2024',
    '12/11/2023',
    '1/15/2567',
    '2024.03',
    '202403',
    '2399-03',
    '2701-03',
    '1899-03',
    '2201-03',
    'มีนาคม',
    'มีนาคม 567',
    'มีนาคม พ.ศ. 2024',
    'มีนาคม ค.ศ. 2567',
    'มีนาคม 25670',
    'มกรามีนา 2567',
    'Marc 2024',
    'FY2567',
    'FY2567-Q4',
    '2567',
    '15'
  ])('rejects %j', (text) => {
    expect(parseMonth(text)).toBeNull();
  });

  it.each([null, undefined, 2024, {}, []])('returns null for the non-string %j', (value) => {
    expect(parseMonth(value as unknown as string)).toBeNull();
  });

  it('never throws and returns null or an ISO month', () => {
    const alphabet = [...'0123456789๐๑๒๓๔๕๖๗๘๙-/., มีคนาพศเดือนtTzZ:+\u200B\u00A0marchMAR'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: fc.constantFrom(...alphabet) })
        ),
        (text) => {
          const iso = parseMonth(text);
          expect(iso === null || ISO_MONTH.test(iso)).toBe(true);
        }
      )
    );
  });
});

const ENGLISH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ENGLISH_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

function toThaiDigits(s: string): string {
  return s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

/** Every written form of a month that parseMonth supports, for a CE year, month and day. */
function writtenForms(year: number, month: number, day: number): string[] {
  const be = year + 543;
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  const thShort = THAI_MONTHS_SHORT[month - 1];
  const thLong = THAI_MONTHS_LONG[month - 1];
  const enShort = ENGLISH_SHORT[month - 1];
  const forms = [
    `${year}-${mm}`,
    `${be}-${mm}`,
    `${year}/${mm}`,
    `${mm}/${be}`,
    `${month}/${be}`,
    `${mm}/${year}`,
    `${mm}-${be}`,
    `${thShort} ${be}`,
    `${thShort}${be}`,
    `${thShort.replace(/\./g, '')} ${be}`,
    `${thLong} ${be}`,
    `${thLong} พ.ศ. ${be}`,
    `เดือน${thLong} ${be}`,
    `${year}-${mm}-${dd}`,
    `${dd}/${mm}/${be}`,
    `${day} ${thShort} ${be}`,
    `${enShort} ${year}`,
    `${ENGLISH_LONG[month - 1]} ${year}`,
    toThaiDigits(`${mm}/${be}`),
    toThaiDigits(`${day} ${thShort} ${be}`),
    `\u200B ${mm}/${be}\uFEFF`,
    `${thShort}\u00A0${be}`
  ];
  if (be >= 2500 && be <= 2599) {
    const yy = String(be % 100).padStart(2, '0');
    forms.push(`${thShort} ${yy}`, `${thShort}${yy}`, `${thShort}-${yy}`, `${thLong} ${yy}`);
  }
  if (year >= 1930 && year <= 2029) forms.push(`${enShort}-${String(year % 100).padStart(2, '0')}`);
  return forms;
}

describe('ambiguousMonthReason', () => {
  it('names both readings and how to write the month', () => {
    expect(ambiguousMonthReason('2/1/2024')).toBe(
      'เดือนอ่านได้สองแบบ: "2/1/2024" เป็น 2 ม.ค. 2567 (วัน/เดือน/ปี) หรือ 1 ก.พ. 2567 ' +
        '(เดือน/วัน/ปี แบบ Excel ที่ตั้งค่าภาษาอังกฤษสหรัฐฯ) — ไม่ได้เดาให้ ' +
        'เขียนเดือนให้ชัด: 2567-01 / ม.ค. 67 ถ้าหมายถึงมกราคม, 2567-02 / ก.พ. 67 ถ้าหมายถึงกุมภาพันธ์'
    );
    expect(ambiguousMonthReason(' ๑๒/๑๑/๒๐๒๓ ')).toContain('12 พ.ย. 2566 (วัน/เดือน/ปี) หรือ 11 ธ.ค. 2566');
  });

  it.each([
    '15/1/2024',
    '1/15/2024',
    '1/1/2024',
    '1/2/2567',
    '2567-02',
    '2024-02-01',
    'ก.พ. 67',
    'garbage',
    ''
  ])('is null for %j, which is read or refused for another reason', (text) => {
    expect(ambiguousMonthReason(text)).toBeNull();
  });
});

describe('parseMonth and monthPeriod (property)', () => {
  it('reads every written form of any month of 1950..2150 back to the same ISO month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const iso = toIsoMonth(year, month);
          const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
          for (const form of [...writtenForms(year, month, day), ...writtenForms(year, month, lastDay)]) {
            expect(parseMonth(form), form).toBe(iso);
          }
          expect(parseMonth(`${lastDay + 1}/${month}/${year}`)).toBeNull();
          // With a CE year, day first and month first are read when only one of them is a date.
          for (const d of [day, lastDay]) {
            for (const form of [`${d}/${month}/${year}`, `${month}/${d}/${year}`]) {
              const ambiguous = d <= 12 && d !== month;
              expect(parseMonth(form), form).toBe(ambiguous ? null : iso);
              expect(ambiguousMonthReason(form) !== null, form).toBe(ambiguous);
            }
          }

          const p = monthPeriod(iso);
          expect(p.months).toEqual([iso]);
          expect(fiscalYearPeriod(p.fiscalYear).months).toContain(iso);
          expect(quarterPeriod(p.fiscalYear, quarterOfMonth(iso)).months).toContain(iso);
          expect(roundPeriod(p.fiscalYear, roundOfMonth(iso)).months).toContain(iso);
          expect(parsePeriodId(p.id)).toEqual(p);
        }
      )
    );
  });
});
