/**
 * The framework (rule pack) model of DESIGN §3 and §9.2.
 *
 * A framework is data: KPIs, bands and (an extension of §9.2) per-unit targets. Scoring is done by SQL
 * over these rows (see src/lib/sql/scoring.ts); nothing here knows about DuckDB.
 */

export const SCALES = ['1-5', 'A-D', 'points'] as const;
export type Scale = (typeof SCALES)[number];

export const MEASURES = ['value', 'pct_of_target', 'growth_pct', 'rank_desc', 'rank_asc', 'combine'] as const;
export type Measure = (typeof MEASURES)[number];

export const AGGREGATES = ['last', 'sum', 'mean', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const COMBINES = ['sum', 'mean', 'min', 'count_top'] as const;
export type Combine = (typeof COMBINES)[number];

export const BAND_OPS = ['>=', '>', '<=', '<', 'between', 'any'] as const;
export type BandOp = (typeof BAND_OPS)[number];

/** Period a framework covers: a round, a quarter, or null for the whole fiscal year. */
export const FRAMEWORK_PERIODS = ['R1', 'R2', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export type FrameworkPeriod = (typeof FRAMEWORK_PERIODS)[number];

export interface Kpi {
  /** KPI id, unique within the framework (`1.1`, `M6a`). */
  kpi: string;
  /** Thai name as in the letter. */
  name: string;
  /** Group as the letter groups KPIs (`ทีม`, `รายบุคคล`, `ภารกิจ`); null when the framework has no groups. */
  group: string | null;
  /** Weight in percent; null for sub-items (and for frameworks without weights). */
  weight: number | null;
  scale: Scale;
  measure: Measure;
  aggregate: Aggregate;
  interpolate: boolean;
  /** The band level (its `level` label) that counts as meeting the target; null = the top level. */
  targetLevel: string | null;
  /** Composite this KPI is a sub-item of; null for a top-level KPI. */
  parent: string | null;
  /** How a composite combines its children's points; null unless measure is `combine`. */
  combine: Combine | null;
  /** Extension: unit of the measured value in Thai (`ร้อยละ`, `ครัวเรือน`, `บาท`), used in gap texts. */
  unitLabel?: string | null;
  /** Extension: how a district reports this KPI (e.g. milestone KPIs: the number of steps done). */
  howToReport?: string | null;
  /**
   * Extension (kpis.csv `short_name`, JSON `shortName`): a name short enough for a table header (≤ ~12
   * characters, `ครัวเรือนยากจน`); absent = derived from `name` (`kpiShortName`).
   */
  shortName?: string | null;
  /**
   * Extension (kpis.csv `min`, `max`): the valid range of a reported value, in the KPI's own unit (steps
   * 0–5, households ≥ 0, percent 0–100). A value outside it is rejected when read; null/absent = no bound.
   */
  min?: number | null;
  max?: number | null;
}

export interface Band {
  kpi: string;
  /** Level label shown to users and in the `<kpi>_level` column: `5`, `B`, `10`. */
  level: string;
  points: number;
  op: BandOp;
  value: number | null;
  value2: number | null;
  /** A unit name (district, or province in a national framework): this unit's own band for the level. */
  unit: string | null;
  /** Criterion text shown to users. */
  label: string;
}

/**
 * Extension of §9.2 (`targets.csv`: `kpi,unit,month,target,baseline`): a per-unit target or baseline,
 * for one month (`2565-04`, any month form of DESIGN §5) or every month (month empty). A result row's own
 * target/baseline wins over these.
 */
export interface UnitTarget {
  kpi: string;
  unit: string;
  /** ISO month (CE) `YYYY-MM`, or null for every month. */
  month: string | null;
  target: number | null;
  baseline: number | null;
}

export interface Framework {
  id: string;
  name: string;
  /**
   * Thai province name: the framework ranks that province's districts. `null` (empty in CSV) = a
   * national framework whose units are provinces; `*` = a national framework over all 878 districts.
   */
  province: string | null;
  /** Fiscal year in BE, e.g. 2567. */
  fiscalYear: number;
  period: FrameworkPeriod | null;
  kpis: Kpi[];
  bands: Band[];
  targets: UnitTarget[];
  /** Free notes: readings chosen where the letter is garbled, sources, how to report. */
  notes: string[];
  /** Extension: where the rules come from (e.g. `seed 001, หน้า 3`). */
  source?: string | null;
}

export type IssueSeverity = 'error' | 'warning';

/** A validation message; `where` names the file and line (or KPI) it is about. */
export interface FrameworkIssue {
  severity: IssueSeverity;
  /** e.g. `kpis.csv:4`, `levels.csv:12`, `framework.json`, or a KPI id. */
  where: string;
  message: string;
}

export function isTopLevel(kpi: Kpi): boolean {
  return kpi.parent === null;
}

export function topLevelKpis(framework: Framework): Kpi[] {
  return framework.kpis.filter(isTopLevel);
}

/**
 * The weight each KPI counts with in the weighted total (DESIGN §4.6): a top-level KPI's weight (0 when blank
 * beside weighted KPIs), or 1 each when no top-level KPI has a weight; null for a sub-item.
 */
export function totalWeight(framework: Pick<Framework, 'kpis'>): (kpi: Kpi) => number | null {
  const anyWeight = framework.kpis.some((kpi) => isTopLevel(kpi) && kpi.weight !== null);
  return (kpi) => (!isTopLevel(kpi) ? null : anyWeight ? (kpi.weight ?? 0) : 1);
}

export function bandsOf(framework: Framework, kpi: string): Band[] {
  return framework.bands.filter((band) => band.kpi === kpi);
}

/** Distinct groups of the top-level KPIs, in order of first appearance. */
export function groupsOf(framework: Framework): string[] {
  const groups: string[] = [];
  for (const kpi of topLevelKpis(framework)) {
    if (kpi.group !== null && !groups.includes(kpi.group)) groups.push(kpi.group);
  }
  return groups;
}
