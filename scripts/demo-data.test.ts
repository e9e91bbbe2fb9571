/**
 * The committed demo files (static/demo/*.csv, what the app opens on and the command line's `--demo` scores):
 * they are what the generator writes, and read with the app's own results reader every value lies inside its
 * KPI's valid range (kpis.csv `min`/`max`, issue 11: the demo once held a step of 6 on a 0–5 KPI).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../src/lib/domain/framework';
import type { ResultRow } from '../src/lib/domain/results';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../src/lib/frameworks/builtin';
import { withoutRanges } from '../src/lib/frameworks/ranges.testing';
import { readResultsText } from '../src/lib/ingest/results';
import { demoResultsCsv } from './demo-data';

const committed = (fw: Framework) =>
  readFileSync(new URL(`../static/demo/${demoFileName(fw.id)}`, import.meta.url), 'utf8');

/** Rows whose value lies outside the KPI's range, as `kpi line value (min–max)`. */
function outOfRange(fw: Framework, rows: readonly ResultRow[]): string[] {
  const byId = new Map(fw.kpis.map((kpi) => [kpi.kpi, kpi]));
  const out: string[] = [];
  for (const row of rows) {
    const kpi = byId.get(row.kpi);
    if (!kpi || row.value === null) continue;
    const low = typeof kpi.min === 'number' && row.value < kpi.min;
    const high = typeof kpi.max === 'number' && row.value > kpi.max;
    if (low || high) out.push(`${row.kpi} line ${row.line} ${row.value} (${kpi.min ?? ''}–${kpi.max ?? ''})`);
  }
  return out;
}

describe.each(BUILTIN_FRAMEWORKS.map((fw) => [fw.id, fw] as const))('demo data of %s', (_id, fw) => {
  it('is what scripts/demo-data.ts generates (npx tsx scripts/gen-demo.ts)', () => {
    expect(committed(fw)).toBe(demoResultsCsv(fw));
  });

  it('reads with no rejected row, and every value lies inside its KPI’s range', () => {
    const report = readResultsText(demoFileName(fw.id), committed(fw), { framework: fw });
    expect(report.rejected).toEqual([]);
    expect(report.rows.length).toBeGreaterThan(500);
    expect(outOfRange(fw, report.rows)).toEqual([]);
    // Every KPI that takes reported values has a range, so the check above checked something.
    const ranged = fw.kpis.filter((kpi) => kpi.measure !== 'combine' && typeof kpi.min === 'number');
    expect(ranged.length).toBe(fw.kpis.filter((kpi) => kpi.measure !== 'combine').length);
  });
});

it('the range check finds a step of 6 on a 0–5 KPI (the value the old demo held)', () => {
  const fw = BUILTIN_FRAMEWORKS.find((candidate) => candidate.id === 'chachoengsao-2565-r2')!;
  const text = committed(fw).replace(/^(บางคล้า,I6,2565-09,)5,/m, '$16,');
  expect(text).not.toBe(committed(fw));
  // The reader refuses the line; the test's own check, over the rows read without ranges, finds it too.
  const report = readResultsText('tampered.csv', text, { framework: fw });
  expect(report.rejected.map((r) => r.reason)).toEqual(['ค่า 6 อยู่นอกช่วงที่รับได้ของตัวชี้วัด I6 (0–5 ขั้นตอน)']);
  const rows = readResultsText('tampered.csv', text, { framework: withoutRanges(fw) }).rows;
  expect(outOfRange(fw, rows)).toEqual([expect.stringMatching(/^I6 line \d+ 6 \(0–5\)$/)]);
});
