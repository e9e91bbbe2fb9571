/**
 * The session's background work (issue 6): scoring the periods a change left pending, one batch at a time,
 * and reading ahead the league tables around the one on screen; `idle` is true when nothing of it (nor
 * anything else `track`ed, e.g. start-up's other frameworks) runs.
 */
import { periodsOfFramework, previousPeriod } from '../domain/periods';
import type { LeagueTable } from '../scoring/league';
import type { Workspace } from '../scoring/workspace';

interface Shown {
  frameworkId: string;
  periodId: string;
  group: string;
}

export interface BackgroundDeps {
  /** The workspace once it is open. */
  workspace(): Workspace | null;
  /** Times a piece of work (User Timing, `Session.timed`). */
  timed<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Background scoring failed (the page says so; the views still score what they ask for). */
  onError(error: unknown): void;
  /**
   * Works out, for a table read ahead, what the page would otherwise work out at the switch to it (its
   * headline); kept with the table. A failure here is nobody's: the page works it out again when drawn.
   */
  prepare?(table: LeagueTable): void;
}

/** Lets the current task finish first (the views a change made ask for their period before this runs). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export class BackgroundWork {
  /** True when nothing runs in the background (the page marks it on `<html data-idle>`). */
  idle = $state(true);
  private busy = 0;
  /** Waiting for `idle` (`whenIdle`). */
  private waiters: (() => void)[] = [];
  /** The tail of the background scoring. */
  private scoring: Promise<void> = Promise.resolve();
  /** The league table last asked for, and the one whose neighbours are being read ahead. */
  private shown: Shown | null = null;
  private warming: Shown | null = null;

  constructor(private readonly deps: BackgroundDeps) {}

  /** Resolves when the background scoring asked for so far is done. */
  get scored(): Promise<void> {
    return this.scoring;
  }

  /** Counts `work` as background work for `idle`. */
  track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    this.idle = false;
    return work.finally(() => {
      this.busy--;
      if (this.busy > 0) return;
      this.idle = true;
      for (const resolve of this.waiters.splice(0)) resolve();
    });
  }

  /** Resolves once nothing runs in the background (at once when nothing does). */
  whenIdle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Scores the pending periods of a framework after the current task, one batch at a time (a view asking for
   * a period waits for one batch at most), then reads ahead around the table on screen.
   */
  scoreRemaining(frameworkId: string): void {
    const workspace = this.deps.workspace();
    if (!workspace) return;
    this.scoring = this.track(
      this.scoring
        .then(nextTask)
        .then(() => this.deps.timed(`score rest ${frameworkId}`, () => workspace.scoreRemaining(frameworkId)))
        .then(
          () => {
            if (this.shown?.frameworkId === frameworkId) {
              this.warming = null;
              this.readAhead();
            }
          },
          (error) => this.deps.onError(error)
        )
    );
  }

  /**
   * The league table on screen; its neighbours are read ahead after it. `readAhead: false` reads a table that
   * is not the one on screen (the period before, for the headline's change): what is on screen, and so where
   * the read-ahead is centred, stays as it is.
   */
  async leagueTable(
    frameworkId: string,
    periodId: string,
    group: string,
    { readAhead = true }: { readAhead?: boolean } = {}
  ): Promise<LeagueTable> {
    const workspace = this.deps.workspace();
    if (!workspace) throw new Error('the database is not ready');
    if (!readAhead) {
      return this.deps.timed('league before', () => workspace.leagueTable(frameworkId, periodId, group));
    }
    this.shown = { frameworkId, periodId, group };
    const table = await this.deps.timed('league', () => workspace.leagueTable(frameworkId, periodId, group));
    this.readAhead();
    return table;
  }

  /**
   * Reads, in the background, the league tables of the other periods of the table last asked for (same
   * framework and group), nearest periods first, one at a time, and works out their headlines: once a
   * framework is scored, switching period shows the table at once (issue 6). Stops when another table is
   * asked for (that one starts its own round); periods still waiting for their scores are left to the
   * background scoring, which reads ahead after it.
   */
  private readAhead(): void {
    const shown = this.shown;
    const workspace = this.deps.workspace();
    if (!shown || !workspace || this.warming === shown) return;
    const framework = workspace.framework(shown.frameworkId);
    if (!framework) return;
    this.warming = shown;
    const periods = periodsOfFramework(framework.fiscalYear, framework.period);
    const at = Math.max(
      0,
      periods.findIndex((period) => period.id === shown.periodId)
    );
    const order = periods
      .map((period, index) => ({ period, distance: Math.abs(index - at) + (index < at ? 0.5 : 0) }))
      .sort((a, b) => a.distance - b.distance)
      .map(({ period }) => period);
    this.track(
      (async () => {
        await nextTask();
        for (const period of order) {
          if (this.shown !== shown) return;
          const pending = workspace.pendingPeriods(shown.frameworkId);
          if (pending.includes(period.id) || pending.includes(previousPeriod(period).id)) continue;
          // A kept table is answered from memory, not asked of the engine again.
          const table = await workspace
            .leagueTable(shown.frameworkId, period.id, shown.group)
            .catch(() => undefined);
          if (!table) continue;
          // The headline of a table is worked out once (~10 ms national), each in a task of its own (a round
          // over kept tables is not one long task) rather than at the switch to it.
          await nextTask();
          if (this.shown !== shown) return;
          try {
            this.deps.prepare?.(table);
          } catch {
            // the page draws it anyway
          }
        }
      })().finally(() => {
        if (this.warming === shown) this.warming = null;
      })
    );
  }
}
