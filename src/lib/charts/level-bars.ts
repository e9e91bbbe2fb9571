/**
 * Segments of a level-breakdown bar (issue 4 §4): one per level of a KPI (best first), then below every
 * band and not reported, each with its count, share of the units and the shared level colours. Pure.
 */
import { BELOW_STYLE, MISSING_STYLE, levelStyle } from './level-colors';

export interface LevelCountsInput {
  levels: readonly { level: string; points: number; units: number }[];
  below: number;
  missing: number;
  topPoints: number | null;
}

export interface BarSegment {
  /** `level:5`, `below`, `missing`. */
  key: string;
  /** Text shown with the count: `ระดับ 5`, `ต่ำกว่าเกณฑ์`, `ไม่ได้รายงาน`. */
  label: string;
  units: number;
  /** 0..1 of all units. */
  share: number;
  background: string;
  text: string;
  /** Not reported is drawn with a dashed outline, not a fill. */
  dashed: boolean;
}

export interface SegmentWords {
  level: string;
  below: string;
  missing: string;
}

export function levelSegments(counts: LevelCountsInput, words: SegmentWords): BarSegment[] {
  const total = counts.levels.reduce((sum, slot) => sum + slot.units, 0) + counts.below + counts.missing;
  const share = (units: number) => (total > 0 ? units / total : 0);
  const segments: BarSegment[] = counts.levels.map((slot) => {
    const style = levelStyle('ok', slot.points, counts.topPoints);
    return {
      key: `level:${slot.level}`,
      label: `${words.level} ${slot.level}`,
      units: slot.units,
      share: share(slot.units),
      background: style.background,
      text: style.text,
      dashed: false
    };
  });
  segments.push({
    key: 'below',
    label: words.below,
    units: counts.below,
    share: share(counts.below),
    background: BELOW_STYLE.background,
    text: BELOW_STYLE.text,
    dashed: false
  });
  segments.push({
    key: 'missing',
    label: words.missing,
    units: counts.missing,
    share: share(counts.missing),
    background: MISSING_STYLE.background,
    text: MISSING_STYLE.text,
    dashed: true
  });
  return segments;
}
