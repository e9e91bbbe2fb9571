/**
 * The workspace's own statements (src/lib/scoring/workspace.ts): the unit master list, a framework's rows and
 * periods, results kept or dropped, transactions. Values go as bound parameters (`?`) or through `literal`.
 */
import { ident, literal } from './identifiers';

/** How many units are loaded (0 on a new database: the master list is loaded then). */
export const UNIT_COUNT_SQL = 'SELECT count(*)::INTEGER AS count FROM units';

/** Every table holding rows of one framework (its results aside: they stay when a framework is replaced). */
export const FRAMEWORK_TABLES = [
  'frameworks',
  'framework_units',
  'kpis',
  'bands',
  'ladder_bands',
  'band_ladders',
  'unit_targets',
  'periods',
  'period_months',
  'kpi_scores',
  'unit_totals'
] as const;

/** Deletes a framework's rows from every table of `FRAMEWORK_TABLES`: one round trip instead of ten. */
export function removeFrameworkSql(frameworkId: string): string {
  return FRAMEWORK_TABLES.map(
    (table) => `DELETE FROM ${table} WHERE framework_id = ${literal(frameworkId)}`
  ).join(';\n');
}

/** The stored periods of a framework (`?`), in the order they were added. */
export const PERIODS_SQL = 'SELECT period_id, ord FROM periods WHERE framework_id = ? ORDER BY ord';

/** The last month with any reported value, per framework (views open on it: issue 13.2). */
export const LATEST_MONTHS_SQL =
  'SELECT framework_id, max(month) AS month FROM results WHERE value IS NOT NULL GROUP BY framework_id';

/** Every stored result of one framework (the second `?`) copied under another id (the first `?`). */
export const COPY_RESULTS_SQL = `INSERT INTO results
  SELECT ? AS framework_id, unit_id, kpi, month, value, target, baseline, adjust, source, line
  FROM results WHERE framework_id = ?`;

/** Every stored result of a framework (`?`) goes. */
export const CLEAR_RESULTS_SQL = 'DELETE FROM results WHERE framework_id = ?';

/** How many rows are staged in `staged`, and how many results are stored for the frameworks they belong to. */
export function stagedAndStoredCountSql(staged: string): string {
  const table = ident(staged);
  return `SELECT (SELECT count(*) FROM ${table})::INTEGER AS staged,
  (SELECT count(*) FROM results WHERE framework_id IN (SELECT framework_id FROM ${table}))::INTEGER AS stored`;
}

/** Every staged row into `results` (a first upload: nothing stored to compare with). */
export function insertAllStagedSql(staged: string): string {
  return `INSERT INTO results SELECT * FROM ${ident(staged)}`;
}

export const BEGIN_SQL = 'BEGIN TRANSACTION';
export const COMMIT_SQL = 'COMMIT';
export const ROLLBACK_SQL = 'ROLLBACK';
