/**
 * What the view parameters select, resolved against the loaded frameworks: unknown or missing values fall
 * back to sensible defaults (the first framework; the framework's own round/quarter/year; all groups).
 */
import { groupsOf, type Framework } from '../domain/framework';
import { parsePeriodId, periodsOfFramework, previousPeriod, type Period } from '../domain/periods';
import type { ViewParams } from './view-params';

export interface Selection {
  framework: Framework | null;
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

export function resolveSelection(frameworks: readonly Framework[], params: ViewParams): Selection {
  const framework = frameworks.find((fw) => fw.id === params.framework) ?? frameworks[0] ?? null;
  if (!framework) return { framework: null, periods: [], period: null, groups: [], group: '*' };
  const periods = periodsOfFramework(framework.fiscalYear, framework.period);
  const period = pickPeriod(periods, params.period);
  const groups = groupsOf(framework);
  const group = groups.includes(params.group) ? params.group : '*';
  return { framework, periods, period, groups, group };
}
