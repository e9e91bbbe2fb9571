/**
 * What the reading rules (../reading-rules.ts) say of a line and of a file: a `Problem` (the column, the Thai
 * reason, suggestions), lists in messages (`orList`, `listLines`), the duplicate key (`resultKey`,
 * `duplicateReason`), the rejection cap (`TooManyProblems`, `tooManyProblemsReason`, `refusedForProblems`) and
 * the column limit (`usedWidth`, `tooManyColumnsReason`).
 */
import type { Framework } from '../../domain/framework';
import type { ResultRow } from '../../domain/results';
import { MAX_COLUMNS, MAX_REJECTIONS, clipMessage, countText } from '../limits';
import type { UnitIssueKind, UnitSuggestion } from '../results-report';

export interface Problem {
  column: string | null;
  reason: string;
  suggestions?: string[];
  /** Set when the problem is the unit name itself. */
  unit?: { kind: UnitIssueKind; name: string; suggestions: UnitSuggestion[] };
}

/** `A`, `A หรือ B`, `A, B หรือ C`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} หรือ ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------
// Duplicates and the rejection cap

/** The key of a result: a file holds one row per unit, KPI and month. */
export function resultKey(row: Pick<ResultRow, 'unitId' | 'kpi' | 'month'>): string {
  return `${row.unitId}\u0000${row.kpi}\u0000${row.month}`;
}

/** Inside one file the first line of a key wins; a later line with it is rejected with this reason. */
export function duplicateReason(firstLine: number, unitWord: string, kpi: string): string {
  return `ซ้ำกับบรรทัด ${firstLine} (${unitWord} ตัวชี้วัด ${kpi} และเดือนเดียวกัน)`;
}

/** Thrown by the reader when a file has more than `MAX_REJECTIONS` problems: reading stops there. */
export class TooManyProblems extends Error {
  constructor(readonly line: number) {
    super('too many problems');
  }
}

/** The reason (line 1) of a file refused for having more than `MAX_REJECTIONS` problems. */
export function tooManyProblemsReason(line: number, framework: Framework): string {
  return (
    `หยุดอ่านที่บรรทัด ${countText(line)}: มีแถวที่ใช้ไม่ได้เกิน ${countText(MAX_REJECTIONS)} แถว ` +
    `จึงไม่นำเข้าไฟล์นี้เลย — ตรวจว่าเป็นไฟล์ผลการดำเนินงานของกรอบ "${clipMessage(framework.name, 200)}" ` +
    'และเลือกกรอบการประเมินถูกต้อง'
  );
}

/** Was this report refused whole for too many problems? (It then holds the reason and `MAX_REJECTIONS` more.) */
export function refusedForProblems(report: { rejected: readonly unknown[] }): boolean {
  return report.rejected.length > MAX_REJECTIONS;
}

/** The last non-blank cell's position + 1: Excel's trailing empty columns do not count. */
export function usedWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i].trim() !== '') return i + 1;
  return 0;
}

/** Why a table is refused for its width (`widest`: the widest `usedWidth` of its lines), or null. */
export function tooManyColumnsReason(widest: number): string | null {
  if (widest <= MAX_COLUMNS) return null;
  return (
    `ไฟล์มี ${countText(widest)} คอลัมน์ เกินที่อ่านได้ (${countText(MAX_COLUMNS)} คอลัมน์) — ไม่ได้อ่านไฟล์นี้ ` +
    'ตรวจว่าเป็นตารางผลการดำเนินงาน (อำเภอ ตัวชี้วัด เดือน ผลการดำเนินงาน) และบันทึกเฉพาะตารางนั้น'
  );
}

/** `3, 5, 9` — at most 10 line numbers, the rest counted. */
export function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return lines.length > 10 ? `${shown} และอีก ${lines.length - 10} บรรทัด` : shown;
}
