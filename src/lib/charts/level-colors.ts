/**
 * One colour scale for levels, used by chips, grids and charts alike. Five steps from orange (worst) to
 * blue (best): distinguishable with red–green colour blindness, and every chip also carries its label.
 * Below every band and not reported have their own looks (dark grey; dashed outline).
 */
import type { Framework } from '../domain/framework';
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

/**
 * Step 1..5 of a level from its points relative to the KPI's top points, so that every scale's worst grade
 * looks worst (issue 13): 1–5 gives steps 1–5; A–D (4·3·2·1) gives 5·4·3·1 — D the colour of level 1, not
 * of level 2; points scales fall in between by their share of the top. The quarter step of slack is what
 * puts a quarter of the top (D) on step 1 while two fifths (level 2 of 5) stay on step 2.
 */
export function levelStep(points: number | null, topPoints: number | null): number {
  if (points === null || topPoints === null || topPoints <= 0) return 1;
  return Math.min(5, Math.max(1, Math.ceil((points / topPoints) * 5 - 0.25 - 1e-9)));
}

/** The swatches of a legend for a scale: its grades best first, each with the step it is drawn in. */
export function legendSwatches(scale: 'A-D' | '1-5'): { label: string; step: number }[] {
  const grades = scale === 'A-D' ? ['A', 'B', 'C', 'D'] : ['5', '4', '3', '2', '1'];
  return grades.map((label, index) => ({ label, step: levelStep(grades.length - index, grades.length) }));
}

export function levelStyle(status: KpiStatus, points: number | null, topPoints: number | null) {
  if (status === 'missing') return MISSING_STYLE;
  if (status === 'below') return BELOW_STYLE;
  return LEVEL_STEPS[levelStep(points, topPoints) - 1];
}

/**
 * The scales a legend of this framework shows: A–D if a main KPI is graded A–D, 1–5 if one has levels or points.
 * Main KPIs only: the chips of the views are theirs (Buriram's A–D missions have points sub-items, and its
 * legend is A·B·C·D alone).
 */
export function legendScales(framework: Pick<Framework, 'kpis'> | null | undefined): ('A-D' | '1-5')[] {
  const main = (framework?.kpis ?? []).filter((kpi) => (kpi.parent ?? null) === null);
  const scales = new Set(main.map((kpi) => kpi.scale));
  const shown: ('A-D' | '1-5')[] = [];
  if (scales.has('A-D')) shown.push('A-D');
  if (scales.has('1-5') || scales.has('points') || shown.length === 0) shown.push('1-5');
  return shown;
}
