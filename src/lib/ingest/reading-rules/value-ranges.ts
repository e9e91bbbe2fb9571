/**
 * Value ranges and percentages (issue 11), a part of the reading rules (../reading-rules.ts): the valid range of
 * a KPI's value (`valueRangeProblem`, `rangeText`), the `%` notes on accepted values (`valueNote`,
 * `valueNoteWarning`), the bounds inside which the fast reader may read a value in SQL (`plainValueBounds`) and
 * which figures the scoring uses (`usesFigure`).
 */
import type { Kpi } from '../../domain/framework';
import { finiteOrNull } from '../../domain/numbers';
import { stripInvisible } from '../../domain/thai-text';
import { clipMessage, countText } from '../limits';
import type { NumberRole } from './header-names';
import { listLines, type Problem } from './problems';

const PERCENT_UNITS = new Set(['ร้อยละ', '%', 'เปอร์เซ็นต์', 'เปอร์เซ็นต', 'percent', 'percentage', 'pct']);

/** A unit label that says percent (`ร้อยละ`, `%`, `เปอร์เซ็นต์`, `percent`). */
export function isPercentUnit(label: string | null | undefined): boolean {
  return PERCENT_UNITS.has(stripInvisible(label ?? '').toLowerCase());
}

/**
 * Is the *reported value* itself a percentage? A KPI measured as the value itself (or ranked by it) whose unit
 * is a percentage. (A `pct_of_target` or `growth_pct` KPI reports amounts; its percentage is computed.)
 */
export function reportsPercent(kpi: Kpi): boolean {
  return (
    (kpi.measure === 'value' || kpi.measure === 'rank_desc' || kpi.measure === 'rank_asc') &&
    isPercentUnit(kpi.unitLabel)
  );
}

/** May a value of this KPI be written with a `%` sign (without a warning)? Its unit or its measure is a percentage. */
export function takesPercentSign(kpi: Kpi): boolean {
  return isPercentUnit(kpi.unitLabel) || kpi.measure === 'pct_of_target' || kpi.measure === 'growth_pct';
}

/** `0–5 ขั้นตอน`, `ร้อยละ 0–100`, `ตั้งแต่ 0 ครัวเรือน ขึ้นไป`, `ไม่เกิน 5 ขั้นตอน`: the KPI's valid range in words. */
export function rangeText(kpi: Kpi): string {
  const min = finiteOrNull(kpi.min);
  const max = finiteOrNull(kpi.max);
  const label = clipMessage(stripInvisible(kpi.unitLabel ?? ''), 60);
  const percent = isPercentUnit(label);
  const amount = (n: number) => (label === '' ? String(n) : percent ? `${label} ${n}` : `${n} ${label}`);
  if (min !== null && max !== null) {
    if (label === '') return `${min}–${max}`;
    return percent ? `${label} ${min}–${max}` : `${min}–${max} ${label}`;
  }
  if (min !== null) return `ตั้งแต่ ${amount(min)} ขึ้นไป`;
  if (max !== null) return `ไม่เกิน ${amount(max)}`;
  return '';
}

/** A reported value outside the KPI's `min`–`max` (either bound may be absent): the rejection, else null. */
export function valueRangeProblem(kpi: Kpi, value: number | null, column: string): Problem | null {
  if (value === null) return null;
  const min = finiteOrNull(kpi.min);
  const max = finiteOrNull(kpi.max);
  if ((min === null || value >= min) && (max === null || value <= max)) return null;
  return {
    column,
    reason: `ค่า ${String(value)} อยู่นอกช่วงที่รับได้ของตัวชี้วัด ${kpi.kpi} (${rangeText(kpi)})`
  };
}

/**
 * What is worth a warning about an accepted value: a `%` sign on a KPI that is not a percentage
 * (`percent-sign`), or a value above 100 on a KPI that reports a percentage and states no `max` (`over-100`:
 * some percentages may pass 100, so this warns rather than rejects; a stated `max` rejects instead).
 */
export type ValueNote = 'percent-sign' | 'over-100';

export function valueNote(kpi: Kpi, value: number | null, percent: boolean): ValueNote | null {
  if (value === null) return null;
  if (percent && !takesPercentSign(kpi)) return 'percent-sign';
  if (reportsPercent(kpi) && finiteOrNull(kpi.max) === null && value > 100) return 'over-100';
  return null;
}

/** The file-level warning for the rows of one KPI that got a `ValueNote`. */
export function valueNoteWarning(note: ValueNote, kpi: Kpi, lines: readonly number[]): string {
  const unit = stripInvisible(kpi.unitLabel ?? '');
  const where = `(บรรทัด ${listLines(lines)})`;
  if (note === 'percent-sign') {
    return (
      `${countText(lines.length)} แถวของตัวชี้วัด ${kpi.kpi} เขียนเครื่องหมาย % แต่ตัวชี้วัดนี้ไม่ได้วัดเป็นร้อยละ` +
      `${unit === '' ? '' : ` (หน่วย: ${clipMessage(unit, 60)})`} — อ่านเป็นตัวเลขตามที่เขียน (85% เป็น 85) ` +
      `ตรวจว่ากรอกถูกตัวชี้วัดและถูกหน่วย ${where}`
    );
  }
  return (
    `${countText(lines.length)} แถวของตัวชี้วัด ${kpi.kpi} มีค่าเกิน 100 แต่ตัวชี้วัดนี้วัดเป็นร้อยละ — ` +
    `ตรวจว่าไม่ได้กรอกจำนวนแทนร้อยละ ${where}`
  );
}

/**
 * The values of a KPI that need no word from the rules (inside its range, no `over-100` note): DuckDB reads a
 * line itself only when its value is within these bounds (null: no bound) and written without `%` — or with
 * it where `takesPercentSign`.
 */
export function plainValueBounds(kpi: Kpi): { low: number | null; high: number | null } {
  const max = finiteOrNull(kpi.max);
  const high = reportsPercent(kpi) && max === null ? 100 : max;
  return { low: finiteOrNull(kpi.min), high };
}

/** Does the scoring use this figure of the KPI? A target only for `pct_of_target`, a baseline only for `growth_pct`. */
export function usesFigure(kpi: Kpi, role: NumberRole): boolean {
  if (role === 'target') return kpi.measure === 'pct_of_target';
  if (role === 'baseline') return kpi.measure === 'growth_pct';
  return true;
}
