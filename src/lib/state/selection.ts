/**
 * What the view parameters select, resolved against the loaded frameworks: unknown or missing values fall
 * back to sensible defaults (the first framework; the framework's own round/quarter/year; all groups).
 */
import { groupsOf, type Framework } from '../domain/framework';
import {
  isIsoMonth,
  monthPeriod,
  parsePeriodId,
  periodsOfFramework,
  previousPeriod,
  type Grain,
  type Period
} from '../domain/periods';
import { showsDemo } from '../domain/demo';
import type { ViewParams } from './view-params';

/** Where a selection finds a framework's demo copy and whether it has real results (the session). */
export interface DemoSource {
  demoOf(id: string): Framework | undefined;
  hasRealResults(id: string): boolean;
  /** The last month (ISO) with a reported value of a framework (demo ids too); views open on it. */
  latestMonth?(id: string): string | null;
}

export interface Selection {
  /**
   * The framework whose results the view shows: the chosen one, or its demo copy (`demo:<id>`) in demo mode.
   * Queries use its id; what the user chose (the picker, the address, uploads) is `frameworkId`.
   */
  framework: Framework | null;
  /** The chosen framework's own id (never a demo id). */
  frameworkId: string | null;
  /** True when the view shows demo data (labelled ข้อมูลตัวอย่าง). */
  demo: boolean;
  /** True when the view shows real results and there are none yet: views say so instead of a table. */
  empty: boolean;
  /** Periods the framework covers: months, quarters, rounds, year. */
  periods: Period[];
  period: Period | null;
  groups: string[];
  /** `*` or one of `groups`. */
  group: string;
}

/**
 * The period a view shows for `periodId` (null: the month of `latestMonth`, the last month with results, or
 * without results the framework's last period, its whole round or year) and the one before it (for rank
 * movement): what the session scores first (issue 6).
 */
export function periodsOnScreen(
  framework: Framework,
  periodId: string | null,
  latestMonth: string | null = null
): string[] {
  const period = pickPeriod(
    periodsOfFramework(framework.fiscalYear, framework.period),
    periodId,
    latestMonth
  );
  return period ? [period.id, previousPeriod(period).id] : [];
}

/**
 * The asked period (one of the framework's, or any valid id); without one, the month of the latest results
 * when the framework covers it (issue 13.2: the meeting is about the month just reported, compared with the
 * month before); else the framework's last period.
 */
export function pickPeriod(
  periods: readonly Period[],
  periodId: string | null,
  latestMonth: string | null = null
): Period | null {
  const asked = periodId ? parsePeriodId(periodId) : null;
  if (asked) return periods.find((p) => p.id === asked.id) ?? asked;
  const latest = latestMonth && isIsoMonth(latestMonth) ? monthPeriod(latestMonth).id : null;
  return periods.find((p) => p.id === latest) ?? periods.at(-1) ?? null;
}

/**
 * `data` (the session) decides demo or real data of the chosen framework (src/lib/domain/demo.ts `showsDemo`);
 * without it every framework shows its own results.
 */
export function resolveSelection(
  frameworks: readonly Framework[],
  params: ViewParams,
  data: DemoSource | null = null
): Selection {
  const chosen = frameworks.find((fw) => fw.id === params.framework) ?? frameworks[0] ?? null;
  if (!chosen) {
    return {
      framework: null,
      frameworkId: null,
      demo: false,
      empty: false,
      periods: [],
      period: null,
      groups: [],
      group: '*'
    };
  }
  const demoCopy = data?.demoOf(chosen.id);
  const hasReal = data ? data.hasRealResults(chosen.id) : true;
  const demo = demoCopy !== undefined && showsDemo(true, hasReal, params.data);
  const framework = demo ? demoCopy : chosen;
  const periods = periodsOfFramework(framework.fiscalYear, framework.period);
  const period = pickPeriod(periods, params.period, data?.latestMonth?.(framework.id) ?? null);
  const groups = groupsOf(framework);
  const group = groups.includes(params.group) ? params.group : '*';
  return {
    framework,
    frameworkId: chosen.id,
    demo,
    empty: !demo && !hasReal,
    periods,
    period,
    groups,
    group
  };
}

/**
 * One click to another grain (issue 13.2): the framework's period of `grain` holding the last month of
 * `current` (the month: that last month itself), or null when the framework has no period of that grain there.
 */
export function periodOfGrain(periods: readonly Period[], current: Period, grain: Grain): Period | null {
  if (current.grain === grain) return current;
  const month = current.months.at(-1);
  if (!month) return null;
  const holding = periods.filter((p) => p.grain === grain && p.months.includes(month));
  return holding[0] ?? null;
}

/** The grains a framework's periods come in, in the order month, quarter, round, year. */
export function grainsOf(periods: readonly Period[]): Grain[] {
  return (['month', 'quarter', 'round', 'year'] as const).filter((grain) =>
    periods.some((p) => p.grain === grain)
  );
}
