/**
 * Writes the real-shaped upload fixtures of src/lib/ingest/fixtures/ (issue 5) from the tables of seed 001
 * (/work/shared/seeds/001_cd281e8a7099d79f.txt, ฉะเชิงเทรา, round 2 of FY2565):
 *
 *   seed001-budget-2565-06.csv            the budget table "รายงานความก้าวหน้าการใช้จ่ายงบประมาณ … ข้อมูล ณ
 *                                          วันที่ 17 มิถุนายน 2565" as Excel's "CSV" export: Windows-874, CRLF,
 *                                          title lines, Thai headers, Thai digits, thousands separators, `-`,
 *                                          the provincial work-group rows and the totals line
 *   seed001-budget-2565-06.xlsx           the same table as a workbook: a notes sheet first, then the table
 *                                          with numbers as numbers and the month as a date cell
 *   seed001-budget-2565-06-corrected.csv  a corrected June (UTF-8 with BOM, tabs): two values differ
 *   seed001-budget-2565-06.clean.csv      the same facts in the plain §9.1 shape (the expected reading)
 *   seed001-loan-villages.txt             the village-level กข.คจ. loan table (tab-separated, UTF-8 with BOM)
 *                                          with the seed's misspelt districts (ท่าตะเกรา, คลองเบื่อน, เมืองฯ)
 *
 * Run: `npx tsx scripts/gen-ingest-fixtures.ts` (src/lib/ingest/fixtures.test.ts checks that the committed
 * files are what this script writes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeXlsx, type XlsxCell } from './xlsx-writer';

export const FIXTURE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/lib/ingest/fixtures'
);

/** Seed 001's budget table: unit, personnel budget, admin budget, total allocated, disbursed, PO, total used. */
export const BUDGET_ROWS: readonly [string, number, number | null, number, number, number | null, number][] =
  [
    ['บางปะกง', 392780, 113700, 506480, 504980, null, 504980],
    ['แปลงยาว', 320900, 74610, 395510, 392510, null, 392510],
    ['สารสินเทศ', 90120, null, 90120, 88440, null, 88440],
    ['บ้านโพธิ์', 339840, 127030, 466870, 457700, null, 457700],
    ['ยุทธศาสตร์', 56280, null, 56280, 52420, null, 52420],
    ['ประสาน', 325190, 69430, 394620, 352420, 13000, 365420],
    ['เมืองฉะเชิงเทรา', 1015020, 165420, 1180440, 966460, 120726, 1087186],
    ['คลองเขื่อน', 404340, 78810, 483150, 198020, 238954.72, 436974.72],
    ['พนมสารคาม', 752700, 103380, 856080, 470830, 253200, 724030],
    ['ส่งเสริม', 1673126, null, 1673126, 754826, 647350, 1402176],
    ['บางคล้า', 627740, 93330, 721070, 353800, 240715.04, 594515.04],
    ['สนามชัยเขต', 432460, 82560, 515020, 271640, 103970.89, 375610.89],
    ['ท่าตะเกียบ', 953555.28, 66600, 1020155.28, 719375.28, null, 719375.28],
    ['ราชสาส์น', 313450, 58050, 371500, 254115, null, 254115],
    ['บางน้ำเปรี้ยว', 482260, 113480, 595740, 473720, null, 473720]
  ];

/** The corrected June: บางคล้า used more, and คลองเขื่อน's allocation was raised. */
export const BUDGET_CORRECTIONS: Readonly<Record<string, { used?: number; allocated?: number }>> = {
  บางคล้า: { used: 640215.04 },
  คลองเขื่อน: { allocated: 500000 }
};

/**
 * Seed 001's village-level table: no., village, moo, tambon, district as written (misspelt as in the seed),
 * amount resolved (บาท), amount still to resolve (บาท, the value read), remark.
 */
export const LOAN_ROWS: readonly [
  number,
  string,
  number,
  string,
  string,
  number | null,
  number | null,
  string
][] = [
  [1, 'คลองบ้านใหม่', 1, 'บางขวัญ', 'เมืองฯ', 5000, 10000, ''],
  [2, 'ชุมพัฒนา', 10, 'บางแก้ว', 'เมืองฯ', 9000, null, ''],
  [3, 'ตลาดใหม่', 1, 'บางสวน', 'บางคล้า', null, 250000, 'ลดลงจากการตรวจสอบ'],
  [4, 'หุมศร', 2, 'เสม็ดเหนือ', 'บางคล้า', 108100, 143800, 'ลดลงจากการตรวจสอบ'],
  [5, 'หนองโพรง', 3, 'เสม็ดใต้', 'บางคล้า', 89700, 85300, 'ลดลงจากการตรวจสอบ'],
  [6, 'ปากคลองแขวงกลัน', 4, 'เทพราช', 'บ้านโพธิ์', null, 10000, 'แก้ไขจากการตรวจสอบ'],
  [7, 'หนองสร้อยตั้ง', 2, 'หนองไม้แก่น', 'แปลงยาว', null, 141660, 'แก้ไขจากการตรวจสอบ'],
  [8, 'เกาะลอย', 3, 'คลองตะเกรา', 'ท่าตะเกรา', null, 173000, ''],
  [9, 'หนองขาทย์ตั้ง', 5, 'คลองตะเกรา', 'ท่าตะเกรา', 20000, 33686, ''],
  [10, 'เกาะลัด', 2, 'บางตลาด', 'คลองเบื่อน', null, 83000, '']
];

/**
 * The step of I8 (0–5, kpis.csv `min`/`max`) each district reports on its villages' rows. The KPI takes the
 * step reached, not baht: the seed's table of baht outstanding is kept beside it as a column the reader
 * leaves alone (issue 11: the baht once stood in the value column, and the range check refuses it).
 */
export const LOAN_STEPS: Readonly<Record<string, number>> = {
  เมืองฯ: 5,
  บางคล้า: 3,
  บ้านโพธิ์: 5,
  แปลงยาว: 2,
  ท่าตะเกรา: 1,
  คลองเบื่อน: 4
};

/** The totals line's figure in the step column, as a spreadsheet's SUM under it writes: meaningless, and refused. */
function loanStepTotal(): number {
  return LOAN_ROWS.reduce((sum, row) => sum + (row[6] === null ? 0 : LOAN_STEPS[row[4]]), 0);
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export function thaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

/** `1015020` → `1,015,020.00`, as Excel shows a number with the accounting format. */
export function grouped(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Windows-874's characters outside ASCII and TIS-620's Thai block. */
const WINDOWS_874_EXTRAS: Readonly<Record<string, number>> = {
  '€': 0x80,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '\u00A0': 0xa0
};

/** Thai text → Windows-874 bytes (Thai letters U+0E01–U+0E5B are 0xA1–0xFB; ASCII as is). */
export function windows874(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x0e01 && code <= 0x0e5b) bytes.push(code - 0x0e01 + 0xa1);
    else if (WINDOWS_874_EXTRAS[char] !== undefined) bytes.push(WINDOWS_874_EXTRAS[char]);
    else throw new Error(`not in Windows-874: ${char}`);
  }
  return Uint8Array.from(bytes);
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = '\uFEFF';

function budgetCsv(): Uint8Array {
  const number = (value: number | null) => (value === null ? '-' : thaiDigits(grouped(value)));
  const lines = [
    'รายงานความก้าวหน้าการใช้จ่ายงบประมาณของกรมการพัฒนาชุมชน ประจำปีงบประมาณ พ.ศ. 2565,,,,,,,,',
    'สำนักงานพัฒนาชุมชนจังหวัดฉะเชิงเทรา,,,,,,,,',
    'ข้อมูล ณ วันที่ 17 เดือน มิถุนายน พ.ศ. 2565,,,,,,,,',
    'หน่วยงาน,ตัวชี้วัด,เดือน,งบบุคลากร,งบบริหาร,ค่าเป้าหมาย (รวมงบประมาณทั้งสิ้น),เบิกจ่ายแล้ว,PO,ผลการดำเนินงาน (รวมใช้ไป)',
    ...BUDGET_ROWS.map(([unit, staff, admin, allocated, paid, po, used]) =>
      [
        unit,
        'T1',
        'มิ.ย. ๖๕',
        number(staff),
        number(admin),
        number(allocated),
        number(paid),
        number(po),
        number(used)
      ]
        .map(csvCell)
        .join(',')
    ),
    [',,,,,', csvCell(thaiDigits(grouped(6311256.28))), csvCell(thaiDigits(grouped(1617916.65))), ''].join(
      ','
    )
  ];
  return windows874(lines.join('\r\n') + '\r\n');
}

function budgetXlsx(): Uint8Array {
  const header: XlsxCell[] = [
    'หน่วยงาน',
    'ตัวชี้วัด',
    'เดือน',
    'งบบุคลากร',
    'งบบริหาร',
    'ค่าเป้าหมาย (รวมงบประมาณทั้งสิ้น)',
    'เบิกจ่ายแล้ว',
    'PO',
    'ผลการดำเนินงาน'
  ];
  return writeXlsx([
    {
      name: 'คำอธิบาย',
      rows: [['ตัวชี้วัดที่ 1 ร้อยละของการใช้จ่ายเงินงบประมาณ'], ['ผลการดำเนินงาน = รวมใช้ไป (เบิกจ่ายแล้ว + PO)']]
    },
    {
      name: 'งบประมาณ มิ.ย. 65',
      rows: [
        ['รายงานความก้าวหน้าการใช้จ่ายงบประมาณของกรมการพัฒนาชุมชน ประจำปีงบประมาณ พ.ศ. 2565'],
        ['ข้อมูล ณ วันที่ 17 เดือน มิถุนายน พ.ศ. 2565'],
        [],
        header,
        ...BUDGET_ROWS.map(([unit, staff, admin, allocated, paid, po, used]): XlsxCell[] => [
          unit,
          'T1',
          { date: '2022-06-17' },
          staff,
          admin,
          allocated,
          paid,
          po,
          used
        ]),
        [null, null, null, null, null, null, 6311256.28, 1617916.65, null]
      ]
    }
  ]);
}

function correctedCsv(): Uint8Array {
  const lines = [
    ['อำเภอ', 'รหัสตัวชี้วัด', 'เดือน/ปี', 'ผลการดำเนินงาน', 'ค่าเป้าหมาย'].join('\t'),
    ...BUDGET_ROWS.filter(([unit]) => !['สารสินเทศ', 'ยุทธศาสตร์', 'ประสาน', 'ส่งเสริม'].includes(unit)).map(
      ([unit, , , allocated, , , used]) => {
        const fix = BUDGET_CORRECTIONS[unit] ?? {};
        return [unit, 'T1', '06/2565', grouped(fix.used ?? used), grouped(fix.allocated ?? allocated)].join(
          '\t'
        );
      }
    )
  ];
  return utf8(BOM + lines.join('\r\n') + '\r\n');
}

function cleanCsv(): Uint8Array {
  const lines = [
    'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน,ค่าเป้าหมาย',
    ...BUDGET_ROWS.filter(([unit]) => !['สารสินเทศ', 'ยุทธศาสตร์', 'ประสาน', 'ส่งเสริม'].includes(unit)).map(
      ([unit, , , allocated, , , used]) => [unit, 'T1', '2565-06', used, allocated].join(',')
    )
  ];
  return utf8(lines.join('\n') + '\n');
}

function loanTxt(): Uint8Array {
  const number = (value: number | null) => (value === null ? '-' : thaiDigits(value.toLocaleString('en-US')));
  const lines = [
    'ฐานข้อมูลการดำเนินงานติดตาม ตรวจสอบ และแก้ไขปัญหาการชำระเงินยืมโครงการแก้ไขปัญหาความยากจน (กข.คจ.)',
    'จังหวัดฉะเชิงเทรา',
    [
      'ที่',
      'บ้าน',
      'หมู่ที่',
      'ตำบล',
      'อำเภอ',
      'ตัวชี้วัด',
      'เดือน',
      'แก้ไขได้ (บาท)',
      'คงเหลือที่ค้างดำเนินการแก้ไขปัญหา (บาท)',
      'ผลการดำเนินงาน (ขั้นตอนที่ผ่าน)',
      'หมายเหตุ'
    ].join('\t'),
    ...LOAN_ROWS.map(([no, village, moo, tambon, district, resolved, remaining, remark]) =>
      [
        thaiDigits(String(no)),
        village,
        thaiDigits(String(moo)),
        tambon,
        district,
        'I8',
        'เมษายน 2565',
        number(resolved),
        number(remaining),
        number(remaining === null ? null : LOAN_STEPS[district]),
        remark
      ].join('\t')
    ),
    [
      '',
      'รวม',
      '',
      '',
      '',
      'I8',
      'เมษายน 2565',
      thaiDigits('26,000'),
      thaiDigits('978,086'),
      thaiDigits(String(loanStepTotal())),
      ''
    ].join('\t')
  ];
  return utf8(BOM + lines.join('\n') + '\n');
}

export function fixtureFiles(): { name: string; bytes: Uint8Array }[] {
  return [
    { name: 'seed001-budget-2565-06.csv', bytes: budgetCsv() },
    { name: 'seed001-budget-2565-06.xlsx', bytes: budgetXlsx() },
    { name: 'seed001-budget-2565-06-corrected.csv', bytes: correctedCsv() },
    { name: 'seed001-budget-2565-06.clean.csv', bytes: cleanCsv() },
    { name: 'seed001-loan-villages.txt', bytes: loanTxt() }
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const file of fixtureFiles()) {
    writeFileSync(path.join(FIXTURE_DIR, file.name), file.bytes);
    console.log(
      `wrote ${path.relative(process.cwd(), path.join(FIXTURE_DIR, file.name))} (${file.bytes.length} bytes)`
    );
  }
}
