/**
 * Who has sent what (issue 14.3): a unit × month grid of a period — received (every KPI that takes results has a
 * value), partly received (which KPIs are missing) or not received — with the files each came in and when
 * (the upload's date). Pure: the stored rows come from `Workspace.received` (src/lib/sql/received.ts), the
 * uploads from the session.
 */
import type { Framework } from '../domain/framework';
import type { Period } from '../domain/periods';
import { reportedKpis, templateUnits, type TemplateUnit } from '../ingest/reported';

export type ReceivedStatus = 'received' | 'partial' | 'none';

/** What `Workspace.received` reads: per unit and month, the KPIs with a value and the files they came from. */
export interface ReceivedRow {
  unitId: string;
  month: string;
  kpis: string[];
  sources: string[];
}

/** An upload as the grid needs it: its file name and when it came in (ms since 1970). */
export interface ReceivedUpload {
  frameworkId: string;
  file: string;
  at: number;
}

export interface ReceivedFile {
  name: string;
  /** When the latest upload of that name into the framework came in; null when none is listed. */
  at: number | null;
}

export interface ReceivedCell {
  month: string;
  status: ReceivedStatus;
  /** KPIs (ids) that take results and have none this month: all of them when nothing was received. */
  missing: string[];
  files: ReceivedFile[];
}

export interface ReceivedGridRow {
  unit: TemplateUnit;
  cells: ReceivedCell[];
}

export interface ReceivedGrid {
  months: string[];
  kpiCount: number;
  rows: ReceivedGridRow[];
  /** Cells per status over the whole grid. */
  counts: Record<ReceivedStatus, number>;
}

export function receivedGrid(
  framework: Framework,
  period: Period,
  stored: readonly ReceivedRow[],
  uploads: readonly ReceivedUpload[]
): ReceivedGrid {
  const kpis = reportedKpis(framework).map((kpi) => kpi.kpi);
  const byCell = new Map(stored.map((row) => [`${row.unitId}\u0000${row.month}`, row]));
  const latest = new Map<string, number>();
  for (const upload of uploads) {
    if (upload.frameworkId !== framework.id) continue;
    latest.set(upload.file, Math.max(latest.get(upload.file) ?? -Infinity, upload.at));
  }
  const counts: Record<ReceivedStatus, number> = { received: 0, partial: 0, none: 0 };
  const rows = templateUnits(framework).map((unit) => ({
    unit,
    cells: period.months.map((month): ReceivedCell => {
      const row = byCell.get(`${unit.id}\u0000${month}`);
      const have = new Set(row?.kpis ?? []);
      const missing = kpis.filter((kpi) => !have.has(kpi));
      const status: ReceivedStatus =
        have.size === 0 || missing.length === kpis.length
          ? 'none'
          : missing.length === 0
            ? 'received'
            : 'partial';
      counts[status]++;
      const files = (row?.sources ?? [])
        .map((name) => ({ name, at: latest.get(name) ?? null }))
        .sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || a.name.localeCompare(b.name));
      return { month, status, missing, files };
    })
  }));
  return { months: [...period.months], kpiCount: kpis.length, rows, counts };
}

/** Units with nothing at all in the period (every month not received). */
export function unitsNotReported(grid: ReceivedGrid): number {
  return grid.rows.filter((row) => row.cells.every((cell) => cell.status === 'none')).length;
}

/** What a view says its numbers are as of (issue 13.2): the last month of the period with any result, and who has not sent it. */
export interface DataAsOf {
  /** ISO month; null when nothing of the period has come in. */
  month: string | null;
  /** Units with nothing for that month (partly received units count as sent). */
  notReported: number;
  units: number;
}

export function dataAsOf(grid: ReceivedGrid): DataAsOf {
  const index = grid.months.findLastIndex((_, i) => grid.rows.some((row) => row.cells[i].status !== 'none'));
  return {
    month: index < 0 ? null : grid.months[index],
    notReported: index < 0 ? 0 : grid.rows.filter((row) => row.cells[index].status === 'none').length,
    units: grid.rows.length
  };
}
