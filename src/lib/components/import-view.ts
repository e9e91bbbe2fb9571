/**
 * One shape for the validation report before committing (`PendingImport`) and the report after it
 * (`ImportReport`), so that one set of components shows both.
 */
import type { Rejection } from '../domain/results';
import type { UnitIssue } from '../ingest/results';
import type { ResultChange } from '../scoring/workspace';
import type { ImportReport, PendingImport } from '../state/session.svelte';
import type { DiffCounts } from './import-text';

export interface ImportFileView {
  name: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  sheets: string[];
  /** Usable rows. */
  accepted: number;
  /** Lines with at least one rejection. */
  rejectedLines: number;
  counts: DiffCounts | null;
  /** The number of changed values is larger than `changes` holds. */
  error: string | null;
  warnings: string[];
}

export interface ImportView {
  stage: 'preview' | 'done';
  frameworkId: string | null;
  files: ImportFileView[];
  rejected: Rejection[];
  changes: ResultChange[];
  /** Changed values in all: `changes` may hold fewer. */
  changedCount: number;
  unitIssues: (UnitIssue & { file: string })[];
  /** Anything to commit at all (a framework or usable rows). */
  committable: boolean;
}

function lineCount(rejected: readonly Rejection[]): number {
  return new Set(rejected.map((r) => `${r.file}\u0000${r.line}`)).size;
}

export function pendingView(pending: PendingImport): ImportView {
  const files = pending.files.map((file): ImportFileView => ({
    name: file.name,
    format: file.report.format,
    encoding: file.report.encoding,
    sheet: file.report.sheet,
    sheets: file.report.sheets,
    accepted: file.accepted,
    rejectedLines: lineCount(file.report.rejected),
    counts: file.diff
      ? { added: file.diff.added, changed: file.diff.changed, unchanged: file.diff.unchanged }
      : null,
    error: null,
    warnings: file.report.warnings
  }));
  return {
    stage: 'preview',
    frameworkId: pending.frameworkId,
    files,
    rejected: pending.files.flatMap((file) => file.report.rejected),
    changes: pending.files.flatMap((file) => file.diff?.changes ?? []),
    changedCount: pending.files.reduce((sum, file) => sum + (file.diff?.changed ?? 0), 0),
    unitIssues: pending.files.flatMap((file) =>
      file.report.unitIssues.map((issue) => ({ ...issue, file: file.name }))
    ),
    committable: pending.framework !== null || files.some((file) => file.accepted > 0)
  };
}

export function reportView(report: ImportReport): ImportView {
  const files = report.files.map((file): ImportFileView => ({
    name: file.file,
    format: file.format,
    encoding: file.encoding,
    sheet: file.sheet,
    sheets: [],
    accepted: file.accepted,
    rejectedLines: lineCount(file.rejected),
    counts:
      file.accepted > 0 && file.error === null
        ? { added: file.added, changed: file.changed, unchanged: file.unchanged }
        : null,
    error: file.error,
    warnings: file.warnings
  }));
  return {
    stage: 'done',
    frameworkId: report.frameworkId,
    files,
    rejected: report.files.flatMap((file) => file.rejected),
    changes: report.files.flatMap((file) => file.changes),
    changedCount: report.files.reduce((sum, file) => sum + file.changed, 0),
    unitIssues: report.files.flatMap((file) =>
      file.unitIssues.map((issue) => ({ ...issue, file: file.file }))
    ),
    committable: false
  };
}
