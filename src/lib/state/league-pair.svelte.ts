/**
 * The league table on screen and the one of the period before it (the headline's change): the league page
 * and the report. Two queries with one key: the table is drawn as soon as it is read; the period before
 * (which may need scoring the period before that) follows, and is used only once it is that table's own.
 */
import { previousPeriod } from '../domain/periods';
import type { LeagueTable } from '../scoring/league';
import { useQuery } from './query.svelte';
import type { Selection } from './selection';

export interface LeagueSession {
  readonly status: string;
  readonly revision: number;
  leagueTable(
    frameworkId: string,
    periodId: string,
    group: string,
    options?: { readAhead?: boolean }
  ): Promise<LeagueTable>;
}

/** Whether `previous` is the table of the period before `table` (same framework and group). */
function isPreviousOf(previous: LeagueTable, table: LeagueTable): boolean {
  return (
    previous.framework.id === table.framework.id &&
    previous.group === table.group &&
    previous.period.id === previousPeriod(table.period).id
  );
}

/** Call during component initialisation; `selection()` is read reactively. */
export function useLeaguePair(session: LeagueSession, selection: () => Selection) {
  const key = (): string | null => {
    const { framework, period, group, empty } = selection();
    if (session.status !== 'ready' || !framework || !period || empty || session.revision < 0) return null;
    return JSON.stringify([framework.id, period.id, group, session.revision]);
  };
  const asked = () => {
    const { framework, period, group } = selection();
    return { frameworkId: framework!.id, period: period!, group };
  };
  const table = useQuery(key, () => {
    const { frameworkId, period, group } = asked();
    return session.leagueTable(frameworkId, period.id, group);
  });
  // Its absence only hides the headline's change: a failure reads as "nothing to compare with".
  const previous = useQuery(key, () => {
    const { frameworkId, period, group } = asked();
    // Read beside the table on screen: the read-ahead stays centred on the period shown.
    return session
      .leagueTable(frameworkId, previousPeriod(period).id, group, { readAhead: false })
      .catch(() => null);
  });
  return {
    get table(): LeagueTable | null {
      return table.current;
    },
    /** The period before's table once it is in for the table on screen, else undefined (still loading). */
    get previous(): LeagueTable | null | undefined {
      const shown = table.current;
      if (!shown || previous.loading) return undefined;
      const before = previous.current;
      return before && isPreviousOf(before, shown) ? before : before === null ? null : undefined;
    },
    get error(): string | null {
      return table.loading ? null : table.error;
    },
    retry: () => table.retry()
  };
}
