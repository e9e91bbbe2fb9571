/**
 * Checks a framework (rule pack, DESIGN §3, §4, §9.2) before it is scored: structure (ids, parents,
 * composites), bands (values for each op, order, overlaps) and weights. Errors make a framework unusable;
 * warnings are shown but scoring goes on (seed 001's individual weights sum to 110: a warning).
 *
 * Pure and defensive: it never throws and never loops, whatever the framework holds (a parent cycle, NaN,
 * an op that is not in BAND_OPS because the data came from a file).
 */
import {
  bandDirection,
  bandInterval,
  intervalsMeet,
  kpiReachability,
  type Direction,
  type Unreachable,
  type ValueRange
} from './bands';
import {
  AGGREGATES,
  BAND_OPS,
  COMBINES,
  FRAMEWORK_PERIODS,
  MEASURES,
  SCALES,
  type Band,
  type Framework,
  type FrameworkIssue,
  type Kpi,
  type UnitTarget
} from './framework';
import { isIsoMonth } from './periods';
import { IssueList } from './issue-list';

/** More KPIs or bands than this is not a real framework but a hostile or broken file. */
export const MAX_KPIS = 500;
export const MAX_BANDS = 5_000;

/** The lowest and highest fiscal year (BE) a framework may name. */
export const MIN_FISCAL_YEAR_BE = 2400;
export const MAX_FISCAL_YEAR_BE = 2700;

/**
 * Where each part of a framework came from, so that issues can name `levels.csv:12` instead of a KPI id.
 * Arrays are index-aligned with `framework.kpis`, `.bands` and `.targets`; any entry may be missing.
 */
export interface FrameworkLocations {
  /** The framework's own fields: `framework.csv:2`, `rules.json`. */
  framework?: string;
  kpis?: readonly (string | undefined)[];
  bands?: readonly (string | undefined)[];
  targets?: readonly (string | undefined)[];
}

export interface ValidateOptions {
  /** Does a unit name (district, or province in a national framework) exist? Without it, unit names are not checked. */
  resolveUnit?: (name: string, framework: Framework) => boolean;
  locations?: FrameworkLocations;
}

/** Facts about one KPI derived from the framework's rows. */
export interface KpiFacts {
  /** +1 when a higher measured value is better, from the KPI's general bands (`bandDirection`). */
  direction: Direction;
  /** 0 for a top-level KPI, 1 for a sub-item, more for nested composites; stops at a missing parent or a cycle. */
  depth: number;
  /** Points of the best general band (of any band when the KPI has only per-unit bands); null without bands. */
  topPoints: number | null;
  /** Ids of the KPIs whose parent is this KPI, in framework order. */
  children: string[];
}

export function hasErrors(issues: readonly FrameworkIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Per KPI id (first KPI wins when ids repeat): direction, depth, top points and children. Safe on cycles. */
export function deriveKpiFacts(framework: Framework): Map<string, KpiFacts> {
  const kpis = listOf<Kpi>(framework?.kpis).filter(isObject);
  const bands = listOf<Band>(framework?.bands).filter(isObject);
  const byId = new Map<string, Kpi>();
  for (const kpi of kpis) if (!byId.has(kpi.kpi)) byId.set(kpi.kpi, kpi);
  const bandsByKpi = groupBy(bands, (band) => band.kpi);
  const children = new Map<string, string[]>();
  for (const kpi of kpis) {
    if (kpi.parent === null || kpi.parent === undefined) continue;
    const list = children.get(kpi.parent) ?? [];
    if (!list.includes(kpi.kpi)) list.push(kpi.kpi);
    children.set(kpi.parent, list);
  }
  const facts = new Map<string, KpiFacts>();
  for (const [id, kpi] of byId) {
    const own = bandsByKpi.get(id) ?? [];
    const scoring = generalOrAll(own);
    const points = scoring
      .map((band) => band.points)
      .filter((p) => typeof p === 'number' && Number.isFinite(p));
    facts.set(id, {
      direction: safeDirection(scoring),
      depth: parentChain(kpi, byId).length,
      topPoints: points.length > 0 ? Math.max(...points) : null,
      children: children.get(id) ?? []
    });
  }
  return facts;
}

/**
 * All problems of a framework, errors first (each group in the order found). Messages are Thai and name the
 * KPI id and level; `where` is the file and line when `options.locations` knows it, else the KPI id.
 */
export function validateFramework(framework: Framework, options: ValidateOptions = {}): FrameworkIssue[] {
  const check = new Checker(framework, options.locations ?? {});
  try {
    check.run(options.resolveUnit);
  } catch (error) {
    // Only reachable with values the types forbid (a getter that throws, a proxy); say so instead of crashing.
    check.error(check.frameworkWhere(), `ตรวจสอบชุดเกณฑ์ไม่สำเร็จ: ${String(error)}`);
  }
  return check.result();
}

interface IndexedBand {
  band: Band;
  /** Index in framework.bands, for its location. */
  index: number;
  points: number;
}

const TOO_MANY_NOTE = 'ไฟล์นี้อาจเสียหรือไม่ใช่ชุดเกณฑ์';
const EPSILON = 1e-9;

class Checker {
  private readonly issues = new IssueList({ where: () => this.frameworkWhere() });
  private readonly kpis: Kpi[];
  private readonly bands: Band[];
  private readonly targets: UnitTarget[];

  constructor(
    private readonly framework: Framework,
    private readonly locations: FrameworkLocations
  ) {
    // Non-objects become empty rows (reported as such), so indices still match `locations`.
    this.kpis = listOf<Kpi>(framework?.kpis).map((kpi) => (isObject(kpi) ? kpi : ({} as Kpi)));
    this.bands = listOf<Band>(framework?.bands).map((band) => (isObject(band) ? band : ({} as Band)));
    this.targets = listOf<UnitTarget>(framework?.targets).map((t) => (isObject(t) ? t : ({} as UnitTarget)));
  }

  result(): FrameworkIssue[] {
    return this.issues.list();
  }

  error(where: string, message: string): void {
    this.issues.error(where, message);
  }

  warning(where: string, message: string): void {
    this.issues.warning(where, message);
  }

  frameworkWhere(): string {
    return this.locations.framework ?? 'framework';
  }

  private kpiWhere(index: number): string {
    return this.locations.kpis?.[index] ?? (text(this.kpis[index]?.kpi) || `kpis[${index}]`);
  }

  private bandWhere(index: number): string {
    return this.locations.bands?.[index] ?? (text(this.bands[index]?.kpi) || `bands[${index}]`);
  }

  private targetWhere(index: number): string {
    return this.locations.targets?.[index] ?? (text(this.targets[index]?.kpi) || `targets[${index}]`);
  }

  run(resolveUnit: ValidateOptions['resolveUnit']): void {
    this.checkFrameworkFields();
    if (this.kpis.length > MAX_KPIS) {
      this.error(
        this.frameworkWhere(),
        `มีตัวชี้วัด ${this.kpis.length} ตัว เกินกว่าที่รับได้ (${MAX_KPIS}): ${TOO_MANY_NOTE}`
      );
    }
    if (this.bands.length > MAX_BANDS) {
      this.error(
        this.frameworkWhere(),
        `มีเกณฑ์ระดับ ${this.bands.length} แถว เกินกว่าที่รับได้ (${MAX_BANDS}): ${TOO_MANY_NOTE}`
      );
    }
    if (this.kpis.length > MAX_KPIS || this.bands.length > MAX_BANDS) return;

    const byId = this.checkKpiFields();
    this.checkParents(byId);
    const usableByKpi = this.checkBandFields(byId);
    const bandsByKpi = groupBy(this.bands, (band) => band.kpi);
    for (const [index, kpi] of this.kpis.entries()) {
      if (byId.get(kpi.kpi) !== index) continue;
      this.checkKpiBands(kpi, index, bandsByKpi.get(kpi.kpi) ?? [], usableByKpi.get(kpi.kpi) ?? []);
    }
    this.checkTargets(byId);
    this.checkWeights();
    if (resolveUnit) this.checkUnitNames(resolveUnit);
  }

  private checkFrameworkFields(): void {
    const fw = this.framework ?? ({} as Framework);
    const where = this.frameworkWhere();
    if (!text(fw.id)) this.error(where, 'ไม่มีรหัสชุดเกณฑ์ (id)');
    if (!text(fw.name)) this.error(where, 'ไม่มีชื่อชุดเกณฑ์ (name)');
    const year = fw.fiscalYear;
    if (typeof year !== 'number' || !Number.isInteger(year)) {
      this.error(where, `ปีงบประมาณ (fiscal_year) ต้องเป็นปี พ.ศ. เต็ม เช่น 2567: ได้ ${show(year)}`);
    } else if (year >= MIN_FISCAL_YEAR_BE - 543 && year < MIN_FISCAL_YEAR_BE) {
      this.error(where, `ปีงบประมาณ (fiscal_year) ${year} เป็นปี ค.ศ. ให้ใช้ปี พ.ศ. ${year + 543}`);
    } else if (year < MIN_FISCAL_YEAR_BE || year > MAX_FISCAL_YEAR_BE) {
      this.error(
        where,
        `ปีงบประมาณ (fiscal_year) ${year} อยู่นอกช่วง พ.ศ. ${MIN_FISCAL_YEAR_BE}–${MAX_FISCAL_YEAR_BE}`
      );
    }
    const period = fw.period;
    if (period !== null && period !== undefined && !includes(FRAMEWORK_PERIODS, period)) {
      this.error(
        where,
        `รอบหรือไตรมาส (period) ${show(period)} ใช้ไม่ได้: ใช้ ${FRAMEWORK_PERIODS.join(', ')} หรือเว้นว่าง (ทั้งปี)`
      );
    }
    if (fw.province !== null && fw.province !== undefined && typeof fw.province !== 'string') {
      this.error(where, `จังหวัด (province) ต้องเป็นข้อความ: ได้ ${show(fw.province)}`);
    }
  }

  /** Field checks of each KPI; returns id → index of its first occurrence. */
  private checkKpiFields(): Map<string, number> {
    const byId = new Map<string, number>();
    for (const [index, kpi] of this.kpis.entries()) {
      const where = this.kpiWhere(index);
      const id = text(kpi.kpi);
      if (!id) {
        this.error(where, `ตัวชี้วัดแถวที่ ${index + 1} ไม่มีรหัส (kpi)`);
        continue;
      }
      const at = `ตัวชี้วัด ${id}`;
      if (byId.has(kpi.kpi)) this.error(where, `รหัสตัวชี้วัด ${id} ซ้ำกัน`);
      else byId.set(kpi.kpi, index);
      if (!text(kpi.name)) this.error(where, `${at}: ไม่มีชื่อ (name)`);
      if (!includes(SCALES, kpi.scale))
        this.error(where, `${at}: ${unknownValue('scale', kpi.scale, SCALES)}`);
      if (!includes(MEASURES, kpi.measure)) {
        this.error(where, `${at}: ${unknownValue('measure', kpi.measure, MEASURES)}`);
      }
      if (!includes(AGGREGATES, kpi.aggregate)) {
        this.error(where, `${at}: ${unknownValue('aggregate', kpi.aggregate, AGGREGATES)}`);
      }
      const combine = kpi.combine;
      if (combine !== null && combine !== undefined && !includes(COMBINES, combine)) {
        this.error(where, `${at}: ${unknownValue('combine', combine, COMBINES)}`);
      }
      const weight = kpi.weight;
      if (weight !== null && weight !== undefined) {
        if (typeof weight !== 'number' || !Number.isFinite(weight)) {
          this.error(where, `${at}: น้ำหนัก (weight) ต้องเป็นตัวเลข: ได้ ${show(weight)}`);
        } else if (weight < 0) this.error(where, `${at}: น้ำหนัก (weight) ติดลบไม่ได้: ${weight}`);
      }
      this.checkRange(kpi, where, at);
    }
    return byId;
  }

  /** Extension `min`/`max` (the valid range of a reported value): finite numbers, min ≤ max, not on a composite. */
  private checkRange(kpi: Kpi, where: string, at: string): void {
    let ok = true;
    for (const [field, word] of [
      ['min', 'ค่าต่ำสุด'],
      ['max', 'ค่าสูงสุด']
    ] as const) {
      const value = kpi[field];
      if (value === null || value === undefined || isFiniteNumber(value)) continue;
      this.error(where, `${at}: ${word}ที่รายงานได้ (${field}) ต้องเป็นตัวเลขหรือเว้นว่าง: ได้ ${show(value)}`);
      ok = false;
    }
    const { min, max } = kpi;
    if (!ok || !isFiniteNumber(min) || !isFiniteNumber(max)) {
      if (ok && kpi.measure === 'combine' && (isFiniteNumber(min) || isFiniteNumber(max))) {
        this.warning(where, `${at}: ตัวชี้วัดรวม (measure combine) ไม่มีค่าที่รายงานเอง จึงไม่ใช้ min/max`);
      }
      return;
    }
    if (min > max) {
      this.error(where, `${at}: ค่าต่ำสุด (min) ${min} มากกว่าค่าสูงสุด (max) ${max}`);
    } else if (kpi.measure === 'combine') {
      this.warning(where, `${at}: ตัวชี้วัดรวม (measure combine) ไม่มีค่าที่รายงานเอง จึงไม่ใช้ min/max`);
    }
  }

  /** Parents exist, are composites, hold no cycle; composites have children and a `combine`. */
  private checkParents(byId: Map<string, number>): void {
    const childCount = new Map<string, number>();
    const reportedCycles = new Set<string>();
    for (const [index, kpi] of this.kpis.entries()) {
      const id = text(kpi.kpi);
      const where = this.kpiWhere(index);
      const parentId = kpi.parent;
      if (parentId === null || parentId === undefined) continue;
      const parentIndex = byId.get(parentId);
      if (parentIndex === undefined) {
        this.error(where, `ตัวชี้วัด ${id}: ไม่พบตัวชี้วัดหลัก (parent) ${show(parentId)}`);
        continue;
      }
      childCount.set(parentId, (childCount.get(parentId) ?? 0) + 1);
      const parent = this.kpis[parentIndex];
      if (parent.measure !== 'combine') {
        const rank = parent.measure === 'rank_desc' || parent.measure === 'rank_asc';
        this.error(
          where,
          rank
            ? `ตัวชี้วัด ${id}: ตัวชี้วัดหลัก ${name(parentId)} วัดแบบอันดับ (${parent.measure}) ซึ่งใช้กับตัวชี้วัดรวมไม่ได้: ตัวชี้วัดรวมต้องใช้ measure combine`
            : `ตัวชี้วัด ${id}: ตัวชี้วัดหลัก ${name(parentId)} ไม่ใช่ตัวชี้วัดรวม (measure ต้องเป็น combine แต่เป็น ${show(parent.measure)})`
        );
      }
      const cycle = findCycle(kpi, this.kpis, byId);
      if (cycle) {
        const key = [...new Set(cycle)].sort().join('\u0000');
        if (!reportedCycles.has(key)) {
          reportedCycles.add(key);
          this.error(where, `ตัวชี้วัดอ้างถึงตัวชี้วัดหลัก (parent) กันเป็นวง: ${cycle.join(' → ')}`);
        }
      }
    }
    for (const [index, kpi] of this.kpis.entries()) {
      const id = text(kpi.kpi);
      if (!id || byId.get(kpi.kpi) !== index) continue;
      const where = this.kpiWhere(index);
      const composite = kpi.measure === 'combine';
      if (composite && !childCount.get(kpi.kpi)) {
        this.error(where, `ตัวชี้วัด ${id}: เป็นตัวชี้วัดรวม (measure combine) แต่ไม่มีตัวชี้วัดย่อยที่มี parent = ${id}`);
      }
      if (composite && (kpi.combine === null || kpi.combine === undefined)) {
        this.error(where, `ตัวชี้วัด ${id}: ตัวชี้วัดรวมต้องระบุวิธีรวม (combine): ${COMBINES.join(', ')}`);
      }
      if (!composite && kpi.combine !== null && kpi.combine !== undefined) {
        this.error(where, `ตัวชี้วัด ${id}: ระบุ combine ได้เฉพาะตัวชี้วัดรวม (measure combine)`);
      }
    }
  }

  /** Field checks of each band (values for its op, points, duplicates); returns the valid-KPI bands by KPI. */
  private checkBandFields(byId: Map<string, number>): Map<string, IndexedBand[]> {
    const bandsByKpi = new Map<string, IndexedBand[]>();
    const keys = new Set<string>();
    for (const [index, band] of this.bands.entries()) {
      const where = this.bandWhere(index);
      const at = bandName(band);
      if (!byId.has(band.kpi)) {
        this.error(where, `เกณฑ์ระดับ ${name(band.level)}: ไม่พบตัวชี้วัด ${name(band.kpi)} ในรายการตัวชี้วัด`);
        continue;
      }
      let usable = true;
      if (!text(band.level)) {
        this.error(where, `ตัวชี้วัด ${name(band.kpi)}: เกณฑ์ระดับไม่มีชื่อระดับ (level)`);
        usable = false;
      }
      if (typeof band.points !== 'number' || !Number.isFinite(band.points)) {
        this.error(where, `${at}: คะแนน (points) ต้องเป็นตัวเลข: ได้ ${show(band.points)}`);
        usable = false;
      }
      const valueProblem = bandValueProblem(band);
      if (valueProblem) {
        this.error(where, `${at}: ${valueProblem}`);
        usable = false;
      }
      const key = `${band.kpi}\u0000${band.level}\u0000${band.unit ?? ''}`;
      if (keys.has(key)) {
        this.error(where, `${at}: ซ้ำกับเกณฑ์ระดับเดียวกันที่มีอยู่แล้ว`);
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

  private checkKpiBands(kpi: Kpi, index: number, all: Band[], usable: IndexedBand[]): void {
    const id = kpi.kpi;
    const where = this.kpiWhere(index);
    if (all.length === 0) {
      this.error(where, `ตัวชี้วัด ${id}: ไม่มีเกณฑ์ระดับ (ไม่มีแถวของตัวชี้วัดนี้ใน levels.csv หรือ bands)`);
      return;
    }
    const levels = [...new Set(all.map((band) => band.level))];
    if (kpi.targetLevel !== null && kpi.targetLevel !== undefined && !levels.includes(kpi.targetLevel)) {
      this.error(
        where,
        `ตัวชี้วัด ${id}: ระดับเป้าหมาย (target_level) ${show(kpi.targetLevel)} ไม่มีในเกณฑ์ระดับ (มี ${levels.join(', ')})`
      );
    }
    if (kpi.scale === 'A-D') {
      const odd = levels.filter((level) => !['A', 'B', 'C', 'D'].includes(level));
      if (odd.length > 0) {
        this.warning(where, `ตัวชี้วัด ${id}: ใช้มาตรา A-D แต่มีระดับที่ไม่ใช่ A–D: ${odd.join(', ')}`);
      }
    }
    this.checkReachability(kpi, index, usable);
  }

  /**
   * DESIGN §9.2: bands are tried from the best level to the worst and the first that holds gives the level, so
   * overlapping, equal or unordered bands are legal: they are scored by that rule. What is worth telling is a
   * level that can never be reached (every value its band holds for is caught by a better band first), for
   * every unit or for a unit with bands of its own; and, when the KPI states a valid range (min/max), a level
   * whose values all lie outside it.
   */
  private checkReachability(kpi: Kpi, index: number, usable: IndexedBand[]): void {
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
        this.warning(
          this.bandWhere(shadowed[0].entry.index),
          `ตัวชี้วัด ${id}${forUnit}: ${levelList(shadowed)} ไม่มีทางได้ เพราะทุกค่าที่ผ่านเกณฑ์ของ${shadowed.length > 1 ? 'ระดับเหล่านี้' : 'ระดับนี้'}` +
            `ผ่านเกณฑ์ของ${levelList(catching)} ก่อน (ตรวจจากระดับที่ได้คะแนนมากที่สุดลงไป ระดับแรกที่ผ่านคือระดับที่ได้)`
        );
      }
      if (outside.length > 0 && range && (ladder.unit === null || key(outside) !== generalOutside)) {
        this.warning(
          this.bandWhere(outside[0].entry.index),
          `ตัวชี้วัด ${id}${forUnit}: ${levelList(outside)} ไม่มีทางได้ เพราะค่าที่รายงานได้อยู่ในช่วง ${rangeText(range)} ` +
            '(min/max ของตัวชี้วัด) ซึ่งไม่มีค่าใดผ่านเกณฑ์ของระดับนี้โดยไม่ผ่านเกณฑ์ของระดับที่ดีกว่าก่อน'
        );
      }
    }
    if (unchecked.length > 0) {
      this.warning(
        this.kpiWhere(index),
        `ตัวชี้วัด ${id}: มีเกณฑ์มากเกินไป จึงไม่ได้ตรวจว่าระดับใดไม่มีทางได้ของหน่วยงาน ${unchecked.length} หน่วย (เช่น ${unchecked.slice(0, 3).join(', ')})`
      );
    }
  }

  private checkTargets(byId: Map<string, number>): void {
    const keys = new Set<string>();
    for (const [index, target] of this.targets.entries()) {
      const where = this.targetWhere(index);
      const at = `ค่าเป้าหมายของตัวชี้วัด ${name(target.kpi)} หน่วยงาน ${name(target.unit)}`;
      if (!byId.has(target.kpi)) {
        this.error(where, `${at}: ไม่พบตัวชี้วัด ${name(target.kpi)} ในรายการตัวชี้วัด`);
      }
      if (!text(target.unit))
        this.error(where, `ค่าเป้าหมายของตัวชี้วัด ${name(target.kpi)}: ไม่ได้ระบุหน่วยงาน (unit)`);
      if (target.month !== null && target.month !== undefined && !isIsoMonth(target.month)) {
        this.error(where, `${at}: เดือน (month) ${show(target.month)} ไม่ใช่รูปแบบ YYYY-MM`);
      }
      for (const field of ['target', 'baseline'] as const) {
        const value = target[field];
        if (value !== null && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
          this.error(where, `${at}: ${field} ต้องเป็นตัวเลข: ได้ ${show(value)}`);
        }
      }
      const key = `${target.kpi}\u0000${target.unit}\u0000${target.month ?? ''}`;
      if (keys.has(key)) {
        const month = target.month ? `เดือน ${target.month}` : 'ทุกเดือน';
        this.error(where, `${at} ${month}: ซ้ำกับแถวก่อนหน้า`);
      }
      keys.add(key);
    }
  }

  private checkWeights(): void {
    const top: { kpi: Kpi; index: number }[] = [];
    for (const [index, kpi] of this.kpis.entries()) {
      const weighted = typeof kpi.weight === 'number' && Number.isFinite(kpi.weight);
      if (kpi.parent === null || kpi.parent === undefined) top.push({ kpi, index });
      else if (weighted) {
        this.warning(
          this.kpiWhere(index),
          `ตัวชี้วัด ${text(kpi.kpi)}: เป็นตัวชี้วัดย่อยของ ${name(kpi.parent)} จึงไม่ใช้น้ำหนัก (weight ${kpi.weight})`
        );
      }
    }
    if (top.length === 0) return;
    const weighted = top.filter(({ kpi }) => typeof kpi.weight === 'number' && Number.isFinite(kpi.weight));
    if (weighted.length === 0) {
      this.warning(this.kpiWhere(top[0].index), 'ไม่มีตัวชี้วัดใดกำหนดน้ำหนัก (weight): ทุกตัวชี้วัดหลักนับน้ำหนักเท่ากัน');
      return;
    }
    const unweighted = top.filter((entry) => !weighted.includes(entry));
    if (unweighted.length > 0) {
      this.warning(
        this.kpiWhere(unweighted[0].index),
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
      this.warning(
        this.kpiWhere(first),
        group === null
          ? `น้ำหนัก (weight) ของตัวชี้วัดหลักรวมกันได้ ${shown} ไม่ใช่ 100: คะแนนรวมถ่วงน้ำหนักยังคำนวณได้ (หารด้วยผลรวมน้ำหนัก)`
          : `น้ำหนัก (weight) ของกลุ่ม ${group} รวมกันได้ ${shown} ไม่ใช่ 100: คะแนนรวมถ่วงน้ำหนักยังคำนวณได้ (หารด้วยผลรวมน้ำหนัก)`
      );
    }
  }

  private checkUnitNames(resolveUnit: NonNullable<ValidateOptions['resolveUnit']>): void {
    const uses = new Map<string, { where: string; kpis: Set<string> }>();
    const note = (unit: unknown, kpi: string, where: string) => {
      if (typeof unit !== 'string' || unit === '') return;
      const use = uses.get(unit) ?? { where, kpis: new Set<string>() };
      use.kpis.add(kpi);
      uses.set(unit, use);
    };
    for (const [index, band] of this.bands.entries()) note(band.unit, band.kpi, this.bandWhere(index));
    for (const [index, target] of this.targets.entries())
      note(target.unit, target.kpi, this.targetWhere(index));
    for (const [unit, { where, kpis }] of uses) {
      if (!unitKnown(resolveUnit, unit, this.framework)) {
        this.warning(
          where,
          `ไม่รู้จักหน่วยงาน "${unit}" (ใช้ในเกณฑ์หรือค่าเป้าหมายของตัวชี้วัด ${[...kpis].join(', ')}): ตรวจการสะกดชื่อ`
        );
      }
    }
  }
}

/** A throwing callback counts as "unknown unit". */
function unitKnown(
  resolveUnit: NonNullable<ValidateOptions['resolveUnit']>,
  unit: string,
  fw: Framework
): boolean {
  try {
    return resolveUnit(unit, fw) === true;
  } catch {
    return false;
  }
}

/** What is wrong with a band's value(s) for its op, or null. */
function bandValueProblem(band: Band): string | null {
  const op = band.op;
  if (!includes(BAND_OPS, op)) return unknownValue('op', op, BAND_OPS);
  if (op === 'any') return null;
  if (!isFiniteNumber(band.value)) {
    return `เกณฑ์ ${op} ต้องมีค่า (value) เป็นตัวเลข: ได้ ${show(band.value)}`;
  }
  if (op !== 'between') return null;
  if (!isFiniteNumber(band.value2)) {
    return `เกณฑ์ between ต้องมีค่าปลายช่วง (value2) เป็นตัวเลข: ได้ ${show(band.value2)}`;
  }
  if (band.value > band.value2) {
    return `เกณฑ์ between ต้องมี value ไม่เกิน value2: ได้ ${band.value} ถึง ${band.value2}`;
  }
  return null;
}

/** The parents of a KPI, nearest first; stops at a missing parent (counted) or when a KPI repeats. */
function parentChain(kpi: Kpi, byId: Map<string, Kpi>): string[] {
  const chain: string[] = [];
  const visited = new Set<string>([kpi.kpi]);
  let parentId = kpi.parent;
  while (parentId !== null && parentId !== undefined) {
    chain.push(parentId);
    if (visited.has(parentId)) break;
    visited.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    parentId = parent.parent;
  }
  return chain;
}

/** The cycle through `kpi`'s parents (`A → B → A`), or null when its chain ends. */
function findCycle(kpi: Kpi, kpis: Kpi[], byId: Map<string, number>): string[] | null {
  const path: string[] = [kpi.kpi];
  const position = new Map<string, number>([[kpi.kpi, 0]]);
  let current: Kpi | undefined = kpi;
  while (current && current.parent !== null && current.parent !== undefined) {
    const next: string = current.parent;
    const seenAt = position.get(next);
    if (seenAt !== undefined) return [...path.slice(seenAt), next];
    position.set(next, path.length);
    path.push(next);
    const index = byId.get(next);
    current = index === undefined ? undefined : kpis[index];
  }
  return null;
}

function generalOrAll(bands: readonly Band[]): Band[] {
  const general = bands.filter((band) => band.unit === null || band.unit === undefined);
  return general.length > 0 ? general : [...bands];
}

function safeDirection(bands: readonly Band[]): Direction {
  const sane = bands.filter((band) => typeof band.points === 'number' && Number.isFinite(band.points));
  return bandDirection(sane);
}

function bandName(band: Band): string {
  const unit = band.unit === null || band.unit === undefined ? '' : ` หน่วยงาน ${name(band.unit)}`;
  return `ตัวชี้วัด ${name(band.kpi)} ระดับ ${name(band.level)}${unit}`;
}

/** An id, level or unit name in a message: as written when it is non-empty text, else as `show` puts it. */
function name(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value : show(value);
}

/** `ระดับ 4, 3, 2, 1` or `ระดับ 5`. */
function levelList(bands: readonly Pick<Band, 'level'>[]): string {
  return `ระดับ ${[...new Set(bands.map((band) => name(band.level)))].join(', ')}`;
}

/** The reachable bands tried before the shadowed ones that hold for some of their values: what catches them. */
function catchers<T extends Pick<Band, 'op' | 'value' | 'value2' | 'level'>>(
  ladder: readonly T[],
  shadowed: readonly T[]
): T[] {
  const found: T[] = [];
  for (const band of ladder) {
    if (shadowed.includes(band)) continue;
    const interval = bandInterval(band);
    const catches = shadowed.some(
      (other) => ladder.indexOf(other) > ladder.indexOf(band) && intervalsMeet(interval, bandInterval(other))
    );
    if (catches) found.push(band);
  }
  return found;
}

/**
 * The valid range of the measured value, when the KPI states one and the measured value is a reported value
 * (`value` measured as the last, mean or highest month: a sum of months or a percentage is not bounded by it).
 */
export function measuredRange(kpi: Pick<Kpi, 'measure' | 'aggregate' | 'min' | 'max'>): ValueRange | null {
  if (kpi.measure !== 'value' || !['last', 'mean', 'max'].includes(kpi.aggregate)) return null;
  const min = isFiniteNumber(kpi.min) ? kpi.min : null;
  const max = isFiniteNumber(kpi.max) ? kpi.max : null;
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) return null;
  return { min, max };
}

function rangeText({ min, max }: ValueRange): string {
  if (min !== null && max !== null) return `${min}–${max}`;
  return min !== null ? `ไม่น้อยกว่า ${min}` : `ไม่เกิน ${max}`;
}

function unknownValue(field: string, value: unknown, allowed: readonly string[]): string {
  if (value === null || value === undefined || value === '')
    return `ไม่ได้ระบุ ${field} (ใช้ได้: ${allowed.join(', ')})`;
  return `ไม่รู้จัก ${field} ${show(value)} (ใช้ได้: ${allowed.join(', ')})`;
}

function includes<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isObject<T>(value: T): boolean {
  return typeof value === 'object' && value !== null;
}

function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A value as it appears in a message: strings quoted, others as JSON would write them. */
function show(value: unknown): string {
  if (value === undefined) return '(ไม่มี)';
  if (value === null) return '(ว่าง)';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  if (typeof value === 'number') return String(value);
  try {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    return String(value);
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}
