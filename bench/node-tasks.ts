/**
 * Measurements that run in Node, one task per child process (bench/node-worker.ts), so that a runaway query
 * can be stopped by a time limit and each task's peak memory is its own.
 *
 *   ingest <size>            decode, PapaParse alone, the app's reader (PapaParse + validation), DuckDB read_csv
 *   plain <size>             baseline (a): the plain-TypeScript scorer over parsed rows, and file → scores with it
 *   engine <engine> <size>   the SQL: store, score every period, score one period, league table, switches
 *   pipeline <engine> <size> the app's path from file bytes to a league table (read, check, commit, score, table)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../src/lib/db/types';
import type { Framework } from '../src/lib/domain/framework';
import { groupsOf } from '../src/lib/domain/framework';
import { periodsOfFramework, type Period } from '../src/lib/domain/periods';
import type { ResultRow } from '../src/lib/domain/results';
import { parseCsv } from '../src/lib/ingest/csv';
import { decodeText } from '../src/lib/ingest/decode';
import { readFrameworkJson } from '../src/lib/ingest/framework-files';
import { readResultsFile } from '../src/lib/ingest/read-file';
import { plainScore } from './plain-scorer';
import { Workspace, frameworkUnitIds, resolveFrameworkUnit } from '../src/lib/scoring/workspace';
import { openNativeCsvReader, openWasmCsvReader } from './csv-readers';
import { generate, type GeneratedPart } from './generate';
import { measure, timing, type Timing } from './stats';
import type { SizeName } from './synthetic';

export type EngineName = 'native' | 'wasm';

function loadFramework(file: string): Framework {
  const read = readFrameworkJson(path.basename(file), readFileSync(file, 'utf8'), {
    resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null
  });
  if (!read.framework) throw new Error(`${file}: ${JSON.stringify(read.issues.slice(0, 3))}`);
  return read.framework;
}

async function readRows(part: GeneratedPart, framework: Framework): Promise<ResultRow[]> {
  const report = await readResultsFile(
    { name: path.basename(part.resultsFile), bytes: readFileSync(part.resultsFile) },
    { framework }
  );
  return report.rows;
}

async function openEngine(engine: EngineName): Promise<Db> {
  if (engine === 'wasm') return (await import('../src/lib/db/node-wasm')).openNodeWasmDb();
  return (await import('../src/lib/db/node-native')).openNodeNativeDb();
}

/** The period a league table opens on: the framework's own scope (selection.ts: the last period). */
function defaultPeriod(framework: Framework): Period {
  return periodsOfFramework(framework.fiscalYear, framework.period).at(-1)!;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const since = (started: number) => Math.round((performance.now() - started) * 10) / 10;

// -----------------------------------------------------------------------------------------------------------

export async function ingestTask(size: SizeName) {
  const generated = await generate(size);
  const part = generated.parts[generated.parts.length - 1];
  const framework = loadFramework(part.frameworkFile);
  const bytes = new Uint8Array(readFileSync(part.resultsFile));
  const reps = bytes.length > 50e6 ? 1 : 3;
  const decode = await measure(() => decodeText(bytes), { reps });
  const text = decode.last.text;
  const papaparse = await measure(() => parseCsv(text), { reps });
  const appReader = await measure(
    () => readResultsFile({ name: path.basename(part.resultsFile), bytes }, { framework }),
    { reps }
  );
  const duckdb: Record<
    string,
    { allVarchar: Timing; typed: Timing | { error: string }; startMs: number; rows: number }
  > = {};
  for (const open of [openNativeCsvReader, openWasmCsvReader]) {
    const started = performance.now();
    const reader = await open();
    const startMs = since(started);
    const allVarchar = await measure(() => reader.read(part.resultsFile, bytes, false), { reps, warmup: 1 });
    // Typed: DuckDB guesses column types; a text cell in a number column stops it (reported, not fatal).
    let typed: Timing | { error: string };
    try {
      typed = (await measure(() => reader.read(part.resultsFile, bytes, true), { reps })).timing;
    } catch (error) {
      typed = { error: String(error).split('\n')[0].slice(0, 200) };
    }
    duckdb[reader.engine] = { allVarchar: allVarchar.timing, typed, startMs, rows: allVarchar.last };
    await reader.close();
  }
  return {
    file: path.basename(part.resultsFile),
    bytes: bytes.length,
    lines: part.facts.lines,
    decode: decode.timing,
    papaparse: { ...papaparse.timing, records: papaparse.last.rows.length },
    appReader: {
      ...appReader.timing,
      rows: appReader.last.rows.length,
      rejected: appReader.last.rejected.length,
      warnings: appReader.last.warnings
    },
    duckdb,
    peakRssMb: peakRssMb()
  };
}

// -----------------------------------------------------------------------------------------------------------

export async function plainTask(size: SizeName) {
  const generated = await generate(size);
  const parts: { frameworkId: string; scoreAll: Timing; fileToScores: number; periods: number }[] = [];
  for (const part of generated.parts) {
    const framework = loadFramework(part.frameworkFile);
    const periods = periodsOfFramework(framework.fiscalYear, framework.period);
    const units = frameworkUnitIds(framework);
    const resolve = (name: string) => resolveFrameworkUnit(framework, name);
    // File → validated rows → scores of every period → the league table of the default period.
    const started = performance.now();
    const rows = await readRows(part, framework);
    const scores = plainScore(framework, rows, periods, units, resolve);
    const table = scores.get(defaultPeriod(framework).id)?.get('*');
    if (!table || table.length !== units.length) throw new Error('plain scorer: no league table');
    const fileToScores = since(started);
    const reps = generated.parts.length > 1 ? 1 : 3;
    const scoreAll = await measure(() => plainScore(framework, rows, periods, units, resolve), { reps });
    parts.push({
      frameworkId: framework.id,
      scoreAll: scoreAll.timing,
      fileToScores,
      periods: periods.length
    });
  }
  return {
    parts,
    scoreAllMs: parts.reduce((sum, part) => sum + part.scoreAll.median, 0),
    fileToScoresMs: parts.reduce((sum, part) => sum + part.fileToScores, 0),
    peakRssMb: peakRssMb()
  };
}

// -----------------------------------------------------------------------------------------------------------

/** Scores every period again (what a change of results does): all pending, then one query. */
async function rescore(workspace: Workspace, frameworkId: string): Promise<void> {
  await workspace.invalidateScores(frameworkId);
  await workspace.ensure(frameworkId, 'all');
}

/** Scores one period again (issue 6: the period on screen after a change). */
async function rescorePeriod(workspace: Workspace, frameworkId: string, periodId: string): Promise<void> {
  await workspace.invalidateScores(frameworkId);
  await workspace.ensure(frameworkId, [periodId]);
}

export async function engineTask(engine: EngineName, size: SizeName) {
  const generated = await generate(size);
  let started = performance.now();
  const db = await openEngine(engine);
  const workspace = await Workspace.open(db);
  const openMs = since(started);
  const parts: {
    frameworkId: string;
    putResultsMs: number;
    scoreMs: number;
    leagueMs: number;
    rows: number;
  }[] = [];
  let framework: Framework | null = null;
  for (const part of generated.parts) {
    framework = loadFramework(part.frameworkFile);
    const rows = await readRows(part, framework);
    await workspace.putFramework(framework);
    started = performance.now();
    await workspace.commit(framework.id, rows);
    const putResultsMs = since(started);
    started = performance.now();
    await workspace.ensure(framework.id, 'all');
    const scoreMs = since(started);
    started = performance.now();
    const table = await workspace.leagueTable(framework.id, defaultPeriod(framework).id);
    const leagueMs = since(started);
    if (table.rows.length !== generated.units) throw new Error(`league table has ${table.rows.length} rows`);
    parts.push({ frameworkId: framework.id, putResultsMs, scoreMs, leagueMs, rows: rows.length });
  }
  const fw = framework!;
  const periods = periodsOfFramework(fw.fiscalYear, fw.period);
  const small = generated.units < 100;
  const scoreAll = await measure(() => rescore(workspace, fw.id), { reps: small ? 3 : 1 });
  const scoreOnePeriod: Record<string, Timing> = {};
  for (const period of [periods[periods.length - 1], periods[0]]) {
    scoreOnePeriod[period.id] = (
      await measure(() => rescorePeriod(workspace, fw.id, period.id), { reps: 3 })
    ).timing;
  }
  await workspace.ensure(fw.id, 'all');
  // Switching: every period in turn (twice round), then the group filter, as the league view asks.
  const periodSwitch: number[] = [];
  for (let i = 0; i < Math.max(24, periods.length * 2); i++) {
    const period = periods[i % periods.length];
    started = performance.now();
    await workspace.leagueTable(fw.id, period.id, '*');
    periodSwitch.push(performance.now() - started);
  }
  const groups = ['*', ...groupsOf(fw)];
  const filterSwitch: number[] = [];
  for (let i = 0; i < 24; i++) {
    started = performance.now();
    await workspace.leagueTable(fw.id, defaultPeriod(fw).id, groups[(i + 1) % groups.length]);
    filterSwitch.push(performance.now() - started);
  }
  const [{ results, scores }] = await db.query<{ results: number; scores: number }>(
    'SELECT (SELECT count(*) FROM results)::INTEGER AS results, (SELECT count(*) FROM kpi_scores)::INTEGER AS scores'
  );
  await db.close();
  return {
    engine: db.engine,
    openMs,
    parts,
    putResultsMs: parts.reduce((sum, part) => sum + part.putResultsMs, 0),
    firstScoreMs: parts.reduce((sum, part) => sum + part.scoreMs, 0),
    scoreAll: scoreAll.timing,
    scoreOnePeriod,
    periods: periods.length,
    periodSwitch: timing(periodSwitch),
    filterSwitch: timing(filterSwitch),
    storedResults: results,
    storedScores: scores,
    peakRssMb: peakRssMb()
  };
}

// -----------------------------------------------------------------------------------------------------------

export async function pipelineTask(engine: EngineName, size: SizeName) {
  const generated = await generate(size);
  let started = performance.now();
  const db = await openEngine(engine);
  const workspace = await Workspace.open(db);
  const openMs = since(started);
  const steps = { readMs: 0, diffMs: 0, commitMs: 0, scoreMs: 0, leagueMs: 0 };
  const total = performance.now();
  for (const part of generated.parts) {
    const framework = loadFramework(part.frameworkFile);
    await workspace.putFramework(framework);
    started = performance.now();
    const report = await readResultsFile(
      { name: path.basename(part.resultsFile), bytes: readFileSync(part.resultsFile) },
      { framework }
    );
    steps.readMs += since(started);
    started = performance.now();
    await workspace.diff(framework.id, report.rows, 100);
    steps.diffMs += since(started);
    started = performance.now();
    await workspace.commit(framework.id, report.rows);
    steps.commitMs += since(started);
    started = performance.now();
    await workspace.ensure(framework.id, 'all');
    steps.scoreMs += since(started);
    started = performance.now();
    await workspace.leagueTable(framework.id, defaultPeriod(framework).id);
    steps.leagueMs += since(started);
  }
  const fileToTableMs = since(total);
  await db.close();
  return { engine: db.engine, openMs, ...steps, fileToTableMs, peakRssMb: peakRssMb() };
}

// -----------------------------------------------------------------------------------------------------------

/**
 * The proposed upload path (issue 6): the fast reader fills the staged table from the file, the workspace
 * commits it, scores the period on screen first and reads its table; the rest is scored after (timed apart).
 */
export async function fastPipelineTask(engine: EngineName, size: SizeName) {
  const { openNativeWithFiles, openWasmWithFiles } = await import('./engines');
  const { readResultsFast } = await import('../src/lib/ingest/fast-results');
  const { STAGED_RESULTS, createStagedResultsSql, dropStagedResultsSql } =
    await import('../src/lib/sql/results-import');
  const { previousPeriod } = await import('../src/lib/domain/periods');
  const generated = await generate(size);
  let started = performance.now();
  const opened = engine === 'wasm' ? await openWasmWithFiles() : await openNativeWithFiles();
  const workspace = await Workspace.open(opened.db);
  const openMs = since(started);
  const steps = { readMs: 0, commitMs: 0, scoreShownMs: 0, leagueMs: 0, scoreRemainingMs: 0 };
  const paths: string[] = [];
  const phases: Record<string, number>[] = [];
  const total = performance.now();
  for (const part of generated.parts) {
    const framework = loadFramework(part.frameworkFile);
    await workspace.putFramework(framework);
    const shown = defaultPeriod(framework);
    started = performance.now();
    await opened.db.exec(createStagedResultsSql());
    const report = await readResultsFast(
      opened.db,
      opened.files,
      { name: path.basename(part.resultsFile), bytes: new Uint8Array(readFileSync(part.resultsFile)) },
      { framework, table: STAGED_RESULTS }
    );
    steps.readMs += since(started);
    paths.push(
      `${report.path}${report.fallbackReason ? ` (${report.fallbackReason})` : ''}: ${report.fastRows}/${report.rowCount}`
    );
    phases.push(report.phases);
    started = performance.now();
    await workspace.commit(framework.id, { table: STAGED_RESULTS });
    await opened.db.exec(dropStagedResultsSql());
    steps.commitMs += since(started);
    started = performance.now();
    await workspace.ensure(framework.id, [shown.id, previousPeriod(shown).id]);
    steps.scoreShownMs += since(started);
    started = performance.now();
    const table = await workspace.leagueTable(framework.id, shown.id);
    steps.leagueMs += since(started);
    if (table.rows.length !== generated.units) throw new Error(`league table has ${table.rows.length} rows`);
  }
  const fileToTableMs = since(total);
  for (const part of generated.parts) {
    started = performance.now();
    await workspace.scoreRemaining(loadFramework(part.frameworkFile).id);
    steps.scoreRemainingMs += since(started);
  }
  const [{ results }] = await opened.db.query<{ results: number }>(
    'SELECT count(*)::INTEGER AS results FROM results'
  );
  await opened.close();
  return {
    engine: opened.db.engine,
    openMs,
    ...steps,
    fileToTableMs,
    paths,
    phases,
    storedResults: results,
    peakRssMb: peakRssMb()
  };
}

// -----------------------------------------------------------------------------------------------------------

/**
 * What `npm run score` would do with the fast reader wired in (issue 6 report): native DuckDB, the fast
 * reader into the staged table, a staged commit, scoring only the period asked for and the one before it,
 * and the CSV on stdout. Timed from outside, start-up included.
 */
export async function cliFastTask(size: SizeName, periodId: string) {
  const { openNativeWithFiles } = await import('./engines');
  const { readResultsFast } = await import('../src/lib/ingest/fast-results');
  const { STAGED_RESULTS, createStagedResultsSql } = await import('../src/lib/sql/results-import');
  const { parsePeriodId, previousPeriod } = await import('../src/lib/domain/periods');
  const { formatLeagueCsv } = await import('../src/lib/scoring/league-format');
  const generated = await generate(size);
  const part = generated.parts[generated.parts.length - 1];
  const framework = loadFramework(part.frameworkFile);
  const period = parsePeriodId(periodId)!;
  const opened = await openNativeWithFiles();
  const workspace = await Workspace.open(opened.db);
  await workspace.putFramework(framework);
  await workspace.ensurePeriods(framework.id, [period, previousPeriod(period)]);
  await opened.db.exec(createStagedResultsSql());
  const report = await readResultsFast(
    opened.db,
    opened.files,
    { name: part.resultsFile, bytes: new Uint8Array(readFileSync(part.resultsFile)) },
    { framework, table: STAGED_RESULTS }
  );
  await workspace.commit(framework.id, { table: STAGED_RESULTS });
  await workspace.ensure(framework.id, [period.id, previousPeriod(period).id]);
  const csv = formatLeagueCsv(await workspace.leagueTable(framework.id, period.id));
  process.stdout.write(csv);
  await opened.close();
  return {
    rows: report.rowCount,
    rejected: report.rejected.length,
    path: report.path,
    csvLines: csv.trim().split('\n').length
  };
}
