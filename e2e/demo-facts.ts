/**
 * Facts about the default demo (ฉะเชิงเทรา, round 2 of FY2565) computed here, independently of the app:
 * straight from static/demo/chachoengsao-2565-r2.csv and the framework's JSON rules, so that the e2e
 * specs check the app against an answer it did not produce. Only what the specs need: the last reported
 * value of a KPI in a span of months, and the level a value reaches on a unit's bands.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEMO_ID = 'chachoengsao-2565-r2';
/** Months of round 2 of FY2565 as the demo CSV writes them (BE). */
export const ROUND_MONTHS = ['2565-04', '2565-05', '2565-06', '2565-07', '2565-08', '2565-09'];

interface DemoRow {
  unit: string;
  kpi: string;
  month: string;
  value: number | null;
  target: number | null;
}

interface RuleBand {
  kpi: string;
  level: string;
  points: number;
  op: string;
  value: number | null;
  value2: number | null;
  unit: string | null;
}

interface Rules {
  kpis: { kpi: string; name: string; weight: number | null; parent: string | null }[];
  bands: RuleBand[];
  targets: { kpi: string; unit: string; month: string | null; target: number | null }[];
}

export function demoRows(): DemoRow[] {
  const text = readFileSync(path.join(root, 'static/demo', `${DEMO_ID}.csv`), 'utf8').replace(/^\uFEFF/, '');
  const [, ...lines] = text.trim().split(/\r?\n/);
  return lines.map((line) => {
    const [unit, kpi, month, value, target] = line.split(',');
    return {
      unit,
      kpi,
      month,
      value: value === '' ? null : Number(value),
      target: target === '' || target === undefined ? null : Number(target)
    };
  });
}

export function demoRules(): Rules {
  return JSON.parse(readFileSync(path.join(root, 'src/lib/frameworks/builtin', `${DEMO_ID}.json`), 'utf8'));
}

/** The 11 districts of the demo, as the CSV names them. */
export function demoUnits(): string[] {
  return [...new Set(demoRows().map((row) => row.unit))];
}

/** The last reported value (and its target) of a unit's KPI within `months`; null when none. */
export function lastReported(unit: string, kpi: string, months = ROUND_MONTHS): DemoRow | null {
  const rows = demoRows()
    .filter((row) => row.unit === unit && row.kpi === kpi && months.includes(row.month) && row.value !== null)
    .sort((a, b) => a.month.localeCompare(b.month));
  return rows.at(-1) ?? null;
}

/** A unit's bands for a KPI: its own band of a level replaces the general one; best (most points) first. */
export function unitBands(kpi: string, unit: string): RuleBand[] {
  const bands = demoRules().bands.filter((band) => band.kpi === kpi);
  const own = bands.filter((band) => band.unit === unit);
  const general = bands.filter((band) => band.unit === null && !own.some((o) => o.level === band.level));
  return [...own, ...general].sort((a, b) => b.points - a.points);
}

function holds(band: RuleBand, value: number): boolean {
  const edge = band.value as number;
  switch (band.op) {
    case '>=':
      return value >= edge;
    case '>':
      return value > edge;
    case '<=':
      return value <= edge;
    case '<':
      return value < edge;
    case 'between':
      return value >= edge && value <= (band.value2 as number);
    default:
      return true;
  }
}

/** The band a value reaches on a unit's bands (null = below every band). */
export function bandReached(kpi: string, unit: string, value: number): RuleBand | null {
  return unitBands(kpi, unit).find((band) => holds(band, value)) ?? null;
}

/** The per-unit target of a KPI from the framework (every month), when the framework has one. */
export function frameworkTarget(kpi: string, unit: string): number | null {
  return (
    demoRules().targets.find((t) => t.kpi === kpi && t.unit === unit && t.month === null)?.target ?? null
  );
}
