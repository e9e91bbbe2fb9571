/**
 * Committing an uploaded file's results (issue 5): rows are staged in a temp table, compared with what is
 * stored for the same framework, unit, KPI and month, and only new and changed values are written, so that
 * re-uploading a file changes nothing (not even the source file and line of a value) and a corrected file
 * changes exactly the values that differ. Every statement takes the framework as `$1` where it needs it.
 */

import { columnsInLineOrder, type PackedResults, type ResultColumns } from '../domain/results';
import { holdsSeparatorSql, packedRowsSql, unpackRowsByColumn, type PackedKind } from './packed';
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
export function stagedCountsSql(staged = STAGED_RESULTS): string {
  return `SELECT
    count(*) FILTER (WHERE r.unit_id IS NULL)::INTEGER AS added,
    count(*) FILTER (WHERE r.unit_id IS NOT NULL AND ${FIGURES_DIFFER})::INTEGER AS changed,
    count(*) FILTER (WHERE r.unit_id IS NOT NULL AND NOT ${FIGURES_DIFFER})::INTEGER AS unchanged
  FROM ${ident(staged)} s LEFT JOIN results r ON ${SAME_KEY}`;
}

/** Every changed value, before and after, in Thai unit order; `$1` = at most this many rows. */
export function stagedChangesSql(staged = STAGED_RESULTS): string {
  return `SELECT s.unit_id, coalesce(u.name, s.unit_id) AS unit, s.kpi, s.month,
      r.value AS before_value, s.value AS after_value, r.target AS before_target, s.target AS after_target,
      r.baseline AS before_baseline, s.baseline AS after_baseline, r.adjust AS before_adjust, s.adjust AS after_adjust,
      r.source AS before_source, r.line AS before_line, s.source AS after_source, s.line AS after_line
    FROM ${ident(staged)} s JOIN results r ON ${SAME_KEY}
    LEFT JOIN units u ON u.unit_id = s.unit_id
    WHERE ${FIGURES_DIFFER}
    ORDER BY s.month, u.sort_key, s.unit_id, s.kpi
    LIMIT $1`;
}

/** Keys of the staged rows that equal what is stored (they are left alone). */
export function stagedUnchangedKeysSql(staged = STAGED_RESULTS): string {
  return `SELECT s.unit_id, s.kpi, s.month FROM ${ident(staged)} s JOIN results r ON ${SAME_KEY}
    WHERE NOT ${FIGURES_DIFFER}`;
}

/** Writes the staged rows that are new or changed: the changed stored rows go, then new and changed come in. */
export function applyStagedResultsSql(staged = STAGED_RESULTS): string[] {
  return [
    `DELETE FROM results r USING ${ident(staged)} s WHERE ${SAME_KEY} AND ${FIGURES_DIFFER}`,
    `INSERT INTO results SELECT s.* FROM ${ident(staged)} s
      WHERE NOT EXISTS (SELECT 1 FROM results r WHERE ${SAME_KEY})`
  ];
}

/** The rows of a staged table as `resultRowOf` (src/lib/sql/schema.ts) reads them. */
export function stagedRowsSql(staged = STAGED_RESULTS): string {
  return `SELECT unit_id, kpi, month, value, target, baseline, adjust, source, line FROM ${ident(staged)}`;
}

/** Counts of stored results per framework and source file (the Data view's check against the uploads). */
export function resultsBySourceSql(): string {
  return `SELECT framework_id, source, count(*)::INTEGER AS values FROM results
    GROUP BY framework_id, source ORDER BY framework_id, source`;
}

/** The fields of `ResultColumns` (src/lib/domain/results.ts) as columns of `results`, with their kind. */
const RESULT_FIELDS = [
  ['unitId', 'unit_id', 'text'],
  ['kpi', 'kpi', 'text'],
  ['month', 'month', 'text'],
  ['value', 'value', 'number'],
  ['target', 'target', 'number'],
  ['baseline', 'baseline', 'number'],
  ['adjust', 'adjust', 'number'],
  ['line', 'line', 'number']
] as const satisfies readonly (readonly [keyof ResultColumns, string, PackedKind])[];

/**
 * What a commit writes (the staged rows that are new or differ from the stored ones) as one row: `count`,
 * `unsafe` (a text holds the separator: ask again with `escape`) and `packed` (src/lib/sql/packed.ts).
 * 263 000 rows cross to JS as one string instead of ~1.3 s of row objects (issue 6): `packedResultsOf`.
 */
export function stagedWrittenPackedSql(escape: boolean, staged = STAGED_RESULTS): string {
  const fields = RESULT_FIELDS.map(([, column, kind]) => ({ sql: `s.${column}`, kind }));
  const texts = RESULT_FIELDS.filter(([, , kind]) => kind === 'text').map(([, column]) => `s.${column}`);
  return `SELECT count(*)::INTEGER AS count, ${holdsSeparatorSql(texts)} AS unsafe,
      ${packedRowsSql(fields, escape)} AS packed
    FROM ${ident(staged)} s LEFT JOIN results r ON ${SAME_KEY}
    WHERE r.unit_id IS NULL OR ${FIGURES_DIFFER}`;
}

/** The row of `stagedWrittenPackedSql(escape)`, kept as it is. */
export function packedResultsOf(row: Record<string, unknown>, escape: boolean): PackedResults {
  const count = Number(row.count);
  return {
    packing: 'results-us-v1',
    count,
    escaped: escape,
    text: count === 0 ? '' : String(row.packed)
  };
}

/** The rows of `packed` as `ResultColumns`, in line order. */
export function unpackResults(packed: PackedResults): ResultColumns {
  if (packed.packing !== 'results-us-v1') throw new Error(`unknown packing ${String(packed.packing)}`);
  const columns = unpackRowsByColumn(
    packed.count === 0 ? null : packed.text,
    packed.count,
    RESULT_FIELDS.map(([, , kind]) => kind),
    packed.escaped
  );
  const out = {} as Record<keyof ResultColumns, unknown[]>;
  RESULT_FIELDS.forEach(([name], j) => (out[name] = columns[j]));
  return columnsInLineOrder(out as unknown as ResultColumns);
}

/** Rows kept either way (an upload's stored rows, what a commit wrote) as `ResultColumns`. */
export function columnsOf(rows: ResultColumns | PackedResults): ResultColumns {
  return 'packing' in rows ? unpackResults(rows) : rows;
}

/** How many rows, without reading them. */
export function rowCountOf(rows: ResultColumns | PackedResults): number {
  return 'packing' in rows ? rows.count : rows.unitId.length;
}

/** An empty temp table shaped like \`results\` for one file waiting for "นำเข้า". */
export function createPendingResultsSql(table: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT * FROM results LIMIT 0`;
}

export function dropPendingResultsSql(table: string): string {
  return `DROP TABLE IF EXISTS ${ident(table)}`;
}
