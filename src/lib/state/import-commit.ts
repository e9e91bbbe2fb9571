/**
 * "นำเข้า": commits a checked import (import-flow.svelte.ts). A framework read from the files is stored first;
 * then each results file all-or-nothing (DuckDB and the browser store both take it, or neither does); then
 * the period on screen is scored and the rest left to the background.
 */
import { hasErrors } from '../domain/framework-validate';
import type { PackedResults, ResultColumns } from '../domain/results';
import { requestPersistentStorage } from '../persist/indexeddb';
import { newUploadId, type StoredUpload } from '../persist/stored';
import type { ResultsDiff } from '../scoring/workspace';
import { rowCountOf } from '../sql/results-import';
import {
  countLines,
  type ImportFileResult,
  type ImportReport,
  type PendingFile,
  type PendingImport
} from './import-types';
import { errorMessage, type SessionCore } from './session-core.svelte';
import { periodsOnScreen } from './selection';

/**
 * Commits `pending`, then scores the period on screen (`periodId`, else the framework's last) first and hands
 * the framework's other periods to `scoreInBackground`.
 */
export async function commitPending(
  core: SessionCore,
  pending: PendingImport,
  periodId: string | null,
  scoreInBackground: (frameworkId: string) => void
): Promise<ImportReport> {
  const workspace = core.requireWorkspace();
  const at = core.now();
  const report: ImportReport = {
    at,
    frameworkId: pending.frameworkId,
    frameworkIssues: pending.frameworkIssues,
    files: [],
    error: null
  };
  core.working = true;
  try {
    if (pending.framework && !(await storeFramework(core, pending, report, at))) return report;
    for (const file of pending.files)
      report.files.push(await core.timed('commit', () => commitFile(core, pending.frameworkId, file, at)));
    const framework = workspace.framework(pending.frameworkId);
    const changed = pending.framework !== null || report.files.some((f) => f.added + f.changed > 0);
    if (framework && changed) {
      await core.refreshLatestMonths();
      // The period the import was checked on, and the month views now open on (the latest reported).
      const first = [
        ...periodsOnScreen(framework, periodId),
        ...periodsOnScreen(framework, null, core.latestMonth(framework.id))
      ];
      await core.timed('score', () => workspace.ensure(framework.id, first));
      scoreInBackground(framework.id);
    }
    core.showFrameworks();
    core.revision++;
    if (report.files.some((file) => file.added + file.changed > 0)) void requestPersistentStorage();
    void core.refreshStorage();
  } catch (error) {
    report.error = errorMessage(error);
  } finally {
    core.working = false;
  }
  return report;
}

/**
 * Stores the framework read from the files, in DuckDB and in the browser; false (with `report.error`) when
 * either refused it — then nothing of the import is committed.
 */
async function storeFramework(
  core: SessionCore,
  pending: PendingImport,
  report: ImportReport,
  at: number
): Promise<boolean> {
  const framework = pending.framework!;
  const workspace = core.requireWorkspace();
  const previous = workspace.framework(framework.id) ?? null;
  const stored = await core.timed('framework', () => workspace.putFramework(framework));
  report.frameworkIssues = [
    ...pending.frameworkIssues,
    ...stored.filter((i) => !pending.frameworkIssues.includes(i))
  ];
  if (hasErrors(stored)) {
    report.error = 'framework';
    return false;
  }
  try {
    await core.store.putFramework({ id: framework.id, framework, at, files: pending.frameworkFiles });
  } catch (error) {
    // All or nothing (issue 7): a framework the browser could not keep is taken off the page too (the one it
    // replaced comes back), and no results file is committed for it.
    await workspace.removeFramework(framework.id);
    if (previous) {
      await workspace.putFramework(previous);
      await workspace.ensure(previous.id, 'all');
    }
    report.error = `บันทึกกรอบการประเมินในเบราว์เซอร์ไม่สำเร็จ จึงไม่ได้นำเข้าไฟล์ใดเลย: ${errorMessage(error)}`;
    return false;
  }
  if (!core.importedFrameworkIds.includes(framework.id)) {
    core.importedFrameworkIds = [...core.importedFrameworkIds, framework.id];
  }
  return true;
}

/** Commits one file all-or-nothing: DuckDB and the browser store both take it, or neither does. */
async function commitFile(
  core: SessionCore,
  frameworkId: string,
  file: PendingFile,
  at: number
): Promise<ImportFileResult> {
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
  try {
    const beforeCommit = async (diff: ResultsDiff, written: ResultColumns | PackedResults) => {
      if (rowCountOf(written) === 0) return;
      upload = {
        id: newUploadId(at),
        seq: core.nextSeq,
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
      await core.timed('store', () => core.store.addUpload(upload!));
    };
    const diff = await core
      .requireWorkspace()
      .commit(frameworkId, file.table ? { table: file.table } : read.rows, { beforeCommit });
    if (upload) {
      core.nextSeq++;
      const { rows: _rows, ...summary } = upload;
      core.uploads = [...core.uploads, summary];
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
    if (upload) await core.store.removeUpload(upload.id).catch(() => undefined);
    return { ...result, error: `ไม่ได้นำเข้าไฟล์นี้ (ข้อมูลเดิมไม่เปลี่ยน): ${errorMessage(error)}` };
  }
}
