/**
 * Issue 7 §4 and §5 on the session (Node, native DuckDB, an in-memory store standing for IndexedDB): the
 * stored workspace stays consistent when the browser's storage is full, when the tab goes away in the middle of
 * an import, and when a second tab works on the same workspace; a hostile file leaves the workspace as it was.
 * "Consistent" is checked the strongest way: what a tab shows equals what a fresh session (a reload) builds
 * from the store.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FRAMEWORK_FILE_BYTES, MAX_RESULTS_FILE_BYTES } from '../ingest/limits';
import { MemoryStore, type StoredUpload, type StoredWorkspace, type WorkspaceStore } from '../persist/stored';
import { builtinFramework } from '../frameworks/builtin';
import { READER_MODES, testSessionDeps, type ReaderMode } from './session-testing';
import { Session, type ImportReport } from './session.svelte';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FRAMEWORK = 'chachoengsao-2565-r2';
/** The framework the tests import into, and one more so that a second framework's data is always there. */
const CATALOGUE = [FRAMEWORK, 'sakaeo-2567-r1'].map((id) => builtinFramework(id)!);
const open: { close(): Promise<void> }[] = [];
/** How the sessions of the tests running now read files (each block of tests runs both ways). */
let readerMode: ReaderMode = 'the page reader';

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

function fixture(name: string) {
  return { name, bytes: new Uint8Array(readFileSync(path.join(root, 'src/lib/ingest/fixtures', name))) };
}

function e2eFixture(name: string) {
  return {
    name: path.basename(name),
    bytes: new Uint8Array(readFileSync(path.join(root, 'e2e/fixtures', name)))
  };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A store around another whose writes can be made to fail or to hang (a tab closed mid-write). */
class ControlledStore implements WorkspaceStore {
  readonly kind = 'indexeddb' as const;
  failUploads: (() => Error) | null = null;
  failFrameworks: (() => Error) | null = null;
  /** When set, `addUpload` writes (or not) and then never returns: the page is gone. */
  hangUploads: 'after-write' | 'before-write' | null = null;
  /** Resolves when `addUpload` hung (a promise, not a flag to poll). */
  readonly hung: Promise<void>;
  private markHung: () => void = () => {};
  constructor(readonly inner: MemoryStore = new MemoryStore()) {
    this.hung = new Promise((resolve) => (this.markHung = resolve));
  }
  load = () => this.inner.load();
  signature = () => this.inner.signature();
  async putFramework(record: Parameters<WorkspaceStore['putFramework']>[0]) {
    if (this.failFrameworks) throw this.failFrameworks();
    return this.inner.putFramework(record);
  }
  removeFramework = (id: string) => this.inner.removeFramework(id);
  async addUpload(upload: StoredUpload) {
    if (this.failUploads) throw this.failUploads();
    if (this.hangUploads) {
      if (this.hangUploads === 'after-write') await this.inner.addUpload(upload);
      this.markHung();
      return new Promise<void>(() => {});
    }
    return this.inner.addUpload(upload);
  }
  removeUpload = (id: string) => this.inner.removeUpload(id);
  putAlias = (alias: Parameters<WorkspaceStore['putAlias']>[0]) => this.inner.putAlias(alias);
  removeAlias = (key: string) => this.inner.removeAlias(key);
  putView = (search: string) => this.inner.putView(search);
  replace = (workspace: StoredWorkspace) => this.inner.replace(workspace);
}

async function session(store: WorkspaceStore): Promise<Session> {
  const s = new Session(testSessionDeps(store, readerMode, open, CATALOGUE));
  await s.start();
  expect(s.status).toBe('ready');
  await s.allLoaded();
  return s;
}

async function importAndDecide(
  s: Session,
  files: { name: string; bytes: Uint8Array }[],
  frameworkId = FRAMEWORK
): Promise<ImportReport> {
  const checked = await s.check(files, frameworkId);
  return 'error' in checked ? checked : s.commit();
}

/** Everything a tab shows that comes from the workspace: frameworks, uploads, aliases and every score. */
async function snapshot(s: Session) {
  await s.allLoaded(); // every period scored (an import scores the one on screen first, the rest after)
  const db = s.requireWorkspace().db;
  return {
    frameworks: s.frameworks.map((f) => f.id).sort(),
    imported: [...s.importedFrameworkIds].sort(),
    uploads: s.uploads.map((u) => [u.file, u.frameworkId, u.seq, u.counts]),
    aliases: s.aliases.map((a) => [a.key, a.unitId]),
    results: await db.query(
      `SELECT framework_id, unit_id, kpi, month, value, target, source
       FROM results ORDER BY framework_id, unit_id, kpi, month`
    ),
    totals: await db.query(
      `SELECT framework_id, period_id, grp, unit_id, round(total, 6) AS total, rank
       FROM unit_totals ORDER BY framework_id, period_id, grp, unit_id`
    )
  };
}

/** What the tab shows is what a reload of the store builds. */
async function expectConsistent(s: Session, store: WorkspaceStore): Promise<void> {
  const reloaded = await session(store);
  expect(await snapshot(s)).toEqual(await snapshot(reloaded));
}

describe.each(READER_MODES)('%s', (mode) => {
  beforeAll(() => {
    readerMode = mode;
  });

  describe('storage quota exceeded', () => {
    it('while storing an upload: the file is not imported, the page and the store keep what they had', async () => {
      const store = new ControlledStore();
      const s = await session(store);
      const before = await snapshot(s);
      store.failUploads = quotaError;
      const report = await importAndDecide(s, [fixture('seed001-budget-2565-06.csv')]);
      expect(report.files[0].error).toContain('QuotaExceededError');
      expect(report.files[0].error).toContain('ข้อมูลเดิมไม่เปลี่ยน');
      expect(await snapshot(s)).toEqual(before);
      await expectConsistent(s, store);
    });

    it('while storing an imported framework: nothing of the import is kept, on the page or in the store', async () => {
      const store = new ControlledStore();
      const s = await session(store);
      const before = await snapshot(s);
      store.failFrameworks = quotaError;
      const report = await importAndDecide(s, [
        e2eFixture('upload-framework/framework.csv'),
        e2eFixture('upload-framework/kpis.csv'),
        e2eFixture('upload-framework/levels.csv'),
        e2eFixture('upload-results.csv')
      ]);
      expect(report.error).toContain('QuotaExceededError');
      expect(report.files).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
      expect(s.storageError ?? '').not.toContain('ข้อมูลที่นำเข้าจะหาย');
      await expectConsistent(s, store);
    });

    it('replacing an imported framework fails: the old one stays, with its results', async () => {
      const store = new ControlledStore();
      const s = await session(store);
      const files = [
        e2eFixture('upload-framework/framework.csv'),
        e2eFixture('upload-framework/kpis.csv'),
        e2eFixture('upload-framework/levels.csv')
      ];
      await importAndDecide(s, [...files, e2eFixture('upload-results.csv')]);
      const before = await snapshot(s);
      expect(before.imported).toEqual(['e2e-budget']);
      store.failFrameworks = quotaError;
      const report = await importAndDecide(s, files);
      expect(report.error).toContain('QuotaExceededError');
      expect(await snapshot(s)).toEqual(before);
      await expectConsistent(s, store);
    });
  });

  describe('the tab goes away in the middle of an import', () => {
    it.each(['before-write', 'after-write'] as const)(
      'while the upload is being stored (%s): a reload finds a whole upload or none, never part of one',
      async (when) => {
        const store = new ControlledStore();
        const s = await session(store);
        const before = await snapshot(s);
        store.hangUploads = when;
        void importAndDecide(s, [fixture('seed001-budget-2565-06.csv')]);
        await store.hung;
        // The tab is gone: a new one starts over the same store.
        const reloaded = await session(store);
        const after = await snapshot(reloaded);
        if (when === 'before-write') expect(after).toEqual(before);
        else {
          expect(after.uploads).toEqual([
            [
              'seed001-budget-2565-06.csv',
              FRAMEWORK,
              1,
              // The first real upload: every row is new (the demo is never counted against, issue 11).
              { rows: 11, added: 11, changed: 0, unchanged: 0, rejected: 4 }
            ]
          ]);
          const june = after.results.filter((r) => r.month === '2022-06' && r.kpi === 'T1');
          expect(june.filter((r) => r.source === 'seed001-budget-2565-06.csv')).toHaveLength(11);
        }
      }
    );

    it('while the file is being read or checked: nothing is stored', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      const before = await snapshot(s);
      await s.check([fixture('seed001-budget-2565-06.csv')], FRAMEWORK);
      expect(s.pending !== null).toBe(true);
      expect(await snapshot(await session(store))).toEqual(before);
    });
  });

  describe('a second tab on the same workspace', () => {
    it('imports made in two tabs are both kept, the later one wins, and each tab shows what a reload shows', async () => {
      const store = new MemoryStore();
      const first = await session(store);
      const second = await session(store); // opened before the first tab imports anything
      await importAndDecide(first, [fixture('seed001-budget-2565-06.csv')]);
      await importAndDecide(first, [fixture('seed001-budget-2565-06-corrected.csv')]);
      // The second tab, which has not seen those imports, imports the uncorrected file again.
      const report = await importAndDecide(second, [fixture('seed001-budget-2565-06.csv')]);
      expect(report.files[0]).toMatchObject({ changed: 2, error: null });
      const stored = await store.load();
      expect(stored.uploads.map((u) => [u.file, u.seq])).toEqual([
        ['seed001-budget-2565-06.csv', 1],
        ['seed001-budget-2565-06-corrected.csv', 2],
        ['seed001-budget-2565-06.csv', 3]
      ]);
      await expectConsistent(second, store);
      // บางคล้า June T1 is the uncorrected 594,515.04 again: the latest import wins.
      const bangkhla = (await snapshot(second)).results.find(
        (r) => r.unit_id === '2402' && r.kpi === 'T1' && r.month === '2022-06'
      );
      expect(bangkhla?.value).toBe(594515.04);
    });

    it('removing a framework in one tab removes the uploads another tab made for it', async () => {
      const store = new MemoryStore();
      const first = await session(store);
      const second = await session(store);
      await importAndDecide(
        first,
        [
          e2eFixture('upload-framework/framework.csv'),
          e2eFixture('upload-framework/kpis.csv'),
          e2eFixture('upload-framework/levels.csv'),
          e2eFixture('upload-results.csv')
        ],
        FRAMEWORK
      );
      expect((await store.load()).uploads.map((u) => u.frameworkId)).toEqual(['e2e-budget']);
      await second.removeFramework('e2e-budget');
      expect((await store.load()).uploads).toEqual([]);
      expect((await store.load()).frameworks).toEqual([]);
      await expectConsistent(second, store);
    });

    it('removing an upload in one tab does not bring back what another tab removed', async () => {
      const store = new MemoryStore();
      const first = await session(store);
      await importAndDecide(first, [fixture('seed001-budget-2565-06.csv')]);
      await importAndDecide(first, [fixture('seed001-loan-villages.txt')]);
      const second = await session(store);
      await first.removeUpload(first.uploads[0].id);
      await second.removeUpload(second.uploads[1].id);
      expect((await store.load()).uploads).toEqual([]);
      await expectConsistent(second, store);
    });
  });

  describe('hostile files leave the workspace as it was', () => {
    it.each([
      ['random bytes', 'ผล.csv', () => new Uint8Array(200_000).map((_, i) => (i * 7919) % 251)],
      ['an oversized results file', 'ผลใหญ่.csv', () => new Uint8Array(MAX_RESULTS_FILE_BYTES + 1)],
      [
        '10,000 columns',
        'กว้าง.csv',
        () => new TextEncoder().encode(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`)
      ],
      ['NUL bytes', 'nul.csv', () => new Uint8Array(10_000)]
    ])('%s: refused with a reason, nothing committed', async (_name, fileName, bytes) => {
      const store = new MemoryStore();
      const s = await session(store);
      const before = await snapshot(s);
      const report = await importAndDecide(s, [{ name: fileName, bytes: bytes() }]);
      expect(report.files[0]?.accepted ?? 0).toBe(0);
      expect(report.files[0]?.rejected[0]?.reason.length ?? 0).toBeGreaterThan(20);
      expect(await snapshot(s)).toEqual(before);
      expect(await store.load()).toMatchObject({ uploads: [], frameworks: [] });
    });

    it('an oversized framework file is refused before it is read, naming the limit', async () => {
      const store = new MemoryStore();
      const s = await session(store);
      const before = await snapshot(s);
      const report = await importAndDecide(s, [
        { name: 'kpis.csv', bytes: new Uint8Array(MAX_FRAMEWORK_FILE_BYTES + 1).fill(0x41) },
        e2eFixture('upload-framework/framework.csv'),
        e2eFixture('upload-framework/levels.csv')
      ]);
      expect(report.error).toBe('framework');
      expect(report.frameworkIssues).toEqual([
        expect.objectContaining({
          severity: 'error',
          where: 'kpis.csv',
          message: expect.stringContaining('10 MB')
        })
      ]);
      expect(await snapshot(s)).toEqual(before);
    });
  });
});
