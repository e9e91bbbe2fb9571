/**
 * Real-shaped files built from seed 001's tables (scripts/gen-ingest-fixtures.ts), read with the built-in
 * ฉะเชิงเทรา framework: every accepted value, every rejection and every suggestion is checked, and the
 * messy versions (Windows-874 Excel export, workbook) read exactly like the clean one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGET_CORRECTIONS,
  BUDGET_ROWS,
  FIXTURE_DIR,
  LOAN_ROWS,
  fixtureFiles
} from '../../../scripts/gen-ingest-fixtures';
import { districtsOf, normalizeUnitName } from '../domain/units';
import { builtinFramework } from '../frameworks/builtin';
import { readResultsFile, type ResultsFileReport } from './read-file';

const framework = builtinFramework('chachoengsao-2565-r2')!;
const WORK_GROUPS = ['สารสินเทศ', 'ยุทธศาสตร์', 'ประสาน', 'ส่งเสริม'];
const districtId = (name: string) => districtsOf('ฉะเชิงเทรา').find((d) => d.name === name)!.id;

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURE_DIR, name)));
}

async function read(name: string, aliases?: ReadonlyMap<string, string>): Promise<ResultsFileReport> {
  return readResultsFile({ name, bytes: fixture(name) }, { framework, aliases });
}

/** The file line of each budget row: three title lines and the header come first. */
const budgetLine = (index: number) => index + 5;

const expectedBudget = BUDGET_ROWS.map(([unit, , , allocated, , , used], index) => ({
  unit,
  allocated,
  used,
  index
}))
  .filter(({ unit }) => !WORK_GROUPS.includes(unit))
  .map(({ unit, allocated, used, index }) => ({
    unitId: districtId(unit),
    kpi: 'T1',
    month: '2022-06',
    value: used,
    target: allocated,
    baseline: null,
    adjust: null,
    line: budgetLine(index)
  }));

describe('fixtures', () => {
  it('are what scripts/gen-ingest-fixtures.ts writes', () => {
    for (const file of fixtureFiles()) expect(fixture(file.name), file.name).toEqual(file.bytes);
  });
});

describe.each([
  ['seed001-budget-2565-06.csv', 'csv', 'windows-874', null],
  ['seed001-budget-2565-06.xlsx', 'xlsx', null, 'งบประมาณ มิ.ย. 65']
])('seed 001 budget table as %s', (name, format, encoding, sheet) => {
  it('is read in its format', async () => {
    const report = await read(name);
    expect(report).toMatchObject({ format, encoding, sheet, layout: 'long' });
  });

  it('accepts the 11 districts with value = total used and target = total allocated', async () => {
    const report = await read(name);
    expect(report.rows).toEqual(expectedBudget.map((row) => ({ ...row, source: name })));
  });

  it('rejects the four provincial work groups as such, each on its line, and nothing else', async () => {
    const report = await read(name);
    expect(report.rejected).toEqual(
      WORK_GROUPS.map((unit) => ({
        file: name,
        line: budgetLine(BUDGET_ROWS.findIndex(([u]) => u === unit)),
        column: 'หน่วยงาน',
        reason: `"${unit}" เป็นกลุ่มงานของสำนักงานจังหวัด ไม่ใช่อำเภอ`
      }))
    );
    expect(report.unitIssues.map((issue) => [issue.kind, issue.name, issue.suggestions])).toEqual(
      WORK_GROUPS.map((unit) => ['work_group', unit, []])
    );
  });

  it('says what it skipped: title lines, unused columns, the totals line without a value', async () => {
    const report = await read(name);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'ข้ามบรรทัด 1–3 ที่อยู่ก่อนหัวตาราง (ชื่อรายงานหรือคำอธิบาย)',
        'ไม่ได้ใช้คอลัมน์: งบบุคลากร, งบบริหาร, เบิกจ่ายแล้ว, PO',
        '1 แถวไม่มีค่า (ถือว่าไม่ได้รายงาน)'
      ])
    );
  });
});

describe('the clean and the corrected budget files', () => {
  it('the clean §9.1 file gives the same values as the messy ones', async () => {
    const clean = await read('seed001-budget-2565-06.clean.csv');
    expect(clean.rejected).toEqual([]);
    const facts = (report: ResultsFileReport) =>
      report.rows.map((r) => [r.unitId, r.kpi, r.month, r.value, r.target]).sort();
    expect(facts(clean)).toEqual(facts(await read('seed001-budget-2565-06.csv')));
    expect(facts(clean)).toEqual(facts(await read('seed001-budget-2565-06.xlsx')));
  });

  it('the corrected file (UTF-8 with BOM, tabs, 06/2565) differs in exactly the corrected figures', async () => {
    const original = await read('seed001-budget-2565-06.csv');
    const corrected = await read('seed001-budget-2565-06-corrected.csv');
    expect(corrected).toMatchObject({ encoding: 'utf-8', rejected: [] });
    const byUnit = new Map(original.rows.map((r) => [r.unitId, r]));
    const differences = corrected.rows.flatMap((row) => {
      const before = byUnit.get(row.unitId)!;
      return (['value', 'target'] as const)
        .filter((field) => before[field] !== row[field])
        .map((field) => [row.unitId, field, before[field], row[field]]);
    });
    expect(differences).toEqual([
      [districtId('คลองเขื่อน'), 'target', 483150, BUDGET_CORRECTIONS['คลองเขื่อน'].allocated],
      [districtId('บางคล้า'), 'value', 594515.04, BUDGET_CORRECTIONS['บางคล้า'].used]
    ]);
  });
});

describe('seed 001 village-level loan table with misspelt districts', () => {
  const name = 'seed001-loan-villages.txt';
  /** Line of a village row: a BOM'd title line, the province line and the header come first. */
  const loanLine = (no: number) => no + 3;
  const row = (unit: string, value: number, no: number) => ({
    unitId: districtId(unit),
    kpi: 'I8',
    month: '2022-04',
    value,
    target: null,
    baseline: null,
    adjust: null,
    source: name,
    line: loanLine(no)
  });

  it('keeps the first village row of each district and the rows with a value', async () => {
    const report = await read(name);
    expect(report.encoding).toBe('utf-8');
    expect(report.rows).toEqual([
      row('เมืองฉะเชิงเทรา', 5, 1),
      row('บางคล้า', 3, 3),
      row('บ้านโพธิ์', 5, 6),
      row('แปลงยาว', 2, 7)
    ]);
    expect(report.warnings).toContain('1 แถวไม่มีค่า (ถือว่าไม่ได้รายงาน)'); // เมืองฯ village 2: "-"
  });

  it('rejects duplicates, misspelt districts with the closest name, and the totals line', async () => {
    const report = await read(name);
    expect(report.rejected.map((r) => [r.line, r.column, r.reason, r.suggestions])).toEqual([
      [loanLine(4), null, 'ซ้ำกับบรรทัด 6 (อำเภอ ตัวชี้วัด I8 และเดือนเดียวกัน)', undefined],
      [loanLine(5), null, 'ซ้ำกับบรรทัด 6 (อำเภอ ตัวชี้วัด I8 และเดือนเดียวกัน)', undefined],
      [loanLine(8), 'อำเภอ', 'ไม่พบอำเภอ "ท่าตะเกรา" ในจังหวัดฉะเชิงเทรา — หมายถึง ท่าตะเกียบ หรือไม่?', ['ท่าตะเกียบ']],
      [loanLine(9), 'อำเภอ', 'ไม่พบอำเภอ "ท่าตะเกรา" ในจังหวัดฉะเชิงเทรา — หมายถึง ท่าตะเกียบ หรือไม่?', ['ท่าตะเกียบ']],
      [loanLine(10), 'อำเภอ', 'ไม่พบอำเภอ "คลองเบื่อน" ในจังหวัดฉะเชิงเทรา — หมายถึง คลองเขื่อน หรือไม่?', ['คลองเขื่อน']],
      [LOAN_ROWS.length + 4, 'อำเภอ', 'ไม่ได้ระบุชื่ออำเภอ', undefined],
      [
        LOAN_ROWS.length + 4,
        'ผลการดำเนินงาน (ขั้นตอนที่ผ่าน)',
        'ค่า 27 อยู่นอกช่วงที่รับได้ของตัวชี้วัด I8 (0–5 ขั้นตอน)',
        undefined
      ]
    ]);
    expect(report.unitIssues).toEqual([
      {
        kind: 'unknown',
        name: 'ท่าตะเกรา',
        key: normalizeUnitName('ท่าตะเกรา'),
        column: 'อำเภอ',
        lines: [loanLine(8), loanLine(9)],
        suggestions: [{ unitId: districtId('ท่าตะเกียบ'), label: 'ท่าตะเกียบ' }]
      },
      {
        kind: 'unknown',
        name: 'คลองเบื่อน',
        key: normalizeUnitName('คลองเบื่อน'),
        column: 'อำเภอ',
        lines: [loanLine(10)],
        suggestions: [{ unitId: districtId('คลองเขื่อน'), label: 'คลองเขื่อน' }]
      }
    ]);
  });

  it('refuses the baht outstanding when it stands where I8 takes the step reached (range 0–5)', async () => {
    const text = new TextDecoder()
      .decode(fixture(name))
      .replace('\tคงเหลือที่ค้างดำเนินการแก้ไขปัญหา (บาท)\tผลการดำเนินงาน (ขั้นตอนที่ผ่าน)', '\tผลการดำเนินงาน\tขั้นตอนที่ผ่าน');
    const report = await readResultsFile({ name, bytes: new TextEncoder().encode(text) }, { framework });
    expect(report.rows).toEqual([]);
    expect(report.rejected.find((r) => r.line === loanLine(1))).toEqual({
      file: name,
      line: loanLine(1),
      column: 'ผลการดำเนินงาน',
      reason: 'ค่า 10000 อยู่นอกช่วงที่รับได้ของตัวชี้วัด I8 (0–5 ขั้นตอน)'
    });
  });

  it('reads the misspelt rows once their suggestions are accepted as aliases', async () => {
    const first = await read(name);
    const aliases = new Map(first.unitIssues.map((issue) => [issue.key, issue.suggestions[0].unitId]));
    const report = await read(name, aliases);
    expect(report.rows).toEqual([
      row('เมืองฉะเชิงเทรา', 5, 1),
      row('บางคล้า', 3, 3),
      row('บ้านโพธิ์', 5, 6),
      row('แปลงยาว', 2, 7),
      row('ท่าตะเกียบ', 1, 8),
      row('คลองเขื่อน', 4, 10)
    ]);
    expect(report.unitIssues).toEqual([]);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [loanLine(4), 'ซ้ำกับบรรทัด 6 (อำเภอ ตัวชี้วัด I8 และเดือนเดียวกัน)'],
      [loanLine(5), 'ซ้ำกับบรรทัด 6 (อำเภอ ตัวชี้วัด I8 และเดือนเดียวกัน)'],
      [loanLine(9), 'ซ้ำกับบรรทัด 11 (อำเภอ ตัวชี้วัด I8 และเดือนเดียวกัน)'],
      [LOAN_ROWS.length + 4, 'ไม่ได้ระบุชื่ออำเภอ'],
      [LOAN_ROWS.length + 4, 'ค่า 27 อยู่นอกช่วงที่รับได้ของตัวชี้วัด I8 (0–5 ขั้นตอน)']
    ]);
  });
});
