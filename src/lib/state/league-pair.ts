/** The league table on screen and the one of the period before it (the headline's change): league and report. */
import { previousPeriod } from '../domain/periods';
import type { LeagueTable } from '../scoring/league';

export interface LeaguePair {
  table: LeagueTable;
  /** Null when the period before cannot be read (its absence only hides the headline's change). */
  previous: LeagueTable | null;
}

export interface LeagueSource {
  leagueTable(frameworkId: string, periodId: string, group: string): Promise<LeagueTable>;
}

export async function leaguePair(
  source: LeagueSource,
  frameworkId: string,
  periodId: string,
  group: string
): Promise<LeaguePair> {
  const table = await source.leagueTable(frameworkId, periodId, group);
  const previous = await source
    .leagueTable(frameworkId, previousPeriod(table.period).id, group)
    .catch(() => null);
  return { table, previous };
}

/** The query key of a league pair: null while there is nothing to ask. */
export function leagueKey(
  ready: boolean,
  frameworkId: string | null,
  periodId: string | null,
  group: string,
  revision: number
): string | null {
  if (!ready || !frameworkId || !periodId || revision < 0) return null;
  return JSON.stringify([frameworkId, periodId, group, revision]);
}
