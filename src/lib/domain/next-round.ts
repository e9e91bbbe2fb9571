/**
 * "Copy for the next round" (issue 14): a framework for the round, quarter or year after its own, with the
 * fiscal year and round moved in its id, name and texts, and what the user must look at named — above all
 * the month-specific targets, whose months no longer fall inside the new period (never moved by a guess:
 * the user drops them or moves them month by month, `dropTargetsOutside`, `shiftTargetMonths`). Pure.
 */
import type { Framework, FrameworkPeriod, UnitTarget } from './framework';
import { numbersIn, numberWord } from './band-labels';
import { periodsOfFramework } from './periods';

export interface Scope {
  fiscalYear: number;
  period: FrameworkPeriod | null;
}

/** The round, quarter or year after a framework's: R1 → R2, R2 → next year's R1, Q4 → next year's Q1. */
export function nextScope({ fiscalYear, period }: Scope): Scope {
  if (period === null) return { fiscalYear: fiscalYear + 1, period: null };
  const index = Number(period.slice(1));
  const last = period[0] === 'R' ? 2 : 4;
  if (index < last) return { fiscalYear, period: `${period[0]}${index + 1}` as FrameworkPeriod };
  return { fiscalYear: fiscalYear + 1, period: `${period[0]}1` as FrameworkPeriod };
}

/** The months of a scope, in order. */
export function scopeMonths({ fiscalYear, period }: Scope): string[] {
  return periodsOfFramework(fiscalYear, period).flatMap((p) => (p.grain === 'month' ? p.months : []));
}

/** Years in a text moved by `shift` (every BE year from 2400 to 2700 written as four digits, in its digits). */
function shiftYears(text: string, shift: number): { text: string; count: number } {
  if (shift === 0) return { text, count: 0 };
  let out = text;
  let count = 0;
  for (const number of numbersIn(text).reverse()) {
    const written = text.slice(number.start, number.end);
    if (written.length !== 4 || !Number.isInteger(number.value) || number.value < 2400 || number.value > 2700)
      continue;
    out = out.slice(0, number.start) + numberWord(number.value + shift, number.thai) + out.slice(number.end);
    count++;
  }
  return { text: out, count };
}

/** `รอบการประเมินที่ ๒` → `รอบการประเมินที่ ๑`, `ไตรมาสที่ 4` → `ไตรมาสที่ 1` (in the digits written). */
function moveRoundWords(text: string, from: Scope, to: Scope): string {
  if (from.period === null || to.period === null || from.period[0] !== to.period[0]) return text;
  const word = from.period[0] === 'R' ? 'รอบ(?:การประเมิน)?(?:ที่)?' : 'ไตรมาส(?:ที่)?';
  const pattern = new RegExp(`(${word}\\s*)([0-9\\u0E50-\\u0E59])(?![0-9\\u0E50-\\u0E59])`, 'g');
  const index = Number(to.period.slice(1));
  return text.replace(
    pattern,
    (_, lead: string, digit: string) => `${lead}${numberWord(index, /[\u0E50-\u0E59]/.test(digit))}`
  );
}

/** The id for the new scope: its year and round token replaced, or both added when the id names neither. */
function nextId(id: string, from: Scope, to: Scope): string {
  let out = id.replace(new RegExp(`(^|\\D)${from.fiscalYear}(?=\\D|$)`, 'g'), `$1${to.fiscalYear}`);
  if (from.period && to.period) {
    const token = new RegExp(`(^|[-_])${from.period}(?=$|[-_])`, 'gi');
    out = out.replace(token, (match, lead: string) => {
      const lower = match.slice(lead.length) === match.slice(lead.length).toLowerCase();
      return `${lead}${lower ? to.period!.toLowerCase() : to.period}`;
    });
  }
  return out === id ? `${id}-${to.fiscalYear}${to.period ? `-${to.period.toLowerCase()}` : ''}` : out;
}

export interface NextRoundCopy {
  framework: Framework;
  /** What was changed, in Thai, for the user to check. */
  changes: string[];
  /** Indices (in `framework.targets`) of the month-specific targets whose month is outside the new period. */
  outside: number[];
}

/** The framework copied for the round after its own (see the module comment). */
export function copyForNextRound(source: Framework): NextRoundCopy {
  const from: Scope = { fiscalYear: source.fiscalYear, period: source.period };
  const to = nextScope(from);
  const shift = to.fiscalYear - from.fiscalYear;
  let years = 0;
  const moveText = (text: string) => {
    const shifted = shiftYears(moveRoundWords(text, from, to), shift);
    years += shifted.count;
    return shifted.text;
  };
  const framework: Framework = {
    ...structuredClone(source),
    id: nextId(source.id, from, to),
    fiscalYear: to.fiscalYear,
    period: to.period
  };
  framework.name = moveText(source.name);
  framework.bands = framework.bands.map((band) => ({ ...band, label: moveText(band.label) }));
  const months = new Set(scopeMonths(to));
  const outside = framework.targets.flatMap((target, index) =>
    target.month !== null && !months.has(target.month) ? [index] : []
  );
  const scope = (s: Scope) => `${s.period ?? 'ทั้งปี'} ปีงบประมาณ ${s.fiscalYear}`;
  const changes = [
    `คัดลอกจาก ${source.id} (${scope(from)}) เป็น ${framework.id} (${scope(to)})`,
    ...(years > 0 ? [`เปลี่ยนปี พ.ศ. ในชื่อและคำอธิบายเกณฑ์ ${years} แห่งเป็นปีถัดไป: ตรวจดูว่าถูกต้อง`] : []),
    ...(outside.length > 0
      ? [`ค่าเป้าหมายรายเดือน ${outside.length} แถวเป็นเดือนของรอบเดิม ไม่อยู่ในรอบใหม่: ลบ หรือเลื่อนตามลำดับเดือน`]
      : []),
    ...(source.source ? [`ที่มา (หนังสือ) ยังเป็นของรอบเดิม: ${source.source}`] : [])
  ];
  return { framework, changes, outside };
}

/** The framework without its month-specific targets outside its period. */
export function dropTargetsOutside(framework: Framework): Framework {
  const months = new Set(scopeMonths(framework));
  return {
    ...framework,
    targets: framework.targets.filter((target) => target.month === null || months.has(target.month))
  };
}

/**
 * Month-specific targets of the scope `from` moved to the same position in the framework's own period (the
 * first month of the old round → the first of the new one); others are kept. Null when the two periods differ
 * in length (nothing to match month by month).
 */
export function shiftTargetMonths(framework: Framework, from: Scope): Framework | null {
  const old = scopeMonths(from);
  const now = scopeMonths(framework);
  if (old.length !== now.length) return null;
  const moved = (target: UnitTarget): UnitTarget => {
    const at = target.month === null ? -1 : old.indexOf(target.month);
    return at < 0 ? target : { ...target, month: now[at] };
  };
  return { ...framework, targets: framework.targets.map(moved) };
}
