/**
 * The framework editor's preview (issue 14): a draft scored on results already stored — the source
 * framework's own (or its demo copy's) — over the source's period, beside the source's own league table of
 * that period: who moves when the rules change. The draft goes into the workspace under `preview:<id>` for the
 * time of one reading, with a copy of the results, and is taken out again; nothing is stored in the browser.
 */
import type { Framework } from '../domain/framework';
import { hasErrors } from '../domain/framework-validate';
import { periodsOfFramework, type Period } from '../domain/periods';
import type { LeagueRow } from './league';
import type { Workspace } from './workspace';

export const PREVIEW_PREFIX = 'preview:';

export interface PreviewRow {
  unit: string;
  /** Rank and weighted total % under the draft, and under the source's own rules. */
  rank: number;
  totalPct: number | null;
  sourceRank: number | null;
  sourcePct: number | null;
}

export interface FrameworkPreview {
  period: Period;
  /** True when the results are the source's demo data (it has no upload). */
  demo: boolean;
  rows: PreviewRow[];
}

/**
 * The draft's league table over the source's period on the results stored under `resultsId`, with the
 * source's own ranks; null when the draft has errors (it cannot be scored).
 */
export async function previewLeague(
  workspace: Workspace,
  draft: Framework,
  source: Framework,
  resultsId: string,
  demo = false
): Promise<FrameworkPreview | null> {
  const id = `${PREVIEW_PREFIX}${draft.id}`;
  const periods = periodsOfFramework(source.fiscalYear, source.period);
  const period = periods[periods.length - 1];
  // Last round's results under the draft's rules: the draft is scored over the source's months.
  const framework: Framework = { ...draft, id, fiscalYear: source.fiscalYear, period: source.period };
  const issues = await workspace.putFramework(framework);
  if (hasErrors(issues)) return null;
  try {
    await workspace.copyResults(resultsId, id);
    const [table, own] = await Promise.all([
      workspace.leagueTable(id, period.id, '*'),
      workspace.leagueTable(resultsId, period.id, '*').catch(() => null)
    ]);
    const before = new Map<string, LeagueRow>((own?.rows ?? []).map((row) => [row.unitId, row]));
    return {
      period,
      demo,
      rows: table.rows.map((row) => ({
        unit: row.unit,
        rank: row.rank,
        totalPct: row.totalPct,
        sourceRank: before.get(row.unitId)?.rank ?? null,
        sourcePct: before.get(row.unitId)?.totalPct ?? null
      }))
    };
  } finally {
    await workspace.removeFramework(id);
    await workspace.clearResults(id);
  }
}
