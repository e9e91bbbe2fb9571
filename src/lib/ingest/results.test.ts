import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Framework, Kpi } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { normalizeUnitName } from '../domain/units';
import { readResultsText, rejectionsToCsv, type ResultsReadReport } from './results';

// A tiny framework in the shape of seed 001 (ฉะเชิงเทรา, FY2565 round 2): OTOP revenue (ตัวชี้วัด 1),
// women's fund debt (9), composite 6 with sub-items 6.1 and 6.2, and an id with letters (M6a).
function kpi(id: string, extra: Partial<Kpi> = {}): Kpi {
  return {
    kpi: id,
    name: `ตัวชี้วัด ${id}`,
    group: null,
    weight: 10,
    scale: '1-5',
    measure: 'value',
    aggregate: 'last',
    interpolate: false,
    targetLevel: null,
    parent: null,
    combine: null,
    ...extra
  };
}

function framework(province: string | null): Framework {
  return {
    id: 'test-2565-r2',
    name: 'ตัวชี้วัดทดสอบ ปีงบ 2565 รอบ 2',
    province,
    fiscalYear: 2565,
    period: 'R2',
    kpis: [
      kpi('1', { measure: 'pct_of_target', aggregate: 'sum' }),
      kpi('6', { measure: 'combine', combine: 'sum' }),
      kpi('6.1', { parent: '6', weight: null, scale: 'points' }),
      kpi('6.2', { parent: '6', weight: null, scale: 'points' }),
      kpi('9', { measure: 'pct_of_target' }),
      kpi('M6a')
    ],
    bands: [],
    targets: [],
    notes: []
  };
}

const CHACHOENGSAO = framework('ฉะเชิงเทรา');
const NATIONAL_PROVINCES = framework(null);
const NATIONAL_DISTRICTS = framework('*');

function read(
  text: string,
  fw: Framework = CHACHOENGSAO,
  aliases?: ReadonlyMap<string, string>
): ResultsReadReport {
  return readResultsText('ผล-เม.ย.65.csv', text, { framework: fw, aliases });
}

function row(
  unitId: string,
  kpiId: string,
  month: string,
  value: number,
  line: number,
  more: Partial<ResultRow> = {}
) {
  return {
    unitId,
    kpi: kpiId,
    month,
    value,
    target: null,
    baseline: null,
    adjust: null,
    source: 'ผล-เม.ย.65.csv',
    line,
    ...more
  };
}

/** Outcome of each line: the rows it gave, or the rejections' reasons. */
function byLine(report: ResultsReadReport, line: number) {
  return {
    rows: report.rows.filter((r) => r.line === line),
    rejected: report.rejected.filter((r) => r.line === line)
  };
}

describe('readResultsText — long file with Thai headers (seed 001 shapes)', () => {
  const text = [
    'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน,ค่าเป้าหมาย', // 1
    'เมืองฯ,1,เม.ย. 65,"1,234,500.50","83,000"', // 2
    'อ.บางคล้า,๑,๐๔/๒๕๖๕,85%,64000', // 3
    'บางน้ำเปรี้ยว,1,2022-04,"157,000 บาท",157000', // 4
    'บางปะกง,9,เม.ย. 65,๑๕๔,๑๔๘.๒๓,-', // 5 (Thai digits, unquoted comma → 6 cells)
    'บางปะกง,9,2565-05,"๑๕๔,๑๔๘.๒๓",-', // 6
    'ท่าตะเกรา,1,เม.ย. 65,7200,7200', // 7
    'คลองเบื่อน,1,เม.ย. 65,17000,17000', // 8
    'ยุทธศาสตร์,1,เม.ย. 65,1,', // 9
    'บ้านโพธิ์,1,เม.ย. 65,-,68700', // 10 (not reported)
    'พนมสารคาม,1,เม.ย. 65,,697500', // 11 (not reported)
    'ราชสาส์น,6,เม.ย. 65,3,', // 12 composite
    'ราชสาส์น,9.9,เม.ย. 65,3,', // 13 unknown KPI
    'สนามชัยเขต,6.1,เดือนหน้า,3,', // 14 bad month
    'แปลงยาว,m6A,มีนาคม 2565,#DIV/0!,abc', // 15 Excel error and bad target
    'อ.บางคล้า,1,2022-04,90,', // 16 duplicate of 3
    'ท่าตะเกียบ,6.2,April 2022,(12),', // 17
    'คลองเขื่อน,6.1,กันยายน 2565,"๑,๐๐๐",' // 18
  ].join('\r\n');
  const report = read(text);

  it('is long', () => {
    expect(report.layout).toBe('long');
    expect(report.file).toBe('ผล-เม.ย.65.csv');
  });

  it.each<[number, ReturnType<typeof row>[]]>([
    [2, [row('2401', '1', '2022-04', 1234500.5, 2, { target: 83000 })]],
    [3, [row('2402', '1', '2022-04', 85, 3, { target: 64000 })]],
    [4, [row('2403', '1', '2022-04', 157000, 4, { target: 157000 })]],
    [6, [row('2404', '9', '2022-05', 154148.23, 6)]],
    [17, [row('2410', '6.2', '2022-04', -12, 17)]],
    [18, [row('2411', '6.1', '2022-09', 1000, 18)]]
  ])('line %i gives its row', (line, rows) => {
    expect(byLine(report, line)).toEqual({ rows, rejected: [] });
  });

  it.each<[number, string | null, string, string[] | undefined]>([
    [5, null, 'จุลภาคคั่นหลักพัน', undefined],
    [7, 'อำเภอ', 'ไม่พบอำเภอ "ท่าตะเกรา" ในจังหวัดฉะเชิงเทรา — หมายถึง ท่าตะเกียบ หรือไม่?', ['ท่าตะเกียบ']],
    [8, 'อำเภอ', 'ไม่พบอำเภอ "คลองเบื่อน" ในจังหวัดฉะเชิงเทรา — หมายถึง คลองเขื่อน หรือไม่?', ['คลองเขื่อน']],
    [9, 'อำเภอ', 'เป็นกลุ่มงานของสำนักงานจังหวัด ไม่ใช่อำเภอ', undefined],
    [12, 'ตัวชี้วัด', 'ตัวชี้วัด 6 เป็นตัวชี้วัดรวม', undefined],
    [13, 'ตัวชี้วัด', 'ไม่รู้จักตัวชี้วัด "9.9" ในกรอบ "ตัวชี้วัดทดสอบ ปีงบ 2565 รอบ 2"', undefined],
    [14, 'เดือน', 'อ่านเดือนไม่ได้: "เดือนหน้า"', undefined],
    [16, null, 'ซ้ำกับบรรทัด 3', undefined]
  ])('line %i is rejected in column %j: %s', (line, column, reason, suggestions) => {
    const outcome = byLine(report, line);
    expect(outcome.rows).toEqual([]);
    expect(outcome.rejected).toHaveLength(1);
    const [rejection] = outcome.rejected;
    expect(rejection.file).toBe('ผล-เม.ย.65.csv');
    expect(rejection.column ?? null).toBe(column);
    expect(rejection.reason).toContain(reason);
    expect(rejection.suggestions).toEqual(suggestions);
  });

  it('reports every problem of a line, each in its column', () => {
    const outcome = byLine(report, 15);
    expect(outcome.rows).toEqual([]);
    expect(outcome.rejected.map((r) => [r.column, r.reason])).toEqual([
      ['ผลการดำเนินงาน', 'คอลัมน์ "ผลการดำเนินงาน": ค่าผิดพลาดจาก Excel: #DIV/0!'],
      ['ค่าเป้าหมาย', 'คอลัมน์ "ค่าเป้าหมาย": ไม่ใช่ตัวเลข: "abc"']
    ]);
  });

  it('keeps blank values out of rows and rejections, and counts them', () => {
    expect(byLine(report, 10)).toEqual({ rows: [], rejected: [] });
    expect(byLine(report, 11)).toEqual({ rows: [], rejected: [] });
    expect(report.warnings).toContain('2 แถวไม่มีค่า (ถือว่าไม่ได้รายงาน)');
  });
});

describe('readResultsText — header names', () => {
  it.each<[string, string]>([
    ['district,kpi,month,value', 'บางคล้า,1,2022-04,5'],
    ['DISTRICT , KPI , Month , Value', 'บางคล้า,1,2022-04,5'],
    ['unit,kpi_id,period,result', 'บางคล้า,1,2022-04,5'],
    ['หน่วยงาน,รหัสตัวชี้วัด,งวด,ผล', 'บางคล้า,1,2022-04,5'],
    ['อำเภอ,รหัส KPI,เดือน/ปี,ผลงาน', 'บางคล้า,1,2022-04,5'],
    ['\uFEFFอำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน (บาท)', 'บางคล้า,1,2022-04,5'],
    ['ผลการดำเนินงาน\tเดือน\tตัวชี้วัด\tอำเภอ', '5\t2022-04\t1\tบางคล้า'],
    ['อำเภอ;ตัวชี้วัด;เดือน;ผล', 'บางคล้า;1;2022-04;5']
  ])('%j', (header, line) => {
    const report = read(`${header}\n${line}\n`);
    expect(report.rejected).toEqual([]);
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 5, 2)]);
  });

  it('reads target, baseline and adjust', () => {
    const report = read(
      'อำเภอ,ตัวชี้วัด,เดือน,ผล,เป้าหมาย,ฐาน,ปรับคะแนน\nบางคล้า,9,2022-06,"102,678.45","102,678.45",250000,-0.5\n'
    );
    expect(report.rows).toEqual([
      row('2402', '9', '2022-06', 102678.45, 2, { target: 102678.45, baseline: 250000, adjust: -0.5 })
    ]);
  });

  it.each<[string, string]>([
    ['target', 'ค่าเป้าหมาย'],
    ['baseline', 'ฐาน'],
    ['adjust', 'ปรับคะแนน']
  ])('an invalid %s is rejected naming the column', (_, column) => {
    const report = read(
      `อำเภอ,ตัวชี้วัด,เดือน,ผล,${column}\nบางคล้า,1,2022-04,5,1.234,5\n`.replace('1.234,5', '"1.234,5"')
    );
    expect(report.rows).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0].column).toBe(column);
    expect(report.rejected[0].reason).toContain('แบบยุโรป');
  });

  it('prefers the KPI id column when a KPI name column sits beside it', () => {
    const report = read('ตัวชี้วัด,รหัสตัวชี้วัด,อำเภอ,เดือน,ผล\nรายได้ OTOP,1,บางคล้า,2022-04,5\n');
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 5, 2)]);
    expect(report.warnings).toContain('มีคอลัมน์ซ้ำ ไม่ได้ใช้: ตัวชี้วัด');
  });

  it('warns about columns it does not use', () => {
    const report = read('ที่,อำเภอ,ตัวชี้วัด,เดือน,ผล,หมายเหตุ\n1,บางคล้า,1,2022-04,5,ส่งช้า\n');
    expect(report.rows).toHaveLength(1);
    expect(report.warnings).toContain('ไม่ได้ใช้คอลัมน์: ที่, หมายเหตุ');
  });

  it('skips title lines above the header, and says so', () => {
    const report = read(
      'รายงานผลการดำเนินงาน จังหวัดฉะเชิงเทรา,,,\nประจำเดือนเมษายน 2565,,,\nอำเภอ,ตัวชี้วัด,เดือน,ผล\nบางคล้า,1,2022-04,5\n'
    );
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 5, 4)]);
    expect(report.warnings.join('\n')).toContain('ข้ามบรรทัด 1–2');
  });

  it.each<[string, string, string[]]>([
    [
      'a file that is neither long nor wide',
      'อำเภอ,เดือน,หมายเหตุ\nบางคล้า,2022-04,x\n',
      ['ตัวชี้วัด (kpi)', 'ผลการดำเนินงาน (value)']
    ],
    ['a long file without months', 'อำเภอ,ตัวชี้วัด,ผล\nบางคล้า,1,5\n', ['เดือน (month)']],
    ['a long file without units', 'ตัวชี้วัด,เดือน,ผล\n1,2022-04,5\n', ['อำเภอ (district)']],
    ['a wide file without units', 'เดือน,1,9\n2022-04,5,6\n', ['อำเภอ (district)']]
  ])('%s → one rejection at line 1 naming what is missing and what was found', (_, text, missing) => {
    const report = read(text);
    expect(report.rows).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0].line).toBe(1);
    for (const name of missing) expect(report.rejected[0].reason).toContain(name);
    const found = text.split('\n')[0].split(',');
    expect(report.rejected[0].reason).toContain(`คอลัมน์ที่พบ: ${found.join(', ')}`);
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['only blank lines', '\n\n ,, \n']
  ])('an %s file → one rejection', (_, text) => {
    const report = read(text);
    expect(report.rows).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0].reason).toContain('ไฟล์ว่าง');
  });

  it('a header without data rows → nothing, no rejection', () => {
    expect(read('อำเภอ,ตัวชี้วัด,เดือน,ผล\r\n')).toMatchObject({ rows: [], rejected: [], warnings: [] });
  });
});

describe('readResultsText — line shapes', () => {
  it('uses short lines when the required cells are there, rejects them otherwise', () => {
    const report = read('อำเภอ,ตัวชี้วัด,เดือน,ผล,เป้าหมาย\nบางคล้า,1,2022-04,5\nบางปะกง,1,2022-04\n');
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 5, 2)]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ line: 3 });
    expect(report.rejected[0].reason).toContain('ไม่มีช่อง ผล');
  });

  it('uses long lines and warns about the extra cells', () => {
    const report = read('อำเภอ,ตัวชี้วัด,เดือน,ผล\nบางคล้า,1,2022-04,5,,\nบางปะกง,1,2022-04,6,ดูหมายเหตุ\n');
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 5, 2), row('2404', '1', '2022-04', 6, 3)]);
    expect(report.warnings.join('\n')).toContain('1 แถวมีช่องเกินหัวตาราง ไม่ได้ใช้ช่องที่เกิน (บรรทัด 3)');
  });

  it("turns the CSV parser's errors into rejections", () => {
    const report = read(
      'อำเภอ,ตัวชี้วัด,เดือน,ผล\nบางคล้า,1,2022-04,5\nบางปะกง,1,2022-04,"6\nบ้านโพธิ์,1,2022-04,7\n'
    );
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 5, 2)]);
    expect(report.rejected.map((r) => r.line)).toEqual([3]);
    expect(report.rejected[0].reason).toContain('เครื่องหมายคำพูด');
  });

  it('keeps the first of duplicate rows, also across month forms and name forms', () => {
    const report = read('อำเภอ,ตัวชี้วัด,เดือน,ผล\nเมืองฉะเชิงเทรา,1,2022-04,5\nอ.เมืองฯ,1,เมษายน 2565,6\n');
    expect(report.rows).toEqual([row('2401', '1', '2022-04', 5, 2)]);
    expect(report.rejected[0]).toMatchObject({ line: 3 });
    expect(report.rejected[0].reason).toContain('ซ้ำกับบรรทัด 2');
  });
});

describe('readResultsText — wide layout', () => {
  const text = [
    'ที่,อำเภอ,เดือน,1,เป้าหมาย 1,ผล 6.1,6.2,6,9.9', // 1
    '1,เมืองฯ,เม.ย. 65,"83,500","83,000",3,,,', // 2
    '2,บางคล้า,เม.ย. 65,,,,,,', // 3 nothing reported
    '3,บางน้ำเปรี้ยว,เม.ย. 65,-,157000,-,,,', // 4 only blanks
    '4,ท่าตะเกรา,เม.ย. 65,7000,,,,,', // 5 unknown district
    '5,ราชสาส์น,เม.ย. 65,abc,,2,1,4,', // 6 bad number, composite column
    '6,เมืองฉะเชิงเทรา,2022-04,1,,,,,' // 7 duplicate of line 2 for KPI 1
  ].join('\n');
  const report = read(text);

  it('is wide', () => expect(report.layout).toBe('wide'));

  it('gives one row per non-blank KPI cell', () => {
    expect(report.rows).toEqual([
      row('2401', '1', '2022-04', 83500, 2, { target: 83000 }),
      row('2401', '6.1', '2022-04', 3, 2),
      row('2407', '6.1', '2022-04', 2, 6),
      row('2407', '6.2', '2022-04', 1, 6)
    ]);
  });

  it.each<[number, string | null, string]>([
    [5, 'อำเภอ', 'ไม่พบอำเภอ "ท่าตะเกรา"'],
    [6, '1', 'ไม่ใช่ตัวเลข: "abc"'],
    [6, '6', 'ตัวชี้วัด 6 เป็นตัวชี้วัดรวม'],
    [7, '1', 'ซ้ำกับบรรทัด 2']
  ])('line %i is rejected in column %j: %s', (line, column, reason) => {
    const rejection = report.rejected.find((r) => r.line === line && r.column === column);
    expect(rejection?.reason).toContain(reason);
  });

  it('rejects nothing else and counts lines with no value', () => {
    expect(report.rejected).toHaveLength(4);
    expect(report.warnings).toContain('2 แถวไม่มีค่า (ถือว่าไม่ได้รายงาน)');
    expect(report.warnings.join('\n')).toContain('ไม่มีในกรอบ ไม่ได้อ่าน: 9.9');
    expect(report.warnings).toContain('ไม่ได้ใช้คอลัมน์: ที่');
  });

  it('gives a lone KPI column the generic target column', () => {
    const wide = read('อำเภอ,เดือน,ค่าเป้าหมาย,M6A\nบางคล้า,2022-04,100,80\n');
    expect(wide.layout).toBe('wide');
    expect(wide.rows).toEqual([row('2402', 'M6a', '2022-04', 80, 2, { target: 100 })]);
  });
});

describe('readResultsText — units', () => {
  it('rejects rows of another province when the file has a province column', () => {
    const report = read(
      'จังหวัด,อำเภอ,ตัวชี้วัด,เดือน,ผล\nฉะเชิงเทรา,บางคล้า,1,2022-04,5\nชลบุรี,บางละมุง,1,2022-04,6\n'
    );
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 5, 2)]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ line: 3, column: 'จังหวัด' });
    expect(report.rejected[0].reason).toContain('แถวนี้เป็นของจังหวัดชลบุรี ไม่ใช่จังหวัดฉะเชิงเทรา');
  });

  it('reads a national file whose units are provinces', () => {
    const report = read(
      'จังหวัด,ตัวชี้วัด,เดือน,ผล\nฉะเชิงเทรา,1,2022-04,5\nจ.ชลบุรี,1,2022-04,6\nฉะเชิงเทา,1,2022-04,7\n',
      NATIONAL_PROVINCES
    );
    expect(report.rows).toEqual([row('24', '1', '2022-04', 5, 2), row('20', '1', '2022-04', 6, 3)]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0].reason).toContain('ไม่พบจังหวัด "ฉะเชิงเทา" — หมายถึง ฉะเชิงเทรา');
    expect(report.rejected[0].suggestions).toContain('ฉะเชิงเทรา');
  });

  it('takes a unit column as the province in a national file', () => {
    const report = read('หน่วยงาน,ตัวชี้วัด,เดือน,ผล\nสพจ.ฉะเชิงเทรา,1,2022-04,5\n', NATIONAL_PROVINCES);
    expect(report.rows).toEqual([row('24', '1', '2022-04', 5, 2)]);
  });

  it('needs the province to place เฉลิมพระเกียรติ in a file over all districts', () => {
    const report = read(
      [
        'จังหวัด,อำเภอ,ตัวชี้วัด,เดือน,ผล',
        'น่าน,เฉลิมพระเกียรติ,1,2022-04,5',
        ',เฉลิมพระเกียรติ,1,2022-04,6',
        'ฉะเชิงเทรา,บางคล้า,1,2022-04,7',
        ',บางคล้า,1,2022-04,8',
        'ฉะเชิงเทรา,เฉลิมพระเกียรติ,1,2022-04,9'
      ].join('\n'),
      NATIONAL_DISTRICTS
    );
    expect(report.rows).toEqual([row('5515', '1', '2022-04', 5, 2), row('2402', '1', '2022-04', 7, 4)]);
    const ambiguous = byLine(report, 3).rejected;
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0].reason).toContain('มีในหลายจังหวัด');
    for (const province of ['สระบุรี', 'นครราชสีมา', 'บุรีรัมย์', 'น่าน', 'นครศรีธรรมราช']) {
      expect(ambiguous[0].reason).toContain(province);
    }
    expect(ambiguous[0].suggestions).toHaveLength(5);
    expect(byLine(report, 5).rejected[0].reason).toContain('ซ้ำกับบรรทัด 4');
    expect(byLine(report, 6).rejected[0].reason).toContain('ไม่พบอำเภอ "เฉลิมพระเกียรติ" ในจังหวัดฉะเชิงเทรา');
  });

  it('rejects a file over all districts when a repeated name has no province column', () => {
    const report = read(
      'อำเภอ,ตัวชี้วัด,เดือน,ผล\nเฉลิมพระเกียรติ,1,2022-04,5\nบางคล้า,1,2022-04,6\n',
      NATIONAL_DISTRICTS
    );
    expect(report.rows).toEqual([row('2402', '1', '2022-04', 6, 3)]);
    expect(report.rejected[0].reason).toContain('มีในหลายจังหวัด');
  });

  it('consults the aliases first', () => {
    const aliases = new Map([[normalizeUnitName('ท่าตะเกรา'), '2410']]);
    const report = read('อำเภอ,ตัวชี้วัด,เดือน,ผล\nอ.ท่าตะเกรา,1,2022-04,5\n', CHACHOENGSAO, aliases);
    expect(report.rows).toEqual([row('2410', '1', '2022-04', 5, 2)]);
  });

  it('rejects a total line under the table', () => {
    const report = read('อำเภอ,ตัวชี้วัด,เดือน,ผล\nบางคล้า,1,2022-04,5\nรวมทั้งสิ้น,1,2022-04,5\n');
    expect(report.rejected[0].reason).toContain('"รวมทั้งสิ้น" เป็นแถวผลรวม');
  });
});

describe('readResultsText — accounting on a messy file', () => {
  it('puts every data line in rows, in rejected, or among the blank values', () => {
    const lines = [
      'สรุปผล อำเภอในจังหวัดฉะเชิงเทรา', // title line, skipped with a warning
      'อำเภอ\tตัวชี้วัด\tเดือน\tผลการดำเนินงาน\tค่าเป้าหมาย',
      'เมืองฯ\t1\tเม.ย. 65\t1,234,500.50\t',
      '\u200Bบางคล้า\u00A0\t๑\t๐๔/๒๕๖๕\t85%\t-',
      '',
      '\t\t\t\t',
      'ท่าตะเกรา\t1\t2022-04\t5\t',
      'ยุทธศาสตร์\t1\t2022-04\t5\t',
      'บางปะกง\t1\t2022-04\t-\t100', // blank value
      'บางปะกง\t1\t2022-04\t\t', // blank value
      'บ้านโพธิ์\t1',
      'พนมสารคาม\t1\t2022-04\t"5',
      'ราชสาส์น\t1\t2022-04\t6\t7'
    ];
    const report = read(lines.join('\n'));
    const blankValueLines = [9, 10];
    // The unclosed quote on line 12 makes lines 12–13 one record, which the parser's rejection covers.
    const swallowedFrom = 12;
    const accounted = new Set([...report.rows.map((r) => r.line), ...report.rejected.map((r) => r.line)]);
    const dataLines = lines
      .map((text, index) => ({ text, line: index + 1 }))
      .filter(({ text, line }) => line > 2 && text.replace(/[\t\s\u200B]/g, '') !== '')
      .map(({ line }) => line);
    expect(dataLines).toEqual([3, 4, 7, 8, 9, 10, 11, 12, 13]);
    for (const line of dataLines) {
      if (blankValueLines.includes(line)) expect(accounted.has(line)).toBe(false);
      else if (line > swallowedFrom) expect(accounted.has(swallowedFrom)).toBe(true);
      else expect(accounted.has(line)).toBe(true);
    }
    expect(report.warnings).toContain(`${blankValueLines.length} แถวไม่มีค่า (ถือว่าไม่ได้รายงาน)`);
    expect(report.warnings.join('\n')).toContain('ข้ามบรรทัด 1 ');
    expect(report.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(report.rejected.map((r) => r.line)).toEqual([7, 8, 11, 12]);
    expect(report.rejected[3].reason).toContain('ไม่ได้ปิด');
  });
});

describe('rejectionsToCsv', () => {
  it('writes a BOM, CRLF lines, quoted fields and joined suggestions', () => {
    const csv = rejectionsToCsv([
      {
        file: 'ผล.csv',
        line: 7,
        column: 'อำเภอ',
        reason: 'ไม่พบอำเภอ "ท่าตะเกรา"',
        suggestions: ['ท่าตะเกียบ', 'ท่าตะเกียบ จ.x']
      },
      { file: '=cmd.csv', line: 1, reason: '-1, แถว' }
    ]);
    expect(csv).toBe(
      '\uFEFF"file","line","column","reason","suggestions"\r\n' +
        '"ผล.csv","7","อำเภอ","ไม่พบอำเภอ ""ท่าตะเกรา""","ท่าตะเกียบ | ท่าตะเกียบ จ.x"\r\n' +
        `"'=cmd.csv","1","","'-1, แถว",""\r\n`
    );
  });

  it('writes only the header for no rejections', () => {
    expect(rejectionsToCsv([])).toBe('\uFEFF"file","line","column","reason","suggestions"\r\n');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const DISTRICT_NAMES: readonly (readonly [string, readonly string[]])[] = [
  ['2401', ['เมืองฉะเชิงเทรา', 'เมืองฯ', 'อ.เมืองฉะเชิงเทรา']],
  ['2402', ['บางคล้า', 'อ.บางคล้า', 'อำเภอบางคล้า']],
  ['2403', ['บางน้ำเปรี้ยว']],
  ['2404', ['บางปะกง', 'อ. บางปะกง']],
  ['2405', ['บ้านโพธิ์']],
  ['2406', ['พนมสารคาม']],
  ['2407', ['ราชสาส์น']],
  ['2408', ['สนามชัยเขต']],
  ['2409', ['แปลงยาว']],
  ['2410', ['ท่าตะเกียบ']],
  ['2411', ['คลองเขื่อน']]
];
const KPI_SPELLINGS: readonly (readonly [string, readonly string[]])[] = [
  ['1', ['1', '๑', ' 1 ']],
  ['6.1', ['6.1', '๖.๑']],
  ['6.2', ['6.2']],
  ['9', ['9', '๙']],
  ['M6a', ['M6a', 'm6a', 'M6A']]
];
const HEADER_NAMES: Readonly<Record<string, readonly string[]>> = {
  unit: ['อำเภอ', 'district', 'unit', 'หน่วยงาน', 'District'],
  kpi: ['ตัวชี้วัด', 'kpi', 'รหัสตัวชี้วัด', 'รหัส KPI', 'kpi_id', 'KPI'],
  month: ['เดือน', 'month', 'งวด', 'เดือน/ปี'],
  value: ['ผลการดำเนินงาน', 'value', 'ผล', 'ผลงาน'],
  target: ['ค่าเป้าหมาย', 'target', 'เป้าหมาย'],
  baseline: ['ฐาน', 'baseline'],
  adjust: ['ปรับคะแนน', 'adjust']
};
const THAI_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.'
];
const THAI_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม'
];

function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

const MONTH_FORMS: readonly ((year: number, month: number) => string)[] = [
  (y, m) => `${y}-${String(m).padStart(2, '0')}`,
  (y, m) => `${y + 543}-${String(m).padStart(2, '0')}`,
  (y, m) => `${String(m).padStart(2, '0')}/${y + 543}`,
  (y, m) => `${THAI_SHORT[m - 1]} ${String(y + 543).slice(2)}`,
  (y, m) => `${THAI_LONG[m - 1]} ${y + 543}`,
  (y, m) => toThaiDigits(`${m}/${y + 543}`)
];

function grouped(text: string): string {
  const [whole, fraction] = text.replace('-', '').split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (text.startsWith('-') ? '-' : '') + withCommas + (fraction === undefined ? '' : `.${fraction}`);
}

const NUMBER_FORMS: readonly ((plain: string) => string)[] = [
  (plain) => plain,
  (plain) => grouped(plain),
  (plain) => toThaiDigits(grouped(plain)),
  (plain) => `${plain}%`,
  (plain) => (plain.startsWith('-') ? `(${plain.slice(1)})` : `${plain} บาท`)
];

/** A number as a spreadsheet would hold it: cents, written plainly. */
const cents = fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((n) => n / 100);

function plainNumber(value: number): string {
  return String(value);
}

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

interface GeneratedRow {
  unit: number;
  kpi: number;
  year: number;
  month: number;
  value: number;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
  unitSpelling: number;
  kpiSpelling: number;
  monthForm: number;
  numberForm: number;
}

const generatedRow: fc.Arbitrary<GeneratedRow> = fc.record({
  unit: fc.integer({ min: 0, max: DISTRICT_NAMES.length - 1 }),
  kpi: fc.integer({ min: 0, max: KPI_SPELLINGS.length - 1 }),
  year: fc.integer({ min: 2019, max: 2026 }),
  month: fc.integer({ min: 1, max: 12 }),
  value: cents,
  target: fc.option(cents),
  baseline: fc.option(cents),
  adjust: fc.option(fc.constantFrom(-0.5, -1, 0.5)),
  unitSpelling: fc.nat(),
  kpiSpelling: fc.nat(),
  monthForm: fc.nat(),
  numberForm: fc.nat()
});

describe('readResultsText — properties', () => {
  it('returns exactly the rows that were written, whatever the column order, names and forms', () => {
    const columnSets = fc.record({
      optional: fc.subarray(['target', 'baseline', 'adjust']),
      order: fc.nat(),
      names: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
      delimiter: fc.constantFrom(',', '\t'),
      bom: fc.boolean(),
      lineEnd: fc.constantFrom('\n', '\r\n')
    });
    const rows = fc.uniqueArray(generatedRow, {
      maxLength: 40,
      selector: (r) => `${r.unit}|${r.kpi}|${r.year}|${r.month}`
    });
    fc.assert(
      fc.property(columnSets, rows, fc.infiniteStream(fc.nat()), (columns, generated, shuffles) => {
        const roles = ['unit', 'kpi', 'month', 'value', ...columns.optional];
        // A random permutation of the roles.
        const order = [...roles];
        for (let i = order.length - 1; i > 0; i--) {
          const j = shuffles.next().value % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        const header = order.map((role, i) => {
          const names = HEADER_NAMES[role];
          return names[columns.names[i] % names.length];
        });
        const expected: ResultRow[] = [];
        const lines = [header.map((cell) => quote(cell, columns.delimiter)).join(columns.delimiter)];
        generated.forEach((r, index) => {
          const [unitId, unitNames] = DISTRICT_NAMES[r.unit];
          const [kpiId, kpiNames] = KPI_SPELLINGS[r.kpi];
          const numberForm = NUMBER_FORMS[r.numberForm % NUMBER_FORMS.length];
          const cellOf: Record<string, string> = {
            unit: unitNames[r.unitSpelling % unitNames.length],
            kpi: kpiNames[r.kpiSpelling % kpiNames.length],
            month: MONTH_FORMS[r.monthForm % MONTH_FORMS.length](r.year, r.month),
            value: numberForm(plainNumber(r.value)),
            target: r.target === null ? '' : numberForm(plainNumber(r.target)),
            baseline: r.baseline === null ? '-' : plainNumber(r.baseline),
            adjust: r.adjust === null ? '' : plainNumber(r.adjust)
          };
          lines.push(order.map((role) => quote(cellOf[role], columns.delimiter)).join(columns.delimiter));
          expected.push({
            unitId,
            kpi: kpiId,
            month: `${r.year}-${String(r.month).padStart(2, '0')}`,
            value: r.value === 0 ? 0 : r.value,
            target: columns.optional.includes('target') ? r.target : null,
            baseline: columns.optional.includes('baseline') ? r.baseline : null,
            adjust: columns.optional.includes('adjust') ? r.adjust : null,
            source: 'ผล-เม.ย.65.csv',
            line: index + 2
          });
        });
        const text = (columns.bom ? '\uFEFF' : '') + lines.join(columns.lineEnd) + columns.lineEnd;
        const report = read(text);
        expect(report.rejected).toEqual([]);
        expect(report.layout).toBe('long');
        expect(report.rows).toEqual(expected);
      }),
      { numRuns: 150 }
    );
  });

  it('never throws on garbage, and every rejection says where and why', () => {
    const pieces = fc.constantFrom(
      ',',
      '\t',
      ';',
      '"',
      '\n',
      '\r\n',
      '\r',
      ' ',
      'อำเภอ',
      'ตัวชี้วัด',
      'เดือน',
      'ผล',
      'จังหวัด',
      '1',
      '6',
      '6.1',
      'บางคล้า',
      'เฉลิมพระเกียรติ',
      'เมืองฯ',
      'เม.ย. 65',
      '2022-04',
      '1,234',
      '-',
      '%',
      '#N/A',
      '\uFEFF',
      '\u200B',
      '\u0000',
      '๑๒'
    );
    const garbage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join(''))
    );
    fc.assert(
      fc.property(
        garbage,
        fc.constantFrom(CHACHOENGSAO, NATIONAL_PROVINCES, NATIONAL_DISTRICTS),
        (text, fw) => {
          const report = read(text, fw);
          expect(Array.isArray(report.rows)).toBe(true);
          for (const rejection of report.rejected) {
            expect(rejection.line).toBeGreaterThanOrEqual(1);
            expect(rejection.reason.length).toBeGreaterThan(0);
          }
          for (const r of report.rows) {
            expect(Number.isFinite(r.value)).toBe(true);
            expect(r.month).toMatch(/^\d{4}-\d{2}$/);
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});
