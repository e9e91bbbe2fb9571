/**
 * The league table's sort (view parameter `s`): a column, `-column` for the other way. Columns: `rank`,
 * `movement`, `unit`, `total`, `totalPct`, `missing`, and `kpi.<id>` for a KPI column (by points, then the
 * measured value, the better one first, a KPI not reported last). Ties keep the league's rank order. Pure.
 */
import type { Framework } from '../domain/framework';
import type { KpiCell, LeagueRow } from './league';

export const LEAGUE_SORT_COLUMNS = ['rank', 'movement', 'unit', 'total', 'totalPct', 'missing'] as const;
export type LeagueSortColumn = (typeof LEAGUE_SORT_COLUMNS)[number] | `kpi.${string}`;

export interface LeagueSort {
  column: LeagueSortColumn;
  ascending: boolean;
}

const KPI_PREFIX = 'kpi.';

export const kpiSortColumn = (kpi: string): LeagueSortColumn => `${KPI_PREFIX}${kpi}`;

/** The sort a URL asks for; an unknown column (or a KPI not in view) is the league's own order. */
export function parseLeagueSort(sort: string | null, kpiIds: readonly string[]): LeagueSort {
  const ascending = !sort?.startsWith('-');
  const column = (sort ?? '').replace(/^-/, '');
  const known =
    (LEAGUE_SORT_COLUMNS as readonly string[]).includes(column) ||
    (column.startsWith(KPI_PREFIX) && kpiIds.includes(column.slice(KPI_PREFIX.length)));
  return known ? { column: column as LeagueSortColumn, ascending } : { column: 'rank', ascending: true };
}

/** Names and counts read A→Z and fewest first; scores, movement and KPIs best first. */
export function defaultAscending(column: LeagueSortColumn): boolean {
  return column === 'rank' || column === 'unit' || column === 'missing';
}

/** The `s` value after a click on `column`'s header: the other way if it is the sort now, else its own way. */
export function nextLeagueSort(current: LeagueSort, column: LeagueSortColumn): string | null {
  const ascending = current.column === column ? !current.ascending : defaultAscending(column);
  if (column === 'rank' && ascending) return null;
  return `${ascending ? '' : '-'}${column}`;
}

/** KPIs whose best band is an upper bound (`<=`, `<`: fewer households left, a lower rank): lower is better. */
export function lowerIsBetter(framework: Pick<Framework, 'bands'>): Set<string> {
  const best = new Map<string, { points: number; op: string }>();
  for (const band of framework.bands) {
    if (band.unit !== null) continue;
    const now = best.get(band.kpi);
    if (!now || band.points > now.points) best.set(band.kpi, { points: band.points, op: band.op });
  }
  return new Set([...best].filter(([, band]) => band.op === '<=' || band.op === '<').map(([kpi]) => kpi));
}

/** A KPI cell as a number that grows with how good it is: not reported < below every band < points. */
function kpiKey(cell: KpiCell | undefined, lower: boolean): [number, number] {
  if (!cell || cell.status === 'missing') return [-Infinity, -Infinity];
  const points = cell.status === 'below' ? -1 : (cell.points ?? -1);
  const measured = cell.measured ?? cell.value;
  return [points, measured === null ? -Infinity : lower ? -measured : measured];
}

const collator = new Intl.Collator('th');
const orNone = (value: number | null) => value ?? -Infinity;

/** Compares two rows on `column`, ascending (the worst first for scores). */
export function compareOn(
  column: LeagueSortColumn,
  lower: ReadonlySet<string>
): (a: LeagueRow, b: LeagueRow) => number {
  switch (column) {
    case 'rank':
      return (a, b) => a.rank - b.rank;
    case 'unit':
      return (a, b) => collator.compare(a.unit, b.unit);
    case 'total':
      return (a, b) => a.total - b.total;
    case 'totalPct':
      return (a, b) => orNone(a.totalPct) - orNone(b.totalPct);
    case 'missing':
      return (a, b) => a.missing - b.missing;
    case 'movement':
      return (a, b) => orNone(a.movement) - orNone(b.movement);
    default: {
      const kpi = column.slice(KPI_PREFIX.length);
      const isLower = lower.has(kpi);
      return (a, b) => {
        const [pa, va] = kpiKey(a.cells[kpi], isLower);
        const [pb, vb] = kpiKey(b.cells[kpi], isLower);
        if (pa !== pb) return pa < pb ? -1 : 1;
        if (va !== vb) return va < vb ? -1 : 1;
        return 0;
      };
    }
  }
}

/** The rows in the sort's order; rows equal on the column stay in rank order (either way). */
export function sortLeagueRows(
  rows: readonly LeagueRow[],
  sort: LeagueSort,
  lower: ReadonlySet<string>
): LeagueRow[] {
  if (sort.column === 'rank') return sort.ascending ? [...rows] : [...rows].reverse();
  const compare = compareOn(sort.column, lower);
  const sign = sort.ascending ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * compare(a, b) || a.rank - b.rank || collator.compare(a.unit, b.unit)
  );
}
