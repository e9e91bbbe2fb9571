/**
 * The proposed upload path, timed on the baseline page in Chromium (the app's session does not use it yet):
 * the fast reader (src/lib/ingest/fast-results.ts) fills the staged-results table straight from the file,
 * the workspace compares and commits it, scores the period on screen (and the one before it, for movement)
 * and reads its league table; the other periods are scored after that (timed separately).
 */
import type { Framework } from '../../src/lib/domain/framework';
import { previousPeriod, type Period } from '../../src/lib/domain/periods';
import { readResultsFast } from '../../src/lib/ingest/fast-results';
import type { Workspace } from '../../src/lib/scoring/workspace';
import {
  STAGED_RESULTS,
  createStagedResultsSql,
  dropStagedResultsSql
} from '../../src/lib/sql/results-import';
import type { BenchDb } from './entry';

export async function fastPipelines({
  db,
  workspace,
  framework,
  bytes,
  periods
}: {
  db: BenchDb;
  workspace: Workspace;
  framework: Framework;
  bytes: Uint8Array;
  periods: Period[];
}): Promise<unknown> {
  const files = {
    async registerFile(name: string, data: Uint8Array) {
      await db.registerFile(name, data);
      return name;
    },
    async dropFile(name: string) {
      await db.dropFile(name);
    }
  };
  const runs: Record<string, number>[] = [];
  let phases: Record<string, number> = {};
  let path = '';
  for (let run = 0; run < 3; run++) {
    await workspace.clearResults(framework.id);
    const shown = periods[periods.length - 1];
    const started = performance.now();
    await db.exec(createStagedResultsSql());
    const report = await readResultsFast(
      db,
      files,
      { name: 'results.csv', bytes },
      { framework, table: STAGED_RESULTS }
    );
    const readAt = performance.now();
    await workspace.commit(framework.id, { table: STAGED_RESULTS });
    await db.exec(dropStagedResultsSql());
    const committedAt = performance.now();
    await workspace.ensure(framework.id, [shown.id, previousPeriod(shown).id]);
    const scoredAt = performance.now();
    const table = await workspace.leagueTable(framework.id, shown.id);
    const tableAt = performance.now();
    await workspace.scoreRemaining(framework.id);
    const restAt = performance.now();
    if (table.rows.length === 0) throw new Error('fast pipeline: empty league table');
    if (report.rowCount === 0) throw new Error(`fast pipeline read no rows: ${report.fallbackReason}`);
    phases = report.phases;
    path = `${report.path}${report.fallbackReason ? ` (${report.fallbackReason})` : ''}, ${report.fastRows} of ${report.rowCount} rows by DuckDB`;
    runs.push({
      readMs: Math.round(readAt - started),
      commitMs: Math.round(committedAt - readAt),
      scoreShownMs: Math.round(scoredAt - committedAt),
      leagueMs: Math.round(tableAt - scoredAt),
      fileToTableMs: Math.round(tableAt - started),
      scoreRemainingMs: Math.round(restAt - tableAt)
    });
  }
  const median = (key: string) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return {
    path,
    phases,
    runs,
    readMs: median('readMs'),
    commitMs: median('commitMs'),
    scoreShownMs: median('scoreShownMs'),
    leagueMs: median('leagueMs'),
    fileToTableMs: median('fileToTableMs'),
    scoreRemainingMs: median('scoreRemainingMs')
  };
}
