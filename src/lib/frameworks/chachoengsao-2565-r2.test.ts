/**
 * The built-in framework of seed 001 (Chachoengsao, evaluation round 2 of FY2565, Apr–Sep 2022): the JSON loads
 * and validates with the one warning the letter earns (individual weights sum to 105), its per-district tables
 * match the letter's, and lines of the letter score to the levels the letter gives, on DuckDB-WASM.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { topLevelKpis, type Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { districtsOf, matchDistrict } from '../domain/units';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { readFrameworkJson } from '../ingest/framework-files';
import type { KpiCell, LeagueRow, LeagueTable } from '../scoring/league';
import { Workspace, resolveFrameworkUnit } from '../scoring/workspace';
import { rangeTests } from './ranges.testing';

const FILE = 'chachoengsao-2565-r2.json';
const TEXT = readFileSync(new URL(`./builtin/${FILE}`, import.meta.url), 'utf8');
const PROVINCE = 'ฉะเชิงเทรา';
const ROUND = 'FY2565-R2';
const SEPTEMBER = '2022-09';
const MONTHS = ['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09'];
const TEAM = 'ตัวชี้วัดรายทีม';
const PERSON = 'ตัวชี้วัดรายบุคคล';

/** Expected outcome of a cell: a level label, or one of these. */
const BELOW = 'ต่ำกว่าเกณฑ์';
const MISSING = 'ไม่ได้รายงาน';

// ---------------------------------------------------------------------------------------------------------
// The letter's own tables, transcribed here independently of the JSON

/** "รายงานความก้าวหน้าการใช้จ่ายงบประมาณ … ข้อมูล ณ วันที่ 17 มิถุนายน 2565": รวมงบประมาณทั้งสิ้น, รวมใช้ไป. */
const BUDGET: [district: string, allocated: number, spent: number, level: string][] = [
  ['บางปะกง', 506480, 504980, '4'],
  ['แปลงยาว', 395510, 392510, '4'],
  ['บ้านโพธิ์', 466870, 457700, '4'],
  ['เมืองฉะเชิงเทรา', 1180440, 1087186, '3'],
  ['คลองเขื่อน', 483150, 436974.72, '3'],
  ['พนมสารคาม', 856080, 724030, '1'],
  ['บางคล้า', 721070, 594515.04, '1'],
  ['สนามชัยเขต', 515020, 375610.89, BELOW],
  ['ท่าตะเกียบ', 1020155.28, 719375.28, BELOW],
  ['ราชสาส์น', 371500, 254115, BELOW],
  ['บางน้ำเปรี้ยว', 595740, 473720, BELOW]
];

/**
 * "ประมาณการรายได้ … OTOP … (ไตรมาส 3 - 4 (ผ่านระบบออนไลน์))": รายได้รวมปี 2564 (ไตรมาส 3-4), the targets of
 * เมษายน–กันยายน 65, เป้าหมายยอดรายได้; and the level a district gets when it earns exactly its monthly targets.
 */
const OTOP: [district: string, revenue2564: number, monthly: number[], total: number, level: string][] = [
  ['เมืองฉะเชิงเทรา', 434664, [83000, 83000, 83000, 83000, 84000, 84000], 500000, '5'],
  ['บางคล้า', 339000, [64000, 64000, 66000, 65000, 67000, 64000], 390000, '5'],
  ['บางน้ำเปรี้ยว', 820150, [157000, 157000, 157200, 158000, 157000, 157000], 943200, '5'],
  ['บางปะกง', 60000, [11500, 11500, 11500, 11500, 11500, 11500], 69000, '5'],
  ['บ้านโพธิ์', 358670, [68700, 68700, 69000, 68700, 68700, 68700], 412500, '5'],
  ['พนมสารคาม', 3639000, [697500, 698000, 697000, 698000, 697000, 697000], 4184500, '4'],
  ['ราชสาส์น', 56500, [10800, 10800, 10800, 10800, 10900, 10800], 64900, '4'],
  ['สนามชัยเขต', 43270, [8200, 8200, 8300, 8300, 8500, 8200], 49700, '4'],
  ['แปลงยาว', 42000, [8050, 8050, 8050, 8050, 8050, 8050], 48300, '5'],
  ['ท่าตะเกียบ', 38000, [7200, 7300, 7300, 7300, 7500, 7200], 43700, '5'],
  ['คลองเขื่อน', 88500, [17000, 17000, 17000, 17000, 17000, 17000], 102000, '5']
];

/** "จำนวนครัวเรือนเป้าหมายคงเหลือตามระดับคะแนน" ๑–๕ of ตัวชี้วัดรายบุคคลที่ ๑. */
const REMAINING: [district: string, byLevel: number[]][] = [
  ['เมืองฉะเชิงเทรา', [67, 58, 48, 38, 29]],
  ['บางคล้า', [23, 20, 17, 13, 10]],
  ['บางน้ำเปรี้ยว', [8, 7, 6, 4, 3]],
  ['บางปะกง', [20, 17, 15, 12, 9]],
  ['บ้านโพธิ์', [77, 66, 55, 44, 33]],
  ['พนมสารคาม', [0, 0, 0, 0, 0]],
  ['แปลงยาว', [0, 0, 0, 0, 0]],
  ['สนามชัยเขต', [146, 125, 104, 83, 62]],
  ['ราชสาส์น', [6, 5, 4, 3, 2]],
  ['ท่าตะเกียบ', [0, 0, 0, 0, 0]],
  ['คลองเขื่อน', [17, 15, 12, 10, 7]]
];

/** "เป้าหมาย … บริหารจัดการหนี้ลดลง จำนวน … บาท" of ตัวชี้วัดรายบุคคลที่ ๙ (รวม ๓,๑๒๔,๒๓๒.๘๖ บาท). */
const DEBT_TARGETS: [district: string, baht: number][] = [
  ['เมืองฉะเชิงเทรา', 617811.3],
  ['บางคล้า', 102678.45],
  ['บางน้ำเปรี้ยว', 205714.53],
  ['บางปะกง', 154148.23],
  ['บ้านโพธิ์', 241114.82],
  ['พนมสารคาม', 46724.97],
  ['ราชสาส์น', 251313.99],
  ['สนามชัยเขต', 522202.42],
  ['แปลงยาว', 103642.59],
  ['ท่าตะเกียบ', 196238.38],
  ['คลองเขื่อน', 682643.18]
];

/** "เป้าหมายการดำเนินงานโครงการพัฒนาหมู่บ้านเศรษฐกิจพอเพียง": villages per district (20 in all). */
const VILLAGES: [district: string, villages: number][] = [
  ['คลองเขื่อน', 3],
  ['บางคล้า', 3],
  ['พนมสารคาม', 3],
  ['ราชสาส์น', 2],
  ['เมืองฉะเชิงเทรา', 2],
  ['แปลงยาว', 2],
  ['สนามชัยเขต', 1],
  ['ท่าตะเกียบ', 4]
];

// ---------------------------------------------------------------------------------------------------------
// Cases: one district, one KPI, what it reports, and the level the letter gives

interface Reported {
  month?: string;
  value: number;
  target?: number;
  adjust?: number;
}

interface LetterCase {
  /** The letter's line (Thai) that the case exercises. */
  letter: string;
  district: string;
  kpi: string;
  report: Reported[];
  /** Period id of the league table to read; the round by default. */
  period?: string;
  /** A level label, BELOW or MISSING. */
  expect: string;
  /** The score when it is not the level's points (adjustments). */
  score?: number;
  /** The measured value (percent of target, growth, households). */
  measured?: number;
}

const monthly = (values: number[]): Reported[] => values.map((value, i) => ({ month: MONTHS[i], value }));

const T1_CASES: LetterCase[] = [
  // "ระดับ ๔ ไม่น้อยกว่าร้อยละ ๙๕ ของงบประมาณที่ได้รับการจัดสรร": 97% of ราชสาส์น's 371,500 baht.
  {
    letter: 'T1 ระดับ ๔: ใช้จ่ายร้อยละ 97 ของงบที่ได้รับจัดสรร (360,355 จาก 371,500 บาท)',
    district: 'ราชสาส์น',
    kpi: 'T1',
    report: [{ value: 360355 }],
    expect: '4',
    measured: 97
  },
  // The five edges, on บางปะกง's allocation of 506,480 baht.
  ...(
    [
      [405183, BELOW, 'ต่ำกว่าร้อยละ ๘๐ (405,183 บาท)'],
      [405184, '1', 'ระดับ ๑ ไม่น้อยกว่าร้อยละ ๘๐ (405,184 บาท)'],
      [430508, '2', 'ระดับ ๒ ไม่น้อยกว่าร้อยละ ๘๕ (430,508 บาท)'],
      [455832, '3', 'ระดับ ๓ ไม่น้อยกว่าร้อยละ ๙๐ (455,832 บาท)'],
      [481156, '4', 'ระดับ ๔ ไม่น้อยกว่าร้อยละ ๙๕ (481,156 บาท)'],
      [506480, '5', 'ระดับ ๕ ร้อยละ ๑๐๐ ของงบประมาณที่ได้รับการจัดสรร (506,480 บาท)']
    ] as const
  ).map(([value, level, line]): LetterCase => ({
    letter: `T1 บางปะกง ${line}`,
    district: 'บางปะกง',
    kpi: 'T1',
    report: [{ value }],
    expect: level
  })),
  // The letter's own progress table, as at 17 June 2565.
  ...BUDGET.map(([district, allocated, spent, level]): LetterCase => ({
    letter: `T1 ตารางความก้าวหน้า ณ 17 มิ.ย. 2565: ${district} ใช้ไป ${spent} จาก ${allocated} บาท`,
    district,
    kpi: 'T1',
    report: [{ month: '2022-06', value: spent }],
    period: '2565-06',
    expect: level,
    measured: (spent * 100) / allocated
  })),
  {
    letter: 'T1 "จำนวนเงินงบประมาณที่สามารถใช้จ่ายได้จริง" สะสม: เดือนล่าสุด (ก.ย. 648,963 = ร้อยละ 90) ไม่ใช่ผลรวม',
    district: 'บางคล้า',
    kpi: 'T1',
    report: [
      { month: '2022-04', value: 400000 },
      { month: SEPTEMBER, value: 648963 }
    ],
    expect: '3',
    measured: 90
  },
  {
    letter: 'T1 ยอดจัดสรรใหม่ในแถวผลการดำเนินงาน (400,000 บาท) ใช้แทนตารางของจังหวัด: 380,000 = ร้อยละ 95',
    district: 'ราชสาส์น',
    kpi: 'T1',
    report: [{ value: 380000, target: 400000 }],
    expect: '4',
    measured: 95
  }
];

const I1_CASES: LetterCase[] = [
  // "เมืองฉะเชิงเทรา ๖๗ ๕๘ ๔๘ ๓๘ ๒๙"
  ...(
    [
      [68, BELOW],
      [67, '1'],
      [58, '2'],
      [48, '3'],
      [39, '3'],
      [38, '4'],
      [29, '5']
    ] as const
  ).map(([value, level]): LetterCase => ({
    letter: `I1 เมืองฉะเชิงเทรา (๖๗ ๕๘ ๔๘ ๓๘ ๒๙): คงเหลือ ${value} ครัวเรือน`,
    district: 'เมืองฉะเชิงเทรา',
    kpi: 'I1',
    report: [{ value }],
    expect: level,
    measured: value
  })),
  {
    letter: 'I1 สนามชัยเขต (๑๔๖ ๑๒๕ ๑๐๔ ๘๓ ๖๒): คงเหลือ 83 ครัวเรือน ได้ระดับ ๔ ตามตารางของอำเภอเอง',
    district: 'สนามชัยเขต',
    kpi: 'I1',
    report: [{ value: 83 }],
    expect: '4'
  },
  {
    letter: 'I1 บางน้ำเปรี้ยว (๘ ๗ ๖ ๔ ๓): คงเหลือ 5 ครัวเรือน ได้ระดับ ๓',
    district: 'บางน้ำเปรี้ยว',
    kpi: 'I1',
    report: [{ value: 5 }],
    expect: '3'
  },
  ...(
    [
      ['บางคล้า', 13, '4'],
      ['บางปะกง', 12, '4'],
      ['บ้านโพธิ์', 44, '4'],
      ['ราชสาส์น', 2, '5'],
      ['คลองเขื่อน', 8, '4'],
      ['แปลงยาว', 0, '5'],
      ['ท่าตะเกียบ', 0, '5']
    ] as const
  ).map(([district, value, level]): LetterCase => ({
    letter: `I1 ${district}: คงเหลือ ${value} ครัวเรือน`,
    district,
    kpi: 'I1',
    report: [{ value }],
    expect: level
  })),
  {
    letter: 'I1 พนมสารคาม (๐ ๐ ๐ ๐ ๐): ไม่มีครัวเรือนคงเหลือ ได้ระดับ ๕',
    district: 'พนมสารคาม',
    kpi: 'I1',
    report: [{ value: 0 }],
    expect: '5'
  },
  {
    letter: 'I1 พนมสารคาม (๐ ๐ ๐ ๐ ๐): คงเหลือ 1 ครัวเรือน ต่ำกว่าเกณฑ์',
    district: 'พนมสารคาม',
    kpi: 'I1',
    report: [{ value: 1 }],
    expect: BELOW
  },
  {
    letter: 'I1 ครัวเรือนคงเหลือนับ ณ เดือนล่าสุด: เมืองฉะเชิงเทรา เม.ย. 67 ก.ย. 38 ได้ระดับ ๔ ในรอบ',
    district: 'เมืองฉะเชิงเทรา',
    kpi: 'I1',
    report: [
      { month: '2022-04', value: 67 },
      { month: SEPTEMBER, value: 38 }
    ],
    expect: '4'
  },
  {
    letter: 'I1 ไตรมาส 3 มีแต่ เม.ย. 67 ครัวเรือน: ระดับ ๑',
    district: 'เมืองฉะเชิงเทรา',
    kpi: 'I1',
    report: [
      { month: '2022-04', value: 67 },
      { month: SEPTEMBER, value: 38 }
    ],
    period: 'FY2565-Q3',
    expect: '1'
  }
];

const I2_CASES: LetterCase[] = [
  // "พนมสารคาม ไม่น้อยกว่า ร้อยละ ๔๕ (๑๔ ครัวเรือน) … ร้อยละ ๖๕ (๒๐ ครัวเรือน)" of 30 target households.
  ...(
    [
      [13, BELOW, 'ต่ำกว่าร้อยละ ๔๕ (๑๓ ครัวเรือน)'],
      [14, '1', 'ไม่น้อยกว่า ร้อยละ ๔๕ (๑๔ ครัวเรือน)'],
      [15, '2', 'ไม่น้อยกว่า ร้อยละ ๕๐ (๑๕ ครัวเรือน)'],
      [17, '3', 'ไม่น้อยกว่า ร้อยละ ๕๕ (๑๗ ครัวเรือน)'],
      [18, '4', 'ไม่น้อยกว่า ร้อยละ ๖๐ (๑๘ ครัวเรือน)'],
      [20, '5', 'ไม่น้อยกว่า ร้อยละ ๖๕ (๒๐ ครัวเรือน)']
    ] as const
  ).map(([value, level, line]): LetterCase => ({
    letter: `I2 พนมสารคาม ${line}`,
    district: 'พนมสารคาม',
    kpi: 'I2',
    report: [{ value }],
    expect: level,
    measured: (value * 100) / 30
  })),
  {
    letter: 'I2 ราชสาส์น ไม่น้อยกว่า ร้อยละ ๖๐ (๑๘ ครัวเรือน)',
    district: 'ราชสาส์น',
    kpi: 'I2',
    report: [{ value: 18 }],
    expect: '4',
    measured: 60
  },
  {
    letter: 'I2 บางปะกงไม่มีศูนย์จัดการกองทุนชุมชนเป้าหมาย: ไม่มีค่าเป้าหมาย คิดร้อยละไม่ได้',
    district: 'บางปะกง',
    kpi: 'I2',
    report: [{ value: 10 }],
    expect: MISSING
  }
];

const I3_CASES: LetterCase[] = [
  {
    letter: 'I3 ระดับ ๕ "จำนวนร้อยละ ๑๐๐ ของหมู่บ้าน": ท่าตะเกียบ 4 จาก 4 หมู่บ้าน',
    district: 'ท่าตะเกียบ',
    kpi: 'I3',
    report: [{ value: 4 }],
    expect: '5',
    measured: 100
  },
  {
    letter: 'I3 ท่าตะเกียบ 3 จาก 4 หมู่บ้าน (ร้อยละ 75) ต่ำกว่าร้อยละ ๘๐',
    district: 'ท่าตะเกียบ',
    kpi: 'I3',
    report: [{ value: 3 }],
    expect: BELOW,
    measured: 75
  },
  {
    letter: 'I3 คลองเขื่อน 3 จาก 3 หมู่บ้าน',
    district: 'คลองเขื่อน',
    kpi: 'I3',
    report: [{ value: 3 }],
    expect: '5'
  },
  {
    letter: 'I3 สนามชัยเขต 1 จาก 1 หมู่บ้าน',
    district: 'สนามชัยเขต',
    kpi: 'I3',
    report: [{ value: 1 }],
    expect: '5'
  },
  // The edges, on the province's "จำนวน ๒๐ แห่ง" given in the result row itself.
  ...(
    [
      ['บางคล้า', 15, BELOW, 'ต่ำกว่าร้อยละ ๘๐'],
      ['พนมสารคาม', 16, '1', 'ไม่น้อยกว่าร้อยละ ๘๐'],
      ['ราชสาส์น', 17, '2', 'ไม่น้อยกว่าร้อยละ ๘๕'],
      ['เมืองฉะเชิงเทรา', 18, '3', 'ไม่น้อยกว่าร้อยละ ๙๐'],
      ['แปลงยาว', 19, '4', 'ไม่น้อยกว่าร้อยละ 95']
    ] as const
  ).map(([district, value, level, line]): LetterCase => ({
    letter: `I3 ${line} ของหมู่บ้าน: ${value} จาก ๒๐ แห่ง`,
    district,
    kpi: 'I3',
    report: [{ value, target: 20 }],
    expect: level,
    measured: value * 5
  })),
  {
    letter: 'I3 บางน้ำเปรี้ยวไม่มีหมู่บ้านเป้าหมาย: ไม่มีค่าเป้าหมาย คิดร้อยละไม่ได้',
    district: 'บางน้ำเปรี้ยว',
    kpi: 'I3',
    report: [{ value: 1 }],
    expect: MISSING
  }
];

const I5_CASES: LetterCase[] = [
  // Each district earns exactly the letter's monthly targets.
  ...OTOP.map(([district, revenue2564, months, , level]): LetterCase => ({
    letter: `I5 ${district} มีรายได้ตามเป้าหมายรายเดือน เม.ย.–ก.ย. 65 (${months.join(', ')}) จากฐาน ${revenue2564}`,
    district,
    kpi: 'I5',
    report: monthly(months),
    expect: level
  })),
  // "จำนวนไม่น้อยกว่าร้อยละ ๑๑ … ๑๕" on บางปะกง's 60,000 baht of Q3–4 2564 (10,000 a month).
  ...(
    [
      [11000, BELOW, 'เพิ่มขึ้นร้อยละ 10'],
      [11100, '1', 'ระดับ ๑ ไม่น้อยกว่าร้อยละ ๑๑'],
      [11200, '2', 'ระดับ ๒ ไม่น้อยกว่าร้อยละ ๑๒'],
      [11300, '3', 'ระดับ ๓ ไม่น้อยกว่าร้อยละ ๑๓'],
      [11400, '4', 'ระดับ ๔ ไม่น้อยกว่าร้อยละ ๑๔']
    ] as const
  ).map(([value, level, line]): LetterCase => ({
    letter: `I5 บางปะกง ${line}: เดือนละ ${value} บาท`,
    district: 'บางปะกง',
    kpi: 'I5',
    report: monthly(Array(6).fill(value)),
    expect: level,
    measured: ((value - 10000) * 100) / 10000
  }))
];

/** The letter's five criteria of each KPI reported as the level reached (Mile Stone form), abridged. */
const MILESTONES: Record<string, { districts: string[]; levels: string[] }> = {
  T2: {
    districts: [],
    levels: [
      'มีแผนการปฏิบัติงานและแผนการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ตามที่ได้รับจัดสรร',
      'มีการบันทึกรายงานผลการดำเนินงาน … และรายงานความก้าวหน้าทุกเดือน',
      'มีการรายงานผลการดำเนินงานกิจกรรม/โครงการในระบบ BPM … ไม่น้อยกว่าร้อยละ ๘๕',
      'มีการรายงานผลการดำเนินงานตามแผน … ไม่น้อยกว่าร้อยละ ๙๐',
      'มีการรายงานผลการดำเนินงานตามแผน … ไม่น้อยกว่าร้อยละ ๙๕'
    ]
  },
  T3: {
    districts: [],
    levels: [
      'มีชุดทีม/ชุดปฏิบัติงาน เป็นผ้าประจำจังหวัดฉะเชิงเทรา จำนวน ๘ หน่วยงาน/องค์กร',
      'มีชุดทีม/ชุดปฏิบัติงาน เป็นผ้าประจำจังหวัดฉะเชิงเทรา จำนวน ๑๐ หน่วยงาน/องค์กร',
      'ส่งเสริมต่อยอดพัฒนาผ้า … อย่างน้อยอำเภอละ ๕ ผลิตภัณฑ์',
      'ประชาสัมพันธ์การสวมใส่ผ้า … อย่างน้อย ๒ ช่องทาง … จำนวน ๑ เรื่องต่อสัปดาห์',
      'รายงานผลการดำเนินงานสวมใส่และรายได้ … ให้จังหวัดทราบเป็นประจำทุกเดือน'
    ]
  },
  T4: {
    districts: [],
    levels: [
      'กิจกรรมที่ไม่ใช้งบประมาณ จำนวนน้อยกว่า ๔ ครั้ง ออนไลน์ ๑ ช่องทาง ผู้ประกอบการร้อยละ ๑',
      'จำนวน ๔ ครั้ง ออนไลน์ ๑ ช่องทาง ผู้ประกอบการร้อยละ ๒',
      'จำนวน ๘ ครั้ง ออนไลน์ ๑ ช่องทาง ผู้ประกอบการร้อยละ ๓',
      'จำนวน ๑๒ ครั้ง ออนไลน์ ๒ ช่องทาง ผู้ประกอบการร้อยละ ๔',
      'จำนวน ๑๖ ครั้ง ออนไลน์ ๓ ช่องทาง ผู้ประกอบการร้อยละ ๕'
    ]
  },
  T5: {
    districts: [],
    levels: [
      'มีฐานข้อมูลกลุ่มเป้าหมายในการขับเคลื่อนการดำเนินงานพัฒนาเศรษฐกิจฐานรากและประชารัฐ',
      'การจัดทำกระบวนการพัฒนาด้วยกลไกประชารัฐ ๕ กระบวนงาน อย่างน้อยอำเภอละ ๑ แห่ง',
      'มีแผนการพัฒนากลุ่มเป้าหมาย คสป. ของอำเภออย่างน้อย ๕ แผนงาน',
      'ดำเนินงานและรายงานผลตามแผนการพัฒนากลุ่มเป้าหมาย คสป. ร้อยละ ๕๐ ของแผนงาน',
      'ดำเนินงานและรายงานผลตามแผนการพัฒนากลุ่มเป้าหมาย คสป. ร้อยละ ๘๐ ของแผนงาน'
    ]
  },
  I4: {
    districts: [],
    levels: [
      'ร้อยละ ๗๕ ประชาชนเป้าหมาย … นำความรู้ไปประกอบอาชีพ … และมีรายได้เพิ่มขึ้น',
      'ร้อยละ ๘๕ ประชาชนเป้าหมาย … นำความรู้ไปประกอบอาชีพ … และมีรายได้เพิ่มขึ้น',
      'ร้อยละ ๑๐๐ ของกลุ่มอาชีพ … ได้รับการจดทะเบียนกลุ่มอาชีพและมีแผนการพัฒนากลุ่มอาชีพ',
      'ร้อยละ ๑๐๐ ของกลุ่มอาชีพ … ได้รับการสนับสนุนเงินทุนประกอบอาชีพ',
      'ร้อยละ ๑๐๐ ของการรายงานผลการเบิกจ่ายงบประมาณที่ได้รับจัดสรร'
    ]
  },
  I6: {
    districts: [],
    levels: [
      'ตรวจสอบและรับรองข้อมูลครัวเรือนเป้าหมายจากระบบ TPMAP มีการจัดทำแผนครัวเรือน …',
      'ทีมพี่เลี้ยงลงพื้นที่ติดตามให้คำแนะนำรายครัวเรือน … อย่างน้อยเดือนละ ๒ ครั้ง',
      'เผยแพร่ประชาสัมพันธ์ … ๓ ช่องทาง … อย่างน้อยสัปดาห์ละ ๒ ครั้ง',
      'รายงานผลการขับเคลื่อนการดำเนินงาน … อย่างน้อยเดือนละ ๑ ครั้ง',
      'ครัวเรือนเป้าหมายที่ได้รับการช่วยเหลือสามารถดำรงชีวิตอยู่รอดได้อย่างน้อย ร้อยละ ๓๐'
    ]
  },
  I7: {
    districts: ['เมืองฉะเชิงเทรา', 'บ้านโพธิ์', 'พนมสารคาม', 'คลองเขื่อน', 'ราชสาส์น', 'สนามชัยเขต', 'ท่าตะเกียบ'],
    levels: [
      'มีฐานข้อมูลพื้นที่เป้าหมายการพัฒนาพื้นที่เรียนรู้ชุมชนต้นแบบ โคก หนอง นา โมเดล',
      'มีการบริหารจัดการไม่ให้มีเรื่องร้องเรียน ภายในเดือนกันยายน ๒๕๖๕',
      'มีการประชาสัมพันธ์โครงการผ่านสื่อสาธารณะ … ไม่น้อยกว่า เดือนละ ๒ ครั้ง',
      'พื้นที่ต้นแบบฯ … มีคนมาเรียนรู้ไม่น้อยกว่าร้อยละ ๗๐ ของพื้นที่ทั้งหมด',
      'พื้นที่ต้นแบบฯ … มีคนมาเรียนรู้ไม่น้อยกว่าร้อยละ ๘๐ ของพื้นที่ทั้งหมด'
    ]
  },
  I8: {
    districts: ['เมืองฉะเชิงเทรา', 'บางคล้า', 'บ้านโพธิ์', 'แปลงยาว', 'ท่าตะเกียบ', 'คลองเขื่อน'],
    levels: [
      'มีฐานข้อมูลโครงการแก้ไขปัญหาความยากจน (กข.คจ.)',
      'มีแผนการติดตาม ตรวจสอบ และแก้ไขปัญหาการชำระเงินยืม … หมู่บ้านที่มีปัญหา/เสียหาย',
      'มีการรายงานผลการติดตาม สนับสนุน การดำเนินงาน … รายเดือน',
      'ผลสำเร็จจากการแก้ไขปัญหา คิดเป็นร้อยละ ๒๐ ของจำนวนเงินทุนที่มีปัญหาค้างชำระ (บางคล้า ๑๐๗,๔๔๐ บาท)',
      'ผลสำเร็จจากการแก้ไขปัญหา คิดเป็นร้อยละ ๓๐ ของจำนวนเงินทุนที่มีปัญหาค้างชำระ (บางคล้า ๑๖๑,๑๖๐ บาท)'
    ]
  },
  I9: {
    districts: [],
    levels: [
      'อำเภอมีฐานข้อมูลลูกหนี้แยกปีอนุมัติ และข้อมูลลูกหนี้เกินกำหนดชำระที่เป็นปัจจุบัน',
      'อำเภอมีแผนการติดตามหนี้และรายงาน … ทราบทุกครั้ง',
      'อำเภอบริหารจัดการหนี้เกินกำหนดชำระลดลงได้ร้อยละ ๒๐ จากหนี้เกินกำหนดชำระ ณ วันที่ ๑ ตุลาคม ๒๕๖๔',
      'อำเภอบริหารจัดการหนี้เกินกำหนดชำระลดลงได้ร้อยละ ๒๕ …',
      'อำเภอบริหารจัดการหนี้เกินกำหนดชำระลดลงได้ร้อยละ ๓๐ …'
    ]
  },
  I10: {
    districts: [],
    levels: [
      'มีกลไกในการบริหารจัดการระบบฐานข้อมูล และมีการขับเคลื่อนการดำเนินงาน …',
      'มีการสื่อสารสร้างการรับรู้ … อย่างน้อยเดือนละ ๑ ครั้งผ่านช่องทางที่หลากหลาย อย่างน้อย ๒ ช่องทาง',
      'มีกิจกรรมที่ขับเคลื่อนการใช้บริการ … อย่างน้อยไตรมาสละ ๑ ครั้ง',
      'มีจำนวนผู้ใช้บริการ … “Click ชุมชน” จำนวนน้อยกว่า ๔,๐๐๐ คน',
      'มีจำนวนผู้ใช้บริการ … “Click ชุมชน” จำนวน ๔,๐๐๐ คนขึ้นไป'
    ]
  },
  I11: {
    districts: ['แปลงยาว', 'สนามชัยเขต', 'ท่าตะเกียบ'],
    levels: [
      'ลงทะเบียน OTOP ไม่น้อยกว่าร้อยละ ๑ … ช่องทางการตลาด ไม่น้อยกว่า ๒ ช่องทาง',
      'ลงทะเบียน OTOP ไม่น้อยกว่าร้อยละ ๒ … ไม่น้อยกว่า ๒ ช่องทาง',
      'ลงทะเบียน OTOP ไม่น้อยกว่าร้อยละ ๓ … ได้รับการพัฒนาไม่น้อยกว่าร้อยละ ๑ … ๒ ช่องทาง',
      'ลงทะเบียน OTOP ไม่น้อยกว่าร้อยละ ๔ … ได้รับการพัฒนาไม่น้อยกว่าร้อยละ ๒ … ๓ ช่องทาง',
      'ลงทะเบียน OTOP ไม่น้อยกว่าร้อยละ ๕ … ได้รับการพัฒนาไม่น้อยกว่าร้อยละ ๓ … ๓ ช่องทาง'
    ]
  }
};

const ALL_DISTRICTS = districtsOf(PROVINCE).map((district) => district.name);

const MILESTONE_CASES: LetterCase[] = Object.entries(MILESTONES).flatMap(([kpi, { districts, levels }]) => {
  const pool = districts.length > 0 ? districts : ALL_DISTRICTS;
  return [0, 1, 2, 3, 4, 5].map((value): LetterCase => ({
    letter:
      value === 0
        ? `${kpi} ยังไม่ผ่านระดับ ๑ (รายงาน 0)`
        : `${kpi} ระดับ ${value}: ${levels[value - 1]} (รายงาน ${value})`,
    district: pool[value % pool.length],
    kpi,
    report: [{ value }],
    expect: value === 0 ? BELOW : String(value)
  }));
});

const CUMULATIVE_CASES: LetterCase[] = [
  {
    letter: 'T2 รายงานระดับทุกเดือน ใช้เดือนล่าสุดของรอบ: ก.ค. ระดับ 5 ก.ย. ระดับ 3 (BPM ณ 20 ก.ย. 2565)',
    district: 'บางคล้า',
    kpi: 'T2',
    report: [
      { month: '2022-07', value: 5 },
      { month: SEPTEMBER, value: 3 }
    ],
    expect: '3'
  },
  {
    letter: 'T2 ในมุมมองเดือน ก.ค. 2565 ใช้ค่าของเดือนนั้น: ระดับ 5',
    district: 'บางคล้า',
    kpi: 'T2',
    report: [
      { month: '2022-07', value: 5 },
      { month: SEPTEMBER, value: 3 }
    ],
    period: '2565-07',
    expect: '5'
  }
];

// "หากมีข้อร้องเรียนในการปฏิบัติงานกองทุนพัฒนาบทบาทสตรี … จะถูกปรับลดค่าคะแนนตัวชี้วัดลง ๐.๕ คะแนน"
const COMPLAINT_CASES: LetterCase[] = [
  {
    letter: 'I9 ระดับ ๔ กับข้อร้องเรียนที่มีมูล ๑ เรื่อง: ปรับลด ๐.๕ คะแนน',
    district: 'เมืองฉะเชิงเทรา',
    kpi: 'I9',
    report: [{ value: 4, adjust: -0.5 }],
    expect: '4',
    score: 3.5
  },
  {
    letter: 'I9 ข้อร้องเรียน ก.ค. ๑ เรื่อง และ ก.ย. ๑ เรื่อง: ระดับ ๔ ปรับลด ๑ คะแนนในรอบ',
    district: 'บางคล้า',
    kpi: 'I9',
    report: [
      { month: '2022-07', value: 3, adjust: -0.5 },
      { month: SEPTEMBER, value: 4, adjust: -0.5 }
    ],
    expect: '4',
    score: 3
  },
  {
    letter: 'I9 เดือน ก.ค. 2565 เอง: ระดับ ๓ ปรับลด ๐.๕ คะแนน',
    district: 'บางคล้า',
    kpi: 'I9',
    report: [
      { month: '2022-07', value: 3, adjust: -0.5 },
      { month: SEPTEMBER, value: 4, adjust: -0.5 }
    ],
    period: '2565-07',
    expect: '3',
    score: 2.5
  },
  {
    letter: 'I9 ระดับ ๑ กับข้อร้องเรียน ๓ เรื่อง: คะแนนไม่ต่ำกว่า 0',
    district: 'บางปะกง',
    kpi: 'I9',
    report: [{ value: 1, adjust: -1.5 }],
    expect: '1',
    score: 0
  },
  {
    letter: 'I9 ต่ำกว่าระดับ ๑ กับข้อร้องเรียน ๑ เรื่อง: ต่ำกว่าเกณฑ์ คะแนน 0',
    district: 'บ้านโพธิ์',
    kpi: 'I9',
    report: [{ value: 0, adjust: -0.5 }],
    expect: BELOW
  }
];

const CASES: LetterCase[] = [
  ...T1_CASES,
  ...I1_CASES,
  ...I2_CASES,
  ...I3_CASES,
  ...I5_CASES,
  ...MILESTONE_CASES,
  ...CUMULATIVE_CASES,
  ...COMPLAINT_CASES
];

// ---------------------------------------------------------------------------------------------------------
// Scoring on DuckDB-WASM: cases go into batches with one case per district and KPI, one scoring run each

function districtId(name: string): string {
  const match = matchDistrict(name, PROVINCE);
  if (match.kind !== 'match') throw new Error(`not a district of ${PROVINCE}: ${name}`);
  return match.district.id;
}

function resultRows(kpi: string, district: string, report: Reported[], firstLine: number): ResultRow[] {
  return report.map((row, i) => ({
    unitId: districtId(district),
    kpi,
    month: row.month ?? SEPTEMBER,
    value: row.value,
    target: row.target ?? null,
    baseline: null,
    adjust: row.adjust ?? null,
    source: FILE,
    line: firstLine + i
  }));
}

function batches(cases: LetterCase[]): LetterCase[][] {
  const out: { cases: LetterCase[]; keys: Set<string> }[] = [];
  for (const letterCase of cases) {
    const key = `${letterCase.district}\u0000${letterCase.kpi}`;
    let batch = out.find((b) => !b.keys.has(key));
    if (!batch) out.push((batch = { cases: [], keys: new Set() }));
    batch.keys.add(key);
    batch.cases.push(letterCase);
  }
  return out.map((b) => b.cases);
}

function expectCell(cell: KpiCell | undefined, expected: string, score?: number): void {
  expect(cell).toBeDefined();
  if (expected === MISSING || expected === BELOW) {
    expect(cell!.status).toBe(expected === MISSING ? 'missing' : 'below');
    expect(cell!.level).toBeNull();
    expect(cell!.score).toBe(0);
  } else {
    expect(cell!.status).toBe('ok');
    expect(cell!.level).toBe(expected);
    expect(cell!.score).toBeCloseTo(score ?? Number(expected), 9);
  }
}

const readOptions = { resolveUnit: (name: string, f: Framework) => resolveFrameworkUnit(f, name) !== null };
let fw: Framework;
let db: Db;
let ws: Workspace;
const cellOf = new Map<LetterCase, KpiCell | undefined>();

beforeAll(async () => {
  const read = readFrameworkJson(FILE, TEXT, readOptions);
  if (!read.framework) throw new Error(JSON.stringify(read.issues));
  fw = read.framework;
  db = await openNodeWasmDb({ reuseModule: true });
  ws = await Workspace.open(db);
  const issues = await ws.putFramework(fw);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  for (const batch of batches(CASES)) {
    await ws.clearResults(fw.id);
    let line = 2;
    const rows: ResultRow[] = [];
    for (const letterCase of batch) {
      rows.push(...resultRows(letterCase.kpi, letterCase.district, letterCase.report, line));
      line += letterCase.report.length;
    }
    await ws.commit(fw.id, rows);
    await ws.ensure(fw.id, 'all');
    const tables = new Map<string, LeagueTable>();
    for (const letterCase of batch) {
      const period = letterCase.period ?? ROUND;
      let table = tables.get(period);
      if (!table) tables.set(period, (table = await ws.leagueTable(fw.id, period)));
      const row = table.rows.find((r) => r.unitId === districtId(letterCase.district));
      cellOf.set(letterCase, row?.cells[letterCase.kpi]);
    }
  }
});

afterAll(async () => {
  await db?.close();
});

// ---------------------------------------------------------------------------------------------------------

describe('chachoengsao-2565-r2: the framework file', () => {
  test('loads with no errors, warning that the individual weights sum to 105 and that I1 levels 1–4 of the all-zero districts are never reached', () => {
    const { framework, issues } = readFrameworkJson(FILE, TEXT, readOptions);
    expect(framework).not.toBeNull();
    expect(issues.map((issue) => issue.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    const [unreachable, weights] = [issues.slice(0, 3), issues[3]];
    expect(weights.message).toContain(PERSON);
    expect(weights.message).toContain('105');
    // DESIGN §9.2: five "<= 0" bands are legal (tried from level 5 down); levels 4–1 can never be the level.
    expect(unreachable.map((issue) => [issue.where, issue.message.split(' ไม่มีทางได้')[0]])).toEqual(
      ['พนมสารคาม', 'แปลงยาว', 'ท่าตะเกียบ'].map((district) => [
        expect.stringMatching(/^chachoengsao-2565-r2\.json:bands\[\d+\]$/),
        `ตัวชี้วัด I1 หน่วยงาน ${district}: ระดับ 4, 3, 2, 1`
      ])
    );
  });

  test('is Chachoengsao, FY2565 round 2, and the notes say the header names Chiang Mai', () => {
    expect([fw.id, fw.province, fw.fiscalYear, fw.period]).toEqual([
      'chachoengsao-2565-r2',
      PROVINCE,
      2565,
      'R2'
    ]);
    expect(fw.notes.some((note) => note.includes('เชียงใหม่'))).toBe(true);
    expect(fw.notes.some((note) => note.includes('105') && note.includes('110'))).toBe(true);
  });

  test("has the 5 team KPIs at 20% and the 11 individual KPIs at the detailed pages' weights", () => {
    const kpis = topLevelKpis(fw);
    expect(kpis.map((k) => [k.kpi, k.group, k.weight])).toEqual([
      ['T1', TEAM, 20],
      ['T2', TEAM, 20],
      ['T3', TEAM, 20],
      ['T4', TEAM, 20],
      ['T5', TEAM, 20],
      ['I1', PERSON, 10],
      ['I2', PERSON, 15],
      ['I3', PERSON, 10],
      ['I4', PERSON, 10],
      ['I5', PERSON, 10],
      ['I6', PERSON, 10],
      ['I7', PERSON, 10],
      ['I8', PERSON, 10],
      ['I9', PERSON, 10],
      ['I10', PERSON, 5],
      ['I11', PERSON, 5]
    ]);
    expect(fw.kpis).toHaveLength(16);
  });

  test.each([
    'T1',
    'T2',
    'T3',
    'T4',
    'T5',
    'I1',
    'I2',
    'I3',
    'I4',
    'I5',
    'I6',
    'I7',
    'I8',
    'I9',
    'I10',
    'I11'
  ])('%s has levels 1–5 scored by their number', (kpi) => {
    const bands = fw.bands.filter((band) => band.kpi === kpi);
    expect([...new Set(bands.map((band) => band.level))].sort()).toEqual(['1', '2', '3', '4', '5']);
    for (const band of bands) expect(band.points).toBe(Number(band.level));
  });

  test("measures follow the letter's formulas", () => {
    const measure = (id: string) => fw.kpis.find((k) => k.kpi === id)!;
    expect([measure('T1').measure, measure('T1').aggregate]).toEqual(['pct_of_target', 'last']);
    expect([measure('I1').measure, measure('I1').aggregate]).toEqual(['value', 'last']);
    expect([measure('I2').measure, measure('I3').measure]).toEqual(['pct_of_target', 'pct_of_target']);
    expect([measure('I5').measure, measure('I5').aggregate]).toEqual(['growth_pct', 'sum']);
    expect(measure('I9').howToReport).toContain('-0.5');
  });

  test('T1 targets are the allocations of the budget table, for the 11 districts only (no work groups)', () => {
    const targets = fw.targets.filter((t) => t.kpi === 'T1');
    expect(targets.map((t) => [t.unit, t.month, t.target]).sort()).toEqual(
      BUDGET.map(([district, allocated]) => [district, null, allocated]).sort()
    );
  });

  test("I1 has each district's own households-remaining table, row by row as the letter writes it", () => {
    for (const [district, byLevel] of REMAINING) {
      const own = fw.bands.filter((band) => band.kpi === 'I1' && band.unit === district);
      // The all-zero rows (พนมสารคาม, แปลงยาว, ท่าตะเกียบ: ๐ ๐ ๐ ๐ ๐) too: five "<= 0" bands.
      expect(own.map((band) => [band.level, band.op, band.value])).toEqual(
        byLevel.map((count, i) => [String(i + 1), '<=', count])
      );
    }
    expect(fw.bands.filter((band) => band.kpi === 'I1' && band.unit === null)).toEqual([]);
  });

  test("I5 monthly targets and baselines add up to the letter's totals (รวมทั้งสิ้น 6,807,800 and 5,919,754)", () => {
    let totalTarget = 0;
    let totalBaseline = 0;
    for (const [district, revenue2564, months, total] of OTOP) {
      const rows = fw.targets.filter((t) => t.kpi === 'I5' && t.unit === district);
      expect(rows.map((t) => t.month)).toEqual(MONTHS);
      const targets = rows.map((t) => t.target as number);
      const baselines = rows.map((t) => t.baseline as number);
      expect(targets.reduce((a, b) => a + b, 0)).toBe(total);
      expect(baselines.reduce((a, b) => a + b, 0)).toBeCloseTo(revenue2564, 6);
      if (district === 'ท่าตะเกียบ') {
        // The letter prints 7,300 for May; its total 43,700 and the May column (1,133,450) need 7,200.
        expect(targets).toEqual([7200, 7200, 7300, 7300, 7500, 7200]);
      } else expect(targets).toEqual(months);
      totalTarget += total;
      totalBaseline += revenue2564;
    }
    expect(totalTarget).toBe(6807800);
    expect(totalBaseline).toBe(5919754);
    const may = fw.targets.filter((t) => t.kpi === 'I5' && t.month === '2022-05');
    expect(may.reduce((sum, t) => sum + (t.target as number), 0)).toBe(1133450);
  });

  test("I2, I3 and I9 targets are the letter's (30 households, villages per district, debt reduction in baht)", () => {
    const of = (kpi: string) => fw.targets.filter((t) => t.kpi === kpi).map((t) => [t.unit, t.target]);
    expect(of('I2')).toEqual([
      ['พนมสารคาม', 30],
      ['ราชสาส์น', 30]
    ]);
    expect(of('I3').sort()).toEqual([...VILLAGES].sort());
    expect(of('I3').reduce((sum, [, n]) => sum + (n as number), 0)).toBe(20);
    expect(of('I9').sort()).toEqual([...DEBT_TARGETS].sort());
    expect(of('I9').reduce((sum, [, baht]) => sum + (baht as number), 0)).toBeCloseTo(3124232.86, 2);
  });

  test('every target and per-unit band names a district of Chachoengsao', () => {
    const units = new Set([
      ...fw.targets.map((t) => t.unit),
      ...fw.bands.flatMap((b) => (b.unit ? [b.unit] : []))
    ]);
    expect([...units].sort()).toEqual([...ALL_DISTRICTS].sort());
  });
});

describe('chachoengsao-2565-r2: valid ranges of the reported values (kpis.csv min/max)', () => {
  // Milestone KPIs: "แบ่งเกณฑ์การให้คะแนนเป็น ๕ ระดับ" reported as the levels passed on the letter's
  // "แบบรายงานประเมินตนเอง … (Mile Stone)", 0–5; counts and money ≥ 0; no value is a percentage here.
  const steps = 'milestone levels reported as steps passed, 0–5';
  rangeTests(
    () => fw,
    [
      {
        kpi: 'T1',
        min: 0,
        max: null,
        letter: 'ร้อยละ ๑๐๐ ของงบประมาณที่ได้รับการจัดสรร',
        reads: 'value = baht spent, target = allocation'
      },
      { kpi: 'T2', min: 0, max: 5, letter: 'ระดับความสำเร็จของการบรรลุเป้าหมายการดำเนินงาน', reads: steps },
      { kpi: 'T3', min: 0, max: 5, letter: 'ระดับความสำเร็จของการดำเนินงานตามมาตรการ', reads: steps },
      {
        kpi: 'T4',
        min: 0,
        max: 5,
        letter: 'ระดับความสำเร็จการบริหารการส่งเสริมช่องทางการตลาด',
        reads: 'highest level whose conditions all hold, 0–5'
      },
      { kpi: 'T5', min: 0, max: 5, letter: 'ระดับความสำเร็จในการขับเคลื่อนการดำเนินงาน', reads: steps },
      { kpi: 'I1', min: 0, max: null, letter: 'ไม่เกิน ๒๙ ครัวเรือน', reads: 'households remaining, a count' },
      {
        kpi: 'I2',
        min: 0,
        max: null,
        letter: 'ร้อยละของจำนวนครัวเรือนเป้าหมาย',
        reads: 'value = households, target = households'
      },
      { kpi: 'I3', min: 0, max: null, letter: 'ร้อยละของหมู่บ้าน', reads: 'value = villages, target = villages' },
      { kpi: 'I4', min: 0, max: 5, letter: 'ระดับความสำเร็จของการสนับสนุนการสร้างสัมมาชีพชุมชน', reads: steps },
      {
        kpi: 'I5',
        min: 0,
        max: null,
        letter: 'รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP ผ่านช่องทางออนไลน์',
        reads: 'value = baht of the month, growth over a baseline'
      },
      { kpi: 'I6', min: 0, max: 5, letter: 'การขับเคลื่อนการดำเนินงานขจัดความยากจน', reads: steps },
      { kpi: 'I7', min: 0, max: 5, letter: 'การพัฒนาพื้นที่เรียนรู้ชุมชนต้นแบบ', reads: steps },
      { kpi: 'I8', min: 0, max: 5, letter: 'ระดับความสำเร็จของการติดตามเงินทุน', reads: steps },
      { kpi: 'I9', min: 0, max: 5, letter: 'ระดับความสำเร็จการบริหารจัดการหนี้', reads: steps },
      { kpi: 'I10', min: 0, max: 5, letter: 'ระดับความสำเร็จของการใช้ประโยชน์ Big Data', reads: steps },
      {
        kpi: 'I11',
        min: 0,
        max: 5,
        letter: 'ผู้ประกอบการในหมู่บ้านคนรักช้าง',
        reads: 'highest level whose conditions all hold, 0–5'
      }
    ]
  );
});

describe('chachoengsao-2565-r2: lines of the letter scored on DuckDB-WASM', () => {
  test.each(CASES.map((c) => [c.letter, c] as const))('%s', (_letter, letterCase) => {
    const cell = cellOf.get(letterCase);
    expectCell(cell, letterCase.expect, letterCase.score);
    if (letterCase.measured !== undefined) expect(cell!.measured).toBeCloseTo(letterCase.measured, 6);
  });

  test('every KPI is exercised at every level and below level 1', () => {
    for (const kpi of fw.kpis) {
      const outcomes = new Set(CASES.filter((c) => c.kpi === kpi.kpi).map((c) => c.expect));
      for (const outcome of ['1', '2', '3', '4', '5', BELOW]) expect(outcomes.has(outcome)).toBe(true);
    }
  });
});

describe('chachoengsao-2565-r2: the weighted total over 205 weight points', () => {
  const FULL: Record<string, number> = {
    T2: 5,
    T3: 5,
    T4: 5,
    T5: 5,
    I4: 5,
    I6: 5,
    I7: 5,
    I8: 5,
    I9: 5,
    I10: 5,
    I11: 5
  };
  let table: LeagueTable;
  let individual: LeagueTable;
  const rowFor = (t: LeagueTable, district: string): LeagueRow =>
    t.rows.find((r) => r.unitId === districtId(district))!;

  beforeAll(async () => {
    const report = (district: string, values: Record<string, Reported[]>): ResultRow[] =>
      Object.entries(values).flatMap(([kpi, rows]) => resultRows(kpi, district, rows, 2));
    const levels = (overrides: Record<string, number>) =>
      Object.fromEntries(Object.entries({ ...FULL, ...overrides }).map(([kpi, value]) => [kpi, [{ value }]]));
    const otop = (district: string) => monthly(OTOP.find(([name]) => name === district)![2]);
    await ws.clearResults(fw.id);
    await ws.commit(fw.id, [
      // Every KPI at level 5.
      ...report('เมืองฉะเชิงเทรา', {
        ...levels({}),
        T1: [{ value: 1180440 }],
        I1: [{ value: 29 }],
        I2: [{ value: 20, target: 30 }],
        I3: [{ value: 2 }],
        I5: otop('เมืองฉะเชิงเทรา')
      }),
      // Level 5 everywhere but I2, which บางปะกง does not report (no community fund centre).
      ...report('บางปะกง', {
        ...levels({}),
        T1: [{ value: 506480 }],
        I1: [{ value: 9 }],
        I3: [{ value: 20, target: 20 }],
        I5: otop('บางปะกง')
      }),
      // T1 97% (4), I2 18 households (4), I5 its own monthly targets (4), I9 level 4 with one complaint (3.5).
      ...report('ราชสาส์น', {
        ...levels({}),
        T1: [{ value: 360355 }],
        I1: [{ value: 2 }],
        I2: [{ value: 18 }],
        I3: [{ value: 2 }],
        I5: otop('ราชสาส์น'),
        I9: [{ value: 4, adjust: -0.5 }]
      })
    ]);
    await ws.ensure(fw.id, 'all');
    table = await ws.leagueTable(fw.id, ROUND);
    individual = await ws.leagueTable(fw.id, ROUND, PERSON);
  });

  test('every KPI at level 5: total 5 (100%), ranked first', () => {
    const row = rowFor(table, 'เมืองฉะเชิงเทรา');
    expect(row.total).toBeCloseTo(5, 9);
    expect(row.totalPct).toBeCloseTo(100, 9);
    expect([row.rank, row.missing, row.topCount]).toEqual([1, 0, 16]);
  });

  test('ราชสาส์น: (20 × (4+5+5+5+5) + 10×5 + 15×4 + 10×5 + 10×5 + 10×4 + 10×5×3 + 10×3.5 + 5×5 + 5×5) ÷ 205', () => {
    const row = rowFor(table, 'ราชสาส์น');
    expect(row.cells.T1.level).toBe('4');
    expect(row.cells.I2.level).toBe('4');
    expect(row.cells.I5.level).toBe('4');
    expect(row.cells.I9.score).toBeCloseTo(3.5, 9);
    expect(row.total).toBeCloseTo(965 / 205, 9);
    expect(row.rank).toBe(2);
  });

  test('บางปะกง without I2: 5 × 190 ÷ 205, one KPI missing, ranked below ราชสาส์น', () => {
    const row = rowFor(table, 'บางปะกง');
    expectCell(row.cells.I2, MISSING);
    expect(row.total).toBeCloseTo(950 / 205, 9);
    expect([row.rank, row.missing]).toEqual([3, 1]);
  });

  test('the individual group alone is weighted over its own 105 points', () => {
    expect(rowFor(individual, 'เมืองฉะเชิงเทรา').total).toBeCloseTo(5, 9);
    expect(rowFor(individual, 'บางปะกง').total).toBeCloseTo((5 * 90) / 105, 9);
    expect(rowFor(individual, 'ราชสาส์น').total).toBeCloseTo(485 / 105, 9);
  });

  test('districts that reported nothing score 0 and share the last rank', () => {
    const silent = table.rows.filter((r) => r.missing === 16);
    expect(silent).toHaveLength(ALL_DISTRICTS.length - 3);
    for (const row of silent) expect([row.total, row.rank]).toEqual([0, 4]);
  });
});
