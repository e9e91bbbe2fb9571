/**
 * The `score` command as a function (argv in, text out, exit code back), so tests run it in-process.
 * Contract: DESIGN §9.3. Exit codes: 0 scored; 1 nothing could be scored (unknown framework, unreadable
 * file, bad period, no usable result rows); 2 wrong usage.
 *
 * This module reads the results into a workspace and prints the league table; the arguments are
 * score-args.ts, loading the framework and telling a failure score-framework.ts, `--template`
 * score-template.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/lib/db/types';
import type { Framework } from '../src/lib/domain/framework';
import { parsePeriodId, previousPeriod, type Period } from '../src/lib/domain/periods';
import {
  laterFileWins,
  replacementText,
  sameRowsText,
  type Rejection,
  type ResultRow
} from '../src/lib/domain/results';
import { BUILTIN_FRAMEWORKS, builtinFramework, demoFileName } from '../src/lib/frameworks/builtin';
import { openTempFileRegistry } from '../src/lib/db/node-files';
import { readResultsFast } from '../src/lib/ingest/fast-results';
import { readResultsFile } from '../src/lib/ingest/read-file';
import { STAGED_RESULTS, createStagedResultsSql, stagedRowsSql } from '../src/lib/sql/results-import';
import { resultRowOf } from '../src/lib/sql/schema';
import { formatLeagueCsv, formatLeagueJson, listFrameworksCsv } from '../src/lib/scoring/league-format';
import type { LeagueTable } from '../src/lib/scoring/league';
import { Workspace } from '../src/lib/scoring/workspace';
import { USAGE, parseArgs, type Options } from './score-args';
import { ScoreError, failed, issueLine, loadFramework, type Output } from './score-framework';
import { expandResults, isParquet, parquetAsCsv, writeParquet } from './score-parquet';
import { writeTemplate } from './score-template';

export { USAGE } from './score-args';
export type { Output } from './score-framework';

/** The first stderr line (and JSON warning) of a `--demo` run. */
export const DEMO_WARNING =
  'warning: demo data (ข้อมูลตัวอย่าง): these numbers are the built-in demo results, not real results';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How `runScore` is run (tests): `reuseWasmModule` — see `openNodeWasmDb` (many runs in one process). */
export interface RunOptions {
  reuseWasmModule?: boolean;
}

async function openEngine(engine: Options['engine'], run: RunOptions): Promise<Db> {
  if (engine === 'wasm') {
    return (await import('../src/lib/db/node-wasm')).openNodeWasmDb({ reuseModule: run.reuseWasmModule });
  }
  return (await import('../src/lib/db/node-native')).openNodeNativeDb();
}

export async function runScore(argv: readonly string[], out: Output, run: RunOptions = {}): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    out.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    out.stdout(USAGE + '\n');
    return 0;
  }
  if (options.list) {
    out.stdout(listFrameworksCsv(BUILTIN_FRAMEWORKS));
    return 0;
  }
  if (options.template !== null) return writeTemplate(options, out);
  const wrongUsage = scoreUsageError(options);
  if (wrongUsage !== null) {
    out.stderr(`${wrongUsage}\n${USAGE}\n`);
    return 2;
  }
  const period = parsePeriodId(options.period!);
  if (!period) {
    out.stderr(`bad period "${options.period}": use 2567-09, FY2567-Q4, FY2567-R2 or FY2567\n`);
    return 1;
  }
  return scoreFiles(options, period, out, run);
}

/** What is wrong with the flags of a scoring run (no `--template`), or null. */
function scoreUsageError(options: Options): string | null {
  if (options.layout !== null) return `--layout goes with --template`;
  if (!options.framework || !options.period || (options.results.length === 0 && !options.demo))
    return `missing --framework, --period or --results/--demo`;
  // Demo rows are never mixed with real ones (issue 11): the browser keeps them apart too.
  if (options.demo && options.results.length > 0)
    return `--demo and --results cannot be used together (the demo is not mixed with real results)`;
  if (options.parquet !== null && options.engine !== 'native')
    return `--parquet needs --engine native (the default)`;
  return null;
}

/** What reading the results files found: rows rejected, warnings, each file's rows, how many were usable. */
interface Findings {
  rejected: Rejection[];
  warnings: string[];
  /** Each file's rows, to find the same result in several files (only kept when there are several). */
  fileRows: ResultRow[][];
  usable: number;
}

/** A results file read into memory, under the name its rejections and warnings give. */
interface ResultsFile {
  name: string;
  bytes: Uint8Array;
  /** What reading the file as given said before the reader saw it (a Parquet file's line breaks). */
  warning?: string | null;
}

/** Scores the results files (or the demo) for `period` and prints the league table; the exit code. */
async function scoreFiles(options: Options, period: Period, out: Output, run: RunOptions): Promise<number> {
  let db: Db | null = null;
  try {
    const { framework, issues } = await loadFramework(options.framework!);
    const warnings = issues.filter((issue) => issue.severity === 'warning').map(issueLine);
    const files = resultsFiles(options, framework, out);
    const inputs = await readInputs(options, framework, files);
    for (const input of inputs) if (input.warning) warnings.push(input.warning);

    db = await openEngine(options.engine, run);
    const workspace = await Workspace.open(db);
    const stored = await workspace.putFramework(framework);
    const storeError = stored.find((issue) => issue.severity === 'error');
    if (storeError) throw new ScoreError(`framework is not valid: ${issueLine(storeError)}`);
    await workspace.ensurePeriods(framework.id, [period, previousPeriod(period)]);
    const findings: Findings = { rejected: [], warnings, fileRows: [], usable: 0 };
    if (options.engine === 'native') await commitNative(db, workspace, framework, inputs, options, findings);
    else await commitWasm(workspace, framework, inputs, options, findings);
    warnings.push(...acrossFilesWarnings(framework, findings.fileRows));
    for (const rejection of findings.rejected) {
      out.stderr(`rejected: ${rejection.file}:${rejection.line}: ${rejection.reason}\n`);
    }
    for (const warning of warnings) out.stderr(`${warning}\n`);
    if (findings.usable === 0) {
      throw new ScoreError(`no usable result rows in ${files.join(', ')}`);
    }
    const league = await printLeague(workspace, framework, period, options, findings, out);
    if (options.parquet !== null) {
      await workspace.ensure(framework.id, 'all');
      await writeParquet(db, framework.id, formatLeagueCsv(league), options.parquet);
    }
    return 0;
  } catch (error) {
    return failed(error, out);
  } finally {
    await db?.close();
  }
}

/** The files to read: those given, or the framework's demo file (the demo warning first on stderr). */
function resultsFiles(options: Options, framework: Framework, out: Output): string[] {
  const files = expandResults(options.results);
  if (options.demo) {
    if (!builtinFramework(framework.id)) throw new ScoreError(`--demo needs a built-in framework`);
    files.push(path.join(repositoryRoot, 'static', 'demo', demoFileName(framework.id)));
    // The first line on stderr: the numbers that follow are not real results.
    out.stderr(DEMO_WARNING + '\n');
  }
  return files;
}

/** Every results file read (the demo file named by its base name). */
async function readInputs(
  options: Options,
  framework: Framework,
  files: readonly string[]
): Promise<ResultsFile[]> {
  const inputs: ResultsFile[] = [];
  for (const file of files) {
    try {
      const name = options.demo && file.endsWith(demoFileName(framework.id)) ? path.basename(file) : file;
      inputs.push(
        isParquet(file) ? { name, ...(await parquetAsCsv(file)) } : { name, bytes: await readFile(file) }
      );
    } catch (error) {
      if (error instanceof ScoreError) throw error;
      throw new ScoreError(
        `cannot read results file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`
      );
    }
  }
  return inputs;
}

/**
 * Native DuckDB reads the files itself (src/lib/ingest/fast-results.ts: the same rows, rejections and
 * warnings as the upload page's reader, several times faster on national files), committed file by file.
 */
async function commitNative(
  db: Db,
  workspace: Workspace,
  framework: Framework,
  inputs: readonly ResultsFile[],
  options: Options,
  findings: Findings
): Promise<void> {
  const registry = await openTempFileRegistry();
  try {
    for (const input of inputs) {
      await db.exec(createStagedResultsSql());
      const report = await readResultsFast(
        db,
        registry,
        { ...input, sheet: options.sheet },
        {
          framework,
          table: STAGED_RESULTS
        }
      );
      if (inputs.length > 1) {
        const staged = await db.query(stagedRowsSql());
        findings.fileRows.push(staged.map(resultRowOf));
      }
      // Committed file by file: a later file's row replaces an earlier one's (laterFileWins).
      await workspace.commit(framework.id, { table: STAGED_RESULTS });
      findings.usable += report.rowCount;
      for (const rejection of report.rejected) findings.rejected.push(rejection);
      findings.warnings.push(...report.warnings.map((warning) => `warning: ${input.name}: ${warning}`));
    }
  } finally {
    await registry.close();
  }
}

/** DuckDB-WASM: the upload page's reader in JS (and so a check of the fast reader: cli/score.test.ts). */
async function commitWasm(
  workspace: Workspace,
  framework: Framework,
  inputs: readonly ResultsFile[],
  options: Options,
  findings: Findings
): Promise<void> {
  for (const input of inputs) {
    const report = await readResultsFile({ ...input, sheet: options.sheet }, { framework });
    findings.fileRows.push(report.rows);
    for (const rejection of report.rejected) findings.rejected.push(rejection);
    findings.warnings.push(...report.warnings.map((warning) => `warning: ${input.name}: ${warning}`));
  }
  const rows = laterFileWins(findings.fileRows).rows;
  await workspace.commit(framework.id, rows);
  findings.usable = rows.length;
}

/** The same result in several files: the later file wins (src/lib/domain/results.ts laterFileWins). */
function acrossFilesWarnings(framework: Framework, fileRows: ResultRow[][]): string[] {
  if (fileRows.length <= 1) return [];
  const warnings: string[] = [];
  const unit = (framework.province ?? '').trim() === '' ? 'province' : 'district';
  const across = laterFileWins(fileRows);
  for (const replaced of across.replaced) warnings.push(`warning: ${replacementText(replaced, 'en', unit)}`);
  for (const same of across.same) warnings.push(`warning: ${sameRowsText(same, 'en', unit)}`);
  return warnings;
}

/**
 * Scores the period (and the one before, for rank movement), prints its league table as CSV or JSON and
 * returns it.
 */
async function printLeague(
  workspace: Workspace,
  framework: Framework,
  period: Period,
  options: Options,
  { rejected, warnings }: Findings,
  out: Output
): Promise<LeagueTable> {
  // Only the period asked for and the one before it (for rank movement) are scored.
  await workspace.ensure(framework.id, [period.id, previousPeriod(period).id]);
  const table = await workspace.leagueTable(framework.id, period.id);
  if (!table.rows.some((row) => row.missing < table.kpis.length)) {
    const warning = `warning: no results fall in ${period.id} (${period.months[0]}..${period.months.at(-1)})`;
    warnings.push(warning);
    out.stderr(warning + '\n');
  }
  out.stdout(
    options.format === 'json'
      ? formatLeagueJson(table, rejected, options.demo ? [DEMO_WARNING, ...warnings] : warnings, {
          demo: options.demo
        })
      : formatLeagueCsv(table)
  );
  return table;
}
