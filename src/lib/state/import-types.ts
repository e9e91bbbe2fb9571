/**
 * What an import shows and reports (issue 5): the check step's `PendingImport` before anything is stored, and
 * the `ImportReport` of what a commit stored, per results file.
 */
import type { Framework, FrameworkIssue } from '../domain/framework';
import type { Rejection } from '../domain/results';
import type { ResultsFileInput, ResultsFileReport } from '../ingest/read-file';
import type { UnitIssue } from '../ingest/results';
import type { ResultChange, ResultsDiff } from '../scoring/workspace';

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

export type ResultsFileReader = (
  input: ResultsFileInput,
  framework: Framework,
  aliases: ReadonlyMap<string, string>,
  onProgress: (fraction: number) => void,
  signal: AbortSignal
) => Promise<ResultsFileReport>;

const FRAMEWORK_FILE = /(^|[\\/])(framework|kpis|levels|targets)\.csv$|\.json$/i;

/** Whether a file is read as a framework file (the §9.2 CSVs or a JSON) rather than as results. */
export function isFrameworkFile(name: string): boolean {
  return FRAMEWORK_FILE.test(name);
}

export function emptyReport(at: number, frameworkId: string | null, error: string | null): ImportReport {
  return { at, frameworkId, frameworkIssues: [], files: [], error };
}

/** A reading the user cancelled (the worker's `ReadCancelled`, an aborted signal). */
export function isCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ReadCancelled' || error.name === 'AbortError');
}

/** Lines with at least one rejection. */
export function countLines(rejected: readonly Rejection[]): number {
  return rejected.reduce(
    (lines, r, i) => (i === 0 || rejected[i - 1].line !== r.line ? lines + 1 : lines),
    0
  );
}
