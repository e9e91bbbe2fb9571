/**
 * Checks a framework (rule pack, DESIGN §3, §4, §9.2) before it is scored: structure (ids, parents,
 * composites), bands (values for each op, order, overlaps) and weights. Errors make a framework unusable;
 * warnings are shown but scoring goes on (seed 001's individual weights sum to 110: a warning).
 *
 * Pure and defensive: it never throws and never loops, whatever the framework holds (a parent cycle, NaN,
 * an op that is not in BAND_OPS because the data came from a file).
 */
import {
  FRAMEWORK_PERIODS,
  type Band,
  type Framework,
  type FrameworkIssue,
  type Kpi,
  type UnitTarget
} from './framework';
import type { Direction } from './bands';
import { IssueList } from './issue-list';
import { checkBandFields, checkKpiBands } from './validate-bands';
import { checkKpiFields, checkParents, checkWeights } from './validate-kpis';
import { checkTargets, checkUnitNames } from './validate-targets';
import {
  generalOrAll,
  groupBy,
  includes,
  isObject,
  listOf,
  parentChain,
  safeDirection,
  show,
  text,
  type CheckContext
} from './validate-util';

export { measuredRange } from './validate-util';

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

const TOO_MANY_NOTE = 'ไฟล์นี้อาจเสียหรือไม่ใช่ชุดเกณฑ์';

class Checker implements CheckContext {
  private readonly issues = new IssueList({ where: () => this.frameworkWhere() });
  readonly kpis: Kpi[];
  readonly bands: Band[];
  readonly targets: UnitTarget[];

  constructor(
    readonly framework: Framework,
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

  kpiWhere(index: number): string {
    return this.locations.kpis?.[index] ?? (text(this.kpis[index]?.kpi) || `kpis[${index}]`);
  }

  bandWhere(index: number): string {
    return this.locations.bands?.[index] ?? (text(this.bands[index]?.kpi) || `bands[${index}]`);
  }

  targetWhere(index: number): string {
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

    const byId = checkKpiFields(this);
    checkParents(this, byId);
    const usableByKpi = checkBandFields(this, byId);
    const bandsByKpi = groupBy(this.bands, (band) => band.kpi);
    for (const [index, kpi] of this.kpis.entries()) {
      if (byId.get(kpi.kpi) !== index) continue;
      checkKpiBands(this, kpi, index, bandsByKpi.get(kpi.kpi) ?? [], usableByKpi.get(kpi.kpi) ?? []);
    }
    checkTargets(this, byId);
    checkWeights(this);
    if (resolveUnit) checkUnitNames(this, resolveUnit);
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
}
