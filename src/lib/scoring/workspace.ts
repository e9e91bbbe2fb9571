/**
 * A workspace: frameworks, results and their scores in one DuckDB database. The browser, the command
 * line (both engines) and the tests all store and score through this class, over whichever engine
 * implements `Db`:
 *
 * - results have one way in: rows (or a table of them, e.g. read by the fast reader) are staged, compared
 *   with what is stored (`diff`) and written all-or-nothing (`commit`);
 * - periods have one way to get scores: `ensure(framework, periods | 'all')` scores those that have none
 *   (every change that may alter scores leaves the framework's periods pending: `invalidateScores`), and
 *   `scoreRemaining` fills the rest in the background;
 * - league tables are kept in a `LeagueCache`, invalidated whenever a change that may alter scores is queued
 *   and when it ends.
 *
 * The class keeps the queue of changes, the frameworks and which periods are pending; staging, diffing and
 * writing results is workspace-results.ts, scoring periods workspace-scoring.ts.
 */
import { topLevelKpis, type Framework, type FrameworkIssue } from '../domain/framework';
import { hasErrors, validateFramework } from '../domain/framework-validate';
import { parsePeriodId, periodsOfFramework, previousPeriod, type Period } from '../domain/periods';
import { DISTRICTS, PROVINCES, unitSortKeys } from '../domain/units';
import type { Db, SqlValue } from '../db/types';
import { TABLE_COLUMNS, createSchemaSql, type TableName } from '../sql/schema';
import { PUT_BAND_LADDERS_SQL } from '../sql/band-ladders';
import { CLEAR_SCORES_SQL, kpiCellsPackedSql, leagueTableSql } from '../sql/scoring';
import { STAGED_RESULTS, dropStagedResultsSql } from '../sql/results-import';
import {
  CLEAR_RESULTS_SQL,
  LATEST_MONTHS_SQL,
  PERIODS_SQL,
  UNIT_COUNT_SQL,
  removeFrameworkSql,
  COPY_RESULTS_SQL
} from '../sql/workspace';
import { frameworkTableRows, frameworkUnitIds, resolveFrameworkUnit } from './framework-rows';
import type { LeagueTable } from './league';
import { LeagueCache } from './league-cache';
import { leagueRowOf } from './league-rows';
import { DEFAULT_MAX_CHANGES, type CommitOptions, type ResultsDiff } from './results-diff';
import type { ReceivedRow } from './received';
import {
  commitStaged,
  diffStaged,
  inTransaction,
  stageResults,
  type ResultsInput
} from './workspace-results';
import { readReceived } from './workspace-results';
import { scoreAllPeriods, scoreSomePeriods, storedPeriodIds } from './workspace-scoring';

export {
  frameworkUnitIds,
  frameworkUnitKind,
  resolveFrameworkUnit,
  ladderBandRows,
  type UnitKind
} from './framework-rows';
export type { CommitOptions, ResultChange, ResultFigures, ResultsDiff } from './results-diff';

export type { ResultsInput } from './workspace-results';

function leagueKey(frameworkId: string, periodId: string | undefined, group: string): string {
  return `${frameworkId}\u0000${periodId}\u0000${group}`;
}

export class Workspace {
  private readonly frameworkById = new Map<string, Framework>();
  /** Periods of a framework without current scores (`ensure` and `scoreRemaining` score them). */
  private readonly pending = new Map<string, Set<string>>();
  /** The tail of the queue of changes (`serial`), and how many queued or running ones may alter scores. */
  private queue: Promise<unknown> = Promise.resolve();
  private writing = 0;
  private readonly leagues = new LeagueCache();

  private constructor(readonly db: Db) {}

  /**
   * Runs a change of the workspace after every change asked for before it: two of them never interleave their
   * statements on DuckDB's one connection (issue 6: the rest of a year is scored in the background while a
   * view asks for a period, or an upload commits). Public methods that change anything go through here; what
   * runs inside calls only the private `…Now` methods (no nesting). `scoring` = the work only scores pending
   * periods (other periods' scores can be read meanwhile, kept league tables stay); any other work is a write
   * that may alter scores: kept tables are invalidated when it is queued and when it ends, and `ensure` waits
   * for it.
   */
  private serial<T>(work: () => Promise<T>, scoring = false): Promise<T> {
    if (!scoring) {
      this.writing++;
      this.leagues.invalidate();
    }
    const run = () =>
      work().finally(() => {
        if (scoring) return;
        this.writing--;
        this.leagues.invalidate();
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Creates the tables and loads the unit master list. */
  static async open(db: Db): Promise<Workspace> {
    const workspace = new Workspace(db);
    await db.exec(createSchemaSql());
    const [{ count }] = await db.query<{ count: number }>(UNIT_COUNT_SQL);
    if (count === 0) await workspace.loadUnits();
    return workspace;
  }

  private async loadUnits(): Promise<void> {
    const sortKeys = unitSortKeys([...PROVINCES.map((p) => p.name), ...DISTRICTS.map((d) => d.name)]);
    const rows: SqlValue[][] = [
      ...PROVINCES.map((p) => [p.id, 'province', p.name, p.id, p.name, sortKeys.get(p.name) ?? 0]),
      ...DISTRICTS.map((d) => [d.id, 'district', d.name, d.provinceId, d.province, sortKeys.get(d.name) ?? 0])
    ];
    await this.insert('units', rows);
  }

  private insert(table: TableName, rows: SqlValue[][]): Promise<void> {
    return this.db.insertRows(table, TABLE_COLUMNS[table], rows);
  }

  get frameworks(): Framework[] {
    return [...this.frameworkById.values()];
  }

  framework(id: string): Framework | undefined {
    return this.frameworkById.get(id);
  }

  // ——— frameworks and periods ———

  /**
   * Validates and stores a framework (replacing one with the same id, and dropping its scores: its periods
   * are pending). Returns every issue; when any is an error nothing is stored.
   */
  putFramework(framework: Framework): Promise<FrameworkIssue[]> {
    return this.serial(() => this.putFrameworkNow(framework));
  }

  private async putFrameworkNow(framework: Framework): Promise<FrameworkIssue[]> {
    const issues = validateFramework(framework, {
      resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null
    });
    if (hasErrors(issues)) return issues;
    if (frameworkUnitIds(framework).length === 0) {
      return [
        ...issues,
        { severity: 'error', where: 'framework', message: `ไม่รู้จักจังหวัด "${framework.province}"` }
      ];
    }
    await this.removeFrameworkNow(framework.id);
    for (const [table, rows] of frameworkTableRows(framework)) await this.insert(table, rows);
    await this.db.query(PUT_BAND_LADDERS_SQL, [framework.id]);
    this.frameworkById.set(framework.id, framework);
    await this.ensurePeriodsNow(framework.id, periodsOfFramework(framework.fiscalYear, framework.period));
    return issues;
  }

  removeFramework(id: string): Promise<void> {
    return this.serial(() => this.removeFrameworkNow(id));
  }

  private async removeFrameworkNow(id: string): Promise<void> {
    await this.db.exec(removeFrameworkSql(id));
    this.frameworkById.delete(id);
    this.pending.delete(id);
  }

  /** Adds periods to be scored for a framework (each one's previous period is named, for rank movement). */
  ensurePeriods(frameworkId: string, periods: readonly Period[]): Promise<void> {
    return this.serial(() => this.ensurePeriodsNow(frameworkId, periods));
  }

  private async ensurePeriodsNow(frameworkId: string, periods: readonly Period[]): Promise<void> {
    const stored = await this.db.query<{ period_id: string; ord: number }>(PERIODS_SQL, [frameworkId]);
    const existing = new Set(stored.map((row) => row.period_id));
    let ord = stored.reduce((max, row) => Math.max(max, Number(row.ord) + 1), 0);
    const periodRows: SqlValue[][] = [];
    const monthRows: SqlValue[][] = [];
    const added: string[] = [];
    for (const period of periods) {
      if (existing.has(period.id)) continue;
      existing.add(period.id);
      added.push(period.id);
      periodRows.push([frameworkId, period.id, period.grain, ord++, previousPeriod(period).id]);
      for (const month of period.months) monthRows.push([frameworkId, period.id, month]);
    }
    await this.insert('periods', periodRows);
    await this.insert('period_months', monthRows);
    if (added.length === 0) return;
    const pending = this.pending.get(frameworkId) ?? new Set<string>();
    for (const id of added) pending.add(id);
    this.pending.set(frameworkId, pending);
  }

  // ——— results: stage → diff → commit ———

  /** Compares results with the stored ones of a framework without changing anything. */
  diff(frameworkId: string, input: ResultsInput, maxChanges = DEFAULT_MAX_CHANGES): Promise<ResultsDiff> {
    return this.serial(async () => {
      const { table } = await stageResults(this.db, frameworkId, input);
      try {
        return await diffStaged(this.db, table, maxChanges);
      } finally {
        if (table === STAGED_RESULTS && !('table' in input)) await this.db.exec(dropStagedResultsSql());
      }
    });
  }

  /**
   * Stores results all-or-nothing (one transaction): new values are added, changed values replace the stored
   * ones, equal values are left alone (so re-uploading a file changes nothing, not even the source file and
   * line of a value). Returns the diff. When anything was written the framework's scores are invalidated.
   * On any error, also one thrown by `beforeCommit`, the workspace is left as it was and the error rethrown.
   */
  commit(frameworkId: string, input: ResultsInput, options: CommitOptions = {}): Promise<ResultsDiff> {
    this.requireFramework(frameworkId);
    return this.serial(async () => {
      const diff = await inTransaction(this.db, () => commitStaged(this.db, frameworkId, input, options));
      if (diff.added + diff.changed > 0) await this.invalidateScoresNow(frameworkId);
      return diff;
    });
  }

  /** Copies every stored result of `from` under `to` (the framework editor's preview); `to`'s scores go. */
  copyResults(from: string, to: string): Promise<void> {
    return this.serial(async () => {
      await this.db.query(COPY_RESULTS_SQL, [to, from]);
      if (this.frameworkById.has(to)) await this.invalidateScoresNow(to);
    });
  }

  clearResults(frameworkId: string): Promise<void> {
    return this.serial(async () => {
      await this.db.query(CLEAR_RESULTS_SQL, [frameworkId]);
      if (this.frameworkById.has(frameworkId)) await this.invalidateScoresNow(frameworkId);
    });
  }

  // ——— scores ———

  /**
   * Drops a framework's scores: every stored period is pending until `ensure` or `scoreRemaining` scores it
   * (and kept league tables go). Commits, framework changes and `clearResults` do this themselves.
   */
  invalidateScores(frameworkId: string): Promise<void> {
    this.requireFramework(frameworkId);
    return this.serial(() => this.invalidateScoresNow(frameworkId));
  }

  private async invalidateScoresNow(frameworkId: string): Promise<void> {
    for (const statement of CLEAR_SCORES_SQL) await this.db.query(statement, [frameworkId]);
    this.pending.set(frameworkId, new Set(await storedPeriodIds(this.db, frameworkId)));
  }

  /** Periods of a framework still waiting for their scores. */
  pendingPeriods(frameworkId: string): string[] {
    return [...(this.pending.get(frameworkId) ?? [])];
  }

  /**
   * Resolves when the given periods (`all`: every period of the framework) have their scores, scoring those
   * still pending now: what a view waits for before it reads scores (issue 6: a period on screen is one small
   * query, not the whole year's). Scores of periods already scored are not recomputed.
   */
  ensure(frameworkId: string, periods: readonly string[] | 'all'): Promise<void> {
    const asked = (pending: Set<string> | undefined) =>
      periods === 'all' ? [...(pending ?? [])] : periods.filter((id) => pending?.has(id));
    // Nothing asked is pending and no change that could alter scores is queued: their scores can be read now
    // (a background batch, if one runs, writes only other periods).
    if (this.writing === 0 && asked(this.pending.get(frameworkId)).length === 0) return Promise.resolve();
    return this.serial(async () => {
      const missing = asked(this.pending.get(frameworkId));
      if (missing.length === 0) return;
      const stored = await storedPeriodIds(this.db, frameworkId);
      if (missing.length === stored.length) await this.scoreAllNow(frameworkId);
      else await this.scorePeriodsNow(frameworkId, missing, stored);
    }, true);
  }

  /**
   * Scores the pending periods of a framework a few at a time (each batch its own turn in the queue, so that a
   * view asking for a period or an upload waits for one batch at most); returns the periods it scored.
   */
  async scoreRemaining(frameworkId: string, periodsPerQuery = 4): Promise<string[]> {
    const done: string[] = [];
    for (;;) {
      const batch = await this.serial(async () => {
        const left = this.pendingPeriods(frameworkId).slice(0, periodsPerQuery);
        if (left.length > 0) await this.scorePeriodsNow(frameworkId, left);
        return left;
      }, true);
      if (batch.length === 0) break;
      done.push(...batch);
    }
    return done;
  }

  /**
   * The last month (ISO) with a reported value, per framework id (demo copies included): where views open when
   * no period is asked for. Read in the workspace's queue, after any change being made.
   */
  latestMonths(): Promise<Map<string, string>> {
    return this.serial(async () => {
      const rows = await this.db.query<{ framework_id: string; month: string }>(LATEST_MONTHS_SQL);
      return new Map(rows.map((row) => [String(row.framework_id), String(row.month)]));
    });
  }

  /**
   * Who has sent what (issue 14.3): per unit and month of `months`, the KPIs with a stored value and the files
   * they came from. Read in the workspace's queue (after any change being made), without clearing scores.
   */
  received(frameworkId: string, months: readonly string[]): Promise<ReceivedRow[]> {
    const sorted = [...months].sort();
    if (sorted.length === 0) return Promise.resolve([]);
    return this.serial(() => readReceived(this.db, frameworkId, sorted[0], sorted[sorted.length - 1]), true);
  }

  /** Every stored period in one query (the scores of the framework are replaced). */
  private async scoreAllNow(frameworkId: string): Promise<void> {
    await scoreAllPeriods(this.db, this.requireFramework(frameworkId));
    this.pending.delete(frameworkId);
  }

  /** Only the given stored periods (unknown ids are ignored); the other periods' scores stay as they are. */
  private async scorePeriodsNow(
    frameworkId: string,
    periodIds: readonly string[],
    storedIds?: readonly string[]
  ): Promise<void> {
    const framework = this.requireFramework(frameworkId);
    const stored = new Set(storedIds ?? (await storedPeriodIds(this.db, frameworkId)));
    const ids = [...new Set(periodIds)].filter((id) => stored.has(id));
    const pending = this.pending.get(frameworkId);
    for (const id of periodIds) if (!stored.has(id)) pending?.delete(id);
    if (ids.length === 0) return;
    await scoreSomePeriods(this.db, framework, ids);
    for (const id of ids) pending?.delete(id);
  }

  private requireFramework(id: string): Framework {
    const framework = this.frameworkById.get(id);
    if (!framework) throw new Error(`unknown framework ${id}`);
    return framework;
  }

  // ——— league tables ———

  /**
   * The league table of a period (scored on the way when pending); `group` `*` = every top-level KPI. Kept
   * until scores may change, so that going back to a period or group is instant (issue 6: under 50 ms).
   */
  leagueTable(frameworkId: string, periodId: string, group = '*'): Promise<LeagueTable> {
    const period = parsePeriodId(periodId);
    if (!period) return Promise.reject(new Error(`bad period ${periodId}`));
    this.requireFramework(frameworkId);
    return this.leagues.table(leagueKey(frameworkId, period.id, group), () =>
      this.computeLeagueTable(frameworkId, period, group)
    );
  }

  /** Whether `leagueTable` would answer from what it keeps. */
  hasLeagueTable(frameworkId: string, periodId: string, group = '*'): boolean {
    return this.leagues.hasTable(leagueKey(frameworkId, parsePeriodId(periodId)?.id, group));
  }

  /** The cells of every unit in a period, packed (`kpiCellsPackedSql`; the tables of its groups share them). */
  private periodCells(frameworkId: string, periodId: string): Promise<Map<string, string>> {
    return this.leagues.periodCells(`${frameworkId}\u0000${periodId}`, async () => {
      const packed = await this.db.query<{ unit_id: string; cells: string }>(kpiCellsPackedSql(), [
        frameworkId,
        periodId
      ]);
      return new Map(packed.map((row) => [String(row.unit_id), String(row.cells)]));
    });
  }

  private async computeLeagueTable(frameworkId: string, period: Period, group: string): Promise<LeagueTable> {
    const framework = this.requireFramework(frameworkId);
    const previous = previousPeriod(period);
    await this.ensure(frameworkId, [period.id, previous.id]);
    const totals = await this.db.query(leagueTableSql(previous.months), [frameworkId, period.id, group]);
    const cellsByUnit = await this.periodCells(frameworkId, period.id);
    const kpis = topLevelKpis(framework).filter((kpi) => group === '*' || kpi.group === group);
    const rows = totals.map((row) => leagueRowOf(row, cellsByUnit.get(String(row.unit_id))));
    return { framework, period, group, kpis, rows };
  }
}
