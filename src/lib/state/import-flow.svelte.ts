/**
 * Importing files (issue 5) in two calls, no promise held open: `check(files)` reads them (in a worker or by
 * DuckDB's own reader, with progress in `reading` and a cancel) and shows the validation report (`pending`:
 * rows accepted and rejected, unknown names with suggestions that can be accepted as aliases, values that
 * would change); then `commit()` ("นำเข้า", import-commit.ts) or `cancel()` ("ยกเลิก"). Nothing is stored
 * before `commit`.
 */
import type { Framework, FrameworkIssue } from '../domain/framework';
import { hasErrors } from '../domain/framework-validate';
import { realFrameworkId } from '../domain/demo';
import { decodeText } from '../ingest/decode';
import { readResultsFast } from '../ingest/fast-results';
import { readFrameworkFiles, type FrameworkFile } from '../ingest/framework-files';
import { MAX_FRAMEWORK_FILE_BYTES, fileSizeProblem } from '../ingest/limits';
import { readResultsFile, type ResultsFileInput } from '../ingest/read-file';
import type { StoredAlias } from '../persist/stored';
import { resolveFrameworkUnit } from '../scoring/workspace';
import { createPendingResultsSql, dropPendingResultsSql } from '../sql/results-import';
import { commitPending } from './import-commit';
import {
  emptyReport,
  isCancel,
  isFrameworkFile,
  type ImportReport,
  type PendingFile,
  type PendingImport,
  type ReadingProgress,
  type ResultsFileReader
} from './import-types';
import { errorMessage, type SessionCore } from './session-core.svelte';
import type { SharedStore } from './shared-store';

/** How many changed values a preview describes (the commit describes up to 10 000). */
const PREVIEW_CHANGES = 500;

type UploadedFile = { name: string; bytes: Uint8Array };

const defaultReader: ResultsFileReader = async (input, framework, aliases, onProgress, signal) => {
  if (typeof Worker === 'undefined') return readResultsFile(input, { framework, aliases, onProgress });
  const { readResultsInWorker } = await import('../ingest/read-client');
  return readResultsInWorker({ input, framework, aliases: [...aliases] }, onProgress, signal);
};

export interface ImportFlowDeps {
  core: SessionCore;
  shared: SharedStore;
  /** Start-up's loading: files for a framework not loaded yet wait for it. */
  startup: { readonly settled: Promise<void>; isLoading(id: string): boolean };
  /** Scores a framework's periods not on screen after the commit. */
  scoreInBackground(frameworkId: string): void;
}

export class ImportFlow {
  /** The validation report of the files being imported, until "นำเข้า" or "ยกเลิก". */
  pending = $state.raw<PendingImport | null>(null);
  /** Set while files are being read. */
  reading = $state<ReadingProgress | null>(null);

  private readonly core: SessionCore;
  private inputs: ResultsFileInput[] = [];
  /** DuckDB temp tables of the pending files (`readAll`). */
  private tables: string[] = [];
  /** What the check step on screen was asked for (`check`): the framework and period on screen then. */
  private checked: { frameworkId: string | null; periodId: string | null } | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly deps: ImportFlowDeps) {
    this.core = deps.core;
  }

  /** True while files are read or checked (another tab's change then waits, issue 7). */
  get busy(): boolean {
    return this.pending !== null || this.reading !== null;
  }

  /** `Session.check`. */
  async check(
    files: readonly UploadedFile[],
    currentFrameworkId: string | null,
    currentPeriodId: string | null
  ): Promise<PendingImport | ImportReport> {
    const core = this.core;
    // Uploads go to a framework's real results, also when its demo is on screen.
    if (currentFrameworkId !== null) currentFrameworkId = realFrameworkId(currentFrameworkId);
    if (this.busy || core.working) return emptyReport(core.now(), currentFrameworkId, 'busy');
    const prepared = await core.timed('check', () => this.prepare(files, currentFrameworkId));
    if ('error' in prepared) {
      if (prepared.error !== 'cancelled') core.lastImport = prepared;
      await this.catchUp();
      return prepared;
    }
    this.checked = { frameworkId: currentFrameworkId, periodId: currentPeriodId };
    this.pending = prepared;
    return prepared;
  }

  /** `Session.commit`. */
  async commit(): Promise<ImportReport> {
    const checked = this.checked;
    const pending = this.pending;
    if (!pending || !checked) throw new Error('no import is waiting on its check step');
    this.checked = null;
    const periodId = pending.frameworkId === checked.frameworkId ? checked.periodId : null;
    const report = await this.core.timed('import', () =>
      this.deps.shared.change(() =>
        commitPending(this.core, pending, periodId, (id) => this.deps.scoreInBackground(id))
      )
    );
    this.pending = null;
    this.inputs = [];
    await this.dropTables();
    this.core.lastImport = report;
    return report;
  }

  /** `Session.cancel`. */
  async cancel(): Promise<ImportReport> {
    this.abort?.abort();
    const frameworkId = this.checked?.frameworkId ?? null;
    if (this.pending) {
      this.checked = null;
      this.pending = null;
      this.inputs = [];
      await this.dropTables();
      await this.catchUp();
    }
    return emptyReport(this.core.now(), frameworkId, 'cancelled');
  }

  /**
   * After an import that stored nothing: catches up with what other tabs stored meanwhile (a tab does not act on
   * their notices while it reads files or shows a check step, issue 7).
   */
  private async catchUp(): Promise<void> {
    try {
      await this.deps.shared.exclusive(() => this.deps.shared.catchUp());
    } catch {
      // the store cannot be read: the next change syncs again
    }
  }

  /** Reads a pending workbook's chosen sheet. */
  async chooseSheet(fileIndex: number, sheet: string): Promise<void> {
    const input = this.inputs[fileIndex];
    if (!input || this.reading) return;
    this.inputs = this.inputs.map((item, i) => (i === fileIndex ? { ...item, sheet } : item));
    await this.reread();
  }

  /**
   * Remembers that `name` means the unit `unitId` (a suggestion the user accepted), for this import and every
   * later one, and reads the pending files again with it.
   */
  async acceptAlias(name: string, key: string, unitId: string): Promise<void> {
    const core = this.core;
    const alias: StoredAlias = { key, name, unitId, at: core.now() };
    await this.deps.shared.change(async () => {
      core.aliasMap.set(key, unitId);
      core.aliases = [...core.aliases.filter((a) => a.key !== key), alias];
      try {
        await core.store.putAlias(alias);
      } catch (error) {
        core.storageError = `บันทึกชื่อที่จับคู่ไว้ในเบราว์เซอร์ไม่สำเร็จ: ${errorMessage(error)}`;
      }
    });
    await this.reread();
  }

  /** Splits the files into framework and results files, reads the framework, then reads and checks the results. */
  private async prepare(
    files: readonly UploadedFile[],
    currentFrameworkId: string | null
  ): Promise<PendingImport | ImportReport> {
    const core = this.core;
    const workspace = core.requireWorkspace();
    const at = core.now();
    const split = splitFiles(files);
    if (split.oversized.length > 0) {
      return { ...emptyReport(at, currentFrameworkId, 'framework'), frameworkIssues: split.oversized };
    }
    let framework: Framework | null = null;
    let frameworkIssues: FrameworkIssue[] = [];
    if (split.frameworkFiles.length > 0) {
      const read = readFrameworkFiles(split.frameworkFiles, {
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
    if (targetId === null || this.deps.startup.isLoading(targetId)) await this.deps.startup.settled;
    const target = framework ?? (currentFrameworkId ? workspace.framework(currentFrameworkId) : undefined);
    if (!target) return emptyReport(at, currentFrameworkId, 'no-framework');
    let pendingFiles: PendingFile[];
    try {
      pendingFiles = await this.readAll(split.resultInputs, target);
    } catch (error) {
      if (isCancel(error)) return emptyReport(at, currentFrameworkId, 'cancelled');
      return emptyReport(at, currentFrameworkId, errorMessage(error));
    }
    this.inputs = split.resultInputs;
    return {
      frameworkId: target.id,
      frameworkName: target.name,
      framework,
      frameworkFiles: split.frameworkFiles.map((file) => file.name),
      frameworkIssues,
      replacesFramework: framework !== null && workspace.framework(framework.id) !== undefined,
      replacesDemo:
        core.demoOf(target.id) !== undefined &&
        !core.hasRealResults(target.id) &&
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
    const controller = new AbortController();
    this.abort = controller;
    const plain = $state.snapshot(framework) as Framework;
    const out: PendingFile[] = [];
    await this.dropTables();
    try {
      for (let index = 0; index < inputs.length; index++) {
        this.reading = { file: inputs[index].name, index, count: inputs.length, fraction: 0 };
        const pending = await this.readOne(inputs[index], index, plain, controller.signal);
        if (controller.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
        out.push(pending);
      }
      return out;
    } catch (error) {
      await this.dropTables();
      throw error;
    } finally {
      this.reading = null;
      this.abort = null;
    }
  }

  /** Reads one results file (DuckDB's reader into a temp table where it can) and diffs it with the stored. */
  private async readOne(
    input: ResultsFileInput,
    index: number,
    framework: Framework,
    signal: AbortSignal
  ): Promise<PendingFile> {
    const core = this.core;
    const workspace = core.requireWorkspace();
    const reader = core.deps.readResults ?? defaultReader;
    const readSlow = (file: ResultsFileInput) =>
      reader(
        file,
        framework,
        core.aliasMap,
        (fraction) => {
          if (this.reading) this.reading = { ...this.reading, fraction };
        },
        signal
      );
    const files = workspace.db.files;
    if (!files) {
      const report = await readSlow(input);
      const diff =
        report.rows.length === 0 ? null : await workspace.diff(framework.id, report.rows, PREVIEW_CHANGES);
      return { name: input.name, report, accepted: report.rows.length, table: null, diff };
    }
    const table = `results_pending_${index + 1}`;
    this.tables.push(table);
    await workspace.db.exec(createPendingResultsSql(table));
    const readStart = core.clock();
    const fast = await core.timed('read', () =>
      readResultsFast(workspace.db, files, input, {
        framework,
        aliases: core.aliasMap,
        table,
        readFallback: readSlow
      })
    );
    core.measurePhases('read', readStart, fast.phases);
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
        : await core.timed('diff', () => workspace.diff(framework.id, { table }, PREVIEW_CHANGES));
    return { name: input.name, report: { ...rest, rows: [] }, accepted: rowCount, table, diff };
  }

  /** Drops the temp tables of the files read for the check step. */
  private async dropTables(): Promise<void> {
    const tables = this.tables;
    this.tables = [];
    for (const table of tables) await this.core.requireWorkspace().db.exec(dropPendingResultsSql(table));
  }

  /** Reads the pending files again (after an alias was accepted or a sheet chosen). */
  private async reread(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const framework = pending.framework ?? this.core.requireWorkspace().framework(pending.frameworkId);
    if (!framework) return;
    try {
      const files = await this.readAll(this.inputs, framework);
      if (this.pending === pending) this.pending = { ...pending, files };
    } catch (error) {
      if (!isCancel(error)) this.core.storageError = errorMessage(error);
    }
  }
}

/**
 * Framework files (read on this thread: one over the limit is refused before it is decoded, issue 7) apart
 * from results files.
 */
function splitFiles(files: readonly UploadedFile[]): {
  frameworkFiles: FrameworkFile[];
  resultInputs: ResultsFileInput[];
  oversized: FrameworkIssue[];
} {
  const frameworkFiles: FrameworkFile[] = [];
  const resultInputs: ResultsFileInput[] = [];
  const oversized: FrameworkIssue[] = [];
  for (const file of files) {
    if (isFrameworkFile(file.name)) {
      const problem = fileSizeProblem(file.bytes.length, MAX_FRAMEWORK_FILE_BYTES, 'framework');
      if (problem) oversized.push({ severity: 'error', where: file.name, message: problem });
      else frameworkFiles.push({ name: file.name, text: decodeText(file.bytes).text });
    } else resultInputs.push({ name: file.name, bytes: file.bytes, sheet: null });
  }
  return { frameworkFiles, resultInputs, oversized };
}
