/**
 * Writes the last of a run of values once the run has settled (no new value for `delayMs`), instead of each
 * one: the layout remembers the view this way, so a search typed letter by letter is stored once (issue 12),
 * not once per keystroke. `flush` writes a waiting value now (the page is being hidden or left).
 */
export interface Settler<T> {
  /** A new value: replaces any waiting one and starts the wait again. */
  push(value: T): void;
  /** Writes the waiting value now, if there is one. */
  flush(): void;
  /** Drops the waiting value. */
  cancel(): void;
}

export function settle<T>(write: (value: T) => void, delayMs: number): Settler<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiting: { value: T } | null = null;
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const flush = () => {
    stop();
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    write(value);
  };
  return {
    push(value) {
      waiting = { value };
      stop();
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      stop();
      waiting = null;
    }
  };
}
