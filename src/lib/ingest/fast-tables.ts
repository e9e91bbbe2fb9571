/**
 * The fast reader's SQL (fast-results.ts): the file read by DuckDB's `read_csv` into a temp table
 * (`loadRawTable`), each distinct unit, KPI and month text resolved once by the rules' own functions and the
 * KPIs' value rules written beside it (`writeDictionaries`), the numbers DuckDB does not parse itself read by
 * `readNumber` (`writeNumbers`), and each line classified: what it resolves to and whether it is clean enough
 * to be read in SQL (`classifyLines`). The temp tables are named in `TEMP` and dropped by `dropTemps`.
 */
import type { Db, SqlValue } from '../db/types';
import { stripInvisible } from '../domain/thai-text';
import { readNumber } from '../domain/numbers';
import { literal } from '../sql/identifiers';
import {
  NUMBER_ROLES,
  PLAIN_NUMBER_SQL,
  SPLIT_GROUP_SQL,
  SPLIT_LEAD_SQL,
  UnitResolver,
  catalogOf,
  headerText,
  monthScopeOf,
  plainLongLayout,
  plainValueBounds,
  resolveKpi,
  resolveMonth,
  scopeOf,
  takesPercentSign,
  usesFigure,
  type Layout as RulesLayout,
  type NumberRole,
  type Role
} from './reading-rules';
import type { ResultsReadOptions } from './results';
import { Fallback, type Scan } from './fast-scan';

export interface Layout {
  header: string[];
  roles: Map<Role, number>;
  rules: RulesLayout;
}

/** A file the fast reader is reading: its lines, its header and layout, and how the rules read its lines. */
export interface FastFile {
  file: string;
  scan: Scan;
  lineText: (line: number) => string;
  header: string[];
  layout: Layout;
  /** The file's writer leaves out empty cells at the end of lines (`leavesOutEmptyCells`, on the whole file). */
  ragged: boolean;
  /** What every `readResultsTable` of some of its lines is given. */
  readOptions: ResultsReadOptions;
}

/** The rules' layout of a plain header, with the column of each role (throws Fallback otherwise). */
export function layoutOf(header: readonly string[], framework: ResultsReadOptions['framework']): Layout {
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

export const TEMP = {
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

export async function dropTemps(db: Db): Promise<void> {
  for (const table of Object.values(TEMP)) await db.exec(`DROP TABLE IF EXISTS ${table}`);
}

/** Reads the file (registered as `registered`) into `TEMP.raw`, with a plain-number flag per figure column; its record count. */
export async function loadRawTable(db: Db, registered: string, fast: FastFile): Promise<number> {
  const { scan, layout } = fast;
  const columns = Array.from({ length: scan.width }, (_, i) => `${literal(column(i))}: 'VARCHAR'`).join(', ');
  const plainFlags = NUMBER_ROLES.filter((r) => layout.roles.has(r)).map(
    (r) => `regexp_full_match(${column(layout.roles.get(r)!)}, '${PLAIN_NUMBER_SQL}') AS plain_${r}`
  );
  await db.exec(
    `CREATE TEMP TABLE ${TEMP.raw} AS SELECT *, ${plainFlags.join(', ')} FROM read_csv(${literal(registered)}, header = false, ` +
      `all_varchar = true, auto_detect = false, delim = ',', quote = '"', escape = '"', null_padding = true, ` +
      `strict_mode = false, columns = {${columns}})`
  );
  const [{ count }] = await db.query<{ count: number }>(`SELECT count(*)::INTEGER AS count FROM ${TEMP.raw}`);
  return count;
}

/** SQL of the data lines of `TEMP.raw`, and of a role's text (`''` when the layout has no such column). */
function rawSql(layout: Layout) {
  const role = (r: Role) => column(layout.roles.get(r)!);
  const text = (r: Role) => (layout.roles.has(r) ? `coalesce(${role(r)}, '')` : `''`);
  return { role, text, dataRows: `FROM ${TEMP.raw} WHERE rowid > 0` };
}

/** Each distinct text of the file, and what the rules resolve it to (null: the rules have a word for it). */
interface Resolved<T> {
  values: T[];
  ids: (string | null)[];
}

/**
 * Dictionaries: each distinct unit (with its province), KPI and month text resolved once, by the functions the
 * page's reader calls per line, into `TEMP.units`, `TEMP.kpis` and `TEMP.months`; what the rules say about
 * each resolved KPI's values into `TEMP.kpiRules`. Throws Fallback when no unit name resolves.
 */
export async function writeDictionaries(db: Db, fast: FastFile): Promise<void> {
  const { text, dataRows } = rawSql(fast.layout);
  const fw = fast.readOptions.framework;
  const units = await resolveUnits(db, fast);
  if (!units.ids.some((id) => id !== null)) throw new Fallback('no unit name resolves');
  const catalog = catalogOf(fw);
  const kpis = await resolveTexts(
    db,
    fast,
    `SELECT DISTINCT ${text('kpi')} AS t ${dataRows}`,
    (t, column) => {
      const resolved = resolveKpi(stripInvisible(t), column('kpi'), catalog, fw);
      return resolved.ok ? resolved.kpi.kpi : null;
    }
  );
  const monthScope = monthScopeOf(fw);
  const months = await resolveTexts(
    db,
    fast,
    `SELECT DISTINCT ${text('month')} AS t ${dataRows}`,
    (t, column) => {
      const resolved = resolveMonth(stripInvisible(t), column('month'), monthScope);
      return resolved.ok ? resolved.month : null;
    }
  );

  await db.exec(`CREATE TEMP TABLE ${TEMP.units} (p VARCHAR, u VARCHAR, unit_id VARCHAR)`);
  await db.insertRows(
    TEMP.units,
    [
      { name: 'p', type: 'VARCHAR' },
      { name: 'u', type: 'VARCHAR' },
      { name: 'unit_id', type: 'VARCHAR' }
    ],
    pairs(units, (pair) => [pair.p, pair.u])
  );
  await db.exec(`CREATE TEMP TABLE ${TEMP.kpis} (t VARCHAR, kpi VARCHAR)`);
  await db.insertRows(
    TEMP.kpis,
    [
      { name: 't', type: 'VARCHAR' },
      { name: 'kpi', type: 'VARCHAR' }
    ],
    pairs(kpis, (row) => [row.t])
  );
  await db.exec(`CREATE TEMP TABLE ${TEMP.months} (t VARCHAR, month VARCHAR)`);
  await db.insertRows(
    TEMP.months,
    [
      { name: 't', type: 'VARCHAR' },
      { name: 'month', type: 'VARCHAR' }
    ],
    pairs(months, (row) => [row.t])
  );
  await writeKpiRules(db, fw, kpis.ids);
}

/** Each distinct (province, unit) pair of the file and the unit it resolves to. */
async function resolveUnits(db: Db, fast: FastFile): Promise<Resolved<{ p: string; u: string }>> {
  const { text, dataRows } = rawSql(fast.layout);
  const options = fast.readOptions;
  const resolver = new UnitResolver(scopeOf(options.framework), options.aliases, options.framework.name);
  const unitColumns = fast.layout.rules.unit;
  const values = await db.query<{ p: string; u: string }>(
    `SELECT DISTINCT ${text('province')} AS p, ${text('unit')} AS u ${dataRows}`
  );
  const unitCells = new Array<string>(fast.header.length).fill('');
  const ids = values.map((pair) => {
    unitCells[unitColumns.unit] = stripInvisible(pair.u);
    if (unitColumns.province !== undefined) unitCells[unitColumns.province] = stripInvisible(pair.p);
    const resolved = resolver.resolve(unitCells, unitColumns);
    return resolved.ok ? resolved.unitId : null;
  });
  return { values, ids };
}

/** Each distinct text `sql` selects (as `t`), and what `resolve` makes of it. */
async function resolveTexts(
  db: Db,
  fast: FastFile,
  sql: string,
  resolve: (text: string, column: (r: Role) => string) => string | null
): Promise<Resolved<{ t: string }>> {
  const values = await db.query<{ t: string }>(sql);
  const column = (r: Role) => headerText(fast.header, fast.layout.roles.get(r)!);
  return { values, ids: values.map((row) => resolve(row.t, column)) };
}

/** The dictionary rows of the texts that resolve: their cells, then what they resolve to. */
function pairs<T>(resolved: Resolved<T>, cells: (value: T) => SqlValue[]): SqlValue[][] {
  const { values, ids } = resolved;
  return values.flatMap((value, i) => (ids[i] === null ? [] : [[...cells(value), ids[i]]]));
}

/**
 * What the rules say about each resolved KPI's values (`TEMP.kpiRules`): the bounds inside which they need no
 * word, whether a `%` is expected, which figures the scoring uses (a split number may hide in one it does not).
 */
async function writeKpiRules(
  db: Db,
  fw: ResultsReadOptions['framework'],
  kpiIds: readonly (string | null)[]
): Promise<void> {
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
}

/**
 * Numbers: plain ones stay to SQL; the others (Thai digits, separators, %, dashes, errors) are read by
 * `readNumber` into `TEMP.numbers`. And where the lines are: the irregular ones and the blank-line breakpoints.
 */
export async function writeNumbers(db: Db, fast: FastFile): Promise<void> {
  const { layout, scan } = fast;
  const { role, dataRows } = rawSql(layout);
  const numberColumns = NUMBER_ROLES.filter((r) => layout.roles.has(r));
  const odd = await db.query<{ t: string }>(
    numberColumns
      .map((r) => `SELECT DISTINCT ${role(r)} AS t ${dataRows} AND ${role(r)} IS NOT NULL AND NOT plain_${r}`)
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
}

/** A line's figures in SQL: each role's value, whether it parses, and the join to `TEMP.numbers`. */
function figureSql(layout: Layout) {
  return NUMBER_ROLES.map((r) => {
    if (!layout.roles.has(r)) return { value: `NULL::DOUBLE AS ${r}`, ok: 'TRUE', join: '' };
    const c = `r.${column(layout.roles.get(r)!)}`;
    return {
      value: `CASE WHEN r.plain_${r} THEN CAST(${c} AS DOUBLE) + 0.0 ELSE n_${r}.value END AS ${r}`,
      ok: `(${c} IS NULL OR r.plain_${r} OR coalesce(n_${r}.ok, FALSE))`,
      join: `LEFT JOIN ${TEMP.numbers} n_${r} ON n_${r}.t = ${c}`
    };
  });
}

/**
 * Lines the rules have a word for although every cell resolves: a value outside the KPI's plain bounds, a
 * `%` the KPI does not expect, 1–3 digits before a 3-digit group in a figure the KPI does not use.
 * What the rules have a word for although every cell resolves (a value outside the KPI's plain bounds, a
 * `%` the KPI does not expect, 1–3 digits before a 3-digit group in a figure the KPI does not use): the
 * facts in \`resolved\`, the decision in \`classified\`.
 */
function noteSql(layout: Layout, ragged: boolean): { facts: string[]; noted: string[] } {
  const numberColumns = NUMBER_ROLES.filter((r) => layout.roles.has(r));
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
  return { facts, noted };
}

/**
 * Each line into `TEMP.lines`: its physical number, what it resolves to, and whether it is `slow` (not clean,
 * or its key is on another clean line): those go through the page's reader.
 */
export async function classifyLines(db: Db, fast: FastFile): Promise<void> {
  const { layout, scan } = fast;
  const cell = (r: Role) => (layout.roles.has(r) ? `coalesce(r.${column(layout.roles.get(r)!)}, '')` : `''`);
  const figures = figureSql(layout);
  const { facts, noted } = noteSql(layout, fast.ragged);
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
}
