/**
 * The KPI key printed under the league table and the missions grid: for each KPI in view its code, short
 * name, full name, weight, unit and target (the target level and the criterion of that level's band, e.g.
 * `ระดับ 4: ≥ 80`). The same words are the header tooltip. Pure.
 */
import type { Band, Kpi } from './framework';
import { kpiShortName } from './kpi-short-name';
import type { Lang } from './periods';
import { bandConditionText, targetLevelText, topLevel, weightText } from './rules-text';

export interface KpiKeyRow {
  kpi: string;
  shortName: string;
  name: string;
  weight: string;
  /** The measured value's unit (`ร้อยละ`, `ครัวเรือน`); `–` when the framework names none. */
  unit: string;
  target: string;
}

export function kpiKeyRow(kpi: Kpi, bands: readonly Band[], lang: Lang = 'th'): KpiKeyRow {
  const own = bands.filter((band) => band.kpi === kpi.kpi);
  const level = kpi.targetLevel ?? topLevel(own);
  const band = own.find((b) => b.unit === null && b.level === level);
  const condition = band && band.op !== 'any' ? `: ${bandConditionText(band, lang)}` : '';
  return {
    kpi: kpi.kpi,
    shortName: kpiShortName(kpi),
    name: kpi.name,
    weight: weightText(kpi.weight, lang),
    unit: kpi.unitLabel?.trim() || '–',
    target: `${targetLevelText(kpi, own, lang)}${condition}`
  };
}

export function kpiKeyRows(kpis: readonly Kpi[], bands: readonly Band[], lang: Lang = 'th'): KpiKeyRow[] {
  return kpis.map((kpi) => kpiKeyRow(kpi, bands, lang));
}
