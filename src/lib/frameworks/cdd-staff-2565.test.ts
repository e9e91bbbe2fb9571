/**
 * The built-in framework of seed 004 (CDD headquarters: the six KPIs of temporary community-development staff,
 * contract year 2564–65): a national framework whose units are provinces. The JSON loads and validates, and
 * lines of the letter score to the levels it gives, on DuckDB-WASM.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupsOf, topLevelKpis, type Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { PROVINCES, matchProvince } from '../domain/units';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { readFrameworkJson } from '../ingest/framework-files';
import type { KpiCell, LeagueRow, LeagueTable } from '../scoring/league';
import { Workspace, frameworkUnitKind, resolveFrameworkUnit } from '../scoring/workspace';
import { rangeTests } from './ranges.testing';

const FILE = 'cdd-staff-2565.json';
const TEXT = readFileSync(new URL(`./builtin/${FILE}`, import.meta.url), 'utf8');
const YEAR = 'FY2565';
/** Follow-up rounds: 15 พ.ย. 2564, 15 ก.พ. 2565, 17 พ.ค. 2565, 15 ส.ค. 2565 (one per quarter of FY2565). */
const ROUND_MONTHS = ['2021-11', '2022-02', '2022-05', '2022-08'];
const KPIS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'];
const GROUP_POVERTY = 'การสนับสนุนฝ่ายเลขานุการ ศจพ. จังหวัด';

/** The letter's list of the 51 provinces that hired staff from 1 Sep 2564 ("รายชื่อจังหวัดเป้าหมาย"). */
const LETTER_PROVINCES = [
  'กระบี่',
  'กาญจนบุรี',
  'กาฬสินธุ์',
  'กำแพงเพชร',
  'จันทบุรี',
  'ชัยนาท',
  'ชัยภูมิ',
  'ชุมพร',
  'เชียงราย',
  'เชียงใหม่',
  'ตรัง',
  'ตราด',
  'นครนายก',
  'นครปฐม',
  'นครพนม',
  'นครสวรรค์',
  'น่าน',
  'บึงกาฬ',
  'บุรีรัมย์',
  'พะเยา',
  'พังงา',
  'พิจิตร',
  'พิษณุโลก',
  'เพชรบุรี',
  'เพชรบูรณ์',
  'แพร่',
  'ภูเก็ต',
  'มหาสารคาม',
  'มุกดาหาร',
  'แม่ฮ่องสอน',
  'ยโสธร',
  'ร้อยเอ็ด',
  'ระนอง',
  'ระยอง',
  'ลำปาง',
  'เลย',
  'ศรีสะเกษ',
  'สตูล',
  'สมุทรสงคราม',
  'สระแก้ว',
  'สิงห์บุรี',
  'สุโขทัย',
  'สุราษฎร์ธานี',
  'สุรินทร์',
  'หนองคาย',
  'หนองบัวลำภู',
  'อ่างทอง',
  'อำนาจเจริญ',
  'อุดรธานี',
  'อุตรดิตถ์',
  'อุทัยธานี'
];

const BELOW = 'ต่ำกว่าเกณฑ์';
const MISSING = 'ไม่ได้รายงาน';

interface Reported {
  kpi: string;
  /** The province's staff average for the round. */
  value: number;
  month: string;
}

interface LetterCase {
  /** The letter's criterion (Thai) that the case exercises. */
  letter: string;
  report: Reported[];
  /** KPI id → level label, BELOW or MISSING. */
  expect: Record<string, string>;
  /** Period viewed (default the fiscal year). */
  period?: string;
  /** KPI id → the aggregated value over the period. */
  value?: Record<string, number>;
}

/** The last follow-up round only (15 ส.ค. 2565). */
const last = (kpi: string, value: number): Reported[] => [{ kpi, value, month: ROUND_MONTHS[3] }];
/** One value per follow-up round. */
const rounds = (kpi: string, values: number[]): Reported[] =>
  values.map((value, i) => ({ kpi, value, month: ROUND_MONTHS[i] }));

const CASES: LetterCase[] = [
  // ตัวชี้วัด 1: "ระดับที่ ๑ มีฐานข้อมูลครัวเรือนเป้าหมายตามระบบ TPMAP … ระดับที่ ๕ มีการถอดบทเรียน … อย่างน้อย ๒ เรื่อง"
  { letter: 'ตัวชี้วัด 1 ระดับที่ ๕: มีการถอดบทเรียนอย่างน้อย ๒ เรื่อง', report: last('K1', 5), expect: { K1: '5' } },
  { letter: 'ตัวชี้วัด 1 ระดับที่ ๔: ประชาสัมพันธ์ทั้งออนไลน์และออฟไลน์', report: last('K1', 4), expect: { K1: '4' } },
  { letter: 'ตัวชี้วัด 1 ระดับที่ ๓: มีผลการดำเนินงานขับเคลื่อน', report: last('K1', 3), expect: { K1: '3' } },
  { letter: 'ตัวชี้วัด 1 ระดับที่ ๒: มีแผนการปฏิบัติงาน', report: last('K1', 2), expect: { K1: '2' } },
  {
    letter: 'ตัวชี้วัด 1: ค่าเฉลี่ยของพนักงานในจังหวัด 4.5 ขั้นตอน ได้ระดับที่ ๔',
    report: last('K1', 4.5),
    expect: { K1: '4' }
  },
  {
    letter: 'ตัวชี้วัด 1 ระดับที่ ๑: มีฐานข้อมูลครัวเรือนเป้าหมายตามระบบ TPMAP',
    report: last('K1', 1),
    expect: { K1: '1' }
  },
  { letter: 'ตัวชี้วัด 1: ยังไม่มีฐานข้อมูล ต่ำกว่าระดับที่ ๑', report: last('K1', 0), expect: { K1: BELOW } },
  {
    letter: 'ตัวชี้วัด 1 สะสมทั้งสัญญาจ้าง: ครั้งที่ ๑–๔ ได้ 2, 3, 4, 5 ขั้นตอน ทั้งปีใช้ครั้งล่าสุด',
    report: rounds('K1', [2, 3, 4, 5]),
    expect: { K1: '5' },
    value: { K1: 5 }
  },
  {
    letter: 'ตัวชี้วัด 1 การติดตามครั้งที่ ๒ (๑๕ ก.พ. ๒๕๖๕) ดูรายไตรมาส 2',
    report: rounds('K1', [2, 3, 4, 5]),
    expect: { K1: '3' },
    period: 'FY2565-Q2'
  },

  // ตัวชี้วัด 2: "ระดับที่ ๑ น้อยกว่าร้อยละ ๕๕ … ระดับที่ ๒–๕ ไม่น้อยกว่าร้อยละ ๖๐ / ๖๕ / ๗๐ / ๗๕"
  { letter: 'ตัวชี้วัด 2 ระดับที่ ๕: ไม่น้อยกว่าร้อยละ ๗๕', report: last('K2', 75), expect: { K2: '5' } },
  { letter: 'ตัวชี้วัด 2 ระดับที่ ๔: ร้อยละ 74.99', report: last('K2', 74.99), expect: { K2: '4' } },
  { letter: 'ตัวชี้วัด 2 ระดับที่ ๔: ไม่น้อยกว่าร้อยละ ๗๐', report: last('K2', 70), expect: { K2: '4' } },
  { letter: 'ตัวชี้วัด 2 ระดับที่ ๓: ไม่น้อยกว่าร้อยละ ๖๕', report: last('K2', 65), expect: { K2: '3' } },
  { letter: 'ตัวชี้วัด 2 ระดับที่ ๒: ไม่น้อยกว่าร้อยละ ๖๐', report: last('K2', 60), expect: { K2: '2' } },
  {
    letter: 'ตัวชี้วัด 2 ระดับที่ ๑: ร้อยละ 59.99 (อ่านเป็นต่ำกว่าร้อยละ ๖๐)',
    report: last('K2', 59.99),
    expect: { K2: '1' }
  },
  {
    letter: 'ตัวชี้วัด 2 ระดับที่ ๑: ร้อยละ ๕๕ (ช่องว่างระหว่าง ๕๕ กับ ๖๐)',
    report: last('K2', 55),
    expect: { K2: '1' }
  },
  { letter: 'ตัวชี้วัด 2 ระดับที่ ๑: น้อยกว่าร้อยละ ๕๕', report: last('K2', 40), expect: { K2: '1' } },
  {
    letter: 'ตัวชี้วัด 2 ร้อยละสะสม: ครั้งที่ ๔ ร้อยละ 76 ทั้งปีได้ระดับที่ ๕',
    report: rounds('K2', [20, 45, 61, 76]),
    expect: { K2: '5' },
    value: { K2: 76 }
  },

  // ตัวชี้วัด 3: "ส่งเสริมการตลาดออนไลน์ … จำนวนไม่น้อยกว่า ๑๐ / ๒๐ / ๓๐ / ๔๐ / ๕๐ ผลิตภัณฑ์" (๕๐ ผลิตภัณฑ์ x ๔ รอบ)
  {
    letter: 'ตัวชี้วัด 3 ระดับที่ ๕: ไม่น้อยกว่า ๕๐ ผลิตภัณฑ์ทุกรอบ',
    report: rounds('K3', [50, 50, 50, 50]),
    expect: { K3: '5' }
  },
  { letter: 'ตัวชี้วัด 3 ระดับที่ ๔: 49 ผลิตภัณฑ์', report: last('K3', 49), expect: { K3: '4' } },
  { letter: 'ตัวชี้วัด 3 ระดับที่ ๔: ไม่น้อยกว่า ๔๐ ผลิตภัณฑ์', report: last('K3', 40), expect: { K3: '4' } },
  { letter: 'ตัวชี้วัด 3 ระดับที่ ๓: ไม่น้อยกว่า ๓๐ ผลิตภัณฑ์', report: last('K3', 30), expect: { K3: '3' } },
  { letter: 'ตัวชี้วัด 3 ระดับที่ ๒: ไม่น้อยกว่า ๒๐ ผลิตภัณฑ์', report: last('K3', 20), expect: { K3: '2' } },
  { letter: 'ตัวชี้วัด 3 ระดับที่ ๑: ไม่น้อยกว่า ๑๐ ผลิตภัณฑ์', report: last('K3', 10), expect: { K3: '1' } },
  { letter: 'ตัวชี้วัด 3: 9 ผลิตภัณฑ์ ต่ำกว่าระดับที่ ๑', report: last('K3', 9), expect: { K3: BELOW } },
  {
    letter: 'ตัวชี้วัด 3 ต่อรอบ: 50, 50, 40, 40 เฉลี่ย 45 ได้ระดับที่ ๔',
    report: rounds('K3', [50, 50, 40, 40]),
    expect: { K3: '4' },
    value: { K3: 45 }
  },
  {
    letter: 'ตัวชี้วัด 3 รายรอบ: การติดตามครั้งที่ ๓ (๑๗ พ.ค. ๒๕๖๕) ได้ 40 ผลิตภัณฑ์',
    report: rounds('K3', [50, 50, 40, 40]),
    expect: { K3: '4' },
    period: 'FY2565-Q3',
    value: { K3: 40 }
  },

  // ตัวชี้วัด 4: "ระดับที่ ๑ จำนวน ๕ ราย … ระดับที่ ๒ ไม่น้อยกว่า ๕ ราย … ระดับที่ ๕ จำนวน ๒๐ รายขึ้นไป" (๒๐ ราย x ๔ รอบ)
  { letter: 'ตัวชี้วัด 4 ระดับที่ ๕: จำนวน ๒๐ รายขึ้นไป', report: last('K4', 20), expect: { K4: '5' } },
  { letter: 'ตัวชี้วัด 4 ระดับที่ ๔: 19 ราย', report: last('K4', 19), expect: { K4: '4' } },
  { letter: 'ตัวชี้วัด 4 ระดับที่ ๔: ไม่น้อยกว่า ๑๕ ราย', report: last('K4', 15), expect: { K4: '4' } },
  { letter: 'ตัวชี้วัด 4 ระดับที่ ๓: ไม่น้อยกว่า ๑๐ ราย', report: last('K4', 10), expect: { K4: '3' } },
  { letter: 'ตัวชี้วัด 4 ระดับที่ ๒: ไม่น้อยกว่า ๕ ราย', report: last('K4', 5), expect: { K4: '2' } },
  {
    letter: 'ตัวชี้วัด 4 ระดับที่ ๑: 4 ราย (อ่าน "จำนวน ๕ ราย" เป็น 1–4 ราย)',
    report: last('K4', 4),
    expect: { K4: '1' }
  },
  { letter: 'ตัวชี้วัด 4 ระดับที่ ๑: 1 ราย', report: last('K4', 1), expect: { K4: '1' } },
  { letter: 'ตัวชี้วัด 4: ไม่มีผู้ประกอบการ ต่ำกว่าระดับที่ ๑', report: last('K4', 0), expect: { K4: BELOW } },
  {
    letter: 'ตัวชี้วัด 4 ต่อรอบ: 20, 20, 20, 19 เฉลี่ย 19.75 ได้ระดับที่ ๔',
    report: rounds('K4', [20, 20, 20, 19]),
    expect: { K4: '4' },
    value: { K4: 19.75 }
  },

  // ตัวชี้วัด 5: "ระดับที่ ๑ รวบรวมโครงการ … ระดับที่ ๕ ถอดบทเรียนโครงการ … จำนวน ๑ โครงการ" (๑ องค์ความรู้ x ๔ รอบ)
  { letter: 'ตัวชี้วัด 5 ระดับที่ ๕: ถอดบทเรียนทุกรอบ', report: rounds('K5', [5, 5, 5, 5]), expect: { K5: '5' } },
  {
    letter: 'ตัวชี้วัด 5 ระดับที่ ๔: รายงานผลการดำเนินงานของสมาชิกกองทุนฯ',
    report: last('K5', 4),
    expect: { K5: '4' }
  },
  { letter: 'ตัวชี้วัด 5 ระดับที่ ๓: ติดตามผลการดำเนินงาน', report: last('K5', 3), expect: { K5: '3' } },
  { letter: 'ตัวชี้วัด 5 ระดับที่ ๒: จัดประชุมพิจารณาอนุมัติโครงการ', report: last('K5', 2), expect: { K5: '2' } },
  { letter: 'ตัวชี้วัด 5 ระดับที่ ๑: รวบรวมโครงการที่อำเภอเสนอ', report: last('K5', 1), expect: { K5: '1' } },
  { letter: 'ตัวชี้วัด 5: ยังไม่ได้รวบรวมโครงการ', report: last('K5', 0), expect: { K5: BELOW } },
  {
    letter: 'ตัวชี้วัด 5 ต่อรอบ: รอบที่ ๔ ได้ 4 ขั้นตอน เฉลี่ยทั้งปี 4.75 ได้ระดับที่ ๔',
    report: rounds('K5', [5, 5, 5, 4]),
    expect: { K5: '4' },
    value: { K5: 4.75 }
  },

  // ตัวชี้วัด 6: "จัดทำสื่อประชาสัมพันธ์ … กองทุนพัฒนาบทบาทสตรีจำนวน ๑ / ๒ / ๓ / ๔ / ๕ ผลงาน" (๕ ผลงาน x ๔ รอบ)
  { letter: 'ตัวชี้วัด 6 ระดับที่ ๕: จำนวน ๕ ผลงาน', report: last('K6', 5), expect: { K6: '5' } },
  { letter: 'ตัวชี้วัด 6 ระดับที่ ๔: จำนวน ๔ ผลงาน', report: last('K6', 4), expect: { K6: '4' } },
  { letter: 'ตัวชี้วัด 6 ระดับที่ ๓: จำนวน ๓ ผลงาน', report: last('K6', 3), expect: { K6: '3' } },
  { letter: 'ตัวชี้วัด 6 ระดับที่ ๒: จำนวน ๒ ผลงาน', report: last('K6', 2), expect: { K6: '2' } },
  { letter: 'ตัวชี้วัด 6 ระดับที่ ๑: จำนวน ๑ ผลงาน', report: last('K6', 1), expect: { K6: '1' } },
  { letter: 'ตัวชี้วัด 6: ไม่มีผลงาน', report: last('K6', 0), expect: { K6: BELOW } },
  {
    letter: 'ตัวชี้วัด 6 ต่อรอบ: 5, 5, 3, 3 ผลงาน เฉลี่ย 4 ได้ระดับที่ ๔',
    report: rounds('K6', [5, 5, 3, 3]),
    expect: { K6: '4' },
    value: { K6: 4 }
  },
  {
    letter: 'ตัวชี้วัด 6: รายงานเพียง 2 รอบ เฉลี่ยเฉพาะรอบที่รายงาน',
    report: [
      { kpi: 'K6', value: 5, month: ROUND_MONTHS[0] },
      { kpi: 'K6', value: 5, month: ROUND_MONTHS[2] }
    ],
    expect: { K6: '5' },
    value: { K6: 5 }
  }
];

const ALL_FIVE: Reported[] = KPIS.flatMap((kpi) =>
  rounds(
    kpi,
    kpi === 'K2'
      ? [30, 50, 70, 80]
      : kpi === 'K3'
        ? [50, 50, 50, 50]
        : kpi === 'K4'
          ? [20, 20, 20, 20]
          : [5, 5, 5, 5]
  )
);

const LEAGUE_CASES: LetterCase[] = [
  {
    letter: 'ทุกตัวชี้วัดถึงค่าเป้าหมายระดับที่ ๕',
    report: ALL_FIVE,
    expect: Object.fromEntries(KPIS.map((k) => [k, '5']))
  },
  {
    letter: 'กลุ่ม ศจพ. ระดับที่ ๕ ทั้งสองตัวชี้วัด กลุ่มอื่นไม่ได้รายงาน',
    report: [...last('K1', 5), ...last('K2', 75)],
    expect: { K1: '5', K2: '5', K3: MISSING, K6: MISSING }
  }
];

/** Gives each case a province of the letter's list of its own for the KPIs it touches. */
function assignProvinces(cases: LetterCase[]): Map<LetterCase, string> {
  const ids = LETTER_PROVINCES.map((name) => {
    const match = matchProvince(name);
    if (match.kind !== 'match') throw new Error(`unknown province ${name}`);
    return match.province.id;
  });
  const used = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  const assigned = new Map<LetterCase, string>();
  for (const letterCase of cases) {
    const kpis = new Set([...letterCase.report.map((row) => row.kpi), ...Object.keys(letterCase.expect)]);
    const free = ids.find((id) => [...kpis].every((kpi) => !used.get(id)!.has(kpi)));
    if (!free) throw new Error(`no province left for ${letterCase.letter}`);
    for (const kpi of kpis) used.get(free)!.add(kpi);
    assigned.set(letterCase, free);
  }
  return assigned;
}

function resultRows(cases: LetterCase[], provinces: Map<LetterCase, string>): ResultRow[] {
  return cases
    .flatMap((letterCase) =>
      letterCase.report.map((row) => ({
        unitId: provinces.get(letterCase)!,
        kpi: row.kpi,
        month: row.month,
        value: row.value,
        target: null,
        baseline: null,
        adjust: null,
        source: FILE,
        line: 0
      }))
    )
    .map((row, index) => ({ ...row, line: index + 2 }));
}

function expectCell(cell: KpiCell | undefined, expected: string): void {
  expect(cell).toBeDefined();
  if (expected === MISSING || expected === BELOW) {
    expect(cell!.status).toBe(expected === MISSING ? 'missing' : 'below');
    expect(cell!.level).toBeNull();
    expect(cell!.score).toBe(0);
  } else {
    expect(cell!.status).toBe('ok');
    expect(cell!.level).toBe(expected);
    expect(cell!.score).toBe(Number(expected));
  }
}

let fw: Framework;
let db: Db;
let ws: Workspace;
const tables = new Map<string, LeagueTable>();
const ALL_CASES = [...CASES, ...LEAGUE_CASES];
const provinceOf = assignProvinces(ALL_CASES);
const rowOf = (letterCase: LetterCase, period = YEAR): LeagueRow => {
  const row = tables.get(period)?.rows.find((r) => r.unitId === provinceOf.get(letterCase));
  if (!row) throw new Error(`no league row for ${letterCase.letter} in ${period}`);
  return row;
};

beforeAll(async () => {
  const read = readFrameworkJson(FILE, TEXT, {
    resolveUnit: (name, f) => resolveFrameworkUnit(f, name) !== null
  });
  if (!read.framework) throw new Error(JSON.stringify(read.issues));
  fw = read.framework;
  db = await openNodeWasmDb({ reuseModule: true });
  ws = await Workspace.open(db);
  const issues = await ws.putFramework(fw);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  await ws.commit(fw.id, resultRows(ALL_CASES, provinceOf));
  await ws.ensure(fw.id, 'all');
  for (const period of new Set([YEAR, ...CASES.map((c) => c.period ?? YEAR)])) {
    tables.set(period, await ws.leagueTable(fw.id, period));
  }
});

afterAll(async () => {
  await db?.close();
});

describe('cdd-staff-2565: the framework file', () => {
  test('loads with no errors and only the warning that the letter gives no weights', () => {
    const { framework, issues } = readFrameworkJson(FILE, TEXT, {
      resolveUnit: (name, f) => resolveFrameworkUnit(f, name) !== null
    });
    expect(framework).not.toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0].severity).toBe('warning');
    expect(issues[0].message).toContain('ไม่มีตัวชี้วัดใดกำหนดน้ำหนัก');
  });

  test('is a national framework over provinces for FY2565, the whole year', () => {
    expect([fw.id, fw.province, fw.fiscalYear, fw.period]).toEqual(['cdd-staff-2565', null, 2565, null]);
    expect(frameworkUnitKind(fw)).toBe('province');
  });

  test('six KPIs on a 1–5 scale, target level 5, no weights, in the letter’s three task groups', () => {
    const kpis = topLevelKpis(fw);
    expect(kpis.map((k) => k.kpi)).toEqual(KPIS);
    for (const kpi of kpis) {
      expect([kpi.scale, kpi.targetLevel, kpi.weight, kpi.parent]).toEqual(['1-5', '5', null, null]);
      expect(kpi.howToReport).toContain('17 พ.ค. 2565');
    }
    expect(groupsOf(fw)).toHaveLength(3);
    expect(fw.kpis.filter((k) => k.group === GROUP_POVERTY).map((k) => k.kpi)).toEqual(['K1', 'K2']);
  });

  test('the notes give the four follow-up rounds and say a province is its staff average', () => {
    const notes = fw.notes.join('\n');
    for (const date of ['15 พ.ย. 2564', '15 ก.พ. 2565', '17 พ.ค. 2565', '15 ส.ค. 2565'])
      expect(notes).toContain(date);
    expect(notes).toContain('ค่าเฉลี่ย');
  });

  test('every band of a level carries the level as its points', () => {
    expect(fw.bands).toHaveLength(30);
    for (const band of fw.bands) expect(band.points).toBe(Number(band.level));
  });

  test('all 51 provinces of the letter are units of the framework', () => {
    const unitIds = new Set(tables.get(YEAR)!.rows.map((row) => row.unitId));
    expect(unitIds.size).toBe(PROVINCES.length);
    for (const name of LETTER_PROVINCES) {
      const id = resolveFrameworkUnit(fw, name);
      expect(id).not.toBeNull();
      expect(unitIds.has(id!)).toBe(true);
    }
  });
});

describe('cdd-staff-2565: valid ranges of the reported values (kpis.csv min/max)', () => {
  rangeTests(
    () => fw,
    [
      {
        kpi: 'K1',
        min: 0,
        max: 5,
        letter: 'ระดับความสำเร็จของการขับเคลื่อนการขจัดความยากจน',
        reads: 'five steps in order, 0–5'
      },
      {
        kpi: 'K2',
        min: 0,
        max: 100,
        letter: 'ร้อยละของครัวเรือนยากจนเป้าหมายที่ได้รับการช่วยเหลือ',
        reads: 'percent of the target households'
      },
      {
        kpi: 'K3',
        min: 0,
        max: null,
        letter: 'ดำเนินการพัฒนาและส่งเสริมการตลาดผลิตภัณฑ์ชุมชน',
        reads: 'products promoted, a count'
      },
      { kpi: 'K4', min: 0, max: null, letter: 'ให้แก่ผู้ประกอบการ OTOP', reads: 'entrepreneurs taught, a count' },
      {
        kpi: 'K5',
        min: 0,
        max: 5,
        letter: 'การติดตามสนับสนุนสมาชิกกองทุนพัฒนาบทบาทสตรี',
        reads: 'five steps in order, 0–5'
      },
      {
        kpi: 'K6',
        min: 0,
        max: null,
        letter: 'การจัดทำสื่อประชาสัมพันธ์และเผยแพร่ข่าวสาร',
        reads: 'media works, a count'
      }
    ]
  );
});

describe('cdd-staff-2565: lines of the letter scored on DuckDB-WASM', () => {
  test.each(CASES.map((c) => [c.letter, c] as const))('%s', (_letter, letterCase) => {
    const row = rowOf(letterCase, letterCase.period ?? YEAR);
    for (const [kpi, expected] of Object.entries(letterCase.expect)) expectCell(row.cells[kpi], expected);
    for (const [kpi, value] of Object.entries(letterCase.value ?? {})) {
      expect(row.cells[kpi].value).toBeCloseTo(value, 6);
    }
  });

  test('every KPI is exercised by some case', () => {
    const touched = new Set(CASES.flatMap((c) => Object.keys(c.expect)));
    for (const kpi of KPIS) expect(touched.has(kpi)).toBe(true);
  });
});

describe('cdd-staff-2565: provinces ranked on the six KPIs (equal weights)', () => {
  test('a province at level 5 everywhere: total 5 of 5, every KPI at its target level', () => {
    const row = rowOf(LEAGUE_CASES[0]);
    for (const kpi of KPIS) expectCell(row.cells[kpi], '5');
    expect(row.total).toBeCloseTo(5, 6);
    expect(row.totalPct).toBeCloseTo(100, 6);
    expect(row.topCount).toBe(6);
    expect(row.missing).toBe(0);
    expect(row.rank).toBe(1);
  });

  test('two KPIs at 5 and four not reported: 10 ÷ 6 overall, 5 within the ศจพ. group', async () => {
    const row = rowOf(LEAGUE_CASES[1]);
    for (const [kpi, expected] of Object.entries(LEAGUE_CASES[1].expect))
      expectCell(row.cells[kpi], expected);
    expect(row.total).toBeCloseTo(10 / 6, 6);
    expect(row.missing).toBe(4);
    const group = await ws.leagueTable(fw.id, YEAR, GROUP_POVERTY);
    const groupRow = group.rows.find((r) => r.unitId === row.unitId)!;
    expect(group.kpis.map((k) => k.kpi)).toEqual(['K1', 'K2']);
    expect(groupRow.total).toBeCloseTo(5, 6);
    expect(groupRow.missing).toBe(0);
  });
});
