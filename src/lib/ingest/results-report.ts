/**
 * What reading a results table takes and gives (results.ts, and the fast reader through it): the options
 * (`ResultsReadOptions`: the framework, accepted names, progress, the month window) and the report
 * (`ResultsReadReport`: rows, rejections, warnings, and the `UnitIssue`s a validation report groups).
 */
import type { Framework } from '../domain/framework';
import type { Rejection, ResultRow } from '../domain/results';

export interface ResultsReadOptions {
  /** The KPIs the rows must belong to; its `province` decides what the units are. */
  framework: Framework;
  /** Extra user-accepted names: `normalizeUnitName(name)` → unit id (district or province code). */
  aliases?: ReadonlyMap<string, string>;
  /** Called now and then with the share of the work done (0–1), for a progress bar. */
  onProgress?: (fraction: number) => void;
  /**
   * Reject rows whose month is outside the framework's fiscal year, round or quarter (the file readers of
   * the app and the command line do; off by default so that the text reader stays a pure format reader).
   */
  onlyFrameworkMonths?: boolean;
  /**
   * Whether the file's writer leaves out empty cells at the end of a line (`leavesOutEmptyCells` of
   * reading-rules.ts). By default decided from the table; the fast reader, which hands only some of a file's
   * lines to `readResultsTable`, passes what it found in the whole file.
   */
  leavesOutEmptyCells?: boolean;
}

/** Why a unit name could not be used: the kinds a validation report groups. */
export type UnitIssueKind = 'unknown' | 'ambiguous' | 'work_group' | 'total';

export interface UnitSuggestion {
  unitId: string;
  /** As shown to users: `ท่าตะเกียบ`, or `เฉลิมพระเกียรติ จ.น่าน` outside the framework's province. */
  label: string;
}

/** One unit name that rows were rejected for, with every line it is on and what it may have meant. */
export interface UnitIssue {
  kind: UnitIssueKind;
  /** The name as first written in the file. */
  name: string;
  /** `normalizeUnitName(name)`: the key under which an accepted suggestion is remembered as an alias. */
  key: string;
  column: string | null;
  lines: number[];
  suggestions: UnitSuggestion[];
}

export interface ResultsReadReport {
  file: string;
  layout: 'long' | 'wide';
  /** Every usable row. */
  rows: ResultRow[];
  /** Every unusable row (a line with several problems gets one rejection per problem). */
  rejected: Rejection[];
  /** File-level notes: columns not used, lines with no value, title lines skipped. */
  warnings: string[];
  /** Unit names that rows were rejected for, grouped by name (unknown, ambiguous, work groups, totals). */
  unitIssues: UnitIssue[];
}

export function emptyReport(file: string): ResultsReadReport {
  return { file, layout: 'long', rows: [], rejected: [], warnings: [], unitIssues: [] };
}
