/**
 * Expected answers for the e2e specs, computed from a built-in framework's demo CSV with the plain
 * TypeScript reference scorer (src/lib/scoring/reference.ts), not with the app's SQL.
 * Run with tsx (the specs call it): `tsx e2e/support/reference-league.ts <framework> <period> [<period> …]`.
 * Prints JSON: `{ "<period>": [{ "unitId", "unit", "rank", "total", "totalPct", "missing", "kpiCount" }] }`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { topLevelKpis } from '../../src/lib/domain/framework';
import { builtinFramework, demoFileName } from '../../src/lib/frameworks/builtin.js';
import { readResultsText } from '../../src/lib/ingest/results';
import { referenceTable } from '../../src/lib/scoring/testing';

const [frameworkId, ...periods] = process.argv.slice(2);
const framework = builtinFramework(frameworkId);
if (!framework || periods.length === 0) throw new Error('usage: reference-league.ts <framework> <period>…');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const text = readFileSync(path.join(root, 'static', 'demo', demoFileName(framework.id)), 'utf8');
const rows = readResultsText(demoFileName(framework.id), text, { framework }).rows;
const kpiCount = topLevelKpis(framework).length;
const out: Record<string, unknown> = {};
for (const period of periods) {
  out[period] = referenceTable(framework, rows, period).map((row) => ({
    unitId: row.unitId,
    unit: row.unit,
    rank: row.rank,
    total: row.total,
    totalPct: row.totalPct,
    missing: row.missing,
    kpiCount
  }));
}
process.stdout.write(JSON.stringify(out));
