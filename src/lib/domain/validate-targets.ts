/**
 * A framework's per-unit checks (framework-validate.ts runs them): the targets' fields and duplicates, months
 * outside the framework's period (a target copied from another round is never used: issue 14), and unit
 * names in bands and targets that no unit has.
 */
import { FRAMEWORK_PERIODS, type Framework } from './framework';
import { isIsoMonth, monthLabel, periodsOfFramework } from './periods';
import { includes, name, show, text, unitKnown, type CheckContext, type ResolveUnit } from './validate-util';

/** The months a framework covers, or null when its year or period is not valid (reported elsewhere). */
function frameworkMonths(framework: Framework): readonly string[] | null {
  const { fiscalYear, period } = framework ?? ({} as Framework);
  if (
    typeof fiscalYear !== 'number' ||
    !Number.isInteger(fiscalYear) ||
    fiscalYear < 2400 ||
    fiscalYear > 2700
  )
    return null;
  if (period !== null && !includes(FRAMEWORK_PERIODS, period)) return null;
  return periodsOfFramework(fiscalYear, period).flatMap((p) => (p.grain === 'month' ? p.months : []));
}

export function checkTargets(ctx: CheckContext, byId: Map<string, number>): void {
  const keys = new Set<string>();
  const months = frameworkMonths(ctx.framework);
  for (const [index, target] of ctx.targets.entries()) {
    const where = ctx.targetWhere(index);
    const at = `ค่าเป้าหมายของตัวชี้วัด ${name(target.kpi)} หน่วยงาน ${name(target.unit)}`;
    if (!byId.has(target.kpi)) {
      ctx.error(where, `${at}: ไม่พบตัวชี้วัด ${name(target.kpi)} ในรายการตัวชี้วัด`);
    }
    if (!text(target.unit)) ctx.error(where, `ค่าเป้าหมายของตัวชี้วัด ${name(target.kpi)}: ไม่ได้ระบุหน่วยงาน (unit)`);
    if (target.month !== null && target.month !== undefined && !isIsoMonth(target.month)) {
      ctx.error(where, `${at}: เดือน (month) ${show(target.month)} ไม่ใช่รูปแบบ YYYY-MM`);
    } else if (target.month && months && months.length > 0 && !months.includes(target.month)) {
      ctx.warning(
        where,
        `${at}: เดือน ${monthLabel(target.month)} อยู่นอกช่วงของชุดเกณฑ์ (${monthLabel(months[0])} – ${monthLabel(months[months.length - 1])}) จึงไม่ถูกใช้คิดคะแนน`
      );
    }
    for (const field of ['target', 'baseline'] as const) {
      const value = target[field];
      if (value !== null && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
        ctx.error(where, `${at}: ${field} ต้องเป็นตัวเลข: ได้ ${show(value)}`);
      }
    }
    const key = `${target.kpi}\u0000${target.unit}\u0000${target.month ?? ''}`;
    if (keys.has(key)) {
      const month = target.month ? `เดือน ${target.month}` : 'ทุกเดือน';
      ctx.error(where, `${at} ${month}: ซ้ำกับแถวก่อนหน้า`);
    }
    keys.add(key);
  }
}

export function checkUnitNames(ctx: CheckContext, resolveUnit: ResolveUnit): void {
  const uses = new Map<string, { where: string; kpis: Set<string> }>();
  const note = (unit: unknown, kpi: string, where: string) => {
    if (typeof unit !== 'string' || unit === '') return;
    const use = uses.get(unit) ?? { where, kpis: new Set<string>() };
    use.kpis.add(kpi);
    uses.set(unit, use);
  };
  for (const [index, band] of ctx.bands.entries()) note(band.unit, band.kpi, ctx.bandWhere(index));
  for (const [index, target] of ctx.targets.entries()) note(target.unit, target.kpi, ctx.targetWhere(index));
  for (const [unit, { where, kpis }] of uses) {
    if (!unitKnown(resolveUnit, unit, ctx.framework)) {
      ctx.warning(
        where,
        `ไม่รู้จักหน่วยงาน "${unit}" (ใช้ในเกณฑ์หรือค่าเป้าหมายของตัวชี้วัด ${[...kpis].join(', ')}): ตรวจการสะกดชื่อ`
      );
    }
  }
}
