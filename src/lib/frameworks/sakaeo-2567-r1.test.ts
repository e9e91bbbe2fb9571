/**
 * The built-in framework of seed 002 (Sa Kaeo, FY2567 evaluation round 1, Oct 2023–Mar 2024): the JSON loads
 * and validates, and lines of the letter score to the levels the letter gives, on DuckDB-WASM.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupsOf, topLevelKpis, type Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { districtsOf } from '../domain/units';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { readFrameworkJson } from '../ingest/framework-files';
import type { KpiCell, LeagueRow } from '../scoring/league';
import { Workspace, resolveFrameworkUnit } from '../scoring/workspace';
import { rangeTests } from './ranges.testing';

const FILE = 'sakaeo-2567-r1.json';
const TEXT = readFileSync(new URL(`./builtin/${FILE}`, import.meta.url), 'utf8');
const PROVINCE = 'สระแก้ว';
const ROUND = 'FY2567-R1';
const MARCH = '2024-03';
const TEAM = 'ตัวชี้วัดรายทีม';
const INDIVIDUAL = 'ตัวชี้วัดรายบุคคล';
const DISTRICT_IDS = districtsOf(PROVINCE).map((district) => district.id);

/** Expected outcome of a cell: a level label, or one of these. */
const BELOW = 'ต่ำกว่าเกณฑ์';
const MISSING = 'ไม่ได้รายงาน';

interface Reported {
  kpi: string;
  value: number;
  target?: number;
  month?: string;
}

interface LetterCase {
  /** The letter's criterion (Thai) that the case exercises. */
  letter: string;
  report: Reported[];
  /** KPI id → level label, BELOW or MISSING. */
  expect: Record<string, string>;
  /** KPI id → the measured value (a composite's combination). */
  measured?: Record<string, number>;
}

const one = (kpi: string, value: number, expected: string, letter: string): LetterCase => ({
  letter,
  report: [{ kpi, value }],
  expect: { [kpi]: expected }
});

/** ตัวชี้วัดรายบุคคลที่ ๕: I5a = steps of levels 1–2, I5b = the weighted percentage. */
const womenFund = (steps: number, percent: number | null, expected: string, letter: string): LetterCase => ({
  letter,
  report: [{ kpi: 'I5a', value: steps }, ...(percent === null ? [] : [{ kpi: 'I5b', value: percent }])],
  expect: { I5: expected }
});

const CASES: LetterCase[] = [
  // ตัวชี้วัดรายทีมที่ ๑ ร้อยละของการใช้จ่ายเงินงบประมาณ: "ระดับ ๑ ไม่น้อยกว่าร้อยละ ๗๐ … ระดับ ๕ ไม่น้อยกว่าร้อยละ ๙๐"
  one('T1', 90, '5', 'ทีม 1 ระดับ ๕ ไม่น้อยกว่าร้อยละ ๙๐'),
  one('T1', 89.99, '4', 'ทีม 1 ระดับ ๔ ไม่น้อยกว่าร้อยละ ๘๕ (89.99)'),
  one('T1', 85, '4', 'ทีม 1 ระดับ ๔ ไม่น้อยกว่าร้อยละ ๘๕'),
  one('T1', 80, '3', 'ทีม 1 ระดับ ๓ ไม่น้อยกว่าร้อยละ ๘๐'),
  one('T1', 75, '2', 'ทีม 1 ระดับ ๒ ไม่น้อยกว่าร้อยละ ๗๕'),
  one('T1', 70, '1', 'ทีม 1 ระดับ ๑ ไม่น้อยกว่าร้อยละ ๗๐'),
  one('T1', 69.99, BELOW, 'ทีม 1 ต่ำกว่าร้อยละ ๗๐: ไม่ถึงระดับ ๑'),
  // ตัวชี้วัดรายทีมที่ ๒: "ระดับ ๑ ผลการดำเนินงานกิจกรรม/โครงการ มากกว่าร้อยละ ๗๕ … ระดับ ๕ … มากกว่าร้อยละ ๙๕"
  one('T2', 95.01, '5', 'ทีม 2 ระดับ ๕ มากกว่าร้อยละ ๙๕'),
  one('T2', 95, '4', 'ทีม 2 ร้อยละ ๙๕ พอดีไม่ "มากกว่าร้อยละ ๙๕": ระดับ ๔'),
  one('T2', 90.5, '4', 'ทีม 2 ระดับ ๔ มากกว่าร้อยละ ๙๐'),
  one('T2', 90, '3', 'ทีม 2 ร้อยละ ๙๐ พอดี: ระดับ ๓ (มากกว่าร้อยละ ๘๕)'),
  one('T2', 85, '2', 'ทีม 2 ร้อยละ ๘๕ พอดี: ระดับ ๒ (มากกว่าร้อยละ ๘๐)'),
  one('T2', 80, '1', 'ทีม 2 ร้อยละ ๘๐ พอดี: ระดับ ๑ (มากกว่าร้อยละ ๗๕)'),
  one('T2', 75.01, '1', 'ทีม 2 ระดับ ๑ มากกว่าร้อยละ ๗๕'),
  one('T2', 75, BELOW, 'ทีม 2 ร้อยละ ๗๕ พอดีไม่ "มากกว่าร้อยละ ๗๕": ต่ำกว่าเกณฑ์'),
  // ตัวชี้วัดรายทีมที่ ๓ องค์กรคุณธรรม: ระดับ ๑ มีแผน … ระดับ ๕ รายงานผลต่อผู้บังคับบัญชา (ขั้นตอนต่อเนื่อง)
  one('T3', 5, '5', 'ทีม 3 ระดับ ๕ รายงานผลการดำเนินงานการขับเคลื่อนองค์กรคุณธรรมต่อผู้บังคับบัญชา'),
  one('T3', 4, '4', 'ทีม 3 ระดับ ๔ ขับเคลื่อนกิจกรรมตามแผนไม่น้อยกว่าร้อยละ ๕๐'),
  one('T3', 3, '3', 'ทีม 3 ระดับ ๓ ประกาศข้อตกลง (เจตนารมณ์/ธรรมบัญญัติ/ปฏิญญา)'),
  one('T3', 2, '2', 'ทีม 3 ระดับ ๒ มอบหมาย แต่งตั้งคณะทำงาน'),
  one('T3', 1, '1', 'ทีม 3 ระดับ ๑ มีแผนการขับเคลื่อนองค์กรคุณธรรม'),
  one('T3', 0, BELOW, 'ทีม 3 ยังไม่มีแผน: ต่ำกว่าเกณฑ์'),
  // ตัวชี้วัดรายบุคคลที่ ๑: "ระดับ ๑ ไม่น้อยกว่าร้อยละ ๗๕ … ระดับ ๕ ไม่น้อยกว่าร้อยละ ๙๕ ของครัวเรือนยากจนเป้าหมาย"
  one('I1', 95, '5', 'รายบุคคล 1 ระดับ ๕ ไม่น้อยกว่าร้อยละ ๙๕'),
  one('I1', 94.9, '4', 'รายบุคคล 1 ระดับ ๔ ไม่น้อยกว่าร้อยละ ๙๐ (94.9)'),
  one('I1', 90, '4', 'รายบุคคล 1 ระดับ ๔ ไม่น้อยกว่าร้อยละ ๙๐'),
  one('I1', 85, '3', 'รายบุคคล 1 ระดับ ๓ ไม่น้อยกว่าร้อยละ ๘๕'),
  one('I1', 80, '2', 'รายบุคคล 1 ระดับ ๒ ไม่น้อยกว่าร้อยละ ๘๐'),
  one('I1', 75, '1', 'รายบุคคล 1 ระดับ ๑ ไม่น้อยกว่าร้อยละ ๗๕'),
  one('I1', 74, BELOW, 'รายบุคคล 1 ต่ำกว่าร้อยละ ๗๕: ต่ำกว่าเกณฑ์'),
  // ตัวชี้วัดรายบุคคลที่ ๒ OTOP: อำเภอรายงานระดับที่ได้จากการเทียบกับค่าขั้นต่ำ/ขั้นมาตรฐาน/ขั้นสูงของอำเภอ
  one('I2', 5, '5', 'รายบุคคล 2 ระดับ ๕ เท่ากับหรือมากกว่าค่าขั้นสูง'),
  one('I2', 4, '4', 'รายบุคคล 2 ระดับ ๔ มากกว่าค่าขั้นมาตรฐานแต่น้อยกว่าค่าขั้นสูง'),
  one('I2', 3, '3', 'รายบุคคล 2 ระดับ ๓ เท่ากับค่าขั้นมาตรฐาน'),
  one('I2', 2, '2', 'รายบุคคล 2 ระดับ ๒ เท่ากับค่าขั้นต่ำ'),
  one('I2', 1, '1', 'รายบุคคล 2 ระดับ ๑ น้อยกว่าค่าขั้นต่ำ'),
  // ตัวชี้วัดรายบุคคลที่ ๓ ศูนย์จัดการกองทุนชุมชน (ขั้นตอนต่อเนื่อง)
  one('I3', 5, '5', 'รายบุคคล 3 ระดับ ๕ มีทะเบียนข้อมูลผลการสนับสนุนการประกอบอาชีพ'),
  one('I3', 2, '2', 'รายบุคคล 3 ระดับ ๒ สร้างความเข้าใจและสื่อสารการปฏิบัติ'),
  one('I3', 0, BELOW, 'รายบุคคล 3 ยังไม่มีทะเบียนศูนย์จัดการกองทุนชุมชน: ต่ำกว่าเกณฑ์'),
  // ตัวชี้วัดรายบุคคลที่ ๔ TPMAP: "ระดับ ๑ ไม่น้อยกว่าร้อยละ ๘๐ … ระดับ ๕ ไม่น้อยกว่าร้อยละ ๑๐๐ ของครัวเรือนเป้าหมาย"
  one('I4', 100, '5', 'รายบุคคล 4 ระดับ ๕ ไม่น้อยกว่าร้อยละ ๑๐๐'),
  one('I4', 99.9, '4', 'รายบุคคล 4 ระดับ ๔ ไม่น้อยกว่าร้อยละ ๙๕ (99.9)'),
  one('I4', 95, '4', 'รายบุคคล 4 ระดับ ๔ ไม่น้อยกว่าร้อยละ ๙๕'),
  one('I4', 90, '3', 'รายบุคคล 4 ระดับ ๓ ไม่น้อยกว่าร้อยละ ๙๐'),
  one('I4', 85, '2', 'รายบุคคล 4 ระดับ ๒ ไม่น้อยกว่าร้อยละ ๘๕'),
  one('I4', 80, '1', 'รายบุคคล 4 ระดับ ๑ ไม่น้อยกว่าร้อยละ ๘๐'),
  one('I4', 79.9, BELOW, 'รายบุคคล 4 ต่ำกว่าร้อยละ ๘๐: ต่ำกว่าเกณฑ์'),
  // ตัวชี้วัดรายบุคคลที่ ๕ กองทุนพัฒนาบทบาทสตรี: ระดับ ๑–๒ เป็นขั้นตอน, ระดับ ๓–๕ ผลการถ่วงน้ำหนัก ๗๐–๗๙ / ๘๐–๘๙ / ๙๐ ขึ้นไป
  womenFund(1, 95, '1', 'รายบุคคล 5 ระดับ ๑ จัดทำฐานข้อมูลลูกหนี้และแผน (ยังไม่รายงานคณะอนุกรรมการฯ)'),
  womenFund(2, 50, '2', 'รายบุคคล 5 ระดับ ๒ รายงานผลเสนอคณะอนุกรรมการฯ (ถ่วงน้ำหนักยังไม่ถึงร้อยละ ๗๐)'),
  womenFund(2, 70, '3', 'รายบุคคล 5 ระดับ ๓ ผ่านระดับ ๒ และถ่วงน้ำหนักระหว่างร้อยละ ๗๐ - ๗๙ (70)'),
  womenFund(2, 79.99, '3', 'รายบุคคล 5 ระดับ ๓ ถ่วงน้ำหนักระหว่างร้อยละ ๗๐ - ๗๙ (79.99)'),
  womenFund(2, 80, '4', 'รายบุคคล 5 ระดับ ๔ ถ่วงน้ำหนักระหว่างร้อยละ ๘๐ - ๘๙ (80)'),
  womenFund(2, 89.99, '4', 'รายบุคคล 5 ระดับ ๔ ถ่วงน้ำหนักระหว่างร้อยละ ๘๐ - ๘๙ (89.99)'),
  womenFund(2, 90, '5', 'รายบุคคล 5 ระดับ ๕ ถ่วงน้ำหนักตั้งแต่ร้อยละ ๙๐ ขึ้นไป'),
  womenFund(0, 95, BELOW, 'รายบุคคล 5 ยังไม่มีฐานข้อมูลลูกหนี้: ต่ำกว่าเกณฑ์แม้ถ่วงน้ำหนักสูง'),
  womenFund(2, null, MISSING, 'รายบุคคล 5 ไม่ได้รายงานผลการถ่วงน้ำหนัก: ตัวชี้วัดรวมไม่ได้รายงาน'),
  // ตัวชี้วัดรายบุคคลที่ ๖ จปฐ.: "ระดับ ๑ … น้อยกว่าร้อยละ ๙๐ … ระดับ ๔ ร้อยละ ๑๐๐ … ระดับ ๕ มากกว่าร้อยละ ๑๐๐"
  one('I6', 100.5, '5', 'รายบุคคล 6 ระดับ ๕ มากกว่าร้อยละ ๑๐๐ ของจำนวนเป้าหมาย'),
  one('I6', 100, '4', 'รายบุคคล 6 ระดับ ๔ ร้อยละ ๑๐๐ ของจำนวนเป้าหมาย'),
  one('I6', 99.9, '3', 'รายบุคคล 6 ระดับ ๓ ร้อยละ ๙๕ ขึ้นไป (99.9)'),
  one('I6', 95, '3', 'รายบุคคล 6 ระดับ ๓ ร้อยละ ๙๕ ขึ้นไป'),
  one('I6', 94.99, '2', 'รายบุคคล 6 ระดับ ๒ ร้อยละ ๙๐ ขึ้นไป (94.99)'),
  one('I6', 90, '2', 'รายบุคคล 6 ระดับ ๒ ร้อยละ ๙๐ ขึ้นไป'),
  one('I6', 89.99, '1', 'รายบุคคล 6 ระดับ ๑ น้อยกว่าร้อยละ ๙๐'),
  one('I6', 0, '1', 'รายบุคคล 6 ระดับ ๑ น้อยกว่าร้อยละ ๙๐ (ยังไม่ได้จัดเก็บ)'),
  // ตัวชี้วัดรายบุคคลที่ ๗ Click ชุมชน (ขั้นตอนต่อเนื่อง)
  one('I7', 5, '5', 'รายบุคคล 7 ระดับ ๕ ดาวน์โหลดตามเป้าหมายที่กรมฯ กำหนด'),
  one('I7', 3, '3', 'รายบุคคล 7 ระดับ ๓ เผยแพร่ประชาสัมพันธ์อย่างน้อยเดือนละ ๑ ครั้ง'),
  // aggregate last: the round's value is the latest month's cumulative percentage
  {
    letter: 'ทีม 1 ร้อยละสะสม: ต.ค. 50, มี.ค. 90 → ใช้เดือนล่าสุด ระดับ ๕',
    report: [
      { kpi: 'T1', value: 50, month: '2023-10' },
      { kpi: 'T1', value: 90, month: MARCH }
    ],
    expect: { T1: '5' }
  },
  {
    letter: 'รายบุคคล 6 ร้อยละสะสม: ม.ค. 101, ก.พ. 92 (แก้ไขลดลง) → ใช้เดือนล่าสุด ระดับ ๒',
    report: [
      { kpi: 'I6', value: 101, month: '2024-01' },
      { kpi: 'I6', value: 92, month: '2024-02' }
    ],
    expect: { I6: '2' }
  },
  {
    letter: 'อำเภอที่ไม่ได้รายงานตัวชี้วัดใดเลย: ทุกตัวชี้วัดไม่ได้รายงาน',
    report: [],
    expect: { T1: MISSING, T2: MISSING, T3: MISSING, I1: MISSING, I2: MISSING, I5: MISSING, I7: MISSING }
  }
];

let db: Db;
let ws: Workspace;
let fw: Framework;
/** Cells of each case, by case index. */
const cellsOfCase = new Map<number, Record<string, KpiCell>>();

function rows(unitId: string, report: Reported[], firstLine = 2): ResultRow[] {
  return report.map((r, i) => ({
    unitId,
    kpi: r.kpi,
    month: r.month ?? MARCH,
    value: r.value,
    target: r.target ?? null,
    baseline: null,
    adjust: null,
    source: 'seed-002.csv',
    line: firstLine + i
  }));
}

async function scoreOnly(results: ResultRow[], group = '*'): Promise<LeagueRow[]> {
  await ws.clearResults(fw.id);
  await ws.commit(fw.id, results);
  await ws.ensure(fw.id, 'all');
  return (await ws.leagueTable(fw.id, ROUND, group)).rows;
}

beforeAll(async () => {
  const read = readFrameworkJson(FILE, TEXT, {
    resolveUnit: (name, f) => resolveFrameworkUnit(f, name) !== null
  });
  if (!read.framework) throw new Error(JSON.stringify(read.issues));
  fw = read.framework;
  db = await openNodeWasmDb({ reuseModule: true });
  ws = await Workspace.open(db);
  const issues = await ws.putFramework(fw);
  if (issues.some((issue) => issue.severity === 'error')) throw new Error(JSON.stringify(issues));
  // One case per district, as many districts at a time as the province has.
  for (let start = 0; start < CASES.length; start += DISTRICT_IDS.length) {
    const chunk = CASES.slice(start, start + DISTRICT_IDS.length);
    const table = await scoreOnly(chunk.flatMap((c, i) => rows(DISTRICT_IDS[i], c.report)));
    chunk.forEach((_, i) => {
      const row = table.find((r) => r.unitId === DISTRICT_IDS[i]);
      if (!row) throw new Error(`no league row for ${DISTRICT_IDS[i]}`);
      cellsOfCase.set(start + i, row.cells);
    });
  }
});

afterAll(async () => {
  await db?.close();
});

describe('sakaeo-2567-r1 loads', () => {
  test('the JSON reads and validates with no errors and no warnings', () => {
    const read = readFrameworkJson(FILE, TEXT, {
      resolveUnit: (name, f) => resolveFrameworkUnit(f, name) !== null
    });
    expect(read.issues).toEqual([]);
    expect(read.framework).not.toBeNull();
    expect(read.framework).toMatchObject({
      id: 'sakaeo-2567-r1',
      province: 'สระแก้ว',
      fiscalYear: 2567,
      period: 'R1'
    });
  });

  test('3 team KPIs weighted 40/40/20 and 7 individual KPIs weighted 20/20/20/15/10/10/5', () => {
    expect(groupsOf(fw)).toEqual([TEAM, INDIVIDUAL]);
    const weights = (group: string) =>
      topLevelKpis(fw)
        .filter((kpi) => kpi.group === group)
        .map((kpi) => [kpi.kpi, kpi.weight]);
    expect(weights(TEAM)).toEqual([
      ['T1', 40],
      ['T2', 40],
      ['T3', 20]
    ]);
    expect(weights(INDIVIDUAL)).toEqual([
      ['I1', 20],
      ['I2', 20],
      ['I3', 20],
      ['I4', 15],
      ['I5', 10],
      ['I6', 10],
      ['I7', 5]
    ]);
  });

  test('every top-level KPI has the five levels 1–5, scored as its level number', () => {
    for (const kpi of topLevelKpis(fw)) {
      const bands = fw.bands.filter((band) => band.kpi === kpi.kpi);
      expect(bands.map((band) => band.level).sort(), kpi.kpi).toEqual(['1', '2', '3', '4', '5']);
      for (const band of bands) expect(band.points, `${kpi.kpi} ${band.level}`).toBe(Number(band.level));
    }
  });

  test('every KPI is covered by a letter case', () => {
    const covered = new Set(CASES.flatMap((c) => Object.keys(c.expect)));
    expect(topLevelKpis(fw).filter((kpi) => !covered.has(kpi.kpi))).toEqual([]);
  });
});

describe('sakaeo-2567-r1: valid ranges of the reported values (kpis.csv min/max)', () => {
  const steps = 'steps done in order from level 1, 0–5';
  rangeTests(
    () => fw,
    [
      {
        kpi: 'T1',
        min: 0,
        max: 100,
        letter: 'ร้อยละของการใช้จ่ายเงินงบประมาณ',
        reads: 'percent of the budget spent'
      },
      {
        kpi: 'T2',
        min: 0,
        max: 100,
        letter: 'ผลการดำเนินงานกิจกรรม/โครงการ มากกว่าร้อยละ 95',
        reads: 'percent of the plan achieved'
      },
      { kpi: 'T3', min: 0, max: 5, letter: 'ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรมของหน่วยงาน', reads: steps },
      {
        kpi: 'I1',
        min: 0,
        max: 100,
        letter: 'ไม่น้อยกว่าร้อยละ 95 ของครัวเรือนยากจนเป้าหมาย',
        reads: 'percent of the target households'
      },
      {
        kpi: 'I2',
        min: 1,
        max: 5,
        letter: 'น้อยกว่าค่าขั้นต่ำ',
        reads: 'the level 1–5 of the minimum / standard / high table (below the minimum is 1)'
      },
      { kpi: 'I3', min: 0, max: 5, letter: 'ระดับความสำเร็จของศูนย์จัดการกองทุนชุมชน', reads: steps },
      {
        kpi: 'I4',
        min: 0,
        max: 100,
        letter: 'ในการให้ความช่วยเหลือครัวเรือนเป้าหมายตามระบบ TPMAP',
        reads: 'percent of the target households helped'
      },
      { kpi: 'I5a', min: 0, max: 2, letter: 'ขั้นตอนระดับ 1–2', reads: 'steps 1–2 in order, 0–2' },
      {
        kpi: 'I5b',
        min: 0,
        max: 100,
        letter: 'มีผลการถ่วงน้ำหนักฯ ตั้งแต่ร้อยละ 90 ขึ้นไป',
        reads: 'a weighted percentage'
      },
      {
        kpi: 'I6',
        min: 0,
        max: null,
        letter: 'จัดเก็บข้อมูลได้มากกว่าร้อยละ 100',
        reads: 'percent of the target, may pass 100'
      },
      {
        kpi: 'I7',
        min: 0,
        max: 5,
        letter: 'ระดับความสำเร็จของการส่งเสริมการใช้ประโยชน์แพลตฟอร์มบริการดิจิทัล',
        reads: steps
      }
    ]
  );
});

describe('sakaeo-2567-r1 scores the letter', () => {
  test.each(CASES.map((c, index) => [c.letter, index] as const))('%s', (_letter, index) => {
    const cells = cellsOfCase.get(index)!;
    for (const [kpi, expected] of Object.entries(CASES[index].expect)) {
      const cell = cells[kpi];
      expect(cell, kpi).toBeDefined();
      if (expected === BELOW) {
        expect({ kpi, status: cell.status, level: cell.level, score: cell.score }).toEqual({
          kpi,
          status: 'below',
          level: null,
          score: 0
        });
      } else if (expected === MISSING) {
        expect({ kpi, status: cell.status, score: cell.score }).toEqual({ kpi, status: 'missing', score: 0 });
      } else {
        expect({ kpi, status: cell.status, level: cell.level, score: cell.score }).toEqual({
          kpi,
          status: 'ok',
          level: expected,
          score: Number(expected)
        });
      }
    }
  });
});

describe('sakaeo-2567-r1 weighted totals and groups', () => {
  const allTop: Reported[] = [
    { kpi: 'T1', value: 90 },
    { kpi: 'T2', value: 96 },
    { kpi: 'T3', value: 5 },
    { kpi: 'I1', value: 95 },
    { kpi: 'I2', value: 5 },
    { kpi: 'I3', value: 5 },
    { kpi: 'I4', value: 100 },
    { kpi: 'I5a', value: 2 },
    { kpi: 'I5b', value: 90 },
    { kpi: 'I6', value: 101 },
    { kpi: 'I7', value: 5 }
  ];

  test('a district at level 5 on every KPI has total 5 (100%) and ranks first', async () => {
    const table = await scoreOnly([
      ...rows(DISTRICT_IDS[0], allTop),
      ...rows(DISTRICT_IDS[1], [{ kpi: 'T1', value: 90 }])
    ]);
    expect(table[0]).toMatchObject({ unitId: DISTRICT_IDS[0], rank: 1, total: 5, totalPct: 100, missing: 0 });
    expect(table[0].topCount).toBe(10);
    // T1 alone at level 5: 5 × 40 ÷ 200 = 1
    const second = table.find((row) => row.unitId === DISTRICT_IDS[1])!;
    expect(second).toMatchObject({ rank: 2, missing: 9 });
    expect(second.total).toBeCloseTo(1, 9);
  });

  test('team group: T1 level 3 (80), T2 level 5 (96), T3 level 2 → (3×40 + 5×40 + 2×20) ÷ 100 = 3.6', async () => {
    const report: Reported[] = [
      { kpi: 'T1', value: 80 },
      { kpi: 'T2', value: 96 },
      { kpi: 'T3', value: 2 }
    ];
    const team = await scoreOnly(rows(DISTRICT_IDS[0], report), TEAM);
    const row = team.find((r) => r.unitId === DISTRICT_IDS[0])!;
    expect(row.total).toBeCloseTo(3.6, 9);
    expect(row.missing).toBe(0);
    const all = await ws.leagueTable(fw.id, ROUND);
    // Over both groups (weights 200): 360 ÷ 200 = 1.8, seven individual KPIs missing.
    const overall = all.rows.find((r) => r.unitId === DISTRICT_IDS[0])!;
    expect(overall.total).toBeCloseTo(1.8, 9);
    expect(overall.missing).toBe(7);
  });

  test('I5 combines its two sub-items by their minimum (2 steps, 85% → min(5, 4) = 4)', async () => {
    const table = await scoreOnly(
      rows(DISTRICT_IDS[0], [
        { kpi: 'I5a', value: 2 },
        { kpi: 'I5b', value: 85 }
      ])
    );
    const cells = table.find((r) => r.unitId === DISTRICT_IDS[0])!.cells;
    expect(cells.I5).toMatchObject({ measured: 4, level: '4', score: 4, status: 'ok' });
  });
});
