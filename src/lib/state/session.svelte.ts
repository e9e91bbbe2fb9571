/**
 * The browser session: one DuckDB, one workspace, the built-in frameworks with their demo data, and what
 * the user imported. Demo data is a mode, not data (issue 11): a built-in's demo results live under its demo
 * copy `demo:<id>` (src/lib/domain/demo.ts), never among its real results, never in the store; views show the
 * demo copy while the framework has no upload (selection.ts). Views read from it through small queries
 * (query.svelte.ts); `revision` changes after every re-score so that views know to read again.
 *
 * The session is small; its parts do the work, each taking what every part reads (session-core.svelte.ts):
 * - start-up and rebuilding from the store: startup.ts;
 * - the import flow, check → commit or cancel: import-flow.svelte.ts and import-commit.ts;
 * - the stored workspace shared by this browser's tabs (lock, notices, signature): shared-store.ts;
 * - background scoring and the league tables read ahead: background.svelte.ts.
 * What the user gave (imported frameworks, the rows each upload wrote, aliases, the last view) is kept in the
 * browser (src/lib/persist) and rebuilt into DuckDB on every start.
 */
import type { Db } from '../db/types';
import type { Period } from '../domain/periods';
import { EMPTY_WORKSPACE } from '../persist/stored';
import { readWorkspaceFile, workspaceToJson } from '../persist/workspace-file';
import type { Framework } from '../domain/framework';
import { previewLeague, type FrameworkPreview } from '../scoring/framework-preview';
import { tableHeadline } from '../scoring/headline';
import type { LeagueTable } from '../scoring/league';
import { dataAsOf, receivedGrid, type DataAsOf, type ReceivedGrid } from '../scoring/received';
import { BackgroundWork } from './background.svelte';
import { clearDraft } from './editor-draft-store';
import { ImportFlow } from './import-flow.svelte';
import type { ImportReport, PendingImport, ReadingProgress } from './import-types';
import { SessionCore, errorMessage, type SessionDeps } from './session-core.svelte';
import { SharedStore } from './shared-store';
import { Startup } from './startup';

export type {
  ImportFileResult,
  ImportReport,
  PendingFile,
  PendingImport,
  ReadingProgress,
  ResultsFileReader
} from './import-types';
export { isFrameworkFile } from './import-types';
export type {
  SessionDeps,
  SessionStatus,
  StartupPhases,
  StorageInfo,
  UploadSummary
} from './session-core.svelte';

export class Session extends SessionCore {
  /** The lock, the other tabs' notices and the signature of what this tab built from. */
  private readonly shared: SharedStore;
  /** Scoring the periods not on screen, reading ahead league tables. */
  private readonly background: BackgroundWork;
  private readonly startup: Startup;
  private readonly imports: ImportFlow;

  constructor(deps: SessionDeps) {
    super(deps);
    this.shared = new SharedStore({
      store: () => this.store,
      settled: () => this.startup.settled,
      rebuild: (saved) => this.startup.rebuild(saved),
      canCatchUp: () => !(this.imports.busy || this.working || this.status !== 'ready')
    });
    this.background = new BackgroundWork({
      workspace: () => this.workspace,
      timed: (name, work) => this.timed(name, work),
      onError: (error) => {
        this.storageError = `คำนวณคะแนนไม่ครบทุกงวด: ${errorMessage(error)}`;
      },
      prepare: (table) => void tableHeadline(table)
    });
    this.startup = new Startup(this, this.shared, this.background);
    this.imports = new ImportFlow({
      core: this,
      shared: this.shared,
      startup: this.startup,
      scoreInBackground: (id) => this.background.scoreRemaining(id)
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

  /** The validation report of the files being imported, until `commit` or `cancel`. */
  get pending(): PendingImport | null {
    return this.imports.pending;
  }

  /** Set while files are being read. */
  get reading(): ReadingProgress | null {
    return this.imports.reading;
  }

  /**
   * Opens DuckDB and the stored workspace, then loads the framework the user will see first (`firstFrameworkId`,
   * else the one of the saved view, else the first built-in) and scores the period on screen (`firstPeriodId`,
   * else the saved view's, else the framework's last): the session is `ready` then. The rest of that framework's
   * periods and the other frameworks are scored and loaded after that, in the background (`allLoaded()`);
   * `frameworks` grows and `revision` bumps when they are in. Imports and other changes wait for them; views
   * reading across periods wait for the scores they read (`scoredDb`).
   */
  start(firstFrameworkId: string | null = null, firstPeriodId: string | null = null): Promise<void> {
    return this.startup.start(firstFrameworkId, firstPeriodId);
  }

  /**
   * Resolves once every framework is loaded and every period scored (start-up and imports score the period on
   * screen first and the others in the background).
   */
  async allLoaded(): Promise<void> {
    await this.startup.settled;
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

  /**
   * The league table on screen; the tables of the periods around it are read ahead after it (`readAhead:
   * false`: a table read beside the one on screen, such as the period before, moves nothing).
   */
  leagueTable(
    frameworkId: string,
    periodId: string,
    group: string,
    options: { readAhead?: boolean } = {}
  ): Promise<LeagueTable> {
    return this.background.leagueTable(frameworkId, periodId, group, options);
  }

  /**
   * Who has sent what (issue 14.3): the Data page's unit × month grid of a framework's period, from its real
   * results (never the demo) and the uploads they came in.
   */
  async receivedGrid(frameworkId: string, period: Period): Promise<ReceivedGrid | null> {
    await this.startup.settled;
    // A demo copy's grid too: the views' "ข้อมูล ณ" line says what the demo covers.
    const framework =
      this.framework(frameworkId) ?? this.demoFrameworks.find((demo) => demo.id === frameworkId);
    if (!framework || !this.workspace) return null;
    const stored = await this.workspace.received(frameworkId, period.months);
    return receivedGrid(framework, period, stored, this.uploads);
  }

  /** Per framework (as it is now), the data-as-of line of the periods asked for at one revision. */
  private asOfKept = new WeakMap<Framework, { revision: number; byPeriod: Map<string, DataAsOf | null> }>();

  /**
   * The views' "ข้อมูล ณ" line of a framework's period (`dataAsOf` of its `receivedGrid`), kept until the
   * results change (`revision`) or the framework does: the line is asked for at every period switch, and
   * going back to a period finds it at once.
   */
  async dataAsOf(frameworkId: string, period: Period): Promise<DataAsOf | null> {
    await this.startup.settled;
    const revision = this.revision;
    const framework =
      this.framework(frameworkId) ?? this.demoFrameworks.find((demo) => demo.id === frameworkId);
    if (!framework) return null;
    let kept = this.asOfKept.get(framework);
    if (kept?.revision !== revision) {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, never rendered
      kept = { revision, byPeriod: new Map() };
      this.asOfKept.set(framework, kept);
    }
    if (kept.byPeriod.has(period.id)) return kept.byPeriod.get(period.id)!;
    const grid = await this.receivedGrid(frameworkId, period);
    const asOf = grid ? dataAsOf(grid) : null;
    // Kept only when nothing changed meanwhile.
    if (this.revision === revision && this.asOfKept.get(framework) === kept)
      kept.byPeriod.set(period.id, asOf);
    return asOf;
  }

  /**
   * The framework editor's preview: `draft` scored on the results the source framework shows (its uploads, else
   * its demo) over the source's period, beside the source's own ranks (scoring/framework-preview.ts).
   */
  async previewLeague(draft: Framework, sourceId: string): Promise<FrameworkPreview | null> {
    await this.startup.settled;
    const source = this.framework(sourceId) ?? this.demoOf(sourceId);
    if (!source) return null;
    const real = this.hasRealResults(source.id);
    const resultsId = real ? source.id : (this.demoOf(source.id)?.id ?? source.id);
    return previewLeague(this.requireWorkspace(), draft, source, resultsId, !real);
  }

  // -------------------------------------------------------------------------------------------------------
  // Importing files (import-flow.svelte.ts)

  /**
   * Reads and checks files: framework files (the §9.2 CSVs or a JSON) and results files (CSV, TSV, TXT, XLSX)
   * for that framework (or for `currentFrameworkId` when no framework is among the files). When there is
   * something to import, the check step is shown (`pending`, also returned) until `commit` or `cancel`;
   * otherwise the report says why nothing can be imported (busy, cancelled, a bad framework, no framework).
   */
  check(
    files: readonly { name: string; bytes: Uint8Array }[],
    currentFrameworkId: string | null,
    currentPeriodId: string | null = null
  ): Promise<PendingImport | ImportReport> {
    return this.imports.check(files, currentFrameworkId, currentPeriodId);
  }

  /** Commits the import on the check step ("นำเข้า"); the report says what was stored. */
  commit(): Promise<ImportReport> {
    return this.imports.commit();
  }

  /**
   * "ยกเลิก": cancels the reading in progress (its `check` reports `cancelled` too), or discards the check step;
   * nothing is stored.
   */
  cancel(): Promise<ImportReport> {
    return this.imports.cancel();
  }

  /** Reads a pending workbook's chosen sheet. */
  chooseSheet(fileIndex: number, sheet: string): Promise<void> {
    return this.imports.chooseSheet(fileIndex, sheet);
  }

  /**
   * Remembers that `name` means the unit `unitId` (a suggestion the user accepted), for this import and every
   * later one, and reads the pending files again with it.
   */
  acceptAlias(name: string, key: string, unitId: string): Promise<void> {
    return this.imports.acceptAlias(name, key, unitId);
  }

  // -------------------------------------------------------------------------------------------------------
  // The stored workspace

  async removeAlias(key: string): Promise<void> {
    await this.shared.change(async () => {
      this.aliasMap.delete(key);
      this.aliases = this.aliases.filter((a) => a.key !== key);
      try {
        await this.store.removeAlias(key);
      } catch (error) {
        this.storageError = `ลบชื่อที่จับคู่ไว้ไม่สำเร็จ: ${errorMessage(error)}`;
      }
    });
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
        return { ok: false, reason: `บันทึกในเบราว์เซอร์ไม่สำเร็จ: ${errorMessage(error)}` };
      }
      await this.startup.rebuild(read.workspace);
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
      clearDraft(); // the framework editor's unsaved draft is the user's too
      this.lastImport = null;
      await this.startup.rebuild(EMPTY_WORKSPACE);
    });
  }

  /**
   * Removes one upload: the framework's results are rebuilt from its other uploads (none left: a built-in shows
   * its demo again).
   */
  async removeUpload(id: string): Promise<void> {
    await this.shared.change(async () => {
      await this.store.removeUpload(id);
      await this.startup.rebuild(await this.store.load());
    });
  }

  /** Removes an imported framework and its uploads (also those another tab made: the store is read first). */
  async removeFramework(id: string): Promise<void> {
    await this.shared.change(async () => {
      if (this.builtin(id) && !this.importedFrameworkIds.includes(id)) return;
      for (const upload of this.uploads.filter((u) => u.frameworkId === id))
        await this.store.removeUpload(upload.id);
      await this.store.removeFramework(id);
      await this.startup.rebuild(await this.store.load());
    });
  }
}
