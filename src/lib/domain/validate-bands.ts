/**
 * A framework's band checks (framework-validate.ts runs them): each band's fields, each KPI's ladder (a
 * target level that exists, A–D levels) and the levels no value can reach.
 */
import { kpiReachability, type Unreachable } from './bands';
import type { Band, Kpi } from './framework';
import {
  bandName,
  bandValueProblem,
  catchers,
  levelList,
  measuredRange,
  name,
  rangeText,
  show,
  text,
  type CheckContext,
  type IndexedBand
} from './validate-util';

/** Field checks of each band (values for its op, points, duplicates); returns the valid-KPI bands by KPI. */
export function checkBandFields(ctx: CheckContext, byId: Map<string, number>): Map<string, IndexedBand[]> {
  const bandsByKpi = new Map<string, IndexedBand[]>();
  const keys = new Set<string>();
  for (const [index, band] of ctx.bands.entries()) {
    const where = ctx.bandWhere(index);
    const at = bandName(band);
    if (!byId.has(band.kpi)) {
      ctx.error(where, `เกณฑ์ระดับ ${name(band.level)}: ไม่พบตัวชี้วัด ${name(band.kpi)} ในรายการตัวชี้วัด`);
      continue;
    }
    let usable = true;
    if (!text(band.level)) {
      ctx.error(where, `ตัวชี้วัด ${name(band.kpi)}: เกณฑ์ระดับไม่มีชื่อระดับ (level)`);
      usable = false;
    }
    if (typeof band.points !== 'number' || !Number.isFinite(band.points)) {
      ctx.error(where, `${at}: คะแนน (points) ต้องเป็นตัวเลข: ได้ ${show(band.points)}`);
      usable = false;
    }
    const valueProblem = bandValueProblem(band);
    if (valueProblem) {
      ctx.error(where, `${at}: ${valueProblem}`);
      usable = false;
    }
    const key = `${band.kpi}\u0000${band.level}\u0000${band.unit ?? ''}`;
    if (keys.has(key)) {
      ctx.error(where, `${at}: ซ้ำกับเกณฑ์ระดับเดียวกันที่มีอยู่แล้ว`);
      usable = false;
    }
    keys.add(key);
    if (!usable) continue;
    const list = bandsByKpi.get(band.kpi) ?? [];
    list.push({ band, index, points: band.points });
    bandsByKpi.set(band.kpi, list);
  }
  return bandsByKpi;
}

export function checkKpiBands(
  ctx: CheckContext,
  kpi: Kpi,
  index: number,
  all: Band[],
  usable: IndexedBand[]
): void {
  const id = kpi.kpi;
  const where = ctx.kpiWhere(index);
  if (all.length === 0) {
    ctx.error(where, `ตัวชี้วัด ${id}: ไม่มีเกณฑ์ระดับ (ไม่มีแถวของตัวชี้วัดนี้ใน levels.csv หรือ bands)`);
    return;
  }
  const levels = [...new Set(all.map((band) => band.level))];
  if (kpi.targetLevel !== null && kpi.targetLevel !== undefined && !levels.includes(kpi.targetLevel)) {
    ctx.error(
      where,
      `ตัวชี้วัด ${id}: ระดับเป้าหมาย (target_level) ${show(kpi.targetLevel)} ไม่มีในเกณฑ์ระดับ (มี ${levels.join(', ')})`
    );
  }
  if (kpi.scale === 'A-D') {
    const odd = levels.filter((level) => !['A', 'B', 'C', 'D'].includes(level));
    if (odd.length > 0) {
      ctx.warning(where, `ตัวชี้วัด ${id}: ใช้มาตรา A-D แต่มีระดับที่ไม่ใช่ A–D: ${odd.join(', ')}`);
    }
  }
  checkReachability(ctx, kpi, index, usable);
}

/**
 * DESIGN §9.2: bands are tried from the best level to the worst and the first that holds gives the level, so
 * overlapping, equal or unordered bands are legal: they are scored by that rule. What is worth telling is a
 * level that can never be reached (every value its band holds for is caught by a better band first), for
 * every unit or for a unit with bands of its own; and, when the KPI states a valid range (min/max), a level
 * whose values all lie outside it.
 */
export function checkReachability(ctx: CheckContext, kpi: Kpi, index: number, usable: IndexedBand[]): void {
  const id = kpi.kpi;
  const entries = usable.map((entry) => ({ ...entry.band, entry }));
  const range = measuredRange(kpi);
  const { ladders, unchecked } = kpiReachability(entries, range);
  const general = ladders.find((ladder) => ladder.unit === null);
  const levelsOf = (ladder: (typeof ladders)[number], why: Unreachable) =>
    ladder.bands.filter((_, i) => ladder.reach[i] === why);
  const key = (bands: readonly { level: string }[]) => bands.map((band) => band.level).join('\u0000');
  const generalShadowed = general ? key(levelsOf(general, 'shadowed')) : '';
  const generalOutside = general ? key(levelsOf(general, 'out_of_range')) : '';
  for (const ladder of ladders) {
    const shadowed = levelsOf(ladder, 'shadowed');
    const outside = levelsOf(ladder, 'out_of_range');
    const forUnit = ladder.unit === null ? '' : ` หน่วยงาน ${ladder.unit}`;
    // A unit whose ladder has the same unreachable levels as the general one adds nothing to its warning.
    if (shadowed.length > 0 && (ladder.unit === null || key(shadowed) !== generalShadowed)) {
      const catching = catchers(ladder.bands, shadowed);
      ctx.warning(
        ctx.bandWhere(shadowed[0].entry.index),
        `ตัวชี้วัด ${id}${forUnit}: ${levelList(shadowed)} ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของ${shadowed.length > 1 ? 'ระดับเหล่านี้' : 'ระดับนี้'}` +
          `ผ่านเกณฑ์ของ${levelList(catching)} ก่อน (ตรวจจากระดับที่ได้คะแนนมากที่สุดลงไป ระดับแรกที่ผ่านคือระดับที่ได้)`
      );
    }
    if (outside.length > 0 && range && (ladder.unit === null || key(outside) !== generalOutside)) {
      ctx.warning(
        ctx.bandWhere(outside[0].entry.index),
        `ตัวชี้วัด ${id}${forUnit}: ${levelList(outside)} ไม่มีทางได้ เพราะค่าที่รายงานได้อยู่ในช่วง ${rangeText(range)} ` +
          '(min/max ของตัวชี้วัด) ซึ่งไม่มีค่าใดผ่านเกณฑ์ของระดับนี้โดยไม่ผ่านเกณฑ์ของระดับที่ดีกว่าก่อน'
      );
    }
  }
  if (unchecked.length > 0) {
    ctx.warning(
      ctx.kpiWhere(index),
      `ตัวชี้วัด ${id}: มีเกณฑ์มากเกินไป จึงไม่ได้ตรวจว่าระดับใดไม่มีทางได้ของหน่วยงาน ${unchecked.length} หน่วย (เช่น ${unchecked.slice(0, 3).join(', ')})`
    );
  }
}
