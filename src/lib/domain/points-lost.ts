/**
 * Weighted points (issue 13 §4): how much a district's weighted total (DESIGN §4.6, on the league total's
 * scale: Σ score × weight ÷ Σ weight over the top-level KPIs in view) moves when one KPI's score changes.
 * Pure: the misses view puts `pointsLost` on each row and orders by it; the district page and the misses
 * view's summary pick the `nextSteps` worth the most.
 *
 * Decisions (written down in the note): "top points" is the unit's own top (a unit's own bands may top out
 * lower or higher than the general ladder); a KPI not reported is worth reporting, valued at its worst
 * band's points (the least it brings once reported; scored 0 until then); a KPI of weight 0 or with no better
 * band any value can reach is no step at all.
 */

/** A KPI's score and weight against the total it counts in. */
export interface WeightedScore {
  /** The KPI's score (0 when not reported or below every band). */
  score: number;
  /** The KPI's weight (1 for every KPI of a framework without weights, as unit_totals weighs). */
  weight: number;
  /** Σ weights of the top-level KPIs in view; the total is divided by it. */
  weightSum: number;
}

/**
 * The rise of the weighted total if the score became `points`: (points − score) × weight ÷ Σ weights,
 * never below 0 (an adjusted score above `points` loses nothing); 0 when the weights sum to 0.
 */
export function weightedGain(points: number, at: WeightedScore): number {
  if (!(at.weightSum > 0) || !Number.isFinite(points)) return 0;
  return (Math.max(0, points - at.score) * at.weight) / at.weightSum;
}

/** Weighted points lost: the rise of the total if the KPI scored the unit's top points (0 without bands). */
export function pointsLost(topPoints: number | null, at: WeightedScore): number {
  return topPoints === null ? 0 : weightedGain(topPoints, at);
}

/** The order of the misses list: most points lost first, then unit name (Thai order), then KPI order. */
export function byPointsLost<T extends { pointsLost: number; unit: string; kpiOrder: number }>(
  rows: readonly T[],
  collator: Intl.Collator = new Intl.Collator('th')
): T[] {
  return [...rows].sort(
    (a, b) =>
      // Compared on the 4 decimals shown, so figures that print the same tie the same.
      Math.round(b.pointsLost * 1e4) - Math.round(a.pointsLost * 1e4) ||
      collator.compare(a.unit, b.unit) ||
      a.kpiOrder - b.kpiOrder
  );
}

/** One KPI of a unit not at its top, as the next steps see it. */
export interface StepCandidate<G> extends WeightedScore {
  kpi: string;
  kpiOrder: number;
  /** `missing`: not reported. */
  status: 'ok' | 'below' | 'missing';
  /** The gap to the next better band (to the worst band when below every band); null when none is reachable. */
  next: (G & { band: { points: number } }) | null;
  /** The points of the worst band any value can reach (what reporting brings at least); null without bands. */
  worstPoints: number | null;
}

/** A step worth taking: reach the next band (`gap`), or report the KPI (`report`). */
export type NextStep<G> =
  | { kind: 'reach'; kpi: string; gap: G & { band: { points: number } }; gain: number }
  | { kind: 'report'; kpi: string; points: number; gain: number };

/** The steps of one unit worth the most weighted points, at most `limit` (largest gain first, then KPI order). */
export function nextSteps<G>(candidates: readonly StepCandidate<G>[], limit = 3): NextStep<G>[] {
  const steps: { step: NextStep<G>; order: number }[] = [];
  for (const candidate of candidates) {
    const order = candidate.kpiOrder;
    if (candidate.status === 'missing') {
      if (candidate.worstPoints === null) continue;
      const points = candidate.worstPoints;
      const gain = weightedGain(points, { ...candidate, score: 0 });
      if (gain > 0) steps.push({ step: { kind: 'report', kpi: candidate.kpi, points, gain }, order });
      continue;
    }
    if (candidate.next === null) continue;
    const gain = weightedGain(candidate.next.band.points, candidate);
    if (gain > 0)
      steps.push({ step: { kind: 'reach', kpi: candidate.kpi, gap: candidate.next, gain }, order });
  }
  steps.sort((a, b) => Math.round(b.step.gain * 1e4) - Math.round(a.step.gain * 1e4) || a.order - b.order);
  return steps.slice(0, limit).map(({ step }) => step);
}
