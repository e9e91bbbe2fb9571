/**
 * Demo data is a mode, not data (issue 11), in the browser session on native DuckDB and the in-memory store:
 * a built-in framework shows its demo (kept under `demo:<id>`) until its first real upload, which starts its
 * real data from nothing; clearing the workspace or removing the last upload goes back to the demo; a second
 * session over the same store (a reload) finds the same mode.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { demoFrameworkId } from '../domain/demo';
import { MemoryStore } from '../persist/stored';
import { resolveSelection } from './selection';
import { testSessionDeps } from './session-testing';
import { Session, type ImportReport } from './session.svelte';
import { DEFAULT_VIEW } from './view-params';

const FRAMEWORK = 'chachoengsao-2565-r2';
const DEMO = demoFrameworkId(FRAMEWORK);
const open: { close(): Promise<void> }[] = [];

const HEADER = 'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน,ค่าเป้าหมาย\n';
function csv(name: string, text: string) {
  return { name, bytes: new TextEncoder().encode(HEADER + text) };
}
/** One district, one KPI, one month: บางคล้า's June budget, 600,000 of 721,070 baht. */
const ONE_ROW = csv('one-row.csv', 'บางคล้า,T1,2565-06,600000,721070\n');

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

async function session(store: MemoryStore): Promise<Session> {
  const s = new Session(testSessionDeps(store, 'DuckDB reads the files', open));
  await s.start(FRAMEWORK);
  expect(s.status).toBe('ready');
  await s.allLoaded();
  return s;
}

async function resultCount(s: Session, frameworkId: string): Promise<number> {
  const [{ count }] = await s
    .requireWorkspace()
    .db.query<{ count: number }>('SELECT count(*)::INTEGER AS count FROM results WHERE framework_id = ?', [
      frameworkId
    ]);
  return count;
}

/** Starts an import, waits for the check step, and hands it to `check` before confirming. */
async function importChecked(
  s: Session,
  files: { name: string; bytes: Uint8Array }[],
  check: (pending: NonNullable<Session['pending']>) => void = () => undefined,
  target = FRAMEWORK
): Promise<ImportReport> {
  await s.check(files, target);
  expect(s.pending).not.toBeNull();
  check(s.pending!);
  return s.commit();
}

function shown(s: Session) {
  return resolveSelection(s.frameworks, { ...DEFAULT_VIEW, framework: FRAMEWORK }, s);
}

describe('demo mode of a built-in framework (issue 11)', () => {
  it('opens on the demo, kept apart: the framework itself has no results; the view shows the demo copy', async () => {
    const s = await session(new MemoryStore());
    expect(s.frameworks.map((f) => f.id)).not.toContain(DEMO);
    expect(s.demoOf(FRAMEWORK)?.id).toBe(DEMO);
    expect(await resultCount(s, FRAMEWORK)).toBe(0);
    expect(await resultCount(s, DEMO)).toBe(1008);
    expect(shown(s)).toMatchObject({ frameworkId: FRAMEWORK, demo: true, empty: false });
    expect(shown(s).framework?.id).toBe(DEMO);
    const demo = await s.leagueTable(DEMO, 'FY2565-R2', '*');
    expect(demo.rows.filter((row) => row.missing === 0).length).toBeGreaterThan(5);
  });

  it('a one-row upload: the check step says the demo goes and counts against real data only; only that row is real, also after a reload', async () => {
    const store = new MemoryStore();
    const s = await session(store);
    const report = await importChecked(s, [ONE_ROW], (pending) => {
      expect(pending.replacesDemo).toBe(true);
      expect(pending.files[0].accepted).toBe(1);
      // The demo has บางคล้า's June T1 too: against real data it is added, not changed.
      expect(pending.files[0].diff).toMatchObject({ added: 1, changed: 0, unchanged: 0, changes: [] });
    });
    expect(report.error).toBeNull();
    expect(report.files[0]).toMatchObject({ accepted: 1, added: 1, changed: 0, unchanged: 0 });
    expect(await resultCount(s, FRAMEWORK)).toBe(1);
    expect(await resultCount(s, DEMO)).toBe(1008); // the demo is still there to look at, apart
    expect(shown(s)).toMatchObject({ demo: false, empty: false });
    expect(shown(s).framework?.id).toBe(FRAMEWORK);

    const table = await s.leagueTable(FRAMEWORK, '2565-06', '*');
    expect(table.rows).toHaveLength(11);
    const reported = table.rows.flatMap((row) =>
      Object.values(row.cells)
        .filter((cell) => cell.status !== 'missing')
        .map((cell) => `${row.unit} ${cell.kpi}`)
    );
    expect(reported).toEqual(['บางคล้า T1']);
    expect(table.rows.find((row) => row.unit === 'บางคล้า')!.cells.T1.value).toBe(600000);

    // Another upload now compares with the real row only.
    const next = await importChecked(s, [csv('june.csv', 'บางคล้า,T1,2565-06,650000,721070\n')], (pending) => {
      expect(pending.replacesDemo).toBe(false);
      expect(pending.files[0].diff).toMatchObject({ added: 0, changed: 1, unchanged: 0 });
    });
    expect(next.files[0].changes.map((c) => [c.before.value, c.after.value])).toEqual([[600000, 650000]]);

    const reloaded = await session(store);
    expect(shown(reloaded)).toMatchObject({ demo: false, empty: false });
    expect(await resultCount(reloaded, FRAMEWORK)).toBe(1);
    expect(await reloaded.leagueTable(FRAMEWORK, '2565-06', '*')).toEqual(
      await s.leagueTable(FRAMEWORK, '2565-06', '*')
    );
  });

  it("a district the real file reports as '-' is not reported, whatever the demo says", async () => {
    const s = await session(new MemoryStore());
    const demo = await s.leagueTable(DEMO, '2565-06', '*');
    expect(demo.rows.find((row) => row.unit === 'ราชสาส์น')!.cells.T1.status).not.toBe('missing');
    await importChecked(s, [csv('dash.csv', 'บางคล้า,T1,2565-06,600000,721070\nราชสาส์น,T1,2565-06,-,\n')]);
    const table = await s.leagueTable(FRAMEWORK, '2565-06', '*');
    const ratchasan = table.rows.find((row) => row.unit === 'ราชสาส์น')!;
    expect(ratchasan.cells.T1).toMatchObject({ status: 'missing', level: null, score: 0 });
    expect(ratchasan.missing).toBe(table.kpis.length);
  });

  it('removing the last upload goes back to the demo; clearing leaves no real data; both survive a reload', async () => {
    const store = new MemoryStore();
    const s = await session(store);
    await importChecked(s, [ONE_ROW]);
    await s.removeUpload(s.uploads[0].id);
    expect(s.uploads).toEqual([]);
    expect(await resultCount(s, FRAMEWORK)).toBe(0);
    expect(shown(s)).toMatchObject({ demo: true });
    expect(shown(await session(store))).toMatchObject({ demo: true });

    await importChecked(s, [ONE_ROW], (pending) => expect(pending.replacesDemo).toBe(true));
    // The workspace file holds the real upload only: the demo is never exported.
    const exported = JSON.parse(await s.exportWorkspace());
    expect(exported.uploads.map((u: { file: string }) => u.file)).toEqual(['one-row.csv']);
    expect(JSON.stringify(exported)).not.toContain(DEMO);
    expect(JSON.stringify(exported)).not.toContain('เมืองฉะเชิงเทรา'); // a district only the demo has rows for

    await s.clearWorkspace();
    expect(s.uploads).toEqual([]);
    expect(await resultCount(s, FRAMEWORK)).toBe(0);
    const [{ real }] = await s
      .requireWorkspace()
      .db.query<{ real: number }>(
        "SELECT count(*)::INTEGER AS real FROM results WHERE framework_id NOT LIKE 'demo:%'"
      );
    expect(real).toBe(0);
    expect(shown(s)).toMatchObject({ demo: true, empty: false });
    const reloaded = await session(store);
    expect(reloaded.uploads).toEqual([]);
    expect(await resultCount(reloaded, FRAMEWORK)).toBe(0);
    expect(JSON.parse(await reloaded.exportWorkspace()).uploads).toEqual([]);
  });

  it('d=real shows a built-in without uploads as empty; d=demo shows the demo beside real data', async () => {
    const s = await session(new MemoryStore());
    const view = { ...DEFAULT_VIEW, framework: FRAMEWORK };
    expect(resolveSelection(s.frameworks, { ...view, data: 'real' }, s)).toMatchObject({
      demo: false,
      empty: true
    });
    await importChecked(s, [ONE_ROW]);
    const apart = resolveSelection(s.frameworks, { ...view, data: 'demo' }, s);
    expect(apart.framework?.id).toBe(DEMO);
    expect((await s.leagueTable(DEMO, 'FY2565-R2', '*')).rows.some((row) => row.missing === 0)).toBe(true);
    // An upload made while the demo is on screen goes to the real results.
    const report = await importChecked(
      s,
      [csv('july.csv', 'บางคล้า,T1,2565-07,700000,721070\n')],
      (pending) => expect(pending.frameworkId).toBe(FRAMEWORK),
      DEMO
    );
    expect(report.frameworkId).toBe(FRAMEWORK);
    expect(await resultCount(s, FRAMEWORK)).toBe(2);
    expect(await resultCount(s, DEMO)).toBe(1008);
  });
});
