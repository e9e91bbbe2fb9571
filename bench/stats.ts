/** Small statistics for timings: medians and percentiles over samples (milliseconds). */

export interface Timing {
  /** Median of the samples, ms. */
  median: number;
  /** 95th percentile (nearest rank), ms; equal to the max below 20 samples. */
  p95: number;
  min: number;
  max: number;
  n: number;
  samples: number[];
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function timing(samples: readonly number[]): Timing {
  const rounded = samples.map((s) => Math.round(s * 10) / 10);
  const sorted = [...rounded].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length === 0
      ? NaN
      : sorted.length % 2 === 1
        ? sorted[Math.floor(middle)]
        : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    median: Math.round(median * 10) / 10,
    p95: percentile(rounded, 95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    n: sorted.length,
    samples: rounded
  };
}

/** Runs `fn` `reps` times (after `warmup` unmeasured runs) and times each run. */
export async function measure<T>(
  fn: () => Promise<T> | T,
  { reps = 3, warmup = 0 }: { reps?: number; warmup?: number } = {}
): Promise<{ timing: Timing; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    last = await fn();
    samples.push(performance.now() - started);
  }
  return { timing: timing(samples), last: last as T };
}
