/**
 * Results' one way into a workspace (workspace.ts), over its `Db`: an upload's rows staged (the last one per
 * unit, KPI and month) or a table that holds them already, compared with what is stored (`diffStaged`), and
 * written all-or-nothing (`commitStaged` inside `inTransaction`): new and changed values only, equal ones
 * left alone. These run inside the workspace's queue of changes; the workspace invalidates scores after.
 */
import { resultColumns, type PackedResults, type ResultColumns, type ResultRow } from '../domain/results';
import type { Db } from '../db/types';
import {
  STAGED_RESULTS,
  applyStagedResultsSql,
  createStagedResultsSql,
  dropStagedResultsSql,
  stagedChangesSql,
  stagedCountsSql,
  stagedUnchangedKeysSql,
  stagedWrittenPackedSql,
  packedResultsOf
} from '../sql/results-import';
import { TABLE_COLUMNS, resultsValues } from '../sql/schema';
import {
  BEGIN_SQL,
  COMMIT_SQL,
  ROLLBACK_SQL,
  insertAllStagedSql,
  stagedAndStoredCountSql
} from '../sql/workspace';
import { RECEIVED_SEPARATOR, receivedSql } from '../sql/received';
import type { ReceivedRow } from './received';
import { DEFAULT_MAX_CHANGES, toResultChange, type CommitOptions, type ResultsDiff } from './results-diff';

/**
 * Results to diff or commit: an upload's rows (staged by the workspace; for the same unit, KPI and month the
 * later row counts), or a table shaped like `results` that holds them already (`STAGED_RESULTS` filled by
 * the fast reader, src/lib/ingest/fast-results.ts, is dropped after its commit; any other table stays).
 */
export type ResultsInput = readonly ResultRow[] | { readonly table: string };

function resultKey(unitId: string, kpi: string, month: string): string {
  return `${unitId}\u0000${kpi}\u0000${month}`;
}

/** Puts rows into the staged-results table (the last one per unit, KPI and month); a table stays as it is. */
export async function stageResults(
  db: Db,
  frameworkId: string,
  input: ResultsInput
): Promise<{ table: string; rows: ResultRow[] | null }> {
  if ('table' in input) return { table: input.table, rows: null };
  const latest = new Map<string, ResultRow>();
  for (const row of input as readonly ResultRow[]) latest.set(resultKey(row.unitId, row.kpi, row.month), row);
  const rows = [...latest.values()];
  await db.exec(createStagedResultsSql());
  await db.insertRows(
    STAGED_RESULTS,
    TABLE_COLUMNS.results,
    rows.map((row) => resultsValues(frameworkId, row))
  );
  return { table: STAGED_RESULTS, rows };
}

/** Nothing stored yet for the frameworks of the rows in `staged` (a first upload)? */
async function allNew(db: Db, staged: string): Promise<{ staged: number; allNew: boolean }> {
  const [counts] = await db.query<{ staged: number; stored: number }>(stagedAndStoredCountSql(staged));
  return { staged: counts.staged, allNew: counts.stored === 0 };
}

/** How the staged rows compare with what is stored, with at most `maxChanges` of the changed values. */
export async function diffStaged(db: Db, staged: string, maxChanges: number): Promise<ResultsDiff> {
  // Nothing stored yet for the staged frameworks (a first upload): every row is new, no join needed.
  const first = await allNew(db, staged);
  if (first.allNew) return { added: first.staged, changed: 0, unchanged: 0, changes: [] };
  const [counts] = await db.query<{ added: number; changed: number; unchanged: number }>(
    stagedCountsSql(staged)
  );
  const changes =
    counts.changed === 0 || maxChanges <= 0
      ? []
      : (await db.query(stagedChangesSql(staged), [Math.floor(maxChanges)])).map(toResultChange);
  return { added: counts.added, changed: counts.changed, unchanged: counts.unchanged, changes };
}

/**
 * Stages `input`, compares it with what is stored and writes what is new or changed, then hands the diff and
 * the written rows to `beforeCommit` (run it inside `inTransaction`, so that its error undoes everything).
 */
export async function commitStaged(
  db: Db,
  frameworkId: string,
  input: ResultsInput,
  options: CommitOptions
): Promise<ResultsDiff> {
  const { table, rows } = await stageResults(db, frameworkId, input);
  const diff = await diffStaged(db, table, options.maxChanges ?? DEFAULT_MAX_CHANGES);
  const writes = diff.added + diff.changed > 0;
  let written: ResultColumns | PackedResults = resultColumns([]);
  if (writes && options.beforeCommit) {
    written = rows ? resultColumns(await writtenRows(db, rows, diff)) : await writtenPacked(db, table);
  }
  if (writes) await applyStaged(db, table);
  if (table === STAGED_RESULTS) await db.exec(dropStagedResultsSql());
  await options.beforeCommit?.(diff, written);
  return diff;
}

/** The staged rows a commit writes, from the rows staged: all but those equal to what is stored. */
async function writtenRows(db: Db, rows: ResultRow[], diff: ResultsDiff): Promise<ResultRow[]> {
  if (diff.unchanged === 0) return rows;
  const same = await db.query<{ unit_id: string; kpi: string; month: string }>(stagedUnchangedKeysSql());
  const unchanged = new Set(same.map((row) => resultKey(row.unit_id, row.kpi, row.month)));
  return rows.filter((row) => !unchanged.has(resultKey(row.unitId, row.kpi, row.month)));
}

/** The staged rows a commit writes (new and changed), packed (one string), read back from DuckDB. */
async function writtenPacked(db: Db, staged: string): Promise<PackedResults> {
  const [plain] = await db.query(stagedWrittenPackedSql(false, staged));
  if (!plain.unsafe) return packedResultsOf(plain, false);
  const [escaped] = await db.query(stagedWrittenPackedSql(true, staged));
  return packedResultsOf(escaped, true);
}

/** Writes the staged rows that are new or changed (on a first upload: all of them, without joins). */
async function applyStaged(db: Db, staged: string): Promise<void> {
  if ((await allNew(db, staged)).allNew) await db.exec(insertAllStagedSql(staged));
  else for (const statement of applyStagedResultsSql(staged)) await db.exec(statement);
}

/** COMMIT when `work` returns, ROLLBACK (and the error rethrown) when it throws. */
export async function inTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await db.exec(BEGIN_SQL);
  try {
    const result = await work();
    await db.exec(COMMIT_SQL);
    return result;
  } catch (error) {
    try {
      await db.exec(ROLLBACK_SQL);
    } catch {
      // the transaction may already be gone; the original error is what matters
    }
    throw error;
  }
}

/** Per unit and month from `first` to `last`, the KPIs with a stored value and the files they came from. */
export async function readReceived(
  db: Db,
  frameworkId: string,
  first: string,
  last: string
): Promise<ReceivedRow[]> {
  const rows = await db.query<{ unit_id: string; month: string; kpis: unknown; sources: unknown }>(
    receivedSql(),
    [frameworkId, first, last]
  );
  const texts = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value.split(RECEIVED_SEPARATOR) : [];
  return rows.map((row) => ({
    unitId: row.unit_id,
    month: row.month,
    kpis: texts(row.kpis),
    sources: texts(row.sources)
  }));
}
