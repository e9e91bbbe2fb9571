/** Runs reference-league.ts (under tsx, which reads the app's JSON modules) and returns its answer. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ReferenceStanding {
  unitId: string;
  unit: string;
  rank: number;
  total: number;
  totalPct: number | null;
  missing: number;
  kpiCount: number;
}

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function referenceLeagues(
  frameworkId: string,
  periods: string[]
): Record<string, ReferenceStanding[]> {
  const output = execFileSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'e2e', 'support', 'reference-league.ts'), frameworkId, ...periods],
    { cwd: root, encoding: 'utf8' }
  );
  return JSON.parse(output) as Record<string, ReferenceStanding[]>;
}
