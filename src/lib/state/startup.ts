/**
 * The session's loader: opens DuckDB and the stored workspace, puts the built-in frameworks (their demo data
 * under their demo copies, issue 11) and the stored ones into DuckDB, and scores the period on screen first
 * (the rest in the background, `rest`); builds it all again from a stored workspace after a change
 * (`rebuild`).
 */
import type { Framework } from '../domain/framework';
import { demoFramework, demoFrameworkId } from '../domain/demo';
import { hasErrors } from '../domain/framework-validate';
import { resultRows, type ResultRow } from '../domain/results';
import { demoFileName } from '../frameworks/builtin';
import { readResultsText } from '../ingest/results';
import { EMPTY_WORKSPACE, MemoryStore, type StoredWorkspace, type WorkspaceStore } from '../persist/stored';
import { Workspace } from '../scoring/workspace';
import { columnsOf } from '../sql/results-import';
import type { BackgroundWork } from './background.svelte';
import { errorMessage, type SessionCore, type StartupPhases } from './session-core.svelte';
import { periodsOnScreen } from './selection';
import type { SharedStore } from './shared-store';
import { readViewSearch } from './view-params';

type LoadPhases = Omit<StartupPhases, 'engine'>;

async function defaultStore(): Promise<WorkspaceStore> {
  if (typeof indexedDB === 'undefined') return new MemoryStore();
  const { openIndexedDbStore } = await import('../persist/indexeddb');
  return openIndexedDbStore();
}

/** After the current task: the first view asks for its table before anything else is queued. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export class Startup {
  /** The frameworks loaded after the first (`settled`), and the ids of those not loaded yet. */
  private rest: Promise<void> = Promise.resolve();
  private loading = new Set<string>();
  /** Frameworks start-up scored with the period on screen first: their other periods are left to the background. */
  private readonly scoredOnStart = new Set<string>();
  private readonly demoTexts = new Map<string, Promise<string>>();

  constructor(
    private readonly core: SessionCore,
    private readonly shared: SharedStore,
    private readonly background: BackgroundWork
  ) {}

  /** Resolves once every framework is loaded (start-up loads the first, then the others in the background). */
  get settled(): Promise<void> {
    return this.rest;
  }

  /** Whether a framework is still waiting to be loaded. */
  isLoading(id: string): boolean {
    return this.loading.has(id);
  }

  /** `Session.start`: the session is `ready` once the first framework's period on screen is scored. */
  async start(firstFrameworkId: string | null, firstPeriodId: string | null): Promise<void> {
    const core = this.core;
    const started = core.clock();
    try {
      // The store opens and loads while DuckDB starts (the store does not need it).
      const stored = this.openSavedWorkspace();
      // The demo results of the framework shown first download while DuckDB starts.
      void stored.then((saved) => {
        const id = this.firstFrameworkId(saved, firstFrameworkId);
        if (core.builtin(id)) this.demoText(demoFileName(id)).catch(() => undefined);
      });
      const db = await core.timed('engine', () => core.deps.openDb());
      core.workspace = await Workspace.open(db);
      const engine = core.clock() - started;
      core.status = 'loading';
      const saved = await stored;
      core.savedView = saved.view;
      const phases = await this.build(saved, this.firstFrameworkId(saved, firstFrameworkId), {
        periodId: this.firstPeriodId(saved, firstFrameworkId, firstPeriodId)
      });
      core.status = 'ready';
      core.startupMs = Math.round(core.clock() - started);
      core.startupPhases = { engine: Math.round(engine), ...phases };
      core.revision++;
      void this.rest.then(() => core.refreshStorage());
      this.shared.listen();
    } catch (error) {
      core.status = 'error';
      core.error = errorMessage(error);
    }
  }

  private async openSavedWorkspace(): Promise<StoredWorkspace> {
    const core = this.core;
    try {
      core.store = await (core.deps.openStore ?? defaultStore)();
    } catch (error) {
      core.storageError = `เปิดที่เก็บข้อมูลในเบราว์เซอร์ไม่ได้ (${errorMessage(error)}) — ข้อมูลที่นำเข้าจะหายเมื่อปิดหน้า`;
      core.store = new MemoryStore();
    }
    try {
      return await core.store.load();
    } catch (error) {
      core.storageError = `อ่านข้อมูลที่เก็บไว้ในเบราว์เซอร์ไม่ได้: ${errorMessage(error)}`;
      return EMPTY_WORKSPACE;
    }
  }

  /** The built-in and stored frameworks, in the order the app offers them. */
  private frameworkOrder(saved: StoredWorkspace): string[] {
    return [
      ...this.core.catalogue.map((framework) => framework.id),
      ...saved.frameworks.map((record) => record.id).filter((id) => !this.core.builtin(id))
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
   * Loads the built-in frameworks with their demo data, then the stored workspace, and scores everything:
   * `first` (when it is one of them; else the first built-in) before it returns, the others in `rest`.
   */
  private async build(
    saved: StoredWorkspace,
    first: string | null,
    onScreen: { periodId: string | null } | null = null
  ): Promise<LoadPhases> {
    const core = this.core;
    const order = this.frameworkOrder(saved);
    const firstId = this.firstFrameworkId(saved, first);
    core.importedFrameworkIds = [];
    const phases = await this.loadFramework(firstId, saved, onScreen);
    // Where views open (the latest month): read once the first framework is in (on start-up already read
    // before its period was scored) and once more after the rest — one query over all results each time.
    if (!onScreen) await core.refreshLatestMonths();
    // What the page lists changes together, when the first framework is in (as the session turns ready).
    core.aliasMap.clear();
    for (const alias of saved.aliases) core.aliasMap.set(alias.key, alias.unitId);
    core.aliases = saved.aliases;
    core.uploads = saved.uploads.map(({ rows: _rows, ...summary }) => summary);
    core.nextSeq = saved.uploads.reduce((max, upload) => Math.max(max, upload.seq), 0) + 1;
    this.shared.builtFrom(saved);
    core.showFrameworks();
    if (onScreen) {
      for (const id of [firstId, demoFrameworkId(firstId)])
        if (this.scoredOnStart.has(id) && core.requireWorkspace().pendingPeriods(id).length > 0)
          this.background.scoreRemaining(id);
    }
    this.loading = new Set(order.filter((id) => id !== firstId));
    this.rest = this.background.track(this.loadRest(saved, order, firstId));
    return phases;
  }

  /** The frameworks after the first, one by one, after the current task. */
  private async loadRest(saved: StoredWorkspace, order: readonly string[], firstId: string): Promise<void> {
    const core = this.core;
    await nextTask();
    try {
      for (const id of order)
        if (id !== firstId) await core.timed(`load ${id}`, () => this.loadFramework(id, saved));
      await core.refreshLatestMonths();
    } catch (error) {
      core.storageError = `โหลดกรอบการประเมินไม่ครบ: ${errorMessage(error)}`;
    }
    this.loading.clear();
    core.showFrameworks();
    core.revision++;
  }

  /**
   * Puts one framework into DuckDB (built in with its demo data, or stored, or both), its uploads, and scores
   * it: every period, or (`onScreen`) only the period on screen and the one before it, leaving the others to
   * the background.
   */
  private async loadFramework(
    id: string,
    saved: StoredWorkspace,
    onScreen: { periodId: string | null } | null = null
  ): Promise<LoadPhases> {
    const core = this.core;
    const t0 = core.clock();
    const builtin = core.builtin(id);
    if (builtin) await this.putBuiltin(builtin);
    const t1 = core.clock();
    const rows = await this.putStored(id, saved);
    const t2 = core.clock();
    // A built-in without real results has nothing of its own to score: its views show the demo copy.
    const ids = builtin ? [...(rows > 0 ? [id] : []), demoFrameworkId(id)] : [id];
    await this.scoreLoaded(ids, onScreen);
    const t3 = core.clock();
    this.loading.delete(id);
    return { builtins: Math.round(t1 - t0), stored: Math.round(t2 - t1), scoring: Math.round(t3 - t2) };
  }

  /** A built-in and its demo copy with the demo data (never into the built-in's own, real results: issue 11). */
  private async putBuiltin(builtin: Framework): Promise<void> {
    const workspace = this.core.requireWorkspace();
    await workspace.putFramework(builtin);
    const demo = demoFramework(builtin);
    await workspace.putFramework(demo);
    const file = demoFileName(builtin.id);
    const text = await this.demoText(file);
    await workspace.commit(demo.id, readResultsText(file, text, { framework: builtin }).rows);
  }

  /** The stored framework of that id (if any) and its uploads' rows; how many rows went in. */
  private async putStored(id: string, saved: StoredWorkspace): Promise<number> {
    const core = this.core;
    const workspace = core.requireWorkspace();
    const record = saved.frameworks.find((f) => f.id === id);
    if (record) {
      const issues = await workspace.putFramework(record.framework);
      if (hasErrors(issues)) {
        core.storageError = `กรอบการประเมิน ${record.id} ที่เก็บไว้ใช้ไม่ได้: ${issues.find((i) => i.severity === 'error')?.message}`;
      } else core.importedFrameworkIds = [...core.importedFrameworkIds, id];
    }
    const rows: ResultRow[] = [];
    for (const upload of saved.uploads.filter((u) => u.frameworkId === id)) {
      for (const row of resultRows(columnsOf(upload.rows), upload.file)) rows.push(row);
    }
    if (rows.length > 0) await workspace.commit(id, rows);
    return rows.length;
  }

  /**
   * Scores the loaded frameworks: every period, or on start-up (`onScreen`) the period on screen of the one
   * on screen (real data if any, else the demo) first, the others left to the background.
   */
  private async scoreLoaded(
    ids: readonly string[],
    onScreen: { periodId: string | null } | null
  ): Promise<void> {
    const core = this.core;
    const workspace = core.requireWorkspace();
    for (const target of ids) {
      const framework = workspace.framework(target);
      if (!framework) continue;
      if (!onScreen) {
        await workspace.ensure(target, 'all');
        continue;
      }
      this.scoredOnStart.add(target);
      if (target !== ids[0]) continue;
      await core.refreshLatestMonths();
      await workspace.ensure(target, periodsOnScreen(framework, onScreen.periodId, core.latestMonth(target)));
    }
  }

  /** A built-in framework's demo results, fetched once (a failed fetch is tried again next time). */
  private demoText(file: string): Promise<string> {
    let text = this.demoTexts.get(file);
    if (!text) {
      text = this.core.deps.fetchText(`demo/${file}`);
      text.catch(() => this.demoTexts.delete(file));
      this.demoTexts.set(file, text);
    }
    return text;
  }

  /** Empties the DuckDB tables and builds them again from `saved` (after clearing, importing, removing). */
  async rebuild(saved: StoredWorkspace): Promise<void> {
    const core = this.core;
    const workspace = core.requireWorkspace();
    core.working = true;
    core.status = 'loading';
    try {
      const ids = new Set([
        ...workspace.frameworks.map((f) => f.id),
        ...core.uploads.map((u) => u.frameworkId)
      ]);
      for (const id of ids) {
        await workspace.removeFramework(id);
        await workspace.clearResults(id);
      }
      await this.build(saved, null);
      await this.rest;
    } finally {
      core.status = 'ready';
      core.working = false;
      core.revision++;
      void core.refreshStorage();
    }
  }
}
