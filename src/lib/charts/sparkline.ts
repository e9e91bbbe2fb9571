/**
 * Small inline SVG lines (KPI trends, rank history) without a chart library: points scaled into a box,
 * a path per run of values (a missing month breaks the line, never drawn as 0). Pure.
 */
export interface SparkPoint {
  index: number;
  x: number;
  y: number;
  value: number;
}

export interface Sparkline {
  /** SVG path data, one per run of consecutive values. */
  paths: string[];
  points: SparkPoint[];
}

export interface SparklineOptions {
  width: number;
  height: number;
  /** Inner margin, so dots at the edges are not cut. */
  padding?: number;
  /** Fixed domain; defaults to the values' own range. */
  min?: number;
  max?: number;
  /** Smaller values drawn higher (ranks: 1 at the top). */
  invert?: boolean;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function sparkline(values: readonly (number | null)[], options: SparklineOptions): Sparkline {
  const { width, height, padding = 2, invert = false } = options;
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return { paths: [], points: [] };
  const min = options.min ?? Math.min(...finite);
  const max = options.max ?? Math.max(...finite);
  const span = max - min;
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  const step = values.length > 1 ? innerWidth / (values.length - 1) : 0;
  const points: SparkPoint[] = [];
  const paths: string[] = [];
  let current = '';
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (current) paths.push(current);
      current = '';
      return;
    }
    const ratio = span === 0 ? 0.5 : (value - min) / span;
    const x = round(padding + (values.length > 1 ? index * step : innerWidth / 2));
    const y = round(padding + (invert ? ratio : 1 - ratio) * innerHeight);
    points.push({ index, x, y, value });
    current += `${current ? 'L' : 'M'}${x} ${y}`;
  });
  if (current) paths.push(current);
  return { paths, points };
}
