/**
 * What the view parameters select, resolved against the loaded frameworks: unknown or missing values fall
 * back to sensible defaults (the first framework; the framework's own round/quarter/year; all groups).
 */
import { groupsOf, type Framework } from '../domain/framework';
import { parsePeriodId, periodsOfFramework, type Period } from '../domain/periods';
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

export function resolveSelection(frameworks: readonly Framework[], params: ViewParams): Selection {
  const framework = frameworks.find((fw) => fw.id === params.framework) ?? frameworks[0] ?? null;
  if (!framework) return { framework: null, periods: [], period: null, groups: [], group: '*' };
  const periods = periodsOfFramework(framework.fiscalYear, framework.period);
  const asked = params.period ? parsePeriodId(params.period) : null;
  const period = periods.find((p) => p.id === asked?.id) ?? asked ?? periods.at(-1) ?? null;
  const groups = groupsOf(framework);
  const group = groups.includes(params.group) ? params.group : '*';
  return { framework, periods, period, groups, group };
}
