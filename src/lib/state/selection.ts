/**
 * What the view parameters select, resolved against the loaded frameworks: unknown or missing values fall
 * back to sensible defaults (the first framework; the framework's own round/quarter/year; all groups).
 */
import { groupsOf, type Framework } from '../domain/framework';
import { parsePeriodId, periodsOfFramework, previousPeriod, type Period } from '../domain/periods';
import { showsDemo } from '../domain/demo';
import type { ViewParams } from './view-params';

/** Where a selection finds a framework's demo copy and whether it has real results (the session). */
export interface DemoSource {
  demoOf(id: string): Framework | undefined;
  hasRealResults(id: string): boolean;
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
 * The period a view shows for `periodId` (unknown or null: the framework's last period, its whole round or
 * year) and the one before it (for rank movement): what the session scores first (issue 6).
 */
export function periodsOnScreen(framework: Framework, periodId: string | null): string[] {
  const period = pickPeriod(periodsOfFramework(framework.fiscalYear, framework.period), periodId);
  return period ? [period.id, previousPeriod(period).id] : [];
}

/** The asked period (one of the framework's, or any valid id), else the framework's last one. */
function pickPeriod(periods: Period[], periodId: string | null): Period | null {
  const asked = periodId ? parsePeriodId(periodId) : null;
  return periods.find((p) => p.id === asked?.id) ?? asked ?? periods.at(-1) ?? null;
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
  const period = pickPeriod(periods, params.period);
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
