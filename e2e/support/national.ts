/**
 * National test data for the e2e specs that need all 878 districts: the districts (from the app's own unit
 * list), a framework over every district with level-5 ladders at 90/80/70/60/50, and temporary files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const units = JSON.parse(
  readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/lib/domain/units.data.json'),
    'utf8'
  )
) as { provinces: [string, string][]; districts: [string, string][] };
const provinceName = new Map(units.provinces);

/** Every district with its province's name, in the unit list's order. */
export const DISTRICTS = units.districts.map(([id, name]) => ({
  name,
  province: provinceName.get(id.slice(0, 2))!
}));

/** A framework JSON (DESIGN §9.2) over every district, FY2567, each KPI `value`, `last`, levels 5…1 ≥ 90…50. */
export function nationalFramework(id: string, name: string, kpis: readonly string[]) {
  return {
    id,
    name,
    province: '*',
    fiscalYear: 2567,
    period: null,
    kpis: kpis.map((kpi) => ({
      kpi,
      name: `ตัวชี้วัด ${kpi}`,
      group: null,
      weight: 1,
      scale: '1-5',
      measure: 'value',
      aggregate: 'last',
      interpolate: false,
      targetLevel: null,
      parent: null,
      combine: null
    })),
    bands: kpis.flatMap((kpi) =>
      [90, 80, 70, 60, 50].map((value, i) => ({
        kpi,
        level: String(5 - i),
        points: 5 - i,
        op: '>=',
        value,
        value2: null,
        unit: null,
        label: `ตั้งแต่ ${value}`
      }))
    ),
    targets: [],
    notes: []
  };
}

/** Writes the files (name → text) into a new temporary folder; returns their paths in the same order. */
export function writeTempFiles(prefix: string, files: Record<string, string>): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}
