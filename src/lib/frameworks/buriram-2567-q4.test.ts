/**
 * The built-in framework of seed 000 (Buriram, the Director-General's 11 key missions, FY2567 quarter 4):
 * the JSON loads and validates, and lines of the letter score to the levels the letter gives, on DuckDB-WASM.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { topLevelKpis, type Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { districtsOf } from '../domain/units';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { readFrameworkJson } from '../ingest/framework-files';
import type { KpiCell, LeagueRow, LeagueTable } from '../scoring/league';
import { Workspace, resolveFrameworkUnit } from '../scoring/workspace';
import { rangeTests } from './ranges.testing';

const FILE = 'buriram-2567-q4.json';
const TEXT = readFileSync(new URL(`./builtin/${FILE}`, import.meta.url), 'utf8');
const PROVINCE = 'บุรีรัมย์';
const QUARTER = 'FY2567-Q4';
const SEPTEMBER = '2024-09';
const POINTS: Record<string, number> = { A: 4, B: 3, C: 2, D: 1 };
const MISSIONS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11'];

/** Expected outcome of a cell: a level label, or one of these. */
const BELOW = 'ต่ำกว่าเกณฑ์';
const MISSING = 'ไม่ได้รายงาน';

interface Reported {
  kpi: string;
  value: number;
  target?: number;
  baseline?: number;
  month?: string;
}

interface LetterCase {
  /** The letter's criterion (Thai) that the case exercises. */
  letter: string;
  report: Reported[];
  /** KPI id → level label, BELOW or MISSING. */
  expect: Record<string, string>;
  /** KPI id → the measured value (percent, growth, a composite's combination). */
  measured?: Record<string, number>;
}

const all = (kpi: string, values: number[]): Reported[] =>
  values.map((value, i) => ({ kpi: `${kpi}.${i + 1}`, value }));

const CASES: LetterCase[] = [
  // ภารกิจที่ 1: "มีระดับการพัฒนาเพิ่มขึ้น … ไม่น้อยกว่าร้อยละ ๓๐ / ๒๕ / ๒๐ ของจำนวนพื้นที่เป้าหมาย"
  {
    letter: 'ภารกิจ 1 A: ไม่น้อยกว่าร้อยละ ๓๐ (12 จาก 40 พื้นที่)',
    report: [{ kpi: 'M1', value: 12, target: 40 }],
    expect: { M1: 'A' },
    measured: { M1: 30 }
  },
  {
    letter: 'ภารกิจ 1 B: ไม่น้อยกว่าร้อยละ ๒๕ (29.99)',
    report: [{ kpi: 'M1', value: 29.99, target: 100 }],
    expect: { M1: 'B' }
  },
  {
    letter: 'ภารกิจ 1 B: ไม่น้อยกว่าร้อยละ ๒๕ (10 จาก 40)',
    report: [{ kpi: 'M1', value: 10, target: 40 }],
    expect: { M1: 'B' }
  },
  {
    letter: 'ภารกิจ 1 C: ไม่น้อยกว่าหรือเท่ากับ ร้อยละ ๒๐ (24.99)',
    report: [{ kpi: 'M1', value: 24.99, target: 100 }],
    expect: { M1: 'C' }
  },
  { letter: 'ภารกิจ 1 C: ร้อยละ ๒๐ พอดี', report: [{ kpi: 'M1', value: 8, target: 40 }], expect: { M1: 'C' } },
  {
    letter: 'ภารกิจ 1 D (อ่านว่า น้อยกว่าร้อยละ ๒๐): 19.99',
    report: [{ kpi: 'M1', value: 19.99, target: 100 }],
    expect: { M1: 'D' }
  },
  {
    letter: 'ภารกิจ 1 D (อ่านว่า น้อยกว่าร้อยละ ๒๐): ไม่มีพื้นที่เพิ่มขึ้นเลย',
    report: [{ kpi: 'M1', value: 0, target: 40 }],
    expect: { M1: 'D' }
  },
  {
    letter: 'ภารกิจ 1 ยอดสะสม: ใช้เดือนล่าสุดของไตรมาส (ก.ค. ร้อยละ 30, ก.ย. ร้อยละ 21)',
    report: [
      { kpi: 'M1', value: 30, target: 100, month: '2024-07' },
      { kpi: 'M1', value: 21, target: 100, month: '2024-09' }
    ],
    expect: { M1: 'C' }
  },
  {
    letter: 'ภารกิจ 1 ค่าเป้าหมายไม่ได้รายงาน: คิดร้อยละไม่ได้',
    report: [{ kpi: 'M1', value: 12 }],
    expect: { M1: MISSING }
  },

  // ภารกิจที่ 2: "มีผลการดำเนินงานครบร้อยละ ๑๐๐ ทุกข้อ / อย่างน้อย ๒ ข้อ / อย่างน้อย ๑ ข้อ / ไม่ครบร้อยละ ๑๐๐ ทุกข้อ ใน ๓ ประเด็น"
  {
    letter: 'ภารกิจ 2 A: ครบร้อยละ ๑๐๐ ทุกข้อ',
    report: all('M2', [100, 100, 100]),
    expect: { M2: 'A', 'M2.1': '100' },
    measured: { M2: 3 }
  },
  {
    letter: 'ภารกิจ 2 B: ครบร้อยละ ๑๐๐ อย่างน้อย ๒ ข้อ',
    report: all('M2', [100, 100, 99]),
    expect: { M2: 'B', 'M2.3': BELOW },
    measured: { M2: 2 }
  },
  {
    letter: 'ภารกิจ 2 C: ครบร้อยละ ๑๐๐ อย่างน้อย ๑ ข้อ',
    report: all('M2', [50, 100, 0]),
    expect: { M2: 'C' },
    measured: { M2: 1 }
  },
  {
    letter: 'ภารกิจ 2 D: ไม่ครบร้อยละ ๑๐๐ ทุกข้อ',
    report: all('M2', [99.9, 99, 0]),
    expect: { M2: 'D' },
    measured: { M2: 0 }
  },
  {
    letter: 'ภารกิจ 2: ข้อ 3 ไม่ได้รายงาน ภารกิจจึงไม่ได้รายงาน',
    report: [
      { kpi: 'M2.1', value: 100 },
      { kpi: 'M2.2', value: 100 }
    ],
    expect: { M2: MISSING, 'M2.3': MISSING }
  },

  // ภารกิจที่ 3: A = ข้อ 1)–4) รายได้เพิ่มขึ้นไม่น้อยกว่าร้อยละ ๔, B = รายได้เพิ่มขึ้นน้อยกว่าร้อยละ ๔, C = ข้อ 1)–3), D = ข้อ 1)–2)
  {
    letter:
      'ภารกิจ 3 A: ข้อ 1)–3) และรายได้ผ้าไทยเพิ่มขึ้นจากฐานปี ๒๕๖๖ ไตรมาสละไม่น้อยกว่าร้อยละ ๔ (รวม 3 เดือน 104 จากฐาน 100)',
    report: [
      { kpi: 'M3.1', value: 3 },
      { kpi: 'M3.2', value: 30, baseline: 30, month: '2024-07' },
      { kpi: 'M3.2', value: 34, baseline: 35, month: '2024-08' },
      { kpi: 'M3.2', value: 40, baseline: 35, month: '2024-09' }
    ],
    expect: { M3: 'A', 'M3.2': 'A' },
    measured: { 'M3.2': 4, M3: 4 }
  },
  {
    letter: 'ภารกิจ 3 B: รายได้เพิ่มขึ้นจากฐานปี ๒๕๖๖ น้อยกว่าร้อยละ ๔ (3.99)',
    report: [
      { kpi: 'M3.1', value: 3 },
      { kpi: 'M3.2', value: 103.99, baseline: 100 }
    ],
    expect: { M3: 'B', 'M3.2': 'B' }
  },
  {
    letter: 'ภารกิจ 3 C: ข้อ 1)–3) แต่รายได้ไม่เพิ่มขึ้น',
    report: [
      { kpi: 'M3.1', value: 3 },
      { kpi: 'M3.2', value: 100, baseline: 100 }
    ],
    expect: { M3: 'C', 'M3.2': 'C' }
  },
  {
    letter: 'ภารกิจ 3 C: ข้อ 1)–3) รายได้ลดลง',
    report: [
      { kpi: 'M3.1', value: 3 },
      { kpi: 'M3.2', value: 95, baseline: 100 }
    ],
    expect: { M3: 'C' }
  },
  {
    letter: 'ภารกิจ 3 D: ทำได้เพียงข้อ 1)–2) แม้รายได้เพิ่มขึ้นร้อยละ 10',
    report: [
      { kpi: 'M3.1', value: 2 },
      { kpi: 'M3.2', value: 110, baseline: 100 }
    ],
    expect: { M3: 'D', 'M3.1': 'D', 'M3.2': 'A' }
  },
  {
    letter: 'ภารกิจ 3: ไม่ถึงข้อ 1)–2) ต่ำกว่าทุกระดับ',
    report: [
      { kpi: 'M3.1', value: 1 },
      { kpi: 'M3.2', value: 110, baseline: 100 }
    ],
    expect: { M3: BELOW, 'M3.1': BELOW }
  },

  // ภารกิจที่ 4: "ครัวเรือนเป้าหมายในระบบ TPMAP ปี ๒๕๖๖ ผ่านเกณฑ์ จปฐ. ปี ๒๕๖๗ ครบ ๓๐ / ๒๕ / ๒๐ / ๑๕ %"
  { letter: 'ภารกิจ 4 A: ครบ ๓๐ %', report: [{ kpi: 'M4', value: 300, target: 1000 }], expect: { M4: 'A' } },
  { letter: 'ภารกิจ 4 B: 29.99 %', report: [{ kpi: 'M4', value: 299.9, target: 1000 }], expect: { M4: 'B' } },
  { letter: 'ภารกิจ 4 B: ครบ ๒๕ %', report: [{ kpi: 'M4', value: 250, target: 1000 }], expect: { M4: 'B' } },
  { letter: 'ภารกิจ 4 C: ครบ ๒๐ %', report: [{ kpi: 'M4', value: 200, target: 1000 }], expect: { M4: 'C' } },
  { letter: 'ภารกิจ 4 D: ครบ ๑๕ %', report: [{ kpi: 'M4', value: 150, target: 1000 }], expect: { M4: 'D' } },
  {
    letter: 'ภารกิจ 4: ไม่ถึง ๑๕ % ต่ำกว่าเกณฑ์',
    report: [{ kpi: 'M4', value: 149.9, target: 1000 }],
    expect: { M4: BELOW }
  },

  // ภารกิจที่ 5: "ผลิตภัณฑ์ OTOP ลงทะเบียนเพิ่มขึ้น ไม่น้อยกว่า ๕ / ๔ / ๓ ผลิตภัณฑ์" และ "ยอดจำหน่ายเพิ่มขึ้น มากกว่าร้อยละ ๔ / ๓ / ๒"
  {
    letter: 'ภารกิจ 5 A: ไม่น้อยกว่า ๕ ผลิตภัณฑ์ และยอดจำหน่ายเพิ่มขึ้นมากกว่าร้อยละ ๔',
    report: [
      { kpi: 'M5.1', value: 5 },
      { kpi: 'M5.2', value: 104.01, baseline: 100 }
    ],
    expect: { M5: 'A', 'M5.1': 'A', 'M5.2': 'A' }
  },
  {
    letter: 'ภารกิจ 5 B: ยอดจำหน่ายเพิ่มขึ้นร้อยละ ๔ พอดี ไม่ "มากกว่าร้อยละ ๔"',
    report: [
      { kpi: 'M5.1', value: 5 },
      { kpi: 'M5.2', value: 104, baseline: 100 }
    ],
    expect: { M5: 'B', 'M5.2': 'B' },
    measured: { M5: 3 }
  },
  {
    letter: 'ภารกิจ 5 B: ไม่น้อยกว่า ๔ ผลิตภัณฑ์ และมากกว่าร้อยละ ๓',
    report: [
      { kpi: 'M5.1', value: 4 },
      { kpi: 'M5.2', value: 103.5, baseline: 100 }
    ],
    expect: { M5: 'B', 'M5.1': 'B' }
  },
  {
    letter: 'ภารกิจ 5 C: ๕ ผลิตภัณฑ์ แต่ยอดจำหน่ายเพิ่มขึ้นร้อยละ ๓ พอดี (ต้องผ่านทั้งสองข้อ)',
    report: [
      { kpi: 'M5.1', value: 5 },
      { kpi: 'M5.2', value: 103, baseline: 100 }
    ],
    expect: { M5: 'C', 'M5.2': 'C' }
  },
  {
    letter: 'ภารกิจ 5 C: ไม่น้อยกว่า ๓ ผลิตภัณฑ์ แม้ยอดจำหน่ายเพิ่มขึ้นร้อยละ 10',
    report: [
      { kpi: 'M5.1', value: 3 },
      { kpi: 'M5.2', value: 110, baseline: 100 }
    ],
    expect: { M5: 'C', 'M5.1': 'C' }
  },
  {
    letter: 'ภารกิจ 5 D: น้อยกว่า ๓ ผลิตภัณฑ์',
    report: [
      { kpi: 'M5.1', value: 2 },
      { kpi: 'M5.2', value: 110, baseline: 100 }
    ],
    expect: { M5: 'D', 'M5.1': 'D' }
  },
  {
    letter: 'ภารกิจ 5 D: ยอดจำหน่ายเพิ่มขึ้นร้อยละ ๒ พอดี (ไม่ "มากกว่าร้อยละ ๒")',
    report: [
      { kpi: 'M5.1', value: 6 },
      { kpi: 'M5.2', value: 102, baseline: 100 }
    ],
    expect: { M5: 'D', 'M5.2': 'D' }
  },

  // ภารกิจที่ 6: กิจกรรมละ ๑๐๐ / ๗๕ / ๕๐ / ๒๕ คะแนน เฉลี่ย ๘๐ ขึ้นไป = A, ๗๐–๗๙ = B, ๖๐–๖๙ = C, ต่ำกว่า ๖๐ = D
  {
    letter: 'ภารกิจ 6 A: หนี้เกินกำหนดชำระต่ำกว่าร้อยละ ๑๐, สมาชิกตั้งแต่ร้อยละ ๗๕, กลุ่มอาชีพตั้งแต่ร้อยละ ๔๐ (เฉลี่ย 100)',
    report: [
      { kpi: 'M6.1', value: 9.99 },
      { kpi: 'M6.2', value: 75, target: 100 },
      { kpi: 'M6.3', value: 40, target: 100 }
    ],
    expect: { M6: 'A', 'M6.1': '100', 'M6.2': '100', 'M6.3': '100' },
    measured: { M6: 100 }
  },
  {
    letter: 'ภารกิจ 6 B: หนี้ร้อยละ ๑๐.๐๐, สมาชิกร้อยละ ๗๔.๙๙, กลุ่มอาชีพร้อยละ ๓๙.๙๙ (๗๕ ทุกกิจกรรม)',
    report: [
      { kpi: 'M6.1', value: 10 },
      { kpi: 'M6.2', value: 74.99, target: 100 },
      { kpi: 'M6.3', value: 39.99, target: 100 }
    ],
    expect: { M6: 'B', 'M6.1': '75', 'M6.2': '75', 'M6.3': '75' },
    measured: { M6: 75 }
  },
  {
    letter: 'ภารกิจ 6 B: หนี้ร้อยละ ๑๒.๐๐, สมาชิกร้อยละ ๗๐, กลุ่มอาชีพร้อยละ ๓๕ (ขอบล่างของ ๗๕ คะแนน)',
    report: [
      { kpi: 'M6.1', value: 12 },
      { kpi: 'M6.2', value: 70, target: 100 },
      { kpi: 'M6.3', value: 35, target: 100 }
    ],
    expect: { M6: 'B', 'M6.1': '75', 'M6.2': '75', 'M6.3': '75' }
  },
  {
    letter: 'ภารกิจ 6 D: หนี้ร้อยละ ๑๒.๐๑, สมาชิกร้อยละ ๖๙.๙๙, กลุ่มอาชีพร้อยละ ๓๔.๙๙ (๕๐ ทุกกิจกรรม)',
    report: [
      { kpi: 'M6.1', value: 12.01 },
      { kpi: 'M6.2', value: 69.99, target: 100 },
      { kpi: 'M6.3', value: 34.99, target: 100 }
    ],
    expect: { M6: 'D', 'M6.1': '50', 'M6.2': '50', 'M6.3': '50' },
    measured: { M6: 50 }
  },
  {
    letter: 'ภารกิจ 6 D: หนี้ร้อยละ ๑๔.๐๑, สมาชิกต่ำกว่าร้อยละ ๖๕, กลุ่มอาชีพต่ำกว่าร้อยละ ๓๐ (๒๕ ทุกกิจกรรม)',
    report: [
      { kpi: 'M6.1', value: 14.01 },
      { kpi: 'M6.2', value: 64.99, target: 100 },
      { kpi: 'M6.3', value: 29.99, target: 100 }
    ],
    expect: { M6: 'D', 'M6.1': '25', 'M6.2': '25', 'M6.3': '25' },
    measured: { M6: 25 }
  },
  {
    letter: 'ภารกิจ 6 A: ๑๐๐ + ๗๕ + ๗๕ เฉลี่ย 83.33 (ตั้งแต่ ๘๐ คะแนนขึ้นไป)',
    report: [
      { kpi: 'M6.1', value: 5 },
      { kpi: 'M6.2', value: 140, target: 200 },
      { kpi: 'M6.3', value: 7, target: 20 }
    ],
    expect: { M6: 'A', 'M6.2': '75', 'M6.3': '75' },
    measured: { M6: 83.333333333 }
  },
  {
    letter: 'ภารกิจ 6 B: ๑๐๐ + ๗๕ + ๕๐ เฉลี่ย ๗๕ (๗๐–๗๙ คะแนน)',
    report: [
      { kpi: 'M6.1', value: 8 },
      { kpi: 'M6.2', value: 72, target: 100 },
      { kpi: 'M6.3', value: 31, target: 100 }
    ],
    expect: { M6: 'B' },
    measured: { M6: 75 }
  },
  {
    letter: 'ภารกิจ 6 C: ๑๐๐ + ๕๐ + ๕๐ เฉลี่ย 66.67 (๖๐–๖๙ คะแนน)',
    report: [
      { kpi: 'M6.1', value: 0 },
      { kpi: 'M6.2', value: 65, target: 100 },
      { kpi: 'M6.3', value: 30, target: 100 }
    ],
    expect: { M6: 'C', 'M6.2': '50', 'M6.3': '50' },
    measured: { M6: 66.666666667 }
  },
  {
    letter: 'ภารกิจ 6 D: ๗๕ + ๕๐ + ๕๐ เฉลี่ย 58.33 (ต่ำกว่า ๖๐ คะแนน)',
    report: [
      { kpi: 'M6.1', value: 11 },
      { kpi: 'M6.2', value: 66, target: 100 },
      { kpi: 'M6.3', value: 33, target: 100 }
    ],
    expect: { M6: 'D' },
    measured: { M6: 58.333333333 }
  },
  {
    letter: 'ภารกิจ 6: หนี้เกินกำหนดชำระร้อยละ ๑๔.๐๐ ยังได้ ๕๐ คะแนน; กิจกรรมที่ 3 ไม่ได้รายงาน',
    report: [
      { kpi: 'M6.1', value: 14 },
      { kpi: 'M6.2', value: 75, target: 100 }
    ],
    expect: { M6: MISSING, 'M6.1': '50', 'M6.3': MISSING }
  },

  // ภารกิจที่ 7: "ข้อ ๑ - ๕ มีค่าคะแนนข้อละ ๒ คะแนน" ระดับ A = ๑๐, B = ๘, C = ๖, D น้อยกว่า ๖ คะแนน
  {
    letter: 'ภารกิจ 7 A: ได้ค่าคะแนนรวม ๑๐ คะแนน',
    report: all('M7', [100, 1, 1, 1, 1]),
    expect: { M7: 'A', 'M7.1': '2' },
    measured: { M7: 10 }
  },
  {
    letter: 'ภารกิจ 7 B: ได้ค่าคะแนนรวม ๘ คะแนน',
    report: all('M7', [100, 1, 1, 1, 0]),
    expect: { M7: 'B', 'M7.5': '0' },
    measured: { M7: 8 }
  },
  {
    letter: 'ภารกิจ 7 B: ข้อ ๑ ดาวน์โหลดร้อยละ ๘๐ ขึ้นไปแต่ไม่ครบร้อยละ ๑๐๐ (ข้อ 1 ได้ 0)',
    report: all('M7', [85, 1, 1, 1, 1]),
    expect: { M7: 'B', 'M7.1': '0' },
    measured: { M7: 8 }
  },
  {
    letter: 'ภารกิจ 7 C: ได้ค่าคะแนนรวม ๖ คะแนน',
    report: all('M7', [100, 1, 1, 0, 0]),
    expect: { M7: 'C' },
    measured: { M7: 6 }
  },
  {
    letter: 'ภารกิจ 7 D: ได้ค่าคะแนนรวมน้อยกว่า ๖ คะแนน (4)',
    report: all('M7', [100, 0, 1, 0, 0]),
    expect: { M7: 'D' },
    measured: { M7: 4 }
  },
  {
    letter: 'ภารกิจ 7 D: ไม่ได้ดำเนินการเลย (0)',
    report: all('M7', [0, 0, 0, 0, 0]),
    expect: { M7: 'D' },
    measured: { M7: 0 }
  },
  { letter: 'ภารกิจ 7: ข้อ ๕ ไม่ได้รายงาน', report: all('M7', [100, 1, 1, 1]), expect: { M7: MISSING } },

  // ภารกิจที่ 8: "มีความเชื่อมั่น ไม่ต่ำกว่าร้อยละ ๑๐๐ / ๙๕", "ร้อยละ ๘๐ ขึ้นไป", "ต่ำกว่าร้อยละ ๘๐"
  { letter: 'ภารกิจ 8 A: ไม่ต่ำกว่าร้อยละ ๑๐๐', report: [{ kpi: 'M8', value: 100 }], expect: { M8: 'A' } },
  { letter: 'ภารกิจ 8 B: ร้อยละ 99.99', report: [{ kpi: 'M8', value: 99.99 }], expect: { M8: 'B' } },
  { letter: 'ภารกิจ 8 B: ไม่ต่ำกว่าร้อยละ ๙๕', report: [{ kpi: 'M8', value: 95 }], expect: { M8: 'B' } },
  { letter: 'ภารกิจ 8 C: ร้อยละ 94.99', report: [{ kpi: 'M8', value: 94.99 }], expect: { M8: 'C' } },
  { letter: 'ภารกิจ 8 C: ร้อยละ ๘๐ ขึ้นไป', report: [{ kpi: 'M8', value: 80 }], expect: { M8: 'C' } },
  { letter: 'ภารกิจ 8 D: ต่ำกว่าร้อยละ ๘๐', report: [{ kpi: 'M8', value: 79.99 }], expect: { M8: 'D' } },

  // ภารกิจที่ 9: "๒๐ คะแนน = ระดับ A, ๑๗ - ๑๙ = ระดับ B, ๑๕ - ๑๖ = ระดับ C, น้อยกว่า ๑๕ คะแนน = ระดับ D"
  {
    letter: 'ภารกิจ 9 A: ข้อ 1) ครบตามจำนวนที่กรมฯ กำหนด (10) + ข้อ 2) ร้อยละ ๑ (10) = ๒๐',
    report: [
      { kpi: 'M9.1', value: 12, target: 12 },
      { kpi: 'M9.2', value: 25, target: 2500 }
    ],
    expect: { M9: 'A', 'M9.1': '10', 'M9.2': '10' },
    measured: { M9: 20 }
  },
  {
    letter: 'ภารกิจ 9 B: 10 + ข้อ 2) ร้อยละ ๐.๗๕ – ๐.๙๙ (9) = ๑๙',
    report: [
      { kpi: 'M9.1', value: 100, target: 100 },
      { kpi: 'M9.2', value: 99, target: 10000 }
    ],
    expect: { M9: 'B', 'M9.2': '9' },
    measured: { M9: 19 }
  },
  {
    letter: 'ภารกิจ 9 B: 10 + ข้อ 2) น้อยกว่าร้อยละ ๐.๕๐ (7) = ๑๗',
    report: [
      { kpi: 'M9.1', value: 100, target: 100 },
      { kpi: 'M9.2', value: 49, target: 10000 }
    ],
    expect: { M9: 'B', 'M9.2': '7' },
    measured: { M9: 17 }
  },
  {
    letter: 'ภารกิจ 9 C: ข้อ 1) ร้อยละ 80 (8) + ข้อ 2) ร้อยละ ๐.๕๐ (8) = ๑๖',
    report: [
      { kpi: 'M9.1', value: 80, target: 100 },
      { kpi: 'M9.2', value: 50, target: 10000 }
    ],
    expect: { M9: 'C', 'M9.1': '8', 'M9.2': '8' },
    measured: { M9: 16 }
  },
  {
    letter: 'ภารกิจ 9 C: ข้อ 1) น้อยกว่าร้อยละ ๘๐ (7) + ข้อ 2) ร้อยละ 0.74 (8) = ๑๕',
    report: [
      { kpi: 'M9.1', value: 79.99, target: 100 },
      { kpi: 'M9.2', value: 74, target: 10000 }
    ],
    expect: { M9: 'C', 'M9.1': '7', 'M9.2': '8' },
    measured: { M9: 15 }
  },
  {
    letter: 'ภารกิจ 9 D: ๗ + ๗ = ๑๔ น้อยกว่า ๑๕ คะแนน',
    report: [
      { kpi: 'M9.1', value: 0, target: 10 },
      { kpi: 'M9.2', value: 0, target: 10000 }
    ],
    expect: { M9: 'D' },
    measured: { M9: 14 }
  },
  {
    letter: 'ภารกิจ 9 ข้อ 1) ร้อยละ 90–99.99 = 9 (แถวที่ขาดหาย) และข้อ 2) ร้อยละ ๐.๗๕ พอดี = 9',
    report: [
      { kpi: 'M9.1', value: 90, target: 100 },
      { kpi: 'M9.2', value: 75, target: 10000 }
    ],
    expect: { M9: 'B', 'M9.1': '9', 'M9.2': '9' },
    measured: { M9: 18 }
  },
  {
    letter: 'ภารกิจ 9 ข้อ 1) ร้อยละ 89.99 = 8',
    report: [
      { kpi: 'M9.1', value: 89.99, target: 100 },
      { kpi: 'M9.2', value: 100, target: 10000 }
    ],
    expect: { M9: 'B', 'M9.1': '8' },
    measured: { M9: 18 }
  },

  // ภารกิจที่ 10: "๑) ดำเนินการตามแผน ๒) มีรายได้ ๓) ควบคุมค่าใช้จ่ายได้"
  {
    letter: 'ภารกิจ 10 A: ดำเนินการตามแผน มีรายได้ ควบคุมค่าใช้จ่ายได้',
    report: [{ kpi: 'M10', value: 3 }],
    expect: { M10: 'A' }
  },
  {
    letter: 'ภารกิจ 10 B: ไม่มีการดำเนินการตามแผน มีรายได้ ควบคุมค่าใช้จ่ายได้',
    report: [{ kpi: 'M10', value: 2 }],
    expect: { M10: 'B' }
  },
  {
    letter: 'ภารกิจ 10 C: มีรายได้ ไม่สามารถควบคุมค่าใช้จ่ายได้',
    report: [{ kpi: 'M10', value: 1 }],
    expect: { M10: 'C' }
  },
  { letter: 'ภารกิจ 10 D: ไม่มีรายได้', report: [{ kpi: 'M10', value: 0 }], expect: { M10: 'D' } },

  // ภารกิจที่ 11: ขั้นตอนสะสม สรุปองค์ความรู้ → ครบ ๕ คุณธรรม → สื่อ ๒ รูปแบบ → รายงานผลการเปลี่ยนแปลง
  {
    letter: 'ภารกิจ 11 A: รายงานผลต่อผู้บังคับบัญชาซึ่งแสดงการเปลี่ยนแปลงที่ดีขึ้น',
    report: [{ kpi: 'M11', value: 4 }],
    expect: { M11: 'A' }
  },
  { letter: 'ภารกิจ 11 B: สื่อไม่น้อยกว่า ๒ รูปแบบ', report: [{ kpi: 'M11', value: 3 }], expect: { M11: 'B' } },
  {
    letter: 'ภารกิจ 11 C: ครอบคลุมครบทั้ง ๕ คุณธรรมเป้าหมาย',
    report: [{ kpi: 'M11', value: 2 }],
    expect: { M11: 'C' }
  },
  { letter: 'ภารกิจ 11 D: สรุปองค์ความรู้ ๑ เรื่อง', report: [{ kpi: 'M11', value: 1 }], expect: { M11: 'D' } },
  { letter: 'ภารกิจ 11: ยังไม่มีผลงาน ต่ำกว่าเกณฑ์', report: [{ kpi: 'M11', value: 0 }], expect: { M11: BELOW } }
];

/** Every mission at level A. */
const ALL_A: Reported[] = [
  { kpi: 'M1', value: 12, target: 40 },
  ...all('M2', [100, 100, 100]),
  { kpi: 'M3.1', value: 3 },
  { kpi: 'M3.2', value: 110, baseline: 100 },
  { kpi: 'M4', value: 30, target: 100 },
  { kpi: 'M5.1', value: 5 },
  { kpi: 'M5.2', value: 105, baseline: 100 },
  { kpi: 'M6.1', value: 5 },
  { kpi: 'M6.2', value: 80, target: 100 },
  { kpi: 'M6.3', value: 50, target: 100 },
  ...all('M7', [100, 1, 1, 1, 1]),
  { kpi: 'M8', value: 100 },
  { kpi: 'M9.1', value: 10, target: 10 },
  { kpi: 'M9.2', value: 10, target: 1000 },
  { kpi: 'M10', value: 3 },
  { kpi: 'M11', value: 4 }
];

const LEAGUE_CASES: LetterCase[] = [
  { letter: 'ทุกภารกิจระดับ A', report: ALL_A, expect: Object.fromEntries(MISSIONS.map((m) => [m, 'A'])) },
  {
    letter: 'ภารกิจ 4 ต่ำกว่าเกณฑ์ ภารกิจอื่นระดับ A',
    report: ALL_A.map((row) => (row.kpi === 'M4' ? { ...row, value: 10 } : row)),
    expect: { M4: BELOW, M1: 'A' }
  },
  {
    letter: 'ภารกิจ 11 ไม่ได้รายงาน ภารกิจ 1 ระดับ D ภารกิจอื่นระดับ A',
    report: ALL_A.filter((row) => row.kpi !== 'M11').map((row) =>
      row.kpi === 'M1' ? { ...row, value: 1 } : row
    ),
    expect: { M11: MISSING, M1: 'D' }
  }
];

/** Gives each case a district of its own for the KPIs it touches (a district serves many cases on other KPIs). */
function assignDistricts(cases: LetterCase[]): Map<LetterCase, string> {
  const districts = districtsOf(PROVINCE).map((district) => district.id);
  const used = new Map<string, Set<string>>(districts.map((id) => [id, new Set<string>()]));
  const assigned = new Map<LetterCase, string>();
  for (const letterCase of cases) {
    const kpis = new Set([...letterCase.report.map((row) => row.kpi), ...Object.keys(letterCase.expect)]);
    for (const kpi of [...kpis]) kpis.add(kpi.split('.')[0]);
    const free = districts.find((id) => [...kpis].every((kpi) => !used.get(id)!.has(kpi)));
    if (!free) throw new Error(`no district left for ${letterCase.letter}`);
    for (const kpi of kpis) used.get(free)!.add(kpi);
    assigned.set(letterCase, free);
  }
  return assigned;
}

function resultRows(cases: LetterCase[], districts: Map<LetterCase, string>): ResultRow[] {
  return cases
    .flatMap((letterCase) =>
      letterCase.report.map((row) => ({
        unitId: districts.get(letterCase)!,
        kpi: row.kpi,
        month: row.month ?? SEPTEMBER,
        value: row.value,
        target: row.target ?? null,
        baseline: row.baseline ?? null,
        adjust: null,
        source: FILE,
        line: 0
      }))
    )
    .map((row, index) => ({ ...row, line: index + 2 }));
}

function expectCell(cell: KpiCell | undefined, expected: string): void {
  expect(cell).toBeDefined();
  if (expected === MISSING) {
    expect(cell!.status).toBe('missing');
    expect(cell!.level).toBeNull();
    expect(cell!.score).toBe(0);
  } else if (expected === BELOW) {
    expect(cell!.status).toBe('below');
    expect(cell!.level).toBeNull();
    expect(cell!.score).toBe(0);
  } else {
    expect(cell!.status).toBe('ok');
    expect(cell!.level).toBe(expected);
    expect(cell!.score).toBe(POINTS[expected] ?? Number(expected));
  }
}

let fw: Framework;
let db: Db;
let table: LeagueTable;
let julyTable: LeagueTable;
const ALL_CASES = [...CASES, ...LEAGUE_CASES];
const districtOf = assignDistricts(ALL_CASES);
const rowOf = (letterCase: LetterCase): LeagueRow => {
  const row = table.rows.find((r) => r.unitId === districtOf.get(letterCase));
  if (!row) throw new Error(`no league row for ${letterCase.letter}`);
  return row;
};

beforeAll(async () => {
  const read = readFrameworkJson(FILE, TEXT, {
    resolveUnit: (name, f) => resolveFrameworkUnit(f, name) !== null
  });
  if (!read.framework) throw new Error(JSON.stringify(read.issues));
  fw = read.framework;
  db = await openNodeWasmDb({ reuseModule: true });
  const ws = await Workspace.open(db);
  const issues = await ws.putFramework(fw);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  await ws.commit(fw.id, resultRows(ALL_CASES, districtOf));
  await ws.ensure(fw.id, 'all');
  table = await ws.leagueTable(fw.id, QUARTER);
  julyTable = await ws.leagueTable(fw.id, '2024-07');
});

afterAll(async () => {
  await db?.close();
});

describe('buriram-2567-q4: the framework file', () => {
  test('loads with no errors and only the warning that the letter gives no weights', () => {
    const { framework, issues } = readFrameworkJson(FILE, TEXT, {
      resolveUnit: (name, f) => resolveFrameworkUnit(f, name) !== null
    });
    expect(framework).not.toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0].severity).toBe('warning');
    expect(issues[0].message).toContain('ไม่มีตัวชี้วัดใดกำหนดน้ำหนัก');
  });

  test('is Buriram, FY2567 quarter 4, eleven missions graded A–D in one group without weights', () => {
    expect([fw.id, fw.province, fw.fiscalYear, fw.period]).toEqual(['buriram-2567-q4', 'บุรีรัมย์', 2567, 'Q4']);
    const missions = topLevelKpis(fw);
    expect(missions.map((k) => k.kpi)).toEqual(MISSIONS);
    for (const mission of missions) {
      expect([mission.scale, mission.group, mission.weight, mission.targetLevel]).toEqual([
        'A-D',
        'ภารกิจสำคัญ',
        null,
        null
      ]);
    }
    expect(fw.notes.some((note) => note.includes('น้ำหนักเท่ากัน'))).toBe(true);
  });

  test.each([
    ['M2', 'count_top', ['M2.1', 'M2.2', 'M2.3']],
    ['M3', 'min', ['M3.1', 'M3.2']],
    ['M5', 'min', ['M5.1', 'M5.2']],
    ['M6', 'mean', ['M6.1', 'M6.2', 'M6.3']],
    ['M7', 'sum', ['M7.1', 'M7.2', 'M7.3', 'M7.4', 'M7.5']],
    ['M9', 'sum', ['M9.1', 'M9.2']]
  ])('%s combines its sub-items by %s', (id, combine, children) => {
    const composite = fw.kpis.find((k) => k.kpi === id)!;
    expect([composite.measure, composite.combine]).toEqual(['combine', combine]);
    const subItems = fw.kpis.filter((k) => k.parent === id);
    expect(subItems.map((k) => k.kpi)).toEqual(children);
    for (const subItem of subItems) expect(subItem.weight).toBeNull();
  });

  test('A–D bands carry A = 4, B = 3, C = 2, D = 1 points', () => {
    for (const band of fw.bands.filter((b) => ['A', 'B', 'C', 'D'].includes(b.level))) {
      expect(band.points).toBe(POINTS[band.level]);
    }
  });
});

describe('buriram-2567-q4: valid ranges of the reported values (kpis.csv min/max)', () => {
  // Sub-items reported as a percentage of their own work are 0–100; counted steps are 0–N; the KPIs measured
  // against a target or a baseline report counts or baht (≥ 0) and may exceed their target.
  rangeTests(
    () => fw,
    [
      {
        kpi: 'M1',
        min: 0,
        max: null,
        letter: 'มีระดับการพัฒนาเพิ่มขึ้น',
        reads: 'value = learning centres that improved, a count'
      },
      { kpi: 'M2.1', min: 0, max: 100, letter: 'ครบร้อยละ 100', reads: 'percent of the item done' },
      {
        kpi: 'M2.2',
        min: 0,
        max: 100,
        letter: 'มีโมเดลต้นแบบสร้างความมั่นคงทางอาหาร ครบร้อยละ 100',
        reads: 'percent of the item done'
      },
      {
        kpi: 'M2.3',
        min: 0,
        max: 100,
        letter: 'มีการสรุปถอดบทเรียน ครบร้อยละ 100',
        reads: 'percent of the item done'
      },
      {
        kpi: 'M3.1',
        min: 0,
        max: 3,
        letter: 'ดำเนินการครบข้อ 1) 2) และ 3)',
        reads: 'items 1)–3) done in order, 0–3'
      },
      {
        kpi: 'M3.2',
        min: 0,
        max: null,
        letter: 'รายได้จากการจำหน่ายผ้าไทย',
        reads: 'value = baht, growth over 2566'
      },
      {
        kpi: 'M4',
        min: 0,
        max: null,
        letter: 'ครัวเรือนเป้าหมายในระบบ TPMAP ปี 2566 ผ่านเกณฑ์ จปฐ.',
        reads: 'value = households, a count'
      },
      {
        kpi: 'M5.1',
        min: 0,
        max: null,
        letter: 'จำนวนผลิตภัณฑ์ OTOP ลงทะเบียนในระบบเพิ่มขึ้น',
        reads: 'products newly registered, a count'
      },
      {
        kpi: 'M5.2',
        min: 0,
        max: null,
        letter: 'ยอดจำหน่ายผลิตภัณฑ์ OTOP เพิ่มขึ้น',
        reads: 'value = baht, growth over 2566'
      },
      {
        kpi: 'M6.1',
        min: 0,
        max: 100,
        letter: 'มีหนี้เกินกำหนดชำระต่ำกว่าร้อยละ 10',
        reads: 'percent of the debt overdue'
      },
      { kpi: 'M6.2', min: 0, max: null, letter: 'ของเป้าหมายที่กำหนด', reads: 'value = new members, a count' },
      { kpi: 'M6.3', min: 0, max: null, letter: 'ของจำนวนเป้า', reads: 'value = occupation groups, a count' },
      {
        kpi: 'M7.1',
        min: 0,
        max: 100,
        letter: 'ดาวน์โหลดเพื่อใช้ประโยชน์ Click ชุมชน ร้อยละ 100',
        reads: 'percent of the executives'
      },
      { kpi: 'M7.2', min: 0, max: 1, letter: 'บันทึกข้อมูลในบริการของ Click ชุมชน', reads: 'done (1) or not (0)' },
      {
        kpi: 'M7.3',
        min: 0,
        max: 1,
        letter: 'จัดทำสื่อประชาสัมพันธ์ร้านค้าใน Shop ชุมชน',
        reads: 'done (1) or not (0)'
      },
      { kpi: 'M7.4', min: 0, max: 1, letter: 'จัดกิจกรรมขับเคลื่อนการใช้ประโยชน์', reads: 'done (1) or not (0)' },
      { kpi: 'M7.5', min: 0, max: 1, letter: 'ส่งเสริมให้มีการดาวน์โหลด', reads: 'done (1) or not (0)' },
      {
        kpi: 'M8',
        min: 0,
        max: 100,
        letter: 'การบริหารการจัดเก็บข้อมูลความจำเป็นพื้นฐาน (จปฐ.)',
        reads: 'percent of the province’s target'
      },
      {
        kpi: 'M9.1',
        min: 0,
        max: null,
        letter: 'ส่งเสริมการจัดตั้งกลุ่มออมทรัพย์เพื่อการผลิต',
        reads: 'value = groups set up, a count'
      },
      {
        kpi: 'M9.2',
        min: 0,
        max: null,
        letter: 'เพิ่มจำนวนสมาชิกกลุ่มออมทรัพย์เพื่อการผลิต',
        reads: 'value = new members, a count'
      },
      {
        kpi: 'M10',
        min: 0,
        max: 3,
        letter: '1) มีการดำเนินการตามแผน 2) มีรายได้ 3) สามารถควบคุมค่าใช้จ่ายได้',
        reads: 'items 1)–3), 0–3'
      },
      {
        kpi: 'M11',
        min: 0,
        max: 4,
        letter: 'มีการรายงานผลการดำเนินงานองค์กรคุณธรรมของหน่วยงาน',
        reads: 'four steps in order, 0–4'
      }
    ]
  );
});

describe('buriram-2567-q4: lines of the letter scored on DuckDB-WASM (FY2567-Q4)', () => {
  test.each(CASES.map((c) => [c.letter, c] as const))('%s', (_letter, letterCase) => {
    const row = rowOf(letterCase);
    for (const [kpi, expected] of Object.entries(letterCase.expect)) expectCell(row.cells[kpi], expected);
    for (const [kpi, measured] of Object.entries(letterCase.measured ?? {})) {
      expect(row.cells[kpi].measured).toBeCloseTo(measured, 6);
    }
  });

  test('every mission and every sub-item is exercised by some case', () => {
    const touched = new Set(CASES.flatMap((c) => Object.keys(c.expect)));
    const reported = new Set(CASES.flatMap((c) => c.report.map((r) => r.kpi)));
    for (const kpi of MISSIONS) expect(touched.has(kpi)).toBe(true);
    for (const kpi of fw.kpis.filter((k) => k.parent !== null)) expect(reported.has(kpi.kpi)).toBe(true);
  });

  test('a cumulative figure is read from the month itself in a month view: July 30% is A', () => {
    const julyCase = CASES.find((c) => c.report.some((r) => r.month === '2024-07' && r.kpi === 'M1'))!;
    const row = julyTable.rows.find((r) => r.unitId === districtOf.get(julyCase))!;
    expectCell(row.cells.M1, 'A');
  });
});

describe('buriram-2567-q4: missions weigh the same (no weights in the letter)', () => {
  test('all eleven missions at A: total 4 of 4 (100%), no KPI missing', () => {
    const row = rowOf(LEAGUE_CASES[0]);
    for (const mission of MISSIONS) expectCell(row.cells[mission], 'A');
    expect(row.total).toBeCloseTo(4, 6);
    expect(row.totalPct).toBeCloseTo(100, 6);
    expect(row.missing).toBe(0);
    expect(row.topCount).toBe(11);
  });

  test('one mission below every band: (10 × 4 + 0) ÷ 11', () => {
    const row = rowOf(LEAGUE_CASES[1]);
    expect(row.total).toBeCloseTo(40 / 11, 6);
    expect(row.missing).toBe(0);
  });

  test('one mission not reported and one at D: (9 × 4 + 1 + 0) ÷ 11, one missing', () => {
    const row = rowOf(LEAGUE_CASES[2]);
    expect(row.total).toBeCloseTo(37 / 11, 6);
    expect(row.missing).toBe(1);
  });

  test('the district with every mission at A ranks first; a district that reported nothing scores 0', () => {
    expect(rowOf(LEAGUE_CASES[0]).rank).toBe(1);
    expect(rowOf(LEAGUE_CASES[1]).rank).toBeGreaterThan(1);
    expect(table.rows).toHaveLength(districtsOf(PROVINCE).length);
    const silent = table.rows.filter((r) => r.missing === MISSIONS.length);
    expect(silent.length).toBeGreaterThan(0);
    for (const row of silent) expect(row.total).toBe(0);
  });
});
