/**
 * A fast reader for large results files (issue 6): DuckDB's own CSV reader does the splitting and the
 * number parsing, and the rows stay in DuckDB (no JS object per row, no re-encoding to CSV for `insertRows`).
 * It reads by the same rules as `readResultsFile` (./read-file.ts) — the rules of ./reading-rules.ts — and
 * decides only which lines are plain enough for SQL (issue 11: one set of reading rules):
 *
 * - the file-level refusals (size, old Excel, zip size, NUL characters) are `checkResultsFile`'s, decided on
 *   the bytes before anything else: a refused file gets the page reader's report, word for word;
 * - the header must be `plainLongLayout` (the long layout, every cell an exact §9.1 name);
 * - every distinct unit, province, KPI and month text is resolved once by the rules' own functions
 *   (`UnitResolver`, `resolveKpi`, `resolveMonth`), and every distinct non-plain number by `readNumber`;
 * - a line is read in DuckDB only when it is *clean*: as many cells as the header, a value that is a
 *   `PLAIN_NUMBER_SQL` or a recognised number inside the KPI's `plainValueBounds` (and no `%` unless the KPI
 *   `takesPercentSign`), a unit, KPI and month that resolve, figures that parse, no cells that may be one
 *   number split at its thousands separator (`SPLIT_LEAD_SQL` / `SPLIT_GROUP_SQL` before a figure the KPI does
 *   not use), and a key (unit, KPI, month) no other line has. Every other line (blank values, rejections,
 *   warnings, duplicates, odd cell counts) is handed, with its real line number, to `readResultsTable`,
 *   which gives the rejections, warnings and unit issues;
 * - files it does not know how to read this way (workbooks, UTF-16, quotes, tabs or semicolons, title lines,
 *   wide layout, headers other than the plain §9.1 names, a national framework of provinces, lines wider than
 *   the column limit, more problems than the rejection cap) go whole through `readResultsFile` — the
 *   fallback, reported in `path`.
 * A prefix of every file is also read by `readResultsTable` and compared, so any drift between the two
 * readers turns into the fallback, not into different results.
 *
 * The caller creates the table the rows go into (shaped like `results`, e.g. the staged-results temp table)
 * and gives DuckDB access to the bytes (`FileRegistry`).
 */
import type { Db, FileRegistry, SqlValue } from '../db/types';
import type { ResultRow, Rejection } from '../domain/results';
import { stripInvisible } from '../domain/thai-text';
import { readNumber } from '../domain/numbers';
import { TABLE_COLUMNS, resultRowOf, resultsValues } from '../sql/schema';
import { ident, literal } from '../sql/identifiers';
import { parseCsv, type CsvRecord, type CsvTable } from './csv';
import { decodeText, isUtf8, type TextEncodingName } from './decode';
import { MAX_COLUMNS } from './limits';
import {
  NUMBER_ROLES,
  PLAIN_NUMBER_SQL,
  SPLIT_GROUP_SQL,
  SPLIT_LEAD_SQL,
  UnitResolver,
  catalogOf,
  checkResultsFile,
  headerText,
  monthScopeOf,
  plainLongLayout,
  plainValueBounds,
  refusedForProblems,
  resolveKpi,
  resolveMonth,
  scopeOf,
  takesPercentSign,
  usesFigure,
  type Layout as RulesLayout,
  type NumberRole,
  type Role
} from './reading-rules';
import {
  readResultsFile,
  refusedFileReport,
  type ResultsFileInput,
  type ResultsFileReport
} from './read-file';
import { readResultsTable, type ResultsReadOptions, type ResultsReadReport } from './results';

export interface FastReadOptions extends Omit<ResultsReadOptions, 'onlyFrameworkMonths' | 'onProgress'> {
  /** The table the usable rows are inserted into (columns of `results`); the caller creates it. */
  table: string;
  /**
   * Reads a file the fast way cannot (workbooks, quotes, …): default `readResultsFile` on this thread; the
   * page passes its worker reader (progress, cancelling). It must read exactly as `readResultsFile` does.
   */
  readFallback?: (input: ResultsFileInput) => Promise<ResultsFileReport>;
}

export interface FastReadReport extends Omit<ResultsFileReport, 'rows'> {
  /** Usable rows, inserted into `table`. */
  rowCount: number;
  /** `fast`: DuckDB read the file; `fallback`: `readResultsFile` read it whole (`fallbackReason` says why). */
  path: 'fast' | 'fallback';
  fallbackReason: string | null;
  /** Rows read by DuckDB alone (the rest of `rowCount` went through the reader). */
  fastRows: number;
  /** Milliseconds per step (for benchmarks). */
  phases: Record<string, number>;
}

/** Lines at the start of the file that both readers read, to check they agree. */
const CHECK_LINES = 300;
/** Lines of the file that decide the delimiter (parseCsv guesses from its first 50 records). */
const DELIMITER_LINES = 200;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

class Fallback extends Error {}

interface Scan {
  /** Byte offset of each physical line's start (line n at index n - 1), and one past the end. */
  starts: number[];
  /** Byte offset of each physical line's end (before CR LF / LF). */
  ends: number[];
  width: number;
  /** Non-blank indexes (1 = header) of the lines whose cell count differs from the header's. */
  irregular: number[];
  /** Non-blank index (1 = header) → physical line breakpoints: from `k` on, add `offset`. */
  breakpoints: { k: number; offset: number }[];
  nonBlank: number;
  /** The most cells a line has. */
  widest: number;
}

/** One pass over the bytes: line ends, cell counts, blank lines; throws Fallback on quotes and lone CRs. */
function scanLines(bytes: Uint8Array, from: number): Scan {
  const starts: number[] = [];
  const ends: number[] = [];
  const irregular: number[] = [];
  const breakpoints: { k: number; offset: number }[] = [];
  let width = -1;
  let widest = 0;
  let nonBlank = 0;
  let blanks = 0;
  if (bytes.indexOf(QUOTE, from) !== -1) throw new Fallback('the file has quoted cells');
  const hasCr = bytes.indexOf(CR, from) !== -1;
  let position = from;
  let line = 0;
  while (position < bytes.length) {
    let newline = bytes.indexOf(LF, position);
    if (newline === -1) newline = bytes.length;
    let end = newline;
    if (end > position && bytes[end - 1] === CR) end--;
    line++;
    starts.push(position);
    ends.push(end);
    let commas = 0;
    for (let i = bytes.indexOf(COMMA, position); i !== -1 && i < end; i = bytes.indexOf(COMMA, i + 1))
      commas++;
    if (hasCr) {
      const cr = bytes.indexOf(CR, position);
      if (cr !== -1 && cr < end) throw new Fallback('the file has a line ending in CR alone');
    }
    if (end === position) {
      if (line === 1) throw new Fallback('the first line is blank');
      blanks++;
    } else {
      nonBlank++;
      widest = Math.max(widest, commas + 1);
      if (line === 1) width = commas + 1;
      else if (commas + 1 !== width) irregular.push(nonBlank);
      if (blanks > 0 && line - nonBlank !== (breakpoints.at(-1)?.offset ?? 0)) {
        breakpoints.push({ k: nonBlank, offset: line - nonBlank });
      }
    }
    position = newline + 1;
  }
  if (width < 0) throw new Fallback('the file is empty');
  return { starts, ends, width, irregular, breakpoints, nonBlank, widest };
}

/** The physical line of the `k`-th non-blank line (1 = header). */
function physicalLine(scan: Scan, k: number): number {
  let offset = 0;
  for (const point of scan.breakpoints) {
    if (point.k > k) break;
    offset = point.offset;
  }
  return k + offset;
}

/**
 * `leavesOutEmptyCells` of reading-rules.ts on the records the CSV parser would give: lines with a cell that
 * is not blank; is one with fewer cells than the header before the last of them?
 */
function leavesOutEmptyCells(scan: Scan, lineText: (line: number) => string): boolean {
  const isRecord = (line: number) =>
    lineText(line)
      .split(',')
      .some((cell) => cell.trim() !== '');
  let last = scan.starts.length;
  while (last > 1 && !isRecord(last)) last--;
  for (const k of scan.irregular) {
    const line = physicalLine(scan, k);
    if (line >= last) break;
    if (lineText(line).split(',').length < scan.width && isRecord(line)) return true;
  }
  return false;
}

interface Layout {
  header: string[];
  roles: Map<Role, number>;
  rules: RulesLayout;
}

/** The rules' layout of a plain header, with the column of each role (throws Fallback otherwise). */
function layoutOf(header: readonly string[], framework: ResultsReadOptions['framework']): Layout {
  const plain = plainLongLayout(header, framework);
  if (!plain.ok) throw new Fallback(plain.why);
  const rules = plain.layout;
  const roles = new Map<Role, number>([
    ['unit', rules.unit.unit],
    ['kpi', rules.kpi!],
    ['month', rules.month]
  ]);
  if (rules.unit.province !== undefined) roles.set('province', rules.unit.province);
  for (const role of NUMBER_ROLES) {
    const index = rules.numbers![role];
    if (index !== undefined) roles.set(role, index);
  }
  return { header: [...header], roles, rules };
}

const column = (index: number) => `c${index + 1}`;

const TEMP = {
  raw: 'fast_raw',
  units: 'fast_units',
  kpis: 'fast_kpis',
  months: 'fast_months',
  numbers: 'fast_numbers',
  kpiRules: 'fast_kpi_rules',
  irregular: 'fast_irregular',
  breakpoints: 'fast_breakpoints',
  lines: 'fast_lines',
  slowKeys: 'fast_slow_keys'
};

async function dropTemps(db: Db): Promise<void> {
  for (const table of Object.values(TEMP)) await db.exec(`DROP TABLE IF EXISTS ${table}`);
}

async function insertInto(
  db: Db,
  table: string,
  rows: readonly ResultRow[],
  frameworkId: string
): Promise<void> {
  await db.insertRows(
    table,
    TABLE_COLUMNS.results,
    rows.map((row) => resultsValues(frameworkId, row))
  );
}

/** Reads a results file into `options.table`. Never throws for a bad file (a fallback or rejections instead). */
export async function readResultsFast(
  db: Db,
  files: FileRegistry,
  input: ResultsFileInput,
  options: FastReadOptions
): Promise<FastReadReport> {
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round((now - phaseStart) * 10) / 10;
    phaseStart = now;
  };
  const fallback = async (reason: string): Promise<FastReadReport> => {
    const report = options.readFallback
      ? await options.readFallback(input)
      : await readResultsFile(input, { framework: options.framework, aliases: options.aliases });
    await insertInto(db, options.table, report.rows, options.framework.id);
    const { rows, ...rest } = report;
    return { ...rest, rowCount: rows.length, path: 'fallback', fallbackReason: reason, fastRows: 0, phases };
  };
  // File-level refusals first, on the bytes, by the rules the page's reader applies: the same report.
  const check = checkResultsFile(input.bytes);
  if (check.refusal) {
    const { rows: _none, ...refused } = refusedFileReport(input.name, check.refusal);
    return {
      ...refused,
      rowCount: 0,
      path: 'fallback',
      fallbackReason: check.refusal.code,
      fastRows: 0,
      phases
    };
  }
  if (check.format === 'xlsx' || input.sheet) return fallback('not a text file');
  let registered: string | null = null;
  try {
    // UTF-8 goes to DuckDB as it is (checked, not decoded); a Windows-874 file re-encoded (the same text the
    // reader sees): DuckDB reads UTF-8 only.
    const encoding = check.encoding!;
    if (encoding.encoding === 'utf-16le' || encoding.encoding === 'utf-16be') throw new Fallback('UTF-16');
    if (encoding.cut) throw new Fallback('the file ends inside a character');
    let bytes: Uint8Array;
    if (encoding.encoding === 'utf-8') {
      bytes = encoding.bom ? input.bytes.subarray(3) : input.bytes;
      if (encoding.bom && !isUtf8(bytes, bytes.length))
        throw new Fallback('not UTF-8 after its byte-order mark');
    } else bytes = new TextEncoder().encode(check.text ?? decodeText(input.bytes, encoding).text);
    // U+FFFD last (EF BF BD): a character the reader cannot tell from a cut one.
    const n = bytes.length;
    if (n >= 3 && bytes[n - 3] === 0xef && bytes[n - 2] === 0xbf && bytes[n - 1] === 0xbd)
      throw new Fallback('the file ends inside a character');
    phase('decode');
    const scan = scanLines(bytes, 0);
    phase('scan');
    // The reader refuses a table wider than the column limit whole (reading-rules.ts `tooManyColumnsReason`).
    if (scan.widest > MAX_COLUMNS) throw new Fallback('a line has more cells than the column limit');
    const utf8 = new TextDecoder('utf-8');
    const lineText = (line: number) =>
      utf8.decode(bytes.subarray(scan.starts[line - 1], scan.ends[line - 1]));
    const header = lineText(1).split(',');

    // The delimiter parseCsv would guess must be the comma: it guesses from the file's first records.
    const head = parseCsv(
      Array.from({ length: Math.min(DELIMITER_LINES, scan.starts.length) }, (_, i) => lineText(i + 1)).join(
        '\n'
      )
    );
    if (scan.starts.length > DELIMITER_LINES && head.rows.length < 50)
      throw new Fallback('too many blank lines at the top');
    if (head.header.length !== header.length || head.header.some((cell, i) => cell !== header[i])) {
      throw new Fallback('the delimiter is not a comma');
    }
    const layout = layoutOf(header, options.framework);
    phase('delimiter');
    // Whether the writer leaves out empty cells at the end of lines, decided on the whole file as the page's
    // reader decides it on its records (reading-rules.ts `leavesOutEmptyCells`), and passed to every
    // `readResultsTable` below, which sees only some of the lines.
    const ragged = leavesOutEmptyCells(scan, lineText);
    const readOptions: ResultsReadOptions = {
      framework: options.framework,
      aliases: options.aliases,
      onlyFrameworkMonths: true,
      leavesOutEmptyCells: ragged
    };
    const file = input.name;

    registered = await files.registerFile(
      `fast_${Date.now()}_${Math.floor(Math.random() * 1e9)}.csv`,
      bytes.slice()
    );
    await dropTemps(db);
    const columns = Array.from({ length: scan.width }, (_, i) => `${literal(column(i))}: 'VARCHAR'`).join(
      ', '
    );
    const plainFlags = NUMBER_ROLES.filter((r) => layout.roles.has(r)).map(
      (r) => `regexp_full_match(${column(layout.roles.get(r)!)}, '${PLAIN_NUMBER_SQL}') AS plain_${r}`
    );
    await db.exec(
      `CREATE TEMP TABLE ${TEMP.raw} AS SELECT *, ${plainFlags.join(', ')} FROM read_csv(${literal(registered)}, header = false, ` +
        `all_varchar = true, auto_detect = false, delim = ',', quote = '"', escape = '"', null_padding = true, ` +
        `strict_mode = false, columns = {${columns}})`
    );
    const [{ count }] = await db.query<{ count: number }>(
      `SELECT count(*)::INTEGER AS count FROM ${TEMP.raw}`
    );
    phase('read_csv');
    if (count !== scan.nonBlank)
      throw new Fallback(`DuckDB read ${count} records, the file has ${scan.nonBlank}`);

    const role = (r: Role) => column(layout.roles.get(r)!);
    const text = (r: Role) => (layout.roles.has(r) ? `coalesce(${role(r)}, '')` : `''`);
    const dataRows = `FROM ${TEMP.raw} WHERE rowid > 0`;

    // Dictionaries: each distinct text resolved once, by the functions the page's reader calls per line.
    const fw = options.framework;
    const catalog = catalogOf(fw);
    const monthScope = monthScopeOf(fw);
    const resolver = new UnitResolver(scopeOf(fw), options.aliases, fw.name);
    const unitColumns = layout.rules.unit;
    const columnName = (r: Role) => headerText(header, layout.roles.get(r)!);
    const unitPairs = await db.query<{ p: string; u: string }>(
      `SELECT DISTINCT ${text('province')} AS p, ${text('unit')} AS u ${dataRows}`
    );
    const unitCells = new Array<string>(header.length).fill('');
    const unitIds = unitPairs.map((pair) => {
      unitCells[unitColumns.unit] = stripInvisible(pair.u);
      if (unitColumns.province !== undefined) unitCells[unitColumns.province] = stripInvisible(pair.p);
      const resolved = resolver.resolve(unitCells, unitColumns);
      return resolved.ok ? resolved.unitId : null;
    });
    if (!unitIds.some((id) => id !== null)) throw new Fallback('no unit name resolves');
    const kpiTexts = await db.query<{ t: string }>(`SELECT DISTINCT ${text('kpi')} AS t ${dataRows}`);
    const kpiIds = kpiTexts.map((row) => {
      const resolved = resolveKpi(stripInvisible(row.t), columnName('kpi'), catalog, fw);
      return resolved.ok ? resolved.kpi.kpi : null;
    });
    const monthTexts = await db.query<{ t: string }>(`SELECT DISTINCT ${text('month')} AS t ${dataRows}`);
    const monthIds = monthTexts.map((row) => {
      const resolved = resolveMonth(stripInvisible(row.t), columnName('month'), monthScope);
      return resolved.ok ? resolved.month : null;
    });
    const pairs = <T>(
      values: readonly T[],
      ids: readonly (string | null)[],
      cells: (value: T) => SqlValue[]
    ) => values.flatMap((value, i) => (ids[i] === null ? [] : [[...cells(value), ids[i]]]));

    await db.exec(`CREATE TEMP TABLE ${TEMP.units} (p VARCHAR, u VARCHAR, unit_id VARCHAR)`);
    await db.insertRows(
      TEMP.units,
      [
        { name: 'p', type: 'VARCHAR' },
        { name: 'u', type: 'VARCHAR' },
        { name: 'unit_id', type: 'VARCHAR' }
      ],
      pairs(unitPairs, unitIds, (pair) => [pair.p, pair.u])
    );
    await db.exec(`CREATE TEMP TABLE ${TEMP.kpis} (t VARCHAR, kpi VARCHAR)`);
    await db.insertRows(
      TEMP.kpis,
      [
        { name: 't', type: 'VARCHAR' },
        { name: 'kpi', type: 'VARCHAR' }
      ],
      pairs(kpiTexts, kpiIds, (row) => [row.t])
    );
    await db.exec(`CREATE TEMP TABLE ${TEMP.months} (t VARCHAR, month VARCHAR)`);
    await db.insertRows(
      TEMP.months,
      [
        { name: 't', type: 'VARCHAR' },
        { name: 'month', type: 'VARCHAR' }
      ],
      pairs(monthTexts, monthIds, (row) => [row.t])
    );
    // What the rules say about each KPI's values: the bounds inside which they need no word, whether a `%`
    // is expected, which figures the scoring uses (a split number may hide in one it does not).
    await db.exec(`CREATE TEMP TABLE ${TEMP.kpiRules} (kpi VARCHAR, low DOUBLE, high DOUBLE,
      percent_ok BOOLEAN, uses_target BOOLEAN, uses_baseline BOOLEAN)`);
    const resolvedKpis = [...new Set(kpiIds.filter((id): id is string => id !== null))].map((id) =>
      fw.kpis.find((kpi) => kpi.kpi === id)!
    );
    await db.insertRows(
      TEMP.kpiRules,
      [
        { name: 'kpi', type: 'VARCHAR' },
        { name: 'low', type: 'DOUBLE' },
        { name: 'high', type: 'DOUBLE' },
        { name: 'percent_ok', type: 'BOOLEAN' },
        { name: 'uses_target', type: 'BOOLEAN' },
        { name: 'uses_baseline', type: 'BOOLEAN' }
      ],
      resolvedKpis.map((kpi) => {
        const bounds = plainValueBounds(kpi);
        return [
          kpi.kpi,
          bounds.low,
          bounds.high,
          takesPercentSign(kpi),
          usesFigure(kpi, 'target'),
          usesFigure(kpi, 'baseline')
        ];
      })
    );
    phase('dictionaries');
    // Numbers: plain ones in SQL; the others (Thai digits, separators, %, dashes, errors) by readNumber.
    const numberColumns = NUMBER_ROLES.filter((r) => layout.roles.has(r));
    const odd = await db.query<{ t: string }>(
      numberColumns
        .map(
          (r) => `SELECT DISTINCT ${role(r)} AS t ${dataRows} AND ${role(r)} IS NOT NULL AND NOT plain_${r}`
        )
        .join(' UNION ')
    );
    await db.exec(`CREATE TEMP TABLE ${TEMP.numbers} (t VARCHAR, ok BOOLEAN, value DOUBLE, percent BOOLEAN)`);
    await db.insertRows(
      TEMP.numbers,
      [
        { name: 't', type: 'VARCHAR' },
        { name: 'ok', type: 'BOOLEAN' },
        { name: 'value', type: 'DOUBLE' },
        { name: 'percent', type: 'BOOLEAN' }
      ],
      odd.map((row): SqlValue[] => {
        const parsed = readNumber(row.t);
        return [row.t, parsed.ok, parsed.ok ? parsed.value : null, parsed.ok && parsed.percent];
      })
    );
    await db.exec(`CREATE TEMP TABLE ${TEMP.irregular} (k INTEGER)`);
    await db.insertRows(
      TEMP.irregular,
      [{ name: 'k', type: 'INTEGER' }],
      scan.irregular.map((k) => [k])
    );
    await db.exec(`CREATE TEMP TABLE ${TEMP.breakpoints} (k INTEGER, "offset" INTEGER)`);
    await db.insertRows(
      TEMP.breakpoints,
      [
        { name: 'k', type: 'INTEGER' },
        { name: 'offset', type: 'INTEGER' }
      ],
      [[1, 0], ...scan.breakpoints.map((point) => [point.k, point.offset])]
    );

    phase('numbers');
    // Each line: its physical number, what it resolves to, and whether it is clean.
    const cell = (r: Role) =>
      layout.roles.has(r) ? `coalesce(r.${column(layout.roles.get(r)!)}, '')` : `''`;
    const figures = NUMBER_ROLES.map((r) => {
      if (!layout.roles.has(r)) return { value: `NULL::DOUBLE AS ${r}`, ok: 'TRUE', join: '' };
      const c = `r.${column(layout.roles.get(r)!)}`;
      return {
        value: `CASE WHEN r.plain_${r} THEN CAST(${c} AS DOUBLE) + 0.0 ELSE n_${r}.value END AS ${r}`,
        ok: `(${c} IS NULL OR r.plain_${r} OR coalesce(n_${r}.ok, FALSE))`,
        join: `LEFT JOIN ${TEMP.numbers} n_${r} ON n_${r}.t = ${c}`
      };
    });
    // Lines the rules have a word for although every cell resolves: a value outside the KPI's plain bounds, a
    // `%` the KPI does not expect, 1–3 digits before a 3-digit group in a figure the KPI does not use.
    // What the rules have a word for although every cell resolves (a value outside the KPI's plain bounds, a
    // `%` the KPI does not expect, 1–3 digits before a 3-digit group in a figure the KPI does not use): the
    // facts in \`resolved\`, the decision in \`classified\`.
    const facts = [
      'k.low',
      'k.high',
      'k.percent_ok',
      'k.uses_target',
      'k.uses_baseline',
      `coalesce(NOT r.plain_value AND n_value.percent, FALSE) AS value_percent`
    ];
    const noted = [
      '(low IS NOT NULL AND value < low)',
      '(high IS NOT NULL AND value > high)',
      '(value_percent AND NOT percent_ok)'
    ];
    const figureAt = new Map<number, NumberRole>(numberColumns.map((r) => [layout.roles.get(r)!, r]));
    for (const [index, lead] of figureAt) {
      const next = figureAt.get(index + 1);
      // Any two figures side by side when the writer leaves out empty cells; else one the KPI does not use.
      if (next === undefined || (!ragged && next !== 'target' && next !== 'baseline')) continue;
      const [c, d] = [`r.${column(index)}`, `r.${column(index + 1)}`];
      facts.push(
        `CASE WHEN ${c} IS NULL OR ${d} IS NULL THEN FALSE ELSE ${SPLIT_LEAD_SQL(c, `r.plain_${lead}`)} ` +
          `AND ${SPLIT_GROUP_SQL(d, `r.plain_${next}`)} END AS split_${index}`
      );
      noted.push(ragged ? `split_${index}` : `(split_${index} AND NOT uses_${next})`);
    }
    const lineOf =
      scan.breakpoints.length === 0
        ? 'r.k'
        : `r.k + (SELECT max(b."offset") FROM ${TEMP.breakpoints} b WHERE b.k <= r.k)`;
    const irregular = scan.irregular.length === 0 ? 'FALSE' : `r.k IN (SELECT k FROM ${TEMP.irregular})`;
    await db.exec(`CREATE TEMP TABLE ${TEMP.lines} AS
      WITH raw AS (SELECT rowid + 1 AS k, * FROM ${TEMP.raw} WHERE rowid > 0),
      resolved AS (
        SELECT (${lineOf})::INTEGER AS line, u.unit_id, kk.kpi, mm.month, ${figures.map((f) => f.value).join(', ')},
          (${irregular} OR u.unit_id IS NULL OR kk.kpi IS NULL OR mm.month IS NULL
            OR NOT (${figures.map((f) => f.ok).join(' AND ')})) AS unclean,
          ${facts.join(', ')}
        FROM raw r
        LEFT JOIN ${TEMP.units} u ON u.p = ${cell('province')} AND u.u = ${cell('unit')}
        LEFT JOIN ${TEMP.kpis} kk ON kk.t = ${cell('kpi')}
        LEFT JOIN ${TEMP.kpiRules} k ON k.kpi = kk.kpi
        LEFT JOIN ${TEMP.months} mm ON mm.t = ${cell('month')}
        ${figures.map((f) => f.join).join('\n        ')}
      ),
      classified AS (
        SELECT * REPLACE (unclean OR value IS NULL OR coalesce(${noted.join(' OR ')}, FALSE) AS unclean)
        FROM resolved
      ),
      repeated AS (
        SELECT unit_id, kpi, month FROM classified WHERE NOT unclean GROUP BY ALL HAVING count(*) > 1
      )
      SELECT c.line, c.unit_id, c.kpi, c.month, c.value, c.target, c.baseline, c.adjust,
        c.unclean OR d.unit_id IS NOT NULL AS slow
      FROM classified c LEFT JOIN repeated d ON d.unit_id = c.unit_id AND d.kpi = c.kpi AND d.month = c.month`);

    phase('classify');
    // Lines that are not clean go through the real reader, with their real line numbers. A line it accepts
    // may share its key with a clean line: then both go through it, so that the first one wins there.
    const slowLines = new Set(
      (await db.query<{ line: number }>(`SELECT line FROM ${TEMP.lines} WHERE slow`)).map((row) => row.line)
    );
    const readSlow = (): ResultsReadReport => {
      const rows: CsvRecord[] = [...slowLines]
        .sort((a, b) => a - b)
        .map((line) => ({ line, cells: lineText(line).split(',') }));
      return readResultsTable(file, { header, rows, errors: [] }, readOptions);
    };
    let slow = readSlow();
    // More unusable lines than the reader takes: it refuses the file whole (and says so); so must this.
    if (refusedForProblems(slow)) throw new Fallback('too many unusable lines');
    await db.exec(`CREATE TEMP TABLE ${TEMP.slowKeys} (unit_id VARCHAR, kpi VARCHAR, month VARCHAR)`);
    for (let round = 0; round < 5 && slow.rows.length > 0; round++) {
      await db.exec(`DELETE FROM ${TEMP.slowKeys}`);
      await db.insertRows(
        TEMP.slowKeys,
        [
          { name: 'unit_id', type: 'VARCHAR' },
          { name: 'kpi', type: 'VARCHAR' },
          { name: 'month', type: 'VARCHAR' }
        ],
        slow.rows.map((row) => [row.unitId, row.kpi, row.month])
      );
      const clashes = await db.query<{ line: number }>(
        `SELECT l.line FROM ${TEMP.lines} l JOIN ${TEMP.slowKeys} s USING (unit_id, kpi, month) WHERE NOT l.slow`
      );
      if (clashes.length === 0) break;
      for (const { line } of clashes) slowLines.add(line);
      await db.exec(`UPDATE ${TEMP.lines} SET slow = TRUE WHERE line IN (SELECT l.line FROM ${TEMP.lines} l
        JOIN ${TEMP.slowKeys} s USING (unit_id, kpi, month))`);
      slow = readSlow();
      if (refusedForProblems(slow)) throw new Fallback('too many unusable lines');
    }

    phase('slow lines');
    // The first lines, read whole by the real reader, must come out the same.
    await checkPrefix(db, file, header, readOptions, scan, lineText, slow);
    phase('check');

    await db.exec(`INSERT INTO ${ident(options.table)} SELECT ${literal(fw.id)}, unit_id, kpi, month, value, target,
      baseline, adjust, ${literal(file)}, line FROM ${TEMP.lines} WHERE NOT slow`);
    const [{ fast }] = await db.query<{ fast: number }>(
      `SELECT count(*)::INTEGER AS fast FROM ${TEMP.lines} WHERE NOT slow`
    );
    await insertInto(db, options.table, slow.rows, fw.id);
    await dropTemps(db);
    phase('insert');
    return {
      file,
      layout: 'long',
      rejected: slow.rejected,
      warnings: slow.warnings,
      unitIssues: slow.unitIssues,
      rowCount: fast + slow.rows.length,
      format: 'csv',
      encoding: encoding.encoding as TextEncodingName,
      sheets: [],
      sheet: null,
      path: 'fast',
      fallbackReason: null,
      fastRows: fast,
      phases
    };
  } catch (error) {
    await dropTemps(db).catch(() => undefined);
    if (error instanceof Fallback) return fallback(error.message);
    return fallback(`fast reader failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (registered !== null) await files.dropFile(registered).catch(() => undefined);
  }
}

/** Compares the combined outcome for the first lines with the real reader's on those lines alone. */
async function checkPrefix(
  db: Db,
  file: string,
  header: string[],
  options: ResultsReadOptions,
  scan: Scan,
  lineText: (line: number) => string,
  slow: ResultsReadReport
): Promise<void> {
  const last = Math.min(scan.starts.length, CHECK_LINES + 1);
  const table: CsvTable = { header, rows: [], errors: [] };
  for (let line = 2; line <= last; line++) {
    const cells = lineText(line).split(',');
    if (cells.every((cell) => cell.trim() === '')) continue;
    table.rows.push({ line, cells });
  }
  const expected = readResultsTable(file, table, options);
  const fast = await db.query<Record<string, unknown>>(
    `SELECT line, unit_id, kpi, month, value, target, baseline, adjust FROM ${TEMP.lines} WHERE NOT slow AND line <= ${last}`
  );
  // Everything the row stores but its file (the same for both readers).
  const key = (row: ResultRow) => JSON.stringify(resultsValues('', { ...row, source: '' }));
  const fromDb = (row: Record<string, unknown>): ResultRow => ({ ...resultRowOf(row), source: file });
  const ours = [
    ...fast.map((row) => key(fromDb(row))),
    ...slow.rows.filter((row) => row.line <= last).map(key)
  ].sort();
  const theirs = expected.rows.map(key).sort();
  if (ours.join('\n') !== theirs.join('\n')) throw new Fallback('the first lines read differently');
  const rejection = (r: Rejection) =>
    JSON.stringify([r.line, r.column ?? null, r.reason, r.suggestions ?? []]);
  const ourRejections = slow.rejected.filter((r) => r.line <= last).map(rejection);
  const theirRejections = expected.rejected.map(rejection);
  if (ourRejections.join('\n') !== theirRejections.join('\n'))
    throw new Fallback('the first lines are rejected differently');
}
