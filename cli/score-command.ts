/**
 * The `score` command as a function (argv in, text out, exit code back), so tests run it in-process.
 * Contract: DESIGN §9.3. Exit codes: 0 scored; 1 nothing could be scored (unknown framework, unreadable
 * file, bad period, no usable result rows); 2 wrong usage.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/lib/db/types';
import type { Framework, FrameworkIssue } from '../src/lib/domain/framework';
import { parsePeriodId, periodsOfFramework, previousPeriod } from '../src/lib/domain/periods';
import {
  laterFileWins,
  replacementText,
  sameRowsText,
  type Rejection,
  type ResultRow
} from '../src/lib/domain/results';
import { validateFramework } from '../src/lib/domain/framework-validate';
import { BUILTIN_FRAMEWORKS, builtinFramework, demoFileName } from '../src/lib/frameworks/builtin';
import { decodeText } from '../src/lib/ingest/decode';
import { readFrameworkFiles, readFrameworkJson } from '../src/lib/ingest/framework-files';
import { openTempFileRegistry } from '../src/lib/db/node-files';
import { readResultsFast } from '../src/lib/ingest/fast-results';
import { readResultsFile } from '../src/lib/ingest/read-file';
import { STAGED_RESULTS, createStagedResultsSql, stagedRowsSql } from '../src/lib/sql/results-import';
import { resultRowOf } from '../src/lib/sql/schema';
import { formatLeagueCsv, formatLeagueJson, listFrameworksCsv } from '../src/lib/scoring/league-format';
import { Workspace, resolveFrameworkUnit } from '../src/lib/scoring/workspace';
import { buildTemplate, templateCsv } from '../src/lib/export/template';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `usage: npm run score -- --framework <built-in id | folder | framework.json> (--results <file> [--results <file> …] | --demo) --period <P> [--format csv|json] [--sheet <name>] [--engine native|wasm]
       npm run score -- --framework <…> --period <P> --template <out.xlsx|out.csv|out.zip> [--layout long|wide]
       npm run score -- --list
P: 2567-09 (month, BE) · FY2567-Q4 · FY2567-R2 · FY2567
results files: CSV/TSV/TXT in UTF-8 (with or without BOM) or Windows-874, or .xlsx (the first sheet holding a
results table, or --sheet <name>) — read by the same rules as the upload page
--template: writes the reporting template districts fill in (every district × KPI × month of P, values empty):
.xlsx (a sheet per layout, notes, data validation), .csv (--layout long, the default, or wide), or .zip (one
.xlsx per district)`;

interface Options {
  framework: string | null;
  results: string[];
  period: string | null;
  format: 'csv' | 'json';
  sheet: string | null;
  engine: 'native' | 'wasm';
  demo: boolean;
  list: boolean;
  help: boolean;
  template: string | null;
  layout: 'long' | 'wide' | null;
}

/** The first stderr line (and JSON warning) of a `--demo` run. */
export const DEMO_WARNING =
  'warning: demo data (ข้อมูลตัวอย่าง): these numbers are the built-in demo results, not real results';

class UsageError extends Error {}
class ScoreError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    framework: null,
    results: [],
    period: null,
    format: 'csv',
    sheet: null,
    engine: 'native',
    demo: false,
    list: false,
    help: false,
    template: null,
    layout: null
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i]];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || (inline === undefined && next.startsWith('--'))) {
        throw new UsageError(`${flag} needs a value`);
      }
      return next;
    };
    switch (flag) {
      case '--framework':
        options.framework = value();
        break;
      case '--results':
        options.results.push(value());
        break;
      case '--period':
        options.period = value();
        break;
      case '--format': {
        const format = value();
        if (format !== 'csv' && format !== 'json')
          throw new UsageError(`--format must be csv or json, not ${format}`);
        options.format = format;
        break;
      }
      case '--sheet':
        options.sheet = value();
        break;
      case '--engine': {
        const engine = value();
        if (engine !== 'native' && engine !== 'wasm') throw new UsageError(`--engine must be native or wasm`);
        options.engine = engine;
        break;
      }
      case '--demo':
        options.demo = true;
        break;
      case '--template':
        options.template = value();
        break;
      case '--layout': {
        const layout = value();
        if (layout !== 'long' && layout !== 'wide') throw new UsageError(`--layout must be long or wide`);
        options.layout = layout;
        break;
      }
      case '--list':
        options.list = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function loadFramework(spec: string): Promise<{ framework: Framework; issues: FrameworkIssue[] }> {
  const resolveUnit = (name: string, fw: Framework) => resolveFrameworkUnit(fw, name) !== null;
  const builtin = builtinFramework(spec);
  // A built-in framework is told about like a folder (seed 001's weights summing to 105, its all-zero
  // households rows whose levels 4–1 can never be reached): the same warnings, naming the KPI.
  if (builtin) return { framework: builtin, issues: validateFramework(builtin, { resolveUnit }) };
  let info;
  try {
    info = await stat(spec);
  } catch {
    const known = BUILTIN_FRAMEWORKS.map((fw) => fw.id).join(', ');
    throw new ScoreError(`unknown framework "${spec}": not a built-in id (${known}) nor a file or folder`);
  }
  let read;
  if (info.isDirectory()) {
    const names = (await readdir(spec)).filter((name) => /\.(csv|json)$/i.test(name));
    const files = await Promise.all(
      names.map(async (name) => ({ name, text: decodeText(await readFile(path.join(spec, name))).text }))
    );
    read = readFrameworkFiles(files, { resolveUnit });
  } else {
    const text = decodeText(await readFile(spec)).text;
    read = readFrameworkJson(path.basename(spec), text, { resolveUnit });
  }
  if (!read.framework) {
    const first = read.issues.find((issue) => issue.severity === 'error');
    throw new ScoreError(
      `framework ${spec} is not valid: ${first ? `${first.where}: ${first.message}` : 'unreadable'}` +
        (read.issues.length > 1 ? ` (and ${read.issues.length - 1} more issue(s), see above)` : ''),
      { cause: read.issues }
    );
  }
  return { framework: read.framework, issues: read.issues };
}

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

function issueLine(issue: FrameworkIssue): string {
  return `${issue.severity}: ${issue.where}: ${issue.message}`;
}

/** A run that failed: the framework's issues and the reason on stderr (unexpected errors with their stack); exit 1. */
function failed(error: unknown, out: Output): number {
  if (error instanceof ScoreError) {
    const cause = (error as Error & { cause?: FrameworkIssue[] }).cause;
    if (Array.isArray(cause)) for (const issue of cause) out.stderr(issueLine(issue) + '\n');
    out.stderr(`score: ${error.message}\n`);
  } else {
    out.stderr(`score: unexpected error: ${(error as Error).stack ?? error}\n`);
  }
  return 1;
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
  if (options.layout !== null) {
    out.stderr(`--layout goes with --template\n${USAGE}\n`);
    return 2;
  }
  if (!options.framework || !options.period || (options.results.length === 0 && !options.demo)) {
    out.stderr(`missing --framework, --period or --results/--demo\n${USAGE}\n`);
    return 2;
  }
  if (options.demo && options.results.length > 0) {
    // Demo rows are never mixed with real ones (issue 11): the browser keeps them apart too.
    out.stderr(
      `--demo and --results cannot be used together (the demo is not mixed with real results)\n${USAGE}\n`
    );
    return 2;
  }
  const period = parsePeriodId(options.period);
  if (!period) {
    out.stderr(`bad period "${options.period}": use 2567-09, FY2567-Q4, FY2567-R2 or FY2567\n`);
    return 1;
  }
  let db: Db | null = null;
  try {
    const { framework, issues } = await loadFramework(options.framework);
    const warnings = issues.filter((issue) => issue.severity === 'warning').map(issueLine);
    const files = [...options.results];
    if (options.demo) {
      if (!builtinFramework(framework.id)) throw new ScoreError(`--demo needs a built-in framework`);
      files.push(path.join(repositoryRoot, 'static', 'demo', demoFileName(framework.id)));
      // The first line on stderr: the numbers that follow are not real results.
      out.stderr(DEMO_WARNING + '\n');
    }
    const rejected: Rejection[] = [];
    const inputs: { name: string; bytes: Uint8Array }[] = [];
    for (const file of files) {
      try {
        const name = options.demo && file.endsWith(demoFileName(framework.id)) ? path.basename(file) : file;
        inputs.push({ name, bytes: await readFile(file) });
      } catch (error) {
        throw new ScoreError(
          `cannot read results file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`
        );
      }
    }

    db = await openEngine(options.engine, run);
    const workspace = await Workspace.open(db);
    const stored = await workspace.putFramework(framework);
    const storeError = stored.find((issue) => issue.severity === 'error');
    if (storeError) throw new ScoreError(`framework is not valid: ${issueLine(storeError)}`);
    await workspace.ensurePeriods(framework.id, [period, previousPeriod(period)]);
    let usable = 0;
    // Each file's rows, to find the same result in several files (only kept when there are several).
    const fileRows: ResultRow[][] = [];
    if (options.engine === 'native') {
      // Native DuckDB reads the files itself (src/lib/ingest/fast-results.ts: the same rows, rejections and
      // warnings as the upload page's reader, several times faster on national files).
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
            fileRows.push(staged.map(resultRowOf));
          }
          // Committed file by file: a later file's row replaces an earlier one's (laterFileWins).
          await workspace.commit(framework.id, { table: STAGED_RESULTS });
          usable += report.rowCount;
          for (const rejection of report.rejected) rejected.push(rejection);
          warnings.push(...report.warnings.map((warning) => `warning: ${input.name}: ${warning}`));
        }
      } finally {
        await registry.close();
      }
    } else {
      // DuckDB-WASM: the upload page's reader in JS (and so a check of the fast reader: cli/score.test.ts).
      for (const input of inputs) {
        const report = await readResultsFile({ ...input, sheet: options.sheet }, { framework });
        fileRows.push(report.rows);
        for (const rejection of report.rejected) rejected.push(rejection);
        warnings.push(...report.warnings.map((warning) => `warning: ${input.name}: ${warning}`));
      }
      const rows = laterFileWins(fileRows).rows;
      await workspace.commit(framework.id, rows);
      usable = rows.length;
    }
    // The same result in several files: the later file wins (src/lib/domain/results.ts laterFileWins).
    if (fileRows.length > 1) {
      const unit = (framework.province ?? '').trim() === '' ? 'province' : 'district';
      const across = laterFileWins(fileRows);
      for (const replaced of across.replaced)
        warnings.push(`warning: ${replacementText(replaced, 'en', unit)}`);
      for (const same of across.same) warnings.push(`warning: ${sameRowsText(same, 'en', unit)}`);
    }
    for (const rejection of rejected) {
      out.stderr(`rejected: ${rejection.file}:${rejection.line}: ${rejection.reason}\n`);
    }
    for (const warning of warnings) out.stderr(`${warning}\n`);
    if (usable === 0) {
      throw new ScoreError(`no usable result rows in ${files.join(', ')}`);
    }
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
    return 0;
  } catch (error) {
    return failed(error, out);
  } finally {
    await db?.close();
  }
}

/**
 * `--template <file>` (issue 14.2): the reporting template of the framework for the period, as the Data page
 * downloads it — .xlsx, .csv (long or wide) or .zip (one workbook per district). Nothing is scored.
 */
async function writeTemplate(options: Options, out: Output): Promise<number> {
  const file = options.template!;
  const kind = /\.xlsx$/i.test(file)
    ? 'xlsx'
    : /\.csv$/i.test(file)
      ? 'csv'
      : /\.zip$/i.test(file)
        ? 'zip'
        : null;
  if (!options.framework || !options.period || options.results.length > 0 || options.demo || !kind) {
    const why = !kind
      ? `--template needs a file name ending in .xlsx, .csv or .zip, not ${file}`
      : `--template needs --framework and --period, and no --results or --demo`;
    out.stderr(`${why}\n${USAGE}\n`);
    return 2;
  }
  if (options.layout !== null && kind !== 'csv') {
    out.stderr(`--layout is for a .csv template (a workbook has both layouts)\n${USAGE}\n`);
    return 2;
  }
  const period = parsePeriodId(options.period);
  if (!period) {
    out.stderr(`bad period "${options.period}": use 2567-09, FY2567-Q4, FY2567-R2 or FY2567\n`);
    return 1;
  }
  try {
    const { framework, issues } = await loadFramework(options.framework);
    for (const issue of issues.filter((i) => i.severity === 'warning')) out.stderr(issueLine(issue) + '\n');
    const months = new Set(periodsOfFramework(framework.fiscalYear, framework.period).at(-1)?.months ?? []);
    if (!period.months.every((month) => months.has(month))) {
      throw new ScoreError(
        `period ${period.id} is not inside the framework's ${framework.fiscalYear} ${framework.period ?? ''}`.trim()
      );
    }
    const template = buildTemplate(framework, period);
    if (template.units.length === 0 || template.kpis.length === 0)
      throw new ScoreError(`framework ${framework.id} has no units or no KPIs that take results`);
    let bytes: Uint8Array;
    if (kind === 'csv') bytes = new TextEncoder().encode(templateCsv(template, options.layout ?? 'long'));
    else {
      const { templateXlsx, templateZip } = await import('../src/lib/export/template-xlsx');
      bytes = kind === 'zip' ? await templateZip(template) : await templateXlsx(template);
    }
    try {
      await writeFile(file, bytes);
    } catch (error) {
      throw new ScoreError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    out.stderr(
      `wrote ${file}: ${template.units.length} unit(s) × ${template.kpis.length} KPI(s) × ${period.months.length} month(s) of ${period.id}\n`
    );
    return 0;
  } catch (error) {
    return failed(error, out);
  }
}
