/**
 * The framework model's fields, written once (issue 12): for each field of a framework, a KPI, a band and a
 * per-unit target, its key in the `Framework` interface (and in JSON), its §9.2 CSV column, what kind of value
 * it holds, whether the column is one of §9.2's or an extension, and its Thai name. The CSV and JSON readers,
 * the valibot schema, both writers and the editor's columns are built from these lists
 * (src/lib/ingest/framework-codec.ts); a new field is one line here.
 *
 * Order matters: it is the order of the CSV columns, of the JSON keys written, and of the checks (so of the
 * reading issues) in a row.
 */
import {
  AGGREGATES,
  BAND_OPS,
  COMBINES,
  FRAMEWORK_PERIODS,
  MEASURES,
  SCALES,
  type Band,
  type Framework,
  type Kpi,
  type UnitTarget
} from './framework';

/**
 * - `text`: required text (`''` when a CSV cell is empty); `blankText`: text that may be left out (`''`);
 *   `optionalText`: null when empty;
 * - `number`: a number or null; `flag`: true/false (empty = false);
 * - `choice`: one of `choices` (any case; `spellings` map other spellings; `default` when empty, else `''`
 *   for the validator to name); `optionalChoice`: the same, null when empty;
 * - `points`: a band's points (empty = the level itself when it is a number, DESIGN §4.3); `month`: a target's
 *   month (any month form of DESIGN §5, empty = every month); `year`: the fiscal year (BE); `notes`: a list of
 *   texts (one CSV cell, separated by `NOTES_SEPARATOR`).
 */
export type FieldKind =
  | 'text'
  | 'blankText'
  | 'optionalText'
  | 'number'
  | 'flag'
  | 'choice'
  | 'optionalChoice'
  | 'points'
  | 'month'
  | 'year'
  | 'notes';

export interface FrameworkField<Key extends string = string> {
  /** The key in the interface and in JSON (`fiscalYear`). */
  key: Key;
  /** The §9.2 CSV column (`fiscal_year`). */
  column: string;
  kind: FieldKind;
  /** An extension of §9.2: an optional column, written only when some row uses it. */
  extension?: true;
  choices?: readonly string[];
  spellings?: Readonly<Record<string, string>>;
  default?: string;
  /** The field's name on screen (the editor, the reporting template's notes). */
  th: string;
}

type Fields<T> = readonly FrameworkField<Extract<keyof T, string>>[];

/** Notes in one framework.csv cell are separated by this. */
export const NOTES_SEPARATOR = ' | ';

/** framework.csv: one row. */
export const FRAMEWORK_FIELDS: Fields<Framework> = [
  { key: 'id', column: 'id', kind: 'text', th: 'รหัสชุดเกณฑ์' },
  { key: 'name', column: 'name', kind: 'text', th: 'ชื่อชุดเกณฑ์' },
  { key: 'province', column: 'province', kind: 'optionalText', th: 'จังหวัด' },
  { key: 'fiscalYear', column: 'fiscal_year', kind: 'year', th: 'ปีงบประมาณ (พ.ศ.)' },
  { key: 'period', column: 'period', kind: 'optionalChoice', choices: FRAMEWORK_PERIODS, th: 'รอบ/ไตรมาส' },
  { key: 'notes', column: 'notes', kind: 'notes', extension: true, th: 'หมายเหตุ' },
  { key: 'source', column: 'source', kind: 'optionalText', extension: true, th: 'ที่มา (หนังสือ)' }
];

/** kpis.csv: one row per KPI. */
export const KPI_FIELDS: Fields<Kpi> = [
  { key: 'kpi', column: 'kpi', kind: 'text', th: 'รหัสตัวชี้วัด' },
  { key: 'name', column: 'name', kind: 'text', th: 'ชื่อตัวชี้วัด' },
  { key: 'group', column: 'group', kind: 'optionalText', th: 'กลุ่ม' },
  { key: 'weight', column: 'weight', kind: 'number', th: 'น้ำหนัก (ร้อยละ)' },
  { key: 'scale', column: 'scale', kind: 'choice', choices: SCALES, th: 'ระดับคะแนน' },
  { key: 'measure', column: 'measure', kind: 'choice', choices: MEASURES, th: 'วิธีวัด' },
  {
    key: 'aggregate',
    column: 'aggregate',
    kind: 'choice',
    choices: AGGREGATES,
    default: 'last',
    th: 'รวมหลายเดือน'
  },
  { key: 'interpolate', column: 'interpolate', kind: 'flag', th: 'คิดคะแนนระหว่างขั้น' },
  { key: 'targetLevel', column: 'target_level', kind: 'optionalText', th: 'ระดับที่ถือว่าผ่านเป้า' },
  { key: 'parent', column: 'parent', kind: 'optionalText', th: 'เป็นตัวย่อยของ' },
  { key: 'combine', column: 'combine', kind: 'optionalChoice', choices: COMBINES, th: 'รวมตัวย่อยโดย' },
  { key: 'unitLabel', column: 'unit_label', kind: 'optionalText', extension: true, th: 'หน่วยนับ' },
  { key: 'min', column: 'min', kind: 'number', extension: true, th: 'ค่าต่ำสุดที่รับได้' },
  { key: 'max', column: 'max', kind: 'number', extension: true, th: 'ค่าสูงสุดที่รับได้' },
  { key: 'howToReport', column: 'how_to_report', kind: 'optionalText', extension: true, th: 'วิธีรายงาน' },
  { key: 'shortName', column: 'short_name', kind: 'optionalText', extension: true, th: 'ชื่อย่อ' }
];

/** What `≥` and the like mean in a band's `op`. */
const OP_SPELLINGS: Readonly<Record<string, string>> = { '≥': '>=', '=>': '>=', '≤': '<=', '=<': '<=' };

/** levels.csv: one row per band (a KPI's level, or a unit's own band for it). */
export const BAND_FIELDS: Fields<Band> = [
  { key: 'kpi', column: 'kpi', kind: 'text', th: 'รหัสตัวชี้วัด' },
  { key: 'level', column: 'level', kind: 'text', th: 'ระดับ' },
  { key: 'points', column: 'points', kind: 'points', th: 'คะแนน' },
  { key: 'op', column: 'op', kind: 'choice', choices: BAND_OPS, spellings: OP_SPELLINGS, th: 'เงื่อนไข' },
  { key: 'value', column: 'value', kind: 'number', th: 'เกณฑ์' },
  { key: 'value2', column: 'value2', kind: 'number', th: 'เกณฑ์ที่สอง (ระหว่าง)' },
  { key: 'unit', column: 'unit', kind: 'optionalText', th: 'เฉพาะอำเภอ/จังหวัด' },
  { key: 'label', column: 'label', kind: 'blankText', th: 'คำอธิบายเกณฑ์' }
];

/** targets.csv (an extension of §9.2): one row per unit, KPI and month (or every month). */
export const TARGET_FIELDS: Fields<UnitTarget> = [
  { key: 'kpi', column: 'kpi', kind: 'text', th: 'รหัสตัวชี้วัด' },
  { key: 'unit', column: 'unit', kind: 'text', th: 'อำเภอ/จังหวัด' },
  { key: 'month', column: 'month', kind: 'month', th: 'เดือน' },
  { key: 'target', column: 'target', kind: 'number', th: 'ค่าเป้าหมาย' },
  { key: 'baseline', column: 'baseline', kind: 'number', th: 'ฐาน' }
];

/** The four files of a framework folder and their fields. */
export const FRAMEWORK_TABLES = {
  framework: FRAMEWORK_FIELDS,
  kpis: KPI_FIELDS,
  levels: BAND_FIELDS,
  targets: TARGET_FIELDS
} as const;

export type FrameworkTable = keyof typeof FRAMEWORK_TABLES;
