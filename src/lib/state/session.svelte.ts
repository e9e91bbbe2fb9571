/**
 * The browser session: one DuckDB, one workspace, the built-in frameworks with their demo data, and what
 * the user imported. Demo data is a mode, not data (issue 11): a built-in's demo results live under its demo
 * copy `demo:<id>` (src/lib/domain/demo.ts), never among its real results, never in the store; views show the
 * demo copy while the framework has no upload (selection.ts). Views read from it through small queries; `revision` changes after every re-score
 * so that views know to read again.
 *
 * Imports (issue 5) go in three steps: files are read (in a worker, with progress and a cancel), a
 * validation report is shown (`pending`: rows accepted and rejected, unknown names with suggestions that
 * can be accepted as aliases, values that would change), and only on "นำเข้า" are they committed, each
 * results file all-or-nothing. What the user gave (imported frameworks, the rows each upload wrote, aliases,
 * the last view) is kept in the browser (src/lib/persist) and rebuilt into DuckDB on every start.
 */
import type { Db } from '../db/types';
import type { Framework, FrameworkIssue } from '../domain/framework';
import type { Period } from '../domain/periods';
import { hasErrors } from '../domain/framework-validate';
import {
  resultRows,
  type PackedResults,
  type Rejection,
  type ResultColumns,
  type ResultRow
} from '../domain/results';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../frameworks/builtin';
import { demoFramework, demoFrameworkId, isDemoFrameworkId, realFrameworkId } from '../domain/demo';
import { decodeText } from '../ingest/decode';
import { readFrameworkFiles, type FrameworkFile } from '../ingest/framework-files';
import { readResultsFast } from '../ingest/fast-results';
import { readResultsFile, type ResultsFileInput, type ResultsFileReport } from '../ingest/read-file';
import { columnsOf, createPendingResultsSql, dropPendingResultsSql, rowCountOf } from '../sql/results-import';
import { readResultsText, type UnitIssue } from '../ingest/results';
import { MAX_FRAMEWORK_FILE_BYTES, fileSizeProblem } from '../ingest/limits';
import { storageEstimate, requestPersistentStorage } from '../persist/indexeddb';
import {
  EMPTY_WORKSPACE,
  MemoryStore,
  newUploadId,
  type StoredAlias,
  type StoredUpload,
  type StoredWorkspace,
  type WorkspaceStore
} from '../persist/stored';
import { readWorkspaceFile, workspaceToJson } from '../persist/workspace-file';
import { periodsOnScreen } from './selection';
import { readViewSearch } from './view-params';
import type { LeagueTable } from '../scoring/league';
import { receivedGrid, type ReceivedGrid } from '../scoring/received';
import { BackgroundWork } from './background.svelte';
import { SharedStore } from './shared-store';
import { Workspace, resolveFrameworkUnit, type ResultChange, type ResultsDiff } from '../scoring/workspace';

export type SessionStatus = 'starting' | 'loading' | 'ready' | 'error';

/** What committing one results file did. */
export interface ImportFileResult {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  /** Usable rows in the file. */
  accepted: number;
  added: number;
  changed: number;
  unchanged: number;
  /** Same as `changed` (older name). */
  replaced: number;
  rejected: Rejection[];
  warnings: string[];
  unitIssues: UnitIssue[];
  /** The changed values, before → after. */
  changes: ResultChange[];
  /** Why the file was not committed (nothing of it was), or null. */
  error: string | null;
}

/** What one import did: per results file, rows kept, changed and rejected; framework issues. */
export interface ImportReport {
  at: number;
  frameworkId: string | null;
  frameworkIssues: FrameworkIssue[];
  files: ImportFileResult[];
  /** `framework` (its files have errors), `no-framework`, `cancelled`, `busy`, or a message. */
  error: string | null;
}

/** One results file read and compared with what is stored, waiting for "นำเข้า". */
export interface PendingFile {
  name: string;
  /** What the reader found; `rows` is empty when the rows wait in DuckDB (`table`). */
  report: ResultsFileReport;
  /** Usable rows. */
  accepted: number;
  /** The DuckDB temp table holding the usable rows (the fast reader's), or null: they are `report.rows`. */
  table: string | null;
  /** Against the stored results; null when the file has no usable rows. */
  diff: ResultsDiff | null;
}

/** The validation report shown before anything is committed. */
export interface PendingImport {
  frameworkId: string;
  frameworkName: string;
  /** A framework read from the files, to be stored on commit (null: results for an existing framework). */
  framework: Framework | null;
  frameworkFiles: string[];
  frameworkIssues: FrameworkIssue[];
  /** True when the framework read from the files replaces one with the same id. */
  replacesFramework: boolean;
  /**
   * True when this is the first real upload into a built-in framework: its views stop showing the demo data
   * (which is never merged with real rows; the counts of `files` are against real results only).
   */
  replacesDemo: boolean;
  files: PendingFile[];
}

export interface ReadingProgress {
  file: string;
  /** 0-based position of the file among the results files being read, and how many there are. */
  index: number;
  count: number;
  fraction: number;
}

/** An upload as listed in the Data view (its rows stay in the store). */
export type UploadSummary = Omit<StoredUpload, 'rows'>;

export interface StorageInfo {
  kind: WorkspaceStore['kind'];
  usage: number | null;
  quota: number | null;
  persisted: boolean;
}

export interface StartupPhases {
  engine: number;
  builtins: number;
  stored: number;
  scoring: number;
}

export type ResultsFileReader = (
  input: ResultsFileInput,
  framework: Framework,
  aliases: ReadonlyMap<string, string>,
  onProgress: (fraction: number) => void,
  signal: AbortSignal
) => Promise<ResultsFileReport>;

export interface SessionDeps {
  openDb: () => Promise<Db>;
  /** Reads a file shipped with the site (demo data), relative to the site root. */
  fetchText: (path: string) => Promise<string>;
  /** Where the user's workspace is kept; default IndexedDB in the browser, memory elsewhere. */
  openStore?: () => Promise<WorkspaceStore>;
  /** Reads a results file; default a worker in the browser. */
  readResults?: ResultsFileReader;
  /** The built-in frameworks (with demo data under their `demoFileName`); default the shipped catalogue. */
  catalogue?: readonly Framework[];
  /** Wall-clock time (ms) for stored records; default `Date.now`. */
  now?: () => number;
  /** A monotonic clock (ms) for timings; default `performance.now`. */
  clock?: () => number;
}

const FRAMEWORK_FILE = /(^|[\\/])(framework|kpis|levels|targets)\.csv$|\.json$/i;

export function isFrameworkFile(name: string): boolean {
  return FRAMEWORK_FILE.test(name);
}

/** How many changed values a preview describes (the commit describes up to 10 000). */
const PREVIEW_CHANGES = 500;

async function defaultStore(): Promise<WorkspaceStore> {
  if (typeof indexedDB === 'undefined') return new MemoryStore();
  const { openIndexedDbStore } = await import('../persist/indexeddb');
  return openIndexedDbStore();
}

const defaultReader: ResultsFileReader = async (input, framework, aliases, onProgress, signal) => {
  if (typeof Worker === 'undefined') return readResultsFile(input, { framework, aliases, onProgress });
  const { readResultsInWorker } = await import('../ingest/read-client');
  return readResultsInWorker({ input, framework, aliases: [...aliases] }, onProgress, signal);
};

function message(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return (
      'พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม (QuotaExceededError) — ลบไฟล์ที่นำเข้าที่ไม่ใช้แล้วในหน้าข้อมูล ' +
      'หรือส่งออกพื้นที่ทำงานเก็บไว้แล้วล้าง'
    );
  }
  return error instanceof Error ? error.message : String(error);
}

/** Tabs of this browser share one stored workspace: its lock (Web Locks) and its change notices. */

function isCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ReadCancelled' || error.name === 'AbortError');
}

/** Lines with at least one rejection. */
function countLines(rejected: readonly Rejection[]): number {
  return rejected.reduce(
    (lines, r, i) => (i === 0 || rejected[i - 1].line !== r.line ? lines + 1 : lines),
    0
  );
}

function emptyReport(at: number, frameworkId: string | null, error: string | null): ImportReport {
  return { at, frameworkId, frameworkIssues: [], files: [], error };
}

export class Session {
  status = $state<SessionStatus>('starting');
  error = $state<string | null>(null);
  frameworks = $state<Framework[]>([]);
  /**
   * The demo copies of the built-in frameworks loaded (`demo:<id>`, src/lib/domain/demo.ts): their demo data,
   * kept apart from the real results of `frameworks`. Never stored, never exported.
   */
  demoFrameworks = $state.raw<Framework[]>([]);
  revision = $state(0);
  lastImport = $state.raw<ImportReport | null>(null);
  /** The validation report of the files being imported, until "นำเข้า" or "ยกเลิก". */
  pending = $state.raw<PendingImport | null>(null);
  /** Set while files are being read. */
  reading = $state<ReadingProgress | null>(null);
  /** True while an import is being committed or the workspace rebuilt. */
  working = $state(false);
  uploads = $state.raw<UploadSummary[]>([]);
  aliases = $state.raw<StoredAlias[]>([]);
  /** Ids of the frameworks the user imported (the others are built in). */
  importedFrameworkIds = $state.raw<string[]>([]);
  storage = $state.raw<StorageInfo | null>(null);
  /** A problem with the browser's storage (the workspace then lives only until the page closes). */
  storageError = $state<string | null>(null);
  /** The last month with a reported value per framework id (demo copies too): where views open (issue 13.2). */
  latestMonths = $state.raw<ReadonlyMap<string, string>>(new Map()); // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
  /** Milliseconds from `start()` to ready, as measured in this browser. */
  startupMs = $state<number | null>(null);
  /** Where the start-up time went (ms): engine, built-ins with demo data, the stored workspace, scoring. */
  startupPhases = $state.raw<StartupPhases | null>(null);
  /** The last view saved with `rememberView`, read at start (the layout may restore it). */
  savedView: string | null = null;

  private workspace: Workspace | null = null;
  private store: WorkspaceStore = new MemoryStore();
  private readonly deps: SessionDeps;
  // Plain lookups, never rendered (the rendered lists are `aliases` and `uploads`).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain lookup, never rendered
  private readonly aliasMap = new Map<string, string>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain lookup, never rendered
  private readonly demoTexts = new Map<string, Promise<string>>();
  private pendingInputs: ResultsFileInput[] = [];
  /** DuckDB temp tables of the pending files (`readAll`). */
  private pendingTables: string[] = [];
  private decide: ((decision: 'commit' | 'cancel') => void) | null = null;
  /** What the check step on screen was asked for (`check`): the framework and period on screen then. */
  private checked: { frameworkId: string | null; periodId: string | null } | null = null;
  private abort: AbortController | null = null;
  private nextSeq = 1;
  /** The lock, the other tabs' notices and the signature of what this tab built from (shared-store.ts). */
  private readonly shared: SharedStore;
  /** The frameworks start-up loads after the first (`allLoaded`), and the ids of those not loaded yet. */
  private rest: Promise<void> = Promise.resolve();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain lookup, never rendered
  private loading = new Set<string>();
  /** Frameworks start-up scored with the period on screen first: their other periods are left to the background. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain lookup, never rendered
  private readonly scoredOnStart = new Set<string>();
  /** Scoring the periods not on screen, reading ahead league tables (src/lib/state/background.svelte.ts). */
  private readonly background: BackgroundWork;

  constructor(deps: SessionDeps) {
    this.deps = deps;
    this.shared = new SharedStore({
      store: () => this.store,
      settled: () => this.rest,
      rebuild: (saved) => this.rebuild(saved),
      canCatchUp: () => !(this.pending || this.reading || this.working || this.status !== 'ready')
    });
    this.background = new BackgroundWork({
      workspace: () => this.workspace,
      timed: (name, work) => this.timed(name, work),
      onError: (error) => {
        this.storageError = `คำนวณคะแนนไม่ครบทุกงวด: ${message(error)}`;
      }
    });
  }

  /**
   * True when nothing runs in the background: the other frameworks are loaded, every period scored and the
   * league tables around the one on screen read ahead (the page marks it on `<html data-idle>`; the benchmark
   * waits for it).
   */
  get idle(): boolean {
    return this.background.idle;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private clock(): number {
    if (this.deps.clock) return this.deps.clock();
    return typeof performance !== 'undefined' ? performance.now() : this.now();
  }

  /** The built-in frameworks (`SessionDeps.catalogue`). */
  private get catalogue(): readonly Framework[] {
    return this.deps.catalogue ?? BUILTIN_FRAMEWORKS;
  }

  private builtin(id: string): Framework | undefined {
    return this.catalogue.find((framework) => framework.id === id);
  }

  /** Times `work` as a User Timing measure `scoreboard:<name>` (DevTools' performance panel; the benchmark). */
  private async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = this.clock();
    try {
      return await work();
    } finally {
      if (typeof performance !== 'undefined' && typeof performance.measure === 'function') {
        try {
          performance.measure(`scoreboard:${name}`, { start: started, end: this.clock() });
        } catch {
          // a measure is a convenience
        }
      }
    }
  }

  /**
   * Opens DuckDB and the stored workspace, then loads the framework the user will see first (`firstFrameworkId`,
   * else the one of the saved view, else the first built-in) and scores the period on screen (`firstPeriodId`,
   * else the saved view's, else the framework's last): the session is `ready` then. The rest of that framework's
   * periods and the other frameworks are scored and loaded after that, in the background (`allLoaded()`);
   * `frameworks` grows and `revision` bumps when they are in. Imports and other changes wait for them; views
   * reading across periods wait for the scores they read (`scoredDb`).
   */
  async start(firstFrameworkId: string | null = null, firstPeriodId: string | null = null): Promise<void> {
    const started = this.clock();
    try {
      // The store opens and loads while DuckDB starts (the store does not need it).
      const stored = this.openSavedWorkspace();
      // The demo results of the framework shown first download while DuckDB starts.
      void stored.then((saved) => {
        const id = this.firstFrameworkId(saved, firstFrameworkId);
        if (this.builtin(id)) this.demoText(demoFileName(id)).catch(() => undefined);
      });
      const db = await this.deps.openDb();
      this.workspace = await Workspace.open(db);
      const engine = this.clock() - started;
      this.status = 'loading';
      const saved = await stored;
      this.savedView = saved.view;
      const phases = await this.build(saved, this.firstFrameworkId(saved, firstFrameworkId), {
        periodId: this.firstPeriodId(saved, firstFrameworkId, firstPeriodId)
      });
      this.status = 'ready';
      this.startupMs = Math.round(this.clock() - started);
      this.startupPhases = { engine: Math.round(engine), ...phases };
      this.revision++;
      void this.rest.then(() => this.refreshStorage());
      this.shared.listen();
    } catch (error) {
      this.status = 'error';
      this.error = message(error);
    }
  }

  private async openSavedWorkspace(): Promise<StoredWorkspace> {
    try {
      this.store = await (this.deps.openStore ?? defaultStore)();
    } catch (error) {
      this.storageError = `เปิดที่เก็บข้อมูลในเบราว์เซอร์ไม่ได้ (${message(error)}) — ข้อมูลที่นำเข้าจะหายเมื่อปิดหน้า`;
      this.store = new MemoryStore();
    }
    try {
      return await this.store.load();
    } catch (error) {
      this.storageError = `อ่านข้อมูลที่เก็บไว้ในเบราว์เซอร์ไม่ได้: ${message(error)}`;
      return EMPTY_WORKSPACE;
    }
  }

  /** The built-in and stored frameworks, in the order the app offers them. */
  private frameworkOrder(saved: StoredWorkspace): string[] {
    return [
      ...this.catalogue.map((framework) => framework.id),
      ...saved.frameworks.map((record) => record.id).filter((id) => !this.builtin(id))
    ];
  }

  /** The framework to load first: the one asked for, else the saved view's, else the first one offered. */
  private firstFrameworkId(saved: StoredWorkspace, asked: string | null): string {
    const order = this.frameworkOrder(saved);
    const wanted = asked ?? (saved.view ? readViewSearch(saved.view).framework : null);
    return wanted && order.includes(wanted) ? wanted : order[0];
  }

  /** The period to score first: the one asked for with the framework, else the saved view's (when it is used). */
  private firstPeriodId(
    saved: StoredWorkspace,
    askedFramework: string | null,
    asked: string | null
  ): string | null {
    if (askedFramework !== null) return asked;
    return saved.view ? readViewSearch(saved.view).period : null;
  }

  /**
   * Resolves once every framework is loaded and every period scored (start-up and imports score the period on
   * screen first and the others in the background).
   */
  async allLoaded(): Promise<void> {
    await this.rest;
    await this.background.scored;
  }

  /**
   * The database for a view's queries over a framework's scores, once every period of it is scored (after an
   * import or at start-up the periods not on screen are scored in the background; a view reading across
   * periods waits for them). `periodIds`: only those periods are read (the league table, the missions view).
   */
  async scoredDb(frameworkId: string, periodIds: readonly string[] | null = null): Promise<Db> {
    const workspace = this.requireWorkspace();
    await workspace.ensure(frameworkId, periodIds ?? 'all');
    return workspace.db;
  }

  /** Scores the framework's pending periods in the background (`BackgroundWork.scoreRemaining`). */
  private scoreInBackground(frameworkId: string): void {
    this.requireWorkspace();
    this.background.scoreRemaining(frameworkId);
  }

  /**
   * Loads the built-in frameworks with their demo data, then the stored workspace, and scores everything:
   * `first` (when it is one of them; else the first built-in) before it returns, the others in `rest`.
   */
  private async build(
    saved: StoredWorkspace,
    first: string | null,
    onScreen: { periodId: string | null } | null = null
  ): Promise<Omit<StartupPhases, 'engine'>> {
    const order = this.frameworkOrder(saved);
    const firstId = this.firstFrameworkId(saved, first);
    this.importedFrameworkIds = [];
    const phases = await this.loadFramework(firstId, saved, onScreen);
    // Where views open (the latest month): read once the first framework is in (on start-up already read
    // before its period was scored) and once more after the rest — one query over all results each time.
    if (!onScreen) await this.refreshLatestMonths();
    // What the page lists changes together, when the first framework is in (as the session turns ready).
    this.aliasMap.clear();
    for (const alias of saved.aliases) this.aliasMap.set(alias.key, alias.unitId);
    this.aliases = saved.aliases;
    this.uploads = saved.uploads.map(({ rows: _rows, ...summary }) => summary);
    this.nextSeq = saved.uploads.reduce((max, upload) => Math.max(max, upload.seq), 0) + 1;
    this.shared.builtFrom(saved);
    this.showFrameworks();
    if (onScreen) {
      for (const id of [firstId, demoFrameworkId(firstId)])
        if (this.scoredOnStart.has(id) && this.requireWorkspace().pendingPeriods(id).length > 0)
          this.scoreInBackground(id);
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain lookup, never rendered
    this.loading = new Set(order.filter((id) => id !== firstId));
    this.rest = this.background.track(
      (async () => {
        // After the current task: the first view asks for its table before anything else is queued.
        await new Promise((resolve) => setTimeout(resolve, 0));
        try {
          for (const id of order)
            if (id !== firstId) await this.timed(`load ${id}`, () => this.loadFramework(id, saved));
          await this.refreshLatestMonths();
        } catch (error) {
          this.storageError = `โหลดกรอบการประเมินไม่ครบ: ${message(error)}`;
        }
        this.loading.clear();
        this.showFrameworks();
        this.revision++;
      })()
    );
    return phases;
  }

  /**
   * Puts one framework into DuckDB (built in with its demo data, or stored, or both), its uploads, and scores
   * it: every period, or (`onScreen`) only the period on screen and the one before it, leaving the others to
   * `scoreInBackground`.
   */
  private async loadFramework(
    id: string,
    saved: StoredWorkspace,
    onScreen: { periodId: string | null } | null = null
  ): Promise<Omit<StartupPhases, 'engine'>> {
    const workspace = this.requireWorkspace();
    const t0 = this.clock();
    const builtin = this.builtin(id);
    if (builtin) {
      // The built-in's demo data goes to its demo copy, never into its own (real) results (issue 11).
      await workspace.putFramework(builtin);
      const demo = demoFramework(builtin);
      await workspace.putFramework(demo);
      const file = demoFileName(id);
      const text = await this.demoText(file);
      await workspace.commit(demo.id, readResultsText(file, text, { framework: builtin }).rows);
    }
    const t1 = this.clock();
    const record = saved.frameworks.find((f) => f.id === id);
    if (record) {
      const issues = await workspace.putFramework(record.framework);
      if (hasErrors(issues)) {
        this.storageError = `กรอบการประเมิน ${record.id} ที่เก็บไว้ใช้ไม่ได้: ${issues.find((i) => i.severity === 'error')?.message}`;
      } else this.importedFrameworkIds = [...this.importedFrameworkIds, id];
    }
    const rows: ResultRow[] = [];
    for (const upload of saved.uploads.filter((u) => u.frameworkId === id)) {
      for (const row of resultRows(columnsOf(upload.rows), upload.file)) rows.push(row);
    }
    if (rows.length > 0) await workspace.commit(id, rows);
    const t2 = this.clock();
    // A built-in without real results has nothing of its own to score: its views show the demo copy.
    const ids = builtin ? [...(rows.length > 0 ? [id] : []), demoFrameworkId(id)] : [id];
    for (const target of ids) {
      const framework = workspace.framework(target);
      if (!framework) continue;
      // On start-up the framework on screen (real data if any, else the demo) scores its period first; the
      // other one is left to the background.
      if (onScreen) {
        this.scoredOnStart.add(target);
        if (target === ids[0]) {
          await this.refreshLatestMonths();
          await workspace.ensure(
            target,
            periodsOnScreen(framework, onScreen.periodId, this.latestMonth(target))
          );
        }
      } else await workspace.ensure(target, 'all');
    }
    const t3 = this.clock();
    this.loading.delete(id);
    return { builtins: Math.round(t1 - t0), stored: Math.round(t2 - t1), scoring: Math.round(t3 - t2) };
  }

  /** A built-in framework's demo results, fetched once (a failed fetch is tried again next time). */
  private demoText(file: string): Promise<string> {
    let text = this.demoTexts.get(file);
    if (!text) {
      text = this.deps.fetchText(`demo/${file}`);
      text.catch(() => this.demoTexts.delete(file));
      this.demoTexts.set(file, text);
    }
    return text;
  }

  /**
   * `frameworks` = the loaded ones: the built-ins in their order, then the imported ones; `demoFrameworks` their
   * demo copies.
   */
  private showFrameworks(): void {
    const workspace = this.requireWorkspace();
    const builtins = this.catalogue.flatMap((framework) => workspace.framework(framework.id) ?? []);
    this.frameworks = [
      ...builtins,
      ...workspace.frameworks.filter(
        (framework) => !this.builtin(framework.id) && !isDemoFrameworkId(framework.id)
      )
    ];
    this.demoFrameworks = this.catalogue.flatMap(
      (framework) => workspace.framework(demoFrameworkId(framework.id)) ?? []
    );
  }

  /** The last month (ISO) with a reported value of a framework (a demo id too), or null. */
  latestMonth(id: string): string | null {
    return this.latestMonths.get(id) ?? null;
  }

  private async refreshLatestMonths(): Promise<void> {
    this.latestMonths = await this.requireWorkspace().latestMonths();
  }

  /** The demo copy of a framework (a built-in's), or undefined. */
  demoOf(id: string): Framework | undefined {
    const demoId = demoFrameworkId(realFrameworkId(id));
    return this.demoFrameworks.find((framework) => framework.id === demoId);
  }

  /** Whether a framework has real results: any upload (the demo is never one). */
  hasRealResults(id: string): boolean {
    return this.uploads.some((upload) => upload.frameworkId === id);
  }

  /** Empties the DuckDB tables and builds them again from `saved` (after clearing, importing, removing). */
  private async rebuild(saved: StoredWorkspace): Promise<void> {
    const workspace = this.requireWorkspace();
    this.working = true;
    this.status = 'loading';
    try {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- local, not state
      const ids = new Set([
        ...workspace.frameworks.map((f) => f.id),
        ...this.uploads.map((u) => u.frameworkId)
      ]);
      for (const id of ids) {
        await workspace.removeFramework(id);
        await workspace.clearResults(id);
      }
      await this.build(saved, null);
      await this.rest;
    } finally {
      this.status = 'ready';
      this.working = false;
      this.revision++;
      void this.refreshStorage();
    }
  }

  /** The workspace, for views' read queries (src/lib/scoring/*-queries.ts take it). Throws before `ready`. */
  requireWorkspace(): Workspace {
    if (!this.workspace) throw new Error('the database is not ready');
    return this.workspace;
  }

  /**
   * Who has sent what (issue 14.3): the Data page's unit × month grid of a framework's period, from its real
   * results (never the demo) and the uploads they came in.
   */
  async receivedGrid(frameworkId: string, period: Period): Promise<ReceivedGrid | null> {
    await this.rest;
    // A demo copy's grid too: the views' "ข้อมูล ณ" line says what the demo covers.
    const framework =
      this.framework(frameworkId) ?? this.demoFrameworks.find((demo) => demo.id === frameworkId);
    if (!framework || !this.workspace) return null;
    const stored = await this.workspace.received(frameworkId, period.months);
    return receivedGrid(framework, period, stored, this.uploads);
  }

  framework(id: string): Framework | undefined {
    return this.frameworks.find((framework) => framework.id === id);
  }

  /** The league table on screen; the tables of the periods around it are read ahead after it. */
  leagueTable(frameworkId: string, periodId: string, group: string): Promise<LeagueTable> {
    return this.background.leagueTable(frameworkId, periodId, group);
  }

  // -------------------------------------------------------------------------------------------------------
  // Importing files

  /**
   * Reads and checks files: framework files (the §9.2 CSVs or a JSON) and results files (CSV, TSV, TXT, XLSX)
   * for that framework (or for `currentFrameworkId` when no framework is among the files). When there is
   * something to import, the check step is shown (`pending`, also returned) until `commit` or `cancel`;
   * otherwise the report says why nothing can be imported (busy, cancelled, a bad framework, no framework).
   */
  async check(
    files: readonly { name: string; bytes: Uint8Array }[],
    currentFrameworkId: string | null,
    currentPeriodId: string | null = null
  ): Promise<PendingImport | ImportReport> {
    // Uploads go to a framework's real results, also when its demo is on screen.
    if (currentFrameworkId !== null) currentFrameworkId = realFrameworkId(currentFrameworkId);
    if (this.pending || this.reading || this.working)
      return emptyReport(this.now(), currentFrameworkId, 'busy');
    const prepared = await this.timed('check', () => this.prepareImport(files, currentFrameworkId));
    if ('error' in prepared) {
      if (prepared.error !== 'cancelled') this.lastImport = prepared;
      await this.catchUp();
      return prepared;
    }
    this.checked = { frameworkId: currentFrameworkId, periodId: currentPeriodId };
    this.pending = prepared;
    return prepared;
  }

  /** Commits the import on the check step ("นำเข้า"); the report says what was stored. */
  async commit(): Promise<ImportReport> {
    const checked = this.checked;
    if (!this.pending || !checked) throw new Error('no import is waiting on its check step');
    this.checked = null;
    const periodId = this.pending.frameworkId === checked.frameworkId ? checked.periodId : null;
    const report = await this.timed('import', () => this.shared.change(() => this.commitPending(periodId)));
    this.pending = null;
    this.pendingInputs = [];
    await this.dropPendingTables();
    this.lastImport = report;
    return report;
  }

  /**
   * "ยกเลิก": cancels the reading in progress (its `check` reports `cancelled` too), or discards the check step;
   * nothing is stored.
   */
  async cancel(): Promise<ImportReport> {
    this.abort?.abort();
    const frameworkId = this.checked?.frameworkId ?? null;
    if (this.pending) {
      this.checked = null;
      this.pending = null;
      this.pendingInputs = [];
      await this.dropPendingTables();
      await this.catchUp();
    }
    return emptyReport(this.now(), frameworkId, 'cancelled');
  }

  /**
   * `check`, then waits for "นำเข้า" (`confirmImport`) or "ยกเลิก" (`cancelImport`) and resolves with what was
   * committed: the pages' way (they await the whole import); tests and new code use check/commit/cancel.
   */
  async importFiles(
    files: readonly { name: string; bytes: Uint8Array }[],
    currentFrameworkId: string | null,
    currentPeriodId: string | null = null
  ): Promise<ImportReport> {
    const checked = await this.check(files, currentFrameworkId, currentPeriodId);
    if ('error' in checked) return checked;
    const decision = await new Promise<'commit' | 'cancel'>((resolve) => (this.decide = resolve));
    this.decide = null;
    return decision === 'commit' ? this.commit() : this.cancel();
  }

  /**
   * After an import that stored nothing: catches up with what other tabs stored meanwhile (a tab does not act on
   * their notices while it reads files or shows a check step, issue 7).
   */
  private async catchUp(): Promise<void> {
    try {
      await this.shared.exclusive(() => this.shared.catchUp());
    } catch {
      // the store cannot be read: the next change syncs again
    }
  }

  confirmImport(): void {
    this.decide?.('commit');
  }

  /** Cancels the reading in progress, or discards the validation report (`importFiles`). */
  cancelImport(): void {
    this.abort?.abort();
    this.decide?.('cancel');
  }

  private async prepareImport(
    files: readonly { name: string; bytes: Uint8Array }[],
    currentFrameworkId: string | null
  ): Promise<PendingImport | ImportReport> {
    const workspace = this.requireWorkspace();
    const at = this.now();
    const frameworkFiles: FrameworkFile[] = [];
    const resultInputs: ResultsFileInput[] = [];
    // Framework files are read on this thread: one over the limit is refused before it is decoded (issue 7).
    const oversized: FrameworkIssue[] = [];
    for (const file of files) {
      if (isFrameworkFile(file.name)) {
        const problem = fileSizeProblem(file.bytes.length, MAX_FRAMEWORK_FILE_BYTES, 'framework');
        if (problem) oversized.push({ severity: 'error', where: file.name, message: problem });
        else frameworkFiles.push({ name: file.name, text: decodeText(file.bytes).text });
      } else resultInputs.push({ name: file.name, bytes: file.bytes, sheet: null });
    }
    if (oversized.length > 0) {
      return { ...emptyReport(at, currentFrameworkId, 'framework'), frameworkIssues: oversized };
    }
    let framework: Framework | null = null;
    let frameworkIssues: FrameworkIssue[] = [];
    if (frameworkFiles.length > 0) {
      const read = readFrameworkFiles(frameworkFiles, {
        resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null
      });
      frameworkIssues = read.issues;
      if (!read.framework || hasErrors(read.issues)) {
        return { ...emptyReport(at, currentFrameworkId, 'framework'), frameworkIssues };
      }
      framework = read.framework;
    }
    // Files for a framework start-up has not loaded yet wait for it (they are compared with its results); a
    // new framework, or the one on screen, is read and checked while the others load.
    const targetId = framework?.id ?? currentFrameworkId;
    if (targetId === null || this.loading.has(targetId)) await this.rest;
    const target = framework ?? (currentFrameworkId ? workspace.framework(currentFrameworkId) : undefined);
    if (!target) return emptyReport(at, currentFrameworkId, 'no-framework');
    let pendingFiles: PendingFile[];
    try {
      pendingFiles = await this.readAll(resultInputs, target);
    } catch (error) {
      if (isCancel(error)) return emptyReport(at, currentFrameworkId, 'cancelled');
      return emptyReport(at, currentFrameworkId, message(error));
    }
    this.pendingInputs = resultInputs;
    return {
      frameworkId: target.id,
      frameworkName: target.name,
      framework,
      frameworkFiles: frameworkFiles.map((file) => file.name),
      frameworkIssues,
      replacesFramework: framework !== null && workspace.framework(framework.id) !== undefined,
      replacesDemo:
        this.demoOf(target.id) !== undefined &&
        !this.hasRealResults(target.id) &&
        pendingFiles.some((file) => file.accepted > 0),
      files: pendingFiles
    };
  }

  /**
   * Reads results files one by one (progress in `reading`) and compares each with the stored results. Where
   * DuckDB can read files itself (the browser), CSV files are read by its own reader into a temp table per
   * file (src/lib/ingest/fast-results.ts: the same rows, rejections and warnings, several times faster);
   * other files, and every file elsewhere, by the reader in a worker.
   */
  private async readAll(inputs: readonly ResultsFileInput[], framework: Framework): Promise<PendingFile[]> {
    const workspace = this.requireWorkspace();
    const reader = this.deps.readResults ?? defaultReader;
    const files = workspace.db.files;
    const controller = new AbortController();
    this.abort = controller;
    const plain = $state.snapshot(framework) as Framework;
    const out: PendingFile[] = [];
    await this.dropPendingTables();
    try {
      for (let index = 0; index < inputs.length; index++) {
        const input = inputs[index];
        this.reading = { file: input.name, index, count: inputs.length, fraction: 0 };
        const readSlow = (file: ResultsFileInput) =>
          reader(
            file,
            plain,
            this.aliasMap,
            (fraction) => {
              if (this.reading) this.reading = { ...this.reading, fraction };
            },
            controller.signal
          );
        let pending: PendingFile;
        if (files) {
          const table = `results_pending_${index + 1}`;
          this.pendingTables.push(table);
          await workspace.db.exec(createPendingResultsSql(table));
          const fast = await this.timed('read', () =>
            readResultsFast(workspace.db, files, input, {
              framework: plain,
              aliases: this.aliasMap,
              table,
              readFallback: readSlow
            })
          );
          const {
            rowCount,
            path: _path,
            fallbackReason: _reason,
            fastRows: _fastRows,
            phases: _phases,
            ...rest
          } = fast;
          const diff =
            rowCount === 0
              ? null
              : await this.timed('diff', () => workspace.diff(framework.id, { table }, PREVIEW_CHANGES));
          pending = { name: input.name, report: { ...rest, rows: [] }, accepted: rowCount, table, diff };
        } else {
          const report = await readSlow(input);
          const diff =
            report.rows.length === 0
              ? null
              : await workspace.diff(framework.id, report.rows, PREVIEW_CHANGES);
          pending = { name: input.name, report, accepted: report.rows.length, table: null, diff };
        }
        if (controller.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
        out.push(pending);
      }
      return out;
    } catch (error) {
      await this.dropPendingTables();
      throw error;
    } finally {
      this.reading = null;
      this.abort = null;
    }
  }

  /** Drops the temp tables of the files read for the check step. */
  private async dropPendingTables(): Promise<void> {
    const tables = this.pendingTables;
    this.pendingTables = [];
    for (const table of tables) await this.requireWorkspace().db.exec(dropPendingResultsSql(table));
  }

  /** Reads the pending files again (after an alias was accepted or a sheet chosen). */
  private async rereadPending(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const framework = pending.framework ?? this.requireWorkspace().framework(pending.frameworkId);
    if (!framework) return;
    try {
      const files = await this.readAll(this.pendingInputs, framework);
      if (this.pending === pending) this.pending = { ...pending, files };
    } catch (error) {
      if (!isCancel(error)) this.storageError = message(error);
    }
  }

  /** Reads a pending workbook's chosen sheet. */
  async chooseSheet(fileIndex: number, sheet: string): Promise<void> {
    const input = this.pendingInputs[fileIndex];
    if (!input || this.reading) return;
    this.pendingInputs = this.pendingInputs.map((item, i) => (i === fileIndex ? { ...item, sheet } : item));
    await this.rereadPending();
  }

  /**
   * Remembers that `name` means the unit `unitId` (a suggestion the user accepted), for this import and every
   * later one, and reads the pending files again with it.
   */
  async acceptAlias(name: string, key: string, unitId: string): Promise<void> {
    const alias: StoredAlias = { key, name, unitId, at: this.now() };
    await this.shared.change(async () => {
      this.aliasMap.set(key, unitId);
      this.aliases = [...this.aliases.filter((a) => a.key !== key), alias];
      try {
        await this.store.putAlias(alias);
      } catch (error) {
        this.storageError = `บันทึกชื่อที่จับคู่ไว้ในเบราว์เซอร์ไม่สำเร็จ: ${message(error)}`;
      }
    });
    await this.rereadPending();
  }

  async removeAlias(key: string): Promise<void> {
    await this.shared.change(async () => {
      this.aliasMap.delete(key);
      this.aliases = this.aliases.filter((a) => a.key !== key);
      try {
        await this.store.removeAlias(key);
      } catch (error) {
        this.storageError = `ลบชื่อที่จับคู่ไว้ไม่สำเร็จ: ${message(error)}`;
      }
    });
  }

  /** Commits `pending`, then scores the period on screen (`periodId`, else the framework's last) first. */
  private async commitPending(periodId: string | null): Promise<ImportReport> {
    const pending = this.pending!;
    const workspace = this.requireWorkspace();
    const at = this.now();
    const report: ImportReport = {
      at,
      frameworkId: pending.frameworkId,
      frameworkIssues: pending.frameworkIssues,
      files: [],
      error: null
    };
    this.working = true;
    try {
      if (pending.framework) {
        const previous = workspace.framework(pending.framework.id) ?? null;
        const stored = await this.timed('framework', () => workspace.putFramework(pending.framework!));
        report.frameworkIssues = [
          ...pending.frameworkIssues,
          ...stored.filter((i) => !pending.frameworkIssues.includes(i))
        ];
        if (hasErrors(stored)) {
          report.error = 'framework';
          return report;
        }
        try {
          await this.store.putFramework({
            id: pending.framework.id,
            framework: pending.framework,
            at,
            files: pending.frameworkFiles
          });
        } catch (error) {
          // All or nothing (issue 7): a framework the browser could not keep is taken off the page too (the one
          // it replaced comes back), and no results file is committed for it.
          await workspace.removeFramework(pending.framework.id);
          if (previous) {
            await workspace.putFramework(previous);
            await workspace.ensure(previous.id, 'all');
          }
          report.error = `บันทึกกรอบการประเมินในเบราว์เซอร์ไม่สำเร็จ จึงไม่ได้นำเข้าไฟล์ใดเลย: ${message(error)}`;
          return report;
        }
        if (!this.importedFrameworkIds.includes(pending.framework.id)) {
          this.importedFrameworkIds = [...this.importedFrameworkIds, pending.framework.id];
        }
      }
      for (const file of pending.files)
        report.files.push(await this.timed('commit', () => this.commitFile(pending.frameworkId, file, at)));
      const framework = workspace.framework(pending.frameworkId);
      const changed = pending.framework !== null || report.files.some((f) => f.added + f.changed > 0);
      if (framework && changed) {
        await this.refreshLatestMonths();
        // The period the import was checked on, and the month views now open on (the latest reported).
        const first = [
          ...periodsOnScreen(framework, periodId),
          ...periodsOnScreen(framework, null, this.latestMonth(framework.id))
        ];
        await this.timed('score', () => workspace.ensure(framework.id, first));
        this.scoreInBackground(framework.id);
      }
      this.showFrameworks();
      this.revision++;
      if (report.files.some((file) => file.added + file.changed > 0)) void requestPersistentStorage();
      void this.refreshStorage();
    } catch (error) {
      report.error = message(error);
    } finally {
      this.working = false;
    }
    return report;
  }

  /** Commits one file all-or-nothing: DuckDB and the browser store both take it, or neither does. */
  private async commitFile(frameworkId: string, file: PendingFile, at: number): Promise<ImportFileResult> {
    const read = file.report;
    const result: ImportFileResult = {
      file: file.name,
      format: read.format,
      encoding: read.encoding,
      sheet: read.sheet,
      accepted: file.accepted,
      added: 0,
      changed: 0,
      unchanged: 0,
      replaced: 0,
      rejected: read.rejected,
      warnings: read.warnings,
      unitIssues: read.unitIssues,
      changes: [],
      error: null
    };
    if (file.accepted === 0) return result;
    let upload = null as StoredUpload | null;
    const workspace = this.requireWorkspace();
    try {
      const options = {
        beforeCommit: async (diff: ResultsDiff, written: ResultColumns | PackedResults) => {
          if (rowCountOf(written) === 0) return;
          upload = {
            id: newUploadId(at),
            seq: this.nextSeq,
            frameworkId,
            file: file.name,
            at,
            format: read.format,
            encoding: read.encoding,
            sheet: read.sheet,
            counts: {
              rows: file.accepted,
              added: diff.added,
              changed: diff.changed,
              unchanged: diff.unchanged,
              rejected: countLines(read.rejected)
            },
            rows: written
          };
          await this.timed('store', () => this.store.addUpload(upload!));
        }
      };
      const diff = await workspace.commit(
        frameworkId,
        file.table ? { table: file.table } : read.rows,
        options
      );
      if (upload) {
        this.nextSeq++;
        const { rows: _rows, ...summary } = upload;
        this.uploads = [...this.uploads, summary];
      }
      return {
        ...result,
        added: diff.added,
        changed: diff.changed,
        unchanged: diff.unchanged,
        replaced: diff.changed,
        changes: diff.changes
      };
    } catch (error) {
      if (upload) await this.store.removeUpload(upload.id).catch(() => undefined);
      return { ...result, error: `ไม่ได้นำเข้าไฟล์นี้ (ข้อมูลเดิมไม่เปลี่ยน): ${message(error)}` };
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // The stored workspace

  async refreshStorage(): Promise<void> {
    try {
      const estimate = await storageEstimate();
      this.storage = {
        kind: this.store.kind,
        usage: estimate?.usage ?? null,
        quota: estimate?.quota ?? null,
        persisted: estimate?.persisted ?? false
      };
    } catch {
      this.storage = { kind: this.store.kind, usage: null, quota: null, persisted: false };
    }
  }

  /** Remembers the view (URL search) so that the next start can open on it. */
  async rememberView(search: string): Promise<void> {
    this.savedView = search;
    try {
      await this.store.putView(search);
    } catch {
      // the view is a convenience; losing it is not worth a message
    }
  }

  /** The whole workspace as one JSON file's text. */
  async exportWorkspace(): Promise<string> {
    return workspaceToJson(await this.store.load(), this.now());
  }

  /** Replaces the workspace with a file's; a Thai reason when the file cannot be used (nothing changes then). */
  async importWorkspace(text: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const read = readWorkspaceFile(text);
    if (!read.ok) return read;
    return this.shared.change(async () => {
      try {
        await this.store.replace(read.workspace);
      } catch (error) {
        return { ok: false, reason: `บันทึกในเบราว์เซอร์ไม่สำเร็จ: ${message(error)}` };
      }
      await this.rebuild(read.workspace);
      return { ok: true };
    });
  }

  /**
   * Forgets everything the user imported: no uploads, no real results; the built-in frameworks show their
   * (labelled) demo data again.
   */
  async clearWorkspace(): Promise<void> {
    await this.shared.change(async () => {
      await this.store.replace(EMPTY_WORKSPACE);
      this.lastImport = null;
      await this.rebuild(EMPTY_WORKSPACE);
    });
  }

  /**
   * Removes one upload: the framework's results are rebuilt from its other uploads (none left: a built-in shows
   * its demo again).
   */
  async removeUpload(id: string): Promise<void> {
    await this.shared.change(async () => {
      await this.store.removeUpload(id);
      await this.rebuild(await this.store.load());
    });
  }

  /** Removes an imported framework and its uploads (also those another tab made: the store is read first). */
  async removeFramework(id: string): Promise<void> {
    await this.shared.change(async () => {
      if (this.builtin(id) && !this.importedFrameworkIds.includes(id)) return;
      for (const upload of this.uploads.filter((u) => u.frameworkId === id))
        await this.store.removeUpload(upload.id);
      await this.store.removeFramework(id);
      await this.rebuild(await this.store.load());
    });
  }
}
