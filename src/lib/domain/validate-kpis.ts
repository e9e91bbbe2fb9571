/**
 * A framework's KPI checks (framework-validate.ts runs them): each KPI's fields and valid range, parents and
 * composites (no cycles), and the weights of the top-level KPIs.
 */
import { AGGREGATES, COMBINES, MEASURES, SCALES, type Kpi } from './framework';
import {
  EPSILON,
  findCycle,
  includes,
  isFiniteNumber,
  name,
  show,
  text,
  unknownValue,
  type CheckContext
} from './validate-util';

/** Field checks of each KPI; returns id → index of its first occurrence. */
export function checkKpiFields(ctx: CheckContext): Map<string, number> {
  const byId = new Map<string, number>();
  for (const [index, kpi] of ctx.kpis.entries()) {
    const where = ctx.kpiWhere(index);
    const id = text(kpi.kpi);
    if (!id) {
      ctx.error(where, `ตัวชี้วัดแถวที่ ${index + 1} ไม่มีรหัส (kpi)`);
      continue;
    }
    const at = `ตัวชี้วัด ${id}`;
    if (byId.has(kpi.kpi)) ctx.error(where, `รหัสตัวชี้วัด ${id} ซ้ำกัน`);
    else byId.set(kpi.kpi, index);
    if (!text(kpi.name)) ctx.error(where, `${at}: ไม่มีชื่อ (name)`);
    if (!includes(SCALES, kpi.scale)) ctx.error(where, `${at}: ${unknownValue('scale', kpi.scale, SCALES)}`);
    if (!includes(MEASURES, kpi.measure)) {
      ctx.error(where, `${at}: ${unknownValue('measure', kpi.measure, MEASURES)}`);
    }
    if (!includes(AGGREGATES, kpi.aggregate)) {
      ctx.error(where, `${at}: ${unknownValue('aggregate', kpi.aggregate, AGGREGATES)}`);
    }
    const combine = kpi.combine;
    if (combine !== null && combine !== undefined && !includes(COMBINES, combine)) {
      ctx.error(where, `${at}: ${unknownValue('combine', combine, COMBINES)}`);
    }
    const weight = kpi.weight;
    if (weight !== null && weight !== undefined) {
      if (typeof weight !== 'number' || !Number.isFinite(weight)) {
        ctx.error(where, `${at}: น้ำหนัก (weight) ต้องเป็นตัวเลข: ได้ ${show(weight)}`);
      } else if (weight < 0) ctx.error(where, `${at}: น้ำหนัก (weight) ติดลบไม่ได้: ${weight}`);
    }
    checkRange(ctx, kpi, where, at);
  }
  return byId;
}

/** Extension `min`/`max` (the valid range of a reported value): finite numbers, min ≤ max, not on a composite. */
export function checkRange(ctx: CheckContext, kpi: Kpi, where: string, at: string): void {
  let ok = true;
  for (const [field, word] of [
    ['min', 'ค่าต่ำสุด'],
    ['max', 'ค่าสูงสุด']
  ] as const) {
    const value = kpi[field];
    if (value === null || value === undefined || isFiniteNumber(value)) continue;
    ctx.error(where, `${at}: ${word}ที่รายงานได้ (${field}) ต้องเป็นตัวเลขหรือเว้นว่าง: ได้ ${show(value)}`);
    ok = false;
  }
  const { min, max } = kpi;
  if (!ok || !isFiniteNumber(min) || !isFiniteNumber(max)) {
    if (ok && kpi.measure === 'combine' && (isFiniteNumber(min) || isFiniteNumber(max))) {
      ctx.warning(where, `${at}: ตัวชี้วัดรวม (measure combine) ไม่มีค่าที่รายงานเอง จึงไม่ใช้ min/max`);
    }
    return;
  }
  if (min > max) {
    ctx.error(where, `${at}: ค่าต่ำสุด (min) ${min} มากกว่าค่าสูงสุด (max) ${max}`);
  } else if (kpi.measure === 'combine') {
    ctx.warning(where, `${at}: ตัวชี้วัดรวม (measure combine) ไม่มีค่าที่รายงานเอง จึงไม่ใช้ min/max`);
  }
}

/** Parents exist, are composites, hold no cycle; composites have children and a `combine`. */
export function checkParents(ctx: CheckContext, byId: Map<string, number>): void {
  const childCount = new Map<string, number>();
  const reportedCycles = new Set<string>();
  for (const [index, kpi] of ctx.kpis.entries()) {
    const id = text(kpi.kpi);
    const where = ctx.kpiWhere(index);
    const parentId = kpi.parent;
    if (parentId === null || parentId === undefined) continue;
    const parentIndex = byId.get(parentId);
    if (parentIndex === undefined) {
      ctx.error(where, `ตัวชี้วัด ${id}: ไม่พบตัวชี้วัดหลัก (parent) ${show(parentId)}`);
      continue;
    }
    childCount.set(parentId, (childCount.get(parentId) ?? 0) + 1);
    const parent = ctx.kpis[parentIndex];
    if (parent.measure !== 'combine') {
      const rank = parent.measure === 'rank_desc' || parent.measure === 'rank_asc';
      ctx.error(
        where,
        rank
          ? `ตัวชี้วัด ${id}: ตัวชี้วัดหลัก ${name(parentId)} วัดแบบอันดับ (${parent.measure}) ซึ่งใช้กับตัวชี้วัดรวมไม่ได้: ตัวชี้วัดรวมต้องใช้ measure combine`
          : `ตัวชี้วัด ${id}: ตัวชี้วัดหลัก ${name(parentId)} ไม่ใช่ตัวชี้วัดรวม (measure ต้องเป็น combine แต่เป็น ${show(parent.measure)})`
      );
    }
    const cycle = findCycle(kpi, ctx.kpis, byId);
    if (cycle) {
      const key = [...new Set(cycle)].sort().join('\u0000');
      if (!reportedCycles.has(key)) {
        reportedCycles.add(key);
        ctx.error(where, `ตัวชี้วัดอ้างถึงตัวชี้วัดหลัก (parent) กันเป็นวง: ${cycle.join(' → ')}`);
      }
    }
  }
  for (const [index, kpi] of ctx.kpis.entries()) {
    const id = text(kpi.kpi);
    if (!id || byId.get(kpi.kpi) !== index) continue;
    const where = ctx.kpiWhere(index);
    const composite = kpi.measure === 'combine';
    if (composite && !childCount.get(kpi.kpi)) {
      ctx.error(where, `ตัวชี้วัด ${id}: เป็นตัวชี้วัดรวม (measure combine) แต่ไม่มีตัวชี้วัดย่อยที่มี parent = ${id}`);
    }
    if (composite && (kpi.combine === null || kpi.combine === undefined)) {
      ctx.error(where, `ตัวชี้วัด ${id}: ตัวชี้วัดรวมต้องระบุวิธีรวม (combine): ${COMBINES.join(', ')}`);
    }
    if (!composite && kpi.combine !== null && kpi.combine !== undefined) {
      ctx.error(where, `ตัวชี้วัด ${id}: ระบุ combine ได้เฉพาะตัวชี้วัดรวม (measure combine)`);
    }
  }
}

export function checkWeights(ctx: CheckContext): void {
  const top: { kpi: Kpi; index: number }[] = [];
  for (const [index, kpi] of ctx.kpis.entries()) {
    const weighted = typeof kpi.weight === 'number' && Number.isFinite(kpi.weight);
    if (kpi.parent === null || kpi.parent === undefined) top.push({ kpi, index });
    else if (weighted) {
      ctx.warning(
        ctx.kpiWhere(index),
        `ตัวชี้วัด ${text(kpi.kpi)}: เป็นตัวชี้วัดย่อยของ ${name(kpi.parent)} จึงไม่ใช้น้ำหนัก (weight ${kpi.weight})`
      );
    }
  }
  if (top.length === 0) return;
  const weighted = top.filter(({ kpi }) => typeof kpi.weight === 'number' && Number.isFinite(kpi.weight));
  if (weighted.length === 0) {
    ctx.warning(ctx.kpiWhere(top[0].index), 'ไม่มีตัวชี้วัดใดกำหนดน้ำหนัก (weight): ทุกตัวชี้วัดหลักนับน้ำหนักเท่ากัน');
    return;
  }
  const unweighted = top.filter((entry) => !weighted.includes(entry));
  if (unweighted.length > 0) {
    ctx.warning(
      ctx.kpiWhere(unweighted[0].index),
      `ตัวชี้วัด ${unweighted.map(({ kpi }) => text(kpi.kpi)).join(', ')} ไม่มีน้ำหนัก (weight) ขณะที่ตัวชี้วัดหลักอื่นมีน้ำหนัก`
    );
  }
  const groups = new Map<string | null, { sum: number; first: number }>();
  for (const { kpi, index } of weighted) {
    const group = typeof kpi.group === 'string' && kpi.group !== '' ? kpi.group : null;
    const entry = groups.get(group) ?? { sum: 0, first: index };
    entry.sum += kpi.weight as number;
    groups.set(group, entry);
  }
  const total = [...groups.values()].reduce((sum, entry) => sum + entry.sum, 0);
  // Groups that share one 100 between them (team 60 + individual 40) are fine too.
  if (groups.size > 1 && Math.abs(total - 100) < EPSILON) return;
  for (const [group, { sum, first }] of groups) {
    if (Math.abs(sum - 100) < EPSILON) continue;
    const shown = Number(sum.toFixed(6));
    ctx.warning(
      ctx.kpiWhere(first),
      group === null
        ? `น้ำหนัก (weight) ของตัวชี้วัดหลักรวมกันได้ ${shown} ไม่ใช่ 100: คะแนนรวมถ่วงน้ำหนักยังคำนวณได้ (หารด้วยผลรวมน้ำหนัก)`
        : `น้ำหนัก (weight) ของกลุ่ม ${group} รวมกันได้ ${shown} ไม่ใช่ 100: คะแนนรวมถ่วงน้ำหนักยังคำนวณได้ (หารด้วยผลรวมน้ำหนัก)`
    );
  }
}
