/**
 * The import flow and persistence of the browser session, in Node: native DuckDB, the in-memory store and
 * the files of seed 001 (src/lib/ingest/fixtures). A second session over the same store stands for a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { MemoryStore } from '../persist/stored';
import { columnsOf } from '../sql/results-import';
import { READER_MODES, testSessionDeps, type ReaderMode } from './session-testing';
import { Session, type ImportReport } from './session.svelte';
import { demoFrameworkId } from '../domain/demo';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FRAMEWORK = 'chachoengsao-2565-r2';
/**
 * The framework the import tests import into, and one more so that a second framework's data is always
 * there; the start-up tests below load all five.
 */
const CATALOGUE = [FRAMEWORK, 'sakaeo-2567-r1'].map((id) => builtinFramework(id)!);
const open: { close(): Promise<void> }[] = [];
/** How the sessions of the tests running now read files (each block of tests runs both ways). */
let readerMode: ReaderMode = 'the page reader';

function file(name: string) {
  return { name, bytes: new Uint8Array(readFileSync(path.join(root, 'src/lib/ingest/fixtures', name))) };
}

async function session(store: MemoryStore): Promise<Session> {
  const s = new Session(testSessionDeps(store, readerMode, open, CATALOGUE));
  await s.start();
  expect(s.status).toBe('ready');
  await s.allLoaded();
  return s;
}

/** The units of the first pending file's usable rows (in JS, or in DuckDB when DuckDB read the file). */
async function pendingUnitIds(s: Session): Promise<string[]> {
  const pending = s.pending!.files[0];
  if (!pending.table) return pending.report.rows.map((r) => r.unitId);
  expect(pending.report.rows).toEqual([]);
  const rows = await s
    .requireWorkspace()
    .db.query<{ unit_id: string }>(`SELECT unit_id FROM ${pending.table} ORDER BY line`);
  expect(rows).toHaveLength(pending.accepted);
  return rows.map((row) => row.unit_id);
}

/** Imports files and answers the check step with `decision` once it shows. */
async function importAndDecide(
  s: Session,
  files: { name: string; bytes: Uint8Array }[],
  decision: 'commit' | 'cancel' = 'commit'
): Promise<ImportReport> {
  await s.check(files, FRAMEWORK);
  expect(s.pending).not.toBeNull();
  return decision === 'commit' ? s.commit() : s.cancel();
}

async function juneT1(s: Session) {
  return s
    .requireWorkspace()
    .db.query<{ unit_id: string; value: number; target: number | null; source: string; line: number }>(
      `SELECT unit_id, value, target, source, line FROM results
       WHERE framework_id = ? AND kpi = 'T1' AND month = '2022-06' ORDER BY unit_id`,
      [FRAMEWORK]
    );
}

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

describe.each(READER_MODES)('%s', (mode) => {
  beforeAll(() => {
    readerMode = mode;
  });

  describe('Session imports', () => {
    it('shows a check step, commits on confirm, and a new session over the store finds the same results', async () => {
      const store = new MemoryStore();
      const first = await session(store);
      const report = await importAndDecide(first, [file('seed001-budget-2565-06.csv')]);
      expect(report.error).toBeNull();
      // The first real upload into a built-in: counted against real data only (none), never the demo's.
      expect(report.files[0]).toMatchObject({ accepted: 11, added: 11, changed: 0, unchanged: 0 });
      expect(report.files[0].rejected).toHaveLength(4);
      expect(first.uploads).toHaveLength(1);
      const committed = await juneT1(first);
      expect(committed.every((r) => r.source === 'seed001-budget-2565-06.csv')).toBe(true);
      const table = await first.leagueTable(FRAMEWORK, '2565-06', '*');

      const reloaded = await session(store);
      expect(await juneT1(reloaded)).toEqual(committed);
      expect(await reloaded.leagueTable(FRAMEWORK, '2565-06', '*')).toEqual(table);
      expect(reloaded.uploads.map((u) => u.file)).toEqual(['seed001-budget-2565-06.csv']);
    });

    it('changes nothing when cancelled, or when the same file comes again', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      const demo = await juneT1(s);
      expect((await importAndDecide(s, [file('seed001-budget-2565-06.csv')], 'cancel')).error).toBe(
        'cancelled'
      );
      expect(await juneT1(s)).toEqual(demo);

      await importAndDecide(s, [file('seed001-budget-2565-06.csv')]);
      const after = await juneT1(s);
      const again = await importAndDecide(s, [file('seed001-budget-2565-06.csv')]);
      expect(again.files[0]).toMatchObject({ added: 0, changed: 0, unchanged: 11 });
      expect(await juneT1(s)).toEqual(after);
      expect(s.uploads).toHaveLength(1);
    });

    it('a corrected month replaces exactly its changed values, also after a reload', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      await importAndDecide(s, [file('seed001-budget-2565-06.xlsx')]);
      const corrected = await importAndDecide(s, [file('seed001-budget-2565-06-corrected.csv')]);
      expect(corrected.files[0]).toMatchObject({ added: 0, changed: 2, unchanged: 9 });
      expect(
        corrected.files[0].changes.map((c) => [
          c.unit,
          c.before.value,
          c.after.value,
          c.before.target,
          c.after.target
        ])
      ).toEqual([
        ['คลองเขื่อน', 436974.72, 436974.72, 483150, 500000],
        ['บางคล้า', 594515.04, 640215.04, 721070, 721070]
      ]);
      const rows = await juneT1(s);
      expect(rows.filter((r) => r.source.endsWith('corrected.csv')).map((r) => r.unit_id)).toEqual([
        '2402',
        '2411'
      ]);
      expect(await juneT1(await session(store))).toEqual(rows);
    });

    it('leaves everything as it was when the browser store fails during a commit', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      const before = await juneT1(s);
      await s.check([file('seed001-budget-2565-06.csv')], FRAMEWORK);
      store.failNextWrite = new Error('QuotaExceededError');
      const report = await s.commit();
      expect(report.files[0].error).toContain('QuotaExceededError');
      expect(await juneT1(s)).toEqual(before);
      expect(s.uploads).toEqual([]);
      expect((await store.load()).uploads).toEqual([]);
    });

    it('remembers an accepted suggestion and reads the pending file again with it', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      await s.check([file('seed001-loan-villages.txt')], FRAMEWORK);
      const issue = s.pending!.files[0].report.unitIssues.find((i) => i.name === 'ท่าตะเกรา')!;
      await s.acceptAlias(issue.name, issue.key, issue.suggestions[0].unitId);
      expect(await pendingUnitIds(s)).toContain('2410');
      await s.commit();
      expect((await store.load()).aliases.map((a) => [a.name, a.unitId])).toEqual([['ท่าตะเกรา', '2410']]);
      const reloaded = await session(store);
      expect(reloaded.aliases.map((a) => a.key)).toEqual([issue.key]);
    });

    it('exports the workspace, clears it, and imports it again', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      await importAndDecide(s, [file('seed001-budget-2565-06.csv')]);
      const withUpload = await juneT1(s);
      const exported = await s.exportWorkspace();
      await s.clearWorkspace();
      expect(s.uploads).toEqual([]);
      expect((await juneT1(s)).some((r) => r.source.startsWith('seed001'))).toBe(false);
      expect(await s.importWorkspace('{"format":"something-else"}')).toMatchObject({ ok: false });
      expect(await s.importWorkspace(exported)).toEqual({ ok: true });
      expect(await juneT1(s)).toEqual(withUpload);
      expect(await juneT1(await session(store))).toEqual(withUpload);
    });

    it('cancels a reading in progress: nothing is shown and nothing changes', async () => {
      const store = new MemoryStore();
      let reading: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (reading = resolve));
      const s = new Session({
        ...testSessionDeps(store, readerMode, open),
        readResults: (_input, _framework, _aliases, onProgress, signal) =>
          new Promise((_resolve, reject) => {
            onProgress(0.4);
            reading();
            signal.addEventListener('abort', () =>
              reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }))
            );
          })
      });
      await s.start();
      const done = s.check([file('seed001-budget-2565-06.csv')], FRAMEWORK);
      await started;
      expect(s.reading).toMatchObject({ file: 'seed001-budget-2565-06.csv', fraction: 0.4 });
      await s.cancel();
      expect(((await done) as ImportReport).error).toBe('cancelled');
      expect(s.reading).toBeNull();
      expect(s.pending).toBeNull();
      expect(s.lastImport).toBeNull();
    });

    it('removes one upload and rebuilds the results without it', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      await importAndDecide(s, [file('seed001-budget-2565-06.csv')]);
      const budget = await juneT1(s);
      await importAndDecide(s, [file('seed001-budget-2565-06-corrected.csv')]);
      expect(await juneT1(s)).not.toEqual(budget);
      await s.removeUpload(s.uploads[1].id);
      expect(await juneT1(s)).toEqual(budget);
      // The last one: no real results are left (the framework shows its demo again, session-demo.test.ts).
      await s.removeUpload(s.uploads[0].id);
      expect(await juneT1(s)).toEqual([]);
    });
  });
});

describe('start-up loads the framework on screen first', () => {
  const BUILTIN_ORDER = [
    'chachoengsao-2565-r2',
    'buriram-2567-q4',
    'sakaeo-2567-r1',
    'chaiyaphum-2562-r1',
    'cdd-staff-2565'
  ];

  function fresh(store: MemoryStore): Session {
    return new Session(testSessionDeps(store, 'the page reader', open));
  }

  async function scoredFrameworks(s: Session): Promise<string[]> {
    const rows = await s
      .requireWorkspace()
      .db.query<{ id: string }>('SELECT DISTINCT framework_id AS id FROM unit_totals ORDER BY id');
    return rows.map((row) => row.id);
  }

  it('the asked framework is ready (and scored) before the others; the others follow in the built-in order', async () => {
    const s = fresh(new MemoryStore());
    await s.start('sakaeo-2567-r1');
    expect(s.status).toBe('ready');
    expect(s.frameworks.map((f) => f.id)).toEqual(['sakaeo-2567-r1']);
    // Without uploads a built-in shows its demo copy (issue 11).
    const table = await s.leagueTable(demoFrameworkId('sakaeo-2567-r1'), 'FY2567-R1', '*');
    expect(table.rows.length).toBeGreaterThan(0);
    const revision = s.revision;
    await s.allLoaded();
    expect(s.frameworks.map((f) => f.id)).toEqual(BUILTIN_ORDER);
    expect(s.demoFrameworks.map((f) => f.id)).toEqual(BUILTIN_ORDER.map(demoFrameworkId));
    // Only the demo copies have results to score; the built-ins themselves have no real results yet.
    expect(await scoredFrameworks(s)).toEqual(BUILTIN_ORDER.map(demoFrameworkId).sort());
    expect(s.revision).toBe(revision + 1);
    // The same table as a session that loaded everything in the old order.
    const other = fresh(new MemoryStore());
    await other.start();
    await other.allLoaded();
    expect(await other.leagueTable(demoFrameworkId('sakaeo-2567-r1'), 'FY2567-R1', '*')).toEqual(table);
  });

  /** Every score of a framework, as text (the check that scoring some periods first changes no number). */
  async function allScores(s: Session, frameworkId: string): Promise<string> {
    const db = await s.scoredDb(frameworkId);
    const scores = await db.query(
      'SELECT * FROM kpi_scores WHERE framework_id = ? ORDER BY period_id, unit_id, kpi',
      [frameworkId]
    );
    const totals = await db.query(
      'SELECT * FROM unit_totals WHERE framework_id = ? ORDER BY period_id, grp, unit_id',
      [frameworkId]
    );
    return JSON.stringify([scores, totals]);
  }

  it('scores the period on screen first (start-up and import), the rest in the background, to the same numbers', async () => {
    const store = new MemoryStore();
    const s = fresh(store);
    await s.start(FRAMEWORK, '2565-06');
    const workspace = s.requireWorkspace();
    // No uploads: the demo copy is on screen (issue 11).
    const demo = demoFrameworkId(FRAMEWORK);
    const pending = workspace.pendingPeriods(demo);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending).not.toContain('2565-06');
    expect(pending).not.toContain('2565-05'); // the period before: rank movement
    // A view reading every period waits for the rest; then every number is what scoring all at once gives.
    const scoredFirst = await allScores(s, demo);
    expect(workspace.pendingPeriods(demo)).toEqual([]);
    await s.allLoaded();
    const reference = fresh(new MemoryStore());
    await reference.start();
    await reference.allLoaded();
    expect(scoredFirst).toEqual(await allScores(reference, demo));

    // An import scores the period on screen before it returns; the others follow.
    await s.check([file('seed001-budget-2565-06.csv')], FRAMEWORK, 'FY2565-R2');
    expect((await s.commit()).error).toBeNull();
    expect(workspace.pendingPeriods(FRAMEWORK)).not.toContain('FY2565-R2');
    expect(workspace.pendingPeriods(FRAMEWORK)).not.toContain('FY2565-R1');
    const table = await s.leagueTable(FRAMEWORK, 'FY2565-R2', '*');
    await s.allLoaded();
    expect(workspace.pendingPeriods(FRAMEWORK)).toEqual([]);
    const reloaded = fresh(store);
    await reloaded.start(FRAMEWORK, 'FY2565-R2');
    // With an upload, the real results are on screen: scored first, the demo copy left to the background.
    expect(reloaded.requireWorkspace().pendingPeriods(FRAMEWORK)).not.toContain('FY2565-R2');
    await reloaded.allLoaded();
    expect(await reloaded.leagueTable(FRAMEWORK, 'FY2565-R2', '*')).toEqual(table);
    expect(await allScores(reloaded, FRAMEWORK)).toEqual(await allScores(s, FRAMEWORK));
  });

  it('without an asked framework: the one of the saved view, else the first built-in; unknown ids fall back', async () => {
    const store = new MemoryStore();
    await store.putView('?f=buriram-2567-q4&p=2567-09');
    const s = fresh(store);
    await s.start();
    expect(s.frameworks.map((f) => f.id)).toEqual(['buriram-2567-q4']);
    await s.allLoaded();
    const t = fresh(new MemoryStore());
    await t.start('no-such-framework');
    expect(t.frameworks.map((f) => f.id)).toEqual(['chachoengsao-2565-r2']);
    await t.allLoaded();
  });

  it('an import started before the others are in waits for them, then commits as usual', async () => {
    const s = fresh(new MemoryStore());
    await s.start('cdd-staff-2565');
    expect(s.frameworks).toHaveLength(1);
    const report = await importAndDecide(s, [file('seed001-budget-2565-06.csv')]);
    expect(report.error).toBeNull();
    expect(report.files[0].added + report.files[0].changed).toBeGreaterThan(0);
    expect(s.frameworks.map((f) => f.id)).toEqual(BUILTIN_ORDER);
  });
});

describe('DuckDB reading the files stores exactly what the page reader stores', () => {
  async function importAll(mode: ReaderMode) {
    readerMode = mode;
    const store = new MemoryStore();
    const s = await session(store);
    const reports = [];
    for (const name of [
      'seed001-budget-2565-06.csv',
      'seed001-budget-2565-06-corrected.csv',
      'seed001-budget-2565-06.clean.csv'
    ]) {
      reports.push(await importAndDecide(s, [file(name)]));
    }
    const cancelled = await importAndDecide(s, [file('seed001-budget-2565-06.csv')], 'cancel');
    expect(cancelled.error).toBe('cancelled');
    // No temp table of a pending file is left behind.
    const left = await s
      .requireWorkspace()
      .db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'results\\_%' ESCAPE '\\'`);
    expect(left).toEqual([]);
    const results = await s
      .requireWorkspace()
      .db.query(`SELECT * FROM results WHERE framework_id = ? ORDER BY unit_id, kpi, month`, [FRAMEWORK]);
    const stored = await store.load();
    return {
      reports: reports.map((report) => ({ ...report, at: 0 })),
      results,
      // DuckDB's reader keeps the rows packed (one string), the page reader as columns: the same rows.
      uploads: stored.uploads.map((upload) => ({ ...upload, id: '', rows: columnsOf(upload.rows) })),
      packed: stored.uploads.map((upload) => 'packing' in upload.rows)
    };
  }

  it('the same reports, stored uploads and results, file after file', async () => {
    const page = await importAll('the page reader');
    const duckdb = await importAll('DuckDB reads the files');
    // Each file changes something: the corrected month, then the clean file puts the June values back.
    expect(page.uploads).toHaveLength(3);
    expect(page.results.length).toBeGreaterThan(10);
    expect(duckdb.packed).toEqual([true, true, true]);
    expect(page.packed).toEqual([false, false, false]);
    expect({ ...duckdb, packed: null }).toEqual({ ...page, packed: null });
  });
});
