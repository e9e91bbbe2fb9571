/**
 * Who has sent what (issue 14.3): the results stored for a framework in a span of months, per unit and month —
 * which KPIs have a value and from which files (`results.source`: the file of the row that won, DESIGN §9.1
 * "the later file wins"), each joined with U+001F (`RECEIVED_SEPARATOR`). Parameters: `$1` framework id, `$2` first ISO month, `$3` last ISO month.
 */
export function receivedSql(): string {
  return `SELECT unit_id, month, string_agg(DISTINCT kpi, chr(31) ORDER BY kpi) AS kpis,
  string_agg(DISTINCT source, chr(31) ORDER BY source) AS sources
FROM results
WHERE framework_id = $1 AND month BETWEEN $2 AND $3 AND value IS NOT NULL
GROUP BY unit_id, month
ORDER BY unit_id, month`;
}

/** What `receivedSql` joins a cell's KPIs and files with (no file name or KPI id holds it). */
export const RECEIVED_SEPARATOR = '\u001f';
