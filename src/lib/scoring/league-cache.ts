/**
 * What `Workspace.leagueTable` keeps: league tables and the cells of a period (the tables of its groups share
 * them), most recently used last, at most `limit` entries each. One explicit invalidation: `invalidate()`
 * drops everything, and an answer being computed when it is called is handed to its caller but not kept (it
 * may mix scores from before and after the change). The workspace calls it when a change that may alter
 * scores is queued and when it ends.
 */
import type { LeagueTable } from './league';

export class LeagueCache {
  /** Counts `invalidate` calls: an entry computed across one is not kept. */
  private generation = 0;
  private readonly tables = new Map<string, Promise<LeagueTable>>();
  private readonly cells = new Map<string, Promise<Map<string, string>>>();

  constructor(private readonly limit = 48) {}

  invalidate(): void {
    this.generation++;
    this.tables.clear();
    this.cells.clear();
  }

  /** Whether a league table is kept under `key`. */
  hasTable(key: string): boolean {
    return this.tables.has(key);
  }

  table(key: string, compute: () => Promise<LeagueTable>): Promise<LeagueTable> {
    return this.kept(this.tables, key, compute);
  }

  periodCells(key: string, compute: () => Promise<Map<string, string>>): Promise<Map<string, string>> {
    return this.kept(this.cells, key, compute);
  }

  private kept<T>(cache: Map<string, Promise<T>>, key: string, compute: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const generation = this.generation;
    const promise = compute();
    cache.set(key, promise);
    const forget = () => {
      if (cache.get(key) === promise) cache.delete(key);
    };
    promise.then(() => {
      if (this.generation !== generation) forget();
    }, forget);
    while (cache.size > this.limit) cache.delete(cache.keys().next().value!);
    return promise;
  }
}
