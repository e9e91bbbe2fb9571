/**
 * Parquet in and out for the command line (DESIGN §9.3, issue 15.5); native DuckDB only (its files are the
 * machine's own). A Parquet results file is written out as CSV text and read by the same reader as every
 * other file — one set of reading rules; the scores and the league table are written as Parquet with
 * `COPY … TO`. Paths are quoted by identifiers.ts.
 */
import { ident, literal } from './identifiers';

/** A Parquet file's rows as CSV with a header line, columns as they are named in the file. */
export function parquetToCsvSql(parquetPath: string, csvPath: string): string {
  return `COPY (SELECT * FROM read_parquet(${literal(parquetPath)})) TO ${literal(csvPath)} (FORMAT csv, HEADER true, DELIMITER ',')`;
}

/** The text columns of a Parquet file (`column_name`). */
export function parquetTextColumnsSql(parquetPath: string): string {
  return `SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(${literal(parquetPath)})) WHERE column_type = 'VARCHAR'`;
}

/** How many rows of a Parquet file hold a line break in one of `textColumns` (`rows`). */
export function parquetLineBreakRowsSql(parquetPath: string, textColumns: readonly string[]): string {
  const holds = textColumns.map((column) => `regexp_matches(${ident(column)}, '[\r\n]')`).join(' OR ');
  return `SELECT count(*)::INTEGER AS rows FROM read_parquet(${literal(parquetPath)}) WHERE ${holds || 'FALSE'}`;
}

/** Every KPI score of framework `frameworkId` (every scored period), with the unit's name and province. */
export function scoresParquetSql(frameworkId: string, path: string): string {
  return `COPY (
  SELECT s.period_id, s.unit_id, u.name AS unit, u.province, s.kpi, s.value, s.target, s.baseline, s.adjust,
    s.months_reported, s.last_month, s.measured, s.level, s.points, s.score, s.status
  FROM kpi_scores s LEFT JOIN units u ON u.unit_id = s.unit_id
  WHERE s.framework_id = ${literal(frameworkId)}
  ORDER BY s.period_id, s.unit_id, s.kpi
) TO ${literal(path)} (FORMAT parquet)`;
}

/** Every weighted total and rank of framework `frameworkId` (every scored period and group). */
export function totalsParquetSql(frameworkId: string, path: string): string {
  return `COPY (
  SELECT t.period_id, t.grp AS "group", t.unit_id, u.name AS unit, u.province, t.rank, t.total, t.max_total,
    t.total_pct, t.missing, t.top_count, t.kpi_count
  FROM unit_totals t LEFT JOIN units u ON u.unit_id = t.unit_id
  WHERE t.framework_id = ${literal(frameworkId)}
  ORDER BY t.period_id, t.grp, t.rank, t.unit_id
) TO ${literal(path)} (FORMAT parquet)`;
}

/** The league table as printed (`--format csv`'s columns) as Parquet, each column of the type `types` gives. */
export function csvToParquetSql(
  csvPath: string,
  types: Readonly<Record<string, string>>,
  path: string
): string {
  const columns = Object.entries(types)
    .map(([name, type]) => `${literal(name)}: ${literal(type)}`)
    .join(', ');
  return (
    `COPY (SELECT * FROM read_csv(${literal(csvPath)}, header = true, delim = ',', quote = '"', ` +
    `auto_detect = false, columns = {${columns}})) TO ${literal(path)} (FORMAT parquet)`
  );
}
