/**
 * A KPI's per-unit bands as a grid (issue 14; DESIGN §9.2: a unit's own band for a level replaces the general
 * one): a row per unit, a column per level of the KPI's general ladder that has one threshold (`>=`, `>`,
 * `<=`, `<`), a cell the unit's own threshold or empty (the general band holds). Typed or pasted from Excel
 * (grid-paste.ts). A new own band takes its level's points and op; its text is the general one with the unit's
 * number (`… (บางคล้า: ไม่เกิน 58 ครัวเรือน)`), and a changed number is brought in line in the text. Pure.
 */
import { labelFromNumbers, replaceNumber } from './band-labels';
import type { Band, Framework } from './framework';
import { readPastedBlock, sameUnit, type PasteProblem } from './grid-paste';
import { gridUnits } from './target-grid';

const SINGLE = new Set(['>=', '>', '<=', '<']);

/**
 * The columns: the KPI's general bands with one threshold, in the framework's order; for a KPI whose bands are
 * all per unit (seed 001's I1), the first unit's band of each level stands for that level.
 */
export function unitBandLevels(fw: Framework, kpiId: string): Band[] {
  const own = fw.bands.filter((band) => band.kpi === kpiId && SINGLE.has(band.op));
  const general = own.filter((band) => band.unit === null);
  if (general.length > 0 || own.length === 0) return general;
  return own.filter((band, i) => own.findIndex((other) => other.level === band.level) === i);
}

/** Whether a band is edited in the grid (a unit's own band of a level the grid has). */
export function inUnitBandGrid(fw: Framework, band: Band): boolean {
  return (
    band.unit !== null &&
    SINGLE.has(band.op) &&
    unitBandLevels(fw, band.kpi).some((column) => column.level === band.level && column.op === band.op)
  );
}

function ownIndex(fw: Framework, kpiId: string, unit: string, level: string): number {
  return fw.bands.findIndex(
    (band) => band.kpi === kpiId && band.level === level && band.unit !== null && sameUnit(band.unit, unit)
  );
}

/** A unit's own threshold for a level, or null when the general band holds. */
export function unitBandValue(fw: Framework, kpiId: string, unit: string, level: string): number | null {
  const index = ownIndex(fw, kpiId, unit, level);
  return index < 0 ? null : fw.bands[index].value;
}

/** The framework with a unit's own threshold for a level set, changed, or (null) removed. */
export function setUnitBand(
  fw: Framework,
  kpiId: string,
  unit: string,
  level: string,
  value: number | null
): Framework {
  const index = ownIndex(fw, kpiId, unit, level);
  const bands = [...fw.bands];
  if (value === null) {
    if (index < 0) return fw;
    bands.splice(index, 1);
    return { ...fw, bands };
  }
  if (index >= 0) {
    const own = bands[index];
    const label = own.value === null ? own.label : (replaceNumber(own.label, own.value, value) ?? own.label);
    bands[index] = { ...own, value, label };
    return { ...fw, bands };
  }
  const template = unitBandLevels(fw, kpiId).find((band) => band.level === level);
  const kpi = fw.kpis.find((k) => k.kpi === kpiId);
  if (!template || !kpi) return fw;
  const thai = /[\u0E50-\u0E59]/.test(template.label);
  // Another unit's band stands for the level: its text without that unit's own part in brackets.
  const text = template.unit === null ? template.label : template.label.replace(/\s*\([^()]*\)\s*$/, '');
  const own: Band = { ...template, value, value2: null, unit, label: '' };
  own.label = `${text} (${unit}: ${labelFromNumbers(own, kpi, thai)})`.trim();
  // After the KPI's last band, so that the general ladder stays together.
  const last = bands.reduce((at, band, i) => (band.kpi === kpiId ? i : at), bands.length - 1);
  bands.splice(last + 1, 0, own);
  return { ...fw, bands };
}

/** A block pasted at (`unitIndex`, `columnIndex`) of a KPI's grid; nothing applied when any cell is refused. */
export function pasteUnitBands(
  fw: Framework,
  kpiId: string,
  text: string,
  at: { unitIndex: number; columnIndex: number }
): { framework: Framework; problems: PasteProblem[] } {
  const levels = unitBandLevels(fw, kpiId);
  const { cells, problems } = readPastedBlock(text, gridUnits(fw), levels.length, at);
  if (problems.length > 0) return { framework: fw, problems };
  let out = fw;
  for (const cell of cells) out = setUnitBand(out, kpiId, cell.unit, levels[cell.column].level, cell.value);
  return { framework: out, problems };
}
