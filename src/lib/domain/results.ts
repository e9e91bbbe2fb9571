/**
 * A result (DESIGN §3): one unit, one KPI, one month — the reported value plus optional target,
 * baseline and score adjustment, with the file and line it came from.
 */
export interface ResultRow {
  /** Unit code from the master list: district `2401` or province `24`. */
  unitId: string;
  kpi: string;
  /** ISO CE month `YYYY-MM`. */
  month: string;
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
  /** Source file name and 1-based line of the row in it. */
  source: string;
  line: number;
}

/**
 * Results column by column, one array per field (an upload's rows share one `source`, kept beside them):
 * smaller and faster to keep and to move than one object per row.
 */
export interface ResultColumns {
  unitId: string[];
  kpi: string[];
  month: string[];
  value: (number | null)[];
  target: (number | null)[];
  baseline: (number | null)[];
  adjust: (number | null)[];
  line: number[];
}

/**
 * Rows as DuckDB packed them (src/lib/sql/results-import.ts: `count` rows of eight fields, every field
 * followed by US; texts `escaped` or as they are): an upload's rows are kept like this, as one string, and read
 * back into columns only when needed (issue 6: storing 263 000 rows as columns cost ~0.8 s).
 */
export interface PackedResults {
  packing: 'results-us-v1';
  count: number;
  escaped: boolean;
  text: string;
}

export function resultColumns(rows: readonly ResultRow[]): ResultColumns {
  return {
    unitId: rows.map((r) => r.unitId),
    kpi: rows.map((r) => r.kpi),
    month: rows.map((r) => r.month),
    value: rows.map((r) => r.value),
    target: rows.map((r) => r.target),
    baseline: rows.map((r) => r.baseline),
    adjust: rows.map((r) => r.adjust),
    line: rows.map((r) => r.line)
  };
}

/** `columns` with the rows in line order (the same object when they already are; ties keep their order). */
export function columnsInLineOrder(columns: ResultColumns): ResultColumns {
  const { line } = columns;
  let sorted = true;
  for (let i = 1; i < line.length && sorted; i++) sorted = line[i - 1] <= line[i];
  if (sorted) return columns;
  const order = line.map((_, i) => i).sort((a, b) => line[a] - line[b] || a - b);
  const pick = <T>(values: T[]) => order.map((i) => values[i]);
  return {
    unitId: pick(columns.unitId),
    kpi: pick(columns.kpi),
    month: pick(columns.month),
    value: pick(columns.value),
    target: pick(columns.target),
    baseline: pick(columns.baseline),
    adjust: pick(columns.adjust),
    line: pick(line)
  };
}

/** The rows of `columns`, each from the file `source`: the inverse of `resultColumns`. */
export function resultRows(columns: ResultColumns, source: string): ResultRow[] {
  return columns.unitId.map((unitId, i) => ({
    unitId,
    kpi: columns.kpi[i],
    month: columns.month[i],
    value: columns.value[i],
    target: columns.target[i],
    baseline: columns.baseline[i],
    adjust: columns.adjust[i],
    source,
    line: columns.line[i]
  }));
}

/** A row that could not be used, with where it was and why (Thai reason). */
export interface Rejection {
  file: string;
  line: number;
  /** Column (header name) the problem is in, when there is one. */
  column?: string | null;
  reason: string;
  /** Suggested fix, e.g. the closest district names. */
  suggestions?: string[];
}

// ---------------------------------------------------------------------------------------------------------
// The same result in several files of one import (issue 11)

/** A row of a later file that replaces a different row of an earlier file (same unit, KPI and month). */
export interface CrossFileReplacement {
  /** The later file and the line of its row (the one kept). */
  file: string;
  line: number;
  /** The earlier file and the line of the row it replaces. */
  earlierFile: string;
  earlierLine: number;
  unitId: string;
  kpi: string;
  month: string;
}

/** Rows of a later file identical (figures and all) to rows of an earlier one: counted once, said once. */
export interface CrossFileSame {
  file: string;
  earlierFile: string;
  count: number;
}

export interface CrossFileOutcome {
  /** Each (unit, KPI, month) once: the row of the latest file that has it. */
  rows: ResultRow[];
  /** Every later row whose figures differ from the row it replaces, in file then line order. */
  replaced: CrossFileReplacement[];
  /** Per later file and earlier file, how many rows were the same (in file order). */
  same: CrossFileSame[];
}

const keyOf = (row: ResultRow) => `${row.unitId}\u0000${row.kpi}\u0000${row.month}`;
const sameFigures = (a: ResultRow, b: ResultRow) =>
  a.value === b.value && a.target === b.target && a.baseline === b.baseline && a.adjust === b.adjust;

/**
 * The rule for the same result in several files of one import (the command line's `--results` files in the
 * order given, the files of one upload in the order read): inside one file a repeated key is rejected by the
 * reader (the first line wins: reading-rules.ts `duplicateReason`); across files the **later file wins**, as
 * uploading it afterwards would. Each row of a later file that replaces a row with other figures is listed
 * (`replaced`, to be shown to the user); rows that are the same in both files are only counted (`same`).
 * A row is compared with the row it replaces at that point (with three files, the third against the second).
 * `files`: each file's rows (within a file each key at most once, as the readers give them).
 */
export function laterFileWins(files: readonly (readonly ResultRow[])[]): CrossFileOutcome {
  const current = new Map<string, ResultRow>();
  const replaced: CrossFileReplacement[] = [];
  const same: CrossFileSame[] = [];
  for (const rows of files) {
    const sameCounts = new Map<string, number>();
    const inFile = new Set<string>();
    for (const row of [...rows].sort((a, b) => a.line - b.line)) {
      const key = keyOf(row);
      if (inFile.has(key)) continue; // the reader's rule: the first line of a file wins
      inFile.add(key);
      const earlier = current.get(key);
      current.set(key, row);
      if (!earlier) continue;
      if (sameFigures(earlier, row)) {
        sameCounts.set(earlier.source, (sameCounts.get(earlier.source) ?? 0) + 1);
      } else {
        replaced.push({
          file: row.source,
          line: row.line,
          earlierFile: earlier.source,
          earlierLine: earlier.line,
          unitId: row.unitId,
          kpi: row.kpi,
          month: row.month
        });
      }
    }
    const file = rows[0]?.source;
    for (const [earlierFile, count] of sameCounts) same.push({ file: file!, earlierFile, count });
  }
  return { rows: [...current.values()], replaced, same };
}

/**
 * What the command line (`en`) and the check step (`th`) say of a replacement; `unit`: the framework's unit word
 * (`district` / `อำเภอ`, `province` / `จังหวัด`).
 */
export function replacementText(r: CrossFileReplacement, language: 'en' | 'th', unit: string): string {
  return language === 'en'
    ? `${r.file}:${r.line}: replaces ${r.earlierFile}:${r.earlierLine} (same ${unit}, KPI and month; the later file wins)`
    : `${r.file} บรรทัด ${r.line} แทนที่ ${r.earlierFile} บรรทัด ${r.earlierLine} (${unit} ตัวชี้วัด และเดือนเดียวกัน — ใช้ค่าจากไฟล์ที่นำเข้าทีหลัง)`;
}

/** What is said of rows that are the same in a later and an earlier file (counted once). */
export function sameRowsText(s: CrossFileSame, language: 'en' | 'th', unit: string): string {
  return language === 'en'
    ? `${s.file}: ${s.count} row(s) the same as in ${s.earlierFile} (same ${unit}, KPI, month and figures; counted once)`
    : `${s.file}: ${s.count.toLocaleString('en-US')} แถวเหมือนกับใน ${s.earlierFile} ทุกค่า (${unit} ตัวชี้วัด และเดือนเดียวกัน — นับครั้งเดียว)`;
}
