/**
 * Plausible monthly results for a framework, for the built-in demo workspace. Seeded, so the files in
 * static/demo/ are reproducible (`npm run gen`; a test checks they match). Everything is derived from the
 * framework's own bands and targets: each district has an ability and a trend; its measured value is placed
 * between the worst and best band of each KPI; a few districts fall below every band; a few months are not
 * reported; then the measure is turned back into the reported value (and target or baseline), kept inside
 * the KPI's valid range (`min`/`max`: steps 0–5, counts and money ≥ 0, percentages 0–100).
 */
import { bandStart, orderBands } from '../src/lib/domain/bands';
import type { Band, Framework, Kpi } from '../src/lib/domain/framework';
import { deriveKpiFacts } from '../src/lib/domain/framework-validate';
import { periodsOfFramework } from '../src/lib/domain/periods';
import { DISTRICTS, PROVINCES } from '../src/lib/domain/units';
import { frameworkUnitIds } from '../src/lib/scoring/workspace';

/** mulberry32: a small, well-known seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) as number), 16777619);
  return hash >>> 0;
}

export const DEMO_HEADER_DISTRICT = ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน', 'ค่าเป้าหมาย', 'ฐาน'];
export const DEMO_HEADER_PROVINCE = ['จังหวัด', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน', 'ค่าเป้าหมาย', 'ฐาน'];

interface UnitProfile {
  id: string;
  name: string;
  /** 0..1: how good the district is overall. */
  ability: number;
  /** Change of quality per month. */
  trend: number;
  /** Struggles on some KPIs: below every band there. */
  weakKpis: Set<string>;
}

function unitName(id: string): string {
  return (
    DISTRICTS.find((district) => district.id === id)?.name ??
    PROVINCES.find((province) => province.id === id)?.name ??
    id
  );
}

/** Bands that apply to a unit (its own replace the general band of the same level), best first. */
function bandsFor(framework: Framework, kpi: string, unit: string): Band[] {
  const general = framework.bands.filter((band) => band.kpi === kpi && band.unit === null);
  const own = framework.bands.filter((band) => band.kpi === kpi && band.unit === unit);
  const levels = new Set(own.map((band) => band.level));
  return orderBands([...general.filter((band) => !levels.has(band.level)), ...own]);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Whether a KPI's values are counts (integers) — all band edges whole and not a percentage. */
function isCount(kpi: Kpi, bands: Band[]): boolean {
  if (kpi.measure !== 'value') return false;
  return bands.every((band) => [band.value, band.value2].every((v) => v === null || Number.isInteger(v)));
}

function targetOf(framework: Framework, kpi: string, unit: string, month: string) {
  const own = framework.targets.filter((target) => target.kpi === kpi && target.unit === unit);
  return own.find((target) => target.month === month) ?? own.find((target) => target.month === null) ?? null;
}

/** A reported value moved into the KPI's valid range (a value past the best band, or below 0, is clipped). */
function withinRange(kpi: Kpi, value: number): number {
  if (typeof kpi.min === 'number' && value < kpi.min) return kpi.min;
  if (typeof kpi.max === 'number' && value > kpi.max) return kpi.max;
  return value;
}

export function formatDemoMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return `${Number(year) + 543}-${month}`;
}

/** The demo results of one framework as CSV text (§9.1 long format with Thai headers). */
export function demoResultsCsv(framework: Framework): string {
  const random = seededRandom(hashString(framework.id));
  const facts = deriveKpiFacts(framework);
  const months = periodsOfFramework(framework.fiscalYear, framework.period)
    .filter((period) => period.grain === 'month')
    .map((period) => period.months[0]);
  const leaves = framework.kpis.filter((kpi) => kpi.measure !== 'combine');
  const units: UnitProfile[] = frameworkUnitIds(framework).map((id) => {
    const weak = random() < 0.2;
    return {
      id,
      name: unitName(id),
      ability: 0.2 + random() * 0.75,
      trend: (random() - 0.4) * 0.06,
      weakKpis: new Set(weak ? leaves.filter(() => random() < 0.2).map((kpi) => kpi.kpi) : [])
    };
  });
  const silentUnit = units[Math.floor(random() * units.length)]?.id;

  const lines: string[][] = [framework.province === null ? DEMO_HEADER_PROVINCE : DEMO_HEADER_DISTRICT];
  for (const unit of units) {
    for (const kpi of leaves) {
      const bands = bandsFor(framework, kpi.kpi, unit.name);
      const direction = facts.get(kpi.kpi)?.direction ?? 1;
      const starts = bands.map((band) => bandStart(band, direction)).filter((s): s is number => s !== null);
      if (starts.length === 0) continue;
      const best = starts[0];
      const worst = starts.at(-1) as number;
      const span = Math.abs(best - worst) || Math.max(1, Math.abs(best) * 0.2);
      const count = isCount(kpi, bands);
      const kpiSkill = Math.min(1, Math.max(0, unit.ability + (random() - 0.5) * 0.5));
      const baseTarget = 50 + Math.round(random() * 450);
      months.forEach((month, index) => {
        const lastMonth = index === months.length - 1;
        if (random() < 0.03 || (lastMonth && unit.id === silentUnit)) return; // not reported
        let quality = kpiSkill + unit.trend * index + (random() - 0.5) * 0.15;
        if (unit.weakKpis.has(kpi.kpi)) quality = -0.3 - random() * 0.3;
        quality = Math.min(1.15, quality);
        // Quality 0 sits at the worst band's start, 1 at the best band's start.
        let measured =
          best !== worst ? worst + quality * (best - worst) : best + (quality - 1) * span * direction;
        if (kpi.aggregate === 'last' && kpi.measure !== 'value') {
          measured *= 0.6 + 0.4 * ((index + 1) / months.length); // cumulative figures grow over the round
        }
        const target = targetOf(framework, kpi.kpi, unit.name, month);
        let value: number;
        let targetCell = '';
        let baselineCell = '';
        switch (kpi.measure) {
          case 'pct_of_target': {
            const t = target?.target ?? (kpi.aggregate === 'sum' ? baseTarget / months.length : baseTarget);
            value = roundTo(Math.max(0, (measured * t) / 100), 2);
            if (!target?.target) targetCell = String(roundTo(t, 2));
            break;
          }
          case 'growth_pct': {
            const b = target?.baseline ?? baseTarget;
            value = roundTo(Math.max(0, b * (1 + measured / 100)), 2);
            if (!target?.baseline) baselineCell = String(roundTo(b, 2));
            break;
          }
          case 'rank_desc':
          case 'rank_asc':
            value = roundTo((kpi.measure === 'rank_desc' ? kpiSkill : 1 - kpiSkill) * 100 + random() * 5, 1);
            break;
          default: {
            const raw = kpi.aggregate === 'sum' ? measured / months.length : measured;
            value = count ? Math.max(0, Math.round(raw)) : roundTo(raw, 2);
          }
        }
        value = withinRange(kpi, value);
        lines.push([unit.name, kpi.kpi, formatDemoMonth(month), String(value), targetCell, baselineCell]);
      });
    }
  }
  return (
    lines
      .map((line) =>
        line.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')
      )
      .join('\n') + '\n'
  );
}
