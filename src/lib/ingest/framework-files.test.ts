import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Framework, FrameworkIssue } from '../domain/framework';
import { hasErrors } from '../domain/framework-validate';
import {
  findJsonSyntaxError,
  frameworkToCsvFiles,
  frameworkToJson,
  readFrameworkFiles,
  readFrameworkJson,
  type FrameworkFile
} from './framework-files';

/**
 * Seed 000 (Buriram, Q4 FY2567), mission 9: two sub-items banded to 10/9/8/7 points, summed, and the sum
 * banded A = 20, B 17–19, C 15–16, D below 15. Sub-item 1's levels A–C are garbled in the letter; the
 * readings chosen are in the notes. Written as a user would: Thai digits, a multi-line quoted label.
 */
const MISSION_9: FrameworkFile[] = [
  {
    name: 'ภารกิจ 9/framework.csv',
    text: [
      'id,name,province,fiscal_year,period,notes,source',
      'buriram-2567-q4-m9,ภารกิจสำคัญ ไตรมาส 4 (ภารกิจที่ 9),บุรีรัมย์,๒๕๖๗,Q4,' +
        '"ข้อ 1 ระดับ A–C อ่านไม่ออก: ใช้ร้อยละ 100/90/80 | ข้อ 2 ระดับ C เขียน 0.50–0.75: ใช้ตั้งแต่ 0.50",' +
        'seed 000 ภารกิจที่ ๙'
    ].join('\n')
  },
  {
    name: 'ภารกิจ 9/kpis.csv',
    text: [
      'kpi,name,group,weight,scale,measure,aggregate,interpolate,target_level,parent,combine',
      'M9,กลุ่มออมทรัพย์เพื่อการผลิต (กข.คจ.),ภารกิจ,100,A-D,combine,last,false,,,sum',
      'M9a,จัดตั้งกลุ่มออมทรัพย์ในหมู่บ้าน กข.คจ.,ภารกิจ,,points,pct_of_target,last,false,,M9,',
      'M9b,เพิ่มสมาชิกกลุ่มออมทรัพย์เพื่อการผลิต,ภารกิจ,,points,value,last,false,,M9,'
    ].join('\n')
  },
  {
    name: 'ภารกิจ 9/levels.csv',
    text: [
      'kpi,level,points,op,value,value2,unit,label',
      'M9,A,4,>=,20,,,ค่าคะแนนรวม ๒๐ คะแนน',
      'M9,B,3,between,๑๗,๑๙,,๑๗ - ๑๙ คะแนน',
      'M9,C,2,between,15,16,,๑๕ - ๑๖ คะแนน',
      'M9,D,1,any,,,,น้อยกว่า ๑๕ คะแนน',
      'M9a,A,10,>=,100,,,ร้อยละ ๑๐๐ ของจำนวนที่กรมฯ กำหนด',
      'M9a,B,9,>=,90,,,ร้อยละ ๙๐',
      'M9a,C,8,>=,80,,,ร้อยละ ๘๐',
      'M9a,D,7,any,,,,"น้อยกว่าร้อยละ ๘๐',
      'ของจำนวนที่กรมฯ กำหนด"',
      'M9b,A,10,>=,1,,,ร้อยละ ๑ ของประชากรที่ไม่ได้เป็นสมาชิก',
      'M9b,B,9,>=,0.75,,,ร้อยละ ๐.๗๕ - ๐.๙๙',
      'M9b,C,8,>=,0.5,,,ร้อยละ ๐.๕๐ - ๐.๗๔',
      'M9b,D,7,any,,,,น้อยกว่าร้อยละ ๐.๕๐'
    ].join('\r\n')
  }
];

const MISSION_9_FRAMEWORK: Framework = {
  id: 'buriram-2567-q4-m9',
  name: 'ภารกิจสำคัญ ไตรมาส 4 (ภารกิจที่ 9)',
  province: 'บุรีรัมย์',
  fiscalYear: 2567,
  period: 'Q4',
  notes: ['ข้อ 1 ระดับ A–C อ่านไม่ออก: ใช้ร้อยละ 100/90/80', 'ข้อ 2 ระดับ C เขียน 0.50–0.75: ใช้ตั้งแต่ 0.50'],
  source: 'seed 000 ภารกิจที่ ๙',
  kpis: [
    {
      kpi: 'M9',
      name: 'กลุ่มออมทรัพย์เพื่อการผลิต (กข.คจ.)',
      group: 'ภารกิจ',
      weight: 100,
      scale: 'A-D',
      measure: 'combine',
      aggregate: 'last',
      interpolate: false,
      targetLevel: null,
      parent: null,
      combine: 'sum',
      unitLabel: null,
      min: null,
      max: null,
      howToReport: null,
      shortName: null
    },
    {
      kpi: 'M9a',
      name: 'จัดตั้งกลุ่มออมทรัพย์ในหมู่บ้าน กข.คจ.',
      group: 'ภารกิจ',
      weight: null,
      scale: 'points',
      measure: 'pct_of_target',
      aggregate: 'last',
      interpolate: false,
      targetLevel: null,
      parent: 'M9',
      combine: null,
      unitLabel: null,
      min: null,
      max: null,
      howToReport: null,
      shortName: null
    },
    {
      kpi: 'M9b',
      name: 'เพิ่มสมาชิกกลุ่มออมทรัพย์เพื่อการผลิต',
      group: 'ภารกิจ',
      weight: null,
      scale: 'points',
      measure: 'value',
      aggregate: 'last',
      interpolate: false,
      targetLevel: null,
      parent: 'M9',
      combine: null,
      unitLabel: null,
      min: null,
      max: null,
      howToReport: null,
      shortName: null
    }
  ],
  bands: [
    {
      kpi: 'M9',
      level: 'A',
      points: 4,
      op: '>=',
      value: 20,
      value2: null,
      unit: null,
      label: 'ค่าคะแนนรวม ๒๐ คะแนน'
    },
    {
      kpi: 'M9',
      level: 'B',
      points: 3,
      op: 'between',
      value: 17,
      value2: 19,
      unit: null,
      label: '๑๗ - ๑๙ คะแนน'
    },
    {
      kpi: 'M9',
      level: 'C',
      points: 2,
      op: 'between',
      value: 15,
      value2: 16,
      unit: null,
      label: '๑๕ - ๑๖ คะแนน'
    },
    {
      kpi: 'M9',
      level: 'D',
      points: 1,
      op: 'any',
      value: null,
      value2: null,
      unit: null,
      label: 'น้อยกว่า ๑๕ คะแนน'
    },
    {
      kpi: 'M9a',
      level: 'A',
      points: 10,
      op: '>=',
      value: 100,
      value2: null,
      unit: null,
      label: 'ร้อยละ ๑๐๐ ของจำนวนที่กรมฯ กำหนด'
    },
    { kpi: 'M9a', level: 'B', points: 9, op: '>=', value: 90, value2: null, unit: null, label: 'ร้อยละ ๙๐' },
    { kpi: 'M9a', level: 'C', points: 8, op: '>=', value: 80, value2: null, unit: null, label: 'ร้อยละ ๘๐' },
    {
      kpi: 'M9a',
      level: 'D',
      points: 7,
      op: 'any',
      value: null,
      value2: null,
      unit: null,
      label: 'น้อยกว่าร้อยละ ๘๐\r\nของจำนวนที่กรมฯ กำหนด'
    },
    {
      kpi: 'M9b',
      level: 'A',
      points: 10,
      op: '>=',
      value: 1,
      value2: null,
      unit: null,
      label: 'ร้อยละ ๑ ของประชากรที่ไม่ได้เป็นสมาชิก'
    },
    {
      kpi: 'M9b',
      level: 'B',
      points: 9,
      op: '>=',
      value: 0.75,
      value2: null,
      unit: null,
      label: 'ร้อยละ ๐.๗๕ - ๐.๙๙'
    },
    {
      kpi: 'M9b',
      level: 'C',
      points: 8,
      op: '>=',
      value: 0.5,
      value2: null,
      unit: null,
      label: 'ร้อยละ ๐.๕๐ - ๐.๗๔'
    },
    {
      kpi: 'M9b',
      level: 'D',
      points: 7,
      op: 'any',
      value: null,
      value2: null,
      unit: null,
      label: 'น้อยกว่าร้อยละ ๐.๕๐'
    }
  ],
  targets: []
};

/** The three §9.2 files with the given bodies (header lines included), under a folder. */
function folder(parts: {
  framework?: string;
  kpis?: string;
  levels?: string;
  targets?: string;
}): FrameworkFile[] {
  const files: FrameworkFile[] = [
    {
      name: 'rules/framework.csv',
      text: parts.framework ?? 'id,name,province,fiscal_year,period\nt,ทดสอบ,ฉะเชิงเทรา,2565,R2'
    },
    {
      name: 'rules/kpis.csv',
      text:
        parts.kpis ??
        'kpi,name,group,weight,scale,measure,aggregate,interpolate,target_level,parent,combine\n' +
          '1,ร้อยละการใช้จ่ายงบประมาณ,ทีม,100,1-5,pct_of_target,last,false,,,'
    },
    {
      name: 'rules/levels.csv',
      text:
        parts.levels ??
        'kpi,level,points,op,value,value2,unit,label\n' +
          [80, 85, 90, 95, 100].map((value, i) => `1,${i + 1},${i + 1},>=,${value},,,`).join('\n')
    }
  ];
  if (parts.targets !== undefined) files.push({ name: 'rules/targets.csv', text: parts.targets });
  return files;
}

const KPI_HEADER = 'kpi,name,group,weight,scale,measure,aggregate,interpolate,target_level,parent,combine';
const LEVEL_HEADER = 'kpi,level,points,op,value,value2,unit,label';

function errors(issues: FrameworkIssue[]) {
  return issues.filter((issue) => issue.severity === 'error');
}

function find(issues: FrameworkIssue[], where: string, text: string) {
  return issues.filter((issue) => issue.where === where && issue.message.includes(text));
}

describe('readFrameworkFiles: seed 000 mission 9 as a framework folder', () => {
  it('reads the composite with Thai digits and a multi-line label, valid, no issues', () => {
    const result = readFrameworkFiles(MISSION_9);
    expect(result.issues).toEqual([]);
    expect(result.framework).toEqual(MISSION_9_FRAMEWORK);
  });

  it('names the right physical line after a quoted label with a line break', () => {
    const files = MISSION_9.map((file) =>
      file.name.endsWith('levels.csv')
        ? { ...file, text: file.text.replace('M9b,B,9,>=,0.75', 'M9b,B,9,between,0.75') }
        : file
    );
    const result = readFrameworkFiles(files);
    expect(result.framework).toBeNull();
    // Header 1, M9 2–5, M9a 6–9 (its D label spans lines 9–10), M9b A 11, B 12 (a range without value2).
    expect(errors(result.issues).map((issue) => issue.where)).toEqual(['levels.csv:12']);
    expect(errors(result.issues)[0].message).toContain('ตัวชี้วัด M9b');
  });
});

describe('kpis.csv min and max (extension of §9.2: the valid range of a reported value)', () => {
  const levels = `${LEVEL_HEADER}\n` + [1, 2, 3, 4, 5].map((k) => `1,${k},${k},>=,${k},,,`).join('\n');

  it.each([
    ['0', '5', 0, 5],
    ['๐', '๕', 0, 5],
    ['', '100', null, 100],
    ['0', '', 0, null],
    ['', '', null, null],
    ['-10', '1,000', -10, 1000]
  ])('min "%s", max "%s" → %s, %s', (min, max, expectedMin, expectedMax) => {
    const result = readFrameworkFiles(
      folder({
        kpis: `${KPI_HEADER},unit_label,min,max\n1,ขั้นตอน,ทีม,100,1-5,value,last,false,,,,ขั้นตอน,${min},"${max}"`,
        levels
      })
    );
    expect(result.issues).toEqual([]);
    expect(result.framework?.kpis[0]).toMatchObject({ min: expectedMin, max: expectedMax });
  });

  it('a cell that is not a number is an error naming the line and column; min above max too', () => {
    const bad = readFrameworkFiles(
      folder({ kpis: `${KPI_HEADER},min,max\n1,ก,ทีม,100,1-5,value,last,false,,,,ห้า,5`, levels })
    );
    expect(bad.framework).toBeNull();
    expect(find(bad.issues, 'kpis.csv:2', 'คอลัมน์ min')).toHaveLength(1);
    const upsideDown = readFrameworkFiles(
      folder({ kpis: `${KPI_HEADER},min,max\n1,ก,ทีม,100,1-5,value,last,false,,,,5,0`, levels })
    );
    expect(upsideDown.framework).toBeNull();
    expect(find(upsideDown.issues, 'kpis.csv:2', 'ค่าต่ำสุด (min) 5 มากกว่าค่าสูงสุด (max) 0')).toHaveLength(1);
  });

  it("a kpis.csv written by Python's csv module (every cell quoted, CRLF, columns in another order)", () => {
    const script = [
      'import csv, io, sys',
      'out = io.StringIO()',
      'w = csv.writer(out, quoting=csv.QUOTE_ALL)',
      "w.writerow(['max', 'kpi', 'name', 'group', 'weight', 'scale', 'measure', 'aggregate', 'interpolate', 'target_level', 'parent', 'combine', 'min'])",
      "w.writerow(['5', '1', 'ระดับความสำเร็จ, ขั้นตอน', 'ทีม', '100', '1-5', 'value', 'last', 'false', '', '', '', '0'])",
      'sys.stdout.write(out.getvalue())'
    ].join('\n');
    const kpis = execFileSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(kpis).toContain('\r\n');
    const result = readFrameworkFiles(folder({ kpis, levels }));
    expect(result.issues).toEqual([]);
    expect(result.framework?.kpis[0]).toMatchObject({
      kpi: '1',
      name: 'ระดับความสำเร็จ, ขั้นตอน',
      min: 0,
      max: 5
    });
  });

  it('JSON keys min and max (numbers, or text holding one)', () => {
    const json = {
      id: 'j',
      name: 'ชุด',
      province: 'ฉะเชิงเทรา',
      fiscalYear: 2565,
      period: 'R2',
      kpis: [
        { kpi: '1', name: 'ก', weight: 50, scale: '1-5', measure: 'value', min: 0, max: '๕' },
        { kpi: '2', name: 'ข', weight: 50, scale: '1-5', measure: 'value', min: null }
      ],
      bands: ['1', '2'].flatMap((k) =>
        [1, 2, 3, 4, 5].map((l) => ({ kpi: k, level: String(l), op: '>=', value: l }))
      )
    };
    const result = readFrameworkJson('rules.json', JSON.stringify(json));
    expect(result.issues).toEqual([]);
    expect(result.framework?.kpis.map((kpi) => [kpi.min, kpi.max])).toEqual([
      [0, 5],
      [null, null]
    ]);
    const bad = readFrameworkJson(
      'rules.json',
      JSON.stringify({ ...json, kpis: [{ ...json.kpis[0], max: 'มาก' }] })
    );
    expect(bad.framework).toBeNull();
    expect(bad.issues.map((issue) => issue.where)).toContain('rules.json:kpis[0].max');
  });

  it('written only when some KPI has one, next to unit_label, and read back', () => {
    const read = readFrameworkFiles(
      folder({ kpis: `${KPI_HEADER},max\n1,ก,ทีม,100,1-5,value,last,false,,,,5`, levels })
    );
    const files = frameworkToCsvFiles(read.framework!);
    expect(files[1].text.split('\r\n')[0]).toBe(`\uFEFF${KPI_HEADER},max`);
    expect(readFrameworkFiles(files).framework).toEqual(read.framework);
    const none = frameworkToCsvFiles({
      ...read.framework!,
      kpis: [{ ...read.framework!.kpis[0], max: null }]
    });
    expect(none[1].text.split('\r\n')[0]).toBe(`\uFEFF${KPI_HEADER}`);
  });
});

describe('readFrameworkFiles: files and columns', () => {
  it('recognises file names case-insensitively under any folder, with Windows separators', () => {
    const files = folder({}).map((file) => ({
      ...file,
      name: `C:\\งาน\\${file.name.replace('rules/', '').toUpperCase()}`
    }));
    const result = readFrameworkFiles(files);
    expect(result.issues).toEqual([]);
    expect(result.framework?.kpis.map((kpi) => kpi.kpi)).toEqual(['1']);
  });

  it.each([
    { missing: 'framework.csv', where: 'framework.csv' },
    { missing: 'kpis.csv', where: 'kpis.csv' },
    { missing: 'levels.csv', where: 'levels.csv' }
  ])('a missing $missing is an error', ({ missing, where }) => {
    const result = readFrameworkFiles(folder({}).filter((file) => !file.name.endsWith(missing)));
    expect(result.framework).toBeNull();
    expect(find(result.issues, where, `ไม่มีไฟล์ ${missing}`)).toHaveLength(1);
  });

  it('no files at all is an error', () => {
    const result = readFrameworkFiles([]);
    expect(result.framework).toBeNull();
    expect(hasErrors(result.issues)).toBe(true);
  });

  it('ignores other files with a warning', () => {
    const result = readFrameworkFiles([...folder({}), { name: 'rules/README.txt', text: 'hello' }]);
    expect(result.framework).not.toBeNull();
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        where: 'README.txt',
        message: expect.stringContaining('ไม่ได้ใช้ไฟล์')
      })
    ]);
  });

  it('two kpis.csv files, or CSV files with a JSON file, are errors', () => {
    const twice = readFrameworkFiles([...folder({}), { name: 'other/KPIs.csv', text: KPI_HEADER }]);
    expect(find(twice.issues, 'KPIs.csv', 'มากกว่าหนึ่งไฟล์')).toHaveLength(1);
    const mixed = readFrameworkFiles([...folder({}), { name: 'rules.json', text: '{}' }]);
    expect(find(mixed.issues, 'rules.json', 'เลือกอย่างใดอย่างหนึ่ง')).toHaveLength(1);
    expect(mixed.framework).toBeNull();
  });

  it('header names are trimmed, case-insensitive and in any order; unknown columns warn', () => {
    const result = readFrameworkFiles(
      folder({
        kpis:
          ' Combine ,PARENT,target_level,interpolate,aggregate,measure,scale,weight,group,name,KPI,หมายเหตุ\n' +
          ',,,no,sum,value,1-5,100,ทีม,รายได้ OTOP,1,ข้อความ',
        levels: 'label,unit,value2,value,op,points,level,kpi\n' + 'ขั้นต่ำ,,,10,>=,3,3,1\nขั้นสูง,,,20,>=,5,5,1'
      })
    );
    expect(result.issues).toEqual([
      { severity: 'warning', where: 'kpis.csv:1', message: 'ไม่รู้จักคอลัมน์ หมายเหตุ ในไฟล์ kpis.csv: ไม่ได้ใช้' }
    ]);
    expect(result.framework?.kpis[0]).toMatchObject({
      kpi: '1',
      name: 'รายได้ OTOP',
      aggregate: 'sum',
      weight: 100
    });
    expect(result.framework?.bands.map((band) => [band.level, band.value, band.label])).toEqual([
      ['3', 10, 'ขั้นต่ำ'],
      ['5', 20, 'ขั้นสูง']
    ]);
  });

  it.each([
    { file: 'kpis.csv', column: 'combine', text: KPI_HEADER.replace(',combine', '') },
    { file: 'kpis.csv', column: 'weight', text: KPI_HEADER.replace(',weight', '') },
    { file: 'levels.csv', column: 'value2', text: LEVEL_HEADER.replace(',value2', '') },
    { file: 'framework.csv', column: 'period', text: 'id,name,province,fiscal_year\nt,ท,,2565' },
    { file: 'targets.csv', column: 'baseline', text: 'kpi,unit,month,target' }
  ])('a missing required column ($file: $column) is an error naming both', ({ file, column, text }) => {
    const kind = file.replace('.csv', '') as 'kpis' | 'levels' | 'framework' | 'targets';
    const result = readFrameworkFiles(folder({ [kind]: text }));
    expect(result.framework).toBeNull();
    expect(find(result.issues, `${file}:1`, `ไฟล์ ${file} ไม่มีคอลัมน์ ${column}`)).toHaveLength(1);
  });

  it('a duplicate column is an error; an empty file is an error', () => {
    const duplicate = readFrameworkFiles(folder({ levels: LEVEL_HEADER + ',kpi\n' }));
    expect(find(duplicate.issues, 'levels.csv:1', 'คอลัมน์ kpi ซ้ำกัน')).toHaveLength(1);
    const empty = readFrameworkFiles(folder({ kpis: '\uFEFF\n\n' }));
    expect(find(empty.issues, 'kpis.csv', 'ว่าง')).toHaveLength(1);
  });

  it('extension columns are optional and read when present', () => {
    const result = readFrameworkFiles(
      folder({
        framework: 'id,name,province,fiscal_year,period,notes,source\nt,ท,ฉะเชิงเทรา,2565,r2, ก | ข ,seed 001',
        kpis: `${KPI_HEADER},unit_label,how_to_report,short_name\n1,ก,ทีม,100,1-5,value,last,,,,,ครัวเรือน,นับครัวเรือน, ครัวเรือนยากจน `
      })
    );
    expect(result.issues).toEqual([]);
    expect(result.framework).toMatchObject({ period: 'R2', notes: ['ก', 'ข'], source: 'seed 001' });
    expect(result.framework?.kpis[0]).toMatchObject({
      unitLabel: 'ครัวเรือน',
      howToReport: 'นับครัวเรือน',
      shortName: 'ครัวเรือนยากจน'
    });
  });
});

describe('readFrameworkFiles: cells', () => {
  const kpiRow = (cells: Partial<Record<string, string>>) => {
    const row = {
      kpi: '1',
      name: 'ก',
      group: 'ทีม',
      weight: '100',
      scale: '1-5',
      measure: 'value',
      aggregate: 'last',
      interpolate: '',
      target_level: '',
      parent: '',
      combine: '',
      ...cells
    };
    return `${KPI_HEADER}\n${KPI_HEADER.split(',')
      .map((column) => row[column as keyof typeof row])
      .join(',')}`;
  };

  it.each([
    { cell: '', expected: false },
    { cell: 'true', expected: true },
    { cell: 'TRUE', expected: true },
    { cell: '1', expected: true },
    { cell: 'yes', expected: true },
    { cell: 'false', expected: false },
    { cell: '0', expected: false },
    { cell: 'No', expected: false }
  ])('interpolate "$cell" → $expected', ({ cell, expected }) => {
    const result = readFrameworkFiles(folder({ kpis: kpiRow({ interpolate: cell }) }));
    expect(result.framework?.kpis[0].interpolate).toBe(expected);
  });

  it('interpolate "maybe" is an error at kpis.csv:2', () => {
    const result = readFrameworkFiles(folder({ kpis: kpiRow({ interpolate: 'maybe' }) }));
    expect(find(result.issues, 'kpis.csv:2', 'interpolate')).toHaveLength(1);
  });

  it.each([
    { cell: '"1,000"', expected: 1000 },
    { cell: '"1,000.5"', expected: 1000.5 },
    { cell: '๒๐', expected: 20 },
    { cell: '+20', expected: 20 },
    { cell: ' 20 ', expected: 20 },
    { cell: '', expected: null }
  ])('weight $cell → $expected', ({ cell, expected }) => {
    const result = readFrameworkFiles(folder({ kpis: kpiRow({ weight: cell }) }));
    expect(result.framework?.kpis[0].weight ?? null).toBe(expected);
    expect(errors(result.issues)).toEqual([]);
  });

  it('a number that is not a number is an error with file:line', () => {
    const result = readFrameworkFiles(
      folder({ levels: `${LEVEL_HEADER}\n1,5,5,>=,100,,,\n1,4,4,>=,ninety,,,\n1,3,3,>=,80,,,` })
    );
    expect(result.framework).toBeNull();
    expect(errors(result.issues)).toEqual([
      { severity: 'error', where: 'levels.csv:3', message: 'คอลัมน์ value: ไม่ใช่ตัวเลข: "ninety"' }
    ]);
  });

  it('empty points take the level when the level is a number, else it is an error', () => {
    const ok = readFrameworkFiles(folder({ levels: `${LEVEL_HEADER}\n1,5,,>=,100,,,\n1,4,,>=,90,,,` }));
    expect(ok.framework?.bands.map((band) => band.points)).toEqual([5, 4]);
    const bad = readFrameworkFiles(folder({ levels: `${LEVEL_HEADER}\n1,A,,>=,100,,,` }));
    expect(find(bad.issues, 'levels.csv:2', 'ไม่มีคะแนน (points) ของระดับ "A"')).toHaveLength(1);
  });

  it('ops are read in common spellings and unknown ones are named with their line', () => {
    const result = readFrameworkFiles(
      folder({
        levels: `${LEVEL_HEADER}\n1,5,5,≥,100,,,\n1,4,4,=>,90,,,\n1,3,3,BETWEEN,80,89,,\n1,2,2,~,70,,,`
      })
    );
    expect(find(result.issues, 'levels.csv:5', 'ไม่รู้จัก op "~"')).toHaveLength(1);
    const fixed = readFrameworkFiles(
      folder({
        levels: `${LEVEL_HEADER}\n1,5,5,≥,100,,,\n1,4,4,=>,90,,,\n1,3,3,BETWEEN,80,89,,\n1,2,2,Any,,,,`
      })
    );
    expect(fixed.framework?.bands.map((band) => band.op)).toEqual(['>=', '>=', 'between', 'any']);
  });

  it.each([
    { cell: '', province: null },
    { cell: '*', province: '*' },
    { cell: 'ฉะเชิงเทรา', province: 'ฉะเชิงเทรา' }
  ])('province "$cell" → $province', ({ cell, province }) => {
    const result = readFrameworkFiles(
      folder({ framework: `id,name,province,fiscal_year,period\nt,ท,${cell},2565,` })
    );
    expect(result.framework?.province).toBe(province);
    expect(result.framework?.period).toBeNull();
  });

  it.each([
    { cell: '2024', text: 'ให้ใช้ปี พ.ศ. 2567' },
    { cell: '', text: 'ไม่มีปีงบประมาณ' },
    { cell: 'ปี 67', text: 'fiscal_year' },
    { cell: '2800', text: 'นอกช่วง' }
  ])('fiscal_year "$cell" is an error at framework.csv:2', ({ cell, text }) => {
    const result = readFrameworkFiles(
      folder({ framework: `id,name,province,fiscal_year,period\nt,ท,,${cell},Q4` })
    );
    expect(result.framework).toBeNull();
    expect(find(result.issues, 'framework.csv:2', text)).toHaveLength(1);
    expect(errors(result.issues)).toHaveLength(1);
  });

  it('period outside R1, R2, Q1–Q4 is an error; a second framework row is an error', () => {
    const period = readFrameworkFiles(
      folder({ framework: 'id,name,province,fiscal_year,period\nt,ท,,2567,H1' })
    );
    expect(find(period.issues, 'framework.csv:2', 'period')).toHaveLength(1);
    const twoRows = readFrameworkFiles(
      folder({ framework: 'id,name,province,fiscal_year,period\nt,ท,,2567,Q1\nu,ข,,2567,Q2' })
    );
    expect(find(twoRows.issues, 'framework.csv:3', 'แถวเดียว')).toHaveLength(1);
  });

  it('targets.csv: month in any form, empty = every month; an unknown month is an error', () => {
    const result = readFrameworkFiles(
      folder({
        targets:
          'kpi,unit,month,target,baseline\n1,บางคล้า,เม.ย. 65,"1,200",\n1,พนมสารคาม,,900,800\n1,บางคล้า,2565-05,1300,'
      })
    );
    expect(result.issues).toEqual([]);
    expect(result.framework?.targets).toEqual([
      { kpi: '1', unit: 'บางคล้า', month: '2022-04', target: 1200, baseline: null },
      { kpi: '1', unit: 'พนมสารคาม', month: null, target: 900, baseline: 800 },
      { kpi: '1', unit: 'บางคล้า', month: '2022-05', target: 1300, baseline: null }
    ]);
    const bad = readFrameworkFiles(
      folder({ targets: 'kpi,unit,month,target,baseline\n1,บางคล้า,เดือนหน้า,1,' })
    );
    expect(find(bad.issues, 'targets.csv:2', 'ไม่รู้จักเดือน "เดือนหน้า"')).toHaveLength(1);
    expect(errors(bad.issues)).toHaveLength(1);
  });

  it('checks unit names with resolveUnit and names the line', () => {
    const known = new Set(['บางคล้า']);
    const result = readFrameworkFiles(
      folder({ targets: 'kpi,unit,month,target,baseline\n1,บางคล้า,,1,\n1,ท่าตะเกรา,,1,' }),
      { resolveUnit: (name) => known.has(name) }
    );
    expect(result.framework).not.toBeNull();
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        where: 'targets.csv:3',
        message: expect.stringContaining('ท่าตะเกรา')
      })
    ]);
  });

  it('validation issues name kpis.csv and levels.csv lines', () => {
    const result = readFrameworkFiles(
      folder({
        kpis: `${KPI_HEADER}\n1,ก,ทีม,60,1-5,value,last,,,,\n2,ข,ทีม,30,1-5,value,last,,9,,`,
        levels: `${LEVEL_HEADER}\n1,5,5,>=,100,,,\n1,4,4,>=,100,,,\n2,5,5,>=,1,,,`
      })
    );
    // Two ">= 100" bands are legal (DESIGN §9.2): the second can never be reached, a warning on its line.
    expect(result.issues.map((issue) => [issue.severity, issue.where])).toEqual([
      ['error', 'kpis.csv:3'],
      ['warning', 'levels.csv:3'],
      ['warning', 'kpis.csv:2']
    ]);
    expect(result.issues[0].message).toContain('ระดับเป้าหมาย (target_level) "9"');
    expect(result.issues[1].message).toContain('ตัวชี้วัด 1: ระดับ 4 ไม่มีทางได้');
    expect(result.issues[2].message).toContain('รวมกันได้ 90');
  });

  it.each([
    {
      row: '1,รายได้ 1,000 บาท,ทีม,100,1-5,value,last,,,,ร้อยละ',
      severity: 'error',
      text: 'เกินคอลัมน์ของหัวตาราง'
    },
    {
      row: '1,รายได้ 1,000 บาท,ทีม,100,1-5,value,last,,,,',
      severity: 'warning',
      text: 'มี 12 ช่อง มากกว่าหัวตาราง (11)'
    }
  ])(
    'a row with more cells than the header (an unquoted comma) is reported: $severity',
    ({ row, severity, text }) => {
      const result = readFrameworkFiles(folder({ kpis: `${KPI_HEADER}\n${row}` }));
      expect(result.framework).toBeNull();
      expect(find(result.issues, 'kpis.csv:2', text).map((issue) => issue.severity)).toEqual([severity]);
    }
  );

  it('a CSV quote error is reported with its line and the framework is refused', () => {
    const result = readFrameworkFiles(
      folder({ levels: `${LEVEL_HEADER}\n1,5,5,>=,100,,,"ไม่ได้ปิด\n1,4,4,>=,90,,,` })
    );
    expect(result.framework).toBeNull();
    expect(find(result.issues, 'levels.csv:2', 'ไม่ได้ปิด')).toHaveLength(1);
  });
});

describe('readFrameworkJson', () => {
  const minimal = {
    id: 'j',
    name: 'ชุด JSON',
    province: null,
    fiscalYear: 2567,
    period: 'R1',
    kpis: [
      { kpi: '1', name: 'ก', group: null, weight: 100, scale: '1-5', measure: 'value', aggregate: 'last' }
    ],
    bands: [
      { kpi: '1', level: '5', points: 5, op: '>=', value: 10 },
      { kpi: '1', level: '4', points: 4, op: '>=', value: 5 }
    ]
  };

  it('reads the Framework keys; missing optional arrays and fields default', () => {
    const result = readFrameworkJson('rules.json', JSON.stringify(minimal));
    expect(result.issues).toEqual([]);
    expect(result.framework).toMatchObject({ targets: [], notes: [], source: null, period: 'R1' });
    expect(result.framework?.kpis[0]).toMatchObject({
      interpolate: false,
      targetLevel: null,
      parent: null,
      combine: null
    });
    expect(result.framework?.bands[0]).toEqual({
      kpi: '1',
      level: '5',
      points: 5,
      op: '>=',
      value: 10,
      value2: null,
      unit: null,
      label: ''
    });
  });

  it('reads JSON written by hand from the CSV columns (snake_case, levels, strings for numbers)', () => {
    const text = JSON.stringify({
      id: 'j',
      name: 'ชุด JSON',
      province: '',
      fiscal_year: '๒๕๖๗',
      period: '',
      kpis: [
        {
          kpi: 1,
          name: 'ก',
          group: '',
          weight: '100',
          scale: '1-5',
          measure: 'value',
          aggregate: 'last',
          interpolate: 'yes',
          target_level: 4,
          parent: '',
          combine: ''
        }
      ],
      levels: [
        { kpi: '1', level: 5, points: '5', op: '>=', value: '1,000', value2: '', unit: '', label: 'สูง' },
        { kpi: '1', level: 4, points: '', op: '>=', value: 500, value2: null, unit: null, label: null }
      ]
    });
    const result = readFrameworkJson('hand.json', text);
    expect(result.issues).toEqual([]);
    expect(result.framework).toMatchObject({ province: null, fiscalYear: 2567, period: null });
    expect(result.framework?.kpis[0]).toMatchObject({
      kpi: '1',
      weight: 100,
      interpolate: true,
      targetLevel: '4',
      group: null
    });
    expect(result.framework?.bands.map((band) => [band.level, band.points, band.value, band.label])).toEqual([
      ['5', 5, 1000, 'สูง'],
      ['4', 4, 500, '']
    ]);
  });

  it.each([
    {
      name: 'a wrong type',
      json: { ...minimal, kpis: [{ ...minimal.kpis[0], weight: 'สิบ' }] },
      where: 'rules.json:kpis[0].weight',
      message: 'ช่อง kpis[0].weight: ไม่ใช่ตัวเลข: "สิบ"'
    },
    {
      name: 'a missing key',
      json: { ...minimal, kpis: [{ ...minimal.kpis[0], scale: undefined }] },
      where: 'rules.json:kpis[0].scale',
      message: 'ไม่มีช่อง kpis[0].scale'
    },
    {
      name: 'a missing array',
      json: { ...minimal, bands: undefined },
      where: 'rules.json:bands',
      message: 'ไม่มีช่อง bands'
    },
    {
      name: 'an object where a list belongs',
      json: { ...minimal, kpis: {} },
      where: 'rules.json:kpis',
      message: 'ช่อง kpis ต้องเป็นรายการ [ … ]: ได้ Object'
    },
    {
      name: 'the wrong kind of value at the top',
      json: [minimal],
      where: 'rules.json',
      message: 'ไฟล์ JSON ต้องเป็นออบเจ็กต์ { … } ของชุดเกณฑ์: ได้ Array'
    },
    {
      name: 'a list item that is not an object',
      json: { ...minimal, kpis: [[minimal.kpis[0]]] },
      where: 'rules.json:kpis[0]',
      message: 'ช่อง kpis[0] ต้องเป็นออบเจ็กต์ { … }: ได้ Array'
    },
    {
      name: 'a snake_case key, named as written',
      json: { ...minimal, fiscalYear: undefined, fiscal_year: true },
      where: 'rules.json:fiscal_year',
      message: 'ช่อง fiscal_year ต้องเป็นตัวเลข: ได้ true'
    },
    {
      name: 'levels named as written',
      json: { ...minimal, bands: undefined, levels: [{ ...minimal.bands[0], op: true }] },
      where: 'rules.json:levels[0].op',
      message: 'ช่อง levels[0].op ต้องเป็นข้อความ: ได้ true'
    }
  ])('shape errors are readable: $name', ({ json, where, message }) => {
    const result = readFrameworkJson('rules.json', JSON.stringify(json));
    expect(result.framework).toBeNull();
    expect(result.issues).toContainEqual({ severity: 'error', where, message });
  });

  it('validation issues name the JSON path', () => {
    // Level 5 from 0, level 4 from 1: every value of level 4 meets level 5 first (a warning, DESIGN §9.2).
    const json = { ...minimal, bands: minimal.bands.map((b, i) => ({ ...b, value: i })) };
    const result = readFrameworkJson('rules.json', JSON.stringify(json));
    expect(result.framework).not.toBeNull();
    expect(result.issues.map((issue) => [issue.severity, issue.where])).toEqual([
      ['warning', 'rules.json:bands[1]']
    ]);
    const broken = { ...json, bands: [{ ...json.bands[0], op: 'between' }, json.bands[1]] };
    const refused = readFrameworkJson('rules.json', JSON.stringify(broken));
    expect(refused.framework).toBeNull();
    expect(errors(refused.issues).map((issue) => issue.where)).toEqual(['rules.json:bands[0]']);
  });

  it('unknown keys are warnings', () => {
    const json = { ...minimal, author: 'x', kpis: [{ ...minimal.kpis[0], colour: 'red' }] };
    const result = readFrameworkJson('rules.json', JSON.stringify(json));
    expect(result.framework).not.toBeNull();
    expect(result.issues).toEqual([
      { severity: 'warning', where: 'rules.json', message: 'ไม่รู้จักช่อง author: ไม่ได้ใช้' },
      { severity: 'warning', where: 'rules.json:kpis', message: 'ไม่รู้จักช่อง colour ใน kpis: ไม่ได้ใช้' }
    ]);
  });

  it.each([
    { text: '{\n  "id": "x",\n  "name": }', where: 'bad.json:3', position: 'บรรทัด 3 ตัวอักษรที่ 11' },
    { text: '{"id": "x",}', where: 'bad.json:1', position: 'บรรทัด 1 ตัวอักษรที่ 12' },
    { text: 'id,name\nx,y', where: 'bad.json:1', position: 'บรรทัด 1 ตัวอักษรที่ 1' },
    { text: '', where: 'bad.json:1', position: 'ไฟล์ว่าง' },
    { text: '{"a": "unterminated', where: 'bad.json:1', position: 'ไม่ได้ปิด' }
  ])('not JSON → one error with the position: $text', ({ text, where, position }) => {
    const result = readFrameworkJson('bad.json', text);
    expect(result.framework).toBeNull();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: 'error', where });
    expect(result.issues[0].message).toContain(position);
  });

  it('findJsonSyntaxError agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string({
            unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'a', ' ', '\\', 'n', '-', '.', 'e')
          })
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(findJsonSyntaxError(text) === null).toBe(valid);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it('is chosen by readFrameworkFiles for a lone .json file', () => {
    const result = readFrameworkFiles([{ name: 'some/dir/Rules.JSON', text: JSON.stringify(minimal) }]);
    expect(result.issues).toEqual([]);
    expect(result.framework?.id).toBe('j');
  });
});

describe('round trips', () => {
  /** Every feature the files carry: per-unit bands and targets, notes, extensions, a national framework. */
  const rich: Framework = {
    ...MISSION_9_FRAMEWORK,
    id: 'rich',
    province: '*',
    period: null,
    notes: ['หมายเหตุ "หนึ่ง", มีจุลภาค', 'สอง'],
    kpis: [
      ...MISSION_9_FRAMEWORK.kpis,
      {
        kpi: 'H',
        name: 'ครัวเรือนที่ยังไม่ผ่านเกณฑ์ จปฐ.',
        group: 'ทีม',
        weight: 100,
        scale: '1-5',
        measure: 'value',
        aggregate: 'last',
        interpolate: true,
        targetLevel: '4',
        parent: null,
        combine: null,
        unitLabel: 'ครัวเรือน',
        min: 0,
        max: null,
        howToReport: 'นับจากระบบ TPMAP\nทุกเดือน',
        shortName: '=ครัวเรือน จปฐ.'
      }
    ],
    bands: [
      ...MISSION_9_FRAMEWORK.bands,
      { kpi: 'H', level: '5', points: 5, op: '<=', value: 0, value2: null, unit: null, label: 'ไม่เหลือ' },
      { kpi: 'H', level: '4', points: 4, op: '<=', value: 10, value2: null, unit: null, label: '' },
      {
        kpi: 'H',
        level: '4',
        points: 4,
        op: '<=',
        value: 25,
        value2: null,
        unit: 'เมืองฉะเชิงเทรา',
        label: ''
      },
      { kpi: 'H', level: '3', points: 3, op: '<', value: 1e21, value2: null, unit: null, label: ' ' }
    ],
    targets: [
      { kpi: 'H', unit: 'เมืองฉะเชิงเทรา', month: '2024-04', target: 1234.5678, baseline: -3 },
      { kpi: 'H', unit: 'บางคล้า', month: null, target: null, baseline: 0.1 }
    ]
  };
  // Text is trimmed on reading (CSV cells and JSON strings): a label of one space comes back empty.
  const richRead: Framework = {
    ...rich,
    bands: rich.bands.map((b) => (b.label === ' ' ? { ...b, label: '' } : b))
  };

  it.each([
    ['seed 000 mission 9', MISSION_9_FRAMEWORK, MISSION_9_FRAMEWORK],
    ['every feature', rich, richRead]
  ])('JSON: %s', (_name, fw, expected) => {
    const result = readFrameworkJson('fw.json', frameworkToJson(fw));
    expect(result.issues).toEqual([]);
    expect(result.framework).toEqual(expected);
    expect(frameworkToJson(result.framework!)).toBe(frameworkToJson(expected));
  });

  it.each([
    ['seed 000 mission 9', MISSION_9_FRAMEWORK, MISSION_9_FRAMEWORK],
    ['every feature', rich, richRead]
  ])('CSV: %s', (_name, fw, expected) => {
    const result = readFrameworkFiles(frameworkToCsvFiles(fw));
    expect(result.issues).toEqual([]);
    expect(result.framework).toEqual(expected);
    expect(frameworkToCsvFiles(result.framework!)).toEqual(frameworkToCsvFiles(expected));
  });

  it('short_name: read from kpis.csv and from JSON as shortName or short_name, written back only when used', () => {
    const json = (key: string) =>
      JSON.stringify({
        ...JSON.parse(frameworkToJson(MISSION_9_FRAMEWORK)),
        kpis: MISSION_9_FRAMEWORK.kpis.map((kpi, i) => ({
          ...kpi,
          shortName: undefined,
          [key]: i === 0 ? ' ออมทรัพย์ ' : ''
        }))
      });
    for (const key of ['shortName', 'short_name']) {
      const read = readFrameworkJson('fw.json', json(key));
      expect(read.issues).toEqual([]);
      expect(read.framework?.kpis.map((kpi) => kpi.shortName)).toEqual(['ออมทรัพย์', null, null]);
      const csv = frameworkToCsvFiles(read.framework!);
      const kpisCsv = csv.find((file) => file.name === 'kpis.csv')!.text.split('\r\n');
      expect(kpisCsv[0].endsWith(',short_name')).toBe(true);
      expect(kpisCsv[1].endsWith(',ออมทรัพย์')).toBe(true);
      expect(readFrameworkFiles(csv).framework?.kpis.map((kpi) => kpi.shortName)).toEqual([
        'ออมทรัพย์',
        null,
        null
      ]);
    }
    const plain = frameworkToCsvFiles(MISSION_9_FRAMEWORK).find((file) => file.name === 'kpis.csv')!.text;
    expect(plain).not.toContain('short_name');
    expect(frameworkToJson(MISSION_9_FRAMEWORK)).toContain('"shortName": null');
  });

  it('CSV files are the §9.2 files with their exact headers, and targets.csv only when there are targets', () => {
    const files = frameworkToCsvFiles(MISSION_9_FRAMEWORK);
    expect(files.map((file) => file.name)).toEqual(['framework.csv', 'kpis.csv', 'levels.csv']);
    const firstLine = (name: string) => files.find((file) => file.name === name)!.text.split('\r\n')[0];
    expect(firstLine('framework.csv')).toBe('\uFEFFid,name,province,fiscal_year,period,notes,source');
    expect(firstLine('kpis.csv')).toBe(`\uFEFF${KPI_HEADER}`);
    expect(firstLine('levels.csv')).toBe(`\uFEFF${LEVEL_HEADER}`);
    expect(frameworkToCsvFiles(rich).map((file) => file.name)).toContain('targets.csv');
    expect(frameworkToCsvFiles(rich)[1].text.split('\r\n')[0]).toBe(
      `\uFEFF${KPI_HEADER},unit_label,min,how_to_report,short_name`
    );
  });

  it('JSON is stable: one line per KPI and band, keys in a fixed order', () => {
    const text = frameworkToJson(MISSION_9_FRAMEWORK);
    expect(text.split('\n').slice(0, 8)).toEqual([
      '{',
      '  "id": "buriram-2567-q4-m9",',
      '  "name": "ภารกิจสำคัญ ไตรมาส 4 (ภารกิจที่ 9)",',
      '  "province": "บุรีรัมย์",',
      '  "fiscalYear": 2567,',
      '  "period": "Q4",',
      '  "source": "seed 000 ภารกิจที่ ๙",',
      '  "notes": ["ข้อ 1 ระดับ A–C อ่านไม่ออก: ใช้ร้อยละ 100/90/80","ข้อ 2 ระดับ C เขียน 0.50–0.75: ใช้ตั้งแต่ 0.50"],'
    ]);
    expect(text).toContain(
      '    { "kpi": "M9", "level": "B", "points": 3, "op": "between", "value": 17, "value2": 19, "unit": null, "label": "๑๗ - ๑๙ คะแนน" },'
    );
    expect(JSON.parse(text)).toBeTypeOf('object');
  });
});

describe('reading never throws', () => {
  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = readFrameworkJson('x.json', JSON.stringify(value) ?? '');
        expect(Array.isArray(result.issues)).toBe(true);
        expect(result.framework === null || hasErrors(result.issues) === false).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it('on framework-shaped JSON with random values', () => {
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom('1', '', 'A', '>=', 'any', '๕', '1,0')
    );
    const row = fc.dictionary(
      fc.constantFrom(
        'kpi',
        'name',
        'level',
        'points',
        'op',
        'value',
        'value2',
        'unit',
        'parent',
        'weight',
        'scale',
        'measure',
        'combine',
        'target_level',
        'month',
        'extra'
      ),
      anyValue
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'id',
            'name',
            'province',
            'fiscalYear',
            'fiscal_year',
            'period',
            'notes',
            'source',
            'x'
          ),
          anyValue
        ),
        fc.array(row, { maxLength: 4 }),
        fc.array(row, { maxLength: 6 }),
        fc.option(fc.array(row, { maxLength: 3 })),
        (top, kpis, bands, targets) => {
          const json = { ...top, kpis, bands, ...(targets ? { targets } : {}) };
          const result = readFrameworkJson('x.json', JSON.stringify(json));
          expect(Array.isArray(result.issues)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('on random CSV text in each file', () => {
    const csvText = fc.string({
      unit: fc.constantFrom('1', 'a', 'ก', ',', '"', '\n', '\r\n', ' ', '>=', 'any', '-', '๕', '\t')
    });
    const withHeader = (header: string) =>
      fc.oneof(
        csvText,
        csvText.map((body) => `${header}\n${body}`)
      );
    fc.assert(
      fc.property(
        withHeader('id,name,province,fiscal_year,period'),
        withHeader(KPI_HEADER),
        withHeader(LEVEL_HEADER),
        fc.option(withHeader('kpi,unit,month,target,baseline')),
        (framework, kpis, levels, targets) => {
          const result = readFrameworkFiles(
            folder({ framework, kpis, levels, ...(targets === null ? {} : { targets }) })
          );
          expect(Array.isArray(result.issues)).toBe(true);
          expect(result.framework === null || hasErrors(result.issues) === false).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('on values that are not files', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(readFrameworkFiles(value as FrameworkFile[]).issues)).toBe(true);
        expect(Array.isArray(readFrameworkJson(value as string, value as string).issues)).toBe(true);
      }),
      { numRuns: 200 }
    );
  });
});
