/**
 * Committing an uploaded file's results (issue 5): rows are staged in a temp table, compared with what is
 * stored for the same framework, unit, KPI and month, and only new and changed values are written, so that
 * re-uploading a file changes nothing (not even the source file and line of a value) and a corrected file
 * changes exactly the values that differ. Every statement takes the framework as `$1` where it needs it.
 */

import { ident } from './identifiers';

export const STAGED_RESULTS = 'results_staged';

/** An empty temp table shaped like `results`. */
export function createStagedResultsSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${STAGED_RESULTS} AS SELECT * FROM results LIMIT 0`;
}

export function dropStagedResultsSql(): string {
  return `DROP TABLE IF EXISTS ${STAGED_RESULTS}`;
}

const SAME_KEY = `r.framework_id = s.framework_id AND r.unit_id = s.unit_id AND r.kpi = s.kpi AND r.month = s.month`;

/** A stored value differs from a staged one in any of its figures (NULL = NULL here). */
const FIGURES_DIFFER = `(r.value IS DISTINCT FROM s.value OR r.target IS DISTINCT FROM s.target
    OR r.baseline IS DISTINCT FROM s.baseline OR r.adjust IS DISTINCT FROM s.adjust)`;

/** `added`, `changed`, `unchanged`: how the staged rows compare with the stored ones. */
export function stagedCountsSql(): string {
  return `SELECT
    count(*) FILTER (WHERE r.unit_id IS NULL)::INTEGER AS added,
    count(*) FILTER (WHERE r.unit_id IS NOT NULL AND ${FIGURES_DIFFER})::INTEGER AS changed,
    count(*) FILTER (WHERE r.unit_id IS NOT NULL AND NOT ${FIGURES_DIFFER})::INTEGER AS unchanged
  FROM ${STAGED_RESULTS} s LEFT JOIN results r ON ${SAME_KEY}`;
}

/** Every changed value, before and after, in Thai unit order; `$1` = at most this many rows. */
export function stagedChangesSql(): string {
  return `SELECT s.unit_id, coalesce(u.name, s.unit_id) AS unit, s.kpi, s.month,
      r.value AS before_value, s.value AS after_value, r.target AS before_target, s.target AS after_target,
      r.baseline AS before_baseline, s.baseline AS after_baseline, r.adjust AS before_adjust, s.adjust AS after_adjust,
      r.source AS before_source, r.line AS before_line, s.source AS after_source, s.line AS after_line
    FROM ${STAGED_RESULTS} s JOIN results r ON ${SAME_KEY}
    LEFT JOIN units u ON u.unit_id = s.unit_id
    WHERE ${FIGURES_DIFFER}
    ORDER BY s.month, u.sort_key, s.unit_id, s.kpi
    LIMIT $1`;
}

/** Keys of the staged rows that equal what is stored (they are left alone). */
export function stagedUnchangedKeysSql(): string {
  return `SELECT s.unit_id, s.kpi, s.month FROM ${STAGED_RESULTS} s JOIN results r ON ${SAME_KEY}
    WHERE NOT ${FIGURES_DIFFER}`;
}

/** Writes the staged rows that are new or changed: the changed stored rows go, then new and changed come in. */
export function applyStagedResultsSql(): string[] {
  return [
    `DELETE FROM results r USING ${STAGED_RESULTS} s WHERE ${SAME_KEY} AND ${FIGURES_DIFFER}`,
    `INSERT INTO results SELECT s.* FROM ${STAGED_RESULTS} s
      WHERE NOT EXISTS (SELECT 1 FROM results r WHERE ${SAME_KEY})`
  ];
}

/** Counts of stored results per framework and source file (the Data view's check against the uploads). */
export function resultsBySourceSql(): string {
  return `SELECT framework_id, source, count(*)::INTEGER AS values FROM results
    GROUP BY framework_id, source ORDER BY framework_id, source`;
}

/** The staged rows that are new or differ from the stored ones (what a commit writes), in line order. */
export function stagedWrittenSql(): string {
  return `SELECT s.* FROM ${STAGED_RESULTS} s LEFT JOIN results r ON ${SAME_KEY}
    WHERE r.unit_id IS NULL OR ${FIGURES_DIFFER}
    ORDER BY s.line, s.kpi, s.month`;
}

/** Fills the staged table from another table shaped like \`results\` (a file read and waiting for "นำเข้า"). */
export function stageFromTableSql(table: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${STAGED_RESULTS} AS SELECT * FROM ${ident(table)}`;
}

/** An empty temp table shaped like \`results\` for one file waiting for "นำเข้า". */
export function createPendingResultsSql(table: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT * FROM results LIMIT 0`;
}

export function dropPendingResultsSql(table: string): string {
  return `DROP TABLE IF EXISTS ${ident(table)}`;
}
