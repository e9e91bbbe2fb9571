/**
 * What every part of the session reads and shows (src/lib/state/session.svelte.ts composes the parts): the
 * state the pages render, the workspace and the store, the injected catalogue and clocks, and the small
 * lookups over them. Start-up (startup.ts), the import flow (import-flow.svelte.ts, import-commit.ts), the
 * shared store (shared-store.ts) and the background scorer (background.svelte.ts) each take it.
 */
import type { Db } from '../db/types';
import type { Framework } from '../domain/framework';
import { demoFrameworkId, isDemoFrameworkId, realFrameworkId } from '../domain/demo';
import { BUILTIN_FRAMEWORKS } from '../frameworks/builtin';
import { storageEstimate } from '../persist/indexeddb';
import { MemoryStore, type StoredAlias, type StoredUpload, type WorkspaceStore } from '../persist/stored';
import type { Workspace } from '../scoring/workspace';
import type { ImportReport, ResultsFileReader } from './import-types';

export type SessionStatus = 'starting' | 'loading' | 'ready' | 'error';

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

/** An error as the page says it (Thai for the browser's full storage). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return (
      'พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม (QuotaExceededError) — ลบไฟล์ที่นำเข้าที่ไม่ใช้แล้วในหน้าข้อมูล ' +
      'หรือส่งออกพื้นที่ทำงานเก็บไว้แล้วล้าง'
    );
  }
  return error instanceof Error ? error.message : String(error);
}

export class SessionCore {
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

  /** The workspace once DuckDB is open (`requireWorkspace`). */
  workspace: Workspace | null = null;
  /** Where the workspace is kept (the browser's IndexedDB once start-up opened it). */
  store: WorkspaceStore = new MemoryStore();
  /** The aliases the readers use (name key → unit id); `aliases` is the rendered list. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain lookup, never rendered
  readonly aliasMap = new Map<string, string>();
  /** The sequence number of the next upload. */
  nextSeq = 1;

  constructor(readonly deps: SessionDeps) {}

  /** Wall-clock time for stored records. */
  now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** A monotonic clock for timings. */
  clock(): number {
    if (this.deps.clock) return this.deps.clock();
    return typeof performance !== 'undefined' ? performance.now() : this.now();
  }

  /** The built-in frameworks (`SessionDeps.catalogue`). */
  get catalogue(): readonly Framework[] {
    return this.deps.catalogue ?? BUILTIN_FRAMEWORKS;
  }

  builtin(id: string): Framework | undefined {
    return this.catalogue.find((framework) => framework.id === id);
  }

  /** Times `work` as a User Timing measure `scoreboard:<name>` (DevTools' performance panel; the benchmark). */
  async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = this.clock();
    try {
      return await work();
    } finally {
      measure(`scoreboard:${name}`, started, this.clock());
    }
  }

  /**
   * The phases a piece of work timed itself (ms each, in the order they ran, from `started`) as measures
   * `scoreboard:<name> <phase>`: the fast reader's read_csv, dictionaries, numbers … inside its `read`.
   */
  measurePhases(name: string, started: number, phases: Record<string, number>): void {
    let at = started;
    for (const [phase, ms] of Object.entries(phases)) {
      measure(`scoreboard:${name} ${phase}`, at, at + ms);
      at += ms;
    }
  }

  /** The workspace, for views' read queries (src/lib/scoring/*-queries.ts take it). Throws before `ready`. */
  requireWorkspace(): Workspace {
    if (!this.workspace) throw new Error('the database is not ready');
    return this.workspace;
  }

  framework(id: string): Framework | undefined {
    return this.frameworks.find((framework) => framework.id === id);
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

  /** The last month (ISO) with a reported value of a framework (a demo id too), or null. */
  latestMonth(id: string): string | null {
    return this.latestMonths.get(id) ?? null;
  }

  async refreshLatestMonths(): Promise<void> {
    this.latestMonths = await this.requireWorkspace().latestMonths();
  }

  /**
   * `frameworks` = the loaded ones: the built-ins in their order, then the imported ones; `demoFrameworks` their
   * demo copies.
   */
  showFrameworks(): void {
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
}

/** A User Timing measure, when the platform has them (a measure is a convenience: never an error). */
function measure(name: string, start: number, end: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  try {
    performance.measure(name, { start, end });
  } catch {
    // a measure is a convenience
  }
}
