/**
 * The built-in framework of seed 003 (Chaiyaphum, draft agreements for FY2562 evaluation round 1,
 * Oct 2018–Mar 2019): the JSON loads and validates, and lines of the letter score to the levels the letter
 * gives, on DuckDB-WASM — including the report-submission KPI ranked among the 16 districts and the bands
 * that start at level 3.
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

const FILE = 'chaiyaphum-2562-r1.json';
const TEXT = readFileSync(new URL(`./builtin/${FILE}`, import.meta.url), 'utf8');
const PROVINCE = 'ชัยภูมิ';
const ROUND = 'FY2562-R1';
const MARCH = '2019-03';
const TEAM = 'ตัวชี้วัดรายทีม (สพอ.)';
const DIRECTOR = 'ตัวชี้วัดรายบุคคล (พอ.)';
const DEVELOPER = 'ตัวชี้วัดรายบุคคล (พก.)';
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
}

const one = (kpi: string, value: number, expected: string, letter: string): LetterCase => ({
  letter,
  report: [{ kpi, value }],
  expect: { [kpi]: expected }
});

/** A composite of two sub-items `<id>a` (steps) and `<id>b` (percentage, or sales with a target). */
const pair = (
  id: string,
  steps: number,
  second: Omit<Reported, 'kpi'> | null,
  expected: string,
  letter: string
): LetterCase => ({
  letter,
  report: [{ kpi: `${id}a`, value: steps }, ...(second === null ? [] : [{ kpi: `${id}b`, ...second }])],
  expect: { [id]: expected }
});

const CASES: LetterCase[] = [
  // ทีม ๑ เบิกจ่ายงบประมาณ ไตรมาส ๑-๒: "ระดับ ๑ … ร้อยละ ๕๐-๕๙ … ระดับ ๔ … ร้อยละ ๘๐-๘๙ ระดับ ๕ … มากกว่าร้อยละ ๘๙"
  one('T1', 49.99, BELOW, 'ทีม 1 ต่ำกว่าร้อยละ ๕๐: ไม่มีระดับในหนังสือ'),
  one('T1', 50, '1', 'ทีม 1 ระดับ ๑ ร้อยละ ๕๐-๕๙ (50)'),
  one('T1', 59, '1', 'ทีม 1 ระดับ ๑ ร้อยละ ๕๐-๕๙ (59)'),
  one('T1', 59.5, '1', 'ทีม 1 ระดับ ๑ ร้อยละ ๕๐-๕๙ (59.5 อยู่ในช่วง 50.00–59.99)'),
  one('T1', 60, '2', 'ทีม 1 ระดับ ๒ ร้อยละ ๖๐-๖๙ (60)'),
  one('T1', 69.99, '2', 'ทีม 1 ระดับ ๒ ร้อยละ ๖๐-๖๙ (69.99)'),
  one('T1', 70, '3', 'ทีม 1 ระดับ ๓ ร้อยละ ๗๐-๗๙ (70)'),
  one('T1', 79, '3', 'ทีม 1 ระดับ ๓ ร้อยละ ๗๐-๗๙ (79)'),
  one('T1', 80, '4', 'ทีม 1 ระดับ ๔ ร้อยละ ๘๐-๘๙ (80)'),
  one('T1', 89, '4', 'ทีม 1 ระดับ ๔ ร้อยละ ๘๐-๘๙ (89)'),
  one('T1', 89.01, '5', 'ทีม 1 ระดับ ๕ มากกว่าร้อยละ ๘๙'),
  one('T1', 100, '5', 'ทีม 1 ระดับ ๕ มากกว่าร้อยละ ๘๙ (100)'),
  // ทีม ๒ แผนปฏิบัติราชการ: "ระดับ ๑ น้อยกว่าหรือเท่ากับ ร้อยละ ๘๐ ระดับ ๒ ร้อยละ ๘๑-๘๕ … ระดับ ๕ มากกว่าร้อยละ ๙๕"
  one('T2', 0, '1', 'ทีม 2 ระดับ ๑ น้อยกว่าหรือเท่ากับ ร้อยละ ๘๐ (0)'),
  one('T2', 80, '1', 'ทีม 2 ระดับ ๑ น้อยกว่าหรือเท่ากับ ร้อยละ ๘๐ (80)'),
  one('T2', 80.5, '1', 'ทีม 2 ระหว่าง ๘๐ กับ ๘๑ ยังไม่ถึงระดับ ๒'),
  one('T2', 81, '2', 'ทีม 2 ระดับ ๒ ร้อยละ ๘๑-๘๕ (81)'),
  one('T2', 85.99, '2', 'ทีม 2 ระดับ ๒ ร้อยละ ๘๑-๘๕ (85.99)'),
  one('T2', 86, '3', 'ทีม 2 ระดับ ๓ ร้อยละ ๘๖-๙๐ (86)'),
  one('T2', 90, '3', 'ทีม 2 ระดับ ๓ ร้อยละ ๘๖-๙๐ (90)'),
  one('T2', 91, '4', 'ทีม 2 ระดับ ๔ ร้อยละ ๙๑-๙๕ (91)'),
  one('T2', 95, '4', 'ทีม 2 ระดับ ๔ ร้อยละ ๙๑-๙๕ (95)'),
  one('T2', 95.01, '5', 'ทีม 2 ระดับ ๕ มากกว่าร้อยละ ๙๕'),
  // ทีม ๔ ประชาสัมพันธ์: "ระดับ ๒ … น้อยกว่า ๘๐ ครั้ง ระดับ ๓ … ๘๐ - ๙๙ ครั้ง ระดับ ๔ … ๑๐๐ - ๑๑๙ ครั้ง ระดับ ๕ … ๑๒๐ ครั้ง ขึ้นไป"
  one('T4', 0, '1', 'ทีม 4 ระดับ ๑ มีคำสั่งแต่งตั้งผู้รับผิดชอบ (ยังไม่นับครั้ง)'),
  one('T4', 1, '2', 'ทีม 4 ระดับ ๒ ประชาสัมพันธ์น้อยกว่า ๘๐ ครั้ง (1)'),
  one('T4', 79, '2', 'ทีม 4 ระดับ ๒ ประชาสัมพันธ์น้อยกว่า ๘๐ ครั้ง (79)'),
  one('T4', 80, '3', 'ทีม 4 ระดับ ๓ ประชาสัมพันธ์ ๘๐ - ๙๙ ครั้ง (80)'),
  one('T4', 99, '3', 'ทีม 4 ระดับ ๓ ประชาสัมพันธ์ ๘๐ - ๙๙ ครั้ง (99)'),
  one('T4', 100, '4', 'ทีม 4 ระดับ ๔ ประชาสัมพันธ์ ๑๐๐ - ๑๑๙ ครั้ง (100)'),
  one('T4', 119, '4', 'ทีม 4 ระดับ ๔ ประชาสัมพันธ์ ๑๐๐ - ๑๑๙ ครั้ง (119)'),
  one('T4', 120, '5', 'ทีม 4 ระดับ ๕ ประชาสัมพันธ์ ๑๒๐ ครั้ง ขึ้นไป'),
  {
    letter: 'ทีม 4 นับครั้งรวมทุกเดือน: ต.ค. 30 + ก.พ. 30 + มี.ค. 40 = 100 ครั้ง → ระดับ ๔',
    report: [
      { kpi: 'T4', value: 30, month: '2018-10' },
      { kpi: 'T4', value: 30, month: '2019-02' },
      { kpi: 'T4', value: 40, month: MARCH }
    ],
    expect: { T4: '4' }
  },
  // ทีม ๕ กองทุนแม่ของแผ่นดิน: "ระดับ k มีการดำเนินงานในค่าคะแนนที่ ๑-(k-1) และ …"
  one('T5', 5, '5', 'ทีม 5 ระดับ ๕ ดำเนินงานในค่าคะแนนที่ ๑-๔ และรายงานผลทุกวันที่ ๒๕'),
  one('T5', 4, '4', 'ทีม 5 ระดับ ๔ ดำเนินงานในค่าคะแนนที่ ๑-๓ และรับรองครัวเรือนปลอดภัย'),
  one('T5', 1, '1', 'ทีม 5 ระดับ ๑ มีคำสั่งแต่งตั้งคณะทำงานฯ และฐานข้อมูลกองทุนแม่ฯ'),
  one('T5', 0, BELOW, 'ทีม 5 ยังไม่มีคำสั่งแต่งตั้ง: ต่ำกว่าเกณฑ์'),
  // ทีม ๖ ตลาดประชารัฐ
  one('T6', 3, '3', 'ทีม 6 ระดับ ๓ มีการจัดทำแผนปฏิบัติการส่งเสริมการตลาด'),
  one('T6', 5, '5', 'ทีม 6 ระดับ ๕ บันทึกข้อมูลในระบบ Online ครบถ้วน ถูกต้อง'),
  // ทีม ๗ เศรษฐกิจฐานราก: เริ่มที่ระดับ ๓ (ไม่มีระดับ ๑-๒)
  one('T7', 1, '3', 'ทีม 7 ระดับ ๓ มีกลไกการขับเคลื่อนเศรษฐกิจฐานรากและประชารัฐระดับอำเภอ'),
  one('T7', 2, '4', 'ทีม 7 ระดับ ๔ คัดเลือกกลุ่ม/ชุมชนเป้าหมายทั้ง ๓ ด้าน'),
  one('T7', 3, '5', 'ทีม 7 ระดับ ๕ มีกิจกรรมส่งเสริมด้านละ ๑ กิจกรรม และรายงานทุกเดือน'),
  one('T7', 0, BELOW, 'ทีม 7 ยังไม่มีกลไกขับเคลื่อน: ต่ำกว่าระดับ ๓ ซึ่งเป็นระดับต่ำสุด → ต่ำกว่าเกณฑ์'),
  // พอ. ๑ OTOP, ๒ สัมมาชีพ, ๖ OTOP นวัตวิถี (ขั้นตอนต่อเนื่อง)
  one('PO1', 5, '5', 'พอ. 1 ระดับ ๕ ดำเนินงานในค่าคะแนนที่ ๑-๔ และมีรายได้เพิ่มขึ้นตามเป้าหมาย'),
  one('PO1', 2, '2', 'พอ. 1 ระดับ ๒ มีแผนการพัฒนายกระดับผลิตภัณฑ์'),
  one('PO2', 4, '4', 'พอ. 2 ระดับ ๔ ส่งเสริมและจัดตั้งกลุ่มตามแนวทางสร้างสัมมาชีพชุมชนทุกหมู่บ้าน'),
  one('PO2', 0, BELOW, 'พอ. 2 ยังไม่จัดเวที: ต่ำกว่าเกณฑ์'),
  one('PO6', 3, '3', 'พอ. 6 ระดับ ๓ ประชาสัมพันธ์ชุมชน OTOP นวัตวิถี อย่างน้อย ๒ สื่อต่อหมู่บ้าน'),
  one('PO6', 5, '5', 'พอ. 6 ระดับ ๕ รายงานสรุปผลโครงการเป็นเอกสารรูปเล่ม'),
  // พอ. ๓ กองทุนพัฒนาบทบาทสตรี: "ระดับ ๑ … ร้อยละ ๑-๕๙ … ระดับ ๕ … ร้อยละ ๗๕ ขึ้นไป"
  one('PO3', 0, BELOW, 'พอ. 3 ยังไม่ได้เบิกจ่าย (ร้อยละ 0): ต่ำกว่าระดับ ๑ (ร้อยละ ๑-๕๙)'),
  one('PO3', 1, '1', 'พอ. 3 ระดับ ๑ ร้อยละ ๑-๕๙ (1)'),
  one('PO3', 59.99, '1', 'พอ. 3 ระดับ ๑ ร้อยละ ๑-๕๙ (59.99)'),
  one('PO3', 60, '2', 'พอ. 3 ระดับ ๒ ร้อยละ ๖๐-๖๔'),
  one('PO3', 64, '2', 'พอ. 3 ระดับ ๒ ร้อยละ ๖๐-๖๔ (64)'),
  one('PO3', 65, '3', 'พอ. 3 ระดับ ๓ ร้อยละ ๖๕-๖๙'),
  one('PO3', 70, '4', 'พอ. 3 ระดับ ๔ ร้อยละ ๗๐-๗๔'),
  one('PO3', 74.99, '4', 'พอ. 3 ระดับ ๔ ร้อยละ ๗๐-๗๔ (74.99)'),
  one('PO3', 75, '5', 'พอ. 3 ระดับ ๕ ร้อยละ ๗๕ ขึ้นไป'),
  // พอ. ๔ จปฐ.: ระดับ ๑-๒ ขั้นตอน, ระดับ ๓-๕ จัดเก็บครบร้อยละ ๑๐๐ และอัปโหลด <๘๐ / ๘๐ แต่ไม่ถึง ๙๐ / มากกว่า ๙๐
  pair('PO4', 1, { value: 95 }, '1', 'พอ. 4 ระดับ ๑ มีคำสั่งแต่งตั้งคณะทำงาน (ยังไม่มีแผน)'),
  pair('PO4', 2, { value: 95 }, '2', 'พอ. 4 ระดับ ๒ มีแผนและรายงานความก้าวหน้าทุกสัปดาห์ (ยังจัดเก็บไม่ครบ)'),
  pair('PO4', 3, { value: 79.99 }, '3', 'พอ. 4 ระดับ ๓ จัดเก็บครบ อัปโหลดได้น้อยกว่าร้อยละ ๘๐'),
  pair('PO4', 3, { value: 80 }, '4', 'พอ. 4 ระดับ ๔ อัปโหลดได้ร้อยละ ๘๐ แต่ไม่ถึงร้อยละ ๙๐ (80)'),
  pair('PO4', 3, { value: 90 }, '4', 'พอ. 4 อัปโหลดร้อยละ ๙๐ พอดีไม่ "มากกว่าร้อยละ ๙๐": ระดับ ๔'),
  pair('PO4', 3, { value: 90.01 }, '5', 'พอ. 4 ระดับ ๕ อัปโหลดได้มากกว่าร้อยละ ๙๐'),
  pair('PO4', 0, { value: 95 }, BELOW, 'พอ. 4 ยังไม่มีคำสั่งแต่งตั้ง: ต่ำกว่าเกณฑ์แม้อัปโหลดได้มาก'),
  pair('PO4', 3, null, MISSING, 'พอ. 4 ไม่ได้รายงานร้อยละการอัปโหลด: ตัวชี้วัดรวมไม่ได้รายงาน'),
  // พอ. ๕ ไหม: ระดับ ๑-๓ ขั้นตอน, "ระดับที่ ๔ … เท่ากับเป้าหมายเดิม ระดับที่ ๕ … มากกว่าเป้าหมายเดิม (ไตรมาส ๑-๒)"
  pair('PO5', 1, { value: 500_000, target: 100_000 }, '1', 'พอ. 5 ระดับที่ ๑ มีฐานข้อมูลผู้ผลิต ผู้ประกอบการไหม'),
  pair('PO5', 2, { value: 500_000, target: 100_000 }, '2', 'พอ. 5 ระดับที่ ๒ มีแผนขับเคลื่อนการดำเนินงาน'),
  pair(
    'PO5',
    3,
    { value: 99_000, target: 100_000 },
    '3',
    'พอ. 5 ระดับที่ ๓ รายงานยอดจำหน่ายทุกเดือน (รายได้ยังไม่ถึงเป้าหมาย)'
  ),
  pair('PO5', 3, { value: 100_000, target: 100_000 }, '4', 'พอ. 5 ระดับที่ ๔ รายได้เท่ากับเป้าหมายเดิม'),
  pair('PO5', 3, { value: 100_001, target: 100_000 }, '5', 'พอ. 5 ระดับที่ ๕ รายได้มากกว่าเป้าหมายเดิม'),
  {
    letter:
      'พอ. 5 ยอดจำหน่ายรวมไตรมาส ๑-๒: ต.ค. 40,000/50,000 + มี.ค. 61,000/50,000 = 101% ของเป้าหมายเดิม → ระดับที่ ๕',
    report: [
      { kpi: 'PO5a', value: 3 },
      { kpi: 'PO5b', value: 40_000, target: 50_000, month: '2018-10' },
      { kpi: 'PO5b', value: 61_000, target: 50_000, month: MARCH }
    ],
    expect: { PO5: '5' }
  },
  // พก. ๑ สมาชิกกองทุนพัฒนาบทบาทสตรี: "ระดับที่ ๓ เพิ่มขึ้นน้อยกว่าร้อยละ ๒๗.๔๙ ระดับที่ ๔ … ๒๗.๕๐-๓๗.๔๙ ระดับที่ ๕ … ๓๗.๕๐ ขึ้นไป"
  one('PK1', 37.5, '5', 'พก. 1 ระดับที่ ๕ เพิ่มขึ้นร้อยละ ๓๗.๕๐ ขึ้นไป'),
  one('PK1', 37.49, '4', 'พก. 1 ระดับที่ ๔ เพิ่มขึ้นร้อยละ ๒๗.๕๐-๓๗.๔๙ (37.49)'),
  one('PK1', 27.5, '4', 'พก. 1 ระดับที่ ๔ เพิ่มขึ้นร้อยละ ๒๗.๕๐-๓๗.๔๙ (27.50)'),
  one('PK1', 27.49, '3', 'พก. 1 ระดับที่ ๓ เพิ่มขึ้นน้อยกว่าร้อยละ ๒๗.๔๙'),
  one('PK1', 0, '3', 'พก. 1 ระดับที่ ๓ (ไม่เพิ่มขึ้น): ระดับพื้นของตัวชี้วัดที่เริ่มที่ระดับ ๓'),
  // พก. ๒ สัมมาชีพ, ๖ หมู่บ้านเศรษฐกิจพอเพียง (ขั้นตอนต่อเนื่อง)
  one('PK2', 5, '5', 'พก. 2 ระดับ ๕ สรุปรายงานผลการดำเนินงานสร้างสัมมาชีพชุมชน'),
  one('PK2', 1, '1', 'พก. 2 ระดับ ๑ มีวิทยากรสัมมาชีพหมู่บ้านละ ๕ คน'),
  one('PK6', 2, '2', 'พก. 6 ระดับ ๒ มีแกนนำหมู่บ้านและทะเบียนครัวเรือนเป้าหมาย ๓๐ ครัวเรือน'),
  one('PK6', 5, '5', 'พก. 6 ระดับ ๕ สรุปรายงานผลการดำเนินงาน'),
  // พก. ๓ ประชาสัมพันธ์: "ระดับ ๑ … น้อยกว่า ๑๕ ครั้ง ระดับ ๒ … ๑๖ - ๒๐ ครั้ง ระดับ ๓ … (๑)๒๑ - ๒๕ ครั้ง … ระดับ ๕ … มากกว่า ๓๐ ครั้ง"
  one('PK3', 0, BELOW, 'พก. 3 ไม่มีการประชาสัมพันธ์เลย: ต่ำกว่าเกณฑ์'),
  one('PK3', 1, '1', 'พก. 3 ระดับ ๑ น้อยกว่า ๑๕ ครั้ง (1)'),
  one('PK3', 15, '1', 'พก. 3 ๑๕ ครั้งพอดียังไม่ถึงระดับ ๒ (๑๖ ครั้ง): ระดับ ๑'),
  one('PK3', 16, '2', 'พก. 3 ระดับ ๒ ๑๖ - ๒๐ ครั้ง (16)'),
  one('PK3', 20, '2', 'พก. 3 ระดับ ๒ ๑๖ - ๒๐ ครั้ง (20)'),
  one('PK3', 21, '3', 'พก. 3 ระดับ ๓ "๑๒๑ - ๒๕" อ่านเป็น ๒๑ - ๒๕ ครั้ง (21)'),
  one('PK3', 25, '3', 'พก. 3 ระดับ ๓ ๒๑ - ๒๕ ครั้ง (25)'),
  one('PK3', 26, '4', 'พก. 3 ระดับ ๔ ๒๖ - ๓๐ ครั้ง (26)'),
  one('PK3', 30, '4', 'พก. 3 ระดับ ๔ ๒๖ - ๓๐ ครั้ง (30)'),
  one('PK3', 31, '5', 'พก. 3 ระดับ ๕ มากกว่า ๓๐ ครั้ง'),
  {
    letter: 'พก. 3 นับครั้งรวมทุกเดือน: ธ.ค. 10 + ม.ค. 6 = 16 ครั้ง → ระดับ ๒',
    report: [
      { kpi: 'PK3', value: 10, month: '2018-12' },
      { kpi: 'PK3', value: 6, month: '2019-01' }
    ],
    expect: { PK3: '2' }
  },
  // พก. ๔ จปฐ. ของตำบลที่ได้รับมอบหมาย (เกณฑ์เดียวกับ พอ. ๔)
  pair('PK4', 3, { value: 85 }, '4', 'พก. 4 ระดับ ๔ อัปโหลดได้ร้อยละ ๘๐ แต่ไม่ถึงร้อยละ ๙๐'),
  pair('PK4', 2, { value: 100 }, '2', 'พก. 4 ระดับ ๒ มีแผน แต่ยังจัดเก็บไม่ครบร้อยละ ๑๐๐'),
  // พก. ๕ กลุ่มออมทรัพย์เพื่อการผลิต: เริ่มที่ระดับ ๓
  one('PK5', 0, BELOW, 'พก. 5 ยังไม่มีแผนการจัดตั้ง: ต่ำกว่าระดับ ๓ ซึ่งเป็นระดับต่ำสุด → ต่ำกว่าเกณฑ์'),
  one('PK5', 1, '3', 'พก. 5 ระดับ ๓ มีแผนการจัดตั้งและพัฒนากลุ่มออมทรัพย์เพื่อการผลิต'),
  one('PK5', 2, '4', 'พก. 5 ระดับ ๔ ดำเนินงานในค่าคะแนนที่ ๓ และประชุมให้ความรู้'),
  one('PK5', 3, '5', 'พก. 5 ระดับ ๕ จัดตั้งกลุ่มออมทรัพย์ ๑ กลุ่ม และรายงานทุกเดือน'),
  // aggregate last: the latest month's cumulative percentage
  {
    letter: 'ทีม 1 ร้อยละสะสม: ธ.ค. 40 (ต่ำกว่าเกณฑ์), มี.ค. 85 → ใช้เดือนล่าสุด ระดับ ๔',
    report: [
      { kpi: 'T1', value: 40, month: '2018-12' },
      { kpi: 'T1', value: 85, month: MARCH }
    ],
    expect: { T1: '4' }
  },
  {
    letter: 'อำเภอที่ไม่ได้รายงาน: ไม่ได้รายงาน (ต่างจากต่ำกว่าเกณฑ์)',
    report: [],
    expect: { T1: MISSING, T3: MISSING, T7: MISSING, PO4: MISSING, PK5: MISSING }
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
    source: 'seed-003.csv',
    line: firstLine + i
  }));
}

async function scoreOnly(results: ResultRow[], group = '*'): Promise<LeagueRow[]> {
  await ws.clearResults(fw.id);
  await ws.commit(fw.id, results);
  await ws.ensure(fw.id, 'all');
  return (await ws.leagueTable(fw.id, ROUND, group)).rows;
}

function cellOf(table: LeagueRow[], unitId: string, kpi: string): KpiCell {
  const row = table.find((r) => r.unitId === unitId);
  if (!row) throw new Error(`no league row for ${unitId}`);
  return row.cells[kpi];
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
  // One case per district, 16 at a time (no case reports the rank KPI T3, so districts do not interact).
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

describe('chaiyaphum-2562-r1 loads', () => {
  test('the JSON reads and validates with no errors and no warnings', () => {
    const read = readFrameworkJson(FILE, TEXT, {
      resolveUnit: (name, f) => resolveFrameworkUnit(f, name) !== null
    });
    expect(read.issues).toEqual([]);
    expect(read.framework).toMatchObject({
      id: 'chaiyaphum-2562-r1',
      province: 'ชัยภูมิ',
      fiscalYear: 2562,
      period: 'R1'
    });
  });

  test('Chaiyaphum has 16 districts', () => {
    expect(DISTRICT_IDS).toHaveLength(16);
  });

  test('three sets as groups, each weighted to 100 as in the letter', () => {
    expect(groupsOf(fw)).toEqual([TEAM, DIRECTOR, DEVELOPER]);
    const weights = (group: string) =>
      topLevelKpis(fw)
        .filter((kpi) => kpi.group === group)
        .map((kpi) => [kpi.kpi, kpi.weight]);
    expect(weights(TEAM)).toEqual([
      ['T1', 15],
      ['T2', 15],
      ['T3', 15],
      ['T4', 15],
      ['T5', 15],
      ['T6', 15],
      ['T7', 10]
    ]);
    expect(weights(DIRECTOR)).toEqual([
      ['PO1', 20],
      ['PO2', 15],
      ['PO3', 15],
      ['PO4', 20],
      ['PO5', 15],
      ['PO6', 15]
    ]);
    expect(weights(DEVELOPER)).toEqual([
      ['PK1', 15],
      ['PK2', 20],
      ['PK3', 15],
      ['PK4', 15],
      ['PK5', 15],
      ['PK6', 20]
    ]);
  });

  test('T3, T7, PK1 and PK5 have only levels 3–5; the rank KPI bands on rank ≤ 5, ≤ 10, any', () => {
    const levels = (kpi: string) =>
      fw.bands
        .filter((band) => band.kpi === kpi)
        .map((band) => band.level)
        .sort();
    for (const kpi of ['T3', 'T7', 'PK1', 'PK5']) expect(levels(kpi), kpi).toEqual(['3', '4', '5']);
    expect(fw.kpis.find((kpi) => kpi.kpi === 'T3')).toMatchObject({ measure: 'rank_desc', aggregate: 'sum' });
    expect(
      fw.bands.filter((band) => band.kpi === 'T3').map((band) => [band.level, band.op, band.value])
    ).toEqual([
      ['5', '<=', 5],
      ['4', '<=', 10],
      ['3', 'any', null]
    ]);
  });

  test('every top-level KPI is covered by a letter case or the rank tests', () => {
    const covered = new Set([...CASES.flatMap((c) => Object.keys(c.expect)), 'T3']);
    expect(topLevelKpis(fw).filter((kpi) => !covered.has(kpi.kpi))).toEqual([]);
  });
});

describe('chaiyaphum-2562-r1: valid ranges of the reported values (kpis.csv min/max)', () => {
  const steps = 'steps done in order from level 1, 0–5';
  rangeTests(
    () => fw,
    [
      {
        kpi: 'T1',
        min: 0,
        max: 100,
        letter: 'ของวงเงินงบประมาณที่ได้รับจัดสรร',
        reads: 'percent of the allocation spent'
      },
      {
        kpi: 'T2',
        min: 0,
        max: 100,
        letter: 'ร้อยละความสำเร็จของการบรรลุเป้าหมาย',
        reads: 'percent of the plan achieved'
      },
      {
        kpi: 'T3',
        min: 0,
        max: null,
        letter: 'ได้ลำดับคะแนนการส่งงาน',
        reads: 'value = the month’s submission score, ranked'
      },
      {
        kpi: 'T4',
        min: 0,
        max: null,
        letter: 'มีการประชาสัมพันธ์งาน 120 ครั้ง ขึ้นไป',
        reads: 'press releases of the month, a count'
      },
      { kpi: 'T5', min: 0, max: 5, letter: 'ระดับความสำเร็จของการดำเนินงานกองทุนแม่ของแผ่นดิน', reads: steps },
      { kpi: 'T6', min: 0, max: 5, letter: 'ระดับความสำเร็จการดำเนินงานตลาดประชารัฐ', reads: steps },
      {
        kpi: 'T7',
        min: 0,
        max: 3,
        letter: 'ระดับความสำเร็จของการขับเคลื่อนเศรษฐกิจฐานราก',
        reads: 'levels 3–5 only: steps 0–3'
      },
      { kpi: 'PO1', min: 0, max: 5, letter: 'มีทะเบียนผลิตภัณฑ์ชุมชน OTOP', reads: steps },
      {
        kpi: 'PO2',
        min: 0,
        max: 5,
        letter: 'ระดับความสำเร็จของการดำเนินงานโครงการสร้างสัมมาชีพชุมชน',
        reads: steps
      },
      {
        kpi: 'PO3',
        min: 0,
        max: 100,
        letter: 'สิ้นสุดไตรมาส 2 ได้ร้อยละ 75',
        reads: 'percent of the fund’s budget spent'
      },
      { kpi: 'PO4a', min: 0, max: 3, letter: 'ดำเนินงานในค่าคะแนนที่ 1-2', reads: 'steps 1–3 in order, 0–3' },
      { kpi: 'PO4b', min: 0, max: 100, letter: 'ได้มากกว่าร้อยละ 90', reads: 'percent of the data uploaded' },
      {
        kpi: 'PO5a',
        min: 0,
        max: 3,
        letter: 'ขั้นตอนการส่งเสริมการผลิตและจำหน่ายไหม (ระดับ 1–3)',
        reads: 'steps 1–3 in order, 0–3'
      },
      {
        kpi: 'PO5b',
        min: 0,
        max: null,
        letter: 'มีรายได้จากการจำหน่ายผลิตภัณฑ์จากไหมได้มากกว่าเป้าหมายเดิม',
        reads: 'value = baht of the month, may pass its target'
      },
      { kpi: 'PO6', min: 0, max: 5, letter: 'รายได้ที่เพิ่มขึ้นของชุมชนท่องเที่ยว OTOP นวัตวิถี', reads: steps },
      {
        kpi: 'PK1',
        min: 0,
        max: 100,
        letter: 'จากฐานข้อมูลทะเบียนราษฎร์ (สตรี) คงเหลือ',
        reads: 'new members as a percent of the women not yet members'
      },
      { kpi: 'PK2', min: 0, max: 5, letter: 'ระดับความสำเร็จของการจัดตั้งและพัฒนากลุ่มอาชีพ', reads: steps },
      {
        kpi: 'PK3',
        min: 0,
        max: null,
        letter: 'ให้ผู้บังคับบัญชารับทราบ มากกว่า 30 ครั้ง',
        reads: 'press releases of the month, a count'
      },
      { kpi: 'PK4a', min: 0, max: 3, letter: 'ดำเนินงานในค่าคะแนนที่ 1-2', reads: 'steps 1–3 in order, 0–3' },
      { kpi: 'PK4b', min: 0, max: 100, letter: 'ได้มากกว่าร้อยละ 90', reads: 'percent of the data uploaded' },
      {
        kpi: 'PK5',
        min: 0,
        max: 3,
        letter: 'ระดับความสำเร็จของการจัดตั้งและพัฒนากลุ่มออมทรัพย์เพื่อการผลิต',
        reads: 'levels 3–5 only: steps 0–3'
      },
      { kpi: 'PK6', min: 0, max: 5, letter: 'ระดับความสำเร็จของการพัฒนาหมู่บ้านเศรษฐกิจพอเพียง', reads: steps }
    ]
  );
});

describe('chaiyaphum-2562-r1 scores the letter', () => {
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

describe('chaiyaphum-2562-r1 ranks report submission among the districts (ทีม ๓)', () => {
  // "ระดับ ๓ ได้ลำดับคะแนนการส่งงานมากกว่าลำดับที่ ๑๐ ระดับ ๔ … ลำดับที่ ๖-๑๐ ระดับ ๕ … ลำดับที่ ๑-๕"
  test('16 districts with distinct scores: 1st–5th level 5, 6th–10th level 4, 11th–16th level 3', async () => {
    // District i scores 160 − 10·i over the round, reported as two monthly halves (aggregate sum).
    const results = DISTRICT_IDS.flatMap((unitId, i) =>
      rows(unitId, [
        { kpi: 'T3', value: (160 - 10 * i) / 2, month: '2018-11' },
        { kpi: 'T3', value: (160 - 10 * i) / 2, month: '2019-02' }
      ])
    );
    const table = await scoreOnly(results);
    const got = DISTRICT_IDS.map((unitId) => {
      const cell = cellOf(table, unitId, 'T3');
      return [cell.value, cell.measured, cell.level, cell.score];
    });
    expect(got).toEqual(
      DISTRICT_IDS.map((_, i) => {
        const level = i < 5 ? 5 : i < 10 ? 4 : 3;
        return [160 - 10 * i, i + 1, String(level), level];
      })
    );
  });

  test('ties share a rank: two districts tied 5th both get level 5, the next is 7th (level 4)', async () => {
    const scores = [100, 90, 80, 70, 60, 60, 50, 40, 30, 20, 20, 10, 9, 8, 7, 6];
    const table = await scoreOnly(
      DISTRICT_IDS.flatMap((unitId, i) => rows(unitId, [{ kpi: 'T3', value: scores[i] }]))
    );
    const got = DISTRICT_IDS.map((unitId) => {
      const cell = cellOf(table, unitId, 'T3');
      return [cell.measured, cell.level];
    });
    expect(got).toEqual([
      [1, '5'],
      [2, '5'],
      [3, '5'],
      [4, '5'],
      [5, '5'],
      [5, '5'],
      [7, '4'],
      [8, '4'],
      [9, '4'],
      [10, '4'],
      [10, '4'],
      [12, '3'],
      [13, '3'],
      [14, '3'],
      [15, '3'],
      [16, '3']
    ]);
  });

  test('only the districts that reported are ranked; the others are not reported', async () => {
    const reporting = DISTRICT_IDS.slice(0, 7);
    const table = await scoreOnly(
      reporting.flatMap((unitId, i) => rows(unitId, [{ kpi: 'T3', value: 70 - i }]))
    );
    expect(reporting.map((unitId) => cellOf(table, unitId, 'T3').level)).toEqual([
      '5',
      '5',
      '5',
      '5',
      '5',
      '4',
      '4'
    ]);
    for (const unitId of DISTRICT_IDS.slice(7)) {
      expect(cellOf(table, unitId, 'T3')).toMatchObject({
        status: 'missing',
        level: null,
        measured: null,
        score: 0
      });
    }
  });

  test('a rank beyond 10 is level 3, never below every band (levels 1–2 do not exist)', async () => {
    const table = await scoreOnly(
      DISTRICT_IDS.flatMap((unitId, i) => rows(unitId, [{ kpi: 'T3', value: i }]))
    );
    const last = cellOf(table, DISTRICT_IDS[0], 'T3');
    expect(last).toMatchObject({ measured: 16, level: '3', score: 3, status: 'ok' });
  });
});

describe('chaiyaphum-2562-r1 weighted totals by group', () => {
  test('team group: T1 level 5, T3 rank 1 (level 5), T7 below (0) … weighted over the team weights only', async () => {
    const report: Reported[] = [
      { kpi: 'T1', value: 95 }, // 5 × 15
      { kpi: 'T2', value: 88 }, // 3 × 15
      { kpi: 'T3', value: 50 }, // rank 1 → 5 × 15
      { kpi: 'T4', value: 100 }, // 4 × 15
      { kpi: 'T5', value: 2 }, // 2 × 15
      { kpi: 'T6', value: 1 }, // 1 × 15
      { kpi: 'T7', value: 0 } // below → 0 × 10
    ];
    const team = await scoreOnly(rows(DISTRICT_IDS[0], report), TEAM);
    const row = team.find((r) => r.unitId === DISTRICT_IDS[0])!;
    expect(row.cells.T7).toMatchObject({ status: 'below', score: 0 });
    expect(row.missing).toBe(0);
    expect(row.rank).toBe(1);
    expect(row.total).toBeCloseTo((5 + 3 + 5 + 4 + 2 + 1) * 0.15, 9);
    // Over all three groups (weights 300) the same points count a third: the individual KPIs are missing.
    const all = await ws.leagueTable(fw.id, ROUND);
    const overall = all.rows.find((r) => r.unitId === DISTRICT_IDS[0])!;
    expect(overall.total).toBeCloseTo(((5 + 3 + 5 + 4 + 2 + 1) * 15) / 300, 9);
    expect(overall.missing).toBe(12);
  });

  test('a district at the top level of every KPI has total 5 in every group', async () => {
    const report: Reported[] = [
      { kpi: 'T1', value: 95 },
      { kpi: 'T2', value: 96 },
      { kpi: 'T3', value: 50 },
      { kpi: 'T4', value: 120 },
      { kpi: 'T5', value: 5 },
      { kpi: 'T6', value: 5 },
      { kpi: 'T7', value: 3 },
      { kpi: 'PO1', value: 5 },
      { kpi: 'PO2', value: 5 },
      { kpi: 'PO3', value: 80 },
      { kpi: 'PO4a', value: 3 },
      { kpi: 'PO4b', value: 95 },
      { kpi: 'PO5a', value: 3 },
      { kpi: 'PO5b', value: 120, target: 100 },
      { kpi: 'PO6', value: 5 },
      { kpi: 'PK1', value: 40 },
      { kpi: 'PK2', value: 5 },
      { kpi: 'PK3', value: 35 },
      { kpi: 'PK4a', value: 3 },
      { kpi: 'PK4b', value: 91 },
      { kpi: 'PK5', value: 3 },
      { kpi: 'PK6', value: 5 }
    ];
    await scoreOnly(rows(DISTRICT_IDS[0], report));
    for (const group of ['*', TEAM, DIRECTOR, DEVELOPER]) {
      const table = await ws.leagueTable(fw.id, ROUND, group);
      const row = table.rows.find((r) => r.unitId === DISTRICT_IDS[0])!;
      expect({ group, total: row.total, totalPct: row.totalPct, rank: row.rank }).toEqual({
        group,
        total: 5,
        totalPct: 100,
        rank: 1
      });
    }
  });
});
