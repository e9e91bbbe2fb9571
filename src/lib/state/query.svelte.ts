/**
 * One way for views to load data (issue 12): a key names what is asked (framework, period, group, the
 * session's revision …); a new key loads, the same key does not; answers to an older key are dropped; a
 * failed load says why (`error`) and can be tried again (`retry`). What was shown stays while the next
 * answer loads, so a period switch never blanks the page.
 */
import { untrack } from 'svelte';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * How many queries are loading right now, over every view on the page: the layout marks it on
 * `<html data-loading>` so that tests and the benchmark know when a view has its data (`data-idle` is the
 * background's state, not the view's).
 */
export const queriesLoading = $state({ count: 0 });

export class Query<T> {
  current = $state.raw<T | null>(null);
  #loading = $state(false);
  error = $state<string | null>(null);
  private seq = 0;
  private key: string | null = null;
  private load: (() => Promise<T>) | null = null;

  get loading(): boolean {
    return this.#loading;
  }

  private set loading(value: boolean) {
    if (value === this.#loading) return;
    this.#loading = value;
    queriesLoading.count += value ? 1 : -1;
  }

  /** Stops waiting (the component went away): a late answer is dropped and nothing is loading. */
  dispose(): void {
    this.seq++;
    this.key = null;
    this.loading = false;
  }

  /**
   * Loads for `key` (null: nothing to ask yet — what was shown stays) unless that key is the one loaded or
   * loading; `force` loads it again.
   */
  run(key: string | null, load: () => Promise<T>, force = false): Promise<void> {
    if (key === null) {
      this.seq++;
      this.key = null;
      this.loading = false;
      return Promise.resolve();
    }
    if (!force && key === this.key) return Promise.resolve();
    this.key = key;
    this.load = load;
    const seq = ++this.seq;
    this.loading = true;
    this.error = null;
    let answer: Promise<T>;
    try {
      answer = load();
    } catch (error) {
      answer = Promise.reject(error);
    }
    return answer.then(
      (value) => {
        if (seq !== this.seq) return;
        this.current = value;
        this.loading = false;
      },
      (error: unknown) => {
        if (seq !== this.seq) return;
        this.error = reason(error);
        this.loading = false;
      }
    );
  }

  /** Loads the last key again (after an error). */
  retry(): Promise<void> {
    if (this.key === null || this.load === null) return Promise.resolve();
    return this.run(this.key, this.load, true);
  }
}

/**
 * A `Query` driven by a component's state: `key()` is read reactively (return null while there is nothing to
 * ask); `load()` runs untracked with the state of that moment. Call during component initialisation.
 */
export function useQuery<T>(key: () => string | null, load: () => Promise<T>): Query<T> {
  const query = new Query<T>();
  $effect(() => {
    const next = key();
    void untrack(() => query.run(next, load));
  });
  $effect(() => () => query.dispose());
  return query;
}
