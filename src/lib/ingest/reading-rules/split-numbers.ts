/**
 * Numbers split at their thousands separators (`1,234` written without quotes), a part of the reading rules
 * (../reading-rules.ts): extra cells (`hasSplitThousands`, `splitIntoEmptyCells`, `splitCellsReason`), writers
 * that leave out empty cells (`leavesOutEmptyCells`), a line that fits the header but may hold a split number
 * (`splitNumberProblem`), and the fast reader's SQL twins (`SPLIT_LEAD_SQL`, `SPLIT_GROUP_SQL`).
 */
import type { Kpi } from '../../domain/framework';
import { thaiDigitsToAscii } from '../../domain/thai-text';
import { clipMessage } from '../limits';
import { NUMBER_ROLES, headerText, type NumberRole } from './header-names';
import type { NumberColumns } from './layout';
import type { Problem } from './problems';
import { usesFigure } from './value-ranges';

/** `1,234,500.5` written without quotes and split at its commas: `1` | `234` | `500.5`. */
const LEADING_GROUP = /^[-+(\u2212฿]?\s*\d{1,3}$/;
const FOLLOWING_GROUP = /^\d{3}(?:\.\d*)?\s*(?:%|\)|บาท)?$/;

/** May this cell (after `stripInvisible`) start a split number: 1–3 digits, a sign or `(` or `฿` before? */
export function leads(cell: string | undefined): boolean {
  return cell !== undefined && LEADING_GROUP.test(thaiDigitsToAscii(cell));
}
/** May this cell (after `stripInvisible`) be a later group of a split number: 3 digits, decimals, `%`…? */
export function follows(cell: string | undefined): boolean {
  return cell !== undefined && FOLLOWING_GROUP.test(thaiDigitsToAscii(cell));
}

/**
 * What DuckDB tests on a raw cell for `leads` / `follows` (`c`: the cell, `plain`: whether it matches
 * `PLAIN_NUMBER_SQL`, both SQL expressions). A plain cell has no character that `stripInvisible` changes, so
 * it is tested exactly (cheap string functions); any other cell more widely, by its digits (stripping only
 * removes or changes characters that are not digits): 1–3 of them (`SPLIT_LEAD_SQL`), or at least 3
 * (`SPLIT_GROUP_SQL`). Never narrower than the rules (reading-rules.test.ts).
 */
export const SPLIT_LEAD_SQL = (c: string, plain: string) =>
  `(CASE WHEN ${plain} THEN NOT contains(${c}, '.') AND length(ltrim(${c}, '-')) <= 3 ` +
  `ELSE length(regexp_replace(${c}, '[^0-9๐-๙]', '', 'g')) BETWEEN 1 AND 3 END)`;
export const SPLIT_GROUP_SQL = (c: string, plain: string) =>
  `(CASE WHEN ${plain} THEN NOT starts_with(${c}, '-') AND length(split_part(${c}, '.', 1)) = 3 ` +
  `ELSE length(regexp_replace(${c}, '[^0-9๐-๙]', '', 'g')) >= 3 END)`;

/**
 * Does a line with more cells than the header hold a number split at its thousands separators? Then the
 * cells after it are shifted and no column can be trusted.
 */
export function hasSplitThousands(cells: readonly string[]): boolean {
  for (let i = 0; i + 1 < cells.length; i++) {
    if ((leads(cells[i]) || follows(cells[i])) && follows(cells[i + 1])) return true;
  }
  return false;
}

/** The message of a line whose cells are shifted by a split number (more cells than the header). */
export function splitCellsReason(cells: number, width: number): string {
  return (
    `บรรทัดนี้มี ${cells} ช่อง มากกว่าหัวตาราง (${width} ช่อง) — น่าจะเป็นตัวเลขที่มีจุลภาคคั่นหลักพัน` +
    'แต่ไม่ได้ครอบด้วยเครื่องหมายคำพูด (") จึงถูกแยกเป็นหลายช่อง'
  );
}

/**
 * A line with more cells than the header whose extra cells are all empty (`…,732,113.47,,` under a header
 * `…,value,target,baseline`): the number split at its separator filled the empty target and baseline, so the
 * line *looks* complete. It is refused when a number column holds 1–3 digits followed by a 3-digit group.
 */
export function splitIntoEmptyCells(
  cells: readonly string[],
  width: number,
  figureColumns: readonly number[]
): boolean {
  if (cells.length <= width) return false;
  return figureColumns.some((i) => (leads(cells[i]) || follows(cells[i])) && follows(cells[i + 1]));
}

/**
 * Does the file's writer leave out the empty cells at the end of a line? Some record other than the last (a
 * file cut short ends in a short line) has fewer cells than the header. Then a number split at its thousands
 * separator need not show as an extra cell (`…,T1,2565-04,732,113.47` under `…,value,target,baseline`).
 * `records`: the data records under the header, as the CSV parser gives them (blank lines skipped).
 */
export function leavesOutEmptyCells(
  records: readonly { cells: readonly string[] }[],
  width: number
): boolean {
  for (let i = 0; i + 1 < records.length; i++) if (records[i].cells.length < width) return true;
  return false;
}

/**
 * A line that fits the header but may hold a number split at its thousands separator: a number column with
 * 1–3 digits, the next column a number column of the same KPI with a 3-digit group (`732` | `113.47`), and
 * either its writer leaves out empty cells at the end (this line, or `ragged`: the file, has fewer cells than
 * the header), so that a split does not show as an extra cell, or the KPI does not use that next figure (a
 * target on a KPI that is not `pct_of_target`, a baseline on one that is not `growth_pct`). Both readings are
 * possible — `732` and `113.47`, or `732,113.47` — so the line is refused with the reason, never read one way.
 */
export function splitNumberProblem(
  cells: readonly string[],
  width: number,
  columns: NumberColumns,
  kpi: Kpi | null,
  header: readonly string[],
  ragged = false
): Problem | null {
  const roleAt = new Map<number, NumberRole>();
  for (const role of NUMBER_ROLES) if (columns[role] !== undefined) roleAt.set(columns[role]!, role);
  for (const index of roleAt.keys()) {
    const nextRole = roleAt.get(index + 1);
    if (nextRole === undefined || !leads(cells[index]) || !follows(cells[index + 1])) continue;
    const short = cells.length < width;
    const unused = kpi !== null && !usesFigure(kpi, nextRole);
    if (!short && !ragged && !unused) continue;
    const lead = cells[index];
    const next = cells[index + 1];
    const column = headerText(header, index);
    const nextColumn = headerText(header, index + 1);
    const why = unused
      ? `ตัวชี้วัด ${kpi!.kpi} ไม่ใช้${ROLE_NAME[nextRole]}`
      : short
        ? `บรรทัดนี้มี ${cells.length} ช่อง น้อยกว่าหัวตาราง (${width} ช่อง)`
        : 'ไฟล์นี้ไม่ได้เขียนช่องว่างท้ายบรรทัด (บางบรรทัดมีช่องน้อยกว่าหัวตาราง) ช่องที่เกินจึงไม่ปรากฏ';
    const fix = unused
      ? `ถ้าเป็นสองค่า ให้ลบ${ROLE_NAME[nextRole]}ที่ไม่ได้ใช้ออก`
      : 'ถ้าเป็นสองค่า ให้เขียนช่องให้ครบทุกคอลัมน์ของหัวตาราง';
    return {
      column,
      reason: clipMessage(
        `"${lead}" (${column}) กับ "${next}" (${nextColumn}) อาจเป็นตัวเลขเดียว ${lead},${next} ` +
          `ที่มีจุลภาคคั่นหลักพันแต่ไม่ได้ครอบด้วยเครื่องหมายคำพูด (") — ${why} จึงอ่านแบบใดแบบหนึ่งไม่ได้: ` +
          `ถ้าเป็นตัวเลขเดียว ให้ครอบด้วยเครื่องหมายคำพูดหรือเขียนโดยไม่มีจุลภาค ${fix}`
      )
    };
  }
  return null;
}

/** A number role in words, after ไม่ใช้ / ให้ลบ. */
const ROLE_NAME: Readonly<Record<NumberRole, string>> = {
  value: 'ผลการดำเนินงาน',
  target: 'ค่าเป้าหมาย',
  baseline: 'ค่าฐาน',
  adjust: 'ค่าปรับคะแนน'
};
