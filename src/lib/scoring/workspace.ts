/**
 * A workspace: frameworks, results and their scores in one DuckDB database. The browser, the command
 * line and the tests all score through this class, over whichever engine implements `Db`.
 */
import { bandStart, kpiReachability, orderBands } from '../domain/bands';
import { topLevelKpis, type Framework, type FrameworkIssue, type Kpi } from '../domain/framework';
import { deriveKpiFacts, hasErrors, validateFramework } from '../domain/framework-validate';
import { parsePeriodId, periodsOfFramework, previousPeriod, type Period } from '../domain/periods';
import { resultColumns, type PackedResults, type ResultColumns, type ResultRow } from '../domain/results';
import {
  DISTRICTS,
  PROVINCES,
  districtsOf,
  findProvince,
  matchDistrict,
  matchProvince,
  unitSortKeys
} from '../domain/units';
import type { Db, SqlValue } from '../db/types';
import { ident, literal } from '../sql/identifiers';
import { TABLE_COLUMNS, createSchemaSql, resultsValues, type TableName } from '../sql/schema';
import {
  CLEAR_SCORES_SQL,
  clearPeriodScoresSql,
  kpiCellsPackedSql,
  leagueTableSql,
  scoreKpisSql,
  unitTotalsSql,
  type PeriodScope
} from '../sql/scoring';
import {
  STAGED_RESULTS,
  applyStagedResultsSql,
  createStagedResultsSql,
  dropStagedResultsSql,
  stagedChangesSql,
  stagedCountsSql,
  stagedUnchangedKeysSql,
  stagedWrittenPackedSql,
  packedResultsOf
} from '../sql/results-import';
import { FIELD_SEPARATOR, RECORD_SEPARATOR, unpackNumber, unpackText } from '../sql/packed';
import type { KpiCell, KpiStatus, LeagueRow, LeagueTable } from './league';
import type { ReceivedRow } from './received';
import { RECEIVED_SEPARATOR, receivedSql } from '../sql/received';

/** The figures of one stored result. */
export interface ResultFigures {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

/** A stored value that an upload changes: before (with where it came from) and after. */
export interface ResultChange {
  unitId: string;
  unit: string;
  kpi: string;
  month: string;
  before: ResultFigures & { source: string | null; line: number | null };
  after: ResultFigures & { source: string | null; line: number | null };
}

/** How an upload's rows compare with what is stored. */
export interface ResultsDiff {
  /** Rows for a unit, KPI and month with no stored value. */
  added: number;
  /** Rows whose value, target, baseline or adjustment differs from the stored one. */
  changed: number;
  /** Rows equal to what is stored (left alone, keeping their source file and line). */
  unchanged: number;
  /** The changed values, at most `maxChanges` of them. */
  changes: ResultChange[];
}

export interface CommitOptions {
  /** How many changed values to describe (default 10 000). */
  maxChanges?: number;
  /**
   * Runs inside the transaction after the rows are written and before COMMIT, with the diff and the rows
   * that were actually written (new and changed: column by column, or as DuckDB packed them when it read the
   * file — `unpackResults` reads those): e.g. saving them in the browser. Throwing rolls back.
   */
  beforeCommit?: (diff: ResultsDiff, written: ResultColumns | PackedResults) => Promise<void>;
}

const DEFAULT_MAX_CHANGES = 10_000;

/** League tables (and periods' cells) kept by `Workspace.leagueTable`: every period of a year, for two groups. */
const LEAGUE_CACHE = 48;

function resultKey(unitId: string, kpi: string, month: string): string {
  return `${unitId}\u0000${kpi}\u0000${month}`;
}

export type UnitKind = 'province' | 'district';

/** Units a framework ranks (DESIGN §9.2): a province's districts, all provinces, or all districts. */
export function frameworkUnitKind(framework: Pick<Framework, 'province'>): UnitKind {
  return framework.province === null ? 'province' : 'district';
}

export function frameworkUnitIds(framework: Pick<Framework, 'province'>): string[] {
  if (framework.province === null) return PROVINCES.map((province) => province.id);
  if (framework.province === '*') return DISTRICTS.map((district) => district.id);
  const province = findProvince(framework.province);
  return province ? districtsOf(province).map((district) => district.id) : [];
}

/** Resolves a unit name used inside a framework (per-unit bands and targets) to a unit code, or null. */
export function resolveFrameworkUnit(framework: Pick<Framework, 'province'>, name: string): string | null {
  if (framework.province === null) {
    const match = matchProvince(name);
    return match.kind === 'match' ? match.province.id : null;
  }
  const match = matchDistrict(name, framework.province === '*' ? null : framework.province);
  return match.kind === 'match' ? match.district.id : null;
}

/**
 * The `shadowed_bands` rows of a framework: per KPI and ladder (the general one, '', and each unit with bands
 * of its own, by unit code, as the scoring SQL builds them), the levels no measured value can reach.
 */
export function shadowedBandRows(id: string, framework: Framework): SqlValue[][] {
  const rows: SqlValue[][] = [];
  for (const kpi of framework.kpis) {
    const bands = framework.bands.flatMap((band) => {
      if (band.kpi !== kpi.kpi) return [];
      if (band.unit === null) return [band];
      const unitId = resolveFrameworkUnit(framework, band.unit);
      return unitId === null ? [] : [{ ...band, unit: unitId }];
    });
    for (const ladder of kpiReachability(bands).ladders) {
      ladder.bands.forEach((band, i) => {
        if (ladder.reach[i] === 'shadowed') rows.push([id, ladder.unit ?? '', kpi.kpi, band.level]);
      });
    }
  }
  return rows;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export class Workspace {
  private readonly frameworkById = new Map<string, Framework>();
  /** Periods of a framework whose scores are not computed yet (`scoreFirst` left them for `scoreRemaining`). */
  private readonly pending = new Map<string, Set<string>>();
  /** The tail of the queue of changes (`serial`), and how many queued or running ones may clear scores. */
  private queue: Promise<unknown> = Promise.resolve();
  private clearing = 0;
  /** Changes with every change that may clear or replace scores (its start and its end): `leagueTable`'s cache. */
  private epoch = 0;
  /** League tables and the cells of a period (tables of its groups share them), most recently used last. */
  private readonly leagues = new Map<string, Promise<LeagueTable>>();
  private readonly cells = new Map<string, Promise<Map<string, string>>>();

  private constructor(readonly db: Db) {}

  /**
   * Runs a change of the workspace (storing, committing, scoring) after every change asked for before it: two
   * of them never interleave their statements on DuckDB's one connection (issue 6: the rest of a year is
   * scored in the background while a view asks for a period, or an upload commits). Public methods that
   * change anything go through here; what runs inside calls only the private `…Now` methods (no nesting).
   * `scoresPending` = the work only scores periods that are pending (`scoreRemaining`, `ensureScored`): other
   * periods' scores can be read meanwhile and kept league tables stay; any other work may clear scores, so
   * `ensureScored` waits for it and kept tables are dropped.
   */
  private serial<T>(work: () => Promise<T>, scoresPending = false): Promise<T> {
    if (!scoresPending) this.clearing++;
    const run = () => {
      if (!scoresPending) this.forgetLeagues();
      return work().finally(() => {
        if (!scoresPending) {
          this.clearing--;
          this.forgetLeagues();
        }
      });
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Creates the tables and loads the unit master list. */
  static async open(db: Db): Promise<Workspace> {
    const workspace = new Workspace(db);
    await db.exec(createSchemaSql());
    const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::INTEGER AS count FROM units');
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

  /**
   * Validates and stores a framework (replacing one with the same id, and dropping its scores).
   * Returns every issue; when any is an error nothing is stored.
   */
  putFramework(framework: Framework): Promise<FrameworkIssue[]> {
    return this.serial(() => this.putFrameworkNow(framework));
  }

  private async putFrameworkNow(framework: Framework): Promise<FrameworkIssue[]> {
    const issues = validateFramework(framework, {
      resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null
    });
    if (hasErrors(issues)) return issues;
    const unitIds = frameworkUnitIds(framework);
    if (unitIds.length === 0) {
      return [
        ...issues,
        { severity: 'error', where: 'framework', message: `ไม่รู้จักจังหวัด "${framework.province}"` }
      ];
    }
    await this.removeFrameworkNow(framework.id);
    const id = framework.id;
    const facts = deriveKpiFacts(framework);
    const tops = topLevelKpis(framework);
    const anyWeight = tops.some((kpi) => kpi.weight !== null);
    const effectiveWeight = (kpi: Kpi): number | null =>
      kpi.parent !== null ? null : anyWeight ? (kpi.weight ?? 0) : 1;

    await this.insert('frameworks', [
      [
        id,
        framework.name,
        framework.province,
        framework.fiscalYear,
        framework.period,
        frameworkUnitKind(framework)
      ]
    ]);
    await this.insert(
      'framework_units',
      unitIds.map((unitId) => [id, unitId])
    );
    await this.insert(
      'kpis',
      framework.kpis.map((kpi, ord) => {
        const fact = facts.get(kpi.kpi);
        return [
          id,
          kpi.kpi,
          kpi.name,
          kpi.group,
          effectiveWeight(kpi),
          kpi.scale,
          kpi.measure,
          kpi.aggregate,
          kpi.interpolate,
          kpi.targetLevel,
          kpi.parent,
          kpi.combine,
          fact?.depth ?? 0,
          fact?.direction ?? 1,
          fact?.topPoints ?? null,
          ord
        ];
      })
    );
    const bandRows: SqlValue[][] = [];
    for (const kpi of framework.kpis) {
      const direction = facts.get(kpi.kpi)?.direction ?? 1;
      const bands = orderBands(framework.bands.filter((band) => band.kpi === kpi.kpi));
      bands.forEach((band, ord) => {
        const unitId = band.unit === null ? null : resolveFrameworkUnit(framework, band.unit);
        if (band.unit !== null && unitId === null) return; // reported as a warning by validation
        bandRows.push([
          id,
          band.kpi,
          band.level,
          band.points,
          band.op,
          band.value,
          band.value2,
          unitId,
          band.label,
          ord,
          bandStart(band, direction)
        ]);
      });
    }
    await this.insert('bands', bandRows);
    await this.insert('shadowed_bands', shadowedBandRows(id, framework));
    const targetRows: SqlValue[][] = [];
    const seenTargets = new Set<string>();
    for (const target of framework.targets) {
      const unitId = resolveFrameworkUnit(framework, target.unit);
      const key = `${target.kpi}\u0000${unitId}\u0000${target.month}`;
      if (unitId === null || seenTargets.has(key)) continue;
      seenTargets.add(key);
      targetRows.push([id, target.kpi, unitId, target.month, target.target, target.baseline]);
    }
    await this.insert('unit_targets', targetRows);
    this.frameworkById.set(id, framework);
    await this.ensurePeriodsNow(id, periodsOfFramework(framework.fiscalYear, framework.period));
    return issues;
  }

  removeFramework(id: string): Promise<void> {
    return this.serial(() => this.removeFrameworkNow(id));
  }

  private async removeFrameworkNow(id: string): Promise<void> {
    // One round trip to DuckDB's worker instead of nine (this runs for every framework on every start).
    await this.db.exec(
      [
        'frameworks',
        'framework_units',
        'kpis',
        'bands',
        'shadowed_bands',
        'unit_targets',
        'periods',
        'period_months',
        'kpi_scores',
        'unit_totals'
      ]
        .map((table) => `DELETE FROM ${table} WHERE framework_id = ${literal(id)}`)
        .join(';\n')
    );
    this.frameworkById.delete(id);
    this.pending.delete(id);
  }

  /** Adds periods to be scored for a framework (and each one's previous period, for rank movement). */
  ensurePeriods(frameworkId: string, periods: readonly Period[]): Promise<void> {
    return this.serial(() => this.ensurePeriodsNow(frameworkId, periods));
  }

  private async ensurePeriodsNow(frameworkId: string, periods: readonly Period[]): Promise<void> {
    const stored = await this.db.query<{ period_id: string; ord: number }>(
      'SELECT period_id, ord FROM periods WHERE framework_id = ?',
      [frameworkId]
    );
    const existing = new Set(stored.map((row) => row.period_id));
    const next = stored.reduce((max, row) => Math.max(max, Number(row.ord) + 1), 0);
    let ord = next;
    const periodRows: SqlValue[][] = [];
    const monthRows: SqlValue[][] = [];
    for (const period of periods) {
      if (existing.has(period.id)) continue;
      existing.add(period.id);
      periodRows.push([frameworkId, period.id, period.grain, ord++, previousPeriod(period).id]);
      for (const month of period.months) monthRows.push([frameworkId, period.id, month]);
    }
    await this.insert('periods', periodRows);
    await this.insert('period_months', monthRows);
  }

  /**
   * Stores results for a framework. A row for a unit, KPI and month already stored replaces it.
   * Returns how many rows were new and how many replaced an earlier value.
   */
  putResults(frameworkId: string, rows: readonly ResultRow[]): Promise<{ added: number; replaced: number }> {
    return this.serial(() => this.putResultsNow(frameworkId, rows));
  }

  private async putResultsNow(
    frameworkId: string,
    rows: readonly ResultRow[]
  ): Promise<{ added: number; replaced: number }> {
    if (rows.length === 0) return { added: 0, replaced: 0 };
    // Within one call a later row for the same unit, KPI and month wins, as a later upload would.
    const latest = new Map<string, ResultRow>();
    for (const row of rows) latest.set(`${row.unitId}\u0000${row.kpi}\u0000${row.month}`, row);
    rows = [...latest.values()];
    await this.db.exec('CREATE OR REPLACE TEMP TABLE results_incoming AS SELECT * FROM results LIMIT 0');
    await this.db.insertRows(
      'results_incoming',
      TABLE_COLUMNS.results,
      rows.map((row) => resultsValues(frameworkId, row))
    );
    const [{ replaced }] = await this.db.query<{ replaced: number }>(
      `SELECT count(*)::INTEGER AS replaced FROM results r JOIN results_incoming i
        USING (framework_id, unit_id, kpi, month)`
    );
    await this.db.exec(`DELETE FROM results r USING results_incoming i
      WHERE r.framework_id = i.framework_id AND r.unit_id = i.unit_id AND r.kpi = i.kpi AND r.month = i.month;
      INSERT INTO results SELECT * FROM results_incoming;
      DROP TABLE results_incoming`);
    return { added: rows.length - replaced, replaced };
  }

  /**
   * Compares rows with the stored results of a framework without changing anything. Rows for the same unit,
   * KPI and month within `rows`: the later one counts (as in `putResults`).
   */
  diffResults(
    frameworkId: string,
    rows: readonly ResultRow[],
    maxChanges = DEFAULT_MAX_CHANGES
  ): Promise<ResultsDiff> {
    return this.serial(async () => {
      try {
        await this.stageResults(frameworkId, rows);
        return await this.stagedDiff(maxChanges);
      } finally {
        await this.db.exec(dropStagedResultsSql());
      }
    });
  }

  /**
   * Stores an upload's rows all-or-nothing (one transaction): new values are added, changed values replace
   * the stored ones, equal values are left alone (so re-uploading a file changes nothing). Returns the diff.
   * On any error, also one thrown by `beforeCommit`, the workspace is left as it was and the error rethrown.
   */
  commitResults(
    frameworkId: string,
    rows: readonly ResultRow[],
    options: CommitOptions = {}
  ): Promise<ResultsDiff> {
    return this.transaction(async () => {
      const unique = await this.stageResults(frameworkId, rows);
      const diff = await this.stagedDiff(options.maxChanges ?? DEFAULT_MAX_CHANGES);
      let written = unique;
      if (diff.unchanged > 0 && diff.added + diff.changed > 0) {
        const same = await this.db.query<{ unit_id: string; kpi: string; month: string }>(
          stagedUnchangedKeysSql()
        );
        const unchangedKeys = new Set(same.map((row) => resultKey(row.unit_id, row.kpi, row.month)));
        written = unique.filter((row) => !unchangedKeys.has(resultKey(row.unitId, row.kpi, row.month)));
      } else if (diff.added + diff.changed === 0) written = [];
      if (written.length > 0) await this.applyStaged(STAGED_RESULTS);
      await this.db.exec(dropStagedResultsSql());
      await options.beforeCommit?.(diff, resultColumns(written));
      return diff;
    });
  }

  /**
   * Runs `work` in one transaction (in the queue of changes): COMMIT when it returns, ROLLBACK (and the error
   * rethrown) when it throws.
   */
  private transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.serial(() => this.transactionNow(work));
  }

  private async transactionNow<T>(work: () => Promise<T>): Promise<T> {
    await this.db.exec('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.db.exec('COMMIT');
      return result;
    } catch (error) {
      try {
        await this.db.exec('ROLLBACK');
      } catch {
        // the transaction may already be gone; the original error is what matters
      }
      throw error;
    }
  }

  /** Fills the staged-results temp table; returns the rows staged (the last one per unit, KPI and month). */
  private async stageResults(frameworkId: string, rows: readonly ResultRow[]): Promise<ResultRow[]> {
    const latest = new Map<string, ResultRow>();
    for (const row of rows) latest.set(resultKey(row.unitId, row.kpi, row.month), row);
    const unique = [...latest.values()];
    await this.db.exec(createStagedResultsSql());
    await this.db.insertRows(
      STAGED_RESULTS,
      TABLE_COLUMNS.results,
      unique.map((row) => resultsValues(frameworkId, row))
    );
    return unique;
  }

  /** Nothing stored yet for the frameworks of the staged rows (a first upload)? `staged`: the table they are in. */
  private async stagedAllNew(staged: string): Promise<{ staged: number; allNew: boolean }> {
    const table = ident(staged);
    const [counts] = await this.db.query<{ staged: number; stored: number }>(
      `SELECT (SELECT count(*) FROM ${table})::INTEGER AS staged,
        (SELECT count(*) FROM results WHERE framework_id IN (SELECT framework_id FROM ${table}))::INTEGER AS stored`
    );
    return { staged: counts.staged, allNew: counts.stored === 0 };
  }

  /** Writes the staged rows that are new or changed (on a first upload: all of them, without joins). */
  private async applyStaged(staged: string): Promise<void> {
    if ((await this.stagedAllNew(staged)).allNew)
      await this.db.exec(`INSERT INTO results SELECT * FROM ${ident(staged)}`);
    else for (const statement of applyStagedResultsSql(staged)) await this.db.exec(statement);
  }

  private async stagedDiff(maxChanges: number, staged = STAGED_RESULTS): Promise<ResultsDiff> {
    // Nothing stored yet for the staged frameworks (a first upload): every row is new, no join needed.
    const first = await this.stagedAllNew(staged);
    if (first.allNew) return { added: first.staged, changed: 0, unchanged: 0, changes: [] };
    const [counts] = await this.db.query<{ added: number; changed: number; unchanged: number }>(
      stagedCountsSql(staged)
    );
    const changes =
      counts.changed === 0 || maxChanges <= 0
        ? []
        : (await this.db.query(stagedChangesSql(staged), [Math.floor(maxChanges)])).map(toResultChange);
    return { added: counts.added, changed: counts.changed, unchanged: counts.unchanged, changes };
  }

  /**
   * `commitResults` for rows already in the staged-results table (`STAGED_RESULTS`, filled e.g. by the fast
   * reader src/lib/ingest/fast-results.ts with this framework's id): one transaction, new values added,
   * changed values replaced, equal values left alone. The staged table is dropped. `beforeCommit` gets the
   * diff and the rows written (new and changed, as `commitResults` gives them), read back from DuckDB.
   */
  commitStaged(frameworkId: string, options: CommitOptions = {}): Promise<ResultsDiff> {
    this.requireFramework(frameworkId);
    return this.transaction(() => this.commitStagedNow(options));
  }

  /** The commit of the rows in `staged` (dropped after when it is the staged-results table). */
  private async commitStagedNow(options: CommitOptions, staged = STAGED_RESULTS): Promise<ResultsDiff> {
    const diff = await this.stagedDiff(options.maxChanges ?? DEFAULT_MAX_CHANGES, staged);
    const writes = diff.added + diff.changed > 0;
    const written = options.beforeCommit && writes ? await this.stagedWritten(staged) : resultColumns([]);
    if (writes) await this.applyStaged(staged);
    if (staged === STAGED_RESULTS) await this.db.exec(dropStagedResultsSql());
    await options.beforeCommit?.(diff, written);
    return diff;
  }

  /** The staged rows a commit writes (new and changed), packed (one string). */
  private async stagedWritten(staged: string): Promise<PackedResults> {
    const [plain] = await this.db.query(stagedWrittenPackedSql(false, staged));
    if (!plain.unsafe) return packedResultsOf(plain, false);
    const [escaped] = await this.db.query(stagedWrittenPackedSql(true, staged));
    return packedResultsOf(escaped, true);
  }

  /** `diffResults` for rows in `table` (shaped like `results`, e.g. a file read by the fast reader). */
  diffTable(table: string, maxChanges = DEFAULT_MAX_CHANGES): Promise<ResultsDiff> {
    return this.serial(() => this.stagedDiff(maxChanges, table));
  }

  /** `commitStaged` for rows in `table` (which stays as it is). */
  commitTable(frameworkId: string, table: string, options: CommitOptions = {}): Promise<ResultsDiff> {
    this.requireFramework(frameworkId);
    return this.transaction(() => this.commitStagedNow(options, table));
  }

  clearResults(frameworkId: string): Promise<void> {
    return this.serial(async () => {
      await this.db.query('DELETE FROM results WHERE framework_id = ?', [frameworkId]);
    });
  }

  /** Scores every stored period of a framework into kpi_scores and unit_totals. */
  score(frameworkId: string): Promise<void> {
    return this.serial(() => this.scoreNow(frameworkId));
  }

  private async scoreNow(frameworkId: string): Promise<void> {
    const depths = this.compositeDepths(frameworkId);
    for (const statement of CLEAR_SCORES_SQL) await this.db.query(statement, [frameworkId]);
    await this.db.query(scoreKpisSql(depths, null, this.scoringOptions(frameworkId)), [frameworkId]);
    await this.db.query(unitTotalsSql(), [frameworkId]);
    this.pending.delete(frameworkId);
  }

  /**
   * (Re)scores only the given stored periods of a framework (unknown ids are ignored); the other periods'
   * scores stay as they are. The same rows as `score` for those periods (issue 6: a period on screen is one
   * small query, not the whole year's).
   */
  scorePeriods(frameworkId: string, periodIds: readonly string[]): Promise<void> {
    return this.serial(() => this.scorePeriodsNow(frameworkId, periodIds));
  }

  private async scorePeriodsNow(frameworkId: string, periodIds: readonly string[]): Promise<void> {
    const depths = this.compositeDepths(frameworkId);
    const stored = new Set(await this.storedPeriodIds(frameworkId));
    const ids = [...new Set(periodIds)].filter((id) => stored.has(id));
    if (ids.length === 0) return;
    const months = [...new Set(ids.flatMap((id) => parsePeriodId(id)?.months ?? []))];
    const scope: PeriodScope = { periodIds: ids, months };
    for (const statement of clearPeriodScoresSql(ids)) await this.db.query(statement, [frameworkId]);
    await this.db.query(scoreKpisSql(depths, scope, this.scoringOptions(frameworkId)), [frameworkId]);
    await this.db.query(unitTotalsSql(ids), [frameworkId]);
    const pending = this.pending.get(frameworkId);
    if (pending) for (const id of ids) pending.delete(id);
  }

  /**
   * Scores the given periods now (e.g. the one on screen and the one before it) and leaves every other period
   * of the framework without scores until `scoreRemaining` (or a `leagueTable` or `scorePeriods` that needs
   * it). Used after an upload, so that the first table appears after one period's scoring.
   */
  scoreFirst(frameworkId: string, periodIds: readonly string[]): Promise<void> {
    return this.serial(async () => {
      this.compositeDepths(frameworkId);
      for (const statement of CLEAR_SCORES_SQL) await this.db.query(statement, [frameworkId]);
      this.pending.set(frameworkId, new Set(await this.storedPeriodIds(frameworkId)));
      await this.scorePeriodsNow(frameworkId, periodIds);
    });
  }

  /** Periods of a framework still waiting for their scores (after `scoreFirst`). */
  pendingPeriods(frameworkId: string): string[] {
    return [...(this.pending.get(frameworkId) ?? [])];
  }

  /**
   * Scores the periods `scoreFirst` left, a few at a time (each batch its own turn in the queue, so that a
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
   * Who has sent what (issue 14.3): per unit and month of `months`, the KPIs with a stored value and the files
   * they came from. Read in the workspace's queue (after any change being made), without clearing scores.
   */
  received(frameworkId: string, months: readonly string[]): Promise<ReceivedRow[]> {
    const sorted = [...months].sort();
    if (sorted.length === 0) return Promise.resolve([]);
    return this.serial(async () => {
      const rows = await this.db.query<{ unit_id: string; month: string; kpis: unknown; sources: unknown }>(
        receivedSql(),
        [frameworkId, sorted[0], sorted[sorted.length - 1]]
      );
      const texts = (value: unknown) =>
        typeof value === 'string' && value !== '' ? value.split(RECEIVED_SEPARATOR) : [];
      return rows.map((row) => ({
        unitId: row.unit_id,
        month: row.month,
        kpis: texts(row.kpis),
        sources: texts(row.sources)
      }));
    }, true);
  }

  /** Makes sure the given periods have scores (scores those `scoreFirst` left pending). */
  ensureScored(frameworkId: string, periodIds: readonly string[]): Promise<void> {
    // Nothing asked, or the asked periods are scored and no change that could clear them is queued: their
    // scores can be read now (a background batch, if one runs, writes only other periods).
    const pending = this.pending.get(frameworkId);
    if (periodIds.length === 0 || (this.clearing === 0 && !periodIds.some((id) => pending?.has(id))))
      return Promise.resolve();
    return this.serial(async () => {
      const pending = this.pending.get(frameworkId);
      const missing = periodIds.filter((id) => pending?.has(id));
      if (missing.length > 0) await this.scorePeriodsNow(frameworkId, missing);
    }, true);
  }

  /**
   * Resolves when every period of the framework has its scores (scoring those still pending now): what a view
   * reading scores across periods (trends, misses, compare, a district) waits for.
   */
  scored(frameworkId: string): Promise<void> {
    if (this.clearing === 0 && !this.pending.get(frameworkId)?.size) return Promise.resolve();
    return this.serial(async () => {
      const missing = this.pendingPeriods(frameworkId);
      if (missing.length > 0) await this.scorePeriodsNow(frameworkId, missing);
    }, true);
  }

  private scoringOptions(frameworkId: string): { unitTargets: boolean } {
    return { unitTargets: this.requireFramework(frameworkId).targets.length > 0 };
  }

  private compositeDepths(frameworkId: string): number[] {
    const framework = this.requireFramework(frameworkId);
    const facts = deriveKpiFacts(framework);
    return framework.kpis
      .filter((kpi) => kpi.measure === 'combine')
      .map((kpi) => facts.get(kpi.kpi)?.depth ?? 0);
  }

  private async storedPeriodIds(frameworkId: string): Promise<string[]> {
    const rows = await this.db.query<{ period_id: string }>(
      'SELECT period_id FROM periods WHERE framework_id = ? ORDER BY ord',
      [frameworkId]
    );
    return rows.map((row) => row.period_id);
  }

  private requireFramework(id: string): Framework {
    const framework = this.frameworkById.get(id);
    if (!framework) throw new Error(`unknown framework ${id}`);
    return framework;
  }

  /** Drops every cached league table (scores may change). */
  private forgetLeagues(): void {
    this.epoch++;
    this.leagues.clear();
    this.cells.clear();
  }

  /**
   * `compute()` through `cache` under `key`: the same promise for the same key until a change may clear scores
   * (one that starts while it computes keeps it out of the cache); at most `LEAGUE_CACHE` entries.
   */
  private cached<T>(cache: Map<string, Promise<T>>, key: string, compute: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const epoch = this.epoch;
    const promise = compute();
    cache.set(key, promise);
    const forget = () => {
      if (cache.get(key) === promise) cache.delete(key);
    };
    promise.then(() => {
      if (this.epoch !== epoch) forget();
    }, forget);
    while (cache.size > LEAGUE_CACHE) cache.delete(cache.keys().next().value!);
    return promise;
  }

  /**
   * The league table of a scored period; `group` `*` = every top-level KPI. Kept until scores change, so
   * that going back to a period or group is instant (issue 6: switching in under 50 ms).
   */
  leagueTable(frameworkId: string, periodId: string, group = '*'): Promise<LeagueTable> {
    const period = parsePeriodId(periodId);
    if (!period) return Promise.reject(new Error(`bad period ${periodId}`));
    this.requireFramework(frameworkId);
    const key = `${frameworkId}\u0000${period.id}\u0000${group}`;
    return this.cached(this.leagues, key, () => this.computeLeagueTable(frameworkId, period, group));
  }

  /** Whether `leagueTable` would answer from its cache. */
  hasLeagueTable(frameworkId: string, periodId: string, group = '*'): boolean {
    return this.leagues.has(`${frameworkId}\u0000${parsePeriodId(periodId)?.id}\u0000${group}`);
  }

  /** The cells of every unit in a period, packed (`kpiCellsPackedSql`; the tables of its groups share them). */
  private periodCells(frameworkId: string, periodId: string): Promise<Map<string, string>> {
    return this.cached(this.cells, `${frameworkId}\u0000${periodId}`, async () => {
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
    await this.ensureScored(frameworkId, [period.id, previous.id]);
    const totals = await this.db.query(leagueTableSql(previous.months), [frameworkId, period.id, group]);
    const cellsByUnit = await this.periodCells(frameworkId, period.id);
    const kpis = topLevelKpis(framework).filter((kpi) => group === '*' || kpi.group === group);
    const rows: LeagueRow[] = totals.map((row) =>
      withLazyCells(cellsByUnit.get(String(row.unit_id)), {
        rank: Number(row.rank),
        unitId: String(row.unit_id),
        unit: String(row.unit),
        province: String(row.province),
        total: Number(row.total),
        maxTotal: numberOrNull(row.max_total),
        totalPct: numberOrNull(row.total_pct),
        missing: Number(row.missing),
        topCount: Number(row.top_count),
        previousRank: numberOrNull(row.previous_rank),
        movement: numberOrNull(row.movement)
      })
    );
    return { framework, period, group, kpis, rows };
  }
}

function toResultChange(row: Record<string, unknown>): ResultChange {
  const side = (prefix: 'before' | 'after') => ({
    value: numberOrNull(row[`${prefix}_value`]),
    target: numberOrNull(row[`${prefix}_target`]),
    baseline: numberOrNull(row[`${prefix}_baseline`]),
    adjust: numberOrNull(row[`${prefix}_adjust`]),
    source: stringOrNull(row[`${prefix}_source`]),
    line: numberOrNull(row[`${prefix}_line`])
  });
  return {
    unitId: String(row.unit_id),
    unit: String(row.unit),
    kpi: String(row.kpi),
    month: String(row.month),
    before: side('before'),
    after: side('after')
  };
}

/**
 * `{ cells }` of a league row, read from the unit's packed cells the first time they are asked for: a view
 * draws the cells of the rows in sight, so a national table decodes ~50 units' cells, not 878 (issue 6).
 */
function withLazyCells(packed: string | undefined, row: Omit<LeagueRow, 'cells'>): LeagueRow {
  Object.defineProperty(row, 'cells', {
    enumerable: true,
    configurable: true,
    get() {
      const cells = packed === undefined ? {} : unpackCells(packed);
      Object.defineProperty(row, 'cells', { value: cells, enumerable: true });
      return cells;
    }
  });
  return row as LeagueRow;
}

/** A unit's cells from `kpiCellsPackedSql`: the cells of `kpiCellsSql`'s rows (packed-cells.test.ts). */
function unpackCells(packed: string): Record<string, KpiCell> {
  const cells: Record<string, KpiCell> = {};
  for (const record of packed.split(RECORD_SEPARATOR)) {
    const f = record.split(FIELD_SEPARATOR);
    const text = (i: number): string | null => unpackText(f[i]);
    const num = (i: number): number | null => unpackNumber(f[i]);
    const kpi = String(text(0));
    const nextLevel = text(14);
    cells[kpi] = {
      kpi,
      value: num(1),
      target: num(2),
      baseline: num(3),
      adjust: num(4),
      monthsReported: num(5) ?? 0,
      lastMonth: text(6),
      measured: num(7),
      level: text(8),
      points: num(9),
      bandLabel: text(10),
      score: num(11) ?? 0,
      status: String(text(12)) as KpiStatus,
      isTop: f[13] === 't',
      next:
        nextLevel === null
          ? null
          : { level: nextLevel, op: String(text(16)), value: num(17), value2: num(18), start: num(15) }
    };
  }
  return cells;
}
