/**
 * One colour scale for levels, used by chips, grids and charts alike. Five steps from orange (worst) to
 * blue (best): distinguishable with red–green colour blindness, and every chip also carries its label.
 * Below every band and not reported have their own looks (dark grey; dashed outline).
 */
import type { KpiStatus } from '../scoring/league';

export const LEVEL_STEPS = [
  { background: '#b4441f', text: '#ffffff' },
  { background: '#ee8a3c', text: '#1d1d1d' },
  { background: '#f3d98b', text: '#1d1d1d' },
  { background: '#7fb6d9', text: '#1d1d1d' },
  { background: '#1f5f99', text: '#ffffff' }
] as const;

export const BELOW_STYLE = { background: '#4a4a4a', text: '#ffffff' } as const;
export const MISSING_STYLE = { background: 'transparent', text: '#5f5f5f' } as const;

/** Step 1..5 of a level from its points relative to the KPI's top points (A–D and 1–5 alike). */
export function levelStep(points: number | null, topPoints: number | null): number {
  if (points === null || topPoints === null || topPoints <= 0) return 1;
  return Math.min(5, Math.max(1, Math.ceil((points / topPoints) * 5 - 1e-9)));
}

export function levelStyle(status: KpiStatus, points: number | null, topPoints: number | null) {
  if (status === 'missing') return MISSING_STYLE;
  if (status === 'below') return BELOW_STYLE;
  return LEVEL_STEPS[levelStep(points, topPoints) - 1];
}
