/**
 * The reading rules of results files (issue 11: one set of rules) — every decision about what a file, a header,
 * a cell or a line means lives here, and both readers apply it:
 *
 * - the page's reader (`readResultsFile` in read-file.ts → `readResultsTable` in results.ts), line by line, in
 *   the browser's worker and in `npm run score --engine wasm`;
 * - DuckDB's fast reader (fast-results.ts), in the browser and in `npm run score` (native), which decides only
 *   which lines are plain enough for SQL (`PLAIN_NUMBER_SQL`, `plainLongLayout`, `plainValueBounds`, the
 *   split-number and unused-figure flags) and hands every other line, with its real line number, to
 *   `readResultsTable`. Units, KPIs and months are resolved by the same functions (`UnitResolver`,
 *   `resolveKpi`, `resolveMonth`), once per distinct text.
 *
 * Rules: file-level refusals (size, old Excel, zip size, not text: `checkResultsFile`; too many columns), header
 * names and roles (`detectLayout`), KPIs that take results (leaves, not composites: `resolveKpi`), the
 * framework's month window (`monthScopeOf`), number syntax (`readNumber` in domain/numbers.ts), the valid range
 * of a value and the `%` notes (`valueRangeProblem`, `valueNote`), numbers split at their thousands separators
 * (`splitNumberProblem`), the duplicate key (`resultKey`, `duplicateReason`) and the rejection cap
 * (`TooManyProblems`). Pure: no DOM, no DuckDB.
 *
 * The rules are kept by job in ./reading-rules/: `header-names.ts` (column roles, KPI ids, the KPI catalogue),
 * `units.ts` (`scopeOf`, `UnitResolver`), `layout.ts` (`detectLayout`, `plainLongLayout`), `line-cells.ts`
 * (KPI, month and figures of a line, `PLAIN_NUMBER_SQL`), `value-ranges.ts` (ranges, `%` notes, SQL bounds),
 * `split-numbers.ts` (numbers split at their thousands separators), `problems.ts` (problems, duplicates, the
 * rejection cap, the column limit) and `file-check.ts` (`checkResultsFile`); this file is where both readers
 * import them from.
 */
export {
  NUMBER_ROLES,
  ROLE_ALIASES,
  ROLE_LABEL,
  roleKey,
  withoutTrailingNote,
  roleOfHeader,
  kpiKey,
  headerText,
  catalogOf,
  isComposite,
  compositeReason,
  kpiOfWideHeader
} from './reading-rules/header-names';
export type { Role, NumberRole, KpiCatalog } from './reading-rules/header-names';
export { scopeOf, UnitResolver } from './reading-rules/units';
export type { UnitScope, UnitResolution, UnitColumns } from './reading-rules/units';
export { columnsRead, HEADER_SEARCH_LINES, detectLayout, plainLongLayout } from './reading-rules/layout';
export type { NumberColumns, WideColumn, Layout, LayoutResult } from './reading-rules/layout';
export {
  resolveKpi,
  monthScopeOf,
  resolveMonth,
  readFigures,
  PLAIN_NUMBER_SQL
} from './reading-rules/line-cells';
export type { MonthScope, Figures } from './reading-rules/line-cells';
export {
  isPercentUnit,
  reportsPercent,
  takesPercentSign,
  rangeText,
  valueRangeProblem,
  valueNote,
  valueNoteWarning,
  plainValueBounds,
  usesFigure
} from './reading-rules/value-ranges';
export type { ValueNote } from './reading-rules/value-ranges';
export {
  leads,
  follows,
  SPLIT_LEAD_SQL,
  SPLIT_GROUP_SQL,
  hasSplitThousands,
  splitCellsReason,
  splitIntoEmptyCells,
  leavesOutEmptyCells,
  splitNumberProblem
} from './reading-rules/split-numbers';
export {
  orList,
  resultKey,
  duplicateReason,
  TooManyProblems,
  tooManyProblemsReason,
  refusedForProblems,
  usedWidth,
  tooManyColumnsReason,
  listLines
} from './reading-rules/problems';
export type { Problem } from './reading-rules/problems';
export { looksLikeZip, looksLikeOldExcel, binaryProblem, checkResultsFile } from './reading-rules/file-check';
export type { FileRefusal, FileCheck } from './reading-rules/file-check';
